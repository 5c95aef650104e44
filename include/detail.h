/*
 * detail.h — what an event of the history says, kept as data and shown in
 * the reader's language (detail.c). An event's detail is a small JSON
 * object of keys and values, e.g. {"lead":"规划建设办","co":["交通运输办"],
 * "due":"2023-02-28"}, which `show` and `log` render as
 * "主办：规划建设办；协办：交通运输办；办理期限：2023-02-28" in Chinese and
 * "lead: 规划建设办; co: 交通运输办; due: 2023-02-28" in English. Personal
 * data (a submitter, a phone number) is never a value: an edit of it is
 * {"field":"phone"}, "phone changed".
 */
#ifndef JIANYI_DETAIL_H
#define JIANYI_DETAIL_H

/* Building one: each value is copied; a NULL or empty string, and an
 * empty list, are left out. detail_end returns the JSON text (to free)
 * and frees d. */
struct detail;
struct detail *detail_new(void);
void detail_str(struct detail *, const char *key, const char *value);
void detail_int(struct detail *, const char *key, long long value);
void detail_list(struct detail *, const char *key, const char *const *v,
    int n);
char *detail_end(struct detail *);

/* The detail json of an event of this action, as text in the interface
 * language (a new string). A value that is not JSON, or an object that no
 * form of the action fits, is shown as its text. */
char *detail_render(const char *action, const char *json);

/* The JSON of a detail written as text by an earlier version, in English
 * or Chinese (a new string): the form of the action it fits, with labels
 * turned back into keys and personal data dropped; {"text": text} when it
 * fits none. */
char *detail_parse(const char *action, const char *text);

#endif
