#!/usr/bin/env bash
# Committed means success: a write command whose change is saved exits 0
# even when its confirmation cannot be printed (saying so on stderr), so a
# script that retries on failure never adds the same twice.  Read commands
# still fail when their output is lost.

. "$(dirname "$0")/../lib.sh"

warning="impactlog: warning: the change is saved, but its confirmation could not be written to standard output: No space left on device"

# saved CMD...: CMD exits 0 with its output to /dev/full, and says so.
saved () {
	"$@" >/dev/full 2>err &&
	echo "$warning" >expect &&
	test_cmp expect err
}

count () {
	sqlite3 "$IMPACTLOG_DB" "SELECT count(*) FROM achievement WHERE deleted_at IS NULL"
}

test_expect_success 'add > /dev/full adds once and exits 0' '
	saved impactlog add prevented-loss "Caught the cert expiry" &&
	test "$(count)" = 1
'

test_expect_success 'a retry loop on add > /dev/full adds exactly once' '
	tries=0 &&
	until impactlog add user-growth "Referral relaunch" >/dev/full 2>/dev/null; do
		tries=$((tries + 1)) &&
		test $tries -lt 3 || break
	done &&
	test $tries = 0 &&
	test "$(count)" = 2
'

test_expect_success 'edit, rm, restore, profile, init and import say the same' '
	saved impactlog edit 1 --share 50 &&
	test "$(sqlite3 "$IMPACTLOG_DB" "SELECT share FROM achievement WHERE id = 1")" = 50.0 &&
	saved impactlog rm 2 &&
	test "$(count)" = 1 &&
	saved impactlog restore 2 &&
	test "$(count)" = 2 &&
	saved impactlog profile --name "A TPM" &&
	test "$(sqlite3 "$IMPACTLOG_DB" "SELECT name FROM profile")" = "A TPM" &&
	saved impactlog init &&
	printf "date,tag,title\n2026-01-05,user-growth,Imported\n" >in.csv &&
	saved impactlog import in.csv &&
	test "$(count)" = 3 &&
	saved impactlog --db new.db import in.csv &&
	test "$(sqlite3 new.db "SELECT count(*) FROM achievement")" = 1
'

test_expect_success 'backup > /dev/full leaves the backup and exits 0' '
	saved impactlog backup copy.db &&
	test "$(sqlite3 copy.db "SELECT count(*) FROM achievement")" = 3
'

test_expect_success 'a dry run, and every read command, still fail on a lost output' '
	snapshot () { db_snapshot "$1"; } &&
	snapshot before &&
	for command in "import --dry-run in.csv" "list" "show 1" "profile" "report" "export" \
		"check"; do
		test_must_fail --exit=1 impactlog $command >/dev/full 2>err || return 1
		echo "impactlog: write failure on standard output: No space left on device" >expect &&
		test_cmp expect err || return 1
	done &&
	snapshot after &&
	test_cmp before after
'

test_expect_success 'a refused write still fails, with its own one line' '
	test_refused 2 "--share: ${SQ}140${SQ} is not a percentage from 0 to 100" \
		impactlog add prevented-loss "Blocked a bad deploy" --share 140
'

test_done
