#!/usr/bin/env bash
# report --xlsx: every formula gives, recalculated by LibreOffice and by
# Gnumeric, the value the workbook caches for it, and no cell of either
# holds an error value (tests/xlsx_recalc.py compares them).  Over the
# report fixture and the hostile one, all time and for a cycle.

. "$(dirname "$0")/../lib.sh"
. "$TEST_DATA/report-fixture.sh"
. "$TEST_DATA/hostile-fixture.sh"

PYTHON=/usr/bin/python3
RECALC=$test_lib_dir/xlsx_recalc.py


gnumeric_recalc () {
	mkdir -p gnumeric &&
	for file in "$@"; do
		ssconvert --recalc "$file" "gnumeric/$file" >gnumeric.log 2>&1 ||
			{ cat gnumeric.log; return 1; }
	done
}

# Compares each FILE with READER's copy in READER/FILE.
compare () {
	local reader=$1 file

	shift
	for file in "$@"; do
		"$PYTHON" -W ignore "$RECALC" "$file" "$reader/$file" --name "$reader $file" \
			>"$file.$reader" ||
			{ cat "$file.$reader"; return 1; }
	done
}

test_expect_success 'set up the workbooks of both fixtures' '
	report_fixture >/dev/null &&
	impactlog report --xlsx fixture.xlsx &&
	impactlog report --cycle 2026-H1 --xlsx fixture-h1.xlsx &&
	impactlog report --cycle 2026-H1 --redact --xlsx fixture-redacted.xlsx &&
	impactlog report --tag user-growth --org growth --xlsx fixture-growth.xlsx &&
	export IMPACTLOG_DB=$TRASH/hostile.db &&
	hostile_fixture >/dev/null &&
	impactlog report --xlsx hostile.xlsx &&
	impactlog report --cycle 2026-H1 --xlsx hostile-h1.xlsx &&
	impactlog report --cycle 2030-H1 --xlsx empty.xlsx &&
	echo fixture.xlsx fixture-h1.xlsx fixture-redacted.xlsx fixture-growth.xlsx \
		hostile.xlsx hostile-h1.xlsx empty.xlsx >files
'

test_expect_success OPENPYXL,LIBREOFFICE 'LibreOffice computes every formula to its cached value' '
	lo_recalc $(cat files) &&
	compare lo $(cat files) &&
	grep -h "formula cells" *.lo
'

test_expect_success OPENPYXL,GNUMERIC 'Gnumeric computes every formula to its cached value' '
	gnumeric_recalc $(cat files) &&
	compare gnumeric $(cat files) &&
	grep -h "formula cells" *.gnumeric
'

test_expect_success OPENPYXL,LIBREOFFICE,GNUMERIC 'units that differ only in case total together in both' '
	export IMPACTLOG_DB=$TRASH/hostile.db &&
	hostile_fixture_units >/dev/null &&
	impactlog report --xlsx units.xlsx &&
	lo_recalc units.xlsx &&
	gnumeric_recalc units.xlsx &&
	compare lo units.xlsx &&
	compare gnumeric units.xlsx
'

test_done
