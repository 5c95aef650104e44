/*
 * cmd-export.c — "jianyi export": the ledger, receptions or activities as
 * CSV for Excel and WPS: UTF-8 with a BOM, CRLF. Submitters and phones are
 * masked unless --with-personal-data. The file is mode 0600 either way:
 * titles and contents are citizens' words, which masking cannot see into.
 */
#include <string.h>

#include "jianyi.h"
#include "ledger.h"
#include "ofile.h"

static enum cmd_status check(struct cmd_ctx *, struct args *);
static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "output", .type = OPT_FILE, .metavar = "FILE",
	    .help = N_("the file to write; - or none for standard output"),
	    .letter = 'o' },
	{ .name = "header", .type = OPT_WORD, .metavar = "zh|en",
	    .help = N_("the header row's language; zh if not given") },
	{ .name = "with-personal-data", .type = OPT_FLAG, .flags = 0,
	    
	    .help = N_("submitters' names and phones in full, not masked") },
	OPT_END,
};

const struct cmd_entry cmd_export_entry = {
	.name = "export", .operands = "suggestions|receptions|activities",
	.lower = 1, .upper = 1, .flags = CMD_READ, .opts = opts,
	.missing = N_("expected a table"),
	.summary = N_("write a CSV file for Excel and WPS"),
	.example = "jianyi export suggestions -o 台账.csv",
	.check = check, .exec = exec,
};

static enum cmd_status
check(struct cmd_ctx *ctx, struct args *a)
{
	static const char *const names[] = { "suggestions", "receptions",
	    "activities" };
	const char *h = args_get(a, "header");
	int i;

	(void)ctx;
	if (h != NULL && strcmp(h, "en") != 0 && strcmp(h, "zh") != 0)
		return usage_error(a->entry, _("invalid header '%s' (use "
		    "zh|en)"), h);
	for (i = 0; i < 3; i++)
		if (strcmp(a->argv[0], names[i]) == 0)
			return CMD_OK;
	return usage_unknown(a->entry, _("unknown table '%s' (use "
	    "suggestions|receptions|activities)"), a->argv[0], names, 3);
}

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	struct export_opts o = { 0 };
	const char *h = args_get(a, "header");
	enum cmd_status st;
	struct ofile *of;

	o.table = csv_table_find(a->argv[0]);
	o.english = h != NULL && strcmp(h, "en") == 0;
	o.personal_data = args_has(a, "with-personal-data");
	if ((of = ofile_open(args_get(a, "output"), ctx->dbpath,
	    OFILE_PRIVATE, &st)) == NULL)
		return st;
	return ofile_close(of, export_file(db, &o, ofile_fp(of)));
}
