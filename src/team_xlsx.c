/*
 * team --xlsx: the calibration view as a workbook, with the report's
 * cells, formats and Achievements sheet (report_xlsx.h).  Sheets, in tab
 * order: Over-claims, People, Achievements.
 *
 * Achievements is a report's, one row per achievement of every person,
 * with a Person column, and written first: the other sheets' formulas
 * need its last row, and Over-claims the row of each claim.  So the
 * numbers follow an edit as in a report:
 *  - People counts and sums over Achievements by the Person cell
 *    (SUMPRODUCT with "=", which reads no wildcard in a name);
 *  - each claim of an over-claim reads its share and attributed value
 *    from its Achievements row, and the claims' total and excess add
 *    them up, so a share lowered there can end the over-claim.
 * Distinct orgs and readiness are as measured when the view was made:
 * one needs every org of a person's rows, the other the rubric.
 */

#include "report_xlsx.h"
#include "team_internal.h"

#include "impactlog/embed.h"

#include <stdlib.h>
#include <string.h>

#define SHEET_OVERCLAIMS "Over-claims"
#define SHEET_PEOPLE	 "People"

/* The units that get a column of their own on People: the team's most
 * common first.  More would make the sheet unprintable. */
#define UNIT_COLUMNS_MAX 6

static int write_labels(struct il_db *db, const struct il_team *team)
{
	sqlite3_stmt *stmt;

	if (il_db_exec(db, il_report_sql("team_labels.sql")) < 0)
		return -1;
	for (size_t i = 0; i < team->people_len; i++) {
		if (!(stmt = il_db_cached(db,
					  "INSERT INTO team_label (id, label) VALUES (?1, ?2)")) ||
		    il_bind_int(db, stmt, 1, team->people[i].id) < 0 ||
		    il_bind_text(db, stmt, 2, team->people[i].label) < 0 || il_db_run(db, stmt) < 0)
			return -1;
	}
	return 0;
}

/* An Achievements column as an absolute range: Achievements!$H$2:$H$101. */
static const char *range(const struct il_xlsx *x, enum column col, char out[48])
{
	return il_xlsx_achievements_range(x, col, out);
}

/* "--(Achievements!$W$2:$W$9=$A3)": the rows of the person whose label
 * is in column A of ROW. */
static void rows_of_person(const struct il_xlsx *x, lxw_row_t row, char *out, size_t size)
{
	char person[48], cell[LXW_MAX_CELL_NAME_LENGTH];

	snprintf(out, size, "--(%s=%s)", range(x, COL_PERSON, person),
		 il_xlsx_cell(row, 0, false, true, cell));
}

/* --- People --------------------------------------------------------------- */

enum people_column {
	P_PERSON,
	P_LEVEL,
	P_TARGET,
	P_TRACK,
	P_PERIOD,
	P_COUNT,
	P_LOSS,
	P_SCALE,
	P_GROWTH,
	P_ORGS,
	P_MULTI_ORG,
	P_EVIDENCE,
	P_WITNESS,
	P_GAPS,
	P_READINESS,
	P_UNITS /* then one column per unit */
};

static const char *const people_header[P_UNITS] = {
	"Person",	"Level",      "Target level", "Track",	"Period",
	"Achievements", "Loss",	      "Scale",	      "Growth", "Orgs",
	"2+ orgs",	"Evidence %", "Witness %",    "Gaps",	"Readiness",
};

/* The units with a column: the team totals' units, by how many
 * achievements have them. */
static size_t people_units(const struct il_team *team, const char **units)
{
	size_t n = 0;

	for (size_t i = 0; i < team->totals_len; i++) {
		const char *unit = team->totals[i].unit;
		bool seen = !*unit;

		for (size_t j = 0; j < n && !seen; j++)
			seen = strcmp(units[j], unit) == 0;
		if (!seen && n < UNIT_COLUMNS_MAX)
			units[n++] = unit;
	}
	return n;
}

static double attributed_in(const struct il_team_person *p, const char *unit)
{
	for (size_t i = 0; i < p->attributed_len; i++)
		if (strcmp(p->attributed[i].unit, unit) == 0)
			return p->attributed[i].value;
	return 0;
}

static void count_formula(struct sheet *s, lxw_col_t col, const char *rows, const char *more,
			  double cached)
{
	char formula[512];

	snprintf(formula, sizeof(formula), "=SUMPRODUCT(%s%s%s)", rows, *more ? "," : "", more);
	il_xlsx_put_formula(s, col, formula, s->x->fmt.count, cached);
}

static void person_row(struct sheet *s, const struct il_team_person *p, const char **units,
		       size_t units_len)
{
	char rows[96], more[160], r[48], formula[768], count_cell[LXW_MAX_CELL_NAME_LENGTH];
	lxw_row_t row = s->row;

	il_xlsx_put_text(s, P_PERSON, p->label, NULL);
	il_xlsx_put_text(s, P_LEVEL, p->level, NULL);
	il_xlsx_put_text(s, P_TARGET, p->target_level, NULL);
	il_xlsx_put_text(s, P_TRACK, p->track, NULL);
	il_xlsx_put_text(s, P_PERIOD, p->period, NULL);
	rows_of_person(s->x, row, rows, sizeof(rows));
	count_formula(s, P_COUNT, rows, "", (double)p->count);
	for (int t = IL_TAG_FIRST; t < IL_TAG_COUNT; t++) {
		snprintf(more, sizeof(more), "--(%s=\"%s\")", range(s->x, COL_TAG, r),
			 il_tag_name(t));
		count_formula(s, (lxw_col_t)(P_LOSS + t - IL_TAG_FIRST), rows, more,
			      (double)p->by_tag[t]);
	}
	il_xlsx_put_number(s, P_ORGS, (double)p->distinct_orgs, s->x->fmt.count);
	snprintf(more, sizeof(more), "--(%s>=2)", range(s->x, COL_ORG_COUNT, r));
	count_formula(s, P_MULTI_ORG, rows, more, (double)p->multi_org);
	il_xlsx_cell(row, P_COUNT, false, false, count_cell);
	if (p->redacted) {
		il_xlsx_put_text(s, P_EVIDENCE, "redacted", s->x->fmt.muted);
	} else if (p->count) {
		snprintf(formula, sizeof(formula), "=IF(%s=0,\"\",SUMPRODUCT(%s,--(%s>0))/%s*100)",
			 count_cell, rows, range(s->x, COL_EVIDENCE_COUNT, r), count_cell);
		il_xlsx_put_formula(s, P_EVIDENCE, formula, s->x->fmt.percent_decimal,
				    100.0 * (double)p->with_evidence / (double)p->count);
	}
	if (p->count) {
		snprintf(formula, sizeof(formula), "=IF(%s=0,\"\",SUMPRODUCT(%s,--(%s>0))/%s*100)",
			 count_cell, rows, range(s->x, COL_WITNESS_COUNT, r), count_cell);
		il_xlsx_put_formula(s, P_WITNESS, formula, s->x->fmt.percent_decimal,
				    100.0 * (double)p->with_witness / (double)p->count);
	}
	{
		char share[48], team_size[48], witnesses[48], evidence[48];

		range(s->x, COL_SHARE, share);
		range(s->x, COL_TEAM_SIZE, team_size);
		range(s->x, COL_WITNESS_COUNT, witnesses);
		range(s->x, COL_EVIDENCE_COUNT, evidence);
		/* A redacted packet has no evidence to miss. */
		if (p->redacted)
			snprintf(formula, sizeof(formula),
				 "=SUMPRODUCT(%s,--(%s=0))+SUMPRODUCT(%s,--(%s=100),--(%s>1))",
				 rows, witnesses, rows, share, team_size);
		else
			snprintf(formula, sizeof(formula),
				 "=SUMPRODUCT(%s,--(%s=0))+SUMPRODUCT(%s,--(%s=0))"
				 "+SUMPRODUCT(%s,--(%s=100),--(%s>1))",
				 rows, evidence, rows, witnesses, rows, share, team_size);
		il_xlsx_put_formula(s, P_GAPS, formula, s->x->fmt.count,
				    (double)((p->redacted ? 0 : p->no_evidence) + p->no_witness +
					     p->full_share));
	}
	if (p->readiness.unavailable || p->readiness.measurable == 0) {
		il_xlsx_put_text(s, P_READINESS, "-", s->x->fmt.muted);
	} else {
		char text[48];

		snprintf(text, sizeof(text), "%d of %d", p->readiness.met, p->readiness.measurable);
		il_xlsx_put_text(s, P_READINESS, text, NULL);
	}
	for (size_t u = 0; u < units_len; u++) {
		char unit_cell[LXW_MAX_CELL_NAME_LENGTH], units_range[48], attributed[48];
		double value = attributed_in(p, units[u]);

		il_xlsx_cell(0, (lxw_col_t)(P_UNITS + u), true, false, unit_cell);
		snprintf(formula, sizeof(formula), "=SUMPRODUCT(%s,--(%s=%s),%s)", rows,
			 range(s->x, COL_UNIT, units_range), unit_cell,
			 range(s->x, COL_ATTRIBUTED, attributed));
		il_xlsx_put_formula(s, (lxw_col_t)(P_UNITS + u), formula,
				    il_xlsx_amount_format(s->x, units[u], value), value);
	}
}

static void write_people(struct il_xlsx *x, lxw_worksheet *ws, const struct il_team *team)
{
	struct sheet s = {.x = x, .ws = ws};
	const char *units[UNIT_COLUMNS_MAX];
	size_t units_len = people_units(team, units);

	/* Row 1: the header; a unit column's is its unit, which its formulas
	 * compare with. */
	const char *names[P_UNITS + UNIT_COLUMNS_MAX];

	memcpy(names, people_header, sizeof(people_header));
	memcpy(names + P_UNITS, units, units_len * sizeof(*units));
	il_xlsx_put_header(&s, names, P_UNITS + units_len);
	il_xlsx_set_columns(x, ws, P_PERSON, P_PERSON, 24);
	il_xlsx_set_columns(x, ws, P_LEVEL, P_TRACK, 10);
	il_xlsx_set_columns(x, ws, P_PERIOD, P_PERIOD, 30);
	il_xlsx_set_columns(x, ws, P_COUNT, P_READINESS, 11);
	if (units_len)
		il_xlsx_set_columns(x, ws, P_UNITS, (lxw_col_t)(P_UNITS + units_len - 1), 14);
	worksheet_freeze_panes(ws, 1, 1);
	for (size_t i = 0; i < team->people_len; i++, s.row++)
		person_row(&s, &team->people[i], units, units_len);
	s.row++;
	il_xlsx_put_text(
		&s, 0,
		"Attributed: each person's share of the outcomes in that unit (risk-adjusted "
		"for prevented loss).  Gaps: without evidence, without a witness, or 100 % "
		"of a team.  Orgs and Readiness are as measured when the view was made.",
		x->fmt.muted);
	il_xlsx_print_setup(x, ws, true, 0, s.row, (lxw_col_t)(P_UNITS + units_len - 1));
}

/* --- Over-claims ------------------------------------------------------------- */

enum { O_PERSON, O_ID, O_TITLE, O_SHARE, O_ATTRIBUTED, O_UNIT, O_COLUMNS };

static const char *const claims_header[O_COLUMNS] = {"Person",	"ID",	      "Title",
						     "Share %", "Attributed", "Unit"};

/* An Achievements cell of row ROW (0-based) as a formula. */
static void achievement_cell(char *out, size_t size, lxw_row_t row, enum column col)
{
	char cell[LXW_MAX_CELL_NAME_LENGTH];

	snprintf(out, size, "=%s!%s", SHEET_ACHIEVEMENTS,
		 il_xlsx_cell(row, col, false, false, cell));
}

static void write_overclaim(struct sheet *s, const struct il_team *team,
			    const struct il_team_overclaim *o)
{
	struct il_buf title = {0};
	lxw_row_t first;
	char formula[160], first_cell[LXW_MAX_CELL_NAME_LENGTH],
		last_cell[LXW_MAX_CELL_NAME_LENGTH], total_cell[LXW_MAX_CELL_NAME_LENGTH];

	il_buf_printf(&title, "%s, evidence '%s'", il_tag_name(o->tag), o->evidence);
	il_xlsx_put_text(s, 0, il_buf_str(&title), s->x->fmt.section);
	il_buf_free(&title);
	s->row++;
	il_xlsx_put_header(s, claims_header, O_COLUMNS);
	first = s->row;
	for (size_t i = 0; i < o->claims_len; i++, s->row++) {
		const struct il_team_claim *c = &o->claims[i];
		lxw_row_t at = c->row < (int64_t)s->x->row_of_len ? s->x->row_of[c->row] : 0;

		il_xlsx_put_text(s, O_PERSON, team->people[c->person].label, NULL);
		il_xlsx_put_number(s, O_ID, (double)c->id, s->x->fmt.id);
		il_xlsx_put_text(s, O_TITLE, c->title, NULL);
		achievement_cell(formula, sizeof(formula), at, COL_SHARE);
		il_xlsx_put_formula(s, O_SHARE, formula, il_xlsx_percent_format(s->x, c->share),
				    c->share);
		achievement_cell(formula, sizeof(formula), at, COL_ATTRIBUTED);
		if (c->has_attributed)
			il_xlsx_put_formula(s, O_ATTRIBUTED, formula,
					    il_xlsx_amount_format(s->x, c->unit, c->attributed),
					    c->attributed);
		else
			il_xlsx_put_formula_blank(s, O_ATTRIBUTED, formula, NULL);
		il_xlsx_put_text(s, O_UNIT, c->unit, NULL);
	}
	il_xlsx_cell(first, O_SHARE, false, false, first_cell);
	il_xlsx_cell(s->row - 1, O_SHARE, false, false, last_cell);
	il_xlsx_put_text(s, O_TITLE, "Shares together", s->x->fmt.label);
	snprintf(formula, sizeof(formula), "=SUM(%s:%s)", first_cell, last_cell);
	il_xlsx_put_formula(s, O_SHARE, formula, il_xlsx_percent_format(s->x, o->total_share),
			    o->total_share);
	il_xlsx_cell(s->row, O_SHARE, false, false, total_cell);
	s->row++;
	il_xlsx_put_text(s, O_TITLE, "Claimed past 100 %", s->x->fmt.label);
	snprintf(formula, sizeof(formula), "=MAX(0,%s-100)", total_cell);
	il_xlsx_put_formula(s, O_SHARE, formula, il_xlsx_percent_format(s->x, o->total_share - 100),
			    o->total_share - 100);
	snprintf(formula, sizeof(formula), "=IF(%s>100,\"over-claimed\",\"within 100 %%\")",
		 total_cell);
	il_xlsx_put_formula_text(s, O_ATTRIBUTED, formula, s->x->fmt.label, "over-claimed");
	s->row += 2;
}

static void write_overclaims(struct il_xlsx *x, lxw_worksheet *ws, const struct il_team *team)
{
	struct sheet s = {.x = x, .ws = ws};

	il_xlsx_set_columns(x, ws, O_PERSON, O_PERSON, 24);
	il_xlsx_set_columns(x, ws, O_ID, O_ID, 7);
	il_xlsx_set_columns(x, ws, O_TITLE, O_TITLE, 44);
	il_xlsx_set_columns(x, ws, O_SHARE, O_UNIT, 12);
	il_xlsx_put_text(&s, 0, "Over-claims", x->fmt.title);
	s.row++;
	il_xlsx_put_text(&s, 0,
			 "One outcome claimed by several people: the same tag and an evidence item "
			 "in common, whose shares add up past 100 %.  Shares and attributed values "
			 "read the Achievements sheet: an edited share moves them.",
			 x->fmt.muted);
	s.row += 2;
	if (team->overclaims_len == 0) {
		struct il_buf none = {0};

		il_team_no_overclaims(team, &none);
		il_xlsx_put_text(&s, 0, il_buf_str(&none), NULL);
		il_buf_free(&none);
		s.row++;
	}
	for (size_t i = 0; i < team->overclaims_len; i++)
		write_overclaim(&s, team, &team->overclaims[i]);
	il_xlsx_print_setup(x, ws, false, -1, s.row, O_UNIT);
}

/* --- The workbook ------------------------------------------------------------ */

int il_team_write_xlsx(struct il_db *db, const struct il_team *team, const char *path,
		       const char *name)
{
	struct il_report footer = {0};
	struct il_xlsx *x = il_xlsx_new(name, false);
	lxw_worksheet *overclaims = NULL, *people = NULL;
	const struct il_xlsx_sheet sheets[] = {
		{SHEET_OVERCLAIMS, &overclaims},
		{SHEET_PEOPLE, &people},
		{SHEET_ACHIEVEMENTS, &x->achievements},
	};
	int64_t largest = 0;
	int rc = -1;

	/* The footer of every page names the view and its period. */
	footer.profile.name = (char *)"Team calibration view";
	footer.period = team->period;
	x->report = &footer;
	for (size_t i = 0; i < team->overclaims_len; i++)
		for (size_t j = 0; j < team->overclaims[i].claims_len; j++)
			if (team->overclaims[i].claims[j].row > largest)
				largest = team->overclaims[i].claims[j].row;
	x->row_of_len = (size_t)largest + 1;
	x->row_of = il_xcalloc(x->row_of_len, sizeof(*x->row_of));
	if (write_labels(db, team) == 0 && il_xlsx_open(x, path, sheets, 3) == 0) {
		/* A database error has had its own line; libxlsxwriter's stay
		 * in X->error. */
		if (il_xlsx_write_achievement_rows(x, db, "team_xlsx_achievements.sql") == 0) {
			write_overclaims(x, overclaims, team);
			write_people(x, people, team);
			il_xlsx_print_achievements(x);
			rc = !x->error && il_xlsx_close(x) == 0 ? 0 : il_xlsx_error(x);
		} else {
			il_xlsx_error(x);
		}
	}
	free(x->row_of);
	x->row_of = NULL;
	il_xlsx_free(x);
	return rc;
}
