/*
 * test_textnorm.c — unit tests for text_norm (text.c), the one
 * normalisation of names and text: trimming, invisible characters, NFC.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Checks that s normalises to want, and that want is a fixed point. */
static void
norm_is(const char *s, const char *want)
{
	size_t n;
	char *out = text_norm(s, strlen(s), &n), *again;

	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
	again = text_norm(out, n, NULL);
	assert_string_equal(again, want);
	free(again);
	free(out);
}

static void
test_trim(void **state)
{
	(void)state;
	norm_is("黄塘", "黄塘");
	norm_is(" 路灯 ", "路灯");
	norm_is("规划建设办\xe3\x80\x80", "规划建设办");	/* U+3000 */
	norm_is("\xc2\xa0规划建设办", "规划建设办");	/* U+00A0 */
	norm_is("黄塘\xe2\x80\x8b", "黄塘");		/* U+200B */
	norm_is("\xef\xbb\xbf黄塘", "黄塘");		/* U+FEFF */
	norm_is("黄塘\xe2\x81\xa0", "黄塘");		/* U+2060 */
	norm_is("\xe2\x80\x8c黄塘\xe2\x80\x8d", "黄塘");	/* U+200C, U+200D */
	norm_is(" \xe3\x80\x80\xc2\xa0 ", "");
	norm_is("", "");
	/* Spaces inside are kept. */
	norm_is(" 城建 交通 ", "城建 交通");
	norm_is("a\xe3\x80\x80" "b", "a\xe3\x80\x80" "b");
	/* Lines of a text keep their newlines inside. */
	norm_is(" 第一段\n第二段 ", "第一段\n第二段");
}

static void
test_invisible(void **state)
{
	(void)state;
	/* Dropped wherever they are. */
	norm_is("黄\xe2\x80\x8b塘", "黄塘");
	norm_is("黄\xef\xbb\xbf塘", "黄塘");
	norm_is("黄\xe2\x81\xa0塘", "黄塘");
	/* A joiner inside is part of the text (an emoji sequence). */
	norm_is("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9",
	    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9");
}

static void
test_nfc(void **state)
{
	(void)state;
	norm_is("e\xcc\x81", "\xc3\xa9");		/* e + U+0301 -> é */
	norm_is("e\xe2\x80\x8b\xcc\x81", "\xc3\xa9");	/* across a ZWSP */
	norm_is("\xe2\x84\xab", "\xc3\x85");		/* U+212B -> Å */
	/* A CJK compatibility ideograph becomes its unified one. */
	norm_is("\xef\xa4\x80", "\xe8\xb1\x88");	/* U+F900 -> U+8C48 */
	/* Text of only ideographs, CJK punctuation and ASCII is left as it
	 * is; a combining mark after it is not composed away. */
	norm_is("黄塘村，“路灯”。ABC\xef\xbc\x81", "黄塘村，“路灯”。ABC\xef\xbc\x81");
	norm_is("A\xcc\x80 黄", "\xc3\x80 黄");		/* A + U+0300 -> À */
	/* Trimmed after NFC too, blanks and joiners at both ends. */
	norm_is("\xe3\x80\x80" "e\xcc\x81 ", "\xc3\xa9");
	norm_is("\xe2\x80\x8d A\xcc\x80\xc2\xa0\xe2\x80\x8c", "\xc3\x80");
	norm_is(" \xf0\x9f\x98\x80 ", "\xf0\x9f\x98\x80");	/* U+1F600 */
	/* A composition exclusion grows: U+0958 -> U+0915 U+093C. */
	norm_is("\xe0\xa5\x98", "\xe0\xa4\x95\xe0\xa4\xbc");
}

static void
test_left_alone(void **state)
{
	size_t n;
	char *out;

	(void)state;
	/* Invalid UTF-8 and NUL bytes are copied as they are. */
	out = text_norm(" \xff ", 3, &n);
	assert_int_equal(n, 3);
	assert_memory_equal(out, " \xff ", 4);
	free(out);
	out = text_norm(" a\0b ", 5, &n);
	assert_int_equal(n, 5);
	assert_memory_equal(out, " a\0b ", 6);
	free(out);
	out = text_norm("abc", 0, &n);
	assert_int_equal(n, 0);
	assert_string_equal(out, "");
	free(out);
}

static void
test_separator(void **state)
{
	(void)state;
	assert_int_equal(text_has_separator("张三、李四"), 1);
	assert_int_equal(text_has_separator("张三；李四"), 1);
	assert_int_equal(text_has_separator("张三;李四"), 1);
	assert_int_equal(text_has_separator("张三,李四"), 0);
	assert_int_equal(text_has_separator("张三"), 0);
	assert_int_equal(text_has_separator(""), 0);
}

static void
test_visible(void **state)
{
	char *v;

	(void)state;
	v = text_visible("黄塘");
	assert_string_equal(v, "黄塘");
	free(v);
	v = text_visible("\xc2\xa0" "a\xe3\x80\x80" "b\xe2\x80\x8b\xef\xbb\xbf");
	assert_string_equal(v, "\\u00a0a\\u3000b\\u200b\\ufeff");
	free(v);
	v = text_visible("a\tb\x1b[0m\x7f\xc2\x85\xff");
	assert_string_equal(v, "a\\x09b\\x1b[0m\\x7f\\u0085\\xff");
	free(v);
	v = text_visible("");
	assert_string_equal(v, "");
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_invisible),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_left_alone),
		cmocka_unit_test(test_separator),
		cmocka_unit_test(test_visible),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
