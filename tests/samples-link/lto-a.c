#include <math.h>
#include <string.h>
int lto_copy(char *dst, const char *src, unsigned long n) { memcpy(dst, src, n); return 0; }
double lto_math(double x) { return exp(x) + log(x) + pow(x, 3.0); }
