#!/usr/bin/env bash
# readiness with the built-in rubric over the demo's half year (the data
# scripts/demo logs): a TPM going for L7, held to golden text and JSON.
# Rewrite the goldens with tests/data/report-update-goldens.sh.

. "$(dirname "$0")/../lib.sh"
. "$SOURCE_DIR/scripts/demo-data.sh"

# The demo's achievements run to 2026-11-20: its clock is the end of the half.
export SOURCE_DATE_EPOCH=1796040000 # 2026-11-30 12:00 UTC

test_expect_success 'the demo data' '
	demo_data
'

test_expect_success 'readiness for L7 (TPM) matches its golden text' '
	impactlog readiness --cycle 2026-H2 >actual &&
	test_cmp "$TEST_DATA/demo-readiness.golden" actual &&
	tail -n 1 actual | grep -q "^ready for L7 (TPM): [0-9]* of [0-9]* measurable expectations met; [0-9]* to argue in person$"
'

test_expect_success 'and its golden JSON, with every key SPEC names' '
	impactlog readiness --cycle 2026-H2 --format json >actual.json &&
	test_cmp "$TEST_DATA/demo-readiness.json" actual.json
'

test_expect_success 'the text report carries the same section and verdict' '
	impactlog report --cycle 2026-H2 >report &&
	grep -q "^READINESS FOR L7 (TPM)$" report &&
	tail -n 1 actual >verdict &&
	grep -qxF "  $(cat verdict)" report
'

test_done
