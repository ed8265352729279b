/* store_gathering.h — a network's gatherings (kick-off, network gathering,
 * status meeting, mid-term seminar, study visit, project-leader day) with the
 * experiences shared and the follow-up actions agreed there, and coaching at a
 * distance: a coach's plan of follow-ups with a shared project, the sessions
 * held and the actions agreed in them (store_gathering.c). Pages include this
 * header directly; it is not part of store.h. */
#ifndef VARDE_STORE_GATHERING_H
#define VARDE_STORE_GATHERING_H
#include <stdbool.h>

#include "../db/db.h"

/* Gatherings ---------------------------------------------------------------- */
struct gathering {
	long long id, network_id, created_by, created_at;
	char kind[16];                              /* kickoff, gathering, status, midterm, visit, leaders */
	char day[11];                               /* YYYY-MM-DD */
	bool digital;
	char *title, *place, *agenda, *notes;       /* owned; never NULL after store_gathering_get */
};
void gathering_free(struct gathering *g);
int store_gathering_create(struct db *db, const struct gathering *g, long long user_id, long long *id);
int store_gathering_get(struct db *db, long long id, struct gathering *out);
/* Save kind, title, day, place, digital, agenda and notes of g->id. */
int store_gathering_update(struct db *db, const struct gathering *g);
/* Rows: id, kind, title, day, place, digital, open actions, experiences — newest first. */
struct db_stmt *store_gatherings_of_network(struct db *db, long long network_id);
/* project_id 0: an experience not tied to one project. */
int store_gathering_experience_add(struct db *db, long long gathering_id, long long project_id, const char *body,
				   long long user_id);
/* Rows: id, body, project id (NULL: none, or the project is gone), project
 * title, author name, created_at — oldest first. */
struct db_stmt *store_gathering_experiences(struct db *db, long long gathering_id);
int store_gathering_action_add(struct db *db, long long gathering_id, const char *body, long long owner_id,
			       const char *deadline);
/* Rows: id, body, owner id (NULL: none), owner name, deadline, done — open first, by deadline. */
struct db_stmt *store_gathering_actions(struct db *db, long long gathering_id);
/* The owner (0: none) of an action of this gathering; STORE_NOTFOUND if it is not one. */
int store_gathering_action_owner(struct db *db, long long gathering_id, long long action_id, long long *owner_id);
int store_gathering_action_done(struct db *db, long long gathering_id, long long action_id, bool done);
/* Everyone who sees the network (its leaders and coaches, the members of its
 * owner and member organisations): who may own a gathering's action.
 * Rows: user id, name — by name. */
struct db_stmt *store_network_audience(struct db *db, long long network_id);
bool store_network_audience_has(struct db *db, long long network_id, long long user_id);

/* Coaching at a distance ------------------------------------------------------- */
/* The networks a project is shared with. Rows: network id, name, period end (NULL: open). */
struct db_stmt *store_project_share_networks(struct db *db, long long project_id);
/* Create or replace the plan of (project, network). */
int store_coaching_plan_set(struct db *db, long long project_id, long long network_id, long long coach_id,
			    const char *start_day, const char *schedule);
/* Rows: network id, network name, coach name, start day, schedule (JSON), created_at. */
struct db_stmt *store_coaching_plans(struct db *db, long long project_id);
int store_coaching_session_add(struct db *db, long long project_id, long long network_id, long long coach_id,
			       const char *day, const char *mode, const char *notes, long long *id);
/* Rows: id, network id, network name, coach name, day, mode, notes — newest first. */
struct db_stmt *store_coaching_sessions(struct db *db, long long project_id);
int store_coaching_action_add(struct db *db, long long session_id, const char *body, long long owner_id,
			      const char *deadline);
/* Rows: id, session id, body, owner id, owner name, deadline, done, network id,
 * session day — every action of the project's sessions, by deadline. */
struct db_stmt *store_coaching_actions(struct db *db, long long project_id);
/* The network of an action of one of the project's sessions; STORE_NOTFOUND if it is not one. */
int store_coaching_action_network(struct db *db, long long project_id, long long action_id, long long *network_id);
int store_coaching_action_done(struct db *db, long long action_id, bool done);
/* May user own an action agreed with the project in this network: a member of
 * the project's team, or a leader or coach of the network. */
bool store_coaching_owner_ok(struct db *db, long long project_id, long long network_id, long long user_id);
/* Rows: user id, name — those owners, by name. */
struct db_stmt *store_coaching_owners(struct db *db, long long project_id, long long network_id);

#endif
