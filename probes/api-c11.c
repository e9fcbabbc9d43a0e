/* api-c11.c: C11 threads (<threads.h>) at floor 2.17: threads with results through return and
 * thrd_exit, join and detach, thread identity, sleep and yield, plain/recursive/timed mutexes,
 * condition variables with broadcast and timeout, thread-specific storage with destructors, and
 * call_once. One line per check, then one line per API with the path that served it.
 * With the argument "absent": only what a program sees without any threads library to call. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <threads.h>
#include <time.h>

static int fails;
static void check(const char *what, int good)
{
  printf("%s: %s\n", what, good ? "ok" : "BAD");
  fails += !good;
}

static mtx_t m, rm;
static cnd_t c;
static tss_t key;
static once_flag once = ONCE_FLAG_INIT;
static int counter, ready, arrived, once_runs, dtor_runs;
/* <threads.h> defines thrd_equal inline when optimising: the address takes the function */
static int (*volatile equal)(thrd_t, thrd_t) = thrd_equal;

static void once_fn(void) { once_runs++; }
static void dtor(void *p) { (void)p; __atomic_fetch_add(&dtor_runs, 1, __ATOMIC_SEQ_CST); }

static int worker(void *arg)
{
  int n = (int)(long)arg, i;
  call_once(&once, once_fn);
  tss_set(key, &counter);
  for (i = 0; i < 1000; i++) {
    mtx_lock(&rm);
    mtx_lock(&rm); /* recursive */
    counter++;
    mtx_unlock(&rm);
    mtx_unlock(&rm);
  }
  mtx_lock(&m);
  arrived++;
  cnd_broadcast(&c);
  while (!ready)
    cnd_wait(&c, &m);
  mtx_unlock(&m);
  if (n == 2)
    thrd_exit(-7);
  return n * 10;
}

static int sleeper(void *arg) { (void)arg; return 0; }

static int holder(void *arg)
{
  (void)arg;
  return mtx_trylock(&m) == thrd_busy ? 1 : 0;
}

int main(int argc, char **argv)
{
  static const char *const apis[] = { "thrd_create", "thrd_join", "thrd_exit", "thrd_detach", "thrd_current",
    "thrd_equal", "thrd_sleep", "thrd_yield", "mtx_init", "mtx_lock", "mtx_timedlock", "mtx_trylock", "mtx_unlock",
    "mtx_destroy", "cnd_init", "cnd_signal", "cnd_broadcast", "cnd_wait", "cnd_timedwait", "cnd_destroy",
    "tss_create", "tss_get", "tss_set", "tss_delete", "call_once" };
  thrd_t t[3], d, h;
  int res[3], i, r, busy = -1, saved;
  struct timespec ts, rem;
  if (argc > 1 && strcmp(argv[1], "absent") == 0) {
    r = thrd_create(&d, sleeper, NULL);
    printf("thrd_create: %d path=%s\n", r, floorcompat_path("thrd_create"));
    return 0;
  }
  check("mtx_init plain and recursive", mtx_init(&m, mtx_plain) == thrd_success &&
        mtx_init(&rm, mtx_plain | mtx_recursive) == thrd_success);
  check("cnd_init, tss_create", cnd_init(&c) == thrd_success && tss_create(&key, dtor) == thrd_success);
  check("tss_get of a fresh key is NULL", tss_get(key) == NULL);
  /* the workers take m only once main waits: main's cnd_wait is always called */
  mtx_lock(&m);
  for (i = 0; i < 3; i++)
    if (thrd_create(&t[i], worker, (void *)(long)(i + 1)) != thrd_success)
      fails++;
  thrd_yield();
  while (arrived < 3)
    cnd_wait(&c, &m);
  ready = 1;
  cnd_broadcast(&c);
  cnd_signal(&c);
  mtx_unlock(&m);
  for (i = 0; i < 3; i++)
    if (thrd_join(t[i], &res[i]) != thrd_success)
      fails++;
  check("results: returned 10 and 30, thrd_exit(-7)", res[0] == 10 && res[1] == -7 && res[2] == 30);
  check("recursive mutex counted 3000", counter == 3000);
  check("call_once ran once", once_runs == 1);
  check("tss destructors ran for the 3 threads", dtor_runs == 3);
  check("thrd_current/thrd_equal", equal(thrd_current(), thrd_current()) && !equal(thrd_current(), t[0]));
  mtx_lock(&m);
  if (thrd_create(&h, holder, NULL) == thrd_success)
    thrd_join(h, &busy);
  check("mtx_trylock of a held mutex: thrd_busy", busy == 1);
  timespec_get(&ts, TIME_UTC);
  ts.tv_nsec += 20000000;
  if (ts.tv_nsec >= 1000000000) {
    ts.tv_sec++;
    ts.tv_nsec -= 1000000000;
  }
  check("cnd_timedwait: thrd_timedout", cnd_timedwait(&c, &m, &ts) == thrd_timedout);
  mtx_unlock(&m);
  check("mtx_timedlock of a free mutex", mtx_timedlock(&m, &ts) == thrd_success && mtx_unlock(&m) == thrd_success);
  ts.tv_sec = 0;
  ts.tv_nsec = 1000000;
  saved = errno = 1234;
  r = thrd_sleep(&ts, &rem);
  check("thrd_sleep 1 ms: 0, errno kept", r == 0 && errno == saved);
  ts.tv_nsec = 2000000000L;
  check("thrd_sleep with an invalid duration: a negative value other than -1", thrd_sleep(&ts, NULL) < -1);
  check("thrd_detach", thrd_create(&d, sleeper, NULL) == thrd_success && thrd_detach(d) == thrd_success);
  tss_delete(key);
  cnd_destroy(&c);
  mtx_destroy(&m);
  mtx_destroy(&rm);
  for (i = 0; i < (int)(sizeof apis / sizeof apis[0]); i++)
    printf("%s: path=%s\n", apis[i], floorcompat_path(apis[i]));
  return fails != 0;
}
