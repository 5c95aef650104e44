/*
 * cmd-overdue.c — "jianyi overdue": suggestions past their deadline with no
 * reply, most overdue first, with the department to chase.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "as-of", .type = OPT_DATE, .metavar = "D",
	    .help = N_("overdue on that day; today if not given") },
	OPT_LIST_FORMAT("text|csv|json"),
	OPT_END,
};

const struct cmd_entry cmd_overdue_entry = {
	.name = "overdue", .upper = 0, .flags = CMD_READ, .opts = opts,
	.summary = N_("list overdue suggestions"),
	.example = "jianyi overdue --as-of 2023-06-30",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	char day[11];
	struct table t;

	(void)ctx;
	table_init(&t, overdue_cols, overdue_ncols);
	t.alert = 1 + 4; /* days overdue: every row */
	return cmd_print(sug_overdue(db, date_iso(args_date(a, "as-of"), day),
	    &t), &t, args_fmt(a, "format"));
}
