/* method_load.c — read a methodology's YAML files with libyaml, check every
 * rule of docs/METHODOLOGY-FORMAT.md, and build the read-only structure of
 * method.h. Every problem is reported as "file:line: message" in words a
 * methodology author understands; any error makes method_load return NULL. */
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "../core/markdown.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "method.h"

const char *const field_type_names[FT_COUNT] = {
	"text", "longtext", "number", "money", "percent", "date", "choice", "multichoice",
	"scale", "yesno", "member", "table", "link",
};

const char *const method_registers[] = {
	"stakeholder", "anchoring", "research", "insight", "need", "persona", "journey", "idea", "test", "benefit", NULL,
};

static const char *const known_langs[] = {"nb", "nn", "sv", "da", "en", NULL};

struct loader {
	struct methodology *m;
	struct m_diag *d;
	const char *file;
	yaml_document_t *doc;
	bool tool_parse_failed; /* a tool file could not be parsed: its key is unknown */
};

/* Report a problem at node (or line 1 when node is NULL). */
__attribute__((format(printf, 4, 5))) static void L_report(struct loader *L, const yaml_node_t *n, int warning,
							    const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_printf(&L->d->out, "%s%s%s:%zu: %s", L->d->prefix ? L->d->prefix : "", L->d->prefix ? "/" : "", L->file,
		   n ? n->start_mark.line + 1 : 1, warning ? "warning: " : "");
	buf_vprintf(&L->d->out, fmt, ap);
	buf_putc(&L->d->out, '\n');
	va_end(ap);
	if (warning)
		L->d->warnings++;
	else
		L->d->errors++;
}
/* Report a problem at a remembered place (used after the YAML document of
 * that file is gone). */
__attribute__((format(printf, 4, 5))) static void L_report_at(struct loader *L, const char *file, size_t line,
							       const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_printf(&L->d->out, "%s%s%s:%zu: ", L->d->prefix ? L->d->prefix : "", L->d->prefix ? "/" : "", file, line);
	buf_vprintf(&L->d->out, fmt, ap);
	buf_putc(&L->d->out, '\n');
	va_end(ap);
	L->d->errors++;
}
#define ERR_AT(L, file, line, ...) L_report_at(L, file, line, __VA_ARGS__)
#define LINE(n) ((n) ? (n)->start_mark.line + 1 : 1)
#define ERR(L, n, ...) L_report(L, n, 0, __VA_ARGS__)
#define WARN(L, n, ...) L_report(L, n, 1, __VA_ARGS__)

static yaml_node_t *node_at(struct loader *L, int index)
{
	return yaml_document_get_node(L->doc, index);
}

static const char *scalar_value(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* The value for key in a mapping, or NULL. */
static yaml_node_t *map_get(struct loader *L, yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = scalar_value(node_at(L, p->key));
		if (k && strcmp(k, key) == 0)
			return node_at(L, p->value);
	}
	return NULL;
}

/* Check a mapping's keys: all known, none twice, the required ones present.
 * allowed and required are NULL-terminated. Returns false if not a mapping. */
static bool check_keys(struct loader *L, yaml_node_t *map, const char *what, const char *const *allowed,
		       const char *const *required)
{
	if (!map || map->type != YAML_MAPPING_NODE) {
		ERR(L, map, "%s must be a mapping of \"key: value\" lines", what);
		return false;
	}
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = node_at(L, p->key);
		const char *k = scalar_value(kn);
		if (!k) {
			ERR(L, kn, "%s has a key that is not plain text", what);
			continue;
		}
		bool ok = false;
		for (const char *const *a = allowed; *a; a++)
			if (strcmp(*a, k) == 0)
				ok = true;
		if (!ok)
			ERR(L, kn, "unknown key \"%s\" in %s", k, what);
		for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++) {
			const char *k2 = scalar_value(node_at(L, q->key));
			if (k2 && strcmp(k, k2) == 0)
				ERR(L, kn, "duplicate key \"%s\" in %s", k, what);
		}
	}
	for (const char *const *r = required; r && *r; r++)
		if (!map_get(L, map, *r))
			ERR(L, map, "%s is missing the required key \"%s\"", what, *r);
	return true;
}

static const char *L_scalar(struct loader *L, yaml_node_t *n, const char *what)
{
	const char *v = scalar_value(n);
	if (!n)
		return NULL;
	if (!v) {
		ERR(L, n, "%s must be a single value, not a list or mapping", what);
		return NULL;
	}
	return arena_strdup(&L->m->arena, v);
}

/* A key: 1–64 of a–z, 0–9 and '-'. */
static const char *L_key(struct loader *L, yaml_node_t *n, const char *what)
{
	const char *v = L_scalar(L, n, what);
	if (!v)
		return NULL;
	size_t len = strlen(v);
	bool ok = len >= 1 && len <= 64;
	for (const char *p = v; *p && ok; p++)
		ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
	if (!ok)
		ERR(L, n, "%s \"%s\" must be 1-64 lower-case letters a-z, digits or '-'", what, v);
	return v;
}

static int L_int(struct loader *L, yaml_node_t *n, const char *what)
{
	const char *v = scalar_value(n);
	long long x;
	if (!v || !text_parse_ll(v, &x) || x < 1 || x > 1000) {
		if (n)
			ERR(L, n, "%s must be a whole number from 1", what);
		return 0;
	}
	return (int)x;
}

static bool L_bool(struct loader *L, yaml_node_t *n, const char *what)
{
	const char *v = scalar_value(n);
	if (!n)
		return false;
	if (v && (!strcmp(v, "true") || !strcmp(v, "yes")))
		return true;
	if (v && (!strcmp(v, "false") || !strcmp(v, "no")))
		return false;
	ERR(L, n, "%s must be true or false", what);
	return false;
}

/* Render Markdown once, at load time, into the arena. */
static const char *md_render(struct loader *L, const char *text)
{
	char *html = markdown_to_html(text);
	const char *out = arena_strdup(&L->m->arena, html);
	free(html);
	return out;
}

/* A translated text: a mapping from each declared language to a value. */
static bool L_tr(struct loader *L, yaml_node_t *n, struct tr *out, bool md, const char *what)
{
	memset(out, 0, sizeof *out);
	if (!n)
		return false;
	if (n->type != YAML_MAPPING_NODE) {
		ERR(L, n, "%s must have one line per language (for example \"nb: ...\" and \"en: ...\")", what);
		return false;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = node_at(L, p->key), *vn = node_at(L, p->value);
		const char *lang = scalar_value(kn);
		int idx = -1;
		for (int i = 0; lang && i < L->m->nlangs; i++)
			if (strcmp(L->m->langs[i], lang) == 0)
				idx = i;
		if (idx < 0) {
			ERR(L, kn, "%s has a translation in \"%s\", which the methodology does not declare in languages",
			    what, lang ? lang : "?");
			continue;
		}
		if (out->s[idx]) {
			ERR(L, kn, "%s has two \"%s\" translations", what, lang);
			continue;
		}
		const char *v = scalar_value(vn);
		if (!v) {
			ERR(L, vn, "the %s translation of %s must be text", lang, what);
			continue;
		}
		char *t = text_trim_dup(v);
		if (!*t)
			ERR(L, vn, "the %s translation of %s is empty", lang, what);
		if (!utf8_valid_str(t))
			ERR(L, vn, "the %s translation of %s is not valid UTF-8", lang, what);
		out->s[idx] = arena_strdup(&L->m->arena, t);
		free(t);
		if (md)
			out->html[idx] = md_render(L, out->s[idx]);
	}
	for (int i = 0; i < L->m->nlangs; i++)
		if (!out->s[i])
			ERR(L, n, "%s is missing the %s translation", what, L->m->langs[i]);
	return true;
}

/* A list of {key, text} items (checklists, questions, exit criteria, options). */
static struct m_item *L_items(struct loader *L, yaml_node_t *n, int *count, const char *what, const char *textkey)
{
	*count = 0;
	if (!n)
		return NULL;
	if (n->type != YAML_SEQUENCE_NODE) {
		ERR(L, n, "%s must be a list (lines starting with \"- \")", what);
		return NULL;
	}
	int len = (int)(n->data.sequence.items.top - n->data.sequence.items.start);
	struct m_item *items = arena_alloc(&L->m->arena, sizeof *items * (size_t)(len ? len : 1));
	static const char *const req_text[] = {"key", "text", NULL};
	static const char *const req_label[] = {"key", "label", NULL};
	const char *const *req = strcmp(textkey, "label") == 0 ? req_label : req_text;
	for (int i = 0; i < len; i++) {
		yaml_node_t *in = node_at(L, n->data.sequence.items.start[i]);
		if (!check_keys(L, in, what, req, req))
			continue;
		items[i].key = L_key(L, map_get(L, in, "key"), "key");
		L_tr(L, map_get(L, in, textkey), &items[i].text, false, what);
		for (int j = 0; j < i; j++)
			if (items[i].key && items[j].key && strcmp(items[i].key, items[j].key) == 0)
				ERR(L, in, "duplicate key \"%s\" in %s", items[i].key, what);
	}
	*count = len;
	return items;
}

/* A list of translated texts (tips). */
static struct tr *L_tips(struct loader *L, yaml_node_t *n, int *count, const char *what)
{
	*count = 0;
	if (!n)
		return NULL;
	if (n->type != YAML_SEQUENCE_NODE) {
		ERR(L, n, "%s must be a list", what);
		return NULL;
	}
	int len = (int)(n->data.sequence.items.top - n->data.sequence.items.start);
	struct tr *t = arena_alloc(&L->m->arena, sizeof *t * (size_t)(len ? len : 1));
	for (int i = 0; i < len; i++)
		L_tr(L, node_at(L, n->data.sequence.items.start[i]), &t[i], true, what);
	*count = len;
	return t;
}

static void L_field(struct loader *L, yaml_node_t *n, struct m_field *f, bool in_table);

/* The fields of a tool template, or the columns of a table field. */
static struct m_field *L_fields(struct loader *L, yaml_node_t *n, int *count, bool in_table)
{
	*count = 0;
	if (!n)
		return NULL;
	if (n->type != YAML_SEQUENCE_NODE) {
		ERR(L, n, "%s must be a list of fields", in_table ? "columns" : "fields");
		return NULL;
	}
	int len = (int)(n->data.sequence.items.top - n->data.sequence.items.start);
	struct m_field *f = arena_alloc(&L->m->arena, sizeof *f * (size_t)(len ? len : 1));
	for (int i = 0; i < len; i++) {
		yaml_node_t *fn = node_at(L, n->data.sequence.items.start[i]);
		L_field(L, fn, &f[i], in_table);
		for (int j = 0; j < i; j++)
			if (f[i].key && f[j].key && strcmp(f[i].key, f[j].key) == 0)
				ERR(L, fn, "duplicate field key \"%s\"", f[i].key);
	}
	*count = len;
	return f;
}

static void L_field(struct loader *L, yaml_node_t *n, struct m_field *f, bool in_table)
{
	static const char *const allowed[] = {"key", "type", "label", "help", "required", "unit", "options",
					      "columns", "register", "multiple", NULL};
	static const char *const required[] = {"key", "type", "label", NULL};
	if (!check_keys(L, n, "a field", allowed, required))
		return;
	f->key = L_key(L, map_get(L, n, "key"), "field key");
	yaml_node_t *tn = map_get(L, n, "type");
	const char *type = scalar_value(tn);
	f->type = FT_COUNT;
	for (int t = 0; type && t < FT_COUNT; t++)
		if (strcmp(type, field_type_names[t]) == 0)
			f->type = (enum field_type)t;
	if (tn && f->type == FT_COUNT) {
		ERR(L, tn, "unknown field type \"%s\" (use one of: text, longtext, number, money, percent, date, "
			   "choice, multichoice, scale, yesno, member, table, link)",
		    type ? type : "?");
		f->type = FT_TEXT;
	}
	L_tr(L, map_get(L, n, "label"), &f->label, false, "the field label");
	if (map_get(L, n, "help"))
		L_tr(L, map_get(L, n, "help"), &f->help, false, "the help text");
	f->required = L_bool(L, map_get(L, n, "required"), "required");
	yaml_node_t *un = map_get(L, n, "unit"), *on = map_get(L, n, "options"), *cn = map_get(L, n, "columns");
	yaml_node_t *rn = map_get(L, n, "register"), *mn = map_get(L, n, "multiple");
	if (un && f->type != FT_NUMBER)
		ERR(L, un, "only a number field has a unit");
	if (un)
		L_tr(L, un, &f->unit, false, "the unit");
	else if (f->type == FT_NUMBER)
		ERR(L, n, "the number field \"%s\" needs a unit", f->key ? f->key : "?");
	bool wants_opts = f->type == FT_CHOICE || f->type == FT_MULTICHOICE || f->type == FT_SCALE;
	if (on && !wants_opts)
		ERR(L, on, "only choice, multichoice and scale fields have options");
	if (wants_opts) {
		f->opts = L_items(L, on, &f->nopts, "an option", "label");
		if (f->nopts < 2)
			ERR(L, on ? on : n, "the %s field \"%s\" needs at least two options", field_type_names[f->type],
			    f->key ? f->key : "?");
	}
	if (cn && f->type != FT_TABLE)
		ERR(L, cn, "only a table field has columns");
	if (f->type == FT_TABLE && in_table) {
		ERR(L, tn, "a table column cannot itself be a table");
	} else if (f->type == FT_TABLE) {
		f->cols = L_fields(L, cn, &f->ncols, true);
		if (f->ncols < 1)
			ERR(L, cn ? cn : n, "the table field \"%s\" needs at least one column", f->key ? f->key : "?");
	}
	if ((rn || mn) && f->type != FT_LINK)
		ERR(L, rn ? rn : mn, "only a link field has register and multiple");
	if (f->type == FT_LINK) {
		const char *reg = scalar_value(rn);
		for (const char *const *r = method_registers; reg && *r; r++)
			if (strcmp(*r, reg) == 0)
				f->reg = *r;
		if (!f->reg)
			ERR(L, rn ? rn : n, "the link field \"%s\" needs a register: one of stakeholder, anchoring, research, "
					    "insight, need, persona, journey, idea, test, benefit",
			    f->key ? f->key : "?");
		f->multiple = L_bool(L, mn, "multiple");
	}
}

/* ---- the three kinds of file ---------------------------------------------- */

static void L_methodology(struct loader *L, yaml_node_t *root)
{
	static const char *const allowed[] = {"format", "key", "version", "languages", "name", "publisher",
					      "description", "notes", "licence", "sources", NULL};
	static const char *const required[] = {"format", "key", "version", "languages", "name", "publisher",
					       "description", "licence", "sources", NULL};
	struct methodology *m = L->m;
	if (!check_keys(L, root, "methodology.yaml", allowed, required))
		return;
	yaml_node_t *fn = map_get(L, root, "format");
	if (fn && (!scalar_value(fn) || strcmp(scalar_value(fn), "1") != 0))
		ERR(L, fn, "format must be 1 (this Varde reads format 1)");
	m->key = L_key(L, map_get(L, root, "key"), "the methodology key");
	m->version = L_scalar(L, map_get(L, root, "version"), "version");
	yaml_node_t *ln = map_get(L, root, "languages");
	if (ln && ln->type == YAML_SEQUENCE_NODE) {
		for (yaml_node_item_t *it = ln->data.sequence.items.start; it < ln->data.sequence.items.top; it++) {
			yaml_node_t *x = node_at(L, *it);
			const char *lang = scalar_value(x);
			bool known = false;
			for (const char *const *k = known_langs; lang && *k; k++)
				if (strcmp(*k, lang) == 0)
					known = true;
			bool dup = false;
			for (int k = 0; lang && k < m->nlangs; k++)
				if (strcmp(m->langs[k], lang) == 0)
					dup = true;
			if (!known)
				ERR(L, x, "unknown language \"%s\" (use nb, nn, sv, da or en)", lang ? lang : "?");
			else if (dup)
				ERR(L, x, "the language \"%s\" is listed twice", lang);
			else if (m->nlangs == M_MAX_LANGS)
				ERR(L, x, "too many languages");
			else
				m->langs[m->nlangs++] = arena_strdup(&m->arena, lang);
		}
	} else if (ln) {
		ERR(L, ln, "languages must be a list, for example [nb, en]");
	}
	if (ln && m->nlangs == 0 && ln->type == YAML_SEQUENCE_NODE)
		ERR(L, ln, "languages must list at least one language, for example [nb, en]");
	if (m->nlangs == 0)
		return; /* nothing else can be checked */
	L_tr(L, map_get(L, root, "name"), &m->name, false, "name");
	L_tr(L, map_get(L, root, "publisher"), &m->publisher, false, "publisher");
	L_tr(L, map_get(L, root, "description"), &m->description, true, "description");
	if (map_get(L, root, "notes"))
		L_tr(L, map_get(L, root, "notes"), &m->notes, true, "notes");
	L_tr(L, map_get(L, root, "licence"), &m->licence, false, "licence");
	yaml_node_t *sn = map_get(L, root, "sources");
	if (sn && sn->type == YAML_SEQUENCE_NODE) {
		int len = (int)(sn->data.sequence.items.top - sn->data.sequence.items.start);
		m->sources = arena_alloc(&m->arena, sizeof *m->sources * (size_t)(len ? len : 1));
		static const char *const sk[] = {"title", "url", NULL};
		for (int i = 0; i < len; i++) {
			yaml_node_t *x = node_at(L, sn->data.sequence.items.start[i]);
			if (!check_keys(L, x, "a source", sk, sk))
				continue;
			L_tr(L, map_get(L, x, "title"), &m->sources[i].title, false, "the source title");
			const char *url = L_scalar(L, map_get(L, x, "url"), "url");
			if (url && strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
				ERR(L, map_get(L, x, "url"), "a source url must start with https:// or http://");
			m->sources[i].url = url;
		}
		m->nsources = len;
	} else if (sn) {
		ERR(L, sn, "sources must be a list of {title, url}");
	}
}

static void L_tool(struct loader *L, yaml_node_t *root, struct m_tool *t)
{
	static const char *const allowed[] = {"key", "name", "purpose", "guidance", "fields", "checklist",
					      "questions", "tips", NULL};
	t->file = L->file;
	if (!check_keys(L, root, "a tool", allowed, allowed))
		return;
	t->key = L_key(L, map_get(L, root, "key"), "the tool key");
	L_tr(L, map_get(L, root, "name"), &t->name, false, "the tool name");
	L_tr(L, map_get(L, root, "purpose"), &t->purpose, true, "the purpose");
	L_tr(L, map_get(L, root, "guidance"), &t->guidance, true, "the guidance");
	t->fields = L_fields(L, map_get(L, root, "fields"), &t->nfields, false);
	t->checklist = L_items(L, map_get(L, root, "checklist"), &t->nchecklist, "a checklist item", "text");
	t->questions = L_items(L, map_get(L, root, "questions"), &t->nquestions, "a question", "text");
	t->tips = L_tips(L, map_get(L, root, "tips"), &t->ntips, "a tip");
}

/* A step's tools are resolved after all tools are read; the names are kept here. */
struct pending_tools {
	const char **keys;
	size_t *lines;     /* where each key was written */
	const char *file;
	size_t step_line;  /* where the step starts */
	int n;
};

static void L_step(struct loader *L, yaml_node_t *n, struct m_step *s, struct pending_tools *pt)
{
	static const char *const allowed[] = {"key", "order", "name", "guidance", "tips", "examples", "tools", NULL};
	static const char *const required[] = {"key", "order", "name", "guidance", NULL};
	if (!check_keys(L, n, "a step", allowed, required))
		return;
	s->key = L_key(L, map_get(L, n, "key"), "the step key");
	s->order = L_int(L, map_get(L, n, "order"), "order");
	L_tr(L, map_get(L, n, "name"), &s->name, false, "the step name");
	L_tr(L, map_get(L, n, "guidance"), &s->guidance, true, "the step guidance");
	s->tips = L_tips(L, map_get(L, n, "tips"), &s->ntips, "a tip");
	yaml_node_t *en = map_get(L, n, "examples");
	if (en && en->type == YAML_SEQUENCE_NODE) {
		int len = (int)(en->data.sequence.items.top - en->data.sequence.items.start);
		s->examples = arena_alloc(&L->m->arena, sizeof *s->examples * (size_t)(len ? len : 1));
		static const char *const ek[] = {"title", "text", NULL};
		for (int i = 0; i < len; i++) {
			yaml_node_t *x = node_at(L, en->data.sequence.items.start[i]);
			if (!check_keys(L, x, "an example", ek, ek))
				continue;
			L_tr(L, map_get(L, x, "title"), &s->examples[i].title, false, "the example title");
			L_tr(L, map_get(L, x, "text"), &s->examples[i].text, true, "the example text");
		}
		s->nexamples = len;
	} else if (en) {
		ERR(L, en, "examples must be a list of {title, text}");
	}
	yaml_node_t *tn = map_get(L, n, "tools");
	pt->file = L->file;
	pt->step_line = LINE(n);
	if (tn && tn->type == YAML_SEQUENCE_NODE) {
		int len = (int)(tn->data.sequence.items.top - tn->data.sequence.items.start);
		pt->keys = arena_alloc(&L->m->arena, sizeof *pt->keys * (size_t)(len ? len : 1));
		pt->lines = arena_alloc(&L->m->arena, sizeof *pt->lines * (size_t)(len ? len : 1));
		for (int i = 0; i < len; i++) {
			yaml_node_t *kn = node_at(L, tn->data.sequence.items.start[i]);
			pt->lines[i] = LINE(kn);
			pt->keys[i] = L_key(L, kn, "a tool key");
		}
		pt->n = len;
	} else if (tn) {
		ERR(L, tn, "tools must be a list of tool keys, for example [prosjektpresentasjon]");
	}
}

/* Check that orders are exactly 1..n. */
static void L_check_orders(struct loader *L, const int *orders, yaml_node_t *const *nodes, int n, const char *what)
{
	for (int want = 1; want <= n; want++) {
		int hits = 0;
		for (int i = 0; i < n; i++)
			if (orders[i] == want)
				hits++;
		if (hits == 0)
			ERR(L, n ? nodes[0] : NULL, "the %s orders must be 1 to %d without gaps: %d is missing", what, n, want);
		else if (hits > 1)
			for (int i = 0; i < n; i++)
				if (orders[i] == want)
					ERR(L, nodes[i], "two %ss have order %d", what, want);
	}
}

struct phase_pending {
	struct pending_tools *steps; /* one per step */
	yaml_node_t **step_nodes;
	const char *file;
	size_t order_line;
};

static void L_phase(struct loader *L, yaml_node_t *root, struct m_phase *p, struct phase_pending *pp)
{
	static const char *const allowed[] = {"key", "order", "name", "purpose", "exit_criteria", "tips", "steps", NULL};
	pp->file = L->file;
	pp->order_line = LINE(map_get(L, root, "order") ? map_get(L, root, "order") : root);
	if (!check_keys(L, root, "a phase", allowed, allowed))
		return;
	p->key = L_key(L, map_get(L, root, "key"), "the phase key");
	p->order = L_int(L, map_get(L, root, "order"), "order");
	L_tr(L, map_get(L, root, "name"), &p->name, false, "the phase name");
	L_tr(L, map_get(L, root, "purpose"), &p->purpose, true, "the purpose");
	p->exit = L_items(L, map_get(L, root, "exit_criteria"), &p->nexit, "an exit criterion", "text");
	if (map_get(L, root, "exit_criteria") && p->nexit < 1)
		ERR(L, map_get(L, root, "exit_criteria"), "a phase needs at least one exit criterion");
	p->tips = L_tips(L, map_get(L, root, "tips"), &p->ntips, "a tip");
	yaml_node_t *sn = map_get(L, root, "steps");
	if (!sn)
		return;
	if (sn->type != YAML_SEQUENCE_NODE) {
		ERR(L, sn, "steps must be a list");
		return;
	}
	int len = (int)(sn->data.sequence.items.top - sn->data.sequence.items.start);
	if (len < 1)
		ERR(L, sn, "a phase needs at least one step");
	p->steps = arena_alloc(&L->m->arena, sizeof *p->steps * (size_t)(len ? len : 1));
	pp->steps = arena_alloc(&L->m->arena, sizeof *pp->steps * (size_t)(len ? len : 1));
	pp->step_nodes = arena_alloc(&L->m->arena, sizeof *pp->step_nodes * (size_t)(len ? len : 1));
	int *orders = arena_alloc(&L->m->arena, sizeof *orders * (size_t)(len ? len : 1));
	for (int i = 0; i < len; i++) {
		pp->step_nodes[i] = node_at(L, sn->data.sequence.items.start[i]);
		L_step(L, pp->step_nodes[i], &p->steps[i], &pp->steps[i]);
		orders[i] = p->steps[i].order;
	}
	p->nsteps = len;
	L_check_orders(L, orders, pp->step_nodes, len, "step");
}

/* YAML aliases (&name / *name) are refused: the document API resolves them
 * into shared nodes, and a node shared by several parents (or by itself)
 * would let a tiny file expand exponentially or recurse without end. A node
 * that is referenced more than once is an alias. Returns the line of the
 * first one, or 0. */
static size_t L_find_alias(yaml_document_t *doc)
{
	size_t n = (size_t)(doc->nodes.top - doc->nodes.start);
	unsigned char *refs = xcalloc(n + 2, 1);
	size_t line = 0;
	for (yaml_node_t *node = doc->nodes.start; node < doc->nodes.top && !line; node++) {
		if (node->type == YAML_SEQUENCE_NODE) {
			for (yaml_node_item_t *it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++)
				if (*it >= 1 && (size_t)*it <= n && refs[*it]++)
					line = yaml_document_get_node(doc, *it)->start_mark.line + 1;
		} else if (node->type == YAML_MAPPING_NODE) {
			for (yaml_node_pair_t *pr = node->data.mapping.pairs.start; pr < node->data.mapping.pairs.top && !line; pr++) {
				if (pr->key >= 1 && (size_t)pr->key <= n && refs[pr->key]++)
					line = yaml_document_get_node(doc, pr->key)->start_mark.line + 1;
				if (pr->value >= 1 && (size_t)pr->value <= n && refs[pr->value]++)
					line = yaml_document_get_node(doc, pr->value)->start_mark.line + 1;
			}
		}
	}
	if (!line && n && refs[1])
		line = 1; /* the root used again inside itself */
	free(refs);
	return line;
}

/* Parse one file into a libyaml document; false (with a message) on a syntax error. */
static bool L_parse(struct loader *L, const struct m_file *f, yaml_document_t *doc)
{
	yaml_parser_t parser;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)f->data, f->len);
	bool ok = yaml_parser_load(&parser, doc) && yaml_document_get_root_node(doc);
	if (!ok) {
		buf_printf(&L->d->out, "%s%s%s:%zu: YAML syntax error: %s%s%s\n", L->d->prefix ? L->d->prefix : "",
			   L->d->prefix ? "/" : "", f->path, parser.problem_mark.line + 1,
			   parser.problem ? parser.problem : "empty file", parser.context ? " " : "",
			   parser.context ? parser.context : "");
		L->d->errors++;
		if (parser.error == YAML_NO_ERROR)
			yaml_document_delete(doc);
	}
	yaml_parser_delete(&parser);
	size_t alias_line = ok ? L_find_alias(doc) : 0;
	if (alias_line) {
		buf_printf(&L->d->out, "%s%s%s:%zu: YAML aliases (&name and *name) are not allowed; write the text out\n",
			   L->d->prefix ? L->d->prefix : "", L->d->prefix ? "/" : "", f->path, alias_line);
		L->d->errors++;
		yaml_document_delete(doc);
		ok = false;
	}
	return ok;
}

static int cmp_file(const void *a, const void *b)
{
	return strcmp((*(const struct m_file *const *)a)->path, (*(const struct m_file *const *)b)->path);
}

static int cmp_tool(const void *a, const void *b)
{
	const struct m_tool *x = a, *y = b;
	return strcmp(x->key ? x->key : "", y->key ? y->key : "");
}

static int cmp_phase(const void *a, const void *b)
{
	return ((const struct m_phase *)a)->order - ((const struct m_phase *)b)->order;
}

static int cmp_step(const void *a, const void *b)
{
	return ((const struct m_step *)a)->order - ((const struct m_step *)b)->order;
}

/* SHA-256 over "path\0contents\0" of every file in path order. */
static void method_hash(const struct m_file **sorted, int n, char out[65])
{
	crypto_hash_sha256_state st;
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_init(&st);
	for (int i = 0; i < n; i++) {
		crypto_hash_sha256_update(&st, (const unsigned char *)sorted[i]->path, strlen(sorted[i]->path) + 1);
		crypto_hash_sha256_update(&st, (const unsigned char *)sorted[i]->data, sorted[i]->len);
		crypto_hash_sha256_update(&st, (const unsigned char *)"", 1);
	}
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(out, 65, h, sizeof h);
}

/* Resolve step → tool references, and warn about tools no step uses. */
static void L_link_tools(struct loader *L, struct phase_pending *pps)
{
	struct methodology *m = L->m;
	bool *used = arena_alloc(&m->arena, sizeof *used * (size_t)(m->ntools ? m->ntools : 1));
	for (int p = 0; p < m->nphases; p++) {
		struct m_phase *ph = &m->phases[p];
		for (int s = 0; s < ph->nsteps; s++) {
			struct pending_tools *pt = &pps[p].steps[s];
			ph->steps[s].tools = arena_alloc(&m->arena, sizeof(struct m_tool *) * (size_t)(pt->n ? pt->n : 1));
			for (int i = 0; i < pt->n; i++) {
				struct m_tool *found = NULL;
				for (int t = 0; pt->keys[i] && t < m->ntools; t++)
					if (m->tools[t].key && strcmp(m->tools[t].key, pt->keys[i]) == 0) {
						found = &m->tools[t];
						used[t] = true;
					}
				if (!found && pt->keys[i] && !L->tool_parse_failed)
					ERR_AT(L, pt->file, pt->lines[i],
					       "the step \"%s\" uses the tool \"%s\", but there is no tools/%s.yaml with that key",
					       ph->steps[s].key ? ph->steps[s].key : "?", pt->keys[i], pt->keys[i]);
				if (found)
					ph->steps[s].tools[ph->steps[s].ntools++] = found;
			}
		}
	}
	for (int t = 0; t < m->ntools; t++)
		if (!used[t]) {
			const char *saved = L->file;
			L->file = m->tools[t].file;
			WARN(L, NULL, "no step uses the tool \"%s\"", m->tools[t].key ? m->tools[t].key : "?");
			L->file = saved;
		}
}

struct methodology *method_load(const struct m_file *files, int nfiles, struct m_diag *diag)
{
	struct methodology *m = xcalloc(1, sizeof *m);
	struct loader L = {m, diag, "methodology.yaml", NULL, false};
	int errors_before = diag->errors;
	const struct m_file **sorted = xcalloc((size_t)(nfiles ? nfiles : 1), sizeof *sorted);
	for (int i = 0; i < nfiles; i++)
		sorted[i] = &files[i];
	qsort(sorted, (size_t)nfiles, sizeof *sorted, cmp_file);
	method_hash(sorted, nfiles, m->hash);

	const struct m_file *top = NULL;
	int nphase_files = 0, ntool_files = 0;
	for (int i = 0; i < nfiles; i++) {
		const char *p = sorted[i]->path;
		if (strcmp(p, "methodology.yaml") == 0)
			top = sorted[i];
		else if (strncmp(p, "phases/", 7) == 0)
			nphase_files++;
		else if (strncmp(p, "tools/", 6) == 0)
			ntool_files++;
	}
	if (!top) {
		buf_printf(&diag->out, "%s%smethodology.yaml:1: the folder has no methodology.yaml\n",
			   diag->prefix ? diag->prefix : "", diag->prefix ? "/" : "");
		diag->errors++;
		free(sorted);
		method_free(m);
		return NULL;
	}
	yaml_document_t doc;
	if (L_parse(&L, top, &doc)) {
		L.doc = &doc;
		L_methodology(&L, yaml_document_get_root_node(&doc));
		yaml_document_delete(&doc);
	}
	if (m->nlangs == 0) {
		free(sorted);
		method_free(m);
		return NULL;
	}
	m->phases = arena_alloc(&m->arena, sizeof *m->phases * (size_t)(nphase_files ? nphase_files : 1));
	m->tools = arena_alloc(&m->arena, sizeof *m->tools * (size_t)(ntool_files ? ntool_files : 1));
	struct phase_pending *pps = arena_alloc(&m->arena, sizeof *pps * (size_t)(nphase_files ? nphase_files : 1));
	for (int i = 0; i < nfiles; i++) {
		const struct m_file *f = sorted[i];
		bool is_phase = strncmp(f->path, "phases/", 7) == 0, is_tool = strncmp(f->path, "tools/", 6) == 0;
		L.file = arena_strdup(&m->arena, f->path);
		if (!is_phase && !is_tool)
			continue;
		if (!(strlen(f->path) > 5 && strcmp(f->path + strlen(f->path) - 5, ".yaml") == 0))
			continue;
		if (!L_parse(&L, f, &doc)) {
			if (is_tool)
				L.tool_parse_failed = true;
			continue;
		}
		L.doc = &doc;
		if (is_phase)
			L_phase(&L, yaml_document_get_root_node(&doc), &m->phases[m->nphases], &pps[m->nphases]),
				m->nphases++;
		else
			L_tool(&L, yaml_document_get_root_node(&doc), &m->tools[m->ntools++]);
		yaml_document_delete(&doc);
		L.doc = NULL;
	}
	free(sorted);
	L.file = "methodology.yaml";
	if (m->nphases == 0)
		ERR(&L, NULL, "the methodology has no phases (files phases/NN-key.yaml)");

	/* Phase orders must be 1..n: report gaps at the file with the next order,
	 * duplicates at each file concerned. */
	for (int want = 1; want <= m->nphases; want++) {
		int hits = 0;
		for (int i = 0; i < m->nphases; i++)
			hits += m->phases[i].order == want;
		if (hits > 1) {
			for (int i = 0; i < m->nphases; i++)
				if (m->phases[i].order == want)
					ERR_AT(&L, pps[i].file, pps[i].order_line, "two phases have order %d", want);
		} else if (hits == 0) {
			int next = -1;
			for (int i = 0; i < m->nphases; i++)
				if (m->phases[i].order > want && (next < 0 || m->phases[i].order < m->phases[next].order))
					next = i;
			if (next >= 0)
				ERR_AT(&L, pps[next].file, pps[next].order_line,
				       "the phase orders must be 1 to %d without gaps: %d is missing", m->nphases, want);
		}
	}
	for (int i = 0; i < m->nphases; i++)
		for (int j = 0; j < i; j++)
			if (m->phases[i].key && m->phases[j].key && strcmp(m->phases[i].key, m->phases[j].key) == 0)
				ERR_AT(&L, pps[i].file, 1, "the phase key \"%s\" is also used by %s", m->phases[i].key, pps[j].file);
	for (int i = 0; i < m->ntools; i++)
		for (int j = 0; j < i; j++)
			if (m->tools[i].key && m->tools[j].key && strcmp(m->tools[i].key, m->tools[j].key) == 0) {
				L.file = m->tools[i].file;
				ERR(&L, NULL, "the tool key \"%s\" is also used by %s", m->tools[i].key, m->tools[j].file);
			}
	qsort(m->tools, (size_t)m->ntools, sizeof *m->tools, cmp_tool);
	L_link_tools(&L, pps);
	for (int a = 0; a < m->nphases; a++)
		for (int s = 0; s < m->phases[a].nsteps; s++)
			for (int b = 0; b <= a; b++)
				for (int t = 0; t < (b == a ? s : m->phases[b].nsteps); t++) {
					const char *k1 = m->phases[a].steps[s].key, *k2 = m->phases[b].steps[t].key;
					if (k1 && k2 && strcmp(k1, k2) == 0)
						ERR_AT(&L, pps[a].steps[s].file, pps[a].steps[s].step_line,
						       "the step key \"%s\" is also used in %s (step keys must be unique in the "
						       "methodology)",
						       k1, pps[b].steps[t].file);
				}
	if (diag->errors > errors_before) {
		method_free(m);
		return NULL;
	}
	qsort(m->phases, (size_t)m->nphases, sizeof *m->phases, cmp_phase);
	for (int i = 0; i < m->nphases; i++) {
		qsort(m->phases[i].steps, (size_t)m->phases[i].nsteps, sizeof *m->phases[i].steps, cmp_step);
		for (int s = 0; s < m->phases[i].nsteps; s++)
			m->phases[i].steps[s].phase = &m->phases[i];
	}
	return m;
}
