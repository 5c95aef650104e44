/*
 * cmd-sign.c — "jianyi sign": a department signs for a suggestion routed
 * to it (签收); one signed after sign_workdays working days is late.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "dept", .type = OPT_NAME, .flags = OPT_REQUIRED,
	    .metavar = "D",
	    .help = N_("the department, lead or co-handling, that signs") },
	OPT_ON_DATE,
	OPT_END,
};

const struct cmd_entry cmd_sign_entry = {
	.name = "sign", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER and --dept"),
	.summary = N_("record that a department signed for a suggestion "
	    "(签收)"),
	.example = "jianyi sign 2023-007 --dept 规划建设办 --date 2023-03-03",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return sug_sign(db, ctx, a->argv[0], args_get(a, "dept"),
	    args_date(a, "date"));
}
