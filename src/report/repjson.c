/*
 * repjson.c — a rates report as the SPEC's JSON: the cohort, the year to
 * date of a monthly report, the receptions and the activities.
 */
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "vocab.h"
#include "xmalloc.h"
#include "report.h"

/* One suggestion of a list: its number, title and department. */
static cJSON *
row_json(const struct rep_row *r)
{
	cJSON *e = cJSON_CreateObject();

	cJSON_AddStringToObject(e, "number", r->number);
	cJSON_AddStringToObject(e, "title", r->title);
	cJSON_AddItemToObject(e, "department", r->dept != NULL ?
	    cJSON_CreateString(r->dept) : cJSON_CreateNull());
	return e;
}

/* Builds the SPEC's cohort object. */
static cJSON *
json_tally(const struct tally *t)
{
	cJSON *o = cJSON_CreateObject(), *x, *a, *e;
	char buf[32];
	size_t k;
	int i;

	cJSON_AddNumberToObject(o, "received", t->received);
	cJSON_AddNumberToObject(o, "assigned", t->assigned);
	cJSON_AddNumberToObject(o, "replied", t->replied);
	cJSON_AddNumberToObject(o, "rated", t->rated);
	cJSON_AddNumberToObject(o, "closed", t->closed);
	cJSON_AddNumberToObject(o, "overdue", t->overdue);
	cJSON_AddNumberToObject(o, "accepted", t->received - t->not_accepted);
	cJSON_AddNumberToObject(o, "not_accepted", t->not_accepted);
	cJSON_AddNumberToObject(o, "answers_owed", t->answers_owed);
	cJSON_AddNumberToObject(o, "answers_given", t->answers_given);
	cJSON_AddNumberToObject(o, "opinions_owed", t->opinions_owed);
	cJSON_AddNumberToObject(o, "opinions_given", t->opinions_given);
	cJSON_AddNumberToObject(o, "opinions_late", t->opinions_late);
	cJSON_AddNumberToObject(o, "returns_late", t->returns_late);
	cJSON_AddNumberToObject(o, "merged", t->merged);
	cJSON_AddNumberToObject(o, "recurring", t->recurring);
	x = cJSON_AddObjectToObject(o, "by_source");
	for (i = 0; i < 5; i++)
		cJSON_AddNumberToObject(x, vocab_source[i].key,
		    t->by_source[i]);
	a = cJSON_AddArrayToObject(o, "by_station");
	for (k = 0; k < t->stations.len; k++) {
		if (t->stations.v[k].name[0] == '\0')
			continue;
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", t->stations.v[k].name);
		cJSON_AddNumberToObject(e, "received", t->stations.v[k].n[0]);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(o, "by_category");
	for (k = 0; k < t->categories.len; k++) {
		if (t->categories.v[k].name[0] == '\0')
			continue;
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", t->categories.v[k].name);
		cJSON_AddNumberToObject(e, "received",
		    t->categories.v[k].n[0]);
		cJSON_AddItemToArray(a, e);
	}
	x = cJSON_AddObjectToObject(o, "classes");
	for (i = 0; i < 4; i++)
		cJSON_AddNumberToObject(x, vocab_class[i].key, t->classes[i]);
	x = cJSON_AddObjectToObject(o, "ratings");
	for (i = 0; i < 3; i++)
		cJSON_AddNumberToObject(x, vocab_rating[i].key, t->ratings[i]);
	x = cJSON_AddObjectToObject(o, "rates");
	for (i = 0; i < NRATES; i++) {
		struct rate r = tally_rate(t, i);

		e = cJSON_AddObjectToObject(x, rate_keys[i]);
		cJSON_AddNumberToObject(e, "num", r.num);
		cJSON_AddNumberToObject(e, "den", r.den);
		/* Raw, so that 100% prints as 100.0 with its one decimal. */
		if (r.den == 0)
			cJSON_AddNullToObject(e, "percent");
		else
			cJSON_AddRawToObject(e, "percent", rate_str(r, buf));
	}
	a = cJSON_AddArrayToObject(o, "by_department");
	for (k = 0; k < t->departments.len; k++) {
		const struct rep_named *d = &t->departments.v[k];

		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", d->name);
		cJSON_AddNumberToObject(e, "assigned", d->n[DEP_ASSIGNED]);
		cJSON_AddNumberToObject(e, "replied", d->n[DEP_REPLIED]);
		cJSON_AddNumberToObject(e, "on_time", d->n[DEP_ON_TIME]);
		cJSON_AddNumberToObject(e, "overdue", d->n[DEP_OVERDUE]);
		cJSON_AddNumberToObject(e, "rated", d->n[DEP_RATED]);
		cJSON_AddNumberToObject(e, "satisfied_or_basic",
		    d->n[DEP_SAT_OR_BASIC]);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(o, "by_routing");
	for (k = 0; k < t->routing.len; k++) {
		const struct rep_named *d = &t->routing.v[k];

		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", d->name);
		for (i = 0; i < 6; i++)
			cJSON_AddNumberToObject(e,
			    report_routing_cols[i + 1].key, d->n[i]);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(o, "overdue_list");
	for (k = 0; k < t->noverdue; k++) {
		const struct rep_row *r = &t->overdue_list[k];

		e = row_json(r);
		cJSON_AddStringToObject(e, "due", r->due);
		cJSON_AddNumberToObject(e, "days_overdue", r->days_overdue);
		cJSON_AddItemToArray(a, e);
	}
	cJSON_AddNumberToObject(o, "supervised", t->supervised);
	a = cJSON_AddArrayToObject(o, "supervised_list");
	for (k = 0; k < (size_t)t->supervised; k++) {
		const struct rep_row *r = &t->supervised_list[k];

		e = row_json(r);
		cJSON_AddStringToObject(e, "supervisor", r->supervisor);
		cJSON_AddStringToObject(e, "status",
		    vocab_status[r->status].key);
		cJSON_AddBoolToObject(e, "overdue", r->overdue);
		cJSON_AddItemToArray(a, e);
	}
	return o;
}


void
report_json(const struct report *rp, FILE *fp)
{
	cJSON *o = cJSON_CreateObject(), *x, *a, *e;
	char *s;
	size_t k;
	int i;

	cJSON_AddStringToObject(o, "town", rp->town);
	x = cJSON_AddObjectToObject(o, "period");
	cJSON_AddStringToObject(x, "from", rp->from);
	cJSON_AddStringToObject(x, "to", rp->to);
	cJSON_AddStringToObject(o, "as_of", rp->as_of);
	cJSON_AddItemToObject(o, "cohort", json_tally(&rp->cohort));
	if (rp->has_ytd)
		cJSON_AddItemToObject(o, "year_to_date", json_tally(&rp->ytd));
	x = cJSON_AddObjectToObject(o, "receptions");
	cJSON_AddNumberToObject(x, "sessions", rp->sessions);
	cJSON_AddNumberToObject(x, "visitors", rp->visitors);
	a = cJSON_AddArrayToObject(x, "by_station");
	for (k = 0; k < rp->reception_stations.len; k++) {
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name",
		    rp->reception_stations.v[k].name);
		cJSON_AddNumberToObject(e, "sessions",
		    rp->reception_stations.v[k].n[0]);
		cJSON_AddNumberToObject(e, "visitors",
		    rp->reception_stations.v[k].n[1]);
		cJSON_AddItemToArray(a, e);
	}
	x = cJSON_AddObjectToObject(o, "activities");
	for (i = 0; i < 5; i++)
		cJSON_AddNumberToObject(x, vocab_kind[i].key,
		    rp->activities[i]);
	if ((s = cJSON_Print(o)) == NULL)
		xnomem();
	fprintf(fp, "%s\n", s);
	free(s);
	cJSON_Delete(o);
}

