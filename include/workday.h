/*
 * workday.h — working days on China's calendar (workday.c): Monday to
 * Friday, but for the public holidays that the State Council's notice of
 * each year sets, and with the weekend days it makes working days (调休上班).
 * The statute's deadlines of days are working days (上海市代表建议规定
 * Art. 11, 14: within 7 working days; LAW.md). Pure functions, no I/O.
 */
#ifndef JIANYI_WORKDAY_H
#define JIANYI_WORKDAY_H

#include <stddef.h>

#include "date.h"

/* A day that the notices set apart from the week's rule, in the order of
 * vocab_day_kind. */
enum cal_kind { CAL_HOLIDAY, CAL_WORKDAY };
struct cal_day {
	long          day;  /* date_to_days */
	enum cal_kind kind;
};

/* The days set apart, sorted by day, each once. */
struct calendar {
	const struct cal_day *v;
	size_t                n;
};

/* 1 if d is a working day. */
int cal_is_workday(const struct calendar *, struct date d);
/* The date n working days after from (n >= 0; 0 is from itself): the
 * last day by which something due "within n working days" is on time. */
struct date cal_add_workdays(const struct calendar *, struct date from,
    int n);
/* 0 for Monday to 6 for Sunday. */
int cal_weekday(struct date d);
/* Parses a kind, "holiday" or "workday" (放假, 调休上班 too: the words of
 * vocab_day_kind); -1 if not. */
int cal_kind_parse(const char *s);

#endif
