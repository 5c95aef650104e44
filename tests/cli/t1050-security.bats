#!/usr/bin/env bats
# Security: the files that hold personal data are created mode 0600 (even
# under umask 000), backup is an online copy that works while another
# process writes, and check reports plainly. (SQL metacharacters stored
# verbatim, and files that are not jianyi databases: t1000-hostile.)

load helper

mode() {
	stat -c %a "$1"
}

# A writer in the background: $1 rounds of add, assign and reply, in its
# own process group; its failures go to $TMP/writer.err.
writer_start() {
	local rounds=$1
	(
		for ((i = 1; i <= rounds; i++)); do
			n=$("$JIANYI" add --title "写入$i" --station 黄塘 \
			    --submitter 王小明 --phone 13800001234 \
			    --date 2023-01-05) || { echo "add $i" >&2; continue; }
			"$JIANYI" assign "$n" --dept 规划建设办 --date 2023-01-06 ||
			    echo "assign $n" >&2
			"$JIANYI" reply "$n" --dept 规划建设办 --class A \
			    --date 2023-02-01 >/dev/null || echo "reply $n" >&2
		done
	) 2>"$TMP/writer.err" &
	WRITER=$!
}

@test "the database is created mode 0600, even under umask 000" {
	umask 000
	j init >/dev/null
	[ "$(mode "$JIANYI_DB")" = 600 ]
	j station add 黄塘
	[ "$(mode "$JIANYI_DB")" = 600 ]
}

@test "the database's -wal and -shm files are mode 0600 too" {
	umask 000
	town >/dev/null
	# While a connection is open, the WAL files exist.
	run sqlite3 "$JIANYI_DB" "BEGIN; SELECT count(*) FROM station;" \
	    ".shell stat -c '%n %a' '$JIANYI_DB-wal' '$JIANYI_DB-shm'" "COMMIT;"
	[ "$status" -eq 0 ]
	[[ "$output" == *"$JIANYI_DB-wal 600"* ]]
	[[ "$output" == *"$JIANYI_DB-shm 600"* ]]
}

@test "backup is created mode 0600, even under umask 000" {
	umask 000
	town >/dev/null
	j add --title x --submitter 王小明 --phone 13800001234 --date 2023-01-05 >/dev/null
	j backup "$TMP/copy.db"
	[ "$(mode "$TMP/copy.db")" = 600 ]
	[ "$(j --db "$TMP/copy.db" show 2023-0001 --format json | jq -r .phone)" = 13800001234 ]
}

@test "export --with-personal-data -o is mode 0600, even over an existing file" {
	umask 000
	town >/dev/null
	j add --title x --submitter 王小明 --phone 13800001234 --date 2023-01-05 >/dev/null
	j export suggestions --with-personal-data -o "$TMP/full.csv"
	[ "$(mode "$TMP/full.csv")" = 600 ]
	grep -q 13800001234 "$TMP/full.csv"
	# An existing, world-readable file is tightened before it is filled.
	printf 'old\n' >"$TMP/old.csv"
	chmod 644 "$TMP/old.csv"
	j export suggestions --with-personal-data -o "$TMP/old.csv"
	[ "$(mode "$TMP/old.csv")" = 600 ]
	grep -q 13800001234 "$TMP/old.csv"
	# Without personal data, the file holds none.
	j export suggestions -o "$TMP/masked.csv"
	run ! grep -q 13800001234 "$TMP/masked.csv"
	run ! grep -q 王小明 "$TMP/masked.csv"
}

@test "backup works while another process writes: a consistent copy each time" {
	town >/dev/null
	writer_start 40
	for k in 1 2 3 4 5; do
		sleep 0.2
		run j backup "$TMP/copy$k.db"
		[ "$status" -eq 0 ] || { echo "backup $k: $output" >&2; kill "$WRITER"; return 1; }
		[ -z "$output" ]
	done
	wait "$WRITER"
	[ ! -s "$TMP/writer.err" ] || { cat "$TMP/writer.err" >&2; return 1; }
	run j check
	[ "$output" = ok ]
	[ "$(sqlite3 "$JIANYI_DB" 'SELECT count(*) FROM reply')" = 40 ]
	prev=0
	for k in 1 2 3 4 5; do
		c="$TMP/copy$k.db"
		[ "$(mode "$c")" = 600 ]
		run j --db "$c" check
		[ "$output" = ok ] || { echo "copy $k: $output" >&2; return 1; }
		# A snapshot: no half-done command in it.
		run sqlite3 "$c" <"$BATS_TEST_DIRNAME/../stress/invariants.sql"
		[ -z "$output" ] || { echo "copy $k: $output" >&2; return 1; }
		# Later copies hold at least as much.
		n=$(sqlite3 "$c" 'SELECT count(*) FROM suggestion')
		[ "$n" -ge "$prev" ] || { echo "copy $k: $n < $prev" >&2; return 1; }
		[ "$n" -le 40 ] || { echo "copy $k: $n > 40" >&2; return 1; }
		prev=$n
	done
}

@test "writers are not refused while a backup runs" {
	town >/dev/null
	# A database big enough that a backup takes a while.
	python3 "$BATS_TEST_DIRNAME/../stress/gen-ledger.py" 2000 >"$TMP/big.csv"
	j import suggestions "$TMP/big.csv" --quiet >/dev/null
	writer_start 10
	j backup "$TMP/copy.db"
	wait "$WRITER"
	[ ! -s "$TMP/writer.err" ] || { cat "$TMP/writer.err" >&2; return 1; }
	[ "$(j --db "$TMP/copy.db" check)" = ok ]
	[ "$(sqlite3 "$JIANYI_DB" "SELECT count(*) FROM suggestion WHERE status = 'replied'
	    AND title LIKE '写入%'")" = 10 ]
}

@test "check reports plainly: ok, a broken reference, a damaged page" {
	town >/dev/null
	for i in $(seq 1 30); do j add --title "标题$i" --date 2023-01-05 >/dev/null; done
	run j check
	[ "$status" -eq 0 ]
	[ "$output" = ok ]
	# A reference to a department that does not exist.
	cp "$JIANYI_DB" "$TMP/fk.db"
	sqlite3 "$TMP/fk.db" "INSERT INTO assignment(suggestion_id, department_id,
	    role, assigned_on) VALUES (1, 99, 'lead', '2023-01-06')"
	run j --db "$TMP/fk.db" check
	[ "$status" -eq 3 ]
	[ "${lines[0]}" = "foreign key: assignment row 1 refers to a missing department row" ]
	[ "${lines[1]}" = "1 problem found" ]
	# A damaged index page: the page type byte overwritten.
	cp "$JIANYI_DB" "$TMP/bad.db"
	root=$(sqlite3 "$TMP/bad.db" "SELECT rootpage FROM sqlite_schema
	    WHERE name = 'suggestion_received_on'")
	psize=$(sqlite3 "$TMP/bad.db" 'PRAGMA page_size')
	printf '\015' | dd of="$TMP/bad.db" bs=1 seek=$(( (root - 1) * psize )) \
	    conv=notrunc 2>/dev/null
	out=$(j --db "$TMP/bad.db" check 2>/dev/null) && status=0 || status=$?
	[ "$status" -eq 3 ]
	[[ "$out" == "integrity: "* ]]
	[[ "$out" == *"On tree page $root"* ]]
	[[ "$(tail -1 <<<"$out")" != ok ]]
}
