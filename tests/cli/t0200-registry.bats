#!/usr/bin/env bats
# The registries: liaison stations, departments and deputies. Chinese names
# aligned by display width, csv and json, rename, retire, duplicates and
# unknown names with a suggestion.

load helper

@test "station list: aligned by display width" {
	town
	run j station list
	[ "$status" -eq 0 ]
	expect_table <<'OUT'
station  village  deputies  retired
黄塘     黄塘村          1
源潭     -               1
华埭村   -               0
OUT
}

@test "station list --format csv and json" {
	town
	run j station list --format csv
	[ "$status" -eq 0 ]
	expect_csv <<'OUT'
name,village,deputies,retired
黄塘,黄塘村,1,0
源潭,,1,0
华埭村,,0,0
OUT
	run j station list --format json
	[ "$status" -eq 0 ]
	compact
	expect_output <<'OUT'
[{"name":"黄塘","village":"黄塘村","deputies":1,"retired":false},{"name":"源潭","village":null,"deputies":1,"retired":false},{"name":"华埭村","village":null,"deputies":0,"retired":false}]
OUT
}

@test "station list mixes ASCII and CJK widths" {
	j init >/dev/null
	j station add A站 --village Ajiao
	j station add 黄塘 --village 黄塘村委会
	j station add Station-3
	run j station list
	expect_table <<'OUT'
station    village     deputies  retired
A站        Ajiao              0
黄塘       黄塘村委会         0
Station-3  -                  0
OUT
}

@test "dept list: text, csv and json" {
	town
	run j dept list
	[ "$status" -eq 0 ]
	expect_table <<'OUT'
department  in hand  retired
规划建设办        0
交通运输办        0
社会事务办        0
OUT
	run j dept list --format csv
	expect_csv <<'OUT'
name,open,retired
规划建设办,0,0
交通运输办,0,0
社会事务办,0,0
OUT
	run j dept list --format json
	compact
	expect_output <<'OUT'
[{"name":"规划建设办","open":0,"retired":false},{"name":"交通运输办","open":0,"retired":false},{"name":"社会事务办","open":0,"retired":false}]
OUT
}

@test "dept list counts what each department has in hand" {
	town
	a=$(j add --title a --date 2023-01-01)
	b=$(j add --title b --date 2023-01-01)
	j assign "$a" "$b" --dept 规划建设办 --co 社会事务办 --date 2023-01-02
	run j dept list
	expect_table <<'OUT'
department  in hand  retired
规划建设办        2
交通运输办        0
社会事务办        2
OUT
}

@test "dept list does not count closed or withdrawn suggestions as in hand" {
	town
	a=$(j add --title a --date 2023-01-01)
	b=$(j add --title b --date 2023-01-01)
	c=$(j add --title c --date 2023-01-01)
	j assign "$a" "$b" "$c" --dept 规划建设办 --date 2023-01-02
	j reply "$a" --dept 规划建设办 --class A --date 2023-01-03
	j close "$a" --date 2023-01-04
	j withdraw "$b" --reason 撤回 --date 2023-01-04
	run j dept list --format csv
	expect_csv <<'OUT'
name,open,retired
规划建设办,1,0
交通运输办,0,0
社会事务办,0,0
OUT
}

@test "deputy list: level, station and phone; csv and json carry keys" {
	town
	run j deputy list
	[ "$status" -eq 0 ]
	expect_table <<'OUT'
deputy  level     station  phone        retired
陈大文  town      黄塘     13812342415
李小红  district  源潭     -
王建国  town      -        -
OUT
	run j deputy list --format csv
	expect_csv <<'OUT'
name,level,station,phone,retired
陈大文,town,黄塘,13812342415,0
李小红,district,源潭,,0
王建国,town,,,0
OUT
	run j deputy list --format json
	compact
	expect_output <<'OUT'
[{"name":"陈大文","level":"town","station":"黄塘","phone":"13812342415","retired":false},{"name":"李小红","level":"district","station":"源潭","phone":null,"retired":false},{"name":"王建国","level":"town","station":null,"phone":null,"retired":false}]
OUT
}

@test "deputy add takes the level in Chinese too" {
	j init >/dev/null
	j deputy add 甲 --level 区
	j deputy add 乙 --level 市
	j deputy add 丙 --level city
	run j deputy list --format csv
	expect_csv <<'OUT'
name,level,station,phone,retired
甲,district,,,0
乙,city,,,0
丙,city,,,0
OUT
}

@test "text tables do not end lines with blanks" {
	town
	run j station list
	run ! grep -n ' $' <<<"$output"
	run j deputy list
	run ! grep -n ' $' <<<"$output"
}

@test "a registry with nothing in it lists the header only" {
	j init >/dev/null
	run j station list
	[ "$status" -eq 0 ]
	expect_table <<'OUT'
station  village  deputies  retired
OUT
	run j dept list --format json
	[ "$output" = "[]" ]
	run j deputy list --format csv
	expect_csv <<'OUT'
name,level,station,phone,retired
OUT
}

@test "duplicate names are refused" {
	town
	refused 1 "station '黄塘' already exists" station add 黄塘
	refused 1 "station '黄塘' already exists" station add 黄塘 --village 别村
	refused 1 "department '规划建设办' already exists" dept add 规划建设办
	refused 1 "deputy '陈大文' already exists" deputy add 陈大文
}

@test "empty, too long and control-character names are refused" {
	town
	refused 1 "name must not be empty" station add ''
	refused 1 "name must not be empty" dept add ''
	refused 1 "name must not be empty" deputy add ''
	long=$(printf '站%.0s' $(seq 61))
	refused 1 "name is too long (61 characters; at most 60)" \
	    station add "$long"
	refused 1 "name has a control character" dept add $'规划\t办'
	refused 1 "name has a control character" \
	    station rename 黄塘 $'黄\n塘'
	refused 1 "village has a control character" \
	    station add 新站 --village $'村\x01'
	refused 1 "name is not valid UTF-8" deputy add $'\xff\xfe'
}

@test "a name of exactly 60 characters is accepted" {
	j init >/dev/null
	name=$(printf '站%.0s' $(seq 60))
	j station add "$name"
	[ "$(j station list --format csv | sed -n 2p | cut -d, -f1)" = "$name" ]
}

@test "deputy add refuses a bad level, phone or station" {
	town
	refused 1 "invalid level '省' (use town|district|city)" \
	    deputy add 赵六 --level 省
	refused 1 "invalid phone number 'abc'" deputy add 赵六 --phone abc
	refused 1 "invalid phone number '12'" deputy add 赵六 --phone 12
	refused 1 "unknown station '黄糖'; did you mean '黄塘'?" \
	    deputy add 赵六 --station 黄糖
}

@test "unknown names are refused with the closest names suggested" {
	town
	j station add 黄埔
	refused 1 "unknown station '黄X'; did you mean '黄塘' or '黄埔'?" \
	    station retire 黄X
	refused 1 "unknown department '规划建设'; did you mean '规划建设办'?" \
	    dept retire 规划建设
	refused 1 "unknown deputy '陈大'; did you mean '陈大文'?" \
	    deputy rename 陈大 陈小
	refused 1 "unknown department '财政所'" dept rename 财政所 财政办
}

@test "rename keeps the history and the links" {
	town
	n=$(j add --title 路灯 --station 黄塘 --date 2023-01-05 --deputy 陈大文)
	j assign "$n" --dept 规划建设办 --date 2023-01-06
	run j station rename 黄塘 黄塘站
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	j dept rename 规划建设办 规建办
	j deputy rename 陈大文 陈大武
	[ "$(sfield "$n" station)" = 黄塘站 ]
	[ "$(sfield "$n" lead_deputy)" = 陈大武 ]
	[ "$(sfield "$n" departments[0].name)" = 规建办 ]
	# The history says what was true then.
	[ "$(sfield "$n" history[0].detail)" = "source: reception; station: 黄塘; lead deputy: 陈大文" ]
	run --separate-stderr j log --limit 3
	expect_table <<'OUT'
date        number  action      detail                            by
2023-03-31  -       station     renamed '黄塘' to '黄塘站'        secretary
2023-03-31  -       department  renamed '规划建设办' to '规建办'  secretary
2023-03-31  -       deputy      renamed '陈大文' to '陈大武'      secretary
OUT
	refused 1 "unknown station '黄塘'; did you mean '黄塘站'?" \
	    add --title x --station 黄塘
	j deputy list --format csv | grep -q '^陈大武,town,黄塘站,'
}

@test "rename refuses the same name, a taken name and wrong arguments" {
	town
	refused 1 "station '黄塘' already has that name" station rename 黄塘 黄塘
	refused 1 "station '源潭' already exists" station rename 黄塘 源潭
	refused 1 "department '交通运输办' already exists" \
	    dept rename 规划建设办 交通运输办
	refused 1 "name must not be empty" deputy rename 陈大文 ''
	refused 2 "'rename' takes OLD and NEW; see 'jianyi station --help'" \
	    station rename 黄塘
	refused 2 "'rename' takes OLD and NEW; see 'jianyi dept --help'" \
	    dept rename a b c
}

@test "retire hides a station from the list; --all shows it" {
	town
	run j station retire 源潭
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	run j station list
	expect_table <<'OUT'
station  village  deputies  retired
黄塘     黄塘村          1
华埭村   -               0
OUT
	run j station list --all
	expect_table <<'OUT'
station  village  deputies  retired
黄塘     黄塘村          1
源潭     -               1  yes
华埭村   -               0
OUT
	run j station list --all --format json
	[ "$(jq -c '[.[] | .retired]' <<<"$output")" = '[false,true,false]' ]
}

@test "a retired station, department or deputy is refused for new use" {
	town
	j station retire 源潭
	j dept retire 交通运输办
	j deputy retire 王建国
	refused 1 "station '源潭' is retired" add --title x --station 源潭
	refused 1 "station '源潭' is retired" deputy add 赵六 --station 源潭
	refused 1 "station '源潭' is retired" \
	    reception add --station 源潭 --visitors 1
	refused 1 "deputy '王建国' is retired" add --title x --deputy 王建国
	refused 1 "deputy '王建国' is retired" add --title x --cosigner 王建国
	n=$(j add --title x --date 2023-01-01)
	refused 1 "department '交通运输办' is retired" \
	    assign "$n" --dept 交通运输办
	refused 1 "department '交通运输办' is retired" \
	    assign "$n" --dept 规划建设办 --co 交通运输办
	refused 1 "station '源潭' is retired" station retire 源潭
	refused 1 "station '源潭' is retired" deputy add 赵六 --station 源潭
}

@test "a retired department keeps what it has in hand" {
	town
	n=$(j add --title x --date 2023-01-01)
	j assign "$n" --dept 交通运输办 --date 2023-01-02
	j dept retire 交通运输办
	j reply "$n" --dept 交通运输办 --class A --date 2023-01-03
	[ "$(sfield "$n" status)" = replied ]
	run j list --dept 交通运输办 --format csv
	[ "${#lines[@]}" -eq 2 ]
	[ "$(j dept list --all --format csv | grep '^交通运输办')" = $'交通运输办,1,1\r' ]
}

@test "retired names stay taken" {
	town
	j station retire 源潭
	refused 1 "station '源潭' already exists" station add 源潭
	refused 1 "station '源潭' already exists" station rename 黄塘 源潭
}

@test "registry usage errors" {
	town
	refused 2 "expected add, list, rename or retire; see 'jianyi station --help'" station
	refused 2 "unknown verb 'delete'; see 'jianyi dept --help'" dept delete 规划建设办
	refused 2 "'add' takes one name; see 'jianyi station --help'" station add
	refused 2 "'add' takes one name; see 'jianyi deputy --help'" deputy add 甲 乙
	refused 2 "'list' takes no names; see 'jianyi station --help'" station list 黄塘
	refused 2 "'retire' takes one name; see 'jianyi dept --help'" dept retire
	refused 2 "invalid format 'xml' (use text|csv|json)" deputy list --format xml
	refused 2 "unknown option '--town'; see 'jianyi station --help'" station add 甲 --town 乙
}
