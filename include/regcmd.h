/*
 * regcmd.h — the verbs the registry commands share (see regcmd.c).
 */
#ifndef JIANYI_REGCMD_H
#define JIANYI_REGCMD_H

#include "domain.h"

struct reg_args {
	const char  *verb;
	const char **args; /* the names after the verb */
	int          nargs;
	int          all;  /* list: retired ones too */
	enum fmt     fmt;
};

/* Splits the positional arguments into verb and names; -1 with *st set. */
int reg_split(const struct cmd_entry *, int argc, char **argv, int optind_,
    struct reg_args *, enum cmd_status *st);
/* Runs list, rename or retire. */
enum cmd_status reg_verb(struct cmd_ctx *, const struct cmd_entry *,
    enum reg_kind, const struct reg_args *);

#endif
