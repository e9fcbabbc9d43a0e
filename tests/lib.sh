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
ok() { # ok STATUS DESCRIPTION: STATUS is a command's exit status (0 = pass); returns 1 on a failure,
  # so that `ok $? DESC || show-the-log` shows it
  fc_n=$((fc_n + 1))
  fc_t=${fc_todo:+ # TODO $fc_todo}
  if [ "$1" -eq 0 ]; then echo "ok $fc_n - $2$fc_t"; return 0; fi
  echo "not ok $fc_n - $2$fc_t"; fc_failed=$((fc_failed + 1))
  return 1
}
ok_failed() { # ok_failed STATUS DESCRIPTION: passes when the command failed (STATUS non-zero)
  if [ "$1" -eq 0 ]; then ok 1 "$2"; else ok 0 "$2"; fi
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

# Old glibc runtimes. Every run on another glibc goes through floorcompat-run (a re-pointed copy of
# the program: tools/floorcompat-run.in). Two kinds:
#   Debian suites (bullseye 2.31, bookworm 2.36, trixie 2.41; amd64 or arm64 under qemu), whose
#     libc6, libgcc-s1 and libstdc++6 floorcompat-run fetches into $FC_CACHE;
#   glibc 2.17 and 2.28 (amd64), built from upstream sources, in $FLOORCOMPAT_RUNTIMES/glibc-X.Y/lib
#     (a directory of runtimes; .ci/run points it at ../shared/runtimes beside the clone). They
#     carry no libstdc++: 2.28 gets Debian 11's (GCC 10, needs GLIBC_2.18) through --lib-path,
#     2.17 has none (fc_rt_cxx=0), so C++ programs linked with the shared libstdc++ skip there.
# fc_runtime NAME DEBARCH selects one (NAME: a suite, or 2.17 / 2.28) for fc_run_old and $FC_RUN
# (for env-prefixed runs: env X=1 $FC_RUN PROG), and sets fc_rt_ver (2.31 ...), fc_rt_libc,
# fc_rt_ld (the loader), fc_rt_libs (its library directories), fc_rt_tree (a Debian suite's tree) and
# fc_rt_cxx. It returns 77 when the runtime is unavailable (fc_rt_why says why); with
# FLOORCOMPAT_REQUIRE_RUNTIME=1 (CI) that bails out instead.
FC_RUN_PROG=$builddir/floorcompat-run
FLOORCOMPAT_RUN_DATADIR=$srcdir/tests FLOORCOMPAT_AUDIT=$AUDIT
export FLOORCOMPAT_RUN_DATADIR FLOORCOMPAT_AUDIT
[ -x "$FC_RUN_PROG" ] || bail "floorcompat-run not built in $builddir: run make first"
fc_runtime() {
  fc_rt_name=$1 fc_rt_cxx=1 fc_rt_lp=
  case $1 in
    2.*)
      fc_rt_dir=${FLOORCOMPAT_RUNTIMES:-}/glibc-$1
      if [ -z "${FLOORCOMPAT_RUNTIMES:-}" ]; then
        fc_rt_why="glibc $1 runtime unavailable: FLOORCOMPAT_RUNTIMES (a directory of glibc-X.Y/lib runtimes) is not set"
      elif [ "$2" != amd64 ]; then
        fc_rt_why="glibc $1 $2 runtime unavailable: $FLOORCOMPAT_RUNTIMES has amd64 runtimes only"
      elif [ ! -d "$fc_rt_dir/lib" ]; then
        fc_rt_why="glibc $1 runtime unavailable: no $fc_rt_dir/lib"
      else
        fc_rt_why=
      fi
      if [ -z "$fc_rt_why" ] && [ ! -e "$fc_rt_dir/lib/libstdc++.so.6" ]; then
        # No libstdc++ of its own: Debian 11's (GLIBC_2.18) serves 2.28; nothing serves 2.17.
        if [ "$1" = 2.17 ]; then
          fc_rt_cxx=0
        elif fc_rt_cxxtree=$("$FC_RUN_PROG" --glibc=bullseye --arch=amd64 --cache="$FC_CACHE" --print-runtime 2> "$fc_out/runtime.err"); then
          fc_rt_lp=--lib-path=$(printf '%s\n' "$fc_rt_cxxtree" | sed -n 's/^debian [^ ]* //p')/usr/lib/x86_64-linux-gnu
        else
          fc_rt_why="glibc $1 runtime's C++ part (Debian 11's libstdc++) unavailable: $(tail -n 1 "$fc_out/runtime.err")"
        fi
      fi ;;
    *) fc_rt_dir=$1 fc_rt_why= ;;
  esac
  if [ -z "$fc_rt_why" ]; then
    FC_RUN="$FC_RUN_PROG --glibc=$fc_rt_dir --arch=$2 --cache=$FC_CACHE $fc_rt_lp"
    if $FC_RUN --print-runtime > "$fc_out/runtime.$1-$2" 2> "$fc_out/runtime.err"; then
      fc_rt_ver=$(sed -n 's/^glibc //p' "$fc_out/runtime.$1-$2")
      fc_rt_libc=$(sed -n 's/^libc //p' "$fc_out/runtime.$1-$2")
      fc_rt_ld=$(sed -n 's/^loader //p' "$fc_out/runtime.$1-$2")
      fc_rt_libs=$(sed -n 's/^libs //p' "$fc_out/runtime.$1-$2")
      fc_rt_tree=$(sed -n 's/^debian [^ ]* //p' "$fc_out/runtime.$1-$2")
      # A suite's fetched tree by path from now on (no second look-up, no clash with a directory
      # named like the suite where a test runs).
      [ -z "$fc_rt_tree" ] || FC_RUN="$FC_RUN_PROG --glibc=$fc_rt_tree --arch=$2 --cache=$FC_CACHE $fc_rt_lp"
      return 0
    fi
    case $1 in
      2.*) fc_rt_why="glibc $1 runtime unavailable: $(tail -n 1 "$fc_out/runtime.err")" ;;
      *) fc_rt_why="Debian $1/$2 runtime unavailable: $(tail -n 1 "$fc_out/runtime.err")" ;;
    esac
  fi
  [ "${FLOORCOMPAT_REQUIRE_RUNTIME:-0}" = 1 ] && bail "$fc_rt_why (FLOORCOMPAT_REQUIRE_RUNTIME=1)"
  return 77
}
fc_run_old() { $FC_RUN -- "$@"; }
# fc_runtimes FLOOR: the amd64 runtimes a program of that floor must run on, oldest first: 2.17 and
# 2.28 (upstream) where the floor allows, then bullseye (2.31). fc_runtimes 2.17 -> 2.17 2.28 bullseye.
fc_runtimes() {
  for fc_r in 2.17 2.28; do
    awk -v f="$1" -v r="$fc_r" 'BEGIN { split(f, a, "."); split(r, b, "."); exit !(a[1] * 100 + a[2] <= b[1] * 100 + b[2]) }' &&
      printf '%s ' "$fc_r"
  done
  echo bullseye
}

# fc_use_runtimes FLOOR: selects every amd64 runtime of fc_runtimes FLOOR (one skip for each that is
# unavailable); fc_rts lists their versions ("2.17 2.28 2.31"), and fc_use VERSION makes one of them
# current (FC_RUN, fc_run_old, fc_rt_ver, fc_rt_cxx) without asking again.
fc_use_runtimes() {
  fc_rts=
  for fc_r in $(fc_runtimes "$1"); do
    if fc_runtime "$fc_r" amd64; then
      fc_rts="$fc_rts $fc_rt_ver"
      fc_v=$(echo "$fc_rt_ver" | tr . _)
      eval "fc_rt_run_$fc_v=\$FC_RUN fc_rt_cxx_$fc_v=\$fc_rt_cxx fc_rt_libc_$fc_v=\$fc_rt_libc"
    else
      skip "$fc_rt_why"
    fi
  done
}
fc_use() {
  fc_v=$(echo "$1" | tr . _)
  eval "FC_RUN=\$fc_rt_run_$fc_v fc_rt_cxx=\$fc_rt_cxx_$fc_v fc_rt_libc=\$fc_rt_libc_$fc_v"
  fc_rt_ver=$1
}

# Floor directories (tools/mkfloordir.sh): the link-time libraries of a floor, which every link of a
# floor-built test program uses in place of the host's libc (the header pins nothing). fc_floordir G
# [CC] sets fc_fd to the directory of floor G for CC (default $CC) and fc_fl to the link
# options for it: make's floors/G/ARCH when make built that one, else one built here once into
# tests/floors/G/ARCH (concurrent tests may both build it: mkfloordir.sh renames a whole directory
# into place, and keeps the first). It bails out when the directory cannot be built.
fc_floordir() {
  fc_fd_cc=${2:-$CC}
  if [ "$fc_fd_cc" = "$CC" ]; then fc_fd_arch=$FC_HOST_DEBARCH
  else fc_fd_arch=$("$srcdir/tools/mkfloordir.sh" --cc="$fc_fd_cc" --print-arch) || bail "fc_floordir: no architecture for $fc_fd_cc"
  fi
  fc_fd=$builddir/floors/$1/$fc_fd_arch
  if [ "$fc_fd_cc" != "$CC" ] || [ ! -f "$fc_fd/.built" ]; then
    fc_fd=$builddir/tests/floors/$1/$fc_fd_arch
    if [ ! -f "$fc_fd/libc.so" ]; then
      mkdir -p "$builddir/tests/floors/$1"
      "$srcdir/tools/mkfloordir.sh" --cc="$fc_fd_cc" --floor="$1" --arch="$fc_fd_arch" \
        --include="$srcdir/include" --data="$srcdir/data" --out="$fc_fd" > "$fc_fd.log" 2>&1 ||
        { sed 's/^/#   /' "$fc_fd.log" | head -n 20; bail "fc_floordir: cannot build the floor $1 directory for $fc_fd_arch"; }
    fi
  fi
  fc_fl="-L$fc_fd -Wl,-rpath-link,$fc_fd"
}
# fc_hostso: for a floor link that takes host shared libraries (the shared libstdc++.so.6 and
# libgcc_s.so.1, sanitizer runtimes), whose needs the floor directory's libc.so.6 lacks
# (pthread_create@GLIBC_2.34, _dl_find_object@GLIBC_2.35 ...): ld does not hold them to it. What a
# host library needs is its own (an old runtime brings its own), the program's needs are the
# audit's; floorcc and floorc++ link so.
fc_hostso=-Wl,--allow-shlib-undefined

# Floor builds. Every binary a test builds goes through fc_build, which records it in the suite's
# manifest with its floor and audits it on the spot; tests/enforce.test re-audits the whole manifest
# and fails on any ELF file under tests/out that bypassed it.
fc_manifest=$builddir/tests/out/manifest
# fc_floor_opts FLOOR: the audit's options for a manifest floor: 2.17, or 2.17:CXX for a C++ runtime
# other than the floor's (2.17:none: a program built to use the host's libstdc++).
fc_floor_opts() {
  case $1 in
    *:*) echo "--floor=${1%%:*} --cxx-floor=${1#*:}" ;;
    *) echo "--floor=$1" ;;
  esac
}
fc_build() { # fc_build FLOOR OUTPUT COMPILER ARGS...  (FLOOR like 2.17 or 2.17:none, or "none" for unfloored controls)
  fc_floor=$1 fc_bin=$2; shift 2
  if ! "$@" -o "$fc_bin" > "$fc_bin.build.log" 2>&1; then
    ok 1 "build $(basename "$fc_bin") (floor $fc_floor)"; sed 's/^/#   /' "$fc_bin.build.log" | head -n 30
    return 1
  fi
  echo "$fc_floor $fc_bin" >> "$fc_manifest"
  [ "$fc_floor" = none ] && return 0
  fc_audit_out=$("$AUDIT" $(fc_floor_opts "$fc_floor") "$fc_bin" 2>&1)
  fc_rc=$?
  ok $fc_rc "audit $(basename "$fc_bin") within floor $fc_floor"
  [ $fc_rc -eq 0 ] || printf '%s\n' "$fc_audit_out" | sed 's/^/#   /' | head -n 30
  return $fc_rc
}
