#!/bin/sh
# oldrun.sh: run a program on an older glibc taken from a Debian suite, through that glibc's own
# dynamic loader (--library-path, LD_BIND_NOW=1 so every symbol is resolved at start-up).
#
#   oldrun.sh [--suite=bullseye] [--arch=amd64|arm64] [--cache=DIR] PROG [ARGS...]
#   oldrun.sh [--suite=...] [--arch=...] [--cache=DIR] --prepare     fetch only; print the tree
#
# arm64 programs run under qemu-aarch64. Exit 77 when the runtime cannot be fetched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
suite=bullseye arch=${FC_ARCH:-amd64} cache=${FC_CACHE:-$PWD/tests/cache} prepare=0
while [ $# -gt 0 ]; do
  case $1 in
    --suite=*) suite=${1#*=} ;;
    --arch=*) arch=${1#*=} ;;
    --cache=*) cache=${1#*=} ;;
    --prepare) prepare=1 ;;
    --) shift; break ;;
    -*) echo "oldrun.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
  shift
done
case $arch in
  amd64) triplet=x86_64-linux-gnu ld=ld-linux-x86-64.so.2 runner= ;;
  arm64) triplet=aarch64-linux-gnu ld=ld-linux-aarch64.so.1 runner=${QEMU_AARCH64:-qemu-aarch64} ;;
  *) echo "oldrun.sh: unsupported arch $arch" >&2; exit 2 ;;
esac
if [ -n "$runner" ] && ! command -v "$runner" >/dev/null; then
  echo "oldrun.sh: $runner is not installed" >&2; exit 77
fi
tree=$("$here/debfetch.sh" "$cache" "$suite" "$arch" libc6 libgcc-s1 libstdc++6)
if [ $prepare = 1 ]; then echo "$tree"; exit 0; fi
[ $# -ge 1 ] || { echo "usage: oldrun.sh [options] PROG [ARGS...]" >&2; exit 2; }
# Suites before trixie keep libc in /lib; merged-/usr ones in /usr/lib.
for dir in "$tree/lib/$triplet" "$tree/usr/lib/$triplet"; do
  [ -e "$dir/$ld" ] && break
done
[ -e "$dir/$ld" ] || { echo "oldrun.sh: no $ld in $tree" >&2; exit 2; }
LD_BIND_NOW=1 exec $runner "$dir/$ld" --library-path "$tree/lib/$triplet:$tree/usr/lib/$triplet" "$@"
