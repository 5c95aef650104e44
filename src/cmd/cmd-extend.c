/*
 * cmd-extend.c — "jianyi extend": a later deadline (延期), with a reason.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "due", .type = OPT_DATE, .flags = OPT_REQUIRED,
	    .metavar = "D", .help = N_("the new deadline") },
	{ .name = "reason", .type = OPT_TEXT, .flags = OPT_REQUIRED,
	    .metavar = "T", .help = N_("why it needs longer"),
	    .label = N_("reason"), .max = MAX_TITLE, .tflags = TEXT_REQUIRED },
	OPT_ON_DATE,
	OPT_END,
};

const struct cmd_entry cmd_extend_entry = {
	.name = "extend", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER, --due and --reason"),
	.summary = N_("set a later deadline"),
	.example = "jianyi extend 2023-007 --due 2023-08-31 "
	    "--reason '需协调区级部门'",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return sug_extend(db, ctx, a->argv[0], args_date(a, "due"),
	    args_get(a, "reason"), args_date(a, "date"));
}
