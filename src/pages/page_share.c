/* page_share.c — a project and its networks: sharing with a network the
 * organisation is a member of (an org admin's decision; stopping takes effect
 * at once), the project's progress on the networks' measures, and the
 * section on the project page that shows both. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/layout.h"
#include "../core/html.h"
#include "../core/text.h"
#include "../project/project.h"
#include "pages.h"

/* The networks section of the project page. */
void project_networks_render(struct ctx *c, const struct project_ctx *pc)
{
	struct buf *b = &c->resp->body;
	bool share = authz_check(c, AZ_PROJECT_SHARE, &pc->facts) == AZ_ALLOW;
	bool edit = authz_check(c, AZ_PROJECT_EDIT, &pc->facts) == AZ_ALLOW;
	struct db_stmt *s = store_project_networks(c->db, pc->p.id, pc->p.org_id);
	int n = 0, shared = 0;
	long long ids[32];
	while (db_step(s) == DB_ROW && n < 32) {
		if (!n)
			html_printf(b, "<section aria-labelledby=\"networks-h\"><h2 class=\"ds-heading\" data-size=\"md\" id=\"networks-h\">%s</h2><ul class=\"varde-link-list\">",
				    _(c, "Networks"));
		bool on = db_col_int(s, 2) != 0;
		ids[n++] = db_col_int(s, 0);
		shared += on;
		html_printf(b, "<li><a class=\"ds-link\" href=\"/networks/%lld\">%s</a>: %s", db_col_int(s, 0), db_col_text(s, 1),
			    on ? _(c, "shared with the network's leaders and coaches") : _(c, "not shared"));
		if (on && !db_col_null(s, 3))
			html_printf(b, " – %s: %s", _(c, "theme"), db_col_text(s, 3));
		if (on && share) {
			html_printf(b, " <form class=\"varde-inline\" method=\"post\" action=\"/projects/%lld/shares/%lld/remove\">", pc->p.id,
				    db_col_int(s, 0));
			ui_csrf(c);
			html_printf(b, "<button class=\"ds-button\" data-variant=\"tertiary\" type=\"submit\">%s</button></form>", _(c, "Stop sharing"));
		}
		html_printf(b, "</li>");
	}
	db_reset(s);
	if (!n)
		return;
	html_printf(b, "</ul>");
	if (share) {
		html_printf(b, "<details><summary>%s</summary><form method=\"post\" action=\"/projects/%lld/shares\" class=\"varde-form\">",
			    _(c, "Share with a network"), pc->p.id);
		ui_csrf(c);
		html_printf(b, "<p class=\"ds-paragraph varde-help\">%s</p><div class=\"ds-field\"><label class=\"ds-label\" for=\"share-network\">%s</label>"
			       "<select class=\"ds-input\" id=\"share-network\" name=\"network\">",
			    _(c, "The network's leaders and coaches can then read the case file, registers and benefits (personal "
				 "data hidden) and comment; they can never change anything."),
			    _(c, "Network"));
		for (int i = 0; i < n; i++) {
			struct network net;
			if (store_network_get(c->db, ids[i], &net) == STORE_OK) {
				html_printf(b, "<option value=\"%lld\">%s</option>", net.id, net.name);
				network_free(&net);
			}
		}
		html_printf(b, "</select></div><div class=\"ds-field\"><label class=\"ds-label\" for=\"share-theme\">%s</label>"
			       "<select class=\"ds-input\" id=\"share-theme\" name=\"theme\"><option value=\"\">%s</option>",
			    _(c, "Theme"), _(c, "(none)"));
		for (int i = 0; i < n; i++) {
			s = store_network_themes(c->db, ids[i]);
			while (db_step(s) == DB_ROW)
				html_printf(b, "<option value=\"%lld\">%s</option>", db_col_int(s, 0), db_col_text(s, 1));
			db_reset(s);
		}
		html_printf(b, "</select></div>");
		ui_textarea(c, "challenge", _(c, "Our challenge within the theme"), NULL, NULL, 2, NULL, false);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form></details>", _(c, "Share"));
	}
	if (shared) {
		html_printf(b, "<ul class=\"varde-inline-list\"><li><a class=\"ds-link\" href=\"/projects/%lld/reports\">%s</a></li>"
			       "<li><a class=\"ds-link\" href=\"/projects/%lld/coaching\">%s</a></li></ul>",
			    pc->p.id, _(c, "Status reports"), pc->p.id, _(c, "Coaching"));
		/* The measures of the networks it is shared with. */
		s = store_project_measures(c->db, pc->p.id);
		int nm = 0;
		while (db_step(s) == DB_ROW) {
			if (!nm++)
				html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
					       "<th scope=\"col\">%s</th></tr></thead><tbody>",
					    _(c, "Network measures"), _(c, "Measure"), _(c, "Network"), _(c, "Progress"));
			html_printf(b, "<tr><th scope=\"row\">%s%s</th><td>%s</td><td>", db_col_text(s, 2),
				    strcmp(db_col_text(s, 1), "joint") ? " *" : "", db_col_text(s, 3));
			if (edit) {
				html_printf(b, "<form class=\"varde-row\" method=\"post\" action=\"/projects/%lld/measures/%lld\">", pc->p.id,
					    db_col_int(s, 0));
				ui_csrf(c);
				html_printf(b, "<label class=\"ds-sr-only\" for=\"pm-%lld\">%s: %s</label>"
					       "<input class=\"ds-input varde-dots\" type=\"number\" min=\"0\" max=\"100\" id=\"pm-%lld\" name=\"progress\" value=\"%lld\"> %%"
					       "<label class=\"ds-sr-only\" for=\"pn-%lld\">%s</label><input class=\"ds-input\" type=\"text\" id=\"pn-%lld\" name=\"note\" value=\"%s\">"
					       "<button class=\"ds-button\" data-variant=\"tertiary\" type=\"submit\">%s</button></form>",
					    db_col_int(s, 0), _(c, "Progress in per cent"), db_col_text(s, 2), db_col_int(s, 0),
					    db_col_null(s, 4) ? 0 : db_col_int(s, 4), db_col_int(s, 0), _(c, "Note"), db_col_int(s, 0),
					    db_col_text(s, 5), _(c, "Save"));
			} else {
				html_printf(b, "%lld %% %s", db_col_null(s, 4) ? 0 : db_col_int(s, 4), db_col_text(s, 5));
			}
			html_printf(b, "</td></tr>");
		}
		db_reset(s);
		if (nm)
			html_printf(b, "</tbody></table><p class=\"ds-paragraph varde-help\">%s</p>",
				    _(c, "* A measure from the network's toolbox: set progress above 0 to adopt it."));
	}
	html_printf(b, "</section>");
}

/* POST /projects/:id/shares — share with a network the organisation belongs to. */
void page_project_share(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_SHARE, &pc) != 0)
		return;
	long long network = 0, theme = 0;
	char role[16];
	text_parse_ll(kv_get(&c->req->form, "network"), &network);
	const char *ts = kv_get(&c->req->form, "theme");
	bool theme_ok = !ts || !*ts;
	if (!theme_ok && text_parse_ll(ts, &theme)) {
		struct db_stmt *s = store_network_themes(c->db, network);
		while (db_step(s) == DB_ROW)
			theme_ok |= db_col_int(s, 0) == theme;
		db_reset(s);
	}
	char *challenge = text_trim_dup(kv_get(&c->req->form, "challenge") ? kv_get(&c->req->form, "challenge") : "");
	if (!network || !store_network_org_role(c->db, network, pc.p.org_id, role))
		page_error(c, 400, _(c, "Choose a network your organisation is a member of."));
	else if (!theme_ok)
		page_error(c, 400, _(c, "Choose one of the network's themes."));
	else if (utf8_length(challenge) > 2000)
		page_error(c, 400, _(c, "The text is too long."));
	else if (store_project_share(c->db, pc.p.id, network, theme, challenge, c->user_id) != STORE_OK ||
		 store_activity_add(c->db, pc.p.id, c->user_id, "shared", NULL) != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else {
		char loc[64];
		snprintf(loc, sizeof loc, "/projects/%lld#networks-h", pc.p.id);
		resp_redirect(c->resp, loc);
	}
	free(challenge);
	project_ctx_free(&pc);
}

/* POST /projects/:id/shares/:id/remove — the network loses access at once. */
void page_project_unshare(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_SHARE, &pc) != 0)
		return;
	if (!store_project_is_shared(c->db, pc.p.id, c->req->params[1]))
		page_error(c, 404, _(c, "There is no page at this address."));
	else if (store_project_unshare(c->db, pc.p.id, c->req->params[1]) != STORE_OK ||
		 store_activity_add(c->db, pc.p.id, c->user_id, "unshared", NULL) != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else {
		char loc[64];
		snprintf(loc, sizeof loc, "/projects/%lld#networks-h", pc.p.id);
		resp_redirect(c->resp, loc);
	}
	project_ctx_free(&pc);
}

/* POST /projects/:id/measures/:id — progress (0–100) and a note. */
void page_project_measure(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_EDIT, &pc) != 0)
		return;
	bool known = false;
	struct db_stmt *s = store_project_measures(c->db, pc.p.id);
	while (db_step(s) == DB_ROW)
		known |= db_col_int(s, 0) == c->req->params[1];
	db_reset(s);
	long long progress = -1;
	char *note = text_trim_dup(kv_get(&c->req->form, "note") ? kv_get(&c->req->form, "note") : "");
	if (!known)
		page_error(c, 404, _(c, "There is no page at this address."));
	else if (!text_parse_ll(kv_get(&c->req->form, "progress"), &progress) || progress < 0 || progress > 100)
		page_error(c, 400, _(c, "Give the progress as a whole number from 0 to 100."));
	else if (utf8_length(note) > 500)
		page_error(c, 400, _(c, "The text is too long."));
	else if (store_project_measure_set(c->db, pc.p.id, c->req->params[1], (int)progress, note, c->user_id) != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else {
		char loc[64];
		snprintf(loc, sizeof loc, "/projects/%lld#networks-h", pc.p.id);
		resp_redirect(c->resp, loc);
	}
	free(note);
	project_ctx_free(&pc);
}
