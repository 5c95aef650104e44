/*
 * rate.c — percentages from exact integer counts, in tenths of a percent,
 * rounded half up; never through floating point.
 */
#include <limits.h>
#include <stdio.h>

#include "rate.h"

#define RATE_STR_MAX	100000000000000LL	/* 10^14 tenths: 15 chars */

/*
 * Moves one decimal place into the long division rem / den: returns the next
 * digit and leaves the new remainder in *rem. Needs *rem < den <= LONG_MAX;
 * adds instead of multiplying so that rem * 10 is never formed.
 */
static unsigned long long
next_digit(unsigned long long *rem, unsigned long long den)
{
	unsigned long long	acc = 0, digit = 0;
	int			i;

	for (i = 0; i < 10; i++) {
		acc += *rem;		/* both < den, so no wrap */
		if (acc >= den) {
			acc -= den;
			digit++;
		}
	}
	*rem = acc;
	return digit;
}

/*
 * Rounds num * 1000 / den half up, the same as (num * 2000 + den) / (2 * den)
 * but computed as whole part plus three digits of long division, so nothing
 * overflows for any long num and den. Returns -1 if den is 0, if either is
 * negative (counts never are), or if the result does not fit in a long.
 */
long
rate_tenths(struct rate r)
{
	unsigned long long	num, den, rem, t;
	int			i;

	if (r.den <= 0 || r.num < 0)
		return -1;
	num = (unsigned long long)r.num;
	den = (unsigned long long)r.den;
	t = num / den;
	rem = num % den;
	if (t > (unsigned long long)(LONG_MAX - 1000) / 1000)
		return -1;
	for (i = 0; i < 3; i++)
		t = t * 10 + next_digit(&rem, den);
	if (rem * 2 >= den)	/* rem < 2^63 */
		t++;
	return (long)t;
}

/*
 * Also "-" for a rate too large for 16 bytes (10^13 % or more), which only
 * absurd counts could give.
 */
char *
rate_str(struct rate r, char *buf)
{
	long	t = rate_tenths(r);

	if (t < 0 || t >= RATE_STR_MAX)
		snprintf(buf, 16, "-");
	else
		snprintf(buf, 16, "%ld.%ld", t / 10, t % 10);
	return buf;
}
