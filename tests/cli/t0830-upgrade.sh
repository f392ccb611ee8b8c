#!/usr/bin/env bash
# Longevity: a database of every schema version so far opens with today's
# program, is upgraded in place to the latest version, and reads as if its
# records had been logged today, normalised by the same rules.
# Each fixture tests/data/schema-vN.db is made by tests/data/schema-fixture.sh
# from the migrations as they shipped; every new migration adds its own
# (see HACKING.md).

. "$(dirname "$0")/../lib.sh"

latest=$(ls "$SOURCE_DIR"/schema/[0-9][0-9][0-9][0-9]-*.sql | wc -l)
fixtures=$(cd "$TEST_DATA" && ls schema-v*.db | sed 's/^schema-v\([0-9]*\)\.db$/\1/' | sort -n)

user_version () {
	sqlite3 "$1" "PRAGMA user_version"
}

# listed DB KEYS [FILTER...]: the KEYS (a comma-separated list) of each
# achievement that list --format json gives, one line each, "|"-separated.
listed () {
	local db=$1 keys=$2 key columns=

	shift 2
	impactlog --db "$db" list --format json "$@" >listed.json &&
	for key in ${keys//,/ }; do
		columns="${columns:+$columns, }json_extract(value, '\$.$key')"
	done &&
	sqlite3 :memory: "SELECT $columns FROM json_each(readfile('listed.json'))"
}

# A migration that ships makes the version before it a past one, which
# then needs its fixture; a fixture of the latest version is welcome too.
test_expect_success SQLITE3 'a fixture for every schema version before the latest' '
	for v in $(seq 1 $((latest - 1))); do
		test -f "$TEST_DATA/schema-v$v.db" ||
		{ echo "no tests/data/schema-v$v.db: see HACKING.md" >&3; exit 1; }
	done &&
	for v in $fixtures; do
		test "$v" -le "$latest" || exit 1
	done
'

for v in $fixtures; do
	test_expect_success SQLITE3 "schema v$v: export upgrades it and reads every record back normalised" '
		cp "$TEST_DATA/schema-v$v.db" v$v.db &&
		test "$(user_version v$v.db)" = '"$v"' &&
		impactlog --db v$v.db export >actual &&
		test_cmp "$TEST_DATA/schema-upgrade.expect.csv" actual &&
		test "$(user_version v$v.db)" = "$latest"
	'

	test_expect_success SQLITE3 "schema v$v: check finds nothing to report after the upgrade" '
		impactlog --db v$v.db check >out 2>err &&
		echo ok >expect &&
		test_cmp expect out &&
		test_must_be_empty err
	'

	test_expect_success SQLITE3 "schema v$v: the search index holds what the records now say" '
		sqlite3 v$v.db "SELECT count(*) FROM achievement_search AS s
			JOIN achievement_fts AS f ON f.rowid = s.id
			WHERE f.title IS s.title AND f.note IS s.note AND f.project IS s.project
			  AND f.orgs IS s.orgs AND f.evidence IS s.evidence
			  AND f.witnesses IS s.witnesses" >actual &&
		sqlite3 v$v.db "SELECT count(*) FROM achievement" >expect &&
		test_cmp expect actual
	'

	test_expect_success SQLITE3 "schema v$v: one spelling per unit, project and org, and search sees it" '
		impactlog --db v$v.db report >report &&
		grep -q "^  Distinct orgs  *4$" report &&
		grep -q "^  prevented-loss  USD  *2 " report &&
		grep -q "^  user-growth     Users  *2 " report &&
		grep -q "^  enabled-scale   rps  *2 " report &&
		! grep -qi "^  payments  *1 " report &&
		listed v$v.db uid --org PAYMENTS >actual &&
		printf "%s\n" fixture-6 fixture-5 fixture-2 fixture-1 >expect &&
		test_cmp expect actual &&
		listed v$v.db uid,orgs --org " payments " --project HERMES >actual &&
		printf "%s\n" "fixture-5|[\"Payments\",\"Growth\"]" \
			"fixture-2|[\"Payments\",\"Infra\"]" >expect &&
		test_cmp expect actual &&
		listed v$v.db uid --search core >actual &&
		printf "%s\n" fixture-8 fixture-1 >expect &&
		test_cmp expect actual &&
		listed v$v.db uid,unit,project --deleted >actual &&
		echo "fixture-9|GBP|Atlas" >expect &&
		test_cmp expect actual
	'

	test_expect_success SQLITE3 "schema v$v: the profile is trimmed" '
		impactlog --db v$v.db profile >actual &&
		cat >expect <<-\EOF &&
		name:          Staff Engineer, Payments
		level:         L6
		track:         SWE
		target_level:  L7
		manager:       Director of Payments Engineering
		EOF
		test_cmp expect actual
	'

	test_expect_success SQLITE3 "schema v$v: new records take the spellings the old ones had" '
		impactlog --db v$v.db add user-growth "Referral v2" --value 1k --unit USERS \
			--org " payments" --project ATLAS >/dev/null &&
		listed v$v.db title,unit,project,orgs --project atlas >actual &&
		printf "%s\n" "Referral v2|Users|Atlas|[\"Payments\"]" \
			"Unblocked three teams|Teams|Atlas|[\"Core\"]" >expect &&
		test_cmp expect actual
	'
done

test_expect_success SQLITE3 'the fixtures themselves are never changed by the tests' '
	for v in $fixtures; do
		test "$(user_version "$TEST_DATA/schema-v$v.db")" = "$v" || exit 1
	done
'

test_done
