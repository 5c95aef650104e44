#!/usr/bin/env bats
# Opening the database: --db is a file name, symbolic links, unreadable
# and empty files, reads that survive a read-only medium, a full disk or a
# file without write permission; output that cannot be written; dates at
# the limits; the small defects of the command line (issue 11).

load helper

# Makes the test's directory uid 65534's, to run jianyi as that ordinary
# user with nobody (root ignores file modes). Skips where it cannot.
nobody_or_skip() {
	[ "$(id -u)" -eq 0 ] || skip "needs root to run as another user"
	command -v setpriv >/dev/null || skip "needs setpriv"
	setpriv --reuid=65534 --regid=65534 --clear-groups "$JIANYI" --version \
	    >/dev/null 2>&1 || skip "uid 65534 cannot run $JIANYI"
	chmod 755 "$TMP"
	chown -R 65534:65534 "$TMP"
}
nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups "$JIANYI" "$@"
}

# Mounts a small tmpfs at $TMP/mnt (size $1); skips where not allowed.
tmpfs_or_skip() {
	mkdir -p "$TMP/mnt"
	mount -t tmpfs -o "size=$1,mode=0755" tmpfs "$TMP/mnt" 2>/dev/null ||
	    skip "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)"
	MNT=$TMP/mnt
}

teardown() {
	if [ -n "${MNT:-}" ]; then
		umount "$MNT" 2>/dev/null || true
	fi
	rm -rf "$TMP"
}

# The database's files: the database and any -wal, -shm or -journal.
companions() {
	ls -- "$1"-* 2>/dev/null || true
}

@test "r19: --db is a file name, never an SQLite URI" {
	run j --db 'file:台账.db?mode=memory' init --town 乐平镇
	[ "$status" -eq 0 ]
	[ "$output" = "created file:台账.db?mode=memory" ]
	# A real database under that very name, not an empty file.
	[ -s "$TMP/file:台账.db?mode=memory" ]
	[ "$(sqlite3 "$TMP/file:台账.db?mode=memory" "SELECT value FROM config WHERE key = 'town'")" = 乐平镇 ]
	run j --db 'file:台账.db?mode=memory' add --title 路灯 --date 2023-01-05
	[ "$status" -eq 0 ]
	[ "$output" = 2023-0001 ]
	run j --db 'file:台账.db?mode=memory' list --format csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[1]}" == 2023-0001,* ]]
	run j --db file:b.db init
	[ "$status" -eq 0 ]
	[ "$output" = "created file:b.db" ]
	[ -s "$TMP/file:b.db" ]
	[ ! -e "$TMP/b.db" ]
}

@test "r19: --db :memory: is a file too, not a database that vanishes" {
	run j --db :memory: init
	[ "$status" -eq 0 ]
	[ "$output" = "created ./:memory:" ]
	[ -s "$TMP/:memory:" ]
	run j --db :memory: add --title 路灯 --date 2023-01-05
	[ "$output" = 2023-0001 ]
	[ "$(sqlite3 "$TMP/:memory:" 'SELECT number FROM suggestion')" = 2023-0001 ]
}

@test "r22: a symbolic link to the database is followed, its -wal beside the real file" {
	j --db real.db init >/dev/null
	ln -s real.db link.db
	run j --db link.db add --title 路灯 --date 2023-01-05
	[ "$status" -eq 0 ]
	[ "$output" = 2023-0001 ]
	run j --db link.db list --format csv
	[ "$status" -eq 0 ]
	[[ "${lines[1]}" == 2023-0001,* ]]
	[ "$(sqlite3 real.db 'SELECT number FROM suggestion')" = 2023-0001 ]
	[ -L link.db ]
	[ -z "$(companions link.db)" ]
	# While one process holds it open, the -wal is the real file's.
	sqlite3 real.db "SELECT count(*) FROM suggestion;" \
	    ".shell $JIANYI --db link.db add --title b --date 2023-01-05 >/dev/null; ls link.db-wal real.db-wal >$TMP/ls 2>&1" >/dev/null
	grep -qx 'real.db-wal' "$TMP/ls" || return 1
	if grep -q '^link.db-wal$' "$TMP/ls"; then return 1; fi
	[ "$(sqlite3 real.db 'SELECT count(*) FROM suggestion')" = 2 ]
}

@test "r22: a symbolic link to nothing, and init over a link, say so" {
	ln -s missing.db link.db
	fails 1 "'link.db' is a symbolic link to a file that does not exist" \
	    --db link.db list
	fails 1 "'link.db' already exists; not overwriting it" --db link.db init
	[ ! -e missing.db ]
}

@test "r22b: an empty file is named as empty, and left alone" {
	: >empty.db
	fails 1 "'empty.db' is an empty file, not a jianyi database" \
	    --db empty.db list
	fails 1 "'empty.db' is an empty file, not a jianyi database" \
	    --db empty.db add --title x
	[ ! -s empty.db ]
	[ -z "$(companions empty.db)" ]
}

@test "r22b: a database this user may not read is named plainly (exit 3)" {
	j init >/dev/null
	nobody_or_skip
	chmod 000 "$JIANYI_DB"
	run nobody list
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: no permission to read '$JIANYI_DB'" ]
	run nobody add --title x
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: no permission to read '$JIANYI_DB'" ]
	[ -z "$(companions "$JIANYI_DB")" ]
}

@test "r11: reading a database without write permission leaves nothing behind" {
	j init >/dev/null
	j add --title a --date 2023-01-05 >/dev/null
	nobody_or_skip
	chmod 400 "$JIANYI_DB"
	run nobody list --format csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	for c in "show 2023-0001" "export suggestions -o $TMP/out.csv" \
	    "backup $TMP/copy.db" check "log" "overdue" "report --year 2023"; do
		run nobody $c
		[ "$status" -eq 0 ] || { echo "$c: $output" >&2; return 1; }
	done
	[ "$(sqlite3 "$TMP/copy.db" 'SELECT number FROM suggestion')" = 2023-0001 ]
	[ -z "$(companions "$JIANYI_DB")" ]
	# A write says why, and makes nothing either.
	run nobody add --title b --date 2023-01-05
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: $JIANYI_DB: the database is read-only" ]
	[ -z "$(companions "$JIANYI_DB")" ]
	chmod 600 "$JIANYI_DB"
	run nobody add --title b --date 2023-01-05
	[ "$status" -eq 0 ]
	[ "$output" = 2023-0002 ]
	[ -z "$(companions "$JIANYI_DB")" ]
}

@test "a read-only folder: reads work and make nothing, writes say read-only" {
	j init >/dev/null
	j add --title a --date 2023-01-05 >/dev/null
	nobody_or_skip
	chmod 555 "$TMP"
	run nobody list --format csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	run nobody add --title b --date 2023-01-05
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: $JIANYI_DB: the database is read-only" ]
	chmod 755 "$TMP"
	[ -z "$(companions "$JIANYI_DB")" ]
	[ "$(sqlite3 "$JIANYI_DB" 'SELECT count(*) FROM suggestion')" = 1 ]
}

@test "r23: a full disk: list, show, export, check and backup to another disk work, and make nothing" {
	j init >/dev/null
	j add --title 路灯 --date 2023-01-05 >/dev/null
	want=$(j list --format csv)
	show=$(j show 2023-0001)
	tmpfs_or_skip 1m
	cp "$JIANYI_DB" "$MNT/t.db"
	dd if=/dev/zero of="$MNT/fill" bs=4k 2>/dev/null || true
	export JIANYI_DB=$MNT/t.db
	run j list --format csv
	[ "$status" -eq 0 ]
	[ "$output" = "$want" ]
	run j show 2023-0001
	[ "$status" -eq 0 ]
	[ "$output" = "$show" ]
	run j export suggestions -o "$TMP/out.csv"
	[ "$status" -eq 0 ]
	[ "$(wc -l <"$TMP/out.csv")" -eq 2 ]
	run j check
	[ "$output" = ok ]
	run j backup "$TMP/rescue.db"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$TMP/rescue.db" 'SELECT number FROM suggestion')" = 2023-0001 ]
	[ -z "$(companions "$MNT/t.db")" ]
	# A write still says the disk is full, and changes nothing.
	cp "$MNT/t.db" "$TMP/before.db"
	run j add --title x --date 2023-01-05
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: $MNT/t.db: the disk is full" ]
	cmp "$MNT/t.db" "$TMP/before.db"
}

@test "a read-only file system: list, show, export and backup work as on a full disk" {
	j init >/dev/null
	j add --title 路灯 --date 2023-01-05 >/dev/null
	want=$(j list --format csv)
	tmpfs_or_skip 4m
	cp "$JIANYI_DB" "$MNT/t.db"
	mount -o remount,ro "$MNT" || skip "cannot remount the tmpfs read-only"
	export JIANYI_DB=$MNT/t.db
	run j list --format csv
	[ "$status" -eq 0 ]
	[ "$output" = "$want" ]
	run j show 2023-0001
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "  number        2023-0001" ]
	run j export suggestions -o "$TMP/out.csv"
	[ "$status" -eq 0 ]
	run j backup "$TMP/rescue.db"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$TMP/rescue.db" 'SELECT number FROM suggestion')" = 2023-0001 ]
}

@test "r12: an import whose summary cannot be written rolls back: exit 3, one line" {
	j init >/dev/null
	printf 'name\n新站\n' >s.csv
	before=$(dump)
	run bash -c '"$JIANYI" import stations s.csv >/dev/full'
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: write error: No space left on device" ]
	[ "$(dump)" = "$before" ]
	run j station list --format csv
	[ "${#lines[@]}" -eq 1 ]
	# The same file, its summary written, is imported.
	run j import stations s.csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "s.csv (UTF-8): 1 row: 1 added, 0 updated, 0 unchanged" ]
}

@test "r12: add whose number cannot be written rolls back: exit 3, one line" {
	j init >/dev/null
	before=$(dump)
	run bash -c '"$JIANYI" add --title x --date 2023-01-05 >/dev/full'
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: write error: No space left on device" ]
	[ "$(dump)" = "$before" ]
	# Standard output closed: the same.
	run bash -c '"$JIANYI" add --title x --date 2023-01-05 >&-'
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: write error: Bad file descriptor" ]
	[ "$(dump)" = "$before" ]
	run bash -c '"$JIANYI" import stations - >&- <<<"name
新站"'
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: write error: Bad file descriptor" ]
	[ "$(dump)" = "$before" ]
}

@test "with standard output closed, an export to a file is not mixed with it" {
	j init >/dev/null
	j add --title 路灯 --date 2023-01-05 >/dev/null
	j export suggestions -o want.csv
	run bash -c '"$JIANYI" export suggestions -o got.csv >&-'
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	cmp want.csv got.csv
	# A listing to a closed standard output is a write error, once.
	run bash -c '"$JIANYI" list >&-'
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: write error: Bad file descriptor" ]
	# "--content -" from a closed standard input is a read error.
	before=$(dump)
	run bash -c '"$JIANYI" add --title t --content - <&-'
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: standard input: Bad file descriptor" ]
	[ "$(dump)" = "$before" ]
}

@test "r12: every writing command to a full standard output: done and silent, or rolled back with one line" {
	town >/dev/null
	j add --title 路灯 --date 2023-01-05 >/dev/null
	j add --title 道路 --date 2023-01-06 >/dev/null
	printf 'name\n新站\n' >s.csv
	ran=0
	while IFS= read -r c; do
		ran=$((ran + 1))
		before=$(dump)
		run bash -c "\"\$JIANYI\" $c >/dev/full </dev/null"
		if [ "$status" -eq 0 ]; then
			[ -z "$output" ] || { echo "$c: $output" >&2; return 1; }
		else
			[ "$status" -eq 3 ] || { echo "$c: $status $output" >&2; return 1; }
			[ "$output" = "jianyi: write error: No space left on device" ] ||
			    { echo "$c: $output" >&2; return 1; }
			[ "$(dump)" = "$before" ] || { echo "$c: changed" >&2; return 1; }
		fi
	done <<'CMDS'
add --title 桥 --date 2023-01-07
import stations s.csv
import stations s.csv --dry-run
station add 新村
dept add 新办
deputy add 新人
assign 2023-0001 --dept 规划建设办 --date 2023-01-10
contact 2023-0001 --dept 规划建设办 --date 2023-01-11
extend 2023-0001 --due 2023-06-30 --reason 需要 --date 2023-01-12 --approved-by 镇长
reply 2023-0001 --dept 规划建设办 --class A --date 2023-01-20
rate 2023-0001 satisfied --date 2023-01-21
withdraw 2023-0002 --reason 重复 --date 2023-01-22
config set town 新镇
reception add --station 黄塘 --visitors 3 --date 2023-01-05
activity add --kind group --title 会 --date 2023-01-05
CMDS
	[ "$ran" -eq 15 ]
	# add and import print, so both were refused: nothing of theirs is there.
	[ "$(sqlite3 "$JIANYI_DB" "SELECT count(*) FROM suggestion")" = 2 ]
	[ "$(sqlite3 "$JIANYI_DB" "SELECT count(*) FROM station WHERE name = '新站'")" = 0 ]
}

@test "r25: an unknown option in a cluster is named itself, not the word before it" {
	j init >/dev/null
	j add --title x --date 2023-01-05 >/dev/null
	refused 2 "unknown option '-x'; see 'jianyi list --help'" list -xy
	refused 2 "unknown option '-z'; see 'jianyi export --help'" \
	    export suggestions -zo f.csv
	[ ! -e f.csv ]
	refused 2 "unknown option '-x'; see 'jianyi import --help'" \
	    import suggestions s.csv --dry-run -xy
	refused 2 "unknown option '-x'; see 'jianyi export --help'" \
	    export suggestions -o f.csv -x
	refused 2 "option '-o' needs a value; see 'jianyi export --help'" \
	    export suggestions -o
	refused 2 "option '--format' needs a value; see 'jianyi list --help'" \
	    list --format
	refused 2 "unknown option '--bogus'; see 'jianyi list --help'" \
	    list --bogus=3
	refused 2 "option '--quiet' takes no value; see 'jianyi import --help'" \
	    import suggestions s.csv --quiet=1
	refused 2 "option '--quiet' takes no value; see 'jianyi import --help'" \
	    import suggestions s.csv --qu=1
	# A letter that is not ASCII is not cut in two: the word is named.
	refused 2 "unknown option '-中'; see 'jianyi list --help'" list -中
	refused 2 "unknown option '-x'; see 'jianyi list --help'" list -x中
}

@test "r25: an unknown option is one line, before or after the command" {
	j init >/dev/null
	refused 2 "unknown option '--bogus'; see 'jianyi --help'" --bogus list
	refused 2 "unknown option '-xy'; see 'jianyi --help'" -xy list
	refused 2 "unknown option '--bogus'; see 'jianyi list --help'" list --bogus
}

@test "r25: assign N N is refused as a number named twice, nothing assigned" {
	town >/dev/null
	j add --title x --date 2023-01-05 >/dev/null
	j add --title y --date 2023-01-05 >/dev/null
	refused 1 "suggestion '2023-0001' is named twice" \
	    assign 2023-0001 2023-0001 --dept 规划建设办
	refused 1 "suggestion '2023-0001' is named twice" \
	    assign 2023-0001 2023-0002 2023-0001 --dept 规划建设办
	run j assign 2023-0001 2023-0002 --dept 规划建设办
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$JIANYI_DB" "SELECT group_concat(status) FROM suggestion")" = assigned,assigned ]
}

@test "r18: year 9999 works to its last day: list, assign, reply, rate, overdue" {
	export JIANYI_TODAY=9999-12-31
	j init >/dev/null
	j dept add D
	run j add --title t --date 9999-09-20
	[ "$output" = 9999-0001 ]
	run j list --format csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[1]}" == 9999-0001,registered,0,9999-09-20,* ]]
	# 9999-09-30 + 3 months is 9999-12-30, the month's end kept.
	j assign 9999-0001 --dept D --date 9999-09-30
	[ "$(sfield 9999-0001 due)" = 9999-12-30 ]
	run j overdue --format csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[1]}" == 9999-0001,D,,9999-12-30,1,t* ]]
	j reply 9999-0001 --dept D --class B --date 9999-12-10
	# 9999-11-30 + 1 month is 9999-12-30; a rating on 9999-12-10 needs
	# 10000-01-10, past the last day kept: refused, nothing changed.
	refused 1 "deadline: 1 month after 9999-12-15 is after 9999-12-31, the last date kept" \
	    rate 9999-0001 unsatisfied --date 9999-12-15
	[ "$(sqlite3 "$JIANYI_DB" "SELECT status, due_on FROM suggestion")" = "replied|9999-12-30" ]
	run j rate 9999-0001 satisfied --date 9999-12-15
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$JIANYI_DB" "SELECT count(*) FROM suggestion WHERE due_on NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'")" = 0 ]
}

@test "r18: a deadline past 9999-12-31 is refused, naming the field and the limit" {
	export JIANYI_TODAY=9999-12-31
	j init >/dev/null
	j dept add D
	j add --title u --date 9999-12-20 >/dev/null
	refused 1 "deadline: 3 months after 9999-12-31 is after 9999-12-31, the last date kept" \
	    assign 9999-0001 --dept D
	j add --title v --date 9999-09-01 >/dev/null
	refused 1 "deadline: 3 months after 9999-10-01 is after 9999-12-31, the last date kept" \
	    assign 9999-0002 --dept D --date 9999-10-01
	# An explicit deadline on the last day is kept.
	run j assign 9999-0001 --dept D --due 9999-12-31
	[ "$status" -eq 0 ]
	[ "$(sfield 9999-0001 due)" = 9999-12-31 ]
	# The same limit in an import, at its line.
	printf '编号,接收日期,标题,承办单位,交办日期\n9999-0005,9999-12-20,路,D,9999-12-21\n' >l.csv
	refused_all 1 import suggestions l.csv <<'ERR'
jianyi: l.csv:2: deadline: 3 months after 9999-12-21 is after 9999-12-31, the last date kept
jianyi: l.csv: 1 bad row; nothing imported
ERR
}

@test "r18: dates before 1900 are refused as outside the dates kept, not as malformed" {
	j init >/dev/null
	refused 1 "date '0001-01-01' is outside the dates kept (1900-01-01 to 9999-12-31)" \
	    add --title x --date 0001-01-01
	refused 1 "date '1899-12-31' is outside the dates kept (1900-01-01 to 9999-12-31)" \
	    add --title x --date 1899-12-31
	refused 1 "invalid date '10000-01-01' (use YYYY-MM-DD)" add --title x --date 10000-01-01
	refused 1 "invalid date '0001-02-29' (use YYYY-MM-DD)" add --title x --date 0001-02-29
	run j add --title x --date 1900-01-01
	[ "$output" = 1900-0001 ]
}

@test "month ends and leap days in deadlines" {
	export JIANYI_TODAY=2024-12-31
	j init >/dev/null
	j dept add D
	j config set due_months 1
	for d in 2024-01-31 2023-01-31 2024-02-29 1900-01-31 2000-01-31; do
		n=$(j add --title "$d" --date "$d")
		j assign "$n" --dept D --date "$d"
		printf '%s %s\n' "$d" "$(sfield "$n" due)"
	done >got
	cat >want <<'EOF2'
2024-01-31 2024-02-29
2023-01-31 2023-02-28
2024-02-29 2024-03-29
1900-01-31 1900-02-28
2000-01-31 2000-02-29
EOF2
	diff -u want got
}

# Runs "$@" with standard error on a terminal (script(1)), for the import's
# progress line; $output is what the terminal showed, its line ends as
# LF and a carriage return that does not end a line as '<CR>'.
on_tty() {
	command -v script >/dev/null || skip "needs script(1) for a terminal"
	run script -qec "$(printf '%q ' "$@")" /dev/null
	output=$(printf '%s' "$output" | sed 's/\r$//; s/\r/<CR>/g')
	mapfile -t lines <<<"$output"
}

@test "r25: the import's progress line ends before an error is printed" {
	town >/dev/null
	python3 "$BATS_TEST_DIRNAME/../stress/gen-ledger.py" 2500 >big.csv
	python3 - <<'PY'
import csv
rows = list(csv.reader(open('big.csv', encoding='utf-8-sig', newline='')))
rows[1500][1] = '2022-02-30'
rows[2200][1] = '2022-02-31'
csv.writer(open('bad.csv', 'w', encoding='utf-8', newline='')).writerows(rows)
PY
	before=$(dump)
	on_tty "$JIANYI" import suggestions bad.csv
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 5 ]
	[ "${lines[0]}" = "<CR>importing: 1000 rows" ]
	[[ "${lines[1]}" == "jianyi: bad.csv:"*": 接收日期: invalid date '2022-02-30'" ]]
	[ "${lines[2]}" = "<CR>importing: 2000 rows" ]
	[[ "${lines[3]}" == "jianyi: bad.csv:"*": 接收日期: invalid date '2022-02-31'" ]]
	[ "${lines[4]}" = "jianyi: bad.csv: 2 bad rows; nothing imported" ]
	[ "$(dump)" = "$before" ]
	# A malformed file is found in the first pass over it, before any row
	# is entered: one line, no progress.
	{ head -n 2000 big.csv; printf '\n2022-9999,2022-01-01,"open\n'; } >cut.csv
	on_tty "$JIANYI" import suggestions cut.csv
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "${lines[0]}" == "jianyi: cut.csv:2002: malformed CSV "* ]]
	# Done: the line is ended, then the summary.
	on_tty "$JIANYI" import suggestions big.csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "<CR>importing: 1000 rows<CR>importing: 2000 rows" ]
	[ "${lines[1]}" = "big.csv (UTF-8): 2500 rows: 2500 added, 0 updated, 0 unchanged" ]
}

@test "r25: content '-' written in the editor is text, not 'read standard input'" {
	j init >/dev/null
	cat >"$TMP/ed" <<'SH'
#!/bin/sh
printf -- '-\n' >"$1"
SH
	chmod +x "$TMP/ed"
	n=$(echo 'from standard input' | EDITOR="$TMP/ed" j add --title t --edit --date 2023-03-01)
	[ "$n" = 2023-0001 ]
	[ "$(sfield 2023-0001 content)" = - ]
	# --content - still reads standard input.
	n=$(echo 'from standard input' | j add --title u --content - --date 2023-03-01)
	[ "$(sfield "$n" content)" = 'from standard input' ]
}

@test "r12: init that cannot say 'created' leaves no database behind: exit 3, one line" {
	run bash -c '"$JIANYI" init --town 乐平镇 >/dev/full'
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: write error: No space left on device" ]
	[ ! -e "$JIANYI_DB" ]
	[ -z "$(companions "$JIANYI_DB")" ]
	run j init --town 乐平镇
	[ "$status" -eq 0 ]
	[ "$output" = "created $JIANYI_DB" ]
}

@test "a reader without write permission sees commits still in the -wal file, and leaves the writer's files as they were" {
	j init >/dev/null
	j add --title a --date 2023-01-05 >/dev/null
	nobody_or_skip
	chown 0:0 "$JIANYI_DB"
	chmod 644 "$JIANYI_DB"
	chown 0:0 "$TMP"
	# The writer keeps its connection open: its commit stays in the -wal.
	sqlite3 "$JIANYI_DB" "PRAGMA wal_autocheckpoint = 0;" \
	    "UPDATE suggestion SET title = 'in the wal';" \
	    ".shell ls -l --time-style=+ $JIANYI_DB-wal $JIANYI_DB-shm >$TMP/before; setpriv --reuid=65534 --regid=65534 --clear-groups $JIANYI list --format csv >$TMP/out 2>&1; ls -l --time-style=+ $JIANYI_DB-wal $JIANYI_DB-shm >$TMP/after" >/dev/null
	[ -s "$TMP/before" ]
	cmp "$TMP/before" "$TMP/after"
	[ "$(tail -1 "$TMP/out")" = $'2023-0001,registered,0,2023-01-05,,,,,in the wal\r' ]
	[ -z "$(companions "$JIANYI_DB")" ]
}

@test "a read-only folder with the -wal and -shm already there and writable: writes work" {
	j init >/dev/null
	nobody_or_skip
	# Another connection of the same user keeps the -wal and -shm open
	# while the folder is made read-only.
	setpriv --reuid=65534 --regid=65534 --clear-groups sqlite3 "$JIANYI_DB" \
	    "SELECT count(*) FROM suggestion;" \
	    ".shell chmod 555 $TMP; $JIANYI add --title b --date 2023-01-05 2>&1; chmod 755 $TMP" >"$TMP/out.txt"
	[ "$(stat -c %a "$TMP")" = 755 ]
	# sqlite3's own "0" and jianyi's number, in either order.
	[ "$(sort "$TMP/out.txt" | tr '\n' ' ')" = "0 2023-0001 " ] ||
	    { cat "$TMP/out.txt" >&2; return 1; }
	[ "$(sqlite3 "$JIANYI_DB" 'SELECT title FROM suggestion')" = b ]
}
