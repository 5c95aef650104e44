/*
 * ledger.c — CSV in and out. An import reads the file as a stream, checks
 * every row, and enters each through the same domain functions that the
 * commands use, so that the statuses, deadlines and history are those that
 * entering it by hand would have given. Any bad row refuses the whole file.
 * An export writes the ledger (one row a suggestion, its latest state) and
 * the other tables for Excel and WPS.
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

/* The note on a reply that a ledger implies but does not record: the first
 * reply of a suggestion rated unsatisfied and answered again. */
#define UNRECORDED_REPLY "台账未记载首次答复"

struct newnames {
	char  **v;
	size_t  len;
};

/* The names a summary lists of each registry, unless --verbose. */
#define NAMES_SHOWN 10

struct imp {
	struct db                *db;
	const struct cmd_ctx     *ctx;
	const struct import_opts *o;
	const char               *path;    /* for messages */
	int                       map[CSV_MAXCOLS];
	char                     *head[CSV_MAXCOLS]; /* as the file names them */
	size_t                    nhead;
	unsigned char             used[CSV_MAXCOLS]; /* by field: imported */
	int                       have_header;
	long                      line;
	char                    **cells;   /* the row's fields, normalised */
	size_t                    ncells;
	long                      rows, added, updated, unchanged, bad;
	long                      blank;   /* rows of only separators */
	enum cmd_status           fail;    /* a database error: stop */
	int                       rehandle_months;
	struct newnames           created[3]; /* by reg_kind */
	struct newnames           known[3];   /* registered before, by kind */
	int                       loaded[3];  /* known[k] is read */
	char                     *skipped;    /* --skip-unknown-columns */
	char                      today[11];
};

static const char *
colname(struct imp *im, int c)
{
	return im->map[c] >= 0 ? im->head[c] : im->o->table->cols[c].zh;
}

/* A cell, normalised (text_norm) and unmarked (csv_unmark); NULL when the
 * column is absent or the cell empty. */
static const char *
cell(struct imp *im, int c)
{
	const char *v;

	if (im->map[c] < 0)
		return NULL;
	v = im->cells[im->map[c]];
	return v[0] != '\0' ? v : NULL;
}

/* Checks a text cell; prints "column: reason" and returns -1. */
static int
check_text(struct imp *im, int c, const char *v, int flags, int max)
{
	const char *p;
	int n = 0;

	if (v == NULL) {
		if (flags & TEXT_REQUIRED) {
			refuse(_("%s: required"), colname(im, c));
			return -1;
		}
		return 0;
	}
	if (text_has_control(v, flags & TEXT_MULTILINE)) {
		refuse(_("%s: has a control character"), colname(im, c));
		return -1;
	}
	for (p = v; *p != '\0'; p++)
		n += (*p & 0xc0) != 0x80;
	if (n > max) {
		refuse(_("%s: too long (%d characters; at most %d)"),
		    colname(im, c), n, max);
		return -1;
	}
	return 0;
}

/* A list cell's names (csv_list), each checked as a name; more than
 * MAX_LIST is refused, naming the column. */
static int
check_list(struct imp *im, int c, const char *v, char ***names, size_t *n)
{
	size_t i;

	*names = csv_list(v, n);
	if (*n > MAX_LIST) {
		refuse(_("%s: too many names (%zu; at most %d)"),
		    colname(im, c), *n, MAX_LIST);
		return -1;
	}
	for (i = 0; i < *n; i++)
		if (check_text(im, c, (*names)[i], 0, MAX_NAME) == -1)
			return -1;
	return 0;
}

/* A date cell into d and iso ("" when empty); -1 when bad. */
static int
check_date(struct imp *im, int c, const char *v, struct date *d, char *iso)
{
	iso[0] = '\0';
	if (v == NULL)
		return 0;
	if (csv_date(v, d) == -1) {
		refuse(_("%s: invalid date '%s'"), colname(im, c), v);
		return -1;
	}
	date_iso(*d, iso);
	return 0;
}

static int
check_vocab(struct imp *im, int c, const struct vocab *v, const char *s,
    const char **key)
{
	int i;

	*key = NULL;
	if (s == NULL)
		return 0;
	if ((i = vocab_find(v, s)) == -1) {
		refuse(_("%s: invalid value '%s' (use %s)"), colname(im, c), s,
		    vocab_keys(v));
		return -1;
	}
	*key = v[i].key;
	return 0;
}

/* "column: a is before b" when a < b, both set. */
static int
check_order(struct imp *im, int ca, const char *a, int cb, const char *b)
{
	if (a[0] != '\0' && b[0] != '\0' && strcmp(a, b) < 0) {
		refuse(_("%s: %s is before the %s (%s)"), colname(im, ca), a,
		    colname(im, cb), b);
		return -1;
	}
	return 0;
}

static int
check_needs(struct imp *im, int ca, const void *a, int cb, const void *b)
{
	if (a != NULL && b == NULL) {
		refuse(_("%s: needs %s"), colname(im, ca), colname(im, cb));
		return -1;
	}
	return 0;
}

/*
 * Whether a new name is one or two characters from a registered one, and
 * so more likely a slip (黄堂 for 黄塘) than a new name: one edit for a
 * name of two to four characters, two for a longer one. A name of one
 * character is never near another.
 */
static int
near(const char *a, const char *b)
{
	size_t la = text_chars(a), lb = text_chars(b);
	size_t shorter = la < lb ? la : lb;
	int d = text_distance(a, b);

	return (d == 1 && shorter >= 2) || (d == 2 && shorter >= 5);
}

static int
listed(const struct newnames *n, const char *name)
{
	size_t i;

	for (i = 0; i < n->len; i++)
		if (strcmp(n->v[i], name) == 0)
			return 1;
	return 0;
}

/* Refuses a new name near one registered before the import (not one that
 * this import registered: a file's own names are its to choose). */
static enum cmd_status
near_name(struct imp *im, enum reg_kind k, const char *name, int c)
{
	struct newnames *kn = &im->known[k];
	size_t i;

	if (!im->loaded[k]) {
		if (reg_names(im->db, k, &kn->v, &kn->len) != CMD_OK)
			return CMD_FAIL;
		im->loaded[k] = 1;
	}
	for (i = 0; i < kn->len; i++)
		if (near(name, kn->v[i]) && !listed(&im->created[k], kn->v[i])) {
			refuse(_("%s: '%s' is not registered; did you mean "
			    "'%s'? (register a new name this close to another "
			    "before the import)"), colname(im, c), name,
			    kn->v[i]);
			return CMD_REFUSED;
		}
	return CMD_OK;
}

/* Makes sure a name is registered: created (and remembered for the
 * summary) unless --strict-names; a name near a registered one is
 * refused. */
static enum cmd_status
ensure(struct imp *im, enum reg_kind k, const char *name, int c)
{
	struct newnames *n = &im->created[k];
	enum cmd_status st;
	long long id;
	int rc;

	/* reg.c remembers the names it found for the transaction. */
	if ((rc = reg_exists(im->db, k, name)) != 0)
		return rc == 1 ? CMD_OK : CMD_FAIL;
	if (im->o->strict_names) {
		/* The refusal names the column, as the row's checks do. */
		msg_wheref("%s:%ld: %s", im->path, im->line, colname(im, c));
		st = reg_find(im->db, k, name, 0, &id);
		msg_wheref("%s:%ld", im->path, im->line);
		return st;
	}
	if (arg_text(colname(im, c), name, TEXT_REQUIRED, MAX_NAME) == -1)
		return CMD_REFUSED;
	if ((st = near_name(im, k, name, c)) != CMD_OK)
		return st;
	if (k == REG_STATION)
		st = station_add(im->db, im->ctx, name, NULL);
	else if (k == REG_DEPT)
		st = dept_add(im->db, im->ctx, name);
	else {
		struct deputy_new d = { .name = name };

		st = deputy_add(im->db, im->ctx, &d);
	}
	if (st != CMD_OK)
		return st;
	if ((n->v = reallocarray(n->v, n->len + 1, sizeof *n->v)) == NULL ||
	    (n->v[n->len] = strdup(name)) == NULL)
		xnomem();
	n->len++;
	return CMD_OK;
}

static int
check_phone(struct imp *im, int c, const char *v)
{
	if (v == NULL || arg_phone_ok(v))
		return 0;
	refuse(_("%s: invalid phone number '%s'"), colname(im, c), v);
	return -1;
}

/* A suggestions row, checked. */
struct lrow {
	const char *v[L_NCOLS];
	const char *source, *cls, *rating;
	struct date received, assigned, due, replied, rated;
	char        d_received[11], d_assigned[11], d_due[11],
	            d_replied[11], d_rated[11];
	char      **cos, **co; /* csv_list */
	size_t      ncos, nco;
	char      **contacts;  /* csv_list: "date department [method]" */
	size_t      ncontacts;
	struct contact_in {
		struct date date;
		char        day[11];
		char       *dept;    /* into contacts[i] */
		const char *method;  /* key, or NULL */
	}          *contact;
};

/*
 * The contacts cell: "date department [method]" separated as names are
 * ("2022-01-22 教育办 走访；2022-02-03 教育办"), each into r->contact.
 */
static int
check_contacts(struct imp *im, struct lrow *r)
{
	struct contact_in *c;
	char *e, *sp, *last;
	size_t i;
	int m;

	r->contacts = csv_list(r->v[L_CONTACTS], &r->ncontacts);
	if ((r->contact = calloc(r->ncontacts + 1, sizeof *r->contact)) ==
	    NULL)
		xnomem();
	for (i = 0; i < r->ncontacts; i++) {
		c = &r->contact[i];
		e = r->contacts[i];
		if ((sp = strchr(e, ' ')) == NULL)
			goto bad;
		*sp = '\0';
		if (csv_date(e, &c->date) == -1) {
			*sp = ' ';
			goto bad;
		}
		*sp = ' ';
		date_iso(c->date, c->day);
		c->dept = sp + 1;
		csv_trim(c->dept);
		if ((last = strrchr(c->dept, ' ')) != NULL &&
		    (m = vocab_find(vocab_method, last + 1)) >= 0) {
			c->method = vocab_method[m].key;
			*last = '\0';
			csv_trim(c->dept);
		}
		if (c->dept[0] == '\0')
			goto bad;
		if (check_text(im, L_CONTACTS, c->dept, 0, MAX_NAME) == -1)
			return -1;
		if (strcmp(c->day, im->today) > 0) {
			refuse(_("%s: %s is after today (%s)"),
			    colname(im, L_CONTACTS), c->day, im->today);
			return -1;
		}
		if (check_order(im, L_CONTACTS, c->day, L_ASSIGNED,
		    r->d_assigned) == -1)
			return -1;
		continue;
bad:
		refuse(_("%s: invalid contact '%s' (use DATE DEPARTMENT "
		    "[METHOD])"), colname(im, L_CONTACTS), e);
		return -1;
	}
	return 0;
}

static int
check_row(struct imp *im, struct lrow *r)
{
	int c, bad = 0;

	for (c = 0; c < L_NCOLS; c++)
		r->v[c] = cell(im, c);
	/* A masked export (陈**, 138****2415) carries no personal data: its
	 * masks are read as empty cells, which never erase anything. */
	if (r->v[L_SUBMITTER] != NULL && strstr(r->v[L_SUBMITTER], "**"))
		r->v[L_SUBMITTER] = NULL;
	if (r->v[L_PHONE] != NULL && strstr(r->v[L_PHONE], "**"))
		r->v[L_PHONE] = NULL;
	bad |= check_text(im, L_NUMBER, r->v[L_NUMBER], TEXT_REQUIRED,
	    MAX_NUMBER);
	bad |= check_text(im, L_TITLE, r->v[L_TITLE], TEXT_REQUIRED,
	    MAX_TITLE);
	bad |= check_text(im, L_CONTENT, r->v[L_CONTENT], TEXT_MULTILINE,
	    MAX_TEXT);
	bad |= check_text(im, L_REPLY, r->v[L_REPLY], TEXT_MULTILINE,
	    MAX_TEXT);
	for (c = L_STATION; c <= L_CO; c++)
		if (c != L_SOURCE && c != L_TITLE && c != L_CONTENT &&
		    c != L_COSIGNERS && c != L_CO)
			bad |= check_text(im, c, r->v[c], 0, MAX_NAME);
	if (r->v[L_RECEIVED] == NULL) {
		refuse(_("%s: required"), colname(im, L_RECEIVED));
		bad = -1;
	}
	bad |= check_date(im, L_RECEIVED, r->v[L_RECEIVED], &r->received,
	    r->d_received);
	bad |= check_date(im, L_ASSIGNED, r->v[L_ASSIGNED], &r->assigned,
	    r->d_assigned);
	bad |= check_date(im, L_DUE, r->v[L_DUE], &r->due, r->d_due);
	bad |= check_date(im, L_REPLIED, r->v[L_REPLIED], &r->replied,
	    r->d_replied);
	bad |= check_date(im, L_RATED, r->v[L_RATED], &r->rated, r->d_rated);
	bad |= check_vocab(im, L_SOURCE, vocab_source, r->v[L_SOURCE],
	    &r->source);
	bad |= check_vocab(im, L_CLASS, vocab_class, r->v[L_CLASS], &r->cls);
	bad |= check_vocab(im, L_RATING, vocab_rating, r->v[L_RATING],
	    &r->rating);
	bad |= check_phone(im, L_PHONE, r->v[L_PHONE]);
	bad |= check_text(im, L_HANDLER, r->v[L_HANDLER], 0, MAX_NAME);
	bad |= check_text(im, L_NOTE, r->v[L_NOTE], TEXT_MULTILINE, MAX_TEXT);
	if (bad)
		return -1;

	/* What goes with what, and in which order. */
	bad |= check_needs(im, L_DEPT, r->v[L_DEPT], L_ASSIGNED,
	    r->v[L_ASSIGNED]);
	bad |= check_needs(im, L_ASSIGNED, r->v[L_ASSIGNED], L_DEPT,
	    r->v[L_DEPT]);
	bad |= check_needs(im, L_CO, r->v[L_CO], L_DEPT, r->v[L_DEPT]);
	bad |= check_needs(im, L_HANDLER, r->v[L_HANDLER], L_DEPT,
	    r->v[L_DEPT]);
	bad |= check_needs(im, L_CONTACTS, r->v[L_CONTACTS], L_DEPT,
	    r->v[L_DEPT]);
	bad |= check_needs(im, L_DUE, r->v[L_DUE], L_DEPT, r->v[L_DEPT]);
	bad |= check_needs(im, L_REPLIED, r->v[L_REPLIED], L_DEPT,
	    r->v[L_DEPT]);
	bad |= check_needs(im, L_REPLIED, r->v[L_REPLIED], L_CLASS,
	    r->v[L_CLASS]);
	bad |= check_needs(im, L_CLASS, r->v[L_CLASS], L_REPLIED,
	    r->v[L_REPLIED]);
	bad |= check_needs(im, L_REPLY, r->v[L_REPLY], L_REPLIED,
	    r->v[L_REPLIED]);
	bad |= check_needs(im, L_RATED, r->v[L_RATED], L_RATING,
	    r->v[L_RATING]);
	bad |= check_needs(im, L_RATING, r->v[L_RATING], L_RATED,
	    r->v[L_RATED]);
	bad |= check_needs(im, L_RATED, r->v[L_RATED], L_REPLIED,
	    r->v[L_REPLIED]);
	if (bad)
		return -1;
	bad |= check_order(im, L_ASSIGNED, r->d_assigned, L_RECEIVED,
	    r->d_received);
	bad |= check_order(im, L_DUE, r->d_due, L_ASSIGNED, r->d_assigned);
	bad |= check_order(im, L_REPLIED, r->d_replied, L_ASSIGNED,
	    r->d_assigned);
	/* A rating before the latest reply means the reply answered an
	 * unsatisfied rating; any other rating comes after its reply. */
	if (r->rating == NULL || strcmp(r->rating, "unsatisfied") != 0)
		bad |= check_order(im, L_RATED, r->d_rated, L_REPLIED,
		    r->d_replied);
	else
		bad |= check_order(im, L_RATED, r->d_rated, L_ASSIGNED,
		    r->d_assigned);
	for (c = L_RECEIVED; c <= L_RATED; c++) {
		const char *d = c == L_RECEIVED ? r->d_received :
		    c == L_ASSIGNED ? r->d_assigned : c == L_REPLIED ?
		    r->d_replied : c == L_RATED ? r->d_rated : "";

		if (strcmp(d, im->today) > 0) {
			refuse(_("%s: %s is after today (%s)"), colname(im, c),
			    d, im->today);
			bad = -1;
		}
	}
	if (bad)
		return -1;
	if (check_list(im, L_COSIGNERS, r->v[L_COSIGNERS], &r->cos,
	    &r->ncos) == -1 || check_list(im, L_CO, r->v[L_CO], &r->co,
	    &r->nco) == -1 || check_contacts(im, r) == -1)
		return -1;
	return 0;
}

static enum cmd_status
ensure_names(struct imp *im, struct lrow *r)
{
	enum cmd_status st = CMD_OK;
	size_t i;

	if (r->v[L_STATION] != NULL)
		st = ensure(im, REG_STATION, r->v[L_STATION], L_STATION);
	if (st == CMD_OK && r->v[L_LEAD] != NULL)
		st = ensure(im, REG_DEPUTY, r->v[L_LEAD], L_LEAD);
	for (i = 0; st == CMD_OK && i < r->ncos; i++)
		st = ensure(im, REG_DEPUTY, r->cos[i], L_COSIGNERS);
	if (st == CMD_OK && r->v[L_DEPT] != NULL)
		st = ensure(im, REG_DEPT, r->v[L_DEPT], L_DEPT);
	for (i = 0; st == CMD_OK && i < r->nco; i++)
		st = ensure(im, REG_DEPT, r->co[i], L_CO);
	for (i = 0; st == CMD_OK && i < r->ncontacts; i++)
		st = ensure(im, REG_DEPT, r->contact[i].dept, L_CONTACTS);
	return st;
}

/* What the database holds of a suggestion, to compare with the file. */
struct held {
	const char *handler;
	const cJSON *contacts;
	const cJSON *depts;      /* the assignments in force */
	const cJSON *replies;    /* by date */
	const cJSON *ratings;    /* by date */
	const char *assigned_on;
	const char *lead;
	const char *reply_on, *cls, *text;
	const char *rated_on, *rating;
};

static const char *
jstr(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void
held_from(const cJSON *j, struct held *h)
{
	const cJSON *a, *i, *last;

	memset(h, 0, sizeof *h);
	if (j == NULL)
		return;
	h->handler = jstr(j, "handler");
	h->contacts = cJSON_GetObjectItem(j, "contacts");
	h->depts = cJSON_GetObjectItem(j, "departments");
	h->replies = cJSON_GetObjectItem(j, "replies");
	h->ratings = cJSON_GetObjectItem(j, "ratings");
	h->assigned_on = jstr(j, "assigned_on");
	cJSON_ArrayForEach(i, cJSON_GetObjectItem(j, "departments"))
		if (strcmp(jstr(i, "role"), "lead") == 0)
			h->lead = jstr(i, "name");
	a = cJSON_GetObjectItem(j, "replies");
	if ((last = cJSON_GetArrayItem(a, cJSON_GetArraySize(a) - 1))) {
		h->reply_on = jstr(last, "date");
		h->cls = jstr(last, "class");
		h->text = jstr(last, "text");
	}
	a = cJSON_GetObjectItem(j, "ratings");
	if ((last = cJSON_GetArrayItem(a, cJSON_GetArraySize(a) - 1))) {
		h->rated_on = jstr(last, "date");
		h->rating = jstr(last, "rating");
	}
}

static int
same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* A value the file and the database disagree on: changed under --update,
 * else listed. *changes counts what was done. */
static enum cmd_status
conflict(struct imp *im, int c, const char *file, const char *held)
{
	refuse(_("%s: the file has '%s', the database '%s' (--update takes "
	    "the file's)"), colname(im, c), file, held);
	return CMD_REFUSED;
}

/* The registration fields of a suggestion that exists. */
static enum cmd_status
registration(struct imp *im, struct lrow *r, const cJSON *j, int *changes)
{
	static const struct {
		int         col;
		const char *field;
	} fields[] = {
		{ L_TITLE, "title" }, { L_CONTENT, "content" },
		{ L_CATEGORY, "category" }, { L_SUBMITTER, "submitter" },
		{ L_PHONE, "phone" }, { L_SOURCE, "source" },
		{ L_RECEIVED, "received_on" }, { L_STATION, "station" },
		{ L_LEAD, "lead_deputy" }, { L_NOTE, "note" },
	};
	enum cmd_status st, worst = CMD_OK;
	const char *fv, *dv;
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		fv = fields[i].col == L_SOURCE ? r->source :
		    fields[i].col == L_RECEIVED ? r->d_received :
		    r->v[fields[i].col];
		dv = jstr(j, fields[i].field);
		if (fv == NULL || same(fv, dv))
			continue;
		if (dv != NULL && !im->o->update) {
			worst = conflict(im, fields[i].col, fv, dv);
			continue;
		}
		st = sug_edit(im->db, im->ctx, r->v[L_NUMBER],
		    fields[i].field, fv);
		if (st != CMD_OK)
			return st;
		(*changes)++;
	}
	return worst;
}

/* A conflict on the assignment, which only a return and a new
 * assignment change. */
static enum cmd_status
reassign(struct imp *im, int c, const char *file, const char *held)
{
	refuse(_("%s: the file has '%s', the database '%s' (return and assign "
	    "it to change)"), colname(im, c), file, held ? held : "");
	return CMD_REFUSED;
}

/* The assignment in force and the file's agree: its date, and every
 * co-department of the file is one of the database's. */
static enum cmd_status
assignment(struct imp *im, struct lrow *r, const struct held *h)
{
	const cJSON *i;
	size_t k, len = 1;
	char *all;
	int found;
	enum cmd_status st;

	if (r->v[L_ASSIGNED] != NULL && !same(r->d_assigned, h->assigned_on))
		return reassign(im, L_ASSIGNED, r->d_assigned,
		    h->assigned_on);
	for (k = 0; k < r->nco; k++) {
		found = 0;
		cJSON_ArrayForEach(i, h->depts)
			if (same(jstr(i, "role"), "co") &&
			    same(jstr(i, "name"), r->co[k]))
				found = 1;
		if (found)
			continue;
		cJSON_ArrayForEach(i, h->depts)
			len += strlen(jstr(i, "name")) + 3;
		if ((all = malloc(len)) == NULL)
			xnomem();
		all[0] = '\0';
		cJSON_ArrayForEach(i, h->depts)
			if (same(jstr(i, "role"), "co")) {
				if (all[0] != '\0')
					strcat(all, "、");
				strcat(all, jstr(i, "name"));
			}
		st = reassign(im, L_CO, r->co[k], all);
		free(all);
		return st;
	}
	return CMD_OK;
}

/*
 * A reply (rating) the file dates before the database's latest: an older
 * ledger, which must agree with the reply (rating) the database holds on
 * that day. Only the latest can be changed (--update).
 */
static enum cmd_status
older(struct imp *im, struct lrow *r, const struct held *h, int rating)
{
	const cJSON *i, *on = NULL, *list = rating ? h->ratings : h->replies;
	const char *day = rating ? r->d_rated : r->d_replied;
	const char *fv = rating ? r->rating : r->cls;
	const char *key = rating ? "rating" : "class";

	cJSON_ArrayForEach(i, list)
		if (same(jstr(i, "date"), day))
			on = i;
	if (on == NULL) {
		refuse(rating ? _("%s: the file has a rating on %s that the "
		    "database lacks (its latest is on %s)") : _("%s: the file "
		    "has a reply on %s that the database lacks (its latest is "
		    "on %s)"), colname(im, rating ? L_RATED : L_REPLIED), day,
		    rating ? h->rated_on : h->reply_on);
		return CMD_REFUSED;
	}
	if (!same(fv, jstr(on, key))) {
		refuse(_("%s: the file has '%s' on %s, the database '%s' "
		    "(--update changes only the latest)"),
		    colname(im, rating ? L_RATING : L_CLASS), fv, day,
		    jstr(on, key));
		return CMD_REFUSED;
	}
	if (!rating && r->v[L_REPLY] != NULL &&
	    !same(r->v[L_REPLY], jstr(on, "text"))) {
		refuse(_("%s: the file has '%s' on %s, the database '%s' "
		    "(--update changes only the latest)"), colname(im, L_REPLY),
		    r->v[L_REPLY], day, jstr(on, "text"));
		return CMD_REFUSED;
	}
	return CMD_OK;
}

/* The file's contacts that the database lacks are recorded; the
 * database's others are kept. */
static enum cmd_status
contacts(struct imp *im, struct lrow *r, const struct held *h, int *changes)
{
	const struct contact_in *c;
	const cJSON *i;
	enum cmd_status st;
	size_t k;
	int held;

	for (k = 0; k < r->ncontacts; k++) {
		c = &r->contact[k];
		held = 0;
		cJSON_ArrayForEach(i, h->contacts)
			if (same(jstr(i, "date"), c->day) &&
			    same(jstr(i, "department"), c->dept) &&
			    (c->method == NULL ||
			    same(jstr(i, "method"), c->method)))
				held = 1;
		if (held)
			continue;
		if ((st = sug_contact(im->db, im->ctx, r->v[L_NUMBER],
		    c->dept, c->date, c->method, NULL)) != CMD_OK)
			return st;
		(*changes)++;
	}
	return CMD_OK;
}

/* Assignment, replies, ratings and the deadline: what the file adds is
 * applied in date order; what the database has beyond it is kept. */
static enum cmd_status
stages(struct imp *im, struct lrow *r, const struct held *h, int *changes)
{
	const char *num = r->v[L_NUMBER];
	enum cmd_status st;
	int new_reply = 0, new_rating = 0, status;
	char due[11];

	if (r->v[L_DEPT] != NULL) {
		if (h->lead == NULL) {
			struct sug_assign a = { .lead = r->v[L_DEPT] };

			a.co = (const char **)r->co;
			a.nco = (int)r->nco;
			a.handler = r->v[L_HANDLER];
			a.date = r->assigned;
			a.has_due = r->v[L_DUE] != NULL;
			a.due = r->due;
			if ((st = sug_assign(im->db, im->ctx, num, &a)) !=
			    CMD_OK)
				return st;
			(*changes)++;
		} else if (!same(h->lead, r->v[L_DEPT])) {
			return reassign(im, L_DEPT, r->v[L_DEPT], h->lead);
		} else if ((st = assignment(im, r, h)) != CMD_OK) {
			return st;
		} else if (r->v[L_HANDLER] != NULL &&
		    !same(r->v[L_HANDLER], h->handler)) {
			if (h->handler != NULL && !im->o->update)
				return conflict(im, L_HANDLER, r->v[L_HANDLER],
				    h->handler);
			if ((st = sug_edit(im->db, im->ctx, num, "handler",
			    r->v[L_HANDLER])) != CMD_OK)
				return st;
			(*changes)++;
		}
	}
	if ((st = contacts(im, r, h, changes)) != CMD_OK)
		return st;

	if (r->v[L_REPLIED] != NULL) {
		int cmp = h->reply_on ? strcmp(r->d_replied, h->reply_on) : 1;

		if (cmp > 0)
			new_reply = 1;
		else if (cmp < 0 && (st = older(im, r, h, 0)) != CMD_OK)
			return st;
		else if (cmp == 0 && (!same(r->cls, h->cls) ||
		    (r->v[L_REPLY] != NULL && !same(r->v[L_REPLY], h->text)))) {
			if (!im->o->update)
				return !same(r->cls, h->cls) ?
				    conflict(im, L_CLASS, r->cls, h->cls) :
				    conflict(im, L_REPLY, r->v[L_REPLY],
				    h->text);
			if ((st = sug_edit_reply(im->db, im->ctx, num, r->cls,
			    r->v[L_REPLY] ? r->v[L_REPLY] : h->text)) != CMD_OK)
				return st;
			(*changes)++;
		}
	}
	if (r->v[L_RATED] != NULL) {
		int cmp = h->rated_on ? strcmp(r->d_rated, h->rated_on) : 1;

		if (cmp > 0)
			new_rating = 1;
		else if (cmp < 0 && (st = older(im, r, h, 1)) != CMD_OK)
			return st;
		else if (cmp == 0 && !same(r->rating, h->rating)) {
			if (!im->o->update)
				return conflict(im, L_RATING, r->rating,
				    h->rating);
			if ((st = sug_edit_rating(im->db, im->ctx, num,
			    r->rating)) != CMD_OK)
				return st;
			(*changes)++;
		}
	}

	/* A rating dated before the file's reply answered an earlier reply
	 * that the ledger does not record; the database may hold it. */
	if (new_rating && new_reply && strcmp(r->d_rated, r->d_replied) < 0) {
		if (h->reply_on == NULL || strcmp(h->reply_on, r->d_rated) > 0)
			if ((st = sug_reply(im->db, im->ctx, num,
			    r->v[L_DEPT], r->cls, r->rated,
			    UNRECORDED_REPLY)) != CMD_OK)
				return st;
		if ((st = sug_rate(im->db, im->ctx, num, r->rating, r->rated,
		    NULL)) != CMD_OK)
			return st;
		new_rating = 0;
		(*changes)++;
	}
	if (new_reply) {
		if ((st = sug_reply(im->db, im->ctx, num, r->v[L_DEPT], r->cls,
		    r->replied, r->v[L_REPLY])) != CMD_OK)
			return st;
		(*changes)++;
	}
	if (new_rating) {
		if ((st = sug_rate(im->db, im->ctx, num, r->rating, r->rated,
		    NULL)) != CMD_OK)
			return st;
		(*changes)++;
	}

	/* A later deadline in the file is an extension. */
	if (r->v[L_DUE] != NULL) {
		if ((st = sug_brief(im->db, num, &status, due)) != CMD_OK)
			return st;
		if (status_running(status) && strcmp(r->d_due, due) > 0) {
			struct date on = im->ctx->today;

			if ((st = sug_extend(im->db, im->ctx, num, r->due,
			    _("台账办理期限"), on)) != CMD_OK)
				return st;
			(*changes)++;
		} else if (strcmp(r->d_due, due) != 0) {
			/* An older ledger holds an earlier deadline. */
			int rc = sug_had_deadline(im->db, num, r->d_due);

			if (rc == -1)
				return CMD_FAIL;
			if (rc == 0) {
				refuse(_("%s: the file has %s, the database %s "
				    "(only a later deadline of a suggestion in "
				    "hand extends it)"), colname(im, L_DUE),
				    r->d_due, due[0] ? due : "-");
				return CMD_REFUSED;
			}
		}
	}
	return CMD_OK;
}

/* Remembers the numbers seen in this file, to refuse one given twice. */
static enum cmd_status
seen(struct imp *im, const char *number)
{
	struct stmt *s;
	int rc;

	s = db_stmt(im->db, "INSERT INTO temp.import_seen(number, line)"
	    " VALUES (:number, :line) ON CONFLICT DO NOTHING");
	st_text(s, ":number", number);
	st_int(s, ":line", im->line);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	if (db_changes(im->db) == 1)
		return CMD_OK;
	s = db_stmt(im->db, "SELECT line FROM temp.import_seen"
	    " WHERE number = :number");
	st_text(s, ":number", number);
	if ((rc = st_step(s)) != 1)
		return CMD_FAIL;
	refuse(_("%s: '%s' appears twice in the file (line %lld)"),
	    colname(im, L_NUMBER), number, st_colint(s, 0));
	return CMD_REFUSED;
}

static enum cmd_status enter_suggestion(struct imp *, struct lrow *);

static enum cmd_status
row_suggestion(struct imp *im)
{
	struct lrow r;
	enum cmd_status st;

	memset(&r, 0, sizeof r);
	st = enter_suggestion(im, &r);
	csv_list_free(r.cos, r.ncos);
	csv_list_free(r.co, r.nco);
	csv_list_free(r.contacts, r.ncontacts);
	free(r.contact);
	return st;
}

static enum cmd_status
enter_suggestion(struct imp *im, struct lrow *r)
{
	struct held h;
	cJSON *j = NULL;
	enum cmd_status st;
	int exists, changes = 0;
	char day[11];

	if (check_row(im, r) == -1)
		return CMD_REFUSED;
	if ((st = seen(im, r->v[L_NUMBER])) != CMD_OK)
		return st;
	if ((exists = sug_exists(im->db, r->v[L_NUMBER])) == -1)
		return CMD_FAIL;
	if ((st = ensure_names(im, r)) != CMD_OK)
		return st;
	if (!exists) {
		struct sug_new n = { 0 };

		n.number = r->v[L_NUMBER];
		n.title = r->v[L_TITLE];
		n.content = r->v[L_CONTENT];
		n.station = r->v[L_STATION];
		n.source = r->source;
		n.received = r->received;
		n.category = r->v[L_CATEGORY];
		n.submitter = r->v[L_SUBMITTER];
		n.phone = r->v[L_PHONE];
		n.deputy = r->v[L_LEAD];
		n.cosigners = (const char **)r->cos;
		n.ncosigners = r->ncos;
		n.note = r->v[L_NOTE];
		if ((st = sug_add(im->db, im->ctx, &n, NULL)) != CMD_OK)
			return st;
		held_from(NULL, &h);
		if ((st = stages(im, r, &h, &changes)) == CMD_OK)
			im->added++;
		return st;
	}
	date_iso(im->ctx->today, day);
	if ((st = sug_show(im->db, r->v[L_NUMBER], day, &j)) != CMD_OK)
		return st;
	held_from(j, &h);
	st = registration(im, r, j, &changes);
	if (st == CMD_OK)
		st = stages(im, r, &h, &changes);
	cJSON_Delete(j);
	if (st == CMD_OK) {
		if (changes > 0)
			im->updated++;
		else
			im->unchanged++;
	}
	return st;
}

/* The id cell of a reception or activity: 0 when empty; -1 when bad. */
static int
check_id(struct imp *im, int c, const char *v, long long *id)
{
	long n;

	*id = 0;
	if (v == NULL)
		return 0;
	if (arg_count(colname(im, c), v, &n) == -1)
		return -1;
	if (n == 0) {
		refuse(_("%s: invalid id '%s'"), colname(im, c), v);
		return -1;
	}
	*id = n;
	return 0;
}

/* What an imported reception or activity does: matched (unchanged), a
 * conflict (refused unless --update, which updates), or added. */
static enum cmd_status
settle(struct imp *im, long long found, int same, long long id, int idcol,
    enum cmd_status (*update)(struct imp *, const void *),
    enum cmd_status (*add)(struct imp *, const void *), const void *row)
{
	enum cmd_status st;

	if (found == -1)
		return CMD_FAIL;
	if (found > 0 && same) {
		im->unchanged++;
		return CMD_OK;
	}
	if (found > 0) {
		if (!im->o->update) {
			refuse(_("%s: row %lld of the database differs "
			    "(--update takes the file's)"), colname(im, idcol),
			    id);
			return CMD_REFUSED;
		}
		if ((st = update(im, row)) == CMD_OK)
			im->updated++;
		return st;
	}
	if ((st = add(im, row)) == CMD_OK)
		im->added++;
	return st;
}

static enum cmd_status
reception_upd(struct imp *im, const void *r)
{
	return reception_update(im->db, im->ctx, r);
}

static enum cmd_status
reception_new(struct imp *im, const void *r)
{
	enum cmd_status st = reception_add(im->db, im->ctx, r);

	return st == CMD_OK ? import_mark_last(im->db, 0) : st;
}

static enum cmd_status
activity_upd(struct imp *im, const void *a)
{
	return activity_update(im->db, im->ctx, a);
}

static enum cmd_status
activity_new(struct imp *im, const void *a)
{
	enum cmd_status st = activity_add(im->db, im->ctx, a);

	return st == CMD_OK ? import_mark_last(im->db, 1) : st;
}

static enum cmd_status
row_reception(struct imp *im)
{
	struct reception_new r = { 0 };
	const char *v[R_NCOLS];
	char **names = NULL, iso[11];
	size_t n = 0, i;
	enum cmd_status st = CMD_REFUSED;
	long long found;
	int c, same;

	for (c = 0; c < R_NCOLS; c++)
		v[c] = cell(im, c);
	if (check_id(im, R_ID, v[R_ID], &r.id) == -1 ||
	    check_date(im, R_DATE, v[R_DATE], &r.date, iso) == -1 ||
	    check_text(im, R_DATE, v[R_DATE], TEXT_REQUIRED, 32) == -1 ||
	    check_text(im, R_STATION, v[R_STATION], TEXT_REQUIRED,
	    MAX_NAME) == -1 ||
	    check_text(im, R_NOTE, v[R_NOTE], 0, MAX_TITLE) == -1)
		return CMD_REFUSED;
	if (v[R_VISITORS] == NULL ||
	    arg_count(colname(im, R_VISITORS), v[R_VISITORS],
	    &r.visitors) == -1)
		return CMD_REFUSED;
	if (check_list(im, R_DEPUTIES, v[R_DEPUTIES], &names, &n) == -1)
		goto out;
	r.deputies = (const char **)names;
	r.ndeputies = (int)n;
	r.station = v[R_STATION];
	r.note = v[R_NOTE];
	if ((st = ensure(im, REG_STATION, r.station, R_STATION)) != CMD_OK)
		goto out;
	for (i = 0; i < n; i++)
		if ((st = ensure(im, REG_DEPUTY, names[i], R_DEPUTIES)) !=
		    CMD_OK)
			goto out;
	found = reception_match(im->db, &r, &same);
	st = settle(im, found, same, r.id, R_ID, reception_upd, reception_new,
	    &r);
out:
	csv_list_free(names, n);
	return st;
}

static enum cmd_status
row_activity(struct imp *im)
{
	struct activity_new a = { .participants = -1 };
	const char *v[A_NCOLS];
	char iso[11];
	long long found;
	int c, same;

	for (c = 0; c < A_NCOLS; c++)
		v[c] = cell(im, c);
	if (check_id(im, A_ID, v[A_ID], &a.id) == -1 ||
	    check_text(im, A_DATE, v[A_DATE], TEXT_REQUIRED, 32) == -1 ||
	    check_date(im, A_DATE, v[A_DATE], &a.date, iso) == -1 ||
	    check_text(im, A_KIND, v[A_KIND], TEXT_REQUIRED, 32) == -1 ||
	    check_vocab(im, A_KIND, vocab_kind, v[A_KIND], &a.kind) == -1 ||
	    check_text(im, A_TITLE, v[A_TITLE], TEXT_REQUIRED,
	    MAX_TITLE) == -1)
		return CMD_REFUSED;
	if (v[A_PARTICIPANTS] != NULL &&
	    arg_count(colname(im, A_PARTICIPANTS), v[A_PARTICIPANTS],
	    &a.participants) == -1)
		return CMD_REFUSED;
	a.title = v[A_TITLE];
	found = activity_match(im->db, &a, &same);
	return settle(im, found, same, a.id, A_ID, activity_upd, activity_new,
	    &a);
}

/* Stations, departments and deputies: new names are added, known ones
 * compared field by field. */
static enum cmd_status
row_registry(struct imp *im, enum reg_kind k)
{
	const char *v[P_NCOLS];
	char held[P_NCOLS][256];
	const char *level = NULL;
	enum cmd_status st, worst = CMD_OK;
	int c, rc, changes = 0, ncols = im->o->table->ncols;

	for (c = 0; c < ncols; c++)
		v[c] = cell(im, c);
	if (check_text(im, 0, v[0], TEXT_REQUIRED, MAX_NAME) == -1)
		return CMD_REFUSED;
	for (c = 1; c < ncols; c++)
		if (check_text(im, c, v[c], 0, MAX_NAME) == -1)
			return CMD_REFUSED;
	if (k == REG_DEPUTY) {
		if (check_vocab(im, P_LEVEL, vocab_level, v[P_LEVEL],
		    &level) == -1 ||
		    check_phone(im, P_PHONE, v[P_PHONE]) == -1)
			return CMD_REFUSED;
		v[P_LEVEL] = level;
		if (v[P_STATION] != NULL && (st = ensure(im, REG_STATION,
		    v[P_STATION], P_STATION)) != CMD_OK)
			return st;
	}
	if ((rc = reg_exists(im->db, k, v[0])) == -1)
		return CMD_FAIL;
	if (rc == 0) {
		if (k == REG_STATION)
			st = station_add(im->db, im->ctx, v[0], v[S_VILLAGE]);
		else if (k == REG_DEPT)
			st = dept_add(im->db, im->ctx, v[0]);
		else {
			struct deputy_new d = { v[0], v[P_LEVEL],
			    v[P_STATION], v[P_PHONE] };

			st = deputy_add(im->db, im->ctx, &d);
		}
		if (st == CMD_OK)
			im->added++;
		return st;
	}
	if ((st = reg_info(im->db, k, v[0], held)) != CMD_OK)
		return st;
	for (c = 1; c < ncols; c++) {
		if (v[c] == NULL || same(v[c], held[c]))
			continue;
		if (held[c][0] != '\0' && !im->o->update) {
			worst = conflict(im, c, v[c], held[c]);
			continue;
		}
		if ((st = reg_set(im->db, im->ctx, k, v[0], c, v[c])) !=
		    CMD_OK)
			return st;
		changes++;
	}
	if (worst == CMD_OK) {
		if (changes)
			im->updated++;
		else
			im->unchanged++;
	}
	return worst;
}

/* The column a field of the file is, for messages. */
static const char *
field_name(struct imp *im, size_t i)
{
	int c;

	for (c = 0; c < im->o->table->ncols; c++)
		if (im->map[c] == (int)i)
			return colname(im, c);
	return "?";
}

static void
free_cells(struct imp *im)
{
	size_t i;

	for (i = 0; i < im->ncells; i++)
		free(im->cells[i]);
	free(im->cells);
	im->cells = NULL;
	im->ncells = 0;
}

/* The headers that a table knows, for the refusal of an unknown one: in
 * English for an English header, else in Chinese. */
static char *
known_headers(const struct csv_table *t, int english)
{
	char *s = NULL;
	int c;

	for (c = 0; c < t->ncols; c++)
		text_append(&s, english ? ", " : "、",
		    english ? t->cols[c].en : t->cols[c].zh);
	for (c = 0; t->ignored != NULL && t->ignored[c] != NULL; c++)
		if ((t->ignored[c][0] & 0x80) == (english ? 0 : 0x80))
			text_append(&s, english ? ", " : "、", t->ignored[c]);
	return s;
}

/*
 * Maps the header row onto the table's columns (im->map, by field index).
 * 序号 is read past; an unknown header is refused, or skipped and listed
 * under --skip-unknown-columns. Returns -1 after a message.
 */
static int
on_header(struct imp *im, char **f, const size_t *lens, size_t n)
{
	const struct csv_table *t = im->o->table;
	char *keep[CSV_MAXCOLS], *name, *shown, *msg;
	size_t idx[CSV_MAXCOLS], nkeep = 0, i;
	int c, map[CSV_MAXCOLS];

	for (i = 0; i < n; i++) {
		name = text_norm(f[i], lens[i], NULL);
		c = csv_column_find(t, name);
		if (c == -1) {
			const unsigned char *p;
			int english;
			char *list;

			shown = text_visible(name);
			if (im->o->skip_unknown) {
				text_append(&im->skipped, "、", shown);
				free(shown);
				free(name);
				continue;
			}
			/* English when the header has a Latin letter. */
			for (p = (const unsigned char *)name, english = 0;
			    *p != '\0'; p++)
				if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
					english = 1;
			list = known_headers(t, english);
			refuse(_("unknown header '%s' (known: %s); "
			    "--skip-unknown-columns imports the other "
			    "columns"), shown, list);
			free(list);
			free(shown);
			free(name);
			return -1;
		}
		free(name);
		if (c == -2)
			continue;
		keep[nkeep] = f[i];
		idx[nkeep++] = i;
	}
	if (csv_map_header(t, keep, nkeep, map, &msg) == -1) {
		refuse("%s", msg);
		free(msg);
		return -1;
	}
	for (c = 0; c < t->ncols; c++)
		if ((im->map[c] = map[c] >= 0 ? (int)idx[map[c]] : -1) >= 0)
			im->used[im->map[c]] = 1;
	return 0;
}

/* Whether field i of a row is read: a field of 序号, or of a column
 * skipped, is not (nor checked), but one past the header is. */
static int
used(const struct imp *im, size_t i)
{
	return i >= im->nhead || im->used[i];
}

/* One record of the file: the header, or a row. */
static int
on_row(struct imp *im, long line, char **f, const size_t *lens, size_t n)
{
	const struct csv_table *t = im->o->table;
	enum cmd_status st;
	size_t i;
	int c, blank;

	im->line = line;
	msg_wheref("%s:%ld", im->path, line);
	/* A NUL byte is a control character, never the end of the text. */
	for (i = 0; i < n; i++)
		if ((!im->have_header || used(im, i)) &&
		    memchr(f[i], '\0', lens[i]) != NULL)
			break;
	if (i < n && !im->have_header) {
		refuse(_("header %zu has a control character"), i + 1);
		im->bad++;
		return -1;
	}
	if (!im->have_header) {
		if (n > CSV_MAXCOLS || on_header(im, f, lens, n) == -1) {
			if (n > CSV_MAXCOLS)
				refuse("%s", _("too many columns"));
			im->bad++;
			return -1;
		}
		for (c = 0; c < t->ncols; c++)
			if (im->map[c] >= 0)
				im->head[c] = text_norm(f[im->map[c]],
				    lens[im->map[c]], NULL);
		im->nhead = n;
		im->have_header = 1;
		return 0;
	}
	if (i < n) {
		im->rows++;
		refuse(_("%s: has a control character"), field_name(im, i));
		im->bad++;
		return 0;
	}
	/* Every name and text enters normalised, as on the command line, and
	 * without the apostrophe that export puts before a formula. */
	free_cells(im);
	if ((im->cells = calloc(n, sizeof *im->cells)) == NULL)
		xnomem();
	for (i = 0, blank = 1; i < n; i++) {
		im->cells[i] = csv_unmark(text_norm(f[i], lens[i], NULL));
		im->ncells++;
		if (im->cells[i][0] != '\0' && used(im, i))
			blank = 0;
	}
	/* Excel's trailing rows of only separators, or of only a 序号 (a
	 * sheet numbered in advance): skipped, and counted. */
	if (blank) {
		im->blank++;
		return 0;
	}
	im->rows++;
	if (n != im->nhead) {
		refuse(ngettext("expected %zu field, found %zu",
		    "expected %zu fields, found %zu", im->nhead), im->nhead, n);
		im->bad++;
		return 0;
	}
	if (strcmp(t->name, "suggestions") == 0)
		st = row_suggestion(im);
	else if (strcmp(t->name, "receptions") == 0)
		st = row_reception(im);
	else if (strcmp(t->name, "activities") == 0)
		st = row_activity(im);
	else
		st = row_registry(im, strcmp(t->name, "stations") == 0 ?
		    REG_STATION : strcmp(t->name, "departments") == 0 ?
		    REG_DEPT : REG_DEPUTY);
	if (st == CMD_REFUSED)
		im->bad++;
	else if (st == CMD_FAIL) {
		im->fail = CMD_FAIL;
		return -1;
	}
	return 0;
}

/*
 * The progress line on a terminal ("\rimporting: 1000 rows") stays open
 * between updates. A message printed meanwhile through warn(3) or err(3),
 * from any module (a refused row, a CSV or a database error), must begin
 * a line of its own: while the line is open, the program name that they
 * print first is preceded by a newline.
 */
static char *plain_name;

static void
progress_show(long rows)
{
	static char *nl_name;

	if (nl_name == NULL && asprintf(&nl_name, "\n%s",
	    program_invocation_short_name) == -1)
		xnomem();
	fputc('\r', stderr);
	fprintf(stderr, ngettext("importing: %ld row", "importing: %ld rows",
	    rows), rows);
	if (plain_name == NULL) {
		plain_name = program_invocation_short_name;
		program_invocation_short_name = nl_name;
	}
}

/* The line is over: ended by a message, or by a newline when end is set. */
static void
progress_closed(int end)
{
	if (plain_name == NULL)
		return;
	if (end)
		fputc('\n', stderr);
	program_invocation_short_name = plain_name;
	plain_name = NULL;
}

static int
on_record(void *arg, long line, char **f, const size_t *lens, size_t n)
{
	struct imp *im = arg;
	long rows = im->rows, bad = im->bad;
	int rc;

	rc = on_row(im, line, f, lens, n);
	if (im->bad != bad || im->fail != CMD_OK)
		progress_closed(0);
	else if (im->o->progress && im->rows != rows && im->rows % 1000 == 0)
		progress_show(im->rows);
	return rc;
}

/* "new deputies: A、B、C": the first ten, then how many more, unless
 * all. */
static void
print_names(FILE *out, const char *what, const struct newnames *n, int all)
{
	size_t i;

	if (n->len == 0)
		return;
	fprintf(out, "%s", what);
	for (i = 0; i < n->len && (all || i < NAMES_SHOWN); i++)
		fprintf(out, "%s%s", i ? "、" : "", n->v[i]);
	if (i < n->len)
		fprintf(out, _(" … and %zu more"), n->len - i);
	fputc('\n', out);
}

static void
free_names(struct newnames *n)
{
	size_t i;

	for (i = 0; i < n->len; i++)
		free(n->v[i]);
	free(n->v);
}

enum cmd_status
import_file(struct db *db, const struct cmd_ctx *ctx,
    const struct import_opts *o, FILE *out)
{
	struct imp im;
	enum csv_enc used = ENC_UTF8;
	enum cmd_status st = CMD_OK;
	char buf[16];
	int rc, k;

	memset(&im, 0, sizeof im);
	im.db = db;
	im.ctx = ctx;
	im.o = o;
	im.path = strcmp(o->path, "-") == 0 ? _("standard input") : o->path;
	date_iso(ctx->today, im.today);
	im.rehandle_months = config_get(db, "rehandle_months", buf,
	    sizeof buf) == 0 ? atoi(buf) : 1;
	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS import_seen"
	    " (number TEXT PRIMARY KEY, line INTEGER) WITHOUT ROWID;"
	    " DELETE FROM temp.import_seen;"
	    " CREATE TEMP TABLE IF NOT EXISTS import_matched"
	    " (tbl TEXT, id INTEGER, PRIMARY KEY (tbl, id)) WITHOUT ROWID;"
	    " DELETE FROM temp.import_matched") == -1)
		return CMD_FAIL;
	rc = csv_read(o->path, o->enc, on_record, &im, &used);
	/* A CSV or database error has ended the line. */
	progress_closed(rc != -1 && im.fail == CMD_OK);
	msg_where(NULL);
	if (im.fail != CMD_OK)
		st = im.fail;
	else if (rc == -1 || (im.bad > 0 && !im.have_header))
		st = CMD_REFUSED;
	else if (!im.have_header) {
		refuse(_("%s: empty file; expected a header row"), im.path);
		st = CMD_REFUSED;
	} else if (im.bad > 0) {
		refuse(ngettext("%s: %ld bad row; nothing imported",
		    "%s: %ld bad rows; nothing imported", im.bad), im.path,
		    im.bad);
		st = CMD_REFUSED;
	}
	if (st == CMD_OK) {
		char *path = text_escape(im.path, 0);

		fprintf(out, ngettext("%s%s (%s): %ld row: %ld added, "
		    "%ld updated, %ld unchanged", "%s%s (%s): %ld rows: "
		    "%ld added, %ld updated, %ld unchanged", im.rows),
		    o->dry_run ? _("dry run, nothing "
		    "written: ") : "", path, used == ENC_GB18030 ?
		    "GB18030" : "UTF-8", im.rows, im.added, im.updated,
		    im.unchanged);
		if (im.blank > 0)
			fprintf(out, ngettext("; %ld blank row skipped",
			    "; %ld blank rows skipped", im.blank), im.blank);
		fputc('\n', out);
		free(path);
		if (im.skipped != NULL) {
			char *shown = text_escape(im.skipped, 0);

			fprintf(out, _("columns skipped: %s\n"), shown);
			free(shown);
		}
		print_names(out, _("new stations: "), &im.created[REG_STATION],
		    o->verbose);
		print_names(out, _("new departments: "), &im.created[REG_DEPT],
		    o->verbose);
		print_names(out, _("new deputies: "), &im.created[REG_DEPUTY],
		    o->verbose);
	}
	for (k = 0; k < 3; k++) {
		free_names(&im.created[k]);
		free_names(&im.known[k]);
	}
	free(im.skipped);
	for (k = 0; k < CSV_MAXCOLS; k++)
		free(im.head[k]);
	free_cells(&im);
	return st;
}

/* Export. */

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

static int
export_ledger_row(void *arg, const char *const *cols)
{
	struct exp *e = arg;
	const char *row[L_NCOLS];
	char *name = NULL, *phone = NULL, *contacts_zh = NULL;
	int c, i;

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
	if (!e->o->personal_data) {
		if (row[L_SUBMITTER] != NULL)
			row[L_SUBMITTER] = name = mask_name(row[L_SUBMITTER]);
		if (row[L_PHONE] != NULL)
			row[L_PHONE] = phone = mask_phone(row[L_PHONE]);
	}
	csv_record(e->out, row, L_NCOLS);
	free(name);
	free(phone);
	free(contacts_zh);
	return ferror(e->out) ? -1 : 0;
}

/* The rows of receptions and activities, read as text. */
static const struct col export_cols[CSV_MAXCOLS] = {
	{ "", "", COL_STR, NULL }, { "", "", COL_STR, NULL },
	{ "", "", COL_STR, NULL }, { "", "", COL_STR, NULL },
	{ "", "", COL_STR, NULL }, { "", "", COL_STR, NULL },
};

enum cmd_status
export_file(struct db *db, const struct export_opts *o, FILE *out)
{
	const struct csv_table *t = o->table;
	const char *head[CSV_MAXCOLS];
	struct exp e = { o, out };
	struct table tab;
	enum cmd_status st;
	size_t r;
	int c;

	fputs("\xef\xbb\xbf", out);
	for (c = 0; c < t->ncols; c++)
		head[c] = o->english ? t->cols[c].en : t->cols[c].zh;
	csv_record(out, head, t->ncols);
	if (strcmp(t->name, "suggestions") == 0)
		return sug_ledger(db, export_ledger_row, &e);
	if (strcmp(t->name, "receptions") == 0) {
		table_init(&tab, export_cols, R_NCOLS);
		st = reception_export(db, &tab);
	} else {
		table_init(&tab, export_cols, A_NCOLS);
		st = activity_export(db, &tab);
	}
	for (r = 0; st == CMD_OK && r < tab.nrows; r++) {
		const char *row[CSV_MAXCOLS];
		int i;

		for (c = 0; c < t->ncols; c++)
			row[c] = table_cell(&tab, r, c);
		if (!o->english && strcmp(t->name, "activities") == 0 &&
		    (i = vocab_find(vocab_kind, row[A_KIND])) >= 0)
			row[A_KIND] = vocab_kind[i].zh;
		csv_record(out, row, t->ncols);
	}
	table_free(&tab);
	return st;
}
