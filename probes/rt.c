/* rt probe: POSIX timers (SIGEV_SIGNAL and SIGEV_THREAD), clock_nanosleep, shared memory and
 * message queues: librt.so.1 before glibc 2.34. Message queues are tried when the sandbox allows
 * them; the output is the same whether they were available or not (the detail goes to stderr).
 * Success: exit 0, last line "rt: ok". Any failure: a message and exit 1. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int failures;

#define CHECK(cond, what)                                                                     \
  do {                                                                                        \
    if (!(cond)) {                                                                            \
      fprintf(stderr, "rt: FAIL %s (line %d, errno %s)\n", what, __LINE__, strerror(errno));  \
      failures++;                                                                             \
    }                                                                                         \
  } while (0)

static long long ns_since(const struct timespec *a)
{
  struct timespec b;
  clock_gettime(CLOCK_MONOTONIC, &b);
  return (b.tv_sec - a->tv_sec) * 1000000000LL + (b.tv_nsec - a->tv_nsec);
}

static int notify_pipe[2];
static void thread_notify(union sigval v)
{
  char c = (char)v.sival_int;
  if (write(notify_pipe[1], &c, 1) != 1)
    _exit(3);
}

static void timers(void)
{
  struct sigevent sev;
  struct itimerspec its, cur;
  sigset_t set;
  siginfo_t si;
  struct timespec timeout = { 10, 0 };
  struct pollfd pfd;
  timer_t tid;
  char c = 0;
  int sig;

  /* SIGEV_SIGNAL: a one-shot timer delivering SIGUSR1 with a value, collected with sigtimedwait. */
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0, "sigprocmask");
  memset(&sev, 0, sizeof sev);
  sev.sigev_notify = SIGEV_SIGNAL;
  sev.sigev_signo = SIGUSR1;
  sev.sigev_value.sival_int = 42;
  CHECK(timer_create(CLOCK_MONOTONIC, &sev, &tid) == 0, "timer_create SIGEV_SIGNAL");
  /* Armed for 30 s first, so that the time left is certain to be read before it expires. */
  memset(&its, 0, sizeof its);
  its.it_value.tv_sec = 30;
  CHECK(timer_settime(tid, 0, &its, NULL) == 0, "timer_settime");
  CHECK(timer_gettime(tid, &cur) == 0, "timer_gettime");
  CHECK(cur.it_value.tv_sec < 30 && cur.it_value.tv_sec >= 20, "timer_gettime reports the time left");
  CHECK(cur.it_interval.tv_sec == 0 && cur.it_interval.tv_nsec == 0, "one-shot interval");
  /* Re-armed for 50 ms; the old setting comes back. */
  its.it_value.tv_sec = 0;
  its.it_value.tv_nsec = 50 * 1000000L;
  CHECK(timer_settime(tid, 0, &its, &cur) == 0, "timer_settime re-arm");
  CHECK(cur.it_value.tv_sec < 30 && cur.it_value.tv_sec >= 20, "timer_settime returns the old setting");
  memset(&si, 0, sizeof si);
  sig = sigtimedwait(&set, &si, &timeout);
  CHECK(sig == SIGUSR1, "sigtimedwait SIGUSR1");
  CHECK(si.si_code == SI_TIMER && si.si_value.sival_int == 42, "siginfo of the timer signal");
  CHECK(timer_getoverrun(tid) == 0, "timer_getoverrun");
  CHECK(timer_delete(tid) == 0, "timer_delete");
  printf("rt: SIGEV_SIGNAL timer: signal %s, si_code %s, value %d\n", sig == SIGUSR1 ? "SIGUSR1" : "?",
         si.si_code == SI_TIMER ? "SI_TIMER" : "?", si.si_value.sival_int);

  /* SIGEV_THREAD: the notification function runs in a thread with the value. */
  CHECK(pipe(notify_pipe) == 0, "pipe");
  memset(&sev, 0, sizeof sev);
  sev.sigev_notify = SIGEV_THREAD;
  sev.sigev_notify_function = thread_notify;
  sev.sigev_value.sival_int = 'T';
  CHECK(timer_create(CLOCK_REALTIME, &sev, &tid) == 0, "timer_create SIGEV_THREAD");
  memset(&its, 0, sizeof its);
  its.it_value.tv_nsec = 20 * 1000000L;
  CHECK(timer_settime(tid, 0, &its, NULL) == 0, "timer_settime SIGEV_THREAD");
  pfd.fd = notify_pipe[0];
  pfd.events = POLLIN;
  CHECK(poll(&pfd, 1, 10000) == 1 && read(notify_pipe[0], &c, 1) == 1 && c == 'T', "SIGEV_THREAD notification");
  CHECK(timer_delete(tid) == 0, "timer_delete SIGEV_THREAD");
  close(notify_pipe[0]);
  close(notify_pipe[1]);
  printf("rt: SIGEV_THREAD timer: notified with value %c\n", c);
}

static void sleeps(void)
{
  struct timespec start, d = { 0, 20 * 1000000L }, abs_t;
  long long ns;

  clock_gettime(CLOCK_MONOTONIC, &start);
  CHECK(clock_nanosleep(CLOCK_MONOTONIC, 0, &d, NULL) == 0, "clock_nanosleep relative");
  ns = ns_since(&start);
  CHECK(ns >= 20 * 1000000LL, "relative sleep lasted 20 ms");
  clock_gettime(CLOCK_MONOTONIC, &start);
  abs_t = start;
  abs_t.tv_nsec += 20 * 1000000L;
  if (abs_t.tv_nsec >= 1000000000L) {
    abs_t.tv_sec++;
    abs_t.tv_nsec -= 1000000000L;
  }
  CHECK(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs_t, NULL) == 0, "clock_nanosleep absolute");
  CHECK(ns_since(&start) >= 20 * 1000000LL, "absolute sleep waited until the deadline");
  /* clock_nanosleep returns the error number; an invalid clock gives EINVAL. */
  CHECK(clock_nanosleep((clockid_t)-42, 0, &d, NULL) == EINVAL, "clock_nanosleep EINVAL");
  CHECK(clock_getres(CLOCK_MONOTONIC, &d) == 0 && d.tv_sec == 0 && d.tv_nsec > 0, "clock_getres");
  printf("rt: clock_nanosleep relative/absolute/EINVAL behave\n");
}

static void shm(void)
{
  char name[64];
  int fd, fd2;
  char *p, *q;

  snprintf(name, sizeof name, "/fcprobe-rt-shm-%ld", (long)getpid());
  fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
  CHECK(fd >= 0, "shm_open O_CREAT");
  if (fd < 0)
    return;
  CHECK(ftruncate(fd, 4096) == 0, "ftruncate shm");
  p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  CHECK(p != MAP_FAILED, "mmap shm");
  fd2 = shm_open(name, O_RDONLY, 0);
  CHECK(fd2 >= 0, "shm_open existing");
  q = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd2, 0);
  CHECK(q != MAP_FAILED, "mmap shm read-only");
  if (p != MAP_FAILED && q != MAP_FAILED) {
    strcpy(p, "shared memory");
    CHECK(strcmp(q, "shared memory") == 0, "the second mapping sees the write");
    printf("rt: shm_open: second mapping reads \"%s\"\n", q);
    munmap(p, 4096);
    munmap(q, 4096);
  }
  close(fd);
  close(fd2);
  CHECK(shm_unlink(name) == 0, "shm_unlink");
  errno = 0;
  CHECK(shm_open(name, O_RDONLY, 0) == -1 && errno == ENOENT, "shm_open after unlink ENOENT");
  printf("rt: shm_unlink: reopening gives ENOENT\n");
}

static void mq(void)
{
  char name[64], buf[64];
  struct mq_attr attr;
  unsigned prio = 0;
  mqd_t q;

  snprintf(name, sizeof name, "/fcprobe-rt-mq-%ld", (long)getpid());
  memset(&attr, 0, sizeof attr);
  attr.mq_maxmsg = 4;
  attr.mq_msgsize = sizeof buf;
  q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
  if (q == (mqd_t)-1 && (errno == ENOSYS || errno == EACCES || errno == EPERM || errno == ENOENT)) {
    fprintf(stderr, "rt: message queues unavailable here (%s): not checked\n", strerror(errno));
    printf("rt: mq: done\n");
    return;
  }
  CHECK(q != (mqd_t)-1, "mq_open");
  if (q == (mqd_t)-1)
    return;
  CHECK(mq_send(q, "low", 4, 1) == 0 && mq_send(q, "high", 5, 7) == 0, "mq_send");
  CHECK(mq_getattr(q, &attr) == 0 && attr.mq_curmsgs == 2, "mq_getattr");
  CHECK(mq_receive(q, buf, sizeof buf, &prio) == 5 && prio == 7 && strcmp(buf, "high") == 0,
        "mq_receive takes the high-priority message first");
  CHECK(mq_receive(q, buf, sizeof buf, &prio) == 4 && prio == 1 && strcmp(buf, "low") == 0, "mq_receive second");
  CHECK(mq_close(q) == 0 && mq_unlink(name) == 0, "mq_close/mq_unlink");
  fprintf(stderr, "rt: message queues checked\n");
  printf("rt: mq: done\n");
}

int main(void)
{
  timers();
  sleeps();
  shm();
  mq();
  if (failures) {
    fprintf(stderr, "rt: %d failure(s)\n", failures);
    return 1;
  }
  printf("rt: ok\n");
  return 0;
}
