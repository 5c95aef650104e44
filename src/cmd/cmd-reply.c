/*
 * cmd-reply.c — "jianyi reply": the lead department's written reply (答复)
 * with its class A, B, C or D.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "dept", .type = OPT_NAME, .flags = OPT_REQUIRED,
	    .metavar = "D", .help = N_("the lead department that replies") },
	{ .name = "class", .type = OPT_ENUM, .flags = OPT_REQUIRED,
	    .metavar = "A|B|C|D",
	    .help = N_("A solved, B being solved or planned, C not for "
	    "now, D noted"),
	    .label = N_("class"), .vocab = vocab_class },
	OPT_ON_DATE,
	{ .name = "text", .type = OPT_TEXT, .metavar = "T|-",
	    .help = N_("the reply's text; - reads it from standard input"),
	    .label = N_("reply text"), .max = MAX_TEXT,
	    .tflags = TEXT_MULTILINE },
	OPT_END,
};

const struct cmd_entry cmd_reply_entry = {
	.name = "reply", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER, --dept and --class"),
	.summary = N_("record a department's reply"),
	.example = "jianyi reply 2023-007 --dept 规划建设办 --class A "
	    "--date 2023-04-10",
	.check = cmd_check_text, .exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return sug_reply(db, ctx, a->argv[0], args_get(a, "dept"),
	    args_key(a, "class"), args_date(a, "date"), args_get(a, "text"));
}
