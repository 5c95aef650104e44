/*
 * check.h — checks of user values (check.c); each prints one line and
 * returns -1 on error.
 */
#ifndef JIANYI_CHECK_H
#define JIANYI_CHECK_H

/* A count: digits, in range. */
int arg_count(const char *opt, const char *s, long *out);
/* Checks a text value: valid UTF-8, no control characters (newlines allowed
 * in TEXT_MULTILINE), at most max characters, non-empty if TEXT_REQUIRED. */
#define TEXT_REQUIRED 0x1
#define TEXT_MULTILINE 0x2
int arg_text(const char *what, const char *s, int flags, int max);
#define MAX_NAME 60
#define MAX_TITLE 200
#define MAX_TEXT 20000
/* A suggestion number (import keeps numbers as given), and the names in one
 * list: cosigners, co-handling departments, a reception's deputies. */
#define MAX_NUMBER 32
#define MAX_LIST 100
/* Digits with + - ( ) or spaces, 3 digits at least, at most 30 bytes:
 * arg_phone_ok says whether, arg_phone says why not. */
int arg_phone_ok(const char *s);
int arg_phone(const char *s);

#endif
