#!/bin/sh
# fetch-symbols.sh: regenerate data/symbols/<debarch>.tsv and data/homes/<debarch>.tsv from Debian's
# libc6 packages (maintainer tool, run by `make regen`; needs apt-get, dpkg-deb and readelf).
#
#   fetch-symbols.sh [--cache=DIR] [--out=DATADIR] [--suites="sid forky trixie"] [--old=bullseye]
#                    [--arches="amd64 arm64 i386 armhf ppc64el s390x riscv64"]
#
# symbols/<arch>.tsv: "lib symbol version kind [size]" for every defined dynamic symbol of libc.so.6,
#   libm, libpthread, libdl, librt, libresolv, libutil, libanl and the dynamic loader, taken from
#   the newest libc6 among --suites (highest package version; ties go to the earlier suite).
#   kind: default (sym@@VER) or compat (hidden sym@VER, shown in parentheses by objdump -T);
#   size: data objects only (their size in bytes, for the floor libraries).
# homes/<arch>.tsv: "lib symbol version" for each symbol@version that the --old suite's glibc
#   (pre-2.34 layout) defines in libpthread/libdl/librt/libutil/libanl/libresolv but not in libc,
#   and that the newest glibc defines in libc.so.6. Where the old suite lacks the architecture, the
#   homes are derived from the other architectures' (tools/homes-derive.awk) and the file says so.
# The first line of each file is a "# " comment naming its source; rows are sorted (LC_ALL=C).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cache=${FC_CACHE:-$PWD/tests/cache} out=$top/data
suites="sid forky trixie" old=bullseye
arches="amd64 arm64 i386 armhf ppc64el s390x riscv64"
for a; do
  case $a in
    --cache=*) cache=${a#*=} ;;
    --out=*) out=${a#*=} ;;
    --suites=*) suites=${a#*=} ;;
    --old=*) old=${a#*=} ;;
    --arches=*) arches=${a#*=} ;;
    *) echo "usage: fetch-symbols.sh [--cache=DIR] [--out=DIR] [--suites=...] [--old=SUITE] [--arches=...]" >&2; exit 2 ;;
  esac
done
export LC_ALL=C
command -v readelf >/dev/null || { echo "fetch-symbols: readelf (binutils) is required" >&2; exit 1; }
mkdir -p "$cache" "$out/symbols" "$out/homes"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/fc-fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

triplet() {
  case $1 in
    amd64) echo x86_64-linux-gnu ;; arm64) echo aarch64-linux-gnu ;; i386) echo i386-linux-gnu ;;
    armhf) echo arm-linux-gnueabihf ;; ppc64el) echo powerpc64le-linux-gnu ;;
    s390x) echo s390x-linux-gnu ;; riscv64) echo riscv64-linux-gnu ;;
    *) echo "fetch-symbols: unknown architecture $1" >&2; return 1 ;;
  esac
}

# dump TREE ARCH: rows of every defined dynamic symbol of the libraries we track.
dump() {
  t=$(triplet "$2")
  for d in "$1/usr/lib/$t" "$1/lib/$t"; do
    [ -f "$d/libc.so.6" ] || continue
    for f in "$d"/libc.so.6 "$d"/libm.so.6 "$d"/libpthread.so.0 "$d"/libdl.so.2 "$d"/librt.so.1 \
             "$d"/libresolv.so.2 "$d"/libutil.so.1 "$d"/libanl.so.1 "$d"/ld-linux*.so.* "$d"/ld64.so.*; do
      [ -f "$f" ] || continue
      so=$(readelf -d "$f" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
      readelf --dyn-syms -W "$f" | awk -v lib="${so:-$(basename "$f")}" -f "$here/dynsyms.awk"
    done
    return 0
  done
  echo "fetch-symbols: no libc.so.6 for $2 under $1" >&2; return 1
}

# fetch SUITE ARCH: the unpacked tree, or nothing (suite lacks the arch / unreachable).
fetch() { "$top/tests/debfetch.sh" "$cache" "$1" "$2" libc6 2>"$tmp/fetch.err" || { sed 's/^/  /' "$tmp/fetch.err" >&2; return 0; }; }
# debver SUITE ARCH: the version of the cached libc6 package. debfetch.sh caches for good: to pick up
# a newer package after a mirror update, run with a fresh --cache.
debver() {
  n=$(ls "$cache/$1-$2"/debs/libc6_*_"$2".deb | wc -l)
  [ "$n" -eq 1 ] || { echo "fetch-symbols: $n libc6 packages in $cache/$1-$2/debs; use a fresh --cache" >&2; return 1; }
  dpkg-deb -f "$cache/$1-$2"/debs/libc6_*_"$2".deb Version
}

derived=
for a in $arches; do
  best= bestver=
  for s in $suites; do
    tree=$(fetch "$s" "$a")
    [ -n "$tree" ] || { echo "fetch-symbols: $s has no libc6 for $a" >&2; continue; }
    v=$(debver "$s" "$a")
    if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$bestver"; then best=$s bestver=$v; fi
  done
  if [ -z "$best" ]; then echo "fetch-symbols: SKIP $a: none of $suites has libc6 for it" >&2; continue; fi
  echo "fetch-symbols: $a: Debian $best libc6 $bestver" >&2
  dump "$cache/$best-$a/tree" "$a" | sort -u > "$tmp/$a.new"
  { echo "# Debian $best libc6 $bestver $a: lib symbol version kind [size]"; sort -t '	' -k1,1 -k2,2 -k3,3 "$tmp/$a.new"; } > "$out/symbols/$a.tsv"
  oldtree=$(fetch "$old" "$a")
  if [ -n "$oldtree" ]; then
    oldver=$(debver "$old" "$a")
    dump "$oldtree" "$a" > "$tmp/$a.old"
    { echo "# Debian $old libc6 $oldver vs $best libc6 $bestver $a: lib symbol version"
      awk -f "$here/homes.awk" "$tmp/$a.old" "$tmp/$a.new" | sort -t '	' -k1,1 -k2,2 -k3,3; } > "$out/homes/$a.tsv"
  else
    echo "fetch-symbols: $old has no libc6 for $a; deriving its homes from the other architectures" >&2
    derived="$derived $a"
  fi
done
refs=
for a in $arches; do case " $derived " in *" $a "*) ;; *) [ -f "$out/homes/$a.tsv" ] && refs="$refs $a" ;; esac; done
for a in $derived; do
  [ -n "$refs" ] || { echo "fetch-symbols: no reference architecture to derive $a's homes from" >&2; exit 1; }

  set --; for r in $refs; do set -- "$@" "$out/homes/$r.tsv"; done
  { echo "# derived ($old lacks $a): homes of$refs, versions of $(sed -n '1s/^# \(.*\): lib.*/\1/p' "$out/symbols/$a.tsv"): lib symbol version"
    awk -f "$here/homes-derive.awk" "$@" "$tmp/$a.new" | sort -u | sort -t '	' -k1,1 -k2,2 -k3,3; } > "$out/homes/$a.tsv"
done
