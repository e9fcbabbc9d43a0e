# floorcompat.m4 - build a project on a new glibc for an older glibc and kernel floor.
# serial 3
#
# AC_FLOOR_GLIBC([VERSION], [ACTION-IF-NOT-GLIBC])
#   Call it right after AC_PROG_CC (and AC_PROG_CXX), before any AC_CHECK_FUNCS/HEADERS/DECLS.
#   VERSION is the default glibc floor (X.Y or a name below; default 2.17). The user overrides it:
#     --with-glibc-floor=X.Y|NAME   another floor; NAME also sets the kernel floor (see the table)
#     --without-glibc-floor         off: nothing is changed, configure sees the host
#     --with-kernel-floor=X.Y       the kernel floor (--without-kernel-floor: none, FLOORCOMPAT_KERNEL=9999)
#     --with-floor-policy=gate|shim what configure reports for APIs the floor lacks (default gate)
#     --with-floorcompat=DIR        where floorcompat is: an install prefix or a build tree
#   On a compiler that does not target glibc (musl, macOS ...) it only says so and runs
#   ACTION-IF-NOT-GLIBC. A floor above the glibc of the headers in use is a configure error.
#   With a floor it
#   - adds `-I<includedir> -include floorcompat.h -DFLOORCOMPAT_GLIBC=NNN -DFLOORCOMPAT_KERNEL=NNN`
#     to CPPFLAGS, so every compile (configure's own tests too) sees floorcompat.h first;
#   - puts floorcompat's floor directory of that glibc first in LDFLAGS (-L, -Wl,-rpath-link, and
#     -Wl,--allow-shlib-undefined): the floor's link-time libc.so.6, libm.so.6, loader and pre-2.34
#     home libraries, in which every symbol's default version is the floor's, and floorcompat's
#     archive (its shims, one member per API family), which the floor's libc.so groups with
#     libc.so.6. Every executable and shared library the project links (libtool ones too), every
#     object in it, static libraries included, binds to the floor; dlopen and pthread_* that
#     configure found "in libc" (no -ldl/-lpthread) still get libdl.so.2/libpthread.so.0 below 2.34.
#     The installed floor directories cover 2.17 and the named floors' glibc versions; another floor's
#     is built into the build directory (floorcompat-floor-X.Y). C++ links take libstdc++ and libgcc
#     statically (local in shared libraries) unless --with-floor-libstdc++=shared;
#   - presets the autoconf cache for every glibc function and header newer than the floor
#     (ac_cv_func_X, ac_cv_have_decl_X, ac_cv_header_X), unless already set (a cache variable given
#     on the command line wins): AC_CHECK_FUNCS, AC_CHECK_DECLS and AC_CHECK_HEADERS then report
#     what the floor has. Policy "gate" (default): all of them say "no", so the project's own
#     fallback is used. Policy "shim": the functions floorcompat's archive defines
#     (its API shims: getrandom, reallocarray ... when present) and headers whose function is
#     shimmed are left to configure, which finds them ("yes"), and the shim serves the call.
#     The stat family (served by floorcompat.h at every floor) is never preset.
#   - AC_SUBSTs FLOORCOMPAT_GLIBC_FLOOR (X.Y or no), FLOORCOMPAT_KERNEL_FLOOR, FLOORCOMPAT_POLICY,
#     FLOORCOMPAT_AUDIT (`floorcompat-audit --floor=X.Y`, or `:` when off) for a post-link check:
#         floor-check: all-am
#         	$(FLOORCOMPAT_AUDIT) -q -r $(top_builddir)
#         check-local: floor-check
#     and FLOORCOMPAT_FLOORDIR, FLOORCOMPAT_INCLUDEDIR, FLOORCOMPAT_CPPFLAGS and
#     FLOORCOMPAT_LIBS (what was added to CPPFLAGS and LDFLAGS).
#   Where floorcompat is: FLOORCOMPAT_INCLUDEDIR / FLOORCOMPAT_FLOORSDIR / FLOORCOMPAT_TOOLS /
#   FLOORCOMPAT_AUDIT_TOOL
#   (precious variables), else --with-floorcompat=DIR, else `pkg-config --variable=... floorcompat`,
#   else the compiler's default include path and PATH.
#
# AC_FLOOR_KERNEL([VERSION])
#   The default kernel floor (X.Y, default 3.10) passed as -DFLOORCOMPAT_KERNEL; --with-kernel-floor
#   overrides it, a named glibc floor sets it. Takes effect with AC_FLOOR_GLIBC (either order).

# The named floors (_FLOORCOMPAT_NAMED_FLOORS, NAME:glibc:kernel:GLIBCXX:CXXABI:GCC) come from
# data/floors.tsv through the generated floorcompat-funcs.m4, the one table floorcc and the audit read.
m4_define([_FLOORCOMPAT_FLOOR_NAMES], [m4_normalize(m4_bpatsubst(_FLOORCOMPAT_NAMED_FLOORS, [:[0-9.:]*], []))])

# _FLOORCOMPAT_INIT: options, and shell helpers. Required once by both public macros.
AC_DEFUN([_FLOORCOMPAT_INIT], [
AC_REQUIRE([AC_PROG_CC])
AC_REQUIRE([AC_CANONICAL_HOST])
AC_REQUIRE([AC_PROG_AWK])
AC_REQUIRE([_FLOORCOMPAT_TABLES])
AC_ARG_WITH([glibc-floor],
  [AS_HELP_STRING([--with-glibc-floor=X.Y|NAME],
    [oldest glibc the binaries must run on; NAME is one of: ]_FLOORCOMPAT_FLOOR_NAMES)
AS_HELP_STRING([--without-glibc-floor], [no floor: configure and the binaries see the build host])])
AC_ARG_WITH([kernel-floor],
  [AS_HELP_STRING([--with-kernel-floor=X.Y], [oldest Linux kernel the binaries must run on (default from configure.ac, a named floor, or 3.10)])])
AC_ARG_WITH([floor-policy],
  [AS_HELP_STRING([--with-floor-policy=gate|shim],
    [for APIs newer than the glibc floor: gate (default) makes configure report them missing, so the project's own fallback is used; shim reports those floorcompat shims as present and lets the shim serve them])],
  [], [with_floor_policy=gate])
AC_ARG_WITH([floorcompat],
  [AS_HELP_STRING([--with-floorcompat=DIR], [floorcompat's install prefix or build tree (default: pkg-config, then the compiler's paths)])])
AC_ARG_VAR([FLOORCOMPAT_INCLUDEDIR], [directory holding floorcompat.h])
AC_ARG_VAR([FLOORCOMPAT_FLOORSDIR], [directory holding floorcompat's floor directories (GLIBC/ARCH/)])
AC_ARG_VAR([FLOORCOMPAT_TOOLS], [directory holding floorcompat's mkfloordir.sh, for floors not installed])
AC_ARG_WITH([floor-libstdc++],
  [AS_HELP_STRING([--with-floor-libstdc++=static|shared],
    [C++ links take the host's libstdc++ and libgcc statically (default: they are newer than an older floor's) or shared (you ship your own)])],
  [], [with_floor_libstdc__=static])
AC_ARG_VAR([FLOORCOMPAT_AUDIT_TOOL], [the floorcompat-audit program])

# floorcompat_int X.Y: prints major*100+minor, nothing when X.Y is not a version.
floorcompat_int () {
  case $[1] in
    *[[!0-9.]]* | *.*.* | .* | *. | "" ) return 0 ;;
    *.*) ;;
    *) return 0 ;;
  esac
  fc_maj=`expr "X$[1]" : 'X\([[0-9]]*\)\.'`
  fc_min=`expr "X$[1]" : 'X[[0-9]]*\.\([[0-9]]*\)$'`
  test -n "$fc_maj" && test -n "$fc_min" && test "$fc_min" -lt 100 || return 0
  expr "$fc_maj" \* 100 + "$fc_min"
}
# floorcompat_named NAME: sets fc_named_glibc, fc_named_kernel and fc_named_cxx (its C++ runtime
# as GLIBCXX:CXXABI:GCC, floorcompat-audit's --cxx-floor form), or returns 1.
floorcompat_named () {
  for fc_e in _FLOORCOMPAT_NAMED_FLOORS; do
    case $fc_e in
      "$[1]":*) fc_e=${fc_e[#]*:}; fc_named_glibc=${fc_e%%:*}; fc_e=${fc_e[#]*:}
               fc_named_kernel=${fc_e%%:*}; fc_named_cxx=${fc_e[#]*:}; return 0 ;;
    esac
  done
  return 1
}
fc_named_glibc= fc_named_kernel= fc_named_cxx=
AS_CASE([$with_glibc_floor], [""|yes|no], [], [floorcompat_named "$with_glibc_floor" || :])
floorcompat_kernel_default=3.10
floorcompat_kernel_floor=no
])

# _FLOORCOMPAT_APPLY_KERNEL: (re)computes the kernel floor and its -D in CPPFLAGS. The user's option
# wins, then a named glibc floor, then configure.ac (AC_FLOOR_KERNEL), then 3.10.
AC_DEFUN([_FLOORCOMPAT_APPLY_KERNEL], [
AS_IF([test "x$floorcompat_glibc_floor" != xno], [
  AS_CASE([$with_kernel_floor],
    [""|yes], [AS_IF([test -n "$fc_named_kernel"], [fc_k=$fc_named_kernel], [fc_k=$floorcompat_kernel_default])],
    [no], [fc_k=99.99],
    [fc_k=$with_kernel_floor])
  fc_k_int=`floorcompat_int "$fc_k"`
  AS_IF([test -z "$fc_k_int"],
    [AC_MSG_ERROR([kernel floor '$fc_k' is not X.Y (e.g. 3.10)])])
  AS_IF([test "x$fc_k" = x99.99], [floorcompat_kernel_floor=no], [floorcompat_kernel_floor=$fc_k])
  AS_CASE([" $CPPFLAGS "], [*" -DFLOORCOMPAT_KERNEL="*],
    [CPPFLAGS=`AS_ECHO(["$CPPFLAGS"]) | sed 's/ *-DFLOORCOMPAT_KERNEL=[[0-9]]*//'`])
  CPPFLAGS="-DFLOORCOMPAT_KERNEL=$fc_k_int $CPPFLAGS"
])
])

AC_DEFUN([AC_FLOOR_KERNEL], [
AC_REQUIRE([_FLOORCOMPAT_INIT])
floorcompat_kernel_default=m4_default([$1], [3.10])
AS_IF([test -z "`floorcompat_int $floorcompat_kernel_default`"],
  [AC_MSG_ERROR([kernel floor '$floorcompat_kernel_default' (configure.ac) is not X.Y])])
dnl Before AC_FLOOR_GLIBC this only sets the default; after it, it re-applies.
AS_IF([test "x${floorcompat_glibc_floor-no}" != xno], [_FLOORCOMPAT_APPLY_KERNEL])
AC_SUBST([FLOORCOMPAT_KERNEL_FLOOR], [$floorcompat_kernel_floor])
])

# _FLOORCOMPAT_LOCATE: FLOORCOMPAT_INCLUDEDIR, FLOORCOMPAT_FLOORSDIR, FLOORCOMPAT_TOOLS,
# FLOORCOMPAT_AUDIT_TOOL.
AC_DEFUN([_FLOORCOMPAT_LOCATE], [
AS_IF([test -n "$with_floorcompat" && test "x$with_floorcompat" != xyes && test "x$with_floorcompat" != xno], [
  fc_d=$with_floorcompat
  test -d "$fc_d" || AC_MSG_ERROR([--with-floorcompat: no directory $fc_d])
  fc_d=`cd "$fc_d" && pwd`
  AS_IF([test -z "$FLOORCOMPAT_INCLUDEDIR"], [
    for fc_x in "$fc_d/include" "$fc_d"; do
      AS_IF([test -f "$fc_x/floorcompat.h"], [FLOORCOMPAT_INCLUDEDIR=$fc_x; break])
    done])
  AS_IF([test -z "$FLOORCOMPAT_FLOORSDIR"], [
    for fc_x in "$fc_d"/lib/floorcompat/floors "$fc_d"/lib64/floorcompat/floors "$fc_d"/lib/*/floorcompat/floors "$fc_d/floors"; do
      AS_IF([test -d "$fc_x"], [FLOORCOMPAT_FLOORSDIR=$fc_x; break])
    done])
  AS_IF([test -z "$FLOORCOMPAT_TOOLS"], [
    for fc_x in "$fc_d/share/floorcompat/tools" "$fc_d/tools"; do
      AS_IF([test -x "$fc_x/mkfloordir.sh"], [FLOORCOMPAT_TOOLS=$fc_x; break])
    done])
  AS_IF([test -z "$FLOORCOMPAT_AUDIT_TOOL"], [
    for fc_x in "$fc_d/bin/floorcompat-audit" "$fc_d/floorcompat-audit"; do
      AS_IF([test -x "$fc_x"], [FLOORCOMPAT_AUDIT_TOOL=$fc_x; break])
    done])
  AS_IF([test -z "$FLOORCOMPAT_INCLUDEDIR"], [AC_MSG_ERROR([--with-floorcompat=$fc_d: no floorcompat.h under it])])
], [
  AS_IF([test -z "$PKG_CONFIG"], [AC_PATH_TOOL([PKG_CONFIG], [pkg-config])])
  AS_IF([test -n "$PKG_CONFIG" && $PKG_CONFIG --exists floorcompat 2>/dev/null], [
    AS_IF([test -z "$FLOORCOMPAT_INCLUDEDIR"], [FLOORCOMPAT_INCLUDEDIR=`$PKG_CONFIG --variable=includedir floorcompat`])
    AS_IF([test -z "$FLOORCOMPAT_FLOORSDIR"], [FLOORCOMPAT_FLOORSDIR=`$PKG_CONFIG --variable=pkglibdir floorcompat`/floors])
    AS_IF([test -z "$FLOORCOMPAT_TOOLS"], [FLOORCOMPAT_TOOLS=`$PKG_CONFIG --variable=pkgdatadir floorcompat`/tools])
    AS_IF([test -z "$FLOORCOMPAT_AUDIT_TOOL"], [FLOORCOMPAT_AUDIT_TOOL=`$PKG_CONFIG --variable=audit floorcompat`])
  ])
])
AS_IF([test -z "$FLOORCOMPAT_AUDIT_TOOL"], [AC_PATH_PROG([FLOORCOMPAT_AUDIT_TOOL], [floorcompat-audit])])
])

AC_DEFUN([AC_FLOOR_GLIBC], [
AC_REQUIRE([_FLOORCOMPAT_INIT])
AC_BEFORE([$0], [AC_CHECK_FUNCS])dnl
AC_BEFORE([$0], [AC_CHECK_FUNC])dnl
AC_BEFORE([$0], [AC_CHECK_HEADERS])dnl
AC_BEFORE([$0], [AC_CHECK_DECLS])dnl
floorcompat_glibc_floor=no
floorcompat_policy=$with_floor_policy
FLOORCOMPAT_AUDIT=:
FLOORCOMPAT_FLOORDIR=
FLOORCOMPAT_CPPFLAGS=
FLOORCOMPAT_LIBS=
AS_CASE([$floorcompat_policy], [gate|shim], [],
  [AC_MSG_ERROR([--with-floor-policy: '$floorcompat_policy' is neither gate nor shim])])

AC_MSG_CHECKING([for the glibc floor])
AS_CASE([$with_glibc_floor],
  [no], [fc_floor=no],
  [""|yes], [fc_floor=m4_default([$1], [2.17])
             floorcompat_named "$fc_floor" && fc_floor=$fc_named_glibc],
  [AS_IF([test -n "$fc_named_glibc"], [fc_floor=$fc_named_glibc], [fc_floor=$with_glibc_floor])])
AS_IF([test "x$fc_floor" = xno], [AC_MSG_RESULT([none (--without-glibc-floor)])], [
  fc_floor_int=`floorcompat_int "$fc_floor"`
  AS_IF([test -z "$fc_floor_int"], [
    AC_MSG_RESULT([?])
    AC_MSG_ERROR(['$fc_floor' is not a glibc floor: give X.Y (e.g. 2.17) or one of: _FLOORCOMPAT_FLOOR_NAMES])])
  AS_IF([test "$fc_floor_int" -lt 212],
    [AC_MSG_RESULT([?])
     AC_MSG_ERROR([glibc floor $fc_floor: floors below 2.12 are not supported])])
  AC_MSG_RESULT([$fc_floor])

  AC_CACHE_CHECK([whether the compiler targets glibc], [floorcompat_cv_glibc],
    [AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[#include <limits.h>
#if !defined __GLIBC__ || !defined __linux__
#error not glibc on Linux
#endif]])], [floorcompat_cv_glibc=yes], [floorcompat_cv_glibc=no])])
  AS_IF([test "x$floorcompat_cv_glibc" != xyes], [
    AC_MSG_NOTICE([not building against glibc on Linux: the glibc floor does not apply])
    m4_default([$2], [:])
  ], [
    AC_CACHE_CHECK([for the glibc version of the headers], [floorcompat_cv_headers_glibc],
      [AC_COMPUTE_INT([floorcompat_cv_headers_glibc], [__GLIBC__ * 100 + __GLIBC_MINOR__],
        [[#include <limits.h>]], [floorcompat_cv_headers_glibc=0])])
    fc_h=$floorcompat_cv_headers_glibc
    fc_h_ver=`expr $fc_h / 100`.`expr $fc_h % 100`
    AS_IF([test "$fc_floor_int" -gt "$fc_h"],
      [AC_MSG_ERROR([the glibc floor $fc_floor is above the glibc of the headers in use ($fc_h_ver): a floor must not be newer than the glibc you build with])])
    floorcompat_glibc_floor=$fc_floor
    _FLOORCOMPAT_SETUP
  ])
])
AC_SUBST([FLOORCOMPAT_GLIBC_FLOOR], [$floorcompat_glibc_floor])
AC_SUBST([FLOORCOMPAT_KERNEL_FLOOR], [$floorcompat_kernel_floor])
AC_SUBST([FLOORCOMPAT_POLICY], [$floorcompat_policy])
AC_SUBST([FLOORCOMPAT_AUDIT])
AC_SUBST([FLOORCOMPAT_FLOORDIR])
AC_SUBST([FLOORCOMPAT_CPPFLAGS])
AC_SUBST([FLOORCOMPAT_LIBS])
AC_SUBST([FLOORCOMPAT_INCLUDEDIR])

])

# _FLOORCOMPAT_SETUP: the floor applies (fc_floor, fc_floor_int, fc_h = headers' glibc).
AC_DEFUN([_FLOORCOMPAT_SETUP], [
_FLOORCOMPAT_LOCATE
dnl A cache file made for another floor or policy would carry the wrong answers.
fc_key="$fc_floor/$floorcompat_policy/$host"
AS_IF([test -n "${floorcompat_cv_floor_key+set}" && test "x$floorcompat_cv_floor_key" != "x$fc_key"],
  [AC_MSG_ERROR([the cache file was made for floor/policy/host $floorcompat_cv_floor_key, not $fc_key: remove it (or use another --cache-file)])])
floorcompat_cv_floor_key=$fc_key

fc_cppflags="-include floorcompat.h -DFLOORCOMPAT_GLIBC=$fc_floor_int"
AS_IF([test -n "$FLOORCOMPAT_INCLUDEDIR"], [fc_cppflags="-I$FLOORCOMPAT_INCLUDEDIR $fc_cppflags"])
CPPFLAGS="$fc_cppflags $CPPFLAGS"
_FLOORCOMPAT_APPLY_KERNEL
AC_MSG_CHECKING([whether floorcompat.h works at glibc floor $fc_floor])
AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[#include <stdio.h>
#ifndef FLOORCOMPAT_H
#error floorcompat.h was not included
#endif]], [[return FLOORCOMPAT_ACTIVE ? 0 : 1;]])],
  [AC_MSG_RESULT([yes])],
  [AC_MSG_RESULT([no])
   AC_MSG_ERROR([floorcompat.h does not compile at glibc floor $fc_floor (see config.log); install floorcompat or give --with-floorcompat=DIR or FLOORCOMPAT_INCLUDEDIR])])

dnl The floor directory: the floor's link-time libraries and floorcompat's archive (libfloorcompat.a,
dnl the IMPLEMENTATION part, one member per API family), grouped by its libc.so. Installed ones for
dnl the named floors' glibc versions; any other is built here with floorcompat's tools.
AS_CASE([$host_cpu],
  [x86_64], [fc_arch=amd64], [aarch64], [fc_arch=arm64], [i?86], [fc_arch=i386],
  [arm*], [fc_arch=armhf], [powerpc64le], [fc_arch=ppc64el], [s390x], [fc_arch=s390x],
  [riscv64], [fc_arch=riscv64], [fc_arch=amd64])
AC_MSG_CHECKING([for floorcompat's floor directory of glibc $fc_floor])
FLOORCOMPAT_FLOORDIR=$FLOORCOMPAT_FLOORSDIR/$fc_floor/$fc_arch
AS_IF([test -z "$FLOORCOMPAT_FLOORSDIR" || test ! -f "$FLOORCOMPAT_FLOORDIR/libc.so"], [
  FLOORCOMPAT_FLOORDIR=$ac_pwd/floorcompat-floor-$fc_floor
  AS_IF([test ! -f "$FLOORCOMPAT_FLOORDIR/libc.so"], [
    AS_IF([test -z "$FLOORCOMPAT_TOOLS" || test ! -x "$FLOORCOMPAT_TOOLS/mkfloordir.sh"],
      [AC_MSG_RESULT([no])
       AC_MSG_ERROR([no floor directory for glibc $fc_floor and no floorcompat tools to build one: give --with-floorcompat=DIR, FLOORCOMPAT_FLOORSDIR or FLOORCOMPAT_TOOLS])])
    fc_cmd="$FLOORCOMPAT_TOOLS/mkfloordir.sh --cc=\"$CC\" --floor=$fc_floor --arch=$fc_arch --include=$FLOORCOMPAT_INCLUDEDIR --out=$FLOORCOMPAT_FLOORDIR"
    AS_ECHO(["$as_me:$LINENO: $fc_cmd"]) >&AS_MESSAGE_LOG_FD
    AS_IF([(eval "$fc_cmd") >&AS_MESSAGE_LOG_FD 2>&1 && test -f "$FLOORCOMPAT_FLOORDIR/libc.so"], [],
      [AC_MSG_RESULT([no])
       AC_MSG_ERROR([cannot build the floor directory of glibc $fc_floor (see config.log)])])
  ])
])
AC_MSG_RESULT([$FLOORCOMPAT_FLOORDIR])
FLOORCOMPAT_ARCHIVE=$FLOORCOMPAT_FLOORDIR/libfloorcompat.a
dnl What the archive serves (policy shim) is read with nm.
AC_CHECK_TOOL([FLOORCOMPAT_NM], [nm], [no])
dnl Every link (libtool ones too) sees the floor's libc.so, libm.so ... first: every object binds to
dnl the floor's versions and gets the shims it calls, and dlopen or pthread_create that configure
dnl found "in libc" on a glibc >= 2.34 host still get their pre-2.34 homes. The other shared libraries
dnl of a link (the host's libstdc++.so) are not held to the floor by ld: the audit holds the program.
dnl C++: the host's libstdc++ and libgcc are linked statically (local in shared libraries) unless
dnl --with-floor-libstdc++=shared.
fc_ldflags="-L$FLOORCOMPAT_FLOORDIR -Wl,-rpath-link,$FLOORCOMPAT_FLOORDIR -Wl,--allow-shlib-undefined"
AS_IF([test "x$with_floor_libstdc__" != xshared],
  [fc_ldflags="$fc_ldflags -static-libstdc++ -static-libgcc -Wl,--exclude-libs,libstdc++.a:libsupc++.a:libgcc.a:libgcc_eh.a"])
LDFLAGS="$fc_ldflags $LDFLAGS"
FLOORCOMPAT_CPPFLAGS=$fc_cppflags
FLOORCOMPAT_LIBS=$fc_ldflags
AC_MSG_CHECKING([whether programs link with floorcompat])
AC_LINK_IFELSE([AC_LANG_PROGRAM([[#include <pthread.h>
#include <sys/stat.h>]], [[struct stat st; return stat("/", &st) + (pthread_self() == 0);]])],
  [AC_MSG_RESULT([yes])],
  [AC_MSG_RESULT([no])
   AC_MSG_ERROR([linking through floorcompat's floor directory fails (see config.log)])])

dnl A named floor brings its C++ runtime; a numeric one gets the audit's own choice from the table.
fc_audit_floor="--floor=$fc_floor"
AS_IF([test -n "$fc_named_cxx"], [fc_audit_floor="$fc_audit_floor --cxx-floor=$fc_named_cxx"])
AS_IF([test -n "$FLOORCOMPAT_AUDIT_TOOL"],
  [FLOORCOMPAT_AUDIT="$FLOORCOMPAT_AUDIT_TOOL $fc_audit_floor"],
  [AC_MSG_WARN([floorcompat-audit not found: the floor-check rule will fail])
   FLOORCOMPAT_AUDIT="false floorcompat-audit-not-found $fc_audit_floor"])
_FLOORCOMPAT_PRESET
])

# _FLOORCOMPAT_PRESET: the autoconf cache for functions and headers the floor lacks.
AC_DEFUN([_FLOORCOMPAT_PRESET], [
dnl What the archive serves (policy shim); fc_arch is the floor directory's.
fc_served=" "
AS_IF([test "x$floorcompat_policy" = xshim], [
  AS_IF([test "x$FLOORCOMPAT_NM" = xno],
    [AC_MSG_ERROR([--with-floor-policy=shim needs nm to read floorcompat's archive])])
  fc_served=" `$FLOORCOMPAT_NM -g "$FLOORCOMPAT_ARCHIVE" 2>/dev/null | $AWK '$[2] ~ /^[[TWVDBR]]$/ { printf "%s ", $[3] }'`"
])
AC_MSG_CHECKING([for the glibc APIs newer than floor $fc_floor])
fc_list='_FLOORCOMPAT_FUNCS'
fc_delta='_FLOORCOMPAT_FUNCS_DELTA'
for fc_e in $fc_list; do
  eval "fc_fv_${fc_e%%:*}=${fc_e[#]*:}"
done
for fc_e in $fc_delta; do
  AS_CASE([$fc_e], ["$fc_arch/"*], [fc_e=${fc_e[#]*/}; eval "fc_fv_${fc_e%%:*}=${fc_e[#]*:}"; fc_list="$fc_list $fc_e"])
done
fc_nf=0 fc_ns= fc_nu=
for fc_e in $fc_list; do
  fc_n=${fc_e%%:*}
  eval "fc_v=\$fc_fv_$fc_n"
  test "$fc_v" -gt "$fc_floor_int" || continue
  eval "test \"\${fc_done_$fc_n+set}\" = set" && continue
  eval "fc_done_$fc_n=1"
  AS_CASE([$fc_served], [*" $fc_n "*], [fc_ns="$fc_ns $fc_n"; continue])
  eval "test \"\${ac_cv_func_$fc_n+set}\" = set || ac_cv_func_$fc_n=no"
  eval "test \"\${ac_cv_have_decl_$fc_n+set}\" = set || ac_cv_have_decl_$fc_n=no"
  fc_nf=`expr $fc_nf + 1`
done
fc_nh=0
fc_hl='_FLOORCOMPAT_HEADERS'
for fc_e in $fc_hl; do
  fc_hn=${fc_e%%:*} fc_e=${fc_e[#]*:}
  fc_v=${fc_e%%:*} fc_fn=${fc_e[#]*:}
  test "$fc_v" -gt "$fc_floor_int" || continue
  AS_CASE([$fc_served], [*" $fc_fn "*], [fc_ns="$fc_ns <$fc_hn>"; continue])
  fc_cv=ac_cv_header_`AS_ECHO(["$fc_hn"]) | $as_tr_sh`
  eval "test \"\${$fc_cv+set}\" = set || $fc_cv=no"
  fc_nh=`expr $fc_nh + 1`
done
AS_IF([test -n "$fc_ns"],
  [AC_MSG_RESULT([$fc_nf functions, $fc_nh headers preset to "no"; served by floorcompat's shims:$fc_ns])],
  [AC_MSG_RESULT([$fc_nf functions, $fc_nh headers preset to "no" (policy $floorcompat_policy)])])
])
