#!/usr/bin/env bash
# rm ID... and restore ID...: to the trash and back, all or nothing.

. "$(dirname "$0")/../lib.sh"

# live, trashed: the ids in and out of the trash, one a line.
live () {
	sqlite3 "$IMPACTLOG_DB" "SELECT id FROM achievement WHERE deleted_at IS NULL ORDER BY id"
}

trashed () {
	sqlite3 "$IMPACTLOG_DB" "SELECT id FROM achievement WHERE deleted_at IS NOT NULL ORDER BY id"
}

test_expect_success 'setup' '
	impactlog add prevented-loss "One" --value 10k --org Payments --note "first" >/dev/null &&
	impactlog add enabled-scale "Two" --value 3 --unit teams >/dev/null &&
	impactlog add user-growth "Three" --witness SRE >/dev/null &&
	impactlog add user-growth "Four" >/dev/null &&
	db_snapshot original
'

test_expect_success 'rm moves to the trash and says how to undo' '
	impactlog rm 1 >actual &&
	echo "moved #1 to the trash (undo: impactlog restore 1)" >expect &&
	test_cmp expect actual &&
	echo 1 >expect &&
	trashed >actual &&
	test_cmp expect actual
'

test_expect_success 'the trash is hidden from list and shown by list --deleted' '
	impactlog list --format csv >out &&
	! grep -q ",One," out &&
	impactlog list --deleted --format csv >out &&
	grep -q ",One," out &&
	test "$(wc -l <out)" = 2 &&
	impactlog list --deleted --search payments --format csv >out &&
	grep -q ",One," out &&
	impactlog list --search payments --format csv >out &&
	test "$(wc -l <out)" = 1
'

test_expect_success 'restore brings it back exactly as it was' '
	impactlog restore 1 >actual &&
	echo "restored #1" >expect &&
	test_cmp expect actual &&
	db_snapshot now &&
	test_cmp original now
'

test_expect_success 'several ids at once, #N accepted, each named once' '
	impactlog rm 3 "#2" 3 >actual &&
	cat >expect <<-\EOF &&
	moved #3 to the trash (undo: impactlog restore 3)
	moved #2 to the trash (undo: impactlog restore 2)
	EOF
	test_cmp expect actual &&
	printf "2\n3\n" >expect &&
	trashed >actual &&
	test_cmp expect actual &&
	impactlog restore 2 3 >actual &&
	printf "restored #2\nrestored #3\n" >expect &&
	test_cmp expect actual &&
	db_snapshot now &&
	test_cmp original now
'

test_expect_success 'rm with an unknown id moves nothing' '
	test_refused 1 "no achievement #99" impactlog rm 1 2 99 &&
	test_refused 1 "no achievement #99" impactlog rm 99 1 &&
	trashed >actual &&
	test_must_be_empty actual
'

test_expect_success 'rm of an id already in the trash moves nothing' '
	impactlog rm 4 >/dev/null &&
	test_refused 1 "#4 is already in the trash" impactlog rm 1 4 &&
	echo 4 >expect &&
	trashed >actual &&
	test_cmp expect actual
'

test_expect_success 'restore with an unknown id, or one not in the trash, restores nothing' '
	test_refused 1 "no achievement #99" impactlog restore 4 99 &&
	test_refused 1 "#1 is not in the trash" impactlog restore 4 1 &&
	echo 4 >expect &&
	trashed >actual &&
	test_cmp expect actual &&
	impactlog restore 4 >/dev/null
'

test_expect_success 'a non-numeric id: exit 2, nothing moves' '
	for id in abc 0 -3 1.5 "#" ""; do
		test_refused 2 "rm: ${SQ}$id${SQ} is not an id (a number such as 12 or #12)" \
			impactlog rm 1 -- "$id" &&
		test_refused 2 "restore: ${SQ}$id${SQ} is not an id (a number such as 12 or #12)" \
			impactlog restore -- "$id" || exit 1
	done &&
	trashed >actual &&
	test_must_be_empty actual
'

test_expect_success 'no id, or an option: exit 2' '
	test_refused 2 "usage: impactlog rm ID... (see ${SQ}impactlog help rm${SQ})" impactlog rm &&
	test_refused 2 "usage: impactlog restore ID... (see ${SQ}impactlog help restore${SQ})" \
		impactlog restore &&
	test_refused 2 "rm: unknown option ${SQ}--force${SQ} (see ${SQ}impactlog help rm${SQ})" \
		impactlog rm --force 1
'

test_expect_success 'rm and restore on a missing database: exit 1, nothing created' '
	test_refused 1 "no database at $TRASH/absent.db (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
		impactlog --db "$TRASH/absent.db" rm 1 &&
	test_refused 1 "no database at $TRASH/absent.db (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
		impactlog --db "$TRASH/absent.db" restore 1 &&
	! test -e absent.db
'

test_expect_success 'the trash keeps everything; ids are never reused' '
	impactlog rm 1 2 3 4 >/dev/null &&
	impactlog add user-growth "Five" >out &&
	echo "added #5" >expect &&
	test_cmp expect out &&
	impactlog restore 1 2 3 4 >/dev/null &&
	live >actual &&
	printf "%s\n" 1 2 3 4 5 >expect &&
	test_cmp expect actual
'

test_done
