/* network_page.h — what the network pages share (page_network.c,
 * page_round.c, page_gathering.c, page_coaching.c): a network loaded for a
 * request with the user's relation to it, checked by the authorization core. */
#ifndef VARDE_NETWORK_PAGE_H
#define VARDE_NETWORK_PAGE_H
#include <jansson.h>

#include "../app/authz.h"
#include "../store/store.h"

struct network_page {
	struct network n;
	struct authz_object facts; /* org_id = owner org, network_role, network_member */
	bool manage;               /* AZ_NETWORK_MANAGE: leaders and the owner's admins */
	bool coach;                /* AZ_NETWORK_COACH: coaches and leaders */
};

/* Load network `id` and check `action`. Returns 0, or -1 with the response
 * set (404 outside it, 403 when seen but not allowed). */
int network_load(struct ctx *c, long long id, enum authz_action action, struct network_page *np);
void network_page_free(struct network_page *np);

/* A status report's overall status and answers to the round's questions
 * (JSON [{"key","text"}]) as a description list (page_round.c). */
void answers_render(struct ctx *c, const json_t *questions, const char *answers_json, const char *rag);

#endif
