/* page_portfolio.c — the organisation's portfolio of projects, a project's
 * status (red/amber/green with a comment), its life cycle (close, archive,
 * reopen, delete with 30 days to regret) and guests from outside. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/accounts.h"
#include "../app/authz.h"
#include "../app/layout.h"
#include "../core/html.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "../method/registry.h"
#include "../project/project.h"
#include "pages.h"

enum { DELETE_GRACE_DAYS = 30 };

static const char *const stored_words[] __attribute__((unused)) = {
	N_("green"), N_("amber"), N_("red"), N_("closed"), N_("archived"), N_("commented-on"), N_("status-set"),
	N_("project-closed"), N_("project-archived"), N_("project-reopened"), N_("guest-invited"),
};

static void redirect_project(struct ctx *c, long long id)
{
	char loc[64];
	snprintf(loc, sizeof loc, "/projects/%lld", id);
	resp_redirect(c->resp, loc);
}

/* POST /projects/:id/status — red, amber or green with a comment. */
void page_project_rag(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_MANAGE, &pc) != 0)
		return;
	const char *rag = kv_get(&c->req->form, "rag");
	char *comment = text_trim_dup(kv_get(&c->req->form, "rag_comment") ? kv_get(&c->req->form, "rag_comment") : "");
	if (!rag || (strcmp(rag, "green") && strcmp(rag, "amber") && strcmp(rag, "red")))
		page_error(c, 400, _(c, "Choose green, amber or red."));
	else if (utf8_length(comment) > 2000)
		page_error(c, 400, _(c, "The text is too long."));
	else if (store_project_set_rag(c->db, pc.p.id, rag, comment) != STORE_OK ||
		 store_activity_add(c->db, pc.p.id, c->user_id, "status-set", rag) != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else
		redirect_project(c, pc.p.id);
	free(comment);
	project_ctx_free(&pc);
}

/* POST /projects/:id/lifecycle — action=close|archive|reopen|delete. */
void page_project_lifecycle(struct ctx *c)
{
	const char *action = kv_get(&c->req->form, "action");
	bool del = action && strcmp(action, "delete") == 0;
	struct project_ctx pc;
	if (project_load(c, del ? AZ_PROJECT_DELETE : AZ_PROJECT_MANAGE, &pc) != 0)
		return;
	int rc = STORE_ERROR;
	if (del) {
		rc = store_project_delete(c->db, pc.p.id);
		if (rc == STORE_OK)
			rc = store_audit(c->db, c->user_id, "project-delete", "project", pc.p.title);
	} else if (action && (!strcmp(action, "close") || !strcmp(action, "archive") || !strcmp(action, "reopen"))) {
		const char *status = !strcmp(action, "close") ? "closed" : !strcmp(action, "archive") ? "archived" : "active";
		rc = store_project_set_status(c->db, pc.p.id, status);
		if (rc == STORE_OK)
			rc = store_activity_add(c->db, pc.p.id, c->user_id,
						!strcmp(action, "close")     ? "project-closed"
						: !strcmp(action, "archive") ? "project-archived"
									     : "project-reopened",
						NULL);
	} else {
		page_error(c, 400, _(c, "Unknown action."));
		project_ctx_free(&pc);
		return;
	}
	if (rc != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else if (del) {
		char loc[64];
		snprintf(loc, sizeof loc, "/orgs/%lld/deleted", pc.p.org_id);
		resp_redirect(c->resp, loc);
	} else {
		redirect_project(c, pc.p.id);
	}
	project_ctx_free(&pc);
}

/* POST /projects/:id/invite — a partner from outside the organisation joins
 * this one project as a guest; a new person gets a one-time link. */
void page_project_invite(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_MANAGE, &pc) != 0)
		return;
	const char *role = kv_get(&c->req->form, "invite-role");
	char *email = text_trim_dup(kv_get(&c->req->form, "invite-email") ? kv_get(&c->req->form, "invite-email") : "");
	text_ascii_lower(email);
	struct user u = {0};
	long long uid = 0;
	char token[44] = "";
	enum acct_err e = ACCT_OK;
	if (project_role_parse(role) == PR_NONE || project_role_parse(role) >= PR_LEADER)
		e = ACCT_ROLE_INVALID; /* guests are members, drivers or observers, never leaders */
	else if (store_user_by_email(c->db, email, &u) == STORE_OK)
		uid = u.id;
	else if ((e = accounts_create_user(c->db, email, kv_get(&c->req->form, "invite-name"), false, &uid)) == ACCT_OK)
		e = accounts_issue_setpw(c->db, uid, 7, token);
	user_free(&u);
	bool in_org = false;
	if (e == ACCT_OK) {
		struct db_stmt *s = store_memberships_of_user(c->db, uid);
		while (db_step(s) == DB_ROW)
			in_org |= db_col_int(s, 0) == pc.p.org_id;
		db_reset(s);
		if (store_project_member_set(c->db, pc.p.id, uid, role, !in_org) != STORE_OK ||
		    store_activity_add(c->db, pc.p.id, c->user_id, "guest-invited", email) != STORE_OK)
			e = ACCT_DB_ERROR;
	}
	if (e != ACCT_OK) {
		page_error(c, 400, _(c, acct_err_text(e)));
	} else if (*token) {
		struct buf *b = &c->resp->body;
		layout_begin(c, _(c, "Invite a partner"));
		html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>", _(c, "Invite a partner"));
		page_show_setpw_link(c, token);
		html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a></p>", pc.p.id,
			    _(c, "Back to the project"));
		layout_end(c);
	} else {
		redirect_project(c, pc.p.id);
	}
	free(email);
	project_ctx_free(&pc);
}

struct row {
	struct project p;
	long long team, last;
	char *role;
	int progress;
	const struct methodology *m;
};

/* qsort_r comparator; arg points to the sort key (0 title, 1 progress, 2 activity). */
static int row_cmp(const void *a, const void *b, void *arg)
{
	const struct row *x = a, *y = b;
	int sort_key = *(const int *)arg;
	if (sort_key == 1)
		return y->progress - x->progress;
	if (sort_key == 2)
		return (y->last > x->last) - (y->last < x->last);
	return strcmp(x->p.title, y->p.title);
}

/* GET /orgs/:id/portfolio?status=&area=&sort=title|progress|activity */
void page_org_portfolio(struct ctx *c)
{
	struct authz_object obj = {.org_id = c->req->params[0]};
	if (authz_check(c, AZ_ORG_VIEW, &obj) != AZ_ALLOW || !ctx_membership(c, obj.org_id)) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return;
	}
	registry_refresh(c->app->methods, c->db);
	struct progress_set ps;
	progress_set_load(&ps, c->db, store_org_entries(c->db, obj.org_id), store_org_steps(c->db, obj.org_id));
	const char *fstatus = kv_get(&c->req->query, "status"), *farea = kv_get(&c->req->query, "area");
	const char *sort = kv_get(&c->req->query, "sort");
	struct row *rows = NULL;
	int n = 0;
	struct db_stmt *s = store_portfolio(c->db, obj.org_id, c->user_id);
	while (db_step(s) == DB_ROW) {
		struct row r = {0};
		project_read(s, &r.p);
		r.team = db_col_int(s, 16);
		r.last = db_col_int(s, 17);
		r.role = db_col_dup(s, 18);
		struct authz_object facts = {.org_id = r.p.org_id, .project_role = project_role_parse(r.role),
					     .team_only = strcmp(r.p.visibility, "team") == 0};
		bool skip = authz_check(c, AZ_PROJECT_VIEW, &facts) != AZ_ALLOW ||
			    (fstatus && *fstatus && strcmp(fstatus, r.p.status)) || (farea && *farea && strcmp(farea, r.p.service_area));
		if (skip) {
			project_free(&r.p);
			free(r.role);
			continue;
		}
		r.m = registry_version(c->app->methods, r.p.methodology_version_id);
		r.progress = progress_set_phase(&ps, r.p.id, r.m, r.p.current_phase);
		rows = xrealloc(rows, sizeof *rows * (size_t)(n + 1));
		rows[n++] = r;
	}
	db_reset(s);
	int sort_key = sort && !strcmp(sort, "progress") ? 1 : sort && !strcmp(sort, "activity") ? 2 : 0;
	if (n > 1)
		qsort_r(rows, (size_t)n, sizeof *rows, row_cmp, &sort_key);

	struct buf *b = &c->resp->body;
	const struct membership *mem = ctx_membership(c, obj.org_id);
	layout_begin(c, _(c, "Portfolio"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s – %s</h1>\n", _(c, "Portfolio"), mem->org_name);
	html_printf(b, "<form method=\"get\" action=\"/orgs/%lld/portfolio\" class=\"varde-filters varde-inline\">", obj.org_id);
	const struct ui_option st[] = {{"", _(c, "All")}, {"active", _(c, "active")}, {"paused", _(c, "paused")},
				       {"stopped", _(c, "stopped")}, {"closed", _(c, "closed")}, {"archived", _(c, "archived")}};
	ui_select(c, "status", _(c, "Status"), st, 6, fstatus, NULL);
	const struct ui_option ar[] = {{"", _(c, "All")}, {"health", _(c, "Health and care")},
				       {"schools", _(c, "Schools and kindergartens")}, {"technical", _(c, "Technical services")},
				       {"culture", _(c, "Culture")}, {"social", _(c, "Social services")}, {"planning", _(c, "Planning")},
				       {"other", _(c, "Other")}};
	ui_select(c, "area", _(c, "Service area"), ar, 8, farea, NULL);
	const struct ui_option so[] = {{"title", _(c, "Title")}, {"progress", _(c, "Progress")}, {"activity", _(c, "Last activity")}};
	ui_select(c, "sort", _(c, "Sort by"), so, 3, sort, NULL);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>\n", _(c, "Show"));
	html_printf(b, "<table class=\"ds-table\"><caption>%s: %d</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th></tr></thead><tbody>",
		    _(c, "Projects"), n, _(c, "Project"), _(c, "Methodology"), _(c, "Phase"), _(c, "Progress in the phase"),
		    _(c, "Status"), _(c, "Last activity"), _(c, "Team"));
	for (int i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		const char *L = r->m && method_has_lang(r->m, c->lang) ? c->lang : r->m ? r->m->langs[0] : c->lang;
		const struct m_phase *ph = r->m ? method_phase(r->m, r->p.current_phase) : NULL;
		char when[32];
		time_t t = (time_t)r->last;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d", &tm);
		html_printf(b, "<tr><td><a class=\"ds-link\" href=\"/projects/%lld\">%s</a></td><td>%s</td><td>%s</td><td>%d %%</td>"
			       "<td><span class=\"varde-rag varde-rag-%s\">%s</span> %s%s%s</td><td>%s</td><td>%lld</td></tr>",
			    r->p.id, r->p.title, r->m ? tr_text(r->m, &r->m->name, L) : "", ph ? tr_text(r->m, &ph->name, L) : "",
			    r->progress, r->p.rag, _(c, r->p.rag), _(c, r->p.status), r->p.rag_comment && *r->p.rag_comment ? " – " : "",
			    r->p.rag_comment ? r->p.rag_comment : "", when, r->team);
	}
	html_printf(b, "</tbody></table>\n");
	if (strcmp(mem->role, "admin") == 0)
		html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/orgs/%lld/deleted\">%s</a></p>", obj.org_id,
			    _(c, "Deleted projects"));
	layout_end(c);
	for (int i = 0; i < n; i++) {
		project_free(&rows[i].p);
		free(rows[i].role);
	}
	free(rows);
	progress_set_free(&ps);
}

/* GET /orgs/:id/deleted — deleted projects can be restored for 30 days;
 * older ones are purged here. */
void page_org_deleted(struct ctx *c)
{
	struct authz_object obj = {.org_id = c->req->params[0]};
	enum authz_result r = authz_check(c, AZ_ORG_MANAGE, &obj);
	if (r != AZ_ALLOW || !ctx_membership(c, obj.org_id)) {
		page_error(c, r == AZ_DENY ? 403 : 404,
			   r == AZ_DENY ? _(c, "Only the organisation's administrators can do this.")
					: _(c, "There is no page at this address."));
		return;
	}
	store_projects_purge(c->db, (long long)time(NULL) - DELETE_GRACE_DAYS * 86400LL);
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Deleted projects"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1><p class=\"ds-paragraph\">%s</p><ul>", _(c, "Deleted projects"),
		    _(c, "A deleted project can be restored for 30 days. After that it is removed for good."));
	struct db_stmt *s = store_projects_deleted(c->db, obj.org_id);
	int n = 0;
	while (db_step(s) == DB_ROW) {
		char when[32];
		time_t t = (time_t)db_col_int(s, 2);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d", &tm);
		html_printf(b, "<li>%s (%s %s) <form class=\"varde-inline\" method=\"post\" action=\"/orgs/%lld/deleted/%lld/restore\">",
			    db_col_text(s, 1), _(c, "deleted"), when, obj.org_id, db_col_int(s, 0));
		ui_csrf(c);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form></li>", _(c, "Restore"));
		n++;
	}
	db_reset(s);
	html_printf(b, "</ul>");
	if (!n)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No deleted projects."));
	layout_end(c);
}

/* POST /orgs/:id/deleted/:id/restore */
void page_org_deleted_restore(struct ctx *c)
{
	struct authz_object obj = {.org_id = c->req->params[0]};
	enum authz_result r = authz_check(c, AZ_ORG_MANAGE, &obj);
	if (r != AZ_ALLOW || !ctx_membership(c, obj.org_id)) {
		page_error(c, r == AZ_DENY ? 403 : 404,
			   r == AZ_DENY ? _(c, "Only the organisation's administrators can do this.")
					: _(c, "There is no page at this address."));
		return;
	}
	int rc = store_project_undelete(c->db, c->req->params[1], obj.org_id);
	if (rc == STORE_NOTFOUND) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		return;
	}
	redirect_project(c, c->req->params[1]);
}
