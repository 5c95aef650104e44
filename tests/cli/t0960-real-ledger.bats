#!/usr/bin/env bats
# Issue 12, item 4: the secretary's own ledger imports. Real ledgers carry
# 序号 (row numbers, read past) and 备注 (remarks, the suggestion's note);
# other unknown columns are refused with the known headers, or skipped
# under --skip-unknown-columns; a new name one or two characters from a
# registered one is refused with "did you mean"; the summary lists at most
# ten new names a registry unless --verbose.

load helper

F="$BATS_TEST_DIRNAME/../fixtures"
EN_KNOWN='number, received_on, station, source, title, content, category, submitter, phone, lead_deputy, cosigners, department, co_departments, assigned_on, due_on, replied_on, class, reply, rated_on, rating, handler, contacts, note, reply_department, signed, supervisor, supervised_on, merged_into, not_accepted, recurring, no'
ZH_KNOWN='编号、接收日期、联络站、来源、标题、内容、类别、提出人、联系电话、领衔代表、附议代表、承办单位、协办单位、交办日期、办理期限、答复日期、答复类别、答复内容、反馈日期、满意度、经办人、办前沟通、备注、答复单位、签收情况、督办领导、督办日期、并入编号、不予立案、多年重复、序号'

# "P01、P02、…、PNN"
join() {
	local i s=
	for i in $(seq 1 "$2"); do
		s="$s${s:+、}$(printf '%s%02d' "$1" "$i")"
	done
	printf '%s\n' "$s"
}

notes() {
	sqlite3 "$JIANYI_DB" "SELECT number, received_on, ifnull(note, '-')
	    FROM suggestion ORDER BY number"
}

@test "item 4: the GB18030 fixture is the UTF-8 one converted, with CRLF line ends, 序号 and 备注" {
	cmp "$F/ledger-real-gb18030.csv" <(iconv -f UTF-8 -t GB18030 "$F/ledger-real.csv")
	run ! iconv -f UTF-8 -t UTF-8 "$F/ledger-real-gb18030.csv"
	[ "$(wc -l <"$F/ledger-real.csv")" = "$(grep -c $'\r$' "$F/ledger-real.csv")" ]
	[ "$(head -1 "$F/ledger-real.csv" | cut -d, -f1)" = 序号 ]
	[ "$(head -1 "$F/ledger-real.csv" | tr -d '\r' | awk -F, '{ print $NF }')" = 备注 ]
}

@test "item 4: a real GB18030 ledger imports: 序号 is read past, 备注 is the note" {
	town >/dev/null
	cp "$F/ledger-real-gb18030.csv" .
	run j import suggestions ledger-real-gb18030.csv
	[ "$status" -eq 0 ]
	expect_output <<-'EOF'
	ledger-real-gb18030.csv (GB18030): 4 rows: 4 added, 0 updated, 0 unchanged; 1 blank row skipped
	new departments: 农业农村办
	new deputies: 周文华
	EOF
	run notes
	expect_output <<-'EOF'
	2023-0001|2023-01-05|村民多次反映，夜间无照明
	2023-0002|2023-01-09|-
	2023-0003|2023-01-12|需与水利站协调；"河长制"落实
	2023-0004|2023-02-03|-
	EOF
	# 序号 is never a suggestion's number, nor anything else.
	[ "$(sqlite3 "$JIANYI_DB" "SELECT count(*) FROM suggestion WHERE number IN ('1', '2', '3', '4')")" = 0 ]
	[ "$(sfield 2023-0002 status)" = replied ]
}

@test "item 4: the same ledger in Chinese (JIANYI_LANG=zh)" {
	town >/dev/null
	cp "$F/ledger-real-gb18030.csv" .
	JIANYI_LANG=zh run j import suggestions ledger-real-gb18030.csv
	[ "$status" -eq 0 ]
	expect_output <<-'EOF'
	ledger-real-gb18030.csv（GB18030）：共 4 行，新增 4 行，更新 0 行，未变 0 行；跳过空行 1 行
	新增承办单位：农业农村办
	新增代表：周文华
	EOF
	JIANYI_LANG=zh run j show 2023-0003
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep -qx '  备注' || return 1
	printf '%s\n' "$output" | grep -qx '    需与水利站协调；"河长制"落实' || return 1
}

@test "item 4: show displays the note, export writes it back under 备注, and re-importing the export changes nothing" {
	town >/dev/null
	j import suggestions "$F/ledger-real-gb18030.csv" >/dev/null
	run j show 2023-0001
	[ "$status" -eq 0 ]
	[[ "$output" == *$'\n\n  note\n    村民多次反映，夜间无照明\n'* ]] || { echo "$output"; return 1; }
	# No note, no block.
	run j show 2023-0002
	[[ "$output" != *"  note"* ]] || return 1
	j export suggestions -o out.csv
	run sed -n '1p;2p;4p' out.csv
	crlf
	[ "${lines[0]}" = $'\xef\xbb\xbf编号,接收日期,联络站,来源,标题,内容,类别,提出人,联系电话,领衔代表,附议代表,承办单位,协办单位,交办日期,办理期限,答复日期,答复类别,答复内容,反馈日期,满意度,经办人,办前沟通,备注,答复单位,签收情况,督办领导,督办日期,并入编号,不予立案,多年重复' ]
	# The note is the 23rd column, before issue 14's seven.
	[ "$(printf '%s\n' "${lines[1]}" | awk -F, '{ print $23 }')" = 村民多次反映，夜间无照明 ]
	[[ "${lines[2]}" == *',"需与水利站协调；""河长制""落实",,,,,,,' ]] || return 1
	j export suggestions --header en -o en.csv
	[ "$(head -1 en.csv | tr -d '\r' | awk -F, '{ print $23 }')" = note ]
	before=$(dump)
	run j import suggestions out.csv
	[ "$status" -eq 0 ]
	expect_output <<<'out.csv (UTF-8): 4 rows: 0 added, 0 updated, 4 unchanged'
	[ "$(dump)" = "$before" ]
}

@test "item 4: a changed 备注 is a conflict, and --update takes the file's" {
	town >/dev/null
	j import suggestions "$F/ledger-real-gb18030.csv" >/dev/null
	printf '编号,接收日期,标题,备注\n2023-0001,2023-01-05,修复黄塘村路灯,已催办\n' >note.csv
	refused_all 1 import suggestions note.csv <<-'EOF'
	jianyi: note.csv:2: 备注: the file has '已催办', the database '村民多次反映，夜间无照明' (--update takes the file's)
	jianyi: note.csv: 1 bad row; nothing imported
	EOF
	run j import suggestions note.csv --update
	[ "$status" -eq 0 ]
	expect_output <<<'note.csv (UTF-8): 1 row: 0 added, 1 updated, 0 unchanged'
	[ "$(sfield 2023-0001 note)" = 已催办 ]
	# An empty 备注 cell erases nothing.
	printf '编号,接收日期,标题,备注\n2023-0001,2023-01-05,修复黄塘村路灯,\n' >empty.csv
	run j import suggestions empty.csv
	expect_output <<<'empty.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
	[ "$(sfield 2023-0001 note)" = 已催办 ]
}

@test "item 4: an English ledger's 'no' column is read past and its 'note' kept" {
	town >/dev/null
	printf 'No,number,received_on,title,note\n7,2023-0001,2023-01-05,路灯,urgent\n' >en.csv
	run j import suggestions en.csv
	[ "$status" -eq 0 ]
	expect_output <<<'en.csv (UTF-8): 1 row: 1 added, 0 updated, 0 unchanged'
	run notes
	expect_output <<<'2023-0001|2023-01-05|urgent'
}

@test "item 4: an unknown column is refused with the known headers and --skip-unknown-columns, in English and Chinese" {
	town >/dev/null
	printf '序号,编号,接收日期,标题,经办科室,备注\r\n1,2023-0001,2023-01-05,路灯,党政办,催办\r\n' >extra.csv
	refused 1 "extra.csv:1: unknown header '经办科室' (known: $ZH_KNOWN); --skip-unknown-columns imports the other columns" \
	    import suggestions extra.csv
	JIANYI_LANG=zh refused 1 "extra.csv:1: 未知的列名 '经办科室'（可识别的列名：$ZH_KNOWN）；使用 --skip-unknown-columns 可跳过它导入其余各列" \
	    import suggestions extra.csv
	printf 'number,received_on,title,colour\n2023-0001,2023-01-05,路灯,red\n' >colour.csv
	refused 1 "colour.csv:1: unknown header 'colour' (known: $EN_KNOWN); --skip-unknown-columns imports the other columns" \
	    import suggestions colour.csv
}

@test "item 4: --skip-unknown-columns imports the rest and says what it skipped" {
	town >/dev/null
	printf '序号,编号,接收日期,标题,经办科室,备注,colour\r\n1,2023-0001,2023-01-05,路灯,党政办,催办,red\r\n' >extra.csv
	cp "$JIANYI_DB" before.db
	JIANYI_LANG=zh run j import suggestions extra.csv --skip-unknown-columns --dry-run
	[ "$status" -eq 0 ]
	expect_output <<-'EOF'
	试运行，未写入任何数据：extra.csv（UTF-8）：共 1 行，新增 1 行，更新 0 行，未变 0 行
	已跳过的列：经办科室、colour
	EOF
	run j import suggestions extra.csv --skip-unknown-columns
	[ "$status" -eq 0 ]
	expect_output <<-'EOF'
	extra.csv (UTF-8): 1 row: 1 added, 0 updated, 0 unchanged
	columns skipped: 经办科室、colour
	EOF
	run notes
	expect_output <<<'2023-0001|2023-01-05|催办'
	# What was skipped is nowhere in the database.
	run sqlite3 "$JIANYI_DB" .dump
	[[ "$output" != *党政办* && "$output" != *"'red'"* ]] || return 1
	# The option skips only what is unknown: a missing column is still refused.
	printf '序号,编号,标题,colour\n1,2023-0002,路灯,red\n' >missing.csv
	refused 1 "missing.csv:1: missing column '接收日期' (received_on)" \
	    import suggestions missing.csv --skip-unknown-columns
}

@test "item 4: a new name one character from a registered one (黄堂 beside 黄塘) is refused with 'did you mean', without --strict-names" {
	town >/dev/null
	printf 'number,received_on,title,station\n2023-0001,2023-01-05,路灯,黄塘\n2023-0002,2023-01-06,水渠,黄堂\n' >near.csv
	refused_all 1 import suggestions near.csv <<-'EOF'
	jianyi: near.csv:3: station: '黄堂' is not registered; did you mean '黄塘'? (register a new name this close to another before the import)
	jianyi: near.csv: 1 bad row; nothing imported
	EOF
	JIANYI_LANG=zh refused_all 1 import suggestions near.csv <<-'EOF'
	jianyi: near.csv:3: station：'黄堂' 未登记；您是否要输入 '黄塘'？（与已登记名称如此相近的新名称，请先登记再导入）
	jianyi: near.csv: 有 1 行有误，未导入任何数据
	EOF
	# Deputies and departments too, in every column that names one.
	printf '编号,接收日期,标题,领衔代表,附议代表,承办单位,交办日期\n2023-0001,2023-01-05,路灯,陈大文,李小虹,规划建设办,2023-01-06\n2023-0002,2023-01-05,水渠,王建国,,交通运输局,2023-01-06\n' >near2.csv
	refused_all 1 import suggestions near2.csv <<-'EOF'
	jianyi: near2.csv:2: 附议代表: '李小虹' is not registered; did you mean '李小红'? (register a new name this close to another before the import)
	jianyi: near2.csv:3: 承办单位: '交通运输局' is not registered; did you mean '交通运输办'? (register a new name this close to another before the import)
	jianyi: near2.csv: 2 bad rows; nothing imported
	EOF
	# Registered first, the name imports.
	j station add 黄堂
	run j import suggestions near.csv
	[ "$status" -eq 0 ]
	expect_output <<<'near.csv (UTF-8): 2 rows: 2 added, 0 updated, 0 unchanged'
}

@test "item 4: clearly new names are registered, near each other or not; two edits apart is new for a short name" {
	town >/dev/null
	# 石门 is two characters from 源潭; 新村一 and 新村二 are new together.
	printf '编号,接收日期,标题,联络站\n2023-0001,2023-01-05,路灯,石门\n2023-0002,2023-01-05,水渠,新村一\n2023-0003,2023-01-05,桥,新村二\n' >new.csv
	run j import suggestions new.csv
	[ "$status" -eq 0 ]
	expect_output <<-'EOF'
	new.csv (UTF-8): 3 rows: 3 added, 0 updated, 0 unchanged
	new stations: 石门、新村一、新村二
	EOF
	[ "$(sqlite3 "$JIANYI_DB" "SELECT group_concat(name, ' ') FROM (SELECT name FROM station ORDER BY id)")" = '黄塘 源潭 华埭村 石门 新村一 新村二' ]
	# A long name may be two characters off.
	j dept add 城市管理综合执法局
	printf '编号,接收日期,标题,承办单位,交办日期\n2023-0004,2023-01-05,路灯,城市管理综合执法队,2023-01-06\n' >long.csv
	refused_all 1 import suggestions long.csv <<-'EOF'
	jianyi: long.csv:2: 承办单位: '城市管理综合执法队' is not registered; did you mean '城市管理综合执法局'? (register a new name this close to another before the import)
	jianyi: long.csv: 1 bad row; nothing imported
	EOF
}

@test "item 4: the summary lists ten new names a registry, then how many more; --verbose lists them all" {
	town >/dev/null
	{
		echo 编号,接收日期,标题,领衔代表
		for i in $(seq 1 25); do
			printf '2023-%04d,2023-01-05,路灯,新代表%02d\n' "$i" "$i"
		done
	} >many.csv
	names10=$(join 新代表 10)
	names25=$(join 新代表 25)
	run j import suggestions many.csv --dry-run
	[ "$status" -eq 0 ]
	expect_output <<-EOF
	dry run, nothing written: many.csv (UTF-8): 25 rows: 25 added, 0 updated, 0 unchanged
	new deputies: $names10 … and 15 more
	EOF
	JIANYI_LANG=zh run j import suggestions many.csv --dry-run
	expect_output <<-EOF
	试运行，未写入任何数据：many.csv（UTF-8）：共 25 行，新增 25 行，更新 0 行，未变 0 行
	新增代表：$names10…等 15 个
	EOF
	run j import suggestions many.csv --verbose
	[ "$status" -eq 0 ]
	expect_output <<-EOF
	many.csv (UTF-8): 25 rows: 25 added, 0 updated, 0 unchanged
	new deputies: $names25
	EOF
	[ "$(sqlite3 "$JIANYI_DB" "SELECT count(*) FROM deputy")" = 28 ]
	# Exactly ten: no "more".
	head -11 many.csv | sed 's/^2023-00/2023-01/; s/新代表/委员甲/' >ten.csv
	run j import suggestions ten.csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[1]}" = "new deputies: $(join 委员甲 10)" ]
}

@test "item 4: a database of schema 1 gains the note column (migration 2) when next opened" {
	j init >/dev/null
	j add --title 路灯 --date 2023-01-05 >/dev/null
	schema7
	sqlite3 "$JIANYI_DB" 'ALTER TABLE suggestion DROP COLUMN note; DROP TABLE calendar; DROP TABLE supervision; PRAGMA user_version = 1'
	[ "$(sqlite3 "$JIANYI_DB" "SELECT count(*) FROM pragma_table_info('suggestion') WHERE name = 'note'")" = 0 ]
	run j list
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$JIANYI_DB" 'PRAGMA user_version')" = 8 ]
	[ "$(sqlite3 "$JIANYI_DB" "SELECT count(*) FROM pragma_table_info('suggestion') WHERE name = 'note'")" = 1 ]
	printf '编号,接收日期,标题,备注\n2023-0001,2023-01-05,路灯,催办\n' >n.csv
	run j import suggestions n.csv
	expect_output <<<'n.csv (UTF-8): 1 row: 0 added, 1 updated, 0 unchanged'
	[ "$(sfield 2023-0001 note)" = 催办 ]
}

@test "item 4: rows numbered in advance (only a 序号) are blank rows; a skipped column's cells are not read" {
	town >/dev/null
	printf '序号,编号,接收日期,标题,colour\r\n1,2023-0001,2023-01-05,路灯,r\0d\r\n2,,,,\r\n3,,,,\r\n' >pre.csv
	run j import suggestions pre.csv --skip-unknown-columns
	[ "$status" -eq 0 ]
	expect_output <<-'EOF2'
	pre.csv (UTF-8): 1 row: 1 added, 0 updated, 0 unchanged; 2 blank rows skipped
	columns skipped: colour
	EOF2
	[ "$(sqlite3 "$JIANYI_DB" 'SELECT count(*) FROM suggestion')" = 1 ]
	# A control character in a column that is read is still refused.
	printf '序号,编号,接收日期,标题\r\n1,2023-0002,2023-01-05,r\0d\r\n' >nul.csv
	refused_all 1 import suggestions nul.csv <<-'EOF2'
	jianyi: nul.csv:2: 标题: has a control character
	jianyi: nul.csv: 1 bad row; nothing imported
	EOF2
}

@test "item 4: a skipped header is shown escaped in the summary" {
	town >/dev/null
	printf 'number,received_on,title,"a\033[31mb"\n2023-0001,2023-01-05,x,y\n' >esc.csv
	run j import suggestions esc.csv --skip-unknown-columns
	[ "$status" -eq 0 ]
	expect_output <<-'EOF2'
	esc.csv (UTF-8): 1 row: 1 added, 0 updated, 0 unchanged
	columns skipped: a\x1b[31mb
	EOF2
}
