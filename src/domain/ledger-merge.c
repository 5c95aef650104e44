/*
 * ledger-merge.c — a row of an import against the suggestion the database
 * already holds (import --update): every differing field is a change or
 * a conflict that is named, none is ignored; later replies, ratings and
 * contacts are entered through the domain functions.
 */
#include <err.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "ctx.h"
#include "msg.h"
#include "out.h"
#include "vocab.h"
#include "xmalloc.h"
#include "db.h"
#include "domain.h"
#include "ledger.h"
#include "import.h"
#include "text.h"


/* A list of nothing: what a new suggestion holds. */
static const struct sug_rows none;

void
imp_held_from(const struct sug_view *v, struct held *h)
{
	size_t i, n;

	memset(h, 0, sizeof *h);
	h->v = v;
	h->contacts = h->depts = h->replies = h->ratings = &none;
	if (v == NULL)
		return;
	h->handler = v->v[SF_HANDLER];
	h->assigned_on = v->v[SF_ASSIGNED];
	h->contacts = &v->contacts;
	h->depts = &v->depts;
	h->replies = &v->replies;
	h->ratings = &v->ratings;
	/* The leads come first, in the order they were routed. */
	for (i = 0; i < v->depts.n && h->lead == NULL; i++)
		if (strcmp(SUG_CELL(&v->depts, i, DEPT_ROLE), "lead") == 0)
			h->lead = SUG_CELL(&v->depts, i, DEPT_NAME);
	if ((n = v->replies.n) > 0) {
		h->reply_on = SUG_CELL(&v->replies, n - 1, REPLY_DATE);
		h->cls = SUG_CELL(&v->replies, n - 1, REPLY_CLASS);
		h->text = SUG_CELL(&v->replies, n - 1, REPLY_TEXT);
	}
	if ((n = v->ratings.n) > 0) {
		h->rated_on = SUG_CELL(&v->ratings, n - 1, RATING_DATE);
		h->rating = SUG_CELL(&v->ratings, n - 1, RATING_RATING);
	}
}

int
imp_same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* A value the file and the database disagree on: changed under --update,
 * else listed. *changes counts what was done. */
enum cmd_status
imp_conflict(struct imp *im, int c, const char *file, const char *held)
{
	refuse(_("%s: the file has '%s', the database '%s' (--update takes "
	    "the file's)"), imp_colname(im, c), file, held);
	return CMD_REFUSED;
}

/* The registration fields of a suggestion that exists: each field of
 * sugfield.c's table that has a column and that an import may change,
 * but the handler, which goes with the assignment (imp_stages). */
enum cmd_status
imp_registration(struct imp *im, struct lrow *r, const struct sug_view *v,
    int *changes)
{
	enum cmd_status st, worst = CMD_OK;
	const char *fv, *dv;
	int f, c;

	/* In the file's order of columns, as the secretary reads them. */
	for (c = 0; c < L_NCOLS; c++) {
		if ((f = sug_field_of_column(c)) < 0 ||
		    !(sug_fields[f].flags & SF_EDITABLE) || f == SF_HANDLER)
			continue;
		fv = c == L_SOURCE ? r->source : c == L_RECEIVED ?
		    r->d_received : r->v[c];
		dv = v->v[f];
		if (fv == NULL || imp_same(fv, dv))
			continue;
		if (dv != NULL && !im->o->update) {
			worst = imp_conflict(im, c, fv, dv);
			continue;
		}
		st = sug_edit(im->db, im->ctx, r->v[L_NUMBER], f, fv);
		if (st != CMD_OK)
			return st;
		(*changes)++;
	}
	return worst;
}

/* 1 if the file's lead departments are those the database routed it to,
 * in the same order. */
static int
same_leads(const struct lrow *r, const struct held *h)
{
	const struct sug_rows *d = h->depts;
	size_t i, k = 0;

	for (i = 0; i < d->n; i++) {
		if (!imp_same(SUG_CELL(d, i, DEPT_ROLE), "lead"))
			continue;
		if (k >= r->nleads ||
		    !imp_same(SUG_CELL(d, i, DEPT_NAME), r->leads[k]))
			return 0;
		k++;
	}
	return k == r->nleads;
}

/* A conflict on the assignment, which only a return and a new
 * assignment change. */
static enum cmd_status
reassign(struct imp *im, int c, const char *file, const char *held)
{
	refuse(_("%s: the file has '%s', the database '%s' (return and assign "
	    "it to change)"), imp_colname(im, c), file, held ? held : "");
	return CMD_REFUSED;
}

/* The assignment in force and the file's agree: its date, and every
 * co-department of the file is one of the database's. */
static enum cmd_status
assignment(struct imp *im, struct lrow *r, const struct held *h)
{
	const struct sug_rows *d = h->depts;
	size_t i, k, len = 1;
	char *all;
	int found;
	enum cmd_status st;

	if (r->v[L_ASSIGNED] != NULL &&
	    !imp_same(r->d_assigned, h->assigned_on))
		return reassign(im, L_ASSIGNED, r->d_assigned,
		    h->assigned_on);
	for (k = 0; k < r->nco; k++) {
		found = 0;
		for (i = 0; i < d->n; i++)
			if (imp_same(SUG_CELL(d, i, DEPT_ROLE), "co") &&
			    imp_same(SUG_CELL(d, i, DEPT_NAME), r->co[k]))
				found = 1;
		if (found)
			continue;
		for (i = 0; i < d->n; i++)
			len += strlen(SUG_CELL(d, i, DEPT_NAME)) + 3;
		if ((all = malloc(len)) == NULL)
			xnomem();
		all[0] = '\0';
		for (i = 0; i < d->n; i++)
			if (imp_same(SUG_CELL(d, i, DEPT_ROLE), "co")) {
				if (all[0] != '\0')
					strcat(all, "、");
				strcat(all, SUG_CELL(d, i, DEPT_NAME));
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
	const struct sug_rows *list = rating ? h->ratings : h->replies;
	const char *day = rating ? r->d_rated : r->d_replied;
	const char *fv = rating ? r->rating : r->cls;
	int key = rating ? RATING_RATING : REPLY_CLASS;
	size_t i, on = (size_t)-1;

	/* RATING_DATE and REPLY_DATE are both the first column. */
	for (i = 0; i < list->n; i++)
		if (imp_same(SUG_CELL(list, i, REPLY_DATE), day))
			on = i;
	if (on == (size_t)-1) {
		refuse(rating ? _("%s: the file has a rating on %s that the "
		    "database lacks (its latest is on %s)") : _("%s: the file "
		    "has a reply on %s that the database lacks (its latest is "
		    "on %s)"), imp_colname(im, rating ? L_RATED : L_REPLIED),
		    day, rating ? h->rated_on : h->reply_on);
		return CMD_REFUSED;
	}
	if (!imp_same(fv, SUG_CELL(list, on, key))) {
		refuse(_("%s: the file has '%s' on %s, the database '%s' "
		    "(--update changes only the latest)"),
		    imp_colname(im, rating ? L_RATING : L_CLASS), fv, day,
		    SUG_CELL(list, on, key));
		return CMD_REFUSED;
	}
	if (!rating && r->v[L_REPLY] != NULL &&
	    !imp_same(r->v[L_REPLY], SUG_CELL(list, on, REPLY_TEXT))) {
		refuse(_("%s: the file has '%s' on %s, the database '%s' "
		    "(--update changes only the latest)"),
		    imp_colname(im, L_REPLY), r->v[L_REPLY], day,
		    SUG_CELL(list, on, REPLY_TEXT));
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
	const struct sug_rows *hc = h->contacts;
	enum cmd_status st;
	size_t i, k;
	int held;

	for (k = 0; k < r->ncontacts; k++) {
		c = &r->contact[k];
		held = 0;
		for (i = 0; i < hc->n; i++)
			if (imp_same(SUG_CELL(hc, i, CONTACT_DATE), c->day) &&
			    imp_same(SUG_CELL(hc, i, CONTACT_DEPT), c->dept) &&
			    (c->method == NULL || imp_same(SUG_CELL(hc, i,
			    CONTACT_METHOD), c->method)))
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
enum cmd_status
imp_stages(struct imp *im, struct lrow *r, const struct held *h, int *changes)
{
	const char *num = r->v[L_NUMBER];
	enum cmd_status st;
	int new_reply = 0, new_rating = 0, status;
	char due[11];

	if (r->v[L_DEPT] != NULL) {
		if (h->lead == NULL) {
			struct sug_assign a = { 0 };

			a.leads = (const char *const *)r->leads;
			a.nleads = (int)r->nleads;
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
		} else if (!same_leads(r, h)) {
			return reassign(im, L_DEPT, r->v[L_DEPT], h->lead);
		} else if ((st = assignment(im, r, h)) != CMD_OK) {
			return st;
		} else if (r->v[L_HANDLER] != NULL &&
		    !imp_same(r->v[L_HANDLER], h->handler)) {
			if (h->handler != NULL && !im->o->update)
				return imp_conflict(im, L_HANDLER,
				    r->v[L_HANDLER], h->handler);
			if ((st = sug_edit(im->db, im->ctx, num, SF_HANDLER,
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
		else if (cmp == 0 && (!imp_same(r->cls, h->cls) ||
		    (r->v[L_REPLY] != NULL &&
		    !imp_same(r->v[L_REPLY], h->text)))) {
			if (!im->o->update)
				return !imp_same(r->cls, h->cls) ?
				    imp_conflict(im, L_CLASS, r->cls, h->cls) :
				    imp_conflict(im, L_REPLY, r->v[L_REPLY],
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
		else if (cmp == 0 && !imp_same(r->rating, h->rating)) {
			if (!im->o->update)
				return imp_conflict(im, L_RATING, r->rating,
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
			    r->reply_dept, r->cls, r->rated,
			    UNRECORDED_REPLY)) != CMD_OK)
				return st;
		if ((st = sug_rate(im->db, im->ctx, num, r->rating, r->rated,
		    NULL)) != CMD_OK)
			return st;
		new_rating = 0;
		(*changes)++;
	}
	if (new_reply) {
		if ((st = sug_reply(im->db, im->ctx, num, r->reply_dept, r->cls,
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
			    _("台账办理期限"), on, NULL)) != CMD_OK)
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
				    "hand extends it)"), imp_colname(im, L_DUE),
				    r->d_due, due[0] ? due : "-");
				return CMD_REFUSED;
			}
		}
	}
	return CMD_OK;
}


/* A conflict on a step that is recorded once and never changed: a
 * signature, key supervision, a merge. --update does not take it. */
static enum cmd_status
recorded(struct imp *im, int c, const char *file, const char *held)
{
	refuse(_("%s: the file has '%s', the database '%s' (a step once "
	    "recorded is not changed by an import)"), imp_colname(im, c),
	    file, held);
	return CMD_REFUSED;
}

enum cmd_status
imp_intake(struct imp *im, struct lrow *r, const struct sug_view *v,
    int *changes, int *merged)
{
	const char *num = r->v[L_NUMBER], *held;
	enum cmd_status st;

	*merged = 0;
	held = v != NULL ? v->v[SF_MERGED_INTO] : NULL;
	if (r->v[L_MERGED_INTO] != NULL &&
	    !imp_same(r->v[L_MERGED_INTO], held)) {
		if (held != NULL)
			return recorded(im, L_MERGED_INTO,
			    r->v[L_MERGED_INTO], held);
		/* The ledger does not date the merge (sug_merge). */
		if ((st = sug_merge(im->db, im->ctx, num, r->v[L_MERGED_INTO],
		    r->received, 1, r->v[L_DUE] != NULL ? r->d_due : NULL)) !=
		    CMD_OK)
			return st;
		*merged = 1;
		(*changes)++;
	}
	if (r->reject_reason != NULL && (v == NULL ||
	    !imp_same(v->v[SF_STATUS], "not_accepted"))) {
		if ((st = sug_reject(im->db, im->ctx, num, r->reject_reason,
		    r->reject_note, r->rejected)) != CMD_OK)
			return st;
		(*changes)++;
	}
	return CMD_OK;
}

enum cmd_status
imp_marks(struct imp *im, struct lrow *r, const struct sug_view *v,
    int *changes)
{
	const char *num = r->v[L_NUMBER], *leader, *since;
	const struct contact_in *c;
	enum cmd_status st;
	size_t i, k;
	int held;

	/* Each signature the database lacks. */
	for (k = 0; k < r->nsigns; k++) {
		c = &r->sign[k];
		held = 0;
		for (i = 0; v != NULL && i < v->depts.n; i++)
			if (imp_same(SUG_CELL(&v->depts, i, DEPT_NAME),
			    c->dept) && SUG_CELL(&v->depts, i, DEPT_SIGNED) !=
			    NULL) {
				if (!imp_same(SUG_CELL(&v->depts, i,
				    DEPT_SIGNED), c->day))
					return recorded(im, L_SIGNED, c->day,
					    SUG_CELL(&v->depts, i,
					    DEPT_SIGNED));
				held = 1;
			}
		if (held)
			continue;
		if ((st = sug_sign(im->db, im->ctx, num, c->dept, c->date)) !=
		    CMD_OK)
			return st;
		(*changes)++;
	}
	leader = v != NULL ? v->v[SF_SUPERVISOR] : NULL;
	since = v != NULL ? v->v[SF_SUPERVISED_ON] : NULL;
	if (r->v[L_SUPERVISOR] != NULL) {
		if (leader == NULL) {
			if ((st = sug_supervise(im->db, im->ctx, num,
			    r->v[L_SUPERVISOR], r->supervised)) != CMD_OK)
				return st;
			(*changes)++;
		} else if (!imp_same(leader, r->v[L_SUPERVISOR]))
			return recorded(im, L_SUPERVISOR,
			    r->v[L_SUPERVISOR], leader);
		else if (!imp_same(since, r->d_supervised))
			return recorded(im, L_SUPERVISED_ON,
			    r->d_supervised, since);
	}
	if (r->recurring && (v == NULL ||
	    !imp_same(v->v[SF_RECURRING], "1"))) {
		if ((st = sug_recurring(im->db, num)) != CMD_OK)
			return st;
		(*changes)++;
	}
	return CMD_OK;
}
