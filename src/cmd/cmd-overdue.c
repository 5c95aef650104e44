/*
 * cmd-overdue.c — "jianyi overdue": suggestions past their deadline with no
 * reply, most overdue first, with the department to chase.
 */
#include <getopt.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_overdue_entry = {
	"overdue", N_("[--as-of D] [--format text|csv|json]"),
	N_("list overdue suggestions"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "as-of", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_overdue_entry;
	struct date asof = ctx->today;
	char day[11];
	enum fmt fmt = FMT_TEXT;
	enum cmd_status st = CMD_OK;
	struct table t;
	struct db *db;
	int c;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		if (c == CMD_STOP)
			return st;
		if (c == 'a') {
			if (arg_date(optarg, &asof) == -1)
				return CMD_REFUSED;
		} else if (fmt_parse(optarg, &fmt, 0) == -1)
			return CMD_USAGE;
	}
	if (optind != argc)
		return usage_error(e, _("unexpected argument '%s'"),
		    argv[optind]);
	if ((db = cmd_open(ctx)) == NULL)
		return ctx->status;
	table_init(&t, overdue_cols, overdue_ncols);
	t.alert = 1 + 4; /* days overdue: every row */
	return cmd_print(db, sug_overdue(db, date_iso(asof, day), &t), &t,
	    fmt);
}
