/*
 * vocab.h — the closed vocabularies of the domain (status, source, rating,
 * activity kind, deputy level, contact method, reply class) and the
 * lifecycle's transition rules. Each word has a key (stored, JSON, CLI), a
 * Chinese form accepted on input, and an English label shown in text output
 * (translated through gettext). Pure.
 */
#ifndef JIANYI_VOCAB_H
#define JIANYI_VOCAB_H

struct vocab {
	const char *key;
	const char *zh;    /* accepted on input besides the key */
	const char *label; /* for text output, passed through gettext */
};

extern const struct vocab vocab_status[];
extern const struct vocab vocab_reject[];
extern const struct vocab vocab_stage[];  /* overdue's: domain.h */
extern const struct vocab vocab_source[];
extern const struct vocab vocab_rating[];
extern const struct vocab vocab_kind[];
extern const struct vocab vocab_level[];
extern const struct vocab vocab_method[];
extern const struct vocab vocab_class[];
extern const struct vocab vocab_action[];
extern const struct vocab vocab_day_kind[]; /* the calendar's: workday.h */

/* Index of s (a key in any case of its ASCII letters, "a" for A, or its
 * Chinese form) in v, or -1. */
int vocab_find(const struct vocab *v, const char *s);
/* The key's label, translated; an unknown key is returned as it is. */
const char *vocab_label(const struct vocab *v, const char *key);
/* "a|b|c": the keys, for messages; in Chinese the Chinese forms, also
 * accepted: "满意｜基本满意｜不满意". Static buffer. */
const char *vocab_keys(const struct vocab *v);

/* Lifecycle: the states (indices into vocab_status) and the actions. */
enum status {
	ST_REGISTERED,
	ST_ASSIGNED,
	ST_REPLIED,
	ST_REHANDLING,
	ST_CLOSED,
	ST_WITHDRAWN,
	ST_NOT_ACCEPTED, /* 不予立案: kept, out of the rates */
};

enum action {
	ACT_ASSIGN,
	ACT_RETURN,
	ACT_CONTACT,
	ACT_EXTEND,
	ACT_REPLY,
	ACT_RATE,
	ACT_CLOSE,
	ACT_WITHDRAW,
	ACT_SUPERVISE,
	ACT_REJECT,
	ACT_SIGN,
	ACT_OPINION,
	ACT_MERGE,
	NACTIONS
};

/* 1 if the action may be taken in that state. */
int lifecycle_allows(enum status, enum action);
/* 1 for the states in which a deadline runs (overdue is possible). */
int status_running(enum status);
/* The same for a status's key ("assigned"), without looking it up. */
int status_key_running(const char *key);
/* The state after a rating (index into vocab_rating). */
enum status status_after_rating(int rating);

#endif
