/*
 * repout.c — writes a rates report: the Chinese document a secretary prints
 * (text, or Markdown), the SPEC's JSON, the tables as CSV, and the
 * paragraph of the annual work report.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "check.h"
#include "ctx.h"
#include "msg.h"
#include "out.h"
#include "vocab.h"
#include "xmalloc.h"
#include "report.h"
#include "text.h"

#define PAGE_WIDTH 78

/* The names of the rates, in rate_key order. */
const char *const report_rate_names[NRATES] = {
	N_("reply rate"), N_("on-time reply rate"), N_("closure rate"),
	N_("resolution rate (A+B)"), N_("contact rate"), N_("satisfied rate"),
	N_("satisfied or basic rate"),
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

static void
centered(FILE *fp, const char *s)
{
	int w = text_width(s);

	fprintf(fp, "%*s%s\n", w < PAGE_WIDTH ? (PAGE_WIDTH - w) / 2 : 0, "",
	    s);
}

/* 1 for punctuation that must not begin a line. */
static int
closing(const char *p)
{
	static const char *const marks[] = { "，", "。", "、", "；", "：",
	    "）", "%", "％", NULL };
	int i;

	for (i = 0; marks[i] != NULL; i++)
		if (strncmp(p, marks[i], strlen(marks[i])) == 0)
			return 1;
	return 0;
}

static int
char_len(const char *p)
{
	unsigned char c = (unsigned char)*p;

	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/* The display width of the first n bytes of s. */
static int
text_width_n(const char *s, size_t n)
{
	char buf[PAGE_WIDTH * 4 + 8];

	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return text_width(buf);
}

/* Writes a paragraph wrapped to the page by display width, each line
 * indented. Chinese text may break between any two characters. */
static void
wrap(FILE *fp, const char *s, int indent)
{
	const char *p = s, *line = s;
	int w = 0, n;
	char ch[8];

	while (*p != '\0') {
		n = char_len(p);
		memcpy(ch, p, n);
		ch[n] = '\0';
		if (w + text_width(ch) > PAGE_WIDTH - indent && !closing(p)) {
			const char *cut = p, *end;

			/* Latin text breaks between words. */
			if (*p != ' ')
				while (cut > line && cut[-1] != ' ')
					cut--;
			if (cut == line)
				cut = p;
			end = cut;
			while (end > line && end[-1] == ' ')
				end--;
			fprintf(fp, "%*s%.*s\n", indent, "", (int)(end - line),
			    line);
			for (line = cut; *line == ' '; line++)
				;
			if (line > p) {
				p = line;
				w = 0;
				continue;
			}
			w = text_width_n(line, p - line);
		}
		w += text_width(ch);
		p += n;
	}
	if (p > line)
		fprintf(fp, "%*s%s\n", indent, "", line);
}

static const char *
scope_name(const struct report *rp)
{
	return rp->kind == 'm' ? _("this month") : rp->kind == 'y' ?
	    _("this year") : _("this period");
}

/* The tally that the yearly tables use: the year to date in a monthly
 * report, else the cohort. */
static const struct tally *
year_tally(const struct report *rp)
{
	return rp->has_ytd ? &rp->ytd : &rp->cohort;
}

/* Writes s with the characters HTML gives meaning to escaped (out.c). */
static void
html_text(FILE *fp, const char *s)
{
	out_html(fp, s);
}

/* The page's head: one self-contained file, fit to print on A4. */
static void
html_head(FILE *fp, const char *title, const char *sub)
{
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>", i18n_chinese() ? "zh-CN" :
	    "en");
	html_text(fp, title);
	html_text(fp, sub);
	fputs("</title>\n<style>\n"
	    "@page { size: A4; margin: 18mm 16mm; }\n"
	    "body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\","
	    " \"WenQuanYi Micro Hei\", \"Microsoft YaHei\", sans-serif;"
	    " color: #222; max-width: 60em; margin: 2em auto; line-height: 1.6;"
	    " }\n"
	    "h1 { text-align: center; font-size: 1.5em; margin-bottom: 0; }\n"
	    ".sub { text-align: center; margin-top: 0.2em; }\n"
	    ".meta { text-align: right; color: #555; font-size: 0.9em; }\n"
	    "h2 { font-size: 1.15em; border-bottom: 1px solid #bbb;"
	    " margin-top: 1.6em; break-after: avoid; }\n"
	    "table { border-collapse: collapse; margin: 0.5em 0;"
	    " break-inside: avoid; }\n"
	    "th, td { border: 1px solid #999; padding: 0.2em 0.6em; }\n"
	    "th { background: #ddebf7; }\n"
	    "td.n { text-align: right; font-variant-numeric: tabular-nums;"
	    " white-space: nowrap; }\n"
	    /* The overdue list: numbers, names and dates stay on one line;
	     * only the title wraps. */
	    ".overdue th, .overdue td { white-space: nowrap; }\n"
	    ".overdue td:nth-child(2) { white-space: normal; }\n"
	    "figure { margin: 0.5em 0; break-inside: avoid; }\n"
	    "figcaption { font-size: 0.9em; color: #555; }\n"
	    ".note { font-size: 0.85em; color: #444; }\n"
	    "</style>\n</head>\n<body>\n<h1>", fp);
	html_text(fp, title);
	fputs("</h1>\n<p class=\"sub\">", fp);
	html_text(fp, sub);
	fputs("</p>\n", fp);
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
title(const struct report *rp, FILE *fp, enum fmt f)
{
	char *t, *as_of, sub[128], a[32], b[32];

	t = title_parts(rp, sub);
	if (f == FMT_HTML) {
		html_head(fp, t, sub);
		fprintf(fp, "<p class=\"meta\">");
		fprintf(fp, _("As of %s; made on %s\n"),
		    zh_date(rp->as_of, a), zh_date(rp->made_on, b));
		fprintf(fp, "</p>\n");
		free(t);
		return;
	}
	if (f == FMT_MD) {
		fprintf(fp, "# %s%s\n\n", t, sub);
		fprintf(fp, _("As of %s; made on %s\n"),
		    zh_date(rp->as_of, a), zh_date(rp->made_on, b));
		fputc('\n', fp);
		free(t);
		return;
	}
	centered(fp, t);
	centered(fp, sub);
	fputc('\n', fp);
	free(t);
	as_of = text_printf(_("As of %s"), zh_date(rp->as_of, a));
	snprintf(sub, sizeof sub, _("Made on %s"), zh_date(rp->made_on, b));
	fputs(as_of, fp);
	fprintf(fp, "%*s%s\n", PAGE_WIDTH - text_width(as_of) -
	    text_width(sub) > 2 ? PAGE_WIDTH - text_width(as_of) -
	    text_width(sub) : 2, "", sub);
	free(as_of);
}

/* A paragraph: wrapped and indented as text, plain in Markdown, <p>. */
static void
paragraph(FILE *fp, enum fmt f, const char *s)
{
	if (f == FMT_HTML) {
		fputs("<p>", fp);
		html_text(fp, s);
		fputs("</p>\n", fp);
	} else if (f == FMT_MD)
		fprintf(fp, "%s\n\n", s);
	else
		wrap(fp, s, 2);
}

static void
heading(FILE *fp, enum fmt f, const char *s)
{
	if (f == FMT_HTML) {
		fputs("<h2>", fp);
		html_text(fp, s);
		fputs("</h2>\n", fp);
	} else
		fprintf(fp, f == FMT_MD ? "## %s\n\n" : "\n%s\n", s);
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
summary(const struct report *rp, FILE *fp, enum fmt f)
{
	const struct tally *c = &rp->cohort, *y = year_tally(rp);
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
	paragraph(fp, f, para);
}

static const struct col ind_cols[] = {
	{ "indicator", N_("indicator"), COL_STR, NULL },
	{ "period", "", COL_INT, NULL },
	{ "year", N_("year to date"), COL_INT, NULL },
};

static void
indicators(const struct report *rp, FILE *fp, enum fmt f)
{
	struct col cols[3];
	struct table t;
	char a[64], b[64];
	const char *row[3];
	int i;

	memcpy(cols, ind_cols, sizeof cols);
	cols[1].label = scope_name(rp);
	table_init(&t, cols, rp->has_ytd ? 3 : 2);
	t.indent = 2;
	for (i = 0; i < NRATES; i++) {
		row[0] = _(report_rate_names[i]);
		row[1] = pct_frac(tally_rate(&rp->cohort, i), a);
		row[2] = rp->has_ytd ? pct_frac(tally_rate(&rp->ytd, i), b) :
		    NULL;
		table_add(&t, row);
	}
	table_print(&t, f, fp);
	if (f == FMT_MD)
		fputc('\n', fp);
	table_free(&t);
}

static const struct col dept_cols[] = {
	{ "department", N_("department"), COL_STR, NULL },
	{ "assigned", N_("routed"), COL_INT, NULL },
	{ "replied", N_("replied"), COL_INT, NULL },
	{ "on_time", N_("on time"), COL_INT, NULL },
	{ "overdue", N_("overdue"), COL_INT, NULL },
	{ "satisfied_or_basic", N_("satisfied or basic"), COL_INT, NULL },
};

static void
departments(const struct tally *y, FILE *fp, enum fmt f)
{
	struct table t;
	char n[5][24];
	const char *row[6];
	size_t k;
	int i;

	if (y->departments.len == 0) {
		paragraph(fp, f, _("none yet: no suggestions routed yet"));
		return;
	}
	table_init(&t, dept_cols, 6);
	t.indent = 2;
	for (k = 0; k < y->departments.len; k++) {
		const struct rep_named *d = &y->departments.v[k];

		row[0] = d->name;
		for (i = 0; i < 4; i++) {
			snprintf(n[i], sizeof n[i], "%ld", d->n[i]);
			row[i + 1] = n[i];
		}
		snprintf(n[4], sizeof n[4], "%ld/%ld", d->n[DEP_SAT_OR_BASIC],
		    d->n[DEP_RATED]);
		row[5] = n[4];
		table_add(&t, row);
	}
	table_print(&t, f, fp);
	if (f == FMT_MD)
		fputc('\n', fp);
	table_free(&t);
}

static const struct col station_cols[] = {
	{ "station", N_("station"), COL_STR, NULL },
	{ "sessions", N_("sessions"), COL_INT, NULL },
	{ "visitors", N_("visitors"), COL_INT, NULL },
	{ "received", N_("suggestions"), COL_INT, NULL },
};

/* Stations with receptions, then those where suggestions were collected. */
static void
stations(const struct report *rp, FILE *fp, enum fmt f)
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
	table_init(&t, station_cols, 4);
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
	table_print(&t, f, fp);
	if (f == FMT_MD)
		fputc('\n', fp);
	table_free(&t);
	rep_list_free(&l);
}

static const struct col overdue_cols_zh[] = {
	{ "number", N_("number"), COL_STR, NULL },
	{ "title", N_("title"), COL_STR, NULL },
	{ "department", N_("department"), COL_STR, NULL },
	{ "due", N_("deadline"), COL_STR, NULL },
	{ "days", N_("days overdue"), COL_INT, NULL },
};

static void
overdue(const struct tally *y, FILE *fp, enum fmt f)
{
	struct table t;
	char due[32], days[24];
	const char *row[5];
	size_t k;

	if (y->noverdue == 0) {
		paragraph(fp, f, _("none: no suggestion is overdue"));
		return;
	}
	table_init(&t, overdue_cols_zh, 5);
	t.indent = 2;
	if (f == FMT_HTML)
		fputs("<div class=\"overdue\">\n", fp);
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
	table_print(&t, f, fp);
	if (f == FMT_HTML)
		fputs("</div>\n", fp);
	if (f == FMT_MD)
		fputc('\n', fp);
	table_free(&t);
}

static void
classes(const struct tally *y, FILE *fp, enum fmt f)
{
	char para[1024];

	snprintf(para, sizeof para, _("Reply classes: A (solved or basically "
	    "solved) %ld, B (being solved or planned) %ld, C (cannot be solved "
	    "for now) %ld, D (kept for reference) %ld."), y->classes[0],
	    y->classes[1], y->classes[2], y->classes[3]);
	paragraph(fp, f, para);
	if (y->rehandled > 0)
		snprintf(para, sizeof para, _("Ratings: satisfied %ld, basically "
		    "satisfied %ld, unsatisfied %ld (%ld handled again after an "
		    "unsatisfied rating)."), y->ratings[0], y->ratings[1],
		    y->ratings[2], y->rehandled);
	else
		snprintf(para, sizeof para, _("Ratings: satisfied %ld, basically "
		    "satisfied %ld, unsatisfied %ld."), y->ratings[0],
		    y->ratings[1], y->ratings[2]);
	paragraph(fp, f, para);
}

/*
 * A grouped bar chart as inline SVG: for each label, the reply rate and
 * the satisfied-or-basic rate, 0 to 100%. A rate with no denominator has
 * no bar but a mark that says so; a label whose shown[i] is 0 (a month
 * not begun) has neither.
 */
static void
svg_bars(FILE *fp, const char *caption, const char *const *labels,
    const struct rate *reply, const struct rate *sat, const int *shown, int n)
{
	const int W = 680, H = 260, left = 44, top = 20, bottom = 44;
	const int plot_h = H - top - bottom;
	double gw = n > 0 ? (double)(W - left - 8) / n : 0, bw = gw * 0.36;
	char buf[32];
	int i, k, marks = 0;

	fprintf(fp, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
	    "font-size=\"11\">\n", W, H + 18, W, H + 18);
	for (k = 0; k <= 4; k++) {
		int y = top + plot_h - plot_h * k / 4;

		fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"#ddd\"/><text x=\"%d\" y=\"%d\" "
		    "text-anchor=\"end\">%d%%</text>\n", left, y, W - 8, y,
		    left - 4, y + 4, k * 25);
	}
	for (i = 0; i < n; i++) {
		double x = left + gw * i + gw * 0.14;
		const struct rate *r[2] = { &reply[i], &sat[i] };

		if (shown != NULL && !shown[i])
			goto label;
		for (k = 0; k < 2; k++) {
			long t = rate_tenths(*r[k]);
			double h = t < 0 ? 0 : plot_h * t / 1000.0;

			/* Nothing to count is not 0%: a mark, not a bar. */
			if (t < 0) {
				fprintf(fp, "<text class=\"none %s\" x=\"%.1f\" "
				    "y=\"%d\" text-anchor=\"middle\" "
				    "font-size=\"9\" fill=\"#888\">",
				    k ? "sat" : "reply", x + k * bw + bw / 2,
				    top + plot_h - 3);
				html_text(fp, _("none"));
				fputs("<title>", fp);
				html_text(fp, k ? _("none rated yet") :
				    _("no suggestions routed yet"));
				fputs("</title></text>\n", fp);
				marks++;
				continue;
			}
			fprintf(fp, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" "
			    "width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
			    "<title>%s%%</title></rect>\n",
			    k ? "sat" : "reply", x + k * bw, top + plot_h - h,
			    bw, h, k ? "#70ad47" : "#4472c4",
			    rate_str(*r[k], buf));
			/* The value above its bar, so that a printout reads. */
			fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" "
			    "text-anchor=\"middle\" font-size=\"9\">%ld</text>"
			    "\n", x + k * bw + bw / 2, top + plot_h - h - 3,
			    (t + 5) / 10);
		}
label:
		fprintf(fp, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
		    left + gw * i + gw / 2, top + plot_h + 16);
		html_text(fp, labels[i]);
		fputs("</text>\n", fp);
	}
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" "
	    "fill=\"#4472c4\"/><text x=\"%d\" y=\"%d\">", left, H + 2,
	    left + 14, H + 11);
	html_text(fp, _(report_rate_names[RATE_REPLY]));
	fprintf(fp, "</text>\n<rect x=\"%d\" y=\"%d\" width=\"10\" "
	    "height=\"10\" fill=\"#70ad47\"/><text x=\"%d\" y=\"%d\">",
	    left + 160, H + 2, left + 174, H + 11);
	html_text(fp, _(report_rate_names[RATE_SAT_OR_BASIC]));
	fputs("</text>\n</svg>\n<figcaption>", fp);
	html_text(fp, caption);
	if (marks > 0)
		html_text(fp, _(" (\"none\" marks where no suggestion was routed, for "
	    "the reply rate, or rated, for the satisfied or basic rate: "
	    "nothing to count, not 0%.)"));
	fputs("</figcaption>\n</figure>\n", fp);
}

/* The charts of an HTML report: the months of the year, and for a year
 * the departments. */
static void
charts(const struct report *rp, FILE *fp)
{
	const struct tally *y = year_tally(rp);
	struct rate reply[12], sat[12], *dr, *ds;
	const char *labels[12], **dl;
	int begun[12];
	char names[12][16];
	size_t k, n = y->departments.len;
	int m;

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
		svg_bars(fp, _("Suggestions received each month: their rates "
		    "as of the report's date"), labels, reply, sat, begun, 12);
	}
	if (rp->kind != 'y' || n == 0)
		return;
	dr = calloc(n, sizeof *dr);
	ds = calloc(n, sizeof *ds);
	dl = calloc(n, sizeof *dl);
	if (dr == NULL || ds == NULL || dl == NULL)
		xnomem();
	for (k = 0; k < n; k++) {
		const struct rep_named *d = &y->departments.v[k];

		dl[k] = d->name;
		dr[k] = (struct rate){ d->n[DEP_REPLIED], d->n[DEP_ASSIGNED] };
		ds[k] = (struct rate){ d->n[DEP_SAT_OR_BASIC], d->n[DEP_RATED] };
	}
	svg_bars(fp, _("By department"), dl, dr, ds, NULL, (int)n);
	free(dr);
	free(ds);
	free(dl);
}

/* The definitions at the foot of the report. */
static void
note(FILE *fp, enum fmt f, const char *s)
{
	if (f == FMT_HTML) {
		fputs("<p class=\"note\">", fp);
		html_text(fp, s);
		fputs("</p>\n", fp);
	} else if (f == FMT_MD)
		fprintf(fp, "%s\n", s);
	else
		wrap(fp, s, 0);
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
	default:
		return ytd ? _("6. Reply classes and ratings (year to "
		    "date)") : _("6. Reply classes and ratings");
	}
}

void
report_text(const struct report *rp, FILE *fp, enum fmt f)
{
	title(rp, fp, f);
	heading(fp, f, report_heading(rp, 1));
	summary(rp, fp, f);
	heading(fp, f, report_heading(rp, 2));
	indicators(rp, fp, f);
	if (f == FMT_HTML)
		charts(rp, fp);
	heading(fp, f, report_heading(rp, 3));
	departments(year_tally(rp), fp, f);
	heading(fp, f, report_heading(rp, 4));
	stations(rp, fp, f);
	heading(fp, f, report_heading(rp, 5));
	overdue(year_tally(rp), fp, f);
	heading(fp, f, report_heading(rp, 6));
	classes(year_tally(rp), fp, f);
	if (f == FMT_TEXT)
		fputc('\n', fp);
	note(fp, f, _("How the rates are counted: reply rate = replied / "
	    "assigned; on-time reply rate = first reply within the deadline / "
	    "replied; closure rate = closed / assigned; resolution rate = "
	    "latest reply of class A or B / replied; contact rate = contacted "
	    "the lead deputy before the first reply / replied; the satisfied "
	    "rate and the satisfied or basic rate take the lead deputy's "
	    "latest rating, over those rated. Withdrawn suggestions are not "
	    "counted."));
	if (f == FMT_HTML)
		fputs("</body>\n</html>\n", fp);
}

/* Builds the SPEC's cohort object. */
static cJSON *
json_tally(const struct tally *t)
{
	cJSON *o = cJSON_CreateObject(), *x, *a, *e;
	char buf[32];
	size_t k;
	int i;

	cJSON_AddNumberToObject(o, "received", t->received);
	cJSON_AddNumberToObject(o, "assigned", t->assigned);
	cJSON_AddNumberToObject(o, "replied", t->replied);
	cJSON_AddNumberToObject(o, "rated", t->rated);
	cJSON_AddNumberToObject(o, "closed", t->closed);
	cJSON_AddNumberToObject(o, "overdue", t->overdue);
	x = cJSON_AddObjectToObject(o, "by_source");
	for (i = 0; i < 5; i++)
		cJSON_AddNumberToObject(x, vocab_source[i].key,
		    t->by_source[i]);
	a = cJSON_AddArrayToObject(o, "by_station");
	for (k = 0; k < t->stations.len; k++) {
		if (t->stations.v[k].name[0] == '\0')
			continue;
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", t->stations.v[k].name);
		cJSON_AddNumberToObject(e, "received", t->stations.v[k].n[0]);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(o, "by_category");
	for (k = 0; k < t->categories.len; k++) {
		if (t->categories.v[k].name[0] == '\0')
			continue;
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", t->categories.v[k].name);
		cJSON_AddNumberToObject(e, "received",
		    t->categories.v[k].n[0]);
		cJSON_AddItemToArray(a, e);
	}
	x = cJSON_AddObjectToObject(o, "classes");
	for (i = 0; i < 4; i++)
		cJSON_AddNumberToObject(x, vocab_class[i].key, t->classes[i]);
	x = cJSON_AddObjectToObject(o, "ratings");
	for (i = 0; i < 3; i++)
		cJSON_AddNumberToObject(x, vocab_rating[i].key, t->ratings[i]);
	x = cJSON_AddObjectToObject(o, "rates");
	for (i = 0; i < NRATES; i++) {
		struct rate r = tally_rate(t, i);

		e = cJSON_AddObjectToObject(x, rate_keys[i]);
		cJSON_AddNumberToObject(e, "num", r.num);
		cJSON_AddNumberToObject(e, "den", r.den);
		/* Raw, so that 100% prints as 100.0 with its one decimal. */
		if (r.den == 0)
			cJSON_AddNullToObject(e, "percent");
		else
			cJSON_AddRawToObject(e, "percent", rate_str(r, buf));
	}
	a = cJSON_AddArrayToObject(o, "by_department");
	for (k = 0; k < t->departments.len; k++) {
		const struct rep_named *d = &t->departments.v[k];

		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", d->name);
		cJSON_AddNumberToObject(e, "assigned", d->n[DEP_ASSIGNED]);
		cJSON_AddNumberToObject(e, "replied", d->n[DEP_REPLIED]);
		cJSON_AddNumberToObject(e, "on_time", d->n[DEP_ON_TIME]);
		cJSON_AddNumberToObject(e, "overdue", d->n[DEP_OVERDUE]);
		cJSON_AddNumberToObject(e, "rated", d->n[DEP_RATED]);
		cJSON_AddNumberToObject(e, "satisfied_or_basic",
		    d->n[DEP_SAT_OR_BASIC]);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(o, "overdue_list");
	for (k = 0; k < t->noverdue; k++) {
		const struct rep_row *r = &t->overdue_list[k];

		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "number", r->number);
		cJSON_AddStringToObject(e, "title", r->title);
		if (r->dept != NULL)
			cJSON_AddStringToObject(e, "department", r->dept);
		else
			cJSON_AddNullToObject(e, "department");
		cJSON_AddStringToObject(e, "due", r->due);
		cJSON_AddNumberToObject(e, "days_overdue", r->days_overdue);
		cJSON_AddItemToArray(a, e);
	}
	return o;
}

void
report_json(const struct report *rp, FILE *fp)
{
	cJSON *o = cJSON_CreateObject(), *x, *a, *e;
	char *s;
	size_t k;
	int i;

	cJSON_AddStringToObject(o, "town", rp->town);
	x = cJSON_AddObjectToObject(o, "period");
	cJSON_AddStringToObject(x, "from", rp->from);
	cJSON_AddStringToObject(x, "to", rp->to);
	cJSON_AddStringToObject(o, "as_of", rp->as_of);
	cJSON_AddItemToObject(o, "cohort", json_tally(&rp->cohort));
	if (rp->has_ytd)
		cJSON_AddItemToObject(o, "year_to_date", json_tally(&rp->ytd));
	x = cJSON_AddObjectToObject(o, "receptions");
	cJSON_AddNumberToObject(x, "sessions", rp->sessions);
	cJSON_AddNumberToObject(x, "visitors", rp->visitors);
	a = cJSON_AddArrayToObject(x, "by_station");
	for (k = 0; k < rp->reception_stations.len; k++) {
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name",
		    rp->reception_stations.v[k].name);
		cJSON_AddNumberToObject(e, "sessions",
		    rp->reception_stations.v[k].n[0]);
		cJSON_AddNumberToObject(e, "visitors",
		    rp->reception_stations.v[k].n[1]);
		cJSON_AddItemToArray(a, e);
	}
	x = cJSON_AddObjectToObject(o, "activities");
	for (i = 0; i < 5; i++)
		cJSON_AddNumberToObject(x, vocab_kind[i].key,
		    rp->activities[i]);
	if ((s = cJSON_Print(o)) == NULL)
		xnomem();
	fprintf(fp, "%s\n", s);
	free(s);
	cJSON_Delete(o);
}

/*
 * The tables, one after another, each with its own header row, for Excel
 * and WPS as export writes them: UTF-8 with a BOM, the interface's
 * language. The stations are every station, those with nothing too.
 */
void
report_csv(const struct report *rp, FILE *fp)
{
	const struct tally *y = year_tally(rp);
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

			row[0] = scope ? _("year to date") : scope_name(rp);
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
		row[i] = _(dept_cols[i].label);
	row[5] = _("rated");
	row[6] = _(dept_cols[5].label);
	csv_record(fp, row, 7);
	for (k = 0; k < y->departments.len; k++) {
		row[0] = y->departments.v[k].name;
		for (i = 0; i < 6; i++) {
			snprintf(num[i], sizeof num[i], "%ld",
			    y->departments.v[k].n[i]);
			row[i + 1] = num[i];
		}
		csv_record(fp, row, 7);
	}
	fputs("\r\n", fp);
	for (i = 0; i < 4; i++)
		row[i] = _(station_cols[i].label);
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
		row[i] = _(overdue_cols_zh[i].label);
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
