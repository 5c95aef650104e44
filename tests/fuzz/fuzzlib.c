/*
 * fuzzlib.c — what the fuzz harnesses share (fuzzlib.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzzlib.h"

#define MAXCHECKS 64

FILE       *fuzz_err;
const char *fuzz_name = "fuzz";

void
fuzz_init(const char *name)
{
	fuzz_name = name;
	if ((fuzz_err = fdopen(dup(2), "w")) == NULL)
		abort();
	setvbuf(fuzz_err, NULL, _IONBF, 0);
}

char *
fuzz_slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	CHECK(fp != NULL && fseek(fp, 0, SEEK_END) == 0 &&
	    (n = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
	    (buf = malloc(n + 1)) != NULL &&
	    fread(buf, 1, n, fp) == (size_t)n, "cannot read %s", path);
	fclose(fp);
	buf[n] = '\0';
	if (len != NULL)
		*len = n;
	return buf;
}

const char *const *
fuzz_invariants(int *n)
{
	static const char *checks[MAXCHECKS];
	static int nchecks = -1;
	char *p, *semi;

	if (nchecks == -1) {
		nchecks = 0;
		p = fuzz_slurp(FUZZ_TOP "/tests/stress/invariants.sql", NULL);
		for (; (semi = strstr(p, ";\n")) != NULL; p = semi + 2) {
			semi[1] = '\0';
			CHECK(nchecks < MAXCHECKS, "invariants.sql: more than %d "
			    "statements", MAXCHECKS);
			checks[nchecks++] = p;
		}
		CHECK(nchecks > 0, "invariants.sql has no statement");
	}
	*n = nchecks;
	return checks;
}
