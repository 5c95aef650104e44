#!/usr/bin/env bats
# 13.1: commands that declare themselves. Each command file holds a table
# of typed options (src/cmd/cmd-*.c); cmd.c parses them, writes the usage,
# --help and "jianyi help" from the same table, opens the database and ends
# the transaction. remind is the worked example of docs/HACKING.md.

load helper

TOP="$BATS_TEST_DIRNAME/../.."

setup() {
	common_setup
}

# Suggestions due around 2023-03-31 (JIANYI_TODAY): 001 on the day, 002 in
# 7 days, 003 in 8, 004 overdue, 005 replied, 006 under another department,
# 007 rehandling after an unsatisfied rating.
due_soon() {
	town
	local i
	for i in 1 2 3 4 5 6 7; do
		j add --title "事项$i" --station 黄塘 --date 2023-01-0$i \
		    >/dev/null || return 1
	done
	j assign 2023-0001 --dept 规划建设办 --date 2023-01-10 \
	    --due 2023-03-31 --handler 周工 &&
	j assign 2023-0002 --dept 规划建设办 --date 2023-01-10 --due 2023-04-07 &&
	j assign 2023-0003 --dept 规划建设办 --date 2023-01-10 --due 2023-04-08 &&
	j assign 2023-0004 --dept 规划建设办 --date 2023-01-10 --due 2023-03-30 &&
	j assign 2023-0005 --dept 规划建设办 --date 2023-01-10 --due 2023-04-01 &&
	j reply 2023-0005 --dept 规划建设办 --class A --date 2023-03-01 &&
	j assign 2023-0006 --dept 交通运输办 --date 2023-01-10 --due 2023-04-03 &&
	j assign 2023-0007 --dept 社会事务办 --date 2023-01-10 --due 2023-02-10 &&
	j reply 2023-0007 --dept 社会事务办 --class B --date 2023-02-01 &&
	j rate 2023-0007 unsatisfied --date 2023-03-05
}

@test "13.7: remind groups what falls due in 7 days by department" {
	due_soon
	# Due today (0 days left) and in 7 days are in; in 8 days, overdue
	# (overdue lists those), replied and closed are not; the rehandling
	# one is, with its new deadline.
	run j remind
	[ "$status" -eq 0 ]
	expect_output <<'OUT'
交通运输办 (1)
  number     handler  due         days left  title
  2023-0006  -        2023-04-03          3  事项6

社会事务办 (1)
  number     handler  due         days left  title
  2023-0007  -        2023-04-05          5  事项7

规划建设办 (2)
  number     handler  due         days left  title
  2023-0001  周工     2023-03-31          0  事项1
  2023-0002  -        2023-04-07          7  事项2
OUT
}

@test "13.7: remind --within N, --as-of, csv and json" {
	due_soon
	run j remind --within 8 --format csv
	[ "$status" -eq 0 ]
	expect_csv <<'OUT'
department,number,handler,due,days_left,title
交通运输办,2023-0006,,2023-04-03,3,事项6
社会事务办,2023-0007,,2023-04-05,5,事项7
规划建设办,2023-0001,周工,2023-03-31,0,事项1
规划建设办,2023-0002,,2023-04-07,7,事项2
规划建设办,2023-0003,,2023-04-08,8,事项3
OUT
	run j remind --within 0 --format json
	[ "$status" -eq 0 ]
	[ "$(jq -c . <<<"$output")" = '[{"department":"规划建设办","suggestions":[{"number":"2023-0001","handler":"周工","due":"2023-03-31","days_left":0,"title":"事项1"}]}]' ]
	# From 2023-04-01, 2023-0001 is overdue and 2023-0006 two days off.
	run j remind --as-of 2023-04-01 --within 2 --format json
	[ "$(jq -c '[.[] | .department, [.suggestions[] | .number, .days_left]]' <<<"$output")" = '["交通运输办",["2023-0006",2]]' ]
}

@test "13.7: remind with nothing due says so; in Chinese too" {
	town
	run j remind
	[ "$status" -eq 0 ]
	[ "$output" = "nothing falls due in the next 7 days" ]
	run env JIANYI_LANG=zh "$JIANYI" remind --within 3
	[ "$output" = "今后 3 天内没有到期的建议" ]
	run j remind --format json
	[ "$output" = "[]" ]
	run j remind --format csv
	expect_csv <<<'department,number,handler,due,days_left,title'
}

@test "13.7: remind refuses what its table refuses" {
	town
	refused 1 "invalid --within '-1' (use a whole number from 0 to 2147483647)" \
	    remind --within -1
	refused 2 "unexpected argument 'x'; see 'jianyi remind --help'" remind x
	refused 2 "invalid format 'md' (use text|csv|json)" remind --format md
	refused 1 "invalid date '2023-02-30': February 2023 has 28 days" \
	    remind --as-of 2023-02-30
}

@test "13.1: help, --help and the command list come from the tables" {
	run j help assign
	[ "$status" -eq 0 ]
	[ "$output" = "$(j assign --help)" ]
	run j help dept
	[ "$output" = "$(j dept --help)" ]
	run j help
	[ "$output" = "$(j --help)" ]
	run j help station add
	expect_output <<'OUT'
usage: jianyi station add NAME [--village V]

register a liaison station

options:
  --village V               the village or residents' committee (村居) it serves

example:
  jianyi station add 黄塘 --village 黄塘村
OUT
	run j remind --help
	expect_output <<'OUT'
usage: jianyi remind [--within N] [--as-of D] [--format text|csv|json]

list what falls due soon, by department

options:
  --within N                deadlines in the next N days, today's too (7)
  --as-of D                 count from that day; today if not given
  --format text|csv|json    text (a table), csv or json

example:
  jianyi remind --within 14
OUT
	run env JIANYI_LANG=zh "$JIANYI" help close
	expect_output <<'OUT'
用法： jianyi close NUMBER [--date D] [--reason T]

将已答复的建议意见办结

选项：
  --date D                  发生的日期；不给出则为今天，不得晚于今天
  --reason T                未经测评即办结的原因

示例：
  jianyi close 2023-007 --reason '代表已当面确认'
OUT
	# No database is needed, nor made.
	[ ! -e "$JIANYI_DB" ]
	refused 2 "unknown command 'lst'; did you mean 'list'?" help lst
	refused 2 "'station' has no verb 'drop'; see 'jianyi help --help'" \
	    help station drop
}

@test "13.1: a family's verb among its options, each verb with its own" {
	town
	run j station --all list --format csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = $'name,village,deputies,retired\r' ]
	run j reception --station 黄塘 list
	[ "$status" -eq 0 ]
	# config alone lists the settings, as config list does.
	[ "$(j config)" = "$(j config list)" ]
	# --village belongs to station add, not to station list.
	refused 2 "unknown option '--village'; see 'jianyi station --help'" \
	    station list --village x
}

@test "13.1: the manual's synopses agree with the command tables" {
	run "$TOP/tests/man-synopsis" "$JIANYI" "$TOP/man/jianyi.1"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	run "$TOP/tests/man-synopsis" "$JIANYI" "$TOP/man/zh_CN/jianyi.1"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	# An option that the manual lacks, and a command it lacks, are found.
	sed -e '/^\.Op Fl Fl participants Ar N$/d' -e 's/^\.It Ic check$/.It Ic chek/' \
	    "$TOP/man/jianyi.1" > m.1
	run "$TOP/tests/man-synopsis" "$JIANYI" m.1
	[ "$status" -eq 1 ]
	expect_output <<'OUT'
m.1: 'activity add' has options [ --date --kind --title ], the command [ --date --kind --participants --title ]
m.1: no entry for 'check'
OUT
}

@test "13.1: no command file parses options, opens the database or ends a transaction" {
	cd "$TOP/src/cmd"
	run grep -lE 'getopt|optind|optarg|db_open|db_begin|db_end|db_commit|db_rollback|db_close' \
	    cmd-*.c regcmd.c
	[ "$status" -eq 1 ]
	[ -z "$output" ]
}
