/*
 * msg.c — the one door for messages: warn, warnx, err, errx and refuse,
 * with the place (FILE:LINE) that an import sets; see msg.h.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "text.h"
#include "xmalloc.h"

static char *where;

void
msg_where(const char *s)
{
	free(where);
	where = NULL;
	if (s != NULL && *s != '\0' && (where = strdup(s)) == NULL)
		xnomem();
}

void
msg_wheref(const char *fmt, ...)
{
	va_list ap;

	free(where);
	va_start(ap, fmt);
	xvasprintf(&where, fmt, ap);
	va_end(ap);
}

/*
 * Every message goes through here: jianyi.h maps warn, warnx, err and errx
 * onto msg_warn and the others. The message, user values and all, is
 * formatted first and then escaped as a whole (text_escape), so that no
 * control character but the final newline reaches the terminal.
 */
static void
msg_print(int errnum, const char *fmt, va_list ap)
{
	char *msg = NULL, *shown = NULL;

	/* The system's "Cannot allocate memory" is the one line for that,
	 * and exit 3 whatever the caller would return (1 would say
	 * "refused"); so is a message that cannot be made. */
	if (errnum == ENOMEM)
		xnomem();
	if (fmt != NULL) {
		xvasprintf(&msg, fmt, ap);
		shown = text_escape(msg, 0);
	}
	/* err(N, NULL) prints the system's words and nothing else. */
	fprintf(stderr, "%s: ", program_invocation_short_name);
	if (shown != NULL)
		fputs(shown, stderr);
	if (errnum >= 0)
		fprintf(stderr, "%s%s", msg != NULL ? ": " : "",
		    strerror(errnum));
	fputc('\n', stderr);
	free(shown);
	free(msg);
}

void
msg_warn(const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	va_start(ap, fmt);
	msg_print(e, fmt, ap);
	va_end(ap);
	errno = e;
}

void
msg_warnx(const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	va_start(ap, fmt);
	msg_print(-1, fmt, ap);
	va_end(ap);
	errno = e;
}

void
msg_err(int status, const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	va_start(ap, fmt);
	msg_print(e, fmt, ap);
	va_end(ap);
	exit(status);
}

void
msg_errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_print(-1, fmt, ap);
	va_end(ap);
	exit(status);
}

void
refuse(const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	if (where != NULL)
		warnx("%s: %s", where, msg);
	else
		warnx("%s", msg);
	free(msg);
}
