/* parse.c — see parse.h. Hand-written because strtod() follows the process
 * locale (which we never change: it would break other threads) and knows
 * nothing of decimal commas or spaces as thousands separators. */
#include "parse.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Skip one space of any kind; returns its length in bytes, or 0. */
static size_t space_len(const char *p)
{
	if (*p == ' ' || *p == '\t')
		return 1;
	if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
		return 2;
	if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0xAF)
		return 3;
	return 0;
}

/* Check digit groups in the number part of s (after any sign, before any
 * trailing space or '%'): the integer part is split at spaces and at the mark
 * that is not the decimal mark; the first group has 1-3 digits when there is
 * more than one, and every later group exactly three. */
static bool number_groups_ok(const char *s, char dec)
{
	const char *p = s;
	size_t sl;
	while ((sl = space_len(p)))
		p += sl;
	if (*p == '-' || *p == '+')
		p++;
	else if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x88)
		p += 3;
	int groups = 0, digits = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			digits++;
			continue;
		}
		if (dec && *p == dec)
			break; /* the fraction: no groups */
		sl = space_len(p);
		bool sep = sl || *p == '.' || *p == ',';
		if (!sep)
			break;
		const char *q = p + (sl ? sl : 1);
		if (!(*q >= '0' && *q <= '9'))
			break; /* trailing space or mark: the number ends here */
		if (groups == 0 ? (digits < 1 || digits > 3) : digits != 3)
			return false;
		groups++;
		digits = 0;
		if (sl)
			p += sl - 1;
	}
	return groups == 0 || digits == 3;
}

bool parse_number(const char *s, bool allow_percent, double *out)
{
	char digits[128];
	size_t n = 0, sl;
	int commas = 0, dots = 0;
	const char *p = s;
	while ((sl = space_len(p)))
		p += sl;
	if (*p == '-' || *p == '+' || (unsigned char)p[0] == 0xE2) {
		if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x88 && (unsigned char)p[2] == 0x92) {
			digits[n++] = '-'; /* U+2212 minus sign */
			p += 3;
		} else if (*p == '-' || *p == '+') {
			digits[n++] = *p++;
		}
	}
	const char *start = p;
	for (; *p; p++) {
		if (n >= sizeof digits - 2)
			return false;
		if (*p >= '0' && *p <= '9') {
			digits[n++] = *p;
		} else if (*p == ',') {
			commas++;
			digits[n++] = ',';
		} else if (*p == '.') {
			dots++;
			digits[n++] = '.';
		} else if ((sl = space_len(p))) {
			/* a space between digits is a thousands separator; trailing space ends */
			const char *q = p + sl;
			while (space_len(q))
				q += space_len(q);
			if (*q == '\0' || *q == '%')
				break;
			if (!(*q >= '0' && *q <= '9') || n == 0)
				return false;
			p += sl - 1;
		} else {
			break;
		}
	}
	while ((sl = space_len(p)))
		p += sl;
	if (*p == '%') {
		if (!allow_percent)
			return false;
		p++;
		while ((sl = space_len(p)))
			p += sl;
	}
	if (*p || p == start || n == 0 || digits[n - 1] == ',' || digits[n - 1] == '.')
		return false;
	digits[n] = '\0';
	/* Decide which mark is the decimal separator. */
	char dec = 0;
	if (commas == 1 && dots == 0)
		dec = ',';
	else if (dots == 1 && commas == 0)
		dec = '.';
	else if (commas == 1 && dots >= 1 && strrchr(digits, ',') > strrchr(digits, '.'))
		dec = ','; /* 1.234,5 */
	else if (dots == 1 && commas >= 1 && strrchr(digits, '.') > strrchr(digits, ','))
		dec = '.'; /* 1,234.5 */
	else if (commas || dots)
		return false;
	/* "1.500" or "1,500": a thousands group or a decimal fraction? Refuse. */
	if ((commas + dots) == 1) {
		const char *mark = strchr(digits, dec);
		size_t lead = (size_t)(mark - digits) - (digits[0] == '-' || digits[0] == '+');
		const char *first = digits + (digits[0] == '-' || digits[0] == '+');
		if (strlen(mark + 1) == 3 && lead >= 1 && lead <= 3 && !(lead == 1 && first[0] == '0'))
			return false;
	}
	/* Thousands groups (spaces, or the non-decimal mark) must have three
	 * digits; a lone mark followed by exactly three digits ("1.500") is
	 * ambiguous between 1500 and 1,5 and is refused. */
	if (!number_groups_ok(s, dec))
		return false;
	char clean[128];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (digits[i] == dec)
			clean[k++] = '.';
		else if (digits[i] != ',' && digits[i] != '.')
			clean[k++] = digits[i];
	}
	clean[k] = '\0';
	if (k == 0 || (k == 1 && (clean[0] == '-' || clean[0] == '+')))
		return false;
	char *end;
	double v = strtod(clean, &end);
	if (*end || !isfinite(v) || fabs(v) >= 1e15)
		return false;
	*out = v;
	return true;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool parse_date(const char *s, char iso[11])
{
	int y, m, d;
	char tail;
	if (!s)
		return false;
	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-' && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3) {
		/* ok */
	} else if (sscanf(s, "%2d.%2d.%4d%c", &d, &m, &y, &tail) == 3 && strlen(s) >= 8 && strlen(s) <= 10 &&
		   strchr(s, '.') && strlen(strrchr(s, '.') + 1) == 4) {
		/* ok */
	} else {
		return false;
	}
	for (const char *p = s; *p; p++)
		if (!((*p >= '0' && *p <= '9') || *p == '-' || *p == '.'))
			return false;
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
		return false;
	int max = mdays[m - 1] + (m == 2 && leap(y));
	if (d > max)
		return false;
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(iso, tmp, 11);
	return true;
}

void format_number_nb_auto(double v, char *out, size_t outlen)
{
	/* Up to six decimals, without trailing zeros. */
	char raw[64];
	snprintf(raw, sizeof raw, "%.6f", v);
	char *dot = strchr(raw, '.');
	int decimals = 6;
	for (char *e = raw + strlen(raw) - 1; dot && e > dot && *e == '0'; e--)
		decimals--;
	/* "1,234" would read back as ambiguous (parse_number refuses it): with
	 * one to three integer digits other than 0, write "1,2340". */
	const char *digits = raw[0] == '-' ? raw + 1 : raw;
	size_t intlen = dot ? (size_t)(dot - digits) : strlen(digits);
	if (decimals == 3 && intlen <= 3 && !(intlen == 1 && digits[0] == '0'))
		decimals = 4;
	format_number_nb(v, decimals, out, outlen);
}

void format_number_nb(double v, int decimals, char *out, size_t outlen)
{
	char raw[64];
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	snprintf(raw, sizeof raw, "%.*f", decimals, v);
	const char *dot = strchr(raw, '.');
	size_t intlen = dot ? (size_t)(dot - raw) : strlen(raw);
	size_t o = 0, start = raw[0] == '-' ? 1 : 0;
	if (start && o + 1 < outlen)
		out[o++] = '-';
	for (size_t i = start; i < intlen && o + 3 < outlen; i++) {
		if (i > start && (intlen - i) % 3 == 0) {
			out[o++] = (char)0xC2; /* no-break space */
			out[o++] = (char)0xA0;
		}
		out[o++] = raw[i];
	}
	if (dot && o + 1 < outlen) {
		out[o++] = ',';
		for (const char *p = dot + 1; *p && o + 1 < outlen; p++)
			out[o++] = *p;
	}
	out[o] = '\0';
}
