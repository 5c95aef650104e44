/*
 * repout.c — the document of a rates report, its sections written once
 * through the interface of doc.h for text, Markdown and HTML, and the
 * paragraph of the annual work report. The JSON is repjson.c's, the CSV
 * repcsv.c's, the workbook repxlsx.c's.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ctx.h"
#include "msg.h"
#include "out.h"
#include "vocab.h"
#include "xmalloc.h"
#include "doc.h"
#include "report.h"
#include "text.h"

/* The names of the rates, in rate_key order. */
const char *const report_rate_names[NRATES] = {
	N_("reply rate"), N_("on-time reply rate"), N_("closure rate"),
	N_("resolution rate (A+B)"), N_("contact rate"), N_("satisfied rate"),
	N_("satisfied or basic rate"), N_("routed-on-time rate"),
	N_("signed rate"), N_("on-time signing rate"),
};

static const char *const source_names[5] = {
	N_("%ld from receptions"), N_("%ld from congress sessions"),
	N_("%ld from group activities"), N_("%ld online"), N_("%ld other"),
};

/* "80.0%" or "-" */
static char *
pct(struct rate r, char *buf)
{
	char tmp[16];

	if (r.den == 0)
		snprintf(buf, 32, "-");
	else
		snprintf(buf, 32, "%s%%", rate_str(r, tmp));
	return buf;
}

/* A rate in a sentence: "80.0%", or where nothing is counted yet, what
 * it is and why: "none yet (no suggestions routed yet)", 无（尚无已交办的
 * 建议）. */
static const char *
prose_pct(struct rate r, enum rate_key k, char *buf)
{
	if (r.den != 0)
		return pct(r, buf);
	switch (k) {
	case RATE_REPLY:
	case RATE_CLOSURE:
		return _("none yet (no suggestions routed yet)");
	case RATE_SATISFIED:
	case RATE_SAT_OR_BASIC:
		return _("none yet (none rated yet)");
	default:
		return _("none yet (no replies yet)");
	}
}

/* "81.8% (9/11)", in Chinese "81.8%（9/11）" */
static char *
pct_frac(struct rate r, char *buf)
{
	char p[32];

	snprintf(buf, 64, _("%s (%ld/%ld)"), pct(r, p), r.num, r.den);
	return buf;
}

/* 2023-03-31, in Chinese 2023年3月31日 */
static char *
zh_date(const char *iso, char *buf)
{
	struct date d;

	if (!i18n_chinese() || date_parse(iso, 0, &d) == -1)
		snprintf(buf, 32, "%s", iso);
	else
		date_zh(d, buf);
	return buf;
}

const char *
report_scope_name(const struct report *rp)
{
	return rp->kind == 'm' ? _("this month") : rp->kind == 'y' ?
	    _("this year") : _("this period");
}

/* The tally that the yearly tables use: the year to date in a monthly
 * report, else the cohort. */
const struct tally *
report_year_tally(const struct report *rp)
{
	return rp->has_ytd ? &rp->ytd : &rp->cohort;
}

/* The report's title, "乐平镇人大代表建议办理情况月报", and its period,
 * "（2023年3月）", into sub of 128 bytes; the title to free. */
static char *
title_parts(const struct report *rp, char *sub)
{
	char a[32], b[32];

	if (rp->kind == 'm')
		snprintf(sub, 128, _("(%.4s-%02d)"), rp->from,
		    atoi(rp->from + 5));
	else if (rp->kind == 'y')
		snprintf(sub, 128, _("(%.4s)"), rp->from);
	else
		snprintf(sub, 128, _("(%s to %s)"),
		    zh_date(rp->from, a), zh_date(rp->to, b));
	return text_printf(rp->kind == 'm' ?
	    _("%s: deputies' suggestions, monthly report") : rp->kind == 'y' ?
	    _("%s: deputies' suggestions, annual report") :
	    _("%s: deputies' suggestions, report"), rp->town);
}

char *
report_title(const struct report *rp)
{
	char sub[128], *t = title_parts(rp, sub), *s;

	/* TRANSLATORS: the report's title and its period, as in
	 * "乐平镇人大代表建议办理情况月报（2023年3月）". */
	s = text_printf(_("%s %s"), t, sub);
	free(t);
	return s;
}

static void
title(const struct report *rp, FILE *fp, const struct doc_ops *d)
{
	char *t, sub[128], a[32], b[32];

	t = title_parts(rp, sub);
	d->title(fp, t, sub, zh_date(rp->as_of, a), zh_date(rp->made_on, b));
	free(t);
}

/* " (8 from receptions, 2 online)", in Chinese "（进站接待8件、网上2件）",
 * or "" when there is none. */
static void
sources(const struct tally *t, char *buf, size_t n)
{
	char part[128], item[96];
	int i;

	buf[0] = '\0';
	for (i = 0; i < 5; i++) {
		if (t->by_source[i] == 0)
			continue;
		snprintf(item, sizeof item, _(source_names[i]),
		    t->by_source[i]);
		snprintf(part, sizeof part, "%s%s",
		    buf[0] ? _(", ") : _(" ("), item);
		strncat(buf, part, n - strlen(buf) - 1);
	}
	if (buf[0] != '\0')
		strncat(buf, _(")"), n - strlen(buf) - 1);
}

static void
summary(const struct report *rp, FILE *fp, const struct doc_ops *d)
{
	const struct tally *c = &rp->cohort, *y = report_year_tally(rp);
	char para[2048], src[512], r1[32], r2[32];
	size_t len;

	sources(c, src, sizeof src);
	/* Built from pieces, each with its own count's plural. */
	snprintf(para, sizeof para, rp->kind == 'm' ?
	    ngettext("This month %ld suggestion was received",
	    "This month %ld suggestions were received", c->received) :
	    rp->kind == 'y' ?
	    ngettext("This year %ld suggestion was received",
	    "This year %ld suggestions were received", c->received) :
	    ngettext("In the period %ld suggestion was received",
	    "In the period %ld suggestions were received", c->received),
	    c->received);
	strncat(para, src, sizeof para - strlen(para) - 1);
	len = strlen(para);
	snprintf(para + len, sizeof para - len,
	    ngettext("; %ld is assigned, %ld replied and %ld closed. ",
	    "; %ld are assigned, %ld replied and %ld closed. ", c->assigned),
	    c->assigned, c->replied, c->closed);
	len = strlen(para);
	if (rp->has_ytd)
		snprintf(para + len, sizeof para - len, ngettext("By the end "
		    "of the month, %ld was received this year, %ld assigned "
		    "and %ld replied; ", "By the end of the month, %ld were "
		    "received this year, %ld assigned and %ld replied; ",
		    y->received), y->received, y->assigned, y->replied);
	len = strlen(para);
	snprintf(para + len, sizeof para - len, ngettext("the reply rate is "
	    "%s, the satisfied or basic rate %s; %ld is overdue without a "
	    "reply.", "the reply rate is %s, the satisfied or basic rate %s; "
	    "%ld are overdue without a reply.", y->overdue),
	    prose_pct(tally_rate(y, RATE_REPLY), RATE_REPLY, r1),
	    prose_pct(tally_rate(y, RATE_SAT_OR_BASIC), RATE_SAT_OR_BASIC, r2),
	    y->overdue);
	d->paragraph(fp, para);
}

static const struct col ind_cols[] = {
	{ "indicator", N_("indicator"), COL_STR, NULL },
	{ "period", "", COL_INT, NULL },
	{ "year", N_("year to date"), COL_INT, NULL },
};

static void
indicators(const struct report *rp, FILE *fp, const struct doc_ops *d)
{
	struct col cols[3];
	struct table t;
	char a[64], b[64];
	const char *row[3];
	int i;

	memcpy(cols, ind_cols, sizeof cols);
	cols[1].label = report_scope_name(rp);
	table_init(&t, cols, rp->has_ytd ? 3 : 2);
	t.indent = 2;
	for (i = 0; i < NRATES; i++) {
		row[0] = _(report_rate_names[i]);
		row[1] = pct_frac(tally_rate(&rp->cohort, i), a);
		row[2] = rp->has_ytd ? pct_frac(tally_rate(&rp->ytd, i), b) :
		    NULL;
		table_add(&t, row);
	}
	d->table(fp, &t, NULL);
	table_free(&t);
}

const struct col report_dept_cols[] = {
	{ "department", N_("department"), COL_STR, NULL },
	{ "assigned", N_("routed"), COL_INT, NULL },
	{ "replied", N_("replied"), COL_INT, NULL },
	{ "on_time", N_("on time"), COL_INT, NULL },
	{ "overdue", N_("overdue"), COL_INT, NULL },
	{ "satisfied_or_basic", N_("satisfied or basic"), COL_INT, NULL },
};

static void
departments(const struct tally *y, FILE *fp, const struct doc_ops *d)
{
	struct table t;
	char n[5][24];
	const char *row[6];
	size_t k;
	int i;

	if (y->departments.len == 0) {
		d->paragraph(fp, _("none yet: no suggestions routed yet"));
		return;
	}
	table_init(&t, report_dept_cols, 6);
	t.indent = 2;
	for (k = 0; k < y->departments.len; k++) {
		const struct rep_named *dp = &y->departments.v[k];

		row[0] = dp->name;
		for (i = 0; i < 4; i++) {
			snprintf(n[i], sizeof n[i], "%ld", dp->n[i]);
			row[i + 1] = n[i];
		}
		snprintf(n[4], sizeof n[4], "%ld/%ld", dp->n[DEP_SAT_OR_BASIC],
		    dp->n[DEP_RATED]);
		row[5] = n[4];
		table_add(&t, row);
	}
	d->table(fp, &t, NULL);
	table_free(&t);
}

const struct col report_station_cols[] = {
	{ "station", N_("station"), COL_STR, NULL },
	{ "sessions", N_("sessions"), COL_INT, NULL },
	{ "visitors", N_("visitors"), COL_INT, NULL },
	{ "received", N_("suggestions"), COL_INT, NULL },
};

/* Stations with receptions, then those where suggestions were collected. */
static void
stations(const struct report *rp, FILE *fp, const struct doc_ops *d)
{
	struct rep_list l = { 0 };
	struct table t;
	char n[3][24];
	const char *row[4];
	long tot[3] = { 0, 0, 0 };
	size_t k;
	int i;

	for (k = 0; k < rp->reception_stations.len; k++) {
		const struct rep_named *s = &rp->reception_stations.v[k];

		rep_list_add(&l, s->name, 0, s->n[0]);
		rep_list_add(&l, s->name, 1, s->n[1]);
	}
	for (k = 0; k < rp->cohort.stations.len; k++) {
		const struct rep_named *s = &rp->cohort.stations.v[k];

		if (s->name[0] != '\0')
			rep_list_add(&l, s->name, 2, s->n[0]);
	}
	table_init(&t, report_station_cols, 4);
	t.indent = 2;
	for (k = 0; k <= l.len; k++) {
		row[0] = k < l.len ? l.v[k].name : _("total");
		for (i = 0; i < 3; i++) {
			long v = k < l.len ? l.v[k].n[i] : tot[i];

			tot[i] += k < l.len ? v : 0;
			snprintf(n[i], sizeof n[i], "%ld", v);
			row[i + 1] = n[i];
		}
		table_add(&t, row);
	}
	d->table(fp, &t, NULL);
	table_free(&t);
	rep_list_free(&l);
}

const struct col report_overdue_cols[] = {
	{ "number", N_("number"), COL_STR, NULL },
	{ "title", N_("title"), COL_STR, NULL },
	{ "department", N_("department"), COL_STR, NULL },
	{ "due", N_("deadline"), COL_STR, NULL },
	{ "days", N_("days overdue"), COL_INT, NULL },
};

static void
overdue(const struct tally *y, FILE *fp, const struct doc_ops *d)
{
	struct table t;
	char due[32], days[24];
	const char *row[5];
	size_t k;

	if (y->noverdue == 0) {
		d->paragraph(fp, _("none: no suggestion is overdue"));
		return;
	}
	table_init(&t, report_overdue_cols, 5);
	t.indent = 2;
	for (k = 0; k < y->noverdue; k++) {
		const struct rep_row *r = &y->overdue_list[k];

		row[0] = r->number;
		row[1] = r->title;
		row[2] = r->dept;
		row[3] = zh_date(r->due, due);
		snprintf(days, sizeof days, "%ld", r->days_overdue);
		row[4] = days;
		table_add(&t, row);
	}
	d->table(fp, &t, "overdue");
	table_free(&t);
}

const struct col report_supervised_cols[6] = {
	{ "number", N_("number"), COL_STR, NULL },
	{ "title", N_("title"), COL_STR, NULL },
	{ "department", N_("department"), COL_STR, NULL },
	{ "supervisor", N_("supervisor"), COL_STR, NULL },
	{ "status", N_("status"), COL_STR, vocab_status },
	{ "overdue", N_("overdue"), COL_BOOL, NULL },
};

void
report_supervised_row(const struct rep_row *r, const char *row[6])
{
	row[0] = r->number;
	row[1] = r->title;
	row[2] = r->dept;
	row[3] = r->supervisor;
	row[4] = vocab_status[r->status].key;
	row[5] = r->overdue ? "1" : "0";
}

/* Key supervision (重点督办): each one with its state. */
static void
supervised(const struct tally *y, FILE *fp, const struct doc_ops *d)
{
	struct table t;
	const char *row[6];
	size_t k;

	table_init(&t, report_supervised_cols, 6);
	t.indent = 2;
	for (k = 0; k < (size_t)y->supervised; k++) {
		report_supervised_row(&y->supervised_list[k], row);
		table_add(&t, row);
	}
	d->table(fp, &t, "overdue");
	table_free(&t);
}

const struct col report_routing_cols[7] = {
	{ "department", N_("department"), COL_STR, NULL },
	{ "routed", N_("routed"), COL_INT, NULL },
	{ "signed", N_("signed"), COL_INT, NULL },
	{ "signed_on_time", N_("in time"), COL_INT, NULL },
	{ "opinions", N_("opinions"), COL_INT, NULL },
	{ "opinions_late", N_("late opinions"), COL_INT, NULL },
	{ "returned_late", N_("late returns"), COL_INT, NULL },
};

int
report_has_routing(const struct tally *y)
{
	return y->not_accepted > 0 || y->is_signed > 0 ||
	    y->opinions_given > 0 || y->returns_late > 0 ||
	    y->merged > 0 || y->recurring > 0 ||
	    y->answers_owed > y->assigned;
}

/* Intake and routing by the law: screening, answers owed (件次), and by
 * department their signing (签收), co-handlers' opinions and returns. */
static void
routing(const struct tally *y, FILE *fp, const struct doc_ops *d)
{
	struct table t;
	char para[1024], n[6][24];
	const char *row[7];
	size_t k;
	int i;

	snprintf(para, sizeof para, _("Accepted %ld, not accepted %ld; "
	    "merged into another %ld, raised in earlier years too %ld. "
	    "Answers owed by lead departments %ld, given %ld. Co-handlers' "
	    "opinions owed %ld, given %ld, late %ld. Returned late %ld."),
	    y->received - y->not_accepted, y->not_accepted, y->merged,
	    y->recurring, y->answers_owed, y->answers_given, y->opinions_owed,
	    y->opinions_given, y->opinions_late, y->returns_late);
	d->paragraph(fp, para);
	if (y->routing.len == 0)
		return;
	table_init(&t, report_routing_cols, 7);
	t.indent = 2;
	for (k = 0; k < y->routing.len; k++) {
		row[0] = y->routing.v[k].name;
		for (i = 0; i < 6; i++) {
			snprintf(n[i], sizeof n[i], "%ld",
			    y->routing.v[k].n[i]);
			row[i + 1] = n[i];
		}
		table_add(&t, row);
	}
	d->table(fp, &t, NULL);
	table_free(&t);
}

static void
classes(const struct tally *y, FILE *fp, const struct doc_ops *d)
{
	char para[1024];

	snprintf(para, sizeof para, _("Reply classes: A (solved or basically "
	    "solved) %ld, B (being solved or planned) %ld, C (cannot be solved "
	    "for now) %ld, D (kept for reference) %ld."), y->classes[0],
	    y->classes[1], y->classes[2], y->classes[3]);
	d->paragraph(fp, para);
	if (y->rehandled > 0)
		snprintf(para, sizeof para, _("Ratings: satisfied %ld, basically "
		    "satisfied %ld, unsatisfied %ld (%ld handled again after an "
		    "unsatisfied rating)."), y->ratings[0], y->ratings[1],
		    y->ratings[2], y->rehandled);
	else
		snprintf(para, sizeof para, _("Ratings: satisfied %ld, basically "
		    "satisfied %ld, unsatisfied %ld."), y->ratings[0],
		    y->ratings[1], y->ratings[2]);
	d->paragraph(fp, para);
}

/* The charts, where the format draws them: the months of the year, and
 * for a year the departments. */
static void
charts(const struct report *rp, FILE *fp, const struct doc_ops *d)
{
	const struct tally *y = report_year_tally(rp);
	struct rate reply[12], sat[12], *dr, *ds;
	const char *labels[12], **dl, *series[2];
	int begun[12];
	char names[12][16];
	size_t k, n = y->departments.len;
	int m;

	if (d->chart == NULL)
		return;
	series[0] = _(report_rate_names[RATE_REPLY]);
	series[1] = _(report_rate_names[RATE_SAT_OR_BASIC]);
	if (rp->months != NULL) {
		for (m = 0; m < 12; m++) {
			snprintf(names[m], sizeof names[m], _("month %d"),
			    m + 1);
			labels[m] = names[m];
			reply[m] = tally_rate(&rp->months[m].cohort,
			    RATE_REPLY);
			sat[m] = tally_rate(&rp->months[m].cohort,
			    RATE_SAT_OR_BASIC);
			begun[m] = strcmp(rp->months[m].from, rp->as_of) <= 0;
		}
		d->chart(fp, &(struct doc_chart){ _("Suggestions received "
		    "each month: their rates as of the report's date"), {
		    series[0], series[1] }, labels, reply, sat, begun, 12 });
	}
	if (rp->kind != 'y' || n == 0)
		return;
	dr = xreallocarray(NULL, n, sizeof *dr);
	ds = xreallocarray(NULL, n, sizeof *ds);
	dl = xreallocarray(NULL, n, sizeof *dl);
	for (k = 0; k < n; k++) {
		const struct rep_named *dp = &y->departments.v[k];

		dl[k] = dp->name;
		dr[k] = (struct rate){ dp->n[DEP_REPLIED],
		    dp->n[DEP_ASSIGNED] };
		ds[k] = (struct rate){ dp->n[DEP_SAT_OR_BASIC],
		    dp->n[DEP_RATED] };
	}
	d->chart(fp, &(struct doc_chart){ _("By department"), { series[0],
	    series[1] }, dl, dr, ds, NULL, (int)n });
	free(dr);
	free(ds);
	free(dl);
}

const char *
report_heading(const struct report *rp, int part)
{
	int ytd = rp->has_ytd;

	switch (part) {
	case 1:
		return _("1. Overview");
	case 2:
		return _("2. Indicators");
	case 3:
		return ytd ? _("3. By department (year to date)") :
		    _("3. By department");
	case 4:
		return rp->kind == 'm' ?
		    _("4. Receptions and suggestions by station (this month)") :
		    rp->kind == 'y' ?
		    _("4. Receptions and suggestions by station (this year)") :
		    _("4. Receptions and suggestions by station (this period)");
	case 5:
		return _("5. Overdue without a reply");
	case 7:
		return ytd ? _("7. Key supervision (year to date)") :
		    _("7. Key supervision");
	case 8:
		return ytd ? _("8. Intake and routing (year to date)") :
		    _("8. Intake and routing");
	default:
		return ytd ? _("6. Reply classes and ratings (year to "
		    "date)") : _("6. Reply classes and ratings");
	}
}

void
report_text(const struct report *rp, FILE *fp, enum fmt f)
{
	const struct doc_ops *d = f == FMT_HTML ? &doc_html : f == FMT_MD ?
	    &doc_md : &doc_text;

	title(rp, fp, d);
	d->heading(fp, report_heading(rp, 1));
	summary(rp, fp, d);
	d->heading(fp, report_heading(rp, 2));
	indicators(rp, fp, d);
	charts(rp, fp, d);
	d->heading(fp, report_heading(rp, 3));
	departments(report_year_tally(rp), fp, d);
	d->heading(fp, report_heading(rp, 4));
	stations(rp, fp, d);
	d->heading(fp, report_heading(rp, 5));
	overdue(report_year_tally(rp), fp, d);
	d->heading(fp, report_heading(rp, 6));
	classes(report_year_tally(rp), fp, d);
	/* A town that supervises none has no section for it. */
	if (report_year_tally(rp)->supervised > 0) {
		d->heading(fp, report_heading(rp, 7));
		supervised(report_year_tally(rp), fp, d);
	}
	/* Nor for the steps of issue 14 until the town records them. */
	if (report_has_routing(report_year_tally(rp))) {
		d->heading(fp, report_heading(rp, 8));
		routing(report_year_tally(rp), fp, d);
	}
	d->note(fp, _("How the rates are counted: reply rate = replied / "
	    "assigned; on-time reply rate = first reply within the deadline / "
	    "replied; closure rate = closed / assigned; resolution rate = "
	    "latest reply of class A or B / replied; contact rate = contacted "
	    "the lead deputy before the first reply / replied; the satisfied "
	    "rate and the satisfied or basic rate take the lead deputy's "
	    "latest rating, over those rated; routed-on-time rate = first "
	    "routed within route_workdays working days of receipt / routed; "
	    "signed rate = departments that signed / departments routed; "
	    "on-time signing rate = signed within sign_workdays working days "
	    "/ signed. Withdrawn and not accepted suggestions are not "
	    "counted."));
	d->end(fp);
}

/*
 * The paragraph of the presidium's work report, every figure from the
 * database: 全年累计开展人大代表小组活动26场次，开展人大代表进站接待选民群众
 * 172场次，累计接待选民群众223人次，收集建议意见21件，均已转交……
 */
void
report_narrative(const struct report *rp, FILE *fp)
{
	const struct tally *c = &rp->cohort;
	struct rate reply = tally_rate(c, RATE_REPLY);
	struct rate sat = tally_rate(c, RATE_SAT_OR_BASIC);
	char para[2048], part[512], a[32], b[32];
	/* Built from pieces, each with its own count's plural. */
	snprintf(para, sizeof para, rp->kind == 'y' ? ngettext("Over the "
	    "year the deputies held %ld group activity", "Over the year the "
	    "deputies held %ld group activities", rp->activities[0]) :
	    rp->kind == 'm' ? ngettext("This month the deputies held %ld "
	    "group activity", "This month the deputies held %ld group "
	    "activities", rp->activities[0]) : ngettext("In the period the "
	    "deputies held %ld group activity", "In the period the deputies "
	    "held %ld group activities", rp->activities[0]),
	    rp->activities[0]);
	snprintf(part, sizeof part, ngettext(" and %ld reception session at "
	    "the liaison stations", " and %ld reception sessions at the "
	    "liaison stations", rp->sessions), rp->sessions);
	strncat(para, part, sizeof para - strlen(para) - 1);
	snprintf(part, sizeof part, ngettext(", receiving %ld visitor",
	    ", receiving %ld visitors", rp->visitors), rp->visitors);
	strncat(para, part, sizeof para - strlen(para) - 1);
	snprintf(part, sizeof part, ngettext(" and collecting %ld suggestion",
	    " and collecting %ld suggestions", c->by_source[0]),
	    c->by_source[0]);
	strncat(para, part, sizeof para - strlen(para) - 1);
	if (c->by_source[1] > 0) {
		snprintf(part, sizeof part, _("; at the congress sessions "
		    "deputies raised %ld more"), c->by_source[1]);
		strncat(para, part, sizeof para - strlen(para) - 1);
	}
	if (c->received > 0 && c->assigned == c->received)
		snprintf(part, sizeof part, "%s", _("; all were passed to the "
		    "town government's departments to handle"));
	else
		snprintf(part, sizeof part, ngettext("; %ld was passed to "
		    "the town government's departments to handle", "; %ld were "
		    "passed to the town government's departments to handle",
		    c->assigned), c->assigned);
	strncat(para, part, sizeof para - strlen(para) - 1);
	if (reply.den > 0 && reply.num == reply.den && sat.den > 0 &&
	    sat.num == sat.den)
		snprintf(part, sizeof part, "%s", _(", and both the reply rate "
		    "and the satisfied or basic rate reached 100%."));
	else
		snprintf(part, sizeof part, _(", with a reply rate of %s and a "
		    "satisfied or basic rate of %s."),
		    prose_pct(reply, RATE_REPLY, a),
		    prose_pct(sat, RATE_SAT_OR_BASIC, b));
	strncat(para, part, sizeof para - strlen(para) - 1);
	fprintf(fp, "%s\n", para);
}
