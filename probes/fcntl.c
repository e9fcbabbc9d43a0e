/* fcntl probe: with -D_FILE_OFFSET_BITS=64 the headers turn fcntl into fcntl64 (glibc 2.28).
 * Record locks beyond 4 GiB (F_SETLK/F_GETLK, observed from a forked child), F_GETFD/F_SETFD,
 * F_DUPFD_CLOEXEC, F_GETFL/F_SETFL. Builds with and without -D_FILE_OFFSET_BITS=64.
 * Success: exit 0, last line "fcntl: ok". Any failure: a message and exit 1. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static int failures;

#define CHECK(cond, what)                                                                         \
  do {                                                                                            \
    if (!(cond)) {                                                                                \
      fprintf(stderr, "fcntl: FAIL %s (line %d, errno %s)\n", what, __LINE__, strerror(errno));   \
      failures++;                                                                                 \
    }                                                                                             \
  } while (0)

static const off_t big = (off_t)5 << 30; /* 5 GiB */

static const char *type_name(int t)
{
  return t == F_RDLCK ? "F_RDLCK" : t == F_WRLCK ? "F_WRLCK" : t == F_UNLCK ? "F_UNLCK" : "?";
}

/* In a child (a different process, so it sees the parent's locks): what F_GETLK reports for a write
 * lock on [start, start+len), and whether F_SETLK on it fails. Prints one line; returns 0 if
 * the report matches the expectation. */
static int child_probe(const char *path, off_t start, off_t len, int expect_type, pid_t owner, const char *label)
{
  pid_t pid;
  int status;

  fflush(stdout);
  pid = fork();
  if (pid < 0)
    return 1;
  if (pid == 0) {
    struct flock fl;
    int fd = open(path, O_RDWR), bad = 0, setlk, got_type;
    pid_t got_pid;
    if (fd < 0)
      _exit(2);
    memset(&fl, 0, sizeof fl);
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = start;
    fl.l_len = len;
    if (fcntl(fd, F_GETLK, &fl) != 0)
      _exit(3);
    got_type = fl.l_type;
    got_pid = fl.l_pid;
    if (got_type != expect_type)
      bad = 1;
    if (expect_type != F_UNLCK && (fl.l_pid != owner || fl.l_start != big || fl.l_len != 4096))
      bad = 1;
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = start;
    fl.l_len = len;
    setlk = fcntl(fd, F_SETLK, &fl);
    if (expect_type != F_UNLCK && !(setlk == -1 && (errno == EAGAIN || errno == EACCES)))
      bad = 1;
    if (expect_type == F_UNLCK && setlk != 0)
      bad = 1;
    printf("fcntl: child F_GETLK %s: %s%s, F_SETLK %s\n", label, type_name(got_type),
           got_type != F_UNLCK && got_pid == owner ? " held by parent" : "",
           setlk == 0 ? "succeeds" : "refused");
    fflush(stdout);
    _exit(bad ? 4 : 0);
  }
  if (waitpid(pid, &status, 0) != pid)
    return 1;
  return !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
  char path[] = "/tmp/fcprobe-fcntl-XXXXXX";
  struct flock fl;
  int fd, fd2, flags;

  fd = mkstemp(path);
  if (fd < 0) {
    perror("fcntl: FAIL mkstemp");
    return 1;
  }
  printf("fcntl: sizeof(off_t)=%d sizeof(l_start)=%d\n", (int)sizeof(off_t), (int)sizeof fl.l_start);

  /* A write lock on 4 KiB at 5 GiB. */
  memset(&fl, 0, sizeof fl);
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = big;
  fl.l_len = 4096;
  CHECK(fcntl(fd, F_SETLK, &fl) == 0, "F_SETLK at 5 GiB");
  /* The owner itself sees no conflict. */
  memset(&fl, 0, sizeof fl);
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = big;
  fl.l_len = 4096;
  CHECK(fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type == F_UNLCK, "F_GETLK by the owner");
  CHECK(child_probe(path, big + 100, 10, F_WRLCK, getpid(), "at 5 GiB+100") == 0, "child sees the lock at 5 GiB");
  /* A 32-bit truncation of 5 GiB would be 1 GiB: that range must be free. */
  CHECK(child_probe(path, (off_t)1 << 30, 4096, F_UNLCK, 0, "at 1 GiB") == 0, "child sees 1 GiB free");
  CHECK(child_probe(path, 0, 4096, F_UNLCK, 0, "at 0") == 0, "child sees 0 free");
  /* Unlock, then the child may take it. */
  fl.l_type = F_UNLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = big;
  fl.l_len = 4096;
  CHECK(fcntl(fd, F_SETLK, &fl) == 0, "F_SETLK unlock");
  CHECK(child_probe(path, big, 4096, F_UNLCK, 0, "after unlock") == 0, "child sees the lock gone");

  /* Descriptor flags. */
  CHECK(fcntl(fd, F_GETFD) == 0, "F_GETFD initially 0");
  CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0, "F_SETFD");
  CHECK(fcntl(fd, F_GETFD) == FD_CLOEXEC, "F_GETFD after F_SETFD");
  printf("fcntl: F_GETFD/F_SETFD FD_CLOEXEC=%d\n", fcntl(fd, F_GETFD));
  fd2 = fcntl(fd, F_DUPFD_CLOEXEC, 100);
  CHECK(fd2 >= 100, "F_DUPFD_CLOEXEC >= 100");
  CHECK(fcntl(fd2, F_GETFD) == FD_CLOEXEC, "F_DUPFD_CLOEXEC sets FD_CLOEXEC");
  printf("fcntl: F_DUPFD_CLOEXEC fd>=100:%s cloexec:%s\n", fd2 >= 100 ? "yes" : "no",
         fcntl(fd2, F_GETFD) == FD_CLOEXEC ? "yes" : "no");
  close(fd2);

  /* Status flags. */
  flags = fcntl(fd, F_GETFL);
  CHECK(flags >= 0 && (flags & O_ACCMODE) == O_RDWR && !(flags & O_APPEND), "F_GETFL O_RDWR");
  CHECK(fcntl(fd, F_SETFL, flags | O_APPEND | O_NONBLOCK) == 0, "F_SETFL");
  flags = fcntl(fd, F_GETFL);
  CHECK((flags & O_APPEND) && (flags & O_NONBLOCK) && (flags & O_ACCMODE) == O_RDWR, "F_GETFL after F_SETFL");
  printf("fcntl: F_GETFL rdwr:%s append:%s nonblock:%s\n", (flags & O_ACCMODE) == O_RDWR ? "yes" : "no",
         flags & O_APPEND ? "yes" : "no", flags & O_NONBLOCK ? "yes" : "no");
  errno = 0;
  CHECK(fcntl(-1, F_GETFD) == -1 && errno == EBADF, "F_GETFD EBADF");

  close(fd);
  unlink(path);
  if (failures) {
    fprintf(stderr, "fcntl: %d failure(s)\n", failures);
    return 1;
  }
  printf("fcntl: ok\n");
  return 0;
}
