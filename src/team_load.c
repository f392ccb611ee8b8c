/*
 * team: the packets into the team database, read and stored side by side.
 * A second thread reads the packets (files, JSON, every field's rules:
 * team_packets.c) on a connection of its own, and hands their
 * achievements over in chunks through a short queue; this thread stores
 * them.  Reading and storing each take about half of the load, so the two
 * at once take about half the time.  The queue holds at most QUEUE_MAX
 * chunks, so memory stays flat however many packets there are.
 *
 * Either side may fail: the reader's failure ends the queue after its
 * message; the storer's stops the reader at its next chunk.  Each prints
 * its own one line, and only the first failure has one.
 */

#include "team_internal.h"

#include <pthread.h>
#include <stdlib.h>

#define QUEUE_MAX 8

struct queue {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct il_team_chunk *chunks[QUEUE_MAX];
	size_t head, len;
	bool done;    /* the reader has ended */
	bool failed;  /* ... with an error, after its message */
	bool stopped; /* the storer failed: the reader stops */
};

struct reader {
	struct queue *q;
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
	struct il_db json;
	int rc = il_db_open_memory(&json, "team packets");

	for (size_t i = 0; rc == 0 && i < r->len; i++)
		rc = il_team_parse_packet(&json, r->paths[i], i, r->today, push, r->q);
	if (json.handle)
		il_db_close(&json);
	pthread_mutex_lock(&r->q->lock);
	r->q->done = true;
	r->q->failed = rc < 0;
	pthread_cond_broadcast(&r->q->changed);
	pthread_mutex_unlock(&r->q->lock);
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

/* After a failure to store: the reader stops, and what it queued goes. */
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

static int store_all(struct il_db *db, struct queue *q)
{
	struct il_team_load load = {0};
	struct il_team_chunk *chunk;
	int rc = il_achievement_bulk_begin(db, &load.bulk, true);

	load.bulk.unsearched = true;
	load.bulk.unindexed = true;
	while (rc == 0 && (chunk = pop(q))) {
		rc = il_team_store_chunk(db, &load, chunk);
		il_team_chunk_free(chunk);
		free(chunk);
	}
	if (rc < 0)
		stop(q);
	else if (q->failed)
		rc = -1;
	else
		rc = il_achievement_bulk_end(db, &load.bulk);
	il_achievement_bulk_free(&load.bulk);
	return rc;
}

int il_team_load(struct il_db *db, char *const *paths, size_t len, struct il_date today)
{
	struct queue q = {.lock = PTHREAD_MUTEX_INITIALIZER, .changed = PTHREAD_COND_INITIALIZER};
	struct reader r = {&q, paths, len, today};
	pthread_t thread;
	int rc;

	if (il_db_begin(db) < 0)
		return -1;
	if (pthread_create(&thread, NULL, read_all, &r) != 0) {
		il_error("cannot start a thread to read the packets");
		il_db_rollback(db);
		return -1;
	}
	rc = store_all(db, &q);
	pthread_join(thread, NULL);
	pthread_mutex_destroy(&q.lock);
	pthread_cond_destroy(&q.changed);
	if (rc < 0)
		il_db_rollback(db);
	return rc;
}
