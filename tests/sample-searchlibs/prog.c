/* The program of tests/sample-searchlibs (also linked by tests/floorcc.test): starts a thread,
 * dlopens the library named by argv[1] and calls into it (the library does the same). Prints
 * "searchlibs: ok thread=... lib=... glibc=VERSION" and exits 0 when everything worked. */
#include <dlfcn.h>
#include <gnu/libc-version.h>
#include <pthread.h>
#include <stdio.h>

static void *twice(void *arg) { *(int *)arg *= 2; return arg; }

int main(int argc, char **argv) {
  int v = 21, r = -1;
  pthread_t t;
  void *h, *res = NULL;
  int (*fn)(int);
  if (argc != 2) { fprintf(stderr, "usage: %s LIBRARY\n", argv[0]); return 2; }
  if (pthread_create(&t, NULL, twice, &v) != 0 || pthread_join(t, &res) != 0 || res != &v) {
    fprintf(stderr, "searchlibs: pthread_create failed\n"); return 1;
  }
  h = dlopen(argv[1], RTLD_NOW);
  if (!h) { fprintf(stderr, "searchlibs: dlopen: %s\n", dlerror()); return 1; }
  fn = (int (*)(int))dlsym(h, "fcsl_run");
  if (!fn) { fprintf(stderr, "searchlibs: dlsym: %s\n", dlerror()); return 1; }
  r = fn(v);
  dlclose(h);
  printf("searchlibs: %s thread=%d lib=%d glibc=%s\n", v == 42 && r == 84 ? "ok" : "FAILED", v, r,
         gnu_get_libc_version());
  return v == 42 && r == 84 ? 0 : 1;
}
