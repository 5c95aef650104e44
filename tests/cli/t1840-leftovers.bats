#!/usr/bin/env bats
# No hidden temporary file is left beside the user's files, whatever ends
# the program while it writes one: out of memory (exit 3 from anywhere)
# or SIGTERM, SIGINT or SIGHUP just before the file is put in place.

load helper

TOP="$BATS_TEST_DIRNAME/../.."

setup_file() {
	SHIM=$(build_shim failmalloc)
	KILL=$(build_shim killfsync)
	export SHIM KILL
}

setup() {
	common_setup
	[ -f "$KILL" ] || skip "cannot build the shims (no C compiler)"
	# ASan lets another library come first only when told.
	export ASAN_OPTIONS=verify_asan_link_order=0
	export JIANYI_TODAY=2023-12-31
	j init --town 乐平镇 >/dev/null
	j import suggestions "$TOP/tests/fixtures/ledger-states.csv" >/dev/null
	mkdir out
}

# What is in out/, hidden files too, one a line.
left() { ls -A out; }

@test "a signal just before the file is put in place removes the temporary file, and the old file stays" {
	echo old > out/l.csv
	KILLFSYNC=15 LD_PRELOAD="$KILL" run -143 "$JIANYI" export suggestions -o out/l.csv
	[ "$(left)" = l.csv ]
	[ "$(cat out/l.csv)" = old ]
	# A runner may start the suite with SIGINT and SIGHUP ignored, which
	# jianyi then leaves ignored: they are set back to the default here.
	KILLFSYNC=2 LD_PRELOAD="$KILL" run -130 env --default-signal=INT \
	    "$JIANYI" report --year 2022 -o out/r.html
	[ "$(left)" = l.csv ]
	KILLFSYNC=1 LD_PRELOAD="$KILL" run -129 env --default-signal=HUP \
	    "$JIANYI" backup out/b.db
	[ "$(left)" = l.csv ]
	KILLFSYNC=15 LD_PRELOAD="$KILL" JIANYI_DB=out/new.db run -143 "$JIANYI" init
	[ "$(left)" = l.csv ]
	# Without a signal the same commands write their files.
	j export suggestions -o out/l.csv
	j backup out/b.db
	[ "$(left | tr '\n' ' ')" = "b.db l.csv " ]
}

@test "out of memory at any point of a write leaves no temporary file" {
	[ -z "${JIANYI_REAL:-}" ] || skip "valgrind replaces malloc"
	if ldd "$JIANYI" 2>/dev/null | grep -q libasan; then
		skip "the sanitizers replace malloc"
	fi
	local n total args
	for args in "export suggestions -o out/l.csv" \
	    "report --year 2022 -o out/r.html" "backup out/b.db"; do
		FAILMALLOC_COUNT="$TMP/count" LD_PRELOAD="$SHIM" "$JIANYI" $args
		total=$(cat "$TMP/count")
		rm -f out/*
		for ((n = 230; n <= total; n += 4)); do
			FAILMALLOC_N=$n LD_PRELOAD="$SHIM" "$JIANYI" $args \
			    >/dev/null 2>&1 || true
			rm -f out/l.csv out/r.html out/b.db
			[ -z "$(left)" ] || { echo "$args: allocation $n of $total left $(left)"; return 1; }
		done
	done
}
