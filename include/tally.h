/*
 * tally.h — the counts and rates of a report's cohort (tally.c, pure): the
 * rows as they stood on the as-of date go in, the counters, breakdowns by
 * station, category and department, and the rates come out.
 */
#ifndef JIANYI_TALLY_H
#define JIANYI_TALLY_H

#include <stddef.h>

#include "rate.h"
#include "vocab.h"
#include "workday.h"

/* One department's part in a suggestion (an assignment), as it stood on
 * the as-of date: asof_part decides it. */
struct rep_part {
	const char *dept;
	int   lead;           /* a lead (owes an answer, 件次) or co */
	int   live;           /* not returned by the as-of date */
	int   signed_on_time; /* signed (签收) within sign_workdays */
	int   is_signed;
	int   answered;       /* a lead's reply since it was routed */
	int   answered_on_time; /* ... by the deadline in force that day */
	int   answered_now;   /* ... and since the latest rating */
	int   opinion_given;  /* co: its opinion sent to the lead */
	int   opinion_late;   /* co: its opinion not by co_due_months */
	int   returned_late;  /* returned after return_workdays */
};

/* One suggestion of the cohort, as it stood on the as-of date. */
struct rep_row {
	char *number, *title, *station, *category, *dept, *due;
	int   source;    /* index in vocab_source */
	int   assigned, replied, on_time, closed, contacted, rated;
	int   cls;       /* latest reply class 0..3 (A..D), or -1 */
	int   rating;    /* latest rating index in vocab_rating, or -1 */
	int   overdue;
	long  days_overdue;
	int   rehandled; /* rated unsatisfied at least once */
	int   status;    /* enum status, on the as-of date */
	char *supervisor; /* key supervision (重点督办) by, or NULL */
	int   routed, routed_on_time; /* first routed, within route_workdays */
	int   merged, recurring;      /* 并案 into another; 多年重复 */
	const struct rep_part *parts; /* every assignment, not copied */
	size_t nparts;
};

/* A name with counters, for the breakdowns. */
struct rep_named {
	char *name;
	long  n[6];
};
struct rep_list {
	struct rep_named *v;
	size_t            len, cap;
	size_t           *index; /* hash of the names: k + 1, or 0 free */
	size_t            nindex;
};

/* by_department counters, in rep_named.n: a lead department's answers. */
enum { DEP_ASSIGNED, DEP_REPLIED, DEP_ON_TIME, DEP_OVERDUE, DEP_RATED,
	DEP_SAT_OR_BASIC };
/* by_routing counters: every department routed, lead or co. */
enum { ROUTE_OWED, ROUTE_SIGNED, ROUTE_SIGNED_ON_TIME, ROUTE_OPINIONS,
	ROUTE_OPINIONS_LATE, ROUTE_RETURNED_LATE };

enum rate_key { RATE_REPLY, RATE_ON_TIME, RATE_CLOSURE, RATE_RESOLUTION,
	RATE_CONTACT, RATE_SATISFIED, RATE_SAT_OR_BASIC, RATE_ROUTED_ON_TIME,
	RATE_SIGNED, RATE_SIGNED_ON_TIME, NRATES };
extern const char *const rate_keys[NRATES];

struct tally {
	long received, assigned, replied, on_time, closed, resolved,
	    contacted, rated, overdue, rehandled;
	long by_source[5];
	long classes[4];
	long ratings[3];
	struct rep_list stations;    /* n[0]: received */
	struct rep_list categories;  /* n[0]: received */
	struct rep_list departments; /* n[DEP_*] */
	struct rep_list routing;     /* n[ROUTE_*] */
	long not_accepted;           /* 不予立案; accepted: the others */
	long routed, routed_on_time; /* 交办及时率 */
	long sign_owed, is_signed, signed_on_time; /* 签收 */
	long answers_owed, answers_given; /* 件次 */
	long opinions_owed, opinions_given, opinions_late, returns_late;
	long merged, recurring;
	struct rep_row *overdue_list; /* copies, most overdue first */
	size_t          noverdue;
	long            supervised;       /* under key supervision */
	struct rep_row *supervised_list;  /* copies, in the cohort's order */
};

/*
 * A suggestion as its history gives it on the as-of date: its state (an
 * enum status), the deadline in force, the first reply and the deadline
 * in force on that day, and the latest reply's class and rating (-1 for
 * none). ISO dates, NULL for none.
 */
struct asof_in {
	int         status;
	const char *due, *first_reply, *due_at_reply;
	int         cls, rating;
};

/*
 * The one rule for "overdue": a deadline runs (assigned or rehandling,
 * status_running) and falls before the as-of date (ISO dates, compared as
 * text). 1 with the days past it in *days (0 when a date does not parse),
 * else 0; days may be NULL.
 */
int asof_overdue(int status, const char *due, const char *as_of, long *days);
/* 1 if a suggestion in that state, due on due, is still to be answered
 * and due within the next `within` days of as_of (as_of itself too); *days
 * gets the days left, 0 on the day. For remind. */
/* asof_overdue for a status given by its key, as SQL holds it (the SQL
 * function jianyi_overdue): the key is looked up only for a deadline
 * that runs. */
int asof_overdue_key(const char *status, const char *due, const char *as_of);
int asof_due_within(int status, const char *due, const char *as_of,
    long within, long *days);

/*
 * The state of a suggestion on the as-of date, into r: assigned, replied,
 * replied on time (on or before the deadline in force that day), closed,
 * rated, overdue and days overdue, class and rating. Pure; the report
 * (report.c) reads the history, this decides.
 */
void asof_state(const struct asof_in *, const char *as_of, struct rep_row *r);

/* The limits that the parts are held to (the settings), and the last
 * sum of working days worked out: a cohort's rows share their days. */
struct part_limits {
	const struct calendar *cal;
	int sign_workdays, return_workdays, co_due_months, route_workdays;
	char memo_from[11], memo_by[11];
	int  memo_n;
};
/* An assignment as its rows give it by the as-of date: ISO dates, NULL
 * for none. first_reply is the department's first reply since it was
 * routed, due_at_reply the deadline in force that day, last_reply its
 * latest; since_rating the suggestion's latest rating. */
struct part_in {
	int         lead;
	const char *assigned_on, *ended_on, *signed_on;
	const char *first_reply, *due_at_reply, *last_reply, *since_rating;
	const char *first_opinion;
};
/* Decides a part on the as-of date. Pure. */
void asof_part(const struct part_in *, struct part_limits *,
    const char *as_of, struct rep_part *);
/* 1 if a suggestion received on received was first routed on routed
 * (NULL: not yet) within route_workdays working days (上海市代表建议规定
 * Art. 11). */
int asof_routed_on_time(const char *received, const char *routed,
    struct part_limits *);

void tally_init(struct tally *);
/* Counts one row; the row's strings are copied where kept. */
void tally_add(struct tally *, const struct rep_row *);
/* Sorts the overdue list, most overdue first. */
void tally_finish(struct tally *);
void tally_free(struct tally *);
struct rate tally_rate(const struct tally *, enum rate_key);
/* The entry of name in l, created at the end with zero counters if new. */
struct rep_named *rep_list_at(struct rep_list *, const char *name);
/* Adds n to the counter i of name in l (created at the end if new). */
void rep_list_add(struct rep_list *, const char *name, int i, long n);
/* To be called after the entries of l were put in another order. */
void rep_list_reordered(struct rep_list *);
void rep_list_free(struct rep_list *);

#endif
