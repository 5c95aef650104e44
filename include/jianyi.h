/*
 * jianyi.h — the internal interface shared by the commands: command entries,
 * exit statuses, messages, output formats and the domain functions that the
 * commands call. Only src/store/db.c talks to SQLite; see db.h.
 */
#ifndef JIANYI_H
#define JIANYI_H

#include <stdio.h>

#include "date.h"
#include "vocab.h"

#include "check.h"
#include "ctx.h"
#include "msg.h"
#include "out.h"
#include "xmalloc.h"

struct db;
struct args;

/*
 * Commands declare themselves, as tmux's cmd_entry with its args template
 * and git's parse-options with OPT_* do: a table of typed options, the
 * bounds of the operands and what the command needs of the database. The
 * dispatcher (cmd.c) parses and checks the options, opens the database,
 * begins and ends the transaction; a command file only says what to do.
 */
enum opt_type {
	OPT_FLAG,   /* takes no value: --all */
	OPT_TEXT,   /* a text of at most max characters (tflags: TEXT_*) */
	OPT_NAME,   /* a registered name: a station, department or deputy */
	OPT_WORD,   /* a word the command checks itself: --encoding */
	OPT_FILE,   /* a file name, taken as given (never normalised) */
	OPT_DATE,   /* YYYY-MM-DD, any date kept */
	OPT_DAY,    /* the day it happened: today if not given, never later */
	OPT_MONTH,  /* YYYY-MM, as its first and last day */
	OPT_ENUM,   /* a word of vocab, in English or Chinese */
	OPT_COUNT,  /* a whole number, 0 or more */
	OPT_FORMAT, /* text|csv|json; with max 1, the report formats too */
};

/* Option flags. */
#define OPT_REQUIRED 0x1 /* missing: the command's usage error */
#define OPT_MANY     0x2 /* may be given again: --co A --co B */

struct opt {
	const char         *name;    /* --name */
	enum opt_type       type;
	int                 flags;   /* OPT_* */
	const char         *metavar; /* the value's place in the synopsis */
	const char         *help;    /* one line for --help */
	const char         *label;   /* what a refusal names; else --name */
	int                 max;     /* OPT_TEXT: characters; OPT_FORMAT */
	int                 tflags;  /* OPT_TEXT: TEXT_REQUIRED, MULTILINE */
	const struct vocab *vocab;   /* OPT_ENUM */
	char                letter;  /* a short option: -o for --output */
};

/* The options that many commands share. */
#define OPT_ON_DATE { .name = "date", .type = OPT_DAY, .metavar = "D", \
	.help = N_("the day it happened; today if not given, never later") }
#define OPT_LIST_FORMAT(mv) { .name = "format", .type = OPT_FORMAT, \
	.metavar = (mv), .help = N_("text (a table), csv or json") }
#define OPT_END { .name = NULL }

/* Command flags: what the dispatcher opens before exec. */
#define CMD_NODB    0x1 /* no database (exec gets NULL) */
#define CMD_READ    0x2 /* read only: works where it cannot be written */
#define CMD_WRITE   0x4 /* writable, in a transaction ended by cmd.c */
#define CMD_RAWARGS 0x8 /* the operands are file names: not normalised */
#define CMD_DEFAULT 0x10 /* the verb of its family when none is given */

struct cmd_entry {
	const char       *name;     /* "station" */
	const char       *verb;     /* "add" for "station add"; NULL */
	const char       *operands; /* the synopsis's operands: "NUMBER..." */
	int               lower;    /* operands, at least */
	int               upper;    /* and at most; -1 for any number */
	int               flags;    /* CMD_* */
	const struct opt *opts;     /* ended by a NULL name */
	const char       *missing;  /* the usage error for wrong operands */
	const char       *needs;    /* for a required option; else missing */
	const char       *summary;  /* one line: jianyi --help, --help */
	const char       *example;  /* one command line for --help */
	const char       *family;   /* the first verb's: the family's line */
	int               kind;     /* for verbs that families share */
	/* Before the database is opened: checks across options. */
	enum cmd_status (*check)(struct cmd_ctx *, struct args *);
	/* CMD_WRITE only: with the database open, before the transaction
	 * (the questions of add, which look names up as they are typed). */
	enum cmd_status (*ask)(struct cmd_ctx *, struct db *, struct args *);
	enum cmd_status (*exec)(struct cmd_ctx *, struct db *, struct args *);
};

/* The parsed command line (cmd.c). The accessors take an option's name;
 * one that the entry does not declare is a programming error (abort). */
struct args {
	const struct cmd_entry *entry;
	int                     argc;  /* the operands */
	char                  **argv;
	struct argval          *vals;  /* one per option, in table order */
	int                     dry_run; /* exec: roll back, yet exit 0 */
	char                   *input; /* standard input, read by check */
	void                   *priv;  /* the command's, from check to exec */
	void                  (*priv_free)(void *);
	const struct cmd_table *table; /* every command: for help */
};
/* "--text -": reads standard input into a->input and checks it as the
 * option's text; any other value is already checked. -1 after a line. */
int args_stdin(struct args *, const char *name);
/* A check hook (cmd_entry.check) for a command whose --text may be "-":
 * standard input is read before the transaction begins. */
enum cmd_status cmd_check_text(struct cmd_ctx *, struct args *);
/* The last value given, or NULL. */
const char *args_get(const struct args *, const char *name);
/* How many times it was given (a flag: 0 or 1). */
int args_has(const struct args *, const char *name);
/* Every value, in order, NULL-terminated; *n their number. */
const char **args_all(const struct args *, const char *name, int *n);
/* OPT_DATE, OPT_DAY: the date; today when not given. */
struct date args_date(const struct args *, const char *name);
/* OPT_COUNT: the number, or dflt when not given. */
long args_count(const struct args *, const char *name, long dflt);
/* OPT_ENUM: the vocabulary key of the value, or NULL. */
const char *args_key(const struct args *, const char *name);
/* OPT_MONTH: its first and last day, or two NULLs when not given. */
struct period args_period(const struct args *, const char *name);
/* OPT_FORMAT: the format, FMT_TEXT when not given. */
enum fmt args_fmt(const struct args *, const char *name);

/* Every command, as main.c lists them. */
struct cmd_table {
	const struct cmd_entry *const *v;
	int                            n;
};
/* 0 if a command has that name; else -1 after "did you mean". */
int cmd_known(const struct cmd_table *, const char *name);
/* Runs the command of argv (argv[0] its name, one cmd_known knows). */
enum cmd_status cmd_run(struct cmd_ctx *, const struct cmd_table *,
    int argc, char **argv);
/* "jianyi --help" (on stderr, its first line only). */
void cmd_usage(const struct cmd_table *, FILE *);
/* "jianyi dept --help": every verb's synopsis, then the family's line. */
void cmd_family_help(const struct cmd_table *, const struct cmd_entry *,
    FILE *);
/* Every entry's synopsis, one a line: "jianyi station add NAME …". */
void cmd_synopses(const struct cmd_table *, FILE *);
/* The entry of a command (and verb, for a family; NULL: its first). */
const struct cmd_entry *cmd_find(const struct cmd_table *, const char *name,
    const char *verb);
/* The help of one entry: usage lines, then on stdout (full) the summary,
 * every option with its line and the example. */
void cmd_help(const struct cmd_entry *, FILE *, int full);

/* Parses a --format value; the report formats (md, html, xlsx) only when
 * docs is set. -1 after a message. */
int fmt_parse(const char *s, enum fmt *out, int docs);

/* Argument helpers (args.c); each prints one line and returns -1 on error. */
int arg_date(const char *s, struct date *out);
/* A date on which something happened: s, or today when s is NULL; a date
 * after today is refused. */
int arg_event_date(const struct cmd_ctx *, const char *s, struct date *out);
/* A month (2022-07) as its first and last day, ISO (11 bytes each). */
int arg_month(const char *s, char *from, char *to);
/* Reads all of standard input (for "--content -"); caller frees. A NUL
 * byte comes back as DEL (0x7f), so that arg_text refuses it as a control
 * character instead of the text ending there. */
char *arg_read_stdin(void);
/* Picks an index in v for s, or prints "invalid WHAT 's' (use a|b|c)". */
int arg_vocab(const char *what, const struct vocab *v, const char *s);
enum cmd_status usage_error(const struct cmd_entry *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The usage error fmt (one %s: "unknown table '%s'") for the word s,
 * with "did you mean" the nearest of names when one is near, else as
 * usage_error. */
enum cmd_status usage_unknown(const struct cmd_entry *, const char *fmt,
    const char *s, const char *const *names, int n);

/* A listing's row (row_fn, domain.h) added to the table t. */
int table_row(void *t, const char *const *values);
/* Prints t in format f if st is CMD_OK, and frees t. */
struct table;
enum cmd_status cmd_print(enum cmd_status st, struct table *t, enum fmt f);

#endif
