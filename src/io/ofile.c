/*
 * ofile.c — the files jianyi writes. One check keeps every writer off the
 * database and its -wal, -shm and -journal files, by inode and by folder
 * and name; a file is written under a temporary name beside its target,
 * synced and renamed into place, so that a full disk or a kill leaves the
 * old file whole.
 */
#include <sys/stat.h>
#include <sys/vfs.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "xmalloc.h"
#include "ofile.h"

#define PROC_MAGIC 0x9fa0 /* statfs f_type of /proc (linux/magic.h) */

/* SQLite's own files beside a database, the database first. */
static const char *const ends[] = { "", "-wal", "-shm", "-journal" };
#define NENDS (sizeof ends / sizeof ends[0])

struct ofile {
	const char *path;  /* as the user gave it, for messages */
	char       *final; /* where the file goes */
	char       *tmp;   /* the temporary file, or NULL (stdout, a device) */
	FILE       *fp;
	int         fd;
	int         err;   /* the first error's errno, or 0 */
	int         flags;
};

/* s followed by t, to free. */
static char *
concat(const char *s, size_t slen, const char *t)
{
	size_t tlen = strlen(t);
	char *p;

	p = xmalloc(slen + tlen + 1);
	memcpy(p, s, slen);
	memcpy(p + slen, t, tlen + 1);
	return p;
}

/* The length of path's folder part, up to and including the last '/'. */
static size_t
dirlen(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? 0 : (size_t)(slash - path) + 1;
}

/* The folder that holds path, as stat(2) sees it; 0 or -1. */
static int
stat_dir(const char *path, struct stat *sb)
{
	size_t n = dirlen(path);
	char *dir;
	int rc;

	if (n == 0)
		return stat(".", sb);
	dir = concat(path, n, "");
	rc = stat(dir, sb);
	free(dir);
	return rc;
}

/* The target of the symbolic link path, to free; NULL with errno. */
static char *
read_link(const char *path)
{
	size_t size = 256;
	ssize_t n;
	char *buf;

	for (;;) {
		buf = xmalloc(size);
		if ((n = readlink(path, buf, size)) == -1) {
			free(buf);
			return NULL;
		}
		if ((size_t)n < size) {
			buf[n] = '\0';
			return buf;
		}
		free(buf);
		size *= 2;
	}
}

/*
 * path with the symbolic links of its last component followed, as open(2)
 * follows them, even to a target that does not exist; to free. NULL with
 * errno set (ELOOP). *magic is set when a link is one of /proc's
 * (/dev/stdout, /dev/fd/N), which name open files rather than paths.
 */
static char *
follow(const char *path, int *magic)
{
	struct stat sb;
	struct statfs fs;
	char *cur = xstrdup(path), *target, *next;
	int n;

	*magic = 0;
	for (n = 0; n < 40; n++) {
		if (lstat(cur, &sb) == -1 || !S_ISLNK(sb.st_mode))
			return cur;
		if ((target = read_link(cur)) == NULL) {
			free(cur);
			return NULL;
		}
		if (statfs(cur, &fs) == 0 && fs.f_type == PROC_MAGIC)
			*magic = 1;
		next = target[0] == '/' ? xstrdup(target) :
		    concat(cur, dirlen(cur), target);
		free(target);
		free(cur);
		cur = next;
	}
	free(cur);
	errno = ELOOP;
	return NULL;
}

/* 1 if a and b are the same name in the same folder (by device and
 * inode: symlinked folders, ./ and .. are seen through). */
static int
same_place(const char *a, const char *b)
{
	struct stat da, db;

	if (strcmp(a + dirlen(a), b + dirlen(b)) != 0 ||
	    a[dirlen(a)] == '\0')
		return 0;
	return stat_dir(a, &da) == 0 && stat_dir(b, &db) == 0 &&
	    da.st_dev == db.st_dev && da.st_ino == db.st_ino;
}

/* 1 if the file sb is the database dbpath or one of its files. */
static int
same_inode(const struct stat *sb, const char *dbpath)
{
	struct stat sd;
	size_t i, len = strlen(dbpath);
	char *name;
	int hit = 0;

	for (i = 0; i < NENDS && !hit; i++) {
		name = concat(dbpath, len, ends[i]);
		hit = stat(name, &sd) == 0 && sd.st_dev == sb->st_dev &&
		    sd.st_ino == sb->st_ino;
		free(name);
	}
	return hit;
}

/*
 * 1 if writing path would write the database dbpath or one of its files:
 * the same inode where the file exists, else the same folder and name
 * (a -wal or -shm file exists only while the database is open).
 */
static int
is_database(const char *path, const char *dbpath)
{
	struct stat sb;
	char *target, *db, *name;
	size_t i, len;
	int magic, hit = 0;

	if (stat(path, &sb) == 0 && same_inode(&sb, dbpath))
		return 1;
	if ((target = follow(path, &magic)) == NULL)
		return 0; /* a loop: writing it fails anyway */
	if ((db = follow(dbpath, &magic)) == NULL)
		db = xstrdup(dbpath);
	len = strlen(db);
	for (i = 0; i < NENDS && !hit; i++) {
		name = concat(db, len, ends[i]);
		hit = same_place(target, name);
		free(name);
	}
	free(db);
	free(target);
	return hit;
}

static int
ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);

	return n >= m && strcmp(s + n - m, end) == 0;
}

enum cmd_status
ofile_check(const char *path, const char *dbpath, int flags)
{
	struct stat sb;
	size_t i, len;
	char *name;

	/* backup: "-" is standard output, which cannot hold a database;
	 * init: "-" is the file that --db - opens. */
	if (path != NULL && strcmp(path, "-") == 0 &&
	    (flags & OFILE_DATABASE) && dbpath != NULL) {
		warnx(_("a database cannot be written to standard output; "
		    "give a file name"));
		return CMD_USAGE;
	}
	if (path == NULL || (strcmp(path, "-") == 0 && dbpath != NULL)) {
		if (dbpath != NULL && fstat(STDOUT_FILENO, &sb) == 0 &&
		    S_ISREG(sb.st_mode) && same_inode(&sb, dbpath)) {
			warnx(_("standard output is the database; not "
			    "overwriting it"));
			return CMD_REFUSED;
		}
		return CMD_OK;
	}
	if (*path == '\0') {
		warnx(_("the output file name is empty"));
		return CMD_USAGE;
	}
	if (dbpath != NULL && is_database(path, dbpath)) {
		warnx(_("'%s' is the database; not overwriting it"), path);
		return CMD_REFUSED;
	}
	if ((flags & OFILE_NOREPLACE) && lstat(path, &sb) == 0) {
		warnx(_("'%s' already exists; not overwriting it"), path);
		return CMD_REFUSED;
	}
	if (!(flags & OFILE_DATABASE))
		return CMD_OK;
	/* SQLite would take such a file for another database's journal,
	 * roll it back into that database and delete it. */
	for (i = 1; i < NENDS; i++)
		if (ends_with(path, ends[i])) {
			warnx(_("'%s' is named like SQLite's own files (-wal, "
			    "-shm, -journal); choose another name"), path);
			return CMD_REFUSED;
		}
	/* A journal or WAL left beside the name would be read into the
	 * new database as its own. */
	len = strlen(path);
	for (i = 1; i < NENDS; i++) {
		if (strcmp(ends[i], "-shm") == 0)
			continue;
		name = concat(path, len, ends[i]);
		if (lstat(name, &sb) == 0 && (sb.st_size > 0 ||
		    !S_ISREG(sb.st_mode))) {
			warnx(_("'%s' is left from another database; move it "
			    "away first"), name);
			free(name);
			return CMD_REFUSED;
		}
		free(name);
	}
	return CMD_OK;
}

/*
 * Creates the missing folders above path, mode 0700, from the top down.
 * Returns the topmost folder created (to free; *made set), NULL with *made
 * clear when none was missing, or NULL with *made -1 after one line.
 */
char *
ofile_mkparents(const char *path, int *made)
{
	size_t n = dirlen(path), i;
	char *dir, *top = NULL;
	struct stat sb;

	*made = 0;
	if (n <= 1)
		return NULL;
	dir = concat(path, n - 1, "");
	if (stat(dir, &sb) == 0) {
		free(dir);
		return NULL;
	}
	for (i = 1; i <= n - 1; i++) {
		if (dir[i] != '/' && dir[i] != '\0')
			continue;
		if (dir[i] == '/' && dir[i - 1] == '/')
			continue;
		dir[i] = '\0';
		if (mkdir(dir, 0700) == 0) {
			if (top == NULL)
				top = xstrdup(dir);
		} else if (errno != EEXIST) {
			ofile_warn(dir, errno);
			free(dir);
			if (top != NULL) {
				ofile_rmparents(path, top);
				free(top);
			}
			*made = -1;
			return NULL;
		}
		if (i < n - 1)
			dir[i] = '/';
	}
	free(dir);
	*made = top != NULL;
	return top;
}

void
ofile_rmparents(const char *path, const char *top)
{
	size_t n = dirlen(path), len = strlen(top);
	char *dir = concat(path, n, "");

	while (n > len && strncmp(dir, top, len) == 0) {
		while (n > 0 && dir[n - 1] == '/')
			n--;
		dir[n] = '\0';
		if (rmdir(dir) == -1)
			break;
		if (n <= len)
			break;
		n = dirlen(dir);
		dir[n] = '\0';
	}
	free(dir);
}

void
ofile_warn(const char *path, int errnum)
{
	if (errnum == ENOSPC || errnum == EDQUOT)
		warnx(_("%s: the disk is full"), path);
	else {
		errno = errnum;
		warn("%s", path);
	}
}

/*
 * The temporary files not yet put in place or removed. Whatever ends the
 * program before that, an exit (out of memory exits 3 from anywhere) or
 * SIGINT, SIGTERM or SIGHUP, removes them, with a database's companions:
 * no hidden .NAME.XXXXXX is left beside the user's files. The handlers
 * allocate nothing.
 */
static struct {
	char  **v;
	size_t  n, cap;
} live;

static void
live_remove(int companions)
{
	char name[PATH_MAX];
	size_t i, k;

	for (i = 0; i < live.n; i++) {
		unlink(live.v[i]);
		for (k = 1; companions && k < NENDS; k++)
			if ((size_t)snprintf(name, sizeof name, "%s%s",
			    live.v[i], ends[k]) < sizeof name)
				unlink(name);
	}
}

static void
live_atexit(void)
{
	live_remove(1);
	live.n = 0;
}

static void
live_signal(int sig)
{
	live_remove(0);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Room for one more, before the file exists: out of memory then leaves
 * nothing behind. */
static void
live_reserve(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old;
	size_t i;

	if (live.cap == 0) {
		atexit(live_atexit);
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = live_signal;
		sigemptyset(&sa.sa_mask);
		for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
			if (sigaction(sigs[i], NULL, &old) == 0 &&
			    old.sa_handler == SIG_DFL)
				sigaction(sigs[i], &sa, NULL);
	}
	if (live.n == live.cap) {
		live.cap = live.cap ? live.cap * 2 : 4;
		live.v = xreallocarray(live.v, live.cap, sizeof *live.v);
	}
}

/* tmp is in place or removed: no longer ours to remove. */
static void
live_forget(const char *tmp)
{
	size_t i;

	for (i = 0; i < live.n; i++)
		if (strcmp(live.v[i], tmp) == 0) {
			free(live.v[i]);
			live.v[i] = live.v[--live.n];
			return;
		}
}

/* Creates a temporary file beside path, mode 0600; its name, or NULL with
 * errno set. */
static char *
make_temp(const char *path, int *fd)
{
	size_t n = dirlen(path);
	const char *base = path + n;
	char *tmp, *name;

	if (strlen(base) + 9 <= NAME_MAX) {
		name = concat(".", 1, base);
		tmp = concat(name, strlen(name), ".XXXXXX");
		free(name);
	} else
		tmp = xstrdup(".jianyi.XXXXXX");
	name = concat(path, n, tmp);
	free(tmp);
	/* The list's copy is made before the file, filled in after. */
	tmp = xstrdup(name);
	live_reserve();
	if ((*fd = mkostemp(name, O_CLOEXEC)) == -1) {
		free(name);
		free(tmp);
		return NULL;
	}
	memcpy(tmp, name, strlen(name) + 1);
	live.v[live.n++] = tmp;
	return name;
}

char *
ofile_temp(const char *path)
{
	char *tmp;
	int fd;

	if ((tmp = make_temp(path, &fd)) == NULL) {
		ofile_warn(path, errno);
		return NULL;
	}
	close(fd);
	return tmp;
}

void
ofile_remove_db(const char *tmp)
{
	size_t i, len = strlen(tmp);
	char *name;

	for (i = 0; i < NENDS; i++) {
		name = concat(tmp, len, ends[i]);
		unlink(name);
		free(name);
	}
	live_forget(tmp);
}

/* Makes a rename in path's folder last through a power cut. */
static void
sync_dir(const char *path)
{
	size_t n = dirlen(path);
	char *dir = n == 0 ? xstrdup(".") : concat(path, n, "");
	int fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(fd); /* some file systems cannot: nothing to do */
		close(fd);
	}
	free(dir);
}

/* Renames tmp to path, which must not exist; 0, or -1 with errno. */
static int
rename_new(const char *tmp, const char *path)
{
	struct stat sb;

	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	/* A file system without RENAME_NOREPLACE: a link fails just as
	 * well on an existing name. */
	if (link(tmp, path) == 0) {
		unlink(tmp);
		return 0;
	}
	if (errno != EPERM && errno != ENOSYS && errno != EOPNOTSUPP)
		return -1;
	/* Nor hard links (FAT): check, then rename. */
	if (lstat(path, &sb) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(tmp, path);
}

/* Syncs the file tmp; 0 or -1 with errno. */
static int
sync_file(const char *tmp)
{
	int fd, rc, e;

	if ((fd = open(tmp, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	rc = fsync(fd);
	e = errno;
	close(fd);
	errno = e;
	return rc;
}

int
ofile_install(const char *tmp, const char *path)
{
	int e;

	if (sync_file(tmp) == 0 && rename_new(tmp, path) == 0) {
		live_forget(tmp);
		sync_dir(path);
		return 0;
	}
	e = errno;
	if (e == EEXIST)
		warnx(_("'%s' already exists; not overwriting it"), path);
	else
		ofile_warn(path, e);
	ofile_remove_db(tmp);
	errno = e;
	return -1;
}

static ssize_t
cookie_write(void *cookie, const char *buf, size_t n)
{
	struct ofile *of = cookie;
	size_t done = 0;
	ssize_t w;

	while (done < n) {
		if ((w = write(of->fd, buf + done, n - done)) == -1) {
			if (errno == EINTR)
				continue;
			if (of->err == 0)
				of->err = errno;
			break; /* short: stdio marks the error */
		}
		done += (size_t)w;
	}
	return (ssize_t)done;
}

static int
cookie_close(void *cookie)
{
	struct ofile *of = cookie;

	if (close(of->fd) == -1 && of->err == 0)
		of->err = errno;
	of->fd = -1;
	return of->err == 0 ? 0 : -1;
}

static void
ofile_free(struct ofile *of)
{
	free(of->final);
	free(of->tmp);
	free(of);
}

struct ofile *
ofile_open(const char *path, const char *dbpath, int flags,
    enum cmd_status *st)
{
	static const cookie_io_functions_t io = {
		NULL, cookie_write, NULL, cookie_close,
	};
	struct ofile *of;
	struct stat sb;
	mode_t mode, mask;
	int magic, old = 0;

	if ((*st = ofile_check(path, dbpath, flags)) != CMD_OK)
		return NULL;
	of = xcalloc(1, sizeof *of);
	of->path = path;
	of->flags = flags;
	of->fd = -1;
	if (path == NULL || strcmp(path, "-") == 0) {
		of->fp = stdout;
		return of;
	}
	*st = CMD_FAIL;
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			errno = EISDIR;
			goto fail;
		}
		old = 1;
	} else if (errno != ENOENT)
		goto fail;
	if ((of->final = follow(path, &magic)) == NULL)
		goto fail;
	if (old && (!S_ISREG(sb.st_mode) || magic)) {
		/* A device, a FIFO, /dev/stdout: written as it is. */
		if ((of->fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)) ==
		    -1)
			goto fail;
		goto stream;
	}
	if ((of->tmp = make_temp(of->final, &of->fd)) == NULL)
		goto fail;
	/* The new file takes the old one's mode and owner, as an edit
	 * would; a new one the umask's. Personal data: 0600 always. */
	mask = umask(0);
	umask(mask);
	mode = old ? sb.st_mode & 0777 : 0666 & ~mask;
	if (flags & OFILE_PRIVATE)
		mode = 0600;
	if (old && fchown(of->fd, sb.st_uid, sb.st_gid) == -1) {
		/* not ours to give away: the file stays ours */
	}
	if (fchmod(of->fd, mode) == -1)
		goto fail;
stream:
	if ((of->fp = fopencookie(of, "w", io)) == NULL)
		goto fail;
	*st = CMD_OK;
	return of;
fail:
	ofile_warn(path, errno);
	if (of->fd != -1)
		close(of->fd);
	if (of->tmp != NULL) {
		unlink(of->tmp);
		live_forget(of->tmp);
	}
	ofile_free(of);
	return NULL;
}

FILE *
ofile_fp(struct ofile *of)
{
	return of->fp;
}

const char *
ofile_name(const struct ofile *of)
{
	if (of->tmp != NULL)
		return of->tmp;
	return of->fp == stdout ? "/dev/stdout" : of->path;
}

enum cmd_status
ofile_close(struct ofile *of, enum cmd_status st)
{
	int placed = 0;

	if (of->fp == stdout) {
		ofile_free(of); /* main checks stdout at exit */
		return st;
	}
	if (fflush(of->fp) != 0 && of->err == 0)
		of->err = errno != 0 ? errno : EIO;
	if (st == CMD_OK && of->err == 0 && of->tmp != NULL &&
	    fsync(of->fd) == -1)
		of->err = errno;
	fclose(of->fp); /* cookie_close notes an error */
	if (st == CMD_OK && of->err == 0 && of->tmp != NULL) {
		if ((of->flags & OFILE_NOREPLACE ? rename_new(of->tmp,
		    of->final) : rename(of->tmp, of->final)) == -1)
			of->err = errno;
		else {
			placed = 1;
			sync_dir(of->final);
		}
	}
	if (of->err == EEXIST && (of->flags & OFILE_NOREPLACE)) {
		warnx(_("'%s' already exists; not overwriting it"), of->path);
		st = CMD_REFUSED;
	} else if (of->err != 0) {
		ofile_warn(of->path, of->err);
		st = CMD_FAIL;
	}
	if (of->tmp != NULL) {
		if (!placed)
			unlink(of->tmp);
		live_forget(of->tmp);
	}
	ofile_free(of);
	return st;
}
