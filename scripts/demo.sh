#!/bin/sh
# make demo: builds demo.db at the top of the tree from data/ — the
# registries, receptions and activities imported from the CSV files the
# town's office keeps in Excel, then the suggestions' lives entered by
# replaying data/leping.jy — and prints the 2022 annual report with its
# narrative and the 2023-03 monthly report.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
: "${JIANYI:=$top/jianyi}"
db=${DEMO_DB:-$top/demo.db}

# The town's secretary works in Chinese; JIANYI_LANG=en shows English.
JIANYI_LANG=${JIANYI_LANG:-zh}
export JIANYI_LANG
rm -f "$db" "$db-wal" "$db-shm"
"$JIANYI" --db "$db" init --town 乐平镇 >/dev/null
for t in stations departments deputies receptions activities; do
	JIANYI_TODAY=2023-03-31 "$JIANYI" --db "$db" import --quiet "$t" \
	    "$top/data/$t.csv" >&2
done
n=0
while IFS= read -r line; do
	case $line in
	'#'* | '') continue ;;
	'@today '*) JIANYI_TODAY=${line#@today }; export JIANYI_TODAY; continue ;;
	esac
	eval "set -- $line"
	"$JIANYI" --db "$db" "$@" >/dev/null || {
		echo "demo: failed: $line" >&2
		exit 1
	}
	n=$((n + 1))
done <"$top/data/leping.jy"
unset JIANYI_TODAY
echo "demo: $n commands entered into $db" >&2
[ -n "${DEMO_QUIET:-}" ] && exit 0

echo
"$JIANYI" --db "$db" report --year 2022
echo
"$JIANYI" --db "$db" report --year 2022 --narrative
echo
"$JIANYI" --db "$db" report --month 2023-03
