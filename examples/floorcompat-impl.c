/* floorcompat-impl.c: the one translation unit of an executable or shared library that owns
 * floorcompat's definitions (start-up shim, stat family, shims for post-floor APIs). Compile it
 * with the same -DFLOORCOMPAT_GLIBC/-DFLOORCOMPAT_KERNEL as the rest and link it in. */
#define FLOORCOMPAT_IMPLEMENTATION
#include <floorcompat.h>
