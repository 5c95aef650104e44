/*
 * tally.c — counts a report's cohort and derives its rates, from exact
 * integers (SPEC "Rates"). Pure: no I/O, no database.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "tally.h"
#include "text.h"
#include "xmalloc.h"

int
asof_overdue(int status, const char *due, const char *as_of, long *days)
{
	struct date d, a;

	if (days != NULL)
		*days = 0;
	/* ISO dates compare as strings: no parsing for the rows that are
	 * not overdue, nor for the SQL function, which wants no days. */
	if (!status_running(status) || due == NULL || as_of == NULL ||
	    strcmp(due, as_of) >= 0)
		return 0;
	if (days != NULL && date_parse(due, 0, &d) == 0 &&
	    date_parse(as_of, 0, &a) == 0)
		*days = date_to_days(a) - date_to_days(d);
	return 1;
}

int
asof_overdue_key(const char *status, const char *due, const char *as_of)
{
	return status != NULL && status_key_running(status) &&
	    asof_overdue(vocab_find(vocab_status, status), due, as_of, NULL);
}

int
asof_due_within(int status, const char *due, const char *as_of, long within,
    long *days)
{
	struct date d, a;

	if (!status_running(status) || due == NULL || as_of == NULL ||
	    strcmp(due, as_of) < 0 || date_parse(due, 0, &d) == -1 ||
	    date_parse(as_of, 0, &a) == -1)
		return 0;
	*days = date_to_days(d) - date_to_days(a);
	return *days <= within;
}

/* 1 if a reply on day came by the deadline in force that day (ISO; none
 * is never met). */
static int
by_due(const char *day, const char *due)
{
	return due != NULL && strcmp(day, due) <= 0;
}

void
asof_state(const struct asof_in *in, const char *as_of, struct rep_row *r)
{
	r->due = (char *)in->due;
	r->cls = in->cls;
	r->rating = in->rating;
	r->replied = in->first_reply != NULL;
	/* Not accepted (不予立案) is never routed. */
	r->assigned = r->replied || (in->status != ST_REGISTERED &&
	    in->status != ST_NOT_ACCEPTED);
	r->on_time = r->replied && by_due(in->first_reply, in->due_at_reply);
	r->closed = in->status == ST_CLOSED;
	r->rated = r->rating >= 0;
	r->overdue = asof_overdue(in->status, in->due, as_of,
	    &r->days_overdue);
	r->status = in->status;
}

const char *const rate_keys[NRATES] = {
	"reply", "on_time", "closure", "resolution", "contact", "satisfied",
	"satisfied_or_basic", "routed_on_time", "signed", "signed_on_time",
};

/* 1 if day (ISO) is within n working days after from (ISO). */
static int
within_workdays(const char *day, const char *from, int n,
    struct part_limits *l)
{
	struct date f;
	char *by = l->memo_by;

	if (n != l->memo_n || strcmp(from, l->memo_from) != 0) {
		if (date_parse(from, 0, &f) == -1)
			return 0;
		date_iso(cal_add_workdays(l->cal, f, n), by);
		text_copy(l->memo_from, sizeof l->memo_from, from);
		l->memo_n = n;
	}
	return strcmp(day, by) <= 0;
}

int
asof_routed_on_time(const char *received, const char *routed,
    struct part_limits *l)
{
	return routed != NULL &&
	    within_workdays(routed, received, l->route_workdays, l);
}

void
asof_part(const struct part_in *in, struct part_limits *l,
    const char *as_of, struct rep_part *p)
{
	struct date f;
	char by[11];

	p->lead = in->lead;
	p->live = in->ended_on == NULL;
	p->is_signed = in->signed_on != NULL;
	p->signed_on_time = p->is_signed && within_workdays(in->signed_on,
	    in->assigned_on, l->sign_workdays, l);
	p->answered = in->lead && in->first_reply != NULL;
	p->answered_on_time = p->answered &&
	    by_due(in->first_reply, in->due_at_reply);
	p->answered_now = p->answered && in->last_reply != NULL &&
	    (in->since_rating == NULL ||
	    strcmp(in->last_reply, in->since_rating) >= 0);
	p->returned_late = in->ended_on != NULL &&
	    !within_workdays(in->ended_on, in->assigned_on,
	    l->return_workdays, l);
	/* A co-handler's opinion is late when it came after its due day,
	 * or has not come and the day is past. */
	p->opinion_late = 0;
	p->opinion_given = !in->lead && in->first_opinion != NULL;
	if (!in->lead && p->live &&
	    date_parse(in->assigned_on, 0, &f) == 0) {
		date_iso(date_add_months(f, l->co_due_months), by);
		p->opinion_late = in->first_opinion != NULL ?
		    strcmp(in->first_opinion, by) > 0 :
		    strcmp(as_of, by) > 0;
	}
}

void
tally_init(struct tally *t)
{
	memset(t, 0, sizeof *t);
}

static char *
dup(const char *s)
{
	char *p;

	if (s == NULL)
		return NULL;
	p = xstrdup(s);
	return p;
}

/* FNV-1a: the lists are small, but a report looks a name up several
 * times for every suggestion of the year. */
static size_t
hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void
reindex(struct rep_list *l)
{
	size_t k, j, mask;

	free(l->index);
	l->nindex = 64;
	while (l->nindex < l->len * 2)
		l->nindex *= 2;
	l->index = xcalloc(l->nindex, sizeof *l->index);
	mask = l->nindex - 1;
	for (k = 0; k < l->len; k++) {
		for (j = hash(l->v[k].name) & mask; l->index[j] != 0;
		    j = (j + 1) & mask)
			;
		l->index[j] = k + 1;
	}
}

struct rep_named *
rep_list_at(struct rep_list *l, const char *name)
{
	size_t j, k, mask;

	if (l->index == NULL)
		reindex(l);
	mask = l->nindex - 1;
	for (j = hash(name) & mask; l->index[j] != 0; j = (j + 1) & mask)
		if (strcmp(l->v[l->index[j] - 1].name, name) == 0)
			return &l->v[l->index[j] - 1];
	if (l->len == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	k = l->len++;
	memset(&l->v[k], 0, sizeof l->v[k]);
	l->v[k].name = dup(name);
	if (l->len * 2 > l->nindex)
		reindex(l);
	else
		l->index[j] = k + 1;
	return &l->v[k];
}

void
rep_list_add(struct rep_list *l, const char *name, int i, long n)
{
	rep_list_at(l, name)->n[i] += n;
}

void
rep_list_reordered(struct rep_list *l)
{
	free(l->index);
	l->index = NULL;
	l->nindex = 0;
}

void
rep_list_free(struct rep_list *l)
{
	size_t k;

	for (k = 0; k < l->len; k++)
		free(l->v[k].name);
	free(l->v);
	free(l->index);
	memset(l, 0, sizeof *l);
}

/* A row kept beyond the cohort's walk: its strings copied. */
static void
copy_row(struct rep_row *o, const struct rep_row *r)
{
	*o = *r;
	o->number = dup(r->number);
	o->title = dup(r->title);
	o->station = dup(r->station);
	o->category = dup(r->category);
	o->dept = dup(r->dept);
	o->due = dup(r->due);
	o->supervisor = dup(r->supervisor);
	o->parts = NULL;
	o->nparts = 0;
}

static void
free_row(struct rep_row *o)
{
	free(o->number);
	free(o->title);
	free(o->station);
	free(o->category);
	free(o->dept);
	free(o->due);
	free(o->supervisor);
}

/* A department's part: a live lead's answers by department (件次), and
 * every department's signing, opinions and returns. */
static void
tally_part(struct tally *t, const struct rep_row *r, const struct rep_part *p)
{
	struct rep_named *d;

	if (p->live && p->lead) {
		d = rep_list_at(&t->departments, p->dept);
		t->answers_owed++;
		t->answers_given += p->answered;
		d->n[DEP_ASSIGNED]++;
		d->n[DEP_REPLIED] += p->answered;
		d->n[DEP_ON_TIME] += p->answered_on_time;
		d->n[DEP_OVERDUE] += r->overdue && !p->answered_now;
		d->n[DEP_RATED] += r->rated;
		d->n[DEP_SAT_OR_BASIC] += r->rated &&
		    (r->rating == 0 || r->rating == 1);
	}
	if (!p->live && !p->returned_late)
		return;
	d = rep_list_at(&t->routing, p->dept);
	if (p->live) {
		t->sign_owed++;
		t->is_signed += p->is_signed;
		t->signed_on_time += p->signed_on_time;
		d->n[ROUTE_OWED]++;
		d->n[ROUTE_SIGNED] += p->is_signed;
		d->n[ROUTE_SIGNED_ON_TIME] += p->signed_on_time;
	}
	if (p->live && !p->lead) {
		t->opinions_owed++;
		t->opinions_given += p->opinion_given;
		t->opinions_late += p->opinion_late;
		d->n[ROUTE_OPINIONS]++;
		d->n[ROUTE_OPINIONS_LATE] += p->opinion_late;
	}
	t->returns_late += p->returned_late;
	d->n[ROUTE_RETURNED_LATE] += p->returned_late;
}

void
tally_add(struct tally *t, const struct rep_row *r)
{
	struct rep_row *o;
	size_t i;

	t->received++;
	if (r->source >= 0 && r->source < 5)
		t->by_source[r->source]++;
	rep_list_add(&t->stations, r->station ? r->station : "", 0, 1);
	rep_list_add(&t->categories, r->category ? r->category : "", 0, 1);
	t->assigned += r->assigned;
	t->replied += r->replied;
	t->closed += r->closed;
	t->rated += r->rated;
	t->overdue += r->overdue;
	t->rehandled += r->rehandled;
	if (r->replied) {
		t->on_time += r->on_time;
		t->contacted += r->contacted;
		t->resolved += r->cls == 0 || r->cls == 1;
	}
	/* (A suggestion of several leads has its class once the last of
	 * them replied.) */
	if (r->replied && r->cls >= 0 && r->cls < 4)
		t->classes[r->cls]++;
	if (r->rated && r->rating >= 0 && r->rating < 3)
		t->ratings[r->rating]++;
	t->not_accepted += r->status == ST_NOT_ACCEPTED;
	t->routed += r->routed;
	t->routed_on_time += r->routed && r->routed_on_time;
	t->merged += r->merged;
	t->recurring += r->recurring;
	for (i = 0; i < r->nparts; i++)
		tally_part(t, r, &r->parts[i]);
	if (r->overdue) {
		t->overdue_list = reallocarray(t->overdue_list,
		    t->noverdue + 1, sizeof *t->overdue_list);
		if (t->overdue_list == NULL)
			xnomem();
		o = &t->overdue_list[t->noverdue++];
		copy_row(o, r);
	}
	if (r->supervisor != NULL) {
		t->supervised_list = reallocarray(t->supervised_list,
		    t->supervised + 1, sizeof *t->supervised_list);
		if (t->supervised_list == NULL)
			xnomem();
		copy_row(&t->supervised_list[t->supervised++], r);
	}
}

static int
by_overdue(const void *a, const void *b)
{
	const struct rep_row *x = a, *y = b;

	if (x->days_overdue != y->days_overdue)
		return x->days_overdue > y->days_overdue ? -1 : 1;
	return strcmp(x->number, y->number);
}

void
tally_finish(struct tally *t)
{
	if (t->noverdue > 1)
		qsort(t->overdue_list, t->noverdue, sizeof *t->overdue_list,
		    by_overdue);
}

void
tally_free(struct tally *t)
{
	size_t i;

	for (i = 0; i < t->noverdue; i++)
		free_row(&t->overdue_list[i]);
	free(t->overdue_list);
	for (i = 0; i < (size_t)t->supervised; i++)
		free_row(&t->supervised_list[i]);
	free(t->supervised_list);
	rep_list_free(&t->stations);
	rep_list_free(&t->categories);
	rep_list_free(&t->departments);
	rep_list_free(&t->routing);
	memset(t, 0, sizeof *t);
}

struct rate
tally_rate(const struct tally *t, enum rate_key k)
{
	switch (k) {
	case RATE_REPLY:
		return (struct rate){ t->replied, t->assigned };
	case RATE_ON_TIME:
		return (struct rate){ t->on_time, t->replied };
	case RATE_CLOSURE:
		return (struct rate){ t->closed, t->assigned };
	case RATE_RESOLUTION:
		return (struct rate){ t->resolved, t->replied };
	case RATE_CONTACT:
		return (struct rate){ t->contacted, t->replied };
	case RATE_SATISFIED:
		return (struct rate){ t->ratings[0], t->rated };
	case RATE_ROUTED_ON_TIME:
		return (struct rate){ t->routed_on_time, t->routed };
	case RATE_SIGNED:
		return (struct rate){ t->is_signed, t->sign_owed };
	case RATE_SIGNED_ON_TIME:
		return (struct rate){ t->signed_on_time, t->is_signed };
	default:
		return (struct rate){ t->ratings[0] + t->ratings[1],
		    t->rated };
	}
}
