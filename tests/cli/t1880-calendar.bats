#!/usr/bin/env bats
# 14.1: the working-day calendar. init loads the State Council's notices of
# 2022 to 2026 (data/calendar-cn.csv); calendar import adds a year's file of
# date,kind; calendar list shows a year's days set apart from the week.

load helper

TOP="$BATS_TEST_DIRNAME/../.."

setup() {
	common_setup
	j init >/dev/null
}

@test "14.1: init knows 2022 to 2026, the 2023 notice day by day" {
	run j calendar list --year 2023
	[ "$status" -eq 0 ]
	expect_output <<'OUT'
date        weekday  kind of day
2023-01-01  Sun      holiday
2023-01-02  Mon      holiday
2023-01-21  Sat      holiday
2023-01-22  Sun      holiday
2023-01-23  Mon      holiday
2023-01-24  Tue      holiday
2023-01-25  Wed      holiday
2023-01-26  Thu      holiday
2023-01-27  Fri      holiday
2023-01-28  Sat      working day
2023-01-29  Sun      working day
2023-04-05  Wed      holiday
2023-04-23  Sun      working day
2023-04-29  Sat      holiday
2023-04-30  Sun      holiday
2023-05-01  Mon      holiday
2023-05-02  Tue      holiday
2023-05-03  Wed      holiday
2023-05-06  Sat      working day
2023-06-22  Thu      holiday
2023-06-23  Fri      holiday
2023-06-24  Sat      holiday
2023-06-25  Sun      working day
2023-09-29  Fri      holiday
2023-09-30  Sat      holiday
2023-10-01  Sun      holiday
2023-10-02  Mon      holiday
2023-10-03  Tue      holiday
2023-10-04  Wed      holiday
2023-10-05  Thu      holiday
2023-10-06  Fri      holiday
2023-10-07  Sat      working day
2023-10-08  Sun      working day
OUT
	# Each year's holidays and make-up days, as the notices give them
	# (2022 holds the 31 December of the 2023 notice's New Year).
	[ "$(sqlite3 "$JIANYI_DB" "SELECT group_concat(y || ':' || h || '/' || w, ' ') FROM (SELECT substr(day, 1, 4) y, sum(kind = 'holiday') h, sum(kind = 'workday') w FROM calendar GROUP BY 1 ORDER BY 1)")" = \
	    "2022:32/7 2023:26/7 2024:28/8 2025:28/5 2026:33/6" ]
	# Every workday is a weekend day, every notice is named.
	[ "$(grep -c '^# 国务院办公厅关于20[0-9][0-9]年部分节假日安排的通知' "$TOP/data/calendar-cn.csv")" -eq 5 ]
	run j calendar list --year 2024 --format csv
	[ "$(grep -c ',workday' <<<"$output")" -eq 8 ]
	[ -z "$(grep ',workday' <<<"$output" | grep -v ',Sat,\|,Sun,')" ]
}

@test "14.1: calendar alone lists this year; in Chinese, and as JSON" {
	[ "$(j calendar)" = "$(j calendar list --year 2023)" ]
	run env JIANYI_LANG=zh "$JIANYI" calendar list --year 2026
	[ "${lines[0]}" = "日期        星期  类型" ]
	[ "${lines[4]}" = "2026-01-04  周日  调休上班" ]
	run j calendar list --year 2025 --format json
	[ "$(jq -c '.[0]' <<<"$output")" = '{"date":"2025-01-01","weekday":"Wed","kind":"holiday"}' ]
	run j calendar list --year 2030
	expect_output <<<'date  weekday  kind of day'
}

@test "14.1: calendar import adds a year: GB18030, CRLF, comments, Chinese words" {
	printf '# 国务院办公厅关于2027年部分节假日安排的通知\r\n日期,类型\r\n2027-01-01,放假\r\n# 春节\r\n2027-02-06,调休上班\r\n2027/2/7,workday\r\n' |
	    iconv -f UTF-8 -t GB18030 > 2027.csv
	run j calendar import 2027.csv
	[ "$status" -eq 0 ]
	expect_output <<<'2027.csv: holidays 1, working days 2'
	# Read again, the encoding named: the same days, nothing new.
	run j calendar import 2027.csv --encoding gb18030
	expect_output <<<'2027.csv: holidays 1, working days 2'
	refused 2 "invalid encoding 'big5' (use auto|utf-8|gb18030)" \
	    calendar import 2027.csv --encoding big5
	run j calendar import 2027.csv --encoding utf-8
	[ "$status" -eq 1 ]
	[[ "$output" == "jianyi: 2027.csv:1: not valid UTF-8"* ]]
	run j calendar list --year 2027
	expect_output <<'OUT'
date        weekday  kind of day
2027-01-01  Fri      holiday
2027-02-06  Sat      working day
2027-02-07  Sun      working day
OUT
	run j log --limit 2 --format json
	[ "$(jq -c '.[-1] | [.action, .detail]' <<<"$output")" = '["calendar","holidays 1, working days 2"]' ]
	run env JIANYI_LANG=zh "$JIANYI" log --all --format json
	[ "$(jq -r '.[-1].detail' <<<"$output")" = "放假 1 天，调休上班 2 天" ]
	# A day listed again takes its new kind.
	printf 'date,kind\n2026-10-10,holiday\n' > fix.csv
	j calendar import fix.csv >/dev/null
	run j calendar list --year 2026 --format csv
	[ "$(grep '^2026-10-10' <<<"$output")" = $'2026-10-10,Sat,holiday\r' ]
}

@test "14.1: a bad calendar file is refused at its line, and changes nothing" {
	printf 'day,kind\n2027-01-01,holiday\n' > h.csv
	refused 1 "h.csv:1: expected the header date,kind" calendar import h.csv
	printf 'date,kind\n2027-01-01,holiday\n2027-02-30,holiday\n' > d.csv
	refused 1 "d.csv:3: invalid date '2027-02-30'" calendar import d.csv
	printf 'date,kind\n2027-01-02,rest\n' > k.csv
	refused 1 "k.csv:2: invalid kind 'rest' (use holiday|workday)" calendar import k.csv
	printf 'date,kind\n2027-01-02,holiday,x\n' > f.csv
	refused 1 "f.csv:2: expected date,kind, not 3 fields" calendar import f.csv
	printf '# only a comment\n' > e.csv
	refused 1 "e.csv: empty file; expected a header row" calendar import e.csv
	refused 2 "expected import FILE or list; see 'jianyi calendar --help'" calendar import
	refused 1 "invalid year '23' (use YYYY)" calendar list --year 23
	refused 2 "unknown verb 'show'; see 'jianyi calendar --help'" calendar show
}

@test "14.1: a database of schema 3 gains the calendar when next opened (migration 4)" {
	schema7
	sqlite3 "$JIANYI_DB" 'DROP TABLE calendar; DROP TABLE supervision; PRAGMA user_version = 3'
	run j list
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$JIANYI_DB" 'PRAGMA user_version')" = 8 ]
	[ "$(sqlite3 "$JIANYI_DB" 'SELECT count(*) FROM calendar')" = 180 ]
	run j check
	expect_output <<<'ok'
}

@test "14.1: the calendar's build refuses a line that is not date,kind" {
	printf 'date,kind\n2027-01-01,holiday\n2027-1-2,holiday\n' > bad.csv
	run awk -f "$TOP/scripts/calendar.awk" bad.csv
	[ "$status" -eq 1 ]
	[[ "$output" == *"calendar.awk: bad.csv:3: not date,kind: 2027-1-2,holiday"* ]]
}
