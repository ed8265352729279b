/* pii.c — see pii.h. The rules come from trust.md §6.3:
 *
 *  Norway: DDMMYY + individual number III + check digits K1 K2. With weights
 *  3 7 6 1 8 9 4 5 2 1 over digits 1–10 the sum must leave remainder 0 mod 11
 *  (numbers issued before 2032) or 0–3 (Skatteetaten's rule for numbers issued
 *  from 1 January 2032, which systems must accept now); with weights
 *  5 4 3 2 7 6 5 4 3 2 1 over all 11 digits the remainder must be 0 (K2 is
 *  unchanged in 2032). D-numbers add 4 to the first digit, H-numbers 40 to the
 *  month; synthetic test identities (Tenor) reportedly add 80 to the month and
 *  are accepted too, so testers who follow the "synthetic data only" rule still
 *  see the warning. The individual number no longer tells the century from
 *  2032, so a date is valid if it exists in some century (29 February in a
 *  year divisible by four).
 *
 *  Sweden: Luhn (weights 2 1 2 1 …, digit sums of the products) over the ten
 *  digits YYMMDDNNNC; samordningsnummer add 60 to the day.
 *
 *  Denmark: only the date; CPR numbers issued since October 2007 may fail the
 *  old modulus-11 check.
 */
#include "pii.h"

#include <stdint.h>
#include <string.h>

#include "i18n.h"

/* ---- dates and check digits ------------------------------------------ */

/* True for an ASCII digit. Other scripts' digits are never part of a number
 * here: the identity numbers are written with ASCII digits. */
static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* The value of the two ASCII digits at s (the caller checked they are digits). */
static int two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* True if the n bytes at s are ASCII digits. Stops at the first byte that is
 * not, so a shorter NUL-terminated string is never read past its end. */
static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_digit((unsigned char)s[i]))
			return false;
	return true;
}

/* True if year is a leap year in the Gregorian calendar. */
static bool leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* True if day/month exists in the full year. Every check of a birth date ends
 * here, so 31 April and 29 February 1900 are rejected in one place. */
static bool date_exists(int year, int month, int day)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12 || day < 1)
		return false;
	if (month == 2 && day == 29)
		return leap_year(year);
	return day <= days[month - 1];
}

/* Centuries a two-digit year may belong to, as a bit set over 1800, 1900 and
 * 2000: the numbers carry no reliable century (Norway from 2032, Denmark and
 * Sweden by design), so a date is accepted if it exists in one of them. */
enum { C1800 = 1, C1900 = 2, C2000 = 4, C_ANY = C1800 | C1900 | C2000 };

/* True if day/month exists in the two-digit year yy of one of the centuries. */
static bool date_exists_yy(int yy, int month, int day, int centuries)
{
	return ((centuries & C1800) && date_exists(1800 + yy, month, day)) ||
	       ((centuries & C1900) && date_exists(1900 + yy, month, day)) ||
	       ((centuries & C2000) && date_exists(2000 + yy, month, day));
}

/* The Norwegian date check shared by fødselsnummer and D-numbers: the month
 * may be raised by 40 (H-number) or 80 (synthetic test identity). */
static bool no_date_ok(int day, int month, int yy)
{
	if (month > 80)
		month -= 80;
	else if (month > 40)
		month -= 40;
	return date_exists_yy(yy, month, day, C_ANY);
}

/* Both Norwegian check digits, written as weighted sums over the whole number
 * (see the top of this file). K1 accepts remainders 0–3 (the 2032 rule, a
 * superset of the old rule); K2 must leave 0. Since every K2 weight is
 * non-zero mod 11 and 11 is prime, K2 alone rejects any single changed digit. */
static bool no_checks_ok(const char d[11])
{
	static const int w1[10] = {3, 7, 6, 1, 8, 9, 4, 5, 2, 1};
	static const int w2[11] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
	int s1 = 0, s2 = 0;
	for (int i = 0; i < 10; i++)
		s1 += w1[i] * (d[i] - '0');
	for (int i = 0; i < 11; i++)
		s2 += w2[i] * (d[i] - '0');
	return s1 % 11 <= 3 && s2 % 11 == 0;
}

/* A fødselsnummer (or H-number): digits, check digits, then the date. */
bool pii_no_fnr_valid(const char digits[11])
{
	if (!digits || !all_digits(digits, 11) || !no_checks_ok(digits))
		return false;
	return no_date_ok(two_digits(digits), two_digits(digits + 2), two_digits(digits + 4));
}

/* A D-number: as a fødselsnummer with 40 added to the day. */
bool pii_no_dnr_valid(const char digits[11])
{
	if (!digits || !all_digits(digits, 11) || !no_checks_ok(digits))
		return false;
	int day = two_digits(digits);
	return day > 40 && no_date_ok(day - 40, two_digits(digits + 2), two_digits(digits + 4));
}

/* Luhn over the ten digits YYMMDDNNNC: weights 2 1 2 1 … on the first nine,
 * products' digits summed, and the last digit makes the total a multiple of 10. */
static bool luhn10_ok(const char d[10])
{
	int sum = 0;
	for (int i = 0; i < 10; i++) {
		int v = d[i] - '0';
		if (i % 2 == 0) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return sum % 10 == 0;
}

/* The Swedish check for the ten-digit form, given the written century (-1 if
 * none) and the separator ('-', '+' or 0). '+' marks an age of 100 or more, so
 * the person was born in the 1800s or 1900s (as long as it is the 2000s now);
 * '-' marks an age below 100 (1900s or 2000s). */
static bool se_ten_ok(const char d[10], int century, char sep)
{
	if (!luhn10_ok(d))
		return false;
	int yy = two_digits(d), month = two_digits(d + 2), day = two_digits(d + 4);
	if (day > 60)
		day -= 60; /* samordningsnummer */
	if (century >= 0)
		return century >= 18 && century <= 20 && date_exists(century * 100 + yy, month, day);
	int centuries = sep == '+' ? C1800 | C1900 : sep == '-' ? C1900 | C2000 : C_ANY;
	return date_exists_yy(yy, month, day, centuries);
}

/* Length of s, but at most max + 1: enough to tell whether s fits a format of
 * at most max bytes without walking a long string to its end. */
static size_t short_len(const char *s, size_t max)
{
	size_t n = 0;
	while (n <= max && s[n])
		n++;
	return n;
}

/* A Swedish personnummer or samordningsnummer in one of the five forms. */
bool pii_se_pnr_valid(const char *s)
{
	if (!s)
		return false;
	char ten[10];
	switch (short_len(s, 13)) {
	case 10: /* YYMMDDNNNC */
		if (!all_digits(s, 10))
			return false;
		memcpy(ten, s, 10);
		return se_ten_ok(ten, -1, 0);
	case 11: /* YYMMDD-NNNC or YYMMDD+NNNC */
		if (!all_digits(s, 6) || (s[6] != '-' && s[6] != '+') || !all_digits(s + 7, 4))
			return false;
		memcpy(ten, s, 6);
		memcpy(ten + 6, s + 7, 4);
		return se_ten_ok(ten, -1, s[6]);
	case 12: /* YYYYMMDDNNNC */
		if (!all_digits(s, 12))
			return false;
		memcpy(ten, s + 2, 10);
		return se_ten_ok(ten, two_digits(s), 0);
	case 13: /* YYYYMMDD-NNNC */
		if (!all_digits(s, 8) || s[8] != '-' || !all_digits(s + 9, 4))
			return false;
		memcpy(ten, s + 2, 6);
		memcpy(ten + 6, s + 9, 4);
		return se_ten_ok(ten, two_digits(s), 0);
	default:
		return false;
	}
}

/* A Danish CPR number: DDMMYY-SSSS or DDMMYYSSSS with a date that exists. */
bool pii_dk_cpr_valid(const char *s)
{
	if (!s)
		return false;
	size_t n = short_len(s, 11);
	if (n == 10) {
		if (!all_digits(s, 10))
			return false;
	} else if (n == 11) {
		if (!all_digits(s, 6) || s[6] != '-' || !all_digits(s + 7, 4))
			return false;
	} else {
		return false;
	}
	return date_exists_yy(two_digits(s + 4), two_digits(s + 2), two_digits(s), C_ANY);
}

/* The English name of a kind, marked for translation. */
const char *pii_kind_name(enum pii_kind k)
{
	switch (k) {
	case PII_NO_FNR:
		return N_("Norwegian national identity number");
	case PII_NO_DNR:
		return N_("Norwegian D-number");
	case PII_SE_PNR:
		return N_("Swedish personal identity number");
	case PII_DK_CPR:
		return N_("Danish CPR number");
	case PII_EMAIL:
		return N_("E-mail address");
	case PII_PHONE:
		return N_("Phone number");
	}
	return N_("Personal data");
}

/* ---- characters around a candidate ----------------------------------- */

/* The text being scanned: bytes and length (s[n] is the terminating NUL). */
struct text {
	const unsigned char *s;
	size_t n;
};

/* The code point starting at byte i, its length in *len. A broken sequence
 * reads as U+FFFD one byte long, so malformed text is still scanned. */
static uint32_t cp_at(const struct text *x, size_t i, size_t *len)
{
	*len = 1;
	if (i >= x->n)
		return 0;
	unsigned char c = x->s[i];
	size_t need;
	uint32_t cp;
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		cp = c & 0x07;
	} else {
		return 0xFFFD;
	}
	if (x->n - i < need)
		return 0xFFFD;
	for (size_t k = 1; k < need; k++) {
		if ((x->s[i + k] & 0xC0) != 0x80)
			return 0xFFFD;
		cp = (cp << 6) | (x->s[i + k] & 0x3F);
	}
	*len = need;
	return cp;
}

/* The code point that ends just before byte i (0 at the start of the text),
 * its length in *len: what a match must not be glued to on the left. */
static uint32_t cp_before(const struct text *x, size_t i, size_t *len)
{
	*len = 0;
	if (i == 0)
		return 0;
	size_t start = i - 1;
	while (start > 0 && i - start < 4 && (x->s[start] & 0xC0) == 0x80)
		start--;
	size_t l;
	uint32_t cp = cp_at(x, start, &l);
	if (start + l != i) {
		*len = 1;
		return 0xFFFD;
	}
	*len = l;
	return cp;
}

/* True for a letter of the scripts Nordic notes are written in: ASCII,
 * Latin-1 and Latin Extended-A/B (æ ø å ä ö é …, but not × and ÷), Greek,
 * Cyrillic, Latin Extended Additional. Everything else — punctuation, « »,
 * spaces, symbols, emoji — delimits a match. */
static bool is_letter_cp(uint32_t cp)
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return true;
	if (cp >= 0xC0 && cp <= 0x24F)
		return cp != 0xD7 && cp != 0xF7;
	return (cp >= 0x370 && cp <= 0x52F) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

/* True for a code point that would make a candidate part of a longer
 * digit/letter run. */
static bool is_word_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || is_letter_cp(cp);
}

/* Byte length of a space at i that may separate digit groups (space,
 * no-break space, thin space, narrow no-break space), or 0. */
static size_t space_len(const struct text *x, size_t i)
{
	size_t len;
	uint32_t cp = cp_at(x, i, &len);
	return cp == ' ' || cp == 0xA0 || cp == 0x2009 || cp == 0x202F ? len : 0;
}

/* Number of ASCII digits from byte i on. */
static size_t digit_run(const struct text *x, size_t i)
{
	size_t k = i;
	while (k < x->n && is_digit(x->s[k]))
		k++;
	return k - i;
}

/* True if a candidate may begin at byte i: not glued to a letter or digit,
 * and not the fraction or a later group of "3,41234567" / "1.23456789". */
static bool starts_ok(const struct text *x, size_t i)
{
	size_t len;
	if (i > 0 && is_word_cp(cp_before(x, i, &len)))
		return false;
	return !(i >= 2 && (x->s[i - 1] == '.' || x->s[i - 1] == ',') && is_digit(x->s[i - 2]));
}

/* True if a candidate may end just before byte e (the mirror of starts_ok). */
static bool ends_ok(const struct text *x, size_t e)
{
	size_t len;
	if (e < x->n && is_word_cp(cp_at(x, e, &len)))
		return false;
	return !(e + 1 < x->n && (x->s[e] == '.' || x->s[e] == ',') && is_digit(x->s[e + 1]));
}

/* True if a space, '.', ',' or '-' at byte i is followed by a digit at byte
 * i + len: the candidate continues as a longer grouped number. */
static bool group_sep_then_digit(const struct text *x, size_t i, size_t len)
{
	return i + len < x->n && is_digit(x->s[i + len]);
}

/* True if the digits at i follow another digit group ("1 234 567": "234" does). */
static bool group_before(const struct text *x, size_t i)
{
	size_t len;
	uint32_t cp = cp_before(x, i, &len);
	if (len == 0 || i - len == 0 || !is_digit(x->s[i - len - 1]))
		return false;
	return cp == '.' || cp == ',' || cp == '-' || space_len(x, i - len) == len;
}

/* True if another digit group follows the candidate ending at e. */
static bool group_after(const struct text *x, size_t e)
{
	if (e >= x->n)
		return false;
	unsigned char c = x->s[e];
	size_t len = (c == '.' || c == ',' || c == '-') ? 1 : space_len(x, e);
	return len > 0 && group_sep_then_digit(x, e, len);
}

/* True if the ASCII letters at s[0..len) are a currency word: "kr" and
 * "kroner" in any case, the codes NOK, SEK and DKK in capitals only ("nok" is
 * also a common Norwegian word: "ring 41234567 nok en gang"). */
static bool is_currency_word(const unsigned char *s, size_t len)
{
	static const struct {
		const char *word;
		bool any_case;
	} words[] = {{"kr", true}, {"kroner", true}, {"NOK", false}, {"SEK", false}, {"DKK", false}};
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		if (strlen(words[w].word) != len)
			continue;
		size_t k = 0;
		while (k < len && (words[w].any_case ? (s[k] | 0x20) : s[k]) == (unsigned char)words[w].word[k])
			k++;
		if (k == len)
			return true;
	}
	return false;
}

/* True if the digits [start, end) are written as an amount: "45000000,-",
 * "45000000 kr", "kr 45000000", "NOK 45000000". An eight-digit sum of money
 * is otherwise indistinguishable from a mobile number. */
static bool amount_context(const struct text *x, size_t start, size_t end)
{
	const unsigned char *s = x->s;
	if (end + 1 < x->n && s[end] == ',' && s[end + 1] == '-')
		return true;
	size_t p = end + space_len(x, end), q = p, len;
	while (q < x->n && ((s[q] | 0x20) >= 'a' && (s[q] | 0x20) <= 'z'))
		q++;
	if (q > p && !is_word_cp(cp_at(x, q, &len)) && is_currency_word(s + p, q - p))
		return true;
	p = start;
	if (p > 0) {
		cp_before(x, p, &len);
		if (space_len(x, p - len) == len)
			p -= len;
	}
	if (p > 0 && s[p - 1] == '.')
		p--;
	q = p;
	while (q > 0 && ((s[q - 1] | 0x20) >= 'a' && (s[q - 1] | 0x20) <= 'z'))
		q--;
	return q < p && !is_word_cp(cp_before(x, q, &len)) && is_currency_word(s + q, p - q);
}

/* Store a match of kind over [start, end) in *m; always true, for tail calls. */
static bool found(struct pii_match *m, enum pii_kind kind, size_t start, size_t end)
{
	m->kind = kind;
	m->start = start;
	m->len = end - start;
	return true;
}

/* ---- candidates --------------------------------------------------------- */

/* True for a code point allowed in the local part of an e-mail address: the
 * conservative ASCII set plus letters such as æ ø å that people type anyway. */
static bool is_local_cp(uint32_t cp)
{
	return is_word_cp(cp) || cp == '.' || cp == '_' || cp == '%' || cp == '+' || cp == '-';
}

/* True for an ASCII letter or digit (the domain of an address). */
static bool is_alnum(unsigned char c)
{
	return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* An e-mail address whose local part's run starts at byte i: local@domain.tld
 * with a local part of at most 64 bytes (no leading, trailing or double dot),
 * ASCII labels of 1–63 letters, digits and inner hyphens, at least two labels,
 * a TLD of two or more letters only. A sentence's full stop after the TLD is not
 * part of the address. Tried only at the start of a run, so each run is read
 * once. */
static bool try_email(const struct text *x, size_t i, struct pii_match *m)
{
	const unsigned char *s = x->s;
	size_t len, start = SIZE_MAX, p = i;
	if (!is_local_cp(cp_at(x, i, &len)))
		return false;
	uint32_t before = cp_before(x, i, &len);
	if (i > 0 && (is_local_cp(before) || before == '@'))
		return false;
	while (p < x->n) {
		uint32_t cp = cp_at(x, p, &len);
		if (!is_local_cp(cp))
			break;
		if (start == SIZE_MAX && is_word_cp(cp))
			start = p;
		p += len;
	}
	if (p >= x->n || s[p] != '@' || start == SIZE_MAX || p - start > 64 || s[p - 1] == '.')
		return false;
	for (size_t k = start; k + 1 < p; k++)
		if (s[k] == '.' && s[k + 1] == '.')
			return false;
	size_t q = p + 1, labels = 0, tld = q;
	for (;;) {
		size_t label = q;
		while (q < x->n && (is_alnum(s[q]) || s[q] == '-'))
			q++;
		if (q == label || q - label > 63 || s[label] == '-' || s[q - 1] == '-')
			return false;
		labels++;
		tld = label;
		if (q + 1 < x->n && s[q] == '.' && is_alnum(s[q + 1])) {
			q++;
			continue;
		}
		break;
	}
	if (labels < 2 || q - (p + 1) > 253 || q - tld < 2)
		return false;
	for (size_t k = tld; k < q; k++)
		if (!is_alnum(s[k]) || is_digit(s[k]))
			return false;
	if (q < x->n && (s[q] == '@' || s[q] == '_' || is_word_cp(cp_at(x, q, &len))))
		return false;
	return found(m, PII_EMAIL, start, q);
}

/* A Norwegian number at i, whose first digit run is run long: 11 digits, or
 * DDMMYY, one space or hyphen, and five digits. */
static bool try_no(const struct text *x, size_t i, size_t run, struct pii_match *m)
{
	char d[11];
	size_t end;
	if (run == 11) {
		memcpy(d, x->s + i, 11);
		end = i + 11;
	} else if (run == 6) {
		size_t sep = space_len(x, i + 6);
		if (sep == 0 && i + 6 < x->n && x->s[i + 6] == '-')
			sep = 1;
		if (sep == 0 || digit_run(x, i + 6 + sep) != 5)
			return false;
		memcpy(d, x->s + i, 6);
		memcpy(d + 6, x->s + i + 6 + sep, 5);
		end = i + 6 + sep + 5;
	} else {
		return false;
	}
	if (!ends_ok(x, end))
		return false;
	if (pii_no_fnr_valid(d))
		return found(m, PII_NO_FNR, i, end);
	if (pii_no_dnr_valid(d))
		return found(m, PII_NO_DNR, i, end);
	return false;
}

/* Length in bytes of a Swedish or Danish candidate's written form at i (all
 * forms are contiguous): 10 or 12 digits, 6+sep+4 (sep '-' or, Swedish only,
 * '+'), or 8+'-'+4; 0 if none fits. */
static size_t se_dk_form(const struct text *x, size_t i, size_t run)
{
	const unsigned char *s = x->s;
	if (run == 10 || run == 12)
		return run;
	if (run == 6 && i + 6 < x->n && (s[i + 6] == '-' || s[i + 6] == '+') && digit_run(x, i + 7) == 4)
		return 11;
	if (run == 8 && i + 8 < x->n && s[i + 8] == '-' && digit_run(x, i + 9) == 4)
		return 13;
	return 0;
}

/* A Swedish number at i, else a Danish one (Luhn outranks a bare date). */
static bool try_se_dk(const struct text *x, size_t i, size_t run, struct pii_match *m)
{
	size_t len = se_dk_form(x, i, run);
	if (len == 0 || !ends_ok(x, i + len))
		return false;
	char buf[14];
	memcpy(buf, x->s + i, len);
	buf[len] = '\0';
	if (pii_se_pnr_valid(buf))
		return found(m, PII_SE_PNR, i, i + len);
	if (pii_dk_cpr_valid(buf))
		return found(m, PII_DK_CPR, i, i + len);
	return false;
}

/* Byte length of a separator allowed inside a phone number written with a
 * country code: a space of space_len, or a hyphen; 0 otherwise. */
static size_t phone_sep_len(const struct text *x, size_t i)
{
	if (i < x->n && x->s[i] == '-')
		return 1;
	return space_len(x, i);
}

/* A phone number with a Nordic country code at i: +47/0047 and +45/0045 with
 * 8 digits, +46/0046 with 8–9, single spaces or hyphens allowed between. More
 * digits in the same grouping mean it is something else. */
static bool try_phone_prefixed(const struct text *x, size_t i, struct pii_match *m)
{
	static const struct {
		char prefix[5];
		unsigned char len, min, max;
	} codes[] = {
	    {"+47", 3, 8, 8},  {"0047", 4, 8, 8}, {"+45", 3, 8, 8},
	    {"0045", 4, 8, 8}, {"+46", 3, 8, 9},  {"0046", 4, 8, 9},
	};
	for (size_t c = 0; c < sizeof codes / sizeof codes[0]; c++) {
		if (x->n - i < codes[c].len || memcmp(x->s + i, codes[c].prefix, codes[c].len) != 0)
			continue;
		size_t p = i + codes[c].len, sep = phone_sep_len(x, p), digits = 0, end = p;
		if (sep > 0 && group_sep_then_digit(x, p, sep))
			p += sep;
		while (p < x->n && is_digit(x->s[p]) && digits <= codes[c].max) {
			digits++;
			end = ++p;
			sep = phone_sep_len(x, p);
			if (sep > 0 && group_sep_then_digit(x, p, sep))
				p += sep;
		}
		if (digits < codes[c].min || digits > codes[c].max || !ends_ok(x, end))
			return false;
		return found(m, PII_PHONE, i, end);
	}
	return false;
}

/* A Norwegian phone number without country code at i: "22 33 44 55" or
 * "223 44 556" (first digit 2–9, as in the numbering plan; no digit group
 * directly before or after, so amounts like "1 234 567" and lists of numbers
 * stay out), or eight digits in a row starting with 4 or 9 (mobile). */
static bool try_phone_local(const struct text *x, size_t i, size_t run, struct pii_match *m)
{
	static const unsigned char shapes[2][4] = {{2, 2, 2, 2}, {3, 2, 3, 0}};
	const unsigned char *s = x->s;
	if (run == 8 && (s[i] == '4' || s[i] == '9') && ends_ok(x, i + 8))
		return found(m, PII_PHONE, i, i + 8);
	if (s[i] < '2' || group_before(x, i))
		return false;
	for (size_t k = 0; k < 2; k++) {
		if (run != shapes[k][0])
			continue;
		size_t p = i + run;
		for (size_t g = 1; g < 4 && shapes[k][g]; g++) {
			size_t sp = space_len(x, p);
			if (sp == 0 || digit_run(x, p + sp) != shapes[k][g])
				return false;
			p += sp + shapes[k][g];
		}
		if (!ends_ok(x, p) || group_after(x, p))
			return false;
		return found(m, PII_PHONE, i, p);
	}
	return false;
}

/* The match starting at byte i, if any, trying the kinds in the order of
 * pii.h: e-mail, Norway, Sweden, Denmark, phone. */
static bool scan_at(const struct text *x, size_t i, struct pii_match *m)
{
	unsigned char c = x->s[i];
	if (try_email(x, i, m))
		return true;
	if ((c != '+' && !is_digit(c)) || !starts_ok(x, i))
		return false;
	if (c == '+')
		return try_phone_prefixed(x, i, m);
	size_t run = digit_run(x, i);
	if (amount_context(x, i, i + run))
		return false;
	return try_no(x, i, run, m) || try_se_dk(x, i, run, m) || try_phone_prefixed(x, i, m) ||
	       try_phone_local(x, i, run, m);
}

/* Walk the text once, left to right; after a match continue behind it, so
 * matches never overlap and come out in text order. */
size_t pii_scan(const char *text, struct pii_match *out, size_t max)
{
	if (!text)
		return 0;
	struct text x = {(const unsigned char *)text, strlen(text)};
	size_t count = 0, i = 0;
	while (i < x.n) {
		struct pii_match m;
		if (!scan_at(&x, i, &m)) {
			i++;
			continue;
		}
		if (out && count < max)
			out[count] = m;
		count++;
		i = m.start + m.len;
	}
	return count;
}
