/* libFuzzer target: the bragfile and jrnl importers, bytes in (the first
 * byte chooses the tool, the rest is the export), entries into a scratch
 * database inside a transaction that is rolled back after each input. */

#include "impactlog/achievement.h"
#include "impactlog/db.h"
#include "impactlog/import_json.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct il_db db;
static char input_path[] = "/tmp/impactlog-fuzz-import-json-XXXXXX";

static int store(struct il_json_in *in, struct il_achievement *a, void *unused)
{
	(void)in;
	(void)unused;
	/* The uid may repeat within an input; the schema says so, not a crash. */
	il_achievement_insert(&db, a);
	return 0;
}

static void set_up(void)
{
	char db_path[] = "/tmp/impactlog-fuzz-db-XXXXXX";
	int fd = mkstemp(db_path);

	stderr = fopen("/dev/null", "w");
	close(fd);
	if (il_db_open(&db, db_path, IL_DB_WRITE) < 0)
		abort();
	unlink(db_path);
	if ((fd = mkstemp(input_path)) < 0)
		abort();
	close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	struct il_date today = {2026, 3, 15};
	enum il_import_from from;
	FILE *input;

	if (size < 1)
		return 0;
	if (!ready++)
		set_up();
	from = data[0] & 1 ? IL_FROM_JRNL : IL_FROM_BRAGFILE;
	if (!(input = fopen(input_path, "w")) || fwrite(data + 1, 1, size - 1, input) != size - 1 ||
	    fclose(input) != 0)
		abort();
	if (il_db_begin(&db) < 0)
		abort();
	il_json_import_read(input_path, from, data[0] & 2 ? IL_TAG_USER_GROWTH : IL_TAG_NONE, today,
			    NULL, store, NULL);
	il_db_rollback(&db);
	return 0;
}
