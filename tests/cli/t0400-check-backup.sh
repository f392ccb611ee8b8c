#!/usr/bin/env bash
# check and backup: telling a healthy database from a damaged one, and
# copying a live one.

. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup' '
	impactlog add prevented-loss "Caught cert expiry" --value 400k --org Payments >/dev/null &&
	impactlog add user-growth "Onboarding revamp" --value 42k --witness "Growth PM" >/dev/null
'

test_expect_success 'check says ok on a healthy database' '
	impactlog check >out 2>err &&
	echo ok >expect &&
	test_cmp expect out &&
	test_must_be_empty err
'

test_expect_success 'check on a missing database exits 1 and creates nothing' '
	test_refused 1 "no database at $TRASH/none.db (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
		impactlog --db "$TRASH/none.db" check &&
	test ! -e none.db
'

test_expect_success 'check refuses a file that is not a database, in one line' '
	printf "name,score\nx,1\n" >notes.csv &&
	cp notes.csv notes.orig &&
	test_refused 1 "${SQ}notes.csv${SQ} is not an impactlog database (file is not a database)" \
		impactlog --db notes.csv check &&
	cmp notes.csv notes.orig
'

test_expect_success 'every command names a non-database file in one line, never crashes' '
	head -c 100000 /dev/urandom >junk.db &&
	for args in check list "show 1" "add user-growth x" "edit 1 --share 5" "rm 1" profile \
		"backup b.db"; do
		test_must_fail --exit=1 impactlog --db junk.db $args >out 2>err || exit 1
		test "$(wc -l <err)" -eq 1 || { cat err; exit 1; }
		grep -q "^impactlog: .junk.db. is not an impactlog database" err || { cat err; exit 1; }
	done &&
	test ! -e b.db
'

test_expect_success 'setup: a database of several pages' '
	impactlog --db big.db init >/dev/null &&
	for i in $(seq 300); do
		impactlog --db big.db add user-growth \
			"Growth experiment $i with a longer title to fill pages" \
			--value $i --org "Org $i" --note "note $i" >/dev/null || exit 1
	done
'

test_expect_success 'a damaged page makes check exit 1 with one line' '
	cp big.db damaged.db &&
	# Overwrite all of page 4 (4096-byte pages) with garbage.
	printf "%04096d" 0 | tr 0 "\377" | dd of=damaged.db bs=4096 seek=3 conv=notrunc 2>/dev/null &&
	test_must_fail --exit=1 impactlog --db damaged.db check >out 2>err &&
	test_must_be_empty out &&
	test "$(wc -l <err)" -eq 1 &&
	grep -Eq "^impactlog: (database .* failed its|.*malformed|.*not an impactlog)" err
'

# A report reads with two or three threads at once, and each may meet the
# damage: still one line between them.
test_expect_success 'a damaged page: every report works or fails in one line, leaving no file' '
	for page in $(seq 2 40); do
		cp big.db damaged.db &&
		printf "%04096d" 0 | tr 0 "\377" |
			dd of=damaged.db bs=4096 seek=$page conv=notrunc 2>/dev/null &&
		for format in text md xlsx; do
			rm -f report.$format &&
			if impactlog --db damaged.db report --$format -o report.$format 2>err; then
				test_must_be_empty err || exit 1
			else
				test "$(wc -l <err)" -eq 1 &&
				grep -Eq "^impactlog: database .*damaged.db.*: .*malformed" err &&
				! test -e report.$format || {
					echo "page $page, report $format:" && cat err && exit 1
				}
			fi
		done
	done
'

test_expect_success 'backup writes a private, consistent copy' '
	impactlog backup copy.db >out &&
	echo "backed up $IMPACTLOG_DB to copy.db" >expect &&
	test_cmp expect out &&
	test "$(stat -c %a copy.db)" = 600 &&
	impactlog --db copy.db check &&
	impactlog list --format csv >a.csv &&
	impactlog --db copy.db list --format csv >b.csv &&
	test_cmp a.csv b.csv
'

test_expect_success 'backup refuses to replace a file without --force' '
	echo precious >keep.db &&
	test_refused 1 "${SQ}keep.db${SQ} already exists (use --force to replace it)" impactlog backup keep.db &&
	echo precious >expect &&
	test_cmp expect keep.db
'

test_expect_success 'backup --force replaces it' '
	impactlog backup --force keep.db >/dev/null &&
	impactlog --db keep.db check
'

test_expect_success 'backup into a missing folder fails in one line and leaves nothing' '
	test_refused 1 "cannot write ${SQ}nowhere/copy.db${SQ}: No such file or directory" \
		impactlog backup nowhere/copy.db &&
	test ! -e nowhere
'

test_expect_success 'backup of a database being written is consistent' '
	cp big.db live.db || exit 1
	( for i in $(seq 40); do impactlog --db "$TRASH/live.db" add user-growth "live $i" >/dev/null; done ) &
	writer=$!
	for i in 1 2 3 4 5; do
		impactlog --db "$TRASH/live.db" backup --force snap.db >/dev/null &&
		impactlog --db "$TRASH/snap.db" check >/dev/null || exit 1
	done &&
	wait $writer &&
	impactlog --db "$TRASH/live.db" check
'

test_expect_success 'backup leaves no temporary file behind' '
	! ls -a | grep -q "^\.impactlog-"
'

test_done
