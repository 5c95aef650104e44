/*
 * out.h — tables of results and their writers: text aligned by display
 * width, CSV (libcsv's writer, CRLF), JSON (cJSON) and Markdown.
 */
#ifndef JIANYI_OUT_H
#define JIANYI_OUT_H

#include <stdio.h>

#include "status.h"
#include "vocab.h"

/* Output formats of listing commands. */
enum fmt { FMT_TEXT, FMT_CSV, FMT_JSON, FMT_MD, FMT_HTML, FMT_XLSX };

enum col_type { COL_STR, COL_INT, COL_BOOL };

struct col {
	const char         *key;   /* JSON key and CSV header */
	const char         *label; /* text heading, passed through gettext */
	enum col_type       type;
	const struct vocab *vocab; /* if set, text shows the key's label */
};

struct table {
	const struct col *cols;
	int               ncols;
	char            **cells; /* nrows * ncols, NULL for null */
	size_t            nrows;
	size_t            cap;
	int               indent; /* text: spaces before each line */
	int               alert;  /* 1 + the column whose true value puts a
	                           * row in red on a terminal, or 0 */
};

/* 1 when fp is a terminal that takes colour: not with NO_COLOR set, nor
 * TERM=dumb. */
int out_colour(FILE *fp);
#define RED "\033[31m"
#define PLAIN "\033[0m"

void table_init(struct table *, const struct col *, int ncols);
/* Appends a row of ncols values (copied; NULL is null). */
void table_add(struct table *, const char *const *values);
/* The cell's value, or NULL. */
const char *table_cell(const struct table *, size_t row, int col);
void table_free(struct table *);

/* Writes the table; returns 0, or -1 after a message on a write error. */
int table_print(const struct table *, enum fmt, FILE *);

/* Writes text for HTML, fit for both an element's text and a quoted
 * attribute value: & < > " ' as entities, control characters and invalid
 * bytes as \xHH (newlines kept). The one HTML escape: the report uses it. */
void out_html(FILE *fp, const char *text);

/* Pads s to width display columns on fp (right-aligned if right). */
void out_padded(FILE *fp, const char *s, int width, int right);

/* Writes one CSV record (CRLF-terminated) of n fields; NULL is empty. A
 * field that a spreadsheet would take as a formula is written with a
 * leading apostrophe (text.h: csv_needs_mark). */
void csv_record(FILE *fp, const char *const *fields, int n);

/* Checks stdout for a write error at exit: git's habit. 0 or -1. */
int out_flush(FILE *fp);

#endif
