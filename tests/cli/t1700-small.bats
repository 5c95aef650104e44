#!/usr/bin/env bats
# The small things a new user trips on (issue 12, item 8).

load helper

TOP="$BATS_TEST_DIRNAME/../.."

# A suggestion of 2022, overdue by the report's date, whose title holds
# every character that HTML and Markdown give a meaning to.
hostile_title() {
	town
	j config set town '乐平"镇'\''' >/dev/null
	j add --title 'A|B <i>"x"</i> & '\''y'\''' --station 黄塘 \
	    --date 2022-11-1 >/dev/null
	j assign 2022-0001 --dept 规划建设办 --date 2022-11-2
}

@test "r8: HTML escapes & < > \" ' in text and attributes, in the tables and the report's own text" {
	hostile_title
	run j report --year 2022 --as-of 2023-03-31 --format html
	[ "$status" -eq 0 ]
	grep -qF '<td>A|B &lt;i&gt;&quot;x&quot;&lt;/i&gt; &amp; &#39;y&#39;</td>' <<<"$output" ||
	    { grep -F 2022-0001 <<<"$output" >&2; return 1; }
	grep -qF '<title>乐平&quot;镇&#39;: deputies&#39; suggestions, annual report' <<<"$output" ||
	    { grep -F '<title>' <<<"$output" >&2; return 1; }
	# No value's quote is left bare anywhere in the page.
	if grep -F '"x"' <<<"$output"; then return 1; fi
	if grep -F "'y'" <<<"$output"; then return 1; fi
}

@test "r8: the Markdown writer keeps a | in a title as \\|" {
	hostile_title
	run j report --year 2022 --as-of 2023-03-31 --format md
	[ "$status" -eq 0 ]
	grep -qF '| 2022-0001 | A\|B <i>"x"</i> & '\''y'\'' | 规划建设办 | 2023-02-02 |' <<<"$output" ||
	    { grep -F 2022-0001 <<<"$output" >&2; return 1; }
	if grep -F 'A/B' <<<"$output"; then return 1; fi
}

@test "r8: a swap of two letters is one edit: 'lsit' suggests list, not init" {
	fails 2 "unknown command 'lsit'; did you mean 'list'?" lsit
	fails 2 "unknown command 'lgo'; did you mean 'log'?" lgo
}

@test "r8: log says on stderr that it shows only the latest 50 changes; --all and --limit N" {
	j init >/dev/null
	for i in $(seq 60); do j station add "站$i"; done
	run --separate-stderr j log
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 51 ]
	[ "$stderr" = "jianyi: showing the latest 50 of 60 changes; --all shows every one, --limit N the latest N" ]
	run --separate-stderr j log --all
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 61 ]
	[ -z "$stderr" ]
	run --separate-stderr j log --limit 5 --format json
	[ "$(jq length <<<"$output")" -eq 5 ]
	[ "$stderr" = "jianyi: showing the latest 5 of 60 changes; --all shows every one, --limit N the latest N" ]
	run --separate-stderr j log --limit 60
	[ "${#lines[@]}" -eq 61 ]
	[ -z "$stderr" ]
	grep -q '^.Fl Fl all' "$TOP/man/jianyi.1"
}

@test "r8: 2023-02-30 is refused with the month's length, in English and Chinese" {
	town
	j add --title t --date 2023-2-1 >/dev/null
	refused 1 "invalid date '2023-02-30': February 2023 has 28 days" \
	    assign 2023-0001 --dept 规划建设办 --date 2023-02-30
	refused 1 "invalid date '2024-2-30': February 2024 has 29 days" \
	    assign 2023-0001 --dept 规划建设办 --date 2024-2-30
	refused 1 "invalid date '2023年4月31日': April 2023 has 30 days" \
	    add --title t --date 2023年4月31日
	refused 1 "invalid date '2023-13-01' (use YYYY-MM-DD)" \
	    add --title t --date 2023-13-01
	JIANYI_LANG=zh refused 1 "日期 '2023-02-30' 无效：2023年2月只有 28 天" \
	    add --title t --date 2023-02-30
}

@test "r8: 2023年3月1号 is a date, and --class a is class A" {
	town
	run j add --title t --station 黄塘 --date 2023年3月1号
	[ "$output" = 2023-0001 ]
	[ "$(sfield 2023-0001 received_on)" = 2023-03-01 ]
	j assign 2023-0001 --dept 规划建设办 --date 2023年3月2号
	run j reply 2023-0001 --dept 规划建设办 --class a --date 2023-3-3 --text 好
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$JIANYI_DB" 'SELECT class FROM reply')" = A ]
	run j rate 2023-0001 Satisfied --date 2023-3-4
	[ "$status" -eq 0 ]
	[ "$(sfield 2023-0001 status)" = closed ]
}

@test "r8: the man page gives 接待 as the default source only with --station, 其他 without" {
	grep -qF '(接待, the default for a suggestion given a' "$TOP/man/jianyi.1"
	grep -qF '(其他, the default without a' "$TOP/man/jianyi.1"
	if grep -qF '(接待, the default),' "$TOP/man/jianyi.1"; then return 1; fi
	town
	j add --title a --station 黄塘 --date 2023-3-1 >/dev/null
	j add --title b --date 2023-3-1 >/dev/null
	[ "$(sfield 2023-0001 source)" = reception ]
	[ "$(sfield 2023-0002 source)" = other ]
}

@test "r8: a report for a period that has not begun says so, in every format" {
	town
	for f in text md csv json html; do
		refused 1 "the period 2023-04-01 to 2023-04-30 has not begun (today is 2023-03-31)" \
		    report --month 2023-04 --format "$f"
	done
	refused 1 "the period 2024-01-01 to 2024-12-31 has not begun (today is 2023-03-31)" \
	    report --year 2024
	refused 1 "the period 2023-04-01 to 2023-04-30 has not begun (today is 2023-03-31)" \
	    report --month 2023-04 --format xlsx -o r.xlsx
	[ ! -e r.xlsx ]
	refused 1 "--as-of 2023-02-28 is before the period begins (2023-03-01)" \
	    report --month 2023-03 --as-of 2023-02-28
	JIANYI_LANG=zh refused 1 "统计期间 2023-04-01 至 2023-04-30 尚未开始（今天是 2023-03-31）" \
	    report --month 2023-04
	# The period's first day is a report of that day.
	JIANYI_TODAY=2023-04-01 run j report --month 2023-04 --format json
	[ "$status" -eq 0 ]
	[ "$(jq -r .as_of <<<"$output")" = 2023-04-01 ]
}

@test "r8: an unknown table or verb gets a did you mean" {
	fails 2 "unknown table 'suggestion'; did you mean 'suggestions'?" \
	    import suggestion x.csv
	fails 2 "unknown table 'Suggestions'; did you mean 'suggestions'?" \
	    import Suggestions x.csv
	fails 2 "unknown table 'receptoins' (use suggestions|receptions|activities); did you mean 'receptions'?" \
	    export receptoins
	fails 2 "unknown verb 'ad'; did you mean 'add'?" station ad 黄塘
	fails 2 "unknown verb 'lsit'; did you mean 'list'?" reception lsit
	# Nothing near: the usage hint as before.
	fails 2 "unknown table 'foo'; see 'jianyi import --help'" import foo x.csv
	JIANYI_LANG=zh fails 2 "未知数据表 'suggestion'；您是否要输入 'suggestions'？" \
	    import suggestion x.csv
}

@test "r8: 'jianyi list --db X' says that global options go before the command" {
	fails 2 "'--db' is a global option and goes before the command: 'jianyi --db FILE list'; see 'jianyi list --help'" \
	    list --db x.db
	fails 2 "'--db' is a global option and goes before the command: 'jianyi --db FILE add'; see 'jianyi add --help'" \
	    add --title t --db=x.db
	[ ! -e x.db ]
}

# oom_codes ARGS...: "jianyi ARGS" with the Nth allocation failing, for
# every 5th N past start-up (the C library's own, in getpwuid and
# setlocale, come first), on a fresh copy of the database each time; each
# outcome "STATUS STDERR" a line of $TMP/oom.out.
oom_codes() {
	local n total st
	cp "$JIANYI_DB" "$TMP/base.db"
	FAILMALLOC_COUNT="$TMP/count" LD_PRELOAD="$SHIM" "$JIANYI" "$@" \
	    >/dev/null 2>&1 || { echo "$*: fails without a failure" >&2; return 1; }
	total=$(cat "$TMP/count")
	for ((n = 230; n <= total; n += 5)); do
		rm -f "$JIANYI_DB"-* "$TMP"/out.*
		cp "$TMP/base.db" "$JIANYI_DB"
		FAILMALLOC_N=$n LD_PRELOAD="$SHIM" "$JIANYI" "$@" \
		    >/dev/null 2>"$TMP/oom.err" && st=0 || st=$?
		echo "$st $(tr '\n' '|' <"$TMP/oom.err")"
	done >>"$TMP/oom.out"
	cp "$TMP/base.db" "$JIANYI_DB"
	rm -f "$JIANYI_DB"-*
}

@test "r8: out of memory is one line, 'out of memory', exit 3: never 1 (refused), never a lie" {
	[ -z "${JIANYI_REAL:-}" ] || skip "valgrind replaces malloc"
	if ldd "$JIANYI" 2>/dev/null | grep -q libasan; then
		skip "the sanitizers replace malloc"
	fi
	SHIM="$TMP/failmalloc.so"
	cc -shared -fPIC -O2 -o "$SHIM" "$TOP/tests/shim/failmalloc.c" 2>/dev/null ||
	    skip "cannot build the shim (no C compiler)"
	export JIANYI_TODAY=2023-12-31
	j init --town 乐平镇 >/dev/null
	j import suggestions "$TOP/tests/fixtures/ledger-states.csv" >/dev/null
	oom_codes list
	oom_codes add --title x --date 2023-1-1
	oom_codes reply 2022-0002 --dept 交通运输办 --class A --date 2023-1-1 --text 好
	oom_codes report --year 2022 --format html -o out.html
	oom_codes export suggestions -o out.csv
	# A GB18030 file: the converter is loaded, and may not be.
	oom_codes import stations "$TOP/data/stations.csv" --dry-run
	# Every outcome: done (0, nothing said), or "out of memory" and 3;
	# glibc says EINVAL when it has no memory to load the GB18030
	# converter, which is exit 3 too.
	bad=$(grep -v -e '^0 $' -e '^3 jianyi: out of memory|$' \
	    -e '^3 jianyi: iconv: Invalid argument|$' "$TMP/oom.out" | sort | uniq -c | head -5)
	[ -z "$bad" ] || { echo "$bad" >&2; return 1; }
	[ "$(grep -c '^3 ' "$TMP/oom.out")" -gt 100 ]
}
