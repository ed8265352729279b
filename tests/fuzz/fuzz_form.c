/* fuzz_form.c — src/http/form.c: form_decode, form_parse_urlencoded and
 * form_parse_cookies, the first code that sees a query string, a form body or a
 * Cookie header.
 *
 * The input is split at the first newline: the part before it is parsed as a
 * Cookie header, the part after it as an urlencoded body, and the whole input is
 * percent-decoded (with and without '+' as space). Besides memory errors the
 * harness checks the results against a reference decoder written here, so a
 * decoder that accepts a broken escape, invalid UTF-8 or a control character, or
 * loses or invents a field, is reported as a crash. */
#include "fuzz.h"

#include "core/buf.h"
#include "http/form.h"

/* The reference: percent-decode s[0..n); returns 0 and a malloc'd string in
 * *out (length *outlen), or -1 for anything form_decode must reject. */
static int ref_decode(const char *s, size_t n, int plus, char **out, size_t *outlen, int *broken_escape)
{
	static const char hexd[] = "0123456789abcdef0123456789ABCDEF";
	*out = NULL;
	*broken_escape = 0;
	char *d = malloc(n + 1);
	if (!d)
		abort();
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			const char *h1 = i + 1 < n && s[i + 1] ? strchr(hexd, s[i + 1]) : NULL;
			const char *h2 = i + 2 < n && s[i + 2] ? strchr(hexd, s[i + 2]) : NULL;
			if (!h1 || !h2) {
				*broken_escape = 1;
				free(d);
				return -1;
			}
			d[k++] = (char)(((h1 - hexd) % 16) * 16 + (h2 - hexd) % 16);
			i += 2;
		} else {
			d[k++] = plus && s[i] == '+' ? ' ' : s[i];
		}
	}
	d[k] = '\0';
	int ok = k <= REQ_MAX_FIELD_LEN && ref_utf8_valid((const uint8_t *)d, k, NULL);
	for (size_t i = 0; ok && i < k; i++)
		if (d[i] == '\0' || ref_is_control((uint8_t)d[i]))
			ok = 0;
	if (!ok) {
		free(d);
		return -1;
	}
	*out = d;
	*outlen = k;
	return 0;
}

static void check_decode(const char *s, size_t n, int plus)
{
	char *got = NULL, *want = NULL;
	size_t wantlen = 0;
	int broken = 0;
	int rc = form_decode(s, n, plus, &got);
	int ref = ref_decode(s, n, plus, &want, &wantlen, &broken);
	FUZZ_CHECK(rc == FORM_OK || rc == FORM_BAD_ENCODING || rc == FORM_BAD_UTF8 || rc == FORM_TOO_LONG,
		   "form_decode returned %d", rc);
	FUZZ_CHECK((rc == FORM_OK) == (ref == 0), "form_decode says %d, the reference %d", rc, ref);
	if (rc == FORM_OK) {
		FUZZ_CHECK(got != NULL, "form_decode: FORM_OK without a string");
		FUZZ_CHECK(strlen(got) == wantlen && memcmp(got, want, wantlen) == 0,
			   "form_decode: decoded text differs from the reference");
	} else {
		FUZZ_CHECK(got == NULL, "form_decode: an error (%d) but *out is set", rc);
		if (rc == FORM_BAD_ENCODING)
			FUZZ_CHECK(broken, "form_decode: FORM_BAD_ENCODING without a broken escape");
	}
	free(got);
	free(want);
}

/* form_parse_urlencoded against the same loop over '&'-separated fields done
 * with the reference decoder. */
static void check_urlencoded(const char *s, size_t n)
{
	struct kvlist list = {0};
	int rc = form_parse_urlencoded(s, n, &list);
	FUZZ_CHECK(list.n <= REQ_MAX_FIELDS, "form_parse_urlencoded: %zu fields", list.n);
	size_t idx = 0, i = 0;
	int ref_rc = FORM_OK;
	while (i < n && ref_rc == FORM_OK) {
		size_t end = i;
		while (end < n && s[end] != '&')
			end++;
		if (end > i) {
			if (idx >= REQ_MAX_FIELDS) {
				ref_rc = FORM_TOO_MANY;
				break;
			}
			size_t eq = i;
			while (eq < end && s[eq] != '=')
				eq++;
			char *k = NULL, *v = NULL;
			size_t klen, vlen;
			int broken;
			if (ref_decode(s + i, eq - i, 1, &k, &klen, &broken) != 0 ||
			    ref_decode(eq < end ? s + eq + 1 : "", eq < end ? end - eq - 1 : 0, 1, &v, &vlen, &broken) != 0) {
				ref_rc = -100;
			} else {
				FUZZ_CHECK(idx < list.n, "form_parse_urlencoded: field %zu is missing", idx);
				FUZZ_CHECK(strcmp(list.items[idx].key, k) == 0 && strcmp(list.items[idx].val, v) == 0,
					   "form_parse_urlencoded: field %zu differs from the reference", idx);
				idx++;
			}
			free(k);
			free(v);
		}
		i = end + 1;
	}
	FUZZ_CHECK((rc == FORM_OK) == (ref_rc == FORM_OK), "form_parse_urlencoded: rc %d, reference %d", rc, ref_rc);
	if (ref_rc == FORM_TOO_MANY)
		FUZZ_CHECK(rc == FORM_TOO_MANY, "form_parse_urlencoded: rc %d instead of FORM_TOO_MANY", rc);
	FUZZ_CHECK(list.n == idx, "form_parse_urlencoded: %zu fields, the reference %zu", list.n, idx);
	for (size_t f = 0; f < list.n; f++)
		FUZZ_CHECK(kv_get(&list, list.items[f].key) != NULL, "kv_get misses a key");
	kv_free(&list);
	FUZZ_CHECK(list.n == 0 && list.items == NULL, "kv_free leaves items");
}

/* Cookies: what comes out must be a plausible name/value pair that was in the header. */
static void check_cookies(const char *h)
{
	struct kvlist list = {0};
	form_parse_cookies(h, &list);
	FUZZ_CHECK(list.n <= 64, "form_parse_cookies: %zu cookies", list.n);
	for (size_t i = 0; i < list.n; i++) {
		const char *k = list.items[i].key, *v = list.items[i].val;
		size_t klen = strlen(k), vlen = strlen(v);
		FUZZ_CHECK(klen >= 1 && klen < 64, "cookie name length %zu", klen);
		FUZZ_CHECK(vlen < 4096, "cookie value length %zu", vlen);
		FUZZ_CHECK(!strpbrk(k, "=;") && k[0] != ' ' && k[klen - 1] != ' ', "cookie name \"%s\"", k);
		FUZZ_CHECK(!strchr(v, ';'), "cookie value with ';'");
		FUZZ_CHECK(strstr(h, k) != NULL && strstr(h, v) != NULL, "cookie not in the header");
	}
	kv_free(&list);
	form_parse_cookies(NULL, &list);
	FUZZ_CHECK(list.n == 0, "form_parse_cookies(NULL) adds cookies");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *header, *body;
	size_t hlen, blen;
	fuzz_split(data, size, '\n', &header, &hlen, &body, &blen);
	check_cookies(header);
	check_urlencoded(body, blen);
	/* The whole input, from an exactly sized buffer so a read past the end is caught. */
	char *all = malloc(size ? size : 1);
	if (!all)
		abort();
	if (size)
		memcpy(all, data, size);
	check_decode(all, size, 1);
	check_decode(all, size, 0);
	check_urlencoded(all, size);
	free(all);
	free(header);
	free(body);
	return 0;
}
