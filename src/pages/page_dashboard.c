/* page_dashboard.c — the signed-in user's start page and the organisation switcher. */
#include <stdio.h>
#include <string.h>

#include "../app/accounts.h"
#include "../app/layout.h"
#include "../core/html.h"
#include "../store/store.h"
#include "pages.h"

/* The English label of an org role (a msgid). */
/* Project statuses stored as data. */
static const char *const statuses[] __attribute__((unused)) = {N_("active"), N_("paused"), N_("stopped")};

static const char *role_label(const char *role)
{
	return role && strcmp(role, "admin") == 0 ? N_("Administrator") : N_("Member");
}

/* GET /dashboard — the user's organisations and roles; later issues add
 * projects, to-dos and measurements due. */
void page_dashboard(struct ctx *c)
{
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Dashboard"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s, %s</h1>\n", _(c, "Welcome"), c->user_name);
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "Projects"));
	struct db_stmt *s = store_projects_of_user(c->db, c->user_id);
	int np = 0;
	while (db_step(s) == DB_ROW) {
		if (np++ == 0)
			html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
				       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
				    _(c, "Projects you can see"), _(c, "Project"), _(c, "Organisation"), _(c, "Your role"), _(c, "Status"));
		html_printf(b, "<tr><td><a class=\"ds-link\" href=\"/projects/%lld\">%s</a></td><td>%s</td><td>%s</td><td>%s</td></tr>",
			    db_col_int(s, 0), db_col_text(s, 1), db_col_text(s, 2),
			    db_col_null(s, 7) ? "" : _(c, db_col_text(s, 7)), _(c, db_col_text(s, 5)));
	}
	db_reset(s);
	if (np)
		html_printf(b, "</tbody></table>\n");
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>\n", _(c, "No projects yet."));
	if (c->norgs)
		html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-button\" data-variant=\"primary\" href=\"/projects/new\">%s</a></p>\n",
			    _(c, "Start a new project"));
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "Your organisations"));
	if (c->norgs == 0) {
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>\n",
			    _(c, "You are not a member of any organisation yet. Ask an administrator to add you."));
	} else {
		html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
			    _(c, "Organisations you belong to"), _(c, "Organisation"), _(c, "Kind"), _(c, "Your role"));
		for (int i = 0; i < c->norgs; i++) {
			const struct membership *m = &c->orgs[i];
			html_printf(b, "<tr><td><a class=\"ds-link\" href=\"/orgs/%lld\">%s</a>%s</td><td>%s</td><td>%s</td></tr>",
				    m->org_id, m->org_name, m->org_id == c->current_org ? "" : "",
				    _(c, org_kind_label(m->org_kind)), _(c, role_label(m->role)));
		}
		html_printf(b, "</tbody></table>\n");
	}
	if (c->site_admin)
		html_printf(b, "<p class=\"ds-paragraph\">%s <a class=\"ds-link\" href=\"/admin\">%s</a></p>\n",
			    _(c, "You are the operator of this Varde."), _(c, "Go to administration"));
	layout_end(c);
}

/* POST /org/switch — choose the organisation the header shows as current. */
void page_org_switch(struct ctx *c)
{
	long long org = 0;
	const char *v = kv_get(&c->req->form, "org");
	if (!v || sscanf(v, "%lld", &org) != 1 || !ctx_membership(c, org)) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return;
	}
	if (store_session_set_org(c->db, c->sid_hash, org) != STORE_OK) {
		c->failed = true;
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		return;
	}
	resp_redirect(c->resp, "/dashboard");
}
