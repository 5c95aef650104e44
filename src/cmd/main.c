/*
 * main.c — the command table and dispatch: global options (--db, --version,
 * --help), the context every command gets, and the exit status.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "jianyi.h"
#include "out.h"
#include "text.h"

extern const struct cmd_entry cmd_init_entry, cmd_config_get,
    cmd_config_set, cmd_config_list, cmd_station_add, cmd_station_list,
    cmd_station_rename, cmd_station_retire, cmd_dept_add, cmd_dept_list,
    cmd_dept_rename, cmd_dept_retire, cmd_deputy_add, cmd_deputy_list,
    cmd_deputy_rename, cmd_deputy_retire, cmd_reception_add,
    cmd_reception_list, cmd_activity_add, cmd_activity_list, cmd_add_entry,
    cmd_assign_entry, cmd_return_entry, cmd_contact_entry, cmd_extend_entry,
    cmd_reply_entry, cmd_rate_entry, cmd_close_entry, cmd_withdraw_entry,
    cmd_supervise_entry, cmd_similar_entry, cmd_reject_entry,
    cmd_sign_entry, cmd_opinion_entry, cmd_merge_entry,
    cmd_list_entry, cmd_show_entry, cmd_overdue_entry, cmd_remind_entry,
    cmd_log_entry, cmd_report_entry, cmd_import_entry, cmd_export_entry,
    cmd_backup_entry, cmd_check_entry, cmd_calendar_import,
    cmd_calendar_list, cmd_help_entry;

/* Every command, in the order of "jianyi --help"; a family's verbs
 * together, its first one carrying the family's line. */
static const struct cmd_entry *const entries[] = {
	&cmd_init_entry,
	&cmd_config_get, &cmd_config_set, &cmd_config_list,
	&cmd_station_add, &cmd_station_list, &cmd_station_rename,
	&cmd_station_retire,
	&cmd_dept_add, &cmd_dept_list, &cmd_dept_rename, &cmd_dept_retire,
	&cmd_deputy_add, &cmd_deputy_list, &cmd_deputy_rename,
	&cmd_deputy_retire,
	&cmd_reception_add, &cmd_reception_list,
	&cmd_activity_add, &cmd_activity_list,
	&cmd_add_entry,
	&cmd_reject_entry,
	&cmd_assign_entry,
	&cmd_sign_entry,
	&cmd_return_entry,
	&cmd_contact_entry,
	&cmd_opinion_entry,
	&cmd_extend_entry,
	&cmd_reply_entry,
	&cmd_rate_entry,
	&cmd_close_entry,
	&cmd_withdraw_entry,
	&cmd_supervise_entry,
	&cmd_merge_entry,
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_similar_entry,
	&cmd_overdue_entry,
	&cmd_remind_entry,
	&cmd_report_entry,
	&cmd_import_entry,
	&cmd_export_entry,
	&cmd_log_entry,
	&cmd_backup_entry,
	&cmd_check_entry,
	&cmd_calendar_import, &cmd_calendar_list,
	&cmd_help_entry,
};
static const struct cmd_table table = {
	entries, (int)(sizeof entries / sizeof entries[0])
};

static const char *
whoami(void)
{
	static const char *const vars[] = { "JIANYI_USER", "USER" };
	const char *s;
	struct passwd *pw;
	size_t i;

	/* Who goes into every event and every log line: a name like any
	 * other, checked as one (valid UTF-8, no control characters). */
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if ((s = getenv(vars[i])) != NULL && *s != '\0')
			return arg_text(vars[i], s, 0, MAX_NAME) == 0 ? s :
			    NULL;
	if ((pw = getpwuid(getuid())) != NULL)
		return arg_text(_("login name"), pw->pw_name, 0, MAX_NAME) ==
		    0 ? pw->pw_name : NULL;
	return "?";
}

static int
today(struct date *out)
{
	const char *s = getenv("JIANYI_TODAY");
	time_t now;
	struct tm tm;

	if (s != NULL && *s != '\0') {
		if (date_parse(s, 0, out) == -1) {
			warnx(_("invalid JIANYI_TODAY '%s' (use YYYY-MM-DD)"),
			    s);
			return -1;
		}
		return 0;
	}
	time(&now);
	localtime_r(&now, &tm);
	out->y = tm.tm_year + 1900;
	out->m = tm.tm_mon + 1;
	out->d = tm.tm_mday;
	return 0;
}

/*
 * A closed standard descriptor would be taken by the next file opened (an
 * export, a backup), and what goes to standard output would land in it.
 * Each is held open on /dev/null the wrong way round (standard input
 * write-only, standard output read-only), so that reading or writing it
 * still fails as on a closed one. -1 if one cannot be.
 */
static int
hold_std_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) == -1 && errno == EBADF &&
		    open("/dev/null", fd == 1 ? O_RDONLY : O_WRONLY) != fd)
			return -1;
	return 0;
}

/* cJSON's allocations: out of memory ends the command (exit 3, nothing
 * committed) rather than leaving an object with a member missing, which
 * the code would read as "no value". */
static void *
json_alloc(size_t n)
{
	void *p;

	if ((p = malloc(n)) == NULL)
		err(CMD_FAIL, NULL);
	return p;
}

int
main(int argc, char **argv)
{
	cJSON_Hooks hooks = { json_alloc, free };

	struct cmd_ctx ctx;
	const char *s;
	enum cmd_status st;
	int i;

	if (hold_std_fds() == -1)
		return CMD_FAIL;
	i18n_init();
	cJSON_InitHooks(&hooks);

	memset(&ctx, 0, sizeof ctx);
	s = getenv("JIANYI_DB");
	ctx.dbpath = s != NULL && *s != '\0' ? s : "jianyi.db";
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 == argc) {
				warnx(_("option '--db' needs a value"));
				return CMD_USAGE;
			}
			ctx.dbpath = argv[++i];
		}
		else if (strncmp(argv[i], "--db=", 5) == 0)
			ctx.dbpath = argv[i] + 5;
		else if (strcmp(argv[i], "--version") == 0) {
			printf("jianyi %s\n", JIANYI_VERSION);
			return out_flush(stdout) ? CMD_FAIL : CMD_OK;
		} else if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			cmd_usage(&table, stdout);
			return out_flush(stdout) ? CMD_FAIL : CMD_OK;
		} else {
			warnx(_("unknown option '%s'; see 'jianyi --help'"),
			    argv[i]);
			return CMD_USAGE;
		}
	}
	if (i == argc) {
		cmd_usage(&table, stderr);
		return CMD_USAGE;
	}
	if (*ctx.dbpath == '\0') {
		warnx(_("the database path is empty"));
		return CMD_USAGE;
	}
	/* A file name, never SQLite's name for a database in memory. */
	if (strcmp(ctx.dbpath, ":memory:") == 0)
		ctx.dbpath = "./:memory:";
	if (cmd_known(&table, argv[i]) == -1)
		return CMD_USAGE;
	if (today(&ctx.today) == -1)
		return CMD_USAGE;
	if ((ctx.actor = whoami()) == NULL)
		return CMD_USAGE;

	st = cmd_run(&ctx, &table, argc - i, argv + i);
	/* A command that failed has said why: a write error is not a
	 * second message. */
	if (st == CMD_OK && out_flush(stdout) == -1)
		st = CMD_FAIL;
	return st;
}
