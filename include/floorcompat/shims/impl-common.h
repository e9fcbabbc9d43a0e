/* shims/impl-common.h - libc entry points and constants the shim bodies use (IMPLEMENTATION part).
 * Own declarations with asm names: the libc headers declare some of these only under feature-test
 * macros that the IMPLEMENTATION TU may not have, or wrap them for _FORTIFY_SOURCE. All exist at
 * every floor floorcompat supports (2.17 and older); *64 names take 64-bit offsets on every port. */
#ifndef FLOORCOMPAT_SHIMS_IMPL_COMMON_H
#define FLOORCOMPAT_SHIMS_IMPL_COMMON_H 1
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __cplusplus
extern "C" {
#endif
typedef __PTRDIFF_TYPE__ floorcompat__ssize_t;
typedef __INT64_TYPE__ floorcompat__off64_t;

extern int floorcompat__sys_open(const char *path, int flags, ...) __asm__("open64");
extern floorcompat__ssize_t floorcompat__sys_read(int fd, void *buf, __SIZE_TYPE__ len) __asm__("read");
extern floorcompat__ssize_t floorcompat__sys_write(int fd, const void *buf, __SIZE_TYPE__ len) __asm__("write");
extern floorcompat__ssize_t floorcompat__sys_pread(int fd, void *buf, __SIZE_TYPE__ len, floorcompat__off64_t off)
  __asm__("pread64");
extern floorcompat__ssize_t floorcompat__sys_pwrite(int fd, const void *buf, __SIZE_TYPE__ len,
                                                    floorcompat__off64_t off) __asm__("pwrite64");
extern floorcompat__off64_t floorcompat__sys_lseek(int fd, floorcompat__off64_t off, int whence) __asm__("lseek64");
extern int floorcompat__sys_close(int fd) __asm__("close");
extern __SIZE_TYPE__ floorcompat__sys_strnlen(const char *s, __SIZE_TYPE__ max) __asm__("strnlen");
extern int floorcompat__sys_mkostemp(char *tmpl, int flags) __asm__("mkostemp64");
extern int floorcompat__sys_unlink(const char *path) __asm__("unlink");
extern int floorcompat__sys_renameat(int, const char *, int, const char *) __asm__("renameat");
extern int floorcompat__sys_unshare(int flags) __asm__("unshare");
extern void floorcompat__sys_abort(void) __asm__("abort") __attribute__((noreturn));
extern void floorcompat__sys_chk_fail(void) __asm__("__chk_fail") __attribute__((noreturn));
struct pollfd;
extern int floorcompat__sys_poll(struct pollfd *fds, unsigned long nfds, int timeout) __asm__("poll");
/* fstatat with the struct stat of this TU (64-bit layout on LP64 ports and with _FILE_OFFSET_BITS=64);
 * below glibc 2.33 stat.h's hidden definitions take these names. */
#if defined(__LP64__) || !(defined(_FILE_OFFSET_BITS) && _FILE_OFFSET_BITS == 64)
extern int floorcompat__sys_fstatat(int, const char *, struct stat *, int) __asm__("fstatat");
#else
extern int floorcompat__sys_fstatat(int, const char *, struct stat *, int) __asm__("fstatat64");
#endif

/* FLOORCOMPAT__DEFINE_AS (floorcompat.h) with nothrow on both names: g++ infers nothrow for a
 * body that calls only nothrow libc functions and then warns (-Wmissing-attributes) that the alias
 * lacks it; glibc declares these functions nothrow (__THROW) as well.
 * The libc name is a weak alias: a project that brings its own fallback under the same name (its
 * configure said "no reallocarray", so it defines one) keeps it, without a duplicate-symbol error,
 * and every reference still binds inside the binary, never to a post-floor libc version. */
#define FLOORCOMPAT__NOTHROW __attribute__((nothrow))
#define FLOORCOMPAT__SHIM_AS(cname, asmname)                                             \
  extern __typeof__(cname) cname##__as_##asmname __asm__(#asmname)                       \
    __attribute__((alias(#cname), weak, visibility("hidden"))) FLOORCOMPAT__NOTHROW;
#define FLOORCOMPAT__SHIM __attribute__((visibility("hidden"))) FLOORCOMPAT__NOTHROW

/* <bits/fcntl-linux.h> always defines the __O_* forms; O_CLOEXEC & co. only for POSIX 2008. */
#define FLOORCOMPAT__O_CLOEXEC __O_CLOEXEC
#define FLOORCOMPAT__O_DIRECTORY __O_DIRECTORY
#define FLOORCOMPAT__O_TMPFILE __O_TMPFILE
#define FLOORCOMPAT__AT_FDCWD (-100)

/* Write all of a message to stderr and abort: for what must not fail silently. */
static __attribute__((unused, noreturn)) void floorcompat__die(const char *msg)
{
  floorcompat__sys_write(2, msg, __builtin_strlen(msg));
  floorcompat__sys_abort();
}
#ifdef __cplusplus
}
#endif
#endif
