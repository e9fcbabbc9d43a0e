/* shims/sys-random.h - <sys/random.h> for code that must build against headers without it.
 *
 * glibc got <sys/random.h> (getrandom, getentropy, GRND_*) in 2.25. floorcompat shims both APIs
 * for older floors (impl/sys-random.h), but headers older than 2.25 cannot declare them. Include
 * <floorcompat/shims/sys-random.h> instead of <sys/random.h>: it includes the real header when
 * __has_include finds it (gcc >= 5, clang), and otherwise declares what glibc 2.25 declares.
 * Without __has_include it assumes the header exists. */
#ifndef FLOORCOMPAT_SHIMS_SYS_RANDOM_H
#define FLOORCOMPAT_SHIMS_SYS_RANDOM_H 1
#if defined(__has_include)
#if __has_include(<sys/random.h>)
#include <sys/random.h>
#else
#define FLOORCOMPAT__DECLARE_SYS_RANDOM 1
#endif
#else
#include <sys/random.h>
#endif

#ifdef FLOORCOMPAT__DECLARE_SYS_RANDOM
#include <stddef.h>
#include <sys/types.h>
#define GRND_NONBLOCK 0x01
#define GRND_RANDOM 0x02
#define GRND_INSECURE 0x04
#ifdef __cplusplus
extern "C" {
#endif
extern ssize_t getrandom(void *buffer, size_t length, unsigned int flags);
extern int getentropy(void *buffer, size_t length);
#ifdef __cplusplus
}
#endif
#endif
#endif
