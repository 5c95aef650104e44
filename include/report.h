/*
 * report.h — the rates report: the cohort of a period seen as of a date
 * (report.c reads it), its tally and rates (tally.h), and the writers
 * for text, Markdown and HTML (repout.c through doc.h), CSV (repcsv.c),
 * JSON (repjson.c) and Excel (repxlsx.c).
 */
#ifndef JIANYI_REPORT_H
#define JIANYI_REPORT_H

#include <stdio.h>

#include "out.h"
#include "tally.h"

struct db;

struct report {
	char         *town;     /* "" for none; report_free frees it */
	char          from[11], to[11], as_of[11], made_on[11];
	int           kind;     /* 'm' month, 'y' year, 'p' period */
	struct tally  cohort;
	int           has_ytd;
	struct tally  ytd;      /* the year to date, for a month */
	long          sessions, visitors;
	struct rep_list reception_stations; /* n[0] sessions, n[1] visitors */
	long          activities[5];        /* by vocab_kind */
	struct rep_list all_stations;       /* every station, by id; n[0]
					     * is 1 when it is retired */
	/* For the HTML chart: each month of the report's year, as of the
	 * same date (12, or NULL). */
	const struct report *months;
};

/* Reads everything a report needs; from, to and as_of are ISO dates. */
enum cmd_status report_load(struct db *, struct report *, const char *from,
    const char *to, const char *as_of, int with_ytd);
void report_free(struct report *);
/* Every station, in the registry's order, with n[0] its sessions, n[1]
 * its visitors and n[2] the suggestions of the cohort collected there;
 * a retired station only when it has any. To free with rep_list_free. */
void report_stations(const struct report *, struct rep_list *);

/* The document: f is FMT_TEXT, FMT_MD or FMT_HTML (a page fit to print,
 * with the months' rates as a chart when rp->months is set). */
void report_text(const struct report *, FILE *, enum fmt f);
void report_json(const struct report *, FILE *);
void report_csv(const struct report *, FILE *);
void report_narrative(const struct report *, FILE *);
/* "乐平镇人大代表建议办理情况月报（2023年3月）", to free. */
char *report_title(const struct report *);
/* The headings of the report's parts, as the text report has them. */
const char *report_heading(const struct report *, int part);
/* For the writers: "this month", "this year" or "this period"; the tally
 * of the yearly tables (the year to date of a monthly report, else the
 * cohort); the columns of the department, station and overdue tables. */
const char *report_scope_name(const struct report *);
const struct tally *report_year_tally(const struct report *);
extern const struct col report_dept_cols[6], report_station_cols[4],
    report_overdue_cols[5], report_supervised_cols[6];
/* A supervised row's cells, in report_supervised_cols' order: the
 * status as its key, overdue as "1" or "0". */
void report_supervised_row(const struct rep_row *r, const char *row[6]);
/* The names of the rates (to pass through gettext), in rate_key order. */
extern const char *const report_rate_names[NRATES];
/* The routing table's columns (by_routing), and whether the report has
 * anything of intake and routing to show (section 8). */
extern const struct col report_routing_cols[7];
int report_has_routing(const struct tally *);
/* An Excel workbook written to the file name (a temporary file, see
 * ofile.h); messages name path. 0, or -1 after one line. */
int report_xlsx(const struct report *, const char *name, const char *path);


#endif
