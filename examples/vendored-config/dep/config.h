/* config.h of a vendored dependency, as its own build (CMake here) wrote it on a glibc 2.36 host. */
#ifndef DEP_CONFIG_H
#define DEP_CONFIG_H
#define HAVE_SYS_RANDOM_H
#define HAVE_GETRANDOM 1
#define HAVE_ARC4RANDOM_BUF 1
#define HAVE_EXPLICIT_BZERO 1
#define HAVE_UNISTD_H 1
#endif
