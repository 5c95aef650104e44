# Shared set-up for the CLI tests: a fresh directory and database per test,
# a fixed "today", and helpers in the spirit of git's test-lib.

# `run ! cmd` and `run -N cmd` need bats 1.5.
bats_require_minimum_version 1.5.0

setup() {
	common_setup
}

common_setup() {
	TMP=$(mktemp -d)
	export JIANYI_DB="$TMP/t.db"
	export JIANYI_TODAY=2023-03-31
	export JIANYI_USER=secretary
	export LC_ALL=C.UTF-8
	unset JIANYI_LANG VISUAL EDITOR NO_COLOR
	cd "$TMP" || return 1
}

teardown() {
	rm -rf "$TMP"
}

j() {
	"$JIANYI" "$@"
}

# A database with the town's registries: three stations, three
# departments, three deputies.
town() {
	j init --town 乐平镇 >/dev/null &&
	j station add 黄塘 --village 黄塘村 &&
	j station add 源潭 &&
	j station add 华埭村 &&
	j dept add 规划建设办 &&
	j dept add 交通运输办 &&
	j dept add 社会事务办 &&
	j deputy add 陈大文 --station 黄塘 --phone 13812342415 &&
	j deputy add 李小红 --level district --station 源潭 &&
	j deputy add 王建国
}

# The database's contents, to prove that a refusal changed nothing: the
# SQL dump and the header fields that .dump leaves out.
dump() {
	sqlite3 "$JIANYI_DB" 'PRAGMA user_version' 'PRAGMA application_id' .dump
}

# Compares the expected text on stdin with $output, showing a diff.
expect_output() {
	local want
	want=$(cat)
	if [ "$output" != "$want" ]; then
		diff -u <(printf '%s\n' "$want") <(printf '%s\n' "$output") >&2
		return 1
	fi
}

# Runs a command that must be refused: status $1, one line on stderr
# equal to $2, nothing on stdout, and the database unchanged.
refused() {
	local want_status=$1 want_msg=$2
	shift 2
	local before after err out status
	before=$(dump)
	out=$("$JIANYI" "$@" 2>"$TMP/stderr") && status=0 || status=$?
	err=$(cat "$TMP/stderr")
	after=$(dump)
	if [ "$status" != "$want_status" ]; then
		echo "status $status, want $want_status; stderr: $err" >&2
		return 1
	fi
	if [ "$err" != "jianyi: $want_msg" ]; then
		echo "stderr: '$err'" >&2
		echo "want:   'jianyi: $want_msg'" >&2
		return 1
	fi
	if [ -n "$out" ]; then
		echo "unexpected stdout: $out" >&2
		return 1
	fi
	if [ "$before" != "$after" ]; then
		echo "the database changed" >&2
		return 1
	fi
}

# expect_output for text tables, which end no line with blanks.
expect_table() {
	expect_output
}

# Like expect_output for CSV: every expected line ends in CRLF.
expect_csv() {
	local want
	want=$(sed 's/$/\r/')
	if [ "$output" != "$want" ]; then
		diff -u <(printf '%s\n' "$want" | cat -A) \
		    <(printf '%s\n' "$output" | cat -A) >&2
		return 1
	fi
}

# $output as compact JSON (jq -c), so that it can be compared exactly.
compact() {
	output=$(jq -c . <<<"$output")
}

# One key of "show NUMBER --format json", raw: sfield 2022-0001 due
sfield() {
	"$JIANYI" show "$1" --format json | jq -r ".$2"
}

# Runs a command that must fail where there is no database to compare
# (dump would create one): status $1, stderr "jianyi: $2" (one line), no
# stdout.
fails() {
	local want_status=$1 want_msg=$2
	shift 2
	local err out status
	out=$("$JIANYI" "$@" 2>"$TMP/stderr") && status=0 || status=$?
	err=$(cat "$TMP/stderr")
	if [ "$status" != "$want_status" ]; then
		echo "status $status, want $want_status; stderr: $err" >&2
		return 1
	fi
	if [ "$err" != "jianyi: $want_msg" ]; then
		echo "stderr: '$err'" >&2
		echo "want:   'jianyi: $want_msg'" >&2
		return 1
	fi
	if [ -n "$out" ]; then
		echo "unexpected stdout: $out" >&2
		return 1
	fi
}

# Like refused, for several lines on stderr: the expected stderr, exactly,
# comes on standard input.
refused_all() {
	local want_status=$1
	shift
	local before after err out status want
	want=$(cat)
	before=$(dump)
	out=$("$JIANYI" "$@" 2>"$TMP/stderr") && status=0 || status=$?
	err=$(cat "$TMP/stderr")
	after=$(dump)
	[ "$status" = "$want_status" ] || {
		echo "status $status, want $want_status; stderr: $err" >&2
		return 1
	}
	[ "$err" = "$want" ] || {
		diff -u <(printf '%s\n' "$want") <(printf '%s\n' "$err") >&2
		return 1
	}
	[ -z "$out" ] || { echo "unexpected stdout: $out" >&2; return 1; }
	[ "$before" = "$after" ] || { echo "the database changed" >&2; return 1; }
}

# $output with its CRLF line ends checked and turned into LF.
crlf() {
	local n_lines n_crlf
	n_lines=$(printf '%s\n' "$output" | wc -l)
	n_crlf=$(printf '%s\n' "$output" | grep -c $'\r$')
	[ "$n_lines" = "$n_crlf" ] || { echo "not all lines end in CRLF" >&2; return 1; }
	output=$(printf '%s' "$output" | tr -d '\r')
	mapfile -t lines <<<"$output"
}

# build_shim NAME: builds the test shim tests/shim/NAME.c for LD_PRELOAD
# (in setup_file) and prints the path of the library, which does not exist
# when there is no C compiler: the tests that need it skip.
build_shim() {
	local so="$BATS_FILE_TMPDIR/$1.so"

	cc -shared -fPIC -O2 -o "$so" "$BATS_TEST_DIRNAME/../shim/$1.c" -ldl \
	    2>/dev/null || rm -f "$so"
	printf '%s\n' "$so"
}

# For the tests that drive a prompt through tmux: the town, and a tmux
# server of the test's own, killed at the end.
tmux_setup() {
	common_setup
	town >/dev/null
	SOCK="$TMP/tmux.sock"
}

tmux_teardown() {
	tmux -S "$SOCK" kill-server 2>/dev/null || true
	rm -rf "$TMP"
}

# Takes the database back to schema 7, before migration 8 (issue 14): the
# suggestion table without not_accepted, merged_into and recurring, no
# signatures, no opinions; so that a test can make an older one from it.
schema7() {
	sqlite3 "$JIANYI_DB" <<-'SQL'
	PRAGMA foreign_keys = OFF;
	BEGIN;
	DROP TABLE opinion;
	CREATE TABLE s7 (
		id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE,
		year INTEGER NOT NULL, seq INTEGER,
		title TEXT NOT NULL CHECK (title <> ''), content TEXT,
		station_id INTEGER REFERENCES station(id),
		source TEXT NOT NULL DEFAULT 'other', category TEXT,
		received_on TEXT NOT NULL, submitter TEXT, phone TEXT,
		lead_deputy_id INTEGER REFERENCES deputy(id),
		status TEXT NOT NULL DEFAULT 'registered', assigned_on TEXT,
		due_on TEXT, handler TEXT, note TEXT, UNIQUE (year, seq));
	INSERT INTO s7 SELECT id, number, year, seq, title, content,
		station_id, source, category, received_on, submitter, phone,
		lead_deputy_id, status, assigned_on, due_on, handler, note
		FROM suggestion;
	DROP TABLE suggestion;
	ALTER TABLE s7 RENAME TO suggestion;
	CREATE INDEX suggestion_received_on ON suggestion(received_on);
	CREATE INDEX suggestion_open_due ON suggestion(status, due_on);
	DROP INDEX assignment_suggestion;
	ALTER TABLE assignment DROP COLUMN signed_on;
	CREATE INDEX assignment_suggestion ON assignment(suggestion_id,
		department_id, role, assigned_on, ended_on);
	DROP INDEX reply_suggestion;
	CREATE INDEX reply_suggestion ON reply(suggestion_id, replied_on, class);
	DELETE FROM config WHERE key IN ('route_workdays', 'sign_workdays',
		'return_workdays', 'co_due_months');
	PRAGMA user_version = 7;
	COMMIT;
	SQL
}
