/*
 * calendar.c — the working-day calendar kept in the database: the days that
 * the State Council's notices set apart from Monday to Friday (workday.h).
 * Migration 4 loads the notices of 2022 to 2026; calendar import adds a
 * year's file, date and kind, in one transaction: a bad line refuses it.
 */
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "csvmap.h"
#include "ctx.h"
#include "msg.h"
#include "text.h"
#include "vocab.h"
#include "xmalloc.h"
#include "db.h"
#include "detail.h"
#include "domain.h"
#include "workday.h"

struct calread {
	struct db      *db;
	const char     *path;
	int             header;  /* seen */
	long            count[2]; /* by enum cal_kind */
	enum cmd_status st;
};

/* One line: a comment (from "#"), the header, or a day. */
static int
on_day(void *arg, long line, char **f, const size_t *lens, size_t n)
{
	struct calread *c = arg;
	struct date d;
	struct stmt *s;
	char iso[11], *v[2];
	int kind, i;

	(void)lens;
	if (n > 0 && f[0][0] == '#')
		return 0;
	for (i = 0; i < 2; i++)
		v[i] = n > (size_t)i ? csv_trim(f[i]) : "";
	if (!c->header) {
		if (n != 2 || !((strcmp(v[0], "date") == 0 &&
		    strcmp(v[1], "kind") == 0) || (strcmp(v[0], "日期") == 0 &&
		    strcmp(v[1], "类型") == 0))) {
			refuse(_("%s:%ld: expected the header date,kind"),
			    c->path, line);
			goto refused;
		}
		c->header = 1;
		return 0;
	}
	if (n != 2) {
		refuse(_("%s:%ld: expected date,kind, not %zu fields"),
		    c->path, line, n);
		goto refused;
	}
	if (csv_date(v[0], &d) == -1) {
		refuse(_("%s:%ld: invalid date '%s'"), c->path, line, v[0]);
		goto refused;
	}
	if ((kind = cal_kind_parse(v[1])) == -1) {
		refuse(_("%s:%ld: invalid kind '%s' (use %s)"), c->path, line,
		    v[1], vocab_keys(vocab_day_kind));
		goto refused;
	}
	s = db_stmt(c->db, "INSERT OR REPLACE INTO calendar(day, kind)"
	    " VALUES (:day, :kind)");
	st_text(s, ":day", date_iso(d, iso));
	st_text(s, ":kind", vocab_day_kind[kind].key);
	if (st_exec(s) == -1) {
		c->st = CMD_FAIL;
		return -1;
	}
	c->count[kind]++;
	return 0;
refused:
	c->st = CMD_REFUSED;
	return -1;
}

enum cmd_status
cal_import(struct db *db, const struct cmd_ctx *ctx, const char *path,
    enum csv_enc enc, FILE *out)
{
	struct calread c = { db, NULL, 0, { 0, 0 }, CMD_OK };
	struct detail *d;
	char *shown;
	int rc;

	c.path = strcmp(path, "-") == 0 ? _("standard input") : path;
	if ((rc = csv_read(path, enc, on_day, &c, NULL)) == -1)
		return CMD_REFUSED;
	if (c.st != CMD_OK)
		return c.st;
	if (!c.header) {
		refuse(_("%s: empty file; expected a header row"), c.path);
		return CMD_REFUSED;
	}
	d = detail_new();
	detail_int(d, "holidays", c.count[CAL_HOLIDAY]);
	detail_int(d, "workdays", c.count[CAL_WORKDAY]);
	if (event_add_detail(db, ctx, 0, ctx->today, "calendar", d) !=
	    CMD_OK)
		return CMD_FAIL;
	shown = text_escape(c.path, 0);
	fprintf(out, _("%s: holidays %ld, working days %ld\n"), shown,
	    c.count[CAL_HOLIDAY], c.count[CAL_WORKDAY]);
	free(shown);
	return CMD_OK;
}

enum cmd_status
cal_list(struct db *db, int year, row_fn fn, void *arg)
{
	struct stmt *s;
	const char *row[2];
	char from[11], to[11];
	int rc;

	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	s = db_stmt(db, "SELECT day, kind FROM calendar"
	    " WHERE day BETWEEN :from AND :to ORDER BY day");
	st_text(s, ":from", from);
	st_text(s, ":to", to);
	while ((rc = st_step(s)) == 1) {
		row[0] = st_col(s, 0);
		row[1] = st_col(s, 1);
		if (fn(arg, row) != 0)
			return CMD_FAIL;
	}
	return rc == -1 ? CMD_FAIL : CMD_OK;
}

enum cmd_status
cal_load(struct db *db, struct calendar *c)
{
	struct cal_day *v = NULL;
	struct stmt *s;
	struct date d;
	size_t n = 0, cap = 0;
	int rc;

	s = db_stmt(db, "SELECT day, kind FROM calendar ORDER BY day");
	while ((rc = st_step(s)) == 1) {
		if (date_parse(st_col(s, 0), 0, &d) == -1)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n].day = date_to_days(d);
		v[n++].kind = cal_kind_parse(st_col(s, 1)) == CAL_WORKDAY ?
		    CAL_WORKDAY : CAL_HOLIDAY;
	}
	c->v = v;
	c->n = n;
	if (rc == -1) {
		cal_free(c);
		return CMD_FAIL;
	}
	return CMD_OK;
}

void
cal_free(struct calendar *c)
{
	free((void *)c->v);
	c->v = NULL;
	c->n = 0;
}

enum cmd_status
cal_workdays_after(struct db *db, const char *from, const char *key,
    char *by)
{
	struct calendar c;
	struct date d;

	if (date_parse(from, 0, &d) == -1) {
		by[0] = '\0';
		return CMD_OK;
	}
	if (cal_load(db, &c) != CMD_OK)
		return CMD_FAIL;
	date_iso(cal_add_workdays(&c, d, config_int(db, key, 7)), by);
	cal_free(&c);
	return CMD_OK;
}
