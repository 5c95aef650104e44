/*
 * doc.h — the document of a report, written through one small interface:
 * a title, headings, paragraphs, tables, charts and a closing note. Text
 * (doc-text.c), Markdown (doc-md.c) and HTML (doc-html.c) each implement
 * it; repout.c writes the sections once, for all three.
 */
#ifndef JIANYI_DOC_H
#define JIANYI_DOC_H

#include <stdio.h>

#include "out.h"
#include "rate.h"

/* A grouped bar chart: for each label, the reply rate and the satisfied
 * or basic rate (series names them); a label whose shown[i] is 0 (a
 * month not begun) has no
 * bars (shown NULL: all have). */
struct doc_chart {
	const char        *caption;
	const char        *series[2]; /* the two rates' names, for the key */
	const char *const *labels;
	const struct rate *reply, *sat;
	const int         *shown;
	int                n;
};

struct doc_ops {
	/* The title and its period; as_of and made are dates to show. */
	void (*title)(FILE *, const char *title, const char *sub,
	    const char *as_of, const char *made);
	void (*heading)(FILE *, const char *);
	void (*paragraph)(FILE *, const char *);
	/* cls names the table for the page's style ("overdue"), or NULL. */
	void (*table)(FILE *, const struct table *, const char *cls);
	/* NULL where the format draws none. */
	void (*chart)(FILE *, const struct doc_chart *);
	void (*note)(FILE *, const char *);
	void (*end)(FILE *);
};

extern const struct doc_ops doc_text, doc_md, doc_html;

#endif
