/*
 * out.c — writes tables of results as text aligned by display width (CJK
 * counts two columns), CSV through libcsv, JSON through cJSON, or Markdown.
 */
#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <csv.h>

#include "msg.h"
#include "xmalloc.h"
#include "out.h"
#include "text.h"

void
table_init(struct table *t, const struct col *cols, int ncols)
{
	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->ncols = ncols;
}

void
table_add(struct table *t, const char *const *values)
{
	int i;

	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->cells = reallocarray(t->cells, t->cap * t->ncols,
		    sizeof *t->cells);
		if (t->cells == NULL)
			xnomem();
	}
	for (i = 0; i < t->ncols; i++) {
		char *v = NULL;

		if (values[i] != NULL && (v = strdup(values[i])) == NULL)
			xnomem();
		t->cells[t->nrows * t->ncols + i] = v;
	}
	t->nrows++;
}

const char *
table_cell(const struct table *t, size_t row, int col)
{
	return t->cells[row * t->ncols + col];
}

void
table_free(struct table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

void
out_padded(FILE *fp, const char *s, int width, int right)
{
	char *p = text_pad(s, width, right);

	fputs(p, fp);
	free(p);
}

/* What text output shows for a cell. */
static const char *
shown(const struct table *t, size_t row, int col)
{
	const struct col *c = &t->cols[col];
	const char *v = table_cell(t, row, col);

	if (v == NULL)
		return "-";
	if (c->type == COL_BOOL)
		return strcmp(v, "0") != 0 ? _("yes") : "";
	if (c->vocab != NULL)
		return vocab_label(c->vocab, v);
	return v;
}

/* Text cells are one line: newlines and tabs in content show as spaces,
 * and other control characters and invalid bytes escaped (\x1b), so that
 * no cell can drive the terminal. Caller frees. */
static char *
one_line(const char *s)
{
	char *p, *q, *e;

	p = xstrdup(s);
	for (q = p; *q != '\0'; q++)
		if (*q == '\n' || *q == '\t')
			*q = ' ';
	e = text_escape(p, 0);
	free(p);
	return e;
}

/* s with every '|' written '\|', for a Markdown table cell; caller
 * frees. */
static char *
md_cell(const char *s)
{
	size_t n = 0;
	const char *p;
	char *e, *q;

	for (p = s; *p != '\0'; p++)
		n += *p == '|';
	e = xmalloc(strlen(s) + n + 1);
	for (p = s, q = e; *p != '\0'; p++) {
		if (*p == '|')
			*q++ = '\\';
		*q++ = *p;
	}
	*q = '\0';
	return e;
}

/* What goes before column i. */
static const char *
sep(int i, int md)
{
	if (md)
		return i ? " | " : "| ";
	return i ? "  " : "";
}

static void
print_text(const struct table *t, FILE *fp, int md)
{
	int *w, i;
	size_t r;

	w = xcalloc(t->ncols, sizeof *w);
	for (i = 0; i < t->ncols; i++) {
		w[i] = text_width(_(t->cols[i].label));
		for (r = 0; r < t->nrows; r++) {
			char *s = one_line(shown(t, r, i));
			int n = text_width(s);

			if (n > w[i])
				w[i] = n;
			free(s);
		}
	}
	fprintf(fp, "%*s", md ? 0 : t->indent, "");
	for (i = 0; i < t->ncols; i++) {
		fputs(sep(i, md), fp);
		if (i == t->ncols - 1 && !md)
			fputs(_(t->cols[i].label), fp);
		else
			out_padded(fp, _(t->cols[i].label), w[i],
			    t->cols[i].type == COL_INT);
	}
	fputs(md ? " |\n" : "\n", fp);
	if (md) {
		for (i = 0; i < t->ncols; i++)
			fprintf(fp, "|%s", t->cols[i].type == COL_INT ?
			    "---:" : "---");
		fputs("|\n", fp);
	}
	for (r = 0; r < t->nrows; r++) {
		fprintf(fp, "%*s", md ? 0 : t->indent, "");
		for (i = 0; i < t->ncols; i++) {
			char *s = one_line(shown(t, r, i));

			fputs(sep(i, md), fp);
			if (md) {
				/* A pipe would end the cell: \| keeps it. */
				char *e = md_cell(s);

				free(s);
				s = e;
			}
			if (i == t->ncols - 1 && !md &&
			    t->cols[i].type != COL_INT)
				fputs(s, fp);
			else
				out_padded(fp, s, w[i],
				    t->cols[i].type == COL_INT);
			free(s);
		}
		fputs(md ? " |\n" : "\n", fp);
	}
	free(w);
}

void
csv_record(FILE *fp, const char *const *fields, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		const char *v = fields[i] ? fields[i] : "";
		char *marked = NULL;

		if (i > 0)
			fputc(',', fp);
		/* A cell a spreadsheet would run as a formula gets a leading
		 * apostrophe (OWASP); import strips it (csv_unmark). */
		if (csv_needs_mark(v))
			v = marked = text_printf("'%s", v);
		/* Quote only what needs it, as Excel does. */
		if (strpbrk(v, ",\"\r\n") != NULL)
			csv_fwrite(fp, v, strlen(v));
		else
			fputs(v, fp);
		free(marked);
	}
	fputs("\r\n", fp);
}

static void
print_csv(const struct table *t, FILE *fp)
{
	const char **row;
	size_t r;
	int i;

	row = xcalloc(t->ncols, sizeof *row);
	for (i = 0; i < t->ncols; i++)
		row[i] = t->cols[i].key;
	csv_record(fp, row, t->ncols);
	for (r = 0; r < t->nrows; r++) {
		for (i = 0; i < t->ncols; i++)
			row[i] = table_cell(t, r, i);
		csv_record(fp, row, t->ncols);
	}
	free(row);
}

static cJSON *
json_value(const struct col *c, const char *v)
{
	if (v == NULL)
		return cJSON_CreateNull();
	switch (c->type) {
	case COL_INT:
		return cJSON_CreateNumber(strtod(v, NULL));
	case COL_BOOL:
		return cJSON_CreateBool(strcmp(v, "0") != 0);
	default:
		return cJSON_CreateString(v);
	}
}

static void
print_json(const struct table *t, FILE *fp)
{
	cJSON *a, *o;
	char *s;
	size_t r;
	int i;

	if ((a = cJSON_CreateArray()) == NULL)
		xnomem();
	for (r = 0; r < t->nrows; r++) {
		if ((o = cJSON_CreateObject()) == NULL)
			xnomem();
		for (i = 0; i < t->ncols; i++)
			cJSON_AddItemToObject(o, t->cols[i].key,
			    json_value(&t->cols[i], table_cell(t, r, i)));
		cJSON_AddItemToArray(a, o);
	}
	if ((s = cJSON_Print(a)) == NULL)
		xnomem();
	fprintf(fp, "%s\n", s);
	free(s);
	cJSON_Delete(a);
}

int
out_colour(FILE *fp)
{
	const char *term = getenv("TERM"), *no = getenv("NO_COLOR");

	if (no != NULL && *no != '\0')
		return 0;
	if (term == NULL || strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fileno(fp));
}

/* Whether row r is one to show in red. */
static int
alert(const struct table *t, size_t r)
{
	const char *v;

	if (t->alert == 0)
		return 0;
	v = table_cell(t, r, t->alert - 1);
	return v != NULL && strcmp(v, "0") != 0 && *v != '\0';
}

/* Text tables end no line with blanks, whatever their last cells hold;
 * on a terminal, alert rows are red. */
static void
print_trimmed(const struct table *t, FILE *fp)
{
	char *buf = NULL, *line, *nl;
	size_t len = 0, n, row = 0;
	int colour = t->alert && out_colour(fp), red, bad;
	FILE *mem;

	if ((mem = open_memstream(&buf, &len)) == NULL)
		xnomem();
	print_text(t, mem, 0);
	/* glibc's memory stream can fail to grow on the final flush and
	 * still return 0 from fclose, leaving buf NULL. */
	bad = ferror(mem);
	if (fclose(mem) != 0 || bad || buf == NULL)
		xnomem();
	for (line = buf; *line != '\0'; line = nl + 1, row++) {
		nl = strchr(line, '\n');
		n = nl - line;
		while (n > 0 && line[n - 1] == ' ')
			n--;
		red = colour && row > 0 && alert(t, row - 1);
		fprintf(fp, "%s%.*s%s\n", red ? RED : "", (int)n, line,
		    red ? PLAIN : "");
	}
	free(buf);
}

void
out_html(FILE *fp, const char *text)
{
	char *shown = text_escape(text, 1), *s;

	for (s = shown; *s != '\0'; s++)
		switch (*s) {
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '&':
			fputs("&amp;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		default:
			fputc(*s, fp);
		}
	free(shown);
}

static void
print_html(const struct table *t, FILE *fp)
{
	size_t r;
	int i;

	fputs("<table>\n<thead><tr>", fp);
	for (i = 0; i < t->ncols; i++) {
		fputs("<th>", fp);
		out_html(fp, _(t->cols[i].label));
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (r = 0; r < t->nrows; r++) {
		fputs("<tr>", fp);
		for (i = 0; i < t->ncols; i++) {
			fputs(t->cols[i].type == COL_INT ? "<td class=\"n\">" :
			    "<td>", fp);
			out_html(fp, shown(t, r, i));
			fputs("</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n", fp);
}

int
table_print(const struct table *t, enum fmt f, FILE *fp)
{
	switch (f) {
	case FMT_HTML:
		print_html(t, fp);
		break;
	case FMT_XLSX:
		errx(CMD_FAIL, "bug: a table printed as xlsx");
	case FMT_TEXT:
		print_trimmed(t, fp);
		break;
	case FMT_MD:
		print_text(t, fp, 1);
		break;
	case FMT_CSV:
		print_csv(t, fp);
		break;
	case FMT_JSON:
		print_json(t, fp);
		break;
	}
	return 0;
}

int
out_flush(FILE *fp)
{
	if (fflush(fp) != 0 || ferror(fp)) {
		warn(_("write error"));
		return -1;
	}
	return 0;
}
