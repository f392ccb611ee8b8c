/* import --from bragfile|jrnl: another tool's JSON export, read by SQLite. */

#include "impactlog/import_json.h"

#include "impactlog/embed.h"
#include "impactlog/json_in.h"
#include "impactlog/uid_set.h"

#include <ctype.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define CHUNK_SIZE    (64 * 1024)
#define TAG_SEPARATOR "\x1f" /* import_jrnl.sql joins the tags with it */

/* The keys each query reads, in its column order after the entry's type:
 * each takes two columns, its JSON type and its value. */
enum bragfile_key { B_ID, B_TITLE, B_DESCRIPTION, B_TAGS, B_PROJECT, B_TYPE, B_IMPACT, B_CREATED };
static const char *const bragfile_keys[] = {"id",      "title", "description", "tags",
					    "project", "type",	"impact",      "created_at"};
enum jrnl_key { J_TITLE, J_BODY, J_DATE, J_TIME, J_TAGS, J_STARRED, J_UUID, J_KEYS };
static const char *const jrnl_keys[] = {"title", "body", "date", "time", "tags", "starred", "uuid"};

struct il_json_in {
	const char *name; /* the file as messages name it */
	enum il_import_from from;
	enum il_tag fallback;
	struct il_date today;
	struct il_progress *progress;
	il_json_entry_fn *entry;
	void *data;

	sqlite3 *db;
	struct il_buf text;
	sqlite3_stmt *stmt; /* the current entry's row */
	long number, count;
	bool derived_uid; /* the current entry's uid is a hash, not its own */
};

int il_import_from_parse(const char *name, enum il_import_from *from)
{
	static const char *const names[] = {"impactlog", "bragfile", "jrnl"};

	for (size_t i = 0; i < IL_ARRAY_LEN(names); i++) {
		if (strcmp(names[i], name) == 0) {
			*from = (enum il_import_from)i;
			return 0;
		}
	}
	return -1;
}

static const char *tool_name(const struct il_json_in *in)
{
	return in->from == IL_FROM_BRAGFILE ? "bragfile" : "jrnl";
}

long il_json_entry_number(const struct il_json_in *in)
{
	return in->number;
}

void il_json_entry_error(struct il_json_in *in, const char *fmt, ...)
{
	char message[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	il_error("%s: entry %ld: %s", in->name, in->number, message);
}

void il_json_entry_duplicate(struct il_json_in *in, long first)
{
	if (in->from == IL_FROM_BRAGFILE)
		il_json_entry_error(in, "key 'id': the same id as entry %ld", first);
	else if (!in->derived_uid)
		il_json_entry_error(in, "key 'uuid': the same uuid as entry %ld", first);
	else
		il_json_entry_error(in,
				    "the same date, time and title as entry %ld (entries without "
				    "a uuid are told apart by these)",
				    first);
}

/* How a JSON type reads in a message, after "not"; NULL: the key is not
 * there. */
static const char *type_phrase(const char *type)
{
	return type ? il_json_type_phrase(type) : "missing";
}

/* Key K's JSON type and value in the current row: columns 1 + 2K, 2 + 2K. */
static const char *key_type(const struct il_json_in *in, int k)
{
	return (const char *)sqlite3_column_text(in->stmt, 1 + 2 * k);
}

static const char *key_text(const struct il_json_in *in, int k)
{
	const char *text = (const char *)sqlite3_column_text(in->stmt, 2 + 2 * k);

	return text ? text : "";
}

static const char *key_name(const struct il_json_in *in, int k)
{
	return in->from == IL_FROM_BRAGFILE ? bragfile_keys[k] : jrnl_keys[k];
}

/* Key K must be there (when REQUIRED) and a string, or null (read as an
 * empty string).  Returns its text, or NULL after the message. */
static const char *string_key(struct il_json_in *in, int k, bool required)
{
	const char *type = key_type(in, k);

	if (!type && !required)
		return "";
	if (!type) {
		il_json_entry_error(in, "key '%s' is missing (%s's export has it)", key_name(in, k),
				    tool_name(in));
		return NULL;
	}
	if (strcmp(type, "null") == 0 && !required)
		return "";
	if (strcmp(type, "text") != 0) {
		il_json_entry_error(in, "key '%s': must be a string, not %s", key_name(in, k),
				    type_phrase(type));
		return NULL;
	}
	return key_text(in, k);
}

/* Sets FIELD from TEXT, naming key K when it is refused.  An empty TEXT is
 * a value not given. */
static int set(struct il_json_in *in, struct il_achievement *a, enum il_field field, int k,
	       const char *text)
{
	struct il_diag diag;

	if (il_text_blank(text) && !il_fields[field].required)
		return 0;
	if (il_achievement_set(a, field, text, in->today, false, &diag) == 0)
		return 0;
	il_json_entry_error(in, "key '%s': %s", key_name(in, k), diag.message);
	return -1;
}

/* A piece of the note, checked before it is joined with the others so
 * that a refusal names its own key. */
static int check_note_part(struct il_json_in *in, int k, const char *text)
{
	char why[256];

	if (il_text_check(text, IL_NOTE_MAX, false, why, sizeof(why)) == 0)
		return 0;
	il_json_entry_error(in, "key '%s': %s", key_name(in, k), why);
	return -1;
}

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* "HH:MM" of a day; with SECONDS, ":SS" (60 for a leap second) follows. */
static const char *parse_time(const char *s, bool seconds)
{
	int n = seconds ? 8 : 5;

	if (!digits(s, 2) || s[2] != ':' || !digits(s + 3, 2) ||
	    (seconds && (s[5] != ':' || !digits(s + 6, 2))))
		return NULL;
	if (atoi(s) > 23 || atoi(s + 3) > 59 || (seconds && atoi(s + 6) > 60))
		return NULL;
	return s + n;
}

/* RFC 3339's date-time: "2024-03-01T09:30:00Z", with fractional seconds
 * ("09:30:00.123Z") and an offset ("+02:00") or Z, in either case as
 * RFC 3339 allows.  Writes the date as written to DATE. */
static bool parse_rfc3339(const char *s, char date[11])
{
	const char *p = s + 11;

	if (strlen(s) < 20 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
	    !digits(s + 8, 2) || (s[10] != 'T' && s[10] != 't') || !(p = parse_time(p, true)))
		return false;
	if (*p == '.') {
		if (!isdigit((unsigned char)*++p))
			return false;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p == 'Z' || *p == 'z')
		p++;
	else if ((*p == '+' || *p == '-') && (p = parse_time(p + 1, false)))
		;
	else
		return false;
	if (*p)
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	return true;
}

/* Sets the date from TEXT, the calendar day, naming key K. */
static int set_date(struct il_json_in *in, struct il_achievement *a, int k, const char *date)
{
	struct il_date day;
	char q[IL_QUOTED_SIZE];
	const char *why;

	/* il_achievement_set would take "today": an export means one day. */
	if ((why = il_parse_date(date, &day))) {
		il_json_entry_error(in, "key '%s': %s %s", key_name(in, k), il_quoted(date, q),
				    why);
		return -1;
	}
	return set(in, a, IL_FIELD_DATE, k, date);
}

/* TEXT names one of our tags, in any case, with or without '@'. */
static enum il_tag our_tag(const char *text)
{
	char *trimmed = il_text_trim(text);
	const char *name = trimmed[0] == '@' ? trimmed + 1 : trimmed;
	enum il_tag tag = IL_TAG_NONE;

	for (int t = IL_TAG_FIRST; t < IL_TAG_COUNT; t++)
		if (strcasecmp(name, il_tag_name((enum il_tag)t)) == 0)
			tag = (enum il_tag)t;
	free(trimmed);
	return tag;
}

/* Chooses the tag among the entry's TAGS (split on SEPARATOR) and keeps
 * the others, as written, in OTHERS ("a, b") for the note. */
static int choose_tag(struct il_json_in *in, struct il_achievement *a, int k, const char *tags,
		      const char *separator, struct il_buf *others)
{
	enum il_tag found = IL_TAG_NONE, second = IL_TAG_NONE;
	struct il_strlist items = {0};
	const char *p = tags;
	int rc = 0;

	while (*p) {
		size_t len = strcspn(p, separator);
		char *item = il_xstrndup(p, len);

		if (!il_text_blank(item))
			il_strlist_push(&items, item);
		free(item);
		p += len;
		if (*p)
			p++;
	}
	for (size_t i = 0; i < items.len; i++) {
		enum il_tag tag = our_tag(items.items[i]);

		if (tag && !found)
			found = tag;
		else if (tag && tag != found && !second)
			second = tag;
	}
	if (second && in->fallback)
		found = IL_TAG_NONE; /* --tag settles it */
	if (second && !in->fallback) {
		il_json_entry_error(in,
				    "key '%s': names two of impactlog's tags, '%s' and '%s' "
				    "(keep one, or choose with --tag)",
				    key_name(in, k), il_tag_name(found), il_tag_name(second));
		rc = -1;
	} else if (!found && !in->fallback) {
		il_json_entry_error(in,
				    "key '%s': no tag names one of impactlog's (prevented-loss, "
				    "enabled-scale or user-growth, with or without '@'); add one "
				    "to the entry, or give --tag",
				    key_name(in, k));
		rc = -1;
	} else {
		a->tag = found ? found : in->fallback;
		a->given |= 1u << IL_FIELD_TAG;
		for (size_t i = 0; i < items.len; i++) {
			char *trimmed = il_text_trim(items.items[i]);

			if (our_tag(trimmed) != found || !found)
				il_buf_printf(others, "%s%s", others->len ? ", " : "", trimmed);
			free(trimmed);
		}
	}
	il_strlist_clear(&items);
	free(items.items);
	return rc;
}

/* Appends PART to NOTE as a paragraph of its own. */
static void add_paragraph(struct il_buf *note, const char *prefix, const char *part)
{
	char *trimmed = il_text_trim(part);

	if (*trimmed)
		il_buf_printf(note, "%s%s%s", note->len ? "\n\n" : "", prefix, trimmed);
	free(trimmed);
}

/* Sets the note from NOTE, which KEY's text began. */
static int set_note(struct il_json_in *in, struct il_achievement *a, int k, struct il_buf *note)
{
	int rc = set(in, a, IL_FIELD_NOTE, k, il_buf_str(note));

	il_buf_free(note);
	return rc;
}

static int read_bragfile(struct il_json_in *in, struct il_achievement *a)
{
	const char *id_type = key_type(in, B_ID), *text[B_CREATED + 1];
	struct il_buf uid = {0}, note = {0}, others = {0}, last = {0};
	char date[11];
	int rc;

	if (!id_type) {
		il_json_entry_error(in, "key 'id' is missing (bragfile's export has it)");
		return -1;
	}
	if (strcmp(id_type, "integer") != 0 && strcmp(id_type, "text") != 0) {
		il_json_entry_error(in, "key 'id': must be a whole number or a string, not %s",
				    type_phrase(id_type));
		return -1;
	}
	for (int k = B_TITLE; k <= B_CREATED; k++)
		if (!(text[k] = string_key(in, k, k == B_TITLE || k == B_CREATED)))
			return -1;
	if (il_text_blank(key_text(in, B_ID))) {
		il_json_entry_error(in, "key 'id': must not be empty");
		return -1;
	}
	il_buf_printf(&uid, "bragfile-%s", key_text(in, B_ID));
	rc = set(in, a, IL_FIELD_UID, B_ID, uid.data);
	il_buf_free(&uid);
	if (rc < 0 || set(in, a, IL_FIELD_TITLE, B_TITLE, text[B_TITLE]) < 0)
		return -1;
	if (!parse_rfc3339(text[B_CREATED], date)) {
		char q[IL_QUOTED_SIZE];

		il_json_entry_error(in,
				    "key 'created_at': %s is not an RFC 3339 time "
				    "(2024-03-01T09:30:00Z)",
				    il_quoted(text[B_CREATED], q));
		return -1;
	}
	if (set_date(in, a, B_CREATED, date) < 0 ||
	    set(in, a, IL_FIELD_PROJECT, B_PROJECT, text[B_PROJECT]) < 0 ||
	    check_note_part(in, B_DESCRIPTION, text[B_DESCRIPTION]) < 0 ||
	    check_note_part(in, B_IMPACT, text[B_IMPACT]) < 0 ||
	    check_note_part(in, B_TYPE, text[B_TYPE]) < 0 ||
	    check_note_part(in, B_TAGS, text[B_TAGS]) < 0 ||
	    choose_tag(in, a, B_TAGS, text[B_TAGS], ",", &others) < 0) {
		il_buf_free(&others);
		return -1;
	}
	add_paragraph(&note, "", text[B_DESCRIPTION]);
	add_paragraph(&note, "Impact: ", text[B_IMPACT]);
	if (!il_text_blank(text[B_TYPE]))
		il_buf_printf(&last, "Type: %s", text[B_TYPE]);
	if (others.len)
		il_buf_printf(&last, "%sTags: %s", last.len ? "\n" : "", others.data);
	add_paragraph(&note, "", il_buf_str(&last));
	il_buf_free(&last);
	il_buf_free(&others);
	return set_note(in, a, B_DESCRIPTION, &note);
}

/* The tags' array: each item a string of one line, as jrnl writes them. */
static int jrnl_tags(struct il_json_in *in, const char **tags)
{
	const char *type = key_type(in, J_TAGS);
	int bad = 1 + 2 * J_KEYS;

	*tags = "";
	if (!type || strcmp(type, "null") == 0)
		return 0;
	if (strcmp(type, "array") != 0) {
		il_json_entry_error(in, "key 'tags': must be an array of strings, not %s",
				    type_phrase(type));
		return -1;
	}
	if (sqlite3_column_type(in->stmt, bad) != SQLITE_NULL) {
		const char *item_type = (const char *)sqlite3_column_text(in->stmt, bad + 1);

		il_json_entry_error(
			in, "key 'tags': item %lld is %s", sqlite3_column_int64(in->stmt, bad) + 1,
			strcmp(item_type, "text") == 0 ? "a string with control characters"
						       : type_phrase(item_type));
		return -1;
	}
	if (sqlite3_column_text(in->stmt, bad + 2))
		*tags = (const char *)sqlite3_column_text(in->stmt, bad + 2);
	return 0;
}

static int jrnl_starred(struct il_json_in *in, bool *starred)
{
	const char *type = key_type(in, J_STARRED);

	*starred = type && strcmp(type, "true") == 0;
	if (!type || strcmp(type, "null") == 0 || strcmp(type, "true") == 0 ||
	    strcmp(type, "false") == 0)
		return 0;
	il_json_entry_error(in, "key 'starred': must be true or false, not %s", type_phrase(type));
	return -1;
}

/* The uid: "jrnl-UUID", or a hash of the cells that tell entries apart. */
static int jrnl_uid(struct il_json_in *in, struct il_achievement *a, const char *uuid,
		    const char *const text[])
{
	struct il_buf uid = {0};
	int rc;

	in->derived_uid = il_text_blank(uuid);
	if (in->derived_uid) {
		struct il_uid_hash hash;
		char digest[IL_UID_HASH_SIZE];

		il_uid_hash_start(&hash);
		il_uid_hash_add(&hash, J_DATE, text[J_DATE]);
		il_uid_hash_add(&hash, J_TIME, text[J_TIME]);
		il_uid_hash_add(&hash, J_TITLE, text[J_TITLE]);
		il_uid_hash_end(&hash, digest);
		il_buf_printf(&uid, "jrnl-%s", digest);
	} else {
		il_buf_printf(&uid, "jrnl-%s", uuid);
	}
	rc = set(in, a, IL_FIELD_UID, J_UUID, uid.data);
	il_buf_free(&uid);
	return rc;
}

static int read_jrnl(struct il_json_in *in, struct il_achievement *a)
{
	const char *text[J_KEYS], *tags;
	struct il_buf note = {0}, others = {0}, last = {0};
	bool starred;
	char q[IL_QUOTED_SIZE];

	for (int k = J_TITLE; k <= J_TIME; k++)
		if (!(text[k] = string_key(in, k, k != J_BODY)))
			return -1;
	if (!(text[J_UUID] = string_key(in, J_UUID, false)) || jrnl_tags(in, &tags) < 0 ||
	    jrnl_starred(in, &starred) < 0)
		return -1;
	if (!parse_time(text[J_TIME], false) || text[J_TIME][5]) {
		il_json_entry_error(in, "key 'time': %s is not a time of day (HH:MM)",
				    il_quoted(text[J_TIME], q));
		return -1;
	}
	if (jrnl_uid(in, a, text[J_UUID], text) < 0 ||
	    set(in, a, IL_FIELD_TITLE, J_TITLE, text[J_TITLE]) < 0 ||
	    set_date(in, a, J_DATE, text[J_DATE]) < 0 ||
	    check_note_part(in, J_BODY, text[J_BODY]) < 0 ||
	    choose_tag(in, a, J_TAGS, tags, TAG_SEPARATOR, &others) < 0) {
		il_buf_free(&others);
		return -1;
	}
	add_paragraph(&note, "", text[J_BODY]);
	if (others.len)
		il_buf_printf(&last, "Tags: %s", others.data);
	if (starred)
		il_buf_printf(&last, "%sStarred in jrnl.", last.len ? "\n" : "");
	add_paragraph(&note, "", il_buf_str(&last));
	il_buf_free(&last);
	il_buf_free(&others);
	return set_note(in, a, J_BODY, &note);
}

static int read_entry(struct il_json_in *in)
{
	const char *type = (const char *)sqlite3_column_text(in->stmt, 0);
	struct il_achievement a;
	struct il_diag diag;
	int rc;

	if (strcmp(type, "object") != 0) {
		il_json_entry_error(in, "must be an object of %s's keys, not %s", tool_name(in),
				    type_phrase(type));
		return -1;
	}
	il_achievement_init(&a, in->today);
	rc = in->from == IL_FROM_BRAGFILE ? read_bragfile(in, &a) : read_jrnl(in, &a);
	if (rc == 0 && il_achievement_check(&a, &diag) < 0) {
		il_json_entry_error(in, "%s: %s", il_fields[diag.field].column, diag.message);
		rc = -1;
	}
	if (rc == 0)
		rc = in->entry(in, &a, in->data);
	il_achievement_free(&a);
	return rc;
}

/* The shape of each tool's export, for a message about a file of
 * another shape. */
static const char *expected(const struct il_json_in *in)
{
	return in->from == IL_FROM_BRAGFILE
		       ? "bragfile's export (brag export --format json) is a JSON array of entries"
		       : "jrnl's export (jrnl --export json) is a JSON object with an 'entries' "
			 "array";
}

static int check_shape(struct il_json_in *in)
{
	sqlite3_stmt *stmt = NULL;
	const char *type, *entries;
	const char *sql = il_report_sql("import_shape.sql");
	int rc = -1;

	if (!sql || sqlite3_prepare_v2(in->db, sql, -1, &stmt, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 1, in->text.data, (int)in->text.len, SQLITE_STATIC) !=
		    SQLITE_OK ||
	    sqlite3_step(stmt) != SQLITE_ROW) {
		il_error("%s: SQLite: %s", in->name, sqlite3_errmsg(in->db));
		goto done;
	}
	type = (const char *)sqlite3_column_text(stmt, 0);
	entries = (const char *)sqlite3_column_text(stmt, 2);
	in->count = sqlite3_column_int64(stmt, 1);
	if (in->from == IL_FROM_BRAGFILE && strcmp(type, "array") != 0)
		il_error("%s: %s, not %s%s", in->name, expected(in), type_phrase(type),
			 entries ? " (for jrnl's export, use --from jrnl)" : "");
	else if (in->from == IL_FROM_JRNL && strcmp(type, "object") != 0)
		il_error("%s: %s, not %s%s", in->name, expected(in), type_phrase(type),
			 strcmp(type, "array") == 0
				 ? " (for bragfile's export, use --from bragfile)"
				 : "");
	else if (in->from == IL_FROM_JRNL && !entries)
		il_error("%s: no key 'entries': %s", in->name, expected(in));
	else if (in->from == IL_FROM_JRNL && strcmp(entries, "array") != 0)
		il_error("%s: key 'entries': must be an array, not %s", in->name,
			 type_phrase(entries));
	else
		rc = 0;
done:
	sqlite3_finalize(stmt);
	return rc;
}

static int read_entries(struct il_json_in *in)
{
	const char *sql = il_report_sql(in->from == IL_FROM_BRAGFILE ? "import_bragfile.sql"
								     : "import_jrnl.sql");
	int rc;

	if (check_shape(in) < 0)
		return -1;
	if (!sql || sqlite3_prepare_v2(in->db, sql, -1, &in->stmt, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(in->stmt, 1, in->text.data, (int)in->text.len, SQLITE_STATIC) !=
		    SQLITE_OK) {
		il_error("%s: SQLite: %s", in->name, sqlite3_errmsg(in->db));
		return -1;
	}
	while ((rc = sqlite3_step(in->stmt)) == SQLITE_ROW) {
		in->number++;
		if (read_entry(in) < 0)
			return -1;
		il_progress_update(in->progress, "importing: %ld%% (%ld of %ld entries)",
				   in->number * 100 / (in->count ? in->count : 1), in->number,
				   in->count);
	}
	if (rc != SQLITE_DONE) {
		il_error("%s: SQLite: %s", in->name, sqlite3_errmsg(in->db));
		return -1;
	}
	return 0;
}

/* A file too large is refused by its size, before it is read; standard
 * input, by what it has given so far. */
static int too_large(const struct il_json_in *in)
{
	il_error("%s: more than %ld MiB: larger than any export impactlog reads", in->name,
		 IL_IMPORT_JSON_MAX >> 20);
	return -1;
}

static int read_file(struct il_json_in *in, const char *path)
{
	FILE *fp = stdin;
	struct stat st;
	char *chunk;
	size_t n;
	int rc = 0;

	if (strcmp(path, "-") != 0 && !(fp = fopen(path, "rb"))) {
		il_error("cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(fp), &st) != 0) {
		il_error("cannot read '%s': %s", in->name, strerror(errno));
		rc = -1;
	} else if (S_ISDIR(st.st_mode)) {
		/* fopen opens a folder; reading it would fail with a vaguer message. */
		il_error("cannot read '%s': %s", in->name, strerror(EISDIR));
		rc = -1;
	} else if (S_ISREG(st.st_mode) && st.st_size > IL_IMPORT_JSON_MAX) {
		rc = too_large(in);
	}
	chunk = il_xmalloc(CHUNK_SIZE);
	while (rc == 0 && (n = fread(chunk, 1, CHUNK_SIZE, fp)) > 0) {
		if (in->text.len + n > (size_t)IL_IMPORT_JSON_MAX)
			rc = too_large(in);
		else
			il_buf_append(&in->text, chunk, n);
		il_progress_update(in->progress, "importing: reading (%zu MiB)",
				   in->text.len >> 20);
	}
	free(chunk);
	if (rc == 0 && ferror(fp)) {
		il_error("cannot read '%s': %s", in->name, strerror(errno ? errno : EIO));
		rc = -1;
	}
	if (fp != stdin)
		fclose(fp);
	return rc;
}

/* The text before SQLite reads it: a UTF-8 byte order mark is skipped, and
 * an empty file is named as such rather than as invalid JSON. */
static int check_text(struct il_json_in *in)
{
	struct il_buf why = {0};
	const char *text = il_buf_str(&in->text);
	size_t skip = in->text.len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	if (skip)
		memmove(in->text.data, in->text.data + skip, (in->text.len -= skip) + 1);
	if (il_text_blank(il_buf_str(&in->text)) &&
	    (!in->text.len || !memchr(in->text.data, '\0', in->text.len))) {
		il_error("%s: empty file: %s", in->name, expected(in));
		return -1;
	}
	if (il_json_check_text(in->db, in->text.data, in->text.len, &why) < 0) {
		il_error("%s: %s; %s", in->name, il_buf_str(&why), expected(in));
		il_buf_free(&why);
		return -1;
	}
	return 0;
}

int il_json_import_read(const char *path, enum il_import_from from, enum il_tag fallback,
			struct il_date today, struct il_progress *progress, il_json_entry_fn *entry,
			void *data)
{
	struct il_json_in in = {
		.name = il_input_name(path),
		.from = from,
		.fallback = fallback,
		.today = today,
		.progress = progress,
		.entry = entry,
		.data = data,
	};
	int rc = -1;

	if (read_file(&in, path) < 0)
		goto done;
	if (sqlite3_open_v2(":memory:", &in.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		il_error("cannot open an in-memory SQLite database: %s",
			 in.db ? sqlite3_errmsg(in.db) : "out of memory");
		goto done;
	}
	if (check_text(&in) == 0 && read_entries(&in) == 0)
		rc = 0;
done:
	il_progress_clear(progress);
	sqlite3_finalize(in.stmt);
	sqlite3_close(in.db);
	il_buf_free(&in.text);
	return rc;
}
