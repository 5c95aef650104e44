/*
 * cmd-dept.c — "jianyi dept": the government departments that handle
 * suggestions (承办单位).
 */
#include "jianyi.h"
#include "domain.h"
#include "regcmd.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

const struct cmd_entry cmd_dept_add = {
	.name = "dept", .verb = "add", .operands = "NAME", .lower = 1,
	.upper = 1, .flags = CMD_WRITE,
	.missing = N_("'add' takes one name"),
	.summary = N_("register a department"),
	.example = "jianyi dept add 规划建设办",
	.family = N_("departments"),
	.check = reg_check_name, .exec = exec,
};
REG_VERBS("dept", REG_DEPT, cmd_dept,
    "jianyi dept rename 规划建设办 规划建设和生态环境办");

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	return dept_add(db, ctx, a->argv[0]);
}
