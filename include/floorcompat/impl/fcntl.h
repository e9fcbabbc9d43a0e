/* impl/fcntl.h - the fcntl family: fcntl64 (2.28), what <fcntl.h> makes of fcntl under
 * _FILE_OFFSET_BITS=64, defined over the floor's fcntl so that objects compiled without
 * floorcompat.h (every AC_SYS_LARGEFILE build's static libraries) resolve to it. glibc's own
 * fcntl64 reads its third argument as a void *, as here; below 2.28 the same call went to fcntl,
 * whose F_*LK constants the headers map to the 64-bit forms under that macro. */
#ifndef FLOORCOMPAT_IMPL_FCNTL_H
#define FLOORCOMPAT_IMPL_FCNTL_H 1
#if !FLOORCOMPAT_HAVE_FCNTL64
#ifdef __cplusplus
extern "C" {
#endif
extern int floorcompat__libc_fcntl(int fd, int cmd, ...) __asm__("fcntl");
__attribute__((visibility("hidden"), weak)) int floorcompat__fcntl64(int fd, int cmd, ...)
{
  void *arg;
  __builtin_va_list a;
  __builtin_va_start(a, cmd);
  arg = __builtin_va_arg(a, void *);
  __builtin_va_end(a);
  return floorcompat__libc_fcntl(fd, cmd, arg);
}
FLOORCOMPAT__DEFINE_AS(floorcompat__fcntl64, fcntl64)
#ifdef __cplusplus
}
#endif
#endif
#endif
