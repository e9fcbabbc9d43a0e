/* The sample program of tests/m4.test: uses HAVE_* from configure, with its own fallbacks, and says
 * which path each API took: "libc" when configure found it, "own" when the fallback ran. */
#define _GNU_SOURCE 1
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef HAVE_SYS_RANDOM_H
#include <sys/random.h>
#endif

static int random_bytes(void *buf, size_t n, const char **how) {
#if defined(HAVE_GETRANDOM) && HAVE_DECL_GETRANDOM
  *how = "libc";
  return getrandom(buf, n, 0) == (ssize_t)n ? 0 : -1;
#else
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  ssize_t r = fd < 0 ? -1 : read(fd, buf, n);
  *how = "own";
  if (fd >= 0) close(fd);
  return r == (ssize_t)n ? 0 : -1;
#endif
}

#ifndef HAVE_REALLOCARRAY
extern int sample_own_reallocarray_calls; /* compat.c */
#if !HAVE_DECL_REALLOCARRAY
void *reallocarray(void *p, size_t nmemb, size_t size);
#endif
#endif
static void *grow(void *p, size_t nmemb, size_t size, const char **how) {
#ifdef HAVE_REALLOCARRAY
  *how = "libc";
  return reallocarray(p, nmemb, size);
#else
  void *r = reallocarray(p, nmemb, size); /* compat.c's */
  *how = sample_own_reallocarray_calls == 1 ? "own" : "own-not-called";
  return r;
#endif
}

static int anon_file(const char **how) {
#ifdef HAVE_MEMFD_CREATE
  *how = "libc";
  return memfd_create("fcsample", MFD_CLOEXEC);
#else
  char tmpl[] = "/tmp/fcsample.XXXXXX";
  int fd = mkstemp(tmpl);
  *how = "own";
  if (fd >= 0) unlink(tmpl);
  return fd;
#endif
}

static long long file_size(int fd, const char **how) {
#ifdef HAVE_STATX
  struct statx sx;
  *how = "libc";
  return statx(fd, "", AT_EMPTY_PATH, STATX_SIZE, &sx) == 0 ? (long long)sx.stx_size : -1;
#else
  struct stat st;
  *how = "own";
  return fstat(fd, &st) == 0 ? (long long)st.st_size : -1;
#endif
}

static void fill(void *buf, size_t n, const char **how) {
#ifdef HAVE_ARC4RANDOM_BUF
  *how = "libc";
  arc4random_buf(buf, n);
#else
  *how = random_bytes(buf, n, &(const char *){0}) == 0 ? "own" : "own-failed";
#endif
}

static size_t copy_name(char *dst, const char *src, size_t size, const char **how) {
#ifdef HAVE_STRLCPY
  *how = "libc";
  return strlcpy(dst, src, size);
#else
  size_t len = strlen(src);
  *how = "own";
  if (size) { size_t k = len < size - 1 ? len : size - 1; memcpy(dst, src, k); dst[k] = 0; }
  return len;
#endif
}

int main(void) {
  const char *h_rand, *h_grow, *h_memfd, *h_statx, *h_arc4, *h_strl;
  unsigned char key[16];
  char name[8];
  int *v = NULL, fd, ok = 1;
  if (random_bytes(key, sizeof key, &h_rand) != 0) ok = 0;
  v = grow(v, 1000, sizeof *v, &h_grow);
  if (!v) ok = 0;
  free(v);
  fd = anon_file(&h_memfd);
  if (fd < 0 || write(fd, "hello", 5) != 5) ok = 0;
  if (file_size(fd, &h_statx) != 5) ok = 0;
  if (fd >= 0) close(fd);
  fill(key, sizeof key, &h_arc4);
  if (copy_name(name, "floorcompat", sizeof name, &h_strl) != 11 || strcmp(name, "floorco") != 0) ok = 0;
  printf("floor=%s policy=%s kernel=%d\n", SAMPLE_GLIBC_FLOOR, SAMPLE_POLICY,
#ifdef FLOORCOMPAT_KERNEL
         FLOORCOMPAT_KERNEL
#else
         0
#endif
  );
  printf("getrandom=%s reallocarray=%s memfd_create=%s statx=%s arc4random_buf=%s strlcpy=%s\n",
         h_rand, h_grow, h_memfd, h_statx, h_arc4, h_strl);
  printf("%s\n", ok ? "sample: ok" : "sample: FAILED");
  return ok ? 0 : 1;
}
