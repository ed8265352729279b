/* form.h — decoding of what arrives from outside: percent-encoding,
 * application/x-www-form-urlencoded bodies and query strings, cookie headers.
 * These are the parsers a fuzzer aims at (tests/fuzz). */
#ifndef VARDE_FORM_H
#define VARDE_FORM_H
#include <stddef.h>

#include "req.h"

enum form_err {
	FORM_OK = 0,
	FORM_BAD_ENCODING = -1,  /* a broken %XX escape */
	FORM_BAD_UTF8 = -2,      /* decoded text is not UTF-8 or has control characters */
	FORM_TOO_MANY = -3,      /* more than REQ_MAX_FIELDS fields */
	FORM_TOO_LONG = -4,      /* a value longer than REQ_MAX_FIELD_LEN */
};

/* Percent-decode s[0..n) into out (which gets a malloc'd string); '+' becomes a
 * space when plus_is_space. Returns FORM_OK or an error. */
int form_decode(const char *s, size_t n, int plus_is_space, char **out);
/* Parse "a=1&b=2" into list. The same for query strings and form bodies.
 * On error the list holds what was parsed before the error. */
int form_parse_urlencoded(const char *s, size_t n, struct kvlist *list);
/* Parse a Cookie header ("a=1; b=2"). Malformed pairs are skipped. */
void form_parse_cookies(const char *header, struct kvlist *list);

#endif
