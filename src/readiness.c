/* Readiness: each expectation of the rubric measured over the period's
 * achievements, with the words that say where it stands (readiness.h). */

#include "impactlog/readiness.h"

#include "impactlog/embed.h"
#include "impactlog/format.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char il_readiness_unset[] =
	"readiness needs a track and a target level: set them with 'impactlog profile "
	"--track TPM --target-level L7', or give --track and --level";

const char il_readiness_unset_report[] =
	"Set a track and a target level to see readiness against their expectations: "
	"impactlog profile --track TPM --target-level L7";

/* One achievement, as a rubric's `where` reads it. */
struct fact {
	int64_t id;
	enum il_tag tag;
	char *unit; /* NULL: none */
	char *confidence;
	bool has_value, has_attributed, has_lead_days, has_scale;
	double value, attributed, share, team_size, lead_days, scale_factor;
	char month[8];
	int orgs, evidence, witnesses;
	struct il_strlist org_names;
};

struct facts {
	struct fact *rows;
	size_t len;
};

static double column_number(sqlite3_stmt *stmt, int column, bool *has)
{
	bool set = sqlite3_column_type(stmt, column) != SQLITE_NULL;

	if (has)
		*has = set;
	return set ? sqlite3_column_double(stmt, column) : 0;
}

static int load_facts(struct il_db *db, struct facts *out)
{
	/* Kept prepared: team measures a person at a time. */
	sqlite3_stmt *stmt = il_db_cached(db, il_report_sql("readiness_facts.sql"));
	int rc;

	if (!stmt)
		return -1;
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		struct fact f = {.id = sqlite3_column_int64(stmt, 0)};
		const char *unit = il_column_text(stmt, 2);

		f.tag = il_tag_parse(il_column_text(stmt, 1));
		f.unit = *unit ? il_xstrdup(unit) : NULL;
		f.confidence = il_xstrdup(il_column_text(stmt, 3));
		f.value = column_number(stmt, 4, &f.has_value);
		f.attributed = column_number(stmt, 5, &f.has_attributed);
		f.share = column_number(stmt, 6, NULL);
		f.team_size = column_number(stmt, 7, NULL);
		f.lead_days = column_number(stmt, 8, &f.has_lead_days);
		f.scale_factor = column_number(stmt, 9, &f.has_scale);
		snprintf(f.month, sizeof(f.month), "%s", il_column_text(stmt, 10));
		f.orgs = sqlite3_column_int(stmt, 11);
		f.evidence = sqlite3_column_int(stmt, 12);
		f.witnesses = sqlite3_column_int(stmt, 13);
		out->rows = il_xrealloc(out->rows, (out->len + 1) * sizeof(*out->rows));
		out->rows[out->len++] = f;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return -1;

	/* The orgs come in id order, as the facts do. */
	size_t next = 0;

	if (!(stmt = il_db_cached(db, il_report_sql("readiness_orgs.sql"))))
		return -1;
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);

		while (next < out->len && out->rows[next].id < id)
			next++;
		if (next < out->len && out->rows[next].id == id)
			il_strlist_push(&out->rows[next].org_names, il_column_text(stmt, 1));
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void free_facts(struct facts *facts)
{
	for (size_t i = 0; i < facts->len; i++) {
		free(facts->rows[i].unit);
		free(facts->rows[i].confidence);
		il_strlist_clear(&facts->rows[i].org_names);
	}
	free(facts->rows);
}

/* --- Matching ------------------------------------------------------------ */

static bool compare(double a, enum il_condition_op op, double b)
{
	switch (op) {
	case IL_OP_EQ:
		return a == b;
	case IL_OP_NE:
		return a != b;
	case IL_OP_GE:
		return a >= b;
	case IL_OP_LE:
		return a <= b;
	case IL_OP_GT:
		return a > b;
	case IL_OP_LT:
		return a < b;
	}
	return false;
}

/* A condition on a field that is not set does not hold. */
static bool holds(const struct il_condition *c, const struct fact *f)
{
	const char *word = NULL;
	double number = 0;
	bool set = true;

	switch (c->field) {
	case IL_COND_TAG:
		word = il_tag_name(f->tag);
		break;
	case IL_COND_UNIT:
		word = f->unit;
		break;
	case IL_COND_CONFIDENCE:
		word = f->confidence;
		break;
	case IL_COND_VALUE:
		number = f->value, set = f->has_value;
		break;
	case IL_COND_ATTRIBUTED:
		number = f->attributed, set = f->has_attributed;
		break;
	case IL_COND_SHARE:
		number = f->share;
		break;
	case IL_COND_TEAM_SIZE:
		number = f->team_size;
		break;
	case IL_COND_LEAD_DAYS:
		number = f->lead_days, set = f->has_lead_days;
		break;
	case IL_COND_SCALE_FACTOR:
		number = f->scale_factor, set = f->has_scale;
		break;
	case IL_COND_ORGS:
		number = f->orgs;
		break;
	case IL_COND_EVIDENCE:
		number = f->evidence;
		break;
	case IL_COND_WITNESSES:
		number = f->witnesses;
		break;
	case IL_COND_FIELD_COUNT:
		return false;
	}
	if (c->field <= IL_COND_CONFIDENCE) {
		if (!word)
			return false;
		return (strcasecmp(word, c->word) == 0) == (c->op == IL_OP_EQ);
	}
	return set && compare(number, c->op, c->number);
}

static bool matches(const struct il_expectation *e, const struct fact *f)
{
	for (size_t i = 0; i < e->conditions_len; i++)
		if (!holds(&e->conditions[i], f))
			return false;
	return true;
}

/* --- Words --------------------------------------------------------------- */

static void number_words(struct il_buf *out, double n)
{
	char text[64];

	il_format_compact(n, text, sizeof(text));
	il_buf_puts(out, text);
}

/* "2 or more orgs", "more than 2 orgs", "below 100%" */
static void op_words(struct il_buf *out, enum il_condition_op op, double n, const char *suffix)
{
	static const char *const before[] = {
		[IL_OP_EQ] = "", [IL_OP_NE] = "other than ", [IL_OP_GE] = "",
		[IL_OP_LE] = "", [IL_OP_GT] = "more than ",  [IL_OP_LT] = "below ",
	};

	const char *after = op == IL_OP_GE ? " or more" : op == IL_OP_LE ? " or less" : "";
	/* "2 or more orgs", but "40% or more". */
	bool noun = *suffix == ' ';

	il_buf_puts(out, before[op]);
	number_words(out, n);
	il_buf_printf(out, "%s%s", noun ? after : suffix, noun ? suffix : after);
}

/* What the achievements that count are, after "N more": "prevented-loss
 * achievements caught 14 or more days ahead". */
static void noun_phrase(struct il_buf *out, const struct il_expectation *e, bool plural)
{
	const struct il_condition *c = e->conditions;
	size_t n = e->conditions_len;

	for (size_t i = 0; i < n; i++)
		if (c[i].field == IL_COND_CONFIDENCE && c[i].op == IL_OP_EQ)
			il_buf_printf(out, "%s ", c[i].word);
	for (size_t i = 0; i < n; i++)
		if (c[i].field == IL_COND_TAG && c[i].op == IL_OP_EQ)
			il_buf_printf(out, "%s ", c[i].word);
	il_buf_puts(out, plural ? "achievements" : "achievement");
	for (size_t i = 0; i < n; i++) {
		const struct il_condition *k = &c[i];

		switch (k->field) {
		case IL_COND_TAG:
			if (k->op == IL_OP_NE)
				il_buf_printf(out, " not tagged %s", k->word);
			break;
		case IL_COND_CONFIDENCE:
			if (k->op == IL_OP_NE)
				il_buf_printf(out, " not %s", k->word);
			break;
		case IL_COND_UNIT:
			il_buf_printf(out, " %s %s", k->op == IL_OP_EQ ? "in" : "not in", k->word);
			break;
		case IL_COND_ORGS:
			il_buf_puts(out, " touching ");
			op_words(out, k->op, k->number, k->number == 1 ? " org" : " orgs");
			break;
		case IL_COND_EVIDENCE:
		case IL_COND_WITNESSES:
			if (k->op == IL_OP_GE && k->number == 1) {
				il_buf_puts(out, k->field == IL_COND_EVIDENCE ? " with evidence"
									      : " with a witness");
				break;
			}
			il_buf_puts(out, " with ");
			op_words(out, k->op, k->number,
				 k->field == IL_COND_EVIDENCE ? " evidence items" : " witnesses");
			break;
		case IL_COND_TEAM_SIZE:
			il_buf_puts(out, " by a team of ");
			op_words(out, k->op, k->number, "");
			break;
		case IL_COND_LEAD_DAYS:
			il_buf_puts(out, " caught ");
			op_words(out, k->op, k->number, " days ahead");
			break;
		case IL_COND_SHARE:
			il_buf_puts(out, " with a share ");
			if (k->op != IL_OP_LT && k->op != IL_OP_GT && k->op != IL_OP_NE)
				il_buf_puts(out, "of ");
			op_words(out, k->op, k->number, "%");
			break;
		case IL_COND_VALUE:
			if (k->op == IL_OP_GE && k->number == 0) {
				il_buf_puts(out, " with a value");
				break;
			}
			/* fall through */
		case IL_COND_ATTRIBUTED:
		case IL_COND_SCALE_FACTOR:
			il_buf_printf(out, " with %s ",
				      k->field == IL_COND_VALUE	       ? "a value"
				      : k->field == IL_COND_ATTRIBUTED ? "an attributed value"
								       : "a scale factor");
			if (k->op != IL_OP_LT && k->op != IL_OP_GT && k->op != IL_OP_NE)
				il_buf_puts(out, "of ");
			op_words(out, k->op, k->number, "");
			break;
		case IL_COND_FIELD_COUNT:
			break;
		}
	}
}

static const char *plural_s(double n)
{
	return n == 1 ? "" : "s";
}

/* Whether E's `where` is one tag and nothing else. */
static bool only_tag(const struct il_expectation *e, enum il_tag tag)
{
	return e->conditions_len == 1 && e->conditions[0].field == IL_COND_TAG &&
	       e->conditions[0].op == IL_OP_EQ && il_tag_parse(e->conditions[0].word) == tag;
}

/* The smallest number of achievements that would have to be added, all of
 * them matching, for MATCHING of TOTAL to reach PERCENT. */
static double percent_needed(double matching, double total, double percent)
{
	if (percent >= 100)
		return total > matching ? -1 : 0;
	double k = ceil((percent * total - 100 * matching) / (100 - percent));

	return k > 0 ? k : 0;
}

static void missing_words(struct il_readiness_item *item, double matching, double total,
			  struct il_buf *out)
{
	const struct il_expectation *e = item->e;
	double short_by = ceil(e->at_least - item->value);
	char amount[64];

	switch (e->measure) {
	case IL_MEASURE_COUNT:
		il_buf_printf(out, "%.0f more ", short_by);
		noun_phrase(out, e, short_by != 1);
		break;
	case IL_MEASURE_ORGS:
		il_buf_printf(out, "%.0f more org%s", short_by, plural_s(short_by));
		if (e->conditions_len) {
			il_buf_puts(out, " among ");
			noun_phrase(out, e, true);
		}
		break;
	case IL_MEASURE_MONTHS:
		il_buf_printf(out, "%.0f more month%s with ", short_by, plural_s(short_by));
		if (e->conditions_len)
			noun_phrase(out, e, false);
		else
			il_buf_puts(out, "an achievement");
		break;
	case IL_MEASURE_SUM:
		il_format_amount(e->at_least - item->value, e->unit, amount, sizeof(amount));
		if (only_tag(e, IL_TAG_PREVENTED_LOSS)) {
			il_buf_printf(out, "%s more risk-adjusted prevented loss", amount);
			break;
		}
		il_buf_printf(out, "%s more from ", amount);
		noun_phrase(out, e, true);
		break;
	case IL_MEASURE_PERCENT: {
		double k = percent_needed(matching, total, e->at_least);

		if (k < 0) {
			il_buf_printf(out, "every achievement must be one of them; %.0f %s not",
				      total - matching, total - matching == 1 ? "is" : "are");
			break;
		}
		il_buf_printf(out, "%.0f more ", k);
		noun_phrase(out, e, k != 1);
		break;
	}
	case IL_MEASURE_EVIDENCE_PCT:
	case IL_MEASURE_WITNESS_PCT: {
		double k = ceil(e->at_least * total / 100 - 1e-9) - matching;

		il_buf_printf(out, "%s for %.0f more achievement%s",
			      e->measure == IL_MEASURE_EVIDENCE_PCT ? "evidence" : "a witness", k,
			      plural_s(k));
		break;
	}
	case IL_MEASURE_MANUAL:
		break;
	}
}

/* A measure as a reader sees it, written as the report writes numbers. */
static char *value_words(const struct il_expectation *e, double value)
{
	char text[64];

	switch (e->measure) {
	case IL_MEASURE_SUM:
		il_format_amount(value, e->unit, text, sizeof(text));
		break;
	case IL_MEASURE_PERCENT:
	case IL_MEASURE_EVIDENCE_PCT:
	case IL_MEASURE_WITNESS_PCT:
		il_format_percent(value, text, sizeof(text));
		break;
	case IL_MEASURE_MANUAL:
		return il_xstrdup("");
	default:
		il_format_compact(value, text, sizeof(text));
		break;
	}
	return il_xstrdup(text);
}

/* --- Measuring ----------------------------------------------------------- */

static void add_id(struct il_readiness_item *item, int64_t id)
{
	item->ids = il_xrealloc(item->ids, (item->ids_len + 1) * sizeof(*item->ids));
	item->ids[item->ids_len++] = id;
}

static bool seen_text(const struct il_strlist *seen, const char *text)
{
	for (size_t i = 0; i < seen->len; i++)
		if (strcasecmp(seen->items[i], text) == 0)
			return true;
	return false;
}

static void measure(struct il_readiness_item *item, const struct facts *facts)
{
	const struct il_expectation *e = item->e;
	struct il_strlist seen = {0};
	double matching = 0, counted = 0, total = (double)facts->len;
	struct il_buf missing = {0};

	for (size_t i = 0; i < facts->len; i++) {
		const struct fact *f = &facts->rows[i];

		if (!matches(e, f))
			continue;
		matching++;
		switch (e->measure) {
		case IL_MEASURE_COUNT:
		case IL_MEASURE_PERCENT:
			add_id(item, f->id);
			break;
		case IL_MEASURE_ORGS:
			for (size_t o = 0; o < f->org_names.len; o++)
				if (!seen_text(&seen, f->org_names.items[o]))
					il_strlist_push(&seen, f->org_names.items[o]);
			if (f->orgs)
				add_id(item, f->id);
			break;
		case IL_MEASURE_MONTHS:
			if (!seen_text(&seen, f->month))
				il_strlist_push(&seen, f->month);
			add_id(item, f->id);
			break;
		case IL_MEASURE_SUM:
			if (f->unit && f->has_attributed && strcasecmp(f->unit, e->unit) == 0 &&
			    f->attributed > 0) {
				item->value += f->attributed;
				add_id(item, f->id);
			}
			break;
		case IL_MEASURE_EVIDENCE_PCT:
		case IL_MEASURE_WITNESS_PCT:
			if (e->measure == IL_MEASURE_EVIDENCE_PCT ? f->evidence : f->witnesses) {
				counted++;
				add_id(item, f->id);
			}
			break;
		case IL_MEASURE_MANUAL:
			break;
		}
	}
	switch (e->measure) {
	case IL_MEASURE_COUNT:
		item->value = matching;
		break;
	case IL_MEASURE_ORGS:
	case IL_MEASURE_MONTHS:
		item->value = (double)seen.len;
		break;
	case IL_MEASURE_PERCENT:
		item->value = total ? 100 * matching / total : 0;
		break;
	case IL_MEASURE_EVIDENCE_PCT:
	case IL_MEASURE_WITNESS_PCT:
		item->value = matching ? 100 * counted / matching : 0;
		/* Below, the percentage's parts: of the matching, those that have it. */
		total = matching;
		matching = counted;
		break;
	default:
		break;
	}
	il_strlist_clear(&seen);
	item->measurable = e->measure != IL_MEASURE_MANUAL;
	item->met = item->measurable && item->value >= e->at_least - 1e-9 * fabs(e->at_least);
	item->value_text = value_words(e, item->value);
	item->at_least_text = item->measurable ? value_words(e, e->at_least) : il_xstrdup("");
	if (item->measurable && !item->met)
		missing_words(item, matching, total, &missing);
	item->missing = il_xstrdup(il_buf_str(&missing));
	il_buf_free(&missing);
}

int il_readiness_build(struct il_db *db, const struct il_rubric *r, const char *track,
		       const char *level, struct il_readiness *out)
{
	struct facts facts = {0};

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < r->len; i++) {
		const struct il_expectation *e = &r->rows[i];

		if (!il_expectation_applies(e, track, level))
			continue;
		out->items = il_xrealloc(out->items, (out->len + 1) * sizeof(*out->items));
		out->items[out->len++] = (struct il_readiness_item){.e = e};
		/* A row of the track and level gives their spelling. */
		if (!out->track && strcmp(e->track, "*") != 0 && strcmp(e->level, "*") != 0) {
			out->track = il_xstrdup(e->track);
			out->level = il_xstrdup(e->level);
		}
	}
	if (!out->track) {
		struct il_buf why = {0}, levels = {0};

		il_rubric_levels(r, track, &levels);
		if (levels.len)
			il_buf_printf(&why, "no expectations for %s %s in the rubric (it has %s)",
				      track, level, il_buf_str(&levels));
		else
			il_buf_printf(&why,
				      "no expectations for the track %s in the rubric (see "
				      "'impactlog rubric')",
				      track);
		il_buf_free(&levels);
		il_readiness_free(out);
		out->unavailable = il_xstrdup(il_buf_str(&why));
		il_buf_free(&why);
		return 1;
	}
	if (load_facts(db, &facts) < 0) {
		free_facts(&facts);
		il_readiness_free(out);
		return -1;
	}
	for (size_t i = 0; i < out->len; i++) {
		struct il_readiness_item *item = &out->items[i];

		measure(item, &facts);
		if (!item->measurable)
			out->manual++;
		else if (out->measurable++, item->met)
			out->met++;
	}
	free_facts(&facts);
	return 0;
}

void il_readiness_free(struct il_readiness *rd)
{
	for (size_t i = 0; i < rd->len; i++) {
		free(rd->items[i].ids);
		free(rd->items[i].value_text);
		free(rd->items[i].at_least_text);
		free(rd->items[i].missing);
	}
	free(rd->items);
	free(rd->track);
	free(rd->level);
	free(rd->unavailable);
	memset(rd, 0, sizeof(*rd));
}

void il_readiness_title(const struct il_readiness *rd, struct il_buf *out)
{
	il_buf_printf(out, "Readiness for %s (%s)", rd->level, rd->track);
}

void il_readiness_verdict(const struct il_readiness *rd, struct il_buf *out)
{
	il_buf_printf(out, "ready for %s (%s): %d of %d measurable expectation%s met", rd->level,
		      rd->track, rd->met, rd->measurable, rd->measurable == 1 ? "" : "s");
	if (rd->manual)
		il_buf_printf(out, "; %d to argue in person", rd->manual);
}

const char il_readiness_met[] = "met", il_readiness_not_yet[] = "not yet";

const char *il_readiness_state(const struct il_readiness_item *item)
{
	return !item->measurable ? "in person"
	       : item->met	 ? il_readiness_met
				 : il_readiness_not_yet;
}
