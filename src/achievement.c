/* The achievement's field rules: the il_fields table, tag and confidence
 * names, il_achievement_set and il_achievement_check (the one path by
 * which every reader sets a field), and the normalisation of text and
 * lists.  Storage is in achievement_store.c, the bulk loader in
 * achievement_bulk.c. */

#include "impactlog/achievement.h"

#include "achievement_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define TEAM_SIZE_MAX 1000000
#define LEAD_DAYS_MAX 36500

#define IL_STR(x)	#x
#define IL_STRING_OF(x) IL_STR(x)

const struct il_field_info il_fields[IL_FIELD_COUNT] = {
	[IL_FIELD_UID] = {.column = "uid", .option = "--uid", .optional = true},
	[IL_FIELD_DATE] = {.column = "date",
			   .option = "--date",
			   .metavar = "DATE",
			   .help = "YYYY-MM-DD, today or yesterday",
			   .by_default = "today"},
	[IL_FIELD_TAG] = {.column = "tag",
			  .option = "--tag",
			  .required = true,
			  .metavar = "TAG",
			  .help = "prevented-loss, enabled-scale or user-growth"},
	[IL_FIELD_TITLE] = {.column = "title",
			    .option = "--title",
			    .required = true,
			    .metavar = "TEXT",
			    .help = "what you did, one line of at most " IL_STRING_OF(
				    IL_TITLE_MAX) " characters"},
	[IL_FIELD_VALUE] = {.column = "value",
			    .option = "--value",
			    .optional = true,
			    .metavar = "AMOUNT",
			    .help = "outcome magnitude: 250000, 250k, 1.2M, 3B"},
	[IL_FIELD_UNIT] = {.column = "unit",
			   .option = "--unit",
			   .optional = true,
			   .metavar = "UNIT",
			   .help = "USD (prevented-loss), users (user-growth); required with a "
				   "value for enabled-scale: rps, TB, teams, ..."},
	[IL_FIELD_BASELINE] = {.column = "baseline",
			       .option = "--baseline",
			       .optional = true,
			       .metavar = "AMOUNT",
			       .help = "the value before: capacity before, users before"},
	[IL_FIELD_SHARE] = {.column = "share",
			    .option = "--share",
			    .metavar = "PERCENT",
			    .help = "your share of the outcome, percent 0-100",
			    .by_default = "100"},
	[IL_FIELD_TEAM_SIZE] = {.column = "team_size",
				.option = "--team-size",
				.metavar = "N",
				.help = "people who delivered it",
				.by_default = "1"},
	[IL_FIELD_LIKELIHOOD] = {.column = "likelihood",
				 .option = "--likelihood",
				 .optional = true,
				 .metavar = "PERCENT",
				 .help = "prevented-loss: chance the loss would have happened, "
					 "percent",
				 .by_default = "100"},
	[IL_FIELD_LEAD_DAYS] = {.column = "lead_days",
				.option = "--lead-days",
				.optional = true,
				.metavar = "N",
				.help = "prevented-loss: days before impact the risk was caught"},
	[IL_FIELD_CONFIDENCE] = {.column = "confidence",
				 .option = "--confidence",
				 .metavar = "LEVEL",
				 .help = "measured, estimated (default) or projected"},
	[IL_FIELD_PROJECT] = {.column = "project",
			      .option = "--project",
			      .optional = true,
			      .metavar = "NAME",
			      .help = "the initiative or workstream it belongs to"},
	[IL_FIELD_ORGS] = {.column = "orgs",
			   .option = "--org",
			   .is_list = true,
			   .optional = true,
			   .metavar = "NAME",
			   .help = "orgs or product lines touched"},
	[IL_FIELD_EVIDENCE] = {.column = "evidence",
			       .option = "--evidence",
			       .is_list = true,
			       .optional = true,
			       .metavar = "LINK",
			       .help = "links or doc names that prove it"},
	[IL_FIELD_WITNESSES] = {.column = "witnesses",
				.option = "--witness",
				.is_list = true,
				.optional = true,
				.metavar = "NAME",
				.help = "people who can vouch for it"},
	[IL_FIELD_NOTE] = {.column = "note",
			   .option = "--note",
			   .optional = true,
			   .metavar = "TEXT",
			   .help = "the story: situation, action, result"},
};

/* A tag's terminal colour (yellow, cyan, green) is near its chart colour
 * (amber, teal, green), so that `list`, the text report and the
 * workbook's charts colour it alike. */
const struct il_tag_info il_tags[IL_TAG_COUNT] = {
	[IL_TAG_PREVENTED_LOSS] = {"prevented-loss", "Prevented loss", "Loss", "loss", "USD",
				   "\033[33m", 0xD4A017},
	[IL_TAG_ENABLED_SCALE] = {"enabled-scale", "Enabled scale", "Scale", "scale", NULL,
				  "\033[36m", 0x2A9DB0},
	[IL_TAG_USER_GROWTH] = {"user-growth", "User growth", "Growth", "growth", "users",
				"\033[32m", 0x4CA64C},
};

const char *const il_confidence_names[IL_CONFIDENCE_COUNT] = {
	[IL_CONFIDENCE_MEASURED] = "measured",
	[IL_CONFIDENCE_ESTIMATED] = "estimated",
	[IL_CONFIDENCE_PROJECTED] = "projected",
};

int il_field_by_column(const char *name)
{
	for (int f = 0; f < IL_FIELD_COUNT; f++)
		if (strcmp(il_fields[f].column, name) == 0)
			return f;
	return -1;
}

const struct il_tag_info *il_tag_info(enum il_tag tag)
{
	return &il_tags[tag >= IL_TAG_FIRST && tag < IL_TAG_COUNT ? tag : IL_TAG_COUNT - 1];
}

const char *il_tag_name(enum il_tag tag)
{
	return tag >= IL_TAG_FIRST && tag < IL_TAG_COUNT ? il_tags[tag].name : "";
}

enum il_tag il_tag_parse(const char *name)
{
	for (enum il_tag t = IL_TAG_FIRST; t < IL_TAG_COUNT; t++)
		if (strcmp(il_tags[t].name, name) == 0)
			return t;
	return IL_TAG_NONE;
}

const char *il_confidence_name(enum il_confidence confidence)
{
	return il_confidence_names[confidence];
}

/* The unit a tag's values have unless the user names one. */
static const char *default_unit(enum il_tag tag)
{
	return tag >= IL_TAG_FIRST && tag < IL_TAG_COUNT ? il_tags[tag].default_unit : NULL;
}

void il_achievement_init(struct il_achievement *a, struct il_date today)
{
	*a = (struct il_achievement){
		.date = today,
		.share = 100,
		.team_size = 1,
		.confidence = IL_CONFIDENCE_ESTIMATED,
	};
}

void il_achievement_free(struct il_achievement *a)
{
	free(a->uid);
	free(a->title);
	free(a->unit);
	free(a->project);
	free(a->note);
	free(a->deleted_at);
	il_strlist_clear(&a->orgs);
	il_strlist_clear(&a->evidence);
	il_strlist_clear(&a->witnesses);
	*a = (struct il_achievement){0};
}

IL_PRINTF(2, 3) static int diagnose(struct il_diag *diag, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(diag->message, sizeof(diag->message), fmt, ap);
	va_end(ap);
	return -1;
}

/* The bytes of the white-space character at P, 0 when there is none: ASCII's
 * (space, tab, line ends, vertical tab, form feed) and Unicode's spaces,
 * U+00A0 (no-break), U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F,
 * U+205F and U+3000, which a paste from a document or a chat brings. */
static size_t space_at(const unsigned char *p)
{
	if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		return 1;
	if (p[0] == 0xc2 && p[1] == 0xa0)
		return 2;
	if (p[0] == 0xe1 && p[1] == 0x9a && p[2] == 0x80)
		return 3;
	if (p[0] == 0xe2 && p[1] == 0x80 &&
	    ((p[2] >= 0x80 && p[2] <= 0x8a) || p[2] == 0xa8 || p[2] == 0xa9 || p[2] == 0xaf))
		return 3;
	if (p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0x9f)
		return 3;
	if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	return 0;
}

/* The bytes of the white-space character that ends at END, START being
 * the start of the text; 0 when there is none. */
static size_t space_before(const char *start, const char *end)
{
	for (size_t n = 1; n <= 3 && (size_t)(end - start) >= n; n++)
		if (space_at((const unsigned char *)end - n) == n)
			return n;
	return 0;
}

char *il_text_trim(const char *text)
{
	const char *end = text + strlen(text);
	size_t n;

	while ((n = space_at((const unsigned char *)text)) > 0)
		text += n;
	while (end > text && (n = space_before(text, end)) > 0)
		end -= n;
	return il_xstrndup(text, (size_t)(end - text));
}

bool il_text_blank(const char *text)
{
	size_t n;

	while ((n = space_at((const unsigned char *)text)) > 0)
		text += n;
	return *text == '\0';
}

/* What each character that makes text read differently from what it is
 * does: bidi controls reorder what follows them, zero-width ones hide. */
static const struct {
	unsigned code_point;
	const char *what;
} hidden_chars[] = {
	{0x200B, "a zero-width space"},
	{0x200C, "a zero-width non-joiner"},
	{0x200D, "a zero-width joiner"},
	{0x202A, "a bidi embedding"},
	{0x202B, "a bidi embedding"},
	{0x202C, "a bidi pop"},
	{0x202D, "a bidi override"},
	{0x202E, "a bidi override"},
	{0x2066, "a bidi isolate"},
	{0x2067, "a bidi isolate"},
	{0x2068, "a bidi isolate"},
	{0x2069, "a bidi pop"},
	{0xFEFF, "a zero-width no-break space"},
};

/* The code point of valid UTF-8 at P, and its length in *LEN. */
static unsigned decode(const unsigned char *p, size_t *len)
{
	if (*p < 0x80) {
		*len = 1;
		return *p;
	}
	if (*p < 0xe0) {
		*len = 2;
		return ((unsigned)(p[0] & 0x1f) << 6) | (p[1] & 0x3f);
	}
	if (*p < 0xf0) {
		*len = 3;
		return ((unsigned)(p[0] & 0x0f) << 12) | ((unsigned)(p[1] & 0x3f) << 6) |
		       (p[2] & 0x3f);
	}
	*len = 4;
	return ((unsigned)(p[0] & 0x07) << 18) | ((unsigned)(p[1] & 0x3f) << 12) |
	       ((unsigned)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
}

/* Symbols and emoji that a zero-width joiner may join into one picture
 * (👩‍💻, 🏳️‍🌈): arrows to dingbats, the emoji planes, and the variation
 * selector that makes a symbol an emoji. */
static bool is_pictograph(unsigned code_point)
{
	return (code_point >= 0x2190 && code_point <= 0x2BFF) || code_point == 0xFE0F ||
	       (code_point >= 0x1F000 && code_point <= 0x1FAFF);
}

/* The row of hidden_chars for the first such character of valid UTF-8
 * TEXT, or -1.  A zero-width joiner between two pictographs is an emoji
 * sequence's, and hides nothing. */
static int hidden_char(const char *text)
{
	unsigned before = 0;
	size_t len;

	for (const unsigned char *p = (const unsigned char *)text; *p; p += len) {
		unsigned code_point = decode(p, &len);

		if (code_point == 0x200D && is_pictograph(before) && p[len] &&
		    is_pictograph(decode(p + len, &(size_t){0}))) {
			before = code_point;
			continue;
		}
		for (size_t i = 0; i < IL_ARRAY_LEN(hidden_chars); i++)
			if (hidden_chars[i].code_point == code_point)
				return (int)i;
		before = code_point;
	}
	return -1;
}

int il_text_check(const char *text, long max, bool single_line, char *why, size_t size)
{
	long length = il_utf8_length(text, strlen(text));
	int hidden;

	if (length < 0)
		snprintf(why, size, "not valid UTF-8");
	else if (length > max)
		snprintf(why, size, "%ld characters; at most %ld are accepted", length, max);
	else if (il_has_control(text, single_line))
		snprintf(why, size, "%s",
			 single_line ? "must be one line without control characters"
				     : "must not contain control characters");
	else if ((hidden = hidden_char(text)) >= 0)
		snprintf(why, size,
			 "holds U+%04X (%s), which makes text read differently from what it is",
			 hidden_chars[hidden].code_point, hidden_chars[hidden].what);
	else
		return 0;
	return -1;
}

/* The checks every piece of text passes: valid UTF-8, a length limit in
 * characters, no control characters (single_line also bars newlines) and
 * none that reorder or hide text. */
static int check_text(const char *text, long max, bool single_line, struct il_diag *diag)
{
	return il_text_check(text, max, single_line, diag->message, sizeof(diag->message));
}

/* The active ISO 4217 currency codes (and a few just withdrawn, which old
 * records still name), sorted: a unit that is one, whatever its case, is
 * stored upper-case.  schema/0003-normalise.sql holds the same list, as
 * it was when that migration was written; tests/unit/test_normalise.c
 * checks that every code here is there too. */
static const char iso_currencies[][4] = {
	"AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
	"BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
	"CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
	"EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
	"GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
	"JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
	"LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
	"MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
	"PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
	"SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
	"THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU",
	"UZS", "VED", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR",
	"ZMW", "ZWG", "ZWL",
};

const char *il_iso_currency(const char *unit)
{
	char upper[4];
	size_t low = 0, high = IL_ARRAY_LEN(iso_currencies);

	if (strlen(unit) != 3)
		return NULL;
	for (int i = 0; i < 3; i++)
		upper[i] = unit[i] >= 'a' && unit[i] <= 'z' ? (char)(unit[i] - 'a' + 'A') : unit[i];
	upper[3] = '\0';
	while (low < high) {
		size_t mid = (low + high) / 2;
		int order = strcmp(upper, iso_currencies[mid]);

		if (order == 0)
			return iso_currencies[mid];
		if (order < 0)
			high = mid;
		else
			low = mid + 1;
	}
	return NULL;
}

size_t il_iso_currency_count(void)
{
	return IL_ARRAY_LEN(iso_currencies);
}

const char *il_iso_currency_at(size_t i)
{
	return i < IL_ARRAY_LEN(iso_currencies) ? iso_currencies[i] : NULL;
}

static void replace_string(char **slot, const char *text)
{
	free(*slot);
	*slot = text ? il_xstrdup(text) : NULL;
}

unsigned char il_fold_case(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

bool il_same_folded(const char *a, const char *b)
{
	while (*a && il_fold_case((unsigned char)*a) == il_fold_case((unsigned char)*b))
		a++, b++;
	return *a == *b;
}

static bool holds_folded(const struct il_strlist *list, const char *name)
{
	for (size_t i = 0; i < list->len; i++)
		if (il_same_folded(list->items[i], name))
			return true;
	return false;
}

/* An org named twice in one achievement, whatever the case, is one org. */
static int set_list(struct il_strlist *list, bool first, const char *text, bool split,
		    bool one_per_name, struct il_diag *diag)
{
	struct il_strlist items = {0};
	int rc = 0;

	if (first)
		il_strlist_clear(list);
	/* Items are trimmed however they arrive (il_achievement_set trims one
	 * item, il_list_split each of a list's), so that what is stored reads
	 * back the same from an export. */
	if (split)
		il_list_split(text, &items);
	else
		il_strlist_push(&items, text);
	for (size_t i = 0; i < items.len && rc == 0; i++) {
		if (check_text(items.items[i], IL_TEXT_MAX, true, diag) < 0)
			rc = -1;
		else if (one_per_name && holds_folded(list, items.items[i]))
			continue;
		else if (list->len >= IL_LIST_MAX)
			rc = diagnose(diag, "too many items; at most %d are accepted", IL_LIST_MAX);
		else
			il_strlist_push(list, items.items[i]);
	}
	il_strlist_clear(&items);
	return rc;
}

struct il_strlist *il_achievement_list_of(struct il_achievement *a, enum il_field field)
{
	switch (field) {
	case IL_FIELD_ORGS:
		return &a->orgs;
	case IL_FIELD_EVIDENCE:
		return &a->evidence;
	default:
		return &a->witnesses;
	}
}

static void clear_field(struct il_achievement *a, enum il_field field)
{
	switch (field) {
	case IL_FIELD_UID:
		replace_string(&a->uid, NULL);
		break;
	case IL_FIELD_VALUE:
		a->has_value = false;
		break;
	case IL_FIELD_UNIT:
		replace_string(&a->unit, NULL);
		break;
	case IL_FIELD_BASELINE:
		a->has_baseline = false;
		break;
	case IL_FIELD_LIKELIHOOD:
		a->has_likelihood = false;
		break;
	case IL_FIELD_LEAD_DAYS:
		a->has_lead_days = false;
		break;
	case IL_FIELD_PROJECT:
		replace_string(&a->project, NULL);
		break;
	case IL_FIELD_NOTE:
		replace_string(&a->note, NULL);
		break;
	case IL_FIELD_ORGS:
	case IL_FIELD_EVIDENCE:
	case IL_FIELD_WITNESSES:
		il_strlist_clear(il_achievement_list_of(a, field));
		break;
	default:
		break;
	}
}

/* Reports a parser's phrase after the quoted input. */
static int parsed(const char *why, const char *text, struct il_diag *diag)
{
	char q[IL_QUOTED_SIZE];

	if (!why)
		return 0;
	return diagnose(diag, "%s %s", il_quoted(text, q), why);
}

/* A calendar day from 1900-03-01 on: before it, spreadsheets number days
 * wrongly (Lotus's 1900-02-29), and the workbook could not show it. */
static int set_date(struct il_achievement *a, const char *text, struct il_date today,
		    struct il_diag *diag)
{
	if (parsed(il_parse_date_relative(text, today, &a->date), text, diag) < 0)
		return -1;
	if (!il_date_accepted(a->date))
		return parsed("is before 1900-03-01, the first day accepted", text, diag);
	/* The log records what happened.  A day of slack: somewhere east of
	 * the user it may already be tomorrow. */
	if (il_date_to_days(a->date) > il_date_to_days(today) + 1)
		return parsed("is in the future", text, diag);
	return 0;
}

static int set_text_field(char **slot, const char *text, long max, bool single_line,
			  struct il_diag *diag)
{
	if (check_text(text, max, single_line, diag) < 0)
		return -1;
	replace_string(slot, text);
	return 0;
}

static int set_count(long long *slot, bool *has, const char *text, long long min, long long max,
		     struct il_diag *diag)
{
	char q[IL_QUOTED_SIZE];

	if (il_parse_count(text, min, max, slot))
		return diagnose(diag, "%s is not a whole number from %lld to %lld",
				il_quoted(text, q), min, max);
	if (has)
		*has = true;
	return 0;
}

/* A unit that is an ISO currency code is written upper-case: "usd" is USD. */
static int set_unit(struct il_achievement *a, const char *text, struct il_diag *diag)
{
	const char *currency = il_iso_currency(text);

	return set_text_field(&a->unit, currency ? currency : text, IL_UNIT_MAX, true, diag);
}

static int set_tag(struct il_achievement *a, const char *text, struct il_diag *diag)
{
	enum il_tag tag = il_tag_parse(text);

	if (tag == IL_TAG_NONE)
		return parsed("is not a tag (prevented-loss, enabled-scale or user-growth)", text,
			      diag);
	a->tag = tag;
	return 0;
}

static int set_confidence(struct il_achievement *a, const char *text, struct il_diag *diag)
{
	for (size_t c = 0; c < IL_ARRAY_LEN(il_confidence_names); c++) {
		if (strcmp(il_confidence_names[c], text) == 0) {
			a->confidence = (enum il_confidence)c;
			return 0;
		}
	}
	return parsed("is not a confidence (measured, estimated or projected)", text, diag);
}

static int set_uid(struct il_achievement *a, const char *text, struct il_diag *diag)
{
	if (check_text(text, IL_UID_MAX, true, diag) < 0)
		return -1;
	if (strchr(text, ' '))
		return parsed("is not a uid (no spaces)", text, diag);
	replace_string(&a->uid, text);
	return 0;
}

/* Whether FIELD keeps the text as given (and checks it with check_text)
 * rather than parsing it into a number, date or choice. */
static bool stores_text(enum il_field field)
{
	switch (field) {
	case IL_FIELD_UID:
	case IL_FIELD_TITLE:
	case IL_FIELD_UNIT:
	case IL_FIELD_PROJECT:
	case IL_FIELD_ORGS:
	case IL_FIELD_EVIDENCE:
	case IL_FIELD_WITNESSES:
	case IL_FIELD_NOTE:
		return true;
	default:
		return false;
	}
}

static int set_trimmed(struct il_achievement *a, enum il_field field, const char *text,
		       struct il_date today, bool split_lists, struct il_diag *diag)
{
	bool first = !(a->given & (1u << field));

	if (*text == '\0') {
		if (!il_fields[field].optional)
			return diagnose(diag, "must not be empty");
		clear_field(a, field);
		a->given |= 1u << field;
		return 0;
	}
	a->given |= 1u << field;
	/* A value that is parsed rather than stored is quoted in the parser's
	 * message: bytes that are not UTF-8 or control characters must be
	 * refused first, whichever reader (command line, CSV, JSON, editor)
	 * brought them.  Stored text passes check_text instead. */
	if (!stores_text(field) && check_text(text, LONG_MAX, true, diag) < 0)
		return -1;
	switch (field) {
	case IL_FIELD_UID:
		return set_uid(a, text, diag);
	case IL_FIELD_DATE:
		return set_date(a, text, today, diag);
	case IL_FIELD_TAG:
		return set_tag(a, text, diag);
	case IL_FIELD_TITLE:
		return set_text_field(&a->title, text, IL_TITLE_MAX, true, diag);
	case IL_FIELD_VALUE:
		a->has_value = true;
		return parsed(il_parse_amount(text, &a->value), text, diag);
	case IL_FIELD_UNIT:
		return set_unit(a, text, diag);
	case IL_FIELD_BASELINE:
		a->has_baseline = true;
		return parsed(il_parse_amount(text, &a->baseline), text, diag);
	case IL_FIELD_SHARE:
		return parsed(il_parse_percent(text, &a->share), text, diag);
	case IL_FIELD_TEAM_SIZE:
		return set_count(&a->team_size, NULL, text, 1, TEAM_SIZE_MAX, diag);
	case IL_FIELD_LIKELIHOOD:
		a->has_likelihood = true;
		return parsed(il_parse_percent(text, &a->likelihood), text, diag);
	case IL_FIELD_LEAD_DAYS:
		return set_count(&a->lead_days, &a->has_lead_days, text, 0, LEAD_DAYS_MAX, diag);
	case IL_FIELD_CONFIDENCE:
		return set_confidence(a, text, diag);
	case IL_FIELD_PROJECT:
		return set_text_field(&a->project, text, IL_PROJECT_MAX, true, diag);
	case IL_FIELD_NOTE:
		return set_text_field(&a->note, text, IL_NOTE_MAX, false, diag);
	case IL_FIELD_ORGS:
	case IL_FIELD_EVIDENCE:
	case IL_FIELD_WITNESSES:
		return set_list(il_achievement_list_of(a, field), first, text, split_lists,
				field == IL_FIELD_ORGS, diag);
	case IL_FIELD_COUNT:
		break;
	}
	return diagnose(diag, "is not a field");
}

/* Every field is read without the white space around it, however it
 * came, and a value that is only white space is no value: for a required
 * field "must not be empty", for an optional one nothing, as "" is. */
int il_achievement_set(struct il_achievement *a, enum il_field field, const char *text,
		       struct il_date today, bool split_lists, struct il_diag *diag)
{
	char *trimmed = il_text_trim(text);
	int rc;

	diag->field = field;
	diag->message[0] = '\0';
	rc = set_trimmed(a, field, trimmed, today, split_lists, diag);
	free(trimmed);
	return rc;
}

int il_achievement_check(struct il_achievement *a, struct il_diag *diag)
{
	diag->message[0] = '\0';
	if (a->tag == IL_TAG_NONE) {
		diag->field = IL_FIELD_TAG;
		return diagnose(diag, "required (%s)", il_fields[IL_FIELD_TAG].help);
	}
	if (!a->title) {
		diag->field = IL_FIELD_TITLE;
		return diagnose(diag, "required (%s)", il_fields[IL_FIELD_TITLE].help);
	}
	if (a->tag != IL_TAG_PREVENTED_LOSS && (a->has_likelihood || a->has_lead_days)) {
		diag->field = a->has_likelihood ? IL_FIELD_LIKELIHOOD : IL_FIELD_LEAD_DAYS;
		return diagnose(diag, "only applies to prevented-loss achievements, not %s",
				il_tag_name(a->tag));
	}
	if (!a->unit && default_unit(a->tag))
		a->unit = il_xstrdup(default_unit(a->tag));
	if (!a->unit && a->has_value) {
		diag->field = IL_FIELD_UNIT;
		return diagnose(diag, "required with a value for enabled-scale "
				      "(what the value counts: rps, TB, teams, ...)");
	}
	return 0;
}

void il_achievement_retag(struct il_achievement *a, enum il_tag old_tag)
{
	const char *old_default = default_unit(old_tag);

	if (a->tag != old_tag && !(a->given & (1u << IL_FIELD_UNIT)) && a->unit && old_default &&
	    strcmp(a->unit, old_default) == 0)
		replace_string(&a->unit, NULL);
}

void il_list_split(const char *text, struct il_strlist *out)
{
	struct il_buf item = {0};

	for (const char *p = text;; p++) {
		if (*p == '\\' && (p[1] == ';' || p[1] == '\\')) {
			il_buf_append(&item, ++p, 1);
		} else if (*p == ';' || *p == '\0') {
			char *trimmed = il_text_trim(il_buf_str(&item));

			if (*trimmed)
				il_strlist_push(out, trimmed);
			free(trimmed);
			il_buf_reset(&item);
			if (*p == '\0')
				break;
		} else {
			il_buf_append(&item, p, 1);
		}
	}
	il_buf_free(&item);
}

void il_list_join(const struct il_strlist *list, struct il_buf *out)
{
	for (size_t i = 0; i < list->len; i++) {
		if (i > 0)
			il_buf_puts(out, ";");
		for (const char *p = list->items[i]; *p; p++) {
			if (*p == ';' || *p == '\\')
				il_buf_puts(out, "\\");
			il_buf_append(out, p, 1);
		}
	}
}

int64_t il_parse_id(const char *text)
{
	long long id;

	if (*text == '#')
		text++;
	if (il_parse_count(text, 1, INT64_MAX, &id))
		return 0;
	return id;
}
