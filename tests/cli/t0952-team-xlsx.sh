#!/usr/bin/env bash
# team --xlsx: the workbook of three people's packets read back (People
# against numbers computed from the packets), recalculated by LibreOffice
# and Gnumeric to its cached values, and after a manager lowers one share
# on the Achievements sheet, People and the over-claim follow: 60 % + 30 %
# is within 100 %.

. "$(dirname "$0")/../lib.sh"

PYTHON=/usr/bin/python3
TEAM=$test_lib_dir/xlsx_team.py
RECALC=$test_lib_dir/xlsx_recalc.py

person () {
	IMPACTLOG_DB=$TRASH/$1.db impactlog "${@:2}" >/dev/null
}

test_expect_success 'three packets, two people claiming one outage at 60 % and 70 %' '
	person a profile --name "Dana Q. Smith" --track TPM --level L6 --target-level L7 &&
	person a add prevented-loss "Caught the cert expiry" --value 400k --share 60 \
		--lead-days 21 --evidence "INC-4412 postmortem" --witness "Ravi Kumar" \
		--org Payments --org Ads --date 2026-02-02 &&
	person a add enabled-scale "Sharded queue" --value 3000 --baseline 1000 --unit rps \
		--date 2026-01-10 &&
	person b profile --name "Lee Chen" --track SWE --level L5 --target-level L6 &&
	person b add prevented-loss "Cert rotation automation" --value 400k --share 70 \
		--evidence "inc-4412 postmortem " --witness "Dana Q. Smith" --org Payments \
		--date 2026-02-05 &&
	person b add user-growth "Onboarding flow" --value 20k --share 50 --team-size 3 \
		--date 2026-01-20 &&
	person c profile --name "Ravi Kumar" --track PM --level L6 --target-level L7 &&
	person c add user-growth "Referral launch" --value 50k --confidence measured \
		--evidence dash --date 2026-03-01 &&
	for p in a b c; do
		IMPACTLOG_DB=$TRASH/$p.db impactlog report --json --cycle 2026-H1 >$p.json || exit 1
	done &&
	impactlog --db "$TRASH/none/x.db" team a.json b.json c.json --xlsx team.xlsx >out &&
	test_must_be_empty out &&
	! test -e none
'

test_expect_success PYTHON3,OPENPYXL 'the workbook holds what the packets say' '
	"$PYTHON" -W ignore "$TEAM" read team.xlsx a.json b.json c.json
'

test_expect_success 'without a file name, impactlog-team.xlsx, and its name printed' '
	impactlog team a.json b.json c.json --xlsx >out &&
	echo impactlog-team.xlsx >expect &&
	test_cmp expect out &&
	test -s impactlog-team.xlsx
'

test_expect_success 'the argument after --xlsx is its FILE, a device too, unless it is a packet' '
	impactlog team a.json b.json c.json --xlsx /dev/null >out &&
	test_must_be_empty out &&
	rm -f impactlog-team.xlsx &&
	impactlog team --xlsx a.json b.json >out &&
	echo impactlog-team.xlsx >expect &&
	test_cmp expect out &&
	test -s impactlog-team.xlsx
'

test_expect_success PYTHON3,OPENPYXL 'a share lowered on Achievements, as a manager would' '
	"$PYTHON" -W ignore "$TEAM" edit team.xlsx edited.xlsx "Lee Chen" \
		"Cert rotation automation" 30
'

test_expect_success OPENPYXL,LIBREOFFICE 'LibreOffice: cached values hold, and the edit moves People and the over-claim' '
	lo_recalc team.xlsx edited.xlsx &&
	"$PYTHON" -W ignore "$RECALC" team.xlsx lo/team.xlsx --name lo &&
	"$PYTHON" -W ignore "$TEAM" check lo/edited.xlsx --name lo >lo.out &&
	grep "shares together 90: within 100 %" lo.out
'

test_expect_success OPENPYXL,GNUMERIC 'Gnumeric: cached values hold, and the edit moves People and the over-claim' '
	mkdir -p gnumeric &&
	ssconvert --recalc team.xlsx gnumeric/team.xlsx >/dev/null 2>&1 &&
	ssconvert --recalc edited.xlsx gnumeric/edited.xlsx >/dev/null 2>&1 &&
	"$PYTHON" -W ignore "$RECALC" team.xlsx gnumeric/team.xlsx --name gnumeric &&
	"$PYTHON" -W ignore "$TEAM" check gnumeric/edited.xlsx --name gnumeric >gn.out &&
	grep "shares together 90: within 100 %" gn.out
'

test_expect_success 'two formats are refused, and a failed view leaves no workbook' '
	test_refused 2 "team: give one of --text, --md, --json or --xlsx" \
		impactlog team a.json --md --xlsx x.xlsx &&
	echo "{" >bad.json &&
	test_must_fail impactlog team a.json bad.json --xlsx x.xlsx 2>err &&
	! test -e x.xlsx
'

test_done
