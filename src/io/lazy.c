/*
 * lazy.c — shared libraries loaded when first needed (dlopen), so that
 * the commands that do not use them do not pay for loading them.
 */
#include <dlfcn.h>
#include <err.h>
#include <stddef.h>

#include "msg.h"
#include "xmalloc.h"
#include "lazy.h"

void *
lazy_open(const char *soname, const char *what)
{
	void *h;

	if ((h = dlopen(soname, RTLD_NOW | RTLD_LOCAL)) == NULL)
		warnx(_("%s needs the library %s, which cannot be loaded: %s"),
		    what, soname, dlerror());
	return h;
}

void *
lazy_sym(void *h, const char *soname, const char *name)
{
	void *p;

	dlerror();
	if ((p = dlsym(h, name)) == NULL)
		warnx(_("the library %s has no '%s': %s"), soname, name,
		    dlerror());
	return p;
}
