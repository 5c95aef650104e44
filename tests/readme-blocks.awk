# readme-blocks.awk — the README's ```sh and ```console blocks as scripts
# (POSIX awk; mawk runs it).  Run with -v dir=DIR: block N goes to
# DIR/N.sh, and for a console block its text, verbatim, to DIR/N.want.
# A console block's "$ " lines are commands, the lines after one its
# output: N.sh prints each command line, as the block shows it, before
# running it, so that its output (stdout and stderr together) is the
# block's text when the README is right.
function quote(s) {
	gsub(/'/, "'\\''", s)
	return "'" s "'"
}
/^```/ && kind == "" {
	if ($0 == "```sh" || $0 == "```console") {
		kind = substr($0, 4)
		n++
		sh = dir "/" n ".sh"
		want = dir "/" n ".want"
		printf "" >sh
		if (kind == "console")
			printf "" >want
	} else
		kind = "other"
	next
}
/^```$/ && kind != "" {
	if (kind == "sh" || kind == "console") {
		close(sh)
		if (kind == "console")
			close(want)
	}
	kind = ""
	next
}
kind == "sh" {
	print >sh
	next
}
kind == "console" {
	print >want
	if (substr($0, 1, 2) == "$ ") {
		print "printf '%s\\n' " quote($0) >sh
		print substr($0, 3) >sh
	}
	next
}
