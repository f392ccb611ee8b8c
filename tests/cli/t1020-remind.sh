#!/usr/bin/env bash
# remind [--after DAYS]: silent while the log is kept, one line when it is
# not, always exit 0 for cron and shell start-up files, and never a database
# created.  The clock is lib.sh's 2026-03-15; "days ago" count from there.

. "$(dirname "$0")/../lib.sh"

# at DAYS CMD...: CMD with the clock DAYS days after 2026-03-15.
at () {
	local days=$1

	shift
	SOURCE_DATE_EPOCH=$((1773576000 + days * 86400)) "$@"
}

test_expect_success 'no database yet: how to start, exit 0, and none created' '
	impactlog remind >out 2>err &&
	echo "impactlog: no log yet — ${SQ}impactlog add TAG TITLE${SQ} starts one, or ${SQ}impactlog import --from bragfile|jrnl FILE${SQ} brings yours over" >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test ! -e "$IMPACTLOG_DB" &&
	impactlog --db "$TRASH/sub/none.db" remind --after 3 >out &&
	test_cmp expect out &&
	test ! -e sub
'

test_expect_success 'a wrong command line exits 2, creating nothing' '
	test_refused 2 "--after: ${SQ}-1${SQ} is not a number of days (a whole number from 0 to 36500)" \
		impactlog remind --after -1 &&
	test_refused 2 "--after: ${SQ}x${SQ} is not a number of days (a whole number from 0 to 36500)" \
		impactlog remind --after x &&
	test_refused 2 "--after: ${SQ}1.5${SQ} is not a number of days (a whole number from 0 to 36500)" \
		impactlog remind --after 1.5 &&
	test_refused 2 "--after: ${SQ}${SQ} is not a number of days (a whole number from 0 to 36500)" \
		impactlog remind --after "" &&
	test_refused 2 "remind: option ${SQ}--after${SQ} needs a value" \
		impactlog remind --after &&
	test_refused 2 "remind: unexpected argument ${SQ}7${SQ} (see ${SQ}impactlog help remind${SQ})" \
		impactlog remind 7 &&
	test ! -e "$IMPACTLOG_DB"
'

test_expect_success 'an empty log' '
	impactlog init >/dev/null &&
	impactlog remind >out &&
	echo "impactlog: nothing logged yet — ${SQ}impactlog add${SQ} takes ten seconds" >expect &&
	test_cmp expect out
'

test_expect_success 'a fresh log: silent' '
	impactlog add user-growth "Shipped it" --date 2026-03-10 >/dev/null &&
	impactlog remind >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'an idle log: one line naming the last entry' '
	at 18 impactlog remind >out &&
	echo "impactlog: nothing logged for 23 days (last: #1 on 2026-03-10) — ${SQ}impactlog add${SQ} takes ten seconds" >expect &&
	test_cmp expect out
'

test_expect_success 'DAYS is how many days without an entry are let pass' '
	at 9 impactlog remind >out &&
	test_must_be_empty out &&
	at 10 impactlog remind >out &&
	grep -q "nothing logged for 15 days" out &&
	impactlog remind --after 5 >out &&
	test_must_be_empty out &&
	impactlog remind --after 4 >out &&
	grep -q "nothing logged for 5 days" out &&
	impactlog remind --after 0 >out &&
	grep -q "nothing logged for 5 days" out
'

test_expect_success '--after 0 is silent on a day something was logged' '
	impactlog add enabled-scale "Today" >/dev/null &&
	impactlog remind --after 0 >out &&
	test_must_be_empty out
'

test_expect_success 'the trash does not count' '
	impactlog rm 2 >/dev/null &&
	impactlog remind --after 0 >out &&
	grep -q "(last: #1 on 2026-03-10)" out
'

test_expect_success 'remind only reads' '
	db_snapshot before &&
	at 40 impactlog remind >/dev/null &&
	db_snapshot after &&
	test_cmp before after
'

test_expect_success 'remind in a crontab: exit 0 and the one line, whatever the state' '
	env -i PATH="$PATH" HOME="$HOME" IMPACTLOG_DB="$IMPACTLOG_DB" SOURCE_DATE_EPOCH=$((1773576000 + 60 * 86400)) \
		impactlog remind >out 2>err &&
	test "$(wc -l <out)" -eq 1 &&
	test_must_be_empty err
'

test_done
