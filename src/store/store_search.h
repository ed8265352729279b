/* store_search.h — full-text search over cases and projects (store_search.c),
 * and the pure helpers every search shares: turning what the user typed into
 * words, a query for SQLite FTS5 or PostgreSQL's to_tsquery, the same match in
 * memory (the guide's methodology texts), snippets and their safe HTML.
 *
 * Words are runs of letters and digits; everything else separates, so no
 * operator, quote, column filter or parenthesis the user types reaches a
 * query: the query is built only from the words we extracted, each quoted.
 * Words are lower-cased but keep their diacritics: "skål" is not "skal" and
 * "bør" is not "bor" (FTS5 unicode61 with remove_diacritics 0; PostgreSQL's
 * 'simple' configuration without unaccent). Every word of two or more letters
 * is a prefix ("innovasj" finds "innovasjon"); a one-letter word must match a
 * whole word. All words must occur (AND).
 *
 * Snippets come back with SEARCH_MARK_ON / SEARCH_MARK_OFF (private control
 * characters that form input never contains) around the matched words;
 * search_mark_html escapes the text and turns only those into <mark>. */
#ifndef VARDE_STORE_SEARCH_H
#define VARDE_STORE_SEARCH_H
#include <stdbool.h>

#include "../core/buf.h"
#include "../db/db.h"

enum { SEARCH_MAX_TERMS = 8, SEARCH_TERM_MAX = 64 /* bytes of one word */, SEARCH_QUERY_MAX = 200 /* bytes read */ };
#define SEARCH_MARK_ON "\x01"
#define SEARCH_MARK_OFF "\x02"

struct search_terms {
	int n;
	char v[SEARCH_MAX_TERMS][SEARCH_TERM_MAX + 1]; /* lower-cased UTF-8, letters and digits only */
};

/* ---- pure helpers (no SQL, no allocation unless stated) ---------------- */

/* Extract the words of q (NULL: none): at most SEARCH_MAX_TERMS distinct
 * words from the first SEARCH_QUERY_MAX bytes, each cut to SEARCH_TERM_MAX
 * bytes at a character boundary. Returns the number of words. */
int search_terms_parse(const char *q, struct search_terms *t);
/* The FTS5 MATCH expression: "word"* "word2"* (a one-letter word without *).
 * Appends nothing when there are no words. */
void search_fts5_query(const struct search_terms *t, struct buf *out);
/* The to_tsquery('simple', …) text: 'word':* & 'word2':* (one letter: 'w'). */
void search_tsquery(const struct search_terms *t, struct buf *out);
/* A bit per term (bit i for t->v[i]) that occurs in text as a word or, for
 * prefix terms, the start of one. */
unsigned search_text_terms(const char *text, const struct search_terms *t);
/* How many words of text match a term (for ranking in memory). */
int search_text_hits(const char *text, const struct search_terms *t);
/* An excerpt of about `words` words of text around its first match, with the
 * matched words between the markers, "…" where text was cut, and runs of
 * white space as one space. Malloc'd; the caller frees. */
char *search_snippet(const char *text, const struct search_terms *t, int words);
/* Append marked text as HTML: everything escaped, the markers as <mark> and
 * </mark> (always balanced), other control characters dropped. */
void search_mark_html(struct buf *b, const char *marked);

/* ---- queries ---------------------------------------------------------- */

/* Filters: "" or NULL for none. type is a benefit type key. */
struct search_filter {
	const char *phase, *area, *type;
};

/* Cases user_id (0: anonymous) may read that match every term, best first.
 * Rows: id, title, org name, snippet (marked), phase, service area, audience,
 * published_at. NULL when t has no words. Reset the statement when done. */
struct db_stmt *store_search_cases(struct db *db, const struct search_terms *t, long long user_id,
				   const struct search_filter *f, int limit);
/* Projects user_id may read (as the authorization core allows: the team, the
 * organisation's members unless the project is for the team only, its admins,
 * leaders and coaches of a network it is shared with) that match in the
 * title, challenge or goals, and register items of those projects that match
 * by title (items holding personal data only for the team), best first.
 * Rows: project id, project title, item id (0: the project itself), item
 * title, snippet (marked), current phase, service area, org name. */
struct db_stmt *store_search_projects(struct db *db, const struct search_terms *t, long long user_id,
				      const struct search_filter *f, int limit);

#endif
