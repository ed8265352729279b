/* db.h — one database API over SQLite and PostgreSQL.
 *
 * SQL is written once, with PostgreSQL's $1, $2 … placeholders; the SQLite
 * driver rewrites them to ?1, ?2 (in SQLite "$1" would be a *named* parameter
 * numbered by first appearance). Every value is bound, never pasted into SQL.
 *
 * A struct db is one connection and belongs to one thread at a time (the pool
 * hands it out per request). Statements are prepared once per connection and
 * cached by the address of their SQL text, so SQL must be a string literal or
 * another string that lives for the whole program.
 *
 * Usage:   struct db_stmt *s = db_prepare(db, SQL_FIND_USER);
 *          db_bind_text(s, 1, email);
 *          while (db_step(s) == DB_ROW) { ... db_col_text(s, 0) ... }
 *          db_reset(s);          // always, also after errors
 *
 * Writes: db_begin_write() (BEGIN IMMEDIATE on SQLite, so a writer never hits
 * SQLITE_BUSY half way), then db_commit() or db_rollback(). After any error in
 * a transaction, roll back: PostgreSQL refuses further statements anyway.
 */
#ifndef VARDE_DB_H
#define VARDE_DB_H
#include <stdbool.h>
#include <stddef.h>

enum db_kind { DB_SQLITE, DB_PG };
enum { DB_ROW = 1, DB_DONE = 0, DB_ERROR = -1 };

struct db;
struct db_stmt;

/* Open a connection from a URL: "sqlite:PATH" (or a bare path) or
 * "postgresql://…" / "postgres://…". On failure returns NULL and writes a
 * message to err. The caller owns the connection and closes it. */
struct db *db_open(const char *url, char *err, size_t errlen);
void db_close(struct db *db);
enum db_kind db_kind(const struct db *db);
const char *db_errmsg(struct db *db);

struct db_stmt *db_prepare(struct db *db, const char *sql);
void db_bind_int(struct db_stmt *s, int idx, long long v);
void db_bind_text(struct db_stmt *s, int idx, const char *v); /* NULL binds SQL NULL */
void db_bind_null(struct db_stmt *s, int idx);
/* Doubles round-trip exactly on both databases (DOUBLE PRECISION columns). */
void db_bind_double(struct db_stmt *s, int idx, double v);
int db_step(struct db_stmt *s);
long long db_col_int(struct db_stmt *s, int col);
double db_col_double(struct db_stmt *s, int col);
/* Column text, valid until the next step or reset; "" for NULL. */
const char *db_col_text(struct db_stmt *s, int col);
bool db_col_null(struct db_stmt *s, int col);
/* Column text as a malloc'd copy (caller frees); NULL for SQL NULL. */
char *db_col_dup(struct db_stmt *s, int col);
void db_reset(struct db_stmt *s);

/* Run one statement to completion, returning DB_DONE or DB_ERROR. Convenience
 * for statements whose rows are not read. */
int db_run(struct db_stmt *s);
/* Run SQL without parameters (DDL, several statements allowed). 0 or -1. */
int db_exec(struct db *db, const char *sql);

int db_begin_write(struct db *db);
int db_begin_read(struct db *db);
int db_commit(struct db *db);
int db_rollback(struct db *db);
bool db_in_transaction(const struct db *db);

/* Online, consistent copy of the whole database to a file (SQLite backup API).
 * PostgreSQL backups use pg_dump; see cli_backup.c. */
int db_sqlite_backup(struct db *db, const char *path, char *err, size_t errlen);

/* The connection pool: a fixed set of connections handed to request threads. */
struct db_pool;
struct db_pool *db_pool_open(const char *url, int size, char *err, size_t errlen);
struct db *db_pool_acquire(struct db_pool *p);
void db_pool_release(struct db_pool *p, struct db *db);
void db_pool_close(struct db_pool *p);

#endif
