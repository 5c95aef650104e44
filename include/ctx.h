/*
 * ctx.h — who is working, and when: what every command receives and hands
 * to the domain, which records it in the history.
 */
#ifndef JIANYI_CTX_H
#define JIANYI_CTX_H

#include "date.h"
#include "status.h"

struct cmd_ctx {
	const char *dbpath; /* --db, $JIANYI_DB or ./jianyi.db */
	struct date today;  /* $JIANYI_TODAY or the local date */
	const char *actor;  /* who: $JIANYI_USER, $USER or the login name */
	enum cmd_status status; /* set by cmd_open when it fails */
};

#endif
