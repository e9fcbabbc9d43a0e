/* hardening-procs: the shims from an executable and from a shared library (each with its own
 * IMPLEMENTATION TU, floor 2.17) in processes that are not ordinary (tests/hardening-procs.test:
 * LD_BIND_NOW=1, an LD_PRELOAD malloc, no /proc, a bare /dev, dlmopen). One line per caller:
 *   WHO: getrandom=ok|-1 ERRNO arc4random_uniform=ok reallocarray=ok,ENOMEM strlcpy=43 memfd_create=ok statx=ok
 * Built four ways: -DPROCS_LIB the library (procs_report_lib), plain the program (reports, then calls
 * the library it is linked with), -DPROCS_EXE_ONLY the program alone, -DPROCS_LOADER a program that dlmopen()s the library into a new
 * link-map namespace (argv[1]) and calls it there. reallocarray asks for 12345 bytes, the size
 * tests/helpers/realloc-mark.so announces when the program's allocator serves it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <floorcompat/shims/sys-random.h>
#ifdef PROCS_LOADER
#include <dlfcn.h>
int main(int argc, char **argv)
{
  void *h;
  int (*f)(const char *);
  if (argc < 2)
    return 2;
  if (!(h = dlmopen(LM_ID_NEWLM, argv[1], RTLD_NOW | RTLD_LOCAL))) {
    printf("dlmopen: %s\n", dlerror());
    return 1;
  }
  *(void **)&f = dlsym(h, "procs_report_lib");
  if (!f) {
    printf("dlsym: %s\n", dlerror());
    return 1;
  }
  return f("dlmopen-lib");
}
#else
#if !defined(__GLIBC__) || __GLIBC__ * 100 + __GLIBC_MINOR__ < 238
size_t strlcpy(char *dst, const char *src, size_t size);
#endif
#if !defined(__GLIBC__) || __GLIBC__ * 100 + __GLIBC_MINOR__ < 236
uint32_t arc4random_uniform(uint32_t bound);
#endif
#ifdef PROCS_LIB
#define REPORT procs_report_lib
#else
#define REPORT procs_report_exe
#endif
int REPORT(const char *who);
int REPORT(const char *who)
{
  unsigned char b[32];
  char s[8];
  struct statx sx;
  volatile size_t huge = SIZE_MAX / 2 + 2;
  void *p, *q;
  long r;
  int fd, e;
  errno = 0;
  r = getrandom(b, sizeof b, 0);
  e = errno;
  printf("%s: getrandom=", who);
  if (r == (long)sizeof b)
    fputs("ok", stdout);
  else
    printf("-1 %s", e == ENOENT ? "ENOENT" : strerror(e));
  if (r == (long)sizeof b) /* arc4random would abort without entropy: only where getrandom works */
    printf(" arc4random_uniform=%s", arc4random_uniform(1000) < 1000 ? "ok" : "WRONG");
  p = reallocarray(NULL, 12345, 1);
  errno = 0;
  q = reallocarray(NULL, huge, 2);
  printf(" reallocarray=%s,%s", p ? "ok" : "FAILED", !q && errno == ENOMEM ? "ENOMEM" : "WRONG");
  free(p);
  printf(" strlcpy=%zu", strlcpy(s, "the quick brown fox jumps over the lazy dog", sizeof s));
  fd = memfd_create("procs", MFD_CLOEXEC);
  printf(" memfd_create=%s", fd >= 0 ? "ok" : strerror(errno));
  if (fd >= 0)
    close(fd);
  printf(" statx=%s\n", statx(AT_FDCWD, ".", 0, STATX_BASIC_STATS, &sx) == 0 && sx.stx_mode ? "ok" : "FAILED");
  fflush(stdout);
  return 0;
}
#ifndef PROCS_LIB
int procs_report_lib(const char *who);
int main(void)
{
  procs_report_exe("exe");
#ifdef PROCS_EXE_ONLY
  return 0;
#else
  return procs_report_lib("lib");
#endif
}
#endif
#endif
