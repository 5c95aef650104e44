/*
 * cmd-export.c — "jianyi export": the ledger, receptions or activities as
 * CSV for Excel and WPS: UTF-8 with a BOM, CRLF. Submitters and phones are
 * masked unless --with-personal-data. The file is mode 0600 either way:
 * titles and contents are citizens' words, which masking cannot see into.
 */
#include <getopt.h>
#include <string.h>

#include "jianyi.h"
#include "db.h"
#include "ledger.h"
#include "ofile.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_export_entry = {
	"export", N_("suggestions|receptions|activities [-o FILE] "
	    "[--header zh|en] [--with-personal-data]"),
	N_("write a CSV file for Excel and WPS"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "header", required_argument, NULL, 'H' },
		{ "with-personal-data", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_export_entry;
	struct export_opts o = { 0 };
	const char *path = NULL;
	enum cmd_status st = CMD_OK;
	struct db *db;
	struct ofile *of;
	int c;

	/* -o is the one short option, as in sort(1). */
	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		switch (c) {
		case CMD_STOP:
			return st;
		case 'o':
			path = optarg;
			break;
		case 'H':
			if (strcmp(optarg, "en") == 0)
				o.english = 1;
			else if (strcmp(optarg, "zh") != 0)
				return usage_error(e, _("invalid header '%s' "
				    "(use zh|en)"), optarg);
			break;
		default:
			o.personal_data = 1;
		}
	}
	if (optind + 1 != argc)
		return usage_error(e, _("expected a table"));
	o.table = csv_table_find(argv[optind]);
	if (o.table == NULL || (strcmp(o.table->name, "suggestions") != 0 &&
	    strcmp(o.table->name, "receptions") != 0 &&
	    strcmp(o.table->name, "activities") != 0)) {
		static const char *const names[] = { "suggestions",
		    "receptions", "activities" };

		return usage_unknown(e, _("unknown table '%s' (use "
		    "suggestions|receptions|activities)"), argv[optind],
		    names, 3);
	}
	if ((of = ofile_open(path, ctx->dbpath, OFILE_PRIVATE, &st)) == NULL)
		return st;
	if ((db = cmd_open(ctx)) == NULL)
		return ofile_close(of, ctx->status);
	st = export_file(db, &o, ofile_fp(of));
	db_close(db);
	return ofile_close(of, st);
}
