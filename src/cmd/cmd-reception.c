/*
 * cmd-reception.c — "jianyi reception": deputies receiving voters at a
 * liaison station (进站接待): one session, how many came, which deputies.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status add(struct cmd_ctx *, struct db *, struct args *);
static enum cmd_status list(struct cmd_ctx *, struct db *, struct args *);

/* The columns of reception_list's rows. */
static const struct col cols[] = {
	{ "date", N_("date"), COL_STR, NULL },
	{ "station", N_("station"), COL_STR, NULL },
	{ "visitors", N_("visitors"), COL_INT, NULL },
	{ "deputies", N_("deputies"), COL_STR, NULL },
	{ "note", N_("note"), COL_STR, NULL },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))


static const struct opt add_opts[] = {
	{ .name = "station", .type = OPT_NAME, .flags = OPT_REQUIRED,
	    .metavar = "S", .help = N_("the liaison station") },
	OPT_ON_DATE,
	{ .name = "visitors", .type = OPT_COUNT, .flags = OPT_REQUIRED,
	    .metavar = "N", .help = N_("how many voters came (人次)") },
	{ .name = "deputy", .type = OPT_NAME, .flags = OPT_MANY,
	    .metavar = "NAME",
	    .help = N_("a deputy who received them; again for more") },
	{ .name = "note", .type = OPT_TEXT, .metavar = "T",
	    .help = N_("what was raised"), .label = N_("note"),
	    .max = MAX_TITLE },
	OPT_END,
};

static const struct opt list_opts[] = {
	{ .name = "station", .type = OPT_NAME, .metavar = "S",
	    .help = N_("only this station's") },
	{ .name = "month", .type = OPT_MONTH, .metavar = "YYYY-MM",
	    .help = N_("only this month's") },
	OPT_LIST_FORMAT("F"),
	OPT_END,
};

const struct cmd_entry cmd_reception_add = {
	.name = "reception", .verb = "add", .flags = CMD_WRITE,
	.opts = add_opts, .missing = N_("expected add or list"),
	.needs = N_("'add' needs --station and --visitors"),
	.summary = N_("record a reception session at a liaison station"),
	.example = "jianyi reception add --station 黄塘 --date 2023-03-15 "
	    "--visitors 3 --deputy 张三",
	.family = N_("reception sessions at the liaison stations"),
	.exec = add,
};

const struct cmd_entry cmd_reception_list = {
	.name = "reception", .verb = "list", .flags = CMD_READ,
	.opts = list_opts, .missing = N_("expected add or list"),
	.summary = N_("list the reception sessions"),
	.example = "jianyi reception list --month 2023-03",
	.exec = list,
};

static enum cmd_status
add(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	struct reception_new r = { 0 };

	r.station = args_get(a, "station");
	r.date = args_date(a, "date");
	r.visitors = args_count(a, "visitors", 0);
	r.deputies = args_all(a, "deputy", &r.ndeputies);
	r.note = args_get(a, "note");
	return reception_add(db, ctx, &r);
}

static enum cmd_status
list(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	struct period p = args_period(a, "month");
	struct table t;

	(void)ctx;
	table_init(&t, cols, NCOLS);
	return cmd_print(reception_list(db, &p, args_get(a, "station"),
	    table_row, &t), &t, args_fmt(a, "format"));
}
