/* add with no arguments: write the achievement in $VISUAL or $EDITOR. */

#include "impactlog/editor.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Far more than any entry: the note, the longest field, holds 10000
 * characters. */
#define ENTRY_FILE_MAX (1024 * 1024)

#define ERROR_PREFIX "# error: "

/* The template explains each field with its help from il_fields, and adds
 * what only this format needs saying: how lists and the note are written. */
#define TEMPLATE_WIDTH	73
#define TEMPLATE_INDENT "#             "

static const char template_intro[] =
	"# New achievement for impactlog.  Fill in the values after the colons,\n"
	"# then save and quit.  Lines starting with '#' are ignored.  To add\n"
	"# nothing, leave the title empty or empty the file.\n"
	"#\n";

static const char template_lists[] =
	"Separate the items of a list with ';' (write \\; for a ';' inside an item), "
	"or repeat the line once per item.";

static const char template_note[] =
	".  It runs from 'note:' to the end of the file, over as many lines as you like.";

static const char template_end[] = "#\n"
				   "# An empty value is not given: its default applies.\n"
				   "\n";

bool il_editor_on_terminal(void)
{
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

/* Reading an entry. */

struct entry {
	struct il_achievement *a;
	struct il_date today;
	struct il_buf *error; /* the first problem; later ones wait their turn */
	struct il_buf note;
	unsigned seen; /* bit (1u << field) for each field line */
	bool in_note;  /* past "note:": the rest of the file is the note */
	bool has_content;
	bool has_title;
};

IL_PRINTF(2, 3) static void entry_error(struct entry *e, const char *fmt, ...)
{
	char message[1024];
	va_list ap;

	if (e->error->len)
		return;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	il_buf_puts(e->error, message);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* TEXT without the spaces and tabs around it, in place. */
static char *trim(char *text)
{
	size_t end;

	while (is_blank(*text))
		text++;
	end = strlen(text);
	while (end > 0 && is_blank(text[end - 1]))
		end--;
	text[end] = '\0';
	return text;
}

/* The field a line names; the uid is assigned, never typed. */
static int entry_field(const char *name)
{
	for (int f = 0; f < IL_FIELD_COUNT; f++)
		if (f != IL_FIELD_UID && strcasecmp(il_fields[f].column, name) == 0)
			return f;
	return -1;
}

/* TEXT quoted for a message, shortened so that one line stays one line;
 * OTHERWISE when it holds a control character (a tab too), which must not
 * reach the file's error line or the terminal. */
static const char *quoted(const char *text, const char *otherwise, char out[IL_QUOTED_SIZE])
{
	return il_has_control(text, true) ? otherwise : il_quoted(text, out);
}

static void unknown_field(struct entry *e, const char *name)
{
	struct il_buf fields = {0};
	char q[IL_QUOTED_SIZE];

	for (int f = IL_FIELD_UID + 1; f < IL_FIELD_COUNT; f++)
		il_buf_printf(&fields, "%s%s", f > IL_FIELD_UID + 1 ? ", " : "",
			      il_fields[f].column);
	entry_error(e, "unknown field %s (fields: %s)", quoted(name, "with control characters", q),
		    il_buf_str(&fields));
	il_buf_free(&fields);
}

static void not_a_field_line(struct entry *e, const char *line)
{
	char q[IL_QUOTED_SIZE];

	entry_error(e, "%s is not a 'field: value' line",
		    quoted(line, "a line with control characters", q));
}

static void set_value(struct entry *e, enum il_field field, const char *value)
{
	struct il_diag diag;

	if (e->error->len)
		return;
	/* Lists split on ';' as in CSV: one line, many items. */
	if (il_achievement_set(e->a, field, value, e->today, true, &diag) < 0)
		entry_error(e, "%s: %s", il_fields[diag.field].column, diag.message);
}

/* One line outside the note, trimmed and not a comment. */
static void read_field_line(struct entry *e, char *line)
{
	char *colon = strchr(line, ':'), *value;
	int field;

	if (!colon) {
		not_a_field_line(e, line);
		return;
	}
	*colon = '\0';
	value = trim(colon + 1);
	if ((field = entry_field(trim(line))) < 0) {
		unknown_field(e, line);
		return;
	}
	if ((e->seen & (1u << field)) && !il_fields[field].is_list)
		entry_error(e, "'%s' given twice", il_fields[field].column);
	e->seen |= 1u << field;
	if (field == IL_FIELD_NOTE) {
		e->in_note = true;
		il_buf_printf(&e->note, "%s\n", value);
		return;
	}
	if (field == IL_FIELD_TITLE && *value)
		e->has_title = true;
	if (*value)
		set_value(e, field, value);
}

static void read_line(struct entry *e, char *line)
{
	char *trimmed;

	if (line[0] == '#')
		return;
	if (e->in_note) {
		il_buf_printf(&e->note, "%s\n", line);
		return;
	}
	trimmed = trim(line);
	if (!*trimmed)
		return;
	e->has_content = true;
	read_field_line(e, trimmed);
}

/* The note without the blank lines around it, keeping the indentation of
 * its first line. */
static void set_note(struct entry *e)
{
	const char *text = il_buf_str(&e->note);
	size_t start = strspn(text, " \t\n"), end = e->note.len;

	while (start > 0 && text[start - 1] != '\n')
		start--;
	while (end > start && strchr(" \t\n", text[end - 1]))
		end--;
	if (end > start) {
		char *note = il_xstrndup(text + start, end - start);

		set_value(e, IL_FIELD_NOTE, note);
		free(note);
	}
}

static void read_lines(struct entry *e, const char *text, size_t len)
{
	const char *end = text + len;

	for (const char *p = text; p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t n = eol ? (size_t)(eol - p) : (size_t)(end - p);
		char *line = il_xstrndup(p, n && p[n - 1] == '\r' ? n - 1 : n);

		read_line(e, line);
		free(line);
		p += n + 1;
	}
}

/* What the lines read say, once every line is read. */
static enum il_entry_result conclude(struct entry *e)
{
	struct il_diag diag;

	if (!e->has_content)
		return IL_ENTRY_EMPTY_FILE;
	/* Before any other complaint: emptying the title is how to give up. */
	if (!e->has_title)
		return IL_ENTRY_EMPTY_TITLE;
	set_note(e);
	if (!e->error->len && il_achievement_check(e->a, &diag) < 0)
		entry_error(e, "%s: %s", il_fields[diag.field].column, diag.message);
	return e->error->len ? IL_ENTRY_INVALID : IL_ENTRY_OK;
}

enum il_entry_result il_entry_parse(const char *text, size_t len, struct il_date today,
				    struct il_achievement *a, struct il_buf *error)
{
	struct entry e = {.a = a, .today = today, .error = error};
	enum il_entry_result result = IL_ENTRY_INVALID;

	il_buf_reset(error);
	/* Some editors save a byte order mark; it is no part of the first line. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (memchr(text, '\0', len)) {
		entry_error(&e, "the file holds a NUL byte: only text is accepted");
	} else if (il_utf8_length(text, len) < 0) {
		entry_error(&e, "the file is not valid UTF-8");
	} else {
		read_lines(&e, text, len);
		result = conclude(&e);
	}
	il_buf_free(&e.note);
	return result;
}

/* The temporary file. */

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static void make_template(struct il_date today, struct il_buf *out)
{
	char date[11];

	il_date_format(today, date);
	il_buf_puts(out, template_intro);
	for (int f = IL_FIELD_UID + 1; f < IL_FIELD_COUNT; f++) {
		const struct il_field_info *field = &il_fields[f];
		struct il_buf words = {0};
		size_t start = out->len;

		il_buf_printf(out, "# %-11s ", field->column);
		il_buf_puts(&words, field->help);
		if (field->required)
			il_buf_puts(&words, " (required)");
		/* The date's default is already in the template. */
		if (field->by_default && f != IL_FIELD_DATE)
			il_buf_printf(&words, " (default: %s)", field->by_default);
		if (f == IL_FIELD_NOTE)
			il_buf_puts(&words, template_note);
		il_buf_wrap(out, il_buf_str(&words), out->len - start, TEMPLATE_INDENT,
			    TEMPLATE_WIDTH);
		il_buf_puts(out, "\n");
		if (f == IL_FIELD_WITNESSES) {
			il_buf_puts(out, TEMPLATE_INDENT);
			il_buf_wrap(out, template_lists, strlen(TEMPLATE_INDENT), TEMPLATE_INDENT,
				    TEMPLATE_WIDTH);
			il_buf_puts(out, "\n");
		}
		il_buf_free(&words);
	}
	il_buf_puts(out, template_end);
	for (int f = IL_FIELD_UID + 1; f < IL_FIELD_COUNT; f++)
		il_buf_printf(out, "%s:%s%s\n", il_fields[f].column, f == IL_FIELD_DATE ? " " : "",
			      f == IL_FIELD_DATE ? date : "");
}

/* Creates the private file holding the template; PATH gets its name. */
static int create_file(struct il_date today, struct il_buf *path)
{
	const char *folder = getenv("TMPDIR");
	struct il_buf text = {0};
	int fd, rc = 0;

	il_buf_printf(path, "%s/impactlog-add-XXXXXX", folder && *folder ? folder : "/tmp");
	if ((fd = mkstemp(path->data)) < 0) {
		il_error("add: cannot create a temporary file '%s': %s", path->data,
			 strerror(errno));
		return -1;
	}
	make_template(today, &text);
	/* mkstemp makes it 0600 already; the entry may be confidential. */
	if (fchmod(fd, 0600) != 0 || write_all(fd, text.data, text.len) < 0) {
		il_error("add: cannot write '%s': %s", path->data, strerror(errno));
		rc = -1;
	}
	if (close(fd) != 0 && rc == 0) {
		il_error("add: cannot write '%s': %s", path->data, strerror(errno));
		rc = -1;
	}
	if (rc < 0)
		unlink(path->data);
	il_buf_free(&text);
	return rc;
}

/* Reads the file back; a file the editor removed reads as empty. */
static int read_file(const char *path, struct il_buf *text)
{
	char chunk[65536];
	ssize_t n = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	il_buf_reset(text);
	if (fd < 0 && errno == ENOENT)
		return 0;
	while (fd >= 0 && text->len <= ENTRY_FILE_MAX &&
	       ((n = read(fd, chunk, sizeof(chunk))) > 0 || (n < 0 && errno == EINTR)))
		if (n > 0)
			il_buf_append(text, chunk, (size_t)n);
	if (fd < 0 || n < 0) {
		il_error("add: cannot read '%s': %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	if (text->len > ENTRY_FILE_MAX) {
		il_error("add: '%s' is larger than 1 MiB; nothing added", path);
		return -1;
	}
	return 0;
}

/* Puts ERROR at the top of the file as the user left it, in place of the
 * error line of the round before. */
static int write_error(const char *path, const struct il_buf *text, const struct il_buf *error)
{
	const char *body = il_buf_str(text), *end = body + text->len, *eol;
	struct il_buf out = {0};
	int fd, rc = 0;

	while ((size_t)(end - body) >= strlen(ERROR_PREFIX) &&
	       memcmp(body, ERROR_PREFIX, strlen(ERROR_PREFIX)) == 0)
		body = (eol = memchr(body, '\n', (size_t)(end - body))) ? eol + 1 : end;
	il_buf_printf(&out, ERROR_PREFIX "%s\n", il_buf_str(error));
	il_buf_append(&out, body, (size_t)(end - body));
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || write_all(fd, out.data, out.len) < 0 || close(fd) != 0) {
		il_error("add: cannot write '%s': %s", path, strerror(errno));
		rc = -1;
	}
	il_buf_free(&out);
	return rc;
}

/* Running the editor. */

static const char *editor_command(void)
{
	const char *visual = getenv("VISUAL"), *editor = getenv("EDITOR");

	if (visual && *visual)
		return visual;
	if (editor && *editor)
		return editor;
	return "vi";
}

/* The editor's exit status, or -1 if it could not be run.  While it runs,
 * ^C and ^\ belong to it, as under system(): impactlog waits it out. */
static int run_editor(const char *editor, const char *path)
{
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old_int, old_quit;
	struct il_buf command = {0};
	int status = -1;
	pid_t pid;

	/* The shell reads the editor's own words; the file is "$1". */
	il_buf_printf(&command, "%s \"$1\"", editor);
	fflush(stdout);
	fflush(stderr);
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		execl("/bin/sh", "sh", "-c", command.data, "sh", path, (char *)NULL);
		_exit(127);
	}
	if (pid < 0)
		il_error("add: cannot run the editor: %s", strerror(errno));
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	il_buf_free(&command);
	return pid < 0 ? -1 : status;
}

static int edit(const char *path)
{
	const char *editor = editor_command();
	int status = run_editor(editor, path);

	if (status < 0)
		return -1;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	/* An editor killed by a signal shows as the shell's status 128 + N,
	 * after the shell has said so itself. */
	if (WIFEXITED(status))
		il_error("add: editor '%s' exited with status %d; nothing added", editor,
			 WEXITSTATUS(status));
	else
		il_error("add: editor '%s' was killed by signal %d; nothing added", editor,
			 WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return -1;
}

/* One round: the editor, then the entry.  1 to go round again. */
static int round_trip(const char *path, struct il_date today, struct il_achievement *a,
		      struct il_buf *text, struct il_buf *error)
{
	if (edit(path) < 0 || read_file(path, text) < 0)
		return -1;
	il_achievement_free(a);
	il_achievement_init(a, today);
	switch (il_entry_parse(il_buf_str(text), text->len, today, a, error)) {
	case IL_ENTRY_OK:
		return 0;
	case IL_ENTRY_EMPTY_FILE:
		il_error("add: empty file; nothing added");
		return -1;
	case IL_ENTRY_EMPTY_TITLE:
		il_error("add: empty title; nothing added");
		return -1;
	case IL_ENTRY_INVALID:
		break;
	}
	return write_error(path, text, error) < 0 ? -1 : 1;
}

int il_editor_achievement(struct il_date today, struct il_achievement *a, struct il_buf *path)
{
	struct il_buf text = {0}, error = {0};
	int rc = -1;

	if (create_file(today, path) == 0) {
		while ((rc = round_trip(path->data, today, a, &text, &error)) > 0)
			;
		if (rc < 0)
			unlink(path->data);
	}
	if (rc < 0)
		il_buf_free(path);
	il_buf_free(&text);
	il_buf_free(&error);
	return rc;
}

void il_editor_done(struct il_buf *path, bool stored)
{
	if (stored)
		unlink(path->data);
	else
		il_error("add: your entry is kept in '%s'", path->data);
	il_buf_free(path);
}
