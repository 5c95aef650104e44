/*
 * vocab.c — the domain's closed vocabularies and the lifecycle's transition
 * table (see vocab.h and the Lifecycle section of SPEC.md).
 */
#include <string.h>

#include "i18n.h"
#include "vocab.h"

const struct vocab vocab_status[] = {
	{ "registered", "已登记", N_("registered") },
	{ "assigned", "已交办", N_("assigned") },
	{ "replied", "已答复", N_("replied") },
	{ "rehandling", "重新办理", N_("rehandling") },
	{ "closed", "已办结", N_("closed") },
	{ "withdrawn", "已撤回", N_("withdrawn") },
	{ "not_accepted", "不予立案", N_("not accepted") },
	{ NULL, NULL, NULL },
};

/* Why a suggestion is not accepted (上海市代表建议规定 Art. 8). */
const struct vocab vocab_reject[] = {
	{ "personal", "个人事项", N_("a personal matter") },
	{ "litigation", "诉讼事项", N_("a matter before a court") },
	{ "letter", "转交信访", N_("a letter, handled as one") },
	{ "other", "其他", N_("other") },
	{ NULL, NULL, NULL },
};

const struct vocab vocab_source[] = {
	{ "reception", "接待", N_("reception") },
	{ "session", "人代会", N_("congress session") },
	{ "group", "小组活动", N_("group activity") },
	{ "online", "网上", N_("online") },
	{ "other", "其他", N_("other") },
	{ NULL, NULL, NULL },
};

const struct vocab vocab_rating[] = {
	{ "satisfied", "满意", N_("satisfied") },
	{ "basic", "基本满意", N_("basically satisfied") },
	{ "unsatisfied", "不满意", N_("unsatisfied") },
	{ NULL, NULL, NULL },
};

const struct vocab vocab_kind[] = {
	{ "group", "小组活动", N_("group activity") },
	{ "inspection", "视察", N_("inspection") },
	{ "survey", "调研", N_("survey") },
	{ "training", "培训", N_("training") },
	{ "session", "人代会", N_("congress session") },
	{ NULL, NULL, NULL },
};

const struct vocab vocab_level[] = {
	{ "town", "镇", N_("town") },
	{ "district", "区", N_("district") },
	{ "city", "市", N_("city") },
	{ NULL, NULL, NULL },
};

const struct vocab vocab_method[] = {
	{ "visit", "走访", N_("visit") },
	{ "meeting", "座谈", N_("meeting") },
	{ "phone", "电话", N_("phone") },
	{ NULL, NULL, NULL },
};

const struct vocab vocab_class[] = {
	{ "A", "A类", N_("A (solved or basically solved)") },
	{ "B", "B类", N_("B (being solved or planned)") },
	{ "C", "C类", N_("C (cannot be solved for now)") },
	{ "D", "D类", N_("D (kept for reference)") },
	{ NULL, NULL, NULL },
};

/* The actions recorded in the history. */
const struct vocab vocab_action[] = {
	{ "registered", "登记", N_("registered") },
	{ "assigned", "交办", N_("assigned") },
	{ "returned", "退回", N_("returned") },
	{ "contact", "办前沟通", N_("contact") },
	{ "extended", "延期", N_("extended") },
	{ "replied", "答复", N_("replied") },
	{ "rated", "测评", N_("rated") },
	{ "closed", "办结", N_("closed") },
	{ "withdrawn", "撤回", N_("withdrawn") },
	{ "edited", "修改", N_("edited") },
	{ "imported", "导入", N_("imported") },
	{ "station", "联络站", N_("station") },
	{ "department", "承办单位", N_("department") },
	{ "deputy", "代表", N_("deputy") },
	{ "reception", "进站接待", N_("reception") },
	{ "activity", "代表活动", N_("activity") },
	{ "config", "设置", N_("setting") },
	{ "calendar", "日历", N_("calendar") },
	{ "supervised", "重点督办", N_("supervised") },
	{ "not_accepted", "不予立案", N_("rejected") },
	{ "signed", "签收", N_("signed") },
	{ "opinion", "会办意见", N_("opinion") },
	{ "merged", "并案", N_("merged") },
	{ NULL, NULL, NULL },
};

/* In enum stage's order (domain.h): what overdue lists. */
const struct vocab vocab_stage[] = {
	{ "routing", "交办", N_("routing") },
	{ "sign", "签收", N_("signing") },
	{ "opinion", "会办意见", N_("opinion") },
	{ "reply", "答复", N_("reply") },
	{ NULL, NULL, NULL },
};

/* In enum cal_kind's order (workday.h). */
const struct vocab vocab_day_kind[] = {
	{ "holiday", "放假", N_("holiday") },
	{ "workday", "调休上班", N_("working day") },
	{ NULL, NULL, NULL },
};

/* 1 when a and b are equal but for the case of ASCII letters (whatever
 * the locale). */
static int
ascii_caseeq(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		int x = *a >= 'A' && *a <= 'Z' ? *a - 'A' + 'a' : *a;
		int y = *b >= 'A' && *b <= 'Z' ? *b - 'A' + 'a' : *b;

		if (x != y)
			return 0;
	}
	return *a == *b;
}

int
vocab_find(const struct vocab *v, const char *s)
{
	int i;

	if (s == NULL)
		return -1;
	/* The key as stored, the common case, first; then any case, and
	 * the Chinese word. The keys differ in more than case. */
	for (i = 0; v[i].key != NULL; i++)
		if (strcmp(s, v[i].key) == 0)
			return i;
	for (i = 0; v[i].key != NULL; i++)
		if (ascii_caseeq(s, v[i].key) || strcmp(s, v[i].zh) == 0)
			return i;
	return -1;
}

const char *
vocab_label(const struct vocab *v, const char *key)
{
	int i;

	for (i = 0; v[i].key != NULL; i++)
		if (strcmp(key, v[i].key) == 0)
			return _(v[i].label);
	return key;
}

const char *
vocab_keys(const struct vocab *v)
{
	static char buf[512]; /* the longest list (vocab_action) fits */
	int i, zh = i18n_chinese();

	buf[0] = '\0';
	for (i = 0; v[i].key != NULL; i++) {
		if (i > 0)
			strncat(buf, zh ? "｜" : "|",
			    sizeof buf - strlen(buf) - 1);
		strncat(buf, zh ? v[i].zh : v[i].key,
		    sizeof buf - strlen(buf) - 1);
	}
	return buf;
}

/* Rows are states, columns actions (ACT_ASSIGN .. ACT_MERGE). */
static const unsigned char allowed[][NACTIONS] = {
	/*                 asg ret con ext rep rat clo wdr sup rej sig opn mrg*/
	[ST_REGISTERED] = { 1,  0,  0,  0,  0,  0,  0,  1,  1,  1,  0,  0,  1 },
	[ST_ASSIGNED]   = { 0,  1,  1,  1,  1,  0,  0,  1,  1,  0,  1,  1,  0 },
	[ST_REPLIED]    = { 0,  0,  1,  0,  0,  1,  1,  1,  1,  0,  1,  1,  0 },
	[ST_REHANDLING] = { 0,  1,  1,  1,  1,  0,  0,  1,  1,  0,  1,  1,  0 },
	[ST_CLOSED]     = { 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0 },
	[ST_WITHDRAWN]  = { 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0 },
	[ST_NOT_ACCEPTED] = { 0, 0, 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0 },
};

int
lifecycle_allows(enum status s, enum action a)
{
	return allowed[s][a];
}

int
status_running(enum status s)
{
	return s == ST_ASSIGNED || s == ST_REHANDLING;
}

int
status_key_running(const char *key)
{
	return strcmp(key, vocab_status[ST_ASSIGNED].key) == 0 ||
	    strcmp(key, vocab_status[ST_REHANDLING].key) == 0;
}

enum status
status_after_rating(int rating)
{
	return rating == 2 ? ST_REHANDLING : ST_CLOSED;
}
