/* nolookup.so - an LD_PRELOAD object that hides libc.so.6 from dl_iterate_phdr, so that
 * floorcompat__vsym (include/floorcompat/runtime.h) finds nothing and every runtime-resolved shim
 * takes its portable fallback. Other objects are still reported (the unwinder keeps working).
 *   LD_PRELOAD=/path/nolookup.so PROG
 * Build: cc -shared -fPIC -o nolookup.so nolookup.c -ldl (a host helper, not floor-limited). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <string.h>

struct wrap {
  int (*cb)(struct dl_phdr_info *, size_t, void *);
  void *data;
};

static int filter(struct dl_phdr_info *info, size_t size, void *data)
{
  struct wrap *w = data;
  const char *n = info->dlpi_name;
  size_t len = n ? strlen(n) : 0;
  if (len >= 9 && strcmp(n + len - 9, "libc.so.6") == 0)
    return 0;
  return w->cb(info, size, w->data);
}

int dl_iterate_phdr(int (*cb)(struct dl_phdr_info *, size_t, void *), void *data)
{
  static int (*real)(int (*)(struct dl_phdr_info *, size_t, void *), void *);
  struct wrap w;
  if (!real) {
    void *p = dlsym(RTLD_NEXT, "dl_iterate_phdr");
    memcpy(&real, &p, sizeof real);
  }
  if (!real)
    return 0;
  w.cb = cb;
  w.data = data;
  return real(filter, &w);
}
