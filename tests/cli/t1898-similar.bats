#!/usr/bin/env bats
# 14.8: similar suggestions. add lists on stderr the suggestions whose
# titles are like the one it registers, of this year and earlier ones;
# similar NUMBER lists them on demand, import --similar for each row it adds. Dice's coefficient of character
# bigrams, 关于 … 的建议 left out; the threshold is similar_percent (50).

load helper

setup() {
	common_setup
	j init >/dev/null
	j add --title 关于黄塘村路灯维修的建议 --date 2022-05-01 >/dev/null
	j add --title 关于增设公交站的建议 --date 2022-06-01 >/dev/null
}

@test "14.8: add names the suggestions like it, on stderr, its number alone on stdout" {
	# Where stderr is not a terminal, only when asked (a terminal: t1510).
	run --separate-stderr j add --title 关于黄塘村路灯损坏的建议 --date 2023-03-01
	[ "$output" = 2023-0001 ]
	[ -z "$stderr" ]
	j withdraw 2023-0001 --reason 重复 >/dev/null
	run --separate-stderr j add --title 关于黄塘村路灯损坏的建议 --date 2023-03-01 --similar
	[ "$status" -eq 0 ]
	[ "$output" = 2023-0002 ]
	# Like one of 2022: marked recurring (多年重复).
	[ "$stderr" = "jianyi: like 2023-0001 (2023, withdrawn, 100%): 关于黄塘村路灯损坏的建议
jianyi: like 2022-0001 (2022, registered, 67%): 关于黄塘村路灯维修的建议
jianyi: 2023-0002 is marked recurring (多年重复): a suggestion of an earlier year is like it" ]
	run --separate-stderr env JIANYI_LANG=zh "$JIANYI" add --title 黄塘村路灯维修 --date 2023-03-02 --similar
	[ "$output" = 2023-0003 ]
	[ "$stderr" = "jianyi: 与 2022-0001 相似（2022年，已登记，100%）：关于黄塘村路灯维修的建议
jianyi: 与 2023-0001 相似（2023年，已撤回，67%）：关于黄塘村路灯损坏的建议
jianyi: 与 2023-0002 相似（2023年，已登记，67%）：关于黄塘村路灯损坏的建议
jianyi: 2023-0003 已标记为多年重复：往年有相似的建议" ]
	# Nothing alike: nothing said, nothing marked.
	run --separate-stderr j add --title 河道清淤 --date 2023-03-03 --similar
	[ "$output" = 2023-0004 ]
	[ -z "$stderr" ]
	[ "$(j show 2023-0002 --format json | jq .recurring)" = true ]
	[ "$(j show 2023-0004 --format json | jq .recurring)" = false ]
	run j show 2023-0003
	[[ "$output" == *"  recurring     yes: raised in earlier years too"* ]]
	# Only like this year's: not recurring.
	j add --title 河道清淤工程 --date 2023-03-04 --similar 2>/dev/null
	[ "$(j show 2023-0005 --format json | jq .recurring)" = false ]
	run j report --year 2023 --format json
	[ "$(jq .cohort.recurring <<<"$output")" = 2 ]
}

@test "14.8: similar NUMBER, most alike first; --percent; the setting" {
	j add --title 关于黄塘村路灯损坏的建议 --date 2023-03-01 >/dev/null 2>&1
	j add --title 黄塘村路灯 --date 2023-03-02 >/dev/null 2>&1
	run j similar 2023-0001
	[ "$status" -eq 0 ]
	expect_output <<'OUT'
number     year  status      alike %  title
2023-0002  2023  registered       80  黄塘村路灯
2022-0001  2022  registered       67  关于黄塘村路灯维修的建议
OUT
	run j similar 2023-0001 --percent 70 --format csv
	expect_csv <<'OUT'
number,year,status,percent,title
2023-0002,2023,registered,80,黄塘村路灯
OUT
	j config set similar_percent 90
	run j similar 2023-0001 --format json
	[ "$output" = "[]" ]
	run j similar 2022-0002
	expect_output <<<'number  year  status  alike %  title'
}

@test "14.8: similar refusals" {
	refused 1 "no suggestion numbered '2023-0009'" similar 2023-0009
	refused 2 "expected NUMBER; see 'jianyi similar --help'" similar
	refused 1 "invalid similar_percent '0' (use a whole number from 1 to 100)" \
	    config set similar_percent 0
}

@test "14.8: add names ten, and counts the rest" {
	local i
	for i in $(seq 1 11); do
		j add --title "河道清淤$i" --date 2023-01-01 >/dev/null 2>&1
	done
	run --separate-stderr j add --title 河道清淤 --date 2023-01-02 --similar
	[ "$output" = 2023-0012 ]
	[ "$(grep -c '^jianyi: like ' <<<"$stderr")" -eq 10 ]
	[ "$(tail -1 <<<"$stderr")" = "jianyi: ... and 1 more: jianyi similar 2023-0012" ]
}

@test "14.8: import --similar names those like each row added, and marks the recurring" {
	printf '编号,接收日期,标题\n2023-0001,2023-03-01,黄塘村路灯维修\n2023-0002,2023-03-02,河道清淤\n2023-0003,2023-03-03,河道清淤工程\n' > s.csv
	cp "$JIANYI_DB" before.db
	# Not asked: nothing said, nothing marked.
	run --separate-stderr j import suggestions s.csv
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(j show 2023-0001 --format json | jq .recurring)" = false ]
	cp before.db "$JIANYI_DB"
	rm -f "$JIANYI_DB-wal" "$JIANYI_DB-shm"
	run --separate-stderr j import suggestions s.csv --similar
	[ "$status" -eq 0 ]
	[ "$output" = "s.csv (UTF-8): 3 rows: 3 added, 0 updated, 0 unchanged" ]
	[ "$stderr" = "jianyi: s.csv:2: 2023-0001 like 2022-0001 (2022, registered, 100%): 关于黄塘村路灯维修的建议
jianyi: s.csv:2: 2023-0001 is marked recurring (多年重复): a suggestion of an earlier year is like it
jianyi: s.csv:4: 2023-0003 like 2023-0002 (2023, registered, 75%): 河道清淤" ]
	[ "$(j show 2023-0001 --format json | jq .recurring)" = true ]
	[ "$(j show 2023-0003 --format json | jq .recurring)" = false ]
	j export suggestions -o e.csv
	[ "$(sed -n 4p e.csv | tr -d '\r' | awk -F, '{ print $NF }')" = 是 ]
}
