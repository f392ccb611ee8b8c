#ifndef IMPACTLOG_UTIL_H
#define IMPACTLOG_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#if defined(__GNUC__)
#define IL_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define IL_PRINTF(fmt, args)
#endif

#define IL_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Print "impactlog: MESSAGE" as one line on stderr. */
void il_error(const char *fmt, ...) IL_PRINTF(1, 2);
void il_verror(const char *fmt, va_list ap) IL_PRINTF(1, 0);

/* Until il_error_hold(NULL), the calling thread's messages go into INTO,
 * the first of them only, instead of stderr: a thread that works beside
 * another holds its message, so that a failure both of them meet (a
 * damaged database) is still told in one line. */
struct il_buf;
void il_error_hold(struct il_buf *into);

/* Allocation that cannot return NULL: out of memory ends the program. */
void *il_xmalloc(size_t size);
void *il_xcalloc(size_t count, size_t size);
void *il_xrealloc(void *ptr, size_t size);
char *il_xstrdup(const char *s);
char *il_xstrndup(const char *s, size_t len);

/* A growable NUL-terminated byte string. */
struct il_buf {
	char *data;
	size_t len;
	size_t cap;
};

void il_buf_append(struct il_buf *b, const char *s, size_t len);
void il_buf_puts(struct il_buf *b, const char *s);
void il_buf_printf(struct il_buf *b, const char *fmt, ...) IL_PRINTF(2, 3);
void il_buf_vprintf(struct il_buf *b, const char *fmt, va_list ap) IL_PRINTF(2, 0);
/* Appends the words of TEXT, the line so far being COLUMN characters wide,
 * breaking before a word that would pass column WIDTH and starting each new
 * line with INDENT.  Spaces between words on one line are kept as written. */
void il_buf_wrap(struct il_buf *b, const char *text, size_t column, const char *indent,
		 size_t width);
void il_buf_reset(struct il_buf *b);
void il_buf_free(struct il_buf *b);
/* The contents, "" for an empty buffer; valid until the next append. */
const char *il_buf_str(const struct il_buf *b);
/* The text, which the caller now owns and frees; B is left empty. */
char *il_buf_take(struct il_buf *b);

/* A growable list of owned strings. */
struct il_strlist {
	char **items;
	size_t len;
	size_t cap;
};

void il_strlist_push(struct il_strlist *l, const char *s);
/* Pushes the LEN bytes at S as one item. */
void il_strlist_push_n(struct il_strlist *l, const char *s, size_t len);
void il_strlist_clear(struct il_strlist *l);
void il_strlist_copy(struct il_strlist *dst, const struct il_strlist *src);

/* Length in code points of valid UTF-8 S; -1 if S is not valid UTF-8
 * (overlong forms, surrogates and values above U+10FFFF are invalid). */
long il_utf8_length(const char *s, size_t len);

/* Number of bytes of S that hold at most MAX code points. */
size_t il_utf8_prefix(const char *s, size_t max);

/* An input file as messages name it ("FILE:LINE: ..."): "<stdin>" for
 * "-". */
const char *il_input_name(const char *path);

/* TEXT in quotes for a message, cut to IL_QUOTE_CHARS characters and "…"
 * so that one line stays one line: "'Payments'".  OUT is the size of
 * IL_QUOTED_SIZE. */
#define IL_QUOTE_CHARS 40
#define IL_QUOTED_SIZE (IL_QUOTE_CHARS * 4 + 8)
const char *il_quoted(const char *text, char out[IL_QUOTED_SIZE]);

/* Columns valid UTF-8 S takes on a terminal: East Asian wide characters
 * and emoji take two, combining marks none. */
size_t il_utf8_width(const char *s);

/* Number of bytes of S that fill at most COLUMNS columns, keeping each
 * character with the combining marks that follow it. */
size_t il_utf8_prefix_width(const char *s, size_t columns);

/* Whether S contains a control character (C0, DEL or C1) other than tab
 * and newline; with single_line, tab and newline count too. */
bool il_has_control(const char *s, bool single_line);

/* The folder holding PATH ("." for a bare name, "/" at the top), newly
 * allocated; the last component of PATH. */
char *il_path_folder(const char *path);
const char *il_path_base(const char *path);

/* Makes a new name in PATH's folder as durable as the file it names. */
void il_sync_folder(const char *path);

/* Columns of the terminal on FD: $COLUMNS when it is a positive integer,
 * else what the terminal says, else 80; 0 when FD is not a terminal. */
int il_terminal_width(int fd);

/* Whether coloured output suits FD: a terminal whose $TERM is set and not
 * "dumb", and NO_COLOR unset or empty. */
bool il_use_color(int fd);

/* The command's moment, in seconds since the epoch, read once so that
 * every part of a command sees the same one: SOURCE_DATE_EPOCH when set
 * (for reproducible reports), else the clock.  il_clock_start returns -1
 * when SOURCE_DATE_EPOCH is not a whole number; main() checks it, and the
 * date it gives, before a command runs. */
int il_clock_start(long long *now);
long long il_now(void);

#endif
