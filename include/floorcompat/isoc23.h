/* isoc23.h - the C23 number parsers of glibc 2.38 (per-TU renames).
 *
 * glibc >= 2.38 headers send strtol & co. and the *scanf family to __isoc23_* (for C2x, or with
 * _GNU_SOURCE) so that they accept the 0b prefix and %b. A floor below 2.38 gets the floor's own
 * functions instead: same ABI, the floor glibc's behaviour (no 0b, no %b) on every system. The
 * lists below serve twice: as per-TU renames here, and as definitions of the __isoc23_* names in
 * the isoc23 family (impl/isoc23.h), for objects compiled without this header. A TU that defines
 * FLOORCOMPAT_IMPLEMENTATION before its first inclusion gets the definitions, not the renames (a
 * .symver rename of a name the same TU defines would make a versioned definition of libc's name);
 * one that saw the renames (FLOORCOMPAT__RENAMED) is served by them and defines nothing. */
#if !defined(FLOORCOMPAT__ISOC23_DONE) && FLOORCOMPAT_GLIBC < 238
#define FLOORCOMPAT__ISOC23_DONE 1
/* The older of an arch's base version and the version a function first appeared in. */
#if FLOORCOMPAT__BASE_GLIBC >= 203
#define FLOORCOMPAT__V203 FLOORCOMPAT__BASE_VERSION
#else
#define FLOORCOMPAT__V203 "GLIBC_2.3"
#endif
#if FLOORCOMPAT__BASE_GLIBC >= 207
#define FLOORCOMPAT__V207 FLOORCOMPAT__BASE_VERSION
#else
#define FLOORCOMPAT__V207 "GLIBC_2.7"
#endif
/* X(name, version, ret, params, args): the strto* and wcsto* parsers; __isoc23_NAME has NAME's ABI
 * (long long as the 64-bit type it is on every glibc port, for C++98 -pedantic). */
#define FLOORCOMPAT__ISOC23_STRTO(X) \
  X(strtol, FLOORCOMPAT__BASE_VERSION, long, (const char *s, char **e, int b), (s, e, b)) \
  X(strtoul, FLOORCOMPAT__BASE_VERSION, unsigned long, (const char *s, char **e, int b), (s, e, b)) \
  X(strtoll, FLOORCOMPAT__BASE_VERSION, __INT64_TYPE__, (const char *s, char **e, int b), (s, e, b)) \
  X(strtoull, FLOORCOMPAT__BASE_VERSION, __UINT64_TYPE__, (const char *s, char **e, int b), (s, e, b)) \
  X(strtoimax, FLOORCOMPAT__BASE_VERSION, __INTMAX_TYPE__, (const char *s, char **e, int b), (s, e, b)) \
  X(strtoumax, FLOORCOMPAT__BASE_VERSION, __UINTMAX_TYPE__, (const char *s, char **e, int b), (s, e, b)) \
  X(wcstol, FLOORCOMPAT__BASE_VERSION, long, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b), (s, e, b)) \
  X(wcstoul, FLOORCOMPAT__BASE_VERSION, unsigned long, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b), (s, e, b)) \
  X(wcstoll, FLOORCOMPAT__BASE_VERSION, __INT64_TYPE__, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b), (s, e, b)) \
  X(wcstoull, FLOORCOMPAT__BASE_VERSION, __UINT64_TYPE__, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b), (s, e, b)) \
  X(wcstoimax, FLOORCOMPAT__BASE_VERSION, __INTMAX_TYPE__, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b), (s, e, b)) \
  X(wcstoumax, FLOORCOMPAT__BASE_VERSION, __UINTMAX_TYPE__, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b), (s, e, b)) \
  X(strtol_l, FLOORCOMPAT__V203, long, (const char *s, char **e, int b, void *l), (s, e, b, l)) \
  X(strtoul_l, FLOORCOMPAT__V203, unsigned long, (const char *s, char **e, int b, void *l), (s, e, b, l)) \
  X(strtoll_l, FLOORCOMPAT__V203, __INT64_TYPE__, (const char *s, char **e, int b, void *l), (s, e, b, l)) \
  X(strtoull_l, FLOORCOMPAT__V203, __UINT64_TYPE__, (const char *s, char **e, int b, void *l), (s, e, b, l)) \
  X(wcstol_l, FLOORCOMPAT__V203, long, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b, void *l), (s, e, b, l)) \
  X(wcstoul_l, FLOORCOMPAT__V203, unsigned long, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b, void *l), (s, e, b, l)) \
  X(wcstoll_l, FLOORCOMPAT__V203, __INT64_TYPE__, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b, void *l), (s, e, b, l)) \
  X(wcstoull_l, FLOORCOMPAT__V203, __UINT64_TYPE__, (const __WCHAR_TYPE__ *s, __WCHAR_TYPE__ **e, int b, void *l), (s, e, b, l))
/* X(name, vname, params, vparams, vargs): the scanf family; __isoc23_NAME is __isoc99_NAME (2.7), and
 * NAME takes its arguments as VNAME does after the va_list is made. */
#define FLOORCOMPAT__ISOC23_SCAN(X) \
  X(scanf, vscanf, (const char *f, ...), (const char *f, __builtin_va_list a), (f, a)) \
  X(fscanf, vfscanf, (void *st, const char *f, ...), (void *st, const char *f, __builtin_va_list a), (st, f, a)) \
  X(sscanf, vsscanf, (const char *in, const char *f, ...), (const char *in, const char *f, __builtin_va_list a), (in, f, a)) \
  X(wscanf, vwscanf, (const __WCHAR_TYPE__ *f, ...), (const __WCHAR_TYPE__ *f, __builtin_va_list a), (f, a)) \
  X(fwscanf, vfwscanf, (void *st, const __WCHAR_TYPE__ *f, ...), (void *st, const __WCHAR_TYPE__ *f, __builtin_va_list a), (st, f, a)) \
  X(swscanf, vswscanf, (const __WCHAR_TYPE__ *in, const __WCHAR_TYPE__ *f, ...), (const __WCHAR_TYPE__ *in, const __WCHAR_TYPE__ *f, __builtin_va_list a), (in, f, a))
#define FLOORCOMPAT__C23(name, ver, ret, params, args) FLOORCOMPAT__RENAME(__isoc23_##name, name, ver)
#define FLOORCOMPAT__C23SCAN(name, vname, params, vparams, vargs)                                  \
  FLOORCOMPAT__RENAME(__isoc23_##name, __isoc99_##name, FLOORCOMPAT__V207)                         \
  FLOORCOMPAT__RENAME(__isoc23_##vname, __isoc99_##vname, FLOORCOMPAT__V207)
#ifndef FLOORCOMPAT_IMPLEMENTATION /* that TU defines the names instead (impl/isoc23.h) */
#define FLOORCOMPAT__RENAMED 1
FLOORCOMPAT__ISOC23_STRTO(FLOORCOMPAT__C23)
FLOORCOMPAT__ISOC23_SCAN(FLOORCOMPAT__C23SCAN)
#endif
#undef FLOORCOMPAT__C23
#undef FLOORCOMPAT__C23SCAN
#endif
