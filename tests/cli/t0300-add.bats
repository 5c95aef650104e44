#!/usr/bin/env bats
# add: registering a suggestion, its number, dates in every form, sources,
# and every refusal.

load helper

@test "add prints the new number alone on a line" {
	town
	run j add --title 路灯 --date 2022-07-05
	[ "$status" -eq 0 ]
	[ "$output" = 2022-0001 ]
	[ "${#lines[@]}" -eq 1 ]
	[ "$(sfield 2022-0001 title)" = 路灯 ]
	[ "$(sfield 2022-0001 status)" = registered ]
}

@test "numbers run in sequence within the year received" {
	town
	[ "$(j add --title a --date 2022-12-30)" = 2022-0001 ]
	[ "$(j add --title b --date 2022-12-31)" = 2022-0002 ]
	[ "$(j add --title c --date 2023-01-01)" = 2023-0001 ]
	# A late entry for the old year continues the old year's sequence.
	[ "$(j add --title d --date 2022-06-01)" = 2022-0003 ]
	[ "$(j add --title e)" = 2023-0002 ]
	[ "$(sfield 2023-0002 received_on)" = 2023-03-31 ]
}

@test "--date takes every form of the SPEC, stored ISO" {
	town
	for d in 2022-07-05 2022-7-5 2022/7/5 2022.7.5 2022年7月5日 20220705 \
	    ' 2022-07-05 '; do
		n=$(j add --title "$d" --date "$d")
		[ "$(sfield "$n" received_on)" = 2022-07-05 ]
	done
	[ "$n" = 2022-0007 ]
	[ "$(sqlite3 "$JIANYI_DB" 'SELECT DISTINCT received_on FROM suggestion')" = 2022-07-05 ]
}

@test "impossible and malformed dates are refused" {
	town
	for d in 2022-13-01 2022-00-10 2022-7/5 \
	    2022-07-05x 22-7-5 44747 yesterday; do
		refused 1 "invalid date '$d' (use YYYY-MM-DD)" \
		    add --title x --date "$d"
	done
	# A day the month does not have: the month's length (issue 12).
	refused 1 "invalid date '2022-02-30': February 2022 has 28 days" \
	    add --title x --date 2022-02-30
	refused 1 "invalid date '2023-02-29': February 2023 has 28 days" \
	    add --title x --date 2023-02-29
	refused 1 "date '1899-12-31' is outside the dates kept (1900-01-01 to 9999-12-31)" \
	    add --title x --date 1899-12-31
	refused 1 "invalid date '' (use YYYY-MM-DD)" add --title x --date ''
}

@test "29 February of a leap year is a date" {
	export JIANYI_TODAY=2024-03-31
	town
	n=$(j add --title x --date 2024-02-29)
	[ "$(sfield "$n" received_on)" = 2024-02-29 ]
}

@test "a date after today (\$JIANYI_TODAY) is refused" {
	town
	refused 1 "date 2023-04-01 is after today (2023-03-31)" \
	    add --title x --date 2023-04-01
	refused 1 "date 2023-04-01 is after today (2023-03-31)" \
	    add --title x --date 2023年4月1日
	[ "$(j add --title x --date 2023-03-31)" = 2023-0001 ]
}

@test "--content - reads standard input; CRLF becomes LF" {
	town
	n=$(printf '第一行\r\n第二行\r\n\r\n' | j add --title x --content - \
	    --date 2023-01-01)
	[ "$(sfield "$n" content)" = $'第一行\n第二行' ]
	[ "$(sqlite3 "$JIANYI_DB" "SELECT hex(content) FROM suggestion")" = \
	    "$(printf '第一行\n第二行' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" ]
}

@test "content keeps newlines and tabs" {
	town
	n=$(j add --title x --content $'一\t二\n三' --date 2023-01-01)
	[ "$(sfield "$n" content)" = $'一\t二\n三' ]
}

@test "every field given to add is stored" {
	town
	n=$(j add --title 关于路灯的建议 --content 路灯坏了 --station 黄塘 \
	    --source 接待 --date 2023-01-05 --category 城建 --submitter 王小明 \
	    --phone '+86 (138) 1234-2415' --deputy 陈大文 --cosigner 李小红 \
	    --cosigner 王建国 --cosigner 李小红)
	run j show "$n" --format json
	run jq -c '{number, status, title, content, station, source, category,
	    received_on, submitter, phone, lead_deputy, cosigners, due,
	    departments}' <<<"$output"
	expect_output <<'OUT'
{"number":"2023-0001","status":"registered","title":"关于路灯的建议","content":"路灯坏了","station":"黄塘","source":"reception","category":"城建","received_on":"2023-01-05","submitter":"王小明","phone":"+86 (138) 1234-2415","lead_deputy":"陈大文","cosigners":["李小红","王建国"],"due":null,"departments":[]}
OUT
	run j log "$n"
	expect_table <<'OUT'
date        number     action      detail                                                 by
2023-01-05  2023-0001  registered  source: reception; station: 黄塘; lead deputy: 陈大文  secretary
OUT
}

@test "sources in Chinese are stored as keys" {
	town
	for pair in 接待:reception 人代会:session 小组活动:group 网上:online \
	    其他:other reception:reception session:session group:group \
	    online:online other:other; do
		n=$(j add --title x --source "${pair%%:*}" --date 2023-01-01)
		[ "$(sfield "$n" source)" = "${pair#*:}" ]
	done
}

@test "the source defaults to reception with a station, else other" {
	town
	a=$(j add --title x --station 源潭 --date 2023-01-01)
	b=$(j add --title y --date 2023-01-01)
	c=$(j add --title z --station 源潭 --source 网上 --date 2023-01-01)
	[ "$(sfield "$a" source)" = reception ]
	[ "$(sfield "$b" source)" = other ]
	[ "$(sfield "$c" source)" = online ]
}

@test "an unknown source is refused" {
	town
	refused 1 "invalid source '会议' (use reception|session|group|online|other)" \
	    add --title x --source 会议
	refused 1 "invalid source 'Receptio' (use reception|session|group|online|other)" \
	    add --title x --source Receptio
}

@test "the title is required and must not be empty" {
	town
	refused 2 "--title is required; see 'jianyi add --help'" add --date 2023-01-01
	refused 2 "option '--title' needs a value; see 'jianyi add --help'" add --title
	refused 1 "title must not be empty" add --title ''
}

@test "a title of blanks only is refused" {
	town
	refused 1 "title must not be empty" add --title '   '
}

@test "a title may have 200 characters, not 201" {
	town
	t200=$(printf '长%.0s' $(seq 200))
	n=$(j add --title "$t200" --date 2023-01-01)
	[ "$(sfield "$n" title)" = "$t200" ]
	refused 1 "title is too long (201 characters; at most 200)" \
	    add --title "${t200}长"
	refused 1 "title is too long (201 characters; at most 200)" \
	    add --title "$(printf 'a%.0s' $(seq 201))"
}

@test "an invalid phone is refused" {
	town
	refused 1 "invalid phone number 'abc'" add --title x --phone abc
	refused 1 "invalid phone number '12a'" add --title x --phone 12a
	refused 1 "invalid phone number '12'" add --title x --phone 12
	refused 1 "invalid phone number '138１２３４２４１５'" \
	    add --title x --phone 138１２３４２４１５
	p=$(printf '1%.0s' $(seq 31))
	refused 1 "invalid phone number '$p'" add --title x --phone "$p"
}

@test "control characters and bad UTF-8 are refused" {
	town
	refused 1 "title has a control character" add --title $'a\tb'
	refused 1 "title has a control character" add --title $'a\nb'
	refused 1 "title has a control character" add --title $'a\x7fb'
	refused 1 "title has a control character" add --title $'a\xc2\x85b'
	refused 1 "content has a control character" \
	    add --title x --content $'a\x01b'
	refused 1 "content has a control character" \
	    add --title x --content $'a\rb'
	refused 1 "category has a control character" \
	    add --title x --category $'城\n建'
	refused 1 "submitter has a control character" \
	    add --title x --submitter $'王\e小明'
	refused 1 "submitter is not valid UTF-8" \
	    add --title x --submitter $'\xff'
	refused 1 "title is not valid UTF-8" add --title $'\xe4\xb8'
}

@test "unknown station and deputies are refused with a suggestion" {
	town
	refused 1 "unknown station '黄糖'; did you mean '黄塘'?" \
	    add --title x --station 黄糖
	refused 1 "unknown station '华埭'; did you mean '华埭村'?" \
	    add --title x --station 华埭
	refused 1 "unknown deputy '陈大'; did you mean '陈大文'?" \
	    add --title x --deputy 陈大
	refused 1 "unknown deputy '李晓红'; did you mean '李小红'?" \
	    add --title x --deputy 陈大文 --cosigner 李晓红
	refused 1 "unknown deputy '张三'" add --title x --cosigner 张三
}

@test "the lead deputy cannot also cosign" {
	town
	refused 1 "'陈大文' is the lead deputy and cannot also cosign" \
	    add --title x --deputy 陈大文 --cosigner 李小红 --cosigner 陈大文
}

@test "a refused add does not use up a number" {
	town
	run j add --title x --deputy 陈大文 --cosigner 陈大文 --date 2023-01-01
	[ "$status" -eq 1 ]
	[ "$(j add --title y --date 2023-01-01)" = 2023-0001 ]
}

@test "add usage errors" {
	town
	refused 2 "unexpected argument 'extra'; see 'jianyi add --help'" \
	    add --title x extra
	refused 2 "unknown option '--bogus'; see 'jianyi add --help'" \
	    add --title x --bogus
	refused 2 "unknown option '--number'; see 'jianyi add --help'" \
	    add --title x --number 2023-0001
}
