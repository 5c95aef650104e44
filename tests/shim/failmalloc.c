/*
 * failmalloc.c — a test-only LD_PRELOAD shim: the Nth call to malloc,
 * calloc or realloc (counted together, from the process's start) returns
 * NULL with errno ENOMEM, as on a machine out of memory; every other call
 * goes to the C library.  N comes from $FAILMALLOC_N (no N, or 0: nothing
 * fails).  On exit, when $FAILMALLOC_COUNT names a file, the number of
 * calls is written there, so that a test knows how many to try.
 *
 * Build: cc -shared -fPIC -o failmalloc.so tests/shim/failmalloc.c
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static unsigned long calls, fail_at;
static int ready;

static void
report(void)
{
	const char *path = getenv("FAILMALLOC_COUNT");
	char buf[32];
	int fd, n;

	if (path == NULL || (fd = open(path, O_WRONLY | O_CREAT | O_TRUNC,
	    0644)) == -1)
		return;
	n = snprintf(buf, sizeof buf, "%lu\n", calls);
	if (write(fd, buf, (size_t)n) != n)
		n = -1;
	close(fd);
}

/* 1 if this call is the one to fail. */
static int
fails(void)
{
	if (!ready) {
		const char *s = getenv("FAILMALLOC_N");

		ready = 1;
		fail_at = s ? strtoul(s, NULL, 10) : 0;
		if (getenv("FAILMALLOC_COUNT") != NULL)
			atexit(report);
	}
	if (++calls != fail_at || fail_at == 0)
		return 0;
	errno = ENOMEM;
	return 1;
}

void *
malloc(size_t n)
{
	return fails() ? NULL : __libc_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	return fails() ? NULL : __libc_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	if (p != NULL && n == 0)
		return __libc_realloc(p, n);
	return fails() ? NULL : __libc_realloc(p, n);
}
