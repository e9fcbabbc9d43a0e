/* api-math.c: issignaling() (<math.h>: __issignaling, __issignalingf, __issignalingl,
 * __issignalingf128) on numbers, zeros, subnormals, infinities, quiet and signaling NaNs of both
 * signs, with small and large payloads, built from bit patterns. One line per function: the answers
 * in order, then (with an argument) the path. Built at floor 2.17 (the shims) and 2.26 (glibc's
 * own, libm.so.6) and without floorcompat: tests/api-math.test compares the lines. */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>
#include <string.h>

#ifndef floorcompat_path
#define PATH(api) floorcompat_path(api)
#else
#define PATH(api) floorcompat_path
#endif

static void show(const char *name, const int *r, int n, int with_path)
{
  int i;
  printf("%s:", name);
  for (i = 0; i < n; i++)
    printf(" %d", r[i]);
  if (with_path)
    printf(" path=%s", PATH(name));
  printf("\n");
}

int main(int argc, char **argv)
{
  static const unsigned int f[] = { 0, 0x80000000U, 0x3f800000U, 0x00000001U, 0x7f800000U, 0xff800000U,
                                    0x7fc00000U, 0xffc00000U, 0x7fc00001U, 0x7f800001U, 0x7fa00000U,
                                    0xffbfffffU, 0x7fffffffU };
  static const unsigned long long d[] = { 0, 0x8000000000000000ULL, 0x3ff0000000000000ULL, 1, 0x7ff0000000000000ULL,
                                          0xfff0000000000000ULL, 0x7ff8000000000000ULL, 0xfff8000000000000ULL,
                                          0x7ff8000000000001ULL, 0x7ff0000000000001ULL, 0x7ff4000000000000ULL,
                                          0xfff7ffffffffffffULL, 0x7fffffffffffffffULL };
  /* binary128 halves (high, low) */
  static const unsigned long long q[][2] = {
    { 0, 0 }, { 0x8000000000000000ULL, 0 }, { 0x3fff000000000000ULL, 0 }, { 0, 1 },
    { 0x7fff000000000000ULL, 0 }, { 0xffff000000000000ULL, 0 }, { 0x7fff800000000000ULL, 0 },
    { 0xffff800000000000ULL, 0 }, { 0x7fff800000000000ULL, 1 }, { 0x7fff000000000000ULL, 1 },
    { 0x7fff400000000000ULL, 0 }, { 0xffff7fffffffffffULL, ~0ULL }, { 0x7fffffffffffffffULL, ~0ULL }
  };
  int r[16], i, n = (int)(sizeof f / sizeof f[0]), wp = argc > 1;
  (void)argv;
  for (i = 0; i < n; i++) {
    float x;
    memcpy(&x, &f[i], sizeof x);
    r[i] = issignaling(x) != 0;
  }
  show("__issignalingf", r, n, wp);
  for (i = 0; i < n; i++) {
    double x;
    memcpy(&x, &d[i], sizeof x);
    r[i] = issignaling(x) != 0;
  }
  show("__issignaling", r, n, wp);
  for (i = 0; i < n; i++) {
    long double x;
    memset(&x, 0, sizeof x);
#if __LDBL_MANT_DIG__ == 64
    { /* x87: the double's fields widened, integer bit set; i == 12 a pseudo-NaN (integer bit clear) */
      unsigned long long m = (d[i] & 0x000fffffffffffffULL) << 11;
      unsigned short se = (unsigned short)((d[i] >> 52) & 0x7ff);
      se = (unsigned short)((se == 0x7ff ? 0x7fff : se == 0 ? 0 : se - 1023 + 16383) | ((d[i] >> 48) & 0x8000));
      if (se & 0x7fff)
        m |= 1ULL << 63;
      if (i == 12)
        m &= ~(1ULL << 63);
      memcpy(&x, &m, 8);
      memcpy((char *)&x + 8, &se, 2);
    }
#elif __LDBL_MANT_DIG__ == 113
    {
      unsigned long long w[2];
      w[0] = q[i][1], w[1] = q[i][0];
      memcpy(&x, w, 16);
    }
#else
    memcpy(&x, &d[i], 8);
#endif
    r[i] = issignaling(x) != 0;
  }
  show("__issignalingl", r, n, wp);
#if __LDBL_MANT_DIG__ == 64
  { /* x87 encodings that the double cases cannot give: unnormals, pseudo-infinity, pseudo-NaNs,
     * pseudo-denormal, denormal, a signaling NaN with the low payload bit only */
    static const unsigned short se[] = { 0x3fff, 0x3fff, 0x7fff, 0x7fff, 0x7fff, 0, 0, 0x7fff, 0xbfff };
    static const unsigned long long m[] = { 1ULL << 62, 0, 0, 1ULL << 62, 1, 1ULL << 63, 1, (1ULL << 63) | 1, 1 };
    for (i = 0; i < 9; i++) {
      long double x;
      memset(&x, 0, sizeof x);
      memcpy(&x, &m[i], 8);
      memcpy((char *)&x + 8, &se[i], 2);
      r[i] = issignaling(x) != 0;
    }
    show("__issignalingl", r, 9, 0);
  }
#endif
#if defined(__x86_64__) && defined(__FLT128_MANT_DIG__)
  for (i = 0; i < n; i++) {
    __float128 x;
    unsigned long long w[2];
    w[0] = q[i][1], w[1] = q[i][0];
    memcpy(&x, w, 16);
    r[i] = issignaling(x) != 0;
  }
  show("__issignalingf128", r, n, wp);
#else
  (void)q;
#endif
  return 0;
}
