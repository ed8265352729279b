/* fuzz_search.c — src/store/store_search.c's pure helpers: what a user types
 * into the search box becomes words and then an FTS5 MATCH expression or a
 * to_tsquery text, and snippets become HTML. Input: the query, then a NUL,
 * then a text to match and excerpt.
 *
 * Checked: at most SEARCH_MAX_TERMS words, each non-empty, of letters and
 * digits only (and valid UTF-8 when the query is: requests are checked for
 * that before any handler) (no quote, operator or space can reach a query);
 * the FTS5 and tsquery texts consist of quoted words and the fixed
 * punctuation only; the snippet's HTML has no '<' other than <mark>/</mark>,
 * balanced. */
#include "fuzz.h"

#include "core/buf.h"
#include "core/text.h"
#include "store/store_search.h"

/* Only letters/digits (ASCII alnum or non-ASCII bytes); valid UTF-8 when the
 * query was (requests are checked for valid UTF-8 before any handler). */
static int word_ok(const char *w, int valid_input)
{
	if (!*w || (valid_input && !utf8_valid_str(w)))
		return 0;
	for (const unsigned char *p = (const unsigned char *)w; *p; p++)
		if (*p < 0x80 && !((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z')))
			return 0;
	return 1;
}

/* The HTML of a snippet: text, entities, and balanced <mark></mark> only. */
static void check_marks(const char *html)
{
	int open = 0;
	for (const char *p = html; *p; p++) {
		if (*p != '<')
			continue;
		if (!strncmp(p, "<mark>", 6)) {
			FUZZ_CHECK(!open, "nested <mark>");
			open = 1;
		} else {
			FUZZ_CHECK(!strncmp(p, "</mark>", 7) && open, "stray tag in snippet HTML: %.20s", p);
			open = 0;
		}
	}
	FUZZ_CHECK(!open, "unclosed <mark>");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *q, *text;
	size_t qlen, tlen;
	fuzz_split(data, size, 0, &q, &qlen, &text, &tlen);
	struct search_terms t;
	int valid = utf8_valid_str(q);
	int n = search_terms_parse(q, &t);
	FUZZ_CHECK(n == t.n && n >= 0 && n <= SEARCH_MAX_TERMS, "term count %d", n);
	for (int i = 0; i < n; i++) {
		FUZZ_CHECK(word_ok(t.v[i], valid), "bad term \"%s\"", t.v[i]);
		FUZZ_CHECK(strlen(t.v[i]) <= SEARCH_TERM_MAX, "term too long");
	}
	struct buf fts = {0}, ts = {0}, html = {0};
	search_fts5_query(&t, &fts);
	search_tsquery(&t, &ts);
	/* Outside the quotes only spaces, '*', ':', '&' and quotes themselves. */
	for (const char *p = buf_str(&fts), *in = NULL; *p; p++) {
		if (*p == '"')
			in = in ? NULL : p;
		else if (!in)
			FUZZ_CHECK(*p == ' ' || *p == '*', "FTS5 syntax outside quotes: %c", *p);
	}
	for (const char *p = buf_str(&ts), *in = NULL; *p; p++) {
		if (*p == '\'')
			in = in ? NULL : p;
		else if (!in)
			FUZZ_CHECK(*p == ' ' || *p == '*' || *p == ':' || *p == '&', "tsquery syntax outside quotes: %c", *p);
	}
	(void)search_text_terms(text, &t);
	(void)search_text_hits(text, &t);
	char *snip = search_snippet(text, &t, 12);
	if (snip) {
		search_mark_html(&html, snip);
		check_marks(buf_str(&html));
	}
	/* Marked text straight from the input (a snippet from the database). */
	buf_reset(&html);
	search_mark_html(&html, text);
	check_marks(buf_str(&html));
	free(snip);
	buf_free(&fts);
	buf_free(&ts);
	buf_free(&html);
	free(q);
	free(text);
	return 0;
}
