/* page_benefit_plan.c — benefits seen together: a project's benefit
 * realisation plan (printable for a municipal board) with its benefit map,
 * the organisation's benefits overview across all projects, the
 * organisation's benefit settings (own benefit types, hourly cost), and the
 * measurements due on a user's dashboard.
 *
 * Every indicator's status comes from its latest measurement in the current
 * unit, read with the indicator in one query per page (no query per
 * indicator), and judged by the benefit core (src/benefit/). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/layout.h"
#include "../benefit/benefit.h"
#include "../chart/chart.h"
#include "../core/html.h"
#include "../core/parse.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "benefit_page.h"
#include "pages.h"

/* What a list needs of one indicator. */
struct ind_sum {
	long long id, benefit_id;
	char *name;   /* owned */
	enum benefit_status status;
	bool overdue;
	long next_due;
};

/* An intermediate target of some indicator. */
struct mid {
	long long indicator_id;
	struct benefit_point p;
};

/* Judge an indicator row (INDICATOR_COLS, latest value 13, latest day 14,
 * day of the latest value 15; measurements after today left out) as of
 * today, with its intermediate targets from mids, as the benefit page does. */
static void ind_sum_read(struct db_stmt *s, long today, const struct mid *mids, int nmids, struct ind_sum *out)
{
	struct indicator in;
	indicator_read(s, &in);
	struct benefit_measurement m[2];
	size_t nm = 0;
	if (!db_col_null(s, 13))
		m[nm++] = (struct benefit_measurement){benefit_day(db_col_text(s, 15)), db_col_double(s, 13), in.unit, NULL};
	/* A later measurement in another unit still counts for "when is the next one due". */
	if (!db_col_null(s, 14) && (!nm || strcmp(db_col_text(s, 14), db_col_text(s, 15)) != 0))
		m[nm++] = (struct benefit_measurement){benefit_day(db_col_text(s, 14)), 0, "\x01other", NULL};
	struct benefit_indicator bi = {
		.direction = in.lower_is_better ? BD_LOWER_IS_BETTER : BD_HIGHER_IS_BETTER,
		.freq = !strcmp(in.frequency, "weekly")      ? BF_WEEKLY
			: !strcmp(in.frequency, "quarterly") ? BF_QUARTERLY
			: !strcmp(in.frequency, "yearly")    ? BF_YEARLY
							     : BF_MONTHLY,
		.unit = in.unit, .has_baseline = in.has_baseline && *in.baseline_date,
		.baseline = {benefit_day(in.baseline_date), in.baseline_value},
		.has_target = in.has_target && *in.target_date, .target = {benefit_day(in.target_date), in.target_value},
		.m = m, .nm = nm};
	struct benefit_point pts[BENEFIT_MAX_MILESTONES];
	size_t np = 0;
	for (int i = 0; i < nmids && np < BENEFIT_MAX_MILESTONES; i++)
		if (mids[i].indicator_id == in.id)
			pts[np++] = mids[i].p;
	bi.milestones = pts;
	bi.nmilestones = np;
	struct benefit_progress pr;
	benefit_indicator_progress(&bi, today, &pr);
	*out = (struct ind_sum){in.id, in.benefit_id, in.name, pr.status, pr.overdue, pr.next_due};
	in.name = NULL;
	indicator_free(&in);
}

/* Every indicator of an organisation (project 0) or one project, judged;
 * caller frees with ind_sums_free. Three queries in all. */
static int ind_sums_load(struct ctx *c, long long org_id, long long project_id, struct ind_sum **out)
{
	char iso[11];
	reg_today(iso);
	long today = benefit_day(iso);
	struct mid *mids = NULL;
	int nmids = 0, cap = 0;
	struct db_stmt *s = store_targets_of(c->db, org_id, project_id);
	while (db_step(s) == DB_ROW) {
		if (nmids == cap) {
			cap = cap ? cap * 2 : 32;
			mids = xrealloc(mids, (size_t)cap * sizeof *mids);
		}
		mids[nmids++] = (struct mid){db_col_int(s, 0), {benefit_day(db_col_text(s, 1)), db_col_double(s, 2)}};
	}
	db_reset(s);
	s = project_id ? store_project_indicators(c->db, project_id, iso) : store_org_indicators(c->db, org_id, iso);
	int n = 0;
	cap = 0;
	*out = NULL;
	while (db_step(s) == DB_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		ind_sum_read(s, today, mids, nmids, &(*out)[n++]);
	}
	db_reset(s);
	free(mids);
	return n;
}

static void ind_sums_free(struct ind_sum *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* The latest calculation of each benefit: yearly value and realised to date. */
struct money {
	long long benefit_id;
	double yearly, to_date;
};

static int money_load(struct ctx *c, long long org_id, long long project_id, struct money **out)
{
	char iso[11];
	reg_today(iso);
	struct db_stmt *s = store_latest_calculations(c->db, org_id, project_id);
	int n = 0, cap = 0;
	*out = NULL;
	while (db_step(s) == DB_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		struct money *m = &(*out)[n++];
		m->benefit_id = db_col_int(s, 0);
		m->yearly = db_col_double(s, 1);
		m->to_date = 0;
		long start = benefit_day(db_col_text(s, 2));
		if (start != BENEFIT_NO_DAY)
			benefit_value_to_date(m->yearly, start, benefit_day(db_col_text(s, 3)), benefit_day(iso), &m->to_date);
	}
	db_reset(s);
	return n;
}

static const struct money *money_of(const struct money *v, int n, long long benefit_id)
{
	for (int i = 0; i < n; i++)
		if (v[i].benefit_id == benefit_id)
			return &v[i];
	return NULL;
}

static const char *goal_text(const json_t *data)
{
	const char *g = json_string_value(entry_field(data, "goal"));
	return g ? g : "";
}

static void kr(struct ctx *c, double v)
{
	char num[48];
	format_number_nb(v, 0, num, sizeof num);
	html_printf(&c->resp->body, "%s kr", num);
}

/* Behind and overdue counts of one benefit's indicators. */
static void benefit_flags(const struct ind_sum *is, int n, long long benefit_id, int *behind, int *overdue, int *count)
{
	*behind = *overdue = *count = 0;
	for (int i = 0; i < n; i++)
		if (is[i].benefit_id == benefit_id) {
			(*count)++;
			*behind += is[i].status == BS_BEHIND;
			*overdue += is[i].overdue;
		}
}

/* A benefit's type label: rp->tool's "type" field has the organisation's
 * own types too (reg_page_use). */
static const char *type_label(struct ctx *c, const struct reg_page *rp, const json_t *data)
{
	const char *k = json_string_value(entry_field(data, "type"));
	for (int i = 0; k && i < rp->tool.nfields; i++)
		if (!strcmp(rp->tool.fields[i].key, "type"))
			return reg_option_label(c, &rp->tool.fields[i], k);
	return k ? k : "";
}

/* The benefit map: measures (ideas and tests) → effects (indicators) →
 * benefits → goals, as a graph and as a table. */
static void benefit_map(struct ctx *c, const struct reg_page *rp, const struct ind_sum *is, int nis)
{
	struct buf *b = &c->resp->body;
	enum { MAXN = 400, MAXE = 1200 };
	struct chart_node *nodes = xcalloc(MAXN, sizeof *nodes);
	struct chart_edge *edges = xcalloc(MAXE, sizeof *edges);
	char(*hrefs)[48] = xcalloc(MAXN, sizeof *hrefs);
	long long ids[MAXN];
	int n = 0, m = 0;
	for (int i = 0; i < rp->items.n && n < MAXN - 2; i++) {
		const struct item_ref *bn = &rp->items.v[i];
		if (strcmp(bn->reg, "benefit") != 0)
			continue;
		int bi = n;
		snprintf(hrefs[n], sizeof hrefs[n], "/benefits/%lld", bn->id);
		ids[n] = bn->id;
		nodes[n++] = (struct chart_node){reg_title(c, rp, bn), 2, hrefs[bi]};
		/* Effects: the benefit's indicators. */
		int first_effect = n;
		for (int k = 0; k < nis && n < MAXN - 1 && m < MAXE; k++)
			if (is[k].benefit_id == bn->id) {
				ids[n] = -is[k].id;
				nodes[n] = (struct chart_node){is[k].name, 1, hrefs[bi]};
				edges[m++] = (struct chart_edge){n, bi};
				n++;
			}
		int end_effect = n;
		/* Measures: the ideas and tests it comes from (one node per item),
		 * pointing at each effect, or at the benefit when it has none. */
		long long src[64];
		int ns = register_link_ids(bn->data, "ideas", src, 64);
		ns += register_link_ids(bn->data, "tests", src + ns, 64 - ns);
		for (int k = 0; k < ns && n < MAXN && m + (end_effect - first_effect) + 1 < MAXE; k++) {
			const struct item_ref *mi = item_index_find(&rp->items, src[k]);
			if (!mi)
				continue;
			int at = -1;
			for (int q = 0; q < n; q++)
				if (ids[q] == mi->id)
					at = q;
			if (at < 0) {
				at = n;
				ids[n] = mi->id;
				snprintf(hrefs[n], sizeof hrefs[n], "/projects/%lld/items/%lld", rp->pc.p.id, mi->id);
				nodes[n] = (struct chart_node){reg_title(c, rp, mi), 0, hrefs[n]};
				n++;
			}
			for (int q = first_effect; q < end_effect; q++)
				edges[m++] = (struct chart_edge){at, q};
			if (first_effect == end_effect)
				edges[m++] = (struct chart_edge){at, bi};
		}
		/* Goal: the text of the benefit's goal field, one node per distinct text. */
		const char *goal = json_string_value(entry_field(bn->data, "goal"));
		if (goal && *goal && !(bn->pii && !rp->personal) && n < MAXN && m < MAXE) {
			int at = -1;
			for (int q = 0; q < n; q++)
				if (nodes[q].column == 3 && !strcmp(nodes[q].label, goal))
					at = q;
			if (at < 0) {
				at = n;
				ids[n] = 0;
				nodes[n++] = (struct chart_node){goal, 3, NULL};
			}
			edges[m++] = (struct chart_edge){bi, at};
		}
	}
	if (!n) {
		free(hrefs);
		free(edges);
		free(nodes);
		return;
	}
	const char *cols[4] = {_(c, "Measures"), _(c, "Effects"), _(c, "Benefits"), _(c, "Goals")};
	struct chart_graph_spec spec = {.id = "benefit-map", .title = _(c, "Benefit map"),
					.desc = _(c, "Measures (ideas and tests) lead to effects (the indicators), effects "
						     "to benefits, and benefits to the goals they serve. The table of benefits "
						     "below has the same links."),
					.column_titles = cols, .ncolumns = 4};
	chart_graph(b, &spec, nodes, n, edges, m);
	free(hrefs);
	free(edges);
	free(nodes);
}

/* GET /projects/:id/benefits — the benefit realisation plan. */
void page_benefit_plan(struct ctx *c)
{
	struct reg_page rp;
	if (reg_page_load(c, AZ_PROJECT_VIEW, &rp, true) != 0)
		return;
	if (reg_page_use(c, &rp, "benefit") != 0) {
		reg_page_free(&rp);
		return;
	}
	struct buf *b = &c->resp->body;
	struct ind_sum *is = NULL;
	int nis = ind_sums_load(c, rp.pc.p.org_id, rp.pc.p.id, &is);
	struct money *mo = NULL;
	int nmo = money_load(c, rp.pc.p.org_id, rp.pc.p.id, &mo);
	layout_begin(c, _(c, "Benefit realisation plan"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\"><span class=\"varde-kicker\">%s</span> %s</h1>",
		    rp.pc.p.id, rp.pc.p.title, _(c, "Benefit realisation plan"), rp.pc.p.title);
	if (rp.pc.p.goals && *rp.pc.p.goals)
		html_printf(b, "<p class=\"ds-paragraph\"><strong>%s:</strong> %s</p>", _(c, "Goals"), rp.pc.p.goals);
	if (rp.edit)
		html_printf(b, "<p class=\"ds-paragraph varde-noprint\"><a class=\"ds-button\" data-variant=\"secondary\" href=\"/projects/%lld/registers/benefit/new\">%s</a></p>",
			    rp.pc.p.id, _(c, "Add a benefit"));
	benefit_map(c, &rp, is, nis);
	html_printf(b, "<div class=\"varde-table-wrap\"><table class=\"ds-table\"><caption>%s</caption><thead><tr>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    _(c, "Benefits of the project"), _(c, "Benefit"), _(c, "Type"), _(c, "Owner"), _(c, "Status"), _(c, "Indicators"),
		    _(c, "Goal"), _(c, "Yearly value"), _(c, "Realised to date"));
	double sum_year = 0, sum_date = 0;
	int nb = 0;
	for (int i = 0; i < rp.items.n; i++) {
		const struct item_ref *bn = &rp.items.v[i];
		if (strcmp(bn->reg, "benefit") != 0)
			continue;
		nb++;
		long long project = 0, owner = 0;
		char *owner_name = NULL;
		struct user u;
		if (store_benefit_get(c->db, bn->id, &project, &owner) == STORE_OK && owner &&
		    store_user_by_id(c->db, owner, &u) == STORE_OK) {
			owner_name = u.name;
			u.name = NULL;
			user_free(&u);
		}
		int behind, overdue, count;
		benefit_flags(is, nis, bn->id, &behind, &overdue, &count);
		const struct money *mv = money_of(mo, nmo, bn->id);
		html_printf(b, "<tr><th scope=\"row\"><a class=\"ds-link\" href=\"/benefits/%lld\">%s</a></th><td>%s</td><td>%s</td><td>%s</td><td>%d",
			    bn->id, reg_title(c, &rp, bn), type_label(c, &rp, bn->data), owner_name ? owner_name : "",
			    reg_option_label(c, register_field(rp.r, "status"), json_string_value(entry_field(bn->data, "status"))), count);
		if (behind)
			html_printf(b, " <span class=\"ds-tag\" data-color=\"danger\">%d %s</span>", behind, _(c, "behind plan"));
		if (overdue)
			html_printf(b, " <span class=\"ds-tag\" data-color=\"warning\">%d %s</span>", overdue, _(c, "overdue"));
		html_printf(b, "</td><td>%s</td><td>", bn->pii && !rp.personal ? "" : goal_text(bn->data));
		if (mv) {
			kr(c, mv->yearly);
			sum_year += mv->yearly;
			sum_date += mv->to_date;
		}
		html_printf(b, "</td><td>");
		if (mv)
			kr(c, mv->to_date);
		html_printf(b, "</td></tr>");
		free(owner_name);
	}
	html_printf(b, "</tbody><tfoot><tr><th scope=\"row\" colspan=\"6\">%s</th><td>", _(c, "Total"));
	kr(c, sum_year);
	html_printf(b, "</td><td>");
	kr(c, sum_date);
	html_printf(b, "</td></tr></tfoot></table></div>");
	if (!nb)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No benefits yet."));
	layout_end(c);
	free(mo);
	ind_sums_free(is, nis);
	reg_page_free(&rp);
}

/* The organisation's pages are for its members (not the operator). Returns
 * the member's role, or NULL with a 404 page. */
static const struct membership *org_member(struct ctx *c, long long org_id)
{
	const struct membership *m = ctx_membership(c, org_id);
	struct authz_object obj = {.org_id = org_id};
	if (!m || authz_check(c, AZ_ORG_VIEW, &obj) != AZ_ALLOW) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return NULL;
	}
	return m;
}

struct org_row {
	long long id, project_id;
	char *project, *title, *owner, *type; /* owned */
	double yearly, to_date;
	bool has_money;
	int behind, overdue, count;
};

/* Totals per key (type or owner). */
struct total {
	const char *key;  /* borrowed from a row */
	int count, behind, overdue;
	double yearly, to_date;
};

static void total_add(struct total *t, int *n, int max, const char *key, const struct org_row *r)
{
	int i = 0;
	while (i < *n && strcmp(t[i].key, key) != 0)
		i++;
	if (i == *n) {
		if (*n == max)
			return;
		t[(*n)++] = (struct total){.key = key};
	}
	t[i].count++;
	t[i].behind += r->behind > 0;
	t[i].overdue += r->overdue > 0;
	t[i].yearly += r->yearly;
	t[i].to_date += r->to_date;
}

static void totals_render(struct ctx *c, const char *caption, const char *col, const struct total *t, int n)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    caption, col, _(c, "Benefits"), _(c, "Behind plan"), _(c, "Overdue measurements"), _(c, "Yearly value"),
		    _(c, "Realised to date"));
	for (int i = 0; i < n; i++) {
		html_printf(b, "<tr><th scope=\"row\">%s</th><td>%d</td><td>%d</td><td>%d</td><td>", t[i].key, t[i].count, t[i].behind,
			    t[i].overdue);
		kr(c, t[i].yearly);
		html_printf(b, "</td><td>");
		kr(c, t[i].to_date);
		html_printf(b, "</td></tr>");
	}
	html_printf(b, "</tbody></table>");
}

/* The settings form for the organisation's administrators. */
static void org_benefit_settings_form(struct ctx *c, long long org_id)
{
	struct buf *b = &c->resp->body;
	double hourly = 0;
	char num[48] = "";
	if (store_org_hourly_cost(c->db, org_id, &hourly))
		format_number_nb_auto(hourly, num, sizeof num);
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2><form method=\"post\" action=\"/orgs/%lld/benefits/settings\" class=\"varde-form\">",
		    _(c, "Settings"), org_id);
	ui_csrf(c);
	ui_input(c, &(struct ui_input){.name = "hourly_cost", .label = _(c, "Hourly cost (NOK)"), .value = num,
				       .help = _(c, "Used by the saved-time calculator; each calculation records the cost it used.")},
		 NULL);
	ui_input(c, &(struct ui_input){.name = "type", .label = _(c, "Add a benefit type"), .maxlength = 80,
				       .help = _(c, "The built-in types are KS's and the public-sector guidance's; add your own here.")},
		 NULL);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>", _(c, "Save"));
}

/* GET /orgs/:id/benefits — every benefit of the organisation's projects the
 * user may read: totals per type and per owner, behind plan, overdue. */
void page_org_benefits(struct ctx *c)
{
	long long org_id = c->req->params[0];
	const struct membership *me = org_member(c, org_id);
	if (!me)
		return;
	bool admin = !strcmp(me->role, "admin");
	struct buf *b = &c->resp->body;
	struct ind_sum *is = NULL;
	int nis = ind_sums_load(c, org_id, 0, &is);
	struct money *mo = NULL;
	int nmo = money_load(c, org_id, 0, &mo);
	const struct reg_def *rd = register_find("benefit");
	const struct m_field *typef = register_field(rd, "type");
	/* Own types, for their labels. */
	char *own_keys[40], *own_labels[40];
	int nown = 0;
	struct db_stmt *s = store_org_benefit_types(c->db, org_id);
	while (db_step(s) == DB_ROW && nown < 40) {
		own_keys[nown] = db_col_dup(s, 0);
		own_labels[nown++] = db_col_dup(s, 1);
	}
	db_reset(s);
	struct org_row *rows = NULL;
	int n = 0, cap = 0;
	s = store_org_benefits(c->db, org_id);
	while (db_step(s) == DB_ROW) {
		bool team_only = !strcmp(db_col_text(s, 8), "team");
		if (team_only && !admin)
			continue; /* a team-only project's benefits are in its own plan */
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			rows = xrealloc(rows, (size_t)cap * sizeof *rows);
		}
		struct org_row *r = &rows[n++];
		memset(r, 0, sizeof *r);
		r->id = db_col_int(s, 0);
		r->project_id = db_col_int(s, 1);
		r->project = db_col_dup(s, 2);
		bool pii = *db_col_text(s, 7);
		r->title = xstrdup(pii ? _(c, "(personal data hidden)") : db_col_text(s, 4));
		r->owner = xstrdup(db_col_null(s, 6) ? _(c, "(no owner)") : db_col_text(s, 6));
		json_t *data = json_loads(db_col_text(s, 5), 0, NULL);
		const char *tk = json_string_value(entry_field(data, "type"));
		const char *label = tk ? reg_option_label(c, typef, tk) : _(c, "(no type)");
		for (int k = 0; tk && k < nown; k++)
			if (!strcmp(own_keys[k], tk))
				label = own_labels[k];
		r->type = xstrdup(label);
		json_decref(data);
		const struct money *mv = money_of(mo, nmo, r->id);
		if (mv) {
			r->has_money = true;
			r->yearly = mv->yearly;
			r->to_date = mv->to_date;
		}
		benefit_flags(is, nis, r->id, &r->behind, &r->overdue, &r->count);
	}
	db_reset(s);
	layout_begin(c, _(c, "Benefits"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/orgs/%lld\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1><p class=\"ds-paragraph\">%s</p>",
		    org_id, me->org_name, _(c, "Benefits across the organisation"),
		    _(c, "Every benefit of the organisation's projects, also of projects that are closed: benefits are "
			 "realised long after a project ends."));
	if (kv_get(&c->req->query, "saved"))
		ui_alert(c, "success", _(c, "Saved."));
	struct total by_type[60], by_owner[200];
	int nt = 0, no = 0;
	for (int i = 0; i < n; i++) {
		total_add(by_type, &nt, 60, rows[i].type, &rows[i]);
		total_add(by_owner, &no, 200, rows[i].owner, &rows[i]);
	}
	totals_render(c, _(c, "Per type of benefit"), _(c, "Type"), by_type, nt);
	totals_render(c, _(c, "Per benefit owner"), _(c, "Owner"), by_owner, no);
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>", _(c, "Needs attention"));
	int flagged = 0;
	for (int i = 0; i < n; i++) {
		if (!rows[i].behind && !rows[i].overdue)
			continue;
		if (!flagged++)
			html_printf(b, "<ul>");
		html_printf(b, "<li><a class=\"ds-link\" href=\"/benefits/%lld\">%s</a> (%s, %s)", rows[i].id, rows[i].title,
			    rows[i].project, rows[i].owner);
		if (rows[i].behind)
			html_printf(b, " <span class=\"ds-tag\" data-color=\"danger\">%s</span>", _(c, "Behind plan"));
		if (rows[i].overdue)
			html_printf(b, " <span class=\"ds-tag\" data-color=\"warning\">%s</span>", _(c, "Overdue measurement"));
		html_printf(b, "</li>");
	}
	if (flagged)
		html_printf(b, "</ul>");
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "Nothing is behind plan or overdue."));
	html_printf(b, "<div class=\"varde-table-wrap\"><table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    _(c, "All benefits"), _(c, "Benefit"), _(c, "Project"), _(c, "Type"), _(c, "Owner"), _(c, "Yearly value"),
		    _(c, "Realised to date"));
	for (int i = 0; i < n; i++) {
		html_printf(b, "<tr><th scope=\"row\"><a class=\"ds-link\" href=\"/benefits/%lld\">%s</a></th><td><a class=\"ds-link\" href=\"/projects/%lld/benefits\">%s</a></td>"
			       "<td>%s</td><td>%s</td><td>",
			    rows[i].id, rows[i].title, rows[i].project_id, rows[i].project, rows[i].type, rows[i].owner);
		if (rows[i].has_money)
			kr(c, rows[i].yearly);
		html_printf(b, "</td><td>");
		if (rows[i].has_money)
			kr(c, rows[i].to_date);
		html_printf(b, "</td></tr>");
	}
	html_printf(b, "</tbody></table></div>");
	if (admin)
		org_benefit_settings_form(c, org_id);
	layout_end(c);
	for (int i = 0; i < n; i++) {
		free(rows[i].project);
		free(rows[i].title);
		free(rows[i].owner);
		free(rows[i].type);
	}
	free(rows);
	for (int k = 0; k < nown; k++) {
		free(own_keys[k]);
		free(own_labels[k]);
	}
	free(mo);
	ind_sums_free(is, nis);
}

/* POST /orgs/:id/benefits/settings — hourly cost and an own benefit type. */
void page_org_benefit_settings(struct ctx *c)
{
	long long org_id = c->req->params[0];
	struct authz_object obj = {.org_id = org_id};
	enum authz_result r = authz_check(c, AZ_ORG_MANAGE, &obj);
	if (r != AZ_ALLOW || !ctx_membership(c, org_id)) {
		page_error(c, r == AZ_DENY ? 403 : 404,
			   r == AZ_DENY ? _(c, "Only the organisation's administrators can do this.") : _(c, "There is no page at this address."));
		return;
	}
	const char *hs = kv_get(&c->req->form, "hourly_cost");
	char *type = text_trim_dup(kv_get(&c->req->form, "type") ? kv_get(&c->req->form, "type") : "");
	double hourly = 0;
	int rc = STORE_OK;
	if (hs && *hs && (!parse_number(hs, false, &hourly) || hourly < 0)) {
		page_error(c, 400, _(c, "Write the hourly cost as a number, like 650."));
		free(type);
		return;
	}
	if (utf8_length(type) > 80) {
		page_error(c, 400, _(c, "The text is too long."));
		free(type);
		return;
	}
	if (hs && *hs)
		rc = store_org_hourly_cost_set(c->db, org_id, hourly);
	if (rc == STORE_OK && *type) {
		/* The key is the folded label: "Bedre arbeidsmiljø" → "org:bedre arbeidsmiljø". */
		char *folded = text_fold(type);
		char key[200];
		snprintf(key, sizeof key, "org:%s", folded);
		free(folded);
		rc = store_org_benefit_type_add(c->db, org_id, key, type);
		if (rc == STORE_CONFLICT) {
			page_error(c, 400, _(c, "That benefit type exists already."));
			free(type);
			return;
		}
	}
	free(type);
	if (rc != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		return;
	}
	char loc[64];
	snprintf(loc, sizeof loc, "/orgs/%lld/benefits?saved=1", org_id);
	resp_redirect(c->resp, loc);
}

/* The measurements due on the user's dashboard: indicators of the benefits
 * they own that are overdue or due within two weeks. Returns how many. */
int benefit_due_render(struct ctx *c)
{
	struct buf *b = &c->resp->body;
	char iso[11];
	reg_today(iso);
	long today = benefit_day(iso);
	struct db_stmt *s = store_owned_indicators(c->db, c->user_id);
	int n = 0;
	while (db_step(s) == DB_ROW) {
		struct indicator in;
		indicator_read(s, &in);
		/* As the benefit core counts: one period after the latest measurement,
		 * or after the baseline when there is none or all are older. */
		long last = benefit_day(db_col_text(s, 15)), base = benefit_day(in.baseline_date);
		long from = last != BENEFIT_NO_DAY && (base == BENEFIT_NO_DAY || last >= base) ? last : base;
		enum benefit_freq f = !strcmp(in.frequency, "weekly")	   ? BF_WEEKLY
				      : !strcmp(in.frequency, "quarterly") ? BF_QUARTERLY
				      : !strcmp(in.frequency, "yearly")	   ? BF_YEARLY
									   : BF_MONTHLY;
		long due = BENEFIT_NO_DAY;
		char due_iso[BENEFIT_ISO_LEN] = "";
		if (from == BENEFIT_NO_DAY || benefit_next_due(f, from, &due) != BE_OK || due - today > 14 ||
		    !benefit_day_format(due, due_iso)) {
			indicator_free(&in);
			continue;
		}
		if (!n++)
			html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2><ul>", _(c, "Measurements due"));
		html_printf(b, "<li><a class=\"ds-link\" href=\"/benefits/%lld#indicator-%lld\">%s: %s</a> – %s "
			       "<time datetime=\"%s\">%.2s.%.2s.%.4s</time>",
			    in.benefit_id, in.id, db_col_text(s, 13), in.name, _(c, "due"), due_iso, due_iso + 8, due_iso + 5, due_iso);
		if (due < today)
			html_printf(b, " <span class=\"ds-tag\" data-color=\"danger\">%s</span>", _(c, "Overdue"));
		html_printf(b, "</li>");
		indicator_free(&in);
	}
	db_reset(s);
	if (n)
		html_printf(b, "</ul>");
	return n;
}
