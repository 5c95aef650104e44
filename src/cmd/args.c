/*
 * args.c — the checks of argument values that cmd.c applies by type and
 * commands call for what the types do not cover: dates, months, formats,
 * vocabulary words, standard input, usage errors and printing a table.
 * Each check prints one line and returns -1.
 */
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "jianyi.h"
#include "domain.h"
#include "out.h"
#include "text.h"

int
fmt_parse(const char *s, enum fmt *out, int docs)
{
	static const struct {
		const char *name;
		enum fmt    fmt;
		int         doc;
	} fmts[] = {
		{ "text", FMT_TEXT, 0 }, { "csv", FMT_CSV, 0 },
		{ "json", FMT_JSON, 0 }, { "md", FMT_MD, 1 },
		{ "html", FMT_HTML, 1 }, { "xlsx", FMT_XLSX, 1 },
	};
	size_t i;

	for (i = 0; i < sizeof fmts / sizeof fmts[0]; i++)
		if (strcmp(s, fmts[i].name) == 0 && (docs || !fmts[i].doc)) {
			*out = fmts[i].fmt;
			return 0;
		}
	warnx(_("invalid format '%s' (use %s)"), s,
	    docs ? "text|md|csv|json|html|xlsx" : "text|csv|json");
	return -1;
}

int
arg_date(const char *s, struct date *out)
{
	struct date any;

	static const char *const months[] = { "January", "February",
	    "March", "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" };
	char month[32];

	if (date_parse(s, 0, out) == -1) {
		if (date_parse(s, DATE_ANY_YEAR, &any) == 0)
			warnx(_("date '%s' is outside the dates kept (%s to "
			    "%s)"), s, DATE_FIRST, DATE_LAST);
		else if (date_parse(s, DATE_ANY_DAY, &any) == 0 &&
		    any.y >= atoi(DATE_FIRST) && any.y <= atoi(DATE_LAST)) {
			/* 2023-02-30: the month is named, as it is said. */
			if (i18n_chinese())
				snprintf(month, sizeof month, "%d年%d月",
				    any.y, any.m);
			else
				snprintf(month, sizeof month, "%s %d",
				    months[any.m - 1], any.y);
			warnx(_("invalid date '%s': %s has %d days"), s,
			    month, date_days_in_month(any.y, any.m));
		} else
			warnx(_("invalid date '%s' (use YYYY-MM-DD)"), s);
		return -1;
	}
	return 0;
}

int
arg_event_date(const struct cmd_ctx *ctx, const char *s, struct date *out)
{
	char a[11], b[11];

	if (s == NULL) {
		*out = ctx->today;
		return 0;
	}
	if (arg_date(s, out) == -1)
		return -1;
	if (date_cmp(*out, ctx->today) > 0) {
		warnx(_("date %s is after today (%s)"), date_iso(*out, a),
		    date_iso(ctx->today, b));
		return -1;
	}
	return 0;
}



char *
arg_read_stdin(void)
{
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	for (;;) {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = xrealloc(buf, cap);
		}
		n = fread(buf + len, 1, cap - len - 1, stdin);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(stdin)) {
		warn(_("standard input"));
		free(buf);
		return NULL;
	}
	buf[len] = '\0';
	/* A NUL byte would end the C string there and lose the rest: it
	 * becomes DEL, which arg_text refuses as a control character. */
	for (n = 0; n < len; n++)
		if (buf[n] == '\0')
			buf[n] = 0x7f;
	/* Text pasted from Windows ends its lines with CRLF. */
	for (n = 0, cap = 0; n < len; n++)
		if (!(buf[n] == '\r' && buf[n + 1] == '\n'))
			buf[cap++] = buf[n];
	buf[len = cap] = '\0';
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	return buf;
}

int
arg_vocab(const char *what, const struct vocab *v, const char *s)
{
	int i = vocab_find(v, s);

	if (i == -1)
		warnx(_("invalid %s '%s' (use %s)"), what, s, vocab_keys(v));
	return i;
}

enum cmd_status
usage_error(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	warnx(_("%s; see 'jianyi %s --help'"), msg, e->name);
	free(msg);
	return CMD_USAGE;
}

enum cmd_status
usage_unknown(const struct cmd_entry *e, const char *fmt, const char *s,
    const char *const *names, int n)
{
	const char *near[1];
	enum cmd_status st;
	char *msg;

	xasprintf(&msg, fmt, s);
	if (text_suggest(s, names, n, near, 1) == 1) {
		warnx(_("%s; did you mean '%s'?"), msg, near[0]);
		st = CMD_USAGE;
	} else
		st = usage_error(e, "%s", msg);
	free(msg);
	return st;
}

int
table_row(void *t, const char *const *values)
{
	table_add(t, values);
	return 0;
}

enum cmd_status
cmd_print(enum cmd_status st, struct table *t, enum fmt f)
{
	if (st == CMD_OK && table_print(t, f, stdout) == -1)
		st = CMD_FAIL;
	table_free(t);
	return st;
}

int
arg_month(const char *s, char *from, char *to)
{
	struct date a;
	int y, m;

	if (month_parse(s, &y, &m) == -1) {
		warnx(_("invalid month '%s' (use YYYY-MM)"), s);
		return -1;
	}
	a = (struct date){ y, m, 1 };
	date_iso(a, from);
	a.d = date_days_in_month(y, m);
	date_iso(a, to);
	return 0;
}


