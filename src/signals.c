/* Removing temporary files when a signal ends the process. */

#include "impactlog/signals.h"

#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

/* A report writes one file and an import one database with its journal. */
#define SLOTS 4

static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};

static struct {
	char path[PATH_MAX];
	volatile sig_atomic_t held;
} slots[SLOTS];

static void remove_held(int sig)
{
	/* Only async-signal-safe calls here: unlink, signal, raise. */
	for (int i = 0; i < SLOTS; i++)
		if (slots[i].held)
			unlink(slots[i].path);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_handlers(void)
{
	static bool installed;
	struct sigaction action = {.sa_handler = remove_held};

	if (installed)
		return;
	installed = true;
	sigemptyset(&action.sa_mask);
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		sigaddset(&action.sa_mask, signals[i]);
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
		struct sigaction old;

		/* A signal the caller ignores (nohup, trap '' HUP) stays ignored. */
		if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(signals[i], &action, NULL);
	}
}

int il_remove_on_signal(const char *path)
{
	if (strlen(path) >= PATH_MAX)
		return -1;
	install_handlers();
	for (int i = 0; i < SLOTS; i++) {
		if (slots[i].held)
			continue;
		memcpy(slots[i].path, path, strlen(path) + 1);
		slots[i].held = 1;
		return i;
	}
	return -1;
}

void il_unhold_on_signal(int slot)
{
	if (slot >= 0 && slot < SLOTS)
		slots[slot].held = 0;
}
