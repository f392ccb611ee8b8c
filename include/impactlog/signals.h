#ifndef IMPACTLOG_SIGNALS_H
#define IMPACTLOG_SIGNALS_H

/*
 * Files that must not outlive a process ended by a signal: a named
 * temporary file, an import's scratch database.  While a path is held here,
 * SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGPIPE remove it before the process
 * ends as the signal says.  kill -9 cannot be caught: what such a process
 * leaves is named so that a later command can tell it is stale.
 */

/* Holds PATH (copied) until il_unhold_on_signal.  Returns the slot, or -1
 * when every slot is taken (the path is then only removed by a later
 * command). */
int il_remove_on_signal(const char *path);

/* Forgets SLOT (-1 is ignored): the file is in place, or already removed. */
void il_unhold_on_signal(int slot);

#endif
