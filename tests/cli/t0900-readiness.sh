#!/usr/bin/env bash
# readiness and rubric: the evidence held against a target level's
# expectations, from the built-in rubric or one the user imports.

. "$(dirname "$0")/../lib.sh"

# A small rubric whose verdicts the tests below work out from the log with
# sqlite3, independently of the program.
cat >small.csv <<\EOF
id,track,level,dimension,expectation,measure,where,at_least,source
cross-org,TPM,L7,Scope,Several achievements touching two or more orgs,count,orgs>=2,3,L7 calibration
breadth,TPM,L7,Scope,Work across several orgs,orgs,,3,
foresight,TPM,L7,Foresight,Risks caught two weeks early,count,tag=prevented-loss lead_days>=14,1,
risk,TPM,L7,Impact,Loss prevented,sum:USD,tag=prevented-loss,500k,
months,*,*,Consistency,Work in several months,months,,3,
proof,*,*,Evidence,Evidence on most work,evidence%,,75,
judgement,TPM,*,Judgement,Ambiguity resolved,manual,,,
other,PM,L7,Impact,Not for TPM,count,,1,
EOF

test_expect_success 'rubric with no database shows the built-in one and creates nothing' '
	impactlog rubric >actual &&
	grep -q "^The built-in rubric, [0-9]* expectations.  Its thresholds are starting points" actual &&
	grep -q "^TPM, L7$" actual &&
	grep -q "tpm-l7-cross-org" actual &&
	impactlog rubric --format csv >builtin.csv &&
	test_cmp "$SOURCE_DIR/reports/rubric.csv" builtin.csv &&
	! test -e "$IMPACTLOG_DB"
'

test_expect_success 'the built-in rubric covers TPM, PM and SWE at L6, L7 and L8' '
	for track in TPM PM SWE; do
		for level in L6 L7 L8; do
			grep -q "^[a-z0-9-]*,$track,$level," builtin.csv || return 1
		done
	done &&
	grep -q ",manual,,," builtin.csv &&
	! grep -v "^id," builtin.csv | grep -q ",$"
'

test_expect_success 'readiness without a track or target level says how to set them' '
	impactlog init >/dev/null &&
	test_refused 1 "readiness needs a track and a target level: set them with ${SQ}impactlog profile --track TPM --target-level L7${SQ}, or give --track and --level" \
		impactlog readiness &&
	impactlog profile --track TPM >/dev/null &&
	test_refused 1 "readiness needs a track and a target level: set them with ${SQ}impactlog profile --track TPM --target-level L7${SQ}, or give --track and --level" \
		impactlog readiness
'

test_expect_success 'a level or track the rubric does not have is named' '
	test_refused 1 "no expectations for TPM L9 in the rubric (it has L6, L7, L8)" \
		impactlog readiness --level L9 &&
	test_refused 1 "no expectations for the track QA in the rubric (see ${SQ}impactlog rubric${SQ})" \
		impactlog readiness --track QA --level L7
'

test_expect_success 'the log' '
	impactlog profile --target-level L7 >/dev/null &&
	impactlog add prevented-loss "Caught the migration risk" --date 2026-01-05 --value 800k \
		--likelihood 50 --lead-days 21 --org Payments --org Platform --evidence INC-1 >/dev/null &&
	impactlog add prevented-loss "Late catch" --date 2026-01-20 --value 100k --lead-days 2 \
		--org payments >/dev/null &&
	impactlog add enabled-scale "Sharded the queue" --date 2026-02-11 --value 50000 \
		--baseline 10000 --unit rps --org Data --org Platform --evidence LT-7 >/dev/null &&
	impactlog add user-growth "Signup fix" --date 2026-02-12 --value 5k --org Growth >/dev/null
'

test_expect_success 'rubric import --dry-run checks and writes nothing' '
	db_snapshot before &&
	impactlog rubric import small.csv --dry-run >actual &&
	echo "8 expectations, all valid (nothing written)" >expect &&
	test_cmp expect actual &&
	db_snapshot after &&
	test_cmp before after
'

test_expect_success 'rubric import stores the rubric, which --format csv gives back' '
	impactlog rubric import small.csv >actual &&
	echo "imported 8 expectations; readiness now measures against them" >expect &&
	test_cmp expect actual &&
	impactlog rubric --format csv >back.csv &&
	test_cmp small.csv back.csv &&
	impactlog rubric | head -n 1 | grep -q "^The imported rubric, 8 expectations"
'

# What the small rubric measures, counted by sqlite3 over the database.
count_sql () {
	sqlite3 -readonly "$IMPACTLOG_DB" "$1"
}

test_expect_success 'readiness: each verdict, value and id list, worked out by sqlite3' '
	cross=$(count_sql "SELECT count(*) FROM (SELECT achievement_id FROM achievement_org
		GROUP BY achievement_id HAVING count(*) >= 2)") &&
	orgs=$(count_sql "SELECT count(DISTINCT lower(name)) FROM achievement_org") &&
	risk=$(count_sql "SELECT sum(attributed) FROM achievement_facts WHERE tag = ${SQ}prevented-loss${SQ}") &&
	months=$(count_sql "SELECT count(DISTINCT substr(date, 1, 7)) FROM achievement") &&
	test "$cross" = 2 && test "$orgs" = 4 && test "$risk" = 500000.0 && test "$months" = 2 &&
	impactlog readiness --format json >actual.json &&
	cat >expect.json <<-\EOF &&
	[
	 {"id": "cross-org", "dimension": "Scope", "expectation": "Several achievements touching two or more orgs", "measure": "count", "value": 2, "at_least": 3, "met": false, "achievements": [1, 3]},
	 {"id": "breadth", "dimension": "Scope", "expectation": "Work across several orgs", "measure": "orgs", "value": 4, "at_least": 3, "met": true, "achievements": [1, 2, 3, 4]},
	 {"id": "foresight", "dimension": "Foresight", "expectation": "Risks caught two weeks early", "measure": "count", "value": 1, "at_least": 1, "met": true, "achievements": [1]},
	 {"id": "risk", "dimension": "Impact", "expectation": "Loss prevented", "measure": "sum:USD", "value": 500000, "at_least": 500000, "met": true, "achievements": [1, 2]},
	 {"id": "months", "dimension": "Consistency", "expectation": "Work in several months", "measure": "months", "value": 2, "at_least": 3, "met": false, "achievements": [1, 2, 3, 4]},
	 {"id": "proof", "dimension": "Evidence", "expectation": "Evidence on most work", "measure": "evidence%", "value": 50, "at_least": 75, "met": false, "achievements": [1, 3]},
	 {"id": "judgement", "dimension": "Judgement", "expectation": "Ambiguity resolved", "measure": "manual", "value": null, "at_least": null, "met": null, "achievements": []}
	]
	EOF
	test_cmp expect.json actual.json
'

test_expect_success 'the text says what is missing, and ends with the verdict' '
	impactlog readiness >actual &&
	cat >expect <<-\EOF &&
	Readiness for L7 (TPM), all time

	Scope
	  not yet   Several achievements touching two or more orgs
	            2 of at least 3 (#1, #3); missing: 1 more achievement touching 2 or
	            more orgs
	  met       Work across several orgs
	            4 of at least 3 (#1, #2, #3, #4)

	Foresight
	  met       Risks caught two weeks early
	            1 of at least 1 (#1)

	Impact
	  met       Loss prevented
	            $500k of at least $500k (#1, #2)

	Consistency
	  not yet   Work in several months
	            2 of at least 3 (#1, #2, #3, #4); missing: 1 more month with an
	            achievement

	Evidence
	  not yet   Evidence on most work
	            50% of at least 75% (#1, #3); missing: evidence for 1 more
	            achievement

	Judgement
	  in person Ambiguity resolved
	            not measurable from the log: to argue in person

	ready for L7 (TPM): 3 of 6 measurable expectations met; 1 to argue in person
	EOF
	test_cmp expect actual
'

test_expect_success 'filters narrow what is measured; --track and --level override the profile' '
	impactlog readiness --since 2026-02-01 --format json >feb.json &&
	grep -q "\"id\": \"breadth\", .*\"value\": 3, \"at_least\": 3, \"met\": true, \"achievements\": \[3, 4\]" feb.json &&
	impactlog readiness --track pm --level l7 --format json >pm.json &&
	grep -q "\"id\": \"other\"" pm.json &&
	! grep -q "\"id\": \"judgement\"" pm.json
'

test_expect_success 'an edit that adds an org flips an expectation to met' '
	impactlog edit 2 --org payments --org Finance >/dev/null &&
	impactlog readiness --format json >after.json &&
	grep -q "\"id\": \"cross-org\", .*\"value\": 3, \"at_least\": 3, \"met\": true" after.json
'

test_expect_success 'Markdown: one table, rows grouped by dimension' '
	impactlog readiness --format md >actual.md &&
	head -n 1 actual.md | grep -q "^## Readiness for L7 (TPM)$" &&
	grep -q "^| Scope | met | Several achievements touching two or more orgs | 3 of at least 3 (#1, #2, #3) |$" actual.md &&
	grep -q "^|  | met | Work across several orgs | 5 of at least 3 (#1, #2, #3, #4) |$" actual.md &&
	tail -n 1 actual.md | grep -q "^\*\*ready for L7 (TPM): 4 of 6 measurable expectations met; 1 to argue in person\*\*$"
'

PYTHON=/usr/bin/python3
READINESS=$test_lib_dir/xlsx_readiness.py

test_expect_success OPENPYXL 'the workbook has a Readiness sheet, its rows as readiness says' '
	impactlog report --xlsx r.xlsx &&
	"$PYTHON" "$READINESS" states r.xlsx >states &&
	cat >expect <<-\EOF &&
	Several achievements touching two or more orgs	met	3
	Work across several orgs	met	5
	Risks caught two weeks early	met	1
	Loss prevented	met	500000
	Work in several months	not yet	2
	Evidence on most work	not yet	50
	Ambiguity resolved	in person	
	EOF
	test_cmp expect states
'

# Lead days 21 -> 3 on #1 leaves no risk caught early; share 100 -> 50
# halves its attributed value: two expectations go from met to not yet.
test_expect_success OPENPYXL 'an edited copy, for the spreadsheets to recalculate' '
	"$PYTHON" "$READINESS" edit r.xlsx e1.xlsx 1 "Lead days" 3 &&
	"$PYTHON" "$READINESS" edit e1.xlsx edited.xlsx 1 "Share %" 50 &&
	sed -e "s/^\(Risks caught two weeks early\).*/\1	not yet	0/" \
	    -e "s/^\(Loss prevented\).*/\1	not yet	300000/" expect >expect.edited
'

test_expect_success OPENPYXL,LIBREOFFICE 'LibreOffice: readiness follows the edit' '
	lo_recalc edited.xlsx &&
	"$PYTHON" "$READINESS" states lo/edited.xlsx >states.lo &&
	test_cmp expect.edited states.lo
'

test_expect_success OPENPYXL,GNUMERIC 'Gnumeric: readiness follows the edit' '
	ssconvert --recalc edited.xlsx gnumeric.xlsx >gnumeric.log 2>&1 &&
	"$PYTHON" "$READINESS" states gnumeric.xlsx >states.gnumeric &&
	test_cmp expect.edited states.gnumeric
'

test_expect_success 'a backup carries the imported rubric; reset restores the built-in one' '
	impactlog backup copy.db >/dev/null &&
	impactlog --db copy.db rubric --format csv >copy.csv &&
	test_cmp small.csv copy.csv &&
	impactlog rubric reset >actual &&
	echo "the built-in rubric is in use" >expect &&
	test_cmp expect actual &&
	impactlog rubric --format csv >now.csv &&
	test_cmp builtin.csv now.csv
'

test_expect_success 'a bad rubric is refused with FILE:LINE and changes nothing' '
	impactlog rubric import small.csv >/dev/null &&
	printf "%s\n" "id,track,level,dimension,expectation,measure,where,at_least" \
		"a,TPM,L7,Scope,Fine,count,,1" "b,TPM,L7,Scope,Bad,count,colour=red,1" >bad.csv &&
	test_refused 1 "bad.csv:3: where: unknown field in ${SQ}colour=red${SQ} (fields: tag, unit, confidence, value, attributed, share, team_size, lead_days, scale_factor, orgs, evidence, witnesses)" \
		impactlog rubric import bad.csv &&
	printf "%s\n" "id,track,level,dimension,expectation,measure,where,at_least" \
		"a,TPM,L7,Scope,Fine,manual,,3" >bad.csv &&
	test_refused 1 "bad.csv:2: at_least: a manual row has no threshold (leave it empty)" \
		impactlog rubric import bad.csv &&
	test_refused 1 "cannot open ${SQ}missing.csv${SQ}: No such file or directory" \
		impactlog rubric import missing.csv &&
	impactlog rubric --format csv >still.csv &&
	test_cmp small.csv still.csv
'

test_expect_success 'formula-looking text is kept as text' '
	printf "%s\n" "id,track,level,dimension,expectation,measure,where,at_least" \
		"f,TPM,L7,=SUM(A1),=1+1 evidence,count,,1" >formula.csv &&
	impactlog rubric import formula.csv >/dev/null &&
	impactlog readiness --format json >f.json &&
	grep -q "\"dimension\": \"=SUM(A1)\", \"expectation\": \"=1+1 evidence\"" f.json
'

test_expect_success 'usage errors' '
	test_refused 2 "--format: ${SQ}xml${SQ} is not a format (text, md or json)" \
		impactlog readiness --format xml &&
	test_refused 2 "--track: must not be empty" impactlog readiness --track "" &&
	test_refused 2 "rubric: ${SQ}delete${SQ} is not a rubric command (import FILE, reset)" \
		impactlog rubric delete &&
	test_refused 2 "--format: ${SQ}json${SQ} is not a format (table or csv)" \
		impactlog rubric --format json
'

test_done
