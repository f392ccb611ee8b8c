/* The report's words: every title, label and sentence the renderers
 * show, and the sentences the model fills in (the scope line, each top
 * achievement's).  The text, Markdown and workbook reports take their
 * words from here, so that they say a thing once and alike; each adds
 * only its layout. */

#include "impactlog/report.h"

#include "report_model.h"

#include "impactlog/format.h"

#include <math.h>
#include <stdlib.h>

static const enum il_tag tags[] = {IL_TAG_PREVENTED_LOSS, IL_TAG_ENABLED_SCALE, IL_TAG_USER_GROWTH};

static const char *plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* --- Fixed words --------------------------------------------------------- */

static const char *const words[IL_REPORT_WORDS] = {
	[IL_WORD_WHO] = "Who",
	[IL_WORD_FOR] = "For",
	[IL_WORD_PERIOD] = "Period",
	[IL_WORD_FILTERS] = "Filters",
	[IL_WORD_GENERATED] = "Generated",
	[IL_WORD_LOGGED] = "Logged",
	[IL_WORD_PREVIOUS_CYCLE] = "Previous cycle",
	[IL_WORD_REDACTED] = "Redacted",
	[IL_WORD_REDACTED_WHAT] = "evidence, notes and witness names left out",

	[IL_WORD_TAG] = "Tag",
	[IL_WORD_UNIT] = "Unit",
	[IL_WORD_COUNT] = "Count",
	[IL_WORD_OUTCOME] = "Outcome",
	[IL_WORD_ATTRIBUTED] = "Attributed",
	[IL_WORD_PREVIOUS] = "Previous",
	[IL_WORD_CHANGE] = "Change",
	[IL_WORD_ORG] = "Org",
	[IL_WORD_PROJECT] = "Project",
	[IL_WORD_NO_PROJECT] = "(no project)",
	[IL_WORD_MONTH] = "Month",
	[IL_WORD_TOTAL] = "Total",

	[IL_WORD_TOTALS_NOTE] =
		"Outcome is the team's; Attributed is your share (risk-adjusted for loss).",

	[IL_WORD_RISK_ADJUSTED] = "Risk-adjusted, your share",
	[IL_WORD_NO_VALUES] = "no values logged",
	[IL_WORD_LEAD_TIME] = "Median lead time",
	[IL_WORD_NO_LEAD_DAYS] = "no lead days logged",

	[IL_WORD_SCALE_FACTORS] = "Scale factors",
	[IL_WORD_NO_SCALE_FACTORS] = "none (log a baseline to show one)",
	[IL_WORD_NO_SCALE_FACTORS_OPTION] = "none: log a --baseline to show one",
	[IL_WORD_LARGEST_FACTOR] = "Largest scale factor",
	[IL_WORD_MEDIAN_FACTOR] = "Median scale factor",

	[IL_WORD_DISTINCT_ORGS] = "Distinct orgs",
	[IL_WORD_MULTI_ORG] = "Touching two or more orgs",

	[IL_WORD_EVIDENCE] = "Evidence",
	[IL_WORD_WITNESSES] = "Witnesses",
	[IL_WORD_NOTE] = "Note",

	[IL_WORD_NO_EVIDENCE] = "No evidence",
	[IL_WORD_NO_WITNESS] = "No witness",
	[IL_WORD_FULL_SHARE] = "100% share of a team of more than one",
	[IL_WORD_FULL_SHARE_SHORT] = "100% share of a team > 1",
	[IL_WORD_EMPTY_MONTHS] = "Months with nothing logged",

	[IL_WORD_MONTH_TO_COME] = "(to come)",
	[IL_WORD_MONTH_EMPTY] = "nothing logged",
};

const char *il_report_word(enum il_report_word word)
{
	return word < IL_REPORT_WORDS && words[word] ? words[word] : "";
}

static const struct {
	const char *title;
	const char *empty;
} sections[] = {
	[IL_SECTION_HEADING] = {"Impact report", NULL},
	[IL_SECTION_TOTALS] = {"Totals by tag and unit", "Nothing logged."},
	[IL_SECTION_LOSS] = {NULL, "No prevented-loss achievements in this period."},
	[IL_SECTION_SCALE] = {NULL, "No enabled-scale achievements in this period."},
	[IL_SECTION_BREADTH] = {"Breadth", NULL},
	[IL_SECTION_TOP] = {"Top achievements by attributed value", "Nothing logged."},
	[IL_SECTION_GAPS] = {"Visibility gaps", NULL},
	[IL_SECTION_MONTHS] = {"Achievements per month", "Nothing logged."},
};

const char *il_report_section_title(enum il_report_section section)
{
	/* The sections of one tag are titled as the tag. */
	if (section == IL_SECTION_LOSS)
		return il_report_tag_heading(IL_TAG_PREVENTED_LOSS);
	if (section == IL_SECTION_SCALE)
		return il_report_tag_heading(IL_TAG_ENABLED_SCALE);
	if (section >= IL_ARRAY_LEN(sections) || !sections[section].title)
		return "";
	return sections[section].title;
}

const char *il_report_section_empty(enum il_report_section section)
{
	return section < IL_ARRAY_LEN(sections) ? sections[section].empty : NULL;
}

static const struct {
	const char *heading, *column, *short_name;
} tag_words[IL_REPORT_TAGS] = {
	[IL_TAG_PREVENTED_LOSS] = {"Prevented loss", "Loss", "loss"},
	[IL_TAG_ENABLED_SCALE] = {"Enabled scale", "Scale", "scale"},
	[IL_TAG_USER_GROWTH] = {"User growth", "Growth", "growth"},
};

/* IL_TAG_NONE never reaches a renderer; it reads as the last tag rather
 * than as nothing. */
static enum il_tag known(enum il_tag tag)
{
	return tag == IL_TAG_PREVENTED_LOSS || tag == IL_TAG_ENABLED_SCALE ? tag
									   : IL_TAG_USER_GROWTH;
}

const char *il_report_tag_heading(enum il_tag tag)
{
	return tag_words[known(tag)].heading;
}

const char *il_report_tag_column(enum il_tag tag)
{
	return tag_words[known(tag)].column;
}

const char *il_report_tag_short(enum il_tag tag)
{
	return tag_words[known(tag)].short_name;
}

/* --- Who and when -------------------------------------------------------- */

char *il_report_scope(const struct il_filter *f)
{
	struct il_buf scope = {0};

	if (f->tag != IL_TAG_NONE)
		il_buf_printf(&scope, "tag %s", il_tag_name(f->tag));
	if (f->org)
		il_buf_printf(&scope, "%sorg '%s'", scope.len ? ", " : "", f->org);
	if (f->project)
		il_buf_printf(&scope, "%sproject '%s'", scope.len ? ", " : "", f->project);
	if (f->search)
		il_buf_printf(&scope, "%ssearch '%s'", scope.len ? ", " : "", f->search);
	return scope.data ? scope.data : il_xstrdup("");
}

void il_report_who(const struct il_report_profile *p, struct il_buf *out)
{
	il_buf_puts(out, *p->name ? p->name : "(no profile: see 'impactlog profile')");
	if (*p->level)
		il_buf_printf(out, ", %s", p->level);
	if (*p->track)
		il_buf_printf(out, " (%s)", p->track);
	if (*p->target_level)
		il_buf_printf(out, ", going for %s", p->target_level);
}

void il_report_tag_counts(const long *by_tag, bool short_names, struct il_buf *out)
{
	bool first = true;

	for (size_t i = 0; i < IL_ARRAY_LEN(tags); i++) {
		if (!by_tag[tags[i]])
			continue;
		il_buf_printf(out, "%s%ld %s", first ? "" : ", ", by_tag[tags[i]],
			      short_names ? il_report_tag_short(tags[i]) : il_tag_name(tags[i]));
		first = false;
	}
}

void il_report_logged(const struct il_report *r, struct il_buf *out)
{
	il_buf_printf(out, "%ld %s", r->count, plural(r->count, "achievement", "achievements"));
	if (r->count) {
		il_buf_puts(out, ": ");
		il_report_tag_counts(r->by_tag, false, out);
	}
}

void il_report_previous(const struct il_report *r, struct il_buf *out)
{
	long change = r->count - r->previous_count;

	il_buf_printf(out, "%s: %ld %s (%s%ld this period)", r->previous_period, r->previous_count,
		      plural(r->previous_count, "achievement", "achievements"),
		      change >= 0 ? "+" : "", change);
}

/* --- Totals, loss, scale, breadth ---------------------------------------- */

void il_report_totals_previous_note(const struct il_report *r, struct il_buf *out)
{
	il_buf_printf(out, "Previous and Change: attributed value in %s.", r->previous_cycle);
}

void il_report_lead_days(const struct il_report_loss *loss, struct il_buf *out)
{
	il_buf_printf(out, "%g %s", loss->median_lead_days,
		      plural(lround(loss->median_lead_days), "day", "days"));
}

void il_report_lead_days_count(const struct il_report_loss *loss, struct il_buf *out)
{
	il_buf_printf(out, "(%ld of %ld with lead days)", loss->lead_days_count, loss->count);
}

void il_report_factor_count(const struct il_report_scale *scale, struct il_buf *out)
{
	il_buf_printf(out, "(%ld of %ld with a baseline)", scale->factor_count, scale->count);
}

void il_report_of_achievements(long count, struct il_buf *out)
{
	il_buf_printf(out, "of %ld %s", count, plural(count, "achievement", "achievements"));
}

void il_report_more(long count, struct il_buf *out)
{
	il_buf_printf(out, "and %ld more", count);
}

/* --- Top achievements ---------------------------------------------------- */

/* ", your share 50% → $120k" and the like: the individual's part. */
static void share_clause(const struct il_report_item *it, struct il_buf *out)
{
	char share[32], amount[64];

	il_format_percent(it->share, share, sizeof(share));
	il_buf_printf(out, " · your share %s", share);
	if (it->team_size > 1)
		il_buf_printf(out, " of a team of %ld", it->team_size);
	if (it->has_attributed) {
		il_format_amount(it->attributed, it->unit, amount, sizeof(amount));
		il_buf_printf(out, " → %s", amount);
	}
}

static void loss_sentence(const struct il_report_item *it, struct il_buf *out)
{
	char amount[64], likely[32];

	if (it->has_value) {
		il_format_amount(it->value, it->unit, amount, sizeof(amount));
		il_buf_printf(out, "Prevented %s loss", amount);
	} else {
		il_buf_puts(out, "Prevented a loss (no value logged)");
	}
	il_format_percent(it->has_likelihood ? it->likelihood : 100, likely, sizeof(likely));
	il_buf_printf(out, " · %s likely", likely);
	share_clause(it, out);
	if (it->has_lead_days)
		il_buf_printf(out, " · caught %ld day%s early", it->lead_days,
			      it->lead_days == 1 ? "" : "s");
}

static void scale_sentence(const struct il_report_item *it, struct il_buf *out)
{
	char amount[64], baseline[64], factor[32];

	if (!it->has_value) {
		il_buf_puts(out, "Enabled scale (no value logged)");
	} else if (it->has_scale_factor) {
		il_format_compact(it->baseline, baseline, sizeof(baseline));
		il_format_amount(it->value, it->unit, amount, sizeof(amount));
		il_format_scale(it->scale_factor, factor, sizeof(factor));
		il_buf_printf(out, "Scaled %s → %s (%s)", baseline, amount, factor);
	} else {
		il_format_amount(it->value, it->unit, amount, sizeof(amount));
		il_buf_printf(out, "Enabled %s", amount);
	}
	share_clause(it, out);
}

static void growth_sentence(const struct il_report_item *it, struct il_buf *out)
{
	char amount[64], baseline[64], percent[32];

	if (!it->has_value) {
		il_buf_puts(out, "Grew users (no value logged)");
	} else {
		il_format_amount(it->value, it->unit, amount, sizeof(amount));
		il_buf_printf(out, "Added %s", amount);
		/* For growth the baseline is the users before, so the scale
		 * factor (value / baseline) is the growth rate. */
		if (it->has_scale_factor) {
			il_format_compact(it->baseline, baseline, sizeof(baseline));
			il_format_percent(it->scale_factor * 100, percent, sizeof(percent));
			il_buf_printf(out, " on a base of %s (+%s)", baseline, percent);
		}
	}
	share_clause(it, out);
}

char *il_report_item_sentence(const struct il_report_item *it)
{
	struct il_buf out = {0};

	if (it->tag == IL_TAG_PREVENTED_LOSS)
		loss_sentence(it, &out);
	else if (it->tag == IL_TAG_ENABLED_SCALE)
		scale_sentence(it, &out);
	else
		growth_sentence(it, &out);
	return out.data;
}

void il_report_item_details(const struct il_report_item *it, struct il_buf *out)
{
	il_buf_printf(out, "#%lld · %s", (long long)it->id, it->date);
	if (*it->project)
		il_buf_printf(out, " · %s", it->project);
	if (*it->orgs)
		il_buf_printf(out, " · %s", it->orgs);
	il_buf_printf(out, " · %s", il_confidence_name(it->confidence));
}

/* --- Gaps and months ----------------------------------------------------- */

void il_report_team_of(long team_size, struct il_buf *out)
{
	il_buf_printf(out, "team of %ld", team_size);
}

void il_report_empty_months(const struct il_report *r, struct il_buf *out)
{
	bool first = true;

	for (size_t i = 0; i < r->months_len; i++) {
		if (r->months[i].total || r->months[i].future)
			continue;
		il_buf_printf(out, "%s%s", first ? "" : ", ", r->months[i].month);
		first = false;
	}
}

const char *il_report_month_state(const struct il_report_month *m)
{
	if (m->total)
		return "";
	return il_report_word(m->future ? IL_WORD_MONTH_TO_COME : IL_WORD_MONTH_EMPTY);
}
