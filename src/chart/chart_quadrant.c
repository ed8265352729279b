/* chart_quadrant.c — the 2×2 grid: stakeholders by influence and interest,
 * ideas by impact and effort. See chart.h. */
#include "chart.h"

#include <math.h>
#include <stdlib.h>

#include "../core/html.h"
#include "../core/xalloc.h"

/* The plot is a square of Q_SIZE user units at (Q_LEFT, Q_TOP); the margins
 * hold the axis titles and leave room for labels and fanned points. */
#define Q_LEFT	 56.0
#define Q_TOP	 16.0
#define Q_SIZE	 520.0
#define Q_WIDTH	 (Q_LEFT + Q_SIZE + 24.0)
#define Q_HEIGHT (Q_TOP + Q_SIZE + 56.0)
#define Q_DOT	 7.0 /* radius of a point */
#define Q_FAN	 9.0 /* smallest radius of the circle that fans out a shared position */
#define Q_PI	 3.14159265358979323846

/* Where each point goes: its mapped position, the group of points that share
 * it (the index of the group's first point) and its place in that group. */
struct qplace {
	double ox, oy; /* mapped position */
	double x, y;   /* drawn position (fanned out) */
	int group, member, size;
	bool drawn;
	bool label_left; /* the label goes left of the dot */
};

/* The scale: the spec's max when it is a positive number, else the largest
 * coordinate given (so the points still spread over the grid), else 1. */
static double quadrant_max(double max, const struct chart_point *pts, int n)
{
	if (isfinite(max) && max > 0)
		return max;
	double m = 0;
	for (int i = 0; i < n; i++) {
		if (isfinite(pts[i].x) && pts[i].x > m)
			m = pts[i].x;
		if (isfinite(pts[i].y) && pts[i].y > m)
			m = pts[i].y;
	}
	return m > 0 ? m : 1;
}

/* Maps each point into the square (y grows upwards) and finds the points that
 * share a position: a point joins the group of the first earlier point less
 * than a unit away. A NaN coordinate leaves the point out. */
static void quadrant_map(const struct chart_point *pts, int n, double max, struct qplace *q)
{
	for (int i = 0; i < n; i++) {
		q[i].drawn = !isnan(pts[i].x) && !isnan(pts[i].y);
		q[i].ox = Q_LEFT + chart_clamp(pts[i].x, 0, max) / max * Q_SIZE;
		q[i].oy = Q_TOP + Q_SIZE - chart_clamp(pts[i].y, 0, max) / max * Q_SIZE;
		q[i].group = i;
		q[i].member = 0;
		q[i].size = 1;
		for (int j = 0; q[i].drawn && j < i; j++) {
			if (q[j].drawn && q[j].group == j && hypot(q[i].ox - q[j].ox, q[i].oy - q[j].oy) < 1) {
				q[i].group = j;
				q[i].member = q[j].size++;
				break;
			}
		}
	}
}

/* Labels go right of their dot, except near the right edge (where they would
 * leave the chart) and for the left half of a fanned-out group (where they
 * would run into their neighbours' dots). */
static bool quadrant_label_left(double x, double group_x, bool fanned)
{
	if (group_x > Q_LEFT + Q_SIZE * 0.7)
		return true;
	return fanned && x < group_x - 1;
}

/* Fans each group out on a circle around its position, starting at the top
 * and going clockwise in input order; the circle is moved inside the square so
 * that a group in a corner stays in its quadrant. A lone point stays put. */
static void quadrant_fan(struct qplace *q, int n)
{
	for (int i = 0; i < n; i++) {
		const struct qplace *g = &q[q[i].group];
		if (!q[i].drawn || g->size == 1) {
			q[i].x = q[i].ox;
			q[i].y = q[i].oy;
			q[i].label_left = quadrant_label_left(q[i].x, q[i].x, false);
			continue;
		}
		double r = fmax(Q_FAN, g->size * (2 * Q_DOT + 2) / (2 * Q_PI));
		r = fmin(r, Q_SIZE / 2);
		double cx = chart_clamp(g->ox, Q_LEFT + r, Q_LEFT + Q_SIZE - r);
		double cy = chart_clamp(g->oy, Q_TOP + r, Q_TOP + Q_SIZE - r);
		double a = -Q_PI / 2 + 2 * Q_PI * q[i].member / g->size;
		q[i].x = cx + r * cos(a);
		q[i].y = cy + r * sin(a);
		q[i].label_left = quadrant_label_left(q[i].x, cx, true);
	}
}

/* One quadrant: its tinted area and its name in the corner. */
static void quadrant_area(struct buf *b, int k, const char *name)
{
	static const char *const pos[4] = {"tl", "tr", "bl", "br"};
	double x = Q_LEFT + (k % 2) * Q_SIZE / 2, y = Q_TOP + (k / 2) * Q_SIZE / 2;
	html_printf(
	    b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"varde-chart-q varde-chart-q-%s\"/>",
	    x, y, Q_SIZE / 2, Q_SIZE / 2, pos[k]);
	if (!name || !*name)
		return;
	chart_item_begin(b, "varde-chart-qlabel", name, NULL);
	struct chart_label l = {.x = x + 10,
				.y = y + 22,
				.line_height = 17,
				.cls = "varde-chart-qname",
				.per_line = CHART_LABEL_CHARS,
				.max_lines = 2};
	chart_text(b, &l, name);
	chart_item_end(b, NULL);
}

/* A tick number on an axis: 0, max/2 and max. */
static void quadrant_tick(struct buf *b, double x, double y, const char *anchor, double v, int decimals)
{
	char num[64];
	chart_format_number(v, decimals, num, sizeof num);
	html_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"varde-chart-tick\" text-anchor=\"%s\">%s</text>", x, y,
		    anchor, num);
}

/* The axes: titles with an arrow that shows the direction of "more", and the
 * numbers at the ends and the middle of each axis. */
static void quadrant_axes(struct buf *b, const struct chart_quadrant_spec *s, double max)
{
	int dec = chart_decimals_for(max / 2);
	dec = dec > 2 ? 2 : dec;
	for (int k = 0; k <= 2; k++) {
		quadrant_tick(b, Q_LEFT + k * Q_SIZE / 2, Q_TOP + Q_SIZE + 18, "middle", k * max / 2, dec);
		quadrant_tick(b, Q_LEFT - 8, Q_TOP + Q_SIZE - k * Q_SIZE / 2 + 4, "end", k * max / 2, dec);
	}
	if (s->x_label && *s->x_label) {
		struct chart_label l = {.x = Q_LEFT + Q_SIZE / 2,
					.y = Q_TOP + Q_SIZE + 42,
					.cls = "varde-chart-axis-title",
					.anchor = "middle",
					.per_line = 50,
					.max_lines = 1};
		chart_text(b, &l, s->x_label);
		html_printf(b, "<path d=\"M%.1f %.1fh40m-6 -5l6 5l-6 5\" class=\"varde-chart-arrow\"/>",
			    Q_LEFT + Q_SIZE - 40, Q_TOP + Q_SIZE + 38);
	}
	if (s->y_label && *s->y_label) {
		html_printf(b, "<g transform=\"translate(%.1f %.1f) rotate(-90)\">", 18.0, Q_TOP + Q_SIZE / 2);
		struct chart_label l = {
		    .cls = "varde-chart-axis-title", .anchor = "middle", .per_line = 50, .max_lines = 1};
		chart_text(b, &l, s->y_label);
		html_raw(b, "</g>");
		html_printf(b, "<path d=\"M%.1f %.1fv-40m-5 6l5 -6l5 6\" class=\"varde-chart-arrow\"/>", 14.0,
			    Q_TOP + 40);
	}
}

/* One point: a dot with its truncated label beside it, the full label as
 * tooltip, a link when it has one. */
static void quadrant_point(struct buf *b, const struct chart_point *p, const struct qplace *q)
{
	chart_item_begin(b, "varde-chart-point", p->label, p->href);
	html_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" class=\"varde-chart-dot\"/>", q->x, q->y, Q_DOT);
	bool left = q->label_left;
	struct chart_label l = {.x = left ? q->x - Q_DOT - 4 : q->x + Q_DOT + 4,
				.y = q->y + 4,
				.cls = "varde-chart-label",
				.anchor = left ? "end" : NULL,
				.per_line = CHART_LABEL_CHARS,
				.max_lines = 1};
	chart_text(b, &l, p->label);
	chart_item_end(b, p->href);
}

/* Does any of the first n points carry a usable link? */
static bool quadrant_links(const struct chart_point *pts, int n)
{
	for (int i = 0; i < n; i++)
		if (chart_href_ok(pts[i].href))
			return true;
	return false;
}

/* The grid: four quadrants, the axes, then the points on top. */
void chart_quadrant(struct buf *b, const struct chart_quadrant_spec *s, const struct chart_point *pts, int n)
{
	int total = n < 0 || !pts ? 0 : n;
	n = total > CHART_MAX_POINTS ? CHART_MAX_POINTS : total;
	double max = quadrant_max(s->max, pts, n);
	struct chart_frame f = {.id = s->id,
				.kind = "quadrant",
				.title = s->title,
				.desc = s->desc,
				.cut_note = s->cut_note,
				.cut_drawn = n,
				.cut_total = total,
				.links = quadrant_links(pts, n),
				.width = Q_WIDTH,
				.height = Q_HEIGHT};
	chart_begin(b, &f);
	html_raw(b, "<g class=\"varde-chart-grid\" aria-hidden=\"true\">");
	for (int k = 0; k < 4; k++)
		quadrant_area(b, k, s->quadrant[k]);
	html_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"varde-chart-frame\"/>",
		    Q_LEFT, Q_TOP, Q_SIZE, Q_SIZE);
	quadrant_axes(b, s, max);
	html_raw(b, "</g>");
	struct qplace *q = n ? xcalloc((size_t)n, sizeof *q) : NULL;
	quadrant_map(pts, n, max, q);
	quadrant_fan(q, n);
	for (int i = 0; i < n; i++)
		if (q[i].drawn)
			quadrant_point(b, &pts[i], &q[i]);
	free(q);
	chart_end(b);
}
