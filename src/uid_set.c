/* The uids of one import: a hash table with linear probing. */

#include "impactlog/uid_set.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a, then splitmix64's finaliser: uids that differ in their last
 * digit ("bench-17", "bench-18") must land far apart. */
static uint64_t hash_uid(const char *uid)
{
	uint64_t h = 0xcbf29ce484222325u;

	for (const unsigned char *p = (const unsigned char *)uid; *p; p++)
		h = (h ^ *p) * 0x100000001b3u;
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9u;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebu;
	return h ^ (h >> 31);
}

/* The slot holding UID, or the free slot where it belongs. */
static struct il_uid_slot *find(const struct il_uid_set *set, const char *uid, uint64_t hash)
{
	size_t mask = set->slot_count - 1;

	for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
		struct il_uid_slot *slot = &set->slots[i];

		if (!slot->entry)
			return slot;
		if (slot->hash == (uint32_t)(hash >> 32) &&
		    strcmp(set->names.data + set->entries[slot->entry - 1].name, uid) == 0)
			return slot;
	}
}

/* Doubles the table, keeping it at most three quarters full so that a
 * probe rarely leaves its cache line. */
static void grow_slots(struct il_uid_set *set)
{
	struct il_uid_slot *old = set->slots;
	size_t old_count = set->slot_count;

	set->slot_count = old_count ? old_count * 2 : 1024;
	set->slots = il_xcalloc(set->slot_count, sizeof(*set->slots));
	for (size_t i = 0; i < old_count; i++) {
		const struct il_uid_entry *entry;
		size_t mask = set->slot_count - 1, j;
		uint64_t hash;

		if (!old[i].entry)
			continue;
		entry = &set->entries[old[i].entry - 1];
		hash = hash_uid(set->names.data + entry->name);
		for (j = (size_t)hash & mask; set->slots[j].entry; j = (j + 1) & mask)
			;
		set->slots[j] = old[i];
	}
	free(old);
}

long il_uid_set_remember(struct il_uid_set *set, const char *uid, long line)
{
	struct il_uid_slot *slot;
	uint64_t hash = hash_uid(uid);

	if ((set->count + 1) * 4 > set->slot_count * 3)
		grow_slots(set);
	slot = find(set, uid, hash);
	if (slot->entry)
		return set->entries[slot->entry - 1].line;
	if (set->count == UINT32_MAX) {
		il_error("more than %lu records in one file", (unsigned long)UINT32_MAX);
		return -1;
	}
	if (set->count == set->capacity) {
		set->capacity = set->capacity ? set->capacity * 2 : 1024;
		set->entries = il_xrealloc(set->entries, set->capacity * sizeof(*set->entries));
	}
	set->entries[set->count] = (struct il_uid_entry){set->names.len, line};
	il_buf_append(&set->names, uid, strlen(uid) + 1);
	*slot = (struct il_uid_slot){(uint32_t)(hash >> 32), (uint32_t)++set->count};
	return line;
}

void il_uid_set_free(struct il_uid_set *set)
{
	free(set->slots);
	free(set->entries);
	il_buf_free(&set->names);
	*set = (struct il_uid_set){0};
}

static void hash_bytes(struct il_uid_hash *h, const void *bytes, size_t len)
{
	const unsigned char *p = bytes;

	for (size_t i = 0; i < len; i++) {
		h->lanes[0] = (h->lanes[0] ^ p[i]) * 0x100000001b3u;
		h->lanes[1] = (h->lanes[1] ^ p[i]) * 0x9e3779b97f4a7c15u;
	}
}

static uint64_t mix(uint64_t x)
{
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
	return x ^ (x >> 31);
}

void il_uid_hash_start(struct il_uid_hash *h)
{
	h->lanes[0] = 0xcbf29ce484222325u;
	h->lanes[1] = 0x84222325cbf29ce4u;
}

void il_uid_hash_add(struct il_uid_hash *h, unsigned char tag, const char *text)
{
	hash_bytes(h, &tag, 1);
	hash_bytes(h, text, strlen(text) + 1);
}

void il_uid_hash_end(const struct il_uid_hash *h, char out[IL_UID_HASH_SIZE])
{
	snprintf(out, IL_UID_HASH_SIZE, "%016llx%016llx", (unsigned long long)mix(h->lanes[0]),
		 (unsigned long long)mix(h->lanes[1]));
}
