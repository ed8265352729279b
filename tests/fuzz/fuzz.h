/* fuzz.h — shared helpers for the libFuzzer harnesses in tests/fuzz/.
 *
 * Every harness defines LLVMFuzzerTestOneInput. A harness checks properties of
 * the parser's output with FUZZ_CHECK; a failed check aborts, which libFuzzer
 * reports as a crash and saves the input. Memory errors, undefined behaviour
 * and leaks are found by ASan, UBSan and LeakSanitizer. */
#ifndef VARDE_FUZZ_H
#define VARDE_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_CHECK(cond, ...)                                                                  \
	do {                                                                                   \
		if (!(cond)) {                                                                 \
			fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__);                                          \
			fputc('\n', stderr);                                                   \
			abort();                                                               \
		}                                                                              \
	} while (0)

/* Known bugs: a check for a bug that is reported but not fixed yet (its input
 * is in tests/fuzz/found/<target>/) is skipped unless VARDE_FUZZ_STRICT=1 is
 * set, so that fuzzing gets past it and can find the next one. Each use is
 * marked "KNOWN BUG"; delete it (and move the input to regressions/) once the
 * bug is fixed. */
static inline int fuzz_strict(void)
{
	static int strict = -1;
	if (strict < 0) {
		const char *v = getenv("VARDE_FUZZ_STRICT");
		strict = v && *v && strcmp(v, "0") != 0;
	}
	return strict;
}

/* A malloc'd, NUL-terminated copy of data[0..n) (which may itself contain NULs). */
static inline char *fuzz_strndup(const uint8_t *data, size_t n)
{
	char *s = malloc(n + 1);
	if (!s)
		abort();
	if (n)
		memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

/* Split data at the first byte sep: *a gets the part before, *b the part after
 * (both malloc'd and NUL-terminated). Without sep, *a is everything and *b "". */
static inline void fuzz_split(const uint8_t *data, size_t n, int sep, char **a, size_t *alen, char **b,
			      size_t *blen)
{
	const uint8_t *p = n ? memchr(data, sep, n) : NULL;
	size_t k = p ? (size_t)(p - data) : n;
	*a = fuzz_strndup(data, k);
	*alen = k;
	*b = p ? fuzz_strndup(p + 1, n - k - 1) : fuzz_strndup(data, 0);
	*blen = p ? n - k - 1 : 0;
}

/* A reference UTF-8 validator written from the table of well-formed byte
 * sequences in the Unicode Standard (Table 3-7), independent of src/core/text.c.
 * If cps is not NULL it gets the number of code points. */
static inline int ref_utf8_valid(const uint8_t *s, size_t n, size_t *cps)
{
	size_t i = 0, count = 0;
	while (i < n) {
		uint8_t c = s[i];
		size_t len;
		uint8_t lo = 0x80, hi = 0xBF; /* the allowed range of the second byte */
		if (c <= 0x7F)
			len = 1;
		else if (c >= 0xC2 && c <= 0xDF)
			len = 2;
		else if (c == 0xE0)
			len = 3, lo = 0xA0;
		else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
			len = 3;
		else if (c == 0xED)
			len = 3, hi = 0x9F;
		else if (c == 0xF0)
			len = 4, lo = 0x90;
		else if (c >= 0xF1 && c <= 0xF3)
			len = 4;
		else if (c == 0xF4)
			len = 4, hi = 0x8F;
		else
			return 0;
		if (n - i < len)
			return 0;
		if (len > 1 && (s[i + 1] < lo || s[i + 1] > hi))
			return 0;
		for (size_t k = 2; k < len; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return 0;
		i += len;
		count++;
	}
	if (cps)
		*cps = count;
	return 1;
}

/* A control character other than tab, CR and LF (the rule of text_has_control). */
static inline int ref_is_control(uint8_t c)
{
	return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F;
}

#endif
