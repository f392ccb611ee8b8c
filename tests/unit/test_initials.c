/* Unit tests for il_report_initials (src/report.c): witness names reduced
 * to initials in redacted reports. */

#include "impactlog/report.h"
#include "unit.h"

#include <stdio.h>
#include <string.h>

/* The initials of NAME, in a buffer valid until the next call. */
static const char *initials(const char *name)
{
	static char text[64];
	struct il_buf out = {0};

	il_report_initials(name, &out);
	snprintf(text, sizeof(text), "%s", il_buf_str(&out));
	il_buf_free(&out);
	return text;
}

static void test_words(void)
{
	CHECK_STR(initials("Dana Q. Smith"), "D.Q.S.");
	CHECK_STR(initials("Payments SRE lead"), "P.S.L.");
	CHECK_STR(initials("Ada Lovelace"), "A.L.");
	CHECK_STR(initials("Ada"), "A.");
	CHECK_STR(initials("ada lovelace"), "A.L.");
	CHECK_STR(initials("A"), "A.");
	CHECK_STR(initials("R2 D2"), "R.D.");
	CHECK_STR(initials("3rd shift"), "3.S.");
}

/* Spaces, tabs, newlines and - _ / . , ; ( ) separate words, however many. */
static void test_separators(void)
{
	CHECK_STR(initials("  Ada   Lovelace  "), "A.L.");
	CHECK_STR(initials("Ada\tLovelace\nByron"), "A.L.B.");
	CHECK_STR(initials("Jean-Luc Picard"), "J.L.P.");
	CHECK_STR(initials("site_reliability/oncall"), "S.R.O.");
	CHECK_STR(initials("Smith, Dana; Lee"), "S.D.L.");
	CHECK_STR(initials("Dr.No"), "D.N.");
	CHECK_STR(initials("Bob (payments)"), "B.P.");
	CHECK_STR(initials("--Ada--"), "A.");
	/* An apostrophe is part of a word. */
	CHECK_STR(initials("Sinéad O'Brien"), "S.O.");
}

/* A non-ASCII initial is its whole first code point, kept as typed: only
 * ASCII letters are made capitals. */
static void test_utf8(void)
{
	CHECK_STR(initials("Zoë Ångström"), "Z.Å.");
	CHECK_STR(initials("Élodie Durand"), "É.D.");
	CHECK_STR(initials("élodie durand"), "é.D.");
	CHECK_STR(initials("Łukasz Żuk"), "Ł.Ż.");
	CHECK_STR(initials("王小明"), "王.");
	CHECK_STR(initials("王 小明"), "王.小.");
	CHECK_STR(initials("Σωκράτης"), "Σ.");
	CHECK_STR(initials("🙂 Fan"), "🙂.F.");
	/* A combining accent after an ASCII letter is not part of the initial. */
	CHECK_STR(initials("E\xcc\x81milie"), "E.");
}

static void test_empty(void)
{
	CHECK_STR(initials(""), "");
	CHECK_STR(initials("   "), "");
	CHECK_STR(initials(" \t\n-_/.,;() "), "");
}

/* Initials are appended to what the buffer already holds. */
static void test_appends(void)
{
	struct il_buf out = {0};

	il_buf_puts(&out, "Witnesses: ");
	il_report_initials("Ada Lovelace", &out);
	il_buf_puts(&out, ", ");
	il_report_initials("", &out);
	il_report_initials("Grace Hopper", &out);
	CHECK_STR(il_buf_str(&out), "Witnesses: A.L., G.H.");
	il_buf_free(&out);
}

int main(void)
{
	test_words();
	test_separators();
	test_utf8();
	test_empty();
	test_appends();
	return unit_done();
}
