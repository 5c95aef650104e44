/*
 * fuzz_date.c — libFuzzer harness for the date parser (src/base/date.c):
 * date_parse with and without DATE_EXCEL, and month_parse. Beyond the
 * sanitizers it checks what a parsed date must satisfy: it is valid, it
 * prints as ISO and parses back to itself, its day number round-trips, and
 * month arithmetic stays on valid dates.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

#define CHECK(c) do { if (!(c)) { \
	fprintf(stderr, "fuzz_date: check failed: %s (line %d)\n", #c, \
	    __LINE__); abort(); } } while (0)

static void
check_date(struct date d)
{
	struct date e;
	char iso[11], zh[32];
	int n;

	CHECK(date_valid(d.y, d.m, d.d));
	CHECK(date_parse(date_iso(d, iso), 0, &e) == 0);
	CHECK(date_cmp(d, e) == 0);
	CHECK(date_parse(date_zh(d, zh), 0, &e) == 0);
	CHECK(date_cmp(d, e) == 0);
	e = date_from_days(date_to_days(d));
	CHECK(date_cmp(d, e) == 0);
	for (n = -25; n <= 25; n += 5) {
		e = date_add_months(d, n);
		CHECK(e.d >= 1 && e.d <= date_days_in_month(e.y, e.m));
		CHECK(e.d <= d.d);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct date d;
	char *s;
	int y, m;

	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse(s, 0, &d) == 0)
		check_date(d);
	if (date_parse(s, DATE_EXCEL, &d) == 0)
		check_date(d);
	if (month_parse(s, &y, &m) == 0)
		CHECK(y >= 1900 && y <= 9999 && m >= 1 && m <= 12);
	free(s);
	return 0;
}
