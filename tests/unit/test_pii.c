/* test_pii.c — the personal-data detector: Norwegian, Swedish and Danish
 * identity numbers, e-mail addresses and phone numbers in free text.
 *
 * Test data: no real person's number. Norwegian numbers are computed here from
 * made-up dates and individual numbers (fixed examples use birth years in the
 * 2030s, or 29 February 1900-series individual numbers, which no living person
 * has); the Swedish fixed examples are Skatteverket's own published examples
 * (Tolvan Tolvansson 121212-1212, 811218-9876, samordningsnummer 701063-2391);
 * the Norwegian 2032 examples are Skatteetaten's published ones for the new
 * rule; Danish examples have serials that fail the pre-2007 modulus-11 check,
 * and the 2030s dates have not happened yet. */
#include "testlib.h"

#include "pii.h"

/* ---- reference rules, written out independently of src/core/pii.c ---- */

/* Write value as exactly width decimal digits at out (no NUL); unlike "%02d"
 * the compiler can see it never overflows. */
static void put_digits(char *out, unsigned value, int width)
{
	for (int i = width - 1; i >= 0; i--, value /= 10)
		out[i] = (char)('0' + value % 10);
}

/* Norwegian check digits for the nine digits at nine: k1 chosen so that the
 * weighted sum 3 7 6 1 8 9 4 5 2 1 leaves remainder rem1 (0 before 2032, 0–3
 * from 2032), k2 so that 5 4 3 2 7 6 5 4 3 2 1 leaves 0. Writes 11 digits and a
 * NUL to out; false if a check digit would have to be 10. */
static bool ref_no(const char *nine, int rem1, char out[12])
{
	static const int w1[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
	static const int w2[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
	int s1 = 0, s2 = 0;
	for (int i = 0; i < 9; i++)
		s1 += w1[i] * (nine[i] - '0');
	int k1 = ((rem1 - s1) % 11 + 11) % 11;
	if (k1 == 10)
		return false;
	memcpy(out, nine, 9);
	out[9] = (char)('0' + k1);
	for (int i = 0; i < 10; i++)
		s2 += w2[i] * (out[i] - '0');
	int k2 = (11 - s2 % 11) % 11;
	if (k2 == 10)
		return false;
	out[10] = (char)('0' + k2);
	out[11] = '\0';
	return true;
}

/* The remainder of the first weighted sum over the ten first digits of a
 * Norwegian number (0 under the old rule, 0–3 under the 2032 rule). */
static int ref_no_rem1(const char *d)
{
	static const int w1[10] = {3, 7, 6, 1, 8, 9, 4, 5, 2, 1};
	int s = 0;
	for (int i = 0; i < 10; i++)
		s += w1[i] * (d[i] - '0');
	return s % 11;
}

/* A made-up Norwegian number (old rule) for date ddmmyy: the first individual
 * number from indiv on for which both check digits exist. */
static void make_no(char out[12], const char *ddmmyy, int indiv)
{
	for (int tries = 0; tries < 50; tries++, indiv++) {
		char nine[10];
		memcpy(nine, ddmmyy, 6);
		put_digits(nine + 6, (unsigned)(indiv % 1000), 3);
		nine[9] = '\0';
		if (ref_no(nine, 0, out))
			return;
	}
	fail_msg("no check digits for %s", ddmmyy);
}

/* The Luhn check digit for the nine digits at nine (weights 2 1 2 1 …). */
static char ref_luhn(const char *nine)
{
	int sum = 0;
	for (int i = 0; i < 9; i++) {
		int v = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
		sum += v > 9 ? v - 9 : v;
	}
	return (char)('0' + (10 - sum % 10) % 10);
}

/* The historical Danish modulus-11 check (weights 4 3 2 7 6 5 4 3 2 1), which
 * every CPR number issued before October 2007 passes. */
static bool dk_mod11(const char *ten)
{
	static const int w[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
	int s = 0;
	for (int i = 0; i < 10; i++)
		s += w[i] * (ten[i] - '0');
	return s % 11 == 0;
}

/* A small deterministic generator (xorshift32), so a failure can be replayed. */
static unsigned next_rand(unsigned *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

/* Days in a month of the Gregorian calendar. */
static int month_days(int year, int month)
{
	static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : d[month - 1];
}

/* ---- scanning helpers --------------------------------------------------- */

/* Byte offset of needle in text (which must contain it). */
static size_t offset_of(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);
	assert_non_null(p);
	return (size_t)(p - text);
}

/* Scan text and require exactly one match: of kind, covering needle. */
static void expect_one(const char *text, enum pii_kind kind, const char *needle)
{
	struct pii_match m[4];
	size_t n = pii_scan(text, m, 4);
	if (n != 1)
		fail_msg("%zu matches in \"%s\", expected 1 (%s)", n, text, needle);
	if (m[0].kind != kind)
		fail_msg("kind %d in \"%s\", expected %d", (int)m[0].kind, text, (int)kind);
	assert_int_equal(m[0].start, offset_of(text, needle));
	assert_int_equal(m[0].len, strlen(needle));
}

/* Scan text and require no match at all. */
static void expect_none(const char *text)
{
	struct pii_match m[4];
	size_t n = pii_scan(text, m, 4);
	if (n != 0)
		fail_msg("\"%s\": unexpected match \"%.*s\" (kind %d)", text, (int)m[0].len, text + m[0].start,
			 (int)m[0].kind);
}

/* ---- Norway ------------------------------------------------------------- */

/* Skatteetaten's published examples for the 2032 rule are valid (the third
 * has first remainder 1, so only the new rule accepts it); computed made-up
 * numbers are valid; simple junk is not. */
static void test_no_known_examples(void **state)
{
	(void)state;
	assert_true(pii_no_fnr_valid("02013299997"));
	assert_true(pii_no_fnr_valid("30108299920"));
	assert_true(pii_no_fnr_valid("30108299939"));
	assert_int_equal(ref_no_rem1("30108299939"), 1);
	char f[12];
	make_no(f, "010135", 500);
	assert_string_equal(f, "01013550022");
	assert_true(pii_no_fnr_valid(f));
	assert_false(pii_no_dnr_valid(f));
	/* Both sums are 0 but there is no day 0. */
	assert_false(pii_no_fnr_valid("00000000000"));
	assert_false(pii_no_fnr_valid("11111111111"));
	assert_false(pii_no_fnr_valid("02013299996"));
	assert_false(pii_no_fnr_valid("0101355002x"));
	/* A short string is not read past its end. */
	char shortbuf[12] = "0101355";
	assert_false(pii_no_fnr_valid(shortbuf));
	assert_false(pii_no_fnr_valid(null_str()));
	assert_false(pii_no_dnr_valid(null_str()));
}

/* Both check digits matter: right K1 with wrong K2 is rejected, and so is a
 * right K2 after a K1 whose remainder is outside 0–3. */
static void test_no_both_check_digits(void **state)
{
	(void)state;
	char f[12];
	make_no(f, "150635", 501);
	assert_true(pii_no_fnr_valid(f));
	for (char d = '0'; d <= '9'; d++) {
		char g[12];
		memcpy(g, f, 12);
		g[10] = d; /* K1 stays right */
		assert_int_equal(pii_no_fnr_valid(g), d == f[10]);
	}
	int rejected = 0;
	for (int rem = 4; rem <= 10; rem++) {
		char g[12], nine[10];
		memcpy(nine, f, 9);
		nine[9] = '\0';
		if (!ref_no(nine, rem, g))
			continue;
		assert_int_equal(ref_no_rem1(g), rem); /* K2 right, K1 not */
		assert_false(pii_no_fnr_valid(g));
		rejected++;
	}
	assert_true(rejected > 0);
}

/* The 2032 rule: for one prefix and every K1, the number (with its right K2)
 * is valid exactly when the first remainder is 0, 1, 2 or 3. */
static void test_no_2032_rule(void **state)
{
	(void)state;
	const char *nine = "151035501";
	int accepted = 0;
	for (int rem = 0; rem <= 10; rem++) {
		char g[12];
		if (!ref_no(nine, rem, g))
			continue;
		assert_int_equal(pii_no_fnr_valid(g), rem <= 3);
		accepted += rem <= 3;
	}
	assert_true(accepted >= 3);
}

/* Dates: 29 February only in a year divisible by four (any century, because
 * from 2032 the individual number no longer tells it), no 31 April, no day 0
 * or 32, no month 0 or 13. 29020010027 has a 1900-series individual number
 * (no such person exists: 1900 was no leap year) but is accepted. */
static void test_no_dates(void **state)
{
	(void)state;
	static const struct {
		const char *ddmmyy;
		bool valid;
	} cases[] = {
	    {"290200", true},  {"290235", false}, {"290236", true},  {"310435", false},
	    {"300235", false}, {"000135", false}, {"320135", false}, {"311235", true},
	    {"010035", false}, {"011335", false}, {"310135", true},  {"300435", true},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char f[12];
		make_no(f, cases[i].ddmmyy, 100);
		if (pii_no_fnr_valid(f) != cases[i].valid)
			fail_msg("%s: expected %d", f, cases[i].valid);
	}
	char f[12];
	make_no(f, "290200", 100);
	assert_string_equal(f, "29020010027");
}

/* D-numbers: first digit + 4 (day 41–71), valid only as D-numbers. */
static void test_no_dnr(void **state)
{
	(void)state;
	char d[12];
	make_no(d, "410135", 500);
	assert_string_equal(d, "41013550016");
	assert_true(pii_no_dnr_valid(d));
	assert_false(pii_no_fnr_valid(d));
	make_no(d, "711235", 500);
	assert_true(pii_no_dnr_valid(d));
	static const char *const bad[] = {"721235", "400135", "700235", "710435", "810135"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		make_no(d, bad[i], 500);
		if (pii_no_dnr_valid(d) || pii_no_fnr_valid(d))
			fail_msg("%s accepted", d);
	}
	/* A fødselsnummer is not a D-number. */
	make_no(d, "010135", 500);
	assert_false(pii_no_dnr_valid(d));
}

/* H-numbers (month + 40) are fødselsnummer; so are synthetic test identities
 * with month + 80 (a decision: testers using synthetic data see the warning).
 * Months 13–40, 53–80 and 93+ are not. */
static void test_no_hnr(void **state)
{
	(void)state;
	char h[12];
	make_no(h, "014135", 500);
	assert_string_equal(h, "01413550005");
	assert_true(pii_no_fnr_valid(h));
	make_no(h, "315235", 500);
	assert_true(pii_no_fnr_valid(h));
	make_no(h, "018135", 500);
	assert_true(pii_no_fnr_valid(h));
	make_no(h, "419235", 500); /* a synthetic D-number */
	assert_true(pii_no_dnr_valid(h));
	static const char *const bad[] = {"015335", "014035", "018035", "019335", "013335", "312235"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		make_no(h, bad[i], 500);
		if (pii_no_fnr_valid(h))
			fail_msg("%s accepted", h);
	}
	/* H-number dates are checked too: 31 in month 44 (April). */
	make_no(h, "314435", 500);
	assert_false(pii_no_fnr_valid(h));
}

/* Check every single-digit change and every swap of two different adjacent
 * digits of the valid number f: all must be rejected, as fødselsnummer and as
 * D-number. K2's weights 5 4 3 2 7 6 5 4 3 2 1 are all non-zero mod 11 (a prime),
 * so a change δ (1 ≤ |δ| ≤ 9) in one digit moves the K2 sum by w·δ ≢ 0; a swap
 * moves it by (wᵢ − wᵢ₊₁)(dᵢ₊₁ − dᵢ), and adjacent weights always differ.
 * Returns the number of variants checked. */
static int check_no_mutations(const char f[12])
{
	int checked = 0;
	for (int pos = 0; pos < 11; pos++) {
		for (char d = '0'; d <= '9'; d++) {
			if (d == f[pos])
				continue;
			char g[12];
			memcpy(g, f, 12);
			g[pos] = d;
			if (pii_no_fnr_valid(g) || pii_no_dnr_valid(g))
				fail_msg("%s valid after changing digit %d of %s", g, pos + 1, f);
			checked++;
		}
		if (pos < 10 && f[pos] != f[pos + 1]) {
			char g[12];
			memcpy(g, f, 12);
			g[pos] = f[pos + 1];
			g[pos + 1] = f[pos];
			if (pii_no_fnr_valid(g) || pii_no_dnr_valid(g))
				fail_msg("%s valid after swapping digits %d and %d of %s", g, pos + 1, pos + 2, f);
			checked++;
		}
	}
	return checked;
}

/* 1000 numbers from random made-up dates and individual numbers (old rule),
 * 1000 more under the 2032 rule (remainder 1–3) and 1000 D-numbers: each is
 * valid, found in running text written both ways at the right offset, and no
 * single changed digit or adjacent swap is valid. */
static void test_no_generated(void **state)
{
	(void)state;
	unsigned seed = 20260101u;
	int made[3] = {0, 0, 0}, mutations = 0;
	for (int kind = 0; kind < 3; kind++) {
		while (made[kind] < 1000) {
			int year = 1900 + (int)(next_rand(&seed) % 140);
			int month = 1 + (int)(next_rand(&seed) % 12);
			int day = 1 + (int)(next_rand(&seed) % (unsigned)month_days(year, month));
			int indiv = (int)(next_rand(&seed) % 1000);
			int rem = kind == 1 ? 1 + (int)(next_rand(&seed) % 3) : 0;
			char nine[10], f[12];
			put_digits(nine, (unsigned)(day + (kind == 2 ? 40 : 0)), 2);
			put_digits(nine + 2, (unsigned)month, 2);
			put_digits(nine + 4, (unsigned)(year % 100), 2);
			put_digits(nine + 6, (unsigned)indiv, 3);
			nine[9] = '\0';
			if (!ref_no(nine, rem, f))
				continue;
			made[kind]++;
			bool dnr = kind == 2;
			if (pii_no_fnr_valid(f) != !dnr || pii_no_dnr_valid(f) != dnr)
				fail_msg("%s not valid", f);
			enum pii_kind want = dnr ? PII_NO_DNR : PII_NO_FNR;
			char text[96], spaced[13];
			snprintf(text, sizeof text, "Fødselsnummeret hans er %s, født på Hønefoss.", f);
			expect_one(text, want, f);
			snprintf(spaced, sizeof spaced, "%.6s %s", f, f + 6);
			snprintf(text, sizeof text, "«%s» (bør ikke stå her)", spaced);
			expect_one(text, want, spaced);
			mutations += check_no_mutations(f);
		}
	}
	assert_true(mutations > 3000 * 99);
}

/* ---- Sweden ------------------------------------------------------------- */

/* Skatteverket's examples in every written form; the reference Luhn agrees. */
static void test_se_formats(void **state)
{
	(void)state;
	assert_int_equal(ref_luhn("121212121"), '2');
	assert_int_equal(ref_luhn("811218987"), '6');
	static const char *const good[] = {
	    "121212-1212", "1212121212", "191212121212", "19121212-1212", "121212+1212",
	    "811218-9876", "8112189876", "198112189876", "19811218-9876",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (!pii_se_pnr_valid(good[i]))
			fail_msg("%s rejected", good[i]);
	static const char *const bad[] = {
	    "121212 1212",   "19121212+1212", "121212/1212",   "12121-21212",  "1212121212 ",
	    "17121212-1212", "21121212-1212", "1912121212120", "121212-121",   "",
	    "12121212-1212", "121312-1212",   "1912-12121212", "121212--1212", "abcdefghij",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (pii_se_pnr_valid(bad[i]))
			fail_msg("%s accepted", bad[i]);
	assert_false(pii_se_pnr_valid(null_str()));
}

/* A wrong check digit fails, in every form. */
static void test_se_luhn_failures(void **state)
{
	(void)state;
	static const char *const bad[] = {"121212-1213",  "811218-9875",   "8112189870",
					  "198112189877", "19121212-1211", "121212+1210"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (pii_se_pnr_valid(bad[i]))
			fail_msg("%s accepted", bad[i]);
}

/* Samordningsnummer (day + 60): Skatteverket's example, day 61 and 91 valid,
 * day 92, 60 and 32 not; dates: 29 February 2000 exists, but not for someone
 * written with "+" (100 or older: born 1900 or 1800, no leap years). */
static void test_se_samordning_and_dates(void **state)
{
	(void)state;
	assert_true(pii_se_pnr_valid("701063-2391"));
	assert_true(pii_se_pnr_valid("19701063-2391"));
	static const struct {
		const char *yymmdd;
		bool valid;
	} cases[] = {
	    {"351261", true},  {"351291", true},  {"351292", false}, {"351260", false},
	    {"351232", false}, {"350231", false}, {"350229", false}, {"360229", true},
	    {"350431", false}, {"350001", false}, {"351301", false}, {"350100", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char s[12];
		snprintf(s, sizeof s, "%s-123", cases[i].yymmdd);
		s[10] = ref_luhn((char[]){s[0], s[1], s[2], s[3], s[4], s[5], s[7], s[8], s[9]});
		s[11] = '\0';
		if (pii_se_pnr_valid(s) != cases[i].valid)
			fail_msg("%s: expected %d", s, cases[i].valid);
	}
	assert_int_equal(ref_luhn("000229123"), '5');
	assert_true(pii_se_pnr_valid("000229-1235"));
	assert_true(pii_se_pnr_valid("0002291235"));
	assert_false(pii_se_pnr_valid("000229+1235"));
	assert_true(pii_se_pnr_valid("20000229-1235"));
	assert_false(pii_se_pnr_valid("19000229-1235"));
}

/* 1000 made-up Swedish numbers are valid, and Luhn rejects every single
 * changed digit of the ten-digit form. */
static void test_se_generated(void **state)
{
	(void)state;
	unsigned seed = 46u;
	for (int k = 0; k < 1000; k++) {
		int year = 1900 + (int)(next_rand(&seed) % 140);
		int month = 1 + (int)(next_rand(&seed) % 12);
		int day = 1 + (int)(next_rand(&seed) % (unsigned)month_days(year, month));
		if (k % 5 == 0)
			day += 60;
		char nine[10], ten[11], twelve[14];
		put_digits(nine, (unsigned)(year % 100), 2);
		put_digits(nine + 2, (unsigned)month, 2);
		put_digits(nine + 4, (unsigned)day, 2);
		put_digits(nine + 6, next_rand(&seed) % 1000, 3);
		nine[9] = '\0';
		snprintf(ten, sizeof ten, "%s%c", nine, ref_luhn(nine));
		snprintf(twelve, sizeof twelve, "%d%s", year / 100, ten);
		if (!pii_se_pnr_valid(ten) || !pii_se_pnr_valid(twelve))
			fail_msg("%s rejected", twelve);
		for (int pos = 0; pos < 10; pos++)
			for (char d = '0'; d <= '9'; d++) {
				if (d == ten[pos])
					continue;
				char g[11];
				memcpy(g, ten, 11);
				g[pos] = d;
				/* Luhn sees every single changed digit. */
				if (pii_se_pnr_valid(g))
					fail_msg("%s valid after changing digit %d of %s", g, pos + 1, ten);
			}
	}
}

/* ---- Denmark ------------------------------------------------------------ */

/* CPR: any date that exists in some century, with or without hyphen; no
 * modulus check. The examples fail modulus 11 (so were not issued before
 * 2007) and are still accepted. */
static void test_dk_cpr(void **state)
{
	(void)state;
	assert_false(dk_mod11("2902004321"));
	assert_false(dk_mod11("1506344321"));
	assert_true(pii_dk_cpr_valid("290200-4321")); /* 2000 was a leap year */
	assert_true(pii_dk_cpr_valid("2902004321"));
	assert_true(pii_dk_cpr_valid("150634-4321"));
	assert_true(pii_dk_cpr_valid("311299-4321"));
	assert_true(pii_dk_cpr_valid("290204-4321"));
	static const char *const bad[] = {
	    "310290-4321", "290201-4321", "300200-4321", "310490-4321", "000190-4321",
	    "320190-4321", "011390-4321", "010090-4321", "290200 4321", "290200-432",
	    "29020043210", "290200+4321", "29020-04321", "2902004321x", "",
	    "29O200-4321",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (pii_dk_cpr_valid(bad[i]))
			fail_msg("%s accepted", bad[i]);
	assert_false(pii_dk_cpr_valid(null_str()));
}

/* ---- scanning ----------------------------------------------------------- */

/* One string that several rules fit is reported once, as the most specific
 * kind: a Norwegian number never also as CPR; a ten-digit number passing
 * Luhn with a date valid both ways is Swedish; failing Luhn it is Danish. */
static void test_scan_priority(void **state)
{
	(void)state;
	expect_one("Fnr 01013550022 ble notert.", PII_NO_FNR, "01013550022");
	expect_one("Fnr 010135-50022 ble notert.", PII_NO_FNR, "010135-50022");
	assert_true(pii_dk_cpr_valid("121212-1212"));
	expect_one("Nr. 121212-1212 i Sverige", PII_SE_PNR, "121212-1212");
	expect_one("Nr. 1212121212 i Sverige", PII_SE_PNR, "1212121212");
	assert_false(pii_se_pnr_valid("290200-4321"));
	expect_one("CPR 290200-4321 i Danmark", PII_DK_CPR, "290200-4321");
	expect_one("CPR 2902004321 i Danmark", PII_DK_CPR, "2902004321");
	expect_one("Svensk med + (over 100 år): 121212+1212.", PII_SE_PNR, "121212+1212");
	expect_one("19121212-1212", PII_SE_PNR, "19121212-1212");
	expect_one("191212121212", PII_SE_PNR, "191212121212");
	expect_one("Samordningsnummer 701063-2391.", PII_SE_PNR, "701063-2391");
	expect_one("D-nummer: 41013550016", PII_NO_DNR, "41013550016");
	expect_one("H-nummer: 01413550005", PII_NO_FNR, "01413550005");
	/* Wrong check digits and invalid dates are not reported. */
	expect_none("Fnr 01013550023 ble notert.");
	expect_none("CPR 310290-4321 er ugyldig.");
	expect_none("Nr. 811218-9875 har feil kontrollsiffer, og 8112189870 også.");
	/* A Swedish-looking number with a wrong check digit whose first six
	 * digits also read as DDMMYY falls through to the Danish rule. */
	expect_one("Nr. 121212-1213", PII_DK_CPR, "121212-1213");
}

/* A candidate glued to letters or digits (also æ ø å) is not one; quotes,
 * brackets, punctuation and Markdown emphasis delimit; a number after
 * "digit," or "digit." belongs to a decimal. */
static void test_scan_delimiting(void **state)
{
	(void)state;
	expect_none("fnr01013550022");
	expect_none("01013550022x");
	expect_none("801013550022");
	expect_none("010135500220");
	expect_none("ø01013550022");
	expect_none("01013550022å");
	expect_none("Æ41234567");
	expect_none("41234567ø");
	expect_none("tlf41234567");
	expect_none("3,41234567");
	expect_none("41234567,5");
	expect_none("1.0101355002");
	expect_one("«01013550022»", PII_NO_FNR, "01013550022");
	expect_one("(01013550022)", PII_NO_FNR, "01013550022");
	expect_one("_01013550022_", PII_NO_FNR, "01013550022");
	expect_one("Fnr:01013550022.", PII_NO_FNR, "01013550022");
	expect_one("fnr/01013550022, takk", PII_NO_FNR, "01013550022");
	expect_one("«41234567»", PII_PHONE, "41234567");
	expect_one("Ring 41234567.", PII_PHONE, "41234567");
	expect_one("Ring 41234567, 2 ganger", PII_PHONE, "41234567");
	expect_one("→41234567←", PII_PHONE, "41234567");
}

/* E-mail addresses in running Norwegian text, and what a conservative pattern
 * leaves out. */
static void test_scan_email(void **state)
{
	(void)state;
	expect_one("Send til ola.nordmann@kommune.no.", PII_EMAIL, "ola.nordmann@kommune.no");
	expect_one("Kåre (kare_ovrebo+test@sub.eksempel.com) svarte.", PII_EMAIL, "kare_ovrebo+test@sub.eksempel.com");
	expect_one("e-post: kåre@eksempel.no, mobil ukjent", PII_EMAIL, "kåre@eksempel.no");
	expect_one("«post@firma.no»", PII_EMAIL, "post@firma.no");
	expect_one("mailto:a@b.no", PII_EMAIL, "a@b.no");
	expect_one("Adressen 41234567@sms.example.no er sms-tjenesten", PII_EMAIL, "41234567@sms.example.no");
	static const char *const bad[] = {
	    "ola@localhost",	"ola@@kommune.no", "@kommune.no",     "ola@kommune",	 "ola.@kommune.no",
	    "a..b@kommune.no",	"ola@kommune.n",   "ola@kommune.123", "ola@-x.no",	 "ola@x-.no",
	    "ola@blåbær.no",	"a@b@c.no",	   "ola@kommune.no-", "ola@kommune.noå", "ola@kommune.no_x",
	    "ola @ kommune.no", "ola@kommune..no",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_none(bad[i]);
}

/* Phone numbers: Nordic country codes, the usual Norwegian groupings, and
 * eight-digit mobiles, in running text. */
static void test_scan_phone(void **state)
{
	(void)state;
	static const char *const good[] = {
	    "+47 41 23 45 67",	 "+47 412 34 567",   "+4741234567",  "0047 41234567",	"+47-412-34-567",
	    "+46 70 123 45 67",	 "+46 8 123 456 78", "+46701234567", "+45 32 12 34 56", "0045 32123456",
	    "22 33 44 55",	 "223 44 556",	     "41234567",     "91234567",	"22\u00a033\u00a044\u00a055",
	    "0046 70-123 45 67", "+47 22 33 44 55",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		char text[96];
		snprintf(text, sizeof text, "Kåre kan nås på %s før kl. 16 på fredag.", good[i]);
		expect_one(text, PII_PHONE, good[i]);
	}
}

/* No phone numbers (or anything else) in amounts, dates, years, organisation
 * numbers, lists of small numbers, or too short and too long digit runs. */
static void test_scan_false_positives(void **state)
{
	(void)state;
	static const char *const bad[] = {
	    "Beløpet var 1 234 567 kroner.",
	    "kr 1 234 567",
	    "12 345 678 kr",
	    "NOK 91 234 567,50",
	    "Møtet er 2026-11-22 kl. 10.",
	    "Møtet er 22.11.2026 kl. 10.",
	    "20261122",
	    "Født i 1990, flyttet i 2026.",
	    "1990–2026",
	    "Org.nr. 974 760 673 (Brønnøysund).",
	    "974760673",
	    "51234567",
	    "412345678",
	    "4123456",
	    "12 34 56 78",
	    "02 34 56 78",
	    "20 30 40 50 60",
	    "kr 45000000",
	    "45000000,-",
	    "45000000 kr",
	    "Budsjett: NOK 45000000",
	    "+47 4123456",
	    "+47 412345678",
	    "+47 41 23 45 67 8",
	    "1 223 44 556",
	    "22 33 44 55 66",
	    "Kontonummer 1234.56.78903",
	    "Pi er 3.1415926535",
	    "",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_none(bad[i]);
	/* "nok" is a Norwegian word, not a currency code in lower case. */
	expect_one("Ring 41234567 nok en gang.", PII_PHONE, "41234567");
}

/* Several kinds in one text with æ ø å around them: kinds, order and byte
 * offsets are right. */
static void test_scan_multiple_offsets(void **state)
{
	(void)state;
	const char *text = "Møte på Ørnes: Åse (fnr 01013550022) og Bjørn (D-nummer 410135 50016) ringte "
			   "fra 412 34 567 og +46 70 123 45 67. E-post: åse.ørn@kommune.no. Svensk nr. "
			   "811218-9876, dansk CPR 150634-4321, og i 2026-11-22 betalte de kr 1 234 567.";
	static const struct {
		enum pii_kind kind;
		const char *needle;
	} want[] = {
	    {PII_NO_FNR, "01013550022"},     {PII_NO_DNR, "410135 50016"},	{PII_PHONE, "412 34 567"},
	    {PII_PHONE, "+46 70 123 45 67"}, {PII_EMAIL, "åse.ørn@kommune.no"}, {PII_SE_PNR, "811218-9876"},
	    {PII_DK_CPR, "150634-4321"},
	};
	enum { N = sizeof want / sizeof want[0] };
	struct pii_match m[N + 2];
	size_t n = pii_scan(text, m, N + 2);
	assert_int_equal(n, N);
	for (size_t i = 0; i < N; i++) {
		assert_int_equal(m[i].kind, want[i].kind);
		assert_int_equal(m[i].start, offset_of(text, want[i].needle));
		assert_int_equal(m[i].len, strlen(want[i].needle));
		assert_memory_equal(text + m[i].start, want[i].needle, m[i].len);
	}
}

/* With room for fewer matches than there are, the count is still the total,
 * the first max are stored and nothing past them is written. */
static void test_scan_max_truncation(void **state)
{
	(void)state;
	const char *text = "41234567, 91234567, 22 33 44 55, a@b.no, 01013550022";
	struct pii_match m[4];
	memset(m, 0xAB, sizeof m);
	assert_int_equal(pii_scan(text, m, 2), 5);
	assert_int_equal(m[0].start, 0);
	assert_int_equal(m[1].start, offset_of(text, "91234567"));
	const unsigned char *rest = (const unsigned char *)&m[2];
	for (size_t i = 0; i < 2 * sizeof m[0]; i++)
		assert_int_equal(rest[i], 0xAB);
	assert_int_equal(pii_scan(text, NULL, 0), 5);
	assert_int_equal(pii_scan(text, m, 0), 5);
	assert_int_equal(pii_scan(text, m, 4), 5);
	assert_int_equal(m[3].kind, PII_EMAIL);
	assert_int_equal(pii_scan(null_str(), m, 4), 0);
	assert_int_equal(pii_scan("", m, 4), 0);
	assert_int_equal(pii_scan("Ingen personopplysninger her, bare æøå.", m, 4), 0);
}

/* Random text made of digits, separators, '@', letters and broken or whole
 * UTF-8: matches are in order, inside the text, never overlapping, never
 * starting inside a UTF-8 sequence, and each identity number re-validates on
 * its own (the sanitizer build checks that nothing is read out of bounds). */
static void test_scan_random_text(void **state)
{
	(void)state;
	static const char *const pieces[] = {
	    "0",  "1",	  "2",	  "4", "9",  "5", "7", "3",	 " ",	 " ",	 "-",  "+",
	    ".",  ",",	  "@",	  "a", "no", "æ", "ø", "\u00a0", "\xc3", "\xa5", "kr", "\xe2\x80\xaf",
	    "47", "0047", "+47 ", "_", "(",  "Ø",
	};
	enum { NP = sizeof pieces / sizeof pieces[0] };
	unsigned seed = 7u;
	size_t total = 0;
	for (int round = 0; round < 20000; round++) {
		char text[160];
		size_t len = 0, want = next_rand(&seed) % 60;
		for (size_t k = 0; k < want; k++) {
			const char *p = pieces[next_rand(&seed) % NP];
			size_t pl = strlen(p);
			if (len + pl >= sizeof text)
				break;
			memcpy(text + len, p, pl);
			len += pl;
		}
		text[len] = '\0';
		struct pii_match m[32];
		size_t n = pii_scan(text, m, 32), end = 0;
		total += n;
		for (size_t i = 0; i < n && i < 32; i++) {
			assert_true(m[i].start >= end);
			assert_true(m[i].len > 0 && m[i].start + m[i].len <= len);
			assert_true(((unsigned char)text[m[i].start] & 0xC0) != 0x80);
			end = m[i].start + m[i].len;
			char digits[16], s[16];
			size_t nd = 0;
			for (size_t k = m[i].start; k < end && nd < 15; k++)
				if (text[k] >= '0' && text[k] <= '9')
					digits[nd++] = text[k];
			digits[nd] = '\0';
			size_t sl = m[i].len < 15 ? m[i].len : 15;
			memcpy(s, text + m[i].start, sl);
			s[sl] = '\0';
			if (m[i].kind == PII_NO_FNR)
				assert_true(nd == 11 && pii_no_fnr_valid(digits));
			if (m[i].kind == PII_NO_DNR)
				assert_true(nd == 11 && pii_no_dnr_valid(digits));
			if (m[i].kind == PII_SE_PNR)
				assert_true(pii_se_pnr_valid(s));
			if (m[i].kind == PII_DK_CPR)
				assert_true(pii_dk_cpr_valid(s));
			if (m[i].kind == PII_PHONE)
				assert_true(nd >= 8);
		}
	}
	/* The alphabet does produce matches, so the checks above ran. */
	assert_true(total > 100);
}

/* Every kind has a distinct, non-empty English name; an unknown kind gets a
 * generic one rather than NULL. */
static void test_kind_names(void **state)
{
	(void)state;
	assert_string_equal(pii_kind_name(PII_NO_FNR), "Norwegian national identity number");
	const enum pii_kind kinds[] = {PII_NO_FNR, PII_NO_DNR, PII_SE_PNR, PII_DK_CPR, PII_EMAIL, PII_PHONE};
	for (size_t i = 0; i < 6; i++) {
		assert_non_null(pii_kind_name(kinds[i]));
		assert_true(strlen(pii_kind_name(kinds[i])) > 0);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(pii_kind_name(kinds[i]), pii_kind_name(kinds[j]));
	}
	assert_non_null(pii_kind_name((enum pii_kind)99));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_no_known_examples),
	    cmocka_unit_test(test_no_both_check_digits),
	    cmocka_unit_test(test_no_2032_rule),
	    cmocka_unit_test(test_no_dates),
	    cmocka_unit_test(test_no_dnr),
	    cmocka_unit_test(test_no_hnr),
	    cmocka_unit_test(test_no_generated),
	    cmocka_unit_test(test_se_formats),
	    cmocka_unit_test(test_se_luhn_failures),
	    cmocka_unit_test(test_se_samordning_and_dates),
	    cmocka_unit_test(test_se_generated),
	    cmocka_unit_test(test_dk_cpr),
	    cmocka_unit_test(test_scan_priority),
	    cmocka_unit_test(test_scan_delimiting),
	    cmocka_unit_test(test_scan_email),
	    cmocka_unit_test(test_scan_phone),
	    cmocka_unit_test(test_scan_false_positives),
	    cmocka_unit_test(test_scan_multiple_offsets),
	    cmocka_unit_test(test_scan_max_truncation),
	    cmocka_unit_test(test_scan_random_text),
	    cmocka_unit_test(test_kind_names),
	};
	return RUN_TESTS(tests);
}
