/* page_methods.c — managing methodologies: the operator sees every stored
 * version and uploads a new one as an archive; an organisation's
 * administrators choose which methodologies their organisation offers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/authz.h"
#include "../app/layout.h"
#include "../core/html.h"
#include "../method/registry.h"
#include "../store/store.h"
#include "pages.h"

static void admin_methods_render(struct ctx *c, const char *report, bool ok)
{
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Methodologies"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", _(c, "Methodologies"));
	if (report) {
		html_printf(b, "<div class=\"ds-alert\" data-color=\"%s\" role=\"%s\" id=\"upload-result\"><p class=\"ds-paragraph\">%s</p>",
			    ok ? "success" : "danger", ok ? "status" : "alert",
			    ok ? _(c, "The methodology was checked and stored.") : _(c, "The methodology was not stored:"));
		if (*report)
			html_printf(b, "<pre class=\"varde-report\">%s</pre>", report);
		html_printf(b, "</div>\n");
	}
	html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    _(c, "Every stored version; projects stay on the version they started with"), _(c, "Methodology"),
		    _(c, "Version"), _(c, "Content"), _(c, "Source"), _(c, "Stored"));
	struct db_stmt *s = store_method_version_list(c->db);
	while (db_step(s) == DB_ROW) {
		char when[32];
		time_t t = (time_t)db_col_int(s, 5);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d", &tm);
		html_printf(b, "<tr><td><a class=\"ds-link\" href=\"/guide/%s?v=%lld\">%s</a></td><td>%s</td><td><code>%.12s</code></td>"
			       "<td>%s</td><td>%s</td></tr>",
			    db_col_text(s, 1), db_col_int(s, 0), db_col_text(s, 1), db_col_text(s, 2), db_col_text(s, 3),
			    strcmp(db_col_text(s, 4), "builtin") == 0 ? _(c, "Built in") : _(c, "Imported"), when);
	}
	db_reset(s);
	html_printf(b, "</tbody></table>\n<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "Add or update a methodology"));
	html_printf(b, "<p class=\"ds-paragraph\">%s <a class=\"ds-link\" href=\"/guide\">%s</a></p>",
		    _(c, "Upload the methodology folder as a .zip or .tar.gz archive. It is checked first; a methodology "
			 "with problems is not stored, and you get the list of problems with file and line."),
		    _(c, "The format is described in the documentation."));
	html_printf(b, "<form method=\"post\" action=\"/admin/methodologies\" enctype=\"multipart/form-data\" class=\"varde-form\">");
	ui_csrf(c);
	html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"archive\">%s</label>"
		       "<input class=\"ds-input\" type=\"file\" id=\"archive\" name=\"archive\" accept=\".zip,.tar,.gz,.tgz\" required></div>",
		    _(c, "Archive"));
	html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>\n",
		    _(c, "Check and store"));
	layout_end(c);
}

/* GET /admin/methodologies */
void page_admin_methods(struct ctx *c)
{
	admin_methods_render(c, NULL, false);
}

/* POST /admin/methodologies — an uploaded archive is checked like
 * `varde methodology check` and stored as a new version. */
void page_admin_method_upload(struct ctx *c)
{
	struct m_file *files = NULL;
	char err[512] = "";
	if (!c->req->upload.len) {
		c->resp->status = 400;
		admin_methods_render(c, _(c, "Choose an archive file to upload."), false);
		return;
	}
	int n = method_read_archive(c->req->upload.data, c->req->upload.len, &files, err, sizeof err);
	if (n < 0) {
		c->resp->status = 400;
		admin_methods_render(c, err, false);
		return;
	}
	struct m_diag d = {0};
	long long id = registry_import(c->app->methods, c->db, files, n, &d);
	method_files_free(files, n);
	if (id < 0)
		c->resp->status = 400;
	else
		store_audit(c->db, c->user_id, "methodology-import", "methodology", NULL);
	admin_methods_render(c, buf_str(&d.out), id >= 0);
	buf_free(&d.out);
}

/* POST /orgs/:id/methodologies — the methodologies the organisation offers
 * (checkboxes "m"); none ticked means all are offered. */
void page_org_methods_set(struct ctx *c)
{
	struct authz_object obj = {.org_id = c->req->params[0]};
	enum authz_result r = authz_check(c, AZ_ORG_MANAGE, &obj);
	struct org o = {0};
	if (r == AZ_ALLOW && store_org_by_id(c->db, obj.org_id, &o) != STORE_OK)
		r = AZ_HIDE; /* the operator may manage any organisation, but only one that exists */
	org_free(&o);
	if (r != AZ_ALLOW) {
		page_error(c, r, r == AZ_HIDE ? _(c, "There is no page at this address.")
					      : _(c, "Only the organisation's administrators can do this."));
		return;
	}
	const char *keys[64];
	int n = 0;
	for (size_t i = 0; i < c->req->form.n && n < 64; i++) {
		if (strcmp(c->req->form.items[i].key, "m") != 0)
			continue;
		if (!registry_current(c->app->methods, c->req->form.items[i].val)) {
			page_error(c, 400, _(c, "Choose methodologies from the list."));
			return;
		}
		keys[n++] = c->req->form.items[i].val;
	}
	if (store_org_methods_set(c->db, obj.org_id, keys, n) != STORE_OK) {
		c->failed = true;
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		return;
	}
	char loc[64];
	snprintf(loc, sizeof loc, "/orgs/%lld?done=methods", obj.org_id);
	resp_redirect(c->resp, loc);
}
