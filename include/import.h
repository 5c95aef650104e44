/*
 * import.h — what the parts of an import share: ledger-import.c (the driver),
 * ledger-check.c (the checks of a row) and ledger-merge.c (a row against
 * what the database holds, for --update). For them alone.
 */
#ifndef JIANYI_IMPORT_H
#define JIANYI_IMPORT_H

#include <stddef.h>

#include "csvmap.h"
#include "date.h"
#include "domain.h"
#include "ledger.h"

/* The note on a reply that a ledger implies but does not record: the first
 * reply of a suggestion rated unsatisfied and answered again. */
#define UNRECORDED_REPLY "台账未记载首次答复"

struct newnames {
	char  **v;
	size_t  len;
};

/* The names a summary lists of each registry, unless --verbose. */
#define NAMES_SHOWN 10

struct imp {
	struct db                *db;
	const struct cmd_ctx     *ctx;
	const struct import_opts *o;
	const char               *path;    /* for messages */
	int                       map[CSV_MAXCOLS];
	char                     *head[CSV_MAXCOLS]; /* as the file names them */
	size_t                    nhead;
	unsigned char             used[CSV_MAXCOLS]; /* by field: imported */
	int                       have_header;
	long                      line;
	char                    **cells;   /* the row's fields, normalised */
	size_t                    ncells;
	long                      rows, added, updated, unchanged, bad;
	long                      blank;   /* rows of only separators */
	enum cmd_status           fail;    /* a database error: stop */
	int                       rehandle_months;
	struct newnames           created[3]; /* by reg_kind */
	struct newnames           known[3];   /* registered before, by kind */
	int                       loaded[3];  /* known[k] is read */
	char                     *skipped;    /* --skip-unknown-columns */
	char                      today[11];
};

/* A suggestions row, checked. */
struct lrow {
	const char *v[L_NCOLS];
	const char *source, *cls, *rating;
	struct date received, assigned, due, replied, rated;
	char        d_received[11], d_assigned[11], d_due[11],
	            d_replied[11], d_rated[11];
	char      **cos, **co; /* csv_list */
	size_t      ncos, nco;
	char      **contacts;  /* csv_list: "date department [method]" */
	size_t      ncontacts;
	struct contact_in {
		struct date date;
		char        day[11];
		char       *dept;    /* into contacts[i] */
		const char *method;  /* key, or NULL */
	}          *contact;
	/* Issue 14's columns. */
	char      **leads;     /* csv_list of 承办单位: several (分办) */
	size_t      nleads;
	const char *reply_dept; /* 答复单位, or the one lead */
	char      **signs;     /* csv_list: "date department" */
	size_t      nsigns;
	struct contact_in *sign; /* date and department; no method */
	struct date supervised, rejected;
	char        d_supervised[11], d_rejected[11];
	const char *reject_reason; /* key */
	char       *reject_note;   /* into reject_buf, or NULL */
	char       *reject_buf;
	int         recurring;
};

/* What the database holds of a suggestion, to compare with the file:
 * its view (sug_get), and the latest of its lists. */
struct held {
	const struct sug_view *v;        /* NULL for a new suggestion */
	const struct sug_rows *contacts;
	const struct sug_rows *depts;    /* the assignments in force */
	const struct sug_rows *replies;  /* by date */
	const struct sug_rows *ratings;  /* by date */
	const char *handler, *assigned_on, *lead;
	const char *reply_on, *cls, *text;
	const char *rated_on, *rating;
};

/* ledger-check.c: the checks of one row, each naming the column. */
const char * imp_colname(struct imp *im, int c);
const char * imp_cell(struct imp *im, int c);
int imp_check_text(struct imp *im, int c, const char *v, int flags, int max);
int imp_check_list(struct imp *im, int c, const char *v, char ***names,
    size_t *n);
int imp_check_date(struct imp *im, int c, const char *v, struct date *d,
    char *iso);
int imp_check_vocab(struct imp *im, int c, const struct vocab *v,
    const char *s, const char **key);
enum cmd_status imp_ensure(struct imp *im, enum reg_kind k, const char *name,
    int c);
int imp_check_phone(struct imp *im, int c, const char *v);
int imp_check_row(struct imp *im, struct lrow *r);
enum cmd_status imp_ensure_names(struct imp *im, struct lrow *r);

/* ledger-merge.c: a row against what the database holds. */
void imp_held_from(const struct sug_view *v, struct held *h);
int imp_same(const char *a, const char *b);
enum cmd_status imp_conflict(struct imp *im, int c, const char *file,
    const char *held);
enum cmd_status imp_registration(struct imp *im, struct lrow *r,
    const struct sug_view *v, int *changes);
enum cmd_status imp_stages(struct imp *im, struct lrow *r,
    const struct held *h, int *changes);
/* Before the stages, a merge (并案) or a refusal (不予立案) that the file
 * records and the database lacks; *merged tells that the suggestion now
 * follows another (its view must be read again). After them, the
 * signatures, key supervision and the recurring mark. v is NULL for a
 * new suggestion. */
enum cmd_status imp_intake(struct imp *im, struct lrow *r,
    const struct sug_view *v, int *changes, int *merged);
enum cmd_status imp_marks(struct imp *im, struct lrow *r,
    const struct sug_view *v, int *changes);

#endif
