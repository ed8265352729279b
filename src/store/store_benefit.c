/* store_benefit.c — benefits (their owners), indicators with intermediate
 * targets, measurements, money calculations, an organisation's own benefit
 * types and hourly cost, and the lists across projects (an organisation's
 * benefits, the measurements a user owns). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"

static const char SQL_BENEFIT_OF_ITEM[] =
	"SELECT i.project_id, b.owner_id FROM register_items i LEFT JOIN benefits b ON b.item_id = i.id"
	" WHERE i.id = $1 AND i.reg = 'benefit' AND i.deleted_at IS NULL";

int store_benefit_get(struct db *db, long long item_id, long long *project_id, long long *owner_id)
{
	struct db_stmt *s = db_prepare(db, SQL_BENEFIT_OF_ITEM);
	db_bind_int(s, 1, item_id);
	int rc = db_step(s);
	if (rc == DB_ROW) {
		*project_id = db_col_int(s, 0);
		*owner_id = db_col_null(s, 1) ? 0 : db_col_int(s, 1);
	}
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

static const char SQL_BENEFIT_OWNER_SET[] =
	"INSERT INTO benefits (item_id, project_id, owner_id) VALUES ($1, $2, $3)"
	" ON CONFLICT (item_id) DO UPDATE SET owner_id = excluded.owner_id";

int store_benefit_owner_set(struct db *db, long long item_id, long long project_id, long long owner_id)
{
	struct db_stmt *s = db_prepare(db, SQL_BENEFIT_OWNER_SET);
	db_bind_int(s, 1, item_id);
	db_bind_int(s, 2, project_id);
	if (owner_id > 0)
		db_bind_int(s, 3, owner_id);
	else
		db_bind_null(s, 3);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

#define INDICATOR_COLS                                                                                              \
	"id, benefit_id, name, unit, direction, source, method, frequency, baseline_value, baseline_date,"          \
	" baseline_how, target_value, target_date"

/* The same, qualified for queries that join indicators (as ind) to other tables. */
#define INDICATOR_COLS_IND                                                                                          \
	"ind.id, ind.benefit_id, ind.name, ind.unit, ind.direction, ind.source, ind.method, ind.frequency,"        \
	" ind.baseline_value, ind.baseline_date, ind.baseline_how, ind.target_value, ind.target_date"

void indicator_free(struct indicator *in)
{
	free(in->name);
	free(in->unit);
	free(in->source);
	free(in->method);
	free(in->baseline_how);
	memset(in, 0, sizeof *in);
}

void indicator_read(struct db_stmt *s, struct indicator *in)
{
	memset(in, 0, sizeof *in);
	in->id = db_col_int(s, 0);
	in->benefit_id = db_col_int(s, 1);
	in->name = db_col_dup(s, 2);
	in->unit = db_col_dup(s, 3);
	in->lower_is_better = strcmp(db_col_text(s, 4), "lower") == 0;
	in->source = db_col_dup(s, 5);
	in->method = db_col_dup(s, 6);
	snprintf(in->frequency, sizeof in->frequency, "%s", db_col_text(s, 7));
	in->has_baseline = !db_col_null(s, 8);
	in->baseline_value = in->has_baseline ? db_col_double(s, 8) : 0;
	snprintf(in->baseline_date, sizeof in->baseline_date, "%s", db_col_text(s, 9));
	in->baseline_how = db_col_dup(s, 10);
	in->has_target = !db_col_null(s, 11);
	in->target_value = in->has_target ? db_col_double(s, 11) : 0;
	snprintf(in->target_date, sizeof in->target_date, "%s", db_col_text(s, 12));
}

static const char SQL_INDICATORS_OF_BENEFIT[] =
	"SELECT " INDICATOR_COLS " FROM indicators WHERE benefit_id = $1 AND deleted_at IS NULL ORDER BY id LIMIT 50";

struct db_stmt *store_indicators_of_benefit(struct db *db, long long benefit_id)
{
	struct db_stmt *s = db_prepare(db, SQL_INDICATORS_OF_BENEFIT);
	db_bind_int(s, 1, benefit_id);
	return s;
}

static const char SQL_INDICATOR_GET[] =
	"SELECT " INDICATOR_COLS " FROM indicators WHERE id = $1 AND benefit_id = $2 AND deleted_at IS NULL";

int store_indicator_get(struct db *db, long long benefit_id, long long id, struct indicator *out)
{
	struct db_stmt *s = db_prepare(db, SQL_INDICATOR_GET);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, benefit_id);
	int rc = db_step(s);
	if (rc == DB_ROW)
		indicator_read(s, out);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : rc == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
}

/* Bind the fields an insert and an update share, from $2 on. */
static void indicator_bind(struct db_stmt *s, const struct indicator *in, long long now)
{
	db_bind_text(s, 2, in->name);
	db_bind_text(s, 3, in->unit);
	db_bind_text(s, 4, in->lower_is_better ? "lower" : "higher");
	db_bind_text(s, 5, in->source ? in->source : "");
	db_bind_text(s, 6, in->method ? in->method : "");
	db_bind_text(s, 7, in->frequency);
	if (in->has_baseline)
		db_bind_double(s, 8, in->baseline_value);
	else
		db_bind_null(s, 8);
	db_bind_text(s, 9, *in->baseline_date ? in->baseline_date : NULL);
	db_bind_text(s, 10, in->baseline_how ? in->baseline_how : "");
	if (in->has_target)
		db_bind_double(s, 11, in->target_value);
	else
		db_bind_null(s, 11);
	db_bind_text(s, 12, *in->target_date ? in->target_date : NULL);
	db_bind_int(s, 13, now);
}

static const char SQL_INDICATOR_INSERT[] =
	"INSERT INTO indicators (benefit_id, name, unit, direction, source, method, frequency, baseline_value,"
	" baseline_date, baseline_how, target_value, target_date, created_at, updated_at)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id";
static const char SQL_INDICATOR_UPDATE[] =
	"UPDATE indicators SET name = $2, unit = $3, direction = $4, source = $5, method = $6, frequency = $7,"
	" baseline_value = $8, baseline_date = $9, baseline_how = $10, target_value = $11, target_date = $12,"
	" updated_at = $13 WHERE id = $1 AND deleted_at IS NULL";

int store_indicator_save(struct db *db, struct indicator *in)
{
	long long now = (long long)time(NULL);
	struct db_stmt *s;
	if (in->id) {
		s = db_prepare(db, SQL_INDICATOR_UPDATE);
		db_bind_int(s, 1, in->id);
		indicator_bind(s, in, now);
		return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
	}
	s = db_prepare(db, SQL_INDICATOR_INSERT);
	db_bind_int(s, 1, in->benefit_id);
	indicator_bind(s, in, now);
	int rc = db_step(s);
	if (rc == DB_ROW)
		in->id = db_col_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? STORE_OK : STORE_ERROR;
}

static const char SQL_INDICATOR_DELETE[] = "UPDATE indicators SET deleted_at = $2 WHERE id = $1";

int store_indicator_delete(struct db *db, long long id)
{
	struct db_stmt *s = db_prepare(db, SQL_INDICATOR_DELETE);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_TARGETS_CLEAR[] = "DELETE FROM indicator_targets WHERE indicator_id = $1";
static const char SQL_TARGET_INSERT[] = "INSERT INTO indicator_targets (indicator_id, day, value) VALUES ($1, $2, $3)";

int store_targets_set(struct db *db, long long indicator_id, const char (*days)[11], const double *values, int n)
{
	struct db_stmt *s = db_prepare(db, SQL_TARGETS_CLEAR);
	db_bind_int(s, 1, indicator_id);
	if (db_run(s) != DB_DONE)
		return STORE_ERROR;
	for (int i = 0; i < n; i++) {
		s = db_prepare(db, SQL_TARGET_INSERT);
		db_bind_int(s, 1, indicator_id);
		db_bind_text(s, 2, days[i]);
		db_bind_double(s, 3, values[i]);
		if (db_run(s) != DB_DONE)
			return STORE_CONFLICT;
	}
	return STORE_OK;
}

static const char SQL_TARGETS[] = "SELECT day, value FROM indicator_targets WHERE indicator_id = $1 ORDER BY day LIMIT 50";

struct db_stmt *store_targets(struct db *db, long long indicator_id)
{
	struct db_stmt *s = db_prepare(db, SQL_TARGETS);
	db_bind_int(s, 1, indicator_id);
	return s;
}

static const char SQL_MEASUREMENT_EXISTS[] = "SELECT 1 FROM measurements WHERE indicator_id = $1 AND day = $2";
static const char SQL_MEASUREMENT_INSERT[] =
	"INSERT INTO measurements (indicator_id, day, value, unit, comment, user_id, created_at)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7)";

int store_measurement_add(struct db *db, long long indicator_id, const char *day, double value, const char *unit,
			  const char *comment, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_MEASUREMENT_EXISTS);
	db_bind_int(s, 1, indicator_id);
	db_bind_text(s, 2, day);
	int rc = db_step(s);
	db_reset(s);
	if (rc == DB_ROW)
		return STORE_CONFLICT;
	if (rc != DB_DONE)
		return STORE_ERROR;
	s = db_prepare(db, SQL_MEASUREMENT_INSERT);
	db_bind_int(s, 1, indicator_id);
	db_bind_text(s, 2, day);
	db_bind_double(s, 3, value);
	db_bind_text(s, 4, unit);
	db_bind_text(s, 5, comment ? comment : "");
	db_bind_int(s, 6, user_id);
	db_bind_int(s, 7, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_MEASUREMENTS[] =
	"SELECT m.id, m.day, m.value, m.unit, m.comment, u.name FROM measurements m LEFT JOIN users u ON u.id = m.user_id"
	" WHERE m.indicator_id = $1 ORDER BY m.day LIMIT 5000";

struct db_stmt *store_measurements(struct db *db, long long indicator_id)
{
	struct db_stmt *s = db_prepare(db, SQL_MEASUREMENTS);
	db_bind_int(s, 1, indicator_id);
	return s;
}

static const char SQL_MEASUREMENT_DELETE[] = "DELETE FROM measurements WHERE id = $1 AND indicator_id = $2";
static const char SQL_MEASUREMENT_OF[] = "SELECT 1 FROM measurements WHERE id = $1 AND indicator_id = $2";

int store_measurement_delete(struct db *db, long long indicator_id, long long id)
{
	struct db_stmt *s = db_prepare(db, SQL_MEASUREMENT_OF);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, indicator_id);
	int found = db_step(s);
	db_reset(s);
	if (found != DB_ROW)
		return found == DB_DONE ? STORE_NOTFOUND : STORE_ERROR;
	s = db_prepare(db, SQL_MEASUREMENT_DELETE);
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, indicator_id);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_CALC_INSERT[] =
	"INSERT INTO benefit_calculations (benefit_id, kind, inputs, yearly_value, start_date, end_date, user_id, created_at)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

int store_calculation_add(struct db *db, long long benefit_id, const char *kind, const char *inputs, double yearly,
			  const char *start, const char *end, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_CALC_INSERT);
	db_bind_int(s, 1, benefit_id);
	db_bind_text(s, 2, kind);
	db_bind_text(s, 3, inputs);
	db_bind_double(s, 4, yearly);
	db_bind_text(s, 5, start && *start ? start : NULL);
	db_bind_text(s, 6, end && *end ? end : NULL);
	db_bind_int(s, 7, user_id);
	db_bind_int(s, 8, (long long)time(NULL));
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

static const char SQL_CALC_LATEST[] =
	"SELECT kind, inputs, yearly_value, start_date, end_date, created_at FROM benefit_calculations WHERE benefit_id = $1"
	" ORDER BY id DESC LIMIT 1";

struct db_stmt *store_calculation_latest(struct db *db, long long benefit_id)
{
	struct db_stmt *s = db_prepare(db, SQL_CALC_LATEST);
	db_bind_int(s, 1, benefit_id);
	return s;
}

static const char SQL_ORG_TYPES[] = "SELECT key, label FROM org_benefit_types WHERE org_id = $1 ORDER BY label LIMIT 30";

struct db_stmt *store_org_benefit_types(struct db *db, long long org_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_TYPES);
	db_bind_int(s, 1, org_id);
	return s;
}

static const char SQL_ORG_TYPE_ADD[] = "INSERT INTO org_benefit_types (org_id, key, label) VALUES ($1, $2, $3)";

int store_org_benefit_type_add(struct db *db, long long org_id, const char *key, const char *label)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_TYPE_ADD);
	db_bind_int(s, 1, org_id);
	db_bind_text(s, 2, key);
	db_bind_text(s, 3, label);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_CONFLICT;
}

static const char SQL_ORG_HOURLY_GET[] = "SELECT hourly_cost FROM orgs WHERE id = $1";
static const char SQL_ORG_HOURLY_SET[] = "UPDATE orgs SET hourly_cost = $2 WHERE id = $1";

bool store_org_hourly_cost(struct db *db, long long org_id, double *out)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_HOURLY_GET);
	db_bind_int(s, 1, org_id);
	bool ok = db_step(s) == DB_ROW && !db_col_null(s, 0);
	if (ok)
		*out = db_col_double(s, 0);
	db_reset(s);
	return ok;
}

int store_org_hourly_cost_set(struct db *db, long long org_id, double v)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_HOURLY_SET);
	db_bind_int(s, 1, org_id);
	db_bind_double(s, 2, v);
	return db_run(s) == DB_DONE ? STORE_OK : STORE_ERROR;
}

/* Every live benefit of an organisation's live projects, with its owner. */
static const char SQL_ORG_BENEFITS[] =
	"SELECT i.id, i.project_id, p.title, p.status, i.title, i.data, u.name, i.pii, p.visibility FROM register_items i"
	" JOIN projects p ON p.id = i.project_id LEFT JOIN benefits b ON b.item_id = i.id LEFT JOIN users u ON u.id = b.owner_id"
	" WHERE p.org_id = $1 AND p.deleted_at IS NULL AND i.reg = 'benefit' AND i.deleted_at IS NULL ORDER BY p.title, i.id"
	" LIMIT 2000";

struct db_stmt *store_org_benefits(struct db *db, long long org_id)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_BENEFITS);
	db_bind_int(s, 1, org_id);
	return s;
}

/* The indicators of an organisation's benefits, with their latest
 * measurement in the indicator's unit (value, 13; its day, 15) and the latest
 * day of any measurement (14), for progress and due dates. */
static const char SQL_ORG_INDICATORS[] =
	"SELECT " INDICATOR_COLS_IND ", (SELECT m.value FROM measurements m WHERE m.indicator_id = ind.id AND m.unit = ind.unit"
	" AND m.day <= $2 ORDER BY m.day DESC LIMIT 1), (SELECT MAX(m.day) FROM measurements m WHERE m.indicator_id = ind.id"
	" AND m.day <= $2), (SELECT m.day FROM measurements m WHERE m.indicator_id = ind.id AND m.unit = ind.unit AND m.day <= $2"
	" ORDER BY m.day DESC LIMIT 1)"
	" FROM indicators ind JOIN register_items i ON i.id = ind.benefit_id JOIN projects p ON p.id = i.project_id"
	" WHERE p.org_id = $1 AND p.deleted_at IS NULL AND i.deleted_at IS NULL AND ind.deleted_at IS NULL LIMIT 10000";

struct db_stmt *store_org_indicators(struct db *db, long long org_id, const char *today)
{
	struct db_stmt *s = db_prepare(db, SQL_ORG_INDICATORS);
	db_bind_int(s, 1, org_id);
	db_bind_text(s, 2, today);
	return s;
}

/* The indicators of the benefits a user owns, with the latest measurement day. */
static const char SQL_OWNED_INDICATORS[] =
	"SELECT " INDICATOR_COLS_IND ", i.title, i.project_id, (SELECT MAX(m.day) FROM measurements m WHERE m.indicator_id = ind.id)"
	" FROM indicators ind JOIN benefits b ON b.item_id = ind.benefit_id JOIN register_items i ON i.id = b.item_id"
	" JOIN projects p ON p.id = i.project_id WHERE b.owner_id = $1 AND ind.deleted_at IS NULL AND i.deleted_at IS NULL"
	" AND p.deleted_at IS NULL ORDER BY ind.id LIMIT 500";

struct db_stmt *store_owned_indicators(struct db *db, long long user_id)
{
	struct db_stmt *s = db_prepare(db, SQL_OWNED_INDICATORS);
	db_bind_int(s, 1, user_id);
	return s;
}

/* The latest calculation of every benefit of an organisation (or of one
 * project when project_id > 0). */
static const char SQL_LATEST_CALCS[] =
	"SELECT c.benefit_id, c.yearly_value, c.start_date, c.end_date FROM benefit_calculations c"
	" JOIN register_items i ON i.id = c.benefit_id JOIN projects p ON p.id = i.project_id"
	" WHERE p.org_id = $1 AND ($2 = 0 OR p.id = $2) AND i.deleted_at IS NULL"
	" AND c.id = (SELECT MAX(c2.id) FROM benefit_calculations c2 WHERE c2.benefit_id = c.benefit_id) LIMIT 5000";

struct db_stmt *store_latest_calculations(struct db *db, long long org_id, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_LATEST_CALCS);
	db_bind_int(s, 1, org_id);
	db_bind_int(s, 2, project_id);
	return s;
}

/* The indicators of one project's benefits, with the latest value in the
 * current unit and the latest day (as store_org_indicators). */
static const char SQL_PROJECT_INDICATORS[] =
	"SELECT " INDICATOR_COLS_IND ", (SELECT m.value FROM measurements m WHERE m.indicator_id = ind.id AND m.unit = ind.unit"
	" AND m.day <= $2 ORDER BY m.day DESC LIMIT 1), (SELECT MAX(m.day) FROM measurements m WHERE m.indicator_id = ind.id"
	" AND m.day <= $2), (SELECT m.day FROM measurements m WHERE m.indicator_id = ind.id AND m.unit = ind.unit AND m.day <= $2"
	" ORDER BY m.day DESC LIMIT 1)"
	" FROM indicators ind JOIN register_items i ON i.id = ind.benefit_id WHERE i.project_id = $1"
	" AND i.deleted_at IS NULL AND ind.deleted_at IS NULL ORDER BY ind.id LIMIT 2000";

struct db_stmt *store_project_indicators(struct db *db, long long project_id, const char *today)
{
	struct db_stmt *s = db_prepare(db, SQL_PROJECT_INDICATORS);
	db_bind_int(s, 1, project_id);
	db_bind_text(s, 2, today);
	return s;
}

/* The intermediate targets of every indicator of an organisation (project 0)
 * or of one project. */
static const char SQL_TARGETS_OF[] =
	"SELECT t.indicator_id, t.day, t.value FROM indicator_targets t JOIN indicators ind ON ind.id = t.indicator_id"
	" JOIN register_items i ON i.id = ind.benefit_id JOIN projects p ON p.id = i.project_id"
	" WHERE p.org_id = $1 AND ($2 = 0 OR p.id = $2) ORDER BY t.indicator_id, t.day LIMIT 20000";

struct db_stmt *store_targets_of(struct db *db, long long org_id, long long project_id)
{
	struct db_stmt *s = db_prepare(db, SQL_TARGETS_OF);
	db_bind_int(s, 1, org_id);
	db_bind_int(s, 2, project_id);
	return s;
}
