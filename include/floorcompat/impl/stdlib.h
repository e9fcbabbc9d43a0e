/* impl/stdlib.h - <stdlib.h>: reallocarray (2.26), arc4random, arc4random_buf, arc4random_uniform (2.36)
 *
 * reallocarray  realloc(ptr, nmemb * size), NULL with ENOMEM when the product overflows.
 * arc4random, arc4random_buf, arc4random_uniform: glibc's own (@GLIBC_2.36) found at run time
 * (runtime.h), unless the getrandom syscall is unusable (floorcompat_syscall_works): glibc's falls
 * back to /dev/urandom only on ENOSYS and aborts on a seccomp EPERM. Else filled from the getrandom
 * shim, aborting with a message if even that fails (they cannot report errors; glibc aborts too). arc4random_uniform rejects the 2^32 mod
 * bound lowest values, so the result has no modulo bias. */
#ifndef FLOORCOMPAT_IMPL_STDLIB_H
#define FLOORCOMPAT_IMPL_STDLIB_H 1
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

#if !FLOORCOMPAT_HAVE_ARC4RANDOM
#if FLOORCOMPAT_HAVE_GETRANDOM /* the floor's own; this TU need not have <sys/random.h> */
extern floorcompat__ssize_t floorcompat__getrandom(void *, __SIZE_TYPE__, unsigned int) __asm__("getrandom");
#define FLOORCOMPAT__GETRANDOM floorcompat__getrandom
#else
#define FLOORCOMPAT__GETRANDOM floorcompat_getrandom
#endif
/* Fill from the kernel or die: what arc4random must do. */
static void floorcompat__arc4_fill(void *buf, __SIZE_TYPE__ len)
{
  unsigned char *p = (unsigned char *)buf;
  int saved = errno;
  while (len > 0) {
    floorcompat__ssize_t r = FLOORCOMPAT__GETRANDOM(p, len, 0);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      floorcompat__die("floorcompat: cannot get entropy for arc4random\n");
    }
    p += r;
    len -= (__SIZE_TYPE__)r;
  }
  errno = saved;
}

static void *floorcompat__arc4random_ptr, *floorcompat__arc4random_buf_ptr, *floorcompat__arc4random_uniform_ptr;

/* glibc's arc4random, or NULL when it is absent or would abort for want of getrandom. */
static void *floorcompat__arc4_resolve(void **slot, const char *name)
{
  void *p = floorcompat__resolve(slot, name, "GLIBC_2.36");
#ifdef FLOORCOMPAT_NR_getrandom
  if (p && floorcompat_syscall_works(FLOORCOMPAT_NR_getrandom) == 0)
    p = (void *)0;
#endif
  return p;
}

FLOORCOMPAT__SHIM __UINT32_TYPE__ floorcompat_arc4random(void)
{
  void *p = floorcompat__arc4_resolve(&floorcompat__arc4random_ptr, "arc4random");
  __UINT32_TYPE__ v;
  if (p) {
    __UINT32_TYPE__ (*f)(void);
    FLOORCOMPAT__FN(f, p);
    FLOORCOMPAT__SET_PATH(arc4random, FLOORCOMPAT__P_RESOLVED);
    return f();
  }
  FLOORCOMPAT__SET_PATH(arc4random, FLOORCOMPAT__P_FALLBACK);
  floorcompat__arc4_fill(&v, sizeof v);
  return v;
}
FLOORCOMPAT__SHIM_AS(floorcompat_arc4random, arc4random)

FLOORCOMPAT__SHIM void floorcompat_arc4random_buf(void *buf, __SIZE_TYPE__ len)
{
  void *p = floorcompat__arc4_resolve(&floorcompat__arc4random_buf_ptr, "arc4random_buf");
  if (p) {
    void (*f)(void *, __SIZE_TYPE__);
    FLOORCOMPAT__FN(f, p);
    FLOORCOMPAT__SET_PATH(arc4random_buf, FLOORCOMPAT__P_RESOLVED);
    f(buf, len);
    return;
  }
  FLOORCOMPAT__SET_PATH(arc4random_buf, FLOORCOMPAT__P_FALLBACK);
  floorcompat__arc4_fill(buf, len);
}
FLOORCOMPAT__SHIM_AS(floorcompat_arc4random_buf, arc4random_buf)

FLOORCOMPAT__SHIM __UINT32_TYPE__ floorcompat_arc4random_uniform(__UINT32_TYPE__ bound)
{
  void *p = floorcompat__arc4_resolve(&floorcompat__arc4random_uniform_ptr, "arc4random_uniform");
  __UINT32_TYPE__ min, r;
  if (p) {
    __UINT32_TYPE__ (*f)(__UINT32_TYPE__);
    FLOORCOMPAT__FN(f, p);
    FLOORCOMPAT__SET_PATH(arc4random_uniform, FLOORCOMPAT__P_RESOLVED);
    return f(bound);
  }
  FLOORCOMPAT__SET_PATH(arc4random_uniform, FLOORCOMPAT__P_FALLBACK);
  if (bound < 2)
    return 0;
  min = (__UINT32_TYPE__)(0U - bound) % bound; /* 2^32 mod bound: reject [0, min) */
  do
    floorcompat__arc4_fill(&r, sizeof r);
  while (r < min);
  return r % bound;
}
FLOORCOMPAT__SHIM_AS(floorcompat_arc4random_uniform, arc4random_uniform)
#endif /* !FLOORCOMPAT_HAVE_ARC4RANDOM */

#ifdef __cplusplus
}
#endif
#endif
