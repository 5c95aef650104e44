#!/usr/bin/env bats
# 14.7: key supervision (重点督办, 代表法 Art. 52): supervise marks a
# suggestion, show and list --supervised tell it, and the report gives it a
# section and a count.

load helper

setup() {
	common_setup
	town
	j add --title 路灯维修 --station 黄塘 --date 2023-01-05 >/dev/null
	j add --title 河道清淤 --station 黄塘 --date 2023-01-06 >/dev/null
	j assign 2023-0001 --dept 规划建设办 --date 2023-01-10 --due 2023-02-10
}

@test "14.7: supervise, then show and log say so" {
	run j supervise 2023-0001 --leader 王镇长 --date 2023-01-15
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run j show 2023-0001
	expect_output <<'OUT'
  number        2023-0001
  status        assigned
  overdue       yes
  title         路灯维修
  received      2023-01-05
  source        reception
  station       黄塘
  category      -
  submitter     -
  phone         -
  lead deputy   -
  cosigners     -
  department    规划建设办
  co-handling   -
  handler       -
  assigned      2023-01-10
  due           2023-02-10
  supervisor    王镇长
  supervised on 2023-01-15

  history
    2023-01-05  registered  source: reception; station: 黄塘
    2023-01-10  assigned    lead: 规划建设办; due: 2023-02-10
    2023-01-15  supervised  by 王镇长
OUT
	run j show 2023-0001 --format json
	[ "$(jq -c '[.supervisor, .supervised_on]' <<<"$output")" = '["王镇长","2023-01-15"]' ]
	run j show 2023-0002 --format json
	[ "$(jq -c '[.supervisor, .supervised_on]' <<<"$output")" = '[null,null]' ]
	run env JIANYI_LANG=zh "$JIANYI" log 2023-0001 --format json
	[ "$(jq -r '.[-1] | .action + " " + .detail' <<<"$output")" = "supervised 督办领导：王镇长" ]
}

@test "14.7: list --supervised" {
	j supervise 2023-0002 --leader 李书记
	run j list --supervised --format csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[1]}" == 2023-0002,* ]]
	run j list --format csv
	[ "${#lines[@]}" -eq 3 ]
}

@test "14.7: the report's section and count, as of its date" {
	j supervise 2023-0001 --leader 王镇长 --date 2023-01-15
	run j report --month 2023-01 --as-of 2023-03-31
	[ "$status" -eq 0 ]
	[ "$(sed -n '/^7\. Key supervision/,/^$/p' <<<"$output")" = "7. Key supervision (year to date)
  number     title     department  supervisor  status    overdue
  2023-0001  路灯维修  规划建设办  王镇长      assigned  yes" ]
	run j report --month 2023-01 --as-of 2023-03-31 --format json
	[ "$(jq -c '.cohort | [.supervised, .supervised_list]' <<<"$output")" = \
	    '[1,[{"number":"2023-0001","title":"路灯维修","department":"规划建设办","supervisor":"王镇长","status":"assigned","overdue":true}]]' ]
	run j report --month 2023-01 --as-of 2023-03-31 --format csv
	[ "$(tail -2 <<<"$output" | tr -d '\r')" = "number,title,department,supervisor,status,overdue
2023-0001,路灯维修,规划建设办,王镇长,assigned,yes" ]
	# Before it was supervised, the report knows nothing of it.
	run j report --month 2023-01 --as-of 2023-01-14 --format json
	[ "$(jq -c '.cohort | [.supervised, .supervised_list]' <<<"$output")" = '[0,[]]' ]
	run j report --month 2023-01 --as-of 2023-01-14
	[[ "$output" != *"Key supervision"* ]]
	run env JIANYI_LANG=zh "$JIANYI" report --month 2023-01 --as-of 2023-03-31
	[[ "$output" == *"七、重点督办"* ]]
	# The workbook: a sheet of its own, in the interface's language.
	JIANYI_LANG=zh j report --month 2023-01 --as-of 2023-03-31 -o r.xlsx
	run /usr/bin/python3 -c 'import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
s = wb[wb.sheetnames[-1]]
print(wb.sheetnames[-1], s["A2"].value)
print(*[c.value for c in s[5]])
print(*[c.value for c in s[6]])' r.xlsx
	expect_output <<'OUT'
重点督办 七、重点督办（本年累计）
编号 标题 承办单位 督办领导 状态 超期
2023-0001 路灯维修 规划建设办 王镇长 已交办 是
OUT
}

@test "14.7: supervise refusals" {
	j supervise 2023-0001 --leader 王镇长 --date 2023-01-15
	refused 1 "'2023-0001' is supervised already, by 王镇长 since 2023-01-15" \
	    supervise 2023-0001 --leader 李书记
	refused 2 "expected NUMBER and --leader; see 'jianyi supervise --help'" \
	    supervise 2023-0002
	refused 1 "leader must not be empty" supervise 2023-0002 --leader ''
	refused 1 "supervision date 2023-01-01 is before the date it was received (2023-01-06)" \
	    supervise 2023-0002 --leader 李书记 --date 2023-01-01
	refused 1 "no suggestion numbered '2023-0009'" supervise 2023-0009 --leader 李书记
	j withdraw 2023-0002 --reason 重复
	refused 1 "cannot supervise '2023-0002': it is withdrawn" \
	    supervise 2023-0002 --leader 李书记
}
