/*
 * i18n.h — the interface language (i18n.c): English, or Chinese when the
 * locale or JIANYI_LANG asks for it, with the messages from the catalog.
 */
#ifndef JIANYI_I18N_H
#define JIANYI_I18N_H

#include <libintl.h>

/* Chooses the interface language; i18n_chinese() tells which. */
void i18n_init(void);
int i18n_chinese(void);

/* A message is looked up only when the interface is Chinese: in English
 * it is its own text, and glibc's lookup costs about 1,000 instructions a
 * call (3.6% of an import, which writes the history's words). */
#define _(s) (i18n_chinese() ? gettext(s) : (s))
#define N_(s) (s)

#endif
