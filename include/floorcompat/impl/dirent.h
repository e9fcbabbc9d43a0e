/* impl/dirent.h - <dirent.h>: getdents64 (2.30)
 *
 * The syscall, present on every supported kernel. */
#ifndef FLOORCOMPAT_IMPL_DIRENT_H
#define FLOORCOMPAT_IMPL_DIRENT_H 1
#ifdef __cplusplus
extern "C" {
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

#ifdef __cplusplus
}
#endif
#endif
