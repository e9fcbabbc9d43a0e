/* shims/impl-misc.h - the most needed post-2.17 symbols of Debian 12's own binaries that no pin
 * covers (doc/api-survey.md), for older floors (IMPLEMENTATION part):
 *
 * __libc_single_threaded (2.32)  a hidden variable that stays 0 ("maybe several threads"): what
 *   libstdc++'s and gcc's inline code reads to skip atomics; 0 keeps them atomic, always correct,
 *   never the single-threaded shortcut. Code that writes it is not supported (glibc's is also
 *   only to be read).
 * sigdescr_np, sigabbrev_np (2.32)  glibc's tables for signals 1-31 (the numbering of every port
 *   floorcompat has pins for), NULL for others, real-time signals included, as glibc. The texts are
 *   glibc's untranslated ones; tests/api-misc.test compares all 0-65 with the running glibc's.
 * mallinfo2 (2.33)  glibc's own, looked up at run time; else mallinfo() widened: its int fields
 *   are read as unsigned, so counts are right up to 4 GiB and wrap above (mallinfo's limit). */
#ifndef FLOORCOMPAT_SHIMS_IMPL_MISC_H
#define FLOORCOMPAT_SHIMS_IMPL_MISC_H 1
#ifdef __cplusplus
extern "C" {
#endif

#if !FLOORCOMPAT_HAVE___LIBC_SINGLE_THREADED
__attribute__((visibility("hidden"))) char floorcompat___libc_single_threaded = 0;
extern char floorcompat___libc_single_threaded__as __asm__("__libc_single_threaded")
  __attribute__((alias("floorcompat___libc_single_threaded"), visibility("hidden")));
#endif

#if !FLOORCOMPAT_HAVE_SIGDESCR_NP
/* Arrays of chars, not of pointers: no relocation to apply at every start. */
static const char floorcompat__sig_abbrev[32][7] = {
  "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE",
  "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM",
  "PROF", "WINCH", "POLL", "PWR", "SYS"
};
static const char floorcompat__sig_descr[32][25] = {
  "",
  "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap", "Aborted", "Bus error",
  "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault",
  "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited",
  "Continued", "Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)",
  "Urgent I/O condition", "CPU time limit exceeded", "File size limit exceeded", "Virtual timer expired",
  "Profiling timer expired", "Window changed", "I/O possible", "Power failure", "Bad system call"
};
FLOORCOMPAT__SHIM const char *floorcompat_sigdescr_np(int sig)
{
  FLOORCOMPAT__SET_PATH(sigdescr_np, FLOORCOMPAT__P_PORTABLE);
  return sig > 0 && sig < 32 ? floorcompat__sig_descr[sig] : (const char *)0;
}
FLOORCOMPAT__SHIM_AS(floorcompat_sigdescr_np, sigdescr_np)
FLOORCOMPAT__SHIM const char *floorcompat_sigabbrev_np(int sig)
{
  FLOORCOMPAT__SET_PATH(sigabbrev_np, FLOORCOMPAT__P_PORTABLE);
  return sig > 0 && sig < 32 ? floorcompat__sig_abbrev[sig] : (const char *)0;
}
FLOORCOMPAT__SHIM_AS(floorcompat_sigabbrev_np, sigabbrev_np)
#endif

#if !FLOORCOMPAT_HAVE_MALLINFO2
#include <malloc.h>
struct floorcompat__mallinfo { int f[10]; };
struct floorcompat__mallinfo2 { __SIZE_TYPE__ f[10]; };
/* mallinfo by an own name: glibc >= 2.33's headers declare it deprecated. */
extern struct floorcompat__mallinfo floorcompat__sys_mallinfo(void) __asm__("mallinfo");
typedef struct floorcompat__mallinfo2 (*floorcompat__mallinfo2_fn)(void);
static void *floorcompat__mallinfo2_slot;
FLOORCOMPAT__SHIM struct mallinfo2 floorcompat_mallinfo2(void)
{
  union { struct floorcompat__mallinfo2 own; struct mallinfo2 api; } r;
  void *p = floorcompat__resolve(&floorcompat__mallinfo2_slot, "mallinfo2", "GLIBC_2.33");
  if (p) {
    floorcompat__mallinfo2_fn f;
    FLOORCOMPAT__FN(f, p);
    FLOORCOMPAT__SET_PATH(mallinfo2, FLOORCOMPAT__P_RESOLVED);
    r.own = f();
  } else {
    struct floorcompat__mallinfo m = floorcompat__sys_mallinfo();
    int i;
    FLOORCOMPAT__SET_PATH(mallinfo2, FLOORCOMPAT__P_FALLBACK);
    for (i = 0; i < 10; i++)
      r.own.f[i] = (unsigned int)m.f[i];
  }
  return r.api;
}
FLOORCOMPAT__SHIM_AS(floorcompat_mallinfo2, mallinfo2)
#endif

#ifdef __cplusplus
}
#endif
#endif
