#ifndef IMPACTLOG_ACHIEVEMENT_INTERNAL_H
#define IMPACTLOG_ACHIEVEMENT_INTERNAL_H

/* What the files of the achievement module share and no one else sees:
 * the field rules (achievement.c) name the confidences and find a list,
 * which storage (achievement_store.c) and the bulk loader
 * (achievement_bulk.c) use; both of those bind the same columns and take
 * ids the same way.  Everyone else includes impactlog/achievement.h. */

#include "impactlog/achievement.h"

#define IL_CONFIDENCE_COUNT (IL_CONFIDENCE_PROJECTED + 1)

/* Each confidence's name, as typed and stored, indexed by the enum. */
extern const char *const il_confidence_names[IL_CONFIDENCE_COUNT];

/* A's list for FIELD: orgs, evidence or witnesses. */
struct il_strlist *il_achievement_list_of(struct il_achievement *a, enum il_field field);

/* Binds A's stored columns, then its id, after parameter FIRST. */
int il_achievement_bind_columns(struct il_db *db, sqlite3_stmt *stmt, int first,
				const struct il_achievement *a);

/* Units, projects and orgs are one whatever the case of their letters,
 * folded as SQLite's NOCASE folds them: ASCII letters only. */
unsigned char il_fold_case(unsigned char c);
bool il_same_folded(const char *a, const char *b);

/* *NAME, a unit, project or org (FIELD), replaced by the spelling first
 * logged when it differs only in case; a name new to the database is
 * recorded as the spelling.  0, or -1 on error. */
int il_achievement_spelling(struct il_db *db, enum il_field field, char **name);

/* The id the next achievement gets, or -1. */
int64_t il_achievement_next_id(struct il_db *db);

#endif
