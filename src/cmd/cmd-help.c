/*
 * cmd-help.c — "jianyi help": the help of the program, of a command or of
 * one verb of a family, as --help gives it; --synopsis prints every
 * command's synopsis, one a line, which tests/man-synopsis holds the
 * manual's against.
 */
#include "jianyi.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "synopsis", .type = OPT_FLAG,
	    .help = N_("every command's synopsis, one a line") },
	OPT_END,
};

const struct cmd_entry cmd_help_entry = {
	.name = "help", .operands = "[COMMAND [VERB]]", .upper = 2,
	.flags = CMD_NODB, .opts = opts,
	.missing = N_("expected at most a COMMAND and a VERB"),
	.summary = N_("show the help of jianyi or of a command"),
	.example = "jianyi help station add",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	const struct cmd_entry *e;

	(void)ctx;
	(void)db;
	if (args_has(a, "synopsis"))
		cmd_synopses(a->table, stdout);
	else if (a->argc == 0)
		cmd_usage(a->table, stdout);
	else if (cmd_known(a->table, a->argv[0]) == -1)
		return CMD_USAGE;
	else if (a->argc == 2) {
		if ((e = cmd_find(a->table, a->argv[0], a->argv[1])) == NULL)
			return usage_error(a->entry, _("'%s' has no verb "
			    "'%s'"), a->argv[0], a->argv[1]);
		cmd_help(e, stdout, 1);
	} else if ((e = cmd_find(a->table, a->argv[0], NULL))->verb != NULL)
		cmd_family_help(a->table, e, stdout);
	else
		cmd_help(e, stdout, 1);
	return CMD_OK;
}
