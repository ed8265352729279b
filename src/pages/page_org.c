/* page_org.c — an organisation's page: its members, and for its
 * administrators adding and removing members. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/accounts.h"
#include "../app/authz.h"
#include "../app/layout.h"
#include "../core/html.h"
#include "../core/text.h"
#include "../method/registry.h"
#include "../store/store.h"
#include "pages.h"

/* Show the one-time link for a new user (the only time it is visible). */
void page_show_setpw_link(struct ctx *c, const char *token)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<div class=\"ds-alert\" data-color=\"info\" role=\"status\"><p class=\"ds-paragraph\">%s</p>"
		       "<p class=\"ds-paragraph\"><code class=\"varde-link\" id=\"setpw-link\">%s/set-password/%s</code></p></div>\n",
		    _(c, "Give this one-time link to the person. It lets them choose a password, works once, and "
			 "expires in 7 days:"),
		    c->app->cfg.base_url, token);
}

/* The methodologies the organisation offers its projects; administrators get
 * a form with one checkbox per methodology (none ticked: all are offered). */
static void org_render_methods(struct ctx *c, const struct org *o, bool manage)
{
	struct buf *b = &c->resp->body;
	const struct methodology *all[32];
	int n = registry_list(c->app->methods, all, 32);
	char chosen[32][72];
	int nchosen = 0;
	struct db_stmt *s = store_org_methods(c->db, o->id);
	while (db_step(s) == DB_ROW && nchosen < 32)
		snprintf(chosen[nchosen++], sizeof chosen[0], "%s", db_col_text(s, 0));
	db_reset(s);
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "Methodologies offered"));
	if (manage)
		html_printf(b, "<form method=\"post\" action=\"/orgs/%lld/methodologies\"><fieldset class=\"ds-fieldset\">"
			       "<legend class=\"ds-label\">%s</legend>",
			    o->id, _(c, "Which methodologies can this organisation's projects use? None ticked means all."));
	else
		html_printf(b, "<ul>");
	for (int i = 0; i < n; i++) {
		const struct methodology *m = all[i];
		const char *L = method_has_lang(m, c->lang) ? c->lang : m->langs[0];
		bool on = false;
		for (int k = 0; k < nchosen; k++)
			if (strcmp(chosen[k], m->key) == 0)
				on = true;
		if (manage)
			html_printf(b, "<div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\" id=\"m-%s\" name=\"m\" value=\"%s\"%s>"
				       "<label class=\"ds-label\" for=\"m-%s\">%s</label></div>",
				    m->key, m->key, on ? " checked" : "", m->key, tr_text(m, &m->name, L));
		else if (on || nchosen == 0)
			html_printf(b, "<li><a class=\"ds-link\" href=\"/guide/%s\">%s</a></li>", m->key, tr_text(m, &m->name, L));
	}
	if (manage) {
		ui_csrf(c);
		html_printf(b, "</fieldset><button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>\n",
			    _(c, "Save methodologies"));
	} else {
		html_printf(b, "</ul>\n");
	}
}

static void org_render(struct ctx *c, const struct org *o, const struct form_errors *fe, const char *form_email,
		       const char *form_name, const char *new_token)
{
	struct buf *b = &c->resp->body;
	struct authz_object obj = {.org_id = o->id};
	bool manage = authz_check(c, AZ_ORG_MANAGE, &obj) == AZ_ALLOW;
	layout_begin(c, o->name);
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", o->name);
	html_printf(b, "<dl class=\"varde-facts\"><dt>%s</dt><dd>%s</dd>", _(c, "Kind"), _(c, org_kind_label(o->kind)));
	if (o->orgnr)
		html_printf(b, "<dt>%s</dt><dd>%s</dd>", _(c, "Organisation number"), o->orgnr);
	if (o->kommunenr)
		html_printf(b, "<dt>%s</dt><dd>%s</dd>", _(c, "Municipality number"), o->kommunenr);
	html_printf(b, "</dl>\n");
	const char *done = kv_get(&c->req->query, "done");
	if (done && strcmp(done, "methods") == 0)
		ui_alert(c, "success", _(c, "The choice of methodologies has been saved."));
	else if (done)
		ui_alert(c, "success", _(c, "The member list has been updated."));
	if (new_token)
		page_show_setpw_link(c, new_token);
	html_printf(b, "<ul class=\"varde-inline-list\"><li><a class=\"ds-link\" href=\"/orgs/%lld/portfolio\">%s</a></li>"
		       "<li><a class=\"ds-link\" href=\"/orgs/%lld/benefits\">%s</a></li>",
		    o->id, _(c, "Portfolio"), o->id, _(c, "Benefits"));
	if (manage && ctx_membership(c, o->id))
		html_printf(b, "<li><a class=\"ds-link\" href=\"/orgs/%lld/retention\">%s</a></li>"
			       "<li><a class=\"ds-link\" href=\"/orgs/%lld/deleted\">%s</a></li>",
			    o->id, _(c, "Personal data due for deletion"), o->id, _(c, "Deleted projects"));
	html_printf(b, "</ul>\n");

	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "Members"));
	html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
		    _(c, "People in this organisation"), _(c, "Name"), _(c, "E-mail"), _(c, "Role"));
	if (manage)
		html_printf(b, "<th scope=\"col\"><span class=\"ds-sr-only\">%s</span></th>", _(c, "Actions"));
	html_printf(b, "</tr></thead><tbody>");
	struct db_stmt *s = store_members_of_org(c->db, o->id);
	while (db_step(s) == DB_ROW) {
		const char *role = db_col_text(s, 3);
		html_printf(b, "<tr><td>%s</td><td>%s</td><td>%s</td>", db_col_text(s, 1), db_col_text(s, 2),
			    strcmp(role, "admin") == 0 ? _(c, "Administrator") : _(c, "Member"));
		if (manage) {
			html_printf(b, "<td><form method=\"post\" action=\"/orgs/%lld/members/%lld/remove\">", o->id,
				    db_col_int(s, 0));
			ui_csrf(c);
			html_printf(b, "<button class=\"ds-button\" data-variant=\"tertiary\" type=\"submit\" "
				       "aria-label=\"%s %s\">%s</button></form></td>",
				    _(c, "Remove"), db_col_text(s, 1), _(c, "Remove"));
		}
		html_printf(b, "</tr>");
	}
	db_reset(s);
	html_printf(b, "</tbody></table>\n");

	org_render_methods(c, o, manage);

	if (manage) {
		html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "Add a member"));
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>\n",
			    _(c, "If the person has no account yet, one is created and you get a link to give them."));
		ui_error_summary(c, fe);
		html_printf(b, "<form method=\"post\" action=\"/orgs/%lld/members\" class=\"varde-form\" novalidate>", o->id);
		ui_csrf(c);
		ui_input(c, &(struct ui_input){"email", _(c, "E-mail"), "email", form_email, "off", NULL, true, 254}, fe);
		ui_input(c, &(struct ui_input){"name", _(c, "Name"), "text", form_name, "off",
					       _(c, "Only needed for a new account."), false, 200},
			 fe);
		const struct ui_option roles[] = {{"member", _(c, "Member")}, {"admin", _(c, "Administrator")}};
		ui_select(c, "role", _(c, "Role"), roles, 2, "member", fe);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>\n",
			    _(c, "Add member"));
	}
	layout_end(c);
}

/* Load the organisation named in the URL, checking the action. Returns false
 * with the response set when the user may not. */
static bool org_load(struct ctx *c, enum authz_action action, struct org *o)
{
	struct authz_object obj = {.org_id = c->req->params[0]};
	enum authz_result r = authz_check(c, action, &obj);
	if (r == AZ_ALLOW && store_org_by_id(c->db, c->req->params[0], o) != STORE_OK)
		r = AZ_HIDE;
	if (r == AZ_HIDE)
		page_error(c, 404, _(c, "There is no page at this address."));
	else if (r == AZ_DENY)
		page_error(c, 403, _(c, "Only the organisation's administrators can do this."));
	return r == AZ_ALLOW;
}

/* GET /orgs/:id */
void page_org_view(struct ctx *c)
{
	struct org o = {0};
	if (!org_load(c, AZ_ORG_VIEW, &o))
		return;
	org_render(c, &o, NULL, NULL, NULL, NULL);
	org_free(&o);
}

/* POST /orgs/:id/members — add an existing user, or create one with a link. */
void page_org_member_add(struct ctx *c)
{
	struct org o = {0};
	if (!org_load(c, AZ_ORG_MANAGE, &o))
		return;
	const char *email_in = kv_get(&c->req->form, "email"), *name = kv_get(&c->req->form, "name");
	const char *role = kv_get(&c->req->form, "role");
	struct form_errors fe = {0};
	char *email = text_trim_dup(email_in ? email_in : "");
	text_ascii_lower(email);
	char token[44] = "";
	long long uid = 0;
	if (!role || (strcmp(role, "member") && strcmp(role, "admin")))
		form_error(&fe, "role", _(c, acct_err_text(ACCT_ROLE_INVALID)));
	struct user u = {0};
	if (!fe.n) {
		if (store_user_by_email(c->db, email, &u) == STORE_OK) {
			uid = u.id;
		} else {
			enum acct_err e = accounts_create_user(c->db, email, name, false, &uid);
			if (e == ACCT_OK)
				e = accounts_issue_setpw(c->db, uid, 7, token);
			if (e != ACCT_OK)
				form_error(&fe, acct_err_field(e), _(c, acct_err_text(e)));
		}
	}
	user_free(&u);
	if (!fe.n && (store_membership_set(c->db, uid, o.id, role) != STORE_OK ||
		      store_audit(c->db, c->user_id, "member-add", "org", email) != STORE_OK))
		form_error(&fe, "email", _(c, acct_err_text(ACCT_DB_ERROR)));
	if (fe.n) {
		c->resp->status = 400;
		org_render(c, &o, &fe, email, name, NULL);
	} else if (*token) {
		org_render(c, &o, NULL, NULL, NULL, token);
	} else {
		char loc[64];
		snprintf(loc, sizeof loc, "/orgs/%lld?done=1", o.id);
		resp_redirect(c->resp, loc);
	}
	free(email);
	org_free(&o);
}

/* POST /orgs/:id/members/:id/remove — the last administrator cannot be removed. */
void page_org_member_remove(struct ctx *c)
{
	struct org o = {0};
	if (!org_load(c, AZ_ORG_MANAGE, &o))
		return;
	long long uid = c->req->params[1];
	if (store_membership_remove(c->db, uid, o.id) != STORE_OK) {
		c->failed = true;
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else if (store_org_admin_count(c->db, o.id) == 0 && !c->site_admin) {
		page_error(c, 409, _(c, "The organisation must keep at least one administrator."));
	} else {
		char loc[64];
		snprintf(loc, sizeof loc, "/orgs/%lld?done=1", o.id);
		resp_redirect(c->resp, loc);
	}
	org_free(&o);
}
