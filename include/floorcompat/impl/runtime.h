/* impl/runtime.h - the runtime family: floorcompat's own support, called by the other families
 * (declarations and contracts: runtime.h and api.h). One archive member, runtime.o, which every
 * shim member pulls: the path bytes and floorcompat_path, the run-time version queries, the syscall
 * probes and the versioned lookup floorcompat__vsym (dl_iterate_phdr, no /proc, no DT_DEBUG).
 * Every definition is hidden (never exported from a shared library) and weak (a second copy, from
 * a one-TU IMPLEMENTATION object linked beside the archive, does not clash). */
#ifndef FLOORCOMPAT_IMPL_RUNTIME_H
#define FLOORCOMPAT_IMPL_RUNTIME_H 1
#ifdef __cplusplus
extern "C" {
#endif
#define FLOORCOMPAT__RUNTIME_DEF __attribute__((visibility("hidden"), weak))

FLOORCOMPAT__RUNTIME_DEF unsigned char floorcompat__paths[FLOORCOMPAT__API_COUNT];

FLOORCOMPAT__RUNTIME_DEF const char *floorcompat_path(const char *api)
{
  static const char *const names[] = { "unused", "syscall", "resolved", "fallback", "portable" };
#define FLOORCOMPAT__X(name, glibc, shimmed, idx)                                                     \
  if (floorcompat__strcmp0(api, #name) == 0) {                                                 \
    if (FLOORCOMPAT_GLIBC >= (glibc) && (glibc) > 0)                                              \
      return "libc";                                                                              \
    if (!(shimmed))                                                                               \
      return "none";                                                                              \
    if ((shimmed) == 2) /* a forward: the libc name over the floor's older function */           \
      return "forward";                                                                           \
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

FLOORCOMPAT__RUNTIME_DEF int floorcompat_glibc_version(int *major, int *minor)
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

FLOORCOMPAT__RUNTIME_DEF int floorcompat_kernel_at_least(int major, int minor)
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

FLOORCOMPAT__RUNTIME_DEF int floorcompat_syscall_works(long nr)
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


/* ---- versioned lookup in the loaded libc ---- */
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

/* Does symbol I carry exactly VERSION (NULL: is it the default definition of its name)? With
 * UNVERSIONED, an unversioned definition (no DT_VERSYM, or the global index 1) matches too: ld.so
 * binds a versioned reference to such a definition in an object that does not own the version (a
 * sanitizer's interceptor, an LD_PRELOAD library). *VNAME gets the matched version's name (NULL for
 * an unversioned one). */
static int floorcompat__ver_match(const ElfW(Half) *versym, const ElfW(Verdef) *verdef, const char *strtab,
                                  unsigned long i, const char *version, int unversioned, const char **vname)
{
  unsigned ndx;
  const ElfW(Verdef) *vd = verdef;
  *vname = (const char *)0;
  if (!versym)
    return !version || unversioned;
  ndx = versym[i] & 0x7fff;
  if (ndx == 0) /* local */
    return 0;
  if (ndx == 1) /* global, unversioned */
    return !version || (unversioned && (versym[i] & 0x8000) == 0);
  if (!version && (versym[i] & 0x8000) != 0) /* not the default */
    return 0;
  for (; vd; vd = vd->vd_next ? (const ElfW(Verdef) *)((const char *)vd + vd->vd_next) : (const ElfW(Verdef) *)0)
    if (vd->vd_ndx == ndx) {
      const ElfW(Verdaux) *aux = (const ElfW(Verdaux) *)((const char *)vd + vd->vd_aux);
      *vname = strtab + aux->vda_name;
      return !version || floorcompat__strcmp0(*vname, version) == 0;
    }
  return !version;
}

/* Defined functions and objects (an IFUNC's address is its resolver's). */
static int floorcompat__sym_ok(const ElfW(Sym) *sym)
{
  int type = ELF64_ST_TYPE(sym->st_info); /* same macro body for ELF32 */
  return sym->st_shndx != SHN_UNDEF && sym->st_value != 0 && (type == STT_FUNC || type == STT_OBJECT);
}

static const ElfW(Sym) *floorcompat__dyn_sym(ElfW(Addr) base, const ElfW(Dyn) *dyn, const char *name,
                                             const char *version, int unversioned, const char **vname)
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
      if ((h | 1) == (h2 | 1U) && floorcompat__sym_ok(&symtab[k]) &&
          floorcompat__strcmp0(strtab + symtab[k].st_name, name) == 0 &&
          floorcompat__ver_match(versym, verdef, strtab, k, version, unversioned, vname))
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
      if (floorcompat__sym_ok(&symtab[k]) && floorcompat__strcmp0(strtab + symtab[k].st_name, name) == 0 &&
          floorcompat__ver_match(versym, verdef, strtab, k, version, unversioned, vname))
        return &symtab[k];
  }
  return 0;
}

/* One walk of the caller's namespace (dl_iterate_phdr: load order, the program first). The first
 * walk finds NAME in the object named LIB; the second, given that object (BASE, at its place in the
 * order), looks for an interposer: a definition ld.so would bind the same reference to, in an object
 * loaded before it (the program, LD_PRELOAD libraries, a sanitizer runtime: all in the global scope,
 * since they precede libc, which every dynamic program loads at start-up). */
struct floorcompat__vsym_query {
  const char *name, *version, *lib;
  const char *obj; /* second walk: the found object's name (its link map's string) */
  ElfW(Addr) base;
  void *result;
};

static const ElfW(Sym) *floorcompat__obj_sym(struct floorcompat__dl_phdr_info *info, const char *name,
                                             const char *version, int unversioned, const char **vname)
{
  const ElfW(Sym) *s = 0;
  int i;
  for (i = 0; i < info->dlpi_phnum && !s; i++)
    if (info->dlpi_phdr[i].p_type == PT_DYNAMIC)
      s = floorcompat__dyn_sym(info->dlpi_addr, (const ElfW(Dyn) *)(info->dlpi_addr + info->dlpi_phdr[i].p_vaddr),
                               name, version, unversioned, vname);
  return s;
}

static int floorcompat__vsym_cb(struct floorcompat__dl_phdr_info *info, __SIZE_TYPE__ size, void *data)
{
  struct floorcompat__vsym_query *q = (struct floorcompat__vsym_query *)data;
  const char *n = info->dlpi_name, *vname;
  __SIZE_TYPE__ len = n ? floorcompat__strlen0(n) : 0, ll = floorcompat__strlen0(q->lib);
  const ElfW(Sym) *s;
  (void)size;
  if (len < ll || floorcompat__strcmp0(n + len - ll, q->lib) != 0 || (len > ll && n[len - ll - 1] != '/'))
    return 0;
  s = floorcompat__obj_sym(info, q->name, q->version, 0, &vname);
  if (s) {
    q->result = (void *)(info->dlpi_addr + s->st_value);
    q->version = vname; /* the version found (the default one's name for a NULL version) */
    q->obj = n;
    q->base = info->dlpi_addr;
  }
  return 1;
}

static int floorcompat__interposer_cb(struct floorcompat__dl_phdr_info *info, __SIZE_TYPE__ size, void *data)
{
  struct floorcompat__vsym_query *q = (struct floorcompat__vsym_query *)data;
  const char *vname;
  const ElfW(Sym) *s;
  (void)size;
  if (info->dlpi_name == q->obj && info->dlpi_addr == q->base)
    return 1; /* reached the object itself: no interposer */
  s = floorcompat__obj_sym(info, q->name, q->version, 1, &vname);
  if (!s)
    return 0;
  q->result = (void *)(info->dlpi_addr + s->st_value);
  return 1;
}

/* The first walk: Q filled for NAME@VERSION in the object named LIB; Q->result NULL when absent. */
static void floorcompat__vsym_find(struct floorcompat__vsym_query *q, const char *lib, const char *name,
                                   const char *version)
{
  q->name = name;
  q->version = version;
  q->lib = lib;
  q->obj = 0;
  q->base = 0;
  q->result = 0;
  floorcompat__dl_iterate_phdr(floorcompat__vsym_cb, q);
}

FLOORCOMPAT__RUNTIME_DEF void *floorcompat__vsym_in(const char *lib, const char *name, const char *version)
{
  struct floorcompat__vsym_query q;
  floorcompat__vsym_find(&q, lib, name, version);
  return q.result;
}

FLOORCOMPAT__RUNTIME_DEF void *floorcompat__vsym(const char *name, const char *version)
{
  return floorcompat__vsym_in("libc.so.6", name, version);
}

/* What a reference to NAME@VERSION (NULL: its default version) of LIB binds to: the object's own
 * definition, or an interposer's. NULL when LIB lacks that version. */
FLOORCOMPAT__RUNTIME_DEF void *floorcompat__bind_in(const char *lib, const char *name, const char *version)
{
  struct floorcompat__vsym_query q;
  void *own;
  floorcompat__vsym_find(&q, lib, name, version);
  if (!q.result)
    return 0;
  own = q.result;
  q.result = 0;
  floorcompat__dl_iterate_phdr(floorcompat__interposer_cb, &q);
  return q.result ? q.result : own;
}

#undef FLOORCOMPAT__RUNTIME_DEF
#ifdef __cplusplus
}
#endif
#endif /* FLOORCOMPAT_IMPL_RUNTIME_H */
