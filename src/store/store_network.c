/* store_network.c — networks: their member organisations, leaders and
 * coaches, themes and measures, the projects shared with them, and the facts
 * the authorization core needs (a user's role in a network, through a
 * project's shares). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"

/* The strongest role (leader over coach) the user holds in a network the
 * project is shared with. */
static const char SQL_PROJECT_NETWORK_ROLE[] =
	"SELECT MAX(CASE np.role WHEN 'leader' THEN 2 ELSE 1 END) FROM project_shares s"
	" JOIN network_people np ON np.network_id = s.network_id WHERE s.project_id = $1 AND np.user_id = $2";

int store_project_network_role(struct db *db, long long project_id, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_NETWORK_ROLE);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, user_id);
	int r = db_step(s) == DB_ROW && !db_col_null(s, 0) ? (int)db_col_int(s, 0) : 0;
	db_reset(s);
	return r;
}

static const char SQL_NETWORK_CREATE[] =
	"INSERT INTO networks (name, description, owner_org_id, period_start, period_end, methodology_key, created_by,"
	" created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";

int store_network_create(struct db *db, const struct network *n, long long user_id, long long *id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_CREATE);
	db_bind_text(s, 1, n->name);
	db_bind_text(s, 2, n->description);
	db_bind_int(s, 3, n->owner_org_id);
	db_bind_text(s, 4, n->period_start && *n->period_start ? n->period_start : NULL);
	db_bind_text(s, 5, n->period_end && *n->period_end ? n->period_end : NULL);
	db_bind_text(s, 6, n->methodology_key && *n->methodology_key ? n->methodology_key : NULL);
	db_bind_int(s, 7, user_id);
	db_bind_int(s, 8, (long long)time(NULL));
	int rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : STORE_ERROR;
}

void network_free(struct network *n)
{
	free(n->name);
	free(n->description);
	free(n->period_start);
	free(n->period_end);
	free(n->methodology_key);
	free(n->owner_name);
	memset(n, 0, sizeof *n);
}

static const char SQL_NETWORK_GET[] =
	"SELECT n.id, n.name, n.description, n.owner_org_id, n.period_start, n.period_end, n.methodology_key, o.name"
	" FROM networks n JOIN orgs o ON o.id = n.owner_org_id WHERE n.id = $1";

int store_network_get(struct db *db, long long id, struct network *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_GET);
	db_bind_int(s, 1, id);
	int rc = db_step(s);
	if (rc == DB_ROW) {
		out->id = db_col_int(s, 0);
		out->name = db_col_dup(s, 1);
		out->description = db_col_dup(s, 2);
		out->owner_org_id = db_col_int(s, 3);
		out->period_start = db_col_dup(s, 4);
		out->period_end = db_col_dup(s, 5);
		out->methodology_key = db_col_dup(s, 6);
		out->owner_name = db_col_dup(s, 7);
	}
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

/* The user's role in a network: 2 leader, 1 coach, 0 none. */
static const char SQL_NETWORK_ROLE[] =
	"SELECT CASE role WHEN 'leader' THEN 2 ELSE 1 END FROM network_people WHERE network_id = $1 AND user_id = $2";

int store_network_role(struct db *db, long long network_id, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_ROLE);
	db_bind_int(s, 1, network_id);
	db_bind_int(s, 2, user_id);
	int r = db_step(s) == DB_ROW ? (int)db_col_int(s, 0) : 0;
	db_reset(s);
	return r;
}

/* Is the user a member of one of the network's member organisations? */
static const char SQL_NETWORK_MEMBER[] =
	"SELECT 1 FROM network_orgs n JOIN memberships m ON m.org_id = n.org_id WHERE n.network_id = $1 AND m.user_id = $2"
	" LIMIT 1";

bool store_network_member(struct db *db, long long network_id, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_MEMBER);
	db_bind_int(s, 1, network_id);
	db_bind_int(s, 2, user_id);
	bool r = db_step(s) == DB_ROW;
	db_reset(s);
	return r;
}

/* Networks a user sees: as leader/coach, or through an organisation that
 * owns it or is a member. */
static const char SQL_NETWORKS_OF_USER[] =
	"SELECT n.id, n.name, o.name, n.period_start, n.period_end FROM networks n JOIN orgs o ON o.id = n.owner_org_id"
	" WHERE n.id IN (SELECT network_id FROM network_people WHERE user_id = $1)"
	" OR n.owner_org_id IN (SELECT org_id FROM memberships WHERE user_id = $1)"
	" OR n.id IN (SELECT no.network_id FROM network_orgs no JOIN memberships m ON m.org_id = no.org_id WHERE m.user_id = $1)"
	" ORDER BY n.name LIMIT 500";

struct db_stmt *store_networks_of_user(struct db *db, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORKS_OF_USER);
	db_bind_int(s, 1, user_id);
	return s;
}

static const char SQL_NETWORK_ORG_SET[] =
	"INSERT INTO network_orgs (network_id, org_id, role) VALUES ($1, $2, $3)"
	" ON CONFLICT (network_id, org_id) DO UPDATE SET role = excluded.role";

int store_network_org_set(struct db *db, long long network_id, long long org_id, const char *role)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_ORG_SET);
	db_bind_int(s, 1, network_id);
	db_bind_int(s, 2, org_id);
	db_bind_text(s, 3, role);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* Removing a member organisation also ends the sharing of its projects. */
static const char SQL_NETWORK_ORG_REMOVE[] = "DELETE FROM network_orgs WHERE network_id = $1 AND org_id = $2";
static const char SQL_NETWORK_ORG_UNSHARE[] =
	"DELETE FROM project_shares WHERE network_id = $1 AND project_id IN (SELECT id FROM projects WHERE org_id = $2)";

int store_network_org_remove(struct db *db, long long network_id, long long org_id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_ORG_UNSHARE);
	db_bind_int(s, 1, network_id);
	db_bind_int(s, 2, org_id);
	if (db_run(s) != DB_DONE)
		return STORE_ERROR;
	s = db_prepare(db, SQL_NETWORK_ORG_REMOVE);
	db_bind_int(s, 1, network_id);
	db_bind_int(s, 2, org_id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_NETWORK_ORGS[] =
	"SELECT o.id, o.name, n.role FROM network_orgs n JOIN orgs o ON o.id = n.org_id WHERE n.network_id = $1 ORDER BY o.name";

struct db_stmt *store_network_orgs(struct db *db, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_ORGS);
	db_bind_int(s, 1, network_id);
	return s;
}

/* Is org a member of the network (its role in out, 16 bytes)? */
static const char SQL_NETWORK_ORG_ROLE[] = "SELECT role FROM network_orgs WHERE network_id = $1 AND org_id = $2";

bool store_network_org_role(struct db *db, long long network_id, long long org_id, char role[16])
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_ORG_ROLE);
	db_bind_int(s, 1, network_id);
	db_bind_int(s, 2, org_id);
	bool r = db_step(s) == DB_ROW;
	if (r)
		snprintf(role, 16, "%s", db_col_text(s, 0));
	db_reset(s);
	return r;
}

static const char SQL_NETWORK_PERSON_SET[] =
	"INSERT INTO network_people (network_id, user_id, role) VALUES ($1, $2, $3)"
	" ON CONFLICT (network_id, user_id) DO UPDATE SET role = excluded.role";

int store_network_person_set(struct db *db, long long network_id, long long user_id, const char *role)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_PERSON_SET);
	db_bind_int(s, 1, network_id);
	db_bind_int(s, 2, user_id);
	db_bind_text(s, 3, role);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_NETWORK_PERSON_REMOVE[] = "DELETE FROM network_people WHERE network_id = $1 AND user_id = $2";

int store_network_person_remove(struct db *db, long long network_id, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_PERSON_REMOVE);
	db_bind_int(s, 1, network_id);
	db_bind_int(s, 2, user_id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_NETWORK_PEOPLE[] =
	"SELECT u.id, u.name, u.email, p.role FROM network_people p JOIN users u ON u.id = p.user_id WHERE p.network_id = $1"
	" ORDER BY p.role DESC, u.name";

struct db_stmt *store_network_people(struct db *db, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_PEOPLE);
	db_bind_int(s, 1, network_id);
	return s;
}

static const char SQL_THEME_ADD[] = "INSERT INTO network_themes (network_id, name, description) VALUES ($1, $2, $3)";

int store_network_theme_add(struct db *db, long long network_id, const char *name, const char *description)
{
	struct db_stmt *s = db_prepare(db, SQL_THEME_ADD);
	db_bind_int(s, 1, network_id);
	db_bind_text(s, 2, name);
	db_bind_text(s, 3, description);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_THEMES[] = "SELECT id, name, description FROM network_themes WHERE network_id = $1 ORDER BY id";

struct db_stmt *store_network_themes(struct db *db, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_THEMES);
	db_bind_int(s, 1, network_id);
	return s;
}

static const char SQL_MEASURE_ADD[] =
	"INSERT INTO network_measures (network_id, kind, name, description) VALUES ($1, $2, $3, $4)";

int store_network_measure_add(struct db *db, long long network_id, const char *kind, const char *name, const char *description)
{
	struct db_stmt *s = db_prepare(db, SQL_MEASURE_ADD);
	db_bind_int(s, 1, network_id);
	db_bind_text(s, 2, kind);
	db_bind_text(s, 3, name);
	db_bind_text(s, 4, description);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_MEASURES[] =
	"SELECT id, kind, name, description FROM network_measures WHERE network_id = $1 ORDER BY kind, id";

struct db_stmt *store_network_measures(struct db *db, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_MEASURES);
	db_bind_int(s, 1, network_id);
	return s;
}

static const char SQL_SHARE[] =
	"INSERT INTO project_shares (project_id, network_id, theme_id, challenge, shared_by, shared_at)"
	" VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (project_id, network_id) DO UPDATE SET theme_id = excluded.theme_id,"
	" challenge = excluded.challenge";

int store_project_share(struct db *db, long long project_id, long long network_id, long long theme_id, const char *challenge,
			long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_SHARE);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, network_id);
	if (theme_id > 0)
		db_bind_int(s, 3, theme_id);
	else
		db_bind_null(s, 3);
	db_bind_text(s, 4, challenge);
	db_bind_int(s, 5, user_id);
	db_bind_int(s, 6, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_UNSHARE[] = "DELETE FROM project_shares WHERE project_id = $1 AND network_id = $2";

int store_project_unshare(struct db *db, long long project_id, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_UNSHARE);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, network_id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* The networks a project is shared with, and the ones its organisation is
 * a member of (shared = 1 or 0). */
static const char SQL_PROJECT_NETWORKS[] =
	"SELECT n.id, n.name, CASE WHEN s.project_id IS NULL THEN 0 ELSE 1 END, t.name, s.challenge FROM network_orgs no"
	" JOIN networks n ON n.id = no.network_id LEFT JOIN project_shares s ON s.network_id = n.id AND s.project_id = $1"
	" LEFT JOIN network_themes t ON t.id = s.theme_id WHERE no.org_id = $2 ORDER BY n.name";

struct db_stmt *store_project_networks(struct db *db, long long project_id, long long org_id)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_NETWORKS);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, org_id);
	return s;
}

/* Every project shared with a network: for the overview. */
static const char SQL_SHARED_PROJECTS[] =
	"SELECT p.id, p.title, o.id, o.name, p.current_phase, p.status, p.rag, p.service_area, p.methodology_version_id,"
	" p.updated_at, t.name, s.challenge, (SELECT MAX(a.at) FROM activity a WHERE a.project_id = p.id), p.visibility"
	" FROM project_shares s JOIN projects p ON p.id = s.project_id JOIN orgs o ON o.id = p.org_id"
	" LEFT JOIN network_themes t ON t.id = s.theme_id WHERE s.network_id = $1 AND p.deleted_at IS NULL"
	" ORDER BY o.name, p.title LIMIT 1000";

struct db_stmt *store_shared_projects(struct db *db, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_SHARED_PROJECTS);
	db_bind_int(s, 1, network_id);
	return s;
}

/* Is the project shared with the network? */
static const char SQL_IS_SHARED[] = "SELECT 1 FROM project_shares WHERE project_id = $1 AND network_id = $2";

bool store_project_is_shared(struct db *db, long long project_id, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_IS_SHARED);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, network_id);
	bool r = db_step(s) == DB_ROW;
	db_reset(s);
	return r;
}

static const char SQL_PROJECT_MEASURE_SET[] =
	"INSERT INTO project_measures (project_id, measure_id, progress, note, updated_by, updated_at)"
	" VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (project_id, measure_id) DO UPDATE SET progress = excluded.progress,"
	" note = excluded.note, updated_by = excluded.updated_by, updated_at = excluded.updated_at";

int store_project_measure_set(struct db *db, long long project_id, long long measure_id, int progress, const char *note,
			      long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_MEASURE_SET);
	db_bind_int(s, 1, project_id);
	db_bind_int(s, 2, measure_id);
	db_bind_int(s, 3, progress);
	db_bind_text(s, 4, note);
	db_bind_int(s, 5, user_id);
	db_bind_int(s, 6, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* Progress on a network's measures by its shared projects. */
static const char SQL_MEASURE_PROGRESS[] =
	"SELECT pm.project_id, pm.measure_id, pm.progress, pm.note FROM project_measures pm"
	" JOIN network_measures m ON m.id = pm.measure_id JOIN project_shares s ON s.project_id = pm.project_id"
	" AND s.network_id = m.network_id WHERE m.network_id = $1";

struct db_stmt *store_measure_progress(struct db *db, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_MEASURE_PROGRESS);
	db_bind_int(s, 1, network_id);
	return s;
}

/* The measures of the networks a project is shared with, and its progress. */
static const char SQL_PROJECT_MEASURES[] =
	"SELECT m.id, m.kind, m.name, n.name, pm.progress, pm.note, n.id FROM project_shares s JOIN networks n ON n.id = s.network_id"
	" JOIN network_measures m ON m.network_id = s.network_id"
	" LEFT JOIN project_measures pm ON pm.measure_id = m.id AND pm.project_id = s.project_id"
	" WHERE s.project_id = $1 ORDER BY n.name, m.kind, m.id";

struct db_stmt *store_project_measures(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_MEASURES);
	db_bind_int(s, 1, project_id);
	return s;
}

static const char SQL_MESSAGE_ADD[] =
	"INSERT INTO messages (user_id, from_user, body, link, created_at) VALUES ($1, $2, $3, $4, $5)";

int store_message_add(struct db *db, long long user_id, long long from_user, const char *body, const char *link)
{
	struct db_stmt *s = db_prepare(db, SQL_MESSAGE_ADD);
	db_bind_int(s, 1, user_id);
	db_bind_int(s, 2, from_user);
	db_bind_text(s, 3, body);
	db_bind_text(s, 4, link);
	db_bind_int(s, 5, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_MESSAGES_OPEN[] =
	"SELECT m.id, m.body, m.link, u.name, m.created_at FROM messages m LEFT JOIN users u ON u.id = m.from_user"
	" WHERE m.user_id = $1 AND m.seen_at IS NULL ORDER BY m.id DESC LIMIT 50";

struct db_stmt *store_messages_open(struct db *db, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_MESSAGES_OPEN);
	db_bind_int(s, 1, user_id);
	return s;
}

static const char SQL_MESSAGE_SEEN[] = "UPDATE messages SET seen_at = $3 WHERE id = $1 AND user_id = $2";
static const char SQL_MESSAGE_MINE[] = "SELECT 1 FROM messages WHERE id = $1 AND user_id = $2";

int store_message_seen(struct db *db, long long id, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_MESSAGE_MINE);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, user_id);
	int rc = db_step(s);
	db_reset(s);
	if (rc != DB_ROW)
		return rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
	s = db_prepare(db, SQL_MESSAGE_SEEN);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, user_id);
	db_bind_int(s, 3, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* Progress inputs of every project shared with a network (for the overview:
 * two queries for all projects, as progress_set expects). */
static const char SQL_NETWORK_ENTRIES[] =
	"SELECT e.project_id, e.tool_key, e.not_relevant, e.progress"
	" FROM tool_entries e JOIN project_shares s ON s.project_id = e.project_id WHERE s.network_id = $1";
static const char SQL_NETWORK_STEPS[] =
	"SELECT st.project_id, st.step_key, st.status FROM step_status st"
	" JOIN project_shares s ON s.project_id = st.project_id WHERE s.network_id = $1";

struct db_stmt *store_network_entries(struct db *db, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_ENTRIES);
	db_bind_int(s, 1, network_id);
	return s;
}

struct db_stmt *store_network_steps(struct db *db, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_STEPS);
	db_bind_int(s, 1, network_id);
	return s;
}

/* Per shared project: how many benefits, and the sum of their latest yearly values. */
static const char SQL_NETWORK_BENEFITS[] =
	"SELECT i.project_id, COUNT(*), SUM(COALESCE((SELECT c.yearly_value FROM benefit_calculations c"
	" WHERE c.benefit_id = i.id ORDER BY c.id DESC LIMIT 1), 0)) FROM register_items i"
	" JOIN project_shares s ON s.project_id = i.project_id WHERE s.network_id = $1 AND i.reg = 'benefit'"
	" AND i.deleted_at IS NULL GROUP BY i.project_id";

struct db_stmt *store_network_benefits(struct db *db, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_BENEFITS);
	db_bind_int(s, 1, network_id);
	return s;
}
