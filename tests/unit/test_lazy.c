/*
 * test_lazy.c — libraries loaded when first needed: a library or a symbol
 * that is not there gives NULL and one line on stderr naming it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "jianyi.h"
#include "lazy.h"

/* Runs f with stderr sent to a file; returns what it wrote. */
static char *
stderr_of(void *(*f)(void), void **ret)
{
	static char buf[1024];
	FILE *tmp = tmpfile();
	int saved = dup(2);
	size_t n;

	assert_non_null(tmp);
	fflush(stderr);
	dup2(fileno(tmp), 2);
	*ret = f();
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	n = fread(buf, 1, sizeof buf - 1, tmp);
	buf[n] = '\0';
	fclose(tmp);
	return buf;
}

static void *
open_missing(void)
{
	return lazy_open("libjianyi-no-such.so.0", "Excel output");
}

static void *
sym_missing(void)
{
	void *h = lazy_open("libc.so.6", "test");

	assert_non_null(h);
	return lazy_sym(h, "libc.so.6", "jianyi_no_such_symbol");
}

static void *
sym_present(void)
{
	return lazy_sym(lazy_open("libc.so.6", "test"), "libc.so.6", "strlen");
}

static void
test_missing_library(void **state)
{
	void *h;
	const char *err;

	(void)state;
	err = stderr_of(open_missing, &h);
	assert_null(h);
	assert_non_null(strstr(err, "Excel output needs the library "
	    "libjianyi-no-such.so.0, which cannot be loaded: "));
	assert_int_equal(strchr(err, '\n') - err + 1, (long)strlen(err));
}

static void
test_missing_symbol(void **state)
{
	void *p;
	const char *err;

	(void)state;
	err = stderr_of(sym_missing, &p);
	assert_null(p);
	assert_non_null(strstr(err, "the library libc.so.6 has no "
	    "'jianyi_no_such_symbol': "));
	assert_int_equal(strchr(err, '\n') - err + 1, (long)strlen(err));
}

static void
test_present_symbol(void **state)
{
	void *p;

	(void)state;
	assert_string_equal(stderr_of(sym_present, &p), "");
	assert_non_null(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_library),
		cmocka_unit_test(test_missing_symbol),
		cmocka_unit_test(test_present_symbol),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
