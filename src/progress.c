/* The progress line of a long command. */

#include "impactlog/progress.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* The line on the screen now, for il_progress_wipe. */
static struct il_progress *shown;

static double seconds_since(const struct timespec *then)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - then->tv_sec) + (double)(now.tv_nsec - then->tv_nsec) / 1e9;
}

void il_progress_start(struct il_progress *p, bool enabled)
{
	const char *delay = getenv("IMPACTLOG_PROGRESS_DELAY");
	char *end;

	*p = (struct il_progress){.enabled = enabled, .delay = 1.0};
	if (delay && *delay) {
		double seconds = strtod(delay, &end);

		if (*end == '\0' && seconds >= 0)
			p->delay = seconds;
	}
	clock_gettime(CLOCK_MONOTONIC, &p->started);
}

IL_PRINTF(3, 0) static void show(struct il_progress *p, bool step, const char *fmt, va_list ap)
{
	if (!p || !p->enabled || seconds_since(&p->started) < p->delay ||
	    (!step && p->shown && seconds_since(&p->shown_at) < 0.1))
		return;
	fputs("\r\033[K", stderr);
	vfprintf(stderr, fmt, ap);
	fflush(stderr);
	p->shown = true;
	shown = p;
	clock_gettime(CLOCK_MONOTONIC, &p->shown_at);
}

void il_progress_update(struct il_progress *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	show(p, false, fmt, ap);
	va_end(ap);
}

void il_progress_step(struct il_progress *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	show(p, true, fmt, ap);
	va_end(ap);
}

void il_progress_clear(struct il_progress *p)
{
	if (!p || !p->shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	p->shown = false;
	if (shown == p)
		shown = NULL;
}

void il_progress_wipe(void)
{
	il_progress_clear(shown);
}
