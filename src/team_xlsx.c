/* team --xlsx: in progress. */
#include "team_internal.h"
int il_team_write_xlsx(struct il_db *db, const struct il_team *team, const char *path,
		       const char *name)
{
	(void)db;
	(void)team;
	(void)path;
	il_error("cannot write '%s': the team workbook is not built yet", name);
	return -1;
}
