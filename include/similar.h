/*
 * similar.h — how alike two titles are (similar.c): Dice's coefficient of
 * their character bigrams, the way 鄂州's system shows earlier suggestions
 * like the one being entered (issue 14, item 8). Pure functions.
 */
#ifndef JIANYI_SIMILAR_H
#define JIANYI_SIMILAR_H

#include <stddef.h>
#include <stdint.h>

/* A title's bigrams, sorted: letters and digits only, the customary
 * 关于 … 的建议 left out, so that what the titles are about is compared. */
struct bigrams {
	uint64_t *v;
	size_t    n, cap;
};

void bigrams_of(const char *title, struct bigrams *);
void bigrams_free(struct bigrams *);
/* 2 × shared bigrams ÷ all bigrams, as a whole percent (0 to 100); two
 * titles without bigrams are 0% alike. */
int bigrams_dice(const struct bigrams *, const struct bigrams *);
/* The same for two titles. */
int title_similarity(const char *a, const char *b);

#endif
