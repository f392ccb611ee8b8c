/* libFuzzer target: the add --json reader on arbitrary bytes.  Beyond not
 * crashing, an accepted object must be an achievement every rule holds
 * for, and a refusal must be one line of printable text. */

#include "impactlog/json_in.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_text(const char *text, long max, bool single_line)
{
	long length;

	if (!text)
		return;
	length = il_utf8_length(text, strlen(text));
	if (length < 0 || length > max || il_has_control(text, single_line))
		abort();
}

static void check_list(const struct il_strlist *list)
{
	if (list->len > IL_LIST_MAX)
		abort();
	for (size_t i = 0; i < list->len; i++) {
		check_text(list->items[i], IL_TEXT_MAX, true);
		if (!list->items[i][0])
			abort();
	}
}

static void check_accepted(struct il_achievement *a)
{
	struct il_diag diag;

	if (a->tag == IL_TAG_NONE || !a->title || !a->title[0])
		abort();
	check_text(a->title, IL_TITLE_MAX, true);
	check_text(a->note, IL_NOTE_MAX, false);
	check_text(a->unit, IL_TEXT_MAX, true);
	check_text(a->project, IL_TEXT_MAX, true);
	check_text(a->uid, IL_TEXT_MAX, true);
	if (!(a->share >= 0 && a->share <= 100) || a->team_size < 1)
		abort();
	if (a->has_value && (!(a->value >= 0 && a->value <= IL_AMOUNT_MAX) || !a->unit))
		abort();
	if (a->has_baseline && !(a->baseline >= 0 && a->baseline <= IL_AMOUNT_MAX))
		abort();
	if (a->has_likelihood && !(a->likelihood >= 0 && a->likelihood <= 100))
		abort();
	if ((a->has_likelihood || a->has_lead_days) && a->tag != IL_TAG_PREVENTED_LOSS)
		abort();
	if (a->date.day < 1 || a->date.day > il_days_in_month(a->date.year, a->date.month))
		abort();
	check_list(&a->orgs);
	check_list(&a->evidence);
	check_list(&a->witnesses);
	/* The checks the reader ran hold a second time. */
	if (il_achievement_check(a, &diag) != 0)
		abort();
}

static void check_refusal(const struct il_buf *error)
{
	const char *message = il_buf_str(error);

	if (!error->len || strlen(message) != error->len)
		abort();
	if (il_utf8_length(message, error->len) < 0 || il_has_control(message, true))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct il_date today = {2026, 3, 15};
	struct il_achievement a;
	struct il_buf error = {0};

	il_achievement_init(&a, today);
	if (il_json_read_achievement((const char *)data, size, today, &a, &error) == 0)
		check_accepted(&a);
	else
		check_refusal(&error);
	il_achievement_free(&a);
	il_buf_free(&error);
	return 0;
}
