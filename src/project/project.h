/* project.h — loading a project for a request with its authorization facts,
 * and computing progress along the roadmap. */
#ifndef VARDE_PROJECT_H
#define VARDE_PROJECT_H
#include <jansson.h>

#include "../app/authz.h"
#include "../method/method.h"
#include "../store/store.h"

/* Everything a project page needs; free with project_ctx_free. */
struct project_ctx {
	struct project p;
	const struct methodology *m;   /* the pinned version */
	struct authz_object facts;     /* how the user relates to it */
	enum project_role role;
	/* progress inputs, loaded once per page (no query per tool) */
	json_t *entries;               /* {tool_key: entry, or its stored progress as an integer} */
	json_t *done;                  /* {tool_key: [fields, checklist items, questions] done} */
	json_t *not_relevant;          /* {tool_key: true} */
	json_t *steps;                 /* {step_key: status} */
};

/* Load project c->req->params[0] and check `action`. Returns 0; or, with the
 * response already set (404 or 403), -1. */
int project_load(struct ctx *c, enum authz_action action, struct project_ctx *pc);
/* The same for a project by id; benefit_owner is the fact that the user owns
 * the benefit the request is about (AZ_BENEFIT_*). */
int project_load_as(struct ctx *c, long long project_id, enum authz_action action, bool benefit_owner,
		    struct project_ctx *pc);
/* Load the entries' stored progress and counts and the step statuses (for the
 * roadmap), from indexes; an entry saved without them is decoded. */
void project_load_progress(struct ctx *c, struct project_ctx *pc);
/* Compute and store the progress and counts of an entry just saved. */
int project_entry_score_store(struct db *db, long long project_id, const struct m_tool *t, const json_t *entry);
void project_ctx_free(struct project_ctx *pc);

/* Progress 0–100 of a tool, a step (its tools, or 100 when done/skipped)
 * and a phase (its steps). */
int project_tool_progress(const struct project_ctx *pc, const struct m_tool *t);
int project_step_progress(const struct project_ctx *pc, const struct m_step *s);
int project_phase_progress(const struct project_ctx *pc, const struct m_phase *p);
const char *project_step_status(const struct project_ctx *pc, const struct m_step *s);

/* Progress data for many projects at once (a dashboard or a portfolio), loaded
 * with two queries instead of two per project. */
struct progress_set {
	json_t *entries;  /* {project_id: {tool_key: entry}} */
	json_t *nr;       /* {project_id: {tool_key: true}} */
	json_t *steps;    /* {project_id: {step_key: status}} */
};
/* Fill from rows (project_id, tool_key, not_relevant, progress) and
 * (project_id, step_key, status); the statements are reset. An entry whose
 * progress is not stored is read from db and decoded. */
void progress_set_load(struct progress_set *ps, struct db *db, struct db_stmt *entries, struct db_stmt *steps);
void progress_set_free(struct progress_set *ps);
/* Progress of a project's phase (0–100) from a progress set. */
int progress_set_phase(const struct progress_set *ps, long long project_id, const struct methodology *m,
		       const char *phase_key);

struct method_registry;
/* Store the progress of every tool entry saved without it (rows from before
 * migration 9, the demo, bulk loads), in batches of one transaction each, so
 * lists never decode entries. Run at start-up and by `varde migrate`; cheap
 * when nothing is missing. 0, or -1 with a message. */
int project_progress_backfill(struct db *db, struct method_registry *r, long long *scored, char *err,
			      size_t errlen);

#endif
