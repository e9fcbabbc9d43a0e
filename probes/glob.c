/* glob probe: with -D_FILE_OFFSET_BITS=64 the headers turn glob/globfree into glob64/globfree64
 * (glob64@GLIBC_2.27 on a new glibc). Globs files it creates in a fresh temporary directory.
 * Builds with and without -D_FILE_OFFSET_BITS=64.
 * Success: exit 0, last line "glob: ok". Any failure: a message and exit 1. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;

#define CHECK(cond, what)                                                      \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "glob: FAIL %s (line %d)\n", what, __LINE__);            \
      failures++;                                                              \
    }                                                                          \
  } while (0)

/* Runs glob in the current directory; prints and compares the matches with WANT (space-separated). */
static void try_glob(const char *pattern, int flags, int want_rc, const char *want)
{
  glob_t g;
  char got[256] = "";
  size_t i;
  int rc;

  memset(&g, 0, sizeof g);
  rc = glob(pattern, flags, NULL, &g);
  for (i = 0; rc == 0 && i < g.gl_pathc; i++) {
    if (i)
      strcat(got, " ");
    strncat(got, g.gl_pathv[i], sizeof got - strlen(got) - 2);
  }
  printf("glob: %-14s rc=%s n=%lu [%s]\n", pattern,
         rc == 0 ? "0" : rc == GLOB_NOMATCH ? "GLOB_NOMATCH" : rc == GLOB_ABORTED ? "GLOB_ABORTED" : "other",
         rc == 0 ? (unsigned long)g.gl_pathc : 0UL, got);
  CHECK(rc == want_rc, pattern);
  CHECK(strcmp(got, want) == 0, pattern);
  if (rc == 0)
    globfree(&g);
}

int main(void)
{
  char dir[] = "/tmp/fcprobe-glob-XXXXXX";
  static const char *files[] = { "b.txt", "a.txt", "c.log", "sub/x.txt", "sub/y.dat", ".hidden.txt" };
  glob_t g;
  size_t i;
  int fd;

  if (!mkdtemp(dir) || chdir(dir) != 0) {
    perror("glob: FAIL mkdtemp/chdir");
    return 1;
  }
  CHECK(mkdir("sub", 0700) == 0, "mkdir sub");
  for (i = 0; i < sizeof files / sizeof files[0]; i++) {
    fd = open(files[i], O_CREAT | O_WRONLY, 0600);
    CHECK(fd >= 0, files[i]);
    close(fd);
  }

  try_glob("*.txt", 0, 0, "a.txt b.txt");
  try_glob("*", GLOB_MARK, 0, "a.txt b.txt c.log sub/");
  try_glob("*/*.txt", 0, 0, "sub/x.txt");
  try_glob("[ab].txt", 0, 0, "a.txt b.txt");
  try_glob("?.log", GLOB_ERR, 0, "c.log");
  try_glob("*.none", 0, GLOB_NOMATCH, "");
  try_glob("*.none", GLOB_NOCHECK, 0, "*.none");
  try_glob("{c,a}.*", GLOB_BRACE, 0, "c.log a.txt");
  try_glob(".*.txt", GLOB_PERIOD, 0, ".hidden.txt");
  try_glob("sub/*.dat", GLOB_NOSORT, 0, "sub/y.dat");

  /* GLOB_APPEND and GLOB_DOOFFS. */
  memset(&g, 0, sizeof g);
  g.gl_offs = 2;
  CHECK(glob("*.log", GLOB_DOOFFS, NULL, &g) == 0, "glob DOOFFS");
  CHECK(glob("*.txt", GLOB_DOOFFS | GLOB_APPEND, NULL, &g) == 0, "glob APPEND");
  CHECK(g.gl_pathc == 3 && g.gl_pathv[0] == NULL && g.gl_pathv[1] == NULL && strcmp(g.gl_pathv[2], "c.log") == 0 &&
          strcmp(g.gl_pathv[3], "a.txt") == 0 && strcmp(g.gl_pathv[4], "b.txt") == 0 && g.gl_pathv[5] == NULL,
        "GLOB_DOOFFS|GLOB_APPEND layout");
  printf("glob: DOOFFS+APPEND n=%lu [%s %s %s]\n", (unsigned long)g.gl_pathc, g.gl_pathv[2], g.gl_pathv[3],
         g.gl_pathv[4]);
  globfree(&g);

  for (i = 0; i < sizeof files / sizeof files[0]; i++)
    CHECK(unlink(files[i]) == 0, "unlink");
  CHECK(rmdir("sub") == 0 && chdir("/") == 0 && rmdir(dir) == 0, "rmdir");
  if (failures) {
    fprintf(stderr, "glob: %d failure(s)\n", failures);
    return 1;
  }
  printf("glob: ok\n");
  return 0;
}
