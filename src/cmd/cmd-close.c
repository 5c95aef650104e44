/*
 * cmd-close.c — "jianyi close": the secretary closes a replied suggestion
 * (办结) without waiting for a rating.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	OPT_ON_DATE,
	{ .name = "reason", .type = OPT_TEXT, .metavar = "T",
	    .help = N_("why it is closed without a rating"),
	    .label = N_("reason"), .max = MAX_TITLE },
	OPT_END,
};

const struct cmd_entry cmd_close_entry = {
	.name = "close", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER"),
	.summary = N_("close a replied suggestion"),
	.example = "jianyi close 2023-007 --reason '代表已当面确认'",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return sug_close(db, ctx, a->argv[0], args_date(a, "date"),
	    args_get(a, "reason"));
}
