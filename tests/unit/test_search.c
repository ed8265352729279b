/* test_search.c — the pure helpers of the search (store_search.h): words from
 * what the user typed, the FTS5 and tsquery texts built from them, matching
 * in memory, snippets and their HTML, and the LIKE pattern for benefit types
 * (store_case.h). */
#include "testlib.h"

#include "core/buf.h"
#include "store/store_case.h"
#include "store/store_search.h"

static int parse(const char *q, struct search_terms *t)
{
	return search_terms_parse(q, t);
}

static char *fts5(const char *q)
{
	struct search_terms t;
	search_terms_parse(q, &t);
	struct buf b = {0};
	search_fts5_query(&t, &b);
	return buf_detach(&b);
}

static char *tsq(const char *q)
{
	struct search_terms t;
	search_terms_parse(q, &t);
	struct buf b = {0};
	search_tsquery(&t, &b);
	return buf_detach(&b);
}

#define assert_query(fn, q, want)                                                                                  \
	do {                                                                                                       \
		char *got_ = fn(q);                                                                                \
		assert_string_equal(got_, want);                                                                   \
		free(got_);                                                                                        \
	} while (0)

/* Nordic letters are letters: kept, lower-cased, never folded to a/o/ae. */
static void test_terms_nordic(void **state)
{
	(void)state;
	struct search_terms t;
	assert_int_equal(parse("Skål BØR Ærlig blåbær", &t), 4);
	assert_string_equal(t.v[0], "skål");
	assert_string_equal(t.v[1], "bør");
	assert_string_equal(t.v[2], "ærlig");
	assert_string_equal(t.v[3], "blåbær");
	assert_int_equal(parse("ÄÖÜ Čáhcesuolu ŊŠŽ Đ", &t), 4); /* Swedish/German, Sámi */
	assert_string_equal(t.v[0], "äöü");
	assert_string_equal(t.v[1], "čáhcesuolu");
	assert_string_equal(t.v[2], "ŋšž");
	assert_string_equal(t.v[3], "đ");
	assert_query(fts5, "skål", "\"skål\"*");
	assert_query(tsq, "bør", "'bør':*");
}

/* Quotes, operators, column filters, parentheses and stars separate words;
 * the words themselves are quoted, so no syntax reaches the query. */
static void test_terms_syntax(void **state)
{
	(void)state;
	assert_query(fts5, "\"skål\" OR bor*", "\"skål\"* \"or\"* \"bor\"*");
	assert_query(fts5, "title:skål NEAR(a b)", "\"title\"* \"skål\"* \"near\"* \"a\" \"b\"");
	assert_query(fts5, "-innovasjon ^x +y", "\"innovasjon\"* \"x\" \"y\"");
	assert_query(tsq, "'skål':* | !bor & (x)", "'skål':* & 'bor':* & 'x'");
	assert_query(tsq, "a\\b", "'a' & 'b'");
	assert_query(tsq, "e-post@kommune.no", "'e' & 'post':* & 'kommune':* & 'no':*");
	/* Digits are word characters; punctuation between them separates. */
	assert_query(fts5, "covid19 2026-11-22", "\"covid19\"* \"2026\"* \"11\"* \"22\"*");
}

/* Nothing to search for: no words, and no query text. */
static void test_terms_empty(void **state)
{
	(void)state;
	struct search_terms t;
	assert_int_equal(parse(NULL, &t), 0);
	assert_int_equal(parse("", &t), 0);
	assert_int_equal(parse("   \t ", &t), 0);
	assert_int_equal(parse("\"*()'-:^", &t), 0);
	assert_int_equal(parse("— … « » € ✓ 🙂", &t), 0);
	assert_query(fts5, "*", "");
	assert_query(tsq, "''", "");
}

/* Duplicates count once; at most SEARCH_MAX_TERMS words; a long word is cut
 * at a character boundary; the input is read to SEARCH_QUERY_MAX bytes. */
static void test_terms_limits(void **state)
{
	(void)state;
	struct search_terms t;
	assert_int_equal(parse("skål Skål SKÅL", &t), 1);
	assert_int_equal(parse("a b c d e f g h i j k", &t), SEARCH_MAX_TERMS);
	assert_string_equal(t.v[SEARCH_MAX_TERMS - 1], "h");
	char lng[200];
	memset(lng, 0, sizeof lng);
	for (int i = 0; i < 40; i++)
		memcpy(lng + 2 * i, "ø", 2); /* 80 bytes of ø */
	assert_int_equal(parse(lng, &t), 1);
	assert_int_equal(strlen(t.v[0]), SEARCH_TERM_MAX); /* 32 × ø, no half character */
	char big[600];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	big[SEARCH_QUERY_MAX + 5] = ' ';
	memcpy(big + SEARCH_QUERY_MAX + 6, "late", 4);
	assert_int_equal(parse(big, &t), 1); /* "late" is past the limit */
	/* A character straddling the byte limit is not read half. */
	char edge[SEARCH_QUERY_MAX + 8];
	memset(edge, ' ', sizeof edge);
	memcpy(edge + SEARCH_QUERY_MAX - 1, "ø", 2);
	edge[sizeof edge - 1] = '\0';
	assert_int_equal(parse(edge, &t), 0);
	/* Broken UTF-8 separates words and never becomes part of one. */
	assert_int_equal(parse("ab\xFF\xFE" "cd \xC3", &t), 2);
	assert_string_equal(t.v[0], "ab");
	assert_string_equal(t.v[1], "cd");
}

/* One-letter words match whole words only; longer words are prefixes. */
static void test_one_letter(void **state)
{
	(void)state;
	assert_query(fts5, "å i innovasj", "\"å\" \"i\" \"innovasj\"*");
	assert_query(tsq, "å i", "'å' & 'i'");
}

/* Matching in memory follows the same rules as the database. */
static void test_text_match(void **state)
{
	(void)state;
	struct search_terms t;
	const char *text = "Vi løftet en skål for innovasjonen. Tjenesten bør bli bedre.";
	parse("skål", &t);
	assert_int_equal(search_text_terms(text, &t), 1);
	parse("skal", &t);
	assert_int_equal(search_text_terms(text, &t), 0);
	parse("bør", &t);
	assert_int_equal(search_text_terms(text, &t), 1);
	parse("bor", &t);
	assert_int_equal(search_text_terms(text, &t), 0);
	parse("INNOVASJ", &t);
	assert_int_equal(search_text_terms(text, &t), 1);
	parse("innovasjonene", &t);
	assert_int_equal(search_text_terms(text, &t), 0);
	parse("skål tjeneste mangler", &t);
	assert_int_equal(search_text_terms(text, &t), 3); /* bits 0 and 1, not 2 */
	parse("e", &t);
	assert_int_equal(search_text_terms(text, &t), 0); /* one letter: whole words only */
	parse("en", &t);
	assert_int_equal(search_text_hits(text, &t), 1);
	parse("SKÅL ØL", &t);
	assert_int_equal(search_text_terms("Skåler med øl", &t), 3);
	assert_int_equal(search_text_terms(NULL, &t), 0);
}

/* Snippets: the matched words between the markers, cut with "…", white
 * space collapsed; the HTML escapes everything but the markers. */
static void test_snippet(void **state)
{
	(void)state;
	struct search_terms t;
	parse("skål", &t);
	char *s = search_snippet("Vi løftet\n\nen skål.", &t, 10);
	assert_string_equal(s, "Vi løftet en " SEARCH_MARK_ON "skål" SEARCH_MARK_OFF ".");
	free(s);
	s = search_snippet("a b c d e f g h i j skål k l m n o p q r s t u v", &t, 6);
	assert_string_equal(s, "… i j " SEARCH_MARK_ON "skål" SEARCH_MARK_OFF " k l m …");
	free(s);
	struct search_terms none = {0};
	s = search_snippet("Ingen treff her i det hele tatt", &none, 3);
	assert_string_equal(s, "Ingen treff her …");
	free(s);
	/* Markers in the source text are not passed on. */
	s = search_snippet("x\x01y\x02 <b>", &none, 10);
	assert_string_equal(s, "x y <b>");
	free(s);

	struct buf b = {0};
	search_mark_html(&b, "<b>\"&'" SEARCH_MARK_ON "skål" SEARCH_MARK_OFF " " SEARCH_MARK_OFF SEARCH_MARK_ON "x\x03y");
	assert_string_equal(buf_str(&b), "&lt;b&gt;&quot;&amp;&#39;<mark>skål</mark> <mark>xy</mark>");
	buf_free(&b);
	search_mark_html(&b, NULL);
	assert_string_equal(buf_str(&b), "");
	buf_free(&b);
}

/* A benefit type key as a LIKE pattern over a JSON array: whole elements,
 * with LIKE's wildcards escaped. */
static void test_type_pattern(void **state)
{
	(void)state;
	char *p = store_case_type_pattern("saved-time");
	assert_string_equal(p, "%\"saved-time\"%");
	free(p);
	p = store_case_type_pattern("org:100% o_k \"x\"");
	assert_string_equal(p, "%\"org:100\\% o\\_k \\\\\"x\\\\\"\"%");
	free(p);
	p = store_case_type_pattern("");
	assert_string_equal(p, "");
	free(p);
	p = store_case_type_pattern(NULL);
	assert_string_equal(p, "");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terms_nordic),
		cmocka_unit_test(test_terms_syntax),
		cmocka_unit_test(test_terms_empty),
		cmocka_unit_test(test_terms_limits),
		cmocka_unit_test(test_one_letter),
		cmocka_unit_test(test_text_match),
		cmocka_unit_test(test_snippet),
		cmocka_unit_test(test_type_pattern),
	};
	return RUN_TESTS(tests);
}
