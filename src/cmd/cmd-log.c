/*
 * cmd-log.c — "jianyi log": the history of one suggestion, or the latest
 * changes across the database.
 */
#include <getopt.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_log_entry = {
	"log", N_("[NUMBER] [--limit N | --all] [--format text|csv|json]"),
	N_("show the history of changes"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "limit", required_argument, NULL, 'l' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_log_entry;
	const char *number = NULL;
	long limit = 50;
	long long total = 0;
	enum fmt fmt = FMT_TEXT;
	enum cmd_status st = CMD_OK;
	struct table t;
	struct db *db;
	int c, ncols;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		if (c == CMD_STOP)
			return st;
		if (c == 'a')
			limit = 0;
		else if (c == 'l') {
			if (arg_count("--limit", optarg, &limit) == -1)
				return CMD_REFUSED;
		} else if (fmt_parse(optarg, &fmt, 0) == -1)
			return CMD_USAGE;
	}
	if (argc - optind > 1)
		return usage_error(e, _("expected at most one NUMBER"));
	if (optind < argc)
		number = argv[optind];
	if ((db = cmd_open(ctx)) == NULL)
		return ctx->status;
	/* The clock time is for the machine formats; text stays short. */
	ncols = fmt == FMT_TEXT ? event_ncols - 1 : event_ncols;
	table_init(&t, event_cols, ncols);
	/* The whole history is long: the latest changes are shown, and
	 * that they are not all is said on stderr, out of the table's way. */
	if (number == NULL && limit > 0 && (total = event_count(db)) == -1)
		st = CMD_FAIL;
	else
		st = event_list(db, number, limit, &t);
	st = cmd_print(db, st, &t, fmt);
	if (st == CMD_OK && total > limit)
		warnx(_("showing the latest %ld of %lld changes; --all shows "
		    "every one, --limit N the latest N"), limit, total);
	return st;
}
