/* api-linux: exercises the Linux syscall shims through their ordinary and their prefixed names,
 * checks the results against the kernel's documented semantics and prints one deterministic line per
 * API with the path that served it (floorcompat_path, api.h); tests/api.test compares the lines per
 * run mode (native, kfloor --kernel=3.10, old glibc). Runs in the current directory's api-linux.d/. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
#if !defined(__GLIBC__) || __GLIBC__ * 100 + __GLIBC_MINOR__ < 234
int close_range(unsigned int first, unsigned int last, int flags);
#endif

#include "api-check.h"
static void report(const char *api, const char *extra)
{
  api_report(api, "ok", floorcompat_path(api), extra);
}
static int make_file(const char *path, const char *data, size_t n)
{
  int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd >= 0 && write(fd, data, n) != (ssize_t)n) {
    close(fd);
    return -1;
  }
  return fd;
}
static int is_open(int fd) { return fcntl(fd, F_GETFD) >= 0; }
/* What the probe creates; removed without system(), whose posix_spawn needs clone3 or clone. */
static void cleanup(void)
{
  static const char *const files[] = { "d/f0", "d/f1", "d/f2", "src", "dst", "a", "b", "c", "s" };
  unsigned i;
  for (i = 0; i < sizeof files / sizeof files[0]; i++)
    unlink(files[i]);
  rmdir("d");
}

int main(void)
{
  char data[100], got[128], extra[64];
  int i, fd, in, out;
  const char *dir = "api-linux.d";
  for (i = 0; i < 100; i++)
    data[i] = (char)('A' + i % 26);
  if ((mkdir(dir, 0755) != 0 && errno != EEXIST) || chdir(dir) != 0) {
    perror("api-linux: setup");
    return 2;
  }
  cleanup();

  CHECK(gettid() == (pid_t)syscall(SYS_gettid) && floorcompat_gettid() == gettid());
  report("gettid", NULL);
  CHECK(tgkill(getpid(), gettid(), 0) == 0);
  errno = 0;
  CHECK(floorcompat_tgkill(getpid(), gettid(), 1000) == -1 && errno == EINVAL);
  report("tgkill", NULL);

  /* getdents64: three known entries plus . and .. */
  CHECK(mkdir("d", 0755) == 0);
  for (i = 0; i < 3; i++) {
    char name[16];
    snprintf(name, sizeof name, "d/f%d", i);
    fd = make_file(name, "", 0);
    CHECK(fd >= 0);
    close(fd);
  }
  fd = open("d", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  {
    union { char c[4096]; long long align; } buf;
    ssize_t n, pos;
    int names = 0;
    while ((n = getdents64(fd, buf.c, sizeof buf.c)) > 0)
      for (pos = 0; pos < n;) {
        unsigned short reclen;
        memcpy(&reclen, buf.c + pos + 16, sizeof reclen);
        if (buf.c[pos + 19] == 'f')
          names++;
        pos += reclen;
      }
    CHECK(n == 0 && names == 3);
    errno = 0;
    CHECK(floorcompat_getdents64(-1, buf.c, sizeof buf.c) == -1 && errno == EBADF);
  }
  close(fd);
  report("getdents64", NULL);

  /* memfd_create */
  fd = memfd_create("probe", MFD_CLOEXEC);
  CHECK(fd >= 0);
  if (fd >= 0) {
    struct stat st;
    CHECK((fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    CHECK(write(fd, data, 100) == 100 && ftruncate(fd, 4096) == 0 && fstat(fd, &st) == 0 && st.st_size == 4096);
    CHECK(pread(fd, got, 100, 0) == 100 && memcmp(got, data, 100) == 0);
    close(fd);
  }
  fd = floorcompat_memfd_create("probe2", 0);
  CHECK(fd >= 0 && (fcntl(fd, F_GETFD) & FD_CLOEXEC) == 0);
  if (fd >= 0)
    close(fd);
  errno = 0;
  CHECK(memfd_create("probe", 0x1000) == -1 && errno == EINVAL);
  report("memfd_create", NULL);

  /* copy_file_range */
  in = make_file("src", data, 100);
  out = make_file("dst", "", 0);
  CHECK(in >= 0 && out >= 0 && lseek(in, 0, SEEK_SET) == 0);
  {
    off64_t oi = 10, oo = 5;
    memset(got, 0, sizeof got);
    CHECK(copy_file_range(in, &oi, out, &oo, 50, 0) == 50 && oi == 60 && oo == 55);
    CHECK(lseek(in, 0, SEEK_CUR) == 0 && lseek(out, 0, SEEK_CUR) == 0);
    CHECK(pread(out, got, sizeof got, 0) == 55 && memcmp(got, "\0\0\0\0\0", 5) == 0 &&
          memcmp(got + 5, data + 10, 50) == 0);
    /* without offsets: from the file offsets, which move */
    CHECK(lseek(in, 90, SEEK_SET) == 90 && lseek(out, 55, SEEK_SET) == 55);
    CHECK(floorcompat_copy_file_range(in, NULL, out, NULL, 1000, 0) == 10);
    CHECK(lseek(in, 0, SEEK_CUR) == 100 && lseek(out, 0, SEEK_CUR) == 65);
    CHECK(pread(out, got, sizeof got, 55) == 10 && memcmp(got, data + 90, 10) == 0);
    oi = 100;
    CHECK(copy_file_range(in, &oi, out, NULL, 10, 0) == 0 && oi == 100);
    oi = 0;
    errno = 0;
    CHECK(copy_file_range(in, &oi, out, NULL, 10, 1) == -1 && errno == EINVAL);
    oi = 0, oo = 10;
    errno = 0;
    CHECK(copy_file_range(in, &oi, in, &oo, 20, 0) == -1 && errno == EINVAL);
    {
      int app = open("dst", O_WRONLY | O_APPEND | O_CLOEXEC);
      oi = 0;
      errno = 0;
      CHECK(app >= 0 && copy_file_range(in, &oi, app, NULL, 10, 0) == -1 && errno == EBADF);
      close(app);
    }
    {
      int d = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      oi = 0;
      errno = 0;
      CHECK(copy_file_range(d, &oi, out, NULL, 10, 0) == -1 && errno == EISDIR);
      close(d);
    }
  }
  close(in);
  close(out);
  report("copy_file_range", NULL);

  /* renameat2: flags 0 always works; RENAME_NOREPLACE needs the syscall */
  fd = make_file("a", "1", 1);
  close(fd);
  fd = make_file("b", "2", 1);
  close(fd);
  CHECK(renameat2(AT_FDCWD, "a", AT_FDCWD, "c", 0) == 0 && access("c", F_OK) == 0 && access("a", F_OK) != 0);
  errno = 0;
  i = floorcompat_renameat2(AT_FDCWD, "c", AT_FDCWD, "b", RENAME_NOREPLACE);
  snprintf(extra, sizeof extra, " noreplace=%s", i == 0 ? "renamed" : errno == EEXIST ? "EEXIST" :
           errno == ENOSYS ? "ENOSYS" : errno == EINVAL ? "EINVAL" : "other");
  CHECK(i == -1 && access("c", F_OK) == 0);
  report("renameat2", extra);

  /* statx against fstatat */
  {
    struct statx sx;
    struct stat st;
    fd = make_file("s", data, 77);
    CHECK(statx(AT_FDCWD, "s", 0, STATX_BASIC_STATS, &sx) == 0 && stat("s", &st) == 0);
    CHECK((sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS && sx.stx_size == 77 &&
          sx.stx_size == (unsigned long long)st.st_size && sx.stx_ino == (unsigned long long)st.st_ino &&
          sx.stx_mode == st.st_mode && sx.stx_nlink == st.st_nlink && sx.stx_uid == st.st_uid &&
          sx.stx_mtime.tv_sec == st.st_mtim.tv_sec && sx.stx_mtime.tv_nsec == (unsigned)st.st_mtim.tv_nsec &&
          makedev(sx.stx_dev_major, sx.stx_dev_minor) == st.st_dev && sx.stx_blocks == (unsigned long long)st.st_blocks);
    memset(&sx, 0, sizeof sx);
    CHECK(floorcompat_statx(fd, "", AT_EMPTY_PATH, STATX_SIZE, &sx) == 0 && sx.stx_size == 77);
    CHECK(statx(AT_FDCWD, "/dev/null", 0, STATX_BASIC_STATS, &sx) == 0 && S_ISCHR(sx.stx_mode) &&
          sx.stx_rdev_major == 1 && sx.stx_rdev_minor == 3);
    errno = 0;
    CHECK(statx(AT_FDCWD, "missing", 0, STATX_BASIC_STATS, &sx) == -1 && errno == ENOENT);
    errno = 0;
    CHECK(statx(AT_FDCWD, "s", 0x8000000, STATX_BASIC_STATS, &sx) == -1 && errno == EINVAL);
    close(fd);
  }
  report("statx", NULL);

  /* close_range on fds 100..105 */
  fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  for (i = 100; i <= 105; i++)
    CHECK(dup2(fd, i) == i);
  close(fd);
  CHECK(close_range(101, 103, 0) == 0);
  CHECK(is_open(100) && !is_open(101) && !is_open(102) && !is_open(103) && is_open(104) && is_open(105));
  CHECK(floorcompat_close_range(104, 105, CLOSE_RANGE_CLOEXEC) == 0 && (fcntl(104, F_GETFD) & FD_CLOEXEC) &&
        (fcntl(105, F_GETFD) & FD_CLOEXEC) && !(fcntl(100, F_GETFD) & FD_CLOEXEC));
  errno = 0;
  CHECK(close_range(5, 4, 0) == -1 && errno == EINVAL);
  CHECK(close_range(100, ~0U, 0) == 0 && !is_open(100) && !is_open(104) && !is_open(105));
  report("close_range", NULL);

  /* run-time queries */
  {
    int maj = 0, min = 0;
    CHECK(floorcompat_glibc_version(&maj, &min) == 0 && maj == 2 && min >= 17);
    CHECK(floorcompat_kernel_at_least(3, 10) == 1 && floorcompat_kernel_at_least(99, 0) == 0);
    CHECK(floorcompat_syscall_works(SYS_gettid) == 1 && floorcompat_syscall_works(-1) == -1);
    printf("queries: %s glibc=%d.%d statx=%d memfd_create=%d getdents64=%d\n", bad ? "FAIL" : "ok", maj, min,
           floorcompat_syscall_works(FLOORCOMPAT_NR_statx), floorcompat_syscall_works(FLOORCOMPAT_NR_memfd_create),
           floorcompat_syscall_works(FLOORCOMPAT_NR_getdents64));
    failed |= bad;
  }
  cleanup();
  if (chdir("..") != 0 || rmdir(dir) != 0)
    return 2;
  return failed;
}
