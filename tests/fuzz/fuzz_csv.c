/* libFuzzer target: the CSV importer, bytes in, records into a scratch
 * database inside a transaction that is rolled back after each input. */

#include "impactlog/achievement.h"
#include "impactlog/csv_in.h"
#include "impactlog/db.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct il_db db;
static char input_path[] = "/tmp/impactlog-fuzz-csv-XXXXXX";

static int store(struct il_csv_in *in, struct il_achievement *a, void *unused)
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

	/* Messages about bad input are expected by the thousand; sanitizer
	 * reports go to file descriptor 2 directly and are kept. */
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
	FILE *input;

	if (!ready++)
		set_up();
	if (!(input = fopen(input_path, "w")) || fwrite(data, 1, size, input) != size ||
	    fclose(input) != 0)
		abort();
	if (il_db_begin(&db) < 0)
		abort();
	il_csv_read(input_path, today, NULL, store, NULL);
	il_db_rollback(&db);
	return 0;
}
