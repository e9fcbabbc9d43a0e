/* impl/common.h - libc entry points, macros and constants the families' bodies share (IMPLEMENTATION
 * part; floorcompat.h includes it after runtime.h, before the families).
 * Own declarations with asm names: the libc headers declare some of these only under feature-test
 * macros that the IMPLEMENTATION TU may not have, or wrap them for _FORTIFY_SOURCE. All exist at
 * every floor floorcompat supports (2.17 and older); *64 names take 64-bit offsets on every port. */
#ifndef FLOORCOMPAT_IMPL_COMMON_H
#define FLOORCOMPAT_IMPL_COMMON_H 1
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __cplusplus
extern "C" {
#endif
typedef __PTRDIFF_TYPE__ floorcompat__ssize_t;
typedef __INT64_TYPE__ floorcompat__off64_t;

/* The plain syscall wrappers the shims need. On x86_64 and aarch64 they are the syscall instruction
 * (runtime.h's floorcompat__raw_syscall, errno set as libc does): every libc function the
 * IMPLEMENTATION TU names is one more dynamic relocation, resolved at every start (each a full
 * symbol lookup with -z now) and maybe one more version need, even if the shim never runs. Unlike
 * libc's wrappers they are no cancellation points. Elsewhere libc's own (also with the internal
 * FLOORCOMPAT__LIBC_WRAPPERS, which tests use to run that variant on x86_64). */
#ifdef FLOORCOMPAT__RAW_SYSCALLS /* runtime.h: x86_64 and aarch64 */
#define FLOORCOMPAT__RAW_WRAPPERS 1
#define FLOORCOMPAT__SYS(n, a, b, c, d) floorcompat__syscall5(__NR_##n, (long)(a), (long)(b), (long)(c), (long)(d), 0)
static __inline__ __attribute__((unused)) int floorcompat__sys_open(const char *path, int flags, unsigned int mode)
{ return (int)FLOORCOMPAT__SYS(openat, -100, path, flags, mode); }
static __inline__ __attribute__((unused)) floorcompat__ssize_t floorcompat__sys_read(int fd, void *buf, __SIZE_TYPE__ len)
{ return FLOORCOMPAT__SYS(read, fd, buf, len, 0); }
static __inline__ __attribute__((unused)) floorcompat__ssize_t floorcompat__sys_write(int fd, const void *buf, __SIZE_TYPE__ len)
{ return FLOORCOMPAT__SYS(write, fd, buf, len, 0); }
static __inline__ __attribute__((unused)) floorcompat__ssize_t floorcompat__sys_pread(int fd, void *buf, __SIZE_TYPE__ len,
                                                                                      floorcompat__off64_t off)
{ return FLOORCOMPAT__SYS(pread64, fd, buf, len, off); }
static __inline__ __attribute__((unused)) floorcompat__ssize_t floorcompat__sys_pwrite(int fd, const void *buf,
                                                                                       __SIZE_TYPE__ len, floorcompat__off64_t off)
{ return FLOORCOMPAT__SYS(pwrite64, fd, buf, len, off); }
static __inline__ __attribute__((unused)) floorcompat__off64_t floorcompat__sys_lseek(int fd, floorcompat__off64_t off, int whence)
{ return FLOORCOMPAT__SYS(lseek, fd, off, whence, 0); }
static __inline__ __attribute__((unused)) int floorcompat__sys_close(int fd)
{ return (int)FLOORCOMPAT__SYS(close, fd, 0, 0, 0); }
static __inline__ __attribute__((unused)) int floorcompat__sys_unlink(const char *path)
{ return (int)FLOORCOMPAT__SYS(unlinkat, -100, path, 0, 0); }
static __inline__ __attribute__((unused)) int floorcompat__sys_renameat(int a, const char *b, int c, const char *d)
{ return (int)FLOORCOMPAT__SYS(renameat, a, b, c, d); }
static __inline__ __attribute__((unused)) int floorcompat__sys_unshare(int flags)
{ return (int)FLOORCOMPAT__SYS(unshare, flags, 0, 0, 0); }
static __inline__ __attribute__((unused)) int floorcompat__sys_fcntl(int fd, int cmd, long arg)
{ return (int)FLOORCOMPAT__SYS(fcntl, fd, cmd, arg, 0); }
/* getrlimit as prlimit64 (Linux 2.6.36): struct rlimit is its struct rlimit64 on LP64 ports. */
#define floorcompat__sys_getrlimit(res, rl) ((int)FLOORCOMPAT__SYS(prlimit64, 0, res, 0, rl))
struct pollfd;
static __inline__ __attribute__((unused)) int floorcompat__sys_poll(struct pollfd *fds, unsigned long nfds, int timeout)
{
  struct { long s, ns; } ts;
  ts.s = timeout / 1000;
  ts.ns = (long)(timeout % 1000) * 1000000;
  return (int)floorcompat__syscall5(__NR_ppoll, (long)fds, (long)nfds, timeout < 0 ? 0L : (long)&ts, 0, 8);
}
/* For the fallbacks of sys2, libc2, thread and c11 (64-bit ports: an offset is one register). */
struct iovec;
struct timespec;
static __inline__ __attribute__((unused)) int floorcompat__sys_mlock(const void *addr, __SIZE_TYPE__ len)
{ return (int)FLOORCOMPAT__SYS(mlock, addr, len, 0, 0); }
static __inline__ __attribute__((unused)) floorcompat__ssize_t floorcompat__sys_readv(int fd, const struct iovec *iov, int n)
{ return FLOORCOMPAT__SYS(readv, fd, iov, n, 0); }
static __inline__ __attribute__((unused)) floorcompat__ssize_t floorcompat__sys_writev(int fd, const struct iovec *iov, int n)
{ return FLOORCOMPAT__SYS(writev, fd, iov, n, 0); }
static __inline__ __attribute__((unused)) floorcompat__ssize_t floorcompat__sys_preadv64(int fd, const struct iovec *iov, int n,
                                                                                         floorcompat__off64_t off)
{ return FLOORCOMPAT__SYS(preadv, fd, iov, n, off); }
static __inline__ __attribute__((unused)) floorcompat__ssize_t floorcompat__sys_pwritev64(int fd, const struct iovec *iov, int n,
                                                                                          floorcompat__off64_t off)
{ return FLOORCOMPAT__SYS(pwritev, fd, iov, n, off); }
/* Only on fallback paths (a glibc without the API): the syscall, not the vDSO, is fine. */
static __inline__ __attribute__((unused)) int floorcompat__sys_clock_gettime(int clk, struct timespec *ts)
{ return (int)FLOORCOMPAT__SYS(clock_gettime, clk, ts, 0, 0); }
static __inline__ __attribute__((unused)) int floorcompat__sys_clock_getres(int clk, struct timespec *ts)
{ return (int)FLOORCOMPAT__SYS(clock_getres, clk, ts, 0, 0); }
static __inline__ __attribute__((unused)) int floorcompat__sys_nanosleep(const struct timespec *d, struct timespec *rem)
{ return (int)FLOORCOMPAT__SYS(nanosleep, d, rem, 0, 0); }
static __inline__ __attribute__((unused)) int floorcompat__sys_sched_yield(void)
{ return (int)FLOORCOMPAT__SYS(sched_yield, 0, 0, 0, 0); }
#else
extern int floorcompat__sys_open(const char *path, int flags, ...) __asm__("open64");
extern floorcompat__ssize_t floorcompat__sys_read(int fd, void *buf, __SIZE_TYPE__ len) __asm__("read");
extern floorcompat__ssize_t floorcompat__sys_write(int fd, const void *buf, __SIZE_TYPE__ len) __asm__("write");
extern floorcompat__ssize_t floorcompat__sys_pread(int fd, void *buf, __SIZE_TYPE__ len, floorcompat__off64_t off)
  __asm__("pread64");
extern floorcompat__ssize_t floorcompat__sys_pwrite(int fd, const void *buf, __SIZE_TYPE__ len,
                                                    floorcompat__off64_t off) __asm__("pwrite64");
extern floorcompat__off64_t floorcompat__sys_lseek(int fd, floorcompat__off64_t off, int whence) __asm__("lseek64");
extern int floorcompat__sys_close(int fd) __asm__("close");
extern int floorcompat__sys_unlink(const char *path) __asm__("unlink");
extern int floorcompat__sys_renameat(int, const char *, int, const char *) __asm__("renameat");
extern int floorcompat__sys_unshare(int flags) __asm__("unshare");
extern int floorcompat__sys_fcntl(int fd, int cmd, ...) __asm__("fcntl");
struct pollfd;
extern int floorcompat__sys_poll(struct pollfd *fds, unsigned long nfds, int timeout) __asm__("poll");
#define floorcompat__sys_getrlimit getrlimit
struct iovec;
struct timespec;
extern int floorcompat__sys_mlock(const void *addr, __SIZE_TYPE__ len) __asm__("mlock");
/* The 64-bit offset names of glibc 2.10, on every port; the readv/writev of every glibc. */
extern floorcompat__ssize_t floorcompat__sys_readv(int, const struct iovec *, int) __asm__("readv");
extern floorcompat__ssize_t floorcompat__sys_writev(int, const struct iovec *, int) __asm__("writev");
extern floorcompat__ssize_t floorcompat__sys_preadv64(int, const struct iovec *, int, floorcompat__off64_t)
  __asm__("preadv64");
extern floorcompat__ssize_t floorcompat__sys_pwritev64(int, const struct iovec *, int, floorcompat__off64_t)
  __asm__("pwritev64");
/* clockid_t is int; <time.h> declares these only for POSIX 1993 and later. */
extern int floorcompat__sys_clock_gettime(int clk, struct timespec *ts) __asm__("clock_gettime");
extern int floorcompat__sys_clock_getres(int clk, struct timespec *ts) __asm__("clock_getres");
extern int floorcompat__sys_nanosleep(const struct timespec *, struct timespec *) __asm__("nanosleep");
extern int floorcompat__sys_sched_yield(void) __asm__("sched_yield");
#endif
/* strnlen without a libc reference (the cold paths of strlcat & co.). */
static __inline__ __attribute__((unused)) __SIZE_TYPE__ floorcompat__sys_strnlen(const char *s, __SIZE_TYPE__ max)
{
  __SIZE_TYPE__ n = 0;
  while (n < max && s[n])
    n++;
  return n;
}
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
/* A shim under its floorcompat_ name: hidden, and weak like its libc name, so that a one-TU
 * IMPLEMENTATION object linked beside the archive does not clash with a member. */
#define FLOORCOMPAT__SHIM __attribute__((visibility("hidden"), weak)) FLOORCOMPAT__NOTHROW

/* A raw syscall result as libc returns it: -1 with errno on failure. */
static __inline__ FLOORCOMPAT__UNUSED long floorcompat__sc_result(long r)
{
  if (FLOORCOMPAT__SYSCALL_FAILED(r)) {
    errno = (int)-r;
    return -1;
  }
  return r;
}
/* The common tail of the syscall shims that have no emulation: absent is ENOSYS. */
#define FLOORCOMPAT__ENOSYS_SHIM(api, nr, state, a, b, c, d)                                          \
  FLOORCOMPAT__TRY_SYSCALL(api, int, nr, state, 0, 0, a, b, c, d, 0, 0)                               \
  errno = ENOSYS;                                                                                     \
  return -1;

/* <bits/fcntl-linux.h> always defines the __O_* forms; O_CLOEXEC & co. only for POSIX 2008. */
#define FLOORCOMPAT__O_CLOEXEC __O_CLOEXEC
#define FLOORCOMPAT__O_DIRECTORY __O_DIRECTORY
#define FLOORCOMPAT__O_TMPFILE __O_TMPFILE
#define FLOORCOMPAT__AT_FDCWD (-100)

/* Write all of a message to stderr and abort: for what must not fail silently. */
static __attribute__((unused, noreturn)) void floorcompat__die(const char *msg)
{
  floorcompat__sys_write(2, msg, floorcompat__strlen0(msg));
  floorcompat__abort();
}
/* glibc's __chk_fail (GLIBC_2.3.4: one more version need) with its message of 2.26 and later. */
static __attribute__((unused, noreturn)) void floorcompat__sys_chk_fail(void)
{
  floorcompat__die("*** buffer overflow detected ***: terminated\n");
}
/* mkostemp (GLIBC_2.7) for the memfd fallback: TMPL ends in XXXXXX; the name comes from stack and
 * buffer addresses (ASLR) and a counter, and O_CREAT|O_EXCL makes a taken or planted name a retry
 * (the caller unlinks the file at once). */
static __attribute__((unused)) int floorcompat__sys_mkostemp(char *tmpl, int flags)
{
  static unsigned long counter;
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  char *x = tmpl + floorcompat__strlen0(tmpl) - 6;
  int tries, i, fd;
  for (tries = 0; tries < 1000; tries++) {
    unsigned long v = ((unsigned long)(__UINTPTR_TYPE__)&tries >> 4) ^ (unsigned long)(__UINTPTR_TYPE__)tmpl ^
                      (__atomic_add_fetch(&counter, 7919, __ATOMIC_RELAXED) * 2654435761UL);
    for (i = 0; i < 6; i++, v /= 62)
      x[i] = chars[v % 62];
    fd = floorcompat__sys_open(tmpl, O_RDWR | O_CREAT | O_EXCL | flags, 0600);
    if (fd >= 0 || errno != EEXIST)
      return fd;
  }
  return -1;
}
#ifdef __cplusplus
}
#endif
#endif
