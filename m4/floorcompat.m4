# floorcompat.m4 - build a project on a new glibc for an older glibc and kernel floor.
# serial 1
#
# AC_FLOOR_GLIBC([VERSION], [ACTION-IF-NOT-GLIBC])
#   Sets the glibc floor (default 2.17), overridable with --with-glibc-floor=X.Y or a named floor;
#   --without-glibc-floor turns it off. Adds -include floorcompat.h and -DFLOORCOMPAT_GLIBC to
#   CPPFLAGS. Result in floorcompat_glibc_floor (X.Y or "no").

# _FLOORCOMPAT_NAMED(NAME) -> "glibc kernel" for a named floor, empty when unknown.
AC_DEFUN([_FLOORCOMPAT_NAMED], [m4_normalize([
  AS_CASE([$1],
    [rhel7|centos7], [echo "2.17 3.10"],
    [amzn1], [echo "2.17 4.14"],
    [amzn2], [echo "2.26 4.14"],
    [rhel8|centos8], [echo "2.28 4.18"],
    [debian10], [echo "2.28 4.19"],
    [debian11], [echo "2.31 5.10"],
    [ubuntu2004], [echo "2.31 5.4"],
    [ubuntu2204], [echo "2.35 5.15"],
    [rhel9], [echo "2.34 5.14"],
    [debian12], [echo "2.36 6.1"])])])

# _FLOORCOMPAT_INT(X.Y, VAR): VAR = X*100+Y, or empty when X.Y is not a version.
AC_DEFUN([_FLOORCOMPAT_INT], [
  $2=`echo "$1" | $AWK -F. 'NF == 2 && $[]1 ~ /^[[0-9]]+$/ && $[]2 ~ /^[[0-9]]+$/ && $[]2 < 100 { print $[]1 * 100 + $[]2 }'`
])

AC_DEFUN([AC_FLOOR_GLIBC], [
  AC_REQUIRE([AC_PROG_CC])
  AC_REQUIRE([AC_PROG_AWK])
  AC_ARG_WITH([glibc-floor],
    [AS_HELP_STRING([--with-glibc-floor=X.Y|NAME],
      [oldest glibc the binaries must run on (default: m4_default([$1], [2.17])); NAME: rhel7, amzn2, rhel8, debian11, ubuntu2004, ...])],
    [], [with_glibc_floor=m4_default([$1], [2.17])])
  floorcompat_glibc_floor=no
  AS_IF([test "x$with_glibc_floor" != xno], [
    AC_MSG_CHECKING([for the glibc floor])
    fc_named=`_FLOORCOMPAT_NAMED([$with_glibc_floor])`
    AS_IF([test -n "$fc_named"], [fc_floor=`echo $fc_named | cut -d' ' -f1`], [fc_floor=$with_glibc_floor])
    _FLOORCOMPAT_INT([$fc_floor], [fc_floor_int])
    AS_IF([test -z "$fc_floor_int"],
      [AC_MSG_ERROR([--with-glibc-floor: '$with_glibc_floor' is neither X.Y nor a known floor name])])
    AC_MSG_RESULT([$fc_floor])
    AC_CACHE_CHECK([whether the compiler targets glibc], [floorcompat_cv_glibc],
      [AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[#include <features.h>
#ifndef __GLIBC__
#error not glibc
#endif]])], [floorcompat_cv_glibc=yes], [floorcompat_cv_glibc=no])])
    AS_IF([test "x$floorcompat_cv_glibc" = xyes], [
      AC_CACHE_CHECK([whether the glibc headers are at least $fc_floor], [floorcompat_cv_headers_ok],
        [AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[#include <features.h>
#if __GLIBC__ * 100 + __GLIBC_MINOR__ < $fc_floor_int
#error floor above headers
#endif]])], [floorcompat_cv_headers_ok=yes], [floorcompat_cv_headers_ok=no])])
      AS_IF([test "x$floorcompat_cv_headers_ok" != xyes],
        [AC_MSG_ERROR([the glibc floor $fc_floor is above the glibc of the headers in use])])
      floorcompat_glibc_floor=$fc_floor
      CPPFLAGS="-include floorcompat.h -DFLOORCOMPAT_GLIBC=$fc_floor_int $CPPFLAGS"
    ], [
      AC_MSG_NOTICE([not building against glibc: no glibc floor applies])
      m4_default([$2], [:])
    ])
  ])
])
