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
#include "xmalloc.h"
#include "db.h"
#include "domain.h"
#include "out.h"
#include "csvmap.h"
#include "prompt.h"
#include "text.h"

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
 * The fields asked for at a terminal, in this order, each under the
 * label show gives it.
 */
enum field {
	F_TITLE, F_CONTENT, F_STATION, F_SOURCE, F_DATE, F_CATEGORY,
	F_SUBMITTER, F_PHONE, F_DEPUTY, F_COSIGNERS, NFIELDS
};

struct asking {
	struct cmd_ctx  *ctx;
	struct sug_new  *n;
	const char     **date;
	int              ncos;  /* cosigners given as options */
	long long        lead;  /* the lead deputy's id; 0 for none */
	char            *ans[NFIELDS]; /* the answers, until registered */
};

/*
 * Looks a name up as sug_add will (reg_find: an unknown or retired name
 * is refused, with the closest registered names suggested). 0 if found,
 * -1 after the refusal, -2 when the database fails (ctx->status set).
 */
static int
find(struct asking *a, enum reg_kind k, const char *name, long long *id)
{
	enum cmd_status st;
	struct db *db;

	if ((db = cmd_open(a->ctx)) == NULL)
		return -2;
	st = reg_find(db, k, name, 1, id);
	db_close(db);
	if (st == CMD_OK)
		return 0;
	if (st == CMD_REFUSED)
		return -1;
	a->ctx->status = st;
	return -2;
}

/* The cosigners typed (v, split in place), after those of the options. */
static int
check_cosigners(struct asking *a, char *v)
{
	struct sug_new *n = a->n;
	/* Each name takes two bytes at least, with its separator. */
	size_t cap = a->ncos + strlen(v) / 2 + 1;
	long long id;
	int i, k, rc;

	n->ncosigners = a->ncos;
	n->cosigners = xreallocarray(n->cosigners, cap, sizeof *n->cosigners);
	k = csv_split_names(v, (char **)n->cosigners + a->ncos,
	    (int)(cap - a->ncos));
	/* sug_add's limits, met here so that the entry is not lost. */
	if (a->ncos + k > MAX_LIST) {
		refuse(_("too many cosigners (%d; at most %d)"), a->ncos + k,
		    MAX_LIST);
		return -1;
	}
	for (i = a->ncos; i < a->ncos + k; i++) {
		if ((rc = find(a, REG_DEPUTY, n->cosigners[i], &id)) != 0)
			return rc;
		if (id == a->lead) {
			refuse(_("'%s' is the lead deputy and cannot also "
			    "cosign"), n->cosigners[i]);
			return -1;
		}
	}
	n->ncosigners = a->ncos + k;
	return 0;
}

/*
 * Checks one answer (v, "" for none: then the option's value, if any)
 * with the checks the options get, and takes it. 0 if taken, -1 after the
 * refusal (the field is asked again), -2 when the database fails.
 */
static int
check(struct asking *a, enum field f, char *v)
{
	struct sug_new *n = a->n;
	const char *x = NULL;
	long long id = 0;
	int i, rc;

#define OR(opt) (x = *v != '\0' ? v : (opt))
	switch (f) {
	case F_TITLE:
		if (arg_text(_("title"), v, TEXT_REQUIRED, MAX_TITLE) == -1)
			return -1;
		n->title = v;
		break;
	case F_CONTENT:
		if (arg_text(_("content"), OR(n->content), TEXT_MULTILINE,
		    MAX_TEXT) == -1)
			return -1;
		n->content = x;
		break;
	case F_STATION:
		if (OR(n->station) != NULL &&
		    (rc = find(a, REG_STATION, x, &id)) != 0)
			return rc;
		n->station = x;
		break;
	case F_SOURCE:
		if (OR(n->source) != NULL) {
			if ((i = arg_vocab(_("source"), vocab_source, x)) == -1)
				return -1;
			x = vocab_source[i].key;
		}
		n->source = x;
		break;
	case F_DATE:
		if (arg_event_date(a->ctx, OR(*a->date), &n->received) == -1)
			return -1;
		*a->date = x;
		break;
	case F_CATEGORY:
		if (arg_text(_("category"), OR(n->category), 0, MAX_NAME) ==
		    -1)
			return -1;
		n->category = x;
		break;
	case F_SUBMITTER:
		if (arg_text(_("submitter"), OR(n->submitter), 0, MAX_NAME) ==
		    -1)
			return -1;
		n->submitter = x;
		break;
	case F_PHONE:
		if (arg_phone(OR(n->phone)) == -1)
			return -1;
		n->phone = x;
		break;
	case F_DEPUTY:
		if (OR(n->deputy) != NULL &&
		    (rc = find(a, REG_DEPUTY, x, &id)) != 0)
			return rc;
		n->deputy = x;
		a->lead = id;
		break;
	case F_COSIGNERS:
		return check_cosigners(a, v);
	case NFIELDS:
		break;
	}
#undef OR
	return 0;
}

/*
 * Asks for each field in turn at the terminal, and asks again, after the
 * refusal with its "did you mean", for an answer the options would refuse:
 * nothing typed is lost at the end. An empty answer skips a field; end of
 * input (Ctrl-D) at any prompt cancels, and nothing is registered. The
 * answers are kept in a->ans (freed by the caller). Returns 0, or -1 with
 * ctx->status set.
 */
static int
ask(struct asking *a)
{
	struct table st, dp;
	const char **stations, **deputies, *sources[11], *const *names;
	char *label[NFIELDS], *v, day[11];
	int nst = 0, ndp = 0, nsrc = 0, nnames, rc = -1;
	enum field f;
	struct db *db;

	if ((db = cmd_open(a->ctx)) == NULL)
		return -1;
	stations = names_of(db, REG_STATION, &st, &nst);
	deputies = names_of(db, REG_DEPUTY, &dp, &ndp);
	db_close(db);
	for (; vocab_source[nsrc / 2].key != NULL; nsrc += 2) {
		sources[nsrc] = vocab_source[nsrc / 2].zh;
		sources[nsrc + 1] = vocab_source[nsrc / 2].key;
	}
	/* The labels of show, and the values allowed where there are some. */
	label[F_TITLE] = text_printf("%s", _("title"));
	label[F_CONTENT] = text_printf("%s", _("content"));
	label[F_STATION] = text_printf("%s", _("station"));
	label[F_SOURCE] = text_printf(_("%s (one of %s)"), _("source"),
	    vocab_keys(vocab_source));
	label[F_DATE] = text_printf(_("%s (empty for today, %s)"),
	    _("received"), date_iso(a->ctx->today, day));
	label[F_CATEGORY] = text_printf("%s", _("category"));
	label[F_SUBMITTER] = text_printf("%s", _("submitter"));
	label[F_PHONE] = text_printf("%s", _("phone"));
	label[F_DEPUTY] = text_printf("%s", _("lead deputy"));
	label[F_COSIGNERS] = text_printf("%s", _("cosigners"));
	fprintf(stderr, _("New suggestion: Tab completes names, an empty "
	    "answer skips a field, Ctrl-D cancels.\n"));
	for (f = 0; f < NFIELDS; f++) {
		names = NULL;
		nnames = 0;
		if (f == F_STATION) {
			names = stations;
			nnames = nst;
		} else if (f == F_SOURCE) {
			names = sources;
			nnames = nsrc;
		} else if (f == F_DEPUTY || f == F_COSIGNERS) {
			names = deputies;
			nnames = ndp;
		}
		do {
			if ((v = prompt_line(label[f], names, nnames)) ==
			    NULL) {
				fputc('\n', stderr);
				warnx(_("cancelled: nothing registered"));
				a->ctx->status = CMD_REFUSED;
				rc = -1;
				goto out;
			}
			/* The answer refused before is not used any more. */
			free(a->ans[f]);
			a->ans[f] = v;
		} while ((rc = check(a, f, v)) == -1);
		if (rc == -2)
			goto out;
	}
	rc = 0;
out:
	for (f = 0; f < NFIELDS; f++)
		free(label[f]);
	free(stations);
	free(deputies);
	table_free(&st);
	table_free(&dp);
	return rc == 0 ? 0 : -1;
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
	struct asking a = { .ctx = ctx, .n = &n, .date = &date };
	char *content = NULL, *number;
	int edit = 0, from_stdin = 0;
	enum cmd_status st = CMD_OK;
	struct db *db;
	int c, i;

	/* Room for every --cosigner; those typed at the prompt get theirs
	 * in check_cosigners. */
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
		a.ncos = n.ncosigners;
		if (ask(&a) == -1) {
			st = ctx->status ? ctx->status : CMD_REFUSED;
			goto out;
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
	for (i = 0; i < NFIELDS; i++)
		free(a.ans[i]);
	return st;
}
