/* interpose.c - C11 threads and a clock wait, built at floor 2.17 (tests/hardening-procs.test): with
 * an interposer preloaded (tests/helpers/thread-mark.so), the calls the shims make must reach it, as
 * the plain program's calls do. Prints one line; exit 0 when every call gave the right answer. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <threads.h>
#include <time.h>

static int worker(void *arg) { return *(int *)arg * 2; }

int main(void)
{
  thrd_t t;
  int in = 21, res = 0, rc, ok = 1;
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t c = PTHREAD_COND_INITIALIZER;
  struct timespec ts;
  if (thrd_create(&t, worker, &in) != thrd_success || thrd_join(t, &res) != thrd_success || res != 42)
    ok = 0;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  ts.tv_nsec += 1000000;
  if (ts.tv_nsec >= 1000000000L) {
    ts.tv_sec++;
    ts.tv_nsec -= 1000000000L;
  }
  pthread_mutex_lock(&m);
  rc = pthread_cond_clockwait(&c, &m, CLOCK_MONOTONIC, &ts);
  pthread_mutex_unlock(&m);
  if (rc != ETIMEDOUT)
    ok = 0;
  printf("thrd_create=%d clockwait=%s\n", res, rc == ETIMEDOUT ? "ETIMEDOUT" : "wrong");
  return !ok;
}
