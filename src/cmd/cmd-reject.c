/*
 * cmd-reject.c — "jianyi reject": screening finds a registered suggestion
 * not to be accepted (不予立案, 上海市代表建议规定 Art. 8). It is kept and
 * shown, and left out of every rate, as a withdrawn one is.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "reason", .type = OPT_ENUM, .flags = OPT_REQUIRED,
	    .metavar = "personal|litigation|letter|other",
	    .help = N_("a personal matter, one before a court, a letter "
	    "(handled as one), or other"),
	    .label = N_("reason"), .vocab = vocab_reject },
	{ .name = "note", .type = OPT_TEXT, .flags = OPT_REQUIRED,
	    .metavar = "T", .help = N_("what the deputy is told"),
	    .label = N_("note"), .max = MAX_TITLE, .tflags = TEXT_REQUIRED },
	OPT_ON_DATE,
	OPT_END,
};

const struct cmd_entry cmd_reject_entry = {
	.name = "reject", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER, --reason and --note"),
	.summary = N_("do not accept a registered suggestion (不予立案)"),
	.example = "jianyi reject 2023-009 --reason litigation "
	    "--note '已进入诉讼程序'",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return sug_reject(db, ctx, a->argv[0], args_key(a, "reason"),
	    args_get(a, "note"), args_date(a, "date"));
}
