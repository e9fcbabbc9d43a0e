/* dso probe, library side: a -fPIC shared library (with its own floorcompat implementation TU,
 * probes/impl.c) using stat, threads, libm, TLS and constructors/destructors, for a host program
 * that dlopens it with RTLD_NOW and has no libpthread of its own (the "Rust cdylib" case: on
 * glibc < 2.30 the library must need pthread_create from libpthread.so.0 itself).
 * fcdso_run returns 0 and writes a deterministic report; non-zero on any failure. */
#define _GNU_SOURCE
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define PROBE_TLS _Thread_local
#else
#define PROBE_TLS __thread
#endif

int fcdso_run(const char *path, char *out, size_t outlen);

static int constructed;
static PROBE_TLS int tls_value = 5;

__attribute__((constructor(150))) static void dso_ctor_early(void) { constructed = constructed * 10 + 1; }
__attribute__((constructor)) static void dso_ctor(void) { constructed = constructed * 10 + 2; }
__attribute__((destructor)) static void dso_dtor(void)
{
  fputs("dso: destructor ran\n", stdout);
  fflush(stdout);
}

struct job {
  double in, out;
  int tls_seen;
};

static void *worker(void *arg)
{
  struct job *j = arg;
  j->tls_seen = tls_value; /* a fresh thread sees the initialiser */
  tls_value = 99;
  j->out = pow(j->in, 0.75) + exp(j->in) + log(j->in) + hypot(j->in, 2.0);
  return NULL;
}

__attribute__((visibility("default"))) int fcdso_run(const char *path, char *out, size_t outlen)
{
  struct stat st, lst;
  struct job j;
  pthread_t t;
  volatile double in = 2.5;

  if (stat(path, &st) != 0 || lstat(path, &lst) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
      st.st_ino != lst.st_ino)
    return 1;
  j.in = in;
  if (pthread_create(&t, NULL, worker, &j) != 0 || pthread_join(t, NULL) != 0)
    return 2;
  if (j.tls_seen != 5 || tls_value != 5)
    return 3;
  snprintf(out, outlen, "constructors %d, stat regular, thread tls %d, pow+exp+log+hypot(2.5) = %.17g", constructed,
           j.tls_seen, j.out);
  return constructed == 12 ? 0 : 4;
}
