#!/usr/bin/env bats
# init: creating the database, refusing what is already there, and which
# file a command opens (--db, $JIANYI_DB, ./jianyi.db).

load helper

@test "init creates the database, mode 0600, and says so" {
	run j init
	[ "$status" -eq 0 ]
	[ "$output" = "created $JIANYI_DB" ]
	[ -f "$JIANYI_DB" ]
	[ "$(stat -c %a "$JIANYI_DB")" = 600 ]
	run j check
	[ "$status" -eq 0 ]
	[ "$output" = ok ]
}

@test "init without --town leaves the town empty" {
	j init >/dev/null
	run j config get town
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
}

@test "init --town sets the town setting" {
	j init --town 乐平镇 >/dev/null
	run j config get town
	[ "$status" -eq 0 ]
	[ "$output" = 乐平镇 ]
}

@test "init refuses an existing database and leaves it alone" {
	j init --town 乐平镇 >/dev/null
	j station add 黄塘
	refused 1 "'$JIANYI_DB' already exists; not overwriting it" init
	refused 1 "'$JIANYI_DB' already exists; not overwriting it" \
	    init --town 别的镇
	[ "$(j config get town)" = 乐平镇 ]
}

@test "init refuses an existing text file and does not touch it" {
	printf 'minutes of the meeting\n' >"$JIANYI_DB"
	cp "$JIANYI_DB" "$TMP/orig"
	fails 1 "'$JIANYI_DB' already exists; not overwriting it" init
	cmp "$JIANYI_DB" "$TMP/orig"
}

@test "init refuses a directory as --db" {
	mkdir "$TMP/dir"
	fails 1 "'$TMP/dir' already exists; not overwriting it" \
	    --db "$TMP/dir" init
	[ -d "$TMP/dir" ]
}

@test "init refuses an empty --town and creates nothing" {
	fails 1 "town must not be empty" init --town ''
	[ ! -e "$JIANYI_DB" ]
}

@test "init refuses a town name with a control character" {
	fails 1 "town has a control character" init --town $'乐平\t镇'
	[ ! -e "$JIANYI_DB" ]
}

@test "init takes no arguments" {
	fails 2 "unexpected argument 'x.db'; see 'jianyi init --help'" \
	    init x.db
	[ ! -e "$JIANYI_DB" ]
	[ ! -e "$TMP/x.db" ]
}

@test "init under a file that is not a directory is an I/O failure" {
	: >"$TMP/no"
	fails 3 "$TMP/no/t.db: Not a directory" \
	    --db "$TMP/no/t.db" init
}

@test "a command without a database says to run init" {
	fails 1 "no database at '$JIANYI_DB'; run 'jianyi init' first" list
	[ ! -e "$JIANYI_DB" ]
	fails 1 "no database at '$JIANYI_DB'; run 'jianyi init' first" \
	    station add 黄塘
	[ ! -e "$JIANYI_DB" ]
}

@test "another program's SQLite database is refused, unchanged" {
	sqlite3 "$TMP/other.db" 'CREATE TABLE t(a); INSERT INTO t VALUES (1);'
	before=$(sqlite3 "$TMP/other.db" .dump)
	fails 1 "'$TMP/other.db' is not a jianyi database" \
	    --db "$TMP/other.db" list
	fails 1 "'$TMP/other.db' is not a jianyi database" \
	    --db "$TMP/other.db" station add 黄塘
	[ "$(sqlite3 "$TMP/other.db" .dump)" = "$before" ]
}

@test "a text file is refused as a database, unchanged" {
	printf 'not a database at all\n%.0s' 1 2 3 >"$TMP/notes.txt"
	cp "$TMP/notes.txt" "$TMP/orig"
	fails 1 "'$TMP/notes.txt' is not a jianyi database" \
	    --db "$TMP/notes.txt" list
	cmp "$TMP/notes.txt" "$TMP/orig"
}

@test "a directory is refused as a database" {
	mkdir "$TMP/dir"
	fails 1 "'$TMP/dir' is not a regular file" --db "$TMP/dir" list
}

@test "a database written by a newer jianyi is refused" {
	j init >/dev/null
	sqlite3 "$JIANYI_DB" 'PRAGMA user_version = 99'
	fails 1 "'$JIANYI_DB' was written by a newer jianyi (schema 99; this program knows 8)" list
	[ "$(sqlite3 "$JIANYI_DB" 'PRAGMA user_version')" = 99 ]
}

@test "an empty file is not taken for a jianyi database" {
	: >"$TMP/empty.db"
	chmod 644 "$TMP/empty.db"
	fails 1 "'$TMP/empty.db' is an empty file, not a jianyi database" \
	    --db "$TMP/empty.db" list
	[ ! -s "$TMP/empty.db" ]
}

@test "--db is used before \$JIANYI_DB" {
	j init --town 甲镇 >/dev/null
	j --db "$TMP/b.db" init --town 乙镇 >/dev/null
	[ "$(j config get town)" = 甲镇 ]
	[ "$(j --db "$TMP/b.db" config get town)" = 乙镇 ]
	[ "$(j --db="$TMP/b.db" config get town)" = 乙镇 ]
}

@test "without --db or \$JIANYI_DB the database is ./jianyi.db" {
	unset JIANYI_DB
	run j init --town 乐平镇
	[ "$status" -eq 0 ]
	[ "$output" = "created jianyi.db" ]
	[ -f "$TMP/jianyi.db" ]
	[ "$(stat -c %a "$TMP/jianyi.db")" = 600 ]
	[ "$(j config get town)" = 乐平镇 ]
	JIANYI_DB= run j config get town
	[ "$output" = 乐平镇 ]
}
