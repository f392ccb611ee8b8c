#ifndef IMPACTLOG_ACHIEVEMENT_H
#define IMPACTLOG_ACHIEVEMENT_H

/*
 * One achievement and the rules for its fields.  The command line, CSV
 * import, JSON input and the editor template all set fields through
 * il_achievement_set() and check the whole through il_achievement_check(),
 * so a value means the same thing wherever it is typed.
 */

#include "impactlog/db.h"
#include "impactlog/parse.h"
#include "impactlog/util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define IL_TITLE_MAX   200   /* characters */
#define IL_NOTE_MAX    10000 /* characters */
#define IL_UNIT_MAX    40    /* characters */
#define IL_PROJECT_MAX 200   /* characters */
#define IL_UID_MAX     64    /* characters */
#define IL_TEXT_MAX    1000  /* characters in a list item */
#define IL_LIST_MAX    100   /* items in orgs, evidence or witnesses */

/* The most bytes an achievement that il_achievement_check passes takes as
 * one CSV record or one JSON object: a character is at most 4 bytes of
 * UTF-8, quoting or escaping at most doubles a 1-byte one, and 4 KiB more
 * holds the numbers, names and punctuation.  Every reader takes at least
 * this much, so whatever add accepts, export writes and import reads back. */
#define IL_RECORD_BYTES_MAX                                                                        \
	(4L * (IL_UID_MAX + IL_TITLE_MAX + IL_UNIT_MAX + IL_PROJECT_MAX + IL_NOTE_MAX +            \
	       3L * IL_LIST_MAX * (IL_TEXT_MAX + 1)) +                                             \
	 4096)

enum il_tag {
	IL_TAG_NONE,
	IL_TAG_PREVENTED_LOSS,
	IL_TAG_ENABLED_SCALE,
	IL_TAG_USER_GROWTH,
};
/* The tags run from IL_TAG_FIRST to IL_TAG_COUNT - 1, in the order every
 * report lists them. */
#define IL_TAG_FIRST IL_TAG_PREVENTED_LOSS
#define IL_TAG_COUNT (IL_TAG_USER_GROWTH + 1)

/* A tag as every part of impactlog names, titles and colours it, written
 * once: il_tags holds one row per tag, indexed by enum il_tag (the row of
 * IL_TAG_NONE is empty). */
struct il_tag_info {
	const char *name;	  /* "prevented-loss": typed, stored and exported */
	const char *heading;	  /* "Prevented loss": a report's heading */
	const char *column;	  /* "Loss": a report's table column */
	const char *short_name;	  /* "loss": in a count, "3 loss" */
	const char *default_unit; /* its values' unit unless the user names one, or NULL */
	const char *color;	  /* on a terminal: an ANSI colour */
	uint32_t rgb;		  /* in the workbook's charts: 0xD4A017 */
};
extern const struct il_tag_info il_tags[IL_TAG_COUNT];

/* TAG's row, for a tag read back from the database: IL_TAG_NONE, which no
 * stored achievement has, reads as the last tag rather than as nothing. */
const struct il_tag_info *il_tag_info(enum il_tag tag);

enum il_confidence {
	IL_CONFIDENCE_MEASURED,
	IL_CONFIDENCE_ESTIMATED,
	IL_CONFIDENCE_PROJECTED,
};

/* The fields a user can set, in CSV column order. */
enum il_field {
	IL_FIELD_UID,
	IL_FIELD_DATE,
	IL_FIELD_TAG,
	IL_FIELD_TITLE,
	IL_FIELD_VALUE,
	IL_FIELD_UNIT,
	IL_FIELD_BASELINE,
	IL_FIELD_SHARE,
	IL_FIELD_TEAM_SIZE,
	IL_FIELD_LIKELIHOOD,
	IL_FIELD_LEAD_DAYS,
	IL_FIELD_CONFIDENCE,
	IL_FIELD_PROJECT,
	IL_FIELD_ORGS,
	IL_FIELD_EVIDENCE,
	IL_FIELD_WITNESSES,
	IL_FIELD_NOTE,
	IL_FIELD_COUNT
};

/* A field's names and its help, written once: the option help of add and
 * edit, the editor's template, `help add`, the man page and the "required"
 * messages are all made from these words. */
struct il_field_info {
	const char *column;	/* CSV column and JSON key: "team_size" */
	const char *option;	/* command-line option: "--team-size" */
	bool is_list;		/* orgs, evidence, witnesses */
	bool optional;		/* may be cleared (set to nothing) */
	bool required;		/* an achievement has none without it */
	const char *metavar;	/* the option's value: "N"; NULL: not an option */
	const char *help;	/* a phrase: "people who delivered it" */
	const char *by_default; /* "1", or NULL: the default, when not in help */
};

extern const struct il_field_info il_fields[IL_FIELD_COUNT];

/* The field whose CSV column or JSON key is NAME; -1 when none is. */
int il_field_by_column(const char *name);

struct il_achievement {
	int64_t id; /* 0 until stored */
	char *uid;  /* NULL: assigned when stored */
	struct il_date date;
	enum il_tag tag;
	char *title;
	bool has_value;
	double value;
	char *unit;
	bool has_baseline;
	double baseline;
	double share;
	long long team_size;
	bool has_likelihood;
	double likelihood;
	bool has_lead_days;
	long long lead_days;
	enum il_confidence confidence;
	char *project;
	char *note;
	struct il_strlist orgs;
	struct il_strlist evidence;
	struct il_strlist witnesses;
	char *deleted_at; /* NULL unless in the trash */
	unsigned given;	  /* bit (1u << field) for each field set explicitly */
};

/* A diagnosis: which field was wrong and why, worded to follow the field's
 * name: "--share: '140' is not a percentage from 0 to 100". */
struct il_diag {
	enum il_field field;
	char message[512];
};

const char *il_tag_name(enum il_tag tag);
enum il_tag il_tag_parse(const char *name);
const char *il_confidence_name(enum il_confidence confidence);

/* An empty achievement with SPEC's defaults, dated TODAY. */
void il_achievement_init(struct il_achievement *a, struct il_date today);
void il_achievement_free(struct il_achievement *a);

/* Sets FIELD from TEXT as typed by a user, without the white space around
 * it (see il_text_trim).  A TEXT empty once trimmed clears an optional
 * field.  A list field gains one item, or with split_lists, the items of
 * a ';'-separated list (see il_list_split).  A unit that is an ISO
 * currency code is stored upper-case; a date after tomorrow is refused. */
int il_achievement_set(struct il_achievement *a, enum il_field field, const char *text,
		       struct il_date today, bool split_lists, struct il_diag *diag);

/* Checks the rules that tie fields together, and fills in defaults that
 * depend on the tag (the unit). */
int il_achievement_check(struct il_achievement *a, struct il_diag *diag);

/* After a change of tag from OLD_TAG, a unit that was only the old tag's
 * default (and not given again) gives way to the new tag's default. */
void il_achievement_retag(struct il_achievement *a, enum il_tag old_tag);

/* Splits a ';'-separated list: "\;" stands for a ';' inside an item and
 * "\\" for a backslash.  Items are trimmed; blank ones are dropped. */
void il_list_split(const char *text, struct il_strlist *out);
/* Joins LIST with ';', escaping as il_list_split expects. */
void il_list_join(const struct il_strlist *list, struct il_buf *out);

/* The rules of text every reader applies, for the fields of an
 * achievement and the profile's alike. */

/* TEXT without the white space around it, newly allocated: ASCII's
 * (spaces, tabs, line ends) and Unicode's spaces (U+00A0, U+2000 to
 * U+200A, U+3000, ...). */
char *il_text_trim(const char *text);
/* Whether TEXT is empty once trimmed. */
bool il_text_blank(const char *text);
/* 0 when TEXT is valid UTF-8 of at most MAX characters without control
 * characters (with single_line, tab and newline count) and without a bidi
 * control or zero-width character (U+200B to U+200D, U+202A to U+202E,
 * U+2066 to U+2069, U+FEFF); otherwise -1, with what is wrong in WHY, a
 * phrase to follow the field's name: "holds U+202E (a bidi override), ...". */
int il_text_check(const char *text, long max, bool single_line, char *why, size_t size);

/* The ISO 4217 currency code UNIT is, whatever its case ("usd": "USD"), or
 * NULL when it is none.  The codes are also listed one by one. */
const char *il_iso_currency(const char *unit);
size_t il_iso_currency_count(void);
const char *il_iso_currency_at(size_t i);

/* Storage.  Callers hold the transaction.  A unit, project or org is
 * stored in the spelling first logged whatever its case ("payments" is
 * stored as "Payments" when that came first), so that every total and
 * count that groups them is exact: insert and update change A's to it. */
int il_achievement_insert(struct il_db *db, struct il_achievement *a);
int il_achievement_update(struct il_db *db, struct il_achievement *a);
/* Bulk loading, inside the caller's transaction: between begin and end,
 * bulk_insert stores achievements, which must have a uid, in batches and
 * without the per-row trigger of the search index; end stores the last
 * batch and indexes every achievement stored since begin in one statement.
 * Into an EMPTY database, the secondary indexes are also dropped at begin
 * and built again at end, from the rows in their order.  bulk_free
 * releases what begin prepared, also for a load that stops before its
 * end. */
#define IL_BULK_TABLES 4 /* achievement and its three lists */
struct il_bulk {
	int64_t first_id;
	int64_t next_id;
	sqlite3_stmt *stmt[IL_BULK_TABLES];
	int rows[IL_BULK_TABLES];	/* bound in stmt so far */
	struct il_strlist indexes;	/* the CREATE INDEX of each dropped index */
	struct il_spellings *spellings; /* those met so far, by case-folded name */
	/* Set after begin, for the scratch database of `team`, which nobody
	 * searches and which its queries read whole: end builds no search
	 * index (unsearched) and none of the secondary indexes begin dropped
	 * (unindexed). */
	bool unsearched;
	bool unindexed;
};
int il_achievement_bulk_begin(struct il_db *db, struct il_bulk *bulk, bool empty);
int il_achievement_bulk_insert(struct il_db *db, struct il_bulk *bulk, struct il_achievement *a);
int il_achievement_bulk_end(struct il_db *db, struct il_bulk *bulk);
void il_achievement_bulk_free(struct il_bulk *bulk);

/* 1 when found, 0 when no such id, -1 on error. */
int il_achievement_load(struct il_db *db, int64_t id, struct il_achievement *a);
/* 1 when any achievement is stored (in the trash too), 0 when none is,
 * -1 on error. */
int il_achievement_any_stored(struct il_db *db);
/* 1 when the uid is already stored, 0 when not, -1 on error. */
int il_achievement_uid_exists(struct il_db *db, const char *uid);

/* Parses "12" or "#12" as an achievement id; 0 when it is not one. */
int64_t il_parse_id(const char *text);

#endif
