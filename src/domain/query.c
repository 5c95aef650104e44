/*
 * query.c — reading suggestions back: the list with its filters, the overdue
 * list, and everything about one suggestion for show.
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
#include "csvmap.h"
#include "db.h"
#include "detail.h"
#include "domain.h"
#include "similar.h"
#include "tally.h"
#include "text.h"
#include "workday.h"

/* The lead departments of the live assignments of the suggestion whose
 * id is sid, joined in the order they were routed. */
#define LEADS_OF(sid) \
	"(SELECT group_concat(name, '、') FROM (SELECT d.name" \
	" FROM assignment a JOIN department d ON d.id = a.department_id" \
	" WHERE a.suggestion_id = " sid " AND a.role = 'lead'" \
	" AND a.ended_on IS NULL ORDER BY a.id))"
/* A suggestion's own leads (the ledger), and those that handle it (the
 * listings): a merged one's are those of the one it follows (并案). */
#define LEAD_NAME LEADS_OF("s.id")
#define HANDLED_BY "coalesce(s.merged_into, s.id)"
#define HANDLERS LEADS_OF(HANDLED_BY)
/* The one rule for "overdue" (asof_overdue, tally.c), as db.c gives it. */
#define OVERDUE "jianyi_overdue(s.status, s.due_on, :asof)"

enum cmd_status
sug_list(struct db *db, const struct sug_filter *f, row_fn fn, void *arg)
{
	struct stmt *s;
	enum cmd_status st;
	long long station = 0, dept = 0;
	const char *row[9];
	char *masked;
	int rc, i, stop = 0;

	if (f->station != NULL &&
	    (st = reg_find(db, REG_STATION, f->station, 0, &station)) !=
	    CMD_OK)
		return st;
	if (f->dept != NULL &&
	    (st = reg_find(db, REG_DEPT, f->dept, 0, &dept)) != CMD_OK)
		return st;
	s = db_stmt(db, "SELECT s.number, s.status, " OVERDUE ","
	    " s.received_on, st.name, " HANDLERS ", s.due_on, s.submitter,"
	    " s.title FROM suggestion s"
	    " LEFT JOIN station st ON st.id = s.station_id"
	    " WHERE s.received_on BETWEEN :from AND :to"
	    " AND (:status IS NULL OR s.status = :status"
	    "  OR (:status = 'open' AND s.status NOT IN"
	    "  ('closed', 'withdrawn', 'not_accepted')))"
	    " AND (:station = 0 OR s.station_id = :station)"
	    " AND (:dept = 0 OR EXISTS (SELECT 1 FROM assignment a"
	    "  WHERE a.suggestion_id = " HANDLED_BY
	    "  AND a.department_id = :dept"
	    "  AND a.ended_on IS NULL))"
	    " AND (NOT :overdue OR " OVERDUE ")"
	    " AND (NOT :supervised OR EXISTS (SELECT 1 FROM supervision v"
	    "  WHERE v.suggestion_id = s.id))"
	    " ORDER BY s.year, s.seq IS NULL, s.seq, s.number"
	    " LIMIT :limit");
	st_text(s, ":from", f->received.from ? f->received.from : DATE_FIRST);
	st_text(s, ":to", f->received.to ? f->received.to : DATE_LAST);
	st_text(s, ":status", f->status);
	st_int(s, ":station", station);
	st_int(s, ":dept", dept);
	st_int(s, ":overdue", f->overdue);
	st_int(s, ":supervised", f->supervised);
	st_text(s, ":asof", f->as_of);
	st_int(s, ":limit", f->limit > 0 ? f->limit : -1);
	while (!stop && (rc = st_step(s)) == 1) {
		for (i = 0; i < 9; i++)
			row[i] = st_col(s, i);
		masked = row[7] ? mask_name(row[7]) : NULL;
		row[7] = masked;
		stop = fn(arg, row);
		free(masked);
	}
	return rc == -1 || stop ? CMD_FAIL : CMD_OK;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* A late step, for the overdue list by stage. */
struct late {
	char *number, *dept, *handler, *title;
	char  due[11];
	long  days;
};

static int
by_due(const void *a, const void *b)
{
	const struct late *x = a, *y = b;
	int c;

	if ((c = strcmp(x->due, y->due)) != 0)
		return c;
	if ((c = strcmp(x->number, y->number)) != 0)
		return c;
	return strcmp(x->dept ? x->dept : "", y->dept ? y->dept : "");
}

/*
 * The steps of a stage that are past their limit on as_of: routing (a
 * registered suggestion, route_workdays working days after receipt),
 * sign (a department routed that has not signed, sign_workdays working
 * days after its routing) and opinion (a co-handler without an opinion,
 * co_due_months after its routing), while the suggestion still runs.
 */
static enum cmd_status
late_steps(struct db *db, const char *as_of, enum stage stage, row_fn fn,
    void *arg)
{
	struct calendar cal;
	struct late *v = NULL;
	struct stmt *s;
	struct date from, due, asof;
	const char *row[6];
	char days[24];
	size_t n = 0, cap = 0, i;
	enum cmd_status st = CMD_OK;
	int rc, lim;

	if (date_parse(as_of, 0, &asof) == -1)
		return CMD_FAIL;
	if (stage == STAGE_ROUTING) {
		lim = config_int(db, "route_workdays", 7);
		s = db_stmt(db, "SELECT s.number, NULL, NULL, s.title,"
		    " s.received_on FROM suggestion s"
		    " WHERE s.status = 'registered'"
		    " AND s.received_on <= :asof");
	} else {
		lim = stage == STAGE_SIGN ? config_int(db, "sign_workdays", 7) :
		    config_int(db, "co_due_months", 1);
		s = db_stmt(db, "SELECT s.number, d.name, s.handler, s.title,"
		    " a.assigned_on FROM assignment a"
		    " JOIN suggestion s ON s.id = a.suggestion_id"
		    " JOIN department d ON d.id = a.department_id"
		    " WHERE a.ended_on IS NULL AND a.assigned_on <= :asof"
		    " AND s.status IN ('assigned', 'rehandling', 'replied')"
		    " AND (:sign AND (a.signed_on IS NULL"
		    "  OR a.signed_on > :asof)"
		    "  OR NOT :sign AND a.role = 'co' AND NOT EXISTS (SELECT 1"
		    "  FROM opinion o WHERE o.suggestion_id = a.suggestion_id"
		    "  AND o.department_id = a.department_id"
		    "  AND o.sent_on <= :asof))");
		st_int(s, ":sign", stage == STAGE_SIGN);
	}
	st_text(s, ":asof", as_of);
	if (cal_load(db, &cal) != CMD_OK)
		return CMD_FAIL;
	while ((rc = st_step(s)) == 1) {
		if (date_parse(st_col(s, 4), 0, &from) == -1)
			continue;
		due = stage == STAGE_OPINION ? date_add_months(from, lim) :
		    cal_add_workdays(&cal, from, lim);
		if (date_cmp(due, asof) >= 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n].number = xstrdup(st_col(s, 0));
		v[n].dept = dup_or_null(st_col(s, 1));
		v[n].handler = dup_or_null(st_col(s, 2));
		v[n].title = xstrdup(st_col(s, 3));
		date_iso(due, v[n].due);
		v[n++].days = date_to_days(asof) - date_to_days(due);
	}
	cal_free(&cal);
	if (rc == -1)
		st = CMD_FAIL;
	if (n > 1)
		qsort(v, n, sizeof *v, by_due);
	for (i = 0; i < n; i++) {
		row[0] = v[i].number;
		row[1] = v[i].dept;
		row[2] = v[i].handler;
		row[3] = v[i].due;
		snprintf(days, sizeof days, "%ld", v[i].days);
		row[4] = days;
		row[5] = v[i].title;
		if (st == CMD_OK && fn(arg, row) != 0)
			st = CMD_FAIL;
		free(v[i].number);
		free(v[i].dept);
		free(v[i].handler);
		free(v[i].title);
	}
	free(v);
	return st;
}

enum cmd_status
sug_overdue(struct db *db, const char *as_of, enum stage stage, row_fn fn,
    void *arg)
{
	struct stmt *s;
	const char *row[6];
	char days[24];
	long n;
	int rc;

	if (stage != STAGE_REPLY)
		return late_steps(db, as_of, stage, fn, arg);
	s = db_stmt(db, "SELECT s.number, " HANDLERS ", s.handler,"
	    " s.due_on, s.title, s.status FROM suggestion s"
	    " WHERE " OVERDUE " ORDER BY s.due_on, s.number");
	st_text(s, ":asof", as_of);
	while ((rc = st_step(s)) == 1) {
		row[0] = st_col(s, 0);
		row[1] = st_col(s, 1);
		row[2] = st_col(s, 2);
		row[3] = st_col(s, 3);
		asof_overdue(vocab_find(vocab_status, st_col(s, 5)), row[3],
		    as_of, &n);
		snprintf(days, sizeof days, "%ld", n);
		row[4] = days;
		row[5] = st_col(s, 4);
		if (fn(arg, row) != 0)
			return CMD_FAIL;
	}
	return rc == -1 ? CMD_FAIL : CMD_OK;
}

struct like {
	char *number, *year, *status, *title;
	int   pct;
};

static int
by_likeness(const void *a, const void *b)
{
	const struct like *x = a, *y = b;

	if (x->pct != y->pct)
		return y->pct - x->pct;
	return strcmp(x->number, y->number);
}

enum cmd_status
sug_similar(struct db *db, const char *number, const char *title, int pct,
    row_fn fn, void *arg)
{
	struct bigrams ref = { 0 }, b = { 0 };
	struct like *v = NULL;
	struct stmt *s;
	size_t n = 0, cap = 0, i;
	char buf[8], *own = NULL;
	const char *row[5];
	enum cmd_status st = CMD_OK;
	int rc, d;

	if (title == NULL) {
		s = db_stmt(db, "SELECT title FROM suggestion"
		    " WHERE number = :number");
		st_text(s, ":number", number);
		if ((rc = st_step(s)) != 1) {
			if (rc == 0)
				refuse(_("no suggestion numbered '%s'"),
				    number);
			return rc == 0 ? CMD_REFUSED : CMD_FAIL;
		}
		title = own = xstrdup(st_col(s, 0));
	}
	bigrams_of(title, &ref);
	/* Every title is read; the rest of a row only where it is alike. */
	s = db_stmt(db, "SELECT title, number, substr(received_on, 1, 4),"
	    " status FROM suggestion");
	while ((rc = st_step(s)) == 1) {
		bigrams_of(st_col(s, 0), &b);
		if ((d = bigrams_dice(&ref, &b)) < pct ||
		    (number != NULL && strcmp(st_col(s, 1), number) == 0))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n].title = xstrdup(st_col(s, 0));
		v[n].number = xstrdup(st_col(s, 1));
		v[n].year = xstrdup(st_col(s, 2));
		v[n].status = xstrdup(st_col(s, 3));
		v[n++].pct = d;
	}
	if (rc == -1)
		st = CMD_FAIL;
	if (n > 1)
		qsort(v, n, sizeof *v, by_likeness);
	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof buf, "%d", v[i].pct);
		row[0] = v[i].number;
		row[1] = v[i].year;
		row[2] = v[i].status;
		row[3] = buf;
		row[4] = v[i].title;
		if (st == CMD_OK && fn(arg, row) != 0)
			st = CMD_FAIL;
		free(v[i].number);
		free(v[i].year);
		free(v[i].status);
		free(v[i].title);
	}
	free(v);
	free(own);
	bigrams_free(&ref);
	bigrams_free(&b);
	return st;
}

enum cmd_status
sug_due_soon(struct db *db, const char *as_of, long within,
    struct due_soon **out, size_t *n)
{
	struct due_soon *v = NULL, *r;
	struct stmt *s;
	size_t cap = 0;
	long days;
	int rc;

	*n = 0;
	/* Every deadline from as_of on; asof_due_within says which are
	 * near and still to be answered. */
	s = db_stmt(db, "SELECT s.number, " HANDLERS ", s.handler,"
	    " s.due_on, s.title, s.status FROM suggestion s"
	    " WHERE s.due_on >= :asof"
	    " ORDER BY 2, s.due_on, s.number");
	st_text(s, ":asof", as_of);
	while ((rc = st_step(s)) == 1) {
		if (!asof_due_within(vocab_find(vocab_status, st_col(s, 5)),
		    st_col(s, 3), as_of, within, &days))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		r = &v[(*n)++];
		r->number = xstrdup(st_col(s, 0));
		r->dept = dup_or_null(st_col(s, 1));
		r->handler = dup_or_null(st_col(s, 2));
		snprintf(r->due, sizeof r->due, "%s", st_col(s, 3));
		r->title = xstrdup(st_col(s, 4));
		r->days_left = days;
	}
	*out = v;
	return rc == -1 ? CMD_FAIL : CMD_OK;
}

void
due_soon_free(struct due_soon *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].number);
		free(v[i].dept);
		free(v[i].handler);
		free(v[i].title);
	}
	free(v);
}

/* Runs s (bound to :sid) and keeps its rows, ncols strings each. */
static enum cmd_status
get_rows(struct stmt *s, long long sid, int ncols, struct sug_rows *r)
{
	size_t cap = 0;
	int rc, c;

	r->ncols = ncols;
	st_int(s, ":sid", sid);
	while ((rc = st_step(s)) == 1) {
		if (r->n == cap) {
			cap = cap ? cap * 2 : 4;
			r->cell = xreallocarray(r->cell, cap * ncols,
			    sizeof *r->cell);
		}
		for (c = 0; c < ncols; c++)
			SUG_CELL(r, r->n, c) = st_col(s, c) != NULL ?
			    xstrdup(st_col(s, c)) : NULL;
		r->n++;
	}
	return rc == -1 ? CMD_FAIL : CMD_OK;
}

static void
rows_free(struct sug_rows *r)
{
	size_t i;

	for (i = 0; i < r->n * (size_t)r->ncols; i++)
		free(r->cell[i]);
	free(r->cell);
	memset(r, 0, sizeof *r);
}

void
sug_view_free(struct sug_view *v)
{
	int f;

	for (f = 0; f < SF_NFIELDS; f++)
		free(v->v[f]);
	rows_free(&v->cosigners);
	rows_free(&v->depts);
	rows_free(&v->contacts);
	rows_free(&v->replies);
	rows_free(&v->ratings);
	rows_free(&v->opinions);
	rows_free(&v->merged);
	rows_free(&v->history);
	memset(v, 0, sizeof *v);
}

enum cmd_status
sug_get(struct db *db, const char *number, const char *as_of,
    struct sug_view *v)
{
	struct stmt *s;
	int rc, f;

	memset(v, 0, sizeof *v);
	/* The columns in enum sug_field's order, then the id. */
	s = db_stmt(db, "SELECT s.number, s.status, " OVERDUE ", s.title,"
	    " s.content, st.name, s.source, s.category, s.received_on,"
	    " s.submitter, s.phone, dp.name, s.assigned_on, s.due_on,"
	    " s.handler, s.note, v.leader, v.since, mi.number, s.recurring,"
	    " s.id FROM suggestion s"
	    " LEFT JOIN suggestion mi ON mi.id = s.merged_into"
	    " LEFT JOIN station st ON st.id = s.station_id"
	    " LEFT JOIN deputy dp ON dp.id = s.lead_deputy_id"
	    " LEFT JOIN supervision v ON v.suggestion_id = s.id"
	    " WHERE s.number = :number");
	st_text(s, ":number", number);
	st_text(s, ":asof", as_of);
	if ((rc = st_step(s)) == -1)
		return CMD_FAIL;
	if (rc == 0) {
		refuse(_("no suggestion numbered '%s'"), number);
		return CMD_REFUSED;
	}
	for (f = 0; f < SF_NFIELDS; f++)
		v->v[f] = st_col(s, f) != NULL ? xstrdup(st_col(s, f)) : NULL;
	v->id = st_colint(s, SF_NFIELDS);
	if (get_rows(db_stmt(db, "SELECT d.name FROM"
	    " cosigner c JOIN deputy d ON d.id = c.deputy_id"
	    " WHERE c.suggestion_id = :sid ORDER BY c.pos"), v->id, 1,
	    &v->cosigners) ||
	    get_rows(db_stmt(db, "SELECT d.name, a.role,"
	    " a.assigned_on, a.signed_on FROM assignment a JOIN department d"
	    " ON d.id = a.department_id WHERE a.suggestion_id = :sid"
	    " AND a.ended_on IS NULL ORDER BY a.role DESC, a.id"), v->id, 4,
	    &v->depts) ||
	    get_rows(db_stmt(db, "SELECT number FROM suggestion"
	    " WHERE merged_into = :sid ORDER BY number"), v->id, 1,
	    &v->merged) ||
	    get_rows(db_stmt(db, "SELECT o.sent_on, d.name, o.text"
	    " FROM opinion o JOIN department d ON d.id = o.department_id"
	    " WHERE o.suggestion_id = :sid ORDER BY o.sent_on, o.id"), v->id,
	    3, &v->opinions) ||
	    get_rows(db_stmt(db, "SELECT c.contacted_on,"
	    " d.name, c.method, c.note FROM contact c JOIN department d"
	    " ON d.id = c.department_id WHERE c.suggestion_id = :sid"
	    " ORDER BY c.contacted_on, c.id"), v->id, 4, &v->contacts) ||
	    get_rows(db_stmt(db, "SELECT r.replied_on, d.name,"
	    " r.class, r.text FROM reply r JOIN department d"
	    " ON d.id = r.department_id WHERE r.suggestion_id = :sid"
	    " ORDER BY r.replied_on, r.id"), v->id, 4, &v->replies) ||
	    get_rows(db_stmt(db, "SELECT rated_on, rating, note"
	    " FROM rating WHERE suggestion_id = :sid ORDER BY rated_on, id"),
	    v->id, 3, &v->ratings) ||
	    get_rows(db_stmt(db, "SELECT on_date, action,"
	    " detail, actor FROM event WHERE suggestion_id = :sid"
	    " ORDER BY on_date, id"), v->id, 4, &v->history)) {
		sug_view_free(v);
		return CMD_FAIL;
	}
	return CMD_OK;
}

static cJSON *
str_or_null(const char *s)
{
	return s != NULL ? cJSON_CreateString(s) : cJSON_CreateNull();
}

/* A list as an array of objects, keys[c] for column c. */
static void
add_list(cJSON *o, const char *name, const struct sug_rows *r,
    const char *const *keys)
{
	cJSON *a = cJSON_AddArrayToObject(o, name), *e;
	size_t i;
	int c;

	for (i = 0; i < r->n; i++) {
		e = cJSON_CreateObject();
		for (c = 0; c < r->ncols; c++)
			cJSON_AddItemToObject(e, keys[c],
			    str_or_null(SUG_CELL(r, i, c)));
		cJSON_AddItemToArray(a, e);
	}
}

cJSON *
sug_view_json(const struct sug_view *v)
{
	static const char *const dept_keys[] = { "name", "role", "since",
	    "signed_on" };
	static const char *const opinion_keys[] = { "date", "department",
	    "text" };
	static const char *const reply_keys[] = { "date", "department",
	    "class", "text" };
	static const char *const rating_keys[] = { "date", "rating", "note" };
	static const char *const contact_keys[] = { "date", "department",
	    "method", "note" };
	static const char *const hist_keys[] = { "at", "action", "detail",
	    "by" };
	cJSON *o = cJSON_CreateObject(), *names, *e;
	char *text;
	size_t i;
	int f;

	for (f = 0; f < SF_NFIELDS; f++)
		if (f == SF_OVERDUE || f == SF_RECURRING)
			cJSON_AddBoolToObject(o, sug_fields[f].key,
			    v->v[f] != NULL && strcmp(v->v[f], "0") != 0);
		else
			cJSON_AddItemToObject(o, sug_fields[f].key,
			    str_or_null(v->v[f]));
	add_list(o, "departments", &v->depts, dept_keys);
	add_list(o, "contacts", &v->contacts, contact_keys);
	add_list(o, "replies", &v->replies, reply_keys);
	add_list(o, "ratings", &v->ratings, rating_keys);
	add_list(o, "opinions", &v->opinions, opinion_keys);
	add_list(o, "history", &v->history, hist_keys);
	/* Cosigners as a plain list of names; those merged into it as a
	 * list of numbers. */
	names = cJSON_AddArrayToObject(o, "cosigners");
	for (i = 0; i < v->cosigners.n; i++)
		cJSON_AddItemToArray(names, cJSON_CreateString(
		    SUG_CELL(&v->cosigners, i, 0)));
	names = cJSON_AddArrayToObject(o, "merged");
	for (i = 0; i < v->merged.n; i++)
		cJSON_AddItemToArray(names, cJSON_CreateString(
		    SUG_CELL(&v->merged, i, 0)));
	/* Each change in the reader's language (detail.h). */
	i = 0;
	cJSON_ArrayForEach(e, cJSON_GetObjectItem(o, "history")) {
		const char *act = SUG_CELL(&v->history, i, EVENT_ACTION);
		const char *d = SUG_CELL(&v->history, i, EVENT_DETAIL);

		i++;
		if (act == NULL || d == NULL)
			continue;
		text = detail_render(act, d);
		cJSON_ReplaceItemInObject(e, "detail",
		    cJSON_CreateString(text));
		free(text);
	}
	return o;
}

enum cmd_status
sug_show(struct db *db, const char *number, const char *as_of, cJSON **out)
{
	struct sug_view v;
	enum cmd_status st;

	if ((st = sug_get(db, number, as_of, &v)) != CMD_OK)
		return st;
	*out = sug_view_json(&v);
	sug_view_free(&v);
	return CMD_OK;
}

enum cmd_status
sug_ledger(struct db *db, ledger_fn fn, void *arg)
{
	struct stmt *s;
	const char *cols[L_NCOLS];
	int rc, i;

	/* In the order of csvmap.h's L_* columns. */
	s = db_stmt(db, "SELECT s.number, s.received_on, st.name, s.source,"
	    " s.title, s.content, s.category, s.submitter, s.phone, dp.name,"
	    " (SELECT group_concat(name, '、') FROM (SELECT d.name FROM"
	    "  cosigner c JOIN deputy d ON d.id = c.deputy_id"
	    "  WHERE c.suggestion_id = s.id ORDER BY c.pos)),"
	    " " LEAD_NAME ","
	    " (SELECT group_concat(name, '、') FROM (SELECT d.name FROM"
	    "  assignment a JOIN department d ON d.id = a.department_id"
	    "  WHERE a.suggestion_id = s.id AND a.role = 'co'"
	    "  AND a.ended_on IS NULL ORDER BY a.id)),"
	    " s.assigned_on, s.due_on, r.replied_on, r.class, r.text,"
	    " g.rated_on, g.rating, s.handler,"
	    /* The contacts of the assignment in force, "date department
	     * method" by date: like the return itself, those of a returned
	     * assignment are not in the ledger, which could not rebuild
	     * them. */
	    " (SELECT group_concat(x, '；') FROM (SELECT c.contacted_on"
	    "  || ' ' || d.name || coalesce(' ' || c.method, '') x"
	    "  FROM contact c JOIN department d ON d.id = c.department_id"
	    "  WHERE c.suggestion_id = s.id AND c.contacted_on >= s.assigned_on"
	    "  AND EXISTS (SELECT 1 FROM assignment a"
	    "   WHERE a.suggestion_id = s.id AND a.department_id = d.id"
	    "   AND a.ended_on IS NULL)"
	    "  ORDER BY c.contacted_on, c.id)),"
	    " s.note,"
	    " (SELECT d.name FROM department d WHERE d.id = r.department_id),"
	    /* Who signed, of the assignment in force, "date department". */
	    " (SELECT group_concat(x, '；') FROM (SELECT a.signed_on || ' '"
	    "  || d.name x FROM assignment a JOIN department d"
	    "  ON d.id = a.department_id WHERE a.suggestion_id = s.id"
	    "  AND a.ended_on IS NULL AND a.signed_on IS NOT NULL"
	    "  ORDER BY a.id)),"
	    " v.leader, v.since, mi.number,"
	    /* Not accepted: "date reason：note", the reason as a key. */
	    " (SELECT e.on_date || ' ' || json_extract(e.detail, '$.reason')"
	    "  || coalesce('：' || json_extract(e.detail, '$.note'), '')"
	    "  FROM event e WHERE e.suggestion_id = s.id"
	    "  AND e.action = 'not_accepted' AND s.status = 'not_accepted'"
	    "  ORDER BY e.id DESC LIMIT 1),"
	    " nullif(s.recurring, 0)"
	    " FROM suggestion s"
	    " LEFT JOIN supervision v ON v.suggestion_id = s.id"
	    " LEFT JOIN suggestion mi ON mi.id = s.merged_into"
	    " LEFT JOIN station st ON st.id = s.station_id"
	    " LEFT JOIN deputy dp ON dp.id = s.lead_deputy_id"
	    " LEFT JOIN reply r ON r.id = (SELECT id FROM reply"
	    "  WHERE suggestion_id = s.id ORDER BY replied_on DESC, id DESC"
	    "  LIMIT 1)"
	    " LEFT JOIN rating g ON g.id = (SELECT id FROM rating"
	    "  WHERE suggestion_id = s.id ORDER BY rated_on DESC, id DESC"
	    "  LIMIT 1)"
	    " WHERE s.status <> 'withdrawn'"
	    " ORDER BY s.year, s.seq IS NULL, s.seq, s.number");
	while ((rc = st_step(s)) == 1) {
		for (i = 0; i < L_NCOLS; i++)
			cols[i] = st_col(s, i);
		if (fn(arg, cols) == -1)
			return CMD_FAIL;
	}
	return rc == -1 ? CMD_FAIL : CMD_OK;
}
