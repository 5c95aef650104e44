#!/usr/bin/env bats
# import, issue 11: the right FILE:LINE for every error (r15), files that
# cannot seek (r14), NUL bytes (r5), one normalisation of names and text,
# list separators, ids for receptions and activities, the ledger's round
# trip, date order and conflicts under --update, blank rows (r16, r17).

load helper

# A ledger of 59 rows with a bad byte on line 41, in $1 (gb18030|utf-8).
ledger59() {
	python3 - "$1" <<'PY'
import sys
enc = sys.argv[1]
rows = ['编号,接收日期,标题'] + ['2023-%04d,2023-01-05,关于路灯的建议%d' % (i, i) for i in range(1, 60)]
b = [r.encode(enc) for r in rows]
b[40] += b'\xff'
sys.stdout.buffer.write(b'\r\n'.join(b) + b'\r\n')
PY
}

@test "r15: a bad byte in a GB18030 file is reported at its line" {
	j init >/dev/null
	ledger59 gb18030 > gb.csv
	refused 1 "gb.csv:41: not valid GB18030 (byte 1570)" import suggestions gb.csv
}

@test "r15: a UTF-8 file with one bad byte is UTF-8, refused at the byte's line" {
	j init >/dev/null
	ledger59 utf-8 > u8.csv
	refused 1 "u8.csv:41: not valid UTF-8 (byte 1858)" import suggestions u8.csv
	refused 1 "u8.csv:41: not valid UTF-8 (byte 1858; try --encoding gb18030)" \
	    import suggestions u8.csv --encoding utf-8
	# A bad byte on the first line is still on line 1, the header.
	printf 'number,received_on,title\xff\n2023-0100,2023-01-05,路灯\n' > h.csv
	refused 1 "h.csv:1: not valid UTF-8 (byte 25)" import suggestions h.csv
}

@test "r15: a CR-only file (Excel's CSV (Macintosh)) counts its lines" {
	j init >/dev/null
	printf 'number,received_on,title\r2023-0100,2023-01-05,a\r2023-0101,2023-02-30,b\r' > mac.csv
	run j import suggestions mac.csv
	[ "$status" -eq 1 ]
	expect_output <<'OUT'
jianyi: mac.csv:3: received_on: invalid date '2023-02-30'
jianyi: mac.csv: 1 bad row; nothing imported
OUT
	# A cell with a newline in a CR-only file: the next record is on line 4.
	printf 'number,received_on,title,content\r2023-0100,2023-01-05,a,"x\ny"\r2023-0101,2023-02-30,b,z\r' > mac2.csv
	run j import suggestions mac2.csv
	[ "$status" -eq 1 ]
	expect_output <<'OUT'
jianyi: mac2.csv:4: received_on: invalid date '2023-02-30'
jianyi: mac2.csv: 1 bad row; nothing imported
OUT
	printf 'number,received_on,title\r2023-0100,2023-01-05,a\r\n2023-0101,2023-01-06,b\r' > ok.csv
	run j import suggestions ok.csv
	[ "$status" -eq 0 ]
	expect_output <<<'ok.csv (UTF-8): 2 rows: 2 added, 0 updated, 0 unchanged'
	[ "$(sqlite3 t.db 'SELECT count(*) FROM suggestion')" = 2 ]
}

@test "r14: a pipe, a FIFO, <(...) and /dev/stdin import as - does" {
	j init >/dev/null
	printf 'number,received_on,title\n2023-0100,2023-01-05,路灯\n' > ok.csv
	run j import suggestions <(cat ok.csv)
	[ "$status" -eq 0 ]
	[[ "$output" == "/dev/fd/"*" (UTF-8): 1 row: 1 added, 0 updated, 0 unchanged" ]] || return 1
	run bash -c 'cat ok.csv | "$JIANYI" import suggestions /dev/stdin'
	[ "$status" -eq 0 ]
	expect_output <<<'/dev/stdin (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
	mkfifo p
	cat ok.csv > p &
	run j import suggestions p
	[ "$status" -eq 0 ]
	expect_output <<<'p (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
	# GB18030 through a pipe is detected as from a file.
	iconv -f UTF-8 -t GB18030 ok.csv | sed 's/0100/0101/' > gb.csv
	run bash -c 'cat gb.csv | "$JIANYI" import suggestions /dev/stdin'
	[ "$status" -eq 0 ]
	expect_output <<<'/dev/stdin (GB18030): 1 row: 1 added, 0 updated, 0 unchanged'
	[ "$(sqlite3 t.db "SELECT title FROM suggestion WHERE number = '2023-0101'")" = 路灯 ]
}

@test "r5: a NUL byte in a CSV field is refused as a control character, with its column" {
	j init >/dev/null
	printf 'number,received_on,title,content\n2023-0100,2023-01-05,路灯\000 这部分丢失,内容\n' > nul.csv
	run j import suggestions nul.csv
	[ "$status" -eq 1 ]
	expect_output <<'OUT'
jianyi: nul.csv:2: title: has a control character
jianyi: nul.csv: 1 bad row; nothing imported
OUT
	[ "$(sqlite3 t.db 'SELECT count(*) FROM suggestion')" = 0 ]
	printf '编号,接收日期,标题,内容\n2023-0100,2023-01-05,路灯,"内容\000也丢失"\n' > nul2.csv
	run j import suggestions nul2.csv
	[ "$status" -eq 1 ]
	expect_output <<'OUT'
jianyi: nul2.csv:2: 内容: has a control character
jianyi: nul2.csv: 1 bad row; nothing imported
OUT
	printf 'name\n黄塘\000村\n' > st.csv
	run j import stations st.csv
	[ "$status" -eq 1 ]
	expect_output <<'OUT'
jianyi: st.csv:2: name: has a control character
jianyi: st.csv: 1 bad row; nothing imported
OUT
	[ "$(sqlite3 t.db 'SELECT count(*) FROM station')" = 0 ]
}

@test "r17: import --update refuses a received_on after the first event; an earlier one moves the registration" {
	j init >/dev/null
	j dept add 规划建设办
	n=$(j add --title 道路 --date 2023-01-07)
	j assign "$n" --dept 规划建设办 --date 2023-01-10
	j reply "$n" --dept 规划建设办 --class A --date 2023-02-01
	printf 'number,received_on,title\n%s,2023-03-01,道路\n' "$n" > u.csv
	before=$(dump)
	run j import suggestions u.csv --update
	[ "$status" -eq 1 ]
	expect_output <<OUT
jianyi: u.csv:2: cannot move the date received of '$n' to 2023-03-01: it is after its first event (assigned, 2023-01-10)
jianyi: u.csv: 1 bad row; nothing imported
OUT
	[ "$before" = "$(dump)" ]
	# The day of the first event is still in order.
	printf 'number,received_on,title\n%s,2023-01-10,道路\n' "$n" > same.csv
	run j import suggestions same.csv --update
	[ "$status" -eq 0 ]
	printf 'number,received_on,title\n%s,2023-01-02,道路\n' "$n" > e.csv
	run j import suggestions e.csv --update
	[ "$status" -eq 0 ]
	expect_output <<<'e.csv (UTF-8): 1 row: 0 added, 1 updated, 0 unchanged'
	run j log "$n" --format json
	run jq -r '.[] | [.date, .action, .detail] | join(" | ")' <<<"$output"
	expect_output <<'OUT'
2023-01-02 | registered | source: other
2023-01-10 | assigned | lead: 规划建设办; due: 2023-04-10
2023-02-01 | replied | 规划建设办, class A
2023-03-31 | edited | date received: 2023-01-10
2023-03-31 | edited | date received: 2023-01-02
OUT
	run j check
	[ "$status" -eq 0 ]
	expect_output <<<'ok'
}

@test "r17: check verifies the date order of every suggestion's steps" {
	j init >/dev/null
	j dept add 规划建设办
	n=$(j add --title 道路 --date 2023-01-07)
	j assign "$n" --dept 规划建设办 --date 2023-01-10
	j reply "$n" --dept 规划建设办 --class A --date 2023-02-01
	j rate "$n" satisfied --date 2023-02-02
	run j check
	[ "$status" -eq 0 ]
	expect_output <<<'ok'
	sqlite3 t.db "UPDATE suggestion SET received_on = '2023-03-01'"
	run j check
	[ "$status" -eq 3 ]
	expect_output <<OUT
date order: $n: event registered 2023-01-07 is before received_on 2023-03-01
date order: $n: assigned_on 2023-01-10 is before received_on 2023-03-01
date order: $n: event assigned 2023-01-10 is before received_on 2023-03-01
date order: $n: event replied 2023-02-01 is before received_on 2023-03-01
date order: $n: replied_on 2023-02-01 is before received_on 2023-03-01
date order: $n: event rated 2023-02-02 is before received_on 2023-03-01
6 problems found
OUT
	sqlite3 t.db "UPDATE suggestion SET received_on = '2023-01-07';
	    UPDATE rating SET rated_on = '2023-01-08'; UPDATE reply SET replied_on = '2023-01-09'"
	run j check
	[ "$status" -eq 3 ]
	expect_output <<OUT
date order: $n: rated_on 2023-01-08 is before replied_on 2023-01-09
date order: $n: replied_on 2023-01-09 is before assigned_on 2023-01-10
2 problems found
OUT
}

@test "r16: the command line and the import normalise names and text the same way" {
	j init >/dev/null
	j dept add $'规划建设办\u3000'
	refused 1 "department '规划建设办' already exists" dept add $'\u00a0规划建设办'
	j station add $'黄塘\u200b'
	refused 1 "station '黄塘' already exists" station add 黄塘
	refused 1 "station '黄塘' already exists" station add $'黄\ufeff塘'
	[ "$(sqlite3 t.db "SELECT name FROM department UNION ALL SELECT name FROM station")" = $'规划建设办\n黄塘' ]
	# Composed (NFC): e + U+0301 is é.
	j deputy add $'Rene\u0301'
	[ "$(sqlite3 t.db "SELECT hex(name) FROM deputy")" = 52656EC3A9 ]
	n=$(j add --title ' 路灯 ' --category $' 城建\u3000' --station $'\u00a0黄塘' --date 2023-01-05)
	j assign "$n" --dept $'规划建设办\u200b' --date 2023-01-06
	run j show "$n" --format json
	run jq -c '[.title, .category, .station, .departments[0].name]' <<<"$output"
	expect_output <<<'["路灯","城建","黄塘","规划建设办"]'
	# The import names the same department, station and deputy.
	printf '编号,接收日期,联络站,标题,类别,领衔代表,承办单位,交办日期\n%s,2023-01-05,\xc2\xa0黄塘, 路灯 ,城建\xe3\x80\x80,Rene\xcc\x81,\xe2\x80\x8b规划建设办,2023-01-06\n' "$n" > a.csv
	run j import suggestions a.csv
	[ "$status" -eq 0 ]
	expect_output <<<'a.csv (UTF-8): 1 row: 0 added, 1 updated, 0 unchanged'
	[ "$(sqlite3 t.db 'SELECT count(*) FROM department'),$(sqlite3 t.db 'SELECT count(*) FROM station'),$(sqlite3 t.db 'SELECT count(*) FROM deputy')" = 1,1,1 ]
	# A count with spaces around is read as an imported cell is.
	j reception add --station $'黄塘\u3000' --visitors ' 3' --date 2023-01-05
	[ "$(sqlite3 t.db 'SELECT visitors FROM reception')" = 3 ]
}

@test "r16: a suggestion added with spaces re-imports its own export unchanged" {
	j init >/dev/null
	j station add 黄塘
	j add --title ' 路灯 ' --category ' 城建' --date 2023-01-05 >/dev/null
	j export suggestions -o a.csv
	run j import suggestions a.csv
	[ "$status" -eq 0 ]
	expect_output <<<'a.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
}

@test "r16: names in list columns are normalised and checked, each with FILE:LINE and its column" {
	j init >/dev/null
	long=$(printf '长%.0s' $(seq 61))
	printf 'number,received_on,title,cosigners\n2023-0100,2023-01-05,路灯,"张三；\xe3\x80\x80李四\xe2\x80\x8b、;"\n2023-0101,2023-01-05,路灯,"王五、%s"\n' "$long" > l.csv
	run j import suggestions l.csv
	[ "$status" -eq 1 ]
	expect_output <<'OUT'
jianyi: l.csv:3: cosigners: too long (61 characters; at most 60)
jianyi: l.csv: 1 bad row; nothing imported
OUT
	head -2 l.csv > ok.csv
	run j import suggestions ok.csv
	[ "$status" -eq 0 ]
	expect_output <<'OUT'
ok.csv (UTF-8): 1 row: 1 added, 0 updated, 0 unchanged
new deputies: 张三、李四
OUT
	run j show 2023-0100 --format json
	run jq -c .cosigners <<<"$output"
	expect_output <<<'["张三","李四"]'
	# More than 64 names are all kept.
	names=$(seq -f '代表%g' 1 70 | paste -sd ';')
	printf 'number,received_on,title,cosigners\n2023-0102,2023-01-05,路灯,%s\n' "$names" > many.csv
	run j import suggestions many.csv
	[ "$status" -eq 0 ]
	[ "$(sqlite3 t.db "SELECT count(*) FROM cosigner c JOIN suggestion s ON s.id = c.suggestion_id WHERE s.number = '2023-0102'")" = 70 ]
}

@test "a row of only separators (Excel's trailing blank rows) is skipped and reported" {
	j init >/dev/null
	printf 'number,received_on,title\r\n2023-0100,2023-01-05,路灯\r\n,,\r\n,\r\n , \xe3\x80\x80 ,\r\n' > b.csv
	run j import suggestions b.csv
	[ "$status" -eq 0 ]
	expect_output <<<'b.csv (UTF-8): 1 row: 1 added, 0 updated, 0 unchanged; 3 blank rows skipped'
	JIANYI_LANG=zh run j import suggestions b.csv
	expect_output <<<'b.csv（UTF-8）：共 1 行，新增 0 行，更新 0 行，未变 1 行；跳过空行 3 行'
	# A ragged row with a value is still refused.
	printf 'number,received_on,title\n2023-0101,2023-01-05\n' > r.csv
	refused_lines=$(j import suggestions r.csv 2>&1 || true)
	[ "$refused_lines" = $'jianyi: r.csv:2: expected 3 fields, found 2\njianyi: r.csv: 1 bad row; nothing imported' ]
}

@test "r15: headers are normalised; an invisible character left in one is shown" {
	j init >/dev/null
	# A second BOM (a file converted twice) and a trailing NBSP are no
	# longer unknown headers.
	printf '\xef\xbb\xbf\xef\xbb\xbfnumber,received_on\xc2\xa0,title\n2023-0100,2023-01-05,路灯\n' > bom.csv
	run j import suggestions bom.csv
	[ "$status" -eq 0 ]
	expect_output <<<'bom.csv (UTF-8): 1 row: 1 added, 0 updated, 0 unchanged'
	printf 'num\xe2\x80\x8dber,received_on,title\n' > zwj.csv
	refused 1 "zwj.csv:1: unknown header 'num\\u200dber' (known: number, received_on, station, source, title, content, category, submitter, phone, lead_deputy, cosigners, department, co_departments, assigned_on, due_on, replied_on, class, reply, rated_on, rating, handler, contacts, note, reply_department, signed, supervisor, supervised_on, merged_into, not_accepted, recurring, no); --skip-unknown-columns imports the other columns" import suggestions zwj.csv
	printf 'number,received_on,title,"x\ty"\n' > tab.csv
	refused 1 "tab.csv:1: unknown header 'x\\x09y' (known: number, received_on, station, source, title, content, category, submitter, phone, lead_deputy, cosigners, department, co_departments, assigned_on, due_on, replied_on, class, reply, rated_on, rating, handler, contacts, note, reply_department, signed, supervisor, supervised_on, merged_into, not_accepted, recurring, no); --skip-unknown-columns imports the other columns" import suggestions tab.csv
	printf 'number,received_on,"ti\000tle"\n' > nul.csv
	refused 1 "nul.csv:1: header 3 has a control character" import suggestions nul.csv
}

@test "r16: a name may not hold a list separator, from the command line or an import" {
	j init >/dev/null
	refused 1 "deputy '张三、李四' has a list separator (; ； 、)" deputy add '张三、李四'
	refused 1 "station '黄塘;源潭' has a list separator (; ； 、)" station add '黄塘;源潭'
	refused 1 "department '规划；建设办' has a list separator (; ； 、)" dept add '规划；建设办'
	j deputy add 张三
	refused 1 "deputy '张三、李四' has a list separator (; ； 、)" deputy rename 张三 '张三、李四'
	printf 'name,level\n王五,town\n张三、李四,town\n' > d.csv
	run j import deputies d.csv
	[ "$status" -eq 1 ]
	expect_output <<'OUT'
jianyi: d.csv:3: deputy '张三、李四' has a list separator (; ； 、)
jianyi: d.csv: 1 bad row; nothing imported
OUT
	printf 'number,received_on,title,lead_deputy\n2023-0100,2023-01-05,路灯,赵六;钱七\n' > l.csv
	run j import suggestions l.csv
	[ "$status" -eq 1 ]
	expect_output <<'OUT'
jianyi: l.csv:2: deputy '赵六;钱七' has a list separator (; ； 、)
jianyi: l.csv: 1 bad row; nothing imported
OUT
	[ "$(sqlite3 t.db 'SELECT group_concat(name) FROM deputy')" = 张三 ]
	# The lists themselves split at every separator.
	j deputy add 李四
	n=$(j add --title 分隔 --cosigner 张三 --cosigner 李四 --date 2023-01-05)
	j export suggestions -o b.csv
	j --db u.db init >/dev/null
	run j --db u.db import suggestions b.csv
	[ "$status" -eq 0 ]
	run j --db u.db show "$n" --format json
	run jq -c .cosigners <<<"$output"
	expect_output <<<'["张三","李四"]'
}

@test "r16: two identical receptions on one day round-trip as two, by their id" {
	j init >/dev/null
	j station add 黄塘
	j reception add --station 黄塘 --visitors 3 --date 2023-01-05
	j reception add --station 黄塘 --visitors 3 --date 2023-01-05
	j activity add --kind group --title 小组活动 --date 2023-01-06
	j activity add --kind group --title 小组活动 --date 2023-01-06
	j export receptions -o r.csv
	j export activities -o a.csv
	[ "$(tail -c +4 r.csv)" = $'编号,日期,联络站,接待人次,接待代表,备注\r\n1,2023-01-05,黄塘,3,,\r\n2,2023-01-05,黄塘,3,,\r' ]
	j --db u.db init >/dev/null
	run j --db u.db import receptions r.csv
	[ "$status" -eq 0 ]
	expect_output <<'OUT'
r.csv (UTF-8): 2 rows: 2 added, 0 updated, 0 unchanged
new stations: 黄塘
OUT
	run j --db u.db import activities a.csv
	expect_output <<<'a.csv (UTF-8): 2 rows: 2 added, 0 updated, 0 unchanged'
	run j --db u.db import receptions r.csv
	expect_output <<<'r.csv (UTF-8): 2 rows: 0 added, 0 updated, 2 unchanged'
	[ "$(sqlite3 u.db 'SELECT count(*) FROM reception'),$(sqlite3 u.db 'SELECT count(*) FROM activity')" = 2,2 ]
	j --db u.db export receptions -o r2.csv
	j --db u.db export activities -o a2.csv
	cmp r.csv r2.csv
	cmp a.csv a2.csv
}

@test "r16: without an id, identical rows count: a re-import adds nothing, a third adds one" {
	j init >/dev/null
	printf 'date,station,visitors,deputies\n2023-01-05,黄塘,3,张三\n2023-01-05,黄塘,3,张三\n' > r.csv
	run j import receptions r.csv
	expect_output <<'OUT'
r.csv (UTF-8): 2 rows: 2 added, 0 updated, 0 unchanged
new stations: 黄塘
new deputies: 张三
OUT
	run j import receptions r.csv
	expect_output <<<'r.csv (UTF-8): 2 rows: 0 added, 0 updated, 2 unchanged'
	printf '2023-01-05,黄塘,3,张三\n' >> r.csv
	run j import receptions r.csv
	expect_output <<<'r.csv (UTF-8): 3 rows: 1 added, 0 updated, 2 unchanged'
	# Other deputies make another session.
	printf 'date,station,visitors,deputies\n2023-01-05,黄塘,3,李四\n' > o.csv
	run j import receptions o.csv
	expect_output <<'OUT'
o.csv (UTF-8): 1 row: 1 added, 0 updated, 0 unchanged
new deputies: 李四
OUT
	[ "$(sqlite3 t.db 'SELECT count(*) FROM reception')" = 4 ]
	# A deputy named twice is one deputy, and the row still matches.
	printf 'date,station,visitors,deputies\n2023-01-06,黄塘,2,张三、张三\n' > twice.csv
	run j import receptions twice.csv
	expect_output <<<'twice.csv (UTF-8): 1 row: 1 added, 0 updated, 0 unchanged'
	run j import receptions twice.csv
	expect_output <<<'twice.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
}

@test "r16: an id whose row differs is a conflict; --update takes the file's" {
	j init >/dev/null
	j station add 黄塘
	j deputy add 张三
	j reception add --station 黄塘 --visitors 3 --date 2023-01-05
	j activity add --kind group --title 小组活动 --date 2023-01-06
	printf 'id,date,station,visitors,deputies,note\n1,2023-01-05,黄塘,4,张三,补记\n' > r.csv
	refused_all 1 import receptions r.csv <<'ERR'
jianyi: r.csv:2: id: row 1 of the database differs (--update takes the file's)
jianyi: r.csv: 1 bad row; nothing imported
ERR
	run j import receptions r.csv --update
	[ "$status" -eq 0 ]
	expect_output <<<'r.csv (UTF-8): 1 row: 0 added, 1 updated, 0 unchanged'
	run j reception list --format csv
	crlf
	expect_output <<'OUT'
date,station,visitors,deputies,note
2023-01-05,黄塘,4,张三,补记
OUT
	run j import receptions r.csv
	expect_output <<<'r.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
	printf '编号,日期,类型,标题,参加人数\n1,2023-01-06,调研,小组活动,12\n' > a.csv
	refused_all 1 import activities a.csv <<'ERR'
jianyi: a.csv:2: 编号: row 1 of the database differs (--update takes the file's)
jianyi: a.csv: 1 bad row; nothing imported
ERR
	run j import activities a.csv --update
	expect_output <<<'a.csv (UTF-8): 1 row: 0 added, 1 updated, 0 unchanged'
	[ "$(sqlite3 t.db 'SELECT held_on, kind, title, participants FROM activity')" = '2023-01-06|survey|小组活动|12' ]
	printf 'id,date,kind,title\n0,2023-01-06,group,x\n' > z.csv
	refused_all 1 import activities z.csv <<'ERR'
jianyi: z.csv:2: id: invalid id '0'
jianyi: z.csv: 1 bad row; nothing imported
ERR
}

@test "migrating the demo through export and import keeps every rate of the 2022 report" {
	DEMO_DB="$TMP/demo.db" DEMO_QUIET=1 JIANYI="$JIANYI" \
	    "$BATS_TEST_DIRNAME/../../scripts/demo.sh" >/dev/null 2>&1
	j --db new.db init --town 乐平镇 >/dev/null
	for t in receptions activities suggestions; do
		j --db demo.db export $t --with-personal-data -o $t.csv
		j --db new.db import $t $t.csv >/dev/null
	done
	j --db demo.db report --year 2022 --format json > a.json
	j --db new.db report --year 2022 --format json > b.json
	# Every rate, and all the figures, not only equal but real.
	[ "$(jq -c '.cohort.rates | to_entries | map(.key) | sort' a.json)" = '["closure","contact","on_time","reply","resolution","routed_on_time","satisfied","satisfied_or_basic","signed","signed_on_time"]' ]
	[ "$(jq -c '.cohort.rates.contact' a.json)" = '{"num":55,"den":55,"percent":100}' ]
	[ "$(jq -cS .cohort.rates a.json)" = "$(jq -cS .cohort.rates b.json)" ]
	# The stations' order among equal counts follows their ids, which the
	# registries' order of first use gives: compare them as a set.
	[ "$(jq -cS '.receptions.by_station |= sort_by(.name)' a.json)" = "$(jq -cS '.receptions.by_station |= sort_by(.name)' b.json)" ]
	j --db new.db export suggestions --with-personal-data -o again.csv
	cmp suggestions.csv again.csv
	run j --db new.db check
	expect_output <<<'ok'
}

@test "the ledger carries the handler and the contacts; older ledgers without them still import" {
	j init >/dev/null
	j dept add 教育办
	j dept add 经济发展办
	n=$(j add --title 幼儿园 --date 2022-01-06)
	j assign "$n" --dept 教育办 --co 经济发展办 --handler 何军静 --date 2022-01-10
	j contact "$n" --dept 教育办 --method visit --date 2022-01-22
	j contact "$n" --dept 经济发展办 --date 2022-01-25 --note 电话沟通
	j export suggestions -o zh.csv
	j export suggestions --header en -o en.csv
	[ "$(sed -n 2p zh.csv | tr -d '\r' | cut -d, -f21-23)" = '何军静,2022-01-22 教育办 走访；2022-01-25 经济发展办,' ]
	[ "$(sed -n 2p en.csv | tr -d '\r' | cut -d, -f21-23)" = '何军静,2022-01-22 教育办 visit；2022-01-25 经济发展办,' ]
	for f in zh en; do
		j --db $f.db init >/dev/null
		run j --db $f.db import suggestions $f.csv
		[ "$status" -eq 0 ]
		run j --db $f.db show "$n" --format json
		run jq -c '[.handler, [.contacts[] | [.date, .department, .method]], [.departments[] | [.name, .role]]]' <<<"$output"
		expect_output <<<'["何军静",[["2022-01-22","教育办","visit"],["2022-01-25","经济发展办",null]],[["教育办","lead"],["经济发展办","co"]]]'
		run j --db $f.db import suggestions $f.csv
		expect_output <<<"$f.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged"
	done
	# A contact the database lacks is added; a handler that differs is a
	# conflict.
	printf 'number,received_on,title,department,assigned_on,handler,contacts\n%s,2022-01-06,幼儿园,教育办,2022-01-10,张明,2022-02-01 教育办 电话\n' "$n" > c.csv
	refused_all 1 import suggestions c.csv <<'ERR'
jianyi: c.csv:2: handler: the file has '张明', the database '何军静' (--update takes the file's)
jianyi: c.csv: 1 bad row; nothing imported
ERR
	run j import suggestions c.csv --update
	expect_output <<<'c.csv (UTF-8): 1 row: 0 added, 1 updated, 0 unchanged'
	[ "$(sfield "$n" handler)" = 张明 ]
	[ "$(j show "$n" --format json | jq -c '[.contacts[] | .date]')" = '["2022-01-22","2022-01-25","2022-02-01"]' ]
	printf 'number,received_on,title,department,assigned_on,contacts\n%s,2022-01-06,幼儿园,教育办,2022-01-10,2022-02-01\n' "$n" > bad.csv
	refused_all 1 import suggestions bad.csv <<'ERR'
jianyi: bad.csv:2: contacts: invalid contact '2022-02-01' (use DATE DEPARTMENT [METHOD])
jianyi: bad.csv: 1 bad row; nothing imported
ERR
	# The contacts of a returned assignment, like the return, are not in
	# the ledger: the rest of it still round-trips.
	m=$(j add --title 路 --date 2022-01-05)
	j assign "$m" --dept 教育办 --date 2022-01-06
	j contact "$m" --dept 教育办 --date 2022-01-07
	j return "$m" --dept 教育办 --reason 不属于 --date 2022-01-08
	j assign "$m" --dept 经济发展办 --date 2022-01-09
	j contact "$m" --dept 经济发展办 --date 2022-01-10 --method phone
	j export suggestions -o r.csv
	[ "$(tail -1 r.csv | tr -d '\r' | cut -d, -f12-23 )" = '经济发展办,,2022-01-09,2022-04-09,,,,,,,2022-01-10 经济发展办 电话,' ]
	j --db r.db init >/dev/null
	run j --db r.db import suggestions r.csv
	[ "$status" -eq 0 ]
	printf 'number,received_on,title,department,assigned_on,contacts\n%s,2022-01-06,幼儿园,教育办,2022-01-10,2022-01-09 教育办\n' "$n" > early.csv
	refused_all 1 import suggestions early.csv <<'ERR'
jianyi: early.csv:2: contacts: 2022-01-09 is before the assigned_on (2022-01-10)
jianyi: early.csv: 1 bad row; nothing imported
ERR
}

# A suggestion replied, rated unsatisfied, replied again and rated
# satisfied: its ledger row, and a file of one row ($1) in $2.
lifecycle() {
	j init >/dev/null
	for d in 规划建设办 交通运输办 社会事务办; do j dept add $d; done
	j station add 黄塘
	j station add 源潭
	j deputy add 陈大文
	n=$(j add --title 道路 --station 黄塘 --date 2023-01-05)
	j assign "$n" --dept 规划建设办 --co 交通运输办 --date 2023-01-10
	j reply "$n" --dept 规划建设办 --class B --text 已列入计划 --date 2023-02-01
	j rate "$n" unsatisfied --date 2023-02-05
	j reply "$n" --dept 规划建设办 --class A --text 已修好 --date 2023-03-01
	j rate "$n" satisfied --date 2023-03-05
}
H='number,received_on,title,department,co_departments,assigned_on,due_on,replied_on,class,reply,rated_on,rating'
row() {
	printf '%s\n2023-0001,2023-01-05,道路,规划建设办,%s\n' "$H" "$1" > "$2"
}

@test "conflicts include the assignment's date, an earlier deadline and a new co-department" {
	lifecycle
	row '交通运输办,2023-01-10,2023-03-05,2023-03-01,A,已修好,2023-03-05,satisfied' same.csv
	run j import suggestions same.csv
	expect_output <<<'same.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
	row '交通运输办,2023-01-11,2023-03-05,2023-03-01,A,已修好,2023-03-05,satisfied' a.csv
	for u in '' --update; do
		refused_all 1 import suggestions a.csv $u <<'ERR'
jianyi: a.csv:2: assigned_on: the file has '2023-01-11', the database '2023-01-10' (return and assign it to change)
jianyi: a.csv: 1 bad row; nothing imported
ERR
	done
	row '交通运输办、社会事务办,2023-01-10,2023-03-05,2023-03-01,A,已修好,2023-03-05,satisfied' co.csv
	refused_all 1 import suggestions co.csv --update <<'ERR'
jianyi: co.csv:2: co_departments: the file has '社会事务办', the database '交通运输办' (return and assign it to change)
jianyi: co.csv: 1 bad row; nothing imported
ERR
	row '交通运输办,2023-01-10,2023-03-01,2023-03-01,A,已修好,2023-03-05,satisfied' due.csv
	refused_all 1 import suggestions due.csv --update <<'ERR'
jianyi: due.csv:2: due_on: the file has 2023-03-01, the database 2023-03-05 (only a later deadline of a suggestion in hand extends it)
jianyi: due.csv: 1 bad row; nothing imported
ERR
	# A closed suggestion is not extended either.
	row '交通运输办,2023-01-10,2023-05-01,2023-03-01,A,已修好,2023-03-05,satisfied' late.csv
	refused_all 1 import suggestions late.csv --update <<'ERR'
jianyi: late.csv:2: due_on: the file has 2023-05-01, the database 2023-03-05 (only a later deadline of a suggestion in hand extends it)
jianyi: late.csv: 1 bad row; nothing imported
ERR
	# An older ledger: the first deadline, reply and rating, as they were.
	row '交通运输办,2023-01-10,2023-04-10,2023-02-01,B,已列入计划,2023-02-05,unsatisfied' old.csv
	run j import suggestions old.csv
	[ "$status" -eq 0 ]
	expect_output <<<'old.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
}

@test "conflicts include older replies and ratings: the file must agree with what the database held that day" {
	lifecycle
	row ',2023-01-10,,2023-02-01,C,,2023-02-05,unsatisfied' c.csv
	for u in '' --update; do
		refused_all 1 import suggestions c.csv $u <<'ERR'
jianyi: c.csv:2: class: the file has 'C' on 2023-02-01, the database 'B' (--update changes only the latest)
jianyi: c.csv: 1 bad row; nothing imported
ERR
	done
	row ',2023-01-10,,2023-02-01,B,另一答复,,' t.csv
	refused_all 1 import suggestions t.csv <<'ERR'
jianyi: t.csv:2: reply: the file has '另一答复' on 2023-02-01, the database '已列入计划' (--update changes only the latest)
jianyi: t.csv: 1 bad row; nothing imported
ERR
	row ',2023-01-10,,2023-02-15,B,,,' r.csv
	refused_all 1 import suggestions r.csv --update <<'ERR'
jianyi: r.csv:2: replied_on: the file has a reply on 2023-02-15 that the database lacks (its latest is on 2023-03-01)
jianyi: r.csv: 1 bad row; nothing imported
ERR
	row ',2023-01-10,,2023-02-01,B,,2023-02-05,basic' g.csv
	refused_all 1 import suggestions g.csv --update <<'ERR'
jianyi: g.csv:2: rating: the file has 'basic' on 2023-02-05, the database 'unsatisfied' (--update changes only the latest)
jianyi: g.csv: 1 bad row; nothing imported
ERR
	row ',2023-01-10,,2023-02-01,B,,2023-02-03,unsatisfied' g2.csv
	refused_all 1 import suggestions g2.csv <<'ERR'
jianyi: g2.csv:2: rated_on: the file has a rating on 2023-02-03 that the database lacks (its latest is on 2023-03-05)
jianyi: g2.csv: 1 bad row; nothing imported
ERR
}

@test "the latest reply's class and text and the latest rating: conflicts, and --update edits them" {
	lifecycle
	row ',2023-01-10,,2023-03-01,B,,,' cls.csv
	refused_all 1 import suggestions cls.csv <<'ERR'
jianyi: cls.csv:2: class: the file has 'B', the database 'A' (--update takes the file's)
jianyi: cls.csv: 1 bad row; nothing imported
ERR
	row ',2023-01-10,,2023-03-01,A,已修好了,,' txt.csv
	refused_all 1 import suggestions txt.csv <<'ERR'
jianyi: txt.csv:2: reply: the file has '已修好了', the database '已修好' (--update takes the file's)
jianyi: txt.csv: 1 bad row; nothing imported
ERR
	row ',2023-01-10,,2023-03-01,A,,2023-03-05,basic' rt.csv
	refused_all 1 import suggestions rt.csv <<'ERR'
jianyi: rt.csv:2: rating: the file has 'basic', the database 'satisfied' (--update takes the file's)
jianyi: rt.csv: 1 bad row; nothing imported
ERR
	row ',2023-01-10,,2023-03-01,B,已部分修好,2023-03-05,basic' all.csv
	run j import suggestions all.csv --update
	[ "$status" -eq 0 ]
	expect_output <<<'all.csv (UTF-8): 1 row: 0 added, 1 updated, 0 unchanged'
	run j show 2023-0001 --format json
	run jq -c '[.status, .replies[-1].class, .replies[-1].text, .ratings[-1].rating, [.history[-2:][] | [.action, .detail]]]' <<<"$output"
	expect_output <<<'["closed","B","已部分修好","basic",[["edited","reply of 2023-03-01: class B"],["edited","rating of 2023-03-05: basically satisfied"]]]'
	run j import suggestions all.csv
	expect_output <<<'all.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
	# A rating that would change the outcome is a new rating, not an edit.
	row ',2023-01-10,,2023-03-01,B,,2023-03-05,unsatisfied' out.csv
	refused_all 1 import suggestions out.csv --update <<'ERR'
jianyi: out.csv:2: cannot change the rating of '2023-0001' to unsatisfied: it is closed
jianyi: out.csv: 1 bad row; nothing imported
ERR
}

@test "--update edits every registration field, each an event" {
	lifecycle
	j deputy add 李小红
	printf 'number,received_on,station,source,title,content,category,submitter,phone,lead_deputy\n2023-0001,2023-01-05,黄塘,接待,道路,,,,,\n' > base.csv
	run j import suggestions base.csv
	expect_output <<<'base.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
	printf 'number,received_on,station,source,title,content,category,submitter,phone,lead_deputy\n2023-0001,2023-01-04,源潭,人代会,道路修复,路面破损,交通,陈**,138****2415,李小红\n' > u.csv
	# The conflicts, and then the edits, in the order of the ledger's
	# columns (the fields of sugfield.c that have one).
	refused_all 1 import suggestions u.csv <<'ERR'
jianyi: u.csv:2: received_on: the file has '2023-01-04', the database '2023-01-05' (--update takes the file's)
jianyi: u.csv:2: station: the file has '源潭', the database '黄塘' (--update takes the file's)
jianyi: u.csv:2: source: the file has 'session', the database 'reception' (--update takes the file's)
jianyi: u.csv:2: title: the file has '道路修复', the database '道路' (--update takes the file's)
jianyi: u.csv: 1 bad row; nothing imported
ERR
	run j import suggestions u.csv --update
	[ "$status" -eq 0 ]
	expect_output <<<'u.csv (UTF-8): 1 row: 0 added, 1 updated, 0 unchanged'
	run j show 2023-0001 --format json
	run jq -c '[.received_on, .station, .source, .title, .content, .category, .submitter, .phone, .lead_deputy]' <<<"$output"
	expect_output <<<'["2023-01-04","源潭","session","道路修复","路面破损","交通",null,null,"李小红"]'
	run j log 2023-0001 --format json
	run jq -r '.[] | select(.action == "edited") | .detail' <<<"$output"
	expect_output <<'OUT'
date received: 2023-01-04
station: 源潭
source: session
title: 道路修复
content: 路面破损
category: 交通
lead deputy: 李小红
OUT
	run j check
	expect_output <<<'ok'
}

@test "r15: a GB18030 character cut at the end, and a UTF-16 file, are refused at their line" {
	j init >/dev/null
	printf '编号,接收日期,标题\r\n2023-0100,2023-01-05,路灯\r\n2023-0101,2023-01-06,路' | iconv -f UTF-8 -t GB18030 > cut.csv
	printf '\x81' >> cut.csv
	refused 1 "cut.csv:3: the file ends inside a GB18030 character" import suggestions cut.csv
	printf 'number,received_on,title\r\n2023-0100,2023-01-05,路灯\r\n' | iconv -f UTF-8 -t UTF-16 > u16.csv
	[ "$(head -c 2 u16.csv | od -An -tx1 | tr -d ' ')" = fffe ]
	refused 1 "u16.csv:1: a UTF-16 file (save it as CSV, or CSV UTF-8)" import suggestions u16.csv
	refused 1 "u16.csv:1: a UTF-16 file (save it as CSV, or CSV UTF-8)" import suggestions u16.csv --encoding gb18030
}

@test "check names the registered names that arguments can no longer name" {
	j init >/dev/null
	j dept add 规划建设办
	run j check
	expect_output <<<'ok'
	# Names entered before jianyi normalised them, or held a separator.
	sqlite3 t.db "INSERT INTO department(name) VALUES ('规划建设办' || char(12288));
	    INSERT INTO station(name) VALUES (char(160) || '黄塘' || char(8203));
	    INSERT INTO deputy(name, level) VALUES ('张三、李四', 'town')"
	run j check
	[ "$status" -eq 3 ]
	expect_output <<'OUT'
name: station '\u00a0黄塘\u200b' is not in normal form ('黄塘')
name: department '规划建设办\u3000' is not in normal form ('规划建设办')
name: deputy '张三、李四' has a list separator (; ； 、)
3 problems found
OUT
}
