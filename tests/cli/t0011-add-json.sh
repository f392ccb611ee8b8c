#!/usr/bin/env bash
# add --json: one achievement as a JSON object on standard input.

. "$(dirname "$0")/../lib.sh"

# row ID COLUMNS: the stored columns of one achievement, '|'-separated.
row () {
	sqlite3 "$IMPACTLOG_DB" "SELECT $2 FROM achievement WHERE id = $1"
}

# list_of TABLE ID: one list field of an achievement, in order.
list_of () {
	sqlite3 "$IMPACTLOG_DB" "SELECT name FROM $1 WHERE achievement_id = $2 ORDER BY position"
}

# added: the id in "added #N" on stdout (file out).
added () {
	sed -n "s/^added #//p" out
}

# refuse_each FILE: FILE holds pairs of lines, a JSON text and the message
# it is refused with after "impactlog: --json: "; each must be refused with
# exit 1 and the database left as it was.  The *.cases files are written
# outside the test bodies, whose single quotes would end at every message.
refuse_each () {
	local json message

	while IFS= read -r json <&4 && IFS= read -r message <&4; do
		printf "%s" "$json" >in.json &&
		test_refused 1 "--json: $message" impactlog add --json <in.json ||
		{ echo "not refused as expected: $json" >&3; return 1; }
	done 4<"$1"
}

test_expect_success 'a minimal object: tag and title, the rest defaults' '
	echo "{\"tag\": \"user-growth\", \"title\": \"Launched onboarding\"}" |
		impactlog add --json >out &&
	echo "added #1" >expect &&
	test_cmp expect out &&
	echo "$TODAY|user-growth|Launched onboarding||users||100.0|1|||estimated||" >expect &&
	row 1 "date, tag, title, value, unit, baseline, share, team_size, likelihood, lead_days, confidence, project, note" >actual &&
	test_cmp expect actual
'

test_expect_success 'every field is stored as given' '
	cat >in.json <<-\EOF &&
	{
	  "uid": "migration-2026-02",
	  "date": "2026-02-10",
	  "tag": "prevented-loss",
	  "title": "Caught a bad migration",
	  "value": "250k",
	  "unit": "USD",
	  "baseline": 1500000,
	  "share": "40%",
	  "team_size": 3,
	  "likelihood": 60,
	  "lead_days": "5",
	  "confidence": "measured",
	  "project": "Atlas",
	  "orgs": ["Payments", "Ads; Growth"],
	  "evidence": ["go/pm-1", "doc: risk review"],
	  "witnesses": ["Payments SRE Lead"],
	  "note": "Situation.\nAction.\tResult \u00e9 \"quoted\"."
	}
	EOF
	impactlog add --json <in.json >out &&
	id=$(added) &&
	echo "migration-2026-02|2026-02-10|prevented-loss|Caught a bad migration|250000.0|USD|1500000.0|40.0|3|60.0|5|measured|Atlas" >expect &&
	row $id "uid, date, tag, title, value, unit, baseline, share, team_size, likelihood, lead_days, confidence, project" >actual &&
	test_cmp expect actual &&
	printf "Situation.\nAction.\tResult é \"quoted\".\n" >expect &&
	row $id note >actual &&
	test_cmp expect actual &&
	printf "Payments\nAds; Growth\n" >expect &&
	list_of achievement_org $id >actual &&
	test_cmp expect actual &&
	printf "go/pm-1\ndoc: risk review\n" >expect &&
	list_of achievement_evidence $id >actual &&
	test_cmp expect actual &&
	echo "Payments SRE Lead" >expect &&
	list_of achievement_witness $id >actual &&
	test_cmp expect actual
'

test_expect_success 'null and [] are values not given' '
	cat >in.json <<-\EOF &&
	{"tag": "user-growth", "title": "Nulls", "value": null, "unit": null,
	 "share": null, "team_size": null, "confidence": null, "date": null,
	 "orgs": [], "evidence": null, "note": null, "uid": null}
	EOF
	impactlog add --json <in.json >out &&
	id=$(added) &&
	echo "$TODAY||users|100.0|1|estimated||0" >expect &&
	row $id "date, value, unit, share, team_size, confidence, note, (SELECT count(*) FROM achievement_org WHERE achievement_id = $id)" >actual &&
	test_cmp expect actual &&
	test "$(row $id "length(uid)")" = 32
'

test_expect_success 'numbers as JSON numbers or as typed text' '
	cat >in.json <<-\EOF &&
	{"tag": "prevented-loss", "title": "Numbers", "value": 2.5e6, "baseline": "1.2M",
	 "share": 1e2, "team_size": 4.0, "likelihood": 12.5, "lead_days": 7}
	EOF
	impactlog add --json <in.json >out &&
	echo "2500000.0|1200000.0|100.0|4|12.5|7" >expect &&
	row "$(added)" "value, baseline, share, team_size, likelihood, lead_days" >actual &&
	test_cmp expect actual
'

test_expect_success 'today and yesterday, a byte order mark and CRLF' '
	printf "\357\273\277{\"tag\": \"user-growth\",\r\n \"title\": \"Bom\", \"date\": \"yesterday\"}\r\n" |
		impactlog add --json >out &&
	test "$(row "$(added)" date)" = 2026-03-14
'

test_expect_success 'id is ignored: a new one is assigned' '
	echo "{\"id\": 99, \"tag\": \"user-growth\", \"title\": \"Has an id\"}" |
		impactlog add --json >out &&
	id=$(added) &&
	test "$id" != 99 &&
	test "$(row $id title)" = "Has an id"
'

test_expect_success 'list --format json of one achievement reads back unchanged' '
	impactlog add enabled-scale "Sharded the queue" --date 2026-01-05 --value 1.2M \
		--unit rps --baseline 300k --share 25 --team-size 6 --confidence projected \
		--project "Queue v2" --org Infra --org "Ads; Growth" --evidence "go/q2" \
		--witness "Infra Director" --note "$(printf "Two\nlines")" >out &&
	impactlog list --format json --project "Queue v2" >one.json &&
	test "$(grep -c "\"id\"" one.json)" = 1 &&
	IMPACTLOG_DB=$TRASH/copy.db impactlog add --json <one.json >out &&
	echo "added #1" >expect &&
	test_cmp expect out &&
	sed "s/\"id\":[0-9]*/\"id\":1/" one.json >expect &&
	IMPACTLOG_DB=$TRASH/copy.db impactlog list --format json >actual &&
	test_cmp expect actual
'

test_expect_success 'a uid already stored is refused' '
	uid=$(row 1 uid) &&
	echo "{\"uid\": \"$uid\", \"tag\": \"user-growth\", \"title\": \"Again\"}" >in.json &&
	test_refused 1 "--json: ${SQ}uid${SQ}: ${SQ}$uid${SQ} is already stored (leave out uid to add a copy)" \
		impactlog add --json <in.json &&
	impactlog list --format json --project "Queue v2" >one.json &&
	test_refused 1 "--json: ${SQ}uid${SQ}: ${SQ}$(row 7 uid)${SQ} is already stored (leave out uid to add a copy)" \
		impactlog add --json <one.json
'

cat >unknown-keys.cases <<\EOF
{"tag": "user-growth", "title": "T", "impact": 5}
unknown key 'impact' (keys: uid, date, tag, title, value, unit, baseline, share, team_size, likelihood, lead_days, confidence, project, orgs, evidence, witnesses, note)
{"Title": "T"}
unknown key 'Title' (keys: uid, date, tag, title, value, unit, baseline, share, team_size, likelihood, lead_days, confidence, project, orgs, evidence, witnesses, note)
{"team-size": 3}
unknown key 'team-size' (keys: uid, date, tag, title, value, unit, baseline, share, team_size, likelihood, lead_days, confidence, project, orgs, evidence, witnesses, note)
{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": 1}
unknown key 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (keys: uid, date, tag, title, value, unit, baseline, share, team_size, likelihood, lead_days, confidence, project, orgs, evidence, witnesses, note)
{"\u001b[31m": 1}
unknown key with control characters or invalid UTF-8 (keys: uid, date, tag, title, value, unit, baseline, share, team_size, likelihood, lead_days, confidence, project, orgs, evidence, witnesses, note)
EOF
test_expect_success 'unknown keys are named, with the keys accepted' '
	refuse_each unknown-keys.cases
'

cat >not-one-object.cases <<\EOF
{"tag": "user-growth", "title": "T",
not valid JSON
{"tag" "user-growth"}
not valid JSON
{"tag": "user-growth"} {"title": "T"}
not valid JSON
{"tag": "user-growth", "title": "T", ["x"]: 2}
not valid JSON
{{"title": "T"}: "x"}
not valid JSON
nope
not valid JSON
"a string"
expected one JSON object, not a string
42
expected one JSON object, not a number
null
expected one JSON object, not null
[{"tag": "user-growth", "title": "A"}, {"tag": "user-growth", "title": "B"}]
2 items in the array; add --json takes one object (use 'impactlog import' for several)
[]
an empty array; give one achievement as a JSON object
["user-growth"]
expected one JSON object, not an array holding a string
[[{"tag": "user-growth", "title": "T"}]]
expected one JSON object, not an array holding an array
EOF
test_expect_success 'not JSON, not one object' '
	refuse_each not-one-object.cases
'

cat >lists.cases <<\EOF
{"tag": "user-growth", "title": "T", "orgs": "Payments"}
'orgs': must be an array of strings, not a string
{"tag": "user-growth", "title": "T", "orgs": ["Payments", 3]}
'orgs': must be an array of strings; item 2 is a number
{"tag": "user-growth", "title": "T", "witnesses": [null]}
'witnesses': must be an array of strings; item 1 is null
{"tag": "user-growth", "title": "T", "evidence": [["go/x"]]}
'evidence': must be an array of strings; item 1 is an array
{"tag": "user-growth", "title": "T", "orgs": [{"name": "Payments"}]}
'orgs': must be an array of strings; item 1 is an object
{"tag": "user-growth", "title": "T", "orgs": {"name": "Payments"}}
'orgs': must be an array of strings, not an object
{"tag": "user-growth", "title": "T", "note": {"situation": "S"}}
'note': must be a string, not an object
{"tag": "user-growth", "title": {"text": "T"}}
'title': must be a string, not an object
{"tag": "user-growth", "title": "T", "id": {"n": 1}}
'id': must be a number, not an object
EOF
test_expect_success 'lists must be arrays of strings; no nested objects' '
	refuse_each lists.cases
'

cat >types.cases <<\EOF
{"tag": "user-growth", "title": 42}
'title': must be a string, not a number
{"tag": "user-growth", "title": "T", "share": true}
'share': must be a number or a string, not true
{"tag": "user-growth", "title": "T", "value": [5]}
'value': must be a number or a string, not an array
{"tag": "user-growth", "title": "T", "date": 20260210}
'date': must be a string, not a number
{"tag": "user-growth", "title": "T", "confidence": false}
'confidence': must be a string, not false
EOF
test_expect_success 'values of the wrong JSON type' '
	refuse_each types.cases
'

cat >fields.cases <<\EOF
{"tag": "user-growth", "title": "T", "share": 140}
'share': '140' is not a percentage from 0 to 100
{"tag": "user-growth", "title": "T", "share": "140"}
'share': '140' is not a percentage from 0 to 100
{"tag": "user-growth", "title": "T", "share": 1.4e2}
'share': '1.4e2' is not a percentage from 0 to 100
{"tag": "frob", "title": "T"}
'tag': 'frob' is not a tag (prevented-loss, enabled-scale or user-growth)
{"tag": "user-growth", "title": "T", "date": "2026-02-30"}
'date': '2026-02-30' is not a real calendar day (YYYY-MM-DD)
{"tag": "user-growth", "title": "T", "date": "tomorrow"}
'date': 'tomorrow' is not a date (YYYY-MM-DD, today or yesterday)
{"tag": "user-growth", "title": "T", "value": -5}
'value': '-5' is not an amount of 0 or more (e.g. 250000, 250k, 1.2M, 3B)
{"tag": "user-growth", "title": "T", "value": 1e400}
'value': '1e400' is too large (at most 1e18)
{"tag": "user-growth", "title": "T", "team_size": 0}
'team_size': '0' is not a whole number from 1 to 1000000
{"tag": "user-growth", "title": "T", "team_size": 2.5}
'team_size': '2.5' is not a whole number from 1 to 1000000
{"tag": "prevented-loss", "title": "T", "lead_days": -1}
'lead_days': '-1' is not a whole number from 0 to 36500
{"tag": "prevented-loss", "title": "T", "confidence": "sure"}
'confidence': 'sure' is not a confidence (measured, estimated or projected)
{"tag": "user-growth", "title": ""}
'title': must not be empty
{"tag": "user-growth", "title": "T", "share": ""}
'share': must not be empty
{"tag": "user-growth", "title": "Line\nbreak"}
'title': must be one line without control characters
{"tag": "user-growth", "title": "T", "note": "bell\u0007"}
'note': must not contain control characters
{"tag": "user-growth", "title": "T", "date": "2026-01-01\tx"}
'date': must be one line without control characters
{"tag": "user-growth", "title": "T", "uid": "has space"}
'uid': 'has space' is not a uid (no spaces)
EOF
test_expect_success 'field errors read as on the command line, naming the key' '
	refuse_each fields.cases
'

cat >checks.cases <<\EOF
{"title": "T"}
'tag': required (prevented-loss, enabled-scale or user-growth)
{"tag": "user-growth"}
'title': required (what you did, one line of at most 200 characters)
{"tag": "user-growth", "title": "T", "likelihood": 50}
'likelihood': only applies to prevented-loss achievements, not user-growth
{"tag": "enabled-scale", "title": "T", "lead_days": 3}
'lead_days': only applies to prevented-loss achievements, not enabled-scale
{"tag": "enabled-scale", "title": "T", "value": 5000}
'unit': required with a value for enabled-scale (what the value counts: rps, TB, teams, ...)
{"tag": "user-growth", "title": "T", "title": "U"}
'title' appears twice
{"id": 1, "id": 2, "tag": "user-growth", "title": "T"}
'id' appears twice
EOF
test_expect_success 'the checks across fields' '
	refuse_each checks.cases
'

test_expect_success 'long text is counted in characters' '
	title=$(printf "%201s" "" | tr " " x) &&
	echo "{\"tag\": \"user-growth\", \"title\": \"$title\"}" >in.json &&
	test_refused 1 "--json: ${SQ}title${SQ}: 201 characters; at most 200 are accepted" \
		impactlog add --json <in.json &&
	orgs=$(seq 101 | sed "s/.*/\"Org &\"/" | paste -sd, -) &&
	echo "{\"tag\": \"user-growth\", \"title\": \"T\", \"orgs\": [$orgs]}" >in.json &&
	test_refused 1 "--json: ${SQ}orgs${SQ}: too many items; at most 100 are accepted" \
		impactlog add --json <in.json
'

test_expect_success 'bytes that are not JSON text' '
	printf "{\"tag\": \"user-growth\", \"title\": \"caf\377\"}" >in.json &&
	test_refused 1 "--json: not valid UTF-8" impactlog add --json <in.json &&
	printf "{\"tag\": \"user-growth\", \"title\": \"a\000b\"}" >in.json &&
	test_refused 1 "--json: NUL byte: binary data, not JSON text" impactlog add --json <in.json &&
	echo "{\"tag\": \"user-growth\", \"title\": \"a\\u0000b\"}" >in.json &&
	test_refused 1 "--json: \\u0000 in a string: NUL characters are not accepted" \
		impactlog add --json <in.json &&
	echo "{\"tag\": \"user-growth\", \"title\": \"a\\ud800b\"}" >in.json &&
	test_refused 1 "--json: ${SQ}title${SQ}: not valid UTF-8" impactlog add --json <in.json &&
	echo "{\"tag\": \"user-growth\", \"title\": \"T\", \"share\": \"4\\ud800\"}" >in.json &&
	test_refused 1 "--json: ${SQ}share${SQ}: not valid UTF-8" impactlog add --json <in.json
'

test_expect_success 'a backslash before u0000 is no NUL' '
	printf "%s\n" "{\"tag\": \"user-growth\", \"title\": \"C:\\\\u0000\"}" >in.json &&
	impactlog add --json <in.json >out &&
	test "$(row "$(added)" title)" = "C:\\u0000"
'

test_expect_success 'empty input and more than 4 MiB' '
	test_refused 1 "--json: no input: give one achievement as a JSON object on standard input" \
		impactlog add --json </dev/null &&
	printf " \n\t\r\n" >in.json &&
	test_refused 1 "--json: no input: give one achievement as a JSON object on standard input" \
		impactlog add --json <in.json &&
	/usr/bin/python3 -c "import json, sys
sys.stdout.write(json.dumps({\"tag\": \"user-growth\", \"title\": \"T\", \"note\": \"n\" * (4 * 1024 * 1024)}))" >in.json &&
	test_refused 1 "--json: more than 4 MiB of input (one achievement is far smaller)" \
		impactlog add --json <in.json
'

test_expect_success 'a wrong command line is a usage error' '
	echo "{\"tag\": \"user-growth\", \"title\": \"T\"}" >in.json &&
	test_refused 2 "add: --json takes no arguments: the achievement is read from standard input" \
		impactlog add --json user-growth "T" <in.json &&
	test_refused 2 "add: --share cannot be combined with --json: give ${SQ}share${SQ} in the JSON object" \
		impactlog add --json --share 40 <in.json &&
	test_refused 2 "add: --org cannot be combined with --json: give ${SQ}orgs${SQ} in the JSON object" \
		impactlog add --org Payments --json <in.json &&
	test_refused 2 "add: unknown option ${SQ}--jsn${SQ} (see ${SQ}impactlog help add${SQ})" \
		impactlog add --jsn <in.json
'

test_expect_success 'a refused object creates no database' '
	rm -f "$IMPACTLOG_DB" &&
	echo "{\"tag\": \"user-growth\", \"title\": \"T\", \"share\": 140}" >in.json &&
	test_refused 1 "--json: ${SQ}share${SQ}: ${SQ}140${SQ} is not a percentage from 0 to 100" \
		impactlog add --json <in.json &&
	echo "{\"tag\": \"user-growth\"" >in.json &&
	test_refused 1 "--json: not valid JSON" impactlog add --json <in.json &&
	! test -e "$IMPACTLOG_DB"
'

test_expect_success 'help add mentions --json and the editor' '
	impactlog help add >out &&
	grep -q "^  --json " out &&
	grep -q "EDITOR" out
'

test_done
