/*
 * cmd-opinion.c — "jianyi opinion": a co-handling department's opinion
 * sent to the lead (会办意见), due co_due_months after routing
 * (上海市代表建议规定 Art. 17).
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "dept", .type = OPT_NAME, .flags = OPT_REQUIRED,
	    .metavar = "D", .help = N_("the co-handling department") },
	{ .name = "text", .type = OPT_TEXT, .flags = OPT_REQUIRED,
	    .metavar = "T|-",
	    .help = N_("the opinion; - reads it from standard input"),
	    .label = N_("opinion"), .max = MAX_TEXT,
	    .tflags = TEXT_MULTILINE | TEXT_REQUIRED },
	OPT_ON_DATE,
	OPT_END,
};

const struct cmd_entry cmd_opinion_entry = {
	.name = "opinion", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER, --dept and --text"),
	.summary = N_("record a co-handling department's opinion (会办意见)"),
	.example = "jianyi opinion 2023-007 --dept 交通运输办 "
	    "--text '同意主办单位方案' --date 2023-03-20",
	.check = cmd_check_text, .exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return sug_opinion(db, ctx, a->argv[0], args_get(a, "dept"),
	    args_get(a, "text"), args_date(a, "date"));
}
