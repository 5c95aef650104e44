/*
 * cmd-list.c — "jianyi list": the table of suggestions, by number, with
 * filters. Submitters are masked.
 */
#include <getopt.h>
#include <string.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_list_entry = {
	"list", N_("[--status S|open] [--station S] [--dept D] "
	    "[--month YYYY-MM] [--overdue] [--as-of D] [--limit N] "
	    "[--format text|csv|json]"),
	N_("list suggestions"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "status", required_argument, NULL, 's' },
		{ "station", required_argument, NULL, 't' },
		{ "dept", required_argument, NULL, 'd' },
		{ "month", required_argument, NULL, 'm' },
		{ "overdue", no_argument, NULL, 'o' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "limit", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_list_entry;
	struct sug_filter f = { 0 };
	struct date asof;
	char from[11], to[11], asofday[11];
	enum fmt fmt = FMT_TEXT;
	enum cmd_status st = CMD_OK;
	struct table t;
	struct db *db;
	int c, i;

	asof = ctx->today;
	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		switch (c) {
		case CMD_STOP:
			return st;
		case 's':
			if (strcmp(optarg, "open") == 0)
				f.status = "open";
			else if ((i = arg_vocab(_("status"), vocab_status,
			    optarg)) == -1)
				return CMD_REFUSED;
			else
				f.status = vocab_status[i].key;
			break;
		case 't':
			f.station = optarg;
			break;
		case 'd':
			f.dept = optarg;
			break;
		case 'm':
			if (arg_month(optarg, from, to) == -1)
				return CMD_REFUSED;
			f.received.from = from;
			f.received.to = to;
			break;
		case 'o':
			f.overdue = 1;
			break;
		case 'a':
			if (arg_date(optarg, &asof) == -1)
				return CMD_REFUSED;
			break;
		case 'l':
			if (arg_count("--limit", optarg, &f.limit) == -1)
				return CMD_REFUSED;
			break;
		default:
			if (fmt_parse(optarg, &fmt, 0) == -1)
				return CMD_USAGE;
		}
	}
	if (optind != argc)
		return usage_error(e, _("unexpected argument '%s'"),
		    argv[optind]);
	f.as_of = date_iso(asof, asofday);
	if ((db = cmd_open(ctx)) == NULL)
		return ctx->status;
	table_init(&t, sug_cols, sug_ncols);
	t.alert = 1 + 2; /* the overdue column */
	return cmd_print(db, sug_list(db, &f, &t), &t, fmt);
}
