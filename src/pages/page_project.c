/* page_project.c — a project: creating one, the roadmap with progress and
 * what to do next, the team, step status and phase-gate decisions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/layout.h"
#include "../core/html.h"
#include "../core/parse.h"
#include "../core/text.h"
#include "../method/registry.h"
#include "../project/entry.h"
#include "../project/project.h"
#include "pages.h"

/* Words stored as data and shown translated: decisions, roles, activities. */
static const char *const stored_words[] __attribute__((unused)) = {
	N_("continue"), N_("back"), N_("pause"), N_("stop"), N_("owner"), N_("leader"), N_("driver"), N_("member"),
	N_("observer"), N_("project-created"), N_("member-added"), N_("gate-decision"), N_("tool-saved"),
	N_("tool-restored"), N_("item-created"), N_("item-saved"), N_("item-deleted"), N_("item-retention-deleted"),
	N_("indicator-added"), N_("indicator-saved"), N_("measured"), N_("commented-on"), N_("shared"), N_("unshared"),
	N_("report-submitted"), N_("stakeholder"), N_("anchoring"), N_("research"), N_("insight"), N_("need"),
	N_("persona"), N_("journey"), N_("idea"), N_("test"), N_("benefit"),
};

const struct ui_option *service_areas(struct ctx *c, int *n)
{
	static const char *const keys[] = {"health", "schools", "technical", "culture", "social", "planning", "other"};
	static const char *const labels[] = {N_("Health and care"), N_("Schools and kindergartens"), N_("Technical services"),
					     N_("Culture"), N_("Social services"), N_("Planning"), N_("Other")};
	static _Thread_local struct ui_option opts[7];
	for (int i = 0; i < 7; i++)
		opts[i] = (struct ui_option){keys[i], _(c, labels[i])};
	*n = 7;
	return opts;
}

const char *service_area_label(struct ctx *c, const char *key)
{
	int n;
	const struct ui_option *o = service_areas(c, &n);
	for (int i = 0; i < n; i++)
		if (key && strcmp(o[i].value, key) == 0)
			return o[i].label;
	return key ? key : "";
}

static void project_new_render(struct ctx *c, const struct form_errors *fe)
{
	struct buf *b = &c->resp->body;
	const struct kvlist *f = &c->req->form;
	layout_begin(c, _(c, "New project"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", _(c, "New project"));
	if (c->norgs == 0) {
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "You need to belong to an organisation to start a project."));
		layout_end(c);
		return;
	}
	ui_error_summary(c, fe);
	html_printf(b, "<form method=\"post\" action=\"/projects\" class=\"varde-form\" novalidate>");
	ui_csrf(c);
	struct ui_option orgs[64];
	int norgs = 0;
	char ids[64][24];
	for (int i = 0; i < c->norgs && norgs < 64; i++) {
		snprintf(ids[norgs], sizeof ids[0], "%lld", c->orgs[i].org_id);
		orgs[norgs] = (struct ui_option){ids[norgs], c->orgs[i].org_name};
		norgs++;
	}
	char cur[24];
	snprintf(cur, sizeof cur, "%lld", c->current_org);
	ui_select(c, "org", _(c, "Organisation"), orgs, norgs, kv_get(f, "org") ? kv_get(f, "org") : cur, fe);
	ui_input(c, &(struct ui_input){"title", _(c, "Title"), "text", kv_get(f, "title"), "off", NULL, true, 200}, fe);
	ui_textarea(c, "challenge", _(c, "The challenge"), kv_get(f, "challenge"),
		    _(c, "The problem in your own words: who has it, and why it matters."), 4, form_error_for(fe, "challenge"), false);
	ui_textarea(c, "goals", _(c, "Goals"), kv_get(f, "goals"), NULL, 3, NULL, false);
	int nareas;
	const struct ui_option *areas = service_areas(c, &nareas);
	ui_select(c, "area", _(c, "Service area"), areas, nareas, kv_get(f, "area"), fe);
	const struct methodology *list[32];
	int n = registry_list(c->app->methods, list, 32);
	struct ui_option ms[32];
	for (int i = 0; i < n; i++)
		ms[i] = (struct ui_option){list[i]->key, tr_text(list[i], &list[i]->name,
								 method_has_lang(list[i], c->lang) ? c->lang : list[i]->langs[0])};
	ui_select(c, "methodology", _(c, "Methodology"), ms, n, kv_get(f, "methodology") ? kv_get(f, "methodology") : "veikart", fe);
	ui_input(c, &(struct ui_input){"start", _(c, "Start date"), "date", kv_get(f, "start"), "off", NULL, true, 10}, fe);
	ui_input(c, &(struct ui_input){"end", _(c, "Planned end"), "date", kv_get(f, "end"), "off", NULL, false, 10}, fe);
	const struct ui_option vis[] = {{"org", _(c, "Everyone in the organisation")}, {"team", _(c, "The project team only")}};
	ui_select(c, "visibility", _(c, "Who can see the project"), vis, 2, kv_get(f, "visibility"), fe);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>\n",
		    _(c, "Create project"));
	layout_end(c);
}

/* GET /projects/new */
void page_project_new(struct ctx *c)
{
	project_new_render(c, NULL);
}

/* POST /projects — create a project pinned to the methodology's current
 * version, with its creator as owner. */
void page_project_create(struct ctx *c)
{
	const struct kvlist *f = &c->req->form;
	struct form_errors fe = {0};
	long long org = 0;
	if (!text_parse_ll(kv_get(f, "org"), &org) || !ctx_membership(c, org))
		form_error(&fe, "org", _(c, "Choose one of your organisations."));
	char *title = text_trim_dup(kv_get(f, "title") ? kv_get(f, "title") : "");
	char *challenge = text_trim_dup(kv_get(f, "challenge") ? kv_get(f, "challenge") : "");
	char *goals = text_trim_dup(kv_get(f, "goals") ? kv_get(f, "goals") : "");
	if (!*title || utf8_length(title) > 200)
		form_error(&fe, "title", _(c, "Give the project a title of at most 200 characters."));
	if (!*challenge || utf8_length(challenge) > 20000)
		form_error(&fe, "challenge", _(c, "Describe the challenge."));
	int nareas;
	const struct ui_option *areas = service_areas(c, &nareas);
	const char *area = kv_get(f, "area");
	bool area_ok = false;
	for (int i = 0; i < nareas; i++)
		area_ok |= area && strcmp(area, areas[i].value) == 0;
	if (!area_ok)
		form_error(&fe, "area", _(c, "Choose a service area."));
	const struct methodology *m = registry_current(c->app->methods, kv_get(f, "methodology"));
	if (!m)
		form_error(&fe, "methodology", _(c, "Choose a methodology."));
	char start[11] = "", end[11] = "";
	if (!parse_date(kv_get(f, "start"), start))
		form_error(&fe, "start", _(c, "Enter a date like 2026-11-22 or 22.11.2026."));
	const char *endv = kv_get(f, "end");
	if (endv && *endv && !parse_date(endv, end))
		form_error(&fe, "end", _(c, "Enter a date like 2026-11-22 or 22.11.2026."));
	else if (*end && *start && strcmp(end, start) < 0)
		form_error(&fe, "end", _(c, "The planned end cannot be before the start."));
	const char *vis = kv_get(f, "visibility");
	if (!vis || (strcmp(vis, "org") && strcmp(vis, "team")))
		form_error(&fe, "visibility", _(c, "Choose who can see the project."));
	long long id = 0;
	if (!fe.n) {
		struct project p = {.org_id = org, .title = title, .challenge = challenge, .goals = goals,
				    .service_area = (char *)area, .methodology_version_id = m->version_id, .start_date = start,
				    .planned_end = *end ? end : NULL, .visibility = (char *)vis,
				    .current_phase = (char *)m->phases[0].key};
		if (store_project_create(c->db, &p, c->user_id, &id) != STORE_OK ||
		    store_project_member_set(c->db, id, c->user_id, "owner", false) != STORE_OK ||
		    store_activity_add(c->db, id, c->user_id, "project-created", NULL) != STORE_OK)
			form_error(&fe, "title", _(c, "The change could not be saved. Please try again."));
	}
	free(title);
	free(challenge);
	free(goals);
	if (fe.n) {
		c->resp->status = 400;
		project_new_render(c, &fe);
		return;
	}
	char loc[64];
	snprintf(loc, sizeof loc, "/projects/%lld", id);
	resp_redirect(c->resp, loc);
}

static void progress_bar(struct buf *b, struct ctx *c, int pct, const char *label)
{
	html_printf(b, "<div class=\"varde-progress\"><progress max=\"100\" value=\"%d\" aria-label=\"%s\"></progress>"
		       "<span>%d %%</span></div>",
		    pct, label, pct);
	(void)c;
}

static const char *step_status_label(struct ctx *c, const char *st)
{
	if (!strcmp(st, "in-progress"))
		return _(c, "In progress");
	if (!strcmp(st, "done"))
		return _(c, "Done");
	if (!strcmp(st, "skipped"))
		return _(c, "Skipped");
	return _(c, "Not started");
}

/* The next thing to do: the first unfinished step of the current phase, and
 * its least complete tool. */
static void project_next(struct ctx *c, const struct project_ctx *pc, const struct m_phase *cur, const char *L)
{
	struct buf *b = &c->resp->body;
	const struct methodology *m = pc->m;
	for (int s = 0; cur && s < cur->nsteps; s++) {
		const struct m_step *st = &cur->steps[s];
		if (project_step_progress(pc, st) >= 100)
			continue;
		html_printf(b, "<div class=\"ds-alert\" data-color=\"info\"><p class=\"ds-paragraph\"><strong>%s</strong> %s",
			    _(c, "Next:"), tr_text(m, &st->name, L));
		const struct m_tool *best = NULL;
		int bestp = 101;
		for (int t = 0; t < st->ntools; t++) {
			int p = project_tool_progress(pc, st->tools[t]);
			if (p < bestp) {
				bestp = p;
				best = st->tools[t];
			}
		}
		if (best)
			html_printf(b, " — <a class=\"ds-link\" href=\"/projects/%lld/tools/%s\">%s %s</a>", pc->p.id, best->key,
				    _(c, "work on"), tr_text(m, &best->name, L));
		html_printf(b, "</p></div>\n");
		return;
	}
	html_printf(b, "<div class=\"ds-alert\" data-color=\"success\"><p class=\"ds-paragraph\">%s "
		       "<a class=\"ds-link\" href=\"/projects/%lld/phases/%s/gate\">%s</a></p></div>\n",
		    _(c, "Every step of this phase is done."), pc->p.id, cur ? cur->key : "", _(c, "Record the phase-gate decision"));
}

/* GET /projects/:id — the roadmap. */
void page_project_view(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_VIEW, &pc) != 0)
		return;
	project_load_progress(c, &pc);
	const struct methodology *m = pc.m;
	const char *L = method_has_lang(m, c->lang) ? c->lang : m->langs[0];
	bool edit = authz_check(c, AZ_PROJECT_EDIT, &pc.facts) == AZ_ALLOW;
	bool manage = authz_check(c, AZ_PROJECT_MANAGE, &pc.facts) == AZ_ALLOW;
	struct buf *b = &c->resp->body;
	const struct m_phase *cur = method_phase(m, pc.p.current_phase);
	layout_begin(c, pc.p.title);
	html_printf(b, "<p class=\"ds-paragraph varde-meta\">%s · %s · %s %s</p>", tr_text(m, &m->name, L),
		    service_area_label(c, pc.p.service_area), _(c, "started"), pc.p.start_date);
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", pc.p.title);
	html_printf(b, "<p class=\"ds-paragraph\"><span class=\"varde-rag varde-rag-%s\">%s</span> %s%s%s</p>\n", pc.p.rag,
		    _(c, pc.p.rag), _(c, pc.p.status), pc.p.rag_comment && *pc.p.rag_comment ? " – " : "",
		    pc.p.rag_comment ? pc.p.rag_comment : "");
	html_printf(b, "<p class=\"ds-paragraph\">%s</p>\n", pc.p.challenge);
	html_printf(b, "<ul class=\"varde-inline-list\"><li><a class=\"ds-link\" href=\"/projects/%lld/registers\">%s</a></li>"
		       "<li><a class=\"ds-link\" href=\"/projects/%lld/chain\">%s</a></li>"
		       "<li><a class=\"ds-link\" href=\"/projects/%lld/benefits\">%s</a></li>"
		       "<li><a class=\"ds-link\" href=\"/projects/%lld/coaching\">%s</a></li>",
		    pc.p.id, _(c, "Registers"), pc.p.id, _(c, "Evidence chain"), pc.p.id, _(c, "Benefit realisation plan"), pc.p.id,
		    _(c, "Coaching"));
	if (manage)
		html_printf(b, "<li><a class=\"ds-link\" href=\"/projects/%lld/case\">%s</a></li>", pc.p.id, _(c, "Publish as a case"));
	html_printf(b, "</ul>\n");
	char today[11];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	if (pc.p.planned_end && strcmp(pc.p.planned_end, today) < 0 && strcmp(pc.p.status, "active") == 0)
		ui_alert(c, "warning", _(c, "The planned end date has passed."));
	if (!strcmp(pc.p.status, "paused") || !strcmp(pc.p.status, "stopped"))
		ui_alert(c, "warning", _(c, "The project is paused or stopped by a phase-gate decision."));
	else if (!strcmp(pc.p.status, "closed") || !strcmp(pc.p.status, "archived"))
		ui_alert(c, "info", _(c, "The project is closed. Its case file can still be read."));
	project_next(c, &pc, cur, L);

	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n<ol class=\"varde-roadmap\">", _(c, "Roadmap"));
	for (int i = 0; i < m->nphases; i++) {
		const struct m_phase *p = &m->phases[i];
		bool is_cur = cur == p;
		int pp = project_phase_progress(&pc, p);
		if (is_cur)
			html_printf(b, "<li class=\"varde-phase varde-current\" aria-current=\"step\">");
		else
			html_printf(b, "<li class=\"varde-phase\">");
		html_printf(b, "<h3 class=\"ds-heading\" data-size=\"sm\">%d. %s%s</h3>", p->order, tr_text(m, &p->name, L),
			    is_cur ? _(c, " (current phase)") : "");
		progress_bar(b, c, pp, tr_text(m, &p->name, L));
		html_printf(b, "<ol class=\"varde-roadmap-steps\">");
		for (int s = 0; s < p->nsteps; s++) {
			const struct m_step *st = &p->steps[s];
			const char *status = project_step_status(&pc, st);
			html_printf(b, "<li><span class=\"varde-step-name\">%s</span> <span class=\"ds-tag\" data-color=\"%s\">%s</span>",
				    tr_text(m, &st->name, L),
				    !strcmp(status, "done") ? "success" : !strcmp(status, "in-progress") ? "info" : "neutral",
				    step_status_label(c, status));
			progress_bar(b, c, project_step_progress(&pc, st), tr_text(m, &st->name, L));
			html_printf(b, "<ul class=\"varde-step-tools\">");
			for (int t = 0; t < st->ntools; t++) {
				const struct m_tool *tl = st->tools[t];
				const json_t *done = json_object_get(pc.done, tl->key);
				int fa = 0, ca = 0, aa = 0;
				entry_progress_totals(tl, &fa, &ca, &aa);
				int fd = (int)json_integer_value(json_array_get(done, 0)),
				    cd = (int)json_integer_value(json_array_get(done, 1)),
				    ad = (int)json_integer_value(json_array_get(done, 2));
				bool nr = json_is_true(json_object_get(pc.not_relevant, tl->key));
				html_printf(b, "<li><a class=\"ds-link\" href=\"/projects/%lld/tools/%s\">%s</a> – %d %% ", pc.p.id, tl->key,
					    tr_text(m, &tl->name, L), project_tool_progress(&pc, tl));
				if (nr)
					html_printf(b, "<span class=\"varde-help\">(%s)</span>", _(c, "not relevant for us"));
				else
					html_printf(b, "<span class=\"varde-help\">(%s %d/%d, %s %d/%d, %s %d/%d)</span>", _(c, "fields"), fd,
						    fa, _(c, "checklist"), cd, ca, _(c, "questions"), ad, aa);
				html_printf(b, "</li>");
			}
			html_printf(b, "</ul>");
			if (edit) {
				html_printf(b, "<form class=\"varde-inline\" method=\"post\" action=\"/projects/%lld/steps/%s\">", pc.p.id,
					    st->key);
				ui_csrf(c);
				html_printf(b, "<label class=\"ds-label\" for=\"st-%s\">%s</label><select class=\"ds-input\" id=\"st-%s\" name=\"status\">",
					    st->key, _(c, "Step status"), st->key);
				static const char *const sts[] = {"not-started", "in-progress", "done", "skipped"};
				for (int k = 0; k < 4; k++)
					html_printf(b, "<option value=\"%s\"%s>%s</option>", sts[k], !strcmp(sts[k], status) ? " selected" : "",
						    step_status_label(c, sts[k]));
				html_printf(b, "</select><button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>",
					    _(c, "Save"));
			}
			html_printf(b, "</li>");
		}
		html_printf(b, "</ol>");
		if (manage)
			html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/projects/%lld/phases/%s/gate\">%s</a></p>",
				    pc.p.id, p->key, _(c, "Phase-gate decision"));
		html_printf(b, "</li>");
	}
	html_printf(b, "</ol>\n");

	/* Gate decisions */
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "Decisions"));
	struct db_stmt *s = store_gates(c->db, pc.p.id);
	int ng = 0;
	html_printf(b, "<ul class=\"varde-decisions\">");
	while (db_step(s) == DB_ROW) {
		const struct m_phase *ph = method_phase(m, db_col_text(s, 0));
		char when[32];
		time_t t = (time_t)db_col_int(s, 4);
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d", &tm);
		html_printf(b, "<li><strong>%s</strong> – %s: %s (%s, %s)</li>", ph ? tr_text(m, &ph->name, L) : db_col_text(s, 0),
			    _(c, db_col_text(s, 1)), db_col_text(s, 3), db_col_text(s, 5), when);
		ng++;
	}
	db_reset(s);
	html_printf(b, "</ul>");
	if (!ng)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No phase-gate decisions yet."));

	/* Team */
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n<table class=\"ds-table\"><caption>%s</caption>"
		       "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>%s</tr></thead><tbody>",
		    _(c, "Team"), _(c, "The project team"), _(c, "Name"), _(c, "Role"), "");
	s = store_project_members(c->db, pc.p.id);
	while (db_step(s) == DB_ROW) {
		html_printf(b, "<tr><td>%s</td><td>%s", db_col_text(s, 1), _(c, db_col_text(s, 3)));
		if (manage && db_col_int(s, 0) != c->user_id) {
			html_printf(b, " <form class=\"varde-inline\" method=\"post\" action=\"/projects/%lld/team/%lld/remove\">", pc.p.id,
				    db_col_int(s, 0));
			ui_csrf(c);
			html_printf(b, "<button class=\"ds-button\" data-variant=\"tertiary\" type=\"submit\" aria-label=\"%s %s\">%s</button></form>",
				    _(c, "Remove"), db_col_text(s, 1), _(c, "Remove"));
		}
		html_printf(b, "</td></tr>");
	}
	db_reset(s);
	html_printf(b, "</tbody></table>\n");
	if (manage) {
		html_printf(b, "<form method=\"post\" action=\"/projects/%lld/team\" class=\"varde-form\">", pc.p.id);
		ui_csrf(c);
		ui_input(c, &(struct ui_input){"email", _(c, "E-mail of a member of the organisation"), "email", NULL, "off", NULL,
					       true, 254},
			 NULL);
		static const char *const roles[] = {"owner", "leader", "driver", "member", "observer"};
		struct ui_option ro[5];
		for (int i = 0; i < 5; i++)
			ro[i] = (struct ui_option){roles[i], _(c, roles[i])};
		ui_select(c, "role", _(c, "Project role"), ro, 5, "member", NULL);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>\n",
			    _(c, "Add to the team"));
	}

	if (manage) {
		html_printf(b, "<h3 class=\"ds-heading\" data-size=\"xs\">%s</h3><p class=\"ds-paragraph\">%s</p>",
			    _(c, "Invite a partner from outside"),
			    _(c, "A person from a company, a university, a volunteer organisation or another municipality can "
				 "join this project as a guest. They see this project and nothing else."));
		html_printf(b, "<form method=\"post\" action=\"/projects/%lld/invite\" class=\"varde-form\">", pc.p.id);
		ui_csrf(c);
		ui_input(c, &(struct ui_input){"invite-email", _(c, "The partner's e-mail"), "email", NULL, "off", NULL, true, 254}, NULL);
		ui_input(c, &(struct ui_input){"invite-name", _(c, "The partner's name"), "text", NULL, "off", NULL, false, 200}, NULL);
		const struct ui_option gro[] = {{"member", _(c, "member")}, {"driver", _(c, "driver")}, {"observer", _(c, "observer")}};
		ui_select(c, "invite-role", _(c, "The partner's project role"), gro, 3, "member", NULL);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>\n",
			    _(c, "Invite"));

		html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>", _(c, "Status"));
		html_printf(b, "<form method=\"post\" action=\"/projects/%lld/status\" class=\"varde-form\">", pc.p.id);
		ui_csrf(c);
		const struct ui_option rag[] = {{"green", _(c, "green")}, {"amber", _(c, "amber")}, {"red", _(c, "red")}};
		ui_select(c, "rag", _(c, "Status (red, amber, green)"), rag, 3, pc.p.rag, NULL);
		ui_textarea(c, "rag_comment", _(c, "Comment on the status"), pc.p.rag_comment, NULL, 2, NULL, false);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>\n",
			    _(c, "Save status"));
		html_printf(b, "<form method=\"post\" action=\"/projects/%lld/lifecycle\" class=\"varde-inline\">", pc.p.id);
		ui_csrf(c);
		if (!strcmp(pc.p.status, "closed") || !strcmp(pc.p.status, "archived"))
			html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\" name=\"action\" value=\"reopen\">%s</button>",
				    _(c, "Reopen the project"));
		else
			html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\" name=\"action\" value=\"close\">%s</button>",
				    _(c, "Close the project"));
		if (strcmp(pc.p.status, "archived"))
			html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\" name=\"action\" value=\"archive\">%s</button>",
				    _(c, "Archive"));
		if (authz_check(c, AZ_PROJECT_DELETE, &pc.facts) == AZ_ALLOW)
			html_printf(b, "<button class=\"ds-button\" data-variant=\"tertiary\" data-color=\"danger\" type=\"submit\" name=\"action\" value=\"delete\">%s</button>",
				    _(c, "Delete (can be restored for 30 days)"));
		html_printf(b, "</form>\n");
	}

	project_networks_render(c, &pc);
	comments_render(c, &pc, NULL);
	if (c->user_id)
		store_mentions_seen(c->db, c->user_id, pc.p.id);

	/* Activity */
	bool personal = authz_check(c, AZ_PROJECT_PERSONAL, &pc.facts) == AZ_ALLOW;
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n<ul class=\"varde-activity\">", _(c, "Activity"));
	s = store_activity(c->db, pc.p.id, 20);
	while (db_step(s) == DB_ROW) {
		char when[32];
		time_t t = (time_t)db_col_int(s, 2);
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		const char *obj = db_col_text(s, 1);
		const struct m_tool *tl = method_tool(m, obj);
		const struct m_phase *ph = method_phase(m, obj);
		/* A guest's e-mail address is for the team only (network readers see the event). */
		bool hide = !strcmp(db_col_text(s, 0), "guest-invited") && !personal;
		html_printf(b, "<li>%s UTC – %s: %s %s</li>", when, db_col_text(s, 3), _(c, db_col_text(s, 0)),
			    tl ? tr_text(m, &tl->name, L) : ph ? tr_text(m, &ph->name, L) : *obj && !hide ? _(c, obj) : "");
	}
	db_reset(s);
	html_printf(b, "</ul>\n");
	layout_end(c);
	project_ctx_free(&pc);
}

/* POST /projects/:id/team — add a member of the organisation with a role. */
void page_project_team_add(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_MANAGE, &pc) != 0)
		return;
	char *email = text_trim_dup(kv_get(&c->req->form, "email") ? kv_get(&c->req->form, "email") : "");
	text_ascii_lower(email);
	const char *role = kv_get(&c->req->form, "role");
	struct user u = {0};
	bool in_org = false;
	if (store_user_by_email(c->db, email, &u) == STORE_OK) {
		struct db_stmt *s = store_memberships_of_user(c->db, u.id);
		while (db_step(s) == DB_ROW)
			in_org |= db_col_int(s, 0) == pc.p.org_id;
		db_reset(s);
	}
	if (!in_org)
		page_error(c, 400, _(c, "There is no member of the organisation with that e-mail address."));
	else if (project_role_parse(role) == PR_NONE)
		page_error(c, 400, _(c, "Choose a role."));
	else if (store_project_member_set(c->db, pc.p.id, u.id, role, false) != STORE_OK ||
		 store_activity_add(c->db, pc.p.id, c->user_id, "member-added", u.name) != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else {
		char loc[64];
		snprintf(loc, sizeof loc, "/projects/%lld", pc.p.id);
		resp_redirect(c->resp, loc);
	}
	user_free(&u);
	free(email);
	project_ctx_free(&pc);
}

/* POST /projects/:id/team/:id/remove */
void page_project_team_remove(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_MANAGE, &pc) != 0)
		return;
	if (store_project_member_remove(c->db, pc.p.id, c->req->params[1]) != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else {
		char loc[64];
		snprintf(loc, sizeof loc, "/projects/%lld", pc.p.id);
		resp_redirect(c->resp, loc);
	}
	project_ctx_free(&pc);
}

/* POST /projects/:id/steps/:key — set a step's status. */
void page_project_step_status(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_EDIT, &pc) != 0)
		return;
	const char *st = kv_get(&c->req->form, "status");
	static const char *const ok[] = {"not-started", "in-progress", "done", "skipped"};
	bool valid = false;
	for (int i = 0; i < 4; i++)
		valid |= st && strcmp(st, ok[i]) == 0;
	if (!method_step(pc.m, c->req->params_s[1]))
		page_error(c, 404, _(c, "There is no page at this address."));
	else if (!valid)
		page_error(c, 400, _(c, "Choose a status from the list."));
	else if (store_step_status_set(c->db, pc.p.id, c->req->params_s[1], st, c->user_id) != STORE_OK ||
		 store_project_touch(c->db, pc.p.id) != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else {
		char loc[160];
		snprintf(loc, sizeof loc, "/projects/%lld", pc.p.id);
		resp_redirect(c->resp, loc);
	}
	project_ctx_free(&pc);
}

/* Was exit criterion key ticked in the submitted form? */
static bool gate_checked(struct ctx *c, const char *key)
{
	char name[96];
	snprintf(name, sizeof name, "x-%s", key);
	return kv_get(&c->req->form, name) != NULL;
}

static void gate_render(struct ctx *c, struct project_ctx *pc, const struct m_phase *p, const struct form_errors *fe)
{
	const struct methodology *m = pc->m;
	const char *L = method_has_lang(m, c->lang) ? c->lang : m->langs[0];
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Phase-gate decision"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a></p>", pc->p.id,
		    pc->p.title);
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s: %s</h1>\n", _(c, "Phase-gate decision"), tr_text(m, &p->name, L));
	ui_error_summary(c, fe);
	html_printf(b, "<form method=\"post\" action=\"/projects/%lld/phases/%s/gate\" class=\"varde-form\" novalidate>", pc->p.id,
		    p->key);
	ui_csrf(c);
	html_printf(b, "<fieldset class=\"ds-fieldset\"><legend class=\"ds-label\">%s</legend>", _(c, "Exit criteria met"));
	for (int i = 0; i < p->nexit; i++)
		html_printf(b, "<div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\" id=\"x-%s\" name=\"x-%s\" value=\"1\"%s>"
			       "<label class=\"ds-label\" for=\"x-%s\">%s</label></div>",
			    p->exit[i].key, p->exit[i].key, gate_checked(c, p->exit[i].key) ? " checked" : "",
			    p->exit[i].key, tr_text(m, &p->exit[i].text, L));
	html_printf(b, "</fieldset>");
	const struct ui_option dec[] = {{"continue", _(c, "continue")}, {"back", _(c, "back")}, {"pause", _(c, "pause")},
					{"stop", _(c, "stop")}};
	ui_select(c, "decision", _(c, "Decision"), dec, 4, kv_get(&c->req->form, "decision"), fe);
	struct ui_option phases[32];
	int np = 0;
	for (int i = 0; i < m->nphases && np < 32; i++)
		phases[np++] = (struct ui_option){m->phases[i].key, tr_text(m, &m->phases[i].name, L)};
	ui_select(c, "to", _(c, "Go back to phase (only when going back)"), phases, np, kv_get(&c->req->form, "to"), fe);
	ui_textarea(c, "reason", _(c, "Why"), kv_get(&c->req->form, "reason"), NULL, 4, form_error_for(fe, "reason"), false);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>\n",
		    _(c, "Record the decision"));
	layout_end(c);
}

/* GET /projects/:id/phases/:key/gate */
void page_project_gate_form(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_MANAGE, &pc) != 0)
		return;
	const struct m_phase *p = method_phase(pc.m, c->req->params_s[1]);
	if (!p)
		page_error(c, 404, _(c, "There is no page at this address."));
	else
		gate_render(c, &pc, p, NULL);
	project_ctx_free(&pc);
}

/* POST /projects/:id/phases/:key/gate — the current phase moves only through
 * such a decision: continue → the next phase; back → the chosen earlier phase;
 * pause and stop keep the phase and change the status. */
void page_project_gate_submit(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_MANAGE, &pc) != 0)
		return;
	const struct methodology *m = pc.m;
	const struct m_phase *p = method_phase(m, c->req->params_s[1]);
	if (!p) {
		page_error(c, 404, _(c, "There is no page at this address."));
		project_ctx_free(&pc);
		return;
	}
	struct form_errors fe = {0};
	const char *dec = kv_get(&c->req->form, "decision");
	char *reason = text_trim_dup(kv_get(&c->req->form, "reason") ? kv_get(&c->req->form, "reason") : "");
	const char *to = NULL, *status = "active";
	if (!dec || (strcmp(dec, "continue") && strcmp(dec, "back") && strcmp(dec, "pause") && strcmp(dec, "stop")))
		form_error(&fe, "decision", _(c, "Choose a decision."));
	if (!*reason)
		form_error(&fe, "reason", _(c, "Write why the decision was taken."));
	if (!fe.n && !strcmp(dec, "continue")) {
		if (p->order >= m->nphases)
			form_error(&fe, "decision", _(c, "This is the last phase; there is no next phase."));
		else
			to = m->phases[p->order].key;
	} else if (!fe.n && !strcmp(dec, "back")) {
		const struct m_phase *tp = method_phase(m, kv_get(&c->req->form, "to"));
		if (!tp || tp->order >= p->order)
			form_error(&fe, "to", _(c, "Choose an earlier phase to go back to."));
		else
			to = tp->key;
	} else if (!fe.n) {
		status = !strcmp(dec, "pause") ? "paused" : "stopped";
	}
	if (fe.n) {
		c->resp->status = 400;
		gate_render(c, &pc, p, &fe);
		free(reason);
		project_ctx_free(&pc);
		return;
	}
	json_t *crit = json_object();
	for (int i = 0; i < p->nexit; i++) {
		char name[96];
		snprintf(name, sizeof name, "x-%s", p->exit[i].key);
		json_object_set_new(crit, p->exit[i].key, json_boolean(kv_get(&c->req->form, name) != NULL));
	}
	char *crit_s = json_dumps(crit, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(crit);
	if (store_gate_add(c->db, pc.p.id, p->key, dec, to, crit_s, reason, c->user_id) != STORE_OK ||
	    store_project_set_phase(c->db, pc.p.id, to ? to : pc.p.current_phase, status) != STORE_OK ||
	    store_activity_add(c->db, pc.p.id, c->user_id, "gate-decision", p->key) != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else {
		char loc[64];
		snprintf(loc, sizeof loc, "/projects/%lld", pc.p.id);
		resp_redirect(c->resp, loc);
	}
	free(crit_s);
	free(reason);
	project_ctx_free(&pc);
}
