/* store_gathering.c — see store_gathering.h: gatherings of a network with
 * their experiences and follow-up actions, and coaching at a distance
 * (plans, sessions, agreed actions). */
#include "store_gathering.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/xalloc.h"
#include "store.h"

/* Gatherings ---------------------------------------------------------------- */

void gathering_free(struct gathering *g)
{
	free(g->title);
	free(g->place);
	free(g->agenda);
	free(g->notes);
	memset(g, 0, sizeof *g);
}

static const char SQL_GATHERING_CREATE[] =
	"INSERT INTO gatherings (network_id, kind, title, day, place, digital, agenda, notes, created_by, created_at)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";

int store_gathering_create(struct db *db, const struct gathering *g, long long user_id, long long *id)
{
	struct db_stmt *s = db_prepare(db, SQL_GATHERING_CREATE);
	db_bind_int(s, 1, g->network_id);
	db_bind_text(s, 2, g->kind);
	db_bind_text(s, 3, g->title);
	db_bind_text(s, 4, g->day);
	db_bind_text(s, 5, g->place ? g->place : "");
	db_bind_int(s, 6, g->digital);
	db_bind_text(s, 7, g->agenda ? g->agenda : "");
	db_bind_text(s, 8, g->notes ? g->notes : "");
	db_bind_int(s, 9, user_id);
	db_bind_int(s, 10, (long long)time(NULL));
	int rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : STORE_ERROR;
}

/* A NULL column as "", so callers never test for NULL. */
static char *col_dup0(struct db_stmt *s, int col)
{
	char *v = db_col_dup(s, col);
	return v ? v : xstrdup("");
}

static const char SQL_GATHERING_GET[] =
	"SELECT id, network_id, kind, title, day, place, digital, agenda, notes, created_by, created_at FROM gatherings"
	" WHERE id = $1";

int store_gathering_get(struct db *db, long long id, struct gathering *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *s = db_prepare(db, SQL_GATHERING_GET);
	db_bind_int(s, 1, id);
	int rc = db_step(s);
	if (rc == DB_ROW) {
		out->id = db_col_int(s, 0);
		out->network_id = db_col_int(s, 1);
		snprintf(out->kind, sizeof out->kind, "%s", db_col_text(s, 2));
		out->title = col_dup0(s, 3);
		snprintf(out->day, sizeof out->day, "%s", db_col_text(s, 4));
		out->place = col_dup0(s, 5);
		out->digital = db_col_int(s, 6) != 0;
		out->agenda = col_dup0(s, 7);
		out->notes = col_dup0(s, 8);
		out->created_by = db_col_int(s, 9);
		out->created_at = db_col_int(s, 10);
	}
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_GATHERING_UPDATE[] =
	"UPDATE gatherings SET kind = $2, title = $3, day = $4, place = $5, digital = $6, agenda = $7, notes = $8"
	" WHERE id = $1";

int store_gathering_update(struct db *db, const struct gathering *g)
{
	struct db_stmt *s = db_prepare(db, SQL_GATHERING_UPDATE);
	db_bind_int(s, 1, g->id);
	db_bind_text(s, 2, g->kind);
	db_bind_text(s, 3, g->title);
	db_bind_text(s, 4, g->day);
	db_bind_text(s, 5, g->place ? g->place : "");
	db_bind_int(s, 6, g->digital);
	db_bind_text(s, 7, g->agenda ? g->agenda : "");
	db_bind_text(s, 8, g->notes ? g->notes : "");
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_GATHERINGS_OF_NETWORK[] =
	"SELECT g.id, g.kind, g.title, g.day, g.place, g.digital,"
	" (SELECT COUNT(*) FROM gathering_actions a WHERE a.gathering_id = g.id AND a.done = 0),"
	" (SELECT COUNT(*) FROM gathering_experiences e WHERE e.gathering_id = g.id)"
	" FROM gatherings g WHERE g.network_id = $1 ORDER BY g.day DESC, g.id DESC LIMIT 1000";

struct db_stmt *store_gatherings_of_network(struct db *db, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_GATHERINGS_OF_NETWORK);
	db_bind_int(s, 1, network_id);
	return s;
}

static const char SQL_EXPERIENCE_ADD[] =
	"INSERT INTO gathering_experiences (gathering_id, project_id, body, created_by, created_at)"
	" VALUES ($1, $2, $3, $4, $5)";

int store_gathering_experience_add(struct db *db, long long gathering_id, long long project_id, const char *body,
				   long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_EXPERIENCE_ADD);
	db_bind_int(s, 1, gathering_id);
	if (project_id > 0)
		db_bind_int(s, 2, project_id);
	else
		db_bind_null(s, 2);
	db_bind_text(s, 3, body);
	db_bind_int(s, 4, user_id);
	db_bind_int(s, 5, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* A deleted project's experience keeps its text but loses the link. */
static const char SQL_EXPERIENCES[] =
	"SELECT e.id, e.body, p.id, p.title, u.name, e.created_at FROM gathering_experiences e"
	" LEFT JOIN projects p ON p.id = e.project_id AND p.deleted_at IS NULL LEFT JOIN users u ON u.id = e.created_by"
	" WHERE e.gathering_id = $1 ORDER BY e.id LIMIT 1000";

struct db_stmt *store_gathering_experiences(struct db *db, long long gathering_id)
{
	struct db_stmt *s = db_prepare(db, SQL_EXPERIENCES);
	db_bind_int(s, 1, gathering_id);
	return s;
}

static const char SQL_GATHERING_ACTION_ADD[] =
	"INSERT INTO gathering_actions (gathering_id, body, owner_id, deadline, done) VALUES ($1, $2, $3, $4, 0)";

int store_gathering_action_add(struct db *db, long long gathering_id, const char *body, long long owner_id,
			       const char *deadline)
{
	struct db_stmt *s = db_prepare(db, SQL_GATHERING_ACTION_ADD);
	db_bind_int(s, 1, gathering_id);
	db_bind_text(s, 2, body);
	if (owner_id > 0)
		db_bind_int(s, 3, owner_id);
	else
		db_bind_null(s, 3);
	db_bind_text(s, 4, deadline && *deadline ? deadline : NULL);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* Open actions first; NULL deadlines last on both databases. */
static const char SQL_GATHERING_ACTIONS[] =
	"SELECT a.id, a.body, a.owner_id, u.name, a.deadline, a.done FROM gathering_actions a"
	" LEFT JOIN users u ON u.id = a.owner_id WHERE a.gathering_id = $1"
	" ORDER BY a.done, COALESCE(a.deadline, '9999-12-31'), a.id LIMIT 1000";

struct db_stmt *store_gathering_actions(struct db *db, long long gathering_id)
{
	struct db_stmt *s = db_prepare(db, SQL_GATHERING_ACTIONS);
	db_bind_int(s, 1, gathering_id);
	return s;
}

static const char SQL_GATHERING_ACTION_OWNER[] =
	"SELECT owner_id FROM gathering_actions WHERE id = $1 AND gathering_id = $2";

int store_gathering_action_owner(struct db *db, long long gathering_id, long long action_id, long long *owner_id)
{
	struct db_stmt *s = db_prepare(db, SQL_GATHERING_ACTION_OWNER);
	db_bind_int(s, 1, action_id);
	db_bind_int(s, 2, gathering_id);
	int rc = db_step(s);
	if (rc == DB_ROW)
		*owner_id = db_col_null(s, 0) ? 0 : db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_GATHERING_ACTION_DONE[] = "UPDATE gathering_actions SET done = $3 WHERE id = $1 AND gathering_id = $2";

int store_gathering_action_done(struct db *db, long long gathering_id, long long action_id, bool done)
{
	struct db_stmt *s = db_prepare(db, SQL_GATHERING_ACTION_DONE);
	db_bind_int(s, 1, action_id);
	db_bind_int(s, 2, gathering_id);
	db_bind_int(s, 3, done ? 1 : 0);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* The same people the authorization core lets see the network. */
static const char SQL_NETWORK_AUDIENCE[] =
	"SELECT u.id, u.name FROM users u WHERE u.disabled = 0 AND ("
	" u.id IN (SELECT user_id FROM network_people WHERE network_id = $1)"
	" OR u.id IN (SELECT m.user_id FROM network_orgs no JOIN memberships m ON m.org_id = no.org_id WHERE no.network_id = $1)"
	" OR u.id IN (SELECT m.user_id FROM networks n JOIN memberships m ON m.org_id = n.owner_org_id WHERE n.id = $1))"
	" ORDER BY u.name, u.id LIMIT 2000";

struct db_stmt *store_network_audience(struct db *db, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_AUDIENCE);
	db_bind_int(s, 1, network_id);
	return s;
}

static const char SQL_NETWORK_AUDIENCE_HAS[] =
	"SELECT 1 FROM users u WHERE u.id = $2 AND u.disabled = 0 AND ("
	" u.id IN (SELECT user_id FROM network_people WHERE network_id = $1)"
	" OR u.id IN (SELECT m.user_id FROM network_orgs no JOIN memberships m ON m.org_id = no.org_id WHERE no.network_id = $1)"
	" OR u.id IN (SELECT m.user_id FROM networks n JOIN memberships m ON m.org_id = n.owner_org_id WHERE n.id = $1))";

bool store_network_audience_has(struct db *db, long long network_id, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_AUDIENCE_HAS);
	db_bind_int(s, 1, network_id);
	db_bind_int(s, 2, user_id);
	bool r = db_step(s) == DB_ROW;
	db_reset(s);
	return r;
}

/* Coaching at a distance ------------------------------------------------------- */

static const char SQL_PROJECT_SHARE_NETWORKS[] =
	"SELECT n.id, n.name, n.period_end FROM project_shares s JOIN networks n ON n.id = s.network_id"
	" WHERE s.project_id = $1 ORDER BY n.name, n.id";

struct db_stmt *store_project_share_networks(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_SHARE_NETWORKS);
	db_bind_int(s, 1, project_id);
	return s;
}

static const char SQL_COACHING_PLAN_SET[] =
	"INSERT INTO coaching_plans (project_id, network_id, coach_id, start_day, schedule, created_at)"
	" VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (project_id, network_id) DO UPDATE SET coach_id = excluded.coach_id,"
	" start_day = excluded.start_day, schedule = excluded.schedule, created_at = excluded.created_at";

int store_coaching_plan_set(struct db *db, long long project_id, long long network_id, long long coach_id,
			    const char *start_day, const char *schedule)
{
	struct db_stmt *s = db_prepare(db, SQL_COACHING_PLAN_SET);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, network_id);
	db_bind_int(s, 3, coach_id);
	db_bind_text(s, 4, start_day);
	db_bind_text(s, 5, schedule);
	db_bind_int(s, 6, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* Only the plans of networks the project is still shared with. */
static const char SQL_COACHING_PLANS[] =
	"SELECT cp.network_id, n.name, u.name, cp.start_day, cp.schedule, cp.created_at FROM coaching_plans cp"
	" JOIN networks n ON n.id = cp.network_id LEFT JOIN users u ON u.id = cp.coach_id"
	" JOIN project_shares s ON s.project_id = cp.project_id AND s.network_id = cp.network_id"
	" WHERE cp.project_id = $1 ORDER BY n.name, n.id";

struct db_stmt *store_coaching_plans(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_COACHING_PLANS);
	db_bind_int(s, 1, project_id);
	return s;
}

static const char SQL_COACHING_SESSION_ADD[] =
	"INSERT INTO coaching_sessions (project_id, network_id, coach_id, day, mode, notes, created_at)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";

int store_coaching_session_add(struct db *db, long long project_id, long long network_id, long long coach_id,
			       const char *day, const char *mode, const char *notes, long long *id)
{
	struct db_stmt *s = db_prepare(db, SQL_COACHING_SESSION_ADD);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, network_id);
	db_bind_int(s, 3, coach_id);
	db_bind_text(s, 4, day);
	db_bind_text(s, 5, mode);
	db_bind_text(s, 6, notes);
	db_bind_int(s, 7, (long long)time(NULL));
	int rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : STORE_ERROR;
}

static const char SQL_COACHING_SESSIONS[] =
	"SELECT cs.id, cs.network_id, n.name, u.name, cs.day, cs.mode, cs.notes FROM coaching_sessions cs"
	" JOIN networks n ON n.id = cs.network_id LEFT JOIN users u ON u.id = cs.coach_id WHERE cs.project_id = $1"
	" ORDER BY cs.day DESC, cs.id DESC LIMIT 1000";

struct db_stmt *store_coaching_sessions(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_COACHING_SESSIONS);
	db_bind_int(s, 1, project_id);
	return s;
}

static const char SQL_COACHING_ACTION_ADD[] =
	"INSERT INTO coaching_actions (session_id, body, owner_id, deadline, done) VALUES ($1, $2, $3, $4, 0)";

int store_coaching_action_add(struct db *db, long long session_id, const char *body, long long owner_id,
			      const char *deadline)
{
	struct db_stmt *s = db_prepare(db, SQL_COACHING_ACTION_ADD);
	db_bind_int(s, 1, session_id);
	db_bind_text(s, 2, body);
	if (owner_id > 0)
		db_bind_int(s, 3, owner_id);
	else
		db_bind_null(s, 3);
	db_bind_text(s, 4, deadline && *deadline ? deadline : NULL);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_COACHING_ACTIONS[] =
	"SELECT a.id, a.session_id, a.body, a.owner_id, u.name, a.deadline, a.done, cs.network_id, cs.day"
	" FROM coaching_actions a JOIN coaching_sessions cs ON cs.id = a.session_id LEFT JOIN users u ON u.id = a.owner_id"
	" WHERE cs.project_id = $1 ORDER BY a.done, COALESCE(a.deadline, '9999-12-31'), a.id LIMIT 3000";

struct db_stmt *store_coaching_actions(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_COACHING_ACTIONS);
	db_bind_int(s, 1, project_id);
	return s;
}

static const char SQL_COACHING_ACTION_NETWORK[] =
	"SELECT cs.network_id FROM coaching_actions a JOIN coaching_sessions cs ON cs.id = a.session_id"
	" WHERE a.id = $1 AND cs.project_id = $2";

int store_coaching_action_network(struct db *db, long long project_id, long long action_id, long long *network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_COACHING_ACTION_NETWORK);
	db_bind_int(s, 1, action_id);
	db_bind_int(s, 2, project_id);
	int rc = db_step(s);
	if (rc == DB_ROW)
		*network_id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_COACHING_ACTION_DONE[] = "UPDATE coaching_actions SET done = $2 WHERE id = $1";

int store_coaching_action_done(struct db *db, long long action_id, bool done)
{
	struct db_stmt *s = db_prepare(db, SQL_COACHING_ACTION_DONE);
	db_bind_int(s, 1, action_id);
	db_bind_int(s, 2, done ? 1 : 0);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_COACHING_OWNER_OK[] =
	"SELECT 1 FROM users u WHERE u.id = $3 AND u.disabled = 0 AND ("
	" u.id IN (SELECT user_id FROM project_members WHERE project_id = $1)"
	" OR u.id IN (SELECT user_id FROM network_people WHERE network_id = $2))";

bool store_coaching_owner_ok(struct db *db, long long project_id, long long network_id, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_COACHING_OWNER_OK);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, network_id);
	db_bind_int(s, 3, user_id);
	bool r = db_step(s) == DB_ROW;
	db_reset(s);
	return r;
}

static const char SQL_COACHING_OWNERS[] =
	"SELECT u.id, u.name FROM users u WHERE u.disabled = 0 AND ("
	" u.id IN (SELECT user_id FROM project_members WHERE project_id = $1)"
	" OR u.id IN (SELECT user_id FROM network_people WHERE network_id = $2)) ORDER BY u.name, u.id LIMIT 1000";

struct db_stmt *store_coaching_owners(struct db *db, long long project_id, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_COACHING_OWNERS);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, network_id);
	return s;
}
