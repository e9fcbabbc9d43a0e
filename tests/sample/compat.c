/* The sample's own replacement, in the style of OpenBSD-derived compat/ directories: defined under
 * the libc name when configure did not find it. floorcompat's implementation object may define the
 * same name (its shim); AC_FLOOR_GLIBC makes those definitions weak, so this one links and wins. */
#include "config.h"
#ifndef HAVE_REALLOCARRAY
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
int sample_own_reallocarray_calls;
void *reallocarray(void *p, size_t nmemb, size_t size) {
  sample_own_reallocarray_calls++;
  if (size && nmemb > SIZE_MAX / size) { errno = ENOMEM; return NULL; }
  return realloc(p, nmemb * size);
}
#endif
