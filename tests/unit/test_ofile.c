/*
 * test_ofile.c — output files: the paths that the CLI tests cannot reach
 * (a file or folder that appears between open and close, a failed write
 * of a device, a writer that gives up), each leaving the old file whole,
 * no temporary file, and at most one line on stderr.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "jianyi.h"
#include "ofile.h"

static FILE *capture;
static int saved_fd = -1;
static char captured[1024];

/* Sends stderr to a file until captured_stderr. */
static void
capture_stderr(void)
{
	capture = tmpfile();
	assert_non_null(capture);
	fflush(stderr);
	saved_fd = dup(2);
	dup2(fileno(capture), 2);
}

static const char *
captured_stderr(void)
{
	size_t n;

	fflush(stderr);
	dup2(saved_fd, 2);
	close(saved_fd);
	rewind(capture);
	n = fread(captured, 1, sizeof captured - 1, capture);
	captured[n] = '\0';
	fclose(capture);
	return captured;
}

/* The names in the current folder, sorted, one a line. */
static char *
listing(void)
{
	static char buf[1024];
	struct dirent **v;
	int i, n;

	buf[0] = '\0';
	n = scandir(".", &v, NULL, alphasort);
	assert_true(n >= 0);
	for (i = 0; i < n; i++) {
		if (strcmp(v[i]->d_name, ".") != 0 &&
		    strcmp(v[i]->d_name, "..") != 0) {
			strcat(buf, v[i]->d_name);
			strcat(buf, "\n");
		}
		free(v[i]);
	}
	free(v);
	return buf;
}

static void
write_file(const char *path, const char *s)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(s, fp);
	assert_int_equal(fclose(fp), 0);
}

static char *
read_file(const char *path)
{
	static char buf[256];
	FILE *fp = fopen(path, "r");
	size_t n;

	assert_non_null(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static int
in_tmpdir(void **state)
{
	char tmpl[] = "/tmp/test_ofile.XXXXXX";
	char *dir = mkdtemp(tmpl);

	assert_non_null(dir);
	*state = strdup(dir);
	return chdir(dir);
}

static int
remove_tmpdir(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", (char *)*state);
	free(*state);
	assert_int_equal(chdir("/"), 0);
	return system(cmd);
}

/* A writer that gives up (its message already printed): the old file
 * whole, the temporary file gone, nothing more on stderr. */
static void
test_give_up(void **state)
{
	struct ofile *of;
	enum cmd_status st;

	(void)state;
	write_file("out.csv", "old\n");
	of = ofile_open("out.csv", "t.db", 0, &st);
	assert_non_null(of);
	fputs("new, half written", ofile_fp(of));
	capture_stderr();
	assert_int_equal(ofile_close(of, CMD_REFUSED), CMD_REFUSED);
	assert_string_equal(captured_stderr(), "");
	assert_string_equal(read_file("out.csv"), "old\n");
	assert_string_equal(listing(), "out.csv\n");
}

/* A file that appears under OFILE_NOREPLACE while the new one is
 * written is refused, and stays as it is. */
static void
test_noreplace_race(void **state)
{
	struct ofile *of;
	enum cmd_status st;

	(void)state;
	of = ofile_open("new.txt", NULL, OFILE_NOREPLACE, &st);
	assert_non_null(of);
	fputs("ours\n", ofile_fp(of));
	write_file("new.txt", "theirs\n");
	capture_stderr();
	assert_int_equal(ofile_close(of, CMD_OK), CMD_REFUSED);
	assert_string_equal(captured_stderr(),
	    "test_ofile: 'new.txt' already exists; not overwriting it\n");
	assert_string_equal(read_file("new.txt"), "theirs\n");
	assert_string_equal(listing(), "new.txt\n");
}

/* A rename that fails (a folder put at the name meanwhile): one line,
 * CMD_FAIL, the temporary file gone. */
static void
test_rename_fails(void **state)
{
	struct ofile *of;
	enum cmd_status st;

	(void)state;
	of = ofile_open("r.txt", NULL, 0, &st);
	assert_non_null(of);
	assert_int_equal(st, CMD_OK);
	fputs("report\n", ofile_fp(of));
	assert_int_equal(mkdir("r.txt", 0755), 0);
	write_file("r.txt/keep", "x");
	capture_stderr();
	assert_int_equal(ofile_close(of, CMD_OK), CMD_FAIL);
	assert_string_equal(captured_stderr(), "test_ofile: r.txt: Is a directory\n");
	assert_string_equal(listing(), "r.txt\n");
}

/* A device is written as it is; its write error is one line. */
static void
test_device_error(void **state)
{
	struct ofile *of;
	enum cmd_status st;
	int i;

	(void)state;
	of = ofile_open("/dev/full", NULL, 0, &st);
	assert_non_null(of);
	assert_string_equal(ofile_name(of), "/dev/full");
	for (i = 0; i < 10000; i++)
		fputs("a line of the report\n", ofile_fp(of));
	capture_stderr();
	assert_int_equal(ofile_close(of, CMD_OK), CMD_FAIL);
	assert_string_equal(captured_stderr(),
	    "test_ofile: /dev/full: the disk is full\n");
	/* Even when the writer failed too: the write error is said. */
	of = ofile_open("/dev/full", NULL, 0, &st);
	assert_non_null(of);
	for (i = 0; i < 10000; i++)
		fputs("a line of the report\n", ofile_fp(of));
	capture_stderr();
	assert_int_equal(ofile_close(of, CMD_FAIL), CMD_FAIL);
	assert_string_equal(captured_stderr(),
	    "test_ofile: /dev/full: the disk is full\n");
}

/* Standard output: nothing to place, the status passed through. */
static void
test_stdout(void **state)
{
	struct ofile *of;
	enum cmd_status st;

	(void)state;
	of = ofile_open("-", "t.db", 0, &st);
	assert_non_null(of);
	assert_ptr_equal(ofile_fp(of), stdout);
	assert_int_equal(ofile_close(of, CMD_OK), CMD_OK);
	of = ofile_open(NULL, "t.db", 0, &st);
	assert_non_null(of);
	assert_int_equal(ofile_close(of, CMD_REFUSED), CMD_REFUSED);
}

/* ofile_install: never over a file; a temporary file that cannot be
 * made names the target. */
static void
test_install(void **state)
{
	char *tmp;

	(void)state;
	write_file("b.db", "someone's\n");
	tmp = ofile_temp("b.db");
	assert_non_null(tmp);
	capture_stderr();
	errno = 0;
	assert_int_equal(ofile_install(tmp, "b.db"), -1);
	assert_int_equal(errno, EEXIST);
	assert_string_equal(captured_stderr(),
	    "test_ofile: 'b.db' already exists; not overwriting it\n");
	assert_string_equal(read_file("b.db"), "someone's\n");
	assert_string_equal(listing(), "b.db\n");
	free(tmp);

	tmp = ofile_temp("c.db");
	assert_non_null(tmp);
	assert_int_equal(ofile_install(tmp, "c.db"), 0);
	assert_string_equal(listing(), "b.db\nc.db\n");
	free(tmp);

	capture_stderr();
	assert_null(ofile_temp("no/c.db"));
	assert_string_equal(captured_stderr(),
	    "test_ofile: no/c.db: No such file or directory\n");
}

/* The check alone: the database by every name, an empty name. */
static void
test_check(void **state)
{
	(void)state;
	write_file("t.db", "a database\n");
	assert_int_equal(symlink("t.db-shm", "dangling"), 0);
	assert_int_equal(link("t.db", "hard"), 0);
	capture_stderr();
	assert_int_equal(ofile_check("./t.db-wal", "t.db", 0), CMD_REFUSED);
	assert_int_equal(ofile_check("dangling", "t.db", 0), CMD_REFUSED);
	assert_int_equal(ofile_check("hard", "./t.db", 0), CMD_REFUSED);
	assert_int_equal(ofile_check("", "t.db", 0), CMD_USAGE);
	assert_string_equal(captured_stderr(),
	    "test_ofile: './t.db-wal' is the database; not overwriting it\n"
	    "test_ofile: 'dangling' is the database; not overwriting it\n"
	    "test_ofile: 'hard' is the database; not overwriting it\n"
	    "test_ofile: the output file name is empty\n");
	assert_int_equal(ofile_check("t.db2", "t.db", 0), CMD_OK);
	assert_int_equal(ofile_check("t.db-wal2", "t.db", 0), CMD_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_give_up, in_tmpdir,
		    remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_noreplace_race,
		    in_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_rename_fails, in_tmpdir,
		    remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_device_error, in_tmpdir,
		    remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_stdout, in_tmpdir,
		    remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_install, in_tmpdir,
		    remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_check, in_tmpdir,
		    remove_tmpdir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
