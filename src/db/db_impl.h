/* db_impl.h — the driver interface behind db.h; only db*.c include this. */
#ifndef VARDE_DB_IMPL_H
#define VARDE_DB_IMPL_H
#include "db.h"

enum { DB_MAX_PARAMS = 24, DB_CACHE_SLOTS = 256 };

struct db_driver {
	int (*prepare)(struct db *db, struct db_stmt *s);
	void (*finalize)(struct db_stmt *s);
	void (*bind_int)(struct db_stmt *s, int idx, long long v);
	void (*bind_text)(struct db_stmt *s, int idx, const char *v);
	void (*bind_null)(struct db_stmt *s, int idx);
	void (*bind_double)(struct db_stmt *s, int idx, double v);
	int (*step)(struct db_stmt *s);
	const char *(*col_text)(struct db_stmt *s, int col);
	bool (*col_null)(struct db_stmt *s, int col);
	long long (*col_int)(struct db_stmt *s, int col);
	double (*col_double)(struct db_stmt *s, int col);
	void (*reset)(struct db_stmt *s);
	int (*exec)(struct db *db, const char *sql);
	void (*close)(struct db *db);
	const char *(*errmsg)(struct db *db);
};

struct db_stmt {
	struct db *db;
	const char *sql;        /* the key: address of the caller's SQL text */
	void *handle;           /* sqlite3_stmt*, or the prepared name (char*) for PG */
	/* PostgreSQL only: bound values as text and the current result */
	char *params[DB_MAX_PARAMS];
	int nparams;
	void *result;           /* PGresult* */
	int row, nrows;
	bool executed;
};

struct db {
	enum db_kind kind;
	const struct db_driver *drv;
	void *conn;             /* sqlite3* or PGconn* */
	struct db_stmt *cache[DB_CACHE_SLOTS];
	int ncache;
	int txn_depth;
	unsigned next_name;     /* PG prepared-statement names */
	char err[256];
};

extern const struct db_driver db_sqlite_driver;
extern const struct db_driver db_pg_driver;
struct db *db_sqlite_open(const char *path, char *err, size_t errlen);
struct db *db_pg_open(const char *url, char *err, size_t errlen);

#endif
