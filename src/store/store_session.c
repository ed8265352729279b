/* store_session.c — sessions, one-time tokens, login throttling, settings and
 * the audit log: the state that must be shared by every Varde process, so it
 * lives in the database and never in memory. */
#include <stdlib.h>
#include <time.h>

#include "store.h"

static const char SQL_SESSION_INSERT[] =
	"INSERT INTO sessions (id_hash, user_id, created_at, last_seen, current_org, client)"
	" VALUES ($1, $2, $3, $3, $4, $5)";

int store_session_create(struct db *db, const char *id_hash, long long user_id, long long now,
			 long long current_org, const char *client)
{
	struct db_stmt *s = db_prepare(db, SQL_SESSION_INSERT);
	db_bind_text(s, 1, id_hash);
	db_bind_int(s, 2, user_id);
	db_bind_int(s, 3, now);
	if (current_org)
		db_bind_int(s, 4, current_org);
	else
		db_bind_null(s, 4);
	db_bind_text(s, 5, client);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_SESSION_GET[] =
	"SELECT user_id, created_at, last_seen, current_org FROM sessions WHERE id_hash = $1";

int store_session_get(struct db *db, const char *id_hash, long long *user_id, long long *created_at,
		      long long *last_seen, long long *current_org)
{
	struct db_stmt *s = db_prepare(db, SQL_SESSION_GET);
	db_bind_text(s, 1, id_hash);
	int rc = db_step(s);
	if (rc == DB_ROW) {
		*user_id = db_col_int(s, 0);
		*created_at = db_col_int(s, 1);
		*last_seen = db_col_int(s, 2);
		*current_org = db_col_int(s, 3);
	}
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_SESSION_TOUCH[] = "UPDATE sessions SET last_seen = $1 WHERE id_hash = $2";

int store_session_touch(struct db *db, const char *id_hash, long long now)
{
	struct db_stmt *s = db_prepare(db, SQL_SESSION_TOUCH);
	db_bind_int(s, 1, now);
	db_bind_text(s, 2, id_hash);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_SESSION_ORG[] = "UPDATE sessions SET current_org = $1 WHERE id_hash = $2";

int store_session_set_org(struct db *db, const char *id_hash, long long org_id)
{
	struct db_stmt *s = db_prepare(db, SQL_SESSION_ORG);
	db_bind_int(s, 1, org_id);
	db_bind_text(s, 2, id_hash);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_SESSION_DELETE[] = "DELETE FROM sessions WHERE id_hash = $1";

int store_session_delete(struct db *db, const char *id_hash)
{
	struct db_stmt *s = db_prepare(db, SQL_SESSION_DELETE);
	db_bind_text(s, 1, id_hash);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_SESSION_DELETE_USER[] = "DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2";

int store_session_delete_user(struct db *db, long long user_id, const char *keep_hash)
{
	struct db_stmt *s = db_prepare(db, SQL_SESSION_DELETE_USER);
	db_bind_int(s, 1, user_id);
	db_bind_text(s, 2, keep_hash ? keep_hash : "");
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_SESSION_COUNT_USER[] = "SELECT COUNT(*) FROM sessions WHERE user_id = $1";

long long store_session_count_user(struct db *db, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_SESSION_COUNT_USER);
	db_bind_int(s, 1, user_id);
	long long n = db_step(s) == DB_ROW ? db_col_int(s, 0) : -1;
	db_reset(s);
	return n;
}

static const char SQL_TOKEN_INSERT[] =
	"INSERT INTO tokens (id_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";

int store_token_create(struct db *db, const char *id_hash, long long user_id, const char *purpose,
		       long long now, long long expires_at)
{
	struct db_stmt *s = db_prepare(db, SQL_TOKEN_INSERT);
	db_bind_text(s, 1, id_hash);
	db_bind_int(s, 2, user_id);
	db_bind_text(s, 3, purpose);
	db_bind_int(s, 4, now);
	db_bind_int(s, 5, expires_at);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_TOKEN_USER[] =
	"SELECT user_id FROM tokens WHERE id_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3";

int store_token_user(struct db *db, const char *id_hash, const char *purpose, long long now, long long *user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_TOKEN_USER);
	db_bind_text(s, 1, id_hash);
	db_bind_text(s, 2, purpose);
	db_bind_int(s, 3, now);
	int rc = db_step(s);
	if (rc == DB_ROW)
		*user_id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_TOKEN_USE[] = "UPDATE tokens SET used_at = $1 WHERE id_hash = $2 AND used_at IS NULL";

int store_token_use(struct db *db, const char *id_hash, long long now)
{
	struct db_stmt *s = db_prepare(db, SQL_TOKEN_USE);
	db_bind_int(s, 1, now);
	db_bind_text(s, 2, id_hash);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_THROTTLE_GET[] = "SELECT window_start, failures FROM throttle WHERE key = $1";

long long store_throttle_failures(struct db *db, const char *key, long long now, long long window_s)
{
	struct db_stmt *s = db_prepare(db, SQL_THROTTLE_GET);
	db_bind_text(s, 1, key);
	long long n = 0;
	if (db_step(s) == DB_ROW && db_col_int(s, 0) > now - window_s)
		n = db_col_int(s, 1);
	db_reset(s);
	return n;
}

/* One statement, so concurrent failures from several processes all count:
 * a stale window restarts at 1, a live one increments. */
static const char SQL_THROTTLE_FAIL[] =
	"INSERT INTO throttle (key, window_start, failures) VALUES ($1, $2, 1)"
	" ON CONFLICT (key) DO UPDATE SET"
	" failures = CASE WHEN throttle.window_start > $3 THEN throttle.failures + 1 ELSE 1 END,"
	" window_start = CASE WHEN throttle.window_start > $3 THEN throttle.window_start ELSE $2 END";

int store_throttle_fail(struct db *db, const char *key, long long now, long long window_s)
{
	struct db_stmt *s = db_prepare(db, SQL_THROTTLE_FAIL);
	db_bind_text(s, 1, key);
	db_bind_int(s, 2, now);
	db_bind_int(s, 3, now - window_s);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_THROTTLE_CLEAR[] = "DELETE FROM throttle WHERE key = $1";

int store_throttle_clear(struct db *db, const char *key)
{
	struct db_stmt *s = db_prepare(db, SQL_THROTTLE_CLEAR);
	db_bind_text(s, 1, key);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_SETTING_GET[] = "SELECT value FROM settings WHERE key = $1";

char *store_setting_get(struct db *db, const char *key)
{
	struct db_stmt *s = db_prepare(db, SQL_SETTING_GET);
	db_bind_text(s, 1, key);
	char *v = db_step(s) == DB_ROW ? db_col_dup(s, 0) : NULL;
	db_reset(s);
	return v;
}

static const char SQL_SETTING_INIT[] =
	"INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING";

int store_setting_init(struct db *db, const char *key, const char *value)
{
	struct db_stmt *s = db_prepare(db, SQL_SETTING_INIT);
	db_bind_text(s, 1, key);
	db_bind_text(s, 2, value);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_AUDIT[] =
	"INSERT INTO audit (at, user_id, action, object, detail) VALUES ($1, $2, $3, $4, $5)";

int store_audit(struct db *db, long long user_id, const char *action, const char *object, const char *detail)
{
	struct db_stmt *s = db_prepare(db, SQL_AUDIT);
	db_bind_int(s, 1, (long long)time(NULL));
	if (user_id)
		db_bind_int(s, 2, user_id);
	else
		db_bind_null(s, 2);
	db_bind_text(s, 3, action);
	db_bind_text(s, 4, object);
	db_bind_text(s, 5, detail);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}
