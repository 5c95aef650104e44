/*
 * cmd-backup.c — "jianyi backup": a consistent copy of the database through
 * SQLite's online backup, safe while others write; the file is mode 0600,
 * new (never over a file), and appears only when whole.
 */
#include <errno.h>

#include "jianyi.h"
#include "db.h"
#include "ofile.h"

static enum cmd_status check(struct cmd_ctx *, struct args *);
static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

const struct cmd_entry cmd_backup_entry = {
	.name = "backup", .operands = "FILE", .lower = 1, .upper = 1,
	.flags = CMD_READ | CMD_RAWARGS, .missing = N_("expected FILE"),
	.summary = N_("copy the database to a new file"),
	.example = "jianyi backup /media/u盘/jianyi-2023-03-31.db",
	.check = check, .exec = exec,
};

/* Never the database or its companions, never over a file. */
static enum cmd_status
check(struct cmd_ctx *ctx, struct args *a)
{
	return ofile_check(a->argv[0], ctx->dbpath, OFILE_NOREPLACE |
	    OFILE_DATABASE);
}

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	(void)ctx;
	if (db_backup(db, a->argv[0]) == -1)
		return errno == EEXIST ? CMD_REFUSED : CMD_FAIL;
	return CMD_OK;
}
