/*
 * cmd-rate.c — "jianyi rate": the lead deputy's rating of a reply (满意度测评).
 * Satisfied or basic closes the suggestion; unsatisfied sends it back to
 * the department for rehandling with a new deadline.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status check(struct cmd_ctx *, struct args *);
static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	OPT_ON_DATE,
	{ .name = "note", .type = OPT_TEXT, .metavar = "T",
	    .help = N_("what the deputy said"), .label = N_("note"),
	    .max = MAX_TEXT, .tflags = TEXT_MULTILINE },
	OPT_END,
};

const struct cmd_entry cmd_rate_entry = {
	.name = "rate", .operands = "NUMBER satisfied|basic|unsatisfied",
	.lower = 2, .upper = 2, .flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER and a rating"),
	.summary = N_("record the lead deputy's rating"),
	.example = "jianyi rate 2023-007 满意 --date 2023-04-20",
	.check = check, .exec = exec,
};

static enum cmd_status
check(struct cmd_ctx *ctx, struct args *a)
{
	(void)ctx;
	return arg_vocab(_("rating"), vocab_rating, a->argv[1]) == -1 ?
	    CMD_REFUSED : CMD_OK;
}

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return sug_rate(db, ctx, a->argv[0],
	    vocab_rating[vocab_find(vocab_rating, a->argv[1])].key,
	    args_date(a, "date"), args_get(a, "note"));
}
