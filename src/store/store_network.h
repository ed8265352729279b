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
 * methodology version, updated_at, theme name, challenge, last activity. */
struct db_stmt *store_shared_projects(struct db *db, long long network_id);
bool store_project_is_shared(struct db *db, long long project_id, long long network_id);
int store_project_measure_set(struct db *db, long long project_id, long long measure_id, int progress, const char *note,
			      long long user_id);
/* Rows: project id, measure id, progress, note. */
struct db_stmt *store_measure_progress(struct db *db, long long network_id);
/* Rows: measure id, kind, name, network name, progress (NULL: none), note. */
struct db_stmt *store_project_measures(struct db *db, long long project_id);
int store_message_add(struct db *db, long long user_id, long long from_user, const char *body, const char *link);
/* Rows: id, body, link, from name, created_at. */
struct db_stmt *store_messages_open(struct db *db, long long user_id);
int store_message_seen(struct db *db, long long id, long long user_id);

#endif
