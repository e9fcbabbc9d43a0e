#!/bin/sh
# mkarchive.sh: compile floorcompat's IMPLEMENTATION part into libfloorcompat.a, one member per
# family (include/floorcompat/families.h, generated from data/api.tsv), so that a program links only
# the families it calls, and objects compiled without the header find the names they need.
#
#   mkarchive.sh --cc=CC --floor=2.17 [--kernel-floor=3.10] [--include=DIR] [--ar=AR]
#                [--cflags=FLAGS] --out=DIR/libfloorcompat.a
#
# --include is the directory holding floorcompat.h (default: this script's ../include, else the
# compiler's own search path, as for an installed copy). Each member is
#   CC FLAGS -fPIC -DFLOORCOMPAT_GLIBC=217 -DFLOORCOMPAT_KERNEL=310 -DFLOORCOMPAT_IMPLEMENTATION=<family>
#      -include floorcompat.h -c -x c /dev/null -o <family>.o
# (-O2 unless --cflags says otherwise). One PIC archive serves executables and shared libraries
# alike: every definition is hidden, so -fPIC costs nothing over -fPIE here (no GOT access to our own
# symbols, and calls into libc go through the PLT either way), and a non-PIC object could not go into
# a shared library. The archive is written to a temporary name in DIR and renamed, so concurrent
# builds (floorcc's cache) never see half of one. Members are added in order with ar's deterministic
# mode (no dates, no uids): the same inputs give the same archive.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cc=${CC:-cc} ar=${AR:-ar} floor= kernel=3.10 out= inc= cflags=-O2
for a; do
  case $a in
    --cc=*) cc=${a#*=} ;;
    --ar=*) ar=${a#*=} ;;
    --floor=*) floor=${a#*=} ;;
    --kernel-floor=*) kernel=${a#*=} ;;
    --include=*) inc=${a#*=} ;;
    --cflags=*) cflags=${a#*=} ;;
    --out=*) out=${a#*=} ;;
    *) echo "usage: mkarchive.sh --cc=CC --floor=X.Y [--kernel-floor=X.Y] [--include=DIR] [--ar=AR] [--cflags=FLAGS] --out=FILE.a" >&2; exit 2 ;;
  esac
done
[ -n "$floor" ] && [ -n "$out" ] || { echo "mkarchive: --floor and --out are required" >&2; exit 2; }
num() { echo "$1" | awk -F. 'NF >= 2 && $1 ~ /^[0-9]+$/ && $2 ~ /^[0-9]+$/ { print $1 * 100 + $2; ok = 1 } END { exit !ok }'; }
g=$(num "$floor") || { echo "mkarchive: bad --floor=$floor (want major.minor)" >&2; exit 2; }
k=$(num "$kernel") || { echo "mkarchive: bad --kernel-floor=$kernel" >&2; exit 2; }
[ -n "$inc" ] || { [ -f "$here/../include/floorcompat.h" ] && inc=$here/../include; }
incflag=${inc:+-I$inc}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mkarchive.XXXXXX") && trap 'rm -rf "$tmp"' EXIT
# The member list, from the header itself (also for an installed copy without data/api.tsv).
# shellcheck disable=SC2086
families=$(printf '#include <floorcompat/families.h>\n#define L(token, name) @F token name\nFLOORCOMPAT__FAMILIES(L)\n' |
  $cc $incflag -E -P -x c - | tr -s ' \t' '\n\n' | awk '$0 == "@F" { getline t; getline n; gsub(/"/, "", n); print t, n }')
[ -n "$families" ] || { echo "mkarchive: no family list from floorcompat/families.h" >&2; exit 1; }
members=
while read -r token name; do
  # shellcheck disable=SC2086
  $cc $cflags -fPIC $incflag -DFLOORCOMPAT_GLIBC=$g -DFLOORCOMPAT_KERNEL=$k -DFLOORCOMPAT_IMPLEMENTATION=$token \
    -include floorcompat.h -c -x c /dev/null -o "$tmp/$name.o" || { echo "mkarchive: family $name does not compile" >&2; exit 1; }
  members="$members $name.o"
done <<EOF_LIST
$families
EOF_LIST
case $out in /*) ;; *) out=$PWD/$out ;; esac
mkdir -p "$(dirname "$out")"
part=$(dirname "$out")/.$(basename "$out").tmp$$
rm -f "$part"
# shellcheck disable=SC2086
(cd "$tmp" && "$ar" rcsD "$part" $members) || { rm -f "$part"; exit 1; }
mv -f "$part" "$out"
