/* fuzz_html.c — src/core/html.c: the escaping writer every page goes through.
 *
 * Checks, for arbitrary strings:
 *  - html_text / html_textn output contains no < > " ' and every & starts one of
 *    the five entities the writer uses; unescaping gives the input back;
 *  - url_encode output is only unreserved characters and %XX with upper-case
 *    hex; decoding gives the input back;
 *  - html_printf with %s, %.*s, %.Ns and %c writes exactly what html_text(n)
 *    writes for the same text, and numbers exactly what snprintf writes.
 * The input is split at NULs into up to three strings; numbers come from the
 * first bytes. */
#include <math.h>

#include "fuzz.h"

#include "core/buf.h"
#include "core/html.h"

static const char *const entities[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
static const char entity_chars[] = "&<>\"'";

/* Check escaped output out[0..n) and unescape it into a malloc'd buffer. */
static char *unescape_checked(const char *out, size_t n, size_t *len)
{
	char *u = malloc(n + 1);
	if (!u)
		abort();
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		char c = out[i];
		FUZZ_CHECK(c != '<' && c != '>' && c != '"' && c != '\'', "html_text output has '%c' at %zu", c, i);
		if (c != '&') {
			u[k++] = out[i++];
			continue;
		}
		int hit = -1;
		for (int e = 0; e < 5; e++)
			if (n - i >= strlen(entities[e]) && memcmp(out + i, entities[e], strlen(entities[e])) == 0)
				hit = e;
		FUZZ_CHECK(hit >= 0, "a '&' at %zu does not start an entity", i);
		u[k++] = entity_chars[hit];
		i += strlen(entities[hit]);
	}
	u[k] = '\0';
	*len = k;
	return u;
}

static void check_text(const char *s, size_t n)
{
	struct buf b = {0};
	html_textn(&b, s, n);
	size_t ul;
	char *u = unescape_checked(b.data ? b.data : "", b.len, &ul);
	FUZZ_CHECK(ul == n && memcmp(u, s, n) == 0, "unescaped html_textn output differs from the input");
	free(u);
	buf_free(&b);
}

static int hexv(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static void check_url(const char *s)
{
	struct buf b = {0};
	url_encode(&b, s);
	const char *o = buf_str(&b);
	size_t k = 0, n = strlen(s);
	for (size_t i = 0; i < b.len; k++) {
		char c = o[i];
		if (c == '%') {
			FUZZ_CHECK(i + 2 < b.len && hexv(o[i + 1]) >= 0 && hexv(o[i + 2]) >= 0, "url_encode: bad %%XX");
			FUZZ_CHECK(k < n && (unsigned char)s[k] == hexv(o[i + 1]) * 16 + hexv(o[i + 2]),
				   "url_encode: %%XX does not decode to the input");
			i += 3;
			continue;
		}
		FUZZ_CHECK((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
				   c == '.' || c == '_' || c == '~',
			   "url_encode: '%c' not encoded", c);
		FUZZ_CHECK(k < n && s[k] == c, "url_encode: output does not match the input");
		i++;
	}
	FUZZ_CHECK(k == n, "url_encode: %zu characters out, %zu in", k, n);
	buf_free(&b);
}

static void expect_same(struct buf *got, struct buf *want, const char *what)
{
	FUZZ_CHECK(got->len == want->len && (got->len == 0 || memcmp(got->data, want->data, got->len) == 0),
		   "html_printf %s: \"%s\" instead of \"%s\"", what, buf_str(got), buf_str(want));
	buf_free(got);
	buf_free(want);
}

/* Numbers must come out as snprintf writes them (they never need escaping). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void check_numbers(int i, unsigned u, long l, long long ll, unsigned long long ull, size_t z, double d)
{
	struct buf got = {0}, want = {0};
	char tmp[512];
	html_printf(&got, "%d|%i|%u|%x|%ld|%lu|%lld|%llu|%zu|%5d|%-5d|%05u|%+d|%% %.2f", i, i, u, u, l, (unsigned long)l,
		    ll, ull, z, i, i, u, i, d);
	snprintf(tmp, sizeof tmp, "%d|%i|%u|%x|%ld|%lu|%lld|%llu|%zu|%5d|%-5d|%05u|%+d|%% %.2f", i, i, u, u, l,
		 (unsigned long)l, ll, ull, z, i, i, u, i, d);
	buf_puts(&want, tmp);
	expect_same(&got, &want, "numbers");
}
#pragma GCC diagnostic pop

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* All bytes, NULs included, through html_textn. */
	char *raw = malloc(size ? size : 1);
	if (!raw)
		abort();
	if (size)
		memcpy(raw, data, size);
	check_text(raw, size);
	free(raw);

	char *all = fuzz_strndup(data, size);
	const char *s1 = all, *s2 = "", *s3 = "";
	if (strlen(s1) < size) {
		s2 = s1 + strlen(s1) + 1;
		if ((size_t)(s2 - all) + strlen(s2) < size)
			s3 = s2 + strlen(s2) + 1;
	}
	check_url(s1);
	check_url(s2);

	/* %s in markup and in an attribute; NULL prints nothing. */
	struct buf got = {0}, want = {0};
	const char *null = NULL;
	html_printf(&got, "<a href=\"/x?q=%s\" title='%s'>%s</a>%s", s1, s2, s3, null);
	buf_puts(&want, "<a href=\"/x?q=");
	html_text(&want, s1);
	buf_puts(&want, "\" title='");
	html_text(&want, s2);
	buf_puts(&want, "'>");
	html_text(&want, s3);
	buf_puts(&want, "</a>");
	expect_same(&got, &want, "%s");

	/* Precision: %.*s with a precision from the input, and a literal %.5s. */
	int prec = size ? data[0] % 64 : 0;
	html_printf(&got, "[%.*s|%.5s]", prec, s1, s2);
	buf_putc(&want, '[');
	html_textn(&want, s1, strnlen(s1, (size_t)prec));
	buf_putc(&want, '|');
	html_textn(&want, s2, strnlen(s2, 5));
	buf_putc(&want, ']');
	expect_same(&got, &want, "%.*s");

	/* %c with every byte of the first string. */
	for (const char *p = s1; *p && p < s1 + 32; p++) {
		html_printf(&got, "%c", *p);
		html_textn(&want, p, 1);
		expect_same(&got, &want, "%c");
	}

	/* Numbers from the first bytes (zero-padded). */
	unsigned char nb[48] = {0};
	memcpy(nb, data, size < sizeof nb ? size : sizeof nb);
	int i;
	unsigned u;
	long l;
	long long ll;
	unsigned long long ull;
	size_t z;
	double d;
	memcpy(&i, nb, sizeof i);
	memcpy(&u, nb + 4, sizeof u);
	memcpy(&l, nb + 8, sizeof l);
	memcpy(&ll, nb + 16, sizeof ll);
	memcpy(&ull, nb + 24, sizeof ull);
	memcpy(&z, nb + 32, sizeof z);
	memcpy(&d, nb + 40, sizeof d);
	/* %f of a huge number is longer than html_printf's 64-byte number buffer
	 * (it is cut there, by design); keep to numbers of sensible size. */
	if (!isfinite(d) || fabs(d) > 1e40)
		d = fmod(isfinite(d) ? d : 0.0, 1e40);
	check_numbers(i, u, l, ll, ull, z, d);

	free(all);
	return 0;
}
