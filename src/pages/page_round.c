/* page_round.c — status-report rounds: a network leader opens a round with a
 * due date and its questions; the leader of each shared project gets it in
 * their to-do list with a draft filled from the case file, edits and
 * submits it; the network leader sees who has submitted, reminds the others
 * (a message in Varde), reads each report, writes a summary, and prints the
 * compiled report. A submitted report never changes: a correction is a new
 * version and the old one is kept (store_round.c). */
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
#include "../project/project.h"
#include "network_page.h"
#include "pages.h"

enum { ANSWER_MAX = 4000, MAX_QUESTIONS = 20 };

/* The default questions of a round (KS-style status report). */
static const struct {
	const char *key, *text;
} DEFAULT_QUESTIONS[] = {
	{"phase", N_("Current phase")},
	{"done", N_("What has been done since the last report?")},
	{"measures", N_("Progress on the joint measures")},
	{"results", N_("Results and benefits so far")},
	{"obstacles", N_("Obstacles and risks")},
	{"share", N_("Experiences worth sharing")},
	{"help", N_("Help needed")},
	{"next", N_("Next steps")},
};
enum { NDEFAULT = (int)(sizeof DEFAULT_QUESTIONS / sizeof DEFAULT_QUESTIONS[0]) };

static const char *rag_label(struct ctx *c, const char *rag)
{
	if (!strcmp(rag, "red"))
		return _(c, "Red: needs help");
	if (!strcmp(rag, "amber"))
		return _(c, "Amber: some problems");
	return _(c, "Green: on track");
}

/* The default questions in the user's language, one per line (plain text
 * for a form value, which ui_textarea escapes; caller frees). */
static char *default_questions_text(struct ctx *c)
{
	size_t len = 0;
	for (int i = 0; i < NDEFAULT; i++)
		len += strlen(_(c, DEFAULT_QUESTIONS[i].text)) + 1;
	char *out = xcalloc(1, len + 1), *p = out;
	for (int i = 0; i < NDEFAULT; i++) {
		const char *q = _(c, DEFAULT_QUESTIONS[i].text);
		size_t n = strlen(q);
		memcpy(p, q, n);
		p += n;
		*p++ = i + 1 < NDEFAULT ? '\n' : '\0';
	}
	return out;
}

/* GET /networks/:id/rounds — the rounds, and the form to open one. */
void page_rounds(struct ctx *c)
{
	struct network_page np;
	if (network_load(c, c->req->params[0], AZ_NETWORK_VIEW, &np) != 0)
		return;
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Status-report rounds"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/networks/%lld\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>",
		    np.n.id, np.n.name, _(c, "Status-report rounds"));
	struct db_stmt *s = store_rounds_of_network(c->db, np.n.id);
	int n = 0;
	while (db_step(s) == DB_ROW) {
		if (!n++)
			html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
				       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
				    _(c, "Rounds"), _(c, "Round"), _(c, "Due"), _(c, "Submitted"), _(c, "Summary"));
		const char *due = db_col_text(s, 2);
		if (np.manage || np.coach)
			html_printf(b, "<tr><th scope=\"row\"><a class=\"ds-link\" href=\"/rounds/%lld\">%s</a></th>", db_col_int(s, 0),
				    db_col_text(s, 1));
		else
			html_printf(b, "<tr><th scope=\"row\">%s</th>", db_col_text(s, 1));
		html_printf(b, "<td><time datetime=\"%s\">%.2s.%.2s.%.4s</time></td><td>%lld</td><td>%s</td></tr>", due, due + 8, due + 5,
			    due, db_col_int(s, 5), db_col_int(s, 4) ? _(c, "Written") : "");
	}
	db_reset(s);
	if (n)
		html_printf(b, "</tbody></table>");
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No rounds yet."));
	if (np.manage) {
		html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2><form method=\"post\" action=\"/networks/%lld/rounds\" class=\"varde-form\">",
			    _(c, "Open a round"), np.n.id);
		ui_csrf(c);
		ui_input(c, &(struct ui_input){.name = "title", .label = _(c, "Title"), .required = true, .maxlength = 200,
					       .help = _(c, "For example \"Status meeting June\"")},
			 NULL);
		ui_input(c, &(struct ui_input){.name = "due", .label = _(c, "Due date"), .required = true, .help = _(c, "Like 22.11.2026")},
			 NULL);
		char *plain = default_questions_text(c);
		ui_textarea(c, "questions", _(c, "Questions, one per line"), plain,
			    _(c, "Change them for this round if you need to. Every report also gives an overall status (red, amber, green)."),
			    9, NULL, false);
		free(plain);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>", _(c, "Open the round"));
	}
	layout_end(c);
	network_page_free(&np);
}

/* The questions typed one per line as JSON [{"key","text"}]: a line equal to
 * a default question (in either language) keeps its key, so the draft can be
 * filled from the case file. NULL when there are none or too many. */
static json_t *questions_parse(struct ctx *c, const char *text)
{
	json_t *arr = json_array();
	char *copy = xstrdup(text ? text : "");
	int n = 0;
	for (char *save = NULL, *line = strtok_r(copy, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
		char *q = text_trim_dup(line);
		if (*q && utf8_length(q) <= 300 && n < MAX_QUESTIONS) {
			char key[16];
			snprintf(key, sizeof key, "q%d", n + 1);
			for (int i = 0; i < NDEFAULT; i++)
				if (!strcmp(q, DEFAULT_QUESTIONS[i].text) || !strcmp(q, _(c, DEFAULT_QUESTIONS[i].text)))
					snprintf(key, sizeof key, "%s", DEFAULT_QUESTIONS[i].key);
			json_array_append_new(arr, json_pack("{s:s,s:s}", "key", key, "text", q));
			n++;
		} else if (*q) {
			n = MAX_QUESTIONS + 1;
		}
		free(q);
	}
	free(copy);
	if (n == 0 || n > MAX_QUESTIONS) {
		json_decref(arr);
		return NULL;
	}
	return arr;
}

/* POST /networks/:id/rounds */
void page_round_create(struct ctx *c)
{
	struct network_page np;
	if (network_load(c, c->req->params[0], AZ_NETWORK_MANAGE, &np) != 0)
		return;
	char *title = text_trim_dup(kv_get(&c->req->form, "title") ? kv_get(&c->req->form, "title") : "");
	char due[11];
	json_t *qs = questions_parse(c, kv_get(&c->req->form, "questions"));
	if (!*title || utf8_length(title) > 200) {
		page_error(c, 400, _(c, "Give the round a title of at most 200 characters."));
	} else if (!kv_get(&c->req->form, "due") || !parse_date(kv_get(&c->req->form, "due"), due)) {
		page_error(c, 400, _(c, "Enter a date like 2026-11-22 or 22.11.2026."));
	} else if (!qs) {
		page_error(c, 400, _(c, "Write between 1 and 20 questions, one per line, each at most 300 characters."));
	} else {
		char *qtext = json_dumps(qs, JSON_COMPACT);
		long long id = 0;
		if (store_round_create(c->db, np.n.id, title, due, qtext, c->user_id, &id) != STORE_OK) {
			page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		} else {
			char loc[48];
			snprintf(loc, sizeof loc, "/rounds/%lld", id);
			resp_redirect(c->resp, loc);
		}
		free(qtext);
	}
	json_decref(qs);
	free(title);
	network_page_free(&np);
}

struct round_page {
	struct round r;
	struct network_page np;
	json_t *questions;
};

/* Load round params[0] and its network; the round's pages are for those who
 * run the network and its coaches (action AZ_NETWORK_VIEW asks for either).
 * -1 with the response set. */
static int round_load(struct ctx *c, enum authz_action action, struct round_page *rp)
{
	memset(rp, 0, sizeof *rp);
	if (store_round_get(c->db, c->req->params[0], &rp->r) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return -1;
	}
	if (network_load(c, rp->r.network_id, action, &rp->np) != 0) {
		round_free(&rp->r);
		return -1;
	}
	if (action == AZ_NETWORK_VIEW && !rp->np.manage && !rp->np.coach) {
		page_error(c, 403, _(c, "Your role in this network does not allow this."));
		network_page_free(&rp->np);
		round_free(&rp->r);
		return -1;
	}
	rp->questions = json_loads(rp->r.questions, 0, NULL);
	if (!rp->questions)
		rp->questions = json_array();
	return 0;
}

static void round_page_free(struct round_page *rp)
{
	json_decref(rp->questions);
	round_free(&rp->r);
	network_page_free(&rp->np);
}

/* GET /rounds/:id — who has submitted, reminders, each report, the summary. */
void page_round_view(struct ctx *c)
{
	struct round_page rp;
	if (round_load(c, AZ_NETWORK_VIEW, &rp) != 0)
		return;
	struct buf *b = &c->resp->body;
	layout_begin(c, rp.r.title);
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/networks/%lld\">%s</a> · "
		       "<a class=\"ds-link\" href=\"/networks/%lld/rounds\">%s</a></p><h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>"
		       "<p class=\"ds-paragraph\">%s <time datetime=\"%s\">%.2s.%.2s.%.4s</time> · <a class=\"ds-link\" href=\"/rounds/%lld/compiled\">%s</a></p>",
		    rp.np.n.id, rp.np.n.name, rp.np.n.id, _(c, "Status-report rounds"), rp.r.title, _(c, "Due"), rp.r.due_date,
		    rp.r.due_date + 8, rp.r.due_date + 5, rp.r.due_date, rp.r.id, _(c, "Compiled report (printable)"));
	if (kv_get(&c->req->query, "reminded"))
		ui_alert(c, "success", _(c, "The reminder has been sent."));
	html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\"><span class=\"ds-sr-only\">%s</span></th></tr></thead><tbody>",
		    _(c, "Reports of the shared projects"), _(c, "Project"), _(c, "Member"), _(c, "Report"), _(c, "Action"));
	struct db_stmt *s = store_shared_projects(c->db, rp.np.n.id);
	struct {
		long long id;
		char *title, *org;
	} pr[500];
	int n = 0;
	while (db_step(s) == DB_ROW && n < 500) {
		pr[n].id = db_col_int(s, 0);
		pr[n].title = db_col_dup(s, 1);
		pr[n++].org = db_col_dup(s, 3);
	}
	db_reset(s);
	for (int i = 0; i < n; i++) {
		struct report rep;
		int rc = store_report_latest(c->db, rp.r.id, pr[i].id, &rep);
		html_printf(b, "<tr><th scope=\"row\">%s</th><td>%s</td><td>", pr[i].title, pr[i].org);
		bool submitted_any = false;
		if (rc == STORE_OK) {
			/* A later version is only ever started as a correction of a
			 * submitted one, so version > 1 means one was submitted. */
			submitted_any = rep.submitted || rep.version > 1;
			html_printf(b, "<a class=\"ds-link\" href=\"/rounds/%lld/projects/%lld\">%s %lld</a> – %s", rp.r.id, pr[i].id, _(c, "version"),
				    rep.version, rep.submitted ? _(c, "submitted") : _(c, "draft"));
			report_free(&rep);
		} else {
			html_printf(b, "%s", _(c, "not started"));
		}
		html_printf(b, "</td><td>");
		if (rp.np.manage && !submitted_any) {
			html_printf(b, "<form method=\"post\" action=\"/rounds/%lld/remind/%lld\">", rp.r.id, pr[i].id);
			ui_csrf(c);
			html_printf(b, "<button class=\"ds-button\" data-variant=\"tertiary\" type=\"submit\">%s<span class=\"ds-sr-only\"> %s</span></button></form>",
				    _(c, "Remind"), pr[i].title);
		}
		html_printf(b, "</td></tr>");
		free(pr[i].title);
		free(pr[i].org);
	}
	html_printf(b, "</tbody></table>");
	if (!n)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No project is shared with the network yet."));
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>", _(c, "Summary"));
	if (rp.np.manage) {
		html_printf(b, "<form method=\"post\" action=\"/rounds/%lld/summary\" class=\"varde-form\">", rp.r.id);
		ui_csrf(c);
		ui_textarea(c, "summary", _(c, "The network leader's summary of the round"), rp.r.summary, NULL, 8, NULL, false);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>", _(c, "Save the summary"));
	} else {
		html_printf(b, "<p class=\"ds-paragraph varde-pre\">%s</p>", rp.r.summary ? rp.r.summary : _(c, "Not written yet."));
	}
	layout_end(c);
	round_page_free(&rp);
}

/* POST /rounds/:id/remind/:id — a message to the project's leaders and owners. */
void page_round_remind(struct ctx *c)
{
	struct round_page rp;
	if (round_load(c, AZ_NETWORK_MANAGE, &rp) != 0)
		return;
	long long project = c->req->params[1];
	if (!store_project_is_shared(c->db, project, rp.np.n.id)) {
		page_error(c, 404, _(c, "There is no page at this address."));
		round_page_free(&rp);
		return;
	}
	struct report done;
	if (store_report_latest_submitted(c->db, rp.r.id, project, &done) == STORE_OK) {
		report_free(&done);
		page_error(c, 400, _(c, "The project has already submitted its report."));
		round_page_free(&rp);
		return;
	}
	char link[64], body[400];
	snprintf(link, sizeof link, "/rounds/%lld/projects/%lld", rp.r.id, project);
	snprintf(body, sizeof body, "%s: %s", _(c, "Reminder: the status report is due"), rp.r.title);
	struct db_stmt *s = store_project_leaders(c->db, project);
	long long to[50];
	int n = 0, rc = STORE_OK;
	while (db_step(s) == DB_ROW && n < 50)
		to[n++] = db_col_int(s, 0);
	db_reset(s);
	for (int i = 0; i < n && rc == STORE_OK; i++)
		rc = store_message_add(c->db, to[i], c->user_id, body, link);
	if (rc != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else {
		char loc[64];
		snprintf(loc, sizeof loc, "/rounds/%lld?reminded=1", rp.r.id);
		resp_redirect(c->resp, loc);
	}
	round_page_free(&rp);
}

/* POST /rounds/:id/summary */
void page_round_summary(struct ctx *c)
{
	struct round_page rp;
	if (round_load(c, AZ_NETWORK_MANAGE, &rp) != 0)
		return;
	char *summary = text_trim_dup(kv_get(&c->req->form, "summary") ? kv_get(&c->req->form, "summary") : "");
	if (utf8_length(summary) > 20000) {
		page_error(c, 400, _(c, "The text is too long."));
	} else if (pii_scan(summary, NULL, 0) > 0) {
		page_error(c, 400, _(c, "The summary looks like it holds personal data (an identity number, e-mail address or phone "
					 "number). Remove it: the compiled report goes outside the projects."));
	} else if (store_round_summary_set(c->db, rp.r.id, summary, c->user_id) != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else {
		char loc[48];
		snprintf(loc, sizeof loc, "/rounds/%lld", rp.r.id);
		resp_redirect(c->resp, loc);
	}
	free(summary);
	round_page_free(&rp);
}

/* One report's answers as a description list. */
void answers_render(struct ctx *c, const json_t *questions, const char *answers_json, const char *rag)
{
	struct buf *b = &c->resp->body;
	json_t *a = json_loads(answers_json ? answers_json : "{}", 0, NULL);
	html_printf(b, "<dl class=\"varde-fields\"><dt>%s</dt><dd><span class=\"varde-rag varde-rag-%s\">%s</span></dd>", _(c, "Overall status"),
		    rag, rag_label(c, rag));
	for (size_t i = 0; i < json_array_size(questions); i++) {
		const json_t *q = json_array_get(questions, i);
		const char *key = json_string_value(json_object_get(q, "key"));
		const char *ans = key ? json_string_value(json_object_get(a, key)) : NULL;
		html_printf(b, "<dt>%s</dt><dd class=\"varde-pre\">%s</dd>", json_string_value(json_object_get(q, "text")), ans ? ans : "");
	}
	html_printf(b, "</dl>");
	json_decref(a);
}

/* GET /rounds/:id/compiled — every submitted report side by side, and the
 * summary: for the meeting, and for a report to a ministry or steering group. */
void page_round_compiled(struct ctx *c)
{
	struct round_page rp;
	if (round_load(c, AZ_NETWORK_VIEW, &rp) != 0)
		return;
	struct buf *b = &c->resp->body;
	layout_begin(c, rp.r.title);
	html_printf(b, "<p class=\"ds-paragraph varde-meta varde-noprint\"><a class=\"ds-link\" href=\"/rounds/%lld\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\"><span class=\"varde-kicker\">%s</span> %s</h1>"
		       "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2><p class=\"ds-paragraph varde-pre\">%s</p>",
		    rp.r.id, rp.r.title, rp.np.n.name, rp.r.title, _(c, "Summary"), rp.r.summary ? rp.r.summary : _(c, "Not written yet."));
	/* The latest submitted version per project (rows come by project, then version). */
	struct db_stmt *s = store_reports_of_round(c->db, rp.r.id);
	struct {
		long long project, version, at;
		char *answers, *who;
		char rag[8];
	} last = {0};
	int n = 0;
	html_printf(b, "<div class=\"varde-compiled\">");
	bool more = db_step(s) == DB_ROW;
	while (more) {
		long long project = db_col_int(s, 2);
		bool submitted = !strcmp(db_col_text(s, 6), "submitted");
		if (submitted) {
			free(last.answers);
			free(last.who);
			last.project = project;
			last.version = db_col_int(s, 3);
			last.answers = db_col_dup(s, 4);
			snprintf(last.rag, sizeof last.rag, "%s", db_col_text(s, 5));
			last.at = db_col_int(s, 7);
			last.who = db_col_dup(s, 8);
		}
		more = db_step(s) == DB_ROW;
		if ((!more || db_col_int(s, 2) != project) && last.project == project && last.answers) {
			struct project p;
			if (store_project_get(c->db, project, &p) == STORE_OK) {
				char when[16];
				time_t t = (time_t)last.at;
				struct tm tm;
				gmtime_r(&t, &tm);
				strftime(when, sizeof when, "%d.%m.%Y", &tm);
				html_printf(b, "<article class=\"varde-report\"><h2 class=\"ds-heading\" data-size=\"sm\">%s</h2>"
					       "<p class=\"ds-paragraph varde-meta\">%s %lld · %s %s · %s</p>",
					    p.title, _(c, "version"), last.version, _(c, "submitted"), when, last.who ? last.who : "");
				answers_render(c, rp.questions, last.answers, last.rag);
				html_printf(b, "</article>");
				project_free(&p);
				n++;
			}
			free(last.answers);
			free(last.who);
			memset(&last, 0, sizeof last);
		}
	}
	db_reset(s);
	free(last.answers);
	free(last.who);
	html_printf(b, "</div>");
	if (!n)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No report has been submitted yet."));
	layout_end(c);
	round_page_free(&rp);
}
