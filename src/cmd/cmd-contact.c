/*
 * cmd-contact.c — "jianyi contact": a department met or called the lead
 * deputy before replying (办前沟通), which the contact rate counts.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "dept", .type = OPT_NAME, .flags = OPT_REQUIRED,
	    .metavar = "D", .help = N_("the department that made contact") },
	OPT_ON_DATE,
	{ .name = "method", .type = OPT_ENUM,
	    .help = N_("how: a visit, a meeting or a call"),
	    .label = N_("method"), .vocab = vocab_method },
	{ .name = "note", .type = OPT_TEXT, .metavar = "T",
	    .help = N_("what was said"), .label = N_("note"), .max = MAX_TEXT,
	    .tflags = TEXT_MULTILINE },
	OPT_END,
};

const struct cmd_entry cmd_contact_entry = {
	.name = "contact", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER and --dept"),
	.summary = N_("record a department's contact with the lead deputy"),
	.example = "jianyi contact 2023-007 --dept 规划建设办 "
	    "--method visit",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return sug_contact(db, ctx, a->argv[0], args_get(a, "dept"),
	    args_date(a, "date"), args_key(a, "method"), args_get(a, "note"));
}
