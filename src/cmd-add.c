/*
 * cmd-add.c — "jianyi add": registers a suggestion and prints its new number
 * alone on a line, so that n=$(jianyi add ...) works.
 */
#include <err.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"
#include "out.h"
#include "csvmap.h"
#include "prompt.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_add_entry = {
	"add", N_("--title T [--content TEXT|- | --edit] [--station S] "
	    "[--source SRC] [--date D] [--category C] [--submitter NAME] "
	    "[--phone P] [--deputy LEAD] [--cosigner NAME]..."),
	N_("register a suggestion; prints its number (on a terminal, without "
	    "--title, asks for each field)"), exec,
};

/* Registered names of one kind, for completion; *n gets how many. The
 * table t holds the strings; the caller frees both. */
static const char **
names_of(struct db *db, enum reg_kind k, struct table *t, int *n)
{
	const struct col *cols;
	const char **v;
	int ncols;
	size_t i;

	cols = reg_cols(k, &ncols);
	table_init(t, cols, ncols);
	if (reg_list(db, k, 0, t) != CMD_OK)
		t->nrows = 0;
	if ((v = calloc(t->nrows + 1, sizeof *v)) == NULL)
		xnomem();
	for (i = 0; i < t->nrows; i++)
		v[i] = table_cell(t, i, 0);
	*n = (int)t->nrows;
	return v;
}

/*
 * Asks for each field in turn at the terminal; the answers are kept in
 * held[] (freed by the caller). Returns 0, or -1 at end of input.
 */
static int
ask(struct cmd_ctx *ctx, struct sug_new *n, const char **date, char **held,
    char **cosbuf)
{
	struct table st, dp;
	const char **stations, **deputies, *sources[11];
	char *v;
	int nst = 0, ndp = 0, i, k = 0, rc = -1;
	struct db *db;

	if ((db = cmd_open(ctx)) == NULL)
		return -1;
	stations = names_of(db, REG_STATION, &st, &nst);
	deputies = names_of(db, REG_DEPUTY, &dp, &ndp);
	db_close(db);
	for (i = 0; vocab_source[i].key != NULL; i++) {
		sources[2 * i] = vocab_source[i].zh;
		sources[2 * i + 1] = vocab_source[i].key;
	}
	fprintf(stderr, _("New suggestion (Tab completes names; an empty "
	    "answer skips the field).\n"));
	do {
		free(held[0]);
		if ((held[0] = prompt_line(_("title"), NULL, 0)) == NULL)
			goto out;
	} while (held[0][0] == '\0');
	n->title = held[0];
#define ASK(label, names, nnames, dst) do {				\
		if ((v = prompt_line(label, names, nnames)) == NULL)	\
			goto out;					\
		held[++k] = v;						\
		if (*v != '\0')					\
			dst = v;					\
	} while (0)
	ASK(_("content"), NULL, 0, n->content);
	ASK(_("station"), stations, nst, n->station);
	ASK(_("source"), sources, 10, n->source);
	ASK(_("date received"), NULL, 0, *date);
	ASK(_("category"), NULL, 0, n->category);
	ASK(_("submitter"), NULL, 0, n->submitter);
	ASK(_("phone"), NULL, 0, n->phone);
	ASK(_("lead deputy"), deputies, ndp, n->deputy);
	ASK(_("cosigners"), deputies, ndp, *cosbuf);
#undef ASK
	rc = 0;
out:
	if (rc == -1)
		fputc('\n', stderr);
	free(stations);
	free(deputies);
	table_free(&st);
	table_free(&dp);
	return rc;
}

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
		{ "edit", no_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_add_entry;
	struct sug_new n = { 0 };
	const char *date = NULL;
	char *content = NULL, *number, *held[12] = { 0 }, *cosbuf = NULL;
	int edit = 0, from_stdin = 0;
	enum cmd_status st = CMD_OK;
	struct db *db;
	int c, i;

	/* Room for every --cosigner; those typed at the prompt get theirs
	 * below. */
	if ((n.cosigners = calloc(argc + 1, sizeof *n.cosigners)) == NULL)
		xnomem();
	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		switch (c) {
		case CMD_STOP:
			goto out;
		case 't':
			n.title = optarg;
			break;
		case 'c':
			n.content = optarg;
			/* Only "--content -" reads standard input: a "-"
			 * typed at the prompt or in the editor is text. */
			from_stdin = strcmp(optarg, "-") == 0;
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
		case 'e':
			edit = 1;
			break;
		}
	}
	if (optind != argc) {
		st = usage_error(e, _("unexpected argument '%s'"),
		    argv[optind]);
		goto out;
	}
	if (n.title == NULL && isatty(STDIN_FILENO) && isatty(STDERR_FILENO)) {
		if (ask(ctx, &n, &date, held, &cosbuf) == -1) {
			st = ctx->status ? ctx->status : CMD_REFUSED;
			goto out;
		}
		if (cosbuf != NULL) {
			/* As many as typed: each takes two bytes at least,
			 * with its separator; sug_add checks the limit. */
			size_t cap = n.ncosigners + strlen(cosbuf) / 2 + 1;

			n.cosigners = reallocarray(n.cosigners, cap,
			    sizeof *n.cosigners);
			if (n.cosigners == NULL)
				xnomem();
			n.ncosigners += csv_split_names(cosbuf,
			    (char **)n.cosigners + n.ncosigners,
			    (int)(cap - n.ncosigners));
		}
		if (n.source != NULL) {
			if ((i = arg_vocab(_("source"), vocab_source,
			    n.source)) == -1)
				goto refused;
			n.source = vocab_source[i].key;
		}
	}
	if (n.title == NULL) {
		st = usage_error(e, _("--title is required"));
		goto out;
	}
	if (edit) {
		if (n.content != NULL) {
			st = usage_error(e, _("--edit and --content cannot be "
			    "used together"));
			goto out;
		}
		if ((content = prompt_editor(_("Write the suggestion's content "
		    "above; lines starting with '#' are left out."))) == NULL) {
			st = CMD_FAIL;
			goto out;
		}
		n.content = *content != '\0' ? content : NULL;
	}
	if (from_stdin) {
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
	if ((st = sug_add(db, ctx, &n, &number)) == CMD_OK) {
		printf("%s\n", number);
		free(number);
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
	for (i = 0; i < 12; i++)
		free(held[i]);
	return st;
}
