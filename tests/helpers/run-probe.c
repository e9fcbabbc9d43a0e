/* run-probe: what tests/run.test runs through floorcompat-run on old runtimes. Prints the running
 * glibc, whether its constructor ran once (BZ #16381: glibc < 2.20's loader run as a command ran a
 * PIE's constructors twice), and joins a thread that leaves by pthread_exit (glibc < 2.34 dlopens
 * libgcc_s.so.1 for it). Exits with its first argument. */
#include <gnu/libc-version.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static int ctors;
__attribute__((constructor)) static void count(void) { ctors++; }

static void *leave(void *arg)
{
  pthread_exit(arg);
}

int main(int argc, char **argv)
{
  pthread_t t;
  void *r = NULL;
  if (pthread_create(&t, NULL, leave, (void *)42) != 0 || pthread_join(t, &r) != 0)
    return 99;
  printf("run-probe: glibc %s ctors=%d exit-value=%ld\n", gnu_get_libc_version(), ctors, (long)r);
  return argc > 1 ? atoi(argv[1]) : 0;
}
