/*
 * test_rate.c — unit tests for rate.c: half-up tenths of a percent from
 * integer counts, a zero denominator, large counts, and the printed form.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>

#include "rate.h"

static long
tenths(long num, long den)
{
	struct rate	r = { num, den };

	return rate_tenths(r);
}

/* Asserts that rate_str(num/den) is want. */
static void
prints(long num, long den, const char *want)
{
	struct rate	r = { num, den };
	char		buf[16];

	assert_ptr_equal(rate_str(r, buf), buf);
	assert_string_equal(buf, want);
}

static void
test_tenths(void **state)
{
	(void)state;
	assert_int_equal(tenths(2, 3), 667);
	assert_int_equal(tenths(1, 8), 125);
	assert_int_equal(tenths(1, 16), 63);	/* 62.5 rounds up */
	assert_int_equal(tenths(1, 3), 333);
	assert_int_equal(tenths(5, 7), 714);
	assert_int_equal(tenths(1, 1), 1000);
	assert_int_equal(tenths(0, 5), 0);
	assert_int_equal(tenths(3, 2), 1500);
	assert_int_equal(tenths(7, 1), 7000);
}

static void
test_half_up(void **state)
{
	(void)state;
	assert_int_equal(tenths(1, 2000), 1);	/* 0.5 tenths */
	assert_int_equal(tenths(1, 2001), 0);
	assert_int_equal(tenths(3, 2000), 2);	/* 1.5 */
	assert_int_equal(tenths(5, 2000), 3);	/* 2.5 */
	assert_int_equal(tenths(1, 6), 167);	/* 166.67 */
	assert_int_equal(tenths(1, 7), 143);	/* 142.86 */
	assert_int_equal(tenths(1, 9), 111);	/* 111.11 */
	assert_int_equal(tenths(3, 16), 188);	/* 187.5 */
}

static void
test_zero_den(void **state)
{
	(void)state;
	assert_int_equal(tenths(0, 0), -1);
	assert_int_equal(tenths(5, 0), -1);
	assert_int_equal(tenths(-1, 2), -1);
	assert_int_equal(tenths(1, -2), -1);
}

static void
test_large(void **state)
{
	(void)state;
	assert_int_equal(tenths(999999999, 1000000000), 1000);
	assert_int_equal(tenths(999499999, 1000000000), 999);
	assert_int_equal(tenths(999500000, 1000000000), 1000);
	assert_int_equal(tenths(1, 1000000000), 0);
	assert_int_equal(tenths(1000000000, 1000000000), 1000);
	assert_int_equal(tenths(1000000000, 1), 1000000000000L);
	assert_int_equal(tenths(1000000000, 3), 333333333333L);
	assert_int_equal(tenths(666666667, 1000000000), 667);
	assert_int_equal(tenths(LONG_MAX, LONG_MAX), 1000);
	assert_int_equal(tenths(LONG_MAX - 1, LONG_MAX), 1000);
	assert_int_equal(tenths(LONG_MAX / 3, LONG_MAX), 333);
	assert_int_equal(tenths(1, LONG_MAX), 0);
	assert_int_equal(tenths(LONG_MAX, 1), -1);	/* does not fit */
}

/* Agrees with the plain formula wherever that cannot overflow. */
static void
test_formula(void **state)
{
	unsigned long long	x = 12345, num, den, want;
	long			n, d;
	int			i;

	(void)state;
	for (n = 0; n <= 300; n++) {
		for (d = 1; d <= 300; d++) {
			want = ((unsigned long long)n * 2000 + d) / (2 * d);
			assert_int_equal(tenths(n, d), want);
		}
	}
	for (i = 0; i < 100000; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		den = (x >> 33) % 1000000000 + 1;
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		num = (x >> 33) % (den + 1);
		want = (num * 2000 + den) / (2 * den);
		assert_int_equal(tenths((long)num, (long)den), want);
	}
}

static void
test_str(void **state)
{
	(void)state;
	prints(2, 3, "66.7");
	prints(1, 1, "100.0");
	prints(0, 5, "0.0");
	prints(0, 0, "-");
	prints(7, 0, "-");
	prints(1, 8, "12.5");
	prints(1, 16, "6.3");
	prints(1, 3, "33.3");
	prints(5, 7, "71.4");
	prints(1, 2000, "0.1");
	prints(999999999, 1000000000, "100.0");
	prints(3, 2, "150.0");
	prints(1000000000, 1, "100000000000.0");
	prints(99999999999L, 1, "9999999999900.0");
	prints(100000000000L, 1, "-");	/* too wide for 16 bytes */
	prints(LONG_MAX, 1, "-");
	prints(-1, 3, "-");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tenths),
		cmocka_unit_test(test_half_up),
		cmocka_unit_test(test_zero_den),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_formula),
		cmocka_unit_test(test_str),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
