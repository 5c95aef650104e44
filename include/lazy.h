/*
 * lazy.h — shared libraries loaded when first needed. libxlsxwriter (with
 * libcrypto and minizip) and libedit, linked in, cost every command about
 * 4 ms of start-up; only `report --format xlsx` and the prompts use them.
 */
#ifndef JIANYI_LAZY_H
#define JIANYI_LAZY_H

/*
 * Loads the library soname once. Returns its handle, or NULL after one
 * line on stderr naming what for (a short phrase: "Excel output").
 */
void *lazy_open(const char *soname, const char *what);

/*
 * The address of name in the library h; NULL after one line on stderr.
 * Assign a function pointer through a cast of its address, as dlsym(3)
 * shows: *(void **)&fp = lazy_sym(...).
 */
void *lazy_sym(void *h, const char *soname, const char *name);

#endif
