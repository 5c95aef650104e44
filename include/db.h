/*
 * db.h — the one door to SQLite. Opening (with the schema check and the
 * migrations), transactions, and cached prepared statements with named,
 * bound parameters. No other file includes sqlite3.h.
 */
#ifndef JIANYI_DB_H
#define JIANYI_DB_H

#include <stdio.h>

#include "status.h"

struct db;
struct stmt;

#define DB_CREATE 0x1 /* a new database, built under a temporary name
                       * until db_install; an existing file is refused */
/* Only read: nothing is written or created, and a database that cannot be
 * written here (a read-only medium, a full disk, no write permission) is
 * read as it is. */
#define DB_READ   0x2

/*
 * Opens path, creating it with mode 0600 under DB_CREATE, checks that it is a
 * jianyi database no newer than this program and applies pending migrations.
 * A symbolic link is followed; path is a file name, never an SQLite URI.
 * On failure prints one line and returns NULL; *refused is set to 1 when the
 * fault is the user's (missing file, not a jianyi database), else 0.
 */
struct db *db_open(const char *path, int flags, int *refused);
/* Closes the database; one made by DB_CREATE and not installed is removed. */
void db_close(struct db *);
/*
 * Closes a database made by DB_CREATE and puts it at its path, unless a
 * file appeared there meanwhile (then *refused is set). 0, or -1 after a
 * message with the new database removed.
 */
int db_install(struct db *, int *refused);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. Return 0 or -1 after a message. */
int db_begin(struct db *);
int db_commit(struct db *);
void db_rollback(struct db *);
/* Ends a command's transaction, as Fossil's db_end_transaction does:
 * commits when st is CMD_OK, else rolls back; returns the final status
 * (CMD_FAIL when the commit fails). */
enum cmd_status db_end(struct db *, enum cmd_status st);

/*
 * What the domain keeps for one connection, in struct db and not in the
 * process: the names found in the registries (reg.c) and the suggestion
 * last changed (sug.c). db_slot returns the slot's memory, size bytes
 * zeroed at the first call; db_close frees it with free_fn (NULL: free).
 */
enum db_slot { DB_SLOT_NAMES, DB_SLOT_LAST, DB_NSLOTS };
void *db_slot(struct db *, enum db_slot, size_t size,
    void (*free_fn)(void *));
/*
 * The number of the transaction in progress, or 0 outside one. What a
 * caller read in a transaction may be remembered while this does not
 * change: no other process can write until it ends.
 */
unsigned long db_txn(struct db *);

/*
 * Returns the prepared statement for sql (a string constant: statements are
 * cached by pointer and kept until db_close), reset and with its bindings
 * cleared. Never returns NULL: SQL that does not prepare is a bug, and
 * aborts with the message.
 */
struct stmt *db_stmt(struct db *, const char *sql);

/* Binds by name (":name"); an unknown name is a bug and aborts. A NULL
 * text binds NULL. */
void st_text(struct stmt *, const char *name, const char *value);
void st_int(struct stmt *, const char *name, long long value);

/* 1 for a row, 0 when done, -1 on error (after a message). */
int st_step(struct stmt *);
/* Steps a statement that returns no rows; 0 or -1. */
int st_exec(struct stmt *);

/* Column values of the current row; text is NULL for NULL and valid until
 * the next step or reset. */
const char *st_col(struct stmt *, int col);
long long st_colint(struct stmt *, int col);
int st_colnull(struct stmt *, int col);
int st_ncols(struct stmt *);

long long db_last_id(struct db *);
int db_changes(struct db *);

/* Runs statements with no parameters (schema work); 0 or -1. */
int db_exec(struct db *, const char *sql);

/*
 * Online backup of the whole database into path, a new file (mode 0600),
 * written under a temporary name and renamed into place. 0, or -1 after a
 * message with nothing left behind; errno is EEXIST if path appeared
 * meanwhile. The caller checks path first (ofile_check).
 */
int db_backup(struct db *, const char *path);

/* Runs integrity_check and foreign_key_check, printing each problem on out;
 * returns the number of problems, or -1. */
int db_check(struct db *, FILE *out);
/* Checks that every value stored in a TEXT column is valid UTF-8 with no
 * NUL byte, printing each one that is not on out; returns how many, or
 * -1. */
int db_check_text(struct db *, FILE *out);

#endif
