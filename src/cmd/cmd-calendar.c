/*
 * cmd-calendar.c — "jianyi calendar": the working-day calendar by which
 * the statute's deadlines of days are counted (workday.h): a year's
 * holidays and make-up working days (调休上班) from the State Council's
 * notice, imported from a file of date,kind, and listed.
 */
#include <stdlib.h>
#include <string.h>

#include "jianyi.h"
#include "domain.h"
#include "workday.h"

static enum cmd_status check_import(struct cmd_ctx *, struct args *);
static enum cmd_status import(struct cmd_ctx *, struct db *, struct args *);
static enum cmd_status check_list(struct cmd_ctx *, struct args *);
static enum cmd_status list(struct cmd_ctx *, struct db *, struct args *);

static const struct opt import_opts[] = {
	{ .name = "encoding", .type = OPT_WORD,
	    .metavar = "auto|utf-8|gb18030",
	    .help = N_("the file's encoding; auto tells UTF-8 from GB18030") },
	OPT_END,
};

static const struct opt list_opts[] = {
	{ .name = "year", .type = OPT_WORD, .metavar = "YYYY",
	    .help = N_("the year to list; this year if not given") },
	OPT_LIST_FORMAT("F"),
	OPT_END,
};

const struct cmd_entry cmd_calendar_import = {
	.name = "calendar", .verb = "import", .operands = "FILE",
	.lower = 1, .upper = 1, .flags = CMD_WRITE | CMD_RAWARGS,
	.opts = import_opts, .missing = N_("expected import FILE or list"),
	.summary = N_("add a year's holidays and make-up working days "
	    "(date,kind)"),
	.example = "jianyi calendar import 2027.csv",
	.family = N_("the working-day calendar (holidays, make-up days)"),
	.check = check_import, .exec = import,
};

const struct cmd_entry cmd_calendar_list = {
	.name = "calendar", .verb = "list", .upper = 0,
	.flags = CMD_READ | CMD_DEFAULT, .opts = list_opts,
	.missing = N_("expected import FILE or list"),
	.summary = N_("list a year's holidays and make-up working days"),
	.example = "jianyi calendar list --year 2023",
	.check = check_list, .exec = list,
};

static enum cmd_status
check_import(struct cmd_ctx *ctx, struct args *a)
{
	enum csv_enc enc;

	(void)ctx;
	if (args_has(a, "encoding") &&
	    csv_enc_parse(args_get(a, "encoding"), &enc) == -1)
		return CMD_USAGE;
	return CMD_OK;
}

static enum cmd_status
import(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	enum csv_enc enc = ENC_AUTO;

	if (args_has(a, "encoding"))
		csv_enc_parse(args_get(a, "encoding"), &enc);
	return cal_import(db, ctx, a->argv[0], enc, stdout);
}

/* The year of --year, or this year; -1 after a message. */
static int
year_of(struct cmd_ctx *ctx, struct args *a)
{
	const char *s = args_get(a, "year");
	struct date d;
	char iso[16];

	if (s == NULL)
		return ctx->today.y;
	snprintf(iso, sizeof iso, "%.4s-01-01", s);
	if (strlen(s) != 4 || date_parse(iso, 0, &d) == -1) {
		warnx(_("invalid year '%s' (use YYYY)"), s);
		return -1;
	}
	return d.y;
}

static enum cmd_status
check_list(struct cmd_ctx *ctx, struct args *a)
{
	return year_of(ctx, a) == -1 ? CMD_REFUSED : CMD_OK;
}

/* A day of the list, with its weekday between its date and its kind. */
static int
day_row(void *t, const char *const *v)
{
	static const char *const names[] = { N_("Mon"), N_("Tue"),
	    N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun") };
	const char *row[3] = { v[0], "", v[1] };
	struct date d;

	if (date_parse(v[0], 0, &d) == 0)
		row[1] = _(names[cal_weekday(d)]);
	return table_row(t, row);
}

static enum cmd_status
list(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	static const struct col cols[] = {
		{ "date", N_("date"), COL_STR, NULL },
		{ "weekday", N_("weekday"), COL_STR, NULL },
		{ "kind", N_("kind of day"), COL_STR, vocab_day_kind },
	};
	struct table t;

	table_init(&t, cols, 3);
	return cmd_print(cal_list(db, year_of(ctx, a), day_row, &t), &t,
	    args_fmt(a, "format"));
}
