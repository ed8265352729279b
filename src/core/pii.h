/* pii.h — finds personal data in free text, so the user can be warned before a
 * note about a citizen is saved (docs: trust.md §6.2 and §6.3). It looks for
 * Norwegian fødselsnummer, D- and H-numbers, Swedish personnummer and
 * samordningsnummer, Danish CPR numbers, e-mail addresses and Nordic phone
 * numbers. It only warns; nothing is blocked on its word.
 *
 * Pure and thread-safe: no allocation, no global state, no locale, no clock.
 * Offsets are bytes into the UTF-8 text.
 *
 * What counts as a match (pii.c has the details and the reasons):
 *  - A match is never part of a longer run of digits or letters (Latin,
 *    Greek and Cyrillic letters count, so "ø41234567" is no match; quotes,
 *    brackets, punctuation and spaces delimit). A number right after or
 *    before "digit." or "digit," is part of a decimal or grouped amount and is
 *    skipped.
 *  - Matches do not overlap. At each position the kinds are tried in this
 *    order and the first that fits wins: e-mail (the whole address is the
 *    unit to redact) > Norwegian (two mod-11 checks, strongest) > Swedish
 *    (Luhn) > Danish (date only) > phone.
 *  - NO: 11 digits "DDMMYYIIIKK", or "DDMMYY IIIKK" / "DDMMYY-IIIKK".
 *  - SE: "YYMMDD-NNNC", "YYMMDD+NNNC", "YYMMDDNNNC", "YYYYMMDDNNNC",
 *    "YYYYMMDD-NNNC".
 *  - DK: "DDMMYY-SSSS", "DDMMYYSSSS".
 *  - E-mail: local@domain.tld with an ASCII domain of at least two labels and
 *    a TLD of letters only.
 *  - Phone: +47/0047/+45/0045 and 8 digits, +46/0046 and 8–9 digits, with
 *    optional single spaces or hyphens; "22 33 44 55" and "223 44 556" (first
 *    digit 2–9, no neighbouring digit groups); 8 digits in a row starting
 *    with 4 or 9.
 *  - A number written as an amount ("kr 45000000", "45000000,-",
 *    "45000000 kr", "NOK 45000000") is not reported as any kind.
 */
#ifndef VARDE_PII_H
#define VARDE_PII_H
#include <stdbool.h>
#include <stddef.h>

enum pii_kind { PII_NO_FNR, PII_NO_DNR, PII_SE_PNR, PII_DK_CPR, PII_EMAIL, PII_PHONE };

struct pii_match {
	enum pii_kind kind;
	size_t start, len; /* byte offsets into the text */
};

/* Find up to max matches in the NUL-terminated UTF-8 text, in text order.
 * Returns how many were found, which may be more than max: only the first max
 * are stored in out (out may be NULL when max is 0). NULL text finds none. */
size_t pii_scan(const char *text, struct pii_match *out, size_t max);

/* The English msgid naming a kind ("Norwegian national identity number");
 * translate it with the request's catalog. Never NULL. */
const char *pii_kind_name(enum pii_kind k);

/* True if digits[0..11) is a Norwegian fødselsnummer: a valid date DDMMYY (in
 * any century; H-numbers with month + 40 and synthetic test numbers with
 * month + 80 accepted) and both check digits. The first check digit follows
 * the rule in force from 2032, which accepts remainders 0–3 and so also every
 * number issued before; the second must leave remainder 0. Reads at most 11
 * bytes and stops at the first non-digit. */
bool pii_no_fnr_valid(const char digits[11]);

/* True if digits[0..11) is a Norwegian D-number: as a fødselsnummer, but the
 * first digit is raised by 4 (day 41–71). */
bool pii_no_dnr_valid(const char digits[11]);

/* True if the NUL-terminated s is a Swedish personnummer or samordningsnummer
 * (day + 60) in one of the forms YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC,
 * YYYYMMDDNNNC, YYYYMMDD-NNNC: Luhn over the 10-digit form and a valid date
 * (century 18, 19 or 20 when written; "+" means 100 years or older, so born in
 * the 1800s or 1900s). */
bool pii_se_pnr_valid(const char *s);

/* True if the NUL-terminated s is a Danish CPR number, DDMMYY-SSSS or
 * DDMMYYSSSS, whose date is valid in some century. No modulus check: CPR
 * numbers issued since October 2007 may fail it. */
bool pii_dk_cpr_valid(const char *s);

#endif
