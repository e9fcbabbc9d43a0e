#!/bin/sh
# mkfloordir.sh: build one floor directory, everything a link at a glibc floor needs in one place:
# the link-time floor libraries (mkfloor.sh: libc.so.6, libm.so.6, the loader, the pre-2.34 homes
# and the libc.so script) and floorcompat's implementation archive (mkarchive.sh), which the libc.so
# script groups with libc.so.6, so that every object of the link, the user's libraries and -lc
# included, is served by the shims it calls.
#
#   mkfloordir.sh --cc=CC --floor=X.Y --out=DIR [--arch=DEBARCH] [--ar=AR] [--include=DIR] [--data=DIR]
#   mkfloordir.sh --cc=CC --print-arch        the Debian architecture CC builds for
#
# Linking with `CC -L DIR -Wl,-rpath-link,DIR` then binds every reference to the floor's versions.
# --arch defaults to the compiler's (-print-multiarch). `make` runs this for the build host at the
# floors of data/floors.tsv; floorcc runs it into its cache for any other floor or compiler. DIR is
# built beside itself and renamed into place, so concurrent builds never see half of one; when DIR
# already exists, the new one is discarded (the same inputs give the same files).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cc= floor= out= arch= ar=${AR:-ar} inc= data= print=0
usage="usage: mkfloordir.sh --cc=CC --floor=X.Y --out=DIR [--arch=DEBARCH] [--ar=AR] [--include=DIR] [--data=DIR]"
for a; do
  case $a in
    --cc=*) cc=${a#*=} ;;
    --floor=*) floor=${a#*=} ;;
    --out=*) out=${a#*=} ;;
    --arch=*) arch=${a#*=} ;;
    --ar=*) ar=${a#*=} ;;
    --include=*) inc=${a#*=} ;;
    --data=*) data=${a#*=} ;;
    --print-arch) print=1 ;;
    *) echo "mkfloordir: unknown argument '$a'; $usage" >&2; exit 2 ;;
  esac
done
[ -n "$cc" ] && { [ $print = 1 ] || { [ -n "$floor" ] && [ -n "$out" ]; }; } || { echo "mkfloordir: $usage" >&2; exit 2; }
if [ -z "$arch" ]; then
  # shellcheck disable=SC2086 # CC may carry options, as in Make's $(CC)
  triplet=$($cc -print-multiarch 2>/dev/null) || triplet=
  case $triplet in
    x86_64-linux-gnu) arch=amd64 ;;
    aarch64-linux-gnu) arch=arm64 ;;
    arm-linux-gnueabihf) arch=armhf ;;
    i386-linux-gnu) arch=i386 ;;
    powerpc64le-linux-gnu) arch=ppc64el ;;
    riscv64-linux-gnu) arch=riscv64 ;;
    s390x-linux-gnu) arch=s390x ;;
    *) echo "mkfloordir: $cc targets '${triplet:-an unknown system}': no glibc floor data for it" >&2; exit 1 ;;
  esac
fi
[ $print = 1 ] && { echo "$arch"; exit 0; }
case $out in /*) ;; *) out=$PWD/$out ;; esac
[ -d "$out" ] && exit 0
mkdir -p "$(dirname "$out")"
part=$out.tmp$$
rm -rf "$part"
trap 'rm -rf "$part"' EXIT INT TERM
"$here/mkarchive.sh" --cc="$cc" --ar="$ar" --floor="$floor" ${inc:+--include="$inc"} \
  --out="$part/libfloorcompat.a"
"$here/mkfloor.sh" --cc="$cc" --arch="$arch" --floor="$floor" --out="$part" ${data:+--data="$data"} \
  --archive="$part/libfloorcompat.a"
# What the floor lacks, for floorcc's explanation of an undefined reference: every name whose first
# glibc version is above the floor (name, that version).
awk -F'\t' -v floor="$floor" '
  function num(v,   p) { split(v, p, "."); return p[1] * 10000 + p[2] * 100 + p[3] }
  !/^#/ && $3 ~ /^GLIBC_[0-9]/ { v = substr($3, 7); if (!($2 in first) || num(v) < num(first[$2])) first[$2] = v }
  END { for (n in first) if (num(first[n]) > num(floor)) print n "\t" first[n] }' \
  "${data:-$here/../data}/symbols/$arch.tsv" | LC_ALL=C sort > "$part/above-floor.tsv"
# The script names its files by absolute path: the final directory's.
sed "s|$part/|$out/|g" "$part/libc.so" > "$part/libc.so.new" && mv -f "$part/libc.so.new" "$part/libc.so"
mv -T "$part" "$out" 2>/dev/null || [ -d "$out" ] || { echo "mkfloordir: cannot create $out" >&2; exit 1; }
