/* Filters shared by list, export and report. */

#include "impactlog/filter.h"

#include <stdlib.h>
#include <string.h>

static int bad_value(const char *option, const char *arg, const char *why)
{
	il_usage_error("--%s: '%s' %s", option, arg, why);
	return -IL_CMD_USAGE;
}

static struct il_date later(struct il_date a, struct il_date b)
{
	return il_date_to_days(a) >= il_date_to_days(b) ? a : b;
}

static struct il_date earlier(struct il_date a, struct il_date b)
{
	return il_date_to_days(a) <= il_date_to_days(b) ? a : b;
}

static void narrow(struct il_filter *f, struct il_range range)
{
	f->since = f->has_since ? later(f->since, range.from) : range.from;
	f->until = f->has_until ? earlier(f->until, range.to) : range.to;
	f->has_since = f->has_until = true;
}

static int text_option(const char **slot, const char *name, const char *arg)
{
	if (il_text_blank(arg))
		return bad_value(name, arg, "must not be empty");
	if (il_utf8_length(arg, strlen(arg)) < 0) {
		il_usage_error("--%s: not valid UTF-8", name);
		return -IL_CMD_USAGE;
	}
	*slot = arg;
	return 1;
}

int il_filter_option(struct il_filter *f, int opt, const char *arg, struct il_date today)
{
	struct il_range range;
	struct il_date date;
	const char *why;

	switch (opt) {
	case IL_FILTER_TAG:
		f->tag = il_tag_parse(arg);
		if (f->tag == IL_TAG_NONE)
			return bad_value(
				"tag", arg,
				"is not a tag (prevented-loss, enabled-scale or user-growth)");
		return 1;
	case IL_FILTER_CYCLE:
		if ((why = il_parse_cycle(arg, &range)))
			return bad_value("cycle", arg, why);
		if (f->cycle[0])
			return bad_value("cycle", arg, "is a second cycle; give one");
		/* Store the canonical name ("2026-h2" -> "2026-H2"). */
		snprintf(f->cycle, sizeof(f->cycle), "%s", arg);
		for (char *p = f->cycle; *p; p++)
			if (*p == 'h' || *p == 'q')
				*p = (char)(*p - 'a' + 'A');
		narrow(f, range);
		return 1;
	case IL_FILTER_SINCE:
	case IL_FILTER_UNTIL:
		if ((why = il_parse_date_relative(arg, today, &date)))
			return bad_value(opt == IL_FILTER_SINCE ? "since" : "until", arg, why);
		range.from = opt == IL_FILTER_SINCE ? date : (struct il_date){1000, 1, 1};
		range.to = opt == IL_FILTER_UNTIL ? date : (struct il_date){9999, 12, 31};
		narrow(f, range);
		return 1;
	case IL_FILTER_ORG:
		return text_option(&f->org, "org", arg);
	case IL_FILTER_PROJECT:
		return text_option(&f->project, "project", arg);
	case IL_FILTER_SEARCH:
		return text_option(&f->search, "search", arg);
	default:
		return 0;
	}
}

int il_filter_check(const struct il_filter *f)
{
	char since[11], until[11];

	if (f->has_since && f->has_until && il_date_to_days(f->since) > il_date_to_days(f->until)) {
		il_date_format(f->since, since);
		il_date_format(f->until, until);
		return il_usage_error("the period is empty: %s is after %s", since, until);
	}
	return IL_CMD_OK;
}

static bool is_open_start(struct il_date d)
{
	return d.year == 1000 && d.month == 1 && d.day == 1;
}

static bool is_open_end(struct il_date d)
{
	return d.year == 9999 && d.month == 12 && d.day == 31;
}

/* Whether --since or --until narrow F's cycle to a part of it. */
static bool narrows_cycle(const struct il_filter *f)
{
	struct il_range cycle;

	if (!f->cycle[0] || il_parse_cycle(f->cycle, &cycle))
		return false;
	return il_date_to_days(f->since) != il_date_to_days(cycle.from) ||
	       il_date_to_days(f->until) != il_date_to_days(cycle.to);
}

void il_filter_describe(const struct il_filter *f, struct il_buf *out)
{
	char since[11], until[11];
	bool from = f->has_since && !is_open_start(f->since);
	bool to = f->has_until && !is_open_end(f->until);

	il_date_format(f->since, since);
	il_date_format(f->until, until);
	/* A cycle that --since or --until narrow is a span of dates, no
	 * longer the cycle its name says. */
	if (f->cycle[0] && !narrows_cycle(f))
		il_buf_printf(out, "%s (%s to %s)", f->cycle, since, until);
	else if (from && to)
		il_buf_printf(out, "%s to %s", since, until);
	else if (from)
		il_buf_printf(out, "since %s", since);
	else if (to)
		il_buf_printf(out, "until %s", until);
	else
		il_buf_puts(out, "all time");
}

void il_filter_bounds(const struct il_filter *f, char since[11], char until[11])
{
	since[0] = until[0] = '\0';
	if (f->has_since && !is_open_start(f->since))
		il_date_format(f->since, since);
	if (f->has_until && !is_open_end(f->until))
		il_date_format(f->until, until);
}

/* D moved MONTHS months earlier.  The last day of a month stays the last
 * day (2026-06-30 -> 2025-12-31), and a day the earlier month lacks
 * becomes its last (2026-08-31 -> 2026-02-28). */
static struct il_date months_earlier(struct il_date d, int months)
{
	bool month_end = d.day == il_days_in_month(d.year, d.month);
	int index = d.year * 12 + (d.month - 1) - months;
	struct il_date earlier = {index / 12, index % 12 + 1, d.day};
	int last = il_days_in_month(earlier.year, earlier.month);

	if (month_end || earlier.day > last)
		earlier.day = last;
	return earlier;
}

bool il_filter_previous_cycle(const struct il_filter *f, struct il_filter *previous)
{
	struct il_range cycle, before;
	int months;

	if (!f->cycle[0])
		return false;
	*previous = *f;
	il_cycle_previous(f->cycle, previous->cycle);
	il_parse_cycle(f->cycle, &cycle);
	il_parse_cycle(previous->cycle, &before);
	if (!narrows_cycle(f)) {
		previous->since = before.from;
		previous->until = before.to;
		return true;
	}
	/* The same span one cycle earlier, named by its dates (no cycle
	 * name, which would say the whole cycle): --cycle 2026-H1 --since
	 * 2026-02-01 compares with 2025-08-01 to 2025-12-31. */
	months = (cycle.from.year - before.from.year) * 12 + (cycle.from.month - before.from.month);
	previous->cycle[0] = '\0';
	previous->since = months_earlier(f->since, months);
	previous->until = months_earlier(f->until, months);
	return true;
}

/* Turns free text into an FTS5 query that matches every word, so that
 * quotes, stars or operators in the text are searched for, not obeyed. */
static char *fts_query(const char *text)
{
	struct il_buf query = {0};
	const char *p = text;

	while (*p) {
		size_t len;

		p += strspn(p, " \t");
		len = strcspn(p, " \t");
		if (len == 0)
			break;
		il_buf_puts(&query, query.len ? " \"" : "\"");
		for (size_t i = 0; i < len; i++)
			il_buf_append(&query, p[i] == '"' ? "\"\"" : p + i, p[i] == '"' ? 2 : 1);
		il_buf_puts(&query, "\"");
		p += len;
	}
	return query.data ? query.data : il_xstrdup("\"\"");
}

int il_filter_select(struct il_db *db, const struct il_filter *f, const char *table)
{
	struct il_buf sql = {0};
	char since[11], until[11], *search = NULL;
	/* Compared as the names are stored: trimmed, whatever their case. */
	char *org = f->org ? il_text_trim(f->org) : NULL;
	char *project = f->project ? il_text_trim(f->project) : NULL;
	sqlite3_stmt *stmt = NULL;
	int index = 0, rc = -1;

	il_buf_printf(&sql,
		      "CREATE TEMP TABLE IF NOT EXISTS %s (id INTEGER PRIMARY KEY);"
		      "DELETE FROM %s;",
		      table, table);
	if (il_db_exec(db, il_buf_str(&sql)) < 0)
		goto done;
	il_buf_reset(&sql);
	il_buf_printf(&sql, "INSERT INTO %s SELECT id FROM achievement AS a WHERE ", table);
	il_buf_puts(&sql, f->deleted ? "deleted_at IS NOT NULL" : "deleted_at IS NULL");
	if (f->tag != IL_TAG_NONE)
		il_buf_puts(&sql, " AND tag = ?");
	if (f->has_since)
		il_buf_puts(&sql, " AND date >= ?");
	if (f->has_until)
		il_buf_puts(&sql, " AND date <= ?");
	if (f->org)
		il_buf_puts(&sql, " AND EXISTS (SELECT 1 FROM achievement_org AS o "
				  "WHERE o.achievement_id = a.id AND o.name = ? COLLATE NOCASE)");
	if (f->project)
		il_buf_puts(&sql, " AND project = ? COLLATE NOCASE");
	if (f->search)
		il_buf_puts(&sql, " AND id IN (SELECT rowid FROM achievement_fts "
				  "WHERE achievement_fts MATCH ?)");
	if (!(stmt = il_db_prepare(db, il_buf_str(&sql))))
		goto done;
	il_date_format(f->since, since);
	il_date_format(f->until, until);
	if ((f->tag != IL_TAG_NONE && il_bind_text(db, stmt, ++index, il_tag_name(f->tag)) < 0) ||
	    (f->has_since && il_bind_text(db, stmt, ++index, since) < 0) ||
	    (f->has_until && il_bind_text(db, stmt, ++index, until) < 0) ||
	    (org && il_bind_text(db, stmt, ++index, org) < 0) ||
	    (project && il_bind_text(db, stmt, ++index, project) < 0))
		goto done;
	if (f->search && il_bind_text(db, stmt, ++index, (search = fts_query(f->search))) < 0)
		goto done;
	rc = il_db_run(db, stmt);
done:
	sqlite3_finalize(stmt);
	free(search);
	free(org);
	free(project);
	il_buf_free(&sql);
	return rc;
}
