/* The report model: selects the period and runs the section queries of
 * reports/ over it, one section at a time (who and when, totals, loss,
 * scale, breadth, top achievements, gaps, months), keeping their results
 * for the renderers; and frees them.  Building the model in two threads
 * is report_job.c's; its words are report_words.c's. */

#include "impactlog/report.h"

#include "report_model.h"

#include "impactlog/embed.h"

#include <stdlib.h>
#include <string.h>

/* A section that takes the period's achievement count as ?1, so that it
 * need not count them again. */
static sqlite3_stmt *prepare_counted(struct il_db *db, const char *name, long count)
{
	sqlite3_stmt *stmt = il_report_prepare(db, name);

	if (stmt && il_bind_int(db, stmt, 1, count) < 0) {
		sqlite3_finalize(stmt);
		return NULL;
	}
	return stmt;
}

static char *column_dup(sqlite3_stmt *stmt, int column)
{
	return il_xstrdup(il_column_text(stmt, column));
}

static bool column_null(sqlite3_stmt *stmt, int column)
{
	return sqlite3_column_type(stmt, column) == SQLITE_NULL;
}

/* Grows *ITEMS (of SIZE bytes each) by one zeroed slot and returns it. */
static void *push(void *items_ptr, size_t *len, size_t size)
{
	void **items = items_ptr;
	char *slot;

	*items = il_xrealloc(*items, (*len + 1) * size);
	slot = (char *)*items + *len * size;
	memset(slot, 0, size);
	(*len)++;
	return slot;
}

static void push_amount(struct il_report_amount **amounts, size_t *len, const char *unit,
			double value)
{
	struct il_report_amount *a = push(amounts, len, sizeof(**amounts));

	a->unit = il_xstrdup(unit);
	a->value = value;
}

/* Finishes a single-row section: reads the row with READ, then checks the
 * statement is done. */
static int run_one_row(struct il_db *db, sqlite3_stmt *stmt, void (*read)(sqlite3_stmt *, void *),
		       void *target)
{
	int rc;

	if (!stmt)
		return -1;
	rc = il_db_step(db, stmt);
	if (rc == SQLITE_ROW)
		read(stmt, target);
	sqlite3_finalize(stmt);
	return rc < 0 ? -1 : 0;
}

/* --- Who and when ------------------------------------------------------- */

static bool is_open_start(struct il_date d)
{
	return d.year == 1000 && d.month == 1 && d.day == 1;
}

static bool is_open_end(struct il_date d)
{
	return d.year == 9999 && d.month == 12 && d.day == 31;
}

static void read_profile(sqlite3_stmt *stmt, void *target)
{
	struct il_report_profile *p = target;

	il_report_profile_free(p);
	p->name = column_dup(stmt, 0);
	p->level = column_dup(stmt, 1);
	p->track = column_dup(stmt, 2);
	p->target_level = column_dup(stmt, 3);
	p->manager = column_dup(stmt, 4);
}

int il_report_profile_load(struct il_db *db, struct il_report_profile *p)
{
	/* No profile row yet: every field "". */
	*p = (struct il_report_profile){il_xstrdup(""), il_xstrdup(""), il_xstrdup(""),
					il_xstrdup(""), il_xstrdup("")};
	return run_one_row(db, il_report_prepare(db, "profile.sql"), read_profile, p);
}

void il_report_profile_free(struct il_report_profile *p)
{
	free(p->name);
	free(p->level);
	free(p->track);
	free(p->target_level);
	free(p->manager);
}

struct overview {
	long count, previous_count;
	char first[11], last[11];
};

static void read_overview(sqlite3_stmt *stmt, void *target)
{
	struct overview *o = target;

	o->count = sqlite3_column_int64(stmt, 0);
	snprintf(o->first, sizeof(o->first), "%s", il_column_text(stmt, 1));
	snprintf(o->last, sizeof(o->last), "%s", il_column_text(stmt, 2));
	o->previous_count = sqlite3_column_int64(stmt, 3);
}

/* The days the month chart covers: the period's own bounds where it has
 * them; otherwise from the first achievement to the last or to the
 * generated date, whichever is later, so that recent silence shows. */
static void chart_days(struct il_report *r, const struct il_filter *f, const struct overview *o)
{
	const char *first = o->first, *last = o->last;
	char since[11], until[11];

	il_date_format(f->since, since);
	il_date_format(f->until, until);
	if (f->has_since && !is_open_start(f->since))
		first = since;
	if (f->has_until && !is_open_end(f->until))
		last = until;
	else if (*last && strcmp(r->generated, last) > 0)
		last = r->generated;
	if (!*first || !*last)
		return;
	if (strcmp(last, first) < 0)
		last = first;
	snprintf(r->first_day, sizeof(r->first_day), "%s", first);
	snprintf(r->last_day, sizeof(r->last_day), "%s", last);
}

static int build_heading(struct il_db *db, const struct il_filter *f, long long now,
			 struct il_report *r)
{
	struct il_buf period = {0};
	struct il_filter previous;
	struct overview o = {0};

	il_filter_describe(f, &period);
	r->period = period.data ? period.data : il_xstrdup("");
	r->scope = il_report_scope(f, r->redact);
	r->cycle = il_xstrdup(f->cycle);
	il_date_format(il_local_date(now), r->generated);
	r->has_previous = il_filter_previous_cycle(f, &previous);
	period = (struct il_buf){0};
	if (r->has_previous)
		il_filter_describe(&previous, &period);
	r->previous_period = period.data ? period.data : il_xstrdup("");
	/* A narrowed cycle's previous span has no cycle name: its dates
	 * name it. */
	r->narrowed = r->has_previous && !previous.cycle[0];
	r->previous_cycle = il_xstrdup(!r->has_previous ? ""
				       : r->narrowed	? r->previous_period
							: previous.cycle);
	if (il_report_profile_load(db, &r->profile) < 0 ||
	    run_one_row(db, il_report_prepare(db, "overview.sql"), read_overview, &o) < 0)
		return -1;
	r->count = o.count;
	r->previous_count = o.previous_count;
	chart_days(r, f, &o);
	return 0;
}

/* --- Totals, loss, scale ----------------------------------------------- */

static int build_totals(struct il_db *db, struct il_report *r)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "totals.sql");
	int rc;

	if (!stmt)
		return -1;
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		struct il_report_total *t = push(&r->totals, &r->totals_len, sizeof(*t));

		t->tag = il_tag_parse(il_column_text(stmt, 0));
		t->unit = column_dup(stmt, 1);
		t->count = sqlite3_column_int64(stmt, 2);
		t->valued = sqlite3_column_int64(stmt, 3);
		t->outcome = sqlite3_column_double(stmt, 4);
		t->attributed = sqlite3_column_double(stmt, 5);
		t->previous_count = sqlite3_column_int64(stmt, 6);
		t->previous_valued = sqlite3_column_int64(stmt, 7);
		t->previous_outcome = sqlite3_column_double(stmt, 8);
		t->previous_attributed = sqlite3_column_double(stmt, 9);
		r->by_tag[t->tag] += t->count;
		r->previous_by_tag[t->tag] += t->previous_count;
		/* Attributed prevented-loss is already risk-adjusted (the view). */
		if (t->tag == IL_TAG_PREVENTED_LOSS && t->valued > 0)
			push_amount(&r->loss.risk_adjusted, &r->loss.risk_adjusted_len, t->unit,
				    t->attributed);
	}
	sqlite3_finalize(stmt);
	return rc < 0 ? -1 : 0;
}

static void read_loss(sqlite3_stmt *stmt, void *target)
{
	struct il_report_loss *loss = target;

	loss->count = sqlite3_column_int64(stmt, 0);
	loss->lead_days_count = sqlite3_column_int64(stmt, 1);
	loss->median_lead_days = sqlite3_column_double(stmt, 2);
}

static void read_scale(sqlite3_stmt *stmt, void *target)
{
	struct il_report_scale *scale = target;

	scale->count = sqlite3_column_int64(stmt, 0);
	scale->factor_count = sqlite3_column_int64(stmt, 1);
	scale->median_factor = sqlite3_column_double(stmt, 2);
	scale->largest_id = sqlite3_column_int64(stmt, 3);
	free(scale->largest_title);
	free(scale->largest_unit);
	scale->largest_title = column_dup(stmt, 4);
	scale->largest_unit = column_dup(stmt, 5);
	scale->largest_factor = sqlite3_column_double(stmt, 6);
}

/* --- Breadth ------------------------------------------------------------ */

static void read_breadth(sqlite3_stmt *stmt, void *target)
{
	struct il_report_breadth *b = target;

	b->multi_org = sqlite3_column_int64(stmt, 0);
	b->no_org = sqlite3_column_int64(stmt, 1);
}

/* Reads by_org.sql or by_project.sql: one row per (group, unit), the rows
 * of one group together.  With DISTINCT, also the eighth column, the same
 * on every row: by_org.sql's count of distinct orgs. */
static int build_groups(struct il_db *db, const char *section, struct il_report_group **groups,
			size_t *len, long *distinct)
{
	sqlite3_stmt *stmt = il_report_prepare(db, section);
	struct il_report_group *g = NULL;
	int rc;

	if (!stmt)
		return -1;
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		const char *name = il_column_text(stmt, 0);

		if (!g || strcmp(g->name, name) != 0) {
			g = push(groups, len, sizeof(*g));
			g->name = il_xstrdup(name);
			g->count = sqlite3_column_int64(stmt, 1);
			g->by_tag[IL_TAG_PREVENTED_LOSS] = sqlite3_column_int64(stmt, 2);
			g->by_tag[IL_TAG_ENABLED_SCALE] = sqlite3_column_int64(stmt, 3);
			g->by_tag[IL_TAG_USER_GROWTH] = sqlite3_column_int64(stmt, 4);
		}
		if (!column_null(stmt, 6))
			push_amount(&g->attributed, &g->attributed_len, il_column_text(stmt, 5),
				    sqlite3_column_double(stmt, 6));
		if (distinct)
			*distinct = sqlite3_column_int64(stmt, 7);
	}
	sqlite3_finalize(stmt);
	return rc < 0 ? -1 : 0;
}

/* --- Top achievements ---------------------------------------------------- */

void il_report_initials(const char *name, struct il_buf *out)
{
	const char *p = name;

	while (*p) {
		size_t skip = strspn(p, " \t\n-_/.,;()");
		size_t len;

		p += skip;
		if (!*p)
			break;
		len = strcspn(p, " \t\n-_/.,;()");
		if ((unsigned char)*p < 0x80) {
			char c = *p;

			if (c >= 'a' && c <= 'z')
				c = (char)(c - 'a' + 'A');
			il_buf_append(out, &c, 1);
		} else {
			/* The whole first code point of a non-ASCII name. */
			il_buf_append(out, p, il_utf8_prefix(p, 1));
		}
		il_buf_puts(out, ".");
		p += len;
	}
}

/* Joins the char(31)-separated WITNESSES with ", ", reduced to initials
 * when redacting. */
static char *witness_list(const char *witnesses, bool redact)
{
	struct il_buf out = {0};
	const char *p = witnesses;

	while (*p) {
		size_t len = strcspn(p, "\x1f");
		char *name = il_xstrndup(p, len);

		if (out.len)
			il_buf_puts(&out, ", ");
		if (redact)
			il_report_initials(name, &out);
		else
			il_buf_puts(&out, name);
		free(name);
		p += len;
		if (*p)
			p++;
	}
	return out.data ? out.data : il_xstrdup("");
}

static enum il_confidence confidence_parse(const char *name)
{
	if (strcmp(name, "measured") == 0)
		return IL_CONFIDENCE_MEASURED;
	if (strcmp(name, "projected") == 0)
		return IL_CONFIDENCE_PROJECTED;
	return IL_CONFIDENCE_ESTIMATED;
}

static void read_item(sqlite3_stmt *stmt, struct il_report_item *it, bool redact)
{
	it->id = sqlite3_column_int64(stmt, 0);
	snprintf(it->date, sizeof(it->date), "%s", il_column_text(stmt, 1));
	it->tag = il_tag_parse(il_column_text(stmt, 2));
	it->title = column_dup(stmt, 3);
	it->has_value = !column_null(stmt, 4);
	it->value = sqlite3_column_double(stmt, 4);
	it->unit = column_dup(stmt, 5);
	it->has_baseline = !column_null(stmt, 6);
	it->baseline = sqlite3_column_double(stmt, 6);
	it->share = sqlite3_column_double(stmt, 7);
	it->team_size = (long)sqlite3_column_int64(stmt, 8);
	it->has_likelihood = !column_null(stmt, 9);
	it->likelihood = sqlite3_column_double(stmt, 9);
	it->has_lead_days = !column_null(stmt, 10);
	it->lead_days = (long)sqlite3_column_int64(stmt, 10);
	it->has_attributed = !column_null(stmt, 11);
	it->attributed = sqlite3_column_double(stmt, 11);
	it->has_scale_factor = !column_null(stmt, 12);
	it->scale_factor = sqlite3_column_double(stmt, 12);
	it->confidence = confidence_parse(il_column_text(stmt, 13));
	it->project = column_dup(stmt, 14);
	it->orgs = column_dup(stmt, 15);
	it->evidence = column_dup(stmt, 16);
	it->witnesses = witness_list(il_column_text(stmt, 17), redact);
	it->note = column_dup(stmt, 18);
}

static int build_top(struct il_db *db, struct il_report *r)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "top.sql");
	int rc = SQLITE_DONE;

	if (!stmt)
		return -1;
	for (enum il_tag tag = IL_TAG_FIRST; tag < IL_TAG_COUNT && rc == SQLITE_DONE; tag++) {
		sqlite3_reset(stmt);
		if (il_bind_text(db, stmt, 1, il_tag_name(tag)) < 0 ||
		    il_bind_int(db, stmt, 2, IL_REPORT_TOP_PER_TAG) < 0 ||
		    il_bind_int(db, stmt, 3, r->redact) < 0) {
			rc = -1;
			break;
		}
		while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
			struct il_report_item *it = push(&r->top, &r->top_len, sizeof(*it));

			read_item(stmt, it, r->redact);
			it->sentence = il_report_item_sentence(it);
		}
	}
	sqlite3_finalize(stmt);
	return rc < 0 ? -1 : 0;
}

/* --- Visibility gaps and months ------------------------------------------ */

static void read_gap_counts(sqlite3_stmt *stmt, void *target)
{
	struct il_report_gaps *gaps = target;

	gaps->no_evidence.count = sqlite3_column_int64(stmt, 0);
	gaps->no_witness.count = sqlite3_column_int64(stmt, 1);
	gaps->full_share_of_team.count = sqlite3_column_int64(stmt, 2);
}

/* The newest few of GAP.  A gap with no achievements is skipped: its
 * query would walk every day of the period to find none. */
static int build_gap_items(struct il_db *db, sqlite3_stmt *stmt, const char *kind,
			   struct il_report_gap *gap)
{
	int rc;

	if (gap->count == 0)
		return 0;
	sqlite3_reset(stmt);
	if (il_bind_text(db, stmt, 1, kind) < 0 ||
	    il_bind_int(db, stmt, 2, IL_REPORT_GAP_ITEMS) < 0)
		return -1;
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		struct il_report_item *it = push(&gap->items, &gap->items_len, sizeof(*it));

		it->id = sqlite3_column_int64(stmt, 0);
		snprintf(it->date, sizeof(it->date), "%s", il_column_text(stmt, 1));
		it->tag = il_tag_parse(il_column_text(stmt, 2));
		it->title = column_dup(stmt, 3);
		it->share = sqlite3_column_double(stmt, 4);
		it->team_size = (long)sqlite3_column_int64(stmt, 5);
	}
	return rc < 0 ? -1 : 0;
}

static int build_gaps(struct il_db *db, struct il_report *r)
{
	struct il_report_gaps *gaps = &r->gaps;
	sqlite3_stmt *stmt;
	int rc;

	if (run_one_row(db, prepare_counted(db, "gap_counts.sql", r->count), read_gap_counts,
			gaps) < 0)
		return -1;
	if (!(stmt = il_report_prepare(db, "gap_items.sql")))
		return -1;
	rc = build_gap_items(db, stmt, "no-evidence", &gaps->no_evidence);
	if (rc == 0)
		rc = build_gap_items(db, stmt, "no-witness", &gaps->no_witness);
	if (rc == 0)
		rc = build_gap_items(db, stmt, "full-share-of-team", &gaps->full_share_of_team);
	sqlite3_finalize(stmt);
	return rc;
}

static int build_months(struct il_db *db, struct il_report *r)
{
	sqlite3_stmt *stmt;
	int rc;

	if (!r->first_day[0])
		return 0;
	if (!(stmt = il_report_prepare(db, "months.sql")))
		return -1;
	if (il_bind_text(db, stmt, 1, r->first_day) < 0 ||
	    il_bind_text(db, stmt, 2, r->last_day) < 0 ||
	    il_bind_text(db, stmt, 3, r->generated) < 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		struct il_report_month *m = push(&r->months, &r->months_len, sizeof(*m));

		snprintf(m->month, sizeof(m->month), "%s", il_column_text(stmt, 0));
		m->total = sqlite3_column_int64(stmt, 1);
		m->by_tag[IL_TAG_PREVENTED_LOSS] = sqlite3_column_int64(stmt, 2);
		m->by_tag[IL_TAG_ENABLED_SCALE] = sqlite3_column_int64(stmt, 3);
		m->by_tag[IL_TAG_USER_GROWTH] = sqlite3_column_int64(stmt, 4);
		m->future = sqlite3_column_int(stmt, 5) != 0;
		if (m->total == 0 && !m->future)
			r->gaps.empty_months++;
	}
	sqlite3_finalize(stmt);
	return rc < 0 ? -1 : 0;
}

/* --- Building and freeing ------------------------------------------------ */

/* Whether FILTER passes every live achievement: no filter at all. */
static bool selects_all(const struct il_filter *f)
{
	return f->tag == IL_TAG_NONE && !f->cycle[0] && !f->has_since && !f->has_until && !f->org &&
	       !f->project && !f->search && !f->deleted;
}

/* Points the report views (report_facts and the list views) at the
 * period.  Without a filter they stand over the tables themselves, so that
 * a report of everything reads the indexes and never copies a million ids
 * into IL_FILTER_SELECTED to join them back. */
static int select_period(struct il_db *db, const struct il_filter *f)
{
	const char *views;

	if (selects_all(f))
		views = il_report_sql("select_all.sql");
	else if (il_filter_select(db, f, IL_FILTER_SELECTED) < 0)
		return -1;
	else
		views = il_report_sql("select_filtered.sql");
	if (!views) {
		il_error("internal error: no report views");
		return -1;
	}
	return il_db_exec(db, views);
}

/* Fills IL_REPORT_PREVIOUS with the previous cycle, or leaves it empty, so
 * that the queries can always join it. */
static int select_previous(struct il_db *db, const struct il_filter *f)
{
	struct il_filter previous;

	if (il_filter_previous_cycle(f, &previous))
		return il_filter_select(db, &previous, IL_REPORT_PREVIOUS);
	return il_db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS " IL_REPORT_PREVIOUS
			      " (id INTEGER PRIMARY KEY); DELETE FROM " IL_REPORT_PREVIOUS ";");
}

/* Readiness for the profile's track and target level, when it has both. */
static int build_readiness(struct il_db *db, struct il_report *r)
{
	const struct il_report_profile *p = &r->profile;

	if (!*p->track || !*p->target_level) {
		r->readiness.unavailable = il_xstrdup(il_readiness_unset_report);
		return 0;
	}
	if (il_rubric_load(db, &r->rubric) < 0)
		return -1;
	return il_readiness_build(db, &r->rubric, p->track, p->target_level, &r->readiness) < 0 ? -1
												: 0;
}

int il_report_build_parts(struct il_db *db, const struct il_filter *filter, long long now,
			  unsigned parts, struct il_report *r)
{
	struct il_report_breadth *b = &r->breadth;

	if ((parts & IL_REPORT_REST) &&
	    (build_heading(db, filter, now, r) < 0 || build_totals(db, r) < 0 ||
	     build_readiness(db, r) < 0 ||
	     run_one_row(db, il_report_prepare(db, "loss.sql"), read_loss, &r->loss) < 0 ||
	     run_one_row(db, il_report_prepare(db, "scale.sql"), read_scale, &r->scale) < 0 ||
	     run_one_row(db, prepare_counted(db, "breadth.sql", r->count), read_breadth, b) < 0 ||
	     build_top(db, r) < 0 || build_gaps(db, r) < 0 || build_months(db, r) < 0))
		return -1;
	if ((parts & IL_REPORT_GROUPS) &&
	    (build_groups(db, "by_org.sql", &b->orgs, &b->orgs_len, &b->distinct_orgs) < 0 ||
	     build_groups(db, "by_project.sql", &b->projects, &b->projects_len, NULL) < 0))
		return -1;
	return 0;
}

int il_report_select(struct il_db *db, const struct il_filter *filter)
{
	return select_period(db, filter) < 0 || select_previous(db, filter) < 0 ? -1 : 0;
}

int il_report_build(struct il_db *db, const struct il_filter *filter, bool redact, long long now,
		    struct il_report *report)
{
	*report = (struct il_report){.redact = redact};
	if (il_report_select(db, filter) < 0 ||
	    il_report_build_parts(db, filter, now, IL_REPORT_WHOLE, report) < 0) {
		il_report_free(report);
		return -1;
	}
	return 0;
}

static void free_amounts(struct il_report_amount *amounts, size_t len)
{
	for (size_t i = 0; i < len; i++)
		free(amounts[i].unit);
	free(amounts);
}

static void free_groups(struct il_report_group *groups, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		free(groups[i].name);
		free_amounts(groups[i].attributed, groups[i].attributed_len);
	}
	free(groups);
}

static void free_items(struct il_report_item *items, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		struct il_report_item *it = &items[i];

		free(it->title);
		free(it->unit);
		free(it->project);
		free(it->orgs);
		free(it->evidence);
		free(it->witnesses);
		free(it->note);
		free(it->sentence);
	}
	free(items);
}

void il_report_free(struct il_report *r)
{
	il_report_profile_free(&r->profile);
	free(r->period);
	free(r->scope);
	free(r->cycle);
	free(r->previous_cycle);
	free(r->previous_period);
	for (size_t i = 0; i < r->totals_len; i++)
		free(r->totals[i].unit);
	free(r->totals);
	free_amounts(r->loss.risk_adjusted, r->loss.risk_adjusted_len);
	free(r->scale.largest_title);
	free(r->scale.largest_unit);
	free_groups(r->breadth.orgs, r->breadth.orgs_len);
	free_groups(r->breadth.projects, r->breadth.projects_len);
	free_items(r->top, r->top_len);
	free_items(r->gaps.no_evidence.items, r->gaps.no_evidence.items_len);
	free_items(r->gaps.no_witness.items, r->gaps.no_witness.items_len);
	free_items(r->gaps.full_share_of_team.items, r->gaps.full_share_of_team.items_len);
	il_readiness_free(&r->readiness);
	il_rubric_free(&r->rubric);
	free(r->months);
	*r = (struct il_report){0};
}
