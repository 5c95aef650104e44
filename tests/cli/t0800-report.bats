#!/usr/bin/env bats
# report: the demo's figures (the town's 2022 work report), the golden
# monthly report for 2023-03, the JSON schema, rates worked out by hand on
# a crafted database, and the refusals.

load helper

setup_file() {
	export DEMO="$BATS_FILE_TMPDIR/demo.db"
	DEMO_DB="$DEMO" DEMO_QUIET=1 JIANYI="$JIANYI" \
	    "$BATS_TEST_DIRNAME/../../scripts/demo.sh" 2>/dev/null
}

# The town's documents are in Chinese; the English interface is tested on
# its own below.
setup() {
	common_setup
	export JIANYI_LANG=zh
}

fixture() {
	cat "$BATS_TEST_DIRNAME/../fixtures/$1"
}

@test "the 2023-03 monthly report of the demo, exactly" {
	JIANYI_TODAY=2023-04-02 run j --db "$DEMO" report --month 2023-03
	[ "$status" -eq 0 ]
	fixture report-2023-03.txt | expect_output
}

@test "the 2022 narrative carries the work report's figures" {
	run j --db "$DEMO" report --year 2022 --narrative
	[ "$status" -eq 0 ]
	fixture narrative-2022.txt | expect_output
	[[ $output == *开展人大代表小组活动26场次* ]]
	[[ $output == *进站接待选民群众172场次* ]]
	[[ $output == *累计接待选民群众223人次* ]]
	[[ $output == *收集建议意见21件* ]]
}

@test "the 2022 figures in JSON" {
	run j --db "$DEMO" report --year 2022 --format json
	[ "$status" -eq 0 ]
	run jq -c '[.town, .period, .as_of, .receptions.sessions,
	    .receptions.visitors, .cohort.received, .cohort.by_source,
	    .activities, .cohort.rates.reply, .cohort.rates.satisfied_or_basic,
	    .cohort.overdue, has("year_to_date")]' <<<"$output"
	expect_output <<'OUT'
["乐平镇",{"from":"2022-01-01","to":"2022-12-31"},"2022-12-31",172,223,55,{"reception":21,"session":34,"group":0,"online":0,"other":0},{"group":26,"inspection":2,"survey":0,"training":0,"session":2},{"num":55,"den":55,"percent":100},{"num":55,"den":55,"percent":100},0,false]
OUT
	# One decimal always, as the SPEC shows it: 100.0, not 100.
	run j --db "$DEMO" report --year 2022 --format json
	[[ $output == *'"percent":	100.0'* ]]
}

@test "the report JSON has the SPEC's shape" {
	run j --db "$DEMO" report --month 2023-03 --format json
	[ "$status" -eq 0 ]
	json=$output
	run jq -c 'keys' <<<"$json"
	expect_output <<<'["activities","as_of","cohort","period","receptions","town","year_to_date"]'
	run jq -c '.cohort | keys' <<<"$json"
	expect_output <<<'["accepted","answers_given","answers_owed","assigned","by_category","by_department","by_routing","by_source","by_station","classes","closed","merged","not_accepted","opinions_given","opinions_late","opinions_owed","overdue","overdue_list","rated","rates","ratings","received","recurring","replied","returns_late","supervised","supervised_list"]'
	run jq -c '.year_to_date | keys == (input | .cohort | keys)' <<<"$json
$json"
	expect_output <<<'true'
	run jq -c '.cohort.rates | keys' <<<"$json"
	expect_output <<<'["closure","contact","on_time","reply","resolution","routed_on_time","satisfied","satisfied_or_basic","signed","signed_on_time"]'
	run jq -c '[.cohort.rates[] | keys] | unique' <<<"$json"
	expect_output <<<'[["den","num","percent"]]'
	run jq -c '[(.cohort.by_department[0] | keys), (.year_to_date.overdue_list[0] | keys), (.receptions.by_station[0] | keys), (.cohort.classes | keys), (.cohort.ratings | keys)]' <<<"$json"
	expect_output <<<'[["assigned","name","on_time","overdue","rated","replied","satisfied_or_basic"],["days_overdue","department","due","number","title"],["name","sessions","visitors"],["A","B","C","D"],["basic","satisfied","unsatisfied"]]'
	run jq -c '.year_to_date.overdue_list' <<<"$json"
	expect_output <<<'[{"number":"2023-0005","title":"关于旧乐湖路红绿灯位段硬底化修复的建议","department":"交通运输办","due":"2023-03-05","days_overdue":26},{"number":"2023-0011","title":"关于菜市场排水改造的建议","department":"规划建设办","due":"2023-03-20","days_overdue":11}]'
}

# A crafted town: four suggestions in January 2023.
#  0001 reply B on its due date (on time) after a contact, unsatisfied,
#       rehandled, reply A, satisfied;
#  0002 reply C a day late, basic;
#  0003 extended, replied within the extension, not rated;
#  0004 withdrawn.
# All routed on 1/10, within 7 working days of 1/1 to 1/3 (1/1 and 1/2
# were holidays: 国办发明电〔2022〕16号); none signed.
crafted() {
	town
	for t in 一 二 三 四; do
		j add --title "建议$t" --station 黄塘 --date 2023-01-0$((++k)) \
		    --deputy 陈大文 >/dev/null
	done
	j assign 2023-0001 --dept 规划建设办 --date 2023-01-10
	j assign 2023-0002 2023-0003 2023-0004 --dept 交通运输办 --date 2023-01-10
	j contact 2023-0001 --dept 规划建设办 --date 2023-02-01
	j reply 2023-0001 --dept 规划建设办 --class B --date 2023-04-10
	j rate 2023-0001 unsatisfied --date 2023-04-12
	j reply 2023-0001 --dept 规划建设办 --class A --date 2023-05-01
	j rate 2023-0001 satisfied --date 2023-05-03
	j reply 2023-0002 --dept 交通运输办 --class C --date 2023-04-11
	j rate 2023-0002 basic --date 2023-04-20
	j extend 2023-0003 --due 2023-05-31 --reason 协调 --date 2023-04-01 --approved-by 镇长
	j reply 2023-0003 --dept 交通运输办 --class A --date 2023-05-20
	j withdraw 2023-0004 --reason 撤回 --date 2023-02-01
}

@test "every rate on a crafted town, worked out by hand" {
	export JIANYI_TODAY=2023-12-31
	crafted
	run j report --month 2023-01 --as-of 2023-12-31 --format json
	[ "$status" -eq 0 ]
	run jq -c '.cohort | [.received, .assigned, .replied, .rated, .closed,
	    .classes, .ratings, (.rates | to_entries | map("\(.key)=\(.value.num)/\(.value.den)=\(.value.percent)"))]' <<<"$output"
	expect_output <<'OUT'
[3,3,3,2,2,{"A":2,"B":0,"C":1,"D":0},{"satisfied":1,"basic":1,"unsatisfied":0},["reply=3/3=100","on_time=2/3=66.7","closure=2/3=66.7","resolution=2/3=66.7","contact=1/3=33.3","satisfied=1/2=50","satisfied_or_basic=2/2=100","routed_on_time=3/3=100","signed=0/3=0","signed_on_time=0/0=null"]]
OUT
}

@test "as of a date, later events do not count" {
	export JIANYI_TODAY=2023-12-31
	crafted
	run j report --month 2023-01 --as-of 2023-04-15 --format json
	run jq -c '.cohort | [.replied, .closed, .rated, .overdue, .rates.satisfied.percent, .rates.satisfied_or_basic]' <<<"$output"
	expect_output <<<'[2,0,1,0,0,{"num":0,"den":1,"percent":0}]'
}

@test "an empty period: denominators 0, percentages null" {
	town
	run j report --year 2020 --format json
	[ "$status" -eq 0 ]
	run jq -c '[.cohort.received, ([.cohort.rates[].percent] | unique), .receptions.sessions]' <<<"$output"
	expect_output <<<'[0,[null],0]'
	run j report --year 2020 --narrative
	expect_output <<<'全年累计开展人大代表小组活动0场次，开展人大代表进站接待选民群众0场次，累计接待选民群众0人次，收集建议意见0件，已转交镇政府有关职能部门办理落实0件，回复率无（尚无已交办的建议），满意及基本满意率无（尚无测评）。'
}

@test "the as-of date defaults to today when the period is not over" {
	town
	JIANYI_TODAY=2023-03-15 run j report --month 2023-03 --format json
	run jq -r .as_of <<<"$output"
	expect_output <<<'2023-03-15'
}

@test "markdown and csv carry the same tables" {
	run j --db "$DEMO" report --month 2023-03 --format md
	[ "$status" -eq 0 ]
	[[ $output == "# 乐平镇人大代表建议办理情况月报（2023年3月）"* ]]
	[[ $output == *"| 答复率           |  33.3%（1/3） | 50.0%（6/12） |"* ]]
	run j --db "$DEMO" report --month 2023-03 --format csv
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | head -3 | tr -d '\r')" = "$(printf '\357\273\277')统计范围,指标,分子,分母,比率
本月,答复率,1,3,33.3
本月,按时答复率,1,1,100.0" ]
	[[ $output == *"2023-0005,关于旧乐湖路红绿灯位段硬底化修复的建议,交通运输办,2023-03-05,26"* ]]
}

@test "the English interface writes the same report with English labels" {
	JIANYI_LANG=en JIANYI_TODAY=2023-04-02 run j --db "$DEMO" report --month 2023-03
	[ "$status" -eq 0 ]
	[[ ${lines[0]} == *" 乐平镇: deputies' suggestions, monthly report" ]]
	[[ $output == *"  reply rate                33.3% (1/3)  50.0% (6/12)"* ]]
	[[ $output == *"5. Overdue without a reply"* ]]
	JIANYI_LANG=en run j --db "$DEMO" report --year 2022 --narrative
	expect_output <<'OUT'
Over the year the deputies held 26 group activities and 172 reception sessions at the liaison stations, receiving 223 visitors and collecting 21 suggestions; at the congress sessions deputies raised 34 more; all were passed to the town government's departments to handle, and both the reply rate and the satisfied or basic rate reached 100%.
OUT
}

@test "an Excel workbook: rates as percentages, frozen headers, the figures" {
	run j --db "$DEMO" report --month 2023-03 --format xlsx -o r.xlsx
	[ "$status" -eq 0 ]
	run /usr/bin/python3 -c '
import openpyxl
wb = openpyxl.load_workbook("r.xlsx")
s = wb[wb.sheetnames[0]]
print(wb.sheetnames)
print(s["B25"].number_format, s["A25"].value, round(s["B25"].value, 4), s["C25"].value, s["D25"].value, s["E25"].value)
o = wb[wb.sheetnames[3]]
print([c.value for c in o[6]])
print([wb[n].freeze_panes for n in wb.sheetnames], s.column_dimensions["A"].width > 10)
'
	expect_output <<'OUT'
['汇总', '按承办单位', '按联络站', '超期未答复', '重点督办', '交办签收']
0.0% 答复率 0.3333 1 3 0.5
['2023-0005', '关于旧乐湖路红绿灯位段硬底化修复的建议', '交通运输办', datetime.datetime(2023, 3, 5, 0, 0), 26]
[None, 'A6', 'A6', 'A6', 'A6', 'A6'] True
OUT
	refused 2 "--format xlsx 需要 -o FILE；详见 'jianyi report --help'" --db "$DEMO" report --month 2023-03 --format xlsx
}

@test "an HTML page: one file with the tables and a chart of the months" {
	run j --db "$DEMO" report --year 2022 --format html -o r.html
	[ "$status" -eq 0 ]
	run /usr/bin/python3 -c '
import html.parser
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.tags = {}; s.bars = []; s.ext = []
    def handle_starttag(s, tag, a):
        s.tags[tag] = s.tags.get(tag, 0) + 1
        a = dict(a)
        if tag == "rect" and "class" in a: s.bars.append(a["class"])
        for k in ("src", "href"):
            if k in a: s.ext.append(a[k])
p = P(); p.feed(open("r.html", encoding="utf-8").read())
print(p.tags.get("h1"), p.tags.get("h2"), p.tags.get("table"), p.tags.get("svg"), p.tags.get("figure"))
print(p.bars.count("reply"), p.bars.count("sat"), p.ext)
'
	# One title, six sections, three tables (nothing is overdue), two
	# charts (months and departments); 9 months of 2022 and 10
	# departments have bars; no outside file is loaded.
	expect_output <<'OUT'
1 6 3 2 2
19 19 []
OUT
	grep -q '<html lang="zh-CN">' r.html
	grep -q '<h1>乐平镇人大代表建议办理情况年报</h1>' r.html
}

@test "report refuses a missing or doubled period and bad dates" {
	export JIANYI_LANG=en
	town
	refused 2 "give one of --month, --year or --from and --to; see 'jianyi report --help'" report
	refused 2 "give one of --month, --year or --from and --to; see 'jianyi report --help'" report --month 2023-01 --year 2023
	refused 2 "--from and --to go together; see 'jianyi report --help'" report --from 2023-01-01
	refused 1 "invalid month '2023-13' (use YYYY-MM)" report --month 2023-13
	refused 1 "invalid year '23' (use YYYY)" report --year 23
	refused 1 "invalid date '2023-02-30': February 2023 has 28 days" report --from 2023-02-30 --to 2023-03-01
	refused 1 "the period ends (2023-01-01) before it begins (2023-02-01)" report --from 2023-02-01 --to 2023-01-01
	refused 2 "invalid format 'pdf' (use text|md|csv|json|html|xlsx)" report --year 2023 --format pdf
}
