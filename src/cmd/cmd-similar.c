/*
 * cmd-similar.c — "jianyi similar": the suggestions whose titles are like
 * one's, this year's and earlier years', most alike first (鄂州's practice;
 * issue 14, item 8), by the share of their character bigrams (similar.h).
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "percent", .type = OPT_COUNT, .metavar = "N",
	    .help = N_("how alike, at least; similar_percent (50) if not "
	    "given") },
	OPT_LIST_FORMAT("text|csv|json"),
	OPT_END,
};

const struct cmd_entry cmd_similar_entry = {
	.name = "similar", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_READ, .opts = opts, .missing = N_("expected NUMBER"),
	.summary = N_("list the suggestions whose titles are like one's"),
	.example = "jianyi similar 2023-007 --percent 40",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	static const struct col cols[] = {
		{ "number", N_("number"), COL_STR, NULL },
		{ "year", N_("year"), COL_STR, NULL },
		{ "status", N_("status"), COL_STR, vocab_status },
		{ "percent", N_("alike %"), COL_INT, NULL },
		{ "title", N_("title"), COL_STR, NULL },
	};
	long pct = args_count(a, "percent",
	    config_int(db, "similar_percent", 50));
	struct table t;

	(void)ctx;
	table_init(&t, cols, 5);
	return cmd_print(sug_similar(db, a->argv[0], NULL, (int)pct,
	    table_row, &t), &t, args_fmt(a, "format"));
}
