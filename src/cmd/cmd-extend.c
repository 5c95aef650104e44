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
	{ .name = "approved-by", .type = OPT_TEXT, .flags = OPT_REQUIRED,
	    .metavar = "NAME", .help = N_("who approved it (上海市代表建议规定 "
	    "Art. 19)"), .label = N_("approver"), .max = MAX_NAME,
	    .tflags = TEXT_REQUIRED },
	OPT_END,
};

const struct cmd_entry cmd_extend_entry = {
	.name = "extend", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER, --due, --reason and --approved-by"),
	.summary = N_("set a later deadline"),
	.example = "jianyi extend 2023-007 --due 2023-08-31 "
	    "--reason '需协调区级部门' --approved-by 王镇长",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return sug_extend(db, ctx, a->argv[0], args_date(a, "due"),
	    args_get(a, "reason"), args_date(a, "date"),
	    args_get(a, "approved-by"));
}
