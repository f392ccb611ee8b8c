#ifndef IMPACTLOG_ATOMIC_H
#define IMPACTLOG_ATOMIC_H

/*
 * Files that appear whole or not at all: written to a temporary file in the
 * target's folder, flushed to disk, then renamed over the target.  Any
 * failure removes the temporary file, so nothing partial is left behind.
 * The file gets the mode a new file would (0666 less the umask).
 */

#include <stdbool.h>
#include <stdio.h>

struct il_atomic_file {
	char *path;	/* the target */
	char *tmp_path; /* the temporary file beside it */
	FILE *fp;	/* open for writing on tmp_path */
};

/* Creates the temporary file; prints one line and returns -1 on failure
 * (missing folder, no permission). */
int il_atomic_open(struct il_atomic_file *f, const char *path);

/* Closes the stream, syncs and renames into place.  With no_clobber, an
 * existing target is an error.  Returns 0, or -1 after one line on stderr
 * (disk full, I/O error) with the temporary file removed. */
int il_atomic_commit(struct il_atomic_file *f, bool no_clobber);

/* For writers that must write the file by name themselves (libxlsxwriter):
 * closes the stream but keeps tmp_path for them to write; then call
 * il_atomic_commit or il_atomic_abort. */
void il_atomic_release_stream(struct il_atomic_file *f);

/* Removes the temporary file and frees F. */
void il_atomic_abort(struct il_atomic_file *f);

#endif
