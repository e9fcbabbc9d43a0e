#include "config.h"
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#ifdef HAVE_GETRANDOM
#include <sys/random.h>
#endif

int main(void) {
  unsigned char buf[8];
#ifdef HAVE_GETRANDOM
  const char *how = "getrandom";
  ssize_t n = getrandom(buf, sizeof buf, 0);
#else
  const char *how = "/dev/urandom"; /* the fallback: what glibc 2.17 systems get */
  int fd = open("/dev/urandom", O_RDONLY);
  ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf);
  if (fd >= 0) close(fd);
#endif
  printf("hello: %zd random bytes from %s\n", n, how);
  return n == (ssize_t)sizeof buf ? 0 : 1;
}
