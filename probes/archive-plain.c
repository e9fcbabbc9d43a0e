/* archive-plain.c - an object compiled by plain gcc WITHOUT floorcompat.h (tests/archive.test: with
 * -D_FILE_OFFSET_BITS=64 -D_GNU_SOURCE, as an AC_SYS_LARGEFILE build's static library would be), so
 * its references are the names glibc 2.36 headers choose: fcntl64 (2.28), stat64 and fstat64 (2.33).
 * __isoc23_strtol (2.38) is declared by hand: what glibc >= 2.38 headers make of strtol. Linked with
 * libfloorcompat.a, each must resolve to an archive member; the program prints one line per call. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

long __isoc23_strtol(const char *s, char **end, int base);

int main(void)
{
  struct stat st;
  int fd = open("/dev/null", O_RDONLY);
  int fl = fcntl(fd, F_GETFD);
  printf("fcntl: %s\n", fd >= 0 && fl >= 0 && fcntl(fd, F_SETFD, fl | FD_CLOEXEC) == 0 &&
                          (fcntl(fd, F_GETFD) & FD_CLOEXEC) ? "ok" : "wrong");
  printf("stat: %s\n", stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode) ? "ok" : "wrong");
  printf("fstat: %s\n", fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) ? "ok" : "wrong");
  printf("__isoc23_strtol: %ld\n", __isoc23_strtol("  -1234xyz", NULL, 10));
  return close(fd);
}
