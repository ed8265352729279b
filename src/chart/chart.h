/* chart.h — small server-side SVG charts: a 2×2 grid, a curve over categories,
 * a time series of an indicator and a directed graph in columns.
 *
 * Every function appends one <svg> element to a struct buf through the escaping
 * writer (html.h), so every label, title and href is escaped. The output is
 * well-formed XML (it is checked with expat in tests/unit/test_chart.c): control
 * characters are written as spaces and invalid UTF-8 as U+FFFD.
 *
 * The <svg> has a viewBox and width="100%", class "varde-chart varde-chart-KIND",
 * aria-labelledby="ID-title ID-desc" and <title id="ID-title"> and
 * <desc id="ID-desc"> as its first children. Its role is "img", unless a point or
 * node carries an href: then it is "group", because role="img" makes its
 * children presentational and a focusable link inside it has no accessible name
 * (WCAG 4.1.2; axe-core's nested-interactive rule fails it). Each link then has
 * the full label as aria-label, and the axes are aria-hidden.
 *
 * Styling is by class only (no style attribute, the CSP forbids it): see the
 * section "charts (src/chart)" at the end of assets/css/varde.css. Meaning is
 * never carried by colour alone: markers differ in shape, lines in dash pattern,
 * and everything has a text label or a legend.
 *
 * The caller writes the data table that screen readers use; the chart only draws.
 * Labels are truncated visually (to CHART_LABEL_CHARS characters, counted in
 * UTF-8 code points, with "…"); the full label is the tooltip (<title>) of the
 * point's group. Inputs beyond the bounds below are cut: the first ones are drawn
 * and the desc says so ("drawn/total", after the spec's cut_note when given).
 *
 * Numbers in the output use a decimal comma and U+202F (narrow no-break space,
 * the typographic thin space) between thousands; dates are DD.MM.YYYY. Words the
 * charts show (legend, cut note) come from the caller, who translates them.
 *
 * The spec's id must be unique on the page. Only [A-Za-z0-9_-] of it is used
 * (at most 40 characters; an empty result becomes "chart"): it also appears in
 * url(#ID-arrow) references, where other characters would break the reference.
 *
 * Thread-safe: no global mutable state, no locale use (the process runs in the
 * C locale, so printf writes '.' in SVG coordinates). No allocation survives a
 * call; all memory belongs to the buffer.
 */
#ifndef VARDE_CHART_H
#define VARDE_CHART_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/buf.h"

enum {
	CHART_MAX_POINTS = 500, /* points, categories, measurements, intermediate targets */
	CHART_MAX_NODES = 500,	/* graph nodes */
	CHART_MAX_EDGES = 2000, /* graph edges */
	CHART_MAX_COLUMNS = 12, /* graph columns */
	CHART_LABEL_CHARS = 28, /* visible characters of a point label, "…" included */
};

struct chart_point {
	const char *label; /* shown truncated; the full text is the tooltip */
	double x, y;
	const char *href; /* may be NULL; a link makes the point keyboard-focusable */
};

/* A 2×2 grid (power/interest grid of stakeholders; impact/effort matrix of ideas).
 * x and y go from 0 to max; the quadrant borders are at max/2. Values outside
 * 0..max are drawn on the border; a point with a NaN coordinate is left out.
 * max that is not a positive number is taken from the data (1 when there is none).
 * Points that share a position (closer than a pixel) are fanned out on a small
 * circle around it, in input order, and the circle is kept inside the grid. */
struct chart_quadrant_spec {
	const char *id, *title, *desc;
	const char *x_label, *y_label; /* axis titles, e.g. "Interest", "Influence" */
	const char *quadrant[4];       /* [0] top-left, [1] top-right, [2] bottom-left, [3] bottom-right */
	double max;
	const char *cut_note; /* appended to desc when n > CHART_MAX_POINTS; may be NULL */
};
void chart_quadrant(struct buf *b, const struct chart_quadrant_spec *s, const struct chart_point *pts, int n);

/* A curve over categories: the feeling score per stage of a journey map.
 * values[i] may be NAN (no score: a gap in the line, no dot, the label is still
 * written; ±infinity counts as no score too). labels may be NULL. A zero line
 * (when 0 is inside min..max) or else a middle line, dots with their value,
 * category labels (wrapped, at most two lines) under the x axis, low_label at
 * the bottom and high_label at the top of the y axis. Values outside min..max
 * are drawn on the edge and labelled with their real value. min/max that are
 * NaN or not min < max are taken from the data. */
struct chart_curve_spec {
	const char *id, *title, *desc;
	double min, max;
	const char *low_label, *high_label;
	const char *cut_note; /* appended to desc when n > CHART_MAX_POINTS; may be NULL */
};
void chart_curve(struct buf *b, const struct chart_curve_spec *s, const char *const *labels, const double *values,
		 int n);

/* A time series of an indicator: the measurements (any order; drawn sorted by
 * day, joined by a line, NaN values left out), the baseline and the target (a
 * square and a diamond) joined by the dashed "plan" line, intermediate targets
 * as hollow triangles. The x axis spans every day given, the y axis every value
 * given (rounded out to whole ticks), so nothing falls outside the chart. Ticks
 * are dates DD.MM.YYYY and numbers like "1 234,5". A baseline or target with a
 * NaN value counts as absent. Days outside the years 0000–9999 are drawn at
 * that edge and values are clamped to ±10^15 (parse_number's limit), so the
 * axes stay finite. */
struct chart_series_point {
	long day; /* days since 1970-01-01 */
	double value;
};
struct chart_series_spec {
	const char *id, *title, *desc;
	const char *unit; /* written at the top of the y axis and in tooltips; may be NULL */
	bool has_baseline, has_target;
	struct chart_series_point baseline, target;
	const struct chart_series_point *intermediate;
	int nintermediate;
	/* Legend texts, translated by the caller ("Measured", "Plan", "Baseline",
	 * "Target", "Intermediate target"). NULL or "" leaves that entry out of the
	 * legend; the baseline and target labels also name those markers. */
	const char *measured_label, *plan_label, *baseline_label, *target_label, *intermediate_label;
	const char *cut_note; /* appended to desc when n or nintermediate > CHART_MAX_POINTS */
};
void chart_series(struct buf *b, const struct chart_series_spec *s, const struct chart_series_point *pts, int n);

/* A directed graph in columns, left to right (the benefit map: measures →
 * effects → benefits → goals; the evidence chain research → insights → needs →
 * ideas → tests). Nodes are boxes in their column, in input order, with the
 * label wrapped to at most three lines (the full label is the tooltip). Edges
 * are arrows (a <marker>) from a node to a node; normally to a later column, but
 * backward and same-column edges are drawn too (as curves) rather than hidden.
 * An edge to an unknown or cut node, and an edge from a node to itself, is left
 * out. A node's column is clamped to 0..ncolumns-1; ncolumns <= 0 takes the
 * columns from the nodes (at most CHART_MAX_COLUMNS). column_titles may be NULL,
 * as may any of its entries. */
struct chart_node {
	const char *label;
	int column;
	const char *href; /* may be NULL */
};
struct chart_edge {
	int from, to; /* indexes into nodes */
};
struct chart_graph_spec {
	const char *id, *title, *desc;
	const char *const *column_titles;
	int ncolumns;
	const char *cut_note; /* appended to desc when n or m is over its bound */
};
void chart_graph(struct buf *b, const struct chart_graph_spec *s, const struct chart_node *nodes, int n,
		 const struct chart_edge *edges, int m);

/* ---- Shared by src/chart/chart_*.c (and the unit test); not for page code. ---- */

enum { CHART_ID_MAX = 41 };

/* The <svg> start tag, title and desc. cut_total > cut_drawn appends cut_note
 * and "drawn/total" to the desc. links: the chart contains <a> (role="group"). */
struct chart_frame {
	const char *id, *kind, *title, *desc, *cut_note;
	int cut_drawn, cut_total;
	bool links;
	double width, height;
};
void chart_begin(struct buf *b, const struct chart_frame *f);
void chart_end(struct buf *b);
/* The id reduced to [A-Za-z0-9_-], at most CHART_ID_MAX-1 characters, "chart" if empty. */
void chart_clean_id(char out[CHART_ID_MAX], const char *id);

/* Length of the valid UTF-8 sequence at s (1–4), or 0 for a bad byte. */
size_t chart_utf8_seq(const char *s);
/* Writes s[0..len) as escaped text: control characters as spaces, bad UTF-8
 * bytes as U+FFFD. */
void chart_put_text(struct buf *b, const char *s, size_t len);

/* One line of a wrapped label: bytes [start, start+len) and whether "…" follows. */
struct chart_line {
	size_t start, len;
	bool ellipsis;
};
/* Splits s into at most max_lines lines of at most per_line code points,
 * breaking at spaces where it can; when the text does not fit, the last line is
 * cut so that it and its "…" take per_line characters. Returns the number of
 * lines (0 for NULL or blank). Never splits a UTF-8 sequence. */
int chart_wrap(const char *s, size_t per_line, int max_lines, struct chart_line *lines);
/* A <text> at (x, y) with class cls and text-anchor anchor (NULL: start): s
 * wrapped into at most max_lines (≤ CHART_MAX_LINES) lines of at most per_line
 * characters, as tspans line_height apart. valign says where y is: the first
 * line's baseline (CHART_TOP), the middle of the block (CHART_MIDDLE) or the
 * last line's baseline (CHART_BOTTOM). Writes nothing for blank s. */
enum chart_valign { CHART_TOP, CHART_MIDDLE, CHART_BOTTOM };
enum { CHART_MAX_LINES = 4 };
struct chart_label {
	double x, y, line_height;
	const char *cls, *anchor;
	size_t per_line;
	int max_lines;
	enum chart_valign valign;
};
void chart_text(struct buf *b, const struct chart_label *l, const char *s);

/* Opens a point's group: <g class="cls"><title>tooltip</title>, and when
 * chart_href_ok(href) <a href="…" aria-label="tooltip">. chart_item_end closes
 * both (pass the same href). */
void chart_item_begin(struct buf *b, const char *cls, const char *tooltip, const char *href);
void chart_item_end(struct buf *b, const char *href);

/* v with `decimals` decimals (0–6), a decimal comma, U+202F between thousands
 * and U+2212 for minus ("−1 234,5"); "–" for NaN or infinity. */
void chart_format_number(double v, int decimals, char *out, size_t outlen);
/* The fewest decimals (0–6) that show v to within a millionth of the step. */
int chart_decimals_for(double step);
/* Day number (days since 1970-01-01) as DD.MM.YYYY; out holds at least 16 bytes. */
void chart_format_date(long day, char *out, size_t outlen);
/* Proleptic Gregorian calendar conversions (H. Hinnant's algorithms). */
long chart_days_from_civil(long y, int m, int d);
void chart_civil_from_days(long day, long *y, int *m, int *d);
/* A "nice" tick step (1, 2 or 5 × 10^k) giving at most max_ticks intervals over span > 0. */
double chart_nice_step(double span, int max_ticks);
/* Is href usable as a link: non-empty, clean UTF-8 without control characters
 * or spaces, and relative or http(s) (never javascript: or data:)? */
bool chart_href_ok(const char *href);
/* v clamped to lo..hi; NaN gives lo (callers check NaN first where it means "absent"). */
double chart_clamp(double v, double lo, double hi);

#endif
