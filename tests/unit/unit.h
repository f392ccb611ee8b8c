#ifndef IMPACTLOG_TEST_UNIT_H
#define IMPACTLOG_TEST_UNIT_H

/* A minimal unit-test harness: CHECK records a failure and goes on, and
 * unit_done() prints "N passed, N failed" and returns the exit status. */

#include "impactlog/util.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int unit_passed, unit_failed;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (cond) {                                                                        \
			unit_passed++;                                                             \
		} else {                                                                           \
			unit_failed++;                                                             \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
		}                                                                                  \
	} while (0)

#define CHECK_STR(got, want)                                                                       \
	do {                                                                                       \
		const char *got_ = (got), *want_ = (want);                                         \
		if (got_ && want_ && strcmp(got_, want_) == 0) {                                   \
			unit_passed++;                                                             \
		} else {                                                                           \
			unit_failed++;                                                             \
			fprintf(stderr, "%s:%d: got '%s', want '%s'\n", __FILE__, __LINE__,        \
				got_ ? got_ : "(null)", want_ ? want_ : "(null)");                 \
		}                                                                                  \
	} while (0)

/* Whether LIST holds exactly the NULL-terminated items WANT, as ITEMS()
 * writes them. */
#define ITEMS(...) ((const char *const[]){__VA_ARGS__, NULL})
static inline bool unit_items_are(const struct il_strlist *list, const char *const *want)
{
	size_t n = 0;

	while (want[n])
		n++;
	if (list->len != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(list->items[i], want[i]) != 0)
			return false;
	return true;
}

static inline int unit_done(void)
{
	printf("%d passed, %d failed\n", unit_passed, unit_failed);
	return unit_failed ? 1 : 0;
}

#endif
