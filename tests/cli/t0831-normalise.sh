#!/usr/bin/env bash
# Normalisation, the same for every reader (command line add and edit, CSV
# import, add --json, profile): text trimmed and blank meaning not given,
# one unit, project and org whatever its case, no dates in the future, no
# characters that make text read differently from what it is.

. "$(dirname "$0")/../lib.sh"

row () { # ID COLUMNS
	sqlite3 "$IMPACTLOG_DB" "SELECT $2 FROM achievement WHERE id = $1"
}

list_of () { # TABLE ID: the items, in order, each between brackets
	sqlite3 "$IMPACTLOG_DB" "SELECT '[' || name || ']' FROM $1 WHERE achievement_id = $2 ORDER BY position"
}

json () { # JSON: add it
	printf "%s" "$1" >in.json &&
	impactlog add --json <in.json
}

bidi="$(printf "Fix \342\200\256gpj.exe")"  # U+202E, a right-to-left override
zwsp="$(printf "Pay\342\200\213ments")"     # U+200B, a zero-width space
override="holds U+202E (a bidi override), which makes text read differently from what it is"
zero_width="holds U+200B (a zero-width space), which makes text read differently from what it is"

test_expect_success 'setup' '
	impactlog add prevented-loss "First" --date 2025-01-10 --value 1k --unit usd \
		--org Payments --project Atlas >/dev/null
'

# Trimming.

test_expect_success 'add: text is stored without the white space around it' '
	impactlog add enabled-scale "  Sharded the queue	" --value 12k --unit " rps " \
		--project "  Hermes " --note "
  Situation.
  Action.  " --org " Infra " --evidence "go/x  " --witness "	Infra Staff Engineer" \
		--share " 40 " >out &&
	echo "added #2" >expect &&
	test_cmp expect out &&
	echo "Sharded the queue|rps|Hermes|40.0" >expect &&
	row 2 "title, unit, project, share" >actual &&
	test_cmp expect actual &&
	printf "Situation.\n  Action.\n" >expect &&
	row 2 note >actual &&
	test_cmp expect actual &&
	echo "[Infra]" >expect &&
	list_of achievement_org 2 >actual &&
	test_cmp expect actual &&
	echo "[go/x]" >expect &&
	list_of achievement_evidence 2 >actual &&
	test_cmp expect actual &&
	echo "[Infra Staff Engineer]" >expect &&
	list_of achievement_witness 2 >actual &&
	test_cmp expect actual
'

test_expect_success 'add: Unicode spaces are white space too' '
	impactlog add user-growth "$(printf "\302\240Launch\343\200\200")" --project "$(printf "Atlas\342\200\203")" >out &&
	id=$(sed -n "s/^added #//p" out) &&
	echo "Launch|Atlas" >expect &&
	row $id "title, project" >actual &&
	test_cmp expect actual
'

test_expect_success 'add: a blank value is not given; a blank title is no title' '
	impactlog add user-growth "Blank fields" --project "   " --note "  " --unit " " >out &&
	id=$(sed -n "s/^added #//p" out) &&
	echo "users||" >expect &&
	row $id "unit, project, note" >actual &&
	test_cmp expect actual &&
	test_refused 2 "--title: must not be empty" impactlog add --tag user-growth --title "	 " &&
	test_refused 2 "--date: must not be empty" impactlog add user-growth "x" --date "  "
'

test_expect_success 'edit: a blank value clears an optional field, as an empty one does' '
	impactlog edit 2 --project "  " --org "  " --note " " >/dev/null &&
	echo "|" >expect &&
	row 2 "project, note" >actual &&
	test_cmp expect actual &&
	list_of achievement_org 2 >actual &&
	test_must_be_empty actual &&
	impactlog edit 2 --project " Hermes" --org "Infra " >/dev/null &&
	echo "Hermes" >expect &&
	row 2 project >actual &&
	test_cmp expect actual
'

test_expect_success 'import: cells are trimmed; a blank cell or list item is not given' '
	# USERS is users, as the default unit of an earlier record spelt it.
	cat >trim.csv <<-\EOF &&
	date,tag,title,value,unit,project,orgs,evidence,witnesses,note,share
	2025-02-01 , user-growth ,  Padded title  , 5k , USERS ,   ,  Growth ; ;Ads  ,  , Growth PM Lead ;  ,"  A note.  ", 50 
	EOF
	impactlog import trim.csv >out &&
	id=$(sqlite3 "$IMPACTLOG_DB" "SELECT max(id) FROM achievement") &&
	row $id "date, tag, title, value, unit, project, share" >actual &&
	echo "2025-02-01|user-growth|Padded title|5000.0|users||50.0" >expect &&
	test_cmp expect actual &&
	echo "A note." >expect &&
	row $id note >actual &&
	test_cmp expect actual &&
	printf "[Growth]\n[Ads]\n" >expect &&
	list_of achievement_org $id >actual &&
	test_cmp expect actual &&
	list_of achievement_evidence $id >actual &&
	test_must_be_empty actual &&
	echo "[Growth PM Lead]" >expect &&
	list_of achievement_witness $id >actual &&
	test_cmp expect actual
'

test_expect_success 'add --json: strings are trimmed; a blank list item is dropped' '
	json "{\"tag\": \" user-growth\", \"title\": \" JSON title \", \"project\": \"  \",
		\"orgs\": [\" Growth\", \"  \", \"Maps \"], \"evidence\": [\"   \"], \"share\": \" 25 \"}" >out &&
	id=$(sed -n "s/^added #//p" out) &&
	echo "user-growth|JSON title||25.0" >expect &&
	row $id "tag, title, project, share" >actual &&
	test_cmp expect actual &&
	printf "[Growth]\n[Maps]\n" >expect &&
	list_of achievement_org $id >actual &&
	test_cmp expect actual &&
	list_of achievement_evidence $id >actual &&
	test_must_be_empty actual
'

test_expect_success 'profile: values are trimmed; a blank one clears the field' '
	impactlog profile --name "  Staff Engineer, Payments " --level "L6	" --track " SWE" >/dev/null &&
	impactlog profile --track "   " >actual &&
	cat >expect <<-\EOF &&
	name:          Staff Engineer, Payments
	level:         L6
	track:
	target_level:
	manager:
	EOF
	test_cmp expect actual
'

# One unit, project and org whatever its case.

test_expect_success 'units usd, " USD" and Usd are one unit: USD, one row of the totals' '
	impactlog add prevented-loss "Second" --date 2025-01-11 --value 2k --unit " USD" >/dev/null &&
	impactlog add prevented-loss "Third" --date 2025-01-12 --value 3k --unit Usd >/dev/null &&
	echo "{\"tag\": \"prevented-loss\", \"title\": \"Fourth\", \"date\": \"2025-01-13\", \"value\": 4000, \"unit\": \"uSd\"}" >in.json &&
	impactlog add --json <in.json >/dev/null &&
	printf "date,tag,title,value,unit\n2025-01-14,prevented-loss,Fifth,5000,usd \n" >usd.csv &&
	impactlog import usd.csv >/dev/null &&
	echo USD >expect &&
	sqlite3 "$IMPACTLOG_DB" "SELECT DISTINCT unit FROM achievement WHERE tag = ${SQ}prevented-loss${SQ}" >actual &&
	test_cmp expect actual &&
	impactlog report --cycle 2025-Q1 --tag prevented-loss >report &&
	grep "^  prevented-loss  " report >rows &&
	test "$(wc -l <rows)" -eq 1 &&
	grep -q "^  prevented-loss  USD  *5 " rows &&
	impactlog report --cycle 2025-Q1 --tag prevented-loss --md >report.md &&
	grep -c "^| prevented-loss |" report.md >count &&
	echo 1 >expect &&
	test_cmp expect count
'

test_expect_success 'another currency code is stored upper-case; other units as first logged' '
	impactlog add prevented-loss "Euro" --value 1k --unit " eur" >/dev/null &&
	impactlog add enabled-scale "More rps" --value 1k --unit RPS >/dev/null &&
	impactlog add enabled-scale "Teams" --value 3 --unit teams >/dev/null &&
	impactlog add enabled-scale "More teams" --value 2 --unit Teams >/dev/null &&
	sqlite3 "$IMPACTLOG_DB" "SELECT title || ${SQ}|${SQ} || unit FROM achievement WHERE title IN (${SQ}Euro${SQ}, ${SQ}More rps${SQ}, ${SQ}Teams${SQ}, ${SQ}More teams${SQ}) ORDER BY id" >actual &&
	printf "%s\n" "Euro|EUR" "More rps|rps" "Teams|teams" "More teams|teams" >expect &&
	test_cmp expect actual
'

test_expect_success 'edit: a unit, project or org takes the spelling first logged' '
	impactlog edit 2 --unit RPS --project HERMES --org INFRA --org payments >/dev/null &&
	echo "rps|Hermes" >expect &&
	row 2 "unit, project" >actual &&
	test_cmp expect actual &&
	printf "[Infra]\n[Payments]\n" >expect &&
	list_of achievement_org 2 >actual &&
	test_cmp expect actual
'

test_expect_success 'in one import file the first spelling of a new name wins for later rows' '
	cat >spell.csv <<-\EOF &&
	date,tag,title,value,unit,project,orgs
	2025-03-01,enabled-scale,Row one,1,Widgets,Orion,Maps;MAPS
	2025-03-02,enabled-scale,Row two,2,WIDGETS,orion,maps
	2025-03-03,enabled-scale,Row three,3,widgets,ORION,Maps;payments
	EOF
	impactlog import spell.csv >/dev/null &&
	sqlite3 "$IMPACTLOG_DB" "SELECT a.title || ${SQ}|${SQ} || a.unit || ${SQ}|${SQ} || a.project || ${SQ}|${SQ} || group_concat(o.name, ${SQ};${SQ}) FROM achievement AS a JOIN achievement_org AS o ON o.achievement_id = a.id WHERE a.title LIKE ${SQ}Row %${SQ} GROUP BY a.id ORDER BY a.id" >actual &&
	printf "%s\n" "Row one|Widgets|Orion|Maps" "Row two|Widgets|Orion|Maps" \
		"Row three|Widgets|Orion|Maps;Payments" >expect &&
	test_cmp expect actual
'

test_expect_success 'orgs Payments, payments and PAYMENTS are one org in every count' '
	impactlog add user-growth "Org two" --date 2025-05-02 --org " payments" >/dev/null &&
	impactlog add user-growth "Org three" --date 2025-05-03 --org PAYMENTS --org Payments >/dev/null &&
	printf "date,tag,title,orgs\n2025-05-04,user-growth,Org four,payments;Growth\n" >orgs.csv &&
	impactlog import orgs.csv >/dev/null &&
	json "{\"tag\": \"user-growth\", \"title\": \"Org five\", \"date\": \"2025-05-05\", \"orgs\": [\"PAYMENTS\"]}" >/dev/null &&
	echo Payments >expect &&
	sqlite3 "$IMPACTLOG_DB" "SELECT DISTINCT name FROM achievement_org WHERE name = ${SQ}payments${SQ} COLLATE NOCASE" >actual &&
	test_cmp expect actual &&
	impactlog report --cycle 2025-Q2 >report &&
	grep -q "^  Distinct orgs  *2$" report &&
	grep -q "^  Touching two or more orgs  *1 of 4 achievements$" report &&
	impactlog report --cycle 2025-Q2 --md >report.md &&
	grep -q "^- Distinct orgs: \*\*2\*\*$" report.md &&
	grep -ci "^| payments |" report.md >count &&
	echo 1 >expect &&
	test_cmp expect count &&
	grep -q "^| Payments | 4 |" report.md
'

test_expect_success 'filters --org and --project compare case-insensitively, trimmed' '
	impactlog list --format csv --cycle 2025-Q2 --org "PAYMENTS " >out &&
	test "$(grep -c "Org " out)" -eq 4 &&
	impactlog list --format csv --project " hermes" >out &&
	grep -q ",Sharded the queue," out &&
	test_refused 2 "--org: ${SQ}  ${SQ} must not be empty" impactlog list --org "  "
'

# Dates in the future.

test_expect_success 'tomorrow is accepted; the day after is in the future on the command line' '
	impactlog add user-growth "Tomorrow east of here" --date 2026-03-16 >/dev/null &&
	test_refused 2 "--date: ${SQ}2026-03-17${SQ} is in the future" \
		impactlog add user-growth "x" --date 2026-03-17 &&
	test_refused 2 "--date: ${SQ}2031-01-01${SQ} is in the future" \
		impactlog add user-growth "x" --date 2031-01-01 &&
	test_refused 2 "--date: ${SQ}2031-01-01${SQ} is in the future" \
		impactlog edit 1 --date 2031-01-01
'

test_expect_success 'a date in the future is refused in a file and in JSON' '
	printf "date,tag,title\n2025-01-01,user-growth,ok\n2031-01-01,user-growth,later\n" >future.csv &&
	test_refused 1 "future.csv:3: column ${SQ}date${SQ}: ${SQ}2031-01-01${SQ} is in the future" \
		impactlog import future.csv &&
	echo "{\"tag\": \"user-growth\", \"title\": \"x\", \"date\": \"2031-01-01\"}" >in.json &&
	test_refused 1 "--json: ${SQ}date${SQ}: ${SQ}2031-01-01${SQ} is in the future" \
		impactlog add --json <in.json
'

test_expect_success 'a date before 1900-03-01 is refused by every reader' '
	test_refused 2 "--date: ${SQ}1900-02-28${SQ} is before 1900-03-01, the first day accepted" \
		impactlog add user-growth "x" --date 1900-02-28 &&
	printf "date,tag,title\n1899-12-31,user-growth,early\n" >early.csv &&
	test_refused 1 "early.csv:2: column ${SQ}date${SQ}: ${SQ}1899-12-31${SQ} is before 1900-03-01, the first day accepted" \
		impactlog import early.csv &&
	echo "{\"tag\": \"user-growth\", \"title\": \"x\", \"date\": \"1899-12-31\"}" >in.json &&
	test_refused 1 "--json: ${SQ}date${SQ}: ${SQ}1899-12-31${SQ} is before 1900-03-01, the first day accepted" \
		impactlog add --json <in.json
'

# Characters that make text read differently from what it is.

test_expect_success 'the command line refuses a bidi override or a zero-width space, naming both' '
	test_refused 2 "--title: $override" impactlog add --tag user-growth --title "$bidi" &&
	test_refused 2 "title: $override" impactlog add user-growth "$bidi" &&
	test_refused 2 "--org: $zero_width" impactlog add user-growth "x" --org "$zwsp" &&
	test_refused 2 "--note: $override" impactlog add user-growth "x" --note "$bidi" &&
	test_refused 2 "--unit: $zero_width" impactlog add enabled-scale "x" --value 1 --unit "$zwsp" &&
	test_refused 2 "--witness: $override" impactlog edit 1 --witness "$bidi" &&
	test_refused 2 "--project: $zero_width" impactlog edit 1 --project "$zwsp"
'

test_expect_success 'every bidi control and zero-width character is refused' '
	for c in "\342\200\213" "\342\200\214" "\342\200\215" "\342\200\252" "\342\200\253" \
		"\342\200\254" "\342\200\255" "\342\200\256" "\342\201\246" "\342\201\247" \
		"\342\201\250" "\342\201\251" "\357\273\277"; do
		test_refused_like 2 "^impactlog: --title: holds U\+(200[BCD]|202[A-E]|206[6-9]|FEFF) \(a [a-z -]+\), which makes text read differently from what it is$" \
			impactlog add --tag user-growth --title "$(printf "a${c}b")" || exit 1
	done
'

test_expect_success 'an emoji sequence joined by U+200D is accepted' '
	impactlog add user-growth "$(printf "Dev tools \360\237\221\251\342\200\215\360\237\222\273")" >out &&
	grep -q "^added #" out
'

test_expect_success 'a file and JSON refuse them too, naming the line or the key' '
	printf "date,tag,title,orgs\n2025-01-01,user-growth,ok,Ads\n2025-01-02,user-growth,x,%s\n" "$zwsp" >hidden.csv &&
	test_refused 1 "hidden.csv:3: column ${SQ}orgs${SQ}: $zero_width" impactlog import hidden.csv &&
	printf "{\"tag\": \"user-growth\", \"title\": \"%s\"}" "$bidi" >in.json &&
	test_refused 1 "--json: ${SQ}title${SQ}: $override" impactlog add --json <in.json &&
	printf "{\"tag\": \"user-growth\", \"title\": \"x\", \"witnesses\": [\"a\\\\u202eb\"]}" >in.json &&
	test_refused 1 "--json: ${SQ}witnesses${SQ}: $override" impactlog add --json <in.json &&
	test_refused 2 "--name: $override" impactlog profile --name "$bidi" &&
	test_refused 2 "--manager: $zero_width" impactlog profile --manager "$zwsp"
'

test_expect_success 'a byte order mark opens a CSV file; inside a cell it is refused' '
	printf "\357\273\277date,tag,title\n2025-06-01,user-growth,After a BOM\n" >bom.csv &&
	impactlog import bom.csv >out &&
	echo "imported 1 achievement (0 already present)" >expect &&
	test_cmp expect out &&
	printf "date,tag,title\n2025-06-02,user-growth,\357\273\277Inner BOM\n" >inner.csv &&
	test_refused 1 "inner.csv:2: column ${SQ}title${SQ}: holds U+FEFF (a zero-width no-break space), which makes text read differently from what it is" \
		impactlog import inner.csv
'

test_expect_success 'check names old text and dates that the rules now refuse' '
	cp "$IMPACTLOG_DB" old.db &&
	impactlog --db old.db check >out &&
	echo ok >expect &&
	test_cmp expect out &&
	sqlite3 old.db "UPDATE achievement SET title = ${SQ}a${SQ} || char(0x202E) || ${SQ}b${SQ} WHERE id = 2" &&
	test_refused 1 "#2: title $override; change it with ${SQ}impactlog edit 2 --title${SQ}" \
		impactlog --db old.db check &&
	sqlite3 old.db "UPDATE achievement SET title = ${SQ}ab${SQ} WHERE id = 2;
		UPDATE achievement SET date = ${SQ}2026-03-17${SQ} WHERE id = 1" &&
	test_refused 1 "#1: date ${SQ}2026-03-17${SQ} is in the future; change it with ${SQ}impactlog edit 1 --date${SQ}" \
		impactlog --db old.db check
'

test_done
