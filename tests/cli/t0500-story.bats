#!/usr/bin/env bats
# The whole life of one suggestion, with the exact output of show:
# add -> assign (lead + co) -> contact -> reply B -> rate unsatisfied ->
# rehandling -> reply A -> rate satisfied -> closed.

load helper

@test "a suggestion's whole life, shown exactly" {
	town
	n=$(j add --title 关于睿星幼儿园门前整改的建议 --station 黄塘 \
	    --date 2022-11-30 --submitter 王小明 --phone 13812342415 \
	    --deputy 陈大文 --cosigner 李小红 --category 城建 \
	    --content $'幼儿园门前道路狭窄，\n接送时段拥堵。')
	[ "$n" = 2022-0001 ]
	j assign "$n" --dept 规划建设办 --co 交通运输办 --handler 张三 \
	    --date 2022-11-30
	[ "$(j show "$n" --format json | jq -r .status)" = assigned ]
	[ "$(j show "$n" --format json | jq -r .due)" = 2023-02-28 ]
	j contact "$n" --dept 规划建设办 --date 2022-12-05 --method visit \
	    --note 现场查看
	j reply "$n" --dept 规划建设办 --class B --date 2023-01-10 \
	    --text 已列入明年计划
	j rate "$n" unsatisfied --date 2023-01-15 --note 进度太慢
	[ "$(j show "$n" --format json | jq -r .status)" = rehandling ]
	[ "$(j show "$n" --format json | jq -r .due)" = 2023-02-15 ]
	j reply "$n" --dept 规划建设办 --class A --date 2023-02-10 \
	    --text 已完成整改
	j rate "$n" 满意 --date 2023-02-11
	run j show "$n"
	[ "$status" -eq 0 ]
	expect_output <<'OUT'
  number        2022-0001
  status        closed
  overdue       no
  title         关于睿星幼儿园门前整改的建议
  received      2022-11-30
  source        reception
  station       黄塘
  category      城建
  submitter     王小明
  phone         13812342415
  lead deputy   陈大文
  cosigners     李小红
  department    规划建设办
  co-handling   交通运输办
  handler       张三
  assigned      2022-11-30
  due           2023-02-15

  content
    幼儿园门前道路狭窄，
    接送时段拥堵。

  reply 2023-01-10, 规划建设办, class B
    已列入明年计划

  reply 2023-02-10, 规划建设办, class A
    已完成整改

  history
    2022-11-30  registered  source: reception; station: 黄塘; lead deputy: 陈大文
    2022-11-30  assigned    lead: 规划建设办; co: 交通运输办; due: 2023-02-28; handler: 张三
    2022-12-05  contact     规划建设办, visit: 现场查看
    2023-01-10  replied     规划建设办, class B
    2023-01-15  rated       unsatisfied; rehandling, due: 2023-02-15: 进度太慢
    2023-02-10  replied     规划建设办, class A
    2023-02-11  rated       satisfied
OUT
}

@test "show --format json carries the SPEC's keys" {
	town
	n=$(j add --title 路灯 --station 源潭 --date 2023-01-05 --deputy 李小红)
	j assign "$n" --dept 交通运输办 --co 社会事务办 --date 2023-01-06
	j reply "$n" --dept 交通运输办 --class C --date 2023-02-01 --text 暂缓
	j rate "$n" basic --date 2023-02-03
	run j show "$n" --format json
	[ "$status" -eq 0 ]
	run jq -c '{number, status, overdue, title, content, station, source,
	    category, received_on, lead_deputy, due, departments,
	    replies, ratings: [.ratings[] | {date, rating}],
	    history: [.history[] | {at, action}]}' <<<"$output"
	expect_output <<'OUT'
{"number":"2023-0001","status":"closed","overdue":false,"title":"路灯","content":null,"station":"源潭","source":"reception","category":null,"received_on":"2023-01-05","lead_deputy":"李小红","due":"2023-04-06","departments":[{"name":"交通运输办","role":"lead","since":"2023-01-06","signed_on":null},{"name":"社会事务办","role":"co","since":"2023-01-06","signed_on":null}],"replies":[{"date":"2023-02-01","department":"交通运输办","class":"C","text":"暂缓"}],"ratings":[{"date":"2023-02-03","rating":"basic"}],"history":[{"at":"2023-01-05","action":"registered"},{"at":"2023-01-06","action":"assigned"},{"at":"2023-02-01","action":"replied"},{"at":"2023-02-03","action":"rated"}]}
OUT
}
