#!/bin/sh
# Installs the Debian packages that jianyi needs to build and test, when
# missing; `deps.sh bench` also those that the benchmark compares jianyi
# with, `deps.sh valgrind` valgrind. (tests/fuzz/run installs clang.)
set -eu
pkgs="build-essential pkg-config libsqlite3-dev libcsv-dev libutf8proc-dev
libcjson-dev libxlsxwriter-dev libedit-dev gettext libcmocka-dev bats
sqlite3 jq python3 python3-openpyxl mandoc tmux"
for extra in "$@"; do
	case $extra in
	bench) pkgs="$pkgs hyperfine time sqlite-utils csvkit" ;;
	valgrind) pkgs="$pkgs valgrind" ;;
	*) echo "usage: deps.sh [bench] [valgrind]" >&2; exit 2 ;;
	esac
done
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1; then
	sudo=sudo
else
	# a minimal system has no sudo: say what to install, as root
	echo "deps: not root and no sudo: as root, apt-get install$missing" >&2
	exit 1
fi
echo "deps: installing$missing" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
