/*
 * cmd-backup.c — "jianyi backup": a consistent copy of the database through
 * SQLite's online backup, safe while others write; the file is mode 0600,
 * new (never over a file), and appears only when whole.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>

#include "jianyi.h"
#include "db.h"
#include "ofile.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_backup_entry = {
	"backup", N_("FILE"), N_("copy the database to a new file"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = { { NULL, 0, NULL, 0 } };
	const struct cmd_entry *e = &cmd_backup_entry;
	enum cmd_status st = CMD_OK;
	struct db *db;
	int c;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1)
		if (c == CMD_STOP)
			return st;
	if (optind + 1 != argc)
		return usage_error(e, _("expected FILE"));
	if ((st = ofile_check(argv[optind], ctx->dbpath, OFILE_NOREPLACE |
	    OFILE_DATABASE)) != CMD_OK)
		return st;
	if ((db = cmd_open(ctx)) == NULL)
		return ctx->status;
	if (db_backup(db, argv[optind]) == -1)
		st = errno == EEXIST ? CMD_REFUSED : CMD_FAIL;
	db_close(db);
	return st;
}
