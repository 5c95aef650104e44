/*
 * cmd-export.c — "jianyi export": the ledger, receptions or activities as
 * CSV for Excel and WPS: UTF-8 with a BOM, CRLF. Submitters and phones are
 * masked unless --with-personal-data; such a file is created mode 0600.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "jianyi.h"
#include "db.h"
#include "ledger.h"

static enum cmd_status exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_export_entry = {
	"export", N_("suggestions|receptions|activities [-o FILE] "
	    "[--header zh|en] [--with-personal-data]"),
	N_("write a CSV file for Excel and WPS"), exec,
};

/* The absolute name of path, its directory resolved; 0 or -1. */
static int
canon(const char *path, char *out, size_t n)
{
	char copy1[PATH_MAX], copy2[PATH_MAX], dir[PATH_MAX];

	snprintf(copy1, sizeof copy1, "%s", path);
	snprintf(copy2, sizeof copy2, "%s", path);
	if (realpath(dirname(copy1), dir) == NULL)
		return -1;
	if ((size_t)snprintf(out, n, "%s/%s", dir, basename(copy2)) >= n)
		return -1;
	return 0;
}

/*
 * 1 if a is the database b or one of its companion files: by inode, and
 * by name for the -wal and -shm files that exist only while it is open.
 */
static int
same_file(const char *a, const char *b)
{
	static const char *const ends[] = { "", "-wal", "-shm", "-journal" };
	struct stat sa, sb;
	char name[PATH_MAX], ca[PATH_MAX], cb[PATH_MAX + 16];
	size_t i;
	int named = canon(a, ca, sizeof ca) == 0 && canon(b, cb, PATH_MAX) == 0;
	size_t len = strlen(cb);

	for (i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		snprintf(name, sizeof name, "%s%s", b, ends[i]);
		if (stat(a, &sa) == 0 && stat(name, &sb) == 0 &&
		    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino)
			return 1;
		if (named) {
			snprintf(cb + len, sizeof cb - len, "%s", ends[i]);
			if (strcmp(ca, cb) == 0)
				return 1;
		}
	}
	return 0;
}

static FILE *
create(const char *path, int personal)
{
	FILE *fp;
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    personal ? 0600 : 0644);
	if (fd == -1) {
		warn("%s", path);
		return NULL;
	}
	/* An existing file keeps its mode: tighten it for personal data. */
	if (personal && fchmod(fd, 0600) == -1) {
		warn("%s", path);
		close(fd);
		return NULL;
	}
	if ((fp = fdopen(fd, "w")) == NULL) {
		warn("%s", path);
		close(fd);
	}
	return fp;
}

static enum cmd_status
exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "header", required_argument, NULL, 'H' },
		{ "with-personal-data", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd_entry *e = &cmd_export_entry;
	struct export_opts o = { 0 };
	const char *path = NULL;
	enum cmd_status st = CMD_OK;
	struct db *db;
	FILE *fp = stdout;
	int c;

	/* -o is the one short option, as in sort(1). */
	while ((c = cmd_getopt(e, argc, argv, lo, &st)) != -1) {
		switch (c) {
		case CMD_STOP:
			return st;
		case 'o':
			path = optarg;
			break;
		case 'H':
			if (strcmp(optarg, "en") == 0)
				o.english = 1;
			else if (strcmp(optarg, "zh") != 0)
				return usage_error(e, _("invalid header '%s' "
				    "(use zh|en)"), optarg);
			break;
		default:
			o.personal_data = 1;
		}
	}
	if (optind + 1 != argc)
		return usage_error(e, _("expected a table"));
	o.table = csv_table_find(argv[optind]);
	if (o.table == NULL || (strcmp(o.table->name, "suggestions") != 0 &&
	    strcmp(o.table->name, "receptions") != 0 &&
	    strcmp(o.table->name, "activities") != 0))
		return usage_error(e, _("unknown table '%s' (use "
		    "suggestions|receptions|activities)"), argv[optind]);
	if (path != NULL && same_file(path, ctx->dbpath)) {
		warnx(_("'%s' is the database; not overwriting it"), path);
		return CMD_REFUSED;
	}
	if ((db = cmd_open(ctx)) == NULL)
		return ctx->status;
	if (path != NULL && strcmp(path, "-") != 0 &&
	    (fp = create(path, o.personal_data)) == NULL) {
		db_close(db);
		return CMD_FAIL;
	}
	st = export_file(db, &o, fp);
	db_close(db);
	if (fp != stdout && fclose(fp) != 0 && st == CMD_OK) {
		warn("%s", path);
		st = CMD_FAIL;
	}
	return st;
}
