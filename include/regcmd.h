/*
 * regcmd.h — the verbs the registry commands (station, dept, deputy) share:
 * list, rename and retire. REG_VERBS(family, kind, sym) declares their
 * entries for one family as sym_list, sym_rename and sym_retire; the
 * family's own file declares "add".
 */
#ifndef JIANYI_REGCMD_H
#define JIANYI_REGCMD_H

#include "jianyi.h"
#include "domain.h"

extern const struct opt reg_list_opts[];
/* The columns of reg_list's rows, for table_init. */
const struct col *reg_cols(enum reg_kind, int *ncols);
enum cmd_status reg_check_name(struct cmd_ctx *, struct args *);
enum cmd_status reg_exec_list(struct cmd_ctx *, struct db *, struct args *);
enum cmd_status reg_exec_rename(struct cmd_ctx *, struct db *,
    struct args *);
enum cmd_status reg_exec_retire(struct cmd_ctx *, struct db *,
    struct args *);

#define REG_VERBS(family_, kind_, sym, example_)			\
const struct cmd_entry sym##_list = {					\
	.name = family_, .verb = "list", .upper = 0,			\
	.flags = CMD_READ, .opts = reg_list_opts,			\
	.missing = N_("'list' takes no names"),				\
	.summary = N_("list them, with what each one holds"),		\
	.example = "jianyi " family_ " list --format csv",		\
	.kind = kind_, .exec = reg_exec_list,				\
};									\
const struct cmd_entry sym##_rename = {					\
	.name = family_, .verb = "rename", .operands = "OLD NEW",	\
	.lower = 2, .upper = 2, .flags = CMD_WRITE,			\
	.missing = N_("'rename' takes OLD and NEW"),			\
	.summary = N_("rename one; every record shows the new name"),	\
	.example = example_, .kind = kind_,				\
	.check = reg_check_name, .exec = reg_exec_rename,		\
};									\
const struct cmd_entry sym##_retire = {					\
	.name = family_, .verb = "retire", .operands = "NAME",		\
	.lower = 1, .upper = 1, .flags = CMD_WRITE,			\
	.missing = N_("'retire' takes one name"),			\
	.summary = N_("retire one: kept in the records, refused for "	\
	    "new ones"),						\
	.example = "jianyi " family_ " retire NAME", .kind = kind_,	\
	.exec = reg_exec_retire,					\
}

#endif
