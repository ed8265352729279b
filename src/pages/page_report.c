/* page_report.c — one project's status report in a round: the project's
 * leader gets a draft filled from the case file (phase and progress, recent
 * activity, network measures, benefits), edits it and submits it; the
 * network's leaders and coaches read it. A submitted version is never
 * changed: editing it starts the next version (a correction), and the
 * project keeps the history of its reports. */
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
#include "../method/registry.h"
#include "../project/project.h"
#include "../register/register.h"
#include "network_page.h"
#include "pages.h"

enum { ANSWER_MAX = 4000 };

struct report_page {
	struct round r;
	struct project_ctx pc;
	json_t *questions;
	bool write; /* the project's leaders and owners (and org admins) */
};

/* Load round params[0] and project params[1], shared with the round's
 * network. Project managers write; the network's leaders and coaches read
 * (their access comes through the share, as for every project page). */
static int report_load(struct ctx *c, bool for_write, struct report_page *rp)
{
	memset(rp, 0, sizeof *rp);
	if (store_round_get(c->db, c->req->params[0], &rp->r) != STORE_OK ||
	    !store_project_is_shared(c->db, c->req->params[1], rp->r.network_id)) {
		round_free(&rp->r);
		page_error(c, 404, _(c, "There is no page at this address."));
		return -1;
	}
	if (project_load_as(c, c->req->params[1], for_write ? AZ_PROJECT_MANAGE : AZ_PROJECT_VIEW, false, &rp->pc) != 0) {
		round_free(&rp->r);
		return -1;
	}
	rp->write = authz_check(c, AZ_PROJECT_MANAGE, &rp->pc.facts) == AZ_ALLOW;
	rp->questions = json_loads(rp->r.questions, 0, NULL);
	if (!rp->questions)
		rp->questions = json_array();
	return 0;
}

static void report_page_free(struct report_page *rp)
{
	json_decref(rp->questions);
	project_ctx_free(&rp->pc);
	round_free(&rp->r);
}

/* Append a line to a malloc'd text (plain text for a form value). */
static void text_add(char **t, const char *line)
{
	size_t a = *t ? strlen(*t) : 0, n = strlen(line);
	*t = xrealloc(*t, a + n + 2);
	if (a)
		(*t)[a++] = '\n';
	memcpy(*t + a, line, n + 1);
}

/* A draft filled from the case file for the questions with known keys. */
static json_t *report_draft(struct ctx *c, struct report_page *rp)
{
	json_t *a = json_object();
	const struct methodology *m = rp->pc.m;
	const char *L = method_has_lang(m, c->lang) ? c->lang : m->langs[0];
	project_load_progress(c, &rp->pc);
	const struct m_phase *ph = method_phase(m, rp->pc.p.current_phase);
	char line[600];
	if (ph) {
		snprintf(line, sizeof line, "%s (%d %%)", tr_text(m, &ph->name, L), project_phase_progress(&rp->pc, ph));
		json_object_set_new(a, "phase", json_string(line));
	}
	char *done = NULL;
	struct db_stmt *s = store_activity(c->db, rp->pc.p.id, 10);
	while (db_step(s) == DB_ROW) {
		char when[16];
		time_t t = (time_t)db_col_int(s, 2);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%d.%m.%Y", &tm);
		/* The object when it is a tool, a phase, a register or a team member's
		 * name; other objects (a guest's e-mail address) are not for the network. */
		const struct m_tool *tl = method_tool(m, db_col_text(s, 1));
		const struct m_phase *pp = method_phase(m, db_col_text(s, 1));
		const struct reg_def *rd = register_find(db_col_text(s, 1));
		bool name = !strcmp(db_col_text(s, 0), "member-added");
		snprintf(line, sizeof line, "%s: %s %s", when, *db_col_text(s, 0) ? _(c, db_col_text(s, 0)) : "",
			 tl ? tr_text(m, &tl->name, L) : pp ? tr_text(m, &pp->name, L) : rd ? _(c, rd->one) : name ? db_col_text(s, 1) : "");
		text_add(&done, line);
	}
	db_reset(s);
	if (done)
		json_object_set_new(a, "done", json_string(done));
	free(done);
	char *measures = NULL;
	s = store_project_measures(c->db, rp->pc.p.id);
	while (db_step(s) == DB_ROW) {
		if (db_col_int(s, 6) != rp->r.network_id)
			continue; /* another network's measure */
		snprintf(line, sizeof line, "%s: %lld %% %s", db_col_text(s, 2), db_col_null(s, 4) ? 0 : db_col_int(s, 4), db_col_text(s, 5));
		text_add(&measures, line);
	}
	db_reset(s);
	if (measures)
		json_object_set_new(a, "measures", json_string(measures));
	free(measures);
	char *benefits = NULL;
	s = store_items_of_project(c->db, rp->pc.p.id);
	while (db_step(s) == DB_ROW)
		if (!strcmp(db_col_text(s, 1), "benefit") && !*db_col_text(s, 3) && !db_col_int(s, 6))
			text_add(&benefits, db_col_text(s, 2));
	db_reset(s);
	if (benefits)
		json_object_set_new(a, "results", json_string(benefits));
	free(benefits);
	return a;
}

/* The form (writers) with the answers a and the overall status rag. */
static void report_form(struct ctx *c, struct report_page *rp, const json_t *a, const char *rag, const char *note, long long version,
			bool submitted)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<form method=\"post\" action=\"/rounds/%lld/projects/%lld\" class=\"varde-form\">", rp->r.id, rp->pc.p.id);
	ui_csrf(c);
	if (note)
		ui_alert(c, "warning", note);
	if (submitted)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>",
			    _(c, "This report has been submitted. Saving changes starts a correction: a new version, with the submitted one kept."));
	static const char *const rags[] = {"green", "amber", "red"};
	html_printf(b, "<fieldset class=\"ds-fieldset\"><legend class=\"ds-label\">%s</legend><div class=\"varde-options-row\">", _(c, "Overall status"));
	for (int i = 0; i < 3; i++)
		html_printf(b, "<span class=\"varde-option\"><input class=\"ds-input\" type=\"radio\" id=\"rag-%s\" name=\"rag\" value=\"%s\"%s>"
			       "<label for=\"rag-%s\">%s</label></span>",
			    rags[i], rags[i], !strcmp(rag, rags[i]) ? " checked" : "", rags[i],
			    i == 0 ? _(c, "Green: on track") : i == 1 ? _(c, "Amber: some problems") : _(c, "Red: needs help"));
	html_printf(b, "</div></fieldset>");
	for (size_t i = 0; i < json_array_size(rp->questions); i++) {
		const json_t *q = json_array_get(rp->questions, i);
		const char *key = json_string_value(json_object_get(q, "key"));
		char name[32];
		snprintf(name, sizeof name, "a-%s", key ? key : "");
		ui_textarea(c, name, json_string_value(json_object_get(q, "text")), json_string_value(json_object_get(a, key ? key : "")), NULL, 4,
			    NULL, false);
	}
	html_printf(b, "<input type=\"hidden\" name=\"version\" value=\"%lld\"><div class=\"varde-actions\">"
		       "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\" name=\"action\" value=\"save\">%s</button>"
		       "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\" name=\"action\" value=\"submit\">%s</button></div></form>",
		    version, _(c, "Save draft"), _(c, "Submit the report"));
}

/* GET /rounds/:id/projects/:id */
void page_report_view(struct ctx *c)
{
	struct report_page rp;
	if (report_load(c, false, &rp) != 0)
		return;
	struct buf *b = &c->resp->body;
	/* Writers work on the newest version; readers see the newest submitted one. */
	struct report rep;
	bool has = (rp.write ? store_report_latest(c->db, rp.r.id, rp.pc.p.id, &rep)
			     : store_report_latest_submitted(c->db, rp.r.id, rp.pc.p.id, &rep)) == STORE_OK;
	layout_begin(c, rp.r.title);
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a> · "
		       "<a class=\"ds-link\" href=\"/projects/%lld/reports\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\"><span class=\"varde-kicker\">%s</span> %s</h1>"
		       "<p class=\"ds-paragraph\">%s <time datetime=\"%s\">%.2s.%.2s.%.4s</time></p>",
		    rp.pc.p.id, rp.pc.p.title, rp.pc.p.id, _(c, "Status reports"), rp.pc.p.title, rp.r.title, _(c, "Due"), rp.r.due_date,
		    rp.r.due_date + 8, rp.r.due_date + 5, rp.r.due_date);
	if (kv_get(&c->req->query, "submitted"))
		ui_alert(c, "success", _(c, "The report has been submitted."));
	else if (kv_get(&c->req->query, "saved"))
		ui_alert(c, "success", _(c, "The draft is saved."));
	if (has)
		html_printf(b, "<p class=\"ds-paragraph\">%s %lld – %s</p>", _(c, "Version"), rep.version,
			    rep.submitted ? _(c, "submitted") : _(c, "draft"));
	if (rp.write) {
		json_t *a = has ? json_loads(rep.answers, 0, NULL) : report_draft(c, &rp);
		if (!a)
			a = json_object();
		report_form(c, &rp, a, has ? rep.rag : "green", NULL, has ? rep.version : 0, has && rep.submitted);
		json_decref(a);
	} else if (has && rep.submitted) {
		answers_render(c, rp.questions, rep.answers, rep.rag);
	} else {
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "The project has not submitted this report yet."));
	}
	if (has)
		report_free(&rep);
	layout_end(c);
	report_page_free(&rp);
}

/* POST /rounds/:id/projects/:id — save the draft or submit. */
void page_report_save(struct ctx *c)
{
	struct report_page rp;
	if (report_load(c, true, &rp) != 0)
		return;
	const char *rag = kv_get(&c->req->form, "rag"), *action = kv_get(&c->req->form, "action");
	json_t *a = json_object();
	const char *problem = NULL;
	for (size_t i = 0; i < json_array_size(rp.questions); i++) {
		const json_t *q = json_array_get(rp.questions, i);
		const char *key = json_string_value(json_object_get(q, "key"));
		char name[32];
		snprintf(name, sizeof name, "a-%s", key ? key : "");
		char *v = text_trim_dup(kv_get(&c->req->form, name) ? kv_get(&c->req->form, name) : "");
		if (utf8_length(v) > ANSWER_MAX)
			problem = _(c, "An answer is longer than 4000 characters.");
		else if (pii_scan(v, NULL, 0) > 0)
			problem = _(c, "An answer looks like it holds personal data (an identity number, e-mail address or phone number). "
				       "Remove it: the report is read outside the project.");
		if (*v && key)
			json_object_set_new(a, key, json_string(v));
		free(v);
	}
	bool rag_ok = rag && (!strcmp(rag, "green") || !strcmp(rag, "amber") || !strcmp(rag, "red"));
	bool submit = action && !strcmp(action, "submit");
	long long id = 0;
	if (!rag_ok || (action && strcmp(action, "save") != 0 && !submit)) {
		page_error(c, 400, _(c, "Choose the overall status: green, amber or red."));
	} else if (problem) {
		c->resp->status = 400;
		c->failed = true;
		layout_begin(c, rp.r.title);
		html_printf(&c->resp->body, "<h1 class=\"ds-heading\" data-size=\"lg\">%s: %s</h1>", rp.pc.p.title, rp.r.title);
		report_form(c, &rp, a, rag, problem, 0, false);
		layout_end(c);
	} else {
		char *answers = json_dumps(a, JSON_COMPACT | JSON_SORT_KEYS);
		int rc = store_report_save_draft(c->db, rp.r.id, rp.pc.p.id, answers, rag, c->user_id, &id);
		if (rc == STORE_OK && submit)
			rc = store_report_submit(c->db, id, c->user_id);
		if (rc == STORE_OK && submit)
			rc = store_activity_add(c->db, rp.pc.p.id, c->user_id, "report-submitted", NULL);
		if (rc != STORE_OK) {
			page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		} else {
			char loc[96];
			snprintf(loc, sizeof loc, "/rounds/%lld/projects/%lld?%s=1", rp.r.id, rp.pc.p.id, submit ? "submitted" : "saved");
			resp_redirect(c->resp, loc);
		}
		free(answers);
	}
	json_decref(a);
	report_page_free(&rp);
}

/* GET /projects/:id/reports — every version of every report, newest first. */
void page_project_reports(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_VIEW, &pc) != 0)
		return;
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Status reports"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>",
		    pc.p.id, pc.p.title, _(c, "Status reports"));
	bool manage = authz_check(c, AZ_PROJECT_MANAGE, &pc.facts) == AZ_ALLOW;
	struct db_stmt *s = store_reports_of_project(c->db, pc.p.id);
	int n = 0;
	while (db_step(s) == DB_ROW) {
		bool submitted = !strcmp(db_col_text(s, 6), "submitted");
		if (!submitted && !manage)
			continue; /* drafts are the project's own */
		json_t *qs = json_loads(db_col_text(s, 10), 0, NULL);
		html_printf(b, "<article class=\"varde-report\"><h2 class=\"ds-heading\" data-size=\"sm\"><a class=\"ds-link\" href=\"/rounds/%lld/projects/%lld\">%s</a> – %s</h2>"
			       "<p class=\"ds-paragraph varde-meta\">%s %lld · %s</p>",
			    db_col_int(s, 1), pc.p.id, db_col_text(s, 8), db_col_text(s, 9), _(c, "Version"), db_col_int(s, 3),
			    submitted ? _(c, "submitted") : _(c, "draft"));
		answers_render(c, qs, db_col_text(s, 4), db_col_text(s, 5));
		html_printf(b, "</article>");
		json_decref(qs);
		n++;
	}
	db_reset(s);
	if (!n)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No status reports yet."));
	layout_end(c);
	project_ctx_free(&pc);
}
