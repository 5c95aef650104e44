#!/usr/bin/env bats
# Issue 12, item 3: the prompts of `add` at a terminal check each answer
# as it is typed, with the checks the options get, and ask again after the
# refusal and its "did you mean", so that nothing typed is lost; Ctrl-D
# cancels and says so; the prompts carry show's labels, full-width colons in
# Chinese, and the allowed values by their labels (item 7). Driven through
# tmux, in English and in Chinese; every step waits for the prompt on the
# screen, never for a fixed time.

load helper

setup() {
	tmux_setup
}

teardown() {
	tmux_teardown
}

# Starts `jianyi add` at a terminal in language $1 (en or zh); its number
# goes to $TMP/out, its exit status to $TMP/rc.
start() {
	tmux -S "$SOCK" -u new-session -d -s t -x 200 -y 50 \
	    "env JIANYI_DB='$JIANYI_DB' JIANYI_TODAY=2023-03-31 LC_ALL=C.UTF-8 \
	    JIANYI_LANG=$1 '$JIANYI' add > '$TMP/out'; echo rc=\$? > '$TMP/rc'; \
	    exec sleep 600"
}

# The whole screen, scrolled-off lines included, less the blank lines at
# its end.
screen() {
	tmux -S "$SOCK" capture-pane -t t -p -S - | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}

# How many lines of the screen begin with $1.
count_lines() {
	screen | awk -v p="$1" 'index($0, p) == 1 { n++ } END { print n + 0 }'
}

# Waits (up to 60 s: the program may run under valgrind) until the program
# waits at the prompt $1 (the screen's last line is $1, trailing blanks
# trimmed) for the $2-th time (default the first).
wait_prompt() {
	local i
	for ((i = 0; i < 600; i++)); do
		if [ "$(screen | tail -n 1)" = "$1" ] &&
		    [ "$(count_lines "$1")" -ge "${2:-1}" ]; then
			return 0
		fi
		sleep 0.1
	done
	echo "no prompt '$1' (${2:-1}); the screen:" >&2
	screen >&2
	return 1
}

# At the prompt $1 (its $2-th time), types $3 and Enter.
type_at() {
	wait_prompt "$1" "$2" || return 1
	if [ -n "$3" ]; then
		tmux -S "$SOCK" send-keys -t t -l -- "$3" || return 1
	fi
	tmux -S "$SOCK" send-keys -t t Enter
}

# Waits (up to 60 s) until the command has written its exit status.
wait_rc() {
	local i
	for ((i = 0; i < 600; i++)); do
		[ -s "$TMP/rc" ] && return 0
		sleep 0.1
	done
	echo "no exit status; the screen:" >&2
	screen >&2
	return 1
}

# The prompts in language $1, one a line, in order:
# title content station source date category submitter phone lead cosigners
prompts() {
	if [ "$1" = zh ]; then
		printf '%s\n' 标题： 内容： 联络站： \
		    来源（可选值：接待｜人代会｜小组活动｜网上｜其他）： \
		    '接收日期（留空为今天 2023-03-31）：' 类别： 提出人： \
		    联系电话： 领衔代表： 附议代表：
	else
		printf '%s\n' title: content: station: \
		    'source (one of reception|session|group|online|other):' \
		    'received (empty for today, 2023-03-31):' category: \
		    submitter: phone: 'lead deputy:' cosigners:
	fi
}

# Loads the prompts of language $1 into P_TITLE … P_COSIGNERS, and SEP:
# what stands between a prompt and the answer on the screen (the English
# prompt ends with a space, the Chinese one with its full-width colon).
load_prompts() {
	local -a p
	mapfile -t p < <(prompts "$1")
	P_TITLE=${p[0]} P_CONTENT=${p[1]} P_STATION=${p[2]} P_SOURCE=${p[3]}
	P_DATE=${p[4]} P_CATEGORY=${p[5]} P_SUBMITTER=${p[6]} P_PHONE=${p[7]}
	P_LEAD=${p[8]} P_COSIGNERS=${p[9]}
	if [ "$1" = zh ]; then SEP=''; else SEP=' '; fi
}

# The screen line of the prompt $1 answered with $2.
L() {
	if [ -n "$2" ]; then
		printf '%s\n' "$1$SEP$2"
	else
		printf '%s\n' "$1"
	fi
}

# A fresh database for language $1, with the town's registries.
fresh() {
	export JIANYI_DB="$TMP/$1.db"
	town >/dev/null
}

# The single line the option path (add --title x ARGS...) refuses with, in
# language $1: the prompt must say the same.
cli_refusal() {
	local lang=$1 msg
	shift
	msg=$(JIANYI_LANG=$lang "$JIANYI" add --title x "$@" 2>&1 >/dev/null) &&
	    return 1
	[ "$(wc -l <<<"$msg")" -eq 1 ] || return 1
	[[ $msg == "jianyi: "* ]] || return 1
	printf '%s\n' "$msg"
}

# Asserts that the screen shows, from the (first) line $1 on, exactly
# the lines given on stdin.
screen_has() {
	local want s at
	want=$(cat)
	s=$(screen)
	at=$(awk -v l="$1" '$0 == l { print NR; exit }' <<<"$s")
	if [ -z "$at" ]; then
		echo "no line '$1' on the screen:" >&2
		printf '%s\n' "$s" >&2
		return 1
	fi
	s=$(tail -n +"$at" <<<"$s" | head -n "$(wc -l <<<"$want")")
	if [ "$s" != "$want" ]; then
		diff -u <(printf '%s\n' "$want") <(printf '%s\n' "$s") >&2
		return 1
	fi
}

@test "item 3: a wrong date (2023年2月30日) is refused at its prompt, as --date refuses it, and asked again" {
	for lang in en zh; do
		rm -f "$TMP/rc" "$TMP/out"
		fresh $lang
		load_prompts $lang
		msg=$(cli_refusal $lang --date 2023年2月30日) || return 1
		start $lang
		type_at "$P_TITLE" 1 关于路灯的建议
		type_at "$P_CONTENT" 1 ''
		type_at "$P_STATION" 1 ''
		type_at "$P_SOURCE" 1 ''
		type_at "$P_DATE" 1 2023年2月30日
		type_at "$P_DATE" 2 2023-03-05
		for p in "$P_CATEGORY" "$P_SUBMITTER" "$P_PHONE" "$P_LEAD" \
		    "$P_COSIGNERS"; do
			type_at "$p" 1 ''
		done
		wait_rc
		screen_has "$(L "$P_DATE" 2023年2月30日)" <<-EOF
		$(L "$P_DATE" "2023年2月30日")
		$msg
		$(L "$P_DATE" "2023-03-05")
		$P_CATEGORY
		EOF
		[ "$(cat "$TMP/rc")" = rc=0 ]
		[ "$(cat "$TMP/out")" = 2023-0001 ]
		[ "$(sqlite3 "$JIANYI_DB" 'SELECT number, title, received_on FROM suggestion')" = \
		    '2023-0001|关于路灯的建议|2023-03-05' ]
		tmux -S "$SOCK" kill-server
	done
}

@test "item 3: a near-miss station (黄堂) is refused with 'did you mean 黄塘', and the suggested name then taken" {
	for lang in en zh; do
		rm -f "$TMP/rc" "$TMP/out"
		fresh $lang
		load_prompts $lang
		msg=$(cli_refusal $lang --station 黄堂) || return 1
		[[ $msg == *"'黄塘'"* ]]
		start $lang
		type_at "$P_TITLE" 1 关于路灯的建议
		type_at "$P_CONTENT" 1 ''
		type_at "$P_STATION" 1 黄堂
		type_at "$P_STATION" 2 黄塘
		for p in "$P_SOURCE" "$P_DATE" "$P_CATEGORY" "$P_SUBMITTER" \
		    "$P_PHONE" "$P_LEAD" "$P_COSIGNERS"; do
			type_at "$p" 1 ''
		done
		wait_rc
		screen_has "$(L "$P_STATION" 黄堂)" <<-EOF
		$(L "$P_STATION" "黄堂")
		$msg
		$(L "$P_STATION" "黄塘")
		$P_SOURCE
		EOF
		[ "$(cat "$TMP/rc")" = rc=0 ]
		[ "$(cat "$TMP/out")" = 2023-0001 ]
		# A station and no source given: the source is a reception.
		[ "$(sqlite3 "$JIANYI_DB" 'SELECT s.number, t.name, s.source, s.received_on
		    FROM suggestion s JOIN station t ON t.id = s.station_id')" = \
		    '2023-0001|黄塘|reception|2023-03-31' ]
		tmux -S "$SOCK" kill-server
	done
}

@test "item 3: a wrong source, phone, lead deputy or cosigner is asked again; nothing typed before is lost" {
	for lang in en zh; do
		rm -f "$TMP/rc" "$TMP/out"
		fresh $lang
		load_prompts $lang
		m_title=$(JIANYI_LANG=$lang "$JIANYI" add --title ' ' 2>&1) && return 1
		m_source=$(cli_refusal $lang --source 会议) || return 1
		m_phone=$(cli_refusal $lang --phone 12) || return 1
		m_lead=$(cli_refusal $lang --deputy 陈大) || return 1
		m_cos=$(cli_refusal $lang --deputy 陈大文 --cosigner 陈大文) || return 1
		m_cos2=$(cli_refusal $lang --cosigner 王建民) || return 1
		start $lang
		type_at "$P_TITLE" 1 ''
		type_at "$P_TITLE" 2 关于路灯的建议
		type_at "$P_CONTENT" 1 路灯坏了
		type_at "$P_STATION" 1 ''
		type_at "$P_SOURCE" 1 会议
		type_at "$P_SOURCE" 2 人代会
		type_at "$P_DATE" 1 ''
		type_at "$P_CATEGORY" 1 城建
		type_at "$P_SUBMITTER" 1 ''
		type_at "$P_PHONE" 1 12
		type_at "$P_PHONE" 2 13800001234
		type_at "$P_LEAD" 1 陈大
		type_at "$P_LEAD" 2 陈大文
		type_at "$P_COSIGNERS" 1 李小红、陈大文
		type_at "$P_COSIGNERS" 2 李小红、王建民
		type_at "$P_COSIGNERS" 3 李小红、王建国
		wait_rc
		screen_has "$P_TITLE" <<-EOF
		$P_TITLE
		$m_title
		$(L "$P_TITLE" "关于路灯的建议")
		$(L "$P_CONTENT" "路灯坏了")
		$P_STATION
		$(L "$P_SOURCE" "会议")
		$m_source
		$(L "$P_SOURCE" "人代会")
		$P_DATE
		$(L "$P_CATEGORY" "城建")
		$P_SUBMITTER
		$(L "$P_PHONE" "12")
		$m_phone
		$(L "$P_PHONE" "13800001234")
		$(L "$P_LEAD" "陈大")
		$m_lead
		$(L "$P_LEAD" "陈大文")
		$(L "$P_COSIGNERS" "李小红、陈大文")
		$m_cos
		$(L "$P_COSIGNERS" "李小红、王建民")
		$m_cos2
		$(L "$P_COSIGNERS" "李小红、王建国")
		EOF
		[ "$(cat "$TMP/rc")" = rc=0 ]
		[ "$(cat "$TMP/out")" = 2023-0001 ]
		run j show 2023-0001 --format json
		run jq -c '[.title, .content, .station, .source, .received_on, .category, .submitter, .phone, .lead_deputy, .cosigners]' <<<"$output"
		expect_output <<<'["关于路灯的建议","路灯坏了",null,"session","2023-03-31","城建",null,"13800001234","陈大文",["李小红","王建国"]]'
		tmux -S "$SOCK" kill-server
	done
}

@test "item 3: Ctrl-D at a prompt cancels, says so, exits 1 and writes nothing" {
	for lang in en zh; do
		rm -f "$TMP/rc" "$TMP/out"
		load_prompts $lang
		before=$(dump)
		start $lang
		type_at "$P_TITLE" 1 关于路灯的建议
		type_at "$P_CONTENT" 1 路灯坏了
		type_at "$P_STATION" 1 黄塘
		# An optional field: Ctrl-D cancels there too, it does not skip.
		wait_prompt "$P_SOURCE"
		tmux -S "$SOCK" send-keys -t t C-d
		wait_rc
		if [ $lang = zh ]; then
			want='jianyi: 已取消：未登记任何建议'
		else
			want='jianyi: cancelled: nothing registered'
		fi
		[ "$(screen | tail -n 1)" = "$want" ]
		[ "$(cat "$TMP/rc")" = rc=1 ]
		[ ! -s "$TMP/out" ]
		[ "$(dump)" = "$before" ]
		tmux -S "$SOCK" kill-server
	done
}

@test "item 3: every field typed at the prompts, under show's labels, registers what add's options register" {
	cp "$JIANYI_DB" "$TMP/twin.db"
	for lang in en zh; do
		rm -f "$TMP/rc" "$TMP/out"
		load_prompts $lang
		start $lang
		type_at "$P_TITLE" 1 "关于黄塘路灯的建议 $lang"
		type_at "$P_CONTENT" 1 路灯坏了
		type_at "$P_STATION" 1 黄塘
		type_at "$P_SOURCE" 1 接待
		type_at "$P_DATE" 1 2023/3/5
		type_at "$P_CATEGORY" 1 城建
		type_at "$P_SUBMITTER" 1 王小明
		type_at "$P_PHONE" 1 13800001234
		type_at "$P_LEAD" 1 陈大文
		type_at "$P_COSIGNERS" 1 李小红、王建国
		wait_rc
		if [ $lang = zh ]; then
			head='登记新建议：Tab 键补全名称，直接回车跳过该项，Ctrl-D 取消。'
		else
			head='New suggestion: Tab completes names, an empty answer skips a field, Ctrl-D cancels.'
		fi
		# On a terminal, add names the suggestions like the new one:
		# the second, in Chinese, is like the first.
		like=
		[ $lang = en ] ||
		    like=$'\njianyi: 与 2023-0001 相似（2023年，已登记，86%）：关于黄塘路灯的建议 en'
		run screen
		expect_output <<-EOF
		$head
		$(L "$P_TITLE" "关于黄塘路灯的建议 $lang")
		$(L "$P_CONTENT" "路灯坏了")
		$(L "$P_STATION" "黄塘")
		$(L "$P_SOURCE" "接待")
		$(L "$P_DATE" "2023/3/5")
		$(L "$P_CATEGORY" "城建")
		$(L "$P_SUBMITTER" "王小明")
		$(L "$P_PHONE" "13800001234")
		$(L "$P_LEAD" "陈大文")
		$(L "$P_COSIGNERS" "李小红、王建国")$like
		EOF
		[ "$(cat "$TMP/rc")" = rc=0 ]
		n=$(cat "$TMP/out")
		# The history's detail is written in the language of the day.
		m=$(JIANYI_DB="$TMP/twin.db" JIANYI_LANG=$lang j add --title "关于黄塘路灯的建议 $lang" \
		    --content 路灯坏了 --station 黄塘 --source 接待 \
		    --date 2023/3/5 --category 城建 --submitter 王小明 \
		    --phone 13800001234 --deputy 陈大文 --cosigner 李小红 \
		    --cosigner 王建国)
		[ "$n" = "$m" ]
		want=$(JIANYI_DB="$TMP/twin.db" JIANYI_LANG=$lang j show "$m")
		run env JIANYI_LANG=$lang "$JIANYI" show "$n"
		expect_output <<<"$want"
		# The labels the prompts share with show.
		[[ $output == *"  $(sed 's/[:：]$//' <<<"$P_TITLE") "* ]]
		[[ $output == *"  $(sed 's/[:：]$//' <<<"$P_LEAD") "* ]]
		[[ $output == *"  $(sed 's/ *[(（].*//' <<<"$P_DATE") "*"2023-03-05"* ]]
		tmux -S "$SOCK" kill-server
	done
	[ "$(sqlite3 "$JIANYI_DB" 'SELECT number FROM suggestion')" = $'2023-0001\n2023-0002' ]
}

@test "item 7: in Chinese a refusal lists the allowed values by their Chinese forms, as the source prompt does" {
	JIANYI_LANG=zh refused 1 "来源 '会议' 无效（可选值：接待｜人代会｜小组活动｜网上｜其他）" \
	    add --title x --source 会议
	j add --title x --date 2023-03-01 >/dev/null
	j assign 2023-0001 --dept 规划建设办 --date 2023-03-01
	j reply 2023-0001 --dept 规划建设办 --class A --date 2023-03-02
	JIANYI_LANG=zh refused 1 "满意度测评 '很好' 无效（可选值：满意｜基本满意｜不满意）" \
	    rate 2023-0001 很好
	# In English, the keys.
	refused 1 "invalid rating 'good' (use satisfied|basic|unsatisfied)" \
	    rate 2023-0001 good
}
