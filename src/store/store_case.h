/* store_case.h — the case library (store_case.c): a project's published case
 * with its texts copied at publish time, and who may read it.
 *
 * Who reads a case (one rule, STORE_CASE_READABLE, for the library, a case's
 * page and the search): nobody once it is withdrawn or its project deleted;
 * otherwise everyone when the audience is 'public'; the members of the
 * project's organisation; and for the audience 'networks', everyone who sees
 * a network the project is shared with (its leaders and coaches, the members
 * of its owner organisation and of its member organisations). */
#ifndef VARDE_STORE_CASE_H
#define VARDE_STORE_CASE_H
#include <stdbool.h>

#include "../db/db.h"

struct case_rec {
	long long id, project_id, org_id, published_by, published_at, updated_at;
	bool withdrawn;
	char *title, *challenge, *what, *results, *benefits, *lessons, *contact; /* owned */
	char *phase, *service_area, *audience;                                  /* owned */
	char *benefit_types; /* owned: a JSON array of benefit type keys */
	char *org_name;      /* owned; filled by the loads, ignored by publish */
};
void case_free(struct case_rec *k);

/* The SQL condition "user $U may read case c" (a fragment for the store's
 * constants: c is the cases row, U the SQL parameter holding the user id, 0 for an
 * anonymous visitor). */
#define STORE_CASE_READABLE(U)                                                                                        \
	" (c.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM projects cp WHERE cp.id = c.project_id AND cp.deleted_at IS NULL)" \
	" AND (c.audience = 'public'"                                                                                 \
	" OR EXISTS (SELECT 1 FROM memberships cm WHERE cm.org_id = c.org_id AND cm.user_id = " U ")"                 \
	" OR (c.audience = 'networks' AND EXISTS (SELECT 1 FROM project_shares cs JOIN networks cn ON cn.id = cs.network_id" \
	" WHERE cs.project_id = c.project_id AND (cn.id IN (SELECT np.network_id FROM network_people np WHERE np.user_id = " U ")" \
	" OR cn.owner_org_id IN (SELECT mo.org_id FROM memberships mo WHERE mo.user_id = " U ")"                         \
	" OR cn.id IN (SELECT no.network_id FROM network_orgs no JOIN memberships mn ON mn.org_id = no.org_id"          \
	" WHERE mn.user_id = " U "))))))"

/* The project's case, withdrawn or not (for its publish form). */
int store_case_of_project(struct db *db, long long project_id, struct case_rec *out);
/* Case id as user_id (0: anonymous) may read it; STORE_NOTFOUND otherwise. */
int store_case_get(struct db *db, long long id, long long user_id, struct case_rec *out);
/* Publish the project's case, or replace its texts and publish it again when
 * it exists (withdrawn or not); *id gets its id. */
int store_case_publish(struct db *db, const struct case_rec *k, long long user_id, long long *id);
/* Withdraw the project's case: no one reads it until it is published again. */
int store_case_withdraw(struct db *db, long long project_id);
/* Cases user_id may read, newest first, filtered ("" or NULL: any) by phase,
 * service area and benefit type key. Rows: id, title, org name, phase, service
 * area, audience, published_at, updated_at, challenge. */
struct db_stmt *store_cases_list(struct db *db, long long user_id, const char *phase, const char *area, const char *type,
				 int limit);
/* The LIKE pattern that finds a benefit type key in a benefit_types column
 * (with ESCAPE '\'); "" for none. Malloc'd; the caller frees. */
char *store_case_type_pattern(const char *type);
/* What a case may copy from the project's live benefit items that hold no
 * personal data: their names, one a line (when names is not NULL), and their
 * types as a JSON array of distinct keys (when types is not NULL). Both
 * malloc'd; the caller frees. */
int store_case_project_benefits(struct db *db, long long project_id, char **names, char **types);

#endif
