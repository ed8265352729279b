/* page_item.c — one item of a register: its page (fields, where it came from
 * and what it led to, a journey's grid and feeling curve, an idea's test log,
 * comments), its form, saving with revisions and the personal-data guard,
 * history, and deletion. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/layout.h"
#include "../chart/chart.h"
#include "../core/html.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "pages.h"
#include "register_page.h"

enum { LINKS_MAX = 200 };

/* Load the project and item params[1] with its register. -1 with the response set. */
static int item_load(struct ctx *c, enum authz_action action, struct reg_page *rp, struct reg_item *it, bool with_data)
{
	memset(it, 0, sizeof *it);
	if (reg_page_load(c, action, rp, with_data) != 0)
		return -1;
	if (store_item_get(c->db, rp->pc.p.id, c->req->params[1], it) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
		reg_page_free(rp);
		return -1;
	}
	if (reg_page_use(c, rp, it->reg) != 0) {
		reg_item_free(it);
		reg_page_free(rp);
		return -1;
	}
	return 0;
}

/* The item's title as a reader may see it. */
static const char *item_title(struct ctx *c, const struct reg_page *rp, const struct reg_item *it)
{
	struct item_ref ref = {.id = it->id, .title = it->title, .pii = it->pii && *it->pii, .tombstone = it->tombstone};
	return reg_title(c, rp, &ref);
}

void reg_form_page(struct ctx *c, struct reg_page *rp, const struct reg_item *it, const struct kvlist *v, long long rev,
		   const struct entry_errors *errs, const struct buf *pii, const char *note)
{
	struct buf *b = &c->resp->body;
	const struct reg_def *r = rp->r;
	layout_begin(c, it ? _(c, "Edit") : _(c, r->one));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a> · "
		       "<a class=\"ds-link\" href=\"/projects/%lld/registers/%s\">%s</a></p>",
		    rp->pc.p.id, rp->pc.p.title, rp->pc.p.id, r->key, _(c, r->name));
	if (it)
		html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s: %s</h1>", _(c, "Edit"), item_title(c, rp, it));
	else
		html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s: %s</h1>", _(c, "New"), _(c, r->one));
	if (note)
		ui_alert(c, "warning", note);
	form_error_summary(c, &rp->env, errs);
	if (it)
		html_printf(b, "<form method=\"post\" action=\"/projects/%lld/items/%lld\" novalidate class=\"varde-form\">", rp->pc.p.id,
			    it->id);
	else
		html_printf(b, "<form method=\"post\" action=\"/projects/%lld/registers/%s\" novalidate class=\"varde-form\">",
			    rp->pc.p.id, r->key);
	ui_csrf(c);
	html_printf(b, "<input type=\"hidden\" name=\"rev\" value=\"%lld\">", rev);
	if (pii)
		pii_warning_render(c, pii);
	for (int i = 0; i < rp->tool.nfields; i++)
		field_render(c, &rp->env, &rp->tool.fields[i], v, errs, false);
	if (!strcmp(r->key, "benefit"))
		benefit_owner_render(c, rp, it, v, error_for(errs, "owner") != NULL);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>", _(c, "Save"));
	layout_end(c);
}

/* The ids of every link field of an entry, for register_links. */
static int item_link_sources(const struct m_tool *t, const json_t *e, long long *ids, int max)
{
	int n = 0;
	for (int i = 0; i < t->nfields && n < max; i++)
		if (t->fields[i].type == FT_LINK)
			n += register_link_ids(e, t->fields[i].key, ids + n, max - n);
	return n;
}

/* Store a checked entry: a new item, or a new revision of it (and a
 * benefit's owner). */
static int item_store(struct ctx *c, struct reg_page *rp, const struct reg_item *it, const json_t *e, const char *pii_kinds,
		      long long owner, long long *id)
{
	const struct m_tool *t = &rp->tool;
	const char *title = json_string_value(entry_field(e, t->fields[0].key));
	const char *retention = json_string_value(entry_field(e, "retention"));
	json_t *old = it ? json_loads(it->data, 0, NULL) : NULL;
	if (!old)
		old = entry_new();
	json_t *changed = entry_diff(t, old, e);
	char *data = json_dumps(e, JSON_COMPACT | JSON_SORT_KEYS), *changed_s = json_dumps(changed, JSON_COMPACT);
	int rc;
	if (it) {
		*id = it->id;
		rc = store_item_save(c->db, it->id, it->revision + 1, title ? title : "", data, pii_kinds, retention, changed_s,
				     c->user_id);
	} else {
		rc = store_item_create(c->db, rp->pc.p.id, rp->r->key, title ? title : "", data, pii_kinds, retention, changed_s,
				       c->user_id, id);
	}
	long long src[LINKS_MAX];
	int nsrc = item_link_sources(t, e, src, LINKS_MAX);
	if (rc == STORE_OK)
		rc = store_links_set(c->db, rp->pc.p.id, *id, src, nsrc);
	if (rc == STORE_OK && !strcmp(rp->r->key, "benefit"))
		rc = store_benefit_owner_set(c->db, *id, rp->pc.p.id, owner);
	if (rc == STORE_OK)
		rc = store_project_touch(c->db, rp->pc.p.id);
	if (rc == STORE_OK)
		rc = store_activity_add(c->db, rp->pc.p.id, c->user_id, it ? "item-saved" : "item-created", rp->r->key);
	free(data);
	free(changed_s);
	json_decref(changed);
	json_decref(old);
	return rc;
}

void reg_item_submit(struct ctx *c, struct reg_page *rp, const struct reg_item *it)
{
	const struct kvlist *form = &c->req->form;
	const struct m_tool *t = &rp->tool;
	struct entry_errors errs = {0};
	json_t *e = entry_from_form(t, form, rp->team, rp->nteam, &errs);
	json_t *previous = it ? json_loads(it->data, 0, NULL) : NULL;
	rp->env.previous = previous;
	links_check(&rp->env, t, e, &errs);
	rp->env.previous = NULL;
	json_decref(previous);
	if (!entry_field(e, t->fields[0].key) && errs.n < ENTRY_MAX_ERRORS) {
		snprintf(errs.e[errs.n].name, sizeof errs.e[0].name, "f-%s", t->fields[0].key);
		errs.e[errs.n].field = &t->fields[0];
		errs.e[errs.n++].err = EE_REQUIRED;
	}
	long long owner = strcmp(rp->r->key, "benefit") ? 0 : benefit_owner_read(c, rp);
	if (owner < 0 && errs.n < ENTRY_MAX_ERRORS) {
		snprintf(errs.e[errs.n].name, sizeof errs.e[0].name, "owner");
		errs.e[errs.n].field = NULL;
		errs.e[errs.n++].err = EE_OWNER;
	}
	long long rev = 0;
	text_parse_ll(kv_get(form, "rev"), &rev);
	struct buf pii = {0}, kinds = {0};
	int found = errs.n ? 0 : fields_pii_scan(c, &rp->env, t, e, &pii, &kinds);
	if (errs.n || (found && !kv_get(form, "pii_ok"))) {
		c->resp->status = 400;
		c->failed = true;
		reg_form_page(c, rp, it, form, rev, &errs, errs.n ? NULL : &pii, NULL);
	} else if (it && rev != it->revision) {
		/* Someone saved since the form was opened: keep what this user typed,
		 * show it again against the newest revision; saving again keeps it. */
		c->resp->status = 409;
		c->failed = true;
		reg_form_page(c, rp, it, form, it->revision, NULL, NULL,
			      _(c, "Someone else saved this item while you worked. Your text is kept below; check it against "
				   "theirs (open the item in a new tab) and save again to keep yours."));
	} else {
		long long id = 0;
		if (item_store(c, rp, it, e, buf_str(&kinds), owner, &id) != STORE_OK) {
			page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		} else {
			char loc[200];
			snprintf(loc, sizeof loc, "/projects/%lld/items/%lld?saved=1", rp->pc.p.id, id);
			resp_redirect(c->resp, loc);
		}
	}
	buf_free(&pii);
	buf_free(&kinds);
	json_decref(e);
}

/* A journey map as a grid: stages are columns, lanes are rows; then the
 * feeling curve with its table alternative being the grid's feeling row. */
static void journey_render(struct ctx *c, const struct reg_page *rp, const struct reg_item *it, const json_t *e,
			   const char *caption)
{
	struct buf *b = &c->resp->body;
	const struct m_field *stages = register_field(rp->r, "stages");
	const json_t *rows = entry_field(e, "stages");
	size_t n = json_array_size(rows);
	if (!stages || !n)
		return;
	html_printf(b, "<div class=\"varde-table-wrap\"><table class=\"ds-table varde-journey\"><caption>%s</caption><thead><tr>"
		       "<td></td>",
		    caption);
	for (size_t s = 0; s < n; s++)
		html_printf(b, "<th scope=\"col\">%s</th>", text_or_empty(json_string_value(json_object_get(json_array_get(rows, s), "stage"))));
	html_printf(b, "</tr></thead><tbody>");
	for (int k = 1; k < stages->ncols; k++) {
		const struct m_field *lane = &stages->cols[k];
		bool any = false;
		for (size_t s = 0; s < n; s++)
			any |= json_object_get(json_array_get(rows, s), lane->key) != NULL;
		if (!any)
			continue;
		html_printf(b, "<tr><th scope=\"row\">%s</th>", _(c, lane->label.s[0]));
		for (size_t s = 0; s < n; s++) {
			html_printf(b, "<td>");
			reg_value_render(c, rp, lane, json_object_get(json_array_get(rows, s), lane->key));
			html_printf(b, "</td>");
		}
		html_printf(b, "</tr>");
	}
	html_printf(b, "</tbody></table></div>");
	const char *labels[CHART_MAX_POINTS];
	double values[CHART_MAX_POINTS];
	int m = 0;
	for (size_t s = 0; s < n && m < CHART_MAX_POINTS; s++, m++) {
		const json_t *row = json_array_get(rows, s);
		labels[m] = text_or_empty(json_string_value(json_object_get(row, "stage")));
		long long f = 0;
		values[m] = text_parse_ll(json_string_value(json_object_get(row, "feeling")), &f) ? (double)f : NAN;
	}
	char id[40];
	snprintf(id, sizeof id, "journey-%lld", it->id);
	struct chart_curve_spec spec = {.id = id, .title = _(c, "Feeling through the journey"),
					.desc = _(c, "The feeling score of each stage, from 1 (very bad) to 5 (very good). "
						     "The same scores are in the row Feeling of the table above."),
					.min = 1, .max = 5, .low_label = _(c, "Very bad"), .high_label = _(c, "Very good")};
	chart_curve(b, &spec, labels, values, m);
}

/* Items linked to this one: dir 0 = came from (sources), 1 = led to. */
static void item_links_render(struct ctx *c, const struct reg_page *rp, long long id, int dir)
{
	struct buf *b = &c->resp->body;
	struct db_stmt *s = store_links_of_project(c->db, rp->pc.p.id);
	int n = 0;
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"sm\">%s</h2><ul class=\"varde-link-list\">",
		    dir ? _(c, "Led to") : _(c, "Came from"));
	while (db_step(s) == DB_ROW) {
		long long src = db_col_int(s, 0), dst = db_col_int(s, 1);
		long long other = dir ? (src == id ? dst : 0) : (dst == id ? src : 0);
		const struct item_ref *o = other ? item_index_find(&rp->items, other) : NULL;
		if (!o)
			continue;
		const struct reg_def *od = register_find(o->reg);
		html_printf(b, "<li>%s: <a class=\"ds-link\" href=\"/projects/%lld/items/%lld\">%s</a></li>", od ? _(c, od->one) : "",
			    rp->pc.p.id, o->id, reg_title(c, rp, o));
		n++;
	}
	db_reset(s);
	html_printf(b, "</ul>");
	if (!n)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "Nothing yet."));
}

/* An idea's test log: the tests that link to it, oldest first. */
static void idea_tests_render(struct ctx *c, const struct reg_page *rp, long long id)
{
	struct buf *b = &c->resp->body;
	const struct reg_def *td = register_find("test");
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"sm\">%s</h2>", _(c, "Test log"));
	int n = 0;
	for (int i = 0; i < rp->items.n; i++) {
		const struct item_ref *t = &rp->items.v[i];
		long long ids[8];
		if (strcmp(t->reg, "test") != 0 || !t->data || register_link_ids(t->data, "idea", ids, 8) < 1 || ids[0] != id)
			continue;
		if (!n)
			html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
				       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
				    _(c, "Iterations of this idea"), _(c, "Iteration"), _(c, "Test"), _(c, "Date"), _(c, "Decision"));
		n++;
		html_printf(b, "<tr><td>%d</td><td><a class=\"ds-link\" href=\"/projects/%lld/items/%lld\">%s</a></td><td>", n,
			    rp->pc.p.id, t->id, reg_title(c, rp, t));
		reg_value_render(c, rp, register_field(td, "date"), entry_field(t->data, "date"));
		html_printf(b, "</td><td>");
		reg_value_render(c, rp, register_field(td, "decision"), entry_field(t->data, "decision"));
		html_printf(b, "</td></tr>");
	}
	if (n)
		html_printf(b, "</tbody></table>");
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "This idea has not been tested yet."));
}

/* The fields of an entry as a description list (tables other than a
 * journey's stages as a count of rows). */
static void item_fields_render(struct ctx *c, const struct reg_page *rp, const json_t *e)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<dl class=\"varde-fields\">");
	for (int i = 1; i < rp->tool.nfields; i++) {
		const struct m_field *f = &rp->tool.fields[i];
		const json_t *v = entry_field(e, f->key);
		if (!v || f->type == FT_TABLE)
			continue;
		html_printf(b, "<dt>%s</dt><dd>", _(c, f->label.s[0]));
		reg_value_render(c, rp, f, v);
		html_printf(b, "</dd>");
	}
	html_printf(b, "</dl>");
}

/* GET /projects/:id/items/:id */
void page_item_view(struct ctx *c)
{
	struct reg_page rp;
	struct reg_item it;
	if (item_load(c, AZ_PROJECT_VIEW, &rp, &it, true) != 0)
		return;
	struct buf *b = &c->resp->body;
	bool pii = it.pii && *it.pii;
	json_t *raw = json_loads(it.data, 0, NULL);
	json_t *e = reg_entry_for_reader(c, &rp, rp.r, raw ? raw : entry_new(), pii);
	json_decref(raw);
	layout_begin(c, item_title(c, &rp, &it));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a> · "
		       "<a class=\"ds-link\" href=\"/projects/%lld/registers/%s\">%s</a> · "
		       "<a class=\"ds-link\" href=\"/projects/%lld/items/%lld/history\">%s</a> · "
		       "<a class=\"ds-link\" href=\"/projects/%lld/chain?item=%lld\">%s</a></p>",
		    rp.pc.p.id, rp.pc.p.title, rp.pc.p.id, rp.r->key, _(c, rp.r->name), rp.pc.p.id, it.id, _(c, "History"),
		    rp.pc.p.id, it.id, _(c, "Show in the chain"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\"><span class=\"varde-kicker\">%s</span> %s</h1>", _(c, rp.r->one),
		    item_title(c, &rp, &it));
	if (kv_get(&c->req->query, "saved"))
		ui_alert(c, "success", _(c, "Saved."));
	if (pii && rp.personal)
		html_printf(b, "<p class=\"ds-paragraph\"><span class=\"ds-tag\" data-color=\"warning\">%s</span> %s</p>",
			    _(c, "Holds personal data"), _(c, "Only the project team sees it; everyone else sees it redacted."));
	else if (pii)
		html_printf(b, "<p class=\"ds-paragraph\"><span class=\"ds-tag\" data-color=\"warning\">%s</span> %s</p>",
			    _(c, "Personal data hidden"), _(c, "The texts of this item are shown only to the project team."));
	if (it.tombstone)
		ui_alert(c, "info", _(c, "This item was deleted when its retention period ended. Only the record that it existed is kept."));
	if (!strcmp(rp.r->key, "benefit"))
		html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-button\" data-variant=\"primary\" href=\"/benefits/%lld\">%s</a></p>",
			    it.id, _(c, "Indicators, measurements and value"));
	item_fields_render(c, &rp, e);
	if (!strcmp(rp.r->key, "journey")) {
		/* Today's journey and the future one side by side (stacked on narrow screens). */
		long long other[2];
		const struct item_ref *o =
			register_link_ids(e, "compare", other, 2) == 1 ? item_index_find(&rp.items, other[0]) : NULL;
		bool pair = o && o->data && o->id != it.id;
		html_printf(b, "<div class=\"%s\"><section>", pair ? "varde-journey-pair" : "varde-journey-one");
		journey_render(c, &rp, &it, e, _(c, "The journey, stage by stage"));
		html_printf(b, "</section>");
		if (pair) {
			struct reg_item oi = {.id = o->id};
			json_t *oe = reg_entry_for_reader(c, &rp, rp.r, o->data, o->pii);
			html_printf(b, "<section><h2 class=\"ds-heading\" data-size=\"sm\">%s: %s</h2>", _(c, "Compared with"),
				    reg_title(c, &rp, o));
			journey_render(c, &rp, &oi, oe, reg_title(c, &rp, o));
			html_printf(b, "</section>");
			json_decref(oe);
		}
		html_printf(b, "</div>");
	}
	if (!strcmp(rp.r->key, "idea"))
		idea_tests_render(c, &rp, it.id);
	html_printf(b, "<div class=\"varde-two-col\"><section>");
	item_links_render(c, &rp, it.id, 0);
	html_printf(b, "</section><section>");
	item_links_render(c, &rp, it.id, 1);
	html_printf(b, "</section></div>");
	if (rp.edit && !it.tombstone) {
		html_printf(b, "<div class=\"varde-actions\"><a class=\"ds-button\" data-variant=\"primary\" href=\"/projects/%lld/items/%lld/edit\">%s</a>"
			       "<form method=\"post\" action=\"/projects/%lld/items/%lld/delete\">",
			    rp.pc.p.id, it.id, _(c, "Edit"), rp.pc.p.id, it.id);
		ui_csrf(c);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form></div>", _(c, "Delete"));
	}
	char target[40];
	snprintf(target, sizeof target, "item:%lld", it.id);
	comments_render(c, &rp.pc, target);
	layout_end(c);
	json_decref(e);
	reg_item_free(&it);
	reg_page_free(&rp);
}

/* GET /projects/:id/items/:id/edit */
void page_item_edit(struct ctx *c)
{
	struct reg_page rp;
	struct reg_item it;
	if (item_load(c, AZ_PROJECT_EDIT, &rp, &it, false) != 0)
		return;
	if (it.tombstone) {
		page_error(c, 404, _(c, "There is no page at this address."));
	} else {
		json_t *e = json_loads(it.data, 0, NULL);
		struct kvlist v = {0};
		if (e)
			entry_to_form(&rp.tool, e, &v);
		reg_form_page(c, &rp, &it, &v, it.revision, NULL, NULL, NULL);
		kv_free(&v);
		json_decref(e);
	}
	reg_item_free(&it);
	reg_page_free(&rp);
}

/* POST /projects/:id/items/:id */
void page_item_save(struct ctx *c)
{
	struct reg_page rp;
	struct reg_item it;
	if (item_load(c, AZ_PROJECT_EDIT, &rp, &it, false) != 0)
		return;
	if (it.tombstone)
		page_error(c, 404, _(c, "There is no page at this address."));
	else
		reg_item_submit(c, &rp, &it);
	reg_item_free(&it);
	reg_page_free(&rp);
}

/* POST /projects/:id/items/:id/delete — out of the registers (links from
 * other items no longer show it). */
void page_item_delete(struct ctx *c)
{
	struct reg_page rp;
	struct reg_item it;
	if (item_load(c, AZ_PROJECT_EDIT, &rp, &it, false) != 0)
		return;
	if (store_item_delete(c->db, it.id, c->user_id) != STORE_OK ||
	    store_activity_add(c->db, rp.pc.p.id, c->user_id, "item-deleted", rp.r->key) != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else {
		char loc[200];
		snprintf(loc, sizeof loc, "/projects/%lld/registers/%s?deleted=1", rp.pc.p.id, rp.r->key);
		resp_redirect(c->resp, loc);
	}
	reg_item_free(&it);
	reg_page_free(&rp);
}

/* A changed field's value in one revision, as display HTML. */
static void history_value(struct ctx *c, const struct reg_page *rp, const json_t *e, const char *key)
{
	const struct m_field *f = register_field(rp->r, key);
	if (!f)
		return;
	if (f->type == FT_TABLE) {
		html_printf(&c->resp->body, "%zu %s", json_array_size(entry_field(e, key)), _(c, "rows"));
		return;
	}
	reg_value_render(c, rp, f, entry_field(e, key));
}

/* GET /projects/:id/items/:id/history */
void page_item_history(struct ctx *c)
{
	struct reg_page rp;
	struct reg_item it;
	if (item_load(c, AZ_PROJECT_VIEW, &rp, &it, false) != 0)
		return;
	struct buf *b = &c->resp->body;
	/* Readers outside the team see what changed, never the values: an earlier
	 * revision may hold personal data that was removed later. */
	bool hide = !rp.personal;
	layout_begin(c, _(c, "History"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld/items/%lld\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\">%s: %s</h1>",
		    rp.pc.p.id, it.id, item_title(c, &rp, &it), _(c, "History"), item_title(c, &rp, &it));
	if (hide)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "Earlier values are shown only to the project team."));
	html_printf(b, "<ol class=\"varde-history\" reversed>");
	struct db_stmt *s = store_item_revisions(c->db, it.id);
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
		json_t *ch = json_loads(revs[i].changed ? revs[i].changed : "[]", 0, NULL);
		if (json_array_size(ch) == 1 && !strcmp(text_or_empty(json_string_value(json_array_get(ch, 0))), "tombstone")) {
			html_printf(b, "<p class=\"ds-paragraph\">%s</p></li>", _(c, "Deleted when its retention period ended."));
			json_decref(ch);
			continue;
		}
		json_t *now = json_loads(revs[i].data ? revs[i].data : "{}", 0, NULL);
		json_t *before = i + 1 < nrev ? json_loads(revs[i + 1].data ? revs[i + 1].data : "{}", 0, NULL) : entry_new();
		html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			       "<th scope=\"col\">%s</th></tr></thead><tbody>",
			    _(c, "What changed"), _(c, "Field"), _(c, "Before"), _(c, "After"));
		for (size_t k = 0; k < json_array_size(ch); k++) {
			const char *key = json_string_value(json_array_get(ch, k));
			const struct m_field *f = key && key[0] == 'f' ? register_field(rp.r, key + 2) : NULL;
			if (!f)
				continue;
			html_printf(b, "<tr><th scope=\"row\">%s</th><td>", _(c, f->label.s[0]));
			if (!hide)
				history_value(c, &rp, before, key + 2);
			html_printf(b, "</td><td>");
			if (!hide)
				history_value(c, &rp, now, key + 2);
			html_printf(b, "</td></tr>");
		}
		html_printf(b, "</tbody></table></li>");
		json_decref(now);
		json_decref(before);
		json_decref(ch);
	}
	html_printf(b, "</ol>");
	for (int i = 0; i < nrev; i++) {
		free(revs[i].changed);
		free(revs[i].who);
		free(revs[i].data);
	}
	layout_end(c);
	reg_item_free(&it);
	reg_page_free(&rp);
}
