#!/usr/bin/env bash
# Creating a database that does not exist yet: a stale journal beside the
# missing file is refused, never rolled into the new one (nor into a
# backup); two imports into a missing database both land; and the scratch
# database a killed import leaves is gone after the next command, of any
# kind, or at once after SIGTERM.

. "$(dirname "$0")/../lib.sh"

unset IMPACTLOG_BUSY_TIMEOUT

count () {
	sqlite3 "${1:-$IMPACTLOG_DB}" "SELECT count(*) FROM achievement"
}

# kill_and_reap SIGNAL PID: sends SIGNAL to PID and reaps it; true when it
# died of that signal.
kill_and_reap () {
	local status=0

	kill -"$1" "$2" || return 1
	wait "$2" || status=$?
	if test $status -ne $((128 + $(kill -l "$1"))); then
		echo "process $2 ended with status $status, not by SIG$1" >&3
		return 1
	fi
}

# kill_writer DB SQL FILE: a sqlite3 writer on DB runs SQL and is killed
# with -9 once FILE (its journal) holds data, as a crash in the middle of a
# transaction would leave it.
kill_writer () {
	local writer

	rm -f writer.in && mkfifo writer.in || return 1
	sqlite3 "$1" <writer.in >/dev/null 2>writer.err &
	writer=$!
	exec 8>writer.in &&
	echo "$2" >&8 &&
	wait_for "$3 to hold data" test -s "$3" &&
	kill_and_reap KILL $writer &&
	exec 8>&- &&
	test_must_be_empty writer.err
}

# no_scratch: no scratch database of an import lies here.
no_scratch () {
	if ls -A | grep "\.import-"; then
		echo "scratch files left behind" >&3
		return 1
	fi
}

# stale PATH SUFFIX: the message refusing a new database at PATH.
stale () {
	printf "database '%s' is missing but its journal '%s%s' is still there; move the journal away (or restore the database) before creating a new one" \
		"$1" "$1" "$2"
}

# grown FILE: FILE is over 1 MiB, as a scratch database is once an import
# is storing records (and well past creating its schema).
grown () {
	test "$(stat -c %s "$1")" -gt 1048576
}

test_expect_success 'setup: a database killed in the middle of an update, then deleted by hand' '
	reap_on_exit &&
	for i in 1 2 3 4 5; do
		impactlog add user-growth "before the crash $i" --org Growth >/dev/null || exit 1
	done &&
	"$SOURCE_DIR/tests/bench/gen-csv" 200 | impactlog import - >/dev/null &&
	test "$(count)" -eq 205 &&
	kill_writer "$IMPACTLOG_DB" "BEGIN; UPDATE achievement SET title = title || ${SQ}x${SQ};" \
		"$IMPACTLOG_DB-journal" &&
	rm "$IMPACTLOG_DB" &&
	test -s "$IMPACTLOG_DB-journal" &&
	cp "$IMPACTLOG_DB-journal" journal.orig &&
	"$SOURCE_DIR/tests/bench/gen-csv" 20 >small.csv
'

test_expect_success 'add refuses to create a database beside its stale journal' '
	test_refused 1 "$(stale "$IMPACTLOG_DB" -journal)" \
		impactlog add user-growth "after the crash" &&
	test ! -e "$IMPACTLOG_DB" &&
	no_scratch &&
	cmp journal.orig "$IMPACTLOG_DB-journal"
'

test_expect_success 'init refuses to create a database beside its stale journal' '
	test_refused 1 "$(stale "$IMPACTLOG_DB" -journal)" impactlog init &&
	test ! -e "$IMPACTLOG_DB" &&
	no_scratch &&
	cmp journal.orig "$IMPACTLOG_DB-journal"
'

test_expect_success 'import FILE refuses to create a database beside its stale journal' '
	test_refused 1 "$(stale "$IMPACTLOG_DB" -journal)" impactlog import small.csv &&
	test ! -e "$IMPACTLOG_DB" &&
	no_scratch &&
	cmp journal.orig "$IMPACTLOG_DB-journal"
'

test_expect_success 'the message names the database as --db gave it' '
	test_refused 1 "$(stale impactlog.db -journal)" \
		impactlog --db impactlog.db add user-growth "after the crash" &&
	test_refused 1 "$(stale ./impactlog.db -journal)" \
		impactlog --db ./impactlog.db import small.csv &&
	test ! -e "$IMPACTLOG_DB" &&
	no_scratch &&
	cmp journal.orig "$IMPACTLOG_DB-journal"
'

test_expect_success 'a stale -wal beside a missing database is refused too' '
	reap_on_exit &&
	impactlog --db wal.db add user-growth "in WAL mode" >/dev/null &&
	test "$(sqlite3 wal.db "PRAGMA journal_mode = WAL")" = wal &&
	kill_writer wal.db "UPDATE achievement SET title = title || ${SQ}x${SQ};" wal.db-wal &&
	rm wal.db &&
	cp wal.db-wal wal.orig &&
	for command in "add user-growth new" init "import small.csv"; do
		test_refused 1 "$(stale wal.db -wal)" impactlog --db wal.db $command &&
		test ! -e wal.db || exit 1
	done &&
	no_scratch &&
	cmp wal.orig wal.db-wal
'

test_expect_success 'with the journal moved away, import makes a fresh database' '
	mv "$IMPACTLOG_DB-journal" moved-journal &&
	impactlog import small.csv >out &&
	echo "imported 20 achievements (0 already present)" >expect &&
	test_cmp expect out &&
	test "$(count)" -eq 20 &&
	test "$(sqlite3 "$IMPACTLOG_DB" "SELECT count(*) FROM achievement WHERE title LIKE ${SQ}before the crash%${SQ} OR title LIKE ${SQ}%x${SQ}")" -eq 0 &&
	impactlog check >out &&
	echo ok >expect &&
	test_cmp expect out &&
	test ! -e "$IMPACTLOG_DB-journal" &&
	no_scratch
'

test_expect_success 'setup: a backup target with a stale journal beside it' '
	reap_on_exit &&
	impactlog --db hj.db add enabled-scale "old backup" --value 5 --unit rps >/dev/null &&
	impactlog --db hj.db add user-growth "old backup 2" >/dev/null &&
	kill_writer hj.db "BEGIN; UPDATE achievement SET title = title || ${SQ}x${SQ};" hj.db-journal &&
	cp hj.db hj.orig &&
	cp hj.db-journal hj-journal.orig
'

test_expect_success 'backup --force refuses a target with a journal beside it and leaves both alone' '
	test_refused 1 "backup: ${SQ}hj.db-journal${SQ} lies beside ${SQ}hj.db${SQ} and would be rolled into the copy; move it away first" \
		impactlog backup --force hj.db &&
	cmp hj.orig hj.db &&
	cmp hj-journal.orig hj.db-journal &&
	ls -A | grep "^hj\.db" >actual &&
	printf "hj.db\nhj.db-journal\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'backup through a symlink names the file it points to' '
	ln -s hj.db hj-link.db &&
	test_refused 1 "backup: ${SQ}hj.db-journal${SQ} lies beside ${SQ}hj.db${SQ} and would be rolled into the copy; move it away first" \
		impactlog backup --force hj-link.db &&
	test -L hj-link.db &&
	cmp hj.orig hj.db &&
	cmp hj-journal.orig hj.db-journal
'

test_expect_success 'setup: two files of 2000 achievements with distinct uids' '
	"$SOURCE_DIR/tests/bench/gen-csv" 2000 >a.csv &&
	sed "s/^bench-/other-/" a.csv >b.csv &&
	test "$(grep -c "^bench-" a.csv)" -eq 2000 &&
	test "$(grep -c "^other-" b.csv)" -eq 2000
'

test_expect_success 'two imports into a missing database at once: both land' '
	reap_on_exit
	mkdir both || exit 1
	impactlog --db both/new.db import a.csv >out.a 2>err.a &
	a=$!
	impactlog --db both/new.db import b.csv >out.b 2>err.b &
	b=$!
	status_a=0 status_b=0
	wait $a || status_a=$?
	wait $b || status_b=$?
	echo "a: $status_a, b: $status_b" >status &&
	echo "a: 0, b: 0" >expect &&
	test_cmp expect status &&
	test_must_be_empty err.a &&
	test_must_be_empty err.b &&
	echo "imported 2000 achievements (0 already present)" >expect &&
	test_cmp expect out.a &&
	test_cmp expect out.b &&
	test "$(count both/new.db)" -eq 4000 &&
	test "$(sqlite3 both/new.db "SELECT count(DISTINCT uid) FROM achievement")" -eq 4000 &&
	test "$(sqlite3 both/new.db "SELECT count(*) FROM achievement WHERE uid LIKE ${SQ}other-%${SQ}")" -eq 2000 &&
	impactlog --db both/new.db check >out &&
	echo ok >expect &&
	test_cmp expect out &&
	ls -A both >actual &&
	echo new.db >expect &&
	test_cmp expect actual
'

test_expect_success 'setup: a file of 200000 achievements, a few seconds to import' '
	"$SOURCE_DIR/tests/bench/gen-csv" 200000 >big.csv &&
	mkdir killed term early
'

# killed_import: an import into the missing killed/k.db, killed with -9
# half-way, leaves its scratch database and journal, and nothing else.
killed_import () {
	local pid

	impactlog --db killed/k.db import big.csv >/dev/null 2>&1 &
	pid=$!
	wait_for "import $pid to store records" grown killed/k.db.import-$pid &&
	kill_and_reap KILL $pid &&
	printf "k.db.import-%s\nk.db.import-%s-journal\n" $pid $pid >scratch.expect &&
	ls -A killed >scratch.actual &&
	test_cmp scratch.expect scratch.actual
}

test_expect_success 'kill -9 mid-import into a missing database leaves its scratch beside it' '
	reap_on_exit &&
	killed_import
'

test_expect_success 'the next read command removes the killed import'"'"'s scratch' '
	test_refused 1 "no database at killed/k.db (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
		impactlog --db killed/k.db list &&
	ls -A killed >actual &&
	test_must_be_empty actual
'

test_expect_success 'the next write command removes it and leaves only the database' '
	reap_on_exit &&
	rm -f killed/* &&
	killed_import &&
	impactlog --db killed/k.db add user-growth "after the kill" >out &&
	echo "added #1" >expect &&
	test_cmp expect out &&
	ls -A killed >actual &&
	echo k.db >expect &&
	test_cmp expect actual &&
	test "$(count killed/k.db)" -eq 1 &&
	impactlog --db killed/k.db check
'

test_expect_success 'SIGTERM mid-import into a missing database removes its scratch at once' '
	reap_on_exit
	impactlog --db term/t.db import big.csv >out 2>err &
	pid=$!
	wait_for "import $pid to store records" grown term/t.db.import-$pid &&
	kill -TERM $pid || exit 1
	status=0
	wait $pid || status=$?
	test $status -ne 0 &&
	ls -A term >actual &&
	test_must_be_empty actual &&
	test_must_be_empty out
'

# The first moments of an import are tried ten times: the scratch database
# is there from its first byte, and so must its removal be.
test_expect_success 'SIGTERM as soon as the scratch database appears removes it too' '
	reap_on_exit
	for attempt in $(seq 10); do
		impactlog --db early/e.db import big.csv >out 2>err &
		pid=$!
		for i in $(seq 5000); do
			test -e early/e.db.import-$pid && break
			sleep 0.001
		done
		test -e early/e.db.import-$pid || { echo "no scratch database from import $pid"; exit 1; }
		kill -TERM $pid || exit 1
		status=0
		wait $pid || status=$?
		test $status -ne 0 &&
		ls -A early >actual &&
		test_must_be_empty out &&
		test_must_be_empty actual || { echo "attempt $attempt, import $pid"; exit 1; }
	done
'

test_done
