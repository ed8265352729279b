/* orgnr.c — see orgnr.h. The check digit rule is Brønnøysundregistrene's:
 * weights 3,2,7,6,5,4,3,2 on the first eight digits; r = 11 - sum mod 11;
 * r = 11 gives 0 and r = 10 means the number cannot exist. */
#include "orgnr.h"

#include <string.h>

bool orgnr_valid(const char *s)
{
	static const int weight[8] = {3, 2, 7, 6, 5, 4, 3, 2};
	if (!s || strlen(s) != 9)
		return false;
	int sum = 0;
	for (int i = 0; i < 9; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	for (int i = 0; i < 8; i++)
		sum += (s[i] - '0') * weight[i];
	int r = 11 - sum % 11;
	if (r == 11)
		r = 0;
	if (r == 10)
		return false;
	return r == s[8] - '0';
}

bool orgnr_normalise(const char *s, char out[10])
{
	int n = 0;
	for (; *s; s++) {
		if (*s == ' ')
			continue;
		if (*s < '0' || *s > '9' || n == 9)
			return false;
		out[n++] = *s;
	}
	out[n] = '\0';
	return n == 9;
}

bool kommunenr_valid(const char *s)
{
	if (!s || strlen(s) != 4)
		return false;
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	int county = (s[0] - '0') * 10 + (s[1] - '0');
	return county >= 3 && county <= 56;
}
