/*
 * cmd-reply.c — "jianyi reply": the lead department's written reply (答复)
 * with its class A, B, C or D.
 */
#include <err.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_reply_entry = {
	"reply", N_("NUMBER --dept D --class A|B|C|D [--date D] [--text T|-]"),
	N_("record a department's reply"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "dept", required_argument, NULL, 'd' },
		{ "class", required_argument, NULL, 'c' },
		{ "date", required_argument, NULL, 't' },
		{ "text", required_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_reply_entry;
	const char *dept = NULL, *cls = NULL, *date = NULL, *text = NULL;
	char *input = NULL;
	enum cmd_status st = CMD_OK;
	struct date day;
	struct db *db;
	int c, i;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		switch (c) {
		case CMD_STOP:
			return st;
		case 'd':
			dept = optarg;
			break;
		case 'c':
			if ((i = arg_vocab(_("class"), vocab_class, optarg)) ==
			    -1)
				return CMD_REFUSED;
			cls = vocab_class[i].key;
			break;
		case 't':
			date = optarg;
			break;
		default:
			text = optarg;
		}
	}
	if (optind + 1 != argc || dept == NULL || cls == NULL)
		return usage_error(e, _("expected NUMBER, --dept and --class"));
	if (text != NULL && strcmp(text, "-") == 0) {
		if ((input = arg_read_stdin()) == NULL)
			return CMD_FAIL;
		text = input;
	}
	if (arg_event_date(ctx, date, &day) == -1 ||
	    arg_text(_("reply text"), text, TEXT_MULTILINE, MAX_TEXT) == -1)
		st = CMD_REFUSED;
	else if ((db = cmd_begin(ctx)) == NULL)
		st = ctx->status;
	else
		st = cmd_end(db, sug_reply(db, ctx, argv[optind], dept, cls,
		    day, text));
	free(input);
	return st;
}
