/*
 * report.c — reads what a rates report needs: the cohort of suggestions
 * received in the period, each as it stood on the as-of date (state from
 * the history, the deadline in force, the latest reply and rating), and
 * the receptions and activities dated in the period.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"
#include "report.h"
#include "vocab.h"

/* One row a suggestion received in [:from, :to] and by :asof, not
 * withdrawn by :asof. Everything is read as of :asof. */
static const char cohort_sql[] =
	"WITH x AS (SELECT s.id, s.number, s.title, s.source, s.category,"
	" st.name AS station,"
	" (SELECT e.status FROM event e WHERE e.suggestion_id = s.id"
	"  AND e.on_date <= :asof ORDER BY e.on_date DESC, e.id DESC"
	"  LIMIT 1) AS status,"
	" (SELECT min(r.replied_on) FROM reply r WHERE r.suggestion_id = s.id"
	"  AND r.replied_on <= :asof) AS first_reply,"
	" (SELECT r.class FROM reply r WHERE r.suggestion_id = s.id"
	"  AND r.replied_on <= :asof ORDER BY r.replied_on DESC, r.id DESC"
	"  LIMIT 1) AS class,"
	" (SELECT g.rating FROM rating g WHERE g.suggestion_id = s.id"
	"  AND g.rated_on <= :asof ORDER BY g.rated_on DESC, g.id DESC"
	"  LIMIT 1) AS rating,"
	" (SELECT d.due_on FROM deadline d WHERE d.suggestion_id = s.id"
	"  AND d.set_on <= :asof ORDER BY d.set_on DESC, d.id DESC"
	"  LIMIT 1) AS due,"
	" (SELECT dp.name FROM assignment a JOIN department dp"
	"  ON dp.id = a.department_id WHERE a.suggestion_id = s.id"
	"  AND a.role = 'lead' AND a.assigned_on <= :asof"
	"  AND (a.ended_on IS NULL OR a.ended_on > :asof)"
	"  ORDER BY a.id DESC LIMIT 1) AS dept"
	" FROM suggestion s LEFT JOIN station st ON st.id = s.station_id"
	" WHERE s.received_on BETWEEN :from AND :to"
	" AND s.received_on <= :asof)"
	" SELECT x.number, x.title, x.source, x.category, x.station,"
	" x.status, x.first_reply, x.class, x.rating, x.due, x.dept,"
	" (SELECT d.due_on FROM deadline d WHERE d.suggestion_id = x.id"
	"  AND d.set_on <= x.first_reply ORDER BY d.set_on DESC, d.id DESC"
	"  LIMIT 1),"
	" EXISTS (SELECT 1 FROM contact k WHERE k.suggestion_id = x.id"
	"  AND k.contacted_on <= x.first_reply),"
	" EXISTS (SELECT 1 FROM rating g WHERE g.suggestion_id = x.id"
	"  AND g.rating = 'unsatisfied' AND g.rated_on <= :asof)"
	" FROM x WHERE x.status IS NOT NULL AND x.status <> 'withdrawn'"
	" ORDER BY x.number";

static char *
col(struct stmt *s, int i)
{
	return (char *)st_col(s, i);
}

static enum cmd_status
load_cohort(struct db *db, struct tally *t, const char *from,
    const char *to, const char *as_of)
{
	struct stmt *s = db_stmt(db, cohort_sql);
	struct rep_row r;
	struct date asof, due;
	const char *status, *first, *due_at_reply;
	int rc;

	if (date_parse(as_of, 0, &asof) == -1)
		return CMD_FAIL;
	st_text(s, ":from", from);
	st_text(s, ":to", to);
	st_text(s, ":asof", as_of);
	tally_init(t);
	while ((rc = st_step(s)) == 1) {
		memset(&r, 0, sizeof r);
		r.number = col(s, 0);
		r.title = col(s, 1);
		r.source = vocab_find(vocab_source, st_col(s, 2));
		r.category = col(s, 3);
		r.station = col(s, 4);
		status = st_col(s, 5);
		first = st_col(s, 6);
		r.cls = st_colnull(s, 7) ? -1 :
		    vocab_find(vocab_class, st_col(s, 7));
		r.rating = st_colnull(s, 8) ? -1 :
		    vocab_find(vocab_rating, st_col(s, 8));
		r.due = col(s, 9);
		r.dept = col(s, 10);
		due_at_reply = st_col(s, 11);
		r.contacted = (int)st_colint(s, 12);
		r.rehandled = (int)st_colint(s, 13);

		r.replied = first != NULL;
		r.assigned = r.replied || strcmp(status, "registered") != 0;
		r.on_time = r.replied && due_at_reply != NULL &&
		    strcmp(first, due_at_reply) <= 0;
		r.closed = strcmp(status, "closed") == 0;
		r.rated = r.rating >= 0;
		if ((strcmp(status, "assigned") == 0 ||
		    strcmp(status, "rehandling") == 0) && r.due != NULL &&
		    strcmp(r.due, as_of) < 0 &&
		    date_parse(r.due, 0, &due) == 0) {
			r.overdue = 1;
			r.days_overdue = date_to_days(asof) -
			    date_to_days(due);
		}
		tally_add(t, &r);
	}
	tally_finish(t);
	return rc == -1 ? CMD_FAIL : CMD_OK;
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
	if (config_get(db, "town", rp->town, sizeof rp->town) == -1)
		rp->town[0] = '\0';
	if ((st = load_cohort(db, &rp->cohort, from, to, as_of)) != CMD_OK)
		return st;
	if (with_ytd) {
		snprintf(ytd_from, sizeof ytd_from, "%.4s-01-01", from);
		rp->has_ytd = 1;
		if ((st = load_cohort(db, &rp->ytd, ytd_from, to, as_of)) !=
		    CMD_OK)
			return st;
	}
	return load_receptions(db, rp);
}

void
report_free(struct report *rp)
{
	tally_free(&rp->cohort);
	if (rp->has_ytd)
		tally_free(&rp->ytd);
	rep_list_free(&rp->reception_stations);
}
