/* store_round.c — status-report rounds of a network and the reports of its
 * shared projects. A report is a draft until submitted; the functions here
 * never change a submitted version (every UPDATE is limited to drafts), so a
 * correction is always a new version and the old one stays. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"

void round_free(struct round *r)
{
	free(r->title);
	free(r->questions);
	free(r->summary);
	memset(r, 0, sizeof *r);
}

void report_free(struct report *r)
{
	free(r->answers);
	memset(r, 0, sizeof *r);
}

static const char SQL_ROUND_CREATE[] =
	"INSERT INTO status_rounds (network_id, title, due_date, questions, opened_by, opened_at)"
	" VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

int store_round_create(struct db *db, long long network_id, const char *title, const char *due, const char *questions,
		       long long user_id, long long *id)
{
	struct db_stmt *s = db_prepare(db, SQL_ROUND_CREATE);
	db_bind_int(s, 1, network_id);
	db_bind_text(s, 2, title);
	db_bind_text(s, 3, due);
	db_bind_text(s, 4, questions);
	db_bind_int(s, 5, user_id);
	db_bind_int(s, 6, (long long)time(NULL));
	int rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : STORE_ERROR;
}

static const char SQL_ROUND_GET[] =
	"SELECT id, network_id, title, due_date, questions, summary, opened_at, closed_at FROM status_rounds WHERE id = $1";

int store_round_get(struct db *db, long long id, struct round *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *s = db_prepare(db, SQL_ROUND_GET);
	db_bind_int(s, 1, id);
	int rc = db_step(s);
	if (rc == DB_ROW) {
		out->id = db_col_int(s, 0);
		out->network_id = db_col_int(s, 1);
		out->title = db_col_dup(s, 2);
		snprintf(out->due_date, sizeof out->due_date, "%s", db_col_text(s, 3));
		out->questions = db_col_dup(s, 4);
		out->summary = db_col_dup(s, 5);
		out->opened_at = db_col_int(s, 6);
		out->closed = !db_col_null(s, 7);
	}
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_ROUNDS_OF_NETWORK[] =
	"SELECT r.id, r.title, r.due_date, r.closed_at, CASE WHEN r.summary IS NULL THEN 0 ELSE 1 END,"
	" (SELECT COUNT(DISTINCT x.project_id) FROM status_reports x WHERE x.round_id = r.id AND x.state = 'submitted'"
	" AND x.project_id IN (SELECT project_id FROM project_shares WHERE network_id = r.network_id))"
	" FROM status_rounds r WHERE r.network_id = $1 ORDER BY r.id DESC LIMIT 200";

struct db_stmt *store_rounds_of_network(struct db *db, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ROUNDS_OF_NETWORK);
	db_bind_int(s, 1, network_id);
	return s;
}

static const char SQL_ROUND_SUMMARY[] = "UPDATE status_rounds SET summary = $2, summary_by = $3, summary_at = $4 WHERE id = $1";

int store_round_summary_set(struct db *db, long long id, const char *summary, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ROUND_SUMMARY);
	db_bind_int(s, 1, id);
	db_bind_text(s, 2, summary);
	db_bind_int(s, 3, user_id);
	db_bind_int(s, 4, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_ROUND_CLOSE[] = "UPDATE status_rounds SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL";

int store_round_close(struct db *db, long long id)
{
	struct db_stmt *s = db_prepare(db, SQL_ROUND_CLOSE);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

#define REPORT_COLS "r.id, r.round_id, r.project_id, r.version, r.answers, r.rag, r.state, r.submitted_at"

static void report_read(struct db_stmt *s, struct report *out)
{
	out->id = db_col_int(s, 0);
	out->round_id = db_col_int(s, 1);
	out->project_id = db_col_int(s, 2);
	out->version = db_col_int(s, 3);
	out->answers = db_col_dup(s, 4);
	snprintf(out->rag, sizeof out->rag, "%s", db_col_text(s, 5));
	out->submitted = !strcmp(db_col_text(s, 6), "submitted");
	out->submitted_at = db_col_null(s, 7) ? 0 : db_col_int(s, 7);
}

static const char SQL_REPORT_LATEST[] =
	"SELECT " REPORT_COLS " FROM status_reports r WHERE r.round_id = $1 AND r.project_id = $2 ORDER BY r.version DESC LIMIT 1";

int store_report_latest(struct db *db, long long round_id, long long project_id, struct report *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *s = db_prepare(db, SQL_REPORT_LATEST);
	db_bind_int(s, 1, round_id);
	db_bind_int(s, 2, project_id);
	int rc = db_step(s);
	if (rc == DB_ROW)
		report_read(s, out);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_REPORT_LATEST_SUBMITTED[] =
	"SELECT " REPORT_COLS " FROM status_reports r WHERE r.round_id = $1 AND r.project_id = $2 AND r.state = 'submitted'"
	" ORDER BY r.version DESC LIMIT 1";

int store_report_latest_submitted(struct db *db, long long round_id, long long project_id, struct report *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *s = db_prepare(db, SQL_REPORT_LATEST_SUBMITTED);
	db_bind_int(s, 1, round_id);
	db_bind_int(s, 2, project_id);
	int rc = db_step(s);
	if (rc == DB_ROW)
		report_read(s, out);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_REPORT_UPDATE_DRAFT[] =
	"UPDATE status_reports SET answers = $2, rag = $3 WHERE id = $1 AND state = 'draft'";
static const char SQL_REPORT_INSERT[] =
	"INSERT INTO status_reports (round_id, project_id, version, answers, rag, state, created_by, created_at)"
	" VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7) RETURNING id";

int store_report_save_draft(struct db *db, long long round_id, long long project_id, const char *answers, const char *rag,
			    long long user_id, long long *id)
{
	struct report cur;
	int rc = store_report_latest(db, round_id, project_id, &cur);
	if (rc == STORE_ERROR)
		return rc;
	if (rc == STORE_OK && !cur.submitted) {
		struct db_stmt *s = db_prepare(db, SQL_REPORT_UPDATE_DRAFT);
		db_bind_int(s, 1, cur.id);
		db_bind_text(s, 2, answers);
		db_bind_text(s, 3, rag);
		*id = cur.id;
		report_free(&cur);
		return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
	}
	long long version = rc == STORE_OK ? cur.version + 1 : 1;
	report_free(&cur);
	struct db_stmt *s = db_prepare(db, SQL_REPORT_INSERT);
	db_bind_int(s, 1, round_id);
	db_bind_int(s, 2, project_id);
	db_bind_int(s, 3, version);
	db_bind_text(s, 4, answers);
	db_bind_text(s, 5, rag);
	db_bind_int(s, 6, user_id);
	db_bind_int(s, 7, (long long)time(NULL));
	int r = db_step(s);
	if (r == DB_ROW)
		*id = db_col_int(s, 0);
	db_reset(s);
	return r == DB_ROW ? STORE_OK : STORE_ERROR;
}

static const char SQL_REPORT_SUBMIT[] =
	"UPDATE status_reports SET state = 'submitted', submitted_by = $2, submitted_at = $3 WHERE id = $1 AND state = 'draft'";

int store_report_submit(struct db *db, long long id, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_REPORT_SUBMIT);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, user_id);
	db_bind_int(s, 3, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* Every version of every report of a round, project by project, newest last
 * — of projects still shared with the round's network (unsharing takes the
 * reports out of the network's view at once). */
static const char SQL_REPORTS_OF_ROUND[] =
	"SELECT " REPORT_COLS ", u.name FROM status_reports r LEFT JOIN users u ON u.id = r.submitted_by"
	" JOIN status_rounds sr ON sr.id = r.round_id JOIN project_shares s ON s.project_id = r.project_id"
	" AND s.network_id = sr.network_id WHERE r.round_id = $1 ORDER BY r.project_id, r.version";

struct db_stmt *store_reports_of_round(struct db *db, long long round_id)
{
	struct db_stmt *s = db_prepare(db, SQL_REPORTS_OF_ROUND);
	db_bind_int(s, 1, round_id);
	return s;
}

/* A project's reports across rounds, newest first. */
static const char SQL_REPORTS_OF_PROJECT[] =
	"SELECT " REPORT_COLS ", sr.title, n.name, sr.questions FROM status_reports r JOIN status_rounds sr ON sr.id = r.round_id"
	" JOIN networks n ON n.id = sr.network_id WHERE r.project_id = $1 ORDER BY sr.id DESC, r.version DESC LIMIT 200";

struct db_stmt *store_reports_of_project(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_REPORTS_OF_PROJECT);
	db_bind_int(s, 1, project_id);
	return s;
}

/* The latest submitted report of each project shared with a network. */
static const char SQL_NETWORK_LATEST_REPORTS[] =
	"SELECT r.project_id, sr.title, r.rag, r.submitted_at FROM status_reports r JOIN status_rounds sr ON sr.id = r.round_id"
	" WHERE sr.network_id = $1 AND r.state = 'submitted' ORDER BY r.submitted_at, r.id";

struct db_stmt *store_network_latest_reports(struct db *db, long long network_id)
{
	struct db_stmt *s = db_prepare(db, SQL_NETWORK_LATEST_REPORTS);
	db_bind_int(s, 1, network_id);
	return s;
}

/* Open rounds where a project the user leads or owns has not submitted yet. */
static const char SQL_ROUNDS_OWED[] =
	"SELECT r.id, r.title, r.due_date, p.id, p.title, n.name FROM status_rounds r JOIN networks n ON n.id = r.network_id"
	" JOIN project_shares s ON s.network_id = r.network_id JOIN projects p ON p.id = s.project_id"
	" JOIN project_members m ON m.project_id = p.id AND m.user_id = $1 AND m.role IN ('owner', 'leader')"
	" WHERE r.closed_at IS NULL AND p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM status_reports x"
	" WHERE x.round_id = r.id AND x.project_id = p.id AND x.state = 'submitted') ORDER BY r.due_date LIMIT 50";

struct db_stmt *store_rounds_owed(struct db *db, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ROUNDS_OWED);
	db_bind_int(s, 1, user_id);
	return s;
}

/* The leaders and owners of a project (whom a reminder goes to). */
static const char SQL_PROJECT_LEADERS[] =
	"SELECT user_id FROM project_members WHERE project_id = $1 AND role IN ('owner', 'leader')";

struct db_stmt *store_project_leaders(struct db *db, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_LEADERS);
	db_bind_int(s, 1, project_id);
	return s;
}
