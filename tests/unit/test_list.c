/* Unit tests for the ';'-separated lists of src/achievement.c:
 * il_list_split and il_list_join. */

#include "impactlog/achievement.h"
#include "unit.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Whether splitting TEXT gives the items WANT. */
static bool split_is(const char *text, const char *const *want)
{
	struct il_strlist list = {0};
	bool same;

	il_list_split(text, &list);
	same = unit_items_are(&list, want);
	il_strlist_clear(&list);
	return same;
}

#define NO_ITEMS ((const char *const[]){NULL})

/* Whether joining the items ITEMS gives WANT. */
static bool join_is(const char *const *items, const char *want)
{
	struct il_strlist list = {0};
	struct il_buf out = {0};
	bool same;

	for (size_t i = 0; items[i]; i++)
		il_strlist_push(&list, items[i]);
	il_list_join(&list, &out);
	same = strcmp(il_buf_str(&out), want) == 0;
	il_buf_free(&out);
	il_strlist_clear(&list);
	return same;
}

/* Whether ITEMS, joined and split again, come back as they were. */
static bool round_trips(const char *const *items)
{
	struct il_strlist list = {0}, back = {0};
	struct il_buf text = {0};
	bool same;

	for (size_t i = 0; items[i]; i++)
		il_strlist_push(&list, items[i]);
	il_list_join(&list, &text);
	il_list_split(il_buf_str(&text), &back);
	same = unit_items_are(&back, items);
	il_buf_free(&text);
	il_strlist_clear(&list);
	il_strlist_clear(&back);
	return same;
}

static void test_split(void)
{
	CHECK(split_is("growth", ITEMS("growth")));
	CHECK(split_is("growth;payments;search", ITEMS("growth", "payments", "search")));
	CHECK(split_is("Zoë Müller;王小明", ITEMS("Zoë Müller", "王小明")));
	CHECK(split_is("https://example.com/a?b=c&d", ITEMS("https://example.com/a?b=c&d")));
	CHECK(split_is("a,b", ITEMS("a,b"))); /* only ';' separates */
}

/* White space around an item goes (tabs and Unicode spaces too), spaces
 * inside it stay. */
static void test_split_trims(void)
{
	CHECK(split_is("  growth  ", ITEMS("growth")));
	CHECK(split_is("growth ; payments", ITEMS("growth", "payments")));
	CHECK(split_is(" Ada  Lovelace ;Grace Hopper", ITEMS("Ada  Lovelace", "Grace Hopper")));
	CHECK(split_is("a\t; b", ITEMS("a", "b")));
	CHECK(split_is("\ta", ITEMS("a")));
	CHECK(split_is("\xc2\xa0Ops\xe3\x80\x80;\xe2\x80\x83", ITEMS("Ops")));
}

static void test_split_drops_empty(void)
{
	CHECK(split_is("", NO_ITEMS));
	CHECK(split_is(";", NO_ITEMS));
	CHECK(split_is(";;;", NO_ITEMS));
	CHECK(split_is("   ", NO_ITEMS));
	CHECK(split_is(" ; ; ", NO_ITEMS));
	CHECK(split_is("a;;b", ITEMS("a", "b")));
	CHECK(split_is(";a;", ITEMS("a")));
	CHECK(split_is("a; ;b;", ITEMS("a", "b")));
}

/* "\;" is a ';' inside an item, "\\" a backslash; any other backslash is
 * kept as it is. */
static void test_split_escapes(void)
{
	CHECK(split_is("a\\;b", ITEMS("a;b")));
	CHECK(split_is("a\\;b;c", ITEMS("a;b", "c")));
	CHECK(split_is("\\;", ITEMS(";")));
	CHECK(split_is(" \\; ", ITEMS(";")));
	CHECK(split_is("a\\\\b", ITEMS("a\\b")));
	CHECK(split_is("a\\\\;b", ITEMS("a\\", "b")));
	CHECK(split_is("a\\\\\\;b", ITEMS("a\\;b")));
	CHECK(split_is("C:\\temp", ITEMS("C:\\temp")));
	CHECK(split_is("a\\", ITEMS("a\\")));
	CHECK(split_is("\\", ITEMS("\\")));
	CHECK(split_is("\\n", ITEMS("\\n")));
	/* An escaped ';' is not a separator, so the item is not empty. */
	CHECK(split_is("a;\\;;b", ITEMS("a", ";", "b")));
}

/* Splitting appends to what the list already holds. */
static void test_split_appends(void)
{
	struct il_strlist list = {0};

	il_strlist_push(&list, "first");
	il_list_split("second;third", &list);
	CHECK(unit_items_are(&list, ITEMS("first", "second", "third")));
	il_list_split("", &list);
	CHECK(list.len == 3);
	il_strlist_clear(&list);
}

static void test_join(void)
{
	CHECK(join_is(NO_ITEMS, ""));
	CHECK(join_is(ITEMS("growth"), "growth"));
	CHECK(join_is(ITEMS("growth", "payments"), "growth;payments"));
	CHECK(join_is(ITEMS(" spaced ", "x"), " spaced ;x"));
	CHECK(join_is(ITEMS("a;b"), "a\\;b"));
	CHECK(join_is(ITEMS("a\\b"), "a\\\\b"));
	CHECK(join_is(ITEMS("a\\;b", "c"), "a\\\\\\;b;c"));
	CHECK(join_is(ITEMS(";", "\\"), "\\;;\\\\"));
	CHECK(join_is(ITEMS("Zoë", "王"), "Zoë;王"));
	/* Join writes an empty item as it is; split then drops it. */
	CHECK(join_is(ITEMS("a", "", "b"), "a;;b"));
}

/* Joining appends to what the buffer already holds. */
static void test_join_appends(void)
{
	struct il_strlist list = {0};
	struct il_buf out = {0};

	il_buf_puts(&out, "orgs=");
	il_strlist_push(&list, "a;b");
	il_strlist_push(&list, "c");
	il_list_join(&list, &out);
	CHECK_STR(il_buf_str(&out), "orgs=a\\;b;c");
	il_buf_free(&out);
	il_strlist_clear(&list);
}

/* Items as il_achievement_set stores them (trimmed, not empty) survive
 * join and split whatever they hold. */
static void test_round_trip(void)
{
	CHECK(round_trips(NO_ITEMS));
	CHECK(round_trips(ITEMS("growth")));
	CHECK(round_trips(ITEMS("growth", "payments", "search")));
	CHECK(round_trips(ITEMS("a;b", "c")));
	CHECK(round_trips(ITEMS("a\\b", "a\\;b", "a\\\\;b")));
	CHECK(round_trips(ITEMS(";", "\\", ";;", "\\\\")));
	CHECK(round_trips(ITEMS("ends with \\", "\\ starts")));
	CHECK(round_trips(ITEMS("a ; b", "C:\\temp\\x")));
	CHECK(round_trips(ITEMS("Zoë Müller", "王小明", "🙂")));
	/* What does not survive: spaces around an item and empty items. */
	CHECK(!round_trips(ITEMS(" spaced")));
	CHECK(!round_trips(ITEMS("a", "", "b")));
}

/* Every item of up to three characters from ';', '\\', ' ' and 'x',
 * alone and beside another, comes back. */
static void test_round_trip_exhaustive(void)
{
	static const char alphabet[] = ";\\ x";
	int failures = 0, tried = 0;

	for (int length = 1; length <= 3; length++) {
		int count = 1;

		for (int i = 0; i < length; i++)
			count *= 4;
		for (int n = 0; n < count; n++) {
			char item[4];
			int rest = n;

			for (int i = 0; i < length; i++, rest /= 4)
				item[i] = alphabet[rest % 4];
			item[length] = '\0';
			if (item[0] == ' ' || item[length - 1] == ' ')
				continue; /* trimmed: not a stored item */
			tried++;
			if (!round_trips(ITEMS(item)) || !round_trips(ITEMS(item, "x")) ||
			    !round_trips(ITEMS("x", item, item)))
				failures++;
		}
	}
	CHECK(tried > 40);
	CHECK(failures == 0);
}

int main(void)
{
	test_split();
	test_split_trims();
	test_split_drops_empty();
	test_split_escapes();
	test_split_appends();
	test_join();
	test_join_appends();
	test_round_trip();
	test_round_trip_exhaustive();
	return unit_done();
}
