#ifndef IMPACTLOG_TEAM_INTERNAL_H
#define IMPACTLOG_TEAM_INTERNAL_H

/*
 * The team view's internals, shared by its own files: team_packets.c
 * (packets in), team.c (the model) and its layouts.  What the rest of
 * impactlog calls is in impactlog/team.h.
 */

#include "impactlog/achievement.h"
#include "impactlog/team.h"

/* A packet's own keys, as read. */
struct il_team_packet {
	char *name, *level, *track, *target_level, *manager; /* NULL: not given */
	char cycle[16];					     /* "" for none */
	char since[11], until[11];			     /* "" for an open end */
	char generated[11];
	bool redacted;
};

/* What a packet holds, handed on as it is read: its achievements in
 * chunks of at most IL_TEAM_CHUNK, the last chunk with the packet's own
 * keys, which may come after the achievements in the file. */
#define IL_TEAM_CHUNK 256
struct il_team_chunk {
	size_t packet;		  /* its place among the packets named, from 0 */
	const char *file;	  /* as named */
	struct il_achievement *a; /* checked; each id is the id in its person's log */
	size_t len;
	bool last; /* the packet's last chunk: HEAD is read */
	struct il_team_packet head;
};

/* Takes CHUNK, which is its to free (il_team_chunk_free) even on
 * failure; returns 0, or -1 to stop the reading. */
typedef int il_team_emit(void *ctx, struct il_team_chunk *chunk);

/* Reads FILE ("-": standard input), the INDEX-th packet named, handing
 * its chunks to EMIT.  JSON is a connection for SQLite's JSON functions,
 * apart from the team database.  Returns 0, or -1 with ERROR holding the
 * line that names the file and what is wrong, for the caller to print
 * (empty when EMIT refused, or after a database error's own line): with
 * packets read side by side, only the first bad one in order is told. */
int il_team_parse_packet(struct il_db *json, const char *file, size_t index, struct il_date today,
			 il_team_emit *emit, void *ctx, struct il_buf *error);
/* The same for the LEN bytes at TEXT, a packet called NAME (the fuzz
 * target's way in). */
int il_team_parse_text(struct il_db *json, const char *name, const char *text, size_t len,
		       struct il_date today, il_team_emit *emit, void *ctx, struct il_buf *error);
void il_team_chunk_free(struct il_team_chunk *c);
void il_team_packet_free(struct il_team_packet *h);

/* The load of all packets into the team database: one transaction, one
 * bulk load. */
struct il_team_load {
	struct il_bulk bulk;
	long count; /* achievements stored so far */
};

/* Stores CHUNK: its achievements, whose they are, and with the last
 * chunk the person, whose id is the packet's place + 1.  CHUNK's
 * achievements are changed (uids, ids).  Returns 0, or -1 after one line. */
int il_team_store_chunk(struct il_db *db, struct il_team_load *load, struct il_team_chunk *chunk);

/* Reads the packets PATHS into DB, two threads reading and this one
 * storing (team_load.c).  Returns 0, or -1 after one line. */
int il_team_load(struct il_db *db, char *const *paths, size_t len, struct il_date today);

/* What the over-claims section says when it has none: with redacted
 * packets, that none could be matched on them (team_out.c). */
void il_team_no_overclaims(const struct il_team *team, struct il_buf *out);

#endif
