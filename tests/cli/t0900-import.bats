#!/usr/bin/env bats
# import: the ledger in every lifecycle state, encodings (BOM, GB18030),
# CRLF, quoted fields with newlines, Excel serial dates; idempotence,
# additions, conflicts and --update; hostile files refused whole.

load helper

F="$BATS_TEST_DIRNAME/../fixtures"

setup() {
	TMP=$(mktemp -d)
	export JIANYI_DB="$TMP/t.db" JIANYI_TODAY=2023-03-31 LC_ALL=C.UTF-8
	export JIANYI_USER=secretary
	cd "$TMP" || return 1
	cp "$F"/*.csv .
	j init >/dev/null
}

@test "a ledger in every state gives the statuses and deadlines entered by hand" {
	run j import suggestions ledger-states.csv
	[ "$status" -eq 0 ]
	expect_output <<'OUT'
ledger-states.csv (UTF-8): 6 rows: 6 added, 0 updated, 0 unchanged
new stations: 黄塘、源潭、华埭村
new departments: 交通运输办、规划建设办
new deputies: 陈志强、李秀英、黄伟明、梁丽华
OUT
	run j list --format csv
	crlf
	expect_output <<'OUT'
number,status,overdue,received_on,station,department,due,submitter,title
2022-0001,registered,0,2022-07-05,黄塘,,,陈**,关于睿星幼儿园门前整改的建议
2022-0002,assigned,1,2022-07-06,源潭,交通运输办,2022-10-08,李**,关于源潭村道路破损修复的建议
2022-0003,replied,0,2022-07-07,华埭村,规划建设办,2022-10-10,,关于三江人行天桥的维护管理的建议
2022-0004,closed,0,2022-07-08,,规划建设办,2022-10-10,,关于增加镇区公共厕所的建议
2022-0005,rehandling,1,2022-07-09,黄塘,规划建设办,2022-09-10,,关于黄塘村文化广场照明改造的建议
2022-0006,replied,0,2022-07-10,黄塘,规划建设办,2022-09-15,,关于菜市场排水改造的建议
OUT
}

@test "the imported history is the one the commands write" {
	j import suggestions ledger-states.csv >/dev/null
	run j log 2022-0005 --format json
	run jq -r '.[] | [.date, .action, .detail, .actor] | join(" | ")' <<<"$output"
	expect_output <<'OUT'
2022-07-09 | registered | source: reception; station: 黄塘 | secretary
2022-07-10 | assigned | lead: 规划建设办; due: 2022-09-10 | secretary
2022-08-10 | replied | 规划建设办, class C | secretary
2022-08-10 | rated | unsatisfied; rehandling, due: 2022-09-10 | secretary
OUT
}

@test "quoted fields keep their commas, quotes and newlines; Excel serials are dates" {
	j import suggestions ledger-states.csv >/dev/null
	run j show 2022-0001 --format json
	run jq -c '[.received_on, .content, .submitter, .phone, .lead_deputy]' <<<"$output"
	expect_output <<<'["2022-07-05","门前道路狭窄，\n接送时段拥堵, 建议\"拓宽\"。","陈大文","13812342415","陈志强"]'
	run j show 2022-0002 --format json
	run jq -c '[.received_on, .assigned_on, .source, .cosigners, .departments]' <<<"$output"
	expect_output <<<'["2022-07-06","2022-07-08","session",["黄伟明","梁丽华"],[{"name":"交通运输办","role":"lead","since":"2022-07-08","signed_on":null},{"name":"规划建设办","role":"co","since":"2022-07-08","signed_on":null}]]'
}

@test "GB18030 without a BOM reads the same as UTF-8 with one" {
	cmp ledger-states-gb18030.csv <(tail -c +4 ledger-states.csv | iconv -f UTF-8 -t GB18030)
	run j import suggestions ledger-states-gb18030.csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "ledger-states-gb18030.csv (GB18030): 6 rows: 6 added, 0 updated, 0 unchanged" ]
	j export suggestions --with-personal-data -o a.csv
	rm -f "$JIANYI_DB"*
	j init >/dev/null
	j import suggestions ledger-states.csv >/dev/null
	j export suggestions --with-personal-data -o b.csv
	cmp a.csv b.csv
}

@test "--encoding utf-8 refuses a GB18030 file; --encoding gb18030 reads it" {
	refused 1 "ledger-states-gb18030.csv:1: not valid UTF-8 (byte 1; try --encoding gb18030)" \
	    import suggestions ledger-states-gb18030.csv --encoding utf-8
	run j import suggestions ledger-states-gb18030.csv --encoding gb18030
	[ "$status" -eq 0 ]
	refused 2 "invalid encoding 'big5' (use auto|utf-8|gb18030)" \
	    import suggestions ledger-states.csv --encoding big5
}

@test "standard input is read too" {
	run j import suggestions - < ledger-states.csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "standard input (UTF-8): 6 rows: 6 added, 0 updated, 0 unchanged" ]
}

@test "re-importing the same file changes nothing, not even the history" {
	j import suggestions ledger-states.csv >/dev/null
	before=$(dump)
	run j import suggestions ledger-states.csv
	[ "$status" -eq 0 ]
	expect_output <<<'ledger-states.csv (UTF-8): 6 rows: 0 added, 0 updated, 6 unchanged'
	[ "$before" = "$(dump)" ]
}

@test "what the file adds is applied; an older ledger never rewinds" {
	j import suggestions ledger-states.csv >/dev/null
	# The database moves on: 2022-0003 is rated.
	j rate 2022-0003 satisfied --date 2022-08-03
	# A newer ledger adds a reply to 2022-0002.
	sed 's/,2022-10-08,,,,,\r$/,2022-10-08,2022-09-01,A,修好了,,\r/' \
	    ledger-states.csv > newer.csv
	run cmp -s newer.csv ledger-states.csv
	[ "$status" -eq 1 ]
	run j import suggestions newer.csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "newer.csv (UTF-8): 6 rows: 0 added, 1 updated, 5 unchanged" ]
	run j show 2022-0002 --format json
	run jq -c '[.status, .replies[-1].class, .replies[-1].text]' <<<"$output"
	expect_output <<<'["replied","A","修好了"]'
	# 2022-0003 stays closed: the old ledger lacks its rating.
	run j show 2022-0003 --format json
	[ "$(jq -r .status <<<"$output")" = closed ]
}

@test "a conflict is listed and refused; --update takes the file's value" {
	j import suggestions ledger-states.csv >/dev/null
	sed 's/关于三江人行天桥的维护管理的建议/关于三江天桥的建议/' ledger-states.csv > changed.csv
	refused_all 1 import suggestions changed.csv <<'ERR'
jianyi: changed.csv:5: 标题: the file has '关于三江天桥的建议', the database '关于三江人行天桥的维护管理的建议' (--update takes the file's)
jianyi: changed.csv: 1 bad row; nothing imported
ERR
	run j import suggestions changed.csv --update
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "changed.csv (UTF-8): 6 rows: 0 added, 1 updated, 5 unchanged" ]
	run j show 2022-0003 --format json
	run jq -c '[.title, .history[-1].action, .history[-1].detail]' <<<"$output"
	expect_output <<<'["关于三江天桥的建议","edited","title: 关于三江天桥的建议"]'
}

@test "an empty cell never erases data" {
	j import suggestions ledger-states.csv >/dev/null
	printf '编号,接收日期,标题,提出人\n2022-0001,2022-07-05,关于睿星幼儿园门前整改的建议,\n' > blank.csv
	run j import suggestions blank.csv
	expect_output <<<'blank.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
	[ "$(j show 2022-0001 --format json | jq -r .submitter)" = 陈大文 ]
}

@test "every bad row is listed as FILE:LINE: column: reason and nothing is written" {
	before=$(dump)
	run j import suggestions ledger-bad.csv
	[ "$status" -eq 1 ]
	expect_output <<'OUT'
jianyi: ledger-bad.csv:3: 接收日期: invalid date '2022-02-30'
jianyi: ledger-bad.csv:4: 标题: has a control character
jianyi: ledger-bad.csv:6: 答复类别: invalid value 'E' (use A|B|C|D)
jianyi: ledger-bad.csv:7: 满意度: invalid value '很好' (use satisfied|basic|unsatisfied)
jianyi: ledger-bad.csv:8: 编号: '2022-0001' appears twice in the file (line 2)
jianyi: ledger-bad.csv:9: expected 9 fields, found 8
jianyi: ledger-bad.csv:10: 答复日期: 2022-07-01 is before the 交办日期 (2022-07-06)
jianyi: ledger-bad.csv: 7 bad rows; nothing imported
OUT
	[ "$before" = "$(dump)" ]
}

@test "hostile files: unknown header, empty, unterminated quote, missing column" {
	refused 1 "unknown-header.csv:1: unknown header 'colour' (known: number, received_on, station, source, title, content, category, submitter, phone, lead_deputy, cosigners, department, co_departments, assigned_on, due_on, replied_on, class, reply, rated_on, rating, handler, contacts, note, reply_department, signed, supervisor, supervised_on, merged_into, not_accepted, recurring, no); --skip-unknown-columns imports the other columns" import suggestions unknown-header.csv
	refused 1 "empty.csv: empty file; expected a header row" import suggestions empty.csv
	refused 1 "unterminated.csv:2: the file ends inside a quoted field" import suggestions unterminated.csv
	printf 'number,title\n1,x\n' > nodate.csv
	refused 1 "nodate.csv:1: missing column '接收日期' (received_on)" import suggestions nodate.csv
	printf 'number,number,received_on,title\n' > twice.csv
	refused 1 "twice.csv:1: header 'number' appears twice" import suggestions twice.csv
	printf 'number,received_on,title\n2022-1,2022-07-05,a"b\n' > quote.csv
	refused 1 "quote.csv:2: malformed CSV (error parsing data while strict checking enabled)" import suggestions quote.csv
	refused 1 "missing.csv: No such file or directory" import suggestions missing.csv
	run j import suggestions header-only.csv
	expect_output <<<'header-only.csv (UTF-8): 0 rows: 0 added, 0 updated, 0 unchanged'
}

@test "a header row only of English names, in any order, with a CRLF file" {
	printf 'Title,Number,Received_On\r\n关于路灯的建议,2023-0042,2023-01-05\r\n' > en.csv
	run j import suggestions en.csv
	[ "$status" -eq 0 ]
	# The number is kept; the next one registered by hand follows it.
	run j add --title 下一件 --date 2023-01-06
	expect_output <<<'2023-0043'
}

@test "--dry-run says what would happen and writes nothing" {
	before=$(dump)
	run j import suggestions ledger-states.csv --dry-run
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "dry run, nothing written: ledger-states.csv (UTF-8): 6 rows: 6 added, 0 updated, 0 unchanged" ]
	[ "$before" = "$(dump)" ]
}

@test "--strict-names refuses names the database does not know" {
	j station add 黄塘
	printf '编号,接收日期,标题,联络站\n2022-0001,2022-07-05,a,黄唐\n' > s.csv
	refused_all 1 import suggestions s.csv --strict-names <<'ERR'
jianyi: s.csv:2: 联络站: unknown station '黄唐'; did you mean '黄塘'?
jianyi: s.csv: 1 bad row; nothing imported
ERR
}

@test "dates after today and replies before their assignment are refused" {
	printf '编号,接收日期,标题\n2023-0001,2023-04-01,a\n' > future.csv
	run j import suggestions future.csv
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "jianyi: future.csv:2: 接收日期: 2023-04-01 is after today (2023-03-31)" ]
}

@test "receptions, activities and the registries import and re-import" {
	printf '名称,村居\n黄塘,黄塘村\n源潭,\n' > st.csv
	printf '名称\n规划建设办\n' > dp.csv
	printf '姓名,层级,联络站,联系电话\n陈志强,区,黄塘,13800000000\n' > dep.csv
	printf '日期,联络站,接待人次,接待代表,备注\n2022-03-05,黄塘,2,陈志强,\n2022-03-06,源潭,1,,雨天\n' > rec.csv
	printf '日期,类型,标题,参加人数\n2022-03-07,小组活动,学习,12\n2022-07-14,inspection,视察防汛,\n' > act.csv
	for t in stations:st departments:dp deputies:dep receptions:rec activities:act; do
		run j import "${t%%:*}" "${t#*:}.csv"
		[ "$status" -eq 0 ]
	done
	run j deputy list --format csv
	crlf
	expect_output <<'OUT'
name,level,station,phone,retired
陈志强,district,黄塘,13800000000,0
OUT
	run j reception list --format csv
	crlf
	expect_output <<'OUT'
date,station,visitors,deputies,note
2022-03-05,黄塘,2,陈志强,
2022-03-06,源潭,1,,雨天
OUT
	before=$(dump)
	for t in stations:st departments:dp deputies:dep receptions:rec activities:act; do
		run j import "${t%%:*}" "${t#*:}.csv"
		[ "$status" -eq 0 ]
		[[ $output == *" 0 added, 0 updated, "* ]]
	done
	[ "$before" = "$(dump)" ]
	printf '名称,村居\n黄塘,黄塘社区\n' > st2.csv
	refused_all 1 import stations st2.csv <<'ERR'
jianyi: st2.csv:2: 村居: the file has '黄塘社区', the database '黄塘村' (--update takes the file's)
jianyi: st2.csv: 1 bad row; nothing imported
ERR
	run j import stations st2.csv --update
	[ "$status" -eq 0 ]
	[ "$(j station list --format json | jq -r '.[0].village')" = 黄塘社区 ]
}

@test "import refuses an unknown table" {
	refused 2 "unknown table 'people'; see 'jianyi import --help'" import people x.csv
}

@test "a registry's value held longer than 255 bytes is compared and quoted whole" {
	j station add 黄塘
	# An older or hand-made database: 1 + 90 × 3 bytes, which a buffer of
	# 256 bytes once cut inside a character.
	long="a$(printf '村%.0s' $(seq 90))"
	sqlite3 "$JIANYI_DB" "UPDATE station SET village = '$long'"
	printf '名称,村居\n黄塘,新村\n' > st.csv
	refused_all 1 import stations st.csv <<ERR
jianyi: st.csv:2: 村居: the file has '新村', the database '$long' (--update takes the file's)
jianyi: st.csv: 1 bad row; nothing imported
ERR
	run j import stations st.csv --update
	[ "$status" -eq 0 ]
	[ "$(j station list --format json | jq -r '.[0].village')" = 新村 ]
}
