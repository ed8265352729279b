/* day.c — day numbers (days since 1970-01-01) to and from calendar dates; see
 * benefit.h. The conversions are Howard Hinnant's days_from_civil and
 * civil_from_days (public domain): exact for the proleptic Gregorian calendar,
 * no tables, no time zones, no struct tm (mktime would bring the process's
 * time zone and its daylight-saving hour into plain dates). */
#include "benefit.h"

#include <stdio.h>
#include <string.h>

#include "../core/parse.h"

/* 0001-01-01 and 9999-12-31 as day numbers: the range every function takes. */
enum { DAY_MIN = -719162, DAY_MAX = 2932896 };

static bool is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(long y, int m)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return mdays[m - 1] + (m == 2 && is_leap(y));
}

/* Days since 1970-01-01 of a valid date (Hinnant's days_from_civil; the year
 * runs from March so that the leap day comes last). */
static long days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

bool benefit_day_from_ymd(int y, int m, int d, long *day)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return false;
	*day = days_from_civil(y, m, d);
	return true;
}

bool benefit_day_to_ymd(long day, int *y, int *m, int *d)
{
	if (day < DAY_MIN || day > DAY_MAX)
		return false;
	long z = day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
	return true;
}

bool benefit_day_parse(const char *s, long *day)
{
	char iso[11];
	int y, m, d;
	if (!s || !parse_date(s, iso))
		return false;
	/* parse_date wrote a checked "YYYY-MM-DD". */
	y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
	m = (iso[5] - '0') * 10 + (iso[6] - '0');
	d = (iso[8] - '0') * 10 + (iso[9] - '0');
	return benefit_day_from_ymd(y, m, d, day);
}

long benefit_day(const char *s)
{
	long day;
	return benefit_day_parse(s, &day) ? day : BENEFIT_NO_DAY;
}

bool benefit_day_format(long day, char iso[BENEFIT_ISO_LEN])
{
	int y, m, d;
	iso[0] = '\0';
	if (!benefit_day_to_ymd(day, &y, &m, &d))
		return false;
	snprintf(iso, BENEFIT_ISO_LEN, "%04d-%02d-%02d", y, m, d);
	return true;
}

bool benefit_day_add_months(long day, int months, long *out)
{
	int y, m, d;
	if (!benefit_day_to_ymd(day, &y, &m, &d))
		return false;
	/* Months counted from year 0 in a long, so no int can overflow. */
	long total = (long)y * 12 + (m - 1) + (long)months;
	if (total < 12 || total > 9999L * 12 + 11)
		return false;
	long ny = total / 12;
	int nm = (int)(total % 12) + 1;
	int max = month_days(ny, nm);
	*out = days_from_civil(ny, nm, d > max ? max : d);
	return true;
}

const char *benefit_err_str(enum benefit_err e)
{
	switch (e) {
	case BE_OK:
		return "ok";
	case BE_INVALID:
		return "invalid argument";
	case BE_NOT_FINITE:
		return "not a finite number";
	case BE_NEGATIVE:
		return "negative count, hours, price or cost";
	case BE_RANGE:
		return "out of range";
	case BE_END_BEFORE_START:
		return "end before start";
	case BE_NO_BASELINE:
		return "no baseline";
	case BE_NO_TARGET:
		return "no target";
	case BE_TARGET_DATE:
		return "target date not after baseline date";
	case BE_DIRECTION:
		return "target worse than baseline in the indicator's direction";
	case BE_MILESTONE:
		return "intermediate target not between baseline and target, or two on one day";
	}
	return "unknown error";
}
