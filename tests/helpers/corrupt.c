/* corrupt - damaged copies of a file for the audit's robustness test (tests/audit-hostile.test).
 *   corrupt IN OUTDIR SEED   writes OUTDIR/t00..t19 (IN truncated at 0/20, 1/20 ... 19/20 of its size)
 *                            and OUTDIR/f0..f4 (IN with 16 bytes each XOR-ed with a non-zero value at
 *                            offsets drawn from a xorshift generator seeded by SEED: reproducible)
 *   corrupt --elf            reads file names from stdin, prints those that start with \177ELF
 * Exit 0, or 2 with a message. Build: cc -o corrupt corrupt.c (a host helper). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t st;
static uint64_t next(void)
{
  st ^= st << 13;
  st ^= st >> 7;
  st ^= st << 17;
  return st;
}
static void out(const char *dir, const char *name, const unsigned char *p, size_t n)
{
  char path[4096];
  FILE *f;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  if (!(f = fopen(path, "wb")) || fwrite(p, 1, n, f) != n || fclose(f) != 0) {
    perror(path);
    exit(2);
  }
}
int main(int argc, char **argv)
{
  FILE *f;
  unsigned char *buf, *copy;
  long size;
  int i, k;
  char name[8];
  if (argc == 2 && strcmp(argv[1], "--elf") == 0) {
    char line[4096], m[4];
    while (fgets(line, sizeof line, stdin)) {
      line[strcspn(line, "\n")] = 0;
      if ((f = fopen(line, "rb")) != NULL) {
        if (fread(m, 1, 4, f) == 4 && memcmp(m, "\177ELF", 4) == 0)
          puts(line);
        fclose(f);
      }
    }
    return 0;
  }
  if (argc != 4) {
    fputs("usage: corrupt IN OUTDIR SEED\n", stderr);
    return 2;
  }
  if (!(f = fopen(argv[1], "rb")) || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    perror(argv[1]);
    return 2;
  }
  buf = malloc((size_t)size + 1);
  copy = malloc((size_t)size + 1);
  if (!buf || !copy || fread(buf, 1, (size_t)size, f) != (size_t)size) {
    perror(argv[1]);
    return 2;
  }
  fclose(f);
  st = strtoull(argv[3], NULL, 10) * 2654435761U + 88172645463325252ULL;
  for (i = 0; i < 20; i++) {
    snprintf(name, sizeof name, "t%02d", i);
    out(argv[2], name, buf, (size_t)((unsigned long long)size * (unsigned)i / 20));
  }
  for (i = 0; i < 5 && size > 0; i++) {
    memcpy(copy, buf, (size_t)size);
    for (k = 0; k < 16; k++)
      copy[next() % (uint64_t)size] ^= (unsigned char)(1 + next() % 255);
    snprintf(name, sizeof name, "f%d", i);
    out(argv[2], name, copy, (size_t)size);
  }
  return 0;
}
