/* store_register.c — register items of the evidence chain, their revisions and
 * links, dot votes, and the lists that cross projects (retention due,
 * anchoring activities of a user). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"

void reg_item_free(struct reg_item *it)
{
	free(it->title);
	free(it->data);
	free(it->pii);
	free(it->retention_date);
	memset(it, 0, sizeof *it);
}

#define ITEM_COLS "id, project_id, reg, title, data, revision, pii, retention_date, updated_at, tombstone"
static const char SQL_ITEM_GET[] =
	"SELECT " ITEM_COLS " FROM register_items WHERE id = $1 AND project_id = $2 AND deleted_at IS NULL";

int store_item_get(struct db *db, long long project_id, long long id, struct reg_item *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *s = db_prepare(db, SQL_ITEM_GET);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, project_id);
	int rc = db_step(s);
	if (rc == DB_ROW) {
		out->id = db_col_int(s, 0);
		out->project_id = db_col_int(s, 1);
		snprintf(out->reg, sizeof out->reg, "%s", db_col_text(s, 2) ? db_col_text(s, 2) : "");
		out->title = db_col_dup(s, 3);
		out->data = db_col_dup(s, 4);
		out->revision = db_col_int(s, 5);
		out->pii = db_col_dup(s, 6);
		out->retention_date = db_col_null(s, 7) ? NULL : db_col_dup(s, 7);
		out->updated_at = db_col_int(s, 8);
		out->tombstone = db_col_int(s, 9) != 0;
	}
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_ITEM_INSERT[] =
	"INSERT INTO register_items (project_id, reg, title, data, revision, pii, retention_date, created_by, created_at,"
	" updated_by, updated_at) VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $7, $8) RETURNING id";
static const char SQL_ITEM_REV_INSERT[] =
	"INSERT INTO register_revisions (item_id, revision, title, data, changed, user_id, at)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7)";

/* The revision row that goes with every change of an item. */
static int item_revision_add(struct db *db, long long id, long long rev, const char *title, const char *data,
			     const char *changed, long long user_id, long long now)
{
	struct db_stmt *s = db_prepare(db, SQL_ITEM_REV_INSERT);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, rev);
	db_bind_text(s, 3, title);
	db_bind_text(s, 4, data);
	db_bind_text(s, 5, changed);
	db_bind_int(s, 6, user_id);
	db_bind_int(s, 7, now);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

int store_item_create(struct db *db, long long project_id, const char *reg, const char *title, const char *data,
		      const char *pii, const char *retention, const char *changed, long long user_id, long long *id)
{
	long long now = (long long)time(NULL);
	struct db_stmt *s = db_prepare(db, SQL_ITEM_INSERT);
	db_bind_int(s, 1, project_id);
	db_bind_text(s, 2, reg);
	db_bind_text(s, 3, title);
	db_bind_text(s, 4, data);
	db_bind_text(s, 5, pii);
	db_bind_text(s, 6, retention);
	db_bind_int(s, 7, user_id);
	db_bind_int(s, 8, now);
	int rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	if (rc != DB_ROW)
		return STORE_ERROR;
	return item_revision_add(db, *id, 1, title, data, changed, user_id, now);
}

static const char SQL_ITEM_UPDATE[] =
	"UPDATE register_items SET title = $2, data = $3, revision = $4, pii = $5, retention_date = $6, updated_by = $7,"
	" updated_at = $8 WHERE id = $1 AND revision = $4 - 1 AND deleted_at IS NULL";

int store_item_save(struct db *db, long long id, long long revision, const char *title, const char *data,
		    const char *pii, const char *retention, const char *changed, long long user_id)
{
	long long now = (long long)time(NULL);
	struct db_stmt *s = db_prepare(db, SQL_ITEM_UPDATE);
	db_bind_int(s, 1, id);
	db_bind_text(s, 2, title);
	db_bind_text(s, 3, data);
	db_bind_int(s, 4, revision);
	db_bind_text(s, 5, pii);
	db_bind_text(s, 6, retention);
	db_bind_int(s, 7, user_id);
	db_bind_int(s, 8, now);
	if (db_run(s) != DB_DONE)
		return STORE_ERROR;
	return item_revision_add(db, id, revision, title, data, changed, user_id, now);
}

static const char SQL_ITEM_DELETE[] =
	"UPDATE register_items SET deleted_at = $2, updated_by = $3 WHERE id = $1 AND deleted_at IS NULL";

int store_item_delete(struct db *db, long long id, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ITEM_DELETE);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, (long long)time(NULL));
	db_bind_int(s, 3, user_id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* Deleting for retention keeps the item as a tombstone: the row and its
 * revision numbers stay (so links and history still make sense), every text
 * is wiped, and a last revision says who deleted it and when. */
static const char SQL_ITEM_WIPE[] =
	"UPDATE register_items SET title = '', data = '{}', pii = '', retention_date = NULL, tombstone = 1,"
	" revision = revision + 1, updated_by = $2, updated_at = $3 WHERE id = $1 AND tombstone = 0";
static const char SQL_ITEM_WIPE_REVS[] = "UPDATE register_revisions SET title = '', data = '{}' WHERE item_id = $1";
static const char SQL_ITEM_REV_MAX[] = "SELECT revision FROM register_items WHERE id = $1";

int store_item_tombstone(struct db *db, long long id, long long user_id)
{
	long long now = (long long)time(NULL);
	struct db_stmt *s = db_prepare(db, SQL_ITEM_WIPE);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, user_id);
	db_bind_int(s, 3, now);
	if (db_run(s) != DB_DONE)
		return STORE_ERROR;
	s = db_prepare(db, SQL_ITEM_WIPE_REVS);
	db_bind_int(s, 1, id);
	if (db_run(s) != DB_DONE)
		return STORE_ERROR;
	s = db_prepare(db, SQL_ITEM_REV_MAX);
	db_bind_int(s, 1, id);
	long long rev = db_step(s) == DB_ROW ? db_col_int(s, 0) : 0;
	db_reset(s);
	if (!rev)
		return STORE_ERROR;
	return item_revision_add(db, id, rev, "", "{}", "[\"tombstone\"]", user_id, now);
}

static const char SQL_ITEMS_OF_PROJECT[] =
	"SELECT id, reg, title, pii, data, updated_at, tombstone FROM register_items WHERE project_id = $1 AND deleted_at IS NULL"
	" ORDER BY reg, id LIMIT 5000";

struct db_stmt *store_items_of_project(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ITEMS_OF_PROJECT);
	db_bind_int(s, 1, project_id);
	return s;
}

static const char SQL_LINKS_DELETE[] = "DELETE FROM register_links WHERE dst_id = $1";
static const char SQL_LINK_INSERT[] =
	"INSERT INTO register_links (project_id, src_id, dst_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

int store_links_set(struct db *db, long long project_id, long long dst, const long long *src, int n)
{
	struct db_stmt *s = db_prepare(db, SQL_LINKS_DELETE);
	db_bind_int(s, 1, dst);
	if (db_run(s) != DB_DONE)
		return STORE_ERROR;
	for (int i = 0; i < n; i++) {
		s = db_prepare(db, SQL_LINK_INSERT);
		db_bind_int(s, 1, project_id);
		db_bind_int(s, 2, src[i]);
		db_bind_int(s, 3, dst);
		if (db_run(s) != DB_DONE)
			return STORE_ERROR;
	}
	return STORE_OK;
}

static const char SQL_LINKS_OF_PROJECT[] =
	"SELECT l.src_id, l.dst_id FROM register_links l JOIN register_items a ON a.id = l.src_id"
	" JOIN register_items b ON b.id = l.dst_id WHERE l.project_id = $1 AND a.deleted_at IS NULL"
	" AND b.deleted_at IS NULL LIMIT 20000";

struct db_stmt *store_links_of_project(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_LINKS_OF_PROJECT);
	db_bind_int(s, 1, project_id);
	return s;
}

static const char SQL_ITEM_REVISIONS[] =
	"SELECT r.revision, r.changed, r.at, u.name, r.title, r.data FROM register_revisions r"
	" LEFT JOIN users u ON u.id = r.user_id WHERE r.item_id = $1 ORDER BY r.revision DESC LIMIT 200";

struct db_stmt *store_item_revisions(struct db *db, long long item_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ITEM_REVISIONS);
	db_bind_int(s, 1, item_id);
	return s;
}

static const char SQL_VOTE_ROUND[] = "SELECT COALESCE(MAX(round), 0) FROM vote_rounds WHERE project_id = $1";

long long store_vote_round(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_VOTE_ROUND);
	db_bind_int(s, 1, project_id);
	long long r = db_step(s) == DB_ROW ? db_col_int(s, 0) : 0;
	db_reset(s);
	return r;
}

static const char SQL_VOTE_ROUND_OPEN[] =
	"INSERT INTO vote_rounds (project_id, round, opened_by, opened_at) VALUES ($1, $2, $3, $4)";

int store_vote_round_open(struct db *db, long long project_id, long long round, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_VOTE_ROUND_OPEN);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, round);
	db_bind_int(s, 3, user_id);
	db_bind_int(s, 4, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_VOTES_CLEAR[] = "DELETE FROM idea_votes WHERE project_id = $1 AND round = $2 AND user_id = $3";
static const char SQL_VOTE_INSERT[] =
	"INSERT INTO idea_votes (project_id, round, item_id, user_id, dots) VALUES ($1, $2, $3, $4, $5)";

int store_votes_set(struct db *db, long long project_id, long long round, long long user_id, const long long *items,
		    const int *dots, int n)
{
	struct db_stmt *s = db_prepare(db, SQL_VOTES_CLEAR);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, round);
	db_bind_int(s, 3, user_id);
	if (db_run(s) != DB_DONE)
		return STORE_ERROR;
	for (int i = 0; i < n; i++) {
		if (dots[i] <= 0)
			continue;
		s = db_prepare(db, SQL_VOTE_INSERT);
		db_bind_int(s, 1, project_id);
		db_bind_int(s, 2, round);
		db_bind_int(s, 3, items[i]);
		db_bind_int(s, 4, user_id);
		db_bind_int(s, 5, dots[i]);
		if (db_run(s) != DB_DONE)
			return STORE_ERROR;
	}
	return STORE_OK;
}

static const char SQL_VOTES[] = "SELECT item_id, user_id, dots FROM idea_votes WHERE project_id = $1 AND round = $2";

struct db_stmt *store_votes(struct db *db, long long project_id, long long round)
{
	struct db_stmt *s = db_prepare(db, SQL_VOTES);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, round);
	return s;
}

static const char SQL_RETENTION_DUE[] =
	"SELECT i.id, i.project_id, p.title, i.reg, i.title, i.retention_date, i.pii,"
	" CASE WHEN EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = i.project_id AND m.user_id = $3)"
	" THEN 1 ELSE 0 END FROM register_items i"
	" JOIN projects p ON p.id = i.project_id WHERE p.org_id = $1 AND p.deleted_at IS NULL AND i.deleted_at IS NULL"
	" AND i.tombstone = 0 AND i.retention_date IS NOT NULL AND i.retention_date < $2"
	" ORDER BY i.retention_date, i.id LIMIT 500";

struct db_stmt *store_retention_due(struct db *db, long long org_id, const char *today, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_RETENTION_DUE);
	db_bind_int(s, 1, org_id);
	db_bind_text(s, 2, today);
	db_bind_int(s, 3, user_id);
	return s;
}

static const char SQL_RETENTION_ITEM[] =
	"SELECT i.project_id FROM register_items i JOIN projects p ON p.id = i.project_id WHERE i.id = $1"
	" AND p.org_id = $2 AND p.deleted_at IS NULL AND i.deleted_at IS NULL AND i.tombstone = 0"
	" AND i.retention_date IS NOT NULL"
	" AND i.retention_date < $3";

int store_retention_item(struct db *db, long long org_id, long long item_id, const char *today, long long *project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_RETENTION_ITEM);
	db_bind_int(s, 1, item_id);
	db_bind_int(s, 2, org_id);
	db_bind_text(s, 3, today);
	int rc = db_step(s);
	if (rc == DB_ROW)
		*project_id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : STORE_NOTFOUND;
}

/* Anchoring activities in the active projects of a user's teams; the page
 * keeps those the user is responsible for and that are overdue (the fields
 * are JSON, read in C). */
static const char SQL_ANCHORING_OF_USER[] =
	"SELECT i.id, i.project_id, p.title, i.title, i.data FROM register_items i JOIN projects p ON p.id = i.project_id"
	" JOIN project_members m ON m.project_id = p.id AND m.user_id = $1 WHERE i.reg = 'anchoring'"
	" AND i.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY i.id LIMIT 2000";

struct db_stmt *store_anchoring_of_user(struct db *db, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ANCHORING_OF_USER);
	db_bind_int(s, 1, user_id);
	return s;
}
