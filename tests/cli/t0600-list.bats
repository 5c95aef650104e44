#!/usr/bin/env bats
# Reading back: list (formats, filters, masking), overdue (ordering, days
# overdue), log, and show's refusals.

load helper

# Seven suggestions in every state, entered out of number order:
#   2022-0001 assigned, overdue 31 days    2022-0002 rehandling, overdue 75
#   2023-0001 assigned, due 2023-04-06     2023-0002 assigned, overdue 30
#   2023-0003 withdrawn                    2023-0004 replied
#   2023-0005 registered
suggestions() {
	j add --title 路灯 --station 源潭 --date 2023-01-05 \
	    --submitter 李四 >/dev/null &&
	j add --title 关于睿星幼儿园门前整改的建议 --station 黄塘 \
	    --date 2022-11-30 --submitter 王小明 --deputy 陈大文 >/dev/null &&
	j add --title 垃圾清运 --date 2023-02-10 --submitter 欧阳娜娜 \
	    --source 网上 >/dev/null &&
	j add --title 撤回的 --station 华埭村 --date 2023-02-11 >/dev/null &&
	j add --title 公交站台 --station 黄塘 --date 2023-02-15 >/dev/null &&
	j add --title 排水沟 --station 源潭 --date 2022-12-01 \
	    --submitter Bob >/dev/null &&
	j add --title 未交办 --date 2023-03-20 >/dev/null &&
	j assign 2023-0001 --dept 交通运输办 --co 规划建设办 --date 2023-01-06 &&
	j assign 2022-0001 --dept 规划建设办 --date 2022-11-30 &&
	j assign 2023-0002 --dept 社会事务办 --due 2023-03-01 --handler 张三 \
	    --date 2023-02-10 &&
	j withdraw 2023-0003 --reason 撤回 --date 2023-02-12 &&
	j assign 2023-0004 --dept 规划建设办 --date 2023-02-16 &&
	j reply 2023-0004 --dept 规划建设办 --class A --date 2023-03-01 &&
	j assign 2022-0002 --dept 交通运输办 --date 2022-12-01 &&
	j reply 2022-0002 --dept 交通运输办 --class B --date 2022-12-10 &&
	j rate 2022-0002 unsatisfied --date 2022-12-15
}

# The numbers in a csv $output, one a line.
numbers() {
	printf '%s\n' "$output" | sed 1d | cut -d, -f1 | tr -d '\r'
}

@test "list: every suggestion by number, submitters masked" {
	town
	suggestions
	run j list
	[ "$status" -eq 0 ]
	expect_output <<'OUT'
number     status      overdue  received    station  department  due         submitter  title
2022-0001  assigned    yes      2022-11-30  黄塘     规划建设办  2023-02-28  王**       关于睿星幼儿园门前整改的建议
2022-0002  rehandling  yes      2022-12-01  源潭     交通运输办  2023-01-15  B**        排水沟
2023-0001  assigned             2023-01-05  源潭     交通运输办  2023-04-06  李**       路灯
2023-0002  assigned    yes      2023-02-10  -        社会事务办  2023-03-01  欧**       垃圾清运
2023-0003  withdrawn            2023-02-11  华埭村   -           -           -          撤回的
2023-0004  replied              2023-02-15  黄塘     规划建设办  2023-05-16  -          公交站台
2023-0005  registered           2023-03-20  -        -           -           -          未交办
OUT
}

@test "list --format csv" {
	town
	suggestions
	run j list --format csv
	[ "$status" -eq 0 ]
	expect_csv <<'OUT'
number,status,overdue,received_on,station,department,due,submitter,title
2022-0001,assigned,1,2022-11-30,黄塘,规划建设办,2023-02-28,王**,关于睿星幼儿园门前整改的建议
2022-0002,rehandling,1,2022-12-01,源潭,交通运输办,2023-01-15,B**,排水沟
2023-0001,assigned,0,2023-01-05,源潭,交通运输办,2023-04-06,李**,路灯
2023-0002,assigned,1,2023-02-10,,社会事务办,2023-03-01,欧**,垃圾清运
2023-0003,withdrawn,0,2023-02-11,华埭村,,,,撤回的
2023-0004,replied,0,2023-02-15,黄塘,规划建设办,2023-05-16,,公交站台
2023-0005,registered,0,2023-03-20,,,,,未交办
OUT
}

@test "list --format csv quotes what needs it" {
	town
	j add --title '路灯, "坏了"' --date 2023-01-01 >/dev/null
	run j list --format csv
	expect_csv <<'OUT'
number,status,overdue,received_on,station,department,due,submitter,title
2023-0001,registered,0,2023-01-01,,,,,"路灯, ""坏了"""
OUT
}

@test "list --format json: the SPEC's keys, keys not labels" {
	town
	suggestions
	run j list --format json
	[ "$status" -eq 0 ]
	run jq -c '[.[] | {number, status, overdue, title, station, department,
	    received_on, due}]' <<<"$output"
	expect_output <<'OUT'
[{"number":"2022-0001","status":"assigned","overdue":true,"title":"关于睿星幼儿园门前整改的建议","station":"黄塘","department":"规划建设办","received_on":"2022-11-30","due":"2023-02-28"},{"number":"2022-0002","status":"rehandling","overdue":true,"title":"排水沟","station":"源潭","department":"交通运输办","received_on":"2022-12-01","due":"2023-01-15"},{"number":"2023-0001","status":"assigned","overdue":false,"title":"路灯","station":"源潭","department":"交通运输办","received_on":"2023-01-05","due":"2023-04-06"},{"number":"2023-0002","status":"assigned","overdue":true,"title":"垃圾清运","station":null,"department":"社会事务办","received_on":"2023-02-10","due":"2023-03-01"},{"number":"2023-0003","status":"withdrawn","overdue":false,"title":"撤回的","station":"华埭村","department":null,"received_on":"2023-02-11","due":null},{"number":"2023-0004","status":"replied","overdue":false,"title":"公交站台","station":"黄塘","department":"规划建设办","received_on":"2023-02-15","due":"2023-05-16"},{"number":"2023-0005","status":"registered","overdue":false,"title":"未交办","station":null,"department":null,"received_on":"2023-03-20","due":null}]
OUT
}

@test "list --format json never shows a submitter in full" {
	town
	suggestions
	run j list --format json
	run jq -r '[.[] | .submitter // empty] | join(" ")' <<<"$output"
	[ "$output" = "王** B** 李** 欧**" ]
}

@test "an empty list: the header, an empty array" {
	town
	run j list
	[ "$status" -eq 0 ]
	expect_output <<'OUT'
number  status  overdue  received  station  department  due  submitter  title
OUT
	run j list --format json
	[ "$output" = "[]" ]
	run j list --format csv
	expect_csv <<'OUT'
number,status,overdue,received_on,station,department,due,submitter,title
OUT
}

@test "list --status takes the key or the Chinese label" {
	town
	suggestions
	run j list --status assigned --format csv
	[ "$(numbers)" = "$(printf '%s\n' 2022-0001 2023-0001 2023-0002)" ]
	run j list --status 已交办 --format csv
	[ "$(numbers)" = "$(printf '%s\n' 2022-0001 2023-0001 2023-0002)" ]
	run j list --status 重新办理 --format csv
	[ "$(numbers)" = 2022-0002 ]
	run j list --status withdrawn --format csv
	[ "$(numbers)" = 2023-0003 ]
	run j list --status 已登记 --format csv
	[ "$(numbers)" = 2023-0005 ]
	run j list --status closed --format csv
	[ "$(numbers)" = "" ]
}

@test "list --status open: everything not closed or withdrawn" {
	town
	suggestions
	j rate 2023-0004 satisfied --date 2023-03-02
	run j list --status open --format csv
	[ "$(numbers)" = "$(printf '%s\n' 2022-0001 2022-0002 2023-0001 \
	    2023-0002 2023-0005)" ]
}

@test "list --status refuses an unknown status" {
	town
	refused 1 "invalid status 'bogus' (use registered|assigned|replied|rehandling|closed|withdrawn|not_accepted)" \
	    list --status bogus
}

@test "list --station" {
	town
	suggestions
	run j list --station 源潭 --format csv
	[ "$(numbers)" = "$(printf '%s\n' 2022-0002 2023-0001)" ]
	run j list --station 源潭 --status 重新办理 --format csv
	[ "$(numbers)" = 2022-0002 ]
	refused 1 "unknown station '黄糖'; did you mean '黄塘'?" \
	    list --station 黄糖
}

@test "list --dept: the lead or a co-handling department" {
	town
	suggestions
	run j list --dept 规划建设办 --format csv
	[ "$(numbers)" = "$(printf '%s\n' 2022-0001 2023-0001 2023-0004)" ]
	run j list --dept 社会事务办 --format csv
	[ "$(numbers)" = 2023-0002 ]
	refused 1 "unknown department '规划'; did you mean '规划建设办'?" \
	    list --dept 规划
}

@test "list --dept leaves out what the department sent back" {
	town
	suggestions
	j return 2023-0001 --dept 规划建设办 --reason 不涉及 --date 2023-01-07
	run j list --dept 规划建设办 --format csv
	[ "$(numbers)" = "$(printf '%s\n' 2022-0001 2023-0004)" ]
}

@test "list --month: received in that month" {
	town
	suggestions
	run j list --month 2023-02 --format csv
	[ "$(numbers)" = "$(printf '%s\n' 2023-0002 2023-0003 2023-0004)" ]
	run j list --month 2023年2月 --format csv
	[ "$(numbers)" = "$(printf '%s\n' 2023-0002 2023-0003 2023-0004)" ]
	run j list --month 2022-12 --status open --format csv
	[ "$(numbers)" = 2022-0002 ]
	run j list --month 2023-4 --format csv
	[ "$(numbers)" = "" ]
	refused 1 "invalid month '2023-13' (use YYYY-MM)" list --month 2023-13
	refused 1 "invalid month '2023-02-01' (use YYYY-MM)" \
	    list --month 2023-02-01
}

@test "list --overdue and --as-of" {
	town
	suggestions
	run j list --overdue --format csv
	[ "$(numbers)" = "$(printf '%s\n' 2022-0001 2022-0002 2023-0002)" ]
	# Overdue the day after the deadline, not on it.
	run j list --overdue --as-of 2023-02-28 --format csv
	[ "$(numbers)" = 2022-0002 ]
	run j list --overdue --as-of 2023/3/1 --format csv
	[ "$(numbers)" = "$(printf '%s\n' 2022-0001 2022-0002)" ]
	run j list --overdue --as-of 2023-01-15 --format csv
	[ "$(numbers)" = "" ]
	run j list --as-of 2023-01-16 --status rehandling
	expect_output <<'OUT'
number     status      overdue  received    station  department  due         submitter  title
2022-0002  rehandling  yes      2022-12-01  源潭     交通运输办  2023-01-15  B**        排水沟
OUT
	refused 1 "invalid date '2023-02-30': February 2023 has 28 days" \
	    list --as-of 2023-02-30
}

@test "an extension takes a suggestion off the overdue list" {
	town
	suggestions
	j extend 2022-0001 --due 2023-04-30 --reason 延期 --date 2023-02-20 --approved-by 镇长
	run j list --overdue --format csv
	[ "$(numbers)" = "$(printf '%s\n' 2022-0002 2023-0002)" ]
}

@test "list --limit" {
	town
	suggestions
	run j list --limit 2 --format csv
	[ "$(numbers)" = "$(printf '%s\n' 2022-0001 2022-0002)" ]
	run j list --limit 1 --status 已交办 --format csv
	[ "$(numbers)" = 2022-0001 ]
	run j list --limit 100 --format csv
	[ "${#lines[@]}" -eq 8 ]
	refused 1 "invalid --limit 'x' (use a whole number from 0 to 2147483647)" \
	    list --limit x
	refused 1 "invalid --limit '-1' (use a whole number from 0 to 2147483647)" \
	    list --limit=-1
}

@test "list has no implicit limit" {
	town
	for i in $(seq 120); do
		j add --title "第${i}件" --date 2023-01-01 >/dev/null
	done
	run j list --format csv
	[ "${#lines[@]}" -eq 121 ]
	[ "$(printf '%s\n' "$output" | tail -1 | cut -d, -f1)" = 2023-0120 ]
}

@test "list usage errors" {
	town
	refused 2 "unexpected argument '2023-0001'; see 'jianyi list --help'" \
	    list 2023-0001
	refused 2 "invalid format 'md' (use text|csv|json)" list --format md
	refused 2 "option '--status' needs a value; see 'jianyi list --help'" \
	    list --status
}

@test "overdue: most overdue first, with department and handler" {
	town
	suggestions
	run j overdue
	[ "$status" -eq 0 ]
	expect_output <<'OUT'
number     department  handler  due         days overdue  title
2022-0002  交通运输办  -        2023-01-15            75  排水沟
2022-0001  规划建设办  -        2023-02-28            31  关于睿星幼儿园门前整改的建议
2023-0002  社会事务办  张三     2023-03-01            30  垃圾清运
OUT
}

@test "overdue --format json and csv" {
	town
	suggestions
	run j overdue --format json
	compact
	expect_output <<'OUT'
[{"number":"2022-0002","department":"交通运输办","handler":null,"due":"2023-01-15","days_overdue":75,"title":"排水沟"},{"number":"2022-0001","department":"规划建设办","handler":null,"due":"2023-02-28","days_overdue":31,"title":"关于睿星幼儿园门前整改的建议"},{"number":"2023-0002","department":"社会事务办","handler":"张三","due":"2023-03-01","days_overdue":30,"title":"垃圾清运"}]
OUT
	run j overdue --format csv
	expect_csv <<'OUT'
number,department,handler,due,days_overdue,title
2022-0002,交通运输办,,2023-01-15,75,排水沟
2022-0001,规划建设办,,2023-02-28,31,关于睿星幼儿园门前整改的建议
2023-0002,社会事务办,张三,2023-03-01,30,垃圾清运
OUT
}

@test "overdue --as-of counts the days to that date" {
	town
	suggestions
	run j overdue --as-of 2023-03-01 --format csv
	expect_csv <<'OUT'
number,department,handler,due,days_overdue,title
2022-0002,交通运输办,,2023-01-15,45,排水沟
2022-0001,规划建设办,,2023-02-28,1,关于睿星幼儿园门前整改的建议
OUT
	run j overdue --as-of 2023-01-15
	expect_output <<'OUT'
number  department  handler  due  days overdue  title
OUT
	refused 1 "invalid date 'x' (use YYYY-MM-DD)" overdue --as-of x
	refused 2 "unexpected argument 'x'; see 'jianyi overdue --help'" \
	    overdue x
}

@test "overdue: the same deadline is ordered by number" {
	town
	b=$(j add --title b --date 2023-01-01)
	a=$(j add --title a --date 2022-12-01)
	j assign "$b" "$a" --dept 规划建设办 --date 2023-01-02 --due 2023-02-01
	run j overdue --format csv
	expect_csv <<'OUT'
number,department,handler,due,days_overdue,title
2022-0001,规划建设办,,2023-02-01,58,a
2023-0001,规划建设办,,2023-02-01,58,b
OUT
}

@test "a reply takes a suggestion off the overdue list" {
	town
	suggestions
	j reply 2022-0001 --dept 规划建设办 --class A --date 2023-03-30
	run j overdue --format csv
	[ "$(numbers)" = "$(printf '%s\n' 2022-0002 2023-0002)" ]
	[ "$(sfield 2022-0001 overdue)" = false ]
}

@test "log NUMBER: the history of one suggestion, oldest first" {
	town
	suggestions
	run j log 2022-0002
	[ "$status" -eq 0 ]
	expect_output <<'OUT'
date        number     action      detail                                    by
2022-12-01  2022-0002  registered  source: reception; station: 源潭          secretary
2022-12-01  2022-0002  assigned    lead: 交通运输办; due: 2023-03-01         secretary
2022-12-10  2022-0002  replied     交通运输办, class B                       secretary
2022-12-15  2022-0002  rated       unsatisfied; rehandling, due: 2023-01-15  secretary
OUT
}

@test "log: the latest changes in the order entered, --limit" {
	town
	suggestions
	run --separate-stderr j log --limit 3
	[ "$status" -eq 0 ]
	[ "$stderr" = "jianyi: showing the latest 3 of 26 changes; --all shows every one, --limit N the latest N" ]
	expect_output <<'OUT'
date        number     action    detail                                    by
2022-12-01  2022-0002  assigned  lead: 交通运输办; due: 2023-03-01         secretary
2022-12-10  2022-0002  replied   交通运输办, class B                       secretary
2022-12-15  2022-0002  rated     unsatisfied; rehandling, due: 2023-01-15  secretary
OUT
	run j log --format csv
	# 10 registry and setting events, 7 added, 9 changes: 26, and a header.
	[ "${#lines[@]}" -eq 27 ]
	run --separate-stderr j log --limit 2 --format csv
	[ "${#lines[@]}" -eq 3 ]
}

@test "log: 50 changes unless --limit says otherwise" {
	j init >/dev/null
	for i in $(seq 60); do j station add "站$i"; done
	run --separate-stderr j log --format csv
	[ "${#lines[@]}" -eq 51 ]
	[[ "${lines[1]}" == *"added '站11'"* ]]
	run j log --limit 0 --format csv
	[ "${#lines[@]}" -eq 61 ]
}

@test "log csv and json carry who and when it was recorded" {
	town
	JIANYI_USER=王秘书 j add --title x --date 2023-01-01 >/dev/null
	run j log 2023-0001 --format csv
	[ "${lines[0]}" = $'date,number,action,detail,actor,recorded_at\r' ]
	[[ "${lines[1]}" =~ ^2023-01-01,2023-0001,registered,source:\ other,王秘书,[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'\r'$ ]]
	run j log 2023-0001 --format json
	run jq -c '.[] | del(.recorded_at)' <<<"$output"
	expect_output <<'OUT'
{"date":"2023-01-01","number":"2023-0001","action":"registered","detail":"source: other","actor":"王秘书"}
OUT
}

@test "log refusals" {
	town
	refused 2 "expected at most one NUMBER; see 'jianyi log --help'" \
	    log 2023-0001 2023-0002
	refused 1 "invalid --limit 'ten' (use a whole number from 0 to 2147483647)" \
	    log --limit ten
}

@test "log of an unknown number is refused" {
	town
	refused 1 "no suggestion numbered '2099-0001'" log 2099-0001
}

@test "show refuses an unknown number and a format it has not" {
	town
	j add --title x --date 2023-01-01 >/dev/null
	refused 1 "no suggestion numbered '2023-0002'" show 2023-0002
	refused 1 "no suggestion numbered '2023-1'" show 2023-1
	refused 2 "show prints text or json; see 'jianyi show --help'" \
	    show 2023-0001 --format csv
	refused 2 "expected NUMBER; see 'jianyi show --help'" show
}
