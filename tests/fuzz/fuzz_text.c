/* fuzz_text.c — src/core/text.c: the checks every parser and validator leans on.
 *
 * utf8_valid is compared with the reference decoder in fuzz.h (written from the
 * Unicode table of well-formed sequences), text_email_plausible and text_parse_ll
 * with re-statements of their documented rules, and text_fold, text_trim_dup,
 * text_ascii_lower, utf8_length, text_has_control and text_equal_ct with the
 * properties their headers promise. */
#include <errno.h>
#include <limits.h>

#include "fuzz.h"

#include "core/text.h"

/* text_email_plausible's rule, as text.h states it. */
static int ref_email(const char *s)
{
	size_t n = strlen(s);
	if (n < 3 || n > 254)
		return 0;
	size_t ats = 0, at = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',')
			return 0;
		if (c == '@')
			ats++, at = i;
	}
	if (ats != 1 || at == 0)
		return 0;
	/* A dot in the domain, not right after '@', and not last; the last dot decides. */
	size_t dot = 0;
	for (size_t i = at + 1; i < n; i++)
		if (s[i] == '.')
			dot = i;
	return dot > at + 1 && dot < n - 1;
}

/* A decimal integer filling the whole string: optional '-', digits, in range. */
static int ref_parse_ll(const char *s, long long *out)
{
	int neg = *s == '-';
	const char *p = s + neg;
	if (!*p)
		return 0;
	unsigned long long v = 0, limit = neg ? (unsigned long long)LLONG_MAX + 1 : (unsigned long long)LLONG_MAX;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		unsigned d = (unsigned)(*p - '0');
		if (v > (limit - d) / 10)
			return 0;
		v = v * 10 + d;
	}
	*out = neg ? (v == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)v) : (long long)v;
	return 1;
}

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void check_string(const char *s)
{
	size_t n = strlen(s);
	int valid = ref_utf8_valid((const uint8_t *)s, n, NULL);
	FUZZ_CHECK(utf8_valid_str(s) == (valid != 0), "utf8_valid_str disagrees");

	int ctl = 0;
	for (size_t i = 0; i < n; i++)
		ctl |= ref_is_control((uint8_t)s[i]);
	FUZZ_CHECK(text_has_control(s) == (ctl != 0), "text_has_control says %d", !ctl);

	FUZZ_CHECK(text_email_plausible(s) == (ref_email(s) != 0), "text_email_plausible says %d for \"%s\"",
		   !ref_email(s), s);

	long long got = 12345, want = 0;
	bool ok = text_parse_ll(s, &got);
	int rok = ref_parse_ll(s, &want);
	FUZZ_CHECK(ok == (rok != 0), "text_parse_ll(\"%s\") says %d", s, ok);
	FUZZ_CHECK(!ok || got == want, "text_parse_ll(\"%s\") = %lld, want %lld", s, got, want);
	FUZZ_CHECK(ok || got == 12345, "text_parse_ll wrote *out on failure");
	FUZZ_CHECK(!text_parse_ll(NULL, &got), "text_parse_ll(NULL)");

	/* text_fold: same length, no ASCII capitals, idempotent, keeps (in)validity. */
	char *f = text_fold(s);
	FUZZ_CHECK(strlen(f) == n, "text_fold changed the length");
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(!(f[i] >= 'A' && f[i] <= 'Z'), "text_fold left a capital");
		if ((unsigned char)s[i] < 0x80 && !(s[i] >= 'A' && s[i] <= 'Z'))
			FUZZ_CHECK(f[i] == s[i], "text_fold changed a non-letter");
	}
	FUZZ_CHECK(ref_utf8_valid((const uint8_t *)f, n, NULL) == valid, "text_fold changed UTF-8 validity");
	char *ff = text_fold(f);
	FUZZ_CHECK(strcmp(f, ff) == 0, "text_fold is not idempotent");
	free(ff);
	free(f);

	/* text_trim_dup: a substring with no white space at either end. */
	char *t = text_trim_dup(s);
	size_t tl = strlen(t);
	FUZZ_CHECK(tl <= n && strstr(s, t) != NULL, "text_trim_dup is not a substring");
	FUZZ_CHECK(tl == 0 || (!is_ws(t[0]) && !is_ws(t[tl - 1])), "text_trim_dup left white space");
	free(t);

	/* text_ascii_lower in place on a copy. */
	char *low = strdup(s);
	text_ascii_lower(low);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(low[i] == ((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]), "text_ascii_lower");
	free(low);

	if (valid) {
		size_t cps = 0;
		ref_utf8_valid((const uint8_t *)s, n, &cps);
		FUZZ_CHECK(utf8_length(s) == cps, "utf8_length %zu, want %zu", utf8_length(s), cps);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The raw bytes, from an exactly sized buffer (NULs included). */
	char *raw = malloc(size ? size : 1);
	if (!raw)
		abort();
	if (size)
		memcpy(raw, data, size);
	int valid = ref_utf8_valid(data, size, NULL);
	FUZZ_CHECK(utf8_valid(raw, size) == (valid != 0), "utf8_valid says %d", !valid);
	for (size_t cut = 0; cut < size && cut < 8; cut++)
		FUZZ_CHECK(utf8_valid(raw, cut) == (ref_utf8_valid(data, cut, NULL) != 0), "utf8_valid prefix %zu", cut);
	size_t half = size / 2;
	FUZZ_CHECK(text_equal_ct(raw, raw + half, half) == (memcmp(raw, raw + half, half) == 0), "text_equal_ct");
	free(raw);

	/* Every NUL-separated piece as a C string. */
	char *s = fuzz_strndup(data, size);
	for (char *p = s; p <= s + size; p += strlen(p) + 1)
		check_string(p);
	free(s);
	return 0;
}
