/* impl/unistd.h - <unistd.h>: gettid (2.30), copy_file_range (2.27), close_range and closefrom (2.34)
 *
 * Each calls the syscall first (FLOORCOMPAT_NR_*, syscalls.h). ENOSYS means absent; EPERM (a seccomp
 * filter's answer) and the errnos named per shim mean absent only when floorcompat_syscall_works()
 * agrees (impl/runtime.h). Absent is remembered; the fallback then runs.
 *
 * copy_file_range  fallback: read/write (pread/pwrite with offset pointers, which are advanced by
 *               the bytes copied while the file offset stays; without them the file offsets move).
 *               As the kernel: flags != 0 EINVAL; directories EISDIR; other non-regular files EINVAL;
 *               input not readable, output not writable or O_APPEND EBADF; negative offsets EINVAL;
 *               overlapping ranges of one file EINVAL; at or past EOF 0. Unlike kernels 4.5-5.2 and
 *               >= 5.19 it never answers EXDEV (it copies between any two file systems, as glibc
 *               2.27-2.29's emulation did). A failure after some bytes returns the count copied.
 *               A syscall EXDEV is passed on, as glibc does.
 * close_range   fallback: CLOSE_RANGE_UNSHARE with unshare(CLONE_FILES) first; then the fds in
 *               [first, last] listed in /proc/self/fd (read with the getdents64 syscall, no malloc:
 *               usable after fork) are closed, or marked FD_CLOEXEC for CLOSE_RANGE_CLOEXEC;
 *               without /proc every fd up to RLIMIT_NOFILE's soft limit is tried.
 * closefrom     the close_range shim on [max(lowfd, 0), ~0U]; floorcompat_path("closefrom") tells which
 *               of its two paths served. Aborts if it fails, as glibc.
 * gettid        the syscall, present on every supported kernel.
 * getentropy is with getrandom (impl/sys-random.h), whose <sys/random.h> declares it too. */
#ifndef FLOORCOMPAT_IMPL_UNISTD_H
#define FLOORCOMPAT_IMPL_UNISTD_H 1
#include <sys/resource.h>
#ifdef __cplusplus
extern "C" {
#endif

#if !FLOORCOMPAT_HAVE_GETTID
FLOORCOMPAT__SHIM int floorcompat_gettid(void)
{
  FLOORCOMPAT__SET_PATH(gettid, FLOORCOMPAT__P_SYSCALL);
  return (int)floorcompat__raw_syscall(FLOORCOMPAT_NR_gettid, 0, 0, 0, 0, 0, 0);
}
FLOORCOMPAT__SHIM_AS(floorcompat_gettid, gettid)
#endif

#if !FLOORCOMPAT_HAVE_COPY_FILE_RANGE
static signed char floorcompat__cfr_state;

static __attribute__((noinline, cold)) floorcompat__ssize_t floorcompat__cfr_fallback(int in, floorcompat__off64_t *pin, int out,
                                                      floorcompat__off64_t *pout, __SIZE_TYPE__ len,
                                                      unsigned int flags)
{
  struct stat si, so;
  int fl;
  char buf[16384];
  floorcompat__off64_t cin = 0, cout = 0;
  floorcompat__ssize_t total = 0;
  if (flags != 0) {
    errno = EINVAL;
    return -1;
  }
  if (fstat(in, &si) != 0 || fstat(out, &so) != 0)
    return -1;
  if ((fl = floorcompat__sys_fcntl(in, F_GETFL, 0)) < 0)
    return -1;
  if ((fl & O_ACCMODE) == O_WRONLY) {
    errno = EBADF;
    return -1;
  }
  if ((fl = floorcompat__sys_fcntl(out, F_GETFL, 0)) < 0)
    return -1;
  if ((fl & O_ACCMODE) == O_RDONLY || (fl & O_APPEND)) {
    errno = EBADF;
    return -1;
  }
  if (S_ISDIR(si.st_mode) || S_ISDIR(so.st_mode)) {
    errno = EISDIR;
    return -1;
  }
  if (!S_ISREG(si.st_mode) || !S_ISREG(so.st_mode) || (pin && *pin < 0) || (pout && *pout < 0)) {
    errno = EINVAL;
    return -1;
  }
  if ((cin = pin ? *pin : floorcompat__sys_lseek(in, 0, SEEK_CUR)) < 0 ||
      (cout = pout ? *pout : floorcompat__sys_lseek(out, 0, SEEK_CUR)) < 0)
    return -1;
  if (len > 0x7ffff000)
    len = 0x7ffff000;
  if (cin >= (floorcompat__off64_t)si.st_size)
    return 0;
  if ((__UINT64_TYPE__)len > (__UINT64_TYPE__)(si.st_size - cin))
    len = (__SIZE_TYPE__)(si.st_size - cin);
  if (si.st_dev == so.st_dev && si.st_ino == so.st_ino && cin < cout + (floorcompat__off64_t)len &&
      cout < cin + (floorcompat__off64_t)len) {
    errno = EINVAL;
    return -1;
  }
  while (len > 0) {
    __SIZE_TYPE__ want = len < sizeof buf ? len : sizeof buf, put = 0;
    floorcompat__ssize_t r = pin ? floorcompat__sys_pread(in, buf, want, cin) : floorcompat__sys_read(in, buf, want);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0) {
      if (r < 0 && total == 0)
        return -1;
      break;
    }
    while (put < (__SIZE_TYPE__)r) {
      floorcompat__ssize_t w = pout ? floorcompat__sys_pwrite(out, buf + put, (__SIZE_TYPE__)r - put, cout)
                                    : floorcompat__sys_write(out, buf + put, (__SIZE_TYPE__)r - put);
      if (w < 0 && errno == EINTR)
        continue;
      if (w <= 0) {
        int e = w < 0 ? errno : EIO;
        /* Bytes read but not written: give them back to the input's file offset. */
        if (!pin)
          floorcompat__sys_lseek(in, -(floorcompat__off64_t)((__SIZE_TYPE__)r - put), SEEK_CUR);
        cin += (floorcompat__off64_t)put;
        total += (floorcompat__ssize_t)put;
        if (pin)
          *pin = cin;
        if (pout)
          *pout = cout;
        if (total > 0)
          return total;
        errno = e;
        return -1;
      }
      put += (__SIZE_TYPE__)w;
      cout += w;
    }
    cin += r;
    total += r;
    len -= (__SIZE_TYPE__)r;
  }
  if (pin)
    *pin = cin;
  if (pout)
    *pout = cout;
  return total;
}

FLOORCOMPAT__SHIM floorcompat__ssize_t
floorcompat_copy_file_range(int in, floorcompat__off64_t *pin, int out, floorcompat__off64_t *pout, __SIZE_TYPE__ len,
                            unsigned int flags)
{
#ifdef FLOORCOMPAT_NR_copy_file_range
  FLOORCOMPAT__TRY_SYSCALL(copy_file_range, floorcompat__ssize_t, FLOORCOMPAT_NR_copy_file_range,
                           floorcompat__cfr_state, 0, 0,
                           in, pin, out, pout, len, flags)
#else
  FLOORCOMPAT__SET_PATH(copy_file_range, FLOORCOMPAT__P_FALLBACK);
#endif
  return floorcompat__cfr_fallback(in, pin, out, pout, len, flags);
}
FLOORCOMPAT__SHIM_AS(floorcompat_copy_file_range, copy_file_range)
#endif

#if !FLOORCOMPAT_HAVE_CLOSE_RANGE
#define FLOORCOMPAT__CLOSE_RANGE_UNSHARE 0x2
#define FLOORCOMPAT__CLOSE_RANGE_CLOEXEC 0x4
#define FLOORCOMPAT__CLONE_FILES 0x400
static signed char floorcompat__close_range_state;

static void floorcompat__close_one(unsigned int fd, int cloexec)
{
  if (cloexec) {
    int f = floorcompat__sys_fcntl((int)fd, F_GETFD, 0);
    if (f >= 0 && !(f & FD_CLOEXEC))
      floorcompat__sys_fcntl((int)fd, F_SETFD, f | FD_CLOEXEC);
  } else
    floorcompat__sys_close((int)fd);
}

/* 0 when /proc/self/fd was read; -1 when it could not be opened. */
static int floorcompat__close_proc(unsigned int first, unsigned int last, int cloexec)
{
#ifdef FLOORCOMPAT_NR_getdents64
  union { char c[1024]; __UINT64_TYPE__ align; } buf;
  int dfd = floorcompat__sys_open("/proc/self/fd", O_RDONLY | FLOORCOMPAT__O_DIRECTORY | FLOORCOMPAT__O_CLOEXEC, 0);
  if (dfd < 0)
    return -1;
  for (;;) {
    int closed = 0;
    long n;
    while ((n = floorcompat__syscall5(FLOORCOMPAT_NR_getdents64, (long)dfd, (long)buf.c, (long)sizeof buf.c, 0, 0)) > 0) {
      long pos = 0;
      while (pos < n) {
        const char *ent = buf.c + pos;
        unsigned short reclen;
        const char *name = ent + 19; /* d_ino 8, d_off 8, d_reclen 2, d_type 1 */
        unsigned long fd = 0;
        __builtin_memcpy(&reclen, ent + 16, sizeof reclen);
        pos += reclen;
        if (*name < '0' || *name > '9')
          continue;
        for (; *name >= '0' && *name <= '9'; name++)
          fd = fd * 10 + (unsigned long)(*name - '0');
        if (fd == (unsigned long)dfd || fd < first || fd > last)
          continue;
        floorcompat__close_one((unsigned int)fd, cloexec);
        closed = 1;
      }
    }
    /* Closing while listing can make the kernel skip entries: list again until nothing is left. */
    if (n < 0 || !closed || cloexec)
      break;
    floorcompat__sys_lseek(dfd, 0, SEEK_SET);
  }
  floorcompat__sys_close(dfd);
  return 0;
#else
  (void)first, (void)last, (void)cloexec;
  return -1;
#endif
}

FLOORCOMPAT__SHIM int floorcompat_close_range(unsigned int first, unsigned int last, int flags)
{
#ifdef FLOORCOMPAT_NR_close_range
  FLOORCOMPAT__TRY_SYSCALL(close_range, int, FLOORCOMPAT_NR_close_range, floorcompat__close_range_state, 0, 0,
                           first, last, flags, 0, 0, 0)
#else
  FLOORCOMPAT__SET_PATH(close_range, FLOORCOMPAT__P_FALLBACK);
#endif
  if ((flags & ~(FLOORCOMPAT__CLOSE_RANGE_UNSHARE | FLOORCOMPAT__CLOSE_RANGE_CLOEXEC)) || first > last) {
    errno = EINVAL;
    return -1;
  }
  if ((flags & FLOORCOMPAT__CLOSE_RANGE_UNSHARE) && floorcompat__sys_unshare(FLOORCOMPAT__CLONE_FILES) != 0)
    return -1;
  if (floorcompat__close_proc(first, last, flags & FLOORCOMPAT__CLOSE_RANGE_CLOEXEC) != 0) {
    struct rlimit rl;
    unsigned long fd, max = 1UL << 20;
    /* The hard limit, not the soft one: descriptors opened before the soft limit was lowered (or
     * inherited) stay above it, and the kernel's close_range closes them too. */
    if (floorcompat__sys_getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_max != RLIM_INFINITY && rl.rlim_max < max)
      max = (unsigned long)rl.rlim_max;
    for (fd = first; fd <= last && fd < max; fd++)
      floorcompat__close_one((unsigned int)fd, flags & FLOORCOMPAT__CLOSE_RANGE_CLOEXEC);
  }
  return 0;
}
FLOORCOMPAT__SHIM_AS(floorcompat_close_range, close_range)
#endif

#if !FLOORCOMPAT_HAVE_CLOSEFROM
FLOORCOMPAT__SHIM void floorcompat_closefrom(int lowfd)
{
  if (floorcompat_close_range(lowfd < 0 ? 0U : (unsigned int)lowfd, ~0U, 0) != 0)
    floorcompat__die("*** closefrom failed to close a file descriptor ***: terminated\n");
  FLOORCOMPAT__SET_PATH(closefrom, __atomic_load_n(&floorcompat__paths[FLOORCOMPAT__API_close_range],
                                                   __ATOMIC_RELAXED));
}
FLOORCOMPAT__SHIM_AS(floorcompat_closefrom, closefrom)
#endif

#ifdef __cplusplus
}
#endif
#endif
