#!/usr/bin/env bash
# list [filters] [--deleted] [--format table|csv|json]

. "$(dirname "$0")/../lib.sh"

# ids [list options]: the ids list prints, in order, one a line.
ids () {
	impactlog list --format json "$@" >ids.json &&
	/usr/bin/python3 -c 'import json, sys
for a in json.load(open(sys.argv[1])): print(a["id"])' ids.json
}

# list_on_terminal COLS [OPTIONS]: list on a terminal COLS wide, into
# tty.out.  TERM is set: the machine running the tests may have none.
list_on_terminal () {
	local cols=$1

	shift
	on_terminal "stty cols $cols; TERM=xterm impactlog list $*"
}

test_expect_success 'an empty database lists nothing' '
	impactlog init >/dev/null &&
	impactlog list >out &&
	test_must_be_empty out &&
	impactlog list --format json >out &&
	echo "[]" >expect &&
	test_cmp expect out &&
	impactlog list --format csv >out &&
	printf "uid,date,tag,title,value,unit,baseline,share,team_size,likelihood,lead_days,confidence,project,orgs,evidence,witnesses,note\r\n" >expect &&
	test_cmp expect out
'

test_expect_success 'setup' '
	impactlog add prevented-loss "Caught a bad schema migration" --date 2025-01-20 \
		--value 250k --share 40 --likelihood 50 --lead-days 6 --project Atlas \
		--org Payments --org "Ads Platform" --evidence go/pm-17 --witness "Payments SRE Lead" \
		--note "Found the lock in review" >/dev/null &&
	impactlog add enabled-scale "Sharded the queue" --date 2025-04-02 --value 12k \
		--unit rps --baseline 2k --project Hermes --org Infra >/dev/null &&
	impactlog add user-growth "Launched onboarding v2" --date 2025-07-15 --value 1.2M \
		--share 25 --project Atlas --org Growth --witness "Checkout Staff Engineer" >/dev/null &&
	impactlog add user-growth "Same-day later id" --date 2025-07-15 >/dev/null &&
	impactlog add enabled-scale "Unblocked three teams" --date 2024-12-31 --value 3 \
		--unit teams --evidence "doc: quarterly review" >/dev/null
'

test_expect_success 'table: header, aligned columns, newest first' '
	impactlog list >actual &&
	cat >expect <<-\EOF &&
	ID  DATE        TAG             ATTRIBUTED  TITLE
	#4  2025-07-15  user-growth              -  Same-day later id
	#3  2025-07-15  user-growth     300k users  Launched onboarding v2
	#2  2025-04-02  enabled-scale      12k rps  Sharded the queue
	#1  2025-01-20  prevented-loss        $50k  Caught a bad schema migration
	#5  2024-12-31  enabled-scale      3 teams  Unblocked three teams
	EOF
	test_cmp expect actual
'

test_expect_success 'no colour codes when stdout is not a terminal' '
	impactlog list >out &&
	! grep -q "$(printf "\033")" out
'

test_expect_success SCRIPT 'on a terminal: colour unless NO_COLOR, and the terminal width' '
	on_terminal "stty cols 60; TERM=xterm env -u NO_COLOR impactlog list" &&
	grep -q "$(printf "\033")\[" tty.out &&
	list_on_terminal 60 &&
	! grep -q "$(printf "\033")" tty.out &&
	test "$(widest tty.out)" -le 60 &&
	grep -q "…$" tty.out
'

test_expect_success SCRIPT 'no colour on a dumb terminal, nor without TERM' '
	on_terminal "TERM=dumb env -u NO_COLOR impactlog list" &&
	grep -q "^#1 " tty.out &&
	! grep -q "$(printf "\033")" tty.out &&
	on_terminal "env -u NO_COLOR -u TERM impactlog list" &&
	grep -q "^#1 " tty.out &&
	! grep -q "$(printf "\033")" tty.out
'

test_expect_success SCRIPT 'a long title is cut with … to fit the terminal, never when piped' '
	title=$(printf "%s" abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij) &&
	impactlog add user-growth "$title" --date 2025-08-01 >/dev/null &&
	list_on_terminal 80 --since 2025-08-01 &&
	sed -n 2p tty.out >actual &&
	echo "#6  2025-08-01  user-growth              -  abcdefghijabcdefghijabcdefghijabcde…" >expect &&
	test_cmp expect actual &&
	test "$(widest tty.out)" -le 80 &&
	impactlog list --since 2025-08-01 >out &&
	sed -n 2p out >actual &&
	echo "#6  2025-08-01  user-growth              -  $title" >expect &&
	test_cmp expect actual &&
	COLUMNS=40 impactlog list --since 2025-08-01 >out &&
	sed -n 2p out >actual &&
	test_cmp expect actual
'

test_expect_success SCRIPT 'a title of exactly the column width is not cut' '
	impactlog add user-growth "$(printf "%s" abcdefghij abcdefghij abcdefghij abcdef)" \
		--date 2025-08-02 >/dev/null &&
	list_on_terminal 80 --since 2025-08-02 &&
	sed -n 2p tty.out >actual &&
	echo "#7  2025-08-02  user-growth              -  abcdefghijabcdefghijabcdefghijabcdef" >expect &&
	test_cmp expect actual
'

test_expect_success SCRIPT 'wide characters, combining marks and long units still fit 80 columns' '
	impactlog add user-growth "$(printf "漢字%.0s" $(seq 40))" --date 2025-08-03 >/dev/null &&
	impactlog add user-growth "$(printf "e\xcc\x81%.0s" $(seq 70))" --date 2025-08-03 >/dev/null &&
	impactlog add user-growth "$(printf "😀%.0s" $(seq 50))" --date 2025-08-03 >/dev/null &&
	impactlog add enabled-scale "Long unit" --value 999999 --date 2025-08-03 \
		--unit "requests per second across all regions" >/dev/null &&
	list_on_terminal 80 &&
	test "$(widest tty.out)" -le 80 &&
	grep -q "漢字…$" tty.out &&
	grep -q "…  Long unit$" tty.out &&
	impactlog list >out &&
	grep -q " 1M requests per second across all regions  Long unit$" out
'

test_expect_success SCRIPT 'large ids still fit 80 columns' '
	sqlite3 "$IMPACTLOG_DB" "INSERT INTO achievement (id, date, tag, title, value, unit)
		VALUES (123456789, ${SQ}2025-09-01${SQ}, ${SQ}enabled-scale${SQ}, ${SQ}$(printf "x%.0s" $(seq 100))${SQ}, 1e18, ${SQ}requests${SQ})" &&
	list_on_terminal 80 &&
	test "$(widest tty.out)" -le 80 &&
	grep -q "^#123456789  2025-09-01  enabled-scale " tty.out
'

test_expect_success 'cleanup the layout rows' '
	sqlite3 "$IMPACTLOG_DB" "DELETE FROM achievement WHERE id > 5" &&
	test "$(ids | wc -l)" = 5
'

test_expect_success 'newest first, ties broken by the newer id' '
	printf "%s\n" 4 3 2 1 5 >expect &&
	ids >actual &&
	test_cmp expect actual
'

test_expect_success '--tag' '
	printf "%s\n" 2 5 >expect &&
	ids --tag enabled-scale >actual &&
	test_cmp expect actual &&
	echo 1 >expect &&
	ids --tag prevented-loss >actual &&
	test_cmp expect actual
'

test_expect_success '--cycle: years, halves and quarters' '
	printf "%s\n" 4 3 2 1 >expect &&
	ids --cycle 2025 >actual &&
	test_cmp expect actual &&
	printf "%s\n" 2 1 >expect &&
	ids --cycle 2025-H1 >actual &&
	test_cmp expect actual &&
	ids --cycle 2025-h1 >actual &&
	test_cmp expect actual &&
	printf "%s\n" 4 3 >expect &&
	ids --cycle 2025-H2 >actual &&
	test_cmp expect actual &&
	echo 2 >expect &&
	ids --cycle 2025-Q2 >actual &&
	test_cmp expect actual &&
	echo 5 >expect &&
	ids --cycle 2024-Q4 >actual &&
	test_cmp expect actual
'

test_expect_success '--since and --until are inclusive' '
	printf "%s\n" 4 3 2 >expect &&
	ids --since 2025-04-02 >actual &&
	test_cmp expect actual &&
	printf "%s\n" 1 5 >expect &&
	ids --until 2025-01-20 >actual &&
	test_cmp expect actual &&
	echo 2 >expect &&
	ids --since 2025-04-02 --until 2025-04-02 >actual &&
	test_cmp expect actual &&
	printf "%s\n" 2 1 >expect &&
	ids --cycle 2025 --until 2025-06-30 >actual &&
	test_cmp expect actual
'

test_expect_success '--org matches a whole org name, in any case' '
	echo 1 >expect &&
	ids --org "ads platform" >actual &&
	test_cmp expect actual &&
	ids --org Ads >actual &&
	test_must_be_empty actual
'

test_expect_success '--project' '
	printf "%s\n" 3 1 >expect &&
	ids --project Atlas >actual &&
	test_cmp expect actual &&
	ids --project atlas >actual &&
	test_cmp expect actual
'

test_expect_success '--search looks through title, note, project, orgs, evidence and witnesses' '
	for pair in sharded:2 lock:1 hermes:2 growth:3 "ads platform":1 go/pm-17:1 quarterly:5 \
		staff:3 "sre lead":1 SCHEMA:1; do
		echo "${pair##*:}" >expect &&
		ids --search "${pair%:*}" >actual &&
		test_cmp expect actual || { echo "search ${pair%:*}"; exit 1; }
	done
'

test_expect_success '--search needs every word, in any field' '
	echo 1 >expect &&
	ids --search "schema payments" >actual &&
	test_cmp expect actual &&
	ids --search "schema growth" >actual &&
	test_must_be_empty actual
'

test_expect_success '--search ignores accents and takes its text literally' '
	impactlog add user-growth "Résumé café" --date 2025-02-01 >/dev/null &&
	echo 6 >expect &&
	ids --search resume >actual &&
	test_cmp expect actual &&
	for text in "\"unbalanced" "a OR b" "NOT" "NEAR(x" "*" "title:x" "-x" "^x" "(" "x AND"; do
		ids --search "$text" >actual || { echo "search $text failed"; exit 1; }
	done
'

test_expect_success '--search follows edits of every searched field' '
	impactlog edit 6 --org Mobile --evidence go/launch --witness "Release Captain" \
		--project Orbit --note "shipped on time" --title "Onboarding revamp" >/dev/null &&
	for word in mobile launch captain orbit shipped revamp; do
		echo 6 >expect &&
		ids --search $word >actual &&
		test_cmp expect actual || exit 1
	done &&
	impactlog edit 6 --org Web --evidence "" --witness "" --project "" --note "" >/dev/null &&
	for word in mobile launch captain orbit shipped; do
		ids --search $word >actual &&
		test_must_be_empty actual || { echo "still found $word"; exit 1; }
	done &&
	echo 6 >expect &&
	ids --search web >actual &&
	test_cmp expect actual
'

test_expect_success 'filters combine' '
	echo 3 >expect &&
	ids --tag user-growth --project Atlas --cycle 2025-H2 --org growth --search onboarding >actual &&
	test_cmp expect actual
'

test_expect_success '--deleted lists the trash instead' '
	impactlog rm 2 >/dev/null &&
	echo 2 >expect &&
	ids --deleted >actual &&
	test_cmp expect actual &&
	ids --deleted --tag user-growth >actual &&
	test_must_be_empty actual &&
	ids >actual &&
	! grep -qx 2 actual &&
	impactlog restore 2 >/dev/null
'

test_expect_success 'csv: the export columns, CRLF, quoting, newest first' '
	impactlog add user-growth "Said \"yes\", then shipped" --date 2020-01-01 \
		--note "$(printf "line one\nline two")" --org "A;B" --org C >/dev/null &&
	impactlog list --format csv --until 2020-12-31 >actual &&
	uid=$(sqlite3 "$IMPACTLOG_DB" "SELECT uid FROM achievement WHERE id = 7") &&
	printf "%s\r\n" "uid,date,tag,title,value,unit,baseline,share,team_size,likelihood,lead_days,confidence,project,orgs,evidence,witnesses,note" \
		>expect &&
	printf "%s\n" "$uid,2020-01-01,user-growth,\"Said \"\"yes\"\", then shipped\",,users,,100,1,,,estimated,,A\\;B;C,,,\"line one" >>expect &&
	printf "line two\"\r\n" >>expect &&
	test_cmp expect actual &&
	impactlog list --format csv --tag enabled-scale >out &&
	sed -n 2p out | cut -d, -f2,3,4 >actual &&
	echo "2025-04-02,enabled-scale,Sharded the queue" >expect &&
	test_cmp expect actual
'

test_expect_success 'json: an array of objects keyed by id and the csv columns' '
	impactlog list --format json >out.json &&
	/usr/bin/python3 - out.json <<-\EOF
	import json, sys
	rows = json.load(open(sys.argv[1]))
	keys = ["id", "uid", "date", "tag", "title", "value", "unit", "baseline", "share",
	        "team_size", "likelihood", "lead_days", "confidence", "project", "orgs",
	        "evidence", "witnesses", "note"]
	assert [r["id"] for r in rows] == [4, 3, 2, 6, 1, 5, 7], [r["id"] for r in rows]
	for r in rows:
	    assert sorted(r) == sorted(keys), sorted(r)
	    for k in ("orgs", "evidence", "witnesses"):
	        assert isinstance(r[k], list), (k, r[k])
	first = next(r for r in rows if r["id"] == 1)
	assert first == {
	    "id": 1, "uid": first["uid"], "date": "2025-01-20", "tag": "prevented-loss",
	    "title": "Caught a bad schema migration", "value": 250000, "unit": "USD",
	    "baseline": None, "share": 40, "team_size": 1, "likelihood": 50, "lead_days": 6,
	    "confidence": "estimated", "project": "Atlas", "orgs": ["Payments", "Ads Platform"],
	    "evidence": ["go/pm-17"], "witnesses": ["Payments SRE Lead"],
	    "note": "Found the lock in review"}, first
	last = next(r for r in rows if r["id"] == 7)
	assert last["title"] == "Said \"yes\", then shipped", last
	assert last["note"] == "line one\nline two", last
	assert last["orgs"] == ["A;B", "C"], last
	assert last["value"] is None and last["lead_days"] is None, last
	EOF
'

test_expect_success 'formula-looking titles are listed verbatim' '
	impactlog add user-growth -- "=1+1" >/dev/null &&
	impactlog add user-growth -- "@SUM(A1)" >/dev/null &&
	impactlog list --format csv --search sum >out &&
	grep -q ",@SUM(A1)," out &&
	impactlog list >out &&
	grep -q "  =1+1$" out &&
	impactlog list --format json >out &&
	grep -q "\"title\":\"=1+1\"" out
'

test_expect_success 'list > /dev/full fails with one line' '
	for format in table csv json; do
		test_must_fail --exit=1 impactlog list --format $format >/dev/full 2>err &&
		echo "impactlog: write failure on standard output: No space left on device" >expect &&
		test_cmp expect err || exit 1
	done
'

test_expect_success 'a closed pipe is not an error worth a message' '
	for i in $(seq 3000); do
		echo "INSERT INTO achievement (date, tag, title) VALUES (${SQ}2019-01-01${SQ}, ${SQ}user-growth${SQ}, ${SQ}Bulk $i${SQ});"
	done | sqlite3 "$IMPACTLOG_DB" &&
	{ impactlog list 2>err; echo $? >status; } | head -n 1 >first &&
	test_must_be_empty err &&
	grep -q "^ID " first &&
	sqlite3 "$IMPACTLOG_DB" "DELETE FROM achievement WHERE date = ${SQ}2019-01-01${SQ}"
'

test_expect_success 'bad filter values are refused, naming the option' '
	test_refused 2 "--tag: ${SQ}frob${SQ} is not a tag (prevented-loss, enabled-scale or user-growth)" \
		impactlog list --tag frob &&
	test_refused 2 "--cycle: ${SQ}2026-H3${SQ} is not a cycle (2026, 2026-H1, 2026-H2 or 2026-Q1 to 2026-Q4)" \
		impactlog list --cycle 2026-H3 &&
	test_refused 2 "--since: ${SQ}2026-02-30${SQ} is not a real calendar day (YYYY-MM-DD)" \
		impactlog list --since 2026-02-30 &&
	test_refused 2 "--until: ${SQ}2025-02-29${SQ} is not a real calendar day (YYYY-MM-DD)" \
		impactlog list --until 2025-02-29 &&
	test_refused 2 "the period is empty: 2025-05-01 is after 2025-04-01" \
		impactlog list --since 2025-05-01 --until 2025-04-01 &&
	test_refused 2 "--format: ${SQ}xml${SQ} is not a format (table, csv or json)" \
		impactlog list --format xml &&
	test_refused 2 "--search: ${SQ}${SQ} must not be empty" impactlog list --search "" &&
	test_refused 2 "--search: not valid UTF-8" impactlog list --search "$(printf "\xff")" &&
	test_refused 2 "list: unexpected argument ${SQ}Atlas${SQ} (see ${SQ}impactlog help list${SQ})" \
		impactlog list Atlas &&
	test_refused 2 "list: unknown option ${SQ}--limit${SQ} (see ${SQ}impactlog help list${SQ})" \
		impactlog list --limit 3
'

test_expect_success 'a refused list on a missing database creates nothing' '
	test_refused 2 "--tag: ${SQ}frob${SQ} is not a tag (prevented-loss, enabled-scale or user-growth)" \
		impactlog --db "$TRASH/absent/x.db" list --tag frob &&
	! test -e "$TRASH/absent"
'

test_done
