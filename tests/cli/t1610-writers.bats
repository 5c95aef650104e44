#!/usr/bin/env bats
# The files jianyi writes (report -o, export -o, backup, init): never the
# database nor its -wal, -shm or -journal file, by any name; "-o -" is
# standard output; a file is written under a temporary name beside its
# target, synced and renamed, so that a full disk, a write error or a kill
# leaves the old file whole and nothing in the way of the next try.

load helper

# Mounts a small tmpfs at $TMP/mnt (size $1); skips where not allowed.
tmpfs_or_skip() {
	[ "$(id -u)" -eq 0 ] || skip "needs root to mount a tmpfs"
	MNT=$TMP/mnt
	mkdir -p "$MNT"
	mount -t tmpfs -o "size=$1,mode=0755" tmpfs "$MNT" 2>/dev/null ||
	    skip "cannot mount a tmpfs here (needs CAP_SYS_ADMIN)"
}

teardown() {
	touch "$TMP/done" # ends a reader left by a failed test
	if [ -n "${MNT:-}" ] && mountpoint -q "$MNT"; then
		umount "$MNT"
	fi
	rm -rf "$TMP"
}

# Every writer, one a line: its arguments before the target.
writers() {
	local f t
	for f in text md csv json html xlsx; do
		echo "report --year 2023 --format $f -o"
	done
	echo "report --month 2023-03 --narrative -o"
	for t in suggestions receptions activities; do
		echo "export $t -o"
		echo "export $t --with-personal-data -o"
	done
	echo "backup"
}

# A database with something of every kind in it.
filled() {
	town >/dev/null
	j add --title 路灯 --station 黄塘 --date 2023-01-05 --submitter 王小明 \
	    --phone 13800001234 >/dev/null
	j assign 2023-0001 --dept 规划建设办 --date 2023-01-06
	j reception add --date 2023-02-01 --station 黄塘 --visitors 3 \
	    --deputy 陈大文 >/dev/null
	j activity add --kind survey --date 2023-02-02 --title 调研 >/dev/null
}

# What must not change: the SQL, the two pragmas and the file's bytes.
state() {
	sqlite3 "$JIANYI_DB" .dump 'PRAGMA user_version;' \
	    'PRAGMA application_id;'
}

# The forbidden targets, one a line, all reaching $JIANYI_DB ($TMP/t.db)
# or one of its files; made by forbidden_setup.
forbidden_setup() {
	local e
	for e in "" -wal -shm -journal; do
		ln -s "t.db$e" "$TMP/link$e"          # dangling but for ""
		ln -s "$TMP/t.db$e" "$TMP/abslink$e"
	done
	ln -s link-shm "$TMP/link2-shm"             # a chain of two
	ln "$JIANYI_DB" "$TMP/hard.db"
	ln -s "$TMP" "$TMP/dirlink"
	mkdir "$TMP/sub"
}
forbidden() {
	local e
	for e in "" -wal -shm -journal; do
		echo "$TMP/t.db$e"
		echo "t.db$e"
		echo "./t.db$e"
		echo "sub/../t.db$e"
		echo "$TMP/dirlink/t.db$e"
		echo "dirlink//t.db$e"
		echo "link$e"
		echo "$TMP/abslink$e"
	done
	echo link2-shm
	echo hard.db
	echo "$TMP/hard.db"
}

@test "r1 r2 r3 r21: every writer refuses every name of the database and its -wal, -shm and -journal (exit 1, one line, nothing changed)" {
	filled
	forbidden_setup
	before=$(state)
	cp "$JIANYI_DB" "$TMP/before.db"
	: >"$TMP/stderr" # refused's
	listing=$(ls -A "$TMP")
	n=0
	while read -r w; do
		while read -r target; do
			# shellcheck disable=SC2086
			refused 1 "'$target' is the database; not overwriting it" \
			    $w "$target" || { echo "writer: $w $target" >&2; return 1; }
			n=$((n + 1))
		done < <(forbidden)
	done < <(writers)
	[ "$n" -eq $(( $(writers | wc -l) * $(forbidden | wc -l) )) ]
	[ "$n" -gt 400 ]
	# Not a byte written, no file made (a dangling link's target, a
	# temporary file), every link as it was.
	cmp "$JIANYI_DB" "$TMP/before.db"
	[ "$(state)" = "$before" ]
	[ "$(ls -A "$TMP")" = "$listing" ]
	[ "$(readlink "$TMP/link-shm")" = t.db-shm ]
	[ ! -e "$TMP/t.db-shm" ]
	[ ! -e "$TMP/t.db-journal" ]
	run j check
	[ "$status" -eq 0 ]
	[ "$output" = ok ]
}

@test "the same names in another folder are not the database: every writer writes them" {
	filled
	mkdir "$TMP/other"
	ln -s other "$TMP/otherlink"
	while read -r w; do
		for target in other/t.db otherlink/t.db-shm "$TMP/other/t.db-journal"; do
			rm -f "$TMP/other/"*
			case "$w $target" in
			backup*-shm|backup*-journal) continue ;; # SQLite's names
			esac
			# shellcheck disable=SC2086
			run j $w "$target"
			[ "$status" -eq 0 ] || { echo "$w $target: $output" >&2; return 1; }
			[ -s "$TMP/other/$(basename "$target")" ]
		done
	done < <(writers)
	j backup other/t.db
	[ "$(j --db other/t.db list --format csv)" = "$(j list --format csv)" ]
}

@test "r2 r3: while another process has the database open, writers refuse its -wal and -shm, by name, symlink and hard link" {
	filled
	before=$(state)
	# A reader holds the database open: the -wal and -shm exist.
	# (It ends when the test does, even a failed one: see teardown.)
	sqlite3 "$JIANYI_DB" "BEGIN; SELECT count(*) FROM suggestion;" \
	    ".shell touch '$TMP/open'; while [ -d '$TMP' ] && [ ! -e '$TMP/done' ]; do sleep 0.05; done" \
	    "COMMIT;" >/dev/null 2>&1 3>&- &
	reader=$!
	for _ in $(seq 200); do
		[ ! -e "$TMP/open" ] || break
		sleep 0.05
	done
	[ -e "$TMP/open" ]
	[ -e "$JIANYI_DB-wal" ]
	[ -e "$JIANYI_DB-shm" ]
	ln "$JIANYI_DB-wal" "$TMP/hard-wal"
	ln "$JIANYI_DB-shm" "$TMP/hard-shm"
	ln -s t.db-shm "$TMP/link-shm"
	wal=$(od -An -tx1 "$JIANYI_DB-wal" | md5sum)
	rc=0
	while read -r w; do
		for target in t.db-wal t.db-shm ./t.db-shm hard-wal hard-shm link-shm; do
			# shellcheck disable=SC2086
			refused 1 "'$target' is the database; not overwriting it" \
			    $w "$target" || { echo "writer: $w $target" >&2; rc=1; break 2; }
		done
	done < <(writers)
	touch "$TMP/done"
	wait "$reader"
	[ "$rc" -eq 0 ]
	[ "$(state)" = "$before" ]
	run j check
	[ "$output" = ok ]
}

@test "r21: backup onto the database's -journal name is refused, and the database keeps every row" {
	filled
	before=$(state)
	refused 1 "'t.db-journal' is the database; not overwriting it" \
	    backup t.db-journal
	[ ! -e "$TMP/t.db-journal" ]
	# A journal name of another database: SQLite would take the backup
	# for that database's hot journal, roll it back and delete it.
	j backup "$TMP/copy.db"
	refused 1 "'$TMP/copy.db-journal' is named like SQLite's own files (-wal, -shm, -journal); choose another name" \
	    backup "$TMP/copy.db-journal"
	refused 1 "'new-wal' is named like SQLite's own files (-wal, -shm, -journal); choose another name" \
	    backup new-wal
	refused 1 "'new.db-shm' is named like SQLite's own files (-wal, -shm, -journal); choose another name" \
	    backup new.db-shm
	[ ! -e "$TMP/copy.db-journal" ]
	[ ! -e "$TMP/new-wal" ]
	j list >/dev/null
	[ "$(state)" = "$before" ]
	[ "$(j --db "$TMP/copy.db" list --format csv)" = "$(j list --format csv)" ]
}

@test "a backup or init beside another database's journal or WAL is refused: SQLite would read it in as its own" {
	filled
	printf 'not empty' >"$TMP/copy.db-journal"
	refused 1 "'$TMP/copy.db-journal' is left from another database; move it away first" \
	    backup "$TMP/copy.db"
	[ ! -e "$TMP/copy.db" ]
	printf 'not empty' >"$TMP/new.db-wal"
	fails 1 "'$TMP/new.db-wal' is left from another database; move it away first" \
	    --db "$TMP/new.db" init
	[ ! -e "$TMP/new.db" ]
	# Empty ones are harmless, and SQLite leaves them at times.
	: >"$TMP/copy.db-journal"
	j backup "$TMP/copy.db"
	run j --db "$TMP/copy.db" check
	[ "$output" = ok ]
}

@test "r1: standard output that is the database is refused, the database kept" {
	filled
	before=$(state)
	cp "$JIANYI_DB" "$TMP/before.db"
	for w in "report --year 2023 -o -" "report --year 2023" \
	    "export suggestions -o -" "export receptions"; do
		# shellcheck disable=SC2086
		run sh -c '"$JIANYI" '"$w"' >>"$JIANYI_DB"'
		[ "$status" -eq 1 ] || { echo "$w: $status $output" >&2; return 1; }
		[ "$output" = "jianyi: standard output is the database; not overwriting it" ]
	done
	cmp "$JIANYI_DB" "$TMP/before.db"
	[ "$(state)" = "$before" ]
}

@test "r25: report -o - and export -o - write to standard output, and make no file named '-'" {
	filled
	for f in text md csv json html; do
		want=$(j report --year 2023 --format $f)
		run j report --year 2023 --format $f -o -
		[ "$status" -eq 0 ]
		[ -n "$output" ]
		[ "$output" = "$want" ] || { echo "format $f" >&2; return 1; }
	done
	want=$(j report --month 2023-03 --narrative)
	[ "$(j report --month 2023-03 --narrative -o -)" = "$want" ]
	for t in suggestions receptions activities; do
		want=$(j export $t)
		run j export $t -o -
		[ "$status" -eq 0 ]
		[ "$output" = "$want" ]
	done
	[ "$(j export suggestions --with-personal-data -o - | grep -c 13800001234)" -eq 1 ]
	[ ! -e "$TMP/-" ]
	# An xlsx workbook is not for a terminal: it needs a file.
	refused 2 "--format xlsx needs -o FILE; see 'jianyi report --help'" \
	    report --year 2023 --format xlsx -o -
	[ ! -e "$TMP/-" ]
}

@test "r25: an empty output name is a usage error with a clear message; backup - is refused" {
	filled
	refused 2 "the output file name is empty" backup ''
	refused 2 "the output file name is empty" report --year 2023 -o ''
	refused 2 "the output file name is empty" \
	    report --year 2023 --format xlsx -o ''
	refused 2 "the output file name is empty" export suggestions -o ''
	refused 2 "a database cannot be written to standard output; give a file name" \
	    backup -
	[ ! -e "$TMP/-" ]
}

@test "writers still write through a symlink to an ordinary file, to a device, and keep the link" {
	filled
	mkdir "$TMP/out"
	ln -s out/r.csv "$TMP/r-link.csv"
	j report --year 2023 --format csv -o r-link.csv
	[ -L "$TMP/r-link.csv" ]
	[ "$(cat "$TMP/out/r.csv")" = "$(j report --year 2023 --format csv)" ]
	run j report --year 2023 -o /dev/null
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$(j export suggestions -o /dev/stdout | tail -c +4 | head -1 | cut -d, -f1)" = 编号 ]
	# A hard link to an ordinary file is an ordinary file.
	printf 'old\n' >"$TMP/a.csv"
	ln "$TMP/a.csv" "$TMP/b.csv"
	j export suggestions -o "$TMP/b.csv"
	[ "$(wc -l <"$TMP/b.csv")" -eq 2 ]
}

@test "writers: a dangling symlink to an ordinary name is written through; a folder, a loop, /dev/full and a missing database fail in one line, leaving nothing" {
	filled
	ln -s new.csv "$TMP/dangling.csv"
	j export suggestions -o dangling.csv
	[ -L "$TMP/dangling.csv" ]
	[ -f "$TMP/new.csv" ]
	[ "$(wc -l <"$TMP/new.csv")" -eq 2 ]
	mkdir "$TMP/sub"
	refused 3 "$TMP: Is a directory" export suggestions -o "$TMP"
	refused 3 "sub: Is a directory" report --year 2023 -o sub
	ln -s loop "$TMP/loop"
	listing=$(ls -A "$TMP")
	refused 3 "loop: Too many levels of symbolic links" \
	    report --year 2023 -o loop
	# A device is written as it is; its error is one line.
	refused 3 "/dev/full: the disk is full" export suggestions -o /dev/full
	refused 3 "/dev/full: the disk is full" \
	    report --year 2023 --format html -o /dev/full
	[ "$(ls -A "$TMP")" = "$listing" ] ||
	    { printf "before: %s\nafter: %s\n" "$listing" "$(ls -A "$TMP")" >&2; return 1; }
	# Without a database, no file and no temporary file.
	rm "$JIANYI_DB"
	listing=$(ls -A "$TMP")
	fails 1 "no database at '$JIANYI_DB'; run 'jianyi init' first" \
	    export suggestions -o out.csv
	fails 1 "no database at '$JIANYI_DB'; run 'jianyi init' first" \
	    report --year 2023 --format xlsx -o out.xlsx
	fails 1 "no database at '$JIANYI_DB'; run 'jianyi init' first" \
	    backup out.db
	[ "$(ls -A "$TMP")" = "$listing" ] ||
	    { printf "before: %s\nafter: %s\n" "$listing" "$(ls -A "$TMP")" >&2; return 1; }
}

@test "file modes: reports take the umask or the old file's mode; exports and backups are 0600" {
	filled
	umask 022
	j report --year 2023 -o "$TMP/new.txt"
	[ "$(stat -c %a "$TMP/new.txt")" = 644 ]
	printf 'old\n' >"$TMP/old.txt"
	chmod 640 "$TMP/old.txt"
	j report --year 2023 -o "$TMP/old.txt"
	[ "$(stat -c %a "$TMP/old.txt")" = 640 ]
	[ "$(wc -l <"$TMP/old.txt")" -gt 10 ]
	j report --year 2023 --format xlsx -o "$TMP/r.xlsx"
	[ "$(stat -c %a "$TMP/r.xlsx")" = 644 ]
	# Masked or not, an export holds citizens' words: 0600.
	j export suggestions -o "$TMP/masked.csv"
	[ "$(stat -c %a "$TMP/masked.csv")" = 600 ]
	printf 'old\n' >"$TMP/shared.csv"
	chmod 644 "$TMP/shared.csv"
	j export suggestions -o "$TMP/shared.csv"
	[ "$(stat -c %a "$TMP/shared.csv")" = 600 ]
	j backup "$TMP/b.db"
	[ "$(stat -c %a "$TMP/b.db")" = 600 ]
}

# Runs "$@": exit 3, exactly "jianyi: $want" on stderr, nothing on stdout.
full_fails() {
	local want=$1 out err status
	shift
	out=$("$JIANYI" "$@" 2>"$TMP/stderr") && status=0 || status=$?
	err=$(cat "$TMP/stderr")
	[ "$status" -eq 3 ] || { echo "$*: status $status: $err" >&2; return 1; }
	[ "$err" = "jianyi: $want" ] || { echo "$*: stderr '$err'" >&2; return 1; }
	[ -z "$out" ] || { echo "$*: stdout '$out'" >&2; return 1; }
}

@test "r4 r13: on a full disk every writer (and init) fails in one line (exit 3), the old file whole, no temporary file left" {
	filled
	python3 "$BATS_TEST_DIRNAME/../stress/gen-ledger.py" 1500 >"$TMP/big.csv"
	j import suggestions "$TMP/big.csv" --quiet >/dev/null
	before=$(state)
	tmpfs_or_skip 512k
	head -c 3000 /dev/urandom >"$TMP/old"
	# No room at all; then room for the start of a file but not the
	# whole (a 2022 report or the ledger is 25 KB or more): the write
	# fails midway, or at the fsync.
	for room in 0 12; do
		rm -f "$MNT"/*
		cp "$TMP/old" "$MNT/out"
		dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null || true
		[ "$room" -eq 0 ] || truncate -s "-${room}K" "$MNT/filler"
		listing=$(ls -A "$MNT")
		n=0
		while read -r w; do
			case "$room $w" in
			*backup*|"12 "*narrative*|"12 "*receptions*|"12 "*activities*)
				continue ;;
			esac
			# shellcheck disable=SC2086
			full_fails "$MNT/out: the disk is full" ${w/2023/2022} "$MNT/out" || return 1
			cmp "$TMP/old" "$MNT/out" || { echo "$w: old file changed" >&2; return 1; }
			[ "$(ls -A "$MNT")" = "$listing" ] || { echo "$w: left $(ls -A "$MNT")" >&2; return 1; }
			n=$((n + 1))
		done < <(writers)
		[ "$n" -ge 8 ]
		# A backup never replaces a file: a new one, and nothing left.
		full_fails "$MNT/copy.db: the disk is full" backup "$MNT/copy.db"
		[ "$(ls -A "$MNT")" = "$listing" ]
		full_fails "$MNT/new.db: the disk is full" --db "$MNT/new.db" \
		    init --town 镇
		[ "$(ls -A "$MNT")" = "$listing" ]
	done
	[ "$(state)" = "$before" ]
}

@test "r13: libxlsxwriter's own [ERROR] lines do not reach the user" {
	filled
	tmpfs_or_skip 256k
	dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null || true
	run j report --year 2023 --format xlsx -o "$MNT/r.xlsx"
	[ "$status" -eq 3 ]
	[ "$output" = "jianyi: $MNT/r.xlsx: the disk is full" ]
	[ "$(ls -A "$MNT")" = filler ]
}

@test "a read-only folder: the writers fail in one line (exit 3), the old file whole" {
	filled
	tmpfs_or_skip 1m
	printf 'old\n' >"$MNT/out"
	mount -o remount,ro "$MNT" || skip "cannot remount the tmpfs read-only"
	while read -r w; do
		[ "$w" != backup ] || continue
		# shellcheck disable=SC2086
		run $JIANYI $w "$MNT/out"
		[ "$status" -eq 3 ] || { echo "$w: $status $output" >&2; return 1; }
		[ "$output" = "jianyi: $MNT/out: Read-only file system" ]
	done < <(writers)
	[ "$(cat "$MNT/out")" = old ]
}

@test "r20: init killed at any moment leaves either no database or a whole one, never one that blocks the next init" {
	cd "$TMP"
	for k in $(seq 1 40); do
		rm -f t.db t.db-wal t.db-shm t.db-journal
		"$JIANYI" --db t.db init --town 镇 >/dev/null 2>&1 &
		pid=$!
		sleep "0.$(printf '%03d' $(( (k * 7) % 25 + 1 )))"
		kill -9 "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		if [ -e t.db ]; then
			run j --db t.db check
			[ "$output" = ok ] || { echo "try $k: check: $output" >&2; ls -la >&2; return 1; }
			[ "$(j --db t.db config get town)" = 镇 ]
		else
			run j --db t.db init --town 镇
			[ "$status" -eq 0 ] || { echo "try $k: init: $output" >&2; ls -la >&2; return 1; }
		fi
	done
	# What a kill leaves is a temporary file, out of the way.
	for f in .t.db.*; do
		[ -e "$f" ] || continue
		[[ "$f" =~ ^\.t\.db\.[A-Za-z0-9]{6}(-wal|-shm|-journal)?$ ]] || return 1
	done
}

@test "r20: backup killed at any moment leaves either no file or a whole backup, and the next backup works" {
	filled
	python3 "$BATS_TEST_DIRNAME/../stress/gen-ledger.py" 3000 >"$TMP/big.csv"
	j import suggestions "$TMP/big.csv" --quiet >/dev/null
	want=$(j list --format csv | md5sum)
	for k in $(seq 1 12); do
		rm -f "$TMP/copy.db"
		"$JIANYI" backup "$TMP/copy.db" 2>/dev/null &
		pid=$!
		sleep "0.0$(( k % 10 ))$(( k * 3 % 10 ))"
		kill -9 "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		if [ ! -e "$TMP/copy.db" ]; then
			j backup "$TMP/copy.db"
		fi
		[ "$(j --db "$TMP/copy.db" list --format csv | md5sum)" = "$want" ] ||
		    { echo "try $k: not the whole database" >&2; return 1; }
	done
}

@test "two inits at once: one creates the database, the other is refused, and the database is whole" {
	cd "$TMP"
	for k in 1 2 3 4 5 6 7 8; do
		rm -f t.db
		"$JIANYI" --db t.db init --town 甲 >a.out 2>a.err & a=$!
		"$JIANYI" --db t.db init --town 乙 >b.out 2>b.err & b=$!
		sa=0; wait $a || sa=$?
		sb=0; wait $b || sb=$?
		[ $((sa + sb)) -eq 1 ] || { echo "try $k: $sa $sb" >&2; return 1; }
		[ "$(cat a.out b.out)" = "created t.db" ]
		[ "$(cat a.err b.err)" = "jianyi: 't.db' already exists; not overwriting it" ]
		town=$(j --db t.db config get town)
		if [ "$sa" -eq 0 ]; then [ "$town" = 甲 ]; else [ "$town" = 乙 ]; fi
		[ "$(j --db t.db check)" = ok ]
	done
	[ -z "$(ls -A | grep '^\.t\.db\.')" ]
}
