/* page_case.c — the case library: a project team publishes what it did and
 * learned (challenge, what was done, results, benefits, lessons, contact) to
 * its networks or to everyone, and others read it without seeing the project.
 *
 * A case is a copy made at publish time. It never holds personal data: the
 * publish form scans every text (pii.h) and refuses, naming the field, while
 * anything is found — there is no "publish anyway". Phase, service area and
 * benefit types are copied from the project for the filters.
 *
 * Who reads a case is one SQL rule (STORE_CASE_READABLE in store_case.h) used
 * by the library, a case's page and the search; who publishes is the
 * authorization core's AZ_PROJECT_MANAGE. Also here: the filter choices that
 * the search page shares (case_page.h). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/html.h"
#include "../core/pii.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "../method/registry.h"
#include "../project/entry.h"
#include "../project/project.h"
#include "../register/register.h"
#include "../store/store_case.h"
#include "case_page.h"
#include "pages.h"

/* Activities written to the project's feed (translated when shown). */
static const char *const case_words[] __attribute__((unused)) = {N_("case-published"), N_("case-withdrawn")};

/* ---- filter choices (shared with page_search.c) ---------------------- */

void case_choices_load(struct ctx *c, struct case_choices *ch)
{
	memset(ch, 0, sizeof *ch);
	registry_refresh(c->app->methods, c->db);
	const struct methodology *list[32];
	int n = registry_list(c->app->methods, list, 32);
	ch->phases[ch->nphases++] = (struct ui_option){"", _(c, "All")};
	for (int i = 0; i < n; i++) {
		const struct methodology *m = list[i];
		const char *L = method_has_lang(m, c->lang) ? c->lang : m->langs[0];
		for (int p = 0; p < m->nphases && ch->nphases <= CASE_MAX_PHASES; p++) {
			bool seen = false;
			for (int k = 1; k < ch->nphases && !seen; k++)
				seen = strcmp(ch->phases[k].value, m->phases[p].key) == 0;
			if (!seen)
				ch->phases[ch->nphases++] = (struct ui_option){m->phases[p].key, tr_text(m, &m->phases[p].name, L)};
		}
	}
	int na;
	const struct ui_option *areas = service_areas(c, &na);
	ch->areas[ch->nareas++] = (struct ui_option){"", _(c, "All")};
	for (int i = 0; i < na && ch->nareas < 16; i++)
		ch->areas[ch->nareas++] = areas[i];
	ch->types[ch->ntypes++] = (struct ui_option){"", _(c, "All")};
	const struct reg_def *r = register_find("benefit");
	const struct m_field *f = r ? register_field(r, "type") : NULL;
	for (int i = 0; f && i < f->nopts && ch->ntypes <= CASE_MAX_TYPES; i++)
		ch->types[ch->ntypes++] = (struct ui_option){f->opts[i].key, _(c, f->opts[i].text.s[0])};
	/* The organisations' own types, for their members. */
	for (int o = 0; o < c->norgs; o++) {
		struct db_stmt *s = store_org_benefit_types(c->db, c->orgs[o].org_id);
		while (db_step(s) == DB_ROW && ch->ntypes <= CASE_MAX_TYPES) {
			if (strcmp(case_type_label(ch, db_col_text(s, 0)), db_col_text(s, 0)) != 0)
				continue;
			char *key = db_col_dup(s, 0), *label = db_col_dup(s, 1);
			ch->owned[ch->nowned++] = key;
			ch->owned[ch->nowned++] = label;
			ch->types[ch->ntypes++] = (struct ui_option){key, label};
		}
		db_reset(s);
	}
}

void case_choices_free(struct case_choices *ch)
{
	for (int i = 0; i < ch->nowned; i++)
		free(ch->owned[i]);
	memset(ch, 0, sizeof *ch);
}

/* The query value of name if it is one of the options (not ""), else "". */
static const char *choice_read(struct ctx *c, const char *name, const struct ui_option *opts, int n)
{
	const char *v = kv_get(&c->req->query, name);
	for (int i = 1; v && i < n; i++)
		if (strcmp(opts[i].value, v) == 0)
			return opts[i].value;
	return "";
}

void case_filter_read(struct ctx *c, const struct case_choices *ch, struct search_filter *f)
{
	f->phase = choice_read(c, "phase", ch->phases, ch->nphases);
	f->area = choice_read(c, "area", ch->areas, ch->nareas);
	f->type = choice_read(c, "type", ch->types, ch->ntypes);
}

void case_filter_fields(struct ctx *c, const struct case_choices *ch, const struct search_filter *f)
{
	ui_select(c, "phase", _(c, "Phase"), ch->phases, ch->nphases, f->phase, NULL);
	ui_select(c, "area", _(c, "Service area"), ch->areas, ch->nareas, f->area, NULL);
	ui_select(c, "type", _(c, "Type of benefit"), ch->types, ch->ntypes, f->type, NULL);
}

static const char *option_label(const struct ui_option *opts, int n, const char *key)
{
	for (int i = 1; key && i < n; i++)
		if (strcmp(opts[i].value, key) == 0)
			return opts[i].label;
	return key ? key : "";
}

const char *case_phase_label(const struct case_choices *ch, const char *key)
{
	return option_label(ch->phases, ch->nphases, key);
}

const char *case_type_label(const struct case_choices *ch, const char *key)
{
	return option_label(ch->types, ch->ntypes, key);
}

const char *case_audience_label(struct ctx *c, const char *audience)
{
	return audience && strcmp(audience, "public") == 0 ? _(c, "Open to everyone") : _(c, "Our networks");
}

/* A date (UTC) as YYYY-MM-DD. */
static void case_date(long long t, char out[11])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* ---- the library ------------------------------------------------------ */

/* GET /cases — the cases this visitor may read, newest first, filtered. */
void page_cases(struct ctx *c)
{
	struct case_choices ch;
	case_choices_load(c, &ch);
	struct search_filter f;
	case_filter_read(c, &ch, &f);
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Case library"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n<p class=\"ds-paragraph\">%s</p>\n", _(c, "Case library"),
		    _(c, "What other teams did: the challenge, what they tried, what came of it and what they learned. "
			 "Project teams publish their cases themselves, and a case never holds personal data."));
	if (!c->user_id)
		html_printf(b, "<p class=\"ds-paragraph\">%s <a class=\"ds-link\" href=\"/login?next=/cases\">%s</a></p>\n",
			    _(c, "You see the cases published for everyone. Cases shared in networks are shown to their "
				 "members when they are logged in."),
			    _(c, "Log in"));
	html_printf(b, "<form method=\"get\" action=\"/cases\" class=\"varde-filters varde-inline\">");
	case_filter_fields(c, &ch, &f);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>\n"
		       "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/search\">%s</a></p>\n",
		    _(c, "Show"), _(c, "Search the cases, the guide and your projects"));
	struct db_stmt *s = store_cases_list(c->db, c->user_id, f.phase, f.area, f.type, 200);
	struct search_terms none = {0};
	int n = 0;
	while (db_step(s) == DB_ROW) {
		if (n++ == 0)
			html_printf(b, "<ul class=\"varde-results varde-cases\">");
		char when[11];
		case_date(db_col_int(s, 7), when);
		html_printf(b, "<li><h2 class=\"ds-heading\" data-size=\"sm\"><a class=\"ds-link\" href=\"/cases/%lld\">%s</a></h2>"
			       "<p class=\"ds-paragraph varde-meta\">%s · %s · %s · %s · <span class=\"ds-tag\" data-color=\"%s\">%s</span></p>",
			    db_col_int(s, 0), db_col_text(s, 1), db_col_text(s, 2), case_phase_label(&ch, db_col_text(s, 3)),
			    service_area_label(c, db_col_text(s, 4)), when,
			    strcmp(db_col_text(s, 5), "public") == 0 ? "success" : "info", case_audience_label(c, db_col_text(s, 5)));
		char *excerpt = search_snippet(db_col_text(s, 8), &none, 40);
		html_printf(b, "<p class=\"ds-paragraph\">");
		search_mark_html(b, excerpt);
		html_printf(b, "</p></li>");
		free(excerpt);
	}
	db_reset(s);
	if (n)
		html_printf(b, "</ul>\n");
	else
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>\n", _(c, "No cases match."));
	layout_end(c);
	case_choices_free(&ch);
}

/* May the user publish or withdraw this project's case (AZ_PROJECT_MANAGE)?
 * The facts are loaded as project_load does, without answering 403/404. */
static bool case_may_manage(struct ctx *c, long long project_id)
{
	struct project p = {0};
	if (!c->user_id || store_project_get(c->db, project_id, &p) != STORE_OK)
		return false;
	char role[16];
	bool guest = false;
	store_project_role(c->db, p.id, c->user_id, role, &guest);
	int nr = store_project_network_role(c->db, p.id, c->user_id);
	struct authz_object o = {.org_id = p.org_id,
				 .project_role = project_role_parse(role),
				 .project_is_guest = guest,
				 .team_only = strcmp(p.visibility, "team") == 0,
				 .network_role = nr == 2 ? NR_LEADER : nr == 1 ? NR_COACH : NR_NONE};
	bool ok = authz_check(c, AZ_PROJECT_MANAGE, &o) == AZ_ALLOW;
	project_free(&p);
	return ok;
}

/* One section of a case; nothing when the text is empty. */
static void case_section(struct ctx *c, const char *heading, const char *text)
{
	if (!text || !*text)
		return;
	html_printf(&c->resp->body, "<section><h2 class=\"ds-heading\" data-size=\"sm\">%s</h2><p class=\"ds-paragraph varde-pre\">%s</p></section>\n",
		    heading, text);
}

/* The case's benefit types as a row of its facts (nothing when it has
 * none): labels from the choices, else the case's organisation's own types,
 * else the key. */
static void case_types_render(struct ctx *c, const struct case_choices *ch, const struct case_rec *k)
{
	struct buf *b = &c->resp->body;
	json_t *types = json_loads(k->benefit_types ? k->benefit_types : "[]", 0, NULL);
	if (json_array_size(types))
		html_printf(b, "<dt>%s</dt><dd>", _(c, "Types of benefit"));
	for (size_t i = 0; i < json_array_size(types); i++) {
		const char *key = json_string_value(json_array_get(types, i));
		if (!key)
			continue;
		const char *label = case_type_label(ch, key);
		char *own = NULL;
		if (label == key) {
			struct db_stmt *s = store_org_benefit_types(c->db, k->org_id);
			while (!own && db_step(s) == DB_ROW)
				if (strcmp(db_col_text(s, 0), key) == 0)
					own = db_col_dup(s, 1);
			db_reset(s);
		}
		html_printf(b, "%s%s", i ? ", " : "", own ? own : label);
		free(own);
	}
	if (json_array_size(types))
		html_printf(b, "</dd>");
	json_decref(types);
}

/* GET /cases/:id — one case, for whoever may read it (404 otherwise). */
void page_case_view(struct ctx *c)
{
	struct case_rec k;
	if (store_case_get(c->db, c->req->params[0], c->user_id, &k) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return;
	}
	struct case_choices ch;
	case_choices_load(c, &ch);
	struct buf *b = &c->resp->body;
	char published[11], updated[11];
	case_date(k.published_at, published);
	case_date(k.updated_at, updated);
	layout_begin(c, k.title);
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/cases\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n",
		    _(c, "Case library"), k.title);
	if (kv_get(&c->req->query, "published"))
		ui_alert(c, "success", _(c, "The case is published."));
	html_printf(b, "<dl class=\"varde-facts\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>",
		    _(c, "Organisation"), k.org_name, _(c, "Phase"), case_phase_label(&ch, k.phase), _(c, "Service area"),
		    service_area_label(c, k.service_area));
	case_types_render(c, &ch, &k);
	html_printf(b, "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>\n", _(c, "Published"),
		    published, _(c, "Updated"), updated, _(c, "Who can read it"), case_audience_label(c, k.audience));
	case_section(c, _(c, "The challenge"), k.challenge);
	case_section(c, _(c, "What we did"), k.what);
	case_section(c, _(c, "Results"), k.results);
	case_section(c, _(c, "Benefits"), k.benefits);
	case_section(c, _(c, "Lessons learned"), k.lessons);
	case_section(c, _(c, "Contact"), k.contact);
	if (case_may_manage(c, k.project_id))
		html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/projects/%lld/case\">%s</a></p>\n",
			    k.project_id, _(c, "Change or withdraw the case"));
	layout_end(c);
	case_choices_free(&ch);
	case_free(&k);
}

/* ---- publishing ------------------------------------------------------- */

enum { CF_TITLE, CF_CHALLENGE, CF_WHAT, CF_RESULTS, CF_BENEFITS, CF_LESSONS, CF_CONTACT, CF_COUNT };

static const struct {
	const char *name, *label, *help;
	bool required;
	int max; /* characters */
} CASE_FIELDS[CF_COUNT] = {
	{"title", N_("Title"), NULL, true, 200},
	{"challenge", N_("The challenge"), N_("The problem, who had it, and why it mattered."), true, 10000},
	{"what", N_("What we did"),
	 N_("The steps, the methods and who took part — by their role, never by name."), true, 10000},
	{"results", N_("Results"), N_("What came of it, with figures where you have them."), false, 10000},
	{"benefits", N_("Benefits"), N_("The benefits realised or expected, one a line."), false, 10000},
	{"lessons", N_("Lessons learned"), N_("What you would do again, and what you would do differently."), false, 10000},
	{"contact", N_("Contact"),
	 N_("A unit or role others can ask, such as \"The innovation unit, Example municipality\". No person's name, "
	    "e-mail address or phone number."),
	 false, 300},
};

/* The form's values: texts (owned) and the audience. */
struct case_values {
	char *v[CF_COUNT];
	char audience[16];
};

static void case_values_free(struct case_values *cv)
{
	for (int i = 0; i < CF_COUNT; i++)
		free(cv->v[i]);
	memset(cv, 0, sizeof *cv);
}

/* Values for a new case, from the project: its title, its challenge and goals,
 * and the names of its benefits without personal data. */
static void case_values_from_project(struct ctx *c, const struct project_ctx *pc, struct case_values *cv)
{
	cv->v[CF_TITLE] = xstrdup(pc->p.title);
	const char *goals = pc->p.goals ? pc->p.goals : "", *label = _(c, "Goals");
	size_t n = strlen(pc->p.challenge) + strlen(label) + strlen(goals) + 8;
	cv->v[CF_CHALLENGE] = xmalloc(n);
	if (*goals)
		snprintf(cv->v[CF_CHALLENGE], n, "%s\n\n%s: %s", pc->p.challenge, label, goals);
	else
		snprintf(cv->v[CF_CHALLENGE], n, "%s", pc->p.challenge);
	if (store_case_project_benefits(c->db, pc->p.id, &cv->v[CF_BENEFITS], NULL) != STORE_OK) {
		free(cv->v[CF_BENEFITS]);
		cv->v[CF_BENEFITS] = NULL;
	}
	for (int i = 0; i < CF_COUNT; i++)
		if (!cv->v[i])
			cv->v[i] = xstrdup("");
	snprintf(cv->audience, sizeof cv->audience, "networks");
}

static void case_values_from_case(const struct case_rec *k, struct case_values *cv)
{
	const char *src[CF_COUNT] = {k->title, k->challenge, k->what, k->results, k->benefits, k->lessons, k->contact};
	for (int i = 0; i < CF_COUNT; i++)
		cv->v[i] = xstrdup(src[i] ? src[i] : "");
	snprintf(cv->audience, sizeof cv->audience, "%s", k->audience);
}

static void case_values_from_form(struct ctx *c, struct case_values *cv)
{
	for (int i = 0; i < CF_COUNT; i++) {
		const char *v = kv_get(&c->req->form, CASE_FIELDS[i].name);
		cv->v[i] = text_trim_dup(v ? v : "");
	}
	const char *a = kv_get(&c->req->form, "audience");
	snprintf(cv->audience, sizeof cv->audience, "%s", a && (!strcmp(a, "public") || !strcmp(a, "networks")) ? a : "");
}

/* The networks the project is shared with, as a sentence (the help of the
 * "Our networks" choice). */
static void case_networks_note(struct ctx *c, const struct project_ctx *pc)
{
	struct buf names = {0}; /* HTML: written with html_printf */
	struct db_stmt *s = store_project_networks(c->db, pc->p.id, pc->p.org_id);
	while (db_step(s) == DB_ROW)
		if (db_col_int(s, 2))
			html_printf(&names, "%s%s", names.len ? ", " : "", db_col_text(s, 1));
	db_reset(s);
	if (names.len) {
		html_printf(&c->resp->body, "<p class=\"ds-paragraph\" id=\"audience-networks-help\">%s: ",
			    _(c, "The project is shared with"));
		html_raw(&c->resp->body, buf_str(&names)); /* raw-ok: names escaped by html_printf above */
		html_printf(&c->resp->body, ". %s</p>",
			    _(c, "Their leaders, coaches and member organisations can read a case for the networks, and so "
				 "can your organisation."));
	}
	else
		html_printf(&c->resp->body, "<p class=\"ds-paragraph\" id=\"audience-networks-help\">%s</p>",
			    _(c, "The project is not shared with any network yet, so a case for the networks is read only by "
				 "your organisation."));
	buf_free(&names);
}

/* The publish form with values, errors and the state of an existing case. */
static void case_form_render(struct ctx *c, const struct project_ctx *pc, const struct case_rec *k,
			     const struct case_values *cv, const struct form_errors *fe)
{
	struct buf *b = &c->resp->body;
	bool live = k && !k->withdrawn;
	const char *title = live ? _(c, "Update the case") : _(c, "Publish a case");
	layout_begin(c, title);
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n",
		    pc->p.id, pc->p.title, title);
	ui_error_summary(c, fe);
	if (live) {
		char when[11];
		case_date(k->published_at, when);
		html_printf(b, "<div class=\"ds-alert\" data-color=\"info\"><p class=\"ds-paragraph\">%s %s (%s). "
			       "<a class=\"ds-link\" href=\"/cases/%lld\">%s</a></p></div>\n",
			    _(c, "The case was published on"), when, case_audience_label(c, k->audience), k->id, _(c, "Read the case"));
	} else if (k) {
		ui_alert(c, "warning", _(c, "The case is withdrawn: no one can read it. Publish it again to make it readable."));
	}
	html_printf(b, "<p class=\"ds-paragraph\">%s</p><p class=\"ds-paragraph\"><strong>%s</strong></p>\n",
		    _(c, "A case tells other teams what you did and learned. It is a copy: later changes to the project do "
			 "not change it until you publish again."),
		    _(c, "Never write personal data in a case: no names of citizens, identity numbers, e-mail addresses or "
			 "phone numbers. The form refuses to publish while it finds any."));
	html_printf(b, "<form method=\"post\" action=\"/projects/%lld/case\" class=\"varde-form\" novalidate>", pc->p.id);
	ui_csrf(c);
	for (int i = 0; i < CF_COUNT; i++) {
		const char *label = _(c, CASE_FIELDS[i].label), *help = CASE_FIELDS[i].help ? _(c, CASE_FIELDS[i].help) : NULL;
		if (i == CF_TITLE || i == CF_CONTACT)
			ui_input(c, &(struct ui_input){CASE_FIELDS[i].name, label, "text", cv->v[i], "off", help, CASE_FIELDS[i].required,
						       CASE_FIELDS[i].max},
				 fe);
		else
			ui_textarea(c, CASE_FIELDS[i].name, label, cv->v[i], help, 6, form_error_for(fe, CASE_FIELDS[i].name),
				    false);
	}
	const char *aerr = form_error_for(fe, "audience");
	html_printf(b, "<fieldset class=\"ds-fieldset\"><legend class=\"ds-label\">%s</legend><div class=\"varde-options-row\">"
		       "<span class=\"varde-option\"><input class=\"ds-input\" type=\"radio\" id=\"audience\" name=\"audience\" "
		       "value=\"networks\" aria-describedby=\"audience-networks-help%s\"%s%s><label for=\"audience\">%s</label></span>"
		       "<span class=\"varde-option\"><input class=\"ds-input\" type=\"radio\" id=\"audience-public\" name=\"audience\" "
		       "value=\"public\"%s%s%s><label for=\"audience-public\">%s</label></span></div>",
		    _(c, "Who can read the case"), aerr ? " audience-error" : "", aerr ? " aria-invalid=\"true\"" : "",
		    strcmp(cv->audience, "networks") == 0 ? " checked" : "", _(c, "Our networks"),
		    aerr ? " aria-describedby=\"audience-error\"" : "", aerr ? " aria-invalid=\"true\"" : "",
		    strcmp(cv->audience, "public") == 0 ? " checked" : "", _(c, "Everyone, also without logging in"));
	case_networks_note(c, pc);
	if (aerr)
		html_printf(b, "<div class=\"ds-validation-message\" data-field=\"validation\" id=\"audience-error\">%s</div>", aerr);
	html_printf(b, "</fieldset>");
	/* What is copied for the filters, as the project has it now. */
	const char *L = method_has_lang(pc->m, c->lang) ? c->lang : pc->m->langs[0];
	const struct m_phase *ph = method_phase(pc->m, pc->p.current_phase);
	html_printf(b, "<p class=\"ds-paragraph varde-meta\">%s %s: %s · %s: %s</p>", _(c, "Copied from the project for the filters when you publish."),
		    _(c, "Phase"), ph ? tr_text(pc->m, &ph->name, L) : pc->p.current_phase, _(c, "Service area"),
		    service_area_label(c, pc->p.service_area));
	html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>\n",
		    live ? _(c, "Publish the changes") : _(c, "Publish the case"));
	if (live) {
		html_printf(b, "<form method=\"post\" action=\"/projects/%lld/case/withdraw\" class=\"varde-actions\">", pc->p.id);
		ui_csrf(c);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>\n",
			    _(c, "Withdraw the case"));
	}
	layout_end(c);
}

/* GET /projects/:id/case — the publish form, filled from the case or, for a
 * first case, from the project. */
void page_case_form(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_MANAGE, &pc) != 0)
		return;
	struct case_rec k;
	bool have = store_case_of_project(c->db, pc.p.id, &k) == STORE_OK;
	struct case_values cv = {0};
	if (have)
		case_values_from_case(&k, &cv);
	else
		case_values_from_project(c, &pc, &cv);
	case_form_render(c, &pc, have ? &k : NULL, &cv, NULL);
	case_values_free(&cv);
	if (have)
		case_free(&k);
	project_ctx_free(&pc);
}

/* Check the posted values; errors (with messages kept in msgs) go to fe.
 * Personal data in any text is an error on that field, naming what was found. */
static void case_check(struct ctx *c, const struct case_values *cv, struct form_errors *fe, char (*msgs)[400])
{
	for (int i = 0; i < CF_COUNT; i++) {
		const char *v = cv->v[i], *name = CASE_FIELDS[i].name;
		if (CASE_FIELDS[i].required && !*v) {
			form_error(fe, name, i == CF_TITLE ? _(c, "Give the case a title.") : _(c, "Fill in this field."));
			continue;
		}
		if ((int)utf8_length(v) > CASE_FIELDS[i].max) {
			snprintf(msgs[i], 400, "%s: %s %d %s.", _(c, CASE_FIELDS[i].label), _(c, "shorten it to at most"),
				 CASE_FIELDS[i].max, _(c, "characters"));
			form_error(fe, name, msgs[i]);
			continue;
		}
		struct pii_match m[8];
		size_t n = pii_scan(v, m, 8);
		if (n == 0)
			continue;
		char kinds[200] = "";
		for (size_t j = 0; j < n && j < 8; j++) {
			const char *kind = _(c, pii_kind_name(m[j].kind));
			size_t l = strlen(kinds);
			if (!strstr(kinds, kind))
				snprintf(kinds + l, sizeof kinds - l, "%s%s", l ? ", " : "", kind);
		}
		snprintf(msgs[i], 400, "%s: %s (%s). %s", _(c, CASE_FIELDS[i].label), _(c, "personal data found"), kinds,
			 _(c, "Remove it to publish: a case never holds personal data."));
		form_error(fe, name, msgs[i]);
	}
	if (!cv->audience[0])
		form_error(fe, "audience", _(c, "Choose who can read the case."));
}

/* POST /projects/:id/case — publish the case, or publish it again with new
 * texts; refused while any text holds personal data. */
void page_case_publish(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_MANAGE, &pc) != 0)
		return;
	struct case_values cv = {0};
	case_values_from_form(c, &cv);
	struct form_errors fe = {0};
	char msgs[CF_COUNT][400];
	case_check(c, &cv, &fe, msgs);
	long long id = 0;
	if (!fe.n) {
		char *types = NULL;
		store_case_project_benefits(c->db, pc.p.id, NULL, &types);
		struct case_rec k = {.project_id = pc.p.id, .org_id = pc.p.org_id, .title = cv.v[CF_TITLE],
				     .challenge = cv.v[CF_CHALLENGE], .what = cv.v[CF_WHAT], .results = cv.v[CF_RESULTS],
				     .benefits = cv.v[CF_BENEFITS], .lessons = cv.v[CF_LESSONS], .contact = cv.v[CF_CONTACT],
				     .phase = pc.p.current_phase, .service_area = pc.p.service_area, .benefit_types = types,
				     .audience = cv.audience};
		if (store_case_publish(c->db, &k, c->user_id, &id) != STORE_OK ||
		    store_activity_add(c->db, pc.p.id, c->user_id, "case-published", NULL) != STORE_OK)
			form_error(&fe, "title", _(c, "The change could not be saved. Please try again."));
		free(types);
	}
	if (fe.n) {
		c->resp->status = 400;
		c->failed = true;
		struct case_rec k;
		bool have = store_case_of_project(c->db, pc.p.id, &k) == STORE_OK;
		case_form_render(c, &pc, have ? &k : NULL, &cv, &fe);
		if (have)
			case_free(&k);
	} else {
		char loc[64];
		snprintf(loc, sizeof loc, "/cases/%lld?published=1", id);
		resp_redirect(c->resp, loc);
	}
	case_values_free(&cv);
	project_ctx_free(&pc);
}

/* POST /projects/:id/case/withdraw — no one reads the case any more (the
 * team can publish it again). */
void page_case_withdraw(struct ctx *c)
{
	struct project_ctx pc;
	if (project_load(c, AZ_PROJECT_MANAGE, &pc) != 0)
		return;
	struct case_rec k;
	if (store_case_of_project(c->db, pc.p.id, &k) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
		project_ctx_free(&pc);
		return;
	}
	if (store_case_withdraw(c->db, pc.p.id) != STORE_OK ||
	    store_activity_add(c->db, pc.p.id, c->user_id, "case-withdrawn", NULL) != STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else {
		char loc[64];
		snprintf(loc, sizeof loc, "/projects/%lld/case", pc.p.id);
		resp_redirect(c->resp, loc);
	}
	case_free(&k);
	project_ctx_free(&pc);
}
