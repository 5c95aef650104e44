#!/usr/bin/env bats
# 14.9: a joint suggestion (one with cosigners) is withdrawn only if all
# its deputies agree (上海市代表建议规定 Art. 10); the history says so.

load helper

setup() {
	common_setup
	town
	j add --title 路灯 --station 黄塘 --deputy 陈大文 --cosigner 李小红 \
	    --cosigner 王建国 --date 2023-03-01 >/dev/null
	j add --title 公交站 --station 黄塘 --deputy 陈大文 --date 2023-03-02 \
	    >/dev/null
}

@test "14.9: a joint suggestion is not withdrawn without --all-agreed" {
	refused 1 "'2023-0001' is a joint suggestion with 2 cosigners: it is withdrawn only if all its deputies agree (--all-agreed)" \
	    withdraw 2023-0001 --reason 已解决
	run env JIANYI_LANG=zh "$JIANYI" withdraw 2023-0001 --reason 已解决
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: “2023-0001”是联名建议，有 2 位附议代表：须经全体代表同意方可撤回（--all-agreed）" ]
}

@test "14.9: with --all-agreed it is, and the history says that all agreed" {
	run j withdraw 2023-0001 --reason 已解决 --all-agreed --date 2023-03-10
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$JIANYI_DB" "SELECT status FROM suggestion WHERE number = '2023-0001'")" = withdrawn ]
	run j log 2023-0001 --format json
	[ "$(jq -r '.[-1].detail' <<<"$output")" = "已解决 (all 3 deputies agreed)" ]
	run env JIANYI_LANG=zh "$JIANYI" log 2023-0001 --format json
	[ "$(jq -r '.[-1].detail' <<<"$output")" = "已解决（3位代表均已同意）" ]
	[ "$(sqlite3 "$JIANYI_DB" "SELECT detail FROM event WHERE action = 'withdrawn'")" = '{"reason":"已解决","agreed":3}' ]
}

@test "14.9: a suggestion of one deputy is withdrawn as before" {
	run j withdraw 2023-0002 --reason 重复 --date 2023-03-10
	[ "$status" -eq 0 ]
	run j log 2023-0002 --format json
	[ "$(jq -r '.[-1].detail' <<<"$output")" = "重复" ]
	[ "$(sqlite3 "$JIANYI_DB" "SELECT detail FROM event WHERE action = 'withdrawn'")" = '{"reason":"重复"}' ]
}
