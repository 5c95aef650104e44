/*
 * test_date.c — unit tests for date.c: every accepted form, refused input,
 * Excel serials, month-end arithmetic, day numbers and formatting.
 */
#include <sys/wait.h>

#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <unistd.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "date.h"

/* Asserts that s parses (with flags) to y-m-d. */
static void
parses(const char *s, int flags, int y, int m, int d)
{
	struct date	out = { 0, 0, 0 };

	if (date_parse(s, flags, &out) != 0)
		fail_msg("\"%s\" was refused", s);
	if (out.y != y || out.m != m || out.d != d)
		fail_msg("\"%s\" gave %d-%d-%d, want %d-%d-%d", s,
		    out.y, out.m, out.d, y, m, d);
}

/* Asserts that s is refused, with flags. */
static void
refused(const char *s, int flags)
{
	struct date	out;

	if (date_parse(s, flags, &out) != -1)
		fail_msg("\"%s\" was accepted as %d-%d-%d", s ? s : "(null)",
		    out.y, out.m, out.d);
}

static void
test_parse_forms(void **state)
{
	static const char *forms[] = {
		"2022-07-05", "2022-7-5", "2022-07-5", "2022-7-05",
		"2022/7/5", "2022/07/05", "2022.7.5", "2022.07.05",
		"2022年7月5日", "2022年07月05日", "20220705",
		"  2022-07-05", "2022-07-05  ", " 2022年7月5日 ", " 20220705 ",
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		parses(forms[i], 0, 2022, 7, 5);
		parses(forms[i], DATE_EXCEL, 2022, 7, 5);
	}
	parses("2022-12-31", 0, 2022, 12, 31);
	parses("2022年12月31日", 0, 2022, 12, 31);
	parses("20221231", 0, 2022, 12, 31);
}

static void
test_parse_separators(void **state)
{
	(void)state;
	refused("2022-7/5", 0);
	refused("2022/7-5", 0);
	refused("2022.7/5", 0);
	refused("2022-7.5", 0);
	refused("2022年7-5", 0);
	refused("2022-7月5日", 0);
	refused("2022年7月5", 0);		/* 日 is required */
	refused("2022年7月", 0);
	refused("2022-07-05日", 0);
	refused("2022--07-05", 0);
	refused("2022-07--05", 0);
	refused("2022 07 05", 0);
	refused("2022_07_05", 0);
	refused("2022-07", 0);
	refused("2022", 0);
}

static void
test_parse_garbage(void **state)
{
	(void)state;
	refused(NULL, 0);
	refused(NULL, DATE_EXCEL);
	refused("", 0);
	refused("   ", 0);
	refused("", DATE_EXCEL);
	refused("2022-07-05x", 0);
	refused("2022-07-05 x", 0);
	refused("x2022-07-05", 0);
	refused("2022-07-05.", 0);
	refused("+2022-07-05", 0);
	refused("-2022-07-05", 0);
	refused("2022-+7-05", 0);
	refused("2022-07--5", 0);
	refused("\t2022-07-05", 0);	/* only spaces are trimmed */
	refused("2022-07-05\n", 0);
	refused("2022 -07-05", 0);
	refused("22-07-05", 0);
	refused("02022-07-05", 0);
	refused("2022-007-05", 0);
	refused("2022-07-005", 0);
	refused("2022年007月05日", 0);
	refused("２０２２-07-05", 0);	/* fullwidth digits */
	refused("2022-07-05 2022-07-05", 0);
}

static void
test_parse_compact(void **state)
{
	(void)state;
	parses("19000101", 0, 1900, 1, 1);
	parses("99991231", 0, 9999, 12, 31);
	parses("20240229", 0, 2024, 2, 29);
	refused("20230229", 0);
	refused("20221301", 0);
	refused("20220700", 0);
	refused("18991231", 0);
	refused("2022075", 0);		/* 7 digits */
	refused("2022075", DATE_EXCEL);
	refused("202207051", 0);	/* 9 digits */
	refused("202207051", DATE_EXCEL);
	refused("05072022", 0);		/* DDMMYYYY is not a form */
	refused("07052022", 0);
	refused("+20220705", 0);
}

static void
test_parse_impossible(void **state)
{
	(void)state;
	refused("2022-02-30", 0);
	refused("2023-02-29", 0);
	refused("2022-13-01", 0);
	refused("2022-00-10", 0);
	refused("2022-01-00", 0);
	refused("2022-04-31", 0);
	refused("2022-01-32", 0);
	refused("1900-02-29", 0);	/* not a leap year */
	refused("2100-02-29", 0);
	refused("2022年2月30日", 0);
	refused("2022/13/1", 0);
	parses("2024-02-29", 0, 2024, 2, 29);
	parses("2000-02-29", 0, 2000, 2, 29);
	parses("2022-04-30", 0, 2022, 4, 30);
}

static void
test_parse_year_range(void **state)
{
	(void)state;
	refused("1899-12-31", 0);
	parses("1900-01-01", 0, 1900, 1, 1);
	parses("9999-12-31", 0, 9999, 12, 31);
	refused("10000-01-01", 0);
	refused("0000-01-01", 0);
	refused("0999-01-01", 0);
}

/* DATE_ANY_YEAR: a real date in a year before 1900, to be told apart from a
 * malformed one (r18: "outside the dates kept", not "invalid"). */
static void
test_parse_any_year(void **state)
{
	(void)state;
	parses("0001-01-01", DATE_ANY_YEAR, 1, 1, 1);
	parses("00010101", DATE_ANY_YEAR, 1, 1, 1);
	parses("1899-12-31", DATE_ANY_YEAR, 1899, 12, 31);
	parses("0000-02-29", DATE_ANY_YEAR, 0, 2, 29);
	parses("0004年2月29日", DATE_ANY_YEAR, 4, 2, 29);
	parses("9999-12-31", DATE_ANY_YEAR, 9999, 12, 31);
	refused("0001-02-29", DATE_ANY_YEAR);
	refused("1800-02-29", DATE_ANY_YEAR);
	refused("0001-13-01", DATE_ANY_YEAR);
	refused("0001-00-01", DATE_ANY_YEAR);
	refused("0001-01-00", DATE_ANY_YEAR);
	refused("10000-01-01", DATE_ANY_YEAR);
	refused("1-01-01", DATE_ANY_YEAR);
	refused("0001-01-01", 0);
}

/* 号, as the day is said (2023年3月1号), beside 日. */
static void
test_parse_hao(void **state)
{
	(void)state;
	parses("2023年3月1号", 0, 2023, 3, 1);
	parses("2023年12月31号", 0, 2023, 12, 31);
	parses(" 2023年3月1号 ", 0, 2023, 3, 1);
	refused("2023年2月30号", 0);
	refused("2023年3月1", 0);
	refused("2023年3月1号日", 0);
	refused("2023-3-1号", 0);
}

/* DATE_ANY_DAY: a day from 1 to 31 in any month, to tell 2023-02-30 (a
 * day February does not have) from a malformed date. */
static void
test_parse_any_day(void **state)
{
	(void)state;
	parses("2023-02-30", DATE_ANY_DAY, 2023, 2, 30);
	parses("2023-04-31", DATE_ANY_DAY, 2023, 4, 31);
	parses("2023年2月31号", DATE_ANY_DAY, 2023, 2, 31);
	parses("20230229", DATE_ANY_DAY, 2023, 2, 29);
	refused("2023-02-32", DATE_ANY_DAY);
	refused("2023-13-01", DATE_ANY_DAY);
	refused("2023-00-10", DATE_ANY_DAY);
	refused("2023-01-00", DATE_ANY_DAY);
	refused("2023-02-30", 0);
}

static void
test_parse_excel(void **state)
{
	(void)state;
	parses("44747", DATE_EXCEL, 2022, 7, 5);
	parses(" 44747 ", DATE_EXCEL, 2022, 7, 5);
	parses("45658", DATE_EXCEL, 2025, 1, 1);
	parses("1", DATE_EXCEL, 1900, 1, 1);
	parses("2", DATE_EXCEL, 1900, 1, 2);
	parses("31", DATE_EXCEL, 1900, 1, 31);
	parses("32", DATE_EXCEL, 1900, 2, 1);
	parses("59", DATE_EXCEL, 1900, 2, 28);
	refused("60", DATE_EXCEL);	/* Excel's 1900-02-29 */
	parses("61", DATE_EXCEL, 1900, 3, 1);
	parses("100000", DATE_EXCEL, 2173, 10, 14);
	parses("999999", DATE_EXCEL, 4637, 11, 25);
	refused("1000000", DATE_EXCEL);	/* more than 6 digits */
	refused("0", DATE_EXCEL);
	refused("044747", DATE_EXCEL);
	refused("-1", DATE_EXCEL);
	refused("+44747", DATE_EXCEL);
	refused("44747.0", DATE_EXCEL);
	refused("44747.5", DATE_EXCEL);
	refused("4.4747e4", DATE_EXCEL);
	refused("44 747", DATE_EXCEL);
	refused("44747x", DATE_EXCEL);
	refused("44747", 0);		/* only with DATE_EXCEL */
	refused("1", 0);
	refused("999999", 0);
}

static void
test_valid(void **state)
{
	(void)state;
	assert_int_equal(date_valid(2024, 2, 29), 1);
	assert_int_equal(date_valid(2023, 2, 29), 0);
	assert_int_equal(date_valid(2022, 2, 30), 0);
	assert_int_equal(date_valid(2022, 13, 1), 0);
	assert_int_equal(date_valid(2022, 0, 10), 0);
	assert_int_equal(date_valid(2022, 1, 0), 0);
	assert_int_equal(date_valid(2022, 12, 31), 1);
	assert_int_equal(date_valid(1899, 12, 31), 0);
	assert_int_equal(date_valid(1900, 1, 1), 1);
	assert_int_equal(date_valid(9999, 12, 31), 1);
	assert_int_equal(date_valid(10000, 1, 1), 0);
	assert_int_equal(date_valid(-2022, 1, 1), 0);
}

static void
test_days_in_month(void **state)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int	m;

	(void)state;
	for (m = 1; m <= 12; m++)
		assert_int_equal(date_days_in_month(2023, m), days[m - 1]);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	assert_int_equal(date_days_in_month(2022, 0), 0);
	assert_int_equal(date_days_in_month(2022, 13), 0);
}

/* Asserts that y-m-d plus n months is ey-em-ed. */
static void
adds(int y, int m, int d, int n, int ey, int em, int ed)
{
	struct date	a = { y, m, d }, r;

	r = date_add_months(a, n);
	if (r.y != ey || r.m != em || r.d != ed)
		fail_msg("%d-%d-%d %+d months gave %d-%d-%d, want %d-%d-%d",
		    y, m, d, n, r.y, r.m, r.d, ey, em, ed);
}

static void
test_add_months(void **state)
{
	(void)state;
	adds(2022, 11, 30, 3, 2023, 2, 28);
	adds(2024, 1, 31, 1, 2024, 2, 29);
	adds(2023, 1, 31, 1, 2023, 2, 28);
	adds(2023, 3, 31, -1, 2023, 2, 28);
	adds(2024, 3, 31, -1, 2024, 2, 29);
	adds(2022, 7, 5, 0, 2022, 7, 5);
	adds(2022, 1, 31, 3, 2022, 4, 30);
	adds(2022, 12, 15, 1, 2023, 1, 15);
	adds(2023, 1, 15, -1, 2022, 12, 15);
	adds(2022, 12, 31, 2, 2023, 2, 28);
	adds(2023, 1, 31, -2, 2022, 11, 30);
	adds(2022, 3, 31, -13, 2021, 2, 28);
	adds(2022, 1, 1, -12, 2021, 1, 1);
	adds(2022, 1, 1, -13, 2020, 12, 1);
	adds(2022, 1, 1, 12, 2023, 1, 1);
	adds(2022, 1, 1, 11, 2022, 12, 1);
	adds(2024, 2, 29, 12, 2025, 2, 28);
	adds(2024, 2, 29, 48, 2028, 2, 29);
	adds(2024, 2, 29, -12, 2023, 2, 28);
	adds(2022, 7, 5, 1200, 2122, 7, 5);
	adds(2022, 7, 5, -1200, 1922, 7, 5);
	adds(2022, 8, 31, 1, 2022, 9, 30);
}

/* r18: near 9999-12-31 a deadline can fall past the dates kept; the sum is
 * exact, and date_valid tells the caller to refuse it. */
static void
test_add_months_limits(void **state)
{
	static const struct { struct date a; int n; struct date want;
	    int valid; } cases[] = {
		{ { 9999, 12, 31 }, 1, { 10000, 1, 31 }, 0 },
		{ { 9999, 12, 15 }, 1, { 10000, 1, 15 }, 0 },
		{ { 9999, 12, 20 }, 3, { 10000, 3, 20 }, 0 },
		{ { 9999, 10, 31 }, 2, { 9999, 12, 31 }, 1 },
		{ { 9999, 9, 30 }, 3, { 9999, 12, 30 }, 1 },
		{ { 9999, 11, 30 }, 1, { 9999, 12, 30 }, 1 },
		{ { 9999, 1, 31 }, 1, { 9999, 2, 28 }, 1 },
		{ { 1900, 1, 31 }, 1, { 1900, 2, 28 }, 1 },
		{ { 2000, 1, 31 }, 1, { 2000, 2, 29 }, 1 },
		{ { 2100, 1, 31 }, 1, { 2100, 2, 28 }, 1 },
		{ { 1900, 1, 1 }, -1, { 1899, 12, 1 }, 0 },
		{ { 1, 1, 31 }, 1, { 1, 2, 28 }, 0 },
	};
	size_t i;
	struct date r;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		r = date_add_months(cases[i].a, cases[i].n);
		assert_int_equal(date_cmp(r, cases[i].want), 0);
		assert_int_equal(date_valid(r.y, r.m, r.d), cases[i].valid);
	}
}

static void
test_days_known(void **state)
{
	struct date	epoch = { 1970, 1, 1 }, before = { 1969, 12, 31 };
	struct date	a = { 2022, 7, 5 }, b = { 1900, 1, 1 };
	struct date	c = { 9999, 12, 31 }, leap = { 2000, 2, 29 };
	struct date	mar = { 2000, 3, 1 }, r;

	(void)state;
	assert_int_equal(date_to_days(epoch), 0);
	assert_int_equal(date_to_days(before), -1);
	assert_int_equal(date_to_days(a), 19178);
	assert_int_equal(date_to_days(b), -25567);
	assert_int_equal(date_to_days(c), 2932896);
	assert_int_equal(date_to_days(leap), 11016);
	assert_int_equal(date_to_days(mar), 11017);
	r = date_from_days(19178);
	assert_int_equal(date_cmp(r, a), 0);
	r = date_from_days(-1);
	assert_int_equal(date_cmp(r, before), 0);
	r = date_from_days(11016);
	assert_int_equal(date_cmp(r, leap), 0);
}

/*
 * Walks the calendar a day at a time from 1900-01-01 to 9999-12-31, using
 * only date_days_in_month, and checks both directions against a counter.
 */
static void
test_days_round_trip(void **state)
{
	struct date	a = { 1900, 1, 1 }, r;
	long		n = -25567;

	(void)state;
	for (;;) {
		if (date_to_days(a) != n)
			fail_msg("%d-%d-%d to %ld", a.y, a.m, a.d,
			    date_to_days(a));
		r = date_from_days(n);
		if (date_cmp(r, a) != 0)
			fail_msg("%ld to %d-%d-%d", n, r.y, r.m, r.d);
		if (a.y == 9999 && a.m == 12 && a.d == 31)
			break;
		n++;
		if (++a.d > date_days_in_month(a.y, a.m)) {
			a.d = 1;
			if (++a.m > 12) {
				a.m = 1;
				a.y++;
			}
		}
	}
	assert_int_equal(n, 2932896);
}

static void
test_cmp(void **state)
{
	struct date	a = { 2022, 7, 5 }, b = { 2022, 7, 6 };
	struct date	c = { 2022, 8, 1 }, d = { 2023, 1, 1 };
	struct date	e = { 2022, 7, 5 };

	(void)state;
	assert_true(date_cmp(a, b) < 0);
	assert_true(date_cmp(b, a) > 0);
	assert_true(date_cmp(b, c) < 0);
	assert_true(date_cmp(c, d) < 0);
	assert_true(date_cmp(d, a) > 0);
	assert_int_equal(date_cmp(a, e), 0);
}

static void
test_format(void **state)
{
	struct date	a = { 2022, 7, 5 }, b = { 1900, 1, 1 };
	struct date	c = { 9999, 12, 31 };
	char		iso[11], zh[32];

	(void)state;
	assert_string_equal(date_iso(a, iso), "2022-07-05");
	assert_string_equal(date_iso(b, iso), "1900-01-01");
	assert_string_equal(date_iso(c, iso), "9999-12-31");
	assert_string_equal(date_iso((struct date){ 10, 1, 2 }, iso), "0010-01-02");
	assert_string_equal(date_iso((struct date){ 1, 1, 1 }, iso), "0001-01-01");
	assert_string_equal(date_iso((struct date){ 9999, 2, 28 }, iso),
	    "9999-02-28");
	assert_ptr_equal(date_iso(a, iso), iso);
	assert_string_equal(date_zh(a, zh), "2022年7月5日");
	assert_string_equal(date_zh(c, zh), "9999年12月31日");
	assert_ptr_equal(date_zh(a, zh), zh);
}

/* r18: a date that does not fit "YYYY-MM-DD" is never written cut short
 * ("10000-01-1"): date_iso stops the program instead. */
static void
test_format_out_of_range(void **state)
{
	static const struct date bad[] = {
		{ 10000, 1, 15 }, { -1, 1, 1 }, { 2022, 13, 1 }, { 2022, 0, 1 },
		{ 2022, 1, 0 }, { 2022, 1, 32 },
	};
	char iso[11];
	size_t i;
	pid_t pid;
	int status;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		fflush(NULL);
		if ((pid = fork()) == 0) {
			/* The bug message is expected here, not shown. */
			if (freopen("/dev/null", "w", stderr) == NULL)
				_exit(2);
			date_iso(bad[i], iso);
			_exit(0);
		}
		assert_true(pid > 0);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status));
		assert_int_equal(WTERMSIG(status), SIGABRT);
	}
}

/* Asserts that month_parse(s) gives y-m. */
static void
month_parses(const char *s, int y, int m)
{
	int	yy = 0, mm = 0;

	if (month_parse(s, &yy, &mm) != 0)
		fail_msg("month \"%s\" was refused", s);
	if (yy != y || mm != m)
		fail_msg("month \"%s\" gave %d-%d", s, yy, mm);
}

static void
month_refused(const char *s)
{
	int	y, m;

	if (month_parse(s, &y, &m) != -1)
		fail_msg("month \"%s\" was accepted", s ? s : "(null)");
}

static void
test_month_parse(void **state)
{
	(void)state;
	month_parses("2022-07", 2022, 7);
	month_parses("2022-7", 2022, 7);
	month_parses("2022/7", 2022, 7);
	month_parses("2022/07", 2022, 7);
	month_parses("2022年7月", 2022, 7);
	month_parses("2022年07月", 2022, 7);
	month_parses("2022-12", 2022, 12);
	month_parses(" 2022-07 ", 2022, 7);
	month_parses("1900-01", 1900, 1);
	month_parses("9999-12", 9999, 12);
	month_refused(NULL);
	month_refused("");
	month_refused("  ");
	month_refused("2022-13");
	month_refused("2022-0");
	month_refused("2022-00");
	month_refused("2022-007");
	month_refused("2022年7");
	month_refused("2022-7月");
	month_refused("2022.7");
	month_refused("2022-7-5");
	month_refused("2022年7月5日");
	month_refused("202207");
	month_refused("2022-7x");
	month_refused("2022-");
	month_refused("2022");
	month_refused("1899-12");
	month_refused("22-07");
	month_refused("+2022-07");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_parse_separators),
		cmocka_unit_test(test_parse_garbage),
		cmocka_unit_test(test_parse_compact),
		cmocka_unit_test(test_parse_impossible),
		cmocka_unit_test(test_parse_year_range),
		cmocka_unit_test(test_parse_any_year),
		cmocka_unit_test(test_parse_excel),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_add_months_limits),
		cmocka_unit_test(test_days_known),
		cmocka_unit_test(test_days_round_trip),
		cmocka_unit_test(test_cmp),
		cmocka_unit_test(test_parse_hao),
		cmocka_unit_test(test_parse_any_day),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_out_of_range),
		cmocka_unit_test(test_month_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
