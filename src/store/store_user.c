/* store_user.c — users and memberships. */
#include <stdlib.h>
#include <time.h>

#include "../core/xalloc.h"
#include "store.h"

void user_free(struct user *u)
{
	free(u->email);
	free(u->name);
	free(u->password_hash);
	free(u->lang);
	u->email = u->name = u->password_hash = u->lang = NULL;
}

#define USER_COLS "id, email, name, password_hash, site_admin, lang, disabled, created_at"

static void user_read(struct db_stmt *s, struct user *u)
{
	u->id = db_col_int(s, 0);
	u->email = db_col_dup(s, 1);
	u->name = db_col_dup(s, 2);
	u->password_hash = db_col_dup(s, 3);
	u->site_admin = db_col_int(s, 4) != 0;
	u->lang = db_col_dup(s, 5);
	u->disabled = db_col_int(s, 6) != 0;
	u->created_at = db_col_int(s, 7);
}

static const char SQL_USER_BY_EMAIL[] = "SELECT " USER_COLS " FROM users WHERE email = $1";
static const char SQL_USER_BY_ID[] = "SELECT " USER_COLS " FROM users WHERE id = $1";

/* Run a one-row user query bound with either a text or an integer key. */
static int user_fetch(struct db_stmt *s, struct user *out)
{
	int rc = db_step(s);
	if (rc == DB_ROW)
		user_read(s, out);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

int store_user_by_email(struct db *db, const char *email, struct user *out)
{
	struct db_stmt *s = db_prepare(db, SQL_USER_BY_EMAIL);
	db_bind_text(s, 1, email);
	return user_fetch(s, out);
}

int store_user_by_id(struct db *db, long long id, struct user *out)
{
	struct db_stmt *s = db_prepare(db, SQL_USER_BY_ID);
	db_bind_int(s, 1, id);
	return user_fetch(s, out);
}

static const char SQL_USER_EXISTS[] = "SELECT 1 FROM users WHERE email = $1";
static const char SQL_USER_INSERT[] =
	"INSERT INTO users (email, name, site_admin, created_at) VALUES ($1, $2, $3, $4) RETURNING id";

int store_user_create(struct db *db, const char *email, const char *name, bool site_admin, long long *id)
{
	struct db_stmt *s = db_prepare(db, SQL_USER_EXISTS);
	db_bind_text(s, 1, email);
	int rc = db_step(s);
	db_reset(s);
	if (rc == DB_ROW)
		return STORE_CONFLICT;
	if (rc != DB_DONE)
		return STORE_ERROR;
	s = db_prepare(db, SQL_USER_INSERT);
	db_bind_text(s, 1, email);
	db_bind_text(s, 2, name);
	db_bind_int(s, 3, site_admin);
	db_bind_int(s, 4, (long long)time(NULL));
	rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : STORE_ERROR;
}

static const char SQL_USER_SETPW[] = "UPDATE users SET password_hash = $1, password_changed_at = $2 WHERE id = $3";

int store_user_set_password(struct db *db, long long id, const char *hash)
{
	struct db_stmt *s = db_prepare(db, SQL_USER_SETPW);
	db_bind_text(s, 1, hash);
	db_bind_int(s, 2, (long long)time(NULL));
	db_bind_int(s, 3, id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_USER_SETLANG[] = "UPDATE users SET lang = $1 WHERE id = $2";

int store_user_set_lang(struct db *db, long long id, const char *lang)
{
	struct db_stmt *s = db_prepare(db, SQL_USER_SETLANG);
	db_bind_text(s, 1, lang);
	db_bind_int(s, 2, id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_USER_COUNT[] = "SELECT COUNT(*) FROM users";

long long store_user_count(struct db *db)
{
	struct db_stmt *s = db_prepare(db, SQL_USER_COUNT);
	long long n = db_step(s) == DB_ROW ? db_col_int(s, 0) : -1;
	db_reset(s);
	return n;
}

static const char SQL_USER_LIST[] = "SELECT " USER_COLS " FROM users ORDER BY name, id LIMIT $1 OFFSET $2";

struct db_stmt *store_user_list(struct db *db, int limit, int offset)
{
	struct db_stmt *s = db_prepare(db, SQL_USER_LIST);
	db_bind_int(s, 1, limit);
	db_bind_int(s, 2, offset);
	return s;
}

static const char SQL_MEMBER_UPSERT[] =
	"INSERT INTO memberships (user_id, org_id, role, created_at) VALUES ($1, $2, $3, $4)"
	" ON CONFLICT (user_id, org_id) DO UPDATE SET role = excluded.role";

int store_membership_set(struct db *db, long long user_id, long long org_id, const char *role)
{
	struct db_stmt *s = db_prepare(db, SQL_MEMBER_UPSERT);
	db_bind_int(s, 1, user_id);
	db_bind_int(s, 2, org_id);
	db_bind_text(s, 3, role);
	db_bind_int(s, 4, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_MEMBER_DELETE[] = "DELETE FROM memberships WHERE user_id = $1 AND org_id = $2";

int store_membership_remove(struct db *db, long long user_id, long long org_id)
{
	struct db_stmt *s = db_prepare(db, SQL_MEMBER_DELETE);
	db_bind_int(s, 1, user_id);
	db_bind_int(s, 2, org_id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_MEMBERSHIPS_OF_USER[] =
	"SELECT o.id, o.name, o.kind, m.role FROM memberships m JOIN orgs o ON o.id = m.org_id"
	" WHERE m.user_id = $1 ORDER BY o.name, o.id LIMIT 500";

struct db_stmt *store_memberships_of_user(struct db *db, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_MEMBERSHIPS_OF_USER);
	db_bind_int(s, 1, user_id);
	return s;
}

static const char SQL_MEMBERS_OF_ORG[] =
	"SELECT u.id, u.name, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id"
	" WHERE m.org_id = $1 ORDER BY u.name, u.id LIMIT 2000";

struct db_stmt *store_members_of_org(struct db *db, long long org_id)
{
	struct db_stmt *s = db_prepare(db, SQL_MEMBERS_OF_ORG);
	db_bind_int(s, 1, org_id);
	return s;
}

static const char SQL_ORG_ADMIN_COUNT[] = "SELECT COUNT(*) FROM memberships WHERE org_id = $1 AND role = 'admin'";

long long store_org_admin_count(struct db *db, long long org_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_ADMIN_COUNT);
	db_bind_int(s, 1, org_id);
	long long n = db_step(s) == DB_ROW ? db_col_int(s, 0) : -1;
	db_reset(s);
	return n;
}
