/* impl/threads.h - C11 threads (<threads.h>, glibc 2.28) below floor 2.28: thrd_create, thrd_join,
 * thrd_exit, thrd_detach, thrd_current, thrd_equal, thrd_sleep, thrd_yield, mtx_init, mtx_lock,
 * mtx_timedlock, mtx_trylock, mtx_unlock, mtx_destroy, cnd_init, cnd_signal, cnd_broadcast,
 * cnd_wait, cnd_timedwait, cnd_destroy, tss_create, tss_get, tss_set, tss_delete, call_once.
 *
 * Each: glibc's own (@GLIBC_2.28) when the running glibc has it, looked up in libc.so.6, then
 * libpthread.so.0 (their home from 2.28 to 2.33, but for thrd_current, thrd_equal, thrd_sleep and
 * thrd_yield). Otherwise glibc's own definitions over POSIX threads, which is all they are in glibc:
 * thrd_t is pthread_t, mtx_t and cnd_t have pthread_mutex_t's and pthread_cond_t's size and layout,
 * tss_t is pthread_key_t, once_flag is pthread_once_t; errors map as glibc's thrd_err_map (0
 * thrd_success, EBUSY thrd_busy, ENOMEM thrd_nomem, ETIMEDOUT thrd_timedout, else thrd_error).
 * The pthread functions are looked up at run time by their default version too, as in
 * impl/pthread.h: a link-time reference to one whose home was libpthread.so.0 would make every
 * program with this TU need libpthread.so.0. So a program that uses C11 threads links the floor's
 * -lpthread (--no-as-needed), as every threaded program at such a floor does; without
 * libpthread.so.0 on a glibc < 2.34 the libpthread-only functions answer thrd_error (tss_get NULL).
 * Fallback differences: thrd_create starts the function through a small wrapper (malloc-ed; the
 * function's int result travels as the thread's void * result, which thrd_join and a thrd_exit of
 * the same path agree on); thrd_sleep uses nanosleep (0, -1
 * on a signal, -2 otherwise, errno kept); thrd_exit without any pthread_exit calls exit(0), as
 * glibc's libc forwarder did for a program without libpthread. */
#ifndef FLOORCOMPAT_IMPL_THREADS_H
#define FLOORCOMPAT_IMPL_THREADS_H 1
#if !FLOORCOMPAT_HAVE_THRD_CREATE
#include <pthread.h>
#include <time.h>
#ifdef __cplusplus
extern "C" {
#endif
enum { FLOORCOMPAT__THRD_SUCCESS, FLOORCOMPAT__THRD_BUSY, FLOORCOMPAT__THRD_ERROR, FLOORCOMPAT__THRD_NOMEM,
       FLOORCOMPAT__THRD_TIMEDOUT };

static int floorcompat__thrd_err(int e)
{
  return e == 0 ? FLOORCOMPAT__THRD_SUCCESS : e == EBUSY ? FLOORCOMPAT__THRD_BUSY
       : e == ENOMEM ? FLOORCOMPAT__THRD_NOMEM : e == ETIMEDOUT ? FLOORCOMPAT__THRD_TIMEDOUT : FLOORCOMPAT__THRD_ERROR;
}

/* Per function: the real one's slot and its pthread counterpart's slot. */
enum {
  FLOORCOMPAT__C11_thrd_create, FLOORCOMPAT__C11_thrd_join, FLOORCOMPAT__C11_thrd_exit, FLOORCOMPAT__C11_thrd_detach,
  FLOORCOMPAT__C11_thrd_current, FLOORCOMPAT__C11_thrd_equal, FLOORCOMPAT__C11_thrd_sleep, FLOORCOMPAT__C11_thrd_yield,
  FLOORCOMPAT__C11_mtx_init, FLOORCOMPAT__C11_mtx_lock, FLOORCOMPAT__C11_mtx_timedlock, FLOORCOMPAT__C11_mtx_trylock,
  FLOORCOMPAT__C11_mtx_unlock, FLOORCOMPAT__C11_mtx_destroy, FLOORCOMPAT__C11_cnd_init, FLOORCOMPAT__C11_cnd_signal,
  FLOORCOMPAT__C11_cnd_broadcast, FLOORCOMPAT__C11_cnd_wait, FLOORCOMPAT__C11_cnd_timedwait, FLOORCOMPAT__C11_cnd_destroy,
  FLOORCOMPAT__C11_tss_create, FLOORCOMPAT__C11_tss_get, FLOORCOMPAT__C11_tss_set, FLOORCOMPAT__C11_tss_delete,
  FLOORCOMPAT__C11_call_once, FLOORCOMPAT__C11_COUNT
};
static void *floorcompat__c11_real[FLOORCOMPAT__C11_COUNT], *floorcompat__c11_pt[FLOORCOMPAT__C11_COUNT];

/* The real NAME@GLIBC_2.28 (recording path "resolved"), else NULL (path "fallback"). */
#define FLOORCOMPAT__C11_REAL(name) \
  floorcompat__c11_lookup(&floorcompat__c11_real[FLOORCOMPAT__C11_##name], #name, FLOORCOMPAT__API_##name)
static void *floorcompat__c11_lookup(void **slot, const char *name, int api)
{
  void *p = floorcompat__resolve_pt(slot, name, "GLIBC_2.28");
  __atomic_store_n(&floorcompat__paths[api], (unsigned char)(p ? FLOORCOMPAT__P_RESOLVED : FLOORCOMPAT__P_FALLBACK),
                   __ATOMIC_RELAXED);
  return p;
}
#define FLOORCOMPAT__C11_PT(name, ptname) \
  floorcompat__resolve_pt(&floorcompat__c11_pt[FLOORCOMPAT__C11_##name], ptname, (const char *)0)

/* Call the real one as TYPE with ARGS if found; else set FP (of TYPE) to the pthread PTNAME. */
#define FLOORCOMPAT__C11_BODY(name, type, args, ptname)  \
  __typeof__(type) floorcompat__fn;                      \
  void *floorcompat__p = FLOORCOMPAT__C11_REAL(name);    \
  if (floorcompat__p) {                                  \
    FLOORCOMPAT__FN(floorcompat__fn, floorcompat__p);    \
    return floorcompat__fn args;                         \
  }                                                      \
  floorcompat__p = FLOORCOMPAT__C11_PT(name, ptname);    \
  FLOORCOMPAT__FN(floorcompat__fn, floorcompat__p);

/* The same for a function returning void. */
#define FLOORCOMPAT__C11_VBODY(name, type, args, ptname) \
  __typeof__(type) floorcompat__fn;                      \
  void *floorcompat__p = FLOORCOMPAT__C11_REAL(name);    \
  if (floorcompat__p) {                                  \
    FLOORCOMPAT__FN(floorcompat__fn, floorcompat__p);    \
    floorcompat__fn args;                                \
    return;                                              \
  }                                                      \
  floorcompat__p = FLOORCOMPAT__C11_PT(name, ptname);    \
  FLOORCOMPAT__FN(floorcompat__fn, floorcompat__p);

struct floorcompat__thrd_start {
  int (*fn)(void *);
  void *arg;
};
static void *floorcompat__thrd_trampoline(void *p)
{
  struct floorcompat__thrd_start s = *(struct floorcompat__thrd_start *)p;
  floorcompat__free(p);
  return (void *)(__INTPTR_TYPE__)s.fn(s.arg);
}

FLOORCOMPAT__SHIM int floorcompat_thrd_create(unsigned long *thr, int (*func)(void *), void *arg)
{
  struct floorcompat__thrd_start *s;
  int e;
  FLOORCOMPAT__C11_BODY(thrd_create, int (*)(unsigned long *, int (*)(void *), void *), (thr, func, arg), "pthread_create")
  {
    int (*create)(unsigned long *, const void *, void *(*)(void *), void *);
    FLOORCOMPAT__FN(create, floorcompat__p);
    if (!floorcompat__p)
      return FLOORCOMPAT__THRD_ERROR;
    if (!(s = (struct floorcompat__thrd_start *)floorcompat__malloc(sizeof *s)))
      return FLOORCOMPAT__THRD_NOMEM;
    s->fn = func;
    s->arg = arg;
    if ((e = create(thr, (const void *)0, floorcompat__thrd_trampoline, s)) != 0)
      floorcompat__free(s);
    (void)floorcompat__fn;
    return floorcompat__thrd_err(e);
  }
}
FLOORCOMPAT__SHIM_AS(floorcompat_thrd_create, thrd_create)

FLOORCOMPAT__SHIM int floorcompat_thrd_join(unsigned long thr, int *res)
{
  void *r = 0;
  int e;
  FLOORCOMPAT__C11_BODY(thrd_join, int (*)(unsigned long, int *), (thr, res), "pthread_join")
  {
    int (*join)(unsigned long, void **);
    FLOORCOMPAT__FN(join, floorcompat__p);
    (void)floorcompat__fn;
    if (!floorcompat__p)
      return FLOORCOMPAT__THRD_ERROR;
    if ((e = join(thr, &r)) != 0)
      return FLOORCOMPAT__THRD_ERROR;
    if (res)
      *res = (int)(__INTPTR_TYPE__)r;
    return FLOORCOMPAT__THRD_SUCCESS;
  }
}
FLOORCOMPAT__SHIM_AS(floorcompat_thrd_join, thrd_join)

__attribute__((visibility("hidden"), noreturn)) void floorcompat_thrd_exit(int res)
{
  void (*ex)(void *);
  void *p = FLOORCOMPAT__C11_REAL(thrd_exit);
  if (p) {
    void (*real)(int);
    FLOORCOMPAT__FN(real, p);
    real(res);
  } else if ((p = FLOORCOMPAT__C11_PT(thrd_exit, "pthread_exit")) != 0) {
    FLOORCOMPAT__FN(ex, p);
    ex((void *)(__INTPTR_TYPE__)res);
  }
  floorcompat__exit(0);
}
extern __typeof__(floorcompat_thrd_exit) floorcompat_thrd_exit__as_thrd_exit __asm__("thrd_exit")
  __attribute__((alias("floorcompat_thrd_exit"), visibility("hidden"), noreturn));

FLOORCOMPAT__SHIM int floorcompat_thrd_detach(unsigned long thr)
{
  FLOORCOMPAT__C11_BODY(thrd_detach, int (*)(unsigned long), (thr), "pthread_detach")
  return floorcompat__p ? floorcompat__thrd_err(floorcompat__fn(thr)) : FLOORCOMPAT__THRD_ERROR;
}
FLOORCOMPAT__SHIM_AS(floorcompat_thrd_detach, thrd_detach)

FLOORCOMPAT__SHIM unsigned long floorcompat_thrd_current(void)
{
  FLOORCOMPAT__C11_BODY(thrd_current, unsigned long (*)(void), (), "pthread_self")
  return floorcompat__fn();
}
FLOORCOMPAT__SHIM_AS(floorcompat_thrd_current, thrd_current)

FLOORCOMPAT__SHIM int floorcompat_thrd_equal(unsigned long a, unsigned long b)
{
  void *p = FLOORCOMPAT__C11_REAL(thrd_equal);
  if (p) {
    int (*real)(unsigned long, unsigned long);
    FLOORCOMPAT__FN(real, p);
    return real(a, b);
  }
  return a == b;
}
FLOORCOMPAT__SHIM_AS(floorcompat_thrd_equal, thrd_equal)

__attribute__((visibility("hidden"))) int floorcompat_thrd_sleep(const struct timespec *d, struct timespec *rem)
{
  int saved = errno, r;
  void *p = FLOORCOMPAT__C11_REAL(thrd_sleep);
  if (p) {
    int (*real)(const struct timespec *, struct timespec *);
    FLOORCOMPAT__FN(real, p);
    return real(d, rem);
  }
  r = floorcompat__sys_nanosleep(d, rem) == 0 ? 0 : errno == EINTR ? -1 : -2;
  errno = saved;
  return r;
}
FLOORCOMPAT__DEFINE_AS(floorcompat_thrd_sleep, thrd_sleep)

FLOORCOMPAT__SHIM void floorcompat_thrd_yield(void)
{
  void *p = FLOORCOMPAT__C11_REAL(thrd_yield);
  if (p) {
    void (*real)(void);
    FLOORCOMPAT__FN(real, p);
    real();
    return;
  }
  floorcompat__sys_sched_yield();
}
FLOORCOMPAT__SHIM_AS(floorcompat_thrd_yield, thrd_yield)

/* glibc's own: a mutex attribute of type recursive (mtx_recursive) or normal. */
static void *floorcompat__c11_attr[3];
FLOORCOMPAT__SHIM int floorcompat_mtx_init(void *m, int type)
{
  pthread_mutexattr_t a;
  int (*ainit)(pthread_mutexattr_t *), (*settype)(pthread_mutexattr_t *, int), (*adestroy)(pthread_mutexattr_t *);
  int (*minit)(void *, const pthread_mutexattr_t *);
  void *q[3];
  int e;
  FLOORCOMPAT__C11_BODY(mtx_init, int (*)(void *, int), (m, type), "pthread_mutex_init")
  FLOORCOMPAT__FN(minit, floorcompat__p);
  q[0] = floorcompat__resolve_pt(&floorcompat__c11_attr[0], "pthread_mutexattr_init", (const char *)0);
  q[1] = floorcompat__resolve_pt(&floorcompat__c11_attr[1], "pthread_mutexattr_settype", (const char *)0);
  q[2] = floorcompat__resolve_pt(&floorcompat__c11_attr[2], "pthread_mutexattr_destroy", (const char *)0);
  if (!floorcompat__p || !q[0] || !q[1] || !q[2])
    return FLOORCOMPAT__THRD_ERROR;
  FLOORCOMPAT__FN(ainit, q[0]);
  FLOORCOMPAT__FN(settype, q[1]);
  FLOORCOMPAT__FN(adestroy, q[2]);
  ainit(&a);
  settype(&a, (type & 1 /* mtx_recursive */) ? PTHREAD_MUTEX_RECURSIVE_NP : PTHREAD_MUTEX_TIMED_NP);
  e = minit(m, &a);
  adestroy(&a);
  return floorcompat__thrd_err(e);
}
FLOORCOMPAT__SHIM_AS(floorcompat_mtx_init, mtx_init)

/* One-argument functions over a pthread counterpart of the same argument and an error number result. */
#define FLOORCOMPAT__C11_SIMPLE(name, ptname)                                                      \
  FLOORCOMPAT__SHIM int floorcompat_##name(void *o)                                               \
  {                                                                                               \
    FLOORCOMPAT__C11_BODY(name, int (*)(void *), (o), ptname)                                     \
    return floorcompat__p ? floorcompat__thrd_err(floorcompat__fn(o)) : FLOORCOMPAT__THRD_ERROR; \
  }                                                                                               \
  FLOORCOMPAT__SHIM_AS(floorcompat_##name, name)
FLOORCOMPAT__C11_SIMPLE(mtx_lock, "pthread_mutex_lock")
FLOORCOMPAT__C11_SIMPLE(mtx_trylock, "pthread_mutex_trylock")
FLOORCOMPAT__C11_SIMPLE(mtx_unlock, "pthread_mutex_unlock")
FLOORCOMPAT__C11_SIMPLE(cnd_signal, "pthread_cond_signal")
FLOORCOMPAT__C11_SIMPLE(cnd_broadcast, "pthread_cond_broadcast")

FLOORCOMPAT__SHIM void floorcompat_mtx_destroy(void *m)
{
  FLOORCOMPAT__C11_VBODY(mtx_destroy, void (*)(void *), (m), "pthread_mutex_destroy")
  {
    int (*d)(void *);
    FLOORCOMPAT__FN(d, floorcompat__p);
    (void)floorcompat__fn;
    if (floorcompat__p)
      d(m);
  }
}
FLOORCOMPAT__SHIM_AS(floorcompat_mtx_destroy, mtx_destroy)

FLOORCOMPAT__SHIM void floorcompat_cnd_destroy(void *c)
{
  FLOORCOMPAT__C11_VBODY(cnd_destroy, void (*)(void *), (c), "pthread_cond_destroy")
  {
    int (*d)(void *);
    FLOORCOMPAT__FN(d, floorcompat__p);
    (void)floorcompat__fn;
    if (floorcompat__p)
      d(c);
  }
}
FLOORCOMPAT__SHIM_AS(floorcompat_cnd_destroy, cnd_destroy)

FLOORCOMPAT__SHIM int floorcompat_mtx_timedlock(void *m, const struct timespec *t)
{
  FLOORCOMPAT__C11_BODY(mtx_timedlock, int (*)(void *, const struct timespec *), (m, t), "pthread_mutex_timedlock")
  return floorcompat__p ? floorcompat__thrd_err(floorcompat__fn(m, t)) : FLOORCOMPAT__THRD_ERROR;
}
FLOORCOMPAT__SHIM_AS(floorcompat_mtx_timedlock, mtx_timedlock)

FLOORCOMPAT__SHIM int floorcompat_cnd_init(void *c)
{
  FLOORCOMPAT__C11_BODY(cnd_init, int (*)(void *), (c), "pthread_cond_init")
  {
    int (*init)(void *, const void *);
    FLOORCOMPAT__FN(init, floorcompat__p);
    (void)floorcompat__fn;
    return floorcompat__p ? floorcompat__thrd_err(init(c, (const void *)0)) : FLOORCOMPAT__THRD_ERROR;
  }
}
FLOORCOMPAT__SHIM_AS(floorcompat_cnd_init, cnd_init)

/* cnd_wait and cnd_timedwait are cancellation points: not nothrow. */
__attribute__((visibility("hidden"))) int floorcompat_cnd_wait(void *c, void *m)
{
  FLOORCOMPAT__C11_BODY(cnd_wait, int (*)(void *, void *), (c, m), "pthread_cond_wait")
  return floorcompat__p ? floorcompat__thrd_err(floorcompat__fn(c, m)) : FLOORCOMPAT__THRD_ERROR;
}
FLOORCOMPAT__DEFINE_AS(floorcompat_cnd_wait, cnd_wait)

__attribute__((visibility("hidden"))) int floorcompat_cnd_timedwait(void *c, void *m, const struct timespec *t)
{
  FLOORCOMPAT__C11_BODY(cnd_timedwait, int (*)(void *, void *, const struct timespec *), (c, m, t), "pthread_cond_timedwait")
  return floorcompat__p ? floorcompat__thrd_err(floorcompat__fn(c, m, t)) : FLOORCOMPAT__THRD_ERROR;
}
FLOORCOMPAT__DEFINE_AS(floorcompat_cnd_timedwait, cnd_timedwait)

FLOORCOMPAT__SHIM int floorcompat_tss_create(unsigned int *key, void (*dtor)(void *))
{
  FLOORCOMPAT__C11_BODY(tss_create, int (*)(unsigned int *, void (*)(void *)), (key, dtor), "pthread_key_create")
  return floorcompat__p ? floorcompat__thrd_err(floorcompat__fn(key, dtor)) : FLOORCOMPAT__THRD_ERROR;
}
FLOORCOMPAT__SHIM_AS(floorcompat_tss_create, tss_create)

FLOORCOMPAT__SHIM void *floorcompat_tss_get(unsigned int key)
{
  FLOORCOMPAT__C11_BODY(tss_get, void *(*)(unsigned int), (key), "pthread_getspecific")
  return floorcompat__p ? floorcompat__fn(key) : (void *)0;
}
FLOORCOMPAT__SHIM_AS(floorcompat_tss_get, tss_get)

FLOORCOMPAT__SHIM int floorcompat_tss_set(unsigned int key, void *v)
{
  FLOORCOMPAT__C11_BODY(tss_set, int (*)(unsigned int, void *), (key, v), "pthread_setspecific")
  return floorcompat__p ? floorcompat__thrd_err(floorcompat__fn(key, v)) : FLOORCOMPAT__THRD_ERROR;
}
FLOORCOMPAT__SHIM_AS(floorcompat_tss_set, tss_set)

FLOORCOMPAT__SHIM void floorcompat_tss_delete(unsigned int key)
{
  FLOORCOMPAT__C11_VBODY(tss_delete, void (*)(unsigned int), (key), "pthread_key_delete")
  {
    int (*d)(unsigned int);
    FLOORCOMPAT__FN(d, floorcompat__p);
    (void)floorcompat__fn;
    if (floorcompat__p)
      d(key);
  }
}
FLOORCOMPAT__SHIM_AS(floorcompat_tss_delete, tss_delete)

/* The once function may throw (C++) or be cancelled: not nothrow. */
__attribute__((visibility("hidden"))) void floorcompat_call_once(void *flag, void (*func)(void))
{
  FLOORCOMPAT__C11_VBODY(call_once, void (*)(void *, void (*)(void)), (flag, func), "pthread_once")
  {
    int (*once)(void *, void (*)(void));
    FLOORCOMPAT__FN(once, floorcompat__p);
    (void)floorcompat__fn;
    if (floorcompat__p)
      once(flag, func);
  }
}
FLOORCOMPAT__DEFINE_AS(floorcompat_call_once, call_once)

#ifdef __cplusplus
}
#endif
#endif /* !FLOORCOMPAT_HAVE_THRD_CREATE */
#endif
