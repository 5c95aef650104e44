/*
 * fuzz_csv.c — libFuzzer harness for the CSV import path: the bytes are a
 * file (a memfd, read through /proc/self/fd/N like any path) imported by
 * import_file (src/domain/ledger-import.c, through csvio.c's libcsv
 * reader and iconv)
 * into an in-memory database that already holds the ledger of
 * tests/fixtures/ledger-states.csv, so that rows for existing numbers
 * (additions, conflicts, --update) are reached too. Every input is read as
 * each table: suggestions (auto encoding; and UTF-8 with --update and
 * --strict-names), receptions, activities, stations, departments and
 * deputies, each in a transaction that is rolled back.
 *
 * Beyond the sanitizers, an import that succeeds must leave a database
 * that satisfies tests/stress/invariants.sql and passes integrity and
 * foreign key checks, and importing the same file again must change
 * nothing (SPEC: "Re-importing the same file changes nothing").
 */
#include <sys/mman.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"
#include "ledger.h"

#include "fuzzlib.h"

#ifndef FUZZ_TOP
#error "build with -DFUZZ_TOP='\"/path/to/the/tree\"'"
#endif

static struct cmd_ctx ctx = { ":memory:", { 2023, 3, 31 }, "fuzz", 0 };
static struct db *db;
static int memfd = -1;
static char path[64];
static FILE *devnull;


int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct import_opts o = { 0 };
	int refused;

	(void)argc;
	(void)argv;
	fuzz_init("fuzz_csv");
	fuzz_invariants(&(int){ 0 }); /* read now, not during an input */
	/* jianyi's refusals (warnx) go to stderr: quiet them. The
	 * sanitizers write to file descriptor 2, which stays. */
	devnull = fopen("/dev/null", "w");
	if (getenv("FUZZ_VERBOSE") == NULL)
		stderr = devnull;
	if ((memfd = memfd_create("fuzz.csv", 0)) == -1) {
		perror("memfd_create");
		abort();
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", memfd);
	if ((db = db_open(":memory:", DB_CREATE, &refused)) == NULL)
		abort();
	o.table = csv_table_find("suggestions");
	o.path = FUZZ_TOP "/tests/fixtures/ledger-states.csv";
	if (db_begin(db) == -1 || import_file(db, &ctx, &o, devnull) !=
	    CMD_OK || db_commit(db) == -1) {
		fprintf(fuzz_err, "fuzz_csv: cannot import %s\n", o.path);
		abort();
	}
	return 0;
}

static void
set_input(const uint8_t *data, size_t size)
{
	if (ftruncate(memfd, 0) == -1 ||
	    (size > 0 && pwrite(memfd, data, size, 0) != (ssize_t)size)) {
		perror("memfd");
		abort();
	}
}

/* The database after a successful import: sound, no half-done row. */
static void
check_db(const char *table)
{
	const char *const *checks;
	struct stmt *s;
	int i, rc, nchecks;

	checks = fuzz_invariants(&nchecks);
	CHECK(db_check(db, fuzz_err) == 0, "%s: check fails", table);
	for (i = 0; i < nchecks; i++) {
		s = db_stmt(db, checks[i]);
		rc = st_step(s);
		CHECK(rc == 0, "%s: invariant: %s", table,
		    rc == 1 ? st_col(s, 0) : "(error)");
	}
}

/* A second import of the same file must find every row unchanged. */
static void
check_again(struct import_opts *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	enum cmd_status st;
	long rows, added, updated, unchanged;
	const char *p;

	st = import_file(db, &ctx, o, mem);
	fclose(mem);
	CHECK(st == CMD_OK, "%s: the same file again is refused",
	    o->table->name);
	p = strstr(buf, "): ");
	/* "1 row:", "2 rows:": the plural of the count. */
	CHECK(p != NULL && (sscanf(p, "): %ld rows: %ld added, %ld updated, "
	    "%ld unchanged", &rows, &added, &updated, &unchanged) == 4 ||
	    sscanf(p, "): %ld row: %ld added, %ld updated, %ld unchanged",
	    &rows, &added, &updated, &unchanged) == 4),
	    "%s: summary: %s", o->table->name, buf);
	/* Registries (stations, ...) count differently; the ledger must
	 * change nothing. */
	if (strcmp(o->table->name, "suggestions") == 0)
		CHECK(added == 0 && updated == 0, "suggestions: the same file "
		    "again: %s", buf);
	else
		CHECK(added == 0, "%s: the same file again: %s",
		    o->table->name, buf);
	free(buf);
}

static void
import_as(const char *table, enum csv_enc enc, int update, int strict)
{
	struct import_opts o = { 0 };
	enum cmd_status st;

	o.table = csv_table_find(table);
	o.path = path;
	o.enc = enc;
	o.update = update;
	o.strict_names = strict;
	if (db_begin(db) == -1)
		abort();
	st = import_file(db, &ctx, &o, devnull);
	CHECK(st == CMD_OK || st == CMD_REFUSED, "%s: status %d", table, st);
	if (st == CMD_OK) {
		check_db(table);
		check_again(&o);
	}
	db_rollback(db);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	set_input(data, size);
	import_as("suggestions", ENC_AUTO, 0, 0);
	import_as("suggestions", ENC_UTF8, 1, 1);
	import_as("receptions", ENC_AUTO, 0, 0);
	import_as("activities", ENC_AUTO, 0, 0);
	import_as("stations", ENC_AUTO, 0, 0);
	import_as("departments", ENC_AUTO, 0, 0);
	import_as("deputies", ENC_AUTO, 0, 0);
	return 0;
}
