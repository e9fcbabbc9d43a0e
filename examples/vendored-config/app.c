/* app.c: a program that vendors dep/ (examples/vendored-config). */
#include <stdio.h>
#include "dep/dep.h"

int main(void) {
  unsigned char key[16];
  const char *how = dep_random(key, sizeof key);
  printf("app: %s\n", how ? how : "no randomness");
  return how ? 0 : 1;
}
