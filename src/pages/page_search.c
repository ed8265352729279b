/* page_search.c — one search over the published cases, the guide and the
 * projects the user may read, with filters by phase, service area and benefit
 * type. Readable without login: a visitor searches the cases published for
 * everyone and the guide; a signed-in user also the cases of their
 * organisations and networks, and their projects.
 *
 * Cases and projects are searched in the database (store_search.c: FTS5 on
 * SQLite, tsvector on PostgreSQL); the guide's methodologies are in memory and
 * searched there with the same words and the same rules (store_search.h). The
 * three are listed apart, each best first, because their scores do not
 * compare. Snippets come marked with private characters and only
 * search_mark_html turns those into <mark>; everything else is escaped. */
#include <stdlib.h>
#include <string.h>

#include "../core/html.h"
#include "../core/xalloc.h"
#include "../method/registry.h"
#include "../register/register.h"
#include "case_page.h"
#include "pages.h"

enum { SEARCH_LIMIT = 50, GUIDE_MAX_HITS = 400, GUIDE_SHOW = 25 };

/* A marked snippet as a paragraph (nothing when empty). */
static void snippet_render(struct buf *b, const char *marked)
{
	if (!marked || !*marked)
		return;
	html_printf(b, "<p class=\"ds-paragraph varde-snippet\">");
	search_mark_html(b, marked);
	html_printf(b, "</p>");
}

/* A section: its heading with the number of hits, then the list (written
 * by the caller into list with html_printf and search_mark_html) or none. */
static void section_render(struct ctx *c, const char *id, const char *heading, int n, const struct buf *list,
			   const char *none)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<section aria-labelledby=\"%s\"><h2 class=\"ds-heading\" data-size=\"md\" id=\"%s\">%s (%d)</h2>", id, id,
		    heading, n);
	if (n) {
		html_printf(b, "<ul class=\"varde-results\">");
		html_raw(b, buf_str(list)); /* raw-ok: written with html_printf and search_mark_html by the caller */
		html_printf(b, "</ul>");
	} else {
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", none);
	}
	html_printf(b, "</section>\n");
}

/* ---- cases and projects ---------------------------------------------- */

static void search_cases_render(struct ctx *c, const struct case_choices *ch, const struct search_terms *t,
				const struct search_filter *f)
{
	struct db_stmt *s = store_search_cases(c->db, t, c->user_id, f, SEARCH_LIMIT);
	struct buf list = {0};
	int n = 0;
	while (db_step(s) == DB_ROW) {
		n++;
		html_printf(&list,
			    "<li><a class=\"ds-link varde-result-title\" href=\"/cases/%lld\">%s</a>"
			    "<p class=\"ds-paragraph varde-meta\">%s · %s · %s · %s</p>",
			    db_col_int(s, 0), db_col_text(s, 1), db_col_text(s, 2), case_phase_label(ch, db_col_text(s, 4)),
			    service_area_label(c, db_col_text(s, 5)), case_audience_label(c, db_col_text(s, 6)));
		snippet_render(&list, db_col_text(s, 3));
		html_printf(&list, "</li>");
	}
	db_reset(s);
	section_render(c, "hits-cases", _(c, "Cases"), n, &list, _(c, "No cases match."));
	buf_free(&list);
}

static void search_projects_render(struct ctx *c, const struct case_choices *ch, const struct search_terms *t,
				   const struct search_filter *f)
{
	struct db_stmt *s = store_search_projects(c->db, t, c->user_id, f, SEARCH_LIMIT);
	struct buf list = {0};
	int n = 0;
	while (db_step(s) == DB_ROW) {
		n++;
		long long pid = db_col_int(s, 0), iid = db_col_int(s, 2);
		if (iid) {
			const struct reg_def *r = register_find(db_col_text(s, 8));
			html_printf(&list, "<li><a class=\"ds-link varde-result-title\" href=\"/projects/%lld/items/%lld\">%s</a>"
					   "<p class=\"ds-paragraph varde-meta\">%s · %s %s · %s</p>",
				    pid, iid, db_col_text(s, 3), r ? _(c, r->one) : "", _(c, "in the project"), db_col_text(s, 1),
				    db_col_text(s, 7));
		} else {
			html_printf(&list, "<li><a class=\"ds-link varde-result-title\" href=\"/projects/%lld\">%s</a>"
					   "<p class=\"ds-paragraph varde-meta\">%s · %s · %s · %s</p>",
				    pid, db_col_text(s, 1), _(c, "Project"), db_col_text(s, 7), case_phase_label(ch, db_col_text(s, 5)),
				    service_area_label(c, db_col_text(s, 6)));
		}
		snippet_render(&list, db_col_text(s, 4));
		html_printf(&list, "</li>");
	}
	db_reset(s);
	section_render(c, "hits-projects", _(c, "Your projects"), n, &list, _(c, "None of the projects you can read match."));
	buf_free(&list);
}

/* ---- the guide (in memory) -------------------------------------------- */

struct guide_hit {
	const struct methodology *m;
	const char *L;
	const struct m_phase *ph; /* a phase, or the phase of a step */
	const struct m_step *st;  /* a step */
	const struct m_tool *tl;  /* a tool */
	const char *text;         /* the text to cut the snippet from */
	int score, order;
};

struct guide_hits {
	struct guide_hit v[GUIDE_MAX_HITS];
	int n;
};

/* Markdown source as plain text for a snippet: emphasis, heading and code
 * marks dropped, links as their text. Malloc'd. */
static char *guide_plain(const char *md)
{
	struct buf b = {0};
	for (const char *p = md ? md : ""; *p; p++) {
		if (*p == '*' || *p == '#' || *p == '`' || *p == '[' || *p == '>' || *p == '|')
			continue;
		if (p[0] == ']' && p[1] == '(') {
			const char *close = strchr(p, ')');
			if (close) {
				p = close;
				continue;
			}
		}
		buf_putc(&b, *p);
	}
	return buf_detach(&b);
}

/* Score a candidate whose texts together hold every term (the name counts
 * five times); record it. */
static void guide_try(struct guide_hits *h, const struct search_terms *t, struct guide_hit hit, const char *name,
		      const char *a, const char *b2)
{
	unsigned all = (1u << t->n) - 1;
	unsigned ba = search_text_terms(a, t), bb = search_text_terms(b2, t);
	if ((search_text_terms(name, t) | ba | bb) != all || h->n >= GUIDE_MAX_HITS)
		return;
	hit.score = 5 * search_text_hits(name, t) + search_text_hits(a, t) + search_text_hits(b2, t);
	hit.text = ba || !bb ? a : b2;
	hit.order = h->n;
	h->v[h->n++] = hit;
}

/* Is the tool used in a step of phase key? */
static bool guide_tool_in_phase(const struct methodology *m, const struct m_tool *tl, const char *key)
{
	for (int p = 0; p < m->nphases; p++) {
		if (strcmp(m->phases[p].key, key) != 0)
			continue;
		for (int s = 0; s < m->phases[p].nsteps; s++)
			for (int k = 0; k < m->phases[p].steps[s].ntools; k++)
				if (m->phases[p].steps[s].tools[k] == tl)
					return true;
	}
	return false;
}

#define T(x) tr_text(m, (x), L)

/* Every phase, step and tool of the current methodologies that matches,
 * limited to one phase key when phase is set. */
static void guide_collect(struct ctx *c, const struct search_terms *t, const char *phase, struct guide_hits *h)
{
	const struct methodology *list[32];
	int n = registry_list(c->app->methods, list, 32);
	for (int i = 0; i < n; i++) {
		const struct methodology *m = list[i];
		const char *L = method_has_lang(m, c->lang) ? c->lang : m->langs[0];
		for (int p = 0; p < m->nphases; p++) {
			const struct m_phase *ph = &m->phases[p];
			if (*phase && strcmp(ph->key, phase) != 0)
				continue;
			guide_try(h, t, (struct guide_hit){.m = m, .L = L, .ph = ph}, T(&ph->name), T(&ph->purpose), NULL);
			for (int s = 0; s < ph->nsteps; s++)
				guide_try(h, t, (struct guide_hit){.m = m, .L = L, .ph = ph, .st = &ph->steps[s]}, T(&ph->steps[s].name),
					  T(&ph->steps[s].guidance), NULL);
		}
		for (int k = 0; k < m->ntools; k++) {
			const struct m_tool *tl = &m->tools[k];
			if (*phase && !guide_tool_in_phase(m, tl, phase))
				continue;
			guide_try(h, t, (struct guide_hit){.m = m, .L = L, .tl = tl}, T(&tl->name), T(&tl->purpose),
				  T(&tl->guidance));
		}
	}
}

static int guide_hit_cmp(const void *a, const void *b)
{
	const struct guide_hit *x = a, *y = b;
	if (x->score != y->score)
		return y->score - x->score;
	return x->order - y->order;
}

static int search_guide_render(struct ctx *c, const struct search_terms *t, const struct search_filter *f)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<section aria-labelledby=\"hits-guide\">");
	if (*f->area || *f->type) {
		html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\" id=\"hits-guide\">%s</h2><p class=\"ds-paragraph\">%s</p></section>\n",
			    _(c, "Guide"), _(c, "The guide is not searched when you filter by service area or type of benefit."));
		return 0;
	}
	struct guide_hits *h = xcalloc(1, sizeof *h);
	guide_collect(c, t, f->phase, h);
	qsort(h->v, (size_t)h->n, sizeof h->v[0], guide_hit_cmp);
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\" id=\"hits-guide\">%s (%d)</h2>", _(c, "Guide"), h->n);
	if (h->n == 0)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "Nothing in the guide matches your search."));
	else
		html_printf(b, "<ul class=\"varde-results\">");
	for (int i = 0; i < h->n && i < GUIDE_SHOW; i++) {
		const struct guide_hit *g = &h->v[i];
		const struct methodology *m = g->m;
		const char *L = g->L;
		if (strcmp(L, c->lang) != 0)
			html_printf(b, "<li lang=\"%s\">", L);
		else
			html_printf(b, "<li>");
		if (g->tl)
			html_printf(b, "<a class=\"ds-link varde-result-title\" href=\"/guide/%s/tools/%s\">%s</a>"
				       "<p class=\"ds-paragraph varde-meta\">%s · %s</p>",
				    m->key, g->tl->key, T(&g->tl->name), _(c, "Tool"), T(&m->name));
		else if (g->st)
			html_printf(b, "<a class=\"ds-link varde-result-title\" href=\"/guide/%s/phases/%s#step-%s\">%s</a>"
				       "<p class=\"ds-paragraph varde-meta\">%s · %s · %s</p>",
				    m->key, g->ph->key, g->st->key, T(&g->st->name), _(c, "Step"), T(&g->ph->name), T(&m->name));
		else
			html_printf(b, "<a class=\"ds-link varde-result-title\" href=\"/guide/%s/phases/%s\">%s</a>"
				       "<p class=\"ds-paragraph varde-meta\">%s · %s</p>",
				    m->key, g->ph->key, T(&g->ph->name), _(c, "Phase"), T(&m->name));
		char *plain = guide_plain(g->text);
		char *snip = search_snippet(plain, t, 30);
		snippet_render(b, snip);
		free(snip);
		free(plain);
		html_printf(b, "</li>");
	}
	if (h->n)
		html_printf(b, "</ul>");
	if (h->n > GUIDE_SHOW)
		html_printf(b, "<p class=\"ds-paragraph\">%s %d. %s</p>", _(c, "Hits shown:"), GUIDE_SHOW,
			    _(c, "Add a word to narrow the search."));
	html_printf(b, "</section>\n");
	int n = h->n;
	free(h);
	return n;
}

/* ---- the page --------------------------------------------------------- */

/* GET /search?q=&phase=&area=&type= */
void page_search(struct ctx *c)
{
	struct case_choices ch;
	case_choices_load(c, &ch);
	struct search_filter f;
	case_filter_read(c, &ch, &f);
	const char *q = kv_get(&c->req->query, "q");
	struct search_terms t;
	search_terms_parse(q, &t);
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Search"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n<p class=\"ds-paragraph\">%s</p>\n", _(c, "Search"),
		    c->user_id ? _(c, "Search the cases you can read, the guide and your projects.")
			       : _(c, "Search the cases published for everyone and the guide. Log in to search your projects "
				      "and the cases of your organisation and networks too."));
	html_printf(b, "<form class=\"varde-search\" method=\"get\" action=\"/search\" role=\"search\">"
		       "<div class=\"ds-field\"><label class=\"ds-label\" for=\"q\">%s</label>"
		       "<div class=\"ds-paragraph\" data-field=\"description\" id=\"q-help\">%s</div>"
		       "<input class=\"ds-input\" type=\"search\" id=\"q\" name=\"q\" maxlength=\"100\" aria-describedby=\"q-help\" "
		       "value=\"%s\"></div><div class=\"varde-filters varde-inline\">",
		    _(c, "Words to search for"),
		    _(c, "Every word must occur. Words match their beginning: \"innovasj\" finds \"innovasjon\"."),
		    q ? q : "");
	case_filter_fields(c, &ch, &f);
	html_printf(b, "</div><button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>\n",
		    _(c, "Search"));
	if (t.n == 0) {
		if (q && *q)
			ui_alert(c, "info", _(c, "Type one or more words of letters or digits."));
		html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/cases\">%s</a></p>\n",
			    _(c, "Browse the case library by phase, service area and type of benefit"));
	} else {
		search_cases_render(c, &ch, &t, &f);
		if (c->user_id)
			search_projects_render(c, &ch, &t, &f);
		search_guide_render(c, &t, &f);
	}
	layout_end(c);
	case_choices_free(&ch);
}
