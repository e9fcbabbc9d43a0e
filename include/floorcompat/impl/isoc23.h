/* impl/isoc23.h - the isoc23 family: __isoc23_strtol & co. and the __isoc23_*scanf family (2.38),
 * the names glibc >= 2.38 headers choose for C2x or _GNU_SOURCE, defined over the floor's own
 * functions (same ABI; the floor's behaviour: no 0b prefix, no %b), so that objects compiled
 * without floorcompat.h (static libraries, Rust's std, libstdc++.a) resolve to them. The variadic
 * scanf forms make their va_list and call __isoc99_v*scanf (2.7). */
#ifndef FLOORCOMPAT_IMPL_ISOC23_H
#define FLOORCOMPAT_IMPL_ISOC23_H 1
#if FLOORCOMPAT_GLIBC < 238
/* X(name, ret, params, args): the strto* and wcsto* parsers; __isoc23_NAME has NAME's ABI
 * (long long as the 64-bit type it is on every glibc port, for C++98 -pedantic). */
#define FLOORCOMPAT__ISOC23_STRTO(X) \
  X(strtol, long, (const char *s, char **e, int b), (s, e, b)) \
  X(strtoul, unsigned long, (const char *s, char **e, int b), (s, e, b)) \
  X(strtoll, __INT64_TYPE__, (const char *s, char **e, int b), (s, e, b)) \
  X(strtoull, __UINT64_TYPE__, (const char *s, char **e, int b), (s, e, b)) \
  X(strtoimax, __INTMAX_TYPE__, (const char *s, char **e, int b), (s, e, b)) \
  X(strtoumax, __UINTMAX_TYPE__, (const char *s, char **e, int b), (s, e, b)) \
  X(wcstol, long, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b), (s, e, b)) \
  X(wcstoul, unsigned long, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b), (s, e, b)) \
  X(wcstoll, __INT64_TYPE__, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b), (s, e, b)) \
  X(wcstoull, __UINT64_TYPE__, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b), (s, e, b)) \
  X(wcstoimax, __INTMAX_TYPE__, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b), (s, e, b)) \
  X(wcstoumax, __UINTMAX_TYPE__, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b), (s, e, b)) \
  X(strtol_l, long, (const char *s, char **e, int b, void *l), (s, e, b, l)) \
  X(strtoul_l, unsigned long, (const char *s, char **e, int b, void *l), (s, e, b, l)) \
  X(strtoll_l, __INT64_TYPE__, (const char *s, char **e, int b, void *l), (s, e, b, l)) \
  X(strtoull_l, __UINT64_TYPE__, (const char *s, char **e, int b, void *l), (s, e, b, l)) \
  X(wcstol_l, long, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b, void *l), (s, e, b, l)) \
  X(wcstoul_l, unsigned long, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b, void *l), (s, e, b, l)) \
  X(wcstoll_l, __INT64_TYPE__, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b, void *l), (s, e, b, l)) \
  X(wcstoull_l, __UINT64_TYPE__, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b, void *l), (s, e, b, l))
/* X(name, vname, params, vparams, vargs): the scanf family; __isoc23_NAME is __isoc99_NAME (2.7), and
 * NAME takes its arguments as VNAME does after the va_list is made. */
#define FLOORCOMPAT__ISOC23_SCAN(X) \
  X(scanf, vscanf, (const char *f, ...), (const char *f, __builtin_va_list a), (f, a)) \
  X(fscanf, vfscanf, (void *st, const char *f, ...), (void *st, const char *f, __builtin_va_list a), (st, f, a)) \
  X(sscanf, vsscanf, (const char *in, const char *f, ...), (const char *in, const char *f, __builtin_va_list a), (in, f, a)) \
  X(wscanf, vwscanf, (const __WCHAR_TYPE__ *f, ...), (const __WCHAR_TYPE__ *f, __builtin_va_list a), (f, a)) \
  X(fwscanf, vfwscanf, (void *st, const __WCHAR_TYPE__ *f, ...), (void *st, const __WCHAR_TYPE__ *f, __builtin_va_list a), (st, f, a)) \
  X(swscanf, vswscanf, (const __WCHAR_TYPE__ *in, const __WCHAR_TYPE__ *f, ...), (const __WCHAR_TYPE__ *in, const __WCHAR_TYPE__ *f, __builtin_va_list a), (in, f, a))
#ifdef __cplusplus
extern "C" {
#endif
/* __isoc23_NAME over the floor's NAME (FLOORCOMPAT__FORWARD); __isoc23_VNAME over __isoc99_VNAME,
 * and the variadic __isoc23_NAME making its va_list for it. */
#define FLOORCOMPAT__C23DEF(name, ret, params, args) \
  FLOORCOMPAT__FORWARD(__isoc23_##name, #name, ret, params, args)
#define FLOORCOMPAT__C23SCANDEF(name, vname, params, vparams, vargs)                           \
  FLOORCOMPAT__FORWARD(__isoc23_##vname, "__isoc99_" #vname, int, vparams, vargs)             \
  __attribute__((visibility("hidden"), weak)) int floorcompat__isoc23_##name params            \
  {                                                                                            \
    int r;                                                                                     \
    __builtin_va_list a;                                                                       \
    __builtin_va_start(a, f);                                                                  \
    r = floorcompat__libc___isoc23_##vname vargs;                                             \
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
