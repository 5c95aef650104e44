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
#include <sys/wait.h>
#include <string.h>

#include <xlsxwriter.h>

#include "jianyi.h"
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
	X(format_set_bg_color) X(format_set_bold) X(format_set_border)	\
	X(format_set_num_format) X(lxw_strerror)

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

struct sheet {
	lxw_worksheet *ws;
	int            row;
	int            ncols;
	double         width[MAXCOLS];
};

struct book {
	lxw_workbook *wb;
	lxw_format   *head, *pct;
};

/* Set when libxlsxwriter could not make or write something (out of
 * memory): the workbook would lack it, so none is written. Every call
 * after that is skipped, as a missing worksheet or format cannot be
 * used. */
static int failed;

static void
check(lxw_error rc)
{
	if (rc != LXW_NO_ERROR)
		failed = 1;
}

static void
grow(struct sheet *sh, int col, const char *s)
{
	double w = text_width(s) * 1.1 + 2;

	if (w > sh->width[col])
		sh->width[col] = w > 60 ? 60 : w;
}

static void
open_sheet(struct book *b, struct sheet *sh, const char *name,
    const char *const *heads, int ncols)
{
	int c;

	memset(sh, 0, sizeof *sh);
	if ((sh->ws = xl.workbook_add_worksheet(b->wb, name)) == NULL)
		failed = 1;
	sh->ncols = ncols;
	if (failed)
		return;
	for (c = 0; c < ncols; c++) {
		check(xl.worksheet_write_string(sh->ws, 0, c, heads[c],
		    b->head));
		grow(sh, c, heads[c]);
	}
	xl.worksheet_freeze_panes(sh->ws, 1, 0);
	sh->row = 1;
}

static void
put_str(struct sheet *sh, int col, const char *s)
{
	if (failed)
		return;
	check(xl.worksheet_write_string(sh->ws, sh->row, col, s ? s : "",
	    NULL));
	grow(sh, col, s ? s : "");
}

static void
put_num(struct sheet *sh, int col, double v)
{
	if (failed)
		return;
	check(xl.worksheet_write_number(sh->ws, sh->row, col, v, NULL));
	grow(sh, col, "0000000");
}

/* A rate as a number in the percent format; blank when undefined. */
static void
put_rate(struct book *b, struct sheet *sh, int col, struct rate r)
{
	if (failed)
		return;
	if (r.den == 0)
		check(xl.worksheet_write_blank(sh->ws, sh->row, col, b->pct));
	else
		check(xl.worksheet_write_number(sh->ws, sh->row, col,
		    (double)r.num / (double)r.den, b->pct));
	grow(sh, col, "100.0%");
}

static void
close_sheet(struct sheet *sh)
{
	int c;

	for (c = 0; c < sh->ncols && !failed; c++)
		check(xl.worksheet_set_column(sh->ws, c, c, sh->width[c],
		    NULL));
}

static void
summary(struct book *b, const struct report *rp)
{
	const char *heads[] = { _("indicator"), _("percentage"), _("numerator"),
	    _("denominator"), _("year to date"), _("numerator"),
	    _("denominator") };
	struct sheet sh;
	int i, n = rp->has_ytd ? 7 : 4;

	open_sheet(b, &sh, _("Summary"), heads, n);
	for (i = 0; i < NRATES; i++, sh.row++) {
		struct rate r = tally_rate(&rp->cohort, i);

		put_str(&sh, 0, _(report_rate_names[i]));
		put_rate(b, &sh, 1, r);
		put_num(&sh, 2, r.num);
		put_num(&sh, 3, r.den);
		if (rp->has_ytd) {
			r = tally_rate(&rp->ytd, i);
			put_rate(b, &sh, 4, r);
			put_num(&sh, 5, r.num);
			put_num(&sh, 6, r.den);
		}
	}
	close_sheet(&sh);
}

static void
departments(struct book *b, const struct tally *t)
{
	const char *heads[] = { _("department"), _("routed"), _("replied"),
	    _("on time"), _("overdue"), _("rated"), _("satisfied or basic"),
	    _("satisfied or basic rate") };
	struct sheet sh;
	size_t k;
	int i;

	open_sheet(b, &sh, _("By department"), heads, 8);
	for (k = 0; k < t->departments.len; k++, sh.row++) {
		const struct rep_named *d = &t->departments.v[k];

		put_str(&sh, 0, d->name);
		for (i = 0; i < 6; i++)
			put_num(&sh, i + 1, d->n[i]);
		put_rate(b, &sh, 7, (struct rate){ d->n[DEP_SAT_OR_BASIC],
		    d->n[DEP_RATED] });
	}
	close_sheet(&sh);
}

static void
stations(struct book *b, const struct report *rp)
{
	const char *heads[] = { _("station"), _("sessions"), _("visitors"),
	    _("suggestions") };
	struct rep_list l = { 0 };
	struct sheet sh;
	size_t k;

	for (k = 0; k < rp->reception_stations.len; k++) {
		rep_list_add(&l, rp->reception_stations.v[k].name, 0,
		    rp->reception_stations.v[k].n[0]);
		rep_list_add(&l, rp->reception_stations.v[k].name, 1,
		    rp->reception_stations.v[k].n[1]);
	}
	for (k = 0; k < rp->cohort.stations.len; k++)
		if (rp->cohort.stations.v[k].name[0] != '\0')
			rep_list_add(&l, rp->cohort.stations.v[k].name, 2,
			    rp->cohort.stations.v[k].n[0]);
	open_sheet(b, &sh, _("By station"), heads, 4);
	for (k = 0; k < l.len; k++, sh.row++) {
		put_str(&sh, 0, l.v[k].name);
		put_num(&sh, 1, l.v[k].n[0]);
		put_num(&sh, 2, l.v[k].n[1]);
		put_num(&sh, 3, l.v[k].n[2]);
	}
	close_sheet(&sh);
	rep_list_free(&l);
}

static void
overdue(struct book *b, const struct tally *t)
{
	const char *heads[] = { _("number"), _("title"), _("department"),
	    _("deadline"), _("days overdue") };
	struct sheet sh;
	size_t k;

	open_sheet(b, &sh, _("Overdue"), heads, 5);
	for (k = 0; k < t->noverdue; k++, sh.row++) {
		const struct rep_row *r = &t->overdue_list[k];

		put_str(&sh, 0, r->number);
		put_str(&sh, 1, r->title);
		put_str(&sh, 2, r->dept);
		put_str(&sh, 3, r->due);
		put_num(&sh, 4, r->days_overdue);
	}
	close_sheet(&sh);
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
	failed = (b.head = xl.workbook_add_format(b.wb)) == NULL ||
	    (b.pct = xl.workbook_add_format(b.wb)) == NULL;
	if (!failed) {
		xl.format_set_bold(b.head);
		xl.format_set_bg_color(b.head, 0xDDEBF7);
		xl.format_set_border(b.head, LXW_BORDER_THIN);
		xl.format_set_num_format(b.pct, "0.0%");
		summary(&b, rp);
		departments(&b, rp->has_ytd ? &rp->ytd : &rp->cohort);
		stations(&b, rp);
		overdue(&b, rp->has_ytd ? &rp->ytd : &rp->cohort);
	}
	if (failed) {
		/* Not closed: closing writes the file. The process ends. */
		quiet_end(saved);
		errno = ENOMEM;
		warn("%s", path);
		return -1;
	}
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

/* The workbook is built in a child process: libxlsxwriter can crash when
 * an allocation fails inside it (lxw_worksheet_new frees what it never
 * made), and a crash must still be one line, exit 3, no file. The child
 * ends with REPORTED after its message; any other end (a crash, or an
 * exit while its stderr was quieted) is reported here. */
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
	if (pid == 0)
		_exit(write_book(rp, name, path) == 0 ? 0 : REPORTED);
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
