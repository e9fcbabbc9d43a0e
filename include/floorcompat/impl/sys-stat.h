/* impl/sys-stat.h - <sys/stat.h>: statx (2.28). The stat family that glibc 2.33 made real functions: impl/stat.h
 *
 * Each calls the syscall first (FLOORCOMPAT_NR_*, syscalls.h). ENOSYS means absent; EPERM (a seccomp
 * filter's answer) and the errnos named per shim mean absent only when floorcompat_syscall_works()
 * agrees (impl/runtime.h). Absent is remembered; the fallback then runs.
 *
 * statx         fallback: fstatat; stx_mask = STATX_BASIC_STATS (no btime, mount id, attributes).
 *               AT_STATX_* sync flags are accepted and ignored. EINVAL and EOPNOTSUPP from the
 *               syscall are checked with the probe too (libuv's list). */
#ifndef FLOORCOMPAT_IMPL_SYS_STAT_H
#define FLOORCOMPAT_IMPL_SYS_STAT_H 1
#ifdef __cplusplus
extern "C" {
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

#ifdef __cplusplus
}
#endif
#endif
