# A fixture that tries to break the workbook's formulas, sourced by the
# xlsx tests after tests/lib.sh, like report-fixture.sh.  Dates are on or
# before lib.sh's clock (2026-03-15).  It holds every tag; orgs and
# projects that differ only in case; titles, units and projects that look
# like formulas, criteria or wildcards ("=SUM(A1)", ">5", "req*s", "~x?");
# amounts from a cent to 1e15, a value of 0, and rows without a value, a
# unit or a baseline; achievements with no org, evidence or witness; and
# currencies other than USD.

hostile_fixture () {
	impactlog profile --name "Zoë O'Brien & Co" --level L5 --track SWE &&
	impactlog add --tag prevented-loss --title "=1+1" --date 2025-11-03 --value 1e15 --likelihood 0.5 \
		--share 0.01 --team-size 9 --lead-days 0 --project "=SUM(A1:A9)" \
		--org Payments --org "payments" --org "PAYMENTS" --evidence "=HYPERLINK(\"x\")" &&
	impactlog add prevented-loss "+cents" --date 2025-12-24 --value 0.01 --unit USD \
		--share 50 --project "Cost *controls*" --org payments --witness "@someone" &&
	impactlog add --tag prevented-loss --title "-half a euro" --date 2026-01-02 --value 0.5 --unit EUR \
		--likelihood 33.3 --share 100 --team-size 3 --project "cost *CONTROLS*" \
		--org "~x?" &&
	impactlog add prevented-loss "@nothing at stake" --date 2026-01-31 --value 0 \
		--unit GBP --lead-days 400 --org ">5" &&
	impactlog add prevented-loss "No value logged" --date 2026-02-14 --project ">5" &&
	impactlog add enabled-scale "Capacity with a wildcard unit" --date 2026-02-15 \
		--value 0.01 --baseline 0.001 --unit "req*s" --share 33.3 --team-size 2 \
		--project "=SUM(a1:a9)" --org "Data" --org "data platform" &&
	impactlog add enabled-scale "Formula-looking unit" --date 2026-02-28 --value 12 \
		--unit "=units" --baseline 0 --org "=Org" &&
	impactlog add enabled-scale "Nothing measured" --date 2026-03-01 --team-size 4 &&
	impactlog add enabled-scale "A criterion for a unit" --date 2026-03-02 --value 7 \
		--unit ">5" --baseline 2 --share 100 --team-size 2 --project "~x?" &&
	impactlog add user-growth "Huge growth" --date 2026-03-10 --value 1e15 --share 99.99 \
		--team-size 1000 --project "=SUM(A1:A9)" --org "Growth" --org "growth" \
		--evidence "doc-1" --witness "Growth Lead" &&
	impactlog add user-growth "日本語 signups" --date 2026-03-15 --value 0.5 --share 100 \
		--project "Beta" --org "GROWTH" --evidence "doc-2"
}

# Units that differ only in case: one unit (SPEC), stored in the spelling
# first logged.
hostile_fixture_units () {
	impactlog add prevented-loss "Lower-case dollars" --date 2026-03-03 --value 250.25 \
		--unit usd --share 40 --org PAYMENTS &&
	impactlog add user-growth "Users, capitalised" --date 2026-03-04 --value 300 \
		--unit Users --org growth &&
	impactlog add user-growth "users, in capitals" --date 2026-03-05 --value 1.5 \
		--unit USERS --share 10
}
