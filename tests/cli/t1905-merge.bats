#!/usr/bin/env bats
# 14.8: merging a suggestion into one it repeats (并案): the merged one
# follows the other's routing, deadlines and replies; its own lead deputy
# rates it; the report counts each in 件 and their answers once in 件次;
# every refusal changes nothing.

load helper

setup() {
	common_setup
	town
	export JIANYI_TODAY=2023-12-31
	j add --title 路灯维修 --station 黄塘 --date 2023-04-20 --deputy 陈大文 >/dev/null
	j add --title 黄塘路灯维修 --station 黄塘 --date 2023-04-21 --deputy 李小红 >/dev/null
	j add --title 河道清淤 --station 黄塘 --date 2023-04-21 >/dev/null
}

@test "14.8: merge, then the one merged follows; its own deputy rates it" {
	run j merge 2023-0002 --into 2023-0001 --date 2023-04-22
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	j assign 2023-0001 --dept 规划建设办 --date 2023-04-24
	j extend 2023-0001 --due 2023-08-24 --reason 协调 --approved-by 镇长 --date 2023-05-02
	j reply 2023-0001 --dept 规划建设办 --class A --date 2023-06-01
	j rate 2023-0002 satisfied --date 2023-06-05
	run j show 2023-0002
	expect_output <<'OUT'
  number        2023-0002
  status        closed
  overdue       no
  title         黄塘路灯维修
  received      2023-04-21
  source        reception
  station       黄塘
  category      -
  submitter     -
  phone         -
  lead deputy   李小红
  cosigners     -
  department    -
  co-handling   -
  handler       -
  assigned      2023-04-24
  due           2023-08-24
  merged into   2023-0001

  reply 2023-06-01, 规划建设办, class A

  history
    2023-04-21  registered  source: reception; station: 黄塘; lead deputy: 李小红
    2023-04-22  merged      into 2023-0001
    2023-04-24  assigned    as 2023-0001; due: 2023-07-24
    2023-05-02  extended    as 2023-0001; due: 2023-08-24
    2023-06-01  replied     as 2023-0001: 规划建设办, class A
    2023-06-05  rated       satisfied
OUT
	# The one it follows is still to be rated by its own deputy.
	run j show 2023-0001 --format json
	[ "$(jq -c '[.status, .merged, .merged_into, .history[1].detail]' <<<"$output")" = '["replied",["2023-0002"],null,"2023-0002 merged into it"]' ]
	run env JIANYI_LANG=zh "$JIANYI" show 2023-0002 --format json
	[ "$(jq -c '[.merged_into, [.history[] | .detail]]' <<<"$output")" = '["2023-0001",["来源：接待；联络站：黄塘；领衔代表：李小红","并入 2023-0001","随 2023-0001 交办；办理期限：2023-07-24","随 2023-0001 延期；办理期限：2023-08-24","随 2023-0001 答复：规划建设办，A类","满意"]]' ]
	# 件: each; 件次: once; the merged one's rating is its own.
	run j report --month 2023-04 --as-of 2023-06-30 --format json
	[ "$(jq -c '.cohort | [.received, .assigned, .replied, .rated, .closed, .answers_owed, .answers_given, .merged, .rates.satisfied.num]' <<<"$output")" = '[3,2,2,1,1,1,1,1,1]' ]
	run j check
	expect_output <<<'ok'
}

@test "14.8: list, overdue and remind name the departments of the one it follows" {
	j merge 2023-0002 --into 2023-0001 --date 2023-04-22
	j assign 2023-0001 --dept 规划建设办 --date 2023-04-24 --due 2023-05-31
	run j list --dept 规划建设办 --format csv
	[ "$(cut -d, -f1,6 <<<"${output//$'\r'/}")" = "number,department
2023-0001,规划建设办
2023-0002,规划建设办" ]
	run j overdue --as-of 2023-06-01 --format csv
	[ "$(cut -d, -f1,2,4,5 <<<"${output//$'\r'/}")" = "number,department,due,days_overdue
2023-0001,规划建设办,2023-05-31,1
2023-0002,规划建设办,2023-05-31,1" ]
	run j remind --as-of 2023-05-30 --format json
	[ "$(jq -c '[.[] | .department, [.suggestions[].number]]' <<<"$output")" = '["规划建设办",["2023-0001","2023-0002"]]' ]
	# The ledger keeps its own: none, and the number it follows.
	run j export suggestions
	[[ "${lines[2]}" == 2023-0002,*,黄塘路灯维修,*,李小红,,,,2023-04-24,2023-05-31,* ]]
}

@test "14.8: a return of the one followed sends the merged one back too" {
	j merge 2023-0002 --into 2023-0001 --date 2023-04-22
	j assign 2023-0001 --dept 规划建设办 --date 2023-04-24
	j return 2023-0001 --dept 规划建设办 --reason 不属本办 --date 2023-04-25
	run j show 2023-0002 --format json
	[ "$(jq -c '[.status, .due, .history[-1].detail]' <<<"$output")" = '["registered",null,"as 2023-0001"]' ]
	j assign 2023-0001 --dept 交通运输办 --date 2023-04-26
	run j show 2023-0002 --format json
	[ "$(jq -c '[.status, .assigned_on]' <<<"$output")" = '["assigned","2023-04-26"]' ]
}

@test "14.8: merge refuses itself, a closed one, a merged one, a routed one; steps on the merged one" {
	j assign 2023-0003 --dept 规划建设办 --date 2023-04-24
	j merge 2023-0002 --into 2023-0001 --date 2023-04-22
	before=$(dump)
	run j merge 2023-0001 --into 2023-0001
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: cannot merge '2023-0001' into itself" ]
	run j merge 2023-0001 --into 2023-0002
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: cannot merge into '2023-0002': it is merged into '2023-0001' itself" ]
	run j merge 2023-0003 --into 2023-0001
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: cannot merge '2023-0003': it is assigned" ]
	run j merge 2023-0001 --into 2023-0009
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: no suggestion numbered '2023-0009'" ]
	run j assign 2023-0002 --dept 规划建设办
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: cannot assign '2023-0002': it is merged into '2023-0001', whose handling it follows" ]
	run j withdraw 2023-0001 --reason x
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: cannot withdraw '2023-0001': 2023-0002 merged into it (并案)" ]
	run j reject 2023-0001 --reason other --note x
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: cannot reject '2023-0001': 2023-0002 merged into it (并案)" ]
	run j merge 2023-0002
	[ "$status" -eq 2 ]
	[ "$(dump)" = "$before" ]
	# Into a closed one.
	j reply 2023-0003 --dept 规划建设办 --class A --date 2023-05-01
	j rate 2023-0003 satisfied --date 2023-05-02
	j add --title 又一件 --date 2023-05-03 >/dev/null
	before=$(dump)
	run j merge 2023-0004 --into 2023-0003
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: cannot merge into '2023-0003': it is closed" ]
	[ "$(dump)" = "$before" ]
	# Not on a day before the other was received.
	j add --title 早一件 --date 2023-04-01 >/dev/null
	before=$(dump)
	run j merge 2023-0005 --into 2023-0004 --date 2023-04-02
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: merging date 2023-04-02 is before the date the other was received (2023-05-03)" ]
	[ "$(dump)" = "$before" ]
}

@test "14.8: one that others follow is not merged into another" {
	j merge 2023-0002 --into 2023-0001 --date 2023-04-22
	before=$(dump)
	run j merge 2023-0001 --into 2023-0003 --date 2023-04-23
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: cannot merge '2023-0001': 2023-0002 merged into it (并案)" ]
	[ "$(dump)" = "$before" ]
}
