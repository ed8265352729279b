/* chart_series.c — an indicator over time: measurements, baseline, target,
 * the plan line between them and intermediate targets. See chart.h. */
#include "chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/html.h"
#include "../core/text.h"
#include "../core/xalloc.h"

/* The plot is S_PLOT_W × S_PLOT_H at (S_LEFT, S_TOP); the left margin holds
 * the numbers, the right margin half a date, the bottom the dates and legend. */
#define S_LEFT	  80.0
#define S_TOP	  36.0
#define S_PLOT_W  616.0
#define S_PLOT_H  260.0
#define S_RIGHT	  48.0
#define S_WIDTH	  (S_LEFT + S_PLOT_W + S_RIGHT)
#define S_LEGEND  (S_TOP + S_PLOT_H + 52.0) /* baseline of the first legend row */
#define S_ROW	  24.0			    /* legend row height */
#define S_DAY_MIN (-719528L)		    /* 0000-01-01 */
#define S_DAY_MAX 2932896L		    /* 9999-12-31 */
#define S_VAL_MAX 1e15			    /* parse_number's limit too */
#define S_TICKS	  8

/* The markers; the legend names them in this order. */
enum series_kind { SK_MEASURED, SK_PLAN, SK_BASELINE, SK_TARGET, SK_INTERMEDIATE, SK_COUNT };

/* The scales of both axes; empty when no point at all has a value. */
struct sscale {
	double dlo, dhi;	/* days */
	double vlo, vhi, vstep; /* values, rounded out to whole steps */
	bool empty;
};

/* A measurement with its input position, to sort by day stably. */
struct smeas {
	long day;
	double value;
	int idx;
};

/* Days outside years 0000–9999 are drawn at that edge (the calendar code and
 * the labels stay within sane numbers). */
static long series_day(long day)
{
	return day < S_DAY_MIN ? S_DAY_MIN : day > S_DAY_MAX ? S_DAY_MAX : day;
}

/* Widens the scale to include a point; a NaN value means "no point". Values
 * are clamped to ±10^15 so that the axis span stays finite. */
static void series_extend(struct sscale *sc, long day, double value)
{
	if (isnan(value))
		return;
	double v = chart_clamp(value, -S_VAL_MAX, S_VAL_MAX), d = (double)series_day(day);
	if (sc->empty) {
		sc->dlo = sc->dhi = d;
		sc->vlo = sc->vhi = v;
		sc->empty = false;
		return;
	}
	sc->dlo = fmin(sc->dlo, d);
	sc->dhi = fmax(sc->dhi, d);
	sc->vlo = fmin(sc->vlo, v);
	sc->vhi = fmax(sc->vhi, v);
}

/* Pads a single day or a single value into a range, then rounds the value
 * range out to whole tick steps, so every value given lies inside it. */
static void series_round_out(struct sscale *sc)
{
	if (sc->empty) {
		sc->dlo = 0;
		sc->dhi = 30;
		sc->vlo = 0;
		sc->vhi = 1;
	}
	if (sc->dhi - sc->dlo < 1) {
		sc->dlo -= 15;
		sc->dhi += 15;
	}
	if (sc->vhi - sc->vlo <= 0) {
		double pad = fabs(sc->vlo) > 1e-9 ? fabs(sc->vlo) * 0.1 : 1;
		sc->vlo -= pad;
		sc->vhi += pad;
	}
	sc->vstep = chart_nice_step(sc->vhi - sc->vlo, 5);
	sc->vlo = floor(sc->vlo / sc->vstep) * sc->vstep;
	sc->vhi = ceil(sc->vhi / sc->vstep) * sc->vstep;
	if (!(sc->vhi > sc->vlo))
		sc->vhi = sc->vlo + sc->vstep;
}

/* The scales over every measurement, the baseline, the target and the
 * intermediate targets. */
static void series_scale(const struct chart_series_spec *s, const struct smeas *m, int n, int ni, struct sscale *sc)
{
	sc->empty = true;
	for (int i = 0; i < n; i++)
		series_extend(sc, m[i].day, m[i].value);
	if (s->has_baseline)
		series_extend(sc, s->baseline.day, s->baseline.value);
	if (s->has_target)
		series_extend(sc, s->target.day, s->target.value);
	for (int i = 0; i < ni; i++)
		series_extend(sc, s->intermediate[i].day, s->intermediate[i].value);
	series_round_out(sc);
}

/* x of a day; the clamp keeps it inside the plot. */
static double series_x(const struct sscale *sc, long day)
{
	double d = chart_clamp((double)series_day(day), sc->dlo, sc->dhi);
	return S_LEFT + S_PLOT_W * (d - sc->dlo) / (sc->dhi - sc->dlo);
}

/* y of a value; the clamp keeps ±infinity (and rounding slips) inside the plot. */
static double series_y(const struct sscale *sc, double v)
{
	return S_TOP + S_PLOT_H * (1 - (chart_clamp(v, sc->vlo, sc->vhi) - sc->vlo) / (sc->vhi - sc->vlo));
}

/* Sorts measurements by day, keeping the input order within a day. */
static int series_cmp(const void *a, const void *b)
{
	const struct smeas *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

/* Floor division, for month numbers before year 0 (not reached after the clamp,
 * but cheap to get right). */
static long series_floor_div(long a, long b)
{
	long q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Date ticks over a few weeks: every 1, 2, 5, 7, 14, 21 or 31 days from the
 * first day, at most six intervals. */
static int series_day_ticks(const struct sscale *sc, long *ticks)
{
	static const int steps[] = {1, 2, 5, 7, 14, 21, 31};
	double span = sc->dhi - sc->dlo;
	int step = 31;
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		if (span / steps[i] <= 6) {
			step = steps[i];
			break;
		}
	}
	int n = 0;
	for (long d = (long)ceil(sc->dlo); d <= sc->dhi && n < S_TICKS; d += step)
		ticks[n++] = d;
	return n;
}

/* Date ticks over months and years: the first of a month, every 1, 2, 3, 6
 * months or whole years (January), at most about six. */
static int series_month_ticks(const struct sscale *sc, long *ticks)
{
	static const long steps[] = {1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000, 24000, 60000};
	double months = (sc->dhi - sc->dlo) / 30.44;
	long step = 120000;
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		if (months / (double)steps[i] <= 6) {
			step = steps[i];
			break;
		}
	}
	long y;
	int m, d, n = 0;
	chart_civil_from_days((long)ceil(sc->dlo), &y, &m, &d);
	long mi = y * 12 + (m - 1) + (d > 1);
	long r = mi - series_floor_div(mi, step) * step;
	mi += r ? step - r : 0;
	for (; n < S_TICKS; mi += step) {
		long yy = series_floor_div(mi, 12);
		long day = chart_days_from_civil(yy, (int)(mi - yy * 12 + 1), 1);
		if (day > sc->dhi)
			break;
		ticks[n++] = day;
	}
	return n;
}

/* The y grid with its numbers, and the x ticks with their dates. */
static void series_axes(struct buf *b, const struct chart_series_spec *s, const struct sscale *sc)
{
	char num[64];
	int dec = chart_decimals_for(sc->vstep);
	html_raw(b, "<g class=\"varde-chart-grid\" aria-hidden=\"true\">");
	for (int k = 0; k <= 12; k++) {
		double v = sc->vlo + k * sc->vstep;
		if (v > sc->vhi + sc->vstep * 1e-6)
			break;
		double y = series_y(sc, v);
		chart_format_number(v, dec, num, sizeof num);
		html_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"varde-chart-gridline\"/>",
			    S_LEFT, y, S_LEFT + S_PLOT_W, y);
		html_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"varde-chart-tick\" text-anchor=\"end\">%s</text>",
			    S_LEFT - 8, y + 4, num);
	}
	html_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"varde-chart-frame\"/>",
		    S_LEFT, S_TOP, S_PLOT_W, S_PLOT_H);
	long ticks[S_TICKS];
	int nt = sc->empty ? 0 : sc->dhi - sc->dlo <= 62 ? series_day_ticks(sc, ticks) : series_month_ticks(sc, ticks);
	for (int k = 0; k < nt; k++) {
		double x = series_x(sc, ticks[k]);
		char date[32];
		chart_format_date(ticks[k], date, sizeof date);
		html_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"varde-chart-axis\"/>", x,
			    S_TOP + S_PLOT_H, x, S_TOP + S_PLOT_H + 5);
		html_printf(b,
			    "<text x=\"%.1f\" y=\"%.1f\" class=\"varde-chart-tick\" text-anchor=\"middle\">%s</text>",
			    x, S_TOP + S_PLOT_H + 20, date);
	}
	struct chart_label l = {
	    .x = 8, .y = S_TOP - 14, .cls = "varde-chart-axis-title", .per_line = CHART_LABEL_CHARS, .max_lines = 1};
	chart_text(b, &l, s->unit);
	html_raw(b, "</g>");
}

/* A marker shape centred at (x, y): a dot for a measurement, a square for the
 * baseline, a diamond for the target, a triangle for an intermediate target, a
 * dashed stroke for the plan (in the legend only). Shapes, not colours, tell
 * them apart. */
static void series_shape(struct buf *b, enum series_kind k, double x, double y)
{
	switch (k) {
	case SK_MEASURED:
		html_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" class=\"varde-chart-dot\"/>", x, y);
		break;
	case SK_PLAN:
		html_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"varde-chart-plan\"/>",
			    x - 12, y, x + 12, y);
		break;
	case SK_BASELINE:
		html_printf(b,
			    "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" class=\"varde-chart-baseline\"/>",
			    x - 6, y - 6);
		break;
	case SK_TARGET:
		html_printf(b, "<path d=\"M%.1f %.1fl8 8l-8 8l-8 -8z\" class=\"varde-chart-target\"/>", x, y - 8);
		break;
	default:
		html_printf(b, "<path d=\"M%.1f %.1fl7 12h-14z\" class=\"varde-chart-milestone\"/>", x, y - 7);
		break;
	}
}

/* One point with its tooltip "[name ]DD.MM.YYYY: value[ unit]". The tooltip is
 * plain text here; chart_item_begin escapes it. */
static void series_mark(struct buf *b, const struct chart_series_spec *s, const struct sscale *sc, enum series_kind k,
			const char *name, struct chart_series_point p)
{
	char date[32], num[64];
	int dec = chart_decimals_for(p.value);
	chart_format_date(series_day(p.day), date, sizeof date);
	chart_format_number(chart_clamp(p.value, -S_VAL_MAX, S_VAL_MAX), dec > 3 ? 3 : dec, num, sizeof num);
	bool unit = s->unit && *s->unit, named = name && *name;
	struct buf tip = {0};
	buf_printf(&tip, "%s%s%s: %s%s%s", named ? name : "", named ? " " : "", date, num, unit ? " " : "",
		   unit ? s->unit : "");
	chart_item_begin(b, k == SK_MEASURED ? "varde-chart-point" : "varde-chart-mark", buf_str(&tip), NULL);
	series_shape(b, k, series_x(sc, p.day), series_y(sc, p.value));
	chart_item_end(b, NULL);
	buf_free(&tip);
}

/* The line through the measurements in day order (NaN values left out). */
static void series_line(struct buf *b, const struct sscale *sc, const struct smeas *m, int n)
{
	int finite = 0;
	for (int i = 0; i < n; i++)
		finite += !isnan(m[i].value);
	if (finite < 2)
		return;
	html_raw(b, "<path class=\"varde-chart-line\" d=\"");
	bool first = true;
	for (int i = 0; i < n; i++) {
		if (isnan(m[i].value))
			continue;
		html_printf(b, "%s%.1f %.1f", first ? "M" : " L", series_x(sc, m[i].day), series_y(sc, m[i].value));
		first = false;
	}
	html_raw(b, "\"/>");
}

/* The plan: a dashed straight line from the baseline to the target. */
static void series_plan(struct buf *b, const struct chart_series_spec *s, const struct sscale *sc)
{
	html_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"varde-chart-plan\"/>",
		    series_x(sc, s->baseline.day), series_y(sc, s->baseline.value), series_x(sc, s->target.day),
		    series_y(sc, s->target.value));
}

/* The legend entries to show: those with a text whose marker is drawn. */
static int series_legend_items(const struct chart_series_spec *s, bool measured, bool base, bool target, int ni,
			       const char **text, enum series_kind *kind)
{
	const char *labels[SK_COUNT] = {s->measured_label, s->plan_label, s->baseline_label, s->target_label,
					s->intermediate_label};
	bool shown[SK_COUNT] = {measured, base && target, base, target, ni > 0};
	int n = 0;
	for (int k = 0; k < SK_COUNT; k++) {
		if (shown[k] && labels[k] && *labels[k]) {
			text[n] = labels[k];
			kind[n++] = (enum series_kind)k;
		}
	}
	return n;
}

/* Lays the legend out in rows from the left (a width guessed from the label
 * length) and, when b is not NULL, draws it. Returns the number of rows. */
static int series_legend(struct buf *b, const char **text, const enum series_kind *kind, int n)
{
	double x = S_LEFT, y = S_LEGEND;
	int rows = n > 0;
	for (int i = 0; i < n; i++) {
		size_t chars = utf8_length(text[i]);
		double w = 36 + 7.5 * (double)(chars < CHART_LABEL_CHARS ? chars : CHART_LABEL_CHARS) + 20;
		if (x + w > S_WIDTH && x > S_LEFT) {
			x = S_LEFT;
			y += S_ROW;
			rows++;
		}
		if (b) {
			series_shape(b, kind[i], x + 12, y - 4);
			struct chart_label l = {.x = x + 30,
						.y = y,
						.cls = "varde-chart-label",
						.per_line = CHART_LABEL_CHARS,
						.max_lines = 1};
			chart_text(b, &l, text[i]);
		}
		x += w;
	}
	return rows;
}

/* Copies the measurements (at most CHART_MAX_POINTS) sorted by day; the caller frees. */
static struct smeas *series_sorted(const struct chart_series_point *pts, int n)
{
	struct smeas *m = xcalloc(n > 0 ? (size_t)n : 1, sizeof *m);
	for (int i = 0; i < n; i++) {
		m[i].day = pts[i].day;
		m[i].value = pts[i].value;
		m[i].idx = i;
	}
	if (n > 1)
		qsort(m, (size_t)n, sizeof *m, series_cmp);
	return m;
}

/* Everything on the plot, in drawing order: plan, line, dots, markers. */
static void series_body(struct buf *b, const struct chart_series_spec *s, const struct sscale *sc,
			const struct smeas *m, int n, int ni, bool base, bool target)
{
	if (base && target)
		series_plan(b, s, sc);
	series_line(b, sc, m, n);
	for (int i = 0; i < n; i++) {
		if (!isnan(m[i].value)) {
			struct chart_series_point p = {m[i].day, m[i].value};
			series_mark(b, s, sc, SK_MEASURED, NULL, p);
		}
	}
	for (int i = 0; i < ni; i++)
		if (!isnan(s->intermediate[i].value))
			series_mark(b, s, sc, SK_INTERMEDIATE, s->intermediate_label, s->intermediate[i]);
	if (base)
		series_mark(b, s, sc, SK_BASELINE, s->baseline_label, s->baseline);
	if (target)
		series_mark(b, s, sc, SK_TARGET, s->target_label, s->target);
}

/* The time series: scales, axes, the plot and the legend. */
void chart_series(struct buf *b, const struct chart_series_spec *s, const struct chart_series_point *pts, int n)
{
	int total = n < 0 || !pts ? 0 : n, itotal = s->nintermediate < 0 || !s->intermediate ? 0 : s->nintermediate;
	n = total > CHART_MAX_POINTS ? CHART_MAX_POINTS : total;
	int ni = itotal > CHART_MAX_POINTS ? CHART_MAX_POINTS : itotal;
	bool base = s->has_baseline && !isnan(s->baseline.value), target = s->has_target && !isnan(s->target.value);
	struct smeas *m = series_sorted(pts, n);
	struct sscale sc;
	series_scale(s, m, n, ni, &sc);
	int finite = 0;
	for (int i = 0; i < n; i++)
		finite += !isnan(m[i].value);
	const char *text[SK_COUNT];
	enum series_kind kind[SK_COUNT];
	int nl = series_legend_items(s, finite > 0, base, target, ni, text, kind);
	int rows = series_legend(NULL, text, kind, nl);
	struct chart_frame f = {.id = s->id,
				.kind = "series",
				.title = s->title,
				.desc = s->desc,
				.cut_note = s->cut_note,
				.cut_drawn = n + ni,
				.cut_total = total + itotal,
				.width = S_WIDTH,
				.height = S_LEGEND + (rows > 0 ? rows - 1 : -1) * S_ROW + 16};
	chart_begin(b, &f);
	series_axes(b, s, &sc);
	series_body(b, s, &sc, m, n, ni, base, target);
	html_raw(b, "<g class=\"varde-chart-legend\">");
	series_legend(b, text, kind, nl);
	html_raw(b, "</g>");
	chart_end(b);
	free(m);
}
