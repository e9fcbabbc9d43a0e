/* shims/impl-string.h - reallocarray (2.26), explicit_bzero and __explicit_bzero_chk (2.25),
 * strlcpy, strlcat and their _FORTIFY_SOURCE forms (2.38) for older floors (IMPLEMENTATION part).
 * All portable C:
 *   reallocarray   realloc(ptr, nmemb * size), NULL with ENOMEM when the product overflows.
 *   explicit_bzero memset, then an empty asm that takes the pointer and clobbers memory, so the
 *                  stores cannot be dropped as dead (also not after inlining, e.g. with LTO).
 *   __explicit_bzero_chk(p, len, objsize)  what _FORTIFY_SOURCE makes of explicit_bzero: __chk_fail
 *                  (the "buffer overflow detected" abort) when len > objsize.
 *   strlcpy        OpenBSD semantics: copies at most size-1 bytes, NUL-terminates when size > 0,
 *                  returns strlen(src) (truncation when the result >= size).
 *   strlcat        appends to the string in dst (of at most size bytes); returns the length it
 *                  tried to make, strnlen(dst, size) + strlen(src); leaves dst alone when it holds
 *                  no NUL within size.
 *   __strlcpy_chk, __strlcat_chk(dst, src, size, objsize)  __chk_fail when size > objsize. */
#ifndef FLOORCOMPAT_SHIMS_IMPL_STRING_H
#define FLOORCOMPAT_SHIMS_IMPL_STRING_H 1
#ifdef __cplusplus
extern "C" {
#endif

#if !FLOORCOMPAT_HAVE_REALLOCARRAY
FLOORCOMPAT__SHIM void *floorcompat_reallocarray(void *ptr, __SIZE_TYPE__ nmemb, __SIZE_TYPE__ size)
{
  __SIZE_TYPE__ total;
  FLOORCOMPAT__SET_PATH(reallocarray, FLOORCOMPAT__P_PORTABLE);
  if (__builtin_mul_overflow(nmemb, size, &total)) {
    errno = ENOMEM;
    return (void *)0;
  }
  return floorcompat__realloc(ptr, total);
}
FLOORCOMPAT__SHIM_AS(floorcompat_reallocarray, reallocarray)
#endif

#if !FLOORCOMPAT_HAVE_EXPLICIT_BZERO
FLOORCOMPAT__SHIM void floorcompat_explicit_bzero(void *s, __SIZE_TYPE__ len)
{
  FLOORCOMPAT__SET_PATH(explicit_bzero, FLOORCOMPAT__P_PORTABLE);
  floorcompat__memset(s, 0, len);
  __asm__ __volatile__("" : : "r"(s) : "memory");
}
FLOORCOMPAT__SHIM_AS(floorcompat_explicit_bzero, explicit_bzero)

FLOORCOMPAT__SHIM void floorcompat__explicit_bzero_chk(void *s, __SIZE_TYPE__ len,
                                                                           __SIZE_TYPE__ objsize)
{
  FLOORCOMPAT__SET_PATH(__explicit_bzero_chk, FLOORCOMPAT__P_PORTABLE);
  if (objsize < len)
    floorcompat__sys_chk_fail();
  floorcompat_explicit_bzero(s, len);
}
FLOORCOMPAT__SHIM_AS(floorcompat__explicit_bzero_chk, __explicit_bzero_chk)
#endif

#if !FLOORCOMPAT_HAVE_STRLCPY
FLOORCOMPAT__SHIM __SIZE_TYPE__ floorcompat_strlcpy(char *dst, const char *src, __SIZE_TYPE__ size)
{
  __SIZE_TYPE__ n = floorcompat__strlen(src);
  FLOORCOMPAT__SET_PATH(strlcpy, FLOORCOMPAT__P_PORTABLE);
  if (size > 0) {
    __SIZE_TYPE__ k = n < size - 1 ? n : size - 1;
    floorcompat__memmove(dst, src, k);
    dst[k] = '\0';
  }
  return n;
}
FLOORCOMPAT__SHIM_AS(floorcompat_strlcpy, strlcpy)

FLOORCOMPAT__SHIM __SIZE_TYPE__ floorcompat_strlcat(char *dst, const char *src, __SIZE_TYPE__ size)
{
  __SIZE_TYPE__ d = floorcompat__sys_strnlen(dst, size), n = floorcompat__strlen(src);
  FLOORCOMPAT__SET_PATH(strlcat, FLOORCOMPAT__P_PORTABLE);
  if (d < size) {
    __SIZE_TYPE__ k = n < size - d - 1 ? n : size - d - 1;
    floorcompat__memmove(dst + d, src, k);
    dst[d + k] = '\0';
  }
  return d + n;
}
FLOORCOMPAT__SHIM_AS(floorcompat_strlcat, strlcat)

FLOORCOMPAT__SHIM __SIZE_TYPE__ floorcompat__strlcpy_chk(char *dst, const char *src,
                                                                             __SIZE_TYPE__ size, __SIZE_TYPE__ objsize)
{
  if (objsize < size)
    floorcompat__sys_chk_fail();
  return floorcompat_strlcpy(dst, src, size);
}
FLOORCOMPAT__SHIM_AS(floorcompat__strlcpy_chk, __strlcpy_chk)

FLOORCOMPAT__SHIM __SIZE_TYPE__ floorcompat__strlcat_chk(char *dst, const char *src,
                                                                             __SIZE_TYPE__ size, __SIZE_TYPE__ objsize)
{
  if (objsize < size)
    floorcompat__sys_chk_fail();
  return floorcompat_strlcat(dst, src, size);
}
FLOORCOMPAT__SHIM_AS(floorcompat__strlcat_chk, __strlcat_chk)
#endif

#ifdef __cplusplus
}
#endif
#endif
