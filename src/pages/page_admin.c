/* page_admin.c — the operator's pages: all organisations and all users. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/accounts.h"
#include "../app/layout.h"
#include "../core/html.h"
#include "../core/text.h"
#include "../store/store.h"
#include "pages.h"


enum { ADMIN_PAGE = 100 };

/* The ?page=N parameter, 0-based and bounded. */
static int admin_page(struct ctx *c)
{
	long long p = 0;
	if (!text_parse_ll(kv_get(&c->req->query, "page"), &p) || p < 0 || p > 100000)
		p = 0;
	return (int)p;
}

/* GET /admin */
void page_admin_home(struct ctx *c)
{
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Administration"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", _(c, "Administration"));
	html_printf(b, "<ul class=\"ds-list\"><li><a class=\"ds-link\" href=\"/admin/orgs\">%s</a> (%lld)</li>"
		       "<li><a class=\"ds-link\" href=\"/admin/users\">%s</a> (%lld)</li>"
		       "<li><a class=\"ds-link\" href=\"/admin/methodologies\">%s</a></li></ul>\n",
		    _(c, "Organisations"), store_org_count(c->db), _(c, "Users"), store_user_count(c->db),
		    _(c, "Methodologies"));
	layout_end(c);
}

static void admin_orgs_render(struct ctx *c, const struct form_errors *fe)
{
	struct buf *b = &c->resp->body;
	int page = admin_page(c);
	layout_begin(c, _(c, "Organisations"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", _(c, "Organisations"));
	if (kv_get(&c->req->query, "done"))
		ui_alert(c, "success", _(c, "The organisation has been created."));
	html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th></tr></thead><tbody>",
		    _(c, "All organisations"), _(c, "Name"), _(c, "Kind"), _(c, "Organisation number"),
		    _(c, "Municipality number"), _(c, "Members"));
	struct db_stmt *s = store_org_list(c->db, ADMIN_PAGE + 1, page * ADMIN_PAGE);
	int n = 0;
	while (db_step(s) == DB_ROW && n++ < ADMIN_PAGE)
		html_printf(b, "<tr><td><a class=\"ds-link\" href=\"/orgs/%lld\">%s</a></td><td>%s</td><td>%s</td>"
			       "<td>%s</td><td>%lld</td></tr>",
			    db_col_int(s, 0), db_col_text(s, 1), _(c, org_kind_label(db_col_text(s, 2))),
			    db_col_text(s, 3), db_col_text(s, 4), db_col_int(s, 5));
	db_reset(s);
	html_printf(b, "</tbody></table>\n");
	if (n > ADMIN_PAGE)
		html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/admin/orgs?page=%d\">%s</a></p>",
			    page + 1, _(c, "Next page"));

	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "New organisation"));
	ui_error_summary(c, fe);
	html_printf(b, "<form method=\"post\" action=\"/admin/orgs\" class=\"varde-form\" novalidate>");
	ui_csrf(c);
	const struct kvlist *f = &c->req->form;
	ui_input(c, &(struct ui_input){"name", _(c, "Name"), "text", kv_get(f, "name"), "organization", NULL, true, 200},
		 fe);
	struct ui_option kinds[16];
	for (size_t i = 0; i < org_kind_count && i < 16; i++)
		kinds[i] = (struct ui_option){org_kinds[i].key, _(c, org_kinds[i].label)};
	ui_select(c, "kind", _(c, "Kind"), kinds, (int)org_kind_count, kv_get(f, "kind"), fe);
	ui_input(c, &(struct ui_input){"orgnr", _(c, "Organisation number"), "text", kv_get(f, "orgnr"), "off",
				       _(c, "9 digits, from the Central Coordinating Register for Legal Entities."),
				       false, 11},
		 fe);
	ui_input(c, &(struct ui_input){"kommunenr", _(c, "Municipality number"), "text", kv_get(f, "kommunenr"), "off",
				       _(c, "4 digits. Required for municipalities."), false, 4},
		 fe);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>\n",
		    _(c, "Create organisation"));
	layout_end(c);
}

/* GET /admin/orgs */
void page_admin_orgs(struct ctx *c)
{
	admin_orgs_render(c, NULL);
}

/* POST /admin/orgs */
void page_admin_org_create(struct ctx *c)
{
	const struct kvlist *f = &c->req->form;
	long long id = 0;
	enum acct_err e = accounts_create_org(c->db, kv_get(f, "name"), kv_get(f, "kind"), kv_get(f, "orgnr"),
					      kv_get(f, "kommunenr"), &id);
	if (e == ACCT_OK && store_audit(c->db, c->user_id, "org-create", "org", kv_get(f, "name")) != STORE_OK)
		e = ACCT_DB_ERROR;
	if (e != ACCT_OK) {
		struct form_errors fe = {0};
		form_error(&fe, acct_err_field(e), _(c, acct_err_text(e)));
		c->resp->status = 400;
		admin_orgs_render(c, &fe);
		return;
	}
	resp_redirect(c->resp, "/admin/orgs?done=1");
}

static void admin_users_render(struct ctx *c, const struct form_errors *fe, const char *token)
{
	struct buf *b = &c->resp->body;
	int page = admin_page(c);
	layout_begin(c, _(c, "Users"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", _(c, "Users"));
	if (token)
		page_show_setpw_link(c, token);
	html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    _(c, "All users"), _(c, "Name"), _(c, "E-mail"), _(c, "Status"), _(c, "Password link"));
	struct db_stmt *s = store_user_list(c->db, ADMIN_PAGE + 1, page * ADMIN_PAGE);
	int n = 0;
	while (db_step(s) == DB_ROW && n++ < ADMIN_PAGE) {
		const char *status = db_col_int(s, 6)	      ? _(c, "Disabled")
				     : db_col_null(s, 3)      ? _(c, "Has not set a password")
				     : db_col_int(s, 4)	      ? _(c, "Operator")
							      : _(c, "Active");
		html_printf(b, "<tr><td>%s</td><td>%s</td><td>%s</td><td><form method=\"post\" action=\"/admin/users/%lld/reset\">",
			    db_col_text(s, 2), db_col_text(s, 1), status, db_col_int(s, 0));
		ui_csrf(c);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"tertiary\" type=\"submit\" aria-label=\"%s: %s\">%s</button></form></td></tr>",
			    _(c, "New password link"), db_col_text(s, 2), _(c, "New link"));
	}
	db_reset(s);
	html_printf(b, "</tbody></table>\n");
	if (n > ADMIN_PAGE)
		html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/admin/users?page=%d\">%s</a></p>",
			    page + 1, _(c, "Next page"));

	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "New user"));
	ui_error_summary(c, fe);
	html_printf(b, "<form method=\"post\" action=\"/admin/users\" class=\"varde-form\" novalidate>");
	ui_csrf(c);
	const struct kvlist *f = &c->req->form;
	ui_input(c, &(struct ui_input){"name", _(c, "Name"), "text", kv_get(f, "name"), "off", NULL, true, 200}, fe);
	ui_input(c, &(struct ui_input){"email", _(c, "E-mail"), "email", kv_get(f, "email"), "off", NULL, true, 254}, fe);
	struct ui_option orgs[101];
	int norgs = 0;
	orgs[norgs++] = (struct ui_option){"", _(c, "(none)")};
	s = store_org_list(c->db, 100, 0);
	char *ids[100] = {0}, *names[100] = {0};
	while (db_step(s) == DB_ROW && norgs < 101) {
		ids[norgs - 1] = db_col_dup(s, 0);
		names[norgs - 1] = db_col_dup(s, 1);
		orgs[norgs] = (struct ui_option){ids[norgs - 1], names[norgs - 1]};
		norgs++;
	}
	db_reset(s);
	ui_select(c, "org", _(c, "Organisation"), orgs, norgs, kv_get(f, "org"), fe);
	const struct ui_option roles[] = {{"member", _(c, "Member")}, {"admin", _(c, "Administrator")}};
	ui_select(c, "role", _(c, "Role in the organisation"), roles, 2, kv_get(f, "role"), fe);
	html_printf(b, "<div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\" id=\"site_admin\" name=\"site_admin\" value=\"1\">"
		       "<label class=\"ds-label\" for=\"site_admin\">%s</label></div>",
		    _(c, "Operator of this Varde (site administrator)"));
	html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>\n",
		    _(c, "Create user"));
	for (int i = 0; i < 100; i++) {
		free(ids[i]);
		free(names[i]);
	}
	layout_end(c);
}

/* GET /admin/users */
void page_admin_users(struct ctx *c)
{
	admin_users_render(c, NULL, NULL);
}

/* POST /admin/users — create the user, optionally in an organisation, and
 * show the one-time set-password link. */
void page_admin_user_create(struct ctx *c)
{
	const struct kvlist *f = &c->req->form;
	struct form_errors fe = {0};
	long long uid = 0, org = 0;
	const char *orgs = kv_get(f, "org"), *role = kv_get(f, "role");
	if (orgs && *orgs) {
		struct org o = {0};
		if (!text_parse_ll(orgs, &org) || store_org_by_id(c->db, org, &o) != STORE_OK)
			form_error(&fe, "org", _(c, "Choose an organisation from the list."));
		org_free(&o);
		if (!role || (strcmp(role, "member") && strcmp(role, "admin")))
			form_error(&fe, "role", _(c, acct_err_text(ACCT_ROLE_INVALID)));
	}
	char token[44] = "";
	if (!fe.n) {
		enum acct_err e = accounts_create_user(c->db, kv_get(f, "email"), kv_get(f, "name"),
						       kv_get(f, "site_admin") != NULL, &uid);
		if (e == ACCT_OK && org && store_membership_set(c->db, uid, org, role) != STORE_OK)
			e = ACCT_DB_ERROR;
		if (e == ACCT_OK)
			e = accounts_issue_setpw(c->db, uid, 7, token);
		if (e == ACCT_OK && store_audit(c->db, c->user_id, "user-create", "user", kv_get(f, "email")) != STORE_OK)
			e = ACCT_DB_ERROR;
		if (e != ACCT_OK)
			form_error(&fe, acct_err_field(e), _(c, acct_err_text(e)));
	}
	if (fe.n) {
		c->resp->status = 400;
		admin_users_render(c, &fe, NULL);
		return;
	}
	kv_free(&c->req->form); /* the new-user form starts empty again */
	admin_users_render(c, NULL, token);
}

/* POST /admin/users/:id/reset — a new one-time link (the old password stays
 * valid until the link is used). */
void page_admin_user_reset(struct ctx *c)
{
	struct user u = {0};
	char token[44];
	if (store_user_by_id(c->db, c->req->params[0], &u) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return;
	}
	user_free(&u);
	if (accounts_issue_setpw(c->db, c->req->params[0], 7, token) != ACCT_OK ||
	    store_audit(c->db, c->user_id, "user-reset-link", "user", NULL) != STORE_OK) {
		c->failed = true;
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		return;
	}
	admin_users_render(c, NULL, token);
}
