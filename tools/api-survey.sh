#!/bin/sh
# api-survey.sh: which glibc symbol versions above the floor do this system's own binaries need that
# floorcompat does not handle? Reads the local system: every ELF file under /usr/bin and /usr/sbin
# and /usr/lib/<triplet>/*.so* (files of glibc's own packages left out: they are glibc), through
# floorcompat-audit --format=tsv. A need SYMBOL@GLIBC_x.y above the floor is handled when
#   - the floor directory's libraries offer SYMBOL at a default version (an older one: a link
#     through it binds that one),
#   - floorcompat's archive in it defines SYMBOL (start.h's __libc_start_main, stat.h's stat family,
#     fcntl64, __isoc23_*, res_query & co., the API shims),
#   - data/api.tsv shims it (a row whose strategy is not "none").
# Prints Markdown (doc/api-survey.md is this output): the remaining (symbol, version) pairs with the
# number of files needing each, most needed first, why each is not shimmed (data/survey-notes.tsv),
# and version-only needs (GLIBC_ABI_DT_RELR).
#
#   tools/api-survey.sh [--audit=PROG] [--floor=2.17] [--cc=CC] [--top=DIR] [--floordir=DIR] [PATH...]
# PATHs (files or directories) replace the default set. --floordir defaults to the build's
# floors/FLOOR/ARCH under --top. Needs sh, awk, sort, nm.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here") audit=floorcompat-audit floor=2.17 cc=${CC:-cc} floordir=
while [ $# -gt 0 ]; do
  case $1 in
    --audit=*) audit=${1#*=} ;;
    --floor=*) floor=${1#*=} ;;
    --cc=*) cc=${1#*=} ;;
    --top=*) top=${1#*=} ;;
    --floordir=*) floordir=${1#*=} ;;
    -*) echo "usage: api-survey.sh [--audit=PROG] [--floor=X.Y] [--cc=CC] [--top=DIR] [--floordir=DIR] [PATH...]" >&2; exit 2 ;;
    *) break ;;
  esac
  shift
done
export LC_ALL=C
tmp=$(mktemp -d "${TMPDIR:-/tmp}/api-survey.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fnum=$(echo "$floor" | awk -F. '{ print $1 * 100 + $2 }')
triplet=$($cc -dumpmachine 2>/dev/null | sed 's/-pc-/-/; s/-unknown-/-/') || triplet=x86_64-linux-gnu
case $triplet in
  x86_64-*) arch=amd64 ;; aarch64-*) arch=arm64 ;; arm-*gnueabihf) arch=armhf ;; i?86-*) arch=i386 ;;
  powerpc64le-*) arch=ppc64el ;; riscv64-*) arch=riscv64 ;; s390x-*) arch=s390x ;;
  *) echo "api-survey: no floor data for $triplet" >&2; exit 2 ;;
esac
: "${floordir:=$top/floors/$floor/$arch}"
[ -f "$floordir/libc.so.6" ] && [ -f "$floordir/libfloorcompat.a" ] ||
  { echo "api-survey: no floor directory $floordir (run make, or give --floordir)" >&2; exit 2; }

# ---- what floorcompat handles ----
for f in "$floordir"/*.so.*; do nm -D --defined-only "$f"; done 2>/dev/null |
  awk '$3 ~ /@@/ { sub(/@@.*/, "", $3); print "floor", $3 }' > "$tmp/handled"
nm -g --defined-only "$floordir/libfloorcompat.a" 2>/dev/null | awk 'NF == 3 { print "archive", $3 }' >> "$tmp/handled"
awk -F '\t' '!/^#/ && $1 != "name" && NF >= 7 && $6 != "none" { print "api.tsv", $1 }' "$top/data/api.tsv" >> "$tmp/handled"

# ---- what the system's files need ----
if [ $# -eq 0 ]; then
  set -- /usr/bin /usr/sbin
  for f in /usr/lib/"$triplet"/*.so*; do [ -f "$f" ] && [ ! -L "$f" ] && set -- "$@" "$f"; done
fi
: > "$tmp/glibc-files"
if command -v dpkg-query >/dev/null 2>&1; then
  for p in libc6 libc-bin libc-dev-bin libc6-dev; do
    dpkg-query -L "$p:$arch" 2>/dev/null || dpkg-query -L "$p" 2>/dev/null || true
  done | while read -r f; do [ -f "$f" ] && readlink -f "$f"; done | sort -u > "$tmp/glibc-files"
fi
for p in "$@"; do
  if [ -d "$p" ]; then set -- "$@" -r "$p"; else set -- "$@" "$p"; fi
  shift
done
# Exit 1 is "above the floor" (no floor is given, so it should not come), 2 also covers the linker
# scripts named libc.so & co. (not ELF): an output without the header line is the real failure.
"$audit" --format=tsv "$@" > "$tmp/needs.tsv" 2> "$tmp/audit.err" || true
head -n 1 "$tmp/needs.tsv" | grep -q '^file	kind	symbol' || { cat "$tmp/audit.err" >&2; exit 2; }

awk -F '\t' -v floor="$fnum" -v host="$(getconf GNU_LIBC_VERSION 2>/dev/null | sed "s/^glibc //" || echo unknown)" \
  -v arch="$arch" -v fstr="$floor" '
  function ver(v, p) { if (v !~ /^GLIBC_[0-9]+\.[0-9]+/) return -1; split(substr(v, 7), p, "."); return p[1] * 100 + p[2] }
  function glob(pat, s) { gsub(/\*/, ".*", pat); return s ~ ("^" pat "$") }
  FILENAME == ARGV[1] { if ($1 != "") skipfile[$1] = 1; next }
  FILENAME == ARGV[2] { split($0, h, " "); if (h[2] ~ /\*/) gl[h[2]] = h[1]; else how[h[2]] = h[1]; next }
  $2 == "file" { files++; if ($1 in skipfile) skipped++; next }
  ($1 in skipfile) { next }
  $2 == "verneed" && $6 == "glibc-marker" { marker[$4] = marker[$4] + 1; next }
  $2 != "need" || $6 != "glibc" || ver($4) <= floor { next }
  {
    key = $3 "\t" $4
    if (seen[$1, key]++) next
    if (!(key in cnt)) {
      by = how[$3]
      if (by == "") for (g in gl) if (glob(g, $3)) by = gl[g]
      kind[key] = by
    }
    cnt[key]++
    if (!($1 in fneed)) { fneed[$1] = 1; nfiles++ }
    if (kind[key] == "") rest_file[$1] = 1
  }
  END {
    for (k in cnt) if (kind[k] == "") { nrest++; print cnt[k] "\t" k > "/dev/stderr" } else { nhandled++; hcnt[kind[k]]++ }
    for (f in rest_file) nrf++
    printf "# glibc symbols above %s that this system'"'"'s binaries need\n\n", fstr
    printf "Generated by `tools/api-survey.sh` (glibc %s, %s): %d ELF files read, %d of them glibc'"'"'s own\n", host, arch, files, skipped
    printf "(left out). %d files need some symbol version above %s: %d distinct (symbol, version)\n", nfiles, fstr, nrest + nhandled
    printf "pairs, %d handled by floorcompat (%d linked at an older version by the floor directory, %d by its\n", nhandled, hcnt["floor"], hcnt["archive"]
    printf "archive, %d by data/api.tsv). The %d others, needed by %d files, follow: count = how many files\n", hcnt["api.tsv"], nrest, nrf
    printf "need the pair.\n\n"
    for (m in marker) printf "Version-only needs (no symbol): %s in %d files.\n\n", m, marker[m]
  }' "$tmp/glibc-files" "$tmp/handled" "$tmp/needs.tsv" 2> "$tmp/rest" > "$tmp/head"
cat "$tmp/head"
echo "| files | symbol | version | why not shimmed (data/survey-notes.tsv) |"
echo "|---:|---|---|---|"
sort -t '	' -k1,1nr -k3,3V -k2,2 "$tmp/rest" |
  awk -F '\t' -v notes="$top/data/survey-notes.tsv" '
    BEGIN { while ((getline l < notes) > 0) if (l !~ /^#/ && split(l, f, "\t") >= 2) why[f[1]] = f[2] }
    { printf "| %d | `%s` | %s | %s |\n", $1, $2, $3, ($2 in why) ? why[$2] : "not looked at yet" }'
