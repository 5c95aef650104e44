#!/usr/bin/env bats
# Allocation failure and a busy database (issue 11, item 12: coverage of
# the error paths).  Allocation failure:
# tests/shim/failmalloc.c, preloaded, fails the Nth malloc, calloc or
# realloc.  Each command either works or fails with one line on stderr,
# exit 1 or 3, and the database unchanged: no crash, no second line, no
# half-done change.  Not under ASan (it must be the first library) nor
# valgrind (it replaces malloc itself).

load helper

TOP="$BATS_TEST_DIRNAME/../.."

setup_file() {
	SHIM=$(build_shim failmalloc)
	NOSLEEP=$(build_shim nosleep)
	export SHIM NOSLEEP
}

setup() {
	common_setup
	[ -z "${JIANYI_REAL:-}" ] || skip "valgrind replaces malloc and sleeps"
	if ldd "$JIANYI" 2>/dev/null | grep -q libasan; then
		# ASan lets another library come first only when told.
		export ASAN_OPTIONS=verify_asan_link_order=0
		ASAN=1
	fi
	export JIANYI_TODAY=2023-12-31
	j init --town 乐平镇 >/dev/null
	j import suggestions "$TOP/tests/fixtures/ledger-states.csv" >/dev/null
}

# oom_sweep FROM TRIES ARGS...: "jianyi ARGS" with the Nth allocation
# failing, for TRIES values of N spread from FROM to the number of
# allocations the command makes, and the last three, each on a fresh
# copy of the database.
# Each failure that breaks the contract is a line of $TMP/oom.bad.
oom_sweep() {
	local from=$1 tries=$2 n total st err base step
	shift 2
	cp "$JIANYI_DB" "$TMP/base.db"
	base=$(dump)
	FAILMALLOC_COUNT="$TMP/count" LD_PRELOAD="$SHIM" "$JIANYI" "$@" \
	    >/dev/null 2>&1 || { echo "$*: fails without a failure" >&2; return 1; }
	total=$(cat "$TMP/count")
	[ "$total" -gt "$from" ] || { echo "$*: only $total allocations" >&2; return 1; }
	step=$(( (total - from) / tries + 1 ))
	: >>"$TMP/oom.bad"
	# The last few too: the final flush of a memory stream (the text
	# tables) allocates there, and a step can stride past it.
	for n in $(seq "$from" "$step" "$total") $((total - 3)) \
	    $((total - 2)) $((total - 1)); do
		rm -f "$JIANYI_DB"-* "$TMP"/out.*
		cp "$TMP/base.db" "$JIANYI_DB"
		FAILMALLOC_N=$n LD_PRELOAD="$SHIM" "$JIANYI" "$@" \
		    >/dev/null 2>"$TMP/oom.err" && st=0 || st=$?
		[ "$st" -eq 0 ] && continue
		err=$(cat "$TMP/oom.err")
		if [ "$st" != 1 ] && [ "$st" != 3 ]; then
			echo "$1 (allocation $n of $total): exit $st: $err"
		elif [[ "$err" != "jianyi: "* || "$err" == *$'\n'* ]]; then
			echo "$1 (allocation $n of $total): stderr '$err'"
		elif [ "$(dump)" != "$base" ]; then
			echo "$1 (allocation $n of $total): the database changed"
		fi >>"$TMP/oom.bad"
	done
	cp "$TMP/base.db" "$JIANYI_DB"
	rm -f "$JIANYI_DB"-*
}

# The sanitizers replace malloc: the shim cannot fail it.
failmalloc_or_skip() {
	[ -z "${ASAN:-}" ] || skip "the sanitizers replace malloc"
	[ -f "$SHIM" ] || skip "cannot build the shim (no C compiler)"
}

# The contract holds for every N tried; the failures are shown.
no_bad() {
	[ ! -s "$TMP/oom.bad" ] || { head -20 "$TMP/oom.bad" | tr '\n' '|' >&2; return 1; }
}

@test "allocation failure while opening the database: one line, nothing changed" {
	failmalloc_or_skip
	# The first thousand or so allocations open the database.
	oom_sweep 1 150 list
	no_bad
}

@test "allocation failure in the writers: add, reply, rate, backup, export" {
	failmalloc_or_skip
	oom_sweep 900 60 add --title 路灯 --station 黄塘 --deputy 陈志强 \
	    --submitter 王小明 --phone 13800001234 --content 修 --date 2023-01-05
	oom_sweep 900 40 reply 2022-0002 --dept 交通运输办 --class B --text 已安排 --date 2022-08-01
	oom_sweep 900 40 rate 2022-0003 basic --date 2022-08-01
	oom_sweep 900 40 backup "$TMP/out.db"
	oom_sweep 900 40 export suggestions -o "$TMP/out.csv"
	no_bad
}

@test "allocation failure in the readers: report (json, html), show, log" {
	failmalloc_or_skip
	oom_sweep 900 40 report --year 2022 --format json
	oom_sweep 900 40 report --year 2022 --format html -o "$TMP/out.html"
	oom_sweep 900 30 show 2022-0005 --format json
	oom_sweep 900 30 log
	no_bad
}

# Defects this found (issue 12, item 12): under allocation failure
#  - import read a failed lookup as "not there": false refusals such as
#    "station '黄塘' already exists" or "the database '(null)'" (a bound
#    value SQLite could not copy, a cJSON member never added), and a
#    crash (ledger.c held_from: strcmp on NULL);
#  - the xlsx report crashed (a NULL format; libxlsxwriter itself, in
#    lxw_worksheet_new);
#  - assign took the default deadline when reading the setting failed
#    and printed a second line;
#  - the text tables (list, report, check) crashed on a NULL buffer.
@test "allocation failure in import, assign, text tables and the xlsx report: one line, nothing changed" {
	failmalloc_or_skip
	oom_sweep 900 40 assign 2022-0001 --dept 规划建设办 --co 交通运输办 --date 2022-07-20
	oom_sweep 1700 60 list
	oom_sweep 900 40 report --year 2022
	oom_sweep 900 30 check
	oom_sweep 900 60 import suggestions "$TOP/tests/fixtures/ledger-states.csv"
	oom_sweep 900 60 import --update suggestions "$TOP/tests/fixtures/ledger-states-gb18030.csv"
	oom_sweep 900 60 report --year 2022 --format xlsx -o "$TMP/out.xlsx"
	no_bad
}

# The workbook is built in a child process, whose allocations the count
# of the parent leaves out: N runs on past it, into the child's.  Each
# failure is one line, exit 3, and no file.
@test "allocation failure inside libxlsxwriter: one line, exit 3, no file" {
	failmalloc_or_skip
	local n total st
	FAILMALLOC_COUNT="$TMP/count" LD_PRELOAD="$SHIM" "$JIANYI" report \
	    --year 2022 --format xlsx -o "$TMP/out.xlsx"
	[ -s "$TMP/out.xlsx" ]
	total=$(cat "$TMP/count")
	: >"$TMP/oom.bad"
	for ((n = total - 40; n <= total + 1200; n += 9)); do
		rm -f "$TMP/out.xlsx"
		FAILMALLOC_N=$n LD_PRELOAD="$SHIM" "$JIANYI" report --year 2022 \
		    --format xlsx -o "$TMP/out.xlsx" >/dev/null 2>"$TMP/oom.err" &&
		    st=0 || st=$?
		[ "$st" -eq 0 ] && continue
		if [ "$st" != 3 ] || [ "$(wc -l <"$TMP/oom.err")" != 1 ] ||
		    ! grep -q '^jianyi: ' "$TMP/oom.err"; then
			echo "$n: exit $st: $(tr '\n' '|' <"$TMP/oom.err")"
		elif [ -e "$TMP/out.xlsx" ]; then
			echo "$n: a file after a failure"
		fi >>"$TMP/oom.bad"
	done
	no_bad
}

# A busy database: another process holds the write lock.  tests/shim/
# nosleep.c makes SQLite's 30-second busy timeout run out at once.
@test "a busy database: a writer fails with one line, exit 3; readers and backup still work" {
	[ -f "$NOSLEEP" ] || skip "cannot build the shim (no C compiler)"
	mkfifo "$TMP/lock"
	sqlite3 "$JIANYI_DB" <"$TMP/lock" >"$TMP/lock.out" 2>&1 3>&- &
	exec 7>"$TMP/lock"
	echo "BEGIN IMMEDIATE; INSERT INTO config(key, value) VALUES ('zz', '1'); SELECT 'locked';" >&7
	for i in $(seq 50); do
		[ -s "$TMP/lock.out" ] && break
		sleep 0.1
	done
	[ "$(cat "$TMP/lock.out")" = locked ]
	before=$(sqlite3 "$JIANYI_DB" .dump)
	LD_PRELOAD="$NOSLEEP" run --separate-stderr "$JIANYI" add --title 路灯 --date 2023-01-05
	[ "$status" -eq 3 ]
	[ -z "$output" ]
	[ "$stderr" = "jianyi: $JIANYI_DB: the database is busy; try again" ]
	LD_PRELOAD="$NOSLEEP" run --separate-stderr "$JIANYI" list --format csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 7 ]
	LD_PRELOAD="$NOSLEEP" run --separate-stderr "$JIANYI" backup "$TMP/copy.db"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	exec 7>&-
	wait
	# The lock's own transaction was never committed; nothing else changed.
	[ "$(sqlite3 "$JIANYI_DB" .dump)" = "$before" ]
	[ "$(j --db "$TMP/copy.db" list --format csv)" = "$(j list --format csv)" ]
}
