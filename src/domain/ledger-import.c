/*
 * ledger-import.c — the import. It reads the file as a stream, checks
 * every row (ledger-check.c), and enters each through the same domain
 * functions that the commands use, so that the statuses, deadlines and
 * history are those that entering it by hand would have given; an
 * --update compares it with what is held (ledger-merge.c). Any bad row
 * refuses the whole file.
 */
#include <err.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

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


/* Remembers the numbers seen in this file, to refuse one given twice. */
static enum cmd_status
seen(struct imp *im, const char *number)
{
	struct stmt *s;
	int rc;

	s = db_stmt(im->db, "INSERT INTO temp.import_seen(number, line)"
	    " VALUES (:number, :line) ON CONFLICT DO NOTHING");
	st_text(s, ":number", number);
	st_int(s, ":line", im->line);
	if (st_exec(s) == -1)
		return CMD_FAIL;
	if (db_changes(im->db) == 1)
		return CMD_OK;
	s = db_stmt(im->db, "SELECT line FROM temp.import_seen"
	    " WHERE number = :number");
	st_text(s, ":number", number);
	if ((rc = st_step(s)) != 1)
		return CMD_FAIL;
	refuse(_("%s: '%s' appears twice in the file (line %lld)"),
	    imp_colname(im, L_NUMBER), number, st_colint(s, 0));
	return CMD_REFUSED;
}

static enum cmd_status enter_suggestion(struct imp *, struct lrow *);

static enum cmd_status
row_suggestion(struct imp *im)
{
	struct lrow r;
	enum cmd_status st;

	memset(&r, 0, sizeof r);
	st = enter_suggestion(im, &r);
	csv_list_free(r.cos, r.ncos);
	csv_list_free(r.co, r.nco);
	csv_list_free(r.contacts, r.ncontacts);
	free(r.contact);
	csv_list_free(r.leads, r.nleads);
	csv_list_free(r.signs, r.nsigns);
	free(r.sign);
	free(r.reject_buf);
	return st;
}

static enum cmd_status
enter_suggestion(struct imp *im, struct lrow *r)
{
	struct held h;
	struct sug_view v;
	enum cmd_status st;
	int exists, changes = 0, merged = 0;
	char day[11];

	if (imp_check_row(im, r) == -1)
		return CMD_REFUSED;
	if ((st = seen(im, r->v[L_NUMBER])) != CMD_OK)
		return st;
	if ((exists = sug_exists(im->db, r->v[L_NUMBER])) == -1)
		return CMD_FAIL;
	if ((st = imp_ensure_names(im, r)) != CMD_OK)
		return st;
	if (!exists) {
		struct sug_new n = { 0 };

		n.number = r->v[L_NUMBER];
		n.title = r->v[L_TITLE];
		n.content = r->v[L_CONTENT];
		n.station = r->v[L_STATION];
		n.source = r->source;
		n.received = r->received;
		n.category = r->v[L_CATEGORY];
		n.submitter = r->v[L_SUBMITTER];
		n.phone = r->v[L_PHONE];
		n.deputy = r->v[L_LEAD];
		n.cosigners = (const char **)r->cos;
		n.ncosigners = r->ncos;
		n.note = r->v[L_NOTE];
		if ((st = sug_add(im->db, im->ctx, &n, NULL)) != CMD_OK ||
		    (st = imp_intake(im, r, NULL, &changes, &merged)) !=
		    CMD_OK)
			return st;
		/* Those like it, as add names them (import --similar). */
		if (im->o->similar) {
			char *where = text_printf("%s:%ld", im->path,
			    im->line);

			st = sug_tell_alike(im->db, r->v[L_NUMBER],
			    r->v[L_TITLE], r->received.y, where);
			free(where);
			if (st != CMD_OK)
				return st;
		}
		if (!merged) {
			imp_held_from(NULL, &h);
			if ((st = imp_stages(im, r, &h, &changes)) == CMD_OK &&
			    (st = imp_marks(im, r, NULL, &changes)) == CMD_OK)
				im->added++;
			return st;
		}
		/* Merged: it holds the replies of the one it follows, which
		 * the file's are compared with. */
		date_iso(im->ctx->today, day);
		if ((st = sug_get(im->db, r->v[L_NUMBER], day, &v)) != CMD_OK)
			return st;
		imp_held_from(&v, &h);
		changes = 0;
		if ((st = imp_stages(im, r, &h, &changes)) == CMD_OK &&
		    (st = imp_marks(im, r, &v, &changes)) == CMD_OK)
			im->added++;
		sug_view_free(&v);
		return st;
	}
	date_iso(im->ctx->today, day);
	if ((st = sug_get(im->db, r->v[L_NUMBER], day, &v)) != CMD_OK)
		return st;
	st = imp_registration(im, r, &v, &changes);
	if (st == CMD_OK)
		st = imp_intake(im, r, &v, &changes, &merged);
	if (st == CMD_OK && merged) {
		sug_view_free(&v);
		if ((st = sug_get(im->db, r->v[L_NUMBER], day, &v)) != CMD_OK)
			return st;
	}
	imp_held_from(&v, &h);
	if (st == CMD_OK)
		st = imp_stages(im, r, &h, &changes);
	if (st == CMD_OK)
		st = imp_marks(im, r, &v, &changes);
	sug_view_free(&v);
	if (st == CMD_OK) {
		if (changes > 0)
			im->updated++;
		else
			im->unchanged++;
	}
	return st;
}

/* The id cell of a reception or activity: 0 when empty; -1 when bad. */
static int
check_id(struct imp *im, int c, const char *v, long long *id)
{
	long n;

	*id = 0;
	if (v == NULL)
		return 0;
	if (arg_count(imp_colname(im, c), v, &n) == -1)
		return -1;
	if (n == 0) {
		refuse(_("%s: invalid id '%s'"), imp_colname(im, c), v);
		return -1;
	}
	*id = n;
	return 0;
}

/* What an imported reception or activity does: matched (unchanged), a
 * conflict (refused unless --update, which updates), or added. */
static enum cmd_status
settle(struct imp *im, long long found, int same, long long id, int idcol,
    enum cmd_status (*update)(struct imp *, const void *),
    enum cmd_status (*add)(struct imp *, const void *), const void *row)
{
	enum cmd_status st;

	if (found == -1)
		return CMD_FAIL;
	if (found > 0 && same) {
		im->unchanged++;
		return CMD_OK;
	}
	if (found > 0) {
		if (!im->o->update) {
			refuse(_("%s: row %lld of the database differs "
			    "(--update takes the file's)"),
			    imp_colname(im, idcol), id);
			return CMD_REFUSED;
		}
		if ((st = update(im, row)) == CMD_OK)
			im->updated++;
		return st;
	}
	if ((st = add(im, row)) == CMD_OK)
		im->added++;
	return st;
}

static enum cmd_status
reception_upd(struct imp *im, const void *r)
{
	return reception_update(im->db, im->ctx, r);
}

static enum cmd_status
reception_new(struct imp *im, const void *r)
{
	enum cmd_status st = reception_add(im->db, im->ctx, r);

	return st == CMD_OK ? import_mark_last(im->db, 0) : st;
}

static enum cmd_status
activity_upd(struct imp *im, const void *a)
{
	return activity_update(im->db, im->ctx, a);
}

static enum cmd_status
activity_new(struct imp *im, const void *a)
{
	enum cmd_status st = activity_add(im->db, im->ctx, a);

	return st == CMD_OK ? import_mark_last(im->db, 1) : st;
}

static enum cmd_status
row_reception(struct imp *im)
{
	struct reception_new r = { 0 };
	const char *v[R_NCOLS];
	char **names = NULL, iso[11];
	size_t n = 0, i;
	enum cmd_status st = CMD_REFUSED;
	long long found;
	int c, same;

	for (c = 0; c < R_NCOLS; c++)
		v[c] = imp_cell(im, c);
	if (check_id(im, R_ID, v[R_ID], &r.id) == -1 ||
	    imp_check_date(im, R_DATE, v[R_DATE], &r.date, iso) == -1 ||
	    imp_check_text(im, R_DATE, v[R_DATE], TEXT_REQUIRED, 32) == -1 ||
	    imp_check_text(im, R_STATION, v[R_STATION], TEXT_REQUIRED,
	    MAX_NAME) == -1 ||
	    imp_check_text(im, R_NOTE, v[R_NOTE], 0, MAX_TITLE) == -1)
		return CMD_REFUSED;
	if (v[R_VISITORS] == NULL ||
	    arg_count(imp_colname(im, R_VISITORS), v[R_VISITORS],
	    &r.visitors) == -1)
		return CMD_REFUSED;
	if (imp_check_list(im, R_DEPUTIES, v[R_DEPUTIES], &names, &n) == -1)
		goto out;
	r.deputies = (const char **)names;
	r.ndeputies = (int)n;
	r.station = v[R_STATION];
	r.note = v[R_NOTE];
	if ((st = imp_ensure(im, REG_STATION, r.station, R_STATION)) != CMD_OK)
		goto out;
	for (i = 0; i < n; i++)
		if ((st = imp_ensure(im, REG_DEPUTY, names[i], R_DEPUTIES)) !=
		    CMD_OK)
			goto out;
	found = reception_match(im->db, &r, &same);
	st = settle(im, found, same, r.id, R_ID, reception_upd, reception_new,
	    &r);
out:
	csv_list_free(names, n);
	return st;
}

static enum cmd_status
row_activity(struct imp *im)
{
	struct activity_new a = { .participants = -1 };
	const char *v[A_NCOLS];
	char iso[11];
	long long found;
	int c, same;

	for (c = 0; c < A_NCOLS; c++)
		v[c] = imp_cell(im, c);
	if (check_id(im, A_ID, v[A_ID], &a.id) == -1 ||
	    imp_check_text(im, A_DATE, v[A_DATE], TEXT_REQUIRED, 32) == -1 ||
	    imp_check_date(im, A_DATE, v[A_DATE], &a.date, iso) == -1 ||
	    imp_check_text(im, A_KIND, v[A_KIND], TEXT_REQUIRED, 32) == -1 ||
	    imp_check_vocab(im, A_KIND, vocab_kind, v[A_KIND], &a.kind) == -1 ||
	    imp_check_text(im, A_TITLE, v[A_TITLE], TEXT_REQUIRED,
	    MAX_TITLE) == -1)
		return CMD_REFUSED;
	if (v[A_PARTICIPANTS] != NULL &&
	    arg_count(imp_colname(im, A_PARTICIPANTS), v[A_PARTICIPANTS],
	    &a.participants) == -1)
		return CMD_REFUSED;
	a.title = v[A_TITLE];
	found = activity_match(im->db, &a, &same);
	return settle(im, found, same, a.id, A_ID, activity_upd, activity_new,
	    &a);
}

/* Stations, departments and deputies: new names are added, known ones
 * compared field by field. */
static enum cmd_status
row_registry(struct imp *im, enum reg_kind k)
{
	const char *v[P_NCOLS];
	char *held[P_NCOLS];
	const char *level = NULL;
	enum cmd_status st, worst = CMD_OK;
	int c, rc, changes = 0, ncols = im->o->table->ncols;

	for (c = 0; c < ncols; c++)
		v[c] = imp_cell(im, c);
	if (imp_check_text(im, 0, v[0], TEXT_REQUIRED, MAX_NAME) == -1)
		return CMD_REFUSED;
	for (c = 1; c < ncols; c++)
		if (imp_check_text(im, c, v[c], 0, MAX_NAME) == -1)
			return CMD_REFUSED;
	if (k == REG_DEPUTY) {
		if (imp_check_vocab(im, P_LEVEL, vocab_level, v[P_LEVEL],
		    &level) == -1 ||
		    imp_check_phone(im, P_PHONE, v[P_PHONE]) == -1)
			return CMD_REFUSED;
		v[P_LEVEL] = level;
		if (v[P_STATION] != NULL && (st = imp_ensure(im, REG_STATION,
		    v[P_STATION], P_STATION)) != CMD_OK)
			return st;
	}
	if ((rc = reg_exists(im->db, k, v[0])) == -1)
		return CMD_FAIL;
	if (rc == 0) {
		if (k == REG_STATION)
			st = station_add(im->db, im->ctx, v[0], v[S_VILLAGE]);
		else if (k == REG_DEPT)
			st = dept_add(im->db, im->ctx, v[0]);
		else {
			struct deputy_new d = { v[0], v[P_LEVEL],
			    v[P_STATION], v[P_PHONE] };

			st = deputy_add(im->db, im->ctx, &d);
		}
		if (st == CMD_OK)
			im->added++;
		return st;
	}
	if ((st = reg_info(im->db, k, v[0], held, P_NCOLS)) != CMD_OK)
		return st;
	for (c = 1; c < ncols && st == CMD_OK; c++) {
		if (v[c] == NULL || imp_same(v[c], held[c]))
			continue;
		if (held[c][0] != '\0' && !im->o->update) {
			worst = imp_conflict(im, c, v[c], held[c]);
			continue;
		}
		if ((st = reg_set(im->db, im->ctx, k, v[0], c, v[c])) ==
		    CMD_OK)
			changes++;
	}
	for (c = 0; c < P_NCOLS; c++)
		free(held[c]);
	if (st != CMD_OK)
		return st;
	if (worst == CMD_OK) {
		if (changes)
			im->updated++;
		else
			im->unchanged++;
	}
	return worst;
}

/* The column a field of the file is, for messages. */
static const char *
field_name(struct imp *im, size_t i)
{
	int c;

	for (c = 0; c < im->o->table->ncols; c++)
		if (im->map[c] == (int)i)
			return imp_colname(im, c);
	return "?";
}

static void
free_cells(struct imp *im)
{
	size_t i;

	for (i = 0; i < im->ncells; i++)
		free(im->cells[i]);
	free(im->cells);
	im->cells = NULL;
	im->ncells = 0;
}

/* The headers that a table knows, for the refusal of an unknown one: in
 * English for an English header, else in Chinese. */
static char *
known_headers(const struct csv_table *t, int english)
{
	char *s = NULL;
	int c;

	for (c = 0; c < t->ncols; c++)
		text_append(&s, english ? ", " : "、",
		    english ? t->cols[c].en : t->cols[c].zh);
	for (c = 0; t->ignored != NULL && t->ignored[c] != NULL; c++)
		if ((t->ignored[c][0] & 0x80) == (english ? 0 : 0x80))
			text_append(&s, english ? ", " : "、", t->ignored[c]);
	return s;
}

/*
 * Maps the header row onto the table's columns (im->map, by field index).
 * 序号 is read past; an unknown header is refused, or skipped and listed
 * under --skip-unknown-columns. Returns -1 after a message.
 */
static int
on_header(struct imp *im, char **f, const size_t *lens, size_t n)
{
	const struct csv_table *t = im->o->table;
	char *keep[CSV_MAXCOLS], *name, *shown, *msg;
	size_t idx[CSV_MAXCOLS], nkeep = 0, i;
	int c, map[CSV_MAXCOLS];

	for (i = 0; i < n; i++) {
		name = text_norm(f[i], lens[i], NULL);
		c = csv_column_find(t, name);
		if (c == -1) {
			const unsigned char *p;
			int english;
			char *list;

			shown = text_visible(name);
			if (im->o->skip_unknown) {
				text_append(&im->skipped, "、", shown);
				free(shown);
				free(name);
				continue;
			}
			/* English when the header has a Latin letter. */
			for (p = (const unsigned char *)name, english = 0;
			    *p != '\0'; p++)
				if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
					english = 1;
			list = known_headers(t, english);
			refuse(_("unknown header '%s' (known: %s); "
			    "--skip-unknown-columns imports the other "
			    "columns"), shown, list);
			free(list);
			free(shown);
			free(name);
			return -1;
		}
		free(name);
		if (c == -2)
			continue;
		keep[nkeep] = f[i];
		idx[nkeep++] = i;
	}
	if (csv_map_header(t, keep, nkeep, map, &msg) == -1) {
		refuse("%s", msg);
		free(msg);
		return -1;
	}
	for (c = 0; c < t->ncols; c++)
		if ((im->map[c] = map[c] >= 0 ? (int)idx[map[c]] : -1) >= 0)
			im->used[im->map[c]] = 1;
	return 0;
}

/* Whether field i of a row is read: a field of 序号, or of a column
 * skipped, is not (nor checked), but one past the header is. */
static int
used(const struct imp *im, size_t i)
{
	return i >= im->nhead || im->used[i];
}

/* One record of the file: the header, or a row. */
static int
on_row(struct imp *im, long line, char **f, const size_t *lens, size_t n)
{
	const struct csv_table *t = im->o->table;
	enum cmd_status st;
	size_t i;
	int c, blank;

	im->line = line;
	msg_wheref("%s:%ld", im->path, line);
	/* A NUL byte is a control character, never the end of the text. */
	for (i = 0; i < n; i++)
		if ((!im->have_header || used(im, i)) &&
		    memchr(f[i], '\0', lens[i]) != NULL)
			break;
	if (i < n && !im->have_header) {
		refuse(_("header %zu has a control character"), i + 1);
		im->bad++;
		return -1;
	}
	if (!im->have_header) {
		if (n > CSV_MAXCOLS || on_header(im, f, lens, n) == -1) {
			if (n > CSV_MAXCOLS)
				refuse("%s", _("too many columns"));
			im->bad++;
			return -1;
		}
		for (c = 0; c < t->ncols; c++)
			if (im->map[c] >= 0)
				im->head[c] = text_norm(f[im->map[c]],
				    lens[im->map[c]], NULL);
		im->nhead = n;
		im->have_header = 1;
		return 0;
	}
	if (i < n) {
		im->rows++;
		refuse(_("%s: has a control character"), field_name(im, i));
		im->bad++;
		return 0;
	}
	/* Every name and text enters normalised, as on the command line, and
	 * without the apostrophe that export puts before a formula. */
	free_cells(im);
	if ((im->cells = calloc(n, sizeof *im->cells)) == NULL)
		xnomem();
	for (i = 0, blank = 1; i < n; i++) {
		im->cells[i] = csv_unmark(text_norm(f[i], lens[i], NULL));
		im->ncells++;
		if (im->cells[i][0] != '\0' && used(im, i))
			blank = 0;
	}
	/* Excel's trailing rows of only separators, or of only a 序号 (a
	 * sheet numbered in advance): skipped, and counted. */
	if (blank) {
		im->blank++;
		return 0;
	}
	im->rows++;
	if (n != im->nhead) {
		refuse(ngettext("expected %zu field, found %zu",
		    "expected %zu fields, found %zu", im->nhead), im->nhead, n);
		im->bad++;
		return 0;
	}
	if (strcmp(t->name, "suggestions") == 0)
		st = row_suggestion(im);
	else if (strcmp(t->name, "receptions") == 0)
		st = row_reception(im);
	else if (strcmp(t->name, "activities") == 0)
		st = row_activity(im);
	else
		st = row_registry(im, strcmp(t->name, "stations") == 0 ?
		    REG_STATION : strcmp(t->name, "departments") == 0 ?
		    REG_DEPT : REG_DEPUTY);
	if (st == CMD_REFUSED)
		im->bad++;
	else if (st == CMD_FAIL) {
		im->fail = CMD_FAIL;
		return -1;
	}
	return 0;
}

/*
 * The progress line on a terminal ("\rimporting: 1000 rows") stays open
 * between updates. A message printed meanwhile through warn(3) or err(3),
 * from any module (a refused row, a CSV or a database error), must begin
 * a line of its own: while the line is open, the program name that they
 * print first is preceded by a newline.
 */
static char *plain_name;

static void
progress_show(long rows)
{
	static char *nl_name;

	if (nl_name == NULL && asprintf(&nl_name, "\n%s",
	    program_invocation_short_name) == -1)
		xnomem();
	fputc('\r', stderr);
	fprintf(stderr, ngettext("importing: %ld row", "importing: %ld rows",
	    rows), rows);
	if (plain_name == NULL) {
		plain_name = program_invocation_short_name;
		program_invocation_short_name = nl_name;
	}
}

/* The line is over: ended by a message, or by a newline when end is set. */
static void
progress_closed(int end)
{
	if (plain_name == NULL)
		return;
	if (end)
		fputc('\n', stderr);
	program_invocation_short_name = plain_name;
	plain_name = NULL;
}

static int
on_record(void *arg, long line, char **f, const size_t *lens, size_t n)
{
	struct imp *im = arg;
	long rows = im->rows, bad = im->bad;
	int rc;

	rc = on_row(im, line, f, lens, n);
	if (im->bad != bad || im->fail != CMD_OK)
		progress_closed(0);
	else if (im->o->progress && im->rows != rows && im->rows % 1000 == 0)
		progress_show(im->rows);
	return rc;
}

/* "new deputies: A、B、C": the first ten, then how many more, unless
 * all. */
static void
print_names(FILE *out, const char *what, const struct newnames *n, int all)
{
	size_t i;

	if (n->len == 0)
		return;
	fprintf(out, "%s", what);
	for (i = 0; i < n->len && (all || i < NAMES_SHOWN); i++)
		fprintf(out, "%s%s", i ? "、" : "", n->v[i]);
	if (i < n->len)
		fprintf(out, _(" … and %zu more"), n->len - i);
	fputc('\n', out);
}

static void
free_names(struct newnames *n)
{
	size_t i;

	for (i = 0; i < n->len; i++)
		free(n->v[i]);
	free(n->v);
}

enum cmd_status
import_file(struct db *db, const struct cmd_ctx *ctx,
    const struct import_opts *o, FILE *out)
{
	struct imp im;
	enum csv_enc used = ENC_UTF8;
	enum cmd_status st = CMD_OK;
	char buf[16];
	int rc, k;

	memset(&im, 0, sizeof im);
	im.db = db;
	im.ctx = ctx;
	im.o = o;
	im.path = strcmp(o->path, "-") == 0 ? _("standard input") : o->path;
	date_iso(ctx->today, im.today);
	im.rehandle_months = config_get(db, "rehandle_months", buf,
	    sizeof buf) == 0 ? atoi(buf) : 1;
	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS import_seen"
	    " (number TEXT PRIMARY KEY, line INTEGER) WITHOUT ROWID;"
	    " DELETE FROM temp.import_seen;"
	    " CREATE TEMP TABLE IF NOT EXISTS import_matched"
	    " (tbl TEXT, id INTEGER, PRIMARY KEY (tbl, id)) WITHOUT ROWID;"
	    " DELETE FROM temp.import_matched") == -1)
		return CMD_FAIL;
	rc = csv_read(o->path, o->enc, on_record, &im, &used);
	/* A CSV or database error has ended the line. */
	progress_closed(rc != -1 && im.fail == CMD_OK);
	msg_where(NULL);
	if (im.fail != CMD_OK)
		st = im.fail;
	else if (rc == -1 || (im.bad > 0 && !im.have_header))
		st = CMD_REFUSED;
	else if (!im.have_header) {
		refuse(_("%s: empty file; expected a header row"), im.path);
		st = CMD_REFUSED;
	} else if (im.bad > 0) {
		refuse(ngettext("%s: %ld bad row; nothing imported",
		    "%s: %ld bad rows; nothing imported", im.bad), im.path,
		    im.bad);
		st = CMD_REFUSED;
	}
	if (st == CMD_OK) {
		char *path = text_escape(im.path, 0);

		fprintf(out, ngettext("%s%s (%s): %ld row: %ld added, "
		    "%ld updated, %ld unchanged", "%s%s (%s): %ld rows: "
		    "%ld added, %ld updated, %ld unchanged", im.rows),
		    o->dry_run ? _("dry run, nothing "
		    "written: ") : "", path, used == ENC_GB18030 ?
		    "GB18030" : "UTF-8", im.rows, im.added, im.updated,
		    im.unchanged);
		if (im.blank > 0)
			fprintf(out, ngettext("; %ld blank row skipped",
			    "; %ld blank rows skipped", im.blank), im.blank);
		fputc('\n', out);
		free(path);
		if (im.skipped != NULL) {
			char *shown = text_escape(im.skipped, 0);

			fprintf(out, _("columns skipped: %s\n"), shown);
			free(shown);
		}
		print_names(out, _("new stations: "), &im.created[REG_STATION],
		    o->verbose);
		print_names(out, _("new departments: "), &im.created[REG_DEPT],
		    o->verbose);
		print_names(out, _("new deputies: "), &im.created[REG_DEPUTY],
		    o->verbose);
	}
	for (k = 0; k < 3; k++) {
		free_names(&im.created[k]);
		free_names(&im.known[k]);
	}
	free(im.skipped);
	for (k = 0; k < CSV_MAXCOLS; k++)
		free(im.head[k]);
	free_cells(&im);
	return st;
}

/* Export. */

