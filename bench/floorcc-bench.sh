#!/bin/sh
# floorcc-bench.sh: the per-invocation overhead of the floorcc driver. Not a test: prints numbers.
#
#   floorcc-bench.sh [--top-srcdir=DIR] [--top-builddir=DIR] [--runs=N]
#
# Compares, on one small C file: the bare compiler (cc -c x.c); the compiler doing floorcc's work by
# hand (cc -include floorcompat.h -D... -c x.c); floorcc -c x.c; and links (cached implementation
# object). "driver overhead" = floorcc minus the same compiler work done by hand; the header's own
# cost is reported apart. hyperfine when installed (apt-get install hyperfine), else a timed loop.
set -eu
top_srcdir=$(cd "$(dirname "$0")/.." && pwd) top_builddir=$PWD runs=40
for a; do
  case $a in
    --top-srcdir=*) top_srcdir=${a#*=} ;;
    --top-builddir=*) top_builddir=${a#*=} ;;
    --runs=*) runs=${a#*=} ;;
    *) echo "usage: floorcc-bench.sh [--top-srcdir=DIR] [--top-builddir=DIR] [--runs=N]" >&2; exit 2 ;;
  esac
done
FLOORCC=$top_builddir/floorcc
[ -x "$FLOORCC" ] || { echo "floorcc-bench: $FLOORCC not built (make)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/floorcc-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
. "$top_srcdir/bench/floorcc-env.sh"
export FLOORCC_CACHE_DIR="$tmp/cache"
cc=${FLOORCC_BENCH_CC:-cc}
cat > "$tmp/x.c" <<'C'
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) { printf("%zu\n", strlen(argv[argc - 1])); return 0; }
C
cd "$tmp"
hdr="-include $FLOORCC_INCLUDEDIR/floorcompat.h -DFLOORCOMPAT_GLIBC=217 -DFLOORCOMPAT_KERNEL=310"
"$FLOORCC" x.c -o warm  # fills the floor-directory cache
fd=$(cd "$(ls -d "$tmp"/cache/floor-2.17-*)" && pwd -P)

# name|command
cases="bare: $cc -c x.c|$cc -c x.c -o a.o
by hand: $cc -include floorcompat.h -D... -c x.c|$cc $hdr -c x.c -o b.o
floorcc -c x.c|$FLOORCC -c x.c -o c.o
floorcc --floor=rhel7 -c x.c (named floor)|$FLOORCC --floor=rhel7 -c x.c -o d.o
by hand: link x.c through the floor directory|$cc $hdr -L$fd -Wl,-rpath-link,$fd -Wl,--allow-shlib-undefined x.c -o e
floorcc x.c -o x (link, cached floor directory)|$FLOORCC x.c -o f
driver alone: floorcc --floorcc-show -c x.c|$FLOORCC --floorcc-show -c x.c
driver alone: floorcc --floorcc-show x.c (link)|$FLOORCC --floorcc-show x.c -o g"

echo "floorcc-bench: $(uname -m), $($cc --version | head -n 1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
results=$tmp/results
: > "$results"
if command -v hyperfine > /dev/null; then
  echo "(hyperfine, $runs runs each, mean ms)"
  printf '%s\n' "$cases" | while IFS='|' read -r name cmd; do
    hyperfine -N -w 3 -r "$runs" --export-csv "$tmp/h.csv" "$cmd" > /dev/null 2>&1 ||
      hyperfine -w 3 -r "$runs" --export-csv "$tmp/h.csv" "$cmd" > /dev/null 2>&1
    awk -F, -v n="$name" 'NR == 2 { printf "%s|%.2f|%.2f|%.2f\n", n, $2 * 1000, $3 * 1000, $4 * 1000 }' "$tmp/h.csv" >> "$results"
  done
else
  echo "(no hyperfine: a timed loop, $runs runs each, mean ms)"
  printf '%s\n' "$cases" | while IFS='|' read -r name cmd; do
    t0=$(date +%s%N); i=0
    while [ $i -lt "$runs" ]; do $cmd > /dev/null; i=$((i + 1)); done
    t1=$(date +%s%N)
    echo "$name|$(awk -v a="$t0" -v b="$t1" -v n="$runs" 'BEGIN { printf "%.2f", (b - a) / n / 1e6 }')|-|-" >> "$results"
  done
fi
awk -F'|' '{ printf "  %-52s %8s ms  (sd %s, median %s)\n", $1, $2, $3, $4; m[NR] = $4 }
  END {  # differences of medians: means drift with the load of a shared machine
    printf "\n  header cost (by hand - bare, medians):        %6.2f ms\n", m[2] - m[1]
    printf "  driver overhead, compile (floorcc - by hand): %6.2f ms\n", m[3] - m[2]
    printf "  driver overhead, named floor:                 %6.2f ms\n", m[4] - m[2]
    printf "  driver overhead, link (floorcc - by hand):    %6.2f ms\n", m[6] - m[5]
    printf "  driver alone (no compiler run): compile %.2f ms, link %.2f ms\n", m[7], m[8]
    printf "  budget: < 5 ms per invocation: %s\n", (m[3] - m[2] < 5 && m[6] - m[5] < 5) ? "met" : "NOT met"
  }' "$results"
