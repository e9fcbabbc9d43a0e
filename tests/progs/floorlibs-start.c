/* A test's own start-up shim for floors below 2.34 (floorcompat's start-up member is the real one).
   crt1.o of a glibc >= 2.34 host calls __libc_start_main with init == NULL, which only 2.34's version
   understands; the floor libc.so.6 offers __libc_start_main only at its base version, non-default,
   so the unversioned reference lands here, and this passes the base version an init that runs the
   executable's constructors, as the crt1.o of before 2.34 did. FC_BASE: the base version
   ("GLIBC_2.2.5" on x86_64, "GLIBC_2.17" on aarch64). */
typedef void (*fc_ctor)(int, char **, char **);
extern fc_ctor __init_array_start[] __attribute__((visibility("hidden")));
extern fc_ctor __init_array_end[] __attribute__((visibility("hidden")));
extern void _init(void);
extern int fc_base_start(int (*)(int, char **, char **), int, char **, void (*)(int, char **, char **),
                         void (*)(void), void (*)(void), void *);
__asm__(".symver fc_base_start, __libc_start_main@" FC_BASE);
static void fc_init(int argc, char **argv, char **envp) {
  fc_ctor *p;
  _init();
  for (p = __init_array_start; p < __init_array_end; p++) (*p)(argc, argv, envp);
}
__attribute__((visibility("hidden"))) int __libc_start_main(int (*main)(int, char **, char **), int argc,
    char **argv, void (*init)(void), void (*fini)(void), void (*rtld_fini)(void), void *stack_end) {
  (void)init;
  return fc_base_start(main, argc, argv, fc_init, fini, rtld_fini, stack_end);
}
