/*
 * cmd-contact.c — "jianyi contact": a department met or called the lead
 * deputy before replying (办前沟通), which the contact rate counts.
 */
#include <getopt.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_contact_entry = {
	"contact", N_("NUMBER --dept D [--date D] [--method visit|meeting|phone] "
	    "[--note T]"),
	N_("record a department's contact with the lead deputy"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "dept", required_argument, NULL, 'd' },
		{ "date", required_argument, NULL, 't' },
		{ "method", required_argument, NULL, 'm' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_contact_entry;
	const char *dept = NULL, *date = NULL, *method = NULL, *note = NULL;
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
		case 't':
			date = optarg;
			break;
		case 'm':
			if ((i = arg_vocab(_("method"), vocab_method,
			    optarg)) == -1)
				return CMD_REFUSED;
			method = vocab_method[i].key;
			break;
		default:
			note = optarg;
		}
	}
	if (optind + 1 != argc || dept == NULL)
		return usage_error(e, _("expected NUMBER and --dept"));
	if (arg_event_date(ctx, date, &day) == -1 ||
	    arg_text(_("note"), note, TEXT_MULTILINE, MAX_TEXT) == -1)
		return CMD_REFUSED;
	if ((db = cmd_begin(ctx)) == NULL)
		return ctx->status;
	return cmd_end(db, sug_contact(db, ctx, argv[optind], dept, day,
	    method, note));
}
