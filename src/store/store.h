/* store.h — all SQL lives in src/store/. Pages call these functions; they take
 * the request's connection and return plain structs or codes. Functions that
 * return strings say who frees them. Writes assume the caller opened the
 * transaction (the dispatcher does for POST routes). */
#ifndef VARDE_STORE_H
#define VARDE_STORE_H
#include <stdbool.h>

#include "../db/db.h"

enum { STORE_OK = 0, STORE_NOTFOUND = -1, STORE_ERROR = -2, STORE_CONFLICT = -3 };

/* Users ------------------------------------------------------------------ */
struct user {
	long long id;
	char *email, *name, *password_hash, *lang; /* owned; password_hash/lang may be NULL */
	bool site_admin, disabled;
	long long created_at;
};
void user_free(struct user *u);
int store_user_by_email(struct db *db, const char *email, struct user *out);
int store_user_by_id(struct db *db, long long id, struct user *out);
/* Insert a user; email must already be lower-cased. STORE_CONFLICT if taken. */
int store_user_create(struct db *db, const char *email, const char *name, bool site_admin, long long *id);
int store_user_set_password(struct db *db, long long id, const char *hash);
int store_user_set_lang(struct db *db, long long id, const char *lang);
long long store_user_count(struct db *db);
/* Iterate users ordered by name: call with *stmt NULL first; returns false at end. */
struct db_stmt *store_user_list(struct db *db, int limit, int offset);

/* Organisations ------------------------------------------------------------ */
struct org {
	long long id;
	char *name, *kind, *orgnr, *kommunenr; /* owned; orgnr/kommunenr may be NULL */
	long long created_at;
};
void org_free(struct org *o);
int store_org_create(struct db *db, const char *name, const char *kind, const char *orgnr,
		     const char *kommunenr, long long *id);
int store_org_by_id(struct db *db, long long id, struct org *out);
struct db_stmt *store_org_list(struct db *db, int limit, int offset);
long long store_org_count(struct db *db);

/* Memberships --------------------------------------------------------------- */
int store_membership_set(struct db *db, long long user_id, long long org_id, const char *role);
int store_membership_remove(struct db *db, long long user_id, long long org_id);
/* Rows: org_id, org_name, org_kind, role — for one user, by org name. */
struct db_stmt *store_memberships_of_user(struct db *db, long long user_id);
/* Rows: user_id, name, email, role — for one org, by name. */
struct db_stmt *store_members_of_org(struct db *db, long long org_id);
long long store_org_admin_count(struct db *db, long long org_id);

/* Sessions ---------------------------------------------------------------- */
int store_session_create(struct db *db, const char *id_hash, long long user_id, long long now,
			 long long current_org, const char *client);
/* Loads user_id, created_at, last_seen, current_org of a session. */
int store_session_get(struct db *db, const char *id_hash, long long *user_id, long long *created_at,
		      long long *last_seen, long long *current_org);
int store_session_touch(struct db *db, const char *id_hash, long long now);
int store_session_set_org(struct db *db, const char *id_hash, long long org_id);
int store_session_delete(struct db *db, const char *id_hash);
/* Delete every session of a user except keep_hash (NULL: all). */
int store_session_delete_user(struct db *db, long long user_id, const char *keep_hash);
long long store_session_count_user(struct db *db, long long user_id);

/* One-time tokens (set-password links) --------------------------------------- */
int store_token_create(struct db *db, const char *id_hash, long long user_id, const char *purpose,
		       long long now, long long expires_at);
/* The user of an unused, unexpired token, or STORE_NOTFOUND. */
int store_token_user(struct db *db, const char *id_hash, const char *purpose, long long now, long long *user_id);
int store_token_use(struct db *db, const char *id_hash, long long now);

/* Login throttling ------------------------------------------------------------ */
/* Failures recorded for key in the window that started within window_s of now. */
long long store_throttle_failures(struct db *db, const char *key, long long now, long long window_s);
int store_throttle_fail(struct db *db, const char *key, long long now, long long window_s);
int store_throttle_clear(struct db *db, const char *key);

/* Settings and audit ------------------------------------------------------------ */
/* Read a setting (malloc'd, caller frees) or NULL. */
char *store_setting_get(struct db *db, const char *key);
/* Insert the setting unless it exists (first writer wins across processes). */
int store_setting_init(struct db *db, const char *key, const char *value);
int store_audit(struct db *db, long long user_id, const char *action, const char *object, const char *detail);

/* Methodology versions ------------------------------------------------------ */
/* The id of the version with this content, or STORE_NOTFOUND. */
int store_method_version_find(struct db *db, const char *key, const char *hash, long long *id);
/* Find the row for (key, hash) or insert it; *created tells which. */
int store_method_version_ensure(struct db *db, const char *key, const char *version, const char *hash,
				const char *source, const char *files_json, long long *id, bool *created);
/* Rows id, key, hash, source, files with id > after_id, oldest first. */
struct db_stmt *store_method_versions_after(struct db *db, long long after_id);
long long store_method_version_max(struct db *db);
/* Rows id, key, version, hash, source, created_at (no files), by key, newest first. */
struct db_stmt *store_method_version_list(struct db *db);
/* Rows methodology_key: what an organisation offers (none stored: all). */
struct db_stmt *store_org_methods(struct db *db, long long org_id);
int store_org_methods_set(struct db *db, long long org_id, const char *const *keys, int n);

/* Projects ------------------------------------------------------------------ */
struct project {
	long long id, org_id, methodology_version_id, created_at, updated_at;
	char *title, *challenge, *goals, *service_area, *start_date, *planned_end, *visibility, *current_phase,
		*status, *rag, *rag_comment; /* owned */
};
void project_free(struct project *p);
void project_read(struct db_stmt *s, struct project *p);
int store_project_create(struct db *db, const struct project *p, long long user_id, long long *id);
int store_project_get(struct db *db, long long id, struct project *out);
int store_project_touch(struct db *db, long long id);
/* Inside a write transaction: wait for other writers of the project (PostgreSQL). */
int store_project_lock(struct db *db, long long id);
int store_project_set_phase(struct db *db, long long id, const char *phase, const char *status);
/* The user's role in the project team ("" if none). */
int store_project_role(struct db *db, long long project_id, long long user_id, char role[16], bool *guest);
int store_project_member_set(struct db *db, long long project_id, long long user_id, const char *role, bool guest);
int store_project_member_remove(struct db *db, long long project_id, long long user_id);
/* Rows user_id, name, email, role, guest — owners first. */
struct db_stmt *store_project_members(struct db *db, long long project_id);
/* Rows id, title, org name, methodology_version_id, current_phase, status, rag, role, updated_at. */
struct db_stmt *store_projects_of_user(struct db *db, long long user_id);
/* Tool entries: data (malloc'd JSON) and revision; STORE_NOTFOUND if never saved. */
int store_entry_get(struct db *db, long long project_id, const char *tool, char **data, long long *revision,
		    bool *not_relevant, char **reason);
/* Rows tool_key, not_relevant, progress, fields_done, checks_done,
 * answers_done (NULL where not stored) of a project's entries, from an index. */
struct db_stmt *store_entry_scores_of_project(struct db *db, long long project_id);
/* Save an entry as revision `revision` and keep that revision in the history. */
/* Rows project_id, tool_key, data, methodology_version_id of entries whose
 * progress is not stored yet, at most limit. */
struct db_stmt *store_entries_unscored(struct db *db, int limit);
/* Record the progress of the entry just saved (0–100) and the counts of
 * fields, checklist items and questions done; a save clears them. */
int store_entry_score_set(struct db *db, long long project_id, const char *tool, int progress, int fields_done,
			  int checks_done, int answers_done);
int store_entry_save(struct db *db, long long project_id, const char *tool, const char *data, long long revision,
		     bool not_relevant, const char *reason, const char *changed, long long user_id);
/* Rows revision, changed (JSON array), at, user name, not_relevant, data — newest first. */
struct db_stmt *store_revisions(struct db *db, long long project_id, const char *tool);
int store_revision_get(struct db *db, long long project_id, const char *tool, long long revision, char **data,
		       bool *not_relevant, char **reason);
int store_step_status_set(struct db *db, long long project_id, const char *step, const char *status, long long user_id);
/* Rows step_key, status. */
struct db_stmt *store_step_statuses(struct db *db, long long project_id);
int store_gate_add(struct db *db, long long project_id, const char *phase, const char *decision, const char *to_phase,
		   const char *criteria, const char *reason, long long user_id);
/* Rows phase_key, decision, to_phase, reason, decided_at, user name, criteria — newest first. */
struct db_stmt *store_gates(struct db *db, long long project_id);
int store_activity_add(struct db *db, long long project_id, long long user_id, const char *action, const char *object);
/* Rows action, object, at, user name — newest first. */
struct db_stmt *store_activity(struct db *db, long long project_id, int limit);
int store_comment_add(struct db *db, long long project_id, const char *tool, long long user_id, const char *body,
		      const char *html, long long *id);
int store_mention_add(struct db *db, long long comment_id, long long user_id);
/* Rows id, body_html, at, author name, tool_key — oldest first; tool NULL: the project's own. */
struct db_stmt *store_comments(struct db *db, long long project_id, const char *tool);
/* Rows project_id, title, tool_key, author, at, comment id: unseen mentions of a user. */
struct db_stmt *store_mentions_open(struct db *db, long long user_id);
int store_mentions_seen(struct db *db, long long user_id, long long project_id);
int store_project_set_rag(struct db *db, long long id, const char *rag, const char *comment);
int store_project_set_status(struct db *db, long long id, const char *status);
int store_project_delete(struct db *db, long long id);
int store_project_undelete(struct db *db, long long id, long long org_id);
/* Remove for good what was deleted before `before` (epoch seconds). */
int store_projects_purge(struct db *db, long long before);
/* Rows id, title, deleted_at. */
struct db_stmt *store_projects_deleted(struct db *db, long long org_id);
/* Rows: the 16 project columns (see project_read), team size, last activity, the user's role. */
struct db_stmt *store_portfolio(struct db *db, long long org_id, long long user_id);
/* Rows project_id, tool_key, not_relevant, progress (NULL if not stored) / project_id, step_key, status for a
 * whole organisation, from indexes only. */
struct db_stmt *store_org_entries(struct db *db, long long org_id);
struct db_stmt *store_org_steps(struct db *db, long long org_id);
/* The same for every project a user can see. */
struct db_stmt *store_user_entries(struct db *db, long long user_id);
struct db_stmt *store_user_steps(struct db *db, long long user_id);


/* Register items (store_register.c) ------------------------------------------ */
struct reg_item {
	long long id, project_id, revision, updated_at;
	char reg[16];
	char *title, *data, *pii, *retention_date; /* owned; retention_date may be NULL */
	bool tombstone;
};
void reg_item_free(struct reg_item *it);
/* One item of a project (not deleted). */
int store_item_get(struct db *db, long long project_id, long long id, struct reg_item *out);
/* Create with revision 1; retention may be NULL. */
int store_item_create(struct db *db, long long project_id, const char *reg, const char *title, const char *data,
		      const char *pii, const char *retention, const char *changed, long long user_id, long long *id);
/* Save as `revision` (the stored one + 1) with a revision row. */
int store_item_save(struct db *db, long long id, long long revision, const char *title, const char *data,
		    const char *pii, const char *retention, const char *changed, long long user_id);
int store_item_delete(struct db *db, long long id, long long user_id);
/* Wipe every text of an item and its revisions, leaving a tombstone revision. */
int store_item_tombstone(struct db *db, long long id, long long user_id);
/* Rows: id, reg, title, pii, data, updated_at, tombstone — every live item of a project. */
struct db_stmt *store_items_of_project(struct db *db, long long project_id);
/* Replace the links into dst ("came from" src[0..n)). */
int store_links_set(struct db *db, long long project_id, long long dst, const long long *src, int n);
/* Rows: src_id, dst_id — between live items of a project. */
struct db_stmt *store_links_of_project(struct db *db, long long project_id);
/* Rows: revision, changed, at, user name, title, data — newest first. */
struct db_stmt *store_item_revisions(struct db *db, long long item_id);
/* The current dot-voting round (0 before the first). */
long long store_vote_round(struct db *db, long long project_id);
int store_vote_round_open(struct db *db, long long project_id, long long round, long long user_id);
/* Replace a user's dots in a round. */
int store_votes_set(struct db *db, long long project_id, long long round, long long user_id, const long long *items,
		    const int *dots, int n);
/* Rows: item_id, user_id, dots. */
struct db_stmt *store_votes(struct db *db, long long project_id, long long round);
/* Rows: id, project_id, project title, reg, title, retention_date, pii, whether
 * user_id is on the project's team — items of an org whose retention date is
 * before today (YYYY-MM-DD). */
struct db_stmt *store_retention_due(struct db *db, long long org_id, const char *today, long long user_id);
/* STORE_OK if item_id is due for deletion in org, with its project. */
int store_retention_item(struct db *db, long long org_id, long long item_id, const char *today, long long *project_id);
/* Rows: id, project_id, project title, title, data — anchoring activities in the user's projects. */
struct db_stmt *store_anchoring_of_user(struct db *db, long long user_id);


/* Benefits (store_benefit.c) -------------------------------------------------- */
/* The project and owner (0 = none) of a live benefit item. */
int store_benefit_get(struct db *db, long long item_id, long long *project_id, long long *owner_id);
int store_benefit_owner_set(struct db *db, long long item_id, long long project_id, long long owner_id);
struct indicator {
	long long id, benefit_id;
	char *name, *unit, *source, *method, *baseline_how; /* owned */
	bool lower_is_better, has_baseline, has_target;
	char frequency[12];                     /* weekly, monthly, quarterly, yearly */
	double baseline_value, target_value;
	char baseline_date[11], target_date[11]; /* YYYY-MM-DD or "" */
};
void indicator_free(struct indicator *in);
/* Read the INDICATOR_COLS of a row (columns 0–12). */
void indicator_read(struct db_stmt *s, struct indicator *in);
/* Rows: the indicator columns, by id. */
struct db_stmt *store_indicators_of_benefit(struct db *db, long long benefit_id);
int store_indicator_get(struct db *db, long long benefit_id, long long id, struct indicator *out);
/* Insert (id 0; sets id) or update. */
int store_indicator_save(struct db *db, struct indicator *in);
int store_indicator_delete(struct db *db, long long id);
/* Replace the intermediate targets; STORE_CONFLICT on two for one day. */
int store_targets_set(struct db *db, long long indicator_id, const char (*days)[11], const double *values, int n);
/* Rows: day, value. */
struct db_stmt *store_targets(struct db *db, long long indicator_id);
/* STORE_CONFLICT when the indicator already has a measurement that day. */
int store_measurement_add(struct db *db, long long indicator_id, const char *day, double value, const char *unit,
			  const char *comment, long long user_id);
/* Rows: id, day, value, unit, comment, entered by — oldest first. */
struct db_stmt *store_measurements(struct db *db, long long indicator_id);
int store_measurement_delete(struct db *db, long long indicator_id, long long id);
int store_calculation_add(struct db *db, long long benefit_id, const char *kind, const char *inputs, double yearly,
			  const char *start, const char *end, long long user_id);
/* Row: kind, inputs, yearly_value, start_date, end_date, created_at. */
struct db_stmt *store_calculation_latest(struct db *db, long long benefit_id);
/* Rows: key, label. */
struct db_stmt *store_org_benefit_types(struct db *db, long long org_id);
int store_org_benefit_type_add(struct db *db, long long org_id, const char *key, const char *label);
bool store_org_hourly_cost(struct db *db, long long org_id, double *out);
int store_org_hourly_cost_set(struct db *db, long long org_id, double v);
/* Rows: item id, project id, project title, project status, title, data, owner name, pii, visibility. */
struct db_stmt *store_org_benefits(struct db *db, long long org_id);
/* Rows: indicator columns 0–12, latest value in the current unit (13), latest
 * day of any measurement (14), day of that latest value (15). */
struct db_stmt *store_org_indicators(struct db *db, long long org_id, const char *today);
/* The same columns for one project's benefits. Measurements after today
 * (YYYY-MM-DD) are left out, as the benefit core leaves them out. */
struct db_stmt *store_project_indicators(struct db *db, long long project_id, const char *today);
/* Rows: indicator id, day, value — intermediate targets of an org's (project 0) or a project's indicators. */
struct db_stmt *store_targets_of(struct db *db, long long org_id, long long project_id);
/* Rows: benefit id, yearly value, start date, end date — the latest
 * calculation of each benefit of an org (project_id 0) or of one project. */
struct db_stmt *store_latest_calculations(struct db *db, long long org_id, long long project_id);
/* Rows: indicator columns 0–12, benefit title (13), project id (14), latest day (15). */
struct db_stmt *store_owned_indicators(struct db *db, long long user_id);

#include "store_network.h"

#endif
