/* page_benefit_import.c — many measurements at once: rows pasted from a
 * spreadsheet or a CSV file, read the way Norwegian users write numbers and
 * dates (src/benefit/measure_csv.c), shown in a preview that gives every row
 * its status. Nothing is saved until every row left is good: the user fixes
 * the text or drops the bad rows, checks again, and saves all in one
 * transaction. And the export of an indicator's measurements as CSV, which
 * the import reads back exactly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/layout.h"
#include "../benefit/benefit.h"
#include "../core/html.h"
#include "../core/parse.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "benefit_page.h"
#include "pages.h"

/* A row's problem in the user's language. */
static const char *row_err_text(struct ctx *c, enum benefit_row_err e)
{
	switch (e) {
	case BR_BAD_QUOTES: return _(c, "A quotation mark is not closed, or text follows the closing one.");
	case BR_TOO_MANY_COLUMNS: return _(c, "More columns than date, value, comment and unit.");
	case BR_MISSING_DATE: return _(c, "The date is missing.");
	case BR_BAD_DATE: return _(c, "Not a date. Write it like 2026-11-22 or 22.11.2026.");
	case BR_MISSING_VALUE: return _(c, "The value is missing.");
	case BR_BAD_NUMBER: return _(c, "Not a number. Write it like 1 234,5 or 1234.5.");
	case BR_UNIT_TOO_LONG: return _(c, "The unit is too long.");
	case BR_OTHER_UNIT: return _(c, "Another unit than the indicator's.");
	case BR_COMMENT_TOO_LONG: return _(c, "The comment is too long.");
	case BR_CONTROL_CHAR: return _(c, "The text holds control characters.");
	case BR_DUPLICATE_DATE: return _(c, "The same date as an earlier row.");
	default: return "";
	}
}

/* Why the whole input was refused, in the user's language. */
static const char *import_err_text(struct ctx *c, enum benefit_import_err e)
{
	switch (e) {
	case BI_TOO_BIG: return _(c, "The text is larger than 1 MB.");
	case BI_NOT_UTF8: return _(c, "The text is not UTF-8. Save the file as \"CSV UTF-8\" and try again.");
	case BI_NUL: return _(c, "This looks like a binary file, not text or CSV.");
	case BI_EMPTY: return _(c, "There are no rows to read.");
	case BI_TOO_MANY_ROWS: return _(c, "At most 5000 rows can be read at once.");
	case BI_BAD_HEADER: return _(c, "The header row names a column that is not date, value, comment or unit.");
	case BI_HEADER_MISSING: return _(c, "The header row must name a date column and a value column.");
	default: return "";
	}
}

struct import_page {
	struct benefit_page bp;
	struct indicator in;
};

/* Load benefit params[0] and its indicator params[1]. -1 with the response set. */
static int import_load(struct ctx *c, enum authz_action action, struct import_page *ip)
{
	if (benefit_load(c, action, &ip->bp) != 0)
		return -1;
	if (store_indicator_get(c->db, ip->bp.it.id, c->req->params[1], &ip->in) != STORE_OK) {
		page_error(c, 404, _(c, "There is no page at this address."));
		benefit_page_free(&ip->bp);
		return -1;
	}
	return 0;
}

static void import_page_free(struct import_page *ip)
{
	indicator_free(&ip->in);
	benefit_page_free(&ip->bp);
}

/* Is the row's input line among the ones the user chose to drop? */
static bool row_dropped(struct ctx *c, long line)
{
	char n[24];
	snprintf(n, sizeof n, "%ld", line);
	for (size_t i = 0; i < c->req->form.n; i++)
		if (!strcmp(c->req->form.items[i].key, "drop") && !strcmp(c->req->form.items[i].val, n))
			return true;
	return false;
}

/* A row flagged as the duplicate of an earlier date is good again when every
 * earlier row with that date was dropped (the reader flags duplicates before
 * the user drops anything; a duplicate row has passed every other check). */
static void import_recheck_duplicates(struct ctx *c, struct benefit_import *imp)
{
	for (size_t i = 0; i < imp->nrows; i++) {
		struct benefit_row *r = &imp->rows[i];
		if (r->err != BR_DUPLICATE_DATE || row_dropped(c, r->line))
			continue;
		bool earlier = false;
		for (size_t j = 0; j < i && !earlier; j++)
			earlier = imp->rows[j].has_day && imp->rows[j].day == r->day && !row_dropped(c, imp->rows[j].line) &&
				  (imp->rows[j].err == BR_OK || imp->rows[j].err == BR_DUPLICATE_DATE);
		if (!earlier) {
			r->err = BR_OK;
			r->col = 0;
		}
	}
}

/* Mark rows whose date the indicator already has (one query for all). */
static int import_mark_existing(struct ctx *c, const struct indicator *in, struct benefit_import *imp, bool *exists)
{
	struct db_stmt *s = store_measurements(c->db, in->id);
	int n = 0;
	while (db_step(s) == DB_ROW) {
		long day = benefit_day(db_col_text(s, 1));
		for (size_t i = 0; i < imp->nrows; i++)
			if (imp->rows[i].err == BR_OK && imp->rows[i].has_day && imp->rows[i].day == day && !exists[i]) {
				exists[i] = true;
				n++;
			}
	}
	db_reset(s);
	return n;
}

/* The page: the instructions, the preview (when there is input) and the form. */
static void import_render(struct ctx *c, struct import_page *ip, const char *text, const struct benefit_import *imp,
			  const bool *exists, size_t good, size_t bad)
{
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Import measurements"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/benefits/%lld#indicator-%lld\">%s</a></p>"
		       "<h1 class=\"ds-heading\" data-size=\"lg\">%s: %s</h1><p class=\"ds-paragraph\">%s</p>",
		    ip->bp.it.id, ip->in.id, ip->bp.it.title, _(c, "Import measurements"), ip->in.name,
		    _(c, "Paste rows from a spreadsheet, or choose a CSV file. Columns: date, value, and optionally comment "
			 "and unit; a header row (dato;verdi;kommentar) is allowed. Numbers like 1 234,5 or 1234.5 or 12 %, "
			 "dates like 2026-11-22 or 22.11.2026. Nothing is saved until every row can be read."));
	if (imp && imp->err != BI_OK)
		ui_alert(c, "danger", import_err_text(c, imp->err));
	html_printf(b, "<form method=\"post\" action=\"/benefits/%lld/indicators/%lld/import\" enctype=\"multipart/form-data\" class=\"varde-form\">",
		    ip->bp.it.id, ip->in.id);
	ui_csrf(c);
	if (imp && imp->err == BI_OK) {
		html_printf(b, "<div class=\"%s\" role=\"status\"><p class=\"ds-paragraph\">%zu %s, %zu %s.</p></div>",
			    bad ? "ds-alert" : "ds-alert", good, _(c, "rows can be saved"), bad, _(c, "rows need fixing or dropping"));
		html_printf(b, "<div class=\"varde-table-wrap\"><table class=\"ds-table\"><caption>%s</caption><thead><tr>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
			    _(c, "Preview"), _(c, "Line"), _(c, "Date"), _(c, "Value"), _(c, "Comment"), _(c, "Status"), _(c, "Drop"));
		for (size_t i = 0; i < imp->nrows; i++) {
			const struct benefit_row *r = &imp->rows[i];
			bool dropped = row_dropped(c, r->line);
			html_printf(b, "<tr><td>%ld</td><td>%s</td><td>%s</td><td>%s</td><td>", r->line, r->date_text, r->value_text,
				    r->comment);
			if (dropped)
				html_printf(b, "%s", _(c, "Dropped"));
			else if (r->err != BR_OK)
				html_printf(b, "<span class=\"ds-tag\" data-color=\"danger\">%s</span> %s", _(c, "Error"),
					    row_err_text(c, r->err));
			else if (exists[i])
				html_printf(b, "<span class=\"ds-tag\" data-color=\"danger\">%s</span> %s", _(c, "Error"),
					    _(c, "There is already a measurement for that date."));
			else
				html_printf(b, "<span class=\"ds-tag\" data-color=\"success\">%s</span>", _(c, "OK"));
			html_printf(b, "</td><td><input class=\"ds-input\" type=\"checkbox\" id=\"drop-%ld\" name=\"drop\" value=\"%ld\"%s>"
				       "<label class=\"ds-sr-only\" for=\"drop-%ld\">%s %ld</label></td></tr>",
				    r->line, r->line, dropped ? " checked" : "", r->line, _(c, "Drop line"), r->line);
		}
		html_printf(b, "</tbody></table></div>");
	}
	ui_textarea(c, "data", _(c, "Rows"), text, _(c, "Fix a row here and check again, or tick Drop for it."), 10, NULL, false);
	html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"file\">%s</label>"
		       "<input class=\"ds-input\" type=\"file\" id=\"file\" name=\"file\" accept=\".csv,.txt,text/csv,text/plain\"></div>"
		       "<div class=\"varde-actions\"><button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\" name=\"action\" value=\"preview\">%s</button>",
		    _(c, "Or choose a CSV file"), _(c, "Check the rows"));
	if (imp && imp->err == BI_OK && !bad && good)
		html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\" name=\"action\" value=\"save\">%s (%zu)</button>",
			    _(c, "Save the measurements"), good);
	html_printf(b, "</div></form>");
	layout_end(c);
}

/* GET /benefits/:id/indicators/:id/import */
void page_measure_import_form(struct ctx *c)
{
	struct import_page ip;
	if (import_load(c, AZ_BENEFIT_MEASURE, &ip) != 0)
		return;
	import_render(c, &ip, "", NULL, NULL, 0, 0);
	import_page_free(&ip);
}

/* Save every good, not dropped row; 0 or -1. */
static int import_save(struct ctx *c, struct import_page *ip, const struct benefit_import *imp)
{
	for (size_t i = 0; i < imp->nrows; i++) {
		const struct benefit_row *r = &imp->rows[i];
		char iso[BENEFIT_ISO_LEN];
		if (row_dropped(c, r->line))
			continue;
		if (r->err != BR_OK || !benefit_day_format(r->day, iso) ||
		    store_measurement_add(c->db, ip->in.id, iso, r->value, ip->in.unit, r->comment, c->user_id) != STORE_OK)
			return -1;
	}
	return store_activity_add(c->db, ip->bp.rp.pc.p.id, c->user_id, "measured", "benefit") == STORE_OK ? 0 : -1;
}

/* POST /benefits/:id/indicators/:id/import — preview, or save when asked and
 * every row left is good. */
void page_measure_import(struct ctx *c)
{
	struct import_page ip;
	if (import_load(c, AZ_BENEFIT_MEASURE, &ip) != 0)
		return;
	const char *text = c->req->upload.len ? buf_str(&c->req->upload) : kv_get(&c->req->form, "data");
	size_t len = c->req->upload.len ? c->req->upload.len : text ? strlen(text) : 0;
	struct benefit_import imp;
	benefit_import_parse(text ? text : "", len, ip.in.unit, &imp);
	bool *exists = xcalloc(imp.nrows + 1, sizeof *exists);
	size_t good = 0, bad = 0;
	if (imp.err == BI_OK) {
		import_recheck_duplicates(c, &imp);
		import_mark_existing(c, &ip.in, &imp, exists);
		for (size_t i = 0; i < imp.nrows; i++) {
			if (row_dropped(c, imp.rows[i].line))
				continue;
			if (imp.rows[i].err == BR_OK && !exists[i])
				good++;
			else
				bad++;
		}
	}
	const char *action = kv_get(&c->req->form, "action");
	bool valid_text = !c->req->upload.len || utf8_valid(text, len);
	if (action && !strcmp(action, "save") && imp.err == BI_OK && !bad && good && import_save(c, &ip, &imp) == 0) {
		char loc[80];
		snprintf(loc, sizeof loc, "/benefits/%lld?measured=%zu#indicator-%lld", ip.bp.it.id, good, ip.in.id);
		resp_redirect(c->resp, loc);
	} else {
		/* A preview changes nothing; a refused save is rolled back. */
		c->failed = true;
		if (action && !strcmp(action, "save"))
			c->resp->status = 400;
		import_render(c, &ip, valid_text && text ? text : "", &imp, exists, good, bad);
	}
	free(exists);
	benefit_import_free(&imp);
	import_page_free(&ip);
}

/* GET /benefits/:id/indicators/:id/export — the measurements as CSV. */
void page_measure_export(struct ctx *c)
{
	struct import_page ip;
	if (import_load(c, AZ_BENEFIT_VIEW, &ip) != 0)
		return;
	struct db_stmt *s = store_measurements(c->db, ip.in.id);
	struct benefit_measurement *m = NULL;
	char **texts = NULL;
	size_t n = 0, cap = 0;
	while (db_step(s) == DB_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			m = xrealloc(m, cap * sizeof *m);
			texts = xrealloc(texts, cap * 2 * sizeof *texts);
		}
		texts[2 * n] = xstrdup(db_col_text(s, 4));
		texts[2 * n + 1] = xstrdup(db_col_text(s, 3));
		m[n] = (struct benefit_measurement){benefit_day(db_col_text(s, 1)), db_col_double(s, 2), texts[2 * n + 1], texts[2 * n]};
		n++;
	}
	db_reset(s);
	struct buf csv = {0};
	size_t bad = 0;
	if (benefit_export_csv(m, n, strcmp(c->lang, "en") == 0, &csv, &bad) != BE_OK) {
		page_error(c, 500, _(c, "A measurement could not be written as CSV."));
	} else {
		char disp[96];
		snprintf(disp, sizeof disp, "attachment; filename=\"indicator-%lld.csv\"", ip.in.id);
		c->resp->content_type = "text/csv; charset=utf-8";
		resp_header(c->resp, "Content-Disposition", disp);
		html_raw(&c->resp->body, buf_str(&csv)); /* raw-ok: CSV sent as text/csv, not HTML; no NUL (UTF-8 text) */
	}
	buf_free(&csv);
	for (size_t i = 0; i < 2 * n; i++)
		free(texts[i]);
	free(texts);
	free(m);
	import_page_free(&ip);
}
