/*
 * regcmd.c — what the registry commands (station, dept, deputy) share: the
 * list, rename and retire verbs (regcmd.h). Each family's own file holds
 * its "add".
 */
#include "jianyi.h"
#include "domain.h"
#include "regcmd.h"

/* The columns of reg_list's rows, by registry. */
static const struct col station_cols[] = {
	{ "name", N_("station"), COL_STR, NULL },
	{ "village", N_("village"), COL_STR, NULL },
	{ "deputies", N_("deputies"), COL_INT, NULL },
	{ "retired", N_("retired"), COL_BOOL, NULL },
};
static const struct col dept_cols[] = {
	{ "name", N_("department"), COL_STR, NULL },
	{ "open", N_("in hand"), COL_INT, NULL },
	{ "retired", N_("retired"), COL_BOOL, NULL },
};
static const struct col deputy_cols[] = {
	{ "name", N_("deputy"), COL_STR, NULL },
	{ "level", N_("level"), COL_STR, vocab_level },
	{ "station", N_("station"), COL_STR, NULL },
	{ "phone", N_("phone"), COL_STR, NULL },
	{ "retired", N_("retired"), COL_BOOL, NULL },
};

const struct col *
reg_cols(enum reg_kind k, int *ncols)
{
	switch (k) {
	case REG_STATION:
		*ncols = 4;
		return station_cols;
	case REG_DEPT:
		*ncols = 3;
		return dept_cols;
	default:
		*ncols = 5;
		return deputy_cols;
	}
}


const struct opt reg_list_opts[] = {
	{ .name = "all", .type = OPT_FLAG,
	    .help = N_("the retired ones too") },
	OPT_LIST_FORMAT("F"),
	OPT_END,
};

/* The new name of rename, as add checks a name. */
enum cmd_status
reg_check_name(struct cmd_ctx *ctx, struct args *a)
{
	(void)ctx;
	return arg_text(_("name"), a->argv[a->argc - 1], TEXT_REQUIRED,
	    MAX_NAME) == -1 ? CMD_REFUSED : CMD_OK;
}

enum cmd_status
reg_exec_list(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	enum reg_kind k = a->entry->kind;
	const struct col *cols;
	struct table t;
	int ncols;

	(void)ctx;
	cols = reg_cols(k, &ncols);
	table_init(&t, cols, ncols);
	return cmd_print(reg_list(db, k, args_has(a, "all"), table_row, &t),
	    &t, args_fmt(a, "format"));
}

enum cmd_status
reg_exec_rename(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return reg_rename(db, ctx, a->entry->kind, a->argv[0], a->argv[1]);
}

enum cmd_status
reg_exec_retire(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return reg_retire(db, ctx, a->entry->kind, a->argv[0]);
}
