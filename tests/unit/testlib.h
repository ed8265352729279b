/* testlib.h — what every unit test includes: cmocka (its headers must come in
 * this order) and the few C library headers and helpers the tests share. */
#ifndef VARDE_TESTLIB_H
#define VARDE_TESTLIB_H
/* clang-format off: cmocka.h needs these first, in this order */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
/* clang-format on */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Run every test in the array `tests` with no group setup or teardown. */
#define RUN_TESTS(tests) cmocka_run_group_tests(tests, NULL, NULL)

/* A NULL the compiler cannot see through, for passing NULL where a format
 * attribute would otherwise warn about it. */
static inline const char *null_str(void)
{
	static const char *volatile none = NULL;
	return none;
}

#endif
