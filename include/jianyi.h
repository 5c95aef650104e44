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

struct cmd_entry {
	const char *name;
	const char *usage; /* the synopsis after "jianyi NAME" */
	const char *summary;
	enum cmd_status (*exec)(struct cmd_ctx *, int, char **);
};

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
void cmd_help(const struct cmd_entry *, FILE *);

/*
 * getopt_long for a command, with --help added: returns the option, -1 at
 * the end of options, or CMD_STOP with *st set (help printed: CMD_OK; a bad
 * option: CMD_USAGE after one line on stderr).
 */
struct option;
#define CMD_STOP (-2)
int cmd_getopt(const struct cmd_entry *, int argc, char **argv,
    const struct option *longopts, enum cmd_status *st);

/* Opens the database for a command; prints why not, sets ctx->status and
 * returns NULL. cmd_open is for commands that only read (DB_READ: they
 * work where the database cannot be written). cmd_begin opens it for
 * writing and begins the command's transaction, which cmd_end commits
 * (st CMD_OK, once standard output is written) or rolls back before
 * closing. */
struct db *cmd_open(struct cmd_ctx *);
struct db *cmd_begin(struct cmd_ctx *);
enum cmd_status cmd_end(struct db *, enum cmd_status st);
/* Prints t in format f if st is CMD_OK, frees t, closes db. */
struct table;
enum cmd_status cmd_print(struct db *, enum cmd_status st, struct table *t,
    enum fmt f);

#endif
