/*
 * detail.c — an event's detail as data: built with cJSON, shown through the
 * forms below in the reader's language, and read back from the text that
 * earlier versions wrote (in the language of whoever typed the command).
 *
 * A form is the text with {key} for a value and [ ... ] around what is
 * left out when a value in it is missing. One table serves the writing
 * and the reading back, so the two cannot drift; the English forms are
 * the very texts that earlier versions wrote, and the Chinese forms those
 * their catalog gave (where it gave the English form, as for a reception,
 * the Chinese form is new: the English one reads the old text back).
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "detail.h"
#include "i18n.h"
#include "text.h"
#include "vocab.h"
#include "xmalloc.h"

static const struct form {
	const char *action;
	const char *en, *zh;
} forms[] = {
	{ "registered",
	  "source: {source}[; station: {station}][; lead deputy: {lead_deputy}]",
	  "来源：{source}[；联络站：{station}][；领衔代表：{lead_deputy}]" },
	{ "assigned",
	  "lead: {lead}[; co: {co}]; due: {due}[; handler: {handler}][; "
	  "complex: {complex} months]", "主办：{lead}[；协办：{co}]；"
	  "办理期限：{due}[；办理责任人：{handler}]"
	  "[；涉及面广、处理难度大：{complex}个月]" },
	{ "returned", "{dept} ({role}): {reason}[; late: due by {by}]",
	  "{dept}（{role}）：{reason}[；逾期：应于 {by} 前退回]" },
	{ "contact", "{dept}[, {method}][: {note}]", "{dept}[，{method}][：{note}]" },
	{ "extended", "due: {due} (was {was}): {reason}[; approved by "
	  "{approved_by}]", "办理期限 {due}（原为 {was}）：{reason}[；批准："
	  "{approved_by}]" },
	{ "replied", "{dept}, class {class}[; lead departments still to "
	  "reply: {waiting}]",
	  "{dept}，{class}类[；尚未答复的主办单位：{waiting} 个]" },
	{ "rated", "{rating}[; rehandling, due: {due}][: {note}]",
	  "{rating}[；重新办理，期限：{due}][：{note}]" },
	{ "closed", "{reason}", "{reason}" },
	{ "withdrawn", "{reason}[ (all {agreed} deputies agreed)]",
	  "{reason}[（{agreed}位代表均已同意）]" },
	{ "edited", "{field}: {value}", "{field}：{value}" },
	{ "edited", "{field} changed", "{field}已更改" },
	{ "edited", "reply of {reply_of}: class {class}",
	  "{reply_of} 的答复改为 {class}类" },
	{ "edited", "rating of {rating_of}: {rating}",
	  "{rating_of} 的测评改为：{rating}" },
	{ "reception", "{station}: {visitors}", "{station}：{visitors}" },
	{ "reception", "updated #{updated_id}", "已更新 #{updated_id}" },
	{ "activity", "{kind}: {title}", "{kind}：{title}" },
	{ "activity", "updated #{updated_id}", "已更新 #{updated_id}" },
	{ "config", "{key} = {value}", "{key} = {value}" },
	{ "supervised", "by {leader}", "督办领导：{leader}" },
	{ "not_accepted", "{reason}[: {note}]", "{reason}[：{note}]" },
	{ "signed", "{dept}[ ({role})][; late: due by {by}]",
	  "{dept}[（{role}）][；逾期：应于 {by} 前签收]" },
	{ "opinion", "{dept}[; late: due by {by}]",
	  "{dept}[；逾期：应于 {by} 前送达]" },
	{ "merged", "into {into}", "并入 {into}" },
	{ "merged", "{merged} merged into it", "{merged} 并入本件" },
	/* A merged suggestion following the one it was merged into. */
	{ "assigned", "as {via}; due: {due}",
	  "随 {via} 交办；办理期限：{due}" },
	{ "returned", "as {via}", "随 {via} 退回" },
	{ "extended", "as {via}; due: {due}",
	  "随 {via} 延期；办理期限：{due}" },
	{ "replied", "as {via}: {dept}, class {class}",
	  "随 {via} 答复：{dept}，{class}类" },
	{ "calendar", "holidays {holidays}, working days {workdays}",
	  "放假 {holidays} 天，调休上班 {workdays} 天" },
	/* The registries: station, department, deputy. */
	{ NULL, "added '{added}'", "新增“{added}”" },
	{ NULL, "renamed '{renamed}' to '{to}'", "“{renamed}”更名为“{to}”" },
	{ NULL, "retired '{retired}'", "停用“{retired}”" },
	{ NULL, "updated '{updated}'", "修改“{updated}”" },
};
#define NFORMS (sizeof forms / sizeof forms[0])

/* A lead or co-handling department, and the fields an edit names. */
static const struct vocab roles[] = {
	{ "lead", "主办", N_("lead") },
	{ "co", "协办", N_("co") },
	{ NULL, NULL, NULL },
};
static const struct vocab fields[] = {
	{ "title", "标题", N_("title") },
	{ "content", "内容", N_("content") },
	{ "category", "类别", N_("category") },
	{ "submitter", "提出人", N_("submitter") },
	{ "phone", "联系电话", N_("phone") },
	{ "source", "来源", N_("source") },
	{ "received_on", "接收日期", N_("date received") },
	{ "station", "联络站", N_("station") },
	{ "lead_deputy", "领衔代表", N_("lead deputy") },
	{ "handler", "办理责任人", N_("handler") },
	{ "note", "备注", N_("note") },
	{ NULL, NULL, NULL },
};

/* The values that are a word of a vocabulary, shown by its label. */
static const struct vocab *
vocab_of(const char *action, const char *key)
{
	if (strcmp(key, "source") == 0)
		return vocab_source;
	if (strcmp(key, "rating") == 0)
		return vocab_rating;
	if (strcmp(key, "method") == 0)
		return vocab_method;
	if (strcmp(key, "kind") == 0 && strcmp(action, "activity") == 0)
		return vocab_kind;
	if (strcmp(key, "role") == 0)
		return roles;
	if (strcmp(key, "reason") == 0 && strcmp(action, "not_accepted") == 0)
		return vocab_reject;
	if (strcmp(key, "field") == 0)
		return fields;
	return NULL;
}

/* The word's label: its Chinese form (接待, not the 进站接待 of the
 * history's action), or the English one; an unknown key as it is. */
static const char *
label(const struct vocab *v, const char *key)
{
	int i;

	for (i = 0; v[i].key != NULL; i++)
		if (strcmp(key, v[i].key) == 0)
			return i18n_chinese() ? v[i].zh : v[i].label;
	return key;
}

static int
is_number(const char *key)
{
	return strcmp(key, "visitors") == 0 || strcmp(key, "updated_id") == 0;
}

static int
is_list(const char *key)
{
	return strcmp(key, "co") == 0;
}

/* Personal data: an edit keeps that it changed, never the value. */
static int
is_personal(const char *field)
{
	return strcmp(field, "submitter") == 0 || strcmp(field, "phone") == 0;
}

static int
fits(const struct form *f, const char *action)
{
	if (f->action != NULL)
		return strcmp(f->action, action) == 0;
	return strcmp(action, "station") == 0 ||
	    strcmp(action, "department") == 0 ||
	    strcmp(action, "deputy") == 0;
}

/* Building. */

struct detail {
	cJSON *o;
};

struct detail *
detail_new(void)
{
	struct detail *d = xmalloc(sizeof *d);

	if ((d->o = cJSON_CreateObject()) == NULL)
		xnomem();
	return d;
}

static void
add(struct detail *d, const char *key, cJSON *v)
{
	if (v == NULL || !cJSON_AddItemToObject(d->o, key, v))
		xnomem();
}

void
detail_str(struct detail *d, const char *key, const char *value)
{
	if (value != NULL && *value != '\0')
		add(d, key, cJSON_CreateString(value));
}

void
detail_int(struct detail *d, const char *key, long long value)
{
	add(d, key, cJSON_CreateNumber((double)value));
}

void
detail_list(struct detail *d, const char *key, const char *const *v, int n)
{
	cJSON *a;
	int i;

	if (n <= 0)
		return;
	if ((a = cJSON_CreateArray()) == NULL)
		xnomem();
	for (i = 0; i < n; i++) {
		cJSON *s = cJSON_CreateString(v[i]);

		if (s == NULL || !cJSON_AddItemToArray(a, s))
			xnomem();
	}
	add(d, key, a);
}

char *
detail_end(struct detail *d)
{
	char *s;

	if ((s = cJSON_PrintUnformatted(d->o)) == NULL)
		xnomem();
	cJSON_Delete(d->o);
	free(d);
	return s;
}

/* Rendering. */

struct buf {
	char   *s;
	size_t  len, cap;
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* The value of key in o as text: a label, a number, a list with 、. */
static int
value(struct buf *b, const char *action, const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key), *e;
	const struct vocab *voc;
	char *num;
	int first = 1;

	if (cJSON_IsString(v)) {
		const char *s = v->valuestring;

		if ((voc = vocab_of(action, key)) != NULL)
			s = label(voc, s);
		put(b, s, strlen(s));
	} else if (cJSON_IsNumber(v)) {
		num = text_printf("%lld", (long long)v->valuedouble);
		put(b, num, strlen(num));
		free(num);
	} else if (cJSON_IsArray(v) && cJSON_GetArraySize(v) > 0) {
		cJSON_ArrayForEach(e, v) {
			if (!cJSON_IsString(e))
				return -1;
			if (!first)
				put(b, "、", strlen("、"));
			put(b, e->valuestring, strlen(e->valuestring));
			first = 0;
		}
	} else
		return -1;
	return 0;
}

/* The key that starts at p (after '{'), into key[]; its length. */
static size_t
key_at(const char *p, char *key, size_t size)
{
	size_t n = strcspn(p, "}");

	if (n >= size)
		n = size - 1;
	memcpy(key, p, n);
	key[n] = '\0';
	return n;
}

/*
 * Renders form t with the values of o; -1 when a value outside [ ] is
 * missing. *used counts the keys the text shows.
 */
static int
render(struct buf *b, const char *t, const char *action, const cJSON *o,
    int *used)
{
	struct buf group = { NULL, 0, 0 };
	char key[32];
	int in_group = 0, group_ok = 1, group_used = 0;

	for (; *t != '\0'; t++) {
		struct buf *to = in_group ? &group : b;

		if (*t == '[') {
			in_group = 1;
			group_ok = 1;
			group_used = 0;
			group.len = 0;
			put(&group, "", 0);
		} else if (*t == ']') {
			if (group_ok) {
				put(b, group.s, group.len);
				*used += group_used;
			}
			in_group = 0;
		} else if (*t == '{') {
			t += key_at(t + 1, key, sizeof key) + 1;
			if (value(to, action, o, key) == 0) {
				if (in_group)
					group_used++;
				else
					(*used)++;
			} else if (in_group)
				group_ok = 0;
			else {
				free(group.s);
				return -1;
			}
		} else
			put(to, t, 1);
	}
	free(group.s);
	return 0;
}

char *
detail_render(const char *action, const char *json)
{
	cJSON *o, *text;
	struct buf b = { NULL, 0, 0 };
	size_t i;
	int used;

	if (json == NULL)
		return xstrdup("");
	if ((o = cJSON_Parse(json)) == NULL || !cJSON_IsObject(o)) {
		cJSON_Delete(o);
		return xstrdup(json);
	}
	text = cJSON_GetObjectItemCaseSensitive(o, "text");
	if (cJSON_IsString(text) && cJSON_GetArraySize(o) == 1) {
		char *s = xstrdup(text->valuestring);

		cJSON_Delete(o);
		return s;
	}
	if (cJSON_GetArraySize(o) == 0) {
		cJSON_Delete(o);
		return xstrdup("");
	}
	for (i = 0; i < NFORMS; i++) {
		if (!fits(&forms[i], action))
			continue;
		b.len = 0;
		put(&b, "", 0);
		used = 0;
		if (render(&b, i18n_chinese() ? forms[i].zh : forms[i].en,
		    action, o, &used) == 0 && used == cJSON_GetArraySize(o)) {
			cJSON_Delete(o);
			return b.s;
		}
	}
	free(b.s);
	cJSON_Delete(o);
	return xstrdup(json);
}

/* Reading back the text of earlier versions. */

struct cap {
	char        key[32];
	const char *s;
	size_t      len;
};

/* Matches form t against s; the values into caps (*n of them). */
static int
match(const char *t, const char *s, struct cap *caps, int *n, int max)
{
	const char *close;
	size_t k, len, rest;
	int n0 = *n;

	if (*t == '\0')
		return *s == '\0';
	if (*t == '[') {
		/* With the group, then without it. */
		if (match(t + 1, s, caps, n, max))
			return 1;
		*n = n0;
		if ((close = strchr(t, ']')) == NULL)
			return 0;
		return match(close + 1, s, caps, n, max);
	}
	if (*t == ']')
		return match(t + 1, s, caps, n, max);
	if (*t == '{') {
		if (*n == max)
			return 0;
		k = key_at(t + 1, caps[*n].key, sizeof caps[*n].key);
		t += k + 2;
		rest = strlen(s);
		/* Last in the form: the rest of the text, at once. */
		if (*t == '\0' && rest > 0) {
			caps[n0].s = s;
			caps[n0].len = rest;
			*n = n0 + 1;
			return 1;
		}
		/* The shortest value that lets the rest match: only where the
		 * literal that follows it begins. */
		for (len = 1; len <= rest; len++) {
			if (*t != '[' && *t != ']' && *t != '{' && s[len] != *t)
				continue;
			caps[n0].s = s;
			caps[n0].len = len;
			*n = n0 + 1;
			if (match(t, s + len, caps, n, max))
				return 1;
		}
		*n = n0;
		return 0;
	}
	return *t == *s && match(t + 1, s + 1, caps, n, max);
}

/* The key of a label, in either language, or NULL. */
static const char *
unlabel(const struct vocab *v, const char *s)
{
	int i;

	for (i = 0; v[i].key != NULL; i++)
		if (strcmp(s, v[i].key) == 0 || strcmp(s, v[i].zh) == 0 ||
		    strcmp(s, v[i].label) == 0 || strcmp(s, _(v[i].label)) == 0)
			return v[i].key;
	return NULL;
}

/* The JSON of the values caught, or NULL when one is not a value of its
 * kind (a label of no word, a number that is not one). */
static char *
built(const char *action, const struct cap *caps, int n)
{
	struct detail *d = detail_new();
	const struct vocab *voc;
	const char *key, *field = NULL;
	char *v, *end, *p, *sep;
	long long num;
	int i, bad = 0;

	for (i = 0; i < n && !bad; i++) {
		v = xstrndup(caps[i].s, caps[i].len);
		if ((voc = vocab_of(action, caps[i].key)) != NULL) {
			if ((key = unlabel(voc, v)) == NULL)
				bad = 1;
			else if (strcmp(caps[i].key, "field") == 0)
				field = key;
			detail_str(d, caps[i].key, key);
		} else if (is_number(caps[i].key)) {
			num = strtoll(v, &end, 10);
			if (*v < '0' || *v > '9' || *end != '\0')
				bad = 1;
			else
				detail_int(d, caps[i].key, num);
		} else if (is_list(caps[i].key)) {
			const char **names = NULL;
			int k = 0;

			for (p = v; p != NULL; p = sep) {
				if ((sep = strstr(p, "、")) != NULL) {
					*sep = '\0';
					sep += strlen("、");
				}
				names = xreallocarray(names, k + 1,
				    sizeof *names);
				names[k++] = p;
			}
			detail_list(d, caps[i].key, names, k);
			free(names);
		} else if (!(strcmp(caps[i].key, "value") == 0 &&
		    field != NULL && is_personal(field)))
			detail_str(d, caps[i].key, v);
		free(v);
	}
	v = detail_end(d);
	if (bad) {
		free(v);
		return NULL;
	}
	return v;
}

char *
detail_parse(const char *action, const char *text)
{
	struct cap caps[8];
	struct detail *d;
	size_t i;
	int n, lang, most = 0;
	char *json, *best = NULL;

	if (text == NULL || *text == '\0')
		return xstrdup("{}");
	/* The form that reads the most values out of it: "规划建设办，走访"
	 * fits the English "{dept}[, {method}]" too, as a department. */
	for (i = 0; i < NFORMS; i++) {
		if (!fits(&forms[i], action))
			continue;
		for (lang = 0; lang < 2; lang++) {
			n = 0;
			if (!match(lang ? forms[i].zh : forms[i].en, text, caps,
			    &n, 8) || n <= most ||
			    (json = built(action, caps, n)) == NULL)
				continue;
			free(best);
			best = json;
			most = n;
		}
	}
	if (best != NULL)
		return best;
	d = detail_new();
	detail_str(d, "text", text);
	return detail_end(d);
}
