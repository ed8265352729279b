/* page_benefit.c — one benefit and its measurement: the owner (who may be
 * outside the project team and then sees this benefit and nothing else of
 * the project), indicators with baseline, target and intermediate targets,
 * measurements with a chart and its table, progress, and money value.
 * Benefits go on after the project is closed: nothing here looks at the
 * project's status. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/layout.h"
#include "../chart/chart.h"
#include "../core/html.h"
#include "../core/parse.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "benefit_page.h"
#include "pages.h"

enum { NAME_MAX_CHARS = 200, TEXT_MAX_CHARS = 2000, MAX_TARGETS = 12 };

/* ---- the owner field in the benefit form ------------------------------------ */

void benefit_owner_render(struct ctx *c, const struct reg_page *rp, const struct reg_item *it, const struct kvlist *v,
			  bool error)
{
	struct buf *b = &c->resp->body;
	long long current = 0, project = 0;
	const char *posted = kv_get(v, "owner");
	if (posted)
		text_parse_ll(posted, &current);
	else if (it)
		store_benefit_get(c->db, it->id, &project, &current);
	html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"owner\">%s</label>"
		       "<div class=\"ds-paragraph varde-help\" id=\"owner-help\">%s</div>"
		       "<select class=\"ds-input\" id=\"owner\" name=\"owner\" aria-describedby=\"owner-help%s\"%s><option value=\"\">%s</option>",
		    _(c, "Benefit owner"),
		    _(c, "A person in the line organisation who answers for realising the benefit. They need not be on the "
			 "project team; they get access to this benefit and can enter measurements."),
		    error ? " owner-error" : "", error ? " aria-invalid=\"true\"" : "", _(c, "(not chosen)"));
	struct db_stmt *s = store_members_of_org(c->db, rp->pc.p.org_id);
	while (db_step(s) == DB_ROW)
		html_printf(b, "<option value=\"%lld\"%s>%s</option>", db_col_int(s, 0), db_col_int(s, 0) == current ? " selected" : "",
			    db_col_text(s, 1));
	db_reset(s);
	html_printf(b, "</select>");
	if (error)
		html_printf(b, "<div class=\"ds-validation-message\" id=\"owner-error\">%s</div>",
			    _(c, "Choose a person in the organisation."));
	html_printf(b, "</div>");
}

long long benefit_owner_read(struct ctx *c, const struct reg_page *rp)
{
	const char *v = kv_get(&c->req->form, "owner");
	long long id = 0;
	if (!v || !*v)
		return 0;
	if (!text_parse_ll(v, &id) || id <= 0)
		return -1;
	struct db_stmt *s = store_members_of_org(c->db, rp->pc.p.org_id);
	bool found = false;
	while (db_step(s) == DB_ROW)
		found |= db_col_int(s, 0) == id;
	db_reset(s);
	return found ? id : -1;
}

/* ---- loading -------------------------------------------------------------------- */

int benefit_load(struct ctx *c, enum authz_action action, struct benefit_page *bp)
{
	memset(bp, 0, sizeof *bp);
	long long project = 0;
	if (store_benefit_get(c->db, c->req->params[0], &project, &bp->owner_id) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return -1;
	}
	bool owner = bp->owner_id && bp->owner_id == c->user_id;
	if (reg_page_load_as(c, project, action, owner, &bp->rp, false) != 0)
		return -1;
	if (store_item_get(c->db, project, c->req->params[0], &bp->it) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
		reg_page_free(&bp->rp);
		return -1;
	}
	if (reg_page_use(c, &bp->rp, "benefit") != 0) {
		reg_item_free(&bp->it);
		reg_page_free(&bp->rp);
		return -1;
	}
	bp->team = authz_check(c, AZ_PROJECT_VIEW, &bp->rp.pc.facts) == AZ_ALLOW;
	bp->measure = authz_check(c, AZ_BENEFIT_MEASURE, &bp->rp.pc.facts) == AZ_ALLOW;
	bp->entry = json_loads(bp->it.data, 0, NULL);
	if (!bp->entry)
		bp->entry = entry_new();
	struct user u;
	if (bp->owner_id && store_user_by_id(c->db, bp->owner_id, &u) == STORE_OK) {
		bp->owner_name = u.name;
		u.name = NULL;
		user_free(&u);
	}
	return 0;
}

void benefit_page_free(struct benefit_page *bp)
{
	free(bp->owner_name);
	json_decref(bp->entry);
	reg_item_free(&bp->it);
	reg_page_free(&bp->rp);
}
