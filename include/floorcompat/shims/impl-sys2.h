/* shims/impl-sys2.h - pidfd_open, pidfd_send_signal, pidfd_getfd (2.36), mlock2 (2.27), preadv2,
 * pwritev2 (2.26) and floorcompat_memfd_secret (no glibc wrapper) for older floors (IMPLEMENTATION
 * part). Each calls the syscall first; ENOSYS means absent, EPERM only when the probe
 * (floorcompat_syscall_works, runtime.h) agrees, as in impl-linux.h.
 *
 * pidfd_*        no emulation: a pidfd cannot be made from a pid without the kernel. Absent gives
 *                -1/ENOSYS, also when a seccomp filter said EPERM: the caller's "ENOSYS: use my
 *                fork/kill/waitpid path" test must hold in an old container as on an old kernel,
 *                and glibc's own wrapper has nothing better to offer there. A genuine EPERM (no
 *                permission to signal; ptrace access denied for pidfd_getfd) is passed on.
 * memfd_secret   only floorcompat_memfd_secret(flags): glibc has no wrapper. No emulation: the
 *                kernel unmaps secret pages from its direct map, which nothing in user space can
 *                imitate; an mmap'ed or memfd fallback would hand out ordinary memory under the
 *                name of secret memory. Absent (a kernel before 5.14, one built without secretmem
 *                or booted with it disabled: it answers ENOSYS itself) gives -1/ENOSYS.
 * mlock2         as glibc's wrapper on a kernel without it: flags 0 is mlock(), other flags EINVAL.
 * preadv2/pwritev2  the offset goes as low and high halves of a long (high is 0 on 64-bit ports,
 *                the upper 32 bits on 32-bit ones), as glibc's LO_HI_LONG. Absent: as glibc's
 *                wrapper, flags 0 is preadv64/pwritev64, or readv/writev for offset -1 (the file
 *                position); other flags give EOPNOTSUPP (RWF_HIPRI, RWF_DSYNC, RWF_NOWAIT ... cannot
 *                be imitated). preadv64v2/pwritev64v2 (what <sys/uio.h> makes of them under
 *                _FILE_OFFSET_BITS=64) are the same bodies with a 64-bit offset. Unlike glibc's, the
 *                inline syscall is not a pthread cancellation point. */
#ifndef FLOORCOMPAT_SHIMS_IMPL_SYS2_H
#define FLOORCOMPAT_SHIMS_IMPL_SYS2_H 1
#include <sys/uio.h>
#ifdef __cplusplus
extern "C" {
#endif

/* The common tail of the shims that have no emulation: absent is ENOSYS. */
#define FLOORCOMPAT__ENOSYS_SHIM(api, nr, state, a, b, c, d)                                          \
  FLOORCOMPAT__TRY_SYSCALL(api, int, nr, state, 0, 0, a, b, c, d, 0, 0)                               \
  errno = ENOSYS;                                                                                     \
  return -1;

#if !FLOORCOMPAT_HAVE_PIDFD_OPEN
static signed char floorcompat__pidfd_open_state;
FLOORCOMPAT__SHIM int floorcompat_pidfd_open(int pid, unsigned int flags)
{
#ifdef FLOORCOMPAT_NR_pidfd_open
  FLOORCOMPAT__ENOSYS_SHIM(pidfd_open, FLOORCOMPAT_NR_pidfd_open, floorcompat__pidfd_open_state, pid, flags, 0, 0)
#else
  (void)pid, (void)flags;
  FLOORCOMPAT__SET_PATH(pidfd_open, FLOORCOMPAT__P_FALLBACK);
  errno = ENOSYS;
  return -1;
#endif
}
FLOORCOMPAT__SHIM_AS(floorcompat_pidfd_open, pidfd_open)
#endif

#if !FLOORCOMPAT_HAVE_PIDFD_SEND_SIGNAL
static signed char floorcompat__pidfd_send_signal_state;
FLOORCOMPAT__SHIM int floorcompat_pidfd_send_signal(int pidfd, int sig, void *info, unsigned int flags)
{
#ifdef FLOORCOMPAT_NR_pidfd_send_signal
  FLOORCOMPAT__ENOSYS_SHIM(pidfd_send_signal, FLOORCOMPAT_NR_pidfd_send_signal, floorcompat__pidfd_send_signal_state,
                           pidfd, sig, info, flags)
#else
  (void)pidfd, (void)sig, (void)info, (void)flags;
  FLOORCOMPAT__SET_PATH(pidfd_send_signal, FLOORCOMPAT__P_FALLBACK);
  errno = ENOSYS;
  return -1;
#endif
}
FLOORCOMPAT__SHIM_AS(floorcompat_pidfd_send_signal, pidfd_send_signal)
#endif

#if !FLOORCOMPAT_HAVE_PIDFD_GETFD
static signed char floorcompat__pidfd_getfd_state;
FLOORCOMPAT__SHIM int floorcompat_pidfd_getfd(int pidfd, int targetfd, unsigned int flags)
{
#ifdef FLOORCOMPAT_NR_pidfd_getfd
  FLOORCOMPAT__ENOSYS_SHIM(pidfd_getfd, FLOORCOMPAT_NR_pidfd_getfd, floorcompat__pidfd_getfd_state, pidfd, targetfd,
                           flags, 0)
#else
  (void)pidfd, (void)targetfd, (void)flags;
  FLOORCOMPAT__SET_PATH(pidfd_getfd, FLOORCOMPAT__P_FALLBACK);
  errno = ENOSYS;
  return -1;
#endif
}
FLOORCOMPAT__SHIM_AS(floorcompat_pidfd_getfd, pidfd_getfd)
#endif

#if !FLOORCOMPAT_HAVE_MEMFD_SECRET
static signed char floorcompat__memfd_secret_state;
FLOORCOMPAT__SHIM int floorcompat_memfd_secret(unsigned int flags)
{
#ifdef FLOORCOMPAT_NR_memfd_secret
  FLOORCOMPAT__ENOSYS_SHIM(memfd_secret, FLOORCOMPAT_NR_memfd_secret, floorcompat__memfd_secret_state, flags, 0, 0, 0)
#else
  (void)flags;
  FLOORCOMPAT__SET_PATH(memfd_secret, FLOORCOMPAT__P_FALLBACK);
  errno = ENOSYS;
  return -1;
#endif
}
#endif
#undef FLOORCOMPAT__ENOSYS_SHIM

#if !FLOORCOMPAT_HAVE_MLOCK2
static signed char floorcompat__mlock2_state;
FLOORCOMPAT__SHIM int floorcompat_mlock2(const void *addr, __SIZE_TYPE__ len, unsigned int flags)
{
#ifdef FLOORCOMPAT_NR_mlock2
  FLOORCOMPAT__TRY_SYSCALL(mlock2, int, FLOORCOMPAT_NR_mlock2, floorcompat__mlock2_state, 0, 0, addr, len, flags, 0, 0, 0)
#else
  FLOORCOMPAT__SET_PATH(mlock2, FLOORCOMPAT__P_FALLBACK);
#endif
  if (flags != 0) {
    errno = EINVAL;
    return -1;
  }
  return floorcompat__sys_mlock(addr, len);
}
FLOORCOMPAT__SHIM_AS(floorcompat_mlock2, mlock2)
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
