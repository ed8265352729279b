/* test_text.c — UTF-8 validation and the small string helpers. */
#include "testlib.h"

#include "text.h"

static bool valid(const char *s)
{
	return utf8_valid(s, strlen(s));
}

/* ASCII and well-formed multi-byte sequences of every length are valid,
 * including the boundary code points. */
static void test_utf8_valid_good(void **state)
{
	(void)state;
	assert_true(valid(""));
	assert_true(valid("plain ASCII\t\r\n"));
	assert_true(valid("Blåbærsyltetøy ÆØÅ"));
	assert_true(valid("\xC2\x80"));                 /* U+0080, smallest 2-byte */
	assert_true(valid("\xDF\xBF"));                 /* U+07FF */
	assert_true(valid("\xE0\xA0\x80"));             /* U+0800, smallest 3-byte */
	assert_true(valid("\xED\x9F\xBF"));             /* U+D7FF, just below surrogates */
	assert_true(valid("\xEE\x80\x80"));             /* U+E000, just above */
	assert_true(valid("\xEF\xBF\xBF"));             /* U+FFFF */
	assert_true(valid("\xF0\x90\x80\x80"));         /* U+10000, smallest 4-byte */
	assert_true(valid("\xF4\x8F\xBF\xBF"));         /* U+10FFFF, the largest */
	assert_true(valid("\xE2\x82\xAC 5"));           /* € */
	assert_true(utf8_valid_str("sø"));
	/* Embedded NUL is a valid code point when the length says so. */
	assert_true(utf8_valid("a\0b", 3));
}

/* Overlong forms are invalid, also the 0xC0/0xC1 lead bytes. */
static void test_utf8_overlong(void **state)
{
	(void)state;
	assert_false(valid("\xC0\x80"));          /* NUL in two bytes */
	assert_false(valid("\xC1\xBF"));
	assert_false(valid("\xE0\x80\xAF"));      /* '/' in three */
	assert_false(valid("\xE0\x9F\xBF"));      /* U+07FF in three */
	assert_false(valid("\xF0\x80\x80\xAF"));  /* '/' in four */
	assert_false(valid("\xF0\x8F\xBF\xBF"));  /* U+FFFF in four */
}

/* UTF-16 surrogates U+D800–U+DFFF are not characters. */
static void test_utf8_surrogates(void **state)
{
	(void)state;
	assert_false(valid("\xED\xA0\x80"));  /* U+D800 */
	assert_false(valid("\xED\xAD\xBF"));  /* U+DB7F */
	assert_false(valid("\xED\xB0\x80"));  /* U+DC00 */
	assert_false(valid("\xED\xBF\xBF"));  /* U+DFFF */
	assert_false(valid("a\xED\xA0\x80\xED\xB0\x80"));  /* CESU-8 pair */
}

/* Nothing above U+10FFFF, and no 5- or 6-byte or invalid lead bytes. */
static void test_utf8_too_large(void **state)
{
	(void)state;
	assert_false(valid("\xF4\x90\x80\x80"));          /* U+110000 */
	assert_false(valid("\xF5\x80\x80\x80"));
	assert_false(valid("\xF7\xBF\xBF\xBF"));
	assert_false(valid("\xF8\x88\x80\x80\x80"));
	assert_false(valid("\xFC\x84\x80\x80\x80\x80"));
	assert_false(valid("\xFE"));
	assert_false(valid("\xFF"));
}

/* Truncated sequences, lone continuation bytes and bad continuations fail,
 * also when the length argument cuts a sequence that continues in memory. */
static void test_utf8_truncated(void **state)
{
	(void)state;
	assert_false(valid("\xC3"));
	assert_false(valid("abc\xE2\x82"));
	assert_false(valid("\xF0\x9F\x98"));
	assert_false(valid("\x80"));
	assert_false(valid("a\xBFz"));
	assert_false(valid("\xC3\x28"));
	assert_false(valid("\xE2\x28\xA1"));
	assert_false(valid("\xF0\x9F\x28\x80"));
	assert_false(utf8_valid("\xC3\xA5", 1));
	assert_false(utf8_valid("\xF0\x9F\x98\x80", 3));
	assert_true(utf8_valid("\xF0\x9F\x98\x80", 4));
	assert_true(utf8_valid("ab\xC3", 2));
}

/* utf8_length counts code points, not bytes. */
static void test_utf8_length(void **state)
{
	(void)state;
	assert_int_equal(utf8_length(""), 0);
	assert_int_equal(utf8_length("abc"), 3);
	assert_int_equal(utf8_length("æøå"), 3);
	assert_int_equal(strlen("æøå"), 6);
	assert_int_equal(utf8_length("Tromsø €5 \xF0\x9F\x98\x80"), 11);
}

/* Control characters other than tab, CR and LF are found; DEL counts. */
static void test_has_control(void **state)
{
	(void)state;
	assert_false(text_has_control("line 1\r\nline 2\tend æ"));
	assert_true(text_has_control("a\x01"));
	assert_true(text_has_control("\x1B[31m"));
	assert_true(text_has_control("x\x7Fy"));
	assert_false(text_has_control(""));
}

/* Plausible addresses pass; missing parts, two '@', spaces, a trailing or
 * leading dot in the domain and over-long addresses fail. */
static void test_email_plausible(void **state)
{
	(void)state;
	assert_true(text_email_plausible("kari@example.no"));
	assert_true(text_email_plausible("a@b.c"));
	assert_true(text_email_plausible("kari.nordmann+varde@post.kommune.no"));
	assert_true(text_email_plausible("bjørn@bodø.kommune.no"));
	assert_false(text_email_plausible(""));
	assert_false(text_email_plausible("kari"));
	assert_false(text_email_plausible("@example.no"));
	assert_false(text_email_plausible("kari@"));
	assert_false(text_email_plausible("kari@localhost"));
	assert_false(text_email_plausible("kari@.no"));
	assert_false(text_email_plausible("kari@example."));
	assert_false(text_email_plausible("ka@ri@example.no"));
	assert_false(text_email_plausible("kari nordmann@example.no"));
	assert_false(text_email_plausible("kari@example.no\n"));
	assert_false(text_email_plausible("\"kari\"@example.no"));
	assert_false(text_email_plausible("<kari@example.no>"));
	assert_false(text_email_plausible("a@b.no,c@d.no"));

	/* 254 bytes is the limit. */
	char s[300];
	memset(s, 'a', sizeof s);
	memcpy(s + 254 - 11, "@example.no", 12);
	assert_int_equal(strlen(s), 254);
	assert_true(text_email_plausible(s));
	memset(s, 'a', sizeof s);
	memcpy(s + 255 - 11, "@example.no", 12);
	assert_int_equal(strlen(s), 255);
	assert_false(text_email_plausible(s));
}

/* text_parse_ll takes a whole decimal number, signs included, and nothing
 * else; out is left alone on failure. */
static void test_parse_ll(void **state)
{
	(void)state;
	long long v = 0;
	assert_true(text_parse_ll("0", &v));
	assert_int_equal(v, 0);
	assert_true(text_parse_ll("12345", &v));
	assert_int_equal(v, 12345);
	assert_true(text_parse_ll("-17", &v));
	assert_true(v == -17);
	assert_true(text_parse_ll("9223372036854775807", &v));
	assert_true(v == 9223372036854775807LL);
	assert_true(text_parse_ll("-9223372036854775808", &v));
	assert_true(v == -9223372036854775807LL - 1);
	assert_true(text_parse_ll("007", &v));
	assert_int_equal(v, 7);

	v = 99;
	assert_false(text_parse_ll(NULL, &v));
	assert_false(text_parse_ll("", &v));
	assert_false(text_parse_ll("12a", &v));
	assert_false(text_parse_ll("a12", &v));
	assert_false(text_parse_ll("1.5", &v));
	assert_false(text_parse_ll("12 ", &v));
	assert_false(text_parse_ll("0x10", &v));
	assert_false(text_parse_ll("-", &v));
	assert_false(text_parse_ll("9223372036854775808", &v));
	assert_false(text_parse_ll("-9223372036854775809", &v));
	assert_int_equal(v, 99);
}

/* text_trim_dup removes ASCII white space at both ends only, and returns a
 * new string (also when nothing is left). */
static void test_trim_dup(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"abc", "abc"},
		{"  abc", "abc"},
		{"abc \t\r\n", "abc"},
		{" \t a b  c \n", "a b  c"},
		{"", ""},
		{" \t\r\n ", ""},
		{"\xC2\xA0x\xC2\xA0", "\xC2\xA0x\xC2\xA0"},  /* no-break space is not ASCII white space */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t = text_trim_dup(cases[i].in);
		assert_non_null(t);
		assert_ptr_not_equal(t, cases[i].in);
		assert_string_equal(t, cases[i].want);
		free(t);
	}
}

/* text_ascii_lower lower-cases A–Z only. */
static void test_ascii_lower(void **state)
{
	(void)state;
	char s[] = "Kari.NORDMANN@Example.NO ÆØÅ";
	text_ascii_lower(s);
	assert_string_equal(s, "kari.nordmann@example.no ÆØÅ");
}

/* text_equal_ct compares exactly n bytes: equal, differing in the first, the
 * last or one middle byte, and ignoring bytes after n. */
static void test_equal_ct(void **state)
{
	(void)state;
	const char a[] = "0123456789abcdef";
	char b[sizeof a];
	memcpy(b, a, sizeof a);
	assert_true(text_equal_ct(a, b, 16));
	assert_true(text_equal_ct(a, b, 0));
	b[0] = 'X';
	assert_false(text_equal_ct(a, b, 16));
	b[0] = a[0];
	b[15] = 'X';
	assert_false(text_equal_ct(a, b, 16));
	assert_true(text_equal_ct(a, b, 15));
	b[15] = a[15];
	b[7] ^= 0x01;
	assert_false(text_equal_ct(a, b, 16));
	b[7] ^= 0x01;
	b[7] ^= (char)0x80;
	assert_false(text_equal_ct(a, b, 16));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_valid_good),
		cmocka_unit_test(test_utf8_overlong),
		cmocka_unit_test(test_utf8_surrogates),
		cmocka_unit_test(test_utf8_too_large),
		cmocka_unit_test(test_utf8_truncated),
		cmocka_unit_test(test_utf8_length),
		cmocka_unit_test(test_has_control),
		cmocka_unit_test(test_email_plausible),
		cmocka_unit_test(test_parse_ll),
		cmocka_unit_test(test_trim_dup),
		cmocka_unit_test(test_ascii_lower),
		cmocka_unit_test(test_equal_ct),
	};
	return RUN_TESTS(tests);
}
