/* dep.h: the vendored dependency's API. */
#ifndef DEP_H
#define DEP_H
#include <stddef.h>
/* Fills BUF with N random bytes; returns how ("arc4random_buf", "getrandom" or "/dev/urandom"),
 * or NULL on failure. */
const char *dep_random(unsigned char *buf, size_t n);
#endif
