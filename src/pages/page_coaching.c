/* page_coaching.c — coaching at a distance. A coach (or leader) of a network
 * a project is shared with plans follow-ups that fade out: four a week apart,
 * four two weeks apart, then every third week until the network's period ends
 * or a year has passed. The coach records each session held (date, how, notes
 * and up to three agreed actions with someone responsible and a deadline).
 * Everyone who may read the project sees the log, the schedule with the next
 * follow-up and the open actions; the coach and the team tick actions off.
 *
 * Coach rights are decided per network: the project must be shared with it
 * and the authorization core must give the user AZ_NETWORK_COACH there. The
 * forms post the network's id. Session notes and actions that look like
 * personal data must be confirmed, and are shown only to the team and the
 * network's coaches. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/layout.h"
#include "../benefit/benefit.h"
#include "../core/html.h"
#include "../core/parse.h"
#include "../core/pii.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "../project/project.h"
#include "../store/store_gathering.h"
#include "form_fields.h"
#include "network_page.h"
#include "pages.h"
#include "register_page.h"

enum { NOTES_MAX = 20000, ACTION_MAX = 1000, NACTIONS = 3, MAXNET = 32, PLAN_MONTHS = 12, MAX_FOLLOWUPS = 100 };

static const struct ui_option MODES[] = {
	{"meeting", N_("Meeting")}, {"video", N_("Video meeting")}, {"phone", N_("Phone call")}, {"visit", N_("Visit")},
};
enum { NMODES = sizeof MODES / sizeof MODES[0] };

/* The fields of the agreed actions of a session form. */
static const char *const ACTION_FIELDS[NACTIONS][3] = {
	{"a1-body", "a1-owner", "a1-deadline"}, {"a2-body", "a2-owner", "a2-deadline"}, {"a3-body", "a3-owner", "a3-deadline"},
};

/* What the activity log records (translated when shown on the project page). */
static const char *const stored_words[] __attribute__((unused)) = {N_("planned-coaching"), N_("recorded-coaching")};

/* A mode's label in the user's language ("" for an unknown key). */
static const char *mode_label(struct ctx *c, const char *key)
{
	for (int i = 0; i < NMODES; i++)
		if (key && !strcmp(key, MODES[i].value))
			return _(c, MODES[i].label);
	return "";
}

/* A network the project is shared with, and whether the user coaches there. */
struct share {
	long long id;
	char *name;          /* owned */
	char period_end[11]; /* "" when open */
	bool coach;
};

struct csession {
	long long id, network_id;
	char day[11], mode[16];
	char *network, *coach, *notes; /* owned */
};

struct caction {
	long long id, session_id, owner_id, network_id;
	char deadline[11], session_day[11];
	char *body, *owner; /* owned */
	bool done;
};

/* One coaching page: the project, its networks, and the log. */
struct coaching {
	struct project_ctx pc;
	struct share nets[MAXNET];
	int nnets, ncoach;
	bool personal; /* the reader may see personal data (the team) */
	bool edit;     /* AZ_PROJECT_EDIT: the team may tick actions off */
	struct csession *sessions;
	int nsessions;
	struct caction *actions;
	int nactions;
};

/* Which form failed, its problems and the personal data found in it. */
struct cform {
	const char *which; /* "plan" or "session" */
	struct form_errors fe;
	struct buf pii;
};

/* May the user coach for this network? The authorization core decides on
 * the facts network_load loads, but nothing is answered when not: the page
 * then simply shows no forms. */
static bool coach_of(struct ctx *c, long long network_id)
{
	struct network n;
	if (store_network_get(c->db, network_id, &n) != STORE_OK)
		return false;
	int role = store_network_role(c->db, network_id, c->user_id);
	struct authz_object o = {.org_id = n.owner_org_id,
				 .network_role = role == 2 ? NR_LEADER : role == 1 ? NR_COACH : NR_NONE,
				 .network_member = store_network_member(c->db, network_id, c->user_id)};
	network_free(&n);
	return authz_check(c, AZ_NETWORK_COACH, &o) == AZ_ALLOW;
}

/* The share of network id, or NULL. */
static const struct share *share_find(const struct coaching *co, long long id)
{
	for (int i = 0; i < co->nnets; i++)
		if (co->nets[i].id == id)
			return &co->nets[i];
	return NULL;
}

static bool share_coach(const struct coaching *co, long long id)
{
	const struct share *s = share_find(co, id);
	return s && s->coach;
}

/* Load project params[0] for reading, with its networks and the user's
 * rights. Returns 0, or -1 with the response set. */
static int coaching_load(struct ctx *c, struct coaching *co)
{
	memset(co, 0, sizeof *co);
	if (project_load(c, AZ_PROJECT_VIEW, &co->pc) != 0)
		return -1;
	co->personal = authz_check(c, AZ_PROJECT_PERSONAL, &co->pc.facts) == AZ_ALLOW;
	co->edit = authz_check(c, AZ_PROJECT_EDIT, &co->pc.facts) == AZ_ALLOW;
	struct db_stmt *s = store_project_share_networks(c->db, co->pc.p.id);
	while (db_step(s) == DB_ROW && co->nnets < MAXNET) {
		struct share *sh = &co->nets[co->nnets++];
		sh->id = db_col_int(s, 0);
		sh->name = xstrdup(db_col_text(s, 1));
		snprintf(sh->period_end, sizeof sh->period_end, "%s", db_col_text(s, 2));
	}
	db_reset(s);
	for (int i = 0; i < co->nnets; i++) {
		co->nets[i].coach = coach_of(c, co->nets[i].id);
		co->ncoach += co->nets[i].coach;
	}
	return 0;
}

/* Load the sessions and their actions (for showing the page). */
static void coaching_load_log(struct ctx *c, struct coaching *co)
{
	int cap = 0;
	struct db_stmt *s = store_coaching_sessions(c->db, co->pc.p.id);
	while (db_step(s) == DB_ROW) {
		if (co->nsessions == cap) {
			cap = cap ? cap * 2 : 16;
			co->sessions = xrealloc(co->sessions, (size_t)cap * sizeof *co->sessions);
		}
		struct csession *x = &co->sessions[co->nsessions++];
		x->id = db_col_int(s, 0);
		x->network_id = db_col_int(s, 1);
		x->network = xstrdup(db_col_text(s, 2));
		x->coach = xstrdup(db_col_text(s, 3));
		snprintf(x->day, sizeof x->day, "%s", db_col_text(s, 4));
		snprintf(x->mode, sizeof x->mode, "%s", db_col_text(s, 5));
		x->notes = xstrdup(db_col_text(s, 6));
	}
	db_reset(s);
	cap = 0;
	s = store_coaching_actions(c->db, co->pc.p.id);
	while (db_step(s) == DB_ROW) {
		if (co->nactions == cap) {
			cap = cap ? cap * 2 : 16;
			co->actions = xrealloc(co->actions, (size_t)cap * sizeof *co->actions);
		}
		struct caction *a = &co->actions[co->nactions++];
		a->id = db_col_int(s, 0);
		a->session_id = db_col_int(s, 1);
		a->body = xstrdup(db_col_text(s, 2));
		a->owner_id = db_col_null(s, 3) ? 0 : db_col_int(s, 3);
		a->owner = xstrdup(db_col_text(s, 4));
		snprintf(a->deadline, sizeof a->deadline, "%s", db_col_text(s, 5));
		a->done = db_col_int(s, 6) != 0;
		a->network_id = db_col_int(s, 7);
		snprintf(a->session_day, sizeof a->session_day, "%s", db_col_text(s, 8));
	}
	db_reset(s);
}

static void coaching_free(struct coaching *co)
{
	for (int i = 0; i < co->nnets; i++)
		free(co->nets[i].name);
	for (int i = 0; i < co->nsessions; i++) {
		free(co->sessions[i].network);
		free(co->sessions[i].coach);
		free(co->sessions[i].notes);
	}
	for (int i = 0; i < co->nactions; i++) {
		free(co->actions[i].body);
		free(co->actions[i].owner);
	}
	free(co->sessions);
	free(co->actions);
	project_ctx_free(&co->pc);
	memset(co, 0, sizeof *co);
}

/* A text written in a session of this network, for this reader: hidden when
 * it looks like personal data and the reader is neither on the team nor a
 * coach of that network. */
static const char *coaching_text(struct ctx *c, const struct coaching *co, long long network_id, const char *text)
{
	if (co->personal || share_coach(co, network_id) || pii_scan(text, NULL, 0) == 0)
		return text;
	return _(c, "(personal data hidden)");
}

/* May the user tick this action off? The team, or a coach of its network. */
static bool action_may_tick(const struct coaching *co, const struct caction *a)
{
	return co->edit || share_coach(co, a->network_id);
}

/* The button that marks an action done (or opens it again). */
static void action_tick_form(struct ctx *c, const struct coaching *co, const struct caction *a)
{
	html_printf(&c->resp->body, "<form method=\"post\" action=\"/projects/%lld/coaching/actions/%lld/done\">", co->pc.p.id, a->id);
	ui_csrf(c);
	html_printf(&c->resp->body,
		    "<input type=\"hidden\" name=\"done\" value=\"%s\"><button class=\"ds-button\" data-variant=\"tertiary\" "
		    "type=\"submit\">%s</button></form>",
		    a->done ? "0" : "1", a->done ? _(c, "Reopen") : _(c, "Mark as done"));
}

/* Today's date as YYYY-MM-DD. */
static void today_iso(char out[11])
{
	reg_today(out);
}

/* The open actions of every session, by deadline. */
static void open_actions_render(struct ctx *c, const struct coaching *co)
{
	struct buf *b = &c->resp->body;
	char today[11];
	today_iso(today);
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\" id=\"open-actions\">%s</h2>", _(c, "Open actions"));
	int n = 0;
	for (int i = 0; i < co->nactions; i++) {
		const struct caction *a = &co->actions[i];
		if (a->done)
			continue;
		if (!n++)
			html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
				       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
				       "<th scope=\"col\" class=\"varde-noprint\"><span class=\"ds-sr-only\">%s</span></th></tr></thead><tbody>",
				    _(c, "Actions agreed in coaching that are not done, by deadline"), _(c, "What to do"), _(c, "Responsible"),
				    _(c, "Deadline"), _(c, "Agreed on"), _(c, "Change"));
		html_printf(b, "<tr><th scope=\"row\" class=\"varde-pre\">%s</th><td>%s</td><td>%s",
			    coaching_text(c, co, a->network_id, a->body), a->owner_id ? a->owner : _(c, "(no owner)"), a->deadline);
		if (*a->deadline && strcmp(a->deadline, today) < 0)
			html_printf(b, " <span class=\"ds-tag\" data-color=\"danger\">%s</span>", _(c, "Overdue"));
		html_printf(b, "</td><td>%s</td><td class=\"varde-noprint\">", a->session_day);
		if (action_may_tick(co, a))
			action_tick_form(c, co, a);
		html_printf(b, "</td></tr>");
	}
	if (n)
		html_printf(b, "</tbody></table>");
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No open actions."));
}

/* The label of a cadence in weeks. */
static const char *cadence_label(struct ctx *c, long long weeks)
{
	return weeks <= 1 ? _(c, "Weekly") : weeks == 2 ? _(c, "Every second week") : _(c, "Every third week");
}

/* One plan's follow-ups, and which of them had a session: each session of
 * the network counts for the follow-up nearest to it (within ten days). */
struct followups {
	int n;
	char day[MAX_FOLLOWUPS][11];
	long long weeks[MAX_FOLLOWUPS];
	bool held[MAX_FOLLOWUPS];
	int next; /* the first follow-up from today without a session; -1: none */
};

static void followups_read(const struct coaching *co, long long network_id, const char *schedule, struct followups *f)
{
	memset(f, 0, sizeof *f);
	json_t *root = json_loads(schedule, 0, NULL);
	json_t *list = json_object_get(root, "follow_ups");
	for (size_t i = 0; i < json_array_size(list) && f->n < MAX_FOLLOWUPS; i++) {
		const char *d = json_string_value(json_object_get(json_array_get(list, i), "day"));
		if (benefit_day(d) == BENEFIT_NO_DAY)
			continue;
		snprintf(f->day[f->n], sizeof f->day[0], "%s", d);
		f->weeks[f->n++] = json_integer_value(json_object_get(json_array_get(list, i), "weeks"));
	}
	json_decref(root);
	for (int s = 0; s < co->nsessions; s++) {
		if (co->sessions[s].network_id != network_id)
			continue;
		long day = benefit_day(co->sessions[s].day), best = 11;
		int at = -1;
		if (day == BENEFIT_NO_DAY)
			continue;
		for (int i = 0; i < f->n; i++) {
			long d = labs(benefit_day(f->day[i]) - day);
			if (d < best) {
				best = d;
				at = i;
			}
		}
		if (at >= 0)
			f->held[at] = true;
	}
	char today[11];
	today_iso(today);
	f->next = -1;
	for (int i = 0; i < f->n && f->next < 0; i++)
		if (strcmp(f->day[i], today) >= 0 && !f->held[i])
			f->next = i;
}

/* The next follow-up of every plan; each plan's schedule goes to sched,
 * shown further down the page. */
static void plans_render(struct ctx *c, const struct coaching *co, struct buf *sched)
{
	struct buf *b = &c->resp->body;
	char today[11];
	today_iso(today);
	struct followups *f = xmalloc(sizeof *f);
	int n = 0;
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\" id=\"next\">%s</h2>", _(c, "Next follow-up"));
	struct db_stmt *s = store_coaching_plans(c->db, co->pc.p.id);
	while (db_step(s) == DB_ROW) {
		if (!n++)
			html_printf(b, "<dl class=\"varde-facts\">");
		followups_read(co, db_col_int(s, 0), db_col_text(s, 4), f);
		html_printf(b, "<dt>%s</dt><dd>", db_col_text(s, 1));
		if (f->next >= 0)
			html_printf(b, "%s · %s", f->day[f->next], cadence_label(c, f->weeks[f->next]));
		else
			html_printf(b, "%s", _(c, "No more follow-ups are planned."));
		html_printf(b, "</dd>");
		html_printf(sched, "<h3 class=\"ds-heading\" data-size=\"sm\">%s</h3><p class=\"ds-paragraph varde-meta\">%s %s · %s %s</p>",
			    db_col_text(s, 1), _(c, "Planned by"), db_col_text(s, 2), _(c, "from"), db_col_text(s, 3));
		html_printf(sched, "<table class=\"ds-table\"><caption>%s: %s</caption><thead><tr><th scope=\"col\">%s</th>"
				    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
			    _(c, "Planned follow-ups"), db_col_text(s, 1), _(c, "Date"), _(c, "Cadence"), _(c, "Status"));
		for (int i = 0; i < f->n; i++) {
			html_printf(sched, "<tr><td>%s</td><td>%s</td><td>", f->day[i], cadence_label(c, f->weeks[i]));
			if (f->held[i])
				html_printf(sched, "<span class=\"ds-tag\" data-color=\"success\">%s</span>", _(c, "Held"));
			else if (i == f->next)
				html_printf(sched, "<span class=\"ds-tag\" data-color=\"info\">%s</span>", _(c, "Next"));
			else if (strcmp(f->day[i], today) < 0)
				html_printf(sched, "%s", _(c, "No session recorded"));
			else
				html_printf(sched, "%s", _(c, "Planned"));
			html_printf(sched, "</td></tr>");
		}
		html_printf(sched, "</tbody></table>");
	}
	db_reset(s);
	if (n)
		html_printf(b, "</dl>");
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No follow-ups are planned yet."));
	free(f);
}

/* The schedules written by plans_render, under their heading. */
static void schedule_render(struct ctx *c, const struct buf *sched)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\" id=\"schedule\">%s</h2>", _(c, "Schedule"));
	if (sched->len)
		html_raw(b, buf_str(sched)); /* raw-ok: written with html_printf in plans_render */
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "A coach makes the plan."));
}

/* The sessions held, newest first, with the actions agreed in each. */
static void log_render(struct ctx *c, const struct coaching *co)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\" id=\"log\">%s</h2>", _(c, "Coaching log"));
	if (!co->nsessions) {
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No sessions recorded yet."));
		return;
	}
	for (int i = 0; i < co->nsessions; i++) {
		const struct csession *x = &co->sessions[i];
		html_printf(b, "<article class=\"varde-coaching-session\" id=\"session-%lld\"><h3 class=\"ds-heading\" data-size=\"xs\">%s · %s</h3>"
			       "<p class=\"ds-paragraph varde-meta\">%s · %s</p><div class=\"ds-paragraph varde-pre\">%s</div>",
			    x->id, x->day, mode_label(c, x->mode), x->network, x->coach, coaching_text(c, co, x->network_id, x->notes));
		int n = 0;
		for (int k = 0; k < co->nactions; k++) {
			const struct caction *a = &co->actions[k];
			if (a->session_id != x->id)
				continue;
			if (!n++)
				html_printf(b, "<p class=\"ds-paragraph\"><strong>%s</strong></p><ul class=\"varde-coaching-actions\">",
					    _(c, "Agreed actions"));
			html_printf(b, "<li><span class=\"varde-pre\">%s</span> – %s, %s %s · %s</li>",
				    coaching_text(c, co, a->network_id, a->body), a->owner_id ? a->owner : _(c, "(no owner)"),
				    _(c, "deadline"), a->deadline, a->done ? _(c, "Done") : _(c, "Open"));
		}
		if (n)
			html_printf(b, "</ul>");
		html_printf(b, "</article>");
	}
}

/* The networks the user coaches in, as options. ids holds their text. */
static int coach_networks(const struct coaching *co, struct ui_option *opts, char (*ids)[24])
{
	int n = 0;
	for (int i = 0; i < co->nnets; i++) {
		if (!co->nets[i].coach)
			continue;
		snprintf(ids[n], sizeof ids[n], "%lld", co->nets[i].id);
		opts[n] = (struct ui_option){ids[n], co->nets[i].name};
		n++;
	}
	return n;
}

static bool cform_is(const struct cform *cf, const char *which)
{
	return cf && cf->which && !strcmp(cf->which, which);
}

/* The form to make (or replace) the plan of follow-ups. */
static void plan_form(struct ctx *c, const struct coaching *co, const struct cform *cf)
{
	struct buf *b = &c->resp->body;
	const struct form_errors *fe = cform_is(cf, "plan") ? &cf->fe : NULL;
	const struct kvlist none = {0}, *v = fe ? &c->req->form : &none;
	struct ui_option nets[MAXNET];
	char ids[MAXNET][24];
	int n = coach_networks(co, nets, ids);
	html_printf(b, "<div class=\"varde-noprint\"><h2 class=\"ds-heading\" data-size=\"md\" id=\"plan\">%s</h2><p class=\"ds-paragraph\">%s</p>",
		    _(c, "Plan the follow-ups"),
		    _(c, "From the first follow-up: four a week apart, four two weeks apart, then every third week until the "
			 "network's period ends, at most a year. A new plan replaces the one there is."));
	html_printf(b, "<form method=\"post\" action=\"/projects/%lld/coaching/plan\" class=\"varde-form\" novalidate>", co->pc.p.id);
	ui_csrf(c);
	/* Its own name (and so id): the session form on the same page has "network". */
	ui_select(c, "plan_network", _(c, "Network"), nets, n, kv_get(v, "plan_network") ? kv_get(v, "plan_network") : kv_get(v, "network"),
		  fe);
	ui_input(c, &(struct ui_input){"start", _(c, "First follow-up"), "date", kv_get(v, "start"), "off",
				       _(c, "For example 22.11.2026."), true, 10},
		 fe);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form></div>", _(c, "Make the plan"));
}

/* The people who may own an action in any of the user's networks: the team
 * and the networks' leaders and coaches (checked per network when saved). */
static int owner_options(struct ctx *c, const struct coaching *co, struct ui_option *opts, char (*ids)[24], char **names, int max)
{
	int n = 0;
	opts[n++] = (struct ui_option){"", _(c, "Choose a person")};
	for (int i = 0; i < co->nnets; i++) {
		if (!co->nets[i].coach)
			continue;
		struct db_stmt *s = store_coaching_owners(c->db, co->pc.p.id, co->nets[i].id);
		while (db_step(s) == DB_ROW && n < max) {
			snprintf(ids[n], sizeof ids[n], "%lld", db_col_int(s, 0));
			bool seen = false;
			for (int k = 1; k < n && !seen; k++)
				seen = !strcmp(ids[k], ids[n]);
			if (seen)
				continue;
			names[n] = xstrdup(db_col_text(s, 1));
			opts[n] = (struct ui_option){ids[n], names[n]};
			n++;
		}
		db_reset(s);
	}
	return n;
}

/* Agreed action i's fields (0-based; named a1-body, a1-owner, a1-deadline …). */
static void action_fields(struct ctx *c, int i, const struct kvlist *v, const struct form_errors *fe, const struct ui_option *owners,
			  int nowners)
{
	const char *body = ACTION_FIELDS[i][0], *owner = ACTION_FIELDS[i][1], *deadline = ACTION_FIELDS[i][2];
	html_printf(&c->resp->body, "<fieldset class=\"ds-fieldset varde-coaching-action\"><legend class=\"ds-label\">%s %d</legend>",
		    _(c, "Agreed action"), i + 1);
	ui_input(c, &(struct ui_input){body, _(c, "What to do"), "text", kv_get(v, body), "off", NULL, false, ACTION_MAX}, fe);
	ui_select(c, owner, _(c, "Responsible"), owners, nowners, kv_get(v, owner), fe);
	ui_input(c, &(struct ui_input){deadline, _(c, "Deadline"), "date", kv_get(v, deadline), "off", NULL, false, 10}, fe);
	html_printf(&c->resp->body, "</fieldset>");
}

/* The form to record a session. */
static void session_form(struct ctx *c, const struct coaching *co, const struct cform *cf)
{
	struct buf *b = &c->resp->body;
	const struct form_errors *fe = cform_is(cf, "session") ? &cf->fe : NULL;
	const struct kvlist none = {0}, *v = fe ? &c->req->form : &none;
	struct ui_option nets[MAXNET];
	char ids[MAXNET][24];
	int n = coach_networks(co, nets, ids);
	enum { MAXO = 1000 };
	struct ui_option *owners = xcalloc(MAXO, sizeof *owners);
	char(*oids)[24] = xcalloc(MAXO, sizeof *oids);
	char **names = xcalloc(MAXO, sizeof *names);
	int no = owner_options(c, co, owners, oids, names, MAXO);
	struct ui_option modes[NMODES];
	for (int i = 0; i < NMODES; i++)
		modes[i] = (struct ui_option){MODES[i].value, _(c, MODES[i].label)};
	html_printf(b, "<div class=\"varde-noprint\"><h2 class=\"ds-heading\" data-size=\"md\" id=\"record\">%s</h2>", _(c, "Record a session"));
	html_printf(b, "<form method=\"post\" action=\"/projects/%lld/coaching/sessions\" class=\"varde-form\" novalidate>", co->pc.p.id);
	ui_csrf(c);
	ui_select(c, "network", _(c, "Network"), nets, n, kv_get(v, "network"), fe);
	ui_input(c, &(struct ui_input){"day", _(c, "Date"), "date", kv_get(v, "day"), "off", _(c, "For example 22.11.2026."), true, 10},
		 fe);
	ui_select(c, "mode", _(c, "How you met"), modes, NMODES, kv_get(v, "mode"), fe);
	ui_textarea(c, "notes", _(c, "Notes"), kv_get(v, "notes"),
		    _(c, "What you talked about and what the team will do. Do not write anything that identifies a citizen."), 6,
		    form_error_for(fe, "notes"), false);
	for (int i = 0; i < NACTIONS; i++)
		action_fields(c, i, v, fe, owners, no);
	if (cform_is(cf, "session"))
		pii_warning_render(c, &cf->pii);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form></div>", _(c, "Record the session"));
	for (int i = 0; i < no; i++)
		free(names[i]);
	free(names);
	free(oids);
	free(owners);
}

/* The whole page; cf names the form that failed, if any. */
static void coaching_page(struct ctx *c, struct coaching *co, const struct cform *cf)
{
	struct buf *b = &c->resp->body;
	coaching_load_log(c, co);
	layout_begin(c, _(c, "Coaching"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\"><span class=\"varde-kicker\">%s</span> %s</h1><p class=\"ds-paragraph\">%s</p>",
		    co->pc.p.id, co->pc.p.title, co->pc.p.title, _(c, "Coaching"),
		    _(c, "Coaches of the networks this project is shared with follow the team up at a distance: often at first, "
			 "then less often."));
	if (cf)
		ui_error_summary(c, &cf->fe);
	else if (kv_get(&c->req->query, "saved"))
		ui_alert(c, "success", _(c, "Saved."));
	if (!co->nnets && !co->nsessions)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "The project is not shared with a network, so no coach follows it up."));
	struct buf sched = {0};
	plans_render(c, co, &sched);
	open_actions_render(c, co);
	if (co->ncoach)
		session_form(c, co, cf);
	log_render(c, co);
	schedule_render(c, &sched);
	if (co->ncoach)
		plan_form(c, co, cf);
	layout_end(c);
	buf_free(&sched);
}

/* GET /projects/:id/coaching */
void page_coaching(struct ctx *c)
{
	struct coaching co;
	if (coaching_load(c, &co) != 0)
		return;
	coaching_page(c, &co, NULL);
	coaching_free(&co);
}

/* The network a coaching form names: shared with the project, and the user
 * coaches there. Someone who may read the project but not coach gets 403
 * whatever their relation to the network; the network is then loaded
 * through network_load like every network page. Returns 0, or -1 with the
 * response set. */
static int coaching_network(struct ctx *c, const struct coaching *co, struct network_page *np)
{
	long long id = 0;
	const char *net = kv_get(&c->req->form, "plan_network") ? kv_get(&c->req->form, "plan_network") : kv_get(&c->req->form, "network");
	if (!text_parse_ll(net, &id) || id <= 0) {
		page_error(c, 400, _(c, "Choose a network the project is shared with."));
		return -1;
	}
	if (!store_project_is_shared(c->db, co->pc.p.id, id)) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return -1;
	}
	if (!share_coach(co, id)) {
		page_error(c, 403, _(c, "Only the network's coaches and leaders can plan and record coaching."));
		return -1;
	}
	return network_load(c, id, AZ_NETWORK_COACH, np);
}

/* A failed form: the page again with status 400; nothing is saved. */
static void coaching_failed(struct ctx *c, struct coaching *co, struct cform *cf)
{
	if (cf->pii.len)
		form_error(&cf->fe, "pii_ok", _(c, "Check what looks like personal data, then confirm it or remove it."));
	buf_reset(&c->resp->body);
	c->resp->status = 400;
	c->failed = true;
	coaching_page(c, co, cf);
}

/* Back to the page after a save. */
static void coaching_saved(struct ctx *c, const struct coaching *co, const char *anchor)
{
	char loc[96];
	snprintf(loc, sizeof loc, "/projects/%lld/coaching?saved=1%s", co->pc.p.id, anchor);
	resp_redirect(c->resp, loc);
}

/* The fading schedule from start to end (day numbers, end included): four
 * follow-ups a week apart, four two weeks apart, then every third week. As
 * {"start", "end", "follow_ups": [{"day", "weeks"}]}; the caller frees. */
static char *schedule_json(long start, long end)
{
	json_t *list = json_array();
	long day = start;
	for (int i = 0; day <= end && i < MAX_FOLLOWUPS; i++) {
		int weeks = i < 4 ? 1 : i < 8 ? 2 : 3;
		char iso[BENEFIT_ISO_LEN];
		if (i > 0)
			day += 7L * weeks;
		if (day > end || !benefit_day_format(day, iso))
			break;
		json_array_append_new(list, json_pack("{s:s, s:i}", "day", iso, "weeks", weeks));
	}
	char s[BENEFIT_ISO_LEN], e[BENEFIT_ISO_LEN];
	benefit_day_format(start, s);
	benefit_day_format(end, e);
	json_t *root = json_pack("{s:s, s:s, s:o}", "start", s, "end", e, "follow_ups", list);
	char *out = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	return out;
}

/* POST /projects/:id/coaching/plan — network, start: make or replace the plan. */
void page_coaching_plan(struct ctx *c)
{
	struct coaching co;
	struct network_page np;
	if (coaching_load(c, &co) != 0)
		return;
	if (coaching_network(c, &co, &np) != 0) {
		coaching_free(&co);
		return;
	}
	struct cform cf = {.which = "plan"};
	char start[11];
	long first = 0, end = 0;
	if (!parse_date(kv_get(&c->req->form, "start"), start) || !benefit_day_parse(start, &first) ||
	    !benefit_day_add_months(first, PLAN_MONTHS, &end))
		form_error(&cf.fe, "start", _(c, "Enter a date like 2026-11-22 or 22.11.2026."));
	long period_end = benefit_day(np.n.period_end);
	if (!cf.fe.n && period_end != BENEFIT_NO_DAY && period_end < first)
		form_error(&cf.fe, "start", _(c, "The network's period has ended by this date. Choose an earlier first follow-up."));
	if (period_end != BENEFIT_NO_DAY && period_end < end)
		end = period_end;
	if (cf.fe.n) {
		coaching_failed(c, &co, &cf);
	} else {
		char *schedule = schedule_json(first, end);
		if (!schedule || store_coaching_plan_set(c->db, co.pc.p.id, np.n.id, c->user_id, start, schedule) != STORE_OK ||
		    store_activity_add(c->db, co.pc.p.id, c->user_id, "planned-coaching", NULL) != STORE_OK)
			page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		else
			coaching_saved(c, &co, "#schedule");
		free(schedule);
	}
	buf_free(&cf.pii);
	network_page_free(&np);
	coaching_free(&co);
}

/* One agreed action as sent: empty when all three fields are. */
struct action_in {
	char *body;
	long long owner;
	char deadline[11];
	bool used;
};

/* Read and check agreed action i (0-based); problems go to cf. */
static void action_read(struct ctx *c, const struct coaching *co, long long network_id, int i, struct action_in *a,
			struct cform *cf)
{
	const char *const *name = ACTION_FIELDS[i];
	const char *bv = kv_get(&c->req->form, name[0]), *ov = kv_get(&c->req->form, name[1]),
		   *dv = kv_get(&c->req->form, name[2]);
	a->body = text_trim_dup(bv ? bv : "");
	a->used = *a->body || (ov && *ov) || (dv && *dv);
	if (!a->used)
		return;
	if (!*a->body || utf8_length(a->body) > ACTION_MAX)
		form_error(&cf->fe, name[0], _(c, "Describe the action in at most 1,000 characters."));
	if (!text_parse_ll(ov, &a->owner) || !store_coaching_owner_ok(c->db, co->pc.p.id, network_id, a->owner))
		form_error(&cf->fe, name[1], _(c, "Choose who is responsible: someone on the team or a coach of the network."));
	if (!parse_date(dv, a->deadline))
		form_error(&cf->fe, name[2], _(c, "Enter a date like 2026-11-22 or 22.11.2026."));
}

/* Save the session and its agreed actions. */
static int session_store(struct ctx *c, const struct coaching *co, long long network_id, const char *day, const char *mode,
			 const char *notes, const struct action_in *acts)
{
	long long sid = 0;
	int rc = store_coaching_session_add(c->db, co->pc.p.id, network_id, c->user_id, day, mode, notes, &sid);
	for (int i = 0; i < NACTIONS && rc == STORE_OK; i++)
		if (acts[i].used)
			rc = store_coaching_action_add(c->db, sid, acts[i].body, acts[i].owner, acts[i].deadline);
	if (rc == STORE_OK)
		rc = store_activity_add(c->db, co->pc.p.id, c->user_id, "recorded-coaching", NULL);
	return rc;
}

/* POST /projects/:id/coaching/sessions — network, day, mode, notes and up to
 * three actions (aN-body, aN-owner, aN-deadline). */
void page_coaching_session(struct ctx *c)
{
	struct coaching co;
	struct network_page np;
	if (coaching_load(c, &co) != 0)
		return;
	if (coaching_network(c, &co, &np) != 0) {
		coaching_free(&co);
		return;
	}
	struct cform cf = {.which = "session"};
	char day[11], today[11];
	today_iso(today);
	if (!parse_date(kv_get(&c->req->form, "day"), day))
		form_error(&cf.fe, "day", _(c, "Enter a date like 2026-11-22 or 22.11.2026."));
	else if (strcmp(day, today) > 0)
		form_error(&cf.fe, "day", _(c, "Record a session once it has been held: the date cannot be in the future."));
	const char *mode = kv_get(&c->req->form, "mode");
	if (!*mode_label(c, mode))
		form_error(&cf.fe, "mode", _(c, "Choose how you met."));
	char *notes = text_trim_dup(kv_get(&c->req->form, "notes") ? kv_get(&c->req->form, "notes") : "");
	if (!*notes || utf8_length(notes) > NOTES_MAX)
		form_error(&cf.fe, "notes", _(c, "Write what you talked about, in at most 20,000 characters."));
	struct action_in acts[NACTIONS] = {0};
	for (int i = 0; i < NACTIONS; i++)
		action_read(c, &co, np.n.id, i, &acts[i], &cf);
	if (!cf.fe.n && !kv_get(&c->req->form, "pii_ok")) {
		pii_note(c, &cf.pii, notes, _(c, "Notes"), NULL);
		for (int i = 0; i < NACTIONS; i++)
			if (acts[i].used)
				pii_note(c, &cf.pii, acts[i].body, _(c, "Agreed action"), NULL);
	}
	if (cf.fe.n || cf.pii.len)
		coaching_failed(c, &co, &cf);
	else if (session_store(c, &co, np.n.id, day, mode, notes, acts) != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else
		coaching_saved(c, &co, "#log");
	for (int i = 0; i < NACTIONS; i++)
		free(acts[i].body);
	free(notes);
	buf_free(&cf.pii);
	network_page_free(&np);
	coaching_free(&co);
}

/* POST /projects/:id/coaching/actions/:id/done — done=1 marks the action
 * done, done=0 opens it again: the team (AZ_PROJECT_EDIT) or a coach of the
 * network the session was held in, while the project is shared with it. */
void page_coaching_action_done(struct ctx *c)
{
	struct coaching co;
	if (coaching_load(c, &co) != 0)
		return;
	long long network_id = 0, action = c->req->params[1];
	const char *done = kv_get(&c->req->form, "done");
	if (store_coaching_action_network(c->db, co.pc.p.id, action, &network_id) != STORE_OK)
		page_error(c, 404, _(c, "There is no page at this address."));
	else if (!co.edit && !share_coach(&co, network_id))
		page_error(c, 403, _(c, "Your role in this project does not allow this."));
	else if (done && strcmp(done, "0") && strcmp(done, "1"))
		page_error(c, 400, _(c, "What you sent could not be read. Nothing was saved."));
	else if (store_coaching_action_done(c->db, action, !done || !strcmp(done, "1")) != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else
		coaching_saved(c, &co, "#open-actions");
	coaching_free(&co);
}
