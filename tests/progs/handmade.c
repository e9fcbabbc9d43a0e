/* A floor-clean program written by hand, without floorcompat.h: it takes crt1.o's reference to
 * __libc_start_main and forwards it to the pre-2.34 entry point with an init callback. */
#include <gnu/libc-version.h>
#include <stdio.h>
#include <stdlib.h>
#if defined(__x86_64__)
#define BASE "GLIBC_2.2.5"
#elif defined(__aarch64__)
#define BASE "GLIBC_2.17"
#else
#error "handmade.c knows x86_64 and aarch64 only"
#endif
typedef int (*main_fn)(int, char **, char **);
typedef void (*init_fn)(int, char **, char **);
extern int old_start(main_fn, int, char **, void (*)(void), void (*)(void), void (*)(void), void *);
__asm__(".symver old_start,__libc_start_main@" BASE);
extern init_fn __init_array_start[] __attribute__((visibility("hidden")));
extern init_fn __init_array_end[] __attribute__((visibility("hidden")));

static void run_init(int argc, char **argv, char **envp)
{
  for (init_fn *f = __init_array_start; f < __init_array_end; f++)
    (*f)(argc, argv, envp);
}
__attribute__((visibility("hidden"))) int __libc_start_main(main_fn m, int argc, char **argv,
    void (*init)(void), void (*fini)(void), void (*rtld_fini)(void), void *stack_end)
{
  (void)init; (void)fini;
  return old_start(m, argc, argv, (void (*)(void))run_init, NULL, rtld_fini, stack_end);
}

static int constructed;
__attribute__((constructor)) static void ctor(void) { constructed = 1; }
int main(int argc, char **argv)
{
  printf("handmade: glibc=%s constructed=%d argc=%d arg1=%s\n", gnu_get_libc_version(), constructed, argc,
         argc > 1 ? argv[1] : "-");
  return 42;
}
