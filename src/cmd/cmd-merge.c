/*
 * cmd-merge.c — "jianyi merge": a suggestion that repeats another is
 * merged into it (并案) and follows its handling; each still counts as a
 * suggestion (件), their answers once (件次), and each lead deputy rates
 * their own.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "into", .type = OPT_WORD, .flags = OPT_REQUIRED,
	    .metavar = "NUMBER",
	    .help = N_("the suggestion whose handling it follows") },
	OPT_ON_DATE,
	OPT_END,
};

const struct cmd_entry cmd_merge_entry = {
	.name = "merge", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER and --into"),
	.summary = N_("merge a suggestion into one it repeats (并案)"),
	.example = "jianyi merge 2023-012 --into 2023-007",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return sug_merge(db, ctx, a->argv[0], args_get(a, "into"),
	    args_date(a, "date"), 0, NULL);
}
