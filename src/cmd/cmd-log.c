/*
 * cmd-log.c — "jianyi log": the history of one suggestion, or the latest
 * changes across the database.
 */
#include <err.h>

#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

/* The columns of event_list's rows; text leaves the last out. */
static const struct col cols[] = {
	{ "date", N_("date"), COL_STR, NULL },
	{ "number", N_("number"), COL_STR, NULL },
	{ "action", N_("action"), COL_STR, vocab_action },
	{ "detail", N_("detail"), COL_STR, NULL },
	{ "actor", N_("by"), COL_STR, NULL },
	{ "recorded_at", N_("recorded at"), COL_STR, NULL },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))


static const struct opt opts[] = {
	{ .name = "limit", .type = OPT_COUNT, .metavar = "N",
	    .help = N_("the latest N changes (50)") },
	{ .name = "all", .type = OPT_FLAG,
	    .help = N_("every change") },
	OPT_LIST_FORMAT("text|csv|json"),
	OPT_END,
};

const struct cmd_entry cmd_log_entry = {
	.name = "log", .operands = "[NUMBER]", .upper = 1, .flags = CMD_READ,
	.opts = opts, .missing = N_("expected at most one NUMBER"),
	.summary = N_("show the history of changes"),
	.example = "jianyi log 2023-007",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	const char *number = a->argc > 0 ? a->argv[0] : NULL;
	long limit = args_has(a, "all") ? 0 : args_count(a, "limit", 50);
	long long total = 0;
	enum fmt fmt = args_fmt(a, "format");
	enum cmd_status st;
	struct table t;

	(void)ctx;
	/* The clock time is for the machine formats; text stays short. */
	table_init(&t, cols, fmt == FMT_TEXT ? NCOLS - 1 : NCOLS);
	/* The whole history is long: the latest changes are shown, and
	 * that they are not all is said on stderr, out of the table's way. */
	if (number == NULL && limit > 0 && (total = event_count(db)) == -1)
		st = CMD_FAIL;
	else
		st = event_list(db, number, limit, table_row, &t);
	st = cmd_print(st, &t, fmt);
	if (st == CMD_OK && total > limit)
		warnx(_("showing the latest %ld of %lld changes; --all shows "
		    "every one, --limit N the latest N"), limit, total);
	return st;
}
