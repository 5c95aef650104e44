/*
 * cmd-add.c — "jianyi add": registers a suggestion and prints its new number
 * alone on a line, so that n=$(jianyi add ...) works.
 */
#include <err.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"
#include "out.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_add_entry = {
	"add", N_("--title T [--content TEXT|-] [--station S] [--source SRC] "
	    "[--date D] [--category C] [--submitter NAME] [--phone P] "
	    "[--deputy LEAD] [--cosigner NAME]..."),
	N_("register a suggestion; prints its number"), exec,
};

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "title", required_argument, NULL, 't' },
		{ "content", required_argument, NULL, 'c' },
		{ "station", required_argument, NULL, 's' },
		{ "source", required_argument, NULL, 'o' },
		{ "date", required_argument, NULL, 'd' },
		{ "category", required_argument, NULL, 'g' },
		{ "submitter", required_argument, NULL, 'u' },
		{ "phone", required_argument, NULL, 'p' },
		{ "deputy", required_argument, NULL, 'l' },
		{ "cosigner", required_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_add_entry;
	struct sug_new n = { 0 };
	const char *date = NULL;
	char *content = NULL, number[40];
	enum cmd_status st = CMD_OK;
	struct db *db;
	int c, i;

	if ((n.cosigners = calloc(argc, sizeof *n.cosigners)) == NULL)
		err(1, NULL);
	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		switch (c) {
		case CMD_STOP:
			goto out;
		case 't':
			n.title = optarg;
			break;
		case 'c':
			n.content = optarg;
			break;
		case 's':
			n.station = optarg;
			break;
		case 'o':
			if ((i = arg_vocab(_("source"), vocab_source,
			    optarg)) == -1)
				goto refused;
			n.source = vocab_source[i].key;
			break;
		case 'd':
			date = optarg;
			break;
		case 'g':
			n.category = optarg;
			break;
		case 'u':
			n.submitter = optarg;
			break;
		case 'p':
			n.phone = optarg;
			break;
		case 'l':
			n.deputy = optarg;
			break;
		case 'x':
			n.cosigners[n.ncosigners++] = optarg;
			break;
		}
	}
	if (optind != argc) {
		st = usage_error(e, _("unexpected argument '%s'"),
		    argv[optind]);
		goto out;
	}
	if (n.title == NULL) {
		st = usage_error(e, _("--title is required"));
		goto out;
	}
	if (n.content != NULL && strcmp(n.content, "-") == 0) {
		if ((content = arg_read_stdin()) == NULL) {
			st = CMD_FAIL;
			goto out;
		}
		n.content = content;
	}
	if (arg_event_date(ctx, date, &n.received) == -1 ||
	    arg_text(_("title"), n.title, TEXT_REQUIRED, MAX_TITLE) == -1 ||
	    arg_text(_("content"), n.content, TEXT_MULTILINE, MAX_TEXT) ==
	    -1 ||
	    arg_text(_("category"), n.category, 0, MAX_NAME) == -1 ||
	    arg_text(_("submitter"), n.submitter, 0, MAX_NAME) == -1 ||
	    arg_phone(n.phone) == -1)
		goto refused;
	if ((db = cmd_begin(ctx)) == NULL) {
		st = ctx->status;
		goto out;
	}
	/* The number is printed before the commit: a number that cannot be
	 * told is not registered, so that a retry makes no duplicate. */
	if ((st = sug_add(db, ctx, &n, number)) == CMD_OK) {
		printf("%s\n", number);
		if (out_flush(stdout) == -1)
			st = CMD_FAIL;
	}
	st = cmd_end(db, st);
	goto out;
refused:
	st = CMD_REFUSED;
out:
	free(content);
	free(n.cosigners);
	return st;
}
