/* Output files: whole or not at all, never a device replaced, no mode
 * leaked.  See include/impactlog/output.h for the rules. */

#define _GNU_SOURCE /* O_TMPFILE, AT_EMPTY_PATH */

#include "impactlog/output.h"

#include "impactlog/signals.h"
#include "impactlog/util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Named temporary files are ".impactlog-PID-XXXXXX". */
#define TEMP_PREFIX ".impactlog-"

/* PATH with its symbolic links followed, as far as they lead: the file a
 * write through PATH reaches, which may not exist yet.  A loop of links is
 * left as it is, for open() to refuse. */
static char *follow_links(const char *path)
{
	char *current = il_xstrdup(path);

	for (int hops = 0; hops < 40; hops++) {
		char link[PATH_MAX];
		ssize_t len = readlink(current, link, sizeof(link) - 1);
		struct il_buf next = {0};
		char *folder;

		if (len < 0)
			break;
		link[len] = '\0';
		if (link[0] == '/' || !strchr(current, '/')) {
			il_buf_puts(&next, link);
		} else {
			folder = il_path_folder(current);
			il_buf_printf(&next, "%s/%s", folder, link);
			free(folder);
		}
		free(current);
		current = next.data;
	}
	return current;
}

/* Whether A and B are one file: the same inode if both exist, else the
 * same name in the same folder. */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	char *folder_a, *folder_b;
	bool same = false;

	if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	if (strcmp(il_path_base(a), il_path_base(b)) != 0)
		return false;
	folder_a = il_path_folder(a);
	folder_b = il_path_folder(b);
	if (stat(folder_a, &sa) == 0 && stat(folder_b, &sb) == 0)
		same = sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	free(folder_a);
	free(folder_b);
	return same;
}

const char *il_output_names_database(const char *path, const char *db_path)
{
	static const char *const suffixes[] = {"", "-journal", "-wal", "-shm"};
	char *target = follow_links(path), *db = follow_links(db_path);
	const char *found = NULL;

	for (size_t i = 0; i < IL_ARRAY_LEN(suffixes) && !found; i++) {
		struct il_buf name = {0};

		il_buf_printf(&name, "%s%s", db, suffixes[i]);
		if (same_file(target, name.data))
			found = suffixes[i];
		il_buf_free(&name);
	}
	free(target);
	free(db);
	return found;
}

/* Whether NAME in DIR is a temporary file that no running process owns:
 * ".impactlog-PID-XXXXXX" of a PID that is gone, or ".impactlog-XXXXXX" as
 * earlier versions named theirs, untouched for ten minutes. */
static bool is_stale_temp(DIR *dir, const char *name)
{
	const char *rest = name + strlen(TEMP_PREFIX);
	struct stat st;
	char *end;
	long pid;

	if (strncmp(name, TEMP_PREFIX, strlen(TEMP_PREFIX)) != 0)
		return false;
	if (strlen(rest) == 6 && !strchr(rest, '-'))
		return fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		       S_ISREG(st.st_mode) && st.st_mtime < time(NULL) - 600;
	pid = strtol(rest, &end, 10);
	if (pid <= 0 || *end != '-' || strlen(end) != 7)
		return false;
	return pid == (long)getpid() || (kill((pid_t)pid, 0) != 0 && errno == ESRCH);
}

/* Removes the temporary files that ended processes left in FOLDER. */
static void remove_stale_temps(const char *folder)
{
	DIR *dir = opendir(folder);
	struct dirent *entry;

	while (dir && (entry = readdir(dir)))
		if (is_stale_temp(dir, entry->d_name))
			unlinkat(dirfd(dir), entry->d_name, 0);
	if (dir)
		closedir(dir);
}

static int fail(struct il_output *out)
{
	const char *why = strerror(errno ? errno : EIO);

	if (strcmp(out->path, "-") == 0)
		il_error("cannot write to standard output: %s", why);
	else
		il_error("cannot write '%s': %s", out->path, why);
	return -1;
}

/* The unnamed kind: only where the system has O_TMPFILE and the folder's
 * file system supports it, and not for a writer that needs a real name.
 * IMPACTLOG_TEST_NAMED_TEMP=1 turns it off, so the tests reach the
 * fallback on any system. */
static int open_unnamed(struct il_output *out, const char *folder)
{
#ifdef O_TMPFILE
	const char *test = getenv("IMPACTLOG_TEST_NAMED_TEMP");

	if ((out->flags & IL_OUTPUT_REAL_NAME) || (test && strcmp(test, "1") == 0))
		return -1;
	out->fd = open(folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (out->fd < 0)
		return -1;
	snprintf(out->proc_name, sizeof(out->proc_name), "/proc/self/fd/%d", out->fd);
	/* A writer that opens the file by name reaches it through /proc. */
	if ((out->flags & IL_OUTPUT_BY_NAME) && access(out->proc_name, W_OK) != 0) {
		close(out->fd);
		out->fd = -1;
		return -1;
	}
	out->name = out->proc_name;
	return 0;
#else
	(void)out;
	(void)folder;
	return -1;
#endif
}

static int open_named(struct il_output *out, const char *folder)
{
	struct il_buf tmp = {0};

	il_buf_printf(&tmp, "%s/" TEMP_PREFIX "%ld-XXXXXX", folder, (long)getpid());
	out->fd = mkstemp(tmp.data);
	if (out->fd < 0) {
		il_buf_free(&tmp);
		return fail(out);
	}
	out->tmp_path = tmp.data;
	out->signal_slot = il_remove_on_signal(out->tmp_path);
	out->name = out->tmp_path;
	return 0;
}

/* The temporary file, in FOLDER. */
static int open_temp(struct il_output *out, const char *folder)
{
	if (open_unnamed(out, folder) == 0 || open_named(out, folder) == 0)
		return 0;
	return -1;
}

static mode_t new_file_mode(unsigned flags)
{
	mode_t mask = umask(0);

	umask(mask);
	return flags & IL_OUTPUT_PRIVATE ? 0600 : 0666 & ~mask;
}

/* Where a BY_NAME writer writes what goes onward to a stream. */
static char *scratch_folder(void)
{
	const char *tmpdir = getenv("TMPDIR");

	return il_xstrdup(tmpdir && *tmpdir ? tmpdir : "/tmp");
}

/* What to write into, by what is at the target now. */
static int open_target(struct il_output *out)
{
	struct stat st;
	bool exists = stat(out->target, &st) == 0;
	char *folder;
	int rc;

	if (!exists && errno != ENOENT)
		return fail(out);
	if (!exists || S_ISREG(st.st_mode)) {
		if (exists && (out->flags & IL_OUTPUT_NO_CLOBBER)) {
			il_error("'%s' already exists (use --force to replace it)", out->path);
			return -1;
		}
		out->kind = IL_OUTPUT_FILE;
		out->replaces = exists;
		out->mode = exists ? st.st_mode & 07777 : new_file_mode(out->flags);
		out->owner = exists ? st.st_uid : (uid_t)-1;
		out->group = exists ? st.st_gid : (gid_t)-1;
		folder = il_path_folder(out->target);
		remove_stale_temps(folder);
		rc = open_temp(out, folder);
		free(folder);
		return rc;
	}
	if (S_ISDIR(st.st_mode)) {
		il_error("'%s' is a folder; name a file to write", out->path);
		return -1;
	}
	/* A terminal, a FIFO or a device: written to, never replaced. */
	out->kind = IL_OUTPUT_DIRECT;
	out->direct_fd = open(out->target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	return out->direct_fd < 0 ? fail(out) : 0;
}

/* Whether the writer opens the file by name rather than write a stream. */
static bool by_name(unsigned flags)
{
	return flags & (IL_OUTPUT_BY_NAME | IL_OUTPUT_REAL_NAME);
}

static int open_stream(struct il_output *out)
{
	int fd;

	if (by_name(out->flags))
		return 0;
	if (out->kind == IL_OUTPUT_STDOUT) {
		out->fp = stdout;
		return 0;
	}
	fd = out->kind == IL_OUTPUT_DIRECT ? out->direct_fd : out->fd;
	/* The stream gets a descriptor of its own, so that closing it leaves
	 * the one commit links or closes. */
	if ((fd = dup(fd)) < 0 || !(out->fp = fdopen(fd, "w"))) {
		if (fd >= 0)
			close(fd);
		return fail(out);
	}
	return 0;
}

int il_output_open(struct il_output *out, const char *path, unsigned flags)
{
	int terminal;

	*out = (struct il_output){
		.path = path, .flags = flags, .fd = -1, .direct_fd = -1, .signal_slot = -1};
	if (strcmp(path, "-") == 0) {
		out->kind = IL_OUTPUT_STDOUT;
		out->target = il_xstrdup(path);
	} else {
		out->target = follow_links(path);
		if (open_target(out) < 0)
			goto fail;
	}
	terminal = out->kind == IL_OUTPUT_STDOUT ? STDOUT_FILENO : out->direct_fd;
	if ((flags & IL_OUTPUT_BINARY) && terminal >= 0 && isatty(terminal)) {
		if (out->kind == IL_OUTPUT_STDOUT)
			il_error("standard output is a terminal; give a file name, or send the "
				 "output to a pipe or a file");
		else
			il_error("'%s' is a terminal; give a file name, or send the output to a "
				 "pipe or a file",
				 out->path);
		goto fail;
	}
	/* What goes onward to a stream is first written to a scratch file. */
	if (by_name(flags) && out->kind != IL_OUTPUT_FILE) {
		char *folder = scratch_folder();
		int rc;

		remove_stale_temps(folder);
		rc = open_temp(out, folder);

		free(folder);
		if (rc < 0)
			goto fail;
	}
	if (open_stream(out) < 0)
		goto fail;
	return 0;
fail:
	il_output_abort(out);
	return -1;
}

static void release(struct il_output *out)
{
	if (out->fp && out->fp != stdout)
		fclose(out->fp);
	if (out->fd >= 0)
		close(out->fd);
	if (out->direct_fd >= 0)
		close(out->direct_fd);
	il_unhold_on_signal(out->signal_slot);
	free(out->tmp_path);
	free(out->target);
	*out = (struct il_output){.fd = -1, .direct_fd = -1, .signal_slot = -1};
}

void il_output_abort(struct il_output *out)
{
	if (out->tmp_path)
		unlink(out->tmp_path);
	release(out);
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Copies the scratch file onward to FD. */
static int copy_onward(struct il_output *out, int fd)
{
	char chunk[65536];
	ssize_t n;

	if (lseek(out->fd, 0, SEEK_SET) != 0)
		return fail(out);
	while ((n = read(out->fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || write_all(fd, chunk, (size_t)n) < 0)
			return fail(out);
	}
	return 0;
}

/* Gives the unnamed temporary file the name NAME; fails if NAME exists. */
static int link_unnamed(struct il_output *out, const char *name)
{
	if (linkat(AT_FDCWD, out->proc_name, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0)
		return 0;
#ifdef AT_EMPTY_PATH
	/* Without /proc: needs CAP_DAC_READ_SEARCH. */
	if (errno == ENOENT && linkat(out->fd, "", AT_FDCWD, name, AT_EMPTY_PATH) == 0)
		return 0;
#endif
	return -1;
}

/* Replacing a file needs a name to rename() from: the unnamed file is
 * linked to a fresh temporary name first, held for signals like a named
 * one.  It exists only for the moment between the two calls. */
static int name_unnamed(struct il_output *out)
{
	char *folder = il_path_folder(out->target);
	struct il_buf name = {0};
	int rc = -1;

	for (int attempt = 0; attempt < 100 && rc < 0; attempt++) {
		il_buf_reset(&name);
		il_buf_printf(&name, "%s/" TEMP_PREFIX "%ld-%06ld", folder, (long)getpid(),
			      (random() ^ (long)time(NULL)) % 1000000);
		rc = link_unnamed(out, name.data);
		if (rc < 0 && errno != EEXIST)
			break;
	}
	free(folder);
	if (rc < 0) {
		il_buf_free(&name);
		return fail(out);
	}
	out->tmp_path = name.data;
	out->signal_slot = il_remove_on_signal(out->tmp_path);
	return 0;
}

static int place_file(struct il_output *out)
{
	/* Root writing another user's file leaves it theirs; anyone else
	 * cannot, and keeps the mode all the same. */
	if (out->replaces && geteuid() == 0)
		(void)!fchown(out->fd, out->owner, out->group);
	if (fchmod(out->fd, out->mode) != 0 || fsync(out->fd) != 0)
		return fail(out);
	if (out->flags & IL_OUTPUT_NO_CLOBBER) {
		/* link() fails if the target appeared meanwhile; rename() would
		 * replace it. */
		int rc = out->tmp_path ? link(out->tmp_path, out->target)
				       : link_unnamed(out, out->target);

		if (rc != 0) {
			if (errno == EEXIST)
				il_error("'%s' already exists (use --force to replace it)",
					 out->path);
			else
				fail(out);
			return -1;
		}
		if (out->tmp_path)
			unlink(out->tmp_path);
	} else if (!out->tmp_path && !out->replaces && link_unnamed(out, out->target) == 0) {
		/* Nothing to replace: the file gets its name in one step. */
	} else {
		if (!out->tmp_path && name_unnamed(out) < 0)
			return -1;
		if (rename(out->tmp_path, out->target) != 0)
			return fail(out);
	}
	il_unhold_on_signal(out->signal_slot);
	out->signal_slot = -1;
	free(out->tmp_path);
	out->tmp_path = NULL;
	il_sync_folder(out->target);
	return 0;
}

int il_output_commit(struct il_output *out)
{
	int rc = 0;

	if (out->fp && out->fp != stdout) {
		bool failed = fflush(out->fp) != 0 || ferror(out->fp);

		failed = fclose(out->fp) != 0 || failed;
		out->fp = NULL;
		if (failed)
			rc = fail(out);
	}
	if (rc == 0 && out->kind == IL_OUTPUT_FILE)
		rc = place_file(out);
	else if (rc == 0 && out->fd >= 0 && out->kind == IL_OUTPUT_DIRECT)
		rc = copy_onward(out, out->direct_fd);
	else if (rc == 0 && out->fd >= 0)
		rc = fflush(stdout) == 0 ? copy_onward(out, STDOUT_FILENO) : fail(out);
	if (rc < 0) {
		il_output_abort(out);
		return -1;
	}
	release(out);
	return 0;
}
