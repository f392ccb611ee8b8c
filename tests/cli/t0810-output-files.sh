#!/usr/bin/env bash
# Output files (report -o, report --xlsx, export, backup): a device or a
# FIFO is written to and never replaced, a replaced file keeps its mode,
# "-" is standard output, a symbolic link is followed, and an existing
# export or backup is only replaced with --force.

. "$(dirname "$0")/../lib.sh"

# kind FILE: what FILE is, as stat names it ("character special file").
kind () {
	stat -c %F "$1"
}

test_expect_success 'fixture' '
	impactlog add prevented-loss "Caught the cert expiry" --value 400k --share 50 >/dev/null &&
	impactlog add enabled-scale "Sharded the queue" --value 50000 --baseline 10000 \
		--unit rps >/dev/null &&
	impactlog report >report.txt &&
	impactlog report --md >report.md &&
	impactlog export >export.csv &&
	impactlog report --xlsx workbook.xlsx &&
	mkdir dev &&
	mknod dev/null c 1 3 &&
	mknod dev/full c 1 7
'

test_expect_success 'a null device is written to, and stays a device' '
	impactlog report -o dev/null &&
	impactlog report --md -o dev/null &&
	impactlog report --xlsx dev/null &&
	impactlog export dev/null &&
	impactlog backup dev/null >out &&
	echo "backed up $IMPACTLOG_DB to dev/null" >expect &&
	test_cmp expect out &&
	test "$(kind dev/null)" = "character special file" &&
	test "$(stat -c %t,%T dev/null)" = 1,3 &&
	test "$(ls -A dev)" = "$(printf "full\nnull")"
'

test_expect_success 'a full device fails each writer in one line, and stays a device' '
	for command in "report -o" "report --md -o" "report --xlsx" "export" "backup"; do
		test_refused 1 "cannot write ${SQ}dev/full${SQ}: No space left on device" \
			impactlog $command dev/full || return 1
	done &&
	test "$(kind dev/full)" = "character special file" &&
	test "$(ls -A dev)" = "$(printf "full\nnull")"
'

test_expect_success 'a FIFO is written to, and stays a FIFO' '
	mkfifo pipe &&
	for format in text md csv xlsx; do
		timeout 20 cat pipe >got.$format &
		reader=$!
		case $format in
		text) impactlog report -o pipe ;;
		md) impactlog report --md -o pipe ;;
		csv) impactlog export pipe ;;
		xlsx) impactlog report --xlsx pipe ;;
		esac || return 1
		wait $reader || return 1
		test "$(kind pipe)" = fifo || return 1
	done &&
	test_cmp report.txt got.text &&
	test_cmp report.md got.md &&
	test_cmp export.csv got.csv &&
	cmp workbook.xlsx got.xlsx
'

test_expect_success 'a backup through a FIFO is a whole database' '
	timeout 20 cat pipe >got.db &
	impactlog backup pipe >/dev/null &&
	wait $! &&
	test "$(kind pipe)" = fifo &&
	test "$(sqlite3 got.db "PRAGMA integrity_check")" = ok &&
	test "$(sqlite3 got.db "SELECT count(*) FROM achievement")" = 2
'

test_expect_success 'a replaced report keeps a private mode, in every format' '
	for format in "" --md --xlsx; do
		echo old >private &&
		chmod 600 private &&
		impactlog report $format -o private &&
		test "$(stat -c %a private)" = 600 &&
		! grep -qx old private || return 1
	done &&
	test_cmp report.md <(impactlog report --md) &&
	echo old >shared &&
	chmod 664 shared &&
	impactlog report -o shared &&
	test "$(stat -c %a shared)" = 664 &&
	test_cmp report.txt shared
'

test_expect_success 'a replaced export or backup keeps its mode; a new backup is private' '
	echo old >private.csv &&
	chmod 600 private.csv &&
	impactlog export --force private.csv &&
	test "$(stat -c %a private.csv)" = 600 &&
	test_cmp export.csv private.csv &&
	echo old >open.db &&
	chmod 644 open.db &&
	impactlog backup --force open.db >/dev/null &&
	test "$(stat -c %a open.db)" = 644 &&
	impactlog backup new.db >/dev/null &&
	test "$(stat -c %a new.db)" = 600 &&
	test "$(sqlite3 new.db "SELECT count(*) FROM achievement")" = 2
'

test_expect_success 'a new report or export follows the umask' '
	(umask 077 && impactlog report -o umask.txt && impactlog export umask.csv) &&
	test "$(stat -c %a umask.txt)" = 600 &&
	test "$(stat -c %a umask.csv)" = 600 &&
	impactlog report -o default.txt &&
	test "$(stat -c %a default.txt)" = 644
'

test_expect_success 'export and backup refuse an existing file without --force' '
	echo keep >exists &&
	test_refused 1 "${SQ}exists${SQ} already exists (use --force to replace it)" \
		impactlog export exists &&
	test_refused 1 "${SQ}exists${SQ} already exists (use --force to replace it)" \
		impactlog backup exists &&
	echo keep >expect &&
	test_cmp expect exists
'

test_expect_success '-o - is standard output for text and Markdown' '
	impactlog report -o - >out &&
	test_cmp report.txt out &&
	impactlog report --md -o - >out &&
	test_cmp report.md out &&
	impactlog export - >out &&
	test_cmp export.csv out &&
	test ! -e ./-
'

test_expect_success 'a workbook or a backup goes to standard output through a pipe' '
	impactlog report --xlsx -o - | cat >out.xlsx &&
	cmp workbook.xlsx out.xlsx &&
	impactlog backup - | cat >out.db &&
	test "$(sqlite3 out.db "SELECT count(*) FROM achievement")" = 2 &&
	test ! -e ./-
'

test_expect_success 'a workbook or a backup is never written to a terminal' '
	script -qec "impactlog report --xlsx -o -; echo status \$?" /dev/null >out &&
	grep -q "^impactlog: standard output is a terminal; give a file name, or send the output to a pipe or a file" out &&
	grep -q "^status 1" out &&
	! grep -q PK out &&
	script -qec "impactlog backup -; echo status \$?" /dev/null >out &&
	grep -q "^impactlog: standard output is a terminal" out &&
	grep -q "^status 1" out
'

test_expect_success 'a symbolic link is followed: the file it names is replaced' '
	echo old >real.txt &&
	ln -s real.txt link.txt &&
	impactlog report -o link.txt &&
	test -L link.txt &&
	test_cmp report.txt real.txt &&
	ln -s missing.txt dangling.txt &&
	impactlog report -o dangling.txt &&
	test -L dangling.txt &&
	test_cmp report.txt missing.txt
'

test_expect_success 'an earlier version'"'"'s temporary file goes once ten minutes old' '
	mkdir old &&
	: >old/.impactlog-AbC123 &&
	touch -d "11 minutes ago" old/.impactlog-AbC123 &&
	: >old/.impactlog-XyZ789 &&
	impactlog report -o old/report.txt &&
	test "$(ls -A old)" = "$(printf ".impactlog-XyZ789\nreport.txt")"
'

test_expect_success 'a folder, a missing folder or a file as a folder is refused' '
	mkdir folder &&
	test_refused 1 "${SQ}folder${SQ} is a folder; name a file to write" \
		impactlog report -o folder &&
	test_refused 1 "cannot write ${SQ}nowhere/x.csv${SQ}: No such file or directory" \
		impactlog export nowhere/x.csv &&
	test_refused 1 "cannot write ${SQ}report.txt/x${SQ}: Not a directory" \
		impactlog report --xlsx report.txt/x &&
	test ! -e nowhere
'

test_expect_success 'an unwritable folder is refused, and the file there is kept' '
	if test_have_prereq ROOT; then
		nobody () { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
	else
		nobody () { "$@"; }
	fi &&
	mkdir locked &&
	echo keep >locked/report.txt &&
	chmod 755 locked &&
	chmod 644 "$IMPACTLOG_DB" locked/report.txt &&
	chmod 755 "$TEST_ROOT" "$TRASH" &&
	test_must_fail --exit=1 nobody "$IMPACTLOG" report -o locked/report.txt 2>err &&
	chmod 600 "$IMPACTLOG_DB" &&
	grep -q "^impactlog: cannot write ${SQ}locked/report.txt${SQ}: Permission denied$" err &&
	test "$(wc -l <err)" -eq 1 &&
	echo keep >expect &&
	test_cmp expect locked/report.txt &&
	test "$(ls -A locked)" = report.txt
'

test_done
