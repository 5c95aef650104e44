#!/usr/bin/env bats
# The benchmark (bench/run, issue 5) at a small count, so that it cannot
# rot: it runs and prints every figure. No timing is asserted: a test
# machine's speed is nobody's business.

load helper

@test "bench/run 1000 prints every figure and finds no point command scanning" {
	if [ -n "${JIANYI_REAL:-}" ]; then
		skip "the benchmark runs on the plain binary (make bench)"
	fi
	command -v python3 >/dev/null || skip "python3 is not installed"
	top=$BATS_TEST_DIRNAME/../..
	BENCH_RUNS=1 BENCH_QRUNS=2 BENCH_DIR=$TMP/bench \
	    run "$top/bench/run" 1000
	printf '%s\n' "$output" >&2
	[ "$status" -eq 0 ]
	for figure in "import: jianyi " "import: jianyi peak RSS" \
	    "import: sqlite3 .import" "import: sqlite-utils" \
	    "import: csvsql" "report --month 2025-06" "report --year 2024" \
	    "overdue" "list --month 2025-06" "show " "add " "assign " \
	    "reply " "jianyi --version"; do
		grep -q "^$figure" <<<"$output" || {
			echo "no line for '$figure'" >&2
			return 1
		}
	done
	# Every timed figure is a number, not "failed".
	if grep " failed " <<<"$output"; then return 1; fi
	grep -q "^# sqlplan: .* 0 of the point commands scan" <<<"$output"
}
