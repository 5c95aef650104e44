/*
 * date.h — calendar dates: parsing the forms a secretary types or Excel writes,
 * month arithmetic for deadlines, and formatting. Pure functions, no I/O.
 */
#ifndef JIANYI_DATE_H
#define JIANYI_DATE_H

struct date {
	int y, m, d;
};

/* Flags for date_parse. */
#define DATE_EXCEL 0x1 /* also accept Excel serial day numbers (44747) */
/* Any year 0000..9999: only to tell a date outside the range kept from a
 * malformed one. */
#define DATE_ANY_YEAR 0x2
/* Any year, and any day from 1 to 31 in any month: only to tell a day the
 * month does not have (2023-02-30) from a malformed date. */
#define DATE_ANY_DAY 0x4

/*
 * Parses s in any accepted form: 2022-07-05, 2022-7-5, 2022/7/5, 2022.7.5,
 * 2022年7月5日 (or 5号), 20220705, and with DATE_EXCEL an Excel serial day number
 * (1900 date system, 44747 is 2022-07-05). Leading and trailing ASCII spaces
 * are ignored. Returns 0 and fills *out, or -1 for a malformed or impossible
 * date (2022-02-30), or a year outside 1900..9999 (without DATE_ANY_YEAR).
 */
int date_parse(const char *s, int flags, struct date *out);

int date_valid(int y, int m, int d);
int date_days_in_month(int y, int m);

/* Adds n calendar months (n may be negative), clamping to the month's end:
 * 2022-11-30 + 3 = 2023-02-28. The result may be past 9999-12-31: check it
 * with date_valid. */
struct date date_add_months(struct date a, int n);

/* Days since 1970-01-01 (negative before), and back. */
long date_to_days(struct date a);
struct date date_from_days(long days);

/* <0, 0, >0 like strcmp. */
int date_cmp(struct date a, struct date b);

/* The dates kept: 1900-01-01 to 9999-12-31. A computed date (a deadline)
 * outside them is refused by its caller, with date_valid. */
#define DATE_FIRST "1900-01-01"
#define DATE_LAST  "9999-12-31"

/* Writes "YYYY-MM-DD" into buf (at least 11 bytes); returns buf. a must be
 * a real date with a year from 0 to 9999: anything else is a bug, and
 * aborts rather than write a cut or misleading date. */
char *date_iso(struct date a, char *buf);

/* Writes "2022年7月5日" into buf (at least 32 bytes); returns buf. */
char *date_zh(struct date a, char *buf);

/*
 * Parses a month "YYYY-MM" (also 2022-7, 2022/7, 2022年7月); returns 0 and
 * fills *y, *m, or -1.
 */
int month_parse(const char *s, int *y, int *m);

/* A period of days, as ISO dates; NULL for an open end. */
struct period {
	const char *from, *to;
};

#endif
