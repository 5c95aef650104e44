#!/usr/bin/env bats
# 14.10: the ledger carries the new facts, in seven columns after 备注:
# 答复单位 (the latest reply's department, for several leads), 签收情况,
# 督办领导 and 督办日期, 并入编号, 不予立案 ("DATE REASON：NOTE") and 多年重复;
# export, import into a fresh database and export again give the same
# bytes, and a bad cell refuses the file.

load helper

setup() {
	common_setup
	town
	export JIANYI_TODAY=2023-12-31
	j add --title 路灯维修 --station 黄塘 --date 2022-04-20 --deputy 陈大文 >/dev/null
	j add --title 路灯维修 --station 黄塘 --date 2023-04-20 --deputy 陈大文 --similar >/dev/null 2>&1
	j add --title 黄塘路灯维修 --station 黄塘 --date 2023-04-21 --deputy 李小红 >/dev/null
	j add --title 宅基地纠纷 --date 2023-04-21 >/dev/null
	j add --title 排水整治 --date 2023-04-22 >/dev/null
	j merge 2023-0002 --into 2023-0001 --date 2023-04-22
	j reject 2023-0003 --reason personal --note 属个人纠纷 --date 2023-04-23
	j assign 2023-0001 --dept 规划建设办 --date 2023-04-24
	j sign 2023-0001 --dept 规划建设办 --date 2023-04-25
	j reply 2023-0001 --dept 规划建设办 --class A --date 2023-06-01
	j rate 2023-0002 satisfied --date 2023-06-05
	j assign 2023-0004 --dept 规划建设办 --dept 交通运输办 --co 社会事务办 --date 2023-04-24
	j sign 2023-0004 --dept 交通运输办 --date 2023-05-08
	j sign 2023-0004 --dept 规划建设办 --date 2023-04-26
	j reply 2023-0004 --dept 交通运输办 --class B --date 2023-06-02
	j supervise 2023-0004 --leader 王镇长 --date 2023-05-01
}

@test "14.10: the seven columns, in Chinese and in English" {
	j export suggestions -o zh.csv
	run sh -c "tr -d '\r' < zh.csv | cut -d, -f1,12,24-"
	expect_output <<'OUT'
﻿编号,承办单位,答复单位,签收情况,督办领导,督办日期,并入编号,不予立案,多年重复
2022-0001,,,,,,,,
2023-0001,规划建设办,规划建设办,2023-04-25 规划建设办,,,,,是
2023-0002,,规划建设办,,,,2023-0001,,
2023-0003,,,,,,,2023-04-23 个人事项：属个人纠纷,
2023-0004,规划建设办、交通运输办,交通运输办,2023-04-26 规划建设办；2023-05-08 交通运输办,王镇长,2023-05-01,,,
OUT
	j export suggestions --header en -o en.csv
	run sh -c "tr -d '\r' < en.csv | cut -d, -f1,24-"
	expect_output <<'OUT'
﻿number,reply_department,signed,supervisor,supervised_on,merged_into,not_accepted,recurring
2022-0001,,,,,,,
2023-0001,规划建设办,2023-04-25 规划建设办,,,,,yes
2023-0002,规划建设办,,,,2023-0001,,
2023-0003,,,,,,2023-04-23 personal：属个人纠纷,
2023-0004,交通运输办,2023-04-26 规划建设办；2023-05-08 交通运输办,王镇长,2023-05-01,,,
OUT
}

@test "14.10: export, import into a fresh database, export again: the same bytes; the same reports" {
	for h in zh en; do
		j export suggestions --header $h --with-personal-data -o a-$h.csv
		j --db $h.db init >/dev/null
		run j --db $h.db import suggestions a-$h.csv
		[ "$status" -eq 0 ]
		[ "${lines[0]}" = "a-$h.csv (UTF-8): 5 rows: 5 added, 0 updated, 0 unchanged" ]
		j --db $h.db export suggestions --header $h --with-personal-data -o b-$h.csv
		cmp a-$h.csv b-$h.csv
		run j --db $h.db import suggestions a-$h.csv
		[ "${lines[0]}" = "a-$h.csv (UTF-8): 5 rows: 0 added, 0 updated, 5 unchanged" ]
		run j --db $h.db check
		expect_output <<<'ok'
	done
	j report --year 2023 --as-of 2023-12-31 --format json | jq -S 'del(.as_of, .town)' > a.json
	j --db zh.db report --year 2023 --as-of 2023-12-31 --format json | jq -S 'del(.as_of, .town)' > b.json
	[ "$(jq -c '.cohort | [.received, .not_accepted, .merged, .recurring, .answers_owed, .answers_given, .supervised]' a.json)" = '[4,1,1,1,3,2,1]' ]
	diff a.json b.json
	[ "$(j --db zh.db show 2023-0004 --format json | jq -c '[.status, [.departments[] | [.name, .role, .signed_on]]]')" = '["assigned",[["规划建设办","lead","2023-04-26"],["交通运输办","lead","2023-05-08"],["社会事务办","co",null]]]' ]
}

@test "14.10: a bad cell of the new columns refuses the file, naming it" {
	j --db fresh.db init >/dev/null
	h='编号,接收日期,标题,承办单位,交办日期,答复日期,答复类别,答复单位,签收情况,督办领导,督办日期,并入编号,不予立案,多年重复'
	while IFS='|' read -r row want; do
		printf '%s\n%s\n' "$h" "$row" > bad.csv
		before=$(JIANYI_DB=fresh.db dump)
		run --separate-stderr j --db fresh.db import suggestions bad.csv
		[ "$status" -eq 1 ] || { echo "$row: $status" >&2; return 1; }
		[ "${stderr%%$'\n'*}" = "jianyi: bad.csv:2: $want" ] || { echo "$row: $stderr" >&2; return 1; }
		[ "$(JIANYI_DB=fresh.db dump)" = "$before" ]
	done <<'ROWS'
2023-0001,2023-04-20,x,甲、乙,2023-04-24,2023-05-01,A,,,,,,,|答复单位: required when 承办单位 names several departments
2023-0001,2023-04-20,x,甲,2023-04-24,2023-05-01,A,乙,,,,,,|答复单位: '乙' is not one of 承办单位
2023-0001,2023-04-20,x,甲,2023-04-24,,,,2023-13-01 甲,,,,,|签收情况: invalid signature '2023-13-01 甲' (use DATE DEPARTMENT)
2023-0001,2023-04-20,x,甲,2023-04-24,,,,2023-04-23 甲,,,,,|签收情况: 2023-04-23 is before the 交办日期 (2023-04-24)
2023-0001,2023-04-20,x,,,,,,,王,,,,|督办领导: needs 督办日期
2023-0001,2023-04-20,x,,,,,,,,,2023-0001,,|并入编号: a suggestion is not merged into itself
2023-0001,2023-04-20,x,甲,2023-04-24,,,,,,,2023-0009,,|并入编号: a merged suggestion is routed with the one it follows, not on its own (承办单位)
2023-0001,2023-04-20,x,,,,,,,,,,2023-04-21 赌气：x,|不予立案: invalid reason '赌气' (use personal|litigation|letter|other)
2023-0001,2023-04-20,x,,,,,,,,,,个人事项,|不予立案: invalid entry '个人事项' (use DATE REASON：NOTE)
2023-0001,2023-04-20,x,,,,,,,,,,2023-04-19 个人事项：x,|不予立案: 2023-04-19 is before the 接收日期 (2023-04-20)
2023-0001,2023-04-20,x,甲,2023-04-24,,,,,,,,2023-04-21 其他,|不予立案: a suggestion not accepted is neither routed nor merged
2023-0001,2023-04-20,x,,,,,,,,,,,也许|多年重复: '也许' is not 是 or 否 (yes or no)
2023-0002,2023-04-20,x,,,,,,,,,2023-0009,,|no suggestion numbered '2023-0009'
ROWS
}

@test "14.10: a ledger that disagrees on a merge, a signature or key supervision is refused, naming both" {
	j export suggestions -o e.csv
	while IFS='|' read -r from to want; do
		sed "s/$from/$to/" e.csv > d.csv
		before=$(dump)
		for u in "" --update; do
			run --separate-stderr j import suggestions d.csv $u
			[ "$status" -eq 1 ] || { echo "$to: $status" >&2; return 1; }
			[ "${stderr%%$'\n'*}" = "jianyi: d.csv:$want" ] || { echo "$stderr" >&2; return 1; }
			[ "$(dump)" = "$before" ]
		done
	done <<'ROWS'
,2023-0001,,\r$|,2023-0004,,\r|4: 并入编号: the file has '2023-0004', the database '2023-0001' (a step once recorded is not changed by an import)
2023-04-26 规划建设办|2023-04-27 规划建设办|6: 签收情况: the file has '2023-04-27', the database '2023-04-26' (a step once recorded is not changed by an import)
王镇长,2023-05-01|李镇长,2023-05-01|6: 督办领导: the file has '李镇长', the database '王镇长' (a step once recorded is not changed by an import)
王镇长,2023-05-01|王镇长,2023-05-02|6: 督办日期: the file has '2023-05-02', the database '2023-05-01' (a step once recorded is not changed by an import)
ROWS
}
