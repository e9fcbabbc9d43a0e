/* The sample shared library of tests/m4.test: threads and stat, which need floorcompat's stub
 * libraries and stat shim below 2.34 / 2.33, and getrandom when configure says so. */
#include "config.h"
#include <pthread.h>
#include <stddef.h>
#include <sys/stat.h>
#ifdef HAVE_SYS_RANDOM_H
#include <sys/random.h>
#endif

static void *worker(void *arg) { return arg; }

int fcsample_lib(const char *path) {
  pthread_t t;
  void *r = NULL;
  struct stat st;
  if (pthread_create(&t, NULL, worker, (void *)path) != 0 || pthread_join(t, &r) != 0) return -1;
#ifdef HAVE_GETRANDOM
  { unsigned char b[4]; if (getrandom(b, sizeof b, 0) != sizeof b) return -1; }
#endif
  return stat((const char *)r, &st) == 0 ? 0 : -1;
}
