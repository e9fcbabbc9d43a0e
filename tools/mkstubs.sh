#!/bin/sh
# mkstubs.sh: the stub directory of before the floor libraries: only the pre-2.34 home libraries,
# for links against the build host's own libc.
#
#   mkstubs.sh --cc=CC --arch=DEBARCH --out=DIR [--data=DATADIR]
#
# Writes DIR/libpthread.so, libdl.so, librt.so, libutil.so, libanl.so and libresolv.so: the floor
# libraries of tools/mkfloor.sh at floor 2.33, the last floor at which every one of these libraries
# still holds its symbols, so each defines its moved symbols at every version before 2.34 (the newest
# as the default). `-LDIR -lpthread ...` then records the old home library in the version needs, as
# glibc < 2.30 requires, while the rest of the link uses the host's libc. Kept for the callers of the
# stub directory (pkg-config's stubdir); a floor directory (pkg-config's floordir) replaces it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out= cc= arch= data=$(dirname "$here")/data
for a; do
  case $a in
    --out=*) out=${a#*=} ;;
    --cc=*) cc=${a#*=} ;;
    --arch=*) arch=${a#*=} ;;
    --data=*) data=${a#*=} ;;
    *) echo "usage: mkstubs.sh --cc=CC --arch=DEBARCH --out=DIR [--data=DATADIR]" >&2; exit 2 ;;
  esac
done
[ -n "$out" ] && [ -n "$cc" ] && [ -n "$arch" ] || { echo "usage: mkstubs.sh --cc=CC --arch=DEBARCH --out=DIR [--data=DATADIR]" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/fc-stubs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
sh "$here/mkfloor.sh" --cc="$cc" --arch="$arch" --data="$data" --floor=2.33 --out="$tmp"
mkdir -p "$out"
for so in libpthread.so.0 libdl.so.2 librt.so.1 libutil.so.1 libanl.so.1 libresolv.so.2; do
  [ -f "$tmp/$so" ] || { echo "mkstubs: mkfloor.sh made no $so" >&2; exit 1; }
  cp "$tmp/$so" "$out/${so%%.so*}.so"
done
