/* test_benefit.c — src/benefit/benefit.h: day numbers, KS's calculation
 * recipes and the value realised to date, indicator progress and status, the
 * next measurement's due date, and the measurement import and export with
 * their round trip.
 *
 * Choices pinned here that a reader might not expect (see benefit.h):
 *  - the value to date counts asof as a whole day and whole years from the
 *    anniversary of the start, so a year after start gives exactly the yearly
 *    value in a leap year too;
 *  - when the target equals the baseline, progress is 100 or 0 (no scale);
 *  - the status compares the latest measurement with the plan on that
 *    measurement's day, within ±BENEFIT_TRACK_TOLERANCE percentage points;
 *  - a target worse than the baseline in the direction is an error, not a
 *    reversed scale; without a baseline (or target) there is no progress,
 *    but measurements are still counted and scheduled;
 *  - the next due date counts measurements in another unit (they were taken)
 *    and never falls before one period after the baseline;
 *  - without a header the import's columns are date, value, comment (a unit
 *    column needs a header);
 *  - "2026-01-01,1,5" (a comma file with an unquoted decimal comma) reads as
 *    value 1 and comment "5": no reader can tell. */
#include "testlib.h"

#include <limits.h>
#include <math.h>

#include "benefit/benefit.h"
#include "core/parse.h"
#include "core/xalloc.h"

#define NBSP  "\xc2\xa0"
#define MINUS "\xe2\x88\x92"
#define BOM   "\xef\xbb\xbf"

/* The day number of an ISO or Norwegian date that must be valid. */
static long D(const char *s)
{
	long day = 0;
	if (!benefit_day_parse(s, &day))
		fail_msg("benefit_day_parse(\"%s\") refused", s);
	return day;
}

#define NEAR(a, b)                                                                                                     \
	do {                                                                                                           \
		double a_ = (a), b_ = (b);                                                                             \
		if (!(fabs(a_ - b_) <= 1e-9 * (1 + fabs(b_))))                                                         \
			fail_msg("%s = %.17g, expected %.17g", #a, a_, b_);                                            \
	} while (0)

#define SAME_BITS(a, b) assert_memory_equal(&(a), &(b), sizeof(double))

/* ---- days ---------------------------------------------------------------------------- */

static void day_known_values(void **state)
{
	(void)state;
	long day;
	assert_true(benefit_day_from_ymd(1970, 1, 1, &day));
	assert_int_equal(day, 0);
	assert_int_equal(D("2026-11-22"), 20779);
	assert_int_equal(D("22.11.2026"), 20779);
	assert_int_equal(D("2000-02-29"), 11016);
	assert_int_equal(D("1969-12-31"), -1);
	assert_true(benefit_day_from_ymd(1, 1, 1, &day));
	assert_int_equal(day, -719162);
	assert_true(benefit_day_from_ymd(9999, 12, 31, &day));
	assert_int_equal(day, 2932896);
}

/* Every day from 1900 to 2200 converts back to itself, and consecutive day
 * numbers are consecutive dates. */
static void day_round_trip_every_day(void **state)
{
	(void)state;
	int py = 1899, pm = 12, pd = 31;
	for (long day = D("1900-01-01"); day <= D("2200-12-31"); day++) {
		int y, m, d;
		long back;
		assert_true(benefit_day_to_ymd(day, &y, &m, &d));
		assert_true(benefit_day_from_ymd(y, m, d, &back));
		assert_int_equal(back, day);
		bool next_day = y == py && m == pm && d == pd + 1;
		bool next_month = y == py && m == pm + 1 && d == 1;
		bool next_year = y == py + 1 && m == 1 && d == 1 && pm == 12 && pd == 31;
		assert_true(next_day || next_month || next_year);
		py = y, pm = m, pd = d;
	}
}

static void day_from_text(void **state)
{
	(void)state;
	assert_int_equal(benefit_day("2026-11-22"), 20779);
	assert_int_equal(benefit_day("22.11.2026"), 20779);
	assert_int_equal(benefit_day(""), BENEFIT_NO_DAY);
	assert_int_equal(benefit_day(NULL), BENEFIT_NO_DAY);
	assert_int_equal(benefit_day("2026-02-30"), BENEFIT_NO_DAY);
}

static void day_rejects(void **state)
{
	(void)state;
	long day = 42;
	int y, m, d;
	assert_false(benefit_day_from_ymd(2025, 2, 29, &day));
	assert_false(benefit_day_from_ymd(1900, 2, 29, &day));
	assert_false(benefit_day_from_ymd(2026, 13, 1, &day));
	assert_false(benefit_day_from_ymd(2026, 0, 1, &day));
	assert_false(benefit_day_from_ymd(2026, 4, 31, &day));
	assert_false(benefit_day_from_ymd(0, 1, 1, &day));
	assert_false(benefit_day_from_ymd(10000, 1, 1, &day));
	assert_int_equal(day, 42);
	assert_false(benefit_day_to_ymd(-719163, &y, &m, &d));
	assert_false(benefit_day_to_ymd(2932897, &y, &m, &d));
	assert_false(benefit_day_to_ymd(LONG_MIN, &y, &m, &d));
	assert_false(benefit_day_to_ymd(LONG_MAX, &y, &m, &d));
	assert_false(benefit_day_parse("31.02.2026", &day));
	assert_false(benefit_day_parse("2026-11-22 ", &day));
	assert_false(benefit_day_parse("", &day));
	assert_false(benefit_day_parse(NULL, &day));
	assert_int_equal(day, 42);
}

static void day_format(void **state)
{
	(void)state;
	char iso[BENEFIT_ISO_LEN];
	assert_true(benefit_day_format(20779, iso));
	assert_string_equal(iso, "2026-11-22");
	assert_true(benefit_day_format(-719162, iso));
	assert_string_equal(iso, "0001-01-01");
	assert_false(benefit_day_format(LONG_MIN, iso));
	assert_string_equal(iso, "");
}

#define ADD_MONTHS(from, n, want)                                                                                      \
	do {                                                                                                           \
		long out_ = 0;                                                                                         \
		char iso_[BENEFIT_ISO_LEN];                                                                            \
		assert_true(benefit_day_add_months(D(from), (n), &out_));                                              \
		assert_true(benefit_day_format(out_, iso_));                                                           \
		assert_string_equal(iso_, (want));                                                                     \
	} while (0)

static void day_add_months_month_ends(void **state)
{
	(void)state;
	ADD_MONTHS("2025-01-31", 1, "2025-02-28");
	ADD_MONTHS("2024-01-31", 1, "2024-02-29"); /* leap year */
	ADD_MONTHS("2100-01-31", 1, "2100-02-28"); /* divisible by 100: not leap */
	ADD_MONTHS("2000-01-31", 1, "2000-02-29"); /* divisible by 400: leap */
	ADD_MONTHS("2025-03-31", 1, "2025-04-30");
	ADD_MONTHS("2025-01-30", 1, "2025-02-28");
	ADD_MONTHS("2025-01-15", 1, "2025-02-15");
	ADD_MONTHS("2025-12-31", 1, "2026-01-31"); /* into the next year */
	ADD_MONTHS("2025-11-30", 3, "2026-02-28");
	ADD_MONTHS("2024-02-29", 12, "2025-02-28");
	ADD_MONTHS("2024-02-29", 48, "2028-02-29");
	ADD_MONTHS("2025-03-31", -1, "2025-02-28");
	ADD_MONTHS("2024-03-31", -1, "2024-02-29");
	ADD_MONTHS("2026-01-15", -1, "2025-12-15");
	ADD_MONTHS("2026-01-15", 0, "2026-01-15");
	long out = 7;
	assert_false(benefit_day_add_months(D("2200-12-15"), 12 * 7800, &out));
	assert_false(benefit_day_add_months(D("2026-01-15"), INT_MAX, &out));
	assert_false(benefit_day_add_months(D("2026-01-15"), INT_MIN, &out));
	assert_false(benefit_day_add_months(LONG_MIN, 1, &out));
	assert_int_equal(out, 7);
}

/* ---- calculators ----------------------------------------------------------------------- */

static const struct benefit_calc untouched = {.kind = BC_SAVED_TIME, .yearly = -12345};

/* An error leaves the result alone (compared by field: padding is not copied). */
static void assert_untouched(const struct benefit_calc *c)
{
	assert_int_equal(c->kind, BC_SAVED_TIME);
	assert_true(c->yearly == -12345 && c->cost_per_task == 0 && c->before == 0 && c->price_today == 0 &&
		    c->hours_saved == 0);
}

static void calc_avoided_cost(void **state)
{
	(void)state;
	struct benefit_calc c;
	assert_int_equal(benefit_calc_avoided_cost(1200, 300, &c), BE_OK);
	assert_int_equal(c.kind, BC_AVOIDED_COST);
	NEAR(c.yearly, 360000);
	NEAR(c.cost_per_task, 1200);
	NEAR(c.tasks_avoided, 300);
	assert_true(c.hours_saved == 0 && c.unit_price == 0 && c.volume == 0);
	assert_int_equal(benefit_calc_avoided_cost(1200, 0, &c), BE_OK);
	NEAR(c.yearly, 0);
	assert_int_equal(benefit_calc_avoided_cost(0, 300, &c), BE_OK);
	NEAR(c.yearly, 0);
	c = untouched;
	assert_int_equal(benefit_calc_avoided_cost(-1200, 300, &c), BE_NEGATIVE);
	assert_int_equal(benefit_calc_avoided_cost(1200, -1, &c), BE_NEGATIVE);
	assert_int_equal(benefit_calc_avoided_cost(NAN, 1, &c), BE_NOT_FINITE);
	assert_int_equal(benefit_calc_avoided_cost(1, INFINITY, &c), BE_NOT_FINITE);
	assert_int_equal(benefit_calc_avoided_cost(1e200, 1e200, &c), BE_RANGE);
	assert_untouched(&c);
}

static void calc_reduced_consumption(void **state)
{
	(void)state;
	struct benefit_calc c;
	/* 40 000 letters a year before, 10 000 after, 12,50 kr each. */
	assert_int_equal(benefit_calc_reduced_consumption(40000, 10000, 12.5, &c), BE_OK);
	assert_int_equal(c.kind, BC_REDUCED_CONSUMPTION);
	NEAR(c.yearly, 375000);
	NEAR(c.before, 40000);
	NEAR(c.after, 10000);
	NEAR(c.unit_price, 12.5);
	/* Consumption went up: a loss, shown rather than refused. */
	assert_int_equal(benefit_calc_reduced_consumption(10000, 12000, 12.5, &c), BE_OK);
	NEAR(c.yearly, -25000);
	/* 0 × a negative difference is 0, not -0. */
	assert_int_equal(benefit_calc_reduced_consumption(10, 20, 0, &c), BE_OK);
	assert_false(signbit(c.yearly));
	assert_int_equal(benefit_calc_reduced_consumption(0, 0, 0, &c), BE_OK);
	NEAR(c.yearly, 0);
	c = untouched;
	assert_int_equal(benefit_calc_reduced_consumption(-1, 0, 1, &c), BE_NEGATIVE);
	assert_int_equal(benefit_calc_reduced_consumption(1, -1, 1, &c), BE_NEGATIVE);
	assert_int_equal(benefit_calc_reduced_consumption(1, 0, -1, &c), BE_NEGATIVE);
	assert_int_equal(benefit_calc_reduced_consumption(1, NAN, 1, &c), BE_NOT_FINITE);
	assert_untouched(&c);
}

static void calc_renegotiated_price(void **state)
{
	(void)state;
	struct benefit_calc c;
	assert_int_equal(benefit_calc_renegotiated_price(1500, 1200, 400, &c), BE_OK);
	assert_int_equal(c.kind, BC_RENEGOTIATED_PRICE);
	NEAR(c.yearly, 120000);
	NEAR(c.price_today, 1500);
	NEAR(c.price_future, 1200);
	NEAR(c.volume, 400);
	assert_int_equal(benefit_calc_renegotiated_price(1200, 1500, 400, &c), BE_OK); /* dearer: a loss */
	NEAR(c.yearly, -120000);
	assert_int_equal(benefit_calc_renegotiated_price(1500, 1200, 0, &c), BE_OK);
	NEAR(c.yearly, 0);
	c = untouched;
	assert_int_equal(benefit_calc_renegotiated_price(-1, 1, 1, &c), BE_NEGATIVE);
	assert_int_equal(benefit_calc_renegotiated_price(1, -1, 1, &c), BE_NEGATIVE);
	assert_int_equal(benefit_calc_renegotiated_price(1, 1, -400, &c), BE_NEGATIVE);
	assert_untouched(&c);
}

static void calc_saved_time(void **state)
{
	(void)state;
	struct benefit_calc c;
	/* 1 500 hours a year at the organisation's 650 kr per hour. */
	assert_int_equal(benefit_calc_saved_time(1500, 650, &c), BE_OK);
	assert_int_equal(c.kind, BC_SAVED_TIME);
	NEAR(c.yearly, 975000);
	NEAR(c.hours_saved, 1500);
	NEAR(c.hourly_cost, 650); /* recorded with the calculation */
	assert_int_equal(benefit_calc_saved_time(0, 650, &c), BE_OK);
	NEAR(c.yearly, 0);
	c = untouched;
	assert_int_equal(benefit_calc_saved_time(-10, 650, &c), BE_NEGATIVE);
	assert_int_equal(benefit_calc_saved_time(10, -650, &c), BE_NEGATIVE);
	assert_int_equal(benefit_calc_saved_time(10, NAN, &c), BE_NOT_FINITE);
	assert_untouched(&c);
}

static void calc_eval_recomputes(void **state)
{
	(void)state;
	struct benefit_calc c = {.kind = BC_SAVED_TIME, .hours_saved = 10, .hourly_cost = 700, .yearly = 1};
	assert_int_equal(benefit_calc_eval(&c), BE_OK);
	NEAR(c.yearly, 7000);
	c = (struct benefit_calc){.kind = BC_RENEGOTIATED_PRICE, .price_today = 5, .price_future = 3, .volume = 2};
	assert_int_equal(benefit_calc_eval(&c), BE_OK);
	NEAR(c.yearly, 4);
	c = (struct benefit_calc){.kind = BC_AVOIDED_COST, .cost_per_task = 5, .tasks_avoided = -3, .yearly = 9};
	assert_int_equal(benefit_calc_eval(&c), BE_NEGATIVE);
	NEAR(c.yearly, 9);
	c = (struct benefit_calc){.kind = (enum benefit_calc_kind)99};
	assert_int_equal(benefit_calc_eval(&c), BE_INVALID);
	assert_int_equal(benefit_calc_eval(NULL), BE_INVALID);
}

/* ---- value realised to date ------------------------------------------------------- */

static double to_date(double yearly, const char *start, const char *end, const char *asof)
{
	double v = -1;
	enum benefit_err e = benefit_value_to_date(yearly, D(start), end ? D(end) : BENEFIT_NO_DAY, D(asof), &v);
	if (e != BE_OK)
		fail_msg("benefit_value_to_date: %s", benefit_err_str(e));
	return v;
}

static void value_to_date_before_and_at_start(void **state)
{
	(void)state;
	NEAR(to_date(365000, "2025-01-01", NULL, "2024-12-31"), 0);
	NEAR(to_date(365000, "2025-01-01", NULL, "1990-01-01"), 0);
	NEAR(to_date(365000, "2025-01-01", NULL, "2025-01-01"), 1000); /* the start day counts */
}

static void value_to_date_mid_year(void **state)
{
	(void)state;
	/* 1 January to 2 July 2025: 183 days of a 365-day year. */
	NEAR(to_date(365000, "2025-01-01", NULL, "2025-07-02"), 183000);
	NEAR(to_date(100000, "2025-01-01", NULL, "2025-12-31"), 100000);
	/* Two whole years and 182 days into a 365-day third year. */
	NEAR(to_date(100000, "2024-01-01", NULL, "2026-07-01"), 200000 + 100000 * 182.0 / 365);
	/* A loss accrues the same way. */
	NEAR(to_date(-365000, "2025-01-01", NULL, "2025-01-10"), -10000);
}

static void value_to_date_leap_year(void **state)
{
	(void)state;
	/* 2024 has 366 days: a full calendar year is exactly the yearly value. */
	NEAR(to_date(366000, "2024-01-01", NULL, "2024-12-31"), 366000);
	NEAR(to_date(366000, "2024-01-01", NULL, "2024-02-29"), 60000);
	/* The year from 1 March 2023 holds 29 February 2024. */
	NEAR(to_date(366000, "2023-03-01", NULL, "2023-03-01"), 1000);
	NEAR(to_date(366000, "2023-03-01", NULL, "2024-02-29"), 366000);
	/* From 29 February the anniversary is 28 February in other years. */
	NEAR(to_date(100000, "2024-02-29", NULL, "2025-02-27"), 100000);
	NEAR(to_date(100000, "2024-02-29", NULL, "2028-02-28"), 400000);
}

static void value_to_date_after_end(void **state)
{
	(void)state;
	/* Ends 30 June 2024: 182 of 366 days, whatever the date asked. */
	double half = 366000 * 182.0 / 366;
	NEAR(to_date(366000, "2024-01-01", "2024-06-30", "2030-01-01"), half);
	NEAR(to_date(366000, "2024-01-01", "2024-06-30", "2024-06-30"), half);
	NEAR(to_date(366000, "2024-01-01", "2024-06-30", "2024-01-31"), 31000);
	NEAR(to_date(366000, "2024-01-01", "2024-01-01", "2024-12-31"), 1000); /* one day */
	NEAR(to_date(366000, "2024-01-01", "2024-06-30", "2023-06-30"), 0);
}

static void value_to_date_rejects(void **state)
{
	(void)state;
	double v = 7;
	assert_int_equal(benefit_value_to_date(1000, D("2024-06-01"), D("2024-05-31"), D("2025-01-01"), &v),
			 BE_END_BEFORE_START);
	assert_int_equal(benefit_value_to_date(NAN, D("2024-06-01"), BENEFIT_NO_DAY, D("2025-01-01"), &v),
			 BE_NOT_FINITE);
	assert_int_equal(benefit_value_to_date(1000, LONG_MAX, BENEFIT_NO_DAY, D("2025-01-01"), &v), BE_RANGE);
	assert_int_equal(benefit_value_to_date(1000, D("2024-06-01"), BENEFIT_NO_DAY, LONG_MIN + 1, &v), BE_RANGE);
	assert_true(v == 7);
}

/* ---- indicators ------------------------------------------------------------------------ */

/* Higher is better: 40 % on 2026-01-01 to 80 % on 2027-01-01 (365 days), monthly. */
static struct benefit_indicator higher(const struct benefit_measurement *m, size_t nm)
{
	struct benefit_indicator ind = {
	    .direction = BD_HIGHER_IS_BETTER,
	    .freq = BF_MONTHLY,
	    .unit = "%",
	    .has_baseline = true,
	    .baseline = {D("2026-01-01"), 40},
	    .has_target = true,
	    .target = {D("2027-01-01"), 80},
	    .m = m,
	    .nm = nm,
	};
	return ind;
}

/* Lower is better: 120 days' wait to 60 over the same year. */
static struct benefit_indicator lower(const struct benefit_measurement *m, size_t nm)
{
	struct benefit_indicator ind = higher(m, nm);
	ind.direction = BD_LOWER_IS_BETTER;
	ind.unit = "dager";
	ind.baseline.value = 120;
	ind.target.value = 60;
	return ind;
}

static double pct(const struct benefit_indicator *ind, double v)
{
	double p = -999;
	enum benefit_err e = benefit_indicator_percent(ind, v, &p);
	if (e != BE_OK)
		fail_msg("benefit_indicator_percent: %s", benefit_err_str(e));
	return p;
}

static void progress_percent_by_direction(void **state)
{
	(void)state;
	struct benefit_indicator h = higher(NULL, 0), l = lower(NULL, 0);
	NEAR(pct(&h, 40), 0);
	NEAR(pct(&h, 80), 100);
	NEAR(pct(&h, 60), 50);
	NEAR(pct(&h, 30), -25);	 /* worse than the baseline */
	NEAR(pct(&h, 100), 150); /* beyond the target */
	NEAR(pct(&l, 120), 0);
	NEAR(pct(&l, 60), 100);
	NEAR(pct(&l, 90), 50);
	NEAR(pct(&l, 150), -50);
	NEAR(pct(&l, 30), 150);
	double p = 5;
	assert_int_equal(benefit_indicator_percent(&h, NAN, &p), BE_NOT_FINITE);
	assert_true(p == 5);
}

static void progress_percent_clamped_for_display(void **state)
{
	(void)state;
	NEAR(benefit_percent_for_display(-25), 0);
	NEAR(benefit_percent_for_display(150), 100);
	NEAR(benefit_percent_for_display(42.5), 42.5);
	NEAR(benefit_percent_for_display(NAN), 0);
	NEAR(benefit_percent_for_display(INFINITY), 100);
}

/* Target equal to baseline: no scale, no division by zero; reached or not by
 * direction. */
static void progress_target_equals_baseline(void **state)
{
	(void)state;
	struct benefit_measurement m[] = {{D("2026-06-01"), 50, "%", NULL}};
	struct benefit_indicator h = higher(m, 1);
	h.target.value = h.baseline.value = 50;
	NEAR(pct(&h, 50), 100);
	NEAR(pct(&h, 51), 100);
	NEAR(pct(&h, 49), 0);
	struct benefit_progress p;
	assert_int_equal(benefit_indicator_progress(&h, D("2026-06-02"), &p), BE_OK);
	assert_int_equal(p.status, BS_REACHED);
	m[0].value = 49;
	assert_int_equal(benefit_indicator_progress(&h, D("2026-06-02"), &p), BE_OK);
	assert_int_equal(p.status, BS_BEHIND);
	assert_true(isfinite(p.percent) && isfinite(p.planned) && isfinite(p.planned_today));

	struct benefit_indicator l = lower(m, 1);
	l.target.value = l.baseline.value = 50;
	m[0].unit = "dager";
	NEAR(pct(&l, 49), 100);
	NEAR(pct(&l, 51), 0);
	assert_int_equal(benefit_indicator_progress(&l, D("2026-06-02"), &p), BE_OK);
	assert_int_equal(p.status, BS_REACHED);
	m[0].value = 51;
	assert_int_equal(benefit_indicator_progress(&l, D("2026-06-02"), &p), BE_OK);
	assert_int_equal(p.status, BS_BEHIND);
}

static void progress_planned_straight_line(void **state)
{
	(void)state;
	struct benefit_indicator h = higher(NULL, 0);
	double v;
	assert_int_equal(benefit_indicator_planned(&h, D("2025-06-01"), &v), BE_OK);
	NEAR(v, 40); /* before the baseline: the baseline */
	assert_int_equal(benefit_indicator_planned(&h, D("2026-01-01"), &v), BE_OK);
	NEAR(v, 40);
	assert_int_equal(benefit_indicator_planned(&h, D("2026-07-02"), &v), BE_OK);
	NEAR(v, 40 + 40 * 182.0 / 365);
	assert_int_equal(benefit_indicator_planned(&h, D("2027-01-01"), &v), BE_OK);
	NEAR(v, 80);
	assert_int_equal(benefit_indicator_planned(&h, D("2030-01-01"), &v), BE_OK);
	NEAR(v, 80); /* after the target date: the target */
}

/* Intermediate targets bend the line; they may come in any order. */
static void progress_planned_through_milestones(void **state)
{
	(void)state;
	const struct benefit_point ms[] = {{D("2026-10-01"), 70}, {D("2026-04-01"), 45}};
	struct benefit_indicator h = higher(NULL, 0);
	h.milestones = ms;
	h.nmilestones = 2;
	assert_int_equal(benefit_indicator_check(&h), BE_OK);
	double v;
	assert_int_equal(benefit_indicator_planned(&h, D("2026-04-01"), &v), BE_OK);
	NEAR(v, 45);
	assert_int_equal(benefit_indicator_planned(&h, D("2026-10-01"), &v), BE_OK);
	NEAR(v, 70);
	/* 2026-02-15 is 45 of the 90 days from the baseline to 1 April. */
	assert_int_equal(benefit_indicator_planned(&h, D("2026-02-15"), &v), BE_OK);
	NEAR(v, 40 + 5 * 45.0 / 90);
	/* Between the two intermediate targets (183 days apart). */
	assert_int_equal(benefit_indicator_planned(&h, D("2026-07-01"), &v), BE_OK);
	NEAR(v, 45 + 25 * 91.0 / 183);
	/* After the last one, towards the target (92 days). */
	assert_int_equal(benefit_indicator_planned(&h, D("2026-11-16"), &v), BE_OK);
	NEAR(v, 70 + 10 * 46.0 / 92);
}

static enum benefit_status status_on(struct benefit_indicator *ind, const char *today)
{
	struct benefit_progress p;
	enum benefit_err e = benefit_indicator_progress(ind, D(today), &p);
	if (e != BE_OK)
		fail_msg("benefit_indicator_progress: %s", benefit_err_str(e));
	return p.status;
}

static void progress_status_by_the_line(void **state)
{
	(void)state;
	/* On 2026-07-02 the plan is 59,95 (49,9 % of the way). */
	struct benefit_measurement m[] = {{D("2026-07-02"), 60, "%", "midt i året"}};
	struct benefit_indicator h = higher(m, 1);
	assert_int_equal(status_on(&h, "2026-07-10"), BS_ON_TRACK);
	m[0].value = 58.5; /* 46,25 %: within 5 points */
	assert_int_equal(status_on(&h, "2026-07-10"), BS_ON_TRACK);
	m[0].value = 57; /* 42,5 % */
	assert_int_equal(status_on(&h, "2026-07-10"), BS_BEHIND);
	m[0].value = 50;
	assert_int_equal(status_on(&h, "2026-07-10"), BS_BEHIND);
	m[0].value = 70;
	assert_int_equal(status_on(&h, "2026-07-10"), BS_AHEAD);
	m[0].value = 80;
	assert_int_equal(status_on(&h, "2026-07-10"), BS_REACHED); /* before the target date */
	m[0].value = 95;
	assert_int_equal(status_on(&h, "2026-07-10"), BS_REACHED);

	struct benefit_measurement lm[] = {{D("2026-07-02"), 90, "dager", NULL}};
	struct benefit_indicator l = lower(lm, 1);
	assert_int_equal(status_on(&l, "2026-07-10"), BS_ON_TRACK);
	lm[0].value = 100;
	assert_int_equal(status_on(&l, "2026-07-10"), BS_BEHIND);
	lm[0].value = 75;
	assert_int_equal(status_on(&l, "2026-07-10"), BS_AHEAD);
	lm[0].value = 59;
	assert_int_equal(status_on(&l, "2026-07-10"), BS_REACHED);
}

/* The status compares the latest measurement with the plan on its own day;
 * today's plan is reported beside it. */
static void progress_status_uses_latest_measurement(void **state)
{
	(void)state;
	struct benefit_measurement m[] = {
	    {D("2026-03-01"), 30, "%", NULL}, /* older, and behind */
	    {D("2026-02-01"), 43.4, "%", NULL},
	    {D("2026-02-01"), 43.5, "%", NULL}, /* the same day: the later one counts */
	};
	/* Put the newest first to show order does not matter. */
	struct benefit_measurement ordered[] = {m[1], m[2], m[0]};
	struct benefit_indicator h = higher(ordered, 3);
	struct benefit_progress p;
	assert_int_equal(benefit_indicator_progress(&h, D("2026-12-01"), &p), BE_OK);
	assert_true(p.has_latest);
	assert_int_equal(p.latest, 2);
	assert_int_equal(p.status, BS_BEHIND);
	ordered[2].day = D("2026-01-20");
	assert_int_equal(benefit_indicator_progress(&h, D("2026-12-01"), &p), BE_OK);
	assert_int_equal(p.latest, 1);
	NEAR(p.percent, (43.5 - 40) / 40 * 100);
	NEAR(p.planned, 40 + 40 * 31.0 / 365);
	assert_int_equal(p.status, BS_ON_TRACK); /* on track on 1 February ... */
	assert_true(p.has_planned_today);
	NEAR(p.planned_today, 40 + 40 * 334.0 / 365); /* ... far from today's plan */
	assert_true(p.overdue);			      /* and the next value is long overdue */
	assert_int_equal(p.next_due, D("2026-03-01"));
	assert_int_equal(p.n_used, 3);
}

static void progress_no_measurements(void **state)
{
	(void)state;
	struct benefit_indicator h = higher(NULL, 0);
	struct benefit_progress p;
	assert_int_equal(benefit_indicator_progress(&h, D("2026-01-15"), &p), BE_OK);
	assert_int_equal(p.status, BS_NO_DATA);
	assert_false(p.has_latest);
	assert_int_equal(p.n_used, 0);
	assert_true(p.has_planned_today);
	NEAR(p.planned_today, 40 + 40 * 14.0 / 365);
	assert_int_equal(p.next_due, D("2026-02-01")); /* a month after the baseline */
	assert_false(p.overdue);
}

/* Measurements before the baseline are history: kept for display, not used
 * for progress, and do not move the due date before the baseline's. */
static void progress_measurements_before_baseline(void **state)
{
	(void)state;
	struct benefit_measurement m[] = {
	    {D("2025-06-01"), 35, "%", "før nullpunktet"},
	    {D("2025-12-31"), 99, "%", NULL},
	};
	struct benefit_indicator h = higher(m, 2);
	struct benefit_progress p;
	assert_int_equal(benefit_indicator_progress(&h, D("2026-01-20"), &p), BE_OK);
	assert_int_equal(p.status, BS_NO_DATA);
	assert_int_equal(p.n_before_baseline, 2);
	assert_int_equal(benefit_measurement_use(&h, 0, D("2026-01-20")), BU_BEFORE_BASELINE);
	assert_int_equal(p.next_due, D("2026-02-01"));
	/* On the baseline day itself a measurement counts. */
	m[1].day = D("2026-01-01");
	assert_int_equal(benefit_indicator_progress(&h, D("2026-01-20"), &p), BE_OK);
	assert_int_equal(p.n_used, 1);
	assert_int_equal(p.status, BS_REACHED);
}

/* After a change of unit, measurements in the old unit are not comparable:
 * skipped for progress and reported, but they were taken (due date). */
static void progress_unit_change(void **state)
{
	(void)state;
	struct benefit_measurement m[] = {
	    {D("2026-03-01"), 55, "%", NULL},
	    {D("2026-05-01"), 300, "timer", "før enhetsendringen"},
	    {D("2026-04-01"), 50, NULL, NULL}, /* NULL unit is "" */
	};
	struct benefit_indicator h = higher(m, 3);
	struct benefit_progress p;
	assert_int_equal(benefit_indicator_progress(&h, D("2026-05-10"), &p), BE_OK);
	assert_int_equal(p.n_used, 1);
	assert_int_equal(p.n_other_unit, 2);
	assert_int_equal(p.latest, 0);
	assert_int_equal(benefit_measurement_use(&h, 1, D("2026-05-10")), BU_OTHER_UNIT);
	assert_int_equal(p.next_due, D("2026-06-01"));
	h.unit = NULL; /* now "" matches the NULL unit */
	assert_int_equal(benefit_measurement_use(&h, 2, D("2026-05-10")), BU_USED);
}

static void progress_future_and_bad_measurements(void **state)
{
	(void)state;
	struct benefit_measurement m[] = {
	    {D("2026-03-01"), 55, "%", NULL},
	    {D("2026-09-01"), 70, "%", "feil dato?"},
	    {D("2026-04-01"), NAN, "%", NULL},
	};
	struct benefit_indicator h = higher(m, 3);
	struct benefit_progress p;
	assert_int_equal(benefit_indicator_progress(&h, D("2026-05-10"), &p), BE_OK);
	assert_int_equal(p.n_used, 1);
	assert_int_equal(p.n_after_today, 1);
	assert_int_equal(p.n_not_finite, 1);
	assert_int_equal(p.latest, 0);
	assert_int_equal(benefit_measurement_use(&h, 1, D("2026-05-10")), BU_AFTER_TODAY);
	assert_int_equal(benefit_measurement_use(&h, 2, D("2026-05-10")), BU_NOT_FINITE);
	assert_int_equal(benefit_measurement_use(&h, 3, D("2026-05-10")), BU_NOT_FINITE); /* no such index */
}

static void progress_target_date_not_after_baseline(void **state)
{
	(void)state;
	struct benefit_indicator h = higher(NULL, 0);
	h.target.day = D("2025-12-31");
	assert_int_equal(benefit_indicator_check(&h), BE_TARGET_DATE);
	struct benefit_progress p;
	assert_int_equal(benefit_indicator_progress(&h, D("2026-03-01"), &p), BE_TARGET_DATE);
	assert_int_equal(p.err, BE_TARGET_DATE);
	assert_int_equal(p.status, BS_INVALID);
	assert_int_equal(p.next_due, D("2026-02-01")); /* the schedule is still known */
	assert_true(p.overdue);
	double v;
	assert_int_equal(benefit_indicator_percent(&h, 50, &v), BE_TARGET_DATE);
	assert_int_equal(benefit_indicator_planned(&h, D("2026-03-01"), &v), BE_TARGET_DATE);
	h.target.day = h.baseline.day; /* the same day: no line either */
	assert_int_equal(benefit_indicator_check(&h), BE_TARGET_DATE);
}

static void progress_missing_target(void **state)
{
	(void)state;
	struct benefit_measurement m[] = {{D("2026-02-10"), 55, "%", NULL}};
	struct benefit_indicator h = higher(m, 1);
	h.has_target = false;
	assert_int_equal(benefit_indicator_check(&h), BE_OK);
	struct benefit_progress p;
	assert_int_equal(benefit_indicator_progress(&h, D("2026-03-01"), &p), BE_OK);
	assert_int_equal(p.status, BS_NO_TARGET);
	assert_true(p.has_latest);
	assert_int_equal(p.latest, 0);
	assert_false(p.has_planned_today);
	assert_int_equal(p.next_due, D("2026-03-10"));
	assert_false(p.overdue);
	double v;
	assert_int_equal(benefit_indicator_percent(&h, 50, &v), BE_NO_TARGET);
	assert_int_equal(benefit_indicator_planned(&h, D("2026-03-01"), &v), BE_NO_TARGET);
}

/* No baseline yet: nothing to count progress from, but the measurements are
 * counted and the next one is due a period after the latest. */
static void progress_missing_baseline(void **state)
{
	(void)state;
	struct benefit_measurement m[] = {{D("2025-06-01"), 55, "%", NULL}, {D("2025-05-01"), 50, "%", NULL}};
	struct benefit_indicator h = higher(m, 2);
	h.has_baseline = false;
	assert_int_equal(benefit_indicator_check(&h), BE_OK);
	struct benefit_progress p;
	assert_int_equal(benefit_indicator_progress(&h, D("2025-07-10"), &p), BE_OK);
	assert_int_equal(p.status, BS_NO_BASELINE);
	assert_int_equal(p.n_used, 2); /* none is "before the baseline" */
	assert_true(p.has_latest);
	assert_int_equal(p.latest, 0);
	assert_false(p.has_planned_today);
	assert_int_equal(p.next_due, D("2025-07-01"));
	assert_true(p.overdue);
	double v;
	assert_int_equal(benefit_indicator_percent(&h, 50, &v), BE_NO_BASELINE);
	assert_int_equal(benefit_indicator_planned(&h, D("2025-07-10"), &v), BE_NO_BASELINE);
	h.has_target = false; /* neither: the baseline is asked for first */
	assert_int_equal(benefit_indicator_progress(&h, D("2025-07-10"), &p), BE_OK);
	assert_int_equal(p.status, BS_NO_BASELINE);
	h.nm = 0; /* and nothing measured: nothing is due */
	assert_int_equal(benefit_indicator_progress(&h, D("2025-07-10"), &p), BE_OK);
	assert_int_equal(p.next_due, BENEFIT_NO_DAY);
	assert_false(p.overdue);
	/* The target alone is still checked where it can be. */
	h.has_target = true;
	h.target.value = NAN;
	assert_int_equal(benefit_indicator_check(&h), BE_NOT_FINITE);
	h.target.value = 80;
	struct benefit_point ms[] = {{D("2027-06-01"), 60}};
	h.milestones = ms;
	h.nmilestones = 1;
	assert_int_equal(benefit_indicator_check(&h), BE_MILESTONE);
}

static void progress_inconsistent_indicators(void **state)
{
	(void)state;
	struct benefit_indicator h = higher(NULL, 0);
	h.target.value = 30; /* higher is better, but the target is lower */
	assert_int_equal(benefit_indicator_check(&h), BE_DIRECTION);
	struct benefit_indicator l = lower(NULL, 0);
	l.target.value = 130;
	assert_int_equal(benefit_indicator_check(&l), BE_DIRECTION);

	struct benefit_point ms[] = {{D("2027-02-01"), 60}};
	h = higher(NULL, 0);
	h.milestones = ms;
	h.nmilestones = 1;
	assert_int_equal(benefit_indicator_check(&h), BE_MILESTONE); /* after the target */
	ms[0].day = h.baseline.day;
	assert_int_equal(benefit_indicator_check(&h), BE_MILESTONE); /* on the baseline */
	struct benefit_point two[] = {{D("2026-05-01"), 50}, {D("2026-05-01"), 55}};
	h.milestones = two;
	h.nmilestones = 2;
	assert_int_equal(benefit_indicator_check(&h), BE_MILESTONE); /* two on one day */

	h = higher(NULL, 0);
	h.direction = (enum benefit_direction)7;
	assert_int_equal(benefit_indicator_check(&h), BE_INVALID);
	h = higher(NULL, 0);
	h.freq = (enum benefit_freq)7;
	assert_int_equal(benefit_indicator_check(&h), BE_INVALID);
	h = higher(NULL, 0);
	h.baseline.value = NAN;
	assert_int_equal(benefit_indicator_check(&h), BE_NOT_FINITE);
	struct benefit_progress p;
	assert_int_equal(benefit_indicator_progress(&h, D("2026-03-01"), &p), BE_NOT_FINITE);
	assert_int_equal(p.status, BS_INVALID);
	assert_int_equal(benefit_indicator_check(NULL), BE_INVALID);
}

#define DUE(freq, from, want)                                                                                          \
	do {                                                                                                           \
		long due_ = 0;                                                                                         \
		assert_int_equal(benefit_next_due((freq), D(from), &due_), BE_OK);                                     \
		assert_int_equal(due_, D(want));                                                                       \
	} while (0)

static void next_due_by_frequency(void **state)
{
	(void)state;
	DUE(BF_WEEKLY, "2026-12-28", "2027-01-04");
	DUE(BF_WEEKLY, "2024-02-26", "2024-03-04");
	DUE(BF_MONTHLY, "2026-01-31", "2026-02-28");
	DUE(BF_MONTHLY, "2024-01-31", "2024-02-29");
	DUE(BF_MONTHLY, "2026-08-31", "2026-09-30");
	DUE(BF_MONTHLY, "2026-12-15", "2027-01-15");
	DUE(BF_QUARTERLY, "2025-11-30", "2026-02-28");
	DUE(BF_QUARTERLY, "2026-01-31", "2026-04-30");
	DUE(BF_YEARLY, "2024-02-29", "2025-02-28");
	DUE(BF_YEARLY, "2026-06-30", "2027-06-30");
	long due = 3;
	assert_int_equal(benefit_next_due((enum benefit_freq)9, D("2026-01-01"), &due), BE_INVALID);
	assert_int_equal(benefit_next_due(BF_MONTHLY, LONG_MIN, &due), BE_RANGE);
	assert_int_equal(due, 3);
}

/* Due one period after the latest measurement; overdue only after that day. */
static void next_due_and_overdue(void **state)
{
	(void)state;
	struct benefit_measurement m[] = {
	    {D("2026-01-31"), 50, "%", NULL},
	    {D("2025-12-01"), 50, "%", NULL},
	};
	struct benefit_indicator h = higher(m, 2);
	struct benefit_progress p;
	assert_int_equal(benefit_indicator_progress(&h, D("2026-02-28"), &p), BE_OK);
	assert_int_equal(p.next_due, D("2026-02-28"));
	assert_false(p.overdue); /* due today is not overdue */
	assert_int_equal(benefit_indicator_progress(&h, D("2026-03-01"), &p), BE_OK);
	assert_true(p.overdue);
	h.freq = BF_QUARTERLY;
	assert_int_equal(benefit_indicator_progress(&h, D("2026-03-01"), &p), BE_OK);
	assert_int_equal(p.next_due, D("2026-04-30"));
	assert_false(p.overdue);
	h.freq = BF_WEEKLY;
	assert_int_equal(benefit_indicator_progress(&h, D("2026-02-08"), &p), BE_OK);
	assert_int_equal(p.next_due, D("2026-02-07"));
	assert_true(p.overdue);
	h.freq = BF_YEARLY;
	h.baseline.day = D("2024-02-29");
	h.nm = 0;
	assert_int_equal(benefit_indicator_progress(&h, D("2025-03-01"), &p), BE_OK);
	assert_int_equal(p.next_due, D("2025-02-28"));
	assert_true(p.overdue);
}

/* ---- import ---------------------------------------------------------------------------- */

/* Parse text (NUL-terminated) and require the whole import to succeed. */
static void import_ok(const char *text, const char *unit, struct benefit_import *imp)
{
	enum benefit_import_err e = benefit_import_parse(text, strlen(text), unit, imp);
	if (e != BI_OK)
		fail_msg("import failed: %s (line %ld, col %d)", benefit_import_err_str(e), imp->err_line,
			 imp->err_col);
}

/* Row i must be OK with this day, value and comment. */
static void row_ok(const struct benefit_import *imp, size_t i, const char *date, double value, const char *comment)
{
	assert_true(i < imp->nrows);
	const struct benefit_row *r = &imp->rows[i];
	if (r->err != BR_OK)
		fail_msg("row %zu (line %ld): %s in column %d", i, r->line, benefit_row_err_str(r->err), r->col);
	assert_int_equal(r->col, 0);
	assert_true(r->has_day && r->has_value);
	assert_int_equal(r->day, D(date));
	NEAR(r->value, value);
	assert_string_equal(r->comment, comment);
}

/* Row i must have this problem in this column. */
static void row_err(const struct benefit_import *imp, size_t i, enum benefit_row_err err, int col)
{
	assert_true(i < imp->nrows);
	const struct benefit_row *r = &imp->rows[i];
	if (r->err != err || r->col != col)
		fail_msg("row %zu (line %ld): %s in column %d, expected %s in column %d", i, r->line,
			 benefit_row_err_str(r->err), r->col, benefit_row_err_str(err), col);
}

static void import_norwegian_semicolons(void **state)
{
	(void)state;
	struct benefit_import imp;
	import_ok("Dato;Verdi;Kommentar\n"
		  "22.11.2026;1 234,5;første måling\n"
		  "2026-11-29;1" NBSP "300;\n"
		  "06.12.2026;" MINUS "3,2;negativ\n"
		  "13.12.2026;12 %;prosent\n"
		  "20.12.2026;1.234,5;punktum som tusenskille\n",
		  NULL, &imp);
	assert_int_equal(imp.sep, ';');
	assert_true(imp.header);
	assert_int_equal(imp.nrows, 5);
	assert_int_equal(imp.nbad, 0);
	row_ok(&imp, 0, "2026-11-22", 1234.5, "første måling");
	assert_int_equal(imp.rows[0].line, 2);
	assert_string_equal(imp.rows[0].date_text, "22.11.2026");
	assert_string_equal(imp.rows[0].value_text, "1 234,5");
	assert_string_equal(imp.rows[0].unit, "");
	row_ok(&imp, 1, "2026-11-29", 1300, "");
	row_ok(&imp, 2, "2026-12-06", -3.2, "negativ");
	row_ok(&imp, 3, "2026-12-13", 12, "prosent");
	row_ok(&imp, 4, "2026-12-20", 1234.5, "punktum som tusenskille");
	benefit_import_free(&imp);
}

/* Pasted from a spreadsheet: tabs, no header, CRLF, international numbers. */
static void import_pasted_tabs(void **state)
{
	(void)state;
	struct benefit_import imp;
	import_ok("2026-01-05\t1234.5\tfirst\r\n"
		  "2026-01-12\t1,234.5\r\n"
		  "12.01.2026\t-7\tsame value; with a semicolon, and a comma\r\n"
		  "2026-01-26\t  0.25  \t  trimmed  \r\n",
		  NULL, &imp);
	assert_int_equal(imp.sep, '\t');
	assert_false(imp.header);
	assert_int_equal(imp.nrows, 4);
	row_ok(&imp, 0, "2026-01-05", 1234.5, "first");
	row_ok(&imp, 1, "2026-01-12", 1234.5, "");
	/* 12.01.2026 is 12 January: a duplicate of row 1. */
	row_err(&imp, 2, BR_DUPLICATE_DATE, 1);
	assert_int_equal(imp.rows[2].dup_line, 2);
	assert_string_equal(imp.rows[2].comment, "same value; with a semicolon, and a comma");
	row_ok(&imp, 3, "2026-01-26", 0.25, "trimmed");
	assert_int_equal(imp.nbad, 1);
	benefit_import_free(&imp);
}

static void import_comma_csv_with_quotes(void **state)
{
	(void)state;
	struct benefit_import imp;
	import_ok("date,value,comment\n"
		  "2026-02-01,\"1,234.5\",\"a, b and \"\"c\"\"\"\n"
		  "2026-02-02, \"7\" ,\"two\nlines\"\n"
		  "2026-02-03,8,\"crlf\r\ninside\"\n"
		  "2026-02-04,9,24\" screen\n",
		  NULL, &imp);
	assert_int_equal(imp.sep, ',');
	assert_true(imp.header);
	row_ok(&imp, 0, "2026-02-01", 1234.5, "a, b and \"c\"");
	row_ok(&imp, 1, "2026-02-02", 7, "two\nlines");
	assert_int_equal(imp.rows[1].line, 3);
	row_ok(&imp, 2, "2026-02-03", 8, "crlf\r\ninside");
	assert_int_equal(imp.rows[2].line, 5);
	row_ok(&imp, 3, "2026-02-04", 9, "24\" screen"); /* a quote inside an unquoted field is a character */
	assert_int_equal(imp.rows[3].line, 7);
	benefit_import_free(&imp);
}

/* Header in any order and case, with a unit column; a BOM; CR-only lines. */
static void import_header_forms(void **state)
{
	(void)state;
	struct benefit_import imp;
	import_ok(BOM "Enhet;VERDI;kommentar;Dato\r"
		      "kr;10;a;2026-03-01\r"
		      ";11;b;2026-03-02\r",
		  "kr", &imp);
	assert_true(imp.header);
	assert_int_equal(imp.nrows, 2);
	row_ok(&imp, 0, "2026-03-01", 10, "a");
	assert_string_equal(imp.rows[0].unit, "kr");
	assert_int_equal(imp.rows[0].line, 2);
	row_ok(&imp, 1, "2026-03-02", 11, "b");
	assert_string_equal(imp.rows[1].unit, "");
	assert_int_equal(imp.rows[1].line, 3);
	benefit_import_free(&imp);

	import_ok("date;value\n2026-03-01;5\n", NULL, &imp);
	assert_true(imp.header);
	row_ok(&imp, 0, "2026-03-01", 5, "");
	benefit_import_free(&imp);

	/* Without a header the first row is data. */
	import_ok("2026-03-01;5;x\n", NULL, &imp);
	assert_false(imp.header);
	assert_int_equal(imp.nrows, 1);
	benefit_import_free(&imp);
}

/* Empty lines and rows of empty fields are skipped, and lines still count. */
static void import_blank_rows_and_lines(void **state)
{
	(void)state;
	struct benefit_import imp;
	import_ok("\n\ndato;verdi;kommentar\n;;\n\n2026-04-01;1;\"x\n\ny\"\n;;\n   \n2026-04-02;2;;;;\n", NULL, &imp);
	assert_int_equal(imp.nrows, 2);
	row_ok(&imp, 0, "2026-04-01", 1, "x\n\ny");
	assert_int_equal(imp.rows[0].line, 6);
	row_ok(&imp, 1, "2026-04-02", 2, ""); /* trailing empty fields are fine */
	assert_int_equal(imp.rows[1].line, 11);
	benefit_import_free(&imp);
}

static void import_separator_detection(void **state)
{
	(void)state;
	struct benefit_import imp;
	/* ';' appears in a comment but ',' reads as date and number. */
	import_ok("2026-01-01,5,ok; good\n2026-01-02,6,fine\n", NULL, &imp);
	assert_int_equal(imp.sep, ',');
	row_ok(&imp, 0, "2026-01-01", 5, "ok; good");
	benefit_import_free(&imp);
	/* ',' is more frequent, but only ';' reads well. */
	import_ok("2026-01-01;1,5;a, b, c, d\n", NULL, &imp);
	assert_int_equal(imp.sep, ';');
	row_ok(&imp, 0, "2026-01-01", 1.5, "a, b, c, d");
	benefit_import_free(&imp);
	/* The limit of any reader: an unquoted decimal comma in a comma file. */
	import_ok("2026-01-01,1,5\n", NULL, &imp);
	assert_int_equal(imp.sep, ',');
	row_ok(&imp, 0, "2026-01-01", 1, "5");
	benefit_import_free(&imp);
	/* Nothing reads: the most frequent candidate on the first line. */
	assert_int_equal(benefit_import_parse("x,y,z;w\n", 8, NULL, &imp), BI_OK);
	assert_int_equal(imp.sep, ',');
	row_err(&imp, 0, BR_BAD_DATE, 1);
	benefit_import_free(&imp);
}

/* An apostrophe the export put before = + - @ is removed; others stay. */
static void import_formula_guard(void **state)
{
	(void)state;
	struct benefit_import imp;
	import_ok("dato;verdi;kommentar;enhet\n"
		  "2026-01-01;1;'=SUM(A1);'-\n"
		  "2026-01-02;2;'hei;kr\n"
		  "2026-01-03;3;'';'\n"
		  "2026-01-04;4;\"'\t\";\n",
		  NULL, &imp);
	row_ok(&imp, 0, "2026-01-01", 1, "=SUM(A1)");
	assert_string_equal(imp.rows[0].unit, "-");
	row_ok(&imp, 1, "2026-01-02", 2, "'hei");
	row_ok(&imp, 2, "2026-01-03", 3, "'");
	assert_string_equal(imp.rows[2].unit, "'");
	row_ok(&imp, 3, "2026-01-04", 4, "\t");
	benefit_import_free(&imp);
}

static void import_row_errors(void **state)
{
	(void)state;
	struct benefit_import imp;
	char longc[1200], okc[1100], longu[200];
	memset(longc, 'a', 1001);
	longc[1001] = '\0';
	memset(okc, 'b', 1000);
	okc[1000] = '\0';
	memset(longu, 'u', 101);
	longu[101] = '\0';
	struct buf in = {0};
	buf_printf(&in,
		   "dato;verdi;kommentar;enhet\n"
		   "31.02.2026;1;;\n"	    /* line 2: bad date */
		   ";1;;\n"		    /* 3: missing date */
		   "2026-05-01;;;\n"	    /* 4: missing value */
		   "2026-05-02;12abc;;\n"   /* 5: bad number */
		   "2026-05-03;1.500;;\n"   /* 6: ambiguous number */
		   "2026-05-04;1;%s;\n"	    /* 7: comment too long */
		   "2026-05-05;1;%s;\n"	    /* 8: 1000 bytes is fine */
		   "2026-05-06;1;;%s\n"	    /* 9: unit too long */
		   "2026-05-07;1;;timer\n"  /* 10: another unit */
		   "2026-05-08;1;a\x01z;\n" /* 11: control character */
		   "2026-05-09;1;;;x\n"	    /* 12: too many columns */
		   "2026-05-10;1;\"a\"b;\n" /* 13: text after a closing quote */
		   "2026-05-01;2;;\n"	    /* 14: same date as line 4 */
		   "2026-05-11;x;\"open\n", /* 15: never closed */
		   longc, okc, longu);
	assert_int_equal(benefit_import_parse(in.data, in.len, "kr", &imp), BI_OK);
	assert_int_equal(imp.nrows, 14);
	row_err(&imp, 0, BR_BAD_DATE, 1);
	assert_false(imp.rows[0].has_day);
	assert_true(imp.rows[0].has_value);
	assert_string_equal(imp.rows[0].date_text, "31.02.2026");
	row_err(&imp, 1, BR_MISSING_DATE, 1);
	row_err(&imp, 2, BR_MISSING_VALUE, 2);
	assert_true(imp.rows[2].has_day);
	row_err(&imp, 3, BR_BAD_NUMBER, 2);
	assert_string_equal(imp.rows[3].value_text, "12abc");
	row_err(&imp, 4, BR_BAD_NUMBER, 2);
	row_err(&imp, 5, BR_COMMENT_TOO_LONG, 3);
	row_ok(&imp, 6, "2026-05-05", 1, okc);
	row_err(&imp, 7, BR_UNIT_TOO_LONG, 4);
	row_err(&imp, 8, BR_OTHER_UNIT, 4);
	assert_string_equal(imp.rows[8].unit, "timer");
	row_err(&imp, 9, BR_CONTROL_CHAR, 3);
	row_err(&imp, 10, BR_TOO_MANY_COLUMNS, 5);
	row_err(&imp, 11, BR_BAD_QUOTES, 3);
	row_err(&imp, 12, BR_DUPLICATE_DATE, 1);
	assert_int_equal(imp.rows[12].dup_line, 4);
	assert_int_equal(imp.rows[12].line, 14);
	row_err(&imp, 13, BR_BAD_QUOTES, 3);
	assert_int_equal(imp.rows[13].line, 15);
	assert_int_equal(imp.nbad, 13);
	benefit_import_free(&imp);
	buf_free(&in);
}

/* One problem per row: the first in the order of enum benefit_row_err. */
static void import_row_error_precedence(void **state)
{
	(void)state;
	struct benefit_import imp;
	import_ok("x;y;\"a\"b;d\n"	   /* quotes before columns before the date */
		  "2026-01-01;y;z;extra\n" /* too many columns before the number */
		  "bad;bad\n"		   /* the date before the number */
		  "2026-01-02;3;\x01\n",   /* the control character */
		  NULL, &imp);
	row_err(&imp, 0, BR_BAD_QUOTES, 3);
	row_err(&imp, 1, BR_TOO_MANY_COLUMNS, 4);
	row_err(&imp, 2, BR_BAD_DATE, 1);
	row_err(&imp, 3, BR_CONTROL_CHAR, 3);
	/* Without a unit column no unit is compared, and no header means no unit column. */
	benefit_import_free(&imp);
	import_ok("2026-01-01;1;x;kr\n", "kr", &imp);
	row_err(&imp, 0, BR_TOO_MANY_COLUMNS, 4);
	benefit_import_free(&imp);
}

static void import_whole_input_errors(void **state)
{
	(void)state;
	struct benefit_import imp;
	assert_int_equal(benefit_import_parse("", 0, NULL, &imp), BI_EMPTY);
	assert_null(imp.rows);
	benefit_import_free(&imp);
	assert_int_equal(benefit_import_parse(NULL, 0, NULL, &imp), BI_EMPTY);
	benefit_import_free(&imp);
	assert_int_equal(benefit_import_parse("\n\r\n;;\n", 6, NULL, &imp), BI_EMPTY);
	benefit_import_free(&imp);
	assert_int_equal(benefit_import_parse("dato;verdi\n", 11, NULL, &imp), BI_EMPTY);
	assert_true(imp.header);
	benefit_import_free(&imp);

	const char nul[] = "2026-01-01;1\n2026-01-02;\0\n";
	assert_int_equal(benefit_import_parse(nul, sizeof nul - 1, NULL, &imp), BI_NUL);
	assert_int_equal(imp.err_line, 2);
	assert_int_equal(imp.nrows, 0);
	benefit_import_free(&imp);

	const char *latin1 = "2026-01-01;1;ok\r\n2026-01-02;2;ok\r2026-01-03;3;bl\xe5\n";
	assert_int_equal(benefit_import_parse(latin1, strlen(latin1), NULL, &imp), BI_NOT_UTF8);
	assert_int_equal(imp.err_line, 3);
	benefit_import_free(&imp);

	char *big = xmalloc(BENEFIT_IMPORT_MAX_BYTES + 1);
	memset(big, '\n', BENEFIT_IMPORT_MAX_BYTES + 1);
	assert_int_equal(benefit_import_parse(big, BENEFIT_IMPORT_MAX_BYTES + 1, NULL, &imp), BI_TOO_BIG);
	benefit_import_free(&imp);
	assert_int_equal(benefit_import_parse(big, BENEFIT_IMPORT_MAX_BYTES, NULL, &imp), BI_EMPTY);
	benefit_import_free(&imp);
	free(big);

	assert_int_equal(benefit_import_parse("dato;verdi;notat\n2026-01-01;1;x\n", 32, NULL, &imp), BI_BAD_HEADER);
	assert_int_equal(imp.err_col, 3);
	assert_int_equal(imp.err_line, 1);
	benefit_import_free(&imp);
	assert_int_equal(benefit_import_parse("dato;date;verdi\n", 16, NULL, &imp), BI_BAD_HEADER);
	assert_int_equal(imp.err_col, 2);
	benefit_import_free(&imp);
	assert_int_equal(benefit_import_parse("dato;\"verdi\n", 12, NULL, &imp), BI_BAD_HEADER);
	assert_int_equal(imp.err_col, 2); /* broken quotes */
	benefit_import_free(&imp);
	assert_int_equal(benefit_import_parse("dato;kommentar\n2026-01-01;x\n", 28, NULL, &imp), BI_HEADER_MISSING);
	benefit_import_free(&imp);
	assert_int_equal(benefit_import_parse("verdi\n5\n", 8, NULL, &imp), BI_HEADER_MISSING);
	benefit_import_free(&imp);
}

/* Row limit: 5 000 data rows are fine, 5 001 refuse the whole input. */
static void import_row_limit(void **state)
{
	(void)state;
	struct buf in = {0};
	struct benefit_import imp;
	buf_puts(&in, "dato;verdi\n");
	long day = D("2000-01-01");
	for (int i = 0; i < BENEFIT_IMPORT_MAX_ROWS; i++) {
		char iso[BENEFIT_ISO_LEN];
		assert_true(benefit_day_format(day + i, iso));
		buf_printf(&in, "%s;%d\n", iso, i);
	}
	assert_int_equal(benefit_import_parse(in.data, in.len, NULL, &imp), BI_OK);
	assert_int_equal(imp.nrows, BENEFIT_IMPORT_MAX_ROWS);
	assert_int_equal(imp.nbad, 0);
	benefit_import_free(&imp);
	buf_puts(&in, "\n2020-01-01;1\n");
	assert_int_equal(benefit_import_parse(in.data, in.len, NULL, &imp), BI_TOO_MANY_ROWS);
	assert_int_equal(imp.err_line, BENEFIT_IMPORT_MAX_ROWS + 3);
	assert_null(imp.rows);
	assert_int_equal(imp.nrows, 0);
	benefit_import_free(&imp);
	buf_free(&in);
}

/* ---- export and the round trip ---------------------------------------------------- */

#define FMTV(v, want)                                                                                                  \
	do {                                                                                                           \
		char out_[128];                                                                                        \
		assert_true(benefit_format_value((v), out_, sizeof out_));                                             \
		assert_string_equal(out_, (want));                                                                     \
	} while (0)

static void export_value_format(void **state)
{
	(void)state;
	FMTV(1234.5, "1234,5");
	FMTV(0, "0");
	FMTV(-0.0, "-0");
	FMTV(7, "7");
	FMTV(-3.2, "-3,2");
	FMTV(0.1, "0,1");
	FMTV(0.1 + 0.2, "0,30000000000000004");
	FMTV(1.234, "1,2340"); /* "1,234" would be refused as ambiguous */
	FMTV(-123.456, "-123,4560");
	FMTV(0.125, "0,125");
	FMTV(1234.567, "1234,567");
	FMTV(1e14, "100000000000000");
	FMTV(999999999999999.0, "999999999999999");
	FMTV(1e-7, "0,0000001");
	FMTV(1.0 / 3, "0,3333333333333333");
	char out[128] = "x";
	assert_false(benefit_format_value(1e15, out, sizeof out));
	assert_string_equal(out, "");
	assert_false(benefit_format_value(NAN, out, sizeof out));
	assert_false(benefit_format_value(-INFINITY, out, sizeof out));
	assert_false(benefit_format_value(1e-200, out, sizeof out)); /* 200 digits: past parse_number */
	assert_false(benefit_format_value(1234.5, out, 6));	     /* no room */
	assert_true(benefit_format_value(1234.5, out, 7));
}

static void export_exact_text(void **state)
{
	(void)state;
	const struct benefit_measurement m[] = {
	    {D("2026-11-22"), 1234.5, "%", "første; \"beste\""},
	    {D("2026-11-29"), -1.234, "%", "=1+1"},
	    {D("2026-12-06"), 12, NULL, NULL},
	    {D("2026-12-13"), 0.5, "kr", " to\nlinjer "},
	};
	struct buf out = {0};
	buf_puts(&out, "before|");
	assert_int_equal(benefit_export_csv(m, 4, false, &out, NULL), BE_OK);
	assert_string_equal(out.data, "before|" BOM "dato;verdi;kommentar;enhet\r\n"
				      "2026-11-22;1234,5;\"første; \"\"beste\"\"\";%\r\n"
				      "2026-11-29;-1,2340;'=1+1;%\r\n"
				      "2026-12-06;12;;\r\n"
				      "2026-12-13;0,5;\" to\nlinjer \";kr\r\n");
	buf_reset(&out);
	assert_int_equal(benefit_export_csv(m, 1, true, &out, NULL), BE_OK);
	assert_string_equal(out.data, BOM "date;value;comment;unit\r\n"
					  "2026-11-22;1234,5;\"første; \"\"beste\"\"\";%\r\n");
	buf_free(&out);
}

static void export_refuses(void **state)
{
	(void)state;
	struct benefit_measurement m[] = {
	    {D("2026-01-01"), 1, "%", "ok"},
	    {D("2026-01-02"), 1, "%", "ok"},
	};
	struct buf out = {0};
	size_t bad = 99;
	buf_puts(&out, "kept");
	m[1].day = D("1900-01-01") - 1; /* 1899-12-31: parse_date would refuse it back */
	assert_int_equal(benefit_export_csv(m, 2, false, &out, &bad), BE_RANGE);
	assert_int_equal(bad, 1);
	m[1].day = D("2026-01-02");
	m[1].value = NAN;
	assert_int_equal(benefit_export_csv(m, 2, false, &out, &bad), BE_NOT_FINITE);
	m[1].value = 1e15;
	assert_int_equal(benefit_export_csv(m, 2, false, &out, &bad), BE_RANGE);
	m[1].value = 1;
	m[0].comment = "bell\a";
	assert_int_equal(benefit_export_csv(m, 2, false, &out, &bad), BE_INVALID);
	assert_int_equal(bad, 0);
	m[0].comment = "\xff";
	assert_int_equal(benefit_export_csv(m, 2, false, &out, &bad), BE_INVALID);
	char longc[1002];
	memset(longc, 'x', 1001);
	longc[1001] = '\0';
	m[0].comment = longc;
	assert_int_equal(benefit_export_csv(m, 2, false, &out, &bad), BE_INVALID);
	assert_string_equal(out.data, "kept"); /* nothing appended */
	assert_int_equal(benefit_export_csv(NULL, 1, false, &out, &bad), BE_INVALID);
	assert_int_equal(benefit_export_csv(NULL, 0, false, &out, &bad), BE_OK);
	buf_free(&out);
}

/* Export m[0..n), import the text, and require the same measurements back. */
static void round_trip(const struct benefit_measurement *m, size_t n, bool english)
{
	struct buf out = {0};
	struct benefit_import imp;
	size_t bad = 0;
	enum benefit_err e = benefit_export_csv(m, n, english, &out, &bad);
	if (e != BE_OK)
		fail_msg("export refused measurement %zu: %s", bad, benefit_err_str(e));
	assert_int_equal(benefit_import_parse(out.data, out.len, NULL, &imp), BI_OK);
	assert_int_equal(imp.sep, ';');
	assert_true(imp.header);
	assert_int_equal(imp.nrows, n);
	for (size_t i = 0; i < n; i++) {
		const struct benefit_row *r = &imp.rows[i];
		if (r->err != BR_OK)
			fail_msg("row %zu: %s in column %d", i, benefit_row_err_str(r->err), r->col);
		assert_int_equal(r->day, m[i].day);
		if (memcmp(&r->value, &m[i].value, sizeof(double)) != 0)
			fail_msg("row %zu: %.17g came back as %.17g", i, m[i].value, r->value);
		assert_string_equal(r->comment, m[i].comment ? m[i].comment : "");
		assert_string_equal(r->unit, m[i].unit ? m[i].unit : "");
	}
	benefit_import_free(&imp);
	buf_free(&out);
}

static void round_trip_tricky(void **state)
{
	(void)state;
	const char *comments[] = {
	    "",
	    "enkel",
	    "semikolon; komma, \"sitat\"",
	    "linje 1\nlinje 2",
	    "crlf\r\ninni",
	    "cr\ralene",
	    "\"",
	    "\"\"",
	    "æøå ÆØÅ – “typografisk” ☃ 😀",
	    " ledende og etterfølgende mellomrom ",
	    "   ",
	    "\ttab først",
	    "tab sist\t",
	    "=SUM(A1:A9)",
	    "+47 99 99 99 99",
	    "-minus",
	    "@cmd",
	    "'",
	    "''",
	    "'=",
	    "'hei",
	    "\r",
	    "\n",
	    "dato;verdi;kommentar",
	    "dato",
	    NBSP "nbsp" NBSP,
	    "a\"b",
	    /* Lines that read as comma-separated data must not outvote the
	     * header's ';' (found by fuzz_measure). */
	    "x\n2026-01-02,5\n2026-01-03,6\n2026-01-04,7\n2026-01-05,8",
	};
	const double values[] = {0,
				 -0.0,
				 1,
				 -1,
				 0.1,
				 1.234,
				 -1.234,
				 0.125,
				 1234.567,
				 999999999999999.0,
				 -999999999999999.0,
				 1e-7,
				 1.0 / 3,
				 0.1 + 0.2,
				 12.5,
				 123.456,
				 1e-100};
	size_t nc = sizeof comments / sizeof comments[0], nv = sizeof values / sizeof values[0];
	size_t n = nc > nv ? nc : nv;
	struct benefit_measurement *m = xcalloc(n, sizeof *m);
	for (size_t i = 0; i < n; i++) {
		m[i].day = D("2026-01-01") + (long)i;
		m[i].value = values[i % nv];
		m[i].comment = comments[i % nc];
		m[i].unit = i % 3 == 0 ? "kr" : i % 3 == 1 ? "=enhet; \"x\"" : NULL;
	}
	round_trip(m, n, false);
	round_trip(m, n, true);
	round_trip(m, 1, false);
	free(m);
}

/* xorshift64*: a fixed seed, the same numbers on every machine. */
static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

/* A value from one of several shapes: money with øre, small fractions, whole
 * numbers, arbitrary doubles (bit patterns) in range. */
static double random_value(uint64_t *s)
{
	uint64_t r = rng_next(s);
	switch (r % 5) {
	case 0:
		return (double)(int64_t)(rng_next(s) % 2000000000) / 100.0 - 1e7;
	case 1:
		return (double)(rng_next(s) % 1000000) / 1e9;
	case 2:
		return (double)(int64_t)(rng_next(s) % 999999999999999ULL) * (r & 8 ? 1 : -1);
	case 3: {
		/* Random mantissa, exponent between 2^-60 and 2^49. */
		uint64_t bits = (rng_next(s) & 0x800FFFFFFFFFFFFFULL) | ((uint64_t)(1023 - 60 + (r >> 8) % 109) << 52);
		double v;
		memcpy(&v, &bits, sizeof v);
		return v;
	}
	default: {
		char txt[64];
		double v = 0;
		snprintf(txt, sizeof txt, "%d,%0*d", (int)(rng_next(s) % 100000), 1 + (int)((r >> 8) % 9),
			 (int)(rng_next(s) % 100000000));
		if (!parse_number(txt, false, &v))
			v = 0.5;
		return v;
	}
	}
}

/* A comment of random pieces, the awkward ones included. */
static void random_comment(uint64_t *s, char *out, size_t cap)
{
	static const char *pieces[] = {"a",  "ø", "Å", ";", ",", "\"", "\"\"", "\n", "\r\n", "\r",   " ",
				       "\t", "'", "=", "+", "-", "@",  "😀",    "kr", NBSP,   "dato", "1,5"};
	size_t len = 0, n = rng_next(s) % 12;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const char *p = pieces[rng_next(s) % (sizeof pieces / sizeof pieces[0])];
		size_t pl = strlen(p);
		if (len + pl + 1 > cap)
			break;
		memcpy(out + len, p, pl + 1);
		len += pl;
	}
}

static void round_trip_random(void **state)
{
	(void)state;
	enum { N = 3000 };
	uint64_t seed = 0x5eed2026u;
	struct benefit_measurement *m = xcalloc(N, sizeof *m);
	char(*comments)[64] = xcalloc(N, sizeof *comments);
	long day = D("1900-01-01");
	for (size_t i = 0; i < N; i++) {
		day += 1 + (long)(rng_next(&seed) % 30); /* distinct days: duplicates would be flagged */
		m[i].day = day;
		m[i].value = random_value(&seed);
		random_comment(&seed, comments[i], sizeof comments[i]);
		m[i].comment = comments[i];
		m[i].unit = rng_next(&seed) % 4 ? "%" : "'=x";
	}
	round_trip(m, N, false);
	free(comments);
	free(m);
}

/* Every finite double from 10^-100 to 10^15 in magnitude is written, and
 * reads back bit for bit through parse_number. */
static void format_value_random_doubles(void **state)
{
	(void)state;
	uint64_t seed = 42;
	int written = 0;
	for (int i = 0; i < 100000; i++) {
		uint64_t bits = rng_next(&seed);
		double v, back;
		memcpy(&v, &bits, sizeof v);
		char out[128];
		bool ok = benefit_format_value(v, out, sizeof out);
		if (isfinite(v) && fabs(v) < 1e15 && (v == 0 || fabs(v) >= 1e-100) && !ok)
			fail_msg("benefit_format_value(%.17g) refused", v);
		if (!ok)
			continue;
		written++;
		assert_true(parse_number(out, false, &back));
		assert_memory_equal(&back, &v, sizeof v);
	}
	assert_true(written > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(day_known_values),
	    cmocka_unit_test(day_round_trip_every_day),
	    cmocka_unit_test(day_from_text),
	    cmocka_unit_test(day_rejects),
	    cmocka_unit_test(day_format),
	    cmocka_unit_test(day_add_months_month_ends),
	    cmocka_unit_test(calc_avoided_cost),
	    cmocka_unit_test(calc_reduced_consumption),
	    cmocka_unit_test(calc_renegotiated_price),
	    cmocka_unit_test(calc_saved_time),
	    cmocka_unit_test(calc_eval_recomputes),
	    cmocka_unit_test(value_to_date_before_and_at_start),
	    cmocka_unit_test(value_to_date_mid_year),
	    cmocka_unit_test(value_to_date_leap_year),
	    cmocka_unit_test(value_to_date_after_end),
	    cmocka_unit_test(value_to_date_rejects),
	    cmocka_unit_test(progress_percent_by_direction),
	    cmocka_unit_test(progress_percent_clamped_for_display),
	    cmocka_unit_test(progress_target_equals_baseline),
	    cmocka_unit_test(progress_planned_straight_line),
	    cmocka_unit_test(progress_planned_through_milestones),
	    cmocka_unit_test(progress_status_by_the_line),
	    cmocka_unit_test(progress_status_uses_latest_measurement),
	    cmocka_unit_test(progress_no_measurements),
	    cmocka_unit_test(progress_measurements_before_baseline),
	    cmocka_unit_test(progress_unit_change),
	    cmocka_unit_test(progress_future_and_bad_measurements),
	    cmocka_unit_test(progress_target_date_not_after_baseline),
	    cmocka_unit_test(progress_missing_target),
	    cmocka_unit_test(progress_missing_baseline),
	    cmocka_unit_test(progress_inconsistent_indicators),
	    cmocka_unit_test(next_due_by_frequency),
	    cmocka_unit_test(next_due_and_overdue),
	    cmocka_unit_test(import_norwegian_semicolons),
	    cmocka_unit_test(import_pasted_tabs),
	    cmocka_unit_test(import_comma_csv_with_quotes),
	    cmocka_unit_test(import_header_forms),
	    cmocka_unit_test(import_blank_rows_and_lines),
	    cmocka_unit_test(import_separator_detection),
	    cmocka_unit_test(import_formula_guard),
	    cmocka_unit_test(import_row_errors),
	    cmocka_unit_test(import_row_error_precedence),
	    cmocka_unit_test(import_whole_input_errors),
	    cmocka_unit_test(import_row_limit),
	    cmocka_unit_test(export_value_format),
	    cmocka_unit_test(export_exact_text),
	    cmocka_unit_test(export_refuses),
	    cmocka_unit_test(round_trip_tricky),
	    cmocka_unit_test(round_trip_random),
	    cmocka_unit_test(format_value_random_doubles),
	};
	return RUN_TESTS(tests);
}
