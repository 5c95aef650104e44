/*
 * csvmap.h — the CSV formats of SPEC "CSV": each file's columns with their
 * Chinese and English headers, mapping a header row onto them, splitting
 * name lists, and reading cells. Pure.
 */
#ifndef JIANYI_CSVMAP_H
#define JIANYI_CSVMAP_H

#include <stddef.h>

#include "date.h"

struct csv_column {
	const char *zh, *en;
	int         required;
};

struct csv_table {
	const char              *name; /* suggestions, receptions, ... */
	const struct csv_column *cols;
	int                      ncols;
	const char *const       *ignored; /* headers read past: 序号 */
};

/* The suggestions ledger, in SPEC order. */
enum {
	L_NUMBER, L_RECEIVED, L_STATION, L_SOURCE, L_TITLE, L_CONTENT,
	L_CATEGORY, L_SUBMITTER, L_PHONE, L_LEAD, L_COSIGNERS, L_DEPT, L_CO,
	L_ASSIGNED, L_DUE, L_REPLIED, L_CLASS, L_REPLY, L_RATED, L_RATING,
	L_HANDLER, L_CONTACTS, L_NOTE, L_REPLY_DEPT, L_SIGNED, L_SUPERVISOR,
	L_SUPERVISED_ON, L_MERGED_INTO, L_REJECTED, L_RECURRING, L_NCOLS
};
/* Receptions and activities begin with the row's id, so that two
 * identical sessions on one day round-trip as two (optional on import). */
enum { R_ID, R_DATE, R_STATION, R_VISITORS, R_DEPUTIES, R_NOTE, R_NCOLS };
enum { A_ID, A_DATE, A_KIND, A_TITLE, A_PARTICIPANTS, A_NCOLS };
enum { S_NAME, S_VILLAGE, S_NCOLS };
enum { D_NAME, D_NCOLS };
enum { P_NAME, P_LEVEL, P_STATION, P_PHONE, P_NCOLS };

extern const struct csv_table csv_tables[];

/* The table named s, or NULL. */
const struct csv_table *csv_table_find(const char *s);

/* The column whose Chinese or English header is name (normalised), -1 when
 * none; -2 when name is a header that the table reads past (序号, the row
 * numbers of a ledger). */
int csv_column_find(const struct csv_table *, const char *name);

#define CSV_MAXCOLS 32

/*
 * Maps a header row: map[c] is the field index of column c, or -1 when
 * the file lacks it. Headers match a column's Chinese or English name
 * (English case-insensitively, normalised as text_norm does). An unknown
 * or repeated header (its invisible characters shown as \uXXXX), or a
 * missing required column, returns -1 with *err an allocated message for
 * the caller to free.
 */
int csv_map_header(const struct csv_table *, char *const *fields, size_t n,
    int *map, char **err);

/*
 * Splits a list of names separated by ";", "；" or "、" into out (pointers
 * into s, which is modified); empty names are dropped. Returns how many,
 * at most max.
 */
int csv_split_names(char *s, char **out, int max);

/*
 * Splits a list of names separated by ";", "；" or "、" into a new array
 * of new strings, each normalised (text_norm); empty names are dropped.
 * *n gets how many; s NULL is an empty list. Free with csv_list_free.
 */
char **csv_list(const char *s, size_t *n);
void csv_list_free(char **v, size_t n);

/* Parses a date cell in any form, Excel serial numbers included. */
int csv_date(const char *s, struct date *out);

/* Normalises s in place as text_norm does (trims spaces and zero-width
 * characters, NFC) when the result fits, as it does unless composing
 * would lengthen it; returns s. */
char *csv_trim(char *s);

#endif
