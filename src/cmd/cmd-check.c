/*
 * cmd-check.c — "jianyi check": SQLite's integrity and foreign key checks,
 * the date order of every suggestion's steps, registered names that
 * arguments could not name, and that every stored text is valid UTF-8,
 * reported plainly.
 */
#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

const struct cmd_entry cmd_check_entry = {
	.name = "check", .upper = 0, .flags = CMD_READ,
	.summary = N_("check the database's integrity"),
	.example = "jianyi check", .exec = exec,
};

/* SQLite's integrity and foreign keys, then the invariants of issue 11:
 * date order, names that arguments can name, valid UTF-8. */
static int (*const checks[])(struct db *, FILE *) = {
	db_check,
	sug_check_dates,
	reg_check_names,
	db_check_text,
};
#define NCHECKS ((int)(sizeof checks / sizeof checks[0]))

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	int i, n;

	(void)ctx;
	(void)a;
	/* Each check prints its problems and returns their count, or -1. */
	for (i = 0, n = 0; i < NCHECKS && n != -1; i++) {
		int k = checks[i](db, stdout);

		n = k == -1 ? -1 : n + k;
	}
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
