/*
 * test_detail.c — an event's detail as data (13.4): built as JSON, shown
 * in English and Chinese through one table of forms, and the text of
 * earlier versions read back, in either language.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "detail.h"
#include "i18n.h"

static void
lang(const char *l)
{
	setenv("JIANYI_LANG", l, 1);
	i18n_init();
}

/* render(action, json) is want, in the language set. */
static void
shows(const char *action, const char *json, const char *want)
{
	char *s = detail_render(action, json);

	assert_string_equal(s, want);
	free(s);
}

/* parse(action, text) is want. */
static void
reads(const char *action, const char *text, const char *want)
{
	char *s = detail_parse(action, text);

	assert_string_equal(s, want);
	free(s);
}

static void
test_build(void **state)
{
	struct detail *d = detail_new();
	const char *co[] = { "交通运输办", "社会事务办" };
	char *s;

	(void)state;
	detail_str(d, "lead", "规划建设办");
	detail_list(d, "co", co, 2);
	detail_list(d, "none", co, 0);
	detail_str(d, "empty", "");
	detail_str(d, "null", NULL);
	detail_str(d, "quote", "a\"b\\c\n");
	detail_int(d, "visitors", 12);
	s = detail_end(d);
	assert_string_equal(s, "{\"lead\":\"规划建设办\",\"co\":[\"交通运输办\","
	    "\"社会事务办\"],\"quote\":\"a\\\"b\\\\c\\n\",\"visitors\":12}");
	free(s);
}

static void
test_render(void **state)
{
	(void)state;
	lang("en");
	shows("assigned", "{\"lead\":\"甲\",\"due\":\"2023-02-28\"}",
	    "lead: 甲; due: 2023-02-28");
	shows("assigned", "{\"lead\":\"甲\",\"co\":[\"乙\",\"丙\"],"
	    "\"due\":\"2023-02-28\",\"handler\":\"张\"}",
	    "lead: 甲; co: 乙、丙; due: 2023-02-28; handler: 张");
	shows("registered", "{\"source\":\"group\"}", "source: group activity");
	shows("contact", "{\"dept\":\"甲\",\"note\":\"n\"}", "甲: n");
	shows("edited", "{\"field\":\"received_on\",\"value\":\"2023-01-02\"}",
	    "date received: 2023-01-02");
	shows("edited", "{\"field\":\"phone\"}", "phone changed");
	shows("deputy", "{\"renamed\":\"甲\",\"to\":\"乙\"}",
	    "renamed '甲' to '乙'");
	shows("reception", "{\"updated_id\":7}", "updated #7");
	shows("closed", "{}", "");
	/* Not data: as it is; data no form fits: its JSON. */
	shows("assigned", "lead: 甲", "lead: 甲");
	shows("assigned", "{\"text\":\"写错\"}", "写错");
	shows("assigned", "{\"due\":\"2023-02-28\"}", "{\"due\":\"2023-02-28\"}");
	shows("replied", "{\"dept\":\"甲\",\"class\":\"A\",\"x\":1}",
	    "{\"dept\":\"甲\",\"class\":\"A\",\"x\":1}");
	shows("closed", NULL, "");
	lang("zh");
	shows("assigned", "{\"lead\":\"甲\",\"co\":[\"乙\"],"
	    "\"due\":\"2023-02-28\"}", "主办：甲；协办：乙；办理期限：2023-02-28");
	shows("registered", "{\"source\":\"reception\"}", "来源：接待");
	shows("rated", "{\"rating\":\"basic\",\"note\":\"好\"}", "基本满意：好");
	shows("edited", "{\"field\":\"phone\"}", "联系电话已更改");
	shows("returned", "{\"dept\":\"甲\",\"role\":\"lead\",\"reason\":\"r\"}",
	    "甲（主办）：r");
	lang("en");
}

static void
test_parse(void **state)
{
	(void)state;
	lang("en");
	reads("assigned", "lead: 甲; co: 乙、丙; due: 2023-02-28",
	    "{\"lead\":\"甲\",\"co\":[\"乙\",\"丙\"],\"due\":\"2023-02-28\"}");
	reads("assigned", "主办：甲；办理期限：2023-02-28；办理责任人：张",
	    "{\"lead\":\"甲\",\"due\":\"2023-02-28\",\"handler\":\"张\"}");
	reads("registered", "source: congress session; lead deputy: 陈",
	    "{\"source\":\"session\",\"lead_deputy\":\"陈\"}");
	reads("registered", "来源：人代会", "{\"source\":\"session\"}");
	/* A label of no word: not this form. */
	reads("registered", "source: picnic", "{\"text\":\"source: picnic\"}");
	reads("contact", "甲，座谈", "{\"dept\":\"甲\",\"method\":\"meeting\"}");
	reads("contact", "甲, phone: 说明", "{\"dept\":\"甲\",\"method\":"
	    "\"phone\",\"note\":\"说明\"}");
	reads("returned", "甲 (主办): r", "{\"dept\":\"甲\",\"role\":\"lead\","
	    "\"reason\":\"r\"}");
	reads("reception", "黄塘: 4", "{\"station\":\"黄塘\",\"visitors\":4}");
	reads("reception", "黄塘: 四", "{\"text\":\"黄塘: 四\"}");
	reads("reception", "已更新 #12", "{\"updated_id\":12}");
	reads("department", "“甲”更名为“乙”", "{\"renamed\":\"甲\",\"to\":\"乙\"}");
	/* Personal data is dropped: that it changed is kept. */
	reads("edited", "submitter: 李四", "{\"field\":\"submitter\"}");
	reads("edited", "联系电话: 13911112222", "{\"field\":\"phone\"}");
	reads("edited", "title: a: b", "{\"field\":\"title\",\"value\":\"a: b\"}");
	reads("closed", "", "{}");
	reads("closed", NULL, "{}");
	reads("nosuchaction", "x", "{\"text\":\"x\"}");
}

/* A long text (a 20,000-character note) is read back whole: the last value
 * of a form takes the rest at once, and the others are tried only where
 * the text that follows them begins. */
static void
test_parse_long(void **state)
{
	size_t n = 20000, i, head = strlen("unsatisfied: ");
	char *text = malloc(head + 3 * n + 1), *json, *want;

	(void)state;
	lang("en");
	memcpy(text, "unsatisfied: ", head);
	for (i = 0; i < n; i++)
		memcpy(text + head + 3 * i, "好", 3);
	text[head + 3 * n] = '\0';
	json = detail_parse("rated", text);
	want = malloc(3 * n + 64);
	strcpy(want, "{\"rating\":\"unsatisfied\",\"note\":\"");
	strcat(want, text + head);
	strcat(want, "\"}");
	assert_string_equal(json, want);
	free(json);
	free(want);
	free(text);
}

/* What is written reads back to the same data, in both languages. */
static void
test_round_trip(void **state)
{
	static const char *const cases[][2] = {
		{ "rated", "{\"rating\":\"unsatisfied\",\"due\":\"2023-04-11\","
		  "\"note\":\"太慢\"}" },
		{ "extended", "{\"due\":\"2023-06-30\",\"was\":\"2023-05-02\","
		  "\"reason\":\"预算\"}" },
		{ "replied", "{\"dept\":\"甲\",\"class\":\"C\"}" },
		{ "activity", "{\"kind\":\"inspection\",\"title\":\"视察\"}" },
		{ "edited", "{\"rating_of\":\"2023-03-11\",\"rating\":\"basic\"}" },
		{ "station", "{\"retired\":\"黄塘\"}" },
	};
	const char *const langs[] = { "en", "zh" };
	char *text, *json;
	size_t i, l;

	(void)state;
	for (l = 0; l < 2; l++) {
		lang(langs[l]);
		for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			text = detail_render(cases[i][0], cases[i][1]);
			json = detail_parse(cases[i][0], text);
			assert_string_equal(json, cases[i][1]);
			free(text);
			free(json);
		}
	}
	lang("en");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_long),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
