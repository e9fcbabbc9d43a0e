/* impl/time.h - <time.h>: timespec_getres (2.34)
 *
 * timespec_getres  as glibc's: TIME_UTC (1) fills TS from clock_getres(CLOCK_REALTIME) (libc's since
 *                2.17) and returns TIME_UTC; any other base returns 0 and leaves TS alone. */
#ifndef FLOORCOMPAT_IMPL_TIME_H
#define FLOORCOMPAT_IMPL_TIME_H 1
#ifdef __cplusplus
extern "C" {
#endif

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
