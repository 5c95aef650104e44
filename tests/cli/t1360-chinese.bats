#!/usr/bin/env bats
# Issue 12 item 7: the Chinese interface is Chinese all the way. English
# messages with a count use the count's plural (ngettext: "1 row", "2 rows"),
# the header messages of csvmap.c are translated, and the Chinese man page
# is clean mdoc that documents the same commands and options as the English.

load helper

TOP="$BATS_TEST_DIRNAME/../.."

@test "item 7: the import summary says '1 row' and '2 rows'" {
	j init >/dev/null
	printf 'number,received_on,title\n2023-0001,2023-01-05,路灯\n' > one.csv
	run j import suggestions one.csv
	[ "$status" -eq 0 ]
	expect_output <<<'one.csv (UTF-8): 1 row: 1 added, 0 updated, 0 unchanged'
	printf 'number,received_on,title\n2023-0002,2023-01-05,路灯\n2023-0003,2023-01-06,修路\n' > two.csv
	run j import suggestions two.csv
	[ "$status" -eq 0 ]
	expect_output <<<'two.csv (UTF-8): 2 rows: 2 added, 0 updated, 0 unchanged'
	# Chinese has one form (nplurals=1).
	JIANYI_LANG=zh run j import suggestions one.csv
	[ "$status" -eq 0 ]
	expect_output <<<'one.csv（UTF-8）：共 1 行，新增 0 行，更新 0 行，未变 1 行'
}

@test "item 7: blank rows skipped are counted as '1 blank row' and '2 blank rows'" {
	j init >/dev/null
	printf 'number,received_on,title\n2023-0001,2023-01-05,路灯\n,,\n' > b1.csv
	run j import suggestions b1.csv
	[ "$status" -eq 0 ]
	expect_output <<<'b1.csv (UTF-8): 1 row: 1 added, 0 updated, 0 unchanged; 1 blank row skipped'
	printf 'number,received_on,title\n2023-0001,2023-01-05,路灯\n,,\n,,\n' > b2.csv
	run j import suggestions b2.csv
	[ "$status" -eq 0 ]
	expect_output <<<'b2.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged; 2 blank rows skipped'
}

@test "item 7: a refused import says '1 bad row' and '2 bad rows', and 'expected 1 field'" {
	j init >/dev/null
	printf 'name\na,b\n' > f1.csv
	before=$(dump)
	run j import stations f1.csv
	[ "$status" -eq 1 ]
	[ -z "$(j import stations f1.csv 2>/dev/null)" ]
	[ "$(j import stations f1.csv 2>&1)" = $'jianyi: f1.csv:2: expected 1 field, found 2\njianyi: f1.csv: 1 bad row; nothing imported' ]
	printf 'number,received_on,title\n2023-0001,2023-01-05\n2023-0002\n' > f2.csv
	run j import suggestions f2.csv
	[ "$status" -eq 1 ]
	[ "$(j import suggestions f2.csv 2>&1)" = $'jianyi: f2.csv:2: expected 3 fields, found 2\njianyi: f2.csv:3: expected 3 fields, found 1\njianyi: f2.csv: 2 bad rows; nothing imported' ]
	[ "$(dump)" = "$before" ]
}

@test "item 7: the report's overview and narrative use each count's plural" {
	j init --town 乐平镇 >/dev/null
	j station add 黄塘 >/dev/null
	j dept add 规划建设办 >/dev/null
	j add --title 修路 --station 黄塘 --date 2023-03-01 >/dev/null
	j reception add --station 黄塘 --visitors 1 --date 2023-03-02 >/dev/null
	j activity add --kind group --title 视察 --date 2023-03-03 >/dev/null
	JIANYI_TODAY=2023-04-02 run j report --month 2023-03
	[ "$status" -eq 0 ]
	# The paragraph is wrapped: its lines joined, spaces squeezed.
	flat=$(printf '%s' "$output" | tr '\n' ' ' | tr -s ' ')
	[[ $flat == *" This month 1 suggestion was received (1 from receptions); 0 are assigned, 0 replied and 0 closed."* ]] || return 1
	[[ $flat == *" 0 replied and 0 closed. By the end of the month, 1 was received this year, 0 assigned and 0 replied; "*"; 0 are overdue without a reply. "* ]] || return 1
	run j report --month 2023-03 --narrative
	[ "$status" -eq 0 ]
	[[ $output == "This month the deputies held 1 group activity and 1 reception session at the liaison stations, receiving 1 visitor and collecting 1 suggestion; 0 were passed to"* ]] || return 1
	j add --title 路灯 --station 黄塘 --date 2023-03-04 >/dev/null
	j reception add --station 黄塘 --visitors 2 --date 2023-03-05 >/dev/null
	j activity add --kind group --title 调研 --date 2023-03-06 >/dev/null
	j assign 2023-0001 --dept 规划建设办 --date 2023-03-07 >/dev/null
	JIANYI_TODAY=2023-04-02 run j report --month 2023-03
	[ "$status" -eq 0 ]
	flat=$(printf '%s' "$output" | tr '\n' ' ' | tr -s ' ')
	[[ $flat == *" This month 2 suggestions were received (2 from receptions); 1 is assigned, 0 replied and 0 closed."* ]] || return 1
	[[ $flat == *"By the end of the month, 2 were received this year"* ]] || return 1
	run j report --month 2023-03 --narrative
	[ "$status" -eq 0 ]
	[[ $output == "This month the deputies held 2 group activities and 2 reception sessions at the liaison stations, receiving 3 visitors and collecting 2 suggestions; 1 was passed to the town government's departments to handle,"* ]] || return 1
	JIANYI_LANG=zh run j report --month 2023-03 --narrative
	[ "$status" -eq 0 ]
	[[ $output == "本月累计开展人大代表小组活动2场次，开展人大代表进站接待选民群众2场次，累计接待选民群众3人次，收集建议意见2件，已转交镇政府有关职能部门办理落实1件"* ]] || return 1
}

@test "item 7: the header refusals of csvmap.c are in Chinese" {
	j init >/dev/null
	printf 'name,foo\n' > u.csv
	JIANYI_LANG=zh refused 1 "u.csv:1: 未知的列名 'foo'（可识别的列名：name, village, no）；使用 --skip-unknown-columns 可跳过它导入其余各列" import stations u.csv
	printf 'name,名称\n' > d.csv
	JIANYI_LANG=zh refused 1 "d.csv:1: 表头 '名称' 出现了两次" import stations d.csv
	printf 'title\n' > m.csv
	JIANYI_LANG=zh refused 1 "m.csv:1: 缺少列 '编号'（number）" import suggestions m.csv
	# English stays English.
	refused 1 "m.csv:1: missing column '编号' (number)" import suggestions m.csv
}

@test "item 7: every ngettext message has its Chinese msgstr[0] and the catalog has one plural form" {
	grep -qx '"Plural-Forms: nplurals=1; plural=0;\\n"' "$TOP/po/zh_CN.po" || return 1
	xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ \
	    --keyword=ngettext:1,2 -o "$TMP/now.pot" "$TOP"/src/*/*.c
	msgmerge -q --no-fuzzy-matching -o "$TMP/m.po" "$TOP/po/zh_CN.po" "$TMP/now.pot"
	# Every plural message of src/ is translated (no empty msgstr[0]).
	run msgattrib --untranslated --no-obsolete "$TMP/m.po"
	[ -z "$output" ] || { echo "$output"; return 1; }
	n=$(grep -c '^msgid_plural' "$TMP/now.pot")
	[ "$n" -ge 15 ]
}

# The command, option, keyword and variable names of an mdoc page: each
# .Ic, .Cm and .Ev argument, and each .Fl ("Fl Fl db" is "--db", a lone
# "Fl" is "-"), one a line, sorted.
mdoc_names() {
	awk '/^\./ {
		sub(/^\./, "", $1)
		for (i = 1; i <= NF; i++) {
			if ($i == "Ic" || $i == "Cm" || $i == "Ev") {
				if (i < NF) print $i, $(i + 1)
			} else if ($i == "Fl") {
				t = "-"
				while (i < NF && $(i + 1) == "Fl") { t = t "-"; i++ }
				if (i < NF && $(i + 1) !~ /^[A-Z][a-z]$/ && $(i + 1) !~ /^[|,]$/) {
					t = t $(i + 1); i++
				}
				print "Fl", t
			}
		}
	}' "$1" | LC_ALL=C sort -u
}

@test "item 7: the Chinese man page is clean mdoc, with every section and command" {
	run mandoc -T lint -W warning "$TOP/man/zh_CN/jianyi.1"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	page=$(mandoc -T utf8 "$TOP/man/zh_CN/jianyi.1" | sed 's/.\x08//g')
	for s in 用法 说明 命令 输出文件 "CSV 格式" 比率 环境变量 文件 退出状态 示例; do
		grep -q "^$s\$" <<<"$page" || { echo "no $s section" >&2; return 1; }
	done
	for c in $("$JIANYI" --help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'); do
		grep -q "^ *$c " <<<"$page" || { echo "no entry for $c" >&2; return 1; }
	done
}

@test "item 7: the Chinese man page documents the same commands, options and keywords as the English" {
	mdoc_names "$TOP/man/jianyi.1" > en.names
	mdoc_names "$TOP/man/zh_CN/jianyi.1" > zh.names
	# Not an empty comparison: every command and the options are there.
	[ "$(grep -c '^Ic ' en.names)" -ge 20 ]
	grep -qx 'Fl --with-personal-data' en.names || return 1
	grep -qx 'Fl -o' en.names || return 1
	run diff en.names zh.names
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	# The comparison sees a dropped option.
	grep -v 'strict-names' "$TOP/man/zh_CN/jianyi.1" > drift.1
	mdoc_names drift.1 > drift.names
	if diff -q en.names drift.names >/dev/null; then return 1; fi
}
