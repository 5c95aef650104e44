#!/usr/bin/env bats
# Text is never cut, never drives a terminal or a spreadsheet, and personal
# data stays masked (issue 11, items 3, 4 and 5; outside tests r5-r10, r24).

load helper

@test "r5: a NUL byte in --content - or --text - is refused as a control character" {
	town
	refused 1 'content has a control character' \
	    add --title x --content - --date 2023-01-05 < <(printf '第一段\000第二段')
	n=$(j add --title x --date 2023-01-05)
	j assign "$n" --dept 规划建设办 --date 2023-01-06
	refused 1 'reply text has a control character' \
	    reply "$n" --dept 规划建设办 --class A --text - --date 2023-01-07 \
	    < <(printf '已答复\000其余')
	# Without the NUL, the same text goes in whole.
	printf '已答复\n其余' | j reply "$n" --dept 规划建设办 --class A --text - --date 2023-01-07
	run sfield "$n" 'replies[0].text'
	expect_output <<<$'已答复\n其余'
}
