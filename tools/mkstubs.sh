#!/bin/sh
# mkstubs.sh: build the link-time stub libraries for the libraries that glibc 2.34 merged into libc.
#
#   mkstubs.sh --cc=CC --arch=DEBARCH --out=DIR [--data=DATADIR]
#
# For each library named in DATADIR/homes/DEBARCH.tsv (libpthread.so.0, libdl.so.2, librt.so.1,
# libutil.so.1, libanl.so.1, libresolv.so.2) writes DIR/lib<name>.so: a tiny shared object with the
# real SONAME that defines each of that library's moved symbols at its pre-2.34 version(s), as
# hidden (non-default) versions. Linked with -LDIR -lpthread ... before libc, a pinned reference
# such as pthread_create@GLIBC_2.2.5 then binds to the stub, so the executable's version need names
# libpthread.so.0 as glibc < 2.30 requires; unpinned references still bind to libc's default
# versions. The stubs are never loaded: at run time the real libraries of the system are used.
# libresolv.so.2, which keeps symbols of its own after 2.34, gets a stub that also defines those (see
# tools/mkstubs.awk), as -lresolv finds the stub instead of the real library. Functions are empty.
# Only for build hosts with glibc >= 2.34: on an older one the stubs would hide the real libraries.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=$(dirname "$here")/data cc= arch= out=
for a; do
  case $a in
    --cc=*) cc=${a#*=} ;;
    --arch=*) arch=${a#*=} ;;
    --out=*) out=${a#*=} ;;
    --data=*) data=${a#*=} ;;
    *) echo "usage: mkstubs.sh --cc=CC --arch=DEBARCH --out=DIR [--data=DATADIR]" >&2; exit 2 ;;
  esac
done
[ -n "$cc" ] && [ -n "$arch" ] && [ -n "$out" ] || { echo "usage: mkstubs.sh --cc=CC --arch=DEBARCH --out=DIR [--data=DATADIR]" >&2; exit 2; }
homes=$data/homes/$arch.tsv
[ -f "$homes" ] || { echo "mkstubs: no homes data for $arch ($homes)" >&2; exit 1; }
symbols=$data/symbols/$arch.tsv
[ -f "$symbols" ] || { echo "mkstubs: no symbols data for $arch ($symbols)" >&2; exit 1; }
export LC_ALL=C
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/fc-stubs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# One C file and one version script per library.
awk -v dir="$tmp" -v arch="$arch" -f "$here/mkstubs.awk" "$homes" "$symbols"
[ -s "$tmp/libs" ] || { echo "mkstubs: $homes lists no symbols" >&2; exit 1; }

while read -r soname; do
  name=${soname%%.so*}
  # shellcheck disable=SC2086 # CC may carry options, as in Make's $(CC)
  $cc -shared -nostdlib -fPIC -O0 -o "$tmp/$name.so" "$tmp/$soname.c" \
    -Wl,-soname,"$soname" -Wl,--version-script="$tmp/$soname.map" ||
    { echo "mkstubs: cannot build the $soname stub with $cc" >&2; exit 1; }
  mv "$tmp/$name.so" "$out/$name.so"
done < "$tmp/libs"
