/* libFuzzer target: team's packet reader on arbitrary bytes.  Beyond not
 * crashing or leaking, every achievement it hands on must pass the rules
 * a second time, and a packet's last chunk must name its person. */

#include "team_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check_chunk(void *ctx, struct il_team_chunk *chunk)
{
	struct il_diag diag;

	(void)ctx;
	for (size_t i = 0; i < chunk->len; i++) {
		const struct il_achievement *a = &chunk->a[i];

		if (a->id < 1 || !(a->share >= 0 && a->share <= 100) || a->team_size < 1 ||
		    (a->has_value && !(a->value >= 0)))
			abort();
		if (il_achievement_check(&chunk->a[i], &diag) != 0)
			abort();
	}
	if (chunk->last && (!chunk->head.name || !chunk->head.name[0] || !chunk->head.generated[0]))
		abort();
	il_team_chunk_free(chunk);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct il_db json;
	struct il_date today = {2026, 3, 15};
	struct il_buf error = {0};

	if (!json.handle && il_db_open_memory(&json, "fuzz") < 0)
		abort();
	/* A refusal is one line of printable text. */
	if (il_team_parse_text(&json, "fuzz.json", (const char *)data, size, today, check_chunk,
			       NULL, &error) < 0 &&
	    (!error.len || strlen(il_buf_str(&error)) != error.len ||
	     il_utf8_length(il_buf_str(&error), error.len) < 0 ||
	     il_has_control(il_buf_str(&error), true)))
		abort();
	il_buf_free(&error);
	return 0;
}
