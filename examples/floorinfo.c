/* floorinfo: a small program that uses what breaks binaries built on a new glibc: start-up
 * (__libc_start_main@2.34), stat (2.33), large-file fcntl (fcntl64@2.28), libm (2.29), threads. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <gnu/libc-version.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void *worker(void *arg) { *(double *)arg = pow(*(double *)arg, 0.5); return arg; }

int main(int argc, char **argv)
{
  struct stat st;
  double v = argc + 15.0;
  pthread_t t;
  int fd = open(argv[0], O_RDONLY | O_CLOEXEC);
  if (fd < 0 || fstat(fd, &st) != 0 || fcntl(fd, F_GETFD) != FD_CLOEXEC)
    return 1;
  if (pthread_create(&t, NULL, worker, &v) != 0 || pthread_join(t, NULL) != 0)
    return 1;
  printf("running on glibc %s; sqrt(%d) = %.1f; I am %s bytes\n", gnu_get_libc_version(), argc + 15, v,
         st.st_size > 0 ? "some" : "no");
  return close(fd);
}
