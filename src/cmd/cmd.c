/*
 * cmd.c — the dispatcher: finds a command's entry, parses its options by
 * their declared types, writes its usage and help from the same table,
 * opens the database as the entry asks, and begins and ends the command's
 * transaction (Fossil's db_begin_transaction and db_end_transaction). A
 * command file holds its table and what the command does, nothing else.
 */
#include <err.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "jianyi.h"
#include "db.h"
#include "out.h"
#include "text.h"

/* The value of one option, as parsed. */
struct argval {
	const char **v;     /* every value given, NULL-terminated */
	int          n;
	struct date  date;  /* OPT_DATE, OPT_DAY */
	long         count; /* OPT_COUNT */
	int          index; /* OPT_ENUM: the word's index in vocab */
	enum fmt     fmt;   /* OPT_FORMAT */
	char         from[11], to[11]; /* OPT_MONTH */
};

static void cmd_list_commands(const struct cmd_table *, FILE *);

/* --- options: lookup and accessors --- */

static int
nopts(const struct cmd_entry *e)
{
	int n = 0;

	while (e->opts != NULL && e->opts[n].name != NULL)
		n++;
	return n;
}

static int
opt_index(const struct args *a, const char *name)
{
	int i, n = nopts(a->entry);

	for (i = 0; i < n; i++)
		if (strcmp(a->entry->opts[i].name, name) == 0)
			return i;
	/* A name the table does not have is a slip in the code. */
	errx(CMD_FAIL, "internal error: %s has no option --%s",
	    a->entry->name, name);
}

const char *
args_get(const struct args *a, const char *name)
{
	const struct argval *v = &a->vals[opt_index(a, name)];

	return v->n > 0 ? v->v[v->n - 1] : NULL;
}

int
args_has(const struct args *a, const char *name)
{
	return a->vals[opt_index(a, name)].n;
}

const char **
args_all(const struct args *a, const char *name, int *n)
{
	const struct argval *v = &a->vals[opt_index(a, name)];

	if (n != NULL)
		*n = v->n;
	return v->v;
}

struct date
args_date(const struct args *a, const char *name)
{
	return a->vals[opt_index(a, name)].date;
}

long
args_count(const struct args *a, const char *name, long dflt)
{
	const struct argval *v = &a->vals[opt_index(a, name)];

	return v->n > 0 ? v->count : dflt;
}

const char *
args_key(const struct args *a, const char *name)
{
	int i = opt_index(a, name);
	const struct argval *v = &a->vals[i];

	return v->n > 0 ? a->entry->opts[i].vocab[v->index].key : NULL;
}

struct period
args_period(const struct args *a, const char *name)
{
	const struct argval *v = &a->vals[opt_index(a, name)];

	if (v->n == 0)
		return (struct period){ NULL, NULL };
	return (struct period){ v->from, v->to };
}

enum fmt
args_fmt(const struct args *a, const char *name)
{
	const struct argval *v = &a->vals[opt_index(a, name)];

	return v->n > 0 ? v->fmt : FMT_TEXT;
}

int
args_stdin(struct args *a, const char *name)
{
	int i = opt_index(a, name);
	const struct opt *o = &a->entry->opts[i];
	struct argval *v = &a->vals[i];

	if (v->n == 0 || strcmp(v->v[v->n - 1], "-") != 0)
		return 0;
	if ((a->input = arg_read_stdin()) == NULL)
		return -1;
	v->v[v->n - 1] = a->input;
	return arg_text(_(o->label), a->input, o->tflags, o->max);
}

enum cmd_status
cmd_check_text(struct cmd_ctx *ctx, struct args *a)
{
	(void)ctx;
	if (args_stdin(a, "text") == -1)
		return a->input == NULL ? CMD_FAIL : CMD_REFUSED;
	return CMD_OK;
}

/* --- usage and help, from the table --- */

/* "[--co D]...", "--dept D", "[--all]", "[-o FILE]". */
static void
opt_synopsis(FILE *fp, const struct opt *o)
{
	const char *req = o->flags & OPT_REQUIRED ? "" : "[";

	if (o->letter != '\0')
		fprintf(fp, " %s-%c", req, o->letter);
	else
		fprintf(fp, " %s--%s", req, o->name);
	if (o->type != OPT_FLAG)
		fprintf(fp, " %s", o->metavar != NULL ? o->metavar :
		    vocab_keys(o->vocab));
	fputs(o->flags & OPT_REQUIRED ? "" : "]", fp);
	if (o->flags & OPT_MANY)
		fputs("...", fp);
}

/* One synopsis: "assign NUMBER... --dept D [--co D]...". */
static void
synopsis(FILE *fp, const struct cmd_entry *e)
{
	int i, n = nopts(e);

	fprintf(fp, "jianyi %s", e->name);
	if (e->verb != NULL)
		fprintf(fp, " %s", e->verb);
	if (e->operands != NULL && *e->operands != '\0')
		fprintf(fp, " %s", e->operands);
	for (i = 0; i < n; i++)
		opt_synopsis(fp, &e->opts[i]);
	fputc('\n', fp);
}

/* The entries of a family (or the one entry of a command), in order. */
static int
family(const struct cmd_table *t, const char *name,
    const struct cmd_entry **out)
{
	int i, n = 0;

	for (i = 0; i < t->n && n < 32; i++)
		if (strcmp(t->v[i]->name, name) == 0)
			out[n++] = t->v[i];
	return n;
}

const struct cmd_entry *
cmd_find(const struct cmd_table *t, const char *name, const char *verb)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i]->name, name) == 0 && (verb == NULL ||
		    (t->v[i]->verb != NULL && strcmp(t->v[i]->verb, verb) ==
		    0)))
			return t->v[i];
	return NULL;
}

/* The names of the commands, each once; their number. */
static int
command_names(const struct cmd_table *t, const char **names, int max)
{
	int i, n = 0;

	for (i = 0; i < t->n && n < max; i++)
		if (n == 0 || strcmp(names[n - 1], t->v[i]->name) != 0)
			names[n++] = t->v[i]->name;
	return n;
}

int
cmd_known(const struct cmd_table *t, const char *name)
{
	const char *names[64], *near[3];
	int n = command_names(t, names, 64);

	if (cmd_find(t, name, NULL) != NULL)
		return 0;
	if (text_suggest(name, names, n, near, 3) > 0)
		warnx(_("unknown command '%s'; did you mean '%s'?"), name,
		    near[0]);
	else
		warnx(_("unknown command '%s'; see 'jianyi --help'"), name);
	return -1;
}

void
cmd_usage(const struct cmd_table *t, FILE *fp)
{
	fprintf(fp, _("usage: jianyi [--db FILE] COMMAND [ARGS]\n"));
	if (fp != stdout)
		return;
	fprintf(fp, _("\nA tracker for the suggestions a town people's "
	    "congress handles.\n\ncommands:\n"));
	cmd_list_commands(t, fp);
	fprintf(fp, _("\n'jianyi COMMAND --help' shows a command's "
	    "options.\n"));
}

void
cmd_synopses(const struct cmd_table *t, FILE *fp)
{
	int i;

	for (i = 0; i < t->n; i++)
		synopsis(fp, t->v[i]);
}

static void
cmd_list_commands(const struct cmd_table *t, FILE *fp)
{
	const struct cmd_entry *e;
	int i;

	for (i = 0; i < t->n; i++) {
		e = t->v[i];
		if (i > 0 && strcmp(t->v[i - 1]->name, e->name) == 0)
			continue;
		fputs("  ", fp);
		out_padded(fp, e->name, 11, 0);
		fprintf(fp, "%s\n", _(e->family != NULL ? e->family :
		    e->summary));
	}
}

void
cmd_family_help(const struct cmd_table *t, const struct cmd_entry *e,
    FILE *fp)
{
	const struct cmd_entry *fam[32];
	int i, n = family(t, e->name, fam);

	fprintf(fp, _("usage: "));
	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs("       ", fp);
		synopsis(fp, fam[i]);
	}
	if (fp == stdout)
		fprintf(fp, "\n%s\n", _(fam[0]->family));
}

void
cmd_help(const struct cmd_entry *e, FILE *fp, int full)
{
	const struct opt *o;
	char *left;
	int i, n = nopts(e);

	fprintf(fp, _("usage: "));
	synopsis(fp, e);
	if (!full)
		return;
	fprintf(fp, "\n%s\n", _(e->summary));
	if (n > 0)
		fprintf(fp, _("\noptions:\n"));
	for (i = 0; i < n; i++) {
		o = &e->opts[i];
		if (o->type == OPT_FLAG)
			xasprintf(&left, "--%s", o->name);
		else if (o->letter != '\0')
			xasprintf(&left, "-%c, --%s %s", o->letter, o->name,
			    o->metavar);
		else
			xasprintf(&left, "--%s %s", o->name, o->metavar !=
			    NULL ? o->metavar : vocab_keys(o->vocab));
		fputs("  ", fp);
		/* A long left column (--format text|md|csv|json|html|xlsx)
		 * has its line below it. */
		if (text_width(left) > 24) {
			fprintf(fp, "%s\n", left);
			out_padded(fp, "", 26, 0);
		} else
			out_padded(fp, left, 26, 0);
		fprintf(fp, "%s\n", _(o->help));
		free(left);
	}
	if (e->example != NULL)
		fprintf(fp, _("\nexample:\n  %s\n"), e->example);
}

/* --- parsing --- */

/*
 * The normalised copy of an argument (text_norm), kept until the program
 * ends: a name or a text enters from the command line as from an import.
 */
static char *
norm_arg(char *s)
{
	static char **kept;
	static size_t nkept;
	char *n = text_norm(s, strlen(s), NULL);

	if (strcmp(n, s) == 0) {
		free(n);
		return s;
	}
	kept = xreallocarray(kept, nkept + 1, sizeof *kept);
	return kept[nkept++] = n;
}

/*
 * The usage error for what getopt_long refused (c is ':' or '?'), naming
 * the option itself: "-x" of a cluster "-xy" (getopt leaves optind on the
 * cluster, or past it after its last letter, never on the word before),
 * or "--name" without the value it was given.
 */
static enum cmd_status
bad_option(const struct cmd_entry *e, int c, int argc, char **argv,
    const struct option *lo)
{
	char name[3] = { '-', (char)optopt, '\0' };
	const char *eq, *last = argv[optind - 1];
	size_t n;
	int i;

	if (strncmp(last, "--", 2) == 0 && last[2] != '\0') {
		eq = strchr(last, '=');
		n = eq != NULL ? (size_t)(eq - last - 2) : strlen(last + 2);
		/* A long option (or its abbreviation) given a value it does
		 * not take leaves its letter in optopt too; a letter of a
		 * cluster after a long option is not that. */
		for (i = 0; c == '?' && eq != NULL && lo[i].name != NULL; i++)
			if (strncmp(lo[i].name, last + 2, n) == 0 &&
			    lo[i].has_arg == no_argument)
				return usage_error(e, _("option '--%s' takes "
				    "no value"), lo[i].name);
		if (c == ':' || optopt == 0) {
			enum cmd_status st;
			char *opt;

			opt = xstrndup(last, n + 2);
			/* jianyi list --db X: the one that belongs before. */
			if (c == '?' && strcmp(opt, "--db") == 0)
				st = usage_error(e, _("'--db' is a global "
				    "option and goes before the command: "
				    "'jianyi --db FILE %s'"), e->name);
			else
				st = usage_error(e, c == ':' ? _("option '%s' "
				    "needs a value") : _("unknown option '%s'"),
				    opt);
			free(opt);
			return st;
		}
	}
	if (optopt == 0)
		return usage_error(e, _("unknown option '%s'"), last);
	/* A byte of a character that is not ASCII ("-中"), or a control
	 * character: the word it is in, never a character cut in two. */
	if (optopt < 0x21 || optopt > 0x7e) {
		if (optind < argc && argv[optind][0] == '-' &&
		    strchr(argv[optind], optopt) != NULL)
			last = argv[optind];
		return usage_error(e, _("unknown option '%s'"), last);
	}
	return usage_error(e, c == ':' ? _("option '%s' needs a value") :
	    _("unknown option '%s'"), name);
}

/* Checks one value by its type and keeps it; the status of a refusal. */
static enum cmd_status
take(struct cmd_ctx *ctx, const struct opt *o, struct argval *v, char *s)
{
	char label[64];
	int i;

	if (o->label != NULL)
		snprintf(label, sizeof label, "%s", _(o->label));
	else
		snprintf(label, sizeof label, "--%s", o->name);
	if (o->type != OPT_FILE && o->type != OPT_FLAG)
		s = norm_arg(s);
	switch (o->type) {
	case OPT_FLAG:
	case OPT_NAME:
	case OPT_WORD:
	case OPT_FILE:
		break;
	case OPT_TEXT:
		if (arg_text(label, s, o->tflags, o->max) == -1)
			return CMD_REFUSED;
		break;
	case OPT_DATE:
		if (arg_date(s, &v->date) == -1)
			return CMD_REFUSED;
		break;
	case OPT_DAY:
		if (arg_event_date(ctx, s, &v->date) == -1)
			return CMD_REFUSED;
		break;
	case OPT_MONTH:
		if (arg_month(s, v->from, v->to) == -1)
			return CMD_REFUSED;
		break;
	case OPT_ENUM:
		if ((i = arg_vocab(label, o->vocab, s)) == -1)
			return CMD_REFUSED;
		v->index = i;
		break;
	case OPT_COUNT:
		if (arg_count(label, s, &v->count) == -1)
			return CMD_REFUSED;
		break;
	case OPT_FORMAT:
		if (fmt_parse(s, &v->fmt, o->max) == -1)
			return CMD_USAGE;
		break;
	}
	v->v[v->n++] = o->type == OPT_FLAG ? "" : s;
	v->v[v->n] = NULL;
	return CMD_OK;
}

/*
 * Parses argv (argv[0] the command, or the verb of a family) into a:
 * every option by its type, then the operands' bounds and the required
 * options. CMD_OK; else the status, after one line (or the help printed,
 * *done set).
 */
static enum cmd_status
parse(struct cmd_ctx *ctx, const struct cmd_entry *e, int argc, char **argv,
    struct args *a, int *done)
{
	int i, n = nopts(e), c, idx;
	struct option *lo;
	char shorts[8] = ":h";
	enum cmd_status st = CMD_OK;

	a->entry = e;
	a->vals = xcalloc(n + 1, sizeof *a->vals);
	lo = xcalloc(n + 2, sizeof *lo);
	for (i = 0; i < n; i++) {
		lo[i].name = e->opts[i].name;
		lo[i].has_arg = e->opts[i].type == OPT_FLAG ? no_argument :
		    required_argument;
		lo[i].val = 256 + i;
		/* Room for every value the command line could hold. */
		a->vals[i].v = xcalloc(argc + 1, sizeof *a->vals[i].v);
		if (e->opts[i].letter != '\0') {
			shorts[2] = e->opts[i].letter;
			shorts[3] = ':';
		}
	}
	lo[n] = (struct option){ "help", no_argument, NULL, 'h' };
	opterr = 0;
	optind = 0;
	while (st == CMD_OK &&
	    (c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
		if (c == 'h') {
			cmd_help(e, stdout, 1);
			*done = 1;
			break;
		}
		if (c == ':' || c == '?') {
			st = bad_option(e, c, argc, argv, lo);
			break;
		}
		idx = c >= 256 ? c - 256 : -1;
		for (i = 0; idx == -1 && i < n; i++)
			if (e->opts[i].letter == c)
				idx = i;
		if (!(e->opts[idx].flags & OPT_MANY) &&
		    e->opts[idx].type == OPT_FLAG && a->vals[idx].n > 0)
			continue;
		st = take(ctx, &e->opts[idx], &a->vals[idx], optarg);
	}
	free(lo);
	if (st != CMD_OK || *done)
		return st;
	a->argc = argc - optind;
	a->argv = argv + optind;
	if (!(e->flags & CMD_RAWARGS))
		for (i = 0; i < a->argc; i++)
			a->argv[i] = norm_arg(a->argv[i]);
	if (a->argc > e->upper && e->upper >= 0 && e->missing == NULL)
		return usage_error(e, _("unexpected argument '%s'"),
		    a->argv[e->upper]);
	if (a->argc < e->lower || (a->argc > e->upper && e->upper >= 0))
		return usage_error(e, "%s", _(e->missing));
	for (i = 0; i < n; i++)
		if (e->opts[i].flags & OPT_REQUIRED && a->vals[i].n == 0)
			return usage_error(e, "%s", _(e->needs != NULL ?
			    e->needs : e->missing));
	/* The day it happened, or as of, is today when not given. */
	for (i = 0; i < n; i++)
		if ((e->opts[i].type == OPT_DAY ||
		    e->opts[i].type == OPT_DATE) && a->vals[i].n == 0)
			a->vals[i].date = ctx->today;
	return CMD_OK;
}

static void
args_free(struct args *a)
{
	int i, n = nopts(a->entry);

	for (i = 0; i < n && a->vals != NULL; i++)
		free(a->vals[i].v);
	free(a->vals);
	free(a->input);
	if (a->priv != NULL)
		a->priv_free(a->priv);
}

/* --- dispatch --- */

/* "expected add, list, rename or retire". */
static enum cmd_status
no_verb(const struct cmd_entry *const *fam, int n)
{
	char *list = NULL, *more;
	enum cmd_status st;
	int i;

	for (i = 0; i < n; i++) {
		if (list == NULL)
			more = xstrdup(fam[i]->verb);
		else
			xasprintf(&more, "%s%s%s", list, i == n - 1 ?
			    _(" or ") : _(", "), fam[i]->verb);
		free(list);
		list = more;
	}
	st = usage_error(fam[0], _("expected %s"), list);
	free(list);
	return st;
}

/*
 * The verb of a family: the first word that is not an option or the value
 * of one ("station --all list"), taken out of argv; -1 if there is none.
 */
static int
find_verb(const struct cmd_entry *const *fam, int nfam, int argc,
    char **argv)
{
	const struct opt *o;
	size_t len;
	int i, j, k, valued;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return i + 1 < argc ? i + 1 : -1;
		if (argv[i][0] != '-' || argv[i][1] == '\0')
			return i;
		if (strncmp(argv[i], "--", 2) != 0 || strchr(argv[i], '='))
			continue;
		/* --village V: V is not the verb. */
		len = strlen(argv[i] + 2);
		valued = 0;
		for (j = 0; j < nfam; j++)
			for (k = 0; fam[j]->opts != NULL &&
			    (o = &fam[j]->opts[k])->name != NULL; k++)
				if (strncmp(o->name, argv[i] + 2, len) == 0 &&
				    o->type != OPT_FLAG)
					valued = 1;
		if (valued)
			i++;
	}
	return -1;
}

static enum cmd_status
run(struct cmd_ctx *ctx, const struct cmd_entry *e, struct args *a)
{
	enum cmd_status st = CMD_OK;
	struct db *db = NULL;
	int refused;

	if (e->check != NULL && (st = e->check(ctx, a)) != CMD_OK)
		return st;
	if (!(e->flags & CMD_NODB)) {
		db = db_open(ctx->dbpath, e->flags & CMD_WRITE ? 0 : DB_READ,
		    &refused);
		if (db == NULL)
			return refused ? CMD_REFUSED : CMD_FAIL;
	}
	if (e->flags & CMD_WRITE) {
		if (e->ask != NULL && (st = e->ask(ctx, db, a)) != CMD_OK) {
			db_close(db);
			return st;
		}
		if (db_begin(db) == -1) {
			db_close(db);
			return CMD_FAIL;
		}
	}
	st = e->exec(ctx, db, a);
	if (e->flags & CMD_WRITE) {
		/* What the command printed (a new number, an import's
		 * summary) is written out before the commit: output that
		 * cannot be written rolls the command back, after one
		 * message. A dry run does everything but commit. */
		if (st == CMD_OK && out_flush(stdout) == -1)
			st = CMD_FAIL;
		if (st == CMD_OK && a->dry_run)
			db_end(db, CMD_REFUSED);
		else
			st = db_end(db, st);
	}
	if (db != NULL)
		db_close(db);
	return st;
}

enum cmd_status
cmd_run(struct cmd_ctx *ctx, const struct cmd_table *t, int argc,
    char **argv)
{
	const struct cmd_entry *fam[32] = { NULL }, *e = NULL;
	const char *names[32];
	struct args a;
	enum cmd_status st;
	int i, n, v, done = 0;

	n = family(t, argv[0], fam);
	if (n == 1 && fam[0]->verb == NULL)
		e = fam[0];
	else if ((v = find_verb(fam, n, argc, argv)) == -1) {
		/* "jianyi dept --help"; "jianyi config", its default. */
		for (i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 ||
			    strcmp(argv[i], "-h") == 0) {
				cmd_family_help(t, fam[0], stdout);
				return CMD_OK;
			}
		for (i = 0; i < n && e == NULL; i++)
			if (fam[i]->flags & CMD_DEFAULT)
				e = fam[i];
		if (e == NULL)
			return no_verb(fam, n);
	} else {
		for (i = 0; i < n; i++) {
			names[i] = fam[i]->verb;
			if (strcmp(argv[v], fam[i]->verb) == 0)
				e = fam[i];
		}
		if (e == NULL)
			return usage_unknown(fam[0], _("unknown verb '%s'"),
			    argv[v], names, n);
		/* The verb out, the options (and operands) in place. */
		memmove(argv + v, argv + v + 1, (argc - v) * sizeof *argv);
		argc--;
	}
	memset(&a, 0, sizeof a);
	a.table = t;
	st = parse(ctx, e, argc, argv, &a, &done);
	if (st == CMD_OK && !done)
		st = run(ctx, e, &a);
	args_free(&a);
	return st;
}
