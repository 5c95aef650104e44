/*
 * cmd-reception.c — "jianyi reception": deputies receiving voters at a
 * liaison station (进站接待): one session, how many came, which deputies.
 */
#include <err.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);
static const char *const verbs[] = { "add", "list" };

const struct cmd_entry cmd_reception_entry = {
	"reception", N_("add --station S [--date D] --visitors N "
	    "[--deputy NAME]... [--note T]\n"
	    "list [--station S] [--month YYYY-MM] [--format F]"),
	N_("reception sessions at the liaison stations"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "station", required_argument, NULL, 's' },
		{ "date", required_argument, NULL, 'd' },
		{ "visitors", required_argument, NULL, 'v' },
		{ "deputy", required_argument, NULL, 'p' },
		{ "note", required_argument, NULL, 'n' },
		{ "month", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_reception_entry;
	struct reception_new r = { .visitors = -1 };
	const char *date = NULL, *verb;
	char from[11], to[11];
	struct period p = { NULL, NULL };
	enum fmt fmt = FMT_TEXT;
	enum cmd_status st = CMD_OK;
	struct table t;
	struct db *db;
	int c;

	r.deputies = xcalloc(argc, sizeof *r.deputies);
	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		switch (c) {
		case CMD_STOP:
			goto out;
		case 's':
			r.station = optarg;
			break;
		case 'd':
			date = optarg;
			break;
		case 'v':
			if (arg_count("--visitors", optarg, &r.visitors) == -1)
				goto refused;
			break;
		case 'p':
			r.deputies[r.ndeputies++] = optarg;
			break;
		case 'n':
			r.note = optarg;
			break;
		case 'm':
			if (arg_month(optarg, from, to) == -1)
				goto refused;
			p.from = from;
			p.to = to;
			break;
		default:
			if (fmt_parse(optarg, &fmt, 0) == -1) {
				st = CMD_USAGE;
				goto out;
			}
		}
	}
	if (optind + 1 != argc) {
		st = usage_error(e, _("expected add or list"));
		goto out;
	}
	verb = argv[optind];
	if (strcmp(verb, "list") == 0) {
		if ((db = cmd_open(ctx)) == NULL) {
			st = ctx->status;
			goto out;
		}
		table_init(&t, reception_cols, reception_ncols);
		st = cmd_print(db, reception_list(db, &p, r.station, &t), &t,
		    fmt);
		goto out;
	}
	if (strcmp(verb, "add") != 0) {
		st = usage_unknown(e, _("unknown verb '%s'"), verb, verbs, 2);
		goto out;
	}
	if (r.station == NULL || r.visitors < 0) {
		st = usage_error(e, _("'add' needs --station and --visitors"));
		goto out;
	}
	if (arg_event_date(ctx, date, &r.date) == -1 ||
	    arg_text(_("note"), r.note, 0, MAX_TITLE) == -1)
		goto refused;
	if ((db = cmd_begin(ctx)) == NULL) {
		st = ctx->status;
		goto out;
	}
	st = cmd_end(db, reception_add(db, ctx, &r));
	goto out;
refused:
	st = CMD_REFUSED;
out:
	free(r.deputies);
	return st;
}
