/* store_project.c — projects, their teams, tool entries with revisions, step
 * status, phase-gate decisions and the activity feed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"

void project_free(struct project *p)
{
	free(p->title);
	free(p->challenge);
	free(p->goals);
	free(p->service_area);
	free(p->start_date);
	free(p->planned_end);
	free(p->visibility);
	free(p->current_phase);
	free(p->status);
	free(p->rag);
	free(p->rag_comment);
	memset(p, 0, sizeof *p);
}

static const char SQL_PROJECT_INSERT[] =
	"INSERT INTO projects (org_id, title, challenge, goals, service_area, methodology_version_id, start_date,"
	" planned_end, visibility, current_phase, created_by, created_at, updated_at)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id";

int store_project_create(struct db *db, const struct project *p, long long user_id, long long *id)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_INSERT);
	db_bind_int(s, 1, p->org_id);
	db_bind_text(s, 2, p->title);
	db_bind_text(s, 3, p->challenge);
	db_bind_text(s, 4, p->goals);
	db_bind_text(s, 5, p->service_area);
	db_bind_int(s, 6, p->methodology_version_id);
	db_bind_text(s, 7, p->start_date);
	db_bind_text(s, 8, p->planned_end);
	db_bind_text(s, 9, p->visibility);
	db_bind_text(s, 10, p->current_phase);
	db_bind_int(s, 11, user_id);
	db_bind_int(s, 12, (long long)time(NULL));
	int rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : STORE_ERROR;
}

#define PROJECT_COLS                                                                                              \
	"id, org_id, title, challenge, goals, service_area, methodology_version_id, start_date, planned_end,"     \
	" visibility, current_phase, status, rag, rag_comment, created_at, updated_at"
static const char SQL_PROJECT_GET[] = "SELECT " PROJECT_COLS " FROM projects WHERE id = $1 AND deleted_at IS NULL";

void project_read(struct db_stmt *s, struct project *p)
{
	p->id = db_col_int(s, 0);
	p->org_id = db_col_int(s, 1);
	p->title = db_col_dup(s, 2);
	p->challenge = db_col_dup(s, 3);
	p->goals = db_col_dup(s, 4);
	p->service_area = db_col_dup(s, 5);
	p->methodology_version_id = db_col_int(s, 6);
	p->start_date = db_col_dup(s, 7);
	p->planned_end = db_col_dup(s, 8);
	p->visibility = db_col_dup(s, 9);
	p->current_phase = db_col_dup(s, 10);
	p->status = db_col_dup(s, 11);
	p->rag = db_col_dup(s, 12);
	p->rag_comment = db_col_dup(s, 13);
	p->created_at = db_col_int(s, 14);
	p->updated_at = db_col_int(s, 15);
}

int store_project_get(struct db *db, long long id, struct project *out)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_GET);
	db_bind_int(s, 1, id);
	int rc = db_step(s);
	if (rc == DB_ROW)
		project_read(s, out);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_PROJECT_TOUCH[] = "UPDATE projects SET updated_at = $1 WHERE id = $2";
static const char SQL_PROJECT_PHASE[] = "UPDATE projects SET current_phase = $1, status = $2, updated_at = $3 WHERE id = $4";

/* Serialise the writes to one project: its revisions are numbered by reading
 * the last and inserting the next, which two PostgreSQL transactions could do
 * at once (the unique key then refuses one with an error). SQLite runs one
 * write transaction at a time already. */
static const char SQL_PROJECT_LOCK_PG[] = "SELECT id FROM projects WHERE id = $1 FOR UPDATE";

int store_project_lock(struct db *db, long long id)
{
	if (db_kind(db) != DB_PG)
		return STORE_OK;
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_LOCK_PG);
	db_bind_int(s, 1, id);
	int rc = db_step(s);
	db_reset(s);
	return rc == DB_ERROR ? STORE_ERROR : STORE_OK;
}

int store_project_touch(struct db *db, long long id)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_TOUCH);
	db_bind_int(s, 1, (long long)time(NULL));
	db_bind_int(s, 2, id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

int store_project_set_phase(struct db *db, long long id, const char *phase, const char *status)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_PHASE);
	db_bind_text(s, 1, phase);
	db_bind_text(s, 2, status);
	db_bind_int(s, 3, (long long)time(NULL));
	db_bind_int(s, 4, id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_MEMBER_ROLE[] = "SELECT role, guest FROM project_members WHERE project_id = $1 AND user_id = $2";

int store_project_role(struct db *db, long long project_id, long long user_id, char role[16], bool *guest)
{
	struct db_stmt *s = db_prepare(db, SQL_MEMBER_ROLE);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, user_id);
	int rc = db_step(s);
	role[0] = '\0';
	*guest = false;
	if (rc == DB_ROW) {
		snprintf(role, 16, "%s", db_col_text(s, 0));
		*guest = db_col_int(s, 1) != 0;
	}
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_PMEMBER_UPSERT[] =
	"INSERT INTO project_members (project_id, user_id, role, guest, created_at) VALUES ($1, $2, $3, $4, $5)"
	" ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role";

int store_project_member_set(struct db *db, long long project_id, long long user_id, const char *role, bool guest)
{
	struct db_stmt *s = db_prepare(db, SQL_PMEMBER_UPSERT);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, user_id);
	db_bind_text(s, 3, role);
	db_bind_int(s, 4, guest);
	db_bind_int(s, 5, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_PMEMBER_DELETE[] = "DELETE FROM project_members WHERE project_id = $1 AND user_id = $2";

int store_project_member_remove(struct db *db, long long project_id, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_PMEMBER_DELETE);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, user_id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_PMEMBERS[] =
	"SELECT u.id, u.name, u.email, pm.role, pm.guest FROM project_members pm JOIN users u ON u.id = pm.user_id"
	" WHERE pm.project_id = $1 ORDER BY CASE pm.role WHEN 'owner' THEN 0 WHEN 'leader' THEN 1 WHEN 'driver' THEN 2"
	" WHEN 'member' THEN 3 ELSE 4 END, u.name LIMIT 500";

struct db_stmt *store_project_members(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_PMEMBERS);
	db_bind_int(s, 1, project_id);
	return s;
}

/* The ids of the projects a user can see: their teams', and in their
 * organisations every project (admins) or the organisation-wide ones. As a
 * UNION of indexed lookups, so both databases start from the user's few
 * projects; an OR of the three in a WHERE made PostgreSQL read every project
 * and then every tool entry (330 ms for an administrator of 280 projects). */
#define USER_VISIBLE_IDS                                                                                          \
	"WITH visible(id) AS (SELECT project_id FROM project_members WHERE user_id = $1 UNION"                      \
	" SELECT p.id FROM memberships m JOIN projects p ON p.org_id = m.org_id WHERE m.user_id = $1"                 \
	" AND (m.role = 'admin' OR p.visibility = 'org')) "
static const char SQL_PROJECTS_OF_USER[] =
	USER_VISIBLE_IDS "SELECT p.id, p.title, o.name, p.methodology_version_id, p.current_phase, p.status, p.rag,"
	" pm.role, p.updated_at FROM visible v JOIN projects p ON p.id = v.id JOIN orgs o ON o.id = p.org_id"
	" LEFT JOIN project_members pm ON pm.project_id = p.id AND pm.user_id = $1"
	" WHERE p.deleted_at IS NULL ORDER BY pm.user_id IS NULL, p.updated_at DESC LIMIT 200";

struct db_stmt *store_projects_of_user(struct db *db, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECTS_OF_USER);
	db_bind_int(s, 1, user_id);
	return s;
}

static const char SQL_ENTRY_GET[] =
	"SELECT data, revision, not_relevant, not_relevant_reason FROM tool_entries WHERE project_id = $1 AND tool_key = $2";

int store_entry_get(struct db *db, long long project_id, const char *tool, char **data, long long *revision,
		    bool *not_relevant, char **reason)
{
	struct db_stmt *s = db_prepare(db, SQL_ENTRY_GET);
	db_bind_int(s, 1, project_id);
	db_bind_text(s, 2, tool);
	int rc = db_step(s);
	*data = *reason = NULL;
	*revision = 0;
	*not_relevant = false;
	if (rc == DB_ROW) {
		*data = db_col_dup(s, 0);
		*revision = db_col_int(s, 1);
		*not_relevant = db_col_int(s, 2) != 0;
		*reason = db_col_dup(s, 3);
	}
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_ENTRY_SCORES[] =
	"SELECT tool_key, not_relevant, progress, fields_done, checks_done, answers_done FROM tool_entries"
	" WHERE project_id = $1";

struct db_stmt *store_entry_scores_of_project(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ENTRY_SCORES);
	db_bind_int(s, 1, project_id);
	return s;
}

static const char SQL_ENTRY_UPSERT[] =
	"INSERT INTO tool_entries (project_id, tool_key, data, revision, not_relevant, not_relevant_reason, updated_by,"
	" updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
	" ON CONFLICT (project_id, tool_key) DO UPDATE SET data = excluded.data, revision = excluded.revision,"
	" not_relevant = excluded.not_relevant, not_relevant_reason = excluded.not_relevant_reason,"
	" updated_by = excluded.updated_by, updated_at = excluded.updated_at, progress = NULL,"
	" fields_done = NULL, checks_done = NULL, answers_done = NULL";
static const char SQL_REVISION_INSERT[] =
	"INSERT INTO tool_revisions (project_id, tool_key, revision, data, not_relevant, not_relevant_reason, changed,"
	" user_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

/* The progress (0–100) of an entry as saved and the counts behind it, so
 * pages need not decode it. */
static const char SQL_ENTRY_SCORE[] = "UPDATE tool_entries SET progress = $3, fields_done = $4, checks_done = $5,"
				      " answers_done = $6 WHERE project_id = $1 AND tool_key = $2";

int store_entry_score_set(struct db *db, long long project_id, const char *tool, int progress, int fields_done,
			  int checks_done, int answers_done)
{
	struct db_stmt *s = db_prepare(db, SQL_ENTRY_SCORE);
	db_bind_int(s, 1, project_id);
	db_bind_text(s, 2, tool);
	db_bind_int(s, 3, progress);
	db_bind_int(s, 4, fields_done);
	db_bind_int(s, 5, checks_done);
	db_bind_int(s, 6, answers_done);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* Entries saved without a stored progress (before migration 9, or by a
 * writer that does not compute it): a batch of up to `limit`. */
static const char SQL_ENTRIES_UNSCORED[] =
	"SELECT e.project_id, e.tool_key, e.data, p.methodology_version_id FROM tool_entries e"
	" JOIN projects p ON p.id = e.project_id WHERE e.progress IS NULL ORDER BY e.project_id, e.tool_key LIMIT $1";

struct db_stmt *store_entries_unscored(struct db *db, int limit)
{
	struct db_stmt *s = db_prepare(db, SQL_ENTRIES_UNSCORED);
	db_bind_int(s, 1, limit);
	return s;
}

int store_entry_save(struct db *db, long long project_id, const char *tool, const char *data, long long revision,
		     bool not_relevant, const char *reason, const char *changed, long long user_id)
{
	long long now = (long long)time(NULL);
	struct db_stmt *s = db_prepare(db, SQL_ENTRY_UPSERT);
	db_bind_int(s, 1, project_id);
	db_bind_text(s, 2, tool);
	db_bind_text(s, 3, data);
	db_bind_int(s, 4, revision);
	db_bind_int(s, 5, not_relevant);
	db_bind_text(s, 6, reason);
	db_bind_int(s, 7, user_id);
	db_bind_int(s, 8, now);
	if (db_run(s) != DB_DONE)
		return STORE_ERROR;
	s = db_prepare(db, SQL_REVISION_INSERT);
	db_bind_int(s, 1, project_id);
	db_bind_text(s, 2, tool);
	db_bind_int(s, 3, revision);
	db_bind_text(s, 4, data);
	db_bind_int(s, 5, not_relevant);
	db_bind_text(s, 6, reason);
	db_bind_text(s, 7, changed);
	db_bind_int(s, 8, user_id);
	db_bind_int(s, 9, now);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_REVISIONS[] =
	"SELECT r.revision, r.changed, r.at, u.name, r.not_relevant, r.data FROM tool_revisions r LEFT JOIN users u ON u.id = r.user_id"
	" WHERE r.project_id = $1 AND r.tool_key = $2 ORDER BY r.revision DESC LIMIT 200";

struct db_stmt *store_revisions(struct db *db, long long project_id, const char *tool)
{
	struct db_stmt *s = db_prepare(db, SQL_REVISIONS);
	db_bind_int(s, 1, project_id);
	db_bind_text(s, 2, tool);
	return s;
}

static const char SQL_REVISION_GET[] =
	"SELECT data, not_relevant, not_relevant_reason FROM tool_revisions WHERE project_id = $1 AND tool_key = $2"
	" AND revision = $3";

int store_revision_get(struct db *db, long long project_id, const char *tool, long long revision, char **data,
		       bool *not_relevant, char **reason)
{
	struct db_stmt *s = db_prepare(db, SQL_REVISION_GET);
	db_bind_int(s, 1, project_id);
	db_bind_text(s, 2, tool);
	db_bind_int(s, 3, revision);
	int rc = db_step(s);
	*data = *reason = NULL;
	if (rc == DB_ROW) {
		*data = db_col_dup(s, 0);
		*not_relevant = db_col_int(s, 1) != 0;
		*reason = db_col_dup(s, 2);
	}
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_STEP_SET[] =
	"INSERT INTO step_status (project_id, step_key, status, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)"
	" ON CONFLICT (project_id, step_key) DO UPDATE SET status = excluded.status, updated_by = excluded.updated_by,"
	" updated_at = excluded.updated_at";

int store_step_status_set(struct db *db, long long project_id, const char *step, const char *status, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_STEP_SET);
	db_bind_int(s, 1, project_id);
	db_bind_text(s, 2, step);
	db_bind_text(s, 3, status);
	db_bind_int(s, 4, user_id);
	db_bind_int(s, 5, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_STEPS[] = "SELECT step_key, status FROM step_status WHERE project_id = $1";

struct db_stmt *store_step_statuses(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_STEPS);
	db_bind_int(s, 1, project_id);
	return s;
}

static const char SQL_GATE_ADD[] =
	"INSERT INTO gate_decisions (project_id, phase_key, decision, to_phase, criteria, reason, decided_by, decided_at)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

int store_gate_add(struct db *db, long long project_id, const char *phase, const char *decision, const char *to_phase,
		   const char *criteria, const char *reason, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_GATE_ADD);
	db_bind_int(s, 1, project_id);
	db_bind_text(s, 2, phase);
	db_bind_text(s, 3, decision);
	db_bind_text(s, 4, to_phase);
	db_bind_text(s, 5, criteria);
	db_bind_text(s, 6, reason);
	db_bind_int(s, 7, user_id);
	db_bind_int(s, 8, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_GATES[] =
	"SELECT g.phase_key, g.decision, g.to_phase, g.reason, g.decided_at, u.name, g.criteria FROM gate_decisions g"
	" LEFT JOIN users u ON u.id = g.decided_by WHERE g.project_id = $1 ORDER BY g.id DESC LIMIT 100";

struct db_stmt *store_gates(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_GATES);
	db_bind_int(s, 1, project_id);
	return s;
}

static const char SQL_ACTIVITY_ADD[] =
	"INSERT INTO activity (project_id, user_id, action, object, at) VALUES ($1, $2, $3, $4, $5)";

int store_activity_add(struct db *db, long long project_id, long long user_id, const char *action, const char *object)
{
	struct db_stmt *s = db_prepare(db, SQL_ACTIVITY_ADD);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, user_id);
	db_bind_text(s, 3, action);
	db_bind_text(s, 4, object);
	db_bind_int(s, 5, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_ACTIVITY[] =
	"SELECT a.action, a.object, a.at, u.name FROM activity a LEFT JOIN users u ON u.id = a.user_id"
	" WHERE a.project_id = $1 ORDER BY a.id DESC LIMIT $2";

struct db_stmt *store_activity(struct db *db, long long project_id, int limit)
{
	struct db_stmt *s = db_prepare(db, SQL_ACTIVITY);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, limit);
	return s;
}

static const char SQL_COMMENT_ADD[] =
	"INSERT INTO comments (project_id, tool_key, user_id, body, body_html, at) VALUES ($1, $2, $3, $4, $5, $6)"
	" RETURNING id";

int store_comment_add(struct db *db, long long project_id, const char *tool, long long user_id, const char *body,
		      const char *html, long long *id)
{
	struct db_stmt *s = db_prepare(db, SQL_COMMENT_ADD);
	db_bind_int(s, 1, project_id);
	db_bind_text(s, 2, tool);
	db_bind_int(s, 3, user_id);
	db_bind_text(s, 4, body);
	db_bind_text(s, 5, html);
	db_bind_int(s, 6, (long long)time(NULL));
	int rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : STORE_ERROR;
}

static const char SQL_MENTION_ADD[] =
	"INSERT INTO mentions (comment_id, user_id) VALUES ($1, $2) ON CONFLICT (comment_id, user_id) DO NOTHING";

int store_mention_add(struct db *db, long long comment_id, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_MENTION_ADD);
	db_bind_int(s, 1, comment_id);
	db_bind_int(s, 2, user_id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_COMMENTS[] =
	"SELECT c.id, c.body_html, c.at, u.name, c.tool_key FROM comments c LEFT JOIN users u ON u.id = c.user_id"
	" WHERE c.project_id = $1 AND c.tool_key = $2 ORDER BY c.id LIMIT 500";
static const char SQL_COMMENTS_PROJECT[] =
	"SELECT c.id, c.body_html, c.at, u.name, c.tool_key FROM comments c LEFT JOIN users u ON u.id = c.user_id"
	" WHERE c.project_id = $1 AND c.tool_key IS NULL ORDER BY c.id LIMIT 500";

struct db_stmt *store_comments(struct db *db, long long project_id, const char *tool)
{
	struct db_stmt *s;
	if (tool) {
		s = db_prepare(db, SQL_COMMENTS);
		db_bind_text(s, 2, tool);
	} else {
		s = db_prepare(db, SQL_COMMENTS_PROJECT);
	}
	db_bind_int(s, 1, project_id);
	return s;
}

static const char SQL_MENTIONS_OPEN[] =
	"SELECT c.project_id, p.title, c.tool_key, u.name, c.at, c.id FROM mentions m JOIN comments c ON c.id = m.comment_id"
	" JOIN projects p ON p.id = c.project_id LEFT JOIN users u ON u.id = c.user_id"
	" WHERE m.user_id = $1 AND m.seen_at IS NULL AND p.deleted_at IS NULL ORDER BY c.id DESC LIMIT 50";

struct db_stmt *store_mentions_open(struct db *db, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_MENTIONS_OPEN);
	db_bind_int(s, 1, user_id);
	return s;
}

static const char SQL_MENTIONS_SEEN[] =
	"UPDATE mentions SET seen_at = $1 WHERE user_id = $2 AND seen_at IS NULL AND comment_id IN"
	" (SELECT id FROM comments WHERE project_id = $3)";

/* Only write when there is something to mark: a read-only page view must not
 * queue for SQLite's write lock. */
static const char SQL_MENTIONS_UNSEEN[] =
	"SELECT 1 FROM mentions m JOIN comments c ON c.id = m.comment_id WHERE m.user_id = $1 AND c.project_id = $2"
	" AND m.seen_at IS NULL LIMIT 1";

int store_mentions_seen(struct db *db, long long user_id, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_MENTIONS_UNSEEN);
	db_bind_int(s, 1, user_id);
	db_bind_int(s, 2, project_id);
	int rc = db_step(s);
	db_reset(s);
	if (rc == DB_DONE)
		return STORE_OK;
	s = db_prepare(db, SQL_MENTIONS_SEEN);
	db_bind_int(s, 1, (long long)time(NULL));
	db_bind_int(s, 2, user_id);
	db_bind_int(s, 3, project_id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_PROJECT_RAG[] = "UPDATE projects SET rag = $1, rag_comment = $2, updated_at = $3 WHERE id = $4";

int store_project_set_rag(struct db *db, long long id, const char *rag, const char *comment)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_RAG);
	db_bind_text(s, 1, rag);
	db_bind_text(s, 2, comment);
	db_bind_int(s, 3, (long long)time(NULL));
	db_bind_int(s, 4, id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_PROJECT_STATUS[] = "UPDATE projects SET status = $1, updated_at = $2 WHERE id = $3";

int store_project_set_status(struct db *db, long long id, const char *status)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_STATUS);
	db_bind_text(s, 1, status);
	db_bind_int(s, 2, (long long)time(NULL));
	db_bind_int(s, 3, id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_PROJECT_DELETE[] = "UPDATE projects SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL";
static const char SQL_PROJECT_UNDELETE[] =
	"UPDATE projects SET deleted_at = NULL WHERE id = $1 AND org_id = $2 AND deleted_at IS NOT NULL RETURNING id";

int store_project_delete(struct db *db, long long id)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_DELETE);
	db_bind_int(s, 1, (long long)time(NULL));
	db_bind_int(s, 2, id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* STORE_NOTFOUND when no deleted project of that organisation has the id. */
int store_project_undelete(struct db *db, long long id, long long org_id)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_UNDELETE);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, org_id);
	int rc = db_step(s);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_PROJECT_PURGE[] = "DELETE FROM projects WHERE deleted_at IS NOT NULL AND deleted_at < $1";

int store_projects_purge(struct db *db, long long before)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_PURGE);
	db_bind_int(s, 1, before);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_DELETED[] =
	"SELECT id, title, deleted_at FROM projects WHERE org_id = $1 AND deleted_at IS NOT NULL ORDER BY deleted_at DESC LIMIT 200";

struct db_stmt *store_projects_deleted(struct db *db, long long org_id)
{
	struct db_stmt *s = db_prepare(db, SQL_DELETED);
	db_bind_int(s, 1, org_id);
	return s;
}

/* The portfolio: every live project of an organisation with its team size and
 * last activity, in one query. Rows: PROJECT_COLS…, team size, last activity,
 * the user's role (NULL if none). */
static const char SQL_PORTFOLIO[] =
	"SELECT " PROJECT_COLS ", (SELECT COUNT(*) FROM project_members m WHERE m.project_id = projects.id),"
	" COALESCE((SELECT MAX(at) FROM activity a WHERE a.project_id = projects.id), created_at),"
	" (SELECT role FROM project_members m WHERE m.project_id = projects.id AND m.user_id = $2)"
	" FROM projects WHERE org_id = $1 AND deleted_at IS NULL ORDER BY title LIMIT 1000";

struct db_stmt *store_portfolio(struct db *db, long long org_id, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_PORTFOLIO);
	db_bind_int(s, 1, org_id);
	db_bind_int(s, 2, user_id);
	return s;
}

static const char SQL_ORG_ENTRIES[] =
	"SELECT e.project_id, e.tool_key, e.not_relevant, e.progress FROM tool_entries e JOIN projects p ON p.id = e.project_id"
	" WHERE p.org_id = $1 AND p.deleted_at IS NULL";
static const char SQL_ORG_STEPS[] =
	"SELECT s.project_id, s.step_key, s.status FROM step_status s JOIN projects p ON p.id = s.project_id"
	" WHERE p.org_id = $1 AND p.deleted_at IS NULL";

struct db_stmt *store_org_entries(struct db *db, long long org_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_ENTRIES);
	db_bind_int(s, 1, org_id);
	return s;
}

struct db_stmt *store_org_steps(struct db *db, long long org_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_STEPS);
	db_bind_int(s, 1, org_id);
	return s;
}

static const char SQL_USER_ENTRIES[] =
	USER_VISIBLE_IDS "SELECT e.project_id, e.tool_key, e.not_relevant, e.progress FROM visible v"
	" JOIN projects p ON p.id = v.id JOIN tool_entries e ON e.project_id = p.id WHERE p.deleted_at IS NULL";
static const char SQL_USER_STEPS[] =
	USER_VISIBLE_IDS "SELECT s.project_id, s.step_key, s.status FROM visible v JOIN projects p ON p.id = v.id"
	" JOIN step_status s ON s.project_id = p.id WHERE p.deleted_at IS NULL";

struct db_stmt *store_user_entries(struct db *db, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_USER_ENTRIES);
	db_bind_int(s, 1, user_id);
	return s;
}

struct db_stmt *store_user_steps(struct db *db, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_USER_STEPS);
	db_bind_int(s, 1, user_id);
	return s;
}
