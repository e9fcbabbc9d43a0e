/* api-sys2: exercises the pidfd_*, memfd_secret, mlock2 and preadv2/pwritev2 shims through their
 * ordinary and prefixed names and prints one deterministic line per API with the path that served
 * it (floorcompat_path) and what the call gave; tests/api-sys2.test compares the lines per run mode
 * (native, kfloor --kernel=3.10, old glibc, aarch64). A syscall that is there must show its own
 * semantics; one that is absent must show the documented fallback. Runs in ./api-sys2.d/. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#include <floorcompat/shims/sys-pidfd.h>

#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 0x01
#endif

#include "api-check.h"
static void report(const char *api, const char *fmt, const char *val)
{
  char extra[256] = "";
  if (fmt)
    snprintf(extra, sizeof extra, fmt, val);
  api_report(api, "ok", floorcompat_path(api), extra);
}
static int works(long nr) { return nr < 0 ? 0 : floorcompat_syscall_works(nr); }
#ifndef FLOORCOMPAT_NR_memfd_secret
#define FLOORCOMPAT_NR_memfd_secret (-1)
#endif
#ifndef FLOORCOMPAT_NR_mlock2
#define FLOORCOMPAT_NR_mlock2 (-1)
#endif

static void pidfds(void)
{
  int have = works(FLOORCOMPAT_NR_pidfd_open), st = 0, fd, self, t, g;
  pid_t child = fork();
  if (child == 0) {
    pause();
    _exit(0);
  }
  CHECK(child > 0);
  errno = 0;
  fd = pidfd_open(child, 0);
  if (have) {
    CHECK(fd >= 0 && (fcntl(fd, F_GETFD) & FD_CLOEXEC));
    errno = 0;
    CHECK(floorcompat_pidfd_open(-1, 0) == -1 && errno == EINVAL);
  } else
    CHECK(fd == -1 && errno == ENOSYS);
  report("pidfd_open", " result=%s", fd >= 0 ? "fd" : errno == ENOSYS ? "ENOSYS" : "other");

  errno = 0;
  if (have) {
    CHECK(pidfd_send_signal(fd, SIGKILL, NULL, 0x8000) == -1 && errno == EINVAL);
    errno = 0;
    CHECK(pidfd_send_signal(-1, SIGKILL, NULL, 0) == -1 && errno == EBADF);
    CHECK(floorcompat_pidfd_send_signal(fd, SIGKILL, NULL, 0) == 0);
    CHECK(waitpid(child, &st, 0) == child && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    report("pidfd_send_signal", " result=%s", "sent");
    close(fd);
  } else {
    CHECK(pidfd_send_signal(-1, SIGKILL, NULL, 0) == -1 && errno == ENOSYS);
    report("pidfd_send_signal", " result=%s", errno == ENOSYS ? "ENOSYS" : "other");
    kill(child, SIGKILL); /* what a caller does without pidfds */
    CHECK(waitpid(child, &st, 0) == child && WIFSIGNALED(st));
  }

  t = open("/dev/null", O_RDONLY | O_CLOEXEC);
  self = floorcompat_pidfd_open(getpid(), 0);
  errno = 0;
  g = pidfd_getfd(self, t, 0);
  if (have) {
    struct stat a, b;
    CHECK(g >= 0 && g != t && (fcntl(g, F_GETFD) & FD_CLOEXEC) && fstat(g, &a) == 0 && fstat(t, &b) == 0 &&
          a.st_ino == b.st_ino && a.st_rdev == b.st_rdev);
    errno = 0;
    CHECK(floorcompat_pidfd_getfd(self, t, 1) == -1 && errno == EINVAL);
    errno = 0;
    CHECK(pidfd_getfd(-1, t, 0) == -1 && errno == EBADF);
    report("pidfd_getfd", " result=%s", g >= 0 ? "fd" : "other");
    close(g);
    close(self);
  } else {
    CHECK(self == -1 && g == -1 && errno == ENOSYS);
    report("pidfd_getfd", " result=%s", errno == ENOSYS ? "ENOSYS" : "other");
  }
  close(t);
}

/* memfd_secret may be absent even on a new kernel (no CONFIG_SECRETMEM, or disabled): the line
 * says what the run-time query found, and the path must agree with it. */
static void secret(void)
{
  int have = works(FLOORCOMPAT_NR_memfd_secret), fd;
  char w[4];
  errno = 0;
  fd = floorcompat_memfd_secret(O_CLOEXEC);
  if (have) {
    char *p;
    CHECK(fd >= 0 && (fcntl(fd, F_GETFD) & FD_CLOEXEC) && ftruncate(fd, 4096) == 0);
    p = (char *)mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(p != MAP_FAILED);
    if (p != MAP_FAILED) {
      strcpy(p, "key");
      CHECK(strcmp(p, "key") == 0);
      munmap(p, 4096);
    }
    close(fd);
    errno = 0;
    CHECK(floorcompat_memfd_secret(~0U) == -1 && errno == EINVAL);
  } else {
    CHECK(fd == -1 && errno == ENOSYS);
    errno = 0;
    CHECK(floorcompat_memfd_secret(~0U) == -1 && errno == ENOSYS);
  }
  snprintf(w, sizeof w, "%d", have);
  report("memfd_secret", " works=%s", w);
}

static void locks(void)
{
  int have = works(FLOORCOMPAT_NR_mlock2), r;
  char *p = (char *)mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(p != MAP_FAILED);
  CHECK(mlock2(p, 4096, 0) == 0 && munlock(p, 4096) == 0);
  errno = 0;
  CHECK(mlock2(p, 4096, 0x100) == -1 && errno == EINVAL);
  errno = 0;
  r = floorcompat_mlock2(p, 4096, MLOCK_ONFAULT);
  CHECK(have ? r == 0 : (r == -1 && errno == EINVAL));
  report("mlock2", " onfault=%s", r == 0 ? "locked" : errno == EINVAL ? "EINVAL" : "other");
  munmap(p, 4096);
}

/* Offsets past 4 GiB prove the 64-bit offset reaches the kernel whole (glibc's lo/hi split). */
static void vectors(void)
{
  const off_t big = ((off_t)5 << 30) + 3;
  int have = works(FLOORCOMPAT_NR_preadv2), fd, r, w;
  char a[8], b[8];
  struct iovec out[2], in[2];
  struct stat st;
  fd = open("f", O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  CHECK(fd >= 0);
  out[0].iov_base = (void *)"abc", out[0].iov_len = 3;
  out[1].iov_base = (void *)"defg", out[1].iov_len = 3;
  in[0].iov_base = a, in[0].iov_len = 4;
  in[1].iov_base = b, in[1].iov_len = 4;
  memset(a, 0, sizeof a), memset(b, 0, sizeof b);
  CHECK(pwritev2(fd, out, 2, big, 0) == 6 && fstat(fd, &st) == 0 && st.st_size == big + 6);
  CHECK(lseek(fd, 0, SEEK_CUR) == 0);
  CHECK(preadv2(fd, in, 2, big, 0) == 6 && memcmp(a, "abcd", 4) == 0 && memcmp(b, "ef", 2) == 0);
  CHECK(floorcompat_preadv64v2(fd, in, 1, (long long)big + 2, 0) == 4 && memcmp(a, "cdef", 4) == 0);
  /* offset -1: the file position, which moves */
  CHECK(lseek(fd, 10, SEEK_SET) == 10 && floorcompat_pwritev2(fd, out, 1, -1, 0) == 3 && lseek(fd, 0, SEEK_CUR) == 13);
  CHECK(lseek(fd, 11, SEEK_SET) == 11 && floorcompat_preadv2(fd, in, 1, -1, 0) == 4 && memcmp(a, "bc\0\0", 4) == 0 &&
        lseek(fd, 0, SEEK_CUR) == 15);
  errno = 0;
  CHECK(preadv2(-1, in, 1, 0, 0) == -1 && errno == EBADF);
  errno = 0;
  CHECK(pwritev2(fd, out, 1, 0, (int)0x80000000) == -1 && errno == EOPNOTSUPP);
  /* RWF_DSYNC: the syscall takes it (on reads it means nothing); the fallback cannot. */
  errno = 0;
  r = (int)preadv2(fd, in, 1, 0, RWF_DSYNC);
  CHECK(have ? r == 4 : (r == -1 && errno == EOPNOTSUPP));
  report("preadv2", " rwf=%s", r == 4 ? "ok" : errno == EOPNOTSUPP ? "EOPNOTSUPP" : "other");
  errno = 0;
  w = (int)pwritev64v2(fd, out, 1, 0, RWF_DSYNC);
  CHECK(have ? w == 3 : (w == -1 && errno == EOPNOTSUPP));
  report("pwritev2", " rwf=%s", w == 3 ? "ok" : errno == EOPNOTSUPP ? "EOPNOTSUPP" : "other");
  close(fd);
  unlink("f");
}

int main(void)
{
  const char *dir = "api-sys2.d";
  if ((mkdir(dir, 0755) != 0 && errno != EEXIST) || chdir(dir) != 0) {
    perror("api-sys2: setup");
    return 2;
  }
  setvbuf(stdout, NULL, _IONBF, 0); /* no buffered output duplicated by fork */
  pidfds();
  secret();
  locks();
  vectors();
  printf("queries: pidfd_open=%d pidfd_send_signal=%d pidfd_getfd=%d mlock2=%d preadv2=%d pwritev2=%d\n",
         works(FLOORCOMPAT_NR_pidfd_open), works(FLOORCOMPAT_NR_pidfd_send_signal), works(FLOORCOMPAT_NR_pidfd_getfd),
         works(FLOORCOMPAT_NR_mlock2), works(FLOORCOMPAT_NR_preadv2), works(FLOORCOMPAT_NR_pwritev2));
  if (chdir("..") != 0 || rmdir(dir) != 0)
    return 2;
  return failed;
}
