#!/usr/bin/env bats
# 13.4: the history is data: each event's detail is a JSON object of keys
# and values, shown by log and show in the reader's language; the text
# that earlier versions wrote is read back by migration 3.

load helper

# Every kind of change, dated in March 2023.
changes() {
	j init --town 乐平镇 >/dev/null &&
	j station add 黄塘 --village 黄塘村 &&
	j dept add 规划建设办 &&
	j dept add 交通运输办 &&
	j deputy add 陈大文 --station 黄塘 --phone 13812342415 &&
	j station rename 黄塘 黄塘站 &&
	j reception add --station 黄塘站 --date 2023-03-03 --visitors 4 &&
	j activity add --kind survey --date 2023-03-04 --title 调研路灯 &&
	j config set due_months 2 &&
	j add --title 路灯 --date 2023-03-01 --station 黄塘站 --deputy 陈大文 >/dev/null &&
	j assign 2023-0001 --dept 规划建设办 --co 交通运输办 --handler 张三 --date 2023-03-02 &&
	j contact 2023-0001 --dept 规划建设办 --method visit --note 现场查看 --date 2023-03-05 &&
	j extend 2023-0001 --due 2023-06-30 --reason 需要预算 --date 2023-03-06 --approved-by 镇长 &&
	j return 2023-0001 --dept 交通运输办 --reason 不属本办 --date 2023-03-07 &&
	j reply 2023-0001 --dept 规划建设办 --class B --date 2023-03-10 &&
	j rate 2023-0001 unsatisfied --note 太慢 --date 2023-03-11 &&
	j add --title 排水 --date 2023-03-02 >/dev/null &&
	j withdraw 2023-0002 --reason 重复 --date 2023-03-03
}

@test "13.4: each detail is stored as a JSON object of keys, never as words of a language" {
	JIANYI_LANG=zh changes
	run sqlite3 "$JIANYI_DB" 'SELECT detail FROM event ORDER BY id'
	expect_output <<-'EOF'
	{"key":"town","value":"乐平镇"}
	{"added":"黄塘"}
	{"added":"规划建设办"}
	{"added":"交通运输办"}
	{"added":"陈大文"}
	{"renamed":"黄塘","to":"黄塘站"}
	{"station":"黄塘站","visitors":4}
	{"kind":"survey","title":"调研路灯"}
	{"key":"due_months","value":"2"}
	{"source":"reception","station":"黄塘站","lead_deputy":"陈大文"}
	{"lead":"规划建设办","co":["交通运输办"],"due":"2023-05-02","handler":"张三"}
	{"dept":"规划建设办","method":"visit","note":"现场查看"}
	{"due":"2023-06-30","was":"2023-05-02","reason":"需要预算","approved_by":"镇长"}
	{"dept":"交通运输办","role":"co","reason":"不属本办"}
	{"dept":"规划建设办","class":"B"}
	{"rating":"unsatisfied","due":"2023-04-11","note":"太慢"}
	{"source":"other"}
	{"reason":"重复"}
	EOF
	# The deputy's phone number is in no detail.
	[ "$(sqlite3 "$JIANYI_DB" "SELECT count(*) FROM event WHERE detail LIKE '%13812342415%'")" = 0 ]
}

@test "13.4: log shows the history in English to an English reader, whoever wrote it" {
	JIANYI_LANG=zh changes
	run j log --all
	[ "$status" -eq 0 ]
	expect_output <<-'EOF'
	date        number     action      detail                                                            by
	2023-03-31  -          setting     town = 乐平镇                                                     secretary
	2023-03-31  -          station     added '黄塘'                                                      secretary
	2023-03-31  -          department  added '规划建设办'                                                secretary
	2023-03-31  -          department  added '交通运输办'                                                secretary
	2023-03-31  -          deputy      added '陈大文'                                                    secretary
	2023-03-31  -          station     renamed '黄塘' to '黄塘站'                                        secretary
	2023-03-03  -          reception   黄塘站: 4                                                         secretary
	2023-03-04  -          activity    survey: 调研路灯                                                  secretary
	2023-03-31  -          setting     due_months = 2                                                    secretary
	2023-03-01  2023-0001  registered  source: reception; station: 黄塘站; lead deputy: 陈大文           secretary
	2023-03-02  2023-0001  assigned    lead: 规划建设办; co: 交通运输办; due: 2023-05-02; handler: 张三  secretary
	2023-03-05  2023-0001  contact     规划建设办, visit: 现场查看                                       secretary
	2023-03-06  2023-0001  extended    due: 2023-06-30 (was 2023-05-02): 需要预算; approved by 镇长      secretary
	2023-03-07  2023-0001  returned    交通运输办 (co): 不属本办                                         secretary
	2023-03-10  2023-0001  replied     规划建设办, class B                                               secretary
	2023-03-11  2023-0001  rated       unsatisfied; rehandling, due: 2023-04-11: 太慢                    secretary
	2023-03-02  2023-0002  registered  source: other                                                     secretary
	2023-03-03  2023-0002  withdrawn   重复                                                              secretary
	EOF
}

@test "13.4: log and show speak Chinese to a Chinese reader, whoever wrote it" {
	changes
	JIANYI_LANG=zh run j log 2023-0001
	[ "$status" -eq 0 ]
	expect_output <<-'EOF'
	日期        编号       操作      详情                                                                        操作人
	2023-03-01  2023-0001  已登记    来源：接待；联络站：黄塘站；领衔代表：陈大文                                secretary
	2023-03-02  2023-0001  已交办    主办：规划建设办；协办：交通运输办；办理期限：2023-05-02；办理责任人：张三  secretary
	2023-03-05  2023-0001  办前沟通  规划建设办，走访：现场查看                                                  secretary
	2023-03-06  2023-0001  已延期    办理期限 2023-06-30（原为 2023-05-02）：需要预算；批准：镇长                secretary
	2023-03-07  2023-0001  已退回    交通运输办（协办）：不属本办                                                secretary
	2023-03-10  2023-0001  已答复    规划建设办，B类                                                             secretary
	2023-03-11  2023-0001  已测评    不满意；重新办理，期限：2023-04-11：太慢                                    secretary
	EOF
	JIANYI_LANG=zh run j log --all
	[[ "${lines[6]}" == *"联络站    “黄塘”更名为“黄塘站”"* ]] || return 1
	[[ "${lines[7]}" == *"进站接待  黄塘站：4"* ]] || return 1
	[[ "${lines[8]}" == *"代表活动  调研：调研路灯"* ]] || return 1
	JIANYI_LANG=zh run j show 2023-0001
	[[ $output == *"    2023-03-02  已交办      主办：规划建设办；协办：交通运输办；办理期限：2023-05-02；办理责任人：张三"* ]] || return 1
	run j show 2023-0001 --format json
	[ "$(jq -r '.history[1].detail' <<<"$output")" = "lead: 规划建设办; co: 交通运输办; due: 2023-05-02; handler: 张三" ]
}

@test "13.4: a reply without text is shown as its line alone" {
	changes
	j add --title 桥 --date 2023-03-01 >/dev/null
	j assign 2023-0003 --dept 交通运输办 --date 2023-03-02
	j reply 2023-0003 --dept 交通运输办 --class C --date 2023-03-09
	run j show 2023-0003
	[[ $output == *$'\n  reply 2023-03-09, 交通运输办, class C\n\n  history\n'* ]] || return 1
}

# An earlier version's database: user_version 2, and each detail the
# text it wrote, in the language of whoever typed the command.
legacy() {
	schema7
	sqlite3 "$JIANYI_DB" <<-'SQL'
	DROP TABLE calendar;
	DROP TABLE supervision;
	PRAGMA user_version = 2;
	UPDATE event SET detail = 'source: reception; station: 黄塘站; lead deputy: 陈大文' WHERE id = 10;
	UPDATE event SET detail = '主办：规划建设办；协办：交通运输办、社会事务办；办理期限：2023-05-02' WHERE id = 11;
	UPDATE event SET detail = '规划建设办，走访：现场查看' WHERE id = 12;
	UPDATE event SET detail = 'due: 2023-06-30 (was 2023-05-02): 需要预算' WHERE id = 13;
	UPDATE event SET detail = '交通运输办 (协办): 不属本办' WHERE id = 14;
	UPDATE event SET detail = '规划建设办，B类' WHERE id = 15;
	UPDATE event SET detail = '不满意；重新办理，期限：2023-04-11：太慢' WHERE id = 16;
	UPDATE event SET detail = '' WHERE id = 17;
	UPDATE event SET detail = 'due_months=2' WHERE id = 9;
	UPDATE event SET detail = '写错的一句话' WHERE id = 15;
	UPDATE event SET detail = 'renamed ''黄塘'' to ''黄塘站''' WHERE id = 6;
	UPDATE event SET detail = '黄塘站: 4' WHERE id = 7;
	UPDATE event SET detail = '调研: 调研路灯' WHERE id = 8;
	INSERT INTO event(suggestion_id, on_date, status, recorded_at, actor, action, detail)
	    VALUES (1, '2023-03-12', 'rehandling', '2023-03-12T00:00:00Z', 'x', 'edited', '联系电话: 13911112222'),
	           (1, '2023-03-12', 'rehandling', '2023-03-12T00:00:00Z', 'x', 'edited', 'title: 路灯坏了'),
	           (1, '2023-03-12', 'rehandling', '2023-03-12T00:00:00Z', 'x', 'edited', 'reply of 2023-03-10: class A'),
	           (1, '2023-03-12', 'rehandling', '2023-03-12T00:00:00Z', 'x', 'edited', '2023-03-11 的测评改为：基本满意');
	SQL
}

@test "13.4: migration 3 reads the text of earlier versions back into data, in either language" {
	changes
	legacy
	run j log 2023-0001
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$JIANYI_DB" 'PRAGMA user_version')" = 8 ]
	run sqlite3 "$JIANYI_DB" 'SELECT id, detail FROM event WHERE id >= 6 ORDER BY id'
	expect_output <<-'EOF'
	6|{"renamed":"黄塘","to":"黄塘站"}
	7|{"station":"黄塘站","visitors":4}
	8|{"kind":"survey","title":"调研路灯"}
	9|{"text":"due_months=2"}
	10|{"source":"reception","station":"黄塘站","lead_deputy":"陈大文"}
	11|{"lead":"规划建设办","co":["交通运输办","社会事务办"],"due":"2023-05-02"}
	12|{"dept":"规划建设办","method":"visit","note":"现场查看"}
	13|{"due":"2023-06-30","was":"2023-05-02","reason":"需要预算"}
	14|{"dept":"交通运输办","role":"co","reason":"不属本办"}
	15|{"text":"写错的一句话"}
	16|{"rating":"unsatisfied","due":"2023-04-11","note":"太慢"}
	17|{}
	18|{"reason":"重复"}
	19|{"field":"phone"}
	20|{"field":"title","value":"路灯坏了"}
	21|{"reply_of":"2023-03-10","class":"A"}
	22|{"rating_of":"2023-03-11","rating":"basic"}
	EOF
	# The phone number that an earlier version wrote is gone.
	[ "$(sqlite3 "$JIANYI_DB" "SELECT count(*) FROM event WHERE detail LIKE '%1391111%'")" = 0 ]
	run j log 2023-0001
	[[ "${lines[6]}" == *"replied     写错的一句话 "* ]] || return 1
	[[ "${lines[8]}" == *"edited      phone changed "* ]] || return 1
	[[ "${lines[9]}" == *"edited      title: 路灯坏了 "* ]] || return 1
	[[ "${lines[10]}" == *"edited      reply of 2023-03-10: class A "* ]] || return 1
	[[ "${lines[11]}" == *"edited      rating of 2023-03-11: basically satisfied "* ]] || return 1
	JIANYI_LANG=zh run j log 2023-0001
	[[ "${lines[8]}" == *"已修改    联系电话已更改 "* ]] || return 1
	[[ "${lines[11]}" == *"已修改    2023-03-11 的测评改为：基本满意 "* ]] || return 1
	run j check
	[ "$status" -eq 0 ]
}
