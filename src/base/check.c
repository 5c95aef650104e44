/*
 * check.c — checks of the values a user gives, on the command line or in a
 * CSV cell: counts, texts (UTF-8, control characters, limits that refuse
 * and never truncate) and phone numbers. Each prints one line (refuse)
 * and returns -1. Below the domain, which checks imported cells with them.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "msg.h"
#include "text.h"

int
arg_count(const char *opt, const char *s, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno == ERANGE ||
	    v > INT_MAX) {
		warnx(_("invalid %s '%s' (use a whole number from 0 to %d)"),
		    opt, s, INT_MAX);
		return -1;
	}
	*out = v;
	return 0;
}

int
arg_text(const char *what, const char *s, int flags, int max)
{
	const unsigned char *p;
	int n = 0;

	if (s == NULL || s[strspn(s, " \t")] == '\0') {
		if (flags & TEXT_REQUIRED) {
			warnx(_("%s must not be empty"), what);
			return -1;
		}
		return 0;
	}
	if (!utf8_valid(s, strlen(s))) {
		warnx(_("%s is not valid UTF-8"), what);
		return -1;
	}
	if (text_has_control(s, flags & TEXT_MULTILINE)) {
		warnx(_("%s has a control character"), what);
		return -1;
	}
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if ((*p & 0xc0) != 0x80)
			n++;
	if (n > max) {
		warnx(_("%s is too long (%d characters; at most %d)"), what, n,
		    max);
		return -1;
	}
	return 0;
}

int
arg_phone_ok(const char *s)
{
	const char *p;
	int digits = 0;

	for (p = s; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (strchr("+- ()", *p) == NULL)
			return 0;
	}
	return digits >= 3 && p - s <= 30;
}

int
arg_phone(const char *s)
{
	if (s == NULL || *s == '\0' || arg_phone_ok(s))
		return 0;
	refuse(_("invalid phone number '%s'"), s);
	return -1;
}
