/* store_method.c — methodology versions. Each distinct content (key + content
 * hash) is one row holding all its files as a JSON object {path: text}, so
 * every version a project was started with can be loaded again, whatever the
 * binary or the import folder holds today. */
#include <stdlib.h>
#include <time.h>

#include "store.h"

static const char SQL_MV_FIND[] = "SELECT id FROM methodology_versions WHERE key = $1 AND hash = $2";
static const char SQL_MV_INSERT[] =
	"INSERT INTO methodology_versions (key, version, hash, source, files, created_at)"
	" VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

int store_method_version_find(struct db *db, const char *key, const char *hash, long long *id)
{
	struct db_stmt *s = db_prepare(db, SQL_MV_FIND);
	db_bind_text(s, 1, key);
	db_bind_text(s, 2, hash);
	int rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

int store_method_version_ensure(struct db *db, const char *key, const char *version, const char *hash,
				const char *source, const char *files_json, long long *id, bool *created)
{
	*created = false;
	struct db_stmt *s = db_prepare(db, SQL_MV_FIND);
	db_bind_text(s, 1, key);
	db_bind_text(s, 2, hash);
	int rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	if (rc == DB_ROW)
		return STORE_OK;
	if (rc != DB_DONE)
		return STORE_ERROR;
	s = db_prepare(db, SQL_MV_INSERT);
	db_bind_text(s, 1, key);
	db_bind_text(s, 2, version);
	db_bind_text(s, 3, hash);
	db_bind_text(s, 4, source);
	db_bind_text(s, 5, files_json);
	db_bind_int(s, 6, (long long)time(NULL));
	rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	*created = rc == DB_ROW;
	return rc == DB_ROW ? STORE_OK : STORE_ERROR;
}

static const char SQL_MV_ALL[] =
	"SELECT id, key, hash, source, files FROM methodology_versions WHERE id > $1 ORDER BY id";

struct db_stmt *store_method_versions_after(struct db *db, long long after_id)
{
	struct db_stmt *s = db_prepare(db, SQL_MV_ALL);
	db_bind_int(s, 1, after_id);
	return s;
}

static const char SQL_MV_MAX[] = "SELECT COALESCE(MAX(id), 0) FROM methodology_versions";

long long store_method_version_max(struct db *db)
{
	struct db_stmt *s = db_prepare(db, SQL_MV_MAX);
	long long n = db_step(s) == DB_ROW ? db_col_int(s, 0) : -1;
	db_reset(s);
	return n;
}

static const char SQL_MV_LIST[] =
	"SELECT id, key, version, hash, source, created_at FROM methodology_versions ORDER BY key, id DESC LIMIT 500";

struct db_stmt *store_method_version_list(struct db *db)
{
	return db_prepare(db, SQL_MV_LIST);
}

static const char SQL_ORG_METHODS[] =
	"SELECT methodology_key FROM org_methodologies WHERE org_id = $1 ORDER BY methodology_key";

struct db_stmt *store_org_methods(struct db *db, long long org_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_METHODS);
	db_bind_int(s, 1, org_id);
	return s;
}

static const char SQL_ORG_METHODS_CLEAR[] = "DELETE FROM org_methodologies WHERE org_id = $1";
static const char SQL_ORG_METHODS_ADD[] = "INSERT INTO org_methodologies (org_id, methodology_key) VALUES ($1, $2)";

int store_org_methods_set(struct db *db, long long org_id, const char *const *keys, int n)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_METHODS_CLEAR);
	db_bind_int(s, 1, org_id);
	if (db_run(s) != DB_DONE)
		return STORE_ERROR;
	for (int i = 0; i < n; i++) {
		s = db_prepare(db, SQL_ORG_METHODS_ADD);
		db_bind_int(s, 1, org_id);
		db_bind_text(s, 2, keys[i]);
		if (db_run(s) != DB_DONE)
			return STORE_ERROR;
	}
	return STORE_OK;
}
