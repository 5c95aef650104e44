/*
 * cmd-init.c — "jianyi init": creates a new database file (mode 0600),
 * built under a temporary name and linked into place only when whole.
 */
#include <stdlib.h>
#include <unistd.h>

#include "jianyi.h"
#include "domain.h"
#include "ofile.h"
#include "out.h"
#include "text.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "town", .type = OPT_TEXT, .metavar = "NAME",
	    .help = N_("the town's name, which heads the reports"),
	    .label = N_("town"), .max = MAX_NAME, .tflags = TEXT_REQUIRED },
	OPT_END,
};

const struct cmd_entry cmd_init_entry = {
	.name = "init", .upper = 0, .flags = CMD_NODB, .opts = opts,
	.summary = N_("create a new database; an existing file is never "
	    "touched"),
	.example = "jianyi --db ~/人大/jianyi.db init --town 乐平镇",
	.exec = exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	enum cmd_status st;
	char *top, *path;
	int made;

	(void)db;
	if ((st = ofile_check(ctx->dbpath, NULL, OFILE_NOREPLACE |
	    OFILE_DATABASE)) != CMD_OK)
		return st;
	/* The tour's ~/人大/jianyi.db: the folders are made, private, and
	 * removed again when init fails. */
	top = ofile_mkparents(ctx->dbpath, &made);
	if (made == -1)
		return CMD_FAIL;
	st = config_create(ctx, args_get(a, "town"));
	if (st == CMD_OK) {
		path = text_escape(ctx->dbpath, 0);
		printf(_("created %s\n"), path);
		free(path);
		/* As other commands roll back when their output cannot be
		 * written, a database that could not be announced is not
		 * left behind, where a second init would refuse it. */
		if (out_flush(stdout) == -1) {
			unlink(ctx->dbpath);
			st = CMD_FAIL;
		}
	}
	if (top != NULL) {
		if (st != CMD_OK)
			ofile_rmparents(ctx->dbpath, top);
		free(top);
	}
	return st;
}
