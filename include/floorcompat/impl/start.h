/* impl/start.h - the start family: the pre-2.34 start-up path, a member of its own (start.o) that
 * executables link, pulled by crt1.o/Scrt1.o's reference to __libc_start_main when the archive
 * comes before libc; shared libraries never reference it.
 *
 * crt1.o/Scrt1.o of glibc >= 2.34 call __libc_start_main@GLIBC_2.34 with init == fini == NULL and
 * leave the executable's constructors to libc. Older glibc only has the base-version entry point,
 * which runs nothing unless given an init callback. A hidden __libc_start_main in the executable
 * takes crt1's reference (so no GLIBC_2.34 need is recorded) and calls the base version with an
 * init callback that runs _init and .init_array, the job old crt1.o's __libc_csu_init had. glibc
 * >= 2.34 honours a non-NULL init the same way, so the binary behaves alike on old and new libcs.
 * .preinit_array and every destructor stay with ld.so (_dl_fini), as before 2.34. */
#if FLOORCOMPAT_GLIBC < 234
#ifdef __cplusplus
extern "C" {
#endif
typedef int (*floorcompat__main_fn)(int, char **, char **);
typedef void (*floorcompat__init_fn)(int, char **, char **);

/* Called through the GOT, as crt1.o calls __libc_start_main: a PLT call would add a lazy-binding
 * round trip through ld.so at every start. */
#if defined(__GNUC__) && !defined(__clang__) && (defined(__x86_64__) || defined(__i386__))
#define FLOORCOMPAT__NOPLT __attribute__((noplt))
#else
#define FLOORCOMPAT__NOPLT
#endif
extern int floorcompat__start_old(floorcompat__main_fn, int, char **, void (*)(void), void (*)(void),
                                  void (*)(void), void *) __asm__("floorcompat__start_old") FLOORCOMPAT__NOPLT;

/* Provided by the static linker for executables (GNU ld defines them for nothing else: weak keeps
 * a shared library that holds this unused shim linkable); _init by crti.o where the ABI has it. */
extern floorcompat__init_fn __init_array_start[] __attribute__((weak, visibility("hidden")));
extern floorcompat__init_fn __init_array_end[] __attribute__((weak, visibility("hidden")));
extern void _init(void) __attribute__((weak));

static void floorcompat__run_init(int argc, char **argv, char **envp)
{
  __SIZE_TYPE__ i, n = (__SIZE_TYPE__)(__init_array_end - __init_array_start);
  if (_init)
    _init();
  for (i = 0; i < n; i++)
    __init_array_start[i](argc, argv, envp);
}

__attribute__((visibility("hidden"), weak, used)) int
floorcompat__start(floorcompat__main_fn main_fn, int argc, char **argv, void (*init)(void),
                   void (*fini)(void), void (*rtld_fini)(void), void *stack_end)
{
  /* A crt1.o older than 2.34 passes its own __libc_csu_init: keep it. */
  void (*run)(void) = init ? init : (void (*)(void))floorcompat__run_init;
  FLOORCOMPAT__RENAME(floorcompat__start_old, __libc_start_main, FLOORCOMPAT__BASE_VERSION);
  return floorcompat__start_old(main_fn, argc, argv, run, fini, rtld_fini, stack_end);
}
FLOORCOMPAT__DEFINE_AS(floorcompat__start, __libc_start_main)
#ifdef __cplusplus
}
#endif
#endif
