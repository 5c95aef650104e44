/*
 * status.h — the exit statuses (SPEC: 0 done, 1 refused, 2 usage, 3
 * database or I/O), which every layer returns, from memory up.
 */
#ifndef JIANYI_STATUS_H
#define JIANYI_STATUS_H

enum cmd_status {
	CMD_OK = 0,
	CMD_REFUSED = 1,
	CMD_USAGE = 2,
	CMD_FAIL = 3,
};

#endif
