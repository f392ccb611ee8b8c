#!/usr/bin/env bash
# report --xlsx: a manager edits shares, a tag, a unit and a date on the
# Achievements sheet; recalculated in LibreOffice and in Gnumeric, the
# Summary totals, By tag, the gap counts, By org, By project and the
# Timeline follow, to the numbers tests/xlsx_edit.py computes from the
# edited rows alone.

. "$(dirname "$0")/../lib.sh"
. "$TEST_DATA/report-fixture.sh"

PYTHON=/usr/bin/python3
EDIT=$test_lib_dir/xlsx_edit.py

test_expect_success OPENPYXL 'edit a copy of the fixture workbook' '
	report_fixture >/dev/null &&
	impactlog report --xlsx report.xlsx &&
	"$PYTHON" -W ignore "$EDIT" edit report.xlsx edited.xlsx
'

test_expect_success OPENPYXL,LIBREOFFICE 'LibreOffice: every number follows the edits' '
	lo_recalc edited.xlsx &&
	"$PYTHON" -W ignore "$EDIT" check lo/edited.xlsx --before report.xlsx --name LibreOffice
'

test_expect_success OPENPYXL,GNUMERIC 'Gnumeric: every number follows the edits' '
	ssconvert --recalc edited.xlsx gnumeric.xlsx >gnumeric.log 2>&1 &&
	"$PYTHON" -W ignore "$EDIT" check gnumeric.xlsx --before report.xlsx --name Gnumeric
'

test_done
