#!/usr/bin/env bash
# status: golden text for an empty log, a fresh one and an idle one, the
# next command it suggests, colour only on a terminal, and what it refuses.
# The clock is lib.sh's 2026-03-15 (SOURCE_DATE_EPOCH) unless a test moves it.

. "$(dirname "$0")/../lib.sh"

test_expect_success 'a missing database: the readers'"'"' message, and none is created' '
	test_refused 1 "no database at $IMPACTLOG_DB (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
		impactlog status &&
	test ! -e "$IMPACTLOG_DB"
'

test_expect_success 'a wrong command line exits 2' '
	test_refused 2 "status: unexpected argument ${SQ}now${SQ} (see ${SQ}impactlog help status${SQ})" \
		impactlog status now &&
	test_refused 2 "status: unknown option ${SQ}--cycle${SQ} (see ${SQ}impactlog help status${SQ})" \
		impactlog status --cycle 2026-H1
'

test_expect_success 'an empty log' '
	impactlog init >/dev/null &&
	impactlog status >actual &&
	test_cmp "$TEST_DATA/status-empty.golden" actual &&
	test "$(widest actual)" -le 80
'

test_expect_success 'setup: a fresh log, this cycle and the one before' '
	impactlog add prevented-loss "Caught the cert expiry" --date 2026-01-12 --value 400k \
		--likelihood 60 --share 50 --team-size 3 --lead-days 14 --org Payments --org Security \
		--evidence INC-7 --witness "SRE lead" >/dev/null &&
	impactlog add enabled-scale "Sharded the queue" --date 2026-02-02 --value 50000 \
		--baseline 10000 --unit rps --share 40 --team-size 6 --witness Dana >/dev/null &&
	impactlog add user-growth "Self-serve onboarding" --date 2026-02-20 --value 42k \
		--team-size 4 >/dev/null &&
	impactlog add user-growth "EU launch" --date 2026-03-01 --value 1.5M --unit EUR >/dev/null &&
	impactlog add user-growth "Referral loop" --date 2026-03-09 --value 8k --share 30 >/dev/null &&
	impactlog add prevented-loss "Last year" --date 2025-11-03 --value 1M >/dev/null &&
	impactlog add user-growth "Trashed" --date 2026-03-14 >/dev/null &&
	impactlog rm 7 >/dev/null
'

test_expect_success 'a fresh log without a target level: no readiness, and the newest gap to close' '
	impactlog status >actual &&
	test_cmp "$TEST_DATA/status-fresh.golden" actual
'

test_expect_success 'with a target level: the readiness verdict' '
	impactlog profile --track TPM --target-level L7 >/dev/null &&
	impactlog status >actual &&
	test_cmp "$TEST_DATA/status.golden" actual &&
	impactlog readiness --cycle 2026-H1 | tail -n 1 >verdict &&
	grep -qF "  $(cat verdict)" actual
'

test_expect_success 'an idle log: days since the last entry, and add is next' '
	SOURCE_DATE_EPOCH=$((1773576000 + 20 * 86400)) impactlog status >actual &&
	test_cmp "$TEST_DATA/status-idle.golden" actual
'

test_expect_success 'near the end of the cycle, the packet is next' '
	SOURCE_DATE_EPOCH=$((1773576000 + 93 * 86400)) impactlog add user-growth "June push" \
		--date 2026-06-15 --evidence doc --witness Kim >/dev/null &&
	SOURCE_DATE_EPOCH=$((1773576000 + 93 * 86400)) impactlog status >actual &&
	grep -q "^2026-H1 so far: day 167 of 181, 6 achievements$" actual &&
	grep -q "^Last entry: #8 on 2026-06-15, 1 day ago$" actual &&
	grep -q "^Next: impactlog report --cycle 2026-H1 --xlsx: the cycle ends in 14 days$" actual
'

test_expect_success 'a new cycle starts empty' '
	SOURCE_DATE_EPOCH=$((1773576000 + 110 * 86400)) impactlog status >actual &&
	grep -q "^2026-H2 so far: day 3 of 184, 0 achievements$" actual
'

test_expect_success 'the whole status fits 80 columns' '
	impactlog status >actual &&
	test "$(widest actual)" -le 80
'

test_expect_success SCRIPT 'colour on a terminal, none with NO_COLOR or TERM=dumb' '
	(
		unset NO_COLOR &&
		TERM=xterm on_terminal "impactlog status" &&
		grep -q "$(printf "\033")\[" tty.out &&
		TERM=dumb on_terminal "impactlog status" &&
		! grep -q "$(printf "\033")" tty.out
	) &&
	TERM=xterm on_terminal "impactlog status" &&
	! grep -q "$(printf "\033")" tty.out
'

test_expect_success 'an entry dated tomorrow, as add allows, or later by a clock set back' '
	impactlog status >actual &&
	grep -q "^Last entry: #8 on 2026-06-15, in 92 days$" actual &&
	export IMPACTLOG_DB=$TRASH/tomorrow.db &&
	impactlog add user-growth "Launch at dawn" --date 2026-03-16 >/dev/null &&
	impactlog status >actual &&
	grep -q "^Last entry: #1 on 2026-03-16, tomorrow$" actual
'

test_expect_success 'status only reads' '
	db_snapshot before &&
	impactlog status >/dev/null &&
	db_snapshot after &&
	test_cmp before after
'

test_done
