#!/usr/bin/env bash
# Where the database lives, how it is created, and which files are refused.

. "$(dirname "$0")/../lib.sh"

# mode FILE: the permission bits, as 600.
mode () {
	stat -c %a "$1"
}

test_expect_success 'IMPACTLOG_DB names the database' '
	impactlog add user-growth "Launch" >out &&
	echo "added #1" >expect &&
	test_cmp expect out &&
	test -f "$IMPACTLOG_DB"
'

test_expect_success '--db before the command beats IMPACTLOG_DB' '
	impactlog --db before.db add user-growth "Before" >/dev/null &&
	impactlog --db before.db list --format csv >out &&
	grep -q ",Before," out &&
	! grep -q ",Launch," out &&
	impactlog list --format csv >out &&
	! grep -q ",Before," out
'

test_expect_success '--db after the command, and --db=PATH' '
	impactlog add user-growth "After" --db after.db >/dev/null &&
	impactlog list --db=after.db --format csv >out &&
	grep -q ",After," out &&
	impactlog --db=after.db show 1 >out &&
	grep -q "^title: *After$" out
'

test_expect_success 'the last --db wins' '
	impactlog --db before.db list --db after.db --format csv >out &&
	grep -q ",After," out
'

test_expect_success 'an empty --db is refused' '
	test_refused 2 "--db: the database path must not be empty" impactlog --db "" list &&
	test_refused 2 "--db: the database path must not be empty" impactlog list --db=
'

test_expect_success 'XDG_DATA_HOME when IMPACTLOG_DB is unset' '
	(
		unset IMPACTLOG_DB &&
		export XDG_DATA_HOME="$TRASH/xdg" &&
		impactlog add user-growth "In XDG" >/dev/null &&
		test -f "$TRASH/xdg/impactlog/impactlog.db" &&
		impactlog list --format csv >out &&
		grep -q ",In XDG," out
	)
'

test_expect_success 'IMPACTLOG_DB beats XDG_DATA_HOME' '
	(
		export XDG_DATA_HOME="$TRASH/xdg2" &&
		impactlog list --format csv >out &&
		grep -q ",Launch," out &&
		! test -e "$TRASH/xdg2"
	)
'

test_expect_success 'HOME when neither is set; a relative XDG_DATA_HOME is ignored' '
	(
		unset IMPACTLOG_DB &&
		export XDG_DATA_HOME=relative/xdg &&
		impactlog add user-growth "In HOME" >/dev/null &&
		test -f "$HOME/.local/share/impactlog/impactlog.db" &&
		! test -e relative &&
		unset XDG_DATA_HOME &&
		impactlog list --format csv >out &&
		grep -q ",In HOME," out
	)
'

test_expect_success 'no HOME, no XDG_DATA_HOME, no IMPACTLOG_DB: exit 1' '
	(
		unset IMPACTLOG_DB HOME &&
		test_refused 1 "no database location: set HOME, XDG_DATA_HOME or IMPACTLOG_DB, or pass --db PATH" \
			impactlog list
	)
'

test_expect_success 'new folders are 0700 and the file 0600, even with umask 000' '
	(
		umask 000 &&
		impactlog --db "$TRASH/private/deeper/log.db" init >/dev/null &&
		test "$(mode private)" = 700 &&
		test "$(mode private/deeper)" = 700 &&
		test "$(mode private/deeper/log.db)" = 600 &&
		impactlog --db "$TRASH/private/deeper/log.db" add user-growth "x" >/dev/null &&
		test "$(mode private/deeper/log.db)" = 600
	)
'

test_expect_success 'the XDG folder is made private too' '
	(
		umask 000 &&
		unset IMPACTLOG_DB &&
		export XDG_DATA_HOME="$TRASH/xdg-private" &&
		impactlog add enabled-scale "Sharded" --value 3 --unit shards >/dev/null &&
		test "$(mode xdg-private/impactlog)" = 700 &&
		test "$(mode xdg-private/impactlog/impactlog.db)" = 600
	)
'

test_expect_success 'no journal or WAL file is left behind' '
	impactlog --db quiet/q.db add user-growth "q" >/dev/null &&
	ls quiet >actual &&
	echo q.db >expect &&
	test_cmp expect actual
'

for read_command in "list" "show 1" "profile" "list --format json" "check"; do
	test_expect_success "read command '$read_command' on a missing database: exit 1, nothing created" '
		test_refused 1 "no database at $TRASH/none/missing.db (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
			impactlog --db "$TRASH/none/missing.db" '"$read_command"' &&
		! test -e "$TRASH/none"
	'
done

test_expect_success 'read commands on the default location create nothing either' '
	(
		unset IMPACTLOG_DB &&
		export HOME="$TRASH/fresh-home" &&
		mkdir "$HOME" &&
		test_refused 1 "no database at $HOME/.local/share/impactlog/impactlog.db (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
			impactlog list &&
		test -z "$(ls -A "$HOME")"
	)
'

test_expect_success 'a read command on an empty file writes nothing' '
	: >empty.db &&
	test_must_fail --exit=1 impactlog --db empty.db list 2>err &&
	test_must_be_empty empty.db &&
	test "$(wc -l <err)" -eq 1 &&
	grep -q "^impactlog: no database at empty.db (run " err
'

test_expect_success 'init turns an empty file into a database' '
	impactlog --db empty.db init >out &&
	test -s empty.db &&
	impactlog --db empty.db list >out &&
	test_must_be_empty out
'

test_expect_success 'a file that is not SQLite is refused untouched' '
	printf "name,title\nEngineer,Launch\n" >notes.csv &&
	cp notes.csv notes.orig &&
	for command in "list" "show 1" "init" "add user-growth x" "edit 1 --title y" "rm 1" "profile --name Engineer"; do
		test_refused 1 "${SQ}notes.csv${SQ} is not an impactlog database (file is not a database)" \
			impactlog --db notes.csv $command &&
		cmp notes.csv notes.orig || exit 1
	done
'

test_expect_success 'a foreign SQLite database is refused untouched' '
	sqlite3 foreign.db "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES (${SQ}soup${SQ})" &&
	cp foreign.db foreign.orig &&
	for command in "list" "init" "add user-growth x" "profile"; do
		test_refused 1 "${SQ}foreign.db${SQ} is an SQLite database but not an impactlog one" \
			impactlog --db foreign.db $command &&
		cmp foreign.db foreign.orig || exit 1
	done
'

test_expect_success 'a foreign database that uses user_version is refused untouched' '
	sqlite3 versioned.db "CREATE TABLE achievement_log (x); PRAGMA user_version = 1" &&
	cp versioned.db versioned.orig &&
	for command in "list" "init" "add user-growth x"; do
		test_refused 1 "${SQ}versioned.db${SQ} is an SQLite database but not an impactlog one" \
			impactlog --db versioned.db $command &&
		cmp versioned.db versioned.orig || exit 1
	done
'

test_expect_success 'a database newer than the program is refused untouched' '
	impactlog --db newer.db add user-growth "Launch" >/dev/null &&
	sqlite3 newer.db "PRAGMA user_version = 999" &&
	cp newer.db newer.orig &&
	for command in "list" "show 1" "init" "add user-growth x" "rm 1" "profile --name Engineer"; do
		test_must_fail --exit=1 impactlog --db newer.db $command >out 2>err &&
		test_must_be_empty out &&
		test "$(wc -l <err)" -eq 1 &&
		grep -Eq "^impactlog: database ${SQ}newer.db${SQ} has schema version 999, newer than this impactlog${SQ}s [0-9]+; upgrade impactlog$" err &&
		cmp newer.db newer.orig || exit 1
	done
'

test_expect_success 'a folder is not a database' '
	mkdir folder.db &&
	test_refused 1 "${SQ}folder.db${SQ} is a folder, not a database" impactlog --db folder.db list &&
	test_refused 1 "${SQ}folder.db${SQ} is a folder, not a database" impactlog --db folder.db init
'

test_expect_success 'init creates the database and records the schema version' '
	impactlog --db fresh.db init >out &&
	grep -Eq "^database ready at fresh.db \(schema version [1-9][0-9]*\)$" out &&
	version=$(sqlite3 fresh.db "PRAGMA user_version") &&
	test "$version" -ge 1 &&
	grep -q "(schema version $version)" out
'

test_expect_success 'init is idempotent' '
	impactlog --db fresh.db add user-growth "Kept" >/dev/null &&
	db_snapshot before fresh.db &&
	impactlog --db fresh.db init >out2 &&
	impactlog --db fresh.db init >out3 &&
	test_cmp out2 out3 &&
	db_snapshot after fresh.db &&
	test_cmp before after
'

test_expect_success 'a writer waits for another writer instead of failing' '
	impactlog --db busy.db init >/dev/null &&
	{ echo "BEGIN IMMEDIATE;"; sleep 2; echo "COMMIT;"; } | sqlite3 busy.db &
	sleep 0.5 &&
	impactlog --db busy.db add user-growth "Waited" >out &&
	wait &&
	echo "added #1" >expect &&
	test_cmp expect out
'

test_done
