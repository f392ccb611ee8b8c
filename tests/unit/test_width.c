/* Unit tests for the display widths of src/util.c: il_utf8_width and
 * il_utf8_prefix_width. */

#include "impactlog/util.h"
#include "unit.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The bytes of TEXT that fill at most COLUMNS columns, as a string. */
static const char *prefix(const char *text, size_t columns)
{
	static char out[256];
	size_t bytes = il_utf8_prefix_width(text, columns);

	snprintf(out, sizeof(out), "%.*s", (int)bytes, text);
	return out;
}

static void test_narrow(void)
{
	CHECK(il_utf8_width("") == 0);
	CHECK(il_utf8_width("abc") == 3);
	CHECK(il_utf8_width("Résumé café") == 11);
	CHECK(il_utf8_width("€£→·…") == 5);
	/* Emoji that show as text by default take one column. */
	CHECK(il_utf8_width("☺") == 1);
	CHECK(il_utf8_width("✔") == 1);
}

static void test_wide(void)
{
	CHECK(il_utf8_width("日本語") == 6);
	CHECK(il_utf8_width("한국어") == 6);
	CHECK(il_utf8_width("ＡＢ") == 4); /* fullwidth */
	CHECK(il_utf8_width("、。") == 4); /* CJK punctuation */
	CHECK(il_utf8_width("𠀀𪜀") == 4); /* plane 2 ideographs */
	/* Emoji_Presentation, in and out of the emoji blocks. */
	CHECK(il_utf8_width("✅") == 2);
	CHECK(il_utf8_width("⭐") == 2);
	CHECK(il_utf8_width("⚡") == 2);
	CHECK(il_utf8_width("☕") == 2);
	CHECK(il_utf8_width("⌛") == 2);
	CHECK(il_utf8_width("😀🚀🤖🥇🫠") == 10);
	CHECK(il_utf8_width("Shipped ✅ on time ⭐") == 21);
}

static void test_zero(void)
{
	CHECK(il_utf8_width("e\xcc\x81") == 1);		       /* e + combining acute */
	CHECK(il_utf8_width("\xe0\xa4\x95\xe0\xa4\xbf") == 2); /* Devanagari ki: a spacing mark */
	CHECK(il_utf8_width("\xe0\xa4\x95\xe0\xa5\x8d") == 1); /* ka + virama */
	CHECK(il_utf8_width("a\xe2\x80\x8b"
			    "b") == 2); /* zero-width space */
	CHECK(il_utf8_width("\xef\xbb\xbf"
			    "x") == 1);			       /* U+FEFF */
	CHECK(il_utf8_width("☕\xef\xb8\x8f") == 2);	       /* variation selector 16 */
	CHECK(il_utf8_width("\xe1\x84\x80\xe1\x85\xa1") == 2); /* conjoining Hangul */
}

static void test_prefix(void)
{
	CHECK_STR(prefix("abcdef", 3), "abc");
	CHECK_STR(prefix("日本語", 3), "日");
	CHECK_STR(prefix("日本語", 4), "日本");
	CHECK_STR(prefix("✅✅✅", 5), "✅✅");
	/* A character keeps the marks that follow it. */
	CHECK_STR(prefix("e\xcc\x81"
			 "e\xcc\x81"
			 "e",
			 2),
		  "e\xcc\x81"
		  "e\xcc\x81");
	CHECK_STR(prefix("abc", 0), "");
	CHECK_STR(prefix("abc", 10), "abc");
}

int main(void)
{
	test_narrow();
	test_wide();
	test_zero();
	test_prefix();
	return unit_done();
}
