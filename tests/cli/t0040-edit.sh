#!/usr/bin/env bash
# edit ID [options]: change fields; lists are replaced whole; an empty value
# clears an optional field; the tag rules still hold after a change.

. "$(dirname "$0")/../lib.sh"

row () {
	sqlite3 "$IMPACTLOG_DB" "SELECT $2 FROM achievement WHERE id = $1"
}

list_of () {
	sqlite3 "$IMPACTLOG_DB" "SELECT name FROM $1 WHERE achievement_id = $2 ORDER BY position"
}

# achievement_dump ID: everything stored about one achievement but its
# update time, for checking that an edit touched only what it named.
achievement_dump () {
	sqlite3 "$IMPACTLOG_DB" "
		SELECT id, uid, date, tag, title, value, unit, baseline, share, team_size,
		       likelihood, lead_days, confidence, project, note, created_at, deleted_at
		FROM achievement WHERE id = $1;
		SELECT 'org', name FROM achievement_org WHERE achievement_id = $1 ORDER BY position;
		SELECT 'evidence', name FROM achievement_evidence WHERE achievement_id = $1 ORDER BY position;
		SELECT 'witness', name FROM achievement_witness WHERE achievement_id = $1 ORDER BY position"
}

full='--date 2026-01-20 --value 250k --baseline 1M --share 40 --team-size 3
	--likelihood 50 --lead-days 6 --confidence measured --project Atlas
	--org Payments --org Ads --evidence go/pm-17 --evidence doc-2 --witness SRE --note Story'

test_expect_success 'setup' '
	impactlog add prevented-loss "Caught a bad migration" $full >/dev/null &&
	impactlog add user-growth "Launched" --value 1.2M --unit signups >/dev/null &&
	impactlog add enabled-scale "Sharded" --value 12k --unit rps --baseline 2k >/dev/null &&
	impactlog add prevented-loss "Other" $full >/dev/null
'

test_expect_success 'edit changes one field and prints the id' '
	achievement_dump 1 | sed "s/Caught a bad migration/Caught it early/" >expect &&
	achievement_dump 4 >expect.other &&
	impactlog edit 1 --title "Caught it early" >out &&
	echo "updated #1" >expect.out &&
	test_cmp expect.out out &&
	achievement_dump 1 >actual &&
	test_cmp expect actual &&
	achievement_dump 4 >actual.other &&
	test_cmp expect.other actual.other
'

test_expect_success 'edit accepts #N and options before the id' '
	impactlog edit --share 30 "#1" >/dev/null &&
	test "$(row 1 share)" = 30.0
'

test_expect_success 'edit records when it changed something' '
	sqlite3 "$IMPACTLOG_DB" "UPDATE achievement SET updated_at = ${SQ}2000-01-01T00:00:00Z${SQ} WHERE id = 1" &&
	impactlog edit 1 --team-size 4 >/dev/null &&
	test "$(row 1 updated_at)" != 2000-01-01T00:00:00Z &&
	test "$(row 1 team_size)" = 4
'

test_expect_success 'several fields at once' '
	impactlog edit 1 --date yesterday --value 300k --confidence projected --likelihood 75% >/dev/null &&
	echo "2026-03-14|300000.0|projected|75.0" >expect &&
	row 1 "date, value, confidence, likelihood" >actual &&
	test_cmp expect actual
'

test_expect_success 'a repeatable option replaces its whole list' '
	impactlog edit 1 --org Growth --org Mobile >/dev/null &&
	printf "Growth\nMobile\n" >expect &&
	list_of achievement_org 1 >actual &&
	test_cmp expect actual &&
	printf "go/pm-17\ndoc-2\n" >expect &&
	list_of achievement_evidence 1 >actual &&
	test_cmp expect actual &&
	impactlog edit 1 --evidence go/new --witness PM --witness EM >/dev/null &&
	echo go/new >expect &&
	list_of achievement_evidence 1 >actual &&
	test_cmp expect actual &&
	printf "PM\nEM\n" >expect &&
	list_of achievement_witness 1 >actual &&
	test_cmp expect actual &&
	printf "Growth\nMobile\n" >expect &&
	list_of achievement_org 1 >actual &&
	test_cmp expect actual
'

test_expect_success 'an empty value clears an optional field' '
	impactlog edit 1 --value "" --baseline "" --likelihood "" --lead-days "" \
		--project "" --note "" >/dev/null &&
	echo "||||||USD" >expect &&
	row 1 "value, baseline, likelihood, lead_days, project, note, unit" >actual &&
	test_cmp expect actual &&
	impactlog show 1 >out &&
	! grep -Eq "^(value|baseline|lead_days|project|note):" out &&
	grep -qx "likelihood:  100%" out
'

test_expect_success 'an empty value clears a list' '
	impactlog edit 1 --org "" --evidence "" --witness "" >/dev/null &&
	test "$(sqlite3 "$IMPACTLOG_DB" "SELECT
		(SELECT count(*) FROM achievement_org WHERE achievement_id = 1) +
		(SELECT count(*) FROM achievement_evidence WHERE achievement_id = 1) +
		(SELECT count(*) FROM achievement_witness WHERE achievement_id = 1)")" = 0 &&
	impactlog edit 1 --org "" --org Ads >/dev/null &&
	echo Ads >expect &&
	list_of achievement_org 1 >actual &&
	test_cmp expect actual
'

test_expect_success 'clearing the unit brings back the tag default' '
	impactlog edit 2 --unit "" >/dev/null &&
	test "$(row 2 unit)" = users
'

test_expect_success 'required fields cannot be cleared' '
	for option in --title --date --tag --share --team-size --confidence; do
		test_refused 2 "$option: must not be empty" impactlog edit 1 $option "" || exit 1
	done
'

test_expect_success 'prevented-loss to user-growth: the default unit follows the tag' '
	impactlog add prevented-loss "Retag me" --value 10k >/dev/null &&
	impactlog edit 5 --tag user-growth >/dev/null &&
	echo "user-growth|users" >expect &&
	row 5 "tag, unit" >actual &&
	test_cmp expect actual &&
	impactlog edit 5 --tag prevented-loss >/dev/null &&
	echo "prevented-loss|USD" >expect &&
	row 5 "tag, unit" >actual &&
	test_cmp expect actual
'

test_expect_success 'a unit of ones own survives a change of tag' '
	impactlog edit 2 --unit signups --tag prevented-loss >/dev/null &&
	echo "prevented-loss|signups" >expect &&
	row 2 "tag, unit" >actual &&
	test_cmp expect actual &&
	impactlog edit 2 --tag user-growth >/dev/null &&
	test "$(row 2 unit)" = signups
'

test_expect_success 'leaving prevented-loss needs likelihood and lead days cleared' '
	impactlog edit 5 --likelihood 60 --lead-days 3 >/dev/null &&
	test_refused 2 "--likelihood: only applies to prevented-loss achievements, not user-growth" \
		impactlog edit 5 --tag user-growth &&
	test_refused 2 "--lead-days: only applies to prevented-loss achievements, not enabled-scale" \
		impactlog edit 5 --tag enabled-scale --unit rps --likelihood "" &&
	impactlog edit 5 --tag user-growth --likelihood "" --lead-days "" >/dev/null &&
	echo "user-growth|||users" >expect &&
	row 5 "tag, likelihood, lead_days, unit" >actual &&
	test_cmp expect actual
'

test_expect_success 'likelihood and lead days cannot be added to other tags' '
	test_refused 2 "--likelihood: only applies to prevented-loss achievements, not enabled-scale" \
		impactlog edit 3 --likelihood 50 &&
	test_refused 2 "--lead-days: only applies to prevented-loss achievements, not enabled-scale" \
		impactlog edit 3 --lead-days 5
'

test_expect_success 'to enabled-scale, a value needs a unit of its own' '
	impactlog edit 5 --tag prevented-loss >/dev/null &&
	test "$(row 5 unit)" = USD &&
	test_refused 2 "--unit: required with a value for enabled-scale (what the value counts: rps, TB, teams, ...)" \
		impactlog edit 5 --tag enabled-scale &&
	test_refused 2 "--unit: required with a value for enabled-scale (what the value counts: rps, TB, teams, ...)" \
		impactlog edit 3 --unit "" &&
	impactlog edit 5 --tag enabled-scale --unit teams >/dev/null &&
	echo "enabled-scale|teams" >expect &&
	row 5 "tag, unit" >actual &&
	test_cmp expect actual &&
	impactlog edit 5 --tag prevented-loss >/dev/null &&
	test "$(row 5 unit)" = teams
'

test_expect_success 'bad values are refused as add refuses them, changing nothing' '
	test_refused 2 "--date: ${SQ}2026-02-30${SQ} is not a real calendar day (YYYY-MM-DD)" \
		impactlog edit 1 --date 2026-02-30 &&
	test_refused 2 "--share: ${SQ}140${SQ} is not a percentage from 0 to 100" \
		impactlog edit 1 --share 140 &&
	test_refused 2 "--value: ${SQ}-5${SQ} is not an amount of 0 or more (e.g. 250000, 250k, 1.2M, 3B)" \
		impactlog edit 1 --value -5 &&
	test_refused 2 "--value: ${SQ}1e400${SQ} is too large (at most 1e18)" \
		impactlog edit 1 --value 1e400 &&
	test_refused 2 "--team-size: ${SQ}0${SQ} is not a whole number from 1 to 1000000" \
		impactlog edit 1 --team-size 0 &&
	test_refused 2 "--tag: ${SQ}growth${SQ} is not a tag (prevented-loss, enabled-scale or user-growth)" \
		impactlog edit 1 --tag growth &&
	test_refused 2 "--title: 201 characters; at most 200 are accepted" \
		impactlog edit 1 --title "$(printf "x%.0s" $(seq 201))" &&
	test_refused 2 "--title: not valid UTF-8" impactlog edit 1 --title "$(printf "\xff")" &&
	test_refused 2 "--title: must be one line without control characters" \
		impactlog edit 1 --title "$(printf "a\nb")" &&
	test_refused 2 "--org: not valid UTF-8" impactlog edit 1 --org "$(printf "\xfe")"
'

test_expect_success 'one bad value among good ones changes nothing' '
	test_refused 2 "--share: ${SQ}abc${SQ} is not a percentage from 0 to 100" \
		impactlog edit 1 --title "New title" --org X --share abc --note "new"
'

test_expect_success 'more than 100 orgs are refused' '
	set -- &&
	for i in $(seq 101); do set -- "$@" --org "Org $i"; done &&
	test_refused 2 "--org: too many items; at most 100 are accepted" impactlog edit 1 "$@"
'

test_expect_success 'a missing id: exit 1, nothing changes' '
	test_refused 1 "no achievement #99" impactlog edit 99 --title "x"
'

test_expect_success 'a non-numeric id: exit 2' '
	test_refused 2 "edit: ${SQ}abc${SQ} is not an id (a number such as 12 or #12)" \
		impactlog edit abc --title x &&
	test_refused 2 "edit: ${SQ}0${SQ} is not an id (a number such as 12 or #12)" \
		impactlog edit 0 --title x
'

test_expect_success 'nothing to change, no id, two ids, unknown option' '
	test_refused 2 "edit: nothing to change (see ${SQ}impactlog help edit${SQ})" impactlog edit 1 &&
	test_refused 2 "usage: impactlog edit ID [options] (see ${SQ}impactlog help edit${SQ})" \
		impactlog edit --title x &&
	test_refused 2 "usage: impactlog edit ID [options] (see ${SQ}impactlog help edit${SQ})" \
		impactlog edit 1 2 --title x &&
	test_refused 2 "edit: unknown option ${SQ}--name${SQ} (see ${SQ}impactlog help edit${SQ})" \
		impactlog edit 1 --name x
'

test_expect_success 'an achievement in the trash cannot be edited' '
	impactlog rm 4 >/dev/null &&
	test_refused 1 "#4 is in the trash (bring it back with ${SQ}impactlog restore 4${SQ})" \
		impactlog edit 4 --title "x" &&
	impactlog restore 4 >/dev/null &&
	impactlog edit 4 --title "Back" >/dev/null
'

test_expect_success 'edit on a missing database: exit 1, nothing created' '
	test_refused 1 "no database at $TRASH/absent.db (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
		impactlog --db "$TRASH/absent.db" edit 1 --title x &&
	! test -e absent.db
'

test_done
