/* Small helpers shared by every module: errors, allocation, buffers, UTF-8. */

#include "impactlog/util.h"

#include "impactlog/progress.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

/* Where this thread's messages go instead (il_error_hold), or NULL. */
static _Thread_local struct il_buf *held;

void il_error_hold(struct il_buf *into)
{
	held = into;
}

void il_verror(const char *fmt, va_list ap)
{
	if (held) {
		char message[1024];

		if (held->len == 0) {
			vsnprintf(message, sizeof(message), fmt, ap);
			il_buf_puts(held, message);
		}
		return;
	}
	/* What was printed before the error comes before it, and a progress
	 * line goes. */
	fflush(stdout);
	il_progress_wipe();
	fputs("impactlog: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void il_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	il_verror(fmt, ap);
	va_end(ap);
}

static void *check_alloc(void *ptr)
{
	if (!ptr) {
		il_error("out of memory");
		abort();
	}
	return ptr;
}

void *il_xmalloc(size_t size)
{
	return check_alloc(malloc(size ? size : 1));
}

void *il_xcalloc(size_t count, size_t size)
{
	return check_alloc(calloc(count ? count : 1, size ? size : 1));
}

void *il_xrealloc(void *ptr, size_t size)
{
	return check_alloc(realloc(ptr, size ? size : 1));
}

char *il_xstrdup(const char *s)
{
	return il_xstrndup(s, strlen(s));
}

char *il_xstrndup(const char *s, size_t len)
{
	char *copy = il_xmalloc(len + 1);

	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

static void buf_reserve(struct il_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	b->cap = b->cap ? b->cap : 64;
	while (b->cap < need)
		b->cap *= 2;
	b->data = il_xrealloc(b->data, b->cap);
}

void il_buf_append(struct il_buf *b, const char *s, size_t len)
{
	buf_reserve(b, len);
	memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void il_buf_puts(struct il_buf *b, const char *s)
{
	il_buf_append(b, s, strlen(s));
}

void il_buf_printf(struct il_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void il_buf_wrap(struct il_buf *b, const char *text, size_t column, const char *indent,
		 size_t width)
{
	size_t indent_len = strlen(indent);
	bool line_start = true;

	text += strspn(text, " ");
	while (*text) {
		size_t len = strcspn(text, " ");
		size_t gap = strspn(text + len, " ");

		if (!line_start && column + len > width) {
			/* The gap before this word was written: take it back. */
			while (b->len && b->data[b->len - 1] == ' ')
				b->len--;
			il_buf_puts(b, "\n");
			il_buf_puts(b, indent);
			column = indent_len;
		}
		il_buf_append(b, text, len);
		column += len;
		text += len;
		if (!text[gap])
			break;
		il_buf_append(b, text, gap);
		column += gap;
		text += gap;
		line_start = false;
	}
}

void il_buf_reset(struct il_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void il_buf_free(struct il_buf *b)
{
	free(b->data);
	*b = (struct il_buf){0};
}

const char *il_buf_str(const struct il_buf *b)
{
	return b->data ? b->data : "";
}

void il_strlist_push(struct il_strlist *l, const char *s)
{
	il_strlist_push_n(l, s, strlen(s));
}

void il_strlist_push_n(struct il_strlist *l, const char *s, size_t len)
{
	if (l->len == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->items = il_xrealloc(l->items, l->cap * sizeof(*l->items));
	}
	l->items[l->len++] = il_xstrndup(s, len);
}

void il_strlist_clear(struct il_strlist *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->items[i]);
	free(l->items);
	*l = (struct il_strlist){0};
}

void il_strlist_copy(struct il_strlist *dst, const struct il_strlist *src)
{
	il_strlist_clear(dst);
	for (size_t i = 0; i < src->len; i++)
		il_strlist_push(dst, src->items[i]);
}

/* Length of the UTF-8 sequence starting at S (at most AVAIL bytes), or 0
 * when it is not a valid, shortest-form encoding of a scalar value. */
static size_t utf8_sequence(const unsigned char *s, size_t avail)
{
	uint32_t cp;
	size_t n;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (n > avail)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	if (cp >= 0xd800 && cp <= 0xdfff)
		return 0;
	return n;
}

long il_utf8_length(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	long count = 0;

	for (size_t i = 0; i < len; count++) {
		size_t n = utf8_sequence(p + i, len - i);

		if (n == 0)
			return -1;
		i += n;
	}
	return count;
}

size_t il_utf8_prefix(const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	for (size_t count = 0; p[i] && count < max; count++) {
		i++;
		while ((p[i] & 0xc0) == 0x80)
			i++;
	}
	return i;
}

/* The code point at S; *LEN gets its bytes.  A byte that starts no valid
 * sequence stands for itself, so a bad string is measured, not overrun. */
static uint32_t utf8_decode(const unsigned char *s, size_t *len)
{
	size_t n = utf8_sequence(s, 4);
	uint32_t cp;

	if (n <= 1) {
		*len = 1;
		return s[0];
	}
	cp = s[0] & (0x7f >> n);
	for (size_t i = 1; i < n; i++)
		cp = (cp << 6) | (s[i] & 0x3f);
	*len = n;
	return cp;
}

struct width_range {
	uint32_t first, last;
};

static bool in_ranges(uint32_t cp, const struct width_range *ranges, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (cp >= ranges[i].first && cp <= ranges[i].last)
			return true;
	return false;
}

/*
 * Terminal columns of one code point, from a small table rather than the
 * locale's wcwidth(), so that tables line up whatever LC_CTYPE says: the
 * common combining marks and zero-width characters take none, the East
 * Asian wide and fullwidth blocks and the emoji blocks take two.
 */
static int code_point_width(uint32_t cp)
{
	static const struct width_range zero[] = {
		{0x0300, 0x036f}, {0x0483, 0x0489}, {0x0591, 0x05bd}, {0x0610, 0x061a},
		{0x064b, 0x065f}, {0x0e31, 0x0e31}, {0x0e34, 0x0e3a}, {0x0e47, 0x0e4e},
		{0x1ab0, 0x1aff}, {0x1dc0, 0x1dff}, {0x200b, 0x200f}, {0x2060, 0x2064},
		{0x20d0, 0x20ff}, {0xfe00, 0xfe0f}, {0xfe20, 0xfe2f}, {0xfeff, 0xfeff},
	};
	static const struct width_range wide[] = {
		{0x1100, 0x115f},   {0x231a, 0x231b},	{0x2e80, 0x303e},   {0x3041, 0x33ff},
		{0x3400, 0x4dbf},   {0x4e00, 0x9fff},	{0xa000, 0xa4cf},   {0xac00, 0xd7a3},
		{0xf900, 0xfaff},   {0xfe30, 0xfe4f},	{0xff00, 0xff60},   {0xffe0, 0xffe6},
		{0x1f300, 0x1f64f}, {0x1f680, 0x1f6ff}, {0x1f900, 0x1f9ff}, {0x20000, 0x3fffd},
	};

	if (in_ranges(cp, zero, IL_ARRAY_LEN(zero)))
		return 0;
	if (in_ranges(cp, wide, IL_ARRAY_LEN(wide)))
		return 2;
	return 1;
}

size_t il_utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t columns = 0, len;

	for (size_t i = 0; p[i]; i += len)
		columns += (size_t)code_point_width(utf8_decode(p + i, &len));
	return columns;
}

size_t il_utf8_prefix_width(const char *s, size_t columns)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, used = 0, len;

	while (p[i]) {
		size_t width = (size_t)code_point_width(utf8_decode(p + i, &len));

		if (used + width > columns)
			break;
		used += width;
		i += len;
	}
	return i;
}

bool il_has_control(const char *s, bool single_line)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == 0x7f)
			return true;
		/* C1 controls, U+0080 to U+009F (C2 80 to C2 9F in UTF-8): some
		 * terminals obey them, U+009B being a second escape (CSI). */
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return true;
		if (*p < 0x20 && (single_line || (*p != '\n' && *p != '\t')))
			return true;
	}
	return false;
}

char *il_path_folder(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return il_xstrdup(".");
	return il_xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

const char *il_path_base(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

void il_sync_folder(const char *path)
{
	char *folder = il_path_folder(path);
	int fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(folder);
}

int il_terminal_width(int fd)
{
	struct winsize ws;

	if (!isatty(fd))
		return 0;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

bool il_use_color(int fd)
{
	const char *no_color = getenv("NO_COLOR");

	if (no_color && *no_color)
		return false;
	return isatty(fd);
}

int il_clock_start(long long *now)
{
	static long long moment;
	static int read; /* 0: not yet, 1: read, -1: SOURCE_DATE_EPOCH is bad */
	const char *epoch = getenv("SOURCE_DATE_EPOCH");

	if (!read) {
		read = 1;
		moment = (long long)time(NULL);
		if (epoch && *epoch) {
			char *end;

			errno = 0;
			moment = strtoll(epoch, &end, 10);
			if (*end != '\0' || errno == ERANGE ||
			    !isdigit((unsigned char)epoch[*epoch == '-']))
				read = -1;
		}
	}
	*now = moment;
	return read < 0 ? -1 : 0;
}

long long il_now(void)
{
	long long now;

	il_clock_start(&now);
	return now;
}
