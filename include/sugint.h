/*
 * sugint.h — what sug.c shares with sug-edit.c, the import's edits: the
 * lifecycle's view of one suggestion. Not for other modules.
 */
#ifndef JIANYI_SUGINT_H
#define JIANYI_SUGINT_H

#include "date.h"
#include "status.h"
#include "vocab.h"

struct cmd_ctx;

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
	long long   lead;          /* the (first) lead's id, or 0 */
	const char *lead_name;     /* "" when none; see keep() */
	long long   merged_into;   /* 并案: the id it follows, or 0 */
	const char *merged_number; /* ... its number, "" for none */
};

/* Reads the suggestion numbered number into g (its strings valid until
 * the next call), or refuses: no such suggestion. */
enum cmd_status sug_load(struct db *, const char *number, struct sug *g);
/* Forgets the suggestion remembered from the latest change: called
 * before every change. */
void sug_forget(struct db *);
/* Tells sug_follow that a suggestion now follows another. */
void sug_merged_one(struct db *);
/* sug_load, and a refusal unless the action is allowed in its state. */
enum cmd_status sug_load_for(struct db *, const char *number, enum action,
    struct sug *g);
/* Refuses a step dated before an earlier one (what and earlier_what are
 * message ids), or before the latest change of state (sug_in_order). */
enum cmd_status sug_not_before(const char *what, const char *day,
    const char *earlier, const char *earlier_what);
enum cmd_status sug_in_order(const char *what, const char *day,
    const struct sug *g);
enum cmd_status sug_set_status(struct db *, long long id, enum status);
/* Remembers g as it stands after a change whose event was just written,
 * if st is CMD_OK; returns st. */
enum cmd_status sug_remember(struct db *, const struct sug *g,
    enum cmd_status st);
/* The department name, which must be handling g now: its id, and its
 * role ("lead" or "co") into role (8 bytes). */
enum cmd_status sug_handling_dept(struct db *, const struct sug *g,
    const char *name, long long *dept, char *role);

/* The live assignment of dept to g: its id, the day it began and the day
 * it was signed for ("" for none): buffers of 11 bytes. */
/* The suggestions merged into g follow its handling (并案): after g's
 * action (assigned, returned, extended, replied; dept and cls for a
 * reply), each still open takes g's state, deadline and reply, with an
 * event that names g. */
enum cmd_status sug_follow(struct db *, const struct cmd_ctx *,
    const struct sug *g, struct date, const char *action, const char *dept,
    const char *cls);
/* 1 if suggestions are merged into g (then refused: what), 0 if none, -1
 * on error. */
int sug_has_followers(struct db *, const struct sug *g, const char *what);
enum cmd_status sug_assignment_of(struct db *, const struct sug *g,
    long long dept, long long *aid, char *since, char *signed_on);

#endif
