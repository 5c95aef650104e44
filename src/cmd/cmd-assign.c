/*
 * cmd-assign.c — "jianyi assign": routes one or several suggestions (交办)
 * to a lead department and optional co-handling ones, in one transaction.
 */
#include <err.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_assign_entry = {
	"assign", N_("NUMBER... --dept D [--co D]... [--handler NAME] "
	    "[--date D] [--due D]"),
	N_("route suggestions to departments"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "dept", required_argument, NULL, 'd' },
		{ "co", required_argument, NULL, 'c' },
		{ "handler", required_argument, NULL, 'h' + 256 },
		{ "date", required_argument, NULL, 't' },
		{ "due", required_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_assign_entry;
	struct sug_assign a = { 0 };
	const char *date = NULL;
	enum cmd_status st = CMD_OK;
	struct db *db;
	int c, i;

	a.co = xcalloc(argc, sizeof *a.co);
	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		switch (c) {
		case CMD_STOP:
			goto out;
		case 'd':
			a.lead = optarg;
			break;
		case 'c':
			a.co[a.nco++] = optarg;
			break;
		case 'h' + 256:
			a.handler = optarg;
			break;
		case 't':
			date = optarg;
			break;
		case 'u':
			if (arg_date(optarg, &a.due) == -1)
				goto refused;
			a.has_due = 1;
			break;
		}
	}
	if (optind == argc || a.lead == NULL) {
		st = usage_error(e, _("expected NUMBER... and --dept"));
		goto out;
	}
	if (arg_event_date(ctx, date, &a.date) == -1 ||
	    arg_text(_("handler"), a.handler, 0, MAX_NAME) == -1)
		goto refused;
	/* Numbers are matched exactly: the same one twice is a slip, not
	 * "it is assigned" after the first. */
	for (i = optind + 1; i < argc; i++)
		for (c = optind; c < i; c++)
			if (strcmp(argv[c], argv[i]) == 0) {
				warnx(_("suggestion '%s' is named twice"),
				    argv[i]);
				goto refused;
			}
	if ((db = cmd_begin(ctx)) == NULL) {
		st = ctx->status;
		goto out;
	}
	for (i = optind; i < argc && st == CMD_OK; i++)
		st = sug_assign(db, ctx, argv[i], &a);
	st = cmd_end(db, st);
	goto out;
refused:
	st = CMD_REFUSED;
out:
	free(a.co);
	return st;
}
