#!/usr/bin/env bash
# report --xlsx: the workbook, read back with openpyxl (tests/xlsx_check.py)
# and checked against arithmetic done independently on `list --format json`
# and against the text report.

. "$(dirname "$0")/../lib.sh"

PYTHON=/usr/bin/python3
CHECK=$test_lib_dir/xlsx_check.py
export PYTHON CHECK

if ! test_have_prereq OPENPYXL; then
	echo "error: $PYTHON cannot import openpyxl (scripts/deps test installs python3-openpyxl)" >&2
	exit 1
fi

add () {
	impactlog add "$@" >/dev/null
}

# The report's JSON and text for the same filters, then the checker.
check_report () {
	local file=$1

	shift
	impactlog list --format json "$@" >list.json &&
	impactlog report --text "$@" >report.txt &&
	"$PYTHON" "$CHECK" "$file" --json list.json --text report.txt --author "Example Engineer"
}

test_expect_success 'set up twenty achievements over two half-years' '
	impactlog profile --name "Example Engineer" --level L6 --track engineering \
		--target-level L7 --manager "Director of Platform Programs" >/dev/null &&
	# 2026-H1, the current cycle (today is 2026-03-15; February stays empty)
	add prevented-loss "Caught expiring gateway certificates" --date 2026-01-08 \
		--value 400k --likelihood 60 --share 50 --team-size 3 --lead-days 14 \
		--confidence measured --project Reliability --org Payments --org Security \
		--evidence https://evidence.example/INC-4242 --witness "Payments SRE Lead" \
		--witness "Security Incident Commander" --note "Secret note alpha: the cert audit" &&
	add prevented-loss "Blocked a breached vendor renewal" --date 2026-01-20 \
		--value 1.2M --share 25 --team-size 4 --lead-days 7 \
		--project "Vendor governance" --org Finance --evidence "Contract review ZX-77" \
		--witness "Directora de Área Legal" &&
	add --tag prevented-loss --title "=1+1" --date 2026-03-02 --value 35000 \
		--likelihood 12.5 --lead-days 30 --org Payments &&
	add enabled-scale "Sharded the checkout queue" --date 2026-01-15 --value 50k \
		--unit rps --baseline 10k --share 40 --team-size 6 --project "Checkout scale" \
		--org Payments --org Platform --evidence "Load test LT-311" \
		--witness "Platform Staff Engineer" &&
	add enabled-scale "Doubled batch throughput" --date 2026-03-05 --value 300 \
		--unit "req*s" --baseline 100 --project "Checkout scale" --org Platform &&
	add enabled-scale "Wrote the capacity playbook" --date 2026-03-10 --team-size 2 \
		--org Platform &&
	add enabled-scale "Unblocked four teams" --date 2026-01-29 --value 4 --unit teams \
		--share 70 --team-size 2 --project "Platform enablement" --org Platform \
		--org Data --org Growth --witness "Data Platform Manager" &&
	add user-growth "Self-serve onboarding" --date 2026-01-11 --value 42k \
		--baseline 180k --share 30 --team-size 5 --project Onboarding --org Growth \
		--org Payments --evidence "Launch dashboard Q1-hidden" --witness "Growth Lead" \
		--note "Secret note beta" &&
	add --tag user-growth --title "+A1" --date 2026-03-01 --value 1200 --share 33.3 \
		--team-size 3 --org Growth &&
	add --tag user-growth --title "-2" --date 2026-03-03 --value 500 &&
	add --tag user-growth --title "@SUM(A1)" --date 2026-03-04 --value 2.5k --share 10 \
		--team-size 10 --org Legal &&
	add user-growth "Paid tier upsell" --date 2026-01-25 --value 250k --unit USD \
		--share 10 --team-size 4 --project Monetization --org Growth --org Finance \
		--evidence "Revenue report RR-9" --witness "Revenue Operations Lead" &&
	add prevented-loss "Cut p99 <50ms & fixed \"quotes\"" --date 2026-03-12 --value 80k \
		--share 20 --team-size 5 --likelihood 50 \
		--note "$(printf "Line one of the story\nSecret note gamma")" &&
	# 2025-H2, the previous cycle
	add prevented-loss "Stopped a duplicate-charge bug" --date 2025-08-19 --value 350k \
		--likelihood 40 --lead-days 9 --org Payments --evidence "Launch review 2025" &&
	add prevented-loss "Region failover drill" --date 2025-09-30 --value 2.5M \
		--likelihood 15 --share 50 --team-size 4 --lead-days 60 --org Infrastructure &&
	add enabled-scale "Streaming settlement" --date 2025-10-14 --value 12 \
		--unit jobs/hour --baseline 3 --share 50 --team-size 3 --org Data &&
	add user-growth "Localized checkout" --date 2025-10-28 --value 65k --share 20 \
		--team-size 8 --org Growth --org Legal --witness "International Launch Manager" &&
	add user-growth "Referral relaunch" --date 2025-12-02 --value 9500 --team-size 2 &&
	add enabled-scale "Search holiday capacity" --date 2025-11-18 --value 3 \
		--unit "x peak QPS" --baseline 1 &&
	add user-growth "Signup redesign" --date 2025-09-16 --value 18k --share 25 \
		--team-size 4 &&
	impactlog list --format json >all.json &&
	test $(grep -c "\"id\":" all.json) -eq 20
'

test_expect_success '--xlsx with no file writes impactlog-all.xlsx and prints its path' '
	impactlog report --xlsx >out 2>err &&
	echo impactlog-all.xlsx >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test -s impactlog-all.xlsx &&
	! ls -A | grep -q "^\.impactlog-"
'

test_expect_success 'the all-time workbook matches the data and the text report' '
	impactlog list --format json >list.json &&
	impactlog report --text >report.txt &&
	"$PYTHON" "$CHECK" impactlog-all.xlsx --json list.json --text report.txt \
		--author "Example Engineer" --formula-like 4
'

test_expect_success 'formula-looking titles are stored as strings, not formulas' '
	"$PYTHON" -m zipfile -e impactlog-all.xlsx x &&
	sheet=x/xl/worksheets/sheet2.xml &&
	for title in "=1+1" "+A1" "-2" "@SUM(A1)"; do
		grep -qF "<t>$title</t>" "$sheet" || { echo "no string $title"; exit 1; }
		! grep -qF "<f>${title#=}</f>" "$sheet" || { echo "formula $title"; exit 1; }
	done
'

test_expect_success '--cycle writes impactlog-CYCLE.xlsx beside the previous cycle' '
	impactlog report --cycle 2026-H1 --xlsx >out &&
	echo impactlog-2026-H1.xlsx >expect &&
	test_cmp expect out &&
	impactlog list --format json --cycle 2026-H1 >list.json &&
	impactlog list --format json --cycle 2025-H2 >previous.json &&
	impactlog report --text --cycle 2026-H1 >report.txt &&
	"$PYTHON" "$CHECK" impactlog-2026-H1.xlsx --json list.json --previous previous.json \
		--text report.txt --author "Example Engineer"
'

test_expect_success '--redact leaves no evidence, note or witness name in the file' '
	impactlog report --redact --xlsx redacted.xlsx >out &&
	test_must_be_empty out &&
	impactlog list --format json >list.json &&
	"$PYTHON" "$CHECK" redacted.xlsx --json list.json --redacted &&
	"$PYTHON" -m zipfile -e redacted.xlsx r &&
	! grep -rqF -e "evidence.example" -e "Secret note" -e "Payments SRE Lead" -e "Incident Commander" r &&
	grep -qF "P.S.L.; S.I.C." r/xl/worksheets/sheet2.xml &&
	grep -qF "D.D.Á.L." r/xl/worksheets/sheet2.xml
'

test_expect_success 'filters narrow the workbook as they narrow the list' '
	impactlog report --tag user-growth --org Growth -o growth.xlsx --xlsx &&
	check_report growth.xlsx --tag user-growth --org Growth
'

test_expect_success 'an empty period still gives every sheet, header and chart' '
	impactlog report --cycle 2030-H1 --xlsx empty.xlsx &&
	check_report empty.xlsx --cycle 2030-H1
'

test_expect_success 'a database with no achievements or profile gives a valid workbook' '
	export IMPACTLOG_DB=$TRASH/empty.db &&
	impactlog init >/dev/null &&
	impactlog report --xlsx nothing.xlsx &&
	impactlog list --format json >list.json &&
	impactlog report --text >report.txt &&
	"$PYTHON" "$CHECK" nothing.xlsx --json list.json --text report.txt
'

test_expect_success 'the same data and clock give the same bytes' '
	impactlog report --xlsx again.xlsx &&
	cmp impactlog-all.xlsx again.xlsx
'

test_expect_success 'a missing folder is refused in one line and leaves nothing' '
	test_refused 1 "cannot write ${SQ}no/such/folder/r.xlsx${SQ}: No such file or directory" \
		impactlog report --xlsx no/such/folder/r.xlsx &&
	! test -e no
'

test_expect_success 'a failing workbook_close exits 1 in one line and leaves no file' '
	mkdir small &&
	(
		trap "" XFSZ
		ulimit -f 8
		test_must_fail --exit=1 impactlog report --xlsx small/r.xlsx >out 2>err
	) &&
	test_must_be_empty out &&
	test $(wc -l <err) -eq 1 &&
	grep -q "^impactlog: cannot write ${SQ}small/.*${SQ}: Zip" err &&
	test -z "$(ls -A small)"
'

# Generated straight into the schema: a thousand rows with every kind of
# gap (no value, no unit, no likelihood, no baseline) across three years.
generate_rows () {
	sqlite3 "$1" <<-EOF
	WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
	INSERT INTO achievement (date, tag, title, value, unit, baseline, share, team_size,
	                         likelihood, lead_days, confidence, project, note)
	SELECT date('2024-01-01', '+' || (i * 7 % 1096) || ' days'),
	       CASE i % 3 WHEN 0 THEN 'prevented-loss' WHEN 1 THEN 'enabled-scale'
	                  ELSE 'user-growth' END,
	       CASE WHEN i % 250 = 0 THEN '=HYPERLINK("http://x.example")'
	            ELSE 'Generated achievement ' || i END,
	       CASE WHEN i % 17 = 0 THEN NULL ELSE (i % 97) * 1000 + 0.5 * (i % 2) END,
	       CASE i % 3 WHEN 0 THEN 'USD'
	                  WHEN 1 THEN CASE WHEN i % 17 = 0 THEN NULL ELSE 'rps' END
	                  ELSE 'users' END,
	       CASE WHEN i % 5 = 0 THEN (i % 13) * 100 END,
	       (i % 10) * 10 + 5 + (i % 3) * 0.3,
	       1 + i % 6,
	       CASE WHEN i % 3 = 0 AND i % 4 <> 0 THEN (i % 9) * 10 + 5 END,
	       CASE WHEN i % 3 = 0 AND i % 2 = 0 THEN i % 45 END,
	       CASE i % 3 WHEN 0 THEN 'measured' WHEN 1 THEN 'estimated' ELSE 'projected' END,
	       CASE WHEN i % 11 <> 0 THEN 'Project ' || (i % 7) END,
	       CASE WHEN i % 4 = 0 THEN 'Generated note ' || i END
	FROM n;
	INSERT INTO achievement_org (achievement_id, position, name)
	SELECT id, 1, 'Org ' || (id % 7) FROM achievement WHERE id % 6 <> 0;
	INSERT INTO achievement_org (achievement_id, position, name)
	SELECT id, 2, 'Org ' || ((id + 3) % 7) FROM achievement WHERE id % 3 = 0;
	INSERT INTO achievement_evidence (achievement_id, position, name)
	SELECT id, 1, 'https://evidence.example/doc-' || id FROM achievement WHERE id % 2 = 0;
	INSERT INTO achievement_witness (achievement_id, position, name)
	SELECT id, 1, 'Witness Person ' || (id % 23) FROM achievement WHERE id % 5 <> 0;
	EOF
}

test_expect_success 'a thousand generated rows read back exactly' '
	export IMPACTLOG_DB=$TRASH/thousand.db &&
	impactlog init >/dev/null &&
	impactlog profile --name "Example Engineer" >/dev/null &&
	generate_rows thousand.db 1000 &&
	impactlog report --xlsx thousand.xlsx &&
	check_report thousand.xlsx &&
	impactlog report --cycle 2025 --redact --xlsx thousand-2025.xlsx &&
	impactlog list --format json --cycle 2025 >list.json &&
	impactlog list --format json --cycle 2024 >previous.json &&
	"$PYTHON" "$CHECK" thousand-2025.xlsx --json list.json --previous previous.json --redacted
'

# Fails unless the Summary's count (the value cached with its formula)
# is the number of rows the Achievements sheet lists.
counts_its_rows () {
	"$PYTHON" - "$1" <<-\EOF
	import sys, openpyxl
	book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
	rows = sum(1 for _ in book["Achievements"].iter_rows(min_row=2))
	counted = book["Summary"]["B5"].value
	if counted != rows:
	    sys.exit(f"{sys.argv[1]}: the Summary counts {counted}, Achievements lists {rows}")
	EOF
}

test_expect_success 'workbooks written during a stream of adds count what they list' '
	cp thousand.db busy.db || exit 1
	( while ! test -e stop; do
		impactlog --db busy.db add user-growth "meanwhile" --value 1 >/dev/null || exit 1
	done ) &
	writer=$!
	for i in 1 2 3 4 5; do
		impactlog --db busy.db report --xlsx busy-$i.xlsx || break
	done
	touch stop &&
	wait $writer &&
	test "$(sqlite3 busy.db "SELECT count(*) FROM achievement")" -gt 1000 &&
	for i in 1 2 3 4 5; do counts_its_rows busy-$i.xlsx || exit 1; done
'

test_expect_success 'a database in WAL mode gives the same workbook' '
	cp thousand.db wal.db &&
	test "$(sqlite3 wal.db "PRAGMA journal_mode = wal")" = wal &&
	impactlog --db wal.db report --xlsx wal.xlsx &&
	impactlog --db thousand.db report --xlsx rollback.xlsx &&
	cmp rollback.xlsx wal.xlsx
'

test_expect_success LIBREOFFICE 'LibreOffice opens the workbook and keeps its totals' '
	HOME=$TEST_ROOT/home soffice --headless --convert-to csv --outdir lo \
		impactlog-all.xlsx >/dev/null 2>&1 &&
	test -s lo/impactlog-all.csv &&
	grep -q "^Achievements,20" lo/impactlog-all.csv
'

# A manager halves a share in LibreOffice: the Summary totals follow.
# The edit is made with openpyxl, standing in for the person; the
# profile makes LibreOffice recalculate every formula on load.
test_expect_success LIBREOFFICE 'LibreOffice recalculates the totals after a share is edited' '
	lo_profile &&
	impactlog add prevented-loss "Solo save" --date 2020-05-05 --value 1000 \
		--likelihood 50 --share 80 >/dev/null &&
	impactlog report --cycle 2020 --xlsx solo.xlsx >/dev/null &&
	"$PYTHON" -c "
import openpyxl, sys
wb = openpyxl.load_workbook(\"solo.xlsx\")
ws = wb[\"Achievements\"]
assert ws[\"H1\"].value == \"Share %\" and ws[\"H2\"].value == 80
ws[\"H2\"].value = 40
wb.save(\"edited.xlsx\")
" &&
	convert () {
		HOME=$TEST_ROOT/home soffice -env:UserInstallation=file://$TRASH/lo-profile \
			--headless --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1" \
			--outdir lo-edit "$1" >/dev/null 2>&1
	} &&
	convert solo.xlsx && convert edited.xlsx &&
	grep -q "^prevented-loss,USD,1,1000,400," lo-edit/solo-Summary.csv &&
	grep -q "^prevented-loss,USD,1,1000,200," lo-edit/edited-Summary.csv &&
	grep -q "^\"\?Risk-adjusted, your share\"\?,200," lo-edit/edited-Summary.csv
'

# A unit is one unit whatever its case (SPEC): stored in one spelling, and
# compared without case by every formula.
test_expect_success LIBREOFFICE 'LibreOffice totals units that differ only in case together' '
	impactlog add prevented-loss "Upper" --date 2019-05-05 --value 1000 --unit USD >/dev/null &&
	impactlog add prevented-loss "Lower" --date 2019-06-06 --value 300 --unit usd >/dev/null &&
	impactlog report --cycle 2019 --xlsx cases.xlsx >/dev/null &&
	HOME=$TEST_ROOT/home soffice -env:UserInstallation=file://$TRASH/lo-profile \
		--headless --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1" \
		--outdir lo-cases cases.xlsx >/dev/null 2>&1 &&
	grep -q "^prevented-loss,USD,2,1300,1300," lo-cases/cases-Summary.csv &&
	! grep -q "^prevented-loss,usd," lo-cases/cases-Summary.csv &&
	grep -q "^\"\?Risk-adjusted, your share\"\?,1300,USD" lo-cases/cases-Summary.csv
'

test_done
