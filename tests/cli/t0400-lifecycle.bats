#!/usr/bin/env bats
# The lifecycle: assign, return, contact, extend, reply, rate, close and
# withdraw; the transitions, the deadlines and every refusal.

load helper

# A registered suggestion received on 2022-11-30; its number in $n.
registered() {
	town && n=$(j add --title 路灯 --date 2022-11-30 --deputy 陈大文)
}

# The same, assigned on 2022-11-30 to 规划建设办 with 交通运输办.
assigned() {
	registered &&
	j assign "$n" --dept 规划建设办 --co 交通运输办 --date 2022-11-30
}

# The same, replied (class B) on 2023-01-10.
replied() {
	assigned &&
	j reply "$n" --dept 规划建设办 --class B --date 2023-01-10 --text 计划中
}

# --- assign ------------------------------------------------------------

@test "assign: lead and co departments, handler, due 3 months, clamped" {
	registered
	run j assign "$n" --dept 规划建设办 --co 交通运输办 --co 社会事务办 \
	    --handler 张三 --date 2022-11-30
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	run j show "$n" --format json
	run jq -c '{status, due, handler, assigned_on, departments,
	    h: .history[-1] | [.at, .action, .detail]}' <<<"$output"
	expect_output <<'OUT'
{"status":"assigned","due":"2023-02-28","handler":"张三","assigned_on":"2022-11-30","departments":[{"name":"规划建设办","role":"lead","since":"2022-11-30","signed_on":null},{"name":"交通运输办","role":"co","since":"2022-11-30","signed_on":null},{"name":"社会事务办","role":"co","since":"2022-11-30","signed_on":null}],"h":["2022-11-30","assigned","lead: 规划建设办; co: 交通运输办、社会事务办; due: 2023-02-28; handler: 张三"]}
OUT
}

@test "assign: the date defaults to today; --due takes every date form" {
	registered
	j assign "$n" --dept 规划建设办 --due 2023年6月1日
	[ "$(sfield "$n" assigned_on)" = 2023-03-31 ]
	[ "$(sfield "$n" due)" = 2023-06-01 ]
}

@test "assign: a deadline on the day of assignment is allowed, not before" {
	registered
	refused 1 "deadline 2022-11-29 is before the assignment (2022-11-30)" \
	    assign "$n" --dept 规划建设办 --date 2022-11-30 --due 2022-11-29
	j assign "$n" --dept 规划建设办 --date 2022-11-30 --due 2022-11-30
	[ "$(sfield "$n" due)" = 2022-11-30 ]
}

@test "assign refusals: dates, departments, numbers" {
	registered
	refused 1 "assignment date 2022-11-29 is before the date it was received (2022-11-30)" \
	    assign "$n" --dept 规划建设办 --date 2022-11-29
	refused 1 "date 2023-04-01 is after today (2023-03-31)" \
	    assign "$n" --dept 规划建设办 --date 2023-04-01
	refused 1 "invalid date '2023-02-30': February 2023 has 28 days" \
	    assign "$n" --dept 规划建设办 --due 2023-02-30
	refused 1 "department '规划建设办' is named twice" \
	    assign "$n" --dept 规划建设办 --co 规划建设办
	refused 1 "department '交通运输办' is named twice" \
	    assign "$n" --dept 规划建设办 --co 交通运输办 --co 交通运输办
	refused 1 "unknown department '规划建设'; did you mean '规划建设办'?" \
	    assign "$n" --dept 规划建设
	refused 1 "unknown department '交通运输'; did you mean '交通运输办'?" \
	    assign "$n" --dept 规划建设办 --co 交通运输
	refused 1 "no suggestion numbered '2099-0001'" \
	    assign 2099-0001 --dept 规划建设办
	refused 1 "handler has a control character" \
	    assign "$n" --dept 规划建设办 --handler $'张\t三'
}

@test "assign usage errors" {
	registered
	refused 2 "expected NUMBER... and --dept; see 'jianyi assign --help'" \
	    assign "$n"
	refused 2 "expected NUMBER... and --dept; see 'jianyi assign --help'" \
	    assign --dept 规划建设办
}

@test "assign twice is refused" {
	assigned
	refused 1 "cannot assign '$n': it is assigned" \
	    assign "$n" --dept 社会事务办
}

@test "assign a withdrawn one is refused" {
	registered
	j withdraw "$n" --reason 提出人撤回 --date 2022-12-01
	refused 1 "cannot assign '$n': it is withdrawn" \
	    assign "$n" --dept 规划建设办
}

@test "assign many at once (交办会议)" {
	town
	a=$(j add --title a --date 2023-02-01)
	b=$(j add --title b --date 2023-02-01)
	c=$(j add --title c --date 2023-02-01)
	j assign "$a" "$c" --dept 规划建设办 --date 2023-02-02
	[ "$(sfield "$a" status)" = assigned ]
	[ "$(sfield "$b" status)" = registered ]
	[ "$(sfield "$c" status)" = assigned ]
	[ "$(sfield "$c" due)" = 2023-05-02 ]
}

@test "assign many is one transaction: one bad number, none assigned" {
	town
	a=$(j add --title a --date 2023-02-01)
	b=$(j add --title b --date 2023-02-01)
	refused 1 "no suggestion numbered '2023-0099'" \
	    assign "$a" 2023-0099 "$b" --dept 规划建设办
	j assign "$b" --dept 规划建设办 --date 2023-02-02
	refused 1 "cannot assign '$b': it is assigned" \
	    assign "$a" "$b" --dept 交通运输办
	[ "$(sfield "$a" status)" = registered ]
	refused 1 "suggestion '$a' is named twice" \
	    assign "$a" "$a" --dept 交通运输办
	[ "$(sfield "$a" status)" = registered ]
}

@test "wrong-state refusals of a registered suggestion" {
	registered
	refused 1 "cannot record a reply for '$n': it is registered" \
	    reply "$n" --dept 规划建设办 --class A
	refused 1 "cannot rate '$n': it is registered" rate "$n" satisfied
	refused 1 "cannot close '$n': it is registered" close "$n"
	refused 1 "cannot extend '$n': it is registered" \
	    extend "$n" --due 2024-01-01 --reason 延期 --approved-by 镇长
	refused 1 "cannot return '$n': it is registered" \
	    return "$n" --dept 规划建设办 --reason 不属于
	refused 1 "cannot record a contact for '$n': it is registered" \
	    contact "$n" --dept 规划建设办
}

@test "wrong-state refusals of an assigned suggestion" {
	assigned
	refused 1 "cannot rate '$n': it is assigned" rate "$n" satisfied
	refused 1 "cannot close '$n': it is assigned" close "$n"
}

@test "wrong-state refusals of a replied suggestion" {
	replied
	refused 1 "cannot record a reply for '$n': it is replied" \
	    reply "$n" --dept 规划建设办 --class A
	refused 1 "cannot extend '$n': it is replied" \
	    extend "$n" --due 2024-01-01 --reason 延期 --approved-by 镇长
	refused 1 "cannot return '$n': it is replied" \
	    return "$n" --dept 规划建设办 --reason 不属于
	refused 1 "cannot assign '$n': it is replied" \
	    assign "$n" --dept 社会事务办
}

@test "wrong-state refusals of a closed suggestion" {
	replied
	j rate "$n" satisfied --date 2023-01-15
	[ "$(sfield "$n" status)" = closed ]
	refused 1 "cannot withdraw '$n': it is closed" withdraw "$n" --reason 撤回
	refused 1 "cannot extend '$n': it is closed" \
	    extend "$n" --due 2024-01-01 --reason 延期 --approved-by 镇长
	refused 1 "cannot close '$n': it is closed" close "$n"
	refused 1 "cannot rate '$n': it is closed" rate "$n" unsatisfied
	refused 1 "cannot record a reply for '$n': it is closed" \
	    reply "$n" --dept 规划建设办 --class A
	refused 1 "cannot record a contact for '$n': it is closed" \
	    contact "$n" --dept 规划建设办
	refused 1 "cannot assign '$n': it is closed" assign "$n" --dept 规划建设办
}

@test "wrong-state refusals of a withdrawn suggestion" {
	assigned
	j withdraw "$n" --reason 撤回 --date 2023-01-01
	refused 1 "cannot withdraw '$n': it is withdrawn" withdraw "$n" --reason 再撤
	refused 1 "cannot record a reply for '$n': it is withdrawn" \
	    reply "$n" --dept 规划建设办 --class A
	refused 1 "cannot close '$n': it is withdrawn" close "$n"
	refused 1 "cannot return '$n': it is withdrawn" \
	    return "$n" --dept 规划建设办 --reason x
}

@test "an unknown number is refused by every lifecycle command" {
	town
	m="no suggestion numbered '2023-0001'"
	refused 1 "$m" reply 2023-0001 --dept 规划建设办 --class A
	refused 1 "$m" rate 2023-0001 satisfied
	refused 1 "$m" close 2023-0001
	refused 1 "$m" withdraw 2023-0001 --reason x
	refused 1 "$m" extend 2023-0001 --due 2024-01-01 --reason x --approved-by 镇长
	refused 1 "$m" return 2023-0001 --dept 规划建设办 --reason x
	refused 1 "$m" contact 2023-0001 --dept 规划建设办
}

# --- reply -------------------------------------------------------------

@test "reply: the lead department's reply makes it replied" {
	assigned
	run j reply "$n" --dept 规划建设办 --class A类 --date 2023-01-10 \
	    --text 已解决
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	run j show "$n" --format json
	run jq -c '{status, overdue, replies, h: .history[-1].detail}' \
	    <<<"$output"
	expect_output <<'OUT'
{"status":"replied","overdue":false,"replies":[{"date":"2023-01-10","department":"规划建设办","class":"A","text":"已解决"}],"h":"规划建设办, class A"}
OUT
}

@test "reply --text - reads standard input" {
	assigned
	printf '第一段\r\n第二段\r\n' |
	    j reply "$n" --dept 规划建设办 --class C --text - --date 2023-01-10
	[ "$(sfield "$n" replies[0].text)" = $'第一段\n第二段' ]
}

@test "reply dated before the assignment is refused" {
	registered
	j assign "$n" --dept 规划建设办 --date 2022-12-05
	refused 1 "reply date 2022-12-04 is before the assignment (2022-12-05)" \
	    reply "$n" --dept 规划建设办 --class A --date 2022-12-04
	refused 1 "date 2023-04-01 is after today (2023-03-31)" \
	    reply "$n" --dept 规划建设办 --class A --date 2023-04-01
}

@test "reply from a co-handling department is refused" {
	assigned
	refused 1 "'交通运输办' is a co-handling department of '$n'; the reply comes from the lead department '规划建设办'" \
	    reply "$n" --dept 交通运输办 --class A
}

@test "reply from a department not handling it is refused" {
	assigned
	refused 1 "'社会事务办' is not handling '$n' (the lead department is '规划建设办')" \
	    reply "$n" --dept 社会事务办 --class A
	refused 1 "unknown department '社会事务'; did you mean '社会事务办'?" \
	    reply "$n" --dept 社会事务 --class A
}

@test "reply refuses a bad class and needs --dept and --class" {
	assigned
	refused 1 "invalid class 'E' (use A|B|C|D)" \
	    reply "$n" --dept 规划建设办 --class E
	refused 1 "invalid class 'A类型' (use A|B|C|D)" \
	    reply "$n" --dept 规划建设办 --class A类型
	refused 1 "reply text has a control character" \
	    reply "$n" --dept 规划建设办 --class A --text $'a\x01'
	refused 2 "expected NUMBER, --dept and --class; see 'jianyi reply --help'" \
	    reply "$n" --dept 规划建设办
	refused 2 "expected NUMBER, --dept and --class; see 'jianyi reply --help'" \
	    reply --dept 规划建设办 --class A
}

# --- rate --------------------------------------------------------------

@test "rate satisfied or basic closes it; Chinese ratings are accepted" {
	replied
	run j rate "$n" 基本满意 --date 2023-01-15 --note 还行
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	run j show "$n" --format json
	run jq -c '{status, due, ratings, h: .history[-1].detail}' <<<"$output"
	expect_output <<'OUT'
{"status":"closed","due":"2023-02-28","ratings":[{"date":"2023-01-15","rating":"basic","note":"还行"}],"h":"basically satisfied: 还行"}
OUT
}

@test "rate before the reply date is refused; the same day is allowed" {
	replied
	refused 1 "rating date 2023-01-09 is before the reply (2023-01-10)" \
	    rate "$n" satisfied --date 2023-01-09
	j rate "$n" 满意 --date 2023-01-10
	[ "$(sfield "$n" ratings[0].rating)" = satisfied ]
}

@test "rate refuses an unknown rating and needs one" {
	replied
	refused 1 "invalid rating 'good' (use satisfied|basic|unsatisfied)" \
	    rate "$n" good
	refused 2 "expected NUMBER and a rating; see 'jianyi rate --help'" \
	    rate "$n"
	refused 2 "expected NUMBER and a rating; see 'jianyi rate --help'" \
	    rate "$n" satisfied extra
}

@test "unsatisfied: rehandling, due one month after the rating" {
	replied
	j rate "$n" 不满意 --date 2023-01-15 --note 太慢
	[ "$(sfield "$n" status)" = rehandling ]
	[ "$(sfield "$n" due)" = 2023-02-15 ]
	[ "$(sfield "$n" history[-1].detail)" = \
	    "unsatisfied; rehandling, due: 2023-02-15: 太慢" ]
}

@test "rehandling deadline clamps: 2024-01-31 + 1 month = 2024-02-29" {
	export JIANYI_TODAY=2024-03-31
	town
	n=$(j add --title x --date 2024-01-02 --deputy 陈大文)
	j assign "$n" --dept 规划建设办 --date 2024-01-03
	j reply "$n" --dept 规划建设办 --class C --date 2024-01-31
	j rate "$n" unsatisfied --date 2024-01-31
	[ "$(sfield "$n" due)" = 2024-02-29 ]
}

@test "rehandling: a new reply and rating; reply before the rating refused" {
	replied
	j rate "$n" unsatisfied --date 2023-01-15
	refused 1 "cannot rate '$n': it is rehandling" rate "$n" satisfied
	refused 1 "reply date 2023-01-14 is before the last rating (2023-01-15)" \
	    reply "$n" --dept 规划建设办 --class A --date 2023-01-14
	j reply "$n" --dept 规划建设办 --class A --date 2023-02-01
	[ "$(sfield "$n" status)" = replied ]
	j rate "$n" satisfied --date 2023-02-02
	[ "$(sfield "$n" status)" = closed ]
	[ "$(j show "$n" --format json | jq -c '[.ratings[].rating]')" = \
	    '["unsatisfied","satisfied"]' ]
}

# --- close and withdraw -----------------------------------------------

@test "close a replied suggestion, with a reason" {
	replied
	run j close "$n" --date 2023-01-20 --reason 代表联系不上
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$(sfield "$n" status)" = closed ]
	[ "$(j show "$n" --format json | jq -c '.history[-1] | [.at, .action, .detail]')" = \
	    '["2023-01-20","closed","代表联系不上"]' ]
}

@test "close dated before the reply is refused" {
	replied
	refused 1 "closing date 2023-01-09 is before the reply (2023-01-10)" \
	    close "$n" --date 2023-01-09
	refused 2 "expected NUMBER; see 'jianyi close --help'" close
}

@test "withdraw an open suggestion; it is kept and not overdue" {
	assigned
	run j withdraw "$n" --reason 提出人撤回 --date 2023-03-01
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$(sfield "$n" status)" = withdrawn ]
	[ "$(sfield "$n" overdue)" = false ]
	[ "$(sfield "$n" history[-1].detail)" = 提出人撤回 ]
}

@test "withdraw a replied one is allowed" {
	replied
	j withdraw "$n" --reason 撤回 --date 2023-01-11
	[ "$(sfield "$n" status)" = withdrawn ]
}

@test "withdraw refusals" {
	registered
	refused 2 "expected NUMBER and --reason; see 'jianyi withdraw --help'" \
	    withdraw "$n"
	refused 1 "reason must not be empty" withdraw "$n" --reason ''
	refused 1 "withdrawal date 2022-11-29 is before the date it was received (2022-11-30)" \
	    withdraw "$n" --reason 撤回 --date 2022-11-29
}

# --- extend ------------------------------------------------------------

@test "extend: a later deadline, with the reason in the history" {
	assigned
	run j extend "$n" --due 2023-04-30 --reason 需要协调 --date 2023-02-20 --approved-by 镇长
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$(sfield "$n" due)" = 2023-04-30 ]
	[ "$(j show "$n" --format json | jq -c '.history[-1] | [.at, .action, .detail]')" = \
	    '["2023-02-20","extended","due: 2023-04-30 (was 2023-02-28): 需要协调; approved by 镇长"]' ]
	[ "$(sfield "$n" overdue)" = false ]
}

@test "extend must be later than the deadline in force" {
	assigned
	refused 1 "new deadline 2023-02-28 is not later than the one in force (2023-02-28)" \
	    extend "$n" --due 2023-02-28 --reason 延期 --approved-by 镇长
	refused 1 "new deadline 2023-01-31 is not later than the one in force (2023-02-28)" \
	    extend "$n" --due 2023-01-31 --reason 延期 --approved-by 镇长
	j extend "$n" --due 2023-03-31 --reason 延期 --date 2023-02-01 --approved-by 镇长
	refused 1 "new deadline 2023-03-15 is not later than the one in force (2023-03-31)" \
	    extend "$n" --due 2023-03-15 --reason 再延期 --approved-by 镇长
}

@test "extend in rehandling must beat the rehandling deadline" {
	replied
	j rate "$n" unsatisfied --date 2023-01-15
	refused 1 "new deadline 2023-02-14 is not later than the one in force (2023-02-15)" \
	    extend "$n" --due 2023-02-14 --reason 延期 --approved-by 镇长
	j extend "$n" --due 2023-02-16 --reason 延期 --date 2023-01-20 --approved-by 镇长
	[ "$(sfield "$n" due)" = 2023-02-16 ]
}

@test "extend refusals" {
	assigned
	refused 1 "extension date 2022-11-29 is before the assignment (2022-11-30)" \
	    extend "$n" --due 2023-05-01 --reason 延期 --date 2022-11-29 --approved-by 镇长
	refused 1 "invalid date '2023-06-31': June 2023 has 30 days" \
	    extend "$n" --due 2023-06-31 --reason 延期 --approved-by 镇长
	refused 1 "reason must not be empty" extend "$n" --due 2023-05-01 --reason '' --approved-by 镇长
	refused 2 "expected NUMBER, --due, --reason and --approved-by; see 'jianyi extend --help'" \
	    extend "$n" --due 2023-05-01 --approved-by 镇长
	refused 2 "expected NUMBER, --due, --reason and --approved-by; see 'jianyi extend --help'" \
	    extend "$n" --reason 延期 --approved-by 镇长
	refused 2 "expected NUMBER, --due, --reason and --approved-by; see 'jianyi extend --help'" \
	    extend "$n" --due 2023-05-01 --reason 延期
}

# --- contact -----------------------------------------------------------

@test "contact by the lead or a co department; method in Chinese" {
	assigned
	run j contact "$n" --dept 交通运输办 --method 电话 --date 2022-12-01 \
	    --note 电话沟通
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	j contact "$n" --dept 规划建设办 --method visit --date 2022-12-05
	run j show "$n" --format json
	run jq -c '.contacts' <<<"$output"
	expect_output <<'OUT'
[{"date":"2022-12-01","department":"交通运输办","method":"phone","note":"电话沟通"},{"date":"2022-12-05","department":"规划建设办","method":"visit","note":null}]
OUT
	[ "$(sfield "$n" history[-1].detail)" = "规划建设办, visit" ]
}

@test "contact after the reply is still recorded" {
	replied
	j contact "$n" --dept 规划建设办 --date 2023-01-11
	[ "$(sfield "$n" contacts[0].date)" = 2023-01-11 ]
	[ "$(sfield "$n" status)" = replied ]
}

@test "contact refusals" {
	assigned
	refused 1 "contact date 2022-11-29 is before the assignment (2022-11-30)" \
	    contact "$n" --dept 规划建设办 --date 2022-11-29
	refused 1 "'社会事务办' is not handling '$n' (the lead department is '规划建设办')" \
	    contact "$n" --dept 社会事务办
	refused 1 "invalid method 'email' (use visit|meeting|phone)" \
	    contact "$n" --dept 规划建设办 --method email
	refused 2 "expected NUMBER and --dept; see 'jianyi contact --help'" \
	    contact "$n"
}

# --- return ------------------------------------------------------------

@test "return by the lead: registered again, and can be re-assigned" {
	registered
	j assign "$n" --dept 规划建设办 --co 交通运输办 --handler 张三 \
	    --date 2022-12-01
	run j return "$n" --dept 规划建设办 --reason 不属于本单位 --date 2022-12-05
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	run j show "$n" --format json
	run jq -c '{status, due, handler, assigned_on, departments,
	    h: .history[-1].detail}' <<<"$output"
	expect_output <<'OUT'
{"status":"registered","due":null,"handler":null,"assigned_on":null,"departments":[],"h":"规划建设办 (lead): 不属于本单位"}
OUT
	refused 1 "cannot record a reply for '$n': it is registered" \
	    reply "$n" --dept 规划建设办 --class A
	j assign "$n" --dept 社会事务办 --date 2022-12-06
	[ "$(sfield "$n" status)" = assigned ]
	[ "$(sfield "$n" due)" = 2023-03-06 ]
	[ "$(j show "$n" --format json | jq -c '.departments')" = \
	    '[{"name":"社会事务办","role":"lead","since":"2022-12-06","signed_on":null}]' ]
}

@test "return by a co-handling department only drops it" {
	registered
	j assign "$n" --dept 规划建设办 --co 交通运输办 --co 社会事务办 \
	    --date 2022-12-01
	j return "$n" --dept 交通运输办 --reason 不涉及 --date 2022-12-02
	run j show "$n" --format json
	run jq -c '{status, due, departments, h: .history[-1].detail}' \
	    <<<"$output"
	expect_output <<'OUT'
{"status":"assigned","due":"2023-03-01","departments":[{"name":"规划建设办","role":"lead","since":"2022-12-01","signed_on":null},{"name":"社会事务办","role":"co","since":"2022-12-01","signed_on":null}],"h":"交通运输办 (co): 不涉及"}
OUT
	refused 1 "'交通运输办' is not handling '$n' (the lead department is '规划建设办')" \
	    return "$n" --dept 交通运输办 --reason 再退
	refused 1 "'交通运输办' is not handling '$n' (the lead department is '规划建设办')" \
	    contact "$n" --dept 交通运输办
}

@test "return in rehandling sends it back to be routed again" {
	replied
	j rate "$n" unsatisfied --date 2023-01-15
	j return "$n" --dept 规划建设办 --reason 应由镇政府统筹 --date 2023-01-20
	[ "$(sfield "$n" status)" = registered ]
	[ "$(sfield "$n" due)" = null ]
}

@test "return refusals" {
	assigned
	refused 1 "return date 2022-11-29 is before the assignment (2022-11-30)" \
	    return "$n" --dept 规划建设办 --reason 不属于 --date 2022-11-29
	refused 1 "reason must not be empty" \
	    return "$n" --dept 规划建设办 --reason ''
	refused 1 "'社会事务办' is not handling '$n' (the lead department is '规划建设办')" \
	    return "$n" --dept 社会事务办 --reason 不属于
	refused 2 "expected NUMBER, --dept and --reason; see 'jianyi return --help'" \
	    return "$n" --dept 规划建设办
	refused 2 "expected NUMBER, --dept and --reason; see 'jianyi return --help'" \
	    return "$n" --reason 不属于
}

# --- dates in order ----------------------------------------------------

@test "re-assignment dated before the return is refused" {
	registered
	j assign "$n" --dept 规划建设办 --date 2023-01-10
	j return "$n" --dept 规划建设办 --reason 不属于 --date 2023-01-20
	refused 1 "assignment date 2023-01-05 is before the latest change (2023-01-20)" \
	    assign "$n" --dept 交通运输办 --date 2023-01-05
}

@test "reply dated before a later extension is refused" {
	assigned
	j extend "$n" --due 2023-04-30 --reason 延期 --date 2023-02-20 --approved-by 镇长
	refused 1 "reply date 2023-01-10 is before the latest change (2023-02-20)" \
	    reply "$n" --dept 规划建设办 --class A --date 2023-01-10
}

@test "the history is written in the interface language: Chinese words for a Chinese secretary" {
	town
	export JIANYI_LANG=zh
	j add --title 修路 --station 黄塘 --deputy 陈大文 --source session \
	    --date 2023-01-05 >/dev/null
	j assign 2023-0001 --dept 规划建设办 --co 交通运输办 --date 2023-01-10
	j contact 2023-0001 --dept 规划建设办 --method visit --note 现场查看 \
	    --date 2023-01-12
	j extend 2023-0001 --due 2023-05-31 --reason 需要协调 --date 2023-01-20 --approved-by 镇长
	j reply 2023-0001 --dept 规划建设办 --class B --date 2023-02-01
	j rate 2023-0001 unsatisfied --note 希望加快 --date 2023-02-05
	run j log 2023-0001 --format csv
	[ "$status" -eq 0 ]
	cut -d, -f1-5 <<<"$output" > got
	output=$(cat got)
	expect_output <<'OUT'
date,number,action,detail,actor
2023-01-05,2023-0001,registered,来源：人代会；联络站：黄塘；领衔代表：陈大文,secretary
2023-01-10,2023-0001,assigned,主办：规划建设办；协办：交通运输办；办理期限：2023-04-10,secretary
2023-01-12,2023-0001,contact,规划建设办，走访：现场查看,secretary
2023-01-20,2023-0001,extended,办理期限 2023-05-31（原为 2023-04-10）：需要协调；批准：镇长,secretary
2023-02-01,2023-0001,replied,规划建设办，B类,secretary
2023-02-05,2023-0001,rated,不满意；重新办理，期限：2023-03-05：希望加快,secretary
OUT
	# The same history read by an English interface: in English (13.4:
	# the history is data, rendered in the reader's language).
	unset JIANYI_LANG
	run j log 2023-0001
	[[ "${lines[0]}" == "date "* ]]
	[[ "${lines[2]}" == *"lead: 规划建设办; co: 交通运输办; due: 2023-04-10"* ]]
}
