/*
 * hist.c — the history of changes (one event a change: who, when, what),
 * the settings kept in the database, and the end of a command's
 * transaction.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jianyi.h"
#include "db.h"
#include "domain.h"
#include "text.h"

enum cmd_status
db_finish(struct db *db, enum cmd_status st)
{
	if (st != CMD_OK) {
		db_rollback(db);
		return st;
	}
	return db_commit(db) == -1 ? CMD_FAIL : CMD_OK;
}

enum cmd_status
event_add(struct db *db, const struct cmd_ctx *ctx, long long sid,
    struct date on, const char *action, const char *detail)
{
	/* The clock time, formatted once a second: an import writes
	 * thousands of events a second. */
	static time_t then = -1;
	static char stamp[32];
	struct stmt *s;
	char day[11];
	time_t now;
	struct tm tm;

	time(&now);
	if (now != then) {
		gmtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
		then = now;
	}
	/* The suggestion's row is updated before its event is written. */
	s = db_stmt(db, "INSERT INTO event(suggestion_id, on_date, status,"
	    " recorded_at, actor, action, detail) VALUES (:sid, :on,"
	    " (SELECT status FROM suggestion WHERE id = :sid), :at,"
	    " :actor, :action, :detail)");
	if (sid != 0)
		st_int(s, ":sid", sid);
	st_text(s, ":on", date_iso(on, day));
	st_text(s, ":at", stamp);
	st_text(s, ":actor", ctx->actor);
	st_text(s, ":action", action);
	st_text(s, ":detail", detail ? detail : "");
	return st_exec(s) == -1 ? CMD_FAIL : CMD_OK;
}

const struct col event_cols[] = {
	{ "date", N_("date"), COL_STR, NULL },
	{ "number", N_("number"), COL_STR, NULL },
	{ "action", N_("action"), COL_STR, vocab_action },
	{ "detail", N_("detail"), COL_STR, NULL },
	{ "actor", N_("by"), COL_STR, NULL },
	{ "recorded_at", N_("recorded at"), COL_STR, NULL },
};
const int event_ncols = 6;

/*
 * An "edited" event written before the history stopped recording personal
 * data reads "submitter: 李四" or "phone: 13911112222", in the language of
 * the day: log shows the value masked, as list does. Returns a new string
 * or NULL when the detail carries no personal data.
 */
static char *
masked_detail(const char *action, const char *detail)
{
	static const struct {
		const char *label;
		char      *(*mask)(const char *);
	} personal[] = {
		{ "submitter: ", mask_name }, { "提出人: ", mask_name },
		{ "phone: ", mask_phone }, { "联系电话: ", mask_phone },
	};
	size_t i, n;
	char *m, *out;

	if (action == NULL || detail == NULL || strcmp(action, "edited") != 0)
		return NULL;
	for (i = 0; i < sizeof personal / sizeof personal[0]; i++) {
		n = strlen(personal[i].label);
		if (strncmp(detail, personal[i].label, n) != 0)
			continue;
		m = personal[i].mask(detail + n);
		out = text_printf("%.*s%s", (int)n, detail, m);
		free(m);
		return out;
	}
	return NULL;
}

enum cmd_status
event_list(struct db *db, const char *number, long limit, struct table *t)
{
	struct stmt *s;
	const char *row[6];
	char *masked;
	int rc, i;

	if (number != NULL) {
		if ((rc = sug_exists(db, number)) != 1) {
			if (rc == 0)
				refuse(_("no suggestion numbered '%s'"), number);
			return rc == 0 ? CMD_REFUSED : CMD_FAIL;
		}
		s = db_stmt(db, "SELECT e.on_date, g.number, e.action,"
		    " e.detail, e.actor, e.recorded_at FROM event e"
		    " JOIN suggestion g ON g.id = e.suggestion_id"
		    " WHERE g.number = :number ORDER BY e.on_date, e.id");
		st_text(s, ":number", number);
	} else {
		s = db_stmt(db, "SELECT * FROM (SELECT e.on_date, g.number,"
		    " e.action, e.detail, e.actor, e.recorded_at, e.id"
		    " FROM event e LEFT JOIN suggestion g"
		    " ON g.id = e.suggestion_id ORDER BY e.id DESC"
		    " LIMIT :limit) ORDER BY id");
		st_int(s, ":limit", limit > 0 ? limit : -1);
	}
	while ((rc = st_step(s)) == 1) {
		for (i = 0; i < 6; i++)
			row[i] = st_col(s, i);
		if ((masked = masked_detail(row[2], row[3])) != NULL)
			row[3] = masked;
		table_add(t, row);
		free(masked);
	}
	return rc == -1 ? CMD_FAIL : CMD_OK;
}

long long
event_count(struct db *db)
{
	struct stmt *s = db_stmt(db, "SELECT count(*) FROM event");
	long long n;

	if (st_step(s) != 1)
		return -1;
	n = st_colint(s, 0);
	return st_step(s) == -1 ? -1 : n;
}

/* The settings and what each accepts. */
static const struct {
	const char *key;
	int         min, max; /* for numbers; 0, 0 for text */
} settings[] = {
	{ "town", 0, 0 },
	{ "due_months", 1, 24 },
	{ "rehandle_months", 1, 12 },
};
#define NSETTINGS ((int)(sizeof settings / sizeof settings[0]))

static int
setting(const char *key)
{
	int i;

	for (i = 0; i < NSETTINGS; i++)
		if (strcmp(key, settings[i].key) == 0)
			return i;
	return -1;
}

int
config_valid_key(const char *key)
{
	if (setting(key) != -1)
		return 1;
	refuse(_("unknown setting '%s' (use town|due_months|rehandle_months)"),
	    key);
	return 0;
}

int
config_get(struct db *db, const char *key, char *buf, size_t n)
{
	struct stmt *s = db_stmt(db, "SELECT value FROM config"
	    " WHERE key = :key");
	int rc;

	st_text(s, ":key", key);
	if ((rc = st_step(s)) != 1)
		return -1;
	snprintf(buf, n, "%s", st_col(s, 0));
	return 0;
}

char *
config_value(struct db *db, const char *key)
{
	struct stmt *s = db_stmt(db, "SELECT value FROM config"
	    " WHERE key = :key");
	char *v;

	st_text(s, ":key", key);
	if (st_step(s) != 1)
		return NULL;
	v = xstrdup(st_col(s, 0));
	return v;
}

enum cmd_status
config_set(struct db *db, const struct cmd_ctx *ctx, const char *key,
    const char *value)
{
	struct stmt *s;
	enum cmd_status st;
	char *detail, *end;
	long v;
	int i = setting(key);

	if (i == -1) {
		config_valid_key(key);
		return CMD_REFUSED;
	}
	if (settings[i].max > 0) {
		v = strtol(value, &end, 10);
		if (*value < '0' || *value > '9' || *end != '\0' ||
		    v < settings[i].min || v > settings[i].max) {
			refuse(_("invalid %s '%s' (use a whole number from %d "
			    "to %d)"), key, value, settings[i].min,
			    settings[i].max);
			return CMD_REFUSED;
		}
	} else if (arg_text(key, value, 0, MAX_NAME) == -1)
		return CMD_REFUSED;
	s = db_stmt(db, "INSERT INTO config(key, value) VALUES (:key, :value)"
	    " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
	st_text(s, ":key", key);
	st_text(s, ":value", value);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	detail = text_printf("%s = %s", key, value);
	st = event_add(db, ctx, 0, ctx->today, "config", detail);
	free(detail);
	return st;
}

const struct col config_cols[] = {
	{ "key", N_("setting"), COL_STR, NULL },
	{ "value", N_("value"), COL_STR, NULL },
};
const int config_ncols = 2;

enum cmd_status
config_list(struct db *db, struct table *t)
{
	struct stmt *s = db_stmt(db, "SELECT key, value FROM config"
	    " ORDER BY key");
	const char *row[2];
	int rc;

	while ((rc = st_step(s)) == 1) {
		row[0] = st_col(s, 0);
		row[1] = st_col(s, 1);
		table_add(t, row);
	}
	return rc == -1 ? CMD_FAIL : CMD_OK;
}
