/* test_orgnr.c — organisation numbers (mod-11) and municipality numbers. */
#include "testlib.h"

#include "orgnr.h"

/* The rule as Brønnøysundregistrene publishes it, written out independently of
 * src/core/orgnr.c: weights 3 2 7 6 5 4 3 2 on the first eight digits,
 * r = 11 - sum mod 11, 11 means 0 and 10 means no valid number. Returns the
 * check digit, or -1. */
static int ref_check_digit(const char *first8)
{
	static const int w[8] = {3, 2, 7, 6, 5, 4, 3, 2};
	int sum = 0;
	for (int i = 0; i < 8; i++)
		sum += (first8[i] - '0') * w[i];
	int r = 11 - sum % 11;
	if (r == 11)
		return 0;
	if (r == 10)
		return -1;
	return r;
}

/* Real organisation numbers are accepted, and the reference rule agrees they
 * are real (971524960 is a case where r = 11 gives the check digit 0). */
static void test_orgnr_known_valid(void **state)
{
	(void)state;
	static const char *const known[] = {"974760673", "938801363", "971524960", "923609016", "991825827"};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		assert_int_equal(ref_check_digit(known[i]), known[i][8] - '0');
		assert_true(orgnr_valid(known[i]));
	}
	assert_int_equal(ref_check_digit("971524960"), 0);
}

/* For many prefixes and all ten final digits, orgnr_valid says yes exactly for
 * the digit the reference rule computes, and never when r = 10. */
static void test_orgnr_matches_reference_rule(void **state)
{
	(void)state;
	int r10_seen = 0, zero_seen = 0;
	unsigned x = 12345u;
	for (int k = 0; k < 2000; k++) {
		char s[10];
		x = x * 1103515245u + 12345u;
		snprintf(s, sizeof s, "%08u", (x >> 3) % 100000000u);
		int want = ref_check_digit(s);
		r10_seen += want < 0;
		zero_seen += want == 0;
		for (int d = 0; d <= 9; d++) {
			s[8] = (char)('0' + d);
			s[9] = '\0';
			assert_int_equal(orgnr_valid(s), want == d);
		}
	}
	/* The sample covered both special cases of the rule. */
	assert_true(r10_seen > 0);
	assert_true(zero_seen > 0);
}

/* A prefix whose remainder gives r = 10 has no valid number at all. */
static void test_orgnr_r10_never_valid(void **state)
{
	(void)state;
	assert_int_equal(ref_check_digit("10000013"), -1);
	char s[10] = "10000013";
	for (int d = 0; d <= 9; d++) {
		s[8] = (char)('0' + d);
		s[9] = '\0';
		assert_false(orgnr_valid(s));
	}
}

/* Changing only the check digit of a real number makes it invalid. */
static void test_orgnr_wrong_check_digit(void **state)
{
	(void)state;
	assert_false(orgnr_valid("974760674"));
	assert_false(orgnr_valid("974760670"));
	assert_false(orgnr_valid("938801364"));
	assert_false(orgnr_valid("971524961"));
}

/* Anything but exactly nine characters is rejected, NULL included. */
static void test_orgnr_wrong_length(void **state)
{
	(void)state;
	assert_false(orgnr_valid(NULL));
	assert_false(orgnr_valid(""));
	assert_false(orgnr_valid("97476067"));
	assert_false(orgnr_valid("9747606730"));
	assert_false(orgnr_valid("0974760673"));
}

/* Non-digits anywhere are rejected, also spaces (callers normalise first). */
static void test_orgnr_non_digits(void **state)
{
	(void)state;
	assert_false(orgnr_valid("97476067a"));
	assert_false(orgnr_valid("a74760673"));
	assert_false(orgnr_valid("974 76067"));
	assert_false(orgnr_valid("974 760 673"));
	assert_false(orgnr_valid("-74760673"));
	assert_false(orgnr_valid("+74760673"));
	assert_false(orgnr_valid("97476067/"));  /* '0' - 1 */
	assert_false(orgnr_valid("97476067:"));  /* '9' + 1 */
}

/* orgnr_normalise drops spaces, keeps the digits and says whether nine remain. */
static void test_orgnr_normalise(void **state)
{
	(void)state;
	char out[10];
	assert_true(orgnr_normalise("974 760 673", out));
	assert_string_equal(out, "974760673");
	assert_true(orgnr_valid(out));
	assert_true(orgnr_normalise("  938801363 ", out));
	assert_string_equal(out, "938801363");
	assert_true(orgnr_normalise("971524960", out));
	assert_string_equal(out, "971524960");

	assert_false(orgnr_normalise("974-760-673", out));
	assert_false(orgnr_normalise("974.760.673", out));
	assert_false(orgnr_normalise("974 760 67", out));
	assert_false(orgnr_normalise("974 760 6730", out));
	assert_false(orgnr_normalise("NO 974 760 673", out));
	assert_false(orgnr_normalise("", out));
	assert_false(orgnr_normalise("   ", out));
}

/* Municipality numbers: four digits with a county part from 03 to 56. */
static void test_kommunenr(void **state)
{
	(void)state;
	assert_true(kommunenr_valid("0301"));  /* Oslo */
	assert_true(kommunenr_valid("1804"));  /* Bodø */
	assert_true(kommunenr_valid("4601"));  /* Bergen */
	assert_true(kommunenr_valid("5001"));  /* Trondheim */
	assert_true(kommunenr_valid("5601"));  /* highest county part */
	assert_false(kommunenr_valid("0000"));
	assert_false(kommunenr_valid("0201"));
	assert_false(kommunenr_valid("5701"));
	assert_false(kommunenr_valid("9999"));
	assert_false(kommunenr_valid("123"));
	assert_false(kommunenr_valid("03011"));
	assert_false(kommunenr_valid("03a1"));
	assert_false(kommunenr_valid(" 301"));
	assert_false(kommunenr_valid(""));
	assert_false(kommunenr_valid(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_orgnr_known_valid),
		cmocka_unit_test(test_orgnr_matches_reference_rule),
		cmocka_unit_test(test_orgnr_r10_never_valid),
		cmocka_unit_test(test_orgnr_wrong_check_digit),
		cmocka_unit_test(test_orgnr_wrong_length),
		cmocka_unit_test(test_orgnr_non_digits),
		cmocka_unit_test(test_orgnr_normalise),
		cmocka_unit_test(test_kommunenr),
	};
	return RUN_TESTS(tests);
}
