/*
 * fuzzlib.h — what the fuzz harnesses share: the real standard error (the
 * harnesses quiet jianyi's own), reading a file whole, and the statements
 * of tests/stress/invariants.sql.
 */
#ifndef FUZZLIB_H
#define FUZZLIB_H

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* The real standard error, unbuffered, and the harness's name. */
extern FILE       *fuzz_err;
extern const char *fuzz_name;

/* A failed check: the message on the real standard error, then abort. */
#define CHECK(c, ...) do { if (!(c)) {					\
	fprintf(fuzz_err, "%s: ", fuzz_name);				\
	fprintf(fuzz_err, __VA_ARGS__);					\
	fputc('\n', fuzz_err); abort(); } } while (0)

/* Sets fuzz_err and fuzz_name; first thing in LLVMFuzzerInitialize. */
void fuzz_init(const char *name);

/* The file's bytes, NUL-terminated (caller frees); *len when len is set.
 * Aborts when it cannot be read. */
char *fuzz_slurp(const char *path, size_t *len);

/* The statements of tests/stress/invariants.sql (each ends with ";\n"),
 * read once; each must return no row. Sets *n. */
const char *const *fuzz_invariants(int *n);

#endif
