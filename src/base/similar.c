/*
 * similar.c — Dice's coefficient of character bigrams (similar.h).
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "similar.h"
#include "xmalloc.h"

/* The words that most titles begin or end with, which say nothing of
 * what a title is about. */
static const char *const prefixes[] = { "关于", NULL };
static const char *const suffixes[] = { "的建议", "的意见", "建议", "意见",
	NULL };

/* The code point at s (of n bytes) and its length; -1 as the code point
 * of a byte that does not begin a valid sequence. Titles are read by the
 * thousand for one add: this is utf8proc_iterate's work, inline. */
static size_t
next(const unsigned char *s, size_t n, int32_t *cp)
{
	size_t len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	len = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 :
	    s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;
	if (len == 0 || len > n) {
		*cp = -1;
		return 1;
	}
	*cp = s[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = -1;
			return 1;
		}
		*cp = *cp << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and beyond U+10FFFF are not text. */
	if ((len == 3 && *cp < 0x800) || (len == 4 && (*cp < 0x10000 ||
	    *cp > 0x10ffff)) || (*cp >= 0xd800 && *cp <= 0xdfff))
		*cp = -1;
	return len;
}

/* The character as compared, or -1 for one that is not a letter or a
 * digit of any script (a CJK ideograph is a letter); Latin letters
 * without their case. */
static int32_t
fold(int32_t cp)
{
	if (cp < 0)
		return -1;
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			return cp - 'A' + 'a';
		return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ?
		    cp : -1;
	}
	if (cp >= 0x4e00 && cp <= 0x9fff)
		return cp;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
		return utf8proc_tolower(cp);
	case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return cp;
	default:
		return -1;
	}
}

/* A title has tens of bigrams: insertion sort. */
static void
sort(uint64_t *v, size_t n)
{
	size_t i, j;
	uint64_t x;

	for (i = 1; i < n; i++) {
		x = v[i];
		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

void
bigrams_of(const char *title, struct bigrams *b)
{
	const unsigned char *s = (const unsigned char *)title, *end;
	int32_t cp, prev = -1;
	size_t len, i, n;

	b->n = 0;
	if (s == NULL)
		return;
	len = strlen(title);
	for (i = 0; prefixes[i] != NULL; i++)
		if (strncmp(title, prefixes[i], strlen(prefixes[i])) == 0) {
			s += strlen(prefixes[i]);
			len -= strlen(prefixes[i]);
		}
	for (i = 0; suffixes[i] != NULL; i++)
		if (len >= strlen(suffixes[i]) && memcmp(s + len -
		    strlen(suffixes[i]), suffixes[i], strlen(suffixes[i])) ==
		    0) {
			len -= strlen(suffixes[i]);
			break;
		}
	for (end = s + len; s < end; s += n) {
		n = next(s, end - s, &cp);
		if ((cp = fold(cp)) == -1) {
			prev = -1;
			continue;
		}
		if (prev != -1) {
			if (b->n == b->cap) {
				b->cap = b->cap ? b->cap * 2 : 32;
				b->v = xreallocarray(b->v, b->cap, sizeof *b->v);
			}
			b->v[b->n++] = (uint64_t)(uint32_t)prev << 32 |
			    (uint32_t)cp;
		}
		prev = cp;
	}
	sort(b->v, b->n);
}

void
bigrams_free(struct bigrams *b)
{
	free(b->v);
	memset(b, 0, sizeof *b);
}

int
bigrams_dice(const struct bigrams *a, const struct bigrams *b)
{
	size_t i = 0, j = 0, shared = 0;

	if (a->n + b->n == 0)
		return 0;
	/* Both sorted: each bigram of one meets its match of the other. */
	while (i < a->n && j < b->n)
		if (a->v[i] < b->v[j])
			i++;
		else if (a->v[i] > b->v[j])
			j++;
		else {
			shared++;
			i++;
			j++;
		}
	return (int)((200 * shared + (a->n + b->n) / 2) / (a->n + b->n));
}

int
title_similarity(const char *a, const char *b)
{
	struct bigrams x = { 0 }, y = { 0 };
	int d;

	bigrams_of(a, &x);
	bigrams_of(b, &y);
	d = bigrams_dice(&x, &y);
	bigrams_free(&x);
	bigrams_free(&y);
	return d;
}
