#!/usr/bin/env bash
# The clock: a SOURCE_DATE_EPOCH that is not a whole number of seconds, or
# whose date lies outside 1900-03-01 to 9999-12-31, is refused in one line
# before anything is written, so no command stores a date that import
# would refuse.  Dates before 1900-03-01 are refused on input too.

. "$(dirname "$0")/../lib.sh"

bad_clock () {
	echo "SOURCE_DATE_EPOCH: ${SQ}$1${SQ} is not a time from 1900-03-01 to 9999-12-31 (whole seconds since 1970-01-01 UTC)"
}

test_expect_success 'fixture' '
	impactlog add user-growth "Referral relaunch" >/dev/null
'

test_expect_success 'a time past 9999-12-31 is refused by every command that dates things' '
	for epoch in 99999999999999 253402300800 9223372036854775807 99999999999999999999; do
		SOURCE_DATE_EPOCH=$epoch test_refused 1 "$(bad_clock $epoch)" \
			impactlog add prevented-loss "Caught it" || return 1
		SOURCE_DATE_EPOCH=$epoch test_refused 1 "$(bad_clock $epoch)" \
			impactlog list || return 1
		SOURCE_DATE_EPOCH=$epoch test_refused 1 "$(bad_clock $epoch)" \
			impactlog report -o never.txt || return 1
	done &&
	test ! -e never.txt
'

test_expect_success 'a time before 1900-03-01 is refused' '
	for epoch in -2203891201 -99999999999 -9223372036854775808; do
		SOURCE_DATE_EPOCH=$epoch test_refused 1 "$(bad_clock $epoch)" \
			impactlog add prevented-loss "Caught it" || return 1
	done
'

test_expect_success 'text that is not a whole number is refused' '
	for epoch in abc 1.5 " 1773576000" 1773576000x +1773576000 -; do
		SOURCE_DATE_EPOCH=$epoch test_refused 1 "$(bad_clock "$epoch")" \
			impactlog add prevented-loss "Caught it" || return 1
	done
'

test_expect_success 'the first and last days are accepted, and stored as such' '
	SOURCE_DATE_EPOCH=-2203891200 impactlog add user-growth first >/dev/null &&
	SOURCE_DATE_EPOCH=253402300799 impactlog add user-growth last >/dev/null &&
	impactlog export >all.csv &&
	grep -q "^[^,]*,1900-03-01,user-growth,first," all.csv &&
	grep -q "^[^,]*,9999-12-31,user-growth,last," all.csv &&
	SOURCE_DATE_EPOCH=253402300799 impactlog --db copy.db import all.csv >out &&
	echo "imported 3 achievements (0 already present)" >expect &&
	test_cmp expect out
'

test_expect_success 'an empty SOURCE_DATE_EPOCH means the system clock' '
	SOURCE_DATE_EPOCH= impactlog add user-growth now >out &&
	echo "added #4" >expect &&
	test_cmp expect out &&
	test "$(impactlog show 4 | sed -n "s/^date: *//p")" = "$(date +%Y-%m-%d)"
'

test_expect_success 'help and version need no clock' '
	SOURCE_DATE_EPOCH=abc impactlog help >/dev/null &&
	SOURCE_DATE_EPOCH=abc impactlog --version >/dev/null &&
	SOURCE_DATE_EPOCH=abc impactlog add --help >/dev/null
'

test_expect_success 'a date before 1900-03-01 is refused on the command line and in a file' '
	test_refused 2 "--date: ${SQ}1900-02-28${SQ} is before 1900-03-01, the first day accepted" \
		impactlog add user-growth old --date 1900-02-28 &&
	printf "date,tag,title\n1899-12-31,user-growth,old\n" >old.csv &&
	test_refused 1 "old.csv:2: column ${SQ}date${SQ}: ${SQ}1899-12-31${SQ} is before 1900-03-01, the first day accepted" \
		impactlog import old.csv
'

test_done
