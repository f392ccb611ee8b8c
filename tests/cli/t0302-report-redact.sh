#!/usr/bin/env bash
# report --redact: no evidence, notes or witness names (initials only) in
# any format, for sharing wider.

. "$(dirname "$0")/../lib.sh"
. "$TEST_DATA/report-fixture.sh"

# Everything the fixture says that --redact must hide.
cat >secrets <<\EOF
wiki.example.com
secret-postmortem
ir-2025-08
load-test-LT-7
launch-plan.pdf
beta-dashboard
PRIVATE-NOTE
autoscaler kept adding
SRE
Platform Staff
Staff Engineer
Site-Reliability
Reliability
Launch Manager
EOF

# unzipped XLSX: every member of the workbook, one after another, for grep
# (python3 is a test dependency; unzip is not).
unzipped () {
	/usr/bin/python3 -c '
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in z.namelist():
        sys.stdout.buffer.write(z.read(name) + b"\n")
' "$1"
}

# no_secrets FILE...: none of the secrets appears in FILE.
no_secrets () {
	if grep -F -f secrets "$@" >&3; then
		echo "redacted output shows the lines above" >&3
		return 1
	fi
}

test_expect_success 'fixture' '
	report_fixture >/dev/null
'

test_expect_success 'without --redact the report shows them (the test can see)' '
	impactlog report >text &&
	impactlog report --md >md &&
	grep -F "Witnesses: Payments" text &&
	grep -F "PRIVATE-NOTE" md &&
	grep -F "wiki.example.com" md
'

test_expect_success 'redacted text matches the golden file' '
	impactlog report --cycle 2026-H1 --redact >actual &&
	test_cmp "$TEST_DATA/report-redact-text.golden" actual
'

test_expect_success 'redacted text and Markdown hold no evidence, note or name' '
	impactlog report --redact >text &&
	impactlog report --redact --md >md &&
	impactlog report --cycle 2026-H1 --redact --md >cycle-md &&
	no_secrets text md cycle-md
'

test_expect_success 'witnesses keep their initials' '
	grep -F "Witnesses: P.S.L., P.S.E." text &&
	grep -F "Witnesses: S.R.M." md &&
	grep -F "Witnesses: L.M." md
'

test_expect_success 'the header says the report is redacted' '
	grep "^  Redacted  *evidence, notes and witness names left out$" text &&
	grep -F "| Redacted | evidence, notes and witness names left out |" md
'

test_expect_success 'redacted files written with -o hold none either' '
	impactlog report --redact -o out.txt &&
	impactlog report --redact --md -o out.md &&
	no_secrets out.txt out.md
'

test_expect_success 'a redacted workbook holds none either' '
	impactlog report --redact --xlsx packet.xlsx &&
	unzipped packet.xlsx >xml &&
	no_secrets xml &&
	impactlog report --xlsx full.xlsx &&
	unzipped full.xlsx >xml &&
	grep -q -F "Payments SRE Lead" xml
'

test_done
