/* threads probe: the POSIX threads API, which lived in libpthread.so.0 before glibc 2.34.
 * pthread_create/join/exit, mutexes, condition variables (timedwait on CLOCK_MONOTONIC), once,
 * keys with destructors, rwlocks, barriers, spinlocks, attributes, thread names, cancellation of a
 * thread blocked in read() (old glibc dlopens libgcc_s.so.1 for that), unnamed and named semaphores.
 * Success: exit 0, last line "threads: ok". Any failure: a message and exit 1. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int failures;

#define CHECK(cond, what)                                                           \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      fprintf(stderr, "threads: FAIL %s (line %d)\n", what, __LINE__);              \
      failures++;                                                                   \
    }                                                                               \
  } while (0)
/* pthread_* return the error number. */
#define PT(call, what) CHECK((call) == 0, what)

#define NTHREADS 4
#define NITER 10000

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *adder(void *arg)
{
  int i;
  for (i = 0; i < NITER; i++) {
    pthread_mutex_lock(&counter_lock);
    counter++;
    pthread_mutex_unlock(&counter_lock);
  }
  return arg;
}

static void *exiter(void *arg)
{
  pthread_exit((char *)arg + 1);
  return NULL;
}

static void add_ms(struct timespec *ts, long ms)
{
  ts->tv_nsec += (ms % 1000) * 1000000L;
  ts->tv_sec += ms / 1000 + ts->tv_nsec / 1000000000L;
  ts->tv_nsec %= 1000000000L;
}

/* Condition variable ping-pong. */
static pthread_mutex_t cv_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv;
static int cv_state;

static void *cv_worker(void *arg)
{
  (void)arg;
  pthread_mutex_lock(&cv_lock);
  while (cv_state != 1)
    pthread_cond_wait(&cv, &cv_lock);
  cv_state = 2;
  pthread_cond_broadcast(&cv);
  pthread_mutex_unlock(&cv_lock);
  return NULL;
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs;
static void once_fn(void) { once_runs++; }

static pthread_key_t key;
static int key_destructor_runs;
static void key_destructor(void *v)
{
  if (v && strcmp((const char *)v, "per-thread") == 0)
    __atomic_add_fetch(&key_destructor_runs, 1, __ATOMIC_SEQ_CST); /* threads exit concurrently */
}
static void *key_worker(void *arg)
{
  static char value[] = "per-thread";
  (void)arg;
  pthread_once(&once, once_fn);
  if (pthread_getspecific(key) != NULL || pthread_setspecific(key, value) != 0)
    return (void *)1;
  return pthread_getspecific(key) == value ? NULL : (void *)1;
}

static pthread_barrier_t barrier;
static int barrier_serial;
static void *barrier_worker(void *arg)
{
  int rc = pthread_barrier_wait(&barrier);
  (void)arg;
  if (rc == PTHREAD_BARRIER_SERIAL_THREAD)
    __atomic_add_fetch(&barrier_serial, 1, __ATOMIC_SEQ_CST);
  else if (rc != 0)
    return (void *)1;
  return NULL;
}

static void *name_worker(void *arg)
{
  char name[16];
  (void)arg;
  if (pthread_setname_np(pthread_self(), "fcprobe-worker") != 0)
    return (void *)1;
  if (pthread_getname_np(pthread_self(), name, sizeof name) != 0 || strcmp(name, "fcprobe-worker") != 0)
    return (void *)2;
  return NULL;
}

/* Cancellation of a thread blocked in read(). */
static int cancel_pipe[2];
static int cleanup_ran;
static void cancel_cleanup(void *arg) { *(int *)arg = 1; }
static void *cancel_worker(void *arg)
{
  char c;
  (void)arg;
  pthread_cleanup_push(cancel_cleanup, &cleanup_ran);
  for (;;)
    if (read(cancel_pipe[0], &c, 1) < 0)
      break;
  pthread_cleanup_pop(0);
  return NULL;
}

static sem_t sem;
static void *sem_poster(void *arg)
{
  (void)arg;
  usleep(20000);
  return (void *)(long)sem_post(&sem);
}

int main(void)
{
  pthread_t t[NTHREADS];
  pthread_attr_t attr;
  pthread_condattr_t cattr;
  pthread_mutexattr_t mattr;
  pthread_mutex_t m;
  pthread_rwlock_t rw;
  pthread_spinlock_t spin;
  struct timespec ts;
  size_t stacksize;
  void *res;
  int i, rc, detach, val;
  static char tag[] = "xexit";
  char name[64];
  sem_t *named;

  /* create/join, mutex */
  for (i = 0; i < NTHREADS; i++)
    PT(pthread_create(&t[i], NULL, adder, (void *)(long)i), "pthread_create adder");
  for (i = 0; i < NTHREADS; i++) {
    PT(pthread_join(t[i], &res), "pthread_join adder");
    CHECK(res == (void *)(long)i, "thread return value");
  }
  CHECK(counter == NTHREADS * NITER, "mutex-protected counter");
  printf("threads: %d threads x %d increments = %ld\n", NTHREADS, NITER, counter);
  PT(pthread_create(&t[0], NULL, exiter, tag), "pthread_create exiter");
  PT(pthread_join(t[0], &res), "pthread_join exiter");
  CHECK(res == tag + 1, "pthread_exit value");
  printf("threads: pthread_exit value %s\n", (char *)res);

  /* mutex types */
  PT(pthread_mutexattr_init(&mattr), "mutexattr_init");
  PT(pthread_mutexattr_settype(&mattr, PTHREAD_MUTEX_ERRORCHECK), "mutexattr_settype");
  PT(pthread_mutex_init(&m, &mattr), "mutex_init errorcheck");
  PT(pthread_mutex_lock(&m), "errorcheck lock");
  CHECK(pthread_mutex_lock(&m) == EDEADLK, "errorcheck relock EDEADLK");
  CHECK(pthread_mutex_trylock(&m) == EBUSY, "trylock EBUSY");
  PT(pthread_mutex_unlock(&m), "errorcheck unlock");
  CHECK(pthread_mutex_unlock(&m) == EPERM, "errorcheck unlock unowned EPERM");
  PT(pthread_mutex_destroy(&m), "mutex_destroy");
  PT(pthread_mutexattr_settype(&mattr, PTHREAD_MUTEX_RECURSIVE), "mutexattr_settype recursive");
  PT(pthread_mutex_init(&m, &mattr), "mutex_init recursive");
  PT(pthread_mutex_lock(&m), "recursive lock 1");
  PT(pthread_mutex_lock(&m), "recursive lock 2");
  PT(pthread_mutex_unlock(&m), "recursive unlock 1");
  PT(pthread_mutex_unlock(&m), "recursive unlock 2");
  PT(pthread_mutex_destroy(&m), "mutex_destroy recursive");
  PT(pthread_mutexattr_destroy(&mattr), "mutexattr_destroy");
  PT(pthread_mutex_init(&m, NULL), "mutex_init");
  PT(pthread_mutex_lock(&m), "lock for timedlock");
  clock_gettime(CLOCK_REALTIME, &ts);
  add_ms(&ts, 20);
  rc = pthread_mutex_timedlock(&m, &ts);
  CHECK(rc == ETIMEDOUT, "mutex_timedlock on a held lock times out");
  PT(pthread_mutex_unlock(&m), "unlock after timedlock");
  printf("threads: mutex errorcheck/recursive/timedlock behave\n");

  /* condition variables on CLOCK_MONOTONIC */
  PT(pthread_condattr_init(&cattr), "condattr_init");
  PT(pthread_condattr_setclock(&cattr, CLOCK_MONOTONIC), "condattr_setclock");
  PT(pthread_cond_init(&cv, &cattr), "cond_init");
  PT(pthread_create(&t[0], NULL, cv_worker, NULL), "pthread_create cv_worker");
  pthread_mutex_lock(&cv_lock);
  cv_state = 1;
  pthread_cond_signal(&cv);
  rc = 0;
  while (cv_state != 2 && rc == 0) {
    clock_gettime(CLOCK_MONOTONIC, &ts);
    add_ms(&ts, 10000);
    rc = pthread_cond_timedwait(&cv, &cv_lock, &ts);
  }
  CHECK(rc == 0 && cv_state == 2, "cond ping-pong");
  clock_gettime(CLOCK_MONOTONIC, &ts);
  add_ms(&ts, 30);
  rc = pthread_cond_timedwait(&cv, &cv_lock, &ts);
  CHECK(rc == ETIMEDOUT, "cond_timedwait times out");
  pthread_mutex_unlock(&cv_lock);
  PT(pthread_join(t[0], NULL), "join cv_worker");
  PT(pthread_cond_destroy(&cv), "cond_destroy");
  PT(pthread_condattr_destroy(&cattr), "condattr_destroy");
  printf("threads: cond signal/broadcast/timedwait(CLOCK_MONOTONIC) %s\n", rc == ETIMEDOUT ? "ETIMEDOUT" : "?");

  /* once and keys */
  PT(pthread_key_create(&key, key_destructor), "key_create");
  for (i = 0; i < 3; i++)
    PT(pthread_create(&t[i], NULL, key_worker, NULL), "pthread_create key_worker");
  for (i = 0; i < 3; i++) {
    PT(pthread_join(t[i], &res), "join key_worker");
    CHECK(res == NULL, "key_worker result");
  }
  CHECK(once_runs == 1, "pthread_once ran once");
  CHECK(key_destructor_runs == 3, "key destructors ran");
  CHECK(pthread_getspecific(key) == NULL, "main's key value");
  PT(pthread_key_delete(key), "key_delete");
  printf("threads: once ran %d time(s), key destructors ran %d time(s)\n", once_runs, key_destructor_runs);

  /* rwlock */
  PT(pthread_rwlock_init(&rw, NULL), "rwlock_init");
  PT(pthread_rwlock_rdlock(&rw), "rdlock 1");
  PT(pthread_rwlock_tryrdlock(&rw), "tryrdlock 2");
  CHECK(pthread_rwlock_trywrlock(&rw) == EBUSY, "trywrlock EBUSY while read-locked");
  PT(pthread_rwlock_unlock(&rw), "rw unlock 1");
  PT(pthread_rwlock_unlock(&rw), "rw unlock 2");
  PT(pthread_rwlock_wrlock(&rw), "wrlock");
  CHECK(pthread_rwlock_tryrdlock(&rw) == EBUSY, "tryrdlock EBUSY while write-locked");
  PT(pthread_rwlock_unlock(&rw), "rw unlock w");
  PT(pthread_rwlock_destroy(&rw), "rwlock_destroy");
  printf("threads: rwlock shared/exclusive behave\n");

  /* barrier */
  PT(pthread_barrier_init(&barrier, NULL, NTHREADS + 1), "barrier_init");
  for (i = 0; i < NTHREADS; i++)
    PT(pthread_create(&t[i], NULL, barrier_worker, NULL), "pthread_create barrier_worker");
  rc = pthread_barrier_wait(&barrier);
  if (rc == PTHREAD_BARRIER_SERIAL_THREAD)
    __atomic_add_fetch(&barrier_serial, 1, __ATOMIC_SEQ_CST);
  for (i = 0; i < NTHREADS; i++) {
    PT(pthread_join(t[i], &res), "join barrier_worker");
    CHECK(res == NULL, "barrier_wait result");
  }
  CHECK(barrier_serial == 1, "exactly one PTHREAD_BARRIER_SERIAL_THREAD");
  PT(pthread_barrier_destroy(&barrier), "barrier_destroy");
  printf("threads: barrier of %d, serial threads %d\n", NTHREADS + 1, barrier_serial);

  /* spinlock */
  PT(pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE), "spin_init");
  PT(pthread_spin_lock(&spin), "spin_lock");
  CHECK(pthread_spin_trylock(&spin) == EBUSY, "spin_trylock EBUSY");
  PT(pthread_spin_unlock(&spin), "spin_unlock");
  PT(pthread_spin_trylock(&spin), "spin_trylock");
  PT(pthread_spin_unlock(&spin), "spin_unlock 2");
  PT(pthread_spin_destroy(&spin), "spin_destroy");
  printf("threads: spinlock behaves\n");

  /* attributes */
  PT(pthread_attr_init(&attr), "attr_init");
  PT(pthread_attr_setstacksize(&attr, 512 * 1024), "attr_setstacksize");
  PT(pthread_attr_getstacksize(&attr, &stacksize), "attr_getstacksize");
  CHECK(stacksize == 512 * 1024, "stack size read back");
  PT(pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_JOINABLE), "attr_setdetachstate");
  PT(pthread_attr_getdetachstate(&attr, &detach), "attr_getdetachstate");
  CHECK(detach == PTHREAD_CREATE_JOINABLE, "detach state read back");
  PT(pthread_create(&t[0], &attr, name_worker, NULL), "pthread_create with attr");
  PT(pthread_join(t[0], &res), "join name_worker");
  CHECK(res == NULL, "pthread_setname_np/getname_np in the thread");
  PT(pthread_attr_destroy(&attr), "attr_destroy");
  PT(pthread_getattr_np(pthread_self(), &attr), "pthread_getattr_np");
  PT(pthread_attr_getdetachstate(&attr, &detach), "getdetachstate of main");
  CHECK(detach == PTHREAD_CREATE_JOINABLE, "main is joinable");
  PT(pthread_attr_destroy(&attr), "attr_destroy 2");
  PT(pthread_setname_np(pthread_self(), "fcprobe-main"), "setname main");
  PT(pthread_getname_np(pthread_self(), name, sizeof name), "getname main");
  CHECK(strcmp(name, "fcprobe-main") == 0, "main's name");
  CHECK(pthread_setname_np(pthread_self(), "a-name-that-is-far-too-long") == ERANGE, "setname ERANGE");
  printf("threads: attr stacksize=%lu joinable, names \"fcprobe-worker\" \"%s\"\n", (unsigned long)stacksize, name);

  /* cancellation of a thread blocked in a cancellation point */
  CHECK(pipe(cancel_pipe) == 0, "pipe");
  PT(pthread_create(&t[0], NULL, cancel_worker, NULL), "pthread_create cancel_worker");
  usleep(20000);
  PT(pthread_cancel(t[0]), "pthread_cancel");
  PT(pthread_join(t[0], &res), "join cancelled");
  CHECK(res == PTHREAD_CANCELED, "PTHREAD_CANCELED");
  CHECK(cleanup_ran == 1, "cleanup handler ran");
  close(cancel_pipe[0]);
  close(cancel_pipe[1]);
  printf("threads: cancel in read(): %s, cleanup handler %s\n", res == PTHREAD_CANCELED ? "PTHREAD_CANCELED" : "?",
         cleanup_ran ? "ran" : "did not run");

  /* unnamed semaphores */
  CHECK(sem_init(&sem, 0, 1) == 0, "sem_init");
  CHECK(sem_wait(&sem) == 0, "sem_wait");
  CHECK(sem_trywait(&sem) == -1 && errno == EAGAIN, "sem_trywait EAGAIN");
  clock_gettime(CLOCK_REALTIME, &ts);
  add_ms(&ts, 30);
  CHECK(sem_timedwait(&sem, &ts) == -1 && errno == ETIMEDOUT, "sem_timedwait ETIMEDOUT");
  PT(pthread_create(&t[0], NULL, sem_poster, NULL), "pthread_create sem_poster");
  clock_gettime(CLOCK_REALTIME, &ts);
  add_ms(&ts, 10000);
  CHECK(sem_timedwait(&sem, &ts) == 0, "sem_timedwait gets the post");
  PT(pthread_join(t[0], &res), "join sem_poster");
  CHECK(res == NULL, "sem_post");
  CHECK(sem_post(&sem) == 0 && sem_getvalue(&sem, &val) == 0 && val == 1, "sem_getvalue");
  CHECK(sem_destroy(&sem) == 0, "sem_destroy");
  printf("threads: sem_init/wait/trywait/timedwait/post/getvalue behave\n");

  /* named semaphores (/dev/shm) */
  snprintf(name, sizeof name, "/fcprobe-threads-%ld", (long)getpid());
  named = sem_open(name, O_CREAT | O_EXCL, 0600, 2);
  CHECK(named != SEM_FAILED, "sem_open O_CREAT");
  if (named != SEM_FAILED) {
    sem_t *again = sem_open(name, 0);
    CHECK(again != SEM_FAILED, "sem_open existing");
    CHECK(sem_wait(named) == 0, "sem_wait named");
    if (again != SEM_FAILED) {
      CHECK(sem_getvalue(again, &val) == 0 && val == 1, "named value seen through the second handle");
      CHECK(sem_close(again) == 0, "sem_close 2");
    }
    CHECK(sem_close(named) == 0, "sem_close");
    CHECK(sem_unlink(name) == 0, "sem_unlink");
    errno = 0;
    CHECK(sem_open(name, 0) == SEM_FAILED && errno == ENOENT, "sem_open after unlink ENOENT");
  }
  printf("threads: sem_open/sem_close/sem_unlink behave\n");

  if (failures) {
    fprintf(stderr, "threads: %d failure(s)\n", failures);
    return 1;
  }
  printf("threads: ok\n");
  return 0;
}
