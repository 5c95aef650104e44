/*
 * cmd-extend.c — "jianyi extend": a later deadline (延期), with a reason.
 */
#include <getopt.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_extend_entry = {
	"extend", N_("NUMBER --due D --reason T [--date D]"),
	N_("set a later deadline"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "due", required_argument, NULL, 'u' },
		{ "reason", required_argument, NULL, 'r' },
		{ "date", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_extend_entry;
	const char *due = NULL, *reason = NULL, *date = NULL;
	enum cmd_status st = CMD_OK;
	struct date day, dueday;
	struct db *db;
	int c;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		if (c == CMD_STOP)
			return st;
		if (c == 'u')
			due = optarg;
		else if (c == 'r')
			reason = optarg;
		else
			date = optarg;
	}
	if (optind + 1 != argc || due == NULL || reason == NULL)
		return usage_error(e, _("expected NUMBER, --due and "
		    "--reason"));
	if (arg_date(due, &dueday) == -1 ||
	    arg_event_date(ctx, date, &day) == -1 ||
	    arg_text(_("reason"), reason, TEXT_REQUIRED, MAX_TITLE) == -1)
		return CMD_REFUSED;
	if ((db = cmd_begin(ctx)) == NULL)
		return ctx->status;
	return cmd_end(db, sug_extend(db, ctx, argv[optind], dueday, reason,
	    day));
}
