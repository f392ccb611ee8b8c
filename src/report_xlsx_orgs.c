/*
 * The hidden Org rows sheet: one row per achievement and org, from
 * xlsx_org_rows.sql, in the Achievements sheet's order.  The Orgs cell of
 * an achievement lists all its orgs in one text, which no formula can
 * match one org of exactly; here each org has a row of its own whose Tag,
 * Unit and Attributed cells read the achievement's row, so that By org
 * and the breadth counts can sum over them and follow an edited share,
 * tag or unit.  Written right after Achievements, before the report model
 * is needed.
 */

#include "report_xlsx.h"

#include "impactlog/report.h"
#include "impactlog/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

/* The headers, in enum org_column order: names, as the Achievements
 * headers are. */
static const char *const headers[ORG_COL_COUNT] = {
	"Org",
	"ID",
	"Tag",
	"Unit",
	"Attributed",
	"Org of its achievement",
	"Orgs of its achievement",
};

const char *il_xlsx_org_rows_range(const struct il_xlsx *x, enum org_column col, char out[48])
{
	return il_xlsx_range(SHEET_ORG_ROWS, 1, x->org_last_row - 1, (lxw_col_t)col, out, 48);
}

/* "=Achievements!K7", and "&\"\"" after it for text, so that a blank cell
 * reads as "" and not as 0. */
static void put_reference(struct sheet *s, enum org_column col, unsigned sheet_row,
			  enum column from, bool text, sqlite3_stmt *row, int at)
{
	char formula[64], cell[LXW_MAX_CELL_NAME_LENGTH];

	snprintf(formula, sizeof(formula), "=" SHEET_ACHIEVEMENTS "!%s%s",
		 il_xlsx_cell(sheet_row - 1, (lxw_col_t)from, false, false, cell),
		 text ? "&\"\"" : "");
	if (s->x->error)
		return;
	if (sqlite3_column_type(row, at) == SQLITE_NULL || text)
		il_xlsx_failed(s->x,
			       worksheet_write_formula_str(s->ws, s->row, (lxw_col_t)col, formula,
							   NULL, il_column_text(row, at)));
	else
		il_xlsx_put_formula(s, (lxw_col_t)col, formula, NULL,
				    sqlite3_column_double(row, at));
}

/* Whether NAME is, without ASCII case (as SQLite's NOCASE), one of the
 * LEN names in SEEN. */
static bool seen_before(char *const *seen, size_t len, const char *name)
{
	for (size_t i = 0; i < len; i++) {
		const char *a = seen[i], *b = name;

		while (*a && (*a == *b || ((*a | 0x20) == (*b | 0x20) && (*a | 0x20) >= 'a' &&
					   (*a | 0x20) <= 'z'))) {
			a++;
			b++;
		}
		if (!*a && !*b)
			return true;
	}
	return false;
}

/* The orgs of the achievement being written, to leave out an org it
 * names twice. */
struct org_list {
	int64_t id;
	unsigned sheet_row; /* its Achievements row, 1-based */
	char **names;
	size_t len, size;
};

static void org_list_clear(struct org_list *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->names[i]);
	l->len = 0;
}

/* ROW is xlsx_org_rows.sql stepped to a row: an achievement and one of
 * its orgs, or NULL for none. */
static void put_org_row(struct sheet *s, sqlite3_stmt *row, struct org_list *l)
{
	const char *name = il_column_text(row, 4);

	if (sqlite3_column_int64(row, 0) != l->id) {
		org_list_clear(l);
		l->id = sqlite3_column_int64(row, 0);
		l->sheet_row++;
	}
	if (sqlite3_column_type(row, 4) == SQLITE_NULL || seen_before(l->names, l->len, name))
		return;
	if (l->len == l->size) {
		l->size = l->size ? 2 * l->size : 8;
		l->names = il_xrealloc(l->names, l->size * sizeof(*l->names));
	}
	l->names[l->len++] = il_xstrdup(name);
	il_xlsx_put_text(s, ORG_COL_ORG, name, NULL);
	put_reference(s, ORG_COL_ID, l->sheet_row, COL_ID, false, row, 0);
	put_reference(s, ORG_COL_TAG, l->sheet_row, COL_TAG, true, row, 1);
	put_reference(s, ORG_COL_UNIT, l->sheet_row, COL_UNIT, true, row, 2);
	put_reference(s, ORG_COL_ATTRIBUTED, l->sheet_row, COL_ATTRIBUTED, false, row, 3);
	il_xlsx_put_number(s, ORG_COL_NTH, (double)l->len, NULL);
	il_xlsx_put_number(s, ORG_COL_ORGS, sqlite3_column_double(row, 5), NULL);
	s->row++;
}

int il_xlsx_write_org_rows_sheet(struct il_xlsx *x, struct il_db *db)
{
	struct sheet s = {.x = x, .ws = x->org_rows};
	sqlite3_stmt *stmt = il_report_prepare(db, "xlsx_org_rows.sql");
	/* The first achievement is on row 2, under the header. */
	struct org_list orgs = {.sheet_row = 1};
	int rc = SQLITE_DONE;

	if (!stmt)
		return -1;
	il_xlsx_put_header(&s, headers, ORG_COL_COUNT);
	while (!x->error && (rc = il_db_step(db, stmt)) == SQLITE_ROW)
		put_org_row(&s, stmt, &orgs);
	sqlite3_finalize(stmt);
	org_list_clear(&orgs);
	free(orgs.names);
	if (!x->error && rc < 0)
		return -1;
	il_xlsx_set_columns(x, s.ws, 0, 0, 24);
	il_xlsx_set_columns(x, s.ws, 1, ORG_COL_COUNT - 1, 12);
	worksheet_hide(s.ws);
	/* As for Achievements: two rows at least. */
	x->org_last_row = s.row > 2 ? s.row : 3;
	return 0;
}
