/* test_html.c — the escaping HTML writer and URL encoding. */
#include "testlib.h"

#include "html.h"

/* %s escapes all five HTML-special characters and copies the rest. */
static void test_printf_escapes_s(void **state)
{
	(void)state;
	struct buf b = {0};
	html_printf(&b, "<p title=\"%s\">%s</p>", "a\"b'c", "<script>alert('x&y')</script>");
	assert_string_equal(buf_str(&b),
			    "<p title=\"a&quot;b&#39;c\">&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt;</p>");
	buf_free(&b);
}

/* Text without special characters, UTF-8 included, passes unchanged, and an
 * already escaped entity is escaped again (no double-decoding shortcuts). */
static void test_printf_plain_and_entities(void **state)
{
	(void)state;
	struct buf b = {0};
	html_printf(&b, "%s|%s", "Blåbær på Ørland", "&amp;");
	assert_string_equal(buf_str(&b), "Blåbær på Ørland|&amp;amp;");
	buf_free(&b);
}

/* %.*s takes the precision from the arguments, cuts the string there and
 * escapes what it keeps; a precision beyond the end stops at the NUL. */
static void test_printf_precision_string(void **state)
{
	(void)state;
	struct buf b = {0};
	html_printf(&b, "[%.*s]", 3, "<a>bcdef");
	assert_string_equal(buf_str(&b), "[&lt;a&gt;]");
	buf_reset(&b);
	html_printf(&b, "[%.*s]", 50, "x&y");
	assert_string_equal(buf_str(&b), "[x&amp;y]");
	buf_reset(&b);
	html_printf(&b, "[%.*s][%d]", 0, "abc", 7);
	assert_string_equal(buf_str(&b), "[][7]");
	buf_reset(&b);
	/* The argument after %.*s is still read correctly. */
	html_printf(&b, "%.*s-%s", 2, "abcdef", "<");
	assert_string_equal(buf_str(&b), "ab-&lt;");
	buf_free(&b);
}

/* %c escapes a special character and copies an ordinary one. */
static void test_printf_char(void **state)
{
	(void)state;
	struct buf b = {0};
	html_printf(&b, "%c%c%c%c%c%c", '<', '>', '&', '"', '\'', 'z');
	assert_string_equal(buf_str(&b), "&lt;&gt;&amp;&quot;&#39;z");
	buf_free(&b);
}

/* Numbers print as printf prints them, whatever the length modifier, and
 * the arguments after them stay in step. */
static void test_printf_numbers(void **state)
{
	(void)state;
	struct buf b = {0};
	html_printf(&b, "%d|%i|%lld|%zu|%u|%x|%.1f|%ld|%s", -42, 17, -9007199254740993LL,
		    (size_t)18446744073709551615ULL, 4000000000u, 255u, 1.96, 123456789012L, "end");
	assert_string_equal(buf_str(&b),
			    "-42|17|-9007199254740993|18446744073709551615|4000000000|ff|2.0|123456789012|end");
	buf_reset(&b);
	html_printf(&b, "[%5d][%-4d][%03d][%+d][%.2f][%llu][%llx]", 42, 7, 5, 3, 3.14159, 18446744073709551615ULL,
		    0xdeadbeefcafeULL);
	assert_string_equal(buf_str(&b), "[   42][7   ][005][+3][3.14][18446744073709551615][deadbeefcafe]");
	buf_free(&b);
}

/* %% is a literal percent sign and does not consume an argument. */
static void test_printf_percent(void **state)
{
	(void)state;
	struct buf b = {0};
	html_printf(&b, "100%% of %d%% is %s", 50, "<half>");
	assert_string_equal(buf_str(&b), "100% of 50% is &lt;half&gt;");
	buf_reset(&b);
	html_printf(&b, "%%");
	assert_string_equal(buf_str(&b), "%");
	buf_free(&b);
}

/* A NULL string prints nothing (for both %s and %.*s) and later arguments
 * still line up. */
static void test_printf_null_string(void **state)
{
	(void)state;
	struct buf b = {0};
	html_printf(&b, "a%sb%dc", null_str(), 5);
	assert_string_equal(buf_str(&b), "ab5c");
	buf_reset(&b);
	html_printf(&b, "[%.*s][%s]", 4, null_str(), "x");
	assert_string_equal(buf_str(&b), "[][x]");
	buf_free(&b);
}

/* html_printf appends to what the buffer already holds. */
static void test_printf_appends(void **state)
{
	(void)state;
	struct buf b = {0};
	html_printf(&b, "<ul>");
	for (int i = 1; i <= 3; i++)
		html_printf(&b, "<li>%d %s</li>", i, i == 2 ? "a&b" : "c");
	html_printf(&b, "</ul>");
	assert_string_equal(buf_str(&b), "<ul><li>1 c</li><li>2 a&amp;b</li><li>3 c</li></ul>");
	assert_int_equal(b.len, strlen(buf_str(&b)));
	buf_free(&b);
}

/* html_text escapes like %s and appends nothing for NULL; html_textn stops at n. */
static void test_html_text(void **state)
{
	(void)state;
	struct buf b = {0};
	html_text(&b, "Tom & \"Jerry\" <'ok'>");
	assert_string_equal(buf_str(&b), "Tom &amp; &quot;Jerry&quot; &lt;&#39;ok&#39;&gt;");
	buf_reset(&b);
	html_text(&b, NULL);
	assert_int_equal(b.len, 0);
	assert_string_equal(buf_str(&b), "");
	html_textn(&b, "<<>>", 2);
	assert_string_equal(buf_str(&b), "&lt;&lt;");
	buf_reset(&b);
	html_text(&b, "");
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

/* A long string with specials spread throughout is escaped completely. */
static void test_html_text_long(void **state)
{
	(void)state;
	struct buf in = {0}, want = {0}, b = {0};
	for (int i = 0; i < 2000; i++) {
		buf_puts(&in, "abc<def&");
		buf_puts(&want, "abc&lt;def&amp;");
	}
	html_text(&b, buf_str(&in));
	assert_int_equal(b.len, want.len);
	assert_string_equal(buf_str(&b), buf_str(&want));
	buf_free(&in);
	buf_free(&want);
	buf_free(&b);
}

/* html_raw appends trusted markup unchanged (and NULL as nothing). */
static void test_html_raw(void **state)
{
	(void)state;
	struct buf b = {0};
	html_raw(&b, "<b class=\"x\">&nbsp;'</b>");
	html_raw(&b, NULL);
	assert_string_equal(buf_str(&b), "<b class=\"x\">&nbsp;'</b>");
	buf_free(&b);
}

/* url_encode: unreserved characters pass, space and reserved characters become
 * %XX (upper-case hex), and non-ASCII text is encoded byte by byte as UTF-8. */
static void test_url_encode(void **state)
{
	(void)state;
	struct buf b = {0};
	url_encode(&b, "AZaz09-._~");
	assert_string_equal(buf_str(&b), "AZaz09-._~");
	buf_reset(&b);
	url_encode(&b, "a b");
	assert_string_equal(buf_str(&b), "a%20b");
	buf_reset(&b);
	url_encode(&b, "æøå ÆØÅ");
	assert_string_equal(buf_str(&b), "%C3%A6%C3%B8%C3%A5%20%C3%86%C3%98%C3%85");
	buf_reset(&b);
	url_encode(&b, "/?#&=+%:@!$'()*,;[]");
	assert_string_equal(buf_str(&b), "%2F%3F%23%26%3D%2B%25%3A%40%21%24%27%28%29%2A%2C%3B%5B%5D");
	buf_reset(&b);
	url_encode(&b, "<\">\x01\x7f");
	assert_string_equal(buf_str(&b), "%3C%22%3E%01%7F");
	buf_reset(&b);
	url_encode(&b, NULL);
	url_encode(&b, "");
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

/* url_encode output, passed through %s, contains nothing HTML-special, so an
 * attribute built from it is unchanged by the escaping. */
static void test_url_in_attribute(void **state)
{
	(void)state;
	struct buf u = {0}, b = {0};
	url_encode(&u, "\"><script>&'");
	html_printf(&b, "<a href=\"/search?q=%s\">", buf_str(&u));
	assert_string_equal(buf_str(&b), "<a href=\"/search?q=%22%3E%3Cscript%3E%26%27\">");
	buf_free(&u);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_printf_escapes_s),
		cmocka_unit_test(test_printf_plain_and_entities),
		cmocka_unit_test(test_printf_precision_string),
		cmocka_unit_test(test_printf_char),
		cmocka_unit_test(test_printf_numbers),
		cmocka_unit_test(test_printf_percent),
		cmocka_unit_test(test_printf_null_string),
		cmocka_unit_test(test_printf_appends),
		cmocka_unit_test(test_html_text),
		cmocka_unit_test(test_html_text_long),
		cmocka_unit_test(test_html_raw),
		cmocka_unit_test(test_url_encode),
		cmocka_unit_test(test_url_in_attribute),
	};
	return RUN_TESTS(tests);
}
