#!/usr/bin/env bash
# The numbers people read and the columns they take: one rounding rule in
# list and the reports, exact JSON numbers, list's width and colour on a
# terminal, wide characters, the previous period of a narrowed cycle, and
# --redact with --search.

. "$(dirname "$0")/../lib.sh"

ESC=$(printf "\033")

test_expect_success 'setup' '
	impactlog add prevented-loss "Stopped a double-charge bug" --date 2026-02-10 \
		--value 2250000 >/dev/null &&
	impactlog add user-growth "Referral programme" --date 2026-03-01 --value 1250000 >/dev/null &&
	impactlog add enabled-scale "Cache tier" --date 2026-03-02 --value 15500 --unit rps \
		--baseline 502.5 >/dev/null &&
	impactlog add prevented-loss "Refund rounding" --date 2026-03-03 --value 0.5 >/dev/null &&
	impactlog add prevented-loss "Penny fix" --date 2026-03-04 --value 0.01 >/dev/null
'

test_expect_success 'list rounds half away from zero and keeps small amounts' '
	impactlog list >out &&
	grep -q "  \$2.3M  Stopped a double-charge bug$" out &&
	grep -q "  1.3M users  Referral programme$" out &&
	grep -q "  16k rps  Cache tier$" out &&
	grep -q "  \$0.50  Refund rounding$" out &&
	grep -q "  \$0.01  Penny fix$" out
'

test_expect_success 'the reports round the same way, with no exponent' '
	impactlog add enabled-scale "Fleet-wide" --date 2026-03-05 --value 1e15 --unit rps \
		--baseline 1e-12 >/dev/null &&
	impactlog report >text &&
	impactlog report --md >md &&
	for f in text md; do
		grep -q "\$2.3M" $f &&
		grep -q "1,000T" $f &&
		grep -q ">999,999,999×" $f &&
		! grep -q "\$2.2M" $f &&
		! grep -Eq "[0-9]e[-+]?[0-9]|inf" $f || { echo "in $f"; exit 1; }
	done &&
	grep -q "Scaled 502.5 → 15.5k rps\|Scaled 503 → 16k rps" text &&
	grep -q "(30.8×)" text
'

test_expect_success 'piped, list never cuts a title, whatever COLUMNS says' '
	title="$(printf "word%.0s " $(seq 30))needle" &&
	impactlog add user-growth "$title" --date 2026-03-06 >/dev/null &&
	impactlog list | grep -q "needle$" &&
	COLUMNS=40 impactlog list | grep -q "  $title$"
'

test_expect_success SCRIPT 'on a terminal, COLUMNS sets the width before the terminal does' '
	on_terminal "stty cols 120; COLUMNS=60 impactlog list" &&
	test "$(widest tty.out)" -le 60 &&
	grep -q "…$" tty.out &&
	! grep -q needle tty.out &&
	on_terminal "stty cols 120; impactlog list" &&
	test "$(widest tty.out)" -gt 80 &&
	test "$(widest tty.out)" -le 120 &&
	for columns in 0 -5 abc 12x ""; do
		on_terminal "stty cols 70; COLUMNS=$columns impactlog list" &&
		test "$(widest tty.out)" -le 70 &&
		test "$(widest tty.out)" -gt 60 || { echo "COLUMNS=$columns"; exit 1; }
	done
'

test_expect_success SCRIPT 'colour only on a terminal whose TERM is not dumb, without NO_COLOR' '
	on_terminal "TERM=xterm env -u NO_COLOR impactlog list" &&
	grep -q "$ESC\[" tty.out &&
	on_terminal "TERM=xterm NO_COLOR= impactlog list" &&
	grep -q "$ESC\[" tty.out &&
	on_terminal "TERM=xterm NO_COLOR=1 impactlog list" &&
	! grep -q "$ESC" tty.out &&
	on_terminal "TERM=dumb env -u NO_COLOR impactlog list" &&
	! grep -q "$ESC" tty.out &&
	grep -q "Penny fix" tty.out &&
	(unset NO_COLOR && TERM=xterm impactlog list >out) &&
	! grep -q "$ESC" out
'

test_expect_success SCRIPT 'emoji and wide titles take two columns each and fit the terminal' '
	impactlog add user-growth "$(printf "Shipped ✅ on time ⭐ fast ⚡ with ☕ %.0s" $(seq 5))" \
		--date 2026-03-07 >/dev/null &&
	impactlog add user-growth "$(printf "✅%.0s" $(seq 60))" --date 2026-03-07 >/dev/null &&
	impactlog add user-growth "$(printf "日本%.0s" $(seq 30))" --date 2026-03-07 >/dev/null &&
	for cols in 60 61 79 80; do
		on_terminal "stty cols $cols; impactlog list --since 2026-03-07" &&
		test "$(widest tty.out)" -le $cols || { echo "cols $cols"; cat tty.out; exit 1; }
	done &&
	on_terminal "stty cols 80; impactlog list --since 2026-03-07" &&
	grep -q "✅…$" tty.out
'

# At 80 columns, ids of three characters and no amount leave the title
# 80 - (3 + 2 + 10 + 2 + 14 + 2 + 10 + 2) = 35 columns.
test_expect_success SCRIPT 'an emoji title of exactly the room is not cut, one more is' '
	fits="$(printf "☕%.0s" $(seq 17))x" &&
	impactlog add user-growth "$fits" --date 2026-03-08 >/dev/null &&
	on_terminal "stty cols 80; impactlog list --since 2026-03-08" &&
	grep -q "  $fits$" tty.out &&
	impactlog add user-growth "$(printf "☕%.0s" $(seq 18))" --date 2026-03-08 >/dev/null &&
	on_terminal "stty cols 80; impactlog list --since 2026-03-08" &&
	grep -q "  $(printf "☕%.0s" $(seq 17))…$" tty.out &&
	test "$(widest tty.out)" -le 80
'

test_expect_success 'list --format json numbers read back as the same doubles' '
	impactlog add enabled-scale "Exact numbers" --date 2026-03-09 --unit rps \
		--value 0.30000000000000004 --baseline 0.1 --share 33.333333333333336 >/dev/null &&
	impactlog add prevented-loss "More exact numbers" --date 2026-03-09 \
		--value 123456789.12345679 --likelihood 12.345678901234567 --share 99.99999999999999 \
		--lead-days 3 >/dev/null &&
	impactlog add enabled-scale "Extremes" --date 2026-03-09 --unit rps --value 1e18 \
		--baseline 5e-324 --share 0.0001 >/dev/null &&
	impactlog list --format json >list.json &&
	grep -q "\"share\":33.333333333333336" list.json &&
	grep -q "\"value\":0.30000000000000004" list.json &&
	/usr/bin/python3 - list.json <<-\EOF
	import json, sys
	rows = {r["title"]: r for r in json.load(open(sys.argv[1]))}
	assert rows["Exact numbers"]["share"] == 33.333333333333336, rows["Exact numbers"]
	assert rows["Exact numbers"]["value"] == 0.1 + 0.2, rows["Exact numbers"]
	assert rows["More exact numbers"]["likelihood"] == 12.345678901234567
	assert rows["Extremes"]["baseline"] == 5e-324, rows["Extremes"]
	EOF
'

test_expect_success 'list --format json, then add --json on a fresh database: the same export' '
	impactlog export all.csv &&
	/usr/bin/python3 -c "import json, sys
for row in reversed(json.load(open(sys.argv[1]))): print(json.dumps(row))" list.json >objects &&
	while read -r object; do
		printf "%s" "$object" | IMPACTLOG_DB="$TRASH/fresh.db" impactlog add --json >/dev/null ||
		{ echo "refused: $object"; exit 1; }
	done <objects &&
	IMPACTLOG_DB="$TRASH/fresh.db" impactlog export again.csv &&
	test_cmp all.csv again.csv
'

test_expect_success 'a narrowed cycle is compared with the same span one cycle earlier' '
	IMPACTLOG_DB="$TRASH/cycles.db" && export IMPACTLOG_DB &&
	for date in 2025-07-15 2025-08-01 2025-12-31 2026-01-15 2026-02-01 2026-03-10; do
		impactlog add prevented-loss "Risk of $date" --date $date --value 1k >/dev/null || exit 1
	done &&
	impactlog report --cycle 2026-H1 --since 2026-02-01 >text &&
	grep -q "^  Period  *2026-02-01 to 2026-06-30$" text &&
	grep -q "^  Previous period  *2025-08-01 to 2025-12-31: 2 achievements (+0 this" text &&
	grep -q "attributed value from 2025-08-01 to 2025-12-31\.$" text &&
	grep -q "^  prevented-loss  USD  *2  *\$2k  *\$2k  *\$2k  *0$" text &&
	! grep -q "2026-H1\|2025-H2" text &&
	impactlog report --md --cycle 2026-H1 --until 2026-01-31 >md &&
	grep -q "| Period | 2026-01-01 to 2026-01-31 |" md &&
	grep -q "| Previous period | 2025-07-01 to 2025-07-31: 1 achievement (+0 this period) |" md &&
	impactlog report --cycle 2026-H1 >whole &&
	grep -q "^  Period  *2026-H1 (2026-01-01 to 2026-06-30)$" whole &&
	grep -q "^  Previous cycle  *2025-H2 (2025-07-01 to 2025-12-31): 3 achievements" whole
'

test_expect_success 'a month-end bound stays a month end one cycle earlier' '
	IMPACTLOG_DB="$TRASH/cycles.db" && export IMPACTLOG_DB &&
	impactlog report --cycle 2026-H1 --until 2026-02-28 >text &&
	grep -q "^  Previous period  *2025-07-01 to 2025-08-31: " text &&
	impactlog report --cycle 2026-H2 --since 2026-08-31 >text &&
	grep -q "^  Previous period  *2026-02-28 to 2026-06-30: " text &&
	impactlog report --cycle 2026-Q1 --since 2026-02-15 >text &&
	grep -q "^  Previous period  *2025-11-15 to 2025-12-31: " text &&
	impactlog report --cycle 2026 --since 2026-03-01 >text &&
	grep -q "^  Previous period  *2025-03-01 to 2025-12-31: " text
'

test_expect_success '--redact with --search never prints the search text' '
	impactlog add user-growth "Pairing sessions" --date 2026-03-10 \
		--witness "Quinlan Marsh" --note "with Quinlan" >/dev/null &&
	for format in --text --md; do
		impactlog report --redact --search quinlan $format >out &&
		grep -q "Pairing sessions" out &&
		grep -q "search (text left out)" out &&
		! grep -qi quinlan out || { echo "in $format"; cat out; exit 1; }
	done &&
	impactlog report --search quinlan >out &&
	grep -q "search ${SQ}quinlan${SQ}" out
'

test_done
