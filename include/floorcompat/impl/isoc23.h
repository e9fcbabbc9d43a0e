/* impl/isoc23.h - the isoc23 family: __isoc23_strtol & co. and the __isoc23_*scanf family (2.38),
 * the names glibc >= 2.38 headers choose for C2x or _GNU_SOURCE, defined over the floor's own
 * functions (same ABI; the floor's behaviour: no 0b prefix, no %b), so that objects compiled
 * without floorcompat.h (static libraries, Rust's std, libstdc++.a) resolve to them. The names come
 * from the lists in isoc23.h, which also drive the per-TU renames; a TU that saw those renames
 * (FLOORCOMPAT__RENAMED) is served by them and defines nothing here. The variadic scanf forms make
 * their va_list and call __isoc99_v*scanf (2.7). */
#ifndef FLOORCOMPAT_IMPL_ISOC23_H
#define FLOORCOMPAT_IMPL_ISOC23_H 1
#if FLOORCOMPAT_GLIBC < 238 && !defined(FLOORCOMPAT__RENAMED)
#ifdef __cplusplus
extern "C" {
#endif
/* The floor's function under our name, its symbol libc's; then the definition, whose libc name is
 * a hidden weak alias (FLOORCOMPAT__DEFINE_AS). */
#define FLOORCOMPAT__C23DEF(name, ver, ret, params, args)                          \
  extern ret floorcompat__libc_##name params __asm__(#name);                       \
  __attribute__((visibility("hidden"), weak)) ret floorcompat__isoc23_##name params \
  { return floorcompat__libc_##name args; }                                        \
  FLOORCOMPAT__DEFINE_AS(floorcompat__isoc23_##name, __isoc23_##name)
#define FLOORCOMPAT__C23SCANDEF(name, vname, params, vparams, vargs)                           \
  extern int floorcompat__libc_##vname vparams __asm__("__isoc99_" #vname);                   \
  __attribute__((visibility("hidden"), weak)) int floorcompat__isoc23_##vname vparams          \
  { return floorcompat__libc_##vname vargs; }                                                  \
  FLOORCOMPAT__DEFINE_AS(floorcompat__isoc23_##vname, __isoc23_##vname)                        \
  __attribute__((visibility("hidden"), weak)) int floorcompat__isoc23_##name params            \
  {                                                                                            \
    int r;                                                                                     \
    __builtin_va_list a;                                                                       \
    __builtin_va_start(a, f);                                                                  \
    r = floorcompat__libc_##vname vargs;                                                       \
    __builtin_va_end(a);                                                                       \
    return r;                                                                                  \
  }                                                                                            \
  FLOORCOMPAT__DEFINE_AS(floorcompat__isoc23_##name, __isoc23_##name)
FLOORCOMPAT__ISOC23_STRTO(FLOORCOMPAT__C23DEF)
FLOORCOMPAT__ISOC23_SCAN(FLOORCOMPAT__C23SCANDEF)
#undef FLOORCOMPAT__C23DEF
#undef FLOORCOMPAT__C23SCANDEF
#ifdef __cplusplus
}
#endif
#endif
#endif
