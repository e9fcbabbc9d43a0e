/* impl/sys-random.h - <sys/random.h>: getrandom, getentropy (2.25). (Declarations for headers without
 * <sys/random.h>: shims/sys-random.h.)
 *
 * getrandom: the syscall (3.17). Without it (ENOSYS, or EPERM from a seccomp filter):
 *   - flags are checked as the kernel does (unknown bits, GRND_INSECURE|GRND_RANDOM: EINVAL);
 *   - without GRND_INSECURE/GRND_RANDOM it first waits until the kernel's pool is initialised, the
 *     way getrandom blocks: poll() on /dev/random for readability (once per process; readable means
 *     enough entropy was gathered). With GRND_NONBLOCK an unready pool gives EAGAIN;
 *   - then reads /dev/urandom (GRND_RANDOM: /dev/random, one read, which may be short, as the
 *     syscall's), opened O_CLOEXEC and checked to be a character device, with EINTR retried and short
 *     reads continued. Any failure returns -1 with errno (ENOENT, EACCES, EMFILE, EIO ...): no byte
 *     that did not come from the kernel is ever returned.
 * getentropy: at most 256 bytes (EIO otherwise), filled through the getrandom shim. */
#ifndef FLOORCOMPAT_IMPL_SYS_RANDOM_H
#define FLOORCOMPAT_IMPL_SYS_RANDOM_H 1
#include <poll.h>
#ifdef __cplusplus
extern "C" {
#endif

#if !FLOORCOMPAT_HAVE_GETRANDOM
#define FLOORCOMPAT__GRND_NONBLOCK 0x1U
#define FLOORCOMPAT__GRND_RANDOM 0x2U
#define FLOORCOMPAT__GRND_INSECURE 0x4U

/* Open a random device: a character device or nothing. */
static int floorcompat__open_random(const char *path, int extra)
{
  struct stat st;
  int fd;
  do
    fd = floorcompat__sys_open(path, O_RDONLY | O_NOCTTY | FLOORCOMPAT__O_CLOEXEC | extra, 0);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return -1;
  if (fstat(fd, &st) != 0 || !S_ISCHR(st.st_mode)) {
    floorcompat__sys_close(fd);
    errno = EIO;
    return -1;
  }
  return fd;
}

static int floorcompat__pool_ready;

/* 0 once the pool is initialised; -1 with EAGAIN (nonblock) or the error of open/poll. */
static int floorcompat__wait_pool(int nonblock)
{
  struct pollfd p;
  int fd, r;
  if (__atomic_load_n(&floorcompat__pool_ready, __ATOMIC_ACQUIRE))
    return 0;
  if ((fd = floorcompat__open_random("/dev/random", 0)) < 0)
    return -1;
  p.fd = fd;
  p.events = POLLIN;
  p.revents = 0;
  do
    r = floorcompat__sys_poll(&p, 1, nonblock ? 0 : -1);
  while (r < 0 && errno == EINTR);
  floorcompat__sys_close(fd);
  if (r < 0)
    return -1;
  if (r == 0) {
    errno = EAGAIN;
    return -1;
  }
  __atomic_store_n(&floorcompat__pool_ready, 1, __ATOMIC_RELEASE);
  return 0;
}

static __attribute__((noinline, cold)) floorcompat__ssize_t floorcompat__getrandom_fallback(void *buf, __SIZE_TYPE__ len, unsigned int flags)
{
  unsigned char *p = (unsigned char *)buf;
  __SIZE_TYPE__ done = 0;
  int fd, nonblock = (flags & FLOORCOMPAT__GRND_NONBLOCK) != 0;
  if ((flags & ~(FLOORCOMPAT__GRND_NONBLOCK | FLOORCOMPAT__GRND_RANDOM | FLOORCOMPAT__GRND_INSECURE)) ||
      (flags & (FLOORCOMPAT__GRND_RANDOM | FLOORCOMPAT__GRND_INSECURE)) ==
        (FLOORCOMPAT__GRND_RANDOM | FLOORCOMPAT__GRND_INSECURE)) {
    errno = EINVAL;
    return -1;
  }
  if (len > 0x7ffff000)
    len = 0x7ffff000; /* the kernel's MAX_RW_COUNT */
  if (!(flags & (FLOORCOMPAT__GRND_RANDOM | FLOORCOMPAT__GRND_INSECURE)) && floorcompat__wait_pool(nonblock) != 0)
    return -1;
  if (flags & FLOORCOMPAT__GRND_RANDOM)
    fd = floorcompat__open_random("/dev/random", nonblock ? O_NONBLOCK : 0);
  else
    fd = floorcompat__open_random("/dev/urandom", 0);
  if (fd < 0)
    return -1;
  while (done < len) {
    floorcompat__ssize_t r = floorcompat__sys_read(fd, p + done, len - done);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0 || (r == 0 && done == 0)) {
      int e = r < 0 ? errno : EIO;
      floorcompat__sys_close(fd);
      if (done > 0 && (flags & FLOORCOMPAT__GRND_RANDOM))
        break;
      errno = e;
      return -1;
    }
    if (r == 0)
      break;
    done += (__SIZE_TYPE__)r;
    if (flags & FLOORCOMPAT__GRND_RANDOM) /* /dev/random answers what it has, like the syscall */
      break;
  }
  floorcompat__sys_close(fd);
  return (floorcompat__ssize_t)done;
}

static signed char floorcompat__getrandom_state;

/* Everything but the successful syscall, out of line: the hot path then needs no stack frame.
 * E is the syscall's errno (0: no syscall number for this architecture). */
static __attribute__((noinline, cold)) floorcompat__ssize_t
floorcompat__getrandom_slow(void *buf, __SIZE_TYPE__ len, unsigned int flags, int e)
{
#ifdef FLOORCOMPAT_NR_getrandom
  if (e && !floorcompat__sc_failed(&floorcompat__getrandom_state, FLOORCOMPAT_NR_getrandom, e, 0, 0)) {
    errno = e;
    FLOORCOMPAT__SET_PATH(getrandom, FLOORCOMPAT__P_SYSCALL);
    return -1;
  }
#else
  (void)e;
#endif
  FLOORCOMPAT__SET_PATH(getrandom, FLOORCOMPAT__P_FALLBACK);
  return floorcompat__getrandom_fallback(buf, len, flags);
}

FLOORCOMPAT__SHIM floorcompat__ssize_t floorcompat_getrandom(void *buf, __SIZE_TYPE__ len, unsigned int flags)
{
#ifdef FLOORCOMPAT_NR_getrandom
  long r = floorcompat__raw_syscall3(FLOORCOMPAT_NR_getrandom, (long)buf, (long)len, flags);
  if (__builtin_expect(!FLOORCOMPAT__SYSCALL_FAILED(r), 1)) {
    FLOORCOMPAT__SET_PATH(getrandom, FLOORCOMPAT__P_SYSCALL);
    return r;
  }
  return floorcompat__getrandom_slow(buf, len, flags, (int)-r);
#else
  return floorcompat__getrandom_slow(buf, len, flags, 0);
#endif
}
FLOORCOMPAT__SHIM_AS(floorcompat_getrandom, getrandom)

FLOORCOMPAT__SHIM int floorcompat_getentropy(void *buf, __SIZE_TYPE__ len)
{
  unsigned char *p = (unsigned char *)buf;
  FLOORCOMPAT__SET_PATH(getentropy, FLOORCOMPAT__P_PORTABLE);
  if (len > 256) {
    errno = EIO;
    return -1;
  }
  while (len > 0) {
    floorcompat__ssize_t r = floorcompat_getrandom(p, len, 0);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    p += r;
    len -= (__SIZE_TYPE__)r;
  }
  return 0;
}
FLOORCOMPAT__SHIM_AS(floorcompat_getentropy, getentropy)
#endif /* !FLOORCOMPAT_HAVE_GETRANDOM */

#ifdef __cplusplus
}
#endif
#endif
