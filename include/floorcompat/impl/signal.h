/* impl/signal.h - <signal.h>: tgkill (2.30)
 *
 * The syscall, present on every supported kernel. */
#ifndef FLOORCOMPAT_IMPL_SIGNAL_H
#define FLOORCOMPAT_IMPL_SIGNAL_H 1
#ifdef __cplusplus
extern "C" {
#endif

#if !FLOORCOMPAT_HAVE_TGKILL
FLOORCOMPAT__SHIM int floorcompat_tgkill(int tgid, int tid, int sig)
{
  FLOORCOMPAT__SET_PATH(tgkill, FLOORCOMPAT__P_SYSCALL);
  return (int)floorcompat__sc_result(floorcompat__raw_syscall(FLOORCOMPAT_NR_tgkill, tgid, tid, sig, 0, 0, 0));
}
FLOORCOMPAT__SHIM_AS(floorcompat_tgkill, tgkill)
#endif

#ifdef __cplusplus
}
#endif
#endif
