/*
 * cmd-init.c — "jianyi init": creates a new database file (mode 0600),
 * built under a temporary name and linked into place only when whole.
 */
#include <err.h>
#include <getopt.h>
#include <stdlib.h>
#include <unistd.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"
#include "ofile.h"
#include "out.h"
#include "text.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_init_entry = {
	"init", N_("[--town NAME]"),
	N_("create a new database; an existing file is never touched"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "town", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *town = NULL;
	struct db *db;
	enum cmd_status st = CMD_OK;
	char *top;
	int c, refused, made;

	while ((c = cmd_getopt(&cmd_init_entry, argc, argv, lo, &st)) != -1) {
		if (c == CMD_STOP)
			return st;
		town = optarg;
	}
	if (optind != argc)
		return usage_error(&cmd_init_entry, _("unexpected argument "
		    "'%s'"), argv[optind]);
	if (town != NULL && arg_text(_("town"), town, TEXT_REQUIRED,
	    MAX_NAME) == -1)
		return CMD_REFUSED;
	if ((st = ofile_check(ctx->dbpath, NULL, OFILE_NOREPLACE |
	    OFILE_DATABASE)) != CMD_OK)
		return st;
	/* The tour's ~/人大/jianyi.db: the folders are made, private, and
	 * removed again when init fails. */
	top = ofile_mkparents(ctx->dbpath, &made);
	if (made == -1)
		return CMD_FAIL;
	if ((db = db_open(ctx->dbpath, DB_CREATE, &refused)) == NULL) {
		st = refused ? CMD_REFUSED : CMD_FAIL;
		goto out;
	}
	if (town != NULL) {
		if (db_begin(db) == -1) {
			db_close(db);
			st = CMD_FAIL;
			goto out;
		}
		st = db_end(db, config_set(db, ctx, "town", town));
	}
	if (st != CMD_OK)
		db_close(db);
	else if (db_install(db, &refused) == -1)
		st = refused ? CMD_REFUSED : CMD_FAIL;
	if (st == CMD_OK) {
		char *path = text_escape(ctx->dbpath, 0);

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
out:
	if (top != NULL) {
		if (st != CMD_OK)
			ofile_rmparents(ctx->dbpath, top);
		free(top);
	}
	return st;
}
