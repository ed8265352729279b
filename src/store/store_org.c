/* store_org.c — organisations. */
#include <stdlib.h>
#include <time.h>

#include "store.h"

void org_free(struct org *o)
{
	free(o->name);
	free(o->kind);
	free(o->orgnr);
	free(o->kommunenr);
	o->name = o->kind = o->orgnr = o->kommunenr = NULL;
}

static const char SQL_ORG_NR_EXISTS[] = "SELECT 1 FROM orgs WHERE orgnr = $1";
static const char SQL_ORG_INSERT[] =
	"INSERT INTO orgs (name, kind, orgnr, kommunenr, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id";

int store_org_create(struct db *db, const char *name, const char *kind, const char *orgnr,
		     const char *kommunenr, long long *id)
{
	if (orgnr) {
		struct db_stmt *s = db_prepare(db, SQL_ORG_NR_EXISTS);
		db_bind_text(s, 1, orgnr);
		int rc = db_step(s);
		db_reset(s);
		if (rc == DB_ROW)
			return STORE_CONFLICT;
		if (rc != DB_DONE)
			return STORE_ERROR;
	}
	struct db_stmt *s = db_prepare(db, SQL_ORG_INSERT);
	db_bind_text(s, 1, name);
	db_bind_text(s, 2, kind);
	db_bind_text(s, 3, orgnr);
	db_bind_text(s, 4, kommunenr);
	db_bind_int(s, 5, (long long)time(NULL));
	int rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : STORE_ERROR;
}

#define ORG_COLS "id, name, kind, orgnr, kommunenr, created_at"
static const char SQL_ORG_BY_ID[] = "SELECT " ORG_COLS " FROM orgs WHERE id = $1";

int store_org_by_id(struct db *db, long long id, struct org *out)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_BY_ID);
	db_bind_int(s, 1, id);
	int rc = db_step(s);
	if (rc == DB_ROW) {
		out->id = db_col_int(s, 0);
		out->name = db_col_dup(s, 1);
		out->kind = db_col_dup(s, 2);
		out->orgnr = db_col_dup(s, 3);
		out->kommunenr = db_col_dup(s, 4);
		out->created_at = db_col_int(s, 5);
	}
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_ORG_LIST[] =
	"SELECT o.id, o.name, o.kind, o.orgnr, o.kommunenr,"
	" (SELECT COUNT(*) FROM memberships m WHERE m.org_id = o.id)"
	" FROM orgs o ORDER BY o.name, o.id LIMIT $1 OFFSET $2";

struct db_stmt *store_org_list(struct db *db, int limit, int offset)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_LIST);
	db_bind_int(s, 1, limit);
	db_bind_int(s, 2, offset);
	return s;
}

static const char SQL_ORG_COUNT[] = "SELECT COUNT(*) FROM orgs";

long long store_org_count(struct db *db)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_COUNT);
	long long n = db_step(s) == DB_ROW ? db_col_int(s, 0) : -1;
	db_reset(s);
	return n;
}
