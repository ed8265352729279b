/* page_benefit.c — one benefit and its measurement: the owner (who may be
 * outside the project team and then sees this benefit and nothing else of
 * the project), indicators with baseline, target and intermediate targets,
 * measurements with a chart and its table, progress, and money value.
 * Benefits go on after the project is closed: nothing here looks at the
 * project's status. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/layout.h"
#include "../benefit/benefit.h"
#include "../chart/chart.h"
#include "../core/html.h"
#include "../core/parse.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "benefit_page.h"
#include "pages.h"

enum { NAME_MAX_CHARS = 200, TEXT_MAX_CHARS = 2000, MAX_TARGETS = 12 };

/* ---- the owner field in the benefit form ------------------------------------ */

void benefit_owner_render(struct ctx *c, const struct reg_page *rp, const struct reg_item *it, const struct kvlist *v,
			  bool error)
{
	struct buf *b = &c->resp->body;
	long long current = 0, project = 0;
	const char *posted = kv_get(v, "owner");
	if (posted)
		text_parse_ll(posted, &current);
	else if (it)
		store_benefit_get(c->db, it->id, &project, &current);
	html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"owner\">%s</label>"
		       "<div class=\"ds-paragraph varde-help\" id=\"owner-help\">%s</div>"
		       "<select class=\"ds-input\" id=\"owner\" name=\"owner\" aria-describedby=\"owner-help%s\"%s><option value=\"\">%s</option>",
		    _(c, "Benefit owner"),
		    _(c, "A person in the line organisation who answers for realising the benefit. They need not be on the "
			 "project team; they get access to this benefit and can enter measurements."),
		    error ? " owner-error" : "", error ? " aria-invalid=\"true\"" : "", _(c, "(not chosen)"));
	struct db_stmt *s = store_members_of_org(c->db, rp->pc.p.org_id);
	while (db_step(s) == DB_ROW)
		html_printf(b, "<option value=\"%lld\"%s>%s</option>", db_col_int(s, 0), db_col_int(s, 0) == current ? " selected" : "",
			    db_col_text(s, 1));
	db_reset(s);
	html_printf(b, "</select>");
	if (error)
		html_printf(b, "<div class=\"ds-validation-message\" id=\"owner-error\">%s</div>",
			    _(c, "Choose a person in the organisation."));
	html_printf(b, "</div>");
}

long long benefit_owner_read(struct ctx *c, const struct reg_page *rp)
{
	const char *v = kv_get(&c->req->form, "owner");
	long long id = 0;
	if (!v || !*v)
		return 0;
	if (!text_parse_ll(v, &id) || id <= 0)
		return -1;
	struct db_stmt *s = store_members_of_org(c->db, rp->pc.p.org_id);
	bool found = false;
	while (db_step(s) == DB_ROW)
		found |= db_col_int(s, 0) == id;
	db_reset(s);
	return found ? id : -1;
}

/* ---- loading -------------------------------------------------------------------- */

int benefit_load(struct ctx *c, enum authz_action action, struct benefit_page *bp)
{
	memset(bp, 0, sizeof *bp);
	long long project = 0;
	if (store_benefit_get(c->db, c->req->params[0], &project, &bp->owner_id) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return -1;
	}
	bool owner = bp->owner_id && bp->owner_id == c->user_id;
	if (reg_page_load_as(c, project, action, owner, &bp->rp, false) != 0)
		return -1;
	if (store_item_get(c->db, project, c->req->params[0], &bp->it) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
		reg_page_free(&bp->rp);
		return -1;
	}
	if (reg_page_use(c, &bp->rp, "benefit") != 0) {
		reg_item_free(&bp->it);
		reg_page_free(&bp->rp);
		return -1;
	}
	bp->team = authz_check(c, AZ_PROJECT_VIEW, &bp->rp.pc.facts) == AZ_ALLOW;
	bp->measure = authz_check(c, AZ_BENEFIT_MEASURE, &bp->rp.pc.facts) == AZ_ALLOW;
	bp->entry = json_loads(bp->it.data, 0, NULL);
	if (!bp->entry)
		bp->entry = entry_new();
	struct user u;
	if (bp->owner_id && store_user_by_id(c->db, bp->owner_id, &u) == STORE_OK) {
		bp->owner_name = u.name;
		u.name = NULL;
		user_free(&u);
	}
	return 0;
}

void benefit_page_free(struct benefit_page *bp)
{
	free(bp->owner_name);
	json_decref(bp->entry);
	reg_item_free(&bp->it);
	reg_page_free(&bp->rp);
}

/* ---- indicators: the form ------------------------------------------------------- */

static const char *const FREQUENCIES[] = {"weekly", "monthly", "quarterly", "yearly"};

static const char *frequency_label(struct ctx *c, const char *f)
{
	if (!strcmp(f, "weekly"))
		return _(c, "Weekly");
	if (!strcmp(f, "quarterly"))
		return _(c, "Quarterly");
	if (!strcmp(f, "yearly"))
		return _(c, "Yearly");
	return _(c, "Monthly");
}

/* A number for a form field, in the fewest digits that read back exactly
 * ("" when absent). */
static void number_text(bool has, double v, char *out, size_t n)
{
	if (!has || !benefit_format_value(v, out, n))
		out[0] = 0;
}

/* The posted value, else the stored one. */
static const char *posted_or(const struct kvlist *v, const char *name, const char *stored)
{
	const char *p = v ? kv_get(v, name) : NULL;
	return p ? p : stored ? stored : "";
}

/* The indicator form: new (in->id 0) or edit; v holds posted values after an error. */
static void indicator_form(struct ctx *c, struct benefit_page *bp, const struct indicator *in, const struct kvlist *v,
			   const struct form_errors *fe)
{
	struct buf *b = &c->resp->body;
	char base[32], target[32];
	number_text(in->has_baseline, in->baseline_value, base, sizeof base);
	number_text(in->has_target, in->target_value, target, sizeof target);
	layout_begin(c, in->id ? _(c, "Edit indicator") : _(c, "New indicator"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/benefits/%lld\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>",
		    bp->it.id, bp->it.title, in->id ? _(c, "Edit indicator") : _(c, "New indicator"));
	ui_error_summary(c, fe);
	if (in->id)
		html_printf(b, "<form method=\"post\" action=\"/benefits/%lld/indicators/%lld\" novalidate class=\"varde-form\">", bp->it.id,
			    in->id);
	else
		html_printf(b, "<form method=\"post\" action=\"/benefits/%lld/indicators\" novalidate class=\"varde-form\">", bp->it.id);
	ui_csrf(c);
	ui_input(c, &(struct ui_input){.name = "name", .label = _(c, "Indicator"), .value = posted_or(v, "name", in->name),
				       .required = true, .maxlength = NAME_MAX_CHARS},
		 fe);
	ui_input(c, &(struct ui_input){.name = "unit", .label = _(c, "Unit"), .value = posted_or(v, "unit", in->unit),
				       .required = true, .maxlength = 40,
				       .help = _(c, "For example hours, NOK, per cent, visits. Changing the unit later keeps "
						    "earlier measurements, but progress uses only those in the current unit.")},
		 fe);
	const char *dir = posted_or(v, "direction", in->lower_is_better ? "lower" : "higher");
	html_printf(b, "<fieldset class=\"ds-fieldset\"><legend class=\"ds-label\">%s</legend><div class=\"varde-options-row\">"
		       "<span class=\"varde-option\"><input class=\"ds-input\" type=\"radio\" id=\"dir-higher\" name=\"direction\" value=\"higher\"%s>"
		       "<label for=\"dir-higher\">%s</label></span><span class=\"varde-option\"><input class=\"ds-input\" type=\"radio\" "
		       "id=\"dir-lower\" name=\"direction\" value=\"lower\"%s><label for=\"dir-lower\">%s</label></span></div></fieldset>",
		    _(c, "Better is"), strcmp(dir, "lower") ? " checked" : "", _(c, "Higher"), strcmp(dir, "lower") ? "" : " checked",
		    _(c, "Lower"));
	struct ui_option freqs[4];
	for (int i = 0; i < 4; i++)
		freqs[i] = (struct ui_option){FREQUENCIES[i], frequency_label(c, FREQUENCIES[i])};
	ui_select(c, "frequency", _(c, "Measured"), freqs, 4, posted_or(v, "frequency", *in->frequency ? in->frequency : "monthly"),
		  fe);
	ui_input(c, &(struct ui_input){.name = "source", .label = _(c, "Data source"), .value = posted_or(v, "source", in->source),
				       .maxlength = NAME_MAX_CHARS},
		 fe);
	ui_textarea(c, "method", _(c, "How it is measured"), posted_or(v, "method", in->method), NULL, 3,
		    form_error_for(fe, "method"), false);
	html_printf(b, "<fieldset class=\"ds-fieldset\"><legend class=\"ds-heading\" data-size=\"xs\">%s</legend>", _(c, "Baseline"));
	ui_input(c, &(struct ui_input){.name = "baseline", .label = _(c, "Value"), .value = posted_or(v, "baseline", base)}, fe);
	ui_input(c, &(struct ui_input){.name = "baseline_date", .label = _(c, "Date"),
				       .value = posted_or(v, "baseline_date", in->baseline_date), .help = _(c, "Like 22.11.2026")},
		 fe);
	ui_textarea(c, "baseline_how", _(c, "How the baseline was measured"), posted_or(v, "baseline_how", in->baseline_how), NULL,
		    2, form_error_for(fe, "baseline_how"), false);
	html_printf(b, "</fieldset><fieldset class=\"ds-fieldset\"><legend class=\"ds-heading\" data-size=\"xs\">%s</legend>",
		    _(c, "Target"));
	ui_input(c, &(struct ui_input){.name = "target", .label = _(c, "Value"), .value = posted_or(v, "target", target)}, fe);
	ui_input(c, &(struct ui_input){.name = "target_date", .label = _(c, "Date"),
				       .value = posted_or(v, "target_date", in->target_date), .help = _(c, "Like 22.11.2026")},
		 fe);
	html_printf(b, "</fieldset><fieldset class=\"ds-fieldset\"><legend class=\"ds-heading\" data-size=\"xs\">%s</legend>"
		       "<p class=\"ds-paragraph varde-help\">%s</p>",
		    _(c, "Intermediate targets"), _(c, "Optional milestones on the way; leave rows empty that you do not need."));
	/* Stored targets first, then empty rows up to four more. */
	char days[MAX_TARGETS][11], vals[MAX_TARGETS][32];
	int nt = 0;
	if (in->id) {
		struct db_stmt *s = store_targets(c->db, in->id);
		while (db_step(s) == DB_ROW && nt < MAX_TARGETS) {
			snprintf(days[nt], sizeof days[nt], "%s", db_col_text(s, 0));
			number_text(true, db_col_double(s, 1), vals[nt], sizeof vals[nt]);
			nt++;
		}
		db_reset(s);
	}
	int rows = nt + 4 > MAX_TARGETS ? MAX_TARGETS : nt + 4;
	for (int i = 0; i < rows; i++) {
		char dn[24], vn[24];
		snprintf(dn, sizeof dn, "mid_date_%d", i);
		snprintf(vn, sizeof vn, "mid_value_%d", i);
		html_printf(b, "<div class=\"varde-row\">");
		ui_input(c, &(struct ui_input){.name = dn, .label = _(c, "Date"), .value = posted_or(v, dn, i < nt ? days[i] : "")}, fe);
		ui_input(c, &(struct ui_input){.name = vn, .label = _(c, "Value"), .value = posted_or(v, vn, i < nt ? vals[i] : "")}, fe);
		html_printf(b, "</div>");
	}
	html_printf(b, "<input type=\"hidden\" name=\"mid_rows\" value=\"%d\"></fieldset>"
		       "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>",
		    rows, _(c, "Save"));
	layout_end(c);
}

/* A trimmed text field of at most max characters (copied into *out, owned). */
static void form_text(struct ctx *c, const char *name, size_t max, bool required, char **out, struct form_errors *fe)
{
	char *t = text_trim_dup(kv_get(&c->req->form, name) ? kv_get(&c->req->form, name) : "");
	if (required && !*t)
		form_error(fe, name, _(c, "Fill in this field."));
	else if (utf8_length(t) > max)
		form_error(fe, name, _(c, "The text is too long."));
	*out = t;
}

/* An optional number (Norwegian or international form) and date pair. */
static void form_value_date(struct ctx *c, const char *vname, const char *dname, bool *has, double *value, char date[11],
			    struct form_errors *fe)
{
	const char *vs = kv_get(&c->req->form, vname), *ds = kv_get(&c->req->form, dname);
	*has = false;
	date[0] = 0;
	if (vs && *vs) {
		if (parse_number(vs, true, value))
			*has = true;
		else
			form_error(fe, vname, _(c, "Write a number, like 1 234,5 or 12."));
	}
	if (ds && *ds && !parse_date(ds, date))
		form_error(fe, dname, _(c, "Enter a date like 2026-11-22 or 22.11.2026."));
	if (*has && !*date)
		form_error(fe, dname, _(c, "Give the date of the value."));
}

/* Form names of the intermediate-target rows; fe keeps pointers to them, so
 * they live as long as the request (a constant table). */
static const char *const MID_DATE[MAX_TARGETS] = {"mid_date_0", "mid_date_1", "mid_date_2", "mid_date_3", "mid_date_4",
						  "mid_date_5", "mid_date_6", "mid_date_7", "mid_date_8", "mid_date_9",
						  "mid_date_10", "mid_date_11"};
static const char *const MID_VALUE[MAX_TARGETS] = {"mid_value_0", "mid_value_1", "mid_value_2", "mid_value_3",
						   "mid_value_4", "mid_value_5", "mid_value_6", "mid_value_7",
						   "mid_value_8", "mid_value_9", "mid_value_10", "mid_value_11"};

/* Read the indicator form into in; targets into days/values. */
static int indicator_read_form(struct ctx *c, struct indicator *in, char (*days)[11], double *values, struct form_errors *fe)
{
	form_text(c, "name", NAME_MAX_CHARS, true, &in->name, fe);
	form_text(c, "unit", 40, true, &in->unit, fe);
	if (in->unit && strlen(in->unit) > BENEFIT_UNIT_MAX)
		form_error(fe, "unit", _(c, "The text is too long."));
	form_text(c, "source", NAME_MAX_CHARS, false, &in->source, fe);
	form_text(c, "method", TEXT_MAX_CHARS, false, &in->method, fe);
	form_text(c, "baseline_how", TEXT_MAX_CHARS, false, &in->baseline_how, fe);
	const char *dir = kv_get(&c->req->form, "direction");
	in->lower_is_better = dir && !strcmp(dir, "lower");
	const char *freq = kv_get(&c->req->form, "frequency");
	bool known = false;
	for (int i = 0; freq && i < 4; i++)
		known |= !strcmp(freq, FREQUENCIES[i]);
	if (!known)
		form_error(fe, "frequency", _(c, "Choose one of the options."));
	snprintf(in->frequency, sizeof in->frequency, "%s", known ? freq : "monthly");
	form_value_date(c, "baseline", "baseline_date", &in->has_baseline, &in->baseline_value, in->baseline_date, fe);
	form_value_date(c, "target", "target_date", &in->has_target, &in->target_value, in->target_date, fe);
	if (in->has_baseline && in->has_target && strcmp(in->target_date, in->baseline_date) <= 0)
		form_error(fe, "target_date", _(c, "The target date must come after the baseline date."));
	long long rows = 0;
	text_parse_ll(kv_get(&c->req->form, "mid_rows"), &rows);
	int n = 0;
	for (long long i = 0; i < rows && i < MAX_TARGETS; i++) {
		const char *dn = MID_DATE[i], *vn = MID_VALUE[i];
		bool has = false;
		form_value_date(c, vn, dn, &has, &values[n], days[n], fe);
		for (int k = 0; has && k < n; k++)
			if (!strcmp(days[k], days[n])) {
				form_error(fe, dn, _(c, "Two intermediate targets have the same date."));
				has = false;
			}
		n += has;
	}
	return n;
}

/* GET /benefits/:id/indicators/new */
void page_indicator_new(struct ctx *c)
{
	struct benefit_page bp;
	if (benefit_load(c, AZ_BENEFIT_MEASURE, &bp) != 0)
		return;
	struct indicator in = {.benefit_id = bp.it.id};
	indicator_form(c, &bp, &in, NULL, NULL);
	benefit_page_free(&bp);
}

/* GET /benefits/:id/indicators/:id/edit */
void page_indicator_edit(struct ctx *c)
{
	struct benefit_page bp;
	if (benefit_load(c, AZ_BENEFIT_MEASURE, &bp) != 0)
		return;
	struct indicator in;
	if (store_indicator_get(c->db, bp.it.id, c->req->params[1], &in) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
	} else {
		indicator_form(c, &bp, &in, NULL, NULL);
		indicator_free(&in);
	}
	benefit_page_free(&bp);
}

/* Save a new (id 0) or existing indicator from the posted form. */
static void indicator_submit(struct ctx *c, struct benefit_page *bp, long long id)
{
	struct indicator in = {.id = id, .benefit_id = bp->it.id};
	struct form_errors fe = {0};
	char days[MAX_TARGETS][11];
	double values[MAX_TARGETS];
	int nt = indicator_read_form(c, &in, days, values, &fe);
	if (fe.n) {
		c->resp->status = 400;
		c->failed = true;
		indicator_form(c, bp, &in, &c->req->form, &fe);
	} else if (store_indicator_save(c->db, &in) != STORE_OK || store_targets_set(c->db, in.id, days, values, nt) != STORE_OK ||
		   store_activity_add(c->db, bp->rp.pc.p.id, c->user_id, id ? "indicator-saved" : "indicator-added", "benefit") !=
			   STORE_OK) {
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	} else {
		char loc[80];
		snprintf(loc, sizeof loc, "/benefits/%lld?saved=1#indicator-%lld", bp->it.id, in.id);
		resp_redirect(c->resp, loc);
	}
	indicator_free(&in);
}

/* POST /benefits/:id/indicators */
void page_indicator_create(struct ctx *c)
{
	struct benefit_page bp;
	if (benefit_load(c, AZ_BENEFIT_MEASURE, &bp) != 0)
		return;
	indicator_submit(c, &bp, 0);
	benefit_page_free(&bp);
}

/* POST /benefits/:id/indicators/:id */
void page_indicator_save(struct ctx *c)
{
	struct benefit_page bp;
	if (benefit_load(c, AZ_BENEFIT_MEASURE, &bp) != 0)
		return;
	struct indicator in;
	if (store_indicator_get(c->db, bp.it.id, c->req->params[1], &in) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
	} else {
		indicator_free(&in);
		indicator_submit(c, &bp, c->req->params[1]);
	}
	benefit_page_free(&bp);
}

/* ---- measurements, one at a time ------------------------------------------------- */

/* POST /benefits/:id/indicators/:id/measurements — date, value, comment. */
void page_measurement_add(struct ctx *c)
{
	struct benefit_page bp;
	if (benefit_load(c, AZ_BENEFIT_MEASURE, &bp) != 0)
		return;
	struct indicator in;
	if (store_indicator_get(c->db, bp.it.id, c->req->params[1], &in) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
		benefit_page_free(&bp);
		return;
	}
	double value = 0;
	char day[11] = "";
	char *comment = text_trim_dup(kv_get(&c->req->form, "comment") ? kv_get(&c->req->form, "comment") : "");
	const char *vs = kv_get(&c->req->form, "value"), *ds = kv_get(&c->req->form, "date");
	int rc = STORE_ERROR;
	if (!ds || !parse_date(ds, day))
		page_error(c, 400, _(c, "Enter a date like 2026-11-22 or 22.11.2026."));
	else if (!vs || !parse_number(vs, true, &value))
		page_error(c, 400, _(c, "Write a number, like 1 234,5 or 12."));
	else if (strlen(comment) > BENEFIT_COMMENT_MAX)
		page_error(c, 400, _(c, "The comment is too long."));
	else if ((rc = store_measurement_add(c->db, in.id, day, value, in.unit, comment, c->user_id)) == STORE_CONFLICT)
		page_error(c, 400, _(c, "There is already a measurement for that date. Delete it first to replace it."));
	else if (rc != STORE_OK || store_activity_add(c->db, bp.rp.pc.p.id, c->user_id, "measured", "benefit") != STORE_OK)
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	else {
		char loc[80];
		snprintf(loc, sizeof loc, "/benefits/%lld?measured=1#indicator-%lld", bp.it.id, in.id);
		resp_redirect(c->resp, loc);
	}
	free(comment);
	indicator_free(&in);
	benefit_page_free(&bp);
}

/* POST /benefits/:id/indicators/:id/measurements/:id/delete */
void page_measurement_delete(struct ctx *c)
{
	struct benefit_page bp;
	if (benefit_load(c, AZ_BENEFIT_MEASURE, &bp) != 0)
		return;
	struct indicator in;
	if (store_indicator_get(c->db, bp.it.id, c->req->params[1], &in) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
	} else {
		int rc = store_measurement_delete(c->db, in.id, c->req->params[2]);
		if (rc == STORE_NOTFOUND) {
			page_error(c, 404, _(c, "There is no page at this address."));
		} else if (rc != STORE_OK) {
			page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		} else {
			char loc[80];
			snprintf(loc, sizeof loc, "/benefits/%lld#indicator-%lld", bp.it.id, in.id);
			resp_redirect(c->resp, loc);
		}
		indicator_free(&in);
	}
	benefit_page_free(&bp);
}

/* ---- the benefit page ---------------------------------------------------------- */

struct measurement {
	long long id;
	char day[11];
	double value;
	char *unit, *comment, *who; /* owned */
};

/* An indicator's measurements, oldest first (caller frees with measurements_free). */
static int measurements_load(struct ctx *c, long long indicator_id, struct measurement **out)
{
	struct db_stmt *s = store_measurements(c->db, indicator_id);
	int n = 0, cap = 0;
	*out = NULL;
	while (db_step(s) == DB_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		struct measurement *m = &(*out)[n++];
		m->id = db_col_int(s, 0);
		snprintf(m->day, sizeof m->day, "%s", db_col_text(s, 1));
		m->value = db_col_double(s, 2);
		m->unit = db_col_dup(s, 3);
		m->comment = db_col_dup(s, 4);
		m->who = db_col_dup(s, 5);
	}
	db_reset(s);
	return n;
}

static void measurements_free(struct measurement *m, int n)
{
	for (int i = 0; i < n; i++) {
		free(m[i].unit);
		free(m[i].comment);
		free(m[i].who);
	}
	free(m);
}

/* A date as DD.MM.YYYY in a <time> element. */
static void date_render(struct ctx *c, const char *iso)
{
	if (iso && strlen(iso) == 10)
		html_printf(&c->resp->body, "<time datetime=\"%s\">%.2s.%.2s.%.4s</time>", iso, iso + 8, iso + 5, iso);
}

static void number_render(struct ctx *c, double v)
{
	char num[48];
	format_number_nb_auto(v, num, sizeof num);
	html_printf(&c->resp->body, "%s", num);
}

/* The indicator's time series with baseline, plan line and targets. */
static void indicator_chart(struct ctx *c, const struct indicator *in, const struct measurement *m, int n)
{
	struct chart_series_point pts[CHART_MAX_POINTS], mids[MAX_TARGETS];
	int np = 0, nm = 0;
	for (int i = 0; i < n && np < CHART_MAX_POINTS; i++)
		if (!strcmp(m[i].unit ? m[i].unit : "", in->unit))
			pts[np++] = (struct chart_series_point){benefit_day(m[i].day), m[i].value};
	struct db_stmt *s = store_targets(c->db, in->id);
	while (db_step(s) == DB_ROW && nm < MAX_TARGETS)
		mids[nm++] = (struct chart_series_point){benefit_day(db_col_text(s, 0)), db_col_double(s, 1)};
	db_reset(s);
	char id[40];
	snprintf(id, sizeof id, "indicator-chart-%lld", in->id);
	struct chart_series_spec spec = {
		.id = id, .title = in->name,
		.desc = _(c, "Measurements over time with the baseline, the target and the straight line between them. "
			     "The table below has every value."),
		.unit = in->unit, .has_baseline = in->has_baseline && *in->baseline_date,
		.has_target = in->has_target && *in->target_date,
		.baseline = {benefit_day(in->baseline_date), in->baseline_value},
		.target = {benefit_day(in->target_date), in->target_value}, .intermediate = mids, .nintermediate = nm,
		.measured_label = _(c, "Measured"), .plan_label = _(c, "Plan"), .baseline_label = _(c, "Baseline"),
		.target_label = _(c, "Target"), .intermediate_label = _(c, "Intermediate target")};
	chart_series(&c->resp->body, &spec, pts, np);
}

/* The indicator as the benefit core sees it; ms/mids are filled from m and
 * the stored intermediate targets (caller-provided arrays). */
static void indicator_core(struct ctx *c, const struct indicator *in, const struct measurement *m, int n,
			   struct benefit_measurement *ms, struct benefit_point *mids, int *nmids, struct benefit_indicator *out)
{
	for (int i = 0; i < n; i++)
		ms[i] = (struct benefit_measurement){benefit_day(m[i].day), m[i].value, m[i].unit, m[i].comment};
	int k = 0;
	struct db_stmt *s = store_targets(c->db, in->id);
	while (db_step(s) == DB_ROW && k < MAX_TARGETS)
		mids[k++] = (struct benefit_point){benefit_day(db_col_text(s, 0)), db_col_double(s, 1)};
	db_reset(s);
	*nmids = k;
	*out = (struct benefit_indicator){
		.direction = in->lower_is_better ? BD_LOWER_IS_BETTER : BD_HIGHER_IS_BETTER,
		.freq = !strcmp(in->frequency, "weekly")      ? BF_WEEKLY
			: !strcmp(in->frequency, "quarterly") ? BF_QUARTERLY
			: !strcmp(in->frequency, "yearly")    ? BF_YEARLY
							      : BF_MONTHLY,
		.unit = in->unit, .has_baseline = in->has_baseline && *in->baseline_date,
		.baseline = {benefit_day(in->baseline_date), in->baseline_value},
		.has_target = in->has_target && *in->target_date, .target = {benefit_day(in->target_date), in->target_value},
		.milestones = mids, .nmilestones = (size_t)k, .m = ms, .nm = (size_t)n};
}

/* The status in words, with a tag colour. */
static const char *status_text(struct ctx *c, enum benefit_status st, const char **color)
{
	*color = "neutral";
	switch (st) {
	case BS_ON_TRACK: *color = "success"; return _(c, "On track");
	case BS_AHEAD: *color = "success"; return _(c, "Ahead of plan");
	case BS_REACHED: *color = "success"; return _(c, "Target reached");
	case BS_BEHIND: *color = "danger"; return _(c, "Behind plan");
	case BS_NO_BASELINE: return _(c, "No baseline yet");
	case BS_NO_TARGET: return _(c, "No target yet");
	case BS_NO_DATA: return _(c, "No measurements yet");
	default: *color = "warning"; return _(c, "The baseline and target do not fit together");
	}
}

/* Why the indicator's definition is inconsistent, for the user. */
static const char *indicator_err_text(struct ctx *c, enum benefit_err e)
{
	switch (e) {
	case BE_TARGET_DATE: return _(c, "The target date must come after the baseline date.");
	case BE_DIRECTION: return _(c, "The target is worse than the baseline in the direction that is better.");
	case BE_MILESTONE: return _(c, "Intermediate targets must lie between the baseline and the target date, one per day.");
	default: return _(c, "Check the indicator's values and dates.");
	}
}

/* Progress box: status, latest value against the plan, next due date and
 * which measurements do not count. */
static void indicator_progress(struct ctx *c, const struct indicator *in, const struct benefit_indicator *bi,
			       struct benefit_progress *pr)
{
	struct buf *b = &c->resp->body;
	char today_iso[11], due[BENEFIT_ISO_LEN] = "";
	reg_today(today_iso);
	benefit_indicator_progress(bi, benefit_day(today_iso), pr);
	const char *color;
	const char *st = status_text(c, pr->status, &color);
	html_printf(b, "<div class=\"varde-progress-box\"><p class=\"ds-paragraph\"><span class=\"ds-tag\" data-color=\"%s\">%s</span>",
		    color, st);
	if (pr->status == BS_INVALID)
		html_printf(b, " %s", indicator_err_text(c, pr->err));
	html_printf(b, "</p>");
	if (pr->has_latest) {
		double shown = benefit_percent_for_display(pr->percent);
		char pct[32], val[48], plan[48];
		format_number_nb(pr->percent, 0, pct, sizeof pct);
		format_number_nb_auto(bi->m[pr->latest].value, val, sizeof val);
		/* The plan is a computed point on a line: two decimals say enough. */
		format_number_nb(pr->planned, fabs(pr->planned - (double)(long long)pr->planned) < 0.005 ? 0 : 2, plan, sizeof plan);
		html_printf(b, "<p class=\"ds-paragraph\">%s %s %s (%s %s %s). %s: %s %%.</p>"
			       "<progress class=\"varde-progress\" max=\"100\" value=\"%.0f\" aria-label=\"%s\">%s %%</progress>",
			    _(c, "Latest measurement:"), val, in->unit, _(c, "plan on that date:"), plan, in->unit,
			    _(c, "Progress from baseline to target"), pct, shown, _(c, "Progress from baseline to target"), pct);
	}
	if (pr->next_due != BENEFIT_NO_DAY && benefit_day_format(pr->next_due, due)) {
		html_printf(b, "<p class=\"ds-paragraph\">%s ", _(c, "Next measurement due:"));
		date_render(c, due);
		if (pr->overdue)
			html_printf(b, " <span class=\"ds-tag\" data-color=\"danger\">%s</span>", _(c, "Overdue"));
		html_printf(b, "</p>");
	}
	if (pr->n_other_unit)
		html_printf(b, "<p class=\"ds-paragraph varde-help\">%zu %s</p>", pr->n_other_unit,
			    _(c, "measurements were entered in another unit and do not count for progress."));
	if (pr->n_before_baseline)
		html_printf(b, "<p class=\"ds-paragraph varde-help\">%zu %s</p>", pr->n_before_baseline,
			    _(c, "measurements are from before the baseline date: shown, but not counted for progress."));
	html_printf(b, "</div>");
}

/* One indicator: definition, progress, chart, the measurements as a table,
 * and the forms to add or import measurements. */
static void indicator_render(struct ctx *c, struct benefit_page *bp, const struct indicator *in)
{
	struct buf *b = &c->resp->body;
	struct measurement *m = NULL;
	int n = measurements_load(c, in->id, &m);
	struct benefit_measurement *ms = xcalloc((size_t)n + 1, sizeof *ms);
	struct benefit_point mids[MAX_TARGETS];
	int nmids = 0;
	struct benefit_indicator bi;
	indicator_core(c, in, m, n, ms, mids, &nmids, &bi);
	html_printf(b, "<section class=\"varde-indicator\" id=\"indicator-%lld\" aria-labelledby=\"indicator-%lld-h\">"
		       "<h3 class=\"ds-heading\" data-size=\"sm\" id=\"indicator-%lld-h\">%s (%s)</h3><dl class=\"varde-fields\">"
		       "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>",
		    in->id, in->id, in->id, in->name, in->unit, _(c, "Better is"), in->lower_is_better ? _(c, "Lower") : _(c, "Higher"),
		    _(c, "Measured"), frequency_label(c, in->frequency));
	if (in->source && *in->source)
		html_printf(b, "<dt>%s</dt><dd>%s</dd>", _(c, "Data source"), in->source);
	if (in->method && *in->method)
		html_printf(b, "<dt>%s</dt><dd class=\"varde-pre\">%s</dd>", _(c, "How it is measured"), in->method);
	if (in->has_baseline) {
		html_printf(b, "<dt>%s</dt><dd>", _(c, "Baseline"));
		number_render(c, in->baseline_value);
		html_printf(b, " %s, ", in->unit);
		date_render(c, in->baseline_date);
		if (in->baseline_how && *in->baseline_how)
			html_printf(b, " – %s", in->baseline_how);
		html_printf(b, "</dd>");
	}
	if (in->has_target) {
		html_printf(b, "<dt>%s</dt><dd>", _(c, "Target"));
		number_render(c, in->target_value);
		html_printf(b, " %s, ", in->unit);
		date_render(c, in->target_date);
		html_printf(b, "</dd>");
	}
	for (int i = 0; i < nmids; i++) {
		char iso[BENEFIT_ISO_LEN];
		benefit_day_format(mids[i].day, iso);
		html_printf(b, "<dt>%s</dt><dd>", _(c, "Intermediate target"));
		number_render(c, mids[i].value);
		html_printf(b, " %s, ", in->unit);
		date_render(c, iso);
		html_printf(b, "</dd>");
	}
	html_printf(b, "</dl>");
	struct benefit_progress pr;
	indicator_progress(c, in, &bi, &pr);
	indicator_chart(c, in, m, n);
	html_printf(b, "<div class=\"varde-table-wrap\"><table class=\"ds-table\"><caption>%s: %s</caption><thead><tr>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
		    _(c, "Measurements"), in->name, _(c, "Date"), _(c, "Value"), _(c, "Comment"), _(c, "Entered by"));
	if (bp->measure)
		html_printf(b, "<th scope=\"col\"><span class=\"ds-sr-only\">%s</span></th>", _(c, "Action"));
	html_printf(b, "</tr></thead><tbody>");
	for (int i = n - 1; i >= 0; i--) {
		html_printf(b, "<tr><td>");
		date_render(c, m[i].day);
		html_printf(b, "</td><td>");
		number_render(c, m[i].value);
		html_printf(b, " %s", m[i].unit ? m[i].unit : "");
		if (m[i].unit && strcmp(m[i].unit, in->unit))
			html_printf(b, " <span class=\"ds-tag\" data-color=\"warning\">%s</span>", _(c, "other unit"));
		html_printf(b, "</td><td>%s</td><td>%s</td>", m[i].comment ? m[i].comment : "", m[i].who ? m[i].who : "");
		if (bp->measure) {
			html_printf(b, "<td><form method=\"post\" action=\"/benefits/%lld/indicators/%lld/measurements/%lld/delete\">", bp->it.id,
				    in->id, m[i].id);
			ui_csrf(c);
			html_printf(b, "<button class=\"ds-button\" data-variant=\"tertiary\" type=\"submit\">%s<span class=\"ds-sr-only\"> %s</span></button></form></td>",
				    _(c, "Delete"), m[i].day);
		}
		html_printf(b, "</tr>");
	}
	html_printf(b, "</tbody></table></div>");
	if (!n)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No measurements yet."));
	if (bp->measure) {
		char fid[40];
		snprintf(fid, sizeof fid, "m%lld", in->id);
		html_printf(b, "<form method=\"post\" action=\"/benefits/%lld/indicators/%lld/measurements\" class=\"varde-row varde-measure-form\">",
			    bp->it.id, in->id);
		ui_csrf(c);
		html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"%s-date\">%s</label>"
			       "<input class=\"ds-input\" type=\"text\" id=\"%s-date\" name=\"date\" placeholder=\"22.11.2026\" required></div>"
			       "<div class=\"ds-field\"><label class=\"ds-label\" for=\"%s-value\">%s (%s)</label>"
			       "<input class=\"ds-input\" type=\"text\" inputmode=\"decimal\" id=\"%s-value\" name=\"value\" required></div>"
			       "<div class=\"ds-field\"><label class=\"ds-label\" for=\"%s-comment\">%s</label>"
			       "<input class=\"ds-input\" type=\"text\" id=\"%s-comment\" name=\"comment\" maxlength=\"1000\"></div>"
			       "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>",
			    fid, _(c, "Date"), fid, fid, _(c, "Value"), in->unit, fid, fid, _(c, "Comment"), fid, _(c, "Add measurement"));
		html_printf(b, "<ul class=\"varde-inline-list\"><li><a class=\"ds-link\" href=\"/benefits/%lld/indicators/%lld/import\">%s</a></li>"
			       "<li><a class=\"ds-link\" href=\"/benefits/%lld/indicators/%lld/edit\">%s</a></li>",
			    bp->it.id, in->id, _(c, "Paste or import several measurements"), bp->it.id, in->id, _(c, "Edit indicator"));
	} else {
		html_printf(b, "<ul class=\"varde-inline-list\">");
	}
	html_printf(b, "<li><a class=\"ds-link\" href=\"/benefits/%lld/indicators/%lld/export\" download>%s</a></li></ul></section>",
		    bp->it.id, in->id, _(c, "Download as CSV"));
	free(ms);
	measurements_free(m, n);
}

/* ---- money: KS's calculators ------------------------------------------------------ */

struct calc_input {
	const char *name, *label;
};
struct calc_kind {
	const char *key;
	enum benefit_calc_kind kind;
	const char *title, *assumptions; /* msgids */
	struct calc_input in[3];
};
static const struct calc_kind CALC_KINDS[] = {
	{"avoided-cost", BC_AVOIDED_COST, N_("Avoided cost"),
	 N_("Today's cost per task × tasks avoided per year. Uncertain where the cost per task is an average: check it "
	    "against the accounts, and count only tasks that really disappear."),
	 {{"cost_per_task", N_("Cost per task today (NOK)")}, {"tasks_avoided", N_("Tasks avoided per year")}}},
	{"reduced-consumption", BC_REDUCED_CONSUMPTION, N_("Reduced consumption"),
	 N_("(Consumption before − after) × price per unit, per year. Uncertain where consumption varies from year to "
	    "year: use an average of several years for \"before\"."),
	 {{"before", N_("Consumption per year before")}, {"after", N_("Consumption per year after")},
	  {"unit_price", N_("Price per unit (NOK)")}}},
	{"renegotiated-price", BC_RENEGOTIATED_PRICE, N_("Renegotiated price"),
	 N_("(Today's price − future price) × volume per year. The future price is an estimate from supplier dialogue or "
	    "other municipalities' prices until the agreement is signed."),
	 {{"price_today", N_("Price per unit today (NOK)")}, {"price_future", N_("Future price per unit (NOK)")},
	  {"volume", N_("Units per year")}}},
	{"saved-time", BC_SAVED_TIME, N_("Saved time"),
	 N_("Hours saved per year × the organisation's hourly cost, recorded with the calculation. Freed time is not money "
	    "saved in the budget unless the time is taken out or used for other tasks."),
	 {{"hours_saved", N_("Hours saved per year")}}},
};
enum { NCALC = (int)(sizeof CALC_KINDS / sizeof CALC_KINDS[0]) };

/* A calculation's inputs as stored JSON. */
static json_t *calc_to_json(const struct benefit_calc *k)
{
	return json_pack("{s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f}", "cost_per_task", k->cost_per_task, "tasks_avoided",
			 k->tasks_avoided, "before", k->before, "after", k->after, "unit_price", k->unit_price, "price_today",
			 k->price_today, "price_future", k->price_future, "volume", k->volume, "hours_saved", k->hours_saved,
			 "hourly_cost", k->hourly_cost);
}

static double json_num(const json_t *o, const char *k)
{
	return json_number_value(json_object_get(o, k));
}

/* The latest calculation with its assumptions and the value realised to date. */
static void money_render(struct ctx *c, struct benefit_page *bp)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>", _(c, "Value in money"));
	struct db_stmt *s = store_calculation_latest(c->db, bp->it.id);
	if (db_step(s) != DB_ROW) {
		db_reset(s);
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No calculation yet."));
		return;
	}
	const struct calc_kind *kind = NULL;
	for (int i = 0; i < NCALC; i++)
		if (!strcmp(CALC_KINDS[i].key, db_col_text(s, 0)))
			kind = &CALC_KINDS[i];
	json_t *inputs = json_loads(db_col_text(s, 1), 0, NULL);
	double yearly = db_col_double(s, 2);
	long start = benefit_day(db_col_text(s, 3)), end = benefit_day(db_col_text(s, 4));
	char start_iso[11], end_iso[11];
	snprintf(start_iso, sizeof start_iso, "%s", db_col_text(s, 3));
	snprintf(end_iso, sizeof end_iso, "%s", db_col_text(s, 4));
	db_reset(s);
	html_printf(b, "<dl class=\"varde-fields\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>", _(c, "Calculation"),
		    kind ? _(c, kind->title) : "", _(c, "Yearly value"));
	number_render(c, yearly);
	html_printf(b, " kr</dd>");
	for (int i = 0; kind && i < 3 && kind->in[i].name; i++) {
		html_printf(b, "<dt>%s</dt><dd>", _(c, kind->in[i].label));
		number_render(c, json_num(inputs, kind->in[i].name));
		html_printf(b, "</dd>");
	}
	if (kind && kind->kind == BC_SAVED_TIME) {
		html_printf(b, "<dt>%s</dt><dd>", _(c, "Hourly cost used"));
		number_render(c, json_num(inputs, "hourly_cost"));
		html_printf(b, " kr</dd>");
	}
	char today[11];
	reg_today(today);
	double to_date = 0;
	if (start != BENEFIT_NO_DAY &&
	    benefit_value_to_date(yearly, start, end, benefit_day(today), &to_date) == BE_OK) {
		html_printf(b, "<dt>%s</dt><dd>", _(c, "Realised to date"));
		number_render(c, to_date);
		html_printf(b, " kr (%s ", _(c, "from"));
		date_render(c, start_iso);
		if (end != BENEFIT_NO_DAY) {
			html_printf(b, " %s ", _(c, "to"));
			date_render(c, end_iso);
		}
		html_printf(b, ")</dd>");
	}
	html_printf(b, "</dl>");
	if (kind)
		html_printf(b, "<p class=\"ds-paragraph varde-help\">%s</p>", _(c, kind->assumptions));
	json_decref(inputs);
}

/* The four calculators, each its own small form. */
static void calculators_render(struct ctx *c, struct benefit_page *bp)
{
	struct buf *b = &c->resp->body;
	double hourly = 0;
	bool has_hourly = store_org_hourly_cost(c->db, bp->rp.pc.p.org_id, &hourly);
	for (int i = 0; i < NCALC; i++) {
		const struct calc_kind *k = &CALC_KINDS[i];
		html_printf(b, "<details class=\"varde-calc\"><summary>%s: %s</summary><p class=\"ds-paragraph varde-help\">%s</p>",
			    _(c, "Calculate"), _(c, k->title), _(c, k->assumptions));
		if (k->kind == BC_SAVED_TIME && !has_hourly) {
			html_printf(b, "<p class=\"ds-paragraph\">%s</p></details>",
				    _(c, "The organisation has no hourly cost yet. Its administrators set it on the organisation's benefits page."));
			continue;
		}
		html_printf(b, "<form method=\"post\" action=\"/benefits/%lld/calculation\" class=\"varde-form\">", bp->it.id);
		ui_csrf(c);
		html_printf(b, "<input type=\"hidden\" name=\"kind\" value=\"%s\">", k->key);
		for (int j = 0; j < 3 && k->in[j].name; j++) {
			char id[48];
			snprintf(id, sizeof id, "%s-%s", k->key, k->in[j].name);
			html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"%s\">%s</label>"
				       "<input class=\"ds-input\" type=\"text\" inputmode=\"decimal\" id=\"%s\" name=\"%s\" required></div>",
				    id, _(c, k->in[j].label), id, k->in[j].name);
		}
		if (k->kind == BC_SAVED_TIME) {
			char num[48];
			format_number_nb_auto(hourly, num, sizeof num);
			html_printf(b, "<p class=\"ds-paragraph\">%s: %s kr</p>", _(c, "Hourly cost"), num);
		}
		html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"%s-start\">%s</label>"
			       "<input class=\"ds-input\" type=\"text\" id=\"%s-start\" name=\"start\" placeholder=\"01.01.2027\"></div>"
			       "<div class=\"ds-field\"><label class=\"ds-label\" for=\"%s-end\">%s</label>"
			       "<input class=\"ds-input\" type=\"text\" id=\"%s-end\" name=\"end\"></div>"
			       "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form></details>",
			    k->key, _(c, "Realisation starts"), k->key, k->key, _(c, "Realisation ends (optional)"), k->key,
			    _(c, "Calculate and save"));
	}
}

/* A posted number of the calculator (NAN when missing or unreadable). */
static double calc_input(struct ctx *c, const char *name)
{
	double v;
	const char *s = kv_get(&c->req->form, name);
	return s && parse_number(s, false, &v) ? v : NAN;
}

/* POST /benefits/:id/calculation */
void page_benefit_calculate(struct ctx *c)
{
	struct benefit_page bp;
	if (benefit_load(c, AZ_BENEFIT_MEASURE, &bp) != 0)
		return;
	const char *key = kv_get(&c->req->form, "kind");
	const struct calc_kind *k = NULL;
	for (int i = 0; key && i < NCALC; i++)
		if (!strcmp(CALC_KINDS[i].key, key))
			k = &CALC_KINDS[i];
	struct benefit_calc calc = {0};
	enum benefit_err e = BE_INVALID;
	double hourly = 0;
	if (k && k->kind == BC_AVOIDED_COST)
		e = benefit_calc_avoided_cost(calc_input(c, "cost_per_task"), calc_input(c, "tasks_avoided"), &calc);
	else if (k && k->kind == BC_REDUCED_CONSUMPTION)
		e = benefit_calc_reduced_consumption(calc_input(c, "before"), calc_input(c, "after"), calc_input(c, "unit_price"),
						     &calc);
	else if (k && k->kind == BC_RENEGOTIATED_PRICE)
		e = benefit_calc_renegotiated_price(calc_input(c, "price_today"), calc_input(c, "price_future"),
						    calc_input(c, "volume"), &calc);
	else if (k && k->kind == BC_SAVED_TIME && store_org_hourly_cost(c->db, bp.rp.pc.p.org_id, &hourly))
		e = benefit_calc_saved_time(calc_input(c, "hours_saved"), hourly, &calc);
	char start[11] = "", end[11] = "";
	const char *ss = kv_get(&c->req->form, "start"), *es = kv_get(&c->req->form, "end");
	bool dates_ok = (!ss || !*ss || parse_date(ss, start)) && (!es || !*es || parse_date(es, end)) &&
			(!*start || !*end || strcmp(end, start) >= 0);
	if (e == BE_NEGATIVE) {
		page_error(c, 400, _(c, "Counts, hours and prices cannot be negative."));
	} else if (e != BE_OK) {
		page_error(c, 400, _(c, "Write every input as a number, like 1 234,5."));
	} else if (!dates_ok) {
		page_error(c, 400, _(c, "Enter dates like 2026-11-22 or 22.11.2026, the end after the start."));
	} else {
		json_t *j = calc_to_json(&calc);
		char *inputs = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
		if (store_calculation_add(c->db, bp.it.id, k->key, inputs, calc.yearly, start, end, c->user_id) != STORE_OK)
			page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		else {
			char loc[64];
			snprintf(loc, sizeof loc, "/benefits/%lld?saved=1#money", bp.it.id);
			resp_redirect(c->resp, loc);
		}
		free(inputs);
		json_decref(j);
	}
	benefit_page_free(&bp);
}

/* GET /benefits/:id */
void page_benefit_view(struct ctx *c)
{
	struct benefit_page bp;
	if (benefit_load(c, AZ_BENEFIT_VIEW, &bp) != 0)
		return;
	struct buf *b = &c->resp->body;
	bool hide = bp.it.pii && *bp.it.pii && !bp.rp.personal;
	json_t *e = hide ? register_redact(bp.rp.r->tool, bp.entry, _(c, "[hidden: personal data]")) : json_incref(bp.entry);
	const char *title = hide ? _(c, "(personal data hidden)") : bp.it.title;
	layout_begin(c, title);
	if (bp.team)
		html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a> · "
			       "<a class=\"ds-link\" href=\"/projects/%lld/benefits\">%s</a> · <a class=\"ds-link\" href=\"/projects/%lld/items/%lld\">%s</a></p>",
			    bp.rp.pc.p.id, bp.rp.pc.p.title, bp.rp.pc.p.id, _(c, "Benefit realisation plan"), bp.rp.pc.p.id, bp.it.id,
			    _(c, "Links and comments"));
	else
		html_printf(b, "<p class=\"ds-paragraph varde-meta\">%s: %s</p>", _(c, "Project"), bp.rp.pc.p.title);
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\"><span class=\"varde-kicker\">%s</span> %s</h1>", _(c, "Benefit"), title);
	if (kv_get(&c->req->query, "saved") || kv_get(&c->req->query, "measured"))
		ui_alert(c, "success", _(c, "Saved."));
	html_printf(b, "<dl class=\"varde-fields\"><dt>%s</dt><dd>%s</dd>", _(c, "Benefit owner"),
		    bp.owner_name ? bp.owner_name : _(c, "(not chosen)"));
	for (int i = 1; i < bp.rp.tool.nfields; i++) {
		const struct m_field *f = &bp.rp.tool.fields[i];
		const json_t *v = entry_field(e, f->key);
		if (!v || (f->type == FT_LINK && !bp.team))
			continue;
		html_printf(b, "<dt>%s</dt><dd>", _(c, f->label.s[0]));
		reg_value_render(c, &bp.rp, f, v);
		html_printf(b, "</dd>");
	}
	html_printf(b, "</dl>");
	if (bp.team && authz_check(c, AZ_PROJECT_EDIT, &bp.rp.pc.facts) == AZ_ALLOW)
		html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/projects/%lld/items/%lld/edit\">%s</a></p>",
			    bp.rp.pc.p.id, bp.it.id, _(c, "Edit the benefit"));
	html_printf(b, "<section id=\"money\">");
	money_render(c, &bp);
	if (bp.measure)
		calculators_render(c, &bp);
	html_printf(b, "</section><h2 class=\"ds-heading\" data-size=\"md\">%s</h2>", _(c, "Indicators"));
	struct db_stmt *s = store_indicators_of_benefit(c->db, bp.it.id);
	struct indicator ins[50];
	int ni = 0;
	while (db_step(s) == DB_ROW && ni < 50)
		indicator_read(s, &ins[ni++]);
	db_reset(s);
	for (int i = 0; i < ni; i++) {
		indicator_render(c, &bp, &ins[i]);
		indicator_free(&ins[i]);
	}
	if (!ni)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "No indicators yet: say how the benefit will be measured."));
	if (bp.measure)
		html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-button\" data-variant=\"secondary\" href=\"/benefits/%lld/indicators/new\">%s</a></p>",
			    bp.it.id, _(c, "Add an indicator"));
	layout_end(c);
	json_decref(e);
	benefit_page_free(&bp);
}
