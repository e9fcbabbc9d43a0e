/* api-random: exercises the randomness and string shims through their ordinary and their prefixed
 * names, checks the results and prints one deterministic line per API with the path that served it
 * (floorcompat_path, api.h): tests/api.test compares the lines per run mode.
 *   api-random          all checks; exit 1 if any failed
 *   api-random chk N    explicit_bzero of N bytes into a 16-byte buffer (FORTIFY: aborts for N > 16) */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <floorcompat/shims/sys-random.h>
#include <gnu/libc-version.h>

#if !defined(__GLIBC__) || __GLIBC__ * 100 + __GLIBC_MINOR__ < 238
size_t strlcpy(char *dst, const char *src, size_t size);
size_t strlcat(char *dst, const char *src, size_t size);
#endif
#if !defined(__GLIBC__) || __GLIBC__ * 100 + __GLIBC_MINOR__ < 236
uint32_t arc4random(void);
void arc4random_buf(void *buf, size_t len);
uint32_t arc4random_uniform(uint32_t bound);
#endif

#include "api-check.h"
static void report(const char *api)
{
  api_report(api, "ok", floorcompat_path(api), NULL);
}
static int all_zero(const unsigned char *p, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++)
    if (p[i])
      return 0;
  return 1;
}

int main(int argc, char **argv)
{
  unsigned char a[300], b[64];
  char s[16];
  int i;
  if (argc == 3 && strcmp(argv[1], "chk") == 0) {
    char small[16];
    size_t n = (size_t)atoi(argv[2]);
    memset(small, 'x', sizeof small);
    explicit_bzero(small, n);
    printf("chk: survived %d\n", small[0]);
    return 0;
  }

  memset(a, 0, sizeof a);
  memset(b, 0, sizeof b);
  CHECK(getrandom(a, sizeof b, 0) == (ssize_t)sizeof b);
  CHECK(floorcompat_getrandom(b, sizeof b, 0) == (ssize_t)sizeof b);
  CHECK(!all_zero(a, sizeof b) && !all_zero(b, sizeof b) && memcmp(a, b, sizeof b) != 0);
  CHECK(getrandom(a, 16, GRND_NONBLOCK) == 16);
  CHECK(getrandom(a, 16, GRND_RANDOM | GRND_NONBLOCK) > 0 || errno == EAGAIN);
  errno = 0;
  CHECK(getrandom(a, 16, 0x40) == -1 && errno == EINVAL);
  report("getrandom");

  memset(a, 0, sizeof a);
  CHECK(getentropy(a, 32) == 0 && !all_zero(a, 32));
  CHECK(floorcompat_getentropy(a, 256) == 0);
  errno = 0;
  CHECK(getentropy(a, 257) == -1 && errno == EIO);
  report("getentropy");

  {
    uint32_t x = arc4random(), y = floorcompat_arc4random(), z = arc4random();
    CHECK(x != y || y != z);
  }
  report("arc4random");
  memset(a, 0, sizeof a);
  memset(b, 0, sizeof b);
  arc4random_buf(a, sizeof b);
  floorcompat_arc4random_buf(b, sizeof b);
  CHECK(!all_zero(a, sizeof b) && memcmp(a, b, sizeof b) != 0);
  report("arc4random_buf");
  {
    int seen[10] = { 0 }, all = 1;
    for (i = 0; i < 2000; i++) {
      uint32_t v = arc4random_uniform(10);
      CHECK(v < 10);
      if (v < 10)
        seen[v]++;
    }
    for (i = 0; i < 10; i++)
      all &= seen[i] > 0;
    CHECK(all);
    CHECK(arc4random_uniform(0) == 0 && arc4random_uniform(1) == 0);
    CHECK(floorcompat_arc4random_uniform(0x80000001U) < 0x80000001U);
  }
  report("arc4random_uniform");

  {
    volatile size_t vhuge = SIZE_MAX / 2;
    size_t huge = vhuge;
    int *p = (int *)reallocarray(NULL, 10, sizeof(int)), *q;
    CHECK(p != NULL);
    if (p) {
      p[9] = 42;
      q = (int *)floorcompat_reallocarray(p, 20, sizeof(int));
      CHECK(q != NULL && q[9] == 42);
      if (q)
        p = q;
      errno = 0;
      q = (int *)reallocarray(p, huge, 3);
      CHECK(q == NULL && errno == ENOMEM);
      free(q ? q : p);
    }
  }
  report("reallocarray");

  memset(s, 'x', sizeof s);
  explicit_bzero(s, 8);
  CHECK(all_zero((unsigned char *)s, 8) && s[8] == 'x');
  memset(s, 'x', sizeof s);
  floorcompat_explicit_bzero(s, sizeof s);
  CHECK(all_zero((unsigned char *)s, sizeof s));
  report("explicit_bzero");
#if defined(_FORTIFY_SOURCE) && _FORTIFY_SOURCE > 0 && defined(__OPTIMIZE__)
  report("__explicit_bzero_chk"); /* the explicit_bzero calls above went through it */
#endif

  CHECK(strlcpy(s, "hello", sizeof s) == 5 && strcmp(s, "hello") == 0);
  CHECK(strlcpy(s, "a much longer string", 8) == 20 && strcmp(s, "a much ") == 0);
  memset(s, 'x', sizeof s);
  CHECK(strlcpy(s, "abc", 0) == 3 && s[0] == 'x');
  CHECK(floorcompat_strlcpy(s, "", sizeof s) == 0 && s[0] == '\0');
  report("strlcpy");
  strlcpy(s, "abc", sizeof s);
  CHECK(strlcat(s, "def", sizeof s) == 6 && strcmp(s, "abcdef") == 0);
  CHECK(strlcat(s, "0123456789", sizeof s) == 16 && strcmp(s, "abcdef012345678") == 0);
  CHECK(floorcompat_strlcat(s, "zz", 4) == 4 + 2 && strcmp(s, "abcdef012345678") == 0); /* no NUL in 4 */
  strlcpy(s, "ab", sizeof s);
  CHECK(strlcat(s, "cd", 3) == 4 && strcmp(s, "ab") == 0);
  report("strlcat");
#if !defined(__GLIBC__) || __GLIBC__ * 100 + __GLIBC_MINOR__ < 238
  {
    extern size_t __strlcpy_chk(char *, const char *, size_t, size_t);
    extern size_t __strlcat_chk(char *, const char *, size_t, size_t);
    CHECK(__strlcpy_chk(s, "abc", 4, sizeof s) == 3 && strcmp(s, "abc") == 0);
    CHECK(__strlcat_chk(s, "def", sizeof s, sizeof s) == 6 && strcmp(s, "abcdef") == 0);
    if (argc == 2 && strcmp(argv[1], "strlcpy-chk") == 0) /* size 17 > object 16: aborts */
      __strlcpy_chk(s, "abc", sizeof s + (size_t)argc - 1, sizeof s);
    printf("strlcpy_chk: %s\n", bad ? "FAIL" : "ok");
    failed |= bad;
    bad = 0;
  }
#endif

#if defined(__x86_64__) && !defined(__ILP32__)
  /* The resolver against the running libc: a default and a hidden (non-default) version of one
   * name, and a version that does not exist. */
  {
    void *own, *v = floorcompat__vsym("gnu_get_libc_version", "GLIBC_2.2.5");
    const char *(*fn)(void) = gnu_get_libc_version;
    void *rp_new = floorcompat__vsym("realpath", "GLIBC_2.3"), *rp_old = floorcompat__vsym("realpath", "GLIBC_2.2.5");
    memcpy(&own, &fn, sizeof own);
    if (v == NULL) /* libc hidden (tests/helpers/nolookup.so): nothing may be found */
      CHECK(rp_new == NULL && rp_old == NULL);
    else {
      CHECK(v == own);
      CHECK(rp_new != NULL && rp_old != NULL && rp_new != rp_old);
    }
    CHECK(floorcompat__vsym("realpath", "GLIBC_9.9") == NULL && floorcompat__vsym("no_such_symbol", "GLIBC_2.2.5") == NULL);
    printf("vsym: %s libc=%s\n", bad ? "FAIL" : "ok", v ? "found" : "hidden");
    failed |= bad;
    bad = 0;
  }
#endif
  return failed;
}
