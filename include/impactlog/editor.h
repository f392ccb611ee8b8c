#ifndef IMPACTLOG_EDITOR_H
#define IMPACTLOG_EDITOR_H

/*
 * `add` with no arguments on a terminal: the achievement is written in the
 * user's editor, as git writes a commit message.
 *
 * The editor is $VISUAL, else $EDITOR, else vi, run by /bin/sh so that it
 * may carry arguments (EDITOR="code -w"); the file's name is passed as an
 * argument, never pasted into the command.  It edits a private temporary
 * file (mode 0600, in $TMPDIR or /tmp, removed once stored) holding a
 * template: '#' comment lines explaining each field, then one
 * "field: value" line per field, named as the CSV columns.
 *
 * The entry format:
 * - lines starting with '#' are ignored, wherever they are; so are blank
 *   lines;
 * - "field: value", the value trimmed of spaces and tabs; an empty value is
 *   a value not given, so its default applies;
 * - orgs, evidence and witnesses: items separated by ';' ("\;" for a ';'
 *   inside an item, "\\" for a backslash, as in CSV), or the line repeated
 *   once per item;
 * - note comes last: its value runs from "note:" to the end of the file,
 *   over as many lines as needed, kept as written (blank lines around it
 *   are dropped).
 *
 * Every value goes through il_achievement_set() and the whole through
 * il_achievement_check(), as on the command line.
 */

#include "impactlog/achievement.h"
#include "impactlog/parse.h"
#include "impactlog/util.h"

#include <stdbool.h>
#include <stddef.h>

/* Whether `add` may open an editor: standard input and output are both a
 * terminal, so there is a user to type and a screen to type on. */
bool il_editor_on_terminal(void);

/* Opens the editor on the template until the user saves a valid entry: an
 * entry that is refused reopens the editor on the file as the user left it,
 * with a "# error: ..." line at the top.  A (from il_achievement_init) is
 * set and checked on return 0, and the file is kept, named in PATH, until
 * the caller knows whether storing it worked (il_editor_done).  Returns -1
 * after printing one line when nothing is to be added: the user emptied
 * the file or the title, the editor failed, or the file could not be made. */
int il_editor_achievement(struct il_date today, struct il_achievement *a, struct il_buf *path);

/* Removes the entry's file once it is STORED; otherwise keeps it, so that
 * nothing the user typed is lost, and says where.  Frees PATH. */
void il_editor_done(struct il_buf *path, bool stored);

enum il_entry_result {
	IL_ENTRY_OK,	      /* A is set and checked */
	IL_ENTRY_INVALID,     /* ERROR says what to fix */
	IL_ENTRY_EMPTY_FILE,  /* nothing but comments and blank lines */
	IL_ENTRY_EMPTY_TITLE, /* no title: the user's way to abort */
};

/* Reads an entry (the LEN bytes at TEXT) into A, fresh from
 * il_achievement_init.  On IL_ENTRY_INVALID, ERROR holds one line such as
 * "share: '140' is not a percentage from 0 to 100". */
enum il_entry_result il_entry_parse(const char *text, size_t len, struct il_date today,
				    struct il_achievement *a, struct il_buf *error);

#endif
