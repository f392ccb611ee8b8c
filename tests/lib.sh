# tests/lib.sh: a tiny harness for impactlog's command-line tests, after
# git's t/test-lib.sh.  A script sources it, runs test_expect_success once per
# check and ends with test_done.  Each script works in a fresh temporary
# folder (removed at exit) with its own database, home and clock, so scripts
# can run in parallel and never touch the user's real data.
#
#   test_expect_success [PREREQ] 'title' 'commands'
#                                            run commands (an && chain) in a
#                                            subshell; print "ok N - title",
#                                            or "ok N # skip title (missing
#                                            PREREQ)" without running them
#                                            when PREREQ is not met
#   test_when_finished 'commands'            in a test: run commands when it
#                                            ends, however it ends (the last
#                                            registered first); a failing
#                                            one fails the test.  It holds
#                                            the test's EXIT trap: a test
#                                            sets none of its own
#   test_must_fail [--exit=N] cmd...         cmd fails (with exit status N);
#                                            a crash or signal is no failure
#   test_cmp expect actual                   diff -u
#   test_must_be_empty FILE
#   db_snapshot FILE [DB]                    the database as SQL, or
#                                            "no database" when there is none
#   test_refused EXIT MESSAGE cmd...         cmd is refused: EXIT, nothing on
#                                            stdout, "impactlog: MESSAGE" as
#                                            the only line on stderr, and the
#                                            database left as it was
#   test_refused_like EXIT REGEX cmd...      the same, the line matching REGEX
#   wait_for WHAT cmd...                     poll cmd until it succeeds, for
#                                            at most 10 s
#   reap_on_exit                             in a test that starts background
#                                            jobs: kill and reap them when the
#                                            test ends, however it ends
#   test_done                                "N passed, N failed, N skipped";
#                                            exit 1 if anything failed
#
# Prerequisites, as in git: PREREQ names what a test needs that not every
# machine has, several joined with commas ("PYTHON3,SCRIPT"); "!NAME" wants
# NAME missing.  Each is checked once, when first asked for.
#   test_set_prereq NAME                     NAME is met from now on
#   test_lazy_prereq NAME 'commands'         NAME is met if commands succeed,
#                                            run once, in an empty folder
#   test_have_prereq PREREQ                  whether PREREQ is met, as in
#                                            "if test_have_prereq ROOT; ...";
#                                            test_missing_prereq says which
#                                            part is not
# Known ones: PYTHON3 (/usr/bin/python3), OPENPYXL (which it can import),
# SQLITE3, LIBREOFFICE (soffice), GNUMERIC (ssconvert), PDFINFO (poppler's
# pdfinfo and pdftotext), SCRIPT (util-linux script(1), to give a command
# a terminal), MAN, ROOT (id -u is 0), and
# SANITY (file modes are obeyed: a folder without write permission cannot
# be written, which is not so for root).
#
# Run one script by hand with
#   IMPACTLOG=build/impactlog bash tests/cli/t0010-add.sh

test_lib_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${IMPACTLOG:=$test_lib_dir/../build/impactlog}"
case "$IMPACTLOG" in
/*) ;;
*) IMPACTLOG=$PWD/$IMPACTLOG ;;
esac
if ! test -x "$IMPACTLOG"; then
	echo "error: no impactlog binary at $IMPACTLOG (build first, or set IMPACTLOG)" >&2
	exit 1
fi
export IMPACTLOG

# A fresh folder per script: bin/ puts "impactlog" on PATH, home/ stands in
# for $HOME, and the tests run in trash/, as git's do.
TEST_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/impactlog-test.XXXXXX") || exit 1
trap 'rm -rf "$TEST_ROOT"' EXIT
TRASH=$TEST_ROOT/trash
mkdir "$TEST_ROOT/bin" "$TEST_ROOT/home" "$TRASH" || exit 1
ln -s "$IMPACTLOG" "$TEST_ROOT/bin/impactlog" || exit 1
PATH=$TEST_ROOT/bin:$PATH
export TEST_ROOT TRASH PATH
export HOME=$TEST_ROOT/home
export IMPACTLOG_DB=$TRASH/impactlog.db
unset XDG_DATA_HOME EDITOR VISUAL
export TZ=UTC NO_COLOR=1 LC_ALL=C
# A fixed clock (2026-03-15 12:00 UTC) makes "today" and the default date
# predictable; a test that wants the real clock unsets it.
export SOURCE_DATE_EPOCH=1773576000
TODAY=2026-03-15
# For messages in single-quoted test bodies: "${SQ}x${SQ}" is 'x'.
SQ="'"
# Under the sanitizer build a finding must show as a crash (status 134),
# which test_must_fail refuses, not as an ordinary exit 1.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-abort_on_error=1:print_stacktrace=1}
umask 022
cd "$TRASH" || exit 1

test_count=0
test_failed=0
test_skipped=0

test_bug () {
	echo "bug in the test script: $*" >&2
	exit 1
}

# Prerequisites met and not met so far, each name between spaces.
test_prereq_met=" "
test_prereq_unmet=" "

test_prereq_name () {
	case "$1" in
	'' | *[!A-Z0-9_]*) test_bug "'$1' is not a prerequisite name (A-Z, 0-9, _)" ;;
	esac
}

test_set_prereq () {
	test_prereq_name "$1"
	test_prereq_unmet=${test_prereq_unmet/ $1 / }
	test_prereq_met="$test_prereq_met$1 "
}

test_lazy_prereq () {
	test_prereq_name "$1"
	eval "test_prereq_script_$1=\$2"
}

# Whether the one prerequisite NAME is met, checking it if never asked.
test_prereq_check () {
	local script

	case "$test_prereq_met" in *" $1 "*) return 0 ;; esac
	case "$test_prereq_unmet" in *" $1 "*) return 1 ;; esac
	eval "script=\${test_prereq_script_$1-}"
	# In a folder of its own outside trash/, so that no test sees it.
	mkdir -p "$TEST_ROOT/prereq-$1"
	if test -n "$script" &&
		(cd "$TEST_ROOT/prereq-$1" && eval "$script") >/dev/null 2>&1 </dev/null; then
		test_prereq_met="$test_prereq_met$1 "
	else
		test_prereq_unmet="$test_prereq_unmet$1 "
	fi
	chmod -R u+rwx "$TEST_ROOT/prereq-$1" && rm -rf "$TEST_ROOT/prereq-$1"
	case "$test_prereq_met" in *" $1 "*) return 0 ;; esac
	return 1
}

# Sets test_missing_prereq to the comma-separated part of PREREQ not met.
test_have_prereq () {
	local prereq name met

	test_missing_prereq=
	for prereq in ${1//,/ }; do
		name=${prereq#!}
		test_prereq_name "$name"
		if test_prereq_check "$name"; then met=true; else met=false; fi
		if test "$name" != "$prereq"; then
			if $met; then met=false; else met=true; fi
		fi
		$met || test_missing_prereq=${test_missing_prereq:+$test_missing_prereq,}$prereq
	done
	test -z "$test_missing_prereq"
}

test_lazy_prereq PYTHON3 'test -x /usr/bin/python3 && /usr/bin/python3 -c "import sys"'
test_lazy_prereq OPENPYXL 'test_have_prereq PYTHON3 && /usr/bin/python3 -c "import openpyxl"'
test_lazy_prereq SQLITE3 'command -v sqlite3'
test_lazy_prereq LIBREOFFICE 'command -v soffice'
test_lazy_prereq GNUMERIC 'command -v ssconvert'
test_lazy_prereq PDFINFO 'command -v pdfinfo && command -v pdftotext'
# The tests call script -qec COMMAND FILE, which BSD script(1) does not take.
test_lazy_prereq SCRIPT 'script --version | grep -q util-linux'
test_lazy_prereq MAN 'command -v man'
test_lazy_prereq ROOT 'test "$(id -u)" -eq 0'
test_lazy_prereq SANITY 'mkdir locked && chmod 555 locked && ! test -w locked'

# Runs what test_when_finished registered, from the EXIT trap of a test's
# subshell: whether its body ends, returns or exits.
test_run_cleanup () {
	test_status=$1
	trap - EXIT
	eval "$test_cleanup"
	exit "$test_status"
}

# As in git: each cleanup runs even if one before it failed, and the test
# fails if its body or any cleanup did.
test_when_finished () {
	test -n "${test_body_subshell-}" || test_bug "test_when_finished outside a test"
	if test "$test_body_subshell" != "$BASH_SUBSHELL"; then
		echo "bug in the test script: test_when_finished in a subshell does nothing" >&3
		return 1
	fi
	test_cleanup="{ $*
	} || test_status=\$?; $test_cleanup"
}

test_expect_success () {
	local prereq=

	test $# -eq 3 && { prereq=$1; shift; }
	test $# -eq 2 || test_bug "test_expect_success needs [PREREQ] a title and commands"
	test_count=$((test_count + 1))
	if test -n "$prereq" && ! test_have_prereq "$prereq"; then
		test_skipped=$((test_skipped + 1))
		echo "ok $test_count # skip $1 (missing $test_missing_prereq)"
		return
	fi
	# fd 3 carries the helpers' own complaints past a test's 2>err.
	if (
		test_cleanup=: test_body_subshell=$BASH_SUBSHELL
		trap 'test_run_cleanup $?' EXIT
		set -e
		eval "$2"
	) >"$TEST_ROOT/output" 2>&1 3>&1 </dev/null; then
		echo "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		echo "not ok $test_count - $1"
		sed 's/^/#	/' <<-EOF
		$2
		EOF
		sed 's/^/# > /' "$TEST_ROOT/output"
	fi
}

test_must_fail () {
	local want= status command

	case "$1" in
	--exit=*)
		want=${1#--exit=}
		shift
		;;
	esac
	"$@"
	status=$?
	command="$*"
	test ${#command} -le 200 || command="${command:0:200}..."
	if test $status -eq 0; then
		echo "test_must_fail: command succeeded: $command" >&3
		return 1
	elif test $status -gt 128; then
		echo "test_must_fail: died with status $status: $command" >&3
		return 1
	elif test -n "$want" && test $status -ne "$want"; then
		echo "test_must_fail: exit status $status, expected $want: $command" >&3
		return 1
	fi
	return 0
}

test_cmp () {
	diff -u "$@" >&3
}

test_must_be_empty () {
	if test -s "$1"; then
		echo "'$1' is not empty, it contains:" >&3
		cat "$1" >&3
		return 1
	fi
}

# The database as SQL text plus its schema version, so two snapshots are
# equal exactly when nothing was written.  Opened read-only: looking must
# not create or change anything.
db_snapshot () {
	local db=${2:-$IMPACTLOG_DB}

	if test -e "$db"; then
		sqlite3 -readonly "$db" .dump 'PRAGMA user_version' >"$1"
	else
		echo "no database" >"$1"
	fi
}

# The shared body of test_refused and test_refused_like.
test_refused_check () {
	local how=$1 code=$2 expected=$3

	shift 3
	db_snapshot refused.before &&
	test_must_fail --exit="$code" "$@" >refused.out 2>refused.err &&
	db_snapshot refused.after &&
	test_cmp refused.before refused.after &&
	test_must_be_empty refused.out || return 1
	if test "$(wc -l <refused.err)" -ne 1 || test -n "$(tail -c 1 refused.err)"; then
		echo "stderr is not exactly one line:" >&3
		cat refused.err >&3
		return 1
	fi
	if test "$how" = exact; then
		printf 'impactlog: %s\n' "$expected" >refused.expect &&
		test_cmp refused.expect refused.err
	elif ! grep -q '^impactlog: ' refused.err || ! grep -Eq -e "$expected" refused.err; then
		echo "stderr does not match /$expected/:" >&3
		cat refused.err >&3
		return 1
	fi
}

test_refused () {
	test_refused_check exact "$@"
}

test_refused_like () {
	test_refused_check like "$@"
}

# on_terminal COMMAND: runs the shell COMMAND with a terminal for its
# standard input and output (prerequisite SCRIPT); what it printed goes to
# tty.out, with the terminal's CRLF line ends made LF.
on_terminal () {
	local status

	script -qec "$1" /dev/null >tty.raw 2>&1 </dev/null
	status=$?
	tr -d "\r" <tty.raw >tty.out
	return $status
}

# widest FILE: the most terminal columns any line of FILE takes, wide
# characters and emoji (East Asian Wide) counting two, marks none; read
# by Python's unicodedata, independently of impactlog's own width table.
widest () {
	/usr/bin/python3 -c 'import sys, unicodedata
def width(line):
    w = 0
    for c in line:
        if unicodedata.combining(c) or c in "\u200b\u200d\ufe0f":
            continue
        w += 2 if unicodedata.east_asian_width(c) in "WF" else 1
    return w
print(max((width(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")), default=0))' "$1"
}

# LibreOffice recalculates an xlsx file on load only when told to: lo_profile
# makes a profile of its own that says "always", which lo_recalc FILE.xlsx...
# uses to recalculate each FILE into lo/FILE.xlsx, in one start of
# LibreOffice (each start costs seconds).
lo_profile () {
	mkdir -p "$TRASH/lo-profile/user" &&
	cat >"$TRASH/lo-profile/user/registrymodifications.xcu" <<-\EOF
	<?xml version="1.0" encoding="UTF-8"?>
	<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
	<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
	</oor:items>
	EOF
}

lo_recalc () {
	lo_profile &&
	HOME=$TEST_ROOT/home soffice -env:UserInstallation=file://$TRASH/lo-profile \
		--headless --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir lo "$@" \
		>lo.log 2>&1 &&
	for file in "$@"; do
		test -s "lo/$file" || { echo "LibreOffice wrote no lo/$file"; cat lo.log; return 1; }
	done
}

# wait_for WHAT CMD...: polls CMD until it succeeds, for at most 10 s.
wait_for () {
	local what=$1 i

	shift
	for i in $(seq 200); do
		"$@" 2>/dev/null && return 0
		sleep 0.05
	done
	echo "timed out after 10 s waiting for $what" >&3
	return 1
}

# A test that stops early kills and reaps what it started in the
# background: no process outlives its test, and the script never hangs.
reap_on_exit () {
	test_when_finished 'left=$(jobs -p); test -z "$left" || kill -9 $left 2>/dev/null; wait'
}

test_done () {
	echo "$((test_count - test_failed - test_skipped)) passed, $test_failed failed, $test_skipped skipped"
	test "$test_failed" -eq 0
	exit
}
