/* The one translation unit that owns floorcompat's definitions for each probe executable and for the
 * probe shared library (probes/dso.c): the pre-2.34 start-up path and the pre-2.33 stat family. */
#define FLOORCOMPAT_IMPLEMENTATION
#include <floorcompat.h>
