/*
 * cmd-return.c — "jianyi return": a department sends a suggestion back as
 * not its business (退回). From the lead, the suggestion waits to be routed
 * again; from a co-handling department, only that department leaves it.
 */
#include <getopt.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_return_entry = {
	"return", N_("NUMBER --dept D --reason T [--date D]"),
	N_("record that a department sent a suggestion back"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "dept", required_argument, NULL, 'd' },
		{ "reason", required_argument, NULL, 'r' },
		{ "date", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_return_entry;
	const char *dept = NULL, *reason = NULL, *date = NULL;
	enum cmd_status st = CMD_OK;
	struct date day;
	struct db *db;
	int c;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		if (c == CMD_STOP)
			return st;
		if (c == 'd')
			dept = optarg;
		else if (c == 'r')
			reason = optarg;
		else
			date = optarg;
	}
	if (optind + 1 != argc || dept == NULL || reason == NULL)
		return usage_error(e, _("expected NUMBER, --dept and "
		    "--reason"));
	if (arg_event_date(ctx, date, &day) == -1 ||
	    arg_text(_("reason"), reason, TEXT_REQUIRED, MAX_TITLE) == -1)
		return CMD_REFUSED;
	if ((db = cmd_begin(ctx)) == NULL)
		return ctx->status;
	return cmd_end(db, sug_return(db, ctx, argv[optind], dept, reason,
	    day));
}
