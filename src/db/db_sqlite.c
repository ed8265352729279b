/* db_sqlite.c — the SQLite driver behind db.h.
 *
 * Each connection is opened in multi-thread mode (SQLITE_OPEN_NOMUTEX): the
 * pool guarantees one thread per connection. Settings applied to every
 * connection: WAL (readers never block the writer), foreign_keys=ON (off by
 * default), a 5 s busy timeout (writers queue behind each other; they start
 * with BEGIN IMMEDIATE so the timeout covers them), synchronous=FULL (a saved
 * form survives power loss, not only a process crash; see docs/ARCHITECTURE.md).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/xalloc.h"
#include "db_impl.h"

/* Rewrite $N placeholders to ?N outside string literals and identifiers.
 * Returns a malloc'd string the caller frees. */
static char *sqlite_translate(const char *sql)
{
	struct buf b = {0};
	char quote = 0;
	for (const char *p = sql; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '$' && p[1] >= '1' && p[1] <= '9') {
			buf_putc(&b, '?');
			continue;
		}
		buf_putc(&b, *p);
	}
	return buf_detach(&b);
}

static int lite_prepare(struct db *db, struct db_stmt *s)
{
	char *sql = sqlite_translate(s->sql);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(db->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return -1;
	s->handle = st;
	return 0;
}

static void lite_finalize(struct db_stmt *s)
{
	sqlite3_finalize(s->handle);
}

static void lite_bind_int(struct db_stmt *s, int idx, long long v)
{
	sqlite3_bind_int64(s->handle, idx, v);
}

static void lite_bind_text(struct db_stmt *s, int idx, const char *v)
{
	if (v)
		sqlite3_bind_text(s->handle, idx, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s->handle, idx);
}

static void lite_bind_null(struct db_stmt *s, int idx)
{
	sqlite3_bind_null(s->handle, idx);
}

static void lite_bind_double(struct db_stmt *s, int idx, double v)
{
	sqlite3_bind_double(s->handle, idx, v);
}

static int lite_step(struct db_stmt *s)
{
	int rc = sqlite3_step(s->handle);
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	return DB_ERROR;
}

static const char *lite_col_text(struct db_stmt *s, int col)
{
	return (const char *)sqlite3_column_text(s->handle, col);
}

static bool lite_col_null(struct db_stmt *s, int col)
{
	return sqlite3_column_type(s->handle, col) == SQLITE_NULL;
}

static long long lite_col_int(struct db_stmt *s, int col)
{
	return sqlite3_column_int64(s->handle, col);
}

/* The stored double itself: its text form has only 15 digits. */
static double lite_col_double(struct db_stmt *s, int col)
{
	return sqlite3_column_double(s->handle, col);
}

static void lite_reset(struct db_stmt *s)
{
	sqlite3_reset(s->handle);
	sqlite3_clear_bindings(s->handle);
}

static int lite_exec(struct db *db, const char *sql)
{
	return sqlite3_exec(db->conn, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static void lite_close(struct db *db)
{
	sqlite3_close(db->conn);
}

static const char *lite_errmsg(struct db *db)
{
	return sqlite3_errmsg(db->conn);
}

const struct db_driver db_sqlite_driver = {
	lite_prepare, lite_finalize, lite_bind_int, lite_bind_text, lite_bind_null, lite_bind_double, lite_step,
	lite_col_text, lite_col_null, lite_col_int, lite_col_double, lite_reset, lite_exec, lite_close, lite_errmsg,
};

struct db *db_sqlite_open(const char *path, char *err, size_t errlen)
{
	sqlite3 *conn = NULL;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &conn, flags, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot open SQLite database %s: %s", path,
			 conn ? sqlite3_errmsg(conn) : "out of memory");
		sqlite3_close(conn);
		return NULL;
	}
	sqlite3_busy_timeout(conn, 5000);
	const char *setup = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;"
			    "PRAGMA temp_store=MEMORY;";
	if (sqlite3_exec(conn, setup, NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot set up SQLite database %s: %s", path, sqlite3_errmsg(conn));
		sqlite3_close(conn);
		return NULL;
	}
	struct db *db = xcalloc(1, sizeof *db);
	db->kind = DB_SQLITE;
	db->drv = &db_sqlite_driver;
	db->conn = conn;
	return db;
}

/* Copy the live database page by page into path, in one read transaction, so
 * the copy is consistent even while other connections write. */
int db_sqlite_backup(struct db *db, const char *path, char *err, size_t errlen)
{
	if (db->kind != DB_SQLITE) {
		snprintf(err, errlen, "not a SQLite database");
		return -1;
	}
	sqlite3 *dst = NULL;
	if (sqlite3_open(path, &dst) != SQLITE_OK) {
		snprintf(err, errlen, "cannot create %s", path);
		sqlite3_close(dst);
		return -1;
	}
	sqlite3_backup *bk = sqlite3_backup_init(dst, "main", db->conn, "main");
	int rc = SQLITE_ERROR;
	if (bk) {
		do {
			rc = sqlite3_backup_step(bk, -1);
			if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
				sqlite3_sleep(50);
		} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
		sqlite3_backup_finish(bk);
	}
	if (rc != SQLITE_DONE)
		snprintf(err, errlen, "backup failed: %s", sqlite3_errmsg(dst));
	sqlite3_close(dst);
	return rc == SQLITE_DONE ? 0 : -1;
}
