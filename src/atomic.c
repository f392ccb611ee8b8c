/* Whole-or-nothing file writes: temporary file, fsync, rename. */

#include "impactlog/atomic.h"

#include "impactlog/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void atomic_free(struct il_atomic_file *f)
{
	free(f->path);
	free(f->tmp_path);
	*f = (struct il_atomic_file){0};
}

/* The folder holding PATH, for the temporary file and the final fsync. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return il_xstrdup(".");
	if (slash == path)
		return il_xstrdup("/");
	return il_xstrndup(path, (size_t)(slash - path));
}

int il_atomic_open(struct il_atomic_file *f, const char *path)
{
	char *folder = folder_of(path);
	struct il_buf tmp = {0};
	mode_t mask;
	int fd;

	*f = (struct il_atomic_file){.path = il_xstrdup(path)};
	il_buf_printf(&tmp, "%s/.impactlog-XXXXXX", folder);
	free(folder);
	f->tmp_path = tmp.data;
	fd = mkstemp(f->tmp_path);
	if (fd < 0) {
		il_error("cannot write '%s': %s", path, strerror(errno));
		atomic_free(f);
		return -1;
	}
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || !(f->fp = fdopen(fd, "w"))) {
		il_error("cannot write '%s': %s", path, strerror(errno));
		close(fd);
		unlink(f->tmp_path);
		atomic_free(f);
		return -1;
	}
	return 0;
}

void il_atomic_release_stream(struct il_atomic_file *f)
{
	if (f->fp)
		fclose(f->fp);
	f->fp = NULL;
}

void il_atomic_abort(struct il_atomic_file *f)
{
	il_atomic_release_stream(f);
	if (f->tmp_path)
		unlink(f->tmp_path);
	atomic_free(f);
}

static int sync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int il_atomic_commit(struct il_atomic_file *f, bool no_clobber)
{
	char *folder;
	int failed = 0;

	if (f->fp) {
		failed = fflush(f->fp) != 0 || ferror(f->fp) || fsync(fileno(f->fp)) != 0;
		failed = fclose(f->fp) != 0 || failed;
		f->fp = NULL;
	} else {
		failed = sync_path(f->tmp_path, O_RDONLY) != 0;
	}
	if (failed) {
		il_error("cannot write '%s': %s", f->path, strerror(errno ? errno : EIO));
		goto fail;
	}
	if (no_clobber) {
		/* link() fails if the target exists, where rename() would replace it. */
		if (link(f->tmp_path, f->path) != 0) {
			il_error(errno == EEXIST ? "'%s' already exists (use --force to replace it)"
						 : "cannot write '%s': %s",
				 f->path, strerror(errno));
			goto fail;
		}
		unlink(f->tmp_path);
	} else if (rename(f->tmp_path, f->path) != 0) {
		il_error("cannot write '%s': %s", f->path, strerror(errno));
		goto fail;
	}
	folder = folder_of(f->path);
	sync_path(folder, O_RDONLY | O_DIRECTORY);
	free(folder);
	atomic_free(f);
	return 0;
fail:
	il_atomic_abort(f);
	return -1;
}
