/*
 * reg.c — the registries (liaison stations, departments, deputies) and the
 * deputies' work that is counted but not tracked one by one: reception
 * sessions at the stations and group activities.
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
#include "csvmap.h"
#include "text.h"

/* The statements of one registry; table names are never user values. */
struct reg {
	const char *what;   /* for messages: "station" */
	const char *action; /* history action key */
	const char *find;   /* :name -> id, retired */
	const char *names;  /* every name */
	const char *rename; /* :from, :to */
	const char *retire; /* :name */
	const char *list;   /* :all */
};

static const struct reg regs[] = {
	[REG_STATION] = {
		N_("station"), "station",
		"SELECT id, retired FROM station WHERE name = :name",
		"SELECT name FROM station ORDER BY id",
		"UPDATE station SET name = :to WHERE name = :from",
		"UPDATE station SET retired = 1 WHERE name = :name",
		"SELECT s.name, s.village, (SELECT count(*) FROM deputy d"
		" WHERE d.station_id = s.id AND NOT d.retired), s.retired"
		" FROM station s WHERE :all OR NOT s.retired ORDER BY s.id",
	},
	[REG_DEPT] = {
		N_("department"), "department",
		"SELECT id, retired FROM department WHERE name = :name",
		"SELECT name FROM department ORDER BY id",
		"UPDATE department SET name = :to WHERE name = :from",
		"UPDATE department SET retired = 1 WHERE name = :name",
		"SELECT d.name, (SELECT count(*) FROM assignment a"
		" JOIN suggestion s ON s.id = a.suggestion_id"
		" WHERE a.department_id = d.id AND a.ended_on IS NULL"
		" AND s.status NOT IN ('closed', 'withdrawn')),"
		" d.retired FROM department d WHERE :all OR NOT d.retired"
		" ORDER BY d.id",
	},
	[REG_DEPUTY] = {
		N_("deputy"), "deputy",
		"SELECT id, retired FROM deputy WHERE name = :name",
		"SELECT name FROM deputy ORDER BY id",
		"UPDATE deputy SET name = :to WHERE name = :from",
		"UPDATE deputy SET retired = 1 WHERE name = :name",
		"SELECT d.name, d.level, s.name, d.phone, d.retired"
		" FROM deputy d LEFT JOIN station s ON s.id = d.station_id"
		" WHERE :all OR NOT d.retired ORDER BY d.id",
	},
};

/* Prints "unknown station 'x'; did you mean 'y'?". */
static enum cmd_status
unknown(struct db *db, enum reg_kind k, const char *name)
{
	struct stmt *s = db_stmt(db, regs[k].names);
	char **names = NULL;
	const char *near[3];
	size_t n = 0, cap = 0, i;
	int rc, nnear;

	while ((rc = st_step(s)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((names = reallocarray(names, cap, sizeof *names)) ==
			    NULL)
				xnomem();
		}
		names[n++] = xstrdup(st_col(s, 0));
	}
	nnear = text_suggest(name, (const char *const *)names, (int)n, near,
	    3);
	if (nnear == 0)
		refuse(_("unknown %s '%s'"), _(regs[k].what), name);
	else if (nnear == 1)
		refuse(_("unknown %s '%s'; did you mean '%s'?"), _(regs[k].what),
		    name, near[0]);
	else
		refuse(_("unknown %s '%s'; did you mean '%s' or '%s'?"),
		    _(regs[k].what), name, near[0], near[1]);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc == -1 ? CMD_FAIL : CMD_REFUSED;
}

/*
 * Names found in the registries, remembered for the rest of the
 * transaction (db_txn): an import looks the same few dozen names up
 * several times a row. Only this file writes the registries, and every
 * write forgets them. A slot holds the last name that hashed to it.
 */
#define NFOUND 256
struct found {
	unsigned long  txn;
	struct {
		char      name[96];
		long long id;
		int       retired;
	} v[REG_DEPUTY + 1][NFOUND];
};

static struct found *
found_in(struct db *db)
{
	return db_slot(db, DB_SLOT_NAMES, sizeof(struct found), NULL);
}

static void
forget(struct db *db)
{
	memset(found_in(db), 0, sizeof(struct found));
}

static unsigned
found_slot(const char *name)
{
	unsigned h = 2166136261u;

	for (; *name != '\0'; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	return h % NFOUND;
}

/* 1 found, 0 not registered, -1 on error; *id and *retired when found. */
static int
lookup(struct db *db, enum reg_kind k, const char *name, long long *id,
    int *retired)
{
	struct found *f = found_in(db);
	struct stmt *s;
	unsigned long txn = db_txn(db);
	unsigned slot = found_slot(name);
	int rc;

	if (txn != 0 && f->txn == txn &&
	    strcmp(f->v[k][slot].name, name) == 0) {
		*id = f->v[k][slot].id;
		*retired = f->v[k][slot].retired;
		return 1;
	}
	s = db_stmt(db, regs[k].find);
	st_text(s, ":name", name);
	if ((rc = st_step(s)) != 1)
		return rc;
	*id = st_colint(s, 0);
	*retired = st_colint(s, 1) != 0;
	if (txn == 0 || strlen(name) >= sizeof f->v[k][slot].name)
		return 1;
	if (f->txn != txn) {
		forget(db);
		f->txn = txn;
	}
	strcpy(f->v[k][slot].name, name);
	f->v[k][slot].id = *id;
	f->v[k][slot].retired = *retired;
	return 1;
}

enum cmd_status
reg_find(struct db *db, enum reg_kind k, const char *name, int active,
    long long *id)
{
	int rc, retired;

	if ((rc = lookup(db, k, name, id, &retired)) == -1)
		return CMD_FAIL;
	if (rc == 0)
		return unknown(db, k, name);
	if (active && retired) {
		refuse(_("%s '%s' is retired"), _(regs[k].what), name);
		return CMD_REFUSED;
	}
	return CMD_OK;
}

/* Refuses a name that is taken, or that a list could not hold: lists of
 * names (cosigners, co-departments, a reception's deputies) are split at
 * their separators. */
static enum cmd_status
check_new(struct db *db, enum reg_kind k, const char *name)
{
	struct stmt *s;
	int rc;

	if (text_has_separator(name)) {
		refuse(_("%s '%s' has a list separator (; ； 、)"),
		    _(regs[k].what), name);
		return CMD_REFUSED;
	}
	s = db_stmt(db, regs[k].find);
	st_text(s, ":name", name);
	if ((rc = st_step(s)) == -1)
		return CMD_FAIL;
	if (rc == 1) {
		refuse(_("%s '%s' already exists"), _(regs[k].what), name);
		return CMD_REFUSED;
	}
	return CMD_OK;
}

/* A change of a registry: {"added": name}, {"renamed": a, "to": b}... */
static enum cmd_status
log_reg(struct db *db, const struct cmd_ctx *ctx, enum reg_kind k,
    const char *what, const char *a, const char *b)
{
	struct detail *d = detail_new();

	detail_str(d, what, a);
	detail_str(d, "to", b);
	return event_add_detail(db, ctx, 0, ctx->today, regs[k].action, d);
}

enum cmd_status
station_add(struct db *db, const struct cmd_ctx *ctx, const char *name,
    const char *village)
{
	struct stmt *s;
	enum cmd_status st;

	if ((st = check_new(db, REG_STATION, name)) != CMD_OK)
		return st;
	s = db_stmt(db, "INSERT INTO station(name, village)"
	    " VALUES (:name, :village)");
	st_text(s, ":name", name);
	st_text(s, ":village", village);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	return log_reg(db, ctx, REG_STATION, "added", name, NULL);
}

enum cmd_status
dept_add(struct db *db, const struct cmd_ctx *ctx, const char *name)
{
	struct stmt *s;
	enum cmd_status st;

	if ((st = check_new(db, REG_DEPT, name)) != CMD_OK)
		return st;
	s = db_stmt(db, "INSERT INTO department(name) VALUES (:name)");
	st_text(s, ":name", name);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	return log_reg(db, ctx, REG_DEPT, "added", name, NULL);
}

enum cmd_status
deputy_add(struct db *db, const struct cmd_ctx *ctx,
    const struct deputy_new *d)
{
	struct stmt *s;
	enum cmd_status st;
	long long station = 0;

	if ((st = check_new(db, REG_DEPUTY, d->name)) != CMD_OK)
		return st;
	if (d->station != NULL &&
	    (st = reg_find(db, REG_STATION, d->station, 1, &station)) !=
	    CMD_OK)
		return st;
	s = db_stmt(db, "INSERT INTO deputy(name, level, station_id, phone)"
	    " VALUES (:name, :level, :station, :phone)");
	st_text(s, ":name", d->name);
	st_text(s, ":level", d->level ? d->level : "town");
	if (station)
		st_int(s, ":station", station);
	st_text(s, ":phone", d->phone);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	return log_reg(db, ctx, REG_DEPUTY, "added", d->name, NULL);
}

enum cmd_status
reg_rename(struct db *db, const struct cmd_ctx *ctx, enum reg_kind k,
    const char *from, const char *to)
{
	struct stmt *s;
	enum cmd_status st;
	long long id;

	if ((st = reg_find(db, k, from, 0, &id)) != CMD_OK)
		return st;
	if (strcmp(from, to) == 0) {
		refuse(_("%s '%s' already has that name"), _(regs[k].what),
		    from);
		return CMD_REFUSED;
	}
	if ((st = check_new(db, k, to)) != CMD_OK)
		return st;
	forget(db);
	s = db_stmt(db, regs[k].rename);
	st_text(s, ":from", from);
	st_text(s, ":to", to);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	return log_reg(db, ctx, k, "renamed", from, to);
}

enum cmd_status
reg_retire(struct db *db, const struct cmd_ctx *ctx, enum reg_kind k,
    const char *name)
{
	struct stmt *s;
	enum cmd_status st;
	long long id;

	if ((st = reg_find(db, k, name, 1, &id)) != CMD_OK)
		return st;
	forget(db);
	s = db_stmt(db, regs[k].retire);
	st_text(s, ":name", name);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	return log_reg(db, ctx, k, "retired", name, NULL);
}

/* Hands every row of a statement, as text, to fn. */
static enum cmd_status
fill(struct stmt *s, row_fn fn, void *arg)
{
	const char *row[16];
	int rc, i, n = st_ncols(s);

	while ((rc = st_step(s)) == 1) {
		for (i = 0; i < n && i < 16; i++)
			row[i] = st_col(s, i);
		if (fn(arg, row) != 0)
			return CMD_FAIL;
	}
	return rc == -1 ? CMD_FAIL : CMD_OK;
}

enum cmd_status
reg_list(struct db *db, enum reg_kind k, int all, row_fn fn, void *arg)
{
	struct stmt *s = db_stmt(db, regs[k].list);

	st_int(s, ":all", all);
	return fill(s, fn, arg);
}

/* Records r's deputies as those of the reception id, in their order. */
static enum cmd_status
reception_deputies(struct db *db, long long id,
    const struct reception_new *r)
{
	struct stmt *s;
	enum cmd_status st;
	long long deputy;
	int i;

	for (i = 0; i < r->ndeputies; i++) {
		if ((st = reg_find(db, REG_DEPUTY, r->deputies[i], 0,
		    &deputy)) != CMD_OK)
			return st;
		s = db_stmt(db, "INSERT OR IGNORE INTO reception_deputy"
		    " VALUES (:reception, :deputy, :pos)");
		st_int(s, ":reception", id);
		st_int(s, ":deputy", deputy);
		st_int(s, ":pos", i);
		if (st_exec(s) == -1)
			return CMD_FAIL;
	}
	return CMD_OK;
}

enum cmd_status
reception_add(struct db *db, const struct cmd_ctx *ctx,
    const struct reception_new *r)
{
	struct stmt *s;
	enum cmd_status st;
	long long station;
	struct detail *d;
	char day[11];

	if (r->ndeputies > MAX_LIST) {
		refuse(_("too many deputies (%d; at most %d)"), r->ndeputies,
		    MAX_LIST);
		return CMD_REFUSED;
	}
	if ((st = reg_find(db, REG_STATION, r->station, 1, &station)) !=
	    CMD_OK)
		return st;
	s = db_stmt(db, "INSERT INTO reception(id, held_on, station_id,"
	    " visitors, note) VALUES (:id, :date, :station, :visitors, :note)");
	if (r->id > 0)
		st_int(s, ":id", r->id);
	st_text(s, ":date", date_iso(r->date, day));
	st_int(s, ":station", station);
	st_int(s, ":visitors", r->visitors);
	st_text(s, ":note", r->note);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	if ((st = reception_deputies(db, db_last_id(db), r)) != CMD_OK)
		return st;
	d = detail_new();
	detail_str(d, "station", r->station);
	detail_int(d, "visitors", r->visitors);
	return event_add_detail(db, ctx, 0, r->date, "reception", d);
}

enum cmd_status
activity_add(struct db *db, const struct cmd_ctx *ctx,
    const struct activity_new *a)
{
	struct stmt *s;
	struct detail *d;
	char day[11];

	s = db_stmt(db, "INSERT INTO activity(id, held_on, kind, title,"
	    " participants) VALUES (:id, :date, :kind, :title, :participants)");
	if (a->id > 0)
		st_int(s, ":id", a->id);
	st_text(s, ":date", date_iso(a->date, day));
	st_text(s, ":kind", a->kind);
	st_text(s, ":title", a->title);
	if (a->participants >= 0)
		st_int(s, ":participants", a->participants);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	d = detail_new();
	detail_str(d, "kind", a->kind);
	detail_str(d, "title", a->title);
	return event_add_detail(db, ctx, 0, a->date, "activity", d);
}

enum cmd_status
reception_list(struct db *db, const struct period *p, const char *station,
    row_fn fn, void *arg)
{
	struct stmt *s;
	enum cmd_status st;
	long long id = 0;

	if (station != NULL &&
	    (st = reg_find(db, REG_STATION, station, 0, &id)) != CMD_OK)
		return st;
	s = db_stmt(db, "SELECT r.held_on, s.name, r.visitors,"
	    " (SELECT group_concat(d.name, '、') FROM (SELECT d.name"
	    "  FROM reception_deputy rd JOIN deputy d ON d.id = rd.deputy_id"
	    "  WHERE rd.reception_id = r.id ORDER BY rd.pos) d),"
	    " r.note FROM reception r JOIN station s ON s.id = r.station_id"
	    " WHERE r.held_on BETWEEN :from AND :to"
	    " AND (:station = 0 OR r.station_id = :station)"
	    " ORDER BY r.held_on, r.id");
	st_text(s, ":from", p->from ? p->from : "0000");
	st_text(s, ":to", p->to ? p->to : DATE_LAST);
	st_int(s, ":station", id);
	return fill(s, fn, arg);
}

enum cmd_status
activity_list(struct db *db, const struct period *p, const char *kind,
    row_fn fn, void *arg)
{
	struct stmt *s;

	s = db_stmt(db, "SELECT held_on, kind, title, participants"
	    " FROM activity WHERE held_on BETWEEN :from AND :to"
	    " AND (:kind IS NULL OR kind = :kind) ORDER BY held_on, id");
	st_text(s, ":from", p->from ? p->from : "0000");
	st_text(s, ":to", p->to ? p->to : DATE_LAST);
	st_text(s, ":kind", kind);
	return fill(s, fn, arg);
}

enum cmd_status
reg_names(struct db *db, enum reg_kind k, char ***v, size_t *n)
{
	struct stmt *s = db_stmt(db, regs[k].names);
	size_t cap = 0;
	int rc;

	*v = NULL;
	*n = 0;
	while ((rc = st_step(s)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*v = xreallocarray(*v, cap, sizeof **v);
		}
		(*v)[(*n)++] = xstrdup(st_col(s, 0));
	}
	return rc == -1 ? CMD_FAIL : CMD_OK;
}

int
reg_exists(struct db *db, enum reg_kind k, const char *name)
{
	long long id;
	int retired;

	return lookup(db, k, name, &id, &retired);
}

enum cmd_status
reg_info(struct db *db, enum reg_kind k, const char *name, char **out,
    int n)
{
	struct stmt *s;
	int rc, i;

	for (i = 0; i < n; i++)
		out[i] = NULL;
	if (k == REG_STATION)
		s = db_stmt(db, "SELECT name, coalesce(village, '')"
		    " FROM station WHERE name = :name");
	else if (k == REG_DEPUTY)
		s = db_stmt(db, "SELECT d.name, d.level, coalesce(s.name, ''),"
		    " coalesce(d.phone, '') FROM deputy d LEFT JOIN station s"
		    " ON s.id = d.station_id WHERE d.name = :name");
	else
		s = db_stmt(db, "SELECT name FROM department"
		    " WHERE name = :name");
	st_text(s, ":name", name);
	if ((rc = st_step(s)) != 1)
		return rc == 0 ? unknown(db, k, name) : CMD_FAIL;
	for (i = 0; i < n && i < st_ncols(s); i++)
		out[i] = xstrdup(st_colnull(s, i) ? "" : st_col(s, i));
	return CMD_OK;
}

enum cmd_status
reg_set(struct db *db, const struct cmd_ctx *ctx, enum reg_kind k,
    const char *name, int col, const char *value)
{
	struct stmt *s;
	enum cmd_status st;
	long long id;

	if (k == REG_STATION && col == S_VILLAGE)
		s = db_stmt(db, "UPDATE station SET village = :v"
		    " WHERE name = :name");
	else if (k == REG_DEPUTY && col == P_LEVEL)
		s = db_stmt(db, "UPDATE deputy SET level = :v"
		    " WHERE name = :name");
	else if (k == REG_DEPUTY && col == P_PHONE)
		s = db_stmt(db, "UPDATE deputy SET phone = :v"
		    " WHERE name = :name");
	else if (k == REG_DEPUTY && col == P_STATION) {
		if ((st = reg_find(db, REG_STATION, value, 0, &id)) != CMD_OK)
			return st;
		s = db_stmt(db, "UPDATE deputy SET station_id = :v"
		    " WHERE name = :name");
		st_int(s, ":v", id);
		value = NULL;
	} else
		errx(CMD_FAIL, "bug: reg_set %d %d", k, col);
	if (value != NULL)
		st_text(s, ":v", value);
	st_text(s, ":name", name);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	return log_reg(db, ctx, k, "updated", name, NULL);
}

/* --- receptions and activities by id, for import and export (issue 11) --- */

/* The reception's deputies as a list cell: names joined by 、 in order. */
#define RECEPTION_DEPUTIES \
	"(SELECT group_concat(d.name, '、') FROM (SELECT d.name" \
	" FROM reception_deputy rd JOIN deputy d ON d.id = rd.deputy_id" \
	" WHERE rd.reception_id = r.id ORDER BY rd.pos) d)"

/* r's deputies joined as RECEPTION_DEPUTIES joins them, a name given
 * twice once (as reception_add stores them); caller frees. */
static char *
joined(const struct reception_new *r)
{
	size_t len = 1;
	char *out;
	int i, k;

	for (i = 0; i < r->ndeputies; i++)
		len += strlen(r->deputies[i]) + 3;
	out = xmalloc(len);
	out[0] = '\0';
	for (i = 0; i < r->ndeputies; i++) {
		for (k = 0; k < i; k++)
			if (strcmp(r->deputies[k], r->deputies[i]) == 0)
				break;
		if (k < i)
			continue;
		if (out[0] != '\0')
			strcat(out, "、");
		strcat(out, r->deputies[i]);
	}
	return out;
}

static long long
match(struct db *db, struct stmt *s, const char *tbl, long long id,
    int *same)
{
	int rc;

	*same = 0;
	if (id > 0)
		st_int(s, ":id", id);
	else
		st_text(s, ":tbl", tbl);
	if ((rc = st_step(s)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	*same = st_colint(s, 1) != 0;
	id = st_colint(s, 0);
	s = db_stmt(db, "INSERT OR IGNORE INTO temp.import_matched(tbl, id)"
	    " VALUES (:tbl, :id)");
	st_text(s, ":tbl", tbl);
	st_int(s, ":id", id);
	return st_exec(s) == -1 ? -1 : id;
}

long long
reception_match(struct db *db, const struct reception_new *r, int *same)
{
	struct stmt *s;
	char day[11], *deps = joined(r);
	long long id;

	if (r->id > 0)
		s = db_stmt(db, "SELECT r.id, r.held_on = :date"
		    " AND s.name = :station AND r.visitors = :visitors"
		    " AND r.note IS :note"
		    " AND coalesce(" RECEPTION_DEPUTIES ", '') = :deputies"
		    " FROM reception r JOIN station s ON s.id = r.station_id"
		    " WHERE r.id = :id");
	else
		s = db_stmt(db, "SELECT r.id, 1 FROM reception r"
		    " JOIN station s ON s.id = r.station_id"
		    " WHERE r.held_on = :date AND s.name = :station"
		    " AND r.visitors = :visitors AND r.note IS :note"
		    " AND coalesce(" RECEPTION_DEPUTIES ", '') = :deputies"
		    " AND r.id NOT IN (SELECT id FROM temp.import_matched"
		    "  WHERE tbl = :tbl) ORDER BY r.id LIMIT 1");
	st_text(s, ":date", date_iso(r->date, day));
	st_text(s, ":station", r->station);
	st_int(s, ":visitors", r->visitors);
	st_text(s, ":note", r->note);
	st_text(s, ":deputies", deps);
	id = match(db, s, "reception", r->id, same);
	free(deps);
	return id;
}

long long
activity_match(struct db *db, const struct activity_new *a, int *same)
{
	struct stmt *s;
	char day[11];

	if (a->id > 0)
		s = db_stmt(db, "SELECT id, held_on = :date AND kind = :kind"
		    " AND title = :title AND participants IS :participants"
		    " FROM activity WHERE id = :id");
	else
		s = db_stmt(db, "SELECT id, 1 FROM activity"
		    " WHERE held_on = :date AND kind = :kind AND title = :title"
		    " AND participants IS :participants"
		    " AND id NOT IN (SELECT id FROM temp.import_matched"
		    "  WHERE tbl = :tbl) ORDER BY id LIMIT 1");
	st_text(s, ":date", date_iso(a->date, day));
	st_text(s, ":kind", a->kind);
	st_text(s, ":title", a->title);
	if (a->participants >= 0)
		st_int(s, ":participants", a->participants);
	return match(db, s, "activity", a->id, same);
}

enum cmd_status
reception_update(struct db *db, const struct cmd_ctx *ctx,
    const struct reception_new *r)
{
	struct stmt *s;
	enum cmd_status st;
	long long station;
	struct detail *d;
	char day[11];

	if ((st = reg_find(db, REG_STATION, r->station, 0, &station)) !=
	    CMD_OK)
		return st;
	s = db_stmt(db, "UPDATE reception SET held_on = :date,"
	    " station_id = :station, visitors = :visitors, note = :note"
	    " WHERE id = :id");
	st_text(s, ":date", date_iso(r->date, day));
	st_int(s, ":station", station);
	st_int(s, ":visitors", r->visitors);
	st_text(s, ":note", r->note);
	st_int(s, ":id", r->id);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	s = db_stmt(db, "DELETE FROM reception_deputy"
	    " WHERE reception_id = :id");
	st_int(s, ":id", r->id);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	if ((st = reception_deputies(db, r->id, r)) != CMD_OK)
		return st;
	d = detail_new();
	detail_int(d, "updated_id", r->id);
	return event_add_detail(db, ctx, 0, ctx->today, "reception", d);
}

enum cmd_status
activity_update(struct db *db, const struct cmd_ctx *ctx,
    const struct activity_new *a)
{
	struct stmt *s;
	struct detail *d;
	char day[11];

	s = db_stmt(db, "UPDATE activity SET held_on = :date, kind = :kind,"
	    " title = :title, participants = :participants WHERE id = :id");
	st_text(s, ":date", date_iso(a->date, day));
	st_text(s, ":kind", a->kind);
	st_text(s, ":title", a->title);
	if (a->participants >= 0)
		st_int(s, ":participants", a->participants);
	st_int(s, ":id", a->id);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	d = detail_new();
	detail_int(d, "updated_id", a->id);
	return event_add_detail(db, ctx, 0, ctx->today, "activity", d);
}

enum cmd_status
import_mark_last(struct db *db, int activity)
{
	/* The row just added has the greatest id: no AUTOINCREMENT. */
	return db_exec(db, activity ?
	    "INSERT OR IGNORE INTO temp.import_matched"
	    " SELECT 'activity', max(id) FROM activity" :
	    "INSERT OR IGNORE INTO temp.import_matched"
	    " SELECT 'reception', max(id) FROM reception") == -1 ?
	    CMD_FAIL : CMD_OK;
}

/* --- check: names (issue 11, item 6) --- */

int
reg_check_names(struct db *db, FILE *out)
{
	struct stmt *s;
	enum reg_kind k;
	char *norm, *shown, *shown_norm;
	int n = 0, rc = 0;

	for (k = REG_STATION; rc != -1 && k <= REG_DEPUTY; k++) {
		s = db_stmt(db, regs[k].names);
		while ((rc = st_step(s)) == 1) {
			const char *name = st_col(s, 0);

			norm = text_norm(name, strlen(name), NULL);
			shown = text_visible(name);
			shown_norm = text_visible(norm);
			if (text_has_separator(name)) {
				fprintf(out, _("name: %s '%s' has a list "
				    "separator (; ； 、)\n"), _(regs[k].what),
				    shown);
				n++;
			} else if (strcmp(norm, name) != 0) {
				fprintf(out, _("name: %s '%s' is not in normal "
				    "form ('%s')\n"), _(regs[k].what), shown,
				    shown_norm);
				n++;
			}
			free(norm);
			free(shown);
			free(shown_norm);
		}
	}
	return rc == -1 ? -1 : n;
}

/* --- end of check: names --- */

/* The export's rows: the listing's columns after the id. */
enum cmd_status
reception_export(struct db *db, row_fn fn, void *arg)
{
	return fill(db_stmt(db, "SELECT r.id, r.held_on, s.name, r.visitors, "
	    RECEPTION_DEPUTIES ", r.note FROM reception r"
	    " JOIN station s ON s.id = r.station_id ORDER BY r.held_on, r.id"),
	    fn, arg);
}

enum cmd_status
activity_export(struct db *db, row_fn fn, void *arg)
{
	return fill(db_stmt(db, "SELECT id, held_on, kind, title, participants"
	    " FROM activity ORDER BY held_on, id"), fn, arg);
}

/* --- end of receptions and activities by id --- */
