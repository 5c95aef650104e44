#!/usr/bin/env bats
# 14.2-14.5: screening (reject, 不予立案), signing (sign, 签收), several
# lead departments (分办), co-handlers' opinions (opinion, 会办意见), late
# returns, overdue --stage, and the report's new counts and rates on a
# crafted month whose values are worked out by hand below.

load helper

setup() {
	common_setup
	town
	export JIANYI_TODAY=2023-12-31
	j add --title 路灯维修 --station 黄塘 --date 2023-04-20 >/dev/null
	j add --title 河道清淤 --station 黄塘 --date 2023-04-20 >/dev/null
	j add --title 道路硬化 --station 黄塘 --date 2023-04-20 >/dev/null
	j add --title 公交站亭 --station 黄塘 --date 2023-04-25 >/dev/null
}

@test "14.2: reject moves a registered suggestion to not_accepted, with its reason" {
	run j reject 2023-0001 --reason 诉讼事项 --note 已进入诉讼程序 --date 2023-04-21
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run j show 2023-0001
	expect_output <<'OUT'
  number        2023-0001
  status        not accepted
  overdue       no
  title         路灯维修
  received      2023-04-20
  source        reception
  station       黄塘
  category      -
  submitter     -
  phone         -
  lead deputy   -
  cosigners     -
  department    -
  co-handling   -
  handler       -
  assigned      -
  due           -

  history
    2023-04-20  registered  source: reception; station: 黄塘
    2023-04-21  rejected    a matter before a court: 已进入诉讼程序
OUT
	run env JIANYI_LANG=zh "$JIANYI" show 2023-0001 --format json
	[ "$(jq -r '.status + " " + .history[-1].action + " " + .history[-1].detail' <<<"$output")" = "not_accepted not_accepted 诉讼事项：已进入诉讼程序" ]
	run j list --status not_accepted --format csv
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[1]}" == 2023-0001,not_accepted,* ]]
}

@test "14.2: reject refuses the wrong state, a bad reason, a date before receipt; nothing changes" {
	j assign 2023-0002 --dept 规划建设办 --date 2023-04-24
	before=$(dump)
	run j reject 2023-0002 --reason personal --note x
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: cannot reject '2023-0002': it is assigned" ]
	run j reject 2023-0001 --reason frob --note x
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: invalid reason 'frob' (use personal|litigation|letter|other)" ]
	run j reject 2023-0001 --reason other --note x --date 2023-04-19
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: screening date 2023-04-19 is before the date it was received (2023-04-20)" ]
	run j reject 2023-0001 --reason other
	[ "$status" -eq 2 ]
	[ "$(dump)" = "$before" ]
	j reject 2023-0001 --reason other --note x --date 2023-04-21
	run j assign 2023-0001 --dept 规划建设办
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: cannot assign '2023-0001': it is not accepted" ]
}

@test "14.3: sign on the working-day calendar: 2023's Labour Day makes 5/6 the last day" {
	j assign 2023-0002 --dept 规划建设办 --dept 交通运输办 --co 社会事务办 --date 2023-04-24
	j sign 2023-0002 --dept 规划建设办 --date 2023-05-06
	j sign 2023-0002 --dept 交通运输办 --date 2023-05-08
	run j show 2023-0002
	[ "${lines[12]}" = "  department    规划建设办、交通运输办" ]
	[ "${lines[13]}" = "  co-handling   社会事务办" ]
	[ "${lines[17]}" = "  signed        规划建设办 2023-05-06、交通运输办 2023-05-08、社会事务办 -" ]
	[ "${lines[-2]}" = "    2023-05-06  signed      规划建设办 (lead)" ]
	[ "${lines[-1]}" = "    2023-05-08  signed      交通运输办 (lead); late: due by 2023-05-06" ]
	run j show 2023-0002 --format json
	[ "$(jq -c '[.departments[] | [.name, .role, .signed_on]]' <<<"$output")" = '[["规划建设办","lead","2023-05-06"],["交通运输办","lead","2023-05-08"],["社会事务办","co",null]]' ]
}

@test "14.3: sign refuses a department not routed, a second signature, a date before routing" {
	j assign 2023-0002 --dept 规划建设办 --date 2023-04-24
	j sign 2023-0002 --dept 规划建设办 --date 2023-04-25
	before=$(dump)
	run j sign 2023-0002 --dept 交通运输办
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: '交通运输办' is not handling '2023-0002' (the lead department is '规划建设办')" ]
	run j sign 2023-0002 --dept 规划建设办
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: '规划建设办' signed for '2023-0002' already, on 2023-04-25" ]
	run j sign 2023-0003 --dept 规划建设办
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: cannot sign for '2023-0003': it is registered" ]
	j assign 2023-0003 --dept 交通运输办 --date 2023-05-10
	before=$(dump)
	run j sign 2023-0003 --dept 交通运输办 --date 2023-05-09
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: signing date 2023-05-09 is before the assignment (2023-05-10)" ]
	[ "$(dump)" = "$before" ]
}

@test "14.4: two lead departments each reply; replied when the last has" {
	j assign 2023-0002 --dept 规划建设办 --dept 交通运输办 --date 2023-04-24
	j reply 2023-0002 --dept 规划建设办 --class A --date 2023-06-10
	run j show 2023-0002 --format json
	[ "$(jq -r '.status + " " + .history[-1].detail' <<<"$output")" = "assigned 规划建设办, class A; lead departments still to reply: 1" ]
	before=$(dump)
	run j reply 2023-0002 --dept 规划建设办 --class B
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: '规划建设办' has replied to '2023-0002' already; 1 lead department is still to reply" ]
	[ "$(dump)" = "$before" ]
	j reply 2023-0002 --dept 交通运输办 --class B --date 2023-06-12
	run j show 2023-0002 --format json
	[ "$(jq -r '.status + " " + .history[-1].detail' <<<"$output")" = "replied 交通运输办, class B" ]
	run j assign 2023-0003 --dept 规划建设办 --dept 规划建设办
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: department '规划建设办' is named twice" ]
}

@test "14.4: one of two leads returns it: only its own assignment ends" {
	j assign 2023-0002 --dept 规划建设办 --dept 交通运输办 --date 2023-04-24
	j return 2023-0002 --dept 交通运输办 --reason 不属本办 --date 2023-04-25
	run j show 2023-0002 --format json
	[ "$(jq -c '[.status, [.departments[].name]]' <<<"$output")" = '["assigned",["规划建设办"]]' ]
	j reply 2023-0002 --dept 规划建设办 --class A --date 2023-05-04
	run j show 2023-0002 --format json
	[ "$(jq -r .status <<<"$output")" = replied ]
}

@test "14.3: a return after return_workdays working days is taken, and marked late" {
	j assign 2023-0003 --dept 交通运输办 --date 2023-05-10
	j return 2023-0003 --dept 交通运输办 --reason 不属本办 --date 2023-05-25
	run j log 2023-0003
	[[ "${lines[-1]}" == *"交通运输办 (lead): 不属本办; late: due by 2023-05-19"* ]]
	j config set return_workdays 15
	j assign 2023-0003 --dept 交通运输办 --date 2023-05-26
	j return 2023-0003 --dept 交通运输办 --reason 仍不属本办 --date 2023-06-09
	run j log 2023-0003 --format json
	[ "$(jq -r '.[-1].detail' <<<"$output")" = "交通运输办 (lead): 仍不属本办" ]
}

@test "14.5: a co-handler's opinion, due a month after routing; not from a lead" {
	j assign 2023-0002 --dept 规划建设办 --co 社会事务办 --date 2023-04-24
	before=$(dump)
	run j opinion 2023-0002 --dept 规划建设办 --text 同意
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: '规划建设办' is a lead department of '2023-0002'; an opinion comes from a co-handling department" ]
	run j opinion 2023-0002 --dept 交通运输办 --text 同意
	[ "$status" -eq 1 ]
	run j opinion 2023-0002 --dept 社会事务办 --text ''
	[ "$status" -eq 1 ]
	[ "$(dump)" = "$before" ]
	printf '同意主办单位的方案。\n需要社区配合。\n' | j opinion 2023-0002 --dept 社会事务办 --text - --date 2023-05-30
	run j show 2023-0002
	[ "$(printf '%s\n' "$output" | sed -n '/^  opinion/,/^$/p')" = "$(printf '  opinion 2023-05-30, 社会事务办\n    同意主办单位的方案。\n    需要社区配合。\n')" ]
	[ "${lines[-1]}" = "    2023-05-30  opinion     社会事务办; late: due by 2023-05-24" ]
	run j show 2023-0002 --format json
	[ "$(jq -c '.opinions' <<<"$output")" = '[{"date":"2023-05-30","department":"社会事务办","text":"同意主办单位的方案。\n需要社区配合。"}]' ]
}

@test "14.10: overdue --stage routing, sign, opinion" {
	j assign 2023-0002 --dept 规划建设办 --co 社会事务办 --date 2023-04-24
	j sign 2023-0002 --dept 规划建设办 --date 2023-04-25
	run j overdue --stage routing --as-of 2023-05-05 --format csv
	output=${output//$'\r'/}
	expect_output <<'OUT'
number,department,handler,due,days_overdue,title
2023-0001,,,2023-04-28,7,路灯维修
2023-0003,,,2023-04-28,7,道路硬化
OUT
	run j overdue --stage 签收 --as-of 2023-05-08 --format csv
	output=${output//$'\r'/}
	expect_output <<'OUT'
number,department,handler,due,days_overdue,title
2023-0002,社会事务办,,2023-05-06,2,河道清淤
OUT
	run j overdue --stage opinion --as-of 2023-05-25 --format csv
	output=${output//$'\r'/}
	expect_output <<'OUT'
number,department,handler,due,days_overdue,title
2023-0002,社会事务办,,2023-05-24,1,河道清淤
OUT
	run j overdue --stage opinion --as-of 2023-05-24 --format csv
	[ "${#lines[@]}" -eq 1 ]
	run j overdue --stage routing --as-of 2023-05-09 --format json
	[ "$(jq -c 'map([.number, .due, .days_overdue])' <<<"$output")" = '[["2023-0001","2023-04-28",11],["2023-0003","2023-04-28",11],["2023-0004","2023-05-08",1]]' ]
	run j overdue --stage frob
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: invalid stage 'frob' (use routing|sign|opinion|reply)" ]
}

# The crafted month, April 2023, as of 2023-06-30:
#   0001 rejected.
#   0002 routed 4/24 (on time: by 4/28, 2023's 4/23 was worked) to two
#        leads and a co-handler; 规划 signed 5/6 (the last day), 交通 5/8
#        (late); 社会's opinion 5/30 (due 5/24: late); both leads reply.
#   0003 routed 5/10 (late), returned 5/25 by 交通 (late: by 5/19),
#        routed 5/26 to 规划, signed 5/29 (by 6/6).
#   0004 not routed.
# received 4, not_accepted 1, accepted 3; routed_on_time 1/2; live parts
# 4 (0002: 3, 0003: 1), signed 3/4, on time 2/3; answers owed 3 (0002: 2,
# 0003: 1), given 2; opinions owed 1, given 1, late 1; returns late 1.
@test "14.10: the report on a crafted month, every new count and rate" {
	j reject 2023-0001 --reason personal --note 个人事项 --date 2023-04-21
	j assign 2023-0002 --dept 规划建设办 --dept 交通运输办 --co 社会事务办 --date 2023-04-24
	j sign 2023-0002 --dept 规划建设办 --date 2023-05-06
	j sign 2023-0002 --dept 交通运输办 --date 2023-05-08
	j opinion 2023-0002 --dept 社会事务办 --text 同意 --date 2023-05-30
	j reply 2023-0002 --dept 规划建设办 --class A --date 2023-06-10
	j reply 2023-0002 --dept 交通运输办 --class B --date 2023-06-12
	j assign 2023-0003 --dept 交通运输办 --date 2023-05-10
	j return 2023-0003 --dept 交通运输办 --reason 不属本办 --date 2023-05-25
	j assign 2023-0003 --dept 规划建设办 --date 2023-05-26
	j sign 2023-0003 --dept 规划建设办 --date 2023-05-29
	run j report --month 2023-04 --as-of 2023-06-30 --format json
	[ "$status" -eq 0 ]
	[ "$(jq -c '.cohort | [.received, .accepted, .not_accepted, .assigned, .replied, .answers_owed, .answers_given, .opinions_owed, .opinions_given, .opinions_late, .returns_late]' <<<"$output")" = '[4,3,1,2,1,3,2,1,1,1,1]' ]
	[ "$(jq -c '.cohort.rates | [.reply, .routed_on_time, .signed, .signed_on_time] | map([.num, .den, .percent])' <<<"$output")" = '[[1,2,50],[1,2,50],[3,4,75],[2,3,66.7]]' ]
	[ "$(jq -c '.cohort.by_routing | map([.name, .routed, .signed, .signed_on_time, .opinions, .opinions_late, .returned_late])' <<<"$output")" = '[["规划建设办",2,2,2,0,0,0],["交通运输办",1,1,0,0,0,1],["社会事务办",1,0,0,1,1,0]]' ]
	[ "$(jq -c '.cohort.by_department | map([.name, .assigned, .replied, .on_time, .overdue])' <<<"$output")" = '[["规划建设办",2,1,1,0],["交通运输办",1,1,1,0]]' ]
	run j report --month 2023-04 --as-of 2023-06-30
	[[ "$output" == *"  routed-on-time rate       50.0% (1/2)   50.0% (1/2)"* ]]
	[[ "$output" == *"  signed rate               75.0% (3/4)   75.0% (3/4)"* ]]
	[[ "$output" == *"  on-time signing rate      66.7% (2/3)   66.7% (2/3)"* ]]
	[[ "$output" == *"8. Intake and routing (year to date)"* ]]
	[[ "$output" == *"Accepted 3, not accepted 1; merged into another 0,"* ]]
	run env JIANYI_LANG=zh "$JIANYI" report --month 2023-04 --as-of 2023-06-30
	[[ "$output" == *"  交办及时率 "*" 50.0%（1/2）  "* ]]
	[[ "$output" == *"八、立案、交办与签收（本年累计）"* ]]
	run j report --month 2023-04 --as-of 2023-06-30 --format csv
	[[ "$output" == *"department,routed,signed,in time,opinions,late opinions,late returns"* ]]
}

@test "14.10: a month without the new facts has no section 8, and its rates stand" {
	j assign 2023-0002 --dept 规划建设办 --date 2023-04-24
	run j report --month 2023-04 --as-of 2023-06-30
	[[ "$output" != *"8. Intake"* ]]
	[[ "$output" == *"  signed rate                0.0% (0/1)    0.0% (0/1)"* ]]
	[[ "$output" == *"  on-time signing rate          - (0/0)       - (0/0)"* ]]
	run j report --month 2023-04 --as-of 2023-06-30 --format csv
	[[ "$output" != *"late returns"* ]]
}

@test "14: a schema 7 database gains the new steps when next opened (migration 8)" {
	j assign 2023-0002 --dept 规划建设办 --date 2023-04-24
	schema7
	run j list
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$JIANYI_DB" 'PRAGMA user_version')" = 8 ]
	[ "$(sqlite3 "$JIANYI_DB" 'PRAGMA foreign_key_check')" = "" ]
	[ "$(sqlite3 "$JIANYI_DB" "SELECT value FROM config WHERE key = 'sign_workdays'")" = 7 ]
	j reject 2023-0001 --reason other --note x
	j sign 2023-0002 --dept 规划建设办 --date 2023-04-25
	run j check
	expect_output <<<'ok'
}

@test "14.3-14.5: the story of two leads, a co-handler, signatures and an opinion, shown whole" {
	j assign 2023-0002 --dept 规划建设办 --dept 交通运输办 --co 社会事务办 --complex --date 2023-04-24
	j sign 2023-0002 --dept 规划建设办 --date 2023-05-06
	j sign 2023-0002 --dept 交通运输办 --date 2023-05-08
	j opinion 2023-0002 --dept 社会事务办 --text 同意 --date 2023-05-20
	j reply 2023-0002 --dept 规划建设办 --class A --date 2023-06-10 --text 已清淤
	run j show 2023-0002 --as-of 2023-06-30
	expect_output <<'OUT'
  number        2023-0002
  status        assigned
  overdue       no
  title         河道清淤
  received      2023-04-20
  source        reception
  station       黄塘
  category      -
  submitter     -
  phone         -
  lead deputy   -
  cosigners     -
  department    规划建设办、交通运输办
  co-handling   社会事务办
  handler       -
  assigned      2023-04-24
  due           2023-10-24
  signed        规划建设办 2023-05-06、交通运输办 2023-05-08、社会事务办 -

  reply 2023-06-10, 规划建设办, class A
    已清淤

  opinion 2023-05-20, 社会事务办
    同意

  history
    2023-04-20  registered  source: reception; station: 黄塘
    2023-04-24  assigned    lead: 规划建设办、交通运输办; co: 社会事务办; due: 2023-10-24; complex: 6 months
    2023-05-06  signed      规划建设办 (lead)
    2023-05-08  signed      交通运输办 (lead); late: due by 2023-05-06
    2023-05-20  opinion     社会事务办
    2023-06-10  replied     规划建设办, class A; lead departments still to reply: 1
OUT
	run env JIANYI_LANG=zh "$JIANYI" log 2023-0002 --format csv
	[[ "$output" == *"signed,交通运输办（主办）；逾期：应于 2023-05-06 前签收,"* ]]
	[[ "$output" == *"replied,规划建设办，A类；尚未答复的主办单位：1 个,"* ]]
}

@test "14.4: more lead departments than a list holds are refused before anything is written" {
	args=()
	for i in $(seq 101); do args+=(--dept "单位$i"); done
	before=$(dump)
	run j assign 2023-0002 "${args[@]}"
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: too many lead departments (101; at most 100)" ]
	[ "$(dump)" = "$before" ]
}

@test "14: migration 8 refuses a database whose rows refer to missing ones, and leaves it as it was" {
	j assign 2023-0002 --dept 规划建设办 --date 2023-04-24
	schema7
	sqlite3 "$JIANYI_DB" 'PRAGMA foreign_keys = OFF; INSERT INTO cosigner VALUES (99, 1, 0)'
	before=$(dump)
	run j list
	[ "$status" -eq 3 ]
	[[ "$output" == *"table cosigner refers to a missing row"* ]]
	[ "$(sqlite3 "$JIANYI_DB" 'PRAGMA user_version')" = 7 ]
	[ "$(dump)" = "$before" ]
}
