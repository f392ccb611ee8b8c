#ifndef IMPACTLOG_REPORT_H
#define IMPACTLOG_REPORT_H

/*
 * Adding a report section:
 *  1. Write its query as reports/NAME.sql; CMake embeds every file there.
 *     Prepare it with il_report_prepare(db, "NAME.sql") and bind every
 *     value with ?.
 *  2. Add the section's fields to struct il_report below, and one model
 *     function in src/report.c that fills them from the query (build_NAME,
 *     or read_NAME for a one-row query run by run_one_row).  Call it from
 *     il_report_build_parts(), in the part it belongs to (enum
 *     il_report_part); free what it owns in il_report_free().
 *  3. Give it its words in src/report_words.c, declared below: its title
 *     and empty line (enum il_report_section), its labels (enum
 *     il_report_word) and a function for each phrase made of its values.
 *     No renderer spells a word of its own.
 *  4. Write one small layout function per renderer and call it in section
 *     order: text_NAME() in src/report_text.c (il_report_write_text),
 *     md_NAME() in src/report_md.c (il_report_write_markdown) and
 *     summary_NAME() for the workbook's Summary sheet in
 *     src/report_xlsx_summary.c (il_xlsx_write_summary_sheet).
 *  5. Test it in tests/cli/t0300-report-text.sh, t0301-report-md.sh and
 *     t0310-report-xlsx.sh; rewrite the goldens with
 *     tests/data/report-update-goldens.sh and read their diff.
 */

/*
 * The calibration packet.  il_report_build() runs the section queries in
 * reports/ (one .sql file per section) over the filtered achievements and fills one in-memory
 * model; the text, Markdown and xlsx renderers all draw their numbers from
 * that model (and from the same selection), so they can never disagree.
 *
 * Attributed values and scale factors come from the achievement_facts view;
 * nothing here recomputes them.
 *
 * Conventions: text fields are owned, NUL-terminated and never NULL ("" for
 * none) unless a comment says otherwise.  Arrays come with a _len.  Arrays
 * indexed by tag (by_tag[]) use enum il_tag as the index; slot IL_TAG_NONE
 * is unused and always 0.
 */

#include "impactlog/achievement.h"
#include "impactlog/db.h"
#include "impactlog/embed.h"
#include "impactlog/filter.h"
#include "impactlog/readiness.h"
#include "impactlog/rubric.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* What il_report_build selects, for the renderers too: the temporary view
 * report_facts holds the period's rows of achievement_facts, and
 * report_org, report_evidence and report_witness their list rows (see
 * reports/select_all.sql).  They outlive il_report_build, so a renderer may
 * read the rows themselves: SELECT ... FROM report_facts.  With a filter,
 * the views read the ids in the temporary table IL_FILTER_SELECTED;
 * without one, they stand over the tables.  IL_REPORT_PREVIOUS holds the
 * previous cycle's ids (empty without --cycle). */
#define IL_REPORT_FACTS	   "report_facts"
#define IL_REPORT_PREVIOUS "previous"

#define IL_REPORT_TAGS	      IL_TAG_COUNT /* size of by_tag[] arrays: enum il_tag + 1 */
#define IL_REPORT_TOP_PER_TAG 5		   /* top achievements kept for each tag */
#define IL_REPORT_GAP_ITEMS   10	   /* achievements listed under each gap */

/* An amount in one unit: a sum over several achievements. */
struct il_report_amount {
	char *unit; /* "USD", "users", "rps"; "" when the achievements had no unit */
	double value;
};

/* Who the report is about: the profile row ("" for fields not set). */
struct il_report_profile {
	char *name;
	char *level;
	char *track;
	char *target_level;
	char *manager;
};

/* The profile row, each field "" when not set (or without a row).
 * Returns 0, or -1 after one message; free with il_report_profile_free. */
int il_report_profile_load(struct il_db *db, struct il_report_profile *profile);
void il_report_profile_free(struct il_report_profile *profile);

/* Per tag and unit: one row for each (tag, unit) present in the period or,
 * with --cycle, in the previous cycle.  Sorted by tag (enum order), then by
 * attributed value, largest first. */
struct il_report_total {
	enum il_tag tag;
	char *unit;	   /* "" for achievements logged without a value or unit */
	long count;	   /* achievements in the period */
	long valued;	   /* of which had a value */
	double outcome;	   /* sum of value (the team's outcome) */
	double attributed; /* sum of attributed (your share; risk-adjusted for loss) */
	/* The same for the previous cycle; all 0 unless report->has_previous. */
	long previous_count;
	long previous_valued;
	double previous_outcome;
	double previous_attributed;
};

/* Prevented-loss: risk-adjusted attributed totals and how early risks were
 * caught. */
struct il_report_loss {
	long count;				/* prevented-loss achievements */
	struct il_report_amount *risk_adjusted; /* sum of attributed, per unit */
	size_t risk_adjusted_len;
	long lead_days_count;	 /* achievements with lead days set */
	double median_lead_days; /* meaningful when lead_days_count > 0 */
};

/* Enabled-scale: scale factors (value / baseline). */
struct il_report_scale {
	long count;	       /* enabled-scale achievements */
	long factor_count;     /* of which have a scale factor */
	double largest_factor; /* meaningful when factor_count > 0 */
	int64_t largest_id;    /* the achievement with the largest factor */
	char *largest_title;
	char *largest_unit;
	double median_factor; /* meaningful when factor_count > 0 */
};

/* One org or one project, with what was done in it. */
struct il_report_group {
	char *name;			     /* "" for achievements with no project */
	long count;			     /* achievements touching it */
	long by_tag[IL_REPORT_TAGS];	     /* of which, per tag */
	struct il_report_amount *attributed; /* sum of attributed, per unit */
	size_t attributed_len;
};

/* Breadth: the orgs and projects the period's work touched. */
struct il_report_breadth {
	long distinct_orgs;
	long multi_org; /* achievements touching two or more orgs */
	long no_org;	/* achievements with no org */
	/* Orgs by count (largest first), then name; each achievement counts
	 * once in every org it touches, so the counts may add up to more than
	 * the achievements. */
	struct il_report_group *orgs;
	size_t orgs_len;
	/* Projects by count, then name; achievements without a project are one
	 * group named "", listed last. */
	struct il_report_group *projects;
	size_t projects_len;
};

/* One achievement in full, as the top list shows it.  Optional numbers come
 * with a has_ flag. */
struct il_report_item {
	int64_t id;
	char date[11]; /* YYYY-MM-DD */
	enum il_tag tag;
	char *title;
	bool has_value;
	double value;
	char *unit;
	bool has_baseline;
	double baseline;
	double share; /* percent */
	long team_size;
	bool has_likelihood; /* prevented-loss only: the effective likelihood */
	double likelihood;   /* percent; 100 when not given */
	bool has_lead_days;
	long lead_days;
	bool has_attributed;
	double attributed;
	bool has_scale_factor;
	double scale_factor;
	enum il_confidence confidence;
	char *project;
	char *orgs;	 /* joined with ", " */
	char *evidence;	 /* joined with ", "; "" when redacted */
	char *witnesses; /* joined with ", "; initials only when redacted */
	char *note;	 /* "" when redacted */
	/* The quantified line: "Prevented $400k loss · 60% likely · your share
	 * 50% → $120k · caught 14 days early". */
	char *sentence;
};

/* Achievements that show a visibility gap: how many, and the first few
 * (newest first). */
struct il_report_gap {
	long count;
	struct il_report_item *items; /* at most IL_REPORT_GAP_ITEMS; only id, date, tag,
				       * title, share and team_size are filled */
	size_t items_len;
};

struct il_report_gaps {
	struct il_report_gap no_evidence;
	struct il_report_gap no_witness;
	struct il_report_gap full_share_of_team; /* share 100% with team size > 1 */
	long empty_months; /* months of the period, up to the generated date, with
			    * nothing logged: the months[] with total 0 and !future */
};

/* One calendar month of the period. */
struct il_report_month {
	char month[8]; /* "2026-07" */
	long total;
	long by_tag[IL_REPORT_TAGS];
	bool future; /* after the generated date's month */
};

struct il_report {
	bool redact; /* evidence, notes and witness names left out */
	struct il_report_profile profile;
	char *period;	    /* "2026-H2 (2026-07-01 to 2026-12-31)", "all time" */
	char *scope;	    /* the other filters: "tag prevented-loss, org 'Payments'";
			     * "" when none */
	char *cycle;	    /* "2026-H2", or "" without --cycle */
	char generated[11]; /* YYYY-MM-DD, from il_now() (SOURCE_DATE_EPOCH) */
	char first_day[11]; /* the days the month chart covers: the period's */
	char last_day[11];  /* bounds, or the first and last achievement's; "" when empty */

	long count; /* achievements in the period */
	long by_tag[IL_REPORT_TAGS];

	/* With --cycle: the previous cycle, for comparison.  When --since or
	 * --until narrow the cycle (NARROWED), the same span one cycle
	 * earlier, and both periods are named by their dates: PERIOD is
	 * "2026-02-01 to 2026-06-30", and the previous cycle's name and period
	 * are "2025-08-01 to 2025-12-31". */
	bool has_previous;
	bool narrowed;
	char *previous_cycle;  /* "2026-H1", or "" */
	char *previous_period; /* "2026-H1 (2026-01-01 to 2026-06-30)", or "" */
	long previous_count;
	long previous_by_tag[IL_REPORT_TAGS];

	struct il_report_total *totals;
	size_t totals_len;
	struct il_report_loss loss;
	struct il_report_scale scale;
	struct il_report_breadth breadth;

	/* Up to IL_REPORT_TOP_PER_TAG per tag, grouped by tag in enum order,
	 * each group by attributed value, largest first.  Units differ between
	 * tags, so values are ranked only within a tag. */
	struct il_report_item *top;
	size_t top_len;

	struct il_report_gaps gaps;

	/* Every month from first_day to last_day, oldest first. */
	struct il_report_month *months;
	size_t months_len;

	/* The period held against the rubric's expectations for the profile's
	 * track and target level; readiness.unavailable says why there is none
	 * (no track or target level, or none of theirs in the rubric).  The
	 * rows point into RUBRIC. */
	struct il_rubric rubric;
	struct il_readiness readiness;
};

/* Points the report views (IL_REPORT_FACTS and the list views) at FILTER's
 * period and fills IL_REPORT_PREVIOUS with the previous cycle (empty
 * without one), for a caller that reads them itself (readiness).  Returns
 * 0, or -1 after one message. */
int il_report_select(struct il_db *db, const struct il_filter *filter);

/* Selects the achievements FILTER passes into IL_REPORT_FACTS (and,
 * with a cycle, the previous cycle's into IL_REPORT_PREVIOUS), runs the
 * report queries and fills REPORT.  NOW (seconds since the epoch, from
 * il_now) gives the generated date.  Returns 0, or -1 after one message;
 * REPORT is then empty and needs no il_report_free. */
int il_report_build(struct il_db *db, const struct il_filter *filter, bool redact, long long now,
		    struct il_report *report);
void il_report_free(struct il_report *report);

/* Witness initials for redacted output: "Dana Q. Smith" -> "D.Q.S.",
 * "Payments SRE lead" -> "P.S.L."; appended to OUT. */
void il_report_initials(const char *name, struct il_buf *out);

/* --- Words ---------------------------------------------------------------
 * Every title, label and sentence a report shows comes from the model
 * (src/report_words.c), so that the text, Markdown and workbook reports
 * word a thing once and alike.  A renderer adds only its layout: widths,
 * case, colour, markup and escaping.  Phrases built from the model's
 * values are appended to OUT. */

/* The sections, in the order the text and Markdown reports show them. */
enum il_report_section {
	IL_SECTION_HEADING, /* who and when */
	IL_SECTION_TOTALS,
	IL_SECTION_READINESS,
	IL_SECTION_LOSS,
	IL_SECTION_SCALE,
	IL_SECTION_BREADTH,
	IL_SECTION_TOP,
	IL_SECTION_GAPS,
	IL_SECTION_MONTHS,
};

/* "Totals by tag and unit": the section's title, in sentence case (the
 * text report sets it in capitals). */
const char *il_report_section_title(enum il_report_section section);
/* "Nothing logged.": the line a section shows instead of its rows when the
 * period has none for it; NULL for a section that always has its rows. */
const char *il_report_section_empty(enum il_report_section section);

/* A tag as a heading ("Prevented loss"), a column ("Loss") and in a count
 * ("3 loss"); il_tag_name gives its name ("prevented-loss"). */
const char *il_report_tag_heading(enum il_tag tag);
const char *il_report_tag_column(enum il_tag tag);
const char *il_report_tag_short(enum il_tag tag);

/* Fixed labels and phrases: il_report_word(IL_WORD_PERIOD) is "Period".
 * A word named _SHEET is the workbook's own form of the word without it:
 * its cells have room to say more, or say it as a sheet does. */
enum il_report_word {
	/* Who and when: row labels, then the value of the Redacted row */
	IL_WORD_WHO,
	IL_WORD_FOR,
	IL_WORD_PERIOD,
	IL_WORD_FILTERS,
	IL_WORD_GENERATED,
	IL_WORD_LOGGED,
	IL_WORD_PREVIOUS_CYCLE,
	IL_WORD_PREVIOUS_PERIOD,
	IL_WORD_REDACTED,
	IL_WORD_REDACTED_WHAT,
	/* The workbook's title and document properties, and the rows of
	 * its Summary heading the text report puts in one line */
	IL_WORD_PACKET,
	IL_WORD_PACKET_SUBJECT,
	IL_WORD_GENERATED_BY,
	IL_WORD_NAME,
	IL_WORD_LEVEL,
	IL_WORD_TARGET_LEVEL,
	IL_WORD_TRACK,
	IL_WORD_MANAGER,
	IL_WORD_COMPARED_WITH,
	IL_WORD_ACHIEVEMENTS,
	IL_WORD_REDACTED_WHAT_SHEET,
	/* Column headings of the tables, and a project row's name for the
	 * achievements without one */
	IL_WORD_TAG,
	IL_WORD_UNIT,
	IL_WORD_COUNT,
	IL_WORD_OUTCOME,
	IL_WORD_ATTRIBUTED,
	IL_WORD_PREVIOUS,
	IL_WORD_CHANGE,
	IL_WORD_ORG,
	IL_WORD_PROJECT,
	IL_WORD_NO_PROJECT,
	IL_WORD_MONTH,
	IL_WORD_TOTAL,
	/* The workbook's other column headings; a group's name for the
	 * achievements without an org; the units of an Attributed column
	 * (see il_report_attributed_in) for amounts without a unit, and for
	 * the units that have no column of their own */
	IL_WORD_ID,
	IL_WORD_DATE,
	IL_WORD_ACHIEVEMENT,
	IL_WORD_OUTCOME_SHEET,
	IL_WORD_ATTRIBUTED_SHEET,
	IL_WORD_PREVIOUS_COUNT,
	IL_WORD_PREVIOUS_ATTRIBUTED,
	IL_WORD_CHANGE_SHEET,
	IL_WORD_NO_ORG,
	IL_WORD_NO_UNIT,
	IL_WORD_OTHER_UNITS,
	/* Totals: what Outcome and Attributed mean.  The workbook shows a
	 * By tag table first, titles the totals as its own, says so when
	 * there are none, and says how its formulas work */
	IL_WORD_TOTALS_NOTE,
	IL_WORD_BY_TAG,
	IL_WORD_TOTALS_SHEET,
	IL_WORD_TOTALS_EMPTY_SHEET,
	IL_WORD_TOTALS_NOTE_SHEET,
	/* Prevented loss: labels, and their values when nothing was logged */
	IL_WORD_RISK_ADJUSTED,
	IL_WORD_NO_VALUES,
	IL_WORD_LEAD_TIME,
	IL_WORD_NO_LEAD_DAYS,
	IL_WORD_LEAD_TIME_SHEET,
	IL_WORD_NO_LEAD_DAYS_SHEET,
	/* Enabled scale.  With no scale factor, Scale factors reads
	 * IL_WORD_NO_SCALE_FACTORS; the terminal's form names the option. */
	IL_WORD_SCALE_FACTORS,
	IL_WORD_NO_SCALE_FACTORS,
	IL_WORD_NO_SCALE_FACTORS_OPTION,
	IL_WORD_NO_SCALE_FACTORS_SHEET,
	IL_WORD_LARGEST_FACTOR,
	IL_WORD_MEDIAN_FACTOR,
	/* Breadth; the workbook counts the achievements with no org, and
	 * the projects */
	IL_WORD_DISTINCT_ORGS,
	IL_WORD_MULTI_ORG,
	IL_WORD_NO_ORG_COUNT,
	IL_WORD_PROJECTS,
	/* Under the By org and By project sheets: how to read them */
	IL_WORD_ORGS_NOTE,
	IL_WORD_PROJECTS_NOTE,
	/* The workbook's top list when it is empty */
	IL_WORD_TOP_EMPTY_SHEET,
	/* A top achievement's labelled lines */
	IL_WORD_EVIDENCE,
	IL_WORD_WITNESSES,
	IL_WORD_NOTE,
	/* Visibility gaps; the short form of the full-share label fits the
	 * text report's label column */
	IL_WORD_NO_EVIDENCE,
	IL_WORD_NO_WITNESS,
	IL_WORD_FULL_SHARE,
	IL_WORD_FULL_SHARE_SHORT,
	IL_WORD_FULL_SHARE_SHEET,
	IL_WORD_EMPTY_MONTHS,
	/* A month with nothing logged: to come, or past; the Timeline's
	 * form of the first */
	IL_WORD_MONTH_TO_COME,
	IL_WORD_MONTH_EMPTY,
	IL_WORD_MONTH_TO_COME_SHEET,
	/* The workbook's charts without a unit in their title */
	IL_WORD_CHART_BY_TAG,
	IL_WORD_CHART_MONTHS,
	/* The workbook's: the By tag table's note and its chart of amounts,
	 * the top list's note, the value of a count the redacted sheet cannot
	 * recompute, and the page in a footer (&P and &N are the page and
	 * how many) */
	IL_WORD_BY_TAG_NOTE_SHEET,
	IL_WORD_CHART_OWN_UNITS_SHEET,
	IL_WORD_TOP_NOTE_SHEET,
	IL_WORD_COUNTED_BEFORE_REDACTION_SHEET,
	IL_WORD_PAGE_SHEET,
	/* The Readiness sheet: a row's states, the verdict's labels, notes */
	IL_WORD_READINESS_MET_COUNT,
	IL_WORD_READINESS_MEASURABLE,
	IL_WORD_READINESS_IN_PERSON,
	IL_WORD_READINESS_NOTE,
	IL_WORD_READINESS_CACHED,
	IL_REPORT_WORDS /* how many there are */
};
const char *il_report_word(enum il_report_word word);

/* Who and when: "Demo TPM, TPM II (TPM), going for Senior TPM";
 * "12 achievements: 4 prevented-loss, 8 user-growth"; the previous
 * cycle, "2026-H1 (2026-01-01 to 2026-06-30): 9 achievements (+3 this
 * period)".  il_report_tag_counts counts BY_TAG by tag name or, with
 * SHORT_NAMES, as "4 loss, 8 growth". */
void il_report_who(const struct il_report_profile *profile, struct il_buf *out);
void il_report_logged(const struct il_report *report, struct il_buf *out);
void il_report_previous(const struct il_report *report, struct il_buf *out);
/* The label of that line: "Previous cycle", or "Previous period" when
 * --since or --until narrow the cycle to a span of dates. */
const char *il_report_previous_label(const struct il_report *report);
void il_report_tag_counts(const long *by_tag, bool short_names, struct il_buf *out);

/* The workbook's title, "Calibration packet: Demo TPM, 2026-H1 (...)",
 * without the name when the profile has none. */
void il_report_packet_title(const struct il_report *report, struct il_buf *out);

/* "Previous and Change: attributed value in 2026-H1.", under the totals
 * when the report has a previous cycle. */
void il_report_totals_previous_note(const struct il_report *report, struct il_buf *out);

/* The median lead time, "14 days", and what it is taken over, "(3 of 4
 * with lead days)"; the median scale factor's "(2 of 5 with a
 * baseline)". */
void il_report_lead_days(const struct il_report_loss *loss, struct il_buf *out);
void il_report_lead_days_count(const struct il_report_loss *loss, struct il_buf *out);
void il_report_factor_count(const struct il_report_scale *scale, struct il_buf *out);

/* "of 12 achievements", after a count of some of them. */
void il_report_of_achievements(long count, struct il_buf *out);

/* The workbook's labels and headings made of a value: a tag's count,
 * "prevented-loss achievements"; an Attributed column, "Attributed
 * (USD)"; and the previous cycle's count, "Achievements in 2026-H1". */
void il_report_tag_achievements(enum il_tag tag, struct il_buf *out);
void il_report_attributed_in(const char *unit, struct il_buf *out);
void il_report_achievements_in(const char *cycle, struct il_buf *out);

/* A top achievement's details: "#12 · 2026-03-01 · Checkout · Payments,
 * Risk · measured" (its sentence is the item's own field). */
void il_report_item_details(const struct il_report_item *item, struct il_buf *out);

/* Lists cut short: "and 4 more" (COUNT not shown); a gap item's "team of
 * 6"; the months with nothing logged, "2026-02, 2026-04" ("" for none). */
void il_report_more(long count, struct il_buf *out);
void il_report_team_of(long team_size, struct il_buf *out);
void il_report_empty_months(const struct il_report *report, struct il_buf *out);

/* What a month of the chart says for itself: "" when it has achievements
 * (its counts say it), otherwise "(to come)" or "nothing logged". */
const char *il_report_month_state(const struct il_report_month *month);

/* Text for a terminal or a pager: at most 80 columns, ANSI colour only with
 * COLOR.  Returns 0, or -1 when writing OUT failed (no message printed). */
int il_report_write_text(const struct il_report *report, FILE *out, bool color);

/* Markdown: headings and pipe tables that paste into a document.  Returns 0,
 * or -1 when writing OUT failed (no message printed). */
int il_report_write_markdown(const struct il_report *report, FILE *out);

/* The packet in one call per format.  Each builds the report of OPTIONS
 * (in two threads where that pays: report_job.c) within a read transaction
 * on DB that the caller ends, and writes it.  Text and Markdown go to OUT:
 * a failed write shows in ferror(OUT), with no message.  The workbook is
 * written to the file named PATH, called NAME in messages.  Each returns
 * 0, or -1 after one "impactlog: " line. */
struct il_report_options {
	const struct il_filter *filter;
	bool redact;   /* evidence, notes and witness names left out */
	long long now; /* the generated date, from il_now() */
};
int il_report_text(struct il_db *db, const struct il_report_options *options, FILE *out,
		   bool color);
int il_report_markdown(struct il_db *db, const struct il_report_options *options, FILE *out);
int il_report_xlsx(struct il_db *db, const struct il_report_options *options, const char *path,
		   const char *name);

/* The packet (report_json.c): the achievements OPTIONS select as the one
 * JSON object a manager's `team` reads (include/impactlog/team.h).  Its
 * "impactlog_packet" key is IL_PACKET_VERSION; team refuses a later one. */
#define IL_PACKET_VERSION 1
int il_report_json(struct il_db *db, const struct il_report_options *options, FILE *out);

#endif
