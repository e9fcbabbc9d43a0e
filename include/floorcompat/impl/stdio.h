/* impl/stdio.h - <stdio.h>: renameat2 (2.28)
 *
 * Each calls the syscall first (FLOORCOMPAT_NR_*, syscalls.h). ENOSYS means absent; EPERM (a seccomp
 * filter's answer) and the errnos named per shim mean absent only when floorcompat_syscall_works()
 * agrees (impl/runtime.h). Absent is remembered; the fallback then runs.
 *
 * renameat2     fallback: renameat for flags == 0. With flags (RENAME_NOREPLACE, RENAME_EXCHANGE,
 *               RENAME_WHITEOUT) it answers ENOSYS, as glibc's wrapper does on a kernel without the
 *               syscall: link()+unlink() would not be atomic, would fail for directories and leave two
 *               names on a crash, so it is not attempted. */
#ifndef FLOORCOMPAT_IMPL_STDIO_H
#define FLOORCOMPAT_IMPL_STDIO_H 1
#ifdef __cplusplus
extern "C" {
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

#ifdef __cplusplus
}
#endif
#endif
