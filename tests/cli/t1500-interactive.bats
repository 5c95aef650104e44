#!/usr/bin/env bats
# add at a terminal: without --title it asks for each field, with line
# editing that takes Chinese input and Tab completion of registered names
# (driven through tmux); --edit takes the content from $EDITOR.

load helper

setup() {
	tmux_setup
}

teardown() {
	tmux_teardown
}

# Types one answer and gives the program a moment to take it.
answer() {
	tmux -S "$SOCK" send-keys -t t "$@"
	sleep 0.3
}

# Waits (up to 60 s: the program may run under valgrind) until the screen
# shows the text $1 $2 times or more (default once).
wait_screen() {
	local i
	for ((i = 0; i < 300; i++)); do
		[ "$(tmux -S "$SOCK" capture-pane -t t -p | grep -c -F -- "$1")" \
		    -ge "${2:-1}" ] && return 0
		sleep 0.2
	done
	return 1
}

# Waits (up to 60 s) until the command has written its exit status.
wait_rc() {
	local i
	for ((i = 0; i < 300; i++)); do
		[ -s "$TMP/rc" ] && return 0
		sleep 0.2
	done
	return 1
}

@test "add without --title asks for each field, completing names on Tab" {
	tmux -S "$SOCK" -u new-session -d -s t -x 120 -y 30 \
	    "env JIANYI_DB='$JIANYI_DB' JIANYI_TODAY=2023-03-31 LANG=C.UTF-8 \
	    JIANYI_LANG=en '$JIANYI' add > '$TMP/out'; echo rc=\$? > '$TMP/rc'; sleep 30"
	# Keys typed before the program has the terminal would be lost.
	wait_screen 'title:'
	answer '关于黄塘路灯的建议' Enter
	answer '路灯坏了' Enter
	answer '黄' Tab
	answer Enter
	answer '接待' Enter
	answer '2023/3/5' Enter
	answer '城建' Enter
	answer '王小明' Enter
	answer '13800001234' Enter
	answer '陈' Tab
	answer Enter
	answer '李小红、王建国' Enter
	wait_rc
	run tmux -S "$SOCK" capture-pane -t t -p
	[[ $output == *"station: 黄塘"* ]]
	[[ $output == *"lead deputy: 陈大文"* ]]
	[ "$(cat "$TMP/rc")" = rc=0 ]
	[ "$(cat "$TMP/out")" = 2023-0001 ]
	run j show 2023-0001 --format json
	run jq -c '[.title, .content, .station, .source, .received_on, .category, .submitter, .phone, .lead_deputy, .cosigners]' <<<"$output"
	expect_output <<<'["关于黄塘路灯的建议","路灯坏了","黄塘","reception","2023-03-05","城建","王小明","13800001234","陈大文",["李小红","王建国"]]'
}

@test "without libedit the prompts still take each field, as plain lines" {
	cc -shared -fPIC -o "$TMP/nodlopen.so" "$BATS_TEST_DIRNAME/../shim/nodlopen.c" -ldl ||
	    skip "cannot build the shim (no C compiler)"
	tmux -S "$SOCK" -u new-session -d -s t -x 120 -y 30 \
	    "env JIANYI_DB='$JIANYI_DB' JIANYI_TODAY=2023-03-31 LANG=C.UTF-8 \
	    JIANYI_LANG=en NODLOPEN=libedit LD_PRELOAD='$TMP/nodlopen.so' \
	    ASAN_OPTIONS=verify_asan_link_order=0 \
	    '$JIANYI' add > '$TMP/out'; echo rc=\$? > '$TMP/rc'; sleep 30"
	wait_screen 'title:'
	answer '关于黄塘路灯的建议' Enter
	answer '路灯坏了' Enter
	answer '黄塘' Enter
	answer '接待' Enter
	answer '2023/3/5' Enter
	answer '' Enter
	answer '' Enter
	answer '' Enter
	answer '陈大文' Enter
	answer '' Enter
	wait_rc
	[ "$(cat "$TMP/rc")" = rc=0 ]
	[ "$(cat "$TMP/out")" = 2023-0001 ]
	# Once, not at every field: that the library is missing.
	run tmux -S "$SOCK" capture-pane -t t -p
	[ "$(grep -c 'Line editing needs the library' <<<"$output")" -eq 1 ]
	run j show 2023-0001 --format json
	run jq -c '[.title, .content, .station, .source, .received_on, .lead_deputy]' <<<"$output"
	expect_output <<<'["关于黄塘路灯的建议","路灯坏了","黄塘","reception","2023-03-05","陈大文"]'
}

@test "end of input at the prompt registers nothing" {
	tmux -S "$SOCK" -u new-session -d -s t -x 120 -y 30 \
	    "env JIANYI_DB='$JIANYI_DB' LANG=C.UTF-8 '$JIANYI' add > '$TMP/out'; echo rc=\$? > '$TMP/rc'; sleep 30"
	wait_screen 'title:'
	answer '某建议' Enter
	wait_screen 'content:'
	answer C-d
	wait_rc
	[ "$(cat "$TMP/rc")" = rc=1 ]
	[ ! -s "$TMP/out" ]
	[ "$(sqlite3 "$JIANYI_DB" 'select count(*) from suggestion')" = 0 ]
}

@test "add --edit takes the content from the editor, without its comments" {
	cat > "$TMP/ed" <<'SH'
#!/bin/sh
printf '幼儿园门前道路狭窄，\r\n接送时段拥堵。\n# 这行是注释\n\n' > "$1.new"
cat "$1" >> "$1.new"
mv "$1.new" "$1"
SH
	chmod +x "$TMP/ed"
	n=$(EDITOR="$TMP/ed" j add --title 关于门前道路的建议 --edit --date 2023-03-01)
	[ "$n" = 2023-0001 ]
	run j show "$n" --format json
	[ "$(jq -r .content <<<"$output")" = $'幼儿园门前道路狭窄，\n接送时段拥堵。' ]
}

@test "a failing editor registers nothing" {
	EDITOR=false refused 3 "the editor 'false' failed; nothing was saved" \
	    add --title x --edit
}

@test "overdue rows are red on a terminal, and not with NO_COLOR" {
	j add --title 路灯 --date 2022-11-30 >/dev/null
	j add --title 排水 --date 2023-03-01 >/dev/null
	j assign 2022-0001 --dept 规划建设办 --date 2022-11-30
	tmux -S "$SOCK" -u new-session -d -s t -x 150 -y 30 \
	    "env TERM=xterm JIANYI_DB='$JIANYI_DB' JIANYI_TODAY=2023-03-31 LANG=C.UTF-8 '$JIANYI' list; \
	    env TERM=xterm NO_COLOR=1 JIANYI_DB='$JIANYI_DB' JIANYI_TODAY=2023-03-31 LANG=C.UTF-8 '$JIANYI' list; sleep 30"
	# Both listings are on the screen: two rows each of 2023-0001.
	wait_screen 2023-0001 2
	run tmux -S "$SOCK" capture-pane -t t -p -e
	# The first listing's overdue row is red (SGR 31), the other is not;
	# the second listing, under NO_COLOR, has no colour at all.
	[ "$(grep -c $'\e\\[31m2022-0001' <<<"$output")" -eq 1 ]
	[ "$(grep -c $'\e\\[31m' <<<"$output")" -eq 1 ]
	[ "$(grep -cE '^2022-0001 +assigned +yes' <<<"$output")" -eq 1 ]
}
