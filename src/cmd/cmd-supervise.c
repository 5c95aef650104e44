/*
 * cmd-supervise.c — "jianyi supervise": a leader picks a suggestion for key
 * supervision (重点督办, 代表法 Art. 52); list --supervised lists them,
 * and the report gives them a section.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "leader", .type = OPT_TEXT, .flags = OPT_REQUIRED,
	    .metavar = "NAME", .help = N_("the leader who supervises it"),
	    .label = N_("leader"), .max = MAX_NAME, .tflags = TEXT_REQUIRED },
	OPT_ON_DATE,
	OPT_END,
};

const struct cmd_entry cmd_supervise_entry = {
	.name = "supervise", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER and --leader"),
	.summary = N_("mark a suggestion for key supervision (重点督办)"),
	.example = "jianyi supervise 2023-007 --leader 王镇长",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return sug_supervise(db, ctx, a->argv[0], args_get(a, "leader"),
	    args_date(a, "date"));
}
