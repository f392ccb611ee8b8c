#!/usr/bin/env bash
# report --xlsx prints: LibreOffice's PDF export of the workbook has about
# one page per sheet, every sheet one page wide (each page shows its
# sheet's last column header, repeated on every page of a long sheet), a
# header naming the sheet and a footer with the person, the period and
# "Page N of M".  The hidden Org rows sheet does not print.

. "$(dirname "$0")/../lib.sh"
. "$TEST_DATA/report-fixture.sh"

pdf () {
	HOME=$TEST_ROOT/home soffice -env:UserInstallation=file://$TRASH/lo-profile \
		--headless --convert-to pdf --outdir pdf "$@" >pdf.log 2>&1 &&
	for file in "$@"; do
		test -s "pdf/${file%.xlsx}.pdf" || { echo "no PDF of $file"; cat pdf.log; return 1; }
	done
}

# The text of page N of PDF, laid out as on the page.
page () {
	pdftotext -layout -f "$2" -l "$2" "$1" -
}

pages () {
	pdfinfo "$1" | sed -n "s/^Pages: *//p"
}

# Fails unless every page of PDF whose header names SHEET shows TEXT.
# Prints how many pages name SHEET.
each_page_of () {
	local file=$1 sheet=$2 text=$3 n count=0

	for n in $(seq 1 "$(pages "$file")"); do
		page "$file" "$n" >page.txt
		head -3 page.txt | grep -q "^ *$sheet *$" || continue
		count=$((count + 1))
		grep -qF "$text" page.txt ||
			{ echo "page $n ($sheet) has no '$text'"; cat page.txt; return 1; }
	done
	echo "$count"
}

test_expect_success 'set up the fixture and a long log' '
	report_fixture >/dev/null &&
	impactlog report --xlsx fixture.xlsx &&
	echo "date,tag,title,value,unit,share,team_size,project,orgs" >long.csv &&
	for i in $(seq 1 150); do
		echo "2025-$(printf %02d $((i % 12 + 1)))-$(printf %02d $((i % 28 + 1))),user-growth,Generated achievement $i,$((i * 100)),users,50,2,Project $((i % 5)),Org $((i % 7));Growth"
	done >>long.csv &&
	impactlog import long.csv >/dev/null &&
	impactlog report --xlsx long.xlsx
'

test_expect_success LIBREOFFICE,PDFINFO 'the fixture prints on about one page per sheet, each one wide' '
	pdf fixture.xlsx long.xlsx &&
	total=$(pages pdf/fixture.pdf) &&
	echo "fixture: $total pages" &&
	test "$total" -ge 5 && test "$total" -le 8 &&
	test "$(each_page_of pdf/fixture.pdf Summary "Attributed (yours)")" -ge 1 &&
	test "$(each_page_of pdf/fixture.pdf Achievements Project)" -eq 1 &&
	test "$(each_page_of pdf/fixture.pdf "By org" "Attributed (users)")" -eq 1 &&
	test "$(each_page_of pdf/fixture.pdf "By project" "Attributed (users)")" -eq 1 &&
	test "$(each_page_of pdf/fixture.pdf Timeline Note)" -eq 1 &&
	! pdftotext pdf/fixture.pdf - | grep -q "Org of its achievement"
'

test_expect_success LIBREOFFICE,PDFINFO 'every page has the person, the period and its number' '
	total=$(pages pdf/fixture.pdf) &&
	for n in $(seq 1 "$total"); do
		page pdf/fixture.pdf "$n" | grep -q "Example Engineer .* all time .* Page $n of $total" ||
			{ echo "page $n has no footer"; exit 1; }
	done
'

test_expect_success LIBREOFFICE,PDFINFO 'a long Achievements sheet repeats its header on every page' '
	test "$(each_page_of pdf/long.pdf Achievements Project)" -ge 2 &&
	test "$(each_page_of pdf/long.pdf Achievements "Share %")" -ge 2
'

test_done
