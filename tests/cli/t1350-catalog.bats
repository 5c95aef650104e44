#!/usr/bin/env bats
# The Chinese catalog and the libraries loaded when first needed: every
# message of src/ has its translation, and the commands that do not write
# Excel or prompt do not load libxlsxwriter or libedit.

load helper

TOP="$BATS_TEST_DIRNAME/../.."

@test "every message in src/ has a Chinese translation in po/zh_CN.po" {
	xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ \
	    --keyword=ngettext:1,2 -o "$TMP/now.pot" "$TOP"/src/*/*.c \
	    "$TOP"/include/*.h
	run msgcmp "$TOP/po/zh_CN.po" "$TMP/now.pot"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	run msgattrib --only-fuzzy "$TOP/po/zh_CN.po"
	[ -z "$output" ]
}

@test "the binary is not linked against libxlsxwriter or libedit" {
	# Under make valgrind, $JIANYI is a wrapper script.
	run ldd "${JIANYI_REAL:-$JIANYI}"
	[ "$status" -eq 0 ]
	[[ "$output" == *libsqlite3* ]]
	[[ "$output" != *libxlsxwriter* ]]
	[[ "$output" != *libedit* ]]
	[[ "$output" != *libcrypto* ]]
}

@test "an xlsx report loads libxlsxwriter when it is asked for" {
	town
	j add --title 修路 --date 2023-03-01 >/dev/null
	run j report --year 2023 --format xlsx -o r.xlsx
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	# A zip archive, as every xlsx workbook is.
	[ "$(head -c 2 r.xlsx)" = "PK" ]
}
