/*
 * regcmd.c — what the registry commands (station, dept, deputy) share: the
 * list, rename and retire verbs. Each family's own file parses its options
 * and handles "add".
 */
#include <string.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"
#include "regcmd.h"

enum cmd_status
reg_verb(struct cmd_ctx *ctx, const struct cmd_entry *e, enum reg_kind k,
    const struct reg_args *a)
{
	const struct col *cols;
	struct table t;
	struct db *db;
	int ncols;

	if (strcmp(a->verb, "list") == 0) {
		if (a->nargs != 0)
			return usage_error(e, _("'list' takes no names"));
		if ((db = cmd_open(ctx)) == NULL)
			return ctx->status;
		cols = reg_cols(k, &ncols);
		table_init(&t, cols, ncols);
		return cmd_print(db, reg_list(db, k, a->all, &t), &t, a->fmt);
	}
	if (strcmp(a->verb, "rename") == 0) {
		if (a->nargs != 2)
			return usage_error(e, _("'rename' takes OLD and NEW"));
		if (arg_text(_("name"), a->args[1], TEXT_REQUIRED,
		    MAX_NAME) == -1)
			return CMD_REFUSED;
		if ((db = cmd_begin(ctx)) == NULL)
			return ctx->status;
		return cmd_end(db, reg_rename(db, ctx, k, a->args[0],
		    a->args[1]));
	}
	if (strcmp(a->verb, "retire") == 0) {
		if (a->nargs != 1)
			return usage_error(e, _("'retire' takes one name"));
		if ((db = cmd_begin(ctx)) == NULL)
			return ctx->status;
		return cmd_end(db, reg_retire(db, ctx, k, a->args[0]));
	}
	{
		static const char *const verbs[] = { "add", "list", "rename",
		    "retire" };

		return usage_unknown(e, _("unknown verb '%s'"), a->verb,
		    verbs, 4);
	}
}

int
reg_split(const struct cmd_entry *e, int argc, char **argv, int optind_,
    struct reg_args *a, enum cmd_status *st)
{
	if (optind_ >= argc) {
		*st = usage_error(e, _("expected add, list, rename or "
		    "retire"));
		return -1;
	}
	a->verb = argv[optind_];
	a->args = (const char **)argv + optind_ + 1;
	a->nargs = argc - optind_ - 1;
	return 0;
}
