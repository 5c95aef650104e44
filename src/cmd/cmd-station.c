/*
 * cmd-station.c — "jianyi station": the deputies' liaison stations (联络站).
 */
#include "jianyi.h"
#include "domain.h"
#include "regcmd.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "village", .type = OPT_TEXT, .metavar = "V",
	    .help = N_("the village or residents' committee (村居) it serves"),
	    .label = N_("village"), .max = MAX_NAME },
	OPT_END,
};

const struct cmd_entry cmd_station_add = {
	.name = "station", .verb = "add", .operands = "NAME", .lower = 1,
	.upper = 1, .flags = CMD_WRITE, .opts = opts,
	.missing = N_("'add' takes one name"),
	.summary = N_("register a liaison station"),
	.example = "jianyi station add 黄塘 --village 黄塘村",
	.family = N_("liaison stations"),
	.check = reg_check_name, .exec = exec,
};
REG_VERBS("station", REG_STATION, cmd_station,
    "jianyi station rename 黄塘 黄塘联络站");

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return station_add(db, ctx, a->argv[0], args_get(a, "village"));
}
