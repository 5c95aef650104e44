/*
 * cmd-config.c — "jianyi config": the settings kept in the database (the
 * town's name, the deadlines' months and the statute's limits on them).
 */
#include <stdio.h>
#include <stdlib.h>

#include "jianyi.h"
#include "domain.h"

static enum cmd_status check(struct cmd_ctx *, struct args *);
static enum cmd_status get(struct cmd_ctx *, struct db *, struct args *);
static enum cmd_status set(struct cmd_ctx *, struct db *, struct args *);
static enum cmd_status list(struct cmd_ctx *, struct db *, struct args *);

/* The columns of config_list's rows. */
static const struct col cols[] = {
	{ "key", N_("setting"), COL_STR, NULL },
	{ "value", N_("value"), COL_STR, NULL },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))


static const struct opt list_opts[] = {
	OPT_LIST_FORMAT("F"),
	OPT_END,
};

#define USAGE N_("expected get KEY, set KEY VALUE or list")

const struct cmd_entry cmd_config_get = {
	.name = "config", .verb = "get", .operands = "KEY", .lower = 1,
	.upper = 1, .flags = CMD_READ, .missing = USAGE,
	.summary = N_("print one setting's value"),
	.example = "jianyi config get due_months",
	.family = N_("show or change a setting: the town, the deadlines' "
	    "months and their limits"),
	.check = check, .exec = get,
};

const struct cmd_entry cmd_config_set = {
	.name = "config", .verb = "set", .operands = "KEY VALUE",
	.lower = 2, .upper = 2, .flags = CMD_WRITE, .missing = USAGE,
	.summary = N_("change one setting"),
	.example = "jianyi config set town 乐平镇",
	.check = check, .exec = set,
};

const struct cmd_entry cmd_config_list = {
	.name = "config", .verb = "list", .upper = 0,
	.flags = CMD_READ | CMD_DEFAULT, .opts = list_opts, .missing = USAGE,
	.summary = N_("list every setting (the default)"),
	.example = "jianyi config list",
	.exec = list,
};

static enum cmd_status
check(struct cmd_ctx *ctx, struct args *a)
{
	(void)ctx;
	return config_valid_key(a->argv[0]) ? CMD_OK : CMD_REFUSED;
}

static enum cmd_status
get(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	char *value;

	(void)ctx;
	if ((value = config_value(db, a->argv[0])) != NULL)
		printf("%s\n", value);
	free(value);
	return CMD_OK;
}

static enum cmd_status
set(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return config_set(db, ctx, a->argv[0], a->argv[1]);
}

static enum cmd_status
list(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	struct table t;

	(void)ctx;
	table_init(&t, cols, NCOLS);
	return cmd_print(config_list(db, table_row, &t), &t,
	    args_fmt(a, "format"));
}
