/* realloc-mark.so - an LD_PRELOAD realloc that says on stderr when it serves a 12345-byte request,
 * then calls glibc's. It shows that floorcompat's own libc calls bind as ld.so binds ordinary ones:
 * an interposer comes first. Build: cc -shared -fPIC -o realloc-mark.so realloc-mark.c (host helper). */
#include <stddef.h>
#include <unistd.h>

extern void *__libc_realloc(void *, size_t);

void *realloc(void *p, size_t n)
{
  static const char msg[] = "realloc-mark: 12345\n";
  if (n == 12345)
    (void)!write(2, msg, sizeof msg - 1);
  return __libc_realloc(p, n);
}
