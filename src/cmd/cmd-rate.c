/*
 * cmd-rate.c — "jianyi rate": the lead deputy's rating of a reply (满意度测评).
 * Satisfied or basic closes the suggestion; unsatisfied sends it back to
 * the department for rehandling with a new deadline.
 */
#include <getopt.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_rate_entry = {
	"rate", N_("NUMBER satisfied|basic|unsatisfied [--date D] [--note T]"),
	N_("record the lead deputy's rating"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "date", required_argument, NULL, 't' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_rate_entry;
	const char *date = NULL, *note = NULL;
	enum cmd_status st = CMD_OK;
	struct date day;
	struct db *db;
	int c, i;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		if (c == CMD_STOP)
			return st;
		if (c == 't')
			date = optarg;
		else
			note = optarg;
	}
	if (optind + 2 != argc)
		return usage_error(e, _("expected NUMBER and a rating"));
	if ((i = arg_vocab(_("rating"), vocab_rating, argv[optind + 1])) ==
	    -1 ||
	    arg_event_date(ctx, date, &day) == -1 ||
	    arg_text(_("note"), note, TEXT_MULTILINE, MAX_TEXT) == -1)
		return CMD_REFUSED;
	if ((db = cmd_begin(ctx)) == NULL)
		return ctx->status;
	return cmd_end(db, sug_rate(db, ctx, argv[optind],
	    vocab_rating[i].key, day, note));
}
