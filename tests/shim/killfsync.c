/*
 * killfsync.c — a test-only LD_PRELOAD shim: the first fsync raises the
 * signal $KILLFSYNC (a number), as if the user pressed Ctrl-C or the
 * session ended just before a file being written was put in place.
 *
 * Build: cc -shared -fPIC -o killfsync.so tests/shim/killfsync.c
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

int
fsync(int fd)
{
	const char *s = getenv("KILLFSYNC");

	(void)fd;
	if (s != NULL && *s != '\0')
		raise(atoi(s));
	return 0;
}
