/*
 * test_vocab.c — the lifecycle's transition table and the vocabularies'
 * Chinese forms.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "jianyi.h"
#include "vocab.h"

static void
test_transitions(void **state)
{
	(void)state;
	/* registered: only assign and withdraw. */
	assert_true(lifecycle_allows(ST_REGISTERED, ACT_ASSIGN));
	assert_true(lifecycle_allows(ST_REGISTERED, ACT_WITHDRAW));
	assert_false(lifecycle_allows(ST_REGISTERED, ACT_REPLY));
	assert_false(lifecycle_allows(ST_REGISTERED, ACT_RATE));
	assert_false(lifecycle_allows(ST_REGISTERED, ACT_CLOSE));
	/* assigned: return, contact, extend, reply; not assign or rate. */
	assert_true(lifecycle_allows(ST_ASSIGNED, ACT_RETURN));
	assert_true(lifecycle_allows(ST_ASSIGNED, ACT_EXTEND));
	assert_true(lifecycle_allows(ST_ASSIGNED, ACT_REPLY));
	assert_false(lifecycle_allows(ST_ASSIGNED, ACT_ASSIGN));
	assert_false(lifecycle_allows(ST_ASSIGNED, ACT_RATE));
	/* replied: rate or close; no second reply until rehandling. */
	assert_true(lifecycle_allows(ST_REPLIED, ACT_RATE));
	assert_true(lifecycle_allows(ST_REPLIED, ACT_CLOSE));
	assert_false(lifecycle_allows(ST_REPLIED, ACT_REPLY));
	assert_false(lifecycle_allows(ST_REPLIED, ACT_EXTEND));
	/* rehandling behaves like assigned. */
	assert_true(lifecycle_allows(ST_REHANDLING, ACT_REPLY));
	assert_true(lifecycle_allows(ST_REHANDLING, ACT_EXTEND));
	assert_false(lifecycle_allows(ST_REHANDLING, ACT_RATE));
	/* closed and withdrawn are final. */
	for (int a = ACT_ASSIGN; a <= ACT_WITHDRAW; a++) {
		assert_false(lifecycle_allows(ST_CLOSED, a));
		assert_false(lifecycle_allows(ST_WITHDRAWN, a));
	}
	assert_true(status_running(ST_ASSIGNED));
	assert_true(status_running(ST_REHANDLING));
	assert_false(status_running(ST_REPLIED));
}

static void
test_ratings(void **state)
{
	(void)state;
	assert_int_equal(status_after_rating(vocab_find(vocab_rating,
	    "satisfied")), ST_CLOSED);
	assert_int_equal(status_after_rating(vocab_find(vocab_rating,
	    "基本满意")), ST_CLOSED);
	assert_int_equal(status_after_rating(vocab_find(vocab_rating,
	    "不满意")), ST_REHANDLING);
}

static void
test_words(void **state)
{
	(void)state;
	assert_int_equal(vocab_find(vocab_source, "接待"), 0);
	assert_int_equal(vocab_find(vocab_source, "人代会"), 1);
	assert_int_equal(vocab_find(vocab_source, "online"), 3);
	/* ASCII keys in any case: --class a, --source Reception. */
	assert_int_equal(vocab_find(vocab_source, "Reception"), 0);
	assert_int_equal(vocab_find(vocab_source, "ONLINE"), 3);
	assert_int_equal(vocab_find(vocab_class, "a"), 0);
	assert_int_equal(vocab_find(vocab_class, "d"), 3);
	assert_int_equal(vocab_find(vocab_class, "a类"), -1);
	assert_int_equal(vocab_find(vocab_source, "receptio"), -1);
	assert_int_equal(vocab_find(vocab_source, "receptionx"), -1);
	assert_int_equal(vocab_find(vocab_kind, "视察"), 1);
	assert_int_equal(vocab_find(vocab_level, "区"), 1);
	assert_int_equal(vocab_find(vocab_class, "C"), 2);
	assert_int_equal(vocab_find(vocab_class, "E"), -1);
	assert_int_equal(vocab_find(vocab_status, NULL), -1);
	assert_string_equal(vocab_keys(vocab_rating),
	    "satisfied|basic|unsatisfied");
	assert_string_equal(vocab_label(vocab_status, "nonsense"), "nonsense");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_transitions),
		cmocka_unit_test(test_ratings),
		cmocka_unit_test(test_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
