/*
 * test_workday.c — working days on the State Council's calendar: the
 * make-up days (调休上班) of the 2023 to 2025 holiday weeks, a deadline that
 * crosses one, and the week's rule where no notice speaks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "workday.h"

#define H CAL_HOLIDAY
#define W CAL_WORKDAY

static struct date
d(const char *s)
{
	struct date x;

	assert_int_equal(date_parse(s, 0, &x), 0);
	return x;
}

static long
n(const char *s)
{
	return date_to_days(d(s));
}

/* Parts of the notices for 2023 (国办发明电〔2022〕16号), 2024 and 2025. */
static struct cal_day days[16];
static struct calendar cal = { days, 0 };

static void
add(const char *s, enum cal_kind k)
{
	days[cal.n].day = n(s);
	days[cal.n++].kind = k;
}

static int
setup(void **state)
{
	(void)state;
	/* 2023 劳动节: 4/29 to 5/3 off; Sunday 4/23 and Saturday 5/6 worked. */
	add("2023-04-23", W);
	add("2023-04-29", H);
	add("2023-04-30", H);
	add("2023-05-01", H);
	add("2023-05-02", H);
	add("2023-05-03", H);
	add("2023-05-06", W);
	/* 2024 春节: 2/10 to 2/17 off; Sundays 2/4 and 2/18 worked. */
	add("2024-02-04", W);
	add("2024-02-12", H);
	add("2024-02-13", H);
	add("2024-02-14", H);
	add("2024-02-15", H);
	add("2024-02-16", H);
	add("2024-02-18", W);
	/* 2025 国庆节: 10/1 to 10/8 off; Saturday 10/11 worked. */
	add("2025-10-08", H);
	add("2025-10-11", W);
	return 0;
}

static void
is(const char *from, int k, const char *want)
{
	char buf[11];

	assert_string_equal(date_iso(cal_add_workdays(&cal, d(from), k), buf),
	    want);
}

static void
test_labour_day_2023(void **state)
{
	(void)state;
	assert_true(cal_is_workday(&cal, d("2023-04-23")));	/* a Sunday */
	assert_false(cal_is_workday(&cal, d("2023-05-02")));	/* a Tuesday */
	assert_true(cal_is_workday(&cal, d("2023-05-06")));	/* a Saturday */
	assert_false(cal_is_workday(&cal, d("2023-05-07")));	/* Sunday */
	/* Received on Thursday 4/27: 7 working days are 4/28, 5/4, 5/5,
	 * 5/6, 5/8, 5/9 and 5/10. */
	is("2023-04-27", 7, "2023-05-10");
	/* From the Friday before the holiday, the first working day. */
	is("2023-04-28", 1, "2023-05-04");
	/* The make-up Sunday counts: from Saturday 4/22, 1 is 4/23. */
	is("2023-04-22", 1, "2023-04-23");
	/* 0 is the day itself, a holiday or not. */
	is("2023-05-01", 0, "2023-05-01");
}

static void
test_spring_festival_2024(void **state)
{
	(void)state;
	/* Friday 2/2: 2/4 (Sunday, worked), 2/5 .. 2/9, 2/18, 2/19. */
	is("2024-02-02", 7, "2024-02-18");
	is("2024-02-02", 8, "2024-02-19");
	assert_false(cal_is_workday(&cal, d("2024-02-10")));	/* Saturday */
	assert_false(cal_is_workday(&cal, d("2024-02-16")));	/* Friday */
}

static void
test_national_day_2025(void **state)
{
	(void)state;
	/* The calendar holds 10/8 only: 10/1 to 10/7 are not listed here, so
	 * the week's rule makes them working days in this test's calendar. */
	is("2025-10-07", 1, "2025-10-09");
	is("2025-10-10", 1, "2025-10-11");
}

static void
test_week_rule(void **state)
{
	struct calendar none = { NULL, 0 };
	char buf[11];

	(void)state;
	/* No calendar: Monday to Friday; over a month's and a year's end. */
	assert_string_equal(date_iso(cal_add_workdays(&none, d("2022-12-30"),
	    1), buf), "2023-01-02");
	assert_string_equal(date_iso(cal_add_workdays(&none, d("2024-02-28"),
	    2), buf), "2024-03-01");
	assert_string_equal(date_iso(cal_add_workdays(&none, d("2023-03-31"),
	    5), buf), "2023-04-07");
	assert_true(cal_is_workday(NULL, d("2023-03-31")));	/* Friday */
	assert_false(cal_is_workday(NULL, d("2023-04-01")));	/* Saturday */
	assert_false(cal_is_workday(NULL, d("1970-01-04")));	/* Sunday */
	assert_true(cal_is_workday(NULL, d("1969-12-31")));	/* Wednesday */
}

static void
test_kind(void **state)
{
	(void)state;
	assert_int_equal(cal_kind_parse("holiday"), CAL_HOLIDAY);
	assert_int_equal(cal_kind_parse("Holiday"), CAL_HOLIDAY);
	assert_int_equal(cal_kind_parse("放假"), CAL_HOLIDAY);
	assert_int_equal(cal_kind_parse("调休上班"), CAL_WORKDAY);
	assert_int_equal(cal_kind_parse("workday"), CAL_WORKDAY);
	assert_int_equal(cal_kind_parse("上班"), -1);
	assert_int_equal(cal_kind_parse(""), -1);
	assert_int_equal(cal_weekday(d("2023-04-23")), 6);	/* Sunday */
	assert_int_equal(cal_weekday(d("2023-05-06")), 5);	/* Saturday */
	assert_int_equal(cal_weekday(d("2023-05-08")), 0);	/* Monday */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labour_day_2023),
		cmocka_unit_test(test_spring_festival_2024),
		cmocka_unit_test(test_national_day_2025),
		cmocka_unit_test(test_week_rule),
		cmocka_unit_test(test_kind),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
