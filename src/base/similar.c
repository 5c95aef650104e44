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

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* 1 for a letter or a digit of any script (a CJK ideograph is a letter). */
static int
counts(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

void
bigrams_of(const char *title, struct bigrams *b)
{
	const char *s = title, *end;
	utf8proc_int32_t cp, prev = -1;
	utf8proc_ssize_t n;
	size_t len, i;

	b->n = 0;
	if (s == NULL)
		return;
	len = strlen(s);
	for (i = 0; prefixes[i] != NULL; i++)
		if (strncmp(s, prefixes[i], strlen(prefixes[i])) == 0) {
			s += strlen(prefixes[i]);
			len -= strlen(prefixes[i]);
		}
	for (i = 0; suffixes[i] != NULL; i++)
		if (len >= strlen(suffixes[i]) && strcmp(s + len -
		    strlen(suffixes[i]), suffixes[i]) == 0) {
			len -= strlen(suffixes[i]);
			break;
		}
	for (end = s + len; s < end; s += n) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)s, end - s, &cp);
		if (n <= 0) {
			n = 1;
			prev = -1;
			continue;
		}
		if (!counts(cp)) {
			prev = -1;
			continue;
		}
		/* Latin letters compare without their case. */
		cp = utf8proc_tolower(cp);
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
	if (b->n > 1)
		qsort(b->v, b->n, sizeof *b->v, cmp_u64);
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
