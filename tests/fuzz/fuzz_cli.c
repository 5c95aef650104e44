/*
 * fuzz_cli.c — libFuzzer harness for the command line: the input is argv,
 * its arguments separated by NUL bytes, run through jianyi's own main()
 * (src/cmd/main.c compiled with -Dmain=jianyi_main) as
 *     jianyi --db t.db ARG...
 * in a scratch directory, on a fresh copy of a database that holds the
 * registries, the ledger of tests/fixtures/ledger-states.csv and a few
 * suggestions in every state. jianyi exits only through err() on a bug or
 * out of memory, so no fork is needed.
 *
 * Beyond the sanitizers (and LeakSanitizer on every input) it checks:
 * the exit status is 0..3; a command that fails (1, 2, 3) leaves the
 * database file byte for byte as it was (SPEC: "Every refusal ... changes
 * nothing"); after a command that succeeds the database passes
 * integrity_check, foreign_key_check and tests/stress/invariants.sql.
 *
 * Arguments that could name a file outside the scratch directory (an
 * absolute path, "..") make the input uninteresting: it is skipped.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fuzzlib.h"

#ifndef FUZZ_TOP
#error "build with -DFUZZ_TOP='\"/path/to/the/tree\"'"
#endif

#define DB "t.db"
#define MAXARGS 64

int jianyi_main(int argc, char **argv);

static char scratch[] = "/tmp/fuzz_cli.XXXXXX";
static char *tmpl, *after;
static size_t tmpl_len;

/* Empties the scratch directory. */
static void
clean(void)
{
	DIR *d = opendir(".");
	struct dirent *e;

	if (d == NULL)
		abort();
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (unlink(e->d_name) == -1) {
			/* A directory some command made ("mkdir" is not
			 * one of them, but be safe). */
			char cmd[600];

			snprintf(cmd, sizeof cmd, "rm -rf -- './%s'", e->d_name);
			if (system(cmd) != 0)
				abort();
		}
	}
	closedir(d);
}

static void
put_template(void)
{
	int fd;

	clean();
	fd = open(DB, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd == -1 || write(fd, tmpl, tmpl_len) != (ssize_t)tmpl_len ||
	    close(fd) == -1)
		abort();
}

/* Runs jianyi ARGS... (a NULL-terminated list) while setting up. */
static void
run(const char *first, ...)
{
	char *argv[MAXARGS + 4];
	const char *a;
	va_list ap;
	int argc = 0, st;

	argv[argc++] = "jianyi";
	argv[argc++] = "--db";
	argv[argc++] = DB;
	va_start(ap, first);
	for (a = first; a != NULL; a = va_arg(ap, const char *))
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	if ((st = jianyi_main(argc, argv)) != 0) {
		fprintf(fuzz_err, "fuzz_cli: set-up: jianyi %s: status %d\n",
		    first, st);
		abort();
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init("fuzz_cli");
	fuzz_invariants(&(int){ 0 }); /* read now, not during an input */
	setenv("JIANYI_TODAY", "2023-03-31", 1);
	setenv("JIANYI_USER", "fuzz", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("JIANYI_DB");
	unsetenv("JIANYI_LANG");
	/* jianyi reads "-" from standard input, writes its output to
	 * standard output and its messages to stderr (warnx uses the
	 * stderr stream; the sanitizers write to descriptor 2, which
	 * stays). */
	if (freopen("/dev/null", "r", stdin) == NULL ||
	    freopen("/dev/null", "w", stdout) == NULL)
		abort();
	if (getenv("FUZZ_VERBOSE") == NULL)
		stderr = fopen("/dev/null", "w");
	if (mkdtemp(scratch) == NULL || chdir(scratch) == -1) {
		perror(scratch);
		abort();
	}

	run("init", "--town", "乐平镇", NULL);
	run("station", "add", "黄塘", "--village", "黄塘村", NULL);
	run("station", "add", "源潭", NULL);
	run("dept", "add", "规划建设办", NULL);
	run("dept", "add", "交通运输办", NULL);
	run("dept", "add", "社会事务办", NULL);
	run("deputy", "add", "陈大文", "--station", "黄塘", "--phone",
	    "13812342415", NULL);
	run("deputy", "add", "李小红", "--level", "district", NULL);
	run("import", "suggestions", FUZZ_TOP
	    "/tests/fixtures/ledger-states.csv", "--quiet", NULL);
	run("reception", "add", "--station", "黄塘", "--date", "2023-01-05",
	    "--visitors", "3", "--deputy", "陈大文", NULL);
	run("activity", "add", "--kind", "group", "--date", "2023-01-06",
	    "--title", "小组活动", NULL);
	run("add", "--title", "路灯", "--station", "黄塘", "--date",
	    "2023-01-05", "--deputy", "陈大文", "--submitter", "王小明",
	    "--phone", "13800001234", NULL);                 /* 2023-0001 */
	run("add", "--title", "排水", "--date", "2023-01-06", NULL);
	run("assign", "2023-0002", "--dept", "规划建设办", "--co",
	    "交通运输办", "--date", "2023-01-07", NULL);
	run("add", "--title", "道路", "--date", "2023-01-08", NULL);
	run("assign", "2023-0003", "--dept", "交通运输办", "--date",
	    "2023-01-09", NULL);
	run("reply", "2023-0003", "--dept", "交通运输办", "--class", "B",
	    "--date", "2023-02-01", NULL);
	run("add", "--title", "学校", "--date", "2023-01-10", NULL);
	run("withdraw", "2023-0004", "--reason", "撤回", "--date",
	    "2023-01-11", NULL);
	tmpl = fuzz_slurp(DB, &tmpl_len);
	after = NULL;
	return 0;
}

/* An argument that may name a file outside the scratch directory. */
static int
escapes(const char *a)
{
	const char *p;

	if (strstr(a, "..") != NULL || strchr(a, '~') != NULL)
		return 1;
	for (p = a; (p = strchr(p, '/')) != NULL; p++)
		if (p == a || p[-1] < '0' || p[-1] > '9')
			return 1;
	return 0;
}

static void
check_db(const char *cmd)
{
	const char *const *checks;
	sqlite3 *h;
	sqlite3_stmt *st;
	int i, rc, nchecks;

	checks = fuzz_invariants(&nchecks);
	CHECK(sqlite3_open_v2(DB, &h, SQLITE_OPEN_READWRITE, NULL) ==
	    SQLITE_OK, "%s: cannot open the database", cmd);
	CHECK(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st,
	    NULL) == SQLITE_OK, "prepare");
	CHECK(sqlite3_step(st) == SQLITE_ROW &&
	    strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0,
	    "%s: integrity_check: %s", cmd, sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	CHECK(sqlite3_prepare_v2(h, "PRAGMA foreign_key_check", -1, &st,
	    NULL) == SQLITE_OK, "prepare");
	CHECK(sqlite3_step(st) == SQLITE_DONE, "%s: foreign_key_check: %s",
	    cmd, sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	for (i = 0; i < nchecks; i++) {
		CHECK(sqlite3_prepare_v2(h, checks[i], -1, &st, NULL) ==
		    SQLITE_OK, "prepare: %s", checks[i]);
		rc = sqlite3_step(st);
		CHECK(rc == SQLITE_DONE, "%s: invariant: %s", cmd,
		    rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0)
		    : sqlite3_errmsg(h));
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *argv[MAXARGS + 4], *p, *end;
	int argc = 0, st;
	size_t len;

	if ((buf = malloc(size + 1)) == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[argc++] = "jianyi";
	argv[argc++] = "--db";
	argv[argc++] = DB;
	for (p = buf, end = buf + size; p <= end && argc < MAXARGS + 3;
	    p += strlen(p) + 1) {
		if (escapes(p)) {
			free(buf);
			return -1; /* not added to the corpus */
		}
		argv[argc++] = p;
	}
	argv[argc] = NULL;
	/* A trailing NUL ends the last argument rather than making an
	 * empty one. */
	if (size > 0 && data[size - 1] == '\0')
		argv[--argc] = NULL;

	put_template();
	st = jianyi_main(argc, argv);
	fflush(stdout);
	CHECK(st >= 0 && st <= 3, "%s: exit status %d", argv[3], st);
	if (st != 0) {
		free(after);
		after = fuzz_slurp(DB, &len);
		CHECK(len == tmpl_len && memcmp(after, tmpl, len) == 0,
		    "%s: status %d, but the database changed", argv[3], st);
	} else if (argc > 3) {
		struct stat sb;

		if (stat(DB, &sb) == 0 && sb.st_size > 0)
			check_db(argv[3]);
	}
	free(buf);
	return 0;
}
