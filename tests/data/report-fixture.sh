# The report tests' fixture, sourced by tests/cli/t03*-report-*.sh after
# tests/lib.sh.  Dates are fixed and the clock is lib.sh's (2026-03-15), so
# for --cycle 2026-H1: January and March have work, February is a gap,
# April to June are still to come; 2025-H2 is the previous cycle.
# It holds formula-looking and Markdown-looking titles, multi-org rows, a
# 100% share claimed for a team of 4, rows without evidence or witnesses,
# and names, links and notes that --redact must hide.

report_fixture () {
	impactlog profile --name "Example Engineer" --level L6 --track SWE \
		--target-level L7 --manager "Director of Platform Programs" &&
	# Outside both cycles: only all-time reports see it.
	impactlog add user-growth "Early beta signups" --date 2025-03-10 --value 2k \
		--project Beta --org Growth --evidence "beta-dashboard" &&
	# The previous cycle, 2025-H2.
	impactlog add prevented-loss "Caught a leaked API key before abuse" \
		--date 2025-08-12 --value 200k --likelihood 50 --share 100 --lead-days 3 \
		--project Security --org Security --evidence "https://wiki.example.com/ir-2025-08" \
		--witness "Payments SRE Lead" &&
	impactlog add user-growth "Onboarding email series" --date 2025-10-01 --value 5k \
		--share 50 --team-size 2 --project Onboarding --org Growth &&
	# The cycle, 2026-H1.
	impactlog add prevented-loss "Stopped a runaway cloud bill from a stuck autoscaler" \
		--date 2026-01-09 --value 400k --likelihood 60 --share 50 --team-size 3 \
		--lead-days 14 --confidence measured --project "Cost controls" \
		--org Infrastructure --org Finance \
		--evidence "https://wiki.example.com/secret-postmortem" \
		--witness "Payments SRE Lead" --witness "Platform Staff Engineer" \
		--note "PRIVATE-NOTE: the autoscaler kept adding nodes after a bad deploy." &&
	impactlog add enabled-scale "=SUM(A1:A9) capacity model for the ingest tier" \
		--date 2026-01-20 --value 120k --baseline 30k --unit rps --share 40 \
		--team-size 5 --project "Ingest scale" --org Data --org Platform --org Infrastructure \
		--evidence "load-test-LT-7" --witness "Site-Reliability Manager" &&
	impactlog add prevented-loss "+1 on-call rotation that caught the TLS expiry" \
		--date 2026-01-28 --value 1.5M --likelihood 20 --share 100 --team-size 4 \
		--lead-days 30 --project "Cost controls" --org Infrastructure &&
	impactlog add user-growth "Fixed *retry* | storm in [queue]_worker signup path" \
		--date 2026-03-02 --value 42k --baseline 180k --share 30 --team-size 6 \
		--confidence projected --project Onboarding --org Growth --org Payments \
		--witness "Platform Staff Engineer" &&
	impactlog add enabled-scale "@channel: unblocked four teams with a shared schema registry" \
		--date 2026-03-05 --value 4 --unit teams --share 70 --team-size 2 \
		--org Platform --org Data --org Growth &&
	impactlog add user-growth "日本語 checkout launch" --date 2026-03-11 --value 9.5k \
		--share 100 --team-size 1 --project "International launch" --org Growth \
		--evidence "launch-plan.pdf" --witness "Launch Manager"
}
