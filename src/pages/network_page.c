/* network_page.c — see network_page.h. */
#include "network_page.h"

#include <string.h>

#include "../app/layout.h"

int network_load(struct ctx *c, long long id, enum authz_action action, struct network_page *np)
{
	memset(np, 0, sizeof *np);
	enum authz_result r = AZ_HIDE;
	if (store_network_get(c->db, id, &np->n) == STORE_OK) {
		int role = store_network_role(c->db, id, c->user_id);
		np->facts.org_id = np->n.owner_org_id;
		np->facts.network_role = role == 2 ? NR_LEADER : role == 1 ? NR_COACH : NR_NONE;
		np->facts.network_member = store_network_member(c->db, id, c->user_id);
		r = authz_check(c, action, &np->facts);
		np->manage = authz_check(c, AZ_NETWORK_MANAGE, &np->facts) == AZ_ALLOW;
		np->coach = authz_check(c, AZ_NETWORK_COACH, &np->facts) == AZ_ALLOW;
	}
	if (r == AZ_ALLOW)
		return 0;
	if (r == AZ_DENY)
		page_error(c, 403, _(c, "Your role in this network does not allow this."));
	else
		page_error(c, 404, _(c, "There is no page at this address."));
	network_page_free(np);
	return -1;
}

void network_page_free(struct network_page *np)
{
	network_free(&np->n);
	memset(np, 0, sizeof *np);
}
