/*
 * db.c — the one module that talks to SQLite: opening and verifying the
 * database, migrations, transactions, a statement cache with named binding,
 * backup and integrity checks.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "jianyi.h"
#include "db.h"
#include "text.h"

#define APPLICATION_ID 0x4a592022 /* "JY" 2022 */
#define BUSY_TIMEOUT_MS 30000

extern const char schema_sql[];

/* Migration N brings user_version from N-1 to N; each runs in its own
 * transaction. Append, never edit. */
static const char *const migrations[] = {
	schema_sql,
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
	char        *path;
	struct stmt *cache;   /* open-addressed by sql pointer */
	size_t       ncache;  /* slots in use */
	size_t       capcache;
	unsigned long txn;    /* the last transaction begun */
};

static void
db_warn(struct db *db, const char *what)
{
	int code = sqlite3_extended_errcode(db->h);
	int sys = sqlite3_system_errno(db->h);

	if ((code & 0xff) == SQLITE_BUSY)
		warnx(_("%s: the database is busy; try again"), db->path);
	else if ((code & 0xff) == SQLITE_FULL || sys == ENOSPC)
		warnx(_("%s: the disk is full"), db->path);
	else if ((code & 0xff) == SQLITE_READONLY || sys == EROFS)
		warnx(_("%s: the database is read-only"), db->path);
	else
		warnx(_("%s: %s: %s"), db->path, what, sqlite3_errmsg(db->h));
}

/* Reads a one-integer pragma; -1 on error. */
static long long
pragma_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
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

static int
migrate(struct db *db, int from)
{
	char buf[128];
	int v;

	for (v = from; v < NMIGRATIONS; v++) {
		if (db_begin(db) == -1)
			return -1;
		snprintf(buf, sizeof buf,
		    "PRAGMA application_id = %d; PRAGMA user_version = %d;",
		    APPLICATION_ID, v + 1);
		if (db_exec(db, migrations[v]) == -1 || db_exec(db, buf) == -1) {
			db_rollback(db);
			return -1;
		}
		if (db_commit(db) == -1)
			return -1;
	}
	return 0;
}

/*
 * Opens the file read-only and immutable: a database on a read-only medium
 * (a CD, a write-protected stick), whose WAL index cannot be made. Reads
 * work; writes fail as read-only.
 */
static int
reopen_readonly(struct db *db)
{
	char uri[PATH_MAX * 3 + 64], *q = uri;
	const unsigned char *p;

	sqlite3_close(db->h);
	db->h = NULL;
	q += snprintf(uri, sizeof uri, "file:");
	for (p = (const unsigned char *)db->path; *p != '\0' &&
	    q < uri + sizeof uri - 40; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			q += sprintf(q, "%%%02X", *p);
		else
			*q++ = (char)*p;
	snprintf(q, uri + sizeof uri - q, "?mode=ro&immutable=1");
	if (sqlite3_open_v2(uri, &db->h, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
		return -1;
	sqlite3_extended_result_codes(db->h, 1);
	return 0;
}

/*
 * Reads the schema once to tell a file that is not a database from one
 * that cannot be read here. 0, or -1 after a message with *refused set for
 * the user's fault.
 */
static int
probe(struct db *db, int *refused)
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
	if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN ||
	    sys == EROFS || sys == EACCES) {
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
 * or -1 after a message. */
static int
verify(struct db *db, int *version)
{
	long long appid, uv, ntables;

	appid = pragma_int(db, "PRAGMA application_id");
	uv = pragma_int(db, "PRAGMA user_version");
	ntables = pragma_int(db, "SELECT count(*) FROM sqlite_schema");
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

static int
create_file(const char *path)
{
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1) {
		int e = errno;

		if (e == EEXIST)
			warnx(_("'%s' already exists; not overwriting it"), path);
		else
			warn("%s", path);
		errno = e; /* for the caller to tell the two apart */
		return -1;
	}
	close(fd);
	return 0;
}

struct db *
db_open(const char *path, int flags, int *refused)
{
	struct db *db;
	struct stat sb;
	int version, rc;

	*refused = 1;
	if (strcmp(path, ":memory:") == 0)
		; /* for tests: nothing on disk to check */
	else if (flags & DB_CREATE) {
		if (create_file(path) == -1) {
			/* An existing file is the user's to move; anything
			 * else (a missing directory, no space) is I/O. */
			*refused = errno == EEXIST;
			return NULL;
		}
	} else if (stat(path, &sb) == -1) {
		if (errno == ENOENT)
			warnx(_("no database at '%s'; run 'jianyi init' "
			    "first"), path);
		else
			warn("%s", path);
		return NULL;
	} else if (!S_ISREG(sb.st_mode)) {
		warnx(_("'%s' is not a regular file"), path);
		return NULL;
	}

	if ((db = calloc(1, sizeof *db)) == NULL ||
	    (db->path = strdup(path)) == NULL)
		err(1, NULL);
	/* One thread: no mutexes, no memory statistics. Only possible
	 * before SQLite is first used; later calls fail harmlessly. */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	rc = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc != SQLITE_OK) {
		*refused = 0;
		db_warn(db, "open");
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, BUSY_TIMEOUT_MS);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	if (probe(db, refused) == -1 || verify(db, &version) == -1)
		goto fail;
	/* Only init makes a database: an empty file is not one. */
	if (version == 0 && !(flags & DB_CREATE)) {
		warnx(_("'%s' is not a jianyi database"), db->path);
		goto fail;
	}
	*refused = 0;
	if (db_exec(db, "PRAGMA foreign_keys = ON") == -1)
		goto fail;
	/* WAL lets readers go on while one process writes. It cannot be
	 * switched on a read-only medium, where writes fail anyway. */
	sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	/* Under WAL, NORMAL syncs at checkpoints rather than at every
	 * commit: a power cut may lose the last commits, never corrupt. */
	if (db_exec(db, "PRAGMA synchronous = NORMAL") == -1)
		goto fail;
	if (version < NMIGRATIONS && migrate(db, version) == -1)
		goto fail;
	return db;
fail:
	db_close(db);
	if ((flags & DB_CREATE) && strcmp(path, ":memory:") != 0)
		unlink(path);
	return NULL;
}

void
db_close(struct db *db)
{
	size_t i;

	if (db == NULL)
		return;
	for (i = 0; i < db->capcache; i++)
		if (db->cache[i].st != NULL)
			sqlite3_finalize(db->cache[i].st);
	free(db->cache);
	sqlite3_close(db->h);
	free(db->path);
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
			err(1, NULL);
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
	    &st, NULL) != SQLITE_OK)
		errx(CMD_FAIL, "bug: cannot prepare '%s': %s", sql,
		    sqlite3_errmsg(db->h));
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

	if (value == NULL)
		sqlite3_bind_null(s->st, i);
	else
		sqlite3_bind_text(s->st, i, value, -1, SQLITE_TRANSIENT);
}

void
st_int(struct stmt *s, const char *name, long long value)
{
	sqlite3_bind_int64(s->st, param(s, name), value);
}

void
st_null(struct stmt *s, const char *name)
{
	sqlite3_bind_null(s->st, param(s, name));
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

const char *
st_col(struct stmt *s, int col)
{
	return (const char *)sqlite3_column_text(s->st, col);
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

const char *
st_colname(struct stmt *s, int col)
{
	return sqlite3_column_name(s->st, col);
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

int
db_backup(struct db *db, const char *path)
{
	sqlite3 *to;
	sqlite3_backup *b;
	int rc;

	if (create_file(path) == -1)
		return -1;
	if (sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		warnx("%s: %s", path, sqlite3_errmsg(to));
		sqlite3_close(to);
		unlink(path);
		return -1;
	}
	if ((b = sqlite3_backup_init(to, "main", db->h, "main")) == NULL) {
		warnx("%s: %s", path, sqlite3_errmsg(to));
		sqlite3_close(to);
		unlink(path);
		return -1;
	}
	/* Copy in steps so that writers in other processes get a turn. */
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		warnx("%s: %s", path, sqlite3_errstr(rc));
		sqlite3_close(to);
		unlink(path);
		return -1;
	}
	if (sqlite3_close(to) != SQLITE_OK) {
		warnx(_("%s: cannot close the backup"), path);
		return -1;
	}
	return 0;
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
		err(1, NULL);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_free(sql);
		sql = sqlite3_mprintf("SELECT NULL, CAST(\"%w\" AS BLOB)"
		    " FROM \"%w\" WHERE \"%w\" IS NOT NULL", col, table, col);
		if (sql == NULL)
			err(1, NULL);
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
