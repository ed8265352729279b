/* store_demo.c — see store_demo.h. */
#include "store_demo.h"

#include "store.h"

static const char SQL_DEMO_PROJECTS[] = "SELECT COUNT(*) FROM projects";

long long store_demo_project_count(struct db *db)
{
	struct db_stmt *s = db_prepare(db, SQL_DEMO_PROJECTS);
	long long n = s && db_step(s) == DB_ROW ? db_col_int(s, 0) : -1;
	db_reset(s);
	return n;
}

/* Run a prepared UPDATE with (id, at) or (id, at, text) parameters. */
static int demo_update(struct db_stmt *s, long long id, long long at, const char *text)
{
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, at);
	if (text)
		db_bind_text(s, 3, text);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_DEMO_PROJECT_DATE[] = "UPDATE projects SET created_at = $2 WHERE id = $1";
static const char SQL_DEMO_PROJECT_ACTIVITY[] =
	"UPDATE activity SET at = $2 WHERE project_id = $1 AND action = 'project-created'";

int store_demo_date_project(struct db *db, long long project_id, long long at)
{
	if (demo_update(db_prepare(db, SQL_DEMO_PROJECT_DATE), project_id, at, NULL) != STORE_OK)
		return STORE_ERROR;
	return demo_update(db_prepare(db, SQL_DEMO_PROJECT_ACTIVITY), project_id, at, NULL);
}

static const char SQL_DEMO_GATE_DATE[] = "UPDATE gate_decisions SET decided_at = $2 WHERE project_id = $1 AND phase_key = $3";
static const char SQL_DEMO_GATE_ACTIVITY[] =
	"UPDATE activity SET at = $2 WHERE project_id = $1 AND action = 'gate-decision' AND object = $3";

int store_demo_date_gate(struct db *db, long long project_id, const char *phase, long long at)
{
	if (demo_update(db_prepare(db, SQL_DEMO_GATE_DATE), project_id, at, phase) != STORE_OK)
		return STORE_ERROR;
	return demo_update(db_prepare(db, SQL_DEMO_GATE_ACTIVITY), project_id, at, phase);
}

static const char SQL_DEMO_ROUND_OPENED[] = "UPDATE status_rounds SET opened_at = $2 WHERE id = $1";
static const char SQL_DEMO_ROUND_CLOSED[] = "UPDATE status_rounds SET closed_at = $2 WHERE id = $1";
static const char SQL_DEMO_ROUND_SUMMARY[] =
	"UPDATE status_rounds SET summary_at = $2 WHERE id = $1 AND summary IS NOT NULL";

int store_demo_date_round(struct db *db, long long round_id, long long opened_at, long long closed_at)
{
	if (demo_update(db_prepare(db, SQL_DEMO_ROUND_OPENED), round_id, opened_at, NULL) != STORE_OK)
		return STORE_ERROR;
	if (!closed_at)
		return STORE_OK;
	if (demo_update(db_prepare(db, SQL_DEMO_ROUND_CLOSED), round_id, closed_at, NULL) != STORE_OK)
		return STORE_ERROR;
	return demo_update(db_prepare(db, SQL_DEMO_ROUND_SUMMARY), round_id, closed_at, NULL);
}

static const char SQL_DEMO_REPORT_CREATED[] = "UPDATE status_reports SET created_at = $2 WHERE id = $1";
static const char SQL_DEMO_REPORT_SUBMITTED[] =
	"UPDATE status_reports SET submitted_at = $2 WHERE id = $1 AND state = 'submitted'";

int store_demo_date_report(struct db *db, long long report_id, long long at)
{
	if (demo_update(db_prepare(db, SQL_DEMO_REPORT_CREATED), report_id, at, NULL) != STORE_OK)
		return STORE_ERROR;
	return demo_update(db_prepare(db, SQL_DEMO_REPORT_SUBMITTED), report_id, at, NULL);
}

static const char SQL_DEMO_COMMENT_DATE[] = "UPDATE comments SET at = $2 WHERE id = $1";

int store_demo_date_comment(struct db *db, long long comment_id, long long at)
{
	return demo_update(db_prepare(db, SQL_DEMO_COMMENT_DATE), comment_id, at, NULL);
}
