/*
 * rate.h — rate arithmetic from exact integers: a percentage with one decimal,
 * rounded half up, and null when the denominator is zero. Pure.
 */
#ifndef JIANYI_RATE_H
#define JIANYI_RATE_H

struct rate {
	long num, den;
};

/* Percentage in tenths (2/3 -> 667, 1/8 -> 125, 1/16 -> 63), or -1 if the
 * denominator is 0. */
long rate_tenths(struct rate r);

/* Writes "66.7" (or "100.0", or "-" when den is 0) into buf of at least
 * 16 bytes; returns buf. */
char *rate_str(struct rate r, char *buf);

#endif
