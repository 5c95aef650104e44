/*
 * report.c — reads what a rates report needs: the cohort of suggestions
 * received in the period, each as it stood on the as-of date (state from
 * the history, the deadline in force, the latest reply and rating), and
 * the receptions and activities dated in the period.
 *
 * The cohort is read in chunks of neighbouring ids: first the ids received
 * in the period (from the index on received_on), then for each chunk one
 * range scan of each table that holds a suggestion's history, merged here.
 * A report so reads a few index entries for each suggestion of its period,
 * whatever the size of the database. A monthly report reads the year to
 * date once and counts the month out of it.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ctx.h"
#include "msg.h"
#include "out.h"
#include "vocab.h"
#include "xmalloc.h"
#include "db.h"
#include "domain.h"
#include "report.h"
#include "text.h"
#include "workday.h"

#define CHUNK 4096 /* suggestions read together */

/* One suggestion of a chunk, as of the as-of date. For each table the
 * latest row (by its date, then id) on or before the as-of date. */
/* The latest row of a history table seen so far: by date, then id. */
struct latest {
	char      on[11];
	long long id;                    /* 0 when none */
};

/* An assignment by the as-of date, and what its department did. */
struct cpart {
	long long aid, dept;
	int       lead;
	char      assigned[11], ended[11], signed_on[11]; /* "": none */
	char      first_reply[11], last_reply[11], first_opinion[11];
};

/* A deadline set, for the one in force on the day of each reply. */
struct cdue {
	struct latest set;
	char          due[11];
};

struct crow {
	long long     id;
	struct latest st;                /* the latest event: */
	int           has_status;
	char          status[16];
	char          first_reply[11];   /* "" when none */
	struct latest rep;               /* the latest reply: */
	int           cls;
	struct latest rat;               /* the latest rating: */
	int           rating;
	int           rehandled;         /* an unsatisfied rating */
	struct latest due_set;           /* the deadline in force: */
	char          due[11];
	struct latest due_rep_set;       /* ... at the first reply: */
	char          due_rep[11];
	int           contacted;         /* before the first reply */
	char         *supervisor;        /* by the as-of date, or NULL */
	char          routed[11];        /* first routed, "" for not yet */
	struct cpart *parts;             /* the assignments, in the pool */
	size_t        part0, nparts;
	struct cdue  *dues;              /* every deadline set */
	size_t        ndues;
};

/* Names by id (stations, departments): few, read once a report. */
struct names {
	long long *id;
	char     **name;
	size_t     len;
};

/* The first number (in number order) at which each name of a tally's
 * breakdown appears: the breakdowns list names in that order. seen[i] is
 * the pointer name[i] was last found by, tried first for names that stay
 * put (those of struct names). */
struct firsts {
	char       **name, **first;
	const char **seen;
	size_t       len, cap;
};

/* A tally and the order of its breakdowns. */
struct sink {
	struct tally  *t;
	const char    *from; /* only suggestions received from this date */
	struct firsts  stations, categories, departments, routing;
};

/* Takes (day, id) into l if it is later than what l holds: 1 if so. */
static int
newer(struct latest *l, const char *day, long long id)
{
	int c;

	if (l->id != 0 && ((c = strcmp(day, l->on)) < 0 ||
	    (c == 0 && id <= l->id)))
		return 0;
	text_copy(l->on, sizeof l->on, day);
	l->id = id;
	return 1;
}

static enum cmd_status
names_load(struct db *db, const char *sql, struct names *n)
{
	struct stmt *s = db_stmt(db, sql);
	int rc;

	memset(n, 0, sizeof *n);
	while ((rc = st_step(s)) == 1) {
		n->id = xreallocarray(n->id, n->len + 1, sizeof *n->id);
		n->name = xreallocarray(n->name, n->len + 1, sizeof *n->name);
		n->id[n->len] = st_colint(s, 0);
		n->name[n->len++] = xstrdup(st_col(s, 1));
	}
	return rc == -1 ? CMD_FAIL : CMD_OK;
}

/* The name of id (ordered by id), or NULL. */
static const char *
names_get(const struct names *n, long long id)
{
	size_t lo = 0, hi = n->len, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (n->id[mid] == id)
			return n->name[mid];
		if (n->id[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void
names_free(struct names *n)
{
	size_t i;

	for (i = 0; i < n->len; i++)
		free(n->name[i]);
	free(n->id);
	free(n->name);
}

static void
firsts_see(struct firsts *f, const char *name, int stable,
    const char *number)
{
	size_t i = f->len;

	if (stable)
		for (i = 0; i < f->len; i++)
			if (f->seen[i] == name)
				break;
	if (i == f->len)
		for (i = 0; i < f->len; i++)
			if (strcmp(f->name[i], name) == 0)
				break;
	if (i == f->len) {
		if (f->len == f->cap) {
			f->cap = f->cap ? f->cap * 2 : 16;
			f->name = xreallocarray(f->name, f->cap,
			    sizeof *f->name);
			f->first = xreallocarray(f->first, f->cap,
			    sizeof *f->first);
			f->seen = xreallocarray(f->seen, f->cap,
			    sizeof *f->seen);
		}
		f->name[i] = xstrdup(name);
		f->first[i] = xstrdup(number);
		f->len++;
	} else if (strcmp(number, f->first[i]) < 0) {
		free(f->first[i]);
		f->first[i] = xstrdup(number);
	}
	f->seen[i] = name;
}

struct keyed {
	const char       *key;
	size_t            at;  /* its place before: ties keep it */
	struct rep_named  e;
};

static int
by_key(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : x->at < y->at ? -1 : x->at > y->at;
}

/* Puts the breakdown in the order of each name's first number, as if the
 * suggestions had been counted in number order. */
static void
firsts_apply(struct firsts *f, struct rep_list *l)
{
	struct keyed *k;
	size_t i, j;

	if (l->len < 2)
		return;
	k = xreallocarray(NULL, l->len, sizeof *k);
	for (i = 0; i < l->len; i++) {
		k[i].e = l->v[i];
		k[i].at = i;
		k[i].key = "";
		for (j = 0; j < f->len; j++)
			if (strcmp(f->name[j], l->v[i].name) == 0) {
				k[i].key = f->first[j];
				break;
			}
	}
	qsort(k, l->len, sizeof *k, by_key);
	for (i = 0; i < l->len; i++)
		l->v[i] = k[i].e;
	free(k);
	rep_list_reordered(l);
}

static void
firsts_free(struct firsts *f)
{
	size_t i;

	for (i = 0; i < f->len; i++) {
		free(f->name[i]);
		free(f->first[i]);
	}
	free(f->name);
	free(f->first);
	free(f->seen);
}

static void
sink_add(struct sink *k, const struct rep_row *r, const char *received)
{
	size_t i;

	if (k->t == NULL || strcmp(received, k->from) < 0)
		return;
	tally_add(k->t, r);
	firsts_see(&k->stations, r->station ? r->station : "", 1, r->number);
	firsts_see(&k->categories, r->category ? r->category : "", 0,
	    r->number);
	for (i = 0; i < r->nparts; i++) {
		if (r->parts[i].live && r->parts[i].lead)
			firsts_see(&k->departments, r->parts[i].dept, 1,
			    r->number);
		firsts_see(&k->routing, r->parts[i].dept, 1, r->number);
	}
}

static void
sink_finish(struct sink *k)
{
	if (k->t == NULL)
		return;
	firsts_apply(&k->stations, &k->t->stations);
	firsts_apply(&k->categories, &k->t->categories);
	firsts_apply(&k->departments, &k->t->departments);
	firsts_apply(&k->routing, &k->t->routing);
	tally_finish(k->t);
	firsts_free(&k->stations);
	firsts_free(&k->categories);
	firsts_free(&k->departments);
	firsts_free(&k->routing);
}

static int
by_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* Walks the rows of a chunk (ordered by id) along a statement's rows,
 * which come ordered by suggestion id too. */
struct cursor {
	struct crow *c;
	size_t       n, i;
};

/* The row of id, or NULL when id is not in the cohort. */
static struct crow *
crow_find(struct cursor *k, long long id)
{
	while (k->i < k->n && k->c[k->i].id < id)
		k->i++;
	return k->i < k->n && k->c[k->i].id == id ? &k->c[k->i] : NULL;
}

/* Binds the chunk's range and the as-of date, which every statement
 * below has, and sets the cursor at the chunk's start. */
static struct stmt *
chunk_stmt(struct db *db, const char *sql, struct cursor *k,
    const char *as_of)
{
	struct stmt *s = db_stmt(db, sql);

	st_int(s, ":lo", k->c[0].id);
	st_int(s, ":hi", k->c[k->n - 1].id);
	st_text(s, ":asof", as_of);
	k->i = 0;
	return s;
}

/* A reply of dept: the first and latest of a lead routed before it. */
static void
part_reply(struct crow *r, long long dept, const char *day)
{
	struct cpart *p;
	size_t i;

	for (i = 0; i < r->nparts; i++) {
		p = &r->parts[i];
		if (!p->lead || p->dept != dept || strcmp(day, p->assigned) < 0)
			continue;
		if (p->first_reply[0] == '\0' ||
		    strcmp(day, p->first_reply) < 0)
			text_copy(p->first_reply, sizeof p->first_reply, day);
		if (strcmp(day, p->last_reply) > 0)
			text_copy(p->last_reply, sizeof p->last_reply, day);
	}
}

/* An opinion of dept: the first of a co-handler routed before it. */
static void
part_opinion(struct crow *r, long long dept, const char *day)
{
	struct cpart *p;
	size_t i;

	for (i = 0; i < r->nparts; i++) {
		p = &r->parts[i];
		if (p->lead || p->dept != dept || strcmp(day, p->assigned) < 0)
			continue;
		if (p->first_opinion[0] == '\0' ||
		    strcmp(day, p->first_opinion) < 0)
			text_copy(p->first_opinion, sizeof p->first_opinion,
			    day);
	}
}

/* The deadline in force on day: the latest set on or before it. With one
 * part, the one in force at the suggestion's first reply. */
static const char *
due_on_day(const struct crow *r, const char *day)
{
	struct latest l = { "", 0 };
	const char *due = NULL;
	size_t i;

	if (r->ndues == 0)
		return r->due_rep_set.id != 0 ? r->due_rep : NULL;
	for (i = 0; i < r->ndues; i++)
		if (strcmp(r->dues[i].set.on, day) <= 0 &&
		    newer(&l, r->dues[i].set.on, r->dues[i].set.id))
			due = r->dues[i].due;
	return due;
}

/* With several lead departments live on the as-of date, the day the
 * last of them first replied ("" while one has not): the suggestion's
 * reply. NULL with one lead or none, whose reply is the suggestion's
 * first. */
static const char *
all_answered(const struct crow *r)
{
	const char *last = NULL;
	size_t i, leads = 0;

	for (i = 0; i < r->nparts; i++) {
		const struct cpart *p = &r->parts[i];

		if (!p->lead || p->ended[0] != '\0')
			continue;
		leads++;
		if (p->first_reply[0] == '\0')
			last = "";
		else if (last == NULL || (last[0] != '\0' &&
		    strcmp(p->first_reply, last) > 0))
			last = p->first_reply;
	}
	return leads > 1 ? last : NULL;
}

/* Puts a suggestion's parts (a few) in the order they were routed: the
 * index gives them by department. */
static void
parts_by_id(struct cpart *v, size_t n)
{
	struct cpart t;
	size_t i, j;

	for (i = 1; i < n; i++) {
		t = v[i];
		for (j = i; j > 0 && v[j - 1].aid > t.aid; j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
}

/* The parts of a chunk's suggestions, one array that grows. */
struct pool {
	struct cpart *v;
	size_t        n, cap;
};

/* Reads the history of the suggestions c[0..n) as of as_of. */
static enum cmd_status
chunk_history(struct db *db, struct crow *c, size_t n, const char *as_of,
    struct pool *pool)
{
	struct cursor k = { c, n, 0 };
	struct stmt *s;
	struct crow *r;
	const char *d;
	long long id;
	size_t i;
	int rc;

	/* The state: the latest event. */
	s = chunk_stmt(db, "SELECT suggestion_id, on_date, id, status"
	    " FROM event WHERE suggestion_id BETWEEN :lo AND :hi"
	    " AND on_date <= :asof ORDER BY suggestion_id", &k, as_of);
	while ((rc = st_step(s)) == 1) {
		if ((r = crow_find(&k, st_colint(s, 0))) == NULL)
			continue;
		if (newer(&r->st, st_col(s, 1), st_colint(s, 2))) {
			r->has_status = !st_colnull(s, 3);
			text_copy(r->status, sizeof r->status, st_col(s, 3));
		}
	}
	if (rc == -1)
		return CMD_FAIL;

	/* Every assignment by the as-of date, and the first routing. */
	s = chunk_stmt(db, "SELECT suggestion_id, department_id, role,"
	    " assigned_on, ended_on, signed_on, id FROM assignment"
	    " WHERE suggestion_id BETWEEN :lo AND :hi"
	    " AND assigned_on <= :asof ORDER BY suggestion_id", &k, as_of);
	pool->n = 0;
	while ((rc = st_step(s)) == 1) {
		struct cpart *p;

		if ((r = crow_find(&k, st_colint(s, 0))) == NULL)
			continue;
		/* A suggestion's rows come together: its parts are a run of
		 * the pool. */
		if (pool->n == pool->cap) {
			pool->cap = pool->cap ? pool->cap * 2 : 1024;
			pool->v = xreallocarray(pool->v, pool->cap,
			    sizeof *pool->v);
		}
		if (r->nparts++ == 0)
			r->part0 = pool->n;
		p = &pool->v[pool->n++];
		memset(p, 0, sizeof *p);
		p->aid = st_colint(s, 6);
		p->dept = st_colint(s, 1);
		p->lead = strcmp(st_col(s, 2), "lead") == 0;
		d = st_col(s, 3);
		text_copy(p->assigned, sizeof p->assigned, d);
		if (r->routed[0] == '\0' || strcmp(d, r->routed) < 0)
			text_copy(r->routed, sizeof r->routed, d);
		if (!st_colnull(s, 4) && strcmp(st_col(s, 4), as_of) <= 0)
			text_copy(p->ended, sizeof p->ended, st_col(s, 4));
		if (!st_colnull(s, 5) && strcmp(st_col(s, 5), as_of) <= 0)
			text_copy(p->signed_on, sizeof p->signed_on,
			    st_col(s, 5));
	}
	if (rc == -1)
		return CMD_FAIL;
	for (i = 0; i < n; i++) {
		c[i].parts = c[i].nparts > 0 ? pool->v + c[i].part0 : NULL;
		parts_by_id(c[i].parts, c[i].nparts);
	}

	/* The first reply and the latest one's class; and each lead's
	 * replies since it was routed. */
	s = chunk_stmt(db, "SELECT suggestion_id, replied_on, id, class,"
	    " department_id FROM reply WHERE suggestion_id BETWEEN :lo AND :hi"
	    " AND replied_on <= :asof ORDER BY suggestion_id", &k, as_of);
	while ((rc = st_step(s)) == 1) {
		if ((r = crow_find(&k, st_colint(s, 0))) == NULL)
			continue;
		d = st_col(s, 1);
		id = st_colint(s, 2);
		if (r->first_reply[0] == '\0' || strcmp(d, r->first_reply) < 0)
			text_copy(r->first_reply, sizeof r->first_reply, d);
		if (newer(&r->rep, d, id))
			r->cls = st_colnull(s, 3) ? -1 :
			    vocab_find(vocab_class, st_col(s, 3));
		part_reply(r, st_colint(s, 4), d);
	}
	if (rc == -1)
		return CMD_FAIL;

	/* A co-handler's first opinion. */
	s = chunk_stmt(db, "SELECT suggestion_id, department_id, sent_on"
	    " FROM opinion WHERE suggestion_id BETWEEN :lo AND :hi"
	    " AND sent_on <= :asof ORDER BY suggestion_id", &k, as_of);
	while ((rc = st_step(s)) == 1) {
		if ((r = crow_find(&k, st_colint(s, 0))) == NULL)
			continue;
		part_opinion(r, st_colint(s, 1), st_col(s, 2));
	}
	if (rc == -1)
		return CMD_FAIL;

	/* The latest rating, and whether one was unsatisfied. */
	s = chunk_stmt(db, "SELECT suggestion_id, rated_on, id, rating"
	    " FROM rating WHERE suggestion_id BETWEEN :lo AND :hi"
	    " AND rated_on <= :asof ORDER BY suggestion_id", &k, as_of);
	while ((rc = st_step(s)) == 1) {
		if ((r = crow_find(&k, st_colint(s, 0))) == NULL)
			continue;
		if (!st_colnull(s, 3) &&
		    strcmp(st_col(s, 3), "unsatisfied") == 0)
			r->rehandled = 1;
		if (newer(&r->rat, st_col(s, 1), st_colint(s, 2)))
			r->rating = st_colnull(s, 3) ? -1 :
			    vocab_find(vocab_rating, st_col(s, 3));
	}
	if (rc == -1)
		return CMD_FAIL;

	/* The deadline in force, and the one in force at the first reply. */
	s = chunk_stmt(db, "SELECT suggestion_id, set_on, id, due_on"
	    " FROM deadline WHERE suggestion_id BETWEEN :lo AND :hi"
	    " AND set_on <= :asof ORDER BY suggestion_id", &k, as_of);
	while ((rc = st_step(s)) == 1) {
		if ((r = crow_find(&k, st_colint(s, 0))) == NULL)
			continue;
		d = st_col(s, 1);
		id = st_colint(s, 2);
		if (newer(&r->due_set, d, id))
			text_copy(r->due, sizeof r->due, st_col(s, 3));
		if (r->nparts > 1) {
			r->dues = xreallocarray(r->dues, r->ndues + 1,
			    sizeof *r->dues);
			r->dues[r->ndues].set.id = id;
			text_copy(r->dues[r->ndues].set.on,
			    sizeof r->dues[r->ndues].set.on, d);
			text_copy(r->dues[r->ndues++].due,
			    sizeof r->dues[0].due, st_col(s, 3));
		}
		if (r->first_reply[0] != '\0' &&
		    strcmp(d, r->first_reply) <= 0 &&
		    newer(&r->due_rep_set, d, id))
			text_copy(r->due_rep, sizeof r->due_rep, st_col(s, 3));
	}
	if (rc == -1)
		return CMD_FAIL;

	/* A contact before the first reply. */
	s = chunk_stmt(db, "SELECT suggestion_id, contacted_on FROM contact"
	    " WHERE suggestion_id BETWEEN :lo AND :hi"
	    " AND contacted_on <= :asof ORDER BY suggestion_id", &k, as_of);
	while ((rc = st_step(s)) == 1) {
		if ((r = crow_find(&k, st_colint(s, 0))) == NULL)
			continue;
		if (r->first_reply[0] != '\0' &&
		    strcmp(st_col(s, 1), r->first_reply) <= 0)
			r->contacted = 1;
	}
	if (rc == -1)
		return CMD_FAIL;

	/* Key supervision, from its day on. */
	s = chunk_stmt(db, "SELECT suggestion_id, leader FROM supervision"
	    " WHERE suggestion_id BETWEEN :lo AND :hi"
	    " AND since <= :asof ORDER BY suggestion_id", &k, as_of);
	while ((rc = st_step(s)) == 1)
		if ((r = crow_find(&k, st_colint(s, 0))) != NULL)
			r->supervisor = xstrdup(st_col(s, 1));
	return rc == -1 ? CMD_FAIL : CMD_OK;
}

/* Counts the suggestions of a chunk, in id order, into the sinks. */
static enum cmd_status
chunk_count(struct db *db, struct crow *c, size_t n, const char *from,
    const char *to, const char *as_of, const struct names *stations,
    const struct names *depts, struct part_limits *lim,
    struct sink *sinks, int nsinks)
{
	struct cursor cur = { c, n, 0 };
	struct stmt *s;
	struct rep_row r;
	struct asof_in in;
	struct crow *x;
	struct rep_part *parts = NULL;
	const char *received, *all;
	long long first = 0;
	size_t nparts = 0, i;
	int rc, k;

	s = db_stmt(db, "SELECT id, number, title, source, category,"
	    " station_id, received_on, merged_into IS NOT NULL, recurring"
	    " FROM suggestion"
	    " WHERE id BETWEEN :lo AND :hi"
	    " AND received_on BETWEEN :from AND :to"
	    " AND received_on <= :asof ORDER BY id");
	st_int(s, ":lo", c[0].id);
	st_int(s, ":hi", c[n - 1].id);
	st_text(s, ":from", from);
	st_text(s, ":to", to);
	st_text(s, ":asof", as_of);
	while ((rc = st_step(s)) == 1) {
		if ((x = crow_find(&cur, st_colint(s, 0))) == NULL)
			continue;
		/* Not yet registered, or withdrawn, on the as-of date. */
		if (!x->has_status || strcmp(x->status, "withdrawn") == 0)
			continue;
		memset(&r, 0, sizeof r);
		r.number = (char *)st_col(s, 1);
		r.title = (char *)st_col(s, 2);
		r.source = vocab_find(vocab_source, st_col(s, 3));
		r.category = (char *)st_col(s, 4);
		r.station = st_colnull(s, 5) ? NULL :
		    (char *)names_get(stations, st_colint(s, 5));
		received = st_col(s, 6);
		in.status = vocab_find(vocab_status, x->status);
		in.first_reply = x->first_reply[0] != '\0' ?
		    x->first_reply : NULL;
		in.due = x->due_set.id != 0 ? x->due : NULL;
		in.due_at_reply = x->due_rep_set.id != 0 ? x->due_rep : NULL;
		/* Several leads (分办): replied when the last has. */
		if ((all = all_answered(x)) != NULL) {
			in.first_reply = all[0] != '\0' ? all : NULL;
			in.due_at_reply = in.first_reply != NULL ?
			    due_on_day(x, in.first_reply) : NULL;
		}
		in.cls = x->rep.id != 0 ? x->cls : -1;
		in.rating = x->rat.id != 0 ? x->rating : -1;
		asof_state(&in, as_of, &r);
		r.contacted = x->contacted;
		r.merged = st_colint(s, 7) != 0;
		r.recurring = st_colint(s, 8) != 0;
		r.routed = x->routed[0] != '\0';
		r.routed_on_time = asof_routed_on_time(received,
		    r.routed ? x->routed : NULL, lim);
		if (x->nparts > nparts) {
			parts = xreallocarray(parts, x->nparts,
			    sizeof *parts);
			nparts = x->nparts;
		}
		r.parts = parts;
		r.nparts = x->nparts;
		r.dept = NULL;
		for (i = 0; i < x->nparts; i++) {
			const struct cpart *q = &x->parts[i];
			struct part_in pi;

			pi.lead = q->lead;
			pi.assigned_on = q->assigned;
			pi.ended_on = q->ended[0] != '\0' ? q->ended : NULL;
			pi.signed_on = q->signed_on[0] != '\0' ?
			    q->signed_on : NULL;
			pi.first_reply = q->first_reply[0] != '\0' ?
			    q->first_reply : NULL;
			pi.due_at_reply = pi.first_reply != NULL ?
			    due_on_day(x, pi.first_reply) : NULL;
			pi.last_reply = q->last_reply[0] != '\0' ?
			    q->last_reply : NULL;
			pi.since_rating = x->rat.id != 0 ? x->rat.on : NULL;
			pi.first_opinion = q->first_opinion[0] != '\0' ?
			    q->first_opinion : NULL;
			asof_part(&pi, lim, as_of, &parts[i]);
			parts[i].dept = names_get(depts, q->dept);
			if (parts[i].dept == NULL)
				parts[i].dept = "";
			/* The overdue list names the first lead routed. */
			if (parts[i].lead && parts[i].live &&
			    (r.dept == NULL || q->aid < first)) {
				r.dept = (char *)parts[i].dept;
				first = q->aid;
			}
		}
		r.rehandled = x->rehandled;
		r.supervisor = x->supervisor;
		for (k = 0; k < nsinks; k++)
			sink_add(&sinks[k], &r, received);
	}
	free(parts);
	return rc == -1 ? CMD_FAIL : CMD_OK;
}

/*
 * Reads the suggestions received in [from, to] and by as_of, not withdrawn
 * by as_of, each as it stood on as_of, into t; and when sub is set, those
 * received from sub_from on also into sub.
 */
static enum cmd_status
load_cohort(struct db *db, struct tally *t, const char *from,
    const char *to, const char *as_of, struct tally *sub,
    const char *sub_from)
{
	struct sink sinks[2];
	struct names stations, depts;
	struct calendar cal;
	struct part_limits lim;
	struct pool pool = { NULL, 0, 0 };
	struct stmt *s;
	struct date asof;
	struct crow *c = NULL;
	long long *ids = NULL;
	size_t nids = 0, cap = 0, i, j, k, n;
	enum cmd_status st;
	int rc;

	if (date_parse(as_of, 0, &asof) == -1)
		return CMD_FAIL;
	memset(sinks, 0, sizeof sinks);
	tally_init(t);
	sinks[0].t = t;
	sinks[0].from = from;
	if (sub != NULL) {
		tally_init(sub);
		sinks[1].t = sub;
		sinks[1].from = sub_from;
	}
	if ((st = names_load(db, "SELECT id, name FROM station ORDER BY id",
	    &stations)) != CMD_OK)
		return st;
	if ((st = names_load(db, "SELECT id, name FROM department"
	    " ORDER BY id", &depts)) != CMD_OK) {
		names_free(&stations);
		return st;
	}
	/* The limits in working days and months (the settings). */
	if ((st = cal_load(db, &cal)) != CMD_OK) {
		names_free(&stations);
		names_free(&depts);
		return st;
	}
	memset(&lim, 0, sizeof lim);
	lim.cal = &cal;
	lim.sign_workdays = config_int(db, "sign_workdays", 7);
	lim.return_workdays = config_int(db, "return_workdays", 7);
	lim.route_workdays = config_int(db, "route_workdays", 7);
	lim.co_due_months = config_int(db, "co_due_months", 1);

	s = db_stmt(db, "SELECT id FROM suggestion"
	    " WHERE received_on BETWEEN :from AND :to"
	    " AND received_on <= :asof");
	st_text(s, ":from", from);
	st_text(s, ":to", to);
	st_text(s, ":asof", as_of);
	while ((rc = st_step(s)) == 1) {
		if (nids == cap) {
			cap = cap ? cap * 2 : 1024;
			ids = xreallocarray(ids, cap, sizeof *ids);
		}
		ids[nids++] = st_colint(s, 0);
	}
	st = rc == -1 ? CMD_FAIL : CMD_OK;
	/* In received order, which is mostly id order already. */
	for (i = 1; i < nids && ids[i - 1] < ids[i]; i++)
		;
	if (i < nids)
		qsort(ids, nids, sizeof *ids, by_id);

	/* Chunks of neighbouring ids: each range scan reads the history of
	 * every suggestion in its range, so a range must not be much wider
	 * than the suggestions of the period in it. */
	if (nids > 0)
		c = xreallocarray(NULL, nids < CHUNK ? nids : CHUNK, sizeof *c);
	for (i = 0; st == CMD_OK && i < nids; i = j) {
		for (j = i + 1; j < nids && j - i < CHUNK &&
		    ids[j] - ids[i] < 4 * (long long)(j - i + 1) + 64; j++)
			;
		n = j - i;
		memset(c, 0, n * sizeof *c);
		for (k = 0; k < n; k++)
			c[k].id = ids[i + k];
		if ((st = chunk_history(db, c, n, as_of, &pool)) == CMD_OK)
			st = chunk_count(db, c, n, from, to, as_of, &stations,
			    &depts, &lim, sinks, sub != NULL ? 2 : 1);
		for (k = 0; k < n; k++) {
			free(c[k].supervisor);
			free(c[k].dues);
		}
	}
	free(pool.v);
	cal_free(&cal);
	sink_finish(&sinks[0]);
	sink_finish(&sinks[1]);
	free(c);
	free(ids);
	names_free(&stations);
	names_free(&depts);
	return st;
}

static enum cmd_status
load_receptions(struct db *db, struct report *rp)
{
	struct stmt *s;
	int rc, i;

	s = db_stmt(db, "SELECT st.name, count(*), sum(r.visitors)"
	    " FROM reception r JOIN station st ON st.id = r.station_id"
	    " WHERE r.held_on BETWEEN :from AND :to"
	    " GROUP BY st.id ORDER BY st.id");
	st_text(s, ":from", rp->from);
	st_text(s, ":to", rp->to);
	while ((rc = st_step(s)) == 1) {
		rep_list_add(&rp->reception_stations, st_col(s, 0), 0,
		    st_colint(s, 1));
		rep_list_add(&rp->reception_stations, st_col(s, 0), 1,
		    st_colint(s, 2));
		rp->sessions += st_colint(s, 1);
		rp->visitors += st_colint(s, 2);
	}
	if (rc == -1)
		return CMD_FAIL;
	s = db_stmt(db, "SELECT name, retired FROM station ORDER BY id");
	while ((rc = st_step(s)) == 1)
		rep_list_add(&rp->all_stations, st_col(s, 0), 0,
		    st_colint(s, 1));
	if (rc == -1)
		return CMD_FAIL;
	s = db_stmt(db, "SELECT kind, count(*) FROM activity"
	    " WHERE held_on BETWEEN :from AND :to GROUP BY kind");
	st_text(s, ":from", rp->from);
	st_text(s, ":to", rp->to);
	while ((rc = st_step(s)) == 1)
		if ((i = vocab_find(vocab_kind, st_col(s, 0))) >= 0)
			rp->activities[i] = st_colint(s, 1);
	return rc == -1 ? CMD_FAIL : CMD_OK;
}

enum cmd_status
report_load(struct db *db, struct report *rp, const char *from,
    const char *to, const char *as_of, int with_ytd)
{
	enum cmd_status st;
	char ytd_from[11];

	snprintf(rp->from, sizeof rp->from, "%s", from);
	snprintf(rp->to, sizeof rp->to, "%s", to);
	snprintf(rp->as_of, sizeof rp->as_of, "%s", as_of);
	free(rp->town);
	if ((rp->town = config_value(db, "town")) == NULL &&
	    (rp->town = strdup("")) == NULL)
		xnomem();
	if (with_ytd) {
		/* The year to date holds the period: one reading for both. */
		snprintf(ytd_from, sizeof ytd_from, "%.4s-01-01", from);
		rp->has_ytd = 1;
		st = load_cohort(db, &rp->ytd, ytd_from, to, as_of,
		    &rp->cohort, from);
	} else
		st = load_cohort(db, &rp->cohort, from, to, as_of, NULL, NULL);
	if (st != CMD_OK)
		return st;
	return load_receptions(db, rp);
}

void
report_free(struct report *rp)
{
	free(rp->town);
	rp->town = NULL;
	tally_free(&rp->cohort);
	if (rp->has_ytd)
		tally_free(&rp->ytd);
	rep_list_free(&rp->reception_stations);
	rep_list_free(&rp->all_stations);
}

void
report_stations(const struct report *rp, struct rep_list *l)
{
	const struct rep_list *rs = &rp->reception_stations,
	    *cs = &rp->cohort.stations;
	struct rep_named *e;
	size_t k, i;

	memset(l, 0, sizeof *l);
	for (k = 0; k < rp->all_stations.len; k++) {
		const char *name = rp->all_stations.v[k].name;
		long n[3] = { 0, 0, 0 };

		for (i = 0; i < rs->len; i++)
			if (strcmp(rs->v[i].name, name) == 0) {
				n[0] = rs->v[i].n[0];
				n[1] = rs->v[i].n[1];
			}
		for (i = 0; i < cs->len; i++)
			if (strcmp(cs->v[i].name, name) == 0)
				n[2] = cs->v[i].n[0];
		if (rp->all_stations.v[k].n[0] && n[0] == 0 && n[2] == 0)
			continue;
		e = rep_list_at(l, name);
		for (i = 0; i < 3; i++)
			e->n[i] = n[i];
	}
}
