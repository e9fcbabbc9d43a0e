/* impl/cxxabi.h - __cxa_thread_atexit_impl (2.18), what libstdc++'s __cxa_thread_atexit (<cxxabi.h>) calls
 *
 *
 * No link-time reference to a function whose pre-2.34 home is libpthread.so.0: it would make every
 * program with this TU need libpthread.so.0, threads or not (the floor audit's home check and
 * the loaders of glibc 2.17 and 2.28 insist on the home). Such functions are looked up at run time
 * by their default version in libc.so.6, then libpthread.so.0 (runtime.h, floorcompat__resolve_pt);
 *
 *
 * __cxa_thread_atexit_impl(dtor, obj, dso): what libstdc++'s __cxa_thread_atexit calls to register a
 * thread_local destructor; -static-libstdc++ puts that call into the program. glibc's own
 * (@GLIBC_2.18) when the running glibc has it: it runs the destructors before atexit handlers and
 * keeps the DSO of DSO_HANDLE loaded until they ran. Otherwise libstdc++'s own fallback: a
 * per-thread list (LIFO: reverse order of registration) in a pthread key whose destructor runs it at
 * thread exit, and an atexit handler running the exiting thread's list at exit(). Differences: the
 * DSO handle is ignored (dlclose of a library with pending thread_local destructors is not
 * prevented); at exit() the list runs at the place of the atexit registration (made at the first
 * registration), not before every atexit handler; without pthread keys (glibc < 2.34 and no
 * libpthread.so.0 loaded, so one thread) a process-wide list run at exit, which a libpthread */
#ifndef FLOORCOMPAT_IMPL_CXXABI_H
#define FLOORCOMPAT_IMPL_CXXABI_H 1
#include <pthread.h>
#ifdef __cplusplus
extern "C" {
#endif

#if !FLOORCOMPAT_HAVE___CXA_THREAD_ATEXIT_IMPL
extern void *__dso_handle __attribute__((weak, visibility("hidden"))); /* crtbegin.o's */
struct floorcompat__tls_dtor {
  void (*fn)(void *);
  void *obj;
  struct floorcompat__tls_dtor *next;
};
/* 0 unset, 1 being set up, 2 pthread key ready, 3 no pthread keys (one thread: the list below) */
static int floorcompat__tls_state;
static pthread_key_t floorcompat__tls_key;
static struct floorcompat__tls_dtor *floorcompat__tls_single;
static void *floorcompat__tls_impl, *floorcompat__tls_fns[3];
static void *(*floorcompat__tls_get)(pthread_key_t);
static int (*floorcompat__tls_set)(pthread_key_t, const void *);

/* Run a list; what a destructor registers runs next, before the rest, as glibc orders it. */
static void floorcompat__tls_run_list(void *p)
{
  struct floorcompat__tls_dtor *e = (struct floorcompat__tls_dtor *)p;
  while (e) {
    struct floorcompat__tls_dtor *next = e->next, *added;
    e->fn(e->obj);
    floorcompat__free(e);
    if (__atomic_load_n(&floorcompat__tls_state, __ATOMIC_ACQUIRE) == 2) {
      added = (struct floorcompat__tls_dtor *)floorcompat__tls_get(floorcompat__tls_key);
      if (added)
        floorcompat__tls_set(floorcompat__tls_key, 0);
    } else {
      added = floorcompat__tls_single;
      floorcompat__tls_single = 0;
    }
    if (added) {
      e = added;
      while (added->next)
        added = added->next;
      added->next = next;
    } else
      e = next;
  }
}

/* At exit(): the exiting thread's destructors, including those registered while they run. */
static void floorcompat__tls_at_exit(void *unused)
{
  (void)unused;
  for (;;) {
    void *p;
    if (__atomic_load_n(&floorcompat__tls_state, __ATOMIC_ACQUIRE) == 2) {
      p = floorcompat__tls_get(floorcompat__tls_key);
      floorcompat__tls_set(floorcompat__tls_key, 0);
    } else {
      p = floorcompat__tls_single;
      floorcompat__tls_single = 0;
    }
    if (!p)
      return;
    floorcompat__tls_run_list(p);
  }
}

/* Once per process, lock-free: the first caller sets up, racing ones wait for it. */
static int floorcompat__tls_setup(void)
{
  int s = __atomic_load_n(&floorcompat__tls_state, __ATOMIC_ACQUIRE), zero = 0;
  if (s >= 2)
    return s;
  if (__atomic_compare_exchange_n(&floorcompat__tls_state, &zero, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)) {
    int (*create)(pthread_key_t *, void (*)(void *));
    void *c = floorcompat__resolve_pt(&floorcompat__tls_fns[0], "pthread_key_create", 0);
    void *g = floorcompat__resolve_pt(&floorcompat__tls_fns[1], "pthread_getspecific", 0);
    void *t = floorcompat__resolve_pt(&floorcompat__tls_fns[2], "pthread_setspecific", 0);
    s = 3;
    if (c && g && t) {
      FLOORCOMPAT__FN(create, c);
      FLOORCOMPAT__FN(floorcompat__tls_get, g);
      FLOORCOMPAT__FN(floorcompat__tls_set, t);
      if (create(&floorcompat__tls_key, floorcompat__tls_run_list) == 0)
        s = 2;
    }
    floorcompat____cxa_atexit(floorcompat__tls_at_exit, 0, &__dso_handle); /* atexit(), as libc_nonshared.a has it */
    __atomic_store_n(&floorcompat__tls_state, s, __ATOMIC_RELEASE);
    return s;
  }
  while ((s = __atomic_load_n(&floorcompat__tls_state, __ATOMIC_ACQUIRE)) < 2)
    floorcompat__sys_sched_yield();
  return s;
}

FLOORCOMPAT__SHIM int floorcompat__cxa_thread_atexit_impl(void (*dtor)(void *), void *obj, void *dso_symbol)
{
  struct floorcompat__tls_dtor *e;
  void *p = floorcompat__resolve(&floorcompat__tls_impl, "__cxa_thread_atexit_impl", "GLIBC_2.18");
  if (p) {
    int (*real)(void (*)(void *), void *, void *);
    FLOORCOMPAT__FN(real, p);
    FLOORCOMPAT__SET_PATH(__cxa_thread_atexit_impl, FLOORCOMPAT__P_RESOLVED);
    return real(dtor, obj, dso_symbol);
  }
  FLOORCOMPAT__SET_PATH(__cxa_thread_atexit_impl, FLOORCOMPAT__P_FALLBACK);
  if (!(e = (struct floorcompat__tls_dtor *)floorcompat__malloc(sizeof *e)))
    return -1;
  e->fn = dtor;
  e->obj = obj;
  if (floorcompat__tls_setup() == 2) {
    e->next = (struct floorcompat__tls_dtor *)floorcompat__tls_get(floorcompat__tls_key);
    if (floorcompat__tls_set(floorcompat__tls_key, e) != 0) {
      floorcompat__free(e);
      return -1;
    }
  } else {
    e->next = floorcompat__tls_single;
    floorcompat__tls_single = e;
  }
  return 0;
}
FLOORCOMPAT__SHIM_AS(floorcompat__cxa_thread_atexit_impl, __cxa_thread_atexit_impl)
#endif /* !FLOORCOMPAT_HAVE___CXA_THREAD_ATEXIT_IMPL */

#ifdef __cplusplus
}
#endif
#endif
