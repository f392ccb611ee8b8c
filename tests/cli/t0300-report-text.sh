#!/usr/bin/env bash
# report (text): the calibration packet of a fixed fixture against golden
# files, the 80-column layout, and colour only on a terminal.

. "$(dirname "$0")/../lib.sh"
. "$TEST_DATA/report-fixture.sh"

# widest FILE: the most terminal columns any line of FILE takes.
widest () {
	/usr/bin/python3 -c '
import sys, unicodedata
def width(line):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
print(max((width(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")), default=0))
' "$1"
}

test_expect_success 'a missing database is refused, untouched' '
	test_refused 1 "no database at $IMPACTLOG_DB (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
		impactlog report &&
	test_refused 1 "no database at $IMPACTLOG_DB (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
		impactlog report --md
'

test_expect_success 'an empty database gives an empty packet, not an error' '
	impactlog init &&
	impactlog report >actual &&
	grep "^  Logged  *0 achievements$" actual &&
	grep "^  Nothing logged\.$" actual
'

test_expect_success 'fixture' '
	rm -f "$IMPACTLOG_DB" &&
	report_fixture >/dev/null
'

test_expect_success 'the text report of a cycle matches the golden file' '
	impactlog report --cycle 2026-H1 >actual &&
	test_cmp "$TEST_DATA/report-text.golden" actual
'

test_expect_success 'text is the default format; --text says so' '
	impactlog report --cycle 2026-H1 --text >actual &&
	test_cmp "$TEST_DATA/report-text.golden" actual
'

test_expect_success 'the all-time report matches the golden file' '
	impactlog report >actual &&
	test_cmp "$TEST_DATA/report-all-text.golden" actual
'

test_expect_success 'every line fits 80 columns and none ends in a space' '
	impactlog report --cycle 2026-H1 >cycle &&
	impactlog report >all &&
	test "$(widest cycle)" -le 80 &&
	test "$(widest all)" -le 80 &&
	! grep -n " $" cycle all
'

test_expect_success 'attributed values come from the view: risk-adjusted loss' '
	# 400k x 50% x 60% + 1.5M x 100% x 20% = 120k + 300k
	grep "^  prevented-loss  USD  *2  *\$1\.9M  *\$420k  *\$100k  *+\$320k$" cycle &&
	grep "^  Risk-adjusted, your share  *\$420k$" cycle &&
	grep "^  Median lead time  *22 days (2 of 2 with lead days)$" cycle
'

test_expect_success 'the quantified line of a prevented loss' '
	grep -F "Prevented \$400k loss · 60% likely · your share 50% of a team of 3 → \$120k" cycle &&
	grep -F "· caught 14 days early" cycle
'

test_expect_success 'visibility gaps name the achievements and the empty month' '
	sed -n "/^VISIBILITY GAPS/,/^\$/p" cycle >gaps &&
	grep "^  No evidence  *3$" gaps &&
	grep "^  No witness  *2$" gaps &&
	grep "^  100% share of a team > 1  *1$" gaps &&
	grep "^    #6 .*(team of 4)$" gaps &&
	grep "^  Months with nothing logged  *1: 2026-02$" gaps
'

test_expect_success 'months to come are not gaps' '
	grep "^  2026-04  *0  (to come)$" cycle &&
	grep "^  2026-02  *0  nothing logged$" cycle
'

test_expect_success 'filters narrow every section' '
	impactlog report --cycle 2026-H1 --tag prevented-loss >actual &&
	grep "^  Filters  *tag prevented-loss$" actual &&
	grep "^  Logged  *2 achievements: 2 prevented-loss$" actual &&
	! grep "enabled-scale  " actual &&
	impactlog report --org Growth --since 2026-01-01 >actual &&
	grep "^  Period  *since 2026-01-01$" actual &&
	grep "^  Logged  *3 achievements" actual
'

test_expect_success 'no colour when NO_COLOR is set or stdout is not a terminal' '
	! grep -q "$(printf "\033")" cycle &&
	(unset NO_COLOR && impactlog report --cycle 2026-H1 >piped) &&
	test_cmp cycle piped
'

test_expect_success SCRIPT 'colour on a terminal, and never with NO_COLOR nor TERM=dumb' '
	(unset NO_COLOR && TERM=xterm script -qec "impactlog report --cycle 2026-H1" /dev/null >tty) &&
	grep -q "$(printf "\033")\[1mIMPACT REPORT" tty &&
	TERM=xterm script -qec "impactlog report --cycle 2026-H1" /dev/null >tty &&
	! grep -q "$(printf "\033")" tty &&
	(unset NO_COLOR && TERM=dumb script -qec "impactlog report --cycle 2026-H1" /dev/null >tty) &&
	grep -q "IMPACT REPORT" tty &&
	! grep -q "$(printf "\033")" tty
'

test_expect_success 'bad command lines exit 2 with one line' '
	test_refused 2 "report: give one of --text, --md, --xlsx or --json" impactlog report --text --md &&
	test_refused 2 "report: unexpected argument ${SQ}extra${SQ} (see ${SQ}impactlog help report${SQ})" \
		impactlog report extra &&
	test_refused_like 2 "^impactlog: --cycle: ${SQ}2026-H3${SQ} is not a cycle" \
		impactlog report --cycle 2026-H3 &&
	test_refused_like 2 "unknown option" impactlog report --bogus
'

test_expect_success 'a failed write to standard output fails the command' '
	test_must_fail --exit=1 impactlog report >/dev/full 2>err &&
	grep "^impactlog: write failure on standard output" err
'

test_done
