#!/usr/bin/env bats
# The README's examples run as written (issue 12, item 2).  The README's
# ```sh and ```console blocks are taken out by tests/readme-blocks.awk
# (POSIX awk) and run, in order, each in its own sh, in one folder with
# the source tree's data/, with jianyi on PATH, in an empty HOME and
# without JIANYI_TODAY or JIANYI_DB (the README sets what it needs).  A
# console block's output must be what the README shows; every command of
# an sh block must succeed.

load helper

TOP="$BATS_TEST_DIRNAME/../.."

setup() {
	common_setup
	unset JIANYI_TODAY JIANYI_DB JIANYI_LANG
	export HOME="$TMP/home"
	mkdir -p "$HOME" "$TMP/bin" "$TMP/blocks" "$TMP/src"
	ln -s "$JIANYI" "$TMP/bin/jianyi"
	# The tour pages an export through less; a test has no one to
	# read it, and a minimal system no less.
	printf '#!/bin/sh\nexec cat "$@"\n' >"$TMP/bin/less"
	chmod +x "$TMP/bin/less"
	export PATH="$TMP/bin:$PATH"
	ln -s "$(cd "$TOP" && pwd)/data" "$TMP/src/data"
	awk -v dir="$TMP/blocks" -f "$TOP/tests/readme-blocks.awk" \
	    "$TOP/README.md"
}

# Runs block N in $TMP/src: a console block's transcript against the
# README's, an sh block under sh -e.
run_block() {
	local n=$1
	if [ -f "$TMP/blocks/$n.want" ]; then
		(cd "$TMP/src" || exit 1; sh "$TMP/blocks/$n.sh") >"$TMP/blocks/$n.got" 2>&1
		diff -u "$TMP/blocks/$n.want" "$TMP/blocks/$n.got" >&2 || return 1
	else
		(cd "$TMP/src" || exit 1; sh -e "$TMP/blocks/$n.sh") >"$TMP/blocks/$n.got" 2>&1 ||
		    { tail -5 "$TMP/blocks/$n.got" >&2; return 1; }
	fi
}

@test "r2: the README has its console session and its tour" {
	[ -f "$TMP/blocks/1.want" ]
	grep -q '^jianyi import stations data/stations.csv' "$TMP/blocks/1.sh"
	[ -f "$TMP/blocks/2.sh" ]
	[ ! -f "$TMP/blocks/2.want" ]
	grep -q '^jianyi init --town 乐平镇$' "$TMP/blocks/2.sh"
	[ ! -f "$TMP/blocks/3.sh" ]
}

@test "r2: the Chinese session (中文界面) runs as the README shows it" {
	run_block 1
	# The station file it imports is GB18030, as the README says.
	run iconv -f UTF-8 -t UTF-8 "$TOP/data/stations.csv"
	[ "$status" -ne 0 ]
	[ -s "$TMP/src/2023年3月.html" ]
}

@test "r2: the tour runs as written, from an empty HOME, and its reports show figures" {
	run_block 2
	[ "$(stat -c %a "$HOME/人大")" = 700 ]
	[ "$(stat -c %a "$HOME/人大/jianyi.db")" = 600 ]
	[ "$(stat -c %a "$HOME/人大/jianyi-2023-04-02.db")" = 600 ]
	export JIANYI_DB="$HOME/人大/jianyi.db"
	# 2022: one suggestion, replied on time, rated satisfied at last.
	run j report --year 2022 --format json
	[ "$status" -eq 0 ]
	[ "$(jq -c '.cohort | [.received, .replied, .rates.on_time.num, .closed, .ratings.satisfied, .rates.contact.num]' <<<"$output")" = '[1,1,1,1,1,1]' ] ||
	    { echo "$output" >&2; return 1; }
	# March 2023: two received, one replied, one rated.
	run j report --month 2023-03 --format json
	[ "$(jq -c '.cohort | [.received, .replied, .rated, .ratings.basic]' <<<"$output")" = '[2,1,1,1]' ] ||
	    { echo "$output" >&2; return 1; }
	run j list --status open --station 黄塘 --format json
	[ "$(jq -r '.[].number' <<<"$output")" = 2023-0002 ]
	run j overdue --as-of 2023-7-31 --format json
	[ "$(jq -r '.[].number' <<<"$output")" = 2023-0002 ]
	[ -s "$TMP/src/2023年3月.xlsx" ]
	[ -s "$TMP/src/台账.csv" ]
}

@test "r2: init makes the missing folders above the database, mode 0700" {
	run j --db "$TMP/a/b/c.db" init
	[ "$status" -eq 0 ]
	[ "$output" = "created $TMP/a/b/c.db" ]
	[ "$(stat -c %a "$TMP/a")" = 700 ]
	[ "$(stat -c %a "$TMP/a/b")" = 700 ]
	[ "$(stat -c %a "$TMP/a/b/c.db")" = 600 ]
	# An existing folder is left as it is.
	chmod 755 "$TMP/a"
	run j --db "$TMP/a/d/e.db" init
	[ "$status" -eq 0 ]
	[ "$(stat -c %a "$TMP/a")" = 755 ]
}

@test "r2: a refused init makes no folder" {
	run j --db "$TMP/n/m/x.db-wal" init
	[ "$status" -eq 1 ]
	[ ! -e "$TMP/n" ]
}

@test "r2: an init that fails removes the folders it made" {
	# A name too long for the file system: the folders can be made,
	# the database cannot.
	long=$(printf 'x%.0s' $(seq 300))
	run j --db "$TMP/p/q/$long.db" init
	[ "$status" -eq 3 ]
	[ ! -e "$TMP/p" ]
}
