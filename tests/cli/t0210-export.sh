#!/usr/bin/env bash
# export [FILE] [filters]: every column, oldest first, numbers and lists that
# read back exactly, files written whole, and the byte-for-byte round trip
# through import.

. "$(dirname "$0")/../lib.sh"

HEADER="uid,date,tag,title,value,unit,baseline,share,team_size,likelihood,lead_days,confidence,project,orgs,evidence,witnesses,note"

# without_uids FILE: FILE without CRs and without the random uid that
# starts each record.
without_uids () {
	tr -d "\r" <"$1" | sed -E "s/^[0-9a-f]{32},//"
}

# titles [export options]: the title column of export, one a line, through
# a real CSV reader.
titles () {
	impactlog export "$@" >titles.csv &&
	/usr/bin/python3 -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")): print(r["title"])' titles.csv
}

test_expect_success 'a missing database is refused, and not created' '
	test_refused 1 "no database at $IMPACTLOG_DB (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
		impactlog export &&
	test ! -e "$IMPACTLOG_DB"
'

test_expect_success 'an empty database exports the header alone' '
	impactlog init >/dev/null &&
	impactlog export >actual &&
	printf "%s\r\n" "$HEADER" >expect &&
	test_cmp expect actual
'

test_expect_success 'setup' '
	exec >/dev/null &&
	impactlog add prevented-loss "Caught the cert expiry" --date 2026-01-20 --value 0.1 \
		--share 33.333 --likelihood 12.5 --lead-days 6 --confidence measured \
		--project "Reliability, Q1" --org "R;D" --org "C:\\ops" --org Payments \
		--evidence go/cert --witness "Payments SRE Lead" \
		--note "$(printf "Saw it in review.\nHe said \"ship it\", we did not.")" &&
	impactlog add enabled-scale " Sharded the queue " --date 2025-12-31 --value 1e18 \
		--unit rps --baseline 2.5e-7 --share 0.00001 --team-size 12 &&
	impactlog add user-growth "Launched onboarding 🚀 für Café" --date 2026-01-20 \
		--value 1234567.891 --team-size 3 --org Growth \
		--evidence "https://example.com/?a=1,b=2" &&
	impactlog add user-growth "In the trash" --date 2026-02-01 &&
	impactlog rm 4 &&
	impactlog add user-growth "=SUM(A1) formula-looking" --date 2026-03-04 --project Atlas
'

test_expect_success 'every column, oldest first, same-day records by id; the trash left out' '
	impactlog export >all.csv &&
	without_uids all.csv >actual &&
	cat >expect <<-\EOF &&
	uid,date,tag,title,value,unit,baseline,share,team_size,likelihood,lead_days,confidence,project,orgs,evidence,witnesses,note
	2025-12-31,enabled-scale,Sharded the queue,1e+18,rps,0.00000025,0.00001,12,,,estimated,,,,,
	2026-01-20,prevented-loss,Caught the cert expiry,0.1,USD,,33.333,1,12.5,6,measured,"Reliability, Q1",R\;D;C:\\ops;Payments,go/cert,Payments SRE Lead,"Saw it in review.
	He said ""ship it"", we did not."
	2026-01-20,user-growth,Launched onboarding 🚀 für Café,1234567.891,users,,100,3,,,estimated,,Growth,"https://example.com/?a=1,b=2",,
	2026-03-04,user-growth,=SUM(A1) formula-looking,,users,,100,1,,,estimated,Atlas,,,,
	EOF
	test_cmp expect actual
'

test_expect_success 'records end in CRLF; newlines inside a note stay LF' '
	test "$(grep -c "$(printf "\r")\$" all.csv)" = 5 &&
	test "$(wc -l <all.csv)" = 6
'

test_expect_success 'the uid column holds the stored uids' '
	sqlite3 "$IMPACTLOG_DB" "SELECT uid FROM achievement WHERE deleted_at IS NULL ORDER BY date, id" >expect &&
	tail -n +2 all.csv | grep -oE "^[0-9a-f]{32}," | tr -d , >actual &&
	test_cmp expect actual
'

test_expect_success 'export | import into an empty database, then export: the same bytes' '
	impactlog export | IMPACTLOG_DB="$TRASH/copy.db" impactlog import - >out &&
	echo "imported 4 achievements (0 already present)" >expect &&
	test_cmp expect out &&
	IMPACTLOG_DB="$TRASH/copy.db" impactlog export >again.csv &&
	cmp all.csv again.csv
'

test_expect_success 'the round trip keeps every field, as list --format json shows it' '
	impactlog list --format json >a.json &&
	IMPACTLOG_DB="$TRASH/copy.db" impactlog list --format json >b.json &&
	/usr/bin/python3 -c "import json, sys
a, b = (sorted((dict(r, id=0) for r in json.load(open(f))), key=lambda r: r[\"uid\"]) for f in sys.argv[1:])
sys.exit(a != b)" a.json b.json
'

test_expect_success 're-importing an export changes nothing' '
	db_snapshot before &&
	impactlog import all.csv >out &&
	echo "imported 0 achievements (4 already present)" >expect &&
	test_cmp expect out &&
	db_snapshot after &&
	test_cmp before after
'

test_expect_success 'lists with ; and \ inside items survive the round trip' '
	printf "R;D\nC:\\\\ops\nPayments\n" >expect &&
	sqlite3 "$TRASH/copy.db" "SELECT name FROM achievement_org o JOIN achievement a ON a.id = o.achievement_id WHERE a.title = ${SQ}Caught the cert expiry${SQ} ORDER BY position" >actual &&
	test_cmp expect actual
'

test_expect_success 'numbers read back exactly' '
	sqlite3 "$IMPACTLOG_DB" "SELECT printf(${SQ}%!.17g|%!.17g|%!.17g|%!.17g${SQ}, value, baseline, share, likelihood) FROM achievement WHERE deleted_at IS NULL ORDER BY date, id" >expect &&
	sqlite3 "$TRASH/copy.db" "SELECT printf(${SQ}%!.17g|%!.17g|%!.17g|%!.17g${SQ}, value, baseline, share, likelihood) FROM achievement ORDER BY date, id" >actual &&
	test_cmp expect actual
'

test_expect_success 'export FILE refuses an existing FILE, and leaves it as it was' '
	echo old >out.csv &&
	test_refused 1 "${SQ}out.csv${SQ} already exists (use --force to replace it)" \
		impactlog export out.csv &&
	echo old >expect &&
	test_cmp expect out.csv
'

test_expect_success 'export --force FILE writes the same bytes, replacing FILE whole' '
	impactlog export --force out.csv >stdout &&
	test_must_be_empty stdout &&
	cmp all.csv out.csv &&
	test "$(stat -c %a out.csv)" = 644 &&
	mkdir quiet &&
	impactlog export quiet/x.csv &&
	test "$(ls -A quiet)" = x.csv
'

test_expect_success 'export - is standard output' '
	impactlog export - >dash.csv &&
	cmp all.csv dash.csv
'

test_expect_success 'a file that cannot be written leaves nothing behind' '
	test_refused 1 "cannot write ${SQ}nowhere/x.csv${SQ}: No such file or directory" \
		impactlog export nowhere/x.csv &&
	test ! -e nowhere
'

test_expect_success 'a failed write to standard output is an error' '
	test_must_fail impactlog export >/dev/full 2>err &&
	echo "impactlog: write failure on standard output: No space left on device" >expect &&
	test_cmp expect err
'

test_expect_success 'filters choose the records, in the same order' '
	titles --tag user-growth >actual &&
	printf "Launched onboarding 🚀 für Café\n=SUM(A1) formula-looking\n" >expect &&
	test_cmp expect actual &&
	titles --since 2026-01-01 --until 2026-02-28 >actual &&
	printf "Caught the cert expiry\nLaunched onboarding 🚀 für Café\n" >expect &&
	test_cmp expect actual &&
	titles --cycle 2025-H2 >actual &&
	echo "Sharded the queue" >expect &&
	test_cmp expect actual &&
	titles --org payments >actual &&
	echo "Caught the cert expiry" >expect &&
	test_cmp expect actual &&
	titles --project Atlas >actual &&
	echo "=SUM(A1) formula-looking" >expect &&
	test_cmp expect actual &&
	titles --search review >actual &&
	echo "Caught the cert expiry" >expect &&
	test_cmp expect actual &&
	titles --tag prevented-loss --cycle 2026-Q3 >actual &&
	test_must_be_empty actual &&
	impactlog export --tag prevented-loss --cycle 2026-Q3 >actual &&
	printf "%s\r\n" "$HEADER" >expect &&
	test_cmp expect actual
'

test_expect_success 'a filtered export imports into an empty database' '
	impactlog export --tag user-growth sub.csv &&
	IMPACTLOG_DB="$TRASH/sub.db" impactlog import sub.csv >out &&
	echo "imported 2 achievements (0 already present)" >expect &&
	test_cmp expect out &&
	IMPACTLOG_DB="$TRASH/sub.db" impactlog export >actual &&
	cmp sub.csv actual
'

test_expect_success 'list --format csv is the same writer, newest first' '
	impactlog list --format csv >list.csv &&
	/usr/bin/python3 -c "import csv, sys
rows = [list(csv.reader(open(f, newline=\"\", encoding=\"utf-8\"))) for f in sys.argv[1:]]
sys.exit(rows[0][0] != rows[1][0] or rows[0][1:] != rows[1][1:][::-1])" all.csv list.csv
'

test_expect_success 'a wrong command line' '
	test_refused 2 "export: unexpected argument ${SQ}b.csv${SQ} (see ${SQ}impactlog help export${SQ})" \
		impactlog export a.csv b.csv &&
	test_refused 2 "--tag: ${SQ}growth${SQ} is not a tag (prevented-loss, enabled-scale or user-growth)" \
		impactlog export --tag growth &&
	test_refused 2 "export: unknown option ${SQ}--format${SQ} (see ${SQ}impactlog help export${SQ})" \
		impactlog export --format csv &&
	test ! -e a.csv
'

test_done
