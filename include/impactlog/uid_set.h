#ifndef IMPACTLOG_UID_SET_H
#define IMPACTLOG_UID_SET_H

/*
 * The uids an import has met and the line that gave each, to catch a uid
 * given twice in one file: the database alone cannot tell a repeat from an
 * earlier import.  An open-addressing hash table over one buffer of names,
 * where a temporary SQLite table cost a statement per record: 27 to 37
 * bytes a uid besides its text.
 */

#include "impactlog/util.h"

#include <stddef.h>
#include <stdint.h>

/* hash: the upper half of the uid's hash, compared before the name;
 * entry: the index in entries plus one, 0 for a free slot. */
struct il_uid_slot {
	uint32_t hash;
	uint32_t entry;
};

struct il_uid_entry {
	size_t name; /* offset in names */
	long line;
};

struct il_uid_set {
	struct il_uid_slot *slots;
	size_t slot_count; /* a power of two, or 0 before the first uid */
	struct il_uid_entry *entries;
	size_t count, capacity;
	struct il_buf names; /* each uid ending in NUL */
};

/* The line that first gave UID: LINE itself when UID is new, which is then
 * remembered with LINE; -1 (with a message) past UINT32_MAX uids. */
long il_uid_set_remember(struct il_uid_set *set, const char *uid, long line);

void il_uid_set_free(struct il_uid_set *set);

/* A uid made from the cells of a record that has none of its own, so
 * that the same record read again gets the same uid: each cell is added
 * with a tag naming what it is, and the NUL ending it, so "ab"+"c" differs
 * from "a"+"bc".  Two FNV-1a style lanes (FNV's prime and a second odd
 * multiplier, so that they do not fail together), each finished by
 * splitmix64's finaliser, give 32 hex digits. */
#define IL_UID_HASH_SIZE 33
struct il_uid_hash {
	uint64_t lanes[2];
};
void il_uid_hash_start(struct il_uid_hash *h);
void il_uid_hash_add(struct il_uid_hash *h, unsigned char tag, const char *text);
void il_uid_hash_end(const struct il_uid_hash *h, char out[IL_UID_HASH_SIZE]);

#endif
