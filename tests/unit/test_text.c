/*
 * test_text.c — unit tests for text.c: strict UTF-8, control characters,
 * CJK widths, padding, masking, edit distance and suggestions.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static int
valid(const char *s)
{
	return utf8_valid(s, strlen(s));
}

static void
test_utf8_valid(void **state)
{
	(void)state;
	assert_int_equal(valid(""), 1);
	assert_int_equal(utf8_valid(NULL, 0), 1);
	assert_int_equal(valid("hello"), 1);
	assert_int_equal(valid("黄塘"), 1);
	assert_int_equal(valid("（，）"), 1);
	assert_int_equal(valid("\xc2\x80"), 1);		/* U+0080 */
	assert_int_equal(valid("\xdf\xbf"), 1);		/* U+07FF */
	assert_int_equal(valid("\xe0\xa0\x80"), 1);	/* U+0800 */
	assert_int_equal(valid("\xed\x9f\xbf"), 1);	/* U+D7FF */
	assert_int_equal(valid("\xee\x80\x80"), 1);	/* U+E000 */
	assert_int_equal(valid("\xef\xbf\xbf"), 1);	/* U+FFFF */
	assert_int_equal(valid("\xf0\x90\x80\x80"), 1);	/* U+10000 */
	assert_int_equal(valid("\xf0\x9f\x98\x80"), 1);	/* U+1F600 */
	assert_int_equal(valid("\xf4\x8f\xbf\xbf"), 1);	/* U+10FFFF */
	assert_int_equal(utf8_valid("a\0b", 3), 1);		/* U+0000 */

	/* Overlongs. */
	assert_int_equal(valid("\xc0\xaf"), 0);
	assert_int_equal(valid("\xc1\xbf"), 0);
	assert_int_equal(valid("\xc0\x80"), 0);
	assert_int_equal(valid("\xe0\x80\xaf"), 0);
	assert_int_equal(valid("\xe0\x9f\xbf"), 0);
	assert_int_equal(valid("\xf0\x80\x80\xaf"), 0);
	assert_int_equal(valid("\xf0\x8f\xbf\xbf"), 0);
	/* Surrogates. */
	assert_int_equal(valid("\xed\xa0\x80"), 0);
	assert_int_equal(valid("\xed\xbf\xbf"), 0);
	assert_int_equal(valid("\xed\xa0\xbd\xed\xb8\x80"), 0);
	/* Above U+10FFFF and bytes that never occur. */
	assert_int_equal(valid("\xf4\x90\x80\x80"), 0);
	assert_int_equal(valid("\xf5\x80\x80\x80"), 0);
	assert_int_equal(valid("\xf8\x88\x80\x80\x80"), 0);
	assert_int_equal(valid("\xfe"), 0);
	assert_int_equal(valid("\xff"), 0);
	/* Truncated sequences and stray continuations. */
	assert_int_equal(valid("\xe9\xbb"), 0);
	assert_int_equal(valid("\xe9\xbb" "a"), 0);
	assert_int_equal(valid("\xf0\x9f\x98"), 0);
	assert_int_equal(valid("\xc2"), 0);
	assert_int_equal(valid("\x80"), 0);
	assert_int_equal(valid("a\xbf"), 0);
	assert_int_equal(valid("\xe9\xbb\x84\x84"), 0);
	/* len is respected: "黄" cut after two bytes. */
	assert_int_equal(utf8_valid("黄", 2), 0);
	assert_int_equal(utf8_valid("黄塘", 3), 1);
}

static void
test_has_control(void **state)
{
	(void)state;
	assert_int_equal(text_has_control("", 0), 0);
	assert_int_equal(text_has_control("黄塘 abc", 0), 0);
	assert_int_equal(text_has_control("a\nb", 0), 1);
	assert_int_equal(text_has_control("a\nb", 1), 0);
	assert_int_equal(text_has_control("a\tb", 0), 1);
	assert_int_equal(text_has_control("a\tb", 1), 0);
	assert_int_equal(text_has_control("a\rb", 1), 1);
	assert_int_equal(text_has_control("\x1b[31m", 1), 1);
	assert_int_equal(text_has_control("\x01", 1), 1);
	assert_int_equal(text_has_control("\x1f", 0), 1);
	assert_int_equal(text_has_control("a\x7f", 1), 1);
	assert_int_equal(text_has_control("\xc2\x80", 1), 1);	/* U+0080 */
	assert_int_equal(text_has_control("\xc2\x85", 1), 1);	/* NEL */
	assert_int_equal(text_has_control("\xc2\x9f", 1), 1);	/* U+009F */
	assert_int_equal(text_has_control("\xc2\xa0", 0), 0);	/* NBSP */
	assert_int_equal(text_has_control("\xc3\x80", 0), 0);	/* À */
	assert_int_equal(text_has_control(" ~", 0), 0);
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("黄塘"), 4);
	assert_int_equal(text_width("a黄"), 3);
	assert_int_equal(text_width("（"), 2);
	assert_int_equal(text_width("，"), 2);
	assert_int_equal(text_width("（黄塘）"), 8);
	assert_int_equal(text_width("黄塘2"), 5);
	assert_int_equal(text_width("华埭村"), 6);
	assert_int_equal(text_width("e\xcc\x81"), 1);	/* e + U+0301 */
	assert_int_equal(text_width("ｱ"), 1);		/* halfwidth katakana */
	assert_int_equal(text_width("Ａ"), 2);		/* fullwidth A */
}

/* Asserts that text_pad(s, width, right) is want, and frees it. */
static void
pads(const char *s, int width, int right, const char *want)
{
	char	*got = text_pad(s, width, right);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_pad(void **state)
{
	(void)state;
	pads("黄塘", 6, 0, "黄塘  ");
	pads("黄塘", 6, 1, "  黄塘");
	pads("a黄", 5, 0, "a黄  ");
	pads("a黄", 5, 1, "  a黄");
	pads("（注）", 8, 0, "（注）  ");
	pads("abc", 5, 0, "abc  ");
	pads("abc", 5, 1, "  abc");
	pads("黄塘", 4, 0, "黄塘");
	pads("黄塘", 3, 0, "黄塘");		/* never truncates */
	pads("黄塘", 3, 1, "黄塘");
	pads("华埭村", 0, 0, "华埭村");
	pads("华埭村", -5, 1, "华埭村");
	pads("", 3, 0, "   ");
	pads("", 0, 0, "");
}

/* Asserts that mask_name(s) is want, and frees it. */
static void
masks_name(const char *s, const char *want)
{
	char	*got = mask_name(s);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_mask_name(void **state)
{
	(void)state;
	masks_name("陈大文", "陈**");
	masks_name("陈文", "陈**");
	masks_name("陈", "陈**");
	masks_name("欧阳娜娜", "欧**");
	masks_name("Alice", "A**");
	masks_name("A", "A**");
	masks_name("", "");
}

/* Asserts that mask_phone(s) is want, and frees it. */
static void
masks_phone(const char *s, const char *want)
{
	char	*got = mask_phone(s);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_mask_phone(void **state)
{
	(void)state;
	masks_phone("13812342415", "138****2415");
	masks_phone("0755123", "*****23");
	masks_phone("12345678", "123*5678");
	masks_phone("1234567", "*****67");
	masks_phone("138-1234-2415", "138-****-2415");
	masks_phone("+86 138 1234 2415", "+86 1** **** 2415");
	masks_phone("(0755) 8888-1234", "(075*) ****-1234");
	masks_phone("0755-123", "****-*23");
	masks_phone("123", "*23");
	masks_phone("12", "12");
	masks_phone("1", "1");
	masks_phone("", "");
	masks_phone("无", "无");
	masks_phone("电话13812342415", "电话138****2415");
}

static void
test_distance(void **state)
{
	(void)state;
	assert_int_equal(text_distance("", ""), 0);
	assert_int_equal(text_distance("abc", ""), 3);
	assert_int_equal(text_distance("", "黄塘"), 2);
	assert_int_equal(text_distance("kitten", "sitting"), 3);
	assert_int_equal(text_distance("黄塘", "黄塘"), 0);
	assert_int_equal(text_distance("黄", "塘"), 1);
	assert_int_equal(text_distance("黄塘2", "黄塘"), 1);
	assert_int_equal(text_distance("黄塘", "黄塘2"), 1);
	assert_int_equal(text_distance("源潭", "黄塘"), 2);
	assert_int_equal(text_distance("黄塘2", "华埭村"), 3);
	/* A swap of two adjacent characters is one edit (OSA). */
	assert_int_equal(text_distance("黄塘", "塘黄"), 1);
	assert_int_equal(text_distance("lsit", "list"), 1);
	assert_int_equal(text_distance("lsit", "init"), 2);
	assert_int_equal(text_distance("ab", "ba"), 1);
	assert_int_equal(text_distance("abcd", "badc"), 2);
	assert_int_equal(text_distance("交通运输办", "交通输运办"), 1);
	/* Restricted: a swapped pair is not edited again. */
	assert_int_equal(text_distance("ca", "abc"), 3);
	assert_int_equal(text_distance("陈大文", "大文"), 1);
	assert_int_equal(text_distance("华埭村", "华埭村委会"), 2);
	assert_int_equal(text_distance("a黄b", "a塘b"), 1);
}

static void
test_suggest_basic(void **state)
{
	const char *const names[] = { "源潭", "黄塘", "华埭村" };
	const char	*out[3];

	(void)state;
	assert_int_equal(text_suggest("黄塘2", names, 3, out, 3), 1);
	assert_ptr_equal(out[0], names[1]);
	assert_int_equal(text_suggest("华埭", names, 3, out, 3), 1);
	assert_ptr_equal(out[0], names[2]);
	assert_int_equal(text_suggest("源谭", names, 3, out, 3), 1);
	assert_ptr_equal(out[0], names[0]);
	assert_int_equal(text_suggest("清远", names, 3, out, 3), 0);
	assert_int_equal(text_suggest("xyz", names, 3, out, 3), 0);
}

/* "jianyi lsit" means list, not init, which is as near by substitution
 * and comes first. */
static void
test_suggest_swap(void **state)
{
	const char *const names[] = { "init", "config", "list", "log" };
	const char	*out[4];

	(void)state;
	assert_true(text_suggest("lsit", names, 4, out, 4) >= 1);
	assert_ptr_equal(out[0], names[2]);
	assert_true(text_suggest("inti", names, 4, out, 4) >= 1);
	assert_ptr_equal(out[0], names[0]);
}

static void
test_suggest_order(void **state)
{
	const char *const names[] = { "黄塘村", "源潭", "黄", "黄塘", "塘" };
	const char	*out[5];

	(void)state;
	/* len 2, so distance at most 1; 黄塘 (0) first, then ties in order. */
	assert_int_equal(text_suggest("黄塘", names, 5, out, 5), 4);
	assert_ptr_equal(out[0], names[3]);
	assert_ptr_equal(out[1], names[0]);
	assert_ptr_equal(out[2], names[2]);
	assert_ptr_equal(out[3], names[4]);
	/* max keeps the closest. */
	assert_int_equal(text_suggest("黄塘", names, 5, out, 2), 2);
	assert_ptr_equal(out[0], names[3]);
	assert_ptr_equal(out[1], names[0]);
}

static void
test_suggest_stable(void **state)
{
	const char *const fwd[] = { "ab1", "ab2", "ab3", "ab4" };
	const char *const rev[] = { "ab4", "ab3", "ab2", "ab1" };
	const char	*out[4];
	int		 i;

	(void)state;
	assert_int_equal(text_suggest("ab", fwd, 4, out, 4), 4);
	for (i = 0; i < 4; i++)
		assert_ptr_equal(out[i], fwd[i]);
	assert_int_equal(text_suggest("ab", rev, 4, out, 4), 4);
	for (i = 0; i < 4; i++)
		assert_ptr_equal(out[i], rev[i]);
}

static void
test_suggest_threshold(void **state)
{
	const char *const names[] = { "axyz", "abxy", "abcx", "xbcd" };
	const char *const far[] = { "清远市华埭村委会", "村", "阳山" };
	const char	*out[4];

	(void)state;
	/* len 4: distance at most 2, closest first. */
	assert_int_equal(text_suggest("abcd", names, 4, out, 4), 3);
	assert_ptr_equal(out[0], names[2]);
	assert_ptr_equal(out[1], names[3]);
	assert_ptr_equal(out[2], names[1]);
	/* len 1: distance at most 1. */
	assert_int_equal(text_suggest("q", names, 4, out, 4), 0);
	/* Containment either way, however far. */
	assert_int_equal(text_suggest("华埭", far, 3, out, 3), 1);
	assert_ptr_equal(out[0], far[0]);
	assert_int_equal(text_suggest("黄塘村委会", far, 3, out, 3), 1);
	assert_ptr_equal(out[0], far[1]);
}

static void
test_suggest_edges(void **state)
{
	const char *const names[] = { "", "a", NULL, "ab" };
	const char	*out[4];

	(void)state;
	assert_int_equal(text_suggest("", names, 4, out, 4), 0);
	assert_int_equal(text_suggest("a", names, 4, out, 0), 0);
	assert_int_equal(text_suggest("a", names, 0, out, 4), 0);
	/* Empty and NULL names are skipped. */
	assert_int_equal(text_suggest("a", names, 4, out, 4), 2);
	assert_ptr_equal(out[0], names[1]);
	assert_ptr_equal(out[1], names[3]);
}

static void
test_copy(void **state)
{
	char buf[8];

	(void)state;
	text_copy(buf, sizeof buf, "黄塘");
	assert_string_equal(buf, "黄塘");
	/* 9 bytes into 8: the third character does not fit whole. */
	text_copy(buf, sizeof buf, "黄塘村");
	assert_string_equal(buf, "黄塘");
	text_copy(buf, sizeof buf, "abcdefghij");
	assert_string_equal(buf, "abcdefg");
	text_copy(buf, sizeof buf, NULL);
	assert_string_equal(buf, "");
	text_copy(buf, 1, "黄");
	assert_string_equal(buf, "");
}

static void
expect_escape(const char *in, int keep_nl, const char *want)
{
	char *got = text_escape(in, keep_nl);

	assert_string_equal(got, want);
	free(got);
}

static void
test_escape(void **state)
{
	(void)state;
	expect_escape(NULL, 0, "");
	expect_escape("黄塘 abc", 0, "黄塘 abc");
	expect_escape("\xf0\x9f\x98\x80" "e\xcc\x81", 0, "\xf0\x9f\x98\x80" "e\xcc\x81");
	expect_escape("\x1b]0;x\x07", 0, "\\x1b]0;x\\x07");
	expect_escape("a\nb\tc\rd", 0, "a\\x0ab\\x09c\\x0dd");
	expect_escape("a\nb\tc\rd", 1, "a\nb\tc\\x0dd");
	expect_escape("\x7f", 0, "\\x7f");
	/* C1 controls (CSI U+009B), and U+00A0 which is not one. */
	expect_escape("\xc2\x9b" "2J\xc2\xa0", 0, "\\xc2\\x9b" "2J\xc2\xa0");
	/* Invalid bytes: a lone continuation, a cut character, 0xff. */
	expect_escape("\x80", 0, "\\x80");
	expect_escape("\xe9\xbb", 0, "\\xe9\\xbb");
	expect_escape("a\xff" "b", 0, "a\\xffb");
	/* A backslash stays as it is. */
	expect_escape("C:\\x", 0, "C:\\x");
}

static void
test_append(void **state)
{
	char *s = NULL, *p;
	int i;

	(void)state;
	text_append(&s, "、", "甲");
	assert_string_equal(s, "甲");
	text_append(&s, "、", "乙");
	assert_string_equal(s, "甲、乙");
	text_append(&s, NULL, "丙");
	assert_string_equal(s, "甲、乙丙");
	/* Long text is never cut. */
	for (i = 0; i < 2000; i++)
		text_append(&s, ";", "人大代表");
	assert_int_equal(strlen(s), 3 * 4 + 2000 * 13);
	free(s);
	p = text_printf("%s: %d", "答复没有解决问题", 7);
	assert_string_equal(p, "答复没有解决问题: 7");
	free(p);
}

/* What export writes for s, and that import reads it back as s. */
static void
round_trip(const char *s, const char *written)
{
	char buf[256];

	snprintf(buf, sizeof buf, "%s%s", csv_needs_mark(s) ? "'" : "", s);
	assert_string_equal(buf, written);
	assert_string_equal(csv_unmark(buf), s);
}

static void
test_csv_mark(void **state)
{
	(void)state;
	assert_int_equal(csv_needs_mark(NULL), 0);
	round_trip("", "");
	round_trip("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")");
	round_trip("+86 138 1234 2415", "'+86 138 1234 2415");
	round_trip("-cmd", "'-cmd");
	round_trip("@SUM(A1)", "'@SUM(A1)");
	round_trip("\tx", "'\tx");
	round_trip("\rx", "'\rx");
	/* Plain numbers are safe; dates and ordinary text untouched. */
	round_trip("-12", "-12");
	round_trip("-0.5", "-0.5");
	round_trip("2023-01-05", "2023-01-05");
	round_trip("13812342415", "13812342415");
	round_trip("路灯 = 好", "路灯 = 好");
	/* An apostrophe that import would strip is doubled. */
	round_trip("'=x", "''=x");
	round_trip("''", "'''");
	round_trip("'a", "'a");
	round_trip("'", "'");
	round_trip("-", "'-");
	round_trip("'-12", "''-12");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_has_control),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_mask_name),
		cmocka_unit_test(test_mask_phone),
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_suggest_basic),
		cmocka_unit_test(test_suggest_swap),
		cmocka_unit_test(test_suggest_order),
		cmocka_unit_test(test_suggest_stable),
		cmocka_unit_test(test_suggest_threshold),
		cmocka_unit_test(test_suggest_edges),
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_append),
		cmocka_unit_test(test_csv_mark),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
