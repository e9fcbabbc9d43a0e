/* Compiled without floorcompat's header, as any object of a link may be: math of libm (exp, log and
   pow are @GLIBC_2.29 on a new glibc), copy-relocated data (stdout, environ), and dlopen and
   pthread_create called without -ldl or -lpthread (libc has them since 2.34). Linked against a floor
   directory, every reference must bind at or below the floor, to the library of that floor. */
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
extern char **environ;
static int ctor_ran;
__attribute__((constructor)) static void ctor(void) { ctor_ran = 1; }
static void *twice(void *a) { return (void *)((long)a * 2); }
int main(int argc, char **argv) {
  volatile double x = argc + 1.5;
  void *h, *r;
  pthread_t t;
  (void)argv;
  printf("constructor %s\n", ctor_ran ? "ran" : "skipped");
  printf("math %.6f %.6f %.6f\n", exp(x), log(x), pow(x, 2.5));
  fprintf(stdout, "environ %s\n", environ && getenv("FC_FLOORLIBS") && environ[0] ? "shared with libc" : "lost");
  h = dlopen("libm.so.6", RTLD_NOW);
  printf("dlopen %s\n", h && dlsym(h, "cos") ? "ok" : dlerror());
  if (pthread_create(&t, NULL, twice, (void *)21L) || pthread_join(t, &r)) return 1;
  printf("thread %ld\n", (long)r);
  return 0;
}
