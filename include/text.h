/*
 * text.h — UTF-8 text: validation, display width (CJK is two columns),
 * padding, masking personal data, and "did you mean" suggestions.
 * Pure functions, no I/O.
 */
#ifndef JIANYI_TEXT_H
#define JIANYI_TEXT_H

#include <stddef.h>

/* 1 if s is valid UTF-8 (no overlongs, no surrogates), else 0. */
int utf8_valid(const char *s, size_t len);

/* 1 if s has a control character (C0 or DEL or C1); newline and tab count
 * as control characters unless allow_nl is set. */
int text_has_control(const char *s, int allow_nl);

/* The number of characters (code points) in s; NULL has none. */
size_t text_chars(const char *s);

/* Copies src (NULL is "") into dst of size n, truncated if it must be at
 * a character's start, never inside one. */
void text_copy(char *dst, size_t n, const char *src);

/* Display width in terminal columns of a valid UTF-8 string: wide and
 * fullwidth characters (CJK, fullwidth punctuation) count 2, combining marks
 * 0, others 1 (utf8proc_charwidth). */
int text_width(const char *s);

/*
 * Writes s followed by spaces (left-aligned) or preceded by them (right) so
 * that it takes width columns; never truncates. Returns a string the caller
 * frees.
 */
char *text_pad(const char *s, int width, int right);

/* Masks a person's name: first character kept, then "**" (陈大文 -> 陈**,
 * 陈文 -> 陈**). Empty stays empty. Caller frees. */
char *mask_name(const char *s);

/* Masks a phone number: 13812342415 -> 138****2415; 8 or more digits keep the
 * first 3 and last 4; shorter keep only the last 2 (0755123 -> *****23).
 * Non-digit characters are kept in place. Caller frees. */
char *mask_phone(const char *s);

/* Edit distance between two UTF-8 strings counted in code points. */
int text_distance(const char *a, const char *b);

/*
 * Picks up to max names from names[0..n) that are close to s (edit distance
 * at most max(1, len/2) code points, or one contains the other), closest
 * first; stores pointers into names in out. Returns how many.
 */
int text_suggest(const char *s, const char *const *names, int n,
    const char **out, int max);

/*
 * A copy of s (NULL is "") that a terminal shows as it is: control
 * characters (C0, DEL, C1; newlines and tabs too unless keep_nl, as in
 * multi-line text) and bytes that are
 * not valid UTF-8 become \xHH. Valid characters pass unchanged. Caller
 * frees.
 */
char *text_escape(const char *s, int keep_nl);

/* Dynamic strings: a new string formatted (caller frees); and appending sep
 * (only when *buf is not empty) and s to *buf, which may be NULL. */
char *text_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void text_append(char **buf, const char *sep, const char *s);

/*
 * CSV injection (OWASP): 1 if a cell must be written with a leading
 * apostrophe: it begins with = + - @ a tab or a CR (a plain number such as
 * -12 excepted), or with an apostrophe followed by one of those or by
 * another apostrophe. csv_unmark strips that one apostrophe in place when
 * reading, so that csv_unmark(mark + s) is s for every s. Returns s.
 */
int csv_needs_mark(const char *s);
char *csv_unmark(char *s);

/*
 * The one normalisation of every name and text value that enters jianyi
 * (arguments and imported cells): U+200B, U+2060 and U+FEFF are dropped
 * wherever they are; the rest is composed (NFC, utf8proc); and spaces
 * (ASCII, U+00A0, U+3000) and zero-width characters (U+200B..U+200D,
 * U+2060, U+FEFF) are trimmed at both ends. Names that differ only by these
 * are the same name. s[0..len) that is not valid UTF-8 or holds a NUL byte
 * is copied unchanged, for the checks that refuse it. Returns a new string
 * the caller frees; *outlen (when not NULL) gets its length.
 */
char *text_norm(const char *s, size_t len, size_t *outlen);

/* s as a message shows a name: control characters and bytes that are not
 * UTF-8 as \xNN; the characters that cannot be told from a space or from
 * nothing (C1 controls, no-break and ideographic spaces, zero-width and
 * direction marks, U+FEFF) as \uXXXX. Caller frees. */
char *text_visible(const char *s);

/* 1 if s holds a list separator (";", "；", "、"), which a name may not. */
int text_has_separator(const char *s);

#endif
