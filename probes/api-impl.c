/* The one translation unit that owns floorcompat's definitions (start-up, stat, API shims) for
 * the api-* probes (tests/api.test). */
#define FLOORCOMPAT_IMPLEMENTATION
#include <floorcompat.h>
