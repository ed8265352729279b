/* html.c — escaping writer; see html.h for the rules. */
#include "html.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Append n bytes of s, replacing the five HTML-special characters. Runs of
 * plain bytes are copied in one go, which keeps the common case cheap. */
void html_textn(struct buf *b, const char *s, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_append(b, s + start, i - start);
		buf_puts(b, rep);
		start = i + 1;
	}
	buf_append(b, s + start, n - start);
}

void html_text(struct buf *b, const char *s)
{
	if (s)
		html_textn(b, s, strlen(s));
}

void html_raw(struct buf *b, const char *trusted)
{
	if (trusted)
		buf_puts(b, trusted);
}

/* Unreserved characters (RFC 3986) pass; everything else becomes %XX. */
void url_encode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	if (!s)
		return;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned char c = *p;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~') {
			buf_putc(b, (char)c);
		} else {
			char enc[3] = {'%', hex[c >> 4], hex[c & 15]};
			buf_append(b, enc, 3);
		}
	}
}

/* Print one numeric conversion spec with snprintf. The spec is a copy of the
 * caller's format text, which html_printf has already parsed character by
 * character (flags, width, precision, length, one conversion) and which the
 * compiler checked against the arguments, so a non-literal format is safe. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void html_number(struct buf *b, const char *spec, size_t speclen, va_list *ap, int lcount, int zflag,
			char conv)
{
	char fmt[16], out[64];
	if (speclen >= sizeof fmt)
		abort(); /* a width of 10+ digits: a programming error, caught in tests */
	memcpy(fmt, spec, speclen);
	fmt[speclen] = '\0';
	int n;
	if (zflag)
		n = snprintf(out, sizeof out, fmt, va_arg(*ap, size_t));
	else if (lcount >= 2)
		n = (conv == 'u' || conv == 'x') ? snprintf(out, sizeof out, fmt, va_arg(*ap, unsigned long long))
						 : snprintf(out, sizeof out, fmt, va_arg(*ap, long long));
	else if (lcount == 1)
		n = (conv == 'u' || conv == 'x') ? snprintf(out, sizeof out, fmt, va_arg(*ap, unsigned long))
						 : snprintf(out, sizeof out, fmt, va_arg(*ap, long));
	else if (conv == 'f')
		n = snprintf(out, sizeof out, fmt, va_arg(*ap, double));
	else
		n = (conv == 'u' || conv == 'x') ? snprintf(out, sizeof out, fmt, va_arg(*ap, unsigned))
						 : snprintf(out, sizeof out, fmt, va_arg(*ap, int));
	if (n > 0)
		buf_append(b, out, (size_t)n < sizeof out ? (size_t)n : sizeof out - 1);
}
#pragma GCC diagnostic pop

/* The supported conversions are %s, %.*s, %c, %d %i %u %x %f with optional
 * l, ll or z, a width or precision, and %%. Strings and characters are escaped.
 * Anything else aborts: the compiler accepts it, so it must not pass silently. */
void html_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *p = fmt;
	while (*p) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			buf_puts(b, p);
			break;
		}
		buf_append(b, p, (size_t)(pct - p));
		const char *q = pct + 1;
		if (*q == '%') {
			buf_putc(b, '%');
			p = q + 1;
			continue;
		}
		int star = 0, prec = -1;
		while (*q == '-' || *q == '0' || *q == '+' || *q == ' ')
			q++;
		while (*q >= '0' && *q <= '9')
			q++;
		if (*q == '.') {
			q++;
			if (*q == '*') {
				star = 1;
				q++;
			}
			if (*q >= '0' && *q <= '9')
				prec = 0;
			while (*q >= '0' && *q <= '9' && prec < 100000)
				prec = prec * 10 + (*q++ - '0');
		}
		int lcount = 0, zflag = 0;
		while (*q == 'l') {
			lcount++;
			q++;
		}
		if (*q == 'z') {
			zflag = 1;
			q++;
		}
		char conv = *q;
		if (conv == 's') {
			if (star) {
				int sprec = va_arg(ap, int);
				const char *s = va_arg(ap, const char *);
				if (s)
					html_textn(b, s, strnlen(s, sprec < 0 ? 0 : (size_t)sprec));
			} else if (prec >= 0) {
				const char *s = va_arg(ap, const char *);
				if (s)
					html_textn(b, s, strnlen(s, (size_t)prec));
			} else {
				html_text(b, va_arg(ap, const char *));
			}
		} else if (conv == 'c') {
			char c = (char)va_arg(ap, int);
			html_textn(b, &c, 1);
		} else if (conv == 'd' || conv == 'i' || conv == 'u' || conv == 'x' || conv == 'f') {
			html_number(b, pct, (size_t)(q - pct + 1), &ap, lcount, zflag, conv);
		} else {
			/* An unsupported conversion (%X, %hd, %p, …) would leave its
			 * argument unread and misread every later one: stop here. */
			fprintf(stderr, "html_printf: unsupported conversion in \"%s\"\n", fmt);
			abort();
		}
		p = q + 1;
	}
	va_end(ap);
}
