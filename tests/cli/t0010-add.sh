#!/usr/bin/env bash
# add TAG TITLE [options]: what is stored, the defaults, and every refusal.

. "$(dirname "$0")/../lib.sh"

# row ID COLUMNS: the stored columns of one achievement, '|'-separated.
row () {
	sqlite3 "$IMPACTLOG_DB" "SELECT $2 FROM achievement WHERE id = $1"
}

# list_of TABLE ID: one list field of an achievement, in order.
list_of () {
	sqlite3 "$IMPACTLOG_DB" "SELECT name FROM $1 WHERE achievement_id = $2 ORDER BY position"
}

# repeat N TEXT: TEXT N times, without a newline.
repeat () {
	/usr/bin/python3 -c 'import sys; sys.stdout.write(sys.argv[2] * int(sys.argv[1]))' "$@"
}

test_expect_success 'add prints the new id' '
	impactlog add user-growth "Launched onboarding" >actual &&
	echo "added #1" >expect &&
	test_cmp expect actual &&
	impactlog add user-growth "Second" >actual &&
	echo "added #2" >expect &&
	test_cmp expect actual
'

test_expect_success 'defaults: today, 100% share, team of 1, estimated, unit by tag' '
	echo "$TODAY|user-growth|Launched onboarding||users||100.0|1|||estimated||" >expect &&
	row 1 "date, tag, title, value, unit, baseline, share, team_size, likelihood, lead_days, confidence, project, note" >actual &&
	test_cmp expect actual &&
	impactlog add prevented-loss "Caught it" >/dev/null &&
	echo "USD|" >expect &&
	row 3 "unit, likelihood" >actual &&
	test_cmp expect actual &&
	impactlog add enabled-scale "Unblocked" >/dev/null &&
	echo "|" >expect &&
	row 4 "unit, value" >actual &&
	test_cmp expect actual
'

test_expect_success 'every uid is distinct and stable' '
	test "$(sqlite3 "$IMPACTLOG_DB" "SELECT count(DISTINCT uid) FROM achievement")" = 4 &&
	uid=$(row 1 uid) &&
	impactlog edit 1 --title "Launched onboarding v2" >/dev/null &&
	test "$(row 1 uid)" = "$uid"
'

test_expect_success 'the default date follows the real clock' '
	(
		unset SOURCE_DATE_EPOCH &&
		impactlog add user-growth "Today for real" >out &&
		id=$(sed -n "s/^added #//p" out) &&
		test "$(row $id date)" = "$(date -u +%Y-%m-%d)"
	)
'

test_expect_success 'every field is stored as given' '
	impactlog add prevented-loss "Caught a bad migration" --date 2026-02-10 \
		--value 250k --share 40% --team-size 3 --likelihood 60 --lead-days 5 \
		--confidence measured --project Atlas --org Payments --org Ads \
		--evidence go/pm-1 --evidence "doc: risk review" --witness "Payments SRE Lead" \
		--baseline 1.5M --note "$(printf "Situation.\nAction.\tResult.")" >out &&
	id=$(sed -n "s/^added #//p" out) &&
	printf "%s\n" "2026-02-10|prevented-loss|Caught a bad migration|250000.0|USD|1500000.0|40.0|3|60.0|5|measured|Atlas" >expect &&
	row $id "date, tag, title, value, unit, baseline, share, team_size, likelihood, lead_days, confidence, project" >actual &&
	test_cmp expect actual &&
	printf "Situation.\nAction.\tResult.\n" >expect &&
	row $id note >actual &&
	test_cmp expect actual &&
	printf "Payments\nAds\n" >expect &&
	list_of achievement_org $id >actual &&
	test_cmp expect actual &&
	printf "go/pm-1\ndoc: risk review\n" >expect &&
	list_of achievement_evidence $id >actual &&
	test_cmp expect actual &&
	echo "Payments SRE Lead" >expect &&
	list_of achievement_witness $id >actual &&
	test_cmp expect actual
'

test_expect_success '--tag and --title may replace the arguments' '
	impactlog add --title "By option" --tag enabled-scale --value 2 --unit teams >out &&
	id=$(sed -n "s/^added #//p" out) &&
	echo "enabled-scale|By option|teams" >expect &&
	row $id "tag, title, unit" >actual &&
	test_cmp expect actual
'

test_expect_success 'options may come before the arguments' '
	impactlog add --value 3 user-growth "Options first" >out &&
	id=$(sed -n "s/^added #//p" out) &&
	echo "Options first|3.0" >expect &&
	row $id "title, value" >actual &&
	test_cmp expect actual
'

test_expect_success 'amounts: suffixes, grouping and exponents are exact' '
	for pair in 250000:250000 250k:250000 1.2M:1200000 3B:3000000000 250,000:250000 \
		2.5e6:2500000 0:0 0.1:0.1 1e18:1e18; do
		impactlog add user-growth "Amount ${pair%%:*}" --value "${pair%%:*}" >out &&
		id=$(sed -n "s/^added #//p" out) &&
		test "$(sqlite3 "$IMPACTLOG_DB" "SELECT value = ${pair#*:} FROM achievement WHERE id = $id")" = 1 ||
		{ echo "wrong value for ${pair%%:*}"; exit 1; }
	done
'

test_expect_success 'percentages with and without %' '
	impactlog add user-growth "Share 40" --share 40 >/dev/null &&
	impactlog add user-growth "Share 12.5%" --share 12.5% >out &&
	id=$(sed -n "s/^added #//p" out) &&
	test "$(row $id share)" = 12.5 &&
	impactlog add user-growth "Share 0" --share 0 >/dev/null &&
	impactlog add prevented-loss "Likely" --likelihood 100% >/dev/null
'

test_expect_success 'dates: today, yesterday and a leap day' '
	impactlog add user-growth "Yesterday" --date yesterday >out &&
	test "$(row "$(sed -n "s/^added #//p" out)" date)" = 2026-03-14 &&
	impactlog add user-growth "Today" --date today >out &&
	test "$(row "$(sed -n "s/^added #//p" out)" date)" = $TODAY &&
	impactlog add user-growth "Leap" --date 2024-02-29 >out &&
	test "$(row "$(sed -n "s/^added #//p" out)" date)" = 2024-02-29
'

test_expect_success 'a 200-character title is accepted, counted in characters' '
	title=$(repeat 200 "é") &&
	test "$(printf %s "$title" | wc -c)" = 400 &&
	impactlog add user-growth "$title" >out &&
	id=$(sed -n "s/^added #//p" out) &&
	test "$(row $id title)" = "$title" &&
	title=$(repeat 200 "😀") &&
	impactlog add user-growth "$title" >out &&
	test "$(row "$(sed -n "s/^added #//p" out)" title)" = "$title"
'

test_expect_success 'titles that look like formulas are stored verbatim' '
	for title in "=1+1" "+1" "-1" "@SUM(A1:A2)" "=HYPERLINK(\"http://x\")"; do
		impactlog add user-growth -- "$title" >out &&
		id=$(sed -n "s/^added #//p" out) &&
		test "$(row $id title)" = "$title" || { echo "changed: $title"; exit 1; }
	done
'

test_expect_success 'a title keeps its quotes, inner spaces and Unicode' '
	title="Cut p99 \"latency\"  by 40% — naïve 日本語 ; done" &&
	impactlog add user-growth "  $title  " >out &&
	test "$(row "$(sed -n "s/^added #//p" out)" title)" = "$title"
'

test_expect_success 'a 10000-character note and 100 orgs are accepted' '
	note=$(repeat 10000 "n") &&
	set -- &&
	for i in $(seq 100); do set -- "$@" --org "Org $i"; done &&
	impactlog add user-growth "Wide" --note "$note" "$@" >out &&
	id=$(sed -n "s/^added #//p" out) &&
	test "$(row $id "length(note)")" = 10000 &&
	test "$(list_of achievement_org $id | wc -l)" = 100 &&
	test "$(list_of achievement_org $id | tail -n 1)" = "Org 100"
'

test_expect_success 'a note may span lines' '
	impactlog add user-growth "Story" --note "$(printf "one\n\ttwo")" >out &&
	printf "one\n\ttwo\n" >expect &&
	row "$(sed -n "s/^added #//p" out)" note >actual &&
	test_cmp expect actual
'

# From here on every add is refused: the database must not change.
refused () {
	test_refused 2 "$@"
}

test_expect_success 'unknown tag' '
	refused "tag: ${SQ}frob${SQ} is not a tag (prevented-loss, enabled-scale or user-growth)" \
		impactlog add frob "Title" &&
	refused "--tag: ${SQ}Prevented-Loss${SQ} is not a tag (prevented-loss, enabled-scale or user-growth)" \
		impactlog add --tag Prevented-Loss --title "Title"
'

test_expect_success 'unknown option' '
	refused "add: unknown option ${SQ}--valeu${SQ} (see ${SQ}impactlog help add${SQ})" \
		impactlog add user-growth "Title" --valeu 5
'

test_expect_success 'missing tag or title, too many arguments' '
	refused "--title: required (what you did, one line of at most 200 characters)" \
		impactlog add user-growth &&
	refused "--tag: required (prevented-loss, enabled-scale or user-growth)" \
		impactlog add --title "Title" &&
	refused "usage: impactlog add TAG TITLE [options] (see ${SQ}impactlog help add${SQ})" \
		impactlog add &&
	refused "add: too many arguments: put the title in quotes (usage: impactlog add TAG TITLE [options])" \
		impactlog add user-growth Launched onboarding &&
	refused "add: tag given twice, as an argument and as --tag" \
		impactlog add user-growth "Title" --tag user-growth &&
	refused "add: title given twice, as an argument and as --title" \
		impactlog add user-growth "Title" --title "Other"
'

test_expect_success 'Feb 30 and Feb 29 of a common year' '
	for date in 2026-02-30 2025-02-29 2026-13-01 2026-00-10 0999-12-31; do
		refused "--date: ${SQ}$date${SQ} is not a real calendar day (YYYY-MM-DD)" \
			impactlog add user-growth "Title" --date "$date" || exit 1
	done &&
	for date in 2026-1-5 26-01-05 2026/01/05 tomorrow; do
		refused "--date: ${SQ}$date${SQ} is not a date (YYYY-MM-DD, today or yesterday)" \
			impactlog add user-growth "Title" --date "$date" || exit 1
	done &&
	refused "--date: must not be empty" impactlog add user-growth "Title" --date ""
'

test_expect_success 'share outside 0-100 or not a number' '
	for share in 140 -1 abc 100.5 1e2 40%% "4 0"; do
		refused "--share: ${SQ}$share${SQ} is not a percentage from 0 to 100" \
			impactlog add user-growth "Title" --share "$share" || exit 1
	done &&
	refused "--share: must not be empty" impactlog add user-growth "Title" --share ""
'

test_expect_success 'negative values and non-numbers' '
	for value in -5 abc nan inf 0x10 1.2.3 "1 000" 5kk 1e3k; do
		refused "--value: ${SQ}$value${SQ} is not an amount of 0 or more (e.g. 250000, 250k, 1.2M, 3B)" \
			impactlog add user-growth "Title" --value "$value" || exit 1
	done &&
	refused "--baseline: ${SQ}-1${SQ} is not an amount of 0 or more (e.g. 250000, 250k, 1.2M, 3B)" \
		impactlog add user-growth "Title" --baseline -1
'

test_expect_success 'values too large: 1e400 and 10^308 written out' '
	refused "--value: ${SQ}1e400${SQ} is too large (at most 1e18)" \
		impactlog add user-growth "Title" --value 1e400 &&
	huge=1$(repeat 308 0) &&
	refused "--value: ${SQ}1$(repeat 39 0)…${SQ} is too large (at most 1e18)" \
		impactlog add user-growth "Title" --value "$huge" &&
	refused "--value: ${SQ}1000000000000000001${SQ} is too large (at most 1e18)" \
		impactlog add user-growth "Title" --value 1000000000000000001
'

test_expect_success 'team size 0, negative or fractional; lead days out of range' '
	for size in 0 -1 1.5 abc 1000001; do
		refused "--team-size: ${SQ}$size${SQ} is not a whole number from 1 to 1000000" \
			impactlog add user-growth "Title" --team-size "$size" || exit 1
	done &&
	refused "--lead-days: ${SQ}-1${SQ} is not a whole number from 0 to 36500" \
		impactlog add prevented-loss "Title" --lead-days -1 &&
	refused "--likelihood: ${SQ}101${SQ} is not a percentage from 0 to 100" \
		impactlog add prevented-loss "Title" --likelihood 101 &&
	refused "--confidence: ${SQ}sure${SQ} is not a confidence (measured, estimated or projected)" \
		impactlog add prevented-loss "Title" --confidence sure
'

test_expect_success 'empty or blank title' '
	refused "title: must not be empty" impactlog add user-growth "" &&
	refused "title: must not be empty" impactlog add user-growth "   " &&
	refused "--title: must not be empty" impactlog add --tag user-growth --title ""
'

test_expect_success '201-character title, counted in characters' '
	refused "title: 201 characters; at most 200 are accepted" \
		impactlog add user-growth "$(repeat 201 x)" &&
	refused "title: 201 characters; at most 200 are accepted" \
		impactlog add user-growth "$(repeat 201 é)" &&
	refused "--title: 5000 characters; at most 200 are accepted" \
		impactlog add user-growth --title "$(repeat 5000 x)"
'

test_expect_success 'invalid UTF-8 in title, org, note and the rest' '
	bad=$(printf "caf\xff") &&
	refused "title: not valid UTF-8" impactlog add user-growth "$bad" &&
	refused "--org: not valid UTF-8" impactlog add user-growth "Title" --org "$bad" &&
	refused "--note: not valid UTF-8" impactlog add user-growth "Title" --note "$bad" &&
	refused "--witness: not valid UTF-8" impactlog add user-growth "Title" --witness "$bad" &&
	refused "--evidence: not valid UTF-8" impactlog add user-growth "Title" --evidence "$bad" &&
	refused "--project: not valid UTF-8" impactlog add user-growth "Title" --project "$bad" &&
	refused "--unit: not valid UTF-8" impactlog add enabled-scale "Title" --unit "$bad" &&
	for bytes in "\xc0\xaf" "\xed\xa0\x80" "\xf4\x90\x80\x80" "\xe2\x82" "\x80"; do
		refused "title: not valid UTF-8" impactlog add user-growth "$(printf "a${bytes}b")" ||
		exit 1
	done
'

test_expect_success 'control characters in a title' '
	for char in "\t" "\n" "\r" "\033" "\x7f" "\x01" "\xc2\x9b" "\xc2\x85"; do
		refused "title: must be one line without control characters" \
			impactlog add user-growth "$(printf "a${char}b")" ||
		{ echo "accepted $char"; exit 1; }
	done &&
	refused "--org: must be one line without control characters" \
		impactlog add user-growth "Title" --org "$(printf "a\nb")" &&
	refused "--note: must not contain control characters" \
		impactlog add user-growth "Title" --note "$(printf "bell\a")"
'

test_expect_success 'likelihood and lead days belong to prevented-loss' '
	refused "--likelihood: only applies to prevented-loss achievements, not enabled-scale" \
		impactlog add enabled-scale "Title" --likelihood 50 &&
	refused "--likelihood: only applies to prevented-loss achievements, not user-growth" \
		impactlog add user-growth "Title" --likelihood 50 &&
	refused "--lead-days: only applies to prevented-loss achievements, not user-growth" \
		impactlog add user-growth "Title" --lead-days 3 &&
	refused "--lead-days: only applies to prevented-loss achievements, not enabled-scale" \
		impactlog add enabled-scale "Title" --lead-days 3
'

test_expect_success 'an enabled-scale value needs a unit' '
	refused "--unit: required with a value for enabled-scale (what the value counts: rps, TB, teams, ...)" \
		impactlog add enabled-scale "Title" --value 5000 &&
	refused "--unit: required with a value for enabled-scale (what the value counts: rps, TB, teams, ...)" \
		impactlog add enabled-scale "Title" --value 5000 --unit ""
'

test_expect_success 'a note over 10000 characters' '
	refused "--note: 10001 characters; at most 10000 are accepted" \
		impactlog add user-growth "Title" --note "$(repeat 10001 n)" &&
	refused "--note: 50000 characters; at most 10000 are accepted" \
		impactlog add user-growth "Title" --note "$(repeat 50000 é)"
'

test_expect_success 'more than 100 orgs' '
	set -- &&
	for i in $(seq 101); do set -- "$@" --org "Org $i"; done &&
	refused "--org: too many items; at most 100 are accepted" \
		impactlog add user-growth "Title" "$@"
'

test_expect_success 'a refused add creates no database' '
	rm -f "$IMPACTLOG_DB" &&
	refused "tag: ${SQ}frob${SQ} is not a tag (prevented-loss, enabled-scale or user-growth)" \
		impactlog add frob "Title" &&
	refused "--unit: required with a value for enabled-scale (what the value counts: rps, TB, teams, ...)" \
		impactlog add enabled-scale "Title" --value 5 &&
	refused "title: 201 characters; at most 200 are accepted" \
		impactlog add user-growth "$(repeat 201 x)" &&
	! test -e "$IMPACTLOG_DB"
'

test_done
