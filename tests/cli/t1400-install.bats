#!/usr/bin/env bats
# make install and uninstall, with DESTDIR: the binary, the man page, the
# Chinese catalog and the completion land where they belong, and the
# installed copy speaks Chinese from its catalog.

load helper

TOP="$BATS_TEST_DIRNAME/../.."

@test "make install puts every file in place; make uninstall removes them" {
	run make -C "$TOP" --no-print-directory install DESTDIR="$TMP/stage"
	[ "$status" -eq 0 ]
	p="$TMP/stage/usr/local"
	[ -x "$p/bin/jianyi" ]
	[ -f "$p/share/man/man1/jianyi.1" ]
	cmp -s "$TOP/man/zh_CN/jianyi.1" "$p/share/man/zh_CN/man1/jianyi.1" || return 1
	[ -f "$p/share/locale/zh_CN/LC_MESSAGES/jianyi.mo" ]
	[ -f "$p/share/bash-completion/completions/jianyi" ]
	# The staged copy has no build tree beside it: it reads its catalog
	# from the installed place (here moved by DESTDIR).
	run env JIANYI_LOCALEDIR="$p/share/locale" JIANYI_LANG=zh \
	    "$p/bin/jianyi" --version
	[ "$output" = "jianyi 0.1.0" ]
	run env JIANYI_LOCALEDIR="$p/share/locale" JIANYI_LANG=zh LC_ALL=C \
	    "$p/bin/jianyi" --help
	[ "${lines[0]}" = "用法： jianyi [--db FILE] COMMAND [ARGS]" ]
	run env JIANYI_LOCALEDIR="$p/share/locale" LC_ALL=C "$p/bin/jianyi" --help
	[ "${lines[0]}" = "usage: jianyi [--db FILE] COMMAND [ARGS]" ]
	run make -C "$TOP" --no-print-directory uninstall DESTDIR="$TMP/stage"
	[ "$status" -eq 0 ]
	[ -z "$(find "$TMP/stage" -type f)" ]
}

@test "the Chinese interface works where zh_CN.UTF-8 is not generated" {
	# Only C, C.UTF-8 and POSIX exist on a fresh Debian machine.
	run env LANG=zh_CN.UTF-8 LC_ALL= "$JIANYI" --help
	[ "${lines[0]}" = "用法： jianyi [--db FILE] COMMAND [ARGS]" ]
	run env LANG=zh_CN.UTF-8 JIANYI_LANG=en "$JIANYI" --help
	[ "${lines[0]}" = "usage: jianyi [--db FILE] COMMAND [ARGS]" ]
	town
	run env JIANYI_LANG=zh "$JIANYI" station add 黄塘
	[ "$status" -eq 1 ]
	[ "$output" = "jianyi: 联络站 '黄塘' 已存在" ]
	run env JIANYI_LANG=zh "$JIANYI" rate 2023-0001 满意
	[ "$output" = "jianyi: 没有编号为 '2023-0001' 的建议意见" ]
}

@test "the man page is clean mdoc and names every command" {
	run mandoc -T lint -W warning "$TOP/man/jianyi.1"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	# The Chinese page too (issue 12 item 7).
	run mandoc -T lint -W warning "$TOP/man/zh_CN/jianyi.1"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	page=$(mandoc -T utf8 "$TOP/man/jianyi.1" | sed 's/.\x08//g')
	for c in $("$JIANYI" --help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'); do
		grep -q "^ *$c " <<<"$page" || { echo "no section for $c" >&2; return 1; }
	done
	for s in "CSV FORMAT" RATES ENVIRONMENT FILES "EXIT STATUS" EXAMPLES; do
		grep -q "^$s" <<<"$page" || { echo "no $s section" >&2; return 1; }
	done
}
