#!/usr/bin/env bash
# import --from bragfile: the mapping of every key, read back field by field
# through list --format json; re-imports, dry runs, standard input, and
# every refused export with its exact message, none of which may create a
# database or change one.

. "$(dirname "$0")/../lib.sh"

# fields: each achievement of list --format json, oldest first, one line of
# uid|date|tag|title|unit|project|note (the note's newlines as \n).
fields () {
	impactlog list --format json >list.json &&
	/usr/bin/python3 -c 'import json, sys
rows = sorted(json.load(open("list.json", encoding="utf-8")), key=lambda a: a["id"])
for a in rows:
    note = (a["note"] or "").replace("\n", "\\n")
    print("|".join(str(a[k] if a[k] is not None else "") for k in ("uid", "date", "tag", "title", "unit", "project")) + "|" + note)
'
}

# entries JSON...: a bragfile export of the given entries, each of which is
# merged over a complete one.
entries () {
	/usr/bin/python3 -c 'import json, sys
base = {"id": 1, "title": "T", "description": "", "tags": "user-growth", "project": "",
        "type": "", "impact": "", "created_at": "2026-01-02T03:04:05Z", "updated_at": "2026-01-02T03:04:05Z"}
out = []
for i, arg in enumerate(sys.argv[1:]):
    e = dict(base, id=i + 1)
    for k, v in json.loads(arg).items():
        if v == "<missing>":
            del e[k]
        else:
            e[k] = v
    out.append(e)
print(json.dumps(out, ensure_ascii=False))' "$@"
}

# refused FILE MESSAGE: importing FILE from bragfile fails with
# "impactlog: FILE: MESSAGE", exit 1, and changes nothing.
refused () {
	test_refused 1 "$1: $2" impactlog import --from bragfile "$1"
}

test_expect_success 'setup' '
	cp "$TEST_DATA"/bragfile-*.json .
'

test_expect_success 'an entry whose tags name none of ours needs --tag' '
	refused bragfile-all.json "entry 3: key ${SQ}tags${SQ}: no tag names one of impactlog${SQ}s (prevented-loss, enabled-scale or user-growth, with or without ${SQ}@${SQ}); add one to the entry, or give --tag" &&
	test ! -e "$IMPACTLOG_DB"
'

test_expect_success 'a dry run checks everything and creates nothing' '
	impactlog import --dry-run --from bragfile --tag user-growth bragfile-all.json >out &&
	echo "would import 4 achievements (0 already present)" >expect &&
	test_cmp expect out &&
	test ! -e "$IMPACTLOG_DB"
'

test_expect_success 'every key is mapped: title, note with impact, type and other tags, project, date' '
	impactlog import --from bragfile --tag user-growth bragfile-all.json >out &&
	echo "imported 4 achievements (0 already present)" >expect &&
	test_cmp expect out &&
	fields >actual &&
	cat >expect <<-\EOF &&
	bragfile-1|2026-01-12|prevented-loss|Caught the cert expiry before the holiday freeze|USD|Payments hardening|Noticed the payments cert expired on Dec 24.\nRotated it with the SRE team.\n\nImpact: Avoided a checkout outage over the holidays\n\nType: incident\nTags: security
	bragfile-2|2026-02-03|enabled-scale|Sharded the checkout queue|||
	bragfile-3|2026-03-01|user-growth|Lancé l’onboarding en libre-service 🚀|users|Onboarding|Équipe croissance, 東京\n\nType: launch
	bragfile-4|2025-12-31|user-growth|=1+1 is a formula-looking title|users|Mentoring|spaces around\n\nImpact: Two new leads\n\nTags: growth, mentoring
	EOF
	test_cmp expect actual &&
	impactlog check
'

test_expect_success 'importing the same export again adds nothing, with or without --tag' '
	db_snapshot before &&
	impactlog import --from bragfile --tag user-growth bragfile-all.json >out &&
	echo "imported 0 achievements (4 already present)" >expect &&
	test_cmp expect out &&
	impactlog import --from bragfile --tag prevented-loss - <bragfile-all.json >out &&
	test_cmp expect out &&
	db_snapshot after &&
	test_cmp before after
'

test_expect_success 'a newer export adds only its new entries' '
	entries "{\"id\": 1}" "{\"id\": 77, \"title\": \"New one\"}" >newer.json &&
	impactlog import --from bragfile newer.json >out &&
	echo "imported 1 achievement (1 already present)" >expect &&
	test_cmp expect out &&
	impactlog list --search "New one" --format csv | grep -q "^bragfile-77,"
'

test_expect_success 'tags match in any case, with or without @; two of ours need --tag' '
	entries "{\"id\": 5, \"tags\": \" @PREVENTED-LOSS , ops\"}" >case.json &&
	impactlog import --from bragfile --dry-run case.json &&
	entries "{\"id\": 50, \"tags\": \"user-growth,enabled-scale\"}" >two.json &&
	refused two.json "entry 1: key ${SQ}tags${SQ}: names two of impactlog${SQ}s tags, ${SQ}user-growth${SQ} and ${SQ}enabled-scale${SQ} (keep one, or choose with --tag)" &&
	impactlog import --from bragfile --tag enabled-scale --dry-run two.json >out &&
	echo "would import 1 achievement (0 already present)" >expect &&
	test_cmp expect out &&
	entries "{\"tags\": \"user-growth,User-Growth\"}" >same.json &&
	impactlog import --from bragfile --dry-run same.json
'

test_expect_success 'times: fractional seconds and offsets; the date as written' '
	entries "{\"created_at\": \"2026-01-05T23:30:00.5-08:00\", \"id\": \"abc-1\"}" \
		"{\"id\": 60, \"created_at\": \"2026-01-06t00:00:00z\"}" >times.json &&
	impactlog import --from bragfile times.json >out &&
	impactlog list --format csv --since 2026-01-05 --until 2026-01-06 | cut -d, -f1,2 >actual &&
	printf "uid,date\nbragfile-60,2026-01-06\nbragfile-abc-1,2026-01-05\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'not JSON, the wrong shape, the wrong tool' '
	printf "date,tag,title\n" >csv.json &&
	refused csv.json "not valid JSON; bragfile${SQ}s export (brag export --format json) is a JSON array of entries" &&
	: >empty.json &&
	refused empty.json "empty file: bragfile${SQ}s export (brag export --format json) is a JSON array of entries" &&
	echo "{}" >object.json &&
	refused object.json "bragfile${SQ}s export (brag export --format json) is a JSON array of entries, not an object" &&
	echo "\"bare\"" >string.json &&
	refused string.json "bragfile${SQ}s export (brag export --format json) is a JSON array of entries, not a string" &&
	cp "$TEST_DATA"/jrnl-all.json . &&
	refused jrnl-all.json "bragfile${SQ}s export (brag export --format json) is a JSON array of entries, not an object (for jrnl${SQ}s export, use --from jrnl)" &&
	echo "[1, 2]" >numbers.json &&
	refused numbers.json "entry 1: must be an object of bragfile${SQ}s keys, not a number" &&
	printf "[{\"id\": 1, \"title\": \"caf\351\"}]" >latin1.json &&
	refused latin1.json "not valid UTF-8; bragfile${SQ}s export (brag export --format json) is a JSON array of entries" &&
	printf "[{\"title\": \"a\\\\u0000b\"}]" >nul.json &&
	refused nul.json "\\u0000 in a string: NUL characters are not accepted; bragfile${SQ}s export (brag export --format json) is a JSON array of entries"
'

test_expect_success 'missing keys and wrong types name the entry and the key' '
	entries "{}" "{\"title\": \"<missing>\"}" >missing.json &&
	refused missing.json "entry 2: key ${SQ}title${SQ} is missing (bragfile${SQ}s export has it)" &&
	entries "{\"created_at\": \"<missing>\"}" >no-date.json &&
	refused no-date.json "entry 1: key ${SQ}created_at${SQ} is missing (bragfile${SQ}s export has it)" &&
	entries "{\"id\": \"<missing>\"}" >no-id.json &&
	refused no-id.json "entry 1: key ${SQ}id${SQ} is missing (bragfile${SQ}s export has it)" &&
	entries "{\"title\": 5}" >number-title.json &&
	refused number-title.json "entry 1: key ${SQ}title${SQ}: must be a string, not a number" &&
	entries "{\"tags\": [\"user-growth\"]}" >array-tags.json &&
	refused array-tags.json "entry 1: key ${SQ}tags${SQ}: must be a string, not an array" &&
	entries "{\"id\": 1.5}" >real-id.json &&
	refused real-id.json "entry 1: key ${SQ}id${SQ}: must be a whole number or a string, not a number" &&
	entries "{\"id\": \"\"}" >empty-id.json &&
	refused empty-id.json "entry 1: key ${SQ}id${SQ}: must not be empty" &&
	entries "{\"title\": \"\"}" >empty-title.json &&
	refused empty-title.json "entry 1: key ${SQ}title${SQ}: must not be empty"
'

test_expect_success 'values follow the rules of add: a long title, bidi text, a long note' '
	entries "{}" "{\"title\": \"$(printf "%0201d" 0)\"}" >long-title.json &&
	refused long-title.json "entry 2: key ${SQ}title${SQ}: 201 characters; at most 200 are accepted" &&
	entries "{\"title\": \"a\\u202eb\"}" >bidi.json &&
	refused bidi.json "entry 1: key ${SQ}title${SQ}: holds U+202E (a bidi override), which makes text read differently from what it is" &&
	entries "{\"description\": \"$(printf "%09990d" 0)\", \"impact\": \"twenty characters!!\"}" >long-note.json &&
	refused long-note.json "entry 1: key ${SQ}description${SQ}: 10019 characters; at most 10000 are accepted" &&
	entries "{\"id\": \"has space\"}" >space-id.json &&
	refused space-id.json "entry 1: key ${SQ}id${SQ}: ${SQ}bragfile-has space${SQ} is not a uid (no spaces)"
'

test_expect_success 'dates: RFC 3339 only, a real calendar day, not in the future' '
	entries "{\"created_at\": \"2024-03-01 09:30\"}" >space.json &&
	refused space.json "entry 1: key ${SQ}created_at${SQ}: ${SQ}2024-03-01 09:30${SQ} is not an RFC 3339 time (2024-03-01T09:30:00Z)" &&
	entries "{\"created_at\": \"2024-03-01\"}" >date-only.json &&
	refused date-only.json "entry 1: key ${SQ}created_at${SQ}: ${SQ}2024-03-01${SQ} is not an RFC 3339 time (2024-03-01T09:30:00Z)" &&
	entries "{\"created_at\": \"2024-03-01T25:00:00Z\"}" >hour.json &&
	refused hour.json "entry 1: key ${SQ}created_at${SQ}: ${SQ}2024-03-01T25:00:00Z${SQ} is not an RFC 3339 time (2024-03-01T09:30:00Z)" &&
	entries "{\"created_at\": \"2024-02-30T09:30:00Z\"}" >feb30.json &&
	refused feb30.json "entry 1: key ${SQ}created_at${SQ}: ${SQ}2024-02-30${SQ} is not a real calendar day (YYYY-MM-DD)" &&
	entries "{\"created_at\": \"2031-01-01T00:00:00Z\"}" >future.json &&
	refused future.json "entry 1: key ${SQ}created_at${SQ}: ${SQ}2031-01-01${SQ} is in the future"
'

test_expect_success 'the same id twice names both entries' '
	entries "{\"id\": 1}" "{\"id\": 2}" "{\"id\": 1, \"title\": \"other\"}" >dup.json &&
	sed -i "s/\"id\": 3/\"id\": 1/" dup.json &&
	refused dup.json "entry 3: key ${SQ}id${SQ}: the same id as entry 1"
'

test_expect_success 'a file over 256 MiB is refused before it is read; a folder, a missing file' '
	truncate -s 300M huge.json &&
	refused huge.json "more than 256 MiB: larger than any export impactlog reads" &&
	mkdir folder.json &&
	test_refused 1 "cannot read ${SQ}folder.json${SQ}: Is a directory" \
		impactlog import --from bragfile folder.json &&
	test_refused 1 "cannot open ${SQ}absent.json${SQ}: No such file or directory" \
		impactlog import --from bragfile absent.json
'

test_expect_success !ROOT 'an unreadable file (not as root, who reads anything)' '
	cp bragfile-all.json unreadable.json &&
	chmod 000 unreadable.json &&
	test_refused 1 "cannot open ${SQ}unreadable.json${SQ}: Permission denied" \
		impactlog import --from bragfile unreadable.json
'

test_expect_success 'a refused import into a missing database leaves nothing behind' '
	(
		export IMPACTLOG_DB="$TRASH/new/sub/impactlog.db" &&
		test_refused 1 "dup.json: entry 3: key ${SQ}id${SQ}: the same id as entry 1" \
			impactlog import --from bragfile dup.json &&
		test ! -e new
	)
'

test_expect_success 'standard input, named <stdin> in messages' '
	echo "{}" | test_refused 1 "<stdin>: bragfile${SQ}s export (brag export --format json) is a JSON array of entries, not an object" \
		impactlog import --from bragfile - &&
	echo "[]" | impactlog import --from bragfile - >out &&
	echo "imported 0 achievements (0 already present)" >expect &&
	test_cmp expect out
'

test_expect_success 'a wrong command line exits 2' '
	test_refused 2 "--from: ${SQ}brag${SQ} is not a tool import reads (impactlog, bragfile or jrnl)" \
		impactlog import --from brag bragfile-all.json &&
	test_refused 2 "--tag: ${SQ}growth${SQ} is not a tag (prevented-loss, enabled-scale or user-growth)" \
		impactlog import --from bragfile --tag growth bragfile-all.json &&
	test_refused 2 "--tag: applies to --from bragfile or jrnl; in CSV, each record has a tag column" \
		impactlog import --tag user-growth bragfile-all.json &&
	test_refused 2 "--tag: applies to --from bragfile or jrnl; in CSV, each record has a tag column" \
		impactlog import --from impactlog --tag user-growth bragfile-all.json
'

test_expect_success 'ten thousand entries import in one pass' '
	/usr/bin/python3 -c "import json
print(json.dumps([{\"id\": i, \"title\": \"Entry %d\" % i, \"description\": \"d\" * 200, \"tags\": \"user-growth,x\",
  \"project\": \"P%d\" % (i % 50), \"type\": \"\", \"impact\": \"i\", \"created_at\": \"2025-%02d-%02dT10:00:00Z\" % (i % 12 + 1, i % 28 + 1),
  \"updated_at\": \"\"} for i in range(1, 10001)]))" >many.json &&
	IMPACTLOG_DB=$TRASH/many.db impactlog import --from bragfile many.json >out &&
	echo "imported 10000 achievements (0 already present)" >expect &&
	test_cmp expect out
'

test_expect_success SCRIPT 'progress on a terminal' '
	IMPACTLOG_PROGRESS_DELAY=0 IMPACTLOG_DB=$TRASH/tty.db \
		on_terminal "impactlog import --from bragfile --dry-run many.json" &&
	grep -q "importing: .*of 10000 entries" tty.out &&
	grep -q "would import 10000 achievements" tty.out
'

test_done
