/* runtime.h - run-time support of the API shims (part of FLOORCOMPAT_IMPLEMENTATION, via
 * impl-shims.h). Declarations and the contract of each query are in api.h.
 *
 * floorcompat__vsym(name, version) is dlvsym(libc, name, version) without libdl: dlsym/dlvsym are
 * @GLIBC_2.34 on a new build host and lived in libdl before, which would force -ldl on every user.
 * It walks the loaded objects with dl_iterate_phdr (libc since 2.2.4; bound at first call like the
 * other libc functions this part calls, libc-calls.h, so an LD_PRELOAD one is taken, as the test
 * helper tests/helpers/nolookup.c relies on), takes the one whose name
 * ends in "libc.so.6", and looks NAME up in its dynamic symbol table through DT_GNU_HASH (or
 * DT_HASH), matching the exact version through DT_VERSYM and DT_VERDEF, hidden (non-default)
 * versions included, as dlvsym does. floorcompat__vsym_in(lib, name, version) searches the loaded
 * object named LIB instead, and a NULL version asks for the default one (what an unversioned link
 * would bind; dlsym's answer). floorcompat__resolve_pt searches libc.so.6, then libpthread.so.0:
 * the threads functions lived there before glibc 2.34 (libpthread.so.0 is loaded when the program
 * linked it, which every program using those functions below 2.34 does). Only defined STT_FUNC and STT_OBJECT symbols are returned: an
 * IFUNC would need its resolver called with the architecture's arguments, so it counts as absent.
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
#include "libc-calls.h"
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
static unsigned char floorcompat__paths[FLOORCOMPAT__API_COUNT];
#define FLOORCOMPAT__SET_PATH(api, p) \
  __atomic_store_n(&floorcompat__paths[FLOORCOMPAT__API_##api], (unsigned char)(p), __ATOMIC_RELAXED)

__attribute__((visibility("hidden"))) const char *floorcompat_path(const char *api)
{
  static const char *const names[] = { "unused", "syscall", "resolved", "fallback", "portable" };
#define FLOORCOMPAT__X(name, glibc, shimmed, idx)                                                     \
  if (floorcompat__strcmp0(api, #name) == 0) {                                                 \
    if (FLOORCOMPAT_GLIBC >= (glibc) && (glibc) > 0)                                              \
      return "libc";                                                                              \
    if (!(shimmed))                                                                               \
      return "none";                                                                              \
    if ((idx) == FLOORCOMPAT__API___libc_single_threaded) /* a variable: no call records a path */ \
      return "portable";                                                                          \
    return names[__atomic_load_n(&floorcompat__paths[idx], __ATOMIC_RELAXED)];                    \
  }
  FLOORCOMPAT__APIS(FLOORCOMPAT__X)
#undef FLOORCOMPAT__X
  return (const char *)0;
}

/* ---- run-time versions ---- */
static int floorcompat__parse2(const char *s, int *major, int *minor)
{
  int v[2], i = 0;
  v[0] = v[1] = 0;
  if (!s || *s < '0' || *s > '9')
    return -1;
  for (; *s && i < 2; s++) {
    if (*s >= '0' && *s <= '9')
      v[i] = v[i] * 10 + (*s - '0');
    else if (*s == '.')
      i++;
    else
      break;
  }
  *major = v[0];
  *minor = v[1];
  return 0;
}

__attribute__((visibility("hidden"))) int floorcompat_glibc_version(int *major, int *minor)
{
  int a, b;
  if (floorcompat__parse2(floorcompat__gnu_get_libc_version(), &a, &b) != 0)
    return -1;
  if (major)
    *major = a;
  if (minor)
    *minor = b;
  return 0;
}

__attribute__((visibility("hidden"))) int floorcompat_kernel_at_least(int major, int minor)
{
  static int cached; /* major * 1000 + minor + 1; 0 = not yet known */
  int v = __atomic_load_n(&cached, __ATOMIC_RELAXED);
  if (v == 0) {
    struct utsname u;
    int a = 0, b = 0;
    if (FLOORCOMPAT__UNAME(&u) == 0)
      floorcompat__parse2(u.release, &a, &b);
    v = a * 1000 + b + 1;
    __atomic_store_n(&cached, v, __ATOMIC_RELAXED);
  }
  return v - 1 >= major * 1000 + minor;
}

/* ---- syscall probes ---- */
static int floorcompat__absent_errno(int e) { return e == ENOSYS || e == EPERM; }

enum {
#define FLOORCOMPAT__X(name, nr, kernel) FLOORCOMPAT__SC_##name,
#ifdef FLOORCOMPAT__SYSCALL_TABLE
  FLOORCOMPAT__SYSCALL_TABLE(FLOORCOMPAT__X)
#endif
#undef FLOORCOMPAT__X
  FLOORCOMPAT__SC_COUNT
};
static signed char floorcompat__sc_cache[FLOORCOMPAT__SC_COUNT + 1]; /* 0 unknown, 1 works, 2 absent */

/* The probe of the table above; -2 when NR has none. */
static long floorcompat__probe(long nr)
{
  const long bad = -1;
  if (nr < 0)
    return -2;
#define FLOORCOMPAT__PROBE(name, a, b, c, d, e)   \
  if (nr == FLOORCOMPAT_NR_##name)                \
    return floorcompat__syscall5(nr, a, b, c, d, e);
#ifdef FLOORCOMPAT_NR_getrandom
  FLOORCOMPAT__PROBE(getrandom, 0L, 0L, bad, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_memfd_create
  FLOORCOMPAT__PROBE(memfd_create, 0L, 0L, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_memfd_secret
  FLOORCOMPAT__PROBE(memfd_secret, bad, 0L, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_copy_file_range
  FLOORCOMPAT__PROBE(copy_file_range, bad, 0L, bad, 0L, 1L)
#endif
#ifdef FLOORCOMPAT_NR_statx
  FLOORCOMPAT__PROBE(statx, bad, 0L, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_renameat2
  FLOORCOMPAT__PROBE(renameat2, bad, 0L, bad, 0L, bad)
#endif
#ifdef FLOORCOMPAT_NR_close_range
  FLOORCOMPAT__PROBE(close_range, bad, 0L, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_pidfd_open
  FLOORCOMPAT__PROBE(pidfd_open, bad, 0L, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_pidfd_send_signal
  FLOORCOMPAT__PROBE(pidfd_send_signal, bad, 0L, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_pidfd_getfd
  FLOORCOMPAT__PROBE(pidfd_getfd, bad, bad, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_mlock2
  FLOORCOMPAT__PROBE(mlock2, 0L, 0L, bad, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_preadv2
  FLOORCOMPAT__PROBE(preadv2, bad, 0L, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_pwritev2
  FLOORCOMPAT__PROBE(pwritev2, bad, 0L, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_getdents64
  FLOORCOMPAT__PROBE(getdents64, bad, 0L, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_tgkill
  FLOORCOMPAT__PROBE(tgkill, 0L, 0L, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_gettid
  FLOORCOMPAT__PROBE(gettid, 0L, 0L, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_clone3
  FLOORCOMPAT__PROBE(clone3, 0L, 0L, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_openat2
  FLOORCOMPAT__PROBE(openat2, bad, 0L, 0L, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_faccessat2
  FLOORCOMPAT__PROBE(faccessat2, bad, 0L, 0L, bad, 0L)
#endif
#ifdef FLOORCOMPAT_NR_execveat
  FLOORCOMPAT__PROBE(execveat, bad, 0L, 0L, 0L, bad)
#endif
#ifdef FLOORCOMPAT_NR_rseq
  FLOORCOMPAT__PROBE(rseq, 0L, 0L, bad, 0L, 0L)
#endif
#ifdef FLOORCOMPAT_NR_membarrier
  FLOORCOMPAT__PROBE(membarrier, bad, 0L, 0L, 0L, 0L)
#endif
#undef FLOORCOMPAT__PROBE
  return -2;
}

__attribute__((visibility("hidden"))) int floorcompat_syscall_works(long nr)
{
  int i = 0, saved = errno, works;
  long r;
  signed char *slot = &floorcompat__sc_cache[FLOORCOMPAT__SC_COUNT]; /* numbers off the table */
  signed char s;
#define FLOORCOMPAT__X(name, num, kernel) \
  if (nr == (num))                        \
    slot = &floorcompat__sc_cache[i];     \
  i++;
#ifdef FLOORCOMPAT__SYSCALL_TABLE
  FLOORCOMPAT__SYSCALL_TABLE(FLOORCOMPAT__X)
#endif
#undef FLOORCOMPAT__X
  (void)i;
  if (slot != &floorcompat__sc_cache[FLOORCOMPAT__SC_COUNT] &&
      (s = __atomic_load_n(slot, __ATOMIC_RELAXED)) != 0)
    return s == 1;
  errno = 0;
  r = floorcompat__probe(nr);
  if (r == -2) {
    errno = saved;
    return -1;
  }
  works = !(r == -1 && floorcompat__absent_errno(errno));
  errno = saved;
  if (slot != &floorcompat__sc_cache[FLOORCOMPAT__SC_COUNT])
    __atomic_store_n(slot, (signed char)(works ? 1 : 2), __ATOMIC_RELAXED);
  return works;
}


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

/* ---- versioned lookup in the loaded libc ---- */
/* <link.h> has struct dl_phdr_info and dl_iterate_phdr only for _GNU_SOURCE: the stable prefix of
 * the structure (glibc 2.2.4), under a name of our own. */
struct floorcompat__dl_phdr_info {
  ElfW(Addr) dlpi_addr;
  const char *dlpi_name;
  const ElfW(Phdr) *dlpi_phdr;
  ElfW(Half) dlpi_phnum;
};
struct floorcompat__vsym_query {
  const char *name, *version, *lib;
  void *result;
};

static int floorcompat__vsym_cb(struct floorcompat__dl_phdr_info *info, __SIZE_TYPE__ size, void *data)
{
  struct floorcompat__vsym_query *q = (struct floorcompat__vsym_query *)data;
  const char *n = info->dlpi_name;
  __SIZE_TYPE__ len = n ? floorcompat__strlen0(n) : 0, ll = floorcompat__strlen0(q->lib);
  const ElfW(Sym) *s;
  int i;
  (void)size;
  if (len < ll || floorcompat__strcmp0(n + len - ll, q->lib) != 0 || (len > ll && n[len - ll - 1] != '/'))
    return 0;
  for (i = 0; i < info->dlpi_phnum; i++)
    if (info->dlpi_phdr[i].p_type == PT_DYNAMIC) {
      s = floorcompat__dyn_sym(info->dlpi_addr, (const ElfW(Dyn) *)(info->dlpi_addr + info->dlpi_phdr[i].p_vaddr),
                               q->name, q->version, 0);
      if (s)
        q->result = (void *)(info->dlpi_addr + s->st_value);
    }
  return 1;
}

static FLOORCOMPAT__UNUSED void *floorcompat__vsym_in(const char *lib, const char *name, const char *version)
{
  struct floorcompat__vsym_query q;
  q.name = name;
  q.version = version;
  q.lib = lib;
  q.result = 0;
  floorcompat__dl_iterate_phdr(floorcompat__vsym_cb, &q);
  return q.result;
}

__attribute__((visibility("hidden"))) void *floorcompat__vsym(const char *name, const char *version)
{
  return floorcompat__vsym_in("libc.so.6", name, version);
}

/* The cached lookup of a runtime-resolved shim: SLOT holds NULL (not yet), the sentinel (absent)
 * or the address. */
static FLOORCOMPAT__UNUSED void *floorcompat__resolve_in(void **slot, int pt, const char *name, const char *version)
{
  void *p = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
  if (!p) {
    int saved = errno;
    p = floorcompat__vsym(name, version);
    if (!p && pt)
      p = floorcompat__vsym_in("libpthread.so.0", name, version);
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
