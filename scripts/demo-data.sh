# The demo's half year: a TPM's achievements in 2026-H2, for scripts/demo
# and for the tests that hold the built-in rubric against them (t0901).
# Defines demo_data, which runs impactlog (a command or function) to log
# them into the database in use.

demo_data () {
	impactlog profile --name "Demo TPM" --level L6 --track TPM --target-level L7 \
		--manager "Director, Platform Programs" >/dev/null &&

	impactlog add prevented-loss "Caught expiring payment-gateway certificates before the holiday freeze" \
		--date 2026-07-08 --value 1.2M --likelihood 70 --share 60 --team-size 3 --lead-days 21 \
		--confidence estimated --project "Payments reliability" --org Payments --org Security \
		--evidence "INC-review-2026-07" --witness "Payments SRE lead" --witness "Security on-call" \
		--note "Audit of cert inventory found 14 certs expiring inside the freeze; drove renewal and added alerting." >/dev/null &&
	impactlog add enabled-scale "Ran the queue sharding program to 5x checkout throughput" \
		--date 2026-07-22 --value 50000 --baseline 10000 --unit rps --share 40 --team-size 6 \
		--confidence measured --project "Checkout scale" --org Payments --org Platform \
		--evidence "Load-test report LT-311" --witness "Platform EM" >/dev/null &&
	impactlog add user-growth "Launched self-serve onboarding for small merchants" \
		--date 2026-08-05 --value 42k --baseline 180k --share 30 --team-size 5 \
		--confidence measured --project "Merchant onboarding" --org Growth --org Payments \
		--evidence "Launch dashboard" --witness "Growth PM" >/dev/null &&
	impactlog add prevented-loss "Found double-charge bug in retry path during launch review" \
		--date 2026-08-19 --value 350k --likelihood 40 --share 100 --lead-days 9 \
		--project "Payments reliability" --org Payments --evidence "Launch review notes" >/dev/null &&
	impactlog add enabled-scale "Unblocked four teams by shipping the shared event schema registry" \
		--date 2026-09-02 --value 4 --unit teams --share 70 --team-size 2 \
		--project "Platform enablement" --org Platform --org Data --org Growth \
		--witness "Data platform EM" >/dev/null &&
	impactlog add user-growth "Cut signup drop-off with a two-step verification redesign" \
		--date 2026-09-16 --value 18k --share 25 --team-size 4 --confidence estimated \
		--project "Merchant onboarding" --org Growth >/dev/null &&
	impactlog add prevented-loss "Drove region failover drill that exposed a stale DNS runbook" \
		--date 2026-09-30 --value 2.5M --likelihood 15 --share 50 --team-size 4 --lead-days 60 \
		--project "Resilience program" --org Infrastructure --org Payments \
		--evidence "Drill retro doc" --witness "Infrastructure director" >/dev/null &&
	impactlog add enabled-scale "Moved batch settlement to streaming, cutting end-of-day latency" \
		--date 2026-10-14 --value 12 --baseline 3 --unit "jobs/hour" --share 50 --team-size 3 \
		--confidence measured --project "Checkout scale" --org Payments --org Data \
		--evidence "Settlement latency dashboard" >/dev/null &&
	impactlog add user-growth "Localized checkout for three new markets" \
		--date 2026-10-28 --value 65k --share 20 --team-size 8 --confidence projected \
		--project "International launch" --org Growth --org Payments --org Legal \
		--evidence "Market launch plan" --witness "International GM" >/dev/null &&
	impactlog add prevented-loss "Blocked vendor contract auto-renewal with a breached SLA" \
		--date 2026-11-04 --value 480k --likelihood 90 --share 100 --lead-days 30 \
		--confidence measured --project "Vendor governance" --org Finance --org Procurement \
		--evidence "Contract review ticket" --witness "Procurement lead" >/dev/null &&
	impactlog add enabled-scale "Capacity plan that let search absorb the holiday peak" \
		--date 2026-11-12 --value 90k --baseline 30k --unit QPS --share 100 \
		--project "Resilience program" --org Search >/dev/null &&
	impactlog add user-growth "Referral program relaunch" \
		--date 2026-11-20 --value 9.5k --share 100 --team-size 2 --confidence estimated \
		--project "Merchant onboarding" --org Growth --evidence "Referral funnel report" >/dev/null
}

# Two more people of the same team, for the manager's view (team): an SWE
# who claims part of the same certificate save (their shares add up past
# 100 %) and a PM.  Each runs impactlog on the database in use: call it once
# per person with IMPACTLOG_DB set to theirs.
demo_team_swe () {
	impactlog profile --name "Demo SWE" --level L5 --track SWE --target-level L6 \
		--manager "Director, Platform Programs" >/dev/null &&
	impactlog add prevented-loss "Automated certificate renewal for the payment gateway" \
		--date 2026-07-10 --value 1.2M --likelihood 70 --share 50 --team-size 3 --lead-days 19 \
		--project "Payments reliability" --org Payments \
		--evidence "inc-review-2026-07" --witness "Payments SRE lead" >/dev/null &&
	impactlog add enabled-scale "Wrote the shard router behind the checkout queue" \
		--date 2026-07-20 --value 50000 --baseline 10000 --unit rps --share 30 --team-size 6 \
		--confidence measured --project "Checkout scale" --org Payments \
		--evidence "Load-test report LT-311" --witness "Platform EM" >/dev/null &&
	impactlog add enabled-scale "Cut CI time for the payments monorepo from 40 to 12 minutes" \
		--date 2026-10-01 --value 40 --baseline 12 --unit minutes --share 100 \
		--confidence measured --org Payments --evidence "CI dashboard" >/dev/null
}

demo_team_pm () {
	impactlog profile --name "Demo PM" --level L6 --track PM --target-level L7 \
		--manager "Director, Platform Programs" >/dev/null &&
	impactlog add user-growth "Defined and launched self-serve onboarding for small merchants" \
		--date 2026-08-05 --value 42k --baseline 180k --share 50 --team-size 5 \
		--confidence measured --project "Merchant onboarding" --org Growth --org Payments \
		--evidence "Launch dashboard" --witness "Growth director" >/dev/null &&
	impactlog add user-growth "Referral programme for merchants, A/B tested" \
		--date 2026-10-20 --value 9.5k --share 80 --team-size 2 --confidence measured \
		--project "Merchant growth" --org Growth --evidence "Experiment readout EXP-88" \
		--witness "Data science lead" >/dev/null
}
