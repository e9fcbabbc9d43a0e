#!/bin/sh
# link-bench.sh: what building at the floor costs in wall time. Not a test: prints numbers, and
# exits 1 when a target is missed.
#   1. Start-up: hello world linked with -z now, plain cc against floorcc --floor=2.17, both timed
#      in one hyperfine run (interleaved, many repetitions). Target: floorcc's <= 102% of plain.
#   2. Build: zstd (Debian's source, its CMake build of the library and CLI) with CC=cc against
#      CC="floorcc --floor=2.17", each from an empty build directory, several rounds, which goes
#      first alternating between rounds. Target: floorcc's median wall time <= 103% of plain's; the
#      CPU time of the build's processes is reported beside it. floorcc's cache is warm, as on any
#      second build.
#
#   link-bench.sh [--top-srcdir=DIR] [--top-builddir=DIR] [--runs=N] [--rounds=N] [--no-zstd]
# The zstd source comes from the Debian archive through the private apt configuration of the tests
# (tests/aptenv.sh), cached under $FC_CACHE (default TOP-BUILDDIR/tests/cache).
set -u
top_srcdir=$(cd "$(dirname "$0")/.." && pwd) top_builddir=$PWD runs=300 rounds=5 zstd=1
for a; do
  case $a in
    --top-srcdir=*) top_srcdir=${a#*=} ;;
    --top-builddir=*) top_builddir=${a#*=} ;;
    --runs=*) runs=${a#*=} ;;
    --rounds=*) rounds=${a#*=} ;;
    --no-zstd) zstd=0 ;;
    *) echo "usage: link-bench.sh [--top-srcdir=DIR] [--top-builddir=DIR] [--runs=N] [--rounds=N] [--no-zstd]" >&2; exit 2 ;;
  esac
done
command -v hyperfine > /dev/null || { echo "link-bench: hyperfine not found (apt-get install hyperfine)" >&2; exit 77; }
FLOORCC=$top_builddir/floorcc
[ -x "$FLOORCC" ] || { echo "link-bench: $FLOORCC not built (make)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/link-bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
. "$top_srcdir/bench/floorcc-env.sh"
export FLOORCC_CACHE_DIR="$tmp/cache"
cc=${CC:-cc}
missed=0
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
within() { awk -v r="$1" -v t="$2" 'BEGIN { exit !(r <= t) }'; }

# --- 1. start-up ------------------------------------------------------------------------------------
$cc -O2 -Wl,-z,now -o "$tmp/hello-plain" "$top_srcdir/tests/progs/hello.c" || exit 2
"$FLOORCC" --floor=2.17 -O2 -Wl,-z,now -o "$tmp/hello-floor" "$top_srcdir/tests/progs/hello.c" || exit 2
hyperfine -N --warmup 50 --runs "$runs" --export-json "$tmp/start.json" \
  -n plain "$tmp/hello-plain" -n floorcc-2.17 "$tmp/hello-floor" > "$tmp/start.txt" 2>&1 ||
  { cat "$tmp/start.txt"; exit 2; }
# Medians (seconds) of the two commands, in order.
set -- $(python3 -c 'import json,sys; print(*[r["median"] for r in json.load(open(sys.argv[1]))["results"]])' "$tmp/start.json")
r=$(ratio "$2" "$1")
printf 'start-up (-z now, %s runs each): plain %.1f us, floorcc 2.17 %.1f us (median): ratio %s (target <= 1.02)\n' \
  "$runs" "$(awk -v x="$1" 'BEGIN { print x * 1e6 }')" "$(awk -v x="$2" 'BEGIN { print x * 1e6 }')" "$r"
within "$r" 1.02 || { echo "link-bench: start-up target missed"; missed=1; }

# --- 2. zstd build ----------------------------------------------------------------------------------
if [ $zstd = 1 ]; then
  command -v cmake > /dev/null || { echo "link-bench: cmake not found" >&2; exit 77; }
  . "$top_srcdir/tests/aptenv.sh"
  uri=$(fc_debian_uri)
  [ -n "$uri" ] || { echo "link-bench: no Debian archive URI in the system's apt sources" >&2; exit 77; }
  root=${FC_CACHE:-$top_builddir/tests/cache}/real-src-trixie
  fc_apt_root "$root" "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main"
  d=$root/dl/libzstd
  if [ ! -f "$d/.done" ]; then
    { [ -f "$root/.updated" ] || { fc_aptget "$root" update > "$root/update.log" 2>&1 && touch "$root/.updated"; }; } &&
      rm -rf "$d" && mkdir -p "$d" && (cd "$d" && fc_aptget "$root" source --download-only libzstd) > "$d.log" 2>&1 &&
      touch "$d/.done" || { echo "link-bench: cannot fetch the libzstd source (see $d.log)" >&2; exit 77; }
  fi
  dpkg-source -x "$(ls "$d"/*.dsc | head -n 1)" "$tmp/zstd-src" > /dev/null 2>&1 || { echo "link-bench: dpkg-source failed" >&2; exit 2; }
  zbuild() { # zbuild DIR CC: configure and build zstd's library and CLI; prints "wall cpu" seconds
    rm -rf "$1"
    zs=$(date +%s.%N)
    # The CPU seconds of the build's processes (user + system of the waited-for children), which a
    # busy machine disturbs less than the wall time.
    zc=$(CC="$2" sh -c 'cmake -S "$1" -B "$2" -DCMAKE_BUILD_TYPE=Release -DZSTD_BUILD_TESTS=OFF > "$2.log" 2>&1 &&
      cmake --build "$2" -j2 >> "$2.log" 2>&1 && times' zbuild "$tmp/zstd-src/build/cmake" "$1" | tail -n 1) &&
      [ -n "$zc" ] || { echo "link-bench: zstd build with CC=$2 failed (see $1.log)" >&2; return 1; }
    awk -v a="$zs" -v b="$(date +%s.%N)" -v c="$zc" 'BEGIN {
      n = split(c, t, " "); cpu = 0
      for (i = 1; i <= n; i++) { split(t[i], ms, "m"); sub(/s$/, "", ms[2]); cpu += ms[1] * 60 + ms[2] }
      printf "%.3f %.3f\n", b - a, cpu }'
  }
  zbuild "$tmp/zwarm" "$FLOORCC --floor=2.17" > /dev/null || exit 2   # fills floorcc's cache
  : > "$tmp/plain.t"; : > "$tmp/floor.t"
  i=0
  # Alternating which goes first, so that neither always follows the other (caches, clocks).
  while [ $i -lt "$rounds" ]; do
    if [ $((i % 2)) = 0 ]; then
      zbuild "$tmp/zp" "$cc" >> "$tmp/plain.t" || exit 2
      zbuild "$tmp/zf" "$FLOORCC --floor=2.17" >> "$tmp/floor.t" || exit 2
    else
      zbuild "$tmp/zf" "$FLOORCC --floor=2.17" >> "$tmp/floor.t" || exit 2
      zbuild "$tmp/zp" "$cc" >> "$tmp/plain.t" || exit 2
    fi
    i=$((i + 1))
  done
  median() { cut -d ' ' -f "$2" "$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  mp=$(median "$tmp/plain.t" 1) mf=$(median "$tmp/floor.t" 1)
  r=$(ratio "$mf" "$mp")
  cp=$(median "$tmp/plain.t" 2) cf=$(median "$tmp/floor.t" 2)
  echo "zstd build ($rounds rounds, median wall time): cc $mp s, floorcc 2.17 $mf s: ratio $r (target <= 1.03)"
  echo "  CPU time (median): cc $cp s, floorcc 2.17 $cf s: ratio $(ratio "$cf" "$cp")"
  echo "  cc (wall cpu):      $(tr '\n' ',' < "$tmp/plain.t")"
  echo "  floorcc (wall cpu): $(tr '\n' ',' < "$tmp/floor.t")"
  within "$r" 1.03 || { echo "link-bench: zstd build target missed"; missed=1; }
fi
exit $missed
