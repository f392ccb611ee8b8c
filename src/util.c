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

void il_buf_vprintf(struct il_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n >= 0) {
		buf_reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
		b->len += (size_t)n;
	}
	va_end(again);
}

void il_buf_printf(struct il_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	il_buf_vprintf(b, fmt, ap);
	va_end(ap);
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

char *il_buf_take(struct il_buf *b)
{
	char *text = b->data ? b->data : il_xstrdup("");

	*b = (struct il_buf){0};
	return text;
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

const char *il_input_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

const char *il_quoted(const char *text, char out[IL_QUOTED_SIZE])
{
	size_t keep = il_utf8_prefix(text, IL_QUOTE_CHARS);

	snprintf(out, IL_QUOTED_SIZE, "'%.*s%s'", (int)keep, text, text[keep] ? "…" : "");
	return out;
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

/* Whether CP is in RANGES, sorted and not overlapping. */
static bool in_ranges(uint32_t cp, const struct width_range *ranges, size_t count)
{
	size_t low = 0, high = count;

	while (low < high) {
		size_t middle = low + (high - low) / 2;

		if (cp < ranges[middle].first)
			high = middle;
		else if (cp > ranges[middle].last)
			low = middle + 1;
		else
			return true;
	}
	return false;
}

/*
 * Terminal columns of one code point, from tables of Unicode 14 rather
 * than the locale's wcwidth(), so that tables line up whatever LC_CTYPE
 * says.  None: combining marks (Mn, Me), the format characters that show
 * nothing (Cf: zero-width space and joiner, bidi marks, U+FEFF, tags) and
 * the conjoining Hangul vowels and finals.  Two: East Asian Wide and
 * Fullwidth (EastAsianWidth.txt W and F, which hold nearly every emoji:
 * ✅ ⭐ ⚡ ☕) and Emoji_Presentation (emoji-data.txt; it adds the
 * regional indicators, so a flag counts four, more than a terminal
 * shows, never less).  Each range runs on over the unassigned code points
 * between its members, and the ideograph planes 2 and 3 are wide
 * throughout, as EastAsianWidth.txt says of their unassigned points: a
 * character of a later Unicode in those gaps measures as its block.
 */
static const struct width_range zero_width[] = {
	{0x0300, 0x036f},   {0x0483, 0x0489},	{0x0591, 0x05bd},   {0x05bf, 0x05bf},
	{0x05c1, 0x05c2},   {0x05c4, 0x05c5},	{0x05c7, 0x05c7},   {0x0610, 0x061a},
	{0x061c, 0x061c},   {0x064b, 0x065f},	{0x0670, 0x0670},   {0x06d6, 0x06dc},
	{0x06df, 0x06e4},   {0x06e7, 0x06e8},	{0x06ea, 0x06ed},   {0x0711, 0x0711},
	{0x0730, 0x074a},   {0x07a6, 0x07b0},	{0x07eb, 0x07f3},   {0x07fd, 0x07fd},
	{0x0816, 0x0819},   {0x081b, 0x0823},	{0x0825, 0x0827},   {0x0829, 0x082d},
	{0x0859, 0x085b},   {0x0890, 0x089f},	{0x08ca, 0x08e1},   {0x08e3, 0x0902},
	{0x093a, 0x093a},   {0x093c, 0x093c},	{0x0941, 0x0948},   {0x094d, 0x094d},
	{0x0951, 0x0957},   {0x0962, 0x0963},	{0x0981, 0x0981},   {0x09bc, 0x09bc},
	{0x09c1, 0x09c4},   {0x09cd, 0x09cd},	{0x09e2, 0x09e3},   {0x09fe, 0x0a02},
	{0x0a3c, 0x0a3c},   {0x0a41, 0x0a51},	{0x0a70, 0x0a71},   {0x0a75, 0x0a75},
	{0x0a81, 0x0a82},   {0x0abc, 0x0abc},	{0x0ac1, 0x0ac8},   {0x0acd, 0x0acd},
	{0x0ae2, 0x0ae3},   {0x0afa, 0x0b01},	{0x0b3c, 0x0b3c},   {0x0b3f, 0x0b3f},
	{0x0b41, 0x0b44},   {0x0b4d, 0x0b56},	{0x0b62, 0x0b63},   {0x0b82, 0x0b82},
	{0x0bc0, 0x0bc0},   {0x0bcd, 0x0bcd},	{0x0c00, 0x0c00},   {0x0c04, 0x0c04},
	{0x0c3c, 0x0c3c},   {0x0c3e, 0x0c40},	{0x0c46, 0x0c56},   {0x0c62, 0x0c63},
	{0x0c81, 0x0c81},   {0x0cbc, 0x0cbc},	{0x0cbf, 0x0cbf},   {0x0cc6, 0x0cc6},
	{0x0ccc, 0x0ccd},   {0x0ce2, 0x0ce3},	{0x0d00, 0x0d01},   {0x0d3b, 0x0d3c},
	{0x0d41, 0x0d44},   {0x0d4d, 0x0d4d},	{0x0d62, 0x0d63},   {0x0d81, 0x0d81},
	{0x0dca, 0x0dca},   {0x0dd2, 0x0dd6},	{0x0e31, 0x0e31},   {0x0e34, 0x0e3a},
	{0x0e47, 0x0e4e},   {0x0eb1, 0x0eb1},	{0x0eb4, 0x0ebc},   {0x0ec8, 0x0ecd},
	{0x0f18, 0x0f19},   {0x0f35, 0x0f35},	{0x0f37, 0x0f37},   {0x0f39, 0x0f39},
	{0x0f71, 0x0f7e},   {0x0f80, 0x0f84},	{0x0f86, 0x0f87},   {0x0f8d, 0x0fbc},
	{0x0fc6, 0x0fc6},   {0x102d, 0x1030},	{0x1032, 0x1037},   {0x1039, 0x103a},
	{0x103d, 0x103e},   {0x1058, 0x1059},	{0x105e, 0x1060},   {0x1071, 0x1074},
	{0x1082, 0x1082},   {0x1085, 0x1086},	{0x108d, 0x108d},   {0x109d, 0x109d},
	{0x1160, 0x11ff},   {0x135d, 0x135f},	{0x1712, 0x1714},   {0x1732, 0x1733},
	{0x1752, 0x1753},   {0x1772, 0x1773},	{0x17b4, 0x17b5},   {0x17b7, 0x17bd},
	{0x17c6, 0x17c6},   {0x17c9, 0x17d3},	{0x17dd, 0x17dd},   {0x180b, 0x180f},
	{0x1885, 0x1886},   {0x18a9, 0x18a9},	{0x1920, 0x1922},   {0x1927, 0x1928},
	{0x1932, 0x1932},   {0x1939, 0x193b},	{0x1a17, 0x1a18},   {0x1a1b, 0x1a1b},
	{0x1a56, 0x1a56},   {0x1a58, 0x1a60},	{0x1a62, 0x1a62},   {0x1a65, 0x1a6c},
	{0x1a73, 0x1a7f},   {0x1ab0, 0x1b03},	{0x1b34, 0x1b34},   {0x1b36, 0x1b3a},
	{0x1b3c, 0x1b3c},   {0x1b42, 0x1b42},	{0x1b6b, 0x1b73},   {0x1b80, 0x1b81},
	{0x1ba2, 0x1ba5},   {0x1ba8, 0x1ba9},	{0x1bab, 0x1bad},   {0x1be6, 0x1be6},
	{0x1be8, 0x1be9},   {0x1bed, 0x1bed},	{0x1bef, 0x1bf1},   {0x1c2c, 0x1c33},
	{0x1c36, 0x1c37},   {0x1cd0, 0x1cd2},	{0x1cd4, 0x1ce0},   {0x1ce2, 0x1ce8},
	{0x1ced, 0x1ced},   {0x1cf4, 0x1cf4},	{0x1cf8, 0x1cf9},   {0x1dc0, 0x1dff},
	{0x200b, 0x200f},   {0x202a, 0x202e},	{0x2060, 0x206f},   {0x20d0, 0x20f0},
	{0x2cef, 0x2cf1},   {0x2d7f, 0x2d7f},	{0x2de0, 0x2dff},   {0x302a, 0x302d},
	{0x3099, 0x309a},   {0xa66f, 0xa672},	{0xa674, 0xa67d},   {0xa69e, 0xa69f},
	{0xa6f0, 0xa6f1},   {0xa802, 0xa802},	{0xa806, 0xa806},   {0xa80b, 0xa80b},
	{0xa825, 0xa826},   {0xa82c, 0xa82c},	{0xa8c4, 0xa8c5},   {0xa8e0, 0xa8f1},
	{0xa8ff, 0xa8ff},   {0xa926, 0xa92d},	{0xa947, 0xa951},   {0xa980, 0xa982},
	{0xa9b3, 0xa9b3},   {0xa9b6, 0xa9b9},	{0xa9bc, 0xa9bd},   {0xa9e5, 0xa9e5},
	{0xaa29, 0xaa2e},   {0xaa31, 0xaa32},	{0xaa35, 0xaa36},   {0xaa43, 0xaa43},
	{0xaa4c, 0xaa4c},   {0xaa7c, 0xaa7c},	{0xaab0, 0xaab0},   {0xaab2, 0xaab4},
	{0xaab7, 0xaab8},   {0xaabe, 0xaabf},	{0xaac1, 0xaac1},   {0xaaec, 0xaaed},
	{0xaaf6, 0xaaf6},   {0xabe5, 0xabe5},	{0xabe8, 0xabe8},   {0xabed, 0xabed},
	{0xd7b0, 0xd7fb},   {0xfb1e, 0xfb1e},	{0xfe00, 0xfe0f},   {0xfe20, 0xfe2f},
	{0xfeff, 0xfeff},   {0xfff9, 0xfffb},	{0x101fd, 0x101fd}, {0x102e0, 0x102e0},
	{0x10376, 0x1037a}, {0x10a01, 0x10a0f}, {0x10a38, 0x10a3f}, {0x10ae5, 0x10ae6},
	{0x10d24, 0x10d27}, {0x10eab, 0x10eac}, {0x10f46, 0x10f50}, {0x10f82, 0x10f85},
	{0x11001, 0x11001}, {0x11038, 0x11046}, {0x11070, 0x11070}, {0x11073, 0x11074},
	{0x1107f, 0x11081}, {0x110b3, 0x110b6}, {0x110b9, 0x110ba}, {0x110c2, 0x110c2},
	{0x11100, 0x11102}, {0x11127, 0x1112b}, {0x1112d, 0x11134}, {0x11173, 0x11173},
	{0x11180, 0x11181}, {0x111b6, 0x111be}, {0x111c9, 0x111cc}, {0x111cf, 0x111cf},
	{0x1122f, 0x11231}, {0x11234, 0x11234}, {0x11236, 0x11237}, {0x1123e, 0x1123e},
	{0x112df, 0x112df}, {0x112e3, 0x112ea}, {0x11300, 0x11301}, {0x1133b, 0x1133c},
	{0x11340, 0x11340}, {0x11366, 0x11374}, {0x11438, 0x1143f}, {0x11442, 0x11444},
	{0x11446, 0x11446}, {0x1145e, 0x1145e}, {0x114b3, 0x114b8}, {0x114ba, 0x114ba},
	{0x114bf, 0x114c0}, {0x114c2, 0x114c3}, {0x115b2, 0x115b5}, {0x115bc, 0x115bd},
	{0x115bf, 0x115c0}, {0x115dc, 0x115dd}, {0x11633, 0x1163a}, {0x1163d, 0x1163d},
	{0x1163f, 0x11640}, {0x116ab, 0x116ab}, {0x116ad, 0x116ad}, {0x116b0, 0x116b5},
	{0x116b7, 0x116b7}, {0x1171d, 0x1171f}, {0x11722, 0x11725}, {0x11727, 0x1172b},
	{0x1182f, 0x11837}, {0x11839, 0x1183a}, {0x1193b, 0x1193c}, {0x1193e, 0x1193e},
	{0x11943, 0x11943}, {0x119d4, 0x119db}, {0x119e0, 0x119e0}, {0x11a01, 0x11a0a},
	{0x11a33, 0x11a38}, {0x11a3b, 0x11a3e}, {0x11a47, 0x11a47}, {0x11a51, 0x11a56},
	{0x11a59, 0x11a5b}, {0x11a8a, 0x11a96}, {0x11a98, 0x11a99}, {0x11c30, 0x11c3d},
	{0x11c3f, 0x11c3f}, {0x11c92, 0x11ca7}, {0x11caa, 0x11cb0}, {0x11cb2, 0x11cb3},
	{0x11cb5, 0x11cb6}, {0x11d31, 0x11d45}, {0x11d47, 0x11d47}, {0x11d90, 0x11d91},
	{0x11d95, 0x11d95}, {0x11d97, 0x11d97}, {0x11ef3, 0x11ef4}, {0x13430, 0x13438},
	{0x16af0, 0x16af4}, {0x16b30, 0x16b36}, {0x16f4f, 0x16f4f}, {0x16f8f, 0x16f92},
	{0x16fe4, 0x16fe4}, {0x1bc9d, 0x1bc9e}, {0x1bca0, 0x1cf46}, {0x1d167, 0x1d169},
	{0x1d173, 0x1d182}, {0x1d185, 0x1d18b}, {0x1d1aa, 0x1d1ad}, {0x1d242, 0x1d244},
	{0x1da00, 0x1da36}, {0x1da3b, 0x1da6c}, {0x1da75, 0x1da75}, {0x1da84, 0x1da84},
	{0x1da9b, 0x1daaf}, {0x1e000, 0x1e02a}, {0x1e130, 0x1e136}, {0x1e2ae, 0x1e2ae},
	{0x1e2ec, 0x1e2ef}, {0x1e8d0, 0x1e8d6}, {0x1e944, 0x1e94a}, {0xe0001, 0xe01ef},
};

static const struct width_range double_width[] = {
	{0x1100, 0x115f},   {0x231a, 0x231b},	{0x2329, 0x232a},   {0x23e9, 0x23ec},
	{0x23f0, 0x23f0},   {0x23f3, 0x23f3},	{0x25fd, 0x25fe},   {0x2614, 0x2615},
	{0x2648, 0x2653},   {0x267f, 0x267f},	{0x2693, 0x2693},   {0x26a1, 0x26a1},
	{0x26aa, 0x26ab},   {0x26bd, 0x26be},	{0x26c4, 0x26c5},   {0x26ce, 0x26ce},
	{0x26d4, 0x26d4},   {0x26ea, 0x26ea},	{0x26f2, 0x26f3},   {0x26f5, 0x26f5},
	{0x26fa, 0x26fa},   {0x26fd, 0x26fd},	{0x2705, 0x2705},   {0x270a, 0x270b},
	{0x2728, 0x2728},   {0x274c, 0x274c},	{0x274e, 0x274e},   {0x2753, 0x2755},
	{0x2757, 0x2757},   {0x2795, 0x2797},	{0x27b0, 0x27b0},   {0x27bf, 0x27bf},
	{0x2b1b, 0x2b1c},   {0x2b50, 0x2b50},	{0x2b55, 0x2b55},   {0x2e80, 0x3029},
	{0x302e, 0x303e},   {0x3041, 0x3096},	{0x309b, 0x3247},   {0x3250, 0x4dbf},
	{0x4e00, 0xa4c6},   {0xa960, 0xa97c},	{0xac00, 0xd7a3},   {0xf900, 0xfad9},
	{0xfe10, 0xfe19},   {0xfe30, 0xfe6b},	{0xff01, 0xff60},   {0xffe0, 0xffe6},
	{0x16fe0, 0x16fe3}, {0x16ff0, 0x1b2fb}, {0x1f004, 0x1f004}, {0x1f0cf, 0x1f0cf},
	{0x1f18e, 0x1f18e}, {0x1f191, 0x1f19a}, {0x1f1e6, 0x1f320}, {0x1f32d, 0x1f335},
	{0x1f337, 0x1f37c}, {0x1f37e, 0x1f393}, {0x1f3a0, 0x1f3ca}, {0x1f3cf, 0x1f3d3},
	{0x1f3e0, 0x1f3f0}, {0x1f3f4, 0x1f3f4}, {0x1f3f8, 0x1f43e}, {0x1f440, 0x1f440},
	{0x1f442, 0x1f4fc}, {0x1f4ff, 0x1f53d}, {0x1f54b, 0x1f54e}, {0x1f550, 0x1f567},
	{0x1f57a, 0x1f57a}, {0x1f595, 0x1f596}, {0x1f5a4, 0x1f5a4}, {0x1f5fb, 0x1f64f},
	{0x1f680, 0x1f6c5}, {0x1f6cc, 0x1f6cc}, {0x1f6d0, 0x1f6d2}, {0x1f6d5, 0x1f6df},
	{0x1f6eb, 0x1f6ec}, {0x1f6f4, 0x1f6fc}, {0x1f7e0, 0x1f7f0}, {0x1f90c, 0x1f93a},
	{0x1f93c, 0x1f945}, {0x1f947, 0x1f9ff}, {0x1fa70, 0x1faff}, {0x20000, 0x3fffd},
};

static int code_point_width(uint32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (in_ranges(cp, zero_width, IL_ARRAY_LEN(zero_width)))
		return 0;
	if (in_ranges(cp, double_width, IL_ARRAY_LEN(double_width)))
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
	const char *columns = getenv("COLUMNS");
	struct winsize ws;

	if (!isatty(fd))
		return 0;
	/* COLUMNS first, as less(1) and ls(1) read it: a user who sets it
	 * means it, and a terminal that tells no size still has one. */
	if (columns && *columns >= '1' && *columns <= '9') {
		char *end;
		long n;

		errno = 0;
		n = strtol(columns, &end, 10);
		if (*end == '\0' && errno == 0 && n <= 100000)
			return (int)n;
	}
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

bool il_use_color(int fd)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (no_color && *no_color)
		return false;
	/* As git does: without TERM, or with TERM=dumb, the terminal is
	 * taken to know no escapes. */
	if (!term || !*term || strcmp(term, "dumb") == 0)
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
