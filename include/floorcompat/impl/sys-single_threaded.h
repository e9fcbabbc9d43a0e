/* impl/sys-single_threaded.h - <sys/single_threaded.h>: __libc_single_threaded (2.32, a variable)
 *
 *
 * __libc_single_threaded: libstdc++ >= 11 headers read it to skip atomic operations (shared_ptr
 * reference counts, std::string's COW in the old ABI). A hidden copy under that name takes every
 * reference of the binary, libstdc++.a's included; it stays 0 ("perhaps multi-threaded"), which is
 * always correct and costs what libstdc++ < 11 always paid: atomic reference counts. */
#ifndef FLOORCOMPAT_IMPL_SYS_SINGLE_THREADED_H
#define FLOORCOMPAT_IMPL_SYS_SINGLE_THREADED_H 1
#ifdef __cplusplus
extern "C" {
#endif

#if !FLOORCOMPAT_HAVE___LIBC_SINGLE_THREADED
__attribute__((visibility("hidden"), weak)) char floorcompat__single_threaded = 0;
FLOORCOMPAT__DEFINE_AS(floorcompat__single_threaded, __libc_single_threaded)
#endif

#ifdef __cplusplus
}
#endif
#endif
