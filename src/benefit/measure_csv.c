/* measure_csv.c — measurements from text pasted from a spreadsheet or from a
 * CSV file, and back to CSV; see benefit.h for the rules and for why the
 * tokeniser is our own and not libcsv.
 *
 * The import reads the input record by record with a small RFC 4180 state
 * machine (csv_record), finds the separator and the header, then turns each
 * record into a row with its own status. Whole-input checks (size, NUL, UTF-8)
 * come first so that every text a row points to is valid UTF-8 without NULs. */
#include "benefit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/parse.h"
#include "../core/text.h"
#include "../core/xalloc.h"

/* ---- tokeniser ------------------------------------------------------------------ */

enum { CSV_MAX_FIELDS = 16 }; /* fields kept per record; more only matter if not empty */

struct csv_reader {
	const char *p, *end;
	char sep;
	long line; /* the line p is on, from 1 */
};

struct csv_field {
	size_t off, len; /* the field's contents in csv_record.text */
};

struct csv_record {
	long line;	 /* where the record starts */
	struct buf text; /* the contents of the kept fields, each followed by a NUL */
	struct csv_field f[CSV_MAX_FIELDS];
	int nf;		   /* fields kept */
	int bad_quote_col; /* the first field with broken quotes, from 1; 0 if none */
	int extra_col;	   /* the first non-empty field beyond the kept ones, from 1; 0 if none */
	bool blank;	   /* every field is empty */
};

/* Space around unquoted fields and quotes: blank, and tab unless tab separates. */
static bool csv_space(const struct csv_reader *r, char c)
{
	return c == ' ' || (c == '\t' && r->sep != '\t');
}

/* p is at the end of a field: the input's end, a separator or a line break. */
static bool csv_field_end(const struct csv_reader *r)
{
	return r->p == r->end || *r->p == r->sep || *r->p == '\r' || *r->p == '\n';
}

/* Consume one line break (CRLF, LF or a lone CR, as old Mac Excel writes). */
static void csv_eol(struct csv_reader *r)
{
	if (r->p < r->end && *r->p == '\r') {
		r->p++;
		if (r->p < r->end && *r->p == '\n')
			r->p++;
		r->line++;
	} else if (r->p < r->end && *r->p == '\n') {
		r->p++;
		r->line++;
	}
}

/* The contents of a quoted field, p just after the opening quote: "" is a
 * quote, anything else (separators, line breaks) is itself. Leaves p after
 * the closing quote. False if the input ends before it. */
static bool csv_quoted(struct csv_reader *r, struct buf *b)
{
	for (;;) {
		const char *q = r->p;
		for (; q < r->end && *q != '"'; q++)
			if (*q == '\n' || (*q == '\r' && (q + 1 == r->end || q[1] != '\n')))
				r->line++;
		buf_append(b, r->p, (size_t)(q - r->p));
		if (q == r->end) {
			r->p = q;
			return false;
		}
		if (q + 1 < r->end && q[1] == '"') {
			buf_putc(b, '"');
			r->p = q + 2;
			continue;
		}
		r->p = q + 1;
		return true;
	}
}

/* Read one field into rec->text; false if its quotes are broken. Text after
 * a closing quote is skipped to the end of the field, so the next field and
 * the next record are still found. */
static bool csv_field(struct csv_reader *r, struct buf *text)
{
	while (r->p < r->end && csv_space(r, *r->p))
		r->p++;
	if (r->p < r->end && *r->p == '"') {
		r->p++;
		bool ok = csv_quoted(r, text);
		while (r->p < r->end && csv_space(r, *r->p))
			r->p++;
		if (!csv_field_end(r))
			ok = false;
		while (!csv_field_end(r))
			r->p++;
		return ok;
	}
	const char *s = r->p;
	while (!csv_field_end(r))
		r->p++;
	const char *e = r->p;
	while (e > s && csv_space(r, e[-1]))
		e--;
	buf_append(text, s, (size_t)(e - s));
	return true;
}

/* Read the next record; false at the end of the input. */
static bool csv_record(struct csv_reader *r, struct csv_record *rec)
{
	if (r->p >= r->end)
		return false;
	buf_reset(&rec->text);
	rec->line = r->line;
	rec->nf = 0;
	rec->bad_quote_col = rec->extra_col = 0;
	rec->blank = true;
	for (int col = 1;; col++) {
		size_t off = rec->text.len;
		bool ok = csv_field(r, &rec->text);
		size_t len = rec->text.len - off;
		buf_putc(&rec->text, '\0');
		if (!ok && !rec->bad_quote_col)
			rec->bad_quote_col = col;
		if (len || !ok)
			rec->blank = false;
		if (rec->nf < CSV_MAX_FIELDS) {
			rec->f[rec->nf].off = off;
			rec->f[rec->nf].len = len;
			rec->nf++;
		} else {
			if (len && !rec->extra_col)
				rec->extra_col = col;
			rec->text.len = off; /* not kept: drop its bytes */
			rec->text.data[off] = '\0';
		}
		if (r->p < r->end && *r->p == r->sep) {
			r->p++;
			continue;
		}
		csv_eol(r);
		return true;
	}
}

/* Field i of a record (from 0), "" when the record is shorter. */
static const char *csv_get(const struct csv_record *rec, int i)
{
	if (i < 0 || i >= rec->nf)
		return "";
	return rec->text.data + rec->f[i].off;
}

/* ---- columns, header and separator ------------------------------------------------ */

enum role { ROLE_DATE, ROLE_VALUE, ROLE_COMMENT, ROLE_UNIT, NROLES, ROLE_NONE = NROLES };

/* Where each role is: colof[role] is a field index or -1; used[i] says field i
 * belongs to a role (a non-empty field that does not is "too many columns"). */
struct columns {
	int colof[NROLES];
	bool used[CSV_MAX_FIELDS];
};

static bool ascii_eq_nocase(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
		if (x != y)
			return false;
	}
	return *a == *b;
}

/* The role a header cell names, or ROLE_NONE. */
static enum role role_of_name(const char *s)
{
	static const struct {
		const char *name;
		enum role role;
	} names[] = {
	    {"dato", ROLE_DATE},	 {"date", ROLE_DATE},	    {"verdi", ROLE_VALUE}, {"value", ROLE_VALUE},
	    {"kommentar", ROLE_COMMENT}, {"comment", ROLE_COMMENT}, {"enhet", ROLE_UNIT},  {"unit", ROLE_UNIT},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (ascii_eq_nocase(s, names[i].name))
			return names[i].role;
	return ROLE_NONE;
}

/* A date field, trimmed of ASCII space (also inside quotes). */
static bool read_day(const char *s, long *day)
{
	char t[32];
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= sizeof t)
		return false;
	memcpy(t, s, n);
	t[n] = '\0';
	return benefit_day_parse(t, day);
}

/* The first record could be a header: its first field is not a date and at
 * least one field names a column. (An unknown name beside known ones is then
 * reported rather than read as a row with a bad date.) */
static bool header_candidate(const struct csv_record *rec)
{
	long day;
	if (read_day(csv_get(rec, 0), &day))
		return false;
	for (int i = 0; i < rec->nf; i++)
		if (role_of_name(csv_get(rec, i)) != ROLE_NONE)
			return true;
	return false;
}

/* A record that is plainly a header: every non-empty field names a column. */
static bool header_certain(const struct csv_record *rec)
{
	if (!header_candidate(rec) || rec->bad_quote_col || rec->extra_col)
		return false;
	for (int i = 0; i < rec->nf; i++)
		if (rec->f[i].len && role_of_name(csv_get(rec, i)) == ROLE_NONE)
			return false;
	return true;
}

/* The columns a header names. BI_BAD_HEADER with *col for an unknown or
 * repeated name or broken quotes, BI_HEADER_MISSING without date or value. */
static enum benefit_import_err header_columns(const struct csv_record *rec, struct columns *c, int *col)
{
	memset(c, 0, sizeof *c);
	for (int r = 0; r < NROLES; r++)
		c->colof[r] = -1;
	if (rec->bad_quote_col || rec->extra_col) {
		*col = rec->bad_quote_col ? rec->bad_quote_col : rec->extra_col;
		return BI_BAD_HEADER;
	}
	for (int i = 0; i < rec->nf; i++) {
		if (!rec->f[i].len)
			continue; /* an empty heading: the column must stay empty */
		enum role r = role_of_name(csv_get(rec, i));
		if (r == ROLE_NONE || c->colof[r] >= 0) {
			*col = i + 1;
			return BI_BAD_HEADER;
		}
		c->colof[r] = i;
		c->used[i] = true;
	}
	if (c->colof[ROLE_DATE] < 0 || c->colof[ROLE_VALUE] < 0)
		return BI_HEADER_MISSING;
	return BI_OK;
}

/* Without a header: date, value, comment. */
static void default_columns(struct columns *c)
{
	memset(c, 0, sizeof *c);
	c->colof[ROLE_DATE] = 0;
	c->colof[ROLE_VALUE] = 1;
	c->colof[ROLE_COMMENT] = 2;
	c->colof[ROLE_UNIT] = -1;
	c->used[0] = c->used[1] = c->used[2] = true;
}

/* How many of the first ten non-empty records read, with sep, as a header or
 * as a date followed by a number. A first record that is plainly a header
 * decides at once: column names hold no separator, and comments further down
 * (which may hold lines like "2026-01-02,5") must not outvote it, or the
 * export would not read back. */
static int sep_score(const char *data, size_t len, char sep, struct csv_record *rec)
{
	struct csv_reader r = {data, data + len, sep, 1};
	int score = 0, seen = 0;
	while (seen < 10 && csv_record(&r, rec)) {
		if (rec->blank)
			continue;
		if (seen++ == 0 && header_certain(rec))
			return 1000;
		long day;
		double v;
		if (rec->nf >= 2 && read_day(csv_get(rec, 0), &day) && parse_number(csv_get(rec, 1), true, &v))
			score++;
	}
	return score;
}

/* The separator: see benefit.h. */
static char detect_sep(const char *data, size_t len)
{
	static const char cands[] = {'\t', ';', ','};
	struct csv_record rec = {0};
	int best = 0;
	char sep = 0;
	for (size_t i = 0; i < sizeof cands; i++) {
		int s = sep_score(data, len, cands[i], &rec);
		if (s > best) {
			best = s;
			sep = cands[i];
		}
	}
	buf_free(&rec.text);
	if (sep)
		return sep;
	/* Nothing reads well: the most frequent candidate on the first
	 * non-empty line. */
	const char *p = data, *end = data + len;
	while (p < end && (*p == '\r' || *p == '\n'))
		p++;
	size_t count[3] = {0, 0, 0}, most = 0;
	sep = ';';
	for (; p < end && *p != '\r' && *p != '\n'; p++)
		for (size_t i = 0; i < sizeof cands; i++)
			count[i] += *p == cands[i];
	for (size_t i = 0; i < sizeof cands; i++)
		if (count[i] > most) {
			most = count[i];
			sep = cands[i];
		}
	return sep;
}

/* ---- rows -------------------------------------------------------------------------- */

/* The line of byte pos (line breaks counted as the tokeniser counts them). */
static long line_at(const char *data, const char *pos)
{
	long line = 1;
	for (const char *p = data; p < pos; p++)
		if (*p == '\n' || (*p == '\r' && (p + 1 == pos || p[1] != '\n')))
			line++;
	return line;
}

/* The line of the first invalid UTF-8. Lines are checked one by one: CR and
 * LF are ASCII, so they never split a valid sequence. */
static long bad_utf8_line(const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *q = p;
		while (q < end && *q != '\r' && *q != '\n')
			q++;
		if (!utf8_valid(p, (size_t)(q - p)))
			return line_at(data, p);
		p = q < end ? q + 1 : q;
	}
	return 0;
}

/* Record a problem of a row: the lowest code wins, then the lowest column. */
static void note(struct benefit_row *row, enum benefit_row_err err, int col)
{
	if (row->err == BR_OK || err < row->err || (err == row->err && col < row->col)) {
		row->err = err;
		row->col = col;
	}
}

/* A comment or unit as stored: without the apostrophe the export put before
 * text that Excel would otherwise run as a formula. */
static const char *strip_formula_guard(const char *s)
{
	if (s[0] == '\'' && s[1] && strchr("=+-@\t\r'", s[1]))
		return s + 1;
	return s;
}

/* Check a comment or unit of a row (column col, from 1). */
static void check_text(struct benefit_row *row, const char *s, size_t max, enum benefit_row_err too_long, int col)
{
	if (strlen(s) > max)
		note(row, too_long, col);
	if (text_has_control(s))
		note(row, BR_CONTROL_CHAR, col);
}

/* Turn a record into a row with its status. */
static void read_row(struct benefit_import *imp, const struct csv_record *rec, const struct columns *c,
		     const char *unit, struct benefit_row *row)
{
	memset(row, 0, sizeof *row);
	row->line = rec->line;
	if (rec->bad_quote_col)
		note(row, BR_BAD_QUOTES, rec->bad_quote_col);
	for (int i = 0; i < rec->nf; i++)
		if (!c->used[i] && rec->f[i].len)
			note(row, BR_TOO_MANY_COLUMNS, i + 1);
	if (rec->extra_col)
		note(row, BR_TOO_MANY_COLUMNS, rec->extra_col);

	int cd = c->colof[ROLE_DATE], cv = c->colof[ROLE_VALUE];
	const char *date = csv_get(rec, cd), *value = csv_get(rec, cv);
	row->date_text = arena_strdup(&imp->mem, date);
	row->value_text = arena_strdup(&imp->mem, value);
	row->has_day = read_day(date, &row->day);
	if (!*date)
		note(row, BR_MISSING_DATE, cd + 1);
	else if (!row->has_day)
		note(row, BR_BAD_DATE, cd + 1);
	row->has_value = parse_number(value, true, &row->value);
	if (!*value)
		note(row, BR_MISSING_VALUE, cv + 1);
	else if (!row->has_value)
		note(row, BR_BAD_NUMBER, cv + 1);

	int cu = c->colof[ROLE_UNIT], cc = c->colof[ROLE_COMMENT];
	const char *u = strip_formula_guard(csv_get(rec, cu));
	row->unit = arena_strdup(&imp->mem, u);
	check_text(row, u, BENEFIT_UNIT_MAX, BR_UNIT_TOO_LONG, cu + 1);
	if (unit && *u && strcmp(u, unit) != 0)
		note(row, BR_OTHER_UNIT, cu + 1);
	const char *comment = strip_formula_guard(csv_get(rec, cc));
	row->comment = arena_strdup(&imp->mem, comment);
	check_text(row, comment, BENEFIT_COMMENT_MAX, BR_COMMENT_TOO_LONG, cc + 1);
}

struct day_ix {
	long day;
	size_t i;
};

/* By day, then by position in the input: qsort is not stable. */
static int day_ix_cmp(const void *a, const void *b)
{
	const struct day_ix *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Mark every row whose date an earlier row of the import already has. */
static void flag_duplicates(struct benefit_import *imp, int date_col)
{
	struct day_ix *v = xmalloc(imp->nrows * sizeof *v);
	size_t n = 0, first = 0;
	for (size_t i = 0; i < imp->nrows; i++)
		if (imp->rows[i].has_day)
			v[n++] = (struct day_ix){imp->rows[i].day, i};
	qsort(v, n, sizeof *v, day_ix_cmp);
	for (size_t k = 1; k < n; k++) {
		if (v[k].day != v[first].day) {
			first = k;
			continue;
		}
		struct benefit_row *row = &imp->rows[v[k].i];
		note(row, BR_DUPLICATE_DATE, date_col);
		if (row->err == BR_DUPLICATE_DATE)
			row->dup_line = imp->rows[v[first].i].line;
	}
	free(v);
}

/* Fail the whole import: no rows. */
static enum benefit_import_err import_fail(struct benefit_import *imp, enum benefit_import_err err, long line, int col)
{
	benefit_import_free(imp);
	imp->err = err;
	imp->err_line = line;
	imp->err_col = col;
	return err;
}

/* Read the records after the checks of the whole input. */
static enum benefit_import_err import_records(struct benefit_import *imp, const char *data, size_t len,
					      const char *unit)
{
	struct csv_reader r = {data, data + len, imp->sep, 1};
	struct csv_record rec = {0};
	struct columns c;
	size_t cap = 0;
	bool first = true;
	enum benefit_import_err err = BI_OK;
	long err_line = 0;
	int err_col = 0;
	default_columns(&c);
	while (err == BI_OK && csv_record(&r, &rec)) {
		if (rec.blank)
			continue;
		if (first && header_candidate(&rec)) {
			first = false;
			imp->header = true;
			err = header_columns(&rec, &c, &err_col);
			err_line = rec.line;
			continue;
		}
		first = false;
		if (imp->nrows == BENEFIT_IMPORT_MAX_ROWS) {
			err = BI_TOO_MANY_ROWS;
			err_line = rec.line;
			break;
		}
		if (imp->nrows == cap) {
			cap = cap ? cap * 2 : 64;
			imp->rows = xrealloc(imp->rows, cap * sizeof *imp->rows);
		}
		read_row(imp, &rec, &c, unit, &imp->rows[imp->nrows++]);
	}
	buf_free(&rec.text);
	if (err == BI_OK && imp->nrows == 0)
		err = BI_EMPTY;
	if (err != BI_OK)
		return import_fail(imp, err, err_line, err_col);
	flag_duplicates(imp, c.colof[ROLE_DATE] + 1);
	for (size_t i = 0; i < imp->nrows; i++)
		imp->nbad += imp->rows[i].err != BR_OK;
	return BI_OK;
}

enum benefit_import_err benefit_import_parse(const char *data, size_t len, const char *unit, struct benefit_import *imp)
{
	memset(imp, 0, sizeof *imp);
	imp->sep = ';';
	if (!data || len == 0)
		return import_fail(imp, BI_EMPTY, 0, 0);
	if (len > BENEFIT_IMPORT_MAX_BYTES)
		return import_fail(imp, BI_TOO_BIG, 0, 0);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul)
		return import_fail(imp, BI_NUL, line_at(data, nul), 0);
	if (!utf8_valid(data, len))
		return import_fail(imp, BI_NOT_UTF8, bad_utf8_line(data, len), 0);
	imp->sep = detect_sep(data, len);
	return import_records(imp, data, len, unit);
}

void benefit_import_free(struct benefit_import *imp)
{
	free(imp->rows);
	arena_free(&imp->mem);
	imp->rows = NULL;
	imp->nrows = imp->nbad = 0;
}

const char *benefit_import_err_str(enum benefit_import_err e)
{
	switch (e) {
	case BI_OK:
		return "ok";
	case BI_TOO_BIG:
		return "input too large";
	case BI_NOT_UTF8:
		return "not valid UTF-8";
	case BI_NUL:
		return "NUL byte: not a text file";
	case BI_EMPTY:
		return "no data rows";
	case BI_TOO_MANY_ROWS:
		return "too many rows";
	case BI_BAD_HEADER:
		return "unknown or repeated column name";
	case BI_HEADER_MISSING:
		return "header without a date or value column";
	}
	return "unknown error";
}

const char *benefit_row_err_str(enum benefit_row_err e)
{
	switch (e) {
	case BR_OK:
		return "ok";
	case BR_BAD_QUOTES:
		return "broken quotes";
	case BR_TOO_MANY_COLUMNS:
		return "too many columns";
	case BR_MISSING_DATE:
		return "missing date";
	case BR_BAD_DATE:
		return "not a date";
	case BR_MISSING_VALUE:
		return "missing value";
	case BR_BAD_NUMBER:
		return "not a number";
	case BR_UNIT_TOO_LONG:
		return "unit too long";
	case BR_OTHER_UNIT:
		return "another unit";
	case BR_COMMENT_TOO_LONG:
		return "comment too long";
	case BR_CONTROL_CHAR:
		return "control character";
	case BR_DUPLICATE_DATE:
		return "date repeated";
	}
	return "unknown error";
}

/* ---- export ------------------------------------------------------------------------ */

/* parse_number keeps at most this many signs, digits and marks. */
enum { VALUE_MAX_CHARS = 125 };

bool benefit_format_value(double v, char *out, size_t outlen)
{
	char e[40], digits[24], s[VALUE_MAX_CHARS + 2];
	if (outlen)
		out[0] = '\0';
	if (!isfinite(v) || fabs(v) >= 1e15)
		return false;
	/* The shortest %e form that reads back to the same bits. */
	int prec = 1;
	for (;; prec++) {
		snprintf(e, sizeof e, "%.*e", prec - 1, v);
		double back = strtod(e, NULL);
		if (memcmp(&back, &v, sizeof v) == 0 || prec == 17)
			break;
	}
	/* e is "[-]d[.ddd]e±XX": the digits d1 d2 … and the exponent x of d1.d2… × 10^x. */
	const char *p = e;
	bool neg = *p == '-';
	size_t nd = 0, k = 0;
	for (p += neg; *p && *p != 'e'; p++)
		if (*p != '.')
			digits[nd++] = *p;
	int x = atoi(p + 1);
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	/* Length of the fixed form: sign, integer digits, mark, fraction digits. */
	size_t need = neg + (x >= 0 ? (size_t)x + 1 + (nd > (size_t)x + 1 ? 1 + nd - (size_t)x - 1 : 0)
				    : 2 + (size_t)(-x - 1) + nd);
	if (need > VALUE_MAX_CHARS)
		return false;
	if (neg)
		s[k++] = '-';
	size_t intlen, fraclen = 0;
	if (x >= 0) {
		intlen = (size_t)x + 1;
		for (size_t i = 0; i < intlen; i++)
			s[k++] = i < nd ? digits[i] : '0';
		if (nd > intlen) {
			s[k++] = ',';
			for (size_t i = intlen; i < nd; i++, fraclen++)
				s[k++] = digits[i];
		}
	} else {
		intlen = 0; /* just "0" */
		s[k++] = '0';
		s[k++] = ',';
		for (int i = 0; i < -x - 1; i++, fraclen++)
			s[k++] = '0';
		for (size_t i = 0; i < nd; i++, fraclen++)
			s[k++] = digits[i];
	}
	/* "1,234" is ambiguous to parse_number (1234 or 1,234?): write "1,2340". */
	if (fraclen == 3 && intlen >= 1 && intlen <= 3 && k < VALUE_MAX_CHARS)
		s[k++] = '0';
	s[k] = '\0';
	/* Check the promise here, so a gap between this and parse_number shows as
	 * a refused value rather than a changed one. */
	double back;
	if (k + 1 > outlen || !parse_number(s, false, &back) || memcmp(&back, &v, sizeof v) != 0)
		return false;
	memcpy(out, s, k + 1);
	return true;
}

/* A comment or unit must read back unchanged: valid UTF-8, no control
 * characters but tab, CR and LF, within its limit. */
static bool text_exportable(const char *s, size_t max)
{
	return strlen(s) <= max && utf8_valid_str(s) && !text_has_control(s);
}

/* Write a comment or unit: with the formula guard, quoted when needed. */
static void put_text(struct buf *b, const char *s)
{
	size_t n = strlen(s);
	bool quote = n && (s[0] == ' ' || s[n - 1] == ' ' || strpbrk(s, ";,\"\t\r\n"));
	if (quote)
		buf_putc(b, '"');
	if (n && strchr("=+-@\t\r'", s[0]))
		buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	if (quote)
		buf_putc(b, '"');
}

/* Write one measurement's line, or say why it cannot be written. */
static enum benefit_err put_measurement(struct buf *b, const struct benefit_measurement *m)
{
	char iso[BENEFIT_ISO_LEN], num[VALUE_MAX_CHARS + 2];
	int y, mo, d;
	const char *comment = m->comment ? m->comment : "", *unit = m->unit ? m->unit : "";
	if (!benefit_day_to_ymd(m->day, &y, &mo, &d) || y < 1900 || y > 2200 || !benefit_day_format(m->day, iso))
		return BE_RANGE;
	if (!isfinite(m->value))
		return BE_NOT_FINITE;
	if (!benefit_format_value(m->value, num, sizeof num))
		return BE_RANGE;
	if (!text_exportable(comment, BENEFIT_COMMENT_MAX) || !text_exportable(unit, BENEFIT_UNIT_MAX))
		return BE_INVALID;
	buf_puts(b, iso);
	buf_putc(b, ';');
	buf_puts(b, num);
	buf_putc(b, ';');
	put_text(b, comment);
	buf_putc(b, ';');
	put_text(b, unit);
	buf_puts(b, "\r\n");
	return BE_OK;
}

enum benefit_err benefit_export_csv(const struct benefit_measurement *m, size_t n, bool english, struct buf *out,
				    size_t *bad)
{
	struct buf b = {0};
	if (!out || (n && !m))
		return BE_INVALID;
	buf_puts(&b, "\xEF\xBB\xBF");
	buf_puts(&b, english ? "date;value;comment;unit\r\n" : "dato;verdi;kommentar;enhet\r\n");
	for (size_t i = 0; i < n; i++) {
		enum benefit_err e = put_measurement(&b, &m[i]);
		if (e != BE_OK) {
			if (bad)
				*bad = i;
			buf_free(&b);
			return e;
		}
	}
	buf_append(out, b.data, b.len);
	buf_free(&b);
	return BE_OK;
}
