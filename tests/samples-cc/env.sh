# env.sh: sourced (after lib.sh) by tests/floorcc.test, cmake.test, meson.test and
# real-projects.test. Points floorcc, floorc++ and the CMake package at this build tree, with a
# fresh floor-directory cache per test, and provides fcc_record.
FLOORCC=$builddir/floorcc FLOORCXX=$builddir/floorc++
FLOORCC_INCLUDEDIR=$srcdir/include FLOORCC_FLOORS=$srcdir/data/floors.tsv
FLOORCC_FLOORSDIR=$builddir/floors FLOORCC_TOOLS=$srcdir/tools
FLOORCC_AUDIT_PROG=$AUDIT FLOORCC_PROG=$FLOORCC FLOORCXX_PROG=$FLOORCXX
FLOORCC_CACHE_DIR=$builddir/tests/floorcc-cache/$fc_test
export FLOORCC_INCLUDEDIR FLOORCC_FLOORS FLOORCC_FLOORSDIR FLOORCC_TOOLS FLOORCC_AUDIT_PROG \
  FLOORCC_PROG FLOORCXX_PROG FLOORCC_CACHE_DIR
unset FLOORCC_FLOOR FLOORCC_KERNEL_FLOOR FLOORCC_CC FLOORCC_CXX FLOORCC_AUDIT FLOORCC_AUTO_LIBS \
  FLOORCC_SHARED_LIBSTDCXX FLOORCC_CXX_FLOOR
PATH=$builddir:$PATH
export PATH
rm -rf "$FLOORCC_CACHE_DIR"
samples=$srcdir/tests/samples-cc
[ -x "$FLOORCC" ] && [ -x "$FLOORCXX" ] || bail "floorcc/floorc++ not built in $builddir: run make first"
[ -f "$builddir/floors/2.17/$FC_HOST_DEBARCH/libc.so" ] || bail "no floor directories in $builddir/floors: run make first"

# Where this test's entries begin in the suite's manifest (earlier runs may have left some).
fcc_mark=$(cat "$fc_manifest" 2>/dev/null | wc -l)
fcc_is_elf() { [ "$(head -c 4 "$1" 2>/dev/null | od -An -c | tr -d ' ')" = '177ELF' ]; }
# fcc_record FLOOR DIR [CONTROL-ERE]: every ELF file under DIR not yet in the manifest (made by a
# build system, or an intermediate object, so it could not go through fc_build) goes into the manifest with FLOOR, except paths matching
# CONTROL-ERE (unfloored by design, e.g. CMake's compiler-id program in the package route), which
# are recorded as "none" (FLOOR none: all of them, no audit). The floored ones are audited together: one assertion.
fcc_record() {
  [ "$1" = none ] && set -- none "$2" "."
  fcc_list=$fc_out/record.$$.list
  : > "$fcc_list"
  find "$2" -type f | sort | while read -r f; do
    fcc_is_elf "$f" || continue
    tail -n +$((fcc_mark + 1)) "$fc_manifest" 2>/dev/null | grep -q " $f\$" && continue
    if [ -n "${3-}" ] && printf '%s\n' "$f" | grep -Eq -- "$3"; then
      echo "none $f" >> "$fc_manifest"
    else
      echo "$1 $f" >> "$fc_manifest"
      echo "$f" >> "$fcc_list"
    fi
  done
  if [ "$1" = none ]; then rm -f "$fcc_list"; return 0; fi
  fcc_n=$(wc -l < "$fcc_list")
  if [ "$fcc_n" -eq 0 ]; then
    ok 1 "ELF files to audit under $(basename "$2")"
    return 1
  fi
  # shellcheck disable=SC2046
  fcc_audit=$(tr '\n' '\0' < "$fcc_list" | xargs -0 "$AUDIT" -q --floor="$1" 2>&1)
  fcc_rc=$?
  ok $fcc_rc "all $fcc_n ELF files under $(basename "$2") within floor $1"
  [ $fcc_rc -eq 0 ] || printf '%s\n' "$fcc_audit" | sed 's/^/#   /' | head -n 30
  rm -f "$fcc_list"
  return $fcc_rc
}
