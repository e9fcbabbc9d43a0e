/* impl/sys-pidfd.h - <sys/pidfd.h>: pidfd_open, pidfd_send_signal, pidfd_getfd (2.36). (Declarations for headers
 * without <sys/pidfd.h>: shims/sys-pidfd.h.)
 *
 * Each calls the syscall first (FLOORCOMPAT_NR_*, syscalls.h). ENOSYS means absent; EPERM (a seccomp
 * filter's answer) and the errnos named per shim mean absent only when floorcompat_syscall_works()
 * agrees (impl/runtime.h). Absent is remembered; the fallback then runs.
 *
 * pidfd_*        no emulation: a pidfd cannot be made from a pid without the kernel. Absent gives
 *                -1/ENOSYS, also when a seccomp filter said EPERM: the caller's "ENOSYS: use my
 *                fork/kill/waitpid path" test must hold in an old container as on an old kernel,
 *                and glibc's own wrapper has nothing better to offer there. A genuine EPERM (no
 *                permission to signal; ptrace access denied for pidfd_getfd) is passed on. */
#ifndef FLOORCOMPAT_IMPL_SYS_PIDFD_H
#define FLOORCOMPAT_IMPL_SYS_PIDFD_H 1
#ifdef __cplusplus
extern "C" {
#endif

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

#ifdef __cplusplus
}
#endif
#endif
