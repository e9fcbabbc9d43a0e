/* dso probe, host side: dlopens the shared library named by argv[1] with RTLD_NOW, calls fcdso_run
 * on a regular file (argv[2]) and dlcloses it. Links only -ldl: no libpthread, no libm.
 * Success: exit 0, last line "dso: ok". Any failure: a message and exit 1. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
  int (*run)(const char *, char *, size_t);
  char report[256] = "";
  void *h, *sym;
  int rc;

  if (argc != 3) {
    fprintf(stderr, "usage: dso-host LIBRARY FILE\n");
    return 2;
  }
  h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    fprintf(stderr, "dso: FAIL dlopen: %s\n", dlerror());
    return 1;
  }
  printf("dso: dlopen RTLD_NOW ok\n");
  sym = dlsym(h, "fcdso_run");
  if (!sym) {
    fprintf(stderr, "dso: FAIL dlsym fcdso_run: %s\n", dlerror());
    return 1;
  }
  memcpy(&run, &sym, sizeof run);
  rc = run(argv[2], report, sizeof report);
  printf("dso: fcdso_run = %d: %s\n", rc, report);
  fflush(stdout);
  if (dlclose(h) != 0) {
    fprintf(stderr, "dso: FAIL dlclose: %s\n", dlerror());
    return 1;
  }
  if (rc != 0) {
    fprintf(stderr, "dso: FAIL fcdso_run returned %d\n", rc);
    return 1;
  }
  printf("dso: ok\n");
  return 0;
}
