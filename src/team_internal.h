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

/* The load of all packets: one transaction, one bulk load. */
struct il_team_load {
	struct il_bulk bulk;
	int64_t person_id; /* the packet being read */
	long count;	   /* achievements read so far */
};

/* Reads FILE ("-": standard input) into DB as one more person.  Returns 0,
 * or -1 after one line naming the file. */
int il_team_read_packet(struct il_db *db, const char *file, struct il_date today,
			struct il_team_load *load);
void il_team_packet_free(struct il_team_packet *h);

#endif
