/* chart_graph.c — a directed graph in columns: the benefit map (measures →
 * effects → benefits → goals) and the evidence chain. See chart.h. */
#include "chart.h"

#include <stdlib.h>
#include <string.h>

#include "../core/html.h"
#include "../core/xalloc.h"

/* Columns are G_BOX wide and G_GAP apart; rows G_BOX_H high and G_VGAP apart.
 * The first row of boxes starts at G_TOP, under the column titles. */
#define G_MARGIN 16.0
#define G_BOX	 184.0
#define G_GAP	 72.0
#define G_TOP	 48.0
#define G_BOX_H	 60.0
#define G_VGAP	 16.0
#define G_LINE_H 15.0
#define G_CHARS	 24   /* per line in a box */
#define G_BEND	 48.0 /* how far a backward or same-column edge swings out */

/* Where each node's box is (top-left corner). */
struct gbox {
	double x, y;
	int column;
};

/* The number of columns: the spec's when given, else one more than the largest
 * column of a node; at least 1 and at most CHART_MAX_COLUMNS. */
static int graph_columns(const struct chart_graph_spec *s, const struct chart_node *nodes, int n)
{
	int c = s->ncolumns;
	if (c <= 0)
		for (int i = 0; i < n; i++)
			if (nodes[i].column >= c)
				c = nodes[i].column >= CHART_MAX_COLUMNS ? CHART_MAX_COLUMNS : nodes[i].column + 1;
	return c < 1 ? 1 : c > CHART_MAX_COLUMNS ? CHART_MAX_COLUMNS : c;
}

/* Places the nodes: each column top-down in input order, shorter columns
 * centred against the tallest. Returns the number of rows of the tallest. */
static int graph_layout(const struct chart_node *nodes, int n, int ncol, struct gbox *box)
{
	int rows[CHART_MAX_COLUMNS] = {0}, seen[CHART_MAX_COLUMNS] = {0}, maxrows = 0;
	for (int i = 0; i < n; i++) {
		int c = nodes[i].column < 0 ? 0 : nodes[i].column >= ncol ? ncol - 1 : nodes[i].column;
		box[i].column = c;
		if (++rows[c] > maxrows)
			maxrows = rows[c];
	}
	for (int i = 0; i < n; i++) {
		int c = box[i].column;
		double offset = (maxrows - rows[c]) * (G_BOX_H + G_VGAP) / 2;
		box[i].x = G_MARGIN + c * (G_BOX + G_GAP);
		box[i].y = G_TOP + offset + seen[c]++ * (G_BOX_H + G_VGAP);
	}
	return maxrows;
}

/* The column titles over the columns, one line each, full text as tooltip. */
static void graph_titles(struct buf *b, const struct chart_graph_spec *s, int ncol)
{
	int have = s->ncolumns > 0 ? s->ncolumns : 0;
	for (int c = 0; s->column_titles && c < ncol && c < have; c++) {
		const char *t = s->column_titles[c];
		if (!t || !*t)
			continue;
		chart_item_begin(b, "varde-chart-coltitle", t, NULL);
		struct chart_label l = {.x = G_MARGIN + c * (G_BOX + G_GAP) + G_BOX / 2,
					.y = 24,
					.cls = "varde-chart-axis-title",
					.anchor = "middle",
					.per_line = G_CHARS,
					.max_lines = 1};
		chart_text(b, &l, t);
		chart_item_end(b, NULL);
	}
}

/* The arrowhead, defined once per chart and named after its id. */
static void graph_marker(struct buf *b, const char *id)
{
	html_printf(b,
		    "<defs><marker id=\"%s-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
		    "markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\">"
		    "<path d=\"M0 0L10 5L0 10z\" class=\"varde-chart-arrowhead\"/></marker></defs>",
		    id);
}

/* One edge as a curve with an arrow: forward from the right side of a box to
 * the left side of a later one; backward from left side to right side; within
 * a column from right side to right side, swinging out to the right. */
static void graph_edge(struct buf *b, const char *id, const struct gbox *from, const struct gbox *to)
{
	double y1 = from->y + G_BOX_H / 2, y2 = to->y + G_BOX_H / 2, x1, x2, c1, c2;
	const char *cls = "varde-chart-edge";
	if (to->column > from->column) {
		x1 = from->x + G_BOX;
		x2 = to->x;
		c1 = x1 + (x2 - x1) / 2;
		c2 = x2 - (x2 - x1) / 2;
	} else {
		cls = "varde-chart-edge varde-chart-edge-back";
		x1 = to->column < from->column ? from->x : from->x + G_BOX;
		x2 = to->x + G_BOX;
		c1 = to->column < from->column ? x1 - G_BEND : x1 + G_BEND;
		c2 = x2 + G_BEND;
	}
	html_printf(b,
		    "<path d=\"M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1f\" class=\"%s\" marker-end=\"url(#%s-arrow)\"/>",
		    x1, y1, c1, y1, c2, y2, x2, y2, cls, id);
}

/* The edges between drawn nodes; an unknown index or a loop is left out. */
static void graph_edges(struct buf *b, const char *id, const struct gbox *box, int n, const struct chart_edge *edges,
			int m)
{
	html_raw(b, "<g class=\"varde-chart-edges\" aria-hidden=\"true\">");
	for (int i = 0; i < m; i++) {
		int from = edges[i].from, to = edges[i].to;
		if (from < 0 || from >= n || to < 0 || to >= n || from == to)
			continue;
		graph_edge(b, id, &box[from], &box[to]);
	}
	html_raw(b, "</g>");
}

/* One node: a box with its label wrapped to three lines, the full label as
 * tooltip, a link when it has one. */
static void graph_node(struct buf *b, const struct chart_node *node, const struct gbox *box)
{
	chart_item_begin(b, "varde-chart-node", node->label, node->href);
	html_printf(b,
		    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\" class=\"varde-chart-box\"/>",
		    box->x, box->y, G_BOX, G_BOX_H);
	struct chart_label l = {.x = box->x + G_BOX / 2,
				.y = box->y + G_BOX_H / 2 + 4.5,
				.line_height = G_LINE_H,
				.cls = "varde-chart-label",
				.anchor = "middle",
				.per_line = G_CHARS,
				.max_lines = 3,
				.valign = CHART_MIDDLE};
	chart_text(b, &l, node->label);
	chart_item_end(b, node->href);
}

/* Does any of the first n nodes carry a usable link? */
static bool graph_links(const struct chart_node *nodes, int n)
{
	for (int i = 0; i < n; i++)
		if (chart_href_ok(nodes[i].href))
			return true;
	return false;
}

/* The graph: column titles, edges under the boxes, then the boxes. */
void chart_graph(struct buf *b, const struct chart_graph_spec *s, const struct chart_node *nodes, int n,
		 const struct chart_edge *edges, int m)
{
	int total = n < 0 || !nodes ? 0 : n, etotal = m < 0 || !edges ? 0 : m;
	n = total > CHART_MAX_NODES ? CHART_MAX_NODES : total;
	m = etotal > CHART_MAX_EDGES ? CHART_MAX_EDGES : etotal;
	int ncol = graph_columns(s, nodes, n);
	struct gbox *box = xcalloc(n > 0 ? (size_t)n : 1, sizeof *box);
	int rows = graph_layout(nodes, n, ncol, box);
	char id[CHART_ID_MAX];
	chart_clean_id(id, s->id);
	struct chart_frame f = {.id = id,
				.kind = "graph",
				.title = s->title,
				.desc = s->desc,
				.cut_note = s->cut_note,
				.cut_drawn = n + m,
				.cut_total = total + etotal,
				.links = graph_links(nodes, n),
				.width = 2 * G_MARGIN + ncol * G_BOX + (ncol - 1) * G_GAP,
				.height = G_TOP + (rows > 0 ? rows : 1) * (G_BOX_H + G_VGAP) + G_MARGIN};
	chart_begin(b, &f);
	graph_marker(b, id);
	html_raw(b, "<g class=\"varde-chart-grid\" aria-hidden=\"true\">");
	graph_titles(b, s, ncol);
	html_raw(b, "</g>");
	graph_edges(b, id, box, n, edges, m);
	for (int i = 0; i < n; i++)
		graph_node(b, &nodes[i], &box[i]);
	free(box);
	chart_end(b);
}
