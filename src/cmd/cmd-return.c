/*
 * cmd-return.c — "jianyi return": a department sends a suggestion back as
 * not its business (退回). From the lead, the suggestion waits to be routed
 * again; from a co-handling department, only that department leaves it.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "dept", .type = OPT_NAME, .flags = OPT_REQUIRED,
	    .metavar = "D", .help = N_("the department that sends it back") },
	{ .name = "reason", .type = OPT_TEXT, .flags = OPT_REQUIRED,
	    .metavar = "T", .help = N_("why it is not theirs"),
	    .label = N_("reason"), .max = MAX_TITLE, .tflags = TEXT_REQUIRED },
	OPT_ON_DATE,
	OPT_END,
};

const struct cmd_entry cmd_return_entry = {
	.name = "return", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER, --dept and --reason"),
	.summary = N_("record that a department sent a suggestion back"),
	.example = "jianyi return 2023-007 --dept 农业服务中心 "
	    "--reason '不属本单位职责'",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return sug_return(db, ctx, a->argv[0], args_get(a, "dept"),
	    args_get(a, "reason"), args_date(a, "date"));
}
