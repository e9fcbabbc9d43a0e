/* impl/sys-uio.h - <sys/uio.h>: preadv2, pwritev2 and their *64v2 forms (2.26)
 *
 * Each calls the syscall first (FLOORCOMPAT_NR_*, syscalls.h). ENOSYS means absent; EPERM (a seccomp
 * filter's answer) and the errnos named per shim mean absent only when floorcompat_syscall_works()
 * agrees (impl/runtime.h). Absent is remembered; the fallback then runs.
 *
 *                the upper 32 bits on 32-bit ones), as glibc's LO_HI_LONG. Absent: as glibc's
 *                wrapper, flags 0 is preadv64/pwritev64, or readv/writev for offset -1 (the file
 *                position); other flags give EOPNOTSUPP (RWF_HIPRI, RWF_DSYNC, RWF_NOWAIT ... cannot
 *                be imitated). preadv64v2/pwritev64v2 (what <sys/uio.h> makes of them under
 *                _FILE_OFFSET_BITS=64) are the same bodies with a 64-bit offset. Unlike glibc's, the
 *                inline syscall is not a pthread cancellation point. */
#ifndef FLOORCOMPAT_IMPL_SYS_UIO_H
#define FLOORCOMPAT_IMPL_SYS_UIO_H 1
#include <sys/uio.h>
#ifdef __cplusplus
extern "C" {
#endif

#if !FLOORCOMPAT_HAVE_PREADV2
static signed char floorcompat__preadv2_state, floorcompat__pwritev2_state;
/* glibc's LO_HI_LONG: two shifts, so that a 64-bit long gets 0 without an oversized shift. */
#define FLOORCOMPAT__OFF_HI(off) ((long)(((__UINT64_TYPE__)(off)) >> (sizeof(long) * 4) >> (sizeof(long) * 4)))

/* glibc's answer without the syscall, out of line: inlined, its registers would cost the syscall path. */
static __attribute__((noinline, cold)) floorcompat__ssize_t floorcompat__rwv_fallback(int w, int fd, const struct iovec *iov,
                                                                                     int count, floorcompat__off64_t offset,
                                                                                     int flags)
{
  if (flags != 0) {
    errno = EOPNOTSUPP;
    return -1;
  }
  if (offset == -1)
    return w ? floorcompat__sys_writev(fd, iov, count) : floorcompat__sys_readv(fd, iov, count);
  return w ? floorcompat__sys_pwritev64(fd, iov, count, offset) : floorcompat__sys_preadv64(fd, iov, count, offset);
}

/* api.h may have redirected the 32-bit names to the *64v2 ones (a -include before this part). */
#undef floorcompat_preadv2
#undef floorcompat_pwritev2

FLOORCOMPAT__SHIM floorcompat__ssize_t floorcompat_preadv64v2(int fd, const struct iovec *iov, int count,
                                                              floorcompat__off64_t offset, int flags)
{
#ifdef FLOORCOMPAT_NR_preadv2
  long lo = (long)offset, hi = FLOORCOMPAT__OFF_HI(offset);
  FLOORCOMPAT__TRY_SYSCALL(preadv2, floorcompat__ssize_t, FLOORCOMPAT_NR_preadv2, floorcompat__preadv2_state, 0, 0,
                           fd, iov, count, lo, hi, flags)
#else
  FLOORCOMPAT__SET_PATH(preadv2, FLOORCOMPAT__P_FALLBACK);
#endif
  return floorcompat__rwv_fallback(0, fd, iov, count, offset, flags);
}
FLOORCOMPAT__SHIM_AS(floorcompat_preadv64v2, preadv64v2)

FLOORCOMPAT__SHIM floorcompat__ssize_t floorcompat_pwritev64v2(int fd, const struct iovec *iov, int count,
                                                               floorcompat__off64_t offset, int flags)
{
#ifdef FLOORCOMPAT_NR_pwritev2
  long lo = (long)offset, hi = FLOORCOMPAT__OFF_HI(offset);
  FLOORCOMPAT__TRY_SYSCALL(pwritev2, floorcompat__ssize_t, FLOORCOMPAT_NR_pwritev2, floorcompat__pwritev2_state, 0, 0,
                           fd, iov, count, lo, hi, flags)
#else
  FLOORCOMPAT__SET_PATH(pwritev2, FLOORCOMPAT__P_FALLBACK);
#endif
  return floorcompat__rwv_fallback(1, fd, iov, count, offset, flags);
}
FLOORCOMPAT__SHIM_AS(floorcompat_pwritev64v2, pwritev64v2)

/* off_t is long (without _FILE_OFFSET_BITS=64 on 32-bit ports it is 32 bits; -1 stays -1). */
FLOORCOMPAT__SHIM floorcompat__ssize_t floorcompat_preadv2(int fd, const struct iovec *iov, int count, long offset,
                                                           int flags)
{
  return floorcompat_preadv64v2(fd, iov, count, offset, flags);
}
FLOORCOMPAT__SHIM_AS(floorcompat_preadv2, preadv2)

FLOORCOMPAT__SHIM floorcompat__ssize_t floorcompat_pwritev2(int fd, const struct iovec *iov, int count, long offset,
                                                            int flags)
{
  return floorcompat_pwritev64v2(fd, iov, count, offset, flags);
}
FLOORCOMPAT__SHIM_AS(floorcompat_pwritev2, pwritev2)
#undef FLOORCOMPAT__OFF_HI
#if defined(_FILE_OFFSET_BITS) && _FILE_OFFSET_BITS == 64 && __SIZEOF_LONG__ == 4
#define floorcompat_preadv2 floorcompat_preadv64v2
#define floorcompat_pwritev2 floorcompat_pwritev64v2
#endif
#endif /* !FLOORCOMPAT_HAVE_PREADV2 */

#ifdef __cplusplus
}
#endif
#endif
