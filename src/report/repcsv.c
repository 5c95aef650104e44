/*
 * repcsv.c — a rates report's tables as CSV for Excel and WPS, one after
 * another: the rates, the departments, their routing (where there is
 * any), every station, the overdue list.
 */
#include <stdio.h>

#include "msg.h"
#include "out.h"
#include "report.h"

/*
 * The tables, one after another, each with its own header row, for Excel
 * and WPS as export writes them: UTF-8 with a BOM, the interface's
 * language. The stations are every station, those with nothing too.
 */
/* A breakdown's rows, each name and its first n counters, and the blank
 * line that ends a table. */
static void
named_rows(FILE *fp, const struct rep_list *l, int n)
{
	char num[6][24];
	const char *row[7];
	size_t k;
	int i;

	for (k = 0; k < l->len; k++) {
		row[0] = l->v[k].name;
		for (i = 0; i < n; i++) {
			snprintf(num[i], sizeof num[i], "%ld", l->v[k].n[i]);
			row[i + 1] = num[i];
		}
		csv_record(fp, row, n + 1);
	}
	fputs("\r\n", fp);
}

void
report_csv(const struct report *rp, FILE *fp)
{
	const struct tally *y = report_year_tally(rp);
	struct rep_list l;
	char num[6][24], p[16];
	const char *row[8];
	size_t k;
	int i, scope;

	fputs("\xef\xbb\xbf", fp);
	row[0] = _("scope");
	row[1] = _("indicator");
	row[2] = _("numerator");
	row[3] = _("denominator");
	row[4] = _("percentage");
	csv_record(fp, row, 5);
	for (scope = 0; scope < (rp->has_ytd ? 2 : 1); scope++)
		for (i = 0; i < NRATES; i++) {
			struct rate r = tally_rate(scope ? &rp->ytd :
			    &rp->cohort, i);

			row[0] = scope ? _("year to date") :
			    report_scope_name(rp);
			row[1] = _(report_rate_names[i]);
			snprintf(num[0], sizeof num[0], "%ld", r.num);
			snprintf(num[1], sizeof num[1], "%ld", r.den);
			row[2] = num[0];
			row[3] = num[1];
			row[4] = r.den ? rate_str(r, p) : "";
			csv_record(fp, row, 5);
		}
	fputs("\r\n", fp);
	for (i = 0; i < 6; i++)
		row[i] = _(report_dept_cols[i].label);
	row[5] = _("rated");
	row[6] = _(report_dept_cols[5].label);
	csv_record(fp, row, 7);
	named_rows(fp, &y->departments, 6);
	/* Intake and routing, where the town records it (section 8). */
	if (report_has_routing(y)) {
		for (i = 0; i < 7; i++)
			row[i] = _(report_routing_cols[i].label);
		csv_record(fp, row, 7);
		named_rows(fp, &y->routing, 6);
	}
	for (i = 0; i < 4; i++)
		row[i] = _(report_station_cols[i].label);
	csv_record(fp, row, 4);
	report_stations(rp, &l);
	for (k = 0; k < l.len; k++) {
		row[0] = l.v[k].name;
		for (i = 0; i < 3; i++) {
			snprintf(num[i], sizeof num[i], "%ld", l.v[k].n[i]);
			row[i + 1] = num[i];
		}
		csv_record(fp, row, 4);
	}
	rep_list_free(&l);
	fputs("\r\n", fp);
	for (i = 0; i < 5; i++)
		row[i] = _(report_overdue_cols[i].label);
	csv_record(fp, row, 5);
	for (k = 0; k < y->noverdue; k++) {
		row[0] = y->overdue_list[k].number;
		row[1] = y->overdue_list[k].title;
		row[2] = y->overdue_list[k].dept;
		row[3] = y->overdue_list[k].due;
		snprintf(num[0], sizeof num[0], "%ld",
		    y->overdue_list[k].days_overdue);
		row[4] = num[0];
		csv_record(fp, row, 5);
	}
	if (y->supervised == 0)
		return;
	fputs("\r\n", fp);
	for (i = 0; i < 6; i++)
		row[i] = _(report_supervised_cols[i].label);
	csv_record(fp, row, 6);
	for (k = 0; k < (size_t)y->supervised; k++) {
		report_supervised_row(&y->supervised_list[k], row);
		/* Words, not keys, in the interface's language. */
		row[4] = vocab_label(vocab_status, row[4]);
		row[5] = _(row[5][0] == '1' ? "yes" : "no");
		csv_record(fp, row, 6);
	}
}
