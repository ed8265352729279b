/* migrate.c — schema migrations for both databases.
 *
 * Each migration is written once. Two tokens are replaced per dialect:
 *   {ID}   an auto-increment primary key (INTEGER PRIMARY KEY in SQLite, an
 *          identity column in PostgreSQL)
 *   {BLOB} binary data (BLOB / BYTEA)
 * Everything else is the common subset: BIGINT for integers, booleans and times
 * (UTC seconds since the epoch), TEXT for strings. A migration is never edited
 * after it shipped; changes are new migrations.
 *
 * What has no common form (full-text search: FTS5 tables and triggers in
 * SQLite, GIN indexes on tsvector expressions in PostgreSQL) goes into the
 * optional dialect parts, run after the common part in the same transaction. */
#include "migrate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/buf.h"
#include "../core/xalloc.h"

struct migration {
	int version;
	const char *description;
	const char *sql;        /* both dialects */
	const char *sql_sqlite; /* optional: SQLite only */
	const char *sql_pg;     /* optional: PostgreSQL only */
};

/* Migration 8, SQLite: FTS5 indexes with external content (the text stays in
 * the base tables), kept in step by triggers so that code writing cases,
 * projects and register items needs no search calls. unicode61 with
 * remove_diacritics 0 folds case but keeps å/ø/æ apart from a/o/ae. Foreign
 * key cascades fire the delete triggers too. */
#define FTS_TOKENIZE " tokenize = \"unicode61 remove_diacritics 0\")"
#define FTS_TRIGGERS(T, COLS, NEWCOLS, OLDCOLS, WHEN)                                                            \
	"CREATE TRIGGER " T "_fts_ai AFTER INSERT ON " T " BEGIN INSERT INTO " T "_fts (rowid, " COLS ")"          \
	" VALUES (new.id, " NEWCOLS "); END;"                                                                        \
	"CREATE TRIGGER " T "_fts_ad AFTER DELETE ON " T " BEGIN INSERT INTO " T "_fts (" T "_fts, rowid, " COLS ")" \
	" VALUES ('delete', old.id, " OLDCOLS "); END;"                                                              \
	"CREATE TRIGGER " T "_fts_au AFTER UPDATE OF " WHEN " ON " T " BEGIN"                                        \
	" INSERT INTO " T "_fts (" T "_fts, rowid, " COLS ") VALUES ('delete', old.id, " OLDCOLS ");"                \
	" INSERT INTO " T "_fts (rowid, " COLS ") VALUES (new.id, " NEWCOLS "); END;"
static const char MIGRATION_8_SQLITE[] =
	"CREATE VIRTUAL TABLE cases_fts USING fts5(title, challenge, what, results, benefits, lessons,"
	" content = 'cases', content_rowid = 'id'," FTS_TOKENIZE ";"
	FTS_TRIGGERS("cases", "title, challenge, what, results, benefits, lessons",
		     "new.title, new.challenge, new.what, new.results, new.benefits, new.lessons",
		     "old.title, old.challenge, old.what, old.results, old.benefits, old.lessons",
		     "title, challenge, what, results, benefits, lessons")
	"CREATE VIRTUAL TABLE projects_fts USING fts5(title, challenge, goals, content = 'projects', content_rowid = 'id',"
	FTS_TOKENIZE ";"
	FTS_TRIGGERS("projects", "title, challenge, goals", "new.title, new.challenge, new.goals",
		     "old.title, old.challenge, old.goals", "title, challenge, goals")
	"CREATE VIRTUAL TABLE register_items_fts USING fts5(title, content = 'register_items', content_rowid = 'id',"
	FTS_TOKENIZE ";"
	FTS_TRIGGERS("register_items", "title", "new.title", "old.title", "title")
	"INSERT INTO cases_fts (cases_fts) VALUES ('rebuild');"
	"INSERT INTO projects_fts (projects_fts) VALUES ('rebuild');"
	"INSERT INTO register_items_fts (register_items_fts) VALUES ('rebuild');";

/* Migration 8, PostgreSQL: GIN indexes on the tsvector expressions that
 * src/store/store_search.c queries (CASE_TSV, PROJECT_TSV, ITEM_TSV; they must
 * stay identical). The 'simple' configuration lower-cases and nothing more:
 * no stemming, no unaccent, so å/ø/æ stay distinct. */
static const char MIGRATION_8_PG[] =
	"CREATE INDEX cases_search ON cases USING GIN ((setweight(to_tsvector('simple', title), 'A') ||"
	" setweight(to_tsvector('simple', challenge || ' ' || what || ' ' || results || ' ' || benefits || ' ' || lessons),"
	" 'B')));"
	"CREATE INDEX projects_search ON projects USING GIN ((setweight(to_tsvector('simple', title), 'A') ||"
	" setweight(to_tsvector('simple', challenge || ' ' || goals), 'B')));"
	"CREATE INDEX register_items_search ON register_items USING GIN (to_tsvector('simple', title));";

static const struct migration migrations[] = {
	{1, "accounts, organisations, sessions",
	 "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	 "CREATE TABLE users ("
	 " id {ID}, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, password_hash TEXT,"
	 " site_admin BIGINT NOT NULL DEFAULT 0, lang TEXT, disabled BIGINT NOT NULL DEFAULT 0,"
	 " created_at BIGINT NOT NULL, password_changed_at BIGINT);"
	 "CREATE TABLE orgs ("
	 " id {ID}, name TEXT NOT NULL, kind TEXT NOT NULL, orgnr TEXT UNIQUE, kommunenr TEXT,"
	 " created_at BIGINT NOT NULL);"
	 "CREATE TABLE memberships ("
	 " user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	 " org_id BIGINT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,"
	 " role TEXT NOT NULL CHECK (role IN ('admin','member')), created_at BIGINT NOT NULL,"
	 " PRIMARY KEY (user_id, org_id));"
	 "CREATE INDEX memberships_org ON memberships(org_id);"
	 "CREATE TABLE sessions ("
	 " id_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	 " created_at BIGINT NOT NULL, last_seen BIGINT NOT NULL, current_org BIGINT, client TEXT);"
	 "CREATE INDEX sessions_user ON sessions(user_id);"
	 "CREATE TABLE tokens ("
	 " id_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	 " purpose TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, used_at BIGINT);"
	 "CREATE TABLE throttle (key TEXT PRIMARY KEY, window_start BIGINT NOT NULL, failures BIGINT NOT NULL);"
	 "CREATE TABLE audit ("
	 " id {ID}, at BIGINT NOT NULL, user_id BIGINT, action TEXT NOT NULL, object TEXT, detail TEXT);"
	 "CREATE INDEX audit_at ON audit(at);"},
	{2, "methodology versions",
	 "CREATE TABLE methodology_versions ("
	 " id {ID}, key TEXT NOT NULL, version TEXT NOT NULL, hash TEXT NOT NULL, source TEXT NOT NULL,"
	 " files TEXT NOT NULL, created_at BIGINT NOT NULL, UNIQUE (key, hash));"
	 "CREATE TABLE org_methodologies ("
	 " org_id BIGINT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE, methodology_key TEXT NOT NULL,"
	 " PRIMARY KEY (org_id, methodology_key));"},
	{3, "projects: case files, teams, revisions, gates",
	 "CREATE TABLE projects ("
	 " id {ID}, org_id BIGINT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE, title TEXT NOT NULL,"
	 " challenge TEXT NOT NULL, goals TEXT NOT NULL, service_area TEXT NOT NULL,"
	 " methodology_version_id BIGINT NOT NULL REFERENCES methodology_versions(id),"
	 " start_date TEXT NOT NULL, planned_end TEXT, visibility TEXT NOT NULL CHECK (visibility IN ('org','team')),"
	 " current_phase TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'active', rag TEXT NOT NULL DEFAULT 'green',"
	 " rag_comment TEXT, created_by BIGINT REFERENCES users(id), created_at BIGINT NOT NULL,"
	 " updated_at BIGINT NOT NULL, deleted_at BIGINT);"
	 "CREATE INDEX projects_org ON projects(org_id);"
	 "CREATE TABLE project_members ("
	 " project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
	 " user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	 " role TEXT NOT NULL CHECK (role IN ('owner','leader','driver','member','observer')),"
	 " guest BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, PRIMARY KEY (project_id, user_id));"
	 "CREATE INDEX project_members_user ON project_members(user_id);"
	 "CREATE TABLE tool_entries ("
	 " project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, tool_key TEXT NOT NULL,"
	 " data TEXT NOT NULL, revision BIGINT NOT NULL, not_relevant BIGINT NOT NULL DEFAULT 0,"
	 " not_relevant_reason TEXT, updated_by BIGINT, updated_at BIGINT NOT NULL,"
	 " PRIMARY KEY (project_id, tool_key));"
	 "CREATE TABLE tool_revisions ("
	 " id {ID}, project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, tool_key TEXT NOT NULL,"
	 " revision BIGINT NOT NULL, data TEXT NOT NULL, not_relevant BIGINT NOT NULL DEFAULT 0,"
	 " not_relevant_reason TEXT, changed TEXT NOT NULL, user_id BIGINT, at BIGINT NOT NULL,"
	 " UNIQUE (project_id, tool_key, revision));"
	 "CREATE TABLE step_status ("
	 " project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, step_key TEXT NOT NULL,"
	 " status TEXT NOT NULL CHECK (status IN ('not-started','in-progress','done','skipped')),"
	 " updated_by BIGINT, updated_at BIGINT NOT NULL, PRIMARY KEY (project_id, step_key));"
	 "CREATE TABLE gate_decisions ("
	 " id {ID}, project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, phase_key TEXT NOT NULL,"
	 " decision TEXT NOT NULL CHECK (decision IN ('continue','back','pause','stop')), to_phase TEXT,"
	 " criteria TEXT NOT NULL, reason TEXT NOT NULL, decided_by BIGINT, decided_at BIGINT NOT NULL);"
	 "CREATE INDEX gate_decisions_project ON gate_decisions(project_id);"
	 "CREATE TABLE activity ("
	 " id {ID}, project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, user_id BIGINT,"
	 " action TEXT NOT NULL, object TEXT, at BIGINT NOT NULL);"
	 "CREATE INDEX activity_project ON activity(project_id, at);"},
	{4, "comments and mentions",
	 "CREATE TABLE comments ("
	 " id {ID}, project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, tool_key TEXT,"
	 " user_id BIGINT REFERENCES users(id) ON DELETE SET NULL, body TEXT NOT NULL, body_html TEXT NOT NULL,"
	 " at BIGINT NOT NULL);"
	 "CREATE INDEX comments_project ON comments(project_id, tool_key);"
	 "CREATE TABLE mentions ("
	 " comment_id BIGINT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,"
	 " user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE, seen_at BIGINT,"
	 " PRIMARY KEY (comment_id, user_id));"
	 "CREATE INDEX mentions_user ON mentions(user_id, seen_at);"},
	{5, "registers: the evidence chain",
	 /* One table for the items of every register (stakeholders, anchoring,
	  * research, insights, needs, personas, journeys, ideas, tests; later
	  * benefits): their fields are JSON in data, as in tool_entries. pii lists
	  * the kinds of personal data the team confirmed ('' = none). */
	 "CREATE TABLE register_items ("
	 " id {ID}, project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, reg TEXT NOT NULL,"
	 " title TEXT NOT NULL, data TEXT NOT NULL, revision BIGINT NOT NULL, pii TEXT NOT NULL DEFAULT '',"
	 " retention_date TEXT, created_by BIGINT, created_at BIGINT NOT NULL, updated_by BIGINT,"
	 " updated_at BIGINT NOT NULL, deleted_at BIGINT, tombstone BIGINT NOT NULL DEFAULT 0);"
	 "CREATE INDEX register_items_project ON register_items(project_id, reg);"
	 "CREATE INDEX register_items_retention ON register_items(retention_date);"
	 "CREATE TABLE register_revisions ("
	 " id {ID}, item_id BIGINT NOT NULL REFERENCES register_items(id) ON DELETE CASCADE, revision BIGINT NOT NULL,"
	 " title TEXT NOT NULL, data TEXT NOT NULL, changed TEXT NOT NULL, user_id BIGINT, at BIGINT NOT NULL,"
	 " UNIQUE (item_id, revision));"
	 /* src "led to" dst; dst "came from" src. Kept in step with the link
	  * fields in the items' data, so both directions are one indexed query. */
	 "CREATE TABLE register_links ("
	 " project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
	 " src_id BIGINT NOT NULL REFERENCES register_items(id) ON DELETE CASCADE,"
	 " dst_id BIGINT NOT NULL REFERENCES register_items(id) ON DELETE CASCADE, PRIMARY KEY (src_id, dst_id));"
	 "CREATE INDEX register_links_dst ON register_links(dst_id);"
	 "CREATE INDEX register_links_project ON register_links(project_id);"
	 "CREATE TABLE vote_rounds ("
	 " project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, round BIGINT NOT NULL,"
	 " opened_by BIGINT, opened_at BIGINT NOT NULL, PRIMARY KEY (project_id, round));"
	 "CREATE TABLE idea_votes ("
	 " project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, round BIGINT NOT NULL,"
	 " item_id BIGINT NOT NULL REFERENCES register_items(id) ON DELETE CASCADE,"
	 " user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	 " dots BIGINT NOT NULL CHECK (dots BETWEEN 1 AND 3), PRIMARY KEY (project_id, round, item_id, user_id));"},
	{6, "benefits: owners, indicators, targets, measurements, calculations",
	 /* A benefit is a register item (reg 'benefit'); its owner is a column,
	  * not a field, because the owner may be outside the project team and
	  * the authorization core looks them up. Values are DOUBLE PRECISION
	  * (REAL in SQLite) and round-trip exactly (db_bind_double). */
	 "CREATE TABLE benefits ("
	 " item_id BIGINT PRIMARY KEY REFERENCES register_items(id) ON DELETE CASCADE,"
	 " project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
	 " owner_id BIGINT REFERENCES users(id) ON DELETE SET NULL);"
	 "CREATE INDEX benefits_owner ON benefits(owner_id);"
	 "CREATE INDEX benefits_project ON benefits(project_id);"
	 "CREATE TABLE indicators ("
	 " id {ID}, benefit_id BIGINT NOT NULL REFERENCES register_items(id) ON DELETE CASCADE,"
	 " name TEXT NOT NULL, unit TEXT NOT NULL, direction TEXT NOT NULL CHECK (direction IN ('higher','lower')),"
	 " source TEXT NOT NULL, method TEXT NOT NULL,"
	 " frequency TEXT NOT NULL CHECK (frequency IN ('weekly','monthly','quarterly','yearly')),"
	 " baseline_value DOUBLE PRECISION, baseline_date TEXT, baseline_how TEXT NOT NULL,"
	 " target_value DOUBLE PRECISION, target_date TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
	 " deleted_at BIGINT);"
	 "CREATE INDEX indicators_benefit ON indicators(benefit_id);"
	 "CREATE TABLE indicator_targets ("
	 " indicator_id BIGINT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE, day TEXT NOT NULL,"
	 " value DOUBLE PRECISION NOT NULL, PRIMARY KEY (indicator_id, day));"
	 "CREATE TABLE measurements ("
	 " id {ID}, indicator_id BIGINT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE, day TEXT NOT NULL,"
	 " value DOUBLE PRECISION NOT NULL, unit TEXT NOT NULL, comment TEXT NOT NULL,"
	 " user_id BIGINT REFERENCES users(id) ON DELETE SET NULL, created_at BIGINT NOT NULL,"
	 " UNIQUE (indicator_id, day));"
	 "CREATE TABLE benefit_calculations ("
	 " id {ID}, benefit_id BIGINT NOT NULL REFERENCES register_items(id) ON DELETE CASCADE, kind TEXT NOT NULL,"
	 " inputs TEXT NOT NULL, yearly_value DOUBLE PRECISION NOT NULL, start_date TEXT, end_date TEXT,"
	 " user_id BIGINT, created_at BIGINT NOT NULL);"
	 "CREATE INDEX benefit_calculations_benefit ON benefit_calculations(benefit_id, id);"
	 "CREATE TABLE org_benefit_types ("
	 " org_id BIGINT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE, key TEXT NOT NULL, label TEXT NOT NULL,"
	 " PRIMARY KEY (org_id, key));"
	 "ALTER TABLE orgs ADD COLUMN hourly_cost DOUBLE PRECISION;"},
	{7, "networks: members, people, themes, measures, sharing, status rounds, gatherings, coaching, cases, messages",
	 "CREATE TABLE networks ("
	 " id {ID}, name TEXT NOT NULL, description TEXT NOT NULL, owner_org_id BIGINT NOT NULL REFERENCES orgs(id),"
	 " period_start TEXT, period_end TEXT, methodology_key TEXT, created_by BIGINT, created_at BIGINT NOT NULL);"
	 "CREATE TABLE network_orgs ("
	 " network_id BIGINT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,"
	 " org_id BIGINT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,"
	 " role TEXT NOT NULL CHECK (role IN ('pilot','experience','partner')), PRIMARY KEY (network_id, org_id));"
	 "CREATE INDEX network_orgs_org ON network_orgs(org_id);"
	 "CREATE TABLE network_people ("
	 " network_id BIGINT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,"
	 " user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	 " role TEXT NOT NULL CHECK (role IN ('leader','coach')), PRIMARY KEY (network_id, user_id));"
	 "CREATE INDEX network_people_user ON network_people(user_id);"
	 "CREATE TABLE network_themes ("
	 " id {ID}, network_id BIGINT NOT NULL REFERENCES networks(id) ON DELETE CASCADE, name TEXT NOT NULL,"
	 " description TEXT NOT NULL);"
	 "CREATE TABLE network_measures ("
	 " id {ID}, network_id BIGINT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,"
	 " kind TEXT NOT NULL CHECK (kind IN ('joint','toolbox')), name TEXT NOT NULL, description TEXT NOT NULL);"
	 /* A project shared with a network; theme and challenge: the member's
	  * own challenge within one of the network's themes. */
	 "CREATE TABLE project_shares ("
	 " project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
	 " network_id BIGINT NOT NULL REFERENCES networks(id) ON DELETE CASCADE, theme_id BIGINT, challenge TEXT,"
	 " shared_by BIGINT, shared_at BIGINT NOT NULL, PRIMARY KEY (project_id, network_id));"
	 "CREATE INDEX project_shares_network ON project_shares(network_id);"
	 "CREATE TABLE project_measures ("
	 " project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
	 " measure_id BIGINT NOT NULL REFERENCES network_measures(id) ON DELETE CASCADE,"
	 " progress BIGINT NOT NULL CHECK (progress BETWEEN 0 AND 100), note TEXT NOT NULL, updated_by BIGINT,"
	 " updated_at BIGINT NOT NULL, PRIMARY KEY (project_id, measure_id));"
	 "CREATE TABLE status_rounds ("
	 " id {ID}, network_id BIGINT NOT NULL REFERENCES networks(id) ON DELETE CASCADE, title TEXT NOT NULL,"
	 " due_date TEXT NOT NULL, questions TEXT NOT NULL, opened_by BIGINT, opened_at BIGINT NOT NULL,"
	 " closed_at BIGINT, summary TEXT, summary_by BIGINT, summary_at BIGINT);"
	 "CREATE INDEX status_rounds_network ON status_rounds(network_id);"
	 /* A report is a draft until submitted; a submitted version never
	  * changes: a correction is the next version. */
	 "CREATE TABLE status_reports ("
	 " id {ID}, round_id BIGINT NOT NULL REFERENCES status_rounds(id) ON DELETE CASCADE,"
	 " project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, version BIGINT NOT NULL,"
	 " answers TEXT NOT NULL, rag TEXT NOT NULL CHECK (rag IN ('green','amber','red')),"
	 " state TEXT NOT NULL CHECK (state IN ('draft','submitted')), created_by BIGINT, created_at BIGINT NOT NULL,"
	 " submitted_by BIGINT, submitted_at BIGINT, UNIQUE (round_id, project_id, version));"
	 "CREATE INDEX status_reports_project ON status_reports(project_id);"
	 "CREATE TABLE messages ("
	 " id {ID}, user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE, from_user BIGINT,"
	 " body TEXT NOT NULL, link TEXT, created_at BIGINT NOT NULL, seen_at BIGINT);"
	 "CREATE INDEX messages_user ON messages(user_id, seen_at);"
	 "CREATE TABLE gatherings ("
	 " id {ID}, network_id BIGINT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,"
	 " kind TEXT NOT NULL CHECK (kind IN ('kickoff','gathering','status','midterm','visit','leaders')),"
	 " title TEXT NOT NULL, day TEXT NOT NULL, place TEXT NOT NULL, digital BIGINT NOT NULL DEFAULT 0,"
	 " agenda TEXT NOT NULL, notes TEXT NOT NULL, created_by BIGINT, created_at BIGINT NOT NULL);"
	 "CREATE TABLE gathering_experiences ("
	 " id {ID}, gathering_id BIGINT NOT NULL REFERENCES gatherings(id) ON DELETE CASCADE,"
	 " project_id BIGINT REFERENCES projects(id) ON DELETE SET NULL, body TEXT NOT NULL, created_by BIGINT,"
	 " created_at BIGINT NOT NULL);"
	 "CREATE TABLE gathering_actions ("
	 " id {ID}, gathering_id BIGINT NOT NULL REFERENCES gatherings(id) ON DELETE CASCADE, body TEXT NOT NULL,"
	 " owner_id BIGINT REFERENCES users(id) ON DELETE SET NULL, deadline TEXT, done BIGINT NOT NULL DEFAULT 0);"
	 "CREATE TABLE coaching_plans ("
	 " project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
	 " network_id BIGINT NOT NULL REFERENCES networks(id) ON DELETE CASCADE, coach_id BIGINT REFERENCES users(id),"
	 " start_day TEXT NOT NULL, schedule TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (project_id, network_id));"
	 "CREATE TABLE coaching_sessions ("
	 " id {ID}, project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
	 " network_id BIGINT NOT NULL REFERENCES networks(id) ON DELETE CASCADE, coach_id BIGINT, day TEXT NOT NULL,"
	 " mode TEXT NOT NULL CHECK (mode IN ('meeting','video','phone','visit')), notes TEXT NOT NULL,"
	 " created_at BIGINT NOT NULL);"
	 "CREATE TABLE coaching_actions ("
	 " id {ID}, session_id BIGINT NOT NULL REFERENCES coaching_sessions(id) ON DELETE CASCADE, body TEXT NOT NULL,"
	 " owner_id BIGINT, deadline TEXT, done BIGINT NOT NULL DEFAULT 0);"
	 /* A published case: its texts are copied in when published (never
	  * personal data: the publish form refuses it), so the library does not
	  * read the project. audience: 'networks' or 'public'. */
	 "CREATE TABLE cases ("
	 " id {ID}, project_id BIGINT NOT NULL UNIQUE REFERENCES projects(id) ON DELETE CASCADE,"
	 " org_id BIGINT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE, title TEXT NOT NULL, challenge TEXT NOT NULL,"
	 " what TEXT NOT NULL, results TEXT NOT NULL, benefits TEXT NOT NULL, lessons TEXT NOT NULL, contact TEXT NOT NULL,"
	 " phase TEXT NOT NULL, service_area TEXT NOT NULL, benefit_types TEXT NOT NULL,"
	 " audience TEXT NOT NULL CHECK (audience IN ('networks','public')), published_by BIGINT,"
	 " published_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, withdrawn_at BIGINT);"},
	{8, "full-text search over cases, projects and register items",
	 "CREATE INDEX cases_org ON cases(org_id);"
	 "CREATE INDEX cases_audience ON cases(audience, updated_at);",
	 MIGRATION_8_SQLITE, MIGRATION_8_PG},
	{9, "progress of each tool entry, kept at save",
	 /* Lists of many projects (dashboard, portfolio, network overview) read
	  * this number instead of decoding every entry; NULL (older rows, or a
	  * save that did not compute it) falls back to decoding. */
	 "ALTER TABLE tool_entries ADD COLUMN progress BIGINT;"},
	{10, "tool entries' counts of what is done; progress and items' visibility read without their data",
	 /* Lists and the roadmap read (project, tool, not relevant, progress and
	  * the counts of fields, checklist items and questions done) from this index
	  * alone: in the table the progress column comes after the entry's JSON,
	  * which SQLite stores in overflow pages it would have to read through.
	  * project_progress_backfill runs at every start; the partial index keeps
	  * it from scanning every entry when nothing is missing. */
	 "ALTER TABLE tool_entries ADD COLUMN fields_done BIGINT;"
	 "ALTER TABLE tool_entries ADD COLUMN checks_done BIGINT;"
	 "ALTER TABLE tool_entries ADD COLUMN answers_done BIGINT;"
	 /* Scored again at the next start, now with the counts the roadmap shows. */
	 "UPDATE tool_entries SET progress = NULL;"
	 "CREATE INDEX tool_entries_progress ON tool_entries(project_id, tool_key, not_relevant, progress, fields_done,"
	 " checks_done, answers_done);"
	 "CREATE INDEX tool_entries_unscored ON tool_entries(project_id, tool_key) WHERE progress IS NULL;",
	 /* The same for search on SQLite (store_search.c names it): whether a
	  * matching item may be shown is decided from this index, not from rows
	  * whose JSON comes first. PostgreSQL keeps large values out of the row
	  * (TOAST), so it needs no such index. */
	 "CREATE INDEX register_items_search ON register_items(id, project_id, deleted_at, tombstone, pii);", NULL},
};

int migrate_latest(void)
{
	return migrations[sizeof migrations / sizeof migrations[0] - 1].version;
}

/* Expand the dialect tokens; returns malloc'd SQL. */
static char *migrate_dialect(const char *sql, enum db_kind kind)
{
	struct buf b = {0};
	for (const char *p = sql; *p;) {
		if (strncmp(p, "{ID}", 4) == 0) {
			buf_puts(&b, kind == DB_SQLITE ? "INTEGER PRIMARY KEY"
						       : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
			p += 4;
		} else if (strncmp(p, "{BLOB}", 6) == 0) {
			buf_puts(&b, kind == DB_SQLITE ? "BLOB" : "BYTEA");
			p += 6;
		} else {
			buf_putc(&b, *p++);
		}
	}
	return buf_detach(&b);
}

static const char SQL_VERSION_GET[] = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
static const char SQL_VERSION_ADD[] =
	"INSERT INTO schema_version (version, applied_at, description) VALUES ($1, $2, $3)";

/* Read the applied version inside the current transaction. */
static int migrate_current(struct db *db)
{
	struct db_stmt *s = db_prepare(db, SQL_VERSION_GET);
	int v = -1;
	if (s && db_step(s) == DB_ROW)
		v = (int)db_col_int(s, 0);
	db_reset(s);
	return v;
}

int migrate_run(struct db *db, char *err, size_t errlen)
{
	if (db_exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY,"
			" applied_at BIGINT NOT NULL, description TEXT NOT NULL)") != 0) {
		snprintf(err, errlen, "cannot create schema_version: %s", db_errmsg(db));
		return -1;
	}
	for (size_t i = 0; i < sizeof migrations / sizeof migrations[0]; i++) {
		const struct migration *m = &migrations[i];
		if (db_begin_write(db) != 0) {
			snprintf(err, errlen, "cannot begin migration: %s", db_errmsg(db));
			return -1;
		}
		if (db_kind(db) == DB_PG && db_exec(db, "SELECT pg_advisory_xact_lock(72616)") != 0)
			goto fail;
		int cur = migrate_current(db);
		if (cur < 0)
			goto fail;
		if (cur >= m->version) {
			db_rollback(db);
			continue;
		}
		const char *own = db_kind(db) == DB_PG ? m->sql_pg : m->sql_sqlite;
		int rc = 0;
		for (int part = 0; part < 2 && rc == 0; part++) {
			const char *text = part == 0 ? m->sql : own;
			if (!text || !*text)
				continue;
			char *sql = migrate_dialect(text, db_kind(db));
			rc = db_exec(db, sql);
			free(sql);
		}
		if (rc != 0)
			goto fail;
		struct db_stmt *s = db_prepare(db, SQL_VERSION_ADD);
		db_bind_int(s, 1, m->version);
		db_bind_int(s, 2, (long long)time(NULL));
		db_bind_text(s, 3, m->description);
		if (db_run(s) != DB_DONE || db_commit(db) != 0)
			goto fail;
		continue;
	fail:
		snprintf(err, errlen, "migration %d (%s) failed: %s", m->version, m->description, db_errmsg(db));
		db_rollback(db);
		return -1;
	}
	return 0;
}
