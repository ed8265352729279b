/* calc.c — KS's recipes for the value of a benefit, and the value realised to
 * a date; see benefit.h. Inputs are kept beside each result because KS asks
 * that every step of a benefit calculation be documented with its
 * assumptions: the page shows them, the record stores them. */
#include "benefit.h"

#include <math.h>
#include <string.h>

/* The common input rule: finite and not negative. */
static enum benefit_err check_input(double v)
{
	if (!isfinite(v))
		return BE_NOT_FINITE;
	if (v < 0)
		return BE_NEGATIVE;
	return BE_OK;
}

/* Check up to three inputs in order; the first problem wins. */
static enum benefit_err check_inputs(double a, double b, double c)
{
	enum benefit_err e = check_input(a);
	if (e == BE_OK)
		e = check_input(b);
	if (e == BE_OK)
		e = check_input(c);
	return e;
}

/* Store a result in *out if it is finite (a product of two huge inputs may
 * overflow to infinity). */
static enum benefit_err finish(struct benefit_calc *c, double yearly, struct benefit_calc *out)
{
	if (!isfinite(yearly))
		return BE_RANGE;
	c->yearly = yearly + 0.0; /* + 0.0 turns -0 (from 0 × a negative difference) into 0 */
	*out = *c;
	return BE_OK;
}

enum benefit_err benefit_calc_avoided_cost(double cost_per_task, double tasks_avoided_per_year,
					   struct benefit_calc *out)
{
	enum benefit_err e = check_inputs(cost_per_task, tasks_avoided_per_year, 0);
	if (e != BE_OK)
		return e;
	struct benefit_calc c = {
	    .kind = BC_AVOIDED_COST, .cost_per_task = cost_per_task, .tasks_avoided = tasks_avoided_per_year};
	return finish(&c, cost_per_task * tasks_avoided_per_year, out);
}

enum benefit_err benefit_calc_reduced_consumption(double before_per_year, double after_per_year, double unit_price,
						  struct benefit_calc *out)
{
	enum benefit_err e = check_inputs(before_per_year, after_per_year, unit_price);
	if (e != BE_OK)
		return e;
	struct benefit_calc c = {.kind = BC_REDUCED_CONSUMPTION,
				 .before = before_per_year,
				 .after = after_per_year,
				 .unit_price = unit_price};
	/* May be negative: consumption that went up is a loss worth showing. */
	return finish(&c, (before_per_year - after_per_year) * unit_price, out);
}

enum benefit_err benefit_calc_renegotiated_price(double price_today, double price_future, double volume_per_year,
						 struct benefit_calc *out)
{
	enum benefit_err e = check_inputs(price_today, price_future, volume_per_year);
	if (e != BE_OK)
		return e;
	struct benefit_calc c = {.kind = BC_RENEGOTIATED_PRICE,
				 .price_today = price_today,
				 .price_future = price_future,
				 .volume = volume_per_year};
	/* May be negative: a dearer agreement is a loss worth showing. */
	return finish(&c, (price_today - price_future) * volume_per_year, out);
}

enum benefit_err benefit_calc_saved_time(double hours_saved_per_year, double hourly_cost, struct benefit_calc *out)
{
	enum benefit_err e = check_inputs(hours_saved_per_year, hourly_cost, 0);
	if (e != BE_OK)
		return e;
	struct benefit_calc c = {
	    .kind = BC_SAVED_TIME, .hours_saved = hours_saved_per_year, .hourly_cost = hourly_cost};
	return finish(&c, hours_saved_per_year * hourly_cost, out);
}

enum benefit_err benefit_calc_eval(struct benefit_calc *c)
{
	if (!c)
		return BE_INVALID;
	switch (c->kind) {
	case BC_AVOIDED_COST:
		return benefit_calc_avoided_cost(c->cost_per_task, c->tasks_avoided, c);
	case BC_REDUCED_CONSUMPTION:
		return benefit_calc_reduced_consumption(c->before, c->after, c->unit_price, c);
	case BC_RENEGOTIATED_PRICE:
		return benefit_calc_renegotiated_price(c->price_today, c->price_future, c->volume, c);
	case BC_SAVED_TIME:
		return benefit_calc_saved_time(c->hours_saved, c->hourly_cost, c);
	}
	return BE_INVALID;
}

/* The anniversary of start k years later (29 February falls back to the 28th
 * in other years). */
static bool anniversary(long start, long k, long *out)
{
	if (k < 0 || k > 10000)
		return false;
	return benefit_day_add_months(start, (int)(k * 12), out);
}

enum benefit_err benefit_value_to_date(double yearly, long start, long end, long asof, double *out)
{
	int y0, y1, m, d;
	if (!isfinite(yearly))
		return BE_NOT_FINITE;
	if (!benefit_day_to_ymd(start, &y0, &m, &d) || !benefit_day_to_ymd(asof, &y1, &m, &d))
		return BE_RANGE;
	if (end != BENEFIT_NO_DAY && !benefit_day_to_ymd(end, &y1, &m, &d))
		return BE_RANGE;
	if (end != BENEFIT_NO_DAY && end < start)
		return BE_END_BEFORE_START;
	if (asof < start) {
		*out = 0;
		return BE_OK;
	}
	long last = end != BENEFIT_NO_DAY && end < asof ? end : asof;
	long stop = last + 1; /* the accrual covers the days [start, stop) */
	int ystop;
	if (!benefit_day_to_ymd(last, &ystop, &m, &d))
		return BE_RANGE;
	/* Whole years: the largest k with anniversary(k) <= stop. The calendar
	 * years between start and stop put k at most one above their count. */
	long k = (long)ystop - y0 + 1, ak = start, anext;
	while (k > 0 && (!anniversary(start, k, &ak) || ak > stop))
		k--;
	if (k == 0)
		ak = start;
	if (!anniversary(start, k + 1, &anext))
		return BE_RANGE;
	double frac = (double)(stop - ak) / (double)(anext - ak);
	*out = yearly * (double)k + yearly * frac;
	return BE_OK;
}
