/*
 * test_similar.c — Dice's coefficient of character bigrams, on titles a
 * town's secretary writes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "similar.h"

static void
test_titles(void **state)
{
	(void)state;
	/* The same matter, said twice. */
	assert_int_equal(title_similarity("关于黄塘村路灯维修的建议",
	    "关于黄塘村路灯维修的建议"), 100);
	/* 黄塘村路灯维修 and 黄塘村路灯损坏: 黄塘 塘村 村路 路灯 shared, 4 of
	 * 6 and 6: 8 / 12. */
	assert_int_equal(title_similarity("关于黄塘村路灯维修的建议",
	    "关于黄塘村路灯损坏的建议"), 67);
	/* 关于 … 的建议 alone makes no likeness. */
	assert_int_equal(title_similarity("关于黄塘村路灯维修的建议",
	    "关于增设公交站的建议"), 0);
	/* Punctuation and spaces are not compared, and break a bigram
	 * (黄塘 塘村 路灯 against 黄塘 塘村 村路 路灯: 6 / 7); Latin case is
	 * not compared either. */
	assert_int_equal(title_similarity("黄塘村：路灯", "黄塘村路灯"), 86);
	assert_int_equal(title_similarity("G107 路口", "G107 路口"), 100);
	assert_int_equal(title_similarity("G107 路口", "g107 路口"), 100);
	/* Multisets: a bigram twice in one and once in the other counts
	 * once. 路灯路灯: 路灯 灯路 路灯; 路灯: 路灯. 2 × 1 / 4. */
	assert_int_equal(title_similarity("路灯路灯", "路灯"), 50);
}

static void
test_edges(void **state)
{
	struct bigrams b = { 0 };

	(void)state;
	assert_int_equal(title_similarity("", ""), 0);
	assert_int_equal(title_similarity("路", "路"), 0);
	assert_int_equal(title_similarity(NULL, "路灯"), 0);
	/* Invalid UTF-8 breaks a bigram, it is never read past. */
	assert_int_equal(title_similarity("路\xff灯", "路灯"), 0);
	bigrams_of("关于的建议", &b);
	assert_int_equal(b.n, 0);
	bigrams_of("河道清淤", &b);
	assert_int_equal(b.n, 3);
	bigrams_free(&b);
	assert_null(b.v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
