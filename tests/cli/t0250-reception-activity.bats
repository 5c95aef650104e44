#!/usr/bin/env bats
# Reception sessions at the liaison stations (进站接待) and the deputies'
# activities (代表活动): adding, listing, filters and refusals.

load helper

receptions() {
	j reception add --station 黄塘 --date 2023-01-05 --visitors 3 \
	    --deputy 陈大文 --deputy 李小红 --note 周五接待 &&
	j reception add --station 源潭 --date 2023/2/1 --visitors 0 &&
	j reception add --station 黄塘 --date 2022年12月31日 --visitors 2 \
	    --deputy 李小红
}

@test "reception add is silent; reception list shows them by date" {
	town
	run j reception add --station 黄塘 --date 2023-01-05 --visitors 3 \
	    --deputy 陈大文 --deputy 李小红 --note 周五接待
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	j reception add --station 源潭 --date 2023/2/1 --visitors 0
	j reception add --station 黄塘 --date 2022年12月31日 --visitors 2 \
	    --deputy 李小红
	run j reception list
	[ "$status" -eq 0 ]
	expect_table <<'OUT'
date        station  visitors  deputies        note
2022-12-31  黄塘            2  李小红          -
2023-01-05  黄塘            3  陈大文、李小红  周五接待
2023-02-01  源潭            0  -               -
OUT
}

@test "reception list --format csv and json" {
	town
	receptions
	run j reception list --format csv
	[ "$status" -eq 0 ]
	expect_csv <<'OUT'
date,station,visitors,deputies,note
2022-12-31,黄塘,2,李小红,
2023-01-05,黄塘,3,陈大文、李小红,周五接待
2023-02-01,源潭,0,,
OUT
	run j reception list --format json
	compact
	expect_output <<'OUT'
[{"date":"2022-12-31","station":"黄塘","visitors":2,"deputies":"李小红","note":null},{"date":"2023-01-05","station":"黄塘","visitors":3,"deputies":"陈大文、李小红","note":"周五接待"},{"date":"2023-02-01","station":"源潭","visitors":0,"deputies":null,"note":null}]
OUT
}

@test "reception list filters by --month and --station" {
	town
	receptions
	run j reception list --month 2023-01 --format csv
	expect_csv <<'OUT'
date,station,visitors,deputies,note
2023-01-05,黄塘,3,陈大文、李小红,周五接待
OUT
	run j reception list --station 黄塘 --format csv
	expect_csv <<'OUT'
date,station,visitors,deputies,note
2022-12-31,黄塘,2,李小红,
2023-01-05,黄塘,3,陈大文、李小红,周五接待
OUT
	run j reception list --station 源潭 --month 2023-01 --format csv
	expect_csv <<'OUT'
date,station,visitors,deputies,note
OUT
}

@test "reception add defaults to today and is in the log" {
	town
	j reception add --station 华埭村 --visitors 5
	run j reception list --format csv
	expect_csv <<'OUT'
date,station,visitors,deputies,note
2023-03-31,华埭村,5,,
OUT
	run --separate-stderr j log --limit 1
	expect_table <<'OUT'
date        number  action     detail     by
2023-03-31  -       reception  华埭村: 5  secretary
OUT
}

@test "a deputy named twice in one reception counts once" {
	town
	j reception add --station 黄塘 --visitors 1 --deputy 陈大文 \
	    --deputy 陈大文 --date 2023-03-01
	run j reception list --format csv
	expect_csv <<'OUT'
date,station,visitors,deputies,note
2023-03-01,黄塘,1,陈大文,
OUT
}

@test "reception add refusals" {
	town
	refused 1 "unknown station '黄糖'; did you mean '黄塘'?" \
	    reception add --station 黄糖 --visitors 1
	refused 1 "invalid --visitors '-1' (use a whole number from 0 to 2147483647)" \
	    reception add --station 黄塘 --visitors -1
	refused 1 "invalid --visitors '1.5' (use a whole number from 0 to 2147483647)" \
	    reception add --station 黄塘 --visitors 1.5
	refused 1 "invalid --visitors 'abc' (use a whole number from 0 to 2147483647)" \
	    reception add --station 黄塘 --visitors abc
	refused 1 "invalid --visitors '9999999999' (use a whole number from 0 to 2147483647)" \
	    reception add --station 黄塘 --visitors 9999999999
	refused 1 "unknown deputy '张三'" \
	    reception add --station 黄塘 --visitors 1 --deputy 张三
	refused 1 "unknown deputy '陈大'; did you mean '陈大文'?" \
	    reception add --station 黄塘 --visitors 1 --deputy 陈大
	refused 1 "date 2023-04-01 is after today (2023-03-31)" \
	    reception add --station 黄塘 --visitors 1 --date 2023-04-01
	refused 1 "invalid date '2023-02-29': February 2023 has 28 days" \
	    reception add --station 黄塘 --visitors 1 --date 2023-02-29
	refused 1 "note has a control character" \
	    reception add --station 黄塘 --visitors 1 --note $'a\nb'
	refused 1 "unknown station '黄糖'; did you mean '黄塘'?" \
	    reception list --station 黄糖
	refused 1 "invalid month '2023-13' (use YYYY-MM)" \
	    reception list --month 2023-13
}

@test "reception usage errors" {
	town
	refused 2 "'add' needs --station and --visitors; see 'jianyi reception --help'" \
	    reception add --station 黄塘
	refused 2 "'add' needs --station and --visitors; see 'jianyi reception --help'" \
	    reception add --visitors 1
	refused 2 "expected add or list; see 'jianyi reception --help'" reception
	refused 2 "unknown verb 'delete'; see 'jianyi reception --help'" \
	    reception delete
	refused 2 "expected add or list; see 'jianyi reception --help'" \
	    reception add 黄塘
	refused 2 "invalid format 'md' (use text|csv|json)" \
	    reception list --format md
}

@test "activity add and list, kinds in English or Chinese" {
	town
	run j activity add --kind group --date 2023-01-10 --title 第一小组活动 \
	    --participants 8
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	j activity add --kind 视察 --date 2023-02-01 --title 视察道路
	j activity add --kind 人代会 --title 镇人代会
	j activity add --kind 调研 --date 2023.3.1 --title 调研养老 --participants 0
	j activity add --kind training --date 20230115 --title 代表培训
	run j activity list
	[ "$status" -eq 0 ]
	expect_table <<'OUT'
date        kind              title         participants
2023-01-10  group activity    第一小组活动             8
2023-01-15  training          代表培训                 -
2023-02-01  inspection        视察道路                 -
2023-03-01  survey            调研养老                 0
2023-03-31  congress session  镇人代会                 -
OUT
	run j activity list --format csv
	expect_csv <<'OUT'
date,kind,title,participants
2023-01-10,group,第一小组活动,8
2023-01-15,training,代表培训,
2023-02-01,inspection,视察道路,
2023-03-01,survey,调研养老,0
2023-03-31,session,镇人代会,
OUT
	run j activity list --format json
	compact
	expect_output <<'OUT'
[{"date":"2023-01-10","kind":"group","title":"第一小组活动","participants":8},{"date":"2023-01-15","kind":"training","title":"代表培训","participants":null},{"date":"2023-02-01","kind":"inspection","title":"视察道路","participants":null},{"date":"2023-03-01","kind":"survey","title":"调研养老","participants":0},{"date":"2023-03-31","kind":"session","title":"镇人代会","participants":null}]
OUT
}

@test "activity list filters by --kind and --month" {
	town
	j activity add --kind group --date 2023-01-10 --title 小组一
	j activity add --kind group --date 2023-02-10 --title 小组二
	j activity add --kind inspection --date 2023-01-20 --title 视察
	run j activity list --kind 小组活动 --format csv
	expect_csv <<'OUT'
date,kind,title,participants
2023-01-10,group,小组一,
2023-02-10,group,小组二,
OUT
	run j activity list --month 2023-01 --format csv
	expect_csv <<'OUT'
date,kind,title,participants
2023-01-10,group,小组一,
2023-01-20,inspection,视察,
OUT
	run j activity list --kind training --format csv
	expect_csv <<'OUT'
date,kind,title,participants
OUT
}

@test "activity add refusals" {
	town
	refused 1 "invalid kind 'party' (use group|inspection|survey|training|session)" \
	    activity add --kind party --title x
	refused 1 "title must not be empty" activity add --kind group --title ''
	refused 1 "title has a control character" \
	    activity add --kind group --title $'a\tb'
	refused 1 "invalid --participants '-3' (use a whole number from 0 to 2147483647)" \
	    activity add --kind group --title x --participants -3
	refused 1 "date 2023-04-01 is after today (2023-03-31)" \
	    activity add --kind group --title x --date 2023-04-01
	refused 1 "invalid date '2023-4-31': April 2023 has 30 days" \
	    activity add --kind group --title x --date 2023-4-31
	long=$(printf '题%.0s' $(seq 201))
	refused 1 "title is too long (201 characters; at most 200)" \
	    activity add --kind group --title "$long"
	refused 1 "invalid month '2023/13' (use YYYY-MM)" \
	    activity list --month 2023/13
}

@test "activity usage errors" {
	town
	refused 2 "'add' needs --kind and --title; see 'jianyi activity --help'" \
	    activity add --kind group
	refused 2 "'add' needs --kind and --title; see 'jianyi activity --help'" \
	    activity add --title x
	refused 2 "expected add or list; see 'jianyi activity --help'" activity
	refused 2 "unknown verb 'x'; see 'jianyi activity --help'" activity x
	refused 2 "option '--kind' needs a value; see 'jianyi activity --help'" \
	    activity list --kind
}
