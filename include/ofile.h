/*
 * ofile.h — the files jianyi writes (export, report, backup, init): the one
 * check that a target is not the database or one of its files, and atomic
 * writing (a temporary file beside the target, fsync, rename).
 */
#ifndef JIANYI_OFILE_H
#define JIANYI_OFILE_H

#include <stdio.h>
#include <sys/types.h>

#include "status.h"

#define OFILE_PRIVATE   0x1 /* mode 0600, whatever the umask or an old file */
#define OFILE_NOREPLACE 0x2 /* an existing file is refused, never replaced */
#define OFILE_DATABASE  0x4 /* the file becomes an SQLite database */

/*
 * Checks that path may be written by a command on the database dbpath
 * (NULL: none): not empty, not the database nor its -wal, -shm or -journal
 * file by any name (a symlink, even dangling, a hard link, ./); with
 * dbpath set, "-" is standard output, checked by what it is. Under OFILE_NOREPLACE the path
 * must not exist; under OFILE_DATABASE it must not be named like SQLite's
 * own files, nor have a journal or WAL of another database beside it.
 * Returns CMD_OK, or after one line CMD_USAGE (empty), CMD_REFUSED or
 * CMD_FAIL.
 */
enum cmd_status ofile_check(const char *path, const char *dbpath, int flags);

struct ofile;

/*
 * Checks path (ofile_check) and opens it for writing: "-" or NULL is
 * standard output; a regular file, or a new one, is written under a
 * temporary name in its folder until ofile_close; a device or FIFO is
 * written directly. NULL with *st set after one line.
 */
struct ofile *ofile_open(const char *path, const char *dbpath, int flags,
    enum cmd_status *st);
FILE *ofile_fp(struct ofile *);
/* The name to write by, for a library that opens files itself. */
const char *ofile_name(const struct ofile *);
/*
 * Finishes the file and frees of. With st CMD_OK, flushes, syncs and puts
 * it in place; otherwise, or on any error, removes the temporary file and
 * leaves the old one whole. A write error is reported in one line either
 * way. Returns st, or CMD_FAIL.
 */
enum cmd_status ofile_close(struct ofile *, enum cmd_status st);

/* init: creates the folders missing above path, mode 0700. Returns the
 * topmost one created (to free) with *made 1, NULL with *made 0 when none
 * was missing, or NULL with *made -1 after one line. */
char *ofile_mkparents(const char *path, int *made);
/* Removes again the folders above path, up to and including top, that
 * ofile_mkparents created (as far as they are empty). */
void ofile_rmparents(const char *path, const char *top);

/* For db.c, which writes databases by name. */
/* Creates an empty file, mode 0600, beside path; its name (to free), or
 * NULL after one line naming path. */
char *ofile_temp(const char *path);
/* Syncs tmp and renames it to path without replacing a file that exists
 * (then: "already exists", errno EEXIST); 0, or -1 after one line with tmp
 * removed. */
int ofile_install(const char *tmp, const char *path);
/* Removes tmp and the -journal, -wal and -shm files that SQLite made. */
void ofile_remove_db(const char *tmp);
/* The one message for a file that could not be written: "the disk is
 * full" for ENOSPC and EDQUOT, else the system's words. */
void ofile_warn(const char *path, int errnum);

#endif
