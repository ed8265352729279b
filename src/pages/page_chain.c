/* page_chain.c — the evidence chain of a project: research → insights →
 * needs → ideas → tests → decisions, drawn as a graph in columns, with every
 * path as a table row so a reader can follow any decision back to what users
 * said. ?item=ID keeps only what that item came from and led to.
 *
 * A register joins the chain by its chain column in REGISTERS (benefits are
 * the last). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/layout.h"
#include "../chart/chart.h"
#include "../core/html.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "pages.h"
#include "register_page.h"

/* CHAIN_COLS columns of items (registers with chain 1..CHAIN_COLS: research,
 * insights, needs, ideas, tests, benefits); the path table adds the tests'
 * decision after column CHAIN_DECISION_AFTER. */
enum { CHAIN_MAX_NODES = 400, CHAIN_MAX_EDGES = 2000, CHAIN_MAX_PATHS = 300, CHAIN_COLS = 6, CHAIN_DECISION_AFTER = 4 };

struct chain {
	const struct item_ref *node[CHAIN_MAX_NODES];
	int col[CHAIN_MAX_NODES];          /* 0-based column */
	bool keep[CHAIN_MAX_NODES];        /* in the focus (all when no focus) */
	int n;
	struct chart_edge edge[CHAIN_MAX_EDGES];
	int m;
};

static int chain_index(const struct chain *ch, long long id)
{
	for (int i = 0; i < ch->n; i++)
		if (ch->node[i]->id == id)
			return i;
	return -1;
}

/* Nodes: items of chain registers; edges: links that go forward in the chain. */
static void chain_build(struct ctx *c, const struct reg_page *rp, struct chain *ch)
{
	for (int i = 0; i < rp->items.n && ch->n < CHAIN_MAX_NODES; i++) {
		const struct reg_def *d = register_find(rp->items.v[i].reg);
		if (!d || d->chain <= 0 || d->chain > CHAIN_COLS)
			continue;
		ch->node[ch->n] = &rp->items.v[i];
		ch->col[ch->n++] = d->chain - 1;
	}
	struct db_stmt *s = store_links_of_project(c->db, rp->pc.p.id);
	while (db_step(s) == DB_ROW && ch->m < CHAIN_MAX_EDGES) {
		int a = chain_index(ch, db_col_int(s, 0)), b = chain_index(ch, db_col_int(s, 1));
		if (a >= 0 && b >= 0 && ch->col[a] < ch->col[b])
			ch->edge[ch->m++] = (struct chart_edge){a, b};
	}
	db_reset(s);
}

/* Mark what the focus node came from (walking edges backwards) and led to
 * (forwards). */
static void chain_mark(struct chain *ch, int from, int dir)
{
	ch->keep[from] = true;
	for (int e = 0; e < ch->m; e++) {
		int next = dir ? (ch->edge[e].from == from ? ch->edge[e].to : -1) : (ch->edge[e].to == from ? ch->edge[e].from : -1);
		if (next >= 0 && !ch->keep[next])
			chain_mark(ch, next, dir);
	}
}

/* Rows of the path table: walk from a node forwards; each path is written
 * when it reaches a node with no way on. */
struct walk {
	struct ctx *c;
	const struct reg_page *rp;
	const struct chain *ch;
	int path[CHAIN_COLS];
	int depth, rows;
};

static void chain_row(struct walk *w)
{
	struct buf *b = &w->c->resp->body;
	const char *cells[CHAIN_COLS] = {0};
	long long ids[CHAIN_COLS] = {0};
	const char *decision = NULL;
	for (int i = 0; i < w->depth; i++) {
		const struct item_ref *it = w->ch->node[w->path[i]];
		int col = w->ch->col[w->path[i]];
		cells[col] = reg_title(w->c, w->rp, it);
		ids[col] = it->id;
		if (!strcmp(it->reg, "test") && it->data) {
			const struct reg_def *td = register_find("test");
			const char *d = json_string_value(entry_field(it->data, "decision"));
			decision = d ? reg_option_label(w->c, register_field(td, "decision"), d) : NULL;
		}
	}
	html_printf(b, "<tr>");
	for (int col = 0; col < CHAIN_COLS; col++) {
		if (col == CHAIN_DECISION_AFTER + 1)
			html_printf(b, "<td>%s</td>", decision ? decision : "");
		if (cells[col])
			html_printf(b, "<td><a class=\"ds-link\" href=\"/projects/%lld/items/%lld\">%s</a></td>", w->rp->pc.p.id, ids[col],
				    cells[col]);
		else
			html_printf(b, "<td></td>");
	}
	html_printf(b, "</tr>");
	w->rows++;
}

static void chain_walk(struct walk *w, int node)
{
	if (w->rows >= CHAIN_MAX_PATHS || w->depth >= CHAIN_COLS)
		return;
	w->path[w->depth++] = node;
	bool onward = false;
	for (int e = 0; e < w->ch->m; e++)
		if (w->ch->edge[e].from == node && w->ch->keep[w->ch->edge[e].to]) {
			onward = true;
			chain_walk(w, w->ch->edge[e].to);
		}
	if (!onward)
		chain_row(w);
	w->depth--;
}

/* GET /projects/:id/chain */
void page_chain(struct ctx *c)
{
	struct reg_page rp;
	if (reg_page_load(c, AZ_PROJECT_VIEW, &rp, true) != 0)
		return;
	struct buf *b = &c->resp->body;
	struct chain *ch = xcalloc(1, sizeof *ch);
	chain_build(c, &rp, ch);
	long long focus_id = 0;
	int focus = text_parse_ll(kv_get(&c->req->query, "item"), &focus_id) ? chain_index(ch, focus_id) : -1;
	if (focus >= 0) {
		chain_mark(ch, focus, 0);
		chain_mark(ch, focus, 1);
	} else {
		for (int i = 0; i < ch->n; i++)
			ch->keep[i] = true;
	}
	const char *cols[CHAIN_COLS] = {_(c, "Research"), _(c, "Insights"), _(c, "Needs"), _(c, "Ideas"), _(c, "Tests"),
					_(c, "Benefits")};
	layout_begin(c, _(c, "Evidence chain"));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\"><a class=\"ds-link\" href=\"/projects/%lld\">%s</a> · "
		       "<a class=\"ds-link\" href=\"/projects/%lld/registers\">%s</a></p><h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>",
		    rp.pc.p.id, rp.pc.p.title, rp.pc.p.id, _(c, "Registers"), _(c, "Evidence chain"));
	if (focus >= 0)
		html_printf(b, "<p class=\"ds-paragraph\">%s <strong>%s</strong>. <a class=\"ds-link\" href=\"/projects/%lld/chain\">%s</a></p>",
			    _(c, "Showing what this came from and led to:"), reg_title(c, &rp, ch->node[focus]), rp.pc.p.id,
			    _(c, "Show the whole chain"));
	/* The graph, with only the kept nodes. */
	struct chart_node *nodes = xcalloc(CHAIN_MAX_NODES, sizeof *nodes);
	struct chart_edge *edges = xcalloc(CHAIN_MAX_EDGES, sizeof *edges);
	char(*hrefs)[48] = xcalloc(CHAIN_MAX_NODES, sizeof *hrefs);
	int map[CHAIN_MAX_NODES], nn = 0, ne = 0;
	for (int i = 0; i < ch->n; i++) {
		map[i] = -1;
		if (!ch->keep[i])
			continue;
		snprintf(hrefs[nn], sizeof hrefs[nn], "/projects/%lld/items/%lld", rp.pc.p.id, ch->node[i]->id);
		nodes[nn] = (struct chart_node){reg_title(c, &rp, ch->node[i]), ch->col[i], hrefs[nn]};
		map[i] = nn++;
	}
	for (int e = 0; e < ch->m; e++)
		if (map[ch->edge[e].from] >= 0 && map[ch->edge[e].to] >= 0)
			edges[ne++] = (struct chart_edge){map[ch->edge[e].from], map[ch->edge[e].to]};
	if (!nn) {
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>",
			    _(c, "The chain is empty. Record research, derive insights and needs, and link ideas and tests to them."));
	} else {
		struct chart_graph_spec spec = {.id = "chain", .title = _(c, "Evidence chain"),
						.desc = _(c, "Research, insights, needs, ideas, tests and benefits, with arrows from "
							     "what each came from. The table below lists every path."),
						.column_titles = cols, .ncolumns = CHAIN_COLS};
		chart_graph(b, &spec, nodes, nn, edges, ne);
		html_printf(b, "<div class=\"varde-table-wrap\"><table class=\"ds-table\"><caption>%s</caption><thead><tr>",
			    _(c, "Every path from research to decision"));
		for (int i = 0; i < CHAIN_COLS; i++) {
			if (i == CHAIN_DECISION_AFTER + 1)
				html_printf(b, "<th scope=\"col\">%s</th>", _(c, "Decision"));
			html_printf(b, "<th scope=\"col\">%s</th>", cols[i]);
		}
		html_printf(b, "</tr></thead><tbody>");
		struct walk w = {.c = c, .rp = &rp, .ch = ch};
		for (int i = 0; i < ch->n; i++) {
			bool root = ch->keep[i];
			for (int e = 0; root && e < ch->m; e++)
				root = !(ch->edge[e].to == i && ch->keep[ch->edge[e].from]);
			if (root)
				chain_walk(&w, i);
		}
		html_printf(b, "</tbody></table></div>");
		if (w.rows >= CHAIN_MAX_PATHS)
			html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "Only the first 300 paths are listed."));
	}
	layout_end(c);
	free(hrefs);
	free(edges);
	free(nodes);
	free(ch);
	reg_page_free(&rp);
}
