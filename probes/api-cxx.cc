// api-cxx: C++ runtime needs above floor 2.17, for tests/api-thread.test.
//   thread_local destructors: with -static-libstdc++, libstdc++.a's __cxa_thread_atexit calls
//     __cxa_thread_atexit_impl (glibc 2.18), which floorcompat serves (real or fallback). Two threads
//     run one after the other, then main ends; each touches first(), then second(), whose destructor
//     touches third() for the first time. Every destructor writes a line as it runs (write(2): no
//     stdio buffer at exit), in glibc's order: second, third, first. The closing line, written by
//     the atexit handler registered first (so it runs last), counts them.
//   std::shared_ptr copies in two threads at once: libstdc++ >= 11 reads __libc_single_threaded
//     (glibc 2.32) to skip atomics; floorcompat's copy stays 0, so the counts stay exact.
//   api-cxx quick: a thread_local in main, an at_quick_exit handler, quick_exit(3). Below floor 2.24
//     quick_exit is @GLIBC_2.10, which runs glibc's thread_local destructors first (@GLIBC_2.24
//     does not); the fallback's list is run by exit() only, so quick_exit skips it.
#include <sys/single_threaded.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <memory>
#include <vector>

#ifndef FLOORCOMPAT_H // the plain control build, without floorcompat
static const char *floorcompat_path(const char *) { return "none"; }
#endif

namespace {
thread_local const char *tname = "main";
int dtors;

void say(const char *a, const char *b = "", const char *c = "")
{
  char buf[160];
  size_t n = 0;
  for (const char *s : { a, b, c })
    for (; *s && n < sizeof buf - 1; s++)
      buf[n++] = *s;
  buf[n++] = '\n';
  if (write(1, buf, n) < 0)
    _exit(9);
}

struct Tracer {
  const char *name;
  explicit Tracer(const char *n) : name(n) {}
  ~Tracer();
};
Tracer &third()
{
  thread_local Tracer t("third");
  return t;
}
Tracer::~Tracer()
{
  __atomic_add_fetch(&dtors, 1, __ATOMIC_SEQ_CST);
  say(tname, ": dtor ", name);
  if (strcmp(name, "second") == 0)
    (void)third().name;
}
Tracer &first()
{
  thread_local Tracer t("first");
  return t;
}
Tracer &second()
{
  thread_local Tracer t("second");
  return t;
}

void *thread_main(void *arg)
{
  tname = static_cast<const char *>(arg);
  (void)first().name;
  (void)second().name;
  return nullptr;
}

void closing()
{
  char line[160];
  int d = __atomic_load_n(&dtors, __ATOMIC_SEQ_CST);
  snprintf(line, sizeof line, "__cxa_thread_atexit_impl: %s path=%s dtors=%d", d == 9 ? "ok" : "FAIL",
           floorcompat_path("__cxa_thread_atexit_impl"), d);
  say(line);
}

std::shared_ptr<std::vector<int>> shared;
void *copier(void *)
{
  for (int i = 0; i < 200000; i++) {
    std::shared_ptr<std::vector<int>> c = shared;
    if (c->size() != 3)
      abort();
  }
  return nullptr;
}

void quick_handler() { say("quick: at_quick_exit handler"); }
} // namespace

int main(int argc, char **argv)
{
  pthread_t t;
  if (argc > 1 && strcmp(argv[1], "quick") == 0) {
    tname = "quick";
    (void)first().name;
    at_quick_exit(quick_handler);
    quick_exit(3);
  }
  atexit(closing);

  // shared_ptr reference counts from two threads at once, while main copies too
  shared = std::make_shared<std::vector<int>>(std::vector<int>{ 1, 2, 3 });
  {
    pthread_t a, b;
    pthread_create(&a, nullptr, copier, nullptr);
    pthread_create(&b, nullptr, copier, nullptr);
    copier(nullptr);
    pthread_join(a, nullptr);
    pthread_join(b, nullptr);
  }
  {
    char line[160];
    snprintf(line, sizeof line, "__libc_single_threaded: %s path=%s value=%d use_count=%ld",
             shared.use_count() == 1 && __libc_single_threaded == 0 ? "ok" : "FAIL",
             floorcompat_path("__libc_single_threaded"), __libc_single_threaded, shared.use_count());
    say(line);
  }

  pthread_create(&t, nullptr, thread_main, const_cast<char *>("thread 1"));
  pthread_join(t, nullptr);
  pthread_create(&t, nullptr, thread_main, const_cast<char *>("thread 2"));
  pthread_join(t, nullptr);
  (void)first().name;
  (void)second().name;
  say("main: return");
  return 0;
}
