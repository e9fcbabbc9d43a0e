#!/bin/sh
# debfetch.sh: fetch and unpack Debian packages of another suite or architecture without touching
# the system's apt state. The archive URI is read from the system's own apt sources at run time.
#
#   debfetch.sh CACHE SUITE ARCH PKG...
#
# Prints the directory holding the unpacked tree. Results are cached under CACHE.
# Exit 77 (Automake's SKIP) when no Debian archive is configured or it cannot be reached.
set -eu
[ $# -ge 4 ] || { echo "usage: debfetch.sh CACHE SUITE ARCH PKG..." >&2; exit 2; }
cache=$1 suite=$2 arch=$3
shift 3
skip() { echo "debfetch: $*" >&2; exit 77; }
command -v apt-get >/dev/null && command -v dpkg >/dev/null || skip "apt-get/dpkg not available"

. "$(dirname "$0")/aptenv.sh"
uri=$(fc_debian_uri)
[ -n "$uri" ] || skip "no Debian archive URI in the system's apt sources"

root=$cache/$suite-$arch
out=$root/tree
key=$(echo "$*" | tr ' :/' '_+-')
if [ -f "$root/.done-$key" ]; then echo "$out"; exit 0; fi

mkdir -p "$root/debs" "$out"
# Parallel tests fetch the same suite: one apt run per root at a time (the others wait, then find
# it done).
if command -v flock > /dev/null 2>&1; then
  exec 9> "$root/.lock"
  flock 9
  if [ -f "$root/.done-$key" ]; then echo "$out"; exit 0; fi
fi
fc_apt_root "$root" "deb [arch=$arch signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $suite main"
aptget() { fc_aptget "$root" -o APT::Architecture="$arch" -o APT::Architectures="$arch" "$@"; }
if [ ! -f "$root/.updated" ]; then
  aptget update > "$root/update.log" 2>&1 || skip "cannot reach the Debian archive for $suite/$arch (see $root/update.log)"
  grep -q '^E:' "$root/update.log" && skip "apt update for $suite/$arch failed (see $root/update.log)"
  touch "$root/.updated"
fi
for p; do
  (cd "$root/debs" && aptget download "$p:$arch") > "$root/download.log" 2>&1 ||
    skip "cannot download $p:$arch from $suite (see $root/download.log)"
done
for deb in "$root"/debs/*.deb; do dpkg-deb -x "$deb" "$out"; done
touch "$root/.done-$key"
echo "$out"
