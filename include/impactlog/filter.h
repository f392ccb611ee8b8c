#ifndef IMPACTLOG_FILTER_H
#define IMPACTLOG_FILTER_H

/* The filters that list, export and report share, and the selection of
 * achievements they make. */

#include "impactlog/achievement.h"
#include "impactlog/cli.h"

#define IL_OPT_FILTER 0x2000
enum il_filter_option {
	IL_FILTER_TAG = IL_OPT_FILTER,
	IL_FILTER_CYCLE,
	IL_FILTER_SINCE,
	IL_FILTER_UNTIL,
	IL_FILTER_ORG,
	IL_FILTER_PROJECT,
	IL_FILTER_SEARCH,
};

#define IL_FILTER_OPTIONS                                                                          \
	{"tag", required_argument, NULL, IL_FILTER_TAG},                                           \
		{"cycle", required_argument, NULL, IL_FILTER_CYCLE},                               \
		{"since", required_argument, NULL, IL_FILTER_SINCE},                               \
		{"until", required_argument, NULL, IL_FILTER_UNTIL},                               \
		{"org", required_argument, NULL, IL_FILTER_ORG},                                   \
		{"project", required_argument, NULL, IL_FILTER_PROJECT},                           \
	{                                                                                          \
		"search", required_argument, NULL, IL_FILTER_SEARCH                                \
	}

struct il_filter {
	enum il_tag tag; /* IL_TAG_NONE: any */
	char cycle[16];	 /* "" or the canonical cycle name */
	bool has_since, has_until;
	struct il_date since, until; /* inclusive; a cycle narrows them */
	const char *org;
	const char *project;
	const char *search;
	bool deleted; /* the trash instead of the live achievements */
};

/* Applies filter option OPT with argument ARG.  Returns 1 when OPT is a
 * filter option, 0 when it is not, IL_CMD_USAGE negated (-2) after printing
 * a message for a bad value. */
int il_filter_option(struct il_filter *f, int opt, const char *arg, struct il_date today);

/* After all options: checks that the filters agree (since <= until). */
int il_filter_check(const struct il_filter *f);

/* The period the filter covers, for report headings: "2026-H2
 * (2026-07-01 to 2026-12-31)", "since 2026-01-01", "all time". */
void il_filter_describe(const struct il_filter *f, struct il_buf *out);

/* The first and last day of the period, YYYY-MM-DD; "" for an open end. */
void il_filter_bounds(const struct il_filter *f, char since[11], char until[11]);

/* The same filter moved to the cycle before its own; false without --cycle.
 * When --since or --until narrow the cycle, the previous period is the same
 * span one cycle earlier, with no cycle name: it is stated by its dates. */
bool il_filter_previous_cycle(const struct il_filter *f, struct il_filter *previous);

/* The temporary table of the ids a command selected, by the name the
 * queries in reports/ read it by (list_*.sql, select_filtered.sql). */
#define IL_FILTER_SELECTED "selected"

/* Fills the temporary table TABLE (created or emptied) with the ids of the
 * achievements that pass F. TABLE must be a fixed name, never user text. */
int il_filter_select(struct il_db *db, const struct il_filter *f, const char *table);

#endif
