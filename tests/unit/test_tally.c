/*
 * test_tally.c — the state of a suggestion on the as-of date (13.5): the
 * one rule for "overdue", and replied, on time, closed and rated.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "tally.h"

static void
test_overdue(void **state)
{
	long days = -1;

	(void)state;
	/* A deadline runs only while assigned or rehandling. */
	assert_int_equal(asof_overdue(ST_ASSIGNED, "2023-02-28", "2023-03-01",
	    &days), 1);
	assert_int_equal(days, 1);
	assert_int_equal(asof_overdue(ST_REHANDLING, "2023-01-31",
	    "2023-03-31", &days), 1);
	assert_int_equal(days, 59);
	/* Over a leap day. */
	assert_int_equal(asof_overdue(ST_ASSIGNED, "2024-02-28", "2024-03-01",
	    &days), 1);
	assert_int_equal(days, 2);
	/* On the deadline itself: not yet. */
	assert_int_equal(asof_overdue(ST_ASSIGNED, "2023-03-31", "2023-03-31",
	    &days), 0);
	assert_int_equal(days, 0);
	assert_int_equal(asof_overdue(ST_REPLIED, "2023-01-31", "2023-03-31",
	    &days), 0);
	assert_int_equal(asof_overdue(ST_CLOSED, "2023-01-31", "2023-03-31",
	    &days), 0);
	assert_int_equal(asof_overdue(ST_WITHDRAWN, "2023-01-31",
	    "2023-03-31", &days), 0);
	assert_int_equal(asof_overdue(ST_REGISTERED, "2023-01-31",
	    "2023-03-31", &days), 0);
	/* No deadline; one that is not a date is overdue by no known days;
	 * no days wanted. */
	assert_int_equal(asof_overdue(ST_ASSIGNED, NULL, "2023-03-31", &days),
	    0);
	assert_int_equal(asof_overdue(ST_ASSIGNED, "2023-02-30", "2023-03-31",
	    &days), 1);
	assert_int_equal(days, 0);
	assert_int_equal(asof_overdue(ST_ASSIGNED, "2023-02-28", "2023-03-31",
	    NULL), 1);
	assert_int_equal(asof_overdue(-1, "2023-01-31", "2023-03-31", &days),
	    0);
}

/* The SQL function's entry, by the status's key, says what asof_overdue
 * says for every status and date; an unknown or missing key is never
 * overdue. */
static void
test_overdue_key(void **state)
{
	static const char *const dues[] = { "2023-02-28", "2023-03-31",
	    "2023-04-01", "2023-02-30", NULL };
	int st;
	size_t d;

	(void)state;
	for (st = 0; vocab_status[st].key != NULL; st++) {
		assert_int_equal(status_key_running(vocab_status[st].key),
		    status_running(st));
		for (d = 0; d < sizeof dues / sizeof dues[0]; d++)
			assert_int_equal(asof_overdue_key(vocab_status[st].key,
			    dues[d], "2023-03-31"), asof_overdue(st, dues[d],
			    "2023-03-31", NULL));
	}
	assert_int_equal(asof_overdue_key(NULL, "2023-01-01", "2023-03-31"),
	    0);
	assert_int_equal(asof_overdue_key("frozen", "2023-01-01",
	    "2023-03-31"), 0);
	assert_int_equal(asof_overdue_key("assigned", "2023-01-01", NULL), 0);
}

/* remind: due from as_of to as_of + within, still to be answered. */
static void
test_due_within(void **state)
{
	long days = -1;

	(void)state;
	assert_int_equal(asof_due_within(ST_ASSIGNED, "2023-03-31",
	    "2023-03-31", 7, &days), 1);
	assert_int_equal(days, 0);
	assert_int_equal(asof_due_within(ST_REHANDLING, "2023-04-07",
	    "2023-03-31", 7, &days), 1);
	assert_int_equal(days, 7);
	assert_int_equal(asof_due_within(ST_ASSIGNED, "2023-04-08",
	    "2023-03-31", 7, &days), 0);
	/* Across a month's end and a leap day. */
	assert_int_equal(asof_due_within(ST_ASSIGNED, "2024-03-01",
	    "2024-02-28", 2, &days), 1);
	assert_int_equal(days, 2);
	/* Overdue is overdue's, not remind's. */
	assert_int_equal(asof_due_within(ST_ASSIGNED, "2023-03-30",
	    "2023-03-31", 7, &days), 0);
	assert_int_equal(asof_due_within(ST_REPLIED, "2023-04-01",
	    "2023-03-31", 7, &days), 0);
	assert_int_equal(asof_due_within(ST_CLOSED, "2023-04-01",
	    "2023-03-31", 7, &days), 0);
	assert_int_equal(asof_due_within(ST_ASSIGNED, NULL, "2023-03-31", 7,
	    &days), 0);
	assert_int_equal(asof_due_within(ST_ASSIGNED, "2023-04-31",
	    "2023-03-31", 70, &days), 0);
	assert_int_equal(asof_due_within(ST_ASSIGNED, "2023-04-01",
	    "2023-03-31", 0, &days), 0);
}

static void
test_state(void **state)
{
	struct asof_in in;
	struct rep_row r;

	(void)state;
	/* Replied on the deadline in force that day: on time. */
	memset(&r, 0, sizeof r);
	in = (struct asof_in){ ST_REPLIED, "2023-03-31", "2023-03-31",
	    "2023-03-31", 1, -1 };
	asof_state(&in, "2023-04-30", &r);
	assert_true(r.assigned && r.replied && r.on_time);
	assert_false(r.closed || r.rated || r.overdue);
	assert_int_equal(r.cls, 1);
	assert_int_equal(r.rating, -1);
	/* A day late, against the deadline of that day, though the deadline
	 * was extended afterwards. */
	in = (struct asof_in){ ST_CLOSED, "2023-06-30", "2023-04-01",
	    "2023-03-31", 0, 0 };
	asof_state(&in, "2023-07-31", &r);
	assert_true(r.replied && r.closed && r.rated);
	assert_false(r.on_time || r.overdue);
	assert_string_equal(r.due, "2023-06-30");
	/* Rated unsatisfied: rehandling, past its new deadline. */
	in = (struct asof_in){ ST_REHANDLING, "2023-05-31", "2023-03-01",
	    "2023-03-31", 2, 2 };
	asof_state(&in, "2023-06-02", &r);
	assert_true(r.replied && r.on_time && r.rated && r.overdue);
	assert_int_equal(r.days_overdue, 2);
	/* Registered: not assigned, nothing else. */
	in = (struct asof_in){ ST_REGISTERED, NULL, NULL, NULL, -1, -1 };
	asof_state(&in, "2023-06-02", &r);
	assert_false(r.assigned || r.replied || r.on_time || r.closed ||
	    r.rated || r.overdue);
	/* A reply without a deadline in force is not on time. */
	in = (struct asof_in){ ST_REPLIED, NULL, "2023-03-01", NULL, 3, -1 };
	asof_state(&in, "2023-06-02", &r);
	assert_true(r.assigned && r.replied);
	assert_false(r.on_time);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overdue),
		cmocka_unit_test(test_overdue_key),
		cmocka_unit_test(test_due_within),
		cmocka_unit_test(test_state),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
