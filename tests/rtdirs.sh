# rtdirs.sh: run programs on prebuilt upstream glibc runtimes (x86_64), and on a Debian suite's
# glibc, through patchelf'd copies. Sourced after lib.sh by tests/libuv.test,
# tests/m4-searchlibs.test and tests/floorcc.test.
#
# FLOORCOMPAT_RUNTIMES names a directory of runtimes: glibc-2.17/lib, glibc-2.28/lib, ... each with
# its loader (ld-linux-x86-64.so.2), libc, libpthread, libdl ... and a libgcc_s.so.1 that runs on
# it. Without the variable those runs SKIP; with it, a runtime missing from it SKIPs, or bails
# under FLOORCOMPAT_REQUIRE_RUNTIME=1 (CI).
#
#   fc_rt_dir VERSION         sets fc_rt_lib to its lib directory; 77 and fc_rt_why when absent
#   fc_rt_deb                 after fc_runtime (lib.sh): sets fc_rt_lib to that Debian tree's lib
#                             directories (ld.so in the first), for the same patchelf route
#   fc_rt_copy FLOOR SRC DEST [DIR...]
#                             copies SRC to DEST re-pointed at the runtime fc_rt_lib: an executable
#                             gets its loader as interpreter; both kinds get DT_RPATH DIR...:fc_rt_lib
#                             (DT_RPATH, not RUNPATH: it also serves the executable's indirect
#                             dependencies and libc's own dlopen of NSS modules, which would
#                             otherwise come from the host through ld.so.cache). DEST goes into the
#                             suite's manifest with FLOOR (the copy's versions are SRC's).
# Run the copy with LD_BIND_NOW=1, so that a symbol the runtime lacks fails at start-up. A copy
# started this way keeps its own path (/proc/self/exe, argv[0]): programs that re-execute themselves
# (test runners forking their tests) stay on the old glibc, unlike under `ld.so PROG`.
fc_rt_dir() {
  fc_rt_lib=
  if [ -z "${FLOORCOMPAT_RUNTIMES:-}" ]; then
    fc_rt_why="glibc $1: FLOORCOMPAT_RUNTIMES (a directory of prebuilt runtimes) is not set"
    return 77
  fi
  if [ "${FC_HOST_DEBARCH:-amd64}" != amd64 ]; then
    fc_rt_why="glibc $1: the prebuilt runtimes are x86_64"
    return 77
  fi
  if ! command -v patchelf > /dev/null; then
    fc_rt_why="glibc $1: patchelf is not installed"
  elif [ ! -x "$FLOORCOMPAT_RUNTIMES/glibc-$1/lib/ld-linux-x86-64.so.2" ]; then
    fc_rt_why="glibc $1: no glibc-$1/lib/ld-linux-x86-64.so.2 in \$FLOORCOMPAT_RUNTIMES"
  else
    fc_rt_lib=$(cd "$FLOORCOMPAT_RUNTIMES/glibc-$1/lib" && pwd)
    return 0
  fi
  [ "${FLOORCOMPAT_REQUIRE_RUNTIME:-0}" = 1 ] && bail "$fc_rt_why (FLOORCOMPAT_REQUIRE_RUNTIME=1)"
  return 77
}

fc_rt_deb() {
  fc_rt_tree=$(cat "$fc_out/oldrun.prepare")
  fc_rt_lib=
  for fc_d in "$fc_rt_tree/lib/x86_64-linux-gnu" "$fc_rt_tree/usr/lib/x86_64-linux-gnu"; do
    [ -d "$fc_d" ] && fc_rt_lib=${fc_rt_lib:+$fc_rt_lib:}$fc_d
  done
  command -v patchelf > /dev/null || { fc_rt_why="patchelf is not installed"; return 77; }
  [ -e "${fc_rt_lib%%:*}/ld-linux-x86-64.so.2" ] || { fc_rt_why="no x86_64 loader in $fc_rt_tree"; return 77; }
}

fc_rt_copy() {
  fc_rt_floor=$1 fc_rt_src=$2 fc_rt_dest=$3
  shift 3
  fc_rt_path=
  for fc_d; do fc_rt_path=$fc_rt_path$fc_d:; done
  fc_rt_path=$fc_rt_path$fc_rt_lib
  rm -f "$fc_rt_dest" && cp "$fc_rt_src" "$fc_rt_dest" || return 1
  echo "$fc_rt_floor $fc_rt_dest" >> "$fc_manifest"
  if readelf -lW "$fc_rt_dest" 2> /dev/null | grep -q 'Requesting program interpreter'; then
    patchelf --set-interpreter "${fc_rt_lib%%:*}/ld-linux-x86-64.so.2" "$fc_rt_dest" || return 1
  fi
  patchelf --force-rpath --set-rpath "$fc_rt_path" "$fc_rt_dest"
}
