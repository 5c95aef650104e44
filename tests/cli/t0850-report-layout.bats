#!/usr/bin/env bats
# Reports that say what they mean and print like reports (issue 12, items
# 5 and 6): the workbook's title, dates, columns, totals and page setup;
# the format taken from the file's name; the CSV for Excel; no bare "-"
# in prose; the HTML page's overdue table and chart.

load helper

setup_file() {
	export DEMO="$BATS_FILE_TMPDIR/demo.db"
	DEMO_DB="$DEMO" DEMO_QUIET=1 JIANYI="$JIANYI" \
	    "$BATS_TEST_DIRNAME/../../scripts/demo.sh" 2>/dev/null
}

setup() {
	common_setup
	export JIANYI_LANG=zh
}

# What a printout of the workbook depends on, sheet by sheet: the title,
# the part, the as-of and made-on cells (type and format), the print area,
# paper, orientation and fitting, the header rows repeated.
xlsx_layout() {
	/usr/bin/python3 -c '
import sys, openpyxl
from openpyxl.utils import get_column_letter
wb = openpyxl.load_workbook(sys.argv[1])
for s in wb:
    p = s.page_setup
    fit = s.sheet_properties.pageSetUpPr.fitToPage
    print(s.title, s["A1"].value, s["A2"].value, s["A3"].value,
          s["B3"].data_type, s["B3"].number_format, s["B3"].value.date(),
          s.cell(3, s.max_column).value.date(), ",".join(s.print_area),
          p.paperSize, p.orientation, fit, p.fitToWidth or 1,
          p.fitToHeight if p.fitToHeight is not None else 1,
          s.print_title_rows, "A1:%s1" % get_column_letter(s.max_column) in
          [str(r) for r in s.merged_cells.ranges])
' "$1"
}

@test "item 5: every sheet of the workbook has the title, the part, the dates and an A4 landscape page one wide" {
	JIANYI_TODAY=2023-04-02 run j --db "$DEMO" report --month 2023-03 --format xlsx -o r.xlsx
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run xlsx_layout r.xlsx
	expect_output <<'OUT'
汇总 乐平镇人大代表建议办理情况月报（2023年3月） 一、总体情况 统计截至 d yyyy"年"m"月"d"日" 2023-03-31 2023-04-02 $A$1:$G$44 9 landscape True 1 1 None True
按承办单位 乐平镇人大代表建议办理情况月报（2023年3月） 三、各承办单位办理情况（本年累计） 统计截至 d yyyy"年"m"月"d"日" 2023-03-31 2023-04-02 $A$1:$H$13 9 landscape True 1 0 $5:$5 True
按联络站 乐平镇人大代表建议办理情况月报（2023年3月） 四、各联络站接待及收集情况（本月） 统计截至 d yyyy"年"m"月"d"日" 2023-03-31 2023-04-02 $A$1:$D$20 9 landscape True 1 0 $5:$5 True
超期未答复 乐平镇人大代表建议办理情况月报（2023年3月） 五、超期未答复建议 统计截至 d yyyy"年"m"月"d"日" 2023-03-31 2023-04-02 $A$1:$E$7 9 landscape True 1 0 $5:$5 True
重点督办 乐平镇人大代表建议办理情况月报（2023年3月） 七、重点督办（本年累计） 统计截至 d yyyy"年"m"月"d"日" 2023-03-31 2023-04-02 $A$1:$F$6 9 landscape True 1 0 $5:$5 True
交办签收 乐平镇人大代表建议办理情况月报（2023年3月） 八、立案、交办与签收（本年累计） 统计截至 d yyyy"年"m"月"d"日" 2023-03-31 2023-04-02 $A$1:$G$13 9 landscape True 1 0 $5:$5 True
OUT
	run j --db "$DEMO" report --year 2022 --format xlsx -o y.xlsx
	[ "$status" -eq 0 ]
	run xlsx_layout y.xlsx
	[ "${lines[0]%% *}" = 汇总 ]
	[[ ${lines[0]} == *" 乐平镇人大代表建议办理情况年报（2022年） 一、总体情况 统计截至 d "*" 2022-12-31 "* ]]
	[ "${#lines[@]}" -eq 4 ]
}

@test "item 5: the summary sheet heads its columns 本月 and 本年累计 and carries the counts, receptions and activities" {
	JIANYI_TODAY=2023-04-02 run j --db "$DEMO" report --month 2023-03 --format xlsx -o r.xlsx
	[ "$status" -eq 0 ]
	run /usr/bin/python3 -c '
import openpyxl
s = openpyxl.load_workbook("r.xlsx")["汇总"]
for r in s.iter_rows(min_row=5, max_row=28, values_only=True):
    v = ["%.4f" % x if isinstance(x, float) else x for x in r]
    print(" ".join("." if x is None else str(x) for x in v))
'
	expect_output <<'OUT'
项目 本月 . . 本年累计 . .
收到建议 4 . . 14 . .
已交办 3 . . 12 . .
已答复 1 . . 6 . .
已办结 0 . . 4 . .
已测评 0 . . 4 . .
超期未答复 1 . . 2 . .
. . . . . . .
接待与活动 本月 . . . . .
进站接待场次 5 . . . . .
接待选民群众人次 6 . . . . .
小组活动 2 . . . . .
视察 0 . . . . .
调研 0 . . . . .
培训 0 . . . . .
人代会 0 . . . . .
. . . . . . .
二、主要指标 . . . . . .
指标 本月 . . 本年累计 . .
. 比率 分子 分母 比率 分子 分母
答复率 0.3333 1 3 0.5000 6 12
按时答复率 1 1 1 1 6 6
办结率 0 0 3 0.3333 4 12
解决率（A+B类） 1 1 1 0.8333 5 6
OUT
}

@test "item 5: the annual workbook shows 172 sessions, 223 visitors and 26 group activities, and every station" {
	run j --db "$DEMO" report --year 2022 --format xlsx -o y.xlsx
	[ "$status" -eq 0 ]
	run /usr/bin/python3 -c '
import openpyxl
wb = openpyxl.load_workbook("y.xlsx")
s = wb["汇总"]
rows = {r[0]: r[1] for r in s.iter_rows(min_row=5, values_only=True) if r[0]}
print(rows["进站接待场次"], rows["接待选民群众人次"], rows["小组活动"], s["B5"].value)
st = wb["按联络站"]
print(len([r for r in st.iter_rows(min_row=6, values_only=True) if r[0]]),
      [c.value for c in st[st.max_row]])
'
	expect_output <<'OUT'
172 223 26 本年
15 ['合计', 172, 223, 21]
OUT
	# The station sheet lists every station, those without a reception
	# or a suggestion too (14 registered, with the total 15 rows).
	n=$(j --db "$DEMO" station list --format csv | tail -n +2 | wc -l)
	[ "$n" -eq 14 ]
}

@test "item 5: the overdue deadline is a date cell, and an empty sheet says so" {
	JIANYI_TODAY=2023-04-02 run j --db "$DEMO" report --month 2023-03 --format xlsx -o r.xlsx
	[ "$status" -eq 0 ]
	run j --db "$DEMO" report --year 2022 --format xlsx -o y.xlsx
	[ "$status" -eq 0 ]
	run /usr/bin/python3 -c '
import openpyxl
o = openpyxl.load_workbook("r.xlsx")["超期未答复"]
print([c.value for c in o[5]])
r = o[6]
print(r[0].value, r[3].data_type, r[3].value.date(), r[3].number_format, r[4].value)
print(openpyxl.load_workbook("y.xlsx")["超期未答复"]["A6"].value)
'
	expect_output <<'OUT'
['编号', '标题', '承办单位', '办理期限', '超期天数']
2023-0005 d 2023-03-05 yyyy"年"m"月"d"日" 26
无超期未答复的建议
OUT
	# In English the dates read YYYY-MM-DD.
	JIANYI_LANG=en JIANYI_TODAY=2023-04-02 run j --db "$DEMO" report --month 2023-03 --format xlsx -o e.xlsx
	[ "$status" -eq 0 ]
	run /usr/bin/python3 -c '
import openpyxl
o = openpyxl.load_workbook("e.xlsx")["Overdue"]
print(o["A1"].value, "|", o["A3"].value, o["B3"].number_format, o["D6"].number_format)
'
	expect_output <<<"乐平镇: deputies' suggestions, monthly report (2023-03) | as of yyyy-mm-dd yyyy-mm-dd"
}

@test "item 6: -o r.xlsx (or .html, .md, .csv, .json) without --format writes the format its name asks for" {
	export JIANYI_TODAY=2023-04-02
	j --db "$DEMO" report --month 2023-03 -o r.xlsx
	[ "$(head -c 2 r.xlsx)" = PK ]
	run /usr/bin/python3 -c 'import openpyxl; print(openpyxl.load_workbook("r.xlsx").sheetnames)'
	expect_output <<<"['汇总', '按承办单位', '按联络站', '超期未答复', '重点督办', '交办签收']"
	for f in html md csv json; do
		j --db "$DEMO" report --month 2023-03 --format "$f" -o "want.$f"
		j --db "$DEMO" report --month 2023-03 -o "r.$f"
		cmp "want.$f" "r.$f" || return 1
	done
	# Upper case names too, and --format that agrees is taken.
	j --db "$DEMO" report --month 2023-03 -o R.HTML
	cmp want.html R.HTML
	j --db "$DEMO" report --month 2023-03 --format json -o r2.json
	cmp want.json r2.json
	# Another name, or none, is text as before.
	j --db "$DEMO" report --month 2023-03 -o r.txt
	j --db "$DEMO" report --month 2023-03 >want.txt
	cmp want.txt r.txt
}

@test "item 6: a --format that the file's name contradicts is refused, and --narrative only writes text" {
	cp "$DEMO" d.db
	refused 2 "--format 'csv' 与文件名 'r.xlsx' 不符；详见 'jianyi report --help'" --db d.db report --month 2023-03 --format csv -o r.xlsx
	[ ! -e r.xlsx ]
	refused 2 "--format 'text' 与文件名 'r.json' 不符；详见 'jianyi report --help'" --db d.db report --month 2023-03 --format text -o r.json
	export JIANYI_LANG=en
	refused 2 "--format 'xlsx' does not match the file name 'r.html'; see 'jianyi report --help'" --db d.db report --year 2022 --format xlsx -o r.html
	refused 2 "--narrative writes a paragraph of text, not 'xlsx'; see 'jianyi report --help'" --db d.db report --year 2022 --narrative -o r.xlsx
	refused 2 "--narrative writes a paragraph of text, not 'json'; see 'jianyi report --help'" --db d.db report --year 2022 --narrative --format json
	[ -z "$(ls r.* 2>/dev/null)" ]
	# Markdown takes the paragraph as it is.
	j --db d.db report --year 2022 --narrative -o n.md
	[ "$(cat n.md)" = "$(j --db d.db report --year 2022 --narrative)" ]
}

@test "item 6: report --format csv is for Excel: a BOM, the interface's headers, every station with its suggestions" {
	export JIANYI_TODAY=2023-04-02
	j --db "$DEMO" report --month 2023-03 --format csv -o r.csv
	[ "$(head -c 3 r.csv | od -An -tx1 | tr -d ' ')" = efbbbf ]
	# CRLF lines; the tables' header rows in Chinese.
	[ "$(grep -c $'\r$' r.csv)" -eq "$(wc -l <r.csv)" ]
	output=$(grep -a -n -E '^.?(统计范围|承办单位|联络站|编号),' r.csv | tr -d '\r')
	expect_output <<'OUT'
1:﻿统计范围,指标,分子,分母,比率
23:承办单位,交办,已答复,按时答复,超期,已测评,满意及基本满意
33:承办单位,交办,签收,按时签收,会办意见,逾期会办,逾期退回
43:联络站,接待场次,接待人次,收集建议
59:编号,标题,承办单位,办理期限,超期天数
63:编号,标题,承办单位,督办领导,状态,超期
OUT
	# Every one of the 14 stations, in the registry's order, those with no
	# reception and no suggestion this month too.
	output=$(sed -n '44,57p' r.csv | tr -d '\r')
	printf '%s\n' "$output" >stations.csv
	expect_output <<'OUT'
黄塘,1,1,1
源潭,0,0,0
华埭村,1,1,0
大旗头,0,0,0
南联,0,0,0
范湖,1,1,0
保安,0,0,0
三江,0,0,0
竹山,1,2,0
乐平社区,0,0,0
西联,0,0,1
汇金,1,1,1
中心村,0,0,1
新旗,0,0,0
OUT
	[ "$(j --db "$DEMO" station list --format csv | tail -n +2 | cut -d, -f1 | paste -sd' ')" = "$(cut -d, -f1 stations.csv | paste -sd' ')" ]
	output=$(sed -n '2p;12p;60p' r.csv | tr -d '\r')
	expect_output <<'OUT'
本月,答复率,1,3,33.3
本年累计,答复率,6,12,50.0
2023-0005,关于旧乐湖路红绿灯位段硬底化修复的建议,交通运输办,2023-03-05,26
OUT
	# In English, English headers and labels.
	JIANYI_LANG=en run j --db "$DEMO" report --year 2022 --format csv
	[ "${lines[0]}" = $'\xef\xbb\xbfscope,indicator,numerator,denominator,percentage\r' ]
	[ "${lines[1]}" = $'this year,reply rate,55,55,100.0\r' ]
	[[ $output == *$'\r\nstation,sessions,visitors,suggestions\r\n黄塘,13,17,1\r\n'* ]]
}

# A town where nothing is routed: one suggestion registered in March.
unrouted() {
	town >/dev/null
	j add --title 修路 --station 黄塘 --date 2023-03-02 >/dev/null
}

@test "item 6: no bare '-' in a report's prose: the text says 无 and why" {
	unrouted
	run j report --month 2023-03
	[ "$status" -eq 0 ]
	output=$(printf '%s\n' "$output" | sed -n '/^一、/,/^二、/p;/^三、/,/^四、/p;/^五、/,/^六、/p')
	expect_output <<'OUT'
一、总体情况
  本月收到建议意见1件（进站接待1件），其中已交办0件、已答复0件、已办结0件。截
  至本月底，本年度累计收到1件，已交办0件，已答复0件，答复率无（尚无已交办的建
  议），满意及基本满意率无（尚无测评）；超期未答复0件。

二、主要指标
三、各承办单位办理情况（本年累计）
  无（尚无已交办的建议）

四、各联络站接待及收集情况（本月）
五、超期未答复建议
  无超期未答复的建议

六、答复类别与满意度（本年累计）
OUT
	run j report --year 2023 --narrative
	expect_output <<'OUT'
全年累计开展人大代表小组活动0场次，开展人大代表进站接待选民群众0场次，累计接待选民群众0人次，收集建议意见1件，已转交镇政府有关职能部门办理落实0件，回复率无（尚无已交办的建议），满意及基本满意率无（尚无测评）。
OUT
	# Routed and replied but not rated: only the rating is missing.
	j assign 2023-0001 --dept 规划建设办 --date 2023-03-03
	j reply 2023-0001 --dept 规划建设办 --class A --date 2023-03-10
	run j report --year 2023 --narrative
	[[ $output == *"，回复率100.0%，满意及基本满意率无（尚无测评）。" ]]
	JIANYI_LANG=en run j report --year 2023 --narrative
	[[ $output == *", with a reply rate of 100.0% and a satisfied or basic rate of none yet (none rated yet)." ]]
}

@test "item 6: no bare '-' in the Markdown and HTML reports' prose either, in Chinese or English" {
	unrouted
	run j report --month 2023-03 --format md
	[ "$status" -eq 0 ]
	[[ $output == *"答复率无（尚无已交办的建议），满意及基本满意率无（尚无测评）；"* ]]
	[[ $output == *$'## 三、各承办单位办理情况（本年累计）\n\n无（尚无已交办的建议）\n'* ]]
	[[ $output == *$'## 五、超期未答复建议\n\n无超期未答复的建议\n'* ]]
	JIANYI_LANG=en run j report --month 2023-03 --format html
	[ "$status" -eq 0 ]
	[[ $output == *"the reply rate is none yet (no suggestions routed yet), the satisfied or basic rate none yet (none rated yet); 0 are overdue"* ]]
	[[ $output == *"<p>none yet: no suggestions routed yet</p>"* ]]
	[[ $output == *"<p>none: no suggestion is overdue</p>"* ]]
	# No paragraph is a lone dash, nor has a rate of "-".
	if grep -E '<p>-</p>|rate is -|rate -[,;.]' <<<"$output"; then return 1; fi
}

@test "item 6: the HTML overdue table keeps numbers, names and dates on one line when printed; only the title wraps" {
	JIANYI_TODAY=2023-04-02 run j --db "$DEMO" report --month 2023-03 --format html -o r.html
	[ "$status" -eq 0 ]
	run /usr/bin/python3 -c '
import html.parser, re
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.stack = []; s.style = ""; s.cells = []; s.instyle = False
    def handle_starttag(s, tag, a):
        s.stack.append((tag, dict(a).get("class")))
        s.instyle = tag == "style"
    def handle_endtag(s, tag):
        while s.stack and s.stack.pop()[0] != tag: pass
        s.instyle = False
    def handle_data(s, d):
        if s.instyle: s.style += d
        elif s.stack and s.stack[-1][0] == "td" and ("div", "overdue") in s.stack:
            s.cells.append(d)
p = P(); p.feed(open("r.html", encoding="utf-8").read())
rules = dict((k.strip(), v.strip()) for k, v in re.findall(r"([^{}]+)\{([^}]*)\}", p.style))
print(rules[".overdue th, .overdue td"])
print(rules[".overdue td:nth-child(2)"])
print(p.cells[:5])
'
	expect_output <<'OUT'
white-space: nowrap;
white-space: normal;
['2023-0005', '关于旧乐湖路红绿灯位段硬底化修复的建议', '交通运输办', '2023年3月5日', '26']
OUT
}

# For each month of the HTML report's first chart: "R S", each a bar's
# value or "无" for a mark; "." for a month with neither.
months_chart() {
	/usr/bin/python3 -c '
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.svg = 0; s.cur = None; s.items = []; s.text = None
    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag == "svg": s.svg += 1
        if s.svg != 1: return
        c = (a.get("class") or "").split()
        if tag == "rect" and c: s.cur = c[0]; s.text = ""
        if tag == "text" and "none" in c: s.items.append((c[1], "无" if sys.argv[2] == "zh" else "none"))
        if tag == "text" and not c and a.get("y") == "232": s.items.append(("month", None))
    def handle_data(s, d):
        if s.cur is not None and s.text is not None: s.text += d
    def handle_endtag(s, tag):
        if tag == "rect" and s.cur:
            s.items.append((s.cur, s.text.rstrip("%"))); s.cur = None; s.text = None
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
out, cell = [], []
for k, v in p.items:
    if k == "month": out.append(" ".join(cell) or "."); cell = []
    else: cell.append(v)
print(" | ".join(out))
' "$@"
}

@test "item 6: the chart marks a month with no routed or rated suggestions instead of drawing it as 0%" {
	j --db "$DEMO" report --year 2022 --format html -o y.html
	run months_chart y.html zh
	expect_output <<<"100.0 100.0 | 100.0 100.0 | 100.0 100.0 | 100.0 100.0 | 100.0 100.0 | 100.0 100.0 | 100.0 100.0 | 100.0 100.0 | 100.0 100.0 | 无 无 | 无 无 | 无 无"
	# The months marked are those the month's own report finds nothing
	# routed or rated in.
	for m in 01 09 10 12; do
		j --db "$DEMO" report --month 2022-$m --as-of 2022-12-31 --format json |
		    jq -c '[.cohort.assigned, .cohort.rated]'
	done >counts
	output=$(paste -sd' ' counts)
	expect_output <<<'[3,3] [12,12] [0,0] [0,0]'
	grep -q '“无”表示尚无已交办（答复率）或已测评（满意及基本满意率）的建议，无从统计，并非0%。' y.html
	# March 2023: January rated, February and March routed but not yet
	# rated (a mark, not a 0% bar); April on has not begun.
	JIANYI_TODAY=2023-04-02 JIANYI_LANG=en j --db "$DEMO" report --month 2023-03 --format html -o m.html
	run months_chart m.html en
	expect_output <<<"66.7 100.0 | 33.3 none | 33.3 none | . | . | . | . | . | . | . | . | ."
	# A month rated 0% satisfied is a bar of height 0, not a mark.
	town
	j add --title 修路 --date 2023-01-05 >/dev/null
	j assign 2023-0001 --dept 规划建设办 --date 2023-01-06
	j reply 2023-0001 --dept 规划建设办 --class C --date 2023-01-20
	j rate 2023-0001 unsatisfied --date 2023-01-25
	j report --year 2023 --format html -o c.html
	run months_chart c.html zh
	expect_output <<<"100.0 0.0 | 无 无 | 无 无 | . | . | . | . | . | . | . | . | ."
}
