/* libc-calls.c - the libc functions floorcompat's IMPLEMENTATION part calls for itself
 * (include/floorcompat/libc-calls.h: bound at first call, never imported), reached from an
 * executable (which finds the loaded objects through its DT_DEBUG) and from a shared library (which
 * reads /proc/self/auxv): errno and realloc behind reallocarray, libc's IFUNC-selected strlen,
 * memmove and memset behind strlcpy, strlcat and explicit_bzero.
 * Built with -DLC_LIB as the library (lc_report_lib), without as the program that reports for
 * itself and then calls the library. One line per check, prefixed with "exe" or "lib". */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if !defined(__GLIBC__) || __GLIBC__ * 100 + __GLIBC_MINOR__ < 238
size_t strlcpy(char *dst, const char *src, size_t size);
size_t strlcat(char *dst, const char *src, size_t size);
#endif
#ifdef LC_LIB
#define REPORT lc_report_lib
#else
#define REPORT lc_report_exe
#endif
int REPORT(const char *who);
int REPORT(const char *who)
{
  static const char text[] = "the quick brown fox jumps over the lazy dog";
  char small[8], big[96];
  size_t i, n;
  int zero = 1;
  volatile size_t vhuge = SIZE_MAX / 2 + 2; /* hidden from the compiler's size warnings */
  void *p;

  errno = 0;
  p = reallocarray(NULL, vhuge, 2);
  printf("%s: reallocarray overflow: %s, errno %s\n", who, p ? "allocated" : "refused",
         errno == ENOMEM ? "ENOMEM" : "wrong");
  /* 12345 bytes: the size tests/helpers/realloc-mark.so announces when it serves the call */
  p = reallocarray(NULL, 12345, 1);
  printf("%s: reallocarray 12345: %s\n", who, p ? "allocated" : "failed");
  free(p);

  n = strlcpy(small, text, sizeof small);
  printf("%s: strlcpy: %zu \"%s\"\n", who, n, small);
  strcpy(big, "fox: ");
  n = strlcat(big, text, sizeof big);
  printf("%s: strlcat: %zu \"%s\"\n", who, n, big);
  n = strlcat(small, "zzz", sizeof small);
  printf("%s: strlcat full: %zu \"%s\"\n", who, n, small);

  memset(big, 'x', sizeof big);
  explicit_bzero(big, sizeof big - 1);
  for (i = 0; i + 1 < sizeof big; i++)
    zero &= big[i] == 0;
  printf("%s: explicit_bzero: %s\n", who, zero && big[sizeof big - 1] == 'x' ? "exact" : "wrong");
  return 0;
}

#ifndef LC_LIB
int lc_report_lib(const char *who);
int main(void)
{
  lc_report_exe("exe");
  fflush(stdout);
  return lc_report_lib("lib");
}
#endif
