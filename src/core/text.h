/* text.h — small string checks shared by parsers and validators. No allocation
 * unless stated. */
#ifndef VARDE_TEXT_H
#define VARDE_TEXT_H
#include <stdbool.h>
#include <stddef.h>

/* True if s[0..n) is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF). */
bool utf8_valid(const char *s, size_t n);
/* utf8_valid for a NUL-terminated string. */
bool utf8_valid_str(const char *s);
/* Number of code points in a valid UTF-8 string. */
size_t utf8_length(const char *s);
/* True if s contains a control character other than tab, CR and LF. */
bool text_has_control(const char *s);
/* Returns a malloc'd copy of s with leading and trailing ASCII white space removed. */
char *text_trim_dup(const char *s);
/* Lower-cases ASCII letters in place (e-mail addresses are compared this way). */
void text_ascii_lower(char *s);
/* A plausible e-mail address: one '@', non-empty local part, a dot in the domain,
 * no spaces, at most 254 bytes. Deliverability is not checked. */
bool text_email_plausible(const char *s);
/* A malloc'd copy of s folded for case-insensitive search: ASCII and the
 * Latin-1 letters (Æ Ø Å Ä Ö É Ü …) lower-cased; other text unchanged. Nordic
 * letters stay distinct from their base letters (å is not a). */
char *text_fold(const char *s);
/* Constant-time comparison of two equal-length byte strings. */
bool text_equal_ct(const void *a, const void *b, size_t n);
/* Parses a decimal integer that must fill the whole string. */
bool text_parse_ll(const char *s, long long *out);

/* s, or "" when s is NULL (for optional values in output). */
static inline const char *text_or_empty(const char *s)
{
	return s ? s : "";
}

#endif
