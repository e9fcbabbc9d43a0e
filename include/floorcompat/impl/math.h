/* impl/math.h - __issignaling, __issignalingf, __issignalingl (GLIBC_2.18) and
 * __issignalingf128 (GLIBC_2.26, x86 only: where glibc exports it and _Float128 is not long double):
 * what <math.h>'s issignaling() calls (libm.so.6).
 *
 * Portable bit tests, glibc's own formulas for the IEEE 754-2008 NaN encoding of every supported
 * port (quiet bit set = quiet): a NaN with the quiet bit clear is signaling. long double by format:
 * x87 80-bit (x86: the non-canonical encodings with a non-zero exponent and the explicit integer bit
 * clear, unnormals, pseudo-infinities and pseudo-NaNs, count as signaling, as glibc 2.36 answers; its
 * 2.31 answered 0 for them), binary128 (aarch64, s390x, riscv64), IBM double-double (ppc64el: the high double decides),
 * or the double itself (armhf). The argument is read through memcpy: no floating-point operation
 * that could quiet it. */
#ifndef FLOORCOMPAT_IMPL_MATH_H
#define FLOORCOMPAT_IMPL_MATH_H 1
#ifdef __cplusplus
extern "C" {
#endif

/* 64-bit words without long long (C++98 -pedantic) */
typedef __UINT64_TYPE__ floorcompat__u64;
#define FLOORCOMPAT__U64(hi, lo) (((floorcompat__u64)(hi) << 32) | (floorcompat__u64)(lo))

#if !FLOORCOMPAT_HAVE___ISSIGNALINGF128 /* also when the 2.18 functions are missing */
/* binary128 from its two 64-bit halves (HI: sign, exponent, top of the significand) */
static FLOORCOMPAT__UNUSED int floorcompat__issig_b128(const void *p)
{
  floorcompat__u64 w[2], hi, lo;
  __builtin_memcpy(w, p, sizeof w);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  hi = w[0], lo = w[1];
#else
  hi = w[1], lo = w[0];
#endif
  hi ^= FLOORCOMPAT__U64(0x00008000U, 0);
  hi |= (lo | -lo) >> 63;
  return (hi & FLOORCOMPAT__U64(0x7fffffffU, 0xffffffffU)) > FLOORCOMPAT__U64(0x7fff8000U, 0);
}
#endif

#if !FLOORCOMPAT_HAVE___ISSIGNALING
FLOORCOMPAT__SHIM int floorcompat___issignalingf(float x)
{
  unsigned int w;
  __builtin_memcpy(&w, &x, sizeof w);
  FLOORCOMPAT__SET_PATH(__issignalingf, FLOORCOMPAT__P_PORTABLE);
  w ^= 0x00400000U;
  return (w & 0x7fffffffU) > 0x7fc00000U;
}
FLOORCOMPAT__SHIM_AS(floorcompat___issignalingf, __issignalingf)

static int floorcompat__issig_double(double x)
{
  floorcompat__u64 w;
  __builtin_memcpy(&w, &x, sizeof w);
  w ^= FLOORCOMPAT__U64(0x00080000U, 0);
  return (w & FLOORCOMPAT__U64(0x7fffffffU, 0xffffffffU)) > FLOORCOMPAT__U64(0x7ff80000U, 0);
}
FLOORCOMPAT__SHIM int floorcompat___issignaling(double x)
{
  FLOORCOMPAT__SET_PATH(__issignaling, FLOORCOMPAT__P_PORTABLE);
  return floorcompat__issig_double(x);
}
FLOORCOMPAT__SHIM_AS(floorcompat___issignaling, __issignaling)

FLOORCOMPAT__SHIM int floorcompat___issignalingl(long double x)
{
  FLOORCOMPAT__SET_PATH(__issignalingl, FLOORCOMPAT__P_PORTABLE);
#if __LDBL_MANT_DIG__ == 64 /* x87: significand (64 bits, explicit integer bit), then sign+exponent */
  {
    unsigned char b[sizeof x];
    unsigned int lo, hi;
    unsigned short se;
    __builtin_memcpy(b, &x, sizeof b);
    __builtin_memcpy(&lo, b, 4);
    __builtin_memcpy(&hi, b + 4, 4);
    __builtin_memcpy(&se, b + 8, 2);
    if ((se & 0x7fff) != 0 && !(hi & 0x80000000U)) /* unnormal, pseudo-infinity, pseudo-NaN */
      return 1;
    hi ^= 0x40000000U;
    hi |= (lo | -lo) >> 31;
    return (se & 0x7fff) == 0x7fff && hi > 0xc0000000U;
  }
#elif __LDBL_MANT_DIG__ == 113
  return floorcompat__issig_b128(&x);
#elif __LDBL_MANT_DIG__ == 106 /* IBM double-double: the high double, first in memory */
  {
    double hi;
    __builtin_memcpy(&hi, &x, sizeof hi);
    return floorcompat__issig_double(hi);
  }
#else
  return floorcompat__issig_double((double)x);
#endif
}
FLOORCOMPAT__SHIM_AS(floorcompat___issignalingl, __issignalingl)
#endif /* !FLOORCOMPAT_HAVE___ISSIGNALING */

#if !FLOORCOMPAT_HAVE___ISSIGNALINGF128 && (defined(__x86_64__) || defined(__i386__))
FLOORCOMPAT__SHIM int floorcompat___issignalingf128(__float128 x)
{
  FLOORCOMPAT__SET_PATH(__issignalingf128, FLOORCOMPAT__P_PORTABLE);
  return floorcompat__issig_b128(&x);
}
FLOORCOMPAT__SHIM_AS(floorcompat___issignalingf128, __issignalingf128)
#endif

#ifdef __cplusplus
}
#endif
#endif
