/* impl/sys-mman.h - <sys/mman.h>: memfd_create, mlock2 (2.27) and floorcompat_memfd_secret (no glibc wrapper)
 *
 * Each calls the syscall first (FLOORCOMPAT_NR_*, syscalls.h). ENOSYS means absent; EPERM (a seccomp
 * filter's answer) and the errnos named per shim mean absent only when floorcompat_syscall_works()
 * agrees (impl/runtime.h). Absent is remembered; the fallback then runs.
 *
 * memfd_create  fallback: an O_TMPFILE file (Linux 3.11) in /dev/shm, else /tmp; else an unlinked
 *               mkostemp file there (briefly visible under a memfd-XXXXXX name). MFD_CLOEXEC gives
 *               O_CLOEXEC; MFD_ALLOW_SEALING is accepted but F_ADD_SEALS will fail (EINVAL): the
 *               fallback has no sealing. Other flags (MFD_HUGETLB ...) give EINVAL, a NULL name
 *               EFAULT, a name above 249 bytes EINVAL, as the syscall.
 * memfd_secret   only floorcompat_memfd_secret(flags): glibc has no wrapper. No emulation: the
 *                kernel unmaps secret pages from its direct map, which nothing in user space can
 *                imitate; an mmap'ed or memfd fallback would hand out ordinary memory under the
 *                name of secret memory. Absent (a kernel before 5.14, one built without secretmem
 *                or booted with it disabled: it answers ENOSYS itself) gives -1/ENOSYS.
 * mlock2         as glibc's wrapper on a kernel without it: flags 0 is mlock(), other flags EINVAL.
 * preadv2/pwritev2  the offset goes as low and high halves of a long (high is 0 on 64-bit ports, */
#ifndef FLOORCOMPAT_IMPL_SYS_MMAN_H
#define FLOORCOMPAT_IMPL_SYS_MMAN_H 1
#ifdef __cplusplus
extern "C" {
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

#if !FLOORCOMPAT_HAVE_MEMFD_SECRET
static signed char floorcompat__memfd_secret_state;
FLOORCOMPAT__SHIM int floorcompat_memfd_secret(unsigned int flags)
{
#ifdef FLOORCOMPAT_NR_memfd_secret
  FLOORCOMPAT__ENOSYS_SHIM(memfd_secret, FLOORCOMPAT_NR_memfd_secret, floorcompat__memfd_secret_state, flags, 0, 0, 0)
#else
  (void)flags;
  FLOORCOMPAT__SET_PATH(memfd_secret, FLOORCOMPAT__P_FALLBACK);
  errno = ENOSYS;
  return -1;
#endif
}
#endif

#if !FLOORCOMPAT_HAVE_MLOCK2
static signed char floorcompat__mlock2_state;
FLOORCOMPAT__SHIM int floorcompat_mlock2(const void *addr, __SIZE_TYPE__ len, unsigned int flags)
{
#ifdef FLOORCOMPAT_NR_mlock2
  FLOORCOMPAT__TRY_SYSCALL(mlock2, int, FLOORCOMPAT_NR_mlock2, floorcompat__mlock2_state, 0, 0, addr, len, flags, 0, 0, 0)
#else
  FLOORCOMPAT__SET_PATH(mlock2, FLOORCOMPAT__P_FALLBACK);
#endif
  if (flags != 0) {
    errno = EINVAL;
    return -1;
  }
  return floorcompat__sys_mlock(addr, len);
}
FLOORCOMPAT__SHIM_AS(floorcompat_mlock2, mlock2)
#endif

#ifdef __cplusplus
}
#endif
#endif
