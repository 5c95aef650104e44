# Turns data/calendar-cn.csv (date,kind; lines from "#" are comments) into
# the C string calendar_sql, one INSERT of every day, which migration 4
# runs (src/store/db.c): init, and every database made before it, know the
# State Council's holidays and make-up working days. A line that is not a
# comment, the header or "YYYY-MM-DD,holiday|workday" stops the build.
# POSIX awk.
BEGIN {
	printf "/* Generated from data/calendar-cn.csv; do not edit. */\n"
	printf "const char calendar_sql[] =\n"
	printf "\t\"INSERT OR REPLACE INTO calendar(day, kind) VALUES\\n\"\n"
	n = 0
}
{ sub(/\r$/, "") }
/^#/ || /^$/ || $0 == "date,kind" { next }
/^[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9],(holiday|workday)$/ {
	split($0, f, ",")
	if (n > 0)
		printf ",\\n\"\n"
	printf "\t\"('%s', '%s')", f[1], f[2]
	n++
	next
}
{
	printf "calendar.awk: %s:%d: not date,kind: %s\n", FILENAME, FNR, \
	    $0 > "/dev/stderr"
	bad = 1
	exit 1
}
END {
	if (bad)
		exit 1
	printf ";\\n\";\n"
}
