/*
 * date.c — calendar dates: parsing typed and Excel forms, validity, month
 * arithmetic, day numbers and formatting. Proleptic Gregorian calendar.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

#define YEAR_MIN	1900
#define YEAR_MAX	9999

/* The longest accepted form, "9999年12月31日", is 17 bytes. */
#define DATE_MAXLEN	31

static const char zh_year[] = "年";
static const char zh_month[] = "月";
static const char zh_day[] = "日";
static const char zh_day_spoken[] = "号"; /* 3月1号, as it is said */

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m of year y for any year, or 0 if m is not 1..12. */
int
date_days_in_month(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && is_leap(y))
		return 29;
	return days[m - 1];
}

/* 1 if y-m-d is a real date with the year in 1900..9999, else 0. */
int
date_valid(int y, int m, int d)
{
	if (y < YEAR_MIN || y > YEAR_MAX)
		return 0;
	if (m < 1 || m > 12)
		return 0;
	return d >= 1 && d <= date_days_in_month(y, m);
}

/*
 * Reads between min and max ASCII digits at p into *val (always set).
 * Returns the position after them, or NULL if there are fewer than min; a
 * following digit is left for the caller to refuse.
 */
static const char *
scan_digits(const char *p, int min, int max, int *val)
{
	int	n = 0, v = 0;

	while (n < max && p[n] >= '0' && p[n] <= '9') {
		v = v * 10 + (p[n] - '0');
		n++;
	}
	*val = v;
	if (n < min)
		return NULL;
	return p + n;
}

/* If p starts with word, returns the position after it, else NULL. */
static const char *
scan_word(const char *p, const char *word)
{
	size_t	len = strlen(word);

	if (strncmp(p, word, len) != 0)
		return NULL;
	return p + len;
}

/*
 * Copies s without leading and trailing ASCII spaces into buf (size
 * DATE_MAXLEN + 1). Returns -1 if s is NULL, blank, or too long to be a date.
 */
static int
trim_copy(const char *s, char *buf)
{
	size_t	len;

	if (s == NULL)
		return -1;
	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len == 0 || len > DATE_MAXLEN)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return 0;
}

static int
all_digits(const char *p)
{
	for (; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return 0;
	}
	return 1;
}

static int
set_date(int y, int m, int d, int flags, struct date *out)
{
	if (flags & DATE_ANY_DAY) {
		if (m < 1 || m > 12 || d < 1 || d > 31)
			return -1;
	} else if ((flags & DATE_ANY_YEAR) ? d < 1 ||
	    d > date_days_in_month(y, m) : !date_valid(y, m, d))
		return -1;
	out->y = y;
	out->m = m;
	out->d = d;
	return 0;
}

/*
 * An Excel serial in the 1900 date system. Excel counts a 1900-02-29 that
 * never existed as day 60, so days after it are one off from days before.
 */
static int
parse_excel(const char *p, struct date *out)
{
	static const struct date epoch_early = { 1899, 12, 31 };
	static const struct date epoch_late = { 1899, 12, 30 };
	struct date	d;
	long		serial = 0;

	if (*p == '0' || strlen(p) > 6)
		return -1;
	for (; *p != '\0'; p++)
		serial = serial * 10 + (*p - '0');
	if (serial == 60)
		return -1;
	if (serial < 60)
		d = date_from_days(date_to_days(epoch_early) + serial);
	else
		d = date_from_days(date_to_days(epoch_late) + serial);
	return set_date(d.y, d.m, d.d, 0, out);
}

/* YYYYMMDD; p is known to be 8 digits. */
static int
parse_compact(const char *p, int flags, struct date *out)
{
	int	y, m, d;

	scan_digits(p, 4, 4, &y);
	scan_digits(p + 4, 2, 2, &m);
	scan_digits(p + 6, 2, 2, &d);
	return set_date(y, m, d, flags, out);
}

/* YYYY-M-D with one separator from "-/." used twice, or YYYY年M月D日
 * (or D号). */
static int
parse_fields(const char *p, int flags, struct date *out)
{
	const char	*sep;
	int		 y, m, d;

	if ((p = scan_digits(p, 4, 4, &y)) == NULL)
		return -1;
	if (*p == '-' || *p == '/' || *p == '.') {
		sep = p++;
		if ((p = scan_digits(p, 1, 2, &m)) == NULL || *p++ != *sep)
			return -1;
		if ((p = scan_digits(p, 1, 2, &d)) == NULL)
			return -1;
	} else {
		if ((p = scan_word(p, zh_year)) == NULL ||
		    (p = scan_digits(p, 1, 2, &m)) == NULL ||
		    (p = scan_word(p, zh_month)) == NULL ||
		    (p = scan_digits(p, 1, 2, &d)) == NULL)
			return -1;
		if ((sep = scan_word(p, zh_day)) == NULL &&
		    (sep = scan_word(p, zh_day_spoken)) == NULL)
			return -1;
		p = sep;
	}
	if (*p != '\0')
		return -1;
	return set_date(y, m, d, flags, out);
}

int
date_parse(const char *s, int flags, struct date *out)
{
	char	buf[DATE_MAXLEN + 1];

	if (trim_copy(s, buf) == -1)
		return -1;
	if (all_digits(buf)) {
		if (strlen(buf) == 8)
			return parse_compact(buf, flags, out);
		if (flags & DATE_EXCEL)
			return parse_excel(buf, out);
		return -1;
	}
	return parse_fields(buf, flags, out);
}

/* Months are counted from year 0 so that floor division handles n < 0. */
struct date
date_add_months(struct date a, int n)
{
	struct date	r;
	long long	t, y;
	int		dim;

	t = (long long)a.y * 12 + (a.m - 1) + n;
	y = t >= 0 ? t / 12 : -((-t + 11) / 12);
	r.y = (int)y;
	r.m = (int)(t - y * 12) + 1;
	dim = date_days_in_month(r.y, r.m);
	r.d = a.d > dim ? dim : a.d;
	return r;
}

/*
 * Day numbers follow Howard Hinnant's civil calendar algorithms. The year is
 * counted from March, so the leap day falls at the end of it, and years are
 * grouped into 400-year eras of 146097 days each.
 */
long
date_to_days(struct date a)
{
	long	y, era, yoe, doy, doe;

	y = a.y - (a.m <= 2);
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;				/* 0..399 */
	doy = (153 * (a.m > 2 ? a.m - 3 : a.m + 9) + 2) / 5 + a.d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* 0..146096 */
	return era * 146097 + doe - 719468;		/* 719468: 0000-03-01 */
}

struct date
date_from_days(long days)
{
	struct date	r;
	long		z, era, doe, yoe, doy, mp;

	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;			/* 0 is March */
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

int
date_cmp(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

/* A date outside 0000..9999 would not fit: that is a bug in the caller,
 * which checks a computed date with date_valid first. */
char *
date_iso(struct date a, char *buf)
{
	if (a.y < 0 || a.y > YEAR_MAX || a.m < 1 || a.m > 12 || a.d < 1 ||
	    a.d > 31) {
		fprintf(stderr, "jianyi: bug: date %d-%d-%d is out of range\n",
		    a.y, a.m, a.d);
		abort();
	}
	/* By hand: an import formats several dates a row, and snprintf was
	 * 6% of its time. */
	buf[0] = '0' + a.y / 1000;
	buf[1] = '0' + a.y / 100 % 10;
	buf[2] = '0' + a.y / 10 % 10;
	buf[3] = '0' + a.y % 10;
	buf[4] = '-';
	buf[5] = '0' + a.m / 10;
	buf[6] = '0' + a.m % 10;
	buf[7] = '-';
	buf[8] = '0' + a.d / 10;
	buf[9] = '0' + a.d % 10;
	buf[10] = '\0';
	return buf;
}

char *
date_zh(struct date a, char *buf)
{
	snprintf(buf, 32, "%d年%d月%d日", a.y, a.m, a.d);
	return buf;
}

/* YYYY-M or YYYY/M (M one or two digits), or YYYY年M月. */
int
month_parse(const char *s, int *y, int *m)
{
	char		 buf[DATE_MAXLEN + 1];
	const char	*p = buf;
	int		 yy, mm;

	if (trim_copy(s, buf) == -1)
		return -1;
	if ((p = scan_digits(p, 4, 4, &yy)) == NULL)
		return -1;
	if (*p == '-' || *p == '/') {
		if ((p = scan_digits(p + 1, 1, 2, &mm)) == NULL)
			return -1;
	} else {
		if ((p = scan_word(p, zh_year)) == NULL ||
		    (p = scan_digits(p, 1, 2, &mm)) == NULL ||
		    (p = scan_word(p, zh_month)) == NULL)
			return -1;
	}
	if (*p != '\0' || yy < YEAR_MIN || yy > YEAR_MAX || mm < 1 || mm > 12)
		return -1;
	*y = yy;
	*m = mm;
	return 0;
}
