/* db.c — the driver-independent half of db.h: statement cache, transactions,
 * the connection pool. */
#include "db_impl.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xalloc.h"

struct db *db_open(const char *url, char *err, size_t errlen)
{
	if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0)
		return db_pg_open(url, err, errlen);
	if (strncmp(url, "sqlite:", 7) == 0)
		url += 7;
	if (!*url) {
		snprintf(err, errlen, "empty database path");
		return NULL;
	}
	return db_sqlite_open(url, err, errlen);
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (int i = 0; i < db->ncache; i++) {
		db->drv->finalize(db->cache[i]);
		free(db->cache[i]);
	}
	db->drv->close(db);
	free(db);
}

enum db_kind db_kind(const struct db *db)
{
	return db->kind;
}

const char *db_errmsg(struct db *db)
{
	return db->drv->errmsg(db);
}

/* Find the cached statement for this SQL text or prepare a new one. Returns
 * NULL on a preparation error (a programming error: logged). The cache is a
 * flat array searched by pointer; a page uses a handful of statements and a
 * process a few hundred, so a scan of pointers is cheap. */
struct db_stmt *db_prepare(struct db *db, const char *sql)
{
	for (int i = 0; i < db->ncache; i++)
		if (db->cache[i]->sql == sql)
			return db->cache[i];
	struct db_stmt *s = xcalloc(1, sizeof *s);
	s->db = db;
	s->sql = sql;
	if (db->drv->prepare(db, s) != 0) {
		fprintf(stderr, "varde: db: cannot prepare: %s\n  in: %.200s\n", db_errmsg(db), sql);
		free(s);
		return NULL;
	}
	if (db->ncache < DB_CACHE_SLOTS) {
		db->cache[db->ncache++] = s;
	} else {
		/* Full: evict the oldest. Only reachable with runaway dynamic SQL. */
		db->drv->finalize(db->cache[0]);
		free(db->cache[0]);
		memmove(db->cache, db->cache + 1, sizeof db->cache[0] * (DB_CACHE_SLOTS - 1));
		db->cache[DB_CACHE_SLOTS - 1] = s;
	}
	return s;
}

void db_bind_int(struct db_stmt *s, int idx, long long v)
{
	if (s)
		s->db->drv->bind_int(s, idx, v);
}

void db_bind_text(struct db_stmt *s, int idx, const char *v)
{
	if (s)
		s->db->drv->bind_text(s, idx, v);
}

void db_bind_null(struct db_stmt *s, int idx)
{
	if (s)
		s->db->drv->bind_null(s, idx);
}

void db_bind_double(struct db_stmt *s, int idx, double v)
{
	if (s)
		s->db->drv->bind_double(s, idx, v);
}

int db_step(struct db_stmt *s)
{
	if (!s)
		return DB_ERROR;
	int rc = s->db->drv->step(s);
	if (rc == DB_ERROR)
		fprintf(stderr, "varde: db: %s\n  in: %.200s\n", db_errmsg(s->db), s->sql);
	return rc;
}

const char *db_col_text(struct db_stmt *s, int col)
{
	const char *t = s->db->drv->col_text(s, col);
	return t ? t : "";
}

bool db_col_null(struct db_stmt *s, int col)
{
	return s->db->drv->col_null(s, col);
}

long long db_col_int(struct db_stmt *s, int col)
{
	return s->db->drv->col_int(s, col);
}

double db_col_double(struct db_stmt *s, int col)
{
	return s->db->drv->col_double(s, col);
}

char *db_col_dup(struct db_stmt *s, int col)
{
	if (db_col_null(s, col))
		return NULL;
	return xstrdup(db_col_text(s, col));
}

void db_reset(struct db_stmt *s)
{
	if (s)
		s->db->drv->reset(s);
}

int db_run(struct db_stmt *s)
{
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		;
	db_reset(s);
	return rc;
}

int db_exec(struct db *db, const char *sql)
{
	int rc = db->drv->exec(db, sql);
	if (rc != 0)
		fprintf(stderr, "varde: db: %s\n", db_errmsg(db));
	return rc;
}

/* Transactions do not nest: a second begin is a programming error and fails. */
int db_begin_write(struct db *db)
{
	if (db->txn_depth)
		return -1;
	int rc = db->drv->exec(db, db->kind == DB_SQLITE ? "BEGIN IMMEDIATE" : "BEGIN");
	if (rc == 0)
		db->txn_depth = 1;
	return rc;
}

int db_begin_read(struct db *db)
{
	if (db->txn_depth)
		return -1;
	int rc = db->drv->exec(db, db->kind == DB_SQLITE ? "BEGIN" : "BEGIN READ ONLY");
	if (rc == 0)
		db->txn_depth = 1;
	return rc;
}

int db_commit(struct db *db)
{
	if (!db->txn_depth)
		return -1;
	int rc = db->drv->exec(db, "COMMIT");
	if (rc != 0)
		db->drv->exec(db, "ROLLBACK");
	db->txn_depth = 0;
	return rc;
}

int db_rollback(struct db *db)
{
	if (!db->txn_depth)
		return 0;
	for (int i = 0; i < db->ncache; i++)
		db->drv->reset(db->cache[i]);
	int rc = db->drv->exec(db, "ROLLBACK");
	db->txn_depth = 0;
	return rc;
}

bool db_in_transaction(const struct db *db)
{
	return db->txn_depth != 0;
}

/* The pool: a mutex-protected stack of idle connections. One is opened at
 * start (so a wrong URL stops start-up); the others when first needed, which
 * keeps a PostgreSQL server's start-up from waiting for a backend per thread.
 * A request waits on the condition variable when all are busy and no more may
 * be opened; the pool is sized at least as large as the HTTP thread pool, so
 * that only happens with extra CLI-style users. */
struct db_pool {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct db **idle;
	int nidle, size;
	int opened; /* connections that exist, idle or in use */
	char *url;  /* owned */
};

struct db_pool *db_pool_open(const char *url, int size, char *err, size_t errlen)
{
	struct db_pool *p = xcalloc(1, sizeof *p);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	p->idle = xcalloc((size_t)size, sizeof *p->idle);
	p->size = size;
	p->url = xstrdup(url);
	struct db *db = db_open(url, err, errlen);
	if (!db) {
		db_pool_close(p);
		return NULL;
	}
	p->idle[p->nidle++] = db;
	p->opened = 1;
	return p;
}

/* Open one more connection for the pool, outside its lock; NULL if the
 * database refuses (the caller then waits for an idle one). */
static struct db *db_pool_grow(struct db_pool *p)
{
	p->opened++;
	pthread_mutex_unlock(&p->mu);
	char err[256];
	struct db *db = db_open(p->url, err, sizeof err);
	pthread_mutex_lock(&p->mu);
	if (!db) {
		p->opened--;
		fprintf(stderr, "varde: another database connection could not be opened: %s\n", err);
	}
	return db;
}

struct db *db_pool_acquire(struct db_pool *p)
{
	pthread_mutex_lock(&p->mu);
	struct db *db = NULL;
	if (p->nidle == 0 && p->opened < p->size)
		db = db_pool_grow(p);
	while (!db && p->nidle == 0)
		pthread_cond_wait(&p->cv, &p->mu);
	if (!db)
		db = p->idle[--p->nidle];
	pthread_mutex_unlock(&p->mu);
	return db;
}

void db_pool_release(struct db_pool *p, struct db *db)
{
	if (db_in_transaction(db))
		db_rollback(db);
	pthread_mutex_lock(&p->mu);
	p->idle[p->nidle++] = db;
	pthread_cond_signal(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

void db_pool_close(struct db_pool *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->nidle; i++)
		db_close(p->idle[i]);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p->idle);
	free(p->url);
	free(p);
}
