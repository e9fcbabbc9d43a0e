/* nolookup.so - an LD_PRELOAD object that hides libc.so.6, libpthread.so.0 and the dynamic loader
 * (ld-linux*, ld64.so*) from dl_iterate_phdr,
 * so that floorcompat__vsym & co. (include/floorcompat/runtime.h) find nothing and every
 * runtime-resolved shim takes its portable fallback. Other objects are still reported (the unwinder
 * keeps working).
 *   LD_PRELOAD=/path/nolookup.so PROG
 * With NOLOOKUP_VERSIONS="GLIBC_2.30 GLIBC_2.18" it hides nothing but those versions instead: their
 * version definitions in the loaded libc.so.6 and libpthread.so.0 are renamed in place before main
 * runs (the loader's too), so a versioned lookup of them fails as on a glibc that predates them, while the older
 * functions a fallback needs are still found. (The loader itself compares version names it read
 * at load time; a library dlopen-ed later that needs a hidden version is refused, as on such a glibc.)
 * Build: cc -shared -fPIC -o nolookup.so nolookup.c -ldl (a host helper, not floor-limited). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int hidden_lib(const char *n)
{
  size_t len = n ? strlen(n) : 0;
  const char *b = n ? strrchr(n, '/') : NULL;
  b = b ? b + 1 : n;
  return (len >= 9 && strcmp(n + len - 9, "libc.so.6") == 0) ||
         (len >= 15 && strcmp(n + len - 15, "libpthread.so.0") == 0) ||
         (b && (strncmp(b, "ld-linux", 8) == 0 || strncmp(b, "ld64.so", 7) == 0));
}

struct wrap {
  int (*cb)(struct dl_phdr_info *, size_t, void *);
  void *data;
};

static int filter(struct dl_phdr_info *info, size_t size, void *data)
{
  struct wrap *w = data;
  if (hidden_lib(info->dlpi_name))
    return 0;
  return w->cb(info, size, w->data);
}

static int real_iterate(int (*cb)(struct dl_phdr_info *, size_t, void *), void *data);
static const char *versions; /* NOLOOKUP_VERSIONS, or NULL: hide whole objects */

static int listed(const char *v)
{
  size_t n = strlen(v);
  const char *p = versions;
  while ((p = strstr(p, v)) != NULL) {
    if ((p == versions || p[-1] == ' ' || p[-1] == ',') && (p[n] == 0 || p[n] == ' ' || p[n] == ','))
      return 1;
    p += n;
  }
  return 0;
}

/* Rename the listed version definitions of one hidden library ("GLIBC_2.30" -> "LIBC_2.30"). */
static int rename_versions(struct dl_phdr_info *info, size_t size, void *data)
{
  ElfW(Addr) base = info->dlpi_addr, v;
  const ElfW(Dyn) *dyn = NULL;
  const char *strtab = NULL;
  ElfW(Verdef) *vd = NULL;
  int i;
  (void)size, (void)data;
  if (!hidden_lib(info->dlpi_name))
    return 0;
  for (i = 0; i < info->dlpi_phnum; i++)
    if (info->dlpi_phdr[i].p_type == PT_DYNAMIC)
      dyn = (const ElfW(Dyn) *)(base + info->dlpi_phdr[i].p_vaddr);
  for (; dyn && dyn->d_tag != DT_NULL; dyn++) {
    v = dyn->d_un.d_ptr;
    if (dyn->d_tag == DT_STRTAB)
      strtab = (const char *)(v < base ? v + base : v);
    else if (dyn->d_tag == DT_VERDEF)
      vd = (ElfW(Verdef) *)(v < base ? v + base : v);
  }
  for (; vd && strtab; vd = vd->vd_next ? (ElfW(Verdef) *)((char *)vd + vd->vd_next) : NULL) {
    ElfW(Verdaux) *aux = (ElfW(Verdaux) *)((char *)vd + vd->vd_aux);
    long pg = sysconf(_SC_PAGESIZE);
    char *page = (char *)((ElfW(Addr))&aux->vda_name & ~(ElfW(Addr))(pg - 1));
    int prot = PROT_READ;
    if (!listed(strtab + aux->vda_name))
      continue;
    for (i = 0; i < info->dlpi_phnum; i++) {
      const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
      if (ph->p_type == PT_LOAD && (ElfW(Addr))page >= base + (ph->p_vaddr & ~(ElfW(Addr))(pg - 1)) &&
          (ElfW(Addr))page < base + ph->p_vaddr + ph->p_memsz)
        prot = (ph->p_flags & PF_R ? PROT_READ : 0) | (ph->p_flags & PF_W ? PROT_WRITE : 0) |
               (ph->p_flags & PF_X ? PROT_EXEC : 0);
    }
    if (mprotect(page, (size_t)pg, prot | PROT_WRITE) != 0)
      abort();
    aux->vda_name += 1;
    mprotect(page, (size_t)pg, prot);
  }
  return 0;
}

__attribute__((constructor)) static void nolookup_init(void)
{
  versions = getenv("NOLOOKUP_VERSIONS");
  if (versions && *versions)
    real_iterate(rename_versions, NULL);
  else
    versions = NULL;
}

int dl_iterate_phdr(int (*cb)(struct dl_phdr_info *, size_t, void *), void *data)
{
  struct wrap w;
  if (versions)
    return real_iterate(cb, data);
  w.cb = cb;
  w.data = data;
  return real_iterate(filter, &w);
}

static int real_iterate(int (*cb)(struct dl_phdr_info *, size_t, void *), void *data)
{
  static int (*real)(int (*)(struct dl_phdr_info *, size_t, void *), void *);
  if (!real) {
    void *p = dlsym(RTLD_NEXT, "dl_iterate_phdr");
    memcpy(&real, &p, sizeof real);
  }
  if (!real)
    return 0;
  return real(cb, data);
}
