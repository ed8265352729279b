/* benefit.h — the pure core of benefit realisation (gevinstrealisering): KS's
 * calculation recipes, an indicator's progress from its baseline towards its
 * target, and measurements read from and written to spreadsheets.
 *
 * No database, no HTTP, no HTML: a page loads the facts with store_*, calls
 * these functions and renders what they return. Nothing here keeps state
 * between calls. Structs passed in (indicators, measurements) are borrowed for
 * the call and never kept or freed. The only allocations are the import's
 * (freed with benefit_import_free) and the bytes the export appends to the
 * caller's buffer. Texts returned by benefit_*_str are static English for logs
 * and tests; pages translate by the code.
 *
 * Dates are day numbers: days since 1970-01-01 in the Gregorian calendar, as a
 * long (2026-11-22 is 20779). They compare and subtract like numbers, and are
 * read and written as ISO YYYY-MM-DD. Every function that takes a day accepts
 * the years 1–9999 and answers BE_RANGE (or false) outside them; what users
 * type is read by parse_date (src/core/parse.h), which takes 1900–2200.
 */
#ifndef VARDE_BENEFIT_H
#define VARDE_BENEFIT_H
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/buf.h"

/* What can go wrong; every function that can fail returns one. */
enum benefit_err {
	BE_OK = 0,
	BE_INVALID,	     /* an argument out of its domain (unknown enum value, NULL, bad text) */
	BE_NOT_FINITE,	     /* an input is NaN or infinite */
	BE_NEGATIVE,	     /* a count, an amount of hours, a price or a cost below zero */
	BE_RANGE,	     /* a day outside 1–9999, or a result or value too large to represent */
	BE_END_BEFORE_START, /* a realisation that ends before it starts */
	BE_NO_BASELINE,	     /* the indicator has no baseline (yet) */
	BE_NO_TARGET,	     /* the indicator has no target (yet) */
	BE_TARGET_DATE,	     /* the target date is not after the baseline date */
	BE_DIRECTION,	     /* the target is worse than the baseline in the indicator's direction */
	BE_MILESTONE,	     /* an intermediate target not strictly between baseline and target, or two
				on one day */
};

/* The name of an error, e.g. "target date not after baseline date". Static. */
const char *benefit_err_str(enum benefit_err e);

/* ---- days ------------------------------------------------------------------ */

#define BENEFIT_NO_DAY LONG_MIN /* "no date", e.g. a realisation without an end */
enum { BENEFIT_ISO_LEN = 11 };	/* "YYYY-MM-DD" and its NUL */

/* The day number of y-m-d; false if that is not a date of the years 1–9999. */
bool benefit_day_from_ymd(int y, int m, int d, long *day);
/* The calendar date of a day number; false outside the years 1–9999. */
bool benefit_day_to_ymd(long day, int *y, int *m, int *d);
/* A date as users type it: 2026-11-22 or 22.11.2026, by parse_date's rules
 * (the calendar is checked, years 1900–2200, no surrounding space). */
bool benefit_day_parse(const char *s, long *day);
/* The same as a value: the day number, or BENEFIT_NO_DAY when s is NULL, ""
 * or not a date (for ISO dates read back from the database). */
long benefit_day(const char *s);
/* The day as ISO YYYY-MM-DD; false (and iso = "") outside the years 1–9999. */
bool benefit_day_format(long day, char iso[BENEFIT_ISO_LEN]);
/* day plus months (which may be negative), kept in the last day of a shorter
 * month: 31 January + 1 month is 28 February, or 29 in a leap year, and
 * 29 February 2024 + 12 months is 28 February 2025. False outside 1–9999. */
bool benefit_day_add_months(long day, int months, long *out);

/* ---- KS's calculation recipes ---------------------------------------------------
 *
 * Each calculator checks its inputs, computes a value in NOK per year and keeps
 * the inputs with it, so a page can show the assumptions behind the figure
 * ("1 200 kr per case × 300 cases a year") and the record can be stored and
 * recomputed later. Counts, hours, volumes, prices and costs are never negative
 * (BE_NEGATIVE); NaN or infinity is BE_NOT_FINITE, a result too large for a
 * double BE_RANGE. On an error *out is left unchanged. */

enum benefit_calc_kind {
	BC_AVOIDED_COST,	/* unngåtte kostnader: fewer tasks performed */
	BC_REDUCED_CONSUMPTION, /* unngåtte kostnader: less consumed (postage, paper …) */
	BC_RENEGOTIATED_PRICE,	/* unngåtte kostnader: a renegotiated agreement */
	BC_SAVED_TIME,		/* spart tid */
};

struct benefit_calc {
	enum benefit_calc_kind kind;
	/* The inputs of the kind; the others are 0.
	 * BC_AVOIDED_COST: NOK per task today, tasks avoided per year. */
	double cost_per_task, tasks_avoided;
	/* BC_REDUCED_CONSUMPTION: units used per year before and after, NOK per unit. */
	double before, after, unit_price;
	/* BC_RENEGOTIATED_PRICE: NOK per unit today and in the future (estimated
	 * from supplier dialogue or other municipalities' prices), units per year. */
	double price_today, price_future, volume;
	/* BC_SAVED_TIME: hours saved per year, NOK per hour. */
	double hours_saved, hourly_cost;
	/* The result: NOK per year. */
	double yearly;
};

/* today's cost per task × tasks avoided per year. Never negative. */
enum benefit_err benefit_calc_avoided_cost(double cost_per_task, double tasks_avoided_per_year,
					   struct benefit_calc *out);
/* (consumption before − after) × unit price, consumption per year. Negative
 * when consumption went up: a real loss the page should show, not refuse. */
enum benefit_err benefit_calc_reduced_consumption(double before_per_year, double after_per_year, double unit_price,
						  struct benefit_calc *out);
/* (today's price − the future price) × volume per year. Negative when the new
 * agreement is dearer: also a real loss. */
enum benefit_err benefit_calc_renegotiated_price(double price_today, double price_future, double volume_per_year,
						 struct benefit_calc *out);
/* hours saved per year × hourly cost. The hourly cost is the organisation's
 * setting at the time of the calculation, recorded here so that a later change
 * of the setting does not silently change old figures. Never negative. The
 * result is the worth of freed time, which is not money saved in the budget
 * unless the time is taken out (KS counts spart tid as a benefit type of its
 * own, beside unngåtte kostnader). */
enum benefit_err benefit_calc_saved_time(double hours_saved_per_year, double hourly_cost, struct benefit_calc *out);
/* Check c's inputs for its kind and compute c->yearly again (for a record read
 * back from the database). On an error c is left unchanged. */
enum benefit_err benefit_calc_eval(struct benefit_calc *c);

/* The part of a yearly value realised from start through asof, both days
 * counted whole, and with an end (not BENEFIT_NO_DAY) no later than end. Each
 * whole year since start counts the yearly value once; the days of the year
 * under way count pro rata by that year's length (365 or 366 days), so one
 * year after start exactly the yearly value is realised, leap year or not.
 * 0 before start. A negative yearly value (a loss) accrues the same way.
 * BE_END_BEFORE_START if end < start. */
enum benefit_err benefit_value_to_date(double yearly, long start, long end, long asof, double *out);

/* ---- indicators -------------------------------------------------------------------- */

enum benefit_direction {
	BD_HIGHER_IS_BETTER,
	BD_LOWER_IS_BETTER,
};

enum benefit_freq {
	BF_WEEKLY,
	BF_MONTHLY,
	BF_QUARTERLY,
	BF_YEARLY,
};

struct benefit_point {
	long day;
	double value;
};

struct benefit_measurement {
	long day;
	double value;
	const char *unit;    /* the indicator's unit when the value was entered; NULL is "" */
	const char *comment; /* NULL is "" */
};

enum { BENEFIT_MAX_MILESTONES = 100 };

/* An indicator as loaded by the caller; every pointer is borrowed. Progress
 * needs both the baseline (nullpunkt: where progress is counted from) and the
 * target; without them the measurements are still counted and scheduled. */
struct benefit_indicator {
	enum benefit_direction direction;
	enum benefit_freq freq;
	const char *unit;  /* the current unit; NULL is "" */
	bool has_baseline; /* false: no baseline measured yet (BS_NO_BASELINE) */
	struct benefit_point baseline;
	bool has_target; /* false: no target set yet (BS_NO_TARGET) */
	struct benefit_point target;
	const struct benefit_point *milestones; /* intermediate targets, any order, strictly between the
						   baseline and target dates; at most BENEFIT_MAX_MILESTONES */
	size_t nmilestones;
	const struct benefit_measurement *m; /* measurements, any order */
	size_t nm;
};

/* Whether a measurement counts for progress. Measurements that do not are still
 * the indicator's data: pages list them (marked) and the export writes them. */
enum benefit_use {
	BU_USED,
	BU_NOT_FINITE,	    /* NaN or infinite value, or a day outside 1–9999 */
	BU_OTHER_UNIT,	    /* entered in another unit than the current one: not comparable */
	BU_BEFORE_BASELINE, /* dated before the baseline: history, not progress */
	BU_AFTER_TODAY,	    /* dated after the day progress is computed for */
};

enum benefit_status {
	BS_INVALID,	/* the indicator contradicts itself (benefit_progress.err says how) */
	BS_NO_BASELINE, /* no baseline: progress cannot be measured (checked before the target) */
	BS_NO_TARGET,	/* no target: progress cannot be measured */
	BS_NO_DATA,	/* no measurement counts yet */
	BS_ON_TRACK,	/* the latest measurement is within BENEFIT_TRACK_TOLERANCE of the plan */
	BS_BEHIND,
	BS_AHEAD,
	BS_REACHED, /* the latest measurement is at or beyond the target */
};

/* On track means within this many percentage points (of the way from baseline
 * to target) of the planned progress at the measurement's date. */
#define BENEFIT_TRACK_TOLERANCE 5.0

struct benefit_progress {
	enum benefit_err err; /* why the status is BS_INVALID; BE_OK otherwise */
	enum benefit_status status;
	bool has_latest; /* latest, percent and planned are set */
	size_t latest;	 /* index in ind->m of the latest measurement that counts (on a tie of days,
			    the later index) */
	double percent;	 /* its progress (benefit_indicator_percent); needs a valid target */
	double planned;	 /* the planned value on its day (benefit_indicator_planned) */
	bool has_planned_today;
	double planned_today; /* the planned value on `today` */
	size_t n_used, n_not_finite, n_other_unit, n_before_baseline, n_after_today;
	long next_due; /* the next measurement's due day; BENEFIT_NO_DAY if nothing to count from */
	bool overdue;  /* today is after next_due */
};

/* BE_OK if the indicator is consistent: known direction and frequency, finite
 * values, days in range, and with a target: target date after the baseline
 * date (BE_TARGET_DATE), target not worse than the baseline in the direction
 * (BE_DIRECTION; equal is allowed), intermediate targets strictly between the
 * two dates on distinct days (BE_MILESTONE). A missing baseline or target is
 * consistent (the checks that need it are skipped). */
enum benefit_err benefit_indicator_check(const struct benefit_indicator *ind);

/* Progress of a value in percent: 0 at the baseline, 100 at the target, below
 * 0 when worse than the baseline, above 100 beyond the target; the sign
 * follows the direction. When the target equals the baseline there is no
 * scale: 100 if the value is at or better than the target, else 0. Errors:
 * those of benefit_indicator_check, BE_NO_BASELINE, BE_NO_TARGET,
 * BE_NOT_FINITE. */
enum benefit_err benefit_indicator_percent(const struct benefit_indicator *ind, double value, double *pct);

/* The planned value on a day: the straight line from the baseline to the
 * target through the intermediate targets in date order; the baseline value
 * before the baseline date and the target value after the target date. */
enum benefit_err benefit_indicator_planned(const struct benefit_indicator *ind, long day, double *value);

/* Whether measurement ind->m[i] counts for progress computed on `today`. */
enum benefit_use benefit_measurement_use(const struct benefit_indicator *ind, size_t i, long today);

/* The day a measurement is due after `from` at frequency f: a week, or 1, 3 or
 * 12 months later (kept in a shorter month, see benefit_day_add_months). */
enum benefit_err benefit_next_due(enum benefit_freq f, long from, long *due);

/* Everything a page shows about an indicator on `today`: the status, the
 * latest measurement that counts with its progress and the plan at its day,
 * the plan today, why measurements did not count, and when the next one is
 * due. The status compares the latest measurement with the plan at that
 * measurement's own day (not today's plan). The next measurement is due one
 * period after the latest measurement of any kind (also one in another unit:
 * it was taken), or after the baseline when there is none or all are older;
 * with neither nothing is due (next_due is BENEFIT_NO_DAY).
 * Returns out->err; out is filled as far as the indicator allows (the due
 * date and the counts even when the target is inconsistent). */
enum benefit_err benefit_indicator_progress(const struct benefit_indicator *ind, long today,
					    struct benefit_progress *out);

/* A percentage clamped to 0–100 for a progress bar (NaN gives 0). Only for
 * display: the unclamped value says how far behind or beyond the target. */
double benefit_percent_for_display(double pct);

/* ---- measurement import ---------------------------------------------------------
 *
 * Text pasted from a spreadsheet (tab-separated) or a CSV file (separated by ';'
 * or ','): RFC 4180 quoting with "" inside quotes and line breaks in quoted
 * fields, CRLF, LF or CR line ends, an optional UTF-8 byte-order mark, and an
 * optional header row naming the columns in Norwegian or English: dato/date,
 * verdi/value, kommentar/comment, enhet/unit (any case and order). Without a
 * header the columns are date, value, comment. Numbers are read by
 * parse_number ("1 234,5", "1234.5", "12 %", "−3,2"), dates by parse_date.
 *
 * The separator is the one of tab, ';' and ',' under which the first row
 * is plainly a header (every non-empty field a column name); else the one
 * under which most of the first ten rows read as a date followed by a number
 * (ties in that order); failing that, the one most frequent in the first row.
 * A comma file with unquoted decimal commas ("2026-01-01,1,5") cannot be told
 * from a comma file with a comment and is read as value 1 and comment "5".
 *
 * Unquoted fields are trimmed of spaces (and tabs unless tab separates);
 * quoted fields are kept as they are. A quote inside an unquoted field is
 * just a character (as Excel reads it); text after a closing quote is an
 * error of the row. Rows that are empty (also ";;") are skipped. A leading
 * apostrophe before = + - @ tab CR or another apostrophe in a comment or unit
 * is removed (the export adds it so Excel does not run the text as a formula).
 *
 * Tokenised by hand rather than with libcsv (Debian libcsv-dev 3.0.3): libcsv
 * in its lenient mode reads "2026-01-01;"a"b;c<LF>…" as one field that swallows
 * the separators and every following line, and in strict mode stops the whole
 * parse at the first stray quote with only a byte offset; it trims spaces
 * inside unquoted fields by default, drops empty lines without counting them,
 * and does not report line numbers. Here each row is read on its own, errors
 * stay in their row and every row knows its line.
 *
 * Nothing is half-accepted: the import either fails as a whole (err) or
 * returns every row with its own status, and the caller decides. */

enum {
	BENEFIT_IMPORT_MAX_BYTES = 1024 * 1024,
	BENEFIT_IMPORT_MAX_ROWS = 5000, /* data rows, not counting the header and empty rows */
	BENEFIT_COMMENT_MAX = 1000,	/* bytes */
	BENEFIT_UNIT_MAX = 100,		/* bytes */
};

enum benefit_import_err {
	BI_OK,
	BI_TOO_BIG,	   /* more than BENEFIT_IMPORT_MAX_BYTES */
	BI_NOT_UTF8,	   /* err_line: the first line that is not valid UTF-8 */
	BI_NUL,		   /* err_line: a NUL byte (a binary file) */
	BI_EMPTY,	   /* no data rows */
	BI_TOO_MANY_ROWS,  /* err_line: where row BENEFIT_IMPORT_MAX_ROWS + 1 starts */
	BI_BAD_HEADER,	   /* err_col: an unknown or repeated column name, or broken quotes in the header */
	BI_HEADER_MISSING, /* the header names no date column or no value column */
};

enum benefit_row_err {
	BR_OK,
	BR_BAD_QUOTES,	     /* a quoted field never closed, or text after its closing quote */
	BR_TOO_MANY_COLUMNS, /* a non-empty field outside the known columns */
	BR_MISSING_DATE,
	BR_BAD_DATE,
	BR_MISSING_VALUE,
	BR_BAD_NUMBER,
	BR_UNIT_TOO_LONG,    /* more than BENEFIT_UNIT_MAX bytes */
	BR_OTHER_UNIT,	     /* the unit column differs from the indicator's unit */
	BR_COMMENT_TOO_LONG, /* more than BENEFIT_COMMENT_MAX bytes */
	BR_CONTROL_CHAR,     /* a control character other than tab, CR and LF in a comment or unit */
	BR_DUPLICATE_DATE,   /* the same date as an earlier row of this import (dup_line) */
};

/* One data row of an import. Its texts belong to the import (imp->mem) and
 * live until benefit_import_free. */
struct benefit_row {
	long line;		  /* line of the input where the row starts, from 1 */
	enum benefit_row_err err; /* the first problem of the row, in the order of enum benefit_row_err */
	int col;		  /* column of that problem, from 1; 0 when the row is OK */
	long dup_line;		  /* BR_DUPLICATE_DATE: the line of the first row with that date */
	bool has_day, has_value;  /* day / value could be read (also in a row with another problem) */
	long day;
	double value;
	const char *date_text; /* the fields as written (unquoted, trimmed); "" when absent */
	const char *value_text;
	const char *comment; /* "" when none */
	const char *unit;    /* "" when none, or without a unit column */
};

struct benefit_import {
	enum benefit_import_err err;
	long err_line;		  /* for err, from 1; 0 when it has none */
	int err_col;		  /* for BI_BAD_HEADER, from 1 */
	char sep;		  /* the separator: '\t', ';' or ',' */
	bool header;		  /* the first row was a header */
	struct benefit_row *rows; /* every data row in input order; NULL when err != BI_OK */
	size_t nrows;
	size_t nbad;	  /* rows whose err is not BR_OK */
	struct arena mem; /* the rows' texts */
};

/* Read len bytes of data (not NUL-terminated; it may contain anything). unit
 * is the indicator's current unit: a row whose unit column is not empty and
 * differs gets BR_OTHER_UNIT; NULL skips that check. Returns imp->err. imp is
 * always initialised and must be released with benefit_import_free. */
enum benefit_import_err benefit_import_parse(const char *data, size_t len, const char *unit,
					     struct benefit_import *imp);
/* Free what an import holds (rows and texts) and leave it empty. */
void benefit_import_free(struct benefit_import *imp);
const char *benefit_import_err_str(enum benefit_import_err e);
const char *benefit_row_err_str(enum benefit_row_err e);

/* ---- measurement export ------------------------------------------------------------
 *
 * CSV for Norwegian Excel and for benefit_import_parse: a UTF-8 byte-order
 * mark (without it Excel reads UTF-8 as Windows-1252 and garbles æøå), ';' as
 * separator and a decimal comma (what Excel expects in a Norwegian locale, so
 * values open as numbers), CRLF line ends, the header dato;verdi;kommentar;enhet
 * (date;value;comment;unit with english), ISO dates (Excel reads them as
 * dates). A value is written with the fewest digits that read back to the same
 * double, without exponent and without thousands separators; three decimals
 * after one to three digits get a trailing 0 ("1,2340"), since parse_number
 * refuses "1,234" as ambiguous. Texts are quoted when they hold ; , " tab or a
 * line break or start or end with a space; a text starting with = + - @ tab CR
 * or an apostrophe gets an apostrophe in front so Excel does not run it as a
 * formula (the import removes it).
 *
 * Round trip: benefit_import_parse of the export gives back every measurement
 * with the same day, the bit-identical value (-0 too) and the same comment and
 * unit, as long as no two measurements share a day (the import flags the
 * second as BR_DUPLICATE_DATE) and the export stays within the import's
 * limits (rows, bytes). Excel itself shows 15 significant digits; values are
 * rarely longer. */

/* Append the CSV of measurements m[0..n) to out (the caller's buffer, which
 * the caller frees). Each must be exportable: day in 1900–2200 (BE_RANGE),
 * finite value below 10^15 whose digits fit parse_number (BE_NOT_FINITE,
 * BE_RANGE), comment ≤ BENEFIT_COMMENT_MAX and unit ≤ BENEFIT_UNIT_MAX bytes
 * of valid UTF-8 without control characters other than tab, CR and LF
 * (BE_INVALID). On an error nothing is appended and *bad (if not NULL) is the
 * index of the first measurement refused. */
enum benefit_err benefit_export_csv(const struct benefit_measurement *m, size_t n, bool english, struct buf *out,
				    size_t *bad);

/* value with the fewest digits that read back (by parse_number) to the same
 * double, decimal comma, no exponent, no grouping: "1234,5", "-0", "1,2340".
 * False (and out = "") if v is not finite, |v| ≥ 10^15, or the digits do not
 * fit outlen or parse_number's limit. outlen of 128 always suffices. */
bool benefit_format_value(double v, char *out, size_t outlen);

#endif
