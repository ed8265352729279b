/* project.c — see project.h. */
#include "project.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/layout.h"
#include "../method/registry.h"
#include "entry.h"

int project_load(struct ctx *c, enum authz_action action, struct project_ctx *pc)
{
	return project_load_as(c, c->req->params[0], action, false, pc);
}

int project_load_as(struct ctx *c, long long project_id, enum authz_action action, bool benefit_owner,
		    struct project_ctx *pc)
{
	memset(pc, 0, sizeof *pc);
	enum authz_result r = AZ_HIDE;
	/* A write (POST, in its transaction) waits for other writes to the same
	 * project first, so revision numbers cannot collide. */
	if (db_in_transaction(c->db) && action != AZ_PROJECT_VIEW)
		store_project_lock(c->db, project_id);
	if (store_project_get(c->db, project_id, &pc->p) == STORE_OK) {
		char role[16];
		bool guest = false;
		store_project_role(c->db, pc->p.id, c->user_id, role, &guest);
		pc->role = project_role_parse(role);
		pc->facts.org_id = pc->p.org_id;
		pc->facts.project_role = pc->role;
		pc->facts.project_is_guest = guest;
		pc->facts.team_only = strcmp(pc->p.visibility, "team") == 0;
		pc->facts.benefit_owner = benefit_owner;
		int nr = store_project_network_role(c->db, pc->p.id, c->user_id);
		pc->facts.network_role = nr == 2 ? NR_LEADER : nr == 1 ? NR_COACH : NR_NONE;
		r = authz_check(c, action, &pc->facts);
		registry_refresh(c->app->methods, c->db);
		pc->m = registry_version(c->app->methods, pc->p.methodology_version_id);
		if (r == AZ_ALLOW && !pc->m)
			r = AZ_HIDE;
	}
	if (r == AZ_ALLOW)
		return 0;
	if (r == AZ_DENY)
		page_error(c, 403, _(c, "Your role in this project does not allow this."));
	else
		page_error(c, 404, _(c, "There is no page at this address."));
	project_ctx_free(pc);
	return -1;
}

int project_entry_score_store(struct db *db, long long project_id, const struct m_tool *t, const json_t *entry)
{
	int fd, fa, cd, ca, ad, aa;
	entry_progress_parts(t, entry, &fd, &fa, &cd, &ca, &ad, &aa);
	return store_entry_score_set(db, project_id, t->key, entry_progress(t, entry), fd, cd, ad);
}

/* The counts of an entry saved without them, from its JSON. */
static void project_score_decode(struct ctx *c, struct project_ctx *pc, const char *tool)
{
	const struct m_tool *t = pc->m ? method_tool(pc->m, tool) : NULL;
	char *data = NULL, *reason = NULL;
	long long rev = 0;
	bool nr = false;
	json_t *e = NULL;
	if (t && store_entry_get(c->db, pc->p.id, tool, &data, &rev, &nr, &reason) == STORE_OK)
		e = json_loads(data, 0, NULL);
	free(data);
	free(reason);
	if (!e)
		return;
	int fd, fa, cd, ca, ad, aa;
	entry_progress_parts(t, e, &fd, &fa, &cd, &ca, &ad, &aa);
	json_object_set_new(pc->entries, tool, json_integer(entry_progress(t, e)));
	json_object_set_new(pc->done, tool, json_pack("[iii]", fd, cd, ad));
	json_decref(e);
}

void project_load_progress(struct ctx *c, struct project_ctx *pc)
{
	pc->entries = json_object();
	pc->done = json_object();
	pc->not_relevant = json_object();
	pc->steps = json_object();
	struct db_stmt *s = store_entry_scores_of_project(c->db, pc->p.id);
	json_t *missing = json_array();
	while (db_step(s) == DB_ROW) {
		const char *tool = db_col_text(s, 0);
		if (db_col_int(s, 1))
			json_object_set_new(pc->not_relevant, tool, json_true());
		if (db_col_null(s, 2) || db_col_null(s, 3)) {
			json_array_append_new(missing, json_string(tool));
			continue;
		}
		json_object_set_new(pc->entries, tool, json_integer(db_col_int(s, 2)));
		json_object_set_new(pc->done, tool,
				    json_pack("[III]", (json_int_t)db_col_int(s, 3), (json_int_t)db_col_int(s, 4),
					      (json_int_t)db_col_int(s, 5)));
	}
	db_reset(s);
	for (size_t i = 0; i < json_array_size(missing); i++)
		project_score_decode(c, pc, json_string_value(json_array_get(missing, i)));
	json_decref(missing);
	s = store_step_statuses(c->db, pc->p.id);
	while (db_step(s) == DB_ROW)
		json_object_set_new(pc->steps, db_col_text(s, 0), json_string(db_col_text(s, 1)));
	db_reset(s);
}

void project_ctx_free(struct project_ctx *pc)
{
	project_free(&pc->p);
	json_decref(pc->entries);
	json_decref(pc->done);
	json_decref(pc->not_relevant);
	json_decref(pc->steps);
	memset(pc, 0, sizeof *pc);
}

int project_tool_progress(const struct project_ctx *pc, const struct m_tool *t)
{
	if (json_is_true(json_object_get(pc->not_relevant, t->key)))
		return 100;
	const json_t *e = json_object_get(pc->entries, t->key);
	if (!e)
		return 0;
	if (json_is_integer(e))
		return (int)json_integer_value(e);
	return entry_progress(t, e);
}

const char *project_step_status(const struct project_ctx *pc, const struct m_step *s)
{
	const char *st = json_string_value(json_object_get(pc->steps, s->key));
	return st ? st : "not-started";
}

int project_step_progress(const struct project_ctx *pc, const struct m_step *s)
{
	const char *st = project_step_status(pc, s);
	if (!strcmp(st, "done") || !strcmp(st, "skipped"))
		return 100;
	if (s->ntools == 0)
		return !strcmp(st, "in-progress") ? 50 : 0;
	int sum = 0;
	for (int i = 0; i < s->ntools; i++)
		sum += project_tool_progress(pc, s->tools[i]);
	return sum / s->ntools;
}

int project_phase_progress(const struct project_ctx *pc, const struct m_phase *p)
{
	if (p->nsteps == 0)
		return 0;
	int sum = 0;
	for (int i = 0; i < p->nsteps; i++)
		sum += project_step_progress(pc, &p->steps[i]);
	return sum / p->nsteps;
}

static json_t *progress_obj(json_t *root, long long id)
{
	char k[24];
	snprintf(k, sizeof k, "%lld", id);
	json_t *o = json_object_get(root, k);
	if (!o) {
		o = json_object();
		json_object_set_new(root, k, o);
	}
	return o;
}

/* Decode the entries whose progress was not stored (marked null by
 * progress_set_load): only rows saved by a writer that did not compute it
 * since the last start-up's backfill, so normally none. */
static void progress_set_decode_missing(struct progress_set *ps, struct db *db)
{
	const char *pid;
	json_t *tools;
	json_object_foreach(ps->entries, pid, tools)
	{
		for (void *it = json_object_iter(tools); it; it = json_object_iter_next(tools, it)) {
			if (!json_is_null(json_object_iter_value(it)))
				continue;
			char *data = NULL, *reason = NULL;
			long long rev = 0;
			bool nr = false;
			json_t *e = NULL;
			if (store_entry_get(db, atoll(pid), json_object_iter_key(it), &data, &rev, &nr, &reason) == STORE_OK)
				e = json_loads(data, 0, NULL);
			json_object_iter_set_new(tools, it, e ? e : json_integer(0));
			free(data);
			free(reason);
		}
	}
}

void progress_set_load(struct progress_set *ps, struct db *db, struct db_stmt *entries, struct db_stmt *steps)
{
	ps->entries = json_object();
	ps->nr = json_object();
	ps->steps = json_object();
	int missing = 0;
	while (db_step(entries) == DB_ROW) {
		/* The progress recorded at save; null marks an entry to decode. */
		json_t *e = db_col_null(entries, 3) ? json_null() : json_integer(db_col_int(entries, 3));
		missing += json_is_null(e);
		json_object_set_new(progress_obj(ps->entries, db_col_int(entries, 0)), db_col_text(entries, 1), e);
		if (db_col_int(entries, 2))
			json_object_set_new(progress_obj(ps->nr, db_col_int(entries, 0)), db_col_text(entries, 1), json_true());
	}
	db_reset(entries);
	if (missing)
		progress_set_decode_missing(ps, db);
	while (db_step(steps) == DB_ROW)
		json_object_set_new(progress_obj(ps->steps, db_col_int(steps, 0)), db_col_text(steps, 1),
				    json_string(db_col_text(steps, 2)));
	db_reset(steps);
}

void progress_set_free(struct progress_set *ps)
{
	json_decref(ps->entries);
	json_decref(ps->nr);
	json_decref(ps->steps);
	memset(ps, 0, sizeof *ps);
}

int progress_set_phase(const struct progress_set *ps, long long project_id, const struct methodology *m,
		       const char *phase_key)
{
	const struct m_phase *p = m ? method_phase(m, phase_key) : NULL;
	if (!p)
		return 0;
	char k[24];
	snprintf(k, sizeof k, "%lld", project_id);
	struct project_ctx pc = {0};
	pc.entries = json_object_get(ps->entries, k);
	pc.not_relevant = json_object_get(ps->nr, k);
	pc.steps = json_object_get(ps->steps, k);
	return project_phase_progress(&pc, p);
}

/* One unscored entry, copied out of the batch query so the updates can run
 * after it is reset. */
struct unscored {
	long long project_id, version_id;
	char *tool, *data; /* owned */
};

/* Score one batch of at most n entries in one transaction; returns how many
 * were scored, or -1 on a database error. */
static int project_backfill_batch(struct db *db, struct method_registry *r, struct unscored *u, int n)
{
	if (db_begin_write(db) != 0)
		return -1;
	struct db_stmt *s = store_entries_unscored(db, n);
	int got = 0;
	while (got < n && db_step(s) == DB_ROW) {
		u[got].project_id = db_col_int(s, 0);
		u[got].tool = db_col_dup(s, 1);
		u[got].data = db_col_dup(s, 2);
		u[got].version_id = db_col_int(s, 3);
		got++;
	}
	db_reset(s);
	int rc = got;
	for (int i = 0; i < got; i++) {
		const struct methodology *m = registry_version(r, u[i].version_id);
		const struct m_tool *t = m ? method_tool(m, u[i].tool) : NULL;
		json_t *e = t && u[i].data ? json_loads(u[i].data, 0, NULL) : NULL;
		/* A tool the methodology no longer has counts nowhere: 0 ends the rescans. */
		int st = t && e ? project_entry_score_store(db, u[i].project_id, t, e)
				: store_entry_score_set(db, u[i].project_id, u[i].tool, 0, 0, 0, 0);
		json_decref(e);
		if (rc >= 0 && st != STORE_OK)
			rc = -1;
		free(u[i].tool);
		free(u[i].data);
	}
	if (rc < 0 || db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	return rc;
}

int project_progress_backfill(struct db *db, struct method_registry *r, long long *scored, char *err, size_t errlen)
{
	enum { BATCH = 500 };
	struct unscored *u = calloc(BATCH, sizeof *u);
	*scored = 0;
	if (!u) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	registry_refresh(r, db);
	int got;
	while ((got = project_backfill_batch(db, r, u, BATCH)) > 0)
		*scored += got;
	free(u);
	if (got < 0)
		snprintf(err, errlen, "storing the progress of tool entries: %s", db_errmsg(db));
	return got < 0 ? -1 : 0;
}
