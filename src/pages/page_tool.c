/* page_tool.c — one tool of a project's case file: the methodology's guidance
 * beside the form built from the tool's template, the checklist and the
 * reflection questions. Saving creates a revision; if someone else saved
 * since the form was opened, nothing is overwritten: both versions are shown
 * side by side and the user chooses per field. History and restore. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/layout.h"
#include "../core/html.h"
#include "../core/parse.h"
#include "../core/pii.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "../project/entry.h"
#include "../project/project.h"
#include "form_fields.h"
#include "pages.h"

#define MD(t) html_raw(b, tr_html(m, (t), L)) /* raw-ok: cmark safe mode output */

struct tool_page {
	struct buf pii;            /* personal-data findings to confirm (HTML list items), empty if none */
	struct project_ctx pc;
	const struct m_tool *t;
	const char *L;
	long long team[200];
	char *team_names[200];
	int nteam;
	struct item_index items;   /* register items, for link fields */
	struct field_env env;
};

static void tool_page_free(struct tool_page *tp)
{
	buf_free(&tp->pii);
	for (int i = 0; i < tp->nteam; i++)
		free(tp->team_names[i]);
	item_index_free(&tp->items);
	project_ctx_free(&tp->pc);
}

/* Load project + tool + team, checking the action. -1 with the response set. */
static int tool_load(struct ctx *c, enum authz_action action, struct tool_page *tp)
{
	memset(tp, 0, sizeof *tp);
	if (project_load(c, action, &tp->pc) != 0)
		return -1;
	tp->t = method_tool(tp->pc.m, c->req->params_s[1]);
	if (!tp->t) {
		page_error(c, 404, _(c, "There is no page at this address."));
		tool_page_free(tp);
		return -1;
	}
	tp->L = method_has_lang(tp->pc.m, c->lang) ? c->lang : tp->pc.m->langs[0];
	struct db_stmt *s = store_project_members(c->db, tp->pc.p.id);
	while (db_step(s) == DB_ROW && tp->nteam < 200) {
		tp->team[tp->nteam] = db_col_int(s, 0);
		tp->team_names[tp->nteam++] = db_col_dup(s, 1);
	}
	db_reset(s);
	item_index_load(c, tp->pc.p.id, &tp->items, false);
	tp->env = (struct field_env){.m = tp->pc.m, .L = tp->L, .team = tp->team, .team_names = tp->team_names,
				     .nteam = tp->nteam, .items = &tp->items, .project_id = tp->pc.p.id,
				     .personal = authz_check(c, AZ_PROJECT_PERSONAL, &tp->pc.facts) == AZ_ALLOW};
	return 0;
}

static void tool_render(struct ctx *c, struct tool_page *tp, const struct kvlist *v, long long rev, bool nr,
			const char *reason, const struct entry_errors *errs)
{
	struct buf *b = &c->resp->body;
	const struct methodology *m = tp->pc.m;
	const struct m_tool *t = tp->t;
	const char *L = tp->L;
	bool edit = authz_check(c, AZ_PROJECT_EDIT, &tp->pc.facts) == AZ_ALLOW;
	layout_begin(c, tr_text(m, &t->name, L));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a> · "
		       "<a class=\"ds-link\" href=\"/projects/%lld/tools/%s/history\">%s</a></p>",
		    tp->pc.p.id, tp->pc.p.title, tp->pc.p.id, t->key, _(c, "History"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", tr_text(m, &t->name, L));
	const char *done = kv_get(&c->req->query, "saved");
	if (done)
		ui_alert(c, "success", _(c, "Saved."));
	form_error_summary(c, &tp->env, errs);
	html_printf(b, "<div class=\"varde-tool-layout\"><aside class=\"varde-guidance\" aria-label=\"%s\">", _(c, "Guidance"));
	MD(&t->purpose);
	html_printf(b, "<details><summary>%s</summary>", _(c, "How to do it"));
	MD(&t->guidance);
	html_printf(b, "</details>");
	if (t->ntips) {
		html_printf(b, "<h2 class=\"ds-heading\" data-size=\"xs\">%s</h2><ul>", _(c, "Tips and advice"));
		for (int i = 0; i < t->ntips; i++) {
			html_printf(b, "<li>");
			MD(&t->tips[i]);
			html_printf(b, "</li>");
		}
		html_printf(b, "</ul>");
	}
	html_printf(b, "</aside><div class=\"varde-tool-form\">");
	html_printf(b, "<form method=\"post\" action=\"/projects/%lld/tools/%s\" novalidate>", tp->pc.p.id, t->key);
	ui_csrf(c);
	html_printf(b, "<input type=\"hidden\" name=\"rev\" value=\"%lld\">", rev);
	pii_warning_render(c, &tp->pii);
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"sm\">%s</h2>", _(c, "Template"));
	for (int i = 0; i < t->nfields; i++)
		field_render(c, &tp->env, &t->fields[i], v, errs, !edit);
	html_printf(b, "<fieldset class=\"ds-fieldset\"><legend class=\"ds-heading\" data-size=\"sm\">%s</legend>", _(c, "Checklist"));
	for (int i = 0; i < t->nchecklist; i++) {
		char name[160];
		snprintf(name, sizeof name, "c-%s", t->checklist[i].key);
		html_printf(b, "<div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\" id=\"%s\" name=\"%s\" value=\"1\"%s%s>"
			       "<label class=\"ds-label\" for=\"%s\">%s</label></div>",
			    name, name, kv_get(v, name) ? " checked" : "", edit ? "" : " disabled", name,
			    tr_text(m, &t->checklist[i].text, L));
	}
	html_printf(b, "</fieldset><h2 class=\"ds-heading\" data-size=\"sm\">%s</h2>", _(c, "Questions to reflect on"));
	for (int i = 0; i < t->nquestions; i++) {
		char name[160];
		snprintf(name, sizeof name, "q-%s", t->questions[i].key);
		html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"%s\">%s</label>"
			       "<textarea class=\"ds-input\" id=\"%s\" name=\"%s\" rows=\"3\"%s>%s</textarea></div>",
			    name, tr_text(m, &t->questions[i].text, L), name, name, edit ? "" : " disabled",
			    kv_get(v, name) ? kv_get(v, name) : "");
	}
	html_printf(b, "<fieldset class=\"ds-fieldset\"><legend class=\"ds-label\">%s</legend>"
		       "<div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\" id=\"nr\" name=\"nr\" value=\"1\"%s%s>"
		       "<label class=\"ds-label\" for=\"nr\">%s</label></div>",
		    _(c, "Not relevant?"), nr ? " checked" : "", edit ? "" : " disabled", _(c, "This tool is not relevant for us"));
	ui_textarea(c, "nr_reason", _(c, "Because …"), reason, NULL, 2,
		    error_for(errs, "nr_reason") ? _(c, "Say why the tool is not relevant.") : NULL, !edit);
	html_printf(b, "</fieldset>");
	if (edit)
		html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button>", _(c, "Save"));
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "You can read this tool; your role does not allow changes."));
	html_printf(b, "</form></div></div>\n");
	comments_render(c, &tp->pc, t->key);
	layout_end(c);
}

/* GET /projects/:id/tools/:key */
void page_tool_view(struct ctx *c)
{
	struct tool_page tp;
	if (tool_load(c, AZ_PROJECT_VIEW, &tp) != 0)
		return;
	char *data = NULL, *reason = NULL;
	long long rev = 0;
	bool nr = false;
	store_entry_get(c->db, tp.pc.p.id, tp.t->key, &data, &rev, &nr, &reason);
	json_t *e = data ? json_loads(data, 0, NULL) : NULL;
	struct kvlist v = {0};
	if (e)
		entry_to_form(tp.t, e, &v);
	tool_render(c, &tp, &v, rev, nr, reason, NULL);
	kv_free(&v);
	json_decref(e);
	free(data);
	free(reason);
	tool_page_free(&tp);
}

/* Look for personal data in every free-text value of an entry (fields, table
 * cells, answers) and the not-relevant reason. Findings go to tp->pii. */
static int tool_pii_scan(struct ctx *c, struct tool_page *tp, const json_t *e, const char *reason)
{
	const struct m_tool *t = tp->t;
	int n = fields_pii_scan(c, &tp->env, t, e, &tp->pii, NULL);
	for (int i = 0; i < t->nquestions; i++)
		if (entry_answer(e, t->questions[i].key))
			n += pii_note(c, &tp->pii, entry_answer(e, t->questions[i].key), tr_text(tp->pc.m, &t->questions[i].text, tp->L),
				      NULL);
	if (reason && *reason)
		n += pii_note(c, &tp->pii, reason, _(c, "Because …"), NULL);
	return n;
}

/* The label of a diff key "f:KEY", "c:KEY" or "q:KEY". */
static const char *diff_label(const struct tool_page *tp, const char *k)
{
	const struct m_tool *t = tp->t;
	const char *key = k + 2;
	for (int i = 0; k[0] == 'f' && i < t->nfields; i++)
		if (!strcmp(t->fields[i].key, key))
			return tr_text(tp->pc.m, &t->fields[i].label, tp->L);
	for (int i = 0; k[0] == 'c' && i < t->nchecklist; i++)
		if (!strcmp(t->checklist[i].key, key))
			return tr_text(tp->pc.m, &t->checklist[i].text, tp->L);
	for (int i = 0; k[0] == 'q' && i < t->nquestions; i++)
		if (!strcmp(t->questions[i].key, key))
			return tr_text(tp->pc.m, &t->questions[i].text, tp->L);
	return key;
}

/* A diff key's value in an entry, as display text (malloc'd). */
static char *diff_value(struct ctx *c, const struct tool_page *tp, const json_t *e, const char *k)
{
	const char *key = k + 2;
	if (k[0] == 'c')
		return xstrdup(entry_checked(e, key) ? _(c, "ticked") : _(c, "not ticked"));
	if (k[0] == 'q')
		return xstrdup(entry_answer(e, key) ? entry_answer(e, key) : "");
	for (int i = 0; i < tp->t->nfields; i++)
		if (!strcmp(tp->t->fields[i].key, key))
			return entry_display(tp->pc.m, &tp->t->fields[i], entry_field(e, key), tp->L);
	return xstrdup("");
}

/* Someone saved since the form was opened: show both, choose per field. */
static void tool_conflict(struct ctx *c, struct tool_page *tp, const json_t *theirs, const json_t *mine, long long rev)
{
	struct buf *b = &c->resp->body;
	json_t *diff = entry_diff(tp->t, theirs, mine);
	char *mine_s = json_dumps(mine, JSON_COMPACT | JSON_SORT_KEYS);
	c->resp->status = 409;
	layout_begin(c, _(c, "Someone else saved first"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>", _(c, "Someone else saved first"));
	html_printf(b, "<p class=\"ds-paragraph\">%s</p>",
		    _(c, "While you worked, someone else saved this tool. Nothing has been overwritten. Choose, for each "
			 "field that differs, which version to keep."));
	html_printf(b, "<form method=\"post\" action=\"/projects/%lld/tools/%s\">", tp->pc.p.id, tp->t->key);
	ui_csrf(c);
	html_printf(b, "<input type=\"hidden\" name=\"rev\" value=\"%lld\"><input type=\"hidden\" name=\"resolve\" value=\"1\">"
		       "<input type=\"hidden\" name=\"mine\" value=\"%s\">",
		    rev, mine_s);
	html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th></tr></thead><tbody>",
		    _(c, "Fields that differ"), _(c, "Field"), _(c, "Their version (saved)"), _(c, "Your version"));
	for (size_t i = 0; i < json_array_size(diff); i++) {
		const char *k = json_string_value(json_array_get(diff, i));
		char *tv = diff_value(c, tp, theirs, k), *mv = diff_value(c, tp, mine, k);
		html_printf(b, "<tr><th scope=\"row\">%s</th><td><input type=\"radio\" id=\"p%zu-t\" name=\"pick-%s\" value=\"theirs\">"
			       "<label for=\"p%zu-t\">%s</label></td>"
			       "<td><input type=\"radio\" id=\"p%zu-m\" name=\"pick-%s\" value=\"mine\" checked>"
			       "<label for=\"p%zu-m\">%s</label></td></tr>",
			    diff_label(tp, k), i, k, i, *tv ? tv : _(c, "(empty)"), i, k, i, *mv ? mv : _(c, "(empty)"));
		free(tv);
		free(mv);
	}
	html_printf(b, "</tbody></table><button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>",
		    _(c, "Save my choices"));
	layout_end(c);
	free(mine_s);
	json_decref(diff);
}

/* Merge per the user's picks: start from theirs, take mine where picked. */
static json_t *tool_merge(const struct tool_page *tp, const struct kvlist *form, const json_t *theirs, const json_t *mine)
{
	json_t *out = json_deep_copy(theirs);
	json_t *diff = entry_diff(tp->t, theirs, mine);
	static const char *const parts[] = {"fields", "checklist", "answers"};
	for (size_t i = 0; i < json_array_size(diff); i++) {
		const char *k = json_string_value(json_array_get(diff, i));
		char name[200];
		snprintf(name, sizeof name, "pick-%s", k);
		const char *pick = kv_get(form, name);
		if (pick && strcmp(pick, "theirs") == 0)
			continue;
		const char *part = parts[k[0] == 'f' ? 0 : k[0] == 'c' ? 1 : 2];
		json_t *dst = json_object_get(out, part);
		const json_t *v = json_object_get(json_object_get(mine, part), k + 2);
		if (v)
			json_object_set(dst, k + 2, (json_t *)v);
		else
			json_object_del(dst, k + 2);
	}
	json_decref(diff);
	return out;
}

/* POST /projects/:id/tools/:key */
void page_tool_save(struct ctx *c)
{
	struct tool_page tp;
	if (tool_load(c, AZ_PROJECT_EDIT, &tp) != 0)
		return;
	const struct kvlist *form = &c->req->form;
	struct entry_errors errs = {0};
	json_t *mine = NULL;
	if (kv_get(form, "resolve")) {
		/* Re-read the hidden copy through the form reader: it is user input too. */
		json_t *raw = json_loads(kv_get(form, "mine") ? kv_get(form, "mine") : "", 0, NULL);
		struct kvlist as_form = {0};
		if (raw && json_is_object(raw))
			entry_to_form(tp.t, raw, &as_form);
		mine = entry_from_form(tp.t, &as_form, tp.team, tp.nteam, &errs);
		kv_free(&as_form);
		json_decref(raw);
	} else {
		mine = entry_from_form(tp.t, form, tp.team, tp.nteam, &errs);
	}
	{
		/* Links to items deleted for retention may stay, not be made anew. */
		char *pd = NULL, *pr = NULL;
		long long prev_rev = 0;
		bool prev_nr = false;
		store_entry_get(c->db, tp.pc.p.id, tp.t->key, &pd, &prev_rev, &prev_nr, &pr);
		json_t *prev = pd ? json_loads(pd, 0, NULL) : NULL;
		tp.env.previous = prev;
		links_check(&tp.env, tp.t, mine, &errs);
		tp.env.previous = NULL;
		json_decref(prev);
		free(pd);
		free(pr);
	}
	bool nr = kv_get(form, "nr") != NULL;
	char *reason = text_trim_dup(kv_get(form, "nr_reason") ? kv_get(form, "nr_reason") : "");
	if (nr && !*reason && errs.n < ENTRY_MAX_ERRORS) {
		snprintf(errs.e[errs.n].name, sizeof errs.e[0].name, "nr_reason");
		errs.e[errs.n].field = NULL;
		errs.e[errs.n++].err = EE_TOO_LONG;
	}
	long long rev = 0;
	text_parse_ll(kv_get(form, "rev"), &rev);
	if (!errs.n && !kv_get(form, "pii_ok") && !kv_get(form, "resolve") && tool_pii_scan(c, &tp, mine, nr ? reason : NULL)) {
		c->resp->status = 400;
		c->failed = true;
		tool_render(c, &tp, form, rev, nr, reason, NULL);
		goto out;
	}
	if (errs.n) {
		c->resp->status = 400;
		c->failed = true;
		tool_render(c, &tp, form, rev, nr, reason, &errs);
		goto out;
	}
	char *cur_data = NULL, *cur_reason = NULL;
	long long cur_rev = 0;
	bool cur_nr = false;
	store_entry_get(c->db, tp.pc.p.id, tp.t->key, &cur_data, &cur_rev, &cur_nr, &cur_reason);
	json_t *theirs = cur_data ? json_loads(cur_data, 0, NULL) : entry_new();
	if (!theirs)
		theirs = entry_new();
	free(cur_data);
	free(cur_reason);
	if (cur_rev != rev) {
		json_t *d = entry_diff(tp.t, theirs, mine);
		bool differs = json_array_size(d) > 0;
		json_decref(d);
		if (differs && !kv_get(form, "resolve")) {
			c->failed = true;
			tool_conflict(c, &tp, theirs, mine, cur_rev);
			json_decref(theirs);
			goto out;
		}
		if (differs && kv_get(form, "resolve") && rev != cur_rev) {
			/* They saved again while we chose: ask again against the newest. */
			c->failed = true;
			tool_conflict(c, &tp, theirs, mine, cur_rev);
			json_decref(theirs);
			goto out;
		}
	}
	json_t *final = kv_get(form, "resolve") ? tool_merge(&tp, form, theirs, mine) : json_incref(mine);
	json_t *changed = entry_diff(tp.t, theirs, final);
	if (nr != cur_nr)
		json_array_append_new(changed, json_string("n:not-relevant"));
	char *data_s = json_dumps(final, JSON_COMPACT | JSON_SORT_KEYS), *changed_s = json_dumps(changed, JSON_COMPACT);
	if (store_entry_save(c->db, tp.pc.p.id, tp.t->key, data_s, cur_rev + 1, nr, nr ? reason : NULL, changed_s, c->user_id) !=
		    STORE_OK ||
	    project_entry_score_store(c->db, tp.pc.p.id, tp.t, final) != STORE_OK ||
	    store_project_touch(c->db, tp.pc.p.id) != STORE_OK ||
	    store_activity_add(c->db, tp.pc.p.id, c->user_id, "tool-saved", tp.t->key) != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else {
		char loc[200];
		snprintf(loc, sizeof loc, "/projects/%lld/tools/%s?saved=1", tp.pc.p.id, tp.t->key);
		resp_redirect(c->resp, loc);
	}
	free(data_s);
	free(changed_s);
	json_decref(changed);
	json_decref(final);
	json_decref(theirs);
out:
	json_decref(mine);
	free(reason);
	tool_page_free(&tp);
}

/* GET /projects/:id/tools/:key/history — every revision with what changed. */
void page_tool_history(struct ctx *c)
{
	struct tool_page tp;
	if (tool_load(c, AZ_PROJECT_VIEW, &tp) != 0)
		return;
	struct buf *b = &c->resp->body;
	const struct methodology *m = tp.pc.m;
	bool edit = authz_check(c, AZ_PROJECT_EDIT, &tp.pc.facts) == AZ_ALLOW;
	layout_begin(c, _(c, "History"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld/tools/%s\">%s</a></p>",
		    tp.pc.p.id, tp.t->key, tr_text(m, &tp.t->name, tp.L));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s: %s</h1><ol class=\"varde-history\" reversed>", _(c, "History"),
		    tr_text(m, &tp.t->name, tp.L));
	struct db_stmt *s = store_revisions(c->db, tp.pc.p.id, tp.t->key);
	/* Rows come newest first; each is compared with the next (older) one. */
	struct rev {
		long long n, at;
		char *changed, *who, *data;
	} revs[200];
	int nrev = 0;
	while (db_step(s) == DB_ROW && nrev < 200) {
		revs[nrev] = (struct rev){db_col_int(s, 0), db_col_int(s, 2), db_col_dup(s, 1), db_col_dup(s, 3), db_col_dup(s, 5)};
		nrev++;
	}
	db_reset(s);
	for (int i = 0; i < nrev; i++) {
		char when[32];
		time_t t = (time_t)revs[i].at;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		html_printf(b, "<li><p class=\"ds-paragraph\"><strong>%s %lld</strong> – %s UTC – %s</p>", _(c, "Revision"), revs[i].n,
			    when, revs[i].who ? revs[i].who : "");
		json_t *now = json_loads(revs[i].data ? revs[i].data : "{}", 0, NULL);
		json_t *before = i + 1 < nrev ? json_loads(revs[i + 1].data ? revs[i + 1].data : "{}", 0, NULL) : entry_new();
		json_t *ch = json_loads(revs[i].changed ? revs[i].changed : "[]", 0, NULL);
		html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			       "<th scope=\"col\">%s</th></tr></thead><tbody>",
			    _(c, "What changed"), _(c, "Field"), _(c, "Before"), _(c, "After"));
		for (size_t k = 0; k < json_array_size(ch); k++) {
			const char *key = json_string_value(json_array_get(ch, k));
			if (!key || key[0] == 'n') {
				html_printf(b, "<tr><th scope=\"row\">%s</th><td></td><td></td></tr>", _(c, "Not relevant?"));
				continue;
			}
			char *bv = diff_value(c, &tp, before, key), *av = diff_value(c, &tp, now, key);
			html_printf(b, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td></tr>", diff_label(&tp, key), bv, av);
			free(bv);
			free(av);
		}
		html_printf(b, "</tbody></table>");
		if (edit && i > 0) {
			html_printf(b, "<form method=\"post\" action=\"/projects/%lld/tools/%s/restore/%lld\">", tp.pc.p.id, tp.t->key,
				    revs[i].n);
			ui_csrf(c);
			html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s %lld</button></form>",
				    _(c, "Restore revision"), revs[i].n);
		}
		html_printf(b, "</li>");
		json_decref(now);
		json_decref(before);
		json_decref(ch);
	}
	html_printf(b, "</ol>");
	if (!nrev)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "Nothing has been saved yet."));
	for (int i = 0; i < nrev; i++) {
		free(revs[i].changed);
		free(revs[i].who);
		free(revs[i].data);
	}
	layout_end(c);
	tool_page_free(&tp);
}

/* POST /projects/:id/tools/:key/restore/:rev — a new revision with old content. */
void page_tool_restore(struct ctx *c)
{
	struct tool_page tp;
	if (tool_load(c, AZ_PROJECT_EDIT, &tp) != 0)
		return;
	char *old = NULL, *old_reason = NULL, *cur = NULL, *cur_reason = NULL;
	bool old_nr = false, cur_nr = false;
	long long cur_rev = 0;
	if (store_revision_get(c->db, tp.pc.p.id, tp.t->key, c->req->params[2], &old, &old_nr, &old_reason) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
	} else {
		store_entry_get(c->db, tp.pc.p.id, tp.t->key, &cur, &cur_rev, &cur_nr, &cur_reason);
		json_t *a = json_loads(cur ? cur : "{}", 0, NULL), *bb = json_loads(old, 0, NULL);
		json_t *changed = entry_diff(tp.t, a, bb);
		char *changed_s = json_dumps(changed, JSON_COMPACT);
		if (store_entry_save(c->db, tp.pc.p.id, tp.t->key, old, cur_rev + 1, old_nr, old_reason, changed_s, c->user_id) != STORE_OK ||
		    (bb && project_entry_score_store(c->db, tp.pc.p.id, tp.t, bb) != STORE_OK) ||
		    store_activity_add(c->db, tp.pc.p.id, c->user_id, "tool-restored", tp.t->key) != STORE_OK) {
			page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		} else {
			char loc[200];
			snprintf(loc, sizeof loc, "/projects/%lld/tools/%s?saved=1", tp.pc.p.id, tp.t->key);
			resp_redirect(c->resp, loc);
		}
		free(changed_s);
		json_decref(changed);
		json_decref(a);
		json_decref(bb);
	}
	free(old);
	free(old_reason);
	free(cur);
	free(cur_reason);
	tool_page_free(&tp);
}
