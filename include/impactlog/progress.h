#ifndef IMPACTLOG_PROGRESS_H
#define IMPACTLOG_PROGRESS_H

/*
 * A progress line on stderr for a long command, as git shows one: only on a
 * terminal, only once the command has run for a while (one second, or
 * $IMPACTLOG_PROGRESS_DELAY seconds: 0 shows it at once), and rewritten in
 * place.  Every message of il_error wipes it first, so a line of progress
 * never runs into an error.
 */

#include <stdbool.h>
#include <time.h>

#include "impactlog/util.h"

struct il_progress {
	bool enabled;
	bool shown;
	double delay; /* seconds before the line first appears */
	struct timespec started, shown_at;
};

/* Starts the clock; ENABLED is whether there is a terminal to show it on. */
void il_progress_start(struct il_progress *p, bool enabled);

/* Rewrites the line, at most ten times a second. */
IL_PRINTF(2, 3) void il_progress_update(struct il_progress *p, const char *fmt, ...);

/* Rewrites the line whenever it may be shown at all: for the start of a
 * step, which must not be skipped as too soon after the last update. */
IL_PRINTF(2, 3) void il_progress_step(struct il_progress *p, const char *fmt, ...);

/* Wipes the line, if shown. */
void il_progress_clear(struct il_progress *p);

/* Wipes whichever line is shown: il_error calls it. */
void il_progress_wipe(void);

#endif
