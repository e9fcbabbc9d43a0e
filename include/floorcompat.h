/* floorcompat.h - build C on a new glibc, run it on an older glibc and kernel ("the floor").
 *
 * CONTRACT
 *   Include this header before anything else in every translation unit (best: compile with
 *   `-include floorcompat.h`). It contains no libc #include, so it cannot freeze feature-test
 *   macros (_GNU_SOURCE ...) that your sources define later. For the floor chosen below it:
 *   - gates the post-floor APIs and the kernel's syscall numbers on the floor, and answers
 *     FLOORCOMPAT_GLIBC_PREREQ for the floor, not for the headers;
 *   - declares the floorcompat_* forms of the API shims (data/api.tsv);
 *   - with FLOORCOMPAT_IMPLEMENTATION, defines the shims that need a body (the pre-2.34 start-up
 *     path, the pre-2.33 stat family, the names new headers choose such as fcntl64 and __isoc23_*,
 *     the API shims). They are also built as an archive, libfloorcompat.a, one member per family
 *     (tools/mkarchive.sh), of which a program links only what it calls, objects compiled without
 *     this header included.
 *   The versions are the link's business: link against the floor directory (pkg-config
 *   --variable=floordir, or floorcc), whose libc.so.6, libm.so.6 and pre-2.34 libraries offer each
 *   symbol at its newest version at or below the floor and whose libc.so script adds the archive:
 *   `-L$floordir -Wl,-rpath-link,$floordir`. Linked against the host's libc instead, a program
 *   needs the host's versions, and floorcompat-audit says so.
 *
 * CONFIGURATION (all optional; set with -D)
 *   FLOORCOMPAT_GLIBC           glibc floor as major*100+minor: 217 = 2.17 (default), 228 = 2.28.
 *   FLOORCOMPAT_KERNEL          kernel floor as major*100+minor: 310 = 3.10 (default), 510 = 5.10.
 *   FLOORCOMPAT_IMPLEMENTATION  define in exactly ONE translation unit of every executable and of
 *                               every shared library, before including this header (a TU of its
 *                               own, or one whose feature-test macros come first: this part may
 *                               include <features.h>). The header may be included again for that.
 *                               Or link libfloorcompat.a instead. Defined as a family's name
 *                               (families.h), the TU defines that family alone: an archive member.
 *   FLOORCOMPAT_DISABLE         make the header do nothing.
 *
 * QUERIES
 *   FLOORCOMPAT_GLIBC_PREREQ(maj, min)   does the floor glibc have maj.min? (not: do the headers)
 *   FLOORCOMPAT_KERNEL_PREREQ(maj, min)  does the floor kernel have maj.min?
 *   FLOORCOMPAT_ACTIVE                   1 when targeting glibc on Linux, else 0 (musl, others).
 */
#ifndef FLOORCOMPAT_H
#define FLOORCOMPAT_H

#ifndef FLOORCOMPAT_GLIBC
#define FLOORCOMPAT_GLIBC 217
#endif
#ifndef FLOORCOMPAT_KERNEL
#define FLOORCOMPAT_KERNEL 310
#endif
#if FLOORCOMPAT_GLIBC < 200 || FLOORCOMPAT_GLIBC > 299
#error "floorcompat: FLOORCOMPAT_GLIBC is major*100+minor, e.g. 217 for glibc 2.17"
#endif
#if FLOORCOMPAT_KERNEL < 200 || FLOORCOMPAT_KERNEL > 9999
#error "floorcompat: FLOORCOMPAT_KERNEL is major*100+minor, e.g. 310 for Linux 3.10"
#endif
/* Keeps a TU that includes only this header non-empty for -pedantic. */
typedef int floorcompat__tu_t;

#define FLOORCOMPAT_GLIBC_PREREQ(maj, min) (FLOORCOMPAT_GLIBC >= (maj) * 100 + (min))
#define FLOORCOMPAT_KERNEL_PREREQ(maj, min) (FLOORCOMPAT_KERNEL >= (maj) * 100 + (min))

/* glibc is recognised without including one of its headers (see CONTRACT): musl and others lack
 * <gnu/libc-version.h>. */
#if defined(FLOORCOMPAT_DISABLE) || !defined(__linux__) || defined(__ANDROID__)
#define FLOORCOMPAT_ACTIVE 0
#elif defined(__GLIBC__)
#define FLOORCOMPAT_ACTIVE 1
#elif defined(__has_include)
#if __has_include(<gnu/libc-version.h>)
#define FLOORCOMPAT_ACTIVE 1
#else
#define FLOORCOMPAT_ACTIVE 0
#endif
#else
#define FLOORCOMPAT_ACTIVE 0
#endif

#if FLOORCOMPAT_ACTIVE
/* The floor must not be above the glibc of the headers in use: the headers would then hide what the
 * floor has. Checked here when libc headers came first, else in the IMPLEMENTATION part. */
#define FLOORCOMPAT__HEADERS_GLIBC (__GLIBC__ * 100 + __GLIBC_MINOR__)
#if defined(__GLIBC__) && FLOORCOMPAT_GLIBC > FLOORCOMPAT__HEADERS_GLIBC
#error "floorcompat: the glibc floor (FLOORCOMPAT_GLIBC) is above the glibc of the headers in use"
#endif

#include "floorcompat/arch.h"

#if !defined(FLOORCOMPAT__NO_ARCH) && FLOORCOMPAT_GLIBC < FLOORCOMPAT__BASE_GLIBC
#error "floorcompat: the glibc floor is below the oldest glibc of this architecture"
#endif
#include "floorcompat/api.h"

#endif /* FLOORCOMPAT_ACTIVE */
#endif /* FLOORCOMPAT_H */

/* The IMPLEMENTATION part: the families of families.h (generated from data/api.tsv), each one file
 * impl/<family>.h. All of them in the TU that defines FLOORCOMPAT_IMPLEMENTATION empty or as 1 (the
 * one-TU route), or the one it names: FLOORCOMPAT_IMPLEMENTATION=sys_random is the archive member
 * sys-random.o (tools/mkarchive.sh). Outside the include guard, so that a TU which saw the header
 * through -include can still include it again with FLOORCOMPAT_IMPLEMENTATION defined. */
#if defined(FLOORCOMPAT_IMPLEMENTATION) && !defined(FLOORCOMPAT__IMPLEMENTED) && FLOORCOMPAT_ACTIVE \
  && !defined(FLOORCOMPAT__NO_ARCH)
#define FLOORCOMPAT__IMPLEMENTED 1
#include "floorcompat/families.h"
#include <features.h>
#if FLOORCOMPAT_GLIBC > FLOORCOMPAT__HEADERS_GLIBC
#error "floorcompat: the glibc floor (FLOORCOMPAT_GLIBC) is above the glibc of the headers in use"
#endif
/* Bind the C name SYM to libc's OLD@VER: the implementation's own references to a libc function
 * whose name it defines itself (start.h's __libc_start_main, spawn.h's
 * posix_spawn_file_actions_destroy). A statement of the function that makes the call, not a
 * top-level asm: under LTO with several partitions a top-level one lands in one partition and the
 * call in another, which then references SYM itself. */
#define FLOORCOMPAT__RENAME(sym, old, ver) __asm__(".symver " #sym "," #old "@" ver)
/* A hidden definition with the libc name takes every reference of the binary, and is never
 * exported from a shared library (which would interpose libc's for the whole process); weak, so
 * that a project's own definition of the name, or a second copy of the shim, does not clash. The C
 * name differs so that it cannot clash with the libc declaration when the TU includes that header. */
#define FLOORCOMPAT__DEFINE_AS(cname, asmname) \
  extern __typeof__(cname) cname##__as_##asmname __asm__(#asmname) \
    __attribute__((alias(#cname), weak, visibility("hidden")));
/* NAME defined over libc's symbol TARGET (a string), with the same arguments and result: for the
 * names new headers choose where the floor has the same function under another (impl/isoc23.h,
 * impl/resolv.h). libc's is floorcompat__libc_NAME to C, the body floorcompat__fwd_NAME, and NAME
 * its hidden weak alias. */
#define FLOORCOMPAT__FORWARD(name, target, ret, params, args)                 \
  extern ret floorcompat__libc_##name params __asm__(target);                 \
  __attribute__((visibility("hidden"), weak)) ret floorcompat__fwd_##name params \
  { return floorcompat__libc_##name args; }                                   \
  FLOORCOMPAT__DEFINE_AS(floorcompat__fwd_##name, name)
/* GCC's aarch64 outline atomics would link libgcc's helpers, whose constructor calls getauxval:
 * one more relocation and call at every start. The inline LL/SC forms run on every ARMv8. */
#if defined(__aarch64__) && defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC push_options
#pragma GCC target("no-outline-atomics")
#define FLOORCOMPAT__POP_OPTIONS 1
#endif
#include "floorcompat/runtime.h"
#include "floorcompat/impl/common.h"
#define FLOORCOMPAT__WANT_FAMILY_FILES 1
#include "floorcompat/families.h"
#ifdef FLOORCOMPAT__POP_OPTIONS
#pragma GCC pop_options
#undef FLOORCOMPAT__POP_OPTIONS
#endif
#endif
