#!/usr/bin/env bats
# The suite's own honesty (issue 11, item 12): tests that kill the bugs an
# audit planted and the suite let live, and tests of the suite's tools
# (the lint of dead assertions, the skip count of tests/run).

load helper

TOP="$BATS_TEST_DIRNAME/../.."

@test "lint-bats: reports each assertion that cannot fail, by FILE:LINE" {
	run "$TOP/tests/lint-bats" "$TOP/tests/fixtures/lint/bad.bats"
	[ "$status" -eq 1 ]
	f="$TOP/tests/fixtures/lint/bad.bats"
	expect_output <<OUT
$f:5: a bare "!" command cannot fail here (not the last line)
$f:6: the first half of "a && b" cannot fail here (not the last line)
$f:7: the first half of "a && b" cannot fail here (not the last line)
$f:10: the first half of "a && b" cannot fail here (not the last line)
$f:16: a bare "!" command cannot fail here (not the last line)
$f:22: a bare "!" command cannot fail here (not the last line)
OUT
}

@test "lint-bats: leaves live assertions, conditions, quotes and here-documents alone" {
	run "$TOP/tests/lint-bats" "$TOP/tests/fixtures/lint/good.bats"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "lint-bats: the suite itself has no dead assertion" {
	run "$TOP/tests/lint-bats" "$TOP"/tests/cli/*.bats "$TOP/tests/cli/helper.bash"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

# tests/run on the sample tests, in a clean environment: a bats inside
# bats would otherwise inherit the outer run's BATS_ variables, and its
# PATH, where "bats" is bats' own internal command.
sample_run() {
	local path
	path=$(printf '%s\n' "$PATH" | tr : '\n' | grep -v bats-core | paste -sd :)
	env -i PATH="$path" HOME="$HOME" JIANYI="$JIANYI" UNITS= \
	    SAMPLE_FAIL="${SAMPLE_FAIL:-}" CLI_TESTS="$TOP/tests/fixtures/run" \
	    "$TOP/tests/run"
}

@test "tests/run counts a skipped test as skipped, not as passed" {
	run sample_run
	[ "$status" -eq 0 ]
	expect_output <<OUT
# cli: bats $TOP/tests/fixtures/run
SKIP: ok 2 is skipped # skip a reason
2 passed, 0 failed, 1 skipped
OUT
	SAMPLE_FAIL=1 run sample_run
	[ "$status" -eq 1 ]
	[ "${lines[1]}" = "FAIL: not ok 3 fails on demand" ]
	[ "${lines[-1]}" = "1 passed, 1 failed, 1 skipped" ]
}

# A stand-in for jianyi that refuses, but changes one PRAGMA on the way.
pragma_changer() {
	cat >"$TMP/fake" <<FAKE
#!/bin/sh
v=\$(sqlite3 "\$JIANYI_DB" 'PRAGMA $1')
sqlite3 "\$JIANYI_DB" "PRAGMA $1 = \$((v + 1))"
echo 'jianyi: no' >&2
exit 1
FAKE
	chmod +x "$TMP/fake"
}

@test "refused and refused_all see a changed user_version or application_id" {
	town >/dev/null
	for p in user_version application_id; do
		pragma_changer "$p"
		JIANYI="$TMP/fake" run refused 1 no list
		[ "$status" -eq 1 ] || { echo "$p: refused passed" >&2; return 1; }
		[ "$output" = "the database changed" ]
		JIANYI="$TMP/fake" run refused_all 1 list <<<'jianyi: no'
		[ "$status" -eq 1 ] || { echo "$p: refused_all passed" >&2; return 1; }
		[ "$output" = "the database changed" ]
	done
	# The stand-in that changes nothing passes.
	printf '#!/bin/sh\necho "jianyi: no" >&2\nexit 1\n' >"$TMP/fake"
	JIANYI="$TMP/fake" refused 1 no list
}

# The bugs an audit planted and the suite let live (issue 11, item 12).
# A period of one day, 2023-01-05, with a neighbour on each side:
#  0002 extended on the day of its first reply (the new deadline is the
#       one in force then: on time), contacted that same day (counts);
#  0003 replied on its due date (on time), contacted the day after the
#       first reply (does not count).
one_day() {
	export JIANYI_TODAY=2023-12-31
	town >/dev/null
	j add --title 前一天 --date 2023-01-04 >/dev/null
	j add --title 乙 --station 黄塘 --deputy 陈大文 --date 2023-01-05 >/dev/null
	j add --title 丙 --station 黄塘 --deputy 陈大文 --date 2023-01-05 >/dev/null
	j add --title 后一天 --date 2023-01-06 >/dev/null
	j assign 2023-0001 2023-0002 2023-0003 2023-0004 --dept 规划建设办 \
	    --date 2023-01-10
	j extend 2023-0002 --due 2023-06-30 --reason 协调 --date 2023-05-01 --approved-by 镇长
	j contact 2023-0002 --dept 规划建设办 --date 2023-05-01
	j reply 2023-0002 --dept 规划建设办 --class A --date 2023-05-01
	j reply 2023-0003 --dept 规划建设办 --class B --date 2023-04-10
	j contact 2023-0003 --dept 规划建设办 --date 2023-04-11
}

@test "planted: a contact on the day of the first reply counts; the day after does not" {
	one_day
	run j report --from 2023-01-05 --to 2023-01-05 --as-of 2023-12-31 --format json
	[ "$status" -eq 0 ]
	run jq -c '.cohort.rates.contact' <<<"$output"
	expect_output <<<'{"num":1,"den":2,"percent":50}'
}

@test "planted: a deadline set on the day of the first reply is the one it is held to" {
	one_day
	run j report --from 2023-01-05 --to 2023-01-05 --as-of 2023-12-31 --format json
	[ "$status" -eq 0 ]
	run jq -c '[.cohort.rates.on_time, (.cohort.by_department[] | [.name, .on_time])]' <<<"$output"
	expect_output <<<'[{"num":2,"den":2,"percent":100},["规划建设办",2]]'
}

@test "planted: report --from D --to D counts the suggestions of that one day, exactly" {
	one_day
	run --separate-stderr j report --from 2023-01-05 --to 2023-01-05 --as-of 2023-12-31 --format json
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	run jq -c '[.period, .as_of, .cohort.received, .cohort.assigned, .cohort.replied, .cohort.classes, (.cohort.rates | to_entries | map("\(.key)=\(.value.num)/\(.value.den)"))]' <<<"$output"
	expect_output <<'OUT'
[{"from":"2023-01-05","to":"2023-01-05"},"2023-12-31",2,2,2,{"A":1,"B":1,"C":0,"D":0},["reply=2/2","on_time=2/2","closure=0/2","resolution=2/2","contact=1/2","satisfied=0/0","satisfied_or_basic=0/0","routed_on_time=2/2","signed=0/2","signed_on_time=0/0"]]
OUT
	run --separate-stderr j report --from 2023-01-05 --to 2023-01-05 --as-of 2023-12-31
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[[ "${lines[1]}" == *"(2023-01-05 to 2023-01-05)" ]]
	[[ "$output" == *"  reply rate               100.0% (2/2)"* ]]
	[[ "$output" == *"  contact rate              50.0% (1/2)"* ]]
}

@test "planted: deputy list --all shows the retired deputies; plain list hides them" {
	town >/dev/null
	j deputy retire 李小红
	run j deputy list
	[ "$status" -eq 0 ]
	expect_table <<'OUT'
deputy  level  station  phone        retired
陈大文  town   黄塘     13812342415
王建国  town   -        -
OUT
	run j deputy list --all
	[ "$status" -eq 0 ]
	expect_table <<'OUT'
deputy  level     station  phone        retired
陈大文  town      黄塘     13812342415
李小红  district  源潭     -            yes
王建国  town      -        -
OUT
	run j deputy list --all --format csv
	expect_csv <<'OUT'
name,level,station,phone,retired
陈大文,town,黄塘,13812342415,0
李小红,district,源潭,,1
王建国,town,,,0
OUT
}

@test "planted: HTML escaping of every user value in the report page (repout.c) and its tables (out.c)" {
	export JIANYI_TODAY=2023-12-31
	j init --town '乐平<镇>&"' >/dev/null
	j dept add '规划<b>&"办'
	j station add '黄<i>塘&'
	j add --title '<script>x&"y</script>' --station '黄<i>塘&' \
	    --date 2023-01-05 >/dev/null
	j assign 2023-0001 --dept '规划<b>&"办' --date 2023-01-10
	run --separate-stderr j report --year 2023 --format html -o r.html
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ -z "$stderr" ]
	# The page's own text (repout.c) escapes <, >, &, " and ' (out_html).
	grep -qxF "<title>乐平&lt;镇&gt;&amp;&quot;: deputies&#39; suggestions, annual report(2023)</title>" r.html
	grep -qxF "<h1>乐平&lt;镇&gt;&amp;&quot;: deputies&#39; suggestions, annual report</h1>" r.html
	grep -qF '>规划&lt;b&gt;&amp;&quot;办</text>' r.html
	# The tables (out.c) escape the same, through the same function.
	grep -qxF '<tr><td>黄&lt;i&gt;塘&amp;</td><td class="n">0</td><td class="n">0</td><td class="n">1</td></tr>' r.html
	grep -qxF '<tr><td>2023-0001</td><td>&lt;script&gt;x&amp;&quot;y&lt;/script&gt;</td><td>规划&lt;b&gt;&amp;&quot;办</td><td>2023-04-10</td><td class="n">265</td></tr>' r.html
	# No user value opens a tag, and no bare & is left.
	run grep -cE '<(script|b|i)>|</(script|b|i)>' r.html
	[ "$output" = 0 ]
	run grep -cE '&($|[^a-z#]|[a-z]+[^a-z;])' r.html
	[ "$output" = 0 ]
}

# One suggestion replied (class A) and rated (satisfied), exported.
replied_rated() {
	export JIANYI_TODAY=2023-12-31
	town >/dev/null
	j add --title 路灯 --date 2023-01-05 >/dev/null
	j assign 2023-0001 --dept 规划建设办 --date 2023-01-10
	j reply 2023-0001 --dept 规划建设办 --class A --date 2023-02-01 --text 已修复
	j rate 2023-0001 satisfied --date 2023-02-05
	j export suggestions --header en -o e.csv
	grep -q ',2023-02-01,A,已修复,2023-02-05,satisfied' e.csv
}

@test "planted: an import that differs on the reply class is refused, and --update takes it" {
	replied_rated
	sed 's/,2023-02-01,A,/,2023-02-01,B,/' e.csv >cls.csv
	refused_all 1 import suggestions cls.csv <<'ERR'
jianyi: cls.csv:2: class: the file has 'B', the database 'A' (--update takes the file's)
jianyi: cls.csv: 1 bad row; nothing imported
ERR
	run --separate-stderr j import --update suggestions cls.csv
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	expect_output <<<'cls.csv (UTF-8): 1 row: 0 added, 1 updated, 0 unchanged'
	run j show 2023-0001 --format json
	run jq -c '[.status, .replies, .ratings, .history[-1]]' <<<"$output"
	expect_output <<<'["closed",[{"date":"2023-02-01","department":"规划建设办","class":"B","text":"已修复"}],[{"date":"2023-02-05","rating":"satisfied","note":null}],{"at":"2023-12-31","action":"edited","detail":"reply of 2023-02-01: class B","by":"secretary"}]'
	# The file and the database now agree.
	run j import suggestions cls.csv
	[ "$status" -eq 0 ]
	expect_output <<<'cls.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
}

@test "planted: an import that differs on the rating is refused, and --update takes it" {
	replied_rated
	sed 's/,2023-02-05,satisfied/,2023-02-05,basic/' e.csv >rat.csv
	refused_all 1 import suggestions rat.csv <<'ERR'
jianyi: rat.csv:2: rating: the file has 'basic', the database 'satisfied' (--update takes the file's)
jianyi: rat.csv: 1 bad row; nothing imported
ERR
	run --separate-stderr j import --update suggestions rat.csv
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	expect_output <<<'rat.csv (UTF-8): 1 row: 0 added, 1 updated, 0 unchanged'
	run j show 2023-0001 --format json
	run jq -c '[.status, .replies[0].class, .ratings, .history[-1]]' <<<"$output"
	expect_output <<<'["closed","A",[{"date":"2023-02-05","rating":"basic","note":null}],{"at":"2023-12-31","action":"edited","detail":"rating of 2023-02-05: basically satisfied","by":"secretary"}]'
	run j import suggestions rat.csv
	[ "$status" -eq 0 ]
	expect_output <<<'rat.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
}


# Error paths the suite did not run (issue 11, item 12: make coverage).

@test "export: a path it cannot open, a full device, no table: one line each" {
	town >/dev/null
	j add --title 路灯 --submitter 王小明 --date 2023-01-05 >/dev/null
	: >"$TMP/afile"
	refused 3 "$TMP/afile/x.csv: Not a directory" \
	    export suggestions -o "$TMP/afile/x.csv"
	refused 3 "/dev/full: the disk is full" \
	    export suggestions -o /dev/full
	refused 3 "/dev/full: the disk is full" \
	    export suggestions --with-personal-data -o /dev/full
	refused 2 "expected a table; see 'jianyi export --help'" export
}

@test "import: a GB18030 character cut short at the end of the file is refused at its line" {
	town >/dev/null
	# 编号,接收日期,标题 / 2023-0009,2023-01-05,路灯 and half of a character.
	printf '\xb1\xe0\xba\xc5,\xbd\xd3\xca\xd5\xc8\xd5\xc6\xda,\xb1\xea\xcc\xe2\r\n2023-0009,2023-01-05,\xc2\xb7\xb5\xc6\x81' >cut.csv
	refused 1 "cut.csv:2: the file ends inside a GB18030 character" \
	    import suggestions cut.csv
	printf 'number,received_on,title\r\n2023-0009,2023-01-05,\xc2\xb7\xb5\xc6\r\n2023-0010,2023-01-05,\x81' >cut3.csv
	refused 1 "cut3.csv:3: the file ends inside a GB18030 character" \
	    import suggestions cut3.csv
}

@test "import --update deputies: level, station and phone are changed" {
	town >/dev/null
	printf 'name,level,station,phone\n陈大文,district,源潭,13900001111\n' >dep.csv
	refused_all 1 import deputies dep.csv <<'ERR'
jianyi: dep.csv:2: level: the file has 'district', the database 'town' (--update takes the file's)
jianyi: dep.csv:2: station: the file has '源潭', the database '黄塘' (--update takes the file's)
jianyi: dep.csv:2: phone: the file has '13900001111', the database '13812342415' (--update takes the file's)
jianyi: dep.csv: 1 bad row; nothing imported
ERR
	run --separate-stderr j import --update deputies dep.csv
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	expect_output <<<'dep.csv (UTF-8): 1 row: 0 added, 1 updated, 0 unchanged'
	run j deputy list --format csv
	expect_csv <<'OUT'
name,level,station,phone,retired
陈大文,district,源潭,13900001111,0
李小红,district,源潭,,0
王建国,town,,,0
OUT
}

@test "dept add and show refuse their usage errors" {
	town >/dev/null
	j add --title 路灯 --date 2023-01-05 >/dev/null
	refused 2 "'add' takes one name; see 'jianyi dept --help'" dept add
	refused 2 "'add' takes one name; see 'jianyi dept --help'" dept add 甲 乙
	refused 1 "invalid date '2023-02-30': February 2023 has 28 days" show 2023-0001 --as-of 2023-02-30
	refused 2 "show prints text or json; see 'jianyi show --help'" show 2023-0001 --format csv
}

@test "show lists two cosigners joined by 、" {
	town >/dev/null
	j add --title 路灯 --deputy 陈大文 --cosigner 李小红 --cosigner 王建国 \
	    --date 2023-01-05 >/dev/null
	run j show 2023-0001
	[ "$status" -eq 0 ]
	grep -qx '  cosigners *李小红、王建国' <<<"$output"
}

# Mutants that survived tests/mutate/run, and the tests that kill them.
# Four suggestions of 2023-01-05, assigned on 2023-01-10 (due 2023-04-10):
#  0001 reply A, satisfied; 0002 reply B, basic; 0003 reply C,
#  unsatisfied (rehandled, due 2023-03-02); 0004 not replied.
rated_town() {
	export JIANYI_TODAY=2023-12-31
	town >/dev/null
	for t in 一 二 三 四; do
		j add --title "建议$t" --date 2023-01-05 >/dev/null
	done
	j assign 2023-0001 2023-0002 2023-0003 2023-0004 --dept 规划建设办 \
	    --date 2023-01-10
	j reply 2023-0001 --dept 规划建设办 --class A --date 2023-02-01
	j rate 2023-0001 satisfied --date 2023-02-02
	j reply 2023-0002 --dept 规划建设办 --class B --date 2023-02-01
	j rate 2023-0002 basic --date 2023-02-02
	j reply 2023-0003 --dept 规划建设办 --class C --date 2023-02-01
	j rate 2023-0003 unsatisfied --date 2023-02-02
}

@test "mutants: each rating is counted, and a due date equal to the as-of date is not overdue" {
	rated_town
	run j report --month 2023-01 --as-of 2023-04-10 --format json
	[ "$status" -eq 0 ]
	run jq -c '.cohort | [.overdue, .ratings, .rates.satisfied, .rates.satisfied_or_basic, .by_department, .overdue_list]' <<<"$output"
	expect_output <<'OUT'
[1,{"satisfied":1,"basic":1,"unsatisfied":1},{"num":1,"den":3,"percent":33.3},{"num":2,"den":3,"percent":66.7},[{"name":"规划建设办","assigned":4,"replied":3,"on_time":3,"overdue":1,"rated":3,"satisfied_or_basic":2}],[{"number":"2023-0003","title":"建议三","department":"规划建设办","due":"2023-03-02","days_overdue":39}]]
OUT
	# A day later 0004 is overdue too, by one day.
	run j report --month 2023-01 --as-of 2023-04-11 --format json
	run jq -c '.cohort | [.overdue, (.overdue_list[] | [.number, .days_overdue])]' <<<"$output"
	expect_output <<<'[2,["2023-0003",40],["2023-0004",1]]'
}

@test "mutants: a department that returned a suggestion on the as-of date no longer holds it" {
	rated_town
	j return 2023-0004 --dept 规划建设办 --reason 不属职责 --date 2023-02-01
	j assign 2023-0004 --dept 交通运输办 --date 2023-02-05
	j return 2023-0004 --dept 交通运输办 --reason 不属职责 --date 2023-03-01
	for d in 2023-02-04:'[3,[["规划建设办",3]]]' \
	    2023-02-05:'[4,[["规划建设办",3],["交通运输办",1]]]' \
	    2023-03-01:'[3,[["规划建设办",3]]]'; do
		run j report --month 2023-01 --as-of "${d%%:*}" --format json
		run jq -c '[.cohort.assigned, [.cohort.by_department[] | [.name, .assigned]]]' <<<"$output"
		[ "$output" = "${d#*:}" ] || { echo "as of ${d%%:*}: $output" >&2; return 1; }
	done
}

@test "mutants: an import that changes the lead department or a title is refused; --update takes the title" {
	rated_town
	j export suggestions --header en -o e.csv
	# The department (12th column) and the reply's (24th).
	awk -F, -v OFS=, '/^2023-0001,/ { $12 = "交通运输办"; if ($24 != "") $24 = "交通运输办" } 1' e.csv >d.csv
	refused_all 1 import --update suggestions d.csv <<'ERR'
jianyi: d.csv:2: department: the file has '交通运输办', the database '规划建设办' (return and assign it to change)
jianyi: d.csv: 1 bad row; nothing imported
ERR
	sed 's/,建议一,/,建议壹,/' e.csv >t.csv
	refused_all 1 import suggestions t.csv <<'ERR'
jianyi: t.csv:2: title: the file has '建议壹', the database '建议一' (--update takes the file's)
jianyi: t.csv: 1 bad row; nothing imported
ERR
	run j import --update suggestions t.csv
	[ "$status" -eq 0 ]
	expect_output <<<'t.csv (UTF-8): 4 rows: 0 added, 1 updated, 3 unchanged'
	run j show 2023-0001 --format json
	run jq -c '[.title, .history[-1]]' <<<"$output"
	expect_output <<<'["建议壹",{"at":"2023-12-31","action":"edited","detail":"title: 建议壹","by":"secretary"}]'
}

@test "mutants: import --update edits the latest reply and rating, not the first" {
	rated_town
	j reply 2023-0003 --dept 规划建设办 --class A --date 2023-02-20
	j rate 2023-0003 satisfied --date 2023-02-25
	j export suggestions --header en -o e.csv
	sed 's/^\(2023-0003,.*\),2023-02-20,A,,2023-02-25,satisfied/\1,2023-02-20,B,,2023-02-25,basic/' e.csv >u.csv
	if cmp -s e.csv u.csv; then return 1; fi
	run j import --update suggestions u.csv
	[ "$status" -eq 0 ]
	expect_output <<<'u.csv (UTF-8): 4 rows: 0 added, 1 updated, 3 unchanged'
	run j show 2023-0003 --format json
	run jq -c '[.status, [.replies[] | [.date, .class]], [.ratings[] | [.date, .rating]]]' <<<"$output"
	expect_output <<<'["closed",[["2023-02-01","C"],["2023-02-20","B"]],[["2023-02-02","unsatisfied"],["2023-02-25","basic"]]]'
}

@test "report refuses a stray argument and bad --to and --as-of dates; -o /dev/full is one line, exit 3" {
	town >/dev/null
	j add --title 路灯 --date 2023-01-05 >/dev/null
	refused 2 "unexpected argument 'extra'; see 'jianyi report --help'" report --year 2023 extra
	refused 1 "invalid date '2023-02-30': February 2023 has 28 days" report --year 2023 --as-of 2023-02-30
	refused 1 "invalid date '2023-02-30': February 2023 has 28 days" report --from 2023-01-01 --to 2023-02-30
	refused 3 "/dev/full: the disk is full" report --year 2023 -o /dev/full
	refused 3 "/dev/full: the disk is full" report --year 2023 --format json -o /dev/full
}

@test "import refuses empty required cells, a title too long, a reply without its class, a rating without its date" {
	j init >/dev/null
	j dept add 规划建设办
	long=$(printf '长%.0s' $(seq 201))
	printf 'number,received_on,title,department,assigned_on,due_on,replied_on,class,rated_on,rating\n2023-0001,,路灯,,,,,,,\n2023-0002,2023-01-05,,,,,,,,\n2023-0003,2023-01-05,%s,,,,,,,\n2023-0004,2023-01-05,x,规划建设办,2023-01-10,,2023-02-01,,,\n2023-0005,2023-01-05,x,规划建设办,2023-01-10,,2023-02-01,A,,satisfied\n' "$long" >bad.csv
	refused_all 1 import suggestions bad.csv <<'ERR'
jianyi: bad.csv:2: received_on: required
jianyi: bad.csv:3: title: required
jianyi: bad.csv:4: title: too long (201 characters; at most 200)
jianyi: bad.csv:5: replied_on: needs class
jianyi: bad.csv:6: rating: needs rated_on
jianyi: bad.csv: 5 bad rows; nothing imported
ERR
}

@test "import: a later due_on in the file is an extension, once" {
	export JIANYI_TODAY=2023-12-31
	j init >/dev/null
	j dept add 规划建设办
	printf 'number,received_on,title,department,assigned_on,due_on\n2023-0001,2023-01-05,x,规划建设办,2023-01-10,2023-04-10\n' >a.csv
	j import suggestions a.csv >/dev/null
	sed 's/2023-04-10/2023-06-30/' a.csv >b.csv
	run j import suggestions b.csv
	[ "$status" -eq 0 ]
	expect_output <<<'b.csv (UTF-8): 1 row: 0 added, 1 updated, 0 unchanged'
	run j show 2023-0001 --format json
	run jq -c '[.due, .history[-1]]' <<<"$output"
	expect_output <<<'["2023-06-30",{"at":"2023-12-31","action":"extended","detail":"due: 2023-06-30 (was 2023-04-10): 台账办理期限","by":"secretary"}]'
	run j import suggestions b.csv
	expect_output <<<'b.csv (UTF-8): 1 row: 0 added, 0 updated, 1 unchanged'
}

@test "backup onto a full file system: exit 3, one line, no partial copy left" {
	town >/dev/null
	for t in 一 二 三 四 五 六; do
		j add --title "建议$t" --content "$(printf '内容%.0s' $(seq 500))" \
		    --date 2023-01-05 >/dev/null
	done
	mkdir "$TMP/mnt-full"
	mount -t tmpfs -o size=16k tmpfs "$TMP/mnt-full" 2>/dev/null ||
	    skip "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)"
	before=$(dump)
	run --separate-stderr j backup "$TMP/mnt-full/copy.db"
	left=$(ls -A "$TMP/mnt-full")
	umount -l "$TMP/mnt-full"
	[ -z "$left" ] || { echo "left behind: $left" >&2; return 1; }
	[ "$status" -eq 3 ]
	[ -z "$output" ]
	[[ "$stderr" =~ ^"jianyi: $TMP/mnt-full/copy.db: "[^$'\n']+$ ]]
	[ "$(dump)" = "$before" ]
	run j check
	[ "$output" = ok ]
}

@test "every command on a missing database: one line, exit 1, no file made" {
	export JIANYI_DB="$TMP/none.db"
	msg="no database at '$TMP/none.db'; run 'jianyi init' first"
	while IFS='|' read -r cmd; do
		# shellcheck disable=SC2086
		fails 1 "$msg" $cmd || { echo "in: $cmd" >&2; return 1; }
	done <<'CMDS'
close 2023-0001
dept add 甲
dept list
config set due_months 2
config get due_months
contact 2023-0001 --dept 甲
overdue
reception add --station 黄塘 --visitors 1
reception list
activity add --kind group --title x
activity list
withdraw 2023-0001 --reason x
deputy add 甲
deputy list
station rename 甲 乙
show 2023-0001
rate 2023-0001 basic
CMDS
	[ ! -e "$TMP/none.db" ]
}

@test "bad dates and formats of close, contact, overdue, activity, dept; add --edit with --content" {
	town >/dev/null
	j add --title 路灯 --date 2023-01-05 >/dev/null
	refused 1 "invalid date '2023-02-30': February 2023 has 28 days" close 2023-0001 --date 2023-02-30
	refused 1 "invalid date '2023-02-30': February 2023 has 28 days" contact 2023-0001 --dept 规划建设办 --date 2023-02-30
	refused 2 "invalid format 'pdf' (use text|csv|json)" overdue --format pdf
	refused 2 "invalid format 'pdf' (use text|csv|json)" activity list --format pdf
	refused 2 "invalid format 'pdf' (use text|csv|json)" dept list --format pdf
	refused 2 "--edit and --content cannot be used together; see 'jianyi add --help'" add --title x --edit --content y
}

@test "the messages' language follows LC_ALL, then LC_MESSAGES, then LANG; JIANYI_LANG=zh works in the C locale" {
	j init >/dev/null
	unset JIANYI_LANG
	zh="'add' 只接受一个名称；详见 'jianyi dept --help'"
	en="'add' takes one name; see 'jianyi dept --help'"
	LC_ALL= LC_MESSAGES=zh_CN.UTF-8 refused 2 "$zh" dept add
	LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 refused 2 "$zh" dept add
	LC_ALL= LC_MESSAGES= LANG= refused 2 "$en" dept add
	LC_ALL=zh_CN.UTF-8 LANG=C refused 2 "$zh" dept add
	LC_ALL=C JIANYI_LANG=zh refused 2 "$zh" dept add
	LC_ALL=C.UTF-8 JIANYI_LANG=en LANG=zh_CN.UTF-8 refused 2 "$en" dept add
}

@test "add --edit: a TMPDIR that does not exist, and no editor at all: exit 3, nothing added" {
	j init >/dev/null
	unset VISUAL EDITOR
	TMPDIR="$TMP/nonexistent" run --separate-stderr j add --title x --edit
	[ "$status" -eq 3 ]
	[[ "$stderr" =~ ^"jianyi: $TMP/nonexistent/jianyi-"[A-Za-z0-9]{6}".txt: No such file or directory"$ ]]
	# With neither VISUAL nor EDITOR the editor is vi; here there is none
	# (the shell says so, then jianyi).
	st=0
	err=$(PATH="$TMP/nonexistent" "$JIANYI" add --title x --edit 2>&1 >/dev/null) || st=$?
	[ "$st" -eq 3 ]
	[ "${err##*$'\n'}" = "jianyi: the editor 'vi' failed; nothing was saved" ]
	run j list --format csv
	[ "${#lines[@]}" -eq 1 ]
}

@test "import: a UTF-8 character across the 64 KiB read boundary is read whole (--encoding auto)" {
	j init >/dev/null
	c=$(printf '路%.0s' $(seq 10000))
	{
		printf 'number,received_on,title,content\n'
		for i in 1 2 3; do
			printf '2023-000%d,2023-01-05,t%d,a%s\n' "$i" "$i" "$c"
		done
	} >big.csv
	# Byte 65536 is the middle of a character.
	[ "$(head -c 65536 big.csv | tail -c 2 | od -An -tx1 | tr -d ' ')" = e8b7 ]
	run j import suggestions big.csv --encoding auto
	[ "$status" -eq 0 ]
	expect_output <<<'big.csv (UTF-8): 3 rows: 3 added, 0 updated, 0 unchanged'
	for n in 1 2 3; do
		[ "$(sfield 2023-000$n content)" = "a$c" ] || { echo "row $n differs" >&2; return 1; }
	done
}

@test "mutants: a late reply is not on time, in the totals and for its department" {
	export JIANYI_TODAY=2023-12-31
	town >/dev/null
	j add --title 甲 --date 2023-01-05 >/dev/null
	j add --title 乙 --date 2023-01-05 >/dev/null
	j assign 2023-0001 2023-0002 --dept 规划建设办 --date 2023-01-10
	j reply 2023-0001 --dept 规划建设办 --class A --date 2023-04-10
	j reply 2023-0002 --dept 规划建设办 --class A --date 2023-04-11
	run j report --month 2023-01 --format json --as-of 2023-12-31
	[ "$status" -eq 0 ]
	run jq -c '[.cohort.rates.on_time, (.cohort.by_department[] | [.name, .replied, .on_time])]' <<<"$output"
	expect_output <<<'[{"num":1,"den":2,"percent":50},["规划建设办",2,1]]'
}

@test "mutants: the first reply is the earliest one, for on time and for contacts" {
	rated_town
	# 0003: replied 02-01 (on time), unsatisfied 02-02 (due again
	# 03-02), contacted 02-10, replied again 03-20 (after 03-02).
	j contact 2023-0003 --dept 规划建设办 --date 2023-02-10
	j reply 2023-0003 --dept 规划建设办 --class A --date 2023-03-20
	run j report --month 2023-01 --as-of 2023-12-31 --format json
	[ "$status" -eq 0 ]
	run jq -c '[.cohort.rates.on_time, .cohort.rates.contact]' <<<"$output"
	expect_output <<<'[{"num":3,"den":3,"percent":100},{"num":0,"den":3,"percent":0}]'
}

@test "tests/mutate/run refuses a list that no longer matches the source, before building" {
	printf 'src/base/rate.c\tif (rem * 2 >= den)\tif (rem * 2 > den)\nsrc/base/rate.c\tno such text\tx\nsrc/nofile.c\ta\tb\nsrc/base/rate.c\tjust two fields\n# a comment\n\nsrc/base/rate.c\tif (\tx\nsrc/base/rate.c\t\tan empty original\n' >"$TMP/drift.list"
	run --separate-stderr "$TOP/tests/mutate/run" -l "$TMP/drift.list"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	L=$TMP/drift.list
	[ "$stderr" = "DRIFT    $L:2: 'no such text' occurs 0 times in src/base/rate.c, not once
DRIFT    $L:3: no file src/nofile.c
DRIFT    $L:4: not FILE<TAB>ORIGINAL<TAB>REPLACEMENT
DRIFT    $L:7: 'if (' occurs 5 times in src/base/rate.c, not once
DRIFT    $L:8: not FILE<TAB>ORIGINAL<TAB>REPLACEMENT
mutate: the list no longer matches the source; fix it first" ]
	# The project's own list matches today's source (when src/ changes
	# under a mutant, fix its line in tests/mutate/mutants).
	run "$TOP/tests/mutate/run" -c
	[ "$status" -eq 0 ]
	[[ "$output" =~ ^"mutate: "([0-9]+)" mutants match the source"$ ]]
	[ "${BASH_REMATCH[1]}" -ge 25 ]
}

@test "report: suggestions registered out of date order are each counted once" {
	export JIANYI_TODAY=2023-12-31
	town >/dev/null
	j add --title 甲 --station 黄塘 --category 城建 --date 2023-01-10 >/dev/null
	j add --title 乙 --station 黄塘 --category 城建 --date 2023-01-05 >/dev/null
	j add --title 丙 --category 交通 --date 2023-01-07 >/dev/null
	j assign 2023-0002 --dept 规划建设办 --date 2023-01-11
	run j report --month 2023-01 --format json
	[ "$status" -eq 0 ]
	run jq -c '.cohort | [.received, .assigned, .by_source, .by_station, .by_category]' <<<"$output"
	expect_output <<<'[3,1,{"reception":2,"session":0,"group":0,"online":0,"other":1},[{"name":"黄塘","received":2}],[{"name":"城建","received":2},{"name":"交通","received":1}]]'
}
