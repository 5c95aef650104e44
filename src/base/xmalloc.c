/*
 * xmalloc.c — the one door for memory: each function allocates or, when
 * the machine is out of memory, says so in one line and exits 3 (a
 * failure, not a refusal: SPEC's 1 is for bad input). Nothing is
 * committed by then: SQLite rolls an open transaction back, and a file
 * being written stays under its temporary name.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "status.h"

void
xnomem(void)
{
	/* No allocation here: stderr is unbuffered, and the message is
	 * looked up in a catalog already loaded. */
	fprintf(stderr, "%s: %s\n", program_invocation_short_name,
	    _("out of memory"));
	exit(CMD_FAIL);
}

void *
xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		xnomem();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		xnomem();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > (size_t)-1 / size)
		xnomem();
	if ((p = realloc(p, n * size == 0 ? 1 : n * size)) == NULL)
		xnomem();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	return xreallocarray(p, n, 1);
}

char *
xstrdup(const char *s)
{
	char *p;

	if ((p = strdup(s)) == NULL)
		xnomem();
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	if ((p = strndup(s, n)) == NULL)
		xnomem();
	return p;
}

int
xvasprintf(char **out, const char *fmt, va_list ap)
{
	int n;

	if ((n = vasprintf(out, fmt, ap)) == -1)
		xnomem();
	return n;
}

int
xasprintf(char **out, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = xvasprintf(out, fmt, ap);
	va_end(ap);
	return n;
}
