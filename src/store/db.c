/*
 * db.c — the one module that talks to SQLite: opening and verifying the
 * database, migrations, transactions, a statement cache with named binding,
 * backup and integrity checks.
 */
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "msg.h"
#include "xmalloc.h"
#include "db.h"
#include "detail.h"
#include "tally.h"
#include "ofile.h"
#include "text.h"

#define APPLICATION_ID 0x4a592022 /* "JY" 2022 */
#define BUSY_TIMEOUT_MS 30000

extern const char schema_sql[];
extern const char schema_sql_2[];
extern const char schema_sql_3[];
extern const char schema_sql_4[];
extern const char schema_sql_5[];
extern const char schema_sql_6[];
extern const char schema_sql_7[];
extern const char schema_sql_8[];
extern const char calendar_sql[];

static int details_to_json(struct db *);
static int calendar_shipped(struct db *);

/* Migration N brings user_version from N-1 to N; each runs in its own
 * transaction, its SQL and then what SQL cannot do. Append, never edit.
 * One that builds a table anew (rebuild) runs with foreign keys off, as
 * SQLite's procedure for it asks, and is checked before it commits. */
static const struct {
	const char *sql;
	int       (*then)(struct db *);
	int         rebuild;
} migrations[] = {
	{ schema_sql, NULL, 0 },
	{ schema_sql_2, NULL, 0 },	/* suggestion.note: the ledger's 备注 */
	{ schema_sql_3, details_to_json, 0 },	/* the history as data */
	{ schema_sql_4, calendar_shipped, 0 },	/* the working-day calendar */
	{ schema_sql_5, NULL, 0 },	/* the deadlines' limits by statute */
	{ schema_sql_6, NULL, 0 },	/* key supervision */
	{ schema_sql_7, NULL, 0 },	/* similar_percent */
	{ schema_sql_8, NULL, 1 },	/* screening, signing, opinions, … */
};
#define NMIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

/* A parameter's index, found by the caller's pointer to its name (a string
 * constant) and checked against a copy: SQLite's lookup by name is done
 * once a statement rather than at every binding. */
struct param {
	const char *ptr;
	char        name[24];
	int         idx;
};
#define NPARAMS 16

struct stmt {
	const char   *sql;
	sqlite3_stmt *st;
	struct db    *db;
	struct param  p[NPARAMS];
	int           np;
};

struct db {
	sqlite3     *h;
	char        *path;    /* as the user named it, for messages */
	char        *real;    /* the file itself, symbolic links followed */
	int          immutable; /* opened by reopen_readonly */
	struct stmt *cache;   /* open-addressed by sql pointer */
	size_t       ncache;  /* slots in use */
	size_t       capcache;
	unsigned long txn;    /* the last transaction begun */
	char        *tmp;     /* DB_CREATE: the file being built, until
	                       * db_install puts it at path */
	void        *slot[DB_NSLOTS];          /* see db_slot */
	void       (*slot_free[DB_NSLOTS])(void *);
};

static void
db_warn(struct db *db, const char *what)
{
	int code = sqlite3_extended_errcode(db->h);
	int sys = sqlite3_system_errno(db->h);

	/* As everywhere else: one line, exit 3. Nothing is committed, and
	 * SQLite rolls back what was begun. */
	if ((code & 0xff) == SQLITE_NOMEM)
		xnomem();
	if ((code & 0xff) == SQLITE_BUSY)
		warnx(_("%s: the database is busy; try again"), db->path);
	else if ((code & 0xff) == SQLITE_FULL || sys == ENOSPC)
		warnx(_("%s: the disk is full"), db->path);
	else if ((code & 0xff) == SQLITE_READONLY || sys == EROFS)
		warnx(_("%s: the database is read-only"), db->path);
	else
		warnx(_("%s: %s: %s"), db->path, what, sqlite3_errmsg(db->h));
}

/* Reads a one-integer pragma; -1 on error, -2 out of memory. */
static long long
pragma_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;
	int rc;

	if ((rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL)) !=
	    SQLITE_OK)
		return (rc & 0xff) == SQLITE_NOMEM ? -2 : -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else if ((rc & 0xff) == SQLITE_NOMEM)
		v = -2;
	sqlite3_finalize(st);
	return v;
}

int
db_exec(struct db *db, const char *sql)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK) {
		db_warn(db, "exec");
		return -1;
	}
	return 0;
}

/* Migration 4's data: the notices of 2022 to 2026 (data/calendar-cn.csv,
 * made into one INSERT by scripts/calendar.awk). */
static int
calendar_shipped(struct db *db)
{
	return db_exec(db, calendar_sql);
}

/* Migration 3: the details that earlier versions wrote as text, in the
 * language of whoever typed the command, read back into JSON. */
static int
details_to_json(struct db *db)
{
	struct stmt *q, *u;
	char *json;
	int rc;

	q = db_stmt(db, "SELECT id, action, detail FROM event"
	    " WHERE detail NOT LIKE '{%}' ORDER BY id");
	u = db_stmt(db, "UPDATE event SET detail = :d WHERE id = :id");
	while ((rc = st_step(q)) == 1) {
		json = detail_parse(st_col(q, 1), st_col(q, 2));
		st_text(u, ":d", json);
		st_int(u, ":id", st_colint(q, 0));
		rc = st_exec(u);
		free(json);
		if (rc == -1)
			return -1;
	}
	return rc == -1 ? -1 : 0;
}

/* 0 if no row refers to a row that is not there, else -1 after a
 * message. */
static int
fk_clean(struct db *db)
{
	struct stmt *s = db_stmt(db, "PRAGMA foreign_key_check");
	int rc;

	if ((rc = st_step(s)) == 1)
		warnx(_("%s: table %s refers to a missing row"), db->path,
		    st_col(s, 0));
	return rc == 0 ? 0 : -1;
}

static int
migrate(struct db *db, int from)
{
	char buf[128];
	int v;

	for (v = from; v < NMIGRATIONS; v++) {
		/* Outside a transaction, where the pragma takes effect. */
		if (migrations[v].rebuild &&
		    db_exec(db, "PRAGMA foreign_keys = OFF") == -1)
			return -1;
		if (db_begin(db) == -1)
			return -1;
		snprintf(buf, sizeof buf,
		    "PRAGMA application_id = %d; PRAGMA user_version = %d;",
		    APPLICATION_ID, v + 1);
		if (db_exec(db, migrations[v].sql) == -1 ||
		    (migrations[v].then != NULL && migrations[v].then(db) == -1) ||
		    (migrations[v].rebuild && fk_clean(db) == -1) ||
		    db_exec(db, buf) == -1) {
			db_rollback(db);
			return -1;
		}
		if (db_commit(db) == -1)
			return -1;
		if (migrations[v].rebuild &&
		    db_exec(db, "PRAGMA foreign_keys = ON") == -1)
			return -1;
	}
	return 0;
}

/*
 * jianyi_overdue(status, due, as_of): the one rule for "overdue"
 * (asof_overdue in tally.c), for the queries that list and filter by it,
 * so that SQL and the reports cannot disagree.
 */
static void
sql_overdue(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *status = (const char *)sqlite3_value_text(argv[0]);

	(void)argc;
	/* Most rows are replied or closed: their dates are not read. */
	if (status == NULL || !status_key_running(status))
		sqlite3_result_int(cx, 0);
	else
		sqlite3_result_int(cx, asof_overdue_key(status,
		    (const char *)sqlite3_value_text(argv[1]),
		    (const char *)sqlite3_value_text(argv[2])));
}

static int
functions(struct db *db)
{
	if (sqlite3_create_function_v2(db->h, "jianyi_overdue", 3,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_overdue, NULL, NULL,
	    NULL) != SQLITE_OK) {
		db_warn(db, "open");
		return -1;
	}
	return 0;
}

/*
 * Opens the file read-only and immutable: a database that cannot be
 * written here (a CD, a full disk, a file without write permission),
 * whose WAL index cannot be made or must not be left behind. Nothing is
 * created or written; reads work, writes fail as read-only. Only for a
 * database whose -wal file is absent or empty: the main file then holds
 * every commit.
 */
static int
reopen_readonly(struct db *db)
{
	char *uri, *q;
	const unsigned char *p;

	sqlite3_close(db->h);
	db->h = NULL;
	uri = xmalloc(strlen(db->real) * 3 + 32);
	q = uri + sprintf(uri, "file:");
	for (p = (const unsigned char *)db->real; *p != '\0'; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			q += sprintf(q, "%%%02X", *p);
		else
			*q++ = (char)*p;
	strcpy(q, "?mode=ro&immutable=1");
	if (sqlite3_open_v2(uri, &db->h, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
		free(uri);
		return -1;
	}
	free(uri);
	sqlite3_extended_result_codes(db->h, 1);
	if (functions(db) == -1)
		return -1;
	db->immutable = 1;
	return 0;
}

/* SQLite's result code and errno for a database that cannot be written
 * here: a read-only medium, no permission, a full disk. */
static int
cannot_write(int rc, int sys)
{
	rc &= 0xff;
	return rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN ||
	    rc == SQLITE_FULL || rc == SQLITE_IOERR || sys == EROFS ||
	    sys == EACCES || sys == EPERM || sys == ENOSPC || sys == EDQUOT;
}

/*
 * Reads the schema once to tell a file that is not a database from one
 * that cannot be read here. A read (DB_READ) of a database that cannot
 * be written here falls back to an immutable read when nothing waits in
 * its -wal file (walsize, -1 for none). 0, or -1 after a message with
 * *refused set for the user's fault.
 */
static int
probe(struct db *db, int flags, long long walsize, int *refused)
{
	int rc, sys;

	rc = sqlite3_exec(db->h, "SELECT count(*) FROM sqlite_schema", NULL,
	    NULL, NULL);
	if (rc == SQLITE_OK)
		return 0;
	sys = sqlite3_system_errno(db->h);
	/* A truncated or damaged file cannot be told from a stranger. */
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) {
		warnx(_("'%s' is not a jianyi database"), db->path);
		return -1;
	}
	/* A write fails at its BEGIN with the reason; a read goes on. */
	if (((flags & DB_READ) ? walsize <= 0 && cannot_write(rc, sys) :
	    (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN ||
	    sys == EROFS || sys == EACCES)) {
		if (reopen_readonly(db) == 0 && sqlite3_exec(db->h,
		    "SELECT count(*) FROM sqlite_schema", NULL, NULL,
		    NULL) == SQLITE_OK)
			return 0;
	}
	*refused = 0;
	db_warn(db, "open");
	return -1;
}

/* Checks what kind of file this is; 0 and the schema version in *version,
 * or after a message -1 (refused) or -2 (out of memory). */
static int
verify(struct db *db, int *version)
{
	long long appid, uv, ntables;

	appid = pragma_int(db, "PRAGMA application_id");
	uv = pragma_int(db, "PRAGMA user_version");
	ntables = pragma_int(db, "SELECT count(*) FROM sqlite_schema");
	/* Out of memory is not a stranger's file. */
	if (appid == -2 || uv == -2 || ntables == -2) {
		warnx(_("out of memory"));
		return -2;
	}
	if (appid == -1 || uv == -1 || ntables == -1) {
		warnx(_("'%s' is not a jianyi database"), db->path);
		return -1;
	}
	if (appid != APPLICATION_ID && (appid != 0 || ntables != 0)) {
		warnx(_("'%s' is not a jianyi database"), db->path);
		return -1;
	}
	if (uv > NMIGRATIONS) {
		warnx(_("'%s' was written by a newer jianyi (schema %lld; "
		    "this program knows %d)"), db->path, uv, NMIGRATIONS);
		return -1;
	}
	*version = (int)uv;
	return 0;
}

/* Whether the -wal and -shm files exist and this process may write them. */
static int
companions_writable(const char *real)
{
	char *wal, *shm;
	int ok;

	if (asprintf(&wal, "%s-wal", real) == -1 ||
	    asprintf(&shm, "%s-shm", real) == -1)
		xnomem();
	ok = access(wal, W_OK) == 0 && access(shm, W_OK) == 0;
	free(wal);
	free(shm);
	return ok;
}

/*
 * Whether this process may write the file and make its -wal and -shm
 * files beside it (or write them where they are); with room set, also
 * whether the disk has room for them (the -shm file alone takes 32 KiB),
 * so that a read does not leave half-made ones on a full disk.
 */
static int
writable(const char *real, int room)
{
	struct statvfs vfs;
	char *dir, *slash;
	int ok;

	if (access(real, W_OK) == -1)
		return 0;
	dir = xstrdup(real);
	if ((slash = strrchr(dir, '/')) != NULL)
		slash[slash == dir] = '\0';
	ok = access(slash != NULL ? dir : ".", W_OK) == 0 ||
	    companions_writable(real);
	if (ok && room && statvfs(slash != NULL ? dir : ".", &vfs) == 0 &&
	    (unsigned long long)vfs.f_bavail * vfs.f_frsize < 256 * 1024)
		ok = 0;
	free(dir);
	return ok;
}

/* The size of the database's -wal file, or -1 when there is none. */
static long long
wal_size(const char *real)
{
	struct stat sb;
	char *wal;
	long long n;

	xasprintf(&wal, "%s-wal", real);
	n = stat(wal, &sb) == 0 ? (long long)sb.st_size : -1;
	free(wal);
	return n;
}

/*
 * Checks an existing database's path before SQLite sees it, for a message
 * that says what is wrong. 0, or -1 after a message with *refused set for
 * the user's fault.
 */
static int
check_path(const char *path, off_t *size, int *refused)
{
	struct stat sb;

	if (stat(path, &sb) == -1) {
		if (errno == ENOENT && lstat(path, &sb) == 0)
			warnx(_("'%s' is a symbolic link to a file that does "
			    "not exist"), path);
		else if (errno == ENOENT)
			warnx(_("no database at '%s'; run 'jianyi init' "
			    "first"), path);
		else
			warn("%s", path);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		warnx(_("'%s' is not a regular file"), path);
		return -1;
	}
	*size = sb.st_size;
	if (access(path, R_OK) == -1) {
		*refused = 0;
		if (errno == EACCES)
			warnx(_("no permission to read '%s'"), path);
		else
			warn("%s", path);
		return -1;
	}
	return 0;
}

struct db *
db_open(const char *path, int flags, int *refused)
{
	struct db *db;
	struct stat sb;
	char *tmp = NULL;
	long long walsize = -1;
	off_t size = -1;
	int version, rc, memory = strcmp(path, ":memory:") == 0;

	*refused = 1;
	if (memory)
		; /* for tests: nothing on disk to check */
	else if (flags & DB_CREATE) {
		/* An existing file is the user's to move; anything else (a
		 * missing directory, no space) is I/O. The new database is
		 * built under a temporary name: a killed init leaves
		 * nothing in the way of the next. */
		if (lstat(path, &sb) == 0) {
			warnx(_("'%s' already exists; not overwriting it"), path);
			return NULL;
		}
		*refused = 0;
		if ((tmp = ofile_temp(path)) == NULL)
			return NULL;
	} else if (check_path(path, &size, refused) == -1)
		return NULL;

	if ((db = calloc(1, sizeof *db)) == NULL ||
	    (db->path = strdup(path)) == NULL)
		xnomem();
	/* SQLite is given the file itself: a symbolic link is followed, and
	 * the -wal and -shm files are the target's, whatever name the user
	 * gave; a new database, its temporary name until db_install puts it
	 * in place. The absolute name is never read as a URI ("file:..."). */
	db->tmp = tmp;
	if ((db->real = memory ? strdup(path) : tmp != NULL ? strdup(tmp) :
	    realpath(path, NULL)) == NULL) {
		if (errno == ENOMEM)
			xnomem();
		*refused = 0;
		warn("%s", path);
		goto fail;
	}
	if (!memory)
		walsize = wal_size(db->real);
	if (size == 0 && walsize <= 0) {
		warnx(_("'%s' is an empty file, not a jianyi database"), path);
		goto fail;
	}
	/* One thread: no mutexes, no memory statistics; file names, never
	 * URIs. Only possible before SQLite is first used; later calls fail
	 * harmlessly. */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_URI, 0);
	if (!memory && !writable(db->real, flags & DB_READ)) {
		if (!(flags & DB_READ)) {
			/* Before SQLite makes -wal and -shm files that the
			 * next writer could not use. */
			*refused = 0;
			warnx(_("%s: the database is read-only"), db->path);
			goto fail;
		}
		/* A read makes nothing: with no -wal to read, the main
		 * file holds every commit. */
		if (walsize <= 0) {
			if (reopen_readonly(db) == -1) {
				*refused = 0;
				db_warn(db, "open");
				goto fail;
			}
			rc = SQLITE_OK;
		} else
			rc = sqlite3_open_v2(db->real, &db->h,
			    SQLITE_OPEN_READONLY, NULL);
	} else
		rc = sqlite3_open_v2(db->real, &db->h, SQLITE_OPEN_READWRITE,
		    NULL);
	if (rc != SQLITE_OK) {
		*refused = 0;
		db_warn(db, "open");
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 1);
	if (functions(db) == -1) {
		*refused = 0;
		goto fail;
	}
	sqlite3_busy_timeout(db->h, BUSY_TIMEOUT_MS);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	if (probe(db, flags, walsize, refused) == -1)
		goto fail;
	if ((rc = verify(db, &version)) < 0) {
		if (rc == -2)
			*refused = 0;
		goto fail;
	}
	/* Only init makes a database: an empty file is not one. */
	if (version == 0 && !(flags & DB_CREATE)) {
		warnx(_("'%s' is not a jianyi database"), db->path);
		goto fail;
	}
	*refused = 0;
	if (db_exec(db, "PRAGMA foreign_keys = ON") == -1)
		goto fail;
	/* WAL lets readers go on while one process writes. It is kept in
	 * the file; a read does not set it, and writes nothing. */
	if (!(flags & DB_READ) && !db->immutable)
		sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL,
		    NULL);
	/* Under WAL, NORMAL syncs at checkpoints rather than at every
	 * commit: a power cut may lose the last commits, never corrupt. */
	if (db_exec(db, "PRAGMA synchronous = NORMAL") == -1)
		goto fail;
	if (version < NMIGRATIONS && migrate(db, version) == -1)
		goto fail;
	return db;
fail:
	db_close(db); /* and the temporary file */
	return NULL;
}

int
db_install(struct db *db, int *refused)
{
	char *tmp = db->tmp, *path, *wal;
	struct stat sb;
	int rc, log, done;

	*refused = 0;
	if (tmp == NULL) {
		db_close(db);
		return 0;
	}
	/* Everything into the one file before it is put in place. */
	rc = sqlite3_wal_checkpoint_v2(db->h, NULL,
	    SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
	if (rc != SQLITE_OK) {
		db_warn(db, "checkpoint");
		db_close(db);
		return -1;
	}
	if ((path = strdup(db->path)) == NULL ||
	    (wal = malloc(strlen(tmp) + 5)) == NULL)
		xnomem();
	db->tmp = NULL;
	db_close(db);
	strcat(strcpy(wal, tmp), "-wal");
	if (lstat(wal, &sb) == 0 && sb.st_size > 0) {
		/* The checkpoint said done: a bug if ever seen. */
		warnx(_("%s: cannot finish the database"), path);
		ofile_remove_db(tmp);
		rc = -1;
	} else if ((rc = ofile_install(tmp, path)) == -1)
		*refused = errno == EEXIST;
	free(wal);
	free(path);
	free(tmp);
	return rc;
}

void
db_close(struct db *db)
{
	size_t i;

	if (db == NULL)
		return;
	for (i = 0; i < DB_NSLOTS; i++)
		if (db->slot[i] != NULL)
			(db->slot_free[i] != NULL ? db->slot_free[i] :
			    free)(db->slot[i]);
	for (i = 0; i < db->capcache; i++)
		if (db->cache[i].st != NULL)
			sqlite3_finalize(db->cache[i].st);
	free(db->cache);
	sqlite3_close(db->h);
	if (db->tmp != NULL) {
		ofile_remove_db(db->tmp); /* never put in place */
		free(db->tmp);
	}
	free(db->path);
	free(db->real);
	free(db);
}

int
db_begin(struct db *db)
{
	static unsigned long txns;

	/* Numbered across connections: a database opened after another
	 * closed, even at the same address, does not take its numbers. */
	db->txn = ++txns;
	return db_exec(db, "BEGIN IMMEDIATE");
}

unsigned long
db_txn(struct db *db)
{
	return sqlite3_get_autocommit(db->h) ? 0 : db->txn;
}

int
db_commit(struct db *db)
{
	return db_exec(db, "COMMIT");
}

void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

void *
db_slot(struct db *db, enum db_slot k, size_t size, void (*free_fn)(void *))
{
	if (db->slot[k] == NULL) {
		db->slot[k] = xcalloc(1, size);
		db->slot_free[k] = free_fn;
	}
	return db->slot[k];
}

enum cmd_status
db_end(struct db *db, enum cmd_status st)
{
	if (st != CMD_OK) {
		db_rollback(db);
		return st;
	}
	return db_commit(db) == -1 ? CMD_FAIL : CMD_OK;
}

static size_t
slot_of(const char *sql, size_t cap)
{
	uintptr_t h = (uintptr_t)sql;

	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15ULL;
	return (size_t)(h >> 7) & (cap - 1);
}

static struct stmt *
cache_find(struct db *db, const char *sql)
{
	size_t i;

	if (db->capcache == 0)
		return NULL;
	for (i = slot_of(sql, db->capcache); db->cache[i].sql != NULL;
	    i = (i + 1) & (db->capcache - 1))
		if (db->cache[i].sql == sql)
			return &db->cache[i];
	return NULL;
}

static struct stmt *
cache_insert(struct db *db, const char *sql, sqlite3_stmt *st)
{
	struct stmt *old = db->cache;
	size_t i, oldcap = db->capcache;

	if ((db->ncache + 1) * 2 > db->capcache) {
		db->capcache = oldcap ? oldcap * 2 : 64;
		if ((db->cache = calloc(db->capcache, sizeof *db->cache)) ==
		    NULL)
			xnomem();
		db->ncache = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].sql != NULL)
				cache_insert(db, old[i].sql, old[i].st);
		free(old);
	}
	for (i = slot_of(sql, db->capcache); db->cache[i].sql != NULL;
	    i = (i + 1) & (db->capcache - 1))
		;
	db->cache[i].sql = sql;
	db->cache[i].st = st;
	db->cache[i].db = db;
	db->ncache++;
	return &db->cache[i];
}

struct stmt *
db_stmt(struct db *db, const char *sql)
{
	struct stmt *s;
	sqlite3_stmt *st;

	if ((s = cache_find(db, sql)) != NULL) {
		sqlite3_reset(s->st);
		sqlite3_clear_bindings(s->st);
		return s;
	}
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &st, NULL) != SQLITE_OK) {
		if ((sqlite3_errcode(db->h) & 0xff) == SQLITE_NOMEM)
			xnomem();
		errx(CMD_FAIL, "bug: cannot prepare '%s': %s", sql,
		    sqlite3_errmsg(db->h));
	}
	return cache_insert(db, sql, st);
}

static int
param(struct stmt *s, const char *name)
{
	struct param *p;
	int i, k;

	for (k = 0; k < s->np; k++)
		if (s->p[k].ptr == name && strcmp(s->p[k].name, name) == 0)
			return s->p[k].idx;
	if ((i = sqlite3_bind_parameter_index(s->st, name)) == 0)
		errx(CMD_FAIL, "bug: no parameter '%s' in '%s'", name, s->sql);
	if (s->np < NPARAMS && strlen(name) < sizeof p->name) {
		p = &s->p[s->np++];
		p->ptr = name;
		memcpy(p->name, name, strlen(name) + 1);
		p->idx = i;
	}
	return i;
}

void
st_text(struct stmt *s, const char *name, const char *value)
{
	int i = param(s, name);

	/* SQLite copies the value: out of memory would leave NULL bound,
	 * and a lookup would find nothing. */
	if (value == NULL)
		sqlite3_bind_null(s->st, i);
	/* A copy that cannot be made would leave NULL bound. */
	else if (sqlite3_bind_text(s->st, i, value, -1, SQLITE_TRANSIENT) ==
	    SQLITE_NOMEM)
		xnomem();
}

void
st_int(struct stmt *s, const char *name, long long value)
{
	sqlite3_bind_int64(s->st, param(s, name), value);
}

int
st_step(struct stmt *s)
{
	switch (sqlite3_step(s->st)) {
	case SQLITE_ROW:
		return 1;
	case SQLITE_DONE:
		return 0;
	default:
		if ((sqlite3_errcode(s->db->h) & 0xff) == SQLITE_NOMEM)
			xnomem();
		db_warn(s->db, "step");
		sqlite3_reset(s->st);
		return -1;
	}
}

int
st_exec(struct stmt *s)
{
	int rc = st_step(s);

	sqlite3_reset(s->st);
	return rc == -1 ? -1 : 0;
}

/* NULL only for an SQL NULL: a value that cannot be converted for want
 * of memory ends the command, rather than reading as "no value". */
const char *
st_col(struct stmt *s, int col)
{
	const char *v = (const char *)sqlite3_column_text(s->st, col);

	if (v == NULL && sqlite3_column_type(s->st, col) != SQLITE_NULL)
		xnomem();
	return v;
}

long long
st_colint(struct stmt *s, int col)
{
	return sqlite3_column_int64(s->st, col);
}

int
st_colnull(struct stmt *s, int col)
{
	return sqlite3_column_type(s->st, col) == SQLITE_NULL;
}

int
st_ncols(struct stmt *s)
{
	return sqlite3_column_count(s->st);
}

long long
db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

int
db_changes(struct db *db)
{
	return sqlite3_changes(db->h);
}

/* The one line for a backup that failed at rc. */
static void
backup_warn(const char *path, int rc)
{
	if ((rc & 0xff) == SQLITE_FULL)
		ofile_warn(path, ENOSPC);
	else
		warnx("%s: %s", path, sqlite3_errstr(rc));
}

int
db_backup(struct db *db, const char *path)
{
	sqlite3 *to = NULL;
	sqlite3_backup *b;
	char *tmp;
	int rc;

	/* Built under a temporary name: a killed backup leaves nothing in
	 * the way, a failed one nothing at all. */
	if ((tmp = ofile_temp(path)) == NULL)
		return -1;
	rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	sqlite3_extended_result_codes(to, 1);
	if ((b = sqlite3_backup_init(to, "main", db->h, "main")) == NULL) {
		rc = sqlite3_extended_errcode(to);
		goto fail;
	}
	/* Copy in steps so that writers in other processes get a turn. */
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		goto fail;
	rc = sqlite3_close(to);
	to = NULL;
	if (rc != SQLITE_OK)
		goto fail;
	rc = ofile_install(tmp, path);
	free(tmp);
	return rc;
fail:
	backup_warn(path, rc);
	sqlite3_close(to);
	ofile_remove_db(tmp);
	free(tmp);
	errno = 0;
	return -1;
}

int
db_check(struct db *db, FILE *out)
{
	struct stmt *s;
	int n = 0, rc;

	s = db_stmt(db, "PRAGMA integrity_check");
	while ((rc = st_step(s)) == 1)
		if (strcmp(st_col(s, 0), "ok") != 0) {
			fprintf(out, "integrity: %s\n", st_col(s, 0));
			n++;
		}
	if (rc == -1)
		return -1;
	s = db_stmt(db, "PRAGMA foreign_key_check");
	while ((rc = st_step(s)) == 1) {
		fprintf(out, _("foreign key: %s row %lld refers to a missing "
		    "%s row\n"), st_col(s, 0), st_colint(s, 1), st_col(s, 2));
		n++;
	}
	return rc == -1 ? -1 : n;
}

/*
 * check: stored text. Every non-NULL value of every column declared TEXT,
 * read as its bytes, must be valid UTF-8 without NUL bytes (issue 11):
 * the tables and columns come from the schema itself, so that a new one is
 * checked without a list to keep.
 */

static int
check_column(struct db *db, const char *table, const char *col, FILE *out)
{
	sqlite3_stmt *st = NULL;
	char *sql;
	int n = 0, rc, len;
	const char *v;

	/* WITHOUT ROWID tables have no rowid: their rows go unnumbered. */
	sql = sqlite3_mprintf("SELECT rowid, CAST(\"%w\" AS BLOB) FROM \"%w\""
	    " WHERE \"%w\" IS NOT NULL", col, table, col);
	if (sql == NULL)
		xnomem();
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_free(sql);
		sql = sqlite3_mprintf("SELECT NULL, CAST(\"%w\" AS BLOB)"
		    " FROM \"%w\" WHERE \"%w\" IS NOT NULL", col, table, col);
		if (sql == NULL)
			xnomem();
		if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) !=
		    SQLITE_OK) {
			sqlite3_free(sql);
			db_warn(db, "check");
			return -1;
		}
	}
	sqlite3_free(sql);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = sqlite3_column_blob(st, 1);
		len = sqlite3_column_bytes(st, 1);
		if (utf8_valid(v, (size_t)len) && (len == 0 ||
		    memchr(v, '\0', (size_t)len) == NULL))
			continue;
		if (sqlite3_column_type(st, 0) == SQLITE_NULL)
			fprintf(out, _("text: a row of %s.%s is not valid UTF-8 "
			    "text\n"), table, col);
		else
			fprintf(out, _("text: %s.%s of row %lld is not valid "
			    "UTF-8 text\n"), table, col,
			    (long long)sqlite3_column_int64(st, 0));
		n++;
	}
	if (rc != SQLITE_DONE) {
		db_warn(db, "check");
		n = -1;
	}
	sqlite3_finalize(st);
	return n;
}

int
db_check_text(struct db *db, FILE *out)
{
	sqlite3_stmt *st;
	int n = 0, k, rc;

	if (sqlite3_prepare_v2(db->h, "SELECT m.name, p.name"
	    " FROM sqlite_schema m, pragma_table_info(m.name) p"
	    " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
	    " AND upper(p.type) = 'TEXT' ORDER BY m.name, p.cid", -1, &st,
	    NULL) != SQLITE_OK) {
		db_warn(db, "check");
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		k = check_column(db, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1), out);
		if (k == -1) {
			n = -1;
			break;
		}
		n += k;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_warn(db, "check");
		n = -1;
	}
	sqlite3_finalize(st);
	return n;
}
