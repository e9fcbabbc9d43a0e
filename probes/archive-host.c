/* archive-host.c - loads ./libarchive-lib.so (tests/archive.test) with dlopen(RTLD_NOW), or with
 * dlmopen(LM_ID_NEWLM) for argument "dlmopen", and calls its lib_report. A host program, built
 * plainly (not floor-limited). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
  int (*report)(void);
  void *h, *f;
  if (argc > 1 && strcmp(argv[1], "dlmopen") == 0)
    h = dlmopen(LM_ID_NEWLM, "./libarchive-lib.so", RTLD_NOW);
  else
    h = dlopen("./libarchive-lib.so", RTLD_NOW);
  if (!h || !(f = dlsym(h, "lib_report"))) {
    fprintf(stderr, "host: %s\n", dlerror());
    return 2;
  }
  memcpy(&report, &f, sizeof report);
  return report();
}
