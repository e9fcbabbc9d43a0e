/* hardening-faults: the fallbacks that open, read or loop, under injected faults. Meant to run on the
 * fallback paths (tests/hardening-faults.test: kfloor --kernel=3.10 --errno=ENOSYS and nolookup.so,
 * so getrandom reads /dev/urandom, arc4random fills from it, memfd_create, statx, close_range,
 * copy_file_range and posix_spawn are emulated). One line per check: "CASE API: ANSWER", where ANSWER
 * is "ok N" (the call succeeded; N bytes or a count) or "-1 ERRNO-NAME"; the test compares them with
 * its table.
 *   hardening-faults dev-pty     /dev/random and /dev/urandom are a pty (a private mount namespace in
 *                                a user namespace): the pool wait blocks until a writer thread writes,
 *                                reads come in short chunks, another thread sends SIGUSR1 (no
 *                                SA_RESTART) every 100 us; the bytes returned must be exactly those
 *                                written. dev-eof: the writer hangs up after 100 bytes.
 *   hardening-faults dev-empty   /dev is an empty tmpfs (a bare chroot); dev-noperm: the devices are
 *                                mode 000 and the capabilities are dropped; dev-regular: regular files
 *   hardening-faults emfile      no descriptor left (RLIMIT_NOFILE = the descriptors open)
 *   hardening-faults leak N      each fallback N times (and its error path): /proc/self/fd before/after
 *   hardening-faults cloexec     children exec'ed while another thread calls the fallbacks: a child
 *                                sees no descriptor but 0, 1, 2
 *   hardening-faults fork        parent and child draw after fork(): the streams differ
 *   hardening-faults waits       the timed waits under the signal storm: no early or EINTR return
 *   hardening-faults fdlist      (the exec'ed child) prints its descriptors other than 0, 1, 2 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <linux/capability.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>
#include <floorcompat/shims/sys-random.h>
#if !defined(__GLIBC__) || __GLIBC__ * 100 + __GLIBC_MINOR__ < 236
uint32_t arc4random(void);
void arc4random_buf(void *buf, size_t len);
#endif
int close_range(unsigned int first, unsigned int last, int flags);
extern char **environ;

static const char *ename(int e)
{
  static char b[16];
  switch (e) {
#define E(x) case x: return #x;
    E(ENOENT) E(EACCES) E(EMFILE) E(ENFILE) E(EIO) E(EINTR) E(EAGAIN) E(ENOSYS) E(EPERM) E(EINVAL) E(ETIMEDOUT)
#undef E
  }
  snprintf(b, sizeof b, "errno%d", e);
  return b;
}
static void answer(const char *c, const char *api, long r, int e)
{
  if (r >= 0)
    printf("%s %s: ok %ld\n", c, api, r);
  else
    printf("%s %s: -1 %s\n", c, api, ename(e));
}
static int count_fds(void) /* the open descriptors, from /proc/self/fd */
{
  DIR *d = opendir("/proc/self/fd");
  struct dirent *e;
  int n = 0;
  if (!d)
    return -1;
  while ((e = readdir(d)) != NULL)
    n += e->d_name[0] != '.';
  closedir(d);
  return n - 1; /* the DIR's own */
}

/* ---- a private /dev ---- */
static void wfile(const char *path, const char *s)
{
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0 || write(fd, s, strlen(s)) < 0) {
    perror(path);
    exit(77);
  }
  close(fd);
}
static void enter_ns(void)
{
  char map[64];
  uid_t u = getuid();
  gid_t g = getgid();
  if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
    perror("unshare");
    exit(77);
  }
  wfile("/proc/self/setgroups", "deny");
  snprintf(map, sizeof map, "0 %u 1", (unsigned)u);
  wfile("/proc/self/uid_map", map);
  snprintf(map, sizeof map, "0 %u 1", (unsigned)g);
  wfile("/proc/self/gid_map", map);
  if (mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
    perror("mount private");
    exit(77);
  }
}
/* /dev becomes a fresh tmpfs holding random and urandom as KIND: none, regular, noperm, or the path
 * of a character device to bind there. */
static void new_dev(const char *kind)
{
  static char dir[] = "/tmp/fc-dev-XXXXXX";
  const char *names[] = { "random", "urandom" };
  char p[64];
  int i, fd;
  if (!mkdtemp(dir) || mount("none", dir, "tmpfs", 0, "mode=755") != 0) {
    perror("tmpfs");
    exit(77);
  }
  for (i = 0; i < 2 && strcmp(kind, "none") != 0; i++) {
    snprintf(p, sizeof p, "%s/%s", dir, names[i]);
    if ((fd = open(p, O_CREAT | O_WRONLY | O_CLOEXEC, 0644)) < 0 || write(fd, "not random", 10) != 10) {
      perror(p);
      exit(77);
    }
    close(fd);
    if (strcmp(kind, "noperm") == 0)
      chmod(p, 0);
    else if (kind[0] == '/' && mount(kind, p, NULL, MS_BIND, NULL) != 0) {
      perror("bind");
      exit(77);
    }
  }
  if (mount(dir, "/dev", NULL, MS_BIND | MS_REC, NULL) != 0) { /* MS_REC: with the binds inside */
    perror("bind /dev");
    exit(77);
  }
}
static void drop_caps(void)
{
  struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct d[2];
  memset(d, 0, sizeof d);
  if (syscall(SYS_capset, &h, d) != 0) {
    perror("capset");
    exit(77);
  }
}

/* ---- the signal storm ---- */
static volatile sig_atomic_t sigs;
static pthread_t storm_target;
static int storm_on;
static void on_sig(int s) { (void)s; sigs++; }
static void *storm(void *a)
{
  (void)a;
  while (__atomic_load_n(&storm_on, __ATOMIC_ACQUIRE)) {
    pthread_kill(storm_target, SIGUSR1);
    usleep(100);
  }
  return NULL;
}
static pthread_t storm_start(void)
{
  struct sigaction sa;
  pthread_t t;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sig; /* no SA_RESTART: blocking calls see EINTR */
  sigaction(SIGUSR1, &sa, NULL);
  storm_target = pthread_self();
  __atomic_store_n(&storm_on, 1, __ATOMIC_RELEASE);
  pthread_create(&t, NULL, storm, NULL);
  return t;
}
static void storm_stop(pthread_t t)
{
  __atomic_store_n(&storm_on, 0, __ATOMIC_RELEASE);
  pthread_join(t, NULL);
}

/* ---- /dev as a pty: a writer feeds the known bytes in chunks ---- */
static int master;
static unsigned char pattern[4096 + 256 + 64];
static size_t feed_len;
static void *writer(void *a)
{
  size_t off = 0;
  (void)a;
  usleep(20000); /* the pool wait blocks first */
  while (off < feed_len) {
    size_t n = feed_len - off < 97 ? feed_len - off : 97;
    if (write(master, pattern + off, n) != (ssize_t)n)
      break;
    off += n;
    usleep(500);
  }
  if (feed_len < sizeof pattern) { /* dev-eof: hang up */
    usleep(20000);
    close(master);
  }
  return NULL;
}
static void dev_pty(int eof)
{
  struct termios tio;
  pthread_t w, s;
  unsigned char buf[4096];
  size_t i;
  long r;
  int sl, e;
  char *name;
  for (i = 0; i < sizeof pattern; i++)
    pattern[i] = (unsigned char)(i * 7 + 3);
  master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0 || !(name = ptsname(master)) ||
      (sl = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0) {
    perror("pty");
    exit(77);
  }
  tcgetattr(sl, &tio);
  cfmakeraw(&tio);
  tcsetattr(sl, TCSANOW, &tio); /* raw: the bytes pass unchanged, a read returns what has come */
  enter_ns();
  new_dev(name);
  feed_len = eof ? 100 : sizeof pattern;
  pthread_create(&w, NULL, writer, NULL);
  s = storm_start();
  memset(buf, 0, sizeof buf);
  errno = 0;
  r = getrandom(buf, 4096, 0);
  e = errno;
  answer(eof ? "dev-eof" : "dev-pty", "getrandom", r, e);
  if (!eof) {
    printf("dev-pty getrandom bytes: %s\n", memcmp(buf, pattern, 4096) == 0 ? "as written" : "CHANGED");
    r = getentropy(buf, 256);
    answer("dev-pty", "getentropy", r, errno);
    printf("dev-pty getentropy bytes: %s\n", memcmp(buf, pattern + 4096, 256) == 0 ? "as written" : "CHANGED");
    arc4random_buf(buf, 64);
    printf("dev-pty arc4random_buf bytes: %s\n", memcmp(buf, pattern + 4096 + 256, 64) == 0 ? "as written" : "CHANGED");
  } else {
    r = getentropy(buf, 256);
    answer("dev-eof", "getentropy", r, errno);
  }
  storm_stop(s);
  pthread_join(w, NULL);
  printf("%s signals: %s\n", eof ? "dev-eof" : "dev-pty", sigs > 10 ? "many" : "too few");
}

/* arc4random cannot fail: with no entropy it must die with a message, not return made-up bytes. */
static void arc4_dies(const char *c)
{
  int st;
  pid_t p;
  fflush(stdout);
  if ((p = fork()) == 0) {
    unsigned char b[16];
    arc4random_buf(b, sizeof b); /* its message goes to stderr, which the test reads */
    _exit(0);
  }
  waitpid(p, &st, 0);
  printf("%s arc4random_buf: %s\n", c, WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT ? "aborts" : "RETURNED");
}
static void dev_broken(const char *c, const char *kind)
{
  unsigned char b[32];
  long r;
  enter_ns();
  new_dev(kind);
  if (strcmp(kind, "noperm") == 0)
    drop_caps();
  errno = 0;
  r = getrandom(b, sizeof b, 0);
  answer(c, "getrandom", r, errno);
  r = getrandom(b, sizeof b, GRND_NONBLOCK);
  answer(c, "getrandom-nonblock", r, errno);
  r = getentropy(b, sizeof b);
  answer(c, "getentropy", r, errno);
  arc4_dies(c);
}

/* Lower the limit to 64 and fill every free slot below it; the fillers' numbers go to FILL. */
static int fill_table(struct rlimit *old, int *fill, int max)
{
  struct rlimit rl;
  int n = 0, fd;
  getrlimit(RLIMIT_NOFILE, old);
  rl = *old;
  rl.rlim_cur = 64;
  setrlimit(RLIMIT_NOFILE, &rl);
  while (n < max && (fd = open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0)
    fill[n++] = fd;
  return n;
}
static void emfile(void)
{
  struct rlimit old;
  unsigned char b[32];
  int fill[64], n, i, st, before;
  long r;
  pid_t pid;
  char av0[] = "true";
  char *av[] = { av0, NULL };
  int high;
  for (i = 3; i < 1024; i++) /* what the test harness left open is not ours to count */
    close(i);
  high = dup2(0, 200); /* above the soft limit set below: close_range must close it too */
  before = count_fds();
  n = fill_table(&old, fill, 64);
  errno = 0;
  r = open("/dev/null", O_RDONLY);
  answer("emfile", "open (control)", r, errno);
  r = getrandom(b, sizeof b, 0);
  answer("emfile", "getrandom", r, errno);
  r = getrandom(b, sizeof b, GRND_RANDOM);
  answer("emfile", "getrandom-random", r, errno);
  r = getentropy(b, sizeof b);
  answer("emfile", "getentropy", r, errno);
  r = memfd_create("x", MFD_CLOEXEC);
  answer("emfile", "memfd_create", r, errno);
  r = posix_spawn(&pid, "/bin/true", NULL, NULL, av, environ);
  if (r == 0)
    waitpid(pid, &st, 0);
  answer("emfile", "posix_spawn", r == 0 ? 0 : -1, (int)r);
  arc4_dies("emfile");
  /* close_range needs no descriptor: the fallback must still close the whole range. */
  r = close_range((unsigned)fill[n / 2], ~0U, 0);
  answer("emfile", "close_range", r, errno);
  for (i = n / 2, st = 0; i < n; i++)
    st += fcntl(fill[i], F_GETFD) >= 0;
  printf("emfile close_range closed: %s\n", st == 0 && fcntl(high, F_GETFD) < 0 ? "all, 200 above the limit too" : "NOT ALL");
  for (i = 0; i < n / 2; i++)
    close(fill[i]);
  setrlimit(RLIMIT_NOFILE, &old);
  printf("emfile descriptors after: %s\n", count_fds() == before - 1 ? "as before but 200" : "CHANGED");
}

static void leak(long n)
{
  unsigned char b[64];
  struct statx sx;
  char av0[] = "true";
  char *av[] = { av0, NULL };
  int before, after, fd, a, c, st;
  long i, bad;
  pid_t pid;
#define LOOP(name, body)                                                               \
  before = count_fds();                                                                \
  for (i = 0, bad = 0; i < n; i++) {                                                   \
    body;                                                                              \
  }                                                                                    \
  after = count_fds();                                                                 \
  printf("leak %s: %s\n", name, before == after && !bad ? "none" : "LEAK OR WRONG ANSWER"); \
  if (before != after || bad)                                                          \
    printf("  before=%d after=%d wrong=%ld\n", before, after, bad);
  LOOP("getrandom", bad += getrandom(b, sizeof b, 0) != (ssize_t)sizeof b)
  LOOP("getrandom-random", bad += getrandom(b, 16, GRND_RANDOM) <= 0)
  LOOP("getentropy", bad += getentropy(b, sizeof b) != 0)
  LOOP("arc4random_buf", arc4random_buf(b, sizeof b))
  LOOP("memfd_create", fd = memfd_create("l", MFD_CLOEXEC); bad += fd < 0; close(fd))
  LOOP("statx", bad += statx(AT_FDCWD, ".", 0, STATX_BASIC_STATS, &sx) != 0)
  a = memfd_create("a", MFD_CLOEXEC);
  c = memfd_create("c", MFD_CLOEXEC);
  bad = write(a, "0123456789", 10) != 10;
  LOOP("copy_file_range", loff_t o = 0; bad += copy_file_range(a, &o, c, NULL, 10, 0) != 10)
  close(a);
  close(c);
  LOOP("close_range", fd = open("/dev/null", O_RDONLY | O_CLOEXEC); bad += close_range((unsigned)fd, (unsigned)fd, 0) != 0)
  if (n > 1000)
    n /= 10; /* a process each */
  LOOP("posix_spawn", bad += posix_spawn(&pid, "/bin/true", NULL, NULL, av, environ) != 0; waitpid(pid, &st, 0))
  LOOP("posix_spawn-ENOENT", bad += posix_spawn(&pid, "/nonexistent", NULL, NULL, av, environ) != ENOENT)
#undef LOOP
}

static int hot_on = 1;
static void *hot(void *a)
{
  unsigned char b[32];
  (void)a;
  while (__atomic_load_n(&hot_on, __ATOMIC_ACQUIRE)) {
    int fd;
    (void)!getrandom(b, sizeof b, 0);
    arc4random_buf(b, sizeof b);
    fd = memfd_create("h", MFD_CLOEXEC);
    if (fd >= 0)
      close(fd);
  }
  return NULL;
}
static void cloexec(const char *self)
{
  pthread_t t[2];
  int i, seen = 0, runs = 0;
  char line[512];
  for (i = 3; i < 1024; i++) /* what the test harness left open is not ours to report */
    close(i);
  pthread_create(&t[0], NULL, hot, NULL);
  pthread_create(&t[1], NULL, hot, NULL);
  for (i = 0; i < 200; i++) {
    int p[2], st;
    pid_t pid;
    FILE *f;
    if (pipe2(p, O_CLOEXEC) != 0)
      break;
    if ((pid = fork()) == 0) {
      dup2(p[1], 1);
      execl(self, self, "fdlist", (char *)NULL);
      _exit(127);
    }
    close(p[1]);
    f = fdopen(p[0], "r");
    while (fgets(line, sizeof line, f)) {
      if (seen++ < 3)
        printf("  child saw: %s", line);
    }
    fclose(f);
    waitpid(pid, &st, 0);
    runs += WIFEXITED(st) && WEXITSTATUS(st) == 0;
  }
  __atomic_store_n(&hot_on, 0, __ATOMIC_RELEASE);
  pthread_join(t[0], NULL);
  pthread_join(t[1], NULL);
  printf("cloexec children: %d of 200 ran, descriptors inherited: %d\n", runs, seen);
}
static void fdlist(void)
{
  DIR *d = opendir("/proc/self/fd");
  struct dirent *e;
  char p[64], l[256];
  int dfd = dirfd(d);
  while ((e = readdir(d)) != NULL) {
    int fd = atoi(e->d_name);
    ssize_t n;
    if (e->d_name[0] == '.' || fd <= 2 || fd == dfd)
      continue;
    snprintf(p, sizeof p, "/proc/self/fd/%d", fd);
    n = readlink(p, l, sizeof l - 1);
    l[n > 0 ? n : 0] = 0;
    printf("fd %d -> %s\n", fd, l);
  }
  closedir(d);
}

static void forked(void)
{
  unsigned char a[2][32], b[2][32];
  int p[2], st, same_g, same_a;
  pid_t pid;
  (void)!getrandom(a[0], 8, 0);
  arc4random_buf(b[0], 8); /* the parent has drawn before the fork (state, if any, is set up) */
  if (pipe(p) != 0)
    exit(1);
  fflush(stdout);
  if ((pid = fork()) == 0) {
    (void)!getrandom(a[1], 32, 0);
    arc4random_buf(b[1], 32);
    (void)!write(p[1], a[1], 32);
    (void)!write(p[1], b[1], 32);
    _exit(0);
  }
  (void)!getrandom(a[0], 32, 0);
  arc4random_buf(b[0], 32);
  if (read(p[0], a[1], 32) != 32 || read(p[0], b[1], 32) != 32)
    exit(1);
  waitpid(pid, &st, 0);
  same_g = memcmp(a[0], a[1], 32) == 0;
  same_a = memcmp(b[0], b[1], 32) == 0;
  printf("fork getrandom: %s\nfork arc4random_buf: %s\n", same_g ? "SAME" : "differ", same_a ? "SAME" : "differ");
}

static pthread_mutex_t wm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wc = PTHREAD_COND_INITIALIZER;
static long ms_since(const struct timespec *t0)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}
static void waits(void)
{
  struct timespec t0, d;
  pthread_t s = storm_start();
  mtx_t m;
  cnd_t c;
  sem_t sem;
  int r;
  long el;
#define DEADLINE(clk, ms) (clock_gettime(clk, &d), d.tv_nsec += (ms) * 1000000L, d.tv_sec += d.tv_nsec / 1000000000L, \
                           d.tv_nsec %= 1000000000L)
  clock_gettime(CLOCK_MONOTONIC, &t0);
  DEADLINE(CLOCK_MONOTONIC, 200);
  pthread_mutex_lock(&wm);
  do
    r = pthread_cond_clockwait(&wc, &wm, CLOCK_MONOTONIC, &d);
  while (r == 0); /* a spurious wake-up is allowed; EINTR is not */
  pthread_mutex_unlock(&wm);
  el = ms_since(&t0);
  printf("waits pthread_cond_clockwait: %s %s\n", r == ETIMEDOUT ? "ETIMEDOUT" : ename(r), el >= 195 ? "on time" : "EARLY");
  mtx_init(&m, mtx_plain);
  cnd_init(&c);
  clock_gettime(CLOCK_MONOTONIC, &t0);
  DEADLINE(CLOCK_REALTIME, 200);
  mtx_lock(&m);
  do
    r = cnd_timedwait(&c, &m, &d);
  while (r == thrd_success);
  mtx_unlock(&m);
  el = ms_since(&t0);
  printf("waits cnd_timedwait: %s %s\n", r == thrd_timedout ? "thrd_timedout" : "OTHER", el >= 195 ? "on time" : "EARLY");
  sem_init(&sem, 0, 0);
  clock_gettime(CLOCK_MONOTONIC, &t0);
  DEADLINE(CLOCK_MONOTONIC, 200);
  while ((r = sem_clockwait(&sem, CLOCK_MONOTONIC, &d)) != 0 && errno == EINTR)
    ; /* sem_clockwait may answer EINTR (POSIX), the caller retries: it must then time out on time */
  el = ms_since(&t0);
  printf("waits sem_clockwait: %s %s\n", r == 0 ? "0" : ename(errno), el >= 195 ? "on time" : "EARLY");
  storm_stop(s);
  printf("waits signals: %s\n", sigs > 10 ? "many" : "too few");
}

int main(int argc, char **argv)
{
  const char *c = argc > 1 ? argv[1] : "";
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (strcmp(c, "dev-pty") == 0 || strcmp(c, "dev-eof") == 0)
    dev_pty(c[4] == 'e');
  else if (strcmp(c, "dev-empty") == 0)
    dev_broken(c, "none");
  else if (strcmp(c, "dev-noperm") == 0)
    dev_broken(c, "noperm");
  else if (strcmp(c, "dev-regular") == 0)
    dev_broken(c, "regular");
  else if (strcmp(c, "emfile") == 0)
    emfile();
  else if (strcmp(c, "leak") == 0 && argc > 2)
    leak(atol(argv[2]));
  else if (strcmp(c, "cloexec") == 0)
    cloexec(argv[0]);
  else if (strcmp(c, "fdlist") == 0)
    fdlist();
  else if (strcmp(c, "fork") == 0)
    forked();
  else if (strcmp(c, "waits") == 0)
    waits();
  else {
    fprintf(stderr, "usage: hardening-faults dev-pty|dev-eof|dev-empty|dev-noperm|dev-regular|emfile|leak N|cloexec|fork|waits\n");
    return 2;
  }
  return 0;
}
