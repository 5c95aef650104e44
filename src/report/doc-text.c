/*
 * doc-text.c — the report as plain text (doc.h): a title centred on the
 * page, paragraphs wrapped by display width (Chinese text may break
 * between any two characters, never before a closing mark), aligned
 * tables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "msg.h"
#include "text.h"

#define PAGE_WIDTH 78

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

static void
title(FILE *fp, const char *t, const char *sub, const char *as_of,
    const char *made)
{
	char *left = text_printf(_("As of %s"), as_of);
	char *right = text_printf(_("Made on %s"), made);
	int gap = PAGE_WIDTH - text_width(left) - text_width(right);

	centered(fp, t);
	centered(fp, sub);
	fputc('\n', fp);
	fprintf(fp, "%s%*s%s\n", left, gap > 2 ? gap : 2, "", right);
	free(left);
	free(right);
}

static void
heading(FILE *fp, const char *s)
{
	fprintf(fp, "\n%s\n", s);
}

static void
paragraph(FILE *fp, const char *s)
{
	wrap(fp, s, 2);
}

static void
table(FILE *fp, const struct table *t, const char *cls)
{
	(void)cls;
	table_print(t, FMT_TEXT, fp);
}

/* The definitions at the foot, after a blank line. */
static void
note(FILE *fp, const char *s)
{
	fputc('\n', fp);
	wrap(fp, s, 0);
}

static void
end(FILE *fp)
{
	(void)fp;
}

const struct doc_ops doc_text = {
	title, heading, paragraph, table, NULL, note, end,
};
