/* chart_curve.c — a curve over categories: how the user feels at each stage of
 * a journey map. See chart.h. */
#include "chart.h"

#include <math.h>
#include <string.h>

#include "../core/html.h"

/* The plot starts at (C_LEFT, C_TOP) and is C_STEP wide per category; the left
 * margin holds the low/high labels, the bottom the category labels. */
#define C_LEFT	    128.0
#define C_TOP	    28.0
#define C_PLOT_H    200.0
#define C_STEP	    120.0
#define C_RIGHT	    16.0
#define C_HEIGHT    (C_TOP + C_PLOT_H + 60.0)
#define C_DOT	    5.5
#define C_CAT_CHARS 16 /* per line of a category label (two lines fit C_STEP) */

/* The value range: the spec's when it is a real range, else the data's (one
 * unit either side when all values are equal), else 0..1. */
static void curve_range(const struct chart_curve_spec *s, const double *v, int n, double *lo, double *hi)
{
	if (isfinite(s->min) && isfinite(s->max) && s->min < s->max) {
		*lo = s->min;
		*hi = s->max;
		return;
	}
	*lo = INFINITY;
	*hi = -INFINITY;
	for (int i = 0; i < n; i++) {
		if (isfinite(v[i])) {
			*lo = fmin(*lo, v[i]);
			*hi = fmax(*hi, v[i]);
		}
	}
	if (*lo > *hi) {
		*lo = 0;
		*hi = 1;
	} else if (*lo == *hi) {
		*lo -= 1;
		*hi += 1;
	}
}

/* The y coordinate of a value; values outside the range sit on its edge. */
static double curve_y(double v, double lo, double hi)
{
	return C_TOP + C_PLOT_H * (1 - (chart_clamp(v, lo, hi) - lo) / (hi - lo));
}

/* The x coordinate of the middle of category i. */
static double curve_x(int i)
{
	return C_LEFT + C_STEP * (i + 0.5);
}

/* A value as shown on its dot: at most two decimals, decimal comma. */
static void curve_value_text(double v, char *out, size_t outlen)
{
	int dec = chart_decimals_for(v);
	chart_format_number(v, dec > 2 ? 2 : dec, out, outlen);
}

/* The frame, the zero line (or the middle line when 0 is outside the range)
 * with its value, and the low and high labels left of the axis. */
static void curve_axes(struct buf *b, const struct chart_curve_spec *s, double lo, double hi, int cols)
{
	double right = C_LEFT + C_STEP * cols;
	html_raw(b, "<g class=\"varde-chart-grid\" aria-hidden=\"true\">");
	html_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"varde-chart-frame\"/>",
		    C_LEFT, C_TOP, right - C_LEFT, C_PLOT_H);
	double mid = lo < 0 && hi > 0 ? 0 : (lo + hi) / 2;
	double y = curve_y(mid, lo, hi);
	char num[64];
	curve_value_text(mid, num, sizeof num);
	html_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"varde-chart-middle\"/>", C_LEFT,
		    y, right, y);
	html_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"varde-chart-tick\" text-anchor=\"end\">%s</text>",
		    C_LEFT - 8, y + 4, num);
	struct chart_label l = {.x = C_LEFT - 8,
				.y = C_TOP + 10,
				.line_height = 15,
				.cls = "varde-chart-axis-title",
				.anchor = "end",
				.per_line = 14,
				.max_lines = 2};
	chart_text(b, &l, s->high_label);
	l.y = C_TOP + C_PLOT_H;
	l.valign = CHART_BOTTOM;
	chart_text(b, &l, s->low_label);
	html_raw(b, "</g>");
}

/* The line through the scores; a NaN ends a piece (a gap), so each run of
 * scores is its own subpath. Nothing when no two neighbours have scores. */
static void curve_line(struct buf *b, const double *v, int n, double lo, double hi)
{
	bool any = false;
	for (int i = 0; i + 1 < n && !any; i++)
		any = isfinite(v[i]) && isfinite(v[i + 1]);
	if (!any)
		return;
	html_raw(b, "<path class=\"varde-chart-line\" d=\"");
	for (int i = 0; i < n; i++) {
		if (!isfinite(v[i]))
			continue;
		bool start = i == 0 || !isfinite(v[i - 1]);
		html_printf(b, "%s%.1f %.1f", start ? (i ? " M" : "M") : " L", curve_x(i), curve_y(v[i], lo, hi));
	}
	html_raw(b, "\"/>");
}

/* One score: a dot with its value above it (below it at the top edge), and
 * "label: value" as tooltip. */
static void curve_dot(struct buf *b, const char *label, double v, int i, double lo, double hi)
{
	char num[64];
	curve_value_text(v, num, sizeof num);
	double x = curve_x(i), y = curve_y(v, lo, hi);
	html_raw(b, "<g class=\"varde-chart-point\"><title>");
	if (label && *label) {
		chart_put_text(b, label, strlen(label));
		html_raw(b, ": ");
	}
	html_printf(b, "%s</title>", num);
	html_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" class=\"varde-chart-dot\"/>", x, y, C_DOT);
	double ty = y - C_TOP < 20 ? y + 20 : y - 10;
	html_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"varde-chart-value\" text-anchor=\"middle\">%s</text></g>",
		    x, ty, num);
}

/* A category's name under the axis, in two lines at most, full as tooltip. */
static void curve_category(struct buf *b, const char *label, int i)
{
	if (!label || !*label)
		return;
	chart_item_begin(b, "varde-chart-cat", label, NULL);
	struct chart_label l = {.x = curve_x(i),
				.y = C_TOP + C_PLOT_H + 20,
				.line_height = 15,
				.cls = "varde-chart-label",
				.anchor = "middle",
				.per_line = C_CAT_CHARS,
				.max_lines = 2};
	chart_text(b, &l, label);
	chart_item_end(b, NULL);
}

/* The curve: frame and middle line, category labels, the line, then the dots. */
void chart_curve(struct buf *b, const struct chart_curve_spec *s, const char *const *labels, const double *values,
		 int n)
{
	int total = n < 0 || !values ? 0 : n;
	n = total > CHART_MAX_POINTS ? CHART_MAX_POINTS : total;
	int cols = n > 0 ? n : 1;
	double lo, hi;
	curve_range(s, values, n, &lo, &hi);
	struct chart_frame f = {.id = s->id,
				.kind = "curve",
				.title = s->title,
				.desc = s->desc,
				.cut_note = s->cut_note,
				.cut_drawn = n,
				.cut_total = total,
				.width = C_LEFT + C_STEP * cols + C_RIGHT,
				.height = C_HEIGHT};
	chart_begin(b, &f);
	curve_axes(b, s, lo, hi, cols);
	for (int i = 0; labels && i < n; i++)
		curve_category(b, labels[i], i);
	curve_line(b, values, n, lo, hi);
	for (int i = 0; i < n; i++)
		if (isfinite(values[i]))
			curve_dot(b, labels ? labels[i] : NULL, values[i], i, lo, hi);
	chart_end(b);
}
