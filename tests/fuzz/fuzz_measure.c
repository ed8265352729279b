/* fuzz_measure.c — src/benefit/measure_csv.c: the import of measurements
 * pasted from a spreadsheet or uploaded as CSV, and the export.
 *
 * The input is the pasted text or file, as it arrives. Checked:
 *  - the import fails as a whole (no rows) or returns rows whose fields keep
 *    their promises: lines increase, an OK row has a day, a value, no column,
 *    texts of valid UTF-8 within their limits and without control characters;
 *    a row with a problem names a column; nbad counts them; no two OK rows
 *    share a date;
 *  - with the indicator's unit given, a row that was OK stays OK or becomes
 *    BR_OTHER_UNIT exactly when its unit column differs;
 *  - the rows read OK, exported (Norwegian or English header) and imported
 *    again, come back with the same days, bit-identical values and the same
 *    comments and units (the export's round-trip promise);
 *  - an indicator built from the rows (baseline the first, target the last)
 *    gives a status, finite numbers and a due date without tripping UBSan. */
#include <math.h>

#include "fuzz.h"

#include "benefit/benefit.h"
#include "core/text.h"

/* The properties of one import that hold whatever the input was. */
static void check_import(const struct benefit_import *imp, enum benefit_import_err e)
{
	FUZZ_CHECK(e == imp->err, "returned %d, stored %d", (int)e, (int)imp->err);
	FUZZ_CHECK(imp->sep == ';' || imp->sep == ',' || imp->sep == '\t', "separator %d", imp->sep);
	if (e != BI_OK) {
		FUZZ_CHECK(imp->rows == NULL && imp->nrows == 0, "failed import with %zu rows", imp->nrows);
		return;
	}
	FUZZ_CHECK(imp->nrows >= 1 && imp->nrows <= BENEFIT_IMPORT_MAX_ROWS, "%zu rows", imp->nrows);
	size_t bad = 0;
	long line = 0;
	for (size_t i = 0; i < imp->nrows; i++) {
		const struct benefit_row *r = &imp->rows[i];
		FUZZ_CHECK(r->line > line, "row %zu on line %ld after line %ld", i, r->line, line);
		line = r->line;
		FUZZ_CHECK(r->comment && r->unit && r->date_text && r->value_text, "row %zu: NULL text", i);
		if (r->err != BR_OK) {
			bad++;
			FUZZ_CHECK(r->col >= 1, "row %zu: %s without a column", i, benefit_row_err_str(r->err));
			FUZZ_CHECK(r->err != BR_DUPLICATE_DATE || (r->dup_line >= 1 && r->dup_line < r->line),
				   "row %zu: duplicate of line %ld", i, r->dup_line);
			continue;
		}
		FUZZ_CHECK(r->col == 0 && r->has_day && r->has_value, "row %zu: OK but incomplete", i);
		FUZZ_CHECK(isfinite(r->value) && fabs(r->value) < 1e15, "row %zu: value %g", i, r->value);
		FUZZ_CHECK(strlen(r->comment) <= BENEFIT_COMMENT_MAX && strlen(r->unit) <= BENEFIT_UNIT_MAX,
			   "row %zu: text over its limit", i);
		FUZZ_CHECK(utf8_valid_str(r->comment) && utf8_valid_str(r->unit), "row %zu: invalid UTF-8", i);
		FUZZ_CHECK(!text_has_control(r->comment) && !text_has_control(r->unit), "row %zu: control char", i);
		for (size_t j = 0; j < i; j++)
			FUZZ_CHECK(imp->rows[j].err != BR_OK || imp->rows[j].day != r->day,
				   "rows %zu and %zu: one date, both OK", j, i);
	}
	FUZZ_CHECK(bad == imp->nbad, "nbad %zu, counted %zu", imp->nbad, bad);
}

/* With a unit to compare, a row that was OK is OK or BR_OTHER_UNIT, the
 * latter exactly when its unit column is set and differs. */
static void check_unit(const char *data, size_t size, const struct benefit_import *a)
{
	struct benefit_import b;
	enum benefit_import_err e = benefit_import_parse(data, size, "kr", &b);
	check_import(&b, e);
	FUZZ_CHECK(e == a->err && b.nrows == a->nrows, "the unit changed the import");
	for (size_t i = 0; i < a->nrows; i++) {
		if (a->rows[i].err != BR_OK)
			continue;
		bool other = *a->rows[i].unit && strcmp(a->rows[i].unit, "kr") != 0;
		FUZZ_CHECK(b.rows[i].err == (other ? BR_OTHER_UNIT : BR_OK), "row %zu: %s with unit \"%s\"", i,
			   benefit_row_err_str(b.rows[i].err), a->rows[i].unit);
	}
	benefit_import_free(&b);
}

/* Export what read OK, import it again and compare. */
static void check_round_trip(const struct benefit_import *a, bool english)
{
	struct benefit_measurement *m = calloc(a->nrows, sizeof *m);
	size_t n = 0;
	FUZZ_CHECK(m != NULL, "calloc");
	for (size_t i = 0; i < a->nrows; i++)
		if (a->rows[i].err == BR_OK)
			m[n++] = (struct benefit_measurement){a->rows[i].day, a->rows[i].value, a->rows[i].unit,
							      a->rows[i].comment};
	if (n == 0) {
		free(m);
		return;
	}
	struct buf out = {0};
	size_t bad = 0;
	enum benefit_err e = benefit_export_csv(m, n, english, &out, &bad);
	FUZZ_CHECK(e == BE_OK, "export refused row %zu (%.17g): %s", bad, m[bad].value, benefit_err_str(e));
	struct benefit_import b;
	enum benefit_import_err ie = benefit_import_parse(out.data, out.len, NULL, &b);
	if (ie == BI_TOO_BIG) { /* only the import's limits may stop the round trip */
		benefit_import_free(&b);
		buf_free(&out);
		free(m);
		return;
	}
	FUZZ_CHECK(ie == BI_OK, "re-import failed: %s on line %ld", benefit_import_err_str(ie), b.err_line);
	FUZZ_CHECK(b.header && b.sep == ';' && b.nrows == n, "re-import: %zu rows of %zu", b.nrows, n);
	for (size_t i = 0; i < n; i++) {
		const struct benefit_row *r = &b.rows[i];
		FUZZ_CHECK(r->err == BR_OK, "re-import row %zu: %s in column %d", i, benefit_row_err_str(r->err),
			   r->col);
		FUZZ_CHECK(r->day == m[i].day, "row %zu: day %ld came back as %ld", i, m[i].day, r->day);
		FUZZ_CHECK(memcmp(&r->value, &m[i].value, sizeof(double)) == 0, "row %zu: %.17g came back as %.17g", i,
			   m[i].value, r->value);
		FUZZ_CHECK(strcmp(r->comment, m[i].comment) == 0, "row %zu: comment changed", i);
		FUZZ_CHECK(strcmp(r->unit, m[i].unit) == 0, "row %zu: unit changed", i);
	}
	benefit_import_free(&b);
	buf_free(&out);
	free(m);
}

/* An indicator from the rows: baseline the first OK row, target the last,
 * every OK row a measurement; the direction and frequency from the size. */
static void check_indicator(const struct benefit_import *a, size_t size)
{
	struct benefit_measurement m[64];
	size_t n = 0;
	for (size_t i = 0; i < a->nrows && n < 64; i++)
		if (a->rows[i].err == BR_OK)
			m[n++] = (struct benefit_measurement){a->rows[i].day, a->rows[i].value, a->rows[i].unit,
							      a->rows[i].comment};
	if (n < 2)
		return;
	struct benefit_indicator ind = {
	    .direction = size & 1 ? BD_LOWER_IS_BETTER : BD_HIGHER_IS_BETTER,
	    .freq = (enum benefit_freq)((size >> 1) % 4),
	    .unit = m[0].unit,
	    .has_baseline = true,
	    .baseline = {m[0].day, m[0].value},
	    .has_target = true,
	    .target = {m[n - 1].day, m[n - 1].value},
	    .m = m,
	    .nm = n,
	};
	struct benefit_progress p;
	enum benefit_err e = benefit_indicator_progress(&ind, m[n / 2].day, &p);
	FUZZ_CHECK(e == p.err, "progress returned %d, stored %d", (int)e, (int)p.err);
	FUZZ_CHECK(e == BE_OK || p.status == BS_INVALID, "error %s with status %d", benefit_err_str(e), (int)p.status);
	FUZZ_CHECK(p.next_due == BENEFIT_NO_DAY || p.next_due > ind.baseline.day, "due before the baseline");
	FUZZ_CHECK(p.n_used + p.n_other_unit + p.n_before_baseline + p.n_after_today + p.n_not_finite == n,
		   "measurements not all counted");
	if (e == BE_OK) {
		FUZZ_CHECK(isfinite(p.percent) && isfinite(p.planned) && isfinite(p.planned_today), "not finite");
		double d = benefit_percent_for_display(p.percent);
		FUZZ_CHECK(d >= 0 && d <= 100, "display percent %g", d);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct benefit_import a;
	const char *text = (const char *)data;
	enum benefit_import_err e = benefit_import_parse(text, size, NULL, &a);
	check_import(&a, e);
	if (e == BI_OK) {
		check_unit(text, size, &a);
		check_round_trip(&a, size & 1);
		check_indicator(&a, size);
	}
	benefit_import_free(&a);
	return 0;
}
