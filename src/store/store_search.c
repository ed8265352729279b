/* store_search.c — see store_search.h. The first half is pure string work
 * (words, queries, matching in memory, snippets); the second half the SQL.
 *
 * The index (migration 8): on SQLite, FTS5 tables over cases, projects and
 * register_items with external content, kept in step by triggers on those
 * tables; on PostgreSQL, GIN indexes on the same to_tsvector('simple', …)
 * expressions the queries below use (CASE_TSV, PROJECT_TSV, ITEM_TSV must stay
 * identical to the indexed expressions, or the index is not used). Nothing
 * that writes cases, projects or items has to know about search. */
#include "store_search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/html.h"
#include "store.h"
#include "store_case.h"

/* ---- characters ------------------------------------------------------ */

/* Decode one code point of s[0..end); invalid bytes decode as U+FFFD, one
 * byte long. Returns the number of bytes used (at least 1). */
static int u8_next(const unsigned char *s, const unsigned char *end, uint32_t *cp)
{
	unsigned c = s[0];
	int n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
	if (n == 0 || end - s < n) {
		*cp = 0xFFFD;
		return 1;
	}
	uint32_t v = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	*cp = v;
	return n;
}

static int u8_put(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Part of a word: ASCII letters and digits, and outside ASCII everything but
 * the blocks of spaces, punctuation and symbols (close to FTS5's unicode61:
 * letters, numbers and marks). Every ASCII character that is not a letter or
 * digit separates words, which is what keeps query syntax out. */
static bool word_cp(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (c < 0xC0)
		return c == 0xAA || c == 0xB5 || c == 0xBA || c == 0xB2 || c == 0xB3 || c == 0xB9;
	if (c == 0xD7 || c == 0xF7 || c == 0xFFFD)
		return false;
	if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x2E00 && c <= 0x2E7F) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFE00 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFFF0 && c <= 0xFFFF) || c >= 0x1F000)
		return false;
	return true;
}

/* Lower case for ASCII, Latin-1 (Æ Ø Å Ä Ö …), Latin Extended-A (Sámi Č Đ Ŋ
 * Š Ŧ Ž …), Greek and Cyrillic. Letters keep their diacritics. */
static uint32_t fold_cp(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 0x20;
	if (c >= 0x100 && c <= 0x17F) {
		if (c == 0x130)
			return 'i';
		if (c == 0x178)
			return 0xFF;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return (c & 1) ? c + 1 : c;
		if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F)
			return c;
		return (c & 1) ? c : c + 1;
	}
	if ((c >= 0x391 && c <= 0x3AB && c != 0x3A2) || (c >= 0x410 && c <= 0x42F))
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}

/* ---- words ----------------------------------------------------------- */

static void terms_add(struct search_terms *t, const char *w, size_t len)
{
	if (len == 0 || t->n >= SEARCH_MAX_TERMS)
		return;
	for (int i = 0; i < t->n; i++)
		if (strlen(t->v[i]) == len && memcmp(t->v[i], w, len) == 0)
			return;
	memcpy(t->v[t->n], w, len);
	t->v[t->n][len] = '\0';
	t->n++;
}

int search_terms_parse(const char *q, struct search_terms *t)
{
	memset(t, 0, sizeof *t);
	if (!q)
		return 0;
	/* Read at most SEARCH_QUERY_MAX bytes, never half a character. */
	size_t len = strnlen(q, SEARCH_QUERY_MAX);
	while (len > 0 && ((unsigned char)q[len] & 0xC0) == 0x80)
		len--;
	const unsigned char *p = (const unsigned char *)q, *end = p + len;
	char w[SEARCH_TERM_MAX];
	size_t wl = 0;
	bool in = false;
	while (p < end) {
		uint32_t c;
		int n = u8_next(p, end, &c);
		if (word_cp(c)) {
			char enc[4];
			int el = u8_put(fold_cp(c), enc);
			if (wl + (size_t)el <= sizeof w) {
				memcpy(w + wl, enc, (size_t)el);
				wl += (size_t)el;
			}
			in = true;
		} else if (in) {
			terms_add(t, w, wl);
			wl = 0;
			in = false;
		}
		p += n;
	}
	if (in)
		terms_add(t, w, wl);
	return t->n;
}

/* A word of two or more characters matches as a prefix. */
static bool term_prefix(const char *term)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)term; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n >= 2;
}

void search_fts5_query(const struct search_terms *t, struct buf *out)
{
	for (int i = 0; i < t->n; i++) {
		buf_puts(out, i ? " \"" : "\"");
		buf_puts(out, t->v[i]);
		buf_puts(out, term_prefix(t->v[i]) ? "\"*" : "\"");
	}
}

void search_tsquery(const struct search_terms *t, struct buf *out)
{
	for (int i = 0; i < t->n; i++) {
		buf_puts(out, i ? " & '" : "'");
		buf_puts(out, t->v[i]);
		buf_puts(out, term_prefix(t->v[i]) ? "':*" : "'");
	}
}

/* ---- matching in memory ------------------------------------------------ */

/* One word of a text: where it is, and its lower-case form (cut after
 * SEARCH_TERM_MAX bytes, which is as far as any term reaches). */
struct word {
	size_t start, end;
	char fold[SEARCH_TERM_MAX + 4];
	size_t flen;
	bool cut;
};

/* Find the next word of text at or after *pos; false at the end. */
static bool word_next(const char *text, size_t len, size_t *pos, struct word *w)
{
	const unsigned char *s = (const unsigned char *)text, *end = s + len;
	size_t i = *pos;
	uint32_t c;
	while (i < len) {
		int n = u8_next(s + i, end, &c);
		if (word_cp(c))
			break;
		i += (size_t)n;
	}
	if (i >= len) {
		*pos = len;
		return false;
	}
	w->start = i;
	w->flen = 0;
	w->cut = false;
	while (i < len) {
		int n = u8_next(s + i, end, &c);
		if (!word_cp(c))
			break;
		char enc[4];
		int el = u8_put(fold_cp(c), enc);
		if (w->flen + (size_t)el <= SEARCH_TERM_MAX) {
			memcpy(w->fold + w->flen, enc, (size_t)el);
			w->flen += (size_t)el;
		} else {
			w->cut = true;
		}
		i += (size_t)n;
	}
	w->fold[w->flen] = '\0';
	w->end = i;
	*pos = i;
	return true;
}

/* The terms a word matches, as bits. */
static unsigned word_terms(const struct word *w, const struct search_terms *t)
{
	unsigned bits = 0;
	for (int i = 0; i < t->n; i++) {
		size_t tl = strlen(t->v[i]);
		bool hit = term_prefix(t->v[i]) ? (tl <= w->flen && memcmp(w->fold, t->v[i], tl) == 0)
						: (tl == w->flen && !w->cut && memcmp(w->fold, t->v[i], tl) == 0);
		if (hit)
			bits |= 1u << i;
	}
	return bits;
}

unsigned search_text_terms(const char *text, const struct search_terms *t)
{
	unsigned bits = 0;
	if (!text || t->n == 0)
		return 0;
	size_t len = strlen(text), pos = 0;
	struct word w;
	while (word_next(text, len, &pos, &w))
		bits |= word_terms(&w, t);
	return bits;
}

int search_text_hits(const char *text, const struct search_terms *t)
{
	int hits = 0;
	if (!text || t->n == 0)
		return 0;
	size_t len = strlen(text), pos = 0;
	struct word w;
	while (word_next(text, len, &pos, &w))
		hits += word_terms(&w, t) != 0;
	return hits;
}

/* Append text[from..to) with control characters and runs of white space as
 * one space (no space at the very start of the output). */
static void snippet_copy(struct buf *b, const char *text, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		unsigned char ch = (unsigned char)text[i];
		if (ch < 0x20 || ch == ' ' || ch == 0x7F) {
			if (b->len && buf_str(b)[b->len - 1] != ' ')
				buf_putc(b, ' ');
		} else {
			buf_putc(b, (char)ch);
		}
	}
}

char *search_snippet(const char *text, const struct search_terms *t, int words)
{
	struct buf b = {0};
	if (!text)
		return buf_detach(&b);
	if (words < 3)
		words = 3;
	size_t len = strlen(text), pos = 0;
	struct word w;
	/* The word index of the first match, and the number of words. */
	int n = 0, first = -1;
	while (word_next(text, len, &pos, &w)) {
		if (first < 0 && word_terms(&w, t))
			first = n;
		n++;
	}
	int from = first > words / 3 ? first - words / 3 : 0, to = from + words;
	if (to > n) {
		to = n;
		from = to - words > 0 ? to - words : 0;
	}
	/* Second pass: copy the words from..to with the matches marked. */
	pos = 0;
	size_t last = 0;
	int k = 0;
	bool started = false;
	while (word_next(text, len, &pos, &w)) {
		if (k >= from && k < to) {
			if (!started) {
				if (from > 0)
					buf_puts(&b, "… ");
				started = true;
			} else {
				snippet_copy(&b, text, last, w.start);
			}
			bool hit = word_terms(&w, t) != 0;
			if (hit)
				buf_puts(&b, SEARCH_MARK_ON);
			snippet_copy(&b, text, w.start, w.end);
			if (hit)
				buf_puts(&b, SEARCH_MARK_OFF);
			last = w.end;
		}
		k++;
		if (k >= to)
			break;
	}
	if (to < n)
		buf_puts(&b, " …");
	else if (started)
		snippet_copy(&b, text, last, len); /* the closing punctuation */
	return buf_detach(&b);
}

void search_mark_html(struct buf *b, const char *marked)
{
	bool open = false;
	size_t run = 0;
	const char *p = marked ? marked : "";
	for (size_t i = 0;; i++) {
		unsigned char ch = (unsigned char)p[i];
		if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r')
			continue;
		html_textn(b, p + run, i - run);
		run = i + 1;
		if (ch == 0)
			break;
		if (ch == SEARCH_MARK_ON[0] && !open) {
			html_raw(b, "<mark>");
			open = true;
		} else if (ch == SEARCH_MARK_OFF[0] && open) {
			html_raw(b, "</mark>");
			open = false;
		}
	}
	if (open)
		html_raw(b, "</mark>");
}

/* ---- queries --------------------------------------------------------- */

/* What the user may read of projects, as the authorization core decides
 * (authz.c, project_visible): the team (guests included), leaders and
 * coaches of a network the project is shared with, the organisation's admins,
 * and its members unless the project is for the team only. */
#define PROJECT_READABLE(U)                                                                                        \
	" (p.deleted_at IS NULL AND (EXISTS (SELECT 1 FROM project_members pm WHERE pm.project_id = p.id"            \
	" AND pm.user_id = " U ")"                                                                                  \
	" OR EXISTS (SELECT 1 FROM project_shares ps JOIN network_people pn ON pn.network_id = ps.network_id"       \
	" WHERE ps.project_id = p.id AND pn.user_id = " U ")"                                                       \
	" OR EXISTS (SELECT 1 FROM memberships po WHERE po.org_id = p.org_id AND po.user_id = " U                    \
	" AND (po.role = 'admin' OR p.visibility <> 'team'))))"
/* Items holding personal data are searched only for the team. */
#define ITEM_READABLE(U)                                                                                           \
	" i.deleted_at IS NULL AND i.tombstone = 0 AND (i.pii = '' OR EXISTS (SELECT 1 FROM project_members pt"     \
	" WHERE pt.project_id = p.id AND pt.user_id = " U "))"
#define PROJECT_FILTERS(TYPE_OF_B)                                                                                 \
	" AND ($3 = '' OR p.current_phase = $3) AND ($4 = '' OR p.service_area = $4) AND ($5 = '' OR EXISTS"         \
	" (SELECT 1 FROM register_items b WHERE b.project_id = p.id AND b.reg = 'benefit' AND b.deleted_at IS NULL"  \
	" AND b.tombstone = 0 AND " TYPE_OF_B " = $5))"
#define CASE_FILTERS                                                                                               \
	" AND ($3 = '' OR c.phase = $3) AND ($4 = '' OR c.service_area = $4)"                                       \
	" AND ($5 = '' OR c.benefit_types LIKE $5 ESCAPE '\\')"

/* SQLite: FTS5, best first by bm25 (lower is better); the title weighs most.
 * The snippet comes from the first text column (not the title, which the
 * page shows anyway) with a match, else from the first text column. */
#define SNIP(T, N) "snippet(" T ", " #N ", char(1), char(2), '…', 24)"
#define SNIP_IF(T, N) " WHEN instr(" SNIP(T, N) ", char(1)) > 0 THEN " SNIP(T, N)
static const char SQL_SEARCH_CASES_LITE[] =
	"SELECT c.id, c.title, o.name, CASE" SNIP_IF("cases_fts", 1) SNIP_IF("cases_fts", 2) SNIP_IF("cases_fts", 3)
	SNIP_IF("cases_fts", 4) SNIP_IF("cases_fts", 5) " ELSE " SNIP("cases_fts", 1) " END, c.phase, c.service_area,"
	" c.audience, c.published_at FROM cases_fts JOIN cases c ON c.id = cases_fts.rowid JOIN orgs o ON o.id = c.org_id"
	" WHERE cases_fts MATCH $1 AND" STORE_CASE_READABLE("$2") CASE_FILTERS
	" ORDER BY bm25(cases_fts, 10.0, 4.0, 3.0, 3.0, 3.0, 3.0), c.id LIMIT $6";

/* The best `limit` projects and items are picked first (rank only); the
 * snippets, which cost far more than the ranking, are then made for those
 * rows alone. (Ranked and cut in one query, SQLite would make a snippet for
 * every match before sorting: 0.4 s for a common word on 250,000 items.)
 * INDEXED BY: SQLite would look the items up by rowid in the table, where
 * the columns deciding visibility come after the JSON, in overflow pages.
 * CROSS JOIN keeps the chosen rows the outer loop, so the second pass looks
 * up `limit` rows, not every match. */
static const char SQL_SEARCH_PROJECTS_LITE[] =
	"WITH top_p AS (SELECT p.id AS id, bm25(projects_fts, 10.0, 3.0, 3.0) AS rank FROM projects_fts"
	" JOIN projects p ON p.id = projects_fts.rowid"
	" WHERE projects_fts MATCH $1 AND" PROJECT_READABLE("$2")
	PROJECT_FILTERS("json_extract(b.data, '$.fields.type')") " ORDER BY 2, 1 LIMIT $6),"
	" top_i AS (SELECT i.id AS id, bm25(register_items_fts) AS rank FROM register_items_fts"
	" JOIN register_items i INDEXED BY register_items_search ON i.id = register_items_fts.rowid"
	" JOIN projects p ON p.id = i.project_id"
	" WHERE register_items_fts MATCH $1 AND" ITEM_READABLE("$2") " AND" PROJECT_READABLE("$2")
	PROJECT_FILTERS("json_extract(b.data, '$.fields.type')") " ORDER BY 2, p.id, 1 LIMIT $6)"
	" SELECT p.id, p.title, 0, '', CASE" SNIP_IF("projects_fts", 1) SNIP_IF("projects_fts", 2) " ELSE "
	SNIP("projects_fts", 1) " END, p.current_phase, p.service_area, o.name, '', t.rank FROM top_p t"
	" CROSS JOIN projects_fts JOIN projects p ON p.id = t.id JOIN orgs o ON o.id = p.org_id"
	" WHERE projects_fts.rowid = t.id AND projects_fts MATCH $1"
	" UNION ALL"
	" SELECT p.id, p.title, i.id, i.title, " SNIP("register_items_fts", 0) ", p.current_phase,"
	" p.service_area, o.name, i.reg, t.rank FROM top_i t CROSS JOIN register_items_fts"
	" JOIN register_items i ON i.id = t.id JOIN projects p ON p.id = i.project_id JOIN orgs o ON o.id = p.org_id"
	" WHERE register_items_fts.rowid = t.id AND register_items_fts MATCH $1"
	" ORDER BY 10, 1, 3 LIMIT $6";

/* PostgreSQL: the expressions of the GIN indexes of migration 8. */
#define CASE_TSV                                                                                                   \
	"(setweight(to_tsvector('simple', c.title), 'A') || setweight(to_tsvector('simple', c.challenge || ' ' ||"  \
	" c.what || ' ' || c.results || ' ' || c.benefits || ' ' || c.lessons), 'B'))"
#define PROJECT_TSV                                                                                                \
	"(setweight(to_tsvector('simple', p.title), 'A') || setweight(to_tsvector('simple', p.challenge || ' ' ||"  \
	" p.goals), 'B'))"
#define ITEM_TSV "to_tsvector('simple', i.title)"
/* ts_headline marks matches with the same private characters as snippet(). */
#define HEADLINE_OPTS                                                                                              \
	"'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=24, MinWords=10, MaxFragments=2,"            \
	" FragmentDelimiter=\" … \"'"

static const char SQL_SEARCH_CASES_PG[] =
	"WITH q AS (SELECT to_tsquery('simple', $1) AS q)"
	" SELECT c.id, c.title, o.name, ts_headline('simple', c.challenge || ' ' || c.what || ' ' || c.results || ' ' ||"
	" c.benefits || ' ' || c.lessons, q.q, " HEADLINE_OPTS "), c.phase, c.service_area, c.audience, c.published_at"
	" FROM cases c JOIN orgs o ON o.id = c.org_id CROSS JOIN q WHERE " CASE_TSV " @@ q.q AND"
	STORE_CASE_READABLE("$2") CASE_FILTERS " ORDER BY ts_rank(" CASE_TSV ", q.q) DESC, c.id LIMIT $6";

static const char SQL_SEARCH_PROJECTS_PG[] =
	"WITH q AS (SELECT to_tsquery('simple', $1) AS q)"
	" SELECT p.id, p.title, 0, '', ts_headline('simple', p.challenge || ' ' || p.goals, q.q, " HEADLINE_OPTS "),"
	" p.current_phase, p.service_area, o.name, '', ts_rank(" PROJECT_TSV ", q.q) AS rank"
	" FROM projects p JOIN orgs o ON o.id = p.org_id CROSS JOIN q WHERE " PROJECT_TSV " @@ q.q AND"
	PROJECT_READABLE("$2") PROJECT_FILTERS("(b.data::jsonb #>> '{fields,type}')")
	" UNION ALL"
	" SELECT p.id, p.title, i.id, i.title, ts_headline('simple', i.title, q.q, " HEADLINE_OPTS "), p.current_phase,"
	" p.service_area, o.name, i.reg, ts_rank(" ITEM_TSV ", q.q) FROM register_items i"
	" JOIN projects p ON p.id = i.project_id JOIN orgs o ON o.id = p.org_id CROSS JOIN q"
	" WHERE " ITEM_TSV " @@ q.q AND" ITEM_READABLE("$2") " AND" PROJECT_READABLE("$2")
	PROJECT_FILTERS("(b.data::jsonb #>> '{fields,type}')") " ORDER BY 10 DESC, 1, 3 LIMIT $6";

/* Bind the query text (for this database) and the common parameters. */
static void search_bind(struct db *db, struct db_stmt *s, const struct search_terms *t, long long user_id,
			const struct search_filter *f, const char *type, int limit)
{
	struct buf q = {0};
	if (db_kind(db) == DB_PG)
		search_tsquery(t, &q);
	else
		search_fts5_query(t, &q);
	db_bind_text(s, 1, buf_str(&q));
	db_bind_int(s, 2, user_id);
	db_bind_text(s, 3, f && f->phase ? f->phase : "");
	db_bind_text(s, 4, f && f->area ? f->area : "");
	db_bind_text(s, 5, type ? type : "");
	db_bind_int(s, 6, limit);
	buf_free(&q);
}

struct db_stmt *store_search_cases(struct db *db, const struct search_terms *t, long long user_id,
				   const struct search_filter *f, int limit)
{
	if (t->n == 0)
		return NULL;
	struct db_stmt *s = db_kind(db) == DB_PG ? db_prepare(db, SQL_SEARCH_CASES_PG) : db_prepare(db, SQL_SEARCH_CASES_LITE);
	if (s) {
		char *pattern = store_case_type_pattern(f ? f->type : NULL);
		search_bind(db, s, t, user_id, f, pattern, limit);
		free(pattern);
	}
	return s;
}

struct db_stmt *store_search_projects(struct db *db, const struct search_terms *t, long long user_id,
				      const struct search_filter *f, int limit)
{
	if (t->n == 0)
		return NULL;
	struct db_stmt *s =
		db_kind(db) == DB_PG ? db_prepare(db, SQL_SEARCH_PROJECTS_PG) : db_prepare(db, SQL_SEARCH_PROJECTS_LITE);
	if (s)
		search_bind(db, s, t, user_id, f, f ? f->type : NULL, limit);
	return s;
}
