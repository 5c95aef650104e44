/*
 * cmd-list.c — "jianyi list": the table of suggestions, by number, with
 * filters. Submitters are masked.
 */
#include <string.h>

#include "jianyi.h"
#include "domain.h"

static enum cmd_status check(struct cmd_ctx *, struct args *);
static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

/* The columns of sug_list's rows. */
static const struct col cols[] = {
	{ "number", N_("number"), COL_STR, NULL },
	{ "status", N_("status"), COL_STR, vocab_status },
	{ "overdue", N_("overdue"), COL_BOOL, NULL },
	{ "received_on", N_("received"), COL_STR, NULL },
	{ "station", N_("station"), COL_STR, NULL },
	{ "department", N_("department"), COL_STR, NULL },
	{ "due", N_("due"), COL_STR, NULL },
	{ "submitter", N_("submitter"), COL_STR, NULL },
	{ "title", N_("title"), COL_STR, NULL },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))


static const struct opt opts[] = {
	{ .name = "status", .type = OPT_WORD, .metavar = "S|open",
	    .help = N_("only those in this state; open: not closed, "
	    "withdrawn or not accepted") },
	{ .name = "station", .type = OPT_NAME, .metavar = "S",
	    .help = N_("only those from this station") },
	{ .name = "dept", .type = OPT_NAME, .metavar = "D",
	    .help = N_("only those this department leads or helps with") },
	{ .name = "month", .type = OPT_MONTH, .metavar = "YYYY-MM",
	    .help = N_("only those received then") },
	{ .name = "overdue", .type = OPT_FLAG,
	    .help = N_("only those past their deadline without a reply") },
	{ .name = "supervised", .type = OPT_FLAG,
	    .help = N_("only those under key supervision (重点督办)") },
	{ .name = "as-of", .type = OPT_DATE, .metavar = "D",
	    .help = N_("judge overdue on that day") },
	{ .name = "limit", .type = OPT_COUNT, .metavar = "N",
	    .help = N_("at most N rows") },
	OPT_LIST_FORMAT("text|csv|json"),
	OPT_END,
};

const struct cmd_entry cmd_list_entry = {
	.name = "list", .upper = 0, .flags = CMD_READ, .opts = opts,
	.summary = N_("list suggestions"),
	.example = "jianyi list --status open --dept 规划建设办",
	.check = check, .exec = exec,
};

static enum cmd_status
check(struct cmd_ctx *ctx, struct args *a)
{
	const char *s = args_get(a, "status");

	(void)ctx;
	if (s != NULL && strcmp(s, "open") != 0 &&
	    arg_vocab(_("status"), vocab_status, s) == -1)
		return CMD_REFUSED;
	return CMD_OK;
}

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	struct sug_filter f = { 0 };
	const char *s = args_get(a, "status");
	char asof[11];
	struct table t;

	(void)ctx;
	if (s != NULL)
		f.status = strcmp(s, "open") == 0 ? "open" :
		    vocab_status[vocab_find(vocab_status, s)].key;
	f.station = args_get(a, "station");
	f.dept = args_get(a, "dept");
	f.received = args_period(a, "month");
	f.overdue = args_has(a, "overdue");
	f.supervised = args_has(a, "supervised");
	f.as_of = date_iso(args_date(a, "as-of"), asof);
	f.limit = args_count(a, "limit", 0);
	table_init(&t, cols, NCOLS);
	t.alert = 1 + 2; /* the overdue column */
	return cmd_print(sug_list(db, &f, table_row, &t), &t,
	    args_fmt(a, "format"));
}
