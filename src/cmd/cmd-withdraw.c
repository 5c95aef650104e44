/*
 * cmd-withdraw.c — "jianyi withdraw": the proposer withdraws a suggestion
 * (撤回). It is kept, and left out of every rate.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "reason", .type = OPT_TEXT, .flags = OPT_REQUIRED,
	    .metavar = "T", .help = N_("why it is withdrawn"),
	    .label = N_("reason"), .max = MAX_TITLE, .tflags = TEXT_REQUIRED },
	OPT_ON_DATE,
	{ .name = "all-agreed", .type = OPT_FLAG,
	    .help = N_("a joint suggestion: all its deputies agreed") },
	OPT_END,
};

const struct cmd_entry cmd_withdraw_entry = {
	.name = "withdraw", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER and --reason"),
	.summary = N_("withdraw a suggestion"),
	.example = "jianyi withdraw 2023-007 --reason '代表撤回'",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return sug_withdraw(db, ctx, a->argv[0], args_get(a, "reason"),
	    args_date(a, "date"), args_has(a, "all-agreed"));
}
