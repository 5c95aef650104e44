/*
 * hist.c — the history of changes (one event a change: who, when, what),
 * written and listed.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "ctx.h"
#include "msg.h"
#include "out.h"
#include "vocab.h"
#include "xmalloc.h"
#include "db.h"
#include "detail.h"
#include "domain.h"
#include "text.h"

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

enum cmd_status
event_add_detail(struct db *db, const struct cmd_ctx *ctx, long long sid,
    struct date on, const char *action, struct detail *d)
{
	char *json = detail_end(d);
	enum cmd_status st;

	st = event_add(db, ctx, sid, on, action, json);
	free(json);
	return st;
}

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
event_list(struct db *db, const char *number, long limit, row_fn fn,
    void *arg)
{
	struct stmt *s;
	const char *row[6];
	char *masked;
	int rc, i, found = 0;

	if (number != NULL) {
		/* From the suggestion: no row at all is no such suggestion
		 * (each has its "registered" event). */
		s = db_stmt(db, "SELECT e.on_date, g.number, e.action,"
		    " e.detail, e.actor, e.recorded_at, e.id FROM suggestion g"
		    " LEFT JOIN event e ON e.suggestion_id = g.id"
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
		found = 1;
		if (st_colnull(s, 6))
			continue;
		for (i = 0; i < 6; i++)
			row[i] = st_col(s, i);
		/* Text of an earlier version, personal data masked; else
		 * the data, in the reader's language. */
		if ((masked = masked_detail(row[2], row[3])) == NULL)
			masked = detail_render(row[2], row[3]);
		row[3] = masked;
		i = fn(arg, row);
		free(masked);
		if (i != 0)
			return CMD_FAIL;
	}
	if (rc == -1)
		return CMD_FAIL;
	if (number != NULL && !found) {
		refuse(_("no suggestion numbered '%s'"), number);
		return CMD_REFUSED;
	}
	return CMD_OK;
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
