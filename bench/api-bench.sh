#!/bin/sh
# api-bench.sh: what the API shims cost, in instructions counted by valgrind's callgrind.
#   1. getrandom(buf, 16, 0), reallocarray and preadv2 (16 bytes of /dev/zero): the floor-2.17 shim against glibc's own function
#      (the same source built at floor 2.36, where floorcompat defines nothing and calls go to libc).
#      Per call = (Ir with N calls - Ir with 0 calls) / N. Target: shim <= 102% of direct.
#   2. Start-up: hello world built plainly against hello world built with the header at floor 2.17
#      and linked with libfloorcompat.a (tools/mkarchive.sh): whole-run Ir, linked lazily (the
#      default) and with -z now. The link takes the start-up member alone (crt1's __libc_start_main),
#      which names no libc function but the base-version __libc_start_main, and lookups are lazy, so
#      ld.so has no relocation or version more to process. Target: the header's hello world runs no
#      more instructions than the plain one.
# Env: srcdir (default: this script's ..), CC, VALGRIND, BENCH_N (default 20000), BENCH_DIR (work
# directory, default a fresh mktemp). Exit 77 without valgrind, 1 when a target is missed.
set -u
: "${srcdir:=$(cd "$(dirname "$0")/.." && pwd)}" "${CC:=cc}" "${VALGRIND:=valgrind}" "${BENCH_N:=20000}"
command -v "$VALGRIND" >/dev/null 2>&1 || { echo "api-bench: valgrind not found" >&2; exit 77; }
work=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/api-bench.XXXXXX")} || exit 2
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
inc=$srcdir/include
CFL="-O2 -I$inc -include floorcompat.h"

cat > "$work/loop.c" <<'C'
#define _GNU_SOURCE
#include <stdlib.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/uio.h>
static unsigned char buf[16];
int main(int argc, char **argv)
{
  long i, n = argc > 2 ? atol(argv[2]) : 0;
  void *p = malloc(64);
  if (argv[1][0] == 'p') {
    struct iovec v = { buf, sizeof buf };
    int fd = open("/dev/zero", O_RDONLY | O_CLOEXEC);
    for (i = 0; i < n; i++)
      if (preadv2(fd, &v, 1, 0, 0) != (ssize_t)sizeof buf)
        return 1;
    return 0;
  }
  if (argv[1][0] == 'g') {
    for (i = 0; i < n; i++)
      if (getrandom(buf, sizeof buf, 0) != (ssize_t)sizeof buf)
        return 1;
  } else {
    for (i = 0; i < n; i++) { /* grow and shrink within one chunk: realloc's cheap path */
      void *q = reallocarray(p, (size_t)(i & 1) + 7, 8);
      if (!q)
        return 1;
      p = q;
    }
  }
  free(p);
  return buf[0] == 0 && buf[1] == 0 && buf[2] == 0 && n > 0 && argv[1][0] == 'g';
}
C
printf '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n' > "$work/hello.c"
for f in 2.17 2.36; do
  "$srcdir/tools/mkarchive.sh" --cc="$CC" --include="$inc" --floor=$f --out="$work/$f/libfloorcompat.a" || exit 2
done
$CC $CFL -DFLOORCOMPAT_GLIBC=217 -o "$work/shim" "$work/loop.c" "$work/2.17/libfloorcompat.a" &&
  $CC $CFL -DFLOORCOMPAT_GLIBC=236 -o "$work/direct" "$work/loop.c" "$work/2.36/libfloorcompat.a" &&
  $CC -O2 -o "$work/hello-plain" "$work/hello.c" &&
  $CC $CFL -DFLOORCOMPAT_GLIBC=217 -o "$work/hello-fc" "$work/hello.c" "$work/2.17/libfloorcompat.a" &&
  $CC -O2 -Wl,-z,now -o "$work/hello-plain-now" "$work/hello.c" &&
  $CC $CFL -DFLOORCOMPAT_GLIBC=217 -Wl,-z,now -o "$work/hello-fc-now" "$work/hello.c" "$work/2.17/libfloorcompat.a" || exit 2

ir() { # ir PROG ARGS...: total instructions of one run
  "$VALGRIND" --tool=callgrind --callgrind-out-file="$work/cg.out" "$@" > /dev/null 2> "$work/cg.log"
  awk '/^(summary|totals):/ { print $2; exit }' "$work/cg.out"
}
percall() { # percall PROG MODE
  a=$(ir "$work/$1" "$2" 0) b=$(ir "$work/$1" "$2" "$BENCH_N")
  awk -v a="$a" -v b="$b" -v n="$BENCH_N" 'BEGIN { printf "%.2f", (b - a) / n }'
}
status=0
printf '%-28s %12s %12s %8s\n' "instructions" "shim" "direct" "ratio"
for mode in getrandom reallocarray preadv2; do
  s=$(percall shim "$mode") d=$(percall direct "$mode")
  r=$(awk -v s="$s" -v d="$d" 'BEGIN { printf "%.3f", s / d }')
  printf '%-28s %12s %12s %8s\n' "$mode per call" "$s" "$d" "$r"
  awk -v r="$r" 'BEGIN { exit !(r <= 1.02) }' || { echo "api-bench: $mode shim above 102% of direct" >&2; status=1; }
done
for now in "" -now; do
  p=$(ir "$work/hello-plain$now") f=$(ir "$work/hello-fc$now")
  printf '%-28s %12s %12s %8s\n' "hello start-up${now:+ -z now}" "$f" "$p" \
    "$(awk -v s="$f" -v d="$p" 'BEGIN { printf "%.3f", s / d }')"
  [ "$f" -le "$p" ] || { echo "api-bench: hello start-up${now:+ -z now} slower with the header" >&2; status=1; }
done
exit $status
