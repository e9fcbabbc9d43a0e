/* start probe: the start-up path (__libc_start_main@2.34 trap).
 *
 * Records every start-up and shut-down event and checks their order: .preinit_array, .init_array
 * entries with priorities, constructors, TLS initialisers in main and in a thread, atexit handlers,
 * destructors, and main's return value (3). Old glibc runs the executable's constructors only when
 * __libc_start_main is given an init callback; without one this probe fails on glibc < 2.34.
 * Success: exit status 3 and the last line "start: ok". Any failure: a message and exit 1. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define PROBE_TLS _Thread_local
#else
#define PROBE_TLS __thread
#endif

static char events[512];
static int seen_argc = -1;

static void event(const char *what)
{
  if (strlen(events) + strlen(what) + 2 >= sizeof events) {
    fputs("start: FAIL event log overflow\n", stderr);
    _exit(1);
  }
  if (events[0])
    strcat(events, " ");
  strcat(events, what);
}

static void fail(const char *what)
{
  fflush(stdout);
  fprintf(stderr, "start: FAIL %s (events: %s)\n", what, events);
  _exit(1);
}

static PROBE_TLS int tls_counter = 42;
static PROBE_TLS struct { int a; char s[8]; } tls_struct = { 7, "tls" };

/* argc/argv/envp reach .preinit_array and .init_array entries on glibc: check they are sane. */
static void check_args(const char *who, int argc, char **argv, char **envp)
{
  if (argc < 1 || argv == NULL || argv[0] == NULL || argv[argc] != NULL || envp == NULL) {
    fprintf(stderr, "start: FAIL %s got bad argc/argv/envp\n", who);
    _exit(1);
  }
  if (seen_argc != -1 && seen_argc != argc) {
    fprintf(stderr, "start: FAIL %s got argc %d, earlier %d\n", who, argc, seen_argc);
    _exit(1);
  }
  seen_argc = argc;
}

static void preinit(int argc, char **argv, char **envp)
{
  check_args("preinit", argc, argv, envp);
  event("preinit");
}
__attribute__((used, section(".preinit_array"))) static void (*preinit_entry)(int, char **, char **) =
  preinit;

static void init150(int argc, char **argv, char **envp)
{
  check_args("init_array.00150", argc, argv, envp);
  event("init150");
}
__attribute__((used, section(".init_array.00150"))) static void (*init150_entry)(int, char **, char **) =
  init150;

__attribute__((constructor(101))) static void ctor101(void)
{
  if (tls_counter != 42)
    fail("TLS initialiser not visible in a constructor");
  event("ctor101");
}
__attribute__((constructor(200))) static void ctor200(void) { event("ctor200"); }
__attribute__((constructor)) static void ctor(void) { event("ctor"); }

static void atexit1(void) { event("atexit1"); }
static void atexit2(void) { event("atexit2"); }

__attribute__((destructor)) static void dtor(void) { event("dtor"); }
__attribute__((destructor(200))) static void dtor200(void) { event("dtor200"); }

/* The last user code to run: checks the whole sequence. */
__attribute__((destructor(101))) static void dtor101(void)
{
  static const char expect[] = "preinit ctor101 init150 ctor200 ctor main thread atexit2 atexit1 dtor dtor200 dtor101";
  event("dtor101");
  printf("start: events %s\n", events);
  if (strcmp(events, expect) != 0)
    fail("wrong start-up/shut-down order");
  printf("start: ok\n");
  fflush(stdout);
}

static void *thread_main(void *arg)
{
  (void)arg;
  if (tls_counter != 42 || tls_struct.a != 7 || strcmp(tls_struct.s, "tls") != 0)
    return (void *)"thread did not see the TLS initialisers";
  tls_counter = 1000;
  tls_struct.a = 8;
  return NULL;
}

int main(int argc, char **argv)
{
  pthread_t t;
  void *res;
  int rc;

  (void)argv;
  if (argc != seen_argc)
    fail("constructors saw a different argc than main");
  if (strcmp(events, "preinit ctor101 init150 ctor200 ctor") != 0)
    fail("initialisers missing or out of order before main");
  event("main");
  if (tls_counter != 42 || tls_struct.a != 7 || strcmp(tls_struct.s, "tls") != 0)
    fail("main did not see the TLS initialisers");
  tls_counter = 43;
  if ((rc = pthread_create(&t, NULL, thread_main, NULL)) != 0)
    fail("pthread_create");
  if ((rc = pthread_join(t, &res)) != 0)
    fail("pthread_join");
  if (res != NULL)
    fail((const char *)res);
  if (tls_counter != 43 || tls_struct.a != 7)
    fail("the thread's TLS writes leaked into main's copy");
  event("thread");
  printf("start: tls main=%d struct=%d,%s\n", tls_counter, tls_struct.a, tls_struct.s);
  if (atexit(atexit1) != 0 || atexit(atexit2) != 0)
    fail("atexit");
  printf("start: main returns 3\n");
  return 3;
}
