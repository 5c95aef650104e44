/*
 * cmd-activity.c — "jianyi activity": the deputies' group activities,
 * inspections, surveys, training and congress sessions.
 */
#include "jianyi.h"
#include "domain.h"

static enum cmd_status add(struct cmd_ctx *, struct db *, struct args *);
static enum cmd_status list(struct cmd_ctx *, struct db *, struct args *);

/* The columns of activity_list's rows. */
static const struct col cols[] = {
	{ "date", N_("date"), COL_STR, NULL },
	{ "kind", N_("kind"), COL_STR, vocab_kind },
	{ "title", N_("title"), COL_STR, NULL },
	{ "participants", N_("participants"), COL_INT, NULL },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))


static const struct opt add_opts[] = {
	{ .name = "kind", .type = OPT_ENUM, .flags = OPT_REQUIRED,
	    .help = N_("what kind of activity"),
	    .label = N_("kind"), .vocab = vocab_kind },
	OPT_ON_DATE,
	{ .name = "title", .type = OPT_TEXT, .flags = OPT_REQUIRED,
	    .metavar = "T", .help = N_("what it was"), .label = N_("title"),
	    .max = MAX_TITLE, .tflags = TEXT_REQUIRED },
	{ .name = "participants", .type = OPT_COUNT, .flags = 0,
	    .metavar = "N", .help = N_("how many took part") },
	OPT_END,
};

static const struct opt list_opts[] = {
	{ .name = "kind", .type = OPT_ENUM, .metavar = "K",
	    .help = N_("only this kind"), .label = N_("kind"),
	    .vocab = vocab_kind },
	{ .name = "month", .type = OPT_MONTH, .metavar = "YYYY-MM",
	    .help = N_("only this month's") },
	OPT_LIST_FORMAT("F"),
	OPT_END,
};

const struct cmd_entry cmd_activity_add = {
	.name = "activity", .verb = "add", .flags = CMD_WRITE,
	.opts = add_opts, .missing = N_("expected add or list"),
	.needs = N_("'add' needs --kind and --title"),
	.summary = N_("record a deputies' activity"),
	.example = "jianyi activity add --kind inspection --date 2023-05-12 "
	    "--title '视察农村污水治理' --participants 12",
	.family = N_("deputies' activities"),
	.exec = add,
};

const struct cmd_entry cmd_activity_list = {
	.name = "activity", .verb = "list", .flags = CMD_READ,
	.opts = list_opts, .missing = N_("expected add or list"),
	.summary = N_("list the activities"),
	.example = "jianyi activity list --kind inspection",
	.exec = list,
};

static enum cmd_status
add(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	struct activity_new n = { 0 };

	n.kind = args_key(a, "kind");
	n.date = args_date(a, "date");
	n.title = args_get(a, "title");
	n.participants = args_count(a, "participants", -1);
	return activity_add(db, ctx, &n);
}

static enum cmd_status
list(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	struct period p = args_period(a, "month");
	struct table t;

	(void)ctx;
	table_init(&t, cols, NCOLS);
	return cmd_print(activity_list(db, &p, args_key(a, "kind"), table_row,
	    &t), &t, args_fmt(a, "format"));
}
