/*
 * args.c — what every command needs from its arguments: options with --help,
 * dates, counts, checked text, vocabulary words, usage errors and opening
 * the database. Each check prints one line and returns -1.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "jianyi.h"
#include "db.h"
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

void
cmd_help(const struct cmd_entry *e, FILE *fp)
{
	const char *p = _(e->usage), *nl;

	/* A family's usage has one synopsis a line. */
	fprintf(fp, _("usage: "));
	for (;;) {
		nl = strchr(p, '\n');
		fprintf(fp, "jianyi %s %.*s\n", e->name,
		    nl ? (int)(nl - p) : (int)strlen(p), p);
		if (nl == NULL)
			break;
		p = nl + 1;
		fputs("       ", fp);
	}
	if (fp == stdout)
		fprintf(fp, "\n%s\n", _(e->summary));
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

/*
 * The usage error for what getopt_long refused (c is ':' or '?'), naming
 * the option itself: "-x" of a cluster "-xy" (getopt leaves optind on the
 * cluster, or past it after its last letter, never on the word before),
 * or "--name" without the value it was given.
 */
static enum cmd_status
bad_option(const struct cmd_entry *e, int c, int argc, char **argv,
    const struct option *lo)
{
	char name[3] = { '-', (char)optopt, '\0' };
	const char *eq, *last = argv[optind - 1];
	size_t n;
	int i;

	if (strncmp(last, "--", 2) == 0 && last[2] != '\0') {
		eq = strchr(last, '=');
		n = eq != NULL ? (size_t)(eq - last - 2) : strlen(last + 2);
		/* A long option (or its abbreviation) given a value it does
		 * not take leaves its letter in optopt too; a letter of a
		 * cluster after a long option is not that. */
		for (i = 0; c == '?' && eq != NULL && lo[i].name != NULL; i++)
			if (strncmp(lo[i].name, last + 2, n) == 0 &&
			    lo[i].has_arg == no_argument)
				return usage_error(e, _("option '--%s' takes "
				    "no value"), lo[i].name);
		if (c == ':' || optopt == 0) {
			enum cmd_status st;
			char *opt;

			opt = xstrndup(last, n + 2);
			/* jianyi list --db X: the one that belongs before. */
			if (c == '?' && strcmp(opt, "--db") == 0)
				st = usage_error(e, _("'--db' is a global "
				    "option and goes before the command: "
				    "'jianyi --db FILE %s'"), e->name);
			else
				st = usage_error(e, c == ':' ? _("option '%s' "
				    "needs a value") : _("unknown option '%s'"),
				    opt);
			free(opt);
			return st;
		}
	}
	if (optopt == 0)
		return usage_error(e, _("unknown option '%s'"), last);
	/* A byte of a character that is not ASCII ("-中"), or a control
	 * character: the word it is in, never a character cut in two. */
	if (optopt < 0x21 || optopt > 0x7e) {
		if (optind < argc && argv[optind][0] == '-' &&
		    strchr(argv[optind], optopt) != NULL)
			last = argv[optind];
		return usage_error(e, _("unknown option '%s'"), last);
	}
	return usage_error(e, c == ':' ? _("option '%s' needs a value") :
	    _("unknown option '%s'"), name);
}


/* --- normalisation of arguments (issue 11, item 6) --- */

/*
 * The normalised copy of an argument (text_norm), kept until the program
 * ends: a name or a text enters from the command line as from an import.
 */
static char *
norm_arg(char *s)
{
	static char **kept;
	static size_t nkept;
	char *n = text_norm(s, strlen(s), NULL);

	if (strcmp(n, s) == 0) {
		free(n);
		return s;
	}
	kept = xreallocarray(kept, nkept + 1, sizeof *kept);
	return kept[nkept++] = n;
}

/* Every option value but a file name (--output), and every operand but
 * those of the commands that take a file name, is normalised. */
static void
norm_args(const struct cmd_entry *e, int c, int argc, char **argv,
    const struct option *lo, int idx)
{
	int i;

	if (c == -1) {
		if (strcmp(e->name, "import") == 0 ||
		    strcmp(e->name, "backup") == 0)
			return;
		for (i = optind; i < argc; i++)
			argv[i] = norm_arg(argv[i]);
	} else if (optarg != NULL && idx >= 0 &&
	    strcmp(lo[idx].name, "output") != 0)
		optarg = norm_arg(optarg);
}

/* --- end of normalisation --- */

int
cmd_getopt(const struct cmd_entry *e, int argc, char **argv,
    const struct option *longopts, enum cmd_status *st)
{
	struct option lo[32];
	int i, c, idx = -1;

	for (i = 0; longopts[i].name != NULL && i < 30; i++)
		lo[i] = longopts[i];
	lo[i++] = (struct option){ "help", no_argument, NULL, 'h' };
	lo[i] = (struct option){ NULL, 0, NULL, 0 };

	/* The one short option besides -h: -o for --output, as in sort(1). */
	for (i = 0; lo[i].name != NULL; i++)
		if (strcmp(lo[i].name, "output") == 0)
			break;
	opterr = 0;
	c = getopt_long(argc, argv, lo[i].name ? ":ho:" : ":h", lo, &idx);
	switch (c) {
	case 'h':
		cmd_help(e, stdout);
		*st = CMD_OK;
		return CMD_STOP;
	case ':':
	case '?':
		*st = bad_option(e, c, argc, argv, lo);
		return CMD_STOP;
	}
	norm_args(e, c, argc, argv, lo, idx);
	return c;
}

static struct db *
open_db(struct cmd_ctx *ctx, int flags)
{
	struct db *db;
	int refused;

	db = db_open(ctx->dbpath, flags, &refused);
	if (db == NULL)
		ctx->status = refused ? CMD_REFUSED : CMD_FAIL;
	return db;
}

struct db *
cmd_open(struct cmd_ctx *ctx)
{
	return open_db(ctx, DB_READ);
}

struct db *
cmd_begin(struct cmd_ctx *ctx)
{
	struct db *db;

	if ((db = open_db(ctx, 0)) == NULL)
		return NULL;
	if (db_begin(db) == -1) {
		db_close(db);
		ctx->status = CMD_FAIL;
		return NULL;
	}
	return db;
}

enum cmd_status
cmd_end(struct db *db, enum cmd_status st)
{
	/* What the command printed (a new number, an import's summary) is
	 * written out before the commit: output that cannot be written
	 * rolls the command back, after one message. */
	if (st == CMD_OK && out_flush(stdout) == -1)
		st = CMD_FAIL;
	st = db_end(db, st);
	db_close(db);
	return st;
}

enum cmd_status
cmd_print(struct db *db, enum cmd_status st, struct table *t, enum fmt f)
{
	if (st == CMD_OK && table_print(t, f, stdout) == -1)
		st = CMD_FAIL;
	table_free(t);
	db_close(db);
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


