/* page_dashboard.c — the signed-in user's start page and the organisation switcher. */
#include <stdio.h>
#include <string.h>

#include "../app/accounts.h"
#include "../app/layout.h"
#include "../core/html.h"
#include "../method/registry.h"
#include "../project/project.h"
#include "../store/store.h"
#include "pages.h"
#include "benefit_page.h"
#include "register_page.h"

/* The English label of an org role (a msgid). */
/* Project statuses stored as data. */
static const char *const statuses[] __attribute__((unused)) = {N_("active"), N_("paused"), N_("stopped")};

static const char *role_label(const char *role)
{
	return role && strcmp(role, "admin") == 0 ? N_("Administrator") : N_("Member");
}

/* Anchoring activities the user is responsible for that are past their
 * deadline and not done, as items of the "Needs your attention" list (opened
 * when shown is 0). Returns how many were added. */
static int dashboard_anchoring(struct ctx *c, int shown)
{
	struct buf *b = &c->resp->body;
	char today[11], me[24];
	reg_today(today);
	snprintf(me, sizeof me, "%lld", c->user_id);
	struct db_stmt *s = store_anchoring_of_user(c->db, c->user_id);
	int n = 0;
	while (db_step(s) == DB_ROW) {
		json_t *e = json_loads(db_col_text(s, 4) ? db_col_text(s, 4) : "{}", 0, NULL);
		const char *who = json_string_value(entry_field(e, "responsible"));
		const char *deadline = json_string_value(entry_field(e, "deadline"));
		const char *status = json_string_value(entry_field(e, "status"));
		bool open = !status || (strcmp(status, "done") != 0 && strcmp(status, "cancelled") != 0);
		if (who && !strcmp(who, me) && deadline && strcmp(deadline, today) < 0 && open) {
			if (shown + n++ == 0)
				html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2><ul>", _(c, "Needs your attention"));
			html_printf(b, "<li><span class=\"ds-tag\" data-color=\"danger\">%s</span> <a class=\"ds-link\" href=\"/projects/%lld/items/%lld\">%s</a> – %s (%s %s)</li>",
				    _(c, "Overdue"), db_col_int(s, 1), db_col_int(s, 0), db_col_text(s, 3), db_col_text(s, 2),
				    _(c, "deadline"), deadline);
		}
		json_decref(e);
	}
	db_reset(s);
	return n;
}

/* Status reports the user's projects owe to a network, and messages
 * (reminders) to the user, as items of the "Needs your attention" list.
 * Returns how many were added. */
static int dashboard_rounds(struct ctx *c, int shown)
{
	struct buf *b = &c->resp->body;
	int n = 0;
	struct db_stmt *s = store_rounds_owed(c->db, c->user_id);
	while (db_step(s) == DB_ROW) {
		if (shown + n++ == 0)
			html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2><ul>", _(c, "Needs your attention"));
		const char *due = db_col_text(s, 2);
		html_printf(b, "<li><a class=\"ds-link\" href=\"/rounds/%lld/projects/%lld\">%s: %s</a> – %s (%s %.2s.%.2s.%.4s)</li>",
			    db_col_int(s, 0), db_col_int(s, 3), _(c, "Status report"), db_col_text(s, 1), db_col_text(s, 4),
			    _(c, "due"), due + 8, due + 5, due);
	}
	db_reset(s);
	s = store_messages_open(c->db, c->user_id);
	while (db_step(s) == DB_ROW) {
		if (shown + n++ == 0)
			html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2><ul>", _(c, "Needs your attention"));
		html_printf(b, "<li>%s: <a class=\"ds-link\" href=\"%s\">%s</a> <form class=\"varde-inline\" method=\"post\" action=\"/messages/%lld/seen\">",
			    db_col_text(s, 3), db_col_text(s, 2), db_col_text(s, 1), db_col_int(s, 0));
		ui_csrf(c);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"tertiary\" type=\"submit\">%s</button></form></li>", _(c, "Done"));
	}
	db_reset(s);
	return n;
}

/* POST /messages/:id/seen */
void page_message_seen(struct ctx *c)
{
	int rc = store_message_seen(c->db, c->req->params[0], c->user_id);
	if (rc == STORE_NOTFOUND)
		page_error(c, 404, _(c, "There is no page at this address."));
	else if (rc != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else
		resp_redirect(c->resp, "/dashboard");
}

/* GET /dashboard — the user's organisations and roles; later issues add
 * projects, to-dos and measurements due. */
void page_dashboard(struct ctx *c)
{
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Dashboard"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s, %s</h1>\n", _(c, "Welcome"), c->user_name);
	/* What needs the user's attention: comments that mention them. */
	struct db_stmt *s = store_mentions_open(c->db, c->user_id);
	int nm = 0;
	while (db_step(s) == DB_ROW) {
		if (nm++ == 0)
			html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2><ul>", _(c, "Needs your attention"));
		const char *tool = db_col_null(s, 2) ? NULL : db_col_text(s, 2);
		if (tool && !strncmp(tool, "item:", 5))
			html_printf(b, "<li><a class=\"ds-link\" href=\"/projects/%lld/items/%s#comment-%lld\">%s %s: %s</a></li>", db_col_int(s, 0),
				    tool + 5, db_col_int(s, 5), db_col_text(s, 3), _(c, "mentioned you in"), db_col_text(s, 1));
		else if (!tool)
			html_printf(b, "<li><a class=\"ds-link\" href=\"/projects/%lld#comment-%lld\">%s %s: %s</a></li>", db_col_int(s, 0),
				    db_col_int(s, 5), db_col_text(s, 3), _(c, "mentioned you in"), db_col_text(s, 1));
		else
			html_printf(b, "<li><a class=\"ds-link\" href=\"/projects/%lld/tools/%s#comment-%lld\">%s %s: %s</a></li>",
				    db_col_int(s, 0), db_col_text(s, 2), db_col_int(s, 5), db_col_text(s, 3), _(c, "mentioned you in"),
				    db_col_text(s, 1));
	}
	db_reset(s);
	nm += dashboard_anchoring(c, nm);
	nm += dashboard_rounds(c, nm);
	if (nm)
		html_printf(b, "</ul>\n");
	benefit_due_render(c);

	registry_refresh(c->app->methods, c->db);
	struct progress_set ps;
	progress_set_load(&ps, c->db, store_user_entries(c->db, c->user_id), store_user_steps(c->db, c->user_id));
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "Projects"));
	s = store_projects_of_user(c->db, c->user_id);
	int np = 0;
	while (db_step(s) == DB_ROW) {
		if (np++ == 0)
			html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
				       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
				       "<th scope=\"col\">%s</th></tr></thead><tbody>",
				    _(c, "Projects you can see"), _(c, "Project"), _(c, "Organisation"), _(c, "Phase"),
				    _(c, "Progress in the phase"), _(c, "Status"), _(c, "Your role"));
		const struct methodology *m = registry_version(c->app->methods, db_col_int(s, 3));
		const struct m_phase *ph = m ? method_phase(m, db_col_text(s, 4)) : NULL;
		const char *L = m && method_has_lang(m, c->lang) ? c->lang : m ? m->langs[0] : c->lang;
		html_printf(b, "<tr><td><a class=\"ds-link\" href=\"/projects/%lld\">%s</a></td><td>%s</td><td>%s</td><td>%d %%</td>"
			       "<td><span class=\"varde-rag varde-rag-%s\">%s</span> %s</td><td>%s</td></tr>",
			    db_col_int(s, 0), db_col_text(s, 1), db_col_text(s, 2), ph ? tr_text(m, &ph->name, L) : "",
			    progress_set_phase(&ps, db_col_int(s, 0), m, db_col_text(s, 4)), db_col_text(s, 6),
			    _(c, db_col_text(s, 6)), _(c, db_col_text(s, 5)), db_col_null(s, 7) ? "" : _(c, db_col_text(s, 7)));
	}
	db_reset(s);
	progress_set_free(&ps);
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
			html_printf(b, "<tr><td><a class=\"ds-link\" href=\"/orgs/%lld\">%s</a> · <a class=\"ds-link\" href=\"/orgs/%lld/portfolio\">%s</a></td><td>%s</td><td>%s</td></tr>",
				    m->org_id, m->org_name, m->org_id, _(c, "portfolio"),
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
