#!/usr/bin/env bash
# show ID: every field of one achievement.

. "$(dirname "$0")/../lib.sh"

# show_without_uid ID: show's output with the (random) uid line checked
# and then dropped.
show_without_uid () {
	impactlog show "$1" >show.out &&
	grep -Eq "^uid: +[0-9a-f]{32}$" show.out &&
	grep -v "^uid:" show.out
}

test_expect_success 'setup' '
	impactlog add prevented-loss "Caught a bad schema migration" --date 2026-01-20 \
		--value 250k --share 40 --team-size 3 --likelihood 50 --lead-days 6 \
		--confidence measured --project Atlas --org Payments --org "Ads Platform" \
		--evidence go/pm-17 --evidence "doc: risk review" --witness "Payments SRE Lead" \
		--note "$(printf "Situation: a lock.\nAction: split it.\n\n\tResult: no outage.")" >/dev/null &&
	impactlog add enabled-scale "Sharded the queue" --date 2025-04-02 --value 12k \
		--unit rps --baseline 2k --share 50 >/dev/null &&
	impactlog add user-growth "Launched" >/dev/null &&
	impactlog add prevented-loss "Small catch" --value 0.5 >/dev/null
'

test_expect_success 'every field of a full achievement' '
	show_without_uid 1 >actual &&
	cat >expect <<-\EOF &&
	#1
	date:        2026-01-20
	tag:         prevented-loss
	title:       Caught a bad schema migration
	value:       250000
	unit:        USD
	share:       40%
	team_size:   3
	likelihood:  50%
	lead_days:   6
	confidence:  measured
	project:     Atlas
	orgs:        Payments; Ads Platform
	evidence:    go/pm-17; doc: risk review
	witnesses:   Payments SRE Lead
	note:        Situation: a lock.
	             Action: split it.

	             	Result: no outage.
	attributed:  $50k (your 40% share, risk-adjusted)
	EOF
	test_cmp expect actual
'

test_expect_success 'the uid shown is the stored one' '
	uid=$(sqlite3 "$IMPACTLOG_DB" "SELECT uid FROM achievement WHERE id = 1") &&
	impactlog show 1 >out &&
	grep -qx "uid:         $uid" out
'

test_expect_success 'enabled-scale: the scale factor' '
	show_without_uid 2 >actual &&
	cat >expect <<-\EOF &&
	#2
	date:        2025-04-02
	tag:         enabled-scale
	title:       Sharded the queue
	value:       12000
	unit:        rps
	baseline:    2000
	share:       50%
	team_size:   1
	confidence:  estimated
	attributed:  6k rps (your 50% share)
	scale:       6.0×
	EOF
	test_cmp expect actual
'

test_expect_success 'defaults are shown; unset optional fields are not' '
	show_without_uid 3 >actual &&
	cat >expect <<-EOF &&
	#3
	date:        $TODAY
	tag:         user-growth
	title:       Launched
	unit:        users
	share:       100%
	team_size:   1
	confidence:  estimated
	EOF
	test_cmp expect actual &&
	show_without_uid 4 >actual &&
	grep -qx "likelihood:  100%" actual &&
	grep -qx "value:       0.5" actual &&
	! grep -q "^lead_days:" actual
'

test_expect_success 'an id may be written #N' '
	impactlog show 2 >expect &&
	impactlog show "#2" >actual &&
	test_cmp expect actual
'

test_expect_success 'a title that looks like a formula is shown verbatim' '
	impactlog add user-growth -- "=1+1" >/dev/null &&
	impactlog add user-growth -- "-2+3" >/dev/null &&
	impactlog add user-growth -- "@cmd" >/dev/null &&
	impactlog show 5 >out && grep -qx "title:       =1+1" out &&
	impactlog show 6 >out && grep -qx "title:       -2+3" out &&
	impactlog show 7 >out && grep -qx "title:       @cmd" out
'

test_expect_success 'an achievement in the trash is shown, marked' '
	impactlog rm 3 >/dev/null &&
	impactlog show 3 >out &&
	head -n 1 out >actual &&
	echo "#3 (in the trash)" >expect &&
	test_cmp expect actual &&
	impactlog restore 3 >/dev/null
'

test_expect_success 'show writes nothing' '
	db_snapshot before &&
	impactlog show 1 >/dev/null &&
	db_snapshot after &&
	test_cmp before after
'

test_expect_success 'a missing id: exit 1' '
	test_refused 1 "no achievement #99" impactlog show 99 &&
	test_refused 1 "no achievement #9223372036854775807" impactlog show 9223372036854775807
'

test_expect_success 'a non-numeric id: exit 2' '
	for id in abc 0 -1 1.5 "#" "" 99999999999999999999 " 1" 1x; do
		test_refused 2 "show: ${SQ}$id${SQ} is not an id (a number such as 12 or #12)" \
			impactlog show -- "$id" || exit 1
	done
'

test_expect_success 'one id, no options' '
	test_refused 2 "usage: impactlog show ID (see ${SQ}impactlog help show${SQ})" impactlog show &&
	test_refused 2 "usage: impactlog show ID (see ${SQ}impactlog help show${SQ})" impactlog show 1 2 &&
	test_refused 2 "show: unknown option ${SQ}--json${SQ} (see ${SQ}impactlog help show${SQ})" \
		impactlog show 1 --json
'

test_expect_success 'show on a missing database: exit 1, nothing created' '
	test_refused 1 "no database at $TRASH/absent.db (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
		impactlog --db "$TRASH/absent.db" show 1 &&
	! test -e absent.db
'

test_done
