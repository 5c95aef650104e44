/*
 * repxlsx.c — the rates report as an Excel workbook (libxlsxwriter): a
 * summary sheet of the rates, sheets by department and by station, and the
 * overdue list; percentages as real numbers in a percent format, frozen
 * header rows, and columns as wide as their contents.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <xlsxwriter.h>

#include "check.h"
#include "ctx.h"
#include "msg.h"
#include "out.h"
#include "vocab.h"
#include "xmalloc.h"
#include "lazy.h"
#include "ofile.h"
#include "report.h"
#include "text.h"

#ifndef XLSX_SONAME
#define XLSX_SONAME "libxlsxwriter.so"
#endif

/* libxlsxwriter is loaded when a workbook is first written (lazy.h). */
#define XLSX_FUNCS(X) X(workbook_new) X(workbook_add_worksheet)	\
	X(workbook_add_format) X(workbook_close) X(worksheet_freeze_panes) \
	X(worksheet_set_column) X(worksheet_write_blank)		\
	X(worksheet_write_number) X(worksheet_write_string)		\
	X(worksheet_write_datetime) X(worksheet_merge_range)		\
	X(worksheet_set_row) X(worksheet_set_landscape)			\
	X(worksheet_set_paper) X(worksheet_fit_to_pages)		\
	X(worksheet_print_area) X(worksheet_repeat_rows)		\
	X(worksheet_center_horizontally)				\
	X(format_set_bg_color) X(format_set_bold) X(format_set_border)	\
	X(format_set_num_format) X(format_set_font_size)		\
	X(format_set_align) X(lxw_strerror)

#define XLSX_MEMBER(f) __typeof__(f) *f;
static struct {
	XLSX_FUNCS(XLSX_MEMBER)
} xl;

static int
load_xlsxwriter(void)
{
	static int loaded;
	void *h;

	if (loaded)
		return 0;
	if ((h = lazy_open(XLSX_SONAME, _("Excel output"))) == NULL)
		return -1;
#define XLSX_LOAD(f)							\
	if ((*(void **)&xl.f = lazy_sym(h, XLSX_SONAME, #f)) == NULL)	\
		return -1;
	XLSX_FUNCS(XLSX_LOAD)
#undef XLSX_LOAD
	loaded = 1;
	return 0;
}

#define MAXCOLS 10
#define PAPER_A4 9
#define TITLE_PT 14.0
#define BODY_PT 11.0

struct book {
	lxw_workbook         *wb;
	lxw_format           *title, *part, *head, *pct, *date, *bold;
	const struct report  *rp;
	char                 *name; /* the report's title */
};

struct sheet {
	struct book  *b;
	lxw_worksheet *ws;
	int           row;
	int           ncols;
	int           head_first, head_last; /* the header rows, or -1 */
	double        width[MAXCOLS];
};

static void
grow(struct sheet *sh, int col, const char *s)
{
	double w = text_width(s) * 1.1 + 2;

	if (w > sh->width[col])
		sh->width[col] = w > 60 ? 60 : w;
}

/* An ISO date as a date cell, in the date format. */
static void
put_date(struct sheet *sh, int row, int col, const char *iso)
{
	struct date d;
	lxw_datetime dt = { 0 };
	char buf[32];

	if (iso == NULL || date_parse(iso, 0, &d) == -1) {
		xl.worksheet_write_blank(sh->ws, row, col, NULL);
		return;
	}
	dt.year = d.y;
	dt.month = d.m;
	dt.day = d.d;
	xl.worksheet_write_datetime(sh->ws, row, col, &dt, sh->b->date);
	if (i18n_chinese())
		date_zh(d, buf);
	else
		snprintf(buf, sizeof buf, "%s", iso);
	grow(sh, col, buf);
}

/*
 * A sheet begins as the report does: the title over its columns, the
 * part it shows, and the as-of date and the date it was made, as dates.
 */
static void
open_sheet(struct book *b, struct sheet *sh, const char *name,
    const char *part, int ncols)
{
	memset(sh, 0, sizeof *sh);
	sh->b = b;
	sh->ws = xl.workbook_add_worksheet(b->wb, name);
	sh->ncols = ncols;
	sh->head_first = sh->head_last = -1;
	xl.worksheet_merge_range(sh->ws, 0, 0, 0, ncols - 1, b->name,
	    b->title);
	xl.worksheet_set_row(sh->ws, 0, TITLE_PT * 2, NULL);
	xl.worksheet_merge_range(sh->ws, 1, 0, 1, ncols - 1, part, b->part);
	xl.worksheet_write_string(sh->ws, 2, 0, _("as of"), NULL);
	grow(sh, 0, _("as of"));
	put_date(sh, 2, 1, b->rp->as_of);
	xl.worksheet_write_string(sh->ws, 2, ncols - 2, _("made on"), NULL);
	grow(sh, ncols - 2, _("made on"));
	put_date(sh, 2, ncols - 1, b->rp->made_on);
	sh->row = 4;
}

/* A header row: heads[c] over column c, or where span[c] > 1 over the
 * next span[c] columns. */
static void
header(struct sheet *sh, const char *const *heads, const int *span)
{
	int c, n;

	if (sh->head_first == -1)
		sh->head_first = sh->row;
	sh->head_last = sh->row;
	for (c = 0; c < sh->ncols; c += n) {
		n = span != NULL && span[c] > 1 ? span[c] : 1;
		if (n > 1 && heads[c] == NULL)
			continue;
		if (n > 1)
			xl.worksheet_merge_range(sh->ws, sh->row, c, sh->row,
			    c + n - 1, heads[c], sh->b->head);
		else
			xl.worksheet_write_string(sh->ws, sh->row, c,
			    heads[c] ? heads[c] : "", sh->b->head);
		if (n == 1 && heads[c] != NULL)
			grow(sh, c, heads[c]);
	}
	sh->row++;
}

static void
put_str(struct sheet *sh, int col, const char *s)
{
	xl.worksheet_write_string(sh->ws, sh->row, col, s ? s : "", NULL);
	grow(sh, col, s ? s : "");
}

static void
put_num(struct sheet *sh, int col, double v)
{
	xl.worksheet_write_number(sh->ws, sh->row, col, v, NULL);
	grow(sh, col, "0000000");
}

/* A rate as a number in the percent format; blank when undefined. */
static void
put_rate(struct sheet *sh, int col, struct rate r)
{
	if (r.den == 0)
		xl.worksheet_write_blank(sh->ws, sh->row, col, sh->b->pct);
	else
		xl.worksheet_write_number(sh->ws, sh->row, col,
		    (double)r.num / (double)r.den, sh->b->pct);
	grow(sh, col, "100.0%");
}

/* A part's heading in the sheet, above its table. */
static void
part(struct sheet *sh, const char *s)
{
	xl.worksheet_write_string(sh->ws, sh->row++, 0, s, sh->b->bold);
}

/*
 * The columns as wide as their contents and together as wide as the
 * title; the print area over what was written, on A4 landscape, one page
 * wide and pages_tall pages tall (0: as many as it takes, the header
 * repeated on each).
 */
static void
close_sheet(struct sheet *sh, int pages_tall)
{
	double total = 0, need = text_width(sh->b->name) * 1.1 * TITLE_PT /
	    BODY_PT + 4;
	int c, last = sh->row > 4 ? sh->row - 1 : 3;

	for (c = 0; c < sh->ncols; c++)
		total += sh->width[c];
	for (c = 0; c < sh->ncols; c++) {
		if (total < need)
			sh->width[c] += (need - total) / sh->ncols;
		xl.worksheet_set_column(sh->ws, c, c, sh->width[c], NULL);
	}
	if (sh->head_first != -1) {
		xl.worksheet_freeze_panes(sh->ws, sh->head_last + 1, 0);
		xl.worksheet_repeat_rows(sh->ws, sh->head_first,
		    sh->head_last);
	}
	xl.worksheet_print_area(sh->ws, 0, 0, last, sh->ncols - 1);
	xl.worksheet_set_paper(sh->ws, PAPER_A4);
	xl.worksheet_set_landscape(sh->ws);
	xl.worksheet_fit_to_pages(sh->ws, 1, pages_tall);
	xl.worksheet_center_horizontally(sh->ws);
}

/* A table of counts: label, this period (and the year to date). */
static void
count_row(struct sheet *sh, const char *label, long period, long year,
    int ytd)
{
	put_str(sh, 0, label);
	xl.worksheet_merge_range(sh->ws, sh->row, 1, sh->row, 3, "", NULL);
	put_num(sh, 1, period);
	if (ytd) {
		xl.worksheet_merge_range(sh->ws, sh->row, 4, sh->row, 6, "",
		    NULL);
		put_num(sh, 4, year);
	}
	sh->row++;
}

static void
summary(struct book *b, const struct report *rp)
{
	const struct tally *c = &rp->cohort, *y = rp->has_ytd ? &rp->ytd :
	    &rp->cohort;
	const char *scope = rp->kind == 'm' ? _("this month") :
	    rp->kind == 'y' ? _("this year") : _("this period");
	const char *h1[] = { _("item"), scope, NULL, NULL, _("year to date"),
	    NULL, NULL };
	const char *h2[] = { _("indicator"), _("percentage"), _("numerator"),
	    _("denominator"), _("percentage"), _("numerator"),
	    _("denominator") };
	const int span[] = { 1, 3, 0, 0, 3, 0, 0 };
	const char *h3[] = { _("receptions and activities"), scope, NULL,
	    NULL, NULL, NULL, NULL };
	struct sheet sh;
	int i, ytd = rp->has_ytd, n = ytd ? 7 : 4;

	open_sheet(b, &sh, _("Summary"), report_heading(rp, 1), n);
	header(&sh, h1, span);
	count_row(&sh, _("suggestions received"), c->received, y->received,
	    ytd);
	count_row(&sh, _("assigned"), c->assigned, y->assigned, ytd);
	count_row(&sh, _("replied"), c->replied, y->replied, ytd);
	count_row(&sh, _("closed"), c->closed, y->closed, ytd);
	count_row(&sh, _("rated"), c->rated, y->rated, ytd);
	count_row(&sh, _("overdue without a reply"), c->overdue, y->overdue,
	    ytd);
	sh.row++;
	header(&sh, h3, span);
	count_row(&sh, _("reception sessions"), rp->sessions, 0, 0);
	count_row(&sh, _("visitors received"), rp->visitors, 0, 0);
	for (i = 0; i < 5; i++)
		count_row(&sh, vocab_label(vocab_kind, vocab_kind[i].key),
		    rp->activities[i], 0, 0);
	sh.row++;
	part(&sh, report_heading(rp, 2));
	h1[0] = NULL;
	header(&sh, h1, span);
	header(&sh, h2, NULL);
	/* The merged cell over the two header rows. */
	xl.worksheet_merge_range(sh.ws, sh.row - 2, 0, sh.row - 1, 0,
	    _("indicator"), b->head);
	for (i = 0; i < NRATES; i++, sh.row++) {
		struct rate r = tally_rate(c, i);

		put_str(&sh, 0, _(report_rate_names[i]));
		put_rate(&sh, 1, r);
		put_num(&sh, 2, r.num);
		put_num(&sh, 3, r.den);
		if (ytd) {
			r = tally_rate(&rp->ytd, i);
			put_rate(&sh, 4, r);
			put_num(&sh, 5, r.num);
			put_num(&sh, 6, r.den);
		}
	}
	sh.row++;
	part(&sh, report_heading(rp, 6));
	h1[0] = _("item");
	header(&sh, h1, span);
	for (i = 0; i < 4; i++)
		count_row(&sh, vocab_label(vocab_class, vocab_class[i].key),
		    c->classes[i], y->classes[i], ytd);
	for (i = 0; i < 3; i++)
		count_row(&sh, vocab_label(vocab_rating, vocab_rating[i].key),
		    c->ratings[i], y->ratings[i], ytd);
	/* The header rows repeated on a second page are the first's. */
	sh.head_first = sh.head_last = -1;
	close_sheet(&sh, 1);
}

static void
departments(struct book *b, const struct report *rp, const struct tally *t)
{
	const char *heads[] = { _("department"), _("routed"), _("replied"),
	    _("on time"), _("overdue"), _("rated"), _("satisfied or basic"),
	    _("satisfied or basic rate") };
	struct sheet sh;
	size_t k;
	int i;

	open_sheet(b, &sh, _("By department"), report_heading(rp, 3), 8);
	header(&sh, heads, NULL);
	for (k = 0; k < t->departments.len; k++, sh.row++) {
		const struct rep_named *d = &t->departments.v[k];

		put_str(&sh, 0, d->name);
		for (i = 0; i < 6; i++)
			put_num(&sh, i + 1, d->n[i]);
		put_rate(&sh, 7, (struct rate){ d->n[DEP_SAT_OR_BASIC],
		    d->n[DEP_RATED] });
	}
	if (t->departments.len == 0)
		put_str(&sh, 0, _("none yet: no suggestions routed yet"));
	close_sheet(&sh, 0);
}

static void
stations(struct book *b, const struct report *rp)
{
	const char *heads[] = { _("station"), _("sessions"), _("visitors"),
	    _("suggestions") };
	struct rep_list l;
	struct sheet sh;
	long tot[3] = { 0, 0, 0 };
	size_t k;
	int i;

	report_stations(rp, &l);
	open_sheet(b, &sh, _("By station"), report_heading(rp, 4), 4);
	header(&sh, heads, NULL);
	for (k = 0; k < l.len; k++, sh.row++) {
		put_str(&sh, 0, l.v[k].name);
		for (i = 0; i < 3; i++) {
			put_num(&sh, i + 1, l.v[k].n[i]);
			tot[i] += l.v[k].n[i];
		}
	}
	xl.worksheet_write_string(sh.ws, sh.row, 0, _("total"), b->bold);
	for (i = 0; i < 3; i++)
		put_num(&sh, i + 1, tot[i]);
	sh.row++;
	close_sheet(&sh, 0);
	rep_list_free(&l);
}

static void
overdue(struct book *b, const struct report *rp, const struct tally *t)
{
	const char *heads[] = { _("number"), _("title"), _("department"),
	    _("deadline"), _("days overdue") };
	struct sheet sh;
	size_t k;

	open_sheet(b, &sh, _("Overdue"), report_heading(rp, 5), 5);
	header(&sh, heads, NULL);
	for (k = 0; k < t->noverdue; k++, sh.row++) {
		const struct rep_row *r = &t->overdue_list[k];

		put_str(&sh, 0, r->number);
		put_str(&sh, 1, r->title);
		put_str(&sh, 2, r->dept);
		put_date(&sh, sh.row, 3, r->due);
		put_num(&sh, 4, r->days_overdue);
	}
	if (t->noverdue == 0)
		put_str(&sh, 0, _("none: no suggestion is overdue"));
	close_sheet(&sh, 0);
}

/* Key supervision, a sheet of its own where there is any (repout.c). */
static void
supervised(struct book *b, const struct report *rp, const struct tally *t)
{
	const char *heads[6], *row[6];
	struct sheet sh;
	size_t k;
	int c;

	for (c = 0; c < 6; c++)
		heads[c] = _(report_supervised_cols[c].label);
	open_sheet(b, &sh, _("Key supervision"), report_heading(rp, 7), 6);
	header(&sh, heads, NULL);
	for (k = 0; k < (size_t)t->supervised; k++, sh.row++) {
		report_supervised_row(&t->supervised_list[k], row);
		for (c = 0; c < 4; c++)
			put_str(&sh, c, row[c]);
		put_str(&sh, 4, vocab_label(vocab_status, row[4]));
		put_str(&sh, 5, _(row[5][0] == '1' ? "yes" : "no"));
	}
	close_sheet(&sh, 0);
}

/* Intake and routing by department, a sheet of its own where the town
 * records any of it (section 8). */
static void
routing(struct book *b, const struct report *rp, const struct tally *t)
{
	const char *heads[7];
	struct sheet sh;
	size_t k;
	int c;

	for (c = 0; c < 7; c++)
		heads[c] = _(report_routing_cols[c].label);
	open_sheet(b, &sh, _("Routing"), report_heading(rp, 8), 7);
	header(&sh, heads, NULL);
	for (k = 0; k < t->routing.len; k++, sh.row++) {
		put_str(&sh, 0, t->routing.v[k].name);
		for (c = 0; c < 6; c++)
			put_num(&sh, c + 1, t->routing.v[k].n[c]);
	}
	close_sheet(&sh, 0);
}

/* Sends stderr to /dev/null, for libxlsxwriter, which prints its own
 * "[ERROR]" lines; the saved descriptor, or -1. */
static int
quiet_begin(void)
{
	int saved, null;

	fflush(stderr);
	if ((saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)) == -1)
		return -1;
	if ((null = open("/dev/null", O_WRONLY | O_CLOEXEC)) == -1 ||
	    dup2(null, STDERR_FILENO) == -1) {
		if (null != -1)
			close(null);
		close(saved);
		return -1;
	}
	close(null);
	return saved;
}

static void
quiet_end(int saved)
{
	if (saved == -1)
		return;
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
}

/* 0, -1 after a message, or -2 when libxlsxwriter ran out of memory. */
static int
write_book(const struct report *rp, const char *name, const char *path)
{
	struct book b;
	lxw_error rc;
	int saved, e;

	saved = quiet_begin();
	if ((b.wb = xl.workbook_new(name)) == NULL) {
		quiet_end(saved);
		warnx(_("%s: cannot create the workbook"), path);
		return -1;
	}
	b.rp = rp;
	b.name = report_title(rp);
	if ((b.title = xl.workbook_add_format(b.wb)) == NULL ||
	    (b.part = xl.workbook_add_format(b.wb)) == NULL ||
	    (b.bold = xl.workbook_add_format(b.wb)) == NULL ||
	    (b.head = xl.workbook_add_format(b.wb)) == NULL ||
	    (b.pct = xl.workbook_add_format(b.wb)) == NULL ||
	    (b.date = xl.workbook_add_format(b.wb)) == NULL) {
		/* Not closed: closing writes the file. The process ends,
		 * and report_xlsx says so. */
		quiet_end(saved);
		return -2;
	}
	xl.format_set_bold(b.title);
	xl.format_set_font_size(b.title, TITLE_PT);
	xl.format_set_align(b.title, LXW_ALIGN_CENTER);
	xl.format_set_align(b.title, LXW_ALIGN_VERTICAL_CENTER);
	xl.format_set_align(b.part, LXW_ALIGN_CENTER);
	xl.format_set_bold(b.bold);
	xl.format_set_bold(b.head);
	xl.format_set_bg_color(b.head, 0xDDEBF7);
	xl.format_set_border(b.head, LXW_BORDER_THIN);
	xl.format_set_align(b.head, LXW_ALIGN_CENTER);
	xl.format_set_num_format(b.pct, "0.0%");
	xl.format_set_num_format(b.date, i18n_chinese() ?
	    "yyyy\"年\"m\"月\"d\"日\"" : "yyyy-mm-dd");
	xl.format_set_align(b.date, LXW_ALIGN_LEFT);
	summary(&b, rp);
	departments(&b, rp, rp->has_ytd ? &rp->ytd : &rp->cohort);
	stations(&b, rp);
	overdue(&b, rp, rp->has_ytd ? &rp->ytd : &rp->cohort);
	if (report_year_tally(rp)->supervised > 0)
		supervised(&b, rp, report_year_tally(rp));
	if (report_has_routing(report_year_tally(rp)))
		routing(&b, rp, report_year_tally(rp));
	free(b.name);
	errno = 0;
	rc = xl.workbook_close(b.wb);
	e = errno;
	quiet_end(saved);
	if (rc != LXW_NO_ERROR) {
		/* A full disk shows only in errno, behind a zip error. */
		if (e == ENOSPC || e == EDQUOT)
			ofile_warn(path, e);
		else
			warnx("%s: %s", path, xl.lxw_strerror(rc));
		return -1;
	}
	return 0;
}

/*
 * The workbook is built in a child process: libxlsxwriter can crash when
 * an allocation fails inside it (lxw_worksheet_new frees what it never
 * made), and a crash must still be one line, exit 3, and no file. The
 * child ends with REPORTED after its own message; any other end (a crash,
 * or an exit while its stderr was quieted) is reported here.
 */
#define REPORTED 4

int
report_xlsx(const struct report *rp, const char *name, const char *path)
{
	pid_t pid;
	int status;

	if (load_xlsxwriter() == -1)
		return -1;
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == -1) {
		warn("%s", path);
		return -1;
	}
	if (pid == 0) {
		int rc = write_book(rp, name, path);

#ifdef JIANYI_COVERAGE
		/* _exit skips libgcov's own exit handler: the child's lines
		 * count too (make coverage). */
		extern void __gcov_dump(void);
		__gcov_dump();
#endif
		_exit(rc == 0 ? 0 : rc == -1 ? REPORTED : 1);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR) {
			warn("%s", path);
			return -1;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status) && WEXITSTATUS(status) == REPORTED)
		return -1;
	warnx(_("%s: cannot create the workbook"), path);
	return -1;
}
