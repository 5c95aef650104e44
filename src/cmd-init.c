/*
 * cmd-init.c — "jianyi init": creates a new database file (mode 0600).
 */
#include <err.h>
#include <getopt.h>
#include <stdlib.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"
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
	int c, refused;

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
	if ((db = db_open(ctx->dbpath, DB_CREATE, &refused)) == NULL)
		return refused ? CMD_REFUSED : CMD_FAIL;
	if (town != NULL) {
		if (db_begin(db) == -1) {
			db_close(db);
			return CMD_FAIL;
		}
		st = cmd_end(db, config_set(db, ctx, "town", town));
	} else
		db_close(db);
	if (st == CMD_OK) {
		char *path = text_escape(ctx->dbpath, 0);

		printf(_("created %s\n"), path);
		free(path);
	}
	return st;
}
