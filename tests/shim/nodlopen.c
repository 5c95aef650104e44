/*
 * nodlopen.c — a test-only LD_PRELOAD shim: dlopen of a library whose
 * name contains $NODLOPEN fails as if the library were not installed (the
 * real dlopen is asked for a name that does not exist, so that dlerror
 * says why), as on a desktop without libedit or libxlsxwriter.
 *
 * Build: cc -shared -fPIC -o nodlopen.so tests/shim/nodlopen.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

void *
dlopen(const char *name, int flags)
{
	static void *(*real)(const char *, int);
	const char *hide = getenv("NODLOPEN");

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "dlopen");
	if (name != NULL && hide != NULL && *hide != '\0' &&
	    strstr(name, hide) != NULL)
		name = "libjianyi-not-installed.so.0";
	return real(name, flags);
}
