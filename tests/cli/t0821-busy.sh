#!/usr/bin/env bash
# A lock held past the busy timeout: commands say the database is busy (not
# that it is no impactlog database), give up within IMPACTLOG_BUSY_TIMEOUT,
# write nothing, and work once the lock is gone; readers pass a writer's
# reserved lock; and the default wait outlasts a short lock.

. "$(dirname "$0")/../lib.sh"

unset IMPACTLOG_BUSY_TIMEOUT

BUSY="database 'lock.db' is busy (another impactlog command is writing); try again"

titles () {
	sqlite3 lock.db "SELECT id || ': ' || title FROM achievement ORDER BY id"
}

# unreadable DB / unwritable DB: another connection may not read DB (an
# exclusive lock), or may not start writing it (a reserved lock or more).
unreadable () {
	! sqlite3 -cmd ".timeout 0" "$1" "SELECT 1 FROM sqlite_schema" >/dev/null 2>probe.err &&
	grep -q "database is locked" probe.err
}
unwritable () {
	! sqlite3 -cmd ".timeout 0" "$1" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>probe.err &&
	grep -q "database is locked" probe.err
}

# hold SQL PROBE: a sqlite3 process runs SQL on lock.db and keeps its
# transaction open until release; returns once PROBE says the lock is held.
hold () {
	rm -f holder.in && mkfifo holder.in || return 1
	# Its own timeout: the probe may hold a read lock for a moment.
	sqlite3 -cmd ".timeout 10000" lock.db <holder.in >holder.out 2>holder.err &
	holder=$!
	exec 8>holder.in &&
	echo "$1" >&8 &&
	wait_for "sqlite3 to lock lock.db" "$2" lock.db || {
		echo "the holder said:" >&3
		cat holder.err >&3
		return 1
	}
}

# release [COMMIT|ROLLBACK]: ends the holder's transaction and the holder.
release () {
	echo "${1:-COMMIT};" >&8 &&
	exec 8>&- &&
	wait $holder &&
	test_must_be_empty holder.err
}

# refused_busy CMD...: CMD gives up on lock.db within 3 s: exit 1, nothing
# on stdout, and the one line saying the database is busy.  Leaves how long
# it took in $took_ms.  A command that never gives up is stopped after 30 s
# (status 124), so that the test fails instead of hanging.
refused_busy () {
	local start=${EPOCHREALTIME/./}

	test_must_fail --exit=1 timeout 30 "$@" >busy.out 2>busy.err || return 1
	took_ms=$(( (${EPOCHREALTIME/./} - start) / 1000 ))
	if test $took_ms -ge 3000; then
		echo "took $took_ms ms to give up, not under 3 s: $*" >&3
		return 1
	fi
	test_must_be_empty busy.out &&
	echo "impactlog: $BUSY" >busy.expect &&
	test_cmp busy.expect busy.err
}

test_expect_success 'setup: a database of two achievements' '
	impactlog --db lock.db add user-growth first --org A >/dev/null &&
	impactlog --db lock.db add enabled-scale second --value 5 --unit rps >/dev/null &&
	db_snapshot setup.dump lock.db &&
	impactlog --db lock.db list >setup.list &&
	test "$(wc -l <setup.list)" -ge 2
'

test_expect_success 'an exclusive lock past the timeout: list says busy, at once' '
	reap_on_exit &&
	export IMPACTLOG_BUSY_TIMEOUT=200 &&
	hold "BEGIN EXCLUSIVE;" unreadable &&
	refused_busy impactlog --db lock.db list &&
	release
'

test_expect_success 'an exclusive lock past the timeout: add says busy, at once' '
	reap_on_exit &&
	export IMPACTLOG_BUSY_TIMEOUT=200 &&
	hold "BEGIN EXCLUSIVE;" unreadable &&
	refused_busy impactlog --db lock.db add user-growth x &&
	release
'

test_expect_success 'an exclusive lock past the timeout: every other command says busy too' '
	reap_on_exit &&
	export IMPACTLOG_BUSY_TIMEOUT=200 &&
	printf "date,tag,title\n2026-03-01,user-growth,imported\n" >one.csv &&
	hold "BEGIN EXCLUSIVE;" unreadable &&
	for command in "show 1" export report "report --xlsx r.xlsx" check profile init \
		"edit 1 --title y" "rm 1" "restore 1" "import one.csv" "import --dry-run one.csv" \
		"backup b.db"; do
		refused_busy impactlog --db lock.db $command || { echo "for: $command"; exit 1; }
	done &&
	release &&
	test ! -e r.xlsx &&
	test ! -e b.db
'

test_expect_success 'IMPACTLOG_BUSY_TIMEOUT is how long a command waits before giving up' '
	reap_on_exit &&
	export IMPACTLOG_BUSY_TIMEOUT=1500 &&
	hold "BEGIN EXCLUSIVE;" unreadable &&
	refused_busy impactlog --db lock.db add user-growth "after 1.5 s" &&
	release &&
	if test $took_ms -lt 1500; then
		echo "gave up after $took_ms ms, before the 1500 ms asked for"
		exit 1
	fi
'

test_expect_success 'a reserved lock: add says busy and writes nothing' '
	reap_on_exit &&
	export IMPACTLOG_BUSY_TIMEOUT=200 &&
	hold "BEGIN IMMEDIATE; UPDATE achievement SET title = title || ${SQ} (held)${SQ};" unwritable &&
	db_snapshot before lock.db &&
	refused_busy impactlog --db lock.db add user-growth x &&
	db_snapshot after lock.db &&
	test_cmp before after &&
	release ROLLBACK
'

test_expect_success 'a reserved lock: list still works, and sees what was committed' '
	reap_on_exit &&
	export IMPACTLOG_BUSY_TIMEOUT=200 &&
	hold "BEGIN IMMEDIATE; UPDATE achievement SET title = title || ${SQ} (held)${SQ};" unwritable &&
	impactlog --db lock.db list >out 2>err &&
	release ROLLBACK &&
	test_cmp setup.list out &&
	test_must_be_empty err
'

test_expect_success 'the refused commands wrote nothing: the database is as it was' '
	db_snapshot now.dump lock.db &&
	test_cmp setup.dump now.dump &&
	impactlog --db lock.db check >out &&
	echo ok >expect &&
	test_cmp expect out
'

test_expect_success 'once the holder commits, add works and every row is as expected' '
	reap_on_exit &&
	export IMPACTLOG_BUSY_TIMEOUT=200 &&
	hold "BEGIN IMMEDIATE; UPDATE achievement SET title = title || ${SQ} (held)${SQ};" unwritable &&
	refused_busy impactlog --db lock.db add user-growth refused &&
	release COMMIT &&
	impactlog --db lock.db add user-growth after >out &&
	echo "added #3" >expect &&
	test_cmp expect out &&
	printf "1: first (held)\n2: second (held)\n3: after\n" >expect &&
	titles >actual &&
	test_cmp expect actual &&
	test "$(sqlite3 lock.db "SELECT count(*) FROM achievement_org")" -eq 1 &&
	impactlog --db lock.db check
'

test_expect_success 'by default a writer outwaits a lock of a second, then succeeds' '
	reap_on_exit
	before=$(sqlite3 lock.db "SELECT count(*) FROM achievement") &&
	hold "BEGIN EXCLUSIVE;" unreadable || exit 1
	timeout 30 impactlog --db lock.db add user-growth waited >out 2>err &
	adder=$!
	sleep 1 &&
	if ! kill -0 $adder 2>/dev/null; then
		echo "add did not wait for the lock:"
		cat out err
		exit 1
	fi &&
	release &&
	status=0 &&
	{ wait $adder || status=$?; } &&
	test $status -eq 0 &&
	grep -qx "added #[0-9]*" out &&
	test_must_be_empty err &&
	test "$(sqlite3 lock.db "SELECT count(*) FROM achievement")" -eq $((before + 1)) &&
	test "$(titles | tail -n 1)" = "$(sed "s/^added #//" out): waited"
'

test_done
