/*
 * cmd-overdue.c — "jianyi overdue": suggestions past their deadline with no
 * reply, most overdue first, with the department to chase; or with
 * --stage, the routings, signatures or co-handlers' opinions that are late.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

/* The columns of sug_overdue's rows. */
static const struct col cols[] = {
	{ "number", N_("number"), COL_STR, NULL },
	{ "department", N_("department"), COL_STR, NULL },
	{ "handler", N_("handler"), COL_STR, NULL },
	{ "due", N_("due"), COL_STR, NULL },
	{ "days_overdue", N_("days overdue"), COL_INT, NULL },
	{ "title", N_("title"), COL_STR, NULL },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))


static const struct opt opts[] = {
	{ .name = "as-of", .type = OPT_DATE, .metavar = "D",
	    .help = N_("overdue on that day; today if not given") },
	{ .name = "stage", .type = OPT_ENUM,
	    .metavar = "routing|sign|opinion|reply",
	    .help = N_("what is late: routing, signing, a co-handler's "
	    "opinion, or the reply (the default)"),
	    .label = N_("stage"), .vocab = vocab_stage },
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
	int stage;

	(void)ctx;
	table_init(&t, cols, NCOLS);
	t.alert = 1 + 4; /* days overdue: every row */
	stage = args_get(a, "stage") != NULL ?
	    vocab_find(vocab_stage, args_key(a, "stage")) : STAGE_REPLY;
	return cmd_print(sug_overdue(db, date_iso(args_date(a, "as-of"), day),
	    stage, table_row, &t), &t, args_fmt(a, "format"));
}
