#!/usr/bin/env bash
# Signals while an output file is written: whatever the moment, SIGINT,
# SIGTERM, SIGHUP or SIGKILL during export, report --xlsx or backup leave
# the target folder with nothing or the whole file, never a part of it and
# never a temporary file.  With the named-temporary fallback, SIGTERM takes
# its .impactlog-PID-XXXXXX with it, kill -9 leaves it, and the next output
# into that folder removes it, though not a running process's.

. "$(dirname "$0")/../lib.sh"

# A background job of a non-interactive shell starts with SIGINT ignored,
# and impactlog keeps an ignored signal ignored: the job is started with
# SIGINT back at its default, so that kill -INT is a real Ctrl-C.  Both
# exec impactlog, so $! is impactlog's own process id.
if env --default-signal=INT true 2>/dev/null; then
	default_int=(env --default-signal=INT)
else
	default_int=(perl -e '$SIG{INT} = "DEFAULT"; exec { $ARGV[0] } @ARGV or die "$ARGV[0]: $!\n"' --)
fi

# signal_after SIGNAL DELAY FOLDER COMMAND...: runs COMMAND in the
# background with FOLDER fresh and empty, lists FOLDER into
# before-signal.list after DELAY seconds, sends SIGNAL, and leaves the
# process id in pid and the status wait returned in status.
signal_after () {
	local sig=$1 delay=$2 folder=$3

	shift 3
	rm -rf "$folder" && mkdir "$folder" || return 1
	"${default_int[@]}" "$@" >signal.out 2>signal.err &
	pid=$!
	sleep "$delay"
	ls -A "$folder" >before-signal.list
	kill -s "$sig" "$pid" 2>/dev/null
	wait "$pid"
	status=$?
}

# killed_by SIGNAL: signal_after's process was ended by SIGNAL (128 + N).
killed_by () {
	local want=$((128 + $(kill -l "$1")))

	test "$status" -eq "$want" && return 0
	echo "exit status $status, not $want (killed by SIG$1)" >&3
	return 1
}

# finished_or_killed_by SIGNAL: it ended by SIGNAL or completed.
finished_or_killed_by () {
	test "$status" -eq 0 || killed_by "$1"
}

# nothing_or_whole FOLDER NAME CHECK...: FOLDER is empty, or holds NAME
# alone and the command CHECK... finds it complete.
nothing_or_whole () {
	local folder=$1 name=$2

	shift 2
	ls -A "$folder" >folder.list || return 1
	test -s folder.list || return 0
	echo "$name" >expect.list &&
	test_cmp expect.list folder.list &&
	"$@"
}

# integrity_ok DB: SQLite finds DB sound.
integrity_ok () {
	echo ok >integrity.expect &&
	sqlite3 "$1" "PRAGMA integrity_check" >integrity.actual &&
	test_cmp integrity.expect integrity.actual
}

# only_temp_of PID LIST: LIST names one file, PID's named temporary file.
only_temp_of () {
	if test "$(wc -l <"$2")" -eq 1 && grep -qx "\.impactlog-$1-......" "$2"; then
		return 0
	fi
	echo "expected only .impactlog-$1-XXXXXX in the folder, found:" >&3
	cat "$2" >&3
	return 1
}

test_expect_success 'a log of 200000 achievements' '
	"$SOURCE_DIR/tests/bench/gen-csv" 200000 | impactlog import - >/dev/null &&
	test "$(sqlite3 "$IMPACTLOG_DB" "SELECT count(*) FROM achievement")" -eq 200000
'

# The kills at 0.1 s would prove nothing if the export were already done by
# then: 200000 rows take seconds (about 2.5 s on two cores with the
# RelWithDebInfo build, far longer under the sanitizer), so this checks that
# they take more than 0.1 s, and the 0.1 s cases below check that the
# signal, not the end of the export, ended the process.
test_expect_success 'a complete export of them takes longer than 0.1 s' '
	start=$(date +%s%N) &&
	impactlog export full.csv &&
	took=$((($(date +%s%N) - start) / 1000000)) &&
	echo "export took $took ms" &&
	test "$took" -gt 100 &&
	test -s full.csv
'

for sig in INT TERM HUP KILL; do
	for delay in 0.1 0.5 1; do
		if test $delay = 0.1; then
			title="SIG$sig 0.1 s into an export ends it, leaving nothing or the whole file"
		else
			title="SIG$sig $delay s into an export leaves nothing or the whole file"
		fi
		test_expect_success "$title" '
			signal_after $sig $delay out impactlog export out/all.csv &&
			if test $delay = 0.1; then
				killed_by $sig
			else
				finished_or_killed_by $sig
			fi &&
			nothing_or_whole out all.csv cmp full.csv out/all.csv
		'
	done
done

# libxlsxwriter writes the workbook itself only in the second half or so
# of a run, after the sheets are built: the kill comes at three quarters of
# the time a complete run took, to land while it writes (a slower run is
# killed before, a faster one may be done; the folder holds nothing or the
# whole workbook either way).
test_expect_success 'a complete workbook, for comparison' '
	start=$(date +%s%N) &&
	impactlog report --xlsx full.xlsx &&
	echo $((($(date +%s%N) - start) / 1000000)) >xlsx.ms &&
	test "$(head -c 2 full.xlsx)" = PK
'

test_expect_success 'kill -9 during report --xlsx leaves nothing or the whole workbook' '
	delay=$(awk "BEGIN { printf \"%.2f\", $(cat xlsx.ms) * 0.75 / 1000 }") &&
	echo "kill -9 after $delay s" &&
	signal_after KILL "$delay" out impactlog report --xlsx out/r.xlsx &&
	finished_or_killed_by KILL &&
	nothing_or_whole out r.xlsx cmp full.xlsx out/r.xlsx
'

# The copy is written in the first few tenths of a second, then synced.
test_expect_success 'SIGTERM during a backup leaves nothing or a whole database' '
	signal_after TERM 0.1 out impactlog backup out/b.db &&
	finished_or_killed_by TERM &&
	nothing_or_whole out b.db integrity_ok out/b.db
'

test_expect_success 'named fallback: kill -9 leaves .impactlog-PID-XXXXXX behind' '
	export IMPACTLOG_TEST_NAMED_TEMP=1 &&
	signal_after KILL 0.5 out impactlog export out/all.csv &&
	killed_by KILL &&
	ls -A out >stale.list &&
	only_temp_of $pid stale.list
'

test_expect_success 'named fallback: SIGTERM removes its own temporary file' '
	export IMPACTLOG_TEST_NAMED_TEMP=1 &&
	signal_after TERM 0.5 term impactlog export term/all.csv &&
	killed_by TERM &&
	only_temp_of $pid before-signal.list &&
	ls -A term >after.list &&
	test_must_be_empty after.list
'

test_expect_success "the next output into the folder removes a dead process's temporary file, not a running one's" '
	ls -A out >before.list &&
	test_cmp stale.list before.list &&
	: >"out/.impactlog-$$-abcdef" &&
	impactlog report -o out/r.txt &&
	ls -A out >after.list &&
	printf "%s\n" ".impactlog-$$-abcdef" r.txt >expect.list &&
	test_cmp expect.list after.list &&
	rm "out/.impactlog-$$-abcdef" &&
	ls -A out >after.list &&
	echo r.txt >expect.list &&
	test_cmp expect.list after.list
'

test_done
