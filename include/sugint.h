/*
 * sugint.h — what sug.c shares with sug-edit.c, the import's edits: the
 * lifecycle's view of one suggestion. Not for other modules.
 */
#ifndef JIANYI_SUGINT_H
#define JIANYI_SUGINT_H

#include "status.h"

struct db;

/* What the lifecycle rules need to know of one suggestion. */
struct sug {
	long long   id;
	const char *number;        /* see keep() */
	int         status;        /* enum status */
	char      received_on[11];
	char      assigned_on[11]; /* "" when not assigned */
	char      due_on[11];      /* "" when none */
	char      last_reply[11];  /* "" when none */
	char      last_rating[11]; /* "" when none */
	char      last_change[11]; /* date of the latest change of state */
	long long   lead;          /* the lead department's id, or 0 */
	const char *lead_name;     /* "" when none; see keep() */
};

/* Reads the suggestion numbered number into g (its strings valid until
 * the next call), or refuses: no such suggestion. */
enum cmd_status sug_load(struct db *, const char *number, struct sug *g);
/* Forgets the suggestion remembered from the latest change: called
 * before every change. */
void sug_forget(struct db *);

#endif
