/*
 * workday.c — working days: the week's rule, and the days that the
 * calendar sets apart from it (workday.h).
 */
#include "vocab.h"
#include "workday.h"

/* The kind that the calendar gives the day, or -1: the week's rule. */
static int
set_apart(const struct calendar *c, long day)
{
	size_t lo = 0, hi = c != NULL ? c->n : 0, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->v[mid].day == day)
			return (int)c->v[mid].kind;
		if (c->v[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* 1970-01-01 was a Thursday: 0 is Monday, 6 is Sunday. */
static int
weekday(long day)
{
	long w = (day + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

static int
workday(const struct calendar *c, long day)
{
	int k = set_apart(c, day);

	if (k != -1)
		return k == CAL_WORKDAY;
	return weekday(day) < 5;
}

int
cal_is_workday(const struct calendar *c, struct date d)
{
	return workday(c, date_to_days(d));
}

struct date
cal_add_workdays(const struct calendar *c, struct date from, int n)
{
	long day = date_to_days(from);

	while (n > 0)
		if (workday(c, ++day))
			n--;
	return date_from_days(day);
}

int
cal_weekday(struct date d)
{
	return weekday(date_to_days(d));
}

int
cal_kind_parse(const char *s)
{
	return vocab_find(vocab_day_kind, s);
}
