/* impl/pthread.h - <pthread.h>: pthread_cond_clockwait, pthread_mutex_clocklock, pthread_rwlock_clockrdlock,
 * pthread_rwlock_clockwrlock and <semaphore.h>'s sem_clockwait (2.30), which share their fallback
 *
 *
 * No link-time reference to a function whose pre-2.34 home is libpthread.so.0: it would make every
 * program with this TU need libpthread.so.0, threads or not (the floor audit's home check and
 * the loaders of glibc 2.17 and 2.28 insist on the home). Such functions are looked up at run time
 * by their default version in libc.so.6, then libpthread.so.0 (runtime.h, floorcompat__resolve_pt);
 * pthread_cond_timedwait has always been in libc and is called directly.
 *
 * Clock waits: the real function (@GLIBC_2.30) when the running glibc has it. Otherwise
 *   CLOCK_REALTIME   the *timed* function with the same deadline;
 *   CLOCK_MONOTONIC  the deadline becomes realtime-now + (deadline - monotonic-now); on ETIMEDOUT the
 *                    monotonic clock is read again and the wait repeated, freshly converted, until
 *                    the monotonic deadline has passed: the call never returns early. Caveat: a
 *                    realtime clock step during one wait (settimeofday, an NTP step) shifts that
 *                    wait's end: stepped back, the wait ends late by up to the step; stepped
 *                    forward, it ends early and is repeated. The real functions do not drift so.
 *                    tv_nsec outside [0, 1e9) gives EINVAL;
 *   other clocks     EINVAL, as glibc answers.
 *   A repeated cond wait re-acquired the mutex in between; to the caller it is one longer wait, as
 *   a spurious wake-up followed by a new wait would be.
 *   The timed function not found (glibc < 2.34 and libpthread.so.0 not loaded: a program that */
#ifndef FLOORCOMPAT_IMPL_PTHREAD_H
#define FLOORCOMPAT_IMPL_PTHREAD_H 1
#include <pthread.h>
#include <semaphore.h>
#ifdef __cplusplus
extern "C" {
#endif

#if !FLOORCOMPAT_HAVE_PTHREAD_COND_CLOCKWAIT
#define FLOORCOMPAT__CLOCK_REALTIME 0
#define FLOORCOMPAT__CLOCK_MONOTONIC 1
/* In libc.so.6 since its 2.3.2 version: no libpthread home. */
extern int floorcompat__pthread_cond_timedwait(pthread_cond_t *, pthread_mutex_t *, const struct timespec *)
  __asm__("pthread_cond_timedwait");

enum { FLOORCOMPAT__CW_COND, FLOORCOMPAT__CW_MUTEX, FLOORCOMPAT__CW_RD, FLOORCOMPAT__CW_WR, FLOORCOMPAT__CW_SEM };
static void *floorcompat__cw_real[5], *floorcompat__cw_timed[5];
static const char *const floorcompat__cw_timed_names[5] = {
  "pthread_cond_timedwait", "pthread_mutex_timedlock", "pthread_rwlock_timedrdlock", "pthread_rwlock_timedwrlock",
  "sem_timedwait"
};

/* The timed function of KIND: 0 or an error number (sem_timedwait's errno). */
static int floorcompat__cw_timed_call(int kind, void *fn, void *a, void *b, const struct timespec *t)
{
  int (*lock)(void *, const struct timespec *);
  if (kind == FLOORCOMPAT__CW_COND)
    return floorcompat__pthread_cond_timedwait((pthread_cond_t *)a, (pthread_mutex_t *)b, t);
  /* pthread_mutex_timedlock & co. take (object *, const struct timespec *): one calling convention */
  FLOORCOMPAT__FN(lock, fn);
  if (kind != FLOORCOMPAT__CW_SEM)
    return lock(a, t);
  return lock(a, t) == 0 ? 0 : errno;
}

static __attribute__((noinline)) int floorcompat__cw_fallback(int kind, int clk, const struct timespec *abstime,
                                                               void *a, void *b)
{
  struct timespec mono, rt, when;
  void *fn = 0;
  int r;
  if (clk != FLOORCOMPAT__CLOCK_REALTIME && clk != FLOORCOMPAT__CLOCK_MONOTONIC)
    return EINVAL;
  if (kind != FLOORCOMPAT__CW_COND &&
      !(fn = floorcompat__resolve_pt(&floorcompat__cw_timed[kind], floorcompat__cw_timed_names[kind], 0)))
    return ENOSYS;
  if (clk == FLOORCOMPAT__CLOCK_REALTIME)
    return floorcompat__cw_timed_call(kind, fn, a, b, abstime);
  if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L)
    return EINVAL;
  for (;;) {
    __typeof__(rt.tv_sec) ds, half = (__typeof__(rt.tv_sec))1 << (sizeof(ds) * 8 - 2), max = half - 1 + half;
    long dn;
    floorcompat__sys_clock_gettime(FLOORCOMPAT__CLOCK_MONOTONIC, &mono);
    floorcompat__sys_clock_gettime(FLOORCOMPAT__CLOCK_REALTIME, &rt);
    ds = abstime->tv_sec - mono.tv_sec; /* both sides are sane clock values: no overflow */
    dn = abstime->tv_nsec - mono.tv_nsec;
    if (dn < 0) {
      dn += 1000000000L;
      ds--;
    }
    if (ds < 0)
      ds = dn = 0; /* already past: one non-blocking attempt, as the real function makes */
    if (ds > max - rt.tv_sec - 1) {
      when.tv_sec = max;
      when.tv_nsec = 999999999L;
    } else {
      when.tv_sec = rt.tv_sec + ds;
      when.tv_nsec = rt.tv_nsec + dn;
      if (when.tv_nsec >= 1000000000L) {
        when.tv_nsec -= 1000000000L;
        when.tv_sec++;
      }
    }
    r = floorcompat__cw_timed_call(kind, fn, a, b, &when);
    if (r != ETIMEDOUT)
      return r;
    floorcompat__sys_clock_gettime(FLOORCOMPAT__CLOCK_MONOTONIC, &mono);
    if (mono.tv_sec > abstime->tv_sec || (mono.tv_sec == abstime->tv_sec && mono.tv_nsec >= abstime->tv_nsec))
      return ETIMEDOUT;
  }
}

/* The real function of KIND, or NULL. */
static void *floorcompat__cw_resolve(int kind, const char *name)
{
  return floorcompat__resolve_pt(&floorcompat__cw_real[kind], name, "GLIBC_2.30");
}
#define FLOORCOMPAT__CW_SHIM(api, kind, decl, args, fbargs)                \
  {                                                                        \
    int(*real) decl;                                                       \
    void *p = floorcompat__cw_resolve(kind, #api);                         \
    if (p) {                                                               \
      FLOORCOMPAT__FN(real, p);                                            \
      FLOORCOMPAT__SET_PATH(api, FLOORCOMPAT__P_RESOLVED);                 \
      return real args;                                                    \
    }                                                                      \
    FLOORCOMPAT__SET_PATH(api, FLOORCOMPAT__P_FALLBACK);                   \
    return floorcompat__cw_fallback fbargs;                                \
  }

FLOORCOMPAT__SHIM int floorcompat_pthread_cond_clockwait(void *cond, void *mutex, int clk,
                                                                            const void *abstime)
FLOORCOMPAT__CW_SHIM(pthread_cond_clockwait, FLOORCOMPAT__CW_COND, (void *, void *, int, const void *),
                     (cond, mutex, clk, abstime),
                     (FLOORCOMPAT__CW_COND, clk, (const struct timespec *)abstime, cond, mutex))
FLOORCOMPAT__SHIM_AS(floorcompat_pthread_cond_clockwait, pthread_cond_clockwait)

FLOORCOMPAT__SHIM int floorcompat_pthread_mutex_clocklock(void *mutex, int clk, const void *abstime)
FLOORCOMPAT__CW_SHIM(pthread_mutex_clocklock, FLOORCOMPAT__CW_MUTEX, (void *, int, const void *),
                     (mutex, clk, abstime), (FLOORCOMPAT__CW_MUTEX, clk, (const struct timespec *)abstime, mutex, 0))
FLOORCOMPAT__SHIM_AS(floorcompat_pthread_mutex_clocklock, pthread_mutex_clocklock)

FLOORCOMPAT__SHIM int floorcompat_pthread_rwlock_clockrdlock(void *rwlock, int clk, const void *abstime)
FLOORCOMPAT__CW_SHIM(pthread_rwlock_clockrdlock, FLOORCOMPAT__CW_RD, (void *, int, const void *),
                     (rwlock, clk, abstime), (FLOORCOMPAT__CW_RD, clk, (const struct timespec *)abstime, rwlock, 0))
FLOORCOMPAT__SHIM_AS(floorcompat_pthread_rwlock_clockrdlock, pthread_rwlock_clockrdlock)

FLOORCOMPAT__SHIM int floorcompat_pthread_rwlock_clockwrlock(void *rwlock, int clk, const void *abstime)
FLOORCOMPAT__CW_SHIM(pthread_rwlock_clockwrlock, FLOORCOMPAT__CW_WR, (void *, int, const void *),
                     (rwlock, clk, abstime), (FLOORCOMPAT__CW_WR, clk, (const struct timespec *)abstime, rwlock, 0))
FLOORCOMPAT__SHIM_AS(floorcompat_pthread_rwlock_clockwrlock, pthread_rwlock_clockwrlock)

FLOORCOMPAT__SHIM int floorcompat_sem_clockwait(void *sem, int clk, const void *abstime)
{
  int (*real)(void *, int, const void *);
  void *p = floorcompat__cw_resolve(FLOORCOMPAT__CW_SEM, "sem_clockwait");
  int r;
  if (p) {
    FLOORCOMPAT__FN(real, p);
    FLOORCOMPAT__SET_PATH(sem_clockwait, FLOORCOMPAT__P_RESOLVED);
    return real(sem, clk, abstime);
  }
  FLOORCOMPAT__SET_PATH(sem_clockwait, FLOORCOMPAT__P_FALLBACK);
  r = floorcompat__cw_fallback(FLOORCOMPAT__CW_SEM, clk, (const struct timespec *)abstime, sem, 0);
  if (r == 0)
    return 0;
  errno = r;
  return -1;
}
FLOORCOMPAT__SHIM_AS(floorcompat_sem_clockwait, sem_clockwait)
#undef FLOORCOMPAT__CW_SHIM
#endif /* !FLOORCOMPAT_HAVE_PTHREAD_COND_CLOCKWAIT */

#ifdef __cplusplus
}
#endif
#endif
