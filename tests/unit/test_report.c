/*
 * test_report.c — the rates of a report on small crafted databases (in
 * memory), each checked against figures worked out by hand: rehandling,
 * withdrawal, extensions, a reply on the due date, and what --as-of sees.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db.h"
#include "domain.h"
#include "report.h"

static struct cmd_ctx ctx = { ":memory:", { 2023, 12, 31 }, "test", 0 };

static struct date
d(const char *s)
{
	struct date x;

	assert_int_equal(date_parse(s, 0, &x), 0);
	return x;
}

static struct db *
town(void)
{
	struct db *db;
	int refused;

	db = db_open(":memory:", DB_CREATE, &refused);
	assert_non_null(db);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(station_add(db, &ctx, "黄塘", NULL), CMD_OK);
	assert_int_equal(dept_add(db, &ctx, "规划建设办"), CMD_OK);
	assert_int_equal(dept_add(db, &ctx, "交通运输办"), CMD_OK);
	return db;
}

/* Registers and assigns a suggestion received on day, due 3 months on. */
static void
routed(struct db *db, const char *received, const char *assigned,
    const char *dept, char *number)
{
	struct sug_new n = { .title = "标题", .station = "黄塘" };
	struct sug_assign a = { .leads = &dept, .nleads = 1 };
	char *num;

	n.received = d(received);
	a.date = d(assigned);
	assert_int_equal(sug_add(db, &ctx, &n, &num), CMD_OK);
	snprintf(number, 40, "%s", num);	/* YYYY-NNNN */
	free(num);
	assert_int_equal(sug_assign(db, &ctx, number, &a), CMD_OK);
}

static void
report(struct db *db, struct report *rp, const char *from, const char *to,
    const char *as_of)
{
	memset(rp, 0, sizeof *rp);
	assert_int_equal(report_load(db, rp, from, to, as_of, 0), CMD_OK);
}

static void
check_rate(const struct tally *t, enum rate_key k, long num, long den)
{
	struct rate r = tally_rate(t, k);

	assert_int_equal(r.num, num);
	assert_int_equal(r.den, den);
}

/* Three routed, two replied (one late), one rated unsatisfied then
 * satisfied after rehandling, one withdrawn. */
static void
test_rates_by_hand(void **state)
{
	struct db *db = town();
	struct report rp;
	char n1[40], n2[40], n3[40], n4[40];

	(void)state;
	routed(db, "2023-01-05", "2023-01-10", "规划建设办", n1); /* due 04-10 */
	routed(db, "2023-01-06", "2023-01-10", "交通运输办", n2);
	routed(db, "2023-01-07", "2023-01-10", "交通运输办", n3);
	routed(db, "2023-01-08", "2023-01-10", "交通运输办", n4);
	/* n1: reply B on the due date itself (on time), unsatisfied,
	 * rehandled, reply A, satisfied: the latest class and rating count. */
	assert_int_equal(sug_contact(db, &ctx, n1, "规划建设办",
	    d("2023-02-01"), "visit", NULL), CMD_OK);
	assert_int_equal(sug_reply(db, &ctx, n1, "规划建设办", "B",
	    d("2023-04-10"), NULL), CMD_OK);
	assert_int_equal(sug_rate(db, &ctx, n1, "unsatisfied",
	    d("2023-04-12"), NULL), CMD_OK);
	assert_int_equal(sug_reply(db, &ctx, n1, "规划建设办", "A",
	    d("2023-05-01"), NULL), CMD_OK);
	assert_int_equal(sug_rate(db, &ctx, n1, "satisfied",
	    d("2023-05-03"), NULL), CMD_OK);
	/* n2: replied C one day late; rated basic. */
	assert_int_equal(sug_reply(db, &ctx, n2, "交通运输办", "C",
	    d("2023-04-11"), NULL), CMD_OK);
	assert_int_equal(sug_rate(db, &ctx, n2, "basic", d("2023-04-20"),
	    NULL), CMD_OK);
	/* n3: extended, then replied after the first deadline but within
	 * the extension: on time. Not rated. */
	assert_int_equal(sug_extend(db, &ctx, n3, d("2023-05-31"), "reason",
	    d("2023-04-01"), "镇长"), CMD_OK);
	assert_int_equal(sug_reply(db, &ctx, n3, "交通运输办", "A",
	    d("2023-05-20"), NULL), CMD_OK);
	/* n4: withdrawn: out of every rate. */
	assert_int_equal(sug_withdraw(db, &ctx, n4, "reason",
	    d("2023-02-01"), 0), CMD_OK);
	assert_int_equal(db_commit(db), 0);

	report(db, &rp, "2023-01-01", "2023-01-31", "2023-12-31");
	assert_int_equal(rp.cohort.received, 3);
	check_rate(&rp.cohort, RATE_REPLY, 3, 3);
	check_rate(&rp.cohort, RATE_ON_TIME, 2, 3);
	check_rate(&rp.cohort, RATE_CLOSURE, 2, 3);
	check_rate(&rp.cohort, RATE_RESOLUTION, 2, 3);
	check_rate(&rp.cohort, RATE_CONTACT, 1, 3);
	check_rate(&rp.cohort, RATE_SATISFIED, 1, 2);
	check_rate(&rp.cohort, RATE_SAT_OR_BASIC, 2, 2);
	assert_int_equal(rate_tenths(tally_rate(&rp.cohort, RATE_ON_TIME)),
	    667);
	assert_int_equal(rp.cohort.classes[0], 2);
	assert_int_equal(rp.cohort.classes[2], 1);
	assert_int_equal(rp.cohort.rehandled, 1);
	report_free(&rp);

	/* As of 2023-04-15: n1 is in rehandling (due 05-12), n2 replied, n3
	 * assigned with its extension in force; nothing later counts. */
	report(db, &rp, "2023-01-01", "2023-01-31", "2023-04-15");
	check_rate(&rp.cohort, RATE_REPLY, 2, 3);
	check_rate(&rp.cohort, RATE_CLOSURE, 0, 3);
	check_rate(&rp.cohort, RATE_SATISFIED, 0, 1);
	check_rate(&rp.cohort, RATE_SAT_OR_BASIC, 0, 1);
	assert_int_equal(rp.cohort.overdue, 0);
	report_free(&rp);

	/* As of 2023-04-11 n3 is past its first deadline (04-10), but the
	 * extension set on 04-01 is in force: not overdue. */
	report(db, &rp, "2023-01-01", "2023-01-31", "2023-04-11");
	assert_int_equal(rp.cohort.overdue, 0);
	report_free(&rp);
	/* As of 2023-01-31 n4 is not yet withdrawn and nothing is replied. */
	report(db, &rp, "2023-01-01", "2023-01-31", "2023-01-31");
	assert_int_equal(rp.cohort.replied, 0);
	assert_int_equal(rp.cohort.received, 4);
	report_free(&rp);
	db_close(db);
}

static void
test_overdue_and_empty(void **state)
{
	struct db *db = town();
	struct report rp;
	char n1[40];

	(void)state;
	routed(db, "2022-11-30", "2022-11-30", "规划建设办", n1);
	assert_int_equal(db_commit(db), 0);
	/* Due 2023-02-28 (month end clamped): overdue from 03-01. */
	report(db, &rp, "2022-11-01", "2022-11-30", "2023-02-28");
	assert_int_equal(rp.cohort.overdue, 0);
	report_free(&rp);
	report(db, &rp, "2022-11-01", "2022-11-30", "2023-03-10");
	assert_int_equal(rp.cohort.overdue, 1);
	assert_int_equal(rp.cohort.noverdue, 1);
	assert_int_equal(rp.cohort.overdue_list[0].days_overdue, 10);
	assert_string_equal(rp.cohort.overdue_list[0].due, "2023-02-28");
	check_rate(&rp.cohort, RATE_REPLY, 0, 1);
	assert_int_equal(rate_tenths(tally_rate(&rp.cohort, RATE_ON_TIME)),
	    -1);
	report_free(&rp);
	/* An empty period: every denominator 0, every percentage null. */
	report(db, &rp, "2021-01-01", "2021-12-31", "2021-12-31");
	assert_int_equal(rp.cohort.received, 0);
	for (int k = 0; k < NRATES; k++)
		assert_int_equal(rate_tenths(tally_rate(&rp.cohort, k)), -1);
	report_free(&rp);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rates_by_hand),
		cmocka_unit_test(test_overdue_and_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
