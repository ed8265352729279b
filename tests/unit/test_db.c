/* test_db.c — the database layer (db.h), migrations and the store functions
 * against a real SQLite file, and against PostgreSQL too when VARDE_TEST_PG
 * is set (scripts/pg-test.sh does that). Each test gets a fresh database. */
#include "testlib.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"
#include "db/migrate.h"
#include "store/store.h"

/* NULL while the SQLite run goes, the server URL during the PostgreSQL run. */
static const char *pg_base;

struct tdb {
	struct db *db;
	char url[512];
	char path[64];    /* SQLite file */
	char pgname[64];  /* PostgreSQL database */
};

static struct db *open_or_fail(const char *url)
{
	char err[512] = "";
	struct db *db = db_open(url, err, sizeof err);
	if (!db)
		print_error("db_open %s: %s\n", url, err);
	return db;
}

/* Create an empty database and open it; the schema is not applied. */
static int setup_empty(void **state)
{
	static unsigned counter;
	struct tdb *t = calloc(1, sizeof *t);
	if (!pg_base) {
		snprintf(t->path, sizeof t->path, "/tmp/varde-unit-XXXXXX");
		int fd = mkstemp(t->path);
		if (fd < 0) {
			free(t);
			return -1;
		}
		close(fd);
		snprintf(t->url, sizeof t->url, "sqlite:%s", t->path);
	} else {
		char admin_url[512], sql[128];
		snprintf(t->pgname, sizeof t->pgname, "varde_unit_%ld_%u", (long)getpid(), counter++);
		snprintf(admin_url, sizeof admin_url, "%s/postgres", pg_base);
		struct db *admin = open_or_fail(admin_url);
		if (!admin) {
			free(t);
			return -1;
		}
		snprintf(sql, sizeof sql, "CREATE DATABASE %s", t->pgname);
		int rc = db_exec(admin, sql);
		db_close(admin);
		if (rc != 0) {
			free(t);
			return -1;
		}
		snprintf(t->url, sizeof t->url, "%s/%s", pg_base, t->pgname);
	}
	t->db = open_or_fail(t->url);
	*state = t;
	return t->db ? 0 : -1;
}

/* A fresh database with the schema applied. */
static int setup_db(void **state)
{
	if (setup_empty(state) != 0)
		return -1;
	struct tdb *t = *state;
	char err[512] = "";
	if (migrate_run(t->db, err, sizeof err) != 0) {
		print_error("migrate_run: %s\n", err);
		return -1;
	}
	return 0;
}

static int teardown_db(void **state)
{
	struct tdb *t = *state;
	if (!t)
		return 0;
	db_close(t->db);
	if (t->path[0]) {
		char side[80];
		unlink(t->path);
		snprintf(side, sizeof side, "%s-wal", t->path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", t->path);
		unlink(side);
	}
	if (t->pgname[0]) {
		char admin_url[512], sql[128];
		snprintf(admin_url, sizeof admin_url, "%s/postgres", pg_base);
		struct db *admin = open_or_fail(admin_url);
		if (admin) {
			snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", t->pgname);
			db_exec(admin, sql);
			db_close(admin);
		}
	}
	free(t);
	return 0;
}

static struct db *DB(void **state)
{
	return ((struct tdb *)*state)->db;
}

static const char SQL_T_SCHEMA[] = "SELECT COUNT(*), MAX(version) FROM schema_version";
static const char SQL_T_ORDER[] = "SELECT CAST($2 AS TEXT), CAST($1 AS TEXT)";
static const char SQL_T_INT_ORDER[] = "SELECT CAST($2 AS BIGINT) - CAST($1 AS BIGINT)";
static const char SQL_T_REUSE[] = "SELECT CAST($1 AS TEXT) || '-' || CAST($2 AS TEXT) || '-' || CAST($1 AS TEXT)";
static const char SQL_T_QUOTED[] = "SELECT '$1', CAST($1 AS TEXT)";
static const char SQL_T_USER_2_1[] = "SELECT id FROM users WHERE name = $2 AND email = $1";
static const char SQL_T_NULLS[] = "SELECT CAST($1 AS TEXT), CAST(NULL AS TEXT)";
static const char SQL_T_TOKEN_USED[] = "SELECT used_at FROM tokens WHERE id_hash = $1";
static const char SQL_T_AUDIT[] = "SELECT user_id, action, object, detail FROM audit ORDER BY id";
static const char SQL_T_BAD[] = "SELEKT nonsense FROM nowhere";

/* Count the applied migrations and read the newest version. */
static void schema_state(struct db *db, long long *count, long long *max)
{
	struct db_stmt *s = db_prepare(db, SQL_T_SCHEMA);
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	*count = db_col_int(s, 0);
	*max = db_col_int(s, 1);
	db_reset(s);
}

/* migrate_run applies every migration once; running it again changes
 * nothing and succeeds. */
static void test_migrate_idempotent(void **state)
{
	struct db *db = DB(state);
	char err[512] = "";
	long long count, max;
	assert_int_equal(migrate_run(db, err, sizeof err), 0);
	schema_state(db, &count, &max);
	assert_true(count >= 1);
	assert_int_equal(max, migrate_latest());
	assert_int_equal(migrate_run(db, err, sizeof err), 0);
	assert_string_equal(err, "");
	long long count2, max2;
	schema_state(db, &count2, &max2);
	assert_int_equal(count2, count);
	assert_int_equal(max2, max);
	assert_false(db_in_transaction(db));
	/* The schema is usable. */
	long long id = 0;
	assert_int_equal(store_user_create(db, "a@example.no", "A", false, &id), STORE_OK);
	assert_int_equal(store_user_count(db), 1);
}

/* A second connection running the migrations again finds nothing to do. */
static void test_migrate_second_connection(void **state)
{
	struct tdb *t = *state;
	struct db *other = open_or_fail(t->url);
	assert_non_null(other);
	char err[512] = "";
	assert_int_equal(migrate_run(other, err, sizeof err), 0);
	long long count, max;
	schema_state(other, &count, &max);
	assert_int_equal(max, migrate_latest());
	db_close(other);
	assert_int_equal(store_user_count(t->db), 0);
}

/* Users are created and found by e-mail and by id with every field; an
 * e-mail address that is taken gives STORE_CONFLICT. */
static void test_users(void **state)
{
	struct db *db = DB(state);
	long long t0 = (long long)time(NULL);
	long long id1 = 0, id2 = 0, id3 = -5;
	assert_int_equal(store_user_create(db, "kari@example.no", "Kari Nordmann", false, &id1), STORE_OK);
	assert_int_equal(store_user_create(db, "ola@example.no", "Ola", true, &id2), STORE_OK);
	long long t1 = (long long)time(NULL);
	assert_true(id1 > 0);
	assert_true(id2 > 0);
	assert_true(id1 != id2);

	struct user u = {0};
	assert_int_equal(store_user_by_email(db, "kari@example.no", &u), STORE_OK);
	assert_int_equal(u.id, id1);
	assert_string_equal(u.email, "kari@example.no");
	assert_string_equal(u.name, "Kari Nordmann");
	assert_null(u.password_hash);
	assert_null(u.lang);
	assert_false(u.site_admin);
	assert_false(u.disabled);
	assert_true(u.created_at >= t0 && u.created_at <= t1);
	user_free(&u);
	assert_null(u.email);

	assert_int_equal(store_user_by_id(db, id2, &u), STORE_OK);
	assert_string_equal(u.email, "ola@example.no");
	assert_string_equal(u.name, "Ola");
	assert_true(u.site_admin);
	user_free(&u);

	assert_int_equal(store_user_create(db, "kari@example.no", "Other Kari", false, &id3), STORE_CONFLICT);
	assert_int_equal(id3, -5);
	assert_int_equal(store_user_count(db), 2);
	assert_int_equal(store_user_by_email(db, "KARI@example.no", &u), STORE_NOTFOUND);
	assert_int_equal(store_user_by_email(db, "nobody@example.no", &u), STORE_NOTFOUND);
	assert_int_equal(store_user_by_id(db, id1 + id2 + 100, &u), STORE_NOTFOUND);
	assert_null(u.email);

	/* Password and language updates are read back. */
	assert_int_equal(store_user_set_password(db, id1, "$argon2id$v=19$fake"), STORE_OK);
	assert_int_equal(store_user_set_lang(db, id1, "en"), STORE_OK);
	assert_int_equal(store_user_by_id(db, id1, &u), STORE_OK);
	assert_string_equal(u.password_hash, "$argon2id$v=19$fake");
	assert_string_equal(u.lang, "en");
	user_free(&u);
	assert_int_equal(store_user_set_lang(db, id1, NULL), STORE_OK);
	assert_int_equal(store_user_by_id(db, id1, &u), STORE_OK);
	assert_null(u.lang);
	user_free(&u);

	/* The list is ordered by name. */
	struct db_stmt *s = store_user_list(db, 10, 0);
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 2), "Kari Nordmann");
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 2), "Ola");
	assert_int_equal(db_step(s), DB_DONE);
	db_reset(s);
	s = store_user_list(db, 10, 1);
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), id2);
	assert_int_equal(db_step(s), DB_DONE);
	db_reset(s);
}

/* Organisations are created and read back; an organisation number that is
 * taken gives STORE_CONFLICT, while several may have none. */
static void test_orgs(void **state)
{
	struct db *db = DB(state);
	long long a = 0, b = 0, c = 0, d = 0, x = -1;
	assert_int_equal(store_org_create(db, "Bodø kommune", "municipality", "972417858", "1804", &a), STORE_OK);
	assert_int_equal(store_org_create(db, "Nettverk Nord", "network", NULL, NULL, &b), STORE_OK);
	assert_int_equal(store_org_create(db, "Prosjektkontoret", "other", NULL, NULL, &c), STORE_OK);
	assert_true(a > 0 && b > 0 && c > 0 && a != b && b != c);
	assert_int_equal(store_org_create(db, "Bodø igjen", "municipality", "972417858", "1804", &x), STORE_CONFLICT);
	assert_int_equal(x, -1);
	assert_int_equal(store_org_count(db), 3);

	struct org o = {0};
	assert_int_equal(store_org_by_id(db, a, &o), STORE_OK);
	assert_int_equal(o.id, a);
	assert_string_equal(o.name, "Bodø kommune");
	assert_string_equal(o.kind, "municipality");
	assert_string_equal(o.orgnr, "972417858");
	assert_string_equal(o.kommunenr, "1804");
	assert_true(o.created_at > 0);
	org_free(&o);
	assert_int_equal(store_org_by_id(db, b, &o), STORE_OK);
	assert_null(o.orgnr);
	assert_null(o.kommunenr);
	org_free(&o);
	assert_int_equal(store_org_by_id(db, a + b + c + 1, &o), STORE_NOTFOUND);
	assert_null(o.name);

	assert_int_equal(store_org_create(db, "Fjerde", "other", "974760673", NULL, &d), STORE_OK);
	struct db_stmt *s = store_org_list(db, 2, 0);
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 1), "Bodø kommune");
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 1), "Fjerde");
	assert_int_equal(db_step(s), DB_DONE);
	db_reset(s);
}

/* Memberships: set, upsert the role, list members by name, count admins,
 * list a user's organisations, remove. */
static void test_memberships(void **state)
{
	struct db *db = DB(state);
	long long anne = 0, bjorn = 0, org = 0, org2 = 0;
	assert_int_equal(store_user_create(db, "bjorn@example.no", "Bjørn", false, &bjorn), STORE_OK);
	assert_int_equal(store_user_create(db, "anne@example.no", "Anne", false, &anne), STORE_OK);
	assert_int_equal(store_org_create(db, "Bodø kommune", "municipality", NULL, "1804", &org), STORE_OK);
	assert_int_equal(store_org_create(db, "Alstahaug kommune", "municipality", NULL, "1820", &org2), STORE_OK);

	assert_int_equal(store_membership_set(db, bjorn, org, "member"), STORE_OK);
	assert_int_equal(store_membership_set(db, anne, org, "admin"), STORE_OK);
	assert_int_equal(store_membership_set(db, bjorn, org2, "admin"), STORE_OK);

	struct db_stmt *s = store_members_of_org(db, org);
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), anne);
	assert_string_equal(db_col_text(s, 1), "Anne");
	assert_string_equal(db_col_text(s, 2), "anne@example.no");
	assert_string_equal(db_col_text(s, 3), "admin");
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), bjorn);
	assert_string_equal(db_col_text(s, 3), "member");
	assert_int_equal(db_step(s), DB_DONE);
	db_reset(s);
	assert_int_equal(store_org_admin_count(db, org), 1);

	/* Setting again changes the role and adds no row. */
	assert_int_equal(store_membership_set(db, bjorn, org, "admin"), STORE_OK);
	assert_int_equal(store_org_admin_count(db, org), 2);
	int rows = 0;
	s = store_members_of_org(db, org);
	while (db_step(s) == DB_ROW) {
		assert_string_equal(db_col_text(s, 3), "admin");
		rows++;
	}
	db_reset(s);
	assert_int_equal(rows, 2);

	/* A user's organisations, by name. */
	s = store_memberships_of_user(db, bjorn);
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), org2);
	assert_string_equal(db_col_text(s, 1), "Alstahaug kommune");
	assert_string_equal(db_col_text(s, 2), "municipality");
	assert_string_equal(db_col_text(s, 3), "admin");
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), org);
	assert_int_equal(db_step(s), DB_DONE);
	db_reset(s);

	/* Remove one; the other organisation is untouched. */
	assert_int_equal(store_membership_remove(db, anne, org), STORE_OK);
	s = store_members_of_org(db, org);
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), bjorn);
	assert_int_equal(db_step(s), DB_DONE);
	db_reset(s);
	assert_int_equal(store_org_admin_count(db, org), 1);
	assert_int_equal(store_org_admin_count(db, org2), 1);
	assert_int_equal(store_membership_remove(db, anne, org), STORE_OK);  /* already gone: fine */
	s = store_memberships_of_user(db, anne);
	assert_int_equal(db_step(s), DB_DONE);
	db_reset(s);
}

/* $N placeholders bind by number, not by order of appearance: $2 before $1
 * gets the second value first, and a number used twice gets the same value. */
static void test_placeholder_order(void **state)
{
	struct db *db = DB(state);
	struct db_stmt *s = db_prepare(db, SQL_T_ORDER);
	assert_non_null(s);
	db_bind_text(s, 1, "first");
	db_bind_text(s, 2, "second");
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 0), "second");
	assert_string_equal(db_col_text(s, 1), "first");
	assert_int_equal(db_step(s), DB_DONE);
	db_reset(s);

	s = db_prepare(db, SQL_T_INT_ORDER);
	db_bind_int(s, 1, 10);
	db_bind_int(s, 2, 3);
	assert_int_equal(db_step(s), DB_ROW);
	assert_true(db_col_int(s, 0) == -7);
	db_reset(s);

	s = db_prepare(db, SQL_T_REUSE);
	db_bind_text(s, 1, "a");
	db_bind_text(s, 2, "b");
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 0), "a-b-a");
	db_reset(s);

	/* "$1" inside a string literal is text, not a placeholder. */
	s = db_prepare(db, SQL_T_QUOTED);
	db_bind_text(s, 1, "bound");
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 0), "$1");
	assert_string_equal(db_col_text(s, 1), "bound");
	db_reset(s);

	/* The same against a table. */
	long long id = 0;
	assert_int_equal(store_user_create(db, "kari@example.no", "Kari", false, &id), STORE_OK);
	s = db_prepare(db, SQL_T_USER_2_1);
	db_bind_text(s, 1, "kari@example.no");
	db_bind_text(s, 2, "Kari");
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), id);
	db_reset(s);
	s = db_prepare(db, SQL_T_USER_2_1);
	db_bind_text(s, 1, "Kari");
	db_bind_text(s, 2, "kari@example.no");
	assert_int_equal(db_step(s), DB_DONE);
	db_reset(s);
}

/* Statements are cached per SQL text; NULL columns read as "" / NULL; a
 * statement can be re-bound after db_reset; bad SQL gives NULL and errors. */
static void test_statements(void **state)
{
	struct db *db = DB(state);
	struct db_stmt *s = db_prepare(db, SQL_T_NULLS);
	assert_ptr_equal(db_prepare(db, SQL_T_NULLS), s);
	db_bind_text(s, 1, NULL);
	assert_int_equal(db_step(s), DB_ROW);
	assert_true(db_col_null(s, 0));
	assert_true(db_col_null(s, 1));
	assert_string_equal(db_col_text(s, 1), "");
	assert_null(db_col_dup(s, 1));
	db_reset(s);
	db_bind_text(s, 1, "x");
	assert_int_equal(db_step(s), DB_ROW);
	assert_false(db_col_null(s, 0));
	char *dup = db_col_dup(s, 0);
	assert_string_equal(dup, "x");
	free(dup);
	db_reset(s);

	fprintf(stderr, "(an error about SELEKT is expected)\n");
	assert_null(db_prepare(db, SQL_T_BAD));
	assert_int_equal(db_step(NULL), DB_ERROR);
	db_reset(NULL);
}

/* A rolled-back write transaction leaves nothing behind; a committed one
 * stays; transactions do not nest. */
static void test_transactions(void **state)
{
	struct db *db = DB(state);
	long long id = 0;
	assert_false(db_in_transaction(db));
	assert_int_equal(db_begin_write(db), 0);
	assert_true(db_in_transaction(db));
	assert_int_equal(db_begin_write(db), -1);
	assert_int_equal(db_begin_read(db), -1);
	assert_int_equal(store_user_create(db, "ghost@example.no", "Ghost", false, &id), STORE_OK);
	assert_int_equal(store_setting_init(db, "ghost", "boo"), STORE_OK);
	struct user u = {0};
	assert_int_equal(store_user_by_email(db, "ghost@example.no", &u), STORE_OK);  /* visible inside */
	user_free(&u);
	assert_int_equal(db_rollback(db), 0);
	assert_false(db_in_transaction(db));
	assert_int_equal(store_user_by_email(db, "ghost@example.no", &u), STORE_NOTFOUND);
	assert_int_equal(store_user_count(db), 0);
	assert_null(store_setting_get(db, "ghost"));

	assert_int_equal(db_begin_write(db), 0);
	assert_int_equal(store_user_create(db, "real@example.no", "Real", false, &id), STORE_OK);
	assert_int_equal(db_commit(db), 0);
	assert_false(db_in_transaction(db));
	assert_int_equal(store_user_by_email(db, "real@example.no", &u), STORE_OK);
	user_free(&u);
	assert_int_equal(db_commit(db), -1);   /* nothing to commit */
	assert_int_equal(db_rollback(db), 0);  /* nothing to roll back: harmless */

	assert_int_equal(db_begin_read(db), 0);
	assert_int_equal(store_user_count(db), 1);
	assert_int_equal(db_commit(db), 0);
}

/* After a failed statement inside a transaction, rolling back leaves the
 * connection usable and the transaction's writes undone. */
static void test_rollback_after_error(void **state)
{
	struct db *db = DB(state);
	long long id = 0;
	assert_int_equal(store_user_create(db, "u@example.no", "U", false, &id), STORE_OK);
	assert_int_equal(db_begin_write(db), 0);
	assert_int_equal(store_session_create(db, "h-dup", id, 100, 0, "test"), STORE_OK);
	fprintf(stderr, "(an error about a duplicate key is expected)\n");
	assert_int_equal(store_session_create(db, "h-dup", id, 100, 0, "test"), STORE_ERROR);
	assert_int_equal(db_rollback(db), 0);
	long long uid, created, seen, org;
	assert_int_equal(store_session_get(db, "h-dup", &uid, &created, &seen, &org), STORE_NOTFOUND);
	assert_int_equal(store_session_create(db, "h-dup", id, 100, 0, "test"), STORE_OK);
	assert_int_equal(store_session_count_user(db, id), 1);
}

/* The pool hands out connections and rolls back a transaction left open. */
static void test_pool(void **state)
{
	struct tdb *t = *state;
	char err[512] = "";
	struct db_pool *p = db_pool_open(t->url, 2, err, sizeof err);
	assert_non_null(p);
	struct db *a = db_pool_acquire(p), *b = db_pool_acquire(p);
	assert_non_null(a);
	assert_non_null(b);
	assert_ptr_not_equal(a, b);
	long long id = 0;
	assert_int_equal(db_begin_write(a), 0);
	assert_int_equal(store_user_create(a, "pool@example.no", "Pool", false, &id), STORE_OK);
	db_pool_release(p, b);
	db_pool_release(p, a);
	/* Both connections come back clean, whichever order the pool uses. */
	struct db *c = db_pool_acquire(p), *d = db_pool_acquire(p);
	assert_true((c == a && d == b) || (c == b && d == a));
	assert_false(db_in_transaction(c));
	assert_false(db_in_transaction(d));
	assert_int_equal(store_user_count(c), 0);
	assert_int_equal(store_user_count(d), 0);
	db_pool_release(p, c);
	db_pool_release(p, d);
	db_pool_close(p);
	assert_int_equal(store_user_count(t->db), 0);
}

struct pool_waiter {
	struct db_pool *p;
	struct db *got;
	atomic_int done;
};

static void *pool_wait_thread(void *arg)
{
	struct pool_waiter *w = arg;
	w->got = db_pool_acquire(w->p);
	atomic_store(&w->done, 1);
	return NULL;
}

/* The pool opens one connection at start and more only when all are busy, up
 * to its size; then a request waits for one to come back. */
static void test_pool_grows_then_waits(void **state)
{
	struct tdb *t = *state;
	char err[512] = "";
	struct db_pool *p = db_pool_open(t->url, 3, err, sizeof err);
	assert_non_null(p);
	struct db *a = db_pool_acquire(p), *b = db_pool_acquire(p), *c = db_pool_acquire(p);
	assert_true(a && b && c && a != b && b != c && a != c);
	struct pool_waiter w = {.p = p};
	pthread_t th;
	assert_int_equal(pthread_create(&th, NULL, pool_wait_thread, &w), 0);
	struct timespec pause = {0, 50 * 1000 * 1000};
	nanosleep(&pause, NULL);
	assert_int_equal(atomic_load(&w.done), 0); /* a fourth would exceed the size */
	db_pool_release(p, b);
	assert_int_equal(pthread_join(th, NULL), 0);
	assert_ptr_equal(w.got, b);
	db_pool_release(p, a);
	db_pool_release(p, c);
	db_pool_release(p, w.got);
	db_pool_close(p);
	/* A database that cannot be opened stops the pool at start. */
	assert_null(db_pool_open("sqlite:/nonexistent-dir/x/varde.db", 3, err, sizeof err));
	assert_true(err[0] != 0);
}

/* Throttle failures count up within the window, and a failure after the
 * window starts a new count at 1. */
static void test_throttle(void **state)
{
	struct db *db = DB(state);
	const long long w = 60;
	assert_int_equal(store_throttle_failures(db, "ip:10.0.0.1", 1000, w), 0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_throttle_fail(db, "ip:10.0.0.1", 1000 + i, w), STORE_OK);
	assert_int_equal(store_throttle_failures(db, "ip:10.0.0.1", 1002, w), 3);
	assert_int_equal(store_throttle_failures(db, "ip:10.0.0.1", 1059, w), 3);
	assert_int_equal(store_throttle_failures(db, "ip:10.0.0.2", 1002, w), 0);
	/* The window started at 1000; at 1061 it is over. */
	assert_int_equal(store_throttle_failures(db, "ip:10.0.0.1", 1061, w), 0);
	assert_int_equal(store_throttle_fail(db, "ip:10.0.0.1", 1061, w), STORE_OK);
	assert_int_equal(store_throttle_failures(db, "ip:10.0.0.1", 1061, w), 1);
	assert_int_equal(store_throttle_fail(db, "ip:10.0.0.1", 1062, w), STORE_OK);
	assert_int_equal(store_throttle_failures(db, "ip:10.0.0.1", 1062, w), 2);
	/* The new window is measured from 1061. */
	assert_int_equal(store_throttle_failures(db, "ip:10.0.0.1", 1120, w), 2);
	assert_int_equal(store_throttle_failures(db, "ip:10.0.0.1", 1122, w), 0);
	assert_int_equal(store_throttle_clear(db, "ip:10.0.0.1"), STORE_OK);
	assert_int_equal(store_throttle_failures(db, "ip:10.0.0.1", 1062, w), 0);
}

/* Sessions: create, read, touch, switch organisation, delete one, and delete
 * all of a user's sessions except one or all. */
static void test_sessions(void **state)
{
	struct db *db = DB(state);
	long long u = 0, v = 0, org = 0;
	assert_int_equal(store_user_create(db, "u@example.no", "U", false, &u), STORE_OK);
	assert_int_equal(store_user_create(db, "v@example.no", "V", false, &v), STORE_OK);
	assert_int_equal(store_org_create(db, "Org", "other", NULL, NULL, &org), STORE_OK);

	assert_int_equal(store_session_create(db, "hash-1", u, 5000, 0, "Firefox"), STORE_OK);
	long long uid = -1, created = -1, seen = -1, cur = -1;
	assert_int_equal(store_session_get(db, "hash-1", &uid, &created, &seen, &cur), STORE_OK);
	assert_int_equal(uid, u);
	assert_int_equal(created, 5000);
	assert_int_equal(seen, 5000);
	assert_int_equal(cur, 0);

	assert_int_equal(store_session_touch(db, "hash-1", 5100), STORE_OK);
	assert_int_equal(store_session_set_org(db, "hash-1", org), STORE_OK);
	assert_int_equal(store_session_get(db, "hash-1", &uid, &created, &seen, &cur), STORE_OK);
	assert_int_equal(created, 5000);
	assert_int_equal(seen, 5100);
	assert_int_equal(cur, org);

	assert_int_equal(store_session_create(db, "hash-2", u, 5200, org, NULL), STORE_OK);
	assert_int_equal(store_session_create(db, "hash-3", u, 5300, 0, "curl"), STORE_OK);
	assert_int_equal(store_session_create(db, "hash-v", v, 5300, 0, "curl"), STORE_OK);
	assert_int_equal(store_session_count_user(db, u), 3);
	assert_int_equal(store_session_get(db, "hash-2", &uid, &created, &seen, &cur), STORE_OK);
	assert_int_equal(cur, org);

	assert_int_equal(store_session_delete(db, "hash-3"), STORE_OK);
	assert_int_equal(store_session_get(db, "hash-3", &uid, &created, &seen, &cur), STORE_NOTFOUND);
	assert_int_equal(store_session_count_user(db, u), 2);

	assert_int_equal(store_session_delete_user(db, u, "hash-2"), STORE_OK);
	assert_int_equal(store_session_count_user(db, u), 1);
	assert_int_equal(store_session_get(db, "hash-1", &uid, &created, &seen, &cur), STORE_NOTFOUND);
	assert_int_equal(store_session_get(db, "hash-2", &uid, &created, &seen, &cur), STORE_OK);
	assert_int_equal(store_session_delete_user(db, u, NULL), STORE_OK);
	assert_int_equal(store_session_count_user(db, u), 0);
	assert_int_equal(store_session_count_user(db, v), 1);  /* other users untouched */
	assert_int_equal(store_session_get(db, "no-such", &uid, &created, &seen, &cur), STORE_NOTFOUND);
}

/* One-time tokens: found while unused and unexpired and for their purpose
 * only; not found after use or expiry; a second use keeps the first time. */
static void test_tokens(void **state)
{
	struct db *db = DB(state);
	long long u = 0, who = -1;
	assert_int_equal(store_user_create(db, "u@example.no", "U", false, &u), STORE_OK);
	assert_int_equal(store_token_create(db, "tok-a", u, "set-password", 1000, 2000), STORE_OK);
	assert_int_equal(store_token_create(db, "tok-old", u, "set-password", 100, 900), STORE_OK);

	assert_int_equal(store_token_user(db, "tok-a", "set-password", 1500, &who), STORE_OK);
	assert_int_equal(who, u);
	who = -1;
	assert_int_equal(store_token_user(db, "tok-a", "invite", 1500, &who), STORE_NOTFOUND);
	assert_int_equal(store_token_user(db, "tok-a", "set-password", 2000, &who), STORE_NOTFOUND);
	assert_int_equal(store_token_user(db, "tok-a", "set-password", 2500, &who), STORE_NOTFOUND);
	assert_int_equal(store_token_user(db, "tok-old", "set-password", 1000, &who), STORE_NOTFOUND);
	assert_int_equal(store_token_user(db, "tok-none", "set-password", 1000, &who), STORE_NOTFOUND);
	assert_int_equal(who, -1);

	assert_int_equal(store_token_use(db, "tok-a", 1600), STORE_OK);
	assert_int_equal(store_token_user(db, "tok-a", "set-password", 1700, &who), STORE_NOTFOUND);
	assert_int_equal(store_token_use(db, "tok-a", 1800), STORE_OK);
	struct db_stmt *s = db_prepare(db, SQL_T_TOKEN_USED);
	db_bind_text(s, 1, "tok-a");
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), 1600);
	db_reset(s);
}

/* Settings: missing is NULL; the first store_setting_init wins. */
static void test_settings(void **state)
{
	struct db *db = DB(state);
	assert_null(store_setting_get(db, "secret"));
	assert_int_equal(store_setting_init(db, "secret", "first"), STORE_OK);
	assert_int_equal(store_setting_init(db, "secret", "second"), STORE_OK);
	char *v = store_setting_get(db, "secret");
	assert_string_equal(v, "first");
	free(v);
	/* Across connections as well (each Varde process has its own). */
	struct tdb *t = *state;
	struct db *other = open_or_fail(t->url);
	assert_non_null(other);
	assert_int_equal(store_setting_init(other, "secret", "third"), STORE_OK);
	assert_int_equal(store_setting_init(other, "other", "x"), STORE_OK);
	v = store_setting_get(other, "secret");
	assert_string_equal(v, "first");
	free(v);
	db_close(other);
	v = store_setting_get(db, "other");
	assert_string_equal(v, "x");
	free(v);
}

/* Audit rows keep what was written, with no user stored as NULL. */
static void test_audit(void **state)
{
	struct db *db = DB(state);
	long long u = 0;
	assert_int_equal(store_user_create(db, "u@example.no", "U", false, &u), STORE_OK);
	assert_int_equal(store_audit(db, u, "login", "user:1", NULL), STORE_OK);
	assert_int_equal(store_audit(db, 0, "login-failed", NULL, "kari@example.no"), STORE_OK);
	struct db_stmt *s = db_prepare(db, SQL_T_AUDIT);
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), u);
	assert_string_equal(db_col_text(s, 1), "login");
	assert_string_equal(db_col_text(s, 2), "user:1");
	assert_true(db_col_null(s, 3));
	assert_int_equal(db_step(s), DB_ROW);
	assert_true(db_col_null(s, 0));
	assert_string_equal(db_col_text(s, 1), "login-failed");
	assert_true(db_col_null(s, 2));
	assert_string_equal(db_col_text(s, 3), "kari@example.no");
	assert_int_equal(db_step(s), DB_DONE);
	db_reset(s);
}

/* db_open refuses an empty SQLite path and reports unreachable servers. */
static void test_open_errors(void **state)
{
	(void)state;
	char err[512] = "";
	assert_null(db_open("sqlite:", err, sizeof err));
	assert_true(err[0] != '\0');
	err[0] = '\0';
	assert_null(db_open("sqlite:/nonexistent-dir/varde/x.db", err, sizeof err));
	assert_non_null(strstr(err, "/nonexistent-dir/varde/x.db"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migrate_idempotent, setup_empty, teardown_db),
		cmocka_unit_test_setup_teardown(test_migrate_second_connection, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_users, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_orgs, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_memberships, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_placeholder_order, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_statements, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_transactions, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_rollback_after_error, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_pool_grows_then_waits, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_pool, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_throttle, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_sessions, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_tokens, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_settings, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_audit, setup_db, teardown_db),
		cmocka_unit_test(test_open_errors),
	};
	printf("test_db: on SQLite\n");
	int failed = cmocka_run_group_tests_name("db on SQLite", tests, NULL, NULL);
	pg_base = getenv("VARDE_TEST_PG");
	if (pg_base && *pg_base) {
		printf("test_db: on PostgreSQL (%s)\n", pg_base);
		failed += cmocka_run_group_tests_name("db on PostgreSQL", tests, NULL, NULL);
	} else {
		printf("test_db: VARDE_TEST_PG not set; PostgreSQL run skipped (scripts/pg-test.sh sets it)\n");
	}
	return failed;
}
