/* test_form.c — percent-decoding, urlencoded bodies and query strings, cookies. */
#include "testlib.h"

#include "http/form.h"

/* Decode a NUL-terminated string; the result (if any) is compared with want
 * and freed. Returns form_decode's code. */
static int decode(const char *s, int plus_is_space, const char *want)
{
	char *out = (char *)"untouched";
	int rc = form_decode(s, strlen(s), plus_is_space, &out);
	if (rc == FORM_OK) {
		assert_non_null(out);
		if (want)
			assert_string_equal(out, want);
		free(out);
	} else {
		assert_null(out);
	}
	return rc;
}

/* Plain text passes; '+' is a space only in form mode; %XX in either case. */
static void test_decode_basic(void **state)
{
	(void)state;
	assert_int_equal(decode("hello", 1, "hello"), FORM_OK);
	assert_int_equal(decode("", 1, ""), FORM_OK);
	assert_int_equal(decode("a+b+c", 1, "a b c"), FORM_OK);
	assert_int_equal(decode("a+b", 0, "a+b"), FORM_OK);
	assert_int_equal(decode("%41%62%2b%2B%2f%2F%20", 1, "Ab++// "), FORM_OK);
	assert_int_equal(decode("100%25", 0, "100%"), FORM_OK);
	assert_int_equal(decode("Bl%C3%A5b%c3%a6r", 1, "Blåbær"), FORM_OK);
	assert_int_equal(decode("Blåbær", 1, "Blåbær"), FORM_OK);
}

/* Only the first n bytes are decoded. */
static void test_decode_length_bound(void **state)
{
	(void)state;
	char *out;
	assert_int_equal(form_decode("abc%41", 3, 1, &out), FORM_OK);
	assert_string_equal(out, "abc");
	free(out);
	/* A '%' whose hex digits lie past n is broken even if bytes follow. */
	assert_int_equal(form_decode("ab%41", 4, 1, &out), FORM_BAD_ENCODING);
	assert_null(out);
}

/* A '%' not followed by two hex digits is a broken escape, also at the end. */
static void test_decode_broken_percent(void **state)
{
	(void)state;
	assert_int_equal(decode("%", 1, NULL), FORM_BAD_ENCODING);
	assert_int_equal(decode("%4", 1, NULL), FORM_BAD_ENCODING);
	assert_int_equal(decode("abc%4", 1, NULL), FORM_BAD_ENCODING);
	assert_int_equal(decode("abc%", 1, NULL), FORM_BAD_ENCODING);
	assert_int_equal(decode("%G1", 1, NULL), FORM_BAD_ENCODING);
	assert_int_equal(decode("%1G", 1, NULL), FORM_BAD_ENCODING);
	assert_int_equal(decode("%%41", 1, NULL), FORM_BAD_ENCODING);
	assert_int_equal(decode("% 1", 1, NULL), FORM_BAD_ENCODING);
	assert_int_equal(decode("%+1", 1, NULL), FORM_BAD_ENCODING);
}

/* Decoded bytes must be well-formed UTF-8, whether they came escaped or raw. */
static void test_decode_bad_utf8(void **state)
{
	(void)state;
	assert_int_equal(decode("%C3", 1, NULL), FORM_BAD_UTF8);           /* truncated */
	assert_int_equal(decode("%C3%28", 1, NULL), FORM_BAD_UTF8);        /* bad continuation */
	assert_int_equal(decode("%FF", 1, NULL), FORM_BAD_UTF8);
	assert_int_equal(decode("%C0%AF", 1, NULL), FORM_BAD_UTF8);        /* overlong '/' */
	assert_int_equal(decode("%E0%80%AF", 1, NULL), FORM_BAD_UTF8);     /* overlong '/' */
	assert_int_equal(decode("%ED%A0%80", 1, NULL), FORM_BAD_UTF8);     /* surrogate U+D800 */
	assert_int_equal(decode("%F4%90%80%80", 1, NULL), FORM_BAD_UTF8);  /* U+110000 */
	assert_int_equal(decode("x\xC3", 1, NULL), FORM_BAD_UTF8);         /* raw, truncated */
	assert_int_equal(decode("%F0%9F%98%80", 1, "\xF0\x9F\x98\x80"), FORM_OK); /* U+1F600 */
}

/* Control characters are rejected except tab, CR and LF (textareas). */
static void test_decode_control_chars(void **state)
{
	(void)state;
	assert_int_equal(decode("%01", 1, NULL), FORM_BAD_UTF8);
	assert_int_equal(decode("a%1Bb", 1, NULL), FORM_BAD_UTF8);
	assert_int_equal(decode("%7F", 1, NULL), FORM_BAD_UTF8);
	assert_int_equal(decode("a\x02", 1, NULL), FORM_BAD_UTF8);
	assert_int_equal(decode("a%09b%0D%0Ac", 1, "a\tb\r\nc"), FORM_OK);
}

/* An encoded NUL is rejected wherever it is (it would cut the C string). */
static void test_decode_nul(void **state)
{
	(void)state;
	assert_int_equal(decode("%00", 1, NULL), FORM_BAD_UTF8);
	assert_int_equal(decode("abc%00", 1, NULL), FORM_BAD_UTF8);
	assert_int_equal(decode("abc%00def", 1, NULL), FORM_BAD_UTF8);
}

/* The decoded length limit is REQ_MAX_FIELD_LEN bytes: exactly that is fine,
 * one more is too long, and so is raw input beyond three times that. */
static void test_decode_too_long(void **state)
{
	(void)state;
	size_t n = REQ_MAX_FIELD_LEN;
	char *s = malloc(n * 3 + 2);
	memset(s, 'x', n + 1);
	char *out;
	assert_int_equal(form_decode(s, n, 1, &out), FORM_OK);
	assert_int_equal(strlen(out), n);
	free(out);
	assert_int_equal(form_decode(s, n + 1, 1, &out), FORM_TOO_LONG);
	assert_null(out);
	/* n escapes decode to n bytes: allowed although the input is 3n bytes. */
	for (size_t i = 0; i < n; i++)
		memcpy(s + 3 * i, "%41", 3);
	assert_int_equal(form_decode(s, 3 * n, 1, &out), FORM_OK);
	assert_int_equal(strlen(out), n);
	assert_int_equal(out[n - 1], 'A');
	free(out);
	s[3 * n] = 'A';
	assert_int_equal(form_decode(s, 3 * n + 1, 1, &out), FORM_TOO_LONG);
	assert_null(out);
	free(s);
}

static int parse(const char *s, struct kvlist *l)
{
	return form_parse_urlencoded(s, strlen(s), l);
}

/* Pairs are split on '&' and '=', keys and values decoded, order kept. */
static void test_urlencoded_basic(void **state)
{
	(void)state;
	struct kvlist l = {0};
	assert_int_equal(parse("name=Kari+Nordmann&email=kari%40example.no&x=a%3Db%26c", &l), FORM_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].key, "name");
	assert_string_equal(l.items[0].val, "Kari Nordmann");
	assert_string_equal(l.items[1].key, "email");
	assert_string_equal(l.items[1].val, "kari@example.no");
	assert_string_equal(kv_get(&l, "x"), "a=b&c");
	assert_string_equal(kv_get(&l, "email"), "kari@example.no");
	assert_null(kv_get(&l, "missing"));
	assert_null(kv_get(&l, "Name"));
	kv_free(&l);
	assert_int_equal(l.n, 0);
	assert_null(l.items);
}

/* Empty pairs are skipped, a key without '=' has an empty value, the first
 * '=' splits, keys are decoded too, and the first of duplicates wins. */
static void test_urlencoded_edge_pairs(void **state)
{
	(void)state;
	struct kvlist l = {0};
	assert_int_equal(parse("&&a=1&&flag&b=&c=x=y&k%20e+y=v&a=2&", &l), FORM_OK);
	assert_int_equal(l.n, 6);
	assert_string_equal(kv_get(&l, "a"), "1");
	assert_string_equal(kv_get(&l, "flag"), "");
	assert_string_equal(kv_get(&l, "b"), "");
	assert_string_equal(kv_get(&l, "c"), "x=y");
	assert_string_equal(kv_get(&l, "k e y"), "v");
	assert_string_equal(l.items[5].key, "a");
	assert_string_equal(l.items[5].val, "2");
	kv_free(&l);

	assert_int_equal(parse("", &l), FORM_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(parse("&&&", &l), FORM_OK);
	assert_int_equal(l.n, 0);
	/* Only the first n bytes count. */
	assert_int_equal(form_parse_urlencoded("a=1&b=2", 3, &l), FORM_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(kv_get(&l, "a"), "1");
	assert_null(kv_get(&l, "b"));
	kv_free(&l);
}

/* REQ_MAX_FIELDS fields are accepted; one more is FORM_TOO_MANY, and the list
 * keeps the fields parsed before the error. */
static void test_urlencoded_too_many(void **state)
{
	(void)state;
	struct buf b = {0};
	for (int i = 0; i < REQ_MAX_FIELDS; i++)
		buf_printf(&b, "%sf%d=%d", i ? "&" : "", i, i);
	struct kvlist l = {0};
	assert_int_equal(parse(buf_str(&b), &l), FORM_OK);
	assert_int_equal(l.n, REQ_MAX_FIELDS);
	assert_string_equal(kv_get(&l, "f399"), "399");
	kv_free(&l);

	buf_puts(&b, "&one=more");
	assert_int_equal(parse(buf_str(&b), &l), FORM_TOO_MANY);
	assert_int_equal(l.n, REQ_MAX_FIELDS);
	assert_null(kv_get(&l, "one"));
	kv_free(&l);
	buf_free(&b);
}

/* A value longer than REQ_MAX_FIELD_LEN fails the whole parse with
 * FORM_TOO_LONG; earlier fields stay in the list. */
static void test_urlencoded_value_too_long(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_puts(&b, "a=1&big=");
	for (int i = 0; i <= REQ_MAX_FIELD_LEN; i++)
		buf_putc(&b, 'x');
	buf_puts(&b, "&z=2");
	struct kvlist l = {0};
	assert_int_equal(parse(buf_str(&b), &l), FORM_TOO_LONG);
	assert_int_equal(l.n, 1);
	assert_string_equal(kv_get(&l, "a"), "1");
	assert_null(kv_get(&l, "big"));
	assert_null(kv_get(&l, "z"));
	kv_free(&l);
	buf_free(&b);
}

/* A bad escape or bad UTF-8 in a key or value fails the parse with that error. */
static void test_urlencoded_bad_input(void **state)
{
	(void)state;
	struct kvlist l = {0};
	assert_int_equal(parse("ok=1&a=%ZZ", &l), FORM_BAD_ENCODING);
	assert_int_equal(l.n, 1);
	kv_free(&l);
	assert_int_equal(parse("%zz=1", &l), FORM_BAD_ENCODING);
	assert_int_equal(l.n, 0);
	assert_int_equal(parse("a=%C3%28", &l), FORM_BAD_UTF8);
	assert_int_equal(parse("a%00=1", &l), FORM_BAD_UTF8);
	assert_int_equal(parse("a=x%00", &l), FORM_BAD_UTF8);
	assert_int_equal(l.n, 0);
	kv_free(&l);
}

/* Cookie headers: "; " separated pairs, extra spaces and semicolons ignored,
 * values may contain '='. */
static void test_cookies_basic(void **state)
{
	(void)state;
	struct kvlist l = {0};
	form_parse_cookies("sid=abc123; lang=nb;pre=x=y;;  ;   theme=dark", &l);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.items[0].key, "sid");
	assert_string_equal(l.items[0].val, "abc123");
	assert_string_equal(kv_get(&l, "lang"), "nb");
	assert_string_equal(kv_get(&l, "pre"), "x=y");
	assert_string_equal(kv_get(&l, "theme"), "dark");
	kv_free(&l);
}

/* Pairs without '=' or with an empty name are skipped, an empty value is
 * kept, and the key loses spaces before '='. */
static void test_cookies_malformed(void **state)
{
	(void)state;
	struct kvlist l = {0};
	form_parse_cookies("novalue; =anon; sid=s1; empty=; key =v; last", &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(kv_get(&l, "sid"), "s1");
	assert_string_equal(kv_get(&l, "empty"), "");
	assert_string_equal(kv_get(&l, "key"), "v");
	assert_null(kv_get(&l, "novalue"));
	assert_null(kv_get(&l, "last"));
	assert_null(kv_get(&l, ""));
	kv_free(&l);

	form_parse_cookies(NULL, &l);
	form_parse_cookies("", &l);
	form_parse_cookies(";;; ;", &l);
	form_parse_cookies("just-text", &l);
	assert_int_equal(l.n, 0);
	kv_free(&l);
}

/* Over-long names (64+) and values (4096+) are dropped; at most 64 cookies
 * are kept. */
static void test_cookies_limits(void **state)
{
	(void)state;
	struct buf b = {0};
	for (int i = 0; i < 64; i++)
		buf_putc(&b, 'k');
	buf_puts(&b, "=long-name; v=");
	for (int i = 0; i < 4096; i++)
		buf_putc(&b, 'v');
	buf_puts(&b, "; ok=1");
	struct kvlist l = {0};
	form_parse_cookies(buf_str(&b), &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(kv_get(&l, "ok"), "1");
	kv_free(&l);

	buf_reset(&b);
	for (int i = 0; i < 70; i++)
		buf_printf(&b, "c%d=%d; ", i, i);
	form_parse_cookies(buf_str(&b), &l);
	assert_int_equal(l.n, 64);
	assert_string_equal(kv_get(&l, "c63"), "63");
	assert_null(kv_get(&l, "c64"));
	kv_free(&l);
	buf_free(&b);
}

/* kv_add copies its strings, kv_get returns the first match, kv_free empties
 * the list and may be called again. */
static void test_kv(void **state)
{
	(void)state;
	struct kvlist l = {0};
	assert_null(kv_get(&l, "a"));
	char key[8] = "a", val[8] = "1";
	kv_add(&l, key, val);
	key[0] = 'z';
	val[0] = '9';
	kv_addn(&l, "bcd", 1, "234", 2);
	kv_add(&l, "a", "second");
	for (int i = 0; i < 20; i++)
		kv_add(&l, "n", "x");
	assert_int_equal(l.n, 23);
	assert_string_equal(kv_get(&l, "a"), "1");
	assert_string_equal(kv_get(&l, "b"), "23");
	assert_null(kv_get(&l, "z"));
	kv_free(&l);
	assert_int_equal(l.n, 0);
	assert_int_equal(l.cap, 0);
	assert_null(l.items);
	kv_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_basic),
		cmocka_unit_test(test_decode_length_bound),
		cmocka_unit_test(test_decode_broken_percent),
		cmocka_unit_test(test_decode_bad_utf8),
		cmocka_unit_test(test_decode_control_chars),
		cmocka_unit_test(test_decode_nul),
		cmocka_unit_test(test_decode_too_long),
		cmocka_unit_test(test_urlencoded_basic),
		cmocka_unit_test(test_urlencoded_edge_pairs),
		cmocka_unit_test(test_urlencoded_too_many),
		cmocka_unit_test(test_urlencoded_value_too_long),
		cmocka_unit_test(test_urlencoded_bad_input),
		cmocka_unit_test(test_cookies_basic),
		cmocka_unit_test(test_cookies_malformed),
		cmocka_unit_test(test_cookies_limits),
		cmocka_unit_test(test_kv),
	};
	return RUN_TESTS(tests);
}
