/*
 * cmd-activity.c — "jianyi activity": the deputies' group activities,
 * inspections, surveys, training and congress sessions.
 */
#include <getopt.h>
#include <string.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);
static const char *const verbs[] = { "add", "list" };

const struct cmd_entry cmd_activity_entry = {
	"activity", N_("add --kind group|inspection|survey|training|session "
	    "[--date D] --title T [--participants N]\n"
	    "list [--kind K] [--month YYYY-MM] [--format F]"),
	N_("deputies' activities"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "date", required_argument, NULL, 'd' },
		{ "title", required_argument, NULL, 't' },
		{ "participants", required_argument, NULL, 'p' },
		{ "month", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_activity_entry;
	struct activity_new a = { .participants = -1 };
	const char *date = NULL, *verb;
	char from[11], to[11];
	struct period p = { NULL, NULL };
	enum fmt fmt = FMT_TEXT;
	enum cmd_status st = CMD_OK;
	struct table t;
	struct db *db;
	int c, i;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		switch (c) {
		case CMD_STOP:
			return st;
		case 'k':
			if ((i = arg_vocab(_("kind"), vocab_kind, optarg)) ==
			    -1)
				return CMD_REFUSED;
			a.kind = vocab_kind[i].key;
			break;
		case 'd':
			date = optarg;
			break;
		case 't':
			a.title = optarg;
			break;
		case 'p':
			if (arg_count("--participants", optarg,
			    &a.participants) == -1)
				return CMD_REFUSED;
			break;
		case 'm':
			if (arg_month(optarg, from, to) == -1)
				return CMD_REFUSED;
			p.from = from;
			p.to = to;
			break;
		default:
			if (fmt_parse(optarg, &fmt, 0) == -1)
				return CMD_USAGE;
		}
	}
	if (optind + 1 != argc)
		return usage_error(e, _("expected add or list"));
	verb = argv[optind];
	if (strcmp(verb, "list") == 0) {
		if ((db = cmd_open(ctx)) == NULL)
			return ctx->status;
		table_init(&t, activity_cols, activity_ncols);
		return cmd_print(db, activity_list(db, &p, a.kind, &t), &t,
		    fmt);
	}
	if (strcmp(verb, "add") != 0)
		return usage_unknown(e, _("unknown verb '%s'"), verb, verbs,
		    2);
	if (a.kind == NULL || a.title == NULL)
		return usage_error(e, _("'add' needs --kind and --title"));
	if (arg_event_date(ctx, date, &a.date) == -1 ||
	    arg_text(_("title"), a.title, TEXT_REQUIRED, MAX_TITLE) == -1)
		return CMD_REFUSED;
	if ((db = cmd_begin(ctx)) == NULL)
		return ctx->status;
	return cmd_end(db, activity_add(db, ctx, &a));
}
