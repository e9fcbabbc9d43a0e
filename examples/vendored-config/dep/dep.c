/* dep.c: a vendored dependency that picks the best randomness its config.h promises. */
#include "config.h"
#include "dep.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_SYS_RANDOM_H
#include <sys/random.h>
#endif

const char *dep_random(unsigned char *buf, size_t n) {
  unsigned char tmp[64];
  const char *how = NULL;
  if (n > sizeof tmp) return NULL;
#if defined(HAVE_ARC4RANDOM_BUF)
  arc4random_buf(tmp, n);
  how = "arc4random_buf";
#elif defined(HAVE_GETRANDOM)
  if (getrandom(tmp, n, 0) == (ssize_t)n) how = "getrandom";
#else
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    if (read(fd, tmp, n) == (ssize_t)n) how = "/dev/urandom";
    close(fd);
  }
#endif
  memcpy(buf, tmp, n);
#ifdef HAVE_EXPLICIT_BZERO
  explicit_bzero(tmp, sizeof tmp);
#else
  { volatile unsigned char *p = tmp; size_t i; for (i = 0; i < sizeof tmp; i++) p[i] = 0; }
#endif
  return how;
}
