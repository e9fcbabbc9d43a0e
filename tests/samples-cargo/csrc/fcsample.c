/* The C part of the sample crate: APIs newer than glibc 2.17 (getrandom 2.25) or whose symbols
 * moved (stat: a function of its own since 2.33; pthread_create: in libc since 2.34). */
#include <pthread.h>
#include <stdio.h>
#include <sys/random.h>
#include <sys/stat.h>

static void *worker(void *arg) { return arg; }

int fcsample_run(const char *self) {
  unsigned char buf[16];
  struct stat st;
  pthread_t t;
  void *res = NULL;
  int bad = 0;
  if (getrandom(buf, sizeof buf, 0) != (long) sizeof buf) bad |= 1;
  if (stat(self, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) bad |= 2;
  if (pthread_create(&t, NULL, worker, buf) != 0 || pthread_join(t, &res) != 0 || res != buf) bad |= 4;
  printf("c: getrandom %s, stat %s, pthread_create %s\n", bad & 1 ? "FAILED" : "ok",
         bad & 2 ? "FAILED" : "ok", bad & 4 ? "FAILED" : "ok");
  fflush(stdout);
  return bad;
}
