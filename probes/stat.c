/* stat probe: stat, fstat, lstat, fstatat (+ AT_SYMLINK_NOFOLLOW), mknod, mknodat and the *64
 * forms (functions only since glibc 2.33; before that __xstat & co.), on files it creates in a
 * fresh temporary directory. Builds with and without -D_FILE_OFFSET_BITS=64.
 * Success: exit 0, last line "stat: ok". Any failure: a message and exit 1. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static char dir[64];
static int failures;

#define CHECK(cond, what)                                                                  \
  do {                                                                                     \
    if (!(cond)) {                                                                         \
      fprintf(stderr, "stat: FAIL %s (line %d, errno %s)\n", what, __LINE__, strerror(errno)); \
      failures++;                                                                          \
    }                                                                                      \
  } while (0)

static const char *kind(mode_t m)
{
  return S_ISREG(m) ? "regular" : S_ISDIR(m) ? "directory" : S_ISLNK(m) ? "symlink" : S_ISFIFO(m) ? "fifo" : "other";
}

static void show(const char *what, const struct stat *st)
{
  printf("stat: %-28s %s mode=%03o nlink=%lu size=%lld\n", what, kind(st->st_mode),
         (unsigned)(st->st_mode & 07777), (unsigned long)st->st_nlink,
         S_ISREG(st->st_mode) ? (long long)st->st_size : -1LL);
}

int main(void)
{
  struct stat st, st2;
  struct stat64 st64;
  char path[128];
  int dfd, fd;
  const off_t big = (off_t)5 << 30; /* 5 GiB: beyond 32-bit sizes */

  strcpy(dir, "/tmp/fcprobe-stat-XXXXXX");
  if (!mkdtemp(dir)) {
    perror("stat: FAIL mkdtemp");
    return 1;
  }
  dfd = open(dir, O_RDONLY | O_DIRECTORY);
  CHECK(dfd >= 0, "open dir");

  /* A regular file with 5 bytes and mode 0640 (set explicitly: umask-independent). */
  snprintf(path, sizeof path, "%s/file", dir);
  fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
  CHECK(fd >= 0, "create file");
  CHECK(write(fd, "hello", 5) == 5, "write");
  CHECK(fchmod(fd, 0640) == 0, "fchmod");

  CHECK(stat(path, &st) == 0, "stat file");
  show("stat(file)", &st);
  CHECK(S_ISREG(st.st_mode) && st.st_size == 5 && (st.st_mode & 0777) == 0640 && st.st_nlink == 1,
        "stat(file) fields");
  CHECK(st.st_uid == geteuid(), "stat(file) st_uid");

  CHECK(fstat(fd, &st2) == 0, "fstat");
  show("fstat(fd)", &st2);
  CHECK(st2.st_ino == st.st_ino && st2.st_dev == st.st_dev && st2.st_size == 5, "fstat matches stat");

  /* A sparse file beyond 4 GiB: st_size must come back whole. */
  CHECK(ftruncate(fd, big) == 0, "ftruncate 5 GiB");
  CHECK(fstat(fd, &st2) == 0 && st2.st_size == big, "fstat sees 5 GiB");
  printf("stat: fstat after ftruncate size=%lld\n", (long long)st2.st_size);
  CHECK(ftruncate(fd, 5) == 0, "ftruncate back");
  close(fd);

  /* A symbolic link "link" -> "file". */
  snprintf(path, sizeof path, "%s/link", dir);
  CHECK(symlink("file", path) == 0, "symlink");
  CHECK(lstat(path, &st2) == 0, "lstat link");
  show("lstat(link)", &st2);
  CHECK(S_ISLNK(st2.st_mode) && st2.st_size == 4, "lstat sees the link itself");
  CHECK(stat(path, &st2) == 0, "stat link");
  show("stat(link)", &st2);
  CHECK(S_ISREG(st2.st_mode) && st2.st_ino == st.st_ino, "stat follows the link");

  CHECK(fstatat(dfd, "link", &st2, AT_SYMLINK_NOFOLLOW) == 0, "fstatat nofollow");
  show("fstatat(link, NOFOLLOW)", &st2);
  CHECK(S_ISLNK(st2.st_mode), "fstatat AT_SYMLINK_NOFOLLOW sees the link");
  CHECK(fstatat(dfd, "link", &st2, 0) == 0, "fstatat follow");
  show("fstatat(link, 0)", &st2);
  CHECK(S_ISREG(st2.st_mode) && st2.st_ino == st.st_ino, "fstatat follows the link");
  CHECK(fstatat(AT_FDCWD, dir, &st2, 0) == 0, "fstatat AT_FDCWD");
  show("fstatat(AT_FDCWD, dir)", &st2);
  CHECK(S_ISDIR(st2.st_mode) && (st2.st_mode & 0777) == 0700, "mkdtemp made a 0700 directory");

  /* The explicit large-file interfaces. */
  snprintf(path, sizeof path, "%s/file", dir);
  CHECK(stat64(path, &st64) == 0 && S_ISREG(st64.st_mode) && st64.st_size == 5 && st64.st_ino == st.st_ino,
        "stat64");
  snprintf(path, sizeof path, "%s/link", dir);
  CHECK(lstat64(path, &st64) == 0 && S_ISLNK(st64.st_mode), "lstat64");
  CHECK(fstatat64(dfd, "link", &st64, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st64.st_mode), "fstatat64");
  CHECK(fstat64(dfd, &st64) == 0 && S_ISDIR(st64.st_mode), "fstat64");
  printf("stat: stat64 lstat64 fstatat64 fstat64 agree\n");

  /* FIFOs with mknod and mknodat. */
  snprintf(path, sizeof path, "%s/fifo1", dir);
  CHECK(mknod(path, S_IFIFO | 0600, 0) == 0, "mknod fifo");
  CHECK(chmod(path, 0600) == 0, "chmod fifo1");
  CHECK(stat(path, &st2) == 0, "stat fifo1");
  show("mknod(fifo1)", &st2);
  CHECK(S_ISFIFO(st2.st_mode) && (st2.st_mode & 0777) == 0600, "mknod made a FIFO");
  CHECK(mknodat(dfd, "fifo2", S_IFIFO | 0644, 0) == 0, "mknodat fifo");
  CHECK(fchmodat(dfd, "fifo2", 0604, 0) == 0, "fchmodat fifo2");
  CHECK(fstatat(dfd, "fifo2", &st2, 0) == 0, "fstatat fifo2");
  show("mknodat(fifo2)", &st2);
  CHECK(S_ISFIFO(st2.st_mode) && (st2.st_mode & 0777) == 0604, "mknodat made a FIFO");
  errno = 0;
  CHECK(mknodat(dfd, "fifo2", S_IFIFO | 0644, 0) == -1 && errno == EEXIST, "mknodat EEXIST");

  /* Errors come back as -1/errno. */
  snprintf(path, sizeof path, "%s/missing", dir);
  errno = 0;
  CHECK(stat(path, &st2) == -1 && errno == ENOENT, "stat ENOENT");
  errno = 0;
  CHECK(lstat(path, &st2) == -1 && errno == ENOENT, "lstat ENOENT");
  errno = 0;
  CHECK(fstat(-1, &st2) == -1 && errno == EBADF, "fstat EBADF");
  errno = 0;
  CHECK(fstatat(dfd, "missing", &st2, 0) == -1 && errno == ENOENT, "fstatat ENOENT");
  printf("stat: errors ENOENT ENOENT EBADF ENOENT\n");

  /* Clean up. */
  CHECK(unlinkat(dfd, "fifo2", 0) == 0 && unlinkat(dfd, "fifo1", 0) == 0 && unlinkat(dfd, "link", 0) == 0 &&
          unlinkat(dfd, "file", 0) == 0,
        "unlink");
  close(dfd);
  CHECK(rmdir(dir) == 0, "rmdir");
  if (failures) {
    fprintf(stderr, "stat: %d failure(s)\n", failures);
    return 1;
  }
  printf("stat: ok\n");
  return 0;
}
