/* page_network.c — innovation networks: the list and creating one, the
 * overview of every shared project of every member (filterable, printable),
 * running the network (member organisations, leaders and coaches, themes,
 * joint and toolbox measures), and the joint measures table.
 *
 * Seeing a network never opens a member's projects; sharing does, project by
 * project (page_share.c), for the network's leaders and coaches. The overview
 * lists only shared projects, and to the members of member organisations
 * only their own organisation's (sharing is with the leaders and coaches, not
 * with the other municipalities), and team-only projects only to its admins. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/layout.h"
#include "../core/html.h"
#include "../core/parse.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "../method/registry.h"
#include "../project/project.h"
#include "network_page.h"
#include "pages.h"

enum { NAME_MAX = 200, TEXT_MAX = 4000 };

static const char *org_role_label(struct ctx *c, const char *role)
{
	if (!strcmp(role, "pilot"))
		return _(c, "Pilot municipality");
	if (!strcmp(role, "experience"))
		return _(c, "Experience municipality");
	return _(c, "Partner");
}

/* GET /networks — the networks the user sees, and the form to start one
 * (for administrators of an organisation, which will own it). */
void page_networks(struct ctx *c)
{
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Networks"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1><p class=\"ds-paragraph\">%s</p>", _(c, "Networks"),
		    _(c, "Innovation networks follow several organisations through an innovation process. A network sees a "
			 "member's project only when the member shares it."));
	struct db_stmt *s = store_networks_of_user(c->db, c->user_id);
	int n = 0;
	while (db_step(s) == DB_ROW) {
		if (!n++)
			html_printf(b, "<ul class=\"varde-link-list\">");
		html_printf(b, "<li><a class=\"ds-link\" href=\"/networks/%lld\">%s</a> – %s</li>", db_col_int(s, 0), db_col_text(s, 1),
			    db_col_text(s, 2));
	}
	db_reset(s);
	if (n)
		html_printf(b, "</ul>");
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "You are in no network yet."));
	struct ui_option owners[32];
	int no = 0;
	for (int i = 0; i < c->norgs && no < 32; i++)
		if (!strcmp(c->orgs[i].role, "admin")) {
			char *id = xcalloc(1, 24);
			snprintf(id, 24, "%lld", c->orgs[i].org_id);
			owners[no++] = (struct ui_option){id, c->orgs[i].org_name};
		}
	if (no) {
		html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2><form method=\"post\" action=\"/networks\" class=\"varde-form\">",
			    _(c, "Start a network"));
		ui_csrf(c);
		ui_input(c, &(struct ui_input){.name = "name", .label = _(c, "Name"), .required = true, .maxlength = NAME_MAX}, NULL);
		ui_textarea(c, "description", _(c, "Description"), NULL, NULL, 3, NULL, false);
		ui_select(c, "owner", _(c, "Owner organisation"), owners, no, NULL, NULL);
		ui_input(c, &(struct ui_input){.name = "start", .label = _(c, "Period from"), .help = _(c, "Like 22.11.2026")}, NULL);
		ui_input(c, &(struct ui_input){.name = "end", .label = _(c, "Period to")}, NULL);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>", _(c, "Start"));
	}
	for (int i = 0; i < no; i++)
		free((char *)owners[i].value);
	layout_end(c);
}

/* A trimmed form text of at most max characters; NULL (and a message) when
 * it is required and empty or too long. name may be "a|b": the first of the
 * two names that was posted (forms on one page need distinct names). Caller frees. */
static char *form_text_ok(struct ctx *c, const char *name, size_t max, bool required, const char **problem)
{
	char first[64];
	const char *bar = strchr(name, '|'), *v = NULL;
	if (bar) {
		snprintf(first, sizeof first, "%.*s", (int)(bar - name), name);
		v = kv_get(&c->req->form, first);
		name = bar + 1;
	}
	if (!v)
		v = kv_get(&c->req->form, name);
	char *t = text_trim_dup(v ? v : "");
	if ((required && !*t) || utf8_length(t) > max) {
		*problem = required && !*t ? _(c, "Fill in every required field.") : _(c, "The text is too long.");
		free(t);
		return NULL;
	}
	return t;
}

/* An optional date field as ISO in out ("" when empty); false if unreadable. */
static bool form_date_ok(struct ctx *c, const char *name, char out[11])
{
	const char *v = kv_get(&c->req->form, name);
	out[0] = 0;
	return !v || !*v || parse_date(v, out);
}

/* POST /networks */
void page_network_create(struct ctx *c)
{
	long long owner = 0;
	text_parse_ll(kv_get(&c->req->form, "owner"), &owner);
	const struct membership *m = ctx_membership(c, owner);
	const char *problem = NULL;
	char start[11], end[11];
	char *name = form_text_ok(c, "name", NAME_MAX, true, &problem);
	char *desc = form_text_ok(c, "description", TEXT_MAX, false, &problem);
	if (!m || strcmp(m->role, "admin") != 0) {
		page_error(c, 403, _(c, "Only an administrator of the owner organisation can start a network."));
	} else if (!name || !desc) {
		page_error(c, 400, problem);
	} else if (!form_date_ok(c, "start", start) || !form_date_ok(c, "end", end) || (*start && *end && strcmp(end, start) < 0)) {
		page_error(c, 400, _(c, "Enter dates like 2026-11-22 or 22.11.2026, the end after the start."));
	} else {
		struct network n = {.name = name, .description = desc, .owner_org_id = owner, .period_start = start, .period_end = end};
		long long id = 0;
		if (store_network_create(c->db, &n, c->user_id, &id) != STORE_OK ||
		    store_network_person_set(c->db, id, c->user_id, "leader") != STORE_OK) {
			page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		} else {
			char loc[48];
			snprintf(loc, sizeof loc, "/networks/%lld", id);
			resp_redirect(c->resp, loc);
		}
	}
	free(name);
	free(desc);
}

/* One shared project in the overview. */
struct shared {
	long long id, org_id, updated_at, last_activity;
	char *title, *org, *phase, *status, *rag, *area, *theme, *challenge; /* owned */
	const struct methodology *m;
	int progress, benefits;
	bool team_only;
	double yearly;
	char *report, *report_rag; /* owned, may be NULL */
};

static void shared_free(struct shared *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].org);
		free(v[i].phase);
		free(v[i].status);
		free(v[i].rag);
		free(v[i].area);
		free(v[i].theme);
		free(v[i].challenge);
		free(v[i].report);
		free(v[i].report_rag);
	}
	free(v);
}

static struct shared *shared_find(struct shared *v, int n, long long id)
{
	for (int i = 0; i < n; i++)
		if (v[i].id == id)
			return &v[i];
	return NULL;
}

/* Every shared project with its progress, latest report and benefit totals,
 * from five queries for the whole network. */
static int shared_load(struct ctx *c, long long network_id, struct shared **out)
{
	struct db_stmt *s = store_shared_projects(c->db, network_id);
	int n = 0, cap = 0;
	*out = NULL;
	while (db_step(s) == DB_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		struct shared *p = &(*out)[n++];
		memset(p, 0, sizeof *p);
		p->id = db_col_int(s, 0);
		p->title = db_col_dup(s, 1);
		p->org_id = db_col_int(s, 2);
		p->org = db_col_dup(s, 3);
		p->phase = db_col_dup(s, 4);
		p->status = db_col_dup(s, 5);
		p->rag = db_col_dup(s, 6);
		p->area = db_col_dup(s, 7);
		p->m = registry_version(c->app->methods, db_col_int(s, 8));
		p->updated_at = db_col_int(s, 9);
		p->theme = db_col_dup(s, 10);
		p->challenge = db_col_dup(s, 11);
		p->last_activity = db_col_null(s, 12) ? p->updated_at : db_col_int(s, 12);
		p->team_only = !strcmp(db_col_text(s, 13), "team");
	}
	db_reset(s);
	struct progress_set ps;
	progress_set_load(&ps, c->db, store_network_entries(c->db, network_id), store_network_steps(c->db, network_id));
	for (int i = 0; i < n; i++)
		(*out)[i].progress = (*out)[i].m ? progress_set_phase(&ps, (*out)[i].id, (*out)[i].m, (*out)[i].phase) : 0;
	progress_set_free(&ps);
	s = store_network_latest_reports(c->db, network_id);
	while (db_step(s) == DB_ROW) {
		struct shared *p = shared_find(*out, n, db_col_int(s, 0));
		if (!p)
			continue;
		free(p->report);
		free(p->report_rag);
		p->report = db_col_dup(s, 1);
		p->report_rag = db_col_dup(s, 2);
	}
	db_reset(s);
	s = store_network_benefits(c->db, network_id);
	while (db_step(s) == DB_ROW) {
		struct shared *p = shared_find(*out, n, db_col_int(s, 0));
		if (p) {
			p->benefits = (int)db_col_int(s, 1);
			p->yearly = db_col_double(s, 2);
		}
	}
	db_reset(s);
	return n;
}

/* The phase name of a shared project in its methodology's language. */
static const char *phase_name(struct ctx *c, const struct shared *p)
{
	const struct m_phase *ph = p->m ? method_phase(p->m, p->phase) : NULL;
	if (!ph)
		return p->phase;
	return tr_text(p->m, &ph->name, method_has_lang(p->m, c->lang) ? c->lang : p->m->langs[0]);
}

/* May this reader see the shared project in the network's lists? Leaders,
 * coaches and those who run the network: all; others: their own organisation's. */
static bool shared_visible(const struct ctx *c, const struct network_page *np, const struct shared *p)
{
	if (np->manage || np->coach)
		return true;
	/* As the authorization core: a team-only project only for its organisation's admins here. */
	const struct membership *m = ctx_membership(c, p->org_id);
	return m && (!p->team_only || !strcmp(m->role, "admin"));
}

/* Does a shared project pass the overview's filters? */
static bool shared_matches(struct ctx *c, const struct shared *p, const long long *with_measure, int nwith)
{
	long long org = 0, measure = 0;
	const char *phase = kv_get(&c->req->query, "phase"), *area = kv_get(&c->req->query, "area");
	if (text_parse_ll(kv_get(&c->req->query, "member"), &org) && org && org != p->org_id)
		return false;
	if (phase && *phase && strcmp(phase, p->phase) != 0)
		return false;
	if (area && *area && strcmp(area, p->area) != 0)
		return false;
	if (text_parse_ll(kv_get(&c->req->query, "measure"), &measure) && measure) {
		for (int i = 0; i < nwith; i++)
			if (with_measure[i] == p->id)
				return true;
		return false;
	}
	return true;
}

/* The filter form (GET, so the filtered overview has an address to print or share). */
static void overview_filters(struct ctx *c, const struct network_page *np, const struct shared *v, int n)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<form method=\"get\" action=\"/networks/%lld\" class=\"varde-filters varde-row varde-noprint\">", np->n.id);
	const char *sel = kv_get(&c->req->query, "member");
	html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"f-member\">%s</label><select class=\"ds-input\" id=\"f-member\" name=\"member\">"
		       "<option value=\"\">%s</option>",
		    _(c, "Member"), _(c, "All"));
	struct db_stmt *s = store_network_orgs(c->db, np->n.id);
	while (db_step(s) == DB_ROW) {
		char id[24];
		snprintf(id, sizeof id, "%lld", db_col_int(s, 0));
		html_printf(b, "<option value=\"%s\"%s>%s</option>", id, sel && !strcmp(sel, id) ? " selected" : "", db_col_text(s, 1));
	}
	db_reset(s);
	html_printf(b, "</select></div>");
	/* Phases that occur among the shared projects. */
	const char *ph = kv_get(&c->req->query, "phase");
	html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"f-phase\">%s</label><select class=\"ds-input\" id=\"f-phase\" name=\"phase\">"
		       "<option value=\"\">%s</option>",
		    _(c, "Phase"), _(c, "All"));
	for (int i = 0; i < n; i++) {
		bool seen = !shared_visible(c, np, &v[i]);
		for (int k = 0; k < i && !seen; k++)
			seen = shared_visible(c, np, &v[k]) && !strcmp(v[k].phase, v[i].phase);
		if (!seen)
			html_printf(b, "<option value=\"%s\"%s>%s</option>", v[i].phase, ph && !strcmp(ph, v[i].phase) ? " selected" : "",
				    phase_name(c, &v[i]));
	}
	html_printf(b, "</select></div>");
	int na;
	const struct ui_option *areas = service_areas(c, &na);
	const char *ar = kv_get(&c->req->query, "area");
	html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"f-area\">%s</label><select class=\"ds-input\" id=\"f-area\" name=\"area\">"
		       "<option value=\"\">%s</option>",
		    _(c, "Service area"), _(c, "All"));
	for (int i = 0; i < na; i++)
		html_printf(b, "<option value=\"%s\"%s>%s</option>", areas[i].value, ar && !strcmp(ar, areas[i].value) ? " selected" : "",
			    areas[i].label);
	html_printf(b, "</select></div>");
	const char *me = kv_get(&c->req->query, "measure");
	html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"f-measure\">%s</label><select class=\"ds-input\" id=\"f-measure\" name=\"measure\">"
		       "<option value=\"\">%s</option>",
		    _(c, "Measure"), _(c, "All"));
	s = store_network_measures(c->db, np->n.id);
	while (db_step(s) == DB_ROW) {
		char id[24];
		snprintf(id, sizeof id, "%lld", db_col_int(s, 0));
		html_printf(b, "<option value=\"%s\"%s>%s</option>", id, me && !strcmp(me, id) ? " selected" : "", db_col_text(s, 2));
	}
	db_reset(s);
	html_printf(b, "</select></div><button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>",
		    _(c, "Filter"));
}

/* The table of shared projects. */
static void overview_table(struct ctx *c, const struct network_page *np, struct shared *v, int n)
{
	struct buf *b = &c->resp->body;
	long long measure = 0, with[1000];
	int nwith = 0;
	if (text_parse_ll(kv_get(&c->req->query, "measure"), &measure) && measure) {
		struct db_stmt *s = store_measure_progress(c->db, np->n.id);
		while (db_step(s) == DB_ROW && nwith < 1000)
			if (db_col_int(s, 1) == measure)
				with[nwith++] = db_col_int(s, 0);
		db_reset(s);
	}
	html_printf(b, "<div class=\"varde-table-wrap\"><table class=\"ds-table\"><caption>%s</caption><thead><tr>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    _(c, "Shared projects"), _(c, "Project"), _(c, "Member"), _(c, "Phase"), _(c, "Progress"), _(c, "Status"),
		    _(c, "Latest status report"), _(c, "Benefits"), _(c, "Last activity"));
	int shown = 0;
	for (int i = 0; i < n; i++) {
		struct shared *p = &v[i];
		if (!shared_visible(c, np, p) || !shared_matches(c, p, with, nwith))
			continue;
		shown++;
		char when[16], yearly[48];
		time_t t = (time_t)p->last_activity;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%d.%m.%Y", &tm);
		format_number_nb(p->yearly, 0, yearly, sizeof yearly);
		html_printf(b, "<tr><th scope=\"row\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a>", p->id, p->title);
		if (p->theme)
			html_printf(b, "<br><span class=\"varde-meta\">%s</span>", p->theme);
		if (np->coach)
			html_printf(b, "<br><a class=\"ds-link\" href=\"/projects/%lld/coaching\">%s</a>", p->id, _(c, "Coaching"));
		html_printf(b, "</th><td>%s</td><td>%s</td><td>%d %%</td><td><span class=\"varde-rag varde-rag-%s\">%s</span> %s</td><td>",
			    p->org, phase_name(c, p), p->progress, p->rag, _(c, p->rag), _(c, p->status));
		if (p->report)
			html_printf(b, "%s (<span class=\"varde-rag varde-rag-%s\">%s</span>)", p->report, p->report_rag, _(c, p->report_rag));
		html_printf(b, "</td><td>%d · %s kr/%s</td><td>%s</td></tr>", p->benefits, yearly, _(c, "year"), when);
	}
	html_printf(b, "</tbody></table></div>");
	if (!shown)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No shared project matches."));
}

/* Member organisations, leaders and coaches, themes and measures, each with
 * its form for those who run the network. */
static void overview_setup(struct ctx *c, const struct network_page *np)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<div class=\"varde-two-col\"><section><h2 class=\"ds-heading\" data-size=\"sm\">%s</h2><ul class=\"varde-link-list\">",
		    _(c, "Members"));
	struct db_stmt *s = store_network_orgs(c->db, np->n.id);
	while (db_step(s) == DB_ROW) {
		html_printf(b, "<li>%s – %s", db_col_text(s, 1), org_role_label(c, db_col_text(s, 2)));
		if (np->manage) {
			html_printf(b, " <form class=\"varde-inline\" method=\"post\" action=\"/networks/%lld/orgs/%lld/remove\">", np->n.id,
				    db_col_int(s, 0));
			ui_csrf(c);
			html_printf(b, "<button class=\"ds-button\" data-variant=\"tertiary\" type=\"submit\">%s<span class=\"ds-sr-only\"> %s</span></button></form>",
				    _(c, "Remove"), db_col_text(s, 1));
		}
		html_printf(b, "</li>");
	}
	db_reset(s);
	html_printf(b, "</ul>");
	if (np->manage) {
		html_printf(b, "<form method=\"post\" action=\"/networks/%lld/orgs\" class=\"varde-form\">", np->n.id);
		ui_csrf(c);
		html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"org\">%s</label><select class=\"ds-input\" id=\"org\" name=\"org\">",
			    _(c, "Organisation"));
		s = store_org_list(c->db, 1000, 0);
		while (db_step(s) == DB_ROW)
			html_printf(b, "<option value=\"%lld\">%s</option>", db_col_int(s, 0), db_col_text(s, 1));
		db_reset(s);
		html_printf(b, "</select></div><div class=\"ds-field\"><label class=\"ds-label\" for=\"org-role\">%s</label>"
			       "<select class=\"ds-input\" id=\"org-role\" name=\"role\"><option value=\"pilot\">%s</option>"
			       "<option value=\"experience\">%s</option><option value=\"partner\">%s</option></select></div>"
			       "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>",
			    _(c, "Role"), _(c, "Pilot municipality"), _(c, "Experience municipality"), _(c, "Partner"), _(c, "Add member"));
	}
	html_printf(b, "</section><section><h2 class=\"ds-heading\" data-size=\"sm\">%s</h2><ul class=\"varde-link-list\">",
		    _(c, "Leaders and coaches"));
	s = store_network_people(c->db, np->n.id);
	while (db_step(s) == DB_ROW) {
		html_printf(b, "<li>%s – %s", db_col_text(s, 1), !strcmp(db_col_text(s, 3), "leader") ? _(c, "Network leader") : _(c, "Coach"));
		if (np->manage && db_col_int(s, 0) != c->user_id) {
			html_printf(b, " <form class=\"varde-inline\" method=\"post\" action=\"/networks/%lld/people/%lld/remove\">", np->n.id,
				    db_col_int(s, 0));
			ui_csrf(c);
			html_printf(b, "<button class=\"ds-button\" data-variant=\"tertiary\" type=\"submit\">%s<span class=\"ds-sr-only\"> %s</span></button></form>",
				    _(c, "Remove"), db_col_text(s, 1));
		}
		html_printf(b, "</li>");
	}
	db_reset(s);
	html_printf(b, "</ul>");
	if (np->manage) {
		html_printf(b, "<form method=\"post\" action=\"/networks/%lld/people\" class=\"varde-form\">", np->n.id);
		ui_csrf(c);
		ui_input(c, &(struct ui_input){.name = "email", .label = _(c, "E-mail address of a Varde user"), .type = "email"}, NULL);
		html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"person-role\">%s</label>"
			       "<select class=\"ds-input\" id=\"person-role\" name=\"role\"><option value=\"coach\">%s</option>"
			       "<option value=\"leader\">%s</option></select></div>"
			       "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>",
			    _(c, "Role"), _(c, "Coach"), _(c, "Network leader"), _(c, "Add person"));
	}
	html_printf(b, "</section></div>");
}

/* Themes and measures with their forms. */
static void overview_content(struct ctx *c, const struct network_page *np)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<div class=\"varde-two-col\"><section><h2 class=\"ds-heading\" data-size=\"sm\">%s</h2><ul class=\"varde-link-list\">",
		    _(c, "Themes"));
	struct db_stmt *s = store_network_themes(c->db, np->n.id);
	while (db_step(s) == DB_ROW)
		html_printf(b, "<li><strong>%s</strong> %s</li>", db_col_text(s, 1), db_col_text(s, 2));
	db_reset(s);
	html_printf(b, "</ul>");
	if (np->manage) {
		html_printf(b, "<form method=\"post\" action=\"/networks/%lld/themes\" class=\"varde-form\">", np->n.id);
		ui_csrf(c);
		ui_input(c, &(struct ui_input){.name = "theme_name", .label = _(c, "Theme"), .maxlength = NAME_MAX}, NULL);
		ui_input(c, &(struct ui_input){.name = "theme_description", .label = _(c, "Description"), .maxlength = NAME_MAX}, NULL);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>", _(c, "Add theme"));
	}
	html_printf(b, "</section><section><h2 class=\"ds-heading\" data-size=\"sm\">%s</h2><ul class=\"varde-link-list\">",
		    _(c, "Measures"));
	s = store_network_measures(c->db, np->n.id);
	while (db_step(s) == DB_ROW)
		html_printf(b, "<li><strong>%s</strong> (%s) %s</li>", db_col_text(s, 2),
			    !strcmp(db_col_text(s, 1), "joint") ? _(c, "joint measure") : _(c, "from the toolbox"), db_col_text(s, 3));
	db_reset(s);
	html_printf(b, "</ul><p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/networks/%lld/measures\">%s</a></p>", np->n.id,
		    _(c, "Each member's progress on the joint measures"));
	if (np->manage) {
		html_printf(b, "<form method=\"post\" action=\"/networks/%lld/measures\" class=\"varde-form\">", np->n.id);
		ui_csrf(c);
		ui_input(c, &(struct ui_input){.name = "measure_name", .label = _(c, "Measure"), .maxlength = NAME_MAX}, NULL);
		ui_input(c, &(struct ui_input){.name = "measure_description", .label = _(c, "Description"), .maxlength = NAME_MAX}, NULL);
		html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"measure-kind\">%s</label>"
			       "<select class=\"ds-input\" id=\"measure-kind\" name=\"kind\"><option value=\"joint\">%s</option>"
			       "<option value=\"toolbox\">%s</option></select></div>"
			       "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>",
			    _(c, "Kind"), _(c, "Joint measure: every member works on it"), _(c, "Toolbox: a member may adopt it"),
			    _(c, "Add measure"));
	}
	html_printf(b, "</section></div>");
}

/* GET /networks/:id — the overview. */
void page_network_view(struct ctx *c)
{
	struct network_page np;
	if (network_load(c, c->req->params[0], AZ_NETWORK_VIEW, &np) != 0)
		return;
	struct buf *b = &c->resp->body;
	struct shared *v = NULL;
	int n = shared_load(c, np.n.id, &v);
	layout_begin(c, np.n.name);
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/networks\">%s</a> · %s %s", _(c, "Networks"),
		    _(c, "Owner:"), np.n.owner_name);
	if (np.n.period_start)
		html_printf(b, " · %s %s–%s", _(c, "Period:"), np.n.period_start, np.n.period_end ? np.n.period_end : "");
	html_printf(b, "</p><h1 class=\"ds-heading\" data-size=\"lg\">%s</h1><p class=\"ds-paragraph\">%s</p>", np.n.name,
		    np.n.description);
	if (kv_get(&c->req->query, "done"))
		ui_alert(c, "success", _(c, "Saved."));
	html_printf(b, "<ul class=\"varde-inline-list varde-noprint\"><li><a class=\"ds-link\" href=\"/networks/%lld/rounds\">%s</a></li>"
		       "<li><a class=\"ds-link\" href=\"/networks/%lld/gatherings\">%s</a></li>"
		       "<li><a class=\"ds-link\" href=\"/networks/%lld/measures\">%s</a></li></ul>",
		    np.n.id, _(c, "Status-report rounds"), np.n.id, _(c, "Gatherings"), np.n.id, _(c, "Joint measures"));
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>", _(c, "Shared projects"));
	overview_filters(c, &np, v, n);
	overview_table(c, &np, v, n);
	overview_setup(c, &np);
	overview_content(c, &np);
	layout_end(c);
	shared_free(v, n);
	network_page_free(&np);
}

/* Back to the network's page after a change. */
static void network_done(struct ctx *c, long long id)
{
	char loc[64];
	snprintf(loc, sizeof loc, "/networks/%lld?done=1", id);
	resp_redirect(c->resp, loc);
}

/* POST /networks/:id/orgs — add or change a member organisation. */
void page_network_org_add(struct ctx *c)
{
	struct network_page np;
	if (network_load(c, c->req->params[0], AZ_NETWORK_MANAGE, &np) != 0)
		return;
	long long org = 0;
	const char *role = kv_get(&c->req->form, "role");
	struct org o;
	bool role_ok = role && (!strcmp(role, "pilot") || !strcmp(role, "experience") || !strcmp(role, "partner"));
	if (!text_parse_ll(kv_get(&c->req->form, "org"), &org) || store_org_by_id(c->db, org, &o) != STORE_OK) {
		page_error(c, 400, _(c, "Choose an organisation from the list."));
	} else {
		org_free(&o);
		if (!role_ok)
			page_error(c, 400, _(c, "Choose one of the options."));
		else if (store_network_org_set(c->db, np.n.id, org, role) != STORE_OK)
			page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		else
			network_done(c, np.n.id);
	}
	network_page_free(&np);
}

/* POST /networks/:id/orgs/:id/remove — also ends the sharing of its projects. */
void page_network_org_remove(struct ctx *c)
{
	struct network_page np;
	if (network_load(c, c->req->params[0], AZ_NETWORK_MANAGE, &np) != 0)
		return;
	if (store_network_org_remove(c->db, np.n.id, c->req->params[1]) != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else
		network_done(c, np.n.id);
	network_page_free(&np);
}

/* POST /networks/:id/people — a leader or coach, by e-mail address. */
void page_network_person_add(struct ctx *c)
{
	struct network_page np;
	if (network_load(c, c->req->params[0], AZ_NETWORK_MANAGE, &np) != 0)
		return;
	const char *role = kv_get(&c->req->form, "role");
	char *email = text_trim_dup(kv_get(&c->req->form, "email") ? kv_get(&c->req->form, "email") : "");
	text_ascii_lower(email);
	struct user u;
	if (!role || (strcmp(role, "leader") != 0 && strcmp(role, "coach") != 0)) {
		page_error(c, 400, _(c, "Choose one of the options."));
	} else if (store_user_by_email(c->db, email, &u) != STORE_OK) {
		page_error(c, 400, _(c, "There is no Varde user with that e-mail address. An administrator can create one."));
	} else {
		if (store_network_person_set(c->db, np.n.id, u.id, role) != STORE_OK)
			page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		else
			network_done(c, np.n.id);
		user_free(&u);
	}
	free(email);
	network_page_free(&np);
}

/* POST /networks/:id/people/:id/remove */
void page_network_person_remove(struct ctx *c)
{
	struct network_page np;
	if (network_load(c, c->req->params[0], AZ_NETWORK_MANAGE, &np) != 0)
		return;
	if (c->req->params[1] == c->user_id)
		page_error(c, 400, _(c, "You cannot remove yourself; ask another leader."));
	else if (store_network_person_remove(c->db, np.n.id, c->req->params[1]) != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else
		network_done(c, np.n.id);
	network_page_free(&np);
}

/* POST /networks/:id/themes */
void page_network_theme_add(struct ctx *c)
{
	struct network_page np;
	if (network_load(c, c->req->params[0], AZ_NETWORK_MANAGE, &np) != 0)
		return;
	const char *problem = NULL;
	char *name = form_text_ok(c, "theme_name|name", NAME_MAX, true, &problem);
	char *desc = form_text_ok(c, "theme_description|description", NAME_MAX, false, &problem);
	if (!name || !desc)
		page_error(c, 400, problem);
	else if (store_network_theme_add(c->db, np.n.id, name, desc) != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else
		network_done(c, np.n.id);
	free(name);
	free(desc);
	network_page_free(&np);
}

/* POST /networks/:id/measures */
void page_network_measure_add(struct ctx *c)
{
	struct network_page np;
	if (network_load(c, c->req->params[0], AZ_NETWORK_MANAGE, &np) != 0)
		return;
	const char *problem = NULL, *kind = kv_get(&c->req->form, "kind");
	char *name = form_text_ok(c, "measure_name|name", NAME_MAX, true, &problem);
	char *desc = form_text_ok(c, "measure_description|description", NAME_MAX, false, &problem);
	if (!name || !desc)
		page_error(c, 400, problem);
	else if (!kind || (strcmp(kind, "joint") != 0 && strcmp(kind, "toolbox") != 0))
		page_error(c, 400, _(c, "Choose one of the options."));
	else if (store_network_measure_add(c->db, np.n.id, kind, name, desc) != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else
		network_done(c, np.n.id);
	free(name);
	free(desc);
	network_page_free(&np);
}

/* GET /networks/:id/measures — each member's progress on each joint measure
 * (and the toolbox measures members adopted), in one table. */
void page_network_measures(struct ctx *c)
{
	struct network_page np;
	if (network_load(c, c->req->params[0], AZ_NETWORK_VIEW, &np) != 0)
		return;
	struct buf *b = &c->resp->body;
	struct shared *v = NULL;
	int n = shared_load(c, np.n.id, &v);
	long long mid[100];
	char *mname[100], mkind[100][8];
	int nm = 0;
	struct db_stmt *s = store_network_measures(c->db, np.n.id);
	while (db_step(s) == DB_ROW && nm < 100) {
		mid[nm] = db_col_int(s, 0);
		snprintf(mkind[nm], sizeof mkind[nm], "%s", db_col_text(s, 1));
		mname[nm++] = db_col_dup(s, 2);
	}
	db_reset(s);
	/* progress[project index][measure index], -1 = none */
	int *prog = xcalloc((size_t)(n ? n : 1) * (size_t)(nm ? nm : 1), sizeof *prog);
	for (int i = 0; i < n * nm; i++)
		prog[i] = -1;
	s = store_measure_progress(c->db, np.n.id);
	while (db_step(s) == DB_ROW)
		for (int i = 0; i < n; i++)
			for (int k = 0; k < nm; k++)
				if (v[i].id == db_col_int(s, 0) && mid[k] == db_col_int(s, 1))
					prog[i * nm + k] = (int)db_col_int(s, 2);
	db_reset(s);
	layout_begin(c, _(c, "Joint measures"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/networks/%lld\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1><div class=\"varde-table-wrap\"><table class=\"ds-table\"><caption>%s</caption>"
		       "<thead><tr><th scope=\"col\">%s</th>",
		    np.n.id, np.n.name, _(c, "Joint measures"), _(c, "Progress per member project, in per cent"), _(c, "Project"));
	for (int k = 0; k < nm; k++)
		html_printf(b, "<th scope=\"col\">%s%s</th>", mname[k], strcmp(mkind[k], "joint") ? " *" : "");
	html_printf(b, "</tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		if (!shared_visible(c, &np, &v[i]))
			continue;
		html_printf(b, "<tr><th scope=\"row\">%s<br><span class=\"varde-meta\">%s</span></th>", v[i].title, v[i].org);
		for (int k = 0; k < nm; k++) {
			if (prog[i * nm + k] >= 0)
				html_printf(b, "<td>%d %%</td>", prog[i * nm + k]);
			else
				html_printf(b, "<td>%s</td>", strcmp(mkind[k], "joint") ? "–" : _(c, "not started"));
		}
		html_printf(b, "</tr>");
	}
	html_printf(b, "</tbody></table></div><p class=\"ds-paragraph varde-help\">%s</p>",
		    _(c, "* A measure from the toolbox: only the members who adopted it report on it."));
	layout_end(c);
	for (int k = 0; k < nm; k++)
		free(mname[k]);
	free(prog);
	shared_free(v, n);
	network_page_free(&np);
}
