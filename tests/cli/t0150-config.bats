#!/usr/bin/env bats
# config: the settings kept in the database (town, due_months,
# rehandle_months, and the statute's limits on deadlines) and what they
# change.

load helper

@test "config list shows every setting, text, csv and json" {
	j init --town 乐平镇 >/dev/null
	run j config list
	[ "$status" -eq 0 ]
	expect_table <<'OUT'
setting             value
co_due_months       1
complex_due_months  6
due_months          3
max_due_months      6
max_extend_months   3
max_extensions      1
rehandle_months     1
return_workdays     7
route_workdays      7
sign_workdays       7
similar_percent     50
town                乐平镇
OUT
	run j config
	[ "$status" -eq 0 ]
	expect_table <<'OUT'
setting             value
co_due_months       1
complex_due_months  6
due_months          3
max_due_months      6
max_extend_months   3
max_extensions      1
rehandle_months     1
return_workdays     7
route_workdays      7
sign_workdays       7
similar_percent     50
town                乐平镇
OUT
	run j config list --format csv
	[ "$status" -eq 0 ]
	expect_csv <<'OUT'
key,value
co_due_months,1
complex_due_months,6
due_months,3
max_due_months,6
max_extend_months,3
max_extensions,1
rehandle_months,1
return_workdays,7
route_workdays,7
sign_workdays,7
similar_percent,50
town,乐平镇
OUT
	run j config list --format json
	[ "$status" -eq 0 ]
	compact
	expect_output <<'OUT'
[{"key":"co_due_months","value":"1"},{"key":"complex_due_months","value":"6"},{"key":"due_months","value":"3"},{"key":"max_due_months","value":"6"},{"key":"max_extend_months","value":"3"},{"key":"max_extensions","value":"1"},{"key":"rehandle_months","value":"1"},{"key":"return_workdays","value":"7"},{"key":"route_workdays","value":"7"},{"key":"sign_workdays","value":"7"},{"key":"similar_percent","value":"50"},{"key":"town","value":"乐平镇"}]
OUT
}

@test "config get prints one value alone" {
	j init --town 乐平镇 >/dev/null
	run j config get due_months
	[ "$status" -eq 0 ]
	[ "$output" = 3 ]
	run j config get rehandle_months
	[ "$output" = 1 ]
	run j config get town
	[ "$output" = 乐平镇 ]
}

@test "config set changes a setting and records it in the log" {
	j init --town 乐平镇 >/dev/null
	run j config set town 新平镇
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$(j config get town)" = 新平镇 ]
	j config set due_months 6
	[ "$(j config get due_months)" = 6 ]
	run --separate-stderr j log --limit 2
	expect_table <<'OUT'
date        number  action   detail          by
2023-03-31  -       setting  town = 新平镇   secretary
2023-03-31  -       setting  due_months = 6  secretary
OUT
}

@test "due_months changes the default deadline of assign" {
	export JIANYI_TODAY=2024-03-31
	town
	j config set due_months 6
	n=$(j add --title 路灯 --date 2023-08-31)
	j assign "$n" --dept 规划建设办 --date 2023-08-31
	[ "$(sfield "$n" due)" = 2024-02-29 ]
}

@test "rehandle_months changes the rehandling deadline" {
	town
	j config set rehandle_months 2
	n=$(j add --title 路灯 --date 2022-11-01 --deputy 陈大文)
	j assign "$n" --dept 规划建设办 --date 2022-11-02
	j reply "$n" --dept 规划建设办 --class C --date 2022-12-01
	j rate "$n" unsatisfied --date 2022-12-31
	[ "$(sfield "$n" status)" = rehandling ]
	[ "$(sfield "$n" due)" = 2023-02-28 ]
}

@test "config set refuses numbers out of range" {
	j init >/dev/null
	refused 1 "invalid due_months '0' (use a whole number from 1 to 24)" \
	    config set due_months 0
	refused 1 "invalid due_months '25' (use a whole number from 1 to 24)" \
	    config set due_months 25
	refused 1 "invalid due_months 'x' (use a whole number from 1 to 24)" \
	    config set due_months x
	refused 1 "invalid due_months '-1' (use a whole number from 1 to 24)" \
	    config set -- due_months -1
	refused 1 "invalid due_months '3.5' (use a whole number from 1 to 24)" \
	    config set due_months 3.5
	refused 1 "invalid rehandle_months '13' (use a whole number from 1 to 12)" \
	    config set rehandle_months 13
	[ "$(j config get due_months)" = 3 ]
}

@test "config refuses an unknown setting" {
	j init >/dev/null
	refused 1 "unknown setting 'deadline' (use town|due_months|rehandle_months|complex_due_months|max_extensions|max_extend_months|max_due_months|similar_percent|route_workdays|sign_workdays|return_workdays|co_due_months)" \
	    config set deadline 3
	refused 1 "unknown setting 'deadline' (use town|due_months|rehandle_months|complex_due_months|max_extensions|max_extend_months|max_due_months|similar_percent|route_workdays|sign_workdays|return_workdays|co_due_months)" \
	    config get deadline
}

@test "config refuses a town with a control character or too long" {
	j init --town 乐平镇 >/dev/null
	refused 1 "town has a control character" config set town $'乐平\n镇'
	long=$(printf '镇%.0s' $(seq 61))
	refused 1 "town is too long (61 characters; at most 60)" \
	    config set town "$long"
}

@test "config usage errors" {
	j init >/dev/null
	msg="expected get KEY, set KEY VALUE or list; see 'jianyi config --help'"
	refused 2 "$msg" config set due_months
	refused 2 "$msg" config get
	refused 2 "unknown verb 'frob'; see 'jianyi config --help'" config frob
	refused 2 "$msg" config list town
	refused 2 "invalid format 'xml' (use text|csv|json)" \
	    config list --format xml
}
