/*
 * cmd-withdraw.c — "jianyi withdraw": the proposer withdraws a suggestion
 * (撤回). It is kept, and left out of every rate.
 */
#include <getopt.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_withdraw_entry = {
	"withdraw", N_("NUMBER --reason T [--date D]"),
	N_("withdraw a suggestion"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ "date", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_withdraw_entry;
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
	if (optind + 1 != argc || reason == NULL)
		return usage_error(e, _("expected NUMBER and --reason"));
	if (arg_event_date(ctx, date, &day) == -1 ||
	    arg_text(_("reason"), reason, TEXT_REQUIRED, MAX_TITLE) == -1)
		return CMD_REFUSED;
	if ((db = cmd_begin(ctx)) == NULL)
		return ctx->status;
	return cmd_end(db, sug_withdraw(db, ctx, argv[optind], reason, day));
}
