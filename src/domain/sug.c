/*
 * sug.c — the suggestions: registering them, and the lifecycle (assign,
 * return, contact, extend, reply, rate, close, withdraw) with its rules.
 * Every change writes one event. The import's edits are sug-edit.c's, the
 * queries query.c's.
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
#include "detail.h"
#include "domain.h"
#include "sugint.h"
#include "text.h"

/* Replaces *slot with a copy of s (NULL is ""); returns the copy. */
static const char *
keep(char **slot, const char *s)
{
	char *p;

	p = xstrdup(s != NULL ? s : "");
	free(*slot);
	*slot = p;
	return p;
}

/*
 * The suggestion that the latest change was made to, as load() would read
 * it back: an import enters a new row's stages (registered, assigned,
 * replied, rated) one after the other, and each would read the row again.
 * It is used only on the same connection (it lives in struct db: db_slot)
 * while the latest event in the database is still the one that change
 * wrote, and no row has been inserted since: any other change (each
 * writes an event), a rollback or another connection's work makes it
 * stale, and load() reads the database.
 *
 * The strings of a struct sug: load() keeps those it reads in loaded_*,
 * and sug_remember() its own copies in the others, each valid until the next
 * load() or sug_remember(). A struct sug lives for one domain call.
 */
struct last {
	int        valid;
	long long  event; /* the id of the event the change wrote */
	struct sug g;
	char      *number, *lead, *merged, *loaded_number, *loaded_lead,
	          *loaded_merged;
	/* Whether any suggestion is merged into another, as read in the
	 * transaction merged_txn: most databases have none, and every step
	 * would otherwise look for followers. */
	unsigned long merged_txn;
	int        merged_any;
};

static void
last_free(void *p)
{
	struct last *l = p;

	free(l->number);
	free(l->lead);
	free(l->loaded_number);
	free(l->loaded_lead);
	free(l->merged);
	free(l->loaded_merged);
	free(l);
}

static struct last *
last_in(struct db *db)
{
	return db_slot(db, DB_SLOT_LAST, sizeof(struct last), last_free);
}

/* Forgets the remembered suggestion: called before every change. */
void
sug_forget(struct db *db)
{
	last_in(db)->valid = 0;
}

void
sug_merged_one(struct db *db)
{
	struct last *l = last_in(db);

	l->merged_txn = db_txn(db);
	l->merged_any = 1;
}

/* 1 if some suggestion follows another, 0 if none, -1 on error. */
static int
any_merged(struct db *db)
{
	struct last *l = last_in(db);
	struct stmt *s;

	if (l->merged_txn == 0 || l->merged_txn != db_txn(db)) {
		s = db_stmt(db, "SELECT EXISTS (SELECT 1 FROM suggestion"
		    " WHERE merged_into IS NOT NULL)");
		if (st_step(s) != 1)
			return -1;
		l->merged_any = st_colint(s, 0) != 0;
		l->merged_txn = db_txn(db);
	}
	return l->merged_any;
}

/* Remembers g as it stands after a change whose event was just written. */
enum cmd_status
sug_remember(struct db *db, const struct sug *g, enum cmd_status st)
{
	struct last *l = last_in(db);

	if (st == CMD_OK) {
		l->valid = 1;
		l->event = db_last_id(db);
		l->g = *g;
		l->g.number = keep(&l->number, g->number);
		l->g.lead_name = keep(&l->lead, g->lead_name);
		l->g.merged_number = keep(&l->merged, g->merged_number);
	}
	return st;
}

/* 1 if the remembered suggestion is number as the database holds it. */
static int
remembered(struct db *db, const char *number)
{
	struct last *l = last_in(db);
	struct stmt *s;
	int rc;

	if (!l->valid || db_last_id(db) != l->event ||
	    strcmp(number, l->g.number) != 0)
		return 0;
	/* SQLite takes a bare column from the row of the max(). */
	s = db_stmt(db, "SELECT max(id), suggestion_id FROM event");
	rc = st_step(s);
	return rc == 1 && st_colint(s, 0) == l->event &&
	    st_colint(s, 1) == l->g.id;
}

enum cmd_status
sug_load(struct db *db, const char *number, struct sug *g)
{
	struct stmt *s;
	int rc;

	if (remembered(db, number)) {
		*g = last_in(db)->g;
		return CMD_OK;
	}
	s = db_stmt(db, "SELECT s.id, s.number, s.status, s.received_on,"
	    " s.assigned_on, s.due_on,"
	    " (SELECT max(replied_on) FROM reply r"
	    "  WHERE r.suggestion_id = s.id),"
	    " (SELECT max(rated_on) FROM rating r"
	    "  WHERE r.suggestion_id = s.id),"
	    " a.department_id, d.name,"
	    " (SELECT max(on_date) FROM event e WHERE e.suggestion_id = s.id"
	    "  AND e.action NOT IN ('contact', 'edited')),"
	    " s.merged_into, (SELECT m.number FROM suggestion m"
	    "  WHERE m.id = s.merged_into)"
	    " FROM suggestion s"
	    " LEFT JOIN assignment a ON a.id = (SELECT min(id)"
	    "  FROM assignment f WHERE f.suggestion_id = s.id"
	    "  AND f.role = 'lead' AND f.ended_on IS NULL)"
	    " LEFT JOIN department d ON d.id = a.department_id"
	    " WHERE s.number = :number");
	st_text(s, ":number", number);
	if ((rc = st_step(s)) == -1)
		return CMD_FAIL;
	if (rc == 0) {
		refuse(_("no suggestion numbered '%s'"), number);
		return CMD_REFUSED;
	}
	g->id = st_colint(s, 0);
	g->number = keep(&last_in(db)->loaded_number, st_col(s, 1));
	g->status = vocab_find(vocab_status, st_col(s, 2));
	text_copy(g->received_on, sizeof g->received_on, st_col(s, 3));
	text_copy(g->assigned_on, sizeof g->assigned_on, st_col(s, 4));
	text_copy(g->due_on, sizeof g->due_on, st_col(s, 5));
	text_copy(g->last_reply, sizeof g->last_reply, st_col(s, 6));
	text_copy(g->last_rating, sizeof g->last_rating, st_col(s, 7));
	g->lead = st_colint(s, 8);
	g->lead_name = keep(&last_in(db)->loaded_lead, st_col(s, 9));
	text_copy(g->last_change, sizeof g->last_change, st_col(s, 10));
	g->merged_into = st_colint(s, 11);
	g->merged_number = keep(&last_in(db)->loaded_merged, st_col(s, 12));
	return CMD_OK;
}

static const char *const verbs[] = {
	[ACT_ASSIGN] = N_("assign"),
	[ACT_RETURN] = N_("return"),
	[ACT_CONTACT] = N_("record a contact for"),
	[ACT_EXTEND] = N_("extend"),
	[ACT_REPLY] = N_("record a reply for"),
	[ACT_RATE] = N_("rate"),
	[ACT_CLOSE] = N_("close"),
	[ACT_WITHDRAW] = N_("withdraw"),
	[ACT_SUPERVISE] = N_("supervise"),
	[ACT_REJECT] = N_("reject"),
	[ACT_SIGN] = N_("sign for"),
	[ACT_OPINION] = N_("record an opinion for"),
	[ACT_MERGE] = N_("merge"),
};

/* Loads a suggestion and checks that the action is allowed in its state. */
enum cmd_status
sug_load_for(struct db *db, const char *number, enum action a,
    struct sug *g)
{
	enum cmd_status st;

	st = sug_load(db, number, g);
	sug_forget(db);
	if (st != CMD_OK)
		return st;
	if (!lifecycle_allows(g->status, a)) {
		refuse(_("cannot %s '%s': it is %s"), _(verbs[a]), g->number,
		    _(vocab_status[g->status].label));
		return CMD_REFUSED;
	}
	/* A merged suggestion follows the one it was merged into; its own
	 * lead deputy still rates it. */
	if (g->merged_into != 0 && a != ACT_RATE && a != ACT_CLOSE &&
	    a != ACT_WITHDRAW && a != ACT_SUPERVISE) {
		refuse(_("cannot %s '%s': it is merged into '%s', whose "
		    "handling it follows"), _(verbs[a]), g->number,
		    g->merged_number);
		return CMD_REFUSED;
	}
	return CMD_OK;
}

/* Refuses a date before an earlier step: "reply date 2022-01-01 is before
 * the assignment (2022-02-01)". The names of the steps are message ids,
 * translated only for the refusal. */
enum cmd_status
sug_not_before(const char *what, const char *day, const char *earlier,
    const char *earlier_what)
{
	if (earlier[0] != '\0' && strcmp(day, earlier) < 0) {
		refuse(_("%s date %s is before the %s (%s)"), _(what), day,
		    _(earlier_what), earlier);
		return CMD_REFUSED;
	}
	return CMD_OK;
}

/* Keeps the history in order: a change of state is not dated before the
 * latest one. */
enum cmd_status
sug_in_order(const char *what, const char *day, const struct sug *g)
{
	return sug_not_before(what, day, g->last_change, N_("latest change"));
}

enum cmd_status
sug_set_status(struct db *db, long long id, enum status to)
{
	struct stmt *s = db_stmt(db, "UPDATE suggestion SET status = :status"
	    " WHERE id = :id");

	st_text(s, ":status", vocab_status[to].key);
	st_int(s, ":id", id);
	return st_exec(s) == -1 ? CMD_FAIL : CMD_OK;
}

/* Remembers a deadline: when it was set and why. */
static enum cmd_status
add_deadline(struct db *db, long long id, const char *set_on,
    const char *due, const char *reason)
{
	struct stmt *s;

	s = db_stmt(db, "INSERT INTO deadline(suggestion_id, set_on, due_on,"
	    " reason) VALUES (:id, :set_on, :due, :reason)");
	st_int(s, ":id", id);
	st_text(s, ":set_on", set_on);
	st_text(s, ":due", due);
	st_text(s, ":reason", reason);
	return st_exec(s) == -1 ? CMD_FAIL : CMD_OK;
}

/* Sets the deadline in force, remembering when it was set and why. */
static enum cmd_status
set_due(struct db *db, long long id, const char *set_on, const char *due,
    const char *reason)
{
	struct stmt *s;

	s = db_stmt(db, "UPDATE suggestion SET due_on = :due WHERE id = :id");
	st_text(s, ":due", due);
	st_int(s, ":id", id);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	return add_deadline(db, id, set_on, due, reason);
}

/* The next number in the year: YYYY-NNNN, into *number (caller frees). */
static enum cmd_status
next_number(struct db *db, int year, long long *seq, char **number)
{
	struct stmt *s = db_stmt(db, "SELECT coalesce(max(seq), 0) + 1"
	    " FROM suggestion WHERE year = :year");

	st_int(s, ":year", year);
	if (st_step(s) != 1)
		return CMD_FAIL;
	*seq = st_colint(s, 0);
	*number = text_printf("%04d-%04lld", year, *seq);
	return CMD_OK;
}

int
sug_exists(struct db *db, const char *number)
{
	struct stmt *s = db_stmt(db, "SELECT 1 FROM suggestion"
	    " WHERE number = :number");

	st_text(s, ":number", number);
	return st_step(s);
}

/*
 * A number kept as given: "2022-0007" gives year 2022 and sequence 7, so
 * that later numbers follow it; any other form keeps the year received
 * and no sequence.
 */
static enum cmd_status
given_number(struct db *db, const struct sug_new *n, int *year,
    long long *seq)
{
	const char *p = n->number;
	char *end;
	int rc;

	if ((rc = sug_exists(db, p)) == -1)
		return CMD_FAIL;
	if (rc == 1) {
		refuse(_("number '%s' is taken"), p);
		return CMD_REFUSED;
	}
	*year = n->received.y;
	*seq = 0;
	if (strlen(p) >= 6 && p[4] == '-' && p[5] >= '0' && p[5] <= '9' &&
	    strspn(p, "0123456789") == 4) {
		long long v = strtoll(p + 5, &end, 10);

		if (*end == '\0' && v > 0 && v < 100000000) {
			*year = atoi(p);
			*seq = v;
			/* A year-and-sequence taken by another form of the
			 * number (2022-7 and 2022-0007) keeps no sequence. */
			struct stmt *s = db_stmt(db, "SELECT 1 FROM suggestion"
			    " WHERE year = :year AND seq = :seq");
			st_int(s, ":year", *year);
			st_int(s, ":seq", *seq);
			if ((rc = st_step(s)) == -1)
				return CMD_FAIL;
			if (rc == 1)
				*seq = 0;
		}
	}
	return CMD_OK;
}

enum cmd_status
sug_add(struct db *db, const struct cmd_ctx *ctx, const struct sug_new *n,
    char **number)
{
	struct detail *d;
	struct stmt *s;
	struct sug g;
	enum cmd_status st;
	long long station = 0, deputy = 0, cos, id, seq;
	const char *source = n->source;
	char *num = NULL, day[11];
	int year, i;

	sug_forget(db);
	/* Limits first: nothing is written before they are met. */
	if (n->number != NULL && text_chars(n->number) > MAX_NUMBER) {
		refuse(_("number is too long (%zu characters; at most %d)"),
		    text_chars(n->number), MAX_NUMBER);
		return CMD_REFUSED;
	}
	if (n->ncosigners > MAX_LIST) {
		refuse(_("too many cosigners (%d; at most %d)"), n->ncosigners,
		    MAX_LIST);
		return CMD_REFUSED;
	}
	if (n->station != NULL &&
	    (st = reg_find(db, REG_STATION, n->station, 1, &station)) !=
	    CMD_OK)
		return st;
	if (n->deputy != NULL &&
	    (st = reg_find(db, REG_DEPUTY, n->deputy, 1, &deputy)) != CMD_OK)
		return st;
	if (source == NULL)
		source = station ? "reception" : "other";
	if (n->number == NULL) {
		if ((st = next_number(db, n->received.y, &seq, &num)) !=
		    CMD_OK)
			return st;
		year = n->received.y;
	} else {
		if ((st = given_number(db, n, &year, &seq)) != CMD_OK)
			return st;
		num = text_printf("%s", n->number);
	}

	s = db_stmt(db, "INSERT INTO suggestion(number, year, seq, title,"
	    " content, station_id, source, category, received_on, submitter,"
	    " phone, lead_deputy_id, note) VALUES (:number, :year, :seq,"
	    " :title, :content, :station, :source, :category, :received,"
	    " :submitter, :phone, :deputy, :note)");
	st_text(s, ":number", num);
	st_int(s, ":year", year);
	if (seq > 0)
		st_int(s, ":seq", seq);
	st_text(s, ":title", n->title);
	st_text(s, ":content", n->content);
	if (station)
		st_int(s, ":station", station);
	st_text(s, ":source", source);
	st_text(s, ":category", n->category);
	st_text(s, ":received", date_iso(n->received, day));
	st_text(s, ":submitter", n->submitter);
	st_text(s, ":phone", n->phone);
	st_text(s, ":note", n->note);
	if (deputy)
		st_int(s, ":deputy", deputy);
	if (st_exec(s) == -1) {
		st = CMD_FAIL;
		goto out;
	}
	id = db_last_id(db);

	for (i = 0; i < n->ncosigners; i++) {
		if ((st = reg_find(db, REG_DEPUTY, n->cosigners[i], 1, &cos)) !=
		    CMD_OK)
			goto out;
		if (cos == deputy) {
			refuse(_("'%s' is the lead deputy and cannot also "
			    "cosign"), n->cosigners[i]);
			st = CMD_REFUSED;
			goto out;
		}
		s = db_stmt(db, "INSERT OR IGNORE INTO cosigner"
		    " VALUES (:id, :deputy, :pos)");
		st_int(s, ":id", id);
		st_int(s, ":deputy", cos);
		st_int(s, ":pos", i);
		if (st_exec(s) == -1) {
			st = CMD_FAIL;
			goto out;
		}
	}
	d = detail_new();
	detail_str(d, "source", source);
	detail_str(d, "station", n->station);
	detail_str(d, "lead_deputy", n->deputy);
	memset(&g, 0, sizeof g);
	g.id = id;
	g.number = num;
	g.lead_name = "";
	g.merged_number = "";
	g.status = ST_REGISTERED;
	text_copy(g.received_on, sizeof g.received_on, day);
	text_copy(g.last_change, sizeof g.last_change, day);
	st = sug_remember(db, &g, event_add_detail(db, ctx, id, n->received,
	    "registered", d));
out:
	if (st == CMD_OK && number != NULL)
		*number = num;
	else
		free(num);
	return st;
}

static enum cmd_status
add_assignment(struct db *db, long long sid, long long dept,
    const char *role, const char *day)
{
	struct stmt *s = db_stmt(db, "INSERT INTO assignment(suggestion_id,"
	    " department_id, role, assigned_on) VALUES (:sid, :dept, :role,"
	    " :day)");

	st_int(s, ":sid", sid);
	st_int(s, ":dept", dept);
	st_text(s, ":role", role);
	st_text(s, ":day", day);
	return st_exec(s) == -1 ? CMD_FAIL : CMD_OK;
}

/* Finds the departments of names[0..n) into ids, each different from
 * those already in ids[0..before) and from each other. */
static enum cmd_status
find_depts(struct db *db, const char *const *names, int n, long long *ids,
    int before)
{
	enum cmd_status st;
	int i, j;

	for (i = 0; i < n; i++) {
		if ((st = reg_find(db, REG_DEPT, names[i], 1,
		    &ids[before + i])) != CMD_OK)
			return st;
		for (j = 0; j < before + i; j++)
			if (ids[j] == ids[before + i]) {
				refuse(_("department '%s' is named twice"),
				    names[i]);
				return CMD_REFUSED;
			}
	}
	return CMD_OK;
}

enum cmd_status
sug_assign(struct db *db, const struct cmd_ctx *ctx, const char *number,
    const struct sug_assign *a)
{
	struct detail *d;
	struct sug g;
	struct stmt *s;
	enum cmd_status st;
	long long *ids = NULL;
	struct date due;
	char day[11], dueday[11];
	int i, n, months;

	if (a->nco > MAX_LIST) {
		refuse(_("too many co-handling departments (%d; at most %d)"),
		    a->nco, MAX_LIST);
		return CMD_REFUSED;
	}
	if (a->nleads > MAX_LIST) {
		refuse(_("too many lead departments (%d; at most %d)"),
		    a->nleads, MAX_LIST);
		return CMD_REFUSED;
	}
	if ((st = sug_load_for(db, number, ACT_ASSIGN, &g)) != CMD_OK)
		return st;
	date_iso(a->date, day);
	if ((st = sug_not_before(N_("assignment"), day, g.received_on,
	    N_("date it was received"))) != CMD_OK ||
	    (st = sug_in_order(N_("assignment"), day, &g)) != CMD_OK)
		return st;
	/* 代表法 Art. 51: 3 months, 6 for a complex matter (the settings). */
	months = a->complex ? config_int(db, "complex_due_months", 6) :
	    config_int(db, "due_months", 3);
	due = a->has_due ? a->due : date_add_months(a->date, months);
	if (!date_valid(due.y, due.m, due.d)) {
		n = months;
		refuse(ngettext("deadline: %d month after %s is after %s, "
		    "the last date kept", "deadline: %d months after %s is "
		    "after %s, the last date kept", n), n, day, DATE_LAST);
		return CMD_REFUSED;
	}
	date_iso(due, dueday);
	if (strcmp(dueday, day) < 0) {
		refuse(_("deadline %s is before the assignment (%s)"), dueday,
		    day);
		return CMD_REFUSED;
	}
	ids = xcalloc(a->nleads + a->nco + 1, sizeof *ids);
	if ((st = find_depts(db, a->leads, a->nleads, ids, 0)) != CMD_OK ||
	    (st = find_depts(db, (const char *const *)a->co, a->nco, ids,
	    a->nleads)) != CMD_OK)
		goto out;
	for (i = 0; i < a->nleads + a->nco; i++)
		if ((st = add_assignment(db, g.id, ids[i],
		    i < a->nleads ? "lead" : "co", day)) != CMD_OK)
			goto out;
	s = db_stmt(db, "UPDATE suggestion SET status = 'assigned',"
	    " assigned_on = :day, due_on = :due, handler = :handler"
	    " WHERE id = :id");
	st_text(s, ":day", day);
	st_text(s, ":due", dueday);
	st_text(s, ":handler", a->handler);
	st_int(s, ":id", g.id);
	if (st_exec(s) == -1 ||
	    add_deadline(db, g.id, day, dueday, "assign") != CMD_OK) {
		st = CMD_FAIL;
		goto out;
	}

	d = detail_new();
	/* One lead is a name, as it always was; several a list. */
	if (a->nleads == 1)
		detail_str(d, "lead", a->leads[0]);
	else
		detail_list(d, "lead", a->leads, a->nleads);
	detail_list(d, "co", (const char *const *)a->co, a->nco);
	detail_str(d, "due", dueday);
	detail_str(d, "handler", a->handler);
	if (a->complex && !a->has_due)
		detail_int(d, "complex", months);
	g.status = ST_ASSIGNED;
	text_copy(g.assigned_on, sizeof g.assigned_on, day);
	text_copy(g.due_on, sizeof g.due_on, dueday);
	text_copy(g.last_change, sizeof g.last_change, day);
	g.lead = ids[0];
	g.lead_name = a->leads[0];
	st = sug_remember(db, &g, event_add_detail(db, ctx, g.id, a->date,
	    "assigned", d));
	if (st == CMD_OK)
		st = sug_follow(db, ctx, &g, a->date, "assigned", NULL,
		    NULL);
out:
	free(ids);
	return st;
}

/* The role of a department in a suggestion's live assignment: "lead",
 * "co", or NULL. */
static enum cmd_status
role_of(struct db *db, const struct sug *g, long long dept, char *role)
{
	struct stmt *s = db_stmt(db, "SELECT role FROM assignment"
	    " WHERE suggestion_id = :sid AND department_id = :dept"
	    " AND ended_on IS NULL");
	int rc;

	st_int(s, ":sid", g->id);
	st_int(s, ":dept", dept);
	if ((rc = st_step(s)) == -1)
		return CMD_FAIL;
	text_copy(role, 8, rc == 1 ? st_col(s, 0) : "");
	return CMD_OK;
}

/* Finds a department that must be handling the suggestion now. */
enum cmd_status
sug_handling_dept(struct db *db, const struct sug *g, const char *name,
    long long *dept, char *role)
{
	enum cmd_status st;

	if ((st = reg_find(db, REG_DEPT, name, 0, dept)) != CMD_OK)
		return st;
	/* The lead is known; a department is never both lead and co. */
	if (*dept == g->lead)
		text_copy(role, 8, "lead");
	else if ((st = role_of(db, g, *dept, role)) != CMD_OK)
		return st;
	if (role[0] == '\0') {
		refuse(_("'%s' is not handling '%s' (the lead department is "
		    "'%s')"), name, g->number, g->lead_name);
		return CMD_REFUSED;
	}
	return CMD_OK;
}

/* The live assignment of dept to g: its id, the day it began and the day
 * it was signed for ("" for none). */
enum cmd_status
sug_assignment_of(struct db *db, const struct sug *g, long long dept,
    long long *aid, char *since, char *signed_on)
{
	struct stmt *s = db_stmt(db, "SELECT id, assigned_on, signed_on"
	    " FROM assignment WHERE suggestion_id = :sid"
	    " AND department_id = :dept AND ended_on IS NULL");

	st_int(s, ":sid", g->id);
	st_int(s, ":dept", dept);
	if (st_step(s) != 1)
		return CMD_FAIL;
	*aid = st_colint(s, 0);
	text_copy(since, 11, st_col(s, 1));
	text_copy(signed_on, 11, st_col(s, 2));
	return CMD_OK;
}

/* How many live lead departments of g have not answered since they
 * were routed and since the latest rating (*all), and how many of them
 * other than dept (*others): each lead owes an answer (分办). */
static enum cmd_status
leads_waiting(struct db *db, const struct sug *g, long long dept,
    long long *all, long long *others)
{
	struct stmt *s = db_stmt(db, "SELECT count(*),"
	    " count(*) FILTER (WHERE a.department_id <> :dept)"
	    " FROM assignment a"
	    " WHERE a.suggestion_id = :sid AND a.role = 'lead'"
	    " AND a.ended_on IS NULL"
	    " AND NOT EXISTS (SELECT 1 FROM reply r"
	    "  WHERE r.suggestion_id = :sid"
	    "  AND r.department_id = a.department_id"
	    "  AND r.replied_on >= a.assigned_on AND r.replied_on >= :since)");

	st_int(s, ":sid", g->id);
	st_int(s, ":dept", dept);
	st_text(s, ":since", g->last_rating);
	if (st_step(s) != 1)
		return CMD_FAIL;
	*all = st_colint(s, 0);
	*others = st_colint(s, 1);
	return CMD_OK;
}

enum cmd_status
sug_return(struct db *db, const struct cmd_ctx *ctx, const char *number,
    const char *dept, const char *reason, struct date date)
{
	struct detail *d;
	struct sug g;
	struct stmt *s;
	enum cmd_status st;
	long long id, aid, others = 0;
	char day[11], role[8], since[11], signed_on[11], by[11];

	if ((st = sug_load_for(db, number, ACT_RETURN, &g)) != CMD_OK ||
	    (st = sug_handling_dept(db, &g, dept, &id, role)) != CMD_OK ||
	    (st = sug_assignment_of(db, &g, id, &aid, since, signed_on)) !=
	    CMD_OK)
		return st;
	date_iso(date, day);
	if ((st = sug_not_before(N_("return"), day, g.assigned_on,
	    N_("assignment"))) != CMD_OK ||
	    (st = sug_in_order(N_("return"), day, &g)) != CMD_OK)
		return st;
	/* 上海市代表建议规定 Art. 14: within 7 working days; a later
	 * return is taken, and marked late. */
	if ((st = cal_workdays_after(db, since, "return_workdays", by)) !=
	    CMD_OK)
		return st;
	if (strcmp(role, "lead") == 0) {
		s = db_stmt(db, "SELECT count(*) FROM assignment"
		    " WHERE suggestion_id = :sid AND role = 'lead'"
		    " AND ended_on IS NULL AND id <> :aid");
		st_int(s, ":sid", g.id);
		st_int(s, ":aid", aid);
		if (st_step(s) != 1)
			return CMD_FAIL;
		others = st_colint(s, 0);
	}
	if (strcmp(role, "lead") == 0 && others == 0) {
		/* The only lead sends it back: it waits to be routed
		 * again. */
		s = db_stmt(db, "UPDATE assignment SET ended_on = :day"
		    " WHERE suggestion_id = :sid AND ended_on IS NULL");
		st_int(s, ":sid", g.id);
		st_text(s, ":day", day);
		if (st_exec(s) == -1)
			return CMD_FAIL;
		s = db_stmt(db, "UPDATE suggestion SET status = 'registered',"
		    " assigned_on = NULL, due_on = NULL, handler = NULL"
		    " WHERE id = :id");
		st_int(s, ":id", g.id);
		if (st_exec(s) == -1)
			return CMD_FAIL;
		g.status = ST_REGISTERED;
		g.assigned_on[0] = g.due_on[0] = '\0';
		g.lead_name = "";
		g.lead = 0;
	} else {
		s = db_stmt(db, "UPDATE assignment SET ended_on = :day"
		    " WHERE id = :aid");
		st_int(s, ":aid", aid);
		st_text(s, ":day", day);
		if (st_exec(s) == -1)
			return CMD_FAIL;
	}
	d = detail_new();
	detail_str(d, "dept", dept);
	detail_str(d, "role", role);
	detail_str(d, "reason", reason);
	if (strcmp(day, by) > 0)
		detail_str(d, "by", by);
	text_copy(g.last_change, sizeof g.last_change, day);
	st = event_add_detail(db, ctx, g.id, date, "returned", d);
	/* Another lead may now be the first: read it again next time. */
	if (others > 0)
		return st;
	st = sug_remember(db, &g, st);
	if (st == CMD_OK && g.status == ST_REGISTERED)
		st = sug_follow(db, ctx, &g, date, "returned", NULL, NULL);
	return st;
}

enum cmd_status
sug_contact(struct db *db, const struct cmd_ctx *ctx, const char *number,
    const char *dept, struct date date, const char *method, const char *note)
{
	struct detail *d;
	struct sug g;
	struct stmt *s;
	enum cmd_status st;
	long long id;
	char day[11], role[8];

	if ((st = sug_load_for(db, number, ACT_CONTACT, &g)) != CMD_OK ||
	    (st = sug_handling_dept(db, &g, dept, &id, role)) != CMD_OK)
		return st;
	date_iso(date, day);
	if ((st = sug_not_before(N_("contact"), day, g.assigned_on,
	    N_("assignment"))) != CMD_OK)
		return st;
	s = db_stmt(db, "INSERT INTO contact(suggestion_id, department_id,"
	    " contacted_on, method, note) VALUES (:sid, :dept, :day, :method,"
	    " :note)");
	st_int(s, ":sid", g.id);
	st_int(s, ":dept", id);
	st_text(s, ":day", day);
	st_text(s, ":method", method);
	st_text(s, ":note", note);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	d = detail_new();
	detail_str(d, "dept", dept);
	detail_str(d, "method", method);
	detail_str(d, "note", note);
	st = sug_remember(db, &g, event_add_detail(db, ctx, g.id, date,
	    "contact", d));
	return st;
}

/*
 * The statute's limits on an extension (上海市代表建议规定 Art. 19, the
 * settings): max_extensions of them, each by at most max_extend_months,
 * the deadline never more than max_due_months after routing. CMD_OK, or
 * the refusal, which quotes the rule and the latest date it allows.
 */
static enum cmd_status
extension_allowed(struct db *db, const struct sug *g, const char *dueday)
{
	int max = config_int(db, "max_extensions", 1);
	int by = config_int(db, "max_extend_months", 3);
	int within = config_int(db, "max_due_months", 6);
	struct date cur, routed, a, b;
	char late[11], last[11];
	struct stmt *s;
	long long n;

	s = db_stmt(db, "SELECT count(*), max(set_on) FROM deadline"
	    " WHERE suggestion_id = :sid AND reason = 'extend'");
	st_int(s, ":sid", g->id);
	if (st_step(s) != 1)
		return CMD_FAIL;
	if ((n = st_colint(s, 0)) >= max) {
		if (max == 0)
			refuse(_("cannot extend '%s': max_extensions is 0"),
			    g->number);
		else
			refuse(ngettext("cannot extend '%s' again: it was "
			    "extended on %s, and %d extension is allowed "
			    "(max_extensions; 上海市代表建议规定 Art. 19)",
			    "cannot extend '%s' again: it was extended on %s, "
			    "and %d extensions are allowed (max_extensions; "
			    "上海市代表建议规定 Art. 19)", max), g->number,
			    st_col(s, 1), max);
		return CMD_REFUSED;
	}
	if (date_parse(g->due_on, 0, &cur) == -1 ||
	    date_parse(g->assigned_on, 0, &routed) == -1)
		return CMD_OK;
	a = date_add_months(cur, by);
	b = date_add_months(routed, within);
	if (date_cmp(b, a) <= 0) {
		date_iso(b, late);
		if (strcmp(dueday, late) > 0) {
			refuse(ngettext("a deadline is at most %d month after "
			    "the routing on %s (max_due_months; 代表法 Art. "
			    "51): %s at the latest", "a deadline is at most "
			    "%d months after the routing on %s "
			    "(max_due_months; 代表法 Art. 51): %s at the "
			    "latest", within), within, g->assigned_on, late);
			return CMD_REFUSED;
		}
	} else {
		date_iso(a, last);
		if (strcmp(dueday, last) > 0) {
			refuse(ngettext("an extension is at most %d month "
			    "(max_extend_months; 上海市代表建议规定 Art. "
			    "19): %s at the latest", "an extension is at most "
			    "%d months (max_extend_months; 上海市代表建议规定 "
			    "Art. 19): %s at the latest", by), by, last);
			return CMD_REFUSED;
		}
	}
	return CMD_OK;
}

enum cmd_status
sug_extend(struct db *db, const struct cmd_ctx *ctx, const char *number,
    struct date due, const char *reason, struct date date,
    const char *approved_by)
{
	struct detail *d;
	struct sug g;
	enum cmd_status st;
	char day[11], dueday[11];

	if ((st = sug_load_for(db, number, ACT_EXTEND, &g)) != CMD_OK)
		return st;
	date_iso(date, day);
	date_iso(due, dueday);
	if ((st = sug_not_before(N_("extension"), day, g.assigned_on,
	    N_("assignment"))) != CMD_OK ||
	    (st = sug_in_order(N_("extension"), day, &g)) != CMD_OK)
		return st;
	if (strcmp(dueday, g.due_on) <= 0) {
		refuse(_("new deadline %s is not later than the one in force "
		    "(%s)"), dueday, g.due_on);
		return CMD_REFUSED;
	}
	if (approved_by != NULL &&
	    (st = extension_allowed(db, &g, dueday)) != CMD_OK)
		return st;
	if ((st = set_due(db, g.id, day, dueday, "extend")) != CMD_OK)
		return st;
	d = detail_new();
	detail_str(d, "due", dueday);
	detail_str(d, "was", g.due_on);
	detail_str(d, "reason", reason);
	detail_str(d, "approved_by", approved_by);
	text_copy(g.due_on, sizeof g.due_on, dueday);
	text_copy(g.last_change, sizeof g.last_change, day);
	st = sug_remember(db, &g, event_add_detail(db, ctx, g.id, date,
	    "extended", d));
	if (st == CMD_OK)
		st = sug_follow(db, ctx, &g, date, "extended", NULL, NULL);
	return st;
}

enum cmd_status
sug_reply(struct db *db, const struct cmd_ctx *ctx, const char *number,
    const char *dept, const char *cls, struct date date, const char *text)
{
	struct detail *d;
	struct sug g;
	struct stmt *s;
	enum cmd_status st;
	long long id, waiting, others;
	char day[11], role[8];

	if ((st = sug_load_for(db, number, ACT_REPLY, &g)) != CMD_OK ||
	    (st = sug_handling_dept(db, &g, dept, &id, role)) != CMD_OK)
		return st;
	if (strcmp(role, "lead") != 0) {
		refuse(_("'%s' is a co-handling department of '%s'; the reply "
		    "comes from the lead department '%s'"), dept, g.number,
		    g.lead_name);
		return CMD_REFUSED;
	}
	/* Several leads: each answers once, and the suggestion is replied
	 * when the last of them has. */
	if (leads_waiting(db, &g, id, &waiting, &others) != CMD_OK)
		return CMD_FAIL;
	/* (Both 0: a reply on the day of the rating that asked for it
	 * again, which the dates cannot tell from the one rated.) */
	if (waiting == others && others > 0) {
		refuse(ngettext("'%s' has replied to '%s' already; %lld lead "
		    "department is still to reply", "'%s' has replied to '%s' "
		    "already; %lld lead departments are still to reply",
		    others), dept, g.number, others);
		return CMD_REFUSED;
	}
	date_iso(date, day);
	if ((st = sug_not_before(N_("reply"), day, g.assigned_on,
	    N_("assignment"))) != CMD_OK ||
	    (st = sug_not_before(N_("reply"), day, g.last_rating,
	    N_("last rating"))) != CMD_OK ||
	    (st = sug_in_order(N_("reply"), day, &g)) != CMD_OK)
		return st;
	s = db_stmt(db, "INSERT INTO reply(suggestion_id, department_id,"
	    " replied_on, class, text) VALUES (:sid, :dept, :day, :class,"
	    " :text)");
	st_int(s, ":sid", g.id);
	st_int(s, ":dept", id);
	st_text(s, ":day", day);
	st_text(s, ":class", cls);
	st_text(s, ":text", text);
	if (st_exec(s) == -1 || (others == 0 &&
	    sug_set_status(db, g.id, ST_REPLIED) != CMD_OK))
		return CMD_FAIL;
	d = detail_new();
	detail_str(d, "dept", dept);
	detail_str(d, "class", cls);
	if (others > 0)
		detail_int(d, "waiting", others);
	if (others == 0)
		g.status = ST_REPLIED;
	text_copy(g.last_reply, sizeof g.last_reply, day);
	text_copy(g.last_change, sizeof g.last_change, day);
	st = sug_remember(db, &g, event_add_detail(db, ctx, g.id, date,
	    "replied", d));
	if (st == CMD_OK)
		st = sug_follow(db, ctx, &g, date, "replied", dept, cls);
	return st;
}

enum cmd_status
sug_rate(struct db *db, const struct cmd_ctx *ctx, const char *number,
    const char *rating, struct date date, const char *note)
{
	struct detail *d;
	struct sug g;
	struct stmt *s;
	enum cmd_status st;
	enum status to;
	char day[11], dueday[11];

	if ((st = sug_load_for(db, number, ACT_RATE, &g)) != CMD_OK)
		return st;
	date_iso(date, day);
	if ((st = sug_not_before(N_("rating"), day, g.last_reply,
	    N_("reply"))) != CMD_OK ||
	    (st = sug_in_order(N_("rating"), day, &g)) != CMD_OK)
		return st;
	s = db_stmt(db, "INSERT INTO rating(suggestion_id, rated_on, rating,"
	    " note) VALUES (:sid, :day, :rating, :note)");
	st_int(s, ":sid", g.id);
	st_text(s, ":day", day);
	st_text(s, ":rating", rating);
	st_text(s, ":note", note);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	to = status_after_rating(vocab_find(vocab_rating, rating));
	if ((st = sug_set_status(db, g.id, to)) != CMD_OK)
		return st;
	if (to == ST_REHANDLING) {
		struct date due = date_add_months(date,
		    config_int(db, "rehandle_months", 1));

		if (!date_valid(due.y, due.m, due.d)) {
			int n = config_int(db, "rehandle_months", 1);

			refuse(ngettext("deadline: %d month after %s is after "
			    "%s, the last date kept", "deadline: %d months "
			    "after %s is after %s, the last date kept", n), n,
			    day, DATE_LAST);
			return CMD_REFUSED;
		}
		date_iso(due, dueday);
		if ((st = set_due(db, g.id, day, dueday, "rehandling")) !=
		    CMD_OK)
			return st;
	}
	d = detail_new();
	detail_str(d, "rating", rating);
	if (to == ST_REHANDLING) {
		detail_str(d, "due", dueday);
		text_copy(g.due_on, sizeof g.due_on, dueday);
	}
	detail_str(d, "note", note);
	g.status = to;
	text_copy(g.last_rating, sizeof g.last_rating, day);
	text_copy(g.last_change, sizeof g.last_change, day);
	st = sug_remember(db, &g, event_add_detail(db, ctx, g.id, date,
	    "rated", d));
	return st;
}

/* A change whose detail is only its reason (close, withdraw). */
static enum cmd_status
event_reason(struct db *db, const struct cmd_ctx *ctx, long long id,
    struct date date, const char *action, const char *reason)
{
	struct detail *d = detail_new();

	detail_str(d, "reason", reason);
	return event_add_detail(db, ctx, id, date, action, d);
}

enum cmd_status
sug_close(struct db *db, const struct cmd_ctx *ctx, const char *number,
    struct date date, const char *reason)
{
	struct sug g;
	enum cmd_status st;
	char day[11];

	if ((st = sug_load_for(db, number, ACT_CLOSE, &g)) != CMD_OK)
		return st;
	date_iso(date, day);
	if ((st = sug_not_before(N_("closing"), day, g.last_reply,
	    N_("reply"))) != CMD_OK ||
	    (st = sug_in_order(N_("closing"), day, &g)) != CMD_OK ||
	    (st = sug_set_status(db, g.id, ST_CLOSED)) != CMD_OK)
		return st;
	g.status = ST_CLOSED;
	text_copy(g.last_change, sizeof g.last_change, day);
	return sug_remember(db, &g, event_reason(db, ctx, g.id, date, "closed",
	    reason));
}

/* How many deputies cosign the suggestion id (*n), and how many it has
 * with its lead (*all); -1 on error. */
static int
deputies(struct db *db, long long id, long long *n, long long *all)
{
	struct stmt *s;

	s = db_stmt(db, "SELECT (SELECT count(*) FROM cosigner"
	    " WHERE suggestion_id = :sid), lead_deputy_id IS NOT NULL"
	    " FROM suggestion WHERE id = :sid");
	st_int(s, ":sid", id);
	if (st_step(s) != 1)
		return -1;
	*n = st_colint(s, 0);
	*all = *n + st_colint(s, 1);
	return 0;
}

enum cmd_status
sug_withdraw(struct db *db, const struct cmd_ctx *ctx, const char *number,
    const char *reason, struct date date, int all_agreed)
{
	struct detail *d;
	struct sug g;
	enum cmd_status st;
	long long n, all;
	char day[11];
	int rc;

	if ((st = sug_load_for(db, number, ACT_WITHDRAW, &g)) != CMD_OK)
		return st;
	if ((rc = sug_has_followers(db, &g, N_("withdraw"))) != 0)
		return rc == 1 ? CMD_REFUSED : CMD_FAIL;
	if (deputies(db, g.id, &n, &all) == -1)
		return CMD_FAIL;
	/* 上海市代表建议规定 Art. 10: a joint suggestion is withdrawn only
	 * with all its deputies' agreement. */
	if (n > 0 && !all_agreed) {
		refuse(ngettext("'%s' is a joint suggestion with %lld cosigner: "
		    "it is withdrawn only if all its deputies agree "
		    "(--all-agreed)", "'%s' is a joint suggestion with %lld "
		    "cosigners: it is withdrawn only if all its deputies agree "
		    "(--all-agreed)", n), g.number, n);
		return CMD_REFUSED;
	}
	date_iso(date, day);
	if ((st = sug_not_before(N_("withdrawal"), day, g.received_on,
	    N_("date it was received"))) != CMD_OK ||
	    (st = sug_in_order(N_("withdrawal"), day, &g)) != CMD_OK ||
	    (st = sug_set_status(db, g.id, ST_WITHDRAWN)) != CMD_OK)
		return st;
	g.status = ST_WITHDRAWN;
	text_copy(g.last_change, sizeof g.last_change, day);
	d = detail_new();
	detail_str(d, "reason", reason);
	if (n > 0)
		detail_int(d, "agreed", all);
	return sug_remember(db, &g, event_add_detail(db, ctx, g.id, date,
	    "withdrawn", d));
}

enum cmd_status
sug_supervise(struct db *db, const struct cmd_ctx *ctx, const char *number,
    const char *leader, struct date date)
{
	struct detail *d;
	struct sug g;
	struct stmt *s;
	enum cmd_status st;
	char day[11];
	int rc;

	if ((st = sug_load_for(db, number, ACT_SUPERVISE, &g)) != CMD_OK)
		return st;
	date_iso(date, day);
	if ((st = sug_not_before(N_("supervision"), day, g.received_on,
	    N_("date it was received"))) != CMD_OK)
		return st;
	s = db_stmt(db, "SELECT leader, since FROM supervision"
	    " WHERE suggestion_id = :sid");
	st_int(s, ":sid", g.id);
	if ((rc = st_step(s)) == -1)
		return CMD_FAIL;
	if (rc == 1) {
		refuse(_("'%s' is supervised already, by %s since %s"),
		    g.number, st_col(s, 0), st_col(s, 1));
		return CMD_REFUSED;
	}
	s = db_stmt(db, "INSERT INTO supervision(suggestion_id, leader, since)"
	    " VALUES (:sid, :leader, :since)");
	st_int(s, ":sid", g.id);
	st_text(s, ":leader", leader);
	st_text(s, ":since", day);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	d = detail_new();
	detail_str(d, "leader", leader);
	return sug_remember(db, &g, event_add_detail(db, ctx, g.id, date,
	    "supervised", d));
}

/* --- merged suggestions (并案) follow the one they were merged into --- */

int
sug_has_followers(struct db *db, const struct sug *g, const char *what)
{
	struct stmt *s = db_stmt(db, "SELECT group_concat(number, '、')"
	    " FROM (SELECT number FROM suggestion WHERE merged_into = :id"
	    " ORDER BY number)");
	int rc;

	st_int(s, ":id", g->id);
	if ((rc = st_step(s)) == -1)
		return -1;
	if (rc == 0 || st_colnull(s, 0))
		return 0;
	if (what != NULL)
		refuse(_("cannot %s '%s': %s merged into it (并案)"), _(what),
		    g->number, st_col(s, 0));
	return 1;
}

/* One follower's change: the SQL that makes it, bound to :n (its id),
 * :m (the one it follows) and, unless NULL, :day. */
static enum cmd_status
follow_one(struct db *db, const char *sql, long long n, long long m,
    const char *day)
{
	struct stmt *s = db_stmt(db, sql);

	st_int(s, ":n", n);
	st_int(s, ":m", m);
	if (day != NULL)
		st_text(s, ":day", day);
	return st_exec(s) == -1 ? CMD_FAIL : CMD_OK;
}

enum cmd_status
sug_follow(struct db *db, const struct cmd_ctx *ctx, const struct sug *g,
    struct date date, const char *action, const char *dept, const char *cls)
{
	static const struct {
		const char *action, *sql;
	} how[] = {
		{ "assigned", "UPDATE suggestion SET status = 'assigned',"
		    " assigned_on = m.assigned_on, due_on = m.due_on,"
		    " handler = m.handler FROM (SELECT assigned_on, due_on,"
		    " handler FROM suggestion WHERE id = :m) m"
		    " WHERE id = :n AND status = 'registered'" },
		{ "returned", "UPDATE suggestion SET status = 'registered',"
		    " assigned_on = NULL, due_on = NULL, handler = NULL"
		    " WHERE id = :n AND status = 'assigned'"
		    " AND (SELECT status FROM suggestion WHERE id = :m)"
		    " = 'registered'" },
		{ "extended", "UPDATE suggestion SET due_on = (SELECT due_on"
		    " FROM suggestion WHERE id = :m) WHERE id = :n"
		    " AND status IN ('assigned', 'rehandling')" },
		{ "replied", "UPDATE suggestion SET status = 'replied'"
		    " WHERE id = :n AND status IN ('assigned', 'rehandling')"
		    " AND (SELECT status FROM suggestion WHERE id = :m)"
		    " = 'replied'" },
	};
	struct detail *d;
	struct stmt *s;
	enum cmd_status st = CMD_OK;
	long long *ids = NULL;
	size_t n = 0, i, k;
	char day[11];
	int rc;

	for (k = 0; k < sizeof how / sizeof how[0]; k++)
		if (strcmp(how[k].action, action) == 0)
			break;
	if (k == sizeof how / sizeof how[0] || (rc = any_merged(db)) == 0)
		return CMD_OK;
	if (rc == -1)
		return CMD_FAIL;
	s = db_stmt(db, "SELECT id FROM suggestion WHERE merged_into = :id"
	    " AND status IN ('registered', 'assigned', 'replied',"
	    " 'rehandling') ORDER BY id");
	st_int(s, ":id", g->id);
	while ((rc = st_step(s)) == 1) {
		ids = xreallocarray(ids, n + 1, sizeof *ids);
		ids[n++] = st_colint(s, 0);
	}
	if (rc == -1) {
		free(ids);
		return CMD_FAIL;
	}
	date_iso(date, day);
	for (i = 0; st == CMD_OK && i < n; i++) {
		if ((st = follow_one(db, how[k].sql, ids[i], g->id, NULL)) !=
		    CMD_OK)
			break;
		/* Its deadline, and its copy of the reply. */
		if ((k == 0 || k == 2) && db_changes(db) > 0)
			st = add_deadline(db, ids[i], day, g->due_on,
			    k == 0 ? "assign" : "extend");
		if (st == CMD_OK && k == 3)
			st = follow_one(db, "INSERT INTO reply(suggestion_id,"
			    " department_id, replied_on, class, text)"
			    " SELECT :n, department_id, replied_on, class, text"
			    " FROM reply WHERE suggestion_id = :m"
			    " AND replied_on = :day ORDER BY id DESC LIMIT 1",
			    ids[i], g->id, day);
		if (st != CMD_OK)
			break;
		d = detail_new();
		detail_str(d, "via", g->number);
		detail_str(d, "dept", dept);
		detail_str(d, "class", cls);
		if (k == 0 || k == 2)
			detail_str(d, "due", g->due_on);
		st = event_add_detail(db, ctx, ids[i], date, action, d);
	}
	free(ids);
	sug_forget(db);
	return st;
}

/* --- check: date order (issue 11, item 6) --- */

/*
 * Every dated step of a suggestion in order: nothing before it was
 * received, no reply before its first assignment (a merged one's: that of
 * the one it follows), no rating before its first reply, no assignment
 * ended before it began.
 */
int
sug_check_dates(struct db *db, FILE *out)
{
	struct stmt *s;
	int n = 0, rc;

	s = db_stmt(db,
	    "WITH d(sid, what, day, before, bday) AS ("
	    " SELECT s.id, 'assigned_on', a.assigned_on, 'received_on',"
	    "  s.received_on FROM suggestion s"
	    "  JOIN assignment a ON a.suggestion_id = s.id"
	    " UNION ALL SELECT s.id, 'ended_on', a.ended_on, 'assigned_on',"
	    "  a.assigned_on FROM suggestion s"
	    "  JOIN assignment a ON a.suggestion_id = s.id"
	    "  WHERE a.ended_on IS NOT NULL"
	    " UNION ALL SELECT s.id, 'contacted_on', c.contacted_on,"
	    "  'received_on', s.received_on FROM suggestion s"
	    "  JOIN contact c ON c.suggestion_id = s.id"
	    " UNION ALL SELECT s.id, 'replied_on', r.replied_on, 'assigned_on',"
	    "  (SELECT min(assigned_on) FROM assignment a"
	    "   WHERE a.suggestion_id = coalesce(s.merged_into, s.id))"
	    "  FROM suggestion s"
	    "  JOIN reply r ON r.suggestion_id = s.id"
	    " UNION ALL SELECT s.id, 'replied_on', r.replied_on, 'received_on',"
	    "  s.received_on FROM suggestion s"
	    "  JOIN reply r ON r.suggestion_id = s.id"
	    " UNION ALL SELECT s.id, 'rated_on', r.rated_on, 'replied_on',"
	    "  (SELECT min(replied_on) FROM reply p"
	    "   WHERE p.suggestion_id = s.id) FROM suggestion s"
	    "  JOIN rating r ON r.suggestion_id = s.id"
	    " UNION ALL SELECT s.id, 'event ' || e.action, e.on_date,"
	    "  'received_on', s.received_on FROM suggestion s"
	    "  JOIN event e ON e.suggestion_id = s.id)"
	    " SELECT s.number, d.what, d.day, d.before, d.bday"
	    " FROM d JOIN suggestion s ON s.id = d.sid"
	    " WHERE d.bday IS NULL AND d.what IN ('replied_on', 'rated_on')"
	    "  OR d.day < d.bday"
	    " ORDER BY s.number, d.day, d.what");
	while ((rc = st_step(s)) == 1) {
		if (st_col(s, 4) == NULL)
			fprintf(out, _("date order: %s: %s %s without a %s\n"),
			    st_col(s, 0), st_col(s, 1), st_col(s, 2),
			    st_col(s, 3));
		else
			fprintf(out, _("date order: %s: %s %s is before %s "
			    "%s\n"), st_col(s, 0), st_col(s, 1), st_col(s, 2),
			    st_col(s, 3), st_col(s, 4));
		n++;
	}
	return rc == -1 ? -1 : n;
}
