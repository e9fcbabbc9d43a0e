/* thread-mark.so - an LD_PRELOAD interposer of thrd_create, pthread_create and pthread_cond_clockwait,
 * as a sanitizer's interceptors are (unversioned definitions in an object loaded before libc): each
 * says on stderr that it was called, then calls the next definition (dlsym RTLD_NEXT). It shows that
 * the shims' run-time lookups bind as ld.so binds an ordinary reference: the interposer comes first.
 * Build: cc -shared -fPIC -o thread-mark.so thread-mark.c -ldl (a host helper, not floor-limited). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <string.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>

/* The next definition of NAME (a function: dlsym's object pointer copied, as ISO C wants). */
#define NEXT(fp, name) do { void *p_ = dlsym(RTLD_NEXT, name); memcpy(&(fp), &p_, sizeof (fp)); } while (0)

static void mark(const char *name)
{
  (void)!write(2, "thread-mark: ", 13);
  (void)!write(2, name, strlen(name));
  (void)!write(2, "\n", 1);
}

int thrd_create(thrd_t *t, thrd_start_t fn, void *arg)
{
  int (*next)(thrd_t *, thrd_start_t, void *);
  NEXT(next, "thrd_create");
  mark("thrd_create");
  return next ? next(t, fn, arg) : thrd_error;
}

int pthread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *), void *arg)
{
  int (*next)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
  NEXT(next, "pthread_create");
  mark("pthread_create");
  return next ? next(t, a, fn, arg) : 11; /* EAGAIN */
}

int pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m, clockid_t clk, const struct timespec *ts)
{
  int (*next)(pthread_cond_t *, pthread_mutex_t *, clockid_t, const struct timespec *);
  NEXT(next, "pthread_cond_clockwait");
  mark("pthread_cond_clockwait");
  return next ? next(c, m, clk, ts) : 22; /* EINVAL */
}
