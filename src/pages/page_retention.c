/* page_retention.c — register items whose retention date has passed, listed
 * to the organisation's administrators for deletion. Deleting wipes every
 * text of the item and of its revisions and leaves a tombstone: the item's
 * place in the history and the chain stays, with who deleted it and when. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/layout.h"
#include "../core/html.h"
#include "../register/register.h"
#include "../store/store.h"
#include "pages.h"
#include "register_page.h"

/* Only the organisation's own administrators (not the operator). */
static bool retention_allowed(struct ctx *c, long long org_id)
{
	struct authz_object obj = {.org_id = org_id};
	enum authz_result r = authz_check(c, AZ_ORG_MANAGE, &obj);
	if (r == AZ_ALLOW && ctx_membership(c, org_id))
		return true;
	page_error(c, r == AZ_DENY ? 403 : 404,
		   r == AZ_DENY ? _(c, "Only the organisation's administrators can do this.") : _(c, "There is no page at this address."));
	return false;
}

/* GET /orgs/:id/retention */
void page_org_retention(struct ctx *c)
{
	long long org_id = c->req->params[0];
	if (!retention_allowed(c, org_id))
		return;
	struct buf *b = &c->resp->body;
	char today[11];
	reg_today(today);
	layout_begin(c, _(c, "Personal data due for deletion"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/orgs/%lld\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1><p class=\"ds-paragraph\">%s</p>",
		    org_id, _(c, "Organisation"), _(c, "Personal data due for deletion"),
		    _(c, "These register items have passed the retention date the project team set. Deleting one wipes its "
			 "texts and all its earlier versions for good; a record that it existed stays in the history."));
	if (kv_get(&c->req->query, "deleted"))
		ui_alert(c, "success", _(c, "Deleted."));
	struct db_stmt *s = store_retention_due(c->db, org_id, today, c->user_id);
	int n = 0;
	while (db_step(s) == DB_ROW) {
		if (!n)
			html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
				       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\"><span class=\"ds-sr-only\">%s</span></th>"
				       "</tr></thead><tbody>",
				    _(c, "Items past their retention date"), _(c, "Item"), _(c, "Register"), _(c, "Project"),
				    _(c, "Delete by"), _(c, "Action"));
		const struct reg_def *d = register_find(db_col_text(s, 3));
		const char *date = db_col_text(s, 5) ? db_col_text(s, 5) : "";
		html_printf(b, "<tr><th scope=\"row\">%s</th><td>%s</td><td><a class=\"ds-link\" href=\"/projects/%lld\">%s</a></td>"
			       "<td>%s</td><td><form method=\"post\" action=\"/orgs/%lld/retention/%lld/delete\">",
			    /* An administrator outside the team decides by register, project and date. */
			    *db_col_text(s, 6) && !db_col_int(s, 7) ? _(c, "(personal data hidden)")
			    : *db_col_text(s, 4)		    ? db_col_text(s, 4)
								    : _(c, "(untitled)"),
			    d ? _(c, d->one) : "", db_col_int(s, 1),
			    db_col_text(s, 2), date, org_id, db_col_int(s, 0));
		ui_csrf(c);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" data-color=\"danger\" type=\"submit\">%s</button></form></td></tr>",
			    _(c, "Delete now"));
		n++;
	}
	db_reset(s);
	if (n)
		html_printf(b, "</tbody></table>");
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "Nothing is due for deletion."));
	layout_end(c);
}

/* POST /orgs/:id/retention/:id/delete */
void page_org_retention_delete(struct ctx *c)
{
	long long org_id = c->req->params[0], item = c->req->params[1], project = 0;
	if (!retention_allowed(c, org_id))
		return;
	char today[11];
	reg_today(today);
	if (store_retention_item(c->db, org_id, item, today, &project) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return;
	}
	char object[40];
	snprintf(object, sizeof object, "item:%lld", item);
	if (store_item_tombstone(c->db, item, c->user_id) != STORE_OK ||
	    store_activity_add(c->db, project, c->user_id, "item-retention-deleted", NULL) != STORE_OK ||
	    store_audit(c->db, c->user_id, "retention-delete", object, NULL) != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		return;
	}
	char loc[80];
	snprintf(loc, sizeof loc, "/orgs/%lld/retention?deleted=1", org_id);
	resp_redirect(c->resp, loc);
}
