/*
 * cmd-remind.c — "jianyi remind": the suggestions whose deadline falls in
 * the coming days, grouped by lead department, for the weekly reminder
 * (催办) that the secretary sends each department. The worked example of
 * docs/HACKING.md: one file and one line in main.c's table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "jianyi.h"
#include "domain.h"
#include "out.h"
#include "text.h"

static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "within", .type = OPT_COUNT, .metavar = "N",
	    .help = N_("deadlines in the next N days, today's too (7)") },
	{ .name = "as-of", .type = OPT_DATE, .metavar = "D",
	    .help = N_("count from that day; today if not given") },
	OPT_LIST_FORMAT("text|csv|json"),
	OPT_END,
};

const struct cmd_entry cmd_remind_entry = {
	.name = "remind", .upper = 0, .flags = CMD_READ, .opts = opts,
	.summary = N_("list what falls due soon, by department"),
	.example = "jianyi remind --within 14",
	.exec = exec,
};

/* The columns of one row; the text layout leaves the department to its
 * heading. */
static const struct col cols[] = {
	{ "department", N_("department"), COL_STR, NULL },
	{ "number", N_("number"), COL_STR, NULL },
	{ "handler", N_("handler"), COL_STR, NULL },
	{ "due", N_("due"), COL_STR, NULL },
	{ "days_left", N_("days left"), COL_INT, NULL },
	{ "title", N_("title"), COL_STR, NULL },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))

static const char *
dept_of(const struct due_soon *r)
{
	return r->dept != NULL ? r->dept : "";
}

static void
add_row(struct table *t, const struct due_soon *r, int skip)
{
	char days[24];
	const char *row[NCOLS] = { r->dept, r->number, r->handler, r->due,
	    days, r->title };

	snprintf(days, sizeof days, "%ld", r->days_left);
	table_add(t, row + skip);
}

/* Text: each department under its name, its rows indented below. */
static int
print_text(const struct due_soon *v, size_t n, long within, FILE *fp)
{
	struct table t;
	size_t i, j;
	char *name;
	int rc = 0;

	if (n == 0) {
		fprintf(fp, _("nothing falls due in the next %ld days\n"),
		    within);
		return 0;
	}
	for (i = 0; i < n && rc == 0; i = j) {
		for (j = i; j < n && strcmp(dept_of(&v[j]),
		    dept_of(&v[i])) == 0; j++)
			;
		name = text_escape(v[i].dept != NULL ? v[i].dept :
		    _("(no department)"), 0);
		fprintf(fp, "%s%s (%zu)\n", i > 0 ? "\n" : "", name, j - i);
		free(name);
		table_init(&t, cols + 1, NCOLS - 1);
		t.indent = 2;
		for (; i < j; i++)
			add_row(&t, &v[i], 1);
		rc = table_print(&t, FMT_TEXT, fp);
		table_free(&t);
	}
	return rc;
}

/* JSON: [{"department": …, "suggestions": [{…}, …]}, …]. */
static void
print_json(const struct due_soon *v, size_t n, FILE *fp)
{
	cJSON *all = cJSON_CreateArray(), *g = NULL, *list = NULL, *o;
	char *s;
	size_t i;

	for (i = 0; i < n; i++) {
		if (i == 0 || strcmp(dept_of(&v[i]), dept_of(&v[i - 1])) != 0) {
			g = cJSON_CreateObject();
			cJSON_AddItemToObject(g, "department", v[i].dept !=
			    NULL ? cJSON_CreateString(v[i].dept) :
			    cJSON_CreateNull());
			list = cJSON_AddArrayToObject(g, "suggestions");
			cJSON_AddItemToArray(all, g);
		}
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "number", v[i].number);
		cJSON_AddItemToObject(o, "handler", v[i].handler != NULL ?
		    cJSON_CreateString(v[i].handler) : cJSON_CreateNull());
		cJSON_AddStringToObject(o, "due", v[i].due);
		cJSON_AddNumberToObject(o, "days_left", (double)v[i].days_left);
		cJSON_AddStringToObject(o, "title", v[i].title);
		cJSON_AddItemToArray(list, o);
	}
	s = cJSON_Print(all);
	fprintf(fp, "%s\n", s);
	free(s);
	cJSON_Delete(all);
}

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	long within = args_count(a, "within", 7);
	enum fmt fmt = args_fmt(a, "format");
	struct due_soon *v = NULL;
	struct table t;
	enum cmd_status st;
	char day[11];
	size_t n, i;

	(void)ctx;
	st = sug_due_soon(db, date_iso(args_date(a, "as-of"), day), within,
	    &v, &n);
	if (st != CMD_OK)
		;
	else if (fmt == FMT_JSON)
		print_json(v, n, stdout);
	else if (fmt == FMT_CSV) {
		table_init(&t, cols, NCOLS);
		for (i = 0; i < n; i++)
			add_row(&t, &v[i], 0);
		st = cmd_print(st, &t, fmt);
	} else if (print_text(v, n, within, stdout) == -1)
		st = CMD_FAIL;
	due_soon_free(v, n);
	return st;
}
