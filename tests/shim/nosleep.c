/*
 * nosleep.c — a test-only LD_PRELOAD shim: usleep and nanosleep return at
 * once.  SQLite's busy handler counts the delays it asks for, not the
 * time that passes, so a 30-second busy timeout runs out in a moment:
 * a test of a busy database need not wait.
 *
 * Build: cc -shared -fPIC -o nosleep.so tests/shim/nosleep.c
 */
#include <time.h>
#include <unistd.h>

int
usleep(useconds_t us)
{
	(void)us;
	return 0;
}

int
nanosleep(const struct timespec *req, struct timespec *rem)
{
	(void)req;
	if (rem != NULL)
		rem->tv_sec = rem->tv_nsec = 0;
	return 0;
}
