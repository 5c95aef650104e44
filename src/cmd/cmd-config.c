/*
 * cmd-config.c — "jianyi config": the settings kept in the database (town
 * name, reply deadline in months, rehandling deadline in months).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_config_entry = {
	"config", N_("get KEY\nset KEY VALUE\nlist [--format F]"),
	N_("show or change a setting: town, due_months, rehandle_months"),
	exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_config_entry;
	enum fmt fmt = FMT_TEXT;
	enum cmd_status st = CMD_OK;
	struct table t;
	struct db *db;
	char *value;
	const char *verb;
	int c, n;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		if (c == CMD_STOP)
			return st;
		if (fmt_parse(optarg, &fmt, 0) == -1)
			return CMD_USAGE;
	}
	argv += optind;
	n = argc - optind;
	verb = n > 0 ? argv[0] : "list";
	if (!(strcmp(verb, "get") == 0 && n == 2) &&
	    !(strcmp(verb, "set") == 0 && n == 3) &&
	    !(strcmp(verb, "list") == 0 && n <= 1))
		return usage_error(e, _("expected get KEY, set KEY VALUE or "
		    "list"));
	if (verb[0] != 'l' && !config_valid_key(argv[1]))
		return CMD_REFUSED;
	if (verb[0] == 's') {
		if ((db = cmd_begin(ctx)) == NULL)
			return ctx->status;
		return cmd_end(db, config_set(db, ctx, argv[1], argv[2]));
	}
	if ((db = cmd_open(ctx)) == NULL)
		return ctx->status;
	if (verb[0] == 'g') {
		if ((value = config_value(db, argv[1])) != NULL)
			printf("%s\n", value);
		free(value);
		db_close(db);
		return CMD_OK;
	}
	table_init(&t, config_cols, config_ncols);
	return cmd_print(db, config_list(db, &t), &t, fmt);
}
