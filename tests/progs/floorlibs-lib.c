/* A shared library built without floorcompat's header (no start-up shim involved): libm math,
   stdout, dlopen and pthread_create without -ldl or -lpthread. */
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
static void *run(void *a) { return a; }
double floorlibs_lib(double x) {
  void *h = dlopen("libm.so.6", RTLD_NOW), *r = NULL;
  pthread_t t;
  if (h) dlclose(h);
  if (pthread_create(&t, NULL, run, &t) == 0) pthread_join(t, &r);
  fprintf(stdout, "lib %s\n", r == &t ? "ok" : "no thread");
  return exp(x) + log(x) + pow(x, x);
}
