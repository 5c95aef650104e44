/*
 * test_csvmap.c — mapping CSV headers (Chinese or English, any order),
 * splitting name lists, and the date forms of CSV cells, Excel serial
 * numbers included.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csvmap.h"
#include "sugfield.h"

static void
test_header_any_order_either_language(void **state)
{
	const struct csv_table *t = csv_table_find("suggestions");
	char *h[] = { " Title ", "编号", "RECEIVED_ON", "满意度" };
	int map[CSV_MAXCOLS];
	char *err = NULL;

	(void)state;
	assert_non_null(t);
	assert_int_equal(csv_map_header(t, h, 4, map, &err), 0);
	assert_int_equal(map[L_TITLE], 0);
	assert_int_equal(map[L_NUMBER], 1);
	assert_int_equal(map[L_RECEIVED], 2);
	assert_int_equal(map[L_RATING], 3);
	assert_int_equal(map[L_DEPT], -1);
}

static void
test_header_refusals(void **state)
{
	const struct csv_table *t = csv_table_find("suggestions");
	char *unknown[] = { "编号", "接收日期", "标题", "颜色" };
	char *twice[] = { "编号", "number", "接收日期", "标题" };
	char *missing[] = { "编号", "标题" };
	int map[CSV_MAXCOLS];
	char *err = NULL;

	(void)state;
	assert_int_equal(csv_map_header(t, unknown, 4, map, &err),
	    -1);
	assert_string_equal(err, "unknown header '颜色'");
	free(err);
	assert_int_equal(csv_map_header(t, twice, 4, map, &err),
	    -1);
	assert_string_equal(err, "header 'number' appears twice");
	free(err);
	assert_int_equal(csv_map_header(t, missing, 2, map, &err),
	    -1);
	assert_string_equal(err, "missing column '接收日期' (received_on)");
	free(err);
	assert_null(csv_table_find("people"));
}

static void
test_other_tables(void **state)
{
	char *h[] = { "接待代表", "日期", "联络站", "接待人次" };
	int map[CSV_MAXCOLS];
	char *err = NULL;

	(void)state;
	assert_int_equal(csv_map_header(csv_table_find("receptions"), h, 4,
	    map, &err), 0);
	assert_int_equal(map[R_DEPUTIES], 0);
	assert_int_equal(map[R_NOTE], -1);
	assert_int_equal(csv_table_find("deputies")->ncols, P_NCOLS);
}

static void
test_split_names(void **state)
{
	char s1[] = "陈大文、李小红;王五； 赵六 ;;";
	char s2[] = "";
	char *out[8];

	(void)state;
	assert_int_equal(csv_split_names(s1, out, 8), 4);
	assert_string_equal(out[0], "陈大文");
	assert_string_equal(out[1], "李小红");
	assert_string_equal(out[2], "王五");
	assert_string_equal(out[3], "赵六");
	assert_int_equal(csv_split_names(s2, out, 8), 0);
}

static void
test_list(void **state)
{
	char **v;
	size_t n;

	(void)state;
	/* Each name normalised (text_norm); empty ones dropped. */
	v = csv_list("陈大文、\xe3\x80\x80李小红\xe2\x80\x8b;王五； 赵六 ;;、",
	    &n);
	assert_int_equal(n, 4);
	assert_string_equal(v[0], "陈大文");
	assert_string_equal(v[1], "李小红");
	assert_string_equal(v[2], "王五");
	assert_string_equal(v[3], "赵六");
	csv_list_free(v, n);
	v = csv_list(NULL, &n);
	assert_int_equal(n, 0);
	csv_list_free(v, n);
	v = csv_list(" \xc2\xa0 ", &n);
	assert_int_equal(n, 0);
	csv_list_free(v, n);
	/* No limit on how many. */
	{
		char big[2000] = "";
		int i;

		for (i = 0; i < 200; i++)
			strcat(big, "a;");
		v = csv_list(big, &n);
		assert_int_equal(n, 200);
		csv_list_free(v, n);
	}
}

static void
test_header_normalised(void **state)
{
	char *bom[] = { "\xef\xbb\xbf编号", "received_on\xc2\xa0",
	    "\xe3\x80\x80标题" };
	char *zwj[] = { "num\xe2\x80\x8d" "ber" };
	char *tab[] = { "编号", "编号\t" };
	char *twice[] = { "编号", "number\xe2\x80\x8b", "标题", "接收日期" };
	int map[CSV_MAXCOLS];
	char *err = NULL;
	const struct csv_table *t = csv_table_find("suggestions");

	(void)state;
	assert_int_equal(csv_map_header(t, bom, 3, map, &err), 0);
	assert_int_equal(map[L_NUMBER], 0);
	assert_int_equal(map[L_RECEIVED], 1);
	assert_int_equal(map[L_TITLE], 2);
	assert_int_equal(csv_map_header(t, zwj, 1, map, &err), -1);
	assert_string_equal(err, "unknown header 'num\\u200dber'");
	free(err);
	assert_int_equal(csv_map_header(t, tab, 2, map, &err), -1);
	assert_string_equal(err, "unknown header '编号\\x09'");
	free(err);
	assert_int_equal(csv_map_header(t, twice, 4, map, &err),
	    -1);
	assert_string_equal(err, "header 'number' appears twice");
	free(err);
}

static void
test_dates(void **state)
{
	struct date d;
	char buf[11];

	(void)state;
	assert_int_equal(csv_date("44747", &d), 0);
	assert_string_equal(date_iso(d, buf), "2022-07-05");
	assert_int_equal(csv_date("2022年7月5日", &d), 0);
	assert_string_equal(date_iso(d, buf), "2022-07-05");
	assert_int_equal(csv_date("2022/7/5", &d), 0);
	assert_int_equal(csv_date("20220705", &d), 0);
	assert_int_equal(csv_date("2022-02-30", &d), -1);
	assert_int_equal(csv_date("44747.5", &d), -1);
	assert_int_equal(csv_date("", &d), -1);
}

static void
test_trim(void **state)
{
	char s[] = "  黄塘  ";
	char e[] = "   ";
	char w[] = "\xe3\x80\x80黄塘\xe2\x80\x8b";

	(void)state;
	assert_string_equal(csv_trim(s), "黄塘");
	assert_string_equal(csv_trim(e), "");
	assert_string_equal(csv_trim(w), "黄塘");
}

/* Issue 12 item 4: 备注 is a column of the ledger (the note), 序号 a
 * header read past, anything else unknown. */
static void
test_column_find(void **state)
{
	const struct csv_table *t = csv_table_find("suggestions");

	(void)state;
	assert_int_equal(csv_column_find(t, "备注"), L_NOTE);
	assert_int_equal(csv_column_find(t, "NOTE"), L_NOTE);
	assert_int_equal(csv_column_find(t, "编号"), L_NUMBER);
	assert_int_equal(csv_column_find(t, "序号"), -2);
	assert_int_equal(csv_column_find(t, "No"), -2);
	assert_int_equal(csv_column_find(t, "经办科室"), -1);
	assert_int_equal(csv_column_find(t, ""), -1);
	assert_int_equal(csv_column_find(csv_table_find("receptions"), "备注"),
	    R_NOTE);
	assert_int_equal(csv_column_find(csv_table_find("deputies"), "序号"),
	    -2);
}

/* 13.3: the ledger's columns and the suggestion's field table agree: a
 * field with a column is named by it (in English) as show names it, but
 * due (due_on); every field an import may change has its column. */
static void
test_fields(void **state)
{
	const struct csv_table *t = csv_table_find("suggestions");
	int f, c;

	(void)state;
	for (f = 0; f < SF_NFIELDS; f++) {
		c = sug_fields[f].column;
		if (sug_fields[f].flags & SF_EDITABLE)
			assert_true(c >= 0);
		if (c < 0)
			continue;
		assert_int_equal(sug_field_of_column(c), f);
		assert_string_equal(t->cols[c].en, f == SF_DUE ? "due_on" :
		    sug_fields[f].key);
	}
	assert_int_equal(sug_field_of_column(L_CO), -1);
	assert_int_equal(sug_field_of_column(L_NCOLS), -1);
	assert_string_equal(sug_fields[SF_RECEIVED].key, "received_on");
	assert_true(sug_fields[SF_PHONE].flags & SF_PERSONAL);
	assert_false(sug_fields[SF_TITLE].flags & SF_PERSONAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_any_order_either_language),
		cmocka_unit_test(test_header_refusals),
		cmocka_unit_test(test_other_tables),
		cmocka_unit_test(test_split_names),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_header_normalised),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_column_find),
		cmocka_unit_test(test_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
