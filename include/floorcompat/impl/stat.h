/* impl/stat.h - the stat family: stat, fstat, lstat, fstatat, mknod, mknodat and their *64 forms,
 * real functions since glibc 2.33 (statx: impl/sys-stat.h).
 *
 * glibc 2.33 turned stat, fstat, lstat, fstatat, mknod, mknodat (and their *64 forms) into real
 * functions; older glibc exported only __xstat & co., which take a structure-layout version first
 * (_STAT_VER / _MKNOD_VER, per architecture: sysdeps/unix/sysv/linux/<arch>/xstatver.h). Hidden
 * definitions with the new names forward to them. The struct pointers are passed through as they
 * are, so <sys/stat.h> is not needed here. */
#if FLOORCOMPAT_GLIBC < 233
#if defined(__x86_64__) || defined(__s390x__) || (defined(__powerpc64__) && !defined(__ILP32__))
#define FLOORCOMPAT__STAT_VER 1
#define FLOORCOMPAT__MKNOD_VER 0
#elif defined(__i386__) || defined(__arm__) || (defined(__powerpc__) && !defined(__powerpc64__))
#define FLOORCOMPAT__STAT_VER 3
#define FLOORCOMPAT__MKNOD_VER 1
#else /* the generic layout: aarch64, riscv64 and later ports */
#define FLOORCOMPAT__STAT_VER 0
#define FLOORCOMPAT__MKNOD_VER 0
#endif
#ifdef __cplusplus
extern "C" {
#endif
typedef __UINT64_TYPE__ floorcompat__dev_t; /* dev_t is 64 bits on every glibc port */

#ifdef FLOORCOMPAT__RAW_SYSCALLS
/* The syscalls themselves, as glibc's own stat family does on these two ports (their kernel struct
 * stat is glibc's): no relocation, no GLIBC_2.4 need for __fxstatat (see impl/common.h). */
/* FLOORCOMPAT__DEFINE_AS with nothrow: g++ infers it for these bodies (see impl/common.h). */
#define FLOORCOMPAT__STAT_AS(cname, asmname)                                   \
  extern __typeof__(cname) cname##__as_##asmname __asm__(#asmname)             \
    __attribute__((alias(#cname), weak, visibility("hidden"), nothrow));
#define FLOORCOMPAT__STAT_SC(n, a, b, c, d) \
  ((int)floorcompat__syscall5(__NR_##n, (long)(a), (long)(b), (long)(c), (long)(d), 0))
#define FLOORCOMPAT__XSTAT(name, old, flags)                                                  \
  __attribute__((visibility("hidden"), weak)) int floorcompat__##name(const char *path, void *buf)  \
  { return FLOORCOMPAT__STAT_SC(newfstatat, -100, path, buf, flags); }                        \
  FLOORCOMPAT__STAT_AS(floorcompat__##name, name)
#define FLOORCOMPAT__FXSTAT(name, old)                                                        \
  __attribute__((visibility("hidden"), weak)) int floorcompat__##name(int fd, void *buf)           \
  { return FLOORCOMPAT__STAT_SC(fstat, fd, buf, 0, 0); }                                      \
  FLOORCOMPAT__STAT_AS(floorcompat__##name, name)
#define FLOORCOMPAT__FXSTATAT(name, old)                                                      \
  __attribute__((visibility("hidden"), weak)) int                                                  \
  floorcompat__##name(int dirfd, const char *path, void *buf, int flags)                     \
  { return FLOORCOMPAT__STAT_SC(newfstatat, dirfd, path, buf, flags); }                       \
  FLOORCOMPAT__STAT_AS(floorcompat__##name, name)
/* The kernel takes a 32-bit dev_t; glibc answers EINVAL for one that does not fit. */
__attribute__((visibility("hidden"), weak)) int floorcompat__mknodat(int dirfd, const char *path, unsigned int mode,
                                                               floorcompat__dev_t dev)
{
  if (dev != (unsigned int)dev) {
    errno = EINVAL;
    return -1;
  }
  return FLOORCOMPAT__STAT_SC(mknodat, dirfd, path, mode, (unsigned int)dev);
}
__attribute__((visibility("hidden"), weak)) int floorcompat__mknod(const char *path, unsigned int mode,
                                                             floorcompat__dev_t dev)
{ return floorcompat__mknodat(-100, path, mode, dev); }
#else
#define FLOORCOMPAT__XSTAT(name, old, flags)                                                  \
  extern int floorcompat__##old(int, const char *, void *) __asm__(#old);                   \
  __attribute__((visibility("hidden"), weak)) int floorcompat__##name(const char *path, void *buf) \
  { return floorcompat__##old(FLOORCOMPAT__STAT_VER, path, buf); }                          \
  FLOORCOMPAT__DEFINE_AS(floorcompat__##name, name)
#define FLOORCOMPAT__FXSTAT(name, old)                                                        \
  extern int floorcompat__##old(int, int, void *) __asm__(#old);                             \
  __attribute__((visibility("hidden"), weak)) int floorcompat__##name(int fd, void *buf)           \
  { return floorcompat__##old(FLOORCOMPAT__STAT_VER, fd, buf); }                             \
  FLOORCOMPAT__DEFINE_AS(floorcompat__##name, name)
#define FLOORCOMPAT__FXSTATAT(name, old)                                                      \
  extern int floorcompat__##old(int, int, const char *, void *, int) __asm__(#old);          \
  __attribute__((visibility("hidden"), weak)) int                                                  \
  floorcompat__##name(int dirfd, const char *path, void *buf, int flags)                     \
  { return floorcompat__##old(FLOORCOMPAT__STAT_VER, dirfd, path, buf, flags); }             \
  FLOORCOMPAT__DEFINE_AS(floorcompat__##name, name)
#define FLOORCOMPAT__STAT_AS FLOORCOMPAT__DEFINE_AS
extern int floorcompat____xmknod(int, const char *, unsigned int, floorcompat__dev_t *) __asm__("__xmknod");
extern int floorcompat____xmknodat(int, int, const char *, unsigned int, floorcompat__dev_t *)
  __asm__("__xmknodat");
__attribute__((visibility("hidden"), weak)) int floorcompat__mknod(const char *path, unsigned int mode,
                                                             floorcompat__dev_t dev)
{ return floorcompat____xmknod(FLOORCOMPAT__MKNOD_VER, path, mode, &dev); }
__attribute__((visibility("hidden"), weak)) int floorcompat__mknodat(int dirfd, const char *path,
                                                               unsigned int mode, floorcompat__dev_t dev)
{ return floorcompat____xmknodat(FLOORCOMPAT__MKNOD_VER, dirfd, path, mode, &dev); }
#endif

FLOORCOMPAT__XSTAT(stat, __xstat, 0)
FLOORCOMPAT__XSTAT(stat64, __xstat64, 0)
FLOORCOMPAT__XSTAT(lstat, __lxstat, 0x100)
FLOORCOMPAT__XSTAT(lstat64, __lxstat64, 0x100)
FLOORCOMPAT__FXSTAT(fstat, __fxstat)
FLOORCOMPAT__FXSTAT(fstat64, __fxstat64)
FLOORCOMPAT__FXSTATAT(fstatat, __fxstatat)
FLOORCOMPAT__FXSTATAT(fstatat64, __fxstatat64)
FLOORCOMPAT__STAT_AS(floorcompat__mknod, mknod)
FLOORCOMPAT__STAT_AS(floorcompat__mknodat, mknodat)

#undef FLOORCOMPAT__XSTAT
#undef FLOORCOMPAT__STAT_AS
#undef FLOORCOMPAT__FXSTAT
#undef FLOORCOMPAT__FXSTATAT
#ifdef __cplusplus
}
#endif
#endif
