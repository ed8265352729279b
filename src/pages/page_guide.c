/* page_guide.c — the public guide: every methodology, phase, step and tool on
 * its own readable, linkable page, generated from the methodology files; a
 * printable whole methodology; an empty template to print for a workshop; and
 * a search. No login needed. Content is shown in the user's language when the
 * methodology has it, otherwise in its base language (marked with lang=). */
#include <stdlib.h>
#include <string.h>

#include "../app/layout.h"
#include "../core/html.h"
#include "../core/text.h"
#include "../method/registry.h"
#include "pages.h"

/* The language to show a methodology in. */
static const char *guide_lang(const struct ctx *c, const struct methodology *m)
{
	return method_has_lang(m, c->lang) ? c->lang : m->langs[0];
}

/* Open a container marked with the content language when it differs. */
static void guide_lang_open(struct ctx *c, const struct methodology *m)
{
	const char *l = guide_lang(c, m);
	if (strcmp(l, c->lang) != 0)
		html_printf(&c->resp->body, "<div lang=\"%s\">", strcmp(l, "nb") == 0 ? "nb" : l);
	else
		html_printf(&c->resp->body, "<div>");
}

#define T(t) tr_text(m, (t), L)
/* Rendered Markdown, made at load time by cmark-gfm in safe mode. */
#define MD(t) html_raw(b, tr_html(m, (t), L)) /* raw-ok: cmark safe mode output */

/* The methodology named by the first URL parameter, or a 404 page. */
static const struct methodology *guide_method(struct ctx *c)
{
	registry_refresh(c->app->methods, c->db);
	long long v = 0;
	const struct methodology *m = NULL;
	if (text_parse_ll(kv_get(&c->req->query, "v"), &v)) {
		m = registry_version(c->app->methods, v); /* a pinned version, as a project sees it */
		if (m && strcmp(m->key, c->req->params_s[0]) != 0)
			m = NULL;
	} else {
		m = registry_current(c->app->methods, c->req->params_s[0]);
	}
	if (!m)
		page_error(c, 404, _(c, "There is no methodology with that name."));
	return m;
}

static void guide_breadcrumbs(struct ctx *c, const struct methodology *m, const char *L, const char *here)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<nav class=\"ds-breadcrumbs varde-crumbs\" aria-label=\"%s\"><ol>", _(c, "You are here"));
	html_printf(b, "<li><a class=\"ds-link\" href=\"/guide\">%s</a></li>", _(c, "Guide"));
	if (m)
		html_printf(b, "<li><a class=\"ds-link\" href=\"/guide/%s\">%s</a></li>", m->key, T(&m->name));
	if (here)
		html_printf(b, "<li><span aria-current=\"page\">%s</span></li>", here);
	html_printf(b, "</ol></nav>\n");
}

static void guide_tips(struct ctx *c, const struct methodology *m, const char *L, const struct tr *tips, int n,
		       const char *heading_level)
{
	struct buf *b = &c->resp->body;
	if (n == 0)
		return;
	html_printf(b, "<section class=\"varde-tips\"><%s class=\"ds-heading\" data-size=\"xs\">%s</%s><ul>", heading_level,
		    _(c, "Tips and advice"), heading_level);
	for (int i = 0; i < n; i++) {
		html_printf(b, "<li>");
		MD(&tips[i]);
		html_printf(b, "</li>");
	}
	html_printf(b, "</ul></section>\n");
}

/* GET /guide — the methodologies, and search results when ?q= is given. */
static void page_guide_search(struct ctx *c, const char *q);
void page_guide_index(struct ctx *c)
{
	struct buf *b = &c->resp->body;
	registry_refresh(c->app->methods, c->db);
	const char *q = kv_get(&c->req->query, "q");
	layout_begin(c, _(c, "Guide"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", _(c, "Guide to service innovation"));
	html_printf(b, "<p class=\"ds-paragraph\">%s</p>\n",
		    _(c, "Methodologies for service innovation in the public sector: phases, steps and tools with "
			 "guidance, templates, checklists, questions and tips. Free to read without logging in."));
	html_printf(b, "<form class=\"varde-search\" method=\"get\" action=\"/guide\" role=\"search\">"
		       "<label class=\"ds-label\" for=\"q\">%s</label><div class=\"varde-row\">"
		       "<input class=\"ds-input\" type=\"search\" id=\"q\" name=\"q\" maxlength=\"100\" value=\"%s\">"
		       "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></div></form>\n",
		    _(c, "Search the guide"), q ? q : "", _(c, "Search"));
	if (q && *q) {
		page_guide_search(c, q);
	} else {
		const struct methodology *list[32];
		int n = registry_list(c->app->methods, list, 32);
		html_printf(b, "<ul class=\"varde-cards\">");
		for (int i = 0; i < n; i++) {
			const struct methodology *m = list[i];
			const char *L = guide_lang(c, m);
			html_printf(b, "<li class=\"ds-card\" data-color=\"neutral\"><h2 class=\"ds-heading\" data-size=\"sm\">"
				       "<a class=\"ds-link\" href=\"/guide/%s\">%s</a></h2>",
				    m->key, T(&m->name));
			html_printf(b, "<p class=\"ds-paragraph\">%s · %d %s · %s</p></li>", T(&m->publisher), m->nphases,
				    _(c, "phases"), strcmp(L, c->lang) == 0 ? "" : _(c, "in another language"));
		}
		html_printf(b, "</ul>\n");
	}
	layout_end(c);
}

/* GET /guide/:key */
void page_guide_method(struct ctx *c)
{
	const struct methodology *m = guide_method(c);
	if (!m)
		return;
	const char *L = guide_lang(c, m);
	struct buf *b = &c->resp->body;
	layout_begin(c, T(&m->name));
	guide_breadcrumbs(c, m, L, NULL);
	guide_lang_open(c, m);
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", T(&m->name));
	html_printf(b, "<p class=\"ds-paragraph varde-meta\">%s · %s %s (%.8s)</p>\n", T(&m->publisher), _(c, "version"),
		    m->version, m->hash);
	MD(&m->description);
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n<ol class=\"varde-phases\">", _(c, "Phases"));
	for (int i = 0; i < m->nphases; i++) {
		const struct m_phase *p = &m->phases[i];
		html_printf(b, "<li><h3 class=\"ds-heading\" data-size=\"sm\"><a class=\"ds-link\" href=\"/guide/%s/phases/%s\">%s</a></h3>",
			    m->key, p->key, T(&p->name));
		MD(&p->purpose);
		html_printf(b, "<ol class=\"varde-steps\">");
		for (int s = 0; s < p->nsteps; s++)
			html_printf(b, "<li><a class=\"ds-link\" href=\"/guide/%s/phases/%s#step-%s\">%s</a></li>", m->key,
				    p->key, p->steps[s].key, T(&p->steps[s].name));
		html_printf(b, "</ol></li>");
	}
	html_printf(b, "</ol>\n<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n<ul class=\"varde-tools\">", _(c, "Tools"));
	for (int i = 0; i < m->ntools; i++)
		html_printf(b, "<li><a class=\"ds-link\" href=\"/guide/%s/tools/%s\">%s</a></li>", m->key, m->tools[i].key,
			    T(&m->tools[i].name));
	html_printf(b, "</ul>\n");
	if (m->notes.s[0]) {
		html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "About this text"));
		MD(&m->notes);
	}
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n<ul>", _(c, "Sources"));
	for (int i = 0; i < m->nsources; i++)
		html_printf(b, "<li><a class=\"ds-link\" href=\"%s\">%s</a></li>", m->sources[i].url, T(&m->sources[i].title));
	html_printf(b, "</ul>\n<p class=\"ds-paragraph\">%s: %s</p>\n", _(c, "Licence"), T(&m->licence));
	html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/guide/%s/print\">%s</a></p>\n", m->key,
		    _(c, "The whole methodology on one page, for printing"));
	html_printf(b, "</div>\n");
	layout_end(c);
}

/* The steps of a phase, with their guidance, tips, examples and tools. */
static void guide_phase_body(struct ctx *c, const struct methodology *m, const char *L, const struct m_phase *p,
			     int h)
{
	struct buf *b = &c->resp->body;
	MD(&p->purpose);
	for (int s = 0; s < p->nsteps; s++) {
		const struct m_step *st = &p->steps[s];
		html_printf(b, "<section class=\"varde-step\" id=\"step-%s\"><h%d class=\"ds-heading\" data-size=\"sm\">%d. %s</h%d>",
			    st->key, h, st->order, T(&st->name), h);
		MD(&st->guidance);
		if (st->ntools) {
			html_printf(b, "<p class=\"ds-paragraph\"><strong>%s:</strong> ", _(c, "Tools"));
			for (int t = 0; t < st->ntools; t++)
				html_printf(b, "%s<a class=\"ds-link\" href=\"/guide/%s/tools/%s\">%s</a>", t ? ", " : "", m->key,
					    st->tools[t]->key, T(&st->tools[t]->name));
			html_printf(b, "</p>");
		}
		for (int e = 0; e < st->nexamples; e++) {
			html_printf(b, "<aside class=\"ds-card varde-example\"><p class=\"ds-paragraph\"><strong>%s: %s</strong></p>",
				    _(c, "Example"), T(&st->examples[e].title));
			MD(&st->examples[e].text);
			html_printf(b, "</aside>");
		}
		guide_tips(c, m, L, st->tips, st->ntips, h == 2 ? "h3" : "h4");
		html_printf(b, "</section>\n");
	}
	html_printf(b, "<h%d class=\"ds-heading\" data-size=\"sm\">%s</h%d><ul class=\"varde-checklist\">", h,
		    _(c, "When is the phase done?"), h);
	for (int i = 0; i < p->nexit; i++)
		html_printf(b, "<li>%s</li>", T(&p->exit[i].text));
	html_printf(b, "</ul>\n");
	guide_tips(c, m, L, p->tips, p->ntips, h == 2 ? "h2" : "h3");
}

/* GET /guide/:key/phases/:key */
void page_guide_phase(struct ctx *c)
{
	const struct methodology *m = guide_method(c);
	if (!m)
		return;
	const struct m_phase *p = method_phase(m, c->req->params_s[1]);
	if (!p) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return;
	}
	const char *L = guide_lang(c, m);
	struct buf *b = &c->resp->body;
	layout_begin(c, T(&p->name));
	guide_breadcrumbs(c, m, L, T(&p->name));
	guide_lang_open(c, m);
	html_printf(b, "<p class=\"ds-paragraph varde-meta\">%s %d %s %d</p>\n", _(c, "Phase"), p->order, _(c, "of"),
		    m->nphases);
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", T(&p->name));
	guide_phase_body(c, m, L, p, 2);
	html_printf(b, "<nav class=\"varde-prevnext\" aria-label=\"%s\">", _(c, "Phases"));
	if (p->order > 1)
		html_printf(b, "<a class=\"ds-link\" href=\"/guide/%s/phases/%s\">← %s</a> ", m->key, m->phases[p->order - 2].key,
			    T(&m->phases[p->order - 2].name));
	if (p->order < m->nphases)
		html_printf(b, "<a class=\"ds-link\" href=\"/guide/%s/phases/%s\">%s →</a>", m->key, m->phases[p->order].key,
			    T(&m->phases[p->order].name));
	html_printf(b, "</nav></div>\n");
	layout_end(c);
}

static const char *field_type_label(enum field_type t)
{
	static const char *const labels[FT_COUNT] = {
		N_("Short text"), N_("Long text"), N_("Number"), N_("Amount in NOK"), N_("Percent"), N_("Date"),
		N_("One choice"), N_("Several choices"), N_("Scale"), N_("Yes or no"), N_("Team member"), N_("Table"),
		N_("Links to the project's registers"),
	};
	return labels[t];
}

static const char *register_label(const char *reg)
{
	static const char *const names[][2] = {
		{"stakeholder", N_("stakeholders")}, {"anchoring", N_("anchoring activities")},
		{"research", N_("research activities")}, {"insight", N_("insights")}, {"need", N_("needs")},
		{"persona", N_("personas")}, {"journey", N_("journey maps")}, {"idea", N_("ideas")},
		{"test", N_("prototypes and tests")}, {"benefit", N_("benefits")},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (reg && strcmp(names[i][0], reg) == 0)
			return names[i][1];
	return "";
}

/* Describe one template field (type, unit, options, columns, help). */
static void guide_field(struct ctx *c, const struct methodology *m, const char *L, const struct m_field *f)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<li><strong>%s</strong>%s — %s", T(&f->label), f->required ? " *" : "", _(c, field_type_label(f->type)));
	if (f->type == FT_NUMBER)
		html_printf(b, " (%s)", T(&f->unit));
	if (f->type == FT_LINK)
		html_printf(b, ": %s", _(c, register_label(f->reg)));
	if (f->help.s[0])
		html_printf(b, "<br><span class=\"varde-help\">%s</span>", T(&f->help));
	if (f->nopts) {
		html_printf(b, "<ul class=\"varde-options\">");
		for (int i = 0; i < f->nopts; i++)
			html_printf(b, "<li>%s</li>", T(&f->opts[i].text));
		html_printf(b, "</ul>");
	}
	if (f->ncols) {
		html_printf(b, "<ul class=\"varde-columns\">");
		for (int i = 0; i < f->ncols; i++)
			guide_field(c, m, L, &f->cols[i]);
		html_printf(b, "</ul>");
	}
	html_printf(b, "</li>");
}

/* The body of a tool page (also used by the print view). */
static void guide_tool_body(struct ctx *c, const struct methodology *m, const char *L, const struct m_tool *t, int h)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<div class=\"varde-purpose\">");
	MD(&t->purpose);
	html_printf(b, "</div><h%d class=\"ds-heading\" data-size=\"sm\">%s</h%d>", h, _(c, "How to do it"), h);
	MD(&t->guidance);
	html_printf(b, "<h%d class=\"ds-heading\" data-size=\"sm\">%s</h%d><p class=\"ds-paragraph\">%s</p><ul class=\"varde-fields\">",
		    h, _(c, "Template"), h, _(c, "Fields marked * must be filled in."));
	for (int i = 0; i < t->nfields; i++)
		guide_field(c, m, L, &t->fields[i]);
	html_printf(b, "</ul><h%d class=\"ds-heading\" data-size=\"sm\">%s</h%d><ul class=\"varde-checklist\">", h,
		    _(c, "Checklist"), h);
	for (int i = 0; i < t->nchecklist; i++)
		html_printf(b, "<li>%s</li>", T(&t->checklist[i].text));
	html_printf(b, "</ul><h%d class=\"ds-heading\" data-size=\"sm\">%s</h%d><ol>", h, _(c, "Questions to reflect on"), h);
	for (int i = 0; i < t->nquestions; i++)
		html_printf(b, "<li>%s</li>", T(&t->questions[i].text));
	html_printf(b, "</ol>");
	guide_tips(c, m, L, t->tips, t->ntips, h == 2 ? "h2" : "h3");
}

/* The phases and steps that use a tool (a tool can serve several). */
static void guide_tool_used_in(struct ctx *c, const struct methodology *m, const char *L, const struct m_tool *t)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<p class=\"ds-paragraph\"><strong>%s:</strong> ", _(c, "Used in"));
	int n = 0;
	for (int p = 0; p < m->nphases; p++)
		for (int s = 0; s < m->phases[p].nsteps; s++)
			for (int k = 0; k < m->phases[p].steps[s].ntools; k++)
				if (m->phases[p].steps[s].tools[k] == t)
					html_printf(b, "%s<a class=\"ds-link\" href=\"/guide/%s/phases/%s#step-%s\">%s: %s</a>",
						    n++ ? "; " : "", m->key, m->phases[p].key, m->phases[p].steps[s].key,
						    T(&m->phases[p].name), T(&m->phases[p].steps[s].name));
	html_printf(b, "</p>\n");
}

/* The tool named by the second URL parameter, or a 404 page. */
static const struct m_tool *guide_tool(struct ctx *c, const struct methodology *m)
{
	const struct m_tool *t = method_tool(m, c->req->params_s[1]);
	if (!t)
		page_error(c, 404, _(c, "There is no page at this address."));
	return t;
}

/* GET /guide/:key/tools/:key */
void page_guide_tool(struct ctx *c)
{
	const struct methodology *m = guide_method(c);
	const struct m_tool *t = m ? guide_tool(c, m) : NULL;
	if (!t)
		return;
	const char *L = guide_lang(c, m);
	struct buf *b = &c->resp->body;
	layout_begin(c, T(&t->name));
	guide_breadcrumbs(c, m, L, T(&t->name));
	guide_lang_open(c, m);
	html_printf(b, "<p class=\"ds-paragraph varde-meta\">%s</p><h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n",
		    _(c, "Tool"), T(&t->name));
	guide_tool_used_in(c, m, L, t);
	guide_tool_body(c, m, L, t, 2);
	html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/guide/%s/tools/%s/template\">%s</a></p></div>\n",
		    m->key, t->key, _(c, "Empty template to print for a workshop"));
	layout_end(c);
}

/* One blank field on the printable template. */
static void guide_blank_field(struct ctx *c, const struct methodology *m, const char *L, const struct m_field *f)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<div class=\"varde-blank\"><p class=\"ds-paragraph\"><strong>%s</strong>%s", T(&f->label),
		    f->required ? " *" : "");
	if (f->type == FT_NUMBER)
		html_printf(b, " (%s)", T(&f->unit));
	if (f->help.s[0])
		html_printf(b, "<br><span class=\"varde-help\">%s</span>", T(&f->help));
	html_printf(b, "</p>");
	if (f->type == FT_TABLE) {
		html_printf(b, "<table class=\"ds-table varde-blank-table\"><thead><tr>");
		for (int i = 0; i < f->ncols; i++)
			html_printf(b, "<th scope=\"col\">%s</th>", T(&f->cols[i].label));
		html_printf(b, "</tr></thead><tbody>");
		for (int r = 0; r < 5; r++) {
			html_printf(b, "<tr>");
			for (int i = 0; i < f->ncols; i++)
				html_printf(b, "<td>&nbsp;</td>");
			html_printf(b, "</tr>");
		}
		html_printf(b, "</tbody></table>");
	} else if (f->nopts) {
		html_printf(b, "<ul class=\"varde-boxes\">");
		for (int i = 0; i < f->nopts; i++)
			html_printf(b, "<li>☐ %s</li>", T(&f->opts[i].text));
		html_printf(b, "</ul>");
	} else if (f->type == FT_YESNO) {
		html_printf(b, "<p class=\"ds-paragraph\">☐ %s ☐ %s</p>", _(c, "Yes"), _(c, "No"));
	} else {
		html_printf(b, "<div class=\"varde-box%s\"></div>", f->type == FT_LONGTEXT || f->type == FT_LINK ? " varde-box-tall" : "");
	}
	html_printf(b, "</div>");
}

/* GET /guide/:key/tools/:key/template — an empty template for paper. */
void page_guide_template(struct ctx *c)
{
	const struct methodology *m = guide_method(c);
	const struct m_tool *t = m ? guide_tool(c, m) : NULL;
	if (!t)
		return;
	const char *L = guide_lang(c, m);
	struct buf *b = &c->resp->body;
	layout_begin(c, T(&t->name));
	guide_lang_open(c, m);
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1><p class=\"ds-paragraph\">%s · %s: ________  %s: ________</p>",
		    T(&t->name), T(&m->name), _(c, "Project"), _(c, "Date"));
	for (int i = 0; i < t->nfields; i++)
		guide_blank_field(c, m, L, &t->fields[i]);
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"sm\">%s</h2><ul class=\"varde-boxes\">", _(c, "Checklist"));
	for (int i = 0; i < t->nchecklist; i++)
		html_printf(b, "<li>☐ %s</li>", T(&t->checklist[i].text));
	html_printf(b, "</ul><h2 class=\"ds-heading\" data-size=\"sm\">%s</h2>", _(c, "Questions to reflect on"));
	for (int i = 0; i < t->nquestions; i++)
		html_printf(b, "<div class=\"varde-blank\"><p class=\"ds-paragraph\">%s</p><div class=\"varde-box\"></div></div>",
			    T(&t->questions[i].text));
	html_printf(b, "</div>\n");
	layout_end(c);
}

/* GET /guide/:key/print — the whole methodology on one page. */
void page_guide_print(struct ctx *c)
{
	const struct methodology *m = guide_method(c);
	if (!m)
		return;
	const char *L = guide_lang(c, m);
	struct buf *b = &c->resp->body;
	layout_begin(c, T(&m->name));
	guide_lang_open(c, m);
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1><p class=\"ds-paragraph\">%s · %s %s</p>",
		    T(&m->name), T(&m->publisher), _(c, "version"), m->version);
	MD(&m->description);
	for (int i = 0; i < m->nphases; i++) {
		html_printf(b, "<section class=\"varde-print-phase\"><h2 class=\"ds-heading\" data-size=\"md\">%d. %s</h2>",
			    m->phases[i].order, T(&m->phases[i].name));
		guide_phase_body(c, m, L, &m->phases[i], 3);
		html_printf(b, "</section>");
	}
	for (int i = 0; i < m->ntools; i++) {
		html_printf(b, "<section class=\"varde-print-tool\"><h2 class=\"ds-heading\" data-size=\"md\">%s: %s</h2>",
			    _(c, "Tool"), T(&m->tools[i].name));
		guide_tool_body(c, m, L, &m->tools[i], 3);
		html_printf(b, "</section>");
	}
	html_printf(b, "<p class=\"ds-paragraph\">%s: %s</p></div>\n", _(c, "Licence"), T(&m->licence));
	layout_end(c);
}

/* ---- search ------------------------------------------------------------- */

struct hit {
	const char *href_key, *kind, *title, *text;
	char sub[160];
};

/* Write a short excerpt of text around the first match of needle (folded),
 * with the match marked. Text is escaped; only <mark> is ours. */
static void guide_snippet(struct buf *b, const char *text, const char *needle)
{
	char *folded = text_fold(text);
	const char *at = strstr(folded, needle);
	size_t pos = at ? (size_t)(at - folded) : 0, nlen = at ? strlen(needle) : 0;
	size_t start = pos > 80 ? pos - 80 : 0;
	while (start > 0 && ((unsigned char)text[start] & 0xC0) == 0x80)
		start--;
	size_t end = pos + nlen + 120;
	if (end > strlen(text))
		end = strlen(text);
	while (end < strlen(text) && ((unsigned char)text[end] & 0xC0) == 0x80)
		end++;
	if (start > 0)
		buf_puts(b, "… ");
	html_textn(b, text + start, pos - start);
	if (at) {
		html_raw(b, "<mark>");
		html_textn(b, text + pos, nlen);
		html_raw(b, "</mark>");
	}
	html_textn(b, text + pos + nlen, end - pos - nlen);
	if (end < strlen(text))
		buf_puts(b, " …");
	free(folded);
}

/* Does any of the texts contain the folded needle? Returns the first that does. */
static const char *guide_match(const char *needle, const char *a, const char *b2, const char *c3)
{
	const char *texts[3] = {a, b2, c3};
	for (int i = 0; i < 3; i++) {
		if (!texts[i])
			continue;
		char *f = text_fold(texts[i]);
		bool hit = strstr(f, needle) != NULL;
		free(f);
		if (hit)
			return texts[i];
	}
	return NULL;
}

static void page_guide_search(struct ctx *c, const char *q)
{
	struct buf *b = &c->resp->body;
	char *needle_raw = text_trim_dup(q);
	char *needle = text_fold(needle_raw);
	free(needle_raw);
	const struct methodology *list[32];
	int n = registry_list(c->app->methods, list, 32), hits = 0;
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\" id=\"results\">%s</h2><ul class=\"varde-results\">",
		    _(c, "Search results"));
	for (int i = 0; i < n && strlen(needle) >= 2 && strlen(needle) <= 100; i++) {
		const struct methodology *m = list[i];
		const char *L = guide_lang(c, m);
		for (int p = 0; p < m->nphases && hits < 50; p++) {
			const struct m_phase *ph = &m->phases[p];
			const char *t = guide_match(needle, T(&ph->name), T(&ph->purpose), NULL);
			if (t) {
				html_printf(b, "<li><a class=\"ds-link\" href=\"/guide/%s/phases/%s\">%s – %s</a><br>", m->key, ph->key,
					    T(&m->name), T(&ph->name));
				guide_snippet(b, t, needle);
				html_printf(b, "</li>");
				hits++;
			}
			for (int s = 0; s < ph->nsteps && hits < 50; s++) {
				t = guide_match(needle, T(&ph->steps[s].name), T(&ph->steps[s].guidance), NULL);
				if (t) {
					html_printf(b, "<li><a class=\"ds-link\" href=\"/guide/%s/phases/%s#step-%s\">%s – %s</a><br>",
						    m->key, ph->key, ph->steps[s].key, T(&ph->name), T(&ph->steps[s].name));
					guide_snippet(b, t, needle);
					html_printf(b, "</li>");
					hits++;
				}
			}
		}
		for (int k = 0; k < m->ntools && hits < 50; k++) {
			const struct m_tool *tl = &m->tools[k];
			const char *t = guide_match(needle, T(&tl->name), T(&tl->purpose), T(&tl->guidance));
			if (t) {
				html_printf(b, "<li><a class=\"ds-link\" href=\"/guide/%s/tools/%s\">%s – %s</a><br>", m->key, tl->key,
					    T(&m->name), T(&tl->name));
				guide_snippet(b, t, needle);
				html_printf(b, "</li>");
				hits++;
			}
		}
	}
	html_printf(b, "</ul>");
	if (hits == 0)
		html_printf(b, "<p class=\"ds-paragraph\">%s</p>", _(c, "Nothing in the guide matches your search."));
	free(needle);
}
