/*
 * team: packets in.  Each file is read whole (at most IL_PACKET_BYTES_MAX),
 * checked as JSON text (il_json_check_text), and walked by SQLite's JSON
 * functions: its top-level members by reports/team_packet.sql, and all of
 * its achievements by one statement, reports/team_entries.sql, so that a
 * thousand packets cost a few statements each rather than one per key.
 * Every field goes through il_json_set_field and il_achievement_check,
 * the rules of add --json.  Achievements are stored by the bulk loader,
 * one transaction for all packets.
 *
 * Messages name the file, and the entry (1-based) and key where there is
 * one: "team-a.json: entry 3: key 'share': '140' is not a percentage from
 * 0 to 100".
 */

#include "team_internal.h"

#include "impactlog/embed.h"
#include "impactlog/json_in.h"
#include "impactlog/parse.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The pseudo-field "id", the achievement's id in its person's log. */
#define SEEN_ID (1u << IL_FIELD_COUNT)

struct packet {
	struct il_db *db; /* a connection for the JSON functions */
	const char *file; /* as named; "-" reads as "standard input" */
	size_t index;	  /* its place among the packets named */
	il_team_emit *emit;
	void *emit_ctx;
	struct il_team_chunk chunk; /* the achievements read and not yet emitted */
	struct il_buf text;
	struct il_date today;
	struct il_buf why; /* the message, without the file's name */
	struct il_team_packet head;
	unsigned seen;	  /* bit (1u << key) for each of the packet's keys met */
	size_t number_at; /* where the next number of the text is looked for */
};

IL_PRINTF(2, 3) static int fail(struct packet *p, const char *fmt, ...)
{
	va_list ap;

	il_buf_reset(&p->why);
	va_start(ap, fmt);
	il_buf_vprintf(&p->why, fmt, ap);
	va_end(ap);
	return -1;
}

static const char *file_name(const char *file)
{
	return strcmp(file, "-") == 0 ? "standard input" : file;
}

/* --- Reading the file ------------------------------------------------------ */

static int read_fd(struct packet *p, int fd)
{
	char chunk[65536];
	ssize_t n;

	while ((n = read(fd, chunk, sizeof(chunk))) > 0) {
		if (p->text.len + (size_t)n > IL_PACKET_BYTES_MAX)
			return fail(p, "more than %ld MiB: not a packet impactlog writes",
				    IL_PACKET_BYTES_MAX / (1024 * 1024));
		il_buf_append(&p->text, chunk, (size_t)n);
	}
	if (n < 0)
		return fail(p, "cannot read: %s", strerror(errno));
	return 0;
}

static int read_file(struct packet *p)
{
	struct stat st;
	int fd, rc;

	if (strcmp(p->file, "-") == 0)
		return read_fd(p, STDIN_FILENO);
	if ((fd = open(p->file, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return fail(p, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) < 0) {
		rc = fail(p, "cannot read: %s", strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		rc = fail(p, "is a folder, not a packet");
	} else if (S_ISREG(st.st_mode) && st.st_size > IL_PACKET_BYTES_MAX) {
		rc = fail(p, "more than %ld MiB: not a packet impactlog writes",
			  IL_PACKET_BYTES_MAX / (1024 * 1024));
	} else {
		/* A FIFO was opened without waiting for a writer; reads wait. */
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
		rc = read_fd(p, fd);
	}
	close(fd);
	return rc;
}

/* TEXT of the packet's, as a message quotes it: "'2026-02-30'", cut to
 * fit, and never a second line or bytes that are not UTF-8. */
static const char *shown(const char *text, char out[IL_QUOTED_SIZE])
{
	if (il_utf8_length(text, strlen(text)) < 0 || il_has_control(text, true)) {
		snprintf(out, IL_QUOTED_SIZE, "(text with control characters or invalid UTF-8)");
		return out;
	}
	return il_quoted(text, out);
}

/* --- The walk --------------------------------------------------------------- */

/* One node of json_tree, in document order. */
struct node {
	int64_t id;
	int64_t parent;	  /* -1 for the document itself */
	const char *key;  /* an object member's name; "" for an array element */
	long long index;  /* an array element's index */
	const char *type; /* json_tree's: "object", "text", "integer", ... */
	const char *text; /* a string's text, a number as written; "" otherwise */
	double number;
};

/* The number as written: json_tree gives a number's value, which might
 * differ in its last bit from what the digits say, so the text is read
 * from the document.  json_tree meets nodes in document order, so the
 * k-th number node is the k-th number outside strings. */
static const char *next_number(struct packet *p, struct il_buf *out)
{
	const char *t = p->text.data, *end = t + p->text.len;
	const char *at = t + p->number_at;

	while (at < end && *at != '-' && !(*at >= '0' && *at <= '9')) {
		if (*at == '"') {
			for (at++; at < end && *at != '"'; at++)
				at += *at == '\\';
		} else if (*at == 't' || *at == 'f' || *at == 'n') {
			at += strspn(at, "truefalsn") - 1; /* a literal: no digit in it */
		}
		at++;
	}
	const char *start = at;

	while (at < end && strchr("+-.eE0123456789", *at))
		at++;
	p->number_at = (size_t)(at - t);
	il_buf_reset(out);
	il_buf_append(out, start, (size_t)(at - start));
	return il_buf_str(out);
}

/* --- The packet's own keys ------------------------------------------------ */

/* A text member: a string, or null for none. */
static int text_member(struct packet *p, const char *object, const struct node *n, char **out)
{
	char why[256];
	char *trimmed;

	if (strcmp(n->type, "null") == 0)
		return 0;
	if (strcmp(n->type, "text") != 0)
		return fail(p, "%s: key '%s': must be a string or null, not %s", object, n->key,
			    il_json_type_phrase(n->type));
	trimmed = il_text_trim(n->text);
	if (il_text_check(trimmed, 200, true, why, sizeof(why)) < 0) {
		free(trimmed);
		return fail(p, "%s: key '%s': %s", object, n->key, why);
	}
	free(*out);
	*out = trimmed;
	return 0;
}

static int date_member(struct packet *p, const char *object, const struct node *n, bool nullable,
		       char out[11])
{
	char quoted[IL_QUOTED_SIZE];
	struct il_date d;
	const char *why;

	if (nullable && strcmp(n->type, "null") == 0)
		return 0;
	if (strcmp(n->type, "text") != 0)
		return fail(p, "%skey '%s': must be a date YYYY-MM-DD%s, not %s", object, n->key,
			    nullable ? " or null" : "", il_json_type_phrase(n->type));
	if ((why = il_parse_date(n->text, &d)))
		return fail(p, "%skey '%s': %s %s", object, n->key, shown(n->text, quoted), why);
	il_date_format(d, out);
	return 0;
}

/* The index of KEY among the COUNT keys of OBJECT, or -1 after the
 * message for another. */
static int known_key(struct packet *p, const char *object, const char *key, const char *const *keys,
		     int count)
{
	char quoted[IL_QUOTED_SIZE];
	struct il_buf list = {0};

	for (int i = 0; i < count; i++)
		if (strcmp(key, keys[i]) == 0)
			return i;
	for (int i = 0; i < count; i++)
		il_buf_printf(&list, "%s%s", i ? ", " : "", keys[i]);
	fail(p, "%s%sunknown key %s (%s has %s)", object, *object ? ": " : "", shown(key, quoted),
	     *object ? object : "a packet", il_buf_str(&list));
	il_buf_free(&list);
	return -1;
}

enum head { HEAD_PROFILE, HEAD_PERIOD, HEAD_FILTERS, HEADS };

static int profile_member(struct packet *p, const struct node *n)
{
	static const char *const keys[] = {"name", "level", "track", "target_level", "manager"};
	char **slots[] = {&p->head.name, &p->head.level, &p->head.track, &p->head.target_level,
			  &p->head.manager};
	int k = known_key(p, "profile", n->key, keys, 5);

	return k < 0 ? -1 : text_member(p, "profile", n, slots[k]);
}

static int period_member(struct packet *p, const struct node *n)
{
	char quoted[IL_QUOTED_SIZE];
	static const char *const keys[] = {"cycle", "since", "until"};
	struct il_range range;
	int k = known_key(p, "period", n->key, keys, 3);

	if (k < 0)
		return -1;
	if (k > 0)
		return date_member(p, "period: ", n, true, k == 1 ? p->head.since : p->head.until);
	if (strcmp(n->type, "null") == 0)
		return 0;
	if (strcmp(n->type, "text") != 0)
		return fail(p,
			    "period: key 'cycle': must be a cycle such as 2026-H2 or null, not %s",
			    il_json_type_phrase(n->type));
	if (il_parse_cycle(n->text, &range))
		return fail(p, "period: key 'cycle': %s is not a cycle (2026, 2026-H1, 2026-Q3)",
			    shown(n->text, quoted));
	snprintf(p->head.cycle, sizeof(p->head.cycle), "%s", n->text);
	return 0;
}

/* The filters the packet was made with: checked, for they say what it
 * holds, but the team's own filters choose what the view counts. */
static int filters_member(struct packet *p, const struct node *n)
{
	char quoted[IL_QUOTED_SIZE];
	static const char *const keys[] = {"tag", "org", "project", "search"};
	char *value = NULL;
	int rc = 0;

	if (known_key(p, "filters", n->key, keys, 4) < 0 ||
	    text_member(p, "filters", n, &value) < 0)
		return -1;
	if (strcmp(n->key, "tag") == 0 && value && il_tag_parse(value) == IL_TAG_NONE)
		rc = fail(p, "filters: key 'tag': %s is not a tag", shown(value, quoted));
	free(value);
	return rc;
}

enum packet_key {
	KEY_VERSION,
	KEY_GENERATED,
	KEY_PROFILE,
	KEY_PERIOD,
	KEY_FILTERS,
	KEY_REDACTED,
	KEY_ACHIEVEMENTS,
	KEY_COUNT
};

static const char *const packet_keys[KEY_COUNT] = {
	"impactlog_packet", "generated", "profile", "period", "filters", "redacted", "achievements",
};

/* What each key must be, as json_tree types it and as a message says it. */
static const char *const packet_types[KEY_COUNT] = {
	"integer", "text", "object", "object", "object", "boolean", "array",
};

static const char *const packet_wanted[KEY_COUNT] = {
	"the number 1", "a date YYYY-MM-DD", "an object", "an object",
	"an object",	"true or false",     "an array",
};

static bool has_type(int k, const char *type)
{
	if (strcmp(packet_types[k], "boolean") == 0)
		return strcmp(type, "true") == 0 || strcmp(type, "false") == 0;
	return strcmp(type, packet_types[k]) == 0;
}

/* The version first, before any other key is read: a later version may
 * have keys this program has never heard of. */
static int check_version(struct packet *p)
{
	sqlite3_stmt *stmt = il_db_cached(p->db, il_report_sql("team_packet.sql"));
	const char *type, *version_type;
	double version;
	int rc;

	if (!stmt ||
	    sqlite3_bind_text(stmt, 1, p->text.data, (int)p->text.len, SQLITE_STATIC) != SQLITE_OK)
		return -1;
	if (il_db_step(p->db, stmt) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		return -1;
	}
	type = il_column_text(stmt, 0);
	version_type = il_column_text(stmt, 1);
	/* An integer past 64 bits reads as "1.0e+20": as a double, it stays
	 * past 1. */
	version = sqlite3_column_double(stmt, 2);
	if (strcmp(type, "object") != 0)
		rc = fail(p,
			  "not an impactlog packet (it is %s; 'impactlog report --json' writes "
			  "a packet, a JSON object)",
			  il_json_type_phrase(type));
	else if (!*version_type)
		rc = fail(p, "not an impactlog packet (no key 'impactlog_packet'; "
			     "'impactlog report --json' writes one)");
	else if (strcmp(version_type, "integer") != 0 || version < 1)
		rc = fail(p, "key 'impactlog_packet': must be the number %d, not %s",
			  IL_PACKET_VERSION,
			  strcmp(version_type, "integer") == 0 ? il_column_text(stmt, 2)
							       : il_json_type_phrase(version_type));
	else if (version > IL_PACKET_VERSION)
		rc = fail(p,
			  "packet version %s is newer than this impactlog reads (%d); "
			  "upgrade impactlog",
			  il_column_text(stmt, 2), IL_PACKET_VERSION);
	else
		rc = 0;
	sqlite3_reset(stmt);
	return rc;
}

/* A member of the packet itself. */
static int top_member(struct packet *p, const struct node *n, int *key)
{
	int k = known_key(p, "", n->key, packet_keys, KEY_COUNT);

	if (k < 0)
		return -1;
	if (p->seen & (1u << k))
		return fail(p, "key '%s' appears twice", n->key);
	p->seen |= 1u << k;
	if (!has_type(k, n->type))
		return fail(p, "key '%s': must be %s, not %s", n->key, packet_wanted[k],
			    il_json_type_phrase(n->type));
	*key = k;
	if (k == KEY_GENERATED)
		return date_member(p, "", n, false, p->head.generated);
	if (k == KEY_REDACTED)
		p->head.redacted = strcmp(n->type, "true") == 0;
	return 0;
}

/* The keys a packet must have, once it has all been read. */
static int check_complete(struct packet *p)
{
	for (int k = 0; k < KEY_COUNT; k++)
		if (!(p->seen & (1u << k)) && k != KEY_FILTERS)
			return fail(p, "no key '%s'", packet_keys[k]);
	return 0;
}

/* --- The achievements ----------------------------------------------------- */

struct entry {
	struct packet *p;
	long index; /* 1-based */
	struct il_achievement a;
	unsigned seen;
	int64_t id; /* the "id" member */
	int list;   /* the list field being read, or -1 */
	long item;  /* 1-based, within that list */
	bool open;  /* an entry is being read */
};

IL_PRINTF(2, 3) static int entry_fail(struct entry *e, const char *fmt, ...)
{
	struct il_buf message = {0};
	va_list ap;

	va_start(ap, fmt);
	il_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	fail(e->p, "entry %ld: %s", e->index, il_buf_str(&message));
	il_buf_free(&message);
	return -1;
}

/* A message of il_json_set_field's ("'share': ..."), for entry E. */
static int field_fail(struct entry *e, const struct il_buf *why)
{
	return entry_fail(e, "key %s", il_buf_str(why));
}

/* A member of an achievement; a list's items follow as nodes of their own. */
static int entry_member(struct entry *e, const struct node *n)
{
	char quoted[IL_QUOTED_SIZE];
	struct il_buf why = {0};
	int field, rc = 0;

	e->list = -1;
	e->item = 0;
	if (strcmp(n->key, "id") == 0) {
		if (e->seen & SEEN_ID)
			return entry_fail(e, "key 'id' appears twice");
		e->seen |= SEEN_ID;
		if (strcmp(n->type, "integer") != 0 || (e->id = (int64_t)n->number) < 1)
			return entry_fail(e, "key 'id': must be a whole number from 1, not %s",
					  strcmp(n->type, "integer") == 0
						  ? n->text
						  : il_json_type_phrase(n->type));
		return 0;
	}
	if ((field = il_field_by_column(n->key)) < 0)
		return entry_fail(e,
				  "unknown key %s (an achievement has id and the keys of "
				  "'impactlog list --format json')",
				  shown(n->key, quoted));
	if (e->seen & (1u << field))
		return entry_fail(e, "key '%s' appears twice", n->key);
	e->seen |= 1u << field;
	if (strcmp(n->type, "null") == 0)
		return 0;
	if (il_fields[field].is_list) {
		if (strcmp(n->type, "array") != 0)
			return entry_fail(e, "key '%s': must be an array of strings, not %s",
					  n->key, il_json_type_phrase(n->type));
		e->list = field;
		return 0;
	}
	if (il_json_set_field(&e->a, field, n->type, n->text, n->number, e->p->today, &why) < 0)
		rc = field_fail(e, &why);
	il_buf_free(&why);
	return rc;
}

/* One item of the list being read; an item of only white space is none,
 * as in a CSV list. */
static int list_item(struct entry *e, const struct node *n)
{
	struct il_buf why = {0};
	int rc = 0;

	e->item++;
	if (strcmp(n->type, "text") != 0)
		return entry_fail(e, "key '%s': must be an array of strings; item %ld is %s",
				  il_fields[e->list].column, e->item, il_json_type_phrase(n->type));
	if (il_text_blank(n->text))
		return 0;
	if (il_json_set_field(&e->a, e->list, "text", n->text, 0, e->p->today, &why) < 0)
		rc = field_fail(e, &why);
	il_buf_free(&why);
	return rc;
}

/* Hands the chunk on, and starts a new one. */
static int emit(struct packet *p, bool last)
{
	struct il_team_chunk *c = &p->chunk;
	int rc;

	c->packet = p->index;
	c->file = p->file;
	c->last = last;
	if (last) {
		c->head = p->head;
		p->head = (struct il_team_packet){0};
	}
	rc = p->emit(p->emit_ctx, c);
	*c = (struct il_team_chunk){0};
	return rc;
}

/* The entry read, checked, goes into the chunk, with its id in its log
 * as its id. */
static int keep_entry(struct entry *e)
{
	struct il_team_chunk *c = &e->p->chunk;
	struct il_diag diag;

	e->open = false;
	if (!(e->seen & SEEN_ID))
		return entry_fail(e, "no key 'id' (the achievement's id in its log)");
	if (il_achievement_check(&e->a, &diag) < 0)
		return entry_fail(e, "key '%s': %s", il_fields[diag.field].column, diag.message);
	if (!c->a)
		c->a = il_xcalloc(IL_TEAM_CHUNK, sizeof(*c->a));
	c->a[c->len] = e->a;
	c->a[c->len++].id = e->id;
	il_achievement_init(&e->a, e->p->today);
	return c->len == IL_TEAM_CHUNK ? emit(e->p, false) : 0;
}

static int entry_begin(struct entry *e, const struct node *n)
{
	il_achievement_free(&e->a);
	il_achievement_init(&e->a, e->p->today);
	e->index = (long)n->index + 1;
	e->seen = 0;
	e->id = 0;
	e->list = -1;
	e->open = true;
	if (strcmp(n->type, "object") != 0)
		return entry_fail(e, "must be an object, not %s", il_json_type_phrase(n->type));
	return 0;
}

/* --- Walking the nodes ------------------------------------------------------ */

/* What a container node is, for the nodes inside it. */
enum role { ROLE_PACKET, ROLE_HEAD, ROLE_ACHIEVEMENTS, ROLE_ENTRY, ROLE_LIST };

/* The packet, the achievements, an entry and a list: whatever lies deeper
 * is inside a value already refused for its type. */
#define WALK_DEPTH 4

struct walk {
	struct packet *p;
	struct entry e;
	int depth;
	int64_t id[WALK_DEPTH];
	enum role role[WALK_DEPTH];
	int head[WALK_DEPTH]; /* ROLE_HEAD: which one */
};

static void push(struct walk *w, const struct node *n, enum role role, int head)
{
	w->id[w->depth] = n->id;
	w->role[w->depth] = role;
	w->head[w->depth] = head;
	w->depth++;
}

static int visit(struct walk *w, const struct node *n)
{
	struct packet *p = w->p;
	int key = -1;

	if (n->parent < 0) {
		push(w, n, ROLE_PACKET, 0);
		return 0;
	}
	/* Nodes come in document order: leave the containers that ended. */
	while (w->depth > 0 && w->id[w->depth - 1] != n->parent)
		w->depth--;
	if (w->depth == 0)
		return fail(p, "not valid JSON");
	switch (w->role[w->depth - 1]) {
	case ROLE_PACKET:
		if (top_member(p, n, &key) < 0)
			return -1;
		if (key == KEY_ACHIEVEMENTS)
			push(w, n, ROLE_ACHIEVEMENTS, 0);
		else if (key == KEY_PROFILE || key == KEY_PERIOD || key == KEY_FILTERS)
			push(w, n, ROLE_HEAD,
			     key == KEY_PROFILE	 ? HEAD_PROFILE
			     : key == KEY_PERIOD ? HEAD_PERIOD
						 : HEAD_FILTERS);
		return 0;
	case ROLE_HEAD:
		switch (w->head[w->depth - 1]) {
		case HEAD_PROFILE:
			return profile_member(p, n);
		case HEAD_PERIOD:
			return period_member(p, n);
		default:
			return filters_member(p, n);
		}
	case ROLE_ACHIEVEMENTS:
		if (w->e.open && keep_entry(&w->e) < 0)
			return -1;
		if (entry_begin(&w->e, n) < 0)
			return -1;
		push(w, n, ROLE_ENTRY, 0);
		return 0;
	case ROLE_ENTRY:
		if (entry_member(&w->e, n) < 0)
			return -1;
		if (w->e.list >= 0)
			push(w, n, ROLE_LIST, 0);
		return 0;
	default:
		return list_item(&w->e, n);
	}
}

/* One node of team_nodes.sql: id, parent, key, type, atom. */
static void read_node(struct packet *p, sqlite3_stmt *row, struct node *n, struct il_buf *number)
{
	n->id = sqlite3_column_int64(row, 0);
	n->parent = sqlite3_column_type(row, 1) == SQLITE_NULL ? -1 : sqlite3_column_int64(row, 1);
	n->index = sqlite3_column_int64(row, 2);
	n->key = sqlite3_column_type(row, 2) == SQLITE_TEXT ? il_column_text(row, 2) : "";
	n->type = il_column_text(row, 3);
	n->number = sqlite3_column_double(row, 4);
	if (il_json_is_number(n->type))
		n->text = next_number(p, number);
	else
		n->text = strcmp(n->type, "text") == 0 ? il_column_text(row, 4) : "";
}

static int walk(struct packet *p)
{
	sqlite3_stmt *stmt = il_db_cached(p->db, il_report_sql("team_nodes.sql"));
	struct walk w = {.p = p, .e = {.p = p, .list = -1}};
	struct il_buf number = {0};
	struct node n;
	int rc = 0, step;

	if (!stmt ||
	    sqlite3_bind_text(stmt, 1, p->text.data, (int)p->text.len, SQLITE_STATIC) != SQLITE_OK)
		return -1;
	il_achievement_init(&w.e.a, p->today);
	p->number_at = 0;
	while (rc == 0 && (step = il_db_step(p->db, stmt)) == SQLITE_ROW) {
		read_node(p, stmt, &n, &number);
		rc = visit(&w, &n);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = -1;
	if (rc == 0 && w.e.open)
		rc = keep_entry(&w.e);
	sqlite3_reset(stmt);
	il_achievement_free(&w.e.a);
	il_buf_free(&number);
	return rc == 0 ? check_complete(p) : -1;
}

/* --- One packet ----------------------------------------------------------- */

/* The name a packet without one goes by: its file's, without .json. */
static char *name_of_file(const char *file)
{
	const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	size_t len = strlen(base);

	if (strcmp(file, "-") == 0)
		return il_xstrdup("standard input");
	if (len > 5 && strcmp(base + len - 5, ".json") == 0)
		len -= 5;
	return il_xstrndup(base, len);
}

/* The packet's text, read: its keys and achievements. */
static int parse_text(struct packet *p)
{
	if (p->text.len >= 3 && memcmp(p->text.data, "\xEF\xBB\xBF", 3) == 0) {
		memmove(p->text.data, p->text.data + 3, p->text.len - 3);
		p->text.len -= 3;
	}
	if (p->text.len == 0)
		return fail(p, "empty: not a packet ('impactlog report --json' writes one)");
	if (il_json_check_text(p->db->handle, p->text.data, p->text.len, &p->why) < 0 ||
	    check_version(p) < 0 || walk(p) < 0)
		return -1;
	if (!p->head.name || !*p->head.name) {
		free(p->head.name);
		p->head.name = name_of_file(p->file);
	}
	return emit(p, true);
}

void il_team_packet_free(struct il_team_packet *h)
{
	free(h->name);
	free(h->level);
	free(h->track);
	free(h->target_level);
	free(h->manager);
	*h = (struct il_team_packet){0};
}

void il_team_chunk_free(struct il_team_chunk *c)
{
	for (size_t i = 0; i < c->len; i++)
		il_achievement_free(&c->a[i]);
	free(c->a);
	il_team_packet_free(&c->head);
	*c = (struct il_team_chunk){0};
}

static int parse(struct packet *p, const char *text, size_t len, struct il_buf *error)
{
	int rc = text		    ? (il_buf_append(&p->text, text, len), parse_text(p))
		 : read_file(p) < 0 ? -1
				    : parse_text(p);

	/* A database error has had its own line, and a refused emit is the
	 * receiver's to tell. */
	il_buf_reset(error);
	if (rc < 0 && p->why.len)
		il_buf_printf(error, "%s: %s", file_name(p->file), il_buf_str(&p->why));
	il_team_chunk_free(&p->chunk);
	il_team_packet_free(&p->head);
	il_buf_free(&p->text);
	il_buf_free(&p->why);
	return rc;
}

int il_team_parse_packet(struct il_db *json, const char *file, size_t index, struct il_date today,
			 il_team_emit *emit_chunk, void *ctx, struct il_buf *error)
{
	struct packet p = {.db = json,
			   .file = file,
			   .index = index,
			   .emit = emit_chunk,
			   .emit_ctx = ctx,
			   .today = today};

	return parse(&p, NULL, 0, error);
}

int il_team_parse_text(struct il_db *json, const char *name, const char *text, size_t len,
		       struct il_date today, il_team_emit *emit_chunk, void *ctx,
		       struct il_buf *error)
{
	struct packet p = {
		.db = json, .file = name, .emit = emit_chunk, .emit_ctx = ctx, .today = today};

	return parse(&p, text, len, error);
}

/* --- Storing what was read --------------------------------------------------- */

static int insert_person(struct il_db *db, const struct il_team_chunk *c, int64_t person)
{
	const struct il_team_packet *h = &c->head;
	const char *values[] = {c->file,    h->name,  h->level, h->track, h->target_level,
				h->manager, h->cycle, h->since, h->until, h->generated};
	sqlite3_stmt *stmt = il_db_cached(db, il_report_sql("team_person_insert.sql"));

	if (!stmt)
		return -1;
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		if (il_bind_text(db, stmt, (int)i + 1, values[i] ? values[i] : "") < 0)
			return -1;
	if (il_bind_int(db, stmt, 11, h->redacted) < 0 || il_bind_int(db, stmt, 12, person) < 0)
		return -1;
	return il_db_run(db, stmt);
}

int il_team_store_chunk(struct il_db *db, struct il_team_load *load, struct il_team_chunk *c)
{
	int64_t person = (int64_t)c->packet + 1;

	for (size_t i = 0; i < c->len; i++) {
		struct il_achievement *a = &c->a[i];
		int64_t packet_id = a->id;
		sqlite3_stmt *stmt;
		char uid[48];

		/* Uids are unique to one log; here they need only be unique. */
		snprintf(uid, sizeof(uid), "%lld.%lld", (long long)person, (long long)packet_id);
		free(a->uid);
		a->uid = il_xstrdup(uid);
		a->id = 0;
		if (il_achievement_bulk_insert(db, &load->bulk, a) < 0 ||
		    !(stmt = il_db_cached(db, il_report_sql("team_claim_insert.sql"))) ||
		    il_bind_int(db, stmt, 1, a->id) < 0 || il_bind_int(db, stmt, 2, person) < 0 ||
		    il_bind_int(db, stmt, 3, packet_id) < 0 || il_db_run(db, stmt) < 0)
			return -1;
		load->count++;
	}
	return c->last ? insert_person(db, c, person) : 0;
}
