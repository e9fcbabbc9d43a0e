/* stat.h - the stat family before glibc 2.33 (part of FLOORCOMPAT_IMPLEMENTATION).
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

#define FLOORCOMPAT__XSTAT(name, old)                                                        \
  extern int floorcompat__##old(int, const char *, void *) __asm__(#old);                   \
  __attribute__((visibility("hidden"))) int floorcompat__##name(const char *path, void *buf) \
  { return floorcompat__##old(FLOORCOMPAT__STAT_VER, path, buf); }                          \
  FLOORCOMPAT__DEFINE_AS(floorcompat__##name, name)
#define FLOORCOMPAT__FXSTAT(name, old)                                                        \
  extern int floorcompat__##old(int, int, void *) __asm__(#old);                             \
  __attribute__((visibility("hidden"))) int floorcompat__##name(int fd, void *buf)           \
  { return floorcompat__##old(FLOORCOMPAT__STAT_VER, fd, buf); }                             \
  FLOORCOMPAT__DEFINE_AS(floorcompat__##name, name)
#define FLOORCOMPAT__FXSTATAT(name, old)                                                      \
  extern int floorcompat__##old(int, int, const char *, void *, int) __asm__(#old);          \
  __attribute__((visibility("hidden"))) int                                                  \
  floorcompat__##name(int dirfd, const char *path, void *buf, int flags)                     \
  { return floorcompat__##old(FLOORCOMPAT__STAT_VER, dirfd, path, buf, flags); }             \
  FLOORCOMPAT__DEFINE_AS(floorcompat__##name, name)

FLOORCOMPAT__XSTAT(stat, __xstat)
FLOORCOMPAT__XSTAT(stat64, __xstat64)
FLOORCOMPAT__XSTAT(lstat, __lxstat)
FLOORCOMPAT__XSTAT(lstat64, __lxstat64)
FLOORCOMPAT__FXSTAT(fstat, __fxstat)
FLOORCOMPAT__FXSTAT(fstat64, __fxstat64)
FLOORCOMPAT__FXSTATAT(fstatat, __fxstatat)
FLOORCOMPAT__FXSTATAT(fstatat64, __fxstatat64)

extern int floorcompat____xmknod(int, const char *, unsigned int, floorcompat__dev_t *) __asm__("__xmknod");
extern int floorcompat____xmknodat(int, int, const char *, unsigned int, floorcompat__dev_t *)
  __asm__("__xmknodat");
__attribute__((visibility("hidden"))) int floorcompat__mknod(const char *path, unsigned int mode,
                                                             floorcompat__dev_t dev)
{ return floorcompat____xmknod(FLOORCOMPAT__MKNOD_VER, path, mode, &dev); }
__attribute__((visibility("hidden"))) int floorcompat__mknodat(int dirfd, const char *path,
                                                               unsigned int mode, floorcompat__dev_t dev)
{ return floorcompat____xmknodat(FLOORCOMPAT__MKNOD_VER, dirfd, path, mode, &dev); }
FLOORCOMPAT__DEFINE_AS(floorcompat__mknod, mknod)
FLOORCOMPAT__DEFINE_AS(floorcompat__mknodat, mknodat)

#undef FLOORCOMPAT__XSTAT
#undef FLOORCOMPAT__FXSTAT
#undef FLOORCOMPAT__FXSTATAT
#ifdef __cplusplus
}
#endif
#endif
