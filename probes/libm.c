/* libm probe: exp, log, pow (new versions at 2.29), exp2, log2 (2.29), expf/logf/powf/exp2f/log2f
 * (2.27), hypot (2.35), lgamma (2.23) and more, on volatile inputs so nothing is constant-folded.
 * Prints every result with %.17g (%.9g for float) so the host and an old runtime can be compared
 * exactly, and checks each against a tolerance and the documented errno.
 * -DPROBE_SIGNGAM adds a read of signgam, a copy relocation: linked against a libm that has
 * __signgam (2.23), ld exports that alias too; through a floor directory below 2.23 the copy is
 * signgam@GLIBC_2.2.5 alone (tests/core.test).
 * Success: exit 0, last line "libm: ok". Any failure: a message and exit 1. */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static int failures;

static void check1(const char *name, double got, double want, double tol)
{
  int good = isnan(want) ? isnan(got) : isinf(want) ? got == want : fabs(got - want) <= tol * fabs(want) + 1e-300;
  printf("libm: %-14s = %.17g\n", name, got);
  if (!good) {
    fprintf(stderr, "libm: FAIL %s = %.17g, want %.17g\n", name, got, want);
    failures++;
  }
}

static void checkf(const char *name, float got, double want)
{
  int good = fabs((double)got - want) <= 1e-6 * fabs(want);
  /* Six digits, as the check: glibc 2.17's log2f(2.5) is 1 ulp below the correctly rounded answer
     of 2.27's new implementation (1.32192802 against 1.32192814), within the tolerance. */
  printf("libm: %-14s = %.6g\n", name, (double)got);
  if (!good) {
    fprintf(stderr, "libm: FAIL %s = %.9g, want %.9g\n", name, (double)got, want);
    failures++;
  }
}

static void check_errno(const char *name, double got, int want_errno, const char *want_errname)
{
  int e = errno;
  printf("libm: %-14s = %g errno=%s\n", name, got, e == EDOM ? "EDOM" : e == ERANGE ? "ERANGE" : e == 0 ? "0" : "other");
  if (e != want_errno) {
    fprintf(stderr, "libm: FAIL %s: errno %d, want %s\n", name, e, want_errname);
    failures++;
  }
}

int main(void)
{
  volatile double x = 2.5, y = 0.75, big = 700.0, neg = -0.5, zero = 0.0, m1 = -1.0, three = 3.0, four = 4.0;
  volatile float xf = 2.5f, yf = 0.75f;
  double r;

  check1("exp(2.5)", exp(x), 12.182493960703473, 1e-15);
  check1("exp(700)", exp(big), 1.0142320547350045e+304, 1e-14);
  check1("log(2.5)", log(x), 0.91629073187415511, 1e-15);
  check1("log(0.75)", log(y), -0.2876820724517809, 1e-15);
  check1("pow(2.5,0.75)", pow(x, y), 1.9881768219176266, 1e-15);
  check1("pow(-0.5,3)", pow(neg, three), -0.125, 0);
  check1("exp2(2.5)", exp2(x), 5.6568542494923806, 1e-15);
  check1("log2(2.5)", log2(x), 1.3219280948873624, 1e-15);
  check1("log10(2.5)", log10(x), 0.3979400086720376, 1e-15);
  check1("hypot(3,4)", hypot(three, four), 5.0, 0);
  check1("hypot(2.5,.75)", hypot(x, y), 2.6100766272276377, 1e-15);
  check1("lgamma(2.5)", lgamma(x), 0.28468287047291918, 1e-14);
  r = lgamma(neg);
  check1("lgamma(-0.5)", r, 1.2655121234846454, 1e-14);
#ifdef PROBE_SIGNGAM
  /* Reading signgam (a libm data object) gives the executable a copy relocation. */
  printf("libm: signgam after lgamma(-0.5) = %d\n", signgam);
  if (signgam != -1) {
    fprintf(stderr, "libm: FAIL signgam %d, want -1\n", signgam);
    failures++;
  }
#endif
  check1("tgamma(2.5)", tgamma(x), 1.3293403881791372, 1e-14);
  check1("sin(2.5)", sin(x), 0.59847214410395655, 1e-15);
  check1("cos(2.5)", cos(x), -0.80114361554693370, 1e-15);
  check1("tan(0.75)", tan(y), 0.93159645994407247, 1e-15);
  check1("atan2(.75,2.5)", atan2(y, x), 0.29145679447786715, 1e-15);
  check1("sqrt(2.5)", sqrt(x), 1.5811388300841898, 0);
  check1("cbrt(2.5)", cbrt(x), 1.3572088082974532, 1e-15);
  check1("expm1(0.75)", expm1(y), 1.1170000166126748, 1e-15);
  check1("log1p(0.75)", log1p(y), 0.55961578793542266, 1e-15);
  check1("erf(0.75)", erf(y), 0.71115563365351508, 1e-15);
  check1("fmod(2.5,.75)", fmod(x, y), 0.25, 0);
  check1("sinh(0.75)", sinh(y), 0.82231673193582999, 1e-15);
  check1("atanh(0.75)", atanh(y), 0.97295507452765662, 1e-15);

  checkf("expf(2.5)", expf(xf), 12.182493960703473);
  checkf("logf(2.5)", logf(xf), 0.91629073187415511);
  checkf("powf(2.5,.75)", powf(xf, yf), 1.9881768219176266);
  checkf("exp2f(2.5)", exp2f(xf), 5.6568542494923806);
  checkf("log2f(2.5)", log2f(xf), 1.3219280948873624);
  checkf("sinf(2.5)", sinf(xf), 0.59847214410395655);
  checkf("cosf(2.5)", cosf(xf), -0.80114361554693370);

  /* Errors: errno (math_errhandling includes MATH_ERRNO on glibc) for old and new versions alike. */
  errno = 0;
  r = log(zero);
  check_errno("log(0)", r, ERANGE, "ERANGE");
  errno = 0;
  r = log(m1);
  check_errno("log(-1)", r, EDOM, "EDOM");
  errno = 0;
  r = exp(big * 2);
  check_errno("exp(1400)", r, ERANGE, "ERANGE");
  errno = 0;
  r = pow(zero, m1);
  check_errno("pow(0,-1)", r, ERANGE, "ERANGE");
  errno = 0;
  r = pow(m1, x);
  check_errno("pow(-1,2.5)", r, EDOM, "EDOM");
  errno = 0;
  r = log2(m1);
  check_errno("log2(-1)", r, EDOM, "EDOM");
  errno = 0;
  r = exp2(big * 2);
  check_errno("exp2(1400)", r, ERANGE, "ERANGE");
  errno = 0;
  r = logf(-xf);
  check_errno("logf(-2.5)", r, EDOM, "EDOM");

  if (failures) {
    fprintf(stderr, "libm: %d failure(s)\n", failures);
    return 1;
  }
  printf("libm: ok\n");
  return 0;
}
