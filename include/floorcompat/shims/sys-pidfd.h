/* shims/sys-pidfd.h - <sys/pidfd.h> for code that must build against headers without it.
 *
 * glibc got <sys/pidfd.h> (pidfd_open, pidfd_send_signal, pidfd_getfd, PIDFD_NONBLOCK) in 2.36.
 * floorcompat shims the functions for older floors (impl/sys-pidfd.h), but headers older than 2.36
 * cannot declare them. Include <floorcompat/shims/sys-pidfd.h> instead of <sys/pidfd.h>: it
 * includes the real header when __has_include finds it (gcc >= 5, clang), and otherwise declares
 * what glibc 2.36 declares. Without __has_include it assumes the header exists. */
#ifndef FLOORCOMPAT_SHIMS_SYS_PIDFD_H
#define FLOORCOMPAT_SHIMS_SYS_PIDFD_H 1
#if defined(__has_include)
#if __has_include(<sys/pidfd.h>)
#include <sys/pidfd.h>
#else
#define FLOORCOMPAT__DECLARE_SYS_PIDFD 1
#endif
#else
#include <sys/pidfd.h>
#endif

#ifdef FLOORCOMPAT__DECLARE_SYS_PIDFD
#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#if __has_include(<bits/types/siginfo_t.h>) /* siginfo_t without POSIX feature macros */
#include <bits/types/siginfo_t.h>
#endif
#ifndef PIDFD_NONBLOCK
#define PIDFD_NONBLOCK O_NONBLOCK
#endif
#ifdef __cplusplus
extern "C" {
#endif
extern int pidfd_open(pid_t pid, unsigned int flags);
extern int pidfd_getfd(int pidfd, int targetfd, unsigned int flags);
extern int pidfd_send_signal(int pidfd, int sig, siginfo_t *info, unsigned int flags);
#ifdef __cplusplus
}
#endif
#endif
#endif
