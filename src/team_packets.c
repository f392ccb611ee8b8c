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
	struct il_db *db;
	const char *file; /* as named; "-" reads as "standard input" */
	struct il_buf text;
	struct il_date today;
	struct il_buf why; /* the message, without the file's name */
	struct il_team_packet head;
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

/* --- The packet's own keys ------------------------------------------------ */

/* A statement with the JSON TEXT bound as ?1 and PATH as ?2. */
static sqlite3_stmt *members(struct packet *p, const char *text, size_t len, const char *path)
{
	sqlite3_stmt *stmt = il_db_cached(p->db, il_report_sql("team_packet.sql"));

	if (!stmt)
		return NULL;
	if (sqlite3_bind_text(stmt, 1, text, (int)len, SQLITE_STATIC) != SQLITE_OK ||
	    il_bind_text(p->db, stmt, 2, path) < 0) {
		il_db_error(p->db, sqlite3_errcode(p->db->handle), NULL);
		return NULL;
	}
	return stmt;
}

/* A text member: a string, or null for none ("" then). */
static int text_member(struct packet *p, const char *key, const char *type, const char *value,
		       char **out)
{
	char why[256];
	char *trimmed;

	if (strcmp(type, "null") == 0)
		return 0;
	if (strcmp(type, "text") != 0)
		return fail(p, "key '%s': must be a string or null, not %s", key,
			    il_json_type_phrase(type));
	trimmed = il_text_trim(value);
	if (il_text_check(trimmed, 200, true, why, sizeof(why)) < 0) {
		free(trimmed);
		return fail(p, "key '%s': %s", key, why);
	}
	free(*out);
	*out = trimmed;
	return 0;
}

static int date_member(struct packet *p, const char *key, const char *type, const char *value,
		       bool nullable, char out[11])
{
	struct il_date d;
	const char *why;

	if (nullable && strcmp(type, "null") == 0)
		return 0;
	if (strcmp(type, "text") != 0)
		return fail(p, "key '%s': must be a date YYYY-MM-DD%s, not %s", key,
			    nullable ? " or null" : "", il_json_type_phrase(type));
	if ((why = il_parse_date(value, &d)))
		return fail(p, "key '%s': '%s' %s", key, value, why);
	il_date_format(d, out);
	return 0;
}

/* One of the KEYS of an object, or -1 with the message for another. */
static int known_key(struct packet *p, const char *object, const char *key, const char *const *keys,
		     size_t count)
{
	struct il_buf list = {0};

	for (size_t i = 0; i < count; i++)
		if (strcmp(key, keys[i]) == 0)
			return (int)i;
	for (size_t i = 0; i < count; i++)
		il_buf_printf(&list, "%s%s", i ? ", " : "", keys[i]);
	fail(p, "%s: unknown key '%.40s' (keys: %s)", object, key, il_buf_str(&list));
	il_buf_free(&list);
	return -1;
}

enum { PROFILE_NAME, PROFILE_LEVEL, PROFILE_TRACK, PROFILE_TARGET_LEVEL, PROFILE_MANAGER };

static int read_profile(struct packet *p, const char *text)
{
	static const char *const keys[] = {"name", "level", "track", "target_level", "manager"};
	char **slots[] = {&p->head.name, &p->head.level, &p->head.track, &p->head.target_level,
			  &p->head.manager};
	sqlite3_stmt *stmt = members(p, text, strlen(text), "$");
	int rc, k = 0;

	if (!stmt)
		return -1;
	while ((rc = il_db_step(p->db, stmt)) == SQLITE_ROW) {
		const char *key = il_column_text(stmt, 0);

		if ((k = known_key(p, "profile", key, keys, 5)) < 0 ||
		    text_member(p, key, il_column_text(stmt, 1), il_column_text(stmt, 2),
				slots[k]) < 0)
			break;
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int read_period(struct packet *p, const char *text)
{
	static const char *const keys[] = {"cycle", "since", "until"};
	sqlite3_stmt *stmt = members(p, text, strlen(text), "$");
	struct il_range range;
	int rc, k = 0;

	if (!stmt)
		return -1;
	while ((rc = il_db_step(p->db, stmt)) == SQLITE_ROW) {
		const char *key = il_column_text(stmt, 0), *type = il_column_text(stmt, 1);
		const char *value = il_column_text(stmt, 2);

		if ((k = known_key(p, "period", key, keys, 3)) < 0)
			break;
		if (k == 0 && strcmp(type, "null") != 0) {
			if (strcmp(type, "text") != 0) {
				fail(p,
				     "key 'cycle': must be a cycle such as 2026-H2 or null, not %s",
				     il_json_type_phrase(type));
				break;
			}
			if (il_parse_cycle(value, &range)) {
				fail(p,
				     "key 'cycle': '%.40s' is not a cycle (2026, 2026-H1, 2026-Q3)",
				     value);
				break;
			}
			snprintf(p->head.cycle, sizeof(p->head.cycle), "%s", value);
		} else if (k > 0 && date_member(p, key, type, value, true,
						k == 1 ? p->head.since : p->head.until) < 0) {
			break;
		}
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The filters the packet was made with: checked, for they say what it
 * holds, but the team's own filters choose what the view counts. */
static int read_filters(struct packet *p, const char *text)
{
	static const char *const keys[] = {"tag", "org", "project", "search"};
	sqlite3_stmt *stmt = members(p, text, strlen(text), "$");
	int rc;

	if (!stmt)
		return -1;
	while ((rc = il_db_step(p->db, stmt)) == SQLITE_ROW) {
		const char *key = il_column_text(stmt, 0), *type = il_column_text(stmt, 1);
		char *value = NULL;

		if (known_key(p, "filters", key, keys, 4) < 0 ||
		    text_member(p, key, type, il_column_text(stmt, 2), &value) < 0)
			break;
		if (strcmp(key, "tag") == 0 && value && il_tag_parse(value) == IL_TAG_NONE) {
			fail(p, "key 'tag': '%.40s' is not a tag", value);
			free(value);
			break;
		}
		free(value);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
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

/* The JSON type each key must have, and how a message says so. */
static const char *const packet_types[KEY_COUNT] = {
	"integer", "text", "object", "object", "object", "boolean", "array",
};

struct top {
	char *type[KEY_COUNT];	/* NULL for a key not there */
	char *value[KEY_COUNT]; /* its value: text, or an object's JSON */
	char *unknown;		/* the first key not in packet_keys */
	bool not_object;	/* the document is an array or a lone value */
	bool twice;		/* a key given twice */
	char *twice_key;
};

static void top_free(struct top *t)
{
	for (int k = 0; k < KEY_COUNT; k++) {
		free(t->type[k]);
		free(t->value[k]);
	}
	free(t->unknown);
	free(t->twice_key);
}

static int read_top(struct packet *p, struct top *t)
{
	sqlite3_stmt *stmt = members(p, p->text.data, p->text.len, "$");
	int rc;

	if (!stmt)
		return -1;
	while ((rc = il_db_step(p->db, stmt)) == SQLITE_ROW) {
		const char *key = il_column_text(stmt, 0);
		int k = 0;

		if (sqlite3_column_type(stmt, 0) != SQLITE_TEXT) {
			t->not_object = true;
			break;
		}
		while (k < KEY_COUNT && strcmp(key, packet_keys[k]) != 0)
			k++;
		if (k == KEY_COUNT) {
			if (!t->unknown)
				t->unknown = il_xstrdup(key);
			continue;
		}
		if (t->type[k]) {
			t->twice = true;
			if (!t->twice_key)
				t->twice_key = il_xstrdup(key);
			continue;
		}
		t->type[k] = il_xstrdup(il_column_text(stmt, 1));
		/* The achievements are read apart, by their own statement. */
		t->value[k] = il_xstrdup(il_column_text(stmt, 2));
	}
	sqlite3_reset(stmt);
	/* An array or a lone value stops the walk early: read_packet says so. */
	return rc == SQLITE_DONE || t->not_object ? 0 : -1;
}

static bool has_type(const struct top *t, int k)
{
	const char *type = t->type[k];

	if (strcmp(packet_types[k], "boolean") == 0)
		return strcmp(type, "true") == 0 || strcmp(type, "false") == 0;
	return strcmp(type, packet_types[k]) == 0;
}

static const char *type_wanted(int k)
{
	switch (k) {
	case KEY_VERSION:
		return "the number 1";
	case KEY_GENERATED:
		return "a date YYYY-MM-DD";
	case KEY_REDACTED:
		return "true or false";
	case KEY_ACHIEVEMENTS:
		return "an array";
	default:
		return "an object";
	}
}

/* The version first: a later one may have keys this program has never
 * heard of. */
static int check_version(struct packet *p, const struct top *t)
{
	double version;

	if (!t->type[KEY_VERSION])
		return fail(p, "not an impactlog packet (no key 'impactlog_packet'; "
			       "'impactlog report --json' writes one)");
	/* An integer past 64 bits reads as "1.0e+20": atoll would make it 1. */
	if (!has_type(t, KEY_VERSION) || (version = strtod(t->value[KEY_VERSION], NULL)) < 1)
		return fail(p, "key 'impactlog_packet': must be the number %d, not %s",
			    IL_PACKET_VERSION,
			    has_type(t, KEY_VERSION) ? t->value[KEY_VERSION]
						     : il_json_type_phrase(t->type[KEY_VERSION]));
	if (version > IL_PACKET_VERSION)
		return fail(p,
			    "packet version %s is newer than this impactlog reads (%d); "
			    "upgrade impactlog",
			    t->value[KEY_VERSION], IL_PACKET_VERSION);
	return 0;
}

static int read_head(struct packet *p, struct top *t)
{
	if (check_version(p, t) < 0)
		return -1;
	if (t->unknown)
		return fail(p,
			    "unknown key '%.40s' (a packet has impactlog_packet, generated, "
			    "profile, period, filters, redacted, achievements)",
			    t->unknown);
	if (t->twice)
		return fail(p, "key '%s' appears twice", t->twice_key);
	for (int k = 0; k < KEY_COUNT; k++) {
		if (!t->type[k] && k != KEY_FILTERS)
			return fail(p, "no key '%s'", packet_keys[k]);
		if (t->type[k] && !has_type(t, k))
			return fail(p, "key '%s': must be %s, not %s", packet_keys[k],
				    type_wanted(k), il_json_type_phrase(t->type[k]));
	}
	p->head.redacted = strcmp(t->type[KEY_REDACTED], "true") == 0;
	if (date_member(p, "generated", "text", t->value[KEY_GENERATED], false, p->head.generated) <
		    0 ||
	    read_profile(p, t->value[KEY_PROFILE]) < 0 || read_period(p, t->value[KEY_PERIOD]) < 0)
		return -1;
	return t->type[KEY_FILTERS] ? read_filters(p, t->value[KEY_FILTERS]) : 0;
}

/* --- The achievements ----------------------------------------------------- */

struct entry {
	struct packet *p;
	long index; /* 1-based */
	struct il_achievement a;
	unsigned seen;
	int64_t id;	/* the "id" member */
	int64_t member; /* the node id of the member being read */
	int list;	/* the list field it is, or -1 */
	long item;	/* 1-based, within a list */
	bool open;	/* an entry is being read */
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

static int begin_member(struct entry *e, sqlite3_stmt *row)
{
	const char *key = il_column_text(row, 3), *type = il_column_text(row, 4);
	struct il_buf why = {0};
	int field, rc = 0;

	e->member = sqlite3_column_int64(row, 2);
	e->list = -1;
	e->item = 0;
	if (strcmp(key, "id") == 0) {
		if (e->seen & SEEN_ID)
			return entry_fail(e, "key 'id' appears twice");
		e->seen |= SEEN_ID;
		if (strcmp(type, "integer") != 0 || (e->id = sqlite3_column_int64(row, 5)) < 1)
			return entry_fail(e, "key 'id': must be a whole number from 1, not %s",
					  strcmp(type, "integer") == 0 ? il_column_text(row, 5)
								       : il_json_type_phrase(type));
		return 0;
	}
	if ((field = il_field_by_column(key)) < 0) {
		return entry_fail(e,
				  "unknown key '%.40s' (an achievement has id and the keys of "
				  "'impactlog list --format json')",
				  key);
	}
	if (e->seen & (1u << field))
		return entry_fail(e, "key '%s' appears twice", key);
	e->seen |= 1u << field;
	if (strcmp(type, "null") == 0)
		return 0;
	if (il_fields[field].is_list) {
		if (strcmp(type, "array") != 0)
			return entry_fail(e, "key '%s': must be an array of strings, not %s", key,
					  il_json_type_phrase(type));
		e->list = field;
		return 0;
	}
	if (il_json_set_field(&e->a, field, type,
			      il_json_is_number(type) ? il_column_text(row, 6)
						      : il_column_text(row, 5),
			      sqlite3_column_double(row, 5), e->p->today, &why) < 0)
		rc = field_fail(e, &why);
	il_buf_free(&why);
	return rc;
}

/* One item of the list being read; an item of only white space is none,
 * as in a CSV list. */
static int list_item(struct entry *e, sqlite3_stmt *row)
{
	const char *type = il_column_text(row, 7), *text = il_column_text(row, 8);
	struct il_buf why = {0};
	int rc = 0;

	e->item++;
	if (strcmp(type, "text") != 0)
		return entry_fail(e, "key '%s': must be an array of strings; item %ld is %s",
				  il_fields[e->list].column, e->item, il_json_type_phrase(type));
	if (il_text_blank(text))
		return 0;
	if (il_json_set_field(&e->a, e->list, "text", text, 0, e->p->today, &why) < 0)
		rc = field_fail(e, &why);
	il_buf_free(&why);
	return rc;
}

static int store_entry(struct entry *e, struct il_team_load *load)
{
	struct il_diag diag;
	sqlite3_stmt *stmt;
	char uid[32];

	if (!(e->seen & SEEN_ID))
		return entry_fail(e, "no key 'id' (the achievement's id in its log)");
	if (il_achievement_check(&e->a, &diag) < 0)
		return entry_fail(e, "key '%s': %s", il_fields[diag.field].column, diag.message);
	/* Uids are unique to one log; here they need only be unique. */
	snprintf(uid, sizeof(uid), "%lld.%ld", (long long)load->person_id, e->index);
	free(e->a.uid);
	e->a.uid = il_xstrdup(uid);
	if (il_achievement_bulk_insert(e->p->db, &load->bulk, &e->a) < 0 ||
	    !(stmt = il_db_cached(e->p->db, il_report_sql("team_claim_insert.sql"))) ||
	    il_bind_int(e->p->db, stmt, 1, e->a.id) < 0 ||
	    il_bind_int(e->p->db, stmt, 2, load->person_id) < 0 ||
	    il_bind_int(e->p->db, stmt, 3, e->id) < 0 || il_db_run(e->p->db, stmt) < 0)
		return -1;
	return 0;
}

static void entry_begin(struct entry *e, long index)
{
	il_achievement_free(&e->a);
	il_achievement_init(&e->a, e->p->today);
	e->index = index;
	e->seen = 0;
	e->id = 0;
	e->member = -1;
	e->list = -1;
	e->open = true;
}

static int entry_row(struct entry *e, sqlite3_stmt *row)
{
	const char *type = il_column_text(row, 1);

	if (strcmp(type, "object") != 0)
		return entry_fail(e, "must be an object, not %s", il_json_type_phrase(type));
	if (sqlite3_column_type(row, 2) == SQLITE_NULL)
		return 0; /* {}: il_achievement_check says what it lacks */
	if (sqlite3_column_int64(row, 2) != e->member && begin_member(e, row) < 0)
		return -1;
	if (e->list >= 0 && sqlite3_column_type(row, 7) != SQLITE_NULL)
		return list_item(e, row);
	return 0;
}

static int read_entries(struct packet *p, struct il_team_load *load)
{
	static const char path[] = "$.achievements";
	sqlite3_stmt *stmt = il_db_cached(p->db, il_report_sql("team_entries.sql"));
	struct entry e = {.p = p};
	int rc = 0, step;

	if (!stmt)
		return -1;
	/* The array's own text would be a copy: json_each takes the path. */
	if (sqlite3_bind_text(stmt, 1, p->text.data, (int)p->text.len, SQLITE_STATIC) !=
		    SQLITE_OK ||
	    il_bind_text(p->db, stmt, 2, path) < 0)
		return -1;
	il_achievement_init(&e.a, p->today);
	while (rc == 0 && (step = il_db_step(p->db, stmt)) == SQLITE_ROW) {
		long index = sqlite3_column_int64(stmt, 0) + 1;

		if (!e.open || index != e.index) {
			if (e.open && store_entry(&e, load) < 0) {
				rc = -1;
				break;
			}
			entry_begin(&e, index);
			load->count++;
		}
		rc = entry_row(&e, stmt);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = -1;
	if (rc == 0 && e.open)
		rc = store_entry(&e, load);
	sqlite3_reset(stmt);
	il_achievement_free(&e.a);
	return rc;
}

/* --- One packet ----------------------------------------------------------- */

static int insert_person(struct packet *p, struct il_team_load *load)
{
	struct il_team_packet *h = &p->head;
	const char *values[] = {p->file,    h->name,  h->level, h->track, h->target_level,
				h->manager, h->cycle, h->since, h->until, h->generated};
	sqlite3_stmt *stmt = il_db_cached(p->db, il_report_sql("team_person_insert.sql"));
	int rc;

	if (!stmt)
		return -1;
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		if (il_bind_text(p->db, stmt, (int)i + 1, values[i] ? values[i] : "") < 0)
			return -1;
	if (il_bind_int(p->db, stmt, 11, h->redacted) < 0)
		return -1;
	if ((rc = il_db_step(p->db, stmt)) == SQLITE_ROW)
		load->person_id = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}

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

static int read_packet(struct packet *p, struct il_team_load *load)
{
	struct top t = {0};
	int rc;

	if (read_file(p) < 0)
		return -1;
	if (p->text.len >= 3 && memcmp(p->text.data, "\xEF\xBB\xBF", 3) == 0) {
		memmove(p->text.data, p->text.data + 3, p->text.len - 3);
		p->text.len -= 3;
	}
	if (p->text.len == 0)
		return fail(p, "empty: not a packet ('impactlog report --json' writes one)");
	if (il_json_check_text(p->db->handle, p->text.data, p->text.len, &p->why) < 0)
		return -1;
	rc = read_top(p, &t);
	if (rc == 0 && (t.not_object || (!t.type[0] && !t.unknown && !t.twice))) {
		/* An array, a lone value, or {}. */
		rc = fail(p, "not an impactlog packet (a JSON object written by "
			     "'impactlog report --json')");
	}
	if (rc == 0)
		rc = read_head(p, &t);
	top_free(&t);
	if (rc == 0 && !*p->head.name) {
		free(p->head.name);
		p->head.name = name_of_file(p->file);
	}
	if (rc == 0)
		rc = insert_person(p, load);
	return rc == 0 ? read_entries(p, load) : -1;
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

int il_team_read_packet(struct il_db *db, const char *file, struct il_date today,
			struct il_team_load *load)
{
	struct packet p = {.db = db, .file = file, .today = today};
	int rc = read_packet(&p, load);

	/* A database error has had its own line. */
	if (rc < 0 && p.why.len)
		il_error("%s: %s", file_name(file), il_buf_str(&p.why));
	il_team_packet_free(&p.head);
	il_buf_free(&p.text);
	il_buf_free(&p.why);
	return rc;
}
