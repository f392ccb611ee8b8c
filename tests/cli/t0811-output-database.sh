#!/usr/bin/env bash
# The database is never an output: report -o, report --xlsx, export and
# backup refuse the database and its -journal, -wal and -shm files however
# the path names them (as given, ./, absolute, a symbolic link, a hard
# link), with exit 2 and one line, before anything is written.

. "$(dirname "$0")/../lib.sh"

# The writers, each taking the output path last.
writers=("report -o" "report --md -o" "report --xlsx" "report --xlsx -o" "export"
	"export --force" "backup" "backup --force")

# refused_everywhere PATH MESSAGE: every writer refuses PATH with MESSAGE,
# and the database file keeps its every byte.
refused_everywhere () {
	local path=$1 message=$2 writer

	cp "$IMPACTLOG_DB" db.copy &&
	for writer in "${writers[@]}"; do
		test_refused 2 "${writer%% *}: $message" impactlog $writer "$path" || return 1
		cmp "$IMPACTLOG_DB" db.copy || return 1
	done
}

# A relative database path, so that the names below differ from it.
export IMPACTLOG_DB=log.db

test_expect_success 'fixture' '
	impactlog add prevented-loss "Caught the cert expiry" --value 400k >/dev/null &&
	impactlog add user-growth "Self-serve onboarding" --value 42k >/dev/null &&
	ln -s log.db link.db &&
	ln log.db hard.db &&
	mkdir sub
'

test_expect_success 'the database path as given' '
	refused_everywhere log.db "${SQ}log.db${SQ} is the database; choose another output file"
'

test_expect_success 'the database path through ./ and from a subfolder' '
	refused_everywhere ./log.db \
		"${SQ}./log.db${SQ} is the database ${SQ}log.db${SQ}; choose another output file" &&
	(cd sub && IMPACTLOG_DB=../log.db &&
	 refused_everywhere ../sub/../log.db \
		"${SQ}../sub/../log.db${SQ} is the database ${SQ}../log.db${SQ}; choose another output file")
'

test_expect_success 'the absolute path' '
	refused_everywhere "$TRASH/log.db" \
		"${SQ}$TRASH/log.db${SQ} is the database ${SQ}log.db${SQ}; choose another output file"
'

test_expect_success 'a symbolic link to the database' '
	refused_everywhere link.db \
		"${SQ}link.db${SQ} is the database ${SQ}log.db${SQ}; choose another output file" &&
	test -L link.db
'

test_expect_success 'a hard link to the database' '
	refused_everywhere hard.db \
		"${SQ}hard.db${SQ} is the database ${SQ}log.db${SQ}; choose another output file" &&
	test "$(stat -c %h log.db)" = 2
'

test_expect_success 'the database given by --db, and named the same way' '
	(unset IMPACTLOG_DB &&
	 test_refused 2 "report: ${SQ}log.db${SQ} is the database; choose another output file" \
		impactlog --db log.db report -o log.db &&
	 test_refused 2 "export: ${SQ}link.db${SQ} is the database ${SQ}log.db${SQ}; choose another output file" \
		impactlog export --db log.db link.db)
'

test_expect_success 'the journal, WAL and shared-memory files, present or not' '
	for suffix in -journal -wal -shm; do
		refused_everywhere log.db$suffix \
			"${SQ}log.db$suffix${SQ} is a file of the database ${SQ}log.db${SQ}; choose another output file" &&
		test ! -e log.db$suffix || return 1
	done &&
	ln -s log.db-journal journal.link &&
	refused_everywhere journal.link \
		"${SQ}journal.link${SQ} is a file of the database ${SQ}log.db${SQ}; choose another output file" &&
	test ! -e log.db-journal
'

test_expect_success 'the refusal comes before the database is even needed' '
	test_refused 2 "export: ${SQ}gone.db${SQ} is the database; choose another output file" \
		impactlog --db gone.db export gone.db &&
	test ! -e gone.db
'

test_expect_success 'standard output appended to the database is refused too' '
	cp log.db db.copy &&
	for writer in "export" "report" "report --md" "report --xlsx -o -" "backup -"; do
		test_must_fail --exit=2 impactlog $writer >>log.db 2>err || return 1
		echo "impactlog: ${writer%% *}: standard output is the database ${SQ}log.db${SQ}; choose another output file" >expect &&
		test_cmp expect err &&
		cmp log.db db.copy || return 1
	done
'

test_expect_success 'a name that only resembles the database is written' '
	impactlog report -o log.db.txt &&
	impactlog export log.db-journal.csv &&
	impactlog report --xlsx sub/log.db &&
	test -s log.db.txt &&
	test -s log.db-journal.csv &&
	test "$(head -c 2 sub/log.db)" = PK
'

test_done
