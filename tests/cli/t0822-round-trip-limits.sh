#!/usr/bin/env bash
# Whatever add accepts, export writes and import reads back: an achievement
# at every field limit (100 orgs, evidence items and witnesses of 1000
# characters, 4-byte characters, quotes and separators to escape) makes the
# round trip through CSV and through JSON.

. "$(dirname "$0")/../lib.sh"

# item PREFIX [LENGTH]: LENGTH characters (default 1000): PREFIX, then
# 4-byte characters, a quote and a list separator: 3.6 bytes of CSV a
# character.
item () {
	/usr/bin/python3 -c 'import sys
prefix, length = sys.argv[1], int(sys.argv[2])
print(prefix + ("😀😀😀😀😀😀😀\";" * length)[:length - len(prefix)])' "$1" "${2:-1000}"
}

test_expect_success 'an achievement at every limit is accepted' '
	args=() &&
	for i in $(seq 100); do
		args+=(--org "$(item "o$i")" --evidence "$(item "e$i")" --witness "$(item "w$i")")
	done &&
	impactlog add prevented-loss "$(item t 200)" "${args[@]}" \
		--note "$(item n 10000)" --project "$(item p 200)" \
		--unit "$(item u 40)" >out &&
	echo "added #1" >expect &&
	test_cmp expect out &&
	test "$(sqlite3 "$IMPACTLOG_DB" "SELECT count(*) FROM achievement_org")" = 100
'

test_expect_success 'its export is a line longer than 1 MiB' '
	impactlog export all.csv &&
	test "$(awk "length(\$0) > m { m = length(\$0) } END { print m }" all.csv)" -gt 1048576
'

test_expect_success 'import reads it back: the same bytes again' '
	impactlog --db copy.db import all.csv >out &&
	echo "imported 1 achievement (0 already present)" >expect &&
	test_cmp expect out &&
	impactlog --db copy.db export again.csv &&
	cmp all.csv again.csv &&
	impactlog --db copy.db import all.csv >out &&
	echo "imported 0 achievements (1 already present)" >expect &&
	test_cmp expect out
'

test_expect_success 'add --json reads back what list --format json writes, escaped or not' '
	impactlog list --format json >list.json &&
	/usr/bin/python3 -c "import json, sys
record = json.load(open(\"list.json\"))[0]
del record[\"id\"], record[\"uid\"]
json.dump(record, open(\"escaped.json\", \"w\"))
json.dump(record, sys.stdout, ensure_ascii=False)" >one.json &&
	test "$(wc -c <one.json)" -gt 1048576 &&
	impactlog --db json.db add --json <one.json >out &&
	echo "added #1" >expect &&
	test_cmp expect out &&
	impactlog --db json.db export json.csv &&
	cut -d, -f 2- all.csv >expect &&
	cut -d, -f 2- json.csv >actual &&
	test_cmp expect actual &&
	test "$(wc -c <escaped.json)" -gt 2097152 &&
	impactlog --db escaped.db add --json <escaped.json >out &&
	echo "added #1" >expect &&
	test_cmp expect out &&
	impactlog --db escaped.db export escaped.csv &&
	cut -d, -f 2- escaped.csv >actual &&
	cut -d, -f 2- all.csv >expect &&
	test_cmp expect actual
'

test_expect_success 'one item more, or one character more, is refused on input' '
	test_refused 2 "--org: 1001 characters; at most 1000 are accepted" \
		impactlog add user-growth x --org "$(item o)x" &&
	args=() &&
	for i in $(seq 101); do args+=(--witness "w$i"); done &&
	test_refused 2 "--witness: too many items; at most 100 are accepted" \
		impactlog add user-growth x "${args[@]}"
'

test_done
