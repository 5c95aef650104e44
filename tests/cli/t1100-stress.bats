#!/usr/bin/env bats
# Crash safety and concurrency at a small count (tests/stress/run small):
# SIGKILL during an import and during a burst of lifecycle commands, and
# four writers at once. `make stress` runs the full counts.

load helper

@test "stress (small): kills leave a sound database; concurrent writers lose nothing" {
	if [ -n "${JIANYI_REAL:-}" ]; then
		# Under valgrind (make valgrind) a killed process reports
		# nothing, and the timings lose their meaning.
		skip "stress runs on the plain binary (make stress)"
	fi
	run "$BATS_TEST_DIRNAME/../stress/run" small
	printf '%s\n' "$output" >&2
	[ "$status" -eq 0 ]
	[ "${lines[-1]}" = "stress: ok" ]
}
