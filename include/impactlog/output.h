#ifndef IMPACTLOG_OUTPUT_H
#define IMPACTLOG_OUTPUT_H

/*
 * Output files: every file impactlog writes for the user (reports in every
 * format, exports, backups) is opened, committed or abandoned here, so the
 * rules hold for all of them at once:
 *
 *  - "-" is standard output.
 *  - A regular file (new, or one to replace) is written to a temporary file
 *    in its folder and linked into place only when complete.  On Linux the
 *    temporary file has no name at all (O_TMPFILE), so not even kill -9 can
 *    leave it behind; elsewhere it is ".impactlog-PID-XXXXXX", removed on
 *    SIGINT, SIGTERM, SIGHUP and SIGPIPE, and by any later output into that
 *    folder once process PID is gone.
 *  - A replaced file keeps its permission bits (and, for root, its owner);
 *    a symbolic link is followed and the file it names is replaced.
 *  - Anything else that exists (a terminal, /dev/null, a FIFO, a device) is
 *    written directly and never replaced.
 */

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

enum il_output_flags {
	IL_OUTPUT_NO_CLOBBER = 1 << 0, /* an existing regular file is an error */
	IL_OUTPUT_PRIVATE = 1 << 1,    /* a new file is 0600 whatever the umask */
	IL_OUTPUT_BINARY = 1 << 2,     /* refuse to write to a terminal */
	/* The writer opens the file by name itself (libxlsxwriter); it writes
	 * output.name, and the module copies it onward where needed. */
	IL_OUTPUT_BY_NAME = 1 << 3,
	/* As BY_NAME, for SQLite, which needs a name that is a real path. */
	IL_OUTPUT_REAL_NAME = 1 << 4,
};

enum il_output_kind {
	IL_OUTPUT_STDOUT, /* "-" */
	IL_OUTPUT_DIRECT, /* an existing file that is not a regular one */
	IL_OUTPUT_FILE,	  /* a regular file, through a temporary one */
};

struct il_output {
	const char *path;	  /* as the user named it */
	FILE *fp;		  /* stream writers write here */
	const char *name;	  /* BY_NAME writers write the file of this name */
	enum il_output_kind kind; /* the rest is the module's own */
	unsigned flags;
	char *target;	    /* PATH with its symbolic links followed */
	char *tmp_path;	    /* a named temporary file, or NULL */
	char proc_name[32]; /* "/proc/self/fd/N" of an unnamed one */
	int fd;		    /* the temporary file, or -1 */
	int direct_fd;	    /* the DIRECT target, or -1 */
	int signal_slot;    /* tmp_path's removal on a signal, or -1 */
	mode_t mode;	    /* the permission bits the file gets */
	uid_t owner;	    /* a replaced file's owner and group */
	gid_t group;
	bool replaces; /* a regular file is there already */
};

/* Opens PATH for writing.  Returns 0, or -1 after one line on stderr: a
 * missing or unwritable folder, a folder as the target, an existing file
 * with NO_CLOBBER, a terminal for BINARY output. */
int il_output_open(struct il_output *out, const char *path, unsigned flags);

/* Finishes the file: flushes it to disk and moves it into place, or copies
 * it onward to a DIRECT target or standard output (main() flushes stdout).
 * Returns 0, or -1 after one line with nothing left behind. */
int il_output_commit(struct il_output *out);

/* Drops what was written; nothing is left behind. */
void il_output_abort(struct il_output *out);

/* Whether PATH names the database at DB_PATH, or its -journal, -wal or -shm
 * file, whether they exist or not: the same file by device and inode, or
 * the same name in the same folder, after following symbolic links.
 * Returns the suffix matched ("" for the database itself), or NULL. */
const char *il_output_names_database(const char *path, const char *db_path);

#endif
