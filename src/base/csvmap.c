/*
 * csvmap.c — the columns of every CSV file jianyi reads and writes, and
 * the pure work of mapping headers and reading cells.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvmap.h"
#include "msg.h"
#include "text.h"
#include "xmalloc.h"

static const struct csv_column ledger[] = {
	[L_NUMBER] = { "编号", "number", 1 },
	[L_RECEIVED] = { "接收日期", "received_on", 1 },
	[L_STATION] = { "联络站", "station", 0 },
	[L_SOURCE] = { "来源", "source", 0 },
	[L_TITLE] = { "标题", "title", 1 },
	[L_CONTENT] = { "内容", "content", 0 },
	[L_CATEGORY] = { "类别", "category", 0 },
	[L_SUBMITTER] = { "提出人", "submitter", 0 },
	[L_PHONE] = { "联系电话", "phone", 0 },
	[L_LEAD] = { "领衔代表", "lead_deputy", 0 },
	[L_COSIGNERS] = { "附议代表", "cosigners", 0 },
	[L_DEPT] = { "承办单位", "department", 0 },
	[L_CO] = { "协办单位", "co_departments", 0 },
	[L_ASSIGNED] = { "交办日期", "assigned_on", 0 },
	[L_DUE] = { "办理期限", "due_on", 0 },
	[L_REPLIED] = { "答复日期", "replied_on", 0 },
	[L_CLASS] = { "答复类别", "class", 0 },
	[L_REPLY] = { "答复内容", "reply", 0 },
	[L_RATED] = { "反馈日期", "rated_on", 0 },
	[L_RATING] = { "满意度", "rating", 0 },
	/* What the rates need beyond the ledger's own columns. */
	[L_HANDLER] = { "经办人", "handler", 0 },
	[L_CONTACTS] = { "办前沟通", "contacts", 0 },
	/* The ledger's remarks, kept as the suggestion's note. */
	[L_NOTE] = { "备注", "note", 0 },
	/* The steps of issue 14: the latest reply's department (several
	 * leads), who signed and when ("DATE DEPT；…"), key supervision, the
	 * number it was merged into (并案), "DATE REASON：NOTE" of a
	 * suggestion not accepted, and 是 for a recurring one. */
	[L_REPLY_DEPT] = { "答复单位", "reply_department", 0 },
	[L_SIGNED] = { "签收情况", "signed", 0 },
	[L_SUPERVISOR] = { "督办领导", "supervisor", 0 },
	[L_SUPERVISED_ON] = { "督办日期", "supervised_on", 0 },
	[L_MERGED_INTO] = { "并入编号", "merged_into", 0 },
	[L_REJECTED] = { "不予立案", "not_accepted", 0 },
	[L_RECURRING] = { "多年重复", "recurring", 0 },
};

/* A ledger's row numbers: Excel's, never the suggestion's number. */
static const char *const row_numbers[] = { "序号", "no", NULL };

static const struct csv_column receptions[] = {
	[R_ID] = { "编号", "id", 0 },
	[R_DATE] = { "日期", "date", 1 },
	[R_STATION] = { "联络站", "station", 1 },
	[R_VISITORS] = { "接待人次", "visitors", 1 },
	[R_DEPUTIES] = { "接待代表", "deputies", 0 },
	[R_NOTE] = { "备注", "note", 0 },
};

static const struct csv_column activities[] = {
	[A_ID] = { "编号", "id", 0 },
	[A_DATE] = { "日期", "date", 1 },
	[A_KIND] = { "类型", "kind", 1 },
	[A_TITLE] = { "标题", "title", 1 },
	[A_PARTICIPANTS] = { "参加人数", "participants", 0 },
};

static const struct csv_column stations[] = {
	[S_NAME] = { "名称", "name", 1 },
	[S_VILLAGE] = { "村居", "village", 0 },
};

static const struct csv_column departments[] = {
	[D_NAME] = { "名称", "name", 1 },
};

static const struct csv_column deputies[] = {
	[P_NAME] = { "姓名", "name", 1 },
	[P_LEVEL] = { "层级", "level", 0 },
	[P_STATION] = { "联络站", "station", 0 },
	[P_PHONE] = { "联系电话", "phone", 0 },
};

const struct csv_table csv_tables[] = {
	{ "suggestions", ledger, L_NCOLS, row_numbers },
	{ "receptions", receptions, R_NCOLS, row_numbers },
	{ "activities", activities, A_NCOLS, row_numbers },
	{ "stations", stations, S_NCOLS, row_numbers },
	{ "departments", departments, D_NCOLS, row_numbers },
	{ "deputies", deputies, P_NCOLS, row_numbers },
	{ NULL, NULL, 0, NULL },
};

const struct csv_table *
csv_table_find(const char *s)
{
	int i;

	for (i = 0; csv_tables[i].name != NULL; i++)
		if (strcmp(s, csv_tables[i].name) == 0)
			return &csv_tables[i];
	return NULL;
}

int
csv_column_find(const struct csv_table *t, const char *name)
{
	int c;

	for (c = 0; c < t->ncols; c++)
		if (strcmp(name, t->cols[c].zh) == 0 ||
		    strcasecmp(name, t->cols[c].en) == 0)
			return c;
	for (c = 0; t->ignored != NULL && t->ignored[c] != NULL; c++)
		if (strcasecmp(name, t->ignored[c]) == 0)
			return -2;
	return -1;
}

char *
csv_trim(char *s)
{
	size_t len = strlen(s), n;
	char *t = text_norm(s, len, &n);

	/* Trimming and dropping only shorten; composing almost never grows
	 * a string, and one that would is left as it is. */
	if (n <= len)
		memcpy(s, t, n + 1);
	free(t);
	return s;
}

int
csv_map_header(const struct csv_table *t, char *const *fields, size_t n,
    int *map, char **err)
{
	char *name, *shown;
	size_t i;
	int c;

	for (c = 0; c < t->ncols; c++)
		map[c] = -1;
	for (i = 0; i < n; i++) {
		name = text_norm(fields[i], strlen(fields[i]), NULL);
		for (c = 0; c < t->ncols; c++)
			if (strcmp(name, t->cols[c].zh) == 0 ||
			    strcasecmp(name, t->cols[c].en) == 0)
				break;
		if (c == t->ncols || map[c] != -1) {
			shown = text_visible(name);
			xasprintf(err, c == t->ncols ?
			    _("unknown header '%s'") :
			    _("header '%s' appears twice"), shown);
			free(shown);
			free(name);
			return -1;
		}
		free(name);
		map[c] = (int)i;
	}
	for (c = 0; c < t->ncols; c++)
		if (t->cols[c].required && map[c] == -1) {
			xasprintf(err, _("missing column '%s' (%s)"),
			    t->cols[c].zh, t->cols[c].en);
			return -1;
		}
	return 0;
}

int
csv_split_names(char *s, char **out, int max)
{
	static const char *const seps[] = { "；", "、", ";", NULL };
	char *p = s, *start = s;
	int n = 0, k;
	size_t len;

	for (;;) {
		len = 0;
		for (k = 0; seps[k] != NULL; k++)
			if (strncmp(p, seps[k], strlen(seps[k])) == 0) {
				len = strlen(seps[k]);
				break;
			}
		if (len > 0 || *p == '\0') {
			int end = *p == '\0';

			*p = '\0';
			csv_trim(start);
			if (*start != '\0' && n < max)
				out[n++] = start;
			if (end)
				break;
			p += len;
			start = p;
		} else
			p++;
	}
	return n;
}

char **
csv_list(const char *s, size_t *n)
{
	char *copy, *p, *start;
	char **v = NULL;
	size_t k, len;

	*n = 0;
	if ((copy = strdup(s != NULL ? s : "")) == NULL)
		xnomem();
	for (p = start = copy;; ) {
		len = strncmp(p, "；", 3) == 0 || strncmp(p, "、", 3) == 0 ? 3 :
		    *p == ';' ? 1 : 0;
		if (len == 0 && *p != '\0') {
			p++;
			continue;
		}
		k = (size_t)(p - start);
		if ((v = reallocarray(v, *n + 1, sizeof *v)) == NULL)
			xnomem();
		v[*n] = text_norm(start, k, NULL);
		if (v[*n][0] != '\0')
			(*n)++;
		else
			free(v[*n]);
		if (*p == '\0')
			break;
		p += len;
		start = p;
	}
	free(copy);
	return v;
}

void
csv_list_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int
csv_date(const char *s, struct date *out)
{
	return date_parse(s, DATE_EXCEL, out);
}
