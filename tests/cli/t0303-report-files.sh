#!/usr/bin/env bash
# report -o FILE and --xlsx [FILE]: files appear whole or not at all, and
# --xlsx alone names the file after the cycle and prints its path.

. "$(dirname "$0")/../lib.sh"
. "$TEST_DATA/report-fixture.sh"

# listing FILE: the current folder's entries, hidden ones (a temporary
# file) included, but not the test's own scratch files.
listing () {
	ls -A | grep -v -e '^refused\.' -e '\.list$' >"$1"
}

test_expect_success 'fixture' '
	report_fixture >/dev/null &&
	mkdir work
'

test_expect_success '-o FILE writes the text report, silently' '
	(cd work && impactlog report --cycle 2026-H1 -o packet.txt >out) &&
	test_must_be_empty work/out &&
	test_cmp "$TEST_DATA/report-text.golden" work/packet.txt &&
	rm work/out
'

test_expect_success '--output=FILE --md writes Markdown' '
	(cd work && impactlog report --cycle 2026-H1 --md --output=packet.md) &&
	test_cmp "$TEST_DATA/report-md.golden" work/packet.md
'

test_expect_success '-o replaces an existing file, with no colour even on a terminal' '
	echo old >work/packet.txt &&
	(cd work && unset NO_COLOR && script -qec "impactlog report --cycle 2026-H1 -o packet.txt" /dev/null) &&
	test_cmp "$TEST_DATA/report-text.golden" work/packet.txt
'

test_expect_success '--xlsx alone writes impactlog-CYCLE.xlsx and prints its path' '
	(cd work && impactlog report --cycle 2026-h1 --xlsx >../out.list) &&
	echo impactlog-2026-H1.xlsx >expect.list &&
	test_cmp expect.list out.list &&
	test "$(head -c 2 work/impactlog-2026-H1.xlsx)" = PK
'

test_expect_success '--xlsx alone without a cycle writes impactlog-all.xlsx' '
	(cd work && impactlog report --since 2026-01-01 --xlsx >../out.list) &&
	echo impactlog-all.xlsx >expect.list &&
	test_cmp expect.list out.list &&
	test "$(head -c 2 work/impactlog-all.xlsx)" = PK
'

test_expect_success '--xlsx FILE, --xlsx=FILE and -o FILE name the workbook' '
	(cd work &&
	 impactlog report --xlsx a.xlsx --cycle 2026-H1 >out-a &&
	 impactlog report --xlsx=b.xlsx >out-b &&
	 impactlog report --xlsx -o c.xlsx >out-c) &&
	test_must_be_empty work/out-a &&
	test_must_be_empty work/out-b &&
	test_must_be_empty work/out-c &&
	test "$(head -c 2 work/a.xlsx)" = PK &&
	test "$(head -c 2 work/b.xlsx)" = PK &&
	test "$(head -c 2 work/c.xlsx)" = PK &&
	rm work/out-?
'

test_expect_success 'two different output files are refused' '
	test_refused 2 "report: two output files (${SQ}a.xlsx${SQ} and ${SQ}b.xlsx${SQ}); give one" \
		impactlog report --xlsx a.xlsx -o b.xlsx &&
	test_refused 2 "report: the output file name must not be empty" impactlog report -o ""
'

test_expect_success '-o into a missing folder: exit 1, one line, no file' '
	listing before.list &&
	for format in --text --md --xlsx; do
		test_refused 1 "cannot write ${SQ}missing/packet${SQ}: No such file or directory" \
			impactlog report $format -o missing/packet || return 1
	done &&
	listing after.list &&
	test_cmp before.list after.list &&
	! test -e missing
'

test_expect_success SANITY 'an unwritable folder leaves no file, not even a temporary one' '
	mkdir locked &&
	chmod 555 locked &&
	for format in --text --md --xlsx; do
		test_must_fail --exit=1 impactlog report $format -o locked/packet \
			2>err || return 1
		test "$(wc -l <err)" -eq 1 || return 1
	done &&
	test -z "$(ls -A locked)" &&
	chmod 755 locked &&
	rmdir locked
'

test_expect_success 'a path through a file is refused with one line' '
	test_must_fail --exit=1 impactlog report -o /dev/null/packet 2>err &&
	test "$(wc -l <err)" -eq 1 &&
	grep "^impactlog: cannot write ${SQ}/dev/null/packet${SQ}: Not a directory$" err
'

test_expect_success 'a report changes nothing in the database' '
	db_snapshot before &&
	impactlog report --cycle 2026-H1 >/dev/null &&
	impactlog report --cycle 2026-H1 --xlsx work/d.xlsx &&
	db_snapshot after &&
	test_cmp before after &&
	rm before after
'

test_done
