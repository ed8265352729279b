/* orgnr.h — Norwegian organisation numbers (9 digits, mod-11 check digit) and
 * municipality numbers (kommunenummer, 4 digits). Pure functions, no allocation. */
#ifndef VARDE_ORGNR_H
#define VARDE_ORGNR_H
#include <stdbool.h>

/* True if s is exactly nine digits (spaces allowed between groups are NOT
 * accepted here; normalise first) whose last digit is the mod-11 check digit
 * with weights 3 2 7 6 5 4 3 2. */
bool orgnr_valid(const char *s);
/* Copy the digits of s into out (10 bytes), dropping spaces; false if anything
 * else than digits and spaces is present or the count is not nine. */
bool orgnr_normalise(const char *s, char out[10]);
/* True if s is a four-digit municipality number with a county part 03–56. */
bool kommunenr_valid(const char *s);

#endif
