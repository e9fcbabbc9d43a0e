#!/bin/sh
# audit-bench.sh [AUDIT]: time floorcompat-audit against an objdump -T pipeline doing the same
# floor check over every ELF file under a directory, and show that the audit's peak RSS does
# not grow with the number of files.  Not a test: it prints numbers.
#
# Env: BENCH_DIR (default /usr/lib/x86_64-linux-gnu), BENCH_FLOOR (default 2.17),
# BENCH_RSS_FILES (N for the N vs 2N files RSS comparison, default 500).
AUDIT=${1:-./floorcompat-audit}
DIR=${BENCH_DIR:-/usr/lib/x86_64-linux-gnu}
FLOOR=${BENCH_FLOOR:-2.17}
N=${BENCH_RSS_FILES:-500}
LC_ALL=C
export LC_ALL

[ -x "$AUDIT" ] || { echo "audit-bench: $AUDIT not built" >&2; exit 2; }
[ -d "$DIR" ] || { echo "audit-bench: no directory $DIR" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/audit-bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# The objdump way: every regular file, objdump -T, keep UND GLIBC_ versions above the floor.
objdump_check() {
  find "$DIR" -type f -print0 | xargs -0 objdump -T 2>/dev/null | awk -v floor="$FLOOR" '
    function above(v,   a, f, i, n, m) {
      n = split(v, a, "."); m = split(floor, f, ".")
      for (i = 1; i <= (n > m ? n : m); i++) {
        if ((a[i] + 0) > (f[i] + 0)) return 1
        if ((a[i] + 0) < (f[i] + 0)) return 0
      }
      return 0
    }
    / file format / { file = $1; sub(/:$/, "", file); next }
    /\*UND\*/ && match($0, /GLIBC_[0-9][0-9.]*/) {
      v = substr($0, RSTART + 6, RLENGTH - 6)
      if (above(v)) { print file "\t" $NF "\tGLIBC_" v; bad++ }
    }
    END { print bad + 0 " symbols above floor" > "/dev/stderr" }'
}

nfiles=$("$AUDIT" -q --format=tsv -r "$DIR" | awk -F '\t' '$2 == "file"' | wc -l)
echo "audit-bench: $nfiles ELF files under $DIR, floor $FLOOR"

# Warm the page cache for both, so neither pays for the disk.
"$AUDIT" --floor="$FLOOR" --format=tsv -r "$DIR" > /dev/null 2>&1
find "$DIR" -type f -print0 | xargs -0 cat > /dev/null 2>&1

best_audit= best_objdump=
for i in 1 2 3; do
  t0=$(now)
  "$AUDIT" --floor="$FLOOR" --format=tsv -r "$DIR" > /dev/null 2>"$tmp/audit.err"
  t1=$(now)
  t=$(elapsed "$t0" "$t1")
  best_audit=$(awk -v a="$best_audit" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
done
if command -v objdump > /dev/null 2>&1; then
  for i in 1 2; do
    t0=$(now)
    objdump_check > /dev/null 2>"$tmp/objdump.err"
    t1=$(now)
    t=$(elapsed "$t0" "$t1")
    best_objdump=$(awk -v a="$best_objdump" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
  done
  echo "audit:   ${best_audit}s  (best of 3: -r $DIR --floor=$FLOOR --format=tsv > /dev/null)"
  echo "objdump: ${best_objdump}s  (best of 2: find | xargs objdump -T | awk; $(cat "$tmp/objdump.err"))"
  awk -v a="$best_audit" -v o="$best_objdump" 'BEGIN { printf "ratio:   %.1fx faster\n", (a > 0 ? o / a : 0) }'
else
  echo "audit:   ${best_audit}s"
  echo "objdump: not installed, no ratio"
fi

# Peak RSS for N files and for 2N files.  The 2N files are the N files plus a copy of each
# (new inodes, same content), so the largest file is the same in both runs and any growth
# could only come from data kept per file.
"$AUDIT" -q --format=tsv -r "$DIR" | awk -F '\t' '$2 == "file" { print $1 }' > "$tmp/list"
total=$(wc -l < "$tmp/list")
[ "$N" -gt "$total" ] && N=$total
awk -v n="$N" -v t="$total" 'NR % int(t / n) == 0 && c < n { print; c++ }' "$tmp/list" > "$tmp/n"
N=$(wc -l < "$tmp/n")
mkdir "$tmp/copies"
i=0
while IFS= read -r f; do
  i=$((i + 1))
  cp "$f" "$tmp/copies/$i" && echo "$tmp/copies/$i"
done < "$tmp/n" > "$tmp/copied"
cat "$tmp/n" "$tmp/copied" > "$tmp/2n"
peak_rss() { # FILE-LIST: the audit's peak RSS in KiB
  if [ -x /usr/bin/time ]; then
    tr '\n' '\0' < "$1" | xargs -0 /usr/bin/time -f %M "$AUDIT" --floor="$FLOOR" --format=tsv 2>&1 > /dev/null | tail -n 1
  elif command -v python3 > /dev/null 2>&1; then
    tr '\n' '\0' < "$1" | xargs -0 python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$AUDIT" --floor="$FLOOR" --format=tsv
  else
    echo "n/a"
  fi
}
rss_n=$(peak_rss "$tmp/n")
rss_2n=$(peak_rss "$tmp/2n")
rss_all=$(peak_rss "$tmp/list")
echo "peak RSS: $rss_n KiB for $N files, $rss_2n KiB for $(wc -l < "$tmp/2n") files (the same plus copies), $rss_all KiB for all $total files"
