// api-unwind.cc: C++ exceptions with gcc's static unwinder (built -static-libgcc -static-libstdc++,
// whose FDE lookup is _dl_find_object), thrown and caught through several frames of the program,
// out of a shared library built the same way (probes/api-unwind-lib.cc), and from the program through
// the library's frames. One line per case, then the path of _dl_find_object and a check of its
// answers against the object layout (dl_iterate_phdr's view). Exit status 0 when all were right.
#include <dlfcn.h>
#include <link.h>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <unistd.h>

extern "C" int unwind_lib_throw(std::string *log, int depth);
extern "C" int unwind_lib_call(std::string *log, int (*fn)(std::string *));

struct guard {
  std::string *log;
  int n;
  ~guard() { *log += " dtor" + std::to_string(n); }
};

static __attribute__((noinline)) int deep(std::string *log, int n)
{
  guard g = { log, n };
  if (n == 0)
    throw std::logic_error("from-main");
  return deep(log, n - 1) + 1;
}

static int main_throw(std::string *log) { return deep(log, 1); }

static int fails;
static void line(const char *what, const std::string &got, const char *want)
{
  std::printf("%s: %s%s\n", what, got == want ? "ok" : "BAD ", got == want ? "" : got.c_str());
  fails += got != want;
}

struct expect {
  void *pc, *start, *end, *eh;
  const char *name;
};

static int find_cb(struct dl_phdr_info *info, size_t, void *data)
{
  expect *e = static_cast<expect *>(data);
  ElfW(Addr) pg = (ElfW(Addr))getpagesize(), lo = ~(ElfW(Addr))0, hi = 0;
  void *eh = nullptr;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type == PT_LOAD) {
      if ((ph->p_vaddr & ~(pg - 1)) < lo) lo = ph->p_vaddr & ~(pg - 1);
      if (ph->p_vaddr + ph->p_memsz > hi) hi = ph->p_vaddr + ph->p_memsz;
    }
    if (ph->p_type == PT_GNU_EH_FRAME) eh = (void *)(info->dlpi_addr + ph->p_vaddr);
  }
  ElfW(Addr) pc = (ElfW(Addr))e->pc;
  if (hi == 0 || pc < info->dlpi_addr + lo || pc >= info->dlpi_addr + hi) return 0;
  e->start = (void *)(info->dlpi_addr + lo);
  e->end = (void *)(info->dlpi_addr + hi);
  e->eh = eh;
  e->name = info->dlpi_name;
  return 1;
}

// _dl_find_object's answer for PC agrees with the program headers and names the right link_map.
static std::string check_find(void *pc)
{
  struct dl_find_object r;
  expect e = { pc, nullptr, nullptr, nullptr, nullptr };
  std::memset(&r, 0x5a, sizeof r);
  if (_dl_find_object(pc, &r) != 0) return "not found";
  if (!dl_iterate_phdr(find_cb, &e)) return "no object";
  if (r.dlfo_flags != 0) return "flags";
  if (r.dlfo_map_start != e.start || r.dlfo_map_end != e.end) return "map range";
  if (r.dlfo_eh_frame != e.eh || !e.eh) return "eh_frame";
  if (!r.dlfo_link_map || std::strcmp(r.dlfo_link_map->l_name, e.name) != 0) return "link_map";
  return "ok";
}

int main()
{
  std::string log;
  try { deep(&log, 3); } catch (const std::logic_error &x) { log += std::string(" caught ") + x.what(); }
  line("throw in main, 4 frames", log, " dtor0 dtor1 dtor2 dtor3 caught from-main");
  log.clear();
  try { unwind_lib_throw(&log, 2); } catch (const std::runtime_error &x) { log += std::string(" caught ") + x.what(); }
  line("throw in the library, caught in main", log, " lib-dtor lib-dtor lib-dtor caught from-lib");
  log.clear();
  try { unwind_lib_call(&log, main_throw); } catch (const std::exception &x) { log += std::string(" caught ") + x.what(); }
  line("throw in main through the library", log, " dtor0 dtor1 lib-dtor caught from-main");
  std::string f = check_find((void *)&deep);
  std::string g = check_find((void *)&unwind_lib_throw);
  line("_dl_find_object answers for main and the library", f + " " + g, "ok ok");
  struct dl_find_object r;
  line("_dl_find_object outside every object", _dl_find_object((void *)16, &r) == -1 ? "-1" : "found", "-1");
  std::printf("_dl_find_object: path=%s\n", floorcompat_path("_dl_find_object"));
  return fails != 0;
}
