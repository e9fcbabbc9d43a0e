/* api-thread: the clock waits of glibc 2.30 (pthread_cond_clockwait, pthread_mutex_clocklock,
 * pthread_rwlock_clockrdlock/clockwrlock, sem_clockwait) through their ordinary and prefixed names,
 * checked against glibc's semantics, one line per API with the path that served it
 * (floorcompat_path); tests/api-thread.test compares the lines per run mode.
 *   api-thread          every check; the waits must time out neither early nor much late
 *   api-thread absent   the timed functions cannot be found (nolookup.so hides libc.so.6 and
 *                       libpthread.so.0): ENOSYS from the mutex, rwlock and sem waits (EINVAL still
 *                       for a bad clock); the cond wait uses libc's pthread_cond_timedwait
 *   api-thread quick    at_quick_exit handlers h1, h2, h3, then quick_exit(7): they run in reverse
 *                       order, atexit handlers and stdio flushing do not run. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WAIT_MS 60
#define LATE_MS 2000 /* generous: a loaded machine may wake late, never early */

#include "api-check.h"
static int absent;
static void report(const char *api)
{
  api_report(api, absent && strcmp(api, "pthread_cond_clockwait") ? "enosys" : "ok", floorcompat_path(api), NULL);
}

static struct timespec after(clockid_t clk, long ms)
{
  struct timespec t;
  clock_gettime(clk, &t);
  t.tv_sec += ms / 1000;
  t.tv_nsec += (ms % 1000) * 1000000L;
  if (t.tv_nsec >= 1000000000L) {
    t.tv_sec++;
    t.tv_nsec -= 1000000000L;
  } else if (t.tv_nsec < 0) {
    t.tv_sec--;
    t.tv_nsec += 1000000000L;
  }
  return t;
}
static long since_ms(const struct timespec *t0)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (t.tv_sec - t0->tv_sec) * 1000L + (t.tv_nsec - t0->tv_nsec) / 1000000L;
}
/* A timed-out wait on CLK lasted at least WAIT_MS by that clock, and not absurdly longer. */
#define TIMED_OUT(clk, call)                                                             \
  do {                                                                                   \
    struct timespec ts_ = after(clk, WAIT_MS), t0_;                                      \
    int r_;                                                                              \
    clock_gettime(CLOCK_MONOTONIC, &t0_);                                                \
    r_ = (call);                                                                         \
    CHECK(r_ == (absent ? ENOSYS : ETIMEDOUT));                                          \
    if (!absent) {                                                                       \
      struct timespec n_;                                                                \
      clock_gettime(clk, &n_);                                                           \
      CHECK(n_.tv_sec > ts_.tv_sec || (n_.tv_sec == ts_.tv_sec && n_.tv_nsec >= ts_.tv_nsec)); \
      CHECK(since_ms(&t0_) < WAIT_MS + LATE_MS);                                         \
    }                                                                                    \
  } while (0)
#define ts_of(clk, ms) (ts_tmp = after(clk, ms), &ts_tmp)
static struct timespec ts_tmp;

/* A helper thread holding a lock until released, or releasing it after a delay. */
enum { HOLD_MUTEX, HOLD_WR, HOLD_RD };
struct holder {
  int what, release_ms;
  pthread_mutex_t *m;
  pthread_rwlock_t *rw;
  sem_t held, release;
  pthread_t t;
};
static void *hold(void *p)
{
  struct holder *h = p;
  if (h->what == HOLD_MUTEX)
    pthread_mutex_lock(h->m);
  else if (h->what == HOLD_WR)
    pthread_rwlock_wrlock(h->rw);
  else
    pthread_rwlock_rdlock(h->rw);
  sem_post(&h->held);
  if (h->release_ms)
    usleep(h->release_ms * 1000);
  else
    while (sem_wait(&h->release) != 0)
      ;
  if (h->what == HOLD_MUTEX)
    pthread_mutex_unlock(h->m);
  else
    pthread_rwlock_unlock(h->rw);
  return NULL;
}
static void hold_start(struct holder *h, int what, int release_ms)
{
  h->what = what;
  h->release_ms = release_ms;
  sem_init(&h->held, 0, 0);
  sem_init(&h->release, 0, 0);
  pthread_create(&h->t, NULL, hold, h);
  while (sem_wait(&h->held) != 0)
    ;
}
static void hold_stop(struct holder *h)
{
  if (!h->release_ms)
    sem_post(&h->release);
  pthread_join(h->t, NULL);
  sem_destroy(&h->held);
  sem_destroy(&h->release);
}

static pthread_mutex_t cm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int flag;
static void *signal_later(void *p)
{
  (void)p;
  usleep(30000);
  pthread_mutex_lock(&cm);
  flag = 1;
  pthread_cond_signal(&cv);
  pthread_mutex_unlock(&cm);
  return NULL;
}
static void *post_later(void *p)
{
  usleep(30000);
  sem_post(p);
  return NULL;
}

static void h1(void) { (void)!write(1, "quick_exit: h1\n", 15); }
static void h2(void) { (void)!write(1, "quick_exit: h2\n", 15); }
static void h3(void) { (void)!write(1, "quick_exit: h3\n", 15); }
static void not_run(void) { (void)!write(1, "quick_exit: atexit handler ran\n", 31); }

int main(int argc, char **argv)
{
  const clockid_t clocks[2] = { CLOCK_MONOTONIC, CLOCK_REALTIME };
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
  struct holder h;
  pthread_t t;
  sem_t s;
  int i, r;

  if (argc > 1 && strcmp(argv[1], "quick") == 0) {
    atexit(not_run);
    at_quick_exit(h1);
    at_quick_exit(h2);
    at_quick_exit(h3);
    printf("quick_exit: this line stays in the stdio buffer\n");
    quick_exit(7);
  }
  absent = argc > 1 && strcmp(argv[1], "absent") == 0;
  memset(&h, 0, sizeof h);
  h.m = &m;
  h.rw = &rw;

  /* pthread_cond_clockwait: times out on both clocks with the mutex re-acquired; wakes on a signal */
  pthread_mutex_lock(&cm);
  for (i = 0; i < 2; i++) {
    struct timespec ts = after(clocks[i], WAIT_MS), t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    r = pthread_cond_clockwait(&cv, &cm, clocks[i], &ts);
    CHECK(r == ETIMEDOUT && since_ms(&t0) >= (i == 0 ? WAIT_MS : 0) && since_ms(&t0) < WAIT_MS + LATE_MS);
    CHECK(pthread_mutex_trylock(&cm) == EBUSY);
  }
  CHECK(pthread_cond_clockwait(&cv, &cm, CLOCK_MONOTONIC, ts_of(CLOCK_MONOTONIC, -1000)) == ETIMEDOUT);
  CHECK(floorcompat_pthread_cond_clockwait(&cv, &cm, CLOCK_PROCESS_CPUTIME_ID, ts_of(CLOCK_MONOTONIC, 10)) == EINVAL);
  flag = 0;
  pthread_create(&t, NULL, signal_later, NULL);
  {
    struct timespec ts = after(CLOCK_MONOTONIC, LATE_MS * 5);
    r = 0;
    while (!flag && r == 0)
      r = floorcompat_pthread_cond_clockwait(&cv, &cm, CLOCK_MONOTONIC, &ts);
    CHECK(r == 0 && flag == 1);
  }
  pthread_mutex_unlock(&cm);
  pthread_join(t, NULL);
  report("pthread_cond_clockwait");

  /* pthread_mutex_clocklock */
  for (i = 0; i < 2; i++) {
    CHECK(pthread_mutex_clocklock(&m, clocks[i], ts_of(clocks[i], WAIT_MS)) == (absent ? ENOSYS : 0));
    if (!absent)
      pthread_mutex_unlock(&m);
  }
  CHECK(pthread_mutex_clocklock(&m, CLOCK_PROCESS_CPUTIME_ID, ts_of(CLOCK_MONOTONIC, 10)) == EINVAL);
  CHECK(pthread_mutex_clocklock(&m, CLOCK_MONOTONIC_RAW, ts_of(CLOCK_MONOTONIC, 10)) == EINVAL);
  hold_start(&h, HOLD_MUTEX, 0);
  for (i = 0; i < 2; i++)
    TIMED_OUT(clocks[i], floorcompat_pthread_mutex_clocklock(&m, clocks[i], &ts_));
  CHECK(pthread_mutex_clocklock(&m, CLOCK_MONOTONIC, ts_of(CLOCK_MONOTONIC, -WAIT_MS)) == (absent ? ENOSYS : ETIMEDOUT));
  hold_stop(&h);
  hold_start(&h, HOLD_MUTEX, 30);
  CHECK(pthread_mutex_clocklock(&m, CLOCK_MONOTONIC, ts_of(CLOCK_MONOTONIC, LATE_MS * 5)) == (absent ? ENOSYS : 0));
  hold_stop(&h);
  if (!absent)
    pthread_mutex_unlock(&m);
  report("pthread_mutex_clocklock");

  /* pthread_rwlock_clockrdlock: free and read-held it is granted; write-held it times out */
  hold_start(&h, HOLD_RD, 0);
  for (i = 0; i < 2; i++) {
    CHECK(pthread_rwlock_clockrdlock(&rw, clocks[i], ts_of(clocks[i], WAIT_MS)) == (absent ? ENOSYS : 0));
    if (!absent)
      pthread_rwlock_unlock(&rw);
  }
  hold_stop(&h);
  CHECK(pthread_rwlock_clockrdlock(&rw, CLOCK_PROCESS_CPUTIME_ID, ts_of(CLOCK_MONOTONIC, 10)) == EINVAL);
  hold_start(&h, HOLD_WR, 0);
  for (i = 0; i < 2; i++)
    TIMED_OUT(clocks[i], floorcompat_pthread_rwlock_clockrdlock(&rw, clocks[i], &ts_));
  hold_stop(&h);
  report("pthread_rwlock_clockrdlock");

  /* pthread_rwlock_clockwrlock: read-held it times out; granted when the reader leaves */
  CHECK(pthread_rwlock_clockwrlock(&rw, CLOCK_REALTIME, ts_of(CLOCK_REALTIME, WAIT_MS)) == (absent ? ENOSYS : 0));
  if (!absent)
    pthread_rwlock_unlock(&rw);
  CHECK(pthread_rwlock_clockwrlock(&rw, CLOCK_THREAD_CPUTIME_ID, ts_of(CLOCK_MONOTONIC, 10)) == EINVAL);
  hold_start(&h, HOLD_RD, 0);
  for (i = 0; i < 2; i++)
    TIMED_OUT(clocks[i], pthread_rwlock_clockwrlock(&rw, clocks[i], &ts_));
  hold_stop(&h);
  hold_start(&h, HOLD_RD, 30);
  CHECK(floorcompat_pthread_rwlock_clockwrlock(&rw, CLOCK_MONOTONIC, ts_of(CLOCK_MONOTONIC, LATE_MS * 5)) ==
        (absent ? ENOSYS : 0));
  hold_stop(&h);
  if (!absent)
    pthread_rwlock_unlock(&rw);
  report("pthread_rwlock_clockwrlock");

  /* sem_clockwait: -1 and errno */
  sem_init(&s, 0, 1);
  errno = 0;
  r = sem_clockwait(&s, CLOCK_MONOTONIC, ts_of(CLOCK_MONOTONIC, WAIT_MS));
  CHECK(absent ? r == -1 && errno == ENOSYS : r == 0);
  for (i = 0; i < 2; i++) {
    errno = 0;
    TIMED_OUT(clocks[i], sem_clockwait(&s, clocks[i], &ts_) == -1 ? errno : 0);
  }
  errno = 0;
  CHECK(floorcompat_sem_clockwait(&s, 3, ts_of(CLOCK_MONOTONIC, 10)) == -1 && errno == EINVAL);
  {
    struct timespec bad_ts = after(CLOCK_MONOTONIC, 1000);
    bad_ts.tv_nsec = 1000000000L;
    errno = 0;
    CHECK(floorcompat_sem_clockwait(&s, CLOCK_MONOTONIC, &bad_ts) == -1 && errno == (absent ? ENOSYS : EINVAL));
  }
  if (absent)
    while (sem_trywait(&s) == 0)
      ;
  pthread_create(&t, NULL, post_later, &s);
  errno = 0;
  r = floorcompat_sem_clockwait(&s, CLOCK_REALTIME, ts_of(CLOCK_REALTIME, LATE_MS * 5));
  CHECK(absent ? r == -1 && errno == ENOSYS : r == 0);
  pthread_join(t, NULL);
  sem_destroy(&s);
  report("sem_clockwait");
  return failed;
}
