/*
 * test_tally.c — the state of a suggestion on the as-of date (13.5): the
 * one rule for "overdue", and replied, on time, closed and rated; and a
 * department's part in it (issue 14): signed, answered, its opinion, its
 * return, on 2023's calendar of Labour Day, and how the parts are counted.
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


/* 2023 劳动节 (国办发明电〔2022〕16号): 4/29 to 5/3 off; Sunday 4/23 and
 * Saturday 5/6 worked. */
static const struct cal_day labour[] = {
	{ 0, CAL_WORKDAY }, { 0, CAL_HOLIDAY }, { 0, CAL_HOLIDAY },
	{ 0, CAL_HOLIDAY }, { 0, CAL_HOLIDAY }, { 0, CAL_HOLIDAY },
	{ 0, CAL_WORKDAY },
};
static struct cal_day days[7];
static const char *const labour_days[7] = { "2023-04-23", "2023-04-29",
	"2023-04-30", "2023-05-01", "2023-05-02", "2023-05-03", "2023-05-06" };

static struct part_limits
limits(void)
{
	static struct calendar cal;
	struct part_limits l;
	struct date x;
	int i;

	memset(&l, 0, sizeof l);
	for (i = 0; i < 7; i++) {
		assert_int_equal(date_parse(labour_days[i], 0, &x), 0);
		days[i].day = date_to_days(x);
		days[i].kind = labour[i].kind;
	}
	cal.v = days;
	cal.n = 7;
	l.cal = &cal;
	l.sign_workdays = l.return_workdays = l.route_workdays = 7;
	l.co_due_months = 1;
	return l;
}

static void
test_routed(void **state)
{
	struct part_limits l = limits();

	(void)state;
	/* Received Thursday 4/20: 4/21, 4/23 (worked), 4/24 … 4/28. */
	assert_int_equal(asof_routed_on_time("2023-04-20", "2023-04-28", &l),
	    1);
	assert_int_equal(asof_routed_on_time("2023-04-20", "2023-04-29", &l),
	    0);
	/* Received 4/26: the week off (and Saturday 5/6 worked) puts the
	 * seventh day on 5/9. */
	assert_int_equal(asof_routed_on_time("2023-04-26", "2023-05-09", &l),
	    1);
	assert_int_equal(asof_routed_on_time("2023-04-26", "2023-05-10", &l),
	    0);
	assert_int_equal(asof_routed_on_time("2023-04-26", NULL, &l), 0);
	/* Routed on the day received. */
	assert_int_equal(asof_routed_on_time("2023-04-26", "2023-04-26", &l),
	    1);
}

static void
test_part(void **state)
{
	struct part_limits l = limits();
	struct part_in in;
	struct rep_part p;

	(void)state;
	/* A lead routed Monday 4/24: its seventh working day is Saturday
	 * 5/6. */
	memset(&in, 0, sizeof in);
	in.lead = 1;
	in.assigned_on = "2023-04-24";
	in.signed_on = "2023-05-06";
	in.first_reply = in.last_reply = "2023-06-10";
	in.due_at_reply = "2023-07-24";
	asof_part(&in, &l, "2023-06-30", &p);
	assert_true(p.lead && p.live && p.is_signed && p.signed_on_time);
	assert_true(p.answered && p.answered_on_time && p.answered_now);
	assert_false(p.opinion_late || p.opinion_given || p.returned_late);
	/* Signed on Monday 5/8: late. Rated after its reply: not answered
	 * since. A reply after its deadline is not on time. */
	in.signed_on = "2023-05-08";
	in.since_rating = "2023-06-12";
	in.due_at_reply = "2023-06-09";
	asof_part(&in, &l, "2023-06-30", &p);
	assert_true(p.is_signed && p.answered);
	assert_false(p.signed_on_time || p.answered_on_time ||
	    p.answered_now);
	/* Not signed, not answered. */
	memset(&in, 0, sizeof in);
	in.lead = 1;
	in.assigned_on = "2023-04-24";
	asof_part(&in, &l, "2023-06-30", &p);
	assert_false(p.is_signed || p.signed_on_time || p.answered ||
	    p.answered_now);
	/* Returned on 5/6, the last day; on 5/8, a day late. */
	in.ended_on = "2023-05-06";
	asof_part(&in, &l, "2023-06-30", &p);
	assert_false(p.live || p.returned_late);
	in.ended_on = "2023-05-08";
	asof_part(&in, &l, "2023-06-30", &p);
	assert_true(p.returned_late);
	/* A co-handler routed 1/31: its opinion is due 2/28 (month end). */
	memset(&in, 0, sizeof in);
	in.assigned_on = "2023-01-31";
	asof_part(&in, &l, "2023-02-28", &p);
	assert_false(p.lead || p.answered || p.opinion_given ||
	    p.opinion_late);
	asof_part(&in, &l, "2023-03-01", &p);
	assert_true(p.opinion_late);
	assert_false(p.opinion_given);
	in.first_opinion = "2023-02-28";
	asof_part(&in, &l, "2023-03-31", &p);
	assert_true(p.opinion_given);
	assert_false(p.opinion_late);
	in.first_opinion = "2023-03-01";
	asof_part(&in, &l, "2023-03-31", &p);
	assert_true(p.opinion_given && p.opinion_late);
	/* A co-handler's reply is no answer: it owes none. */
	in.first_reply = in.last_reply = "2023-02-01";
	asof_part(&in, &l, "2023-03-31", &p);
	assert_false(p.answered);
}

/* Two leads and a co-handler: 件次 by department; the suggestion once. */
static void
test_tally_parts(void **state)
{
	struct rep_part parts[4] = {
		{ .dept = "规划", .lead = 1, .live = 1, .is_signed = 1,
		    .signed_on_time = 1, .answered = 1,
		    .answered_on_time = 1, .answered_now = 1 },
		{ .dept = "交通", .lead = 1, .live = 1, .is_signed = 1 },
		{ .dept = "社会", .live = 1, .opinion_given = 1,
		    .opinion_late = 1 },
		{ .dept = "交通", .lead = 1, .returned_late = 1 },
	};
	struct rep_row r;
	struct tally t;
	struct rep_named *d;

	(void)state;
	memset(&r, 0, sizeof r);
	r.number = "2023-0001";
	r.title = "修路";
	r.source = 0;
	r.assigned = 1;
	r.overdue = 1;
	r.routed = 1;
	r.status = ST_ASSIGNED;
	r.cls = r.rating = -1;
	r.parts = parts;
	r.nparts = 4;
	tally_init(&t);
	tally_add(&t, &r);
	r.number = "2023-0002";
	r.status = ST_NOT_ACCEPTED;
	r.assigned = r.overdue = r.routed = 0;
	r.nparts = 0;
	tally_add(&t, &r);
	tally_finish(&t);
	assert_int_equal(t.received, 2);
	assert_int_equal(t.not_accepted, 1);
	assert_int_equal(t.assigned, 1);
	assert_int_equal(t.routed, 1);
	assert_int_equal(t.routed_on_time, 0);
	assert_int_equal(t.answers_owed, 2);
	assert_int_equal(t.answers_given, 1);
	assert_int_equal(t.sign_owed, 3);
	assert_int_equal(t.is_signed, 2);
	assert_int_equal(t.signed_on_time, 1);
	assert_int_equal(t.opinions_owed, 1);
	assert_int_equal(t.opinions_given, 1);
	assert_int_equal(t.opinions_late, 1);
	assert_int_equal(t.returns_late, 1);
	assert_int_equal(t.departments.len, 2);
	d = &t.departments.v[1];
	assert_string_equal(d->name, "交通");
	/* Overdue counts against the lead still to answer only. */
	assert_int_equal(d->n[DEP_ASSIGNED], 1);
	assert_int_equal(d->n[DEP_REPLIED], 0);
	assert_int_equal(d->n[DEP_OVERDUE], 1);
	assert_int_equal(t.departments.v[0].n[DEP_OVERDUE], 0);
	assert_int_equal(t.routing.len, 3);
	assert_int_equal(t.routing.v[1].n[ROUTE_RETURNED_LATE], 1);
	assert_int_equal(t.routing.v[1].n[ROUTE_OWED], 1);
	assert_int_equal(tally_rate(&t, RATE_SIGNED).num, 2);
	assert_int_equal(tally_rate(&t, RATE_SIGNED).den, 3);
	assert_int_equal(tally_rate(&t, RATE_SIGNED_ON_TIME).den, 2);
	assert_int_equal(tally_rate(&t, RATE_ROUTED_ON_TIME).den, 1);
	tally_free(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overdue),
		cmocka_unit_test(test_overdue_key),
		cmocka_unit_test(test_due_within),
		cmocka_unit_test(test_state),
		cmocka_unit_test(test_routed),
		cmocka_unit_test(test_part),
		cmocka_unit_test(test_tally_parts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
