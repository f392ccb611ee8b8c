/* Unit tests for the normalisation every reader goes through
 * (src/achievement.c): trimming, characters that hide or reorder text, ISO
 * currency codes, dates in the future, orgs named twice, and the editor's
 * reading of them. */

#include "impactlog/achievement.h"
#include "impactlog/editor.h"
#include "impactlog/embed.h"
#include "unit.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static const struct il_date today = {2026, 3, 15};

/* Whether trimming TEXT gives WANT. */
static bool trims_to(const char *text, const char *want)
{
	char *got = il_text_trim(text);
	bool same = strcmp(got, want) == 0;

	if (!same)
		fprintf(stderr, "trim: got '%s', want '%s'\n", got, want);
	free(got);
	return same;
}

static void test_trim(void)
{
	CHECK(trims_to("  Payments  ", "Payments"));
	CHECK(trims_to("\t\r\n Payments \v\f", "Payments"));
	CHECK(trims_to("Ads  Platform", "Ads  Platform"));
	/* Unicode's spaces: no-break, em, ideographic, line separator. */
	CHECK(trims_to("\xc2\xa0Ops\xe2\x80\x83", "Ops"));
	CHECK(trims_to("\xe3\x80\x80東京\xe2\x80\xa8", "東京"));
	/* Not white space: a zero-width space is refused, not trimmed, and a
	 * character whose last bytes look like a space's stays whole. */
	CHECK(trims_to("\xe2\x80\x8bx", "\xe2\x80\x8bx"));
	CHECK(trims_to("日本", "日本"));
	CHECK(trims_to("", ""));
	CHECK(trims_to(" \t ", ""));
	CHECK(il_text_blank(""));
	CHECK(il_text_blank(" \xc2\xa0\t\n"));
	CHECK(!il_text_blank(" x "));
}

/* The phrase il_text_check gives for TEXT, or "" when it passes. */
static const char *why(const char *text, bool single_line)
{
	static char message[256];

	if (il_text_check(text, 1000, single_line, message, sizeof(message)) == 0)
		return "";
	return message;
}

static void test_hidden_characters(void)
{
	CHECK_STR(why("Fix \xe2\x80\xae"
		      "cod.exe",
		      true),
		  "holds U+202E (a bidi override), which makes text read differently from what "
		  "it is");
	CHECK_STR(why("a\xe2\x80\xaa"
		      "b",
		      true),
		  "holds U+202A (a bidi embedding), which makes text read differently from what "
		  "it is");
	CHECK_STR(why("a\xe2\x81\xa6"
		      "b",
		      false),
		  "holds U+2066 (a bidi isolate), which makes text read differently from what "
		  "it is");
	CHECK_STR(why("a\xe2\x81\xa9", true),
		  "holds U+2069 (a bidi pop), which makes text read differently from what it is");
	CHECK_STR(why("pay\xe2\x80\x8bments", true),
		  "holds U+200B (a zero-width space), which makes text read differently from "
		  "what it is");
	CHECK_STR(why("\xef\xbb\xbftitle", true),
		  "holds U+FEFF (a zero-width no-break space), which makes text read differently "
		  "from what it is");
	CHECK_STR(why("a\xe2\x80\x8c"
		      "b",
		      true),
		  "holds U+200C (a zero-width non-joiner), which makes text read differently "
		  "from what it is");
	/* A joiner between letters hides; between pictographs it makes one
	 * emoji (👩‍💻, 🏳️‍🌈) and is accepted. */
	CHECK_STR(why("a\xe2\x80\x8d"
		      "b",
		      true),
		  "holds U+200D (a zero-width joiner), which makes text read differently from "
		  "what it is");
	CHECK_STR(why("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", true), "");
	CHECK_STR(why("\xf0\x9f\x8f\xb3\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x8c\x88", true), "");
	CHECK_STR(why("\xf0\x9f\x91\xa9\xe2\x80\x8d", true),
		  "holds U+200D (a zero-width joiner), which makes text read differently from "
		  "what it is");
	/* Neighbours of the refused ranges pass. */
	CHECK_STR(why("\xe2\x80\x8a\xe2\x80\x8e\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa", true), "");
	/* The older rules still come first. */
	CHECK_STR(why("a\tb", true), "must be one line without control characters");
	CHECK_STR(why("\xff", true), "not valid UTF-8");
}

static void test_iso_currency(void)
{
	CHECK_STR(il_iso_currency("usd"), "USD");
	CHECK_STR(il_iso_currency("Eur"), "EUR");
	CHECK_STR(il_iso_currency("GBP"), "GBP");
	CHECK_STR(il_iso_currency("jpy"), "JPY");
	CHECK(il_iso_currency("rps") == NULL);
	CHECK(il_iso_currency("users") == NULL);
	CHECK(il_iso_currency("US") == NULL);
	CHECK(il_iso_currency("USDT") == NULL);
	CHECK(il_iso_currency("") == NULL);
	/* The table is sorted and upper-case, which the binary search needs. */
	for (size_t i = 1; i < il_iso_currency_count(); i++)
		CHECK(strcmp(il_iso_currency_at(i - 1), il_iso_currency_at(i)) < 0);
	for (size_t i = 0; i < il_iso_currency_count(); i++)
		CHECK(il_iso_currency(il_iso_currency_at(i)) == il_iso_currency_at(i));
}

/* schema/0003-normalise.sql upper-cases the codes as they were then: every
 * code the program knows now must be there, or old records of it keep
 * their case while new ones are upper-case. */
static void test_migration_knows_every_code(void)
{
	const char *migration = NULL;

	for (int i = 0; i < il_schema_count; i++)
		if (strcmp(il_schema[i].name, "0003-normalise.sql") == 0)
			migration = il_schema[i].text;
	CHECK(migration != NULL);
	for (size_t i = 0; migration && i < il_iso_currency_count(); i++) {
		char quoted[8];

		snprintf(quoted, sizeof(quoted), "'%s'", il_iso_currency_at(i));
		if (!strstr(migration, quoted))
			fprintf(stderr, "0003-normalise.sql lacks %s\n", quoted);
		CHECK(strstr(migration, quoted) != NULL);
	}
}

/* Sets FIELD of a fresh achievement from TEXT; the diag's message, or ""
 * when it was accepted. */
static const char *set(struct il_achievement *a, enum il_field field, const char *text, bool split)
{
	static struct il_diag diag;

	if (il_achievement_set(a, field, text, today, split, &diag) == 0)
		return "";
	return diag.message;
}

static void test_set_trims_every_field(void)
{
	struct il_achievement a;

	il_achievement_init(&a, today);
	CHECK_STR(set(&a, IL_FIELD_TITLE, "  Cut p99 latency \xc2\xa0", false), "");
	CHECK_STR(a.title, "Cut p99 latency");
	CHECK_STR(set(&a, IL_FIELD_PROJECT, " Atlas ", false), "");
	CHECK_STR(a.project, "Atlas");
	CHECK_STR(set(&a, IL_FIELD_SHARE, " 40 ", false), "");
	CHECK(a.share == 40);
	CHECK_STR(set(&a, IL_FIELD_NOTE, "\n\n  Situation.\n  Action.\n\n", false), "");
	CHECK_STR(a.note, "Situation.\n  Action.");
	/* Blank is not given: an optional field is cleared, a required one
	 * refused. */
	CHECK_STR(set(&a, IL_FIELD_PROJECT, "   ", false), "");
	CHECK(a.project == NULL);
	CHECK_STR(set(&a, IL_FIELD_TITLE, " \t ", false), "must not be empty");
	il_achievement_free(&a);
}

static void test_set_units(void)
{
	struct il_achievement a;

	il_achievement_init(&a, today);
	CHECK_STR(set(&a, IL_FIELD_UNIT, " usd", false), "");
	CHECK_STR(a.unit, "USD");
	CHECK_STR(set(&a, IL_FIELD_UNIT, "eur", false), "");
	CHECK_STR(a.unit, "EUR");
	/* Other units keep the case typed: storage gives the first spelling. */
	CHECK_STR(set(&a, IL_FIELD_UNIT, "RPS ", false), "");
	CHECK_STR(a.unit, "RPS");
	il_achievement_free(&a);
}

static void test_set_lists(void)
{
	struct il_achievement a;

	il_achievement_init(&a, today);
	CHECK_STR(set(&a, IL_FIELD_ORGS, " Payments; ;payments ;Ads\xe3\x80\x80;PAYMENTS", true),
		  "");
	CHECK(unit_items_are(&a.orgs, ITEMS("Payments", "Ads")));
	/* An option's item is trimmed too; an org named again in another
	 * case is the same org. */
	CHECK_STR(set(&a, IL_FIELD_ORGS, "  ads ", false), "");
	CHECK(unit_items_are(&a.orgs, ITEMS("Payments", "Ads")));
	/* Evidence and witnesses are not names to compare: both stay. */
	CHECK_STR(set(&a, IL_FIELD_EVIDENCE, "go/x;GO/X", true), "");
	CHECK(unit_items_are(&a.evidence, ITEMS("go/x", "GO/X")));
	CHECK_STR(set(&a, IL_FIELD_WITNESSES, "Payments SRE Lead\xe2\x80\xae", false),
		  "holds U+202E (a bidi override), which makes text read differently from what "
		  "it is");
	il_achievement_free(&a);
}

static void test_set_dates(void)
{
	struct il_achievement a;

	il_achievement_init(&a, today);
	CHECK_STR(set(&a, IL_FIELD_DATE, "2026-03-16", false), "");
	CHECK_STR(set(&a, IL_FIELD_DATE, " 2026-03-15 ", false), "");
	CHECK_STR(set(&a, IL_FIELD_DATE, "2026-03-17", false), "'2026-03-17' is in the future");
	CHECK_STR(set(&a, IL_FIELD_DATE, "2031-01-01", false), "'2031-01-01' is in the future");
	CHECK_STR(set(&a, IL_FIELD_DATE, "1900-02-28", false),
		  "'1900-02-28' is before 1900-03-01, the first day accepted");
	CHECK_STR(set(&a, IL_FIELD_DATE, "1900-03-01", false), "");
	il_achievement_free(&a);
}

/* What the editor reads from TEXT: "" when accepted, else its error. */
static const char *entry(const char *text, struct il_achievement *a)
{
	static struct il_buf error;

	il_achievement_free(a);
	il_achievement_init(a, today);
	if (il_entry_parse(text, strlen(text), today, a, &error) == IL_ENTRY_OK)
		return "";
	return il_buf_str(&error);
}

static void test_editor(void)
{
	struct il_achievement a = {0};

	CHECK_STR(entry("tag: user-growth\ntitle: x\xe2\x80\xae\n", &a),
		  "title: holds U+202E (a bidi override), which makes text read differently "
		  "from what it is");
	CHECK_STR(entry("tag: user-growth\ntitle: x\ndate: 2031-01-01\n", &a),
		  "date: '2031-01-01' is in the future");
	CHECK_STR(entry("tag: user-growth\ntitle: x\nunit: usd\norgs: Maps; ;maps\n", &a), "");
	CHECK_STR(a.unit, "USD");
	CHECK(unit_items_are(&a.orgs, ITEMS("Maps")));
	/* A byte order mark that an editor saved opens the file, unseen. */
	CHECK_STR(entry("\xef\xbb\xbftag: user-growth\ntitle: x\n", &a), "");
	CHECK_STR(entry("tag: user-growth\ntitle: \xef\xbb\xbfx\n", &a),
		  "title: holds U+FEFF (a zero-width no-break space), which makes text read "
		  "differently from what it is");
	il_achievement_free(&a);
}

int main(void)
{
	test_trim();
	test_hidden_characters();
	test_iso_currency();
	test_migration_knows_every_code();
	test_set_trims_every_field();
	test_set_units();
	test_set_lists();
	test_set_dates();
	test_editor();
	return unit_done();
}
