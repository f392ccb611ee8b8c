#!/usr/bin/env bash
# import FILE|- [--dry-run]: the RFC 4180 quirks, every refused file with its
# exact message and line, all or nothing, re-imports, standard input, dry
# runs, and a generated 100k-record file.

. "$(dirname "$0")/../lib.sh"

# row ID COLUMNS: the stored columns of one achievement, '|'-separated.
row () {
	sqlite3 "$IMPACTLOG_DB" "SELECT $2 FROM achievement WHERE id = $1"
}

# list_of TABLE ID: one list field of an achievement, in order, in brackets
# so that spaces show.
list_of () {
	sqlite3 "$IMPACTLOG_DB" "SELECT '[' || name || ']' FROM $1 WHERE achievement_id = $2 ORDER BY position"
}

count () {
	sqlite3 "$IMPACTLOG_DB" "SELECT count(*) FROM achievement"
}

# refused FILE MESSAGE: importing FILE fails with "impactlog: FILE:MESSAGE",
# exit 1, and changes nothing.
refused () {
	test_refused 1 "$1:$2" impactlog import "$1"
}

test_expect_success 'setup: the fixtures, copied so that messages name them briefly' '
	cp "$TEST_DATA"/import-*.csv .
'

# Refusals first, while there is no database: none may create one.
test_expect_success 'an empty file' '
	test_refused 1 "import-empty.csv: empty file: the first line must be a header naming the columns (date,tag,title,...)" \
		impactlog import import-empty.csv &&
	printf "\357\273\277\n\n" >bom-only.csv &&
	test_refused 1 "bom-only.csv: empty file: the first line must be a header naming the columns (date,tag,title,...)" \
		impactlog import bom-only.csv
'

test_expect_success 'an unknown column' '
	refused import-unknown-column.csv "1: unknown column ${SQ}impact${SQ} (columns: uid, date, tag, title, value, unit, baseline, share, team_size, likelihood, lead_days, confidence, project, orgs, evidence, witnesses, note)"
'

test_expect_success 'a missing required column' '
	refused import-missing-column.csv "1: missing required column ${SQ}tag${SQ} (date, tag and title are required)"
'

test_expect_success 'a column named twice (names match in any case)' '
	refused import-duplicate-column.csv "1: column ${SQ}date${SQ} appears twice in the header"
'

test_expect_success 'a header cell with no name' '
	printf "date,tag,title,\n" >trailing-comma.csv &&
	refused trailing-comma.csv "1: header: column 4 has no name"
'

test_expect_success 'an unterminated quote names the line where its record starts' '
	refused import-unterminated.csv "3: unterminated quoted field: no closing ${SQ}\"${SQ} before the end of the file"
'

test_expect_success 'a stray quote in an unquoted field' '
	refused import-stray-quote.csv "2: stray ${SQ}\"${SQ}: a field that holds quotes must be quoted, with each inner quote doubled"
'

test_expect_success 'a quote left open swallows later lines: the message names both' '
	printf "date,tag,title,note\n2026-01-01,user-growth,x,\"open\nmore\n2026-01-02,user-growth,\"y\",\n" >open-quote.csv &&
	refused open-quote.csv "2: stray ${SQ}\"${SQ} on line 4: a field that holds quotes must be quoted, with each inner quote doubled"
'

test_expect_success 'invalid UTF-8' '
	refused import-latin1.csv "2: column ${SQ}title${SQ}: not valid UTF-8" &&
	printf "date,tag,ti\377le\n" >bad-header.csv &&
	refused bad-header.csv "1: header: column 3 is not text (is this a CSV file?)"
'

test_expect_success 'binary junk: NUL bytes, a gzip file' '
	printf "date,tag,title\n2026-01-01,user-growth,x\000y\n" >nul.csv &&
	refused nul.csv "2: NUL byte: binary data, not CSV text" &&
	gzip -nc import-all.csv >all.csv.gz &&
	refused all.csv.gz "1: NUL byte: binary data, not CSV text" &&
	printf "\377\376d\000a\000t\000e\000" >utf16.csv &&
	refused utf16.csv "1: UTF-16 text: save the file as CSV in UTF-8" &&
	printf "date,tag,title\n2026-01-01,user-growth,bell\007\n" >control.csv &&
	refused control.csv "2: column ${SQ}title${SQ}: must be one line without control characters"
'

test_expect_success 'a record with the wrong number of fields' '
	refused import-field-count.csv "3: 4 fields, but the header has 3 columns" &&
	printf "date,tag,title\n2026-01-01,user-growth\n" >short.csv &&
	refused short.csv "2: 2 fields, but the header has 3 columns"
'

test_expect_success 'a bad value after records spanning several lines: LINE is where its record starts' '
	refused import-bad-share.csv "7: column ${SQ}share${SQ}: ${SQ}140${SQ} is not a percentage from 0 to 100"
'

test_expect_success 'values follow the rules of add' '
	refused import-bad-date.csv "2: column ${SQ}date${SQ}: ${SQ}2026-02-30${SQ} is not a real calendar day (YYYY-MM-DD)" &&
	refused import-relative-date.csv "2: column ${SQ}date${SQ}: ${SQ}yesterday${SQ} is not a real calendar day (YYYY-MM-DD)" &&
	refused import-likelihood.csv "2: column ${SQ}likelihood${SQ}: only applies to prevented-loss achievements, not user-growth" &&
	printf "date,tag,title\n2026-01-01,user-growth,\n" >empty-title.csv &&
	refused empty-title.csv "2: column ${SQ}title${SQ}: must not be empty" &&
	printf "date,tag,title,value\n2026-01-01,enabled-scale,x,5\n" >no-unit.csv &&
	refused no-unit.csv "2: column ${SQ}unit${SQ}: required with a value for enabled-scale (what the value counts: rps, TB, teams, ...)" &&
	printf "date,tag,title\n2026-01-01,growth,x\n" >bad-tag.csv &&
	refused bad-tag.csv "2: column ${SQ}tag${SQ}: ${SQ}growth${SQ} is not a tag (prevented-loss, enabled-scale or user-growth)"
'

test_expect_success 'a uid given twice, or the same uid-less record twice' '
	refused import-duplicate-uid.csv "4: column ${SQ}uid${SQ}: ${SQ}u-1${SQ} is already used on line 2" &&
	refused import-duplicate-row.csv "3: same cells as the record on line 2 (give each a uid to keep both)"
'

test_expect_success 'a line over 2 MiB, and a quoted field that never closes' '
	/usr/bin/python3 -c "import sys; sys.stdout.write(\"date,tag,title\n2026-01-01,user-growth,\" + \"x\" * (1 << 21) + \"\n\")" >long-line.csv &&
	refused long-line.csv "2: line longer than 2 MiB" &&
	/usr/bin/python3 -c "import sys; sys.stdout.write(\"date,tag,title,note\n2026-01-01,user-growth,x,\\\"open\n\" + \"more text\n\" * 400000)" >long-field.csv &&
	refused long-field.csv "2: field longer than 2 MiB (is a closing quote missing?)"
'

test_expect_success 'a missing file, a folder' '
	test_refused 1 "cannot open ${SQ}missing.csv${SQ}: No such file or directory" \
		impactlog import missing.csv &&
	mkdir folder.csv &&
	test_refused 1 "cannot read ${SQ}folder.csv${SQ}: Is a directory" \
		impactlog import folder.csv
'

test_expect_success !ROOT 'an unreadable file (not as root, who reads anything)' '
	cp import-bom.csv unreadable.csv &&
	chmod 000 unreadable.csv &&
	test_refused 1 "cannot open ${SQ}unreadable.csv${SQ}: Permission denied" \
		impactlog import unreadable.csv
'

test_expect_success 'a wrong command line' '
	test_refused 2 "usage: impactlog import FILE|- [--dry-run] [--from impactlog|bragfile|jrnl] [--tag TAG] (see ${SQ}impactlog help import${SQ})" \
		impactlog import &&
	test_refused 2 "import: unexpected argument ${SQ}b.csv${SQ} (see ${SQ}impactlog help import${SQ})" \
		impactlog import a.csv b.csv &&
	test_refused 2 "import: unknown option ${SQ}--force${SQ} (see ${SQ}impactlog help import${SQ})" \
		impactlog import --force import-all.csv
'

test_expect_success 'none of that made a database' '
	test ! -e "$IMPACTLOG_DB"
'

test_expect_success 'a refused import into a missing database leaves no file or folder behind' '
	(
		export IMPACTLOG_DB="$TRASH/new/sub/impactlog.db" &&
		test_must_fail impactlog import import-bad-share.csv 2>err &&
		test ! -e new
	)
'

test_expect_success 'a dry run into a missing database creates nothing' '
	impactlog import --dry-run import-all.csv >out &&
	echo "would import 4 achievements (0 already present)" >expect &&
	test_cmp expect out &&
	test ! -e "$IMPACTLOG_DB"
'

test_expect_success 'every column of every record is stored; export writes them back' '
	impactlog import import-all.csv >out &&
	echo "imported 4 achievements (0 already present)" >expect &&
	test_cmp expect out &&
	echo "a1|2025-11-03|prevented-loss|Caught the cert expiry|1200000.0|USD||40.0|3|30.0|12|measured|Reliability" >expect &&
	row 1 "uid, date, tag, title, value, unit, baseline, share, team_size, likelihood, lead_days, confidence, project" >actual &&
	test_cmp expect actual &&
	echo "a2|Sharded the queue|12000.0|2000.0|12.5" >expect &&
	row 2 "uid, title, value, baseline, share" >actual &&
	test_cmp expect actual &&
	echo "250000.0|0.1|1.0e-05|projected|Ünïcödé" >expect &&
	row 3 "value, baseline, share, confidence, project" >actual &&
	test_cmp expect actual &&
	printf "Tabs\tand \"quotes\", commas, and\nseveral\nlines\n" >expect &&
	row 3 note >actual &&
	test_cmp expect actual &&
	printf "[Growth;EU]\n[back\\\\slash]\n[Ads]\n" >expect &&
	list_of achievement_org 3 >actual &&
	test_cmp expect actual &&
	impactlog export >actual &&
	test_cmp import-all.expect.csv actual
'

test_expect_success 'imported achievements are found by search, in every indexed field' '
	# title, project, org, note, witness, evidence
	for words in "cert expiry" Ünïcödé Growth runbook Sécurité go/cert-17; do
		impactlog list --search "$words" --format csv >found &&
		test "$(wc -l <found)" -ge 2 || { echo "nothing found for $words"; exit 1; }
	done &&
	impactlog check
'

test_expect_success 'importing the same file again changes nothing' '
	db_snapshot before &&
	impactlog import import-all.csv >out &&
	echo "imported 0 achievements (4 already present)" >expect &&
	test_cmp expect out &&
	db_snapshot after &&
	test_cmp before after
'

test_expect_success 'a dry run into a database writes nothing and counts what is there' '
	db_snapshot before &&
	impactlog import import-bom.csv --dry-run >out &&
	echo "would import 1 achievement (0 already present)" >expect &&
	test_cmp expect out &&
	impactlog import --dry-run import-all.csv >out &&
	echo "would import 0 achievements (4 already present)" >expect &&
	test_cmp expect out &&
	test_refused 1 "import-bad-share.csv:7: column ${SQ}share${SQ}: ${SQ}140${SQ} is not a percentage from 0 to 100" \
		impactlog import --dry-run import-bad-share.csv &&
	db_snapshot after &&
	test_cmp before after
'

test_expect_success 'a failed import changes nothing, even after valid records' '
	test_refused 1 "import-bad-share.csv:7: column ${SQ}share${SQ}: ${SQ}140${SQ} is not a percentage from 0 to 100" \
		impactlog import import-bad-share.csv &&
	test_refused 1 "import-duplicate-uid.csv:4: column ${SQ}uid${SQ}: ${SQ}u-1${SQ} is already used on line 2" \
		impactlog import import-duplicate-uid.csv
'

test_expect_success 'a byte order mark is skipped' '
	impactlog import import-bom.csv >out &&
	echo "imported 1 achievement (0 already present)" >expect &&
	test_cmp expect out &&
	echo "2026-01-05|user-growth|After a byte order mark|users" >expect &&
	row 5 "date, tag, title, unit" >actual &&
	test_cmp expect actual
'

test_expect_success 'CRLF rows; a CRLF inside a quoted field reads as LF' '
	impactlog import import-crlf.csv >/dev/null &&
	printf "a note\nover two lines\n" >expect &&
	row 6 note >actual &&
	test_cmp expect actual &&
	echo "Second CRLF row|" >expect &&
	row 7 "title, note" >actual &&
	test_cmp expect actual
'

test_expect_success 'quoted fields hold commas, doubled quotes, newlines and blank lines' '
	impactlog import import-multiline.csv >/dev/null &&
	printf "Quoted, with a comma\n" >expect &&
	row 8 title >actual &&
	test_cmp expect actual &&
	printf "First line\nsecond line\n\nfourth after a blank one\n" >expect &&
	row 8 note >actual &&
	test_cmp expect actual &&
	printf "He said \"ship it\"|\"quoted\" at the start\n" >expect &&
	row 9 "title, note" >actual &&
	test_cmp expect actual
'

test_expect_success 'columns in any order and any case; absent ones take their defaults' '
	impactlog import import-reordered.csv >/dev/null &&
	echo "2026-02-01|enabled-scale|Reordered columns|35.0|1||estimated|columns in any order" >expect &&
	row 10 "date, tag, title, share, team_size, unit, confidence, note" >actual &&
	test_cmp expect actual &&
	printf "[Infra]\n[Data]\n" >expect &&
	list_of achievement_org 10 >actual &&
	test_cmp expect actual
'

test_expect_success 'unicode and emoji' '
	impactlog import import-unicode.csv >/dev/null &&
	echo "日本語のタイトル 🎉👩‍💻" >expect &&
	row 11 title >actual &&
	test_cmp expect actual &&
	printf "[Zürich]\n[東京]\n" >expect &&
	list_of achievement_org 11 >actual &&
	test_cmp expect actual &&
	printf "[Jefa de Ingeniería de Datos]\n[Łączność Lead]\n" >expect &&
	list_of achievement_witness 11 >actual &&
	test_cmp expect actual
'

test_expect_success 'lists: \; and \\ in items; items trimmed, empty ones dropped' '
	impactlog import import-lists.csv >/dev/null &&
	printf "[R;D]\n[Ops]\n" >expect &&
	list_of achievement_org 12 >actual &&
	test_cmp expect actual &&
	printf "[C:\\\\share\\\\doc]\n[go/link]\n" >expect &&
	list_of achievement_evidence 12 >actual &&
	test_cmp expect actual &&
	printf "[SRE]\n[PM]\n" >expect &&
	list_of achievement_witness 12 >actual &&
	test_cmp expect actual
'

test_expect_success 'a header-only file imports nothing' '
	db_snapshot before &&
	impactlog import import-header-only.csv >out &&
	echo "imported 0 achievements (0 already present)" >expect &&
	test_cmp expect out &&
	db_snapshot after &&
	test_cmp before after
'

test_expect_success 'records without a uid are found again on a second import' '
	db_snapshot before &&
	: >out &&
	for f in bom crlf multiline reordered unicode lists; do
		impactlog import import-$f.csv >>out || exit 1
	done &&
	test "$(grep -c "^imported 0 achievements" out)" = 6 &&
	db_snapshot after &&
	test_cmp before after
'

test_expect_success 'some records new, some already there' '
	cat import-all.expect.csv >mixed.csv &&
	printf "new-1,2026-03-01,user-growth,Brand new,,,,,,,,,,,,,\r\n" >>mixed.csv &&
	impactlog import mixed.csv >out &&
	echo "imported 1 achievement (4 already present)" >expect &&
	test_cmp expect out
'

test_expect_success '- reads standard input, which messages name <stdin>' '
	printf "date,tag,title\n2026-03-02,user-growth,From a pipe\n" | impactlog import - >out &&
	echo "imported 1 achievement (0 already present)" >expect &&
	test_cmp expect out &&
	test "$(row 14 title)" = "From a pipe" &&
	test_must_fail impactlog import - <import-bad-share.csv 2>err &&
	echo "impactlog: <stdin>:7: column ${SQ}share${SQ}: ${SQ}140${SQ} is not a percentage from 0 to 100" >expect &&
	test_cmp expect err &&
	cat import-bom.csv | impactlog import --dry-run - >out &&
	echo "would import 0 achievements (1 already present)" >expect &&
	test_cmp expect out
'

test_expect_success 'a new database gets private modes' '
	(
		export IMPACTLOG_DB="$TRASH/fresh/dir/impactlog.db" &&
		impactlog import import-bom.csv >/dev/null &&
		test "$(stat -c %a fresh/dir)" = 700 &&
		test "$(stat -c %a fresh/dir/impactlog.db)" = 600 &&
		test "$(ls fresh/dir)" = impactlog.db
	)
'

# big N: N generated records over every tag, with numbers, notes and a uid
# for a tenth of them.
big () {
	awk -v n="$1" 'BEGIN {
		print "date,tag,title,value,unit,share,likelihood,note,uid"
		split("prevented-loss enabled-scale user-growth", tags, " ")
		for (i = 1; i <= n; i++) {
			t = tags[i % 3 + 1]
			printf "%04d-%02d-%02d,%s,Achievement %d,%d.5k,%s,%d,%s,\"note %d, with a comma\",%s\n",
				2020 + i % 6, i % 12 + 1, i % 28 + 1, t, i, i % 1000,
				t == "enabled-scale" ? "rps" : "", i % 101,
				t == "prevented-loss" ? i % 100 : "", i, i % 10 ? "" : "big-" i
		}
	}'
}

# Under valgrind (tests/valgrind-impactlog) a tenth of the records is plenty.
big_count=100000
test -n "$IMPACTLOG_UNDER_VALGRIND" && big_count=10000
last_uid=$((big_count - 10))

test_expect_success "a generated $big_count-record file, with progress on a terminal only" '
	(
		export IMPACTLOG_DB="$TRASH/big.db" IMPACTLOG_PROGRESS_DELAY=0 &&
		big $big_count >big.csv &&
		test "$(wc -l <big.csv)" = $((big_count + 1)) &&
		if test_have_prereq SCRIPT; then
			script -qec "impactlog import big.csv" /dev/null >tty.out &&
			grep -q "importing: [0-9]*% ([0-9]* records)" tty.out &&
			grep -q "importing: indexing $big_count achievements" tty.out &&
			grep -q "imported $big_count achievements (0 already present)" tty.out
		else
			impactlog import big.csv >out &&
			grep -q "imported $big_count achievements (0 already present)" out
		fi &&
		test "$(count)" = $big_count &&
		echo "Achievement $last_uid|prevented-loss|990500.0|USD|90.0" >expect &&
		sqlite3 "$IMPACTLOG_DB" "SELECT title, tag, value, unit, likelihood FROM achievement WHERE uid = ${SQ}big-$last_uid${SQ}" >actual &&
		test_cmp expect actual &&
		impactlog import big.csv >out 2>err &&
		echo "imported 0 achievements ($big_count already present)" >expect &&
		test_cmp expect out &&
		test_must_be_empty err
	)
'

test_expect_success 'kill -9 in the middle of an import leaves the database as it was' '
	db_snapshot before &&
	{ impactlog import big.csv >/dev/null 2>&1 & } &&
	pid=$! &&
	tries=0 &&
	while ! test -e "$IMPACTLOG_DB-journal" && test $tries -lt 200; do
		sleep 0.05
		tries=$((tries + 1))
	done &&
	test -e "$IMPACTLOG_DB-journal" &&
	sleep 0.2 &&
	kill -9 $pid &&
	{ wait $pid || :; } &&
	impactlog list >/dev/null &&
	db_snapshot after &&
	test_cmp before after &&
	impactlog check >/dev/null
'

test_expect_success 'an import killed while it builds a new database leaves nothing for long' '
	mkdir killed &&
	{ IMPACTLOG_DB=$TRASH/killed/impactlog.db impactlog import big.csv >/dev/null 2>&1 & } &&
	pid=$! &&
	tries=0 &&
	while ! test -e killed/impactlog.db.import-$pid && test $tries -lt 200; do
		sleep 0.05
		tries=$((tries + 1))
	done &&
	sleep 0.2 &&
	kill -9 $pid &&
	{ wait $pid || :; } &&
	test -e killed/impactlog.db.import-$pid &&
	! test -e killed/impactlog.db &&
	IMPACTLOG_DB=$TRASH/killed/impactlog.db impactlog import "$TEST_DATA/import-all.csv" >out &&
	ls killed >actual &&
	echo impactlog.db >expect &&
	test_cmp expect actual
'

test_done
