/* api-check.h: the check harness of the API probes (probes/api-*.c). A failed CHECK prints the
 * condition, its line and errno and marks the API being checked; api_report then prints the one line
 * per API that the tests compare, "NAME: ok path=PATH EXTRA" ("FAIL" instead of OK_WORD when a
 * check failed), and folds the mark into the exit status. Include after <stdio.h> and <errno.h>. */
#ifndef FLOORCOMPAT_PROBES_API_CHECK_H
#define FLOORCOMPAT_PROBES_API_CHECK_H 1
static int failed, bad;
#define CHECK(cond)                                                                \
  do {                                                                             \
    if (!(cond)) {                                                                 \
      printf("  check failed (line %d): %s (errno %d)\n", __LINE__, #cond, errno); \
      bad = 1;                                                                     \
    }                                                                              \
  } while (0)
/* PATH NULL: no " path=" part; EXTRA NULL: nothing after it. */
static void api_report(const char *api, const char *ok_word, const char *path, const char *extra)
{
  printf("%s: %s", api, bad ? "FAIL" : ok_word);
  if (path)
    printf(" path=%s", path);
  if (extra)
    fputs(extra, stdout);
  putchar('\n');
  failed |= bad;
  bad = 0;
}
#endif
