/*
 * cmd-check.c — "jianyi check": SQLite's integrity and foreign key checks,
 * the date order of every suggestion's steps, and registered names that
 * arguments could not name, reported plainly.
 */
#include <getopt.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_check_entry = {
	"check", "", N_("check the database's integrity"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = { { NULL, 0, NULL, 0 } };
	const struct cmd_entry *e = &cmd_check_entry;
	enum cmd_status st = CMD_OK;
	struct db *db;
	int c, n;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1)
		if (c == CMD_STOP)
			return st;
	if (optind != argc)
		return usage_error(e, _("unexpected argument '%s'"),
		    argv[optind]);
	if ((db = cmd_open(ctx)) == NULL)
		return ctx->status;
	n = db_check(db, stdout);
	/* --- date order and names (issue 11, item 6) --- */
	if (n >= 0) {
		int dates = sug_check_dates(db, stdout);

		n = dates == -1 ? -1 : n + dates;
	}
	if (n >= 0) {
		int names = reg_check_names(db, stdout);

		n = names == -1 ? -1 : n + names;
	}
	/* --- end of date order and names --- */
	db_close(db);
	if (n == -1)
		return CMD_FAIL;
	if (n > 0) {
		printf(ngettext("%d problem found\n", "%d problems found\n",
		    n), n);
		return CMD_FAIL;
	}
	printf(_("ok\n"));
	return CMD_OK;
}
