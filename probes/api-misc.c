/* api-misc: __libc_single_threaded, sigdescr_np, sigabbrev_np and mallinfo2 (impl-misc.h). The
 * signal tables are compared for 0-65 with the running glibc's own functions where it has them
 * (found with floorcompat__vsym, api.h); one line per API with the path that served it. */
#define _GNU_SOURCE
#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/single_threaded.h>

static int failed, bad;
#define CHECK(cond)                                                    \
  do {                                                                 \
    if (!(cond)) {                                                     \
      printf("  check failed (line %d): %s\n", __LINE__, #cond);      \
      bad = 1;                                                         \
    }                                                                  \
  } while (0)
static void report(const char *api, const char *extra)
{
  printf("%s: %s path=%s%s\n", api, bad ? "FAIL" : "ok", floorcompat_path(api), extra ? extra : "");
  failed |= bad;
  bad = 0;
}
static int same(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

int main(void)
{
  typedef const char *(*sigfn)(int);
  sigfn real_d = NULL, real_a = NULL;
  void *p;
  char *big;
  struct mallinfo2 mi;
  int i;

  printf("__libc_single_threaded: value=%d\n", (int)__libc_single_threaded);

  if ((p = floorcompat__vsym("sigdescr_np", "GLIBC_2.32")))
    memcpy(&real_d, &p, sizeof p);
  if ((p = floorcompat__vsym("sigabbrev_np", "GLIBC_2.32")))
    memcpy(&real_a, &p, sizeof p);
  CHECK(strcmp(sigdescr_np(SIGINT), "Interrupt") == 0 && strcmp(sigabbrev_np(SIGSEGV), "SEGV") == 0);
  CHECK(sigdescr_np(0) == NULL && sigdescr_np(-1) == NULL && sigabbrev_np(SIGRTMIN) == NULL && sigdescr_np(65) == NULL);
  CHECK(floorcompat_sigdescr_np(SIGPOLL) != NULL && strcmp(floorcompat_sigabbrev_np(SIGSYS), "SYS") == 0);
  for (i = -1; i <= 65; i++) {
    if (real_d && !same(real_d(i), sigdescr_np(i)))
      printf("  signal %d: %s, glibc %s\n", i, sigdescr_np(i), real_d(i)), bad = 1;
    if (real_a && !same(real_a(i), sigabbrev_np(i)))
      printf("  signal %d: %s, glibc %s\n", i, sigabbrev_np(i), real_a(i)), bad = 1;
  }
  report("sigdescr_np", real_d ? " compared=glibc" : " compared=none");
  report("sigabbrev_np", NULL);

  big = malloc(100000); /* below the mmap threshold: counted in the arena */
  CHECK(big != NULL);
  memset(big, 1, 100000);
  mi = mallinfo2();
  CHECK(mi.uordblks >= 100000 && mi.arena >= mi.uordblks && mi.arena == mi.uordblks + mi.fordblks);
  free(big);
  mi = floorcompat_mallinfo2();
  CHECK(mi.uordblks < 100000);
  report("mallinfo2", NULL);
  return failed;
}
