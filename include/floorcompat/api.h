/* api.h - the per-TU part of floorcompat's API shims (included by floorcompat.h).
 *
 * No libc header is included here (see floorcompat.h's CONTRACT): only compiler builtin types,
 * the kernel's <asm/unistd.h> (uapi; it does not include <features.h>) and generated tables.
 *
 * 1. Gates (gates.h, generated from data/api.tsv): FLOORCOMPAT_HAVE_<NAME> is 1 when the glibc
 *    floor has the API; FLOORCOMPAT_KERNEL_HAS_<NAME> when the kernel floor has the syscall.
 * 2. Syscall numbers (syscalls.h): FLOORCOMPAT_NR_<name>, from the kernel's own headers.
 * 3. __NR_<name> of every syscall of data/api.tsv that is newer than FLOORCOMPAT_KERNEL is
 *    #undef-ined, so `#ifdef __NR_x` / `#ifdef SYS_x` code (glibc's <bits/syscall.h> derives SYS_x
 *    from __NR_x) takes its path without the syscall: new headers define __NR_memfd_secret, a 5.10
 *    kernel answers ENOSYS. Where the floor has a syscall the headers lack, __NR_x is defined.
 *    Define FLOORCOMPAT_KEEP_NR to leave __NR_* alone (code that uses SYS_x unconditionally).
 * 4. Prefixed entry points: for each shimmed API, floorcompat_<name> is the shim when the floor
 *    lacks the API (a hidden function of the IMPLEMENTATION TU; the same body also takes the libc
 *    name there) and a plain #define to the libc name when the floor has it (zero cost; declare it
 *    with the libc header as usual). The IMPLEMENTATION part is include/floorcompat/impl/, one file per family
 *    (families.h; doc/api.md names the file of each API).
 * 5. Run-time queries (always the IMPLEMENTATION TU's hidden functions):
 *      int floorcompat_glibc_version(int *major, int *minor);  running glibc; 0, or -1 if unknown
 *      int floorcompat_kernel_at_least(int major, int minor);  running kernel (uname), 1 or 0
 *      int floorcompat_syscall_works(long nr);  1 usable, 0 absent (ENOSYS/EPERM), -1 no safe probe
 *      const char *floorcompat_path(const char *api);  how the last call of API was served:
 *        "libc" (the floor has it: no shim), "syscall", "resolved" (the real libc function, found at
 *        run time), "fallback" (the portable emulation after the syscall or lookup failed),
 *        "portable" (always plain C), "forward" (a name new headers choose, defined over the floor's
 *        older function: fcntl64, stat, __isoc23_strtol ...), "unused" (not called yet), NULL for an
 *        unknown name.
 *        Meant for tests and diagnostics; it costs one relaxed byte store per shim call.
 *      void *floorcompat__vsym(const char *name, const char *version);  like dlvsym(libc, ...)
 *        without libdl: the address of NAME@VERSION in the loaded libc.so.6, or NULL. Internal.
 */
#ifndef FLOORCOMPAT_API_H
#define FLOORCOMPAT_API_H 1

#include "syscalls.h"

#if !defined(FLOORCOMPAT_KEEP_NR) && defined(__has_include)
#if __has_include(<asm/unistd.h>)
#include <asm/unistd.h>
#define FLOORCOMPAT__WANT_NR_FIXUP 1
#endif
#endif
#include "gates.h"

/* On an architecture floorcompat has no data for there is no IMPLEMENTATION part: every prefixed
 * name is direct. */
#if defined(FLOORCOMPAT__NO_ARCH)
#define FLOORCOMPAT__SHIMMED(have) 0
#else
#define FLOORCOMPAT__SHIMMED(have) (!(have))
#endif
#define FLOORCOMPAT__HIDDEN __attribute__((visibility("hidden"), nothrow))

#ifdef __cplusplus
extern "C" {
#endif

#ifndef FLOORCOMPAT__NO_ARCH
FLOORCOMPAT__HIDDEN int floorcompat_glibc_version(int *major, int *minor);
FLOORCOMPAT__HIDDEN int floorcompat_kernel_at_least(int major, int minor);
FLOORCOMPAT__HIDDEN int floorcompat_syscall_works(long nr);
FLOORCOMPAT__HIDDEN const char *floorcompat_path(const char *api);
FLOORCOMPAT__HIDDEN void *floorcompat__vsym(const char *name, const char *version);
#endif

/* ssize_t is ptrdiff_t's type on every glibc port floorcompat knows; off64_t is int64_t's. */
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_GETRANDOM)
FLOORCOMPAT__HIDDEN __PTRDIFF_TYPE__ floorcompat_getrandom(void *buf, __SIZE_TYPE__ len, unsigned int flags);
#else
#define floorcompat_getrandom getrandom
#endif
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_GETENTROPY)
FLOORCOMPAT__HIDDEN int floorcompat_getentropy(void *buf, __SIZE_TYPE__ len);
#else
#define floorcompat_getentropy getentropy
#endif

#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_ARC4RANDOM)
FLOORCOMPAT__HIDDEN __UINT32_TYPE__ floorcompat_arc4random(void);
FLOORCOMPAT__HIDDEN void floorcompat_arc4random_buf(void *buf, __SIZE_TYPE__ len);
FLOORCOMPAT__HIDDEN __UINT32_TYPE__ floorcompat_arc4random_uniform(__UINT32_TYPE__ upper_bound);
#else
#define floorcompat_arc4random arc4random
#define floorcompat_arc4random_buf arc4random_buf
#define floorcompat_arc4random_uniform arc4random_uniform
#endif

#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_REALLOCARRAY)
FLOORCOMPAT__HIDDEN void *floorcompat_reallocarray(void *ptr, __SIZE_TYPE__ nmemb, __SIZE_TYPE__ size);
#else
#define floorcompat_reallocarray reallocarray
#endif

#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_EXPLICIT_BZERO)
FLOORCOMPAT__HIDDEN void floorcompat_explicit_bzero(void *s, __SIZE_TYPE__ len);
#else
#define floorcompat_explicit_bzero explicit_bzero
#endif

#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_STRLCPY)
FLOORCOMPAT__HIDDEN __SIZE_TYPE__ floorcompat_strlcpy(char *dst, const char *src, __SIZE_TYPE__ size);
FLOORCOMPAT__HIDDEN __SIZE_TYPE__ floorcompat_strlcat(char *dst, const char *src, __SIZE_TYPE__ size);
#else
#define floorcompat_strlcpy strlcpy
#define floorcompat_strlcat strlcat
#endif

#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_GETTID)
FLOORCOMPAT__HIDDEN int floorcompat_gettid(void);
#else
#define floorcompat_gettid gettid
#endif
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_TGKILL)
FLOORCOMPAT__HIDDEN int floorcompat_tgkill(int tgid, int tid, int sig);
#else
#define floorcompat_tgkill tgkill
#endif
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_GETDENTS64)
FLOORCOMPAT__HIDDEN __PTRDIFF_TYPE__ floorcompat_getdents64(int fd, void *buf, __SIZE_TYPE__ len);
#else
#define floorcompat_getdents64 getdents64
#endif

#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_MEMFD_CREATE)
FLOORCOMPAT__HIDDEN int floorcompat_memfd_create(const char *name, unsigned int flags);
#else
#define floorcompat_memfd_create memfd_create
#endif
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_COPY_FILE_RANGE)
FLOORCOMPAT__HIDDEN __PTRDIFF_TYPE__ floorcompat_copy_file_range(int fd_in, __INT64_TYPE__ *off_in, int fd_out,
                                                                 __INT64_TYPE__ *off_out, __SIZE_TYPE__ len,
                                                                 unsigned int flags);
#else
#define floorcompat_copy_file_range copy_file_range
#endif

#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_RENAMEAT2)
FLOORCOMPAT__HIDDEN int floorcompat_renameat2(int olddirfd, const char *oldpath, int newdirfd,
                                              const char *newpath, unsigned int flags);
#else
#define floorcompat_renameat2 renameat2
#endif
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_STATX)
struct statx;
FLOORCOMPAT__HIDDEN int floorcompat_statx(int dirfd, const char *path, int flags, unsigned int mask,
                                          struct statx *buf);
#else
#define floorcompat_statx statx
#endif

#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_CLOSE_RANGE)
FLOORCOMPAT__HIDDEN int floorcompat_close_range(unsigned int first, unsigned int last, int flags);
#else
#define floorcompat_close_range close_range
#endif

#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_CLOSEFROM)
FLOORCOMPAT__HIDDEN void floorcompat_closefrom(int lowfd);
#else
#define floorcompat_closefrom closefrom
#endif
/* The actions object is a posix_spawn_file_actions_t *, which cannot be named without <spawn.h>. */
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_POSIX_SPAWN_FILE_ACTIONS_ADDCHDIR_NP)
FLOORCOMPAT__HIDDEN int floorcompat_posix_spawn_file_actions_addchdir_np(void *actions, const char *path);
FLOORCOMPAT__HIDDEN int floorcompat_posix_spawn_file_actions_addfchdir_np(void *actions, int fd);
#else
#define floorcompat_posix_spawn_file_actions_addchdir_np posix_spawn_file_actions_addchdir_np
#define floorcompat_posix_spawn_file_actions_addfchdir_np posix_spawn_file_actions_addfchdir_np
#endif
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_POSIX_SPAWN_FILE_ACTIONS_ADDCLOSEFROM_NP)
FLOORCOMPAT__HIDDEN int floorcompat_posix_spawn_file_actions_addclosefrom_np(void *actions, int from);
#else
#define floorcompat_posix_spawn_file_actions_addclosefrom_np posix_spawn_file_actions_addclosefrom_np
#endif
/* pidfd_* (impl/sys-pidfd.h), memfd_secret, mlock2 (impl/sys-mman.h), preadv2/pwritev2
 * (impl/sys-uio.h); sigabbrev_np, sigdescr_np (impl/string.h), mallinfo2 (impl/malloc.h),
 * timespec_getres (impl/time.h). pid_t is int; siginfo_t (an untagged struct)
 * travels as void *. floorcompat_memfd_secret has no libc counterpart: on an unknown architecture (no
 * IMPLEMENTATION part) it is not declared. */
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_PIDFD_OPEN)
FLOORCOMPAT__HIDDEN int floorcompat_pidfd_open(int pid, unsigned int flags);
#else
#define floorcompat_pidfd_open pidfd_open
#endif
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_PIDFD_SEND_SIGNAL)
FLOORCOMPAT__HIDDEN int floorcompat_pidfd_send_signal(int pidfd, int sig, void *info, unsigned int flags);
#else
#define floorcompat_pidfd_send_signal pidfd_send_signal
#endif
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_PIDFD_GETFD)
FLOORCOMPAT__HIDDEN int floorcompat_pidfd_getfd(int pidfd, int targetfd, unsigned int flags);
#else
#define floorcompat_pidfd_getfd pidfd_getfd
#endif
#ifndef FLOORCOMPAT__NO_ARCH
FLOORCOMPAT__HIDDEN int floorcompat_memfd_secret(unsigned int flags);
#endif
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_MLOCK2)
FLOORCOMPAT__HIDDEN int floorcompat_mlock2(const void *addr, __SIZE_TYPE__ len, unsigned int flags);
#else
#define floorcompat_mlock2 mlock2
#endif
/* off_t is long on every port but x32 (unsupported); with _FILE_OFFSET_BITS=64 on a 32-bit port the
 * prefixed names follow <sys/uio.h>'s redirect to the *64v2 functions. */
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_PREADV2)
struct iovec;
FLOORCOMPAT__HIDDEN __PTRDIFF_TYPE__ floorcompat_preadv2(int fd, const struct iovec *iov, int count, long offset,
                                                         int flags);
FLOORCOMPAT__HIDDEN __PTRDIFF_TYPE__ floorcompat_pwritev2(int fd, const struct iovec *iov, int count, long offset,
                                                          int flags);
FLOORCOMPAT__HIDDEN __PTRDIFF_TYPE__ floorcompat_preadv64v2(int fd, const struct iovec *iov, int count,
                                                            __INT64_TYPE__ offset, int flags);
FLOORCOMPAT__HIDDEN __PTRDIFF_TYPE__ floorcompat_pwritev64v2(int fd, const struct iovec *iov, int count,
                                                             __INT64_TYPE__ offset, int flags);
#if defined(_FILE_OFFSET_BITS) && _FILE_OFFSET_BITS == 64 && __SIZEOF_LONG__ == 4
#define floorcompat_preadv2 floorcompat_preadv64v2
#define floorcompat_pwritev2 floorcompat_pwritev64v2
#endif
#else
#define floorcompat_preadv2 preadv2
#define floorcompat_pwritev2 pwritev2
#define floorcompat_preadv64v2 preadv64v2
#define floorcompat_pwritev64v2 pwritev64v2
#endif

#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_SIGABBREV_NP)
FLOORCOMPAT__HIDDEN const char *floorcompat_sigabbrev_np(int sig);
FLOORCOMPAT__HIDDEN const char *floorcompat_sigdescr_np(int sig);
#else
#define floorcompat_sigabbrev_np sigabbrev_np
#define floorcompat_sigdescr_np sigdescr_np
#endif
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_MALLINFO2)
struct mallinfo2;
FLOORCOMPAT__HIDDEN struct mallinfo2 floorcompat_mallinfo2(void);
#else
#define floorcompat_mallinfo2 mallinfo2
#endif
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_TIMESPEC_GETRES)
struct timespec;
FLOORCOMPAT__HIDDEN int floorcompat_timespec_getres(struct timespec *ts, int base);
#else
#define floorcompat_timespec_getres timespec_getres
#endif
/* In every supported floor (2.17 and later): always libc's. */
#define floorcompat_timespec_get timespec_get
#define floorcompat_secure_getenv secure_getenv

/* Thread APIs (impl/pthread.h, impl/cxxabi.h, impl/sys-single_threaded.h). pthread_cond_t, pthread_mutex_t, pthread_rwlock_t and sem_t are
 * typedefs of unnamed unions that cannot be declared without <pthread.h>: the prefixed clock waits
 * take void pointers (clockid_t is int). The two cancellation points are not nothrow. */
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_PTHREAD_COND_CLOCKWAIT)
__attribute__((visibility("hidden"))) int floorcompat_pthread_cond_clockwait(void *cond, void *mutex, int clockid,
                                                                            const void *abstime);
FLOORCOMPAT__HIDDEN int floorcompat_pthread_mutex_clocklock(void *mutex, int clockid, const void *abstime);
FLOORCOMPAT__HIDDEN int floorcompat_pthread_rwlock_clockrdlock(void *rwlock, int clockid, const void *abstime);
FLOORCOMPAT__HIDDEN int floorcompat_pthread_rwlock_clockwrlock(void *rwlock, int clockid, const void *abstime);
__attribute__((visibility("hidden"))) int floorcompat_sem_clockwait(void *sem, int clockid, const void *abstime);
#else
#define floorcompat_pthread_cond_clockwait pthread_cond_clockwait
#define floorcompat_pthread_mutex_clocklock pthread_mutex_clocklock
#define floorcompat_pthread_rwlock_clockrdlock pthread_rwlock_clockrdlock
#define floorcompat_pthread_rwlock_clockwrlock pthread_rwlock_clockwrlock
#define floorcompat_sem_clockwait sem_clockwait
#endif

/* _dl_find_object (impl/dlfcn.h): struct dl_find_object is <dlfcn.h>'s, for _GNU_SOURCE. */
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE__DL_FIND_OBJECT)
FLOORCOMPAT__HIDDEN int floorcompat__dl_find_object(void *pc, void *result);
#else
#define floorcompat__dl_find_object _dl_find_object
#endif

/* What <math.h>'s issignaling() calls (impl/math.h); __issignalingf128 on x86 only. */
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE___ISSIGNALING)
FLOORCOMPAT__HIDDEN int floorcompat___issignaling(double x);
FLOORCOMPAT__HIDDEN int floorcompat___issignalingf(float x);
FLOORCOMPAT__HIDDEN int floorcompat___issignalingl(long double x);
#else
#define floorcompat___issignaling __issignaling
#define floorcompat___issignalingf __issignalingf
#define floorcompat___issignalingl __issignalingl
#endif
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE___ISSIGNALINGF128) && (defined(__x86_64__) || defined(__i386__))
FLOORCOMPAT__HIDDEN int floorcompat___issignalingf128(__float128 x);
#else
#define floorcompat___issignalingf128 __issignalingf128
#endif

/* C11 threads (impl/threads.h). thrd_t is unsigned long, tss_t unsigned int; mtx_t, cnd_t and
 * once_flag are unnamed types of <threads.h>: void pointers here. */
#if FLOORCOMPAT__SHIMMED(FLOORCOMPAT_HAVE_THRD_CREATE)
struct timespec;
FLOORCOMPAT__HIDDEN int floorcompat_thrd_create(unsigned long *thr, int (*func)(void *), void *arg);
FLOORCOMPAT__HIDDEN int floorcompat_thrd_join(unsigned long thr, int *res);
__attribute__((visibility("hidden"), noreturn)) void floorcompat_thrd_exit(int res);
FLOORCOMPAT__HIDDEN int floorcompat_thrd_detach(unsigned long thr);
FLOORCOMPAT__HIDDEN unsigned long floorcompat_thrd_current(void);
FLOORCOMPAT__HIDDEN int floorcompat_thrd_equal(unsigned long a, unsigned long b);
__attribute__((visibility("hidden"))) int floorcompat_thrd_sleep(const struct timespec *d, struct timespec *rem);
FLOORCOMPAT__HIDDEN void floorcompat_thrd_yield(void);
FLOORCOMPAT__HIDDEN int floorcompat_mtx_init(void *m, int type);
FLOORCOMPAT__HIDDEN int floorcompat_mtx_lock(void *m);
FLOORCOMPAT__HIDDEN int floorcompat_mtx_timedlock(void *m, const struct timespec *t);
FLOORCOMPAT__HIDDEN int floorcompat_mtx_trylock(void *m);
FLOORCOMPAT__HIDDEN int floorcompat_mtx_unlock(void *m);
FLOORCOMPAT__HIDDEN void floorcompat_mtx_destroy(void *m);
FLOORCOMPAT__HIDDEN int floorcompat_cnd_init(void *c);
FLOORCOMPAT__HIDDEN int floorcompat_cnd_signal(void *c);
FLOORCOMPAT__HIDDEN int floorcompat_cnd_broadcast(void *c);
__attribute__((visibility("hidden"))) int floorcompat_cnd_wait(void *c, void *m);
__attribute__((visibility("hidden"))) int floorcompat_cnd_timedwait(void *c, void *m, const struct timespec *t);
FLOORCOMPAT__HIDDEN void floorcompat_cnd_destroy(void *c);
FLOORCOMPAT__HIDDEN int floorcompat_tss_create(unsigned int *key, void (*dtor)(void *));
FLOORCOMPAT__HIDDEN void *floorcompat_tss_get(unsigned int key);
FLOORCOMPAT__HIDDEN int floorcompat_tss_set(unsigned int key, void *v);
FLOORCOMPAT__HIDDEN void floorcompat_tss_delete(unsigned int key);
__attribute__((visibility("hidden"))) void floorcompat_call_once(void *flag, void (*func)(void));
#else
#define floorcompat_thrd_create thrd_create
#define floorcompat_thrd_join thrd_join
#define floorcompat_thrd_exit thrd_exit
#define floorcompat_thrd_detach thrd_detach
#define floorcompat_thrd_current thrd_current
#define floorcompat_thrd_equal thrd_equal
#define floorcompat_thrd_sleep thrd_sleep
#define floorcompat_thrd_yield thrd_yield
#define floorcompat_mtx_init mtx_init
#define floorcompat_mtx_lock mtx_lock
#define floorcompat_mtx_timedlock mtx_timedlock
#define floorcompat_mtx_trylock mtx_trylock
#define floorcompat_mtx_unlock mtx_unlock
#define floorcompat_mtx_destroy mtx_destroy
#define floorcompat_cnd_init cnd_init
#define floorcompat_cnd_signal cnd_signal
#define floorcompat_cnd_broadcast cnd_broadcast
#define floorcompat_cnd_wait cnd_wait
#define floorcompat_cnd_timedwait cnd_timedwait
#define floorcompat_cnd_destroy cnd_destroy
#define floorcompat_tss_create tss_create
#define floorcompat_tss_get tss_get
#define floorcompat_tss_set tss_set
#define floorcompat_tss_delete tss_delete
#define floorcompat_call_once call_once
#endif

#ifdef __cplusplus
}
#endif
#endif /* FLOORCOMPAT_API_H */
