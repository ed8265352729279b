/* chart.c — what the four charts share: the <svg> frame with its title and
 * desc, clean and truncated text, links, numbers and dates the Norwegian way,
 * and tick steps. See chart.h. */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/html.h"

/* The id reduced to the characters that are safe inside url(#…) and in the
 * aria-labelledby list, so the caller cannot break our references by accident. */
void chart_clean_id(char out[CHART_ID_MAX], const char *id)
{
	size_t o = 0;
	for (const char *p = id ? id : ""; *p && o + 1 < CHART_ID_MAX; p++) {
		char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
			out[o++] = c;
	}
	out[o] = '\0';
	if (o == 0)
		snprintf(out, CHART_ID_MAX, "chart");
}

/* The start tag, then <title> and <desc> as the first children, because
 * aria-labelledby points at them and older readers only look there. */
void chart_begin(struct buf *b, const struct chart_frame *f)
{
	char id[CHART_ID_MAX];
	chart_clean_id(id, f->id);
	html_printf(b,
		    "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"%s\" aria-labelledby=\"%s-title %s-desc\" "
		    "viewBox=\"0 0 %.0f %.0f\" width=\"100%%\" preserveAspectRatio=\"xMidYMid meet\" "
		    "class=\"varde-chart varde-chart-%s\">",
		    f->links ? "group" : "img", id, id, ceil(f->width), ceil(f->height), f->kind);
	html_printf(b, "<title id=\"%s-title\">", id);
	if (f->title)
		chart_put_text(b, f->title, strlen(f->title));
	html_printf(b, "</title><desc id=\"%s-desc\">", id);
	if (f->desc)
		chart_put_text(b, f->desc, strlen(f->desc));
	if (f->cut_total > f->cut_drawn) {
		if (f->cut_note && *f->cut_note) {
			html_raw(b, " ");
			chart_put_text(b, f->cut_note, strlen(f->cut_note));
		}
		html_printf(b, " (%d/%d)", f->cut_drawn, f->cut_total);
	}
	html_raw(b, "</desc>");
}

/* Closes the chart opened by chart_begin. */
void chart_end(struct buf *b)
{
	html_raw(b, "</svg>");
}

/* Decodes one UTF-8 sequence strictly (no overlongs, surrogates or code points
 * past U+10FFFF; also not U+FFFE/U+FFFF, which XML forbids). Continuation bytes
 * are checked one at a time, so a NUL ends the check before reading further. */
size_t chart_utf8_seq(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	size_t len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
	if (len == 0)
		return 0;
	unsigned cp = c & (0x7Fu >> len);
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3Fu);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
		return 0;
	return len;
}

/* Escaped text that XML accepts whatever the input: runs of good characters go
 * through html_printf in one piece; a control character becomes a space and a
 * byte that is not valid UTF-8 becomes U+FFFD. */
void chart_put_text(struct buf *b, const char *s, size_t len)
{
	size_t i = 0, start = 0;
	while (i < len && s[i]) {
		unsigned char c = (unsigned char)s[i];
		size_t seq = c < 0x20 || c == 0x7F ? 0 : chart_utf8_seq(s + i);
		if (seq > 0 && seq <= len - i) {
			i += seq;
			continue;
		}
		html_printf(b, "%.*s", (int)(i - start), s + start);
		if (c < 0x20 || c == 0x7F)
			html_raw(b, " ");
		else
			html_raw(b, "\xEF\xBF\xBD");
		i++;
		start = i;
	}
	html_printf(b, "%.*s", (int)(i - start), s + start);
}

/* White space where a label may be broken (control characters print as spaces). */
static bool chart_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Byte offset after at most `chars` characters from pos, not beyond end. A bad
 * byte counts as one character (it prints as one U+FFFD). */
static size_t chart_advance(const char *s, size_t pos, size_t end, size_t chars)
{
	while (chars > 0 && pos < end) {
		size_t seq = chart_utf8_seq(s + pos);
		pos += (seq == 0 || seq > end - pos) ? 1 : seq;
		chars--;
	}
	return pos;
}

/* End of [start, end) without trailing white space. */
static size_t chart_trim_end(const char *s, size_t start, size_t end)
{
	while (end > start && chart_is_space(s[end - 1]))
		end--;
	return end;
}

/* One line from pos: fills *l and returns where the next line starts, or end
 * when the text is used up (or cut because this is the last line). */
static size_t chart_wrap_line(const char *s, size_t pos, size_t end, size_t per_line, bool last, struct chart_line *l)
{
	size_t fit = chart_advance(s, pos, end, per_line);
	l->start = pos;
	l->ellipsis = false;
	if (fit >= end) {
		l->len = chart_trim_end(s, pos, end) - pos;
		return end;
	}
	if (last) {
		size_t cut = chart_advance(s, pos, end, per_line - 1);
		l->len = chart_trim_end(s, pos, cut) - pos;
		l->ellipsis = true;
		return end;
	}
	size_t sp = fit; /* a space right after the limit is a clean break too */
	while (sp > pos && !chart_is_space(s[sp]))
		sp--;
	if (sp == pos) { /* one long word: break it */
		l->len = fit - pos;
		return fit;
	}
	l->len = chart_trim_end(s, pos, sp) - pos;
	return sp + 1;
}

/* Splits a label into lines; see chart.h. */
int chart_wrap(const char *s, size_t per_line, int max_lines, struct chart_line *lines)
{
	if (!s || per_line < 2 || max_lines < 1)
		return 0;
	size_t end = chart_trim_end(s, 0, strlen(s));
	size_t pos = 0;
	int n = 0;
	while (n < max_lines) {
		while (pos < end && chart_is_space(s[pos]))
			pos++;
		if (pos >= end)
			break;
		pos = chart_wrap_line(s, pos, end, per_line, n == max_lines - 1, &lines[n]);
		n++;
	}
	return n;
}

/* A wrapped, truncated label as one <text>; one line needs no tspan. */
void chart_text(struct buf *b, const struct chart_label *l, const char *s)
{
	struct chart_line lines[CHART_MAX_LINES];
	int max = l->max_lines < CHART_MAX_LINES ? l->max_lines : CHART_MAX_LINES;
	int n = chart_wrap(s, l->per_line, max, lines);
	if (n == 0)
		return;
	double y = l->y;
	if (l->valign == CHART_MIDDLE)
		y -= (n - 1) * l->line_height / 2;
	else if (l->valign == CHART_BOTTOM)
		y -= (n - 1) * l->line_height;
	html_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\"", l->x, y, l->cls);
	if (l->anchor)
		html_printf(b, " text-anchor=\"%s\"", l->anchor);
	html_raw(b, ">");
	for (int i = 0; i < n; i++) {
		if (n > 1)
			html_printf(b, "<tspan x=\"%.1f\" dy=\"%.1f\">", l->x, i ? l->line_height : 0.0);
		chart_put_text(b, s + lines[i].start, lines[i].len);
		if (lines[i].ellipsis)
			html_raw(b, "…");
		if (n > 1)
			html_raw(b, "</tspan>");
	}
	html_raw(b, "</text>");
}

/* Relative URLs and http(s) only: a stored link must never run script
 * (javascript:) or smuggle content (data:) into the page. */
bool chart_href_ok(const char *href)
{
	if (!href || !*href)
		return false;
	for (const char *p = href; *p;) {
		unsigned char c = (unsigned char)*p;
		size_t seq = c <= 0x20 || c == 0x7F ? 0 : chart_utf8_seq(p);
		if (seq == 0)
			return false;
		p += seq;
	}
	size_t head = strcspn(href, ":/?#");
	if (href[head] != ':')
		return true;
	return (head == 4 && strncmp(href, "http", 4) == 0) || (head == 5 && strncmp(href, "https", 5) == 0);
}

/* A point's group with its tooltip, and the link around its shapes. */
void chart_item_begin(struct buf *b, const char *cls, const char *tooltip, const char *href)
{
	const char *tip = tooltip ? tooltip : "";
	html_printf(b, "<g class=\"%s\"><title>", cls);
	chart_put_text(b, tip, strlen(tip));
	html_raw(b, "</title>");
	if (chart_href_ok(href)) {
		html_printf(b, "<a href=\"%s\" aria-label=\"", href);
		chart_put_text(b, tip, strlen(tip));
		html_raw(b, "\">");
	}
}

/* Closes what chart_item_begin opened (the same href decides about the <a>). */
void chart_item_end(struct buf *b, const char *href)
{
	if (chart_href_ok(href))
		html_raw(b, "</a>");
	html_raw(b, "</g>");
}

/* Appends n bytes when they fit whole (a multibyte separator is never cut);
 * after the first piece that does not fit, nothing more is appended. */
static void chart_put(char *out, size_t outlen, size_t *o, const char *s, size_t n)
{
	if (*o + n >= outlen) {
		*o = outlen;
		return;
	}
	memcpy(out + *o, s, n);
	*o += n;
	out[*o] = '\0';
}

/* printf gives the digits; we add U+2212, U+202F every three digits and the
 * decimal comma. "-0,0" is written "0,0": a rounded zero has no sign. */
void chart_format_number(double v, int decimals, char *out, size_t outlen)
{
	size_t o = 0;
	if (outlen == 0)
		return;
	out[0] = '\0';
	if (!isfinite(v)) {
		chart_put(out, outlen, &o, "–", strlen("–"));
		return;
	}
	decimals = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
	char raw[400];
	snprintf(raw, sizeof raw, "%.*f", decimals, v);
	const char *digits = raw[0] == '-' ? raw + 1 : raw;
	if (digits != raw && strspn(digits, "0.") != strlen(digits))
		chart_put(out, outlen, &o, "\xE2\x88\x92", 3);
	size_t intlen = strcspn(digits, ".");
	for (size_t i = 0; i < intlen; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			chart_put(out, outlen, &o, "\xE2\x80\xAF", 3);
		chart_put(out, outlen, &o, digits + i, 1);
	}
	if (digits[intlen] == '.') {
		chart_put(out, outlen, &o, ",", 1);
		chart_put(out, outlen, &o, digits + intlen + 1, strlen(digits + intlen + 1));
	}
}

/* The decimals a tick step needs: 0 for 1, 2, 5, 10…; 1 for 0,5; 2 for 0,25. */
int chart_decimals_for(double step)
{
	if (!isfinite(step) || step == 0)
		return 0;
	double x = fabs(step);
	for (int d = 0; d < 6; d++, x *= 10)
		if (fabs(x - round(x)) < 1e-6 * (x > 1 ? x : 1))
			return d;
	return 6;
}

/* Days since 1970-01-01 of a Gregorian date (valid for any year). */
long chart_days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The Gregorian date of a day number (the inverse of chart_days_from_civil). */
void chart_civil_from_days(long day, long *y, int *m, int *d)
{
	long z = day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* DD.MM.YYYY, the Norwegian way of writing a date. */
void chart_format_date(long day, char *out, size_t outlen)
{
	long y;
	int m, d;
	chart_civil_from_days(day, &y, &m, &d);
	snprintf(out, outlen, "%02d.%02d.%04ld", d, m, y);
}

/* The smallest of 1, 2, 5 × 10^k that splits span into at most max_ticks parts. */
double chart_nice_step(double span, int max_ticks)
{
	if (!isfinite(span) || span <= 0 || max_ticks < 1)
		return 1;
	double raw = span / max_ticks;
	double mag = pow(10, floor(log10(raw)));
	static const double factors[] = {1, 2, 5, 10};
	for (size_t i = 0; i < sizeof factors / sizeof factors[0]; i++)
		if (factors[i] * mag >= raw * (1 - 1e-9))
			return factors[i] * mag;
	return 10 * mag;
}

/* fmin/fmax would let NaN through one way or the other; say what happens. */
double chart_clamp(double v, double lo, double hi)
{
	if (isnan(v) || v < lo)
		return lo;
	return v > hi ? hi : v;
}
