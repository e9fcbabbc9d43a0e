/* shims/impl-linux.h - Linux syscall wrappers for older floors (IMPLEMENTATION part):
 * gettid, tgkill, getdents64 (2.30), memfd_create, copy_file_range (2.27), renameat2, statx (2.28),
 * close_range (2.34). Each calls the syscall first (FLOORCOMPAT_NR_*, syscalls.h). ENOSYS means
 * absent; EPERM (a seccomp filter's answer) and the errnos named per shim mean absent only when
 * floorcompat_syscall_works() agrees (runtime.h). Absent is remembered; the fallback then runs.
 *
 * memfd_create  fallback: an O_TMPFILE file (Linux 3.11) in /dev/shm, else /tmp; else an unlinked
 *               mkostemp file there (briefly visible under a memfd-XXXXXX name). MFD_CLOEXEC gives
 *               O_CLOEXEC; MFD_ALLOW_SEALING is accepted but F_ADD_SEALS will fail (EINVAL): the
 *               fallback has no sealing. Other flags (MFD_HUGETLB ...) give EINVAL, a NULL name
 *               EFAULT, a name above 249 bytes EINVAL, as the syscall.
 * copy_file_range  fallback: read/write (pread/pwrite with offset pointers, which are advanced by
 *               the bytes copied while the file offset stays; without them the file offsets move).
 *               As the kernel: flags != 0 EINVAL; directories EISDIR; other non-regular files EINVAL;
 *               input not readable, output not writable or O_APPEND EBADF; negative offsets EINVAL;
 *               overlapping ranges of one file EINVAL; at or past EOF 0. Unlike kernels 4.5-5.2 and
 *               >= 5.19 it never answers EXDEV (it copies between any two file systems, as glibc
 *               2.27-2.29's emulation did). A failure after some bytes returns the count copied.
 *               A syscall EXDEV is passed on, as glibc does.
 * renameat2     fallback: renameat for flags == 0. With flags (RENAME_NOREPLACE, RENAME_EXCHANGE,
 *               RENAME_WHITEOUT) it answers ENOSYS, as glibc's wrapper does on a kernel without the
 *               syscall: link()+unlink() would not be atomic, would fail for directories and leave two
 *               names on a crash, so it is not attempted.
 * statx         fallback: fstatat; stx_mask = STATX_BASIC_STATS (no btime, mount id, attributes).
 *               AT_STATX_* sync flags are accepted and ignored. EINVAL and EOPNOTSUPP from the
 *               syscall are checked with the probe too (libuv's list).
 * close_range   fallback: CLOSE_RANGE_UNSHARE with unshare(CLONE_FILES) first; then the fds in
 *               [first, last] listed in /proc/self/fd (read with the getdents64 syscall, no malloc:
 *               usable after fork) are closed, or marked FD_CLOEXEC for CLOSE_RANGE_CLOEXEC;
 *               without /proc every fd up to RLIMIT_NOFILE's soft limit is tried.
 * gettid, tgkill, getdents64: the syscalls, present on every supported kernel. */
#ifndef FLOORCOMPAT_SHIMS_IMPL_LINUX_H
#define FLOORCOMPAT_SHIMS_IMPL_LINUX_H 1
#include <sys/resource.h>
#ifdef __cplusplus
extern "C" {
#endif


/* A raw syscall result as libc returns it: -1 with errno on failure. */
static __inline__ FLOORCOMPAT__UNUSED long floorcompat__sc_result(long r)
{
  if (FLOORCOMPAT__SYSCALL_FAILED(r)) {
    errno = (int)-r;
    return -1;
  }
  return r;
}

#if !FLOORCOMPAT_HAVE_GETTID
FLOORCOMPAT__SHIM int floorcompat_gettid(void)
{
  FLOORCOMPAT__SET_PATH(gettid, FLOORCOMPAT__P_SYSCALL);
  return (int)floorcompat__raw_syscall(FLOORCOMPAT_NR_gettid, 0, 0, 0, 0, 0, 0);
}
FLOORCOMPAT__SHIM_AS(floorcompat_gettid, gettid)
#endif

#if !FLOORCOMPAT_HAVE_TGKILL
FLOORCOMPAT__SHIM int floorcompat_tgkill(int tgid, int tid, int sig)
{
  FLOORCOMPAT__SET_PATH(tgkill, FLOORCOMPAT__P_SYSCALL);
  return (int)floorcompat__sc_result(floorcompat__raw_syscall(FLOORCOMPAT_NR_tgkill, tgid, tid, sig, 0, 0, 0));
}
FLOORCOMPAT__SHIM_AS(floorcompat_tgkill, tgkill)
#endif

#if !FLOORCOMPAT_HAVE_GETDENTS64
FLOORCOMPAT__SHIM floorcompat__ssize_t floorcompat_getdents64(int fd, void *buf, __SIZE_TYPE__ len)
{
  FLOORCOMPAT__SET_PATH(getdents64, FLOORCOMPAT__P_SYSCALL);
  if (len > 0x7fffffff)
    len = 0x7fffffff; /* the kernel takes an unsigned int */
  return floorcompat__sc_result(floorcompat__raw_syscall(FLOORCOMPAT_NR_getdents64, fd, (long)buf, (long)len, 0, 0, 0));
}
FLOORCOMPAT__SHIM_AS(floorcompat_getdents64, getdents64)
#endif

#if !FLOORCOMPAT_HAVE_MEMFD_CREATE
#define FLOORCOMPAT__MFD_CLOEXEC 0x1U
#define FLOORCOMPAT__MFD_ALLOW_SEALING 0x2U
static signed char floorcompat__memfd_state;

static __attribute__((noinline, cold)) int floorcompat__memfd_fallback(const char *name, unsigned int flags)
{
  static const char *const dirs[] = { "/dev/shm", "/tmp" }, *const tmpls[] = { "/dev/shm/memfd-XXXXXX",
                                                                                "/tmp/memfd-XXXXXX" };
  int cloexec = (flags & FLOORCOMPAT__MFD_CLOEXEC) ? FLOORCOMPAT__O_CLOEXEC : 0;
  unsigned i;
  if (!name) {
    errno = EFAULT;
    return -1;
  }
  if ((flags & ~(FLOORCOMPAT__MFD_CLOEXEC | FLOORCOMPAT__MFD_ALLOW_SEALING)) || floorcompat__strlen0(name) > 249) {
    errno = EINVAL;
    return -1;
  }
  for (i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
    char tmpl[32];
    int fd = floorcompat__sys_open(dirs[i], O_RDWR | FLOORCOMPAT__O_TMPFILE | cloexec, 0600);
    if (fd >= 0)
      return fd;
    floorcompat__memmove0(tmpl, tmpls[i], floorcompat__strlen0(tmpls[i]) + 1);
    fd = floorcompat__sys_mkostemp(tmpl, cloexec);
    if (fd >= 0) {
      floorcompat__sys_unlink(tmpl);
      return fd;
    }
  }
  return -1;
}

FLOORCOMPAT__SHIM int floorcompat_memfd_create(const char *name, unsigned int flags)
{
#ifdef FLOORCOMPAT_NR_memfd_create
  FLOORCOMPAT__TRY_SYSCALL(memfd_create, int, FLOORCOMPAT_NR_memfd_create, floorcompat__memfd_state, 0, 0,
                           name, flags, 0, 0, 0, 0)
#else
  FLOORCOMPAT__SET_PATH(memfd_create, FLOORCOMPAT__P_FALLBACK);
#endif
  return floorcompat__memfd_fallback(name, flags);
}
FLOORCOMPAT__SHIM_AS(floorcompat_memfd_create, memfd_create)
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

#if !FLOORCOMPAT_HAVE_RENAMEAT2
static signed char floorcompat__renameat2_state;
FLOORCOMPAT__SHIM int floorcompat_renameat2(int olddirfd, const char *oldpath, int newdirfd,
                                                                const char *newpath, unsigned int flags)
{
#ifdef FLOORCOMPAT_NR_renameat2
  FLOORCOMPAT__TRY_SYSCALL(renameat2, int, FLOORCOMPAT_NR_renameat2, floorcompat__renameat2_state, 0, 0,
                           olddirfd, oldpath, newdirfd, newpath, flags, 0)
#else
  FLOORCOMPAT__SET_PATH(renameat2, FLOORCOMPAT__P_FALLBACK);
#endif
  if (flags != 0) {
    errno = ENOSYS;
    return -1;
  }
  return floorcompat__sys_renameat(olddirfd, oldpath, newdirfd, newpath);
}
FLOORCOMPAT__SHIM_AS(floorcompat_renameat2, renameat2)
#endif

#if !FLOORCOMPAT_HAVE_STATX
/* The kernel's struct statx (256 bytes in every version), under a name of our own. */
struct floorcompat__statx_ts { __INT64_TYPE__ tv_sec; __UINT32_TYPE__ tv_nsec; __INT32_TYPE__ reserved; };
struct floorcompat__statx {
  __UINT32_TYPE__ mask, blksize;
  __UINT64_TYPE__ attributes;
  __UINT32_TYPE__ nlink, uid, gid;
  __UINT16_TYPE__ mode, spare0;
  __UINT64_TYPE__ ino, size, blocks, attributes_mask;
  struct floorcompat__statx_ts atime, btime, ctime, mtime;
  __UINT32_TYPE__ rdev_major, rdev_minor, dev_major, dev_minor;
  __UINT64_TYPE__ spare[14];
};
#define FLOORCOMPAT__AT_SYMLINK_NOFOLLOW 0x100
#define FLOORCOMPAT__AT_NO_AUTOMOUNT 0x800
#define FLOORCOMPAT__AT_EMPTY_PATH 0x1000
#define FLOORCOMPAT__AT_STATX_SYNC_TYPE 0x6000
#define FLOORCOMPAT__STATX_BASIC_STATS 0x7ffU
#if defined(__USE_XOPEN2K8) || defined(__USE_MISC)
#define FLOORCOMPAT__NSEC(st, x) ((st).st_##x##tim.tv_nsec)
#else
#define FLOORCOMPAT__NSEC(st, x) ((st).st_##x##timensec)
#endif
static signed char floorcompat__statx_state;

static __UINT32_TYPE__ floorcompat__dev_major(__UINT64_TYPE__ d)
{ return (__UINT32_TYPE__)(((d >> 8) & 0xfffU) | ((d >> 32) & 0xfffff000U)); }
static __UINT32_TYPE__ floorcompat__dev_minor(__UINT64_TYPE__ d)
{ return (__UINT32_TYPE__)((d & 0xffU) | ((d >> 12) & 0xffffff00U)); }

FLOORCOMPAT__SHIM int floorcompat_statx(int dirfd, const char *path, int flags,
                                                            unsigned int mask, struct statx *buf)
{
  struct floorcompat__statx *sx = (struct floorcompat__statx *)(void *)buf;
  struct stat st;
#ifdef FLOORCOMPAT_NR_statx
  FLOORCOMPAT__TRY_SYSCALL(statx, int, FLOORCOMPAT_NR_statx, floorcompat__statx_state, EINVAL, EOPNOTSUPP,
                           dirfd, path, flags, mask, buf, 0)
#else
  FLOORCOMPAT__SET_PATH(statx, FLOORCOMPAT__P_FALLBACK);
#endif
  if ((flags & ~(FLOORCOMPAT__AT_SYMLINK_NOFOLLOW | FLOORCOMPAT__AT_NO_AUTOMOUNT | FLOORCOMPAT__AT_EMPTY_PATH |
                 FLOORCOMPAT__AT_STATX_SYNC_TYPE)) ||
      (flags & FLOORCOMPAT__AT_STATX_SYNC_TYPE) == FLOORCOMPAT__AT_STATX_SYNC_TYPE || (mask & 0x80000000U)) {
    errno = EINVAL;
    return -1;
  }
  if (floorcompat__sys_fstatat(dirfd, path, &st, flags & ~FLOORCOMPAT__AT_STATX_SYNC_TYPE) != 0)
    return -1;
  floorcompat__memset0(sx, 0, sizeof *sx);
  sx->mask = FLOORCOMPAT__STATX_BASIC_STATS;
  sx->blksize = (__UINT32_TYPE__)st.st_blksize;
  sx->nlink = (__UINT32_TYPE__)st.st_nlink;
  sx->uid = st.st_uid;
  sx->gid = st.st_gid;
  sx->mode = (__UINT16_TYPE__)st.st_mode;
  sx->ino = (__UINT64_TYPE__)st.st_ino;
  sx->size = (__UINT64_TYPE__)st.st_size;
  sx->blocks = (__UINT64_TYPE__)st.st_blocks;
  sx->atime.tv_sec = st.st_atime;
  sx->atime.tv_nsec = (__UINT32_TYPE__)FLOORCOMPAT__NSEC(st, a);
  sx->mtime.tv_sec = st.st_mtime;
  sx->mtime.tv_nsec = (__UINT32_TYPE__)FLOORCOMPAT__NSEC(st, m);
  sx->ctime.tv_sec = st.st_ctime;
  sx->ctime.tv_nsec = (__UINT32_TYPE__)FLOORCOMPAT__NSEC(st, c);
  sx->rdev_major = floorcompat__dev_major(st.st_rdev);
  sx->rdev_minor = floorcompat__dev_minor(st.st_rdev);
  sx->dev_major = floorcompat__dev_major(st.st_dev);
  sx->dev_minor = floorcompat__dev_minor(st.st_dev);
  return 0;
}
FLOORCOMPAT__SHIM_AS(floorcompat_statx, statx)
#undef FLOORCOMPAT__NSEC
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

#ifdef __cplusplus
}
#endif
#endif
