/*
 * cmd-station.c — "jianyi station": the deputies' liaison stations (联络站).
 */
#include <getopt.h>
#include <string.h>

#include "jianyi.h"
#include "db.h"
#include "regcmd.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_station_entry = {
	"station", N_("add NAME [--village V]\nlist [--all] [--format F]\n"
	    "rename OLD NEW\nretire NAME"),
	N_("liaison stations"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "village", required_argument, NULL, 'v' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_station_entry;
	struct reg_args a = { 0 };
	const char *village = NULL;
	enum cmd_status st = CMD_OK;
	struct db *db;
	int c;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		if (c == CMD_STOP)
			return st;
		if (c == 'v')
			village = optarg;
		else if (c == 'a')
			a.all = 1;
		else if (fmt_parse(optarg, &a.fmt, 0) == -1)
			return CMD_USAGE;
	}
	if (reg_split(e, argc, argv, optind, &a, &st) == -1)
		return st;
	if (strcmp(a.verb, "add") != 0)
		return reg_verb(ctx, e, REG_STATION, &a);
	if (a.nargs != 1)
		return usage_error(e, _("'add' takes one name"));
	if (arg_text(_("name"), a.args[0], TEXT_REQUIRED, MAX_NAME) == -1 ||
	    arg_text(_("village"), village, 0, MAX_NAME) == -1)
		return CMD_REFUSED;
	if ((db = cmd_begin(ctx)) == NULL)
		return ctx->status;
	return cmd_end(db, station_add(db, ctx, a.args[0], village));
}
