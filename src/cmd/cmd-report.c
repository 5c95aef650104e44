/*
 * cmd-report.c — "jianyi report": the rates report of a month, a year or a
 * period, seen as of a date; a monthly report also carries the year to
 * date. --narrative prints the work report's paragraph instead.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jianyi.h"
#include "db.h"
#include "ofile.h"
#include "report.h"

static enum cmd_status check(struct cmd_ctx *, struct args *);
static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "month", .type = OPT_MONTH, .metavar = "YYYY-MM",
	    .help = N_("the month's report, with the year to date") },
	{ .name = "year", .type = OPT_WORD, .metavar = "YYYY",
	    .help = N_("the year's report") },
	{ .name = "from", .type = OPT_DATE, .metavar = "D",
	    .help = N_("a period's first day, with --to") },
	{ .name = "to", .type = OPT_DATE, .metavar = "D",
	    .help = N_("a period's last day, with --from") },
	{ .name = "as-of", .type = OPT_DATE, .metavar = "D",
	    .help = N_("what was known on that day; the period's end (or "
	    "today, if earlier) if not given") },
	{ .name = "narrative", .type = OPT_FLAG,
	    .help = N_("the work report's paragraph instead of the tables") },
	{ .name = "format", .type = OPT_FORMAT, .flags = 0,
	    .metavar = "text|md|csv|json|html|xlsx",
	    .help = N_("the document's format; else from the file name, "
	    "else text"),
	    .max = 1 },
	{ .name = "output", .type = OPT_FILE, .metavar = "FILE",
	    .help = N_("the file to write; - or none for standard output"),
	    .letter = 'o' },
	OPT_END,
};

const struct cmd_entry cmd_report_entry = {
	.name = "report", .upper = 0, .flags = CMD_READ, .opts = opts,
	.missing = NULL,
	.summary = N_("reply and satisfaction rates of a period"),
	.example = "jianyi report --month 2023-03 -o 2023年3月.xlsx",
	.check = check, .exec = exec,
};

/* Each month of the report's year as of the same date, for the chart. */
static enum cmd_status
load_months(struct db *db, struct report *rp, struct report **out)
{
	struct report *m;
	char from[11], to[11], month[24];
	enum cmd_status st = CMD_OK;
	int i;

	if ((m = calloc(12, sizeof *m)) == NULL)
		xnomem();
	for (i = 0; i < 12 && st == CMD_OK; i++) {
		snprintf(month, sizeof month, "%.4s-%02d", rp->from, i + 1);
		if (arg_month(month, from, to) == -1)
			st = CMD_FAIL;
		else
			st = report_load(db, &m[i], from, to, rp->as_of, 0);
	}
	*out = m;
	rp->months = m;
	return st;
}

/* The format a file's name asks for by its extension (r.xlsx, R.HTML),
 * its name in *name; -1 for none or another. */
static int
fmt_of_name(const char *path, const char **name)
{
	static const struct {
		const char *ext;
		enum fmt    fmt;
	} exts[] = {
		{ "xlsx", FMT_XLSX }, { "html", FMT_HTML }, { "htm", FMT_HTML },
		{ "md", FMT_MD }, { "csv", FMT_CSV }, { "json", FMT_JSON },
	};
	const char *base, *dot;
	size_t i;

	if (path == NULL)
		return -1;
	base = (base = strrchr(path, '/')) != NULL ? base + 1 : path;
	if ((dot = strrchr(base, '.')) == NULL || dot == base)
		return -1;
	for (i = 0; i < sizeof exts / sizeof exts[0]; i++)
		if (strcasecmp(dot + 1, exts[i].ext) == 0) {
			*name = exts[i].fmt == FMT_HTML ? "html" : exts[i].ext;
			return exts[i].fmt;
		}
	return -1;
}

/*
 * The report's period, as-of date and format from the options, checked
 * (check, then exec again, which cannot fail then). -1 after one line, with
 * *st its status.
 */
static int
setup(struct cmd_ctx *ctx, struct args *a, struct report *rp, enum fmt *fmt,
    enum cmd_status *st)
{
	const struct cmd_entry *e = a->entry;
	const char *path = args_get(a, "output"), *year = args_get(a, "year");
	const char *fmt_arg = args_get(a, "format"), *named_as = NULL;
	struct period m = args_period(a, "month");
	struct date d;
	char y[16], today[11];
	int nperiods, named;

	*st = CMD_USAGE;
	*fmt = args_fmt(a, "format");
	nperiods = args_has(a, "month") + args_has(a, "year") +
	    (args_has(a, "from") || args_has(a, "to"));
	if (m.from != NULL) {
		snprintf(rp->from, sizeof rp->from, "%s", m.from);
		snprintf(rp->to, sizeof rp->to, "%s", m.to);
		rp->kind = 'm';
	}
	if (year != NULL) {
		snprintf(y, sizeof y, "%.4s-01-01", year);
		if (strlen(year) != 4 || date_parse(y, 0, &d) == -1) {
			warnx(_("invalid year '%s' (use YYYY)"), year);
			*st = CMD_REFUSED;
			return -1;
		}
		snprintf(rp->from, sizeof rp->from, "%04d-01-01", d.y);
		snprintf(rp->to, sizeof rp->to, "%04d-12-31", d.y);
		rp->kind = 'y';
	}
	if (args_has(a, "from") || args_has(a, "to")) {
		if (!args_has(a, "from") || !args_has(a, "to")) {
			usage_error(e, _("--from and --to go together"));
			return -1;
		}
		date_iso(args_date(a, "from"), rp->from);
		date_iso(args_date(a, "to"), rp->to);
		if (strcmp(rp->from, rp->to) > 0) {
			warnx(_("the period ends (%s) before it begins (%s)"),
			    rp->to, rp->from);
			*st = CMD_REFUSED;
			return -1;
		}
		rp->kind = 'p';
	}
	if (nperiods != 1) {
		usage_error(e, _("give one of --month, --year or --from and "
		    "--to"));
		return -1;
	}
	/* -o r.xlsx asks for a workbook as --format xlsx does: a file is
	 * never named for one format and written in another. */
	if ((named = fmt_of_name(path, &named_as)) != -1) {
		if (fmt_arg == NULL) {
			*fmt = named;
			fmt_arg = named_as;
		} else if ((int)*fmt != named) {
			usage_error(e, _("--format '%s' does not match the "
			    "file name '%s'"), fmt_arg, path);
			return -1;
		}
	}
	if (args_has(a, "narrative") && *fmt != FMT_TEXT && *fmt != FMT_MD) {
		usage_error(e, _("--narrative writes a paragraph of text, not "
		    "'%s'"), fmt_arg);
		return -1;
	}
	if (*fmt == FMT_XLSX && (path == NULL || strcmp(path, "-") == 0)) {
		usage_error(e, _("--format xlsx needs -o FILE"));
		return -1;
	}
	/* As of the period's end, or today if that is earlier. */
	*st = CMD_REFUSED;
	date_iso(ctx->today, today);
	if (args_has(a, "as-of"))
		date_iso(args_date(a, "as-of"), rp->as_of);
	else
		snprintf(rp->as_of, sizeof rp->as_of, "%s",
		    strcmp(rp->to, today) < 0 ? rp->to : today);
	/* Nothing can be counted as of a day before the period: a report
	 * "as of" it would only look like one. */
	if (strcmp(rp->as_of, rp->from) < 0) {
		if (args_has(a, "as-of"))
			warnx(_("--as-of %s is before the period begins (%s)"),
			    rp->as_of, rp->from);
		else
			warnx(_("the period %s to %s has not begun (today is "
			    "%s)"), rp->from, rp->to, rp->as_of);
		return -1;
	}
	date_iso(ctx->today, rp->made_on);
	*st = CMD_OK;
	return 0;
}

static enum cmd_status
check(struct cmd_ctx *ctx, struct args *a)
{
	struct report rp;
	enum cmd_status st;
	enum fmt fmt;

	memset(&rp, 0, sizeof rp);
	setup(ctx, a, &rp, &fmt, &st);
	return st;
}

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	const char *path = args_get(a, "output");
	int narrative = args_has(a, "narrative");
	struct report rp, *months = NULL;
	struct ofile *of;
	FILE *fp;
	char from[11], to[11], asofday[11];
	enum fmt fmt;
	enum cmd_status st;

	memset(&rp, 0, sizeof rp);
	if (setup(ctx, a, &rp, &fmt, &st) == -1)
		return st;
	/* "-o -" is standard output, as no -o is. */
	if ((of = ofile_open(path, ctx->dbpath, 0, &st)) == NULL)
		return st;
	/* report_load fills rp from these. */
	memcpy(from, rp.from, sizeof from);
	memcpy(to, rp.to, sizeof to);
	memcpy(asofday, rp.as_of, sizeof asofday);
	st = report_load(db, &rp, from, to, asofday, rp.kind == 'm');
	if (st == CMD_OK && fmt == FMT_HTML && !narrative)
		st = load_months(db, &rp, &months);
	fp = ofile_fp(of);
	if (st == CMD_OK) {
		if (narrative)
			report_narrative(&rp, fp);
		else if (fmt == FMT_JSON)
			report_json(&rp, fp);
		else if (fmt == FMT_CSV)
			report_csv(&rp, fp);
		else if (fmt == FMT_XLSX)
			st = report_xlsx(&rp, ofile_name(of), path) == -1 ?
			    CMD_FAIL : CMD_OK;
		else
			report_text(&rp, fp, fmt);
	}
	st = ofile_close(of, st);
	if (months != NULL)
		for (int m = 0; m < 12; m++)
			report_free(&months[m]);
	free(months);
	report_free(&rp);
	return st;
}
