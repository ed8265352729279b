/* page_register.c — a project's registers: the overview of all of them, the
 * list of one (with the power/interest grid for stakeholders, the
 * impact/effort matrix and dot voting for ideas, overdue flags for the
 * anchoring plan), and the form for a new item. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/layout.h"
#include "../chart/chart.h"
#include "../core/html.h"
#include "../core/text.h"
#include "pages.h"
#include "register_page.h"

/* GET /projects/:id/registers — every register with its number of items. */
void page_registers(struct ctx *c)
{
	struct reg_page rp;
	if (reg_page_load(c, AZ_PROJECT_VIEW, &rp, false) != 0)
		return;
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Registers"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1><p class=\"ds-paragraph\">%s "
		       "<a class=\"ds-link\" href=\"/projects/%lld/chain\">%s</a></p>",
		    rp.pc.p.id, rp.pc.p.title, _(c, "Registers"),
		    _(c, "What the team learns and decides, linked from research to decisions."), rp.pc.p.id,
		    _(c, "See the evidence chain"));
	html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th></tr></thead><tbody>",
		    _(c, "Registers of the project"), _(c, "Register"), _(c, "Items"), _(c, "What it is for"));
	for (int i = 0; i < NREGISTERS; i++) {
		int n = 0;
		for (int k = 0; k < rp.items.n; k++)
			n += !strcmp(rp.items.v[k].reg, REGISTERS[i].key);
		html_printf(b, "<tr><th scope=\"row\"><a class=\"ds-link\" href=\"/projects/%lld/registers/%s\">%s</a></th><td>%d</td><td>%s</td></tr>",
			    rp.pc.p.id, REGISTERS[i].key, _(c, REGISTERS[i].name), n, _(c, REGISTERS[i].purpose));
	}
	html_printf(b, "</tbody></table>");
	layout_end(c);
	reg_page_free(&rp);
}

/* A choice value of an item by field key, as its label. */
static const char *item_choice(struct ctx *c, const struct reg_page *rp, const struct item_ref *it, const char *key)
{
	const struct m_field *f = register_field(rp->r, key);
	const char *v = json_string_value(entry_field(it->data, key));
	return f && v ? reg_option_label(c, f, v) : "";
}

/* Stakeholders: the power/interest grid and its table alternative. */
static void stakeholders_render(struct ctx *c, const struct reg_page *rp)
{
	struct buf *b = &c->resp->body;
	struct chart_point pts[CHART_MAX_POINTS];
	char hrefs[CHART_MAX_POINTS][48];
	int n = 0;
	for (int i = 0; i < rp->items.n && n < CHART_MAX_POINTS; i++) {
		const struct item_ref *it = &rp->items.v[i];
		if (strcmp(it->reg, "stakeholder") != 0)
			continue;
		snprintf(hrefs[n], sizeof hrefs[n], "/projects/%lld/items/%lld", rp->pc.p.id, it->id);
		pts[n] = (struct chart_point){reg_title(c, rp, it),
					      register_level(json_string_value(entry_field(it->data, "interest"))),
					      register_level(json_string_value(entry_field(it->data, "influence"))), hrefs[n]};
		n++;
	}
	if (!n)
		return;
	struct chart_quadrant_spec spec = {
		.id = "power-interest", .title = _(c, "Power/interest grid"),
		.desc = _(c, "Each stakeholder placed by interest (across) and influence (up). The table below the grid "
			     "has the same information."),
		.x_label = _(c, "Interest"), .y_label = _(c, "Influence"),
		.quadrant = {_(c, "Keep satisfied"), _(c, "Manage closely"), _(c, "Monitor"), _(c, "Keep informed")},
		.max = 3};
	chart_quadrant(b, &spec, pts, n);
	html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    _(c, "Stakeholders and how to work with them"), _(c, "Stakeholder"), _(c, "Category"), _(c, "Attitude"),
		    _(c, "Interest"), _(c, "Influence"), _(c, "Strategy"));
	for (int i = 0; i < rp->items.n; i++) {
		const struct item_ref *it = &rp->items.v[i];
		if (strcmp(it->reg, "stakeholder") != 0)
			continue;
		const char *in = json_string_value(entry_field(it->data, "interest"));
		const char *inf = json_string_value(entry_field(it->data, "influence"));
		html_printf(b, "<tr><th scope=\"row\"><a class=\"ds-link\" href=\"/projects/%lld/items/%lld\">%s</a></th><td>%s</td><td>%s</td>"
			       "<td>%s</td><td>%s</td><td>%s</td></tr>",
			    rp->pc.p.id, it->id, reg_title(c, rp, it), item_choice(c, rp, it, "category"),
			    item_choice(c, rp, it, "attitude"), item_choice(c, rp, it, "interest"),
			    item_choice(c, rp, it, "influence"), _(c, stakeholder_strategy_name(stakeholder_strategy(in, inf))));
	}
	html_printf(b, "</tbody></table>");
}

/* True when an anchoring activity is past its deadline and not finished. */
static bool anchoring_overdue(const json_t *data, const char *today)
{
	const char *deadline = json_string_value(entry_field(data, "deadline"));
	const char *status = json_string_value(entry_field(data, "status"));
	bool finished = status && (!strcmp(status, "done") || !strcmp(status, "cancelled"));
	return deadline && !finished && strcmp(deadline, today) < 0;
}

/* The anchoring plan as a table with overdue activities flagged. */
static void anchoring_render(struct ctx *c, const struct reg_page *rp)
{
	struct buf *b = &c->resp->body;
	char today[11];
	reg_today(today);
	html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    _(c, "Anchoring activities"), _(c, "Activity"), _(c, "Purpose"), _(c, "Responsible"), _(c, "Deadline"),
		    _(c, "Status"));
	for (int i = 0; i < rp->items.n; i++) {
		const struct item_ref *it = &rp->items.v[i];
		if (strcmp(it->reg, "anchoring") != 0)
			continue;
		html_printf(b, "<tr><th scope=\"row\"><a class=\"ds-link\" href=\"/projects/%lld/items/%lld\">%s</a></th><td>%s</td><td>",
			    rp->pc.p.id, it->id, reg_title(c, rp, it), item_choice(c, rp, it, "purpose"));
		reg_value_render(c, rp, register_field(rp->r, "responsible"), entry_field(it->data, "responsible"));
		html_printf(b, "</td><td>");
		reg_value_render(c, rp, register_field(rp->r, "deadline"), entry_field(it->data, "deadline"));
		html_printf(b, "</td><td>%s", item_choice(c, rp, it, "status"));
		if (anchoring_overdue(it->data, today))
			html_printf(b, " <span class=\"ds-tag\" data-color=\"danger\">%s</span>", _(c, "Overdue"));
		html_printf(b, "</td></tr>");
	}
	html_printf(b, "</tbody></table>");
}

enum { MAX_IDEAS = 300 };

/* Ideas: the impact/effort matrix, and the dot-voting table with this
 * member's ballot for the current round. */
static void ideas_render(struct ctx *c, const struct reg_page *rp)
{
	struct buf *b = &c->resp->body;
	const struct item_ref *ideas[MAX_IDEAS];
	int n = 0;
	for (int i = 0; i < rp->items.n && n < MAX_IDEAS; i++)
		if (!strcmp(rp->items.v[i].reg, "idea"))
			ideas[n++] = &rp->items.v[i];
	if (!n)
		return;
	struct chart_point pts[MAX_IDEAS];
	char hrefs[MAX_IDEAS][48];
	int np = 0;
	for (int i = 0; i < n; i++) {
		long long impact = 0, effort = 0;
		if (!text_parse_ll(json_string_value(entry_field(ideas[i]->data, "impact")), &impact) ||
		    !text_parse_ll(json_string_value(entry_field(ideas[i]->data, "effort")), &effort))
			continue;
		snprintf(hrefs[np], sizeof hrefs[np], "/projects/%lld/items/%lld", rp->pc.p.id, ideas[i]->id);
		pts[np] = (struct chart_point){reg_title(c, rp, ideas[i]), (double)effort, (double)impact, hrefs[np]};
		np++;
	}
	struct chart_quadrant_spec spec = {
		.id = "impact-effort", .title = _(c, "Impact and effort"),
		.desc = _(c, "Each scored idea placed by effort (across) and impact (up), both from 1 to 5. The table "
			     "below has the same scores."),
		.x_label = _(c, "Effort"), .y_label = _(c, "Impact"),
		.quadrant = {_(c, "Quick wins"), _(c, "Big bets"), _(c, "Fill-ins"), _(c, "Think twice")},
		.max = 5};
	if (np)
		chart_quadrant(b, &spec, pts, np);
	/* Votes of the current round: totals and this user's dots. */
	long long round = store_vote_round(c->db, rp->pc.p.id);
	int total[MAX_IDEAS] = {0}, mine[MAX_IDEAS] = {0};
	struct db_stmt *s = store_votes(c->db, rp->pc.p.id, round ? round : 1);
	while (db_step(s) == DB_ROW)
		for (int i = 0; i < n; i++)
			if (ideas[i]->id == db_col_int(s, 0)) {
				total[i] += (int)db_col_int(s, 2);
				if (db_col_int(s, 1) == c->user_id)
					mine[i] += (int)db_col_int(s, 2);
			}
	db_reset(s);
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"sm\" id=\"voting\">%s %lld</h2><p class=\"ds-paragraph\">%s</p>",
		    _(c, "Dot voting, round"), round ? round : 1,
		    _(c, "Each team member has three dots per round and may put several on one idea."));
	if (kv_get(&c->req->query, "voted"))
		ui_alert(c, "success", _(c, "Your dots are saved."));
	if (rp->edit) {
		html_printf(b, "<form method=\"post\" action=\"/projects/%lld/votes\">", rp->pc.p.id);
		ui_csrf(c);
	}
	html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
		    _(c, "Ideas, scores and dots"), _(c, "Idea"), _(c, "Status"), _(c, "Impact"), _(c, "Effort"), _(c, "Dots"));
	if (rp->edit)
		html_printf(b, "<th scope=\"col\">%s</th>", _(c, "Your dots"));
	html_printf(b, "</tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		html_printf(b, "<tr><th scope=\"row\"><a class=\"ds-link\" href=\"/projects/%lld/items/%lld\">%s</a></th><td>%s</td>"
			       "<td>%s</td><td>%s</td><td>%d</td>",
			    rp->pc.p.id, ideas[i]->id, reg_title(c, rp, ideas[i]), item_choice(c, rp, ideas[i], "status"),
			    text_or_empty(json_string_value(entry_field(ideas[i]->data, "impact"))),
			    text_or_empty(json_string_value(entry_field(ideas[i]->data, "effort"))), total[i]);
		if (rp->edit)
			html_printf(b, "<td><label class=\"ds-sr-only\" for=\"dots-%lld\">%s: %s</label>"
				       "<input class=\"ds-input varde-dots\" type=\"number\" min=\"0\" max=\"3\" inputmode=\"numeric\" "
				       "id=\"dots-%lld\" name=\"dots-%lld\" value=\"%d\"></td>",
				    ideas[i]->id, _(c, "Your dots"), reg_title(c, rp, ideas[i]), ideas[i]->id, ideas[i]->id, mine[i]);
		html_printf(b, "</tr>");
	}
	html_printf(b, "</tbody></table>");
	if (rp->edit)
		html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>", _(c, "Save my dots"));
	if (authz_check(c, AZ_PROJECT_MANAGE, &rp->pc.facts) == AZ_ALLOW) {
		html_printf(b, "<form method=\"post\" action=\"/projects/%lld/votes/round\">", rp->pc.p.id);
		ui_csrf(c);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>",
			    _(c, "Start a new voting round"));
	}
}

/* Any other register: a table of titles with the personal-data mark. */
static void items_table_render(struct ctx *c, const struct reg_page *rp)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr>"
		       "</thead><tbody>",
		    _(c, rp->r->name), _(c, rp->r->one), _(c, "Personal data"));
	for (int i = 0; i < rp->items.n; i++) {
		const struct item_ref *it = &rp->items.v[i];
		if (strcmp(it->reg, rp->r->key) != 0)
			continue;
		html_printf(b, "<tr><th scope=\"row\"><a class=\"ds-link\" href=\"/projects/%lld/items/%lld\">%s</a></th><td>%s</td></tr>",
			    rp->pc.p.id, it->id, reg_title(c, rp, it), it->pii ? _(c, "Yes") : "");
	}
	html_printf(b, "</tbody></table>");
}

/* GET /projects/:id/registers/:key */
void page_register_list(struct ctx *c)
{
	struct reg_page rp;
	if (reg_page_load(c, AZ_PROJECT_VIEW, &rp, true) != 0)
		return;
	if (reg_page_use(c, &rp, c->req->params_s[1]) != 0) {
		reg_page_free(&rp);
		return;
	}
	struct buf *b = &c->resp->body;
	int n = 0;
	for (int i = 0; i < rp.items.n; i++)
		n += !strcmp(rp.items.v[i].reg, rp.r->key);
	layout_begin(c, _(c, rp.r->name));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a> · "
		       "<a class=\"ds-link\" href=\"/projects/%lld/registers\">%s</a></p><h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>"
		       "<p class=\"ds-paragraph\">%s</p>",
		    rp.pc.p.id, rp.pc.p.title, rp.pc.p.id, _(c, "Registers"), _(c, rp.r->name), _(c, rp.r->purpose));
	if (kv_get(&c->req->query, "deleted"))
		ui_alert(c, "success", _(c, "Deleted."));
	if (rp.edit)
		html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-button\" data-variant=\"primary\" href=\"/projects/%lld/registers/%s/new\">%s</a></p>",
			    rp.pc.p.id, rp.r->key, _(c, "Add"));
	if (!strcmp(rp.r->key, "benefit"))
		html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/projects/%lld/benefits\">%s</a></p>", rp.pc.p.id,
			    _(c, "Benefit realisation plan"));
	if (!n)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "Nothing here yet."));
	else if (!strcmp(rp.r->key, "stakeholder"))
		stakeholders_render(c, &rp);
	else if (!strcmp(rp.r->key, "anchoring"))
		anchoring_render(c, &rp);
	else if (!strcmp(rp.r->key, "idea"))
		ideas_render(c, &rp);
	else
		items_table_render(c, &rp);
	layout_end(c);
	reg_page_free(&rp);
}

/* GET /projects/:id/registers/:key/new */
void page_register_new(struct ctx *c)
{
	struct reg_page rp;
	if (reg_page_load(c, AZ_PROJECT_EDIT, &rp, false) != 0)
		return;
	if (reg_page_use(c, &rp, c->req->params_s[1]) == 0) {
		struct kvlist v = {0};
		reg_form_page(c, &rp, NULL, &v, 0, NULL, NULL, NULL);
		kv_free(&v);
	}
	reg_page_free(&rp);
}

/* POST /projects/:id/registers/:key */
void page_register_create(struct ctx *c)
{
	struct reg_page rp;
	if (reg_page_load(c, AZ_PROJECT_EDIT, &rp, false) != 0)
		return;
	if (reg_page_use(c, &rp, c->req->params_s[1]) == 0)
		reg_item_submit(c, &rp, NULL);
	reg_page_free(&rp);
}

/* POST /projects/:id/votes — this member's dots for the current round: one
 * "dots-ID" per idea, at most three in all. */
void page_votes_submit(struct ctx *c)
{
	struct reg_page rp;
	if (reg_page_load(c, AZ_PROJECT_EDIT, &rp, false) != 0)
		return;
	long long ids[MAX_IDEAS];
	int dots[MAX_IDEAS], n = 0;
	bool bad = false;
	for (int i = 0; i < rp.items.n && n < MAX_IDEAS; i++) {
		if (strcmp(rp.items.v[i].reg, "idea") != 0)
			continue;
		char name[40];
		snprintf(name, sizeof name, "dots-%lld", rp.items.v[i].id);
		const char *v = kv_get(&c->req->form, name);
		long long d = 0;
		if (v && *v && !text_parse_ll(v, &d))
			bad = true;
		ids[n] = rp.items.v[i].id;
		dots[n++] = (int)(d < -1 || d > 99 ? -1 : d);
	}
	long long round = store_vote_round(c->db, rp.pc.p.id);
	if (bad || votes_check(dots, n) != 0) {
		page_error(c, 400, _(c, "You have three dots in a round: give each idea from 0 to 3 dots, at most 3 in all."));
	} else if ((!round && store_vote_round_open(c->db, rp.pc.p.id, 1, c->user_id) != STORE_OK) ||
		   store_votes_set(c->db, rp.pc.p.id, round ? round : 1, c->user_id, ids, dots, n) != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else {
		char loc[200];
		snprintf(loc, sizeof loc, "/projects/%lld/registers/idea?voted=1#voting", rp.pc.p.id);
		resp_redirect(c->resp, loc);
	}
	reg_page_free(&rp);
}

/* POST /projects/:id/votes/round — a fresh round; earlier rounds are kept. */
void page_votes_round(struct ctx *c)
{
	struct reg_page rp;
	if (reg_page_load(c, AZ_PROJECT_MANAGE, &rp, false) != 0)
		return;
	long long round = store_vote_round(c->db, rp.pc.p.id);
	int rc = STORE_OK;
	if (!round)
		rc = store_vote_round_open(c->db, rp.pc.p.id, ++round, c->user_id);
	if (rc == STORE_OK)
		rc = store_vote_round_open(c->db, rp.pc.p.id, round + 1, c->user_id);
	if (rc != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else {
		char loc[200];
		snprintf(loc, sizeof loc, "/projects/%lld/registers/idea#voting", rp.pc.p.id);
		resp_redirect(c->resp, loc);
	}
	reg_page_free(&rp);
}
