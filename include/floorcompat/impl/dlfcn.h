/* impl/dlfcn.h - _dl_find_object (GLIBC_2.35; declared in <dlfcn.h>, exported by libc.so.6 and
 * implemented in the dynamic loader).
 *
 * gcc >= 12 built on glibc >= 2.35 makes its unwinder (libgcc_eh.a: -static-libgcc, and the static
 * libgcc parts of -static-libstdc++ programs) find the FDE of a PC with _dl_find_object; when that
 * answers -1 the unwinder finds no FDE, so a C++ exception terminates and a forced unwind
 * (pthread_cancel, cleanup attributes with -fexceptions) runs no cleanup.
 *
 * The real one (@GLIBC_2.35) when the running glibc has it: lock-free, async-signal-safe, and right
 * about objects being dlopen-ed. Otherwise a dl_iterate_phdr walk filling the structure as glibc's
 * _dl_find_object_from_map does:
 *   dlfo_flags     0
 *   dlfo_map_start the lowest PT_LOAD's p_vaddr rounded down to the page size, plus the load bias
 *   dlfo_map_end   the highest p_vaddr + p_memsz of a PT_LOAD (not rounded), plus the load bias;
 *                  a PC between them counts, gaps included, as for glibc (l_map_start/l_map_end)
 *   dlfo_link_map  the struct link_map of the object (same l_addr and l_ld) in r_debug.r_map, the
 *                  loader's list of the base namespace, found through the main program's DT_DEBUG
 *                  (the first object dl_iterate_phdr lists); NULL without one or when the object is
 *                  in another namespace (dlmopen). libgcc's unwinder reads only dlfo_eh_frame.
 *   dlfo_eh_frame  the PT_GNU_EH_FRAME segment's address (PT_ARM_EXIDX on arm), NULL without one
 *   dlfo_eh_dbase  i386 and nios2: DT_PLTGOT's address (the GOT; DW_EH_PE_datarel base)
 *   dlfo_eh_count  arm: the PT_ARM_EXIDX size / 8
 * and -1 when the PC is in no loaded object. The walk takes the loader's lock as dl_iterate_phdr
 * does (gcc < 12's unwinder walked the same way on every throw): not async-signal-safe, unlike the
 * real one. The reserved words are left alone, as glibc does. */
#ifndef FLOORCOMPAT_IMPL_DLFCN_H
#define FLOORCOMPAT_IMPL_DLFCN_H 1
#ifdef __cplusplus
extern "C" {
#endif

#if !FLOORCOMPAT_HAVE__DL_FIND_OBJECT

#if (defined(__i386__) && !defined(__x86_64__)) || defined(__nios2__)
#define FLOORCOMPAT__DLFO_DBASE 1
#else
#define FLOORCOMPAT__DLFO_DBASE 0
#endif
#if defined(__arm__)
#define FLOORCOMPAT__DLFO_COUNT 1
#define FLOORCOMPAT__DLFO_SEGMENT 0x70000001 /* PT_ARM_EXIDX */
#else
#define FLOORCOMPAT__DLFO_COUNT 0
#define FLOORCOMPAT__DLFO_SEGMENT PT_GNU_EH_FRAME
#endif
/* glibc's struct dl_find_object (<dlfcn.h>, _GNU_SOURCE only; per-port members from
 * <bits/dl_find_object.h>). */
struct floorcompat__dlfo {
  __UINT64_TYPE__ flags;
  void *map_start, *map_end, *link_map, *eh_frame;
#if FLOORCOMPAT__DLFO_DBASE
  void *eh_dbase;
#if __SIZEOF_POINTER__ == 4
  unsigned int eh_dbase_pad;
#endif
#endif
#if FLOORCOMPAT__DLFO_COUNT
  int eh_count;
  unsigned int eh_count_pad;
#endif
  __UINT64_TYPE__ reserved[7];
};

struct floorcompat__dlfo_query {
  ElfW(Addr) pc;
  const void *main_dyn; /* PT_DYNAMIC of the first object (the main program) */
  int first;
  struct floorcompat__dlfo *out;
  const ElfW(Dyn) *dyn; /* the found object's PT_DYNAMIC */
  ElfW(Addr) base;
};

static int floorcompat__dlfo_cb(struct floorcompat__dl_phdr_info *info, __SIZE_TYPE__ size, void *data)
{
  struct floorcompat__dlfo_query *q = (struct floorcompat__dlfo_query *)data;
  ElfW(Addr) pg = (ElfW(Addr))floorcompat__getpagesize(), lo = ~(ElfW(Addr))0, hi = 0;
  const ElfW(Phdr) *eh = 0;
  int i;
  (void)size;
  for (i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type == PT_DYNAMIC && q->first)
      q->main_dyn = (const void *)(info->dlpi_addr + ph->p_vaddr);
    if (ph->p_type == PT_LOAD) {
      if ((ph->p_vaddr & ~(pg - 1)) < lo)
        lo = ph->p_vaddr & ~(pg - 1);
      if (ph->p_vaddr + ph->p_memsz > hi)
        hi = ph->p_vaddr + ph->p_memsz;
    }
  }
  q->first = 0;
  if (hi == 0 || q->pc < info->dlpi_addr + lo || q->pc >= info->dlpi_addr + hi)
    return 0;
  q->out->flags = 0;
  q->out->map_start = (void *)(info->dlpi_addr + lo);
  q->out->map_end = (void *)(info->dlpi_addr + hi);
  q->out->link_map = 0;
  q->base = info->dlpi_addr;
  q->dyn = 0;
  for (i = 0; i < info->dlpi_phnum; i++) {
    if (info->dlpi_phdr[i].p_type == FLOORCOMPAT__DLFO_SEGMENT && !eh)
      eh = &info->dlpi_phdr[i];
    if (info->dlpi_phdr[i].p_type == PT_DYNAMIC)
      q->dyn = (const ElfW(Dyn) *)(info->dlpi_addr + info->dlpi_phdr[i].p_vaddr);
  }
  q->out->eh_frame = eh ? (void *)(info->dlpi_addr + eh->p_vaddr) : (void *)0;
#if FLOORCOMPAT__DLFO_COUNT
  q->out->eh_count = eh ? (int)(eh->p_memsz / 8) : 0;
#endif
#if FLOORCOMPAT__DLFO_DBASE
  {
    const ElfW(Dyn) *d = q->dyn;
    q->out->eh_dbase = 0;
    for (; d && d->d_tag != DT_NULL; d++)
      if (d->d_tag == DT_PLTGOT)
        q->out->eh_dbase = (void *)(d->d_un.d_ptr < info->dlpi_addr ? d->d_un.d_ptr + info->dlpi_addr : d->d_un.d_ptr);
  }
#endif
  return 1;
}

/* The loader's r_debug, from the main program's dynamic section (DT_DEBUG, which ld.so fills). */
static const struct r_debug *floorcompat__dlfo_r_debug(const void *main_dyn)
{
  const ElfW(Dyn) *d = (const ElfW(Dyn) *)main_dyn;
  for (; d && d->d_tag != DT_NULL; d++)
    if (d->d_tag == DT_DEBUG)
      return (const struct r_debug *)d->d_un.d_ptr;
  return 0;
}

static void *floorcompat__dlfo_real;
FLOORCOMPAT__SHIM int floorcompat__dl_find_object(void *pc, void *result)
{
  struct floorcompat__dlfo_query q;
  const struct r_debug *r;
  struct link_map *l;
  void *p = floorcompat__resolve(&floorcompat__dlfo_real, "_dl_find_object", "GLIBC_2.35");
  if (p) {
    int (*real)(void *, void *);
    FLOORCOMPAT__FN(real, p);
    FLOORCOMPAT__SET_PATH(_dl_find_object, FLOORCOMPAT__P_RESOLVED);
    return real(pc, result);
  }
  FLOORCOMPAT__SET_PATH(_dl_find_object, FLOORCOMPAT__P_FALLBACK);
  floorcompat__memset0(&q, 0, sizeof q);
  q.pc = (ElfW(Addr))pc;
  q.first = 1;
  q.out = (struct floorcompat__dlfo *)result;
  if (floorcompat__dl_iterate_phdr(floorcompat__dlfo_cb, &q) == 0)
    return -1;
  if ((r = floorcompat__dlfo_r_debug(q.main_dyn)) != 0)
    for (l = r->r_map; l; l = l->l_next)
      if (l->l_addr == q.base && l->l_ld == q.dyn) {
        q.out->link_map = l;
        break;
      }
  return 0;
}
FLOORCOMPAT__SHIM_AS(floorcompat__dl_find_object, _dl_find_object)
#endif /* !FLOORCOMPAT_HAVE__DL_FIND_OBJECT */

#ifdef __cplusplus
}
#endif
#endif
