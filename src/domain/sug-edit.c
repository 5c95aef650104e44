/*
 * sug-edit.c — what only an import changes in a suggestion that exists
 * (import --update): a field of its registration, by enum sug_field, and
 * its latest reply or rating; and what the import asks of one. Each
 * change writes one "edited" event, without the value of personal data.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "msg.h"
#include "vocab.h"
#include "db.h"
#include "detail.h"
#include "domain.h"
#include "sugint.h"

/* How each field that an --update import may change (SF_EDITABLE in
 * sugfield.c) is written. */
static const char *const edit_sql[SF_NFIELDS] = {
	[SF_TITLE] = "UPDATE suggestion SET title = :v WHERE id = :id",
	[SF_CONTENT] = "UPDATE suggestion SET content = :v WHERE id = :id",
	[SF_CATEGORY] = "UPDATE suggestion SET category = :v WHERE id = :id",
	[SF_SUBMITTER] = "UPDATE suggestion SET submitter = :v WHERE id = :id",
	[SF_PHONE] = "UPDATE suggestion SET phone = :v WHERE id = :id",
	[SF_SOURCE] = "UPDATE suggestion SET source = :v WHERE id = :id",
	[SF_RECEIVED] = "UPDATE suggestion SET received_on = :v WHERE id = :id",
	[SF_STATION] = "UPDATE suggestion SET station_id = :v WHERE id = :id",
	[SF_LEAD_DEPUTY] =
	    "UPDATE suggestion SET lead_deputy_id = :v WHERE id = :id",
	[SF_HANDLER] = "UPDATE suggestion SET handler = :v WHERE id = :id",
	[SF_NOTE] = "UPDATE suggestion SET note = :v WHERE id = :id",
};

/*
 * A new date received (ISO) may not come after the suggestion's first
 * event: its assignment, a contact, a reply, a rating, a return or an
 * extension. The registration moves with it, so that the history and the
 * row agree.
 */
static enum cmd_status
received_in_order(struct db *db, const struct sug *g, const char *day)
{
	struct stmt *s;
	int rc;

	s = db_stmt(db, "SELECT on_date, action FROM event"
	    " WHERE suggestion_id = :sid"
	    "  AND action NOT IN ('registered', 'edited', 'imported')"
	    " ORDER BY on_date, id LIMIT 1");
	st_int(s, ":sid", g->id);
	if ((rc = st_step(s)) == -1)
		return CMD_FAIL;
	if (rc == 1 && strcmp(day, st_col(s, 0)) > 0) {
		refuse(_("cannot move the date received of '%s' to %s: it is "
		    "after its first event (%s, %s)"), g->number, day,
		    vocab_label(vocab_action, st_col(s, 1)), st_col(s, 0));
		return CMD_REFUSED;
	}
	s = db_stmt(db, "UPDATE event SET on_date = :day"
	    " WHERE suggestion_id = :sid AND action = 'registered'");
	st_text(s, ":day", day);
	st_int(s, ":sid", g->id);
	return st_exec(s) == -1 ? CMD_FAIL : CMD_OK;
}

enum cmd_status
sug_edit(struct db *db, const struct cmd_ctx *ctx, const char *number,
    enum sug_field f, const char *value)
{
	struct detail *d;
	struct sug g;
	struct stmt *s;
	enum cmd_status st;
	long long id = 0;
	int flags = sug_fields[f].flags;

	if (!(flags & SF_EDITABLE) || edit_sql[f] == NULL)
		errx(CMD_FAIL, "bug: field '%s' is not editable",
		    sug_fields[f].key);
	st = sug_load(db, number, &g);
	sug_forget(db);
	if (st != CMD_OK)
		return st;
	if (f == SF_RECEIVED &&
	    (st = received_in_order(db, &g, value)) != CMD_OK)
		return st;
	s = db_stmt(db, edit_sql[f]);
	if (flags & (SF_STATION_NAME | SF_DEPUTY_NAME) && value != NULL) {
		if ((st = reg_find(db, flags & SF_STATION_NAME ? REG_STATION :
		    REG_DEPUTY, value, 0, &id)) != CMD_OK)
			return st;
		st_int(s, ":v", id);
	} else
		st_text(s, ":v", value);
	st_int(s, ":id", g.id);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	/* The history says that personal data changed, not what it became:
	 * show, the case file, shows the value. */
	d = detail_new();
	detail_str(d, "field", sug_fields[f].key);
	if (!(flags & SF_PERSONAL))
		detail_str(d, "value", value);
	return event_add_detail(db, ctx, g.id, ctx->today, "edited", d);
}

enum cmd_status
sug_edit_reply(struct db *db, const struct cmd_ctx *ctx, const char *number,
    const char *cls, const char *text)
{
	struct detail *d;
	struct sug g;
	struct stmt *s;
	enum cmd_status st;

	st = sug_load(db, number, &g);
	sug_forget(db);
	if (st != CMD_OK)
		return st;
	s = db_stmt(db, "UPDATE reply SET class = :class, text = :text"
	    " WHERE id = (SELECT id FROM reply WHERE suggestion_id = :sid"
	    " ORDER BY replied_on DESC, id DESC LIMIT 1)");
	st_text(s, ":class", cls);
	st_text(s, ":text", text);
	st_int(s, ":sid", g.id);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	d = detail_new();
	detail_str(d, "reply_of", g.last_reply);
	detail_str(d, "class", cls);
	return event_add_detail(db, ctx, g.id, ctx->today, "edited", d);
}

enum cmd_status
sug_edit_rating(struct db *db, const struct cmd_ctx *ctx, const char *number,
    const char *rating)
{
	struct detail *d;
	struct sug g;
	struct stmt *s;
	enum cmd_status st;

	st = sug_load(db, number, &g);
	sug_forget(db);
	if (st != CMD_OK)
		return st;
	/* A rating that changes the outcome is a new rating, not an edit. */
	if ((g.status == ST_REHANDLING) !=
	    (strcmp(rating, "unsatisfied") == 0)) {
		refuse(_("cannot change the rating of '%s' to %s: it is %s"),
		    g.number, rating, _(vocab_status[g.status].label));
		return CMD_REFUSED;
	}
	s = db_stmt(db, "UPDATE rating SET rating = :rating"
	    " WHERE id = (SELECT id FROM rating WHERE suggestion_id = :sid"
	    " ORDER BY rated_on DESC, id DESC LIMIT 1)");
	st_text(s, ":rating", rating);
	st_int(s, ":sid", g.id);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	d = detail_new();
	detail_str(d, "rating_of", g.last_rating);
	detail_str(d, "rating", rating);
	return event_add_detail(db, ctx, g.id, ctx->today, "edited", d);
}

int
sug_had_deadline(struct db *db, const char *number, const char *day)
{
	struct stmt *s;

	s = db_stmt(db, "SELECT 1 FROM deadline d JOIN suggestion s"
	    " ON s.id = d.suggestion_id WHERE s.number = :number"
	    " AND d.due_on = :day");
	st_text(s, ":number", number);
	st_text(s, ":day", day);
	return st_step(s);
}

enum cmd_status
sug_brief(struct db *db, const char *number, int *status, char *due)
{
	struct sug g;
	enum cmd_status st;

	if ((st = sug_load(db, number, &g)) != CMD_OK)
		return st;
	*status = g.status;
	memcpy(due, g.due_on, sizeof g.due_on);
	return CMD_OK;
}
