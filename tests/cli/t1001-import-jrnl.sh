#!/usr/bin/env bash
# import --from jrnl: jrnl's --export json read field by field through list
# --format json (tags with '@', a starred entry, a uuid or none), re-imports,
# and every refused export with its exact message.

. "$(dirname "$0")/../lib.sh"

fields () {
	impactlog list --format json >list.json &&
	/usr/bin/python3 -c 'import json, sys
rows = sorted(json.load(open("list.json", encoding="utf-8")), key=lambda a: a["id"])
for a in rows:
    note = (a["note"] or "").replace("\n", "\\n")
    print("|".join(str(a[k] if a[k] is not None else "") for k in ("uid", "date", "tag", "title", "project")) + "|" + note)
'
}

# export ENTRY...: a jrnl export of the given entries, each merged over a
# complete one.
export_of () {
	/usr/bin/python3 -c 'import json, sys
base = {"title": "T", "body": "", "date": "2026-01-02", "time": "09:00",
        "tags": ["@user-growth"], "starred": False}
out = []
for i, arg in enumerate(sys.argv[1:]):
    e = dict(base, title="T%d" % (i + 1))
    for k, v in json.loads(arg).items():
        if v == "<missing>":
            del e[k]
        else:
            e[k] = v
    out.append(e)
print(json.dumps({"tags": {}, "entries": out}, ensure_ascii=False))' "$@"
}

refused () {
	test_refused 1 "$1: $2" impactlog import --from jrnl "$1"
}

test_expect_success 'setup' '
	cp "$TEST_DATA"/jrnl-*.json "$TEST_DATA"/bragfile-all.json .
'

test_expect_success 'an entry tagged only @work needs --tag; nothing is created' '
	refused jrnl-all.json "entry 2: key ${SQ}tags${SQ}: no tag names one of impactlog${SQ}s (prevented-loss, enabled-scale or user-growth, with or without ${SQ}@${SQ}); add one to the entry, or give --tag" &&
	test ! -e "$IMPACTLOG_DB"
'

test_expect_success 'every key is mapped: @tags, the star, the uuid, body as the note' '
	impactlog import --from jrnl --tag user-growth jrnl-all.json >out &&
	echo "imported 3 achievements (0 already present)" >expect &&
	test_cmp expect out &&
	fields >actual &&
	cat >expect <<-\EOF &&
	jrnl-7de12adb80e5a6b09f5f73ef9f1b4539|2026-01-20|prevented-loss|Flagged the vendor API deprecation six weeks early.||Wrote the migration plan with the integrations team.\n\nTags: @work\nStarred in jrnl.
	jrnl-6e7e444701c5e93eee35428736011a7a|2026-02-14|user-growth|Grew the newsletter signups||Tags: @work
	jrnl-5f0c7c2e-6a1b-4c5e-9b44-1f2a3b4c5d6e|2026-03-02|user-growth|Kör på svenska: ökade registreringar ✨||Line one\nLine two
	EOF
	test_cmp expect actual
'

test_expect_success 're-importing adds nothing; an entry edited in jrnl keeps its uid' '
	db_snapshot before &&
	impactlog import --from jrnl --tag user-growth jrnl-all.json >out &&
	echo "imported 0 achievements (3 already present)" >expect &&
	test_cmp expect out &&
	db_snapshot after &&
	test_cmp before after &&
	sed "s/Wrote the migration plan/Wrote the plan/" jrnl-all.json >edited.json &&
	impactlog import --from jrnl --tag user-growth edited.json >out &&
	test_cmp expect out
'

test_expect_success 'a dry run, and standard input' '
	export_of "{\"title\": \"Fresh\"}" >fresh.json &&
	impactlog import --dry-run --from jrnl - <fresh.json >out &&
	echo "would import 1 achievement (0 already present)" >expect &&
	test_cmp expect out &&
	impactlog list --search Fresh --format csv >found &&
	test "$(wc -l <found)" -eq 1
'

test_expect_success 'the wrong tool, the wrong shape' '
	refused bragfile-all.json "jrnl${SQ}s export (jrnl --export json) is a JSON object with an ${SQ}entries${SQ} array, not an array (for bragfile${SQ}s export, use --from bragfile)" &&
	echo "{}" >object.json &&
	refused object.json "no key ${SQ}entries${SQ}: jrnl${SQ}s export (jrnl --export json) is a JSON object with an ${SQ}entries${SQ} array" &&
	echo "{\"entries\": {}}" >entries-object.json &&
	refused entries-object.json "key ${SQ}entries${SQ}: must be an array, not an object" &&
	echo "{\"entries\": [\"x\"]}" >entries-string.json &&
	refused entries-string.json "entry 1: must be an object of jrnl${SQ}s keys, not a string" &&
	printf "not json\n" >text.json &&
	refused text.json "not valid JSON; jrnl${SQ}s export (jrnl --export json) is a JSON object with an ${SQ}entries${SQ} array" &&
	printf "{\"entries\": [{\"title\": \"\377\"}]}" >bad-utf8.json &&
	refused bad-utf8.json "not valid UTF-8; jrnl${SQ}s export (jrnl --export json) is a JSON object with an ${SQ}entries${SQ} array"
'

test_expect_success 'missing keys, wrong types' '
	export_of "{}" "{\"date\": \"<missing>\"}" >no-date.json &&
	refused no-date.json "entry 2: key ${SQ}date${SQ} is missing (jrnl${SQ}s export has it)" &&
	export_of "{\"time\": \"<missing>\"}" >no-time.json &&
	refused no-time.json "entry 1: key ${SQ}time${SQ} is missing (jrnl${SQ}s export has it)" &&
	export_of "{\"tags\": \"@user-growth\"}" >string-tags.json &&
	refused string-tags.json "entry 1: key ${SQ}tags${SQ}: must be an array of strings, not a string" &&
	export_of "{\"tags\": [\"@user-growth\", 7]}" >number-tag.json &&
	refused number-tag.json "entry 1: key ${SQ}tags${SQ}: item 2 is a number" &&
	export_of "{\"starred\": \"yes\"}" >starred.json &&
	refused starred.json "entry 1: key ${SQ}starred${SQ}: must be true or false, not a string" &&
	export_of "{\"body\": [1]}" >body.json &&
	refused body.json "entry 1: key ${SQ}body${SQ}: must be a string, not an array" &&
	export_of "{\"uuid\": 12}" >uuid.json &&
	refused uuid.json "entry 1: key ${SQ}uuid${SQ}: must be a string, not a number"
'

test_expect_success 'dates, times, titles' '
	export_of "{\"date\": \"2026-02-30\"}" >feb30.json &&
	refused feb30.json "entry 1: key ${SQ}date${SQ}: ${SQ}2026-02-30${SQ} is not a real calendar day (YYYY-MM-DD)" &&
	export_of "{\"date\": \"02/01/2026\"}" >us-date.json &&
	refused us-date.json "entry 1: key ${SQ}date${SQ}: ${SQ}02/01/2026${SQ} is not a real calendar day (YYYY-MM-DD)" &&
	export_of "{\"date\": \"today\"}" >today.json &&
	refused today.json "entry 1: key ${SQ}date${SQ}: ${SQ}today${SQ} is not a real calendar day (YYYY-MM-DD)" &&
	export_of "{\"time\": \"9:00\"}" >time.json &&
	refused time.json "entry 1: key ${SQ}time${SQ}: ${SQ}9:00${SQ} is not a time of day (HH:MM)" &&
	export_of "{}" "{}" "{\"title\": \"$(printf "%0201d" 0)\"}" >long.json &&
	refused long.json "entry 3: key ${SQ}title${SQ}: 201 characters; at most 200 are accepted"
'

test_expect_success 'two of ours are ambiguous without --tag' '
	export_of "{\"tags\": [\"@user-growth\", \"@Prevented-Loss\"]}" >two.json &&
	refused two.json "entry 1: key ${SQ}tags${SQ}: names two of impactlog${SQ}s tags, ${SQ}user-growth${SQ} and ${SQ}prevented-loss${SQ} (keep one, or choose with --tag)" &&
	impactlog import --dry-run --from jrnl --tag prevented-loss two.json
'

test_expect_success 'duplicates within one file: the same uuid, or the same date, time and title' '
	export_of "{\"uuid\": \"u-1\"}" "{\"uuid\": \"u-2\"}" "{\"uuid\": \"u-1\"}" >dup-uuid.json &&
	refused dup-uuid.json "entry 3: key ${SQ}uuid${SQ}: the same uuid as entry 1" &&
	export_of "{\"title\": \"Same\"}" "{\"title\": \"Same\", \"body\": \"other\"}" >dup-cells.json &&
	refused dup-cells.json "entry 2: the same date, time and title as entry 1 (entries without a uuid are told apart by these)" &&
	export_of "{\"title\": \"Same\"}" "{\"title\": \"Same\", \"time\": \"09:01\"}" >two-times.json &&
	impactlog import --dry-run --from jrnl two-times.json >out &&
	echo "would import 2 achievements (0 already present)" >expect &&
	test_cmp expect out
'

test_expect_success 'a huge file, a folder, no file: one line each, no database' '
	rm -f "$IMPACTLOG_DB" &&
	truncate -s 300M huge.json &&
	refused huge.json "more than 256 MiB: larger than any export impactlog reads" &&
	mkdir dir.json &&
	test_refused 1 "cannot read ${SQ}dir.json${SQ}: Is a directory" impactlog import --from jrnl dir.json &&
	test ! -e "$IMPACTLOG_DB"
'

test_done
