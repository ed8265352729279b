/* page_comment.c — comments on a project and on each tool page, in Markdown
 * (rendered once when saved, by cmark-gfm in safe mode), with mentions of team
 * members, who then see the comment on their dashboard. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../app/layout.h"
#include "../core/html.h"
#include "../core/markdown.h"
#include "../core/pii.h"
#include "../core/text.h"
#include "../project/project.h"
#include "pages.h"

enum { COMMENT_MAX = 10000 };

void comments_render(struct ctx *c, const struct project_ctx *pc, const char *tool)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<section class=\"varde-comments\" aria-labelledby=\"comments-h\"><h2 class=\"ds-heading\" data-size=\"md\" id=\"comments-h\">%s</h2>",
		    _(c, "Comments"));
	struct db_stmt *s = store_comments(c->db, pc->p.id, tool);
	int n = 0;
	while (db_step(s) == DB_ROW) {
		char when[32];
		time_t t = (time_t)db_col_int(s, 2);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		html_printf(b, "<article class=\"varde-comment\" id=\"comment-%lld\"><p class=\"ds-paragraph varde-meta\">%s · %s UTC</p>",
			    db_col_int(s, 0), db_col_text(s, 3), when);
		html_raw(b, db_col_text(s, 1)); /* raw-ok: rendered by cmark-gfm safe mode when saved */
		html_printf(b, "</article>");
		n++;
	}
	db_reset(s);
	if (!n)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No comments yet."));
	if (authz_check(c, AZ_PROJECT_COMMENT, &pc->facts) == AZ_ALLOW) {
		html_printf(b, "<form method=\"post\" action=\"/projects/%lld/comments\" class=\"varde-form\">", pc->p.id);
		ui_csrf(c);
		if (tool)
			html_printf(b, "<input type=\"hidden\" name=\"tool\" value=\"%s\">", tool);
		ui_textarea(c, "body", _(c, "New comment"), NULL,
			    _(c, "Markdown is allowed. Tick the people who should be told."), 4, NULL, false);
		html_printf(b, "<fieldset class=\"ds-fieldset\"><legend class=\"ds-label\">%s</legend><div class=\"varde-options-row\">",
			    _(c, "Tell"));
		s = store_project_members(c->db, pc->p.id);
		while (db_step(s) == DB_ROW) {
			if (db_col_int(s, 0) == c->user_id)
				continue;
			html_printf(b, "<span class=\"varde-option\"><input class=\"ds-input\" type=\"checkbox\" id=\"mention-%lld\" name=\"mention\" value=\"%lld\">"
				       "<label for=\"mention-%lld\">%s</label></span>",
				    db_col_int(s, 0), db_col_int(s, 0), db_col_int(s, 0), db_col_text(s, 1));
		}
		db_reset(s);
		html_printf(b, "</div></fieldset><button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>",
			    _(c, "Add comment"));
	}
	html_printf(b, "</section>\n");
}

/* The comment looks like it holds personal data: show what was found and
 * the comment again, to edit or to confirm. Nothing is saved. */
static void comment_pii_confirm(struct ctx *c, const struct project_ctx *pc, const char *tool, const char *body)
{
	struct buf *b = &c->resp->body;
	struct pii_match m[8];
	size_t n = pii_scan(body, m, 8);
	c->resp->status = 400;
	c->failed = true;
	layout_begin(c, _(c, "Personal data"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>", _(c, "Personal data"));
	html_printf(b, "<div class=\"ds-alert\" data-color=\"warning\" role=\"alert\"><p class=\"ds-paragraph\">%s</p><ul>",
		    _(c, "This looks like personal data about someone. Notes about citizens should not identify them. "
			 "Remove it, or confirm that it must be here."));
	for (size_t i = 0; i < n && i < 8; i++)
		html_printf(b, "<li>%s</li>", _(c, pii_kind_name(m[i].kind)));
	html_printf(b, "</ul></div><form method=\"post\" action=\"/projects/%lld/comments\" class=\"varde-form\">", pc->p.id);
	ui_csrf(c);
	if (tool)
		html_printf(b, "<input type=\"hidden\" name=\"tool\" value=\"%s\">", tool);
	for (size_t k = 0; k < c->req->form.n; k++)
		if (!strcmp(c->req->form.items[k].key, "mention"))
			html_printf(b, "<input type=\"hidden\" name=\"mention\" value=\"%s\">", c->req->form.items[k].val);
	ui_textarea(c, "body", _(c, "New comment"), body, NULL, 6, NULL, false);
	html_printf(b, "<div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\" id=\"pii_ok\" name=\"pii_ok\" value=\"1\">"
		       "<label class=\"ds-label\" for=\"pii_ok\">%s</label></div>",
		    _(c, "I have checked it: the personal data must be here"));
	html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>", _(c, "Add comment"));
	layout_end(c);
}

/* A comment belongs to the project (no tool), one of its tools, or one of
 * its register items ("item:ID"). */
static bool comment_target_ok(struct ctx *c, const struct project_ctx *pc, const char *tool, long long *item)
{
	*item = 0;
	if (strncmp(tool, "item:", 5) == 0) {
		struct reg_item it;
		if (!text_parse_ll(tool + 5, item) || store_item_get(c->db, pc->p.id, *item, &it) != STORE_OK)
			return false;
		reg_item_free(&it);
		return true;
	}
	return method_tool(pc->m, tool) != NULL;
}

/* POST /projects/:id/comments */
void page_project_comment(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_COMMENT, &pc) != 0)
		return;
	const char *tool = kv_get(&c->req->form, "tool");
	if (tool && !*tool)
		tool = NULL;
	char *body = text_trim_dup(kv_get(&c->req->form, "body") ? kv_get(&c->req->form, "body") : "");
	long long item = 0;
	if (tool && !comment_target_ok(c, &pc, tool, &item)) {
		page_error(c, 404, _(c, "There is no page at this address."));
	} else if (!*body || utf8_length(body) > COMMENT_MAX) {
		page_error(c, 400, _(c, "Write a comment of at most 10,000 characters."));
	} else if (!kv_get(&c->req->form, "pii_ok") && pii_scan(body, NULL, 0) > 0) {
		comment_pii_confirm(c, &pc, tool, body);
	} else {
		char *html = markdown_to_html(body);
		long long cid = 0;
		int rc = store_comment_add(c->db, pc.p.id, tool, c->user_id, body, html, &cid);
		/* Mentions: ticked team members, and "@Full Name" written in the text. */
		struct db_stmt *s = store_project_members(c->db, pc.p.id);
		long long ids[200];
		char *names[200];
		int n = 0;
		while (db_step(s) == DB_ROW && n < 200) {
			ids[n] = db_col_int(s, 0);
			names[n++] = db_col_dup(s, 1);
		}
		db_reset(s);
		for (int i = 0; i < n && rc == STORE_OK; i++) {
			char at[300];
			snprintf(at, sizeof at, "@%s", names[i]);
			bool ticked = false;
			for (size_t k = 0; k < c->req->form.n; k++)
				if (!strcmp(c->req->form.items[k].key, "mention") && atoll(c->req->form.items[k].val) == ids[i])
					ticked = true;
			if ((ticked || strcasestr(body, at)) && ids[i] != c->user_id)
				rc = store_mention_add(c->db, cid, ids[i]);
		}
		for (int i = 0; i < n; i++)
			free(names[i]);
		if (rc == STORE_OK)
			rc = store_activity_add(c->db, pc.p.id, c->user_id, "commented-on", tool);
		free(html);
		if (rc != STORE_OK) {
			page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		} else {
			char loc[200];
			if (item)
				snprintf(loc, sizeof loc, "/projects/%lld/items/%lld#comment-%lld", pc.p.id, item, cid);
			else if (tool)
				snprintf(loc, sizeof loc, "/projects/%lld/tools/%s#comment-%lld", pc.p.id, tool, cid);
			else
				snprintf(loc, sizeof loc, "/projects/%lld#comment-%lld", pc.p.id, cid);
			resp_redirect(c->resp, loc);
		}
	}
	free(body);
	project_ctx_free(&pc);
}
