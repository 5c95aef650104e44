/*
 * sugfield.h — the fields of a suggestion's own row, in one table
 * (sugfield.c): show's JSON keys and labels, the ledger's columns, and
 * which ones an import may change. struct sug_view (domain.h) holds them
 * by this enum; sug_edit changes one by it.
 */
#ifndef JIANYI_SUGFIELD_H
#define JIANYI_SUGFIELD_H

/* In show's order. */
enum sug_field {
	SF_NUMBER, SF_STATUS, SF_OVERDUE, SF_TITLE, SF_CONTENT, SF_STATION,
	SF_SOURCE, SF_CATEGORY, SF_RECEIVED, SF_SUBMITTER, SF_PHONE,
	SF_LEAD_DEPUTY, SF_ASSIGNED, SF_DUE, SF_HANDLER, SF_NOTE,
	SF_SUPERVISOR, SF_SUPERVISED_ON, SF_MERGED_INTO, SF_RECURRING,
	SF_NFIELDS
};

/* Flags. */
#define SF_EDITABLE 0x1 /* an import --update may change it (sug_edit) */
#define SF_PERSONAL 0x2 /* its history says that it changed, not to what */
#define SF_STATION_NAME 0x4 /* a registered station's name */
#define SF_DEPUTY_NAME  0x8 /* a registered deputy's name */

struct sug_field_def {
	const char *key;    /* show's JSON key; the ledger's English header
	                     * of its column too, but for due (due_on) */
	const char *label;  /* for N_(): show's label */
	int         column; /* the ledger's column (L_*, csvmap.h), or -1 */
	int         flags;
};

extern const struct sug_field_def sug_fields[SF_NFIELDS];

/* The field of a ledger's column, or -1. */
int sug_field_of_column(int column);

#endif
