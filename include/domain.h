/*
 * domain.h — what the commands ask of the database, in the domain's words:
 * registries, receptions and activities (reg.c), settings and history
 * (hist.c), and the suggestions' lifecycle and queries (sug.c).
 *
 * Write functions do not open transactions: a command begins one, calls
 * them, and ends it with db_end (db.h). Each returns CMD_OK, CMD_REFUSED after
 * one line on stderr, or CMD_FAIL after a database error.
 */
#ifndef JIANYI_DOMAIN_H
#define JIANYI_DOMAIN_H

#include "csvio.h"
#include "ctx.h"
#include "sugfield.h"
#include "out.h"

/*
 * A listing's rows reach the caller one at a time, its values in the
 * order that the listing's comment gives (NULL for none): the domain
 * reads, the caller lays out (a table, a CSV file). A non-zero return
 * stops the listing, which then fails (CMD_FAIL).
 */
typedef int (*row_fn)(void *arg, const char *const *values);

struct db;

/* Registries. */
enum reg_kind { REG_STATION, REG_DEPT, REG_DEPUTY };

/*
 * Finds a registered name's id. Unknown names (and retired ones when
 * active is set) are refused with the closest known names suggested.
 */
enum cmd_status reg_find(struct db *, enum reg_kind, const char *name,
    int active, long long *id);
enum cmd_status reg_rename(struct db *, const struct cmd_ctx *,
    enum reg_kind, const char *from, const char *to);
enum cmd_status reg_retire(struct db *, const struct cmd_ctx *,
    enum reg_kind, const char *name);
/* station: name, village, deputies, retired; department: name, in hand,
 * retired; deputy: name, level, station, phone, retired. */
enum cmd_status reg_list(struct db *, enum reg_kind, int all, row_fn,
    void *);
/* 1 if the name is registered, 0 if not, -1 on error; silent. */
int reg_exists(struct db *, enum reg_kind, const char *name);
/* Every name of a registry, retired ones too, as new strings in *v. */
enum cmd_status reg_names(struct db *, enum reg_kind, char ***v, size_t *n);
/*
 * A registered entry's fields in the order of its CSV columns (csvmap.h:
 * S_* for stations, P_* for deputies), each a new string in out[0..n)
 * ("" for none; the caller frees them, and NULLs past the columns); and
 * changing one of them (station village; deputy level, station, phone)
 * with an event.
 */
enum cmd_status reg_info(struct db *, enum reg_kind, const char *name,
    char **out, int n);
enum cmd_status reg_set(struct db *, const struct cmd_ctx *, enum reg_kind,
    const char *name, int col, const char *value);

enum cmd_status station_add(struct db *, const struct cmd_ctx *,
    const char *name, const char *village);
enum cmd_status dept_add(struct db *, const struct cmd_ctx *,
    const char *name);
struct deputy_new {
	const char *name;
	const char *level;   /* key; NULL means town */
	const char *station; /* NULL for none */
	const char *phone;
};
enum cmd_status deputy_add(struct db *, const struct cmd_ctx *,
    const struct deputy_new *);

struct reception_new {
	long long    id;       /* > 0: the id it must have (an import) */
	struct date  date;
	const char  *station;
	long         visitors;
	const char **deputies;
	int          ndeputies;
	const char  *note;
};
enum cmd_status reception_add(struct db *, const struct cmd_ctx *,
    const struct reception_new *);

struct activity_new {
	long long   id;       /* > 0: the id it must have (an import) */
	struct date date;
	const char *kind; /* key */
	const char *title;
	long        participants; /* -1 for unknown */
};
enum cmd_status activity_add(struct db *, const struct cmd_ctx *,
    const struct activity_new *);
/*
 * The row an imported reception or activity stands for. With an id: that
 * row, *same telling whether it holds the same values. Without: the first
 * row of the same description that this import has not matched yet, so
 * that two identical sessions on one day stay two and a re-import adds
 * nothing. Returns the id (marked in temp.import_matched, which the
 * import creates), 0 for none, -1 on error.
 */
long long reception_match(struct db *, const struct reception_new *,
    int *same);
long long activity_match(struct db *, const struct activity_new *,
    int *same);
/* Prints on out one line a registered name that an argument or a cell
 * could not name: one not in normal form (text_norm: entered before jianyi
 * normalised names) or holding a list separator. Returns how many, or -1
 * on a database error. For check. */
int reg_check_names(struct db *, FILE *out);
/* Marks the reception (activity) just added as matched by this import. */
enum cmd_status import_mark_last(struct db *, int activity);
/* Gives the row r->id (a->id) the values of r (a): import --update. */
enum cmd_status reception_update(struct db *, const struct cmd_ctx *,
    const struct reception_new *);
enum cmd_status activity_update(struct db *, const struct cmd_ctx *,
    const struct activity_new *);
/* Every reception (activity) for export: the id, then the columns of
 * reception_list (activity_list), in date order. */
enum cmd_status reception_export(struct db *, row_fn, void *);
enum cmd_status activity_export(struct db *, row_fn, void *);

/* Period filter for listings: from and to are ISO dates or NULL.
 * Receptions: date, station, visitors, deputies, note; activities: date,
 * kind, title, participants. */
enum cmd_status reception_list(struct db *, const struct period *,
    const char *station, row_fn, void *);
enum cmd_status activity_list(struct db *, const struct period *,
    const char *kind, row_fn, void *);

/* Settings (hist.c). */
int config_valid_key(const char *key);
/* The value into buf (of size n), or -1 if the key is unknown: for the
 * numbers. config_value returns any value whole (caller frees), or NULL. */
int config_get(struct db *, const char *key, char *buf, size_t n);
/* A number setting, or dflt when it is not set or not in its range. */
int config_int(struct db *, const char *key, int dflt);
char *config_value(struct db *, const char *key);
/* Creates the database at ctx->dbpath (DB_CREATE), with the town's name
 * when town is not NULL, and puts it in place only when whole. */
enum cmd_status config_create(const struct cmd_ctx *, const char *town);
enum cmd_status config_set(struct db *, const struct cmd_ctx *,
    const char *key, const char *value);
/* key, value */
enum cmd_status config_list(struct db *, row_fn, void *);

/* History (hist.c). sid is the suggestion's id or 0 for none; detail may
 * be NULL. */
enum cmd_status event_add(struct db *, const struct cmd_ctx *,
    long long sid, struct date on, const char *action, const char *detail);
/* event_add with the detail d, which it ends (detail.h). */
struct detail;
enum cmd_status event_add_detail(struct db *, const struct cmd_ctx *,
    long long sid, struct date on, const char *action, struct detail *d);
/* Events of one suggestion (number), or the last limit of all, oldest
 * first; personal data in older "edited" details is masked (陈**): date,
 * number, action, detail (in the reader's language), by, recorded at. */
enum cmd_status event_list(struct db *, const char *number, long limit,
    row_fn, void *);
/* The number of events in the database, or -1 after a message. */
long long event_count(struct db *);

/* Suggestions (sug.c). */
struct sug_new {
	const char  *number; /* kept as given (import); NULL for the next */
	const char  *title;
	const char  *content;
	const char  *station;
	const char  *source; /* key; NULL: reception if a station, else other */
	struct date  received;
	const char  *category;
	const char  *submitter;
	const char  *phone;
	const char  *deputy;
	const char **cosigners;
	int          ncosigners;
	const char  *note;   /* the ledger's 备注 */
};
/* Registers a suggestion. Unless number is NULL, *number gets its number,
 * which the caller frees. A number over MAX_NUMBER characters, or more than
 * MAX_LIST cosigners, are refused before anything is written. */
enum cmd_status sug_add(struct db *, const struct cmd_ctx *,
    const struct sug_new *, char **number);

/* Several lead departments (分办) each owe an answer; more than MAX_LIST
 * leads or co-handling departments are refused. */
struct sug_assign {
	const char *const *leads;
	int          nleads;
	const char **co;
	int          nco;
	const char  *handler;
	struct date  date;
	int          has_due;
	struct date  due;
	int          complex; /* 涉及面广、处理难度大: complex_due_months */
};
enum cmd_status sug_assign(struct db *, const struct cmd_ctx *,
    const char *number, const struct sug_assign *);
enum cmd_status sug_return(struct db *, const struct cmd_ctx *,
    const char *number, const char *dept, const char *reason,
    struct date date);
enum cmd_status sug_contact(struct db *, const struct cmd_ctx *,
    const char *number, const char *dept, struct date date,
    const char *method, const char *note);
/* A later deadline, approved by approved_by: at most max_extensions
 * times, by at most max_extend_months, and never more than max_due_months
 * after routing (上海市代表建议规定 Art. 19). A NULL approved_by is a
 * ledger's deadline, recorded as the ledger has it (import). */
enum cmd_status sug_extend(struct db *, const struct cmd_ctx *,
    const char *number, struct date due, const char *reason,
    struct date date, const char *approved_by);
enum cmd_status sug_reply(struct db *, const struct cmd_ctx *,
    const char *number, const char *dept, const char *cls,
    struct date date, const char *text);
enum cmd_status sug_rate(struct db *, const struct cmd_ctx *,
    const char *number, const char *rating, struct date date,
    const char *note);
enum cmd_status sug_close(struct db *, const struct cmd_ctx *,
    const char *number, struct date date, const char *reason);
/* Marks a suggestion for key supervision (重点督办, 代表法 Art. 52) by
 * leader: once; not a closed or withdrawn one. */
enum cmd_status sug_supervise(struct db *, const struct cmd_ctx *,
    const char *number, const char *leader, struct date);
/* A joint suggestion (with cosigners) is withdrawn only if all its
 * deputies agree (上海市代表建议规定 Art. 10): all_agreed says they did. */
enum cmd_status sug_withdraw(struct db *, const struct cmd_ctx *,
    const char *number, const char *reason, struct date, int all_agreed);

/* Screening, signing, opinions (sug-route.c). */
/* Not accepted (不予立案, 上海市代表建议规定 Art. 8): a registered
 * suggestion, for reason (a key of vocab_reject); kept, out of the rates. */
enum cmd_status sug_reject(struct db *, const struct cmd_ctx *,
    const char *number, const char *reason, const char *note, struct date);
/* A department routed the suggestion signs for it (签收), once; a
 * signature after sign_workdays working days is marked late. */
enum cmd_status sug_sign(struct db *, const struct cmd_ctx *,
    const char *number, const char *dept, struct date);
/* A co-handling department's opinion to the lead (会办意见, Art. 17): due
 * co_due_months after routing, a later one marked late. */
enum cmd_status sug_opinion(struct db *, const struct cmd_ctx *,
    const char *number, const char *dept, const char *text, struct date);
/* Merges a registered suggestion into another that is not closed,
 * withdrawn, not accepted or merged itself (并案): it takes that one's
 * state (replied once that one has a reply), deadline and replies, and
 * follows its handling from then on; its own lead deputy still rates it.
 * recorded: a ledger's merge, into one that may be closed since, with
 * the deadline it had (due, ISO; NULL: that of the one it follows). */
enum cmd_status sug_merge(struct db *, const struct cmd_ctx *,
    const char *number, const char *into, struct date, int recorded,
    const char *due);
/* Marks a suggestion recurring (多年重复): one of an earlier year is like
 * it (add finds them as it lists them). A mark, not a change: no event. */
enum cmd_status sug_recurring(struct db *, const char *number);
/* Names on stderr the suggestions whose titles are like number's title
 * (similar_percent), ten of them and a count of the rest, each line after
 * where ("FILE:LINE", or NULL); and marks number recurring, saying so,
 * when one is of an earlier year than year. */
enum cmd_status sug_tell_alike(struct db *, const char *number,
    const char *title, int year, const char *where);

/*
 * Changes one registration field (title, content, category, submitter,
 * phone, source, station, lead_deputy, received_on) with an "edited" event;
 * value NULL clears it. For --update imports.
 */
enum cmd_status sug_edit(struct db *, const struct cmd_ctx *,
    const char *number, enum sug_field, const char *value);
/* Changes the latest reply's class and text, or the latest rating, with an
 * "edited" event. */
enum cmd_status sug_edit_reply(struct db *, const struct cmd_ctx *,
    const char *number, const char *cls, const char *text);
enum cmd_status sug_edit_rating(struct db *, const struct cmd_ctx *,
    const char *number, const char *rating);
/* 1 if the number exists, 0 if not, -1 on error. */
int sug_exists(struct db *, const char *number);
/* Prints on out one line a step of a suggestion out of date order (a reply
 * before the assignment, anything before the date received); returns how
 * many, or -1 on a database error. For check. */
int sug_check_dates(struct db *, FILE *out);
/* 1 if day (ISO) was ever a deadline of the suggestion, 0 if not, -1 on
 * error: an older ledger's deadline. */
int sug_had_deadline(struct db *, const char *number, const char *day);
/* The status (enum status) and deadline in force ("" for none). */
enum cmd_status sug_brief(struct db *, const char *number, int *status,
    char *due);

struct sug_filter {
	const char *status;  /* key, "open", or NULL */
	const char *station;
	const char *dept;
	struct period received;
	int         overdue;
	int         supervised; /* only those under key supervision */
	const char *as_of;   /* ISO; overdue is judged on this date */
	long        limit;   /* 0 for none */
};
/* number, status, overdue (1 or 0), received, station, department,
 * due, submitter (masked), title. */
enum cmd_status sug_list(struct db *, const struct sug_filter *, row_fn,
    void *);

/* The suggestions whose titles are like number's (or like title, when it
 * is not NULL: a title being entered), by at least pct percent
 * (similar.h), most alike first, number's own left out: number, year
 * received, status (key), percent, title. */
enum cmd_status sug_similar(struct db *, const char *number,
    const char *title, int pct, row_fn, void *);

/* A suggestion due soon, for remind: a typed row, which the command
 * lays out. */
struct due_soon {
	char *number, *dept, *handler, *title;
	char  due[11];
	long  days_left;
};
/* The suggestions still to be answered whose deadline falls within the
 * `within` days from as_of, by lead department, deadline and number, in
 * *out (due_soon_free frees them). */
enum cmd_status sug_due_soon(struct db *, const char *as_of, long within,
    struct due_soon **out, size_t *n);
void due_soon_free(struct due_soon *, size_t n);
/* The stages whose limits overdue lists (vocab_stage's order). */
enum stage { STAGE_ROUTING, STAGE_SIGN, STAGE_OPINION, STAGE_REPLY };
/* What is past its limit on as_of at a stage, by due day: number,
 * department, handler, due, days overdue, title. The reply stage lists
 * the suggestions overdue without a reply (asof_overdue), the others
 * each late step: a suggestion not routed within route_workdays working
 * days, a department not signed within sign_workdays, a co-handler
 * without an opinion co_due_months after routing. */
enum cmd_status sug_overdue(struct db *, const char *as_of, enum stage,
    row_fn, void *);

/* One ledger row a suggestion, by number: its latest state in the
 * columns of csvmap.h's L_*; fn returns -1 to stop. */
typedef int (*ledger_fn)(void *arg, const char *const *cols);
enum cmd_status sug_ledger(struct db *, ledger_fn, void *arg);

/* The whole of one suggestion, as a cJSON object (see SPEC: show --format
 * json); the caller deletes it. as_of judges overdue. */
struct cJSON;
enum cmd_status sug_show(struct db *, const char *number, const char *as_of,
    struct cJSON **out);

/*
 * One typed view of a suggestion (13.3), filled by sug_get: its own
 * fields by enum sug_field (sugfield.h), and its lists, each a row of
 * strings by the enums below (NULL for none). show's JSON is written from
 * it (sug_view_json); the import compares a row of the file with it.
 */
struct sug_rows {
	char   **cell;  /* n rows of ncols */
	size_t   n;
	int      ncols;
};
#define SUG_CELL(r, i, c) ((r)->cell[(i) * (size_t)(r)->ncols + (c)])
enum { DEPT_NAME, DEPT_ROLE, DEPT_SINCE, DEPT_SIGNED };
enum { OPINION_DATE, OPINION_DEPT, OPINION_TEXT };
enum { CONTACT_DATE, CONTACT_DEPT, CONTACT_METHOD, CONTACT_NOTE };
enum { REPLY_DATE, REPLY_DEPT, REPLY_CLASS, REPLY_TEXT };
enum { RATING_DATE, RATING_RATING, RATING_NOTE };
enum { EVENT_AT, EVENT_ACTION, EVENT_DETAIL, EVENT_BY };
struct sug_view {
	long long       id;
	char           *v[SF_NFIELDS]; /* SF_OVERDUE, SF_RECURRING: 1, 0 */
	struct sug_rows cosigners;     /* the names, in order */
	struct sug_rows depts;         /* in force: the leads first */
	struct sug_rows contacts, replies, ratings; /* by date */
	struct sug_rows opinions;      /* co-handlers', by date */
	struct sug_rows merged;        /* the numbers merged into it */
	struct sug_rows history;       /* detail: the stored JSON */
};
/* Fills v with the suggestion numbered number; as_of judges overdue.
 * CMD_REFUSED (after a message) if there is none. */
enum cmd_status sug_get(struct db *, const char *number, const char *as_of,
    struct sug_view *v);
void sug_view_free(struct sug_view *);
/* show's JSON, the history in the reader's language. */
struct cJSON *sug_view_json(const struct sug_view *);

/* The working-day calendar (calendar.c): a file of date,kind (lines from
 * "#" are comments) added in one transaction, with a summary on out; the
 * days of a year set apart from the week's rule: date, kind (key). */
enum cmd_status cal_import(struct db *, const struct cmd_ctx *,
    const char *path, enum csv_enc, FILE *out);
enum cmd_status cal_list(struct db *, int year, row_fn, void *);
/* The whole calendar (a few hundred days), for deadlines in working days;
 * cal_free frees it. */
struct calendar;
enum cmd_status cal_load(struct db *, struct calendar *);
void cal_free(struct calendar *);
/* The day that the setting key's working days after from (ISO) end on,
 * into by (11 bytes): the last day on time; "" if from is no date. */
enum cmd_status cal_workdays_after(struct db *, const char *from,
    const char *key, char *by);

#endif
