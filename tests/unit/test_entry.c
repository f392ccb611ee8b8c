/* Unit tests for il_entry_parse (src/editor.c): the "field: value" text
 * the user saves from the editor, read into an achievement. */

#include "impactlog/editor.h"
#include "unit.h"

#include <stdbool.h>
#include <string.h>

static const struct il_date today = {2026, 3, 8};

/* The entry, its result and the error line of one parse. */
struct parsed {
	enum il_entry_result result;
	struct il_achievement a;
	struct il_buf error;
};

static void parse_n(struct parsed *p, const char *text, size_t len)
{
	*p = (struct parsed){0};
	il_achievement_init(&p->a, today);
	p->result = il_entry_parse(text, len, today, &p->a, &p->error);
}

static void parse(struct parsed *p, const char *text)
{
	parse_n(p, text, strlen(text));
}

static void done(struct parsed *p)
{
	il_achievement_free(&p->a);
	il_buf_free(&p->error);
}

/* Whether TEXT is refused with exactly the error line WANT. */
static bool refused_with(const char *text, const char *want)
{
	struct parsed p;
	bool same;

	parse(&p, text);
	same = p.result == IL_ENTRY_INVALID && strcmp(il_buf_str(&p.error), want) == 0;
	if (!same)
		fprintf(stderr, "refused_with: result %d, error '%s'\n", (int)p.result,
			il_buf_str(&p.error));
	done(&p);
	return same;
}

/* Whether TEXT gives RESULT, and no error line when it is OK. */
static bool result_is(const char *text, enum il_entry_result result)
{
	struct parsed p;
	bool same;

	parse(&p, text);
	same = p.result == result && (result != IL_ENTRY_OK || p.error.len == 0);
	done(&p);
	return same;
}

/* Whether the entry's note is WANT (NULL: no note). */
static bool note_is(const char *text, const char *want)
{
	struct parsed p;
	bool same;

	parse(&p, text);
	same = p.result == IL_ENTRY_OK &&
	       (want ? p.a.note && strcmp(p.a.note, want) == 0 : p.a.note == NULL);
	if (!same)
		fprintf(stderr, "note_is: result %d, note '%s'\n", (int)p.result,
			p.a.note ? p.a.note : "(null)");
	done(&p);
	return same;
}

#define FIELDS                                                                                     \
	"date, tag, title, value, unit, baseline, share, team_size, likelihood, lead_days, "       \
	"confidence, project, orgs, evidence, witnesses, note"

static void test_minimal(void)
{
	struct parsed p;

	parse(&p, "tag: prevented-loss\ntitle: Caught the double charge\n");
	CHECK(p.result == IL_ENTRY_OK);
	CHECK(p.error.len == 0);
	CHECK(p.a.tag == IL_TAG_PREVENTED_LOSS);
	CHECK_STR(p.a.title, "Caught the double charge");
	/* SPEC's defaults, and the tag's unit from il_achievement_check. */
	CHECK(p.a.date.year == 2026 && p.a.date.month == 3 && p.a.date.day == 8);
	CHECK(p.a.share == 100);
	CHECK(p.a.team_size == 1);
	CHECK(p.a.confidence == IL_CONFIDENCE_ESTIMATED);
	CHECK(!p.a.has_value && !p.a.has_baseline && !p.a.has_likelihood);
	CHECK_STR(p.a.unit, "USD");
	CHECK(p.a.uid == NULL && p.a.project == NULL && p.a.note == NULL);
	CHECK(p.a.given == ((1u << IL_FIELD_TAG) | (1u << IL_FIELD_TITLE)));
	done(&p);
}

static void test_every_field(void)
{
	struct parsed p;

	parse(&p, "date: 2026-01-15\n"
		  "tag: prevented-loss\n"
		  "title: Stopped the outage\n"
		  "value: 1.2M\n"
		  "unit: EUR\n"
		  "baseline: 250,000\n"
		  "share: 40%\n"
		  "team_size: 5\n"
		  "likelihood: 30\n"
		  "lead_days: 14\n"
		  "confidence: measured\n"
		  "project: Payments\n"
		  "orgs: growth; payments\n"
		  "evidence: https://example.com/postmortem\n"
		  "witnesses: Dana Q. Smith\n"
		  "note: Found it in review.\n");
	CHECK(p.result == IL_ENTRY_OK);
	CHECK(p.a.date.year == 2026 && p.a.date.month == 1 && p.a.date.day == 15);
	CHECK(p.a.tag == IL_TAG_PREVENTED_LOSS);
	CHECK_STR(p.a.title, "Stopped the outage");
	CHECK(p.a.has_value && p.a.value == 1200000);
	CHECK_STR(p.a.unit, "EUR");
	CHECK(p.a.has_baseline && p.a.baseline == 250000);
	CHECK(p.a.share == 40);
	CHECK(p.a.team_size == 5);
	CHECK(p.a.has_likelihood && p.a.likelihood == 30);
	CHECK(p.a.has_lead_days && p.a.lead_days == 14);
	CHECK(p.a.confidence == IL_CONFIDENCE_MEASURED);
	CHECK_STR(p.a.project, "Payments");
	CHECK(unit_items_are(&p.a.orgs, ITEMS("growth", "payments")));
	CHECK(unit_items_are(&p.a.evidence, ITEMS("https://example.com/postmortem")));
	CHECK(unit_items_are(&p.a.witnesses, ITEMS("Dana Q. Smith")));
	CHECK_STR(p.a.note, "Found it in review.");
	done(&p);
}

/* Comments and blank lines go wherever they are; values are trimmed. */
static void test_layout(void)
{
	struct parsed p;

	parse(&p, "# New achievement\n"
		  "\n"
		  "  tag :   user-growth  \t\n"
		  "# between fields\n"
		  "\t\n"
		  "TITLE: Launched: the new onboarding\n"
		  "project:\n"
		  "value: 12k");
	CHECK(p.result == IL_ENTRY_OK);
	CHECK(p.a.tag == IL_TAG_USER_GROWTH);
	/* The first colon ends the name: the rest is the value. */
	CHECK_STR(p.a.title, "Launched: the new onboarding");
	/* An empty value is a value not given. */
	CHECK(p.a.project == NULL);
	CHECK(!(p.a.given & (1u << IL_FIELD_PROJECT)));
	CHECK(p.a.has_value && p.a.value == 12000);
	CHECK_STR(p.a.unit, "users");
	done(&p);

	/* CRLF line ends, as some editors save them. */
	parse(&p, "tag: enabled-scale\r\ntitle: Sharded\r\nunit: rps\r\nnote: a\r\nb\r\n");
	CHECK(p.result == IL_ENTRY_OK);
	CHECK_STR(p.a.title, "Sharded");
	CHECK_STR(p.a.unit, "rps");
	CHECK_STR(p.a.note, "a\nb");
	done(&p);

	/* A date relative to today. */
	parse(&p, "date: yesterday\ntag: user-growth\ntitle: x\n");
	CHECK(p.result == IL_ENTRY_OK);
	CHECK(p.a.date.year == 2026 && p.a.date.month == 3 && p.a.date.day == 7);
	done(&p);
}

/* Lists split on ';' as in CSV, or take one item per repeated line. */
static void test_lists(void)
{
	struct parsed p;

	parse(&p, "tag: user-growth\n"
		  "title: x\n"
		  "orgs: growth\n"
		  "orgs: payments; search\n"
		  "orgs:\n"
		  "witnesses: Ada Lovelace; Grace\\; Hopper; C:\\\\temp\n"
		  "evidence: ;;\n");
	CHECK(p.result == IL_ENTRY_OK);
	CHECK(unit_items_are(&p.a.orgs, ITEMS("growth", "payments", "search")));
	CHECK(unit_items_are(&p.a.witnesses, ITEMS("Ada Lovelace", "Grace; Hopper", "C:\\temp")));
	CHECK(p.a.evidence.len == 0);
	done(&p);
}

/* The note runs from "note:" to the end of the file, as written. */
static void test_note(void)
{
	CHECK(note_is("tag: user-growth\ntitle: x\nnote: one line\n", "one line"));
	CHECK(note_is("tag: user-growth\ntitle: x\nnote:\n", NULL));
	CHECK(note_is("tag: user-growth\ntitle: x\nnote:\n\n\n", NULL));
	CHECK(note_is("tag: user-growth\ntitle: x\nnote: first\n\nsecond\n  indented\n\n",
		      "first\n\nsecond\n  indented"));
	/* White space around it goes, as around every text field; inside
	 * it, lines keep their indentation. */
	CHECK(note_is("tag: user-growth\ntitle: x\nnote:\n\n   Situation.\n  Action.\n\n\n",
		      "Situation.\n  Action."));
	/* Field lines after "note:" are the note's; comments are still comments. */
	CHECK(note_is("tag: user-growth\ntitle: x\nnote: a\ntitle: y\n# hidden\nshare: 140",
		      "a\ntitle: y\nshare: 140"));
	/* The first line is trimmed as a value is, the end of the last one
	 * as the note's end; the lines between are kept as they are. */
	CHECK(note_is("tag: user-growth\ntitle: x\nnote: a  \n\tb  \n\tc \t\n", "a\n\tb  \n\tc"));
	CHECK(note_is("tag: user-growth\ntitle: x\nnote: Zoë → 王\n", "Zoë → 王"));
	/* The note's first line is trimmed like any value. */
	CHECK(note_is("tag: user-growth\ntitle: x\nnote:    spaced\n", "spaced"));
}

static void test_empty(void)
{
	CHECK(result_is("", IL_ENTRY_EMPTY_FILE));
	CHECK(result_is("\n\n", IL_ENTRY_EMPTY_FILE));
	CHECK(result_is("# only\n# comments\n\n", IL_ENTRY_EMPTY_FILE));
	CHECK(result_is(" \t \n", IL_ENTRY_EMPTY_FILE));
	CHECK(result_is("title:\n", IL_ENTRY_EMPTY_TITLE));
	CHECK(result_is("tag: prevented-loss\ntitle:   \n", IL_ENTRY_EMPTY_TITLE));
	CHECK(result_is("tag: prevented-loss\n", IL_ENTRY_EMPTY_TITLE));
	/* The title given only inside the note is no title. */
	CHECK(result_is("tag: prevented-loss\nnote: x\ntitle: y\n", IL_ENTRY_EMPTY_TITLE));
	/* Emptying the title gives up before any other complaint. */
	CHECK(result_is("share: 140\ntitle:\n", IL_ENTRY_EMPTY_TITLE));
	CHECK(result_is("nonsense\nbogus: 1\ntitle:\n", IL_ENTRY_EMPTY_TITLE));
}

static void test_refused_lines(void)
{
	CHECK(refused_with("tag: user-growth\ntitle: x\nhello\n",
			   "'hello' is not a 'field: value' line"));
	CHECK(refused_with("tag: user-growth\ntitle: x\n"
			   "this line is far longer than forty characters, surely\n",
			   "'this line is far longer than forty chara…' is not a 'field: value' "
			   "line"));
	CHECK(refused_with("tag: user-growth\ntitle: x\nsome\ttab\n",
			   "a line with control characters is not a 'field: value' line"));
	/* Only a '#' that starts the line makes a comment. */
	CHECK(refused_with("tag: user-growth\ntitle: x\n  # indented\n",
			   "'# indented' is not a 'field: value' line"));
	CHECK(refused_with("tag: user-growth\ntitle: x\nshares: 40\n",
			   "unknown field 'shares' (fields: " FIELDS ")"));
	/* The uid is assigned when stored, never typed. */
	CHECK(refused_with("uid: abc\ntag: user-growth\ntitle: x\n",
			   "unknown field 'uid' (fields: " FIELDS ")"));
	CHECK(refused_with("tag: user-growth\ntitle: x\nte\tam: 1\n",
			   "unknown field with control characters (fields: " FIELDS ")"));
	CHECK(refused_with("tag: user-growth\ntitle: x\ntitle: y\n", "'title' given twice"));
	CHECK(refused_with("tag: user-growth\ntitle: x\nTag: user-growth\n", "'tag' given twice"));
	/* An empty line counts as given. */
	CHECK(refused_with("tag: user-growth\nproject:\ntitle: x\nproject: y\n",
			   "'project' given twice"));
}

static void test_refused_values(void)
{
	CHECK(refused_with("tag: user-growth\ntitle: x\nshare: 140\n",
			   "share: '140' is not a percentage from 0 to 100"));
	CHECK(refused_with("tag: sideways\ntitle: x\n",
			   "tag: 'sideways' is not a tag (prevented-loss, enabled-scale or "
			   "user-growth)"));
	CHECK(refused_with("tag: user-growth\ntitle: x\nvalue: -5\n",
			   "value: '-5' is not an amount of 0 or more (e.g. 250000, 250k, 1.2M, "
			   "3B)"));
	CHECK(refused_with("tag: user-growth\ntitle: x\ndate: tomorrow\n",
			   "date: 'tomorrow' is not a date (YYYY-MM-DD, today or yesterday)"));
	/* The first problem is told, later ones wait their turn. */
	CHECK(refused_with("tag: user-growth\ntitle: x\nshare: 140\nbogus\nvalue: -5\n",
			   "share: '140' is not a percentage from 0 to 100"));
}

/* Once every line is read, the rules that tie fields together. */
static void test_refused_entry(void)
{
	CHECK(refused_with("title: x\n",
			   "tag: required (prevented-loss, enabled-scale or user-growth)"));
	CHECK(refused_with("tag: enabled-scale\ntitle: x\nvalue: 10\n",
			   "unit: required with a value for enabled-scale (what the value counts: "
			   "rps, TB, teams, ...)"));
	CHECK(refused_with("tag: user-growth\ntitle: x\nlikelihood: 50\n",
			   "likelihood: only applies to prevented-loss achievements, not "
			   "user-growth"));
}

/* Bytes that are not text are refused before any line is read. */
static void test_refused_bytes(void)
{
	static const char with_nul[] = "tag: user-growth\ntitle: x\0y\n";
	struct parsed p;

	parse_n(&p, with_nul, sizeof(with_nul) - 1);
	CHECK(p.result == IL_ENTRY_INVALID);
	CHECK_STR(il_buf_str(&p.error), "the file holds a NUL byte: only text is accepted");
	CHECK(p.a.title == NULL);
	done(&p);
	CHECK(refused_with("tag: user-growth\ntitle: \xff\n", "the file is not valid UTF-8"));
	CHECK(refused_with("\xc0\xaf", "the file is not valid UTF-8"));
}

/* The error line is the parse's own: one left from before is cleared. */
static void test_error_reset(void)
{
	struct il_achievement a;
	struct il_buf error = {0};

	il_buf_puts(&error, "stale");
	il_achievement_init(&a, today);
	CHECK(il_entry_parse("tag: user-growth\ntitle: x\n", 26, today, &a, &error) == IL_ENTRY_OK);
	CHECK(error.len == 0);
	il_achievement_free(&a);
	il_buf_free(&error);
}

int main(void)
{
	test_minimal();
	test_every_field();
	test_layout();
	test_lists();
	test_note();
	test_empty();
	test_refused_lines();
	test_refused_values();
	test_refused_entry();
	test_refused_bytes();
	test_error_reset();
	return unit_done();
}
