/* archive-lib.c - a shared library built at floor 2.17 with libfloorcompat.a (tests/archive.test):
 * reallocarray (a portable shim calling libc's realloc) and arc4random_buf (resolved at run time
 * through floorcompat__vsym: glibc's own @GLIBC_2.36 where the running glibc has it). archive-host.c
 * loads it with dlopen or dlmopen(LM_ID_NEWLM), also in a process without /proc. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int lib_report(void);
int lib_report(void)
{
  volatile size_t huge = SIZE_MAX / 2 + 2; /* hidden from the compiler's size warnings */
  unsigned char b[16] = { 0 };
  unsigned i, nz = 0;
  void *p;
  errno = 0;
  p = reallocarray(NULL, huge, 2);
  printf("lib: reallocarray overflow: %s\n", !p && errno == ENOMEM ? "ENOMEM" : "wrong");
  /* 12345 bytes: the size tests/helpers/realloc-mark.so announces when it serves the call */
  p = reallocarray(NULL, 12345, 1);
  printf("lib: reallocarray 12345: %s\n", p ? "allocated" : "failed");
  free(p);
  arc4random_buf(b, sizeof b);
  for (i = 0; i < sizeof b; i++)
    nz += b[i] != 0;
  printf("lib: arc4random_buf: %s path=%s\n", nz ? "ok" : "zeros", floorcompat_path("arc4random_buf"));
  return fflush(stdout);
}
