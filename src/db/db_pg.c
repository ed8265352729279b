/* db_pg.c — the PostgreSQL driver behind db.h (libpq).
 *
 * Statements are prepared once per connection (PQprepare) under a generated
 * name; parameters travel as text, results come back as text, and db.c parses
 * numbers. A statement's result is fetched whole on the first db_step() and
 * walked row by row after that: our queries are paginated and small. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xalloc.h"
#include "db_impl.h"

static void pg_set_err(struct db *db, const char *msg)
{
	snprintf(db->err, sizeof db->err, "%s", msg ? msg : "unknown error");
	size_t n = strlen(db->err);
	while (n && (db->err[n - 1] == '\n' || db->err[n - 1] == ' '))
		db->err[--n] = '\0';
}

static int pg_prepare(struct db *db, struct db_stmt *s)
{
	char name[32];
	snprintf(name, sizeof name, "v%u", db->next_name++);
	PGresult *r = PQprepare(db->conn, name, s->sql, 0, NULL);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		pg_set_err(db, PQresultErrorMessage(r));
	PQclear(r);
	if (!ok)
		return -1;
	r = PQdescribePrepared(db->conn, name);
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (ok)
		s->nparams = PQnparams(r);
	else
		pg_set_err(db, PQresultErrorMessage(r));
	PQclear(r);
	if (!ok || s->nparams > DB_MAX_PARAMS) {
		if (ok)
			pg_set_err(db, "too many parameters");
		return -1;
	}
	s->handle = xstrdup(name);
	return 0;
}

static void pg_clear(struct db_stmt *s)
{
	if (s->result)
		PQclear(s->result);
	s->result = NULL;
	s->executed = false;
	s->row = s->nrows = 0;
}

static void pg_finalize(struct db_stmt *s)
{
	pg_clear(s);
	for (int i = 0; i < DB_MAX_PARAMS; i++) {
		free(s->params[i]);
		s->params[i] = NULL;
	}
	free(s->handle);
}

static void pg_bind_text(struct db_stmt *s, int idx, const char *v)
{
	if (idx < 1 || idx > DB_MAX_PARAMS)
		return;
	free(s->params[idx - 1]);
	s->params[idx - 1] = v ? xstrdup(v) : NULL;
}

static void pg_bind_int(struct db_stmt *s, int idx, long long v)
{
	char num[32];
	snprintf(num, sizeof num, "%lld", v);
	pg_bind_text(s, idx, num);
}

static void pg_bind_null(struct db_stmt *s, int idx)
{
	pg_bind_text(s, idx, NULL);
}

/* 17 significant digits: the text reads back as the same double. */
static void pg_bind_double(struct db_stmt *s, int idx, double v)
{
	char num[40];
	snprintf(num, sizeof num, "%.17g", v);
	pg_bind_text(s, idx, num);
}

static int pg_step(struct db_stmt *s)
{
	if (!s->executed) {
		s->result = PQexecPrepared(s->db->conn, s->handle, s->nparams, (const char *const *)s->params, NULL,
					   NULL, 0);
		s->executed = true;
		ExecStatusType st = PQresultStatus(s->result);
		if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
			pg_set_err(s->db, PQresultErrorMessage(s->result));
			return DB_ERROR;
		}
		s->nrows = PQntuples(s->result);
		s->row = -1;
	}
	if (PQresultStatus(s->result) != PGRES_TUPLES_OK && PQresultStatus(s->result) != PGRES_COMMAND_OK)
		return DB_ERROR;
	if (s->row + 1 < s->nrows) {
		s->row++;
		return DB_ROW;
	}
	return DB_DONE;
}

static const char *pg_col_text(struct db_stmt *s, int col)
{
	if (!s->result || s->row < 0 || s->row >= s->nrows || PQgetisnull(s->result, s->row, col))
		return NULL;
	return PQgetvalue(s->result, s->row, col);
}

static bool pg_col_null(struct db_stmt *s, int col)
{
	return !s->result || s->row < 0 || s->row >= s->nrows || PQgetisnull(s->result, s->row, col);
}

static long long pg_col_int(struct db_stmt *s, int col)
{
	const char *t = pg_col_text(s, col);
	return t ? strtoll(t, NULL, 10) : 0;
}

/* PostgreSQL 12 and later print a float8 in its shortest exact form. */
static double pg_col_double(struct db_stmt *s, int col)
{
	const char *t = pg_col_text(s, col);
	return t ? strtod(t, NULL) : 0;
}

static void pg_reset(struct db_stmt *s)
{
	pg_clear(s);
	for (int i = 0; i < DB_MAX_PARAMS; i++) {
		free(s->params[i]);
		s->params[i] = NULL;
	}
}

static int pg_exec(struct db *db, const char *sql)
{
	PGresult *r = PQexec(db->conn, sql);
	ExecStatusType st = PQresultStatus(r);
	int ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
	if (!ok)
		pg_set_err(db, PQresultErrorMessage(r));
	/* COMMIT in a failed transaction "succeeds" with the tag ROLLBACK:
	 * report it as the failure it is, as SQLite would. */
	if (ok && strcmp(sql, "COMMIT") == 0 && strcmp(PQcmdStatus(r), "COMMIT") != 0) {
		pg_set_err(db, "the transaction was rolled back because a statement in it failed");
		ok = 0;
	}
	PQclear(r);
	return ok ? 0 : -1;
}

static void pg_close(struct db *db)
{
	PQfinish(db->conn);
}

static const char *pg_errmsg(struct db *db)
{
	if (!db->err[0])
		pg_set_err(db, PQerrorMessage(db->conn));
	return db->err;
}

/* Discard NOTICE messages ("relation already exists, skipping" and the like). */
static void pg_quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

const struct db_driver db_pg_driver = {
	pg_prepare, pg_finalize, pg_bind_int, pg_bind_text, pg_bind_null, pg_bind_double, pg_step,
	pg_col_text, pg_col_null, pg_col_int, pg_col_double, pg_reset, pg_exec, pg_close, pg_errmsg,
};

struct db *db_pg_open(const char *url, char *err, size_t errlen)
{
	PGconn *conn = PQconnectdb(url);
	if (PQstatus(conn) != CONNECTION_OK) {
		snprintf(err, errlen, "cannot connect to PostgreSQL: %s", PQerrorMessage(conn));
		PQfinish(conn);
		return NULL;
	}
	PQsetNoticeProcessor(conn, pg_quiet, NULL);
	struct db *db = xcalloc(1, sizeof *db);
	db->kind = DB_PG;
	db->drv = &db_pg_driver;
	db->conn = conn;
	if (pg_exec(db, "SET TIME ZONE 'UTC'") != 0) {
		snprintf(err, errlen, "cannot set up PostgreSQL session: %s", db->err);
		PQfinish(conn);
		free(db);
		return NULL;
	}
	return db;
}
