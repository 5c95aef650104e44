/*
 * msg.h — messages (msg.c): "jianyi: " and the message on stderr, with
 * every control character and invalid byte in it escaped (\x1b), so that
 * no user value can drive the terminal. The names of err(3) map onto these
 * in every file that includes this header, so that there is one door for
 * messages. Below the commands: the store, the domain and the writers
 * include this, never jianyi.h.
 */
#ifndef JIANYI_MSG_H
#define JIANYI_MSG_H

#include "i18n.h"
#include "status.h"

void msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_err(int status, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));
void msg_errx(int status, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));
#define warn(...) msg_warn(__VA_ARGS__)
#define warnx(...) msg_warnx(__VA_ARGS__)
#define err(...) msg_err(__VA_ARGS__)
#define errx(...) msg_errx(__VA_ARGS__)

/*
 * Refusals from the domain modules: one line on stderr, prefixed with the
 * place set by msg_where ("FILE:LINE" while importing; NULL clears it).
 */
void msg_where(const char *);
/* msg_where with the place formatted, whole: "%s:%ld", path, line. */
void msg_wheref(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void refuse(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
