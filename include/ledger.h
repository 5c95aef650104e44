/*
 * ledger.h — importing CSV files (the secretary's Excel ledger and the
 * registries) into the database as the commands would have entered them,
 * and exporting the ledger for Excel and WPS.
 */
#ifndef JIANYI_LEDGER_H
#define JIANYI_LEDGER_H

#include <stdio.h>

#include "ctx.h"
#include "csvio.h"
#include "csvmap.h"

struct db;

struct import_opts {
	const struct csv_table *table;
	const char             *path;
	enum csv_enc            enc;
	int                     dry_run;
	int                     update;       /* take the file's values */
	int                     strict_names; /* refuse unknown names */
	int                     progress;     /* show progress on stderr */
	int                     skip_unknown; /* --skip-unknown-columns */
	int                     verbose;      /* every new name */
	int                     similar;      /* titles alike (issue 14) */
};

/*
 * Imports a file in one transaction: every bad row is listed as
 * FILE:LINE: column: reason and nothing is written. Prints a summary on
 * out. The caller has begun the transaction and ends it.
 */
enum cmd_status import_file(struct db *, const struct cmd_ctx *,
    const struct import_opts *, FILE *out);

struct export_opts {
	const struct csv_table *table;
	int                     english;       /* --header en */
	int                     personal_data; /* --with-personal-data */
};

/* Writes the table as UTF-8 CSV with a BOM and CRLF line ends. */
enum cmd_status export_file(struct db *, const struct export_opts *,
    FILE *out);

#endif
