/*
 * cmd-close.c — "jianyi close": the secretary closes a replied suggestion
 * (办结) without waiting for a rating.
 */
#include <getopt.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_close_entry = {
	"close", N_("NUMBER [--date D] [--reason T]"),
	N_("close a replied suggestion"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "date", required_argument, NULL, 't' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_close_entry;
	const char *date = NULL, *reason = NULL;
	enum cmd_status st = CMD_OK;
	struct date day;
	struct db *db;
	int c;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		if (c == CMD_STOP)
			return st;
		if (c == 't')
			date = optarg;
		else
			reason = optarg;
	}
	if (optind + 1 != argc)
		return usage_error(e, _("expected NUMBER"));
	if (arg_event_date(ctx, date, &day) == -1 ||
	    arg_text(_("reason"), reason, 0, MAX_TITLE) == -1)
		return CMD_REFUSED;
	if ((db = cmd_begin(ctx)) == NULL)
		return ctx->status;
	return cmd_end(db, sug_close(db, ctx, argv[optind], day, reason));
}
