/* runtime.h - what every family of the IMPLEMENTATION part shares (floorcompat.h includes it
 * before the families; their definitions are the runtime family, impl/runtime.h). Declarations and
 * the contract of each query are in api.h.
 *
 * Three layers, nolibc style: floorcompat__raw_syscall (the instruction, -errno), floorcompat__syscall5
 * (syscall(2)'s contract: -1 and errno), and the shims. The libc functions the shims call are
 * declared here under names of their own with the libc symbol (floorcompat__malloc is malloc): the
 * IMPLEMENTATION part cannot choose the feature-test macros that would make <stdlib.h> & co.
 * declare them, and new headers would redirect some names (strtol, fcntl) to post-floor symbols.
 * They are ordinary references, bound by ld.so like any other (an LD_PRELOAD malloc serves them),
 * at the floor's version (the floor directory's); a program pays for them only when it links a member
 * that calls them.
 *
 * floorcompat__vsym(name, version) is dlvsym(libc, name, version) without libdl: dlsym/dlvsym are
 * @GLIBC_2.34 on a new build host and lived in libdl before, which would force -ldl on every user.
 * It walks the loaded objects with dl_iterate_phdr (libc since 2.2.4; an LD_PRELOAD one is taken,
 * as the test helper tests/helpers/nolookup.c relies on), which lists the objects of the caller's
 * own namespace (glibc picks the namespace of the object its return address is in), so a library
 * loaded with dlmopen(LM_ID_NEWLM) finds the libc of its namespace; no /proc, no DT_DEBUG. It takes
 * the object whose name ends in "/libc.so.6" (or is it) and looks NAME up in its dynamic symbol
 * table through DT_GNU_HASH (or DT_HASH), matching the exact version through DT_VERSYM and
 * DT_VERDEF, hidden (non-default) versions included, as dlvsym does. floorcompat__vsym_in(lib,
 * name, version) searches the loaded object named LIB instead, and a NULL version asks for the
 * default one (what an unversioned link would bind; dlsym's answer). The shims' cached lookups
 * (floorcompat__resolve) go through floorcompat__bind_in, which answers what ld.so would bind a
 * reference to: when the library has NAME at that version, an interposer loaded before it wins (a
 * definition of NAME with that version or none in the program, an LD_PRELOAD library, a sanitizer
 * runtime), so ASan's and TSan's interceptors see the calls a shim makes, as they see the plain
 * program's. floorcompat__resolve_pt
 * searches libc.so.6, then libpthread.so.0: the threads functions lived there before glibc 2.34
 * (libpthread.so.0 is loaded when the program linked it, which every program using those
 * functions below 2.34 does). Only defined STT_FUNC and STT_OBJECT symbols are returned: an IFUNC
 * would need its resolver called with the architecture's arguments, so it counts as absent.
 * Lookups are lazy (first call of a shim; nothing runs at start-up) and cached per shim in an atomic
 * pointer (acquire/release; a sentinel records "absent"), so racing first calls may each look up
 * once and then agree. A weak reference would not do: ld still records the version need.
 *
 * floorcompat_syscall_works(nr) probes a syscall with deliberately invalid arguments, so that an
 * existing syscall fails at argument checking without side effects (as Rust's std does), and caches
 * the answer: ENOSYS, or EPERM from a seccomp filter, means absent, any other result means present.
 *   getrandom(NULL, 0, ~0)          EINVAL     memfd_create(NULL, 0)        EFAULT
 *   memfd_secret(~0)                EINVAL     copy_file_range(-1, ...)     EBADF
 *   statx(-1, NULL, 0, 0, NULL)     EFAULT     renameat2(..., flags ~0)     EINVAL
 *   close_range(~0, 0, 0)           EINVAL     pidfd_open(-1, 0)            EINVAL
 *   pidfd_send_signal(-1, ...)      EBADF      pidfd_getfd(-1, -1, 0)       EBADF
 *   mlock2(0, 0, ~0)                EINVAL     preadv2/pwritev2(-1, ...)    EBADF
 *   getdents64(-1, NULL, 0)         EBADF      tgkill(0, 0, 0)              EINVAL
 *   clone3(NULL, 0)                 EINVAL     openat2(-1, NULL, NULL, 0)   EINVAL
 *   faccessat2(-1, NULL, 0, ~0)     EINVAL     execveat(-1, NULL, ..., ~0)  EINVAL
 *   rseq(NULL, 0, ~0, 0)            EINVAL     membarrier(-1, 0)            EINVAL
 *   gettid()                        succeeds
 * Other numbers answer -1 (no probe without side effects or privilege-dependent errors known).
 * The shims call the syscall first and consult the probe only when an errno is ambiguous (EPERM is
 * also a genuine answer of copy_file_range or renameat2). */
#ifndef FLOORCOMPAT_RUNTIME_H
#define FLOORCOMPAT_RUNTIME_H 1
#include <errno.h>
#include <elf.h>
#include <link.h>
#include <string.h>
#include <sys/utsname.h>
#include <gnu/libc-version.h>

#ifdef __cplusplus
extern "C" {
#endif
#define FLOORCOMPAT__UNUSED __attribute__((unused))
/* Own declarations of what the headers declare only under some feature-test macros; the
 * IMPLEMENTATION part cannot choose those (<features.h> came first). */
extern long floorcompat__sys_syscall(long nr, ...) __asm__("syscall");

/* The syscall instruction itself, returning -errno like the kernel (no errno write on success),
 * nolibc style, on x86_64 and aarch64: the shims must not cost more than libc's own wrappers (a call
 * of libc's syscall() alone doubles the instructions of getrandom(16 bytes)). Elsewhere libc's
 * syscall(). Not a cancellation point, unlike libc's wrappers of blocking syscalls. */
#if defined(__x86_64__) && !defined(__ILP32__)
static __inline__ FLOORCOMPAT__UNUSED long floorcompat__raw_syscall(long n, long a, long b, long c, long d, long e, long f)
{
  long r;
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  __asm__ __volatile__("syscall"
                       : "=a"(r)
                       : "0"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                       : "rcx", "r11", "memory");
  return r;
}
#elif defined(__aarch64__) && !defined(__ILP32__)
static __inline__ FLOORCOMPAT__UNUSED long floorcompat__raw_syscall(long n, long a, long b, long c, long d, long e, long f)
{
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  register long x3 __asm__("x3") = d;
  register long x4 __asm__("x4") = e;
  register long x5 __asm__("x5") = f;
  __asm__ __volatile__("svc 0"
                       : "+r"(x0)
                       : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
                       : "memory", "cc");
  return x0;
}
#else
static FLOORCOMPAT__UNUSED long floorcompat__raw_syscall(long n, long a, long b, long c, long d, long e, long f);
#define FLOORCOMPAT__SYSCALL_VIA_LIBC 1
#endif
#if defined(__x86_64__) && !defined(__ILP32__)
/* Three arguments, the third an int: the kernel reads only the low half, so no zero extension. */
static __inline__ FLOORCOMPAT__UNUSED long floorcompat__raw_syscall3(long n, long a, long b, unsigned int c)
{
  long r;
  __asm__ __volatile__("syscall" : "=a"(r) : "0"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
  return r;
}
#else
#define floorcompat__raw_syscall3(n, a, b, c) floorcompat__raw_syscall(n, a, b, (long)(c), 0, 0, 0)
#endif
#define FLOORCOMPAT__SYSCALL_FAILED(r) ((unsigned long)(r) > -4096UL)

/* ---- the libc functions the shims call (see above) ---- */
extern void *floorcompat__malloc(__SIZE_TYPE__) __asm__("malloc");
extern void *floorcompat__calloc(__SIZE_TYPE__, __SIZE_TYPE__) __asm__("calloc");
extern void *floorcompat__realloc(void *, __SIZE_TYPE__) __asm__("realloc");
extern void floorcompat__free(void *) __asm__("free");
extern char *floorcompat__getenv(const char *) __asm__("getenv");
extern int floorcompat__fork(void) __asm__("fork");
extern int floorcompat__getpagesize(void) __asm__("getpagesize");
extern const char *floorcompat__gnu_get_libc_version(void) __asm__("gnu_get_libc_version");
extern int floorcompat____cxa_atexit(void (*)(void *), void *, void *) __asm__("__cxa_atexit");
extern __attribute__((noreturn)) void floorcompat__exit(int) __asm__("exit");
extern __attribute__((noreturn)) void floorcompat__abort(void) __asm__("abort");
extern __SIZE_TYPE__ floorcompat__strlen(const char *) __asm__("strlen");
extern void *floorcompat__memset(void *, int, __SIZE_TYPE__) __asm__("memset");
extern void *floorcompat__memmove(void *, const void *, __SIZE_TYPE__) __asm__("memmove");
/* <link.h> has struct dl_phdr_info and dl_iterate_phdr only for _GNU_SOURCE: the stable prefix of
 * the structure (glibc 2.2.4), under a name of our own. */
struct floorcompat__dl_phdr_info {
  ElfW(Addr) dlpi_addr;
  const char *dlpi_name;
  const ElfW(Phdr) *dlpi_phdr;
  ElfW(Half) dlpi_phnum;
};
extern int floorcompat__dl_iterate_phdr(int (*)(struct floorcompat__dl_phdr_info *, __SIZE_TYPE__, void *), void *)
  __asm__("dl_iterate_phdr");

/* ---- string helpers without libc, for lookups and cold paths; the empty asm keeps compilers
 * from turning the loops back into calls of memset & co. ---- */
#define FLOORCOMPAT__OPAQUE(p) __asm__("" : "+r"(p))
static FLOORCOMPAT__UNUSED __SIZE_TYPE__ floorcompat__strlen0(const char *s)
{
  const char *p = s;
  for (; *p; p++)
    FLOORCOMPAT__OPAQUE(p);
  return (__SIZE_TYPE__)(p - s);
}
static FLOORCOMPAT__UNUSED int floorcompat__strcmp0(const char *a, const char *b)
{
  for (; *a && *a == *b; a++, b++)
    FLOORCOMPAT__OPAQUE(a);
  return (unsigned char)*a - (unsigned char)*b;
}
static FLOORCOMPAT__UNUSED int floorcompat__prefix(const char *s, const char *pre)
{
  for (; *pre; s++, pre++)
    if (*s != *pre)
      return 0;
  return 1;
}
static FLOORCOMPAT__UNUSED const char *floorcompat__strchr0(const char *s, int c)
{
  for (; *s != (char)c; s++)
    if (!*s)
      return 0;
  return s;
}
static FLOORCOMPAT__UNUSED void *floorcompat__memset0(void *d, int c, __SIZE_TYPE__ n)
{
  unsigned char *p = (unsigned char *)d;
  for (; n; n--, p++) {
    FLOORCOMPAT__OPAQUE(p);
    *p = (unsigned char)c;
  }
  return d;
}
static FLOORCOMPAT__UNUSED void *floorcompat__memmove0(void *d, const void *s, __SIZE_TYPE__ n)
{
  unsigned char *p = (unsigned char *)d;
  const unsigned char *q = (const unsigned char *)s;
  if (p < q)
    for (; n; n--, p++, q++) {
      FLOORCOMPAT__OPAQUE(p);
      *p = *q;
    }
  else
    while (n) {
      n--;
      FLOORCOMPAT__OPAQUE(p);
      p[n] = q[n];
    }
  return d;
}

static FLOORCOMPAT__UNUSED char *floorcompat__strdup(const char *s)
{
  __SIZE_TYPE__ n = floorcompat__strlen(s) + 1;
  char *p = (char *)floorcompat__malloc(n);
  return p ? (char *)floorcompat__memmove(p, s, n) : p;
}
/* Object pointer to function pointer without the -pedantic complaint. */
#define FLOORCOMPAT__FN(fnptr, objptr) __builtin_memcpy(&(fnptr), &(objptr), sizeof(fnptr))
#ifdef FLOORCOMPAT__SYSCALL_VIA_LIBC
static FLOORCOMPAT__UNUSED long floorcompat__raw_syscall(long n, long a, long b, long c, long d, long e, long f)
{
  long r = floorcompat__sys_syscall(n, a, b, c, d, e, f);
  return r == -1 ? -(long)errno : r;
}
#endif
/* syscall(2)'s contract (-1 and errno) over the above: no libc import on x86_64 and aarch64
 * (each import is one more relocation at every start, a full symbol lookup each with -z now).
 * FLOORCOMPAT__LIBC_WRAPPERS (internal, for tests) takes libc's wrappers there too. */
#if (defined(__x86_64__) || defined(__aarch64__)) && !defined(__ILP32__) && !defined(FLOORCOMPAT__LIBC_WRAPPERS)
#define FLOORCOMPAT__RAW_SYSCALLS 1
#include <asm/unistd.h>
#define FLOORCOMPAT__UNAME(u) floorcompat__syscall5(__NR_uname, (long)(u), 0, 0, 0, 0)
#else
#define FLOORCOMPAT__UNAME(u) uname(u)
#endif
static __inline__ FLOORCOMPAT__UNUSED long floorcompat__syscall5(long n, long a, long b, long c, long d, long e)
{
#ifdef FLOORCOMPAT__RAW_SYSCALLS
  long r = floorcompat__raw_syscall(n, a, b, c, d, e, 0);
  if (FLOORCOMPAT__SYSCALL_FAILED(r)) {
    errno = (int)-r;
    return -1;
  }
  return r;
#else
  return floorcompat__sys_syscall(n, a, b, c, d, e);
#endif
}

/* ---- which path served an API (floorcompat_path) ---- */
enum {
  FLOORCOMPAT__P_UNUSED = 0, FLOORCOMPAT__P_SYSCALL, FLOORCOMPAT__P_RESOLVED, FLOORCOMPAT__P_FALLBACK,
  FLOORCOMPAT__P_PORTABLE
};
/* One byte per API of gates.h, written by the shims, read by floorcompat_path (impl/runtime.h). */
extern unsigned char floorcompat__paths[FLOORCOMPAT__API_COUNT] __attribute__((visibility("hidden")));
#define FLOORCOMPAT__SET_PATH(api, p) \
  __atomic_store_n(&floorcompat__paths[FLOORCOMPAT__API_##api], (unsigned char)(p), __ATOMIC_RELAXED)

/* A syscall-backed shim's state: 0 unknown, 2 known absent. The shims always try the syscall
 * first (a failing syscall is cheaper than the fallback it leads to, and the common case, a kernel
 * that has it, then pays no check); only a failure consults the state.
 * floorcompat__sc_failed(state, nr, errno) decides after a failed call whether it means absent:
 * ENOSYS does; EPERM (and the extra errnos a caller names) only if the probe says so. */
static FLOORCOMPAT__UNUSED __attribute__((noinline, cold)) int floorcompat__sc_failed(signed char *state, long nr, int e,
                                                                                      int e2, int e3)
{
  int absent = 0;
  if (__atomic_load_n(state, __ATOMIC_RELAXED) == 2)
    return 1;
  if (e == ENOSYS)
    absent = 1;
  else if (e == EPERM || (e2 && e == e2) || (e3 && e == e3))
    absent = floorcompat_syscall_works(nr) == 0;
  if (absent)
    __atomic_store_n(state, (signed char)2, __ATOMIC_RELAXED);
  return absent;
}

/* In a shim: call syscall NR (STATE as above) with six arguments; on success or a genuine error
 * return from the shim (errno set only on error); fall through when the syscall is absent. */
#define FLOORCOMPAT__TRY_SYSCALL(api, type, nr, state, e2, e3, a, b, c, d, e, f)                      \
  {                                                                                                   \
    long floorcompat__r = floorcompat__raw_syscall(nr, (long)(a), (long)(b), (long)(c), (long)(d),    \
                                                   (long)(e), (long)(f));                            \
    if (__builtin_expect(!FLOORCOMPAT__SYSCALL_FAILED(floorcompat__r), 1)) {                        \
      FLOORCOMPAT__SET_PATH(api, FLOORCOMPAT__P_SYSCALL);                                             \
      return (type)floorcompat__r;                                                                    \
    }                                                                                                 \
    if (!floorcompat__sc_failed(&(state), nr, (int)-floorcompat__r, e2, e3)) {                       \
      errno = (int)-floorcompat__r;                                                                   \
      FLOORCOMPAT__SET_PATH(api, FLOORCOMPAT__P_SYSCALL);                                             \
      return (type)-1;                                                                                \
    }                                                                                                 \
  }                                                                                                   \
  FLOORCOMPAT__SET_PATH(api, FLOORCOMPAT__P_FALLBACK);

/* ---- versioned lookup in the loaded libc (impl/runtime.h) ---- */
__attribute__((visibility("hidden"))) void *floorcompat__vsym_in(const char *lib, const char *name, const char *version);
__attribute__((visibility("hidden"))) void *floorcompat__bind_in(const char *lib, const char *name, const char *version);
static char floorcompat__absent_mark; /* a slot's "absent" sentinel; any unique address does */

/* The cached lookup of a runtime-resolved shim: SLOT holds NULL (not yet), the sentinel (absent)
 * or the address. */
static FLOORCOMPAT__UNUSED void *floorcompat__resolve_in(void **slot, int pt, const char *name, const char *version)
{
  void *p = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
  if (!p) {
    int saved = errno;
    p = floorcompat__bind_in("libc.so.6", name, version);
    if (!p && pt)
      p = floorcompat__bind_in("libpthread.so.0", name, version);
    errno = saved;
    if (!p)
      p = &floorcompat__absent_mark;
    __atomic_store_n(slot, p, __ATOMIC_RELEASE);
  }
  return p == (void *)&floorcompat__absent_mark ? (void *)0 : p;
}
static FLOORCOMPAT__UNUSED void *floorcompat__resolve(void **slot, const char *name, const char *version)
{
  return floorcompat__resolve_in(slot, 0, name, version);
}
static FLOORCOMPAT__UNUSED void *floorcompat__resolve_pt(void **slot, const char *name, const char *version)
{
  return floorcompat__resolve_in(slot, 1, name, version);
}

#ifdef __cplusplus
}
#endif
#endif /* FLOORCOMPAT_RUNTIME_H */
