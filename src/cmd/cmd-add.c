/*
 * cmd-add.c — "jianyi add": registers a suggestion and prints its new number
 * alone on a line, so that n=$(jianyi add ...) works.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jianyi.h"
#include "xmalloc.h"
#include "domain.h"
#include "out.h"
#include "csvmap.h"
#include "prompt.h"
#include "regcmd.h"
#include "text.h"

static enum cmd_status check_args(struct cmd_ctx *, struct args *);
static enum cmd_status ask_all(struct cmd_ctx *, struct db *, struct args *);
static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "title", .type = OPT_TEXT, .metavar = "T",
	    .help = N_("the title (标题); asked for on a terminal if not "
	    "given"),
	    .label = N_("title"), .max = MAX_TITLE, .tflags = TEXT_REQUIRED },
	{ .name = "content", .type = OPT_TEXT, .metavar = "TEXT|-",
	    .help = N_("the full text; - reads it from standard input"),
	    .label = N_("content"), .max = MAX_TEXT, .tflags = TEXT_MULTILINE },
	{ .name = "station", .type = OPT_NAME, .metavar = "S",
	    .help = N_("the liaison station where it was collected") },
	{ .name = "source", .type = OPT_ENUM, .metavar = "SRC",
	    .help = N_("where it came from: reception, session, group, "
	    "online or other"),
	    .label = N_("source"), .vocab = vocab_source },
	{ .name = "date", .type = OPT_DAY, .metavar = "D",
	    .help = N_("the day it was received; today if not given") },
	{ .name = "category", .type = OPT_TEXT, .metavar = "C",
	    .help = N_("its category, e.g. 城乡建设"), .label = N_("category"),
	    .max = MAX_NAME },
	{ .name = "submitter", .type = OPT_TEXT, .metavar = "NAME",
	    .help = N_("the voter who raised it"), .label = N_("submitter"),
	    .max = MAX_NAME },
	{ .name = "phone", .type = OPT_WORD, .metavar = "P",
	    .help = N_("the voter's phone number") },
	{ .name = "deputy", .type = OPT_NAME, .metavar = "LEAD",
	    .help = N_("the lead deputy (领衔代表)") },
	{ .name = "cosigner", .type = OPT_NAME, .flags = OPT_MANY,
	    .metavar = "NAME",
	    .help = N_("a deputy who cosigns it (附议); again for more") },
	{ .name = "similar", .type = OPT_FLAG,
	    .help = N_("name those alike on stderr, also when it is not a "
	    "terminal") },
	{ .name = "edit", .type = OPT_FLAG,
	    .help = N_("write the content in $VISUAL or $EDITOR") },
	OPT_END,
};

const struct cmd_entry cmd_add_entry = {
	.name = "add", .upper = 0, .flags = CMD_WRITE, .opts = opts,
	.summary = N_("register a suggestion; prints its number (on a "
	    "terminal, without --title, asks for each field)"),
	.example = "jianyi add --title '黄塘村路灯损坏' --station 黄塘 "
	    "--deputy 张三 --date 2023-02-10",
	.check = check_args, .ask = ask_all, .exec = exec,
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
	if (reg_list(db, k, 0, table_row, t) != CMD_OK)
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
	struct db       *db;
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

	st = reg_find(a->db, k, name, 1, id);
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

	stations = names_of(a->db, REG_STATION, &st, &nst);
	deputies = names_of(a->db, REG_DEPUTY, &dp, &ndp);
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

/* What add keeps from its checks to its questions and the registration. */
struct adding {
	struct sug_new n;
	const char    *date;
	struct asking  a;
	char          *content; /* from the editor */
};

static void
adding_free(void *p)
{
	struct adding *s = p;
	int i;

	free(s->content);
	free(s->n.cosigners);
	for (i = 0; i < NFIELDS; i++)
		free(s->a.ans[i]);
	free(s);
}

static enum cmd_status
check_args(struct cmd_ctx *ctx, struct args *a)
{
	struct adding *s = xcalloc(1, sizeof *s);
	struct sug_new *n = &s->n;
	const char **cos;
	int ncos;

	a->priv = s;
	a->priv_free = adding_free;
	if (!args_has(a, "title") &&
	    !(isatty(STDIN_FILENO) && isatty(STDERR_FILENO)))
		return usage_error(a->entry, _("--title is required"));
	if (args_has(a, "edit") && args_has(a, "content"))
		return usage_error(a->entry, _("--edit and --content cannot be "
		    "used together"));
	if (arg_phone(args_get(a, "phone")) == -1)
		return CMD_REFUSED;
	/* Only "--content -" reads standard input: a "-" typed at the
	 * prompt or in the editor is text. */
	if (args_stdin(a, "content") == -1)
		return a->input == NULL ? CMD_FAIL : CMD_REFUSED;
	n->title = args_get(a, "title");
	n->content = args_get(a, "content");
	n->station = args_get(a, "station");
	n->source = args_key(a, "source");
	n->received = args_date(a, "date");
	n->category = args_get(a, "category");
	n->submitter = args_get(a, "submitter");
	n->phone = args_get(a, "phone");
	n->deputy = args_get(a, "deputy");
	/* Room for every --cosigner; those typed at the prompt get theirs
	 * in check_cosigners. */
	cos = args_all(a, "cosigner", &ncos);
	n->cosigners = xcalloc(ncos + 1, sizeof *n->cosigners);
	memcpy(n->cosigners, cos, ncos * sizeof *cos);
	n->ncosigners = ncos;
	s->date = args_get(a, "date");
	s->a = (struct asking){ .ctx = ctx, .n = n, .date = &s->date,
	    .ncos = ncos };
	return CMD_OK;
}

/* At a terminal without --title, the questions; then the editor. */
static enum cmd_status
ask_all(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	struct adding *s = a->priv;
	struct sug_new *n = &s->n;

	if (n->title == NULL) {
		s->a.db = db;
		ctx->status = CMD_OK;
		if (ask(&s->a) == -1)
			return ctx->status ? ctx->status : CMD_REFUSED;
	}
	if (args_has(a, "edit")) {
		if ((s->content = prompt_editor(_("Write the suggestion's "
		    "content above; lines starting with '#' are left "
		    "out."))) == NULL)
			return CMD_FAIL;
		n->content = *s->content != '\0' ? s->content : NULL;
		if (arg_text(_("content"), n->content, TEXT_MULTILINE,
		    MAX_TEXT) == -1)
			return CMD_REFUSED;
	}
	return CMD_OK;
}

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	struct adding *s = a->priv;
	enum cmd_status st;
	char *number;

	/* The number is printed before the commit (cmd.c): a number that
	 * cannot be told is not registered, so that a retry makes no
	 * duplicate. */
	if ((st = sug_add(db, ctx, &s->n, &number)) == CMD_OK) {
		printf("%s\n", number);
		/* Those like it, of this year and earlier ones, on stderr
		 * where a person reads it (or when asked): a duplicate to
		 * merge, a matter raised again. */
		if (args_has(a, "similar") || isatty(STDERR_FILENO))
			st = sug_tell_alike(db, number, s->n.title,
			    s->n.received.y, NULL);
		free(number);
	}
	return st;
}
