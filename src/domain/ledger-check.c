/*
 * ledger-check.c — the checks of one row of an import: each cell's text,
 * date, vocabulary word, list and phone number, the order of its dates,
 * and its names (registered, new, or near a registered one: "did you
 * mean"). Each refusal names the file's line and column.
 */
#include <err.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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


const char *
imp_colname(struct imp *im, int c)
{
	return im->map[c] >= 0 ? im->head[c] : im->o->table->cols[c].zh;
}

/* A cell, normalised (text_norm) and unmarked (csv_unmark); NULL when the
 * column is absent or the cell empty. */
const char *
imp_cell(struct imp *im, int c)
{
	const char *v;

	if (im->map[c] < 0)
		return NULL;
	v = im->cells[im->map[c]];
	return v[0] != '\0' ? v : NULL;
}

/* Checks a text cell; prints "column: reason" and returns -1. */
int
imp_check_text(struct imp *im, int c, const char *v, int flags, int max)
{
	const char *p;
	int n = 0;

	if (v == NULL) {
		if (flags & TEXT_REQUIRED) {
			refuse(_("%s: required"), imp_colname(im, c));
			return -1;
		}
		return 0;
	}
	if (text_has_control(v, flags & TEXT_MULTILINE)) {
		refuse(_("%s: has a control character"), imp_colname(im, c));
		return -1;
	}
	for (p = v; *p != '\0'; p++)
		n += (*p & 0xc0) != 0x80;
	if (n > max) {
		refuse(_("%s: too long (%d characters; at most %d)"),
		    imp_colname(im, c), n, max);
		return -1;
	}
	return 0;
}

/* A list cell's names (csv_list), each checked as a name; more than
 * MAX_LIST is refused, naming the column. */
int
imp_check_list(struct imp *im, int c, const char *v, char ***names, size_t *n)
{
	size_t i;

	*names = csv_list(v, n);
	if (*n > MAX_LIST) {
		refuse(_("%s: too many names (%zu; at most %d)"),
		    imp_colname(im, c), *n, MAX_LIST);
		return -1;
	}
	for (i = 0; i < *n; i++)
		if (imp_check_text(im, c, (*names)[i], 0, MAX_NAME) == -1)
			return -1;
	return 0;
}

/* A date cell into d and iso ("" when empty); -1 when bad. */
int
imp_check_date(struct imp *im, int c, const char *v, struct date *d, char *iso)
{
	iso[0] = '\0';
	if (v == NULL)
		return 0;
	if (csv_date(v, d) == -1) {
		refuse(_("%s: invalid date '%s'"), imp_colname(im, c), v);
		return -1;
	}
	date_iso(*d, iso);
	return 0;
}

int
imp_check_vocab(struct imp *im, int c, const struct vocab *v, const char *s,
    const char **key)
{
	int i;

	*key = NULL;
	if (s == NULL)
		return 0;
	if ((i = vocab_find(v, s)) == -1) {
		refuse(_("%s: invalid value '%s' (use %s)"),
		    imp_colname(im, c), s,
		    vocab_keys(v));
		return -1;
	}
	*key = v[i].key;
	return 0;
}

/* "column: a is before b" when a < b, both set. */
static int
check_order(struct imp *im, int ca, const char *a, int cb, const char *b)
{
	if (a[0] != '\0' && b[0] != '\0' && strcmp(a, b) < 0) {
		refuse(_("%s: %s is before the %s (%s)"),
		    imp_colname(im, ca), a,
		    imp_colname(im, cb), b);
		return -1;
	}
	return 0;
}

static int
check_needs(struct imp *im, int ca, const void *a, int cb, const void *b)
{
	if (a != NULL && b == NULL) {
		refuse(_("%s: needs %s"), imp_colname(im, ca),
		    imp_colname(im, cb));
		return -1;
	}
	return 0;
}

/*
 * Whether a new name is one or two characters from a registered one, and
 * so more likely a slip (黄堂 for 黄塘) than a new name: one edit for a
 * name of two to four characters, two for a longer one. A name of one
 * character is never near another.
 */
static int
near(const char *a, const char *b)
{
	size_t la = text_chars(a), lb = text_chars(b);
	size_t shorter = la < lb ? la : lb;
	int d = text_distance(a, b);

	return (d == 1 && shorter >= 2) || (d == 2 && shorter >= 5);
}

static int
listed(const struct newnames *n, const char *name)
{
	size_t i;

	for (i = 0; i < n->len; i++)
		if (strcmp(n->v[i], name) == 0)
			return 1;
	return 0;
}

/* Refuses a new name near one registered before the import (not one that
 * this import registered: a file's own names are its to choose). */
static enum cmd_status
near_name(struct imp *im, enum reg_kind k, const char *name, int c)
{
	struct newnames *kn = &im->known[k];
	size_t i;

	if (!im->loaded[k]) {
		if (reg_names(im->db, k, &kn->v, &kn->len) != CMD_OK)
			return CMD_FAIL;
		im->loaded[k] = 1;
	}
	for (i = 0; i < kn->len; i++)
		if (near(name, kn->v[i]) && !listed(&im->created[k], kn->v[i])) {
			refuse(_("%s: '%s' is not registered; did you mean "
			    "'%s'? (register a new name this close to another "
			    "before the import)"), imp_colname(im, c), name,
			    kn->v[i]);
			return CMD_REFUSED;
		}
	return CMD_OK;
}

/* Makes sure a name is registered: created (and remembered for the
 * summary) unless --strict-names; a name near a registered one is
 * refused. */
enum cmd_status
imp_ensure(struct imp *im, enum reg_kind k, const char *name, int c)
{
	struct newnames *n = &im->created[k];
	enum cmd_status st;
	long long id;
	int rc;

	/* reg.c remembers the names it found for the transaction. */
	if ((rc = reg_exists(im->db, k, name)) != 0)
		return rc == 1 ? CMD_OK : CMD_FAIL;
	if (im->o->strict_names) {
		/* The refusal names the column, as the row's checks do. */
		msg_wheref("%s:%ld: %s", im->path, im->line,
		    imp_colname(im, c));
		st = reg_find(im->db, k, name, 0, &id);
		msg_wheref("%s:%ld", im->path, im->line);
		return st;
	}
	if (arg_text(imp_colname(im, c), name, TEXT_REQUIRED, MAX_NAME) == -1)
		return CMD_REFUSED;
	if ((st = near_name(im, k, name, c)) != CMD_OK)
		return st;
	if (k == REG_STATION)
		st = station_add(im->db, im->ctx, name, NULL);
	else if (k == REG_DEPT)
		st = dept_add(im->db, im->ctx, name);
	else {
		struct deputy_new d = { .name = name };

		st = deputy_add(im->db, im->ctx, &d);
	}
	if (st != CMD_OK)
		return st;
	if ((n->v = reallocarray(n->v, n->len + 1, sizeof *n->v)) == NULL ||
	    (n->v[n->len] = strdup(name)) == NULL)
		xnomem();
	n->len++;
	return CMD_OK;
}

int
imp_check_phone(struct imp *im, int c, const char *v)
{
	if (v == NULL || arg_phone_ok(v))
		return 0;
	refuse(_("%s: invalid phone number '%s'"), imp_colname(im, c), v);
	return -1;
}

/*
 * The entries of a cell of dated steps, "date department[ method]"
 * separated as names are ("2022-01-22 教育办 走访；2022-02-03 教育办"),
 * each into (*out)[i], after the routing and by today: the contacts
 * (with methods) and the signatures (without). -1 after a message.
 */
static int
check_dated(struct imp *im, struct lrow *r, int col, int methods,
    char ***list, size_t *n, struct contact_in **out)
{
	struct contact_in *c;
	char *e, *sp, *last;
	size_t i;
	int m;

	*list = csv_list(r->v[col], n);
	*out = xcalloc(*n + 1, sizeof **out);
	for (i = 0; i < *n; i++) {
		c = &(*out)[i];
		e = (*list)[i];
		if ((sp = strchr(e, ' ')) == NULL)
			goto bad;
		*sp = '\0';
		if (csv_date(e, &c->date) == -1) {
			*sp = ' ';
			goto bad;
		}
		*sp = ' ';
		date_iso(c->date, c->day);
		c->dept = sp + 1;
		csv_trim(c->dept);
		if (methods && (last = strrchr(c->dept, ' ')) != NULL &&
		    (m = vocab_find(vocab_method, last + 1)) >= 0) {
			c->method = vocab_method[m].key;
			*last = '\0';
			csv_trim(c->dept);
		}
		if (c->dept[0] == '\0')
			goto bad;
		if (imp_check_text(im, col, c->dept, 0, MAX_NAME) == -1)
			return -1;
		if (strcmp(c->day, im->today) > 0) {
			refuse(_("%s: %s is after today (%s)"),
			    imp_colname(im, col), c->day, im->today);
			return -1;
		}
		if (check_order(im, col, c->day, L_ASSIGNED, r->d_assigned) ==
		    -1)
			return -1;
		continue;
bad:
		if (methods)
			refuse(_("%s: invalid contact '%s' (use DATE DEPARTMENT "
			    "[METHOD])"), imp_colname(im, col), e);
		else
			refuse(_("%s: invalid signature '%s' (use DATE "
			    "DEPARTMENT)"), imp_colname(im, col), e);
		return -1;
	}
	return 0;
}

/* The department that gave the latest reply: 答复单位, one of the
 * leads; or the one lead. */
static int
check_reply_dept(struct imp *im, struct lrow *r)
{
	size_t i;

	r->reply_dept = r->v[L_REPLY_DEPT];
	if (r->nleads == 0)
		return 0;
	if (r->reply_dept == NULL) {
		if (r->nleads == 1 || r->v[L_REPLIED] == NULL) {
			r->reply_dept = r->leads[0];
			return 0;
		}
		refuse(_("%s: required when %s names several departments"),
		    imp_colname(im, L_REPLY_DEPT), imp_colname(im, L_DEPT));
		return -1;
	}
	for (i = 0; i < r->nleads; i++)
		if (strcmp(r->leads[i], r->reply_dept) == 0)
			return 0;
	refuse(_("%s: '%s' is not one of %s"), imp_colname(im, L_REPLY_DEPT),
	    r->reply_dept, imp_colname(im, L_DEPT));
	return -1;
}

/* Not accepted (不予立案): "DATE REASON[：NOTE]", never routed. */
static int
check_rejected(struct imp *im, struct lrow *r)
{
	char *sp, *note;
	int i;

	if (r->v[L_REJECTED] == NULL)
		return 0;
	r->reject_buf = xstrdup(r->v[L_REJECTED]);
	if ((sp = strchr(r->reject_buf, ' ')) == NULL)
		goto bad;
	*sp++ = '\0';
	if (imp_check_date(im, L_REJECTED, r->reject_buf, &r->rejected,
	    r->d_rejected) == -1)
		return -1;
	if ((note = strstr(sp, "：")) != NULL) {
		*note = '\0';
		note += strlen("：");
	} else if ((note = strchr(sp, ':')) != NULL)
		*note++ = '\0';
	r->reject_note = note != NULL && *csv_trim(note) != '\0' ? note : NULL;
	if ((i = vocab_find(vocab_reject, csv_trim(sp))) < 0) {
		refuse(_("%s: invalid reason '%s' (use %s)"),
		    imp_colname(im, L_REJECTED), sp, vocab_keys(vocab_reject));
		return -1;
	}
	r->reject_reason = vocab_reject[i].key;
	if (imp_check_text(im, L_REJECTED, r->reject_note, 0, MAX_TITLE) ==
	    -1 || check_order(im, L_REJECTED, r->d_rejected, L_RECEIVED,
	    r->d_received) == -1)
		return -1;
	if (r->v[L_DEPT] != NULL || r->v[L_MERGED_INTO] != NULL) {
		refuse(_("%s: a suggestion not accepted is neither routed nor "
		    "merged"), imp_colname(im, L_REJECTED));
		return -1;
	}
	return 0;
bad:
	refuse(_("%s: invalid entry '%s' (use DATE REASON：NOTE)"),
	    imp_colname(im, L_REJECTED), r->v[L_REJECTED]);
	return -1;
}

/* The columns of issue 14's steps. */
static int
check_steps(struct imp *im, struct lrow *r)
{
	const char *m = r->v[L_MERGED_INTO], *rec = r->v[L_RECURRING];

	if (m != NULL && strcmp(m, r->v[L_NUMBER]) == 0) {
		refuse(_("%s: a suggestion is not merged into itself"),
		    imp_colname(im, L_MERGED_INTO));
		return -1;
	}
	if (m != NULL && r->v[L_DEPT] != NULL) {
		refuse(_("%s: a merged suggestion is routed with the one it "
		    "follows, not on its own (%s)"),
		    imp_colname(im, L_MERGED_INTO), imp_colname(im, L_DEPT));
		return -1;
	}
	r->recurring = 0;
	if (rec != NULL) {
		if (strcmp(rec, "是") == 0 || strcasecmp(rec, "yes") == 0 ||
		    strcmp(rec, "1") == 0)
			r->recurring = 1;
		else if (strcmp(rec, "否") != 0 && strcasecmp(rec, "no") != 0 &&
		    strcmp(rec, "0") != 0) {
			refuse(_("%s: '%s' is not 是 or 否 (yes or no)"),
			    imp_colname(im, L_RECURRING), rec);
			return -1;
		}
	}
	if (r->v[L_SUPERVISED_ON] != NULL &&
	    (check_order(im, L_SUPERVISED_ON, r->d_supervised, L_RECEIVED,
	    r->d_received) == -1 || strcmp(r->d_supervised, im->today) > 0)) {
		if (strcmp(r->d_supervised, im->today) > 0)
			refuse(_("%s: %s is after today (%s)"),
			    imp_colname(im, L_SUPERVISED_ON), r->d_supervised,
			    im->today);
		return -1;
	}
	return check_reply_dept(im, r) == -1 ||
	    check_dated(im, r, L_SIGNED, 0, &r->signs, &r->nsigns, &r->sign) ==
	    -1 || check_rejected(im, r) == -1 ? -1 : 0;
}

int
imp_check_row(struct imp *im, struct lrow *r)
{
	const char *routed;
	int c, bad = 0, routed_col;

	for (c = 0; c < L_NCOLS; c++)
		r->v[c] = imp_cell(im, c);
	/* A masked export (陈**, 138****2415) carries no personal data: its
	 * masks are read as empty cells, which never erase anything. */
	if (r->v[L_SUBMITTER] != NULL && strstr(r->v[L_SUBMITTER], "**"))
		r->v[L_SUBMITTER] = NULL;
	if (r->v[L_PHONE] != NULL && strstr(r->v[L_PHONE], "**"))
		r->v[L_PHONE] = NULL;
	bad |= imp_check_text(im, L_NUMBER, r->v[L_NUMBER], TEXT_REQUIRED,
	    MAX_NUMBER);
	bad |= imp_check_text(im, L_TITLE, r->v[L_TITLE], TEXT_REQUIRED,
	    MAX_TITLE);
	bad |= imp_check_text(im, L_CONTENT, r->v[L_CONTENT], TEXT_MULTILINE,
	    MAX_TEXT);
	bad |= imp_check_text(im, L_REPLY, r->v[L_REPLY], TEXT_MULTILINE,
	    MAX_TEXT);
	for (c = L_STATION; c <= L_CO; c++)
		if (c != L_SOURCE && c != L_TITLE && c != L_CONTENT &&
		    c != L_COSIGNERS && c != L_CO && c != L_DEPT)
			bad |= imp_check_text(im, c, r->v[c], 0, MAX_NAME);
	bad |= imp_check_text(im, L_REPLY_DEPT, r->v[L_REPLY_DEPT], 0,
	    MAX_NAME);
	bad |= imp_check_text(im, L_SUPERVISOR, r->v[L_SUPERVISOR], 0,
	    MAX_NAME);
	bad |= imp_check_text(im, L_MERGED_INTO, r->v[L_MERGED_INTO], 0,
	    MAX_NUMBER);
	bad |= imp_check_date(im, L_SUPERVISED_ON, r->v[L_SUPERVISED_ON],
	    &r->supervised, r->d_supervised);
	if (r->v[L_RECEIVED] == NULL) {
		refuse(_("%s: required"), imp_colname(im, L_RECEIVED));
		bad = -1;
	}
	bad |= imp_check_date(im, L_RECEIVED, r->v[L_RECEIVED], &r->received,
	    r->d_received);
	bad |= imp_check_date(im, L_ASSIGNED, r->v[L_ASSIGNED], &r->assigned,
	    r->d_assigned);
	bad |= imp_check_date(im, L_DUE, r->v[L_DUE], &r->due, r->d_due);
	bad |= imp_check_date(im, L_REPLIED, r->v[L_REPLIED], &r->replied,
	    r->d_replied);
	bad |= imp_check_date(im, L_RATED, r->v[L_RATED], &r->rated,
	    r->d_rated);
	bad |= imp_check_vocab(im, L_SOURCE, vocab_source, r->v[L_SOURCE],
	    &r->source);
	bad |= imp_check_vocab(im, L_CLASS, vocab_class, r->v[L_CLASS],
	    &r->cls);
	bad |= imp_check_vocab(im, L_RATING, vocab_rating, r->v[L_RATING],
	    &r->rating);
	bad |= imp_check_phone(im, L_PHONE, r->v[L_PHONE]);
	bad |= imp_check_text(im, L_HANDLER, r->v[L_HANDLER], 0, MAX_NAME);
	bad |= imp_check_text(im, L_NOTE, r->v[L_NOTE], TEXT_MULTILINE,
	    MAX_TEXT);
	if (bad)
		return -1;

	/* What goes with what, and in which order. A merged suggestion's
	 * routing and replies are those of the one it follows (并案). */
	routed = r->v[L_DEPT] != NULL ? r->v[L_DEPT] : r->v[L_MERGED_INTO];
	routed_col = r->v[L_DEPT] != NULL ? L_DEPT : L_MERGED_INTO;
	if (routed == NULL)
		routed_col = L_DEPT;
	bad |= check_needs(im, L_DEPT, r->v[L_DEPT], L_ASSIGNED,
	    r->v[L_ASSIGNED]);
	bad |= check_needs(im, L_ASSIGNED, r->v[L_ASSIGNED], routed_col,
	    routed);
	bad |= check_needs(im, L_CO, r->v[L_CO], L_DEPT, r->v[L_DEPT]);
	bad |= check_needs(im, L_HANDLER, r->v[L_HANDLER], routed_col,
	    routed);
	bad |= check_needs(im, L_CONTACTS, r->v[L_CONTACTS], L_DEPT,
	    r->v[L_DEPT]);
	bad |= check_needs(im, L_SIGNED, r->v[L_SIGNED], L_DEPT,
	    r->v[L_DEPT]);
	bad |= check_needs(im, L_DUE, r->v[L_DUE], routed_col, routed);
	bad |= check_needs(im, L_REPLIED, r->v[L_REPLIED], routed_col,
	    routed);
	bad |= check_needs(im, L_SUPERVISOR, r->v[L_SUPERVISOR],
	    L_SUPERVISED_ON, r->v[L_SUPERVISED_ON]);
	bad |= check_needs(im, L_SUPERVISED_ON, r->v[L_SUPERVISED_ON],
	    L_SUPERVISOR, r->v[L_SUPERVISOR]);
	bad |= check_needs(im, L_REPLIED, r->v[L_REPLIED], L_CLASS,
	    r->v[L_CLASS]);
	bad |= check_needs(im, L_CLASS, r->v[L_CLASS], L_REPLIED,
	    r->v[L_REPLIED]);
	bad |= check_needs(im, L_REPLY, r->v[L_REPLY], L_REPLIED,
	    r->v[L_REPLIED]);
	bad |= check_needs(im, L_RATED, r->v[L_RATED], L_RATING,
	    r->v[L_RATING]);
	bad |= check_needs(im, L_RATING, r->v[L_RATING], L_RATED,
	    r->v[L_RATED]);
	bad |= check_needs(im, L_RATED, r->v[L_RATED], L_REPLIED,
	    r->v[L_REPLIED]);
	if (bad)
		return -1;
	bad |= check_order(im, L_ASSIGNED, r->d_assigned, L_RECEIVED,
	    r->d_received);
	bad |= check_order(im, L_DUE, r->d_due, L_ASSIGNED, r->d_assigned);
	bad |= check_order(im, L_REPLIED, r->d_replied, L_ASSIGNED,
	    r->d_assigned);
	/* A rating before the latest reply means the reply answered an
	 * unsatisfied rating; any other rating comes after its reply. */
	if (r->rating == NULL || strcmp(r->rating, "unsatisfied") != 0)
		bad |= check_order(im, L_RATED, r->d_rated, L_REPLIED,
		    r->d_replied);
	else
		bad |= check_order(im, L_RATED, r->d_rated, L_ASSIGNED,
		    r->d_assigned);
	for (c = L_RECEIVED; c <= L_RATED; c++) {
		const char *d = c == L_RECEIVED ? r->d_received :
		    c == L_ASSIGNED ? r->d_assigned : c == L_REPLIED ?
		    r->d_replied : c == L_RATED ? r->d_rated : "";

		if (strcmp(d, im->today) > 0) {
			refuse(_("%s: %s is after today (%s)"),
			    imp_colname(im, c),
			    d, im->today);
			bad = -1;
		}
	}
	if (bad)
		return -1;
	if (imp_check_list(im, L_COSIGNERS, r->v[L_COSIGNERS], &r->cos,
	    &r->ncos) == -1 || imp_check_list(im, L_CO, r->v[L_CO], &r->co,
	    &r->nco) == -1 || imp_check_list(im, L_DEPT, r->v[L_DEPT],
	    &r->leads, &r->nleads) == -1 || check_dated(im, r, L_CONTACTS, 1,
	    &r->contacts, &r->ncontacts, &r->contact) == -1 ||
	    check_steps(im, r) == -1)
		return -1;
	return 0;
}

enum cmd_status
imp_ensure_names(struct imp *im, struct lrow *r)
{
	enum cmd_status st = CMD_OK;
	size_t i;

	if (r->v[L_STATION] != NULL)
		st = imp_ensure(im, REG_STATION, r->v[L_STATION], L_STATION);
	if (st == CMD_OK && r->v[L_LEAD] != NULL)
		st = imp_ensure(im, REG_DEPUTY, r->v[L_LEAD], L_LEAD);
	for (i = 0; st == CMD_OK && i < r->ncos; i++)
		st = imp_ensure(im, REG_DEPUTY, r->cos[i], L_COSIGNERS);
	for (i = 0; st == CMD_OK && i < r->nleads; i++)
		st = imp_ensure(im, REG_DEPT, r->leads[i], L_DEPT);
	for (i = 0; st == CMD_OK && i < r->nsigns; i++)
		st = imp_ensure(im, REG_DEPT, r->sign[i].dept, L_SIGNED);
	for (i = 0; st == CMD_OK && i < r->nco; i++)
		st = imp_ensure(im, REG_DEPT, r->co[i], L_CO);
	for (i = 0; st == CMD_OK && i < r->ncontacts; i++)
		st = imp_ensure(im, REG_DEPT, r->contact[i].dept, L_CONTACTS);
	return st;
}

