/*
 * ledger-export.c — the export: the ledger (one row a suggestion, its
 * latest state) and the other tables, for Excel and WPS.
 */
#include <err.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "check.h"
#include "ctx.h"
#include "msg.h"
#include "out.h"
#include "vocab.h"
#include "xmalloc.h"
#include "db.h"
#include "domain.h"
#include "ledger.h"
#include "text.h"


struct exp {
	const struct export_opts *o;
	FILE                     *out;
};

/* A contacts cell with each method word in Chinese (visit -> 走访). */
static char *
methods_zh(const char *s)
{
	char *out, *p;
	size_t len = strlen(s), n = 0;
	int m;

	/* A Chinese word is at most 2 bytes longer than its key. */
	if ((out = malloc(len * 2 + 1)) == NULL)
		xnomem();
	for (p = out; *s != '\0'; ) {
		/* A word after a space, at the end of an entry. */
		for (m = 0; p > out && p[-1] == ' ' &&
		    vocab_method[m].key != NULL; m++) {
			n = strlen(vocab_method[m].key);
			if (strncmp(s, vocab_method[m].key, n) == 0 &&
			    (s[n] == '\0' || strncmp(s + n, "；", 3) == 0))
				break;
		}
		if (p > out && p[-1] == ' ' && vocab_method[m].key != NULL) {
			p = stpcpy(p, vocab_method[m].zh);
			s += n;
		} else
			*p++ = *s++;
	}
	*p = '\0';
	return out;
}

/* A not-accepted cell, "DATE REASON：NOTE", with the reason's key in
 * Chinese (litigation -> 诉讼事项). */
static char *
reject_zh(const char *s)
{
	const char *key = strchr(s, ' '), *end;
	int i;

	if (key == NULL)
		return xstrdup(s);
	key++;
	if ((end = strstr(key, "：")) == NULL)
		end = key + strlen(key);
	for (i = 0; vocab_reject[i].key != NULL; i++)
		if (strlen(vocab_reject[i].key) == (size_t)(end - key) &&
		    strncmp(key, vocab_reject[i].key, end - key) == 0)
			return text_printf("%.*s%s%s", (int)(key - s), s,
			    vocab_reject[i].zh, end);
	return xstrdup(s);
}

static int
export_ledger_row(void *arg, const char *const *cols)
{
	struct exp *e = arg;
	const char *row[L_NCOLS];
	char *masked[SF_NFIELDS], *contacts_zh = NULL, *rejected_zh = NULL;
	int c, f, i, n = 0;

	for (c = 0; c < L_NCOLS; c++)
		row[c] = cols[c];
	if (!e->o->english) {
		if (row[L_SOURCE] && (i = vocab_find(vocab_source,
		    row[L_SOURCE])) >= 0)
			row[L_SOURCE] = vocab_source[i].zh;
		if (row[L_RATING] && (i = vocab_find(vocab_rating,
		    row[L_RATING])) >= 0)
			row[L_RATING] = vocab_rating[i].zh;
	}
	if (!e->o->english && row[L_CONTACTS] != NULL)
		row[L_CONTACTS] = contacts_zh = methods_zh(row[L_CONTACTS]);
	if (!e->o->english && row[L_REJECTED] != NULL)
		row[L_REJECTED] = rejected_zh = reject_zh(row[L_REJECTED]);
	if (row[L_RECURRING] != NULL)
		row[L_RECURRING] = e->o->english ? "yes" : "是";
	/* The personal fields (sugfield.c) are masked as list masks them. */
	for (f = 0; f < SF_NFIELDS && !e->o->personal_data; f++)
		if (sug_fields[f].flags & SF_PERSONAL &&
		    (c = sug_fields[f].column) >= 0 && row[c] != NULL)
			row[c] = masked[n++] = f == SF_PHONE ?
			    mask_phone(row[c]) : mask_name(row[c]);
	csv_record(e->out, row, L_NCOLS);
	while (n > 0)
		free(masked[--n]);
	free(contacts_zh);
	free(rejected_zh);
	return 0; /* a write error is ofile_close's to tell */
}

/* A reception's or an activity's row, as export_file writes it: the
 * kind of an activity in Chinese unless --header en. */
static int
export_other_row(void *arg, const char *const *cols)
{
	struct exp *e = arg;
	const char *row[CSV_MAXCOLS];
	int c, i, activities = strcmp(e->o->table->name, "activities") == 0;

	for (c = 0; c < e->o->table->ncols; c++)
		row[c] = cols[c];
	if (!e->o->english && activities &&
	    (i = vocab_find(vocab_kind, row[A_KIND])) >= 0)
		row[A_KIND] = vocab_kind[i].zh;
	csv_record(e->out, row, e->o->table->ncols);
	return 0; /* a write error is ofile_close's to tell */
}

enum cmd_status
export_file(struct db *db, const struct export_opts *o, FILE *out)
{
	const struct csv_table *t = o->table;
	const char *head[CSV_MAXCOLS];
	struct exp e = { o, out };
	int c;

	fputs("\xef\xbb\xbf", out);
	for (c = 0; c < t->ncols; c++)
		head[c] = o->english ? t->cols[c].en : t->cols[c].zh;
	csv_record(out, head, t->ncols);
	if (strcmp(t->name, "suggestions") == 0)
		return sug_ledger(db, export_ledger_row, &e);
	if (strcmp(t->name, "receptions") == 0)
		return reception_export(db, export_other_row, &e);
	return activity_export(db, export_other_row, &e);
}
