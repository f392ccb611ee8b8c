/*
 * team: the model of the calibration view, from the packets loaded by
 * team_packets.c into the private database: people, over-claims and team
 * totals, each from its query in reports/team_*.sql over team_period, the
 * achievements the team's filters pass.
 */

#include "team_internal.h"

#include "impactlog/embed.h"
#include "impactlog/readiness.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Shares add up in floating point: 60.1 + 39.9 is not past 100. */
#define SHARE_EPSILON 1e-9

/* --- Loading ---------------------------------------------------------------- */

/* Two packets of one person and period: the later generated stays, and
 * the view says so. */
static int drop_replaced(struct il_db *db, struct il_team *team)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "team_replaced.sql");
	int64_t *ids = NULL;
	size_t len = 0;
	int rc;

	if (!stmt)
		return -1;
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		struct il_buf line = {0};

		il_buf_printf(&line, "%s: %s (generated %s) replaces %s (generated %s)",
			      il_column_text(stmt, 1), il_column_text(stmt, 4),
			      il_column_text(stmt, 5), il_column_text(stmt, 2),
			      il_column_text(stmt, 3));
		il_strlist_push(&team->notes, il_buf_str(&line));
		il_buf_free(&line);
		ids = il_xrealloc(ids, (len + 1) * sizeof(*ids));
		ids[len++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_finalize(stmt);
	rc = rc == SQLITE_DONE ? 0 : -1;
	/* The person's achievements, with their lists and claims (ON DELETE
	 * CASCADE), then the person. */
	for (size_t i = 0; rc == 0 && i < len; i++) {
		sqlite3_stmt *drop = il_db_cached(db, il_report_sql("team_drop_person.sql"));

		if (!drop || il_bind_int(db, drop, 1, ids[i]) < 0 || il_db_run(db, drop) < 0 ||
		    !(drop = il_db_cached(db, "DELETE FROM person WHERE id = ?1")) ||
		    il_bind_int(db, drop, 1, ids[i]) < 0 || il_db_run(db, drop) < 0)
			rc = -1;
	}
	free(ids);
	return rc;
}

/* --- People ------------------------------------------------------------------ */

/* "2026-H2 (2026-07-01 to 2026-12-31)", as a report states its period. */
static char *describe_period(const char *cycle, const char *since, const char *until)
{
	struct il_filter f = {0};
	struct il_buf out = {0};

	snprintf(f.cycle, sizeof(f.cycle), "%s", cycle);
	f.has_since = f.has_until = true;
	f.since = (struct il_date){1000, 1, 1};
	f.until = (struct il_date){9999, 12, 31};
	if (*since)
		il_parse_date(since, &f.since);
	if (*until)
		il_parse_date(until, &f.until);
	il_filter_describe(&f, &out);
	return il_buf_take(&out);
}

static void read_person(sqlite3_stmt *row, struct il_team_person *p)
{
	int c = 0;

	p->id = sqlite3_column_int64(row, c++);
	p->name = il_xstrdup(il_column_text(row, c++));
	p->level = il_xstrdup(il_column_text(row, c++));
	p->track = il_xstrdup(il_column_text(row, c++));
	p->target_level = il_xstrdup(il_column_text(row, c++));
	p->period = describe_period(il_column_text(row, c), il_column_text(row, c + 1),
				    il_column_text(row, c + 2));
	c += 3;
	p->file = il_xstrdup(il_column_text(row, c++));
	snprintf(p->generated, sizeof(p->generated), "%s", il_column_text(row, c++));
	p->redacted = sqlite3_column_int(row, c++);
	p->count = sqlite3_column_int64(row, c++);
	for (int t = IL_TAG_FIRST; t < IL_TAG_COUNT; t++)
		p->by_tag[t] = sqlite3_column_int64(row, c++);
	p->with_evidence = sqlite3_column_int64(row, c++);
	p->with_witness = sqlite3_column_int64(row, c++);
	p->multi_org = sqlite3_column_int64(row, c++);
	p->full_share = sqlite3_column_int64(row, c++);
	p->distinct_orgs = sqlite3_column_int64(row, c++);
	p->no_evidence = p->count - p->with_evidence;
	p->no_witness = p->count - p->with_witness;
}

/* Labels: the name, and where one name has several periods, the period
 * too, so that every label names one row. */
static void label_people(struct il_team *team)
{
	for (size_t i = 0; i < team->people_len; i++) {
		struct il_team_person *p = &team->people[i];
		bool shared = false;

		for (size_t j = 0; j < team->people_len && !shared; j++)
			shared = j != i && strcasecmp(team->people[j].name, p->name) == 0;
		if (shared) {
			struct il_buf label = {0};

			il_buf_printf(&label, "%s (%s)", p->name, p->period);
			p->label = il_buf_take(&label);
		} else {
			p->label = il_xstrdup(p->name);
		}
	}
}

/* The person of id ID: people[] is in id order (team_people.sql). */
static size_t person_index(const struct il_team *team, int64_t id)
{
	size_t low = 0, high = team->people_len;

	while (high - low > 1) {
		size_t mid = low + (high - low) / 2;

		if (team->people[mid].id <= id)
			low = mid;
		else
			high = mid;
	}
	return low;
}

static int read_amounts(struct il_db *db, struct il_team *team)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "team_amounts.sql");
	size_t at = 0;
	int rc;

	if (!stmt)
		return -1;
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		struct il_team_person *p;

		/* Rows come in the people's order. */
		while (at < team->people_len && team->people[at].id != id)
			at++;
		if (at == team->people_len)
			break;
		p = &team->people[at];
		p->attributed = il_xrealloc(p->attributed,
					    (p->attributed_len + 1) * sizeof(*p->attributed));
		p->attributed[p->attributed_len++] = (struct il_report_amount){
			il_xstrdup(il_column_text(stmt, 1)), sqlite3_column_double(stmt, 2)};
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* Each person against their own track and target level. */
static int measure_readiness(struct il_db *db, struct il_team *team)
{
	if (il_db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS selected (id INTEGER PRIMARY KEY)") <
		    0 ||
	    il_db_exec(db, il_report_sql("select_filtered.sql")) < 0)
		return -1;
	for (size_t i = 0; i < team->people_len; i++) {
		struct il_team_person *p = &team->people[i];
		sqlite3_stmt *stmt;

		if (!*p->track || !*p->target_level) {
			p->readiness.unavailable =
				il_xstrdup("no track or target level in the packet");
			continue;
		}
		if (il_db_exec(db, "DELETE FROM selected") < 0 ||
		    !(stmt = il_db_cached(db, il_report_sql("team_select_person.sql"))) ||
		    il_bind_int(db, stmt, 1, p->id) < 0 || il_db_run(db, stmt) < 0 ||
		    il_readiness_build(db, &team->rubric, p->track, p->target_level,
				       &p->readiness) < 0)
			return -1;
	}
	return 0;
}

static int read_people(struct il_db *db, struct il_team *team)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "team_people.sql");
	int rc;

	if (!stmt)
		return -1;
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		team->people =
			il_xrealloc(team->people, (team->people_len + 1) * sizeof(*team->people));
		team->people[team->people_len] = (struct il_team_person){0};
		read_person(stmt, &team->people[team->people_len]);
		team->achievements += team->people[team->people_len].count;
		team->redacted += team->people[team->people_len].redacted;
		team->people_len++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return -1;
	label_people(team);
	return read_amounts(db, team) < 0 || measure_readiness(db, team) < 0 ? -1 : 0;
}

/* --- Shared outcomes: over-claims and totals --------------------------------- */

/* One row of team_shared.sql; TOTAL_SHARE is its group's. */
struct shared_row {
	enum il_tag tag;
	char *key, *name;
	int64_t id;
	int64_t person;
	double share;
	double total_share;
};

static void free_row(struct shared_row *row)
{
	free(row->key);
	free(row->name);
}

static bool same_item(const struct shared_row *a, const struct shared_row *b)
{
	return a->tag == b->tag && strcmp(a->key, b->key) == 0;
}

/* Keeps of ROWS[START..END), one item's, what counts: one row per
 * achievement, the item named as its first achievement wrote it, and the
 * shares added up; all of them when two or more people share the item,
 * none otherwise.  Returns how many rows it kept, moved to ROWS + AT. */
static size_t keep_group(struct shared_row *rows, size_t start, size_t end, size_t at)
{
	size_t kept = at, people = 0;
	int64_t first_id = 0;
	char *name = NULL;
	double total = 0;

	for (size_t i = start; i < end; i++) {
		/* Rows come by person, then achievement: repeats are neighbours. */
		if (i > start && rows[i].id == rows[i - 1].id) {
			free_row(&rows[i]);
			continue;
		}
		people += i == start || rows[i].person != rows[i - 1].person;
		total += rows[i].share;
		if (!name || rows[i].id < first_id) {
			free(name);
			name = il_xstrdup(rows[i].name);
			first_id = rows[i].id;
		}
		rows[kept++] = rows[i];
	}
	for (size_t i = at; i < kept; i++) {
		free(rows[i].name);
		rows[i].name = NULL;
		rows[i].total_share = total;
	}
	if (people < 2) {
		for (size_t i = at; i < kept; i++)
			free_row(&rows[i]);
		free(name);
		return 0;
	}
	rows[at].name = name; /* the group's, on its first row */
	return kept - at;
}

static int read_shared(struct il_db *db, struct shared_row **rows, size_t *len)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "team_shared.sql");
	size_t count = 0, cap = 0, start = 0, at = 0;
	int rc;

	*rows = NULL;
	*len = 0;
	if (!stmt)
		return -1;
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 1024;
			*rows = il_xrealloc(*rows, cap * sizeof(**rows));
		}
		(*rows)[count++] = (struct shared_row){
			.tag = il_tag_parse(il_column_text(stmt, 0)),
			.key = il_xstrdup(il_column_text(stmt, 1)),
			.name = il_xstrdup(il_column_text(stmt, 2)),
			.id = sqlite3_column_int64(stmt, 3),
			.person = sqlite3_column_int64(stmt, 4),
			.share = sqlite3_column_double(stmt, 5),
		};
	}
	sqlite3_finalize(stmt);
	while (start < count) {
		size_t end = start + 1;

		while (end < count && same_item(&(*rows)[end], &(*rows)[start]))
			end++;
		at += keep_group(*rows, start, end, at);
		start = end;
	}
	*len = at;
	return rc == SQLITE_DONE ? 0 : -1;
}

static void free_shared(struct shared_row *rows, size_t len)
{
	for (size_t i = 0; i < len; i++)
		free_row(&rows[i]);
	free(rows);
}

static int read_claim(struct il_db *db, struct il_team *team, const struct shared_row *row,
		      struct il_team_claim *claim)
{
	sqlite3_stmt *stmt = il_db_cached(db, il_report_sql("team_claim.sql"));
	int rc;

	if (!stmt || il_bind_int(db, stmt, 1, row->id) < 0)
		return -1;
	if ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		*claim = (struct il_team_claim){
			.person = person_index(team, row->person),
			.row = row->id,
			.id = sqlite3_column_int64(stmt, 0),
			.title = il_xstrdup(il_column_text(stmt, 1)),
			.share = sqlite3_column_double(stmt, 2),
			.has_attributed = sqlite3_column_type(stmt, 3) != SQLITE_NULL,
			.attributed = sqlite3_column_double(stmt, 3),
			.unit = il_xstrdup(il_column_text(stmt, 4)),
		};
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Whether over-claim O has the same claims as the group ROWS[0..N). */
static bool same_claims(const struct il_team_overclaim *o, const struct shared_row *rows, size_t n)
{
	if (o->tag != rows[0].tag || o->claims_len != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (o->claims[i].row != rows[i].id)
			return false;
	return true;
}

static int add_overclaim(struct il_db *db, struct il_team *team, const struct shared_row *rows,
			 size_t n)
{
	struct il_team_overclaim *o;

	/* Two people who share a design doc share its dashboard too: one
	 * over-claim, naming both. */
	for (size_t i = 0; i < team->overclaims_len; i++) {
		if (same_claims(&team->overclaims[i], rows, n)) {
			struct il_buf evidence = {0};

			il_buf_printf(&evidence, "%s; %s", team->overclaims[i].evidence,
				      rows[0].name);
			free(team->overclaims[i].evidence);
			team->overclaims[i].evidence = il_buf_take(&evidence);
			return 0;
		}
	}
	team->overclaims = il_xrealloc(team->overclaims,
				       (team->overclaims_len + 1) * sizeof(*team->overclaims));
	o = &team->overclaims[team->overclaims_len++];
	*o = (struct il_team_overclaim){.tag = rows[0].tag,
					.evidence = il_xstrdup(rows[0].name),
					.total_share = rows[0].total_share,
					.claims = il_xcalloc(n, sizeof(*o->claims)),
					.claims_len = n};
	for (size_t i = 0; i < n; i++)
		if (read_claim(db, team, &rows[i], &o->claims[i]) < 0)
			return -1;
	return 0;
}

static int by_excess(const void *a, const void *b)
{
	const struct il_team_overclaim *x = a, *y = b;

	if (x->total_share != y->total_share)
		return x->total_share > y->total_share ? -1 : 1;
	if (x->tag != y->tag)
		return x->tag < y->tag ? -1 : 1;
	return strcmp(x->evidence, y->evidence);
}

/* Union-find over achievement ids, for the outcomes several people share. */
struct outcomes {
	int64_t *parent; /* indexed by id; 0: not shared */
	int64_t size;
};

static int64_t find(struct outcomes *o, int64_t id)
{
	if (id >= o->size || o->parent[id] == 0)
		return id;
	while (o->parent[id] != id) {
		o->parent[id] = o->parent[o->parent[id]];
		id = o->parent[id];
	}
	return id;
}

static void join(struct outcomes *o, int64_t a, int64_t b)
{
	int64_t ra, rb;

	if (o->parent[a] == 0)
		o->parent[a] = a;
	if (o->parent[b] == 0)
		o->parent[b] = b;
	ra = find(o, a);
	rb = find(o, b);
	if (ra != rb)
		o->parent[ra > rb ? ra : rb] = ra < rb ? ra : rb;
}

static int build_shared(struct il_db *db, struct il_team *team, struct outcomes *outcomes)
{
	struct shared_row *rows;
	size_t len, start = 0;
	int64_t largest = 0;

	if (read_shared(db, &rows, &len) < 0)
		return -1;
	for (size_t i = 0; i < len; i++)
		largest = rows[i].id > largest ? rows[i].id : largest;
	outcomes->size = largest + 1;
	outcomes->parent = il_xcalloc((size_t)outcomes->size, sizeof(*outcomes->parent));
	while (start < len) {
		size_t end = start + 1;

		while (end < len && same_item(&rows[end], &rows[start]))
			end++;
		for (size_t i = start + 1; i < end; i++)
			join(outcomes, rows[start].id, rows[i].id);
		if (rows[start].total_share > 100 + SHARE_EPSILON &&
		    add_overclaim(db, team, rows + start, end - start) < 0) {
			free_shared(rows, len);
			return -1;
		}
		start = end;
	}
	free_shared(rows, len);
	if (team->overclaims_len > 1)
		qsort(team->overclaims, team->overclaims_len, sizeof(*team->overclaims), by_excess);
	return 0;
}

static void add_total_row(struct il_team *team, enum il_tag tag, const char *unit)
{
	team->totals = il_xrealloc(team->totals, (team->totals_len + 1) * sizeof(*team->totals));
	team->totals[team->totals_len++] =
		(struct il_team_total){.tag = tag, .unit = il_xstrdup(unit)};
}

static int by_tag_then_attributed(const void *a, const void *b)
{
	const struct il_team_total *x = a, *y = b;

	if (x->tag != y->tag)
		return x->tag < y->tag ? -1 : 1;
	if (x->attributed != y->attributed)
		return x->attributed > y->attributed ? -1 : 1;
	return strcmp(x->unit, y->unit);
}

/* Per tag and unit; the rows come by tag and unit.  A shared outcome
 * counts once, at its largest value: its first achievement in the rows
 * opens it, later ones raise it. */
static int build_totals(struct il_db *db, struct il_team *team, struct outcomes *outcomes)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "team_facts.sql");
	/* By a shared outcome's root id: the totals row that last met it (+1),
	 * and the largest value it has there. */
	size_t *row_of = il_xcalloc((size_t)outcomes->size, sizeof(*row_of));
	double *largest = il_xcalloc((size_t)outcomes->size, sizeof(*largest));
	int rc;

	if (!stmt) {
		free(row_of);
		free(largest);
		return -1;
	}
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		enum il_tag tag = il_tag_parse(il_column_text(stmt, 1));
		const char *unit = il_column_text(stmt, 2);
		int64_t root = find(outcomes, sqlite3_column_int64(stmt, 0));
		bool shared = root < outcomes->size && outcomes->parent[root];
		double value = sqlite3_column_double(stmt, 3); /* NULL reads as 0 */
		struct il_team_total *t;

		if (!team->totals_len || team->totals[team->totals_len - 1].tag != tag ||
		    strcmp(team->totals[team->totals_len - 1].unit, unit) != 0)
			add_total_row(team, tag, unit);
		t = &team->totals[team->totals_len - 1];
		t->count++;
		t->attributed += sqlite3_column_double(stmt, 4);
		if (shared && row_of[root] == team->totals_len) {
			if (value > largest[root]) {
				t->outcome += value - largest[root];
				largest[root] = value;
			}
			continue;
		}
		t->outcomes++;
		t->outcome += value;
		if (shared) {
			row_of[root] = team->totals_len;
			largest[root] = value;
		}
	}
	sqlite3_finalize(stmt);
	free(row_of);
	free(largest);
	if (team->totals_len > 1)
		qsort(team->totals, team->totals_len, sizeof(*team->totals),
		      by_tag_then_attributed);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* --- The whole ----------------------------------------------------------------- */

static int load_rubric(const char *file, struct il_rubric *r)
{
	struct il_buf text = {0};
	int rc;

	if (!file)
		return il_rubric_load(NULL, r);
	rc = il_rubric_read_file(file, &text);
	if (rc == 0)
		rc = il_rubric_parse(r, il_input_name(file), il_buf_str(&text), text.len);
	il_buf_free(&text);
	return rc;
}

static void describe_scope(const struct il_filter *f, struct il_team *team)
{
	struct il_buf out = {0};

	il_filter_describe(f, &out);
	team->period = il_buf_take(&out);
	if (f->tag != IL_TAG_NONE)
		il_buf_printf(&out, "tag %s", il_tag_name(f->tag));
	team->scope = il_buf_take(&out);
}

int il_team_build(struct il_db *db, char *const *paths, size_t len,
		  const struct il_team_options *options, struct il_team *team)
{
	struct outcomes outcomes = {0};
	struct il_date today = il_local_date(options->now);
	int rc = -1;

	*team = (struct il_team){0};
	il_date_format(today, team->generated);
	describe_scope(options->filter, team);
	if (load_rubric(options->rubric_file, &team->rubric) < 0 ||
	    il_db_exec(db, il_report_sql("team_schema.sql")) < 0 ||
	    il_team_load(db, paths, len, today) < 0)
		goto out;
	/* The load's sorts had their indexes' worth of temporary files; the
	 * view's are small. */
	if (il_db_exec(db, "PRAGMA temp_store = MEMORY") < 0 || drop_replaced(db, team) < 0 ||
	    il_filter_select(db, options->filter, "team_period") < 0 || read_people(db, team) < 0 ||
	    build_shared(db, team, &outcomes) < 0 || build_totals(db, team, &outcomes) < 0)
		goto out;
	rc = 0;
out:
	free(outcomes.parent);
	if (rc < 0)
		il_team_free(team);
	return rc;
}

void il_team_free(struct il_team *team)
{
	for (size_t i = 0; i < team->people_len; i++) {
		struct il_team_person *p = &team->people[i];

		free(p->label);
		free(p->name);
		free(p->level);
		free(p->track);
		free(p->target_level);
		free(p->period);
		free(p->file);
		for (size_t j = 0; j < p->attributed_len; j++)
			free(p->attributed[j].unit);
		free(p->attributed);
		il_readiness_free(&p->readiness);
	}
	free(team->people);
	for (size_t i = 0; i < team->overclaims_len; i++) {
		for (size_t j = 0; j < team->overclaims[i].claims_len; j++) {
			free(team->overclaims[i].claims[j].title);
			free(team->overclaims[i].claims[j].unit);
		}
		free(team->overclaims[i].claims);
		free(team->overclaims[i].evidence);
	}
	free(team->overclaims);
	for (size_t i = 0; i < team->totals_len; i++)
		free(team->totals[i].unit);
	free(team->totals);
	free(team->period);
	free(team->scope);
	il_strlist_clear(&team->notes);
	il_rubric_free(&team->rubric);
	*team = (struct il_team){0};
}
