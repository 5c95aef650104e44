/*
 * cmd-deputy.c — "jianyi deputy": the people's deputies (人大代表), their
 * level and home liaison station.
 */
#include <getopt.h>
#include <string.h>

#include "jianyi.h"
#include "db.h"
#include "regcmd.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_deputy_entry = {
	"deputy", N_("add NAME [--level town|district|city] [--station S] "
	    "[--phone P]\nlist [--all] [--format F]\nrename OLD NEW\n"
	    "retire NAME"),
	N_("deputies"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "level", required_argument, NULL, 'l' },
		{ "station", required_argument, NULL, 's' },
		{ "phone", required_argument, NULL, 'p' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_deputy_entry;
	struct reg_args a = { 0 };
	struct deputy_new d = { 0 };
	enum cmd_status st = CMD_OK;
	struct db *db;
	int c, i;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		switch (c) {
		case CMD_STOP:
			return st;
		case 'l':
			if ((i = arg_vocab(_("level"), vocab_level,
			    optarg)) == -1)
				return CMD_REFUSED;
			d.level = vocab_level[i].key;
			break;
		case 's':
			d.station = optarg;
			break;
		case 'p':
			d.phone = optarg;
			break;
		case 'a':
			a.all = 1;
			break;
		default:
			if (fmt_parse(optarg, &a.fmt, 0) == -1)
				return CMD_USAGE;
		}
	}
	if (reg_split(e, argc, argv, optind, &a, &st) == -1)
		return st;
	if (strcmp(a.verb, "add") != 0)
		return reg_verb(ctx, e, REG_DEPUTY, &a);
	if (a.nargs != 1)
		return usage_error(e, _("'add' takes one name"));
	d.name = a.args[0];
	if (arg_text(_("name"), d.name, TEXT_REQUIRED, MAX_NAME) == -1 ||
	    arg_phone(d.phone) == -1)
		return CMD_REFUSED;
	if ((db = cmd_begin(ctx)) == NULL)
		return ctx->status;
	return cmd_end(db, deputy_add(db, ctx, &d));
}
