/*
 * cmd-deputy.c — "jianyi deputy": the people's deputies (人大代表), their
 * level and home liaison station.
 */
#include "jianyi.h"
#include "domain.h"
#include "regcmd.h"

static enum cmd_status check(struct cmd_ctx *, struct args *);
static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "level", .type = OPT_ENUM,
	    .help = N_("the congress they sit in; town if not given"),
	    .label = N_("level"), .vocab = vocab_level },
	{ .name = "station", .type = OPT_NAME, .metavar = "S",
	    .help = N_("the liaison station they belong to") },
	{ .name = "phone", .type = OPT_WORD, .metavar = "P",
	    .help = N_("their phone number") },
	OPT_END,
};

const struct cmd_entry cmd_deputy_add = {
	.name = "deputy", .verb = "add", .operands = "NAME", .lower = 1,
	.upper = 1, .flags = CMD_WRITE, .opts = opts,
	.missing = N_("'add' takes one name"),
	.summary = N_("register a deputy"),
	.example = "jianyi deputy add 张三 --station 黄塘",
	.family = N_("deputies"),
	.check = check, .exec = exec,
};
REG_VERBS("deputy", REG_DEPUTY, cmd_deputy,
    "jianyi deputy rename 张三 张叁");

static enum cmd_status
check(struct cmd_ctx *ctx, struct args *a)
{
	if (reg_check_name(ctx, a) != CMD_OK ||
	    arg_phone(args_get(a, "phone")) == -1)
		return CMD_REFUSED;
	return CMD_OK;
}

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	struct deputy_new d = { 0 };

	d.name = a->argv[0];
	d.level = args_key(a, "level");
	d.station = args_get(a, "station");
	d.phone = args_get(a, "phone");
	return deputy_add(db, ctx, &d);
}
