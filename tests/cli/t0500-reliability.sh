#!/usr/bin/env bash
# What happens when things go wrong: two writers at once, a killed process,
# a full disk, a read-only database, and the privacy of the files.

. "$(dirname "$0")/../lib.sh"

# Not read-only: after a kill the next connection must be free to roll back
# the hot journal, as impactlog itself does.
count () {
	sqlite3 "${1:-$IMPACTLOG_DB}" "SELECT count(*) FROM achievement"
}

# Runs a command as an unprivileged user: root ignores file modes, so the
# read-only cases need someone they apply to.
as_nobody () {
	if test_have_prereq ROOT; then
		setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
	else
		"$@"
	fi
}

test_expect_success 'two processes adding at once: every add lands' '
	impactlog init >/dev/null || exit 1
	for writer in 1 2; do
		( for i in $(seq 60); do
			impactlog add user-growth "writer $writer add $i" --value $i >/dev/null ||
				echo "writer $writer add $i failed"
		done ) >"fail.$writer" 2>&1 &
	done
	wait &&
	cat fail.1 fail.2 >failures &&
	test_must_be_empty failures &&
	test "$(count)" -eq 120 &&
	impactlog check
'

test_expect_success 'a reader during a burst of writes never sees "database is locked"' '
	( for i in $(seq 40); do impactlog add enabled-scale "burst $i" >/dev/null; done ) &
	writer=$!
	for i in $(seq 40); do
		impactlog list --format csv >/dev/null 2>>reader.err || echo "list failed" >>reader.err
	done
	wait $writer &&
	test_must_be_empty reader.err
'

test_expect_success 'kill -9 during add leaves the database before or after, never between' '
	for round in $(seq 30); do
		before=$(count) || exit 1
		impactlog add prevented-loss "killed $round" --value 1k --org A --org B \
			--evidence doc --witness someone >/dev/null 2>&1 &
		pid=$!
		sleep "0.00$((round % 10))"
		kill -9 $pid 2>/dev/null
		wait $pid 2>/dev/null
		after=$(count) || exit 1
		test "$after" -eq "$before" || test "$after" -eq $((before + 1)) || exit 1
		# Whole or nothing: an achievement that landed has all its list rows.
		sqlite3 "$IMPACTLOG_DB" "SELECT a.id FROM achievement AS a
			WHERE a.title LIKE ${SQ}killed %${SQ} AND (
			(SELECT count(*) FROM achievement_org WHERE achievement_id = a.id) != 2 OR
			(SELECT count(*) FROM achievement_witness WHERE achievement_id = a.id) != 1)" >partial &&
		test_must_be_empty partial || exit 1
	done &&
	impactlog check
'

test_expect_success 'a full disk: add fails in one line and changes nothing' '
	impactlog init --db full.db >/dev/null &&
	db_snapshot before full.db &&
	size_kb=$(( $(stat -c %s full.db) / 1024 )) &&
	# At its size limit the file cannot grow: SQLite sees EFBIG, as on a
	# full disk. SIGXFSZ is ignored so the write fails instead of killing.
	(
		trap "" XFSZ
		ulimit -f "$size_kb"
		note=$(head -c 60000 /dev/zero | tr "\0" x)
		test_must_fail --exit=1 impactlog --db full.db add user-growth "big" --note "${note:0:9000}" \
			>out 2>err
	) &&
	test "$(wc -l <err)" -eq 1 &&
	grep -q "^impactlog: database .*full.db" err &&
	db_snapshot after full.db &&
	test_cmp before after &&
	impactlog --db full.db check
'

test_expect_success 'a read-only database: add fails in one line, nothing changes' '
	chmod 755 "$TEST_ROOT" "$TRASH" &&
	impactlog --db ro.db add user-growth "kept" >/dev/null &&
	chmod 644 ro.db &&
	db_snapshot before ro.db &&
	test_must_fail --exit=1 as_nobody "$IMPACTLOG" --db "$TRASH/ro.db" add user-growth new \
		>out 2>err &&
	test "$(wc -l <err)" -eq 1 &&
	grep -q "^impactlog: database .*ro.db.*readonly" err &&
	db_snapshot after ro.db &&
	test_cmp before after
'

test_expect_success 'a read-only database can still be listed and checked' '
	as_nobody "$IMPACTLOG" --db "$TRASH/ro.db" list >out &&
	grep -q kept out &&
	as_nobody "$IMPACTLOG" --db "$TRASH/ro.db" check
'

test_expect_success 'a database in a folder nobody may write to is not created' '
	mkdir locked && chmod 555 locked &&
	test_must_fail --exit=1 as_nobody "$IMPACTLOG" --db "$TRASH/locked/sub/x.db" add user-growth x \
		>out 2>err &&
	test "$(wc -l <err)" -eq 1 &&
	grep -q "^impactlog: cannot create folder .*locked/sub.*Permission denied" err &&
	test ! -e locked/sub
'

test_expect_success 'folder 0700 and file 0600 under a permissive umask' '
	(umask 000 && impactlog --db "$TRASH/open/deep/x.db" init >/dev/null) &&
	test "$(stat -c %a open)" = 700 &&
	test "$(stat -c %a open/deep)" = 700 &&
	test "$(stat -c %a open/deep/x.db)" = 600
'

test_expect_success 'reports and exports follow the umask; backups stay private' '
	impactlog add user-growth "for files" --value 5k >/dev/null &&
	(
		umask 027 &&
		impactlog report -o report.txt &&
		impactlog report --xlsx report.xlsx >/dev/null &&
		impactlog export export.csv &&
		impactlog backup backup.db >/dev/null
	) &&
	test "$(stat -c %a report.txt)" = 640 &&
	test "$(stat -c %a report.xlsx)" = 640 &&
	test "$(stat -c %a export.csv)" = 640 &&
	test "$(stat -c %a backup.db)" = 600 &&
	(umask 022 && impactlog report -o open.txt) &&
	test "$(stat -c %a open.txt)" = 644
'

test_expect_success 'the journal never outlives a command' '
	impactlog add user-growth "journal check" >/dev/null &&
	! ls "$IMPACTLOG_DB"-journal 2>/dev/null
'

test_done
