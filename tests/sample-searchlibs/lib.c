/* The shared library of tests/sample-searchlibs: fcsl_run(x) doubles x on a thread of its own and
 * looks up a libc function through dlopen(NULL)/dlsym: 2x on success, -1 on failure. */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

static void *twice(void *arg) { *(int *)arg *= 2; return arg; }

int fcsl_run(int x) {
  pthread_t t;
  void *self, *res = NULL;
  size_t (*len)(const char *);
  if (pthread_create(&t, NULL, twice, &x) != 0 || pthread_join(t, &res) != 0 || res != &x) return -1;
  self = dlopen(NULL, RTLD_NOW);
  if (!self) return -1;
  len = (size_t (*)(const char *))dlsym(self, "strlen");
  if (!len || len("floor") != 5) { dlclose(self); return -1; }
  dlclose(self);
  return x;
}
