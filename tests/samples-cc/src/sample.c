/* The sample program of the CMake and Meson samples: a constructor, threads, libm, the stat family
 * (through a static library), and a plugin it dlopens (argv[1]). Prints one line and exits 0 when
 * everything worked; "sample: FAIL ..." and exit 1 otherwise. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <gnu/libc-version.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fcutil_file_size(const char *path, long *size); /* util.c (static library) */

static int constructed;
__attribute__((constructor)) static void init(void) { constructed = 1; }

static void *worker(void *arg)
{
  long *v = arg;
  *v = *v * *v;
  return NULL;
}

int main(int argc, char **argv)
{
  pthread_t t[4];
  long v[4] = { 1, 2, 3, 4 }, sum = 0, size = -1;
  int i, (*plugin_value)(int);
  void *h;
  volatile double x = 2.0;

  if (argc < 2) { fprintf(stderr, "usage: sample PLUGIN\n"); return 2; }
  if (!constructed) { puts("sample: FAIL constructor did not run"); return 1; }
  for (i = 0; i < 4; i++)
    if (pthread_create(&t[i], NULL, worker, &v[i]) != 0) { puts("sample: FAIL pthread_create"); return 1; }
  for (i = 0; i < 4; i++) { pthread_join(t[i], NULL); sum += v[i]; }
  if (fcutil_file_size(argv[0], &size) != 0 || size <= 0) { puts("sample: FAIL stat"); return 1; }
  h = dlopen(argv[1], RTLD_NOW);
  if (!h) { printf("sample: FAIL dlopen: %s\n", dlerror()); return 1; }
  plugin_value = (int (*)(int))dlsym(h, "fcplugin_value");
  if (!plugin_value) { printf("sample: FAIL dlsym: %s\n", dlerror()); return 1; }
  printf("sample: ok threads=%ld exp=%.0f log=%.0f plugin=%d glibc=%s\n", sum, exp(x) * 1000,
         log(x) * 1000, plugin_value(6), gnu_get_libc_version());
  dlclose(h);
  return 0;
}
