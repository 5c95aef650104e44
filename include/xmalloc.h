/*
 * xmalloc.h — memory (xmalloc.c): each function allocates or, out of
 * memory, prints one line ("jianyi: out of memory") and exits 3, a failure
 * and not a refusal. xnomem is that exit, for the allocations of
 * libraries (cJSON, open_memstream, vasprintf).
 */
#ifndef JIANYI_XMALLOC_H
#define JIANYI_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void xnomem(void) __attribute__((noreturn));
void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
void *xreallocarray(void *, size_t, size_t);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
int xasprintf(char **, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int xvasprintf(char **, const char *fmt, va_list)
    __attribute__((format(printf, 2, 0)));

#endif
