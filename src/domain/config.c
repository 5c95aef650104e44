/*
 * config.c — the settings kept in the database (the town, and the
 * deadlines' months and limits): what each accepts, reading, setting with
 * an event, and listing.
 */
#include <stdio.h>
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
#include "text.h"

/* The settings and what each accepts; the statute's values are their
 * defaults (migration 5, LAW.md): 代表法 Art. 51 gives 3 months, and 6
 * for a matter 涉及面广、处理难度大; 上海市代表建议规定 Art. 19 one
 * extension of at most 3 months, with approval. */
static const struct {
	const char *key;
	int         min, max; /* for numbers; 0, 0 for text */
} settings[] = {
	{ "town", 0, 0 },
	{ "due_months", 1, 24 },
	{ "rehandle_months", 1, 12 },
	{ "complex_due_months", 1, 24 },
	{ "max_extensions", 0, 12 },
	{ "max_extend_months", 1, 24 },
	{ "max_due_months", 1, 36 },
	{ "similar_percent", 1, 100 },
	/* Working days (migration 8): routed within 7 (Art. 11), a wrong
	 * routing returned within 7 (Art. 14), signed for within 7 (深圳's
	 * practice); a co-handler's opinion within a month (Art. 17). */
	{ "route_workdays", 1, 60 },
	{ "sign_workdays", 1, 60 },
	{ "return_workdays", 1, 60 },
	{ "co_due_months", 1, 12 },
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
	char *keys = NULL;
	int i;

	if (setting(key) != -1)
		return 1;
	for (i = 0; i < NSETTINGS; i++)
		text_append(&keys, "|", settings[i].key);
	refuse(_("unknown setting '%s' (use %s)"), key, keys);
	free(keys);
	return 0;
}

int
config_int(struct db *db, const char *key, int dflt)
{
	char buf[32], *end;
	long v;
	int i = setting(key);

	if (i == -1 || config_get(db, key, buf, sizeof buf) == -1)
		return dflt;
	v = strtol(buf, &end, 10);
	if (*buf == '\0' || *end != '\0' || v < settings[i].min ||
	    v > settings[i].max)
		return dflt;
	return (int)v;
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
	struct detail *d;
	struct stmt *s;
	char *end;
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
	d = detail_new();
	detail_str(d, "key", key);
	detail_str(d, "value", value);
	return event_add_detail(db, ctx, 0, ctx->today, "config", d);
}

enum cmd_status
config_list(struct db *db, row_fn fn, void *arg)
{
	struct stmt *s = db_stmt(db, "SELECT key, value FROM config"
	    " ORDER BY key");
	const char *row[2];
	int rc;

	while ((rc = st_step(s)) == 1) {
		row[0] = st_col(s, 0);
		row[1] = st_col(s, 1);
		if (fn(arg, row) != 0)
			return CMD_FAIL;
	}
	return rc == -1 ? CMD_FAIL : CMD_OK;
}

enum cmd_status
config_create(const struct cmd_ctx *ctx, const char *town)
{
	enum cmd_status st = CMD_OK;
	struct db *db;
	int refused;

	if ((db = db_open(ctx->dbpath, DB_CREATE, &refused)) == NULL)
		return refused ? CMD_REFUSED : CMD_FAIL;
	if (town != NULL) {
		if (db_begin(db) == -1) {
			db_close(db);
			return CMD_FAIL;
		}
		st = db_end(db, config_set(db, ctx, "town", town));
	}
	if (st != CMD_OK)
		db_close(db);
	else if (db_install(db, &refused) == -1)
		st = refused ? CMD_REFUSED : CMD_FAIL;
	return st;
}
