#!/usr/bin/env bats
# 14.6: deadlines by statute. 代表法 Art. 51: 3 months from routing, 6 for a
# matter 涉及面广、处理难度大 (assign --complex); 上海市代表建议规定 Art. 19:
# one extension, approved, of at most 3 months, and never more than 6
# months after routing. Every limit is a setting.

load helper

setup() {
	common_setup
	town
	j add --title 路灯 --station 黄塘 --date 2023-01-05 >/dev/null
	j add --title 河道 --station 黄塘 --date 2023-01-05 >/dev/null
}

@test "14.6: assign --complex gives 6 months, and says so in the history" {
	j assign 2023-0001 --dept 规划建设办 --date 2023-01-10 --complex
	[ "$(j show 2023-0001 --format json | jq -r .due)" = 2023-07-10 ]
	run j log 2023-0001 --format json
	[ "$(jq -r '.[-1].detail' <<<"$output")" = "lead: 规划建设办; due: 2023-07-10; complex: 6 months" ]
	run env JIANYI_LANG=zh "$JIANYI" log 2023-0001 --format json
	[ "$(jq -r '.[-1].detail' <<<"$output")" = "主办：规划建设办；办理期限：2023-07-10；涉及面广、处理难度大：6个月" ]
	# The setting, and a --due of one's own, which wins.
	j config set complex_due_months 4
	j assign 2023-0002 --dept 规划建设办 --date 2023-01-10 --complex
	[ "$(j show 2023-0002 --format json | jq -r .due)" = 2023-05-10 ]
	[ "$(j config list --format csv | grep complex)" = $'complex_due_months,4\r' ]
}

@test "14.6: one extension, approved; a second is refused with the date of the first" {
	j assign 2023-0001 --dept 规划建设办 --date 2023-01-10
	run j extend 2023-0001 --due 2023-06-30 --reason 需要预算 --approved-by 王镇长 --date 2023-02-20
	[ "$status" -eq 0 ]
	run j log 2023-0001 --format json
	[ "$(jq -r '.[-1].detail' <<<"$output")" = "due: 2023-06-30 (was 2023-04-10): 需要预算; approved by 王镇长" ]
	refused 1 "cannot extend '2023-0001' again: it was extended on 2023-02-20, and 1 extension is allowed (max_extensions; 上海市代表建议规定 Art. 19)" \
	    extend 2023-0001 --due 2023-07-05 --reason 再延 --approved-by 王镇长
	run env JIANYI_LANG=zh "$JIANYI" extend 2023-0001 --due 2023-07-05 --reason 再延 --approved-by 王镇长
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: 不能再次延期“2023-0001”：已于 2023-02-20 延期，只允许延期 1 次（max_extensions；上海市代表建议规定第十九条）" ]
	# More extensions where the setting allows them; none where it is 0.
	j config set max_extensions 2
	j extend 2023-0001 --due 2023-07-05 --reason 再延 --approved-by 王镇长
	j config set max_extensions 0
	j assign 2023-0002 --dept 规划建设办 --date 2023-01-10
	refused 1 "cannot extend '2023-0002': max_extensions is 0" \
	    extend 2023-0002 --due 2023-07-05 --reason x --approved-by 王镇长
}

@test "14.6: at most 3 months more, never more than 6 after routing: the latest date allowed" {
	j assign 2023-0001 --dept 规划建设办 --date 2023-01-10 --due 2023-02-10
	refused 1 "an extension is at most 3 months (max_extend_months; 上海市代表建议规定 Art. 19): 2023-05-10 at the latest" \
	    extend 2023-0001 --due 2023-05-11 --reason x --approved-by 王镇长
	j extend 2023-0001 --due 2023-05-10 --reason x --approved-by 王镇长
	j assign 2023-0002 --dept 规划建设办 --date 2023-01-10
	refused 1 "a deadline is at most 6 months after the routing on 2023-01-10 (max_due_months; 代表法 Art. 51): 2023-07-10 at the latest" \
	    extend 2023-0002 --due 2023-07-11 --reason x --approved-by 王镇长
	run env JIANYI_LANG=zh "$JIANYI" extend 2023-0002 --due 2023-07-11 --reason x --approved-by 王镇长
	[ "$output" = "jianyi: 办理期限最迟为交办（2023-01-10）后 6 个月（max_due_months；代表法第五十一条）：最迟 2023-07-10" ]
	# A complex matter's 6 months leave no room.
	j withdraw 2023-0002 --reason x
	j add --title 桥 --date 2023-01-05 >/dev/null
	j assign 2023-0003 --dept 规划建设办 --date 2023-01-10 --complex
	refused 1 "a deadline is at most 6 months after the routing on 2023-01-10 (max_due_months; 代表法 Art. 51): 2023-07-10 at the latest" \
	    extend 2023-0003 --due 2023-08-10 --reason x --approved-by 王镇长
	# The settings move the limits.
	j config set max_due_months 9
	j extend 2023-0003 --due 2023-10-10 --reason x --approved-by 王镇长
	[ "$(j show 2023-0003 --format json | jq -r .due)" = 2023-10-10 ]
}

@test "14.6: an approver is required, and is a name" {
	j assign 2023-0001 --dept 规划建设办 --date 2023-01-10
	refused 2 "expected NUMBER, --due, --reason and --approved-by; see 'jianyi extend --help'" \
	    extend 2023-0001 --due 2023-05-10 --reason x
	refused 1 "approver must not be empty" \
	    extend 2023-0001 --due 2023-05-10 --reason x --approved-by ''
}
