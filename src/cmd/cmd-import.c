/*
 * cmd-import.c — "jianyi import": reads a CSV file (the Excel or WPS
 * ledger, or a registry) in one transaction; any bad row refuses the file.
 */
#include <getopt.h>
#include <string.h>
#include <unistd.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"
#include "ledger.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_import_entry = {
	"import", N_("suggestions|receptions|activities|stations|departments|"
	    "deputies FILE [--encoding auto|utf-8|gb18030] [--dry-run] "
	    "[--update] [--strict-names] [--skip-unknown-columns] [--verbose] "
	    "[--quiet]"),
	N_("read a CSV file (\"-\" for standard input)"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "encoding", required_argument, NULL, 'e' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "update", no_argument, NULL, 'u' },
		{ "strict-names", no_argument, NULL, 's' },
		{ "skip-unknown-columns", no_argument, NULL, 'k' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_import_entry;
	struct import_opts o = { 0 };
	enum cmd_status st = CMD_OK;
	struct db *db;
	int c, quiet = 0;

	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		switch (c) {
		case CMD_STOP:
			return st;
		case 'e':
			if (csv_enc_parse(optarg, &o.enc) == -1)
				return CMD_USAGE;
			break;
		case 'n':
			o.dry_run = 1;
			break;
		case 'u':
			o.update = 1;
			break;
		case 's':
			o.strict_names = 1;
			break;
		case 'k':
			o.skip_unknown = 1;
			break;
		case 'v':
			o.verbose = 1;
			break;
		default:
			quiet = 1;
		}
	}
	if (optind + 2 != argc)
		return usage_error(e, _("expected a table and a FILE"));
	if ((o.table = csv_table_find(argv[optind])) == NULL) {
		const char *names[16];
		int n;

		for (n = 0; n < 16 && csv_tables[n].name != NULL; n++)
			names[n] = csv_tables[n].name;
		return usage_unknown(e, _("unknown table '%s'"), argv[optind],
		    names, n);
	}
	o.path = argv[optind + 1];
	o.progress = !quiet && isatty(STDERR_FILENO);
	if ((db = cmd_begin(ctx)) == NULL)
		return ctx->status;
	st = import_file(db, ctx, &o, stdout);
	/* A dry run does everything but commit. */
	if (st == CMD_OK && o.dry_run) {
		db_end(db, CMD_REFUSED);
		db_close(db);
		return CMD_OK;
	}
	return cmd_end(db, st);
}
