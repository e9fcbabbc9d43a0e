/* libc-calls.h - the libc functions the IMPLEMENTATION part calls, bound at their first call
 * (part of FLOORCOMPAT_IMPLEMENTATION, via runtime.h).
 *
 * Why not plain calls: every function an object file names is a dynamic relocation of every program
 * linked with it, which ld.so processes at each start (a full symbol lookup each with -z now) even
 * if the fallback that calls it never runs; the IMPLEMENTATION part is in every program. So it names
 * no libc function (tests/impl-imports.test reads its undefined symbols): each is looked up at its
 * first call the way ld.so binds a reference without a version - the first loaded object, in load
 * order, with a default (non-hidden) definition - so an interposer (an LD_PRELOAD malloc, the
 * program's own) wins as it does for ordinary calls. An IFUNC is resolved with the arguments ld.so
 * passes (none on x86, the hwcaps on aarch64); elsewhere it counts as absent and the string
 * functions use their loops.
 *
 * The loaded objects are r_debug.r_map (<link.h>). An executable finds r_debug through its own
 * dynamic section (DT_DEBUG, which ld.so fills before the program's code runs, also when ld.so is
 * run as a command). A shared library's dynamic section has no DT_DEBUG: it reads /proc/self/auxv
 * for the dynamic linker (AT_BASE, or AT_PHDR when ld.so is the program) and looks up its _r_debug.
 * Without either (a shared library in a process without /proc, or under qemu-user with ld.so run as
 * the command) a needed function cannot be found: the call says so on stderr and aborts, as
 * continuing would lose errno or leak memory.
 * The list is read without ld.so's lock: the walk stops at the first definition, and every name
 * here is defined by libc, which is loaded at start-up, ahead of anything dlopen adds (and dlclose
 * could free). Slots are atomic (acquire/release): racing first calls look up alike and agree. */
#ifndef FLOORCOMPAT_LIBC_CALLS_H
#define FLOORCOMPAT_LIBC_CALLS_H 1
#include <asm/unistd.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <signal.h>

#ifdef __cplusplus
extern "C" {
#endif

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

/* ---- symbol lookup in one loaded object, given its load base and dynamic section ---- */
static unsigned long floorcompat__gnu_hash(const char *s)
{
  unsigned long h = 5381;
  for (; *s; s++)
    h = (h * 33 + (unsigned char)*s) & 0xffffffffUL;
  return h;
}

static unsigned long floorcompat__elf_hash(const char *s)
{
  unsigned long h = 0, g;
  for (; *s; s++) {
    h = (h << 4) + (unsigned char)*s;
    g = h & 0xf0000000UL;
    if (g)
      h ^= g >> 24;
    h &= ~g;
  }
  return h;
}

/* Does symbol I carry exactly VERSION (NULL: is it the default definition of its name)? */
static int floorcompat__ver_match(const ElfW(Half) *versym, const ElfW(Verdef) *verdef, const char *strtab,
                                  unsigned long i, const char *version)
{
  unsigned ndx;
  const ElfW(Verdef) *vd = verdef;
  if (!version)
    return !versym || ((versym[i] & 0x8000) == 0 && (versym[i] & 0x7fff) != 0);
  if (!versym || !verdef)
    return 0;
  ndx = versym[i] & 0x7fff;
  if (ndx < 2) /* local or unversioned */
    return 0;
  for (;;) {
    if (vd->vd_ndx == ndx) {
      const ElfW(Verdaux) *aux = (const ElfW(Verdaux) *)((const char *)vd + vd->vd_aux);
      return floorcompat__strcmp0(strtab + aux->vda_name, version) == 0;
    }
    if (vd->vd_next == 0)
      return 0;
    vd = (const ElfW(Verdef) *)((const char *)vd + vd->vd_next);
  }
}

/* Defined functions and objects; IFUNCs only when IFUNC_OK (their address is the resolver's). */
static int floorcompat__sym_ok(const ElfW(Sym) *sym, int ifunc_ok)
{
  int type = ELF64_ST_TYPE(sym->st_info); /* same macro body for ELF32 */
  return sym->st_shndx != SHN_UNDEF && sym->st_value != 0 &&
         (type == STT_FUNC || type == STT_OBJECT || (ifunc_ok && type == STT_GNU_IFUNC));
}

static FLOORCOMPAT__UNUSED const ElfW(Sym) *floorcompat__dyn_sym(ElfW(Addr) base, const ElfW(Dyn) *dyn,
                                                                 const char *name, const char *version, int ifunc_ok)
{
  const ElfW(Sym) *symtab = 0;
  const char *strtab = 0;
  const ElfW(Word) *hash = 0;
  const unsigned int *gnu_hash = 0;
  const ElfW(Half) *versym = 0;
  const ElfW(Verdef) *verdef = 0;
  /* ld.so relocates most d_ptr values in place, but not DT_VERDEF, and none on ports whose
   * dynamic section is read-only (nor in the vDSO): an address below the load base is unrelocated. */
#define FLOORCOMPAT__PTR(T, v) ((T)((v) < base ? (v) + base : (v)))
  for (; dyn->d_tag != DT_NULL; dyn++) {
    ElfW(Addr) v = dyn->d_un.d_ptr;
    switch (dyn->d_tag) {
    case DT_SYMTAB: symtab = FLOORCOMPAT__PTR(const ElfW(Sym) *, v); break;
    case DT_STRTAB: strtab = FLOORCOMPAT__PTR(const char *, v); break;
    case DT_HASH: hash = FLOORCOMPAT__PTR(const ElfW(Word) *, v); break;
    case DT_GNU_HASH: gnu_hash = FLOORCOMPAT__PTR(const unsigned int *, v); break;
    case DT_VERSYM: versym = FLOORCOMPAT__PTR(const ElfW(Half) *, v); break;
    case DT_VERDEF: verdef = FLOORCOMPAT__PTR(const ElfW(Verdef) *, v); break;
    default: break;
    }
  }
#undef FLOORCOMPAT__PTR
  if (!symtab || !strtab)
    return 0;
  if (gnu_hash) {
    unsigned int nbuckets = gnu_hash[0], symoffset = gnu_hash[1], bloom_size = gnu_hash[2];
    const ElfW(Addr) *bloom = (const ElfW(Addr) *)(const void *)(gnu_hash + 4);
    const unsigned int *buckets = (const unsigned int *)(const void *)(bloom + bloom_size);
    const unsigned int *chain = buckets + nbuckets;
    unsigned long h = floorcompat__gnu_hash(name);
    unsigned int k;
    if (nbuckets == 0)
      return 0;
    k = buckets[h % nbuckets];
    if (k < symoffset)
      return 0;
    for (;; k++) {
      unsigned int h2 = chain[k - symoffset];
      if ((h | 1) == (h2 | 1U) && floorcompat__sym_ok(&symtab[k], ifunc_ok) &&
          floorcompat__strcmp0(strtab + symtab[k].st_name, name) == 0 &&
          floorcompat__ver_match(versym, verdef, strtab, k, version))
        return &symtab[k];
      if (h2 & 1)
        break;
    }
  } else if (hash) { /* 32-bit hash words: every port except alpha and s390x, which use GNU hash */
    unsigned long nbucket = hash[0], k;
    const ElfW(Word) *bucket = hash + 2, *chain = bucket + nbucket;
    if (nbucket == 0)
      return 0;
    for (k = bucket[floorcompat__elf_hash(name) % nbucket]; k != 0; k = chain[k])
      if (floorcompat__sym_ok(&symtab[k], ifunc_ok) && floorcompat__strcmp0(strtab + symtab[k].st_name, name) == 0 &&
          floorcompat__ver_match(versym, verdef, strtab, k, version))
        return &symtab[k];
  }
  return 0;
}

/* ---- the loaded objects ---- */
extern ElfW(Dyn) floorcompat__dynamic[] __asm__("_DYNAMIC") __attribute__((weak, visibility("hidden")));

/* ld.so's r_debug, from a shared library: /proc/self/auxv names the dynamic linker. */
static const struct r_debug *floorcompat__r_debug_auxv(void)
{
  unsigned long v[2 * 64]; /* the kernel writes fewer than 40 pairs */
  long n = 0, r, fd, i;
  int ok = 0;
  ElfW(Addr) base = 0, phdr = 0;
  const ElfW(Ehdr) *eh;
  const ElfW(Phdr) *ph;
  const ElfW(Sym) *s;
  fd = floorcompat__raw_syscall(__NR_openat, -100, (long)"/proc/self/auxv", O_RDONLY | __O_CLOEXEC, 0, 0, 0);
  if (FLOORCOMPAT__SYSCALL_FAILED(fd))
    return 0;
  while (n < (long)sizeof v) {
    r = floorcompat__raw_syscall(__NR_read, fd, (long)((char *)v + n), (long)sizeof v - n, 0, 0, 0);
    if (r == -EINTR)
      continue;
    if (FLOORCOMPAT__SYSCALL_FAILED(r) || r == 0)
      break;
    n += r;
  }
  floorcompat__raw_syscall(__NR_close, fd, 0, 0, 0, 0, 0);
  /* Trusted only whole: AT_NULL ending the data, AT_PHENT and AT_PAGESZ as they must be. (qemu-user
   * shows the guest's own copy, which ld.so run as a command has moved: then it is not.) */
  n /= (long)sizeof v[0];
  for (i = 0; i + 1 < n && v[i] != AT_NULL; i += 2) {
    if (v[i] == AT_BASE)
      base = (ElfW(Addr))v[i + 1];
    else if (v[i] == AT_PHDR)
      phdr = (ElfW(Addr))v[i + 1];
    else if (v[i] == AT_PHENT)
      ok |= v[i + 1] == sizeof(ElfW(Phdr));
    else if (v[i] == AT_PAGESZ)
      ok |= (v[i + 1] >= 4096 && (v[i + 1] & (v[i + 1] - 1)) == 0) << 1;
  }
  if (ok != 3 || i + 2 != n || v[i + 1] != 0)
    return 0;
  if (!base) {
    /* ld.so was run as the program (or nothing interprets it): its program headers follow its ELF
     * header, in the same page. */
    if (!phdr || (phdr & 4095) < sizeof(ElfW(Ehdr)))
      return 0;
    base = phdr - sizeof(ElfW(Ehdr));
  }
  eh = (const ElfW(Ehdr) *)base;
  if (eh->e_ident[EI_MAG0] != ELFMAG0 || eh->e_ident[EI_MAG1] != ELFMAG1 || eh->e_ident[EI_MAG2] != ELFMAG2 ||
      eh->e_ident[EI_MAG3] != ELFMAG3 || eh->e_type != ET_DYN || eh->e_phentsize != sizeof(ElfW(Phdr)))
    return 0;
  ph = (const ElfW(Phdr) *)(base + eh->e_phoff);
  for (i = 0; i < eh->e_phnum; i++)
    if (ph[i].p_type == PT_DYNAMIC) {
      s = floorcompat__dyn_sym(base, (const ElfW(Dyn) *)(base + ph[i].p_vaddr), "_r_debug", 0, 0);
      return s ? (const struct r_debug *)(base + s->st_value) : 0;
    }
  return 0;
}

/* The r_debug an executable's dynamic section D points to (DT_DEBUG), or NULL. */
static FLOORCOMPAT__UNUSED const struct r_debug *floorcompat__dt_debug(const ElfW(Dyn) *d)
{
  for (; d && d->d_tag != DT_NULL; d++)
    if (d->d_tag == DT_DEBUG)
      return (const struct r_debug *)d->d_un.d_ptr;
  return 0;
}

/* The loader's r_debug, or NULL; found once (a shared library reads /proc for it). */
static FLOORCOMPAT__UNUSED const struct r_debug *floorcompat__r_debug(void)
{
  static const struct r_debug *found;
  const struct r_debug *r = __atomic_load_n(&found, __ATOMIC_ACQUIRE);
  if (r)
    return r;
  if (!(r = floorcompat__dt_debug(floorcompat__dynamic)))
    r = floorcompat__r_debug_auxv();
  if (r)
    __atomic_store_n(&found, r, __ATOMIC_RELEASE);
  return r;
}

/* ---- binding ---- */
/* Object pointer to function pointer without the -pedantic complaint. */
#define FLOORCOMPAT__FN(fnptr, objptr) __builtin_memcpy(&(fnptr), &(objptr), sizeof(fnptr))
static char floorcompat__absent_mark;
static FLOORCOMPAT__UNUSED unsigned long floorcompat__getauxval(unsigned long type);
static FLOORCOMPAT__UNUSED void *floorcompat__ifunc(void *resolver)
{
#if defined(__x86_64__) || defined(__i386__)
  void *(*r)(void);
  FLOORCOMPAT__FN(r, resolver);
  return r();
#elif defined(__aarch64__) && !defined(__ILP32__)
  void *(*r)(unsigned long, const unsigned long *);
  unsigned long arg[3]; /* __ifunc_arg_t: size, hwcap, hwcap2 */
  arg[0] = sizeof arg;
  arg[1] = floorcompat__getauxval(AT_HWCAP);
  arg[2] = floorcompat__getauxval(26 /* AT_HWCAP2 */);
  FLOORCOMPAT__FN(r, resolver);
  return r(arg[1] | (1UL << 62) /* _IFUNC_ARG_HWCAP */, arg);
#else
  (void)resolver;
  return 0;
#endif
}

static __attribute__((noinline, cold, noreturn)) void floorcompat__libc_missing(const char *name)
{
  static const char a[] = "floorcompat: cannot find the libc function ",
                    b[] = " (no DT_DEBUG in this object; /proc/self/auxv unreadable or inconsistent)\n";
  floorcompat__raw_syscall(__NR_write, 2, (long)a, sizeof a - 1, 0, 0, 0);
  floorcompat__raw_syscall(__NR_write, 2, (long)name, (long)floorcompat__strlen0(name), 0, 0, 0);
  floorcompat__raw_syscall(__NR_write, 2, (long)b, sizeof b - 1, 0, 0, 0);
  floorcompat__raw_syscall(__NR_kill, floorcompat__raw_syscall(__NR_getpid, 0, 0, 0, 0, 0, 0), SIGABRT, 0, 0, 0, 0);
  for (;;)
    floorcompat__raw_syscall(__NR_exit_group, 127, 0, 0, 0, 0, 0);
}

/* SLOT: NULL (not yet), the absent mark or the address. MUST: abort when NAME cannot be found. */
static __attribute__((noinline, cold)) void *floorcompat__libc_bind(void **slot, const char *name, int must)
{
  const struct r_debug *r = floorcompat__r_debug();
  const struct link_map *l;
  void *p = 0;
  for (l = r ? r->r_map : 0; l && !p; l = l->l_next) {
    const ElfW(Sym) *s = l->l_ld ? floorcompat__dyn_sym(l->l_addr, l->l_ld, name, 0, 1) : 0;
    if (s) {
      p = (void *)(l->l_addr + s->st_value);
      if (ELF64_ST_TYPE(s->st_info) == STT_GNU_IFUNC)
        p = floorcompat__ifunc(p);
    }
  }
  if (!p && must)
    floorcompat__libc_missing(name);
  __atomic_store_n(slot, p ? p : (void *)&floorcompat__absent_mark, __ATOMIC_RELEASE);
  return p;
}
/* VAR (a function pointer) = libc's NAME; an absent one aborts (MUST) or leaves VAR null. The
 * address is code that exists before it is stored, so a relaxed load suffices. */
#define FLOORCOMPAT__LIBC_GET(var, name, must)                                                   \
  do {                                                                                           \
    static void *floorcompat__slot;                                                              \
    void *floorcompat__p = __atomic_load_n(&floorcompat__slot, __ATOMIC_RELAXED);                \
    if (__builtin_expect(!floorcompat__p, 0))                                                    \
      floorcompat__p = floorcompat__libc_bind(&floorcompat__slot, #name, must);                  \
    else if (!(must) && floorcompat__p == (void *)&floorcompat__absent_mark)                     \
      floorcompat__p = 0;                                                                        \
    FLOORCOMPAT__FN(var, floorcompat__p);                                                        \
  } while (0)
/* floorcompat__NAME with the prototype RET PARAMS, calling libc's NAME ARGS (WRAP: or abort;
 * WRAP_OR: or FALLBACK ARGS). The first call goes through a function of its own, so that the bound
 * path is a load and a tail call, with no registers saved around a call made once. */
#define FLOORCOMPAT__LIBC_FIRST(ret, name, params, args, must, absent)                          \
  static void *floorcompat__slot_##name;                                                         \
  static FLOORCOMPAT__UNUSED __attribute__((noinline, cold)) ret floorcompat__##name##__first params \
  {                                                                                              \
    ret(*floorcompat__f) params;                                                                 \
    void *floorcompat__p = __atomic_load_n(&floorcompat__slot_##name, __ATOMIC_RELAXED);          \
    if (!floorcompat__p)                                                                         \
      floorcompat__p = floorcompat__libc_bind(&floorcompat__slot_##name, #name, must);           \
    absent                                                                                       \
    FLOORCOMPAT__FN(floorcompat__f, floorcompat__p);                                             \
    return floorcompat__f args;                                                                  \
  }                                                                                              \
  static FLOORCOMPAT__UNUSED ret floorcompat__##name params                                      \
  {                                                                                              \
    ret(*floorcompat__f) params;                                                                 \
    void *floorcompat__p = __atomic_load_n(&floorcompat__slot_##name, __ATOMIC_RELAXED);          \
    if (__builtin_expect(!floorcompat__p || (!(must) && floorcompat__p == (void *)&floorcompat__absent_mark), 0)) \
      return floorcompat__##name##__first args;                                                  \
    FLOORCOMPAT__FN(floorcompat__f, floorcompat__p);                                             \
    return floorcompat__f args;                                                                  \
  }
#define FLOORCOMPAT__LIBC_WRAP(ret, name, params, args) FLOORCOMPAT__LIBC_FIRST(ret, name, params, args, 1, (void)0;)
#define FLOORCOMPAT__LIBC_WRAP_OR(ret, name, params, args, fallback)                            \
  FLOORCOMPAT__LIBC_FIRST(ret, name, params, args, 0,                                            \
                          if (!floorcompat__p || floorcompat__p == (void *)&floorcompat__absent_mark) \
                            return fallback args;)

FLOORCOMPAT__LIBC_WRAP(int *, __errno_location, (void), ())
FLOORCOMPAT__LIBC_WRAP(void *, malloc, (__SIZE_TYPE__ n), (n))
FLOORCOMPAT__LIBC_WRAP(void *, calloc, (__SIZE_TYPE__ n, __SIZE_TYPE__ m), (n, m))
FLOORCOMPAT__LIBC_WRAP(void *, realloc, (void *p, __SIZE_TYPE__ n), (p, n))
FLOORCOMPAT__LIBC_WRAP(char *, getenv, (const char *s), (s))
FLOORCOMPAT__LIBC_WRAP(int, fork, (void), ())
FLOORCOMPAT__LIBC_WRAP(int, getpagesize, (void), ())
FLOORCOMPAT__LIBC_WRAP(const char *, gnu_get_libc_version, (void), ())
FLOORCOMPAT__LIBC_WRAP(int, __cxa_atexit, (void (*fn)(void *), void *arg, void *dso), (fn, arg, dso))
struct floorcompat__dl_phdr_info; /* runtime.h */
FLOORCOMPAT__LIBC_WRAP(int, dl_iterate_phdr,
                       (int (*cb)(struct floorcompat__dl_phdr_info *, __SIZE_TYPE__, void *), void *data), (cb, data))
FLOORCOMPAT__LIBC_WRAP(unsigned long, getauxval, (unsigned long type), (type))
static FLOORCOMPAT__UNUSED void floorcompat__free(void *p)
{
  void (*f)(void *);
  FLOORCOMPAT__LIBC_GET(f, free, 1);
  f(p);
}
static FLOORCOMPAT__UNUSED __attribute__((noreturn)) void floorcompat__exit(int status)
{
  void (*f)(int);
  FLOORCOMPAT__LIBC_GET(f, exit, 1);
  f(status);
  __builtin_unreachable();
}
static FLOORCOMPAT__UNUSED __attribute__((noreturn)) void floorcompat__abort(void)
{
  void (*f)(void);
  FLOORCOMPAT__LIBC_GET(f, abort, 1);
  f();
  __builtin_unreachable();
}
/* libc's optimised string functions where they can be bound, else the loops above. */
FLOORCOMPAT__LIBC_WRAP_OR(__SIZE_TYPE__, strlen, (const char *s), (s), floorcompat__strlen0)
FLOORCOMPAT__LIBC_WRAP_OR(void *, memset, (void *d, int c, __SIZE_TYPE__ n), (d, c, n), floorcompat__memset0)
FLOORCOMPAT__LIBC_WRAP_OR(void *, memmove, (void *d, const void *s, __SIZE_TYPE__ n), (d, s, n), floorcompat__memmove0)
static FLOORCOMPAT__UNUSED char *floorcompat__strdup(const char *s)
{
  __SIZE_TYPE__ n = floorcompat__strlen(s) + 1;
  char *p = (char *)floorcompat__malloc(n);
  return p ? (char *)floorcompat__memmove(p, s, n) : p;
}

/* errno of the IMPLEMENTATION part (floorcompat.h restores <errno.h>'s definition after it). */
#undef errno
#define errno (*floorcompat____errno_location())

#ifdef __cplusplus
}
#endif
#endif /* FLOORCOMPAT_LIBC_CALLS_H */
