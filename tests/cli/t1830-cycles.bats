#!/usr/bin/env bats
# 13.2: tests/cycles, which make test runs on the tree as it is, finds a
# circle between source files, whether made by calls or by includes.

load helper

TOP="$BATS_TEST_DIRNAME/../.."

setup() {
	common_setup
	command -v cc >/dev/null || skip "no C compiler"
	mkdir -p tree/src tree/include obj
}

# cyc FILE TEXT: writes tree/FILE.
cyc() { printf '%s\n' "$2" > "tree/$1"; }
build() {
	local f
	for f in tree/src/*.c; do
		cc -c -Itree/include -o "obj/$(basename "${f%.c}").o" "$f" || return 1
	done
}

@test "13.2: two files that call each other are a circle, each edge named" {
	cyc include/a.h 'void a(void);'
	cyc include/b.h 'void b(void);'
	cyc src/a.c $'#include "b.h"\nvoid a(void) { b(); }'
	cyc src/b.c $'#include "a.h"\nvoid b(void) { a(); }'
	cyc src/c.c $'#include "a.h"\nvoid c(void) { a(); }'
	build
	CYCLES_TOP=$PWD/tree CYCLES_LAYERS=/dev/null run "$TOP/tests/cycles" obj
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "tests/cycles: a circle among: b a" ] ||
	    [ "${lines[0]}" = "tests/cycles: a circle among: a b" ] || return 1
	[[ $output == *"  a -> b (#include \"b.h\")"* ]] || return 1
	[[ $output == *"  b -> a (#include \"a.h\")"* ]] || return 1
	[[ $output != *"c ->"* ]] || return 1
}

@test "13.2: a call upwards with no include is found from the objects" {
	cyc src/low.c $'void high(void);\nvoid low(void) { high(); }'
	cyc src/high.c $'void low(void);\nvoid high(void) { low(); }'
	build
	CYCLES_TOP=$PWD/tree CYCLES_LAYERS=/dev/null run "$TOP/tests/cycles" obj
	[ "$status" -eq 1 ]
	[[ $output == *"  low -> high (high())"* ]] || return 1
	[[ $output == *"  high -> low (low())"* ]] || return 1
}

@test "13.2: a layered tree passes; no objects is a usage error" {
	cyc include/low.h 'int low(void);'
	cyc src/low.c $'#include "low.h"\nint low(void) { return 1; }'
	cyc src/high.c $'#include "low.h"\nint high(void) { return low(); }'
	build
	CYCLES_TOP=$PWD/tree CYCLES_LAYERS=/dev/null run "$TOP/tests/cycles" obj
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	mkdir empty
	run "$TOP/tests/cycles" empty
	[ "$status" -eq 2 ]
	[ "$output" = "tests/cycles: no objects in $(cd empty && pwd)" ]
}

@test "13.2: an arrow up, from a lower layer to a higher one, is refused even without a circle" {
	printf 'base\tlow\ncmd\thigh\n' > layers
	cyc include/high.h 'int high(void);'
	cyc src/low.c $'#include "high.h"\nint low(void) { return high(); }'
	cyc src/high.c $'int high(void) { return 2; }'
	build
	CYCLES_TOP=$PWD/tree CYCLES_LAYERS=$PWD/layers run "$TOP/tests/cycles" obj
	[ "$status" -eq 1 ]
	[[ $output == *"tests/cycles: an arrow up: low (base) -> high (cmd) (#include \"high.h\")"* ]] || return 1
	[ "$(grep -c 'arrow up' <<<"$output")" -eq 1 ]
	# A file in no layer is named.
	printf 'base\tlow\n' > layers
	CYCLES_TOP=$PWD/tree CYCLES_LAYERS=$PWD/layers run "$TOP/tests/cycles" obj
	[ "$status" -eq 1 ]
	[[ $output == *"tests/cycles: high is in no layer of $PWD/layers"* ]] || return 1
	# The other way is allowed.
	printf 'base\thigh\ncmd\tlow\n' > layers
	CYCLES_TOP=$PWD/tree CYCLES_LAYERS=$PWD/layers run "$TOP/tests/cycles" obj
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}
