/* Compiled by plain gcc, never with floorcompat's header, as a vendor's prebuilt object would be:
 * _FILE_OFFSET_BITS=64 turns fcntl into fcntl64 (2.28) and stat into stat64 (2.33), glibc 2.38
 * headers turn strtol into __isoc23_strtol under _GNU_SOURCE, libm's exp/log/pow are @2.29, and
 * pthread_create/dlopen are @2.34 in libc. */
#define _GNU_SOURCE 1
#define _FILE_OFFSET_BITS 64
#include <dlfcn.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void *square(void *p)
{
  long *v = p;
  *v *= *v;
  return NULL;
}

int plain_report(const char *path)
{
  struct stat st;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  int flags = fd >= 0 ? fcntl(fd, F_GETFD) : -1;
  printf("plain: open+fcntl: cloexec %s\n", flags >= 0 && (flags & FD_CLOEXEC) ? "yes" : "no");
  if (fd >= 0) close(fd);
  printf("plain: stat: %s\n", stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? "directory" : "other");
  char *end;
  long b = strtol("0b11", &end, 0);
  printf("plain: strtol(\"0x1f\") = %ld, strtol(\"0b11\") = %ld, rest \"%s\"\n", strtol("0x1f", NULL, 0), b, end);
  volatile double x = 3.0;
  printf("plain: exp %.6f log %.6f pow %.6f\n", exp(x), log(x), pow(x, 1.5));
  long v = 12;
  pthread_t t;
  if (pthread_create(&t, NULL, square, &v) == 0) pthread_join(t, NULL);
  printf("plain: thread squared 12: %ld\n", v);
  void *h = dlopen("libm.so.6", RTLD_NOW);
  printf("plain: dlopen libm: %s, cos found: %s\n", h ? "yes" : "no", h && dlsym(h, "cos") ? "yes" : "no");
  if (h) dlclose(h);
  return 0;
}
