/* impl/string.h - <string.h>: explicit_bzero and __explicit_bzero_chk (2.25), strlcpy, strlcat and their
 * _FORTIFY_SOURCE forms (2.38), sigabbrev_np and sigdescr_np (2.32)
 * All portable C:
 *                  stores cannot be dropped as dead (also not after inlining, e.g. with LTO).
 *   __explicit_bzero_chk(p, len, objsize)  what _FORTIFY_SOURCE makes of explicit_bzero: __chk_fail
 *                  (the "buffer overflow detected" abort) when len > objsize.
 *   strlcpy        OpenBSD semantics: copies at most size-1 bytes, NUL-terminates when size > 0,
 *                  returns strlen(src) (truncation when the result >= size).
 *   strlcat        appends to the string in dst (of at most size bytes); returns the length it
 *                  tried to make, strnlen(dst, size) + strlen(src); leaves dst alone when it holds
 *                  no NUL within size.
 *   __strlcpy_chk, __strlcat_chk(dst, src, size, objsize)  __chk_fail when size > objsize.
 * sigabbrev_np, sigdescr_np  glibc's signal table (signal/siglist.h, untranslated as glibc returns
 *                it), as a switch on the SIG* macros so each port's numbers come from its headers;
 *                NULL for 0, the real-time signals and numbers out of range, as glibc 2.32-2.41. */
#ifndef FLOORCOMPAT_IMPL_STRING_H
#define FLOORCOMPAT_IMPL_STRING_H 1
#include <signal.h>
#ifdef __cplusplus
extern "C" {
#endif

#if !FLOORCOMPAT_HAVE_EXPLICIT_BZERO
FLOORCOMPAT__SHIM void floorcompat_explicit_bzero(void *s, __SIZE_TYPE__ len)
{
  FLOORCOMPAT__SET_PATH(explicit_bzero, FLOORCOMPAT__P_PORTABLE);
  floorcompat__memset(s, 0, len);
  __asm__ __volatile__("" : : "r"(s) : "memory");
}
FLOORCOMPAT__SHIM_AS(floorcompat_explicit_bzero, explicit_bzero)

FLOORCOMPAT__SHIM void floorcompat__explicit_bzero_chk(void *s, __SIZE_TYPE__ len,
                                                                           __SIZE_TYPE__ objsize)
{
  FLOORCOMPAT__SET_PATH(__explicit_bzero_chk, FLOORCOMPAT__P_PORTABLE);
  if (objsize < len)
    floorcompat__sys_chk_fail();
  floorcompat_explicit_bzero(s, len);
}
FLOORCOMPAT__SHIM_AS(floorcompat__explicit_bzero_chk, __explicit_bzero_chk)
#endif

#if !FLOORCOMPAT_HAVE_STRLCPY
FLOORCOMPAT__SHIM __SIZE_TYPE__ floorcompat_strlcpy(char *dst, const char *src, __SIZE_TYPE__ size)
{
  __SIZE_TYPE__ n = floorcompat__strlen(src);
  FLOORCOMPAT__SET_PATH(strlcpy, FLOORCOMPAT__P_PORTABLE);
  if (size > 0) {
    __SIZE_TYPE__ k = n < size - 1 ? n : size - 1;
    floorcompat__memmove(dst, src, k);
    dst[k] = '\0';
  }
  return n;
}
FLOORCOMPAT__SHIM_AS(floorcompat_strlcpy, strlcpy)

FLOORCOMPAT__SHIM __SIZE_TYPE__ floorcompat_strlcat(char *dst, const char *src, __SIZE_TYPE__ size)
{
  __SIZE_TYPE__ d = floorcompat__sys_strnlen(dst, size), n = floorcompat__strlen(src);
  FLOORCOMPAT__SET_PATH(strlcat, FLOORCOMPAT__P_PORTABLE);
  if (d < size) {
    __SIZE_TYPE__ k = n < size - d - 1 ? n : size - d - 1;
    floorcompat__memmove(dst + d, src, k);
    dst[d + k] = '\0';
  }
  return d + n;
}
FLOORCOMPAT__SHIM_AS(floorcompat_strlcat, strlcat)

FLOORCOMPAT__SHIM __SIZE_TYPE__ floorcompat__strlcpy_chk(char *dst, const char *src,
                                                                             __SIZE_TYPE__ size, __SIZE_TYPE__ objsize)
{
  if (objsize < size)
    floorcompat__sys_chk_fail();
  return floorcompat_strlcpy(dst, src, size);
}
FLOORCOMPAT__SHIM_AS(floorcompat__strlcpy_chk, __strlcpy_chk)

FLOORCOMPAT__SHIM __SIZE_TYPE__ floorcompat__strlcat_chk(char *dst, const char *src,
                                                                             __SIZE_TYPE__ size, __SIZE_TYPE__ objsize)
{
  if (objsize < size)
    floorcompat__sys_chk_fail();
  return floorcompat_strlcat(dst, src, size);
}
FLOORCOMPAT__SHIM_AS(floorcompat__strlcat_chk, __strlcat_chk)
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

#ifdef __cplusplus
}
#endif
#endif
