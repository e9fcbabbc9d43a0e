/* shims/impl-random.h - getrandom, getentropy (2.25) and arc4random* (2.36) for older floors
 * (IMPLEMENTATION part).
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
 * getentropy: at most 256 bytes (EIO otherwise), filled through the getrandom shim.
 * arc4random, arc4random_buf, arc4random_uniform: glibc's own (@GLIBC_2.36) found at run time
 * (runtime.h), unless the getrandom syscall is unusable (floorcompat_syscall_works): glibc's falls
 * back to /dev/urandom only on ENOSYS and aborts on a seccomp EPERM. Else filled from the getrandom
 * shim, aborting with a message if even that fails (they cannot report errors; glibc aborts too). arc4random_uniform rejects the 2^32 mod
 * bound lowest values, so the result has no modulo bias. */
#ifndef FLOORCOMPAT_SHIMS_IMPL_RANDOM_H
#define FLOORCOMPAT_SHIMS_IMPL_RANDOM_H 1
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

#if !FLOORCOMPAT_HAVE_ARC4RANDOM
#if FLOORCOMPAT_HAVE_GETRANDOM /* the floor's own; this TU need not have <sys/random.h> */
FLOORCOMPAT__LIBC_WRAP(floorcompat__ssize_t, getrandom, (void *b, __SIZE_TYPE__ n, unsigned int f), (b, n, f))
#define FLOORCOMPAT__GETRANDOM floorcompat__getrandom
#else
#define FLOORCOMPAT__GETRANDOM floorcompat_getrandom
#endif
/* Fill from the kernel or die: what arc4random must do. */
static void floorcompat__arc4_fill(void *buf, __SIZE_TYPE__ len)
{
  unsigned char *p = (unsigned char *)buf;
  int saved = errno;
  while (len > 0) {
    floorcompat__ssize_t r = FLOORCOMPAT__GETRANDOM(p, len, 0);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      floorcompat__die("floorcompat: cannot get entropy for arc4random\n");
    }
    p += r;
    len -= (__SIZE_TYPE__)r;
  }
  errno = saved;
}

static void *floorcompat__arc4random_ptr, *floorcompat__arc4random_buf_ptr, *floorcompat__arc4random_uniform_ptr;

/* glibc's arc4random, or NULL when it is absent or would abort for want of getrandom. */
static void *floorcompat__arc4_resolve(void **slot, const char *name)
{
  void *p = floorcompat__resolve(slot, name, "GLIBC_2.36");
#ifdef FLOORCOMPAT_NR_getrandom
  if (p && floorcompat_syscall_works(FLOORCOMPAT_NR_getrandom) == 0)
    p = (void *)0;
#endif
  return p;
}

FLOORCOMPAT__SHIM __UINT32_TYPE__ floorcompat_arc4random(void)
{
  void *p = floorcompat__arc4_resolve(&floorcompat__arc4random_ptr, "arc4random");
  __UINT32_TYPE__ v;
  if (p) {
    __UINT32_TYPE__ (*f)(void);
    FLOORCOMPAT__FN(f, p);
    FLOORCOMPAT__SET_PATH(arc4random, FLOORCOMPAT__P_RESOLVED);
    return f();
  }
  FLOORCOMPAT__SET_PATH(arc4random, FLOORCOMPAT__P_FALLBACK);
  floorcompat__arc4_fill(&v, sizeof v);
  return v;
}
FLOORCOMPAT__SHIM_AS(floorcompat_arc4random, arc4random)

FLOORCOMPAT__SHIM void floorcompat_arc4random_buf(void *buf, __SIZE_TYPE__ len)
{
  void *p = floorcompat__arc4_resolve(&floorcompat__arc4random_buf_ptr, "arc4random_buf");
  if (p) {
    void (*f)(void *, __SIZE_TYPE__);
    FLOORCOMPAT__FN(f, p);
    FLOORCOMPAT__SET_PATH(arc4random_buf, FLOORCOMPAT__P_RESOLVED);
    f(buf, len);
    return;
  }
  FLOORCOMPAT__SET_PATH(arc4random_buf, FLOORCOMPAT__P_FALLBACK);
  floorcompat__arc4_fill(buf, len);
}
FLOORCOMPAT__SHIM_AS(floorcompat_arc4random_buf, arc4random_buf)

FLOORCOMPAT__SHIM __UINT32_TYPE__ floorcompat_arc4random_uniform(__UINT32_TYPE__ bound)
{
  void *p = floorcompat__arc4_resolve(&floorcompat__arc4random_uniform_ptr, "arc4random_uniform");
  __UINT32_TYPE__ min, r;
  if (p) {
    __UINT32_TYPE__ (*f)(__UINT32_TYPE__);
    FLOORCOMPAT__FN(f, p);
    FLOORCOMPAT__SET_PATH(arc4random_uniform, FLOORCOMPAT__P_RESOLVED);
    return f(bound);
  }
  FLOORCOMPAT__SET_PATH(arc4random_uniform, FLOORCOMPAT__P_FALLBACK);
  if (bound < 2)
    return 0;
  min = (__UINT32_TYPE__)(0U - bound) % bound; /* 2^32 mod bound: reject [0, min) */
  do
    floorcompat__arc4_fill(&r, sizeof r);
  while (r < min);
  return r % bound;
}
FLOORCOMPAT__SHIM_AS(floorcompat_arc4random_uniform, arc4random_uniform)
#endif /* !FLOORCOMPAT_HAVE_ARC4RANDOM */

#ifdef __cplusplus
}
#endif
#endif
