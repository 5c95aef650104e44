/*
 * cmd-report.c — "jianyi report": the rates report of a month, a year or a
 * period, seen as of a date; a monthly report also carries the year to
 * date. --narrative prints the work report's paragraph instead.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jianyi.h"
#include "db.h"
#include "ofile.h"
#include "report.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_report_entry = {
	"report", N_("(--month YYYY-MM | --year YYYY | --from D --to D) "
	    "[--as-of D] [--narrative] [--format text|md|csv|json|html|xlsx] "
	    "[-o FILE]"),
	N_("reply and satisfaction rates of a period"), exec,
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

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "month", required_argument, NULL, 'm' },
		{ "year", required_argument, NULL, 'y' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "narrative", no_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'F' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_report_entry;
	struct report rp;
	struct date d, asof;
	const char *from = NULL, *to = NULL, *as_of = NULL, *path = NULL;
	struct report *months = NULL;
	struct ofile *of;
	FILE *fp;
	char a[11], b[11], asofday[11];
	enum fmt fmt = FMT_TEXT;
	enum cmd_status st = CMD_OK;
	struct db *db;
	const char *fmt_arg = NULL, *named_as = NULL;
	int c, narrative = 0, nperiods = 0, named;

	memset(&rp, 0, sizeof rp);
	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		switch (c) {
		case CMD_STOP:
			return st;
		case 'm':
			if (arg_month(optarg, rp.from, rp.to) == -1)
				return CMD_REFUSED;
			rp.kind = 'm';
			nperiods++;
			break;
		case 'y':
			if (strlen(optarg) != 4 ||
			    date_parse(strcat(strcpy(a, optarg), "-01-01"), 0,
			    &d) == -1) {
				warnx(_("invalid year '%s' (use YYYY)"), optarg);
				return CMD_REFUSED;
			}
			snprintf(rp.from, sizeof rp.from, "%04d-01-01", d.y);
			snprintf(rp.to, sizeof rp.to, "%04d-12-31", d.y);
			rp.kind = 'y';
			nperiods++;
			break;
		case 'f':
			from = optarg;
			break;
		case 't':
			to = optarg;
			break;
		case 'a':
			as_of = optarg;
			break;
		case 'n':
			narrative = 1;
			break;
		case 'o':
			path = optarg;
			break;
		default:
			if (fmt_parse(optarg, &fmt, 1) == -1)
				return CMD_USAGE;
			fmt_arg = optarg;
		}
	}
	if (from != NULL || to != NULL) {
		if (from == NULL || to == NULL)
			return usage_error(e, _("--from and --to go together"));
		if (arg_date(from, &d) == -1)
			return CMD_REFUSED;
		date_iso(d, rp.from);
		if (arg_date(to, &d) == -1)
			return CMD_REFUSED;
		date_iso(d, rp.to);
		if (strcmp(rp.from, rp.to) > 0) {
			warnx(_("the period ends (%s) before it begins (%s)"),
			    rp.to, rp.from);
			return CMD_REFUSED;
		}
		rp.kind = 'p';
		nperiods++;
	}
	if (nperiods != 1)
		return usage_error(e, _("give one of --month, --year or "
		    "--from and --to"));
	if (optind != argc)
		return usage_error(e, _("unexpected argument '%s'"),
		    argv[optind]);
	/* -o r.xlsx asks for a workbook as --format xlsx does: a file is
	 * never named for one format and written in another. */
	if ((named = fmt_of_name(path, &named_as)) != -1) {
		if (fmt_arg == NULL) {
			fmt = named;
			fmt_arg = named_as;
		} else if ((int)fmt != named)
			return usage_error(e, _("--format '%s' does not match "
			    "the file name '%s'"), fmt_arg, path);
	}
	if (narrative && fmt != FMT_TEXT && fmt != FMT_MD)
		return usage_error(e, _("--narrative writes a paragraph of "
		    "text, not '%s'"), fmt_arg);
	if (fmt == FMT_XLSX && (path == NULL || strcmp(path, "-") == 0))
		return usage_error(e, _("--format xlsx needs -o FILE"));
	/* As of the period's end, or today if that is earlier. */
	if (as_of != NULL) {
		if (arg_date(as_of, &asof) == -1)
			return CMD_REFUSED;
		date_iso(asof, rp.as_of);
	} else {
		date_iso(ctx->today, b);
		snprintf(rp.as_of, sizeof rp.as_of, "%s",
		    strcmp(rp.to, b) < 0 ? rp.to : b);
	}
	/* Nothing can be counted as of a day before the period: a report
	 * "as of" it would only look like one. */
	if (strcmp(rp.as_of, rp.from) < 0) {
		if (as_of != NULL)
			warnx(_("--as-of %s is before the period begins (%s)"),
			    rp.as_of, rp.from);
		else
			warnx(_("the period %s to %s has not begun (today is "
			    "%s)"), rp.from, rp.to, rp.as_of);
		return CMD_REFUSED;
	}
	date_iso(ctx->today, rp.made_on);

	/* "-o -" is standard output, as no -o is. */
	if ((of = ofile_open(path, ctx->dbpath, 0, &st)) == NULL)
		return st;
	if ((db = cmd_open(ctx)) == NULL)
		return ofile_close(of, ctx->status);
	/* report_load fills rp from these. */
	memcpy(a, rp.from, sizeof a);
	memcpy(b, rp.to, sizeof b);
	memcpy(asofday, rp.as_of, sizeof asofday);
	st = report_load(db, &rp, a, b, asofday, rp.kind == 'm');
	if (st == CMD_OK && fmt == FMT_HTML && !narrative)
		st = load_months(db, &rp, &months);
	db_close(db);
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
