/* shims/impl-libc2.h - sigabbrev_np, sigdescr_np (2.32), mallinfo2 (2.33) and timespec_getres (2.34)
 * for older floors (IMPLEMENTATION part).
 *
 * sigabbrev_np, sigdescr_np  glibc's signal table (signal/siglist.h, untranslated as glibc returns
 *                it), as a switch on the SIG* macros so each port's numbers come from its headers;
 *                NULL for 0, the real-time signals and numbers out of range, as glibc 2.32-2.41.
 * mallinfo2      glibc's own (mallinfo2@GLIBC_2.33) found at run time (runtime.h). Else mallinfo(),
 *                whose int fields keep only the low 32 bits of the allocator's size_t counters: each
 *                is widened as unsigned, so it is exact below 4 GiB and wraps beyond (read as int, as
 *                mallinfo's callers do, it already turns negative beyond 2 GiB).
 * timespec_getres  as glibc's: TIME_UTC (1) fills TS from clock_getres(CLOCK_REALTIME) (libc's since
 *                2.17) and returns TIME_UTC; any other base returns 0 and leaves TS alone. */
#ifndef FLOORCOMPAT_SHIMS_IMPL_LIBC2_H
#define FLOORCOMPAT_SHIMS_IMPL_LIBC2_H 1
#include <signal.h>
#include <malloc.h>
#ifdef __cplusplus
extern "C" {
#endif

#if !FLOORCOMPAT_HAVE_SIGABBREV_NP
static const char *floorcompat__signame(int sig, int descr)
{
#define FLOORCOMPAT__SIG(num, abbrev, text) \
  case num:                                 \
    return descr ? text : abbrev;
  switch (sig) {
    FLOORCOMPAT__SIG(SIGHUP, "HUP", "Hangup")
    FLOORCOMPAT__SIG(SIGINT, "INT", "Interrupt")
    FLOORCOMPAT__SIG(SIGQUIT, "QUIT", "Quit")
    FLOORCOMPAT__SIG(SIGILL, "ILL", "Illegal instruction")
    FLOORCOMPAT__SIG(SIGTRAP, "TRAP", "Trace/breakpoint trap")
    FLOORCOMPAT__SIG(SIGABRT, "ABRT", "Aborted")
    FLOORCOMPAT__SIG(SIGFPE, "FPE", "Floating point exception")
    FLOORCOMPAT__SIG(SIGKILL, "KILL", "Killed")
    FLOORCOMPAT__SIG(SIGBUS, "BUS", "Bus error")
    FLOORCOMPAT__SIG(SIGSYS, "SYS", "Bad system call")
    FLOORCOMPAT__SIG(SIGSEGV, "SEGV", "Segmentation fault")
    FLOORCOMPAT__SIG(SIGPIPE, "PIPE", "Broken pipe")
    FLOORCOMPAT__SIG(SIGALRM, "ALRM", "Alarm clock")
    FLOORCOMPAT__SIG(SIGTERM, "TERM", "Terminated")
    FLOORCOMPAT__SIG(SIGURG, "URG", "Urgent I/O condition")
    FLOORCOMPAT__SIG(SIGSTOP, "STOP", "Stopped (signal)")
    FLOORCOMPAT__SIG(SIGTSTP, "TSTP", "Stopped")
    FLOORCOMPAT__SIG(SIGCONT, "CONT", "Continued")
    FLOORCOMPAT__SIG(SIGCHLD, "CHLD", "Child exited")
    FLOORCOMPAT__SIG(SIGTTIN, "TTIN", "Stopped (tty input)")
    FLOORCOMPAT__SIG(SIGTTOU, "TTOU", "Stopped (tty output)")
    FLOORCOMPAT__SIG(SIGPOLL, "POLL", "I/O possible")
    FLOORCOMPAT__SIG(SIGXCPU, "XCPU", "CPU time limit exceeded")
    FLOORCOMPAT__SIG(SIGXFSZ, "XFSZ", "File size limit exceeded")
    FLOORCOMPAT__SIG(SIGVTALRM, "VTALRM", "Virtual timer expired")
    FLOORCOMPAT__SIG(SIGPROF, "PROF", "Profiling timer expired")
    FLOORCOMPAT__SIG(SIGUSR1, "USR1", "User defined signal 1")
    FLOORCOMPAT__SIG(SIGUSR2, "USR2", "User defined signal 2")
    FLOORCOMPAT__SIG(SIGWINCH, "WINCH", "Window changed")
#ifdef SIGEMT
    FLOORCOMPAT__SIG(SIGEMT, "EMT", "EMT trap")
#endif
#ifdef SIGSTKFLT
    FLOORCOMPAT__SIG(SIGSTKFLT, "STKFLT", "Stack fault")
#endif
#ifdef SIGPWR
    FLOORCOMPAT__SIG(SIGPWR, "PWR", "Power failure")
#endif
#if defined(SIGINFO) && (!defined(SIGPWR) || SIGPWR != SIGINFO)
    FLOORCOMPAT__SIG(SIGINFO, "INFO", "Information request")
#endif
#if defined(SIGLOST) && (!defined(SIGPWR) || SIGPWR != SIGLOST)
    FLOORCOMPAT__SIG(SIGLOST, "LOST", "Resource lost")
#endif
  default:
    return (const char *)0;
  }
#undef FLOORCOMPAT__SIG
}

FLOORCOMPAT__SHIM const char *floorcompat_sigabbrev_np(int sig)
{
  FLOORCOMPAT__SET_PATH(sigabbrev_np, FLOORCOMPAT__P_PORTABLE);
  return floorcompat__signame(sig, 0);
}
FLOORCOMPAT__SHIM_AS(floorcompat_sigabbrev_np, sigabbrev_np)

FLOORCOMPAT__SHIM const char *floorcompat_sigdescr_np(int sig)
{
  FLOORCOMPAT__SET_PATH(sigdescr_np, FLOORCOMPAT__P_PORTABLE);
  return floorcompat__signame(sig, 1);
}
FLOORCOMPAT__SHIM_AS(floorcompat_sigdescr_np, sigdescr_np)
#endif /* !FLOORCOMPAT_HAVE_SIGABBREV_NP */

#if !FLOORCOMPAT_HAVE_MALLINFO2
#if __GLIBC__ * 100 + __GLIBC_MINOR__ < 233 /* headers without it: glibc 2.33's layout */
struct mallinfo2 {
  __SIZE_TYPE__ arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
};
#endif
/* mallinfo under a name of our own: glibc >= 2.33 headers mark it deprecated. */
struct floorcompat__mallinfo {
  int arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
};
static struct floorcompat__mallinfo floorcompat__sys_mallinfo(void)
{
  struct floorcompat__mallinfo (*f)(void);
  FLOORCOMPAT__LIBC_GET(f, mallinfo, 1);
  return f();
}
static void *floorcompat__mallinfo2_ptr;

FLOORCOMPAT__SHIM struct mallinfo2 floorcompat_mallinfo2(void)
{
  void *p = floorcompat__resolve(&floorcompat__mallinfo2_ptr, "mallinfo2", "GLIBC_2.33");
  struct floorcompat__mallinfo m;
  struct mallinfo2 r;
  if (p) {
    struct mallinfo2 (*f)(void);
    FLOORCOMPAT__FN(f, p);
    FLOORCOMPAT__SET_PATH(mallinfo2, FLOORCOMPAT__P_RESOLVED);
    return f();
  }
  FLOORCOMPAT__SET_PATH(mallinfo2, FLOORCOMPAT__P_FALLBACK);
  m = floorcompat__sys_mallinfo();
#define FLOORCOMPAT__WIDEN(f) r.f = (__SIZE_TYPE__)(unsigned int)m.f
  FLOORCOMPAT__WIDEN(arena);
  FLOORCOMPAT__WIDEN(ordblks);
  FLOORCOMPAT__WIDEN(smblks);
  FLOORCOMPAT__WIDEN(hblks);
  FLOORCOMPAT__WIDEN(hblkhd);
  FLOORCOMPAT__WIDEN(usmblks);
  FLOORCOMPAT__WIDEN(fsmblks);
  FLOORCOMPAT__WIDEN(uordblks);
  FLOORCOMPAT__WIDEN(fordblks);
  FLOORCOMPAT__WIDEN(keepcost);
#undef FLOORCOMPAT__WIDEN
  return r;
}
FLOORCOMPAT__SHIM_AS(floorcompat_mallinfo2, mallinfo2)
#endif /* !FLOORCOMPAT_HAVE_MALLINFO2 */

#if !FLOORCOMPAT_HAVE_TIMESPEC_GETRES
FLOORCOMPAT__SHIM int floorcompat_timespec_getres(struct timespec *ts, int base)
{
  FLOORCOMPAT__SET_PATH(timespec_getres, FLOORCOMPAT__P_PORTABLE);
  if (base != 1) /* TIME_UTC, the only base glibc knows */
    return 0;
  floorcompat__sys_clock_getres(0 /* CLOCK_REALTIME */, ts);
  return base;
}
FLOORCOMPAT__SHIM_AS(floorcompat_timespec_getres, timespec_getres)
#endif

#ifdef __cplusplus
}
#endif
#endif
