/* hardening-race: the first calls of the shims that resolve glibc's function at run time or cache a
 * syscall probe, made by 16 threads at the same moment. For each case, all threads wait at a barrier,
 * then call it at once; each call's answer is checked. One process is one round: the calls are really
 * the first of the process (tests/hardening-race.test runs many rounds).
 *   hardening-race MODE     MODE: native, or kfloor (no post-3.10 syscalls: pidfd_open answers
 *                           ENOSYS, renameat2 with flags ENOSYS)
 * Prints "race: ok CASES" or one "race: FAIL case=NAME thread=N errno=E" line per wrong answer; exit 1
 * on any. Under TSan two cases are left out: pthread_mutex_clocklock (TSan has no interceptor for it:
 * a plain build is reported too) and mallinfo2 (TSan's allocator replaces glibc's malloc, whose arena
 * mallinfo then describes: empty, and glibc's mallinfo crashes on it). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <malloc.h>
#include <pthread.h>
#include <semaphore.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>
#include <floorcompat/shims/sys-random.h>
#include <floorcompat/shims/sys-pidfd.h>
#if !defined(__GLIBC__) || __GLIBC__ * 100 + __GLIBC_MINOR__ < 236
uint32_t arc4random(void);
void arc4random_buf(void *buf, size_t len);
uint32_t arc4random_uniform(uint32_t bound);
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC 4
#endif
int close_range(unsigned int first, unsigned int last, int flags);
extern int __cxa_thread_atexit_impl(void (*dtor)(void *), void *obj, void *dso);
extern void *__dso_handle;
#if defined(__SANITIZE_THREAD__)
#define RACE_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define RACE_TSAN 1
#endif
#endif

#define NT 16
static pthread_barrier_t bar;
static const char *mode = "native";
static int bad;
static int once_runs, dtor_runs;
static once_flag once = ONCE_FLAG_INIT;

static int nonzero(const unsigned char *p, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++)
    if (p[i])
      return 1;
  return 0;
}
static void once_fn(void) { __atomic_fetch_add(&once_runs, 1, __ATOMIC_RELAXED); }
static void dtor(void *p) { (void)p; __atomic_fetch_add(&dtor_runs, 1, __ATOMIC_RELAXED); }
static struct timespec in_ms(clockid_t c, long ms)
{
  struct timespec t;
  clock_gettime(c, &t);
  t.tv_nsec += ms * 1000000L;
  t.tv_sec += t.tv_nsec / 1000000000L;
  t.tv_nsec %= 1000000000L;
  return t;
}
static int cloexec(int fd) { return (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0; }

/* Each case: one call, 0 when its answer is right. */
static int c_getrandom(int t) { unsigned char b[32] = { 0 }; (void)t; return !(getrandom(b, sizeof b, 0) == 32 && nonzero(b, 32)); }
static int c_getentropy(int t) { unsigned char b[32] = { 0 }; (void)t; return !(getentropy(b, sizeof b) == 0 && nonzero(b, 32)); }
static int c_arc4random(int t) { uint32_t a = arc4random(), b = arc4random(); (void)t; return a == b && a == 0; }
static int c_arc4random_buf(int t) { unsigned char b[32] = { 0 }; (void)t; arc4random_buf(b, sizeof b); return !nonzero(b, 32); }
static int c_arc4random_uniform(int t) { (void)t; return !(arc4random_uniform(10) < 10 && arc4random_uniform(1) == 0); }
static int c_memfd_create(int t)
{
  int fd = memfd_create("race", MFD_CLOEXEC), ok;
  char c = 0;
  (void)t;
  if (fd < 0)
    return 1;
  ok = cloexec(fd) && write(fd, "x", 1) == 1 && pread(fd, &c, 1, 0) == 1 && c == 'x';
  close(fd);
  return !ok;
}
static int c_statx(int t)
{
  struct statx sx;
  struct stat st;
  (void)t;
  return !(statx(AT_FDCWD, ".", 0, STATX_BASIC_STATS, &sx) == 0 && stat(".", &st) == 0 && sx.stx_ino == st.st_ino);
}
static int c_close_range(int t)
{
  int fd = open("/dev/null", O_RDONLY), ok;
  (void)t;
  if (fd < 0)
    return 1;
  ok = !cloexec(fd) && close_range((unsigned)fd, (unsigned)fd, CLOSE_RANGE_CLOEXEC) == 0 && cloexec(fd);
  close(fd);
  return !ok;
}
static int c_copy_file_range(int t)
{
  int a = memfd_create("a", MFD_CLOEXEC), b = memfd_create("b", MFD_CLOEXEC), ok = 0;
  char buf[8] = { 0 };
  (void)t;
  if (a >= 0 && b >= 0 && write(a, "abcdef", 6) == 6 && lseek(a, 0, SEEK_SET) == 0)
    ok = copy_file_range(a, NULL, b, NULL, 6, 0) == 6 && pread(b, buf, 6, 0) == 6 && memcmp(buf, "abcdef", 6) == 0;
  close(a);
  close(b);
  return !ok;
}
static int c_renameat2(int t)
{
  char a[32], b[32];
  int fd, ok;
  snprintf(a, sizeof a, "race-a.%d", t);
  snprintf(b, sizeof b, "race-b.%d", t);
  unlink(b);
  if ((fd = open(a, O_CREAT | O_WRONLY | O_CLOEXEC, 0600)) < 0)
    return 1;
  close(fd);
  if (strcmp(mode, "kfloor") == 0) /* no renameat2 syscall: flags cannot be honoured, 0 can */
    ok = renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_NOREPLACE) == -1 && errno == ENOSYS &&
         renameat2(AT_FDCWD, a, AT_FDCWD, b, 0) == 0;
  else
    ok = renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_NOREPLACE) == 0;
  ok = ok && access(b, F_OK) == 0 && access(a, F_OK) != 0;
  unlink(b);
  return !ok;
}
static int c_pidfd_open(int t)
{
  int fd = pidfd_open(getpid(), 0), ok;
  (void)t;
  if (strcmp(mode, "kfloor") == 0)
    return !(fd == -1 && errno == ENOSYS);
  ok = fd >= 0 && cloexec(fd);
  if (fd >= 0)
    close(fd);
  return !ok;
}
#ifndef RACE_TSAN
static int c_mallinfo2(int t)
{
  struct mallinfo2 m = mallinfo2();
  (void)t;
  return !(m.arena > 0 && m.uordblks <= m.arena);
}
#endif
static pthread_mutex_t mx[NT];
static pthread_cond_t cv[NT];
static sem_t sm[NT];
static int c_cond_clockwait(int t)
{
  struct timespec d = in_ms(CLOCK_MONOTONIC, 1);
  int r;
  pthread_mutex_lock(&mx[t]);
  r = pthread_cond_clockwait(&cv[t], &mx[t], CLOCK_MONOTONIC, &d);
  pthread_mutex_unlock(&mx[t]);
  return r != ETIMEDOUT;
}
static int c_sem_clockwait(int t)
{
  struct timespec d = in_ms(CLOCK_REALTIME, 1000);
  return sem_clockwait(&sm[t], CLOCK_REALTIME, &d) != 0;
}
#ifndef RACE_TSAN
static int c_mutex_clocklock(int t)
{
  struct timespec d = in_ms(CLOCK_MONOTONIC, 1000);
  if (pthread_mutex_clocklock(&mx[t], CLOCK_MONOTONIC, &d) != 0)
    return 1;
  return pthread_mutex_unlock(&mx[t]) != 0;
}
#endif
static int c_call_once(int t) { (void)t; call_once(&once, once_fn); return __atomic_load_n(&once_runs, __ATOMIC_RELAXED) != 1; }
static int c_mtx(int t)
{
  mtx_t m;
  (void)t;
  if (mtx_init(&m, mtx_plain | mtx_recursive) != thrd_success)
    return 1;
  if (mtx_lock(&m) != thrd_success || mtx_trylock(&m) != thrd_success || mtx_unlock(&m) != thrd_success ||
      mtx_unlock(&m) != thrd_success)
    return 1;
  mtx_destroy(&m);
  return 0;
}
static int c_thread_atexit(int t) { static int obj[NT]; return __cxa_thread_atexit_impl(dtor, &obj[t], &__dso_handle) != 0; }
static int c_spawn_addchdir(int t)
{
  posix_spawn_file_actions_t fa;
  int r;
  (void)t;
  if (posix_spawn_file_actions_init(&fa) != 0)
    return 1;
  r = posix_spawn_file_actions_addchdir_np(&fa, "/");
  posix_spawn_file_actions_destroy(&fa);
  return r != 0;
}
static int c_dl_find_object(int t)
{
  struct dl_find_object r;
  static char here; /* a static object: in the same object as the code */
  void *pc = &here;
  (void)t;
  return !(_dl_find_object(pc, &r) == 0 && (const char *)r.dlfo_map_start <= (const char *)pc && (const char *)pc < (const char *)r.dlfo_map_end);
}

static const struct { const char *name; int (*fn)(int); } cases[] = {
  { "getrandom", c_getrandom }, { "getentropy", c_getentropy }, { "arc4random", c_arc4random },
  { "arc4random_buf", c_arc4random_buf }, { "arc4random_uniform", c_arc4random_uniform },
  { "memfd_create", c_memfd_create }, { "statx", c_statx }, { "close_range", c_close_range },
  { "copy_file_range", c_copy_file_range }, { "renameat2", c_renameat2 }, { "pidfd_open", c_pidfd_open },
  { "pthread_cond_clockwait", c_cond_clockwait }, { "sem_clockwait", c_sem_clockwait },
#ifndef RACE_TSAN
  { "pthread_mutex_clocklock", c_mutex_clocklock }, { "mallinfo2", c_mallinfo2 },
#endif
  { "call_once", c_call_once }, { "mtx_init", c_mtx }, { "__cxa_thread_atexit_impl", c_thread_atexit },
  { "posix_spawn_file_actions_addchdir_np", c_spawn_addchdir }, { "_dl_find_object", c_dl_find_object },
};
#define NC (sizeof cases / sizeof cases[0])

static void *worker(void *arg)
{
  int t = (int)(intptr_t)arg;
  size_t i;
  for (i = 0; i < NC; i++) {
    pthread_barrier_wait(&bar);
    errno = 0;
    if (cases[i].fn(t)) {
      printf("race: FAIL case=%s thread=%d errno=%d\n", cases[i].name, t, errno);
      __atomic_store_n(&bad, 1, __ATOMIC_RELAXED);
    }
  }
  return NULL;
}

int main(int argc, char **argv)
{
  pthread_t th[NT];
  int i;
  if (argc > 1)
    mode = argv[1];
  setvbuf(stdout, NULL, _IOLBF, 0);
  pthread_barrier_init(&bar, NULL, NT);
  for (i = 0; i < NT; i++) {
    pthread_mutex_init(&mx[i], NULL);
    pthread_cond_init(&cv[i], NULL);
    sem_init(&sm[i], 0, 1);
  }
  for (i = 0; i < NT; i++)
    if (pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i) != 0)
      return 2;
  for (i = 0; i < NT; i++)
    pthread_join(th[i], NULL);
  if (dtor_runs != NT) {
    printf("race: FAIL case=__cxa_thread_atexit_impl destructors=%d\n", dtor_runs);
    bad = 1;
  }
  if (!bad)
    printf("race: ok %d\n", (int)NC);
  return bad;
}
