/*
 * repout.c — writes a rates report: the Chinese document a secretary prints
 * (text, or Markdown), the SPEC's JSON, the tables as CSV, and the
 * paragraph of the annual work report.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "jianyi.h"
#include "out.h"
#include "report.h"
#include "text.h"
#include "vocab.h"

#define PAGE_WIDTH 78

/* Chinese names of the rates, in rate_key order. */
static const char *const rate_names[NRATES] = {
	N_("答复率"), N_("按时答复率"), N_("办结率"), N_("解决率（A+B类）"),
	N_("见面率"), N_("满意率"), N_("满意及基本满意率"),
};

static const char *const source_names[5] = {
	N_("进站接待"), N_("人代会"), N_("小组活动"), N_("网上"), N_("其他"),
};

/* "80.0%" or "-" */
static char *
pct(struct rate r, char *buf)
{
	char tmp[16];

	if (r.den == 0)
		snprintf(buf, 32, "-");
	else
		snprintf(buf, 32, "%s%%", rate_str(r, tmp));
	return buf;
}

/* "81.8%（9/11）" */
static char *
pct_frac(struct rate r, char *buf)
{
	char p[32];

	snprintf(buf, 64, "%s（%ld/%ld）", pct(r, p), r.num, r.den);
	return buf;
}

/* 2023-03-31 -> 2023年3月31日 */
static char *
zh_date(const char *iso, char *buf)
{
	struct date d;

	if (date_parse(iso, 0, &d) == -1)
		snprintf(buf, 32, "%s", iso);
	else
		date_zh(d, buf);
	return buf;
}

static void
centered(FILE *fp, const char *s)
{
	int w = text_width(s);

	fprintf(fp, "%*s%s\n", w < PAGE_WIDTH ? (PAGE_WIDTH - w) / 2 : 0, "",
	    s);
}

/* 1 for punctuation that must not begin a line. */
static int
closing(const char *p)
{
	static const char *const marks[] = { "，", "。", "、", "；", "：",
	    "）", "%", "％", NULL };
	int i;

	for (i = 0; marks[i] != NULL; i++)
		if (strncmp(p, marks[i], strlen(marks[i])) == 0)
			return 1;
	return 0;
}

static int
char_len(const char *p)
{
	unsigned char c = (unsigned char)*p;

	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/* Writes a paragraph wrapped to the page by display width, each line
 * indented. Chinese text may break between any two characters. */
static void
wrap(FILE *fp, const char *s, int indent)
{
	const char *p = s, *line = s;
	int w = 0, n;
	char ch[8];

	while (*p != '\0') {
		n = char_len(p);
		memcpy(ch, p, n);
		ch[n] = '\0';
		if (w + text_width(ch) > PAGE_WIDTH - indent && !closing(p)) {
			fprintf(fp, "%*s%.*s\n", indent, "", (int)(p - line),
			    line);
			line = p;
			w = 0;
		}
		w += text_width(ch);
		p += n;
	}
	if (p > line)
		fprintf(fp, "%*s%s\n", indent, "", line);
}

static const char *
scope_name(const struct report *rp)
{
	return rp->kind == 'm' ? _("本月") : rp->kind == 'y' ? _("本年") :
	    _("本期");
}

/* The tally that the yearly tables use: the year to date in a monthly
 * report, else the cohort. */
static const struct tally *
year_tally(const struct report *rp)
{
	return rp->has_ytd ? &rp->ytd : &rp->cohort;
}

static void
title(const struct report *rp, FILE *fp, int md)
{
	char t[256], sub[128], a[32], b[32];

	snprintf(t, sizeof t, "%s%s", rp->town,
	    rp->kind == 'm' ? _("人大代表建议办理情况月报") :
	    rp->kind == 'y' ? _("人大代表建议办理情况年报") :
	    _("人大代表建议办理情况报告"));
	if (rp->kind == 'm')
		snprintf(sub, sizeof sub, _("（%.4s年%d月）"), rp->from,
		    atoi(rp->from + 5));
	else if (rp->kind == 'y')
		snprintf(sub, sizeof sub, _("（%.4s年）"), rp->from);
	else
		snprintf(sub, sizeof sub, _("（%s至%s）"),
		    zh_date(rp->from, a), zh_date(rp->to, b));
	if (md) {
		fprintf(fp, "# %s%s\n\n", t, sub);
		fprintf(fp, _("统计截至：%s　生成日期：%s\n"),
		    zh_date(rp->as_of, a), zh_date(rp->made_on, b));
		return;
	}
	centered(fp, t);
	centered(fp, sub);
	fputc('\n', fp);
	snprintf(t, sizeof t, _("统计截至：%s"), zh_date(rp->as_of, a));
	snprintf(sub, sizeof sub, _("生成日期：%s"), zh_date(rp->made_on, b));
	fputs(t, fp);
	fprintf(fp, "%*s%s\n", PAGE_WIDTH - text_width(t) - text_width(sub) >
	    2 ? PAGE_WIDTH - text_width(t) - text_width(sub) : 2, "", sub);
}

static void
heading(FILE *fp, int md, const char *s)
{
	fprintf(fp, md ? "\n## %s\n\n" : "\n%s\n", s);
}

/* "（进站接待8件、网上2件）", or "" when there is none. */
static void
sources(const struct tally *t, char *buf, size_t n)
{
	char part[64];
	int i;

	buf[0] = '\0';
	for (i = 0; i < 5; i++) {
		if (t->by_source[i] == 0)
			continue;
		snprintf(part, sizeof part, "%s%s%ld件",
		    buf[0] ? "、" : "（", _(source_names[i]),
		    t->by_source[i]);
		strncat(buf, part, n - strlen(buf) - 1);
	}
	if (buf[0] != '\0')
		strncat(buf, "）", n - strlen(buf) - 1);
}

static void
summary(const struct report *rp, FILE *fp, int md)
{
	const struct tally *c = &rp->cohort, *y = year_tally(rp);
	char para[2048], src[512], r1[32], r2[32];
	size_t len;

	sources(c, src, sizeof src);
	snprintf(para, sizeof para, _("%s收到建议意见%ld件%s，其中已交办%ld件、"
	    "已答复%ld件、已办结%ld件。"), scope_name(rp), c->received, src,
	    c->assigned, c->replied, c->closed);
	len = strlen(para);
	if (rp->has_ytd)
		snprintf(para + len, sizeof para - len, _("截至本月底，本年度"
		    "累计收到%ld件，已交办%ld件，已答复%ld件，"), y->received,
		    y->assigned, y->replied);
	len = strlen(para);
	snprintf(para + len, sizeof para - len, _("答复率%s，满意及基本满意率"
	    "%s；超期未答复%ld件。"), pct(tally_rate(y, RATE_REPLY), r1),
	    pct(tally_rate(y, RATE_SAT_OR_BASIC), r2), y->overdue);
	wrap(fp, para, md ? 0 : 2);
}

static const struct col ind_cols[] = {
	{ "indicator", N_("指标"), COL_STR, NULL },
	{ "period", "", COL_INT, NULL },
	{ "year", N_("本年累计"), COL_INT, NULL },
};

static void
indicators(const struct report *rp, FILE *fp, int md)
{
	struct col cols[3];
	struct table t;
	char a[64], b[64];
	const char *row[3];
	int i;

	memcpy(cols, ind_cols, sizeof cols);
	cols[1].label = scope_name(rp);
	table_init(&t, cols, rp->has_ytd ? 3 : 2);
	t.indent = 2;
	for (i = 0; i < NRATES; i++) {
		row[0] = _(rate_names[i]);
		row[1] = pct_frac(tally_rate(&rp->cohort, i), a);
		row[2] = rp->has_ytd ? pct_frac(tally_rate(&rp->ytd, i), b) :
		    NULL;
		table_add(&t, row);
	}
	table_print(&t, md ? FMT_MD : FMT_TEXT, fp);
	table_free(&t);
}

static const struct col dept_cols[] = {
	{ "department", N_("承办单位"), COL_STR, NULL },
	{ "assigned", N_("交办"), COL_INT, NULL },
	{ "replied", N_("已答复"), COL_INT, NULL },
	{ "on_time", N_("按时答复"), COL_INT, NULL },
	{ "overdue", N_("超期"), COL_INT, NULL },
	{ "satisfied_or_basic", N_("满意及基本满意"), COL_INT, NULL },
};

static void
departments(const struct tally *y, FILE *fp, int md)
{
	struct table t;
	char n[5][24];
	const char *row[6];
	size_t k;
	int i;

	if (y->departments.len == 0) {
		fprintf(fp, "%s%s\n", md ? "" : "  ", _("无"));
		return;
	}
	table_init(&t, dept_cols, 6);
	t.indent = 2;
	for (k = 0; k < y->departments.len; k++) {
		const struct rep_named *d = &y->departments.v[k];

		row[0] = d->name;
		for (i = 0; i < 4; i++) {
			snprintf(n[i], sizeof n[i], "%ld", d->n[i]);
			row[i + 1] = n[i];
		}
		snprintf(n[4], sizeof n[4], "%ld/%ld", d->n[DEP_SAT_OR_BASIC],
		    d->n[DEP_RATED]);
		row[5] = n[4];
		table_add(&t, row);
	}
	table_print(&t, md ? FMT_MD : FMT_TEXT, fp);
	table_free(&t);
}

static const struct col station_cols[] = {
	{ "station", N_("联络站"), COL_STR, NULL },
	{ "sessions", N_("接待场次"), COL_INT, NULL },
	{ "visitors", N_("接待人次"), COL_INT, NULL },
	{ "received", N_("收集建议"), COL_INT, NULL },
};

/* Stations with receptions, then those where suggestions were collected. */
static void
stations(const struct report *rp, FILE *fp, int md)
{
	struct rep_list l = { 0 };
	struct table t;
	char n[3][24];
	const char *row[4];
	long tot[3] = { 0, 0, 0 };
	size_t k;
	int i;

	for (k = 0; k < rp->reception_stations.len; k++) {
		const struct rep_named *s = &rp->reception_stations.v[k];

		rep_list_add(&l, s->name, 0, s->n[0]);
		rep_list_add(&l, s->name, 1, s->n[1]);
	}
	for (k = 0; k < rp->cohort.stations.len; k++) {
		const struct rep_named *s = &rp->cohort.stations.v[k];

		if (s->name[0] != '\0')
			rep_list_add(&l, s->name, 2, s->n[0]);
	}
	table_init(&t, station_cols, 4);
	t.indent = 2;
	for (k = 0; k <= l.len; k++) {
		row[0] = k < l.len ? l.v[k].name : _("合计");
		for (i = 0; i < 3; i++) {
			long v = k < l.len ? l.v[k].n[i] : tot[i];

			tot[i] += k < l.len ? v : 0;
			snprintf(n[i], sizeof n[i], "%ld", v);
			row[i + 1] = n[i];
		}
		table_add(&t, row);
	}
	table_print(&t, md ? FMT_MD : FMT_TEXT, fp);
	table_free(&t);
	rep_list_free(&l);
}

static const struct col overdue_cols_zh[] = {
	{ "number", N_("编号"), COL_STR, NULL },
	{ "title", N_("标题"), COL_STR, NULL },
	{ "department", N_("承办单位"), COL_STR, NULL },
	{ "due", N_("办理期限"), COL_STR, NULL },
	{ "days", N_("超期天数"), COL_INT, NULL },
};

static void
overdue(const struct tally *y, FILE *fp, int md)
{
	struct table t;
	char due[32], days[24];
	const char *row[5];
	size_t k;

	if (y->noverdue == 0) {
		fprintf(fp, "%s%s\n", md ? "" : "  ", _("无"));
		return;
	}
	table_init(&t, overdue_cols_zh, 5);
	t.indent = 2;
	for (k = 0; k < y->noverdue; k++) {
		const struct rep_row *r = &y->overdue_list[k];

		row[0] = r->number;
		row[1] = r->title;
		row[2] = r->dept;
		row[3] = zh_date(r->due, due);
		snprintf(days, sizeof days, "%ld", r->days_overdue);
		row[4] = days;
		table_add(&t, row);
	}
	table_print(&t, md ? FMT_MD : FMT_TEXT, fp);
	table_free(&t);
}

static void
classes(const struct tally *y, FILE *fp, int md)
{
	static const char *const cls[4] = { N_("A类（已解决或基本解决）"),
	    N_("B类（正在解决或列入计划解决）"),
	    N_("C类（因条件限制暂时不能解决）"), N_("D类（留作参考）") };
	char para[1024], part[128];
	int i;

	snprintf(para, sizeof para, "%s", _("答复类别："));
	for (i = 0; i < 4; i++) {
		snprintf(part, sizeof part, "%s%ld件%s", _(cls[i]),
		    y->classes[i], i < 3 ? "，" : "。");
		strncat(para, part, sizeof para - strlen(para) - 1);
	}
	wrap(fp, para, md ? 0 : 2);
	if (md)
		fputc('\n', fp);
	snprintf(para, sizeof para, _("满意度：满意%ld件，基本满意%ld件，"
	    "不满意%ld件"), y->ratings[0], y->ratings[1], y->ratings[2]);
	if (y->ratings[2] > 0 || y->rehandled > 0) {
		snprintf(part, sizeof part, _("（%ld件经不满意测评后重新办理）"),
		    y->rehandled);
		strncat(para, part, sizeof para - strlen(para) - 1);
	}
	strncat(para, "。", sizeof para - strlen(para) - 1);
	wrap(fp, para, md ? 0 : 2);
}

void
report_text(const struct report *rp, FILE *fp, int md)
{
	const char *scope = rp->has_ytd ? _("（本年累计）") : "";
	char h[256];

	title(rp, fp, md);
	heading(fp, md, _("一、总体情况"));
	summary(rp, fp, md);
	heading(fp, md, _("二、主要指标"));
	indicators(rp, fp, md);
	snprintf(h, sizeof h, _("三、各承办单位办理情况%s"), scope);
	heading(fp, md, h);
	departments(year_tally(rp), fp, md);
	snprintf(h, sizeof h, _("四、各联络站接待及收集情况（%s）"),
	    scope_name(rp));
	heading(fp, md, h);
	stations(rp, fp, md);
	heading(fp, md, _("五、超期未答复建议"));
	overdue(year_tally(rp), fp, md);
	snprintf(h, sizeof h, _("六、答复类别与满意度%s"), scope);
	heading(fp, md, h);
	classes(year_tally(rp), fp, md);
	fputc('\n', fp);
	wrap(fp, _("统计口径：答复率＝已答复件数÷已交办件数；按时答复率＝在办理期限"
	    "内首次答复件数÷已答复件数；办结率＝已办结件数÷已交办件数；解决率＝最近"
	    "一次答复为A类或B类的件数÷已答复件数；见面率＝首次答复前已与领衔代表沟通"
	    "的件数÷已答复件数；满意率、满意及基本满意率以领衔代表最近一次测评为准，"
	    "分母为已测评件数。已撤回的建议不计入。"), 0);
}

/* Builds the SPEC's cohort object. */
static cJSON *
json_tally(const struct tally *t)
{
	cJSON *o = cJSON_CreateObject(), *x, *a, *e;
	char buf[32];
	size_t k;
	int i;

	cJSON_AddNumberToObject(o, "received", t->received);
	cJSON_AddNumberToObject(o, "assigned", t->assigned);
	cJSON_AddNumberToObject(o, "replied", t->replied);
	cJSON_AddNumberToObject(o, "rated", t->rated);
	cJSON_AddNumberToObject(o, "closed", t->closed);
	cJSON_AddNumberToObject(o, "overdue", t->overdue);
	x = cJSON_AddObjectToObject(o, "by_source");
	for (i = 0; i < 5; i++)
		cJSON_AddNumberToObject(x, vocab_source[i].key,
		    t->by_source[i]);
	a = cJSON_AddArrayToObject(o, "by_station");
	for (k = 0; k < t->stations.len; k++) {
		if (t->stations.v[k].name[0] == '\0')
			continue;
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", t->stations.v[k].name);
		cJSON_AddNumberToObject(e, "received", t->stations.v[k].n[0]);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(o, "by_category");
	for (k = 0; k < t->categories.len; k++) {
		if (t->categories.v[k].name[0] == '\0')
			continue;
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", t->categories.v[k].name);
		cJSON_AddNumberToObject(e, "received",
		    t->categories.v[k].n[0]);
		cJSON_AddItemToArray(a, e);
	}
	x = cJSON_AddObjectToObject(o, "classes");
	for (i = 0; i < 4; i++)
		cJSON_AddNumberToObject(x, vocab_class[i].key, t->classes[i]);
	x = cJSON_AddObjectToObject(o, "ratings");
	for (i = 0; i < 3; i++)
		cJSON_AddNumberToObject(x, vocab_rating[i].key, t->ratings[i]);
	x = cJSON_AddObjectToObject(o, "rates");
	for (i = 0; i < NRATES; i++) {
		struct rate r = tally_rate(t, i);

		e = cJSON_AddObjectToObject(x, rate_keys[i]);
		cJSON_AddNumberToObject(e, "num", r.num);
		cJSON_AddNumberToObject(e, "den", r.den);
		/* Raw, so that 100% prints as 100.0 with its one decimal. */
		if (r.den == 0)
			cJSON_AddNullToObject(e, "percent");
		else
			cJSON_AddRawToObject(e, "percent", rate_str(r, buf));
	}
	a = cJSON_AddArrayToObject(o, "by_department");
	for (k = 0; k < t->departments.len; k++) {
		const struct rep_named *d = &t->departments.v[k];

		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", d->name);
		cJSON_AddNumberToObject(e, "assigned", d->n[DEP_ASSIGNED]);
		cJSON_AddNumberToObject(e, "replied", d->n[DEP_REPLIED]);
		cJSON_AddNumberToObject(e, "on_time", d->n[DEP_ON_TIME]);
		cJSON_AddNumberToObject(e, "overdue", d->n[DEP_OVERDUE]);
		cJSON_AddNumberToObject(e, "rated", d->n[DEP_RATED]);
		cJSON_AddNumberToObject(e, "satisfied_or_basic",
		    d->n[DEP_SAT_OR_BASIC]);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(o, "overdue_list");
	for (k = 0; k < t->noverdue; k++) {
		const struct rep_row *r = &t->overdue_list[k];

		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "number", r->number);
		cJSON_AddStringToObject(e, "title", r->title);
		if (r->dept != NULL)
			cJSON_AddStringToObject(e, "department", r->dept);
		else
			cJSON_AddNullToObject(e, "department");
		cJSON_AddStringToObject(e, "due", r->due);
		cJSON_AddNumberToObject(e, "days_overdue", r->days_overdue);
		cJSON_AddItemToArray(a, e);
	}
	return o;
}

void
report_json(const struct report *rp, FILE *fp)
{
	cJSON *o = cJSON_CreateObject(), *x, *a, *e;
	char *s;
	size_t k;
	int i;

	cJSON_AddStringToObject(o, "town", rp->town);
	x = cJSON_AddObjectToObject(o, "period");
	cJSON_AddStringToObject(x, "from", rp->from);
	cJSON_AddStringToObject(x, "to", rp->to);
	cJSON_AddStringToObject(o, "as_of", rp->as_of);
	cJSON_AddItemToObject(o, "cohort", json_tally(&rp->cohort));
	if (rp->has_ytd)
		cJSON_AddItemToObject(o, "year_to_date", json_tally(&rp->ytd));
	x = cJSON_AddObjectToObject(o, "receptions");
	cJSON_AddNumberToObject(x, "sessions", rp->sessions);
	cJSON_AddNumberToObject(x, "visitors", rp->visitors);
	a = cJSON_AddArrayToObject(x, "by_station");
	for (k = 0; k < rp->reception_stations.len; k++) {
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name",
		    rp->reception_stations.v[k].name);
		cJSON_AddNumberToObject(e, "sessions",
		    rp->reception_stations.v[k].n[0]);
		cJSON_AddNumberToObject(e, "visitors",
		    rp->reception_stations.v[k].n[1]);
		cJSON_AddItemToArray(a, e);
	}
	x = cJSON_AddObjectToObject(o, "activities");
	for (i = 0; i < 5; i++)
		cJSON_AddNumberToObject(x, vocab_kind[i].key,
		    rp->activities[i]);
	if ((s = cJSON_Print(o)) == NULL)
		err(1, NULL);
	fprintf(fp, "%s\n", s);
	free(s);
	cJSON_Delete(o);
}

/* The tables, one after another, each with its own header row. */
void
report_csv(const struct report *rp, FILE *fp)
{
	const struct tally *y = year_tally(rp);
	char num[3][24], p[16];
	const char *row[8];
	size_t k;
	int i, scope;

	row[0] = "scope";
	row[1] = "rate";
	row[2] = "num";
	row[3] = "den";
	row[4] = "percent";
	csv_record(fp, row, 5);
	for (scope = 0; scope < (rp->has_ytd ? 2 : 1); scope++)
		for (i = 0; i < NRATES; i++) {
			struct rate r = tally_rate(scope ? &rp->ytd :
			    &rp->cohort, i);

			row[0] = scope ? "year_to_date" : "period";
			row[1] = rate_keys[i];
			snprintf(num[0], sizeof num[0], "%ld", r.num);
			snprintf(num[1], sizeof num[1], "%ld", r.den);
			row[2] = num[0];
			row[3] = num[1];
			row[4] = r.den ? rate_str(r, p) : "";
			csv_record(fp, row, 5);
		}
	fputs("\r\n", fp);
	row[0] = "department";
	row[1] = "assigned";
	row[2] = "replied";
	row[3] = "on_time";
	row[4] = "overdue";
	row[5] = "rated";
	row[6] = "satisfied_or_basic";
	csv_record(fp, row, 7);
	for (k = 0; k < y->departments.len; k++) {
		char v[6][24];

		row[0] = y->departments.v[k].name;
		for (i = 0; i < 6; i++) {
			snprintf(v[i], sizeof v[i], "%ld",
			    y->departments.v[k].n[i]);
			row[i + 1] = v[i];
		}
		csv_record(fp, row, 7);
	}
	fputs("\r\n", fp);
	row[0] = "station";
	row[1] = "sessions";
	row[2] = "visitors";
	csv_record(fp, row, 3);
	for (k = 0; k < rp->reception_stations.len; k++) {
		row[0] = rp->reception_stations.v[k].name;
		snprintf(num[0], sizeof num[0], "%ld",
		    rp->reception_stations.v[k].n[0]);
		snprintf(num[1], sizeof num[1], "%ld",
		    rp->reception_stations.v[k].n[1]);
		row[1] = num[0];
		row[2] = num[1];
		csv_record(fp, row, 3);
	}
	fputs("\r\n", fp);
	row[0] = "number";
	row[1] = "title";
	row[2] = "department";
	row[3] = "due";
	row[4] = "days_overdue";
	csv_record(fp, row, 5);
	for (k = 0; k < y->noverdue; k++) {
		row[0] = y->overdue_list[k].number;
		row[1] = y->overdue_list[k].title;
		row[2] = y->overdue_list[k].dept;
		row[3] = y->overdue_list[k].due;
		snprintf(num[2], sizeof num[2], "%ld",
		    y->overdue_list[k].days_overdue);
		row[4] = num[2];
		csv_record(fp, row, 5);
	}
}

/*
 * The paragraph of the presidium's work report, every figure from the
 * database: 全年累计开展人大代表小组活动26场次，开展人大代表进站接待选民群众
 * 172场次，累计接待选民群众223人次，收集建议意见21件，均已转交……
 */
void
report_narrative(const struct report *rp, FILE *fp)
{
	const struct tally *c = &rp->cohort;
	struct rate reply = tally_rate(c, RATE_REPLY);
	struct rate sat = tally_rate(c, RATE_SAT_OR_BASIC);
	char para[2048], part[512], a[32], b[32];
	const char *scope = rp->kind == 'y' ? _("全年") : rp->kind == 'm' ?
	    _("本月") : _("期间");

	snprintf(para, sizeof para, _("%s累计开展人大代表小组活动%ld场次，开展人大"
	    "代表进站接待选民群众%ld场次，累计接待选民群众%ld人次，收集建议意见"
	    "%ld件"), scope, rp->activities[0], rp->sessions, rp->visitors,
	    c->by_source[0]);
	if (c->by_source[1] > 0) {
		snprintf(part, sizeof part, _("，人代会期间代表提出建议意见%ld件"),
		    c->by_source[1]);
		strncat(para, part, sizeof para - strlen(para) - 1);
	}
	if (c->received > 0 && c->assigned == c->received)
		snprintf(part, sizeof part, "%s", _("，均已转交镇政府有关职能部门"
		    "办理落实"));
	else
		snprintf(part, sizeof part, _("，已转交镇政府有关职能部门办理落实"
		    "%ld件"), c->assigned);
	strncat(para, part, sizeof para - strlen(para) - 1);
	if (reply.den > 0 && reply.num == reply.den && sat.den > 0 &&
	    sat.num == sat.den)
		snprintf(part, sizeof part, "%s", _("，回复率、满意及基本满意率均"
		    "达到100%。"));
	else
		snprintf(part, sizeof part, _("，回复率%s，满意及基本满意率%s。"),
		    pct(reply, a), pct(sat, b));
	strncat(para, part, sizeof para - strlen(para) - 1);
	fprintf(fp, "%s\n", para);
}
