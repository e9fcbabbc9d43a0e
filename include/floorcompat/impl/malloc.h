/* impl/malloc.h - <malloc.h>: mallinfo2 (2.33)
 *
 * mallinfo2      glibc's own (mallinfo2@GLIBC_2.33) found at run time (runtime.h). Else mallinfo(),
 *                whose int fields keep only the low 32 bits of the allocator's size_t counters: each
 *                is widened as unsigned, so it is exact below 4 GiB and wraps beyond (read as int, as
 *                mallinfo's callers do, it already turns negative beyond 2 GiB). */
#ifndef FLOORCOMPAT_IMPL_MALLOC_H
#define FLOORCOMPAT_IMPL_MALLOC_H 1
#include <malloc.h>
#ifdef __cplusplus
extern "C" {
#endif

#if !FLOORCOMPAT_HAVE_MALLINFO2
#if __GLIBC__ * 100 + __GLIBC_MINOR__ < 233 /* headers without it: glibc 2.33's layout */
struct mallinfo2 {
  __SIZE_TYPE__ arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
};
#endif
/* mallinfo under a name of our own: glibc >= 2.33 headers mark it deprecated. */
struct floorcompat__mallinfo {
  int arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
};
extern struct floorcompat__mallinfo floorcompat__sys_mallinfo(void) __asm__("mallinfo");
static void *floorcompat__mallinfo2_ptr;

FLOORCOMPAT__SHIM struct mallinfo2 floorcompat_mallinfo2(void)
{
  void *p = floorcompat__resolve(&floorcompat__mallinfo2_ptr, "mallinfo2", "GLIBC_2.33");
  struct floorcompat__mallinfo m;
  struct mallinfo2 r;
  if (p) {
    struct mallinfo2 (*f)(void);
    FLOORCOMPAT__FN(f, p);
    FLOORCOMPAT__SET_PATH(mallinfo2, FLOORCOMPAT__P_RESOLVED);
    return f();
  }
  FLOORCOMPAT__SET_PATH(mallinfo2, FLOORCOMPAT__P_FALLBACK);
  m = floorcompat__sys_mallinfo();
#define FLOORCOMPAT__WIDEN(f) r.f = (__SIZE_TYPE__)(unsigned int)m.f
  FLOORCOMPAT__WIDEN(arena);
  FLOORCOMPAT__WIDEN(ordblks);
  FLOORCOMPAT__WIDEN(smblks);
  FLOORCOMPAT__WIDEN(hblks);
  FLOORCOMPAT__WIDEN(hblkhd);
  FLOORCOMPAT__WIDEN(usmblks);
  FLOORCOMPAT__WIDEN(fsmblks);
  FLOORCOMPAT__WIDEN(uordblks);
  FLOORCOMPAT__WIDEN(fordblks);
  FLOORCOMPAT__WIDEN(keepcost);
#undef FLOORCOMPAT__WIDEN
  return r;
}
FLOORCOMPAT__SHIM_AS(floorcompat_mallinfo2, mallinfo2)
#endif /* !FLOORCOMPAT_HAVE_MALLINFO2 */

#ifdef __cplusplus
}
#endif
#endif
