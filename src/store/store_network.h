/* store_network.h — networks and what hangs on them (store_network.c,
 * store_round.c). Included by store.h. */
#ifndef VARDE_STORE_NETWORK_H
#define VARDE_STORE_NETWORK_H

struct network {
	long long id, owner_org_id;
	char *name, *description, *period_start, *period_end, *methodology_key, *owner_name; /* owned; may be NULL */
};
void network_free(struct network *n);
int store_network_create(struct db *db, const struct network *n, long long user_id, long long *id);
int store_network_get(struct db *db, long long id, struct network *out);
/* 2 leader, 1 coach, 0 none: in the network, or via the project's shares. */
int store_network_role(struct db *db, long long network_id, long long user_id);
int store_project_network_role(struct db *db, long long project_id, long long user_id);
bool store_network_member(struct db *db, long long network_id, long long user_id);
/* Rows: id, name, owner name, period start, period end. */
struct db_stmt *store_networks_of_user(struct db *db, long long user_id);
int store_network_org_set(struct db *db, long long network_id, long long org_id, const char *role);
int store_network_org_remove(struct db *db, long long network_id, long long org_id);
/* Rows: org id, name, role. */
struct db_stmt *store_network_orgs(struct db *db, long long network_id);
bool store_network_org_role(struct db *db, long long network_id, long long org_id, char role[16]);
int store_network_person_set(struct db *db, long long network_id, long long user_id, const char *role);
int store_network_person_remove(struct db *db, long long network_id, long long user_id);
/* Rows: user id, name, email, role. */
struct db_stmt *store_network_people(struct db *db, long long network_id);
int store_network_theme_add(struct db *db, long long network_id, const char *name, const char *description);
/* Rows: id, name, description. */
struct db_stmt *store_network_themes(struct db *db, long long network_id);
int store_network_measure_add(struct db *db, long long network_id, const char *kind, const char *name, const char *description);
/* Rows: id, kind, name, description. */
struct db_stmt *store_network_measures(struct db *db, long long network_id);
int store_project_share(struct db *db, long long project_id, long long network_id, long long theme_id, const char *challenge,
			long long user_id);
int store_project_unshare(struct db *db, long long project_id, long long network_id);
/* Rows: network id, name, shared (0/1), theme name, challenge — networks of the project's organisation. */
struct db_stmt *store_project_networks(struct db *db, long long project_id, long long org_id);
/* Rows: project id, title, org id, org name, phase, status, rag, service area,
 * methodology version, updated_at, theme name, challenge, last activity, visibility. */
struct db_stmt *store_shared_projects(struct db *db, long long network_id);
bool store_project_is_shared(struct db *db, long long project_id, long long network_id);
int store_project_measure_set(struct db *db, long long project_id, long long measure_id, int progress, const char *note,
			      long long user_id);
/* Rows: project id, measure id, progress, note. */
struct db_stmt *store_measure_progress(struct db *db, long long network_id);
/* Rows: measure id, kind, name, network name, progress (NULL: none), note, network id. */
struct db_stmt *store_project_measures(struct db *db, long long project_id);
int store_message_add(struct db *db, long long user_id, long long from_user, const char *body, const char *link);
/* Rows: id, body, link, from name, created_at. */
struct db_stmt *store_messages_open(struct db *db, long long user_id);
/* STORE_NOTFOUND unless the message is the user's. */
int store_message_seen(struct db *db, long long id, long long user_id);

/* Rows as store_org_entries / store_org_steps, for the projects shared with a network. */
struct db_stmt *store_network_entries(struct db *db, long long network_id);
struct db_stmt *store_network_steps(struct db *db, long long network_id);
/* Rows: project id, number of benefits, sum of their latest yearly values. */
struct db_stmt *store_network_benefits(struct db *db, long long network_id);

/* Status-report rounds and reports (store_round.c) */
struct round {
	long long id, network_id, opened_at;
	char *title, *questions, *summary; /* owned; questions: JSON [{"key","text"}]; summary may be NULL */
	char due_date[11];
	bool closed;
};
void round_free(struct round *r);
struct report {
	long long id, round_id, project_id, version, submitted_at;
	char *answers; /* owned: JSON {question key: text} */
	char rag[8];
	bool submitted;
};
void report_free(struct report *r);
int store_round_create(struct db *db, long long network_id, const char *title, const char *due, const char *questions,
		       long long user_id, long long *id);
int store_round_get(struct db *db, long long id, struct round *out);
/* Rows: id, title, due date, closed_at, has summary, projects submitted. */
struct db_stmt *store_rounds_of_network(struct db *db, long long network_id);
int store_round_summary_set(struct db *db, long long id, const char *summary, long long user_id);
int store_round_close(struct db *db, long long id);
/* The newest version (draft or submitted) of a project's report in a round. */
int store_report_latest(struct db *db, long long round_id, long long project_id, struct report *out);
/* The newest submitted version (what the network reads while a correction is drafted). */
int store_report_latest_submitted(struct db *db, long long round_id, long long project_id, struct report *out);
/* Save the draft: update the newest version if it is a draft, else start the
 * next version (a correction). */
int store_report_save_draft(struct db *db, long long round_id, long long project_id, const char *answers, const char *rag,
			    long long user_id, long long *id);
/* Submit a draft (a submitted version is never changed). */
int store_report_submit(struct db *db, long long id, long long user_id);
/* Rows: report columns (id, round, project, version, answers, rag, state, submitted_at), submitter name. */
struct db_stmt *store_reports_of_round(struct db *db, long long round_id);
/* Rows: report columns, round title, network name, round questions. */
struct db_stmt *store_reports_of_project(struct db *db, long long project_id);
/* Rows: project id, round title, rag, submitted_at — oldest first. */
struct db_stmt *store_network_latest_reports(struct db *db, long long network_id);
/* Rows: round id, title, due date, project id, project title, network name. */
struct db_stmt *store_rounds_owed(struct db *db, long long user_id);
/* Rows: user id. */
struct db_stmt *store_project_leaders(struct db *db, long long project_id);

#endif
