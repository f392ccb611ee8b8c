#!/usr/bin/env bash
# report (text and Markdown) of the hostile fixture against golden files:
# units and orgs that differ only in case are one, formula-looking and
# Markdown-looking text stays as typed, and amounts from 0.01 to 10^15 are
# written by one rounding rule, without exponents, never cut.
# Rewrite the goldens with tests/data/report-update-goldens.sh.

. "$(dirname "$0")/../lib.sh"
. "$TEST_DATA/hostile-fixture.sh"

test_expect_success 'the hostile fixture' '
	hostile_fixture >/dev/null &&
	hostile_fixture_units >/dev/null
'

test_expect_success 'the text report matches its golden file' '
	impactlog report >actual &&
	test_cmp "$TEST_DATA/hostile-text.golden" actual
'

test_expect_success 'the Markdown report matches its golden file' '
	impactlog report --md >actual.md &&
	test_cmp "$TEST_DATA/hostile-md.golden" actual.md
'

test_expect_success 'one totals row per unit, whatever its case; no exponent anywhere' '
	test "$(grep -c "^  prevented-loss  USD " actual)" -eq 1 &&
	! grep -qi "^  prevented-loss  usd .*usd" actual &&
	! grep -Eq "[0-9]e[+-]?[0-9]" actual actual.md
'

test_done
