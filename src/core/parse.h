/* parse.h — reading numbers and dates the way Norwegian users type them.
 * Pure functions, no allocation. */
#ifndef VARDE_PARSE_H
#define VARDE_PARSE_H
#include <stdbool.h>
#include <stddef.h>

/* A number as typed: "1234.5", "1 234,5", "1.234,5", "-12", "12 %" (with
 * allow_percent), with normal, no-break (U+00A0) or narrow no-break (U+202F)
 * spaces as thousands separators (groups of three digits). Rejects anything
 * else ("12abc", "1,2,3", "1 2 3", empty), the ambiguous "1.500" / "1,500"
 * (1500 or 1.5?), and numbers of 10^15 or more. */
bool parse_number(const char *s, bool allow_percent, double *out);
/* A date as 2026-11-22 or 22.11.2026 (also 22.11.26 is refused: the century
 * must be written). Checks the calendar. Writes ISO "YYYY-MM-DD" to iso. */
bool parse_date(const char *s, char iso[11]);
/* Format a number for display with a decimal comma and no-break-space
 * thousands separators ("1 234,5"); decimals 0–6. */
void format_number_nb(double v, int decimals, char *out, size_t outlen);
/* The same with as many decimals as the value needs (at most six). */
void format_number_nb_auto(double v, char *out, size_t outlen);

#endif
