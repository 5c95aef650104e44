/*
 * cmd-import.c — "jianyi import": reads a CSV file (the Excel or WPS
 * ledger, or a registry) in one transaction; any bad row refuses the file.
 */
#include <unistd.h>

#include "jianyi.h"
#include "domain.h"
#include "ledger.h"

static enum cmd_status check(struct cmd_ctx *, struct args *);
static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "encoding", .type = OPT_WORD, .flags = 0,
	    .metavar = "auto|utf-8|gb18030",
	    .help = N_("the file's encoding; auto tells UTF-8 from GB18030") },
	{ .name = "dry-run", .type = OPT_FLAG,
	    .help = N_("check every row and report, but change nothing") },
	{ .name = "update", .type = OPT_FLAG,
	    .help = N_("rows of suggestions already kept update them") },
	{ .name = "strict-names", .type = OPT_FLAG, .flags = 0,
	    
	    .help = N_("refuse names not registered, instead of "
	    "registering them") },
	{ .name = "skip-unknown-columns", .type = OPT_FLAG, .flags = 0,
	    
	    .help = N_("import the known columns and say which were skipped") },
	{ .name = "verbose", .type = OPT_FLAG,
	    .help = N_("list every new name") },
	{ .name = "quiet", .type = OPT_FLAG,
	    .help = N_("no progress on a terminal") },
	{ .name = "similar", .type = OPT_FLAG,
	    .help = N_("name the suggestions like each one added, and mark "
	    "it recurring if one is of an earlier year") },
	OPT_END,
};

const struct cmd_entry cmd_import_entry = {
	.name = "import", .operands = "suggestions|receptions|activities|"
	    "stations|departments|deputies FILE", .lower = 2, .upper = 2,
	.flags = CMD_WRITE | CMD_RAWARGS, .opts = opts,
	.missing = N_("expected a table and a FILE"),
	.summary = N_("read a CSV file (\"-\" for standard input)"),
	.example = "jianyi import suggestions 台账.csv --dry-run",
	.check = check, .exec = exec,
};

static enum cmd_status
check(struct cmd_ctx *ctx, struct args *a)
{
	const char *names[16];
	enum csv_enc enc;
	int n;

	(void)ctx;
	if (args_has(a, "encoding") &&
	    csv_enc_parse(args_get(a, "encoding"), &enc) == -1)
		return CMD_USAGE;
	if (csv_table_find(a->argv[0]) != NULL)
		return CMD_OK;
	for (n = 0; n < 16 && csv_tables[n].name != NULL; n++)
		names[n] = csv_tables[n].name;
	return usage_unknown(a->entry, _("unknown table '%s'"), a->argv[0],
	    names, n);
}

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	struct import_opts o = { 0 };

	if (args_has(a, "encoding"))
		csv_enc_parse(args_get(a, "encoding"), &o.enc);
	o.dry_run = a->dry_run = args_has(a, "dry-run");
	o.update = args_has(a, "update");
	o.strict_names = args_has(a, "strict-names");
	o.skip_unknown = args_has(a, "skip-unknown-columns");
	o.verbose = args_has(a, "verbose");
	o.similar = args_has(a, "similar");
	o.progress = !args_has(a, "quiet") && isatty(STDERR_FILENO);
	o.table = csv_table_find(a->argv[0]);
	o.path = a->argv[1];
	return import_file(db, ctx, &o, stdout);
}
