/*
 * doc-md.c — the report as Markdown (doc.h): a "#" title, "##" headings,
 * pipe tables.
 */
#include <stdio.h>

#include "doc.h"
#include "msg.h"

static void
title(FILE *fp, const char *t, const char *sub, const char *as_of,
    const char *made)
{
	fprintf(fp, "# %s%s\n\n", t, sub);
	fprintf(fp, _("As of %s; made on %s\n"), as_of, made);
	fputc('\n', fp);
}

static void
heading(FILE *fp, const char *s)
{
	fprintf(fp, "## %s\n\n", s);
}

static void
paragraph(FILE *fp, const char *s)
{
	fprintf(fp, "%s\n\n", s);
}

static void
table(FILE *fp, const struct table *t, const char *cls)
{
	(void)cls;
	table_print(t, FMT_MD, fp);
	fputc('\n', fp);
}

static void
note(FILE *fp, const char *s)
{
	fprintf(fp, "%s\n", s);
}

static void
end(FILE *fp)
{
	(void)fp;
}

const struct doc_ops doc_md = {
	title, heading, paragraph, table, NULL, note, end,
};
