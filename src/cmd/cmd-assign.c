/*
 * cmd-assign.c — "jianyi assign": routes one or several suggestions (交办)
 * to a lead department and optional co-handling ones, in one transaction.
 */
#include <err.h>
#include <string.h>

#include "jianyi.h"
#include "domain.h"

static enum cmd_status check(struct cmd_ctx *, struct args *);
static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "dept", .type = OPT_NAME, .flags = OPT_REQUIRED | OPT_MANY,
	    .metavar = "D",
	    .help = N_("a lead department (主办), which replies; again for "
	    "several (分办)") },
	{ .name = "co", .type = OPT_NAME, .flags = OPT_MANY, .metavar = "D",
	    .help = N_("a co-handling department (协办); again for more") },
	{ .name = "handler", .type = OPT_TEXT, .metavar = "NAME",
	    .help = N_("the person in the department who handles it"),
	    .label = N_("handler"), .max = MAX_NAME },
	OPT_ON_DATE,
	{ .name = "complex", .type = OPT_FLAG,
	    .help = N_("a complex matter (涉及面广、处理难度大): due "
	    "complex_due_months (6) after") },
	{ .name = "due", .type = OPT_DATE, .metavar = "D",
	    .help = N_("the deadline; due_months after the date if not "
	    "given") },
	OPT_END,
};

const struct cmd_entry cmd_assign_entry = {
	.name = "assign", .operands = "NUMBER...", .lower = 1, .upper = -1,
	.flags = CMD_WRITE, .opts = opts,
	.missing = N_("expected NUMBER... and --dept"),
	.summary = N_("route suggestions to departments"),
	.example = "jianyi assign 2023-007 2023-008 --dept 规划建设办 "
	    "--co 交通运输办 --date 2023-03-01",
	.check = check, .exec = exec,
};

/* Numbers are matched exactly: the same one twice is a slip, not "it is
 * assigned" after the first. */
static enum cmd_status
check(struct cmd_ctx *ctx, struct args *a)
{
	int i, j;

	(void)ctx;
	for (i = 1; i < a->argc; i++)
		for (j = 0; j < i; j++)
			if (strcmp(a->argv[j], a->argv[i]) == 0) {
				warnx(_("suggestion '%s' is named twice"),
				    a->argv[i]);
				return CMD_REFUSED;
			}
	return CMD_OK;
}

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	struct sug_assign s = { 0 };
	enum cmd_status st = CMD_OK;
	int i;

	s.leads = args_all(a, "dept", &s.nleads);
	s.co = args_all(a, "co", &s.nco);
	s.handler = args_get(a, "handler");
	s.date = args_date(a, "date");
	s.complex = args_has(a, "complex");
	if ((s.has_due = args_has(a, "due")) != 0)
		s.due = args_date(a, "due");
	for (i = 0; i < a->argc && st == CMD_OK; i++)
		st = sug_assign(db, ctx, a->argv[i], &s);
	return st;
}
