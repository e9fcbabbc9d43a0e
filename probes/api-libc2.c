/* api-libc2: the sigabbrev_np, sigdescr_np, mallinfo2 and timespec_getres shims, and timespec_get
 * and secure_getenv, which every supported floor has (they must link to their base versions).
 * Prints one line per API with the path that served it (floorcompat_path); where the running libc
 * has the real function (found with floorcompat__vsym, the probe being built for floor 2.17), the
 * shim's answers are compared with it: "glibc=same", else "glibc=absent". tests/api-sys2.test
 * compares the lines per run mode. */
#define _GNU_SOURCE
#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api-check.h"
static void report(const char *api, const char *extra)
{
  api_report(api, "ok", floorcompat_path(api), extra);
}
static int same_str(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

#pragma GCC diagnostic ignored "-Wdeprecated-declarations" /* mallinfo, to compare with */

int main(void)
{
  typedef const char *(*sigfn)(int);
  void *pa = floorcompat__vsym("sigabbrev_np", "GLIBC_2.32"), *pd = floorcompat__vsym("sigdescr_np", "GLIBC_2.32");
  void *pm = floorcompat__vsym("mallinfo2", "GLIBC_2.33"), *pr = floorcompat__vsym("timespec_getres", "GLIBC_2.34");
  int s, named = 0;

  /* sigabbrev_np / sigdescr_np: glibc's strings, NULL outside the named signals */
  CHECK(same_str(sigabbrev_np(SIGHUP), "HUP") && same_str(sigdescr_np(SIGSEGV), "Segmentation fault"));
  CHECK(same_str(floorcompat_sigabbrev_np(SIGIO), "POLL") && same_str(floorcompat_sigdescr_np(SIGCHLD), "Child exited"));
  CHECK(sigabbrev_np(0) == NULL && sigdescr_np(0) == NULL && sigabbrev_np(-1) == NULL && sigdescr_np(NSIG) == NULL);
  CHECK(sigabbrev_np(SIGRTMIN) == NULL && sigdescr_np(SIGRTMAX) == NULL);
  for (s = -1; s <= NSIG + 1; s++)
    named += sigabbrev_np(s) != NULL;
  if (pa && pd) {
    sigfn fa, fd;
    memcpy(&fa, &pa, sizeof fa);
    memcpy(&fd, &pd, sizeof fd);
    for (s = -1; s <= NSIG + 1; s++)
      if (!same_str(sigabbrev_np(s), fa(s)) || !same_str(sigdescr_np(s), fd(s))) {
        printf("  signal %d: %s/%s, glibc %s/%s\n", s, sigabbrev_np(s) ? sigabbrev_np(s) : "NULL",
               sigdescr_np(s) ? sigdescr_np(s) : "NULL", fa(s) ? fa(s) : "NULL", fd(s) ? fd(s) : "NULL");
        bad = 1;
      }
  }
  {
    char extra[64];
    snprintf(extra, sizeof extra, " named=%d glibc=%s", named, pa && pd ? "same" : "absent");
    report("sigabbrev_np", extra);
    report("sigdescr_np", extra);
  }

  /* mallinfo2: an mmap'ed chunk shows in hblks/hblkhd; with no malloc between the calls, every
   * field equals mallinfo's widened one (all below 4 GiB here). */
  {
    struct mallinfo2 m2;
    struct mallinfo m1;
    static void *volatile keep[2]; /* the allocations escape: no compiler may elide them */
    void *big = keep[0] = malloc(4 << 20), *small = keep[1] = malloc(100);
    m2 = mallinfo2();
    m1 = mallinfo();
    CHECK(big && small && m2.hblks >= 1 && m2.hblkhd >= (size_t)(4 << 20) && m2.uordblks >= 100);
    CHECK(m2.arena == (unsigned)m1.arena && m2.ordblks == (unsigned)m1.ordblks && m2.hblks == (unsigned)m1.hblks &&
          m2.hblkhd == (unsigned)m1.hblkhd && m2.uordblks == (unsigned)m1.uordblks &&
          m2.fordblks == (unsigned)m1.fordblks && m2.keepcost == (unsigned)m1.keepcost);
    free(big);
    m2 = floorcompat_mallinfo2();
    CHECK(m2.hblkhd < (size_t)(4 << 20));
    free(small);
    report("mallinfo2", pm ? " glibc=present" : " glibc=absent");
  }

  /* timespec_getres: TIME_UTC is clock_getres(CLOCK_REALTIME); other bases 0 */
  {
    struct timespec r, c, g;
    memset(&r, 0x55, sizeof r);
    CHECK(timespec_getres(&r, TIME_UTC) == TIME_UTC && clock_getres(CLOCK_REALTIME, &c) == 0 &&
          r.tv_sec == c.tv_sec && r.tv_nsec == c.tv_nsec);
    memset(&r, 0x55, sizeof r);
    g = r;
    CHECK(floorcompat_timespec_getres(&r, 0) == 0 && floorcompat_timespec_getres(&r, 2) == 0 &&
          memcmp(&r, &g, sizeof r) == 0);
    CHECK(timespec_getres(NULL, TIME_UTC) == TIME_UTC);
    if (pr) {
      int (*f)(struct timespec *, int);
      memcpy(&f, &pr, sizeof f);
      CHECK(f(&g, TIME_UTC) == TIME_UTC && g.tv_sec == c.tv_sec && g.tv_nsec == c.tv_nsec && f(&g, 2) == 0);
    }
    report("timespec_getres", pr ? " glibc=same" : " glibc=absent");
  }

  /* In every floor: libc's own, through the ordinary and the prefixed name. */
  {
    struct timespec a, b;
    CHECK(timespec_get(&a, TIME_UTC) == TIME_UTC && floorcompat_timespec_get(&b, TIME_UTC) == TIME_UTC &&
          b.tv_sec >= a.tv_sec && a.tv_sec > 1500000000);
    report("timespec_get", NULL);
    CHECK(setenv("FC_PROBE", "v", 1) == 0 && same_str(secure_getenv("FC_PROBE"), "v") &&
          same_str(floorcompat_secure_getenv("FC_PROBE"), "v") && secure_getenv("FC_PROBE_UNSET") == NULL);
    report("secure_getenv", NULL);
  }
  return failed;
}
