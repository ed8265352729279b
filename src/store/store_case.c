/* store_case.c — the case library: publishing, withdrawing and reading cases.
 * A case holds copies of its texts (made when published), so the library
 * reads the project only to see that it is not deleted. The search index over
 * cases is kept by triggers (SQLite) or an expression index (PostgreSQL), see
 * migration 8; nothing here has to maintain it. */
#include "store_case.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/buf.h"
#include "store.h"

void case_free(struct case_rec *k)
{
	free(k->title);
	free(k->challenge);
	free(k->what);
	free(k->results);
	free(k->benefits);
	free(k->lessons);
	free(k->contact);
	free(k->phase);
	free(k->service_area);
	free(k->audience);
	free(k->benefit_types);
	free(k->org_name);
	memset(k, 0, sizeof *k);
}

#define CASE_COLS                                                                                                 \
	"c.id, c.project_id, c.org_id, c.title, c.challenge, c.what, c.results, c.benefits, c.lessons, c.contact,"  \
	" c.phase, c.service_area, c.benefit_types, c.audience, c.published_by, c.published_at, c.updated_at,"       \
	" c.withdrawn_at, o.name"

static void case_read(struct db_stmt *s, struct case_rec *k)
{
	k->id = db_col_int(s, 0);
	k->project_id = db_col_int(s, 1);
	k->org_id = db_col_int(s, 2);
	k->title = db_col_dup(s, 3);
	k->challenge = db_col_dup(s, 4);
	k->what = db_col_dup(s, 5);
	k->results = db_col_dup(s, 6);
	k->benefits = db_col_dup(s, 7);
	k->lessons = db_col_dup(s, 8);
	k->contact = db_col_dup(s, 9);
	k->phase = db_col_dup(s, 10);
	k->service_area = db_col_dup(s, 11);
	k->benefit_types = db_col_dup(s, 12);
	k->audience = db_col_dup(s, 13);
	k->published_by = db_col_int(s, 14);
	k->published_at = db_col_int(s, 15);
	k->updated_at = db_col_int(s, 16);
	k->withdrawn = !db_col_null(s, 17);
	k->org_name = db_col_dup(s, 18);
}

static int case_load(struct db_stmt *s, struct case_rec *out)
{
	memset(out, 0, sizeof *out);
	int rc = db_step(s);
	if (rc == DB_ROW)
		case_read(s, out);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_CASE_OF_PROJECT[] =
	"SELECT " CASE_COLS " FROM cases c JOIN orgs o ON o.id = c.org_id WHERE c.project_id = $1";

int store_case_of_project(struct db *db, long long project_id, struct case_rec *out)
{
	struct db_stmt *s = db_prepare(db, SQL_CASE_OF_PROJECT);
	db_bind_int(s, 1, project_id);
	return case_load(s, out);
}

static const char SQL_CASE_GET[] =
	"SELECT " CASE_COLS " FROM cases c JOIN orgs o ON o.id = c.org_id WHERE c.id = $1 AND" STORE_CASE_READABLE("$2");

int store_case_get(struct db *db, long long id, long long user_id, struct case_rec *out)
{
	struct db_stmt *s = db_prepare(db, SQL_CASE_GET);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, user_id);
	return case_load(s, out);
}

/* One row per project (project_id is UNIQUE): publishing again replaces the
 * texts, keeps the first publication date and lifts a withdrawal. */
static const char SQL_CASE_UPSERT[] =
	"INSERT INTO cases (project_id, org_id, title, challenge, what, results, benefits, lessons, contact, phase,"
	" service_area, benefit_types, audience, published_by, published_at, updated_at)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)"
	" ON CONFLICT (project_id) DO UPDATE SET org_id = excluded.org_id, title = excluded.title,"
	" challenge = excluded.challenge, what = excluded.what, results = excluded.results, benefits = excluded.benefits,"
	" lessons = excluded.lessons, contact = excluded.contact, phase = excluded.phase,"
	" service_area = excluded.service_area, benefit_types = excluded.benefit_types, audience = excluded.audience,"
	" published_by = excluded.published_by, updated_at = excluded.updated_at, withdrawn_at = NULL"
	" RETURNING id";

int store_case_publish(struct db *db, const struct case_rec *k, long long user_id, long long *id)
{
	struct db_stmt *s = db_prepare(db, SQL_CASE_UPSERT);
	db_bind_int(s, 1, k->project_id);
	db_bind_int(s, 2, k->org_id);
	db_bind_text(s, 3, k->title);
	db_bind_text(s, 4, k->challenge);
	db_bind_text(s, 5, k->what);
	db_bind_text(s, 6, k->results ? k->results : "");
	db_bind_text(s, 7, k->benefits ? k->benefits : "");
	db_bind_text(s, 8, k->lessons ? k->lessons : "");
	db_bind_text(s, 9, k->contact ? k->contact : "");
	db_bind_text(s, 10, k->phase);
	db_bind_text(s, 11, k->service_area);
	db_bind_text(s, 12, k->benefit_types ? k->benefit_types : "[]");
	db_bind_text(s, 13, k->audience);
	db_bind_int(s, 14, user_id);
	db_bind_int(s, 15, (long long)time(NULL));
	int rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : STORE_ERROR;
}

static const char SQL_CASE_WITHDRAW[] =
	"UPDATE cases SET withdrawn_at = $2, updated_at = $2 WHERE project_id = $1 AND withdrawn_at IS NULL";

int store_case_withdraw(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_CASE_WITHDRAW);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* benefit_types is a JSON array of keys; $5 is the pattern of one key as a
 * JSON string (store_case_type_pattern), so it matches whole elements only. */
static const char SQL_CASES_LIST[] =
	"SELECT c.id, c.title, o.name, c.phase, c.service_area, c.audience, c.published_at, c.updated_at, c.challenge"
	" FROM cases c JOIN orgs o ON o.id = c.org_id WHERE" STORE_CASE_READABLE("$1")
	" AND ($2 = '' OR c.phase = $2) AND ($3 = '' OR c.service_area = $3)"
	" AND ($4 = '' OR c.benefit_types LIKE $4 ESCAPE '\\') ORDER BY c.updated_at DESC, c.id DESC LIMIT $5";

struct db_stmt *store_cases_list(struct db *db, long long user_id, const char *phase, const char *area, const char *type,
				 int limit)
{
	char *pattern = store_case_type_pattern(type);
	struct db_stmt *s = db_prepare(db, SQL_CASES_LIST);
	db_bind_int(s, 1, user_id);
	db_bind_text(s, 2, phase ? phase : "");
	db_bind_text(s, 3, area ? area : "");
	db_bind_text(s, 4, pattern);
	db_bind_int(s, 5, limit);
	free(pattern);
	return s;
}

char *store_case_type_pattern(const char *type)
{
	struct buf b = {0};
	if (!type || !*type)
		return buf_detach(&b);
	json_t *j = json_string(type);
	char *enc = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
	json_decref(j);
	if (!enc)
		return buf_detach(&b);
	buf_putc(&b, '%');
	for (const char *p = enc; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *p);
	}
	buf_putc(&b, '%');
	free(enc);
	return buf_detach(&b);
}

static const char SQL_CASE_BENEFITS[] =
	"SELECT title, data FROM register_items WHERE project_id = $1 AND reg = 'benefit' AND deleted_at IS NULL"
	" AND tombstone = 0 AND pii = '' ORDER BY id";

int store_case_project_benefits(struct db *db, long long project_id, char **names, char **types)
{
	struct buf nb = {0};
	json_t *tv = json_array();
	struct db_stmt *s = db_prepare(db, SQL_CASE_BENEFITS);
	db_bind_int(s, 1, project_id);
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		if (*db_col_text(s, 0)) {
			if (nb.len)
				buf_putc(&nb, '\n');
			buf_puts(&nb, db_col_text(s, 0));
		}
		/* An item's fields are {"fields": {"type": key, …}} (entry.h). */
		json_t *e = json_loads(db_col_text(s, 1), 0, NULL);
		const char *type = json_string_value(json_object_get(json_object_get(e, "fields"), "type"));
		bool seen = !type || !*type;
		for (size_t i = 0; !seen && i < json_array_size(tv); i++)
			seen = strcmp(json_string_value(json_array_get(tv, i)), type) == 0;
		if (!seen)
			json_array_append_new(tv, json_string(type));
		json_decref(e);
	}
	db_reset(s);
	if (names)
		*names = buf_detach(&nb);
	buf_free(&nb);
	if (types)
		*types = json_dumps(tv, JSON_COMPACT);
	json_decref(tv);
	return rc == DB_DONE ? STORE_OK : STORE_ERROR;
}
