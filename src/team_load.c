/*
 * team: the packets into the team database, read and stored side by side.
 * Two threads read the packets (files, JSON, every field's rules:
 * team_packets.c), the even ones and the odd ones, each on a connection of
 * its own, and hand their achievements over in chunks through a short
 * queue each; this thread stores them, packet after packet in the order
 * named, so the team database is the same whichever reader is ahead.
 * Reading takes about twice what storing does, so two readers and one
 * storer keep both cores busy.  A queue holds at most QUEUE_MAX chunks, so
 * memory stays flat however many packets there are.
 *
 * A reader that fails ends its queue with its message; the storer prints
 * it when it comes to that packet, and so tells only the first bad packet
 * in order, as reading them one by one would.  A storer that fails, or
 * that has met a bad packet, stops both readers at their next chunk.
 */

#include "team_internal.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#define QUEUE_MAX 8
#define READERS	  2

struct queue {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct il_team_chunk *chunks[QUEUE_MAX];
	size_t head, len;
	bool done;	  /* the reader has ended */
	size_t failed_at; /* ... at this packet, with MESSAGE (SIZE_MAX: it did not) */
	struct il_buf message;
	bool stopped; /* the storer is done with it: the reader stops */
};

struct reader {
	struct queue q;
	pthread_t thread;
	size_t first; /* the packets FIRST, FIRST + READERS, ... */
	char *const *paths;
	size_t len;
	struct il_date today;
};

/* The reader's il_team_emit: waits for room, unless the storer stopped. */
static int push(void *ctx, struct il_team_chunk *chunk)
{
	struct queue *q = ctx;
	struct il_team_chunk *copy = il_xmalloc(sizeof(*copy));
	bool stopped;

	*copy = *chunk;
	pthread_mutex_lock(&q->lock);
	while (q->len == QUEUE_MAX && !q->stopped)
		pthread_cond_wait(&q->changed, &q->lock);
	stopped = q->stopped;
	if (!stopped) {
		q->chunks[(q->head + q->len++) % QUEUE_MAX] = copy;
		pthread_cond_broadcast(&q->changed);
	}
	pthread_mutex_unlock(&q->lock);
	if (stopped) {
		il_team_chunk_free(copy);
		free(copy);
		return -1;
	}
	return 0;
}

static void *read_all(void *arg)
{
	struct reader *r = arg;
	struct il_buf message = {0};
	struct il_db json;
	size_t failed_at = SIZE_MAX;
	int rc = il_db_open_memory(&json, "team packets");

	if (rc < 0)
		failed_at = r->first;
	for (size_t i = r->first; rc == 0 && i < r->len; i += READERS)
		if ((rc = il_team_parse_packet(&json, r->paths[i], i, r->today, push, &r->q,
					       &message)) < 0)
			failed_at = i;
	if (json.handle)
		il_db_close(&json);
	pthread_mutex_lock(&r->q.lock);
	r->q.done = true;
	r->q.failed_at = failed_at;
	r->q.message = message;
	pthread_cond_broadcast(&r->q.changed);
	pthread_mutex_unlock(&r->q.lock);
	return NULL;
}

/* The next chunk, or NULL once the reader has ended and all are taken. */
static struct il_team_chunk *pop(struct queue *q)
{
	struct il_team_chunk *chunk = NULL;

	pthread_mutex_lock(&q->lock);
	while (q->len == 0 && !q->done)
		pthread_cond_wait(&q->changed, &q->lock);
	if (q->len > 0) {
		chunk = q->chunks[q->head];
		q->head = (q->head + 1) % QUEUE_MAX;
		q->len--;
		pthread_cond_broadcast(&q->changed);
	}
	pthread_mutex_unlock(&q->lock);
	return chunk;
}

/* The reader stops, and what it queued goes. */
static void stop(struct queue *q)
{
	struct il_team_chunk *chunk;

	pthread_mutex_lock(&q->lock);
	q->stopped = true;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->lock);
	while ((chunk = pop(q))) {
		il_team_chunk_free(chunk);
		free(chunk);
	}
}

/* Stores packet INDEX, whose chunks come from Q.  Returns 0, or -1 after
 * one line: its reader's (it ended without the packet's last chunk), or
 * the database's. */
static int store_packet(struct il_db *db, struct il_team_load *load, struct queue *q, size_t index)
{
	struct il_team_chunk *chunk;
	int rc = 0;
	bool last = false;

	while (rc == 0 && !last && (chunk = pop(q))) {
		last = chunk->last;
		rc = il_team_store_chunk(db, load, chunk);
		il_team_chunk_free(chunk);
		free(chunk);
	}
	if (rc == 0 && !last) {
		/* The reader failed on this packet (a failure further on would
		 * have left this one's chunks queued). */
		if (q->failed_at == index && q->message.len)
			il_error("%s", il_buf_str(&q->message));
		rc = -1;
	}
	return rc;
}

static int store_all(struct il_db *db, struct reader *readers, size_t len)
{
	struct il_team_load load = {0};
	int rc = il_achievement_bulk_begin(db, &load.bulk, true);

	load.bulk.unsearched = true;
	load.bulk.unindexed = true;
	for (size_t i = 0; rc == 0 && i < len; i++)
		rc = store_packet(db, &load, &readers[i % READERS].q, i);
	for (size_t r = 0; r < READERS; r++)
		stop(&readers[r].q);
	if (rc == 0)
		rc = il_achievement_bulk_end(db, &load.bulk);
	il_achievement_bulk_free(&load.bulk);
	return rc;
}

int il_team_load(struct il_db *db, char *const *paths, size_t len, struct il_date today)
{
	struct reader readers[READERS];
	size_t started = 0;
	int rc = -1;

	if (il_db_begin(db) < 0)
		return -1;
	for (size_t r = 0; r < READERS; r++) {
		readers[r] =
			(struct reader){.first = r, .paths = paths, .len = len, .today = today};
		readers[r].q.failed_at = SIZE_MAX;
		pthread_mutex_init(&readers[r].q.lock, NULL);
		pthread_cond_init(&readers[r].q.changed, NULL);
	}
	for (; started < READERS; started++)
		if (pthread_create(&readers[started].thread, NULL, read_all, &readers[started]) !=
		    0)
			break;
	if (started < READERS) {
		il_error("cannot start a thread to read the packets");
		for (size_t r = 0; r < started; r++)
			stop(&readers[r].q);
	} else {
		rc = store_all(db, readers, len);
	}
	for (size_t r = 0; r < READERS; r++) {
		if (r < started)
			pthread_join(readers[r].thread, NULL);
		il_buf_free(&readers[r].q.message);
		pthread_mutex_destroy(&readers[r].q.lock);
		pthread_cond_destroy(&readers[r].q.changed);
	}
	if (rc < 0)
		il_db_rollback(db);
	return rc;
}
