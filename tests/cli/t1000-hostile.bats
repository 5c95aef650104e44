#!/usr/bin/env bats
# Hostile input, table-driven: impossible dates, unknown names, wrong
# lifecycle states, hostile text (SQL and format metacharacters, a 10,000
# character title, control characters, invalid UTF-8), bad counts, files
# that are not jianyi databases, and a read-only or full file system. Each
# case asserts the exit status, the one line on stderr, no stdout, and a
# database unchanged (.dump before and after, or the file's bytes).
#
# A table is one case a line, in shell words: STATUS MESSAGE ARGS...
# ($'...' for control bytes; "$TMP" and "$JIANYI_DB" are expanded). Blank
# lines and lines starting with # are skipped.

load helper

teardown() {
	local m
	for m in "$TMP"/mnt-*; do
		if [ -d "$m" ] && mountpoint -q "$m"; then umount -l "$m"; fi
	done
	rm -rf "$TMP"
}

# Runs every case of the table on stdin with `refused`; reports each case
# that fails, and how many ran.
refused_table() {
	local line rows n=0 bad=0
	mapfile -t rows
	for line in "${rows[@]}"; do
		[[ -z "${line//[[:space:]]/}" || "$line" == \#* ]] && continue
		eval "set -- $line"
		n=$((n + 1))
		refused "$@" </dev/null ||
		    { echo "  ^ case $n: $line" >&2; bad=$((bad + 1)); }
	done
	echo "# $n cases, $bad failed" >&2
	[ "$n" -gt 0 ] && [ "$bad" -eq 0 ]
}

# Like refused for a database file that `dump` cannot read: status $1,
# message $2, the file $3 (the database, a directory or a missing path)
# byte for byte as it was, no new file beside it.
refused_db() {
	local want_status=$1 want_msg=$2 db=$3 out err status
	shift 3
	local before after
	before=$( { ls -la "$(dirname "$db")"; [ -f "$db" ] && cksum <"$db"; } 2>&1 | grep -v ' \.\.\?$')
	out=$(JIANYI_DB=$db "$JIANYI" "$@" 2>"$TMP/refused_db.err" </dev/null) &&
	    status=0 || status=$?
	err=$(cat "$TMP/refused_db.err")
	after=$( { ls -la "$(dirname "$db")"; [ -f "$db" ] && cksum <"$db"; } 2>&1 | grep -v ' \.\.\?$')
	[ "$status" = "$want_status" ] ||
	    { echo "status $status, want $want_status; stderr: $err" >&2; return 1; }
	[ "$err" = "jianyi: $want_msg" ] ||
	    { echo "stderr: '$err'" >&2; echo "want:   'jianyi: $want_msg'" >&2; return 1; }
	[ -z "$out" ] || { echo "unexpected stdout: $out" >&2; return 1; }
	[ "$before" = "$after" ] ||
	    { echo "the file or its directory changed:" >&2
	      diff <(echo "$before") <(echo "$after") >&2; return 1; }
}

# The town, and a suggestion in each state:
#   2023-0001 registered (received 2023-01-05)
#   2023-0002 assigned to 规划建设办, co 交通运输办, on 2023-01-10, due 2023-04-10
#   2023-0003 closed; 2023-0004 withdrawn; 农业办 retired.
states() {
	town >/dev/null &&
	j add --title 路灯 --station 黄塘 --deputy 陈大文 --date 2023-01-05 >/dev/null &&
	j add --title 排水 --date 2023-01-06 >/dev/null &&
	j assign 2023-0002 --dept 规划建设办 --co 交通运输办 --date 2023-01-10 &&
	j add --title 道路 --date 2023-01-07 >/dev/null &&
	j assign 2023-0003 --dept 交通运输办 --date 2023-01-10 &&
	j reply 2023-0003 --dept 交通运输办 --class A --date 2023-02-01 &&
	j rate 2023-0003 satisfied --date 2023-02-02 &&
	j add --title 学校 --date 2023-01-08 >/dev/null &&
	j withdraw 2023-0004 --reason 撤回 --date 2023-01-09 &&
	j dept add 农业办 && j dept retire 农业办
}

@test "impossible and malformed dates are refused, in every command that takes one" {
	states
	refused_table <<'CASES'
1 "invalid date '2022-02-30': February 2022 has 28 days" add --title x --date 2022-02-30
1 "invalid date '2023-02-29': February 2023 has 28 days" add --title x --date 2023-02-29
1 "invalid date '2023-13-01' (use YYYY-MM-DD)" add --title x --date 2023-13-01
1 "invalid date '2023-00-10' (use YYYY-MM-DD)" add --title x --date 2023-00-10
1 "invalid date '2023-1-32' (use YYYY-MM-DD)" add --title x --date 2023-1-32
1 "date '0000-01-01' is outside the dates kept (1900-01-01 to 9999-12-31)" add --title x --date 0000-01-01
1 "date '1899-12-31' is outside the dates kept (1900-01-01 to 9999-12-31)" add --title x --date 1899-12-31
1 "invalid date '10000-01-01' (use YYYY-MM-DD)" add --title x --date 10000-01-01
1 "invalid date '2023-01-01x' (use YYYY-MM-DD)" add --title x --date 2023-01-01x
1 "invalid date '2023-7/5' (use YYYY-MM-DD)" add --title x --date 2023-7/5
1 "invalid date '２０２３-01-01' (use YYYY-MM-DD)" add --title x --date ２０２３-01-01
1 "invalid date '44747' (use YYYY-MM-DD)" add --title x --date 44747
1 "invalid date 'tomorrow' (use YYYY-MM-DD)" add --title x --date tomorrow
1 "invalid date '' (use YYYY-MM-DD)" add --title x --date ''
1 "date 2023-04-01 is after today (2023-03-31)" add --title x --date 2023-04-01
1 "invalid date '2023-02-30': February 2023 has 28 days" assign 2023-0001 --dept 规划建设办 --due 2023-02-30
1 "invalid date '2023-06-31': June 2023 has 30 days" extend 2023-0002 --due 2023-06-31 --reason x --approved-by 镇长
1 "invalid date '2023-02-29': February 2023 has 28 days" reply 2023-0002 --dept 规划建设办 --class A --date 2023-02-29
1 "invalid date '2023-02-29': February 2023 has 28 days" activity add --kind group --title x --date 2023-02-29
1 "invalid date '2023-02-29': February 2023 has 28 days" reception add --station 黄塘 --visitors 1 --date 2023-02-29
1 "invalid date '2023-02-29': February 2023 has 28 days" overdue --as-of 2023-02-29
1 "invalid date '2023-02-30': February 2023 has 28 days" list --as-of 2023-02-30
1 "invalid month '2023-13' (use YYYY-MM)" list --month 2023-13
1 "invalid month '2023-02-30' (use YYYY-MM)" report --month 2023-02-30
1 "invalid year '99999' (use YYYY)" report --year 99999
1 "the period ends (2023-01-01) before it begins (2023-03-01)" report --from 2023-03-01 --to 2023-01-01
1 "assignment date 2023-01-01 is before the date it was received (2023-01-05)" assign 2023-0001 --dept 规划建设办 --date 2023-01-01
1 "reply date 2023-01-09 is before the assignment (2023-01-10)" reply 2023-0002 --dept 规划建设办 --class A --date 2023-01-09
1 "withdrawal date 2023-01-01 is before the date it was received (2023-01-05)" withdraw 2023-0001 --reason x --date 2023-01-01
1 "deadline 2022-01-01 is before the assignment (2023-03-31)" assign 2023-0001 --dept 规划建设办 --due 2022-01-01
1 "new deadline 2023-02-01 is not later than the one in force (2023-04-10)" extend 2023-0002 --due 2023-02-01 --reason x --approved-by 镇长
CASES
}

@test "unknown names are refused with the closest known name" {
	states
	refused_table <<'CASES'
1 "unknown station '黄糖'; did you mean '黄塘'?" add --title x --station 黄糖
1 "unknown deputy '陈大'; did you mean '陈大文'?" add --title x --deputy 陈大
1 "unknown deputy '不存在'" add --title x --cosigner 不存在
1 "unknown department '规划建设'; did you mean '规划建设办'?" assign 2023-0001 --dept 规划建设
1 "unknown department '交通办'; did you mean '交通运输办'?" assign 2023-0001 --dept 规划建设办 --co 交通办
1 "department '农业办' is retired" assign 2023-0001 --dept 农业办
1 "unknown station '不存在'" reception add --station 不存在 --visitors 3
1 "unknown deputy '不存在'" reception add --station 黄塘 --visitors 3 --deputy 不存在
1 "unknown station '不存在'" station retire 不存在
1 "station '源潭' already exists" station rename 黄塘 源潭
1 "department '交通运输办' already exists" dept rename 规划建设办 交通运输办
1 "deputy '陈大文' already exists" deputy add 陈大文
1 "'陈大文' is the lead deputy and cannot also cosign" add --title x --deputy 陈大文 --cosigner 陈大文
1 "no suggestion numbered '2023-0099'" assign 2023-0099 --dept 规划建设办
1 "no suggestion numbered '2023-0099'" assign 2023-0001 2023-0099 --dept 规划建设办
1 "no suggestion numbered '2023-1'" show 2023-1
1 "no suggestion numbered ''" show ''
1 "no suggestion numbered '2023-99999999999999999999'" show 2023-99999999999999999999
1 "no suggestion numbered '2023-0099'" log 2023-0099
1 "'社会事务办' is not handling '2023-0002' (the lead department is '规划建设办')" return 2023-0002 --dept 社会事务办 --reason x
1 "department '规划建设办' is named twice" assign 2023-0001 --dept 规划建设办 --co 规划建设办
1 "unknown setting 'bogus' (use town|due_months|rehandle_months|complex_due_months|max_extensions|max_extend_months|max_due_months|similar_percent|route_workdays|sign_workdays|return_workdays|co_due_months)" config set bogus 1
2 "unknown command 'asign'; did you mean 'assign'?" asign 2023-0001
2 "unknown table 'bogus'; see 'jianyi import --help'" import bogus x.csv
2 "unknown table 'stations' (use suggestions|receptions|activities); see 'jianyi export --help'" export stations
CASES
}

@test "commands in the wrong lifecycle state are refused" {
	states
	refused_table <<'CASES'
1 "cannot record a reply for '2023-0001': it is registered" reply 2023-0001 --dept 规划建设办 --class A
1 "cannot rate '2023-0001': it is registered" rate 2023-0001 satisfied
1 "cannot close '2023-0001': it is registered" close 2023-0001
1 "cannot extend '2023-0001': it is registered" extend 2023-0001 --due 2023-12-01 --reason x --approved-by 镇长
1 "cannot return '2023-0001': it is registered" return 2023-0001 --dept 规划建设办 --reason x
1 "cannot record a contact for '2023-0001': it is registered" contact 2023-0001 --dept 规划建设办
1 "cannot rate '2023-0002': it is assigned" rate 2023-0002 satisfied
1 "'交通运输办' is a co-handling department of '2023-0002'; the reply comes from the lead department '规划建设办'" reply 2023-0002 --dept 交通运输办 --class A
1 "cannot record a reply for '2023-0003': it is closed" reply 2023-0003 --dept 交通运输办 --class A
1 "cannot rate '2023-0003': it is closed" rate 2023-0003 unsatisfied
1 "cannot assign '2023-0003': it is closed" assign 2023-0003 --dept 规划建设办
1 "cannot withdraw '2023-0003': it is closed" withdraw 2023-0003 --reason x
1 "cannot return '2023-0003': it is closed" return 2023-0003 --dept 交通运输办 --reason x
1 "cannot extend '2023-0003': it is closed" extend 2023-0003 --due 2023-12-01 --reason x --approved-by 镇长
1 "cannot withdraw '2023-0004': it is withdrawn" withdraw 2023-0004 --reason x
1 "cannot assign '2023-0004': it is withdrawn" assign 2023-0004 --dept 规划建设办
1 "cannot close '2023-0004': it is withdrawn" close 2023-0004
CASES
	# A routing meeting's batch is one transaction: the good number
	# stays registered when another is refused.
	[ "$(sfield 2023-0001 status)" = registered ]
}

@test "bad vocabulary words and counts: negative, overflowing, not numbers" {
	states
	refused_table <<'CASES'
1 "invalid --visitors '-1' (use a whole number from 0 to 2147483647)" reception add --station 黄塘 --visitors -1
1 "invalid --visitors '2147483648' (use a whole number from 0 to 2147483647)" reception add --station 黄塘 --visitors 2147483648
1 "invalid --visitors '9223372036854775807' (use a whole number from 0 to 2147483647)" reception add --station 黄塘 --visitors 9223372036854775807
1 "invalid --visitors '18446744073709551616' (use a whole number from 0 to 2147483647)" reception add --station 黄塘 --visitors 18446744073709551616
1 "invalid --visitors '99999999999999999999999999999999' (use a whole number from 0 to 2147483647)" reception add --station 黄塘 --visitors 99999999999999999999999999999999
1 "invalid --visitors '1e3' (use a whole number from 0 to 2147483647)" reception add --station 黄塘 --visitors 1e3
1 "invalid --visitors '0x10' (use a whole number from 0 to 2147483647)" reception add --station 黄塘 --visitors 0x10
1 "invalid --visitors '+3' (use a whole number from 0 to 2147483647)" reception add --station 黄塘 --visitors +3
1 "invalid --visitors '3 4' (use a whole number from 0 to 2147483647)" reception add --station 黄塘 --visitors '3 4'
1 "invalid --visitors '' (use a whole number from 0 to 2147483647)" reception add --station 黄塘 --visitors ''
1 "invalid --participants '-5' (use a whole number from 0 to 2147483647)" activity add --kind group --title x --participants -5
1 "invalid --limit '-1' (use a whole number from 0 to 2147483647)" list --limit -1
1 "invalid --limit '99999999999999999999' (use a whole number from 0 to 2147483647)" log --limit 99999999999999999999
1 "invalid due_months '0' (use a whole number from 1 to 24)" config set due_months 0
1 "invalid due_months '25' (use a whole number from 1 to 24)" config set due_months 25
1 "invalid due_months '99999999999' (use a whole number from 1 to 24)" config set due_months 99999999999
1 "invalid rehandle_months '1x' (use a whole number from 1 to 12)" config set rehandle_months 1x
2 "unknown option '-3'; see 'jianyi config --help'" config set due_months -3
1 "invalid class 'E' (use A|B|C|D)" reply 2023-0002 --dept 规划建设办 --class E
1 "invalid rating 'great' (use satisfied|basic|unsatisfied)" rate 2023-0002 great
1 "invalid source '网上x' (use reception|session|group|online|other)" add --title x --source 网上x
1 "invalid kind 'party' (use group|inspection|survey|training|session)" activity add --kind party --title x
1 "invalid level 'king' (use town|district|city)" deputy add 张三 --level king
1 "invalid status 'bogus' (use registered|assigned|replied|rehandling|closed|withdrawn|not_accepted)" list --status bogus
1 "invalid phone number '12ab'" add --title x --phone 12ab
1 "invalid phone number '1111111111111111111111111111111'" add --title x --phone 1111111111111111111111111111111
2 "invalid format 'xml' (use text|csv|json)" list --format xml
CASES
}

@test "hostile text: too long, control characters, invalid UTF-8, empty" {
	states
	long=$(printf '%*s' 10000 '' | tr ' ' a)
	refused 1 "title is too long (10000 characters; at most 200)" add --title "$long"
	refused 1 "content is too long (20001 characters; at most 20000)" \
	    add --title x --content "$(printf '路%.0s' $(seq 20001))"
	refused 1 "name is too long (61 characters; at most 60)" \
	    station add "$(printf '%*s' 61 '' | tr ' ' x)"
	refused_table <<'CASES'
1 "title has a control character" add --title $'a\tb'
1 "title has a control character" add --title $'a\nb'
1 "title has a control character" add --title $'a\rb'
1 "title has a control character" add --title $'\e[2J\e[Hcleared'
1 "title has a control character" add --title $'a\x7fb'
1 "title has a control character" add --title $'a\xc2\x9bb'
1 "content has a control character" add --title x --content $'a\x01b'
1 "submitter has a control character" add --title x --submitter $'王\x7f'
1 "name has a control character" dept add $'a\rb'
1 "name has a control character" station add $'\x1b]0;title\x07'
1 "town has a control character" config set town $'a\x07'
1 "reason has a control character" withdraw 2023-0001 --reason $'x\x1b'
1 "title is not valid UTF-8" add --title $'\xff\xfe'
1 "title is not valid UTF-8" add --title $'\xe8\xb7'
1 "title is not valid UTF-8" add --title $'\xc0\xaf'
1 "title is not valid UTF-8" add --title $'\xed\xa0\x80'
1 "title is not valid UTF-8" add --title $'\xf4\x90\x80\x80'
1 "name is not valid UTF-8" station add $'a\xffb'
1 "category is not valid UTF-8" add --title x --category $'\xc3'
1 "reason is not valid UTF-8" return 2023-0002 --dept 规划建设办 --reason $'\x80'
1 "title must not be empty" add --title ''
1 "title must not be empty" add --title '   '
1 "name must not be empty" station add ''
1 "title must not be empty" activity add --kind group --title ''
CASES
}

@test "hostile text on standard input (--content -) is refused too" {
	states
	before=$(dump)
	run sh -c 'printf "a\377b" | "$JIANYI" add --title x --content -'
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: content is not valid UTF-8" ]
	run sh -c 'printf "a\033b" | "$JIANYI" add --title x --content -'
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: content has a control character" ]
	[ "$(dump)" = "$before" ]
}

@test "SQL and format metacharacters are stored verbatim, never run" {
	states
	sql="'); DROP TABLE suggestion;--"
	n=$(j add --title "$sql" --content "\"; DELETE FROM event; /* %s%n */" \
	    --category "' OR '1'='1" --submitter "Robert'); --" --date 2023-01-05)
	[ "$n" = 2023-0005 ]
	[ "$(sfield "$n" title)" = "$sql" ]
	[ "$(sfield "$n" content)" = "\"; DELETE FROM event; /* %s%n */" ]
	[ "$(sfield "$n" category)" = "' OR '1'='1" ]
	# A name holds no list separator (;), so no statement can follow.
	j station add "x' OR 1=1 DELETE FROM station--" --village '%n%n%n%s'
	j dept add 'a"b'\''c--'
	j deputy add '$1 ?1 :name @p'
	j assign "$n" --dept 'a"b'\''c--' --handler "'; UPDATE suggestion SET status='closed';--" \
	    --date 2023-01-06
	j reply "$n" --dept 'a"b'\''c--' --class A --text "');DROP TABLE reply;--" \
	    --date 2023-01-07
	# Every table is there, every row intact.
	[ "$(sqlite3 "$JIANYI_DB" "SELECT count(*) FROM suggestion")" = 5 ]
	[ "$(sqlite3 "$JIANYI_DB" "SELECT count(*) FROM station")" = 4 ]
	[ "$(sfield "$n" status)" = replied ]
	[ "$(sfield "$n" 'replies[0].text')" = "');DROP TABLE reply;--" ]
	[ "$(sfield "$n" 'departments[0].name')" = 'a"b'\''c--' ]
	run j station list --format csv
	[[ "$output" == *"x' OR 1=1 DELETE FROM station--,%n%n%n%s"* ]]
	run j deputy list --format json
	[ "$(jq -r '.[-1].name' <<<"$output")" = '$1 ?1 :name @p' ]
	run j list --format json
	[ "$(jq -r '.[-1].title' <<<"$output")" = "$sql" ]
	run j check
	[ "$output" = ok ]
	# As a filter it is a name like any other: unknown, refused.
	refused 1 "unknown station '' OR '1'='1'" list --station "' OR '1'='1"
	refused 1 "no suggestion numbered '%s%n%s%n'" show '%s%n%s%n'
}

@test "files that are not jianyi databases are refused and left alone" {
	states
	D=$TMP/files
	mkdir "$D"
	sqlite3 "$D/other.db" "CREATE TABLE x(a); INSERT INTO x VALUES (1)"
	: >"$D/empty.db"
	printf 'hello\n' >"$D/text.db"
	cp "$JIANYI_DB" "$D/newer.db"
	sqlite3 "$D/newer.db" "PRAGMA user_version = 99"
	cp "$JIANYI_DB" "$D/foreign.db"
	sqlite3 "$D/foreign.db" "PRAGMA application_id = 1"
	head -c 2000 "$JIANYI_DB" >"$D/truncated.db"
	mkdir "$D/adir"
	refused_db 1 "'$D/other.db' is not a jianyi database" "$D/other.db" list
	refused_db 1 "'$D/other.db' is not a jianyi database" "$D/other.db" add --title x
	refused_db 1 "'$D/empty.db' is an empty file, not a jianyi database" "$D/empty.db" add --title x
	refused_db 1 "'$D/text.db' is not a jianyi database" "$D/text.db" list
	refused_db 1 "'$D/newer.db' was written by a newer jianyi (schema 99; this program knows 8)" \
	    "$D/newer.db" add --title x
	refused_db 1 "'$D/newer.db' was written by a newer jianyi (schema 99; this program knows 8)" \
	    "$D/newer.db" list
	refused_db 1 "'$D/foreign.db' is not a jianyi database" "$D/foreign.db" list
	refused_db 1 "'$D/truncated.db' is not a jianyi database" "$D/truncated.db" check
	refused_db 1 "'$D/adir' is not a regular file" "$D/adir" list
	refused_db 1 "'$D/adir' already exists; not overwriting it" "$D/adir" init
	refused_db 1 "no database at '$D/no/such/dir/t.db'; run 'jianyi init' first" \
	    "$D/no/such/dir/t.db" list
	# init makes missing folders (issue 12); under a file it cannot.
	: >"$D/afile"
	refused_db 3 "$D/afile/dir: Not a directory" \
	    "$D/afile/dir/t.db" init
	[ ! -e "$D/no" ]
}

@test "hostile CSV files are refused whole" {
	states
	F="$BATS_TEST_DIRNAME/../fixtures"
	head -c 4096 /dev/urandom >"$TMP/random.csv"
	printf '\xef\xbb\xbf编号,接收日期,标题\r\n2023-0009,2023-02-30,x\r\n' >"$TMP/baddate.csv"
	printf 'number,received_on,title\n2023-0100,2023-01-05,路灯\n2023-0100,2023-01-05,路灯\n' >"$TMP/dup.csv"
	refused_table <<CASES
1 "$F/unknown-header.csv:1: unknown header 'colour' (known: number, received_on, station, source, title, content, category, submitter, phone, lead_deputy, cosigners, department, co_departments, assigned_on, due_on, replied_on, class, reply, rated_on, rating, handler, contacts, note, reply_department, signed, supervisor, supervised_on, merged_into, not_accepted, recurring, no); --skip-unknown-columns imports the other columns" import suggestions "$F/unknown-header.csv"
1 "$F/unterminated.csv:2: the file ends inside a quoted field" import suggestions "$F/unterminated.csv"
1 "$F/empty.csv: empty file; expected a header row" import suggestions "$F/empty.csv"
1 "$F/ledger-states.csv:1: unknown header '接收日期' (known: 编号、日期、联络站、接待人次、接待代表、备注、序号); --skip-unknown-columns imports the other columns" import receptions "$F/ledger-states.csv"
1 "$TMP: Is a directory" import suggestions "$TMP"
1 "$TMP/missing.csv: No such file or directory" import suggestions "$TMP/missing.csv"
2 "expected a table and a FILE; see 'jianyi import --help'" import suggestions
CASES
	# Random bytes: the line and byte vary, the form does not.
	before=$(dump)
	run --separate-stderr j import suggestions "$TMP/random.csv"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[[ "$stderr" =~ ^"jianyi: $TMP/random.csv:"[0-9]+": "[^$'\n']+$ ]]
	[ "$(dump)" = "$before" ]
	refused_all 1 import suggestions "$TMP/baddate.csv" <<ERR
jianyi: $TMP/baddate.csv:2: 接收日期: invalid date '2023-02-30'
jianyi: $TMP/baddate.csv: 1 bad row; nothing imported
ERR
	run --separate-stderr j import suggestions "$JIANYI_DB"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[[ "$stderr" =~ ^"jianyi: $JIANYI_DB:"[0-9]+": "[^$'\n']+$ ]]
	[ "$(dump)" = "$before" ]
	refused_all 1 import suggestions "$TMP/dup.csv" <<ERR
jianyi: $TMP/dup.csv:3: number: '2023-0100' appears twice in the file (line 2)
jianyi: $TMP/dup.csv: 1 bad row; nothing imported
ERR
}

# Mounts a small tmpfs at $TMP/mnt-NAME (size $2); skips the test where
# the sandbox does not allow it.
tmpfs_or_skip() {
	local m=$TMP/mnt-$1
	mkdir -p "$m"
	mount -t tmpfs -o "size=$2,mode=0755" tmpfs "$m" 2>/dev/null ||
	    skip "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)"
	MNT=$m
}

@test "a read-only file system: writes refused (exit 3, plainly), nothing changed" {
	states
	tmpfs_or_skip ro 4m
	cp "$JIANYI_DB" "$MNT/t.db"
	mount -o remount,ro "$MNT" || skip "cannot remount the tmpfs read-only"
	# Root writes through chmod 444; a read-only mount stops even root.
	run ! touch "$MNT/probe"
	refused_db 3 "$MNT/t.db: the database is read-only" "$MNT/t.db" \
	    add --title x --date 2023-01-05
	refused_db 3 "$MNT/t.db: the database is read-only" "$MNT/t.db" \
	    assign 2023-0001 --dept 规划建设办
	refused_db 3 "$MNT/x.db: Read-only file system" "$MNT/x.db" init
	cmp "$JIANYI_DB" "$MNT/t.db"
}

@test "a read-only file system: the database can still be read" {
	states
	want=$(j list --format csv)
	tmpfs_or_skip ro 4m
	cp "$JIANYI_DB" "$MNT/t.db"
	mount -o remount,ro "$MNT" || skip "cannot remount the tmpfs read-only"
	run j --db "$MNT/t.db" list --format csv
	# Reading from a CD or a write-protected stick: either it works, or
	# it says why plainly (not "not a jianyi database").
	if [ "$status" -eq 0 ]; then
		[ "$output" = "$want" ]
	else
		[ "$status" -eq 3 ]
		[ "$output" = "jianyi: $MNT/t.db: the database is read-only" ]
	fi
}

@test "a full disk: an import that does not fit is refused whole (exit 3)" {
	town >/dev/null
	j add --title 路灯 --date 2023-01-05 >/dev/null
	python3 "$BATS_TEST_DIRNAME/../stress/gen-ledger.py" 3000 >"$TMP/big.csv"
	tmpfs_or_skip full 1m
	cp "$JIANYI_DB" "$MNT/t.db"
	# Leave some room, less than the import needs.
	dd if=/dev/zero of="$MNT/filler" bs=4k count=$(( (1024 - 400) / 4 )) 2>/dev/null
	export JIANYI_DB=$MNT/t.db
	refused 3 "$MNT/t.db: the disk is full" import suggestions "$TMP/big.csv" --quiet
	[ "$(j list --format csv | wc -l)" -eq 2 ]
	run j check
	[ "$output" = ok ]
	# A backup that does not fit leaves no half file behind.
	dd if=/dev/zero of="$MNT/filler2" bs=4k 2>/dev/null || true
	truncate -s -64K "$MNT/filler2"
	run j backup "$MNT/copy.db"
	[ "$status" -eq 3 ]
	[ ! -e "$MNT/copy.db" ]
}

@test "a full disk: no room at all is 'the disk is full' (exit 3), nothing changed" {
	states
	tmpfs_or_skip full 1m
	cp "$JIANYI_DB" "$MNT/t.db"
	dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null || true
	cp "$MNT/t.db" "$TMP/copy.db"
	run env JIANYI_DB="$MNT/t.db" "$JIANYI" add --title x --date 2023-01-05
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: $MNT/t.db: the disk is full" ]
	run "$JIANYI" --db "$MNT/new.db" init
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: $MNT/new.db: the disk is full" ]
	[ ! -e "$MNT/new.db" ]
	cmp "$MNT/t.db" "$TMP/copy.db"
}

@test "export -o onto the database itself is refused, the database kept" {
	states
	cp "$JIANYI_DB" "$TMP/keep.db"
	refused 1 "'$JIANYI_DB' is the database; not overwriting it" \
	    export suggestions -o "$JIANYI_DB"
	cd "$(dirname "$JIANYI_DB")"
	refused 1 "'./$(basename "$JIANYI_DB")' is the database; not overwriting it" \
	    export suggestions -o "./$(basename "$JIANYI_DB")"
	ln -s "$JIANYI_DB" "$TMP/link.db"
	refused 1 "'$TMP/link.db' is the database; not overwriting it" \
	    export receptions -o "$TMP/link.db"
	run j check
	[ "$output" = ok ]
}

@test "export -o onto the database's -wal or -shm file is refused (they exist only while it is open)" {
	states
	[ ! -e "$JIANYI_DB-wal" ]
	[ ! -e "$JIANYI_DB-shm" ]
	# Was: SIGBUS (exit 135), the -shm file truncated under SQLite's map.
	refused 1 "'$JIANYI_DB-shm' is the database; not overwriting it" \
	    export suggestions -o "$JIANYI_DB-shm"
	# Was: exit 0, and the export gone: SQLite deletes the -wal on close.
	refused 1 "'$JIANYI_DB-wal' is the database; not overwriting it" \
	    export suggestions -o "$JIANYI_DB-wal"
	run j check
	[ "$output" = ok ]
}

@test "report -o into a missing directory is an I/O failure (exit 3), not a crash" {
	states
	# Was: the message, then SIGSEGV (exit 139): fclose(NULL) in
	# cmd-report.c. Found by fuzz_cli (report --year 2020 -o2022/7/5y).
	refused 3 "$TMP/no/r.txt: No such file or directory" \
	    report --year 2023 -o "$TMP/no/r.txt"
	refused 3 "$TMP/no/r.html: No such file or directory" \
	    report --year 2023 --format html -o "$TMP/no/r.html"
	refused 3 "$TMP/no/r.md: No such file or directory" \
	    report --year 2023 --narrative -o "$TMP/no/r.md"
	[ ! -e "$TMP/no" ]
}

@test "report --format xlsx -o into a missing directory: exit 3, one line on stderr" {
	states
	out=$(j report --year 2023 --format xlsx -o "$TMP/no/r.xlsx" 2>"$TMP/err") &&
	    status=0 || status=$?
	[ "$status" -eq 3 ]
	[ -z "$out" ]
	# libxlsxwriter's own "[ERROR] workbook_close(): ..." must not be
	# shown besides jianyi's line.
	[ "$(wc -l <"$TMP/err")" -eq 1 ] || { cat "$TMP/err" >&2; return 1; }
	[[ "$(cat "$TMP/err")" == "jianyi: $TMP/no/r.xlsx: "* ]]
}
