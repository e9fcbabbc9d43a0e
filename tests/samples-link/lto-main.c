/* gcc -flto=auto -flto-partition=max: each function in a partition of its own, so the header's
 * top-level .symver pins would be lost; the link-time floor must still hold. */
#include <stdio.h>
int lto_copy(char *dst, const char *src, unsigned long n);
double lto_math(double x);
int lto_threads(void);
long lto_size(const char *path);
int main(void)
{
  char buf[32];
  lto_copy(buf, "copied by memcpy", 17);
  printf("lto: %s\n", buf);
  printf("lto: math %.6f\n", lto_math(2.0));
  printf("lto: threads %d\n", lto_threads());
  printf("lto: / is %s\n", lto_size("/") > 0 ? "sized" : "empty");
  return 0;
}
