/*
 * sug-route.c — the steps of intake and routing that the law adds to the
 * lifecycle (issue 14): screening (不予立案), a department signing for
 * what it was routed (签收), a co-handler's opinion to the lead (会办
 * 意见), and merging a duplicate into the one it repeats (并案). Each
 * writes its events; sug.c holds the rules they share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ctx.h"
#include "msg.h"
#include "vocab.h"
#include "db.h"
#include "detail.h"
#include "domain.h"
#include "sugint.h"
#include "text.h"
#include "xmalloc.h"

enum cmd_status
sug_reject(struct db *db, const struct cmd_ctx *ctx, const char *number,
    const char *reason, const char *note, struct date date)
{
	struct detail *d;
	struct sug g;
	enum cmd_status st;
	char day[11];
	int rc;

	if ((st = sug_load_for(db, number, ACT_REJECT, &g)) != CMD_OK)
		return st;
	if ((rc = sug_has_followers(db, &g, N_("reject"))) != 0)
		return rc == 1 ? CMD_REFUSED : CMD_FAIL;
	date_iso(date, day);
	if ((st = sug_not_before(N_("screening"), day, g.received_on,
	    N_("date it was received"))) != CMD_OK ||
	    (st = sug_in_order(N_("screening"), day, &g)) != CMD_OK ||
	    (st = sug_set_status(db, g.id, ST_NOT_ACCEPTED)) != CMD_OK)
		return st;
	g.status = ST_NOT_ACCEPTED;
	text_copy(g.last_change, sizeof g.last_change, day);
	d = detail_new();
	detail_str(d, "reason", reason);
	detail_str(d, "note", note);
	return sug_remember(db, &g, event_add_detail(db, ctx, g.id, date,
	    "not_accepted", d));
}

enum cmd_status
sug_sign(struct db *db, const struct cmd_ctx *ctx, const char *number,
    const char *dept, struct date date)
{
	struct detail *d;
	struct sug g;
	struct stmt *s;
	enum cmd_status st;
	long long id, aid;
	char day[11], role[8], since[11], signed_on[11], by[11];

	if ((st = sug_load_for(db, number, ACT_SIGN, &g)) != CMD_OK ||
	    (st = sug_handling_dept(db, &g, dept, &id, role)) != CMD_OK ||
	    (st = sug_assignment_of(db, &g, id, &aid, since, signed_on)) !=
	    CMD_OK)
		return st;
	if (signed_on[0] != '\0') {
		refuse(_("'%s' signed for '%s' already, on %s"), dept, g.number,
		    signed_on);
		return CMD_REFUSED;
	}
	date_iso(date, day);
	if ((st = sug_not_before(N_("signing"), day, since,
	    N_("assignment"))) != CMD_OK ||
	    (st = cal_workdays_after(db, since, "sign_workdays", by)) !=
	    CMD_OK)
		return st;
	s = db_stmt(db, "UPDATE assignment SET signed_on = :day"
	    " WHERE id = :aid");
	st_text(s, ":day", day);
	st_int(s, ":aid", aid);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	d = detail_new();
	detail_str(d, "dept", dept);
	detail_str(d, "role", role);
	if (strcmp(day, by) > 0)
		detail_str(d, "by", by);
	return sug_remember(db, &g, event_add_detail(db, ctx, g.id, date,
	    "signed", d));
}

enum cmd_status
sug_opinion(struct db *db, const struct cmd_ctx *ctx, const char *number,
    const char *dept, const char *text, struct date date)
{
	struct detail *d;
	struct sug g;
	struct stmt *s;
	struct date from;
	enum cmd_status st;
	long long id, aid;
	char day[11], role[8], since[11], signed_on[11], by[11];

	if ((st = sug_load_for(db, number, ACT_OPINION, &g)) != CMD_OK ||
	    (st = sug_handling_dept(db, &g, dept, &id, role)) != CMD_OK)
		return st;
	if (strcmp(role, "lead") == 0) {
		refuse(_("'%s' is a lead department of '%s'; an opinion comes "
		    "from a co-handling department"), dept, g.number);
		return CMD_REFUSED;
	}
	if ((st = sug_assignment_of(db, &g, id, &aid, since, signed_on)) !=
	    CMD_OK)
		return st;
	date_iso(date, day);
	if ((st = sug_not_before(N_("opinion"), day, since,
	    N_("assignment"))) != CMD_OK)
		return st;
	/* 上海市代表建议规定 Art. 17: within a month of routing. */
	if (date_parse(since, 0, &from) == -1)
		return CMD_FAIL;
	date_iso(date_add_months(from, config_int(db, "co_due_months", 1)),
	    by);
	s = db_stmt(db, "INSERT INTO opinion(suggestion_id, department_id,"
	    " sent_on, text) VALUES (:sid, :dept, :day, :text)");
	st_int(s, ":sid", g.id);
	st_int(s, ":dept", id);
	st_text(s, ":day", day);
	st_text(s, ":text", text);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	d = detail_new();
	detail_str(d, "dept", dept);
	if (strcmp(day, by) > 0)
		detail_str(d, "by", by);
	return sug_remember(db, &g, event_add_detail(db, ctx, g.id, date,
	    "opinion", d));
}

enum cmd_status
sug_merge(struct db *db, const struct cmd_ctx *ctx, const char *number,
    const char *into, struct date date, int recorded, const char *due)
{
	struct detail *d;
	struct sug g, m;
	struct stmt *s;
	enum cmd_status st;
	long long id;
	char day[11], *mnum = NULL, *mfollows = NULL;
	int rc;

	/* The one it follows, kept apart: loading g reuses the strings. */
	if ((st = sug_load(db, into, &m)) != CMD_OK)
		return st;
	id = m.id;
	mnum = xstrdup(m.number);
	if (m.merged_into != 0)
		mfollows = xstrdup(m.merged_number);
	if ((st = sug_load_for(db, number, ACT_MERGE, &g)) != CMD_OK)
		goto out;
	st = CMD_REFUSED;
	if (g.id == id) {
		refuse(_("cannot merge '%s' into itself"), g.number);
		goto out;
	}
	if ((m.status == ST_CLOSED && !recorded) || m.status == ST_WITHDRAWN ||
	    m.status == ST_NOT_ACCEPTED) {
		refuse(_("cannot merge into '%s': it is %s"), mnum,
		    _(vocab_status[m.status].label));
		goto out;
	}
	if (mfollows != NULL) {
		refuse(_("cannot merge into '%s': it is merged into '%s' "
		    "itself"), mnum, mfollows);
		goto out;
	}
	if ((rc = sug_has_followers(db, &g, N_("merge"))) != 0) {
		st = rc == 1 ? CMD_REFUSED : CMD_FAIL;
		goto out;
	}
	/* A ledger does not date the merge: the later of the days the two
	 * were received. */
	date_iso(date, day);
	if (recorded && strcmp(day, m.received_on) < 0 &&
	    date_parse(m.received_on, 0, &date) == 0)
		date_iso(date, day);
	if ((st = sug_not_before(N_("merging"), day, g.received_on,
	    N_("date it was received"))) != CMD_OK ||
	    (st = sug_not_before(N_("merging"), day, m.received_on,
	    N_("date the other was received"))) != CMD_OK ||
	    (st = sug_in_order(N_("merging"), day, &g)) != CMD_OK)
		goto out;
	/* It takes the state of the one it follows, its deadline and the
	 * replies it has had: replied once there is one, for its own lead
	 * deputy to rate. */
	s = db_stmt(db, "UPDATE suggestion SET merged_into = m.id,"
	    " status = CASE WHEN m.status IN ('registered', 'assigned')"
	    " THEN m.status ELSE 'replied' END, assigned_on = m.assigned_on,"
	    " due_on = coalesce(:due, m.due_on), handler = m.handler"
	    " FROM (SELECT id, status, assigned_on, due_on, handler"
	    " FROM suggestion WHERE id = :m) m WHERE suggestion.id = :n");
	st_int(s, ":m", id);
	st_int(s, ":n", g.id);
	st_text(s, ":due", due);
	if (st_exec(s) == -1)
		goto fail;
	s = db_stmt(db, "INSERT INTO deadline(suggestion_id, set_on, due_on,"
	    " reason) SELECT id, :day, due_on, 'assign' FROM suggestion"
	    " WHERE id = :n AND due_on IS NOT NULL");
	st_int(s, ":n", g.id);
	st_text(s, ":day", day);
	if (st_exec(s) == -1)
		goto fail;
	s = db_stmt(db, "INSERT INTO reply(suggestion_id, department_id,"
	    " replied_on, class, text) SELECT :n, department_id, replied_on,"
	    " class, text FROM reply WHERE suggestion_id = :m ORDER BY id");
	st_int(s, ":m", id);
	st_int(s, ":n", g.id);
	if (st_exec(s) == -1)
		goto fail;
	sug_merged_one(db);
	d = detail_new();
	detail_str(d, "into", mnum);
	if ((st = event_add_detail(db, ctx, g.id, date, "merged", d)) !=
	    CMD_OK)
		goto out;
	d = detail_new();
	detail_str(d, "merged", g.number);
	st = event_add_detail(db, ctx, id, date, "merged", d);
	sug_forget(db);
out:
	free(mnum);
	free(mfollows);
	return st;
fail:
	st = CMD_FAIL;
	goto out;
}

/* How many suggestions alike are named; "similar" lists the rest. */
#define LIKE_SHOWN 10

/* The suggestions like one: how many, whether one is of an earlier year
 * than its own, and where the lines are about. */
struct alike {
	const char *number, *where;
	char        year[5];
	long        n;
	int         earlier;
};

/* number, year, status, percent, title (sug_similar's row). */
static int
tell_alike(void *arg, const char *const *v)
{
	struct alike *l = arg;

	if (strcmp(v[1], l->year) < 0)
		l->earlier = 1;
	if (l->n++ >= LIKE_SHOWN)
		return 0;
	if (l->where == NULL)
		warnx(_("like %s (%s, %s, %s%%): %s"), v[0], v[1],
		    vocab_label(vocab_status, v[2]), v[3], v[4]);
	else
		warnx(_("%s: %s like %s (%s, %s, %s%%): %s"), l->where,
		    l->number, v[0], v[1], vocab_label(vocab_status, v[2]),
		    v[3], v[4]);
	return 0;
}

enum cmd_status
sug_tell_alike(struct db *db, const char *number, const char *title,
    int year, const char *where)
{
	struct alike l = { number, where, "", 0, 0 };
	enum cmd_status st;
	long more;

	snprintf(l.year, sizeof l.year, "%04d", year);
	if ((st = sug_similar(db, number, title,
	    config_int(db, "similar_percent", 50), tell_alike, &l)) != CMD_OK)
		return st;
	if ((more = l.n - LIKE_SHOWN) > 0) {
		if (where == NULL)
			warnx(ngettext("... and %ld more: jianyi similar %s",
			    "... and %ld more: jianyi similar %s", more), more,
			    number);
		else
			warnx(ngettext("%s: ... and %ld more: jianyi similar %s",
			    "%s: ... and %ld more: jianyi similar %s", more),
			    where, more, number);
	}
	/* Like one of an earlier year: a matter raised again. */
	if (!l.earlier)
		return CMD_OK;
	if ((st = sug_recurring(db, number)) != CMD_OK)
		return st;
	if (where == NULL)
		warnx(_("%s is marked recurring (多年重复): a suggestion of an "
		    "earlier year is like it"), number);
	else
		warnx(_("%s: %s is marked recurring (多年重复): a suggestion of "
		    "an earlier year is like it"), where, number);
	return CMD_OK;
}

enum cmd_status
sug_recurring(struct db *db, const char *number)
{
	struct stmt *s = db_stmt(db, "UPDATE suggestion SET recurring = 1"
	    " WHERE number = :number");

	sug_forget(db);
	st_text(s, ":number", number);
	return st_exec(s) == -1 ? CMD_FAIL : CMD_OK;
}
