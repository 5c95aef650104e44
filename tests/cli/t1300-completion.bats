#!/usr/bin/env bats
# The bash completion (scripts/jianyi-completion.bash): command names,
# sub-verbs, options and their values read from --help at run time, and
# station and department names read from the database, --db honoured.

load helper

setup() {
	common_setup
	# The completion runs "jianyi" as typed; put the one under test first.
	mkdir "$TMP/bin"
	ln -s "$JIANYI" "$TMP/bin/jianyi"
	PATH="$TMP/bin:$PATH"
	# shellcheck source=../../scripts/jianyi-completion.bash
	source "$BATS_TEST_DIRNAME/../../scripts/jianyi-completion.bash"
}

# Completes the last argument, as bash does after "jianyi ARGS...<TAB>"
# (an empty last argument: after a space), and prints COMPREPLY, one a line.
comp() {
	COMP_WORDS=(jianyi "$@")
	COMP_CWORD=$#
	COMP_LINE="${COMP_WORDS[*]}"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_jianyi jianyi "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	printf '%s\n' "${COMPREPLY[@]}"
}

# Like expect_output, for the completions of: jianyi "$@"
expect_comp() {
	run comp "$@"
	[ "$status" -eq 0 ]
	expect_output
}

# A second database, to prove --db is honoured over $JIANYI_DB.
other_db() {
	j --db "$TMP/o.db" init >/dev/null &&
	j --db "$TMP/o.db" station add "石 桥" &&
	j --db "$TMP/o.db" dept add 规划科
}

@test "complete -F _jianyi is registered for jianyi" {
	run complete -p jianyi
	[ "$output" = "complete -F _jianyi jianyi" ]
}

@test "command names: every command, from jianyi --help" {
	run comp ""
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 34 ]
	[ "${lines[0]}" = init ] && [ "${lines[33]}" = help ]
}

@test "a command prefix: jianyi re" {
	expect_comp re <<'OUT'
reception
reject
return
reply
remind
report
OUT
}

@test "global options before the command" {
	expect_comp -- <<'OUT'
--db
--help
--version
OUT
}

@test "the verbs of station, dept and deputy" {
	expect_comp station "" <<'OUT'
add
list
rename
retire
OUT
	expect_comp dept r <<'OUT'
rename
retire
OUT
	expect_comp deputy "" <<'OUT'
add
list
rename
retire
OUT
}

@test "the verbs of reception, activity and config" {
	expect_comp reception "" <<'OUT'
add
list
OUT
	expect_comp activity "" <<'OUT'
add
list
OUT
	expect_comp config "" <<'OUT'
get
set
list
OUT
	# The keys come from the database's settings.
	j init >/dev/null
	expect_comp config set "" <<'OUT'
co_due_months
complex_due_months
due_months
max_due_months
max_extend_months
max_extensions
rehandle_months
return_workdays
route_workdays
sign_workdays
similar_percent
town
OUT
	expect_comp config get max_ <<'OUT'
max_due_months
max_extend_months
max_extensions
OUT
}

@test "a verb's own options" {
	expect_comp station list -- <<'OUT'
--all
--format
OUT
	expect_comp station add 黄塘 -- <<'OUT'
--village
OUT
}

@test "a command's options, each offered once unless repeatable" {
	expect_comp assign 2023-0001 --dept 规划建设办 --co 交通运输办 -- <<'OUT'
--co
--complex
--date
--due
--handler
OUT
	expect_comp import suggestions x.csv --d <<'OUT'
--dry-run
OUT
}

@test "department names from the database: assign --dept 规" {
	town
	expect_comp assign 2023-0001 --dept 规 <<'OUT'
规划建设办
OUT
	expect_comp assign 2023-0001 --dept 规划建设办 --co "" <<'OUT'
规划建设办
交通运输办
社会事务办
OUT
}

@test "station names for --station and station rename and retire" {
	town
	expect_comp list --station "" <<'OUT'
黄塘
源潭
华埭村
OUT
	expect_comp station rename 华 <<'OUT'
华埭村
OUT
	expect_comp station retire "" <<'OUT'
黄塘
源潭
华埭村
OUT
	# The new name of a rename is not completed.
	expect_comp station rename 黄塘 "" </dev/null
}

@test "department names for dept rename and retire" {
	town
	expect_comp dept retire 社 <<'OUT'
社会事务办
OUT
	expect_comp dept rename "" <<'OUT'
规划建设办
交通运输办
社会事务办
OUT
}

@test "--db on the command line picks the database; names are quoted" {
	town
	other_db
	expect_comp --db "$TMP/o.db" station retire "" <<'OUT'
石\ 桥
OUT
	expect_comp --db "$TMP/o.db" assign 2023-0001 --dept 规 <<'OUT'
规划科
OUT
}

@test "no database: no names, and no noise" {
	expect_comp assign 2023-0001 --dept "" </dev/null
}

@test "the ratings of rate, English and Chinese" {
	expect_comp rate 2023-0001 "" <<'OUT'
satisfied
basic
unsatisfied
满意
基本满意
不满意
OUT
	expect_comp rate 2023-0001 不 <<'OUT'
不满意
OUT
}

@test "--format values: list, and report's documents" {
	expect_comp list --format "" <<'OUT'
text
csv
json
OUT
	expect_comp report --month 2023-03 --format "" <<'OUT'
text
md
csv
json
html
xlsx
OUT
	expect_comp station list --format "" <<'OUT'
text
csv
json
OUT
}

@test "closed values: --source --kind --level --method --class --status" {
	expect_comp add --title x --source "" <<'OUT'
reception
session
group
online
other
接待
人代会
小组活动
网上
其他
OUT
	expect_comp activity add --kind s <<'OUT'
survey
session
OUT
	expect_comp deputy add 陈大文 --level "" <<'OUT'
town
district
city
镇
区
市
OUT
	expect_comp contact 2023-0001 --method "" <<'OUT'
visit
meeting
phone
走访
座谈
电话
OUT
	expect_comp reply 2023-0001 --class "" <<'OUT'
A
B
C
D
OUT
	expect_comp list --status re <<'OUT'
registered
replied
rehandling
OUT
	expect_comp list --status o <<'OUT'
open
OUT
}

@test "--opt=value, split at = as bash does" {
	expect_comp list --status = o <<'OUT'
open
OUT
}

@test "the tables of import and export, and import's FILE" {
	expect_comp import "" <<'OUT'
suggestions
receptions
activities
stations
departments
deputies
OUT
	expect_comp export s <<'OUT'
suggestions
OUT
	touch 台账.csv
	expect_comp import suggestions 台 <<'OUT'
台账.csv
OUT
	expect_comp export suggestions -o 台 <<'OUT'
台账.csv
OUT
	expect_comp import suggestions 台账.csv --encoding "" <<'OUT'
auto
utf-8
gb18030
OUT
}
