/*
 * doc-html.c — the report as one HTML page fit to print on A4 (doc.h):
 * its own style sheet, tables whose numbers do not break, and the charts
 * as inline SVG.
 */
#include <stdio.h>

#include "doc.h"
#include "i18n.h"
#include "msg.h"

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

/*
 * A grouped bar chart as inline SVG: for each label, the reply rate and
 * the satisfied-or-basic rate, 0 to 100%. A rate with no denominator has
 * no bar but a mark that says so; a label whose shown[i] is 0 (a month
 * not begun) has neither.
 */
static void
svg_bars(FILE *fp, const char *caption, const char *const *series,
    const char *const *labels, const struct rate *reply,
    const struct rate *sat, const int *shown, int n)
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
	html_text(fp, series[0]);
	fprintf(fp, "</text>\n<rect x=\"%d\" y=\"%d\" width=\"10\" "
	    "height=\"10\" fill=\"#70ad47\"/><text x=\"%d\" y=\"%d\">",
	    left + 160, H + 2, left + 174, H + 11);
	html_text(fp, series[1]);
	fputs("</text>\n</svg>\n<figcaption>", fp);
	html_text(fp, caption);
	if (marks > 0)
		html_text(fp, _(" (\"none\" marks where no suggestion was routed, for "
	    "the reply rate, or rated, for the satisfied or basic rate: "
	    "nothing to count, not 0%.)"));
	fputs("</figcaption>\n</figure>\n", fp);
}

static void
chart(FILE *fp, const struct doc_chart *c)
{
	svg_bars(fp, c->caption, c->series, c->labels, c->reply, c->sat,
	    c->shown, c->n);
}

static void
title(FILE *fp, const char *t, const char *sub, const char *as_of,
    const char *made)
{
	html_head(fp, t, sub);
	fprintf(fp, "<p class=\"meta\">");
	fprintf(fp, _("As of %s; made on %s\n"), as_of, made);
	fprintf(fp, "</p>\n");
}

static void
heading(FILE *fp, const char *s)
{
	fputs("<h2>", fp);
	html_text(fp, s);
	fputs("</h2>\n", fp);
}

static void
paragraph(FILE *fp, const char *s)
{
	fputs("<p>", fp);
	html_text(fp, s);
	fputs("</p>\n", fp);
}

static void
table(FILE *fp, const struct table *t, const char *cls)
{
	if (cls != NULL)
		fprintf(fp, "<div class=\"%s\">\n", cls);
	table_print(t, FMT_HTML, fp);
	if (cls != NULL)
		fputs("</div>\n", fp);
}

static void
note(FILE *fp, const char *s)
{
	fputs("<p class=\"note\">", fp);
	html_text(fp, s);
	fputs("</p>\n", fp);
}

static void
end(FILE *fp)
{
	fputs("</body>\n</html>\n", fp);
}

const struct doc_ops doc_html = {
	title, heading, paragraph, table, chart, note, end,
};
