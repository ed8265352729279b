/* page_gathering.c — a network's gatherings: kick-off, network gathering,
 * status meeting, mid-term seminar, study visit and project-leader day. Each
 * has a date, a place or "digital", an agenda and notes; the experiences the
 * members shared there (each may point to a project shared with the network);
 * and the follow-up actions agreed, each with someone responsible and a
 * deadline, ticked off when done. The page prints without its forms.
 *
 * Who may do what (the authorization core decides, through network_load):
 * everyone who sees the network reads its gatherings; its managers (leaders,
 * the owner's administrators) plan and edit them and add actions; coaches
 * and managers add experiences; managers and an action's owner mark it done. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/layout.h"
#include "../core/html.h"
#include "../core/parse.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "../store/store_gathering.h"
#include "form_fields.h"
#include "network_page.h"
#include "pages.h"
#include "register_page.h"

enum { TITLE_MAX = 200, PLACE_MAX = 200, AGENDA_MAX = 10000, NOTES_MAX = 20000, EXPERIENCE_MAX = 5000, ACTION_MAX = 1000 };

/* The kinds of gathering, as the table stores them. */
static const struct ui_option KINDS[] = {
	{"kickoff", N_("Kick-off")},	       {"gathering", N_("Network gathering")}, {"status", N_("Status meeting")},
	{"midterm", N_("Mid-term seminar")}, {"visit", N_("Study visit")},	       {"leaders", N_("Project-leader day")},
};
enum { NKINDS = sizeof KINDS / sizeof KINDS[0] };

/* A kind's label in the user's language ("" for an unknown key). */
static const char *kind_label(struct ctx *c, const char *key)
{
	for (int i = 0; i < NKINDS; i++)
		if (key && !strcmp(key, KINDS[i].value))
			return _(c, KINDS[i].label);
	return "";
}

/* Which form of a page was sent and failed: its errors and the personal
 * data found in it, shown again with what the user typed. */
struct gform {
	const char *which; /* "details", "experience", "action", or NULL when nothing failed */
	struct form_errors fe;
	struct buf pii;    /* findings to confirm (HTML list items from pii_note) */
};

static void gform_free(struct gform *gf)
{
	buf_free(&gf->pii);
}

/* Personal data found and not yet confirmed is a problem of the form too,
 * so the error summary at the top of the page leads to the confirmation.
 * True when the form may be saved. */
static bool gform_ok(struct ctx *c, struct gform *gf)
{
	if (gf->pii.len)
		form_error(&gf->fe, "pii_ok", _(c, "Check what looks like personal data, then confirm it or remove it."));
	return gf->fe.n == 0;
}

/* Did this form fail? */
static bool gform_is(const struct gform *gf, const char *which)
{
	return gf && gf->which && !strcmp(gf->which, which);
}

/* The form values to show: what was sent when this form failed, else v. */
static const struct kvlist *gform_values(struct ctx *c, const struct gform *gf, const char *which, const struct kvlist *v)
{
	return gform_is(gf, which) ? &c->req->form : v;
}

/* The errors of this form, or NULL. */
static const struct form_errors *gform_errors(const struct gform *gf, const char *which)
{
	return gform_is(gf, which) ? &gf->fe : NULL;
}

/* A form value trimmed (malloc'd; "" when missing). */
static char *form_text(struct ctx *c, const char *name)
{
	const char *v = kv_get(&c->req->form, name);
	return text_trim_dup(v ? v : "");
}

/* A labelled checkbox with value 1. */
static void checkbox_render(struct ctx *c, const char *name, const char *label, bool checked)
{
	html_printf(&c->resp->body,
		    "<div class=\"ds-field varde-option\"><input class=\"ds-input\" type=\"checkbox\" id=\"%s\" name=\"%s\" value=\"1\"%s>"
		    "<label class=\"ds-label\" for=\"%s\">%s</label></div>",
		    name, name, checked ? " checked" : "", name, label);
}

/* The fields of a gathering's details; notes only when editing. */
static void details_fields(struct ctx *c, const struct kvlist *v, const struct form_errors *fe, bool with_notes)
{
	struct ui_option kinds[NKINDS];
	for (int i = 0; i < NKINDS; i++)
		kinds[i] = (struct ui_option){KINDS[i].value, _(c, KINDS[i].label)};
	ui_select(c, "kind", _(c, "Kind of gathering"), kinds, NKINDS, kv_get(v, "kind"), fe);
	ui_input(c, &(struct ui_input){"title", _(c, "Title"), "text", kv_get(v, "title"), "off", NULL, true, TITLE_MAX}, fe);
	ui_input(c, &(struct ui_input){"day", _(c, "Date"), "date", kv_get(v, "day"), "off", _(c, "For example 22.11.2026."), true, 10},
		 fe);
	ui_input(c, &(struct ui_input){"place", _(c, "Place"), "text", kv_get(v, "place"), "off",
				       _(c, "Leave empty if the gathering is only digital."), false, PLACE_MAX},
		 fe);
	checkbox_render(c, "digital", _(c, "Digital (video meeting)"), kv_get(v, "digital") != NULL);
	ui_textarea(c, "agenda", _(c, "Agenda"), kv_get(v, "agenda"), NULL, 6, form_error_for(fe, "agenda"), false);
	if (with_notes)
		ui_textarea(c, "notes", _(c, "Notes"), kv_get(v, "notes"),
			    _(c, "What was said and decided. Do not write anything that identifies a citizen."), 8,
			    form_error_for(fe, "notes"), false);
}

/* Read and check the details form into g (strings owned by g). Problems go
 * to gf->fe; personal data in the agenda and notes to gf->pii. */
static void details_read(struct ctx *c, struct gathering *g, struct gform *gf, bool with_notes)
{
	const char *kind = kv_get(&c->req->form, "kind");
	if (!*kind_label(c, kind))
		form_error(&gf->fe, "kind", _(c, "Choose what kind of gathering it is."));
	else
		snprintf(g->kind, sizeof g->kind, "%s", kind);
	g->title = form_text(c, "title");
	if (!*g->title || utf8_length(g->title) > TITLE_MAX)
		form_error(&gf->fe, "title", _(c, "Give the gathering a title of at most 200 characters."));
	if (!parse_date(kv_get(&c->req->form, "day"), g->day))
		form_error(&gf->fe, "day", _(c, "Enter a date like 2026-11-22 or 22.11.2026."));
	g->digital = kv_get(&c->req->form, "digital") != NULL;
	g->place = form_text(c, "place");
	if (utf8_length(g->place) > PLACE_MAX)
		form_error(&gf->fe, "place", _(c, "Write the place in at most 200 characters."));
	else if (!*g->place && !g->digital)
		form_error(&gf->fe, "place", _(c, "Write where the gathering takes place, or tick “Digital”."));
	g->agenda = form_text(c, "agenda");
	if (utf8_length(g->agenda) > AGENDA_MAX)
		form_error(&gf->fe, "agenda", _(c, "The agenda can be at most 10,000 characters."));
	g->notes = with_notes ? form_text(c, "notes") : NULL;
	if (g->notes && utf8_length(g->notes) > NOTES_MAX)
		form_error(&gf->fe, "notes", _(c, "The notes can be at most 20,000 characters."));
	if (!gf->fe.n && !kv_get(&c->req->form, "pii_ok")) {
		pii_note(c, &gf->pii, g->agenda, _(c, "Agenda"), NULL);
		if (g->notes)
			pii_note(c, &gf->pii, g->notes, _(c, "Notes"), NULL);
	}
}

/* The start of a page about a network: its title and the way back. */
static void network_crumbs(struct ctx *c, const struct network_page *np, bool to_list)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/networks/%lld\">%s</a>", np->n.id,
		    np->n.name);
	if (to_list)
		html_printf(b, " · <a class=\"ds-link\" href=\"/networks/%lld/gatherings\">%s</a>", np->n.id, _(c, "Gatherings"));
	html_printf(b, "</p>");
}

/* Where a gathering is: the place, "digital", or both. */
static void where_render(struct ctx *c, const char *place, bool digital)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "%s%s%s", place, *place && digital ? " · " : "", digital ? _(c, "Digital") : "");
}

/* The table of a network's gatherings, newest first. */
static void gatherings_table(struct ctx *c, const struct network_page *np)
{
	struct buf *b = &c->resp->body;
	char today[11];
	reg_today(today);
	struct db_stmt *s = store_gatherings_of_network(c->db, np->n.id);
	int n = 0;
	while (db_step(s) == DB_ROW) {
		if (!n++)
			html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
				       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
				       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
				    _(c, "Gatherings of the network, newest first"), _(c, "Date"), _(c, "Gathering"), _(c, "Kind"),
				    _(c, "Where"), _(c, "Experiences"), _(c, "Open actions"));
		html_printf(b, "<tr><td>%s", db_col_text(s, 3));
		if (strcmp(db_col_text(s, 3), today) >= 0)
			html_printf(b, " <span class=\"ds-tag\" data-color=\"info\">%s</span>", _(c, "Upcoming"));
		html_printf(b, "</td><th scope=\"row\"><a class=\"ds-link\" href=\"/gatherings/%lld\">%s</a></th><td>%s</td><td>",
			    db_col_int(s, 0), db_col_text(s, 2), kind_label(c, db_col_text(s, 1)));
		where_render(c, db_col_text(s, 4), db_col_int(s, 5) != 0);
		html_printf(b, "</td><td>%lld</td><td>%lld</td></tr>", db_col_int(s, 7), db_col_int(s, 6));
	}
	db_reset(s);
	if (n)
		html_printf(b, "</tbody></table>");
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No gatherings yet."));
}

/* The list of gatherings and, for managers, the form to plan one. */
static void gatherings_page(struct ctx *c, const struct network_page *np, const struct gform *gf)
{
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Gatherings"));
	network_crumbs(c, np, false);
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\"><span class=\"varde-kicker\">%s</span> %s</h1>"
		       "<p class=\"ds-paragraph\">%s</p>",
		    np->n.name, _(c, "Gatherings"),
		    _(c, "Kick-offs, network gatherings, status meetings, mid-term seminars, study visits and project-leader days: "
			 "what was on the agenda, the experiences shared and what was agreed to follow up."));
	if (gf)
		ui_error_summary(c, &gf->fe);
	gatherings_table(c, np);
	if (np->manage) {
		const struct kvlist none = {0};
		const struct form_errors *fe = gform_errors(gf, "details");
		html_printf(b, "<div class=\"varde-noprint\"><h2 class=\"ds-heading\" data-size=\"md\" id=\"plan\">%s</h2>",
			    _(c, "Plan a gathering"));
		html_printf(b, "<form method=\"post\" action=\"/networks/%lld/gatherings\" class=\"varde-form\" novalidate>", np->n.id);
		ui_csrf(c);
		details_fields(c, gform_values(c, gf, "details", &none), fe, false);
		if (gform_is(gf, "details"))
			pii_warning_render(c, &gf->pii);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form></div>",
			    _(c, "Plan the gathering"));
	}
	layout_end(c);
}

/* GET /networks/:id/gatherings */
void page_gatherings(struct ctx *c)
{
	struct network_page np;
	if (network_load(c, c->req->params[0], AZ_NETWORK_VIEW, &np) != 0)
		return;
	gatherings_page(c, &np, NULL);
	network_page_free(&np);
}

/* Answer a form that failed: the page again with status 400, nothing saved. */
static void form_failed(struct ctx *c)
{
	buf_reset(&c->resp->body);
	c->resp->status = 400;
	c->failed = true;
}

/* POST /networks/:id/gatherings — plan a gathering. */
void page_gathering_create(struct ctx *c)
{
	struct network_page np;
	if (network_load(c, c->req->params[0], AZ_NETWORK_MANAGE, &np) != 0)
		return;
	struct gathering g = {.network_id = np.n.id};
	struct gform gf = {.which = "details"};
	details_read(c, &g, &gf, false);
	long long id = 0;
	if (!gform_ok(c, &gf)) {
		form_failed(c);
		gatherings_page(c, &np, &gf);
	} else if (store_gathering_create(c->db, &g, c->user_id, &id) != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else {
		char loc[64];
		snprintf(loc, sizeof loc, "/gatherings/%lld?saved=1", id);
		resp_redirect(c->resp, loc);
	}
	gathering_free(&g);
	gform_free(&gf);
	network_page_free(&np);
}

/* Load gathering params[0] and its network with `action` checked. Returns 0,
 * or -1 with the response set (404 when there is no such gathering). */
static int gathering_load(struct ctx *c, enum authz_action action, struct gathering *g, struct network_page *np)
{
	if (store_gathering_get(c->db, c->req->params[0], g) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return -1;
	}
	if (network_load(c, g->network_id, action, np) != 0) {
		gathering_free(g);
		return -1;
	}
	return 0;
}

/* Free text kept as typed, line breaks included; `empty` when there is none. */
static void text_block(struct ctx *c, const char *text, const char *empty)
{
	if (text && *text)
		html_printf(&c->resp->body, "<div class=\"ds-paragraph varde-pre\">%s</div>", text);
	else
		html_printf(&c->resp->body, "<p class=\"ds-paragraph varde-meta\">%s</p>", empty);
}

/* The gathering's details, agenda and notes, and the form to edit them. */
static void gathering_details(struct ctx *c, const struct gathering *g, const struct network_page *np, const struct gform *gf)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<dl class=\"varde-facts\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>", _(c, "Kind"),
		    kind_label(c, g->kind), _(c, "Date"), g->day, _(c, "Where"));
	where_render(c, g->place, g->digital);
	html_printf(b, "</dd><dt>%s</dt><dd>%s</dd></dl>", _(c, "Network"), np->n.name);
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>", _(c, "Agenda"));
	text_block(c, g->agenda, _(c, "No agenda yet."));
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>", _(c, "Notes"));
	text_block(c, g->notes, _(c, "No notes yet."));
	if (!np->manage)
		return;
	struct kvlist v = {0};
	kv_add(&v, "kind", g->kind);
	kv_add(&v, "title", g->title);
	kv_add(&v, "day", g->day);
	kv_add(&v, "place", g->place);
	if (g->digital)
		kv_add(&v, "digital", "1");
	kv_add(&v, "agenda", g->agenda);
	kv_add(&v, "notes", g->notes);
	const struct form_errors *fe = gform_errors(gf, "details");
	html_printf(b, "<details class=\"varde-gathering-edit\" id=\"edit\"%s><summary>%s</summary>", fe ? " open" : "",
		    _(c, "Edit the details and notes"));
	html_printf(b, "<form method=\"post\" action=\"/gatherings/%lld\" class=\"varde-form\" novalidate>", g->id);
	ui_csrf(c);
	details_fields(c, gform_values(c, gf, "details", &v), fe, true);
	if (gform_is(gf, "details"))
		pii_warning_render(c, &gf->pii);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form></details>",
		    _(c, "Save"));
	kv_free(&v);
}

/* The projects shared with the network as options ("none" first). */
static void project_select(struct ctx *c, long long network_id, const char *selected, const struct form_errors *fe)
{
	enum { MAXP = 300 };
	struct ui_option opts[MAXP + 1];
	char ids[MAXP][24];
	char *labels[MAXP];
	int n = 0;
	opts[n] = (struct ui_option){"", _(c, "Not tied to one project")};
	struct db_stmt *s = store_shared_projects(c->db, network_id);
	while (db_step(s) == DB_ROW && n < MAXP) {
		snprintf(ids[n], sizeof ids[n], "%lld", db_col_int(s, 0));
		size_t len = strlen(db_col_text(s, 1)) + strlen(db_col_text(s, 3)) + 4;
		labels[n] = xmalloc(len);
		snprintf(labels[n], len, "%s (%s)", db_col_text(s, 1), db_col_text(s, 3));
		opts[n + 1] = (struct ui_option){ids[n], labels[n]};
		n++;
	}
	db_reset(s);
	ui_select(c, "exp-project", _(c, "Project"), opts, n + 1, selected, fe);
	for (int i = 0; i < n; i++)
		free(labels[i]);
}

/* The experiences shared at the gathering, and the form to add one. */
static void gathering_experiences(struct ctx *c, const struct gathering *g, const struct network_page *np,
				  const struct gform *gf)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\" id=\"experiences\">%s</h2>", _(c, "Experiences shared"));
	struct db_stmt *s = store_gathering_experiences(c->db, g->id);
	int n = 0;
	while (db_step(s) == DB_ROW) {
		if (!n++)
			html_printf(b, "<ul class=\"varde-experiences\">");
		html_printf(b, "<li class=\"varde-experience\"><div class=\"ds-paragraph varde-pre\">%s</div><p class=\"ds-paragraph varde-meta\">",
			    db_col_text(s, 1));
		if (!db_col_null(s, 2))
			html_printf(b, "%s: <a class=\"ds-link\" href=\"/projects/%lld\">%s</a> · ", _(c, "Project"), db_col_int(s, 2),
				    db_col_text(s, 3));
		html_printf(b, "%s</p></li>", db_col_text(s, 4));
	}
	db_reset(s);
	if (n)
		html_printf(b, "</ul>");
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No experiences recorded yet."));
	if (!np->manage && !np->coach)
		return;
	const struct kvlist none = {0};
	const struct kvlist *v = gform_values(c, gf, "experience", &none);
	const struct form_errors *fe = gform_errors(gf, "experience");
	html_printf(b, "<div class=\"varde-noprint\"><h3 class=\"ds-heading\" data-size=\"sm\">%s</h3>", _(c, "Add an experience"));
	html_printf(b, "<form method=\"post\" action=\"/gatherings/%lld/experiences\" class=\"varde-form\" novalidate>", g->id);
	ui_csrf(c);
	ui_textarea(c, "exp-body", _(c, "Experience"), kv_get(v, "exp-body"),
		    _(c, "What a member told the others: what they tried, what worked and what did not."), 4,
		    form_error_for(fe, "exp-body"), false);
	project_select(c, np->n.id, kv_get(v, "exp-project"), fe);
	if (gform_is(gf, "experience"))
		pii_warning_render(c, &gf->pii);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form></div>",
		    _(c, "Add the experience"));
}

/* The people who may own an action, as options (a prompt first). */
static void owner_select(struct ctx *c, long long network_id, const char *name, const char *selected,
			 const struct form_errors *fe)
{
	enum { MAXO = 2000 };
	struct ui_option *opts = xcalloc(MAXO + 1, sizeof *opts);
	char(*ids)[24] = xcalloc(MAXO, sizeof *ids);
	char **names = xcalloc(MAXO, sizeof *names);
	int n = 0;
	opts[0] = (struct ui_option){"", _(c, "Choose a person")};
	struct db_stmt *s = store_network_audience(c->db, network_id);
	while (db_step(s) == DB_ROW && n < MAXO) {
		snprintf(ids[n], sizeof ids[n], "%lld", db_col_int(s, 0));
		names[n] = db_col_dup(s, 1);
		opts[n + 1] = (struct ui_option){ids[n], names[n] ? names[n] : ""};
		n++;
	}
	db_reset(s);
	ui_select(c, name, _(c, "Responsible"), opts, n + 1, selected, fe);
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(ids);
	free(opts);
}

/* The actions agreed at the gathering, with their done buttons, and the
 * form to add one. */
static void gathering_actions(struct ctx *c, const struct gathering *g, const struct network_page *np, const struct gform *gf)
{
	struct buf *b = &c->resp->body;
	char today[11];
	reg_today(today);
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\" id=\"actions\">%s</h2>", _(c, "Follow-up actions"));
	struct db_stmt *s = store_gathering_actions(c->db, g->id);
	int n = 0;
	while (db_step(s) == DB_ROW) {
		if (!n++)
			html_printf(b, "<table class=\"ds-table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
				       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
				       "<th scope=\"col\" class=\"varde-noprint\"><span class=\"ds-sr-only\">%s</span></th></tr></thead><tbody>",
				    _(c, "What was agreed, open actions first"), _(c, "What to do"), _(c, "Responsible"), _(c, "Deadline"),
				    _(c, "Status"), _(c, "Change"));
		long long id = db_col_int(s, 0), owner = db_col_null(s, 2) ? 0 : db_col_int(s, 2);
		bool done = db_col_int(s, 5) != 0;
		const char *deadline = db_col_text(s, 4);
		html_printf(b, "<tr><th scope=\"row\" class=\"varde-pre\">%s</th><td>%s</td><td>%s</td><td>", db_col_text(s, 1),
			    owner ? db_col_text(s, 3) : _(c, "(no owner)"), deadline);
		if (done)
			html_printf(b, "<span class=\"ds-tag\" data-color=\"success\">%s</span>", _(c, "Done"));
		else if (*deadline && strcmp(deadline, today) < 0)
			html_printf(b, "<span class=\"ds-tag\" data-color=\"danger\">%s</span>", _(c, "Overdue"));
		else
			html_printf(b, "%s", _(c, "Open"));
		html_printf(b, "</td><td class=\"varde-noprint\">");
		if (np->manage || (owner && owner == c->user_id)) {
			html_printf(b, "<form method=\"post\" action=\"/gatherings/%lld/actions/%lld/done\">", g->id, id);
			ui_csrf(c);
			html_printf(b, "<input type=\"hidden\" name=\"done\" value=\"%s\"><button class=\"ds-button\" data-variant=\"tertiary\" "
				       "type=\"submit\">%s</button></form>",
				    done ? "0" : "1", done ? _(c, "Reopen") : _(c, "Mark as done"));
		}
		html_printf(b, "</td></tr>");
	}
	db_reset(s);
	if (n)
		html_printf(b, "</tbody></table>");
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No actions agreed yet."));
	if (!np->manage)
		return;
	const struct kvlist none = {0};
	const struct kvlist *v = gform_values(c, gf, "action", &none);
	const struct form_errors *fe = gform_errors(gf, "action");
	html_printf(b, "<div class=\"varde-noprint\"><h3 class=\"ds-heading\" data-size=\"sm\">%s</h3>", _(c, "Add an action"));
	html_printf(b, "<form method=\"post\" action=\"/gatherings/%lld/actions\" class=\"varde-form\" novalidate>", g->id);
	ui_csrf(c);
	ui_input(c, &(struct ui_input){"act-body", _(c, "What to do"), "text", kv_get(v, "act-body"), "off", NULL, true, ACTION_MAX},
		 fe);
	owner_select(c, np->n.id, "act-owner", kv_get(v, "act-owner"), fe);
	ui_input(c, &(struct ui_input){"act-deadline", _(c, "Deadline"), "date", kv_get(v, "act-deadline"), "off",
				       _(c, "For example 22.11.2026."), true, 10},
		 fe);
	if (gform_is(gf, "action"))
		pii_warning_render(c, &gf->pii);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form></div>",
		    _(c, "Add the action"));
}

/* The whole gathering page; gf names the form that failed, if any. */
static void gathering_page(struct ctx *c, const struct gathering *g, const struct network_page *np, const struct gform *gf)
{
	struct buf *b = &c->resp->body;
	layout_begin(c, g->title);
	network_crumbs(c, np, true);
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\"><span class=\"varde-kicker\">%s</span> %s</h1>",
		    kind_label(c, g->kind), g->title);
	if (gf)
		ui_error_summary(c, &gf->fe);
	else if (kv_get(&c->req->query, "saved"))
		ui_alert(c, "success", _(c, "Saved."));
	gathering_details(c, g, np, gf);
	gathering_experiences(c, g, np, gf);
	gathering_actions(c, g, np, gf);
	layout_end(c);
}

/* GET /gatherings/:id */
void page_gathering_view(struct ctx *c)
{
	struct gathering g;
	struct network_page np;
	if (gathering_load(c, AZ_NETWORK_VIEW, &g, &np) != 0)
		return;
	gathering_page(c, &g, &np, NULL);
	gathering_free(&g);
	network_page_free(&np);
}

/* After a failed check: the page again (400) with the form's problems;
 * after a good one: saved is the store's answer, and the page is reloaded
 * at anchor. */
static void gathering_answer(struct ctx *c, const struct gathering *g, const struct network_page *np, const struct gform *gf,
			     int saved, const char *anchor)
{
	if (gf->fe.n) {
		form_failed(c);
		gathering_page(c, g, np, gf);
	} else if (saved != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else {
		char loc[96];
		snprintf(loc, sizeof loc, "/gatherings/%lld?saved=1%s", g->id, anchor);
		resp_redirect(c->resp, loc);
	}
}

/* POST /gatherings/:id — managers edit the details and notes. */
void page_gathering_save(struct ctx *c)
{
	struct gathering g;
	struct network_page np;
	if (gathering_load(c, AZ_NETWORK_MANAGE, &g, &np) != 0)
		return;
	struct gathering edit = {.id = g.id, .network_id = g.network_id};
	struct gform gf = {.which = "details"};
	details_read(c, &edit, &gf, true);
	int rc = gform_ok(c, &gf) ? store_gathering_update(c->db, &edit) : STORE_OK;
	gathering_answer(c, &g, &np, &gf, rc, "");
	gathering_free(&edit);
	gform_free(&gf);
	gathering_free(&g);
	network_page_free(&np);
}

/* POST /gatherings/:id/experiences — managers and coaches add what a member
 * shared, optionally tied to a project shared with the network. */
void page_gathering_experience_add(struct ctx *c)
{
	struct gathering g;
	struct network_page np;
	if (gathering_load(c, AZ_NETWORK_VIEW, &g, &np) != 0)
		return;
	if (!np.manage && !np.coach) {
		page_error(c, 403, _(c, "Your role in this network does not allow this."));
		gathering_free(&g);
		network_page_free(&np);
		return;
	}
	struct gform gf = {.which = "experience"};
	char *body = form_text(c, "exp-body");
	if (!*body || utf8_length(body) > EXPERIENCE_MAX)
		form_error(&gf.fe, "exp-body", _(c, "Write the experience in at most 5,000 characters."));
	const char *pv = kv_get(&c->req->form, "exp-project");
	long long project = 0;
	if (pv && *pv && (!text_parse_ll(pv, &project) || project <= 0 || !store_project_is_shared(c->db, project, np.n.id)))
		form_error(&gf.fe, "exp-project", _(c, "Choose one of the projects shared with this network."));
	if (!gf.fe.n && !kv_get(&c->req->form, "pii_ok"))
		pii_note(c, &gf.pii, body, _(c, "Experience"), NULL);
	int rc = gform_ok(c, &gf) ? store_gathering_experience_add(c->db, g.id, project, body, c->user_id) : STORE_OK;
	gathering_answer(c, &g, &np, &gf, rc, "#experiences");
	free(body);
	gform_free(&gf);
	gathering_free(&g);
	network_page_free(&np);
}

/* POST /gatherings/:id/actions — managers add an action with someone who
 * sees the network responsible for it and a deadline. */
void page_gathering_action_add(struct ctx *c)
{
	struct gathering g;
	struct network_page np;
	if (gathering_load(c, AZ_NETWORK_MANAGE, &g, &np) != 0)
		return;
	struct gform gf = {.which = "action"};
	char *body = form_text(c, "act-body");
	if (!*body || utf8_length(body) > ACTION_MAX)
		form_error(&gf.fe, "act-body", _(c, "Describe the action in at most 1,000 characters."));
	long long owner = 0;
	if (!text_parse_ll(kv_get(&c->req->form, "act-owner"), &owner) || !store_network_audience_has(c->db, np.n.id, owner))
		form_error(&gf.fe, "act-owner", _(c, "Choose who is responsible: someone in the network."));
	char deadline[11];
	if (!parse_date(kv_get(&c->req->form, "act-deadline"), deadline))
		form_error(&gf.fe, "act-deadline", _(c, "Enter a date like 2026-11-22 or 22.11.2026."));
	if (!gf.fe.n && !kv_get(&c->req->form, "pii_ok"))
		pii_note(c, &gf.pii, body, _(c, "What to do"), NULL);
	int rc = gform_ok(c, &gf) ? store_gathering_action_add(c->db, g.id, body, owner, deadline) : STORE_OK;
	gathering_answer(c, &g, &np, &gf, rc, "#actions");
	free(body);
	gform_free(&gf);
	gathering_free(&g);
	network_page_free(&np);
}

/* POST /gatherings/:id/actions/:id/done — done=1 marks the action done,
 * done=0 opens it again; managers and the action's owner may. */
void page_gathering_action_done(struct ctx *c)
{
	struct gathering g;
	struct network_page np;
	if (gathering_load(c, AZ_NETWORK_VIEW, &g, &np) != 0)
		return;
	long long owner = 0;
	const char *done = kv_get(&c->req->form, "done");
	if (store_gathering_action_owner(c->db, g.id, c->req->params[1], &owner) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
	} else if (!np.manage && (!owner || owner != c->user_id)) {
		page_error(c, 403, _(c, "Only the network's leaders and the person responsible can mark this action."));
	} else if (done && strcmp(done, "0") && strcmp(done, "1")) {
		page_error(c, 400, _(c, "What you sent could not be read. Nothing was saved."));
	} else if (store_gathering_action_done(c->db, g.id, c->req->params[1], !done || !strcmp(done, "1")) != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else {
		char loc[96];
		snprintf(loc, sizeof loc, "/gatherings/%lld#actions", g.id);
		resp_redirect(c->resp, loc);
	}
	gathering_free(&g);
	network_page_free(&np);
}
