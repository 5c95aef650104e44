#!/usr/bin/env bats
# The suite's own honesty (issue 11, item 12): tests that kill the bugs an
# audit planted and the suite let live, and tests of the suite's tools
# (the lint of dead assertions, the skip count of tests/run).

load helper

TOP="$BATS_TEST_DIRNAME/../.."

@test "lint-bats: reports each assertion that cannot fail, by FILE:LINE" {
	run "$TOP/tests/lint-bats" "$TOP/tests/fixtures/lint/bad.bats"
	[ "$status" -eq 1 ]
	f="$TOP/tests/fixtures/lint/bad.bats"
	expect_output <<OUT
$f:5: a bare "!" command cannot fail here (not the last line)
$f:6: the first half of "a && b" cannot fail here (not the last line)
$f:7: the first half of "a && b" cannot fail here (not the last line)
$f:10: the first half of "a && b" cannot fail here (not the last line)
$f:16: a bare "!" command cannot fail here (not the last line)
OUT
}

@test "lint-bats: leaves live assertions, conditions, quotes and here-documents alone" {
	run "$TOP/tests/lint-bats" "$TOP/tests/fixtures/lint/good.bats"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "lint-bats: the suite itself has no dead assertion" {
	run "$TOP/tests/lint-bats" "$TOP"/tests/cli/*.bats "$TOP/tests/cli/helper.bash"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

# tests/run on the sample tests, in a clean environment: a bats inside
# bats would otherwise inherit the outer run's BATS_ variables, and its
# PATH, where "bats" is bats' own internal command.
sample_run() {
	local path
	path=$(printf '%s\n' "$PATH" | tr : '\n' | grep -v bats-core | paste -sd :)
	env -i PATH="$path" HOME="$HOME" JIANYI="$JIANYI" UNITS= \
	    SAMPLE_FAIL="${SAMPLE_FAIL:-}" CLI_TESTS="$TOP/tests/fixtures/run" \
	    "$TOP/tests/run"
}

@test "tests/run counts a skipped test as skipped, not as passed" {
	run sample_run
	[ "$status" -eq 0 ]
	expect_output <<OUT
# cli: bats $TOP/tests/fixtures/run
SKIP: ok 2 is skipped # skip a reason
2 passed, 0 failed, 1 skipped
OUT
	SAMPLE_FAIL=1 run sample_run
	[ "$status" -eq 1 ]
	[ "${lines[1]}" = "FAIL: not ok 3 fails on demand" ]
	[ "${lines[-1]}" = "1 passed, 1 failed, 1 skipped" ]
}

# A stand-in for jianyi that refuses, but changes one PRAGMA on the way.
pragma_changer() {
	cat >"$TMP/fake" <<FAKE
#!/bin/sh
v=\$(sqlite3 "\$JIANYI_DB" 'PRAGMA $1')
sqlite3 "\$JIANYI_DB" "PRAGMA $1 = \$((v + 1))"
echo 'jianyi: no' >&2
exit 1
FAKE
	chmod +x "$TMP/fake"
}

@test "refused and refused_all see a changed user_version or application_id" {
	town >/dev/null
	for p in user_version application_id; do
		pragma_changer "$p"
		JIANYI="$TMP/fake" run refused 1 no list
		[ "$status" -eq 1 ] || { echo "$p: refused passed" >&2; return 1; }
		[ "$output" = "the database changed" ]
		JIANYI="$TMP/fake" run refused_all 1 list <<<'jianyi: no'
		[ "$status" -eq 1 ] || { echo "$p: refused_all passed" >&2; return 1; }
		[ "$output" = "the database changed" ]
	done
	# The stand-in that changes nothing passes.
	printf '#!/bin/sh\necho "jianyi: no" >&2\nexit 1\n' >"$TMP/fake"
	JIANYI="$TMP/fake" refused 1 no list
}
