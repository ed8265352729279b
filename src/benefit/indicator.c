/* indicator.c — an indicator's progress from baseline to target, its plan
 * (the straight line, bent at intermediate targets), its status and when the
 * next measurement is due; see benefit.h. Pure functions over a borrowed
 * struct: nothing is allocated or sorted, so measurements and intermediate
 * targets may come in any order and are scanned. */
#include "benefit.h"

#include <math.h>
#include <string.h>

/* A day in the years 1–9999, the range every function takes. */
static bool day_ok(long day)
{
	int y, m, d;
	return benefit_day_to_ymd(day, &y, &m, &d);
}

/* Units compare byte for byte; NULL counts as "". */
static bool same_unit(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* v is at the target or beyond it in the indicator's direction. */
static bool reached(const struct benefit_indicator *ind, double v)
{
	return ind->direction == BD_HIGHER_IS_BETTER ? v >= ind->target.value : v <= ind->target.value;
}

/* The intermediate targets: finite, strictly inside (baseline, target) (only
 * before the target without a baseline) and on distinct days. Quadratic, but
 * there are at most BENEFIT_MAX_MILESTONES. */
static enum benefit_err check_milestones(const struct benefit_indicator *ind)
{
	if (ind->nmilestones > BENEFIT_MAX_MILESTONES || (ind->nmilestones && !ind->milestones))
		return BE_INVALID;
	for (size_t i = 0; i < ind->nmilestones; i++) {
		const struct benefit_point *p = &ind->milestones[i];
		if (!isfinite(p->value))
			return BE_NOT_FINITE;
		if ((ind->has_baseline && p->day <= ind->baseline.day) || p->day >= ind->target.day)
			return BE_MILESTONE;
		for (size_t j = 0; j < i; j++)
			if (ind->milestones[j].day == p->day)
				return BE_MILESTONE;
	}
	return BE_OK;
}

/* What reading the measurements and the schedule need: the arrays, known
 * direction and frequency, and a baseline, if there is one, that is finite
 * and on a day in range. */
static enum benefit_err check_base(const struct benefit_indicator *ind)
{
	if (!ind || (ind->nm && !ind->m))
		return BE_INVALID;
	if (ind->direction != BD_HIGHER_IS_BETTER && ind->direction != BD_LOWER_IS_BETTER)
		return BE_INVALID;
	if (ind->freq != BF_WEEKLY && ind->freq != BF_MONTHLY && ind->freq != BF_QUARTERLY && ind->freq != BF_YEARLY)
		return BE_INVALID;
	if (!ind->has_baseline)
		return BE_OK;
	if (!isfinite(ind->baseline.value))
		return BE_NOT_FINITE;
	if (!day_ok(ind->baseline.day))
		return BE_RANGE;
	return BE_OK;
}

/* The target of an indicator that has one, against its baseline when that is
 * set too. */
static enum benefit_err check_target(const struct benefit_indicator *ind)
{
	if (!isfinite(ind->target.value))
		return BE_NOT_FINITE;
	if (!day_ok(ind->target.day))
		return BE_RANGE;
	if (ind->has_baseline && ind->target.day <= ind->baseline.day)
		return BE_TARGET_DATE;
	/* A target worse than the baseline contradicts the direction: the page
	 * should ask which of the two is wrong rather than guess. */
	if (ind->has_baseline && (ind->direction == BD_HIGHER_IS_BETTER ? ind->target.value < ind->baseline.value
									: ind->target.value > ind->baseline.value))
		return BE_DIRECTION;
	return check_milestones(ind);
}

enum benefit_err benefit_indicator_check(const struct benefit_indicator *ind)
{
	enum benefit_err e = check_base(ind);
	if (e == BE_OK && ind->has_target)
		e = check_target(ind);
	return e;
}

/* The check plus "there is a baseline and a target": what percent and plan
 * need. */
static enum benefit_err check_line(const struct benefit_indicator *ind)
{
	enum benefit_err e = benefit_indicator_check(ind);
	if (e == BE_OK && !ind->has_baseline)
		e = BE_NO_BASELINE;
	if (e == BE_OK && !ind->has_target)
		e = BE_NO_TARGET;
	return e;
}

/* Percent on a checked indicator with a target. With the target on the better
 * side of the baseline (the check ensures it), (v − b) / (t − b) has the sign
 * the direction asks for in both directions. */
static double percent_of(const struct benefit_indicator *ind, double v)
{
	double b = ind->baseline.value, t = ind->target.value;
	if (t == b) /* no scale: reached or not */
		return reached(ind, v) ? 100.0 : 0.0;
	return (v - b) / (t - b) * 100.0;
}

enum benefit_err benefit_indicator_percent(const struct benefit_indicator *ind, double value, double *pct)
{
	enum benefit_err e = check_line(ind);
	if (e != BE_OK)
		return e;
	if (!isfinite(value))
		return BE_NOT_FINITE;
	double p = percent_of(ind, value);
	if (!isfinite(p))
		return BE_RANGE; /* (v − b) / (t − b) overflows only for absurd magnitudes */
	*pct = p;
	return BE_OK;
}

/* The plan on a checked indicator with a target: find the points of the path
 * (baseline, intermediate targets, target) just before and just after day,
 * and interpolate between them. */
static double planned_of(const struct benefit_indicator *ind, long day)
{
	if (day <= ind->baseline.day)
		return ind->baseline.value;
	if (day >= ind->target.day)
		return ind->target.value;
	struct benefit_point lo = ind->baseline, hi = ind->target;
	for (size_t i = 0; i < ind->nmilestones; i++) {
		const struct benefit_point *p = &ind->milestones[i];
		if (p->day <= day && p->day > lo.day)
			lo = *p;
		if (p->day > day && p->day < hi.day)
			hi = *p;
	}
	double f = (double)(day - lo.day) / (double)(hi.day - lo.day);
	return lo.value + (hi.value - lo.value) * f;
}

enum benefit_err benefit_indicator_planned(const struct benefit_indicator *ind, long day, double *value)
{
	enum benefit_err e = check_line(ind);
	if (e != BE_OK)
		return e;
	if (!day_ok(day))
		return BE_RANGE;
	double v = planned_of(ind, day);
	if (!isfinite(v))
		return BE_RANGE;
	*value = v;
	return BE_OK;
}

enum benefit_use benefit_measurement_use(const struct benefit_indicator *ind, size_t i, long today)
{
	if (!ind || !ind->m || i >= ind->nm)
		return BU_NOT_FINITE;
	const struct benefit_measurement *mm = &ind->m[i];
	if (!isfinite(mm->value) || !day_ok(mm->day))
		return BU_NOT_FINITE;
	if (!same_unit(mm->unit, ind->unit))
		return BU_OTHER_UNIT;
	if (ind->has_baseline && mm->day < ind->baseline.day)
		return BU_BEFORE_BASELINE;
	if (mm->day > today)
		return BU_AFTER_TODAY;
	return BU_USED;
}

enum benefit_err benefit_next_due(enum benefit_freq f, long from, long *due)
{
	if (!day_ok(from))
		return BE_RANGE;
	switch (f) {
	case BF_WEEKLY:
		if (!day_ok(from + 7))
			return BE_RANGE;
		*due = from + 7;
		return BE_OK;
	case BF_MONTHLY:
		return benefit_day_add_months(from, 1, due) ? BE_OK : BE_RANGE;
	case BF_QUARTERLY:
		return benefit_day_add_months(from, 3, due) ? BE_OK : BE_RANGE;
	case BF_YEARLY:
		return benefit_day_add_months(from, 12, due) ? BE_OK : BE_RANGE;
	}
	return BE_INVALID;
}

/* Count why each measurement does or does not count, and find the latest one
 * that does. */
static void scan_measurements(const struct benefit_indicator *ind, long today, struct benefit_progress *out)
{
	for (size_t i = 0; i < ind->nm; i++) {
		switch (benefit_measurement_use(ind, i, today)) {
		case BU_USED:
			out->n_used++;
			if (!out->has_latest || ind->m[i].day >= ind->m[out->latest].day) {
				out->has_latest = true;
				out->latest = i;
			}
			break;
		case BU_NOT_FINITE:
			out->n_not_finite++;
			break;
		case BU_OTHER_UNIT:
			out->n_other_unit++;
			break;
		case BU_BEFORE_BASELINE:
			out->n_before_baseline++;
			break;
		case BU_AFTER_TODAY:
			out->n_after_today++;
			break;
		}
	}
}

/* The due day and overdue flag: one period after the latest measurement
 * taken (any unit, any day that is a date), or after the baseline. Without
 * either nothing is due (next_due stays BENEFIT_NO_DAY). */
static void schedule(const struct benefit_indicator *ind, long today, struct benefit_progress *out)
{
	bool have = ind->has_baseline;
	long from = ind->baseline.day;
	for (size_t i = 0; i < ind->nm; i++)
		if (day_ok(ind->m[i].day) && (!have || ind->m[i].day > from)) {
			from = ind->m[i].day;
			have = true;
		}
	long due;
	if (!have || benefit_next_due(ind->freq, from, &due) != BE_OK)
		return;
	out->next_due = due;
	out->overdue = today > due;
}

/* The status of a checked indicator with a target, from the latest counted
 * measurement against the plan on that measurement's day. */
static enum benefit_status status_of(const struct benefit_indicator *ind, const struct benefit_progress *p)
{
	if (!p->has_latest)
		return BS_NO_DATA;
	double v = ind->m[p->latest].value;
	if (reached(ind, v))
		return BS_REACHED;
	if (ind->target.value == ind->baseline.value)
		return BS_BEHIND; /* a flat line: anything short of it is behind */
	double planned_pct = percent_of(ind, p->planned);
	if (p->percent < planned_pct - BENEFIT_TRACK_TOLERANCE)
		return BS_BEHIND;
	if (p->percent > planned_pct + BENEFIT_TRACK_TOLERANCE)
		return BS_AHEAD;
	return BS_ON_TRACK;
}

enum benefit_err benefit_indicator_progress(const struct benefit_indicator *ind, long today,
					    struct benefit_progress *out)
{
	memset(out, 0, sizeof *out);
	out->next_due = BENEFIT_NO_DAY;
	out->status = BS_INVALID;
	out->err = check_base(ind);
	if (out->err == BE_OK && !day_ok(today))
		out->err = BE_RANGE;
	if (out->err != BE_OK)
		return out->err;
	/* The measurements and the schedule do not depend on the target. */
	scan_measurements(ind, today, out);
	schedule(ind, today, out);
	if (ind->has_target)
		out->err = check_target(ind);
	if (out->err != BE_OK)
		return out->err;
	if (!ind->has_baseline || !ind->has_target) {
		out->status = ind->has_baseline ? BS_NO_TARGET : BS_NO_BASELINE;
		return BE_OK;
	}
	out->has_planned_today = true;
	out->planned_today = planned_of(ind, today);
	if (out->has_latest) {
		const struct benefit_measurement *mm = &ind->m[out->latest];
		out->percent = percent_of(ind, mm->value);
		out->planned = planned_of(ind, mm->day);
	}
	if (!isfinite(out->planned_today) || !isfinite(out->percent) || !isfinite(out->planned)) {
		out->has_planned_today = false;
		out->err = BE_RANGE;
		return out->err;
	}
	out->status = status_of(ind, out);
	return BE_OK;
}

double benefit_percent_for_display(double pct)
{
	if (isnan(pct) || pct < 0)
		return 0;
	return pct > 100 ? 100 : pct;
}
