#!/usr/bin/env bash
# report --md: Markdown of the fixed fixture against its golden file; tables
# that stay tables whatever the titles hold.

. "$(dirname "$0")/../lib.sh"
. "$TEST_DATA/report-fixture.sh"

test_expect_success 'fixture' '
	report_fixture >/dev/null
'

test_expect_success 'the Markdown report of a cycle matches the golden file' '
	impactlog report --cycle 2026-H1 --md >actual &&
	test_cmp "$TEST_DATA/report-md.golden" actual
'

test_expect_success '--markdown is --md' '
	impactlog report --cycle 2026-H1 --markdown >actual &&
	test_cmp "$TEST_DATA/report-md.golden" actual
'

test_expect_success 'headings for every section' '
	impactlog report --cycle 2026-H1 --md >md &&
	cat >expect <<-\EOF &&
	# Impact report: Example Engineer
	## Totals by tag and unit
	## Readiness for L7 (SWE)
	## Prevented loss
	## Enabled scale
	## Breadth
	## Top achievements by attributed value
	### Prevented loss
	### Enabled scale
	### User growth
	## Visibility gaps
	## Achievements per month
	EOF
	grep "^#" md >actual &&
	test_cmp expect actual
'

test_expect_success 'every table row has as many cells as its header' '
	awk "
		/^\|/ { n = gsub(/[^\\\\]\|/, \"&\"); if (!inside) want = n; inside = 1
			if (n != want) { print \"row \" NR \": \" n \" cells, want \" want; bad = 1 } }
		!/^\|/ { inside = 0 }
		END { exit bad }
	" md
'

test_expect_success 'Markdown in titles is escaped, not obeyed' '
	grep -F "**Fixed \\*retry\\* \\| storm in \\[queue\\]\\_worker signup path**" md &&
	! grep -F "Fixed *retry*" md
'

test_expect_success 'numbers agree with the text report' '
	impactlog report --cycle 2026-H1 >text &&
	grep "^  prevented-loss  USD  *2  *\$1\.9M  *\$420k  *\$100k  *+\$320k$" text &&
	grep -F "| prevented-loss | USD | 2 | \$1.9M | \$420k | \$100k | +\$320k |" md &&
	grep -F "| user-growth | users | 2 | 52k | 22k | 2.5k | +20k |" md &&
	grep "^  user-growth  *users  *2  *52k  *22k  *2\.5k  *+20k$" text
'

test_expect_success 'no terminal colour in Markdown, even on a terminal' '
	(unset NO_COLOR && script -qec "impactlog report --md" /dev/null >tty) &&
	! grep -q "$(printf "\033")" tty
'

test_done
