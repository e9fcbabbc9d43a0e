# lib.sh: shared TAP helpers for the floorcompat test suite. Sourced by every tests/*.test.
# Environment (set by Makefile.am's AM_TESTS_ENVIRONMENT): srcdir, builddir, AUDIT, FC_CACHE, CC, CXX.
set -u
: "${srcdir:=.}" "${builddir:=.}" "${CC:=cc}" "${CXX:=c++}"
: "${AUDIT:=$builddir/floorcompat-audit}" "${FC_CACHE:=$builddir/tests/cache}"
srcdir=$(cd "$srcdir" && pwd) builddir=$(cd "$builddir" && pwd)
fc_test=$(basename "$0" .test)
fc_out=$builddir/tests/out/$fc_test
rm -rf "$fc_out" && mkdir -p "$fc_out"
fc_n=0 fc_failed=0

# fc_todo=REASON before a check marks it a known bug (TAP TODO: an XFAIL; once it passes it is an
# XPASS, which fails the suite, so the fix must also drop the mark). Unset it after the check.
ok() { # ok STATUS DESCRIPTION: STATUS is a command's exit status (0 = pass)
  fc_n=$((fc_n + 1))
  fc_t=${fc_todo:+ # TODO $fc_todo}
  if [ "$1" -eq 0 ]; then echo "ok $fc_n - $2$fc_t"; else echo "not ok $fc_n - $2$fc_t"; fc_failed=$((fc_failed + 1)); fi
}
is() { # is GOT EXPECTED DESCRIPTION
  if [ "$1" = "$2" ]; then ok 0 "$3"; else ok 1 "$3"; diag "got:      $1"; diag "expected: $2"; fi
}
like() { # like TEXT EXTENDED-REGEX DESCRIPTION
  if printf '%s\n' "$1" | grep -Eq -- "$2"; then ok 0 "$3"; else ok 1 "$3"; diag "no match for /$2/ in:"; printf '%s\n' "$1" | sed 's/^/#   /' | head -n 20; fi
}
skip() { fc_n=$((fc_n + 1)); echo "ok $fc_n # SKIP $1"; }
diag() { printf '# %s\n' "$*"; }
bail() { echo "Bail out! $*"; exit 1; }
# skip_all REASON: the whole test skips (TAP "1..0 # SKIP"), before any check; for what needs the
# network or an optional toolchain. CI (FLOORCOMPAT_REQUIRE_RUNTIME=1) has all of them: there it bails.
skip_all() {
  [ "${FLOORCOMPAT_REQUIRE_RUNTIME:-0}" = 1 ] && bail "$* (FLOORCOMPAT_REQUIRE_RUNTIME=1)"
  echo "1..0 # SKIP $*"; exit 0
}
done_testing() { echo "1..$fc_n"; exit 0; }

# Old glibc runtimes (tests/oldrun.sh). fc_runtime SUITE DEBARCH selects one for fc_run_old and
# returns 77 when it cannot be fetched; with FLOORCOMPAT_REQUIRE_RUNTIME=1 (CI) that bails out instead.
fc_runtime() {
  FC_RT_ARGS="--suite=$1 --arch=$2 --cache=$FC_CACHE"
  if "$srcdir/tests/oldrun.sh" $FC_RT_ARGS --prepare > "$fc_out/oldrun.prepare" 2> "$fc_out/oldrun.err"; then
    return 0
  fi
  fc_rt_why="Debian $1/$2 runtime unavailable: $(tail -n 1 "$fc_out/oldrun.err")"
  [ "${FLOORCOMPAT_REQUIRE_RUNTIME:-0}" = 1 ] && bail "$fc_rt_why (FLOORCOMPAT_REQUIRE_RUNTIME=1)"
  return 77
}
fc_run_old() { "$srcdir/tests/oldrun.sh" $FC_RT_ARGS "$@"; }

# Floor builds. Every binary a test builds goes through fc_build, which records it in the suite's
# manifest with its floor and audits it on the spot; tests/enforce.test re-audits the whole manifest
# and fails on any ELF file under tests/out that bypassed it.
fc_manifest=$builddir/tests/out/manifest
fc_build() { # fc_build FLOOR OUTPUT COMPILER ARGS...  (FLOOR like 2.17, or "none" for unfloored controls)
  fc_floor=$1 fc_bin=$2; shift 2
  if ! "$@" -o "$fc_bin" > "$fc_bin.build.log" 2>&1; then
    ok 1 "build $(basename "$fc_bin") (floor $fc_floor)"; sed 's/^/#   /' "$fc_bin.build.log" | head -n 30
    return 1
  fi
  echo "$fc_floor $fc_bin" >> "$fc_manifest"
  [ "$fc_floor" = none ] && return 0
  fc_audit_out=$("$AUDIT" --floor="$fc_floor" "$fc_bin" 2>&1)
  fc_rc=$?
  ok $fc_rc "audit $(basename "$fc_bin") within floor $fc_floor"
  [ $fc_rc -eq 0 ] || printf '%s\n' "$fc_audit_out" | sed 's/^/#   /' | head -n 30
  return $fc_rc
}
