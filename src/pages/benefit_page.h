/* benefit_page.h — what the benefit pages share (page_benefit.c,
 * page_benefit_import.c, page_benefit_plan.c): a benefit loaded with its
 * project for a request, through the authorization core with the fact
 * whether the user owns the benefit. */
#ifndef VARDE_BENEFIT_PAGE_H
#define VARDE_BENEFIT_PAGE_H
#include "register_page.h"

struct benefit_page {
	struct reg_page rp;      /* the project, its items and the benefit register */
	struct reg_item it;      /* the benefit */
	json_t *entry;           /* owned: its fields */
	long long owner_id;      /* 0: none */
	char *owner_name;        /* owned, may be NULL */
	bool team;               /* the user reads the project (not only this benefit) */
	bool measure;            /* the user may add indicators and measurements */
};

/* Load benefit params[0] for action (AZ_BENEFIT_VIEW or AZ_BENEFIT_MEASURE).
 * Returns 0, or -1 with the response set (404/403). */
int benefit_load(struct ctx *c, enum authz_action action, struct benefit_page *bp);
void benefit_page_free(struct benefit_page *bp);
/* The "Measurements due" list of the user's dashboard (page_benefit_plan.c);
 * returns how many it listed. */
int benefit_due_render(struct ctx *c);

#endif
